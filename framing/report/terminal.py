"""Plain-text views for the terminal: the score table, ``--explain`` listings and CSV.

Names and text pass through :mod:`framing.report.inert`, so no escape sequence
from an article reaches the terminal and no CSV cell runs as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Sequence

from ..compare.model import classes_of_interest
from ..scoring import IndexExplanation
from ..types import Analysis, Evidence
from .inert import one_line
from .inert import spreadsheet_cell, visible

TABLE_FEATURES = (
    ("readability.words", "words"),
    ("readability.flesch_reading_ease", "ease"),
    ("tone.mean_compound", "tone"),
    ("hedging.per_100_words", "hedge/100w"),
    ("attribution.count", "attrib"),
    ("attribution.skeptical", "skeptic"),
    ("loaded.per_1000_words", "loaded/1kw"),
)


def score_table(analyses: Sequence[Analysis]) -> str:
    """One aligned row per article with the headline features."""
    present = {k for a in analyses for k in a.features}
    columns = [(k, h) for k, h in TABLE_FEATURES if k in present] + _model_columns(analyses)
    rows = [["source", "outlet", *(h for _, h in columns)]]
    for a in analyses:
        values = [_value(a, k) for k, _ in columns]
        rows.append([visible(a.article.source), visible(a.article.outlet), *values])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
        for r in rows
    ) + "\n"


def _model_columns(analyses: Sequence[Analysis]) -> list[tuple[str, str]]:
    """A column per class of each model scored (``--model``), headed ``p(CLASS)``.

    The classes are those the comparison report shows (:func:`classes_of_interest`):
    "Non-biased" beside "Biased" is one minus it and left out.
    """
    keys = list(dict.fromkeys(k for a in analyses for k in a.features if k.startswith("model.")))
    classes: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        prefix, label = key.rsplit(".", 1)
        classes[prefix].append(label)
    return [
        (f"{prefix}.{label}", f"p({label})")
        for prefix, labels in classes.items()
        for label in classes_of_interest(labels)
    ]


def score_csv(analyses: Sequence[Analysis]) -> str:
    """Articles as CSV rows: metadata then every feature; no text cell can run as a formula."""
    names = list(dict.fromkeys(k for a in analyses for k in a.features))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "id", "outlet", "story", "date", *names])
    for a in analyses:
        art = a.article
        metadata = [art.source, art.id, art.outlet, art.story, art.date]
        writer.writerow([*map(spreadsheet_cell, metadata), *(_value(a, k, missing="") for k in names)])
    return buffer.getvalue()


def explain(analysis: Analysis, family: str) -> str:
    """Each sentence holding evidence of ``family``, its cues marked [[like this]].

    Sentences are numbered from 1, as in the report.
    """
    evidence = [e for e in analysis.evidence if e.family == family]
    features = {k: v for k, v in analysis.features.items() if k.startswith(f"{family}.")}
    lines = [_heading(analysis)]
    lines += [f"  {k} = {_short(v)}" for k, v in features.items()]
    if analysis.attributions and family == "attribution":
        lines += ["", *_who_is_quoted(analysis)]
    by_sentence: dict[int, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_sentence[e.sentence].append(e)
    for sentence, items in sorted(by_sentence.items()):
        lines.append("")
        lines.append(f"  [{sentence + 1}] {_marked(analysis, sentence, items)}")
        for e in items:
            details = ", ".join(f"{k}={one_line(str(v))}" for k, v in sorted(e.attrs.items()))
            lines.append(f"      {e.label}: \u201c{one_line(e.text)}\u201d" + (f" ({details})" if details else ""))
    if not evidence and not analysis.attributions:
        lines += ["", f"  no {family} evidence in this article"]
    return "\n".join(lines) + "\n"


def _who_is_quoted(analysis: Analysis) -> list[str]:
    rows = [["source", "type", "verb", "stance", "skeptical", "words"]]
    for a in analysis.attributions:
        rows.append([
            one_line(a.source.text) if a.source else "(none)",
            a.source_type,
            one_line(a.cue.text),
            a.verb_stance,
            "yes" if a.skeptical else "no",
            _clip(a.content.text if a.content else "", 70),
        ])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]


def _marked(analysis: Analysis, sentence: int, items: list[Evidence]) -> str:
    """The sentence holding the evidence with each span bracketed."""
    text = analysis.text
    start = min([e.start for e in items] + [analysis.sentences[sentence].start])
    end = max([e.end for e in items] + [analysis.sentences[sentence].end])
    pieces, cursor = [], start
    for e in sorted(items, key=lambda e: (e.start, -e.end)):
        if e.start < cursor:
            continue
        pieces += [text[cursor:e.start], "[[", text[e.start:e.end], "]]"]
        cursor = e.end
    pieces.append(text[cursor:end])
    return _clip("".join(pieces).strip(), 600)


def _clip(text: str, limit: int) -> str:
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _value(analysis: Analysis, key: str, *, missing: str = "n/a") -> str:
    """A feature for display; a family not run (text not in English) shows as missing."""
    if key not in analysis.features:
        return missing
    return _short(analysis.features[key])


def _short(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.3f}"


def explain_index(analysis: Analysis, explanation: IndexExplanation) -> str:
    """An index's value, its formula's components and the evidence that weighed most."""
    lines = [
        _heading(analysis),
        f"  {explanation.index} = {_short(explanation.value)}",
        f"  {explanation.description}",
        f"  {explanation.index} = {_HOW[explanation.combine]}",
        "",
    ]
    width = max([len("component"), *(len(one_line(p.feature)) for p in explanation.contributions)])
    lines.append(f"  {'component':<{width}}   value    rate  weight  contribution")
    for part in explanation.contributions:
        lines.append(
            f"  {one_line(part.feature):<{width}} {_short(part.value):>7} {_short(part.rate):>7} "
            f"{_short(part.weight):>7} {_short(part.contribution):>13}"
        )
    for part in explanation.contributions:
        if not part.evidence:
            continue
        lines += ["", f"  {one_line(part.feature)}: {len(part.evidence)} item{'s' if len(part.evidence) != 1 else ''}"]
        for e in part.evidence:
            lines += [f"    [{e.sentence + 1}] {_marked(analysis, e.sentence, [e])}",
                      f"        {e.family}/{e.label}: \u201c{one_line(e.text)}\u201d"]
    return "\n".join(lines) + "\n"


_HOW = {
    "sum": "the sum of the contributions (each its rate times its weight)",
    "mean": "the weighted mean of the components' values",
    "effective_sources": "exp of the sum of the contributions (each source's -share * ln share)",
}


def _heading(analysis: Analysis) -> str:
    """An article's source and outlet, as a listing's first line."""
    return f"{visible(analysis.article.source)} ({visible(analysis.article.outlet)})"


# numpy's advice for an archive it cannot read; framing never loads pickled data, so it is never printed
_PICKLE_ADVICE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*allow_pickle(?:[^()]|\([^()]*\))*\)")


def message_line(message: str) -> str:
    """A message as one line for stderr: control characters visible, no advice to unpickle."""
    if "allow_pickle" in message:
        message = _PICKLE_ADVICE.sub(" (it holds pickled data, which framing never loads)", message)
    return visible(message)
