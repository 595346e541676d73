"""Analyse articles: build the Doc once, run every feature family, gather evidence."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from .facts import extract_facts, term_counts
from .features import families
from .scoring import index_features
from .text import build_doc
from .types import Analysis, Article, Attribution, Doc, Evidence, FamilyResult, Span


def analyze(
    text: str | Article,
    *,
    outlet: str | None = None,
    title: str | None = None,
) -> Analysis:
    """Measure one article's framing features, with the evidence behind each count.

    ``text`` is the article's text (or an :class:`Article` with metadata). The
    result's features are always finite; every evidence span slices the text.
    """
    article = _as_article(text, outlet=outlet, title=title)
    doc = build_doc(article.text)
    results = [module.extract(doc) for module in families().values()]
    return _combine(article, doc, results, _warnings(article, doc))


def _with_indices(features: dict[str, float], attributions: list[Attribution]) -> None:
    for key, value in index_features(features, attributions).items():
        features[key] = value if math.isfinite(value) else 0.0


def analyze_corpus(articles: Iterable[Article | str]) -> Iterator[Analysis]:
    """Analyse articles one by one, in order, yielding as it goes."""
    for article in articles:
        yield analyze(article)


def _as_article(text: str | Article, *, outlet: str | None, title: str | None) -> Article:
    if isinstance(text, Article):
        article = text
    elif isinstance(text, str):
        article = Article(text=text)
    else:
        raise TypeError(
            f"analyze() takes the article's text as str or an Article, not {type(text).__name__}"
        )
    changes = {}
    if outlet is not None:
        changes.update(outlet=outlet, outlet_source="option")
    if title is not None:
        changes["title"] = title
    if changes:
        from dataclasses import replace

        article = replace(article, **changes)
    return article


def _warnings(article: Article, doc: Doc) -> list[str]:
    found = []
    if not doc.body:
        found.append("no article prose found: the text is empty or only headline/boilerplate")
    if article.outlet == "unknown":
        credit = article.meta.get("wire_credit")
        hint = f"; it credits {credit} for wire copy" if credit else ""
        found.append(
            "outlet unknown: no manifest, metadata, dateline, byline or URL names it"
            f"{hint} (set it with --outlet or a manifest.csv)"
        )
    return found


def _combine(
    article: Article, doc: Doc, results: list[FamilyResult], warnings: list[str]
) -> Analysis:
    features: dict[str, float] = {}
    evidence: list[Evidence] = []
    attributions: list[Attribution] = []
    for result in results:
        for key, value in result.features.items():
            features[key] = float(value) if math.isfinite(value) else 0.0
        evidence.extend(result.evidence)
        attributions.extend(result.attributions)
        warnings.extend(result.warnings)
    evidence.sort(key=lambda e: (e.start, e.end, e.family, e.label))
    attributions.sort(key=lambda a: (a.cue.start, a.cue.end))
    _with_indices(features, attributions)
    sentences = tuple(Span(s.start, s.end, s.text) for s in doc.sentences)
    return Analysis(
        article, features, tuple(evidence), tuple(attributions), tuple(warnings), sentences,
        extract_facts(doc), term_counts(doc),
    )
