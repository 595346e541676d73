"""Train and evaluate framing's text classifiers on labelled data.

:func:`read_labelled` reads a CSV (``,``, ``;`` or tab separated) or JSONL
file with a text column, a label column and optionally a group column (the
outlet). :func:`train` cross-validates the default pipeline (framing features,
word and character TF-IDF into a logistic regression), fits it on all rows and
returns a :class:`~framing.model.Model` whose card records the data's
checksum, its licence and the metrics. Folds are stratified by label and
seeded; with a group column a second cross-validation keeps every group (every
outlet) within one fold, which measures how the model does on outlets it has
not seen. :func:`evaluate` measures a model on another labelled file.

References
----------
Spinde et al. (2021), Neural Media Bias Detection Using Distant Supervision
With BABE. Findings of EMNLP 2021, 1166-1177. (The published numbers are
5-fold cross-validated weighted F1, the metric reported here.)
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from .errors import InputError
from .estimators import FramingFeatures
from .io import csv_dialect, wide_csv_fields
from .finetune import EncoderSettings, fit_encoder, provenance
from .model import ENCODER_DERIVED_KEYS, Model, from_pipeline, with_encoder

MIN_ROWS_PER_CLASS = 2
MAX_BYTES = 200_000_000


@dataclass(frozen=True)
class LabelledData:
    """Texts with their labels (and groups), read from one file.

    ``sha256`` is the checksum of the file's bytes; ``dropped`` counts the rows
    left out because their label was in ``drop_labels``.
    """

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    groups: tuple[str, ...] | None
    source: str
    sha256: str
    columns: Mapping[str, str | None]
    dropped: int = 0

    @property
    def label_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(self.labels).items()))


@dataclass(frozen=True)
class PipelineConfig:
    """The default pipeline's settings; the defaults are the best measured on BABE.

    ``c`` is the inverse regularisation strength of the logistic regression;
    ``framing_weight`` scales the standardised framing features against the
    (unit-length) TF-IDF blocks. Balanced class weights matter most when
    testing on unseen outlets, whose label mix differs from the training
    outlets' (BABE, folds grouped by outlet: weighted F1 0.704 balanced, 0.673
    not).
    """

    c: float = 4.0
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    char_analyzer: str = "char_wb"
    char_min_df: int = 2
    framing_weight: float = 1.0
    families: tuple[str, ...] | None = None
    class_weight: str | None = "balanced"


@dataclass(frozen=True)
class TrainResult:
    """A fitted model and its cross-validated metrics (also in ``model.card``)."""

    model: Model
    metrics: Mapping[str, Any] = field(default_factory=dict)


def read_labelled(
    path: str | Path,
    *,
    text_column: str = "text",
    label_column: str = "label",
    group_column: str | None = None,
    drop_labels: Sequence[str] = (),
) -> LabelledData:
    """Read labelled texts from a CSV or JSONL file.

    CSV files may be ``,``, ``;`` or tab separated and may start with a UTF-8
    byte-order mark. Every kept row must have a non-empty text and label (and
    group, when a group column is named); rows whose label is in
    ``drop_labels`` are left out (e.g. BABE's "No agreement").

    Raises
    ------
    InputError
        The file is missing or unreadable, a column is missing (the message
        lists the columns there are), or a row has an empty text or label.
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(f"labelled data file {str(file)!r} does not exist")
    data = file.read_bytes()
    if len(data) > MAX_BYTES:
        raise InputError(f"{file} is larger than {MAX_BYTES} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{file} is not UTF-8 text ({error}); save it as UTF-8") from None
    records = _jsonl_rows(text, file) if file.suffix.lower() in (".jsonl", ".ndjson") else _csv_rows(text, file)
    wanted = {"text": text_column, "label": label_column, "group": group_column}
    columns = {k: v for k, v in wanted.items() if v is not None}
    texts, labels, groups = [], [], []
    dropped = 0
    for where, row in records:
        missing = [c for c in columns.values() if c not in row]
        if missing:
            raise InputError(
                f"{where}: no column {', '.join(map(repr, missing))}; "
                f"the columns are {', '.join(map(repr, sorted(row)))}"
            )
        label = _cell(row[label_column]).strip()
        if label in drop_labels:
            dropped += 1
            continue
        values = {k: _cell(row[c]) for k, c in columns.items()}
        empty = [columns[k] for k, v in values.items() if not v.strip()]
        if empty:
            raise InputError(f"{where}: empty {', '.join(map(repr, empty))}; fill it in or remove the row")
        texts.append(values["text"])
        labels.append(label)
        if group_column is not None:
            groups.append(values["group"].strip())
    if not texts:
        raise InputError(f"{file} has no labelled rows")
    return LabelledData(
        tuple(texts),
        tuple(labels),
        tuple(groups) if group_column is not None else None,
        str(file),
        hashlib.sha256(data).hexdigest(),
        dict(wanted),
        dropped,
    )


def _cell(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(value)


def _csv_rows(text: str, file: Path) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=csv_dialect(text))
    rows = []
    try:
        with wide_csv_fields():
            for row in reader:
                extra = row.pop(None, None)  # type: ignore[call-overload]
                if extra:
                    raise InputError(f"{file}:{reader.line_num}: more cells than header columns")
                rows.append((f"{file}:{reader.line_num}", row))
    except csv.Error as error:
        raise InputError(f"{file}:{reader.line_num}: not valid CSV ({error})") from None
    if reader.fieldnames is None:
        raise InputError(f"{file} is empty; it needs a header row naming the columns")
    return rows


def _jsonl_rows(text: str, file: Path) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{file}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{file}:{number}: each line must be a JSON object, not {type(row).__name__}")
        rows.append((f"{file}:{number}", row))
    return rows


def build_pipeline(config: PipelineConfig = PipelineConfig(), *, seed: int = 0, classes: int = 2) -> Pipeline:
    """Framing features (standardised) + word and character TF-IDF into a logistic regression.

    The logistic regression gives calibrated-enough probabilities by itself;
    a LinearSVC wrapped in ``CalibratedClassifierCV`` scored the same on BABE
    (``benchmarks/eval_model.py``) and would need five models in the file.
    Two classes use liblinear (several times faster than lbfgs here), more
    use lbfgs (a multinomial model; liblinear handles only two). liblinear
    solves the dual problem: with far more n-gram columns than sentences it
    fits BABE's folds about three times faster than the primal, to the same
    optimum (coefficients within 1e-3, the same predictions).
    """
    framing = Pipeline([("features", FramingFeatures(families=config.families)), ("scale", StandardScaler())])
    union = FeatureUnion(
        [
            ("framing", framing),
            ("words", TfidfVectorizer(ngram_range=config.word_ngrams, sublinear_tf=True)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer=config.char_analyzer,
                    ngram_range=config.char_ngrams,
                    sublinear_tf=True,
                    min_df=config.char_min_df,
                ),
            ),
        ],
        transformer_weights={"framing": config.framing_weight},
    )
    classifier = LogisticRegression(
        C=config.c,
        solver="liblinear" if classes == 2 else "lbfgs",
        dual=classes == 2,
        max_iter=5000,
        class_weight=config.class_weight,
        random_state=seed,
    )
    return Pipeline([("features", union), ("classifier", classifier)])


