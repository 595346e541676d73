"""``framing train`` and ``framing evaluate``: parse options, call framing.training, print metrics.

Registered on the app in ``framing/cli.py``. Metrics go to stdout (a short
table, or one JSON document with ``--format json``); progress and the paths
written go to stderr. Expected errors are one line on stderr and exit 1. Labels
and paths come from the user's data, so control characters in them are shown
as visible escapes (:mod:`framing.report.inert`).
"""

from __future__ import annotations

import json
import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from .errors import FramingError
from .io import SCHEMA_VERSION, check_writable, path_text
from .report.inert import visible
from .report.terminal import message_line


class MetricsFormat(str, Enum):
    table = "table"
    json = "json"


class Level(str, Enum):
    sentence = "sentence"
    document = "document"


Data = Annotated[Path, typer.Argument(help="Labelled CSV (, ; or tab separated) or JSONL file.")]
TextColumn = Annotated[str, typer.Option("--text-column", help="Column holding the text.")]
LabelColumn = Annotated[str, typer.Option("--label-column", help="Column holding the label.")]
DropLabel = Annotated[
    list[str] | None, typer.Option("--drop-label", help="Leave out rows with this label (repeatable).")
]
Format = Annotated[MetricsFormat, typer.Option("--format", "-f", help="Output format.")]


def train(
    data: Data,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Model card to write (NAME.json; NAME.npz and any encoder beside it).")
    ],
    text_column: TextColumn = "text",
    label_column: LabelColumn = "label",
    group_column: Annotated[
        str | None,
        typer.Option("--group-column", help="Column of groups (e.g. outlet): also cross-validate with unseen groups."),
    ] = None,
    drop_label: DropLabel = None,
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Seed of every random choice.")] = 0,
    c: Annotated[float, typer.Option("--c", min=1e-6, help="Inverse regularisation of the logistic regression.")] = 4.0,
    level: Annotated[Level, typer.Option("--level", help="What one training text is.")] = Level.sentence,
    data_licence: Annotated[str, typer.Option("--data-licence", help="Licence of the training data, for the card.")] = "unknown",
    data_citation: Annotated[str, typer.Option("--data-citation", help="How to cite the training data.")] = "",
    encoder: Annotated[
        bool,
        typer.Option(
            "--encoder/--no-encoder",
            help="Also fine-tune a sentence encoder (all-MiniLM-L6-v2) and fuse it with the linear model; "
            "needs pip install 'framing[finetune]' and minutes per fold.",
        ),
    ] = False,
    encoder_epochs: Annotated[int, typer.Option("--encoder-epochs", min=1, help="Fine-tuning epochs.")] = 3,
    fusion_weight: Annotated[
        float, typer.Option("--fusion-weight", min=0.0, max=1.0, help="The encoder's share of the fused probability.")
    ] = 0.5,
    reuse_encoder: Annotated[
        str | None,
        typer.Option(
            "--reuse-encoder",
            help="Keep the encoder of this model (path or shipped name), trained on the same file, seed and folds, "
            "instead of fine-tuning again: for retraining after a feature or lexicon change. No PyTorch needed.",
        ),
    ] = None,
    format: Format = MetricsFormat.table,
) -> None:
    """Train a text classifier, print its cross-validated metrics and save it.

    Example:

      framing train ../shared/data/babe/babe_train.csv --text-column text
      --label-column label_bias --group-column outlet --drop-label "No agreement"
      --output models/sentence-bias.json
    """
    from .finetune import EncoderSettings
    from .model import encoder_files, load_encoder_lender
    from .training import PipelineConfig, read_labelled
    from .training import train as train_model

    command = shlex.join(
        ["framing", "train", path_text(data), "--text-column", text_column, "--label-column", label_column]
        + (["--group-column", group_column] if group_column else [])
        + [arg for label in drop_label or () for arg in ("--drop-label", label)]
        + ["--folds", str(folds), "--seed", str(seed), "--c", repr(c), "--level", level.value]
        + (["--encoder", "--encoder-epochs", str(encoder_epochs)] if encoder and not reuse_encoder else [])
        + (["--reuse-encoder", reuse_encoder] if reuse_encoder else [])
        + (["--fusion-weight", repr(fusion_weight)] if encoder or reuse_encoder else [])
        + ["--data-licence", data_licence, "--data-citation", data_citation, "--output", path_text(output)]
    )
    try:
        check_writable(output)  # before minutes of training, not after them
        lender = load_encoder_lender(reuse_encoder) if reuse_encoder else None
        labelled = read_labelled(
            data,
            text_column=text_column,
            label_column=label_column,
            group_column=group_column,
            drop_labels=tuple(drop_label or ()),
        )
        _say(f"training on {len(labelled.texts)} rows of {path_text(data)} ({folds}-fold cross-validation)")
        result = train_model(
            labelled,
            name=output.stem,
            config=PipelineConfig(c=c),
            folds=folds,
            seed=seed,
            level=level.value,
            licence=data_licence,
            citation=data_citation,
            command=command,
            encoder=EncoderSettings(epochs=encoder_epochs) if encoder else None,
            fusion_weight=fusion_weight,
            progress=_say,
            reuse_encoder=lender,
        )
        weights = result.model.save(output)
    except FramingError as error:
        _fail(str(error))
    _print_metrics({"model": path_text(output), "cross_validation": dict(result.metrics)}, format)
    written = [output, weights, *(encoder_files(output).values() if result.model.encoder else ())]
    _say(f"wrote {', '.join(map(path_text, written))}")


def evaluate(
    data: Data,
    model: Annotated[Path, typer.Option("--model", "-m", help="Model card (NAME.json).")],
    text_column: TextColumn = "text",
    label_column: LabelColumn = "label",
    drop_label: DropLabel = None,
    format: Format = MetricsFormat.table,
) -> None:
    """Measure a model on labelled data: weighted F1, accuracy, per-class precision and recall."""
    from .model import load_model
    from .training import evaluate as evaluate_model
    from .training import read_labelled

    try:
        loaded = load_model(model)
        labelled = read_labelled(
            data, text_column=text_column, label_column=label_column, drop_labels=tuple(drop_label or ())
        )
        metrics = evaluate_model(loaded, labelled)
    except FramingError as error:
        _fail(str(error))
    _print_metrics({"model": path_text(model), "data": path_text(data), "evaluation": metrics}, format)


def _print_metrics(document: dict[str, Any], format: MetricsFormat) -> None:
    if format is MetricsFormat.json:
        sys.stdout.write(json.dumps({"schema_version": SCHEMA_VERSION, **document}, indent=2, ensure_ascii=False) + "\n")
        return
    lines = [f"model: {visible(document['model'])}"]
    for section, values in document.items():
        if isinstance(values, dict):
            lines.extend(_metric_lines(section, values))
    sys.stdout.write("\n".join(lines) + "\n")


def _metric_lines(section: str, values: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.extend(_metric_lines(f"{section} {key}", value))
        elif key in ("f1_weighted", "f1_macro", "accuracy", "rows"):
            spread = values.get(f"{key}_std")
            lines.append(f"{visible(section):<36} {key:<12} {value}" + (f" (+/- {spread})" if spread is not None else ""))
        elif key in ("precision", "recall", "f1", "support"):
            lines.append(f"{visible(section):<36} {key:<12} {value}")
    return lines


def _fail(message: str) -> NoReturn:
    _say(f"error: {message}")
    raise typer.Exit(1)


def _say(message: str) -> None:
    typer.echo(message_line(message), err=True)
