"""One compiled matcher for multi-word lexicon phrases over a Doc's tokens.

Overlaps are resolved deterministically: scanning left to right, the
earliest match wins and, among matches starting there, the longest. Matching is on lower-cased, normalised
tokens, so curly and straight apostrophes match alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .text import phrase_tokens
from .types import Token


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``[first, last)`` of the sequence searched matched phrase ``key``."""

    first: int
    last: int
    key: str


class PhraseMatcher:
    """Find lexicon phrases in token sequences."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for phrase, key in phrases:
            words = phrase_tokens(phrase)
            if words:
                index[words[0]].append((words, key))
        for candidates in index.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))
        self._index = dict(index)

    def __len__(self) -> int:
        return sum(len(c) for c in self._index.values())

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Non-overlapping matches in text order, earliest then longest."""
        found: list[Match] = []
        index = self._index
        i = 0
        n = len(tokens)
        while i < n:
            if tokens[i].lower not in index:  # most tokens start no phrase: skip the call
                i += 1
                continue
            best = self._longest_at(tokens, i, n)
            if best is None:
                i += 1
                continue
            found.append(best)
            i = best.last
        return found

    def _longest_at(self, tokens: Sequence[Token], i: int, n: int) -> Match | None:
        candidates = self._index.get(tokens[i].lower)
        if not candidates:
            return None
        for words, key in candidates:
            end = i + len(words)
            if end <= n and all(tokens[i + k].lower == w for k, w in enumerate(words)):
                return Match(i, end, key)
        return None
