"""Process-parallel analysis gives exactly the serial results, in order, reading lazily."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from framing import Analysis, Article, FramingError, ReadError, analyze
from framing.runner import (
    DEATHS_IN_A_ROW,
    analyze_parallel,
    available_cores,
    resolve_jobs,
)

from .conftest import seed_text

SEED_PREFIXES = ("000", "001", "002", "003", "004")


def seed_articles() -> list[Article]:
    return [Article(text=seed_text(p), source=p, id=p) for p in SEED_PREFIXES]


def test_two_workers_give_the_serial_results_in_input_order() -> None:
    # Nine articles in chunks of two: five chunks, finishing out of order is possible.
    articles = seed_articles() + seed_articles()[:3] + ["Officials said the plan may fail."]
    expected = [analyze(a) for a in articles]
    got = list(analyze_parallel(articles, 2, chunk_size=2))
    assert got == expected
    assert [a.article.source for a in got] == ["000", "001", "002", "003", "004",
                                               "000", "001", "002", "<text>"]


def test_one_job_analyses_in_this_process() -> None:
    articles = seed_articles()[:2]
    got = analyze_parallel(iter(articles), 1)
    assert list(got) == [analyze(a) for a in articles]


def test_zero_jobs_means_every_available_core() -> None:
    assert resolve_jobs(0) == available_cores() >= 1
    assert resolve_jobs(3) == 3
    text = seed_text("003")
    assert list(analyze_parallel([text], 0)) == [analyze(text)]


@pytest.mark.parametrize("jobs", [-1, 1.5, True, "2"])
def test_bad_jobs_are_refused_before_anything_is_read(jobs: object) -> None:
    read = []

    def articles() -> Iterator[str]:
        read.append(1)
        yield "Never analysed."

    with pytest.raises(FramingError, match="jobs must be 0 .* not"):
        analyze_parallel(articles(), jobs)  # type: ignore[arg-type]
    assert read == []


def test_input_is_read_only_as_fast_as_results_are_taken() -> None:
    """An endless stream: taking 3 results reads at most the chunks in flight."""
    taken = []
    texts = [seed_text(p) for p in SEED_PREFIXES]

    def endless() -> Iterator[str]:
        for text in itertools.cycle(texts):
            taken.append(text)
            yield text

    results = analyze_parallel(endless(), 2, chunk_size=2, prefetch=2)
    first = list(itertools.islice(results, 3))
    results.close()  # type: ignore[attr-defined]
    assert [a.text for a in first] == texts[:3]
    # 2 workers x 2 chunks in flight x 2 articles, plus one chunk refilled per chunk taken (2).
    assert len(taken) <= 2 * 2 * 2 + 2 * 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_article_is_listed_at_its_place_and_the_rest_analysed(jobs: int) -> None:
    errors: list[ReadError] = []
    items = ["First article text.", 42, Article(text="Third.", source="third.txt")]
    stream = analyze_parallel(items, jobs, chunk_size=1, errors=errors)  # type: ignore[list-item]
    assert next(stream).text == "First article text."
    assert errors == []
    assert next(stream).article.source == "third.txt"
    assert errors == [ReadError("item 2", "could not be analysed: TypeError: analyze() takes the "
                                "article's text as str or an Article, not int")]


def test_without_an_error_list_a_failed_article_is_a_warning() -> None:
    with pytest.warns(RuntimeWarning, match="item 1: could not be analysed: TypeError"):
        got = list(analyze_parallel([None, "Officials said so."], 1))  # type: ignore[list-item]
    assert [a.text for a in got] == ["Officials said so."]



def feature_count_and_source(analysis: Analysis) -> tuple[str, int]:
    """A small part of an analysis, made in the worker (module level, so it can be sent)."""
    return analysis.article.source, len(analysis.features)


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_is_applied_to_each_analysis_in_input_order(jobs: int) -> None:
    articles = seed_articles()[:3]
    got = list(analyze_parallel(articles, jobs, chunk_size=1, then=feature_count_and_source))
    assert got == [feature_count_and_source(analyze(a)) for a in articles]
    assert [source for source, _ in got] == ["000", "001", "002"]


# A worker process that dies (a segfault in a compiled library, the OOM killer) must not end the batch.
# The articles are the first paragraphs of the seeds, short so the tests are quick; a `then` ends the
# worker process with os._exit for the paragraphs that carry a chosen phrase. It never ends this process
# (multiprocessing.parent_process() is None here), so a runner that analysed in-process would fail, not vanish.

def seed_paragraphs(count: int = 20) -> list[Article]:
    """The first ``count`` paragraphs of seeds 001 on, each an article named ``p00``, ``p01``, ...

    (Seed 000 is one long paragraph.)
    """
    paragraphs = [p.strip() for prefix in SEED_PREFIXES[1:] for p in seed_text(prefix).split("\n\n") if p.strip()]
    return [Article(text=text, source=f"p{n:02d}") for n, text in enumerate(paragraphs[:count])]


def source_unless_it_kills(killers: tuple[str, ...], analysis: Analysis) -> str:
    """The article's source, after ending the worker process when its text holds one of ``killers``."""
    if multiprocessing.parent_process() is not None and any(k in analysis.text for k in killers):
        os._exit(1)
    return analysis.article.source


