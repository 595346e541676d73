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
from typing import Literal
from urllib.parse import quote as quote_path

from ..compare.values import (
    Comparison,
    Excerpt,
    ModelComparison,
    ModelOutlet,
    ModelStory,
    OutletInStory,
    Standout,
    StoryComparison,
)
from ..compare.support import MIN_BODY_WORDS, MIN_ITEMS, SHRINK_WORDS
from ..scoring import index_specs
from .actors import actor_section
from .charts import story_slug
from .escape import cell, fragment, inline
from .findings import caveats, shown_source, standout_basis, standout_note, standout_sentence, warnings
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
MODEL_HEADING = "What the trained model flags"
APPENDIX_HEADING = "Appendix"
# The main report's caps: enough for a reader's first look at a few hundred articles; the appendix holds the rest.
OUTLETS_NAMED = 20
INDEX_ROWS = 30
CAVEATS_SHOWN = 12
WARNINGS_SHOWN = 10
INPUTS_SHOWN = 50
SHORT_OUTLETS_NAMED = 10

Detail = Literal["summary", "full"]
"""``summary``: the main report, its appendix in a file of its own (or left out on standard output);
``full``: the appendix at the end of the same file."""


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report says about how it was made (no paths, no times).

    ``appendix_file`` names the appendix's own file beside the report, when
    there is one; with ``detail="full"`` the appendix ends the report instead.
    """

    version: str
    command: str
    chart_folder: str | None
    lexicons: Mapping[str, str]
    models: Sequence[Mapping[str, str]] = ()
    detail: Detail = "summary"
    appendix_file: str | None = None


def render(comparison: Comparison, context: ReportContext) -> str:
    """The report as Markdown text: the summary first, then each story, method and reproducibility.

    With ``context.detail == "full"`` the appendix follows in the same text.
    """
    sections = [
        _summary(comparison, context),
        *(_story_section(story, comparison, context) for story in comparison.stories),
        _model_section(comparison.model) if comparison.model is not None else "",
        _method(comparison, context),
        _reproducibility(comparison, context),
    ]
    if context.detail == "full":
        sections.append(_appendix(comparison))
    return "\n\n".join(s.strip() for s in sections if s.strip()) + "\n"


def render_appendix(comparison: Comparison, context: ReportContext) -> str:
    """The appendix as a Markdown file of its own, beside the report it completes."""
    heading = (
        "# Framing comparison: appendix\n\n"
        f"Every table behind the report made with `{one_line(context.command.replace('`', ''))}`, "
        "with all its rows."
    )
    return heading + "\n\n" + _appendix_body(comparison).strip() + "\n"


# -- 1. summary ----------------------------------------------------------------

def _summary(c: Comparison, context: ReportContext) -> str:
    period = c.first_date if c.first_date == c.last_date else f"{c.first_date} to {c.last_date}"
    lines = [
        "# Framing comparison",
        "",
        f"**{c.n_articles} articles** from **{len(c.outlets)} outlets** "
        f"({_names(c.outlet_names, OUTLETS_NAMED)}) on **{len(c.stories)} "
        f"{'story' if len(c.stories) == 1 else 'stories'}**"
        + (f", {inline(period)}." if period else "."),
        "",
        "## Summary",
        "",
        f"A difference is a finding when the outlet has at least {MIN_BODY_WORDS} body words in the story and "
        f"at least {MIN_ITEMS} counted items back it; findings are ranked by the difference shrunk toward the "
        f"other outlets' mean as if that mean were worth {SHRINK_WORDS} words of the outlet's own text, so "
        "short coverage never leads.",
    ]
    shown: set[tuple[str, int]] = set()
    if c.highlights:
        lines += ["", "**The largest supported differences**", ""]
        for n, standout in enumerate(c.highlights, start=1):
            lines += _finding(standout, f"{n}. ", "   ", shown)
    else:
        lines += ["", "No difference between outlets meets these minimums."]
    for story in c.stories:
        lines += ["", *_story_summary(story, c.highlights, shown)]
    if c.errors:
        lines += ["", f"{len(c.errors)} input(s) could not be read; they are listed under Method and caveats."]
    lines += ["", "Contents: " + " \u00b7 ".join(_contents(c, context))]
    return "\n".join(lines)


def _finding(standout: Standout, first: str, indent: str, shown: set[tuple[str, int]]) -> list[str]:
    """A finding in plain words, what it rests on, and one piece of evidence.

    The evidence is the first excerpt the summary has not quoted yet (``shown``,
    updated here), so two findings on one article do not quote the same sentence.
    """
    lines = [f"{first}{inline(standout_sentence(standout))} {inline(standout_basis(standout))}"]
    if note := standout_note(standout):
        lines.append(f"{indent}{inline(note)}")
    fresh = [e for e in standout.evidence if (e.source, e.sentence) not in shown]
    for e in (fresh or list(standout.evidence))[:1]:
        shown.add((e.source, e.sentence))
        lines.append(f"{indent}{_excerpt(e, standout.outlet)}")
    return lines


def _story_summary(
    story: StoryComparison, highlights: Sequence[Standout], shown: set[tuple[str, int]]
) -> list[str]:
    """One story's findings (those among the largest overall by their number), and the outlets too short for one."""
    lines = [f"**Story: {inline(story.story)}** ({story.n_articles} articles, {len(story.outlets)} outlets)", ""]
    if len(story.outlets) < 2:
        return [*lines, "- One outlet: nothing to compare it with."]
    listed = [n for n, h in enumerate(highlights, start=1) if h in story.findings]
    if listed:
        lines.append(f"- Finding{'s' if len(listed) > 1 else ''} {_numbers(listed)} above.")
    lines += [line for f in story.findings if f not in highlights for line in _finding(f, "- ", "  ", shown)]
    if not story.findings:
        lines.append("- No difference between its outlets meets the minimums.")
    short = [o for o in story.outlets if o.words < MIN_BODY_WORDS]
    if short:
        named = _names([f"{o.outlet} ({o.words} words)" for o in short], SHORT_OUTLETS_NAMED)
        lines.append(f"- Too little text for a finding (under {MIN_BODY_WORDS} body words): {named}.")
    return lines


