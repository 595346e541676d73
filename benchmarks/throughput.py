"""Throughput and peak memory of ``framing.analyze`` against the floor, in one run.

The floor is what any tool built on our scorers must pay per article:
textstat's seven readability metrics on the text (the same seven framing
reports) and VADER on every sentence (split with sentencex, as framing does).
Everything framing adds (the document model, hedging, attribution, loaded
wording, facts, indices) is the difference, so the ratio ``ours / floor``
(time per article) is the number to watch: the target is 1.5 or less.

Every run happens in a fresh interpreter (so no run inherits another's caches
or heap), after a warm-up that loads the lexicons and models, and the runs of
the two methods alternate. Rates are taken from the best of ``--repeat`` runs,
measured in CPU seconds of the worker process (robust when other jobs share the
machine) and in wall seconds. Peak memory is reported twice: the worker's peak
resident set (interpreter, libraries, lexicons and texts included) and the
peak of Python allocations traced by ``tracemalloc`` while analysing, which is
the working memory one article needs (results are dropped as they come).

Articles are real news text in a fixed order: the seed articles, the PTC
(SemEval-2020 Task 11) training articles and the PolNeAR training texts, from
``../shared/data``; with ``--articles`` larger than that, the list repeats.

Run from the repository root::

    python benchmarks/throughput.py                      # 300 articles, best of 3
    python benchmarks/throughput.py --articles 0 --repeat 3   # every article (1,216)
    python benchmarks/throughput.py --articles 200 --profile  # where framing's time goes
    python benchmarks/throughput.py --articles 300 --stages   # CPU ms per article of each stage
    python benchmarks/throughput.py --articles 2000 --repeat 1 --jobs 2   # parallel speed-up
    python benchmarks/throughput.py --articles 100 --repeat 1 --tagger    # also the opt-in tagger mode (both taggers)
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
import tracemalloc
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one
METHODS = ("floor", "framing")
TAGGER = "tagger"  # framing.analyze(text, tagger=True), measured with --tagger
WARM_UP = "Officials said the plan may fail. Critics called it a reckless gamble."


def news_paths(data: Path = DATA) -> list[Path]:
    """The real news texts, in a fixed order: seeds, PTC articles, PolNeAR texts."""
    groups = (
        sorted((ROOT / "seeds").glob("*.txt")),
        sorted((data / "ptc_semeval2020" / "train-articles").glob("*.txt")),
        sorted((data / "polnear" / "train" / "text").glob("*.txt")),
    )
    return [path for group in groups for path in group]


def news_texts(count: int, data: Path = DATA) -> list[str]:
    """``count`` article texts (all of them for 0), repeating the list when needed."""
    paths = news_paths(data)
    if not paths:
        raise SystemExit(f"no article texts found under {ROOT / 'seeds'} or {data}")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    return texts if count == 0 else list(itertools.islice(itertools.cycle(texts), count))


def _floor() -> Callable[[str], None]:
    """textstat's seven metrics on the text plus VADER on each sentence."""
    import sentencex
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    metrics = (
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.gunning_fog,
        textstat.smog_index,
        textstat.dale_chall_readability_score,
        textstat.coleman_liau_index,
        textstat.automated_readability_index,
    )
    vader = SentimentIntensityAnalyzer()

    def floor(text: str) -> None:
        for metric in metrics:
            metric(text)
        for sentence in sentencex.segment("en", text):
            if sentence.strip():
                vader.polarity_scores(sentence)

    return floor


def _framing(tagger: bool = False) -> Callable[[str], None]:
    import framing

    def ours(text: str) -> None:
        framing.analyze(text, tagger=tagger)

    return ours


def _run(method: str, count: int, trace: bool) -> dict[str, float]:
    """One timed (or traced) pass over the corpus, in this fresh process."""
    work = _floor() if method == "floor" else _framing(tagger=method == TAGGER)
    work(WARM_UP)
    texts = news_texts(count)
    if trace:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        for text in texts:
            work(text)
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        return {"traced_peak": peak}
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        work(text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    return {"cpu": cpu, "wall": wall, "rss": rss}


def _fresh(method: str, count: int, trace: bool) -> dict[str, float]:
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_run, method, count, trace).result()


