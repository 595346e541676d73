"""Python's cyclic garbage collector paused while an analysis runs.

An analysis allocates hundreds of thousands of container objects (sentences,
mentions, spans, evidence) and leaves no reference cycle behind: reference
counting frees all of its garbage (a test holds it). The cyclic collector
finds nothing to free there, yet it runs dozens of times an article, and in a
long article its full collections walk every object the analysis still holds,
which made single doublings of an article's length cost up to 2.7x.

The collector is process-wide, so the pause is counted: it begins when the
first analysis of any thread starts and ends when the last one running ends,
and the collector is switched back on only if it was on when the pause began.
Two consequences for a program that analyses in several threads: the
collection of other code's cycles waits until no analysis is running (in a
pool of threads whose analyses always overlap, that can be the pool's whole
life: call ``gc.collect()`` between batches if your own code makes cycles),
and a ``gc.disable()`` made in another thread while analyses run is undone
when they end. A child forked during an analysis starts with no pause.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # analyses in progress, in every thread
_was_enabled = False  # the collector's state when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back to its state before when no other block is running."""
    global _running, _was_enabled
    with _lock:
        _running += 1
        if _running == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        _end_pause()


def _end_pause() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()


def _no_pause_in_child() -> None:
    """A forked child runs none of its parent's analyses: it starts unpaused, with a lock no thread holds."""
    global _lock, _running
    if _running and _was_enabled:
        gc.enable()
    _lock, _running = threading.Lock(), 0


os.register_at_fork(after_in_child=_no_pause_in_child)
