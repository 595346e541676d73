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
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TypeAlias, TypeVar, overload

from .analysis import Actors, Taggers, actor_table, analyze
from .errors import FramingError
from .types import Analysis, Article, ReadError

T = TypeVar("T")

CHUNK_SIZE = 8  # articles per task: ~0.2-0.4 s of work, so task overhead is < 1%
PREFETCH = 2  # chunks queued per worker, so no worker waits for the next one

_Chunk: TypeAlias = list[tuple[int, Article | str]]  # articles numbered by their place in the input
# chunks sent to the pool, in input order, each with its future (None: the broken pool refused it)
_Pending: TypeAlias = deque[tuple[_Chunk, Future[list[object]] | None]]


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
        with a :class:`RuntimeWarning`. So is an article whose worker process
        dies (a segfault, the OOM killer, ``os._exit``), with the reason
        ``could not be analysed: the worker process analysing it died (exit
        code N)`` (or ``signal SIGKILL``): the articles the broken pool held
        are re-run one at a time, to find it, and a fresh pool takes the rest.
        After :data:`DEATHS_IN_A_ROW` worker deaths with no article finished
        between them, a :class:`FramingError` ends the batch. Closing the
        iterator early cancels the chunks not yet started.
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
        return _succeeded(map(partial(_isolated, work), numbered), errors)
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
    """Chunks analysed on a pool of ``workers``, results in input order; a pool that breaks is replaced.

    When a worker process dies, the pool fails every chunk it had not
    finished. Those chunks' articles are re-run one at a time by
    :class:`_Solo`, so the article that kills a worker is pinned and skipped,
    and a death that was not the article's doing (the OOM killer) costs
    nothing; then a fresh pool takes the rest of the input.
    """
    chunks = iter(lambda: list(itertools.islice(articles, chunk_size)), [])
    pending: _Pending = deque()
    method = _start_method()
    if method == "fork":
        warm_up()  # the workers inherit warm caches instead of loading them each
        # move what the workers inherit out of the collector's sight, so their garbage
        # collections neither walk nor copy the big inherited data (VADER's lexicon, the lexicons)
        gc.freeze()
    deaths = _DeathCount()
    pool = _pool(workers, method)
    try:
        _fill(pending, in_flight, chunks, pool, work)
        while pending:
            done = _finished(pending[0][1])
            if done is None:  # the pool broke: every chunk it held is in ``pending``
                deaths.record()
                pool.shutdown(wait=True)  # its workers and threads are gone before a solo forks
                yield from _rerun_one_by_one(pending, work, method, deaths)
                pool = _pool(workers, method)
                _fill(pending, in_flight, chunks, pool, work)
            else:
                pending.popleft()
                deaths.reset()
                _fill(pending, in_flight, chunks, pool, work)
                yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if method == "fork":
            gc.unfreeze()


def _pool(workers: int, method: str) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=get_context(method))


def _fill(
    pending: _Pending,
    in_flight: int,
    chunks: Iterator[_Chunk],
    pool: ProcessPoolExecutor,
    work: Callable[[Article | str], object],
) -> None:
    """Send chunks to ``pool`` until ``in_flight`` are pending; one the broken pool refused is kept unsent."""
    for chunk in itertools.islice(chunks, max(0, in_flight - len(pending))):
        try:
            pending.append((chunk, pool.submit(analyze_chunk, chunk, work)))
        except BrokenProcessPool:
            pending.append((chunk, None))
            return


def _finished(future: Future[list[object]] | None) -> list[object] | None:
    """A chunk's results, or None when its pool broke before it finished (or before it was sent)."""
    if future is None:
        return None
    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _rerun_one_by_one(
    pending: _Pending,
    work: Callable[[Article | str], object],
    method: str,
    deaths: _DeathCount,
) -> Iterator[object]:
    """Empty ``pending`` in order: finished chunks as they are, the others one article at a time."""
    solo = _Solo(work, method)
    try:
        while pending:
            chunk, future = pending.popleft()
            done = _finished(future)
            if done is not None:
                deaths.reset()
                yield from done
                continue
            for numbered in chunk:
                result = solo.analyse(numbered)
                if isinstance(result, _Died):
                    yield _Failed(ReadError(_source(numbered[1], numbered[0]), _died(result.exit_code)))
                    deaths.record(result.exit_code)  # listed first: the death that ends a batch is listed too
                else:
                    deaths.reset()
                    yield result
    finally:
        solo.close()


