"""Mentions of the user's own aliases, wherever the article writes them.

The recogniser finds names. A user's actor table may also name actors by words that are
no names ("rebels", "Western diplomats", "opposition activists"), or by a name the
recogniser misses. Each name of the actors the user's table brought
(:attr:`framing.actor_table.ActorTable.user_aliases`) is looked for in the sentences the
recogniser reads, as a whole word: written in lower case it matches in any case ("Rebels"
opening a sentence), written with a capital it matches as written ("US" is not "us").
A match takes the place of the recogniser's mentions inside it ("Syrian" in "Syrian
rebels") and gives way to one it lies in or crosses ("Assad" in "Bashar al-Assad").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .actor_table import ActorTable
from .entities import TAGGED_SENTENCES, Mention, MentionKind
from .types import Doc

_MENTION_KINDS: dict[str, MentionKind] = {"person": "person", "place": "place"}  # the rest read as bodies


def with_user_aliases(doc: Doc, mentions: Sequence[Mention], table: ActorTable) -> tuple[Mention, ...]:
    """``mentions`` and every written alias of the user's table, in text order."""
    patterns = _patterns(table.user_aliases)
    if not patterns:
        return tuple(mentions)
    found = [
        Mention(m.start(), m.end(), m.group(), sentence.index, _kind(table, m.group()))
        for sentence in doc.sentences if sentence.kind in TAGGED_SENTENCES
        for pattern in patterns for m in pattern.finditer(doc.text, sentence.start, sentence.end)
    ]
    kept = list(mentions)
    for new in sorted(found, key=lambda m: (m.start, m.start - m.end)):  # the longest first where two start
        inside = [m for m in kept if new.start <= m.start and m.end <= new.end]
        if any(m.start < new.end and new.start < m.end for m in kept if m not in inside) or _named(inside, new):
            continue
        kept = [m for m in kept if m not in inside] + [new]
    return tuple(sorted(kept, key=lambda m: (m.start, m.end)))


def _named(inside: list[Mention], new: Mention) -> bool:
    """The recogniser has this very span as a name of an actor (its kind is kept), not as misc."""
    return any(m.start == new.start and m.end == new.end and m.kind != "misc" for m in inside)


def _kind(table: ActorTable, alias: str) -> MentionKind:
    entry = table.resolve(alias)
    return _MENTION_KINDS.get(entry.kind if entry else "", "organisation")


@lru_cache(maxsize=8)
def _patterns(aliases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern for the aliases in lower case (any case matches), one for the others, longest first."""
    by_case: dict[bool, list[str]] = {True: [], False: []}
    for alias in sorted((a.strip() for a in aliases if a.strip()), key=lambda a: (-len(a), a)):
        words = (re.escape(w).replace("'", "['\u2019]") for w in alias.split())
        by_case[alias == alias.lower()].append(r"\s+".join(words))  # any white space, either apostrophe
    return tuple(
        re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE if lower else 0)
        for lower, words in by_case.items() if words
    )
