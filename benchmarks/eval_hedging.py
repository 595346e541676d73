"""Sentence-level hedge detection on the CoNLL-2010 biological training data.

A sentence is predicted uncertain when any hedging cue (approximators excluded)
fires in it; it is gold uncertain when it holds a ``<cue>`` element (the
official Task 1 definition). Each sentence becomes its own Doc through
``framing.text.build_doc``; every sentence of that Doc is read, whatever its
``kind``, because a lone sentence without closing punctuation would otherwise
be taken for a headline.

Documents are split deterministically by a hash of their id: about one in five
goes to ``heldout``, the rest to ``dev``. The lexicon and rules were tuned by
reading errors on ``dev`` only; ``heldout`` shows how that generalises.

Run from the repository root::

    python benchmarks/eval_hedging.py [--data ../shared/data/conll2010_hedge]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing.features import hedging  # noqa: E402
from framing.text import build_doc  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "conll2010_hedge"
FILES = ("task2_train_bio_abstracts_rev2.xml", "task2_train_bio_fullarticles_rev2.xml")
HELDOUT_BUCKETS = 5  # one document in five is held out


class Item(NamedTuple):
    """One gold sentence: its document, text and whether it holds a cue."""

    document: str
    text: str
    uncertain: bool


def split_of(document: str) -> str:
    """``heldout`` or ``dev``, from a stable hash of the document id."""
    digest = hashlib.sha256(document.encode("utf-8")).digest()
    return "heldout" if digest[0] % HELDOUT_BUCKETS == 0 else "dev"


def sentences(data_dir: Path) -> Iterator[Item]:
    """Every sentence of both training files, with its gold label."""
    for name in FILES:
        root = ET.parse(data_dir / name).getroot()
        for document in root.iter("Document"):
            doc_id = f"{name}:{document.findtext('DocID', default='').strip()}"
            for sentence in document.iter("sentence"):
                text = "".join(sentence.itertext()).strip()
                if text:
                    yield Item(doc_id, text, sentence.find(".//cue") is not None)


def predict(text: str) -> bool:
    """True when an epistemic hedge cue fires anywhere in ``text``."""
    doc = build_doc(text)
    return any(e.label != hedging.APPROXIMATOR for e in hedging.find_cues(doc, doc.sentences))


def _scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(data_dir: Path, *, every: int = 1) -> dict[str, float]:
    """Precision, recall and F1 overall and on the dev and held-out splits.

    ``every`` keeps one sentence in ``every`` (a deterministic subsample for
    quick tests); 1 reads them all.
    """
    counts = {split: [0, 0, 0] for split in ("all", "dev", "heldout")}
    for n, item in enumerate(sentences(data_dir)):
        if n % every:
            continue
        guess = predict(item.text)
        cell = 0 if guess and item.uncertain else 1 if guess else 2 if item.uncertain else -1
        if cell >= 0:
            for split in ("all", split_of(item.document)):
                counts[split][cell] += 1
    result: dict[str, float] = {}
    for split, (tp, fp, fn) in counts.items():
        p, r, f = _scores(tp, fp, fn)
        result.update({f"{split}_precision": p, f"{split}_recall": r, f"{split}_f1": f})
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    result = evaluate(args.data)
    print("CoNLL-2010 bio training data, sentence level (uncertain = any cue)")
    print(f"{'split':8s} {'precision':>9s} {'recall':>7s} {'F1':>6s}")
    for split in ("dev", "heldout", "all"):
        print(f"{split:8s} {result[f'{split}_precision']:9.3f} "
              f"{result[f'{split}_recall']:7.3f} {result[f'{split}_f1']:6.3f}")


if __name__ == "__main__":
    main()
