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
While analyses run, the collection of other code's cycles waits for them.
"""

from __future__ import annotations

import gc
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
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
