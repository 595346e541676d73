"""Views of a Comparison: a Markdown report with PNG charts, or JSON. No arithmetic here."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .. import __version__
from ..compare import Comparison
from ..io import check_writable, path_text, write_atomic
from ..lexicons import versions
from .charts import render_charts
from .html import to_html
from .markdown import Detail, ReportContext, render, render_appendix


def chart_folder(report: str | Path) -> str:
    """The charts' folder, beside the report and named after it: ``seeds.md`` -> ``seeds_charts``.

    Always valid UTF-8 (see :func:`framing.io.path_text`), as the report links to it.
    """
    return f"{path_text(Path(report).stem)}_charts"


def appendix_name(report: str | Path) -> str:
    """The appendix's file name, beside the report and named after it: ``seeds.md`` -> ``seeds_appendix.md``."""
    target = Path(report)
    return f"{path_text(target.stem)}_appendix{path_text(target.suffix)}"


def write_markdown_report(
    comparison: Comparison, path: str | Path, *, command: str, html: bool = False, detail: Detail = "summary"
) -> list[Path]:
    """Write the report (Markdown, or an HTML page), its appendix and its charts, each file atomically.

    With ``detail="summary"`` the appendix (every table, all its rows) is a
    second file beside the report (:func:`appendix_name`); with ``"full"`` it
    ends the report. The report's folder must exist
    (:class:`~framing.errors.OutputError` if not); only the charts' own folder
    beside it is made. The report's reproducibility line is ``command`` plus
    the output's file name (never its folder, so the report is the same
    wherever it is written).

    Returns the files written.
    """
    command += f" --output {path_text(Path(path).name)}" + (" --format html" if html else "")
    command += " --detail full" if detail == "full" else ""
    return _write_pages(comparison, Path(path), command, html, detail)


def _write_pages(comparison: Comparison, target: Path, command: str, html: bool, detail: Detail) -> list[Path]:
    """The charts, then the report and (for a summary) its appendix; ``command`` as the report shows it."""
    folder = chart_folder(target)
    appendix = target.parent / appendix_name(target) if detail == "summary" else None
    context = ReportContext(
        __version__, command, folder, versions(), detail=detail,
        appendix_file=appendix.name if appendix is not None else None,
    )
    check_writable(target)
    if appendix is not None:
        check_writable(appendix)
    (target.parent / folder).mkdir(exist_ok=True)
    written = []
    for name, data in sorted(render_charts(comparison).items()):
        chart = target.parent / folder / name
        write_atomic(chart, data)
        written.append(chart)
    pages = [(target, render(comparison, context), "Framing comparison")]
    if appendix is not None:  # before the report, so the report is the last file written, as without one
        pages.insert(0, (appendix, render_appendix(comparison, context), "Framing comparison: appendix"))
    for page, text, title in pages:
        write_atomic(page, to_html(text, title=title) if html else text)
        written.append(page)
    return written


def write_report(
    comparison: Comparison,
    path: str | Path,
    *,
    format: Literal["markdown", "html"] = "markdown",
    detail: Detail = "summary",
    command: str | None = None,
) -> list[Path]:
    """Write a comparison's report from Python, as ``framing compare --output`` does.

    ``format`` is ``"markdown"`` or ``"html"``; ``detail`` as in
    :func:`write_markdown_report`. Without ``command`` the report's
    reproducibility line records this call. Returns the files written.

    Raises
    ------
    ValueError
        For a ``format`` or ``detail`` other than those named.
    """
    if format not in ("markdown", "html"):
        raise ValueError(f"format must be 'markdown' or 'html', not {format!r}")
    if detail not in ("summary", "full"):
        raise ValueError(f"detail must be 'summary' or 'full', not {detail!r}")
    if command is None:
        command = (f"framing.write_report(comparison, {path_text(Path(path).name)!r}, "
                   f"format={format!r}, detail={detail!r})")
        return _write_pages(comparison, Path(path), command, format == "html", detail)
    return write_markdown_report(comparison, path, command=command, html=format == "html", detail=detail)


def markdown_text(comparison: Comparison, *, command: str, detail: Detail = "summary") -> str:
    """The report's Markdown alone, e.g. for standard output; it says charts and a separate appendix need a file."""
    command += " --detail full" if detail == "full" else ""
    return render(comparison, ReportContext(__version__, command, None, versions(), detail=detail))
