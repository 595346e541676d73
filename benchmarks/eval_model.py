"""Measure the trained scorer's pipeline variants on BABE with 5-fold cross-validation.

Usage (from the repository root)::

    python benchmarks/eval_model.py                 # every variant, stratified and grouped by outlet
    python benchmarks/eval_model.py --only default  # one variant

Prints one row per variant: weighted F1 (the metric of Spinde et al. 2021)
over stratified folds and over folds grouped by outlet (no outlet in both the
training and the test part), with the spread over folds. The data is
``../shared/data/babe/babe_train.csv``; it is never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.training import PipelineConfig, build_pipeline, read_labelled  # noqa: E402

BABE = ROOT.parent / "shared" / "data" / "babe" / "babe_train.csv"
DEFAULT = PipelineConfig()
VARIANTS: dict[str, PipelineConfig] = {
    "default": DEFAULT,
    "no framing features": replace(DEFAULT, framing_weight=0.0),
    "framing weight 0.3": replace(DEFAULT, framing_weight=0.3),
    "C=1": replace(DEFAULT, c=1.0),
    "C=2": replace(DEFAULT, c=2.0),
    "unweighted classes": replace(DEFAULT, class_weight=None),
    "words 1-3": replace(DEFAULT, word_ngrams=(1, 3)),
    "chars 1-4": replace(DEFAULT, char_ngrams=(1, 4)),
    "char 3-6 (not char_wb)": replace(DEFAULT, char_analyzer="char", char_ngrams=(3, 6)),
}
SVC = "LinearSVC + sigmoid calibration"


def _pipeline(name: str, seed: int):  # type: ignore[no-untyped-def]
    if name == SVC:
        pipeline = build_pipeline(DEFAULT, seed=seed)
        svc = LinearSVC(C=0.3, class_weight="balanced", random_state=seed)
        pipeline.steps[-1] = ("classifier", CalibratedClassifierCV(svc, cv=5))
        return pipeline
    return build_pipeline(VARIANTS[name], seed=seed)


def _cv(name: str, texts: np.ndarray, labels: np.ndarray, splits) -> list[float]:  # type: ignore[no-untyped-def]
    scores = []
    for train, test in splits:
        fitted = _pipeline(name, 0).fit(list(texts[train]), labels[train])
        scores.append(f1_score(labels[test], fitted.predict(list(texts[test])), average="weighted"))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[*VARIANTS, SVC], action="append")
    parser.add_argument("--data", type=Path, default=BABE)
    args = parser.parse_args()
    data = read_labelled(
        args.data, text_column="text", label_column="label_bias", group_column="outlet", drop_labels=("No agreement",)
    )
    texts = np.asarray(data.texts, dtype=object)
    labels = np.asarray(data.labels, dtype=object)
    groups = np.asarray(data.groups, dtype=object)
    print(f"{args.data.name}: {len(texts)} sentences, {data.label_counts}")
    print(f"{'variant':34} {'stratified F1w':>16} {'grouped F1w':>16} {'seconds':>8}")
    for name in args.only or [*VARIANTS, SVC]:
        start = time.perf_counter()
        stratified = _cv(name, texts, labels, StratifiedKFold(5, shuffle=True, random_state=0).split(texts, labels))
        grouped = _cv(
            name, texts, labels, StratifiedGroupKFold(5, shuffle=True, random_state=0).split(texts, labels, groups)
        )
        print(
            f"{name:34} {np.mean(stratified):.4f} +/- {np.std(stratified):.3f} "
            f"{np.mean(grouped):.4f} +/- {np.std(grouped):.3f} {time.perf_counter() - start:8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
