"""Progress of a command on stderr: a bar on a terminal, a plain line every few seconds in a log.

A bar redraws itself with carriage returns, which a log file keeps as one
endless line; so when stderr is not a terminal (a batch job, ``2> run.log``)
a plain line is written instead, at most one every :data:`INTERVAL` seconds,
and nothing at all for a run shorter than that. Every line says the phase,
the count against the total, the rate and the time left. Progress never goes
to stdout and never changes what the command writes there. Names from the
input (the article being read) are shown with control characters escaped.

tqdm draws the bar and formats the plain lines too (``format_meter``), so both
read the same. The bar's rate is a moving average of recent items; a plain
line's is the phase's average so far, and its time left assumes that rate.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from tqdm import tqdm

from .io import expected_count
from .report.inert import visible

T = TypeVar("T")

INTERVAL = 5.0
"""Seconds between plain lines; the environment variable ``FRAMING_PROGRESS_INTERVAL`` overrides it."""
INTERVAL_VARIABLE = "FRAMING_PROGRESS_INTERVAL"
_LINE = "{desc}: {n_fmt}/{total_fmt}{unit} [{elapsed}<{remaining}, {rate_noinv_fmt}]{postfix}"
_OPEN_LINE = "{desc}: {n_fmt}{unit} [{elapsed}, {rate_noinv_fmt}]{postfix}"  # no total: no time left either
_BAR = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}{unit} [{elapsed}<{remaining}, {rate_noinv_fmt}]{postfix}"


class Progress:
    """The progress of one command: silent with ``quiet``, else a bar or plain lines on stderr."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.started = time.monotonic()
        self.interval = _interval()

    def track(
        self, items: Iterable[T], phase: str, total: int | None, *, label: Callable[[T], str] | None = None
    ) -> Iterator[T]:
        """Yield ``items`` unchanged, each counted as done when the next is asked for (``label`` names it).

        Counting then, not when an item is handed over, keeps a lazy pipeline's
        count honest: a streamed article is read, then analysed and written,
        before the next one is read.
        """
        if self.quiet:
            yield from items
        elif sys.stderr.isatty():
            yield from _with_bar(items, phase, total, label)
        else:
            yield from self._with_lines(items, phase, total, label)

    def tracker(self, phase: str) -> Callable[[Iterable[T], Sequence[str]], Iterator[T]]:
        """:meth:`track` of what is read from ``paths``, labelled by ``source``, to hand to a reader.

        The inputs are counted for the total (:func:`framing.io.expected_count`)
        only when progress is shown: with ``--quiet`` no file is opened twice.
        """
        return lambda items, paths: self.track(
            items, phase, None if self.quiet else expected_count(paths), label=_source
        )

    @contextmanager
    def step(self, phase: str) -> Iterator[None]:
        """One step without a count (comparing, charting): announced and timed when the run is long."""
        if self.quiet:
            yield
            return
        if sys.stderr.isatty():
            with tqdm(total=None, desc=phase, file=sys.stderr, leave=False, bar_format="{desc}... {elapsed}"):
                yield
            return
        began = time.monotonic()
        announced = began - self.started >= self.interval
        if announced:
            _line(f"{phase}...")
        yield
        took = time.monotonic() - began
        if announced or took >= self.interval:
            _line(f"{phase}: done in {tqdm.format_interval(took)}")

    def _with_lines(
        self, items: Iterable[T], phase: str, total: int | None, label: Callable[[T], str] | None
    ) -> Iterator[T]:
        began = last = time.monotonic()
        count = 0
        for item in items:
            yield item
            count += 1
            now = time.monotonic()
            if now - last >= self.interval:
                _line(_meter(phase, count, total, now - began, label(item) if label else ""))
                last = now
        if last > began:  # the phase was long enough to be logged: say that it ended, and how fast
            _line(_meter(phase, count, total, time.monotonic() - began, ""))


def _with_bar(
    items: Iterable[T], phase: str, total: int | None, label: Callable[[T], str] | None
) -> Iterator[T]:
    with tqdm(total=total, desc=phase, unit=" articles", file=sys.stderr, leave=False,
              dynamic_ncols=True, bar_format=_BAR if total else _OPEN_LINE) as bar:
        for item in items:
            if bar.total is not None and bar.n >= bar.total:
                bar.total = bar.n + 1  # the count of inputs was an estimate, and this one was short
            if label:
                bar.set_postfix_str(visible(label(item)), refresh=False)  # the item at work
            yield item
            bar.update()


def above_progress() -> AbstractContextManager[None]:
    """Where a message is written while a bar may be on the terminal: the bar makes way for it."""
    return tqdm.external_write_mode(file=sys.stderr)


def _source(item: object) -> str:
    return str(getattr(item, "source", ""))


def _meter(phase: str, count: int, total: int | None, elapsed: float, shown: str) -> str:
    total = max(total, count) if total is not None else None
    return tqdm.format_meter(count, total, elapsed, prefix=phase, unit=" articles",
                             bar_format=_LINE if total is not None else _OPEN_LINE,
                             postfix=visible(shown) if shown else None)


def _line(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _interval() -> float:
    """Seconds between plain lines: :data:`INTERVAL`, or the environment's setting when it is a number."""
    try:
        return max(0.0, float(os.environ.get(INTERVAL_VARIABLE, INTERVAL)))
    except ValueError:
        return INTERVAL
