"""Facts (numbers, names, quoted sources) some outlets in a story report and others leave out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from ..lexicons import stop_words
from ..scoring import normalise_name, source_keys
from ..types import Analysis, Attribution, Evidence, Fact
from .excerpts import excerpt
from .mentions import exact_pattern, name_pattern, same_name
from .values import Excerpt, Omission

OMISSIONS_TOP = 30


def omissions(by_outlet: Mapping[str, list[Analysis]]) -> tuple[Omission, ...]:
    """Facts (numbers with units, names, quoted sources) some outlets report and others do not.

    An outlet leaves a name or source out only when its text never writes it
    (in full or, for a person, by surname; any case, possessive or hyphenated)
    and none of its articles has the actor it names (however spelt),
    so the Observer, which quotes Putin through Tass, does not leave Putin out;
    and no outlet leaves out its own name.
    """
    if len(by_outlet) < 2:
        return ()
    reported: dict[tuple[str, str], dict[str, Excerpt]] = defaultdict(dict)
    for outlet, items in sorted(by_outlet.items()):
        for kind, key, example in _facts_of(outlet, items):
            reported[(kind, key)].setdefault(outlet, example)
    reported = _merge_aliases(reported)
    outlets = sorted(by_outlet)
    mentions = _name_mentions(by_outlet)
    found = []
    for (kind, key), by in reported.items():
        if not _is_a_key(key):
            continue  # "The", "he": words that name nothing cannot be left out
        omitted = tuple(o for o in outlets if o not in by and not _writes(o, by_outlet[o], kind, key))
        if kind == "name" and " " not in key and mentions[key] < 2:
            continue  # one mention of a one-word name is too slight to call the rest an omission
        if omitted:
            first = sorted(by)[0]
            found.append(Omission(kind, key, tuple(sorted(by)), omitted, by[first], _as_written(by[first], key)))
    order = {"source": 0, "number": 1, "name": 2}
    found.sort(key=lambda o: (order[o.kind], len(o.reported_by), o.key))
    return tuple(found[:OMISSIONS_TOP])


def _is_a_key(key: str) -> bool:
    """A key names something: a number, or at least one word that is not a function word."""
    return any(word not in stop_words() for word in key.split())


def _as_written(example: Excerpt, key: str) -> str:
    """The first marked words of an excerpt, spaces folded; the key when nothing is marked."""
    if not example.marks:
        return key
    start, end = example.marks[0]
    return " ".join(example.text[start:end].split()) or key


def _writes(outlet: str, items: list[Analysis], kind: str, key: str) -> bool:
    """Whether an outlet's articles write a name or source themselves (numbers are not searched)."""
    if kind == "number" or not key.strip():
        return False
    if _names_outlet(outlet, key) or any(analysis.actor(key) is not None for analysis in items):
        return True  # the outlet itself, or an actor it names however it writes it ("Vladmir Putin")
    pattern = name_pattern(key) if kind == "source" and " " not in key else exact_pattern(key)
    return any(pattern.search(a.text) for a in items)



def _names_outlet(outlet: str, key: str) -> bool:
    return set(key.split()) <= set(normalise_name(outlet).split())


def _facts_of(outlet: str, items: list[Analysis]) -> list[tuple[str, str, Excerpt]]:
    found = []
    for analysis in items:
        for fact in analysis.facts:
            if fact.kind == "name" and _names_outlet(outlet, fact.key):
                continue  # the outlet naming itself
            found.append((fact.kind, fact.key, excerpt(analysis, [_fact_evidence(fact)])))
        for attribution, key in zip(analysis.attributions, source_keys(analysis.attributions)):
            if attribution.source is None or not _named_person_or_body(analysis, attribution, key):
                continue
            span = attribution.source
            evidence = Evidence("attribution", "source", span.start, span.end, span.text, attribution.sentence)
            found.append(("source", key, excerpt(analysis, [evidence])))
    return found


def _named_person_or_body(analysis: Analysis, attribution: Attribution, key: str) -> bool:
    """Whether a source can be left out: a person only when the name recogniser found the person
    ("Cruz", "Eric Pahon"), not a phrase the attribution rules took for one ("having", "cuts to
    footage of Trump", "Florida"); anonymous, organisation, media and document sources as they are."""
    if attribution.source_type != "person":
        return True
    actor = analysis.actor(key)
    return actor is not None and actor.kind != "place" and len(key.strip(".")) > 2


def _name_mentions(by_outlet: Mapping[str, list[Analysis]]) -> Counter[str]:
    return Counter(f.key for items in by_outlet.values() for a in items for f in a.facts if f.kind == "name")


def _fact_evidence(fact: Fact) -> Evidence:
    return Evidence("facts", fact.kind, fact.start, fact.end, fact.text, fact.sentence)


def _merge_aliases(
    reported: dict[tuple[str, str], dict[str, Excerpt]]
) -> dict[tuple[str, str], dict[str, Excerpt]]:
    """"Assad" and "Bashar al-Assad" are one name: a name key that ends another is merged into it.

    Only names: sources are already keyed by a person's name, and an
    organisation's words ("the military") must not swallow another's ("a
    statement issued by the Iraqi military").
    """
    merged: dict[tuple[str, str], dict[str, Excerpt]] = {}
    keys = sorted(reported, key=lambda k: (-len(k[1]), k))
    for kind, key in keys:
        target = next(
            (
                other for other in merged
                if other[0] == kind == "name" and same_name(key, other[1])
            ),
            (kind, key),
        )
        bucket = merged.setdefault(target, {})
        for outlet, example in reported[(kind, key)].items():
            bucket.setdefault(outlet, example)
    return merged
