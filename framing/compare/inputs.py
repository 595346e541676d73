"""What was compared: each input's record, articles of uncertain provenance, articles left out, warnings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..types import Analysis
from .values import ArticleWarning, InputRecord, LeftOut, Provenance

_UNSURE = re.compile(r"\b(?:wire copy|likely|not confirmed|unconfirmed|probably)\b", re.IGNORECASE)


def input_record(analysis: Analysis, story: str) -> InputRecord:
    """Where the article came from, its outlet, story and date, and the SHA-256 of its text."""
    digest = hashlib.sha256(analysis.text.encode("utf-8")).hexdigest()
    article = analysis.article
    return InputRecord(article.source, article.outlet, story, article.date, digest)


def uncertain_provenance(analyses: Sequence[Analysis]) -> tuple[Provenance, ...]:
    """Articles that may not be their outlet's own framing: wire copy, or an outlet not confirmed.

    Read from the manifest's ``how_identified`` and ``wire_credit`` columns: a
    wire credit, or an identification that says it is likely, probable, not
    confirmed or wire copy.
    """
    found = []
    for analysis in analyses:
        meta = analysis.article.meta
        how = " ".join(str(meta.get("how_identified", "")).split())
        wire = " ".join(str(meta.get("wire_credit", "")).split())
        if wire or _UNSURE.search(how):
            found.append(Provenance(analysis.article.source, analysis.article.outlet, how, wire))
    return tuple(found)


def left_out(analyses: Sequence[Analysis]) -> tuple[LeftOut, ...]:
    """The articles not compared (``not_applicable``: not in English) and their language."""
    return tuple(
        LeftOut(a.article.source, a.article.outlet, a.language) for a in analyses if a.not_applicable
    )


def article_warnings(analyses: Sequence[Analysis]) -> tuple[ArticleWarning, ...]:
    """Every warning of every article's analysis, in input order."""
    return tuple(ArticleWarning(a.article.source, w) for a in analyses for w in a.warnings)
