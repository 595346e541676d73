"""Checkable details an article reports, and its vocabulary, for comparing outlets.

Facts are numbers with their unit ("4,408 people", "less than 50 Russian
service personnel") and the names of people, organisations and places the
name recogniser finds ("Eric Pahon", "Syrian Observatory for Human Rights").
Within a story, a fact one outlet reports and another leaves out is an
omission worth a reader's attention.
Terms are the body's content words and two-word phrases, for distinctive-word
statistics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .entities import Mention, find_mentions
from .lexicons import stop_words
from .types import END, IS_WORD, LOWER, SENTENCE, START, TEXT, Doc, Fact, Token

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?%?$")
_DIGIT = re.compile(r"\d")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_NAME_KINDS = frozenset({"person", "organisation", "place"})
STOP_WORDS = stop_words() | {"said", "says", "told", "s", "'s"}
_UNIT_WORDS = 3
_UNIT_STOPS = STOP_WORDS | {
    "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast",
    "ago", "away", "long", "old", "earlier", "later", "apart",
}


def extract_facts(doc: Doc, mentions: Sequence[Mention] | None = None) -> tuple[Fact, ...]:
    """Numbers with units and names in the body, in text order.

    Names are the recogniser's people, organisations and places, and its
    other names of two words or more ("Syrian Civil War", but not "Russian"):
    :func:`framing.entities.find_mentions` (pass ``mentions`` when they are
    already found). Page furniture and capitalised common words are not names.
    """
    facts: list[Fact] = []
    for sentence in doc.body:
        if _DIGIT.search(doc.text, sentence.start, sentence.end):  # most sentences hold no number: no token loop
            facts.extend(_numbers(doc, doc.sentence_tokens(sentence)))
    body = {s.index for s in doc.body}
    for m in find_mentions(doc) if mentions is None else mentions:
        if (m.kind in _NAME_KINDS or len(m.text.split()) > 1) and m.sentence in body:
            facts.append(Fact("name", " ".join(doc.norm[m.start : m.end].lower().split()), m.text,
                              m.start, m.end, m.sentence))
    return tuple(sorted(facts, key=lambda f: (f.start, f.end)))


def term_counts(doc: Doc) -> dict[str, int]:
    """Content words and adjacent content-word pairs of the body, lower-cased."""
    counts: Counter[str] = Counter()
    for sentence in doc.body:
        words = _content_words(doc.sentence_lowers(sentence))  # "" breaks a pair
        counts.update(filter(None, words))
        counts.update(f"{a} {b}" for a, b in zip(words, words[1:]) if a and b)
    return dict(sorted(counts.items()))  # by term: terms are unique, so counts are never compared


def _content_words(lowers: Sequence[str]) -> list[str]:
    """Each lower-cased token if it is a content word, else "" (one comprehension: hot).

    A token whose lower-cased form starts with a letter is a word (``IS_WORD``): no character
    lower-cases to a letter without being a letter or digit itself (checked over every code point).
    """
    return [word if len(word) >= 2 and word not in STOP_WORDS and word[0].isalpha() else "" for word in lowers]


def _numbers(doc: Doc, tokens: tuple[Token, ...]) -> list[Fact]:
    found = []
    for i, token in enumerate(tokens):
        # isdigit() holds for every \d, so the cheap test only skips tokens the pattern rejects
        if not token[TEXT][0].isdigit() or not _NUMBER.match(token[TEXT]) or _is_date(tokens, i):
            continue
        value = float(token[TEXT].replace(",", "").rstrip("%"))
        end = i + 1
        if end < len(tokens) and tokens[end][LOWER] in _SCALE:
            value *= _SCALE[tokens[end][LOWER]]
            end += 1
        unit = []
        while end < len(tokens) and len(unit) < _UNIT_WORDS:
            word = tokens[end]
            if not word[IS_WORD] or word[LOWER] in _UNIT_STOPS or word[LOWER].endswith("ing"):
                break
            unit.append(word)
            end += 1
            if word[LOWER].endswith("s") and len(word[LOWER]) > 3:
                break  # a plural noun ends the unit: "refugees" in "1,234 refugees fled"
        if token[TEXT].endswith("%"):
            unit_key = "percent"
        elif unit:
            unit_key = unit[-1][LOWER].rstrip("s") or unit[-1][LOWER]
        else:
            continue  # a bare number (a page number, a score) is too vague to compare
        last = unit[-1] if unit else tokens[end - 1]
        found.append(
            Fact("number", f"{_plain_number(value)} {unit_key}", doc.text[token[START] : last[END]],
                 token[START], last[END], token[SENTENCE])
        )
    return found


def _plain_number(value: float) -> str:
    """4408 for 4,408 and 1234567 for 1,234,567 (never 1.23457e+06); 2.5 stays 2.5."""
    return str(int(value)) if value.is_integer() else f"{value:.15g}"


def _is_date(tokens: tuple[Token, ...], i: int) -> bool:
    text = tokens[i][TEXT]
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return True  # a year
    before = tokens[i - 1][LOWER] if i else ""
    after = tokens[i + 1][LOWER] if i + 1 < len(tokens) else ""
    return before in _MONTHS or after in _MONTHS


