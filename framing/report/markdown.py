"""Render a Comparison as a Markdown report a researcher can publish.

Only formatting happens here: every number comes from the Comparison. Article
text, titles and outlet names are untrusted and pass through
:mod:`framing.report.escape`. Chart links are relative to the report, and the
report holds no absolute path, output location or time stamp, so the same
input gives the same bytes wherever the report is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote as quote_path

from ..compare.values import (
    Comparison,
    Excerpt,
    ModelComparison,
    ModelOutlet,
    ModelStory,
    OutletInStory,
    StoryComparison,
)
from ..scoring import index_specs
from .actors import actor_section
from .charts import story_slug
from .escape import cell, fragment, inline
from .findings import caveats, shown_source, standout_note, standout_sentence, warnings
from .inert import one_line

READABILITY = (
    ("readability.words", "words"),
    ("readability.sentences", "sentences"),
    ("readability.words_per_sentence", "words/sentence"),
    ("readability.flesch_reading_ease", "reading ease"),
    ("readability.flesch_kincaid_grade", "FK grade"),
    ("readability.gunning_fog", "fog"),
    ("readability.smog_index", "SMOG"),
    ("tone.mean_compound", "tone"),
    ("tone.negative_share", "negative sentences"),
    ("tone.positive_share", "positive sentences"),
)
HEDGED_PER_OUTLET = 8
MODEL_HEADING = "What the trained model flags"
LOADED_PER_OUTLET = 12


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report says about how it was made (no paths, no times)."""

    version: str
    command: str
    chart_folder: str | None
    lexicons: Mapping[str, str]
    models: Sequence[Mapping[str, str]] = ()


def render(comparison: Comparison, context: ReportContext) -> str:
    """The whole report as Markdown text."""
    sections = [
        _summary(comparison),
        *(_story_section(story, comparison, context) for story in comparison.stories),
        _model_section(comparison.model) if comparison.model is not None else "",
        _method(comparison, context),
        _reproducibility(comparison, context),
    ]
    return "\n\n".join(s.strip() for s in sections if s.strip()) + "\n"


# -- 1. summary ----------------------------------------------------------------

def _summary(c: Comparison) -> str:
    period = c.first_date if c.first_date == c.last_date else f"{c.first_date} to {c.last_date}"
    lines = [
        "# Framing comparison",
        "",
        f"**{c.n_articles} articles** from **{len(c.outlets)} outlets** "
        f"({', '.join(inline(o) for o in c.outlet_names)}) on **{len(c.stories)} "
        f"{'story' if len(c.stories) == 1 else 'stories'}**"
        + (f", {inline(period)}." if period else "."),
    ]
    if c.highlights:
        lines += ["", "**The most striking differences**", ""]
        for n, standout in enumerate(c.highlights, start=1):
            lines.append(f"{n}. {inline(standout_sentence(standout))}")
            if note := standout_note(standout):
                lines.append(f"   {inline(note)}")
            lines += [f"   {_excerpt(e, standout.outlet)}" for e in standout.evidence[:1]]
    if c.errors:
        lines += ["", f"{len(c.errors)} input(s) could not be read; they are listed under Method and caveats."]
    model = f" \u00b7 [{MODEL_HEADING}](#{anchor(MODEL_HEADING)})" if c.model is not None else ""
    lines += ["", "Contents: " + " \u00b7 ".join(
        f"[{inline(s.story)}](#{anchor('story: ' + one_line(s.story))})" for s in c.stories
    ) + model + " \u00b7 [Method and caveats](#method-and-caveats) \u00b7 [Reproducibility](#reproducibility)"]
    return "\n".join(lines)


# -- 2-8. one story ------------------------------------------------------------------

def _story_section(story: StoryComparison, c: Comparison, context: ReportContext) -> str:
    parts = [
        _story_header(story),
        _index_table(story, c.index_names),
        _standouts(story),
        _charts(story, context),
        _who_is_quoted(story),
        _loaded(story),
        _actor_labels(story),
        actor_section(story, _chart(story, context, "actors"), _excerpt),
        _hedging(story),
        _distinctive(story),
        _omissions(story),
        _readability(story),
    ]
    return "\n\n".join(p for p in parts if p)


