"""The Dask path writes exactly the records of the single-machine path, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing import FramingError, analyze, read_corpus
from framing.records import analysis_record
from framing.types import Article

from .conftest import SEEDS, seed_text

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from framing.distributed import score_on_dask  # noqa: E402
from framing.io import jsonl_line  # noqa: E402


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Seven JSONL lines: five seeds, a duplicate id and a line without text."""
    path = tmp_path / "corpus.jsonl"
    lines = [{"id": f"seed-{p}", "text": seed_text(p)} for p in ("000", "001", "002", "003", "004")]
    lines.insert(2, {"id": "seed-000", "text": "A second article with the first one's id."})
    lines.append({"id": "empty", "title": "no text here"})
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


def single_machine(paths: list[Path]) -> list[dict]:
    return [
        analysis_record(analyze(item)) for item in read_corpus(paths) if isinstance(item, Article)
    ]


def test_jsonl_records_match_the_single_machine_path(client, corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "scored.jsonl"
    run = score_on_dask([corpus, SEEDS], output, scheduler=client, partition_size=2)
    expected = single_machine([corpus, SEEDS])
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    assert [json.loads(line) for line in lines] == expected
    assert lines == [jsonl_line(r) for r in expected]
    assert run.scored == len(expected) == 10  # 5 JSONL lines + 5 seed files
    assert [(e.source.rsplit("/", 1)[-1], e.reason[:12]) for e in run.errors] == [
        ("corpus.jsonl:3", "duplicate id"),
        ("corpus.jsonl:7", "has no 'text"),
    ]
    assert [p.name for p in output.parent.iterdir()] == ["scored.jsonl"]  # no temporary left


def test_parquet_has_a_column_per_feature_and_the_same_values(
    client, corpus: Path, tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    output = tmp_path / "scored.parquet"
    score_on_dask(corpus, output, scheduler=client, partition_size=3)
    table = pq.read_table(output).to_pylist()
    expected = single_machine([corpus])
    assert [row["id"] for row in table] == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
    for row, record in zip(table, expected, strict=True):
        assert {k: row[k] for k in record["features"]} == pytest.approx(record["features"])
        assert json.loads(row["evidence"]) == record["evidence"]
        assert row["outlet"] == record["outlet"]


def test_unsupported_output_is_refused_before_any_work(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(FramingError, match=r"'scored\.csv'.*\.jsonl or \.parquet"):
        score_on_dask(corpus, tmp_path / "scored.csv")
    assert not (tmp_path / "scored.csv").exists()


def test_a_bad_scheduler_is_named(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="not int"):
        score_on_dask(corpus, tmp_path / "scored.jsonl", scheduler=8786)
    assert not (tmp_path / "scored.jsonl").exists()

