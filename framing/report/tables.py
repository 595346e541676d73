"""The comparison's tidy tables as CSV files (``framing compare --csv-dir DIR``), one file per table.

The tables are :func:`framing.compare.tables.tidy_tables`; every text cell goes
through :func:`framing.report.inert.spreadsheet_cell`, as in ``framing score
--format csv``, so no cell runs as a formula. An empty value (no interval, no
example) is an empty cell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..compare.tables import Table, tidy_tables
from ..compare.values import Comparison
from ..errors import OutputError
from ..io import check_writable, path_text, write_atomic
from .inert import spreadsheet_cell


def csv_text(table: Table) -> str:
    """One table as CSV text, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    return buffer.getvalue()


def check_table_folder(folder: str | Path) -> None:
    """Raise :class:`~framing.errors.OutputError` unless ``folder`` is a folder, or can be made in one that exists."""
    target = Path(folder)
    if target.is_dir():
        return
    check_writable(target)  # its parent must exist: a mistyped path is an error, not a tree of new folders
    if target.exists():
        raise OutputError(f"cannot write tables into {path_text(target)}: it is a file; give a folder")


def write_csv_tables(comparison: Comparison, folder: str | Path) -> list[Path]:
    """Write ``<table>.csv`` for every tidy table into ``folder`` (made if missing); the files written."""
    check_table_folder(folder)
    target = Path(folder)
    target.mkdir(exist_ok=True)
    written = []
    for name, table in tidy_tables(comparison).items():
        path = target / f"{name}.csv"
        write_atomic(path, csv_text(table))
        written.append(path)
    return written


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_cell(value)
    return str(value)
