"""Render a Comparison as Markdown: tables of outlets by feature, story by story."""

from __future__ import annotations

from ..compare import Comparison, StoryComparison
from .escape import cell, inline

# The columns of the per-story table: feature key -> column heading.
TABLE_FEATURES = {
    "readability.words": "words",
    "readability.flesch_reading_ease": "reading ease",
    "readability.flesch_kincaid_grade": "FK grade",
    "tone.mean_compound": "tone",
    "tone.negative_share": "negative share",
    "hedging.per_100_words": "hedges /100w",
    "attribution.count": "attributions",
    "attribution.skeptical": "skeptical voices",
    "loaded.per_1000_words": "loaded /1000w",
    "loaded.scare_quotes": "scare quotes",
}


def render(comparison: Comparison, *, title: str = "Framing comparison") -> str:
    """The comparison as a Markdown document."""
    lines = [f"# {inline(title)}", "", _summary(comparison), ""]
    for story in comparison.stories:
        lines += _story_section(story, comparison.feature_names)
    if comparison.errors:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- `{inline(e.source)}`: {inline(e.reason)}" for e in comparison.errors]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _summary(comparison: Comparison) -> str:
    return (
        f"{comparison.n_articles} articles from {len(comparison.outlets)} outlets "
        f"({', '.join(inline(o) for o in comparison.outlets)}) in "
        f"{len(comparison.stories)} stories."
    )


def _story_section(story: StoryComparison, names: tuple[str, ...]) -> list[str]:
    columns = [(k, h) for k, h in TABLE_FEATURES.items() if k in names]
    dates = story.first_date if story.first_date == story.last_date else (
        f"{story.first_date} to {story.last_date}"
    )
    lines = [f"## Story: {inline(story.story)}", ""]
    if dates:
        lines += [f"{story.n_articles} articles, {inline(dates)}.", ""]
    lines.append("| outlet | n | " + " | ".join(h for _, h in columns) + " |")
    lines.append("|---|---:|" + "---:|" * len(columns))
    for outlet in story.outlets:
        values = " | ".join(_format(outlet.features.get(k, 0.0)) for k, _ in columns)
        lines.append(f"| {cell(outlet.outlet)} | {outlet.n} | {values} |")
    lines.append("")
    return lines


def _format(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