def measure(count: int, repeat: int, trace: bool,
            methods: tuple[str, ...] = METHODS) -> dict[str, dict[str, float]]:
    """Best CPU and wall time, peak RSS and traced peak of each method."""
    results: dict[str, dict[str, float]] = {m: {} for m in methods}
    for _ in range(repeat):
        for method in methods:
            run = _fresh(method, count, trace=False)
            best = results[method]
            best["cpu"] = min(best.get("cpu", float("inf")), run["cpu"])
            best["wall"] = min(best.get("wall", float("inf")), run["wall"])
            best["rss"] = max(best.get("rss", 0.0), run["rss"])
    if trace:
        for method in methods:
            results[method].update(_fresh(method, count, trace=True))
    return results


def table(results: dict[str, dict[str, float]], count: int) -> str:
    """A short plain-text table of rates, memory and the ratio ours / floor."""
    lines = [
        f"{'':10} {'art/s (CPU)':>12} {'art/s (wall)':>13} {'ms/article':>11} "
        f"{'peak RSS MB':>12} {'traced MB':>10}"
    ]
    for method in results:
        r = results[method]
        traced = f"{r['traced_peak'] / 1e6:10.1f}" if "traced_peak" in r else f"{'-':>10}"
        lines.append(
            f"{method:10} {count / r['cpu']:12.1f} {count / r['wall']:13.1f} "
            f"{1000 * r['cpu'] / count:11.2f} {r['rss'] / 1e6:12.0f} {traced}"
        )
    ratio = results["framing"]["cpu"] / results["floor"]["cpu"]
    lines.append(f"ratio framing / floor (CPU time per article): {ratio:.2f}  (target <= 1.5)")
    if TAGGER in results:
        lines.append(f"ratio tagger mode / floor: {results[TAGGER]['cpu'] / results['floor']['cpu']:.2f}  (opt-in)")
    return "\n".join(lines)


def _run_parallel(count: int, jobs: int) -> tuple[float, float]:
    """Wall and this process's CPU seconds to score the texts as ``framing score --format jsonl`` does."""
    from framing.cli import jsonl_output
    from framing.runner import analyze_parallel

    _framing()(WARM_UP)
    texts = news_texts(count)
    wall, cpu = time.perf_counter(), time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for _source, _warnings, line in analyze_parallel(texts, jobs, then=jsonl_output):
            sink.write(line)
    return time.perf_counter() - wall, time.process_time() - cpu


def speedup(count: int, jobs: int, repeat: int) -> str:
    """Wall-clock rate of ``analyze_parallel`` with ``jobs`` workers against one process.

    Each article is analysed and serialised to its JSONL line, as
    ``framing score --format jsonl --jobs N`` does. Worker start-up is
    included, as a user of ``--jobs`` pays it. The main process's CPU time per
    article is printed too: on a machine with as many cores as workers, every
    millisecond it spends is taken from the workers.
    """
    best = {1: float("inf"), jobs: float("inf")}
    parent = float("inf")
    for _ in range(repeat):
        for n in best:
            with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
                wall, cpu = pool.submit(_run_parallel, count, n).result()
            best[n] = min(best[n], wall)
            if n == jobs:
                parent = min(parent, cpu)
    rates = {n: count / seconds for n, seconds in best.items()}
    return (
        f"1 process: {rates[1]:.1f} articles/s; jobs={jobs}: {rates[jobs]:.1f} articles/s; "
        f"speed-up {best[1] / best[jobs]:.2f}x (wall clock, best of {repeat}); "
        f"main process CPU with jobs={jobs}: {1000 * parent / count:.2f} ms/article"
    )


