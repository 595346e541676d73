"""How each outlet frames each main actor of a story: values only, the report words them.

Each article's actors are framed once (:func:`framing.actor_frames.actor_frames`).
Within a story, an outlet's value for an actor is the mean over its articles
that mention the actor; its standardised difference is the difference from
the other outlets' mean in standard deviations of that measure for that
actor over every article compared (as for the indices). A standout is a
difference of at least one SD and at least the measure's ``min_difference``
(``actor-frames.v1.json``), with evidence from both sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..actor_frames import actor_frames
from ..actor_tone import ToneScorer, word_tone
from ..credence_marks import frame_weights
from ..types import Actor, Analysis, Evidence
from .excerpts import excerpt
from .values import Excerpt

MEASURES: tuple[str, ...] = ("portrayal", "credence", "tone", "labels.negative", "labels.positive", "voice.share")
MAIN_ACTORS = 5
MAIN_GROUPS = 3
STANDOUT_Z = 1.0
_EVIDENCE = 2

Frames = Mapping[int, Mapping[str, Actor]]
"""id(analysis) -> actor name -> the framed actor."""


@dataclass(frozen=True, slots=True)
class ActorInOutlet:
    """How one outlet frames one actor in a story: means over its articles that mention it."""

    actor: str
    kind: str
    n: int
    mentions: float
    values: Mapping[str, float]
    z: Mapping[str, float]
    contested_by: tuple[str, ...]
    tone_method: str


@dataclass(frozen=True, slots=True)
class ActorStandout:
    """One outlet framing one actor differently from the story's other outlets, with evidence on both sides."""

    actor: str
    measure: str
    outlet: str
    value: float
    others: float
    z: float
    compared_with: tuple[str, ...]
    own: tuple[Excerpt, ...]
    theirs: tuple[Excerpt, ...]


def frame_all(analyses: Iterable[Analysis], tone: ToneScorer = word_tone) -> dict[int, dict[str, Actor]]:
    """Every article's framed actors, by the analysis's identity."""
    return {id(a): {x.name: x for x in actor_frames(a, tone=tone)} for a in analyses}


def actor_scales(analyses: Sequence[Analysis], frames: Frames) -> dict[tuple[str, str], float]:
    """(actor, measure) -> sample SD over the articles compared that mention the actor (0 with fewer than two)."""
    values: dict[tuple[str, str], list[float]] = {}
    for a in analyses:
        for name, actor in frames[id(a)].items():
            for measure in MEASURES:
                values.setdefault((name, measure), []).append(actor.features.get(measure, 0.0))
    return {key: float(np.std(v, ddof=1)) if len(v) >= 2 else 0.0 for key, v in values.items()}


def main_actors(
    outlets: Mapping[str, list[Analysis]], frames: Frames, groups: Collection[str] = ()
) -> tuple[str, ...]:
    """The story's main actors (most mentioned, named by two outlets where there are two), its main
    groups, and each of ``groups`` (the user's) that any outlet names.

    Places are left out, and so are the outlets compared.
    """
    mentions: Counter[str] = Counter()
    reach: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for outlet, items in outlets.items():
        for a in items:
            for name, actor in frames[id(a)].items():
                if actor.kind == "place" or not actor.mentions:
                    continue
                mentions[name] += len(actor.mentions)
                reach.setdefault(name, set()).add(outlet)
                kinds[name] = actor.kind
    outlet_names = {o.casefold() for o in outlets}
    wide = min(2, len(outlets))
    ranked = sorted((n for n in mentions if n.casefold() not in outlet_names),
                    key=lambda n: (-mentions[n], n))  # an outlet named in the text ("told Reuters") is no actor of it
    shared = [n for n in ranked if len(reach[n]) >= wide]
    people = [n for n in shared if kinds[n] != "group"][:MAIN_ACTORS]
    main_groups = [n for n in shared if kinds[n] == "group"][:MAIN_GROUPS]
    users = [n for n in ranked if n in groups and n not in main_groups]
    return (*people, *main_groups, *users)


def outlet_actors(
    items: list[Analysis], names: Sequence[str], frames: Frames, z: Mapping[str, Mapping[str, float]]
) -> tuple[ActorInOutlet, ...]:
    """The outlet's framing of each main actor it mentions."""
    found = []
    for name in names:
        framed = [frames[id(a)][name] for a in items if name in frames[id(a)]]
        if not framed:
            continue
        methods = sorted({str(e.attrs["method"]) for x in framed for e in x.evidence if e.label == "tone"})
        found.append(ActorInOutlet(
            actor=name,
            kind=framed[0].kind,
            n=len(framed),
            mentions=_mean(x.features["mentions"] for x in framed),
            values={m: _mean(x.features.get(m, 0.0) for x in framed) for m in MEASURES},
            z=z.get(name, {}),
            contested_by=tuple(sorted({str(e.attrs["contester"]) for x in framed for e in x.evidence
                                       if e.label == "contested"})),
            tone_method="; ".join(methods),
        ))
    return tuple(found)


def actor_z(
    outlets: Mapping[str, list[Analysis]], names: Sequence[str], frames: Frames,
    spreads: Mapping[tuple[str, str], float],
) -> dict[str, dict[str, dict[str, float]]]:
    """outlet -> actor -> measure -> the outlet's difference from the other outlets' mean, in SDs."""
    means = _means(outlets, names, frames)
    z: dict[str, dict[str, dict[str, float]]] = {o: {} for o in outlets}
    for name in names:
        having = {o: m[name] for o, m in means.items() if name in m}
        for outlet, values in having.items():
            others = [v for o, v in having.items() if o != outlet]
            z[outlet][name] = {
                measure: _standardised(values[measure], [v[measure] for v in others], spreads.get((name, measure), 0.0))
                for measure in MEASURES
            }
    return z


