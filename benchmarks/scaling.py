"""How ``framing.analyze``'s time grows with an article's length, for eight shapes of text.

Each shape is made at sizes that double, from ``--max-kb`` / 128 up to
``--max-kb`` (12.5 KB to 1.6 MB by default), and analysed after a warm-up; the
CPU time at each size and its growth over the size before are printed. Linear
time doubles (2.0x); a quadratic stage shows as 4x. A shape whose run takes
longer than ``--budget`` seconds is not doubled further.

Each size is timed as the best of ``--repeat`` runs, each after
``gc.collect()``. Best-of-N because noise only ever adds time: another job on
the machine, a garbage collection left over from the run before or a cold cache
can make a run slower, never faster, so the fastest run is the closest to the
analysis's own cost, and a single run per size showed as spikes of up to 4.4x
in one doubling. The runs are made in rounds: every shape at every size once,
then again, so that the runs of one size lie minutes apart and a burst of load
from another job rarely slows all of them. A size whose run took longer than
``--long`` seconds is run only once. Collecting before each run starts
every run with the same empty generations; the collections the analysis itself
triggers stay in the time, since they are part of its cost. The worst steady
doubling is the largest growth over the doublings whose smaller run took at
least 50 ms (below that, a ratio of milliseconds is mostly timer and cache
noise); the mean steady doubling is the growth per doubling over that whole
range, which a full garbage collection landing in one run does not move.

``--no-gc`` turns Python's cyclic garbage collector off for the whole run (this
script's process only): a side experiment from before ``framing.analyze``
paused the collector itself while it runs (``framing/collector.py``); it now
only leaves out the collection that follows each analysis.

The shapes are what hostile or broken input looks like (issue 19): real prose
(the seed articles, repeated), a run of dashes after a few words, quotations
with attributions packed back to back, one long word, prose with its spaces
removed, many short lines, long lists of names and raw HTML markup.

Run from the repository root::

    python benchmarks/scaling.py                      # every shape, 12.5 KB to 1.6 MB
    python benchmarks/scaling.py --max-kb 200         # a quick look: 1.6 KB to 200 KB
    python benchmarks/scaling.py --shapes dashes names --profile   # where the largest run's time goes
    python benchmarks/scaling.py --shapes prose --once-mb 10       # one 10 MB article
    python benchmarks/scaling.py --shapes html prose --no-gc       # without the garbage collector
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

DOUBLINGS = 7  # eight sizes


def _seed_prose() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


NAMES = (
    "Vladimir Putin met Bashar al-Assad, Sergei Shoigu, Valery Gerasimov, Dmitry Peskov, "
    "Maria Zakharova, Sergei Lavrov, Ramzan Kadyrov, Alexander Dvornikov and Staffan de Mistura. "
)
HTML = (
    '<div class="story"><p>Officials <b>said</b> the plan <i>may</i> fail, '
    '<a href="https://example.org/a?b=1&amp;c=2">according to</a> a statement.</p>'
    "<script>var x = '<p>' + \"quoted\";</script><!-- a comment --><br/><img src=x.png alt=\"\">\n"
)


def _repeat(unit: str) -> Callable[[int], str]:
    """A shape made of ``unit`` repeated and cut to exactly the size asked for."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _after(prefix: str, char: str) -> Callable[[int], str]:
    """A shape of a few words and then one character repeated to the size asked for."""
    return lambda size: prefix + char * max(0, size - len(prefix))


def shapes() -> dict[str, Callable[[int], str]]:
    """Each shape's maker: characters -> text of exactly that many characters."""
    prose = _seed_prose()
    return {
        "prose": _repeat(prose + "\n\n"),
        "dashes": _after("Officials said ", "-"),
        "quote-dense": _repeat('"We will not withdraw," Putin said. '),
        "long-word": _after("Officials said ", "a"),
        "no-spaces": _repeat("".join(prose.split())),
        "short-lines": _repeat("Putin said.\nNo.\n"),
        "names": _repeat(NAMES),
        "html": _repeat(HTML),
    }


def _analyze() -> Callable[[str], object]:
    import framing

    framing.analyze("Officials said on Monday the plan may fail, according to a statement.")  # warm-up
    return framing.analyze


STEADY = 0.05  # seconds: doublings from a run at least this long count towards the worst


def timed(analyze: Callable[[str], object], text: str) -> float:
    """CPU seconds of one analysis, started after a full collection (robust when other jobs share the machine)."""
    gc.collect()
    start = time.process_time()
    analyze(text)
    return time.process_time() - start


def growth(name: str, make: Callable[[int], str], max_kb: float, budget: float,
           analyze: Callable[[str], object]) -> list[tuple[int, float]]:
    """(size, seconds) of one run at each doubling size of one shape, stopping once a run exceeds ``budget``."""
    runs = []
    for step in range(DOUBLINGS, -1, -1):
        size = int(max_kb * 1000) >> step
        seconds = timed(analyze, make(size))
        runs.append((size, seconds))
        _progress(name, size, seconds)
        if seconds > budget:
            break
    return runs


