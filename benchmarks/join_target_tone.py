"""Join target-tone models into one whose probabilities are the mean of theirs (an ensemble).

Usage::

    python benchmarks/join_target_tone.py FIRST.json OTHER.json [...] --output models/target-tone.json
    python benchmarks/join_target_tone.py DEV-A.json DEV-B.json --development --output /tmp/dev-joined.json

Each input is a card written by ``fit_target_tone.py``; the first gives the
tokenizer (the members must share it) and the joined card's ``training``; every
card's ``training`` is kept under ``members_training``. With ``--development``
the cards must be development models (trained without tuning fold 0) and the
joined model is measured on that fold, as ``fit_target_tone.py --development``
measures one model. The held-out part is never read here: ``eval_target_tone.py
--record`` measures the joined model, once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import eval_target_tone as evaluation  # noqa: E402

from framing.target_tone import TargetToneModel, load_target_tone, save_target_tone  # noqa: E402

SELECTION = ("an ensemble of the pair and markers models, each trained on the whole tuning part with its own recipe: "
             "the mean of their probabilities scored macro F1 0.7637 on development fold 0 against 0.7566 for the "
             "pair model alone and 0.7513 for markers alone (development models, trained without the fold); the plan, "
             "fixed before that run, was to join them if the mean gained at least 0.005; the held-out part was "
             "measured once, after joining")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cards", nargs="+", type=Path, help="target-tone cards, the first one's tokenizer shared")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--development", action="store_true",
                        help=f"measure the joined model on tuning fold {evaluation.DEV_FOLD}")
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    loaded = [load_target_tone(card) for card in args.cards]
    if any(model.members for model, _ in loaded):
        parser.error("join single models only")
    developing = ["less fold" in card["training"]["data"] for _, card in loaded]  # fit_target_tone.py's wording
    if any(developing) != all(developing) or any(developing) != args.development:
        parser.error("join development models with --development, and models of the whole tuning part without it")
    if len({card["training"]["data_sha256"] for _, card in loaded}) > 1:
        parser.error("the models were trained on different data files")
    if len({(model.classifier.tokenizer, model.classifier.max_length) for model, _ in loaded}) > 1:
        parser.error("the models must share one tokenizer and max_length")
    (first, first_card), others = loaded[0], loaded[1:]
    model = TargetToneModel(first.classifier, first.input_format, args.output.stem,
                            tuple(TargetToneModel(m.classifier, m.input_format, card["training"]["input"])
                                  for m, card in others))
    record: dict[str, object] = {
        "training": {**first_card["training"], "selection": SELECTION,
                     "command": "python benchmarks/join_target_tone.py " + " ".join(str(c) for c in args.cards)
                                + (" --development" if args.development else "")},
        "members_training": [card["training"] for _, card in loaded],
    }
    if args.development:
        record["metrics"] = evaluation.development_metrics(args.data_dir, model, "joined")
    print(f"wrote {save_target_tone(args.output, model, record)}")


if __name__ == "__main__":
    main()