def actor_standouts(
    outlets: Mapping[str, list[Analysis]], names: Sequence[str], frames: Frames,
    z: Mapping[str, Mapping[str, Mapping[str, float]]],
) -> tuple[ActorStandout, ...]:
    """Differences a reader would notice: at least one SD and the measure's minimum.

    Portrayal and credence come first (the directional questions), then the
    rest; within each, the largest difference first.
    """
    minimum = frame_weights()["compare"]["min_difference"]
    means = _means(outlets, names, frames)
    found = []
    for outlet in sorted(outlets):
        for name, scores in z[outlet].items():
            for measure in MEASURES:
                score = scores[measure]
                theirs = {o: m[name][measure] for o, m in means.items() if o != outlet and name in m}
                if not theirs or abs(score) < STANDOUT_Z:
                    continue
                value, others = means[outlet][name][measure], sum(theirs.values()) / len(theirs)
                if abs(value - others) < float(minimum[measure]):
                    continue
                higher = value > others
                own = _illustrations(outlets[outlet], name, measure, frames, higher)
                other = [a for o in sorted(theirs) for a in outlets[o]]
                if len(theirs) == 1 and score < 0:
                    continue  # two outlets: one difference, told once, from the higher side
                found.append(ActorStandout(name, measure, outlet, value, others, score, tuple(sorted(theirs)),
                                           own, _illustrations(other, name, measure, frames, not higher)))
    return tuple(sorted(found, key=lambda s: (MEASURES.index(s.measure) > 1, -abs(s.z), s.actor, s.measure, s.outlet)))


def _means(
    outlets: Mapping[str, list[Analysis]], names: Sequence[str], frames: Frames
) -> dict[str, dict[str, dict[str, float]]]:
    means: dict[str, dict[str, dict[str, float]]] = {}
    for outlet, items in outlets.items():
        means[outlet] = {}
        for name in names:
            framed = [frames[id(a)][name] for a in items if name in frames[id(a)]]
            if framed:
                means[outlet][name] = {m: _mean(x.features.get(m, 0.0) for x in framed) for m in MEASURES}
    return means


def _standardised(value: float, others: Sequence[float], spread: float) -> float:
    if not others or spread <= 1e-12:
        return 0.0
    return (value - sum(others) / len(others)) / spread


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


# What shows a difference on each measure: the evidence items behind it, and which way they lean.
_SHOWN_BY = {
    "portrayal": ("credence", "label", "tone"),
    "credence": ("credence", "contested"),
    "tone": ("tone",),
    "labels.negative": ("label",),
    "labels.positive": ("label",),
    "voice.share": ("voice",),
}


def _illustrations(
    items: Sequence[Analysis], name: str, measure: str, frames: Frames, higher: bool
) -> tuple[Excerpt, ...]:
    """Sentences behind a value, those leaning the way of the difference first (at most two)."""
    ranked: list[tuple[float, int, Analysis, Evidence]] = []
    for order, a in enumerate(items):
        actor = frames[id(a)].get(name)
        if actor is None:
            continue
        for e in actor.evidence:
            if e.label not in _SHOWN_BY[measure]:
                continue
            lean = _lean(e, measure)
            if measure in ("labels.negative", "labels.positive", "voice.share") or (lean > 0) == higher and lean != 0:
                ranked.append((-abs(lean), order, a, e))
    # what the reporter did (a contest, a verb, a label) shows a difference better than a sentence's tone
    ranked.sort(key=lambda r: (r[3].label == "tone" and measure != "tone", r[0], r[1], r[3].start))
    if not ranked and measure in ("credence", "portrayal"):
        # nothing leans that way: the plain statements ("said") that keep the value near 0 show it
        ranked = [(-1.0, order, a, e) for order, a in enumerate(items) if name in frames[id(a)]
                  for e in frames[id(a)][name].evidence if e.label == "voice"]
    return tuple(_noted(excerpt(a, [e]), e) for _, _, a, e in _distinct(ranked)[:_EVIDENCE])


def _noted(quoted: Excerpt, e: Evidence) -> Excerpt:
    """A tone item's sentence with its reading and, from the word model, the words that moved it."""
    if e.label != "tone":
        return quoted
    return replace(quoted, tone=float(e.attrs["score"]), tone_words=str(e.attrs.get("words", "")))


def _lean(e: Evidence, measure: str) -> float:
    """How far one evidence item pushes its measure up (positive) or down (negative)."""
    if e.label == "credence":
        return float(e.attrs["weight"])
    if e.label == "contested":
        return -1.0
    if e.label == "tone":
        return float(e.attrs["score"])
    if e.label == "label":
        if measure == "labels.negative":
            return 1.0 if int(e.attrs["polarity"]) < 0 else 0.0
        if measure == "labels.positive":
            return 1.0 if int(e.attrs["polarity"]) > 0 else 0.0
        return float(e.attrs["polarity"])
    return 1.0


def _distinct(ranked: list[tuple[float, int, Analysis, Evidence]]) -> list[tuple[float, int, Analysis, Evidence]]:
    """One item per sentence: a contest is both a credence and a contested item."""
    seen, kept = set(), []
    for row in ranked:
        key = (id(row[2]), row[3].sentence)
        if key not in seen and row[0] != 0.0:
            seen.add(key)
            kept.append(row)
    return kept
