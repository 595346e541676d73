"""Known news actors as data: the shipped table and the user's own, by alias and by group.

The shipped table (``actors.v1.tsv``, with provenance in its sidecar) lists
frequent actors of 2016-2024 news: heads of state and government, ministers,
ministries, armies, international bodies, armed groups, news agencies, and
seats of government. :func:`load_actor_table` extends it with the user's own
table (a mapping, a TOML file or a CSV file), which overrides it.

An :class:`ActorTable` answers what an alias names (:meth:`ActorTable.resolve`),
which group an actor acts for (:meth:`ActorTable.group`) and who a group's
members are (:meth:`ActorTable.members`). Names are matched through
:func:`framing.names.name_key`, so case, accents, possessives, honorifics,
titles and transliteration do not matter; a full name with a typo in the
given name ("Vladmir Putin") finds its person.
"""

from __future__ import annotations

import csv
import io
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .errors import InputError
from .io import wide_csv_fields
from .lexicons import load_table
from .names import KINDS, NameParts, name_key, parse_name, same_person

ACTORS_FILE = "actors.v1.tsv"
# names a table remembers the answer for: 14,255 after the 1,216 benchmark articles (about 2 MB); past the
# limit it starts again, so that a process scoring a large corpus does not grow without end
RESOLVED_LIMIT = 100_000
_UNKNOWN = object()  # not yet resolved; None is an answer (the table does not know the name)
_CSV_COLUMNS = ("alias", "actor", "group", "kind")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One known actor: its name, kind ("" when a user's table does not say), the group it
    acts for (or None), every name it goes by (its own first), and a note on who it is."""

    name: str
    kind: str
    group: str | None
    aliases: tuple[str, ...]
    note: str = ""


class ActorTable:
    """Actors by alias; a later entry with an actor's name, or a later alias, wins.

    ``added`` are the entries a user's table brought (see :meth:`extended`).
    """

    def __init__(self, entries: Iterable[ActorEntry], added: Iterable[ActorEntry] = ()) -> None:
        self._added = tuple(added)
        self._entries: dict[str, ActorEntry] = {}
        self._by_key: dict[str, str] = {}
        for entry in entries:
            self._entries[entry.name] = entry
            for alias in (entry.name, *entry.aliases):
                key = name_key(alias)
                if key:
                    self._by_key[key] = entry.name
        # every person's full names, parsed once and filed by surname and by given names: a name
        # can only be one of them by the same surname or, with the same given names, a close one
        self._by_surname: dict[str, list[tuple[str, NameParts]]] = {}
        self._by_given: dict[tuple[str, ...], list[tuple[str, NameParts]]] = {}
        for entry in self._entries.values():
            if entry.kind in ("person", ""):
                for alias in (entry.name, *entry.aliases):
                    if (parts := parse_name(alias)).given:
                        self._by_surname.setdefault(parts.surname, []).append((entry.name, parts))
                        self._by_given.setdefault(parts.given, []).append((entry.name, parts))
        self._resolved: dict[str, ActorEntry | None] = {}  # a table answers the same name the same way

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        """Every actor, sorted by name."""
        return tuple(self._entries[name] for name in sorted(self._entries))

    def resolve(self, name: str) -> ActorEntry | None:
        """The actor ``name`` names: an alias as written in any case, with or without
        honorific, title, possessive or "al-"; else the one person whose full name it
        is but for a transliteration or a typo in the given name; else None."""
        entry = self._resolved.get(name, _UNKNOWN)  # one look-up: a clear between two could lose the answer
        if entry is not _UNKNOWN:
            return entry  # type: ignore[return-value]
        entry = self._look_up(name)
        if len(self._resolved) >= RESOLVED_LIMIT:
            self._resolved.clear()
        self._resolved[name] = entry
        return entry

    def _look_up(self, name: str) -> ActorEntry | None:
        key = name_key(name)
        if key in self._by_key:
            return self._entries[self._by_key[key]]
        parts = parse_name(name)
        if not parts.given:
            return None
        candidates = (*self._by_surname.get(parts.surname, ()), *self._by_given.get(parts.given, ()))
        close = {actor for actor, full in candidates if same_person(parts, full)}
        return self._entries[close.pop()] if len(close) == 1 else None

    def canonical(self, name: str) -> str | None:
        """The actor's name for an alias (see :meth:`resolve`), or None."""
        entry = self.resolve(name)
        return entry.name if entry else None

    def group(self, name: str) -> str | None:
        """The group an actor acts for ("Russian government" for "Mr Putin"); a group's own
        name gives itself; None when the table does not know it or it has no group."""
        if name in self.groups():
            return name
        entry = self.resolve(name)
        return entry.group if entry else None

    def members(self, group: str) -> tuple[ActorEntry, ...]:
        """The actors of a group, sorted by name."""
        return tuple(e for e in self.entries if e.group == group)

    def groups(self) -> tuple[str, ...]:
        """Every group name, sorted."""
        return tuple(sorted({e.group for e in self._entries.values() if e.group}))

    @cached_property
    def user_groups(self) -> tuple[str, ...]:
        """The groups of the entries a user's table brought, sorted: a comparison shows each in
        every story that names it."""
        return tuple(sorted({e.group for e in self._added if e.group}))

    @cached_property
    def user_aliases(self) -> tuple[str, ...]:
        """Every name of the actors a user's table brought, sorted: an article's actors include
        each wherever it is written, name or not ("rebels")."""
        current = (self._entries[name] for name in {e.name for e in self._added})  # as the last entry left it
        return tuple(sorted({alias for e in current for alias in (e.name, *e.aliases)}))

    def extended(self, entries: Iterable[ActorEntry]) -> ActorTable:
        """A new table: this one's entries, then ``entries`` overriding them, as a user's."""
        added = tuple(entries)
        return ActorTable((*self._entries.values(), *added), (*self._added, *added))


@cache
def shipped_actors() -> ActorTable:
    """The table shipped with framing (``actors.v1.tsv``)."""
    return ActorTable(
        ActorEntry(
            row["actor"], row["kind"], row["group"] or None,
            tuple(a.strip() for a in row["aliases"].split("|") if a.strip()), row["note"],
        )
        for row in load_table(ACTORS_FILE)
    )


def load_actor_table(
    spec: Mapping[str, Iterable[str]] | str | os.PathLike[str] | None = None,
    *, base: ActorTable | None = None,
) -> ActorTable:
    """The shipped table (or ``base``), extended and overridden by the user's own.

    ``spec`` is one of:

    - a mapping of group to the names of its members,
      ``{"Russian government": ["Putin", "Kremlin"]}``: a known actor joins the
      group, an unknown name becomes an actor of that group;
    - a path to a TOML file with a ``[groups]`` table of the same shape and
      ``[actors."Name"]`` tables with ``aliases`` (a list), ``kind`` and ``group``;
    - a path to a CSV file with the columns ``alias`` and ``actor`` and,
      optionally, ``group`` and ``kind``: each row makes ``alias`` a name of
      ``actor``.

    Raises
    ------
    InputError
        When the file is missing, of another type, or malformed; the message
        names the file, the line and column or key, and what is wrong.
    """
    table = base if base is not None else shipped_actors()
    if spec is None:
        return table
    if isinstance(spec, Mapping):
        return table.extended(_group_entries(table, spec, "the actors mapping"))
    path = Path(spec)
    if path.suffix.lower() not in (".toml", ".csv"):
        raise InputError(f"{path}: an actor table must be a .toml or .csv file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the actor table ({error})") from None
    if path.suffix.lower() == ".toml":
        return table.extended(_toml_entries(table, text, str(path)))
    return table.extended(_csv_entries(table, text, str(path)))


def _group_entries(table: ActorTable, groups: Mapping[Any, Any], where: str) -> list[ActorEntry]:
    entries = []
    for group, names in groups.items():
        if not isinstance(group, str) or not group.strip():
            raise InputError(f"{where}: a group name must be a non-empty string, not {group!r}")
        for name in _strings(names, f"{where}, group {group!r}"):
            known = table.resolve(name)
            if known is not None:
                entries.append(replace(known, group=group, aliases=_with(known.aliases, name)))
            else:
                entries.append(ActorEntry(name, "", group, (name,)))
    return entries


def _toml_entries(table: ActorTable, text: str, where: str) -> list[ActorEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{where}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"groups", "actors"})
    if unknown:
        raise InputError(f"{where}: unknown table {unknown[0]!r}; an actor table has [groups] and [actors.\"Name\"]")
    entries = []
    actors = data.get("actors", {})
    if not isinstance(actors, dict):
        raise InputError(f"{where}: actors must be tables such as [actors.\"Vladimir Putin\"]")
    for name, fields in actors.items():
        at = f"{where}, [actors.{name!r}]"
        if not isinstance(fields, dict):
            raise InputError(f"{at}: expected a table with aliases, kind and group")
        extra = sorted(set(fields) - {"aliases", "kind", "group"})
        if extra:
            raise InputError(f"{at}: unknown key {extra[0]!r}; use aliases, kind and group")
        kind = _kind(fields.get("kind", ""), f"{at} kind")
        group = fields.get("group")
        if group is not None and (not isinstance(group, str) or not group.strip()):
            raise InputError(f"{at} group: expected a non-empty string, not {group!r}")
        aliases = tuple(_strings(fields.get("aliases", []), f"{at} aliases"))
        entries.append(_entry(table, name, aliases, kind, group))
    groups = data.get("groups", {})
    if not isinstance(groups, dict):
        raise InputError(f"{where}: [groups] must map each group to a list of names")
    extended = table.extended(entries)
    return entries + _group_entries(extended, groups, f"{where}, [groups]")


