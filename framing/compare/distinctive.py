"""Words an outlet uses more than the story's other outlets (Monroe, Colaresi & Quinn 2008).

References
----------
Monroe, Colaresi & Quinn (2008), Fightin' words: lexical feature selection and
evaluation for identifying the content of political conflict. Political Analysis.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache

from ..lexicons import noise_words
from ..names import honorifics, particles
from ..types import Analysis
from .values import DistinctiveTerm, Excerpt

DISTINCTIVE_TOP = 8
DISTINCTIVE_Z = 1.0
DISTINCTIVE_MIN_COUNT = 2  # one use says nothing of an outlet's vocabulary
PRIOR_STRENGTH = 500.0


def term_totals(analyses: Iterable[Analysis]) -> Counter[str]:
    totals: Counter[str] = Counter()
    for analysis in analyses:
        totals.update(analysis.terms)
    return totals


def distinctive(
    by_outlet: Mapping[str, list[Analysis]], background: Counter[str]
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """Log-odds ratio with an informative Dirichlet prior, each outlet against the rest.

    The prior is the whole corpus's term distribution scaled to
    ``PRIOR_STRENGTH`` pseudo-counts; z is the log-odds difference over its
    approximate standard deviation. Terms used at least
    ``DISTINCTIVE_MIN_COUNT`` times with z >= 1 are reported with their z, so a
    reader can see that with one or two articles per outlet few reach the
    conventional 1.96. Terms with a noise word (:func:`is_noise`) are never
    reported.
    """
    if len(by_outlet) < 2:
        return {}
    counts = {o: term_totals(items) for o, items in by_outlet.items()}
    total_background = sum(background.values()) or 1
    result = {}
    for outlet, mine in counts.items():
        rest: Counter[str] = Counter()
        for other, theirs in counts.items():
            if other != outlet:
                rest.update(theirs)
        n_mine, n_rest = sum(mine.values()), sum(rest.values())
        scored = []
        for term, count in mine.items():
            if count < DISTINCTIVE_MIN_COUNT or is_noise(term):
                continue
            alpha = PRIOR_STRENGTH * background[term] / total_background
            theirs = rest.get(term, 0)
            delta = math.log((count + alpha) / (n_mine + PRIOR_STRENGTH - count - alpha)) - math.log(
                (theirs + alpha) / (n_rest + PRIOR_STRENGTH - theirs - alpha)
            )
            z = delta / math.sqrt(1 / (count + alpha) + 1 / (theirs + alpha))
            if z >= DISTINCTIVE_Z:
                scored.append((z, term, count, theirs))
        scored.sort(key=lambda s: (-s[0], s[1]))
        result[outlet] = tuple(
            DistinctiveTerm(term, z, count, theirs, _term_example(by_outlet[outlet], term))
            for z, term, count, theirs in scored[:DISTINCTIVE_TOP]
        )
    return result


def is_noise(term: str) -> bool:
    """Whether a term holds a word that says nothing of framing.

    Month, day and number words and page furniture (``noise-words.v1.tsv``),
    honorifics ("mr") and name particles ("al", from :mod:`framing.names`).
    Function words never become terms (:func:`framing.facts.term_counts`).
    """
    return any(word in _noise() for word in term.split())


@cache
def _noise() -> frozenset[str]:
    return noise_words() | honorifics() | particles()


def _term_example(items: list[Analysis], term: str) -> Excerpt | None:
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)
    for analysis in items:
        for number in analysis.body:  # terms are counted in body sentences, so examples come from them
            span = analysis.sentences[number]
            match = pattern.search(span.text)
            if match:
                return Excerpt(analysis.article.source, analysis.article.outlet, number,
                               span.text, ((match.start(), match.end()),))
    return None
