"""Analyses and read errors as plain JSON-ready records: one builder for every output.

``framing score --format json|jsonl``, :meth:`framing.Analysis.to_dict` and
:func:`framing.to_frame` all take their record from here, so they cannot
drift apart. This module sits below :mod:`framing.types` (which imports it for
``to_dict``) and imports nothing of framing's at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .types import Actor, Analysis, Attribution, Evidence, ReadError, Span


def analysis_record(analysis: Analysis) -> dict[str, Any]:
    """One analysed article as plain JSON-ready data (the ``--format json`` row)."""
    article = analysis.article
    record = {
        "source": article.source,
        "id": article.id,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "story": article.story,
        "meta": dict(sorted(article.meta.items())),
        "language": analysis.language,
        "not_applicable": list(analysis.not_applicable),
        "features": {k: _number(v) for k, v in analysis.features.items()},
        "evidence": [_evidence_record(e) for e in analysis.evidence],
        "attributions": [_attribution_record(a) for a in analysis.attributions],
        "actors": [_actor_record(a) for a in analysis.actors],
        "warnings": list(analysis.warnings),
    }
    for tagger in ("cue_tagger", "loaded_tagger"):
        if getattr(analysis, tagger) is not None:
            record[tagger] = getattr(analysis, tagger)
    return record


def _actor_record(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind, "group": actor.group,
            "mentions": [_span_record(m) for m in actor.mentions]}


def error_record(error: ReadError) -> dict[str, str]:
    return {"source": error.source, "reason": error.reason}


def _number(value: float) -> float | int:
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


def _evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "family": evidence.family,
        "label": evidence.label,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "sentence": evidence.sentence,
        "attrs": dict(sorted(evidence.attrs.items())),
    }


def _span_record(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _attribution_record(attribution: Attribution) -> dict[str, Any]:
    return {
        "cue": _span_record(attribution.cue),
        "source": _span_record(attribution.source),
        "content": _span_record(attribution.content),
        "verb_stance": attribution.verb_stance,
        "source_type": attribution.source_type,
        "skeptical": attribution.skeptical,
        "direct": attribution.direct,
        "sentence": attribution.sentence,
        "attrs": dict(sorted(attribution.attrs.items())),
    }