def _numbers(numbers: Sequence[int]) -> str:
    """1 / 1 and 3 / 1, 2 and 3."""
    shown = [str(n) for n in numbers]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _names(names: Sequence[str], limit: int) -> str:
    """Names joined by commas, the first ``limit`` of them, then how many more."""
    shown = ", ".join(inline(n) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _contents(c: Comparison, context: ReportContext) -> list[str]:
    links = [f"[{inline(s.story)}](#{anchor('story: ' + one_line(s.story))})" for s in c.stories]
    if c.model is not None:
        links.append(f"[{MODEL_HEADING}](#{anchor(MODEL_HEADING)})")
    links += ["[Method and caveats](#method-and-caveats)", "[Reproducibility](#reproducibility)"]
    if context.detail == "full":
        links.append(f"[{APPENDIX_HEADING}](#{anchor(APPENDIX_HEADING)})")
    elif context.appendix_file is not None:
        links.append(f"[{APPENDIX_HEADING}]({quote_path(context.appendix_file)})")
    return links


# -- 2-4. one story: indices, actors, charts ----------------------------------------------

def _story_section(story: StoryComparison, c: Comparison, context: ReportContext) -> str:
    parts = [
        _story_header(story),
        _index_table(story, c.index_names, INDEX_ROWS),
        actor_section(story, _chart(story, context, "actors"), _excerpt),
        _charts(story, context),
        _in_appendix(story, context),
    ]
    return "\n\n".join(p for p in parts if p)


def _in_appendix(story: StoryComparison, context: ReportContext) -> str:
    """What the appendix holds for this story, with how many rows, and where it is."""
    counts = _appendix_counts(story)
    if not counts:
        return ""
    held = "; ".join(counts)
    target = "#" + anchor(_details_heading(story))
    if context.detail == "full":
        return f"In the [appendix]({target}): {held}."
    if context.appendix_file is not None:
        return f"In the [appendix]({quote_path(context.appendix_file)}{target}): {held}."
    return (
        f"Not shown here: {held}. They are in the appendix, written with `--detail full`, beside a report "
        "written with `--output`, and in `--format json`."
    )


def _appendix_counts(story: StoryComparison) -> list[str]:
    """"what stands out (6)", "who is quoted (12 sources)" ...: each appendix table that has rows."""
    counts = [
        ("what stands out", sum(len(o.standouts) for o in story.outlets), "difference"),
        ("who is quoted", sum(len(o.quoted) for o in story.outlets), "source"),
        ("loaded words", sum(len(o.loaded) for o in story.outlets), "word"),
        ("how each outlet names the main actors", len({a for o in story.outlets for a in o.actor_labels}), "actor"),
        ("hedging", sum(len(o.hedged) for o in story.outlets), "sentence"),
        ("distinctive words", sum(len(o.distinctive) for o in story.outlets), "word"),
        ("omissions", len(story.omissions), "item"),
    ]
    shown = [f"{what} ({n} {noun}{'' if n == 1 else 's'})" for what, n, noun in counts if n]
    return [*shown, "readability and tone"]


def _details_heading(story: StoryComparison) -> str:
    return f"Story details: {one_line(story.story)}"


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


def _index_table(story: StoryComparison, indices: tuple[str, ...], limit: int | None) -> str:
    """The outlets' index values; with ``limit``, the outlets with the most body words first that many."""
    specs = index_specs()
    columns = [("outlet", False), ("n", True), ("words", True), *((specs[i]["label"], True) for i in indices)]
    shown = list(story.outlets)
    if limit is not None and len(shown) > limit:
        kept = {o.outlet for o in sorted(shown, key=lambda o: (-o.words, o.outlet))[:limit]}
        shown = [o for o in shown if o.outlet in kept]
    rows = [
        [cell(o.outlet) + (" \u2020" if o.words < MIN_BODY_WORDS else ""), str(o.n), str(o.words),
         *(_marked_value(o, i) for i in indices)]
        for o in shown
    ]
    note = (
        "Values are the outlet's mean over its articles in this story. \u25b2 / \u25bc: at least one "
        "standard deviation (of the index over all articles compared) above / below the other outlets "
        "here, by a margin a reader would notice; (r) is the outlet's rank on that index."
    )
    if any(o.words < MIN_BODY_WORDS for o in story.outlets):
        note += f" \u2020: under {MIN_BODY_WORDS} body words, too little text for a finding."
    hidden = len(story.outlets) - len(shown)
    if hidden:
        note += (f" {hidden} more outlet{'s' if hidden > 1 else ''}, with fewer body words, "
                 "in the appendix's table of all outlets.")
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
            lines.append(f"- {inline(standout_sentence(standout))} {inline(standout_basis(standout))}")
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
        for term in outlet.loaded:
            voice = "quoted" if term.quoted else "reporter"
            rows.append([cell(outlet.outlet), cell(term.cue), term.category.replace("_", " "), voice,
                         str(term.count), _excerpt(term.example)])
    if not rows:
        return "### Loaded words\n\nNo loaded wording was found."
    columns = [("outlet", False), ("word", False), ("category", False), ("voice", False),
               ("times", True), ("context", False)]
    intro = "Reporter's voice first, then words inside quotations (the speaker's)."
    return "\n".join(["### Loaded words", "", intro, "", *_table(columns, rows)])


def _actor_labels(story: StoryComparison) -> str:
    """One row per actor and outlet: a table as long as it needs, never wider than three columns."""
    rows = [
        [cell(actor), cell(o.outlet), "; ".join(inline(label) for label in o.actor_labels[actor])]
        for actor in sorted({a for o in story.outlets for a in o.actor_labels})
        for o in story.outlets
        if o.actor_labels.get(actor)
    ]
    if not rows:
        return ""
    columns = [("actor", False), ("outlet", False), ("names it", False)]
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
        lines += [f"- {_excerpt(e)}" for e in outlet.hedged]
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
        lines += [f"- {inline(note)}" for note in notes[:CAVEATS_SHOWN]]
        lines += _more_rows(len(notes) - CAVEATS_SHOWN, "caveat")
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
        lines += [f"- {inline(w)}" for w in warnings(c)[:WARNINGS_SHOWN]]
        lines += _more_rows(len(c.warnings) - WARNINGS_SHOWN, "warning")
    return "\n".join(lines)


def _more_rows(hidden: int, noun: str) -> list[str]:
    """"- ... and 3 more caveats, in the appendix.", or nothing when none is hidden."""
    if hidden <= 0:
        return []
    return [f"- \u2026 and {hidden} more {noun}{'s' if hidden > 1 else ''}, in the appendix."]


def _reproducibility(c: Comparison, context: ReportContext) -> str:
    lines = [
        "## Reproducibility",
        "",
        f"Made by framing {inline(context.version)} with `{one_line(context.command.replace('`', ''))}`.",
        "",
    ]
    lines += _inputs_table(c, INPUTS_SHOWN)
    hidden = len(c.inputs) - INPUTS_SHOWN
    if hidden > 0:
        lines += ["", f"\u2026 and {hidden} more inputs, in the appendix."]
    return "\n".join(lines)


def _inputs_table(c: Comparison, limit: int | None) -> list[str]:
    rows = [
        [cell(shown_source(r.source)), cell(r.outlet), cell(r.story), cell(r.date), f"`{r.sha256}`"]
        for r in c.inputs[:limit]
    ]
    columns = [(heading, False) for heading in ("input", "outlet", "story", "date", "SHA-256 of the text")]
    return _table(columns, rows)


# -- the appendix: every table, all its rows -------------------------------------------------

def _appendix(c: Comparison) -> str:
    intro = f"## {APPENDIX_HEADING}\n\nEvery table behind the summary, story by story, with all its rows."
    return intro + "\n\n" + _appendix_body(c)


def _appendix_body(c: Comparison) -> str:
    parts = [*(_story_details(story, c) for story in c.stories), _rest_of_method(c)]
    return "\n\n".join(p for p in parts if p)


def _story_details(story: StoryComparison, c: Comparison) -> str:
    parts = [
        f"## {inline(_details_heading(story))}",
        _index_table(story, c.index_names, None),
        _standouts(story),
        _who_is_quoted(story),
        _loaded(story),
        _actor_labels(story),
        _hedging(story),
        _distinctive(story),
        _omissions(story),
        _readability(story),
    ]
    return "\n\n".join(p for p in parts if p)


def _rest_of_method(c: Comparison) -> str:
    """The caveats, warnings and inputs the main report left out for length."""
    lines = []
    if len(notes := caveats(c)) > CAVEATS_SHOWN:
        lines += ["### All caveats", "", *(f"- {inline(note)}" for note in notes), ""]
    if len(c.warnings) > WARNINGS_SHOWN:
        lines += ["### All warnings", "", *(f"- {inline(w)}" for w in warnings(c)), ""]
    if len(c.inputs) > INPUTS_SHOWN:
        lines += ["### All inputs", "", *_inputs_table(c, None)]
    return "\n".join(lines)


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
    if excerpt.tone is not None:
        words = excerpt.tone_words.replace("; ", ", ")
        where += f"; tone {excerpt.tone:+.2f}" + (f"; words: {inline(words)}" if words else "")
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
