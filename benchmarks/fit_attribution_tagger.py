"""Fine-tune the attribution cue tagger on PolNeAR's tuning part and measure it (needs ``framing[finetune]``).

Usage::

    python benchmarks/fit_attribution_tagger.py [--output models/attribution-tagger.json]
    python benchmarks/fit_attribution_tagger.py --metrics-only models/attribution-tagger.json

Training data: every sentence (as framing splits them) of the PolNeAR texts
outside the held-out part of ``eval_attribution.py``. A token is ``cue`` when
it overlaps the cue of an attribution the product counts (speech and
writing: the in-scope rule of ``eval_attribution.py``), ``source`` when it
overlaps that attribution's source, ``none`` elsewhere; the tokens of
out-of-scope attributions (thoughts, wishes, evidence) are left out of the
loss rather than taught as ``none``. all-MiniLM-L6-v2, every weight trained,
two epochs, then ONNX and int8 as for the sentence-bias encoder. About
20 minutes on two cores; deterministic (two runs give the same graph).

``--metrics-only`` re-measures a saved tagger with the current rules (the
tagger mode combines both) and rewrites its card's ``metrics``, leaving the
graph alone: run it after a change to the attribution rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import eval_attribution as evaluation  # noqa: E402

from framing import finetune  # noqa: E402
from framing.features import attribution  # noqa: E402
from framing.tagger import LABELS, CueTagger, load_tagger, save_tagger  # noqa: E402
from framing.text import build_doc  # noqa: E402

SETTINGS = finetune.EncoderSettings(epochs=2, lr=5e-5, batch_size=16, warmup=0.1, weight_decay=0.01,
                                    max_length=128, threads=2)
THRESHOLD = 0.5  # P(cue) at which a token is a cue: the arg-max of three labels, fixed before measuring
SEED = 0
CITATION = ("Newell, Margolin and Ruths (2018), An Attribution Relations Corpus for Political News. "
            "LREC 2018.")


def training_sentences(data_dir: Path) -> tuple[list[str], list[list[tuple[int, int, int]]], int]:
    """The tuning part's sentences, their labelled character spans, and the number of texts."""
    speech = attribution.cue_forms()  # the cue forms
    cue, source = LABELS.index("cue"), LABELS.index("source")
    texts, spans, count = [], [], 0
    for base, ann in evaluation._texts(data_dir, "tune"):  # noqa: SLF001
        text = (data_dir / "text" / f"{base}.txt").read_text(encoding="utf-8")
        labelled = []
        for event in evaluation.read_gold(ann):
            counted = evaluation._in_scope(text, event["Cue"], speech)  # noqa: SLF001
            labelled += [(s, e, cue if counted else finetune.IGNORE) for s, e in event["Cue"]]
            labelled += [(s, e, source if counted else finetune.IGNORE) for s, e in event.get("Source", [])]
        for sentence in build_doc(text).sentences:
            texts.append(sentence.text)
            spans.append(finetune.spans_within(labelled, sentence.start, sentence.end))
        count += 1
    return texts, spans, count


def measured(data_dir: Path, tagger: CueTagger) -> dict[str, dict[str, float]]:
    """The tagger mode's figures on both parts (tuning figures are in-sample)."""
    return {part: {k: round(v, 4) for k, v in evaluation.evaluate(data_dir, part, tagger=tagger).items()
                   if k != "ms_per_text"}
            for part in ("heldout", "tune")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=evaluation.DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=ROOT / "models" / "attribution-tagger.json")
    parser.add_argument("--metrics-only", type=Path, metavar="CARD")
    args = parser.parse_args(argv)
    threshold = THRESHOLD
    if args.metrics_only:
        tagger, card = load_tagger(args.metrics_only)
        record = {"training": card["training"]}
        path, threshold = args.metrics_only, float(card["threshold"])
    else:
        texts, spans, count = training_sentences(args.data_dir)
        print(f"fine-tuning on {len(texts)} sentences of {count} texts", flush=True)
        tagger = finetune.fit_tagger(texts, spans, LABELS, SETTINGS, seed=SEED, progress=print)
        record = {"training": {
            "data": "PolNeAR v1.0.0 train split, tuning part (texts outside eval_attribution.py's held-out part)",
            "data_citation": CITATION,
            "data_licence": "none stated by PolNeAR; research use (see ../shared/data/polnear/SOURCE.txt)",
            "texts": count,
            "sentences": len(texts),
            "labels": "cue and source tokens of speech/writing attributions; out-of-scope attributions ignored",
            "settings": SETTINGS.record(),
            "seed": SEED,
            **finetune.provenance(),
        }}
        path = args.output
        save_tagger(path, tagger, threshold=THRESHOLD, record=record)
    metrics = measured(args.data_dir, CueTagger(tagger, threshold))
    save_tagger(path, tagger, threshold=threshold, record={**record, "metrics": metrics})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
