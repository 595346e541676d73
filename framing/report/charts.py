"""Charts of a Comparison as deterministic PNG files (matplotlib, Agg backend).

The same Comparison always gives the same bytes: fixed figure sizes, DPI and
the DejaVu Sans font that ships with matplotlib, sorted data, and no creation
date or software name in the PNG metadata.
"""

from __future__ import annotations

import hashlib
import io
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from ..compare.values import Comparison, StoryComparison  # noqa: E402
from ..scoring import index_specs  # noqa: E402
from .inert import one_line  # noqa: E402

_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # outlet and story names are untrusted text: "$...$" must not be parsed as maths
    "text.parse_math": False,
}
_DPI = 100
_BAR = "#4c72b0"


def story_slug(story: StoryComparison) -> str:
    """A file-name-safe form of the story's name, unique to it.

    Names that reduce to the same letters ("\u0421\u0438\u0440\u0438\u044f" and "\u0423\u043a\u0440\u0430\u0457\u043d\u0430" both to
    nothing, long names cut at 60) stay apart by a short hash of the full name.
    """
    readable = re.sub(r"[^a-z0-9]+", "-", story.story.lower()).strip("-")[:60] or "story"
    return f"{readable}-{hashlib.sha256(story.story.encode('utf-8')).hexdigest()[:8]}"


def render_charts(comparison: Comparison) -> dict[str, bytes]:
    """File name -> PNG bytes: per story, the indices by outlet and a heatmap of differences."""
    charts = {}
    with plt.rc_context(_STYLE):
        for story in comparison.stories:
            slug = story_slug(story)
            charts[f"{slug}-indices.png"] = _indices_chart(story, comparison.index_names)
            if len(story.outlets) >= 2:
                charts[f"{slug}-differences.png"] = _heatmap(story, comparison.index_names)
            if len(story.outlets) >= 2 and story.main_actors:
                charts[f"{slug}-actors.png"] = actor_heatmap(story)
    return charts


def _indices_chart(story: StoryComparison, indices: tuple[str, ...]) -> bytes:
    specs = index_specs()
    outlets = [one_line(o.outlet) for o in story.outlets]
    columns = 3
    rows = -(-len(indices) // columns)
    height = 0.9 + rows * (0.6 + 0.28 * len(outlets))
    figure, axes = plt.subplots(rows, columns, figsize=(10, height), squeeze=False)
    positions = np.arange(len(outlets))
    for k, index in enumerate(indices):
        axis = axes[k // columns][k % columns]
        values = [o.features.get(index, 0.0) for o in story.outlets]
        errors = _error_bars(story, index, values)
        axis.barh(positions, values, color=_BAR, xerr=errors, capsize=3 if errors is not None else 0)
        axis.set_yticks(positions, labels=outlets if k % columns == 0 else [""] * len(outlets))
        axis.invert_yaxis()
        axis.set_title(specs[index]["label"])
        axis.axvline(0, color="#444444", linewidth=0.6)
        axis.margins(x=0.18)
        for position, value in zip(positions, values):
            axis.annotate(f"{value:.2f}", (value, position), xytext=(3, 0),
                          textcoords="offset points", va="center", fontsize=8)
    for k in range(len(indices), rows * columns):
        axes[k // columns][k % columns].axis("off")
    figure.suptitle(f"Framing indices by outlet: {one_line(story.story)}", fontsize=11)
    figure.tight_layout()
    return _png(figure)


def _error_bars(story: StoryComparison, index: str, values: list[float]) -> np.ndarray | None:
    """Bootstrap interval half-widths where an outlet has several articles, else none."""
    intervals = [o.intervals[index] for o in story.outlets]
    if all(i.low is None for i in intervals):
        return None
    low = [v - i.low if i.low is not None else 0.0 for v, i in zip(values, intervals)]
    high = [i.high - v if i.high is not None else 0.0 for v, i in zip(values, intervals)]
    return np.array([low, high])


def _heatmap(story: StoryComparison, indices: tuple[str, ...]) -> bytes:
    specs = index_specs()
    outlets = [one_line(o.outlet) for o in story.outlets]
    matrix = np.array([[o.z.get(i, 0.0) for i in indices] for o in story.outlets])
    figure, axis = plt.subplots(figsize=(2.5 + 1.3 * len(indices), 1.4 + 0.45 * len(outlets)))
    limit = max(2.0, float(np.abs(matrix).max()))
    image = axis.imshow(matrix, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    axis.set_xticks(range(len(indices)), labels=[specs[i]["label"] for i in indices], rotation=20, ha="right")
    axis.set_yticks(range(len(outlets)), labels=outlets)
    for r in range(matrix.shape[0]):
        for c in range(matrix.shape[1]):
            axis.text(c, r, f"{matrix[r, c]:+.1f}", ha="center", va="center", fontsize=8,
                      color="white" if abs(matrix[r, c]) > 0.6 * limit else "black")
    figure.colorbar(image, ax=axis, label="difference from the others (SD)")
    axis.set_title(f"Standardised differences: {one_line(story.story)}")
    figure.tight_layout()
    return _png(figure)


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def actor_heatmap(story: StoryComparison) -> bytes:
    """PNG of portrayal, outlet x main actor (blank where an outlet does not name the actor)."""
    outlets = [one_line(o.outlet) for o in story.outlets]
    actors = list(story.main_actors)
    matrix = np.full((len(outlets), len(actors)), np.nan)
    for r, outlet in enumerate(story.outlets):
        for x in outlet.actors:
            matrix[r, actors.index(x.actor)] = x.values["portrayal"]
    with plt.rc_context(_STYLE):
        figure, axis = plt.subplots(figsize=(2.5 + 1.1 * len(actors), 1.4 + 0.45 * len(outlets)))
        image = axis.imshow(np.ma.masked_invalid(matrix), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
        axis.set_xticks(range(len(actors)), labels=[one_line(a) for a in actors], rotation=25, ha="right")
        axis.set_yticks(range(len(outlets)), labels=outlets)
        for r in range(matrix.shape[0]):
            for c in range(matrix.shape[1]):
                if not np.isnan(matrix[r, c]):
                    axis.text(c, r, f"{matrix[r, c]:+.2f}", ha="center", va="center", fontsize=8)
        figure.colorbar(image, ax=axis, label="portrayal (-1 unfavourable .. +1 favourable)")
        axis.set_title(f"Portrayal of the main actors: {one_line(story.story)}")
        figure.tight_layout()
        return _png(figure)
