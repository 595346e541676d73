"""One actor per person: an article's name mentions grouped into actors.

:func:`group_mentions` takes the name mentions of one article (text and kind) and
returns one :class:`ActorGroup` per actor: full names that can be one person
(:func:`framing.names.same_person`), then bare surnames, then titles alone; other
kinds by :func:`framing.names.name_key`; and, with an actor table, known aliases
under the table's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .names import (
    NameParts, country_names, name_key, normalise_name, one_given_name, one_slip_apart, parse_name, plain_name,
    passes_down, same_person, title_key,
)


class KnownActors(Protocol):
    """What :func:`group_mentions` asks of an actor table: the canonical name of a known alias."""

    def canonical(self, name: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ActorGroup:
    """One actor of an article: its name, kind and the indices of the mentions that name it.

    ``ambiguous`` is True for a bare surname or title shared by two people of
    the article ("Trump" beside Donald and Ivanka Trump), kept apart from both.
    """

    name: str
    kind: str
    members: tuple[int, ...]
    ambiguous: bool = False


@dataclass(slots=True)
class _Cluster:
    kind: str
    name: str
    members: list[int]
    parts: list[NameParts]
    ambiguous: bool = False


def group_mentions(
    mentions: Sequence[tuple[str, str]], known: KnownActors | None = None
) -> tuple[ActorGroup, ...]:
    """Group one article's name mentions (text, kind) into actors, one per person or body.

    People are joined by name: full names that can be one person (variants and
    typos of given names), then surnames with or without honorific or title
    when exactly one person of the article has that surname, then a title alone
    ("the Russian president") when exactly one person's mentions hold all its
    words. Other kinds are joined by :func:`name_key` ("the UN's", "UN-hosted"
    and "UN"). With ``known`` (an actor table), mentions it knows take its
    canonical name, so "ISIS" and "Islamic State" are one actor. Groups come in
    the order of their first mention.
    """
    parsed = [parse_name(text) for text, _ in mentions]
    clusters: list[_Cluster] = []
    people = [i for i, (_, kind) in enumerate(mentions) if kind == "person"]
    _join_full_names(people, parsed, clusters)
    _join_surnames(people, parsed, clusters)
    _join_titles(people, parsed, clusters)
    for cluster in clusters:
        if len(cluster.parts) > 1:  # one way of writing the name is the name already
            cluster.name = _usual_name(cluster, parsed)
    _join_others(mentions, parsed, clusters)
    if known is not None:
        clusters = _merge_known(clusters, mentions, known)
    clusters.sort(key=lambda c: min(c.members))
    return tuple(ActorGroup(c.name, c.kind, tuple(sorted(c.members)), c.ambiguous) for c in clusters)


def _usual_name(cluster: _Cluster, parsed: list[NameParts]) -> str:
    """A person's fullest name of those the article writes twice or more, else its fullest name: a word the
    recogniser took into a name once ("Using Ted Cruz" beside "Ted Cruz" twice) names no one's row."""
    full = [parsed[i] for i in cluster.members if parsed[i].named]
    if not full:
        return cluster.name
    written = Counter(p.written for p in full)
    given = {p.written: len(p.given) for p in full}
    return max(written, key=lambda name: (min(written[name], 2), given[name], written[name]))


def _add_part(cluster: _Cluster, parts: NameParts) -> None:
    """A mention's name parts join its cluster's once: the same "Putin" twenty times is one comparison."""
    if parts not in cluster.parts:
        cluster.parts.append(parts)


def _join_full_names(people: list[int], parsed: list[NameParts], clusters: list[_Cluster]) -> None:
    """Mentions with a surname and given names or a generation (:attr:`NameParts.named`), the most complete
    first."""
    full = sorted((i for i in people if parsed[i].named),
                  key=lambda i: (-len(parsed[i].given), i))
    for i in full:
        match = [c for c in clusters if any(same_person(parsed[i], p) for p in c.parts)]
        if len(match) == 1:
            match[0].members.append(i)
            _add_part(match[0], parsed[i])
        else:
            clusters.append(_Cluster("person", _display_name(parsed[i]), [i], [parsed[i]]))


