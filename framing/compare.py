"""Compare outlets within each story: a pure function from analyses to a Comparison value.

Renderers (Markdown, JSON) only format this value; they do no arithmetic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .types import Analysis, ReadError

UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """One outlet's articles within one story: their count and mean features."""

    outlet: str
    n: int
    sources: tuple[str, ...]
    features: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """The outlets that covered one story, side by side."""

    story: str
    first_date: str
    last_date: str
    outlets: tuple[OutletSummary, ...]

    @property
    def n_articles(self) -> int:
        return sum(o.n for o in self.outlets)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a report shows, computed once."""

    stories: tuple[StoryComparison, ...]
    feature_names: tuple[str, ...]
    n_articles: int
    outlets: tuple[str, ...]
    errors: tuple[ReadError, ...] = ()


def compare(analyses: Iterable[Analysis], errors: Iterable[ReadError] = ()) -> Comparison:
    """Group analyses by story (from metadata) and outlet; average features per outlet."""
    analyses = list(analyses)
    by_story: dict[str, list[Analysis]] = defaultdict(list)
    for analysis in analyses:
        by_story[analysis.article.story or UNASSIGNED].append(analysis)
    names = _feature_names(analyses)
    stories = tuple(_story(story, items, names) for story, items in sorted(by_story.items()))
    outlets = tuple(sorted({a.article.outlet for a in analyses}))
    return Comparison(stories, names, len(analyses), outlets, tuple(errors))


def _feature_names(analyses: list[Analysis]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for analysis in analyses:
        names.update(dict.fromkeys(analysis.features))
    return tuple(names)


def _story(story: str, analyses: list[Analysis], names: tuple[str, ...]) -> StoryComparison:
    by_outlet: dict[str, list[Analysis]] = defaultdict(list)
    for analysis in analyses:
        by_outlet[analysis.article.outlet].append(analysis)
    outlets = tuple(
        OutletSummary(
            outlet,
            len(items),
            tuple(sorted(a.article.source for a in items)),
            {k: sum(a.features.get(k, 0.0) for a in items) / len(items) for k in names},
        )
        for outlet, items in sorted(by_outlet.items())
    )
    dates = sorted(a.article.date for a in analyses if a.article.date)
    return StoryComparison(story, dates[0] if dates else "", dates[-1] if dates else "", outlets)