def check_trainable(data: LabelledData, *, folds: int) -> None:
    """Refuse data a model cannot be trained or cross-validated on, saying why."""
    counts = data.label_counts
    if len(counts) < 2:
        only = next(iter(counts))
        raise InputError(
            f"{data.source}: every row has the label {only!r}; a classifier needs at least two labels"
        )
    if folds < 2:
        raise InputError(f"folds must be at least 2, not {folds}")
    small = {label: n for label, n in counts.items() if n < max(folds, MIN_ROWS_PER_CLASS)}
    if small:
        listed = ", ".join(f"{label!r} ({n})" for label, n in small.items())
        raise InputError(
            f"{data.source}: too few rows for {folds}-fold cross-validation: {listed}; "
            f"each label needs at least {folds} rows (or use fewer folds)"
        )
    if data.groups is not None and len(set(data.groups)) < folds:
        raise InputError(
            f"{data.source}: only {len(set(data.groups))} distinct groups in column "
            f"{data.columns['group']!r}; grouped {folds}-fold cross-validation needs at least {folds}"
        )


def cross_validate(
    data: LabelledData,
    config: PipelineConfig = PipelineConfig(),
    *,
    folds: int = 5,
    seed: int = 0,
    grouped: bool = False,
    encoder: EncoderSettings | None = None,
    fusion_weight: float = 0.5,
    progress: Callable[[str], None] | None = None,
    encoder_probabilities: np.ndarray | None = None,
) -> dict[str, Any]:
    """Cross-validated metrics of the pipeline: stratified folds, or grouped ones.

    Grouped folds (``StratifiedGroupKFold``) keep each group in one fold, so the
    model is always tested on groups (outlets) it was not trained on.
    Returns the mean and standard deviation over folds of weighted F1, macro
    F1 and accuracy, and the folds' weighted F1 values.

    With ``encoder`` settings, each fold also fine-tunes the encoder on its
    training part (:func:`framing.finetune.fit_encoder`, minutes per fold) and
    the metrics are those of the fused model, the one that ships;
    ``components`` gives the linear part's and the encoder's own weighted F1.
    ``encoder_probabilities`` (rows as in ``data``) are an earlier run's
    out-of-fold encoder probabilities on the same folds, used instead of
    fine-tuning again: the encoder does not depend on framing's features.
    """
    return _cross_validate(
        data, config, folds=folds, seed=seed, grouped=grouped, encoder=encoder, fusion_weight=fusion_weight,
        progress=progress, encoder_probabilities=encoder_probabilities,
    )[0]