def _story_header(story: StoryComparison) -> str:
    period = story.first_date if story.first_date == story.last_date else (
        f"{story.first_date} to {story.last_date}"
    )
    how = " (story inferred by clustering)" if story.inferred else ""
    return (
        f"## Story: {inline(story.story)}\n\n"
        f"{story.n_articles} articles from {len(story.outlets)} outlets"
        + (f", {inline(period)}" if period else "") + f"{how}."
    )


def _index_table(story: StoryComparison, indices: tuple[str, ...]) -> str:
    specs = index_specs()
    columns = [("outlet", False), ("n", True), *((specs[i]["label"], True) for i in indices)]
    rows = [[cell(o.outlet), str(o.n), *(_marked_value(o, i) for i in indices)] for o in story.outlets]
    note = (
        "Values are the outlet's mean over its articles in this story. \u25b2 / \u25bc: at least one "
        "standard deviation (of the index over all articles compared) above / below the other outlets "
        "here, by a margin a reader would notice; (r) is the outlet's rank on that index."
    )
    return "\n".join(["### Indices", "", *_table(columns, rows), "", note])


def _marked_value(outlet: OutletInStory, index: str) -> str:
    marker = ""
    if any(s.index == index for s in outlet.standouts):
        marker = " \u25b2" if outlet.z[index] > 0 else " \u25bc"
    return f"{_number(outlet.features[index])}{marker} ({outlet.rank[index]})"


def _standouts(story: StoryComparison) -> str:
    if len(story.outlets) < 2:
        return "### What stands out\n\nOnly one outlet covered this story: there is nothing to compare."
    lines = ["### What stands out"]
    for outlet in story.outlets:
        lines += ["", f"**{inline(outlet.outlet)}**", ""]
        if not outlet.standouts:
            lines.append("- Nothing stands out: on every index it is within a noticeable margin of the others.")
        for standout in outlet.standouts:
            lines.append(f"- {inline(standout_sentence(standout))}")
            if note := standout_note(standout):
                lines.append(f"  {inline(note)}")
            lines += [f"  {_excerpt(e, outlet.outlet)}" for e in standout.evidence]
    return "\n".join(lines)


def _charts(story: StoryComparison, context: ReportContext) -> str:
    if context.chart_folder is None:
        return "### Charts\n\nCharts are written only with a report file (`--output`)."
    prefix = f"{quote_path(context.chart_folder)}/{story_slug(story)}"
    lines = ["### Charts", "", f"![Framing indices by outlet]({prefix}-indices.png)"]
    if len(story.outlets) >= 2:
        lines += ["", f"![Standardised differences]({prefix}-differences.png)"]
    return "\n".join(lines)


def _chart(story: StoryComparison, context: ReportContext, name: str) -> str | None:
    """A story's chart's path relative to the report, or None when no charts are written."""
    if context.chart_folder is None:
        return None
    return f"{quote_path(context.chart_folder)}/{story_slug(story)}-{name}.png"


def _who_is_quoted(story: StoryComparison) -> str:
    rows = [
        [cell(outlet.outlet), cell(source.source), source.source_type, cell(", ".join(source.verbs)),
         cell(", ".join(source.stances)), "**yes**" if source.skeptical else "no", str(source.count),
         _excerpt(source.example)]
        for outlet in story.outlets
        for source in outlet.quoted
    ]
    if not rows:
        return "### Who is quoted\n\nNo attributed statements were found."
    columns = [("outlet", False), ("source", False), ("type", False), ("verbs", False),
               ("stance", False), ("skeptical", False), ("times", True), ("example", False)]
    return "\n".join(["### Who is quoted", "", *_table(columns, rows)])