def profile(count: int) -> str:
    """pyinstrument's call tree of ``framing.analyze`` over the articles."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: python -m pip install pyinstrument")
    work = _framing()
    work(WARM_UP)
    texts = news_texts(count)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for text in texts:
            work(text)
    return profiler.output_text(color=False, unicode=False)


def stages(count: int, repeat: int) -> str:
    """CPU milliseconds per article of each stage of ``framing.analyze``, best of ``repeat``.

    The documents are built once and every later stage is timed alone on them,
    in this process, after a warm-up; the floor (textstat and VADER on the
    same texts) is timed the same way. Tone is mostly VADER's own work;
    readability computes textstat's values from one reading of the body. The
    indices are computed from each article's finished features, as
    ``analyze`` does. The last line adds up framing's own stages, everything
    but readability and tone, against the floor.
    """
    import framing
    from framing.actor_table import load_actor_table
    from framing.actors import find_actors
    from framing.entities import find_mentions
    from framing.facts import extract_facts, term_counts
    from framing.features import attribution, hedging, loaded, readability, tone
    from framing.language import detect_language
    from framing.scoring import index_features
    from framing.text import build_doc

    framing.analyze(WARM_UP)
    texts = news_texts(count)
    docs = [build_doc(text) for text in texts]
    reported = [
        tuple(a.content for a in attribution.extract(doc).attributions if a.content is not None)
        for doc in docs
    ]
    analyses = [framing.analyze(text) for text in texts]
    mentions = [find_mentions(doc) for doc in docs]
    table = load_actor_table(None)
    timed: dict[str, Callable[[], object]] = {
        # each Doc dropped as analyze drops it: keeping 300 makes the collector walk them all
        "document model (text.build_doc)": lambda: deque(map(build_doc, texts), maxlen=0),
        "language identification": lambda: [detect_language(doc) for doc in docs],
        "readability": lambda: [readability.extract(doc) for doc in docs],
        "tone (VADER)": lambda: [tone.extract(doc) for doc in docs],
        "hedging": lambda: [hedging.extract(doc, reported=r) for doc, r in zip(docs, reported)],
        "attribution": lambda: [attribution.extract(doc) for doc in docs],
        "loaded wording": lambda: [loaded.extract(doc, mentions=m) for doc, m in zip(docs, mentions)],
        "facts and terms": lambda: [(extract_facts(doc, m), term_counts(doc)) for doc, m in zip(docs, mentions)],
        "indices": lambda: [index_features(a.features, a.attributions) for a in analyses],
        "names (entities.find_mentions)": lambda: [find_mentions(doc) for doc in docs],
        "actors (actors.find_actors)": lambda: [
            find_actors(doc, m, a.attributions, table) for doc, m, a in zip(docs, mentions, analyses)
        ],
    }
    floor = _floor()
    floor(WARM_UP)
    timed["floor: textstat + VADER"] = lambda: [floor(text) for text in texts]
    lines = [f"CPU ms per article, best of {repeat}, {len(texts)} articles; "
             f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"]
    ms: dict[str, float] = {}
    for name, work in timed.items():
        best = float("inf")
        for _ in range(repeat):
            cpu = time.process_time()
            work()
            best = min(best, time.process_time() - cpu)
        ms[name] = 1000 * best / len(texts)
        lines.append(f"{name:34} {ms[name]:7.2f}")
    own = sum(v for k, v in ms.items() if k not in ("readability", "tone (VADER)", "floor: textstat + VADER"))
    lines.append(f"{'framing own (all but read., tone)':34} {own:7.2f}"
                 f"  = {own / ms['floor: textstat + VADER']:.2f} of the floor")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300,
                        help="articles per run; 0 = every text once (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per method (default 3)")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--jobs", type=int, default=0,
                        help="with N > 1: measure the speed-up of N worker processes instead")
    parser.add_argument("--profile", action="store_true",
                        help="print a pyinstrument profile of framing.analyze instead")
    parser.add_argument("--tagger", action="store_true",
                        help="also measure the opt-in tagger mode, both taggers (analyze(text, tagger=True))")
    parser.add_argument("--stages", action="store_true",
                        help="print the CPU time per article of each stage instead")
    args = parser.parse_args()
    if args.articles < 0 or args.repeat < 1:
        parser.error("--articles must be >= 0 and --repeat >= 1")
    if args.profile:
        print(profile(args.articles))
        return
    if args.stages:
        print(stages(args.articles, args.repeat))
        return
    texts = news_texts(args.articles)
    count = len(texts)
    if args.jobs > 1:
        print(f"{count} articles; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(speedup(args.articles, args.jobs, args.repeat))
        return
    chars = sum(map(len, texts))
    print(f"{count} articles, {chars / 1e6:.2f} M characters ({chars / count:.0f} per article); "
          f"best of {args.repeat}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    methods = (*METHODS, TAGGER) if args.tagger else METHODS
    print(table(measure(args.articles, args.repeat, not args.no_trace, methods), count))


if __name__ == "__main__":
    main()
