"""Views of a Comparison: a Markdown report with PNG charts, or JSON. No arithmetic here."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..compare import Comparison
from ..io import check_writable, path_text, write_atomic
from ..lexicons import versions
from .charts import render_charts
from .html import to_html
from .markdown import ReportContext, render


def chart_folder(report: str | Path) -> str:
    """The charts' folder, beside the report and named after it: ``seeds.md`` -> ``seeds_charts``.

    Always valid UTF-8 (see :func:`framing.io.path_text`), as the report links to it.
    """
    return f"{path_text(Path(report).stem)}_charts"


def write_markdown_report(
    comparison: Comparison, path: str | Path, *, command: str, html: bool = False
) -> list[Path]:
    """Write the report (Markdown, or an HTML page) and its charts, each file atomically.

    The report's folder must exist (:class:`~framing.errors.OutputError` if
    not); only the charts' own folder beside it is made. The report's
    reproducibility line is ``command`` plus the output's file name (never its
    folder, so the report is the same wherever it is written).

    Returns the files written.
    """
    target = Path(path)
    folder = chart_folder(target)
    command += f" --output {path_text(target.name)}" + (" --format html" if html else "")
    context = ReportContext(__version__, command, folder, versions())
    check_writable(target)
    (target.parent / folder).mkdir(exist_ok=True)
    written = []
    for name, data in sorted(render_charts(comparison).items()):
        chart = target.parent / folder / name
        write_atomic(chart, data)
        written.append(chart)
    text = render(comparison, context)
    write_atomic(target, to_html(text) if html else text)
    written.append(target)
    return written


def markdown_text(comparison: Comparison, *, command: str) -> str:
    """The report's Markdown alone, e.g. for standard output; it says charts need a file."""
    return render(comparison, ReportContext(__version__, command, None, versions()))
