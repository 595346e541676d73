"""Evaluate how well framing finds direct speech in a text whose quotation marks were lost.

Usage: ``python benchmarks/eval_lost_quotes.py [--part tune|heldout|all] [DATA_DIR]``
(``DATA_DIR`` defaults to ``../shared/data/polnear/train``).

Some texts reach us with every quotation mark and apostrophe stripped (the
Reuters seed: "Moscow s", "The Motherland awaits you."). framing then infers
which sentences are direct speech (``framing.features.lost_quotation_marks``)
so that hedges and loaded words in them stay the speaker's. This script makes
such texts from PolNeAR's political news, which keep their marks: each
quotation mark and apostrophe is replaced by a space (offsets unchanged), and
the inference on the stripped text is scored against the marks of the
original.

What is measured
    * Gold: the words inside a quotation of four words or more in the
      original (speech; a shorter one is usually a scare quote or a title,
      which no inference could recover).
    * Predicted: the words the inference reads as quoted in the stripped text.
    * Precision over every predicted word; recall over the gold words of the
      texts where the inference found lost marks (``recall``) and of all texts
      (``recall_all``: a text where it found none loses all its speech).
    * The closing-quote rule (the article's last sentences after its last
      statement made after its words) is also scored alone: how many words it
      adds and the share of them that are gold.

Split: PolNeAR's held-out part as ``eval_attribution.py`` draws it. The
closing-quote rule was written from the Reuters seed and its limit of two
sentences chosen on all 840 texts, so the held-out figures are not unseen for
it. On alternate halves of the 840, the words it adds were speech 0.75 and
0.77 of the time with a limit of one sentence, 0.67 and 0.78 with two; on
the held-out part 0.77 with one and 0.59 with two (300 words: 19 sentences in 17 texts).
Without the rule: held-out precision 0.812, recall 0.427.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "benchmarks"):  # framing, and eval_attribution beside this script
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from eval_attribution import DEFAULT_DATA, held_out  # noqa: E402

from framing.features import attribution, lost_quotation_marks  # noqa: E402
from framing.text import build_doc  # noqa: E402
from framing.types import Doc, Span  # noqa: E402

MARKS = re.compile("[\"'`\u2018\u2019\u201c\u201d]")
SPEECH_WORDS = 4  # a quotation this long or longer is speech


def strip_marks(text: str) -> str:
    """``text`` with every quotation mark and apostrophe made a space, so offsets stay the same."""
    return MARKS.sub(" ", text)


def speech_words(doc: Doc) -> set[int]:
    """Start offsets of the words inside a quotation of :data:`SPEECH_WORDS` words or more."""
    long_quotes = [q for q in doc.quotes if len(q.text.split()) >= SPEECH_WORDS]
    return {t.start for t in doc.tokens if t.is_word and any(q.start <= t.start < q.end for q in long_quotes)}


def _words_within(doc: Doc, spans: tuple[Span, ...]) -> set[int]:
    return {t.start for t in doc.tokens if t.is_word and any(s.start <= t.start and t.end <= s.end for s in spans)}


def inferred_speech(doc: Doc) -> tuple[set[int], set[int]] | None:
    """Start offsets of the words read as speech, and of those the closing-quote rule added; None when
    the inference finds no lost marks."""
    lost = lost_quotation_marks(doc, attribution.extract(doc).attributions)
    if lost is None:
        return None
    return _words_within(doc, lost.speech), _words_within(doc, lost.closing)


def _texts(data_dir: Path, part: str) -> Iterator[Path]:
    for path in sorted((data_dir / "text").glob("*.txt")):
        if part == "all" or (part == "heldout") == held_out(path.stem):
            yield path


def evaluate(data_dir: Path = DEFAULT_DATA, part: str = "heldout") -> dict[str, float]:
    """Speech-word precision and recall of the inference on marks-stripped texts of one part."""
    n = {"texts": 0, "found": 0, "gold": 0, "gold_found": 0, "predicted": 0, "right": 0,
         "closing": 0, "closing_right": 0}
    for path in _texts(data_dir, part):
        text = path.read_text(encoding="utf-8")
        gold = speech_words(build_doc(text))
        n["texts"] += 1
        n["gold"] += len(gold)
        inferred = inferred_speech(build_doc(strip_marks(text)))
        if inferred is None:
            continue
        predicted, closing = inferred
        n["found"] += 1
        n["gold_found"] += len(gold)
        n["predicted"] += len(predicted)
        n["right"] += len(predicted & gold)
        n["closing"] += len(closing)
        n["closing_right"] += len(closing & gold)
    precision = n["right"] / n["predicted"] if n["predicted"] else 0.0
    recall = n["right"] / n["gold_found"] if n["gold_found"] else 0.0
    return {
        "texts": n["texts"],
        "found_lost_marks": n["found"],
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "recall_all": n["right"] / n["gold"] if n["gold"] else 0.0,
        "closing_words": n["closing"],
        "closing_precision": n["closing_right"] / n["closing"] if n["closing"] else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=("tune", "heldout", "all"), default="heldout")
    args = parser.parse_args(argv)
    print(f"PolNeAR {args.data_dir} part={args.part}, quotation marks and apostrophes stripped")
    for key, value in evaluate(args.data_dir, args.part).items():
        print(f"{key:>18}: {value:.3f}" if isinstance(value, float) else f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