def _loaded(story: StoryComparison) -> str:
    rows = []
    for outlet in story.outlets:
        for term in outlet.loaded[:LOADED_PER_OUTLET]:
            voice = "quoted" if term.quoted else "reporter"
            rows.append([cell(outlet.outlet), cell(term.cue), term.category.replace("_", " "), voice,
                         str(term.count), _excerpt(term.example)])
        hidden = len(outlet.loaded) - LOADED_PER_OUTLET
        if hidden > 0:
            rows.append([cell(outlet.outlet), f"\u2026 and {hidden} more", "", "", "", ""])
    if not rows:
        return "### Loaded words\n\nNo loaded wording was found."
    columns = [("outlet", False), ("word", False), ("category", False), ("voice", False),
               ("times", True), ("context", False)]
    intro = "Reporter's voice first, then words inside quotations (the speaker's)."
    return "\n".join(["### Loaded words", "", intro, "", *_table(columns, rows)])


def _actor_labels(story: StoryComparison) -> str:
    actors = sorted({a for o in story.outlets for a in o.actor_labels})
    if not actors:
        return ""
    columns = [("actor", False), *((cell(o.outlet), False) for o in story.outlets)]
    rows = [
        [cell(actor), *(
            "; ".join(inline(label) for label in o.actor_labels.get(actor, ())) or "\u2014"
            for o in story.outlets
        )]
        for actor in actors
    ]
    return "\n".join(["### How each outlet names the main actors", "", *_table(columns, rows)])


def _counted(value: float, noun: str) -> str:
    """'1 hedge', '10 hedges', '0.5 hedges' (a mean over several articles)."""
    return f"{_number(value)} {noun}{'' if value == 1 else 's'}"


def _hedging(story: StoryComparison) -> str:
    lines = ["### Hedging", ""]
    for outlet in story.outlets:
        hedges = outlet.features.get("hedging.cues", 0.0)
        approx = outlet.features.get("hedging.approximators", 0.0)
        lines.append(
            f"**{inline(outlet.outlet)}**: {_counted(hedges, 'hedge')} "
            f"({_number(outlet.features.get('hedging.narrator_cues', 0.0))} in the reporter's voice, "
            f"{_number(outlet.features.get('hedging.quoted_cues', 0.0))} in quoted or reported speech), "
            f"{_counted(approx, 'approximator')} over numbers."
        )
        lines.append("")
        lines += [f"- {_excerpt(e)}" for e in outlet.hedged[:HEDGED_PER_OUTLET]]
        hidden = len(outlet.hedged) - HEDGED_PER_OUTLET
        if hidden > 0:
            lines.append(f"- \u2026 and {hidden} more sentences.")
        lines.append("")
    return "\n".join(lines)


def _distinctive(story: StoryComparison) -> str:
    if len(story.outlets) < 2:
        return ""
    lines = [
        "### Distinctive words",
        "",
        "Words an outlet uses more than the story's other outlets (log-odds ratio with an informative "
        "Dirichlet prior, Monroe et al. 2008). z of 1.96 or more is conventionally significant; with one "
        "or two articles per outlet most differences are smaller and only indicative.",
        "",
    ]
    rows = [
        [cell(outlet.outlet), cell(term.term), f"{term.z:.2f}", str(term.count), str(term.others_count),
         _excerpt(term.example) if term.example else ""]
        for outlet in story.outlets
        for term in outlet.distinctive
    ]
    columns = [("outlet", False), ("word", False), ("z", True), ("uses", True),
               ("others' uses", True), ("example", False)]
    return "\n".join([*lines, *_table(columns, rows)]) if rows else ""


def _omissions(story: StoryComparison) -> str:
    if not story.omissions:
        return ""
    lines = [
        "### Omissions",
        "",
        "Sources, figures and names that some outlets report and others leave out.",
        "",
    ]
    rows = [
        [f"{o.kind}: {cell(o.shown)}", cell(", ".join(o.reported_by)), cell(", ".join(o.omitted_by)),
         _excerpt(o.example)]
        for o in story.omissions
    ]
    columns = [("what", False), ("reported by", False), ("left out by", False), ("where", False)]
    return "\n".join([*lines, *_table(columns, rows)])


