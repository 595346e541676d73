"""The sentences a reader is told about a comparison: what stands out, caveats, warnings.

Written here from the Comparison's values, once, so the Markdown report and the
JSON view say the same thing in the same words. Nothing here is escaped: each
view escapes for its own format.
"""

from __future__ import annotations

import os
import re

from ..compare.values import Comparison, LeftOut, Provenance, Standout
from ..scoring import index_specs


def shown_source(source: str) -> str:
    """A source as a report shows it: its file name (with a corpus line, if any).

    The same file given as ``seeds``, ``./seeds/`` or an absolute path shows
    the same; an absolute path would also tell a reader where the researcher
    keeps files. The full SHA-256 beside it tells same-named files apart.
    """
    separators = {"/", os.sep}  # a backslash is a separator only where the system says so, else a name's own
    return re.split("|".join(map(re.escape, sorted(separators))), source)[-1]


def standout_sentence(standout: Standout) -> str:
    """The difference in plain words: "Reuters hedges more than the other outlets on this story (...)"."""
    spec = index_specs()[standout.index]
    phrase = spec["higher" if standout.z > 0 else "lower"]
    return (
        f"{standout.outlet} {phrase} than {_them(standout)} on this story "
        f"({spec['label']} {standout.value:.2f} vs {standout.others:.2f})."
    )


def standout_basis(standout: Standout) -> str:
    """What a difference rests on, and whether that is enough for a finding (:mod:`framing.compare.support`)."""
    basis = (f"It rests on {standout.words} body words and {standout.items} counted items "
             f"(z {standout.z:.2f}; {standout.shrunk_z:.2f} shrunk)")
    return basis + ("." if standout.supported else ": too little for a finding.")


def standout_note(standout: Standout) -> str:
    """What the standout's evidence is, when it is not simply the outlet's own sentences."""
    if standout.shows == "longest":
        return "Its longest sentences:"
    if standout.shows == "shortest":
        return "Its shortest sentences of narration:"
    if standout.shows == "others_sources":
        return _fewer_sources(standout)
    if standout.shows == "others_items" and standout.evidence:
        return _fewer_items(standout)
    return ""


def _them(standout: Standout) -> str:
    """Whom an outlet is compared with: the one other outlet by name, or "the other outlets"."""
    return standout.compared_with[0] if len(standout.compared_with) == 1 else "the other outlets"


def _fewer_sources(standout: Standout) -> str:
    count = len(standout.own)
    named = f" ({', '.join(standout.own)})" if standout.own else ""
    verb = "quotes" if len(standout.compared_with) == 1 else "quote"
    return (
        f"{standout.outlet} quotes {count} source{'s' if count != 1 else ''}{named}. "
        f"Sources only {_them(standout)} {verb}:"
    )


def _fewer_items(standout: Standout) -> str:
    count = len(standout.own)
    counted = "no item counted" if count == 0 else f"{count} item{'s' if count > 1 else ''} counted"
    examples = ", e.g. " + ", ".join(f"\u201c{text}\u201d" for text in standout.own[:2]) if standout.own else ""
    has = "has" if len(standout.compared_with) == 1 else "have"
    return f"{standout.outlet}: {counted}{examples}. What {_them(standout)} {has}:"


def caveats(comparison: Comparison) -> tuple[str, ...]:
    """What a reader should keep in mind: thin stories, inferred stories, provenance, articles left out."""
    notes = []
    for story in comparison.stories:
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
    if len(comparison.stories) > 1:
        notes.append(
            "Different stories are reported separately: indices depend on the event, so compare "
            "outlets within a story, not across stories."
        )
    if any(story.inferred for story in comparison.stories):
        notes.append("Some stories were inferred by clustering similar articles close in date; check them.")
    notes += [_provenance_note(p) for p in comparison.provenance]
    unknown = {r.source for r in comparison.inputs if r.outlet == "unknown"}
    if unknown:
        notes.append(f"{len(unknown)} article(s) have no known outlet and are grouped as 'unknown'.")
    notes += [_left_out_note(article) for article in comparison.left_out]
    return tuple(notes)


def _provenance_note(provenance: Provenance) -> str:
    article = f"{shown_source(provenance.source)} ({provenance.outlet})"
    how = provenance.how_identified
    parts = [f"{article}: outlet identified by {how}." if how else f"{article}:"]
    if provenance.wire_credit:
        parts.append(f"It credits {provenance.wire_credit}.")
    parts.append(
        "Part or all of it may be wire copy or another outlet's, so differences may not be this "
        "outlet's own framing."
    )
    return " ".join(parts)


def _left_out_note(article: LeftOut) -> str:
    return (
        f"{shown_source(article.source)} ({article.outlet}) is left out: its text is in "
        f"{article.language!r}, and every family is built for English."
    )


def warnings(comparison: Comparison) -> tuple[str, ...]:
    """Each article's warnings, led by the article's file name."""
    return tuple(f"{shown_source(w.source)}: {w.message}" for w in comparison.warnings)
