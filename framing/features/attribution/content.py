"""What is said: an attribution in the making, its content span and the quotations it lies in.

Quotations are looked up by bisection over ``doc.quotes`` (sorted by start; they
may nest), so each lookup costs the logarithm of their number, not a scan.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter, itemgetter

from ...types import END, IS_WORD, LOWER, QUOTED, START, TEXT, Doc, Quote, Sentence, Token
from .lexicon import lexicon, word_set

QUOTE_MARKS = frozenset('"\u201c\u201d\'\u2018\u2019`')
SPAN_START = attrgetter("start")  # bisection key of quotes and sentences
TOKEN_START, TOKEN_END = itemgetter(START), itemgetter(END)  # bisection keys of tokens
# Cue forms that are more often plural nouns ("media reports", "cost estimates").
NOUN_PRONE = word_set("noun_prone")
_CLAUSE_BREAK = word_set("clause_break")


class Covered:
    """Characters covered by a growing set of spans, kept as disjoint sorted intervals.

    Membership and insertion are found by bisection, so asking whether a
    word lies inside any content found so far costs no scan over them all.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Cover ``[start, end)``, merging the intervals it touches."""
        if start >= end:
            return
        i = bisect_left(self._ends, start)    # the first interval ending at or after ``start``
        j = bisect_right(self._starts, end)   # past the last interval starting at or before ``end``
        if i < j:
            start, end = min(start, self._starts[i]), max(end, self._ends[j - 1])
        self._starts[i:j], self._ends[i:j] = [start], [end]

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


@dataclass(slots=True)
class Found:
    """An attribution while it is being built (source may still be a pronoun)."""

    sentence: Sentence
    cue: tuple[int, int]                 # token indices into doc.tokens, [first, last)
    lemma: str
    source: tuple[int, int] | None
    content: tuple[int, int] | None      # character offsets
    direct: bool
    quoted_person: tuple[int, int] | None = None
    # the content is something the story itself reports, referred back to ("something ... denied")
    back_reference: bool = False
    stance_word: str | None = None       # "skeptical" in "Washington was skeptical"
    score: float | None = None           # the learned stage's or the tagger's probability, for its cues
    tagged: bool = False                 # a cue only the tagger found


def make(
    doc: Doc,
    sentence: Sentence,
    offset: int,
    first: int,
    last: int,
    lemma: str,
    source: tuple[int, int] | None,
    content: tuple[int, int] | None,
) -> Found:
    # Content that is a whole sentence before the cue's own is a quotation whose
    # marks were lost: "I congratulate you!" / "Putin told the servicemen."
    direct = content is not None and (content[1] <= sentence.start or _is_direct(doc, content))
    return Found(
        sentence,
        (offset + first, offset + last),
        lemma,
        None if source is None else (offset + source[0], offset + source[1]),
        content,
        direct,
    )


def only_object(tokens: Sequence[Token], last: int) -> bool:
    """After the cue only a short object or adverbial: "told the servicemen.", "said on Monday."."""
    rest = tokens[last:]
    if not rest or rest[-1][TEXT] not in {".", "!"}:
        return False
    words = rest[:-1]
    return len(words) <= 5 and not any(t[LOWER] == "that" or t[QUOTED] for t in words)


def quote_before(doc: Doc, tokens: Sequence[Token], start: int) -> tuple[int, int] | None:
    """A quotation closing right before the source: '"...," Putin said'."""
    j = start - 1
    while j >= 0 and not tokens[j][IS_WORD] and j >= start - 3:
        j -= 1
    if j < 0 or j < start - 3 or not tokens[j][QUOTED]:
        return None
    return _quote_ending_at(doc, tokens[j][END])


def content_before(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], stop: int
) -> tuple[int, int] | None:
    """Content left of the source/cue: a quotation, the clause, or the sentence before."""
    j = stop - 1
    while j >= 0 and not tokens[j][IS_WORD]:
        j -= 1
    if j >= 0:
        quote = _quote_ending_at(doc, tokens[j][END])
        if quote is not None:
            return quote
        return (tokens[0][START], tokens[j][END])
    return _previous_sentence(doc, sentence)


def content_after(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], i: int
) -> tuple[int, int] | None:
    while i < len(tokens) and tokens[i][LOWER] in {"that", ":", ","}:
        i += 1
    if i < len(tokens) and tokens[i][QUOTED]:
        quote = _quote_at(doc, tokens[i][START])
        if quote is not None:
            return quote
    # The clause ends at a semicolon, a ", but", or a comma before a speech
    # verb: "a Republican who has refused to endorse Mr. Trump, said ...".
    # A second statement of the same speaker ends it too: "... plan and said they will wait".
    verbs = lexicon().form_lemma
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k][TEXT] == ";" or (
        tokens[k][TEXT] == "," and k + 1 < len(tokens)
        and (tokens[k + 1][LOWER] in _CLAUSE_BREAK or tokens[k + 1][LOWER] in verbs)
    ) or (tokens[k][LOWER] == "and" and k + 1 < len(tokens) and _finite_cue(tokens[k + 1]))
    ), len(tokens))
    while end > i and not tokens[end - 1][IS_WORD]:
        end -= 1
    if end <= i:
        return None
    return (tokens[i][START], tokens[end - 1][END])


def _finite_cue(token: Token) -> bool:
    """A cue verb in a finite form ("said", "added", "says"), not a noun-prone one ("reports")."""
    lemma = lexicon().form_lemma.get(token[LOWER])
    return (lemma is not None and token[LOWER] != lemma and not token[LOWER].endswith("ing")
            and token[LOWER] not in NOUN_PRONE)


def _quote_ending_at(doc: Doc, end: int) -> tuple[int, int] | None:
    """The first quotation (in ``doc.quotes`` order) ending within a character of ``end`` and starting before it."""
    index = _quote_index(doc)
    near = index.by_end[bisect_left(index.by_end, (end - 1, -1)):bisect_right(index.by_end, (end + 1, len(index.by_end)))]
    first = min((i for _, i in near if doc.quotes[i].start < end), default=None)
    return None if first is None else (doc.quotes[first].start, doc.quotes[first].end)


def _quote_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """The first quotation (in ``doc.quotes`` order) holding the character at ``start``."""
    index = _quote_index(doc)
    # the first quote reaching past ``start``; it holds ``start`` when it also opens at or before it
    i = bisect_right(index.reach, start)
    if i < len(index.reach) and doc.quotes[i].start <= start:
        return (doc.quotes[i].start, doc.quotes[i].end)
    return None


def _previous_sentence(doc: Doc, sentence: Sentence) -> tuple[int, int] | None:
    if sentence.index == 0:
        return None
    prev = doc.sentences[sentence.index - 1]
    if prev.kind != "body":
        return None
    return (prev.start, prev.end)


def _is_direct(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether quotations cover at least half of the content (nested ones counted each)."""
    start, end = content
    index = _quote_index(doc)
    # only quotes from the first one reaching past ``start`` to the last one opening before ``end`` overlap
    first = bisect_right(index.reach, start)
    last = bisect_left(doc.quotes, end, lo=first, key=SPAN_START)
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in doc.quotes[first:last])
    return end > start and inside >= 0.5 * (end - start)


@dataclass(frozen=True, slots=True)
class _QuoteIndex:
    """Lookups into ``doc.quotes`` (sorted by start; quotes may nest) in logarithmic time.

    ``reach[i]`` is the furthest end of quotes ``0..i``, so the first quote
    reaching past a position is found by bisection; ``by_end`` holds each
    quote's ``(end, index)`` in order.
    """

    quotes: tuple[Quote, ...]
    reach: tuple[int, ...]
    by_end: tuple[tuple[int, int], ...]
_last_index: list[_QuoteIndex] = []


def _quote_index(doc: Doc) -> _QuoteIndex:
    """The quote index of ``doc``, built once per Doc: the last one built is kept and reused."""
    if _last_index and _last_index[0].quotes is doc.quotes:
        return _last_index[0]
    index = _QuoteIndex(
        doc.quotes,
        tuple(accumulate((q.end for q in doc.quotes), max)),
        tuple(sorted((q.end, i) for i, q in enumerate(doc.quotes))),
    )
    _last_index[:] = [index]
    return index