def _readability(story: StoryComparison) -> str:
    columns = [("outlet", False), *((heading, True) for _, heading in READABILITY)]
    rows = [
        [cell(o.outlet), *(_number(o.features.get(k, 0.0)) for k, _ in READABILITY)] for o in story.outlets
    ]
    lines = ["### Readability and tone", "", *_table(columns, rows)]
    lines += [
        "",
        "Reading ease: higher is easier. FK grade, fog and SMOG: US school grades, higher is harder. "
        "Tone: mean VADER compound of the body's sentences (-1 to +1).",
    ]
    return "\n".join(lines)


# -- a trained model's view ---------------------------------------------------------------

def _model_section(m: ModelComparison) -> str:
    parts = [f"## {MODEL_HEADING}", _model_note(m)]
    parts += [_model_story(story, m) for story in m.stories]
    return "\n\n".join(parts)


def _model_note(m: ModelComparison) -> str:
    """What the model is, how well it did in cross-validation, and what its figures mean."""
    trained = inline(m.training_data) or "data its card does not name"
    if m.citation:
        trained += f" ({inline(m.citation)})"
    if m.licence:
        trained += f", licence {inline(m.licence)}"
    scores = []
    if "stratified" in m.cross_validation:
        scores.append(f"{m.cross_validation['stratified']:.3f} with stratified folds")
    if "grouped" in m.cross_validation:
        group = inline(m.grouped_by) or "group"
        scores.append(f"{m.cross_validation['grouped']:.3f} with folds grouped by {group} "
                      f"(tested on each {group} unseen in training)")
    folds = f"{m.folds}-fold cross-validated" if m.folds else "Cross-validated"
    shown = " / ".join(inline(c) for c in m.shown)
    lines = [
        f"Model **{inline(m.name)}**, a {inline(m.level)}-level classifier "
        f"(classes: {', '.join(inline(c) for c in m.classes)}), trained on {trained}.",
        f"{folds} weighted F1 from its card: " + "; ".join(scores) + "."
        if scores else "Its card records no cross-validated F1.",
    ]
    if m.level == "sentence":
        lines.append(
            f"An article's figure is the mean, over its body sentences, of the probability this "
            f"sentence-level model gives each sentence of being {shown}; an outlet's is the mean over its "
            f"articles in the story. The sentences quoted are the ones it scores most confidently "
            f"(at most three an outlet), with that probability; one mostly inside quotation marks is marked "
            f"as quoted speech, since the model scores a quoted speaker's words as readily as the outlet's own."
        )
    else:
        lines.append(
            f"An article's figure is the probability this document-level model gives its body, read as one "
            f"text, of being {shown}; an outlet's is the mean over its articles in the story. It quotes no "
            "sentences."
        )
    lines.append(
        "These are a model's estimates, not a rule's counts: no cue list says why a text scored as it "
        "did, and the model can be wrong about any of them."
    )
    hidden = [inline(c) for c in m.classes if c not in m.shown]
    if len(m.classes) == 2 and len(hidden) == 1:
        lines.append(f"{hidden[0]} is not shown: its probability is one minus {inline(m.shown[0])}'s.")
    elif hidden:
        lines.append(f"Not shown, as each names the absence of a class shown: {', '.join(hidden)}.")
    return " ".join(lines)


def _model_story(story: ModelStory, m: ModelComparison) -> str:
    columns = [("outlet", False), ("articles", True), *((cell(f"mean P({c})"), True) for c in m.shown)]
    rows = [
        [cell(o.outlet), str(o.n), *(f"{o.mean[c]:.3f}" for c in m.shown)] for o in story.outlets
    ]
    lines = [f"### {inline(story.story)}", "", *_table(columns, rows)]
    if m.level == "sentence":
        for outlet in story.outlets:
            lines += ["", *_model_sentences(outlet, m)]
    return "\n".join(lines)


def _model_sentences(outlet: ModelOutlet, m: ModelComparison) -> list[str]:
    """Per class shown, the outlet's most confident sentences, each a paragraph apart."""
    blocks = []
    for label in m.shown:
        found = outlet.sentences[label]
        if not found:
            blocks.append(f"**{inline(outlet.outlet)}**: no sentence is classed {inline(label)}.")
            continue
        blocks.append("\n".join([
            f"**{inline(outlet.outlet)}**, the sentences most confidently {inline(label)}:",
            "",
            *(f"- {_excerpt(s.excerpt)}: {s.probability:.3f}" + (" (quoted speech)" if s.quoted_speech else "")
              for s in found),
        ]))
    return "\n\n".join(blocks).split("\n")


