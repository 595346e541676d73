"""Where each outlet stands on each index within a story, and what stands out, with evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ..scoring import explain, index_names, index_specs
from ..types import Analysis
from .excerpts import excerpt
from .quoted import source_names
from .support import body_words, counted_items, shrunk, supported
from .values import Excerpt, Shows, Standout

STANDOUT_Z = 1.0


def feature_names(analyses: Sequence[Analysis]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for analysis in analyses:
        names.update(dict.fromkeys(k for k in analysis.features if not k.startswith("index.")))
    return tuple(names)


def mean_features(items: list[Analysis], names: tuple[str, ...]) -> dict[str, float]:
    return {k: sum(a.features.get(k, 0.0) for a in items) / len(items) for k in names}


def scales(analyses: Sequence[Analysis]) -> dict[str, float]:
    """Each index's standard deviation over all articles compared (sample SD)."""
    spreads = {}
    for index in index_names():
        values = [a.features.get(index, 0.0) for a in analyses]
        spreads[index] = float(np.std(values, ddof=1)) if len(values) >= 2 else 0.0
    return spreads


def standardise(
    means: Mapping[str, Mapping[str, float]], spreads: Mapping[str, float]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Each outlet's difference from the others' mean, in SDs of the index over all articles.

    Dividing by the spread of the story's own outlets would make any
    difference between two outlets exactly +-1 SD, however small; the spread
    over every article compared keeps small differences small.
    """
    z: dict[str, dict[str, float]] = {o: {} for o in means}
    rank: dict[str, dict[str, int]] = {o: {} for o in means}
    for index in index_names():
        values = {o: m[index] for o, m in means.items()}
        spread = spreads.get(index, 0.0)
        ordered = sorted(values, key=lambda o: (-values[o], o))
        for outlet, value in values.items():
            others = [v for o, v in values.items() if o != outlet]
            difference = value - (sum(others) / len(others)) if others else 0.0
            z[outlet][index] = difference / spread if spread > 1e-12 else 0.0
            rank[outlet][index] = ordered.index(outlet) + 1
    return z, rank


def standouts(
    outlet: str,
    by_outlet: Mapping[str, list[Analysis]],
    means: Mapping[str, Mapping[str, float]],
    z: Mapping[str, float],
) -> tuple[Standout, ...]:
    """The outlet's (at most three) largest differences from the others that a reader would notice.

    Each says how many body words and counted items it rests on, and whether
    that is enough for a finding (:mod:`.support`).
    """
    if len(means) < 2:
        return ()
    specs = index_specs()
    others = tuple(sorted(o for o in means if o != outlet))
    words = body_words(by_outlet[outlet])
    found = []
    for index, score in sorted(z.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
        value = means[outlet][index]
        theirs = [m[index] for o, m in means.items() if o != outlet]
        mean_others = sum(theirs) / len(theirs)
        if abs(score) < STANDOUT_Z or abs(value - mean_others) < specs[index]["min_difference"]:
            continue  # small, or too small to matter to a reader
        show = _ILLUSTRATIONS[_illustration(specs[index])]
        evidence, shows, own = show(outlet, by_outlet, index, score > 0)
        items = counted_items(outlet, by_outlet, index, score > 0)
        found.append(Standout(
            index, score, value, mean_others, evidence, outlet, others, shows, own,
            words, items, shrunk(score, words), supported(words, items),
        ))
    return tuple(found[:3])


Illustrated = tuple[tuple[Excerpt, ...], Shows, tuple[str, ...]]


def _illustration(spec: Mapping[str, Any]) -> str:
    """How a difference on an index is shown, from what its definition says the index is built on.

    An index of distinct sources shows sources; one built on tone shows the
    outlet's most positive or negative sentences; one built on readability, its
    longest or shortest sentences; any other, the items it counts.
    """
    if spec["combine"] == "effective_sources":
        return "sources"
    families = {selector["family"] for part in spec["components"] for selector in part["evidence"]}
    return families.pop() if families in ({"tone"}, {"readability"}) else "counted"


def _tone_sentences(outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, higher: bool) -> Illustrated:
    """The outlet's most positive sentences when it is more positive, its most negative when more negative."""
    label = "most_positive" if higher else "most_negative"
    picked = sorted(
        ((a, e) for a in by_outlet[outlet] for e in a.evidence if e.family == "tone" and e.label == label),
        key=lambda p: (-p[1].attrs.get("compound", 0.0) if higher else p[1].attrs.get("compound", 0.0)),
    )
    return tuple(excerpt(a, [e]) for a, e in picked[:2]), "own", ()


def _sentence_lengths(outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, higher: bool) -> Illustrated:
    """The outlet's longest sentences when it is harder to read, its shortest when easier."""
    items = by_outlet[outlet]
    if not higher:
        return _shortest(items), "shortest", ()
    longest = sorted(
        {(a.article.source, e.sentence): (a, e) for a in items for e in a.evidence
         if e.family == "readability" and e.label == "longest_sentence"}.values(),
        key=lambda p: (-p[1].attrs.get("words", 0), p[1].sentence),
    )
    return tuple(excerpt(a, [e]) for a, e in longest[:2]), "longest", ()


def _sources(outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, higher: bool) -> Illustrated:
    """The outlet's sources when it quotes more; when fewer, its sources by name and those only the others quote."""
    items = by_outlet[outlet]
    if higher:
        return tuple(
            excerpt(a, [c.evidence[0]]) for a in items for c in explain(a, index).contributions[:2]
        ), "own", ()
    own_keys = [c.feature.removeprefix("source: ") for a in items for c in explain(a, index).contributions]
    others = [
        (a, c.evidence[0]) for other, analyses in sorted(by_outlet.items()) if other != outlet
        for a in analyses for c in explain(a, index).contributions
        if c.feature.removeprefix("source: ") not in own_keys
    ]
    names = source_names(items)
    own = tuple(names.get(key, key) for key in own_keys)
    return tuple(excerpt(a, [e]) for a, e in others[:2]), "others_sources", own


def _counted(outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, higher: bool) -> Illustrated:
    """The outlet's counted items when it has more; when fewer, its items as written and the others' first."""
    own = [(a, e) for a in by_outlet[outlet] for e in explain(a, index).evidence]
    if higher:
        return tuple(excerpt(a, [e]) for a, e in own[:2]), "own", ()
    others = [
        (a, e) for other, analyses in sorted(by_outlet.items()) if other != outlet
        for a in analyses for e in explain(a, index).evidence[:1]
    ]
    written = tuple(" ".join(e.text.split()) for _, e in own)
    return tuple(excerpt(a, [e]) for a, e in others[:2]), "others_items", written


_ILLUSTRATIONS: dict[str, Callable[[str, Mapping[str, list[Analysis]], str, bool], Illustrated]] = {
    "tone": _tone_sentences,
    "readability": _sentence_lengths,
    "sources": _sources,
    "counted": _counted,
}


def _shortest(items: list[Analysis]) -> tuple[Excerpt, ...]:
    """The shortest sentences of narration: six words or more, ending a sentence, not opening a quotation."""
    found = []
    for analysis in items:
        for number, span in enumerate(analysis.sentences):
            text = span.text.strip()
            if (len(text.split()) >= 6 and text.endswith((".", "!", "?"))
                    and not text.startswith(("'", '"', "\u201c", "\u2018"))):
                found.append((len(text.split()), number, analysis, span))
    found.sort(key=lambda f: (f[0], f[1]))
    return tuple(
        Excerpt(a.article.source, a.article.outlet, number, span.text) for _, number, a, span in found[:2]
    )