def source_after_killing_the_first_worker(flag: Path, analysis: Analysis) -> str:
    """The article's source; the first worker to get here dies (the OOM killer, not the article's doing)."""
    if multiprocessing.parent_process() is not None:
        try:
            flag.touch(exist_ok=False)
        except FileExistsError:
            pass
        else:
            os._exit(1)
    return analysis.article.source


def died(source: str) -> ReadError:
    return ReadError(source, "could not be analysed: the worker process analysing it died (exit code 1)")


# each phrase is in one paragraph of seed 001: p04 in the second chunk of 4, p14 in the fourth
FIRST_KILLER = "A Western diplomatic source said"
SECOND_KILLER = "Syrian opposition sources said"


def test_seed_paragraphs_hold_each_killer_phrase_once() -> None:
    articles = seed_paragraphs()
    assert [a.source for a in articles if FIRST_KILLER in a.text] == ["p04"]
    assert [a.source for a in articles if SECOND_KILLER in a.text] == ["p14"]


def test_an_article_that_kills_its_worker_is_listed_and_the_batch_goes_on() -> None:
    articles = seed_paragraphs()
    errors: list[ReadError] = []
    then = partial(source_unless_it_kills, (FIRST_KILLER,))
    got = list(analyze_parallel(articles, 2, chunk_size=4, then=then, errors=errors))
    assert got == [a.source for a in articles if a.source != "p04"]
    assert errors == [died("p04")]


def test_two_articles_that_kill_their_workers_are_both_listed() -> None:
    articles = seed_paragraphs()
    errors: list[ReadError] = []
    then = partial(source_unless_it_kills, (FIRST_KILLER, SECOND_KILLER))
    got = list(analyze_parallel(articles, 2, chunk_size=4, then=then, errors=errors))
    assert got == [a.source for a in articles if a.source not in ("p04", "p14")]
    assert errors == [died("p04"), died("p14")]


def test_a_worker_killed_once_by_something_else_costs_no_article(tmp_path: Path) -> None:
    articles = seed_paragraphs()
    errors: list[ReadError] = []
    then = partial(source_after_killing_the_first_worker, tmp_path / "killed")
    got = list(analyze_parallel(articles, 2, chunk_size=4, then=then, errors=errors))
    assert (tmp_path / "killed").exists()
    assert got == [a.source for a in articles]
    assert errors == []


def test_workers_that_always_die_end_the_batch_with_a_clear_error() -> None:
    articles = seed_paragraphs()
    errors: list[ReadError] = []
    then = partial(source_unless_it_kills, ("",))  # every text holds the empty string
    with pytest.raises(FramingError, match=r"worker processes died in a row without finishing an article "
                                           r"\(the last: exit code 1\)"):
        list(analyze_parallel(articles, 2, chunk_size=4, then=then, errors=errors))
    # the first death is the pool's; each later one an article re-run alone, listed, the last one included
    assert errors == [died(a.source) for a in articles[:DEATHS_IN_A_ROW - 1]]


@pytest.mark.parametrize(
    ("exit_code", "said"),
    [(None, "exit code unknown"), (1, "exit code 1"), (-9, "signal SIGKILL"), (-200, "signal 200")],
)
def test_how_a_worker_ended_is_said_in_words(exit_code, said) -> None:
    from framing.runner import _how_it_ended

    assert _how_it_ended(exit_code) == said
