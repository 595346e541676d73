"""Who each outlet quotes or paraphrases, and how."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..scoring import person_name, source_keys
from ..types import Analysis, Attribution, Evidence
from .excerpts import excerpt
from .values import QuotedSource


def _by_source(items: Sequence[Analysis]) -> dict[str, list[tuple[Analysis, Attribution]]]:
    """The outlet's attributions grouped by source key (``scoring.source_keys``), in text order."""
    grouped: dict[str, list[tuple[Analysis, Attribution]]] = defaultdict(list)
    for analysis in items:
        for attribution, key in zip(analysis.attributions, source_keys(analysis.attributions)):
            grouped[key].append((analysis, attribution))
    return grouped


def _naming(pairs: Sequence[tuple[Analysis, Attribution]]) -> tuple[Analysis, Attribution]:
    """The attribution that names its source best: the first with a person's full name, else the first."""
    return next(
        ((an, a) for an, a in pairs if a.source is not None and person_name(a.source.text)), pairs[0]
    )


def source_names(items: Sequence[Analysis]) -> dict[str, str]:
    """Each source key's name as the outlet's text gives it ("President Vladimir Putin" for "putin")."""
    names = {}
    for key, pairs in _by_source(items).items():
        source = _naming(pairs)[1].source
        names[key] = " ".join(source.text.split()) if source is not None else key
    return names


def quoted(items: list[Analysis]) -> tuple[QuotedSource, ...]:
    sources = []
    for key, pairs in _by_source(items).items():
        analysis, first = _naming(pairs)
        attributions = [a for _, a in pairs]
        cue = first.cue
        evidence = Evidence("attribution", "cue", cue.start, cue.end, cue.text, first.sentence)
        sources.append(
            QuotedSource(
                source=first.source.text if first.source else key,
                source_type=first.source_type,
                verbs=tuple(sorted({str(a.attrs.get("verb") or a.cue.text.lower()) for a in attributions})),
                stances=tuple(sorted({a.verb_stance for a in attributions})),
                skeptical=any(a.skeptical for a in attributions),
                count=len(attributions),
                example=excerpt(analysis, [evidence]),
            )
        )
    return tuple(sorted(sources, key=lambda s: (not s.skeptical, -s.count, s.source.lower())))