# -- 9-10. method, caveats, reproducibility ---------------------------------------------

def _method(c: Comparison, context: ReportContext) -> str:
    specs = index_specs()
    lines = ["## Method and caveats", "", "**Indices**", ""]
    lines += [f"- **{specs[i]['label']}** (`{i}`): {inline(specs[i]['description'])}" for i in c.index_names]
    if notes := caveats(c):
        lines += ["", "**Caveats**", ""]
        lines += [f"- {inline(note)}" for note in notes]
    lines += ["", "**Lexicon versions**", ""]
    lines += [f"- `{inline(name)}`: {inline(_version(version))}" for name, version in sorted(context.lexicons.items())]
    if context.models:
        lines += ["", "**Models**", ""]
        for card in context.models:
            lines.append("- " + ", ".join(f"{inline(k)}: {inline(str(v))}" for k, v in card.items()))
    if c.errors:
        lines += ["", "**Inputs that could not be read**", ""]
        lines += [f"- {inline(shown_source(e.source))}: {inline(e.reason)}" for e in c.errors]
    if c.warnings:
        lines += ["", "**Warnings**", ""]
        lines += [f"- {inline(w)}" for w in warnings(c)]
    return "\n".join(lines)


def _reproducibility(c: Comparison, context: ReportContext) -> str:
    lines = [
        "## Reproducibility",
        "",
        f"Made by framing {inline(context.version)} with `{one_line(context.command.replace('`', ''))}`.",
        "",
    ]
    rows = [
        [cell(shown_source(r.source)), cell(r.outlet), cell(r.story), cell(r.date), f"`{r.sha256}`"]
        for r in c.inputs
    ]
    columns = [(heading, False) for heading in ("input", "outlet", "story", "date", "SHA-256 of the text")]
    return "\n".join([*lines, *_table(columns, rows)])


# -- small helpers ------------------------------------------------------------------------

def _table(columns: Sequence[tuple[str, bool]], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table from headings (right-aligned when True) and already-escaped cells."""
    rule = "|" + "".join("---:|" if right else "---|" for _, right in columns)
    head = "| " + " | ".join(heading for heading, _ in columns) + " |"
    return [head, rule, *("| " + " | ".join(row) + " |" for row in rows)]


def _version(version: str) -> str:
    """A lexicon version as "v1", whether the data file says "1" or "v1"."""
    return version if version.startswith("v") else f"v{version}"


def _excerpt(excerpt: Excerpt, outlet: str | None = None) -> str:
    """A quoted sentence with its evidence in bold, escaped, and where it came from.

    Sentences are numbered from 1 in the article, as everywhere a person reads
    them; another outlet's sentence (quoted for comparison) names its outlet.
    """
    text = excerpt.text
    pieces, cursor = [], 0
    for start, end in excerpt.marks:
        if start < cursor or start >= end or (start, end) == (0, len(text)):
            continue  # overlapping, empty, or the whole sentence: nothing to single out
        pieces += [fragment(text[cursor:start]), f"**{inline(text[start:end])}**"]
        cursor = end
    pieces.append(fragment(text[cursor:]))
    body = _shorten("".join(pieces).strip(), 420)
    where = f"{inline(shown_source(excerpt.source))}, sentence {excerpt.sentence + 1}"
    if outlet is not None and excerpt.outlet != outlet:
        where = f"{inline(excerpt.outlet)}, {where}"
    return f"\u201c{body}\u201d ({where})"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    if cut.count("**") % 2:
        cut += "**"
    return cut + " \u2026"


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def anchor(heading: str) -> str:
    """GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped.

    The HTML page gives its headings the same ids (:mod:`framing.report.html`),
    so the Contents links work in both.
    """
    kept = "".join(ch for ch in heading.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")
