"""Sentences quoted as evidence, with the spans to highlight."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Analysis, Evidence
from .values import Excerpt


def excerpt(analysis: Analysis, evidence: Sequence[Evidence]) -> Excerpt:
    """The sentence holding the evidence, with the evidence spans marked."""
    number = evidence[0].sentence
    if 0 <= number < len(analysis.sentences):
        span = analysis.sentences[number]
        start, end = span.start, span.end
    else:
        start, end = evidence[0].start, evidence[0].end
    start = min([start, *(e.start for e in evidence)])
    end = max([end, *(e.end for e in evidence)])
    marks = tuple(sorted({(e.start - start, e.end - start) for e in evidence if e.end > e.start}))
    return Excerpt(analysis.article.source, analysis.article.outlet, number,
                   analysis.text[start:end], marks)
