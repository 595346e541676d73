"""How actor framing's time grows with an article's length (issue 22: every stage linear).

Times :func:`framing.actor_frames.actor_frames` alone (CPU time; the analysis
it reads is made first and not timed), with the default tone (the lexical
model; ``--tone vader`` for VADER on the sentence, as the first table in
docs/actor-framing.md was measured), on texts of doubling size, from
``--max-kb`` / 32 up to ``--max-kb`` (12.5 KB to 400 KB by default), for four
shapes: real prose (the seed articles, repeated), real prose of many articles
(PolNeAR training texts concatenated in name order, so the actors keep
growing; skipped when ``../shared/data`` is absent), quotations with
attributions packed back to back, and long lists of names. Each size is timed
``--repeat`` times and the best kept (the machine is shared), the tone
caches emptied and garbage collected before each run. Linear time
doubles (2.0x); a quadratic helper shows as 4x.

Run from the repository root::

    python benchmarks/actor_frames_scaling.py                       # every shape, 12.5 KB to 400 KB
    python benchmarks/actor_frames_scaling.py --shapes prose --profile   # where the largest run's time goes
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling import NAMES, ROOT, _repeat, profile, table  # noqa: E402  (its shapes' parts and its table)

DOUBLINGS = 5  # six sizes
# ../shared/data beside the main checkout; a worktree under wt/ finds it one level further up
POLNEAR = next((d / "shared" / "data" for d in (ROOT.parent, ROOT.parents[1]) if (d / "shared" / "data").is_dir()),
               ROOT.parent / "shared" / "data") / "polnear" / "train" / "text"


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


def timed(text: str, repeat: int = 1, tone: str = "words") -> float:
    """CPU seconds of actor framing on ``text``'s analysis, best of ``repeat`` (the analysis is not timed)."""
    import importlib

    import framing
    from framing.actor_frames import actor_frames
    from framing.actor_tone import _sentence_tone, _word_reading, vader_tone, word_tone

    lexical = importlib.import_module("framing.lexical_tone")  # the package exports a function of that name
    analysis = framing.analyze(text)
    best = float("inf")
    for _ in range(repeat):
        _sentence_tone.cache_clear()
        _word_reading.cache_clear()
        lexical._context_reading.cache_clear()
        gc.collect()
        start = time.process_time()
        actor_frames(analysis, tone=vader_tone if tone == "vader" else word_tone)
        best = min(best, time.process_time() - start)
    return best


def growth(name: str, make: Callable[[int], str], max_kb: float, repeat: int,
           tone: str = "words") -> list[tuple[int, float]]:
    """(size, seconds) for doubling sizes of one shape."""
    runs = []
    for step in range(DOUBLINGS, -1, -1):
        size = int(max_kb * 1000) >> step
        seconds = timed(make(size), repeat, tone)
        runs.append((size, seconds))
        print(f"  {name:12} {size / 1000:9.1f} KB {seconds:9.3f} s", file=sys.stderr, flush=True)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kb", type=float, default=400, help="largest size in KB (default 400)")
    parser.add_argument("--shapes", nargs="+", choices=["prose", "polnear", "quote-dense", "names"],
                        help="only these shapes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size, the best kept (default 3)")
    parser.add_argument("--profile", action="store_true", help="profile each shape at --max-kb instead")
    parser.add_argument("--tone", choices=["words", "vader"], default="words",
                        help="the tone scorer: the lexical model (default) or VADER on the sentence")
    args = parser.parse_args()
    makers = {n: m for n, m in shapes().items() if not args.shapes or n in args.shapes}
    timed("Officials said on Monday the plan may fail, according to a statement.")  # warm-up: lexicons, models
    if args.profile:
        import framing
        from framing.actor_frames import actor_frames
        from framing.actor_tone import vader_tone, word_tone

        tone = vader_tone if args.tone == "vader" else word_tone
        for name, make in makers.items():
            text = make(int(args.max_kb * 1000))
            analysis = framing.analyze(text)  # not profiled: only the framing of its actors
            print(profile(name, text, lambda _text, analysis=analysis: actor_frames(analysis, tone=tone)), "\n")
    else:
        print(table({name: growth(name, make, args.max_kb, args.repeat, args.tone) for name, make in makers.items()}))


if __name__ == "__main__":
    main()
