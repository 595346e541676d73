"""Tone of the article body from VADER, sentence by sentence: the one module that calls VADER.

VADER is tuned for single sentences; on a whole article its compound score
saturates near +/-1 and says nothing. So each body sentence is scored and the
scores are aggregated: ``tone.mean_compound`` (-1 most negative .. +1 most
positive), and the shares of sentences at or beyond VADER's conventional
thresholds (compound >= 0.05 positive, <= -0.05 negative). The most negative
and most positive sentences are the evidence.

References
----------
Hutto & Gilbert (2014), VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM. vaderSentiment 3.3.2, MIT licence.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    scalar_inc_dec,
)

from ..types import Doc, Evidence, FamilyResult

FAMILY = "tone"
FEATURE_NAMES: tuple[str, ...] = (
    f"{FAMILY}.mean_compound",
    f"{FAMILY}.negative_share",
    f"{FAMILY}.positive_share",
)
POSITIVE = 0.05
NEGATIVE = -0.05
_EXAMPLES = 2


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def vader_lexicon() -> Mapping[str, float]:
    """VADER's word valences, as this adapter's analyzer reads them (for models built on its words); read-only,
    since the analyzer is shared."""
    return MappingProxyType(_analyzer().lexicon)


@cache
def _emoji() -> frozenset[str]:
    """The characters VADER replaces by their descriptions (it looks at one character at a time)."""
    return frozenset(e for e in _analyzer().emojis if len(e) == 1)


def sentence_compound(sentence: str) -> float:
    """VADER's compound score for one sentence (-1 .. +1), to the last bit.

    Emoji are words to VADER: a sentence with one goes to ``polarity_scores``
    whole. Any other sentence is scored by VADER's own steps without the
    character-by-character pass that ``polarity_scores`` makes to replace emoji,
    which would leave it as it is.
    """
    analyzer = _analyzer()
    if not _emoji().isdisjoint(sentence):
        return float(analyzer.polarity_scores(sentence)["compound"])
    return _compound_without_emoji(analyzer, sentence.strip())


def _compound_without_emoji(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    """VADER's compound of a text that holds no emoji: each word's valence (a booster, and "kind"
    before "of", have none of their own), the "but" rule, then VADER's normalisation.

    A text with no word of VADER's lexicon scores 0 whatever else it holds
    (boosters, negations and punctuation only scale a lexicon word's valence),
    so about one news sentence in five is answered once its words are read.
    """
    words = _vader_words(text)
    lowers = list(map(str.lower, words))
    lexicon = analyzer.lexicon
    if lexicon.keys().isdisjoint(lowers):
        return 0.0
    is_cap_diff = 0 < sum(map(str.isupper, words)) < len(words)  # VADER's allcap_differential, counted in C
    valences: list[float] = []
    for i, lower in enumerate(lowers):
        if lower not in lexicon or lower in BOOSTER_DICT or (
                lower == "kind" and i + 1 < len(lowers) and lowers[i + 1] == "of"):
            valences.append(0)
        else:
            valences.append(_valence(analyzer, words, is_cap_diff, lowers, i))
    # _but_check is VADER's own (private) step; vaderSentiment is pinned, and a test compares with polarity_scores
    return float(analyzer.score_valence(analyzer._but_check(words, valences), text)["compound"])


def _vader_words(text: str) -> list[str]:
    """VADER's ``SentiText`` words: split on white space, each stripped of the punctuation around it unless
    two characters or fewer would be left (an emoticon such as ":)" stays whole)."""
    return [stripped if len(stripped := token.strip(string.punctuation)) > 2 else token for token in text.split()]


_NEGATIONS = frozenset(NEGATE)


def _valence(analyzer: SentimentIntensityAnalyzer, words: list[str], is_cap_diff: bool, lowers: list[str],
             i: int) -> float:
    """VADER's ``sentiment_valence`` of word ``i``, a lexicon word, reading the sentence's words lower-cased once.

    VADER lower-cases the whole sentence again for each negation and idiom
    check, up to six times for every word of its lexicon; the steps and their
    order are VADER's, and a test compares the result with ``polarity_scores``.
    """
    lexicon = analyzer.lexicon
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(lowers) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word instead of counting itself
    if ((i > 0 and lowers[i - 1] == "no") or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))):
        valence = lexicon[lower] * N_SCALAR
    if words[i].isupper() and is_cap_diff:
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
    for back in range(3):
        if i > back and lowers[i - back - 1] not in lexicon:
            scalar = scalar_inc_dec(words[i - back - 1], valence, is_cap_diff)
            if scalar != 0 and back:
                scalar *= 0.95 if back == 1 else 0.9
            valence = _negation_check(valence + scalar, lowers, back, i)
            if back == 2:
                valence = _idioms_check(valence, lowers, i)
    return float(analyzer._least_check(valence, words, i))


def _negated(lower: str) -> bool:
    """VADER's ``negated`` of one lower-cased word."""
    return lower in _NEGATIONS or "n't" in lower


def _negation_check(valence: float, lowers: list[str], back: int, i: int) -> float:
    """VADER's ``_negation_check`` on the word ``back + 1`` places before word ``i``."""
    before = lowers[i - back - 1]
    if back == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in ("so", "this"):
            return valence * 1.25
        if lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            return valence
    elif back == 2:
        if (lowers[i - 3] == "never" and lowers[i - 2] in ("so", "this")) or lowers[i - 1] in ("so", "this"):
            return valence * 1.25
        if lowers[i - 3] == "without" and "doubt" in (lowers[i - 2], lowers[i - 1]):
            return valence
    return valence * N_SCALAR if _negated(before) else valence


def _idioms_check(valence: float, lowers: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` of word ``i`` (three or more words into the sentence)."""
    one_zero = f"{lowers[i - 1]} {lowers[i]}"
    two_one = f"{lowers[i - 2]} {lowers[i - 1]}"
    three_two = f"{lowers[i - 3]} {lowers[i - 2]}"
    two_one_zero = f"{two_one} {lowers[i]}"
    three_two_one = f"{lowers[i - 3]} {two_one}"
    for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if sequence in SPECIAL_CASES:
            valence = SPECIAL_CASES[sequence]
            break
    if len(lowers) - 1 > i and (zero_one := f"{lowers[i]} {lowers[i + 1]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[zero_one]
    if len(lowers) - 1 > i + 1 and (zero_one_two := f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def extract(doc: Doc) -> FamilyResult:
    """Mean sentence tone and the share of negative and positive sentences."""
    body = doc.body
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    if not body:
        return FamilyResult(features)
    scored = [(sentence_compound(s.text), s) for s in body]
    n = len(scored)
    features[f"{FAMILY}.mean_compound"] = sum(c for c, _ in scored) / n
    features[f"{FAMILY}.negative_share"] = sum(c <= NEGATIVE for c, _ in scored) / n
    features[f"{FAMILY}.positive_share"] = sum(c >= POSITIVE for c, _ in scored) / n
    negative = sorted((p for p in scored if p[0] <= NEGATIVE), key=lambda p: (p[0], p[1].index))
    positive = sorted((p for p in scored if p[0] >= POSITIVE), key=lambda p: (-p[0], p[1].index))
    evidence = tuple(
        Evidence(FAMILY, label, s.start, s.end, s.text, s.index, {"compound": round(c, 4)})
        for label, picked in (("most_negative", negative), ("most_positive", positive))
        for c, s in picked[:_EXAMPLES]
    )
    return FamilyResult(features, evidence)
