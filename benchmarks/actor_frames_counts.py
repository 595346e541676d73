"""What actor framing finds on the benchmark articles: credence contributions by rule, and rows.

Frames every actor of the real news articles ``throughput.py`` reads (seeds, PTC
and PolNeAR training texts from ``../shared/data``) and prints how many credence
contributions each rule gave, how many framed rows have one, and how many rows
are a named source of its own (no actor of the analysis, no group). These are
counts, not accuracy: the articles are the ones the rules were written on. Run it
before and after a change to see what the change moved.

Run from the repository root::

    python benchmarks/actor_frames_counts.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import news_texts  # noqa: E402

import framing  # noqa: E402
from framing.actor_frames import actor_frames  # noqa: E402


def main() -> None:
    rules: Counter[str] = Counter()
    rows = with_credence = sources = 0
    for text in news_texts(0):
        analysis = framing.analyze(text)
        actors = {a.name for a in analysis.actors}
        for framed in actor_frames(analysis):
            found = [str(e.attrs["rule"]) for e in framed.evidence if e.label == "credence"]
            rules.update(found)
            rows += 1
            with_credence += bool(found)
            sources += framed.name not in actors and framed.kind != "group"
    print(f"credence contributions: {sum(rules.values())}")
    for rule, n in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:<20} {n:>6}")
    print(f"framed rows: {rows}; with a contribution: {with_credence}; a named source of its own: {sources}")


if __name__ == "__main__":
    main()
