"""Fine-tune the loaded-word tagger on the train split of ``eval_loaded.py`` and measure it (needs ``framing[finetune]``).

Usage::

    python benchmarks/fit_loaded_tagger.py [--output models/loaded-tagger.json]
    python benchmarks/fit_loaded_tagger.py --development --output /tmp/dev-tagger.json
    python benchmarks/fit_loaded_tagger.py --grid /tmp/dev-tagger.json
    python benchmarks/fit_loaded_tagger.py --metrics-only models/loaded-tagger.json

Training data: the sentences (as framing splits them) of the PTC training
articles and the BABE sentences that ``eval_loaded.py`` puts in its train
split; its held-out part is never read. A token is ``loaded`` when it
overlaps a PTC ``Loaded_Language`` span or an occurrence of one of the
sentence's BABE biased words, ``none`` elsewhere. all-MiniLM-L6-v2, every
weight trained, two epochs, then ONNX and int8 as for the attribution tagger.
About 20 minutes on two cores; deterministic.

``--development`` leaves out the first train fold (``DEV_FOLD``) and measures
only that fold; ``--grid`` then scores every threshold and lexicon floor on
it: ``THRESHOLD`` and ``LEXICON_FLOOR`` are the best mean of PTC and BABE F1
there, and the shipped tagger was trained on the whole train split with them.

``--metrics-only`` re-measures a saved tagger with the current lexicon and
rewrites its card's ``metrics``, leaving the graph alone: run it after a
change to the lexicon or the rules.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import eval_loaded as evaluation  # noqa: E402

from framing import finetune  # noqa: E402
from framing.encoder import TaggedToken, TokenTagger  # noqa: E402
from framing.tagger import LOADED_LABELS as LABELS  # noqa: E402
from framing.tagger import LoadedTagger, load_tagger, save_tagger  # noqa: E402
from framing.text import build_doc  # noqa: E402

DEV_FOLD = evaluation.FOLDS[0]
SETTINGS = finetune.EncoderSettings(epochs=2, lr=5e-5, batch_size=16, warmup=0.1, weight_decay=0.01,
                                    max_length=128, threads=2)
SEED = 0
# The best of the grid on the development fold (--grid): README, "Loaded wording".
THRESHOLD = 0.5
LEXICON_FLOOR = 0.05
GRID_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
GRID_FLOORS = (0.0, 0.05, 0.1, 0.2, 0.3)
CITATIONS = (
    "Da San Martino, Yu, Barron-Cedeno, Petrov and Nakov (2019), Fine-Grained Analysis of Propaganda in News "
    "Articles. EMNLP 2019 (PTC, as released for SemEval-2020 Task 11).",
    "Spinde, Plank, Krieger, Ruas, Gipp and Aizawa (2021), Neural Media Bias Detection Using Distant Supervision "
    "With BABE - Bias Annotations By Experts. Findings of EMNLP 2021.",
)


def training_sentences(
    data_dir: Path, development: bool = False
) -> tuple[list[str], list[list[tuple[int, int, int]]], dict[str, int]]:
    """The training sentences, their ``loaded`` character spans, and how many items each dataset gave.

    ``development`` leaves out the development fold.
    """

    def _in_training(key: str) -> bool:
        return evaluation.split_of(key) == "train" and not (development and evaluation.fold_of(key) == DEV_FOLD)

    texts: list[str] = []
    spans: list[list[tuple[int, int, int]]] = []
    counts = {"ptc_articles": 0, "ptc_sentences": 0, "babe_sentences": 0}
    for article, text, gold in evaluation._ptc_articles(data_dir):  # noqa: SLF001
        if not _in_training(article):
            continue
        counts["ptc_articles"] += 1
        for sentence in build_doc(text).sentences:
            texts.append(sentence.text)
            spans.append(finetune.spans_within([(s, e, 1) for s, e in gold], sentence.start, sentence.end))
            counts["ptc_sentences"] += 1
    for text, words in evaluation._babe_sentences(data_dir):  # noqa: SLF001
        if not _in_training(text):
            continue
        texts.append(text)
        spans.append([(m.start(), m.end(), 1) for word in sorted(words)
                      for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, flags=re.IGNORECASE)])
        counts["babe_sentences"] += 1
    return texts, spans, counts


def measured(data_dir: Path, tagger: LoadedTagger, development: bool) -> dict[str, dict[str, float]]:
    """Tagger-mode figures: on the development fold alone for a development tagger (the held-out part is
    not read), else on the held-out part and on train (in-sample)."""
    parts = (DEV_FOLD,) if development else ("heldout", "train")
    results = evaluation.evaluate(data_dir, tagger, parts)
    return {part: {key.replace(f".{part}.", "."): round(value, 4) for key, value in results.items()
                   if key.split(".")[1] == part}
            for part in parts}


class _Remembered:
    """A token tagger that tags each text once: the grid reads the same sentences 25 times."""

    def __init__(self, model: TokenTagger) -> None:
        self.model, self.seen = model, {}

    def tag(self, text: str) -> list[TaggedToken]:
        if text not in self.seen:
            self.seen[text] = self.model.tag(text)
        return self.seen[text]


def grid(data_dir: Path, card: Path) -> list[tuple[float, float, float, float, float]]:
    """(mean F1, threshold, floor, PTC F1, BABE F1) on the development fold for each setting, best first."""
    model, _ = load_tagger(card, LABELS)
    remembered = _Remembered(model)
    rows = []
    for threshold in GRID_THRESHOLDS:
        for floor in GRID_FLOORS:
            tagger = LoadedTagger(remembered, threshold, floor)  # type: ignore[arg-type]
            results = evaluation.evaluate(data_dir, tagger, (DEV_FOLD,))
            ptc, babe = results[f"ptc.{DEV_FOLD}.f1"], results[f"babe.{DEV_FOLD}.f1"]
            rows.append(((ptc + babe) / 2, threshold, floor, ptc, babe))
    return sorted(rows, reverse=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=ROOT / "models" / "loaded-tagger.json")
    parser.add_argument("--metrics-only", type=Path, metavar="CARD")
    parser.add_argument("--development", action="store_true", help=f"leave out {DEV_FOLD} (to choose settings on it)")
    parser.add_argument("--epochs", type=int, default=SETTINGS.epochs,
                        help=f"training epochs (shipped: {SETTINGS.epochs}; a third was tried with --development)")
    parser.add_argument("--grid", type=Path, metavar="CARD", help=f"score every setting on {DEV_FOLD} with the "
                        "development tagger saved at CARD, best first")
    args = parser.parse_args(argv)
    if args.grid:
        print(f"{'mean F1':>7} {'threshold':>9} {'floor':>5} {'PTC F1':>6} {'BABE F1':>7}   ({DEV_FOLD})")
        for mean, threshold, floor, ptc, babe in grid(args.data_dir, args.grid):
            print(f"{mean:7.4f} {threshold:9.2f} {floor:5.2f} {ptc:6.4f} {babe:7.4f}")
        return
    if args.metrics_only:
        model, card = load_tagger(args.metrics_only, LABELS)
        path, record = args.metrics_only, {"training": card["training"]}
        args.development = DEV_FOLD in card["metrics"]
        threshold, floor = float(card["threshold"]), float(card["lexicon_floor"])
    else:
        settings = replace(SETTINGS, epochs=args.epochs)
        texts, spans, counts = training_sentences(args.data_dir, args.development)
        print(f"fine-tuning on {len(texts)} sentences ({counts})", flush=True)
        model = finetune.fit_tagger(texts, spans, LABELS, settings, seed=SEED, progress=print)
        path, threshold, floor = args.output, THRESHOLD, LEXICON_FLOOR
        record = {"training": {
            "data": "eval_loaded.py's train split" + (f" less {DEV_FOLD}" if args.development else "")
                    + ": PTC training articles and BABE babe_train.csv sentences; held-out part never read",
            "data_citation": list(CITATIONS),
            "data_licence": "PTC: none stated, distributed for research; BABE: AGPL-3.0. The graph holds weights "
                            "learned from the texts, not the texts (see ../shared/data/*/SOURCE.txt)",
            "labels": "tokens overlapping a PTC Loaded_Language span or a BABE biased word are 'loaded'",
            **counts,
            "sentences": len(texts),
            "settings": settings.record(),
            "seed": SEED,
            "selection": f"threshold and lexicon_floor: the best mean of PTC and BABE F1 on {DEV_FOLD}, "
                         "unseen by a tagger trained without it (--development, then --grid), over threshold "
                         "0.3-0.7 and floor 0-0.3; the held-out part was measured after the choice (and after a "
                         "first pass of the grid, before the current rules, had picked 0.4: README, Loaded wording)",
            **finetune.provenance(),
        }}
    tagger = LoadedTagger(model, threshold, floor, path.stem)
    metrics = measured(args.data_dir, tagger, args.development)
    save_tagger(path, model, threshold=threshold, record={**record, "lexicon_floor": floor, "metrics": metrics})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
