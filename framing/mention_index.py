"""Spans found by where they start: an article's mentions looked up by offset, by bisection.

Actor framing asks many times per article who is named inside a span or
across it; a scan of every mention for each question would grow with the
square of the article. These indexes are built once and answer by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from .types import Actor, Span

_T = TypeVar("_T")


class ByStart(Generic[_T]):
    """Items found by the range their start offset falls in, by bisection, and returned in their own order."""

    def __init__(self, items: Sequence[_T], start: Callable[[_T], int]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda k: start(items[k]))
        self._starts = [start(items[k]) for k in self._order]

    def starting(self, low: int, high: int) -> list[_T]:
        """The items whose start is in ``[low, high]``, in their order in the sequence given."""
        found = self._order[bisect_left(self._starts, low) : bisect_right(self._starts, high)]
        return [self._items[k] for k in sorted(found)]


class Mentions:
    """Some actors' mentions by start offset: who is named inside a span or across it."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = tuple(actors)
        pairs = [(a, m) for a in actors for m in a.mentions]  # in the order a scan of actors and mentions meets them
        self._by_start = ByStart(pairs, lambda pair: pair[1].start)
        self._longest = max((m.end - m.start for _, m in pairs), default=0)

    def within(self, start: int, end: int) -> list[tuple[Actor, Span]]:
        """The mentions inside ``[start, end]``, actor by actor."""
        return [(a, m) for a, m in self._by_start.starting(start, end) if m.end <= end]

    def overlapping(self, start: int, end: int) -> list[tuple[Actor, Span]]:
        """The mentions sharing a character with ``[start, end)``, actor by actor."""
        near = self._by_start.starting(start - self._longest, end - 1)  # a mention starting further back ends before
        return [(a, m) for a, m in near if start < m.end]
