"""One compiled matcher for multi-word lexicon phrases over a Doc's tokens.

Overlaps are resolved deterministically: scanning left to right, the
earliest match wins and, among matches starting there, the longest. Matching is on lower-cased, normalised
tokens, so curly and straight apostrophes match alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count

from .text import phrase_tokens


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
                index[words[0]].append((tuple(words), key))  # a tuple, compared to a slice of Doc.lowers
        for candidates in index.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))
        self._index = dict(index)

    def __len__(self) -> int:
        return sum(len(c) for c in self._index.values())

    def find(self, lowers: tuple[str, ...]) -> list[Match]:
        """Non-overlapping matches in text order, earliest then longest, in lower-cased words.

        ``lowers`` is a slice of :attr:`Doc.lowers <framing.types.Doc.lowers>`
        (``doc.sentence_lowers(sentence)``), made once per article for every
        lexicon. Called for every sentence by several families, so the words
        that can start a phrase are picked out in C (``map``/``compress``) and
        only those are tried in Python; most sentences hold none of a
        lexicon's first words, and return at once.
        """
        index = self._index
        if index.keys().isdisjoint(lowers):
            return []
        found: list[Match] = []
        after = 0  # tokens before this one are inside an earlier match
        for i in compress(count(), map(index.__contains__, lowers)):
            if i < after:
                continue
            best = self._longest_at(lowers, i)
            if best is not None:
                found.append(best)
                after = best.last
        return found

    def _longest_at(self, lowers: tuple[str, ...], i: int) -> Match | None:
        n = len(lowers)
        for words, key in self._index[lowers[i]]:
            end = i + len(words)
            if end <= n and lowers[i:end] == words:
                return Match(i, end, key)
        return None
