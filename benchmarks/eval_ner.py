"""Entity-mention precision, recall and F1 of the shipped name recogniser on CoNLL-2003.

Scores are conlleval's: a mention counts when its span and its type both match
the annotation exactly. Printed per type (PER, ORG, LOC, MISC), for PER+ORG+LOC
(the people, organisations and places framing's actors rest on) and for all.

The development set (``dev.txt``, eng.testa) is tagged by the shipped model,
which never saw it. ``--cv K`` instead trains K models on train.txt minus one
document fold each and scores the held-out folds (the figure the settings were
chosen by); it takes a few minutes per fold.

Run from the repository root::

    python benchmarks/eval_ner.py                    # development set, shipped model
    python benchmarks/eval_ner.py --cv 5             # 5-fold cross-validation on train
    python benchmarks/eval_ner.py --write-card       # also record the figures in models/ner.json
    python benchmarks/eval_ner.py --cost             # CPU ms an article, against the throughput floor
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_ner  # noqa: E402

from framing import entities, name_spans  # noqa: E402


def dev_scores(data: Path = fit_ner.DATA, *, every_word: bool = False) -> dict[str, dict[str, float]]:
    """Scores of the shipped model on the development set's sentences, as CoNLL tokenised them.

    Tagged as :func:`framing.entities.find_mentions` tags an article: only the
    name windows, unless ``every_word``, and the tags mended as
    :func:`framing.name_spans.join_organisations` mends them.
    """
    sentences = fit_ner.read_conll(data / "dev.txt")
    recogniser = entities.shipped_recogniser()
    contexts = fit_ner.document_contexts(sentences)
    predicted = [
        name_spans.join_organisations(
            s.words, recogniser.tag(s.words, contexts[s.document], every_word=every_word), recogniser.organisations
        )
        for s in sentences
    ]
    return fit_ner.score([list(s.tags) for s in sentences], predicted)


def cost(data: Path = fit_ner.DATA.parent, articles: int = 300) -> dict[str, float]:
    """CPU ms an article of find_mentions (on a built Doc), build_doc and the throughput floor.

    Articles: the seeds and the first ``articles`` PolNeAR training texts; best
    of three passes, after a warm-up that loads the model.
    """
    import throughput

    from framing.text import build_doc

    paths = [*sorted((fit_ner.ROOT / "seeds").glob("*.txt")),
             *sorted((data / "polnear" / "train" / "text").glob("*.txt"))[:articles]]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    docs = [build_doc(text) for text in texts]
    floor = throughput._floor()
    floor(texts[0])
    entities.find_mentions(docs[0])

    def best(run: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        return round(1000 * min(times) / len(texts), 2)

    return {
        "articles": len(texts),
        "find_mentions_ms": best(lambda: [entities.find_mentions(doc) for doc in docs]),
        "build_doc_ms": best(lambda: [build_doc(text) for text in texts]),
        "floor_ms": best(lambda: [floor(text) for text in texts]),
    }


def table(scores: Mapping[str, Mapping[str, float]]) -> str:
    """A fixed-width table: one row per type or group."""
    lines = [f"{'type':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>6}"]
    for name, row in scores.items():
        lines.append(f"{name:<12} {row['precision']:>9.4f} {row['recall']:>7.4f} {row['f1']:>7.4f} {row['gold']:>6}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=fit_ner.DATA, help="folder with train.txt and dev.txt")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate on train with this many document folds instead")
    parser.add_argument("--every-word", action="store_true",
                        help="tag every word, not only the name windows find_mentions tags (for the comparison)")
    parser.add_argument("--cost", action="store_true",
                        help="print CPU ms an article of find_mentions on the seeds and 300 PolNeAR texts instead")
    parser.add_argument("--write-card", action="store_true", help="record the figures in models/ner.json (metrics.dev or metrics.train_cvK)")
    args = parser.parse_args(argv)
    if args.cost:
        print(json.dumps(cost(args.data.parent), indent=1))
        return 0
    if args.cv:
        scores = fit_ner.cross_validate(fit_ner.read_conll(args.data / "train.txt"), args.cv)
        print(f"CoNLL-2003 train, {args.cv}-fold cross-validation by document")
    else:
        scores = dev_scores(args.data, every_word=args.every_word)
        print("CoNLL-2003 development set (eng.testa), shipped model, "
              + ("every word tagged" if args.every_word else "name windows tagged (as find_mentions)"))
    print(table(scores))
    if args.write_card and not args.every_word:
        card_path = fit_ner.MODELS / "ner.json"
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["metrics"][f"train_cv{args.cv}" if args.cv else "dev"] = scores
        card_path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
