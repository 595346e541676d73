"""Peak memory of scoring a JSONL corpus end to end: does it grow with the corpus?

For each size (10,000 and 100,000 articles by default) a JSONL corpus is made
in a temporary directory from the real news texts (see ``throughput.py``),
repeated with distinct ids, and scored in a fresh interpreter the way
``framing score corpus.jsonl --format jsonl --jobs N`` should: articles are
streamed by :func:`framing.read_corpus`, analysed by
:func:`framing.runner.analyze_parallel`, and each record is written as soon
as it is ready (made in the worker by :func:`framing.cli.jsonl_output`, as the
command does); only a count is kept. The peak resident set of the main process
and of the largest worker are printed for each size; streaming works when the
100,000-article peak is within 10% of the 10,000-article one.

``--cli`` scores the same files with the ``framing score --format jsonl``
command instead, to check the command itself.

Full-length articles take about 40 ms each on one core, so 100,000 of them take
over an hour; ``--max-chars`` keeps only the first paragraphs of each text (up
to that many characters) for a quicker check of the same code path.

Run from the repository root::

    python benchmarks/memory.py                                  # 10k and 100k, full texts
    python benchmarks/memory.py --max-chars 600 --jobs 2         # the same, quicker
    python benchmarks/memory.py --sizes 1000 5000 --cli          # the command line
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

from throughput import news_texts  # noqa: E402


def shorten(text: str, max_chars: int) -> str:
    """The leading paragraphs of ``text`` that fit in ``max_chars`` (at least one)."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars)
    return text[:cut] if cut > 0 else text[:max_chars]


def write_corpus(path: Path, size: int, max_chars: int) -> int:
    """A JSONL corpus of ``size`` articles with distinct ids; returns its size in bytes."""
    texts = [shorten(t, max_chars) for t in news_texts(0)]
    with open(path, "w", encoding="utf-8") as handle:
        for number, text in zip(range(size), itertools.cycle(texts)):
            record = {"id": f"a{number:07d}", "outlet": "Bench", "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def score_stream(corpus: Path, output: Path, jobs: int) -> int:
    """Read, analyse and write JSONL incrementally; returns the number scored."""
    from framing import read_corpus
    from framing.cli import jsonl_output
    from framing.runner import analyze_parallel
    from framing.types import Article

    articles = (a for a in read_corpus(corpus) if isinstance(a, Article))
    scored = 0
    with open(output, "w", encoding="utf-8") as handle:
        for _source, _warnings, line in analyze_parallel(articles, jobs, then=jsonl_output):
            handle.write(line)
            scored += 1
    return scored


class DescendantPeak:
    """The largest peak resident set (VmHWM) among this process's descendants.

    Pool workers started by a forkserver are not this process's children, so
    ``RUSAGE_CHILDREN`` misses them; /proc is polled instead (Linux only).
    """

    def __init__(self, root: int, interval: float = 0.5) -> None:
        self.root = root
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(interval,), daemon=True)

    def __enter__(self) -> DescendantPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self, interval: float) -> None:
        while not self._stop.wait(interval):
            for pid in _descendants(self.root):
                self.peak_kb = max(self.peak_kb, _high_water_kb(pid))


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found.extend(kids)
        todo.extend(kids)
    return found


def _high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1])


def run_one(corpus: Path, output: Path, jobs: int) -> dict[str, float]:
    """Score in this (fresh) process and report the peaks."""
    start = time.perf_counter()
    with DescendantPeak(os.getpid()) as workers:
        scored = score_stream(corpus, output, jobs)
    main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"scored": scored, "seconds": time.perf_counter() - start,
            "main_mb": main_kb * 1024 / 1e6, "worker_mb": workers.peak_kb * 1024 / 1e6}


def run_cli(corpus: Path, output: Path, jobs: int) -> dict[str, float]:
    """Score with ``python -m framing score --format jsonl`` and report its peak."""
    command = [sys.executable, "-m", "framing", "score", str(corpus), "--format", "jsonl"]
    if jobs != 1:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    with open(output, "w", encoding="utf-8") as handle:
        process = subprocess.Popen(command, cwd=ROOT, stdout=handle, stderr=subprocess.DEVNULL)
        with DescendantPeak(process.pid) as workers:
            if process.wait():
                raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    with open(output, encoding="utf-8") as handle:
        scored = sum(1 for _ in handle)
    # the command is this process's only child; its workers are polled
    command_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"scored": scored, "seconds": time.perf_counter() - start,
            "main_mb": command_kb * 1024 / 1e6, "worker_mb": workers.peak_kb * 1024 / 1e6}


def measure(size: int, directory: Path, args: argparse.Namespace) -> dict[str, float]:
    corpus = directory / f"corpus-{size}.jsonl"
    output = directory / f"scored-{size}.jsonl"
    megabytes = write_corpus(corpus, size, args.max_chars) / 1e6
    command = [sys.executable, __file__, "--one", str(corpus), str(output),
               "--jobs", str(args.jobs)] + (["--cli"] if args.cli else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout)
    result["corpus_mb"] = megabytes
    corpus.unlink()
    output.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=1, help="worker processes; 0 = all cores")
    parser.add_argument("--max-chars", type=int, default=0,
                        help="keep each text's leading paragraphs up to this length (0 = whole)")
    parser.add_argument("--cli", action="store_true", help="score with the framing command")
    parser.add_argument("--one", nargs=2, metavar=("CORPUS", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        corpus, output = map(Path, args.one)
        run = run_cli if args.cli else run_one
        print(json.dumps(run(corpus, output, args.jobs)))
        return
    how = "framing score --format jsonl" if args.cli else "read_corpus -> analyze_parallel -> JSONL"
    print(f"{how}, jobs={args.jobs}, max chars={args.max_chars or 'whole text'}")
    print(f"{'articles':>9} {'corpus MB':>10} {'seconds':>8} {'art/s':>7} "
          f"{'main peak MB':>13} {'worker peak MB':>15}")
    results = []
    with tempfile.TemporaryDirectory(prefix="framing-memory-") as directory:
        for size in args.sizes:
            r = measure(size, Path(directory), args)
            results.append(r)
            print(f"{r['scored']:9d} {r['corpus_mb']:10.1f} {r['seconds']:8.0f} "
                  f"{r['scored'] / r['seconds']:7.1f} {r['main_mb']:13.1f} {r['worker_mb']:15.1f}",
                  flush=True)
    first, last = results[0], results[-1]
    growth = {k: last[k] / first[k] - 1 for k in ("main_mb", "worker_mb") if first[k]}
    print(f"peak growth from {first['scored']} to {last['scored']} articles: "
          + ", ".join(f"{k.split('_')[0]} {v:+.1%}" for k, v in growth.items())
          + " (target: within 10%)")


if __name__ == "__main__":
    main()
