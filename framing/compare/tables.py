"""A Comparison as tidy tables: one row per observation, long format, values only.

Each table names its columns, so an empty table still has them. Story and
outlet come first, then what the row is about, then its values. Floats are
rounded to six places, as in the JSON view (:mod:`framing.report.json`), so
the CSV files, the data frames and the JSON agree value for value. Sentence
numbers count from 0, as in the JSON. ``Comparison.to_frames()`` makes pandas
DataFrames of these; ``framing compare --csv-dir`` writes them as CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: values.Comparison.to_frames imports this module
    from .values import Comparison, Excerpt, OutletInStory, StoryComparison

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Column names and rows of one tidy table."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]


EXAMPLE = ("example_source", "example_sentence", "example_text")


def tidy_tables(comparison: Comparison) -> dict[str, Table]:
    """Every table of the comparison, by name, in a fixed order."""
    return {
        name: Table(columns, tuple(_rounded(row) for row in rows(comparison)))
        for name, (columns, rows) in _TABLES.items()
    }


def _indices(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for index in c.index_names:
            interval = o.intervals.get(index)
            yield (story.story, o.outlet, index, o.features[index], o.z[index], o.rank[index],
                   interval.low if interval else None, interval.high if interval else None, o.n, o.words)


def _features(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for feature, value in o.features.items():
            yield story.story, o.outlet, feature, value


def _standouts(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for s in o.standouts:
            yield (story.story, o.outlet, s.index, s.value, s.others, s.z, s.shrunk_z, s.words, s.items,
                   s.supported, s.shows, *_example(s.evidence[0] if s.evidence else None))


def _findings(c: Comparison) -> Iterator[Row]:
    for story in c.stories:
        for rank, s in enumerate(story.findings, start=1):
            highlight = c.highlights.index(s) + 1 if s in c.highlights else None
            yield (story.story, s.outlet, s.index, rank, highlight, s.value, s.others, s.z, s.shrunk_z,
                   s.words, s.items)


def _quoted(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for q in o.quoted:
            yield (story.story, o.outlet, q.source, q.source_type, "; ".join(q.verbs), "; ".join(q.stances),
                   q.skeptical, q.count, *_example(q.example))


def _loaded(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for t in o.loaded:
            yield story.story, o.outlet, t.cue, t.category, t.quoted, t.count, *_example(t.example)


def _actor_labels(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for actor, labels in o.actor_labels.items():
            for label in labels:
                yield story.story, o.outlet, actor, label


def _hedged(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for e in o.hedged:
            yield story.story, o.outlet, e.source, e.sentence, e.text


def _distinctive(c: Comparison) -> Iterator[Row]:
    for story, o in _outlets(c):
        for t in o.distinctive:
            yield story.story, o.outlet, t.term, t.z, t.count, t.others_count, *_example(t.example)


def _omissions(c: Comparison) -> Iterator[Row]:
    """One row per item and outlet of the story: whether that outlet reports it or leaves it out."""
    for story in c.stories:
        for item in story.omissions:
            for outlet in sorted(item.reported_by + item.omitted_by):
                status = "reported" if outlet in item.reported_by else "left out"
                yield story.story, outlet, item.kind, item.key, item.shown, status


def _overall(c: Comparison) -> Iterator[Row]:
    for o in c.outlets:
        for index, interval in o.indices.items():
            yield o.outlet, index, interval.mean, interval.low, interval.high, o.p_values.get(index), o.n


def _inputs(c: Comparison) -> Iterator[Row]:
    for r in c.inputs:
        yield r.story, r.outlet, r.source, r.date, r.sha256


def _outlets(c: Comparison) -> Iterator[tuple[StoryComparison, OutletInStory]]:
    for story in c.stories:
        for outlet in story.outlets:
            yield story, outlet


def _example(e: Excerpt | None) -> tuple[Any, ...]:
    return (e.source, e.sentence, e.text) if e is not None else (None, None, None)


def _rounded(row: Row) -> Row:
    return tuple(round(v, 6) if isinstance(v, float) else v for v in row)


_TABLES: dict[str, tuple[tuple[str, ...], Callable[[Comparison], Iterator[Row]]]] = {
    "indices": (("story", "outlet", "index", "value", "z", "rank", "low", "high", "n", "words"), _indices),
    "features": (("story", "outlet", "feature", "value"), _features),
    "findings": (("story", "outlet", "index", "rank", "highlight", "value", "others", "z", "shrunk_z",
                  "words", "items"), _findings),
    "standouts": (("story", "outlet", "index", "value", "others", "z", "shrunk_z", "words", "items",
                   "supported", "shows", *EXAMPLE), _standouts),
    "quoted": (("story", "outlet", "source", "source_type", "verbs", "stances", "skeptical", "count",
                *EXAMPLE), _quoted),
    "loaded": (("story", "outlet", "word", "category", "quoted", "count", *EXAMPLE), _loaded),
    "actor_labels": (("story", "outlet", "actor", "label"), _actor_labels),
    "hedged": (("story", "outlet", "source", "sentence", "text"), _hedged),
    "distinctive": (("story", "outlet", "word", "z", "count", "others_count", *EXAMPLE), _distinctive),
    "omissions": (("story", "outlet", "kind", "key", "shown", "status"), _omissions),
    "outlets": (("outlet", "index", "mean", "low", "high", "p_value", "n"), _overall),
    "inputs": (("story", "outlet", "source", "date", "sha256"), _inputs),
}