_TYPO_SURNAME = 6  # letters: a shorter surname one slip from another is often another name ("Bush", "Rush")


def _join_surnames(people: list[int], parsed: list[NameParts], clusters: list[_Cluster]) -> None:
    """A surname alone joins the one person of the article with that surname, or, when none has it,
    the one whose first given name it is ("Hillary", "Bernie"), or the one whose surname of six letters
    or more it misspells ("Giulini" for Rudy Giuliani); two such people leave it ambiguous; none starts
    a person known by surname only."""
    named = [c for c in clusters if not c.ambiguous]  # people with given names; this pass adds none
    holders_of: dict[tuple[str, bool], list[_Cluster]] = {}
    for i in people:
        p = parsed[i]
        if not p.surname or p.named:
            continue
        bare = not (p.title or p.honorific)  # "Sen. Warren" and "Mr. Graham" are surnames, never given names
        holders = holders_of.get((p.surname, bare))
        if holders is None:
            holders = holders_of[(p.surname, bare)] = _surname_holders(p.surname, named, given_name=bare)
        holders = _of_generation(holders, p)
        if len(holders) == 1:
            holders[0].members.append(i)
            _add_part(holders[0], p)
            continue
        ambiguous = len(holders) > 1
        alone = [c for c in clusters if c.ambiguous == ambiguous and all(not q.given for q in c.parts)
                 and c.parts[0].surname == p.surname and c.parts[0].generation == p.generation]
        if alone:
            alone[0].members.append(i)
            _add_part(alone[0], p)
        else:
            clusters.append(_Cluster("person", _display_name(p), [i], [p], ambiguous))


def _surname_holders(surname: str, named: list[_Cluster], *, given_name: bool) -> list[_Cluster]:
    """The people who have ``surname``; failing that and when the word may be a ``given_name``, those whose
    first given name it is ("Hillary" for Hillary Clinton, "Jim" for James Comey, when no one of the article
    has that surname);
    failing that, those whose surname it misspells."""
    holders = [c for c in named if any(q.surname == surname and q.named for q in c.parts)]
    if not holders and given_name:
        holders = [c for c in named if any(q.given and one_given_name(q.given[0], surname) for q in c.parts)]
    if not holders and len(surname) >= _TYPO_SURNAME:
        holders = [c for c in named if any(q.given and one_slip_apart(surname, q.surname) for q in c.parts)]
    return holders


def _of_generation(holders: list[_Cluster], surname: NameParts) -> list[_Cluster]:
    """Of the people a bare ``surname`` may be, those its generation allows.

    "Trump Jr." is only the son. A surname written without a suffix is the father beside his son of the
    same name ("Trump" beside Donald Trump and Donald Trump Jr.), as the news calls the son by his suffix.
    A person known only with "Jr." or "Sr." is that surname just when the article addresses him so, with
    an honorific ("Mr. Biden" of Joseph R. Biden Jr., as the New York Times writes) or a title his own
    mentions carry ("Admiral Harris" of Adm. Harry B. Harris Jr.), or when the word is his given name
    ("Joe"): "President Trump" in an article that names only Donald Trump Jr. in full is the father.
    A regnal number or a "III" passes no name down in this way ("Benedict" of Benedict XVI).
    """
    if surname.generation:
        return [c for c in holders if any(q.generation == surname.generation for q in c.parts)]
    sons = [c for c in holders if any(passes_down(q.generation) for q in c.parts)]
    if not sons:
        return holders
    others = [c for c in holders if c not in sons]
    if not others:
        return [c for c in sons if _addressed_as(surname, c) or _given_name_of(surname, c)]
    if len(others) == 1 and all(_father_and_son(others[0], c) for c in sons):
        return others
    return holders


def _addressed_as(surname: NameParts, person: _Cluster) -> bool:
    """An honorific, or a title whose words one of the person's own mentions carries (abbreviated or not)."""
    if surname.honorific:
        return True
    wanted = {title_key(w) for w in surname.title}
    return bool(wanted) and any(wanted <= {title_key(w) for w in q.title} for q in person.parts if q.title)


