"""Score a corpus on a Dask cluster when one machine is not enough.

Needs the optional extra: ``python -m pip install "framing[dask]"``.

The machine that runs this reads the corpus with :func:`framing.read_corpus`
(so read errors, duplicate ids and outlets are exactly those of
``framing score``), cuts the articles into ``dask.bag`` partitions and sends a
window of partitions at a time to the cluster. Each worker runs the same
:func:`framing.analyze` and turns every result into the same record
(:func:`framing.records.analysis_record`) that ``framing score --format jsonl``
writes. Records come back in input order and are written as they arrive, so
the output is identical to the single-machine path and memory stays flat
however large the corpus. Workers need framing installed at the same version
as this machine (the run is refused otherwise); they do not need the corpus
files.

Output by suffix: ``.jsonl`` (one record per line, as ``framing score
--format jsonl``) or ``.parquet`` (needs pyarrow: one row per article, the
article's fields and one float column per feature, with meta, evidence,
attributions and warnings as JSON text). The file appears only when the run is
complete.

Command line::

    python -m framing.distributed corpus.jsonl --output scored.jsonl                        # a local cluster
    python -m framing.distributed corpus.jsonl --output scored.parquet --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import itertools
import logging
import json
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import analyze
from .errors import FramingError
from .io import DEFAULT_MAX_BYTES, atomic_path, jsonl_line, read_corpus
from .records import analysis_record
from .types import Article, ReadError

PARTITION_SIZE = 32  # articles per partition: ~1-2 s of work, so scheduling overhead is small
WINDOW = 2  # partitions in flight per worker thread
FORMATS = (".jsonl", ".parquet")
_TEXT_COLUMNS = ("source", "id", "outlet", "outlet_source", "title", "date", "url", "story")
_JSON_COLUMNS = ("meta", "evidence", "attributions", "warnings")


@dataclass(frozen=True)
class DaskRun:
    """What a cluster run did: articles scored, inputs that could not be read."""

    output: Path
    scored: int
    errors: tuple[ReadError, ...]


def score_on_dask(
    paths: str | Path | Iterable[str | Path],
    output: str | Path,
    *,
    scheduler: Any = None,
    partition_size: int = PARTITION_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DaskRun:
    """Score articles on a Dask cluster and write the records to ``output``.

    Parameters
    ----------
    paths
        Files, directories or ``-``, as for :func:`framing.read_corpus`.
    output
        A ``.jsonl`` or ``.parquet`` file, written atomically when the run ends.
    scheduler
        ``None`` starts a local cluster with one worker process per core; a
        scheduler address (``"tcp://host:8786"``) connects to a running
        cluster; a ``distributed.Client`` is used as it is.
    partition_size
        Articles per ``dask.bag`` partition (one task on one worker).
    max_bytes
        Largest article accepted, as for :func:`framing.read_corpus`.

    Returns
    -------
    DaskRun
        The output path, the number of articles scored and the read errors.

    Raises
    ------
    FramingError
        Dask is not installed, the output format is not supported, or the
        workers run a different version of framing.
    """
    target = Path(output)
    if target.suffix.lower() not in FORMATS:
        raise FramingError(
            f"cannot write {target.name!r}: the output must end in {' or '.join(FORMATS)}"
        )
    if partition_size < 1:
        raise FramingError(f"partition_size must be at least 1, not {partition_size}")
    parquet = target.suffix.lower() == ".parquet"
    _require("dask.bag", "distributed", *(("pyarrow",) if parquet else ()))
    errors: list[ReadError] = []
    articles = _articles(read_corpus(paths, max_bytes=max_bytes), errors)
    with _client(scheduler) as client, atomic_path(target) as temporary:
        _check_versions(client)
        window = WINDOW * max(1, sum(client.nthreads().values()))
        results = _scored(client, articles, partition_size, window, parquet)
        scored = (_write_parquet if parquet else _write_jsonl)(results, temporary)
    return DaskRun(target, scored, tuple(errors))


def score_partition(articles: list[Article], parquet: bool) -> list[Any]:
    """What a worker does with one partition: analyse each article into its record."""
    records = [analysis_record(analyze(article)) for article in articles]
    return [_row(r) for r in records] if parquet else [jsonl_line(r) for r in records]


def _articles(items: Iterator[Article | ReadError], errors: list[ReadError]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            yield item


def _scored(
    client: Any, articles: Iterator[Article], partition_size: int, window: int, parquet: bool
) -> Iterator[list[Any]]:
    """Partition results in input order, with at most two windows in flight."""
    import dask.bag as db

    def submit(batch: list[Article]) -> list[Any]:
        bag = db.from_sequence(batch, partition_size=partition_size)
        parts = bag.map_partitions(score_partition, parquet).to_delayed()
        return client.compute(parts)

    batches = iter(lambda: list(itertools.islice(articles, partition_size * window)), [])
    pending: deque[list[Any]] = deque(submit(b) for b in itertools.islice(batches, 2))
    while pending:
        futures = pending.popleft()
        for batch in itertools.islice(batches, 1):
            pending.append(submit(batch))
        for future in futures:
            yield future.result()


def _write_jsonl(partitions: Iterator[list[str]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for lines in partitions:
            handle.writelines(lines)
            count += len(lines)
    return count


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {k: record[k] for k in _TEXT_COLUMNS}
    row.update((k, float(v)) for k, v in record["features"].items())
    row.update((k, json.dumps(record[k], ensure_ascii=False)) for k in _JSON_COLUMNS)
    return row


def _write_parquet(partitions: Iterator[list[dict[str, Any]]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    writer = None
    try:
        for rows in partitions:
            if not rows:
                continue
            if writer is None:
                schema = pa.schema(
                    [(k, pa.float64() if isinstance(v, float) and k not in _TEXT_COLUMNS
                      else pa.string()) for k, v in rows[0].items()]
                )
                writer = pq.ParquetWriter(path, schema)
            _same_columns(rows, writer.schema.names)
            writer.write_table(pa.Table.from_pylist(rows, schema=writer.schema))
            count += len(rows)
    finally:
        if writer is not None:
            writer.close()
    return count


def _same_columns(rows: list[dict[str, Any]], names: list[str]) -> None:
    for row in rows:
        if list(row) != names:
            raise FramingError(
                f"article {row['source']!r} has different features from the first article; "
                "are all workers running the same framing version?"
            )


@contextmanager
def _client(scheduler: Any) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
    elif scheduler is None:
        # a local cluster logs its own shutdown as errors; only real failures matter here
        with LocalCluster(
            threads_per_worker=1, dashboard_address=None, silence_logs=logging.CRITICAL
        ) as cluster:
            with Client(cluster) as client:
                yield client
    elif isinstance(scheduler, str):
        with Client(scheduler) as client:
            yield client
    else:
        raise FramingError(
            "scheduler must be None (a local cluster), an address such as "
            f"'tcp://host:8786', or a distributed.Client, not {type(scheduler).__name__}"
        )


def _check_versions(client: Any) -> None:
    from . import __version__

    found = client.run(_framing_version)
    other = {worker: v for worker, v in found.items() if v != __version__}
    if other:
        listed = ", ".join(f"{w} has {v}" for w, v in sorted(other.items()))
        raise FramingError(
            f"workers must run framing {__version__}, as this machine does: {listed}"
        )


def _framing_version() -> str:
    from . import __version__

    return __version__


def _require(*modules: str) -> None:
    from importlib import import_module

    for module in modules:
        try:
            import_module(module)
        except ImportError as error:
            raise FramingError(
                f"scoring on Dask needs {module.split('.')[0]}, which is not installed: "
                'python -m pip install "framing[dask]"'
            ) from error


def main() -> None:
    """``python -m framing.distributed PATHS... --output FILE [--scheduler ADDRESS]``."""
    import typer

    def run(
        paths: list[str] = typer.Argument(..., help="Files, directories, or - for standard input."),
        output: Path = typer.Option(..., "--output", "-o", help="A .jsonl or .parquet file."),
        scheduler: str = typer.Option(
            None, "--scheduler", help="Scheduler address (tcp://host:8786); default: a local cluster."
        ),
        partition_size: int = typer.Option(PARTITION_SIZE, "--partition-size", min=1),
        max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1),
    ) -> None:
        """Score articles on a Dask cluster; records are identical to framing score's."""
        try:
            done = score_on_dask(paths, output, scheduler=scheduler,
                                 partition_size=partition_size, max_bytes=max_bytes)
        except FramingError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1)
        for error in done.errors:
            typer.echo(f"skipped {error.source}: {error.reason}", err=True)
        typer.echo(f"wrote {done.output}: {done.scored} scored, {len(done.errors)} skipped", err=True)
        if not done.scored:
            raise typer.Exit(1)

    typer.run(run)


if __name__ == "__main__":
    main()