def _csv_entries(table: ActorTable, text: str, where: str) -> list[ActorEntry]:
    reader = csv.reader(io.StringIO(text))
    try:
        with wide_csv_fields():
            return _csv_rows(table, reader, where)
    except csv.Error as error:
        raise InputError(f"{where}, line {reader.line_num}: not valid CSV ({error})") from None


def _csv_rows(table: ActorTable, reader: Any, where: str) -> list[ActorEntry]:
    """One entry per row; rows naming the same actor merge (an earlier row is extended, not looked up again)."""
    header = [h.strip().lower() for h in next(reader, [])]
    if "alias" not in header or "actor" not in header:
        raise InputError(
            f"{where}, line 1: the header must name the columns alias and actor "
            f"(optional: group, kind); found {', '.join(header) or 'nothing'}"
        )
    unknown = [h for h in header if h not in _CSV_COLUMNS]
    if unknown:
        raise InputError(f"{where}, line 1: unknown column {unknown[0]!r}; the columns are {', '.join(_CSV_COLUMNS)}")
    entries: dict[str, ActorEntry] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{where}, line {line}: {len(row)} columns where the header has {len(header)}")
        cells = {h: cell.strip() for h, cell in zip(header, row)}
        for column in ("alias", "actor"):
            if not cells[column]:
                raise InputError(f"{where}, line {line}, column {column!r}: empty")
        kind = _kind(cells.get("kind", ""), f"{where}, line {line}, column 'kind'")
        earlier = entries.get(cells["actor"])
        base = ActorTable((earlier,)) if earlier is not None else table
        entry = _entry(base, cells["actor"], (cells["alias"],), kind, cells.get("group") or None)
        entries[entry.name] = entry
    return list(entries.values())


def _entry(table: ActorTable, name: str, aliases: tuple[str, ...], kind: str, group: str | None) -> ActorEntry:
    """A user's actor: a known one keeps what the user does not restate; a new one is made."""
    known = table.resolve(name)
    if known is None:
        return ActorEntry(name, kind, group, (name, *aliases))
    merged = known.aliases
    for alias in aliases:
        merged = _with(merged, alias)
    return replace(known, kind=kind or known.kind, group=group or known.group, aliases=merged)


def _with(aliases: tuple[str, ...], alias: str) -> tuple[str, ...]:
    return aliases if alias in aliases else (*aliases, alias)


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InputError(f"{where}: expected a list of names, not {value!r}")
    names = list(value)
    bad = next((n for n in names if not isinstance(n, str) or not n.strip()), None)
    if bad is not None or any(not isinstance(n, str) for n in names):
        raise InputError(f"{where}: every name must be a non-empty string, not {bad!r}")
    return [n.strip() for n in names]


def _kind(value: Any, where: str) -> str:
    if value in ("", None):
        return ""
    if value not in KINDS:
        raise InputError(f"{where}: {value!r} is not a kind; use one of {', '.join(KINDS)}")
    return str(value)