def fastest(results: dict[str, list[tuple[int, float]]], makers: dict[str, Callable[[int], str]],
            analyze: Callable[[str], object], repeat: int, long: float) -> None:
    """Keep each size's fastest of ``repeat`` runs: ``repeat - 1`` more rounds over every shape and size.

    A size whose fastest run so far took longer than ``long`` seconds is not run again.
    """
    for _ in range(repeat - 1):
        for name, runs in results.items():
            for k, (size, best) in enumerate(runs):
                if best <= long:
                    seconds = timed(analyze, makers[name](size))
                    runs[k] = (size, min(best, seconds))
                    _progress(name, size, seconds)


def _progress(name: str, size: int, seconds: float) -> None:
    print(f"  {name:12} {size / 1000:9.1f} KB {seconds:9.3f} s", file=sys.stderr, flush=True)


def worst_steady(runs: list[tuple[int, float]]) -> tuple[int, float] | None:
    """(size doubled from, growth) of the largest growth over doublings whose smaller run took ``STEADY`` or more."""
    steady = [(size, b / a) for (size, a), (_, b) in zip(runs, runs[1:]) if a >= STEADY]
    return max(steady, key=lambda step: step[1]) if steady else None


def mean_steady(runs: list[tuple[int, float]]) -> float | None:
    """The geometric mean growth per doubling from the first run of ``STEADY`` or more to the last run.

    The worst single doubling is lumpy: a full garbage collection that falls
    just before a run ends adds a step to that run alone. The mean over the
    range is not moved by it (2.0 linear, 4.0 quadratic).
    """
    first = next((k for k, (_, seconds) in enumerate(runs) if seconds >= STEADY), None)
    if first is None or first == len(runs) - 1:
        return None
    (size_a, time_a), (size_b, time_b) = runs[first], runs[-1]
    return (time_b / time_a) ** (1 / math.log2(size_b / size_a))


def table(results: dict[str, list[tuple[int, float]]]) -> str:
    """One row per shape: the best time at each size, the growth per doubling, the worst and the mean steady doubling."""
    sizes = sorted({size for runs in results.values() for size, _ in runs})
    head = ("| shape | " + " | ".join(f"{s / 1000:g} KB" for s in sizes)
            + " | growth per doubling | worst steady doubling | mean steady doubling |")
    lines = [head, "|" + " --- |" * (len(sizes) + 4)]
    for name, runs in results.items():
        times = dict(runs)
        cells = [f"{times[s]:.3f} s" if s in times else "-" for s in sizes]
        ratios = [b / a for (_, a), (_, b) in zip(runs, runs[1:]) if a > 0]
        worst, mean = worst_steady(runs), mean_steady(runs)
        worst_cell = f"{worst[1]:.2f}x from {worst[0] / 1000:g} KB" if worst else "-"
        mean_cell = f"{mean:.2f}x" if mean else "-"
        lines.append(f"| {name} | " + " | ".join(cells) + " | "
                     + " ".join(f"{r:.2f}" for r in ratios) + f" | {worst_cell} | {mean_cell} |")
    return "\n".join(lines)


def profile(name: str, text: str, analyze: Callable[[str], object], top: int = 15) -> str:
    """cProfile's functions with the most time of their own in one analysis of ``text``."""
    profiler = cProfile.Profile()
    profiler.runcall(analyze, text)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    body = out.getvalue()
    return f"## {name}, {len(text) / 1000:g} KB\n" + body[body.index("ncalls") - 5:].rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kb", type=float, default=1600, help="largest size in KB (default 1600)")
    parser.add_argument("--shapes", nargs="+", choices=list(shapes()), help="only these shapes")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="stop doubling a shape once a run takes longer (seconds, default 60)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="time each size as the best of this many runs, made in rounds (default 5)")
    parser.add_argument("--long", type=float, default=10.0,
                        help="run a size once when its first run takes longer (seconds, default 10)")
    parser.add_argument("--no-gc", action="store_true",
                        help="time with the cyclic garbage collector off (a side experiment)")
    parser.add_argument("--profile", action="store_true", help="profile each shape at --max-kb instead")
    parser.add_argument("--once-mb", type=float, help="analyse each shape once at this size (MB) instead")
    args = parser.parse_args()
    makers = {n: m for n, m in shapes().items() if not args.shapes or n in args.shapes}
    analyze = _analyze()
    if args.no_gc:
        gc.disable()  # gc.collect() before each run still empties the generations
    if args.profile:
        for name, make in makers.items():
            print(profile(name, make(int(args.max_kb * 1000)), analyze), "\n")
    elif args.once_mb:
        for name, make in makers.items():
            text = make(int(args.once_mb * 1_000_000))
            print(f"{name}: {len(text) / 1e6:g} MB analysed in {timed(analyze, text):.1f} s of CPU")
    else:
        results = {name: growth(name, make, args.max_kb, args.budget, analyze) for name, make in makers.items()}
        fastest(results, makers, analyze, args.repeat, args.long)
        print(table(results))


if __name__ == "__main__":
    main()