def _given_name_of(surname: NameParts, person: _Cluster) -> bool:
    """The word is no surname of the person's but the first of his given names ("Joe" of Joe Biden)."""
    return all(q.surname != surname.surname for q in person.parts if q.named)


def _father_and_son(plain: _Cluster, suffixed: _Cluster) -> bool:
    """Two people of one surname and first given name, one of them written with a generation."""
    firsts = {q.given[0] for q in plain.parts if q.given}
    return any(q.given and q.given[0] in firsts for q in suffixed.parts)


def _join_titles(people: list[int], parsed: list[NameParts], clusters: list[_Cluster]) -> None:
    """ "the Russian president" joins the one person whose own mentions carry all its words ("the President of
    Russia" is read as "russia president"; "President Bashar al-Assad" carries no "russia"); a title word
    written alone with a capital joins the one person of that surname ("Justice" of Gov. Jim Justice)."""
    for i in people:
        p = parsed[i]
        if not p.title_only:
            continue
        wanted = _countries(p.title)
        holders = [c for c in clusters if c.kind == "person" and c.parts[0].surname
                   and any(q.surname and wanted <= _countries(q.title) for q in c.parts)]
        if not holders and len(p.title) == 1 and p.text.strip()[:1].isupper():
            holders = [c for c in clusters if any(q.named and q.surname == p.title[0] for q in c.parts)]
        if len(holders) == 1:
            holders[0].members.append(i)
            _add_part(holders[0], p)
            continue
        same = [c for c in clusters if c.parts[0].title_only and _countries(c.parts[0].title) == wanted]
        if same:
            same[0].members.append(i)
            _add_part(same[0], p)
        else:
            clusters.append(_Cluster("person", " ".join(p.title), [i], [p], len(holders) > 1))


@lru_cache(maxsize=4096)
def _countries(words: tuple[str, ...]) -> frozenset[str]:
    """Title words with a country's name or adjective read as the country, a name of several words too:
    "syrian" and "syria's"; "united states" of "the President of the United States"."""
    countries = country_names()
    found: set[str] = set()
    i = 0
    while i < len(words):
        size = next((n for n in (3, 2) if " ".join(words[i : i + n]) in countries), 1)
        key = " ".join(words[i : i + size])
        found.add(countries.get(key, key))
        i += size
    return frozenset(found)


def _join_others(mentions: Sequence[tuple[str, str]], parsed: list[NameParts], clusters: list[_Cluster]) -> None:
    by_key: dict[tuple[str, str], _Cluster] = {}
    for i, (text, kind) in enumerate(mentions):
        if kind == "person":
            continue
        key = name_key(text) or normalise_name(text)
        cluster = by_key.get((kind, key))
        if cluster is None:
            cluster = by_key[(kind, key)] = _Cluster(kind, plain_name(text), [], [])
            clusters.append(cluster)
        cluster.members.append(i)
        _add_part(cluster, parsed[i])


def _merge_known(clusters: list[_Cluster], mentions: Sequence[tuple[str, str]], known: KnownActors) -> list[_Cluster]:
    """Clusters whose mentions the table knows take its name; two with one name become one.
    An ambiguous surname is left alone: the table cannot say which of the two people it is."""
    merged: dict[tuple[str, str], _Cluster] = {}
    result = []
    for cluster in clusters:
        canonical = None if cluster.ambiguous else next(
            (c for i in cluster.members if (c := known.canonical(mentions[i][0])) is not None), None
        )
        if canonical is None:
            result.append(cluster)
            continue
        key = (cluster.kind, canonical)
        if key in merged:
            merged[key].members += cluster.members
            merged[key].parts += cluster.parts
        else:
            cluster.name = canonical
            merged[key] = cluster
            result.append(cluster)
    return result


def _display_name(parts: NameParts) -> str:
    """The name as written ("Vladimir Putin"), or a title alone without its determiner."""
    return parts.written or plain_name(parts.text)
