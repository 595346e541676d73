"""Checkable details an article reports, and its vocabulary, for comparing outlets.

Facts are numbers with their unit ("4,408 people", "less than 50 Russian
service personnel") and names (capitalised sequences such as "Eric Pahon" or
"Syrian Observatory for Human Rights"). Within a story, a fact one outlet
reports and another leaves out is an omission worth a reader's attention.
Terms are the body's content words and two-word phrases, for distinctive-word
statistics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress, count

from .lexicons import stop_words
from .names import particles, title_words
from .types import Doc, Fact, Token

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?%?$")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_ORG_LINKS = {"for", "of"}  # "Observatory for Human Rights", "Ministry of Defence"
_ORG_HEADS = {
    "observatory", "ministry", "department", "office", "council", "committee", "commission",
    "institute", "university", "bank", "court", "party", "organisation", "organization",
    "republic", "congress", "association", "union", "league", "agency", "secretary",
    "minister", "president", "army", "forces", "front", "coalition", "federation",
}
_NOT_NAMES = _MONTHS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "i", "the", "a", "an", "he", "she", "it", "they", "we", "you", "but", "and",
    "in", "on", "at", "as", "if", "when", "while", "though", "however", "after",
    "before", "this", "that", "these", "those", "there", "here", "mr", "mrs", "ms",
}
STOP_WORDS = stop_words() | {"said", "says", "told", "s", "'s"}
_UNIT_WORDS = 3
_UNIT_STOPS = STOP_WORDS | {
    "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast",
    "ago", "away", "long", "old", "earlier", "later", "apart",
}


def extract_facts(doc: Doc) -> tuple[Fact, ...]:
    """Numbers with units and names in the body, in text order."""
    facts: list[Fact] = []
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        facts.extend(_numbers(doc, tokens))
        facts.extend(_names(doc, tokens))
    return tuple(sorted(facts, key=lambda f: (f.start, f.end)))


def term_counts(doc: Doc) -> dict[str, int]:
    """Content words and adjacent content-word pairs of the body, lower-cased."""
    counts: Counter[str] = Counter()
    for sentence in doc.body:
        words = _content_words(doc.sentence_tokens(sentence))  # "" breaks a pair
        counts.update(filter(None, words))
        counts.update(f"{a} {b}" for a, b in zip(words, words[1:]) if a and b)
    return dict(sorted(counts.items()))  # by term: terms are unique, so counts are never compared


def _content_words(tokens: Sequence[Token]) -> list[str]:
    """Each token's lower-cased form if it is a content word, else "" (one comprehension: hot)."""
    return [
        word if t.is_word and word not in STOP_WORDS and word[0].isalpha() and len(word) >= 2 else ""
        for t in tokens
        for word in (t.lower,)
    ]


def _numbers(doc: Doc, tokens: tuple[Token, ...]) -> list[Fact]:
    found = []
    for i, token in enumerate(tokens):
        # isdigit() holds for every \d, so the cheap test only skips tokens the pattern rejects
        if not token.text[0].isdigit() or not _NUMBER.match(token.text) or _is_date(tokens, i):
            continue
        value = float(token.text.replace(",", "").rstrip("%"))
        end = i + 1
        if end < len(tokens) and tokens[end].lower in _SCALE:
            value *= _SCALE[tokens[end].lower]
            end += 1
        unit = []
        while end < len(tokens) and len(unit) < _UNIT_WORDS:
            word = tokens[end]
            if not word.is_word or word.lower in _UNIT_STOPS or word.lower.endswith("ing"):
                break
            unit.append(word)
            end += 1
            if word.lower.endswith("s") and len(word.lower) > 3:
                break  # a plural noun ends the unit: "refugees" in "1,234 refugees fled"
        if token.text.endswith("%"):
            unit_key = "percent"
        elif unit:
            unit_key = unit[-1].lower.rstrip("s") or unit[-1].lower
        else:
            continue  # a bare number (a page number, a score) is too vague to compare
        last = unit[-1] if unit else tokens[end - 1]
        found.append(
            Fact("number", f"{_plain_number(value)} {unit_key}", doc.text[token.start : last.end],
                 token.start, last.end, token.sentence)
        )
    return found


def _plain_number(value: float) -> str:
    """4408 for 4,408 and 1234567 for 1,234,567 (never 1.23457e+06); 2.5 stays 2.5."""
    return str(int(value)) if value.is_integer() else f"{value:.15g}"


def _is_date(tokens: tuple[Token, ...], i: int) -> bool:
    text = tokens[i].text
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return True  # a year
    before = tokens[i - 1].lower if i else ""
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return before in _MONTHS or after in _MONTHS


def _names(doc: Doc, tokens: tuple[Token, ...]) -> list[Fact]:
    found = []
    links, titles = particles(), title_words()
    capitalised = [_capitalised(t) for t in tokens]
    j = 0  # tokens before j belong to an earlier name
    for i in compress(count(), capitalised):
        if i < j:
            continue
        j = i + 1
        while j < len(tokens):
            if capitalised[j]:
                j += 1
            elif j + 1 < len(tokens) and capitalised[j + 1] and (
                tokens[j].lower in links
                or (tokens[j].lower in _ORG_LINKS and tokens[j - 1].lower in _ORG_HEADS)
            ):
                j += 2
            else:
                break
        words = [t for t in tokens[i:j]]
        titled = [k for k, t in enumerate(words[:-1]) if t.lower.rstrip(".") in titles]
        if titled and not any(t.lower in _ORG_LINKS for t in words):
            words = words[titled[-1] + 1 :]  # "Syrian President Bashar al-Assad" -> the name
        while words and words[0].lower in _ORG_LINKS:
            words = words[1:]
        lone = len(words) == 1
        if words and not (lone and (words[0] is tokens[0] or words[0].lower.endswith("ing"))):
            key = " ".join(t.lower for t in words)
            found.append(
                Fact("name", key, doc.text[words[0].start : words[-1].end],
                     words[0].start, words[-1].end, words[0].sentence)
            )
    return found


_HYPHENATED_NAME = re.compile(r"[a-z]{1,3}-[A-Z]\w*")
_ACRONYM = re.compile(r"[A-Z]{2,3}")


def _capitalised(token: Token) -> bool:
    """A word that can be part of a name: "Putin", "al-Assad", "UN", not "With"."""
    text = token.text
    if not text[0].isupper():
        return "-" in text and bool(_HYPHENATED_NAME.fullmatch(text))  # al-Assad, el-Sisi
    if _ACRONYM.fullmatch(text):
        return True  # US, UK, UN
    return (
        token.is_word
        and token.lower not in _NOT_NAMES
        and token.lower not in STOP_WORDS
        and not text.isdigit()
        and not (len(text) > 1 and text.isupper() and len(text) > 5)  # SHOUTED words
    )