# Worker deaths in a row, with no article finished between them, after which a batch gives up:
# above the few crashing articles that may sit together (copies of one wire story), below the
# thousands of processes a machine where no worker survives would otherwise start.
DEATHS_IN_A_ROW = 10


class _DeathCount:
    """Worker deaths since an article last finished; too many end the batch with a clear error."""

    def __init__(self) -> None:
        self.count = 0

    def record(self, exit_code: int | None = None) -> None:
        self.count += 1
        if self.count >= DEATHS_IN_A_ROW:
            raise FramingError(
                f"{self.count} worker processes died in a row without finishing an article "
                f"(the last: {_how_it_ended(exit_code)}); the machine may be out of memory, or a "
                "compiled library crashes on every article; run with fewer jobs or jobs=1 to see why"
            )

    def reset(self) -> None:
        self.count = 0


@dataclass(frozen=True, slots=True)
class _Died:
    """The solo worker died analysing an article; its exit code, negative for a signal, if known."""

    exit_code: int | None


def _died(exit_code: int | None) -> str:
    """Why an article whose worker died was skipped."""
    return f"could not be analysed: the worker process analysing it died ({_how_it_ended(exit_code)})"


def _how_it_ended(exit_code: int | None) -> str:
    """``exit code 1``, ``signal SIGKILL`` (a negative code, as multiprocessing reports one), or unknown."""
    if exit_code is None:
        return "exit code unknown"
    if exit_code >= 0:
        return f"exit code {exit_code}"
    try:
        return f"signal {signal.Signals(-exit_code).name}"
    except ValueError:
        return f"signal {-exit_code}"


class _Solo:
    """One worker process analysing one article at a time, so that its death is pinned on that article.

    Started when first needed (forked, like the pool's workers, where those
    are) and again after each death; a pipe carries each article there and
    its result back.
    """

    def __init__(self, work: Callable[[Article | str], object], method: str) -> None:
        self._work = work
        self._context = get_context(method)
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def analyse(self, numbered: tuple[int, Article | str]) -> object:
        """``work`` on one article (failures isolated as in a pool), or :class:`_Died`."""
        if self._process is None or self._connection is None:
            self._process, self._connection = self._start()
        try:
            self._connection.send(numbered)
            return self._connection.recv()
        except (EOFError, OSError):  # the worker is gone: its end of the pipe closed with it
            self._process.join()
            died = _Died(self._process.exitcode)
            self.close()
            return died

    def _start(self) -> tuple[BaseProcess, Connection]:
        here, there = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(there, self._work), daemon=True)
        process.start()
        there.close()  # so that reading ``here`` ends, instead of waiting, when the worker dies
        return process, here

    def close(self) -> None:
        """Stop the worker (idle between articles, so nothing is lost)."""
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            self._process.terminate()
            self._process.join()
        self._process = self._connection = None


def _serve(connection: Connection, work: Callable[[Article | str], object]) -> None:
    """The solo worker: analyse each article that arrives, until the pipe closes."""
    while True:
        try:
            numbered = connection.recv()
        except EOFError:
            return
        connection.send(_isolated(work, numbered))


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
    given, reported with a :class:`RuntimeWarning`. With ``jobs`` above 1,
    that includes an article whose worker process dies (a crash in a compiled
    library, the OOM killer). Only ``KeyboardInterrupt`` and ``SystemExit``
    stop it, and workers that keep dying whatever they analyse (see
    :func:`analyze_parallel`).

    Examples
    --------
    >>> failed = []
    >>> [a.article.source for a in analyze_corpus(["Officials said so.", 42], errors=failed)]
    ['<text>']
    >>> failed[0].source, failed[0].reason.startswith("could not be analysed: TypeError")
    ('item 2', True)
    """
    return analyze_parallel(articles, jobs, tagger=tagger, errors=errors, actors=actors)
