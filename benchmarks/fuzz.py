"""Fuzz ``framing.analyze`` with hostile text and count the outcomes.

Each input is a random mix of the ingredients that broke or could break the
pipeline (issue 19): the spaces sentencex panicked on, control characters,
bidi and zero-width marks, combining marks, quotation marks left open or
nested, HTML and Markdown fragments, news phrases, abbreviations, long words,
long runs of one character and code points from anywhere in Unicode. Every
analysis is checked: each evidence span, attribution span, sentence and fact
must slice the text, and every feature must be finite.

Outcomes: ``ok``; ``framing error`` (a :class:`framing.FramingError`, the
documented way to refuse an input); ``crash`` (any other exception, or a
broken check), listed by kind with the first input that caused it. The run is
deterministic for a given ``--seed``.

Run from the repository root::

    python benchmarks/fuzz.py --n 20000       # the long run (about 5 minutes)
    python benchmarks/fuzz.py --n 500 --seed 7
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's framing, not another installed one

# sentencex 1.0 panics on a capital, one of these and a full stop ("U\u3000.")
PANIC_SPACES = "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
CONTROLS = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]))
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
COMBINING = "".join(map(chr, range(0x0300, 0x0370))) + "\u20dd\u20e3\u0489"
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`\u300c\u300d"
SPECIAL = PANIC_SPACES + CONTROLS + BIDI + ZERO_WIDTH + COMBINING + QUOTES + "\ud800\udfff\ufffd"
FRAGMENTS = (
    "Putin said", "\u201cWe will not withdraw,\u201d Putin said.", '"We will', "withdraw,\" he said",
    "'Officials", "''", "``", "\u201c\u201c", "\u201d\u201d", "she said: \u201cThe \u2018so-called\u2019 regime\u201d",
    "Officials said", "according to", "may", "reportedly", "could", "regime", "terrorists", "martyrs",
    "U.S.", "U.N.", "Mr.", "Ms. Sherry said", "Dr.", "e.g.", "i.e.", "No.", "St.", "Jan.", "A.", "U",
    "Vladimir Putin", "Bashar al-Assad", "the Kremlin", "Syria", "about 300", "27%", "4,408", "3.5 million",
    "By The Guardian", "(Photo: AFP)", "ALEXANDER ZEMLIANICHENKO/AFP/Getty Images", "Sign up for our newsletter",
    "<p>", "</p>", "<script>alert(1)</script>", "<a href=\"javascript:x\">", "&amp;", "&#x202e;", "<!--", "-->",
    "<br/>", "<div class='x'>", "# ", "## Heading", "**bold**", "_it_", "[link](http://x)", "![img](x.png)",
    "```", "> quote", "- item", "1. item", "|a|b|", "---", "***", "\\", "$", "{", "}", "\n", "\n\n", "\r\n",
    "\r", "\t", " ", ".", "!", "?", "...", "\u2026", ",", ";", ":", "(", ")", "[", "]", "-", "\u2014",
)
WARM_UP = (
    "Officials said on Monday the plan may fail, according to a statement from the ministry.",
    "Der russische Pr\u00e4sident hat am Montag den Abzug der Truppen angeordnet, sagte Putin. " * 20,
)
RUN_CHARS = "-.=*_ a\n\"'\u201c\u2019!?,:;()<>#|/\\\u3000\u200b\u0301" + "Aa1"


def hostile_text(rng: random.Random) -> str:
    """One input: up to 40 ingredients, now and then a long run or a long word."""
    parts = []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(FRAGMENTS))
        elif roll < 0.75:
            parts.append("".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 4))))
        elif roll < 0.85:
            parts.append(chr(rng.randrange(0x110000)))
        elif roll < 0.93:
            parts.append(rng.choice(RUN_CHARS) * rng.randint(2, 1000))
        else:
            letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u0431"
            parts.append("".join(rng.choice(letters) for _ in range(rng.randint(20, 1000))))
        if rng.random() < 0.5:
            parts.append(" ")
    return "".join(parts)


def violations(text: str, analysis: object) -> Iterator[str]:
    """Every broken promise of an analysis of ``text``: a span that does not slice it, a feature not finite."""
    spans = [("evidence", e) for e in analysis.evidence]  # type: ignore[attr-defined]
    spans += [("sentence", s) for s in analysis.sentences]  # type: ignore[attr-defined]
    spans += [("fact", f) for f in analysis.facts]  # type: ignore[attr-defined]
    for a in analysis.attributions:  # type: ignore[attr-defined]
        spans += [(f"attribution {part}", span) for part, span in
                  (("cue", a.cue), ("source", a.source), ("content", a.content)) if span is not None]
    for what, span in spans:
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            yield f"{what} span {span.start}-{span.end} does not slice the text"
    for key, value in analysis.features.items():  # type: ignore[attr-defined]
        if not math.isfinite(value):
            yield f"feature {key} is {value}"


def outcome(text: str) -> tuple[str, str]:
    """("ok" | "framing error" | "crash", the crash's kind: exception type and where it was raised)."""
    import framing

    try:
        analysis = framing.analyze(text)
    except framing.FramingError:
        return "framing error", ""
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return "crash", f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"
    broken = next(violations(text, analysis), None)
    return ("ok", "") if broken is None else ("crash", f"broken promise: {broken.split(' span ')[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="inputs to try (default 1000)")
    parser.add_argument("--seed", type=int, default=19, help="random seed (default 19)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for warm_up in WARM_UP:  # loads the lexicons and the language model before the clock runs
        outcome(warm_up)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    slowest = (0.0, 0)
    started = time.perf_counter()
    for i in range(args.n):
        text = hostile_text(rng)
        before = time.perf_counter()
        result, kind = outcome(text)
        slowest = max(slowest, (time.perf_counter() - before, len(text)))
        counts[result] += 1
        if kind and kind not in first:
            first[kind] = text
            print(f"input {i}: {kind}: {text[:200]!r}", file=sys.stderr, flush=True)
    print(f"{args.n} inputs (seed {args.seed}) in {time.perf_counter() - started:.0f} s; "
          f"slowest {slowest[0]:.2f} s ({slowest[1]:,} characters)")
    for name in ("ok", "framing error", "crash"):
        print(f"  {name}: {counts[name]}")
    for kind, text in first.items():
        print(f"  first {kind}: {text!r}")


if __name__ == "__main__":
    main()
