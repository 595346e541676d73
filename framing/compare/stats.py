"""Across stories: each outlet's index means with bootstrap intervals, and permutation tests.

References
----------
Efron & Tibshirani (1993), An Introduction to the Bootstrap.
"""

from __future__ import annotations

import numpy as np

from ..scoring import index_names
from ..types import Analysis
from .stories import by_outlet
from .values import Interval, OutletOverall

BOOTSTRAP_RESAMPLES = 2000
PERMUTATIONS = 5000
SEED = 20261121


def overall(analyses: list[Analysis]) -> tuple[OutletOverall, ...]:
    rng = np.random.default_rng(SEED)
    overall = []
    for outlet, items in sorted(by_outlet(analyses).items()):
        intervals = {}
        p_values = {}
        for index in index_names():
            values = np.array([a.features.get(index, 0.0) for a in items])
            rest = np.array([a.features.get(index, 0.0) for a in analyses if a.article.outlet != outlet])
            intervals[index] = interval(values, rng)
            if len(values) >= 2 and len(rest) >= 2:
                p_values[index] = _permutation_p(values, rest, rng)
        stories = tuple(sorted({a.article.story for a in items if a.article.story}))
        overall.append(OutletOverall(outlet, len(items), stories, intervals, p_values))
    return tuple(overall)


def intervals(items: list[Analysis], rng: np.random.Generator) -> dict[str, Interval]:
    return {
        index: interval(np.array([a.features.get(index, 0.0) for a in items]), rng)
        for index in index_names()
    }


def interval(values: np.ndarray, rng: np.random.Generator) -> Interval:
    mean = float(values.mean())
    if len(values) < 2:
        return Interval(mean, None, None)
    samples = rng.choice(values, size=(BOOTSTRAP_RESAMPLES, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(samples, [2.5, 97.5])
    return Interval(mean, float(low), float(high))


def _permutation_p(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> float:
    """Two-sided permutation test of a difference in means (with the +1 correction)."""
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    hits = 0
    for _ in range(PERMUTATIONS):
        shuffled = rng.permutation(pooled)
        hits += abs(shuffled[: len(a)].mean() - shuffled[len(a):].mean()) >= observed - 1e-12
    return (hits + 1) / (PERMUTATIONS + 1)
