"""How each outlet words a story: loaded terms, the names it gives the main actors, its hedged sentences."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..outlets import is_news_outlet
from ..scoring import normalise_name
from ..types import Analysis, Evidence
from .excerpts import excerpt
from .mentions import name_pattern, same_name
from .values import Excerpt, LoadedTerm


def loaded_terms(items: list[Analysis]) -> tuple[LoadedTerm, ...]:
    """Loaded words by cue, category and voice.

    Scare quotes are the reporter's marks, so their voice is the reporter's. A
    loaded word that is itself in scare quotes (CBC's "terrorists") is one row,
    its category saying both.
    """
    grouped: dict[tuple[str, str, bool], list[tuple[Analysis, Evidence]]] = defaultdict(list)
    for analysis in items:
        loaded = [e for e in analysis.evidence if e.family == "loaded" and e.label != "actor_reference"]
        cues = [e for e in loaded if e.label != "scare_quote"]
        scare = [e for e in loaded if e.label == "scare_quote"]
        for e in cues:
            category = e.label
            if any(q.start <= e.start and e.end <= q.end + 1 for q in scare):
                category += "_in_scare_quotes"
            cue = str(e.attrs.get("cue") or e.text.lower())
            grouped[(cue, category, bool(e.attrs.get("quoted")))].append((analysis, e))
        for e in scare:
            if not any(e.start <= c.start and c.end <= e.end + 1 for c in cues):
                grouped[(str(e.attrs.get("cue") or e.text.lower()), e.label, False)].append((analysis, e))
    terms = [
        LoadedTerm(cue, category, len(pairs), quoted, excerpt(pairs[0][0], [pairs[0][1]]))
        for (cue, category, quoted), pairs in grouped.items()
    ]
    return tuple(sorted(terms, key=lambda t: (t.quoted, -t.count, t.category, t.cue)))


def story_actor_labels(by_outlet: Mapping[str, list[Analysis]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """How each outlet names the story's main actors, one row per actor.

    An actor named by surname in one article ("Putin") and in full in another
    ("Vladimir Putin") is one actor; an outlet that names an actor the others
    list but its own article did not (Reuters' "Islamic State") shows the words
    it uses, found in its text. A news outlet named in the text (a photo
    credit, "told Reuters") reports the story and is not one of its actors.
    """
    raw = {
        outlet: {actor: found for actor, found in _actor_labels(items).items() if not is_news_outlet(actor)}
        for outlet, items in by_outlet.items()
    }
    names = sorted({a for labels in raw.values() for a in labels}, key=lambda n: (-len(n.split()), n))
    canonical: dict[str, str] = {}
    for name in names:
        canonical[name] = next(
            (c for c in canonical.values() if same_name(normalise_name(name), normalise_name(c))), name
        )
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for outlet, labels in raw.items():
        merged: dict[str, dict[str, None]] = defaultdict(dict)
        for actor, found in labels.items():
            merged[canonical[actor]].update(dict.fromkeys(found))
        for actor in set(canonical.values()) - set(merged):
            found = _named_in(by_outlet[outlet], actor)
            if found:
                merged[actor].update(dict.fromkeys(found))
        result[outlet] = {actor: tuple(found) for actor, found in sorted(merged.items())}
    return result


def _actor_labels(items: list[Analysis]) -> dict[str, tuple[str, ...]]:
    labels: dict[str, dict[str, None]] = defaultdict(dict)
    for analysis in items:
        for e in analysis.evidence:
            if e.family == "loaded" and e.label == "actor_reference":
                labels[str(e.attrs.get("actor", ""))][" ".join(e.text.split())] = None
    return {actor: tuple(found) for actor, found in sorted(labels.items()) if actor}


def _named_in(items: list[Analysis], name: str) -> tuple[str, ...]:
    """The ways ``name`` (in full, or its last word) is written in the articles, as written."""
    pattern = name_pattern(name)
    return tuple(dict.fromkeys(" ".join(m.group(0).split()) for a in items for m in pattern.finditer(a.text)))



def hedged(items: list[Analysis]) -> tuple[Excerpt, ...]:
    excerpts = []
    for analysis in items:
        by_sentence: dict[int, list[Evidence]] = defaultdict(list)
        for e in analysis.evidence:
            if e.family == "hedging":
                by_sentence[e.sentence].append(e)
        excerpts += [excerpt(analysis, found) for _, found in sorted(by_sentence.items())]
    return tuple(excerpts)
