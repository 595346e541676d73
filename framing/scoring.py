"""Framing indices: documented formulas over features, with weights kept as data.

Each index in ``index-weights.v1.json`` is a weighted combination of feature
values. Counts are turned into rates per 1,000 body words first, so a long
article is not more "skeptical" or "loaded" for being long. Every index can
explain itself: the contribution of each component and the evidence behind the
largest ones (:func:`explain`).

Indices
-------
index.skepticism
    skeptical attributions, contesting and distancing verbs, the reporter's own
    distancing (scare quotes among it, counted once), the reporter's hedges
    (per 1,000 words).
index.loadedness
    loaded words in the reporter's voice, plus a quarter weight for quoted ones.
index.hedging
    epistemic hedges, quoted ones at half weight (approximators excluded).
index.source_diversity
    effective number of sources, exp(Shannon entropy) of attributions by source.
index.complexity
    mean of five grade-level readability formulas.
index.tone
    mean VADER compound of body sentences.

References
----------
Entman (1993), Framing: toward clarification of a fractured paradigm.
Hill (1973), Diversity and evenness: a unifying notation (effective numbers).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .lexicons import load_json
from .types import Analysis, Attribution, Evidence

WEIGHTS_FILE = "index-weights.v1.json"
WORDS = "readability.words"


@dataclass(frozen=True, slots=True)
class Contribution:
    """One component of an index: the feature, its rate, weight and share of the index."""

    feature: str
    value: float
    rate: float
    weight: float
    contribution: float


@dataclass(frozen=True, slots=True)
class IndexExplanation:
    """Why an article got its index value: components, largest first, and evidence."""

    index: str
    value: float
    description: str
    contributions: tuple[Contribution, ...]
    evidence: tuple[Evidence, ...]


@cache
def index_specs() -> dict[str, dict[str, Any]]:
    """Index name -> its specification (description, how to combine, components)."""
    return dict(load_json(WEIGHTS_FILE))


def index_names() -> tuple[str, ...]:
    return tuple(index_specs())


def index_features(
    features: Mapping[str, float], attributions: Sequence[Attribution]
) -> dict[str, float]:
    """Every index's value for one article's features and attributions."""
    return {
        name: _value(spec, features, attributions) for name, spec in index_specs().items()
    }


def explain(analysis: Analysis, index: str, *, top: int = 3) -> IndexExplanation:
    """The components of ``index`` for one article, and the evidence that weighed most."""
    specs = index_specs()
    if index not in specs:
        raise KeyError(f"unknown index {index!r}; choose one of {', '.join(specs)}")
    spec = specs[index]
    contributions = _contributions(spec, analysis.features)
    ranked = sorted(contributions, key=lambda c: (-abs(c.contribution), c.feature))
    evidence = _evidence(spec, ranked, analysis, top)
    if spec["combine"] == "effective_sources":
        evidence = _source_evidence(analysis.attributions, top)
    return IndexExplanation(
        index, analysis.features.get(index, 0.0), spec["description"], tuple(ranked), evidence
    )


def _value(
    spec: Mapping[str, Any], features: Mapping[str, float], attributions: Sequence[Attribution]
) -> float:
    if spec["combine"] == "effective_sources":
        return effective_sources(attributions)
    parts = _contributions(spec, features)
    if not parts:
        return 0.0
    total = sum(p.contribution for p in parts)
    if spec["combine"] == "mean":
        total /= sum(p.weight for p in parts)
    return total if math.isfinite(total) else 0.0


def _contributions(spec: Mapping[str, Any], features: Mapping[str, float]) -> list[Contribution]:
    words = features.get(WORDS, 0.0)
    parts = []
    for component in spec["components"]:
        value = float(features.get(component["feature"], 0.0))
        if component["per_1000_words"]:
            rate = 1000.0 * value / words if words > 0 else 0.0
        else:
            rate = value
        weight = float(component["weight"])
        parts.append(Contribution(component["feature"], value, rate, weight, weight * rate))
    return parts


def effective_sources(attributions: Iterable[Attribution]) -> float:
    """exp(Shannon entropy) of attributions over their sources (Hill number of order 1)."""
    counts = Counter(source_key(a) for a in attributions)
    total = sum(counts.values())
    if total == 0:
        return 0.0
    entropy = -sum((n / total) * math.log(n / total) for n in counts.values())
    return math.exp(entropy)


def source_key(attribution: Attribution) -> str:
    """Who an attribution is to, as one key.

    A person is keyed by name, so "Putin", "President Vladimir Putin" and a
    resolved "he" are one source; other sources by their words without a
    leading article, so "Syrian state television" and "Syrian opposition
    sources" stay apart.
    """
    name = attribution.attrs.get("source_name")
    if attribution.source_type == "person" and isinstance(name, str) and name:
        return name.lower()
    if attribution.source is not None:
        words = attribution.source.text.lower().split()
        while words and words[0] in _DETERMINERS:
            words = words[1:]
        return " ".join(words)
    return "(no source named)"


_DETERMINERS = {"a", "an", "the", "one", "some"}


def _evidence(
    spec: Mapping[str, Any], ranked: list[Contribution], analysis: Analysis, top: int
) -> tuple[Evidence, ...]:
    by_feature = {c["feature"]: c for c in spec["components"]}
    picked: list[Evidence] = []
    for part in ranked:
        if part.contribution == 0:
            continue
        for selector in by_feature[part.feature]["evidence"]:
            for evidence in analysis.evidence:
                if len(picked) >= top:
                    return tuple(picked)
                if evidence not in picked and _selected(evidence, selector):
                    picked.append(evidence)
    return tuple(picked)


def _selected(evidence: Evidence, selector: Mapping[str, Any]) -> bool:
    if evidence.family != selector.get("family"):
        return False
    if "label" in selector and evidence.label != selector["label"]:
        return False
    if selector.get("exclude_label") == evidence.label:
        return False
    if "quoted" in selector and bool(evidence.attrs.get("quoted")) != selector["quoted"]:
        return False
    return True


def _source_evidence(attributions: Sequence[Attribution], top: int) -> tuple[Evidence, ...]:
    """One piece of evidence per distinct source, in the order they first speak."""
    seen: set[str] = set()
    found = []
    for a in attributions:
        key = source_key(a)
        span = a.source or a.cue
        if key in seen:
            continue
        seen.add(key)
        found.append(
            Evidence("attribution", "source", span.start, span.end, span.text, a.sentence,
                     {"source_type": a.source_type, "skeptical": a.skeptical})
        )
    return tuple(found[:top])