def _cross_validate(
    data: LabelledData,
    config: PipelineConfig,
    *,
    folds: int,
    seed: int,
    grouped: bool,
    encoder: EncoderSettings | None,
    fusion_weight: float,
    progress: Callable[[str], None] | None,
    encoder_probabilities: np.ndarray | None,
) -> tuple[dict[str, Any], np.ndarray | None]:
    """:func:`cross_validate`'s metrics, and with an encoder its out-of-fold probabilities."""
    check_trainable(data, folds=folds)
    texts = np.asarray(data.texts, dtype=object)
    labels = np.asarray(data.labels, dtype=object)
    if grouped:
        if data.groups is None:
            raise InputError("grouped cross-validation needs a group column")
        splitter: Any = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = splitter.split(texts, labels, np.asarray(data.groups, dtype=object))
    else:
        splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(texts, labels)
    classes = np.asarray(sorted(data.label_counts), dtype=object)
    per_fold, parts = [], []
    out_of_fold = np.zeros((len(texts), len(classes))) if encoder is not None else None
    for number, (train_index, test_index) in enumerate(splits):
        pipeline = build_pipeline(config, seed=seed, classes=len(classes))
        pipeline.fit(list(texts[train_index]), labels[train_index])
        linear = _columns(pipeline.predict_proba(list(texts[test_index])), pipeline.classes_, classes)
        truth = labels[test_index]
        if out_of_fold is None or encoder is None:
            per_fold.append(_scores(truth, classes[np.argmax(linear, axis=1)]))
            continue
        if encoder_probabilities is not None:
            own = encoder_probabilities[test_index]
        else:
            if progress:
                progress(f"fold {number + 1}/{folds} ({'grouped' if grouped else 'stratified'}): fine-tuning the encoder")
            tuned = fit_encoder(
                list(texts[train_index]), labels[train_index], classes, encoder, seed=seed, progress=progress
            )
            own = tuned.probabilities(list(texts[test_index]))
        out_of_fold[test_index] = own
        fused = (1.0 - fusion_weight) * linear + fusion_weight * own
        per_fold.append(_scores(truth, classes[np.argmax(fused, axis=1)]))
        parts.append({"linear": _scores(truth, classes[np.argmax(linear, axis=1)])["f1_weighted"],
                      "encoder": _scores(truth, classes[np.argmax(own, axis=1)])["f1_weighted"]})
        if progress:
            progress(f"  fold {number + 1}: fused {per_fold[-1]['f1_weighted']:.4f}, linear {parts[-1]['linear']:.4f}, "
                     f"encoder {parts[-1]['encoder']:.4f}")
    summary: dict[str, Any] = {"folds": folds, "kind": "grouped" if grouped else "stratified"}
    for metric in ("f1_weighted", "f1_macro", "accuracy"):
        values = np.array([fold[metric] for fold in per_fold])
        summary[metric] = round(float(values.mean()), 4)
        summary[f"{metric}_std"] = round(float(values.std()), 4)
    summary["f1_weighted_per_fold"] = [round(fold["f1_weighted"], 4) for fold in per_fold]
    if parts:
        summary["components"] = {
            name: {"f1_weighted": round(float(np.mean([p[name] for p in parts])), 4),
                   "f1_weighted_per_fold": [round(p[name], 4) for p in parts]}
            for name in ("linear", "encoder")
        }
    return summary, out_of_fold


