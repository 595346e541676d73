"""CPU milliseconds per article of actor framing, which runs in the comparison, not in ``framing.analyze``.

Times :func:`framing.actor_frames.actor_frames` with its default tone (VADER
on each mention's sentence, every sentence scored once) on the same real news
articles as ``throughput.py`` (seeds, PTC and PolNeAR training texts from
``../shared/data``), after analysing them, best of ``--repeat``. The VADER
sentence cache is emptied before each run, so the figure includes VADER.

Run from the repository root::

    python benchmarks/actor_frames_cost.py --articles 300
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import news_texts  # noqa: E402


def cost(count: int, repeat: int) -> str:
    """Analysis and actor framing, CPU ms per article, with the actors framed per article."""
    import framing
    from framing.actor_frames import _sentence_tone, actor_frames

    texts = news_texts(count)
    start = time.process_time()
    analyses = [framing.analyze(text) for text in texts]
    analysed = 1000 * (time.process_time() - start) / len(texts)
    best = float("inf")
    framed = 0
    for _ in range(repeat):
        _sentence_tone.cache_clear()
        start = time.process_time()
        framed = sum(len(actor_frames(a)) for a in analyses)
        best = min(best, time.process_time() - start)
    return (
        f"{len(texts)} articles: analyze {analysed:.1f} ms an article; actor_frames (VADER tone) "
        f"{1000 * best / len(texts):.2f} ms an article, best of {repeat} ({framed / len(texts):.1f} actors framed an article)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="how many articles (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs (default 3)")
    args = parser.parse_args()
    print(cost(args.articles, args.repeat))


if __name__ == "__main__":
    main()
