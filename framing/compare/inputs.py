"""What was compared: each input's record, and caveats about the comparison as a whole."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..types import Analysis
from .values import InputRecord, StoryComparison


def caveats(
    stories: Sequence[StoryComparison], analyses: Sequence[Analysis], inferred: bool
) -> tuple[str, ...]:
    notes = []
    for story in stories:
        if len(story.outlets) < 2:
            notes.append(f"Story {story.story!r} has one outlet: nothing to compare it with.")
        elif len(story.outlets) == 2:
            notes.append(
                f"Story {story.story!r} has two outlets: each one's difference is the other's "
                "mirror image."
            )
        if any(o.n < 2 for o in story.outlets):
            notes.append(
                f"Story {story.story!r}: outlets with one article are compared article to article; "
                "there are too few articles to say how the outlet covers the story in general."
            )
    if len(stories) > 1:
        notes.append(
            "Different stories are reported separately: indices depend on the event, so compare "
            "outlets within a story, not across stories."
        )
    if inferred:
        notes.append("Some stories were inferred by clustering similar articles close in date; check them.")
    notes += [note for note in map(_provenance_note, analyses) if note]
    unknown = sorted({a.article.source for a in analyses if a.article.outlet == "unknown"})
    if unknown:
        notes.append(f"{len(unknown)} article(s) have no known outlet and are grouped as 'unknown'.")
    return tuple(notes)


_UNSURE = re.compile(r"\b(?:wire copy|likely|not confirmed|unconfirmed|probably)\b", re.IGNORECASE)


def _provenance_note(analysis: Analysis) -> str:
    """A caveat when an article may not be the outlet's own framing: wire copy or an unconfirmed outlet.

    Read from the manifest's ``how_identified`` and ``wire_credit`` columns.
    """
    meta = analysis.article.meta
    how = " ".join(str(meta.get("how_identified", "")).split())
    wire = " ".join(str(meta.get("wire_credit", "")).split())
    if not wire and not _UNSURE.search(how):
        return ""
    article = f"{shown_source(analysis.article.source)} ({analysis.article.outlet})"
    parts = [f"{article}: outlet identified by {how}." if how else f"{article}:"]
    if wire:
        parts.append(f"It credits {wire}.")
    parts.append(
        "Part or all of it may be wire copy or another outlet's, so differences may not be this "
        "outlet's own framing."
    )
    return " ".join(parts)


def shown_source(source: str) -> str:
    """A source as a report shows it: its file name (with a corpus line, if any).

    The same file given as ``seeds``, ``./seeds/`` or an absolute path shows
    the same; an absolute path would also tell a reader where the researcher
    keeps files. The full SHA-256 beside it tells same-named files apart.
    """
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def input_record(analysis: Analysis, story: str) -> InputRecord:
    digest = hashlib.sha256(analysis.text.encode("utf-8")).hexdigest()
    article = analysis.article
    return InputRecord(article.source, article.outlet, story, article.date, digest)
