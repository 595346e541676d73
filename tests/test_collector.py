"""The cyclic garbage collector is paused while an analysis runs, and an analysis leaves no cycle for it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import framing
import framing.analysis
from framing.collector import collector_paused

from .conftest import seed_text


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector on for the test, and back to its state before after it."""
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_an_analysis_leaves_no_reference_cycle_behind() -> None:
    """Reference counting frees all of an analysis's garbage, so pausing the collector keeps no memory longer."""
    texts = [seed_text(n) for n in ("000", "001", "002", "003", "004")]
    texts.append('"We will not withdraw," Putin said. Critics called it a reckless gamble, the "so-called" peace.')
    framing.analyze(texts[0])  # caches filled once, as in any run
    was = gc.isenabled()
    gc.disable()  # nothing collects a cycle behind the test's back
    try:
        gc.collect()
        for text in texts:
            analysis = framing.analyze(text)
            assert gc.collect() == 0, text[:60]
            del analysis
            assert gc.collect() == 0, text[:60]
    finally:
        (gc.enable if was else gc.disable)()


def test_the_collector_is_off_during_an_analysis_and_on_after_it(collector_on, monkeypatch) -> None:
    seen = []
    build_doc = framing.analysis.build_doc

    def watched(text: str) -> framing.Doc:
        seen.append(gc.isenabled())
        return build_doc(text)

    monkeypatch.setattr(framing.analysis, "build_doc", watched)
    framing.analyze(seed_text("000"))
    assert seen == [False]
    assert gc.isenabled()


def test_an_analysis_that_fails_gives_the_collector_back(collector_on) -> None:
    with pytest.raises(TypeError, match="str or an Article"):
        framing.analyze(b"bytes")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        framing.analyze("Officials said the plan may fail.")
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_pause_lasts_until_the_last_of_overlapping_analyses_ends(collector_on) -> None:
    """Two threads: the one that ends first must not switch the collector on under the other."""
    inside, release = threading.Event(), threading.Event()
    states = []

    def long_analysis() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)
            states.append(gc.isenabled())

    other = threading.Thread(target=long_analysis)
    other.start()
    assert inside.wait(10)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's analysis is still running
    release.set()
    other.join(10)
    assert states == [False]
    assert gc.isenabled()


def test_a_child_forked_during_an_analysis_starts_unpaused(collector_on) -> None:
    """The pause of a thread that does not exist in the child must not keep the child's collector off."""
    import os

    import framing.collector

    inside, release = threading.Event(), threading.Event()

    def long_analysis() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=long_analysis)
    other.start()
    try:
        assert inside.wait(10) and not gc.isenabled()
        child = os.fork()
        if child == 0:  # the child: report and leave at once, without pytest's teardown
            os._exit(0 if gc.isenabled() and framing.collector._running == 0 else 1)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        release.set()
        other.join(10)
    assert gc.isenabled()

