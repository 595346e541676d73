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
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

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


def sentence_compound(sentence: str) -> float:
    """VADER's compound score for one sentence (-1 .. +1).

    A sentence with no word of VADER's lexicon scores 0 in VADER whatever else
    it holds (boosters, negations and punctuation only scale a lexicon word's
    valence), so about one news sentence in five is answered without running
    VADER. Emoji are words to VADER, so only ASCII text takes the shortcut.
    """
    analyzer = _analyzer()
    if sentence.isascii() and not _has_lexicon_word(sentence, analyzer.lexicon):
        return 0.0
    return float(analyzer.polarity_scores(sentence)["compound"])


def _has_lexicon_word(sentence: str, lexicon: dict[str, float]) -> bool:
    """Whether a word of ``sentence``, read as VADER reads it, is in VADER's lexicon.

    VADER splits on white space and strips punctuation from a token's ends,
    keeping the token whole when two characters or fewer would remain (":)").
    """
    for token in sentence.split():
        word = token.strip(string.punctuation)
        if (word if len(word) > 2 else token).lower() in lexicon:
            return True
    return False


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
