"""CPU milliseconds per article of actor framing, which runs in the comparison, not in ``framing.analyze``.

Times :func:`framing.actor_frames.actor_frames` with its default tone (the
lexical tone model on each mention, with the words that moved it) and with
VADER on each mention's sentence (the floor), on the same real news articles
as ``throughput.py`` (seeds, PTC and PolNeAR training texts from
``../shared/data``), after analysing them, best of ``--repeat``. The tone
caches are emptied before each run, so the figures include the tone reading
(the lexical model's card is loaded outside the clock).
With ``--tone-model`` it also times the target-dependent tone model
(``--tone-model`` of the CLI): per article, per mention the model reads and
per body sentence, with its cache emptied before each run (the model is
loaded outside the clock).

Run from the repository root::

    python benchmarks/actor_frames_cost.py --articles 300
    python benchmarks/actor_frames_cost.py --articles 100 --repeat 1 --tone-model
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import news_texts  # noqa: E402


def cost(count: int, repeat: int, tone_model: bool = False) -> str:
    """Analysis and actor framing, CPU ms per article, with the actors framed per article."""
    import importlib

    import framing
    from framing.actor_frames import actor_frames
    from framing.actor_tone import _mention_tone, _sentence_tone, _word_reading, model_tone, vader_tone, word_tone

    lexical = importlib.import_module("framing.lexical_tone")  # the package exports a function of that name
    lexical.shipped_lexical_tone()
    texts = news_texts(count)
    start = time.process_time()
    analyses = [framing.analyze(text) for text in texts]
    analysed = 1000 * (time.process_time() - start) / len(texts)
    best = {word_tone: float("inf"), vader_tone: float("inf")}
    framed = 0
    for _ in range(repeat):
        for tone in best:
            _sentence_tone.cache_clear()
            _word_reading.cache_clear()
            lexical._context_reading.cache_clear()
            start = time.process_time()
            framed = sum(len(actor_frames(a, tone=tone)) for a in analyses)
            best[tone] = min(best[tone], time.process_time() - start)
    line = (
        f"{len(texts)} articles: analyze {analysed:.1f} ms an article; actor_frames "
        f"{1000 * best[word_tone] / len(texts):.2f} ms an article with the lexical tone model (the default), "
        f"{1000 * best[vader_tone] / len(texts):.2f} ms with VADER on the sentence, best of {repeat} "
        f"({framed / len(texts):.1f} actors framed an article)"
    )
    if not tone_model:
        return line
    framing.target_tone("Putin spoke.", 0, 5)  # the model is loaded outside the clock
    best_model = float("inf")
    for _ in range(repeat):
        _mention_tone.cache_clear()
        start = time.process_time()
        for a in analyses:
            actor_frames(a, tone=model_tone)
        best_model = min(best_model, time.process_time() - start)
    reads = _mention_tone.cache_info().misses
    sentences = sum(len(a.body) for a in analyses)
    return line + (
        f"\nwith --tone-model: {1000 * best_model / len(texts):.1f} ms an article, best of {repeat}; "
        f"{reads / len(texts):.1f} mentions read by the model an article, {1000 * best_model / max(reads, 1):.2f} ms "
        f"a mention (framing included); {1000 * best_model / max(sentences, 1):.2f} ms a body sentence"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="how many articles (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs (default 3)")
    parser.add_argument("--tone-model", action="store_true", help="also time the target-dependent tone model")
    args = parser.parse_args()
    print(cost(args.articles, args.repeat, args.tone_model))


if __name__ == "__main__":
    main()
