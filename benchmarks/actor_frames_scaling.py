"""How actor framing's time grows with an article's length (issue 22: every stage linear).

Times :func:`framing.actor_frames.actor_frames` alone (CPU time; the analysis
it reads is made first and not timed) on texts of doubling size, from
``--max-kb`` / 32 up to ``--max-kb`` (12.5 KB to 400 KB by default), for four
shapes: real prose (the seed articles, repeated), real prose of many articles
(PolNeAR training texts concatenated in name order, so the actors keep
growing; skipped when ``../shared/data`` is absent), quotations with
attributions packed back to back, and long lists of names. Each size is timed
``--repeat`` times and the best kept (the machine is shared), the VADER
sentence cache emptied and garbage collected before each run. Linear time
doubles (2.0x); a quadratic helper shows as 4x.

Run from the repository root::

    python benchmarks/actor_frames_scaling.py                       # every shape, 12.5 KB to 400 KB
    python benchmarks/actor_frames_scaling.py --shapes prose --profile   # where the largest run's time goes
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

DOUBLINGS = 5  # six sizes
# ../shared/data beside the main checkout; a worktree under wt/ finds it one level further up
POLNEAR = next((d / "shared" / "data" for d in (ROOT.parent, ROOT.parents[1]) if (d / "shared" / "data").is_dir()),
               ROOT.parent / "shared" / "data") / "polnear" / "train" / "text"
NAMES = (
    "Vladimir Putin met Bashar al-Assad, Sergei Shoigu, Valery Gerasimov, Dmitry Peskov, "
    "Maria Zakharova, Sergei Lavrov, Ramzan Kadyrov, Alexander Dvornikov and Staffan de Mistura. "
)


def _repeat(unit: str) -> Callable[[int], str]:
    """A shape made of ``unit`` repeated and cut to exactly the size asked for."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _concatenated(paths: list[Path]) -> Callable[[int], str]:
    """Whole articles, one after another, until the size asked for is reached."""
    def make(size: int) -> str:
        texts: list[str] = []
        for path in paths:
            if sum(map(len, texts)) >= size:
                break
            texts.append(path.read_text(encoding="utf-8"))
        return "\n\n".join(texts)[:size]
    return make


def shapes() -> dict[str, Callable[[int], str]]:
    """Each shape's maker: characters -> text of that many characters."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    made = {
        "prose": _repeat(seeds + "\n\n"),
        "polnear": _concatenated(sorted(POLNEAR.glob("*.txt"))),
        "quote-dense": _repeat('"We will not withdraw," Putin said. '),
        "names": _repeat(NAMES),
    }
    if not POLNEAR.is_dir():
        del made["polnear"]
    return made


def timed(text: str, repeat: int = 1) -> float:
    """CPU seconds of actor framing on ``text``'s analysis, best of ``repeat`` (the analysis is not timed)."""
    import framing
    from framing.actor_frames import _sentence_tone, actor_frames

    analysis = framing.analyze(text)
    best = float("inf")
    for _ in range(repeat):
        _sentence_tone.cache_clear()
        gc.collect()
        start = time.process_time()
        actor_frames(analysis)
        best = min(best, time.process_time() - start)
    return best


def growth(name: str, make: Callable[[int], str], max_kb: float, repeat: int) -> list[tuple[int, float]]:
    """(size, seconds) for doubling sizes of one shape."""
    runs = []
    for step in range(DOUBLINGS, -1, -1):
        size = int(max_kb * 1000) >> step
        seconds = timed(make(size), repeat)
        runs.append((size, seconds))
        print(f"  {name:12} {size / 1000:9.1f} KB {seconds:9.3f} s", file=sys.stderr, flush=True)
    return runs


def table(results: dict[str, list[tuple[int, float]]]) -> str:
    """One row per shape: the time at each size, then the growth per doubling."""
    sizes = sorted({size for runs in results.values() for size, _ in runs})
    head = "| shape | " + " | ".join(f"{s / 1000:g} KB" for s in sizes) + " | growth per doubling |"
    lines = [head, "|" + " --- |" * (len(sizes) + 2)]
    for name, runs in results.items():
        times = dict(runs)
        cells = [f"{times[s]:.3f} s" if s in times else "-" for s in sizes]
        ratios = [b / a for (_, a), (_, b) in zip(runs, runs[1:]) if a > 0]
        lines.append(f"| {name} | " + " | ".join(cells) + " | " + " ".join(f"{r:.2f}" for r in ratios) + " |")
    return "\n".join(lines)


def profile(name: str, text: str, top: int = 15) -> str:
    """cProfile's functions with the most time of their own in actor framing of ``text``."""
    import framing
    from framing.actor_frames import actor_frames

    analysis = framing.analyze(text)
    profiler = cProfile.Profile()
    profiler.runcall(actor_frames, analysis)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    body = out.getvalue()
    return f"## {name}, {len(text) / 1000:g} KB\n" + body[body.index("ncalls") - 5:].rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kb", type=float, default=400, help="largest size in KB (default 400)")
    parser.add_argument("--shapes", nargs="+", choices=["prose", "polnear", "quote-dense", "names"],
                        help="only these shapes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size, the best kept (default 3)")
    parser.add_argument("--profile", action="store_true", help="profile each shape at --max-kb instead")
    args = parser.parse_args()
    makers = {n: m for n, m in shapes().items() if not args.shapes or n in args.shapes}
    timed("Officials said on Monday the plan may fail, according to a statement.")  # warm-up: lexicons, models
    if args.profile:
        for name, make in makers.items():
            print(profile(name, make(int(args.max_kb * 1000))), "\n")
    else:
        print(table({name: growth(name, make, args.max_kb, args.repeat) for name, make in makers.items()}))


if __name__ == "__main__":
    main()