def _columns(proba: np.ndarray, fitted: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """Probabilities with a column for every class, zero for one a fold's training part lacked.

    Grouped folds can leave a class out of training (a label only one outlet uses).
    """
    full = np.zeros((len(proba), len(classes)))
    positions = {label: i for i, label in enumerate(classes)}
    for column, label in enumerate(fitted):
        full[:, positions[label]] = proba[:, column]
    return full


def _scores(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {
        "f1_weighted": float(f1_score(truth, predicted, average="weighted")),
        "f1_macro": float(f1_score(truth, predicted, average="macro")),
        "accuracy": float(accuracy_score(truth, predicted)),
    }


def train(
    data: LabelledData,
    *,
    name: str,
    config: PipelineConfig = PipelineConfig(),
    folds: int = 5,
    seed: int = 0,
    level: str = "sentence",
    licence: str = "unknown",
    citation: str = "",
    command: str = "",
    encoder: EncoderSettings | None = None,
    fusion_weight: float = 0.5,
    progress: Callable[[str], None] | None = None,
    reuse_encoder: Model | None = None,
) -> TrainResult:
    """Cross-validate, then fit on every row; return the model with its card.

    Parameters
    ----------
    data : LabelledData
        From :func:`read_labelled`.
    name : str
        The model's name (its feature keys are ``model.<name>.<class>``).
    folds, seed : int
        Number of cross-validation folds and the seed of every random choice.
    level : {"sentence", "document"}
        What one training text is; ``framing score`` scores sentence-level
        models sentence by sentence.
    licence, citation : str
        The training data's licence and how to cite it, for the card.
    command : str
        The command that trained the model, recorded so it can be retrained.
    encoder : EncoderSettings, optional
        Also fine-tune a sentence encoder (needs ``framing[finetune]``) and
        fuse its probabilities with the linear model's, ``fusion_weight``
        being its share. Cross-validation then fine-tunes once per fold.
    progress : callable, optional
        Called with a line of progress text (folds, epochs) while training.
    reuse_encoder : Model, optional
        A model trained with an encoder on the same file, seed and folds:
        its encoder and out-of-fold probabilities are kept instead of
        fine-tuning again (minutes instead of most of an hour; no PyTorch
        needed), and its encoder settings are used. For retraining after a
        change to framing's features or lexicons, which the encoder does not see.
    """
    _check_options(level, fusion_weight, with_encoder=encoder is not None or reuse_encoder is not None)
    check_trainable(data, folds=folds)
    reused = _reusable(reuse_encoder, data, folds=folds, seed=seed) if reuse_encoder is not None else None
    if reused is not None:
        encoder = EncoderSettings(**reused["record"]["settings"])
    elif encoder is not None:
        provenance()  # fails at once, before any fold, when PyTorch or the base encoder is missing
    options = {"folds": folds, "seed": seed, "encoder": encoder, "fusion_weight": fusion_weight, "progress": progress}
    metrics: dict[str, Any] = {}
    out_of_fold: dict[str, np.ndarray] = {}
    for kind in ("stratified", "grouped") if data.groups is not None else ("stratified",):
        given = reused["out_of_fold"][kind] if reused is not None else None
        summary, probabilities = _cross_validate(
            data, config, grouped=kind == "grouped", encoder_probabilities=given, **options  # type: ignore[arg-type]
        )
        metrics[kind] = summary | ({"group_column": data.columns["group"]} if kind == "grouped" else {})
        if probabilities is not None:
            out_of_fold[f"encoder.{kind}_probabilities"] = probabilities
    pipeline = build_pipeline(config, seed=seed, classes=len(data.label_counts))
    pipeline.fit(list(data.texts), np.asarray(data.labels, dtype=object))
    card = _training_card(data, config, metrics, seed=seed, folds=folds, command=command,
                          licence=licence, citation=citation)
    model = from_pipeline(pipeline, name=name, level=level, card=card)
    if reused is not None:
        model = with_encoder(
            model, reused["encoder"], fusion_weight=fusion_weight, record=reused["record"], out_of_fold=out_of_fold
        )
    elif encoder is not None:
        if progress:
            progress("fine-tuning the encoder on every row")
        classes = [str(c) for c in model.classes_]
        tuned = fit_encoder(data.texts, data.labels, classes, encoder, seed=seed, progress=progress)
        record = {"settings": encoder.record(), **provenance()}
        model = with_encoder(model, tuned, fusion_weight=fusion_weight, record=record, out_of_fold=out_of_fold)
    return TrainResult(model, metrics)


def _check_options(level: str, fusion_weight: float, *, with_encoder: bool) -> None:
    """Refuse settings that cannot train, before any data is read twice."""
    if level not in ("sentence", "document"):
        raise InputError(f"level must be 'sentence' or 'document', not {level!r}")
    if not 0.0 <= fusion_weight <= 1.0:
        raise InputError(f"fusion weight must be from 0 to 1, not {fusion_weight!r}")
    if with_encoder and level != "sentence":
        raise InputError(
            "an encoder reads at most 128 tokens, a sentence or two: train it on sentences (--level sentence); "
            "a sentence-level model scores an article sentence by sentence"
        )


def _training_card(
    data: LabelledData, config: PipelineConfig, metrics: dict[str, Any], *, seed: int, folds: int,
    command: str, licence: str, citation: str,
) -> dict[str, Any]:
    """The card's record of how the model was trained, on what, under which licence, and how well."""
    return {
        "training": {
            "data": Path(data.source).name,
            "sha256": data.sha256,
            "rows": len(data.texts),
            "dropped_rows": data.dropped,
            "label_counts": data.label_counts,
            "columns": dict(data.columns),
            "groups": len(set(data.groups)) if data.groups is not None else None,
            "seed": seed,
            "folds": folds,
            "config": _config_record(config),
            "command": command,
        },
        "data_licence": {
            "licence": licence,
            "citation": citation,
            "note": "the weights file holds words and character n-grams drawn from the training "
            "texts: share the model under the training data's licence terms",
        },
        "metrics": metrics,
    }


def _reusable(model: Model, data: LabelledData, *, folds: int, seed: int) -> dict[str, Any]:
    """The encoder, its card record and out-of-fold probabilities of ``model``, if they fit ``data``.

    They fit when the model was trained with an encoder on the same file
    (SHA-256), columns, rows, classes, seed and number of folds, so its folds
    are these folds.
    """
    section = model.card["model"].get("encoder")
    training = model.card.get("training", {})
    wanted = {"file checksum": data.sha256, "columns": dict(data.columns), "rows": len(data.texts), "seed": seed,
              "folds": folds, "classes": sorted(data.label_counts)}
    found = {"file checksum": training.get("sha256"), "columns": training.get("columns"), "rows": training.get("rows"),
             "seed": training.get("seed"), "folds": training.get("folds"),
             "classes": [str(c) for c in model.classes_]}
    differ = [key for key in wanted if wanted[key] != found[key]]
    if model.encoder is None or section is None:
        raise InputError(f"model {model.name!r} has no encoder to reuse")
    if differ:
        raise InputError(
            f"model {model.name!r} cannot lend its encoder: it was trained with another "
            f"{', '.join(differ)} ({', '.join(f'{k} {found[k]!r}' for k in differ)}); train with --encoder instead"
        )
    kinds = ("stratified", "grouped") if data.groups is not None else ("stratified",)
    shape = (len(data.texts), len(model.classes_))
    out_of_fold = {kind: model.arrays.get(f"encoder.{kind}_probabilities") for kind in kinds}
    if any(array is None or array.shape != shape for array in out_of_fold.values()):
        raise InputError(
            f"model {model.name!r} does not carry its encoder's out-of-fold probabilities for "
            f"{' and '.join(kinds)} folds; train with --encoder instead"
        )
    record = {key: value for key, value in section.items() if key not in ENCODER_DERIVED_KEYS}
    return {"encoder": model.encoder, "record": record, "out_of_fold": out_of_fold}


def _config_record(config: PipelineConfig) -> dict[str, Any]:
    return {
        "c": config.c,
        "word_ngrams": list(config.word_ngrams),
        "char_ngrams": list(config.char_ngrams),
        "char_analyzer": config.char_analyzer,
        "char_min_df": config.char_min_df,
        "framing_weight": config.framing_weight,
        "families": list(config.families) if config.families is not None else None,
        "class_weight": config.class_weight,
    }


def evaluate(model: Model, data: LabelledData) -> dict[str, Any]:
    """Weighted and macro F1, accuracy and per-class precision/recall of ``model`` on ``data``.

    Raises
    ------
    InputError
        The data has labels the model does not know.
    """
    known = set(model.classes_)
    unknown = sorted(set(data.labels) - known)
    if unknown:
        raise InputError(
            f"{data.source}: labels {', '.join(map(repr, unknown))} are not known to model "
            f"{model.name!r}; it knows {', '.join(map(repr, model.classes_))} "
            "(drop the others with --drop-label)"
        )
    predicted = model.predict(list(data.texts))
    truth = np.asarray(data.labels, dtype=object)
    classes = [str(c) for c in model.classes_]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=classes, zero_division=0
    )
    result: dict[str, Any] = {
        "rows": len(truth),
        **{k: round(v, 4) for k, v in _scores(truth, predicted).items()},
        "per_class": {
            c: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4), "support": int(s)}
            for c, p, r, f, s in zip(classes, precision, recall, f1, support)
        },
    }
    return result
