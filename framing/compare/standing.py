"""Where each outlet stands on each index within a story, and what stands out, with evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from ..scoring import explain, index_names, index_specs
from ..types import Analysis
from .excerpts import excerpt
from .quoted import source_names
from .values import Excerpt, Standout, StoryComparison

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
    if len(means) < 2:
        return ()
    specs = index_specs()
    found = []
    for index, score in sorted(z.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
        value = means[outlet][index]
        others = [m[index] for o, m in means.items() if o != outlet]
        mean_others = sum(others) / len(others)
        if abs(score) < STANDOUT_Z or abs(value - mean_others) < specs[index]["min_difference"]:
            continue  # small, or too small to matter to a reader
        phrase = specs[index]["higher" if score > 0 else "lower"]
        sentence = (
            f"{outlet} {phrase} than {the_others(outlet, means)} on this story "
            f"({specs[index]['label']} {_plain(value)} vs {_plain(mean_others)})."
        )
        evidence, note = _standout_evidence(outlet, by_outlet, index, higher=score > 0)
        found.append(Standout(index, score, value, mean_others, sentence, evidence, note, outlet))
    return tuple(found[:3])


def the_others(outlet: str, outlets: Iterable[str]) -> str:
    """Whom an outlet is compared with: the one other outlet by name, or "the other outlets"."""
    others = sorted(o for o in outlets if o != outlet)
    return others[0] if len(others) == 1 else "the other outlets"


def _plain(value: float) -> str:
    return f"{value:.2f}"


def _standout_evidence(
    outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, *, higher: bool
) -> tuple[tuple[Excerpt, ...], str]:
    """Sentences that show the difference in its direction, and a note on what they are.

    Tone: the outlet's most positive sentences when it is more positive, its most
    negative when more negative. Complexity: its longest sentences when harder
    to read, its shortest when easier. Counted indices: its own counted items
    when it has more; when it has fewer, how many it has and what the other
    outlets have.
    """
    items = by_outlet[outlet]
    them = the_others(outlet, by_outlet)
    if index == "index.tone":
        label = "most_positive" if higher else "most_negative"
        picked = sorted(
            ((a, e) for a in items for e in a.evidence if e.family == "tone" and e.label == label),
            key=lambda p: (-p[1].attrs.get("compound", 0.0) if higher else p[1].attrs.get("compound", 0.0)),
        )
        return tuple(excerpt(a, [e]) for a, e in picked[:2]), ""
    if index == "index.complexity":
        if higher:
            longest = sorted(
                {(a.article.source, e.sentence): (a, e) for a in items for e in a.evidence
                 if e.family == "readability" and e.label == "longest_sentence"}.values(),
                key=lambda p: (-p[1].attrs.get("words", 0), p[1].sentence),
            )
            return tuple(excerpt(a, [e]) for a, e in longest[:2]), "Its longest sentences:"
        return _shortest(items), "Its shortest sentences of narration:"
    if index == "index.source_diversity":
        own_sources = [c.feature.removeprefix("source: ") for a in items for c in explain(a, index).contributions]
        if higher:
            return tuple(
                excerpt(a, [c.evidence[0]]) for a in items for c in explain(a, index).contributions[:2]
            ), ""
        others = [
            (a, c.evidence[0]) for other, analyses in sorted(by_outlet.items()) if other != outlet
            for a in analyses for c in explain(a, index).contributions
            if c.feature.removeprefix("source: ") not in own_sources
        ]
        names = source_names(items)
        shown = ", ".join(names.get(key, key) for key in own_sources)
        note = (f"{outlet} quotes {len(own_sources)} source{'s' if len(own_sources) != 1 else ''}"
                f"{' (' + shown + ')' if own_sources else ''}. "
                f"Sources only {them} {'quotes' if them != 'the other outlets' else 'quote'}:")
        return tuple(excerpt(a, [e]) for a, e in others[:2]), note
    own = [(a, e) for a in items for e in explain(a, index).evidence]
    if higher:
        return tuple(excerpt(a, [e]) for a, e in own[:2]), ""
    others = [
        (a, e) for other, analyses in sorted(by_outlet.items()) if other != outlet
        for a in analyses for e in explain(a, index).evidence[:1]
    ]
    count = len(own)
    counted = "no item counted" if count == 0 else f"{count} item{'s' if count > 1 else ''} counted"
    examples = ", e.g. " + ", ".join(f"\u201c{' '.join(e.text.split())}\u201d" for _, e in own[:2]) if own else ""
    has = "have" if them == "the other outlets" else "has"
    note = f"{outlet}: {counted}{examples}. What {them} {has}:" if others else ""
    return tuple(excerpt(a, [e]) for a, e in others[:2]), note


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


def highlights(stories: Sequence[StoryComparison]) -> tuple[Standout, ...]:
    """The three most striking differences over all stories with two or more outlets."""
    standouts = [s for story in stories for o in story.outlets for s in o.standouts]
    standouts.sort(key=lambda s: (-abs(s.z), s.sentence))
    picked: list[Standout] = []
    seen: set[tuple[str, frozenset[float]]] = set()
    for standout in standouts:
        pair = (standout.index, frozenset({round(standout.value, 9), round(standout.others, 9)}))
        if pair not in seen:  # with two outlets, one's difference mirrors the other's
            seen.add(pair)
            picked.append(standout)
    return tuple(picked[:3])
