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

from functools import cache

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

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
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    lowers = list(map(str.lower, words))
    if analyzer.lexicon.keys().isdisjoint(lowers):
        return 0.0
    valences: list[float] = []
    for i, lower in enumerate(lowers):
        if lower in BOOSTER_DICT or (lower == "kind" and i + 1 < len(lowers) and lowers[i + 1] == "of"):
            valences.append(0)
        else:
            valences = analyzer.sentiment_valence(0, sentitext, words[i], i, valences)
    # _but_check is VADER's own (private) step; vaderSentiment is pinned, and a test compares with polarity_scores
    return float(analyzer.score_valence(analyzer._but_check(words, valences), text)["compound"])


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
