"""Reading labelled data, training, cross-validation, evaluation, and the two commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.errors import InputError
from framing.model import load_model
from framing.training import check_trainable, cross_validate, evaluate, read_labelled, train

from .test_model import LOADED, NEUTRAL, write_tiny_data

runner = CliRunner()


def test_csv_with_bom_and_semicolons_reads_like_jsonl(tmp_path: Path) -> None:
    from_csv = read_labelled(write_tiny_data(tmp_path, suffix=".csv"), label_column="label", group_column="outlet")
    from_jsonl = read_labelled(write_tiny_data(tmp_path), label_column="label", group_column="outlet")
    assert from_csv.texts == from_jsonl.texts == tuple(LOADED + NEUTRAL)
    assert from_csv.labels == from_jsonl.labels
    assert from_csv.groups == from_jsonl.groups
    assert from_csv.label_counts == {"Loaded": 8, "Neutral": 8}
    assert from_csv.sha256 != from_jsonl.sha256


def test_csv_written_by_pythons_csv_module_keeps_doubled_quotes(tmp_path: Path) -> None:
    # BABE row 3, quoted speech inside the text: the writer doubles each quotation mark in a quoted
    # field; the header alone (no quotes in it) must not make the reader forget that convention
    import csv

    sentence = ('"We have one beautiful law," Trump recently said in his characteristically bizarre syntax '
                'and diction, repeating the word "beautiful."')
    path = tmp_path / "written.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerows([["text", "label"], [sentence, "Biased"], ["The bill passed, 52 to 48.", "Non-biased"]])
    data = read_labelled(path, label_column="label")
    assert data.texts == (sentence, "The bill passed, 52 to 48.")
    assert data.labels == ("Biased", "Non-biased")


def test_babe_reads_with_the_documented_columns(shared_data: Path) -> None:
    data = read_labelled(
        shared_data / "babe" / "babe_train.csv",
        text_column="text",
        label_column="label_bias",
        group_column="outlet",
        drop_labels=("No agreement",),
    )
    # Counts from SOURCE.txt and checked with csv.DictReader: 1,440 Biased, 1,499 Non-biased, 10 outlets.
    assert data.label_counts == {"Biased": 1440, "Non-biased": 1499}
    assert data.groups is not None and len(set(data.groups)) == 10


def test_dropped_labels_are_counted(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label", drop_labels=("Neutral",))
    assert data.labels == ("Loaded",) * 8 and data.dropped == 8


def test_missing_column_lists_the_columns(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"tiny.jsonl:1: no column 'label_bias'; the columns are 'label', 'outlet', 'text'"):
        read_labelled(write_tiny_data(tmp_path), label_column="label_bias")


def test_empty_text_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("text,label\nThe bill passed.,Neutral\n  ,Loaded\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gaps.csv:3: empty 'text'; fill it in or remove the row"):
        read_labelled(path, label_column="label")


def test_not_json_lines_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "a", "label": "x"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.jsonl:2: not valid JSON"):
        read_labelled(path, label_column="label")


def test_one_class_only_is_refused(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label", drop_labels=("Neutral",))
    with pytest.raises(InputError, match=r"every row has the label 'Loaded'; a classifier needs at least two"):
        check_trainable(data, folds=5)


def test_too_few_rows_are_refused(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label")
    with pytest.raises(InputError, match=r"too few rows for 10-fold .*'Loaded' \(8\), 'Neutral' \(8\)"):
        check_trainable(data, folds=10)


def test_too_few_groups_are_refused(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label", group_column="outlet")
    with pytest.raises(InputError, match=r"only 4 distinct groups in column 'outlet'"):
        check_trainable(data, folds=5)


def test_training_is_deterministic(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label")
    first = train(data, name="a", folds=4, seed=3)
    second = train(data, name="a", folds=4, seed=3)
    assert first.metrics == second.metrics
    assert first.model.card["weights"]["sha256"] == second.model.card["weights"]["sha256"]
    assert "grouped" not in first.metrics


def test_grouped_folds_never_share_a_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.training as training

    data = read_labelled(write_tiny_data(tmp_path), label_column="label", group_column="outlet")
    seen: list[tuple[set[str], set[str]]] = []
    real = training.build_pipeline

    class Recording:
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.pipeline = real(*args, **kwargs)

        def fit(self, texts, labels):  # type: ignore[no-untyped-def]
            self.train_groups = {data.groups[data.texts.index(t)] for t in texts}
            self.pipeline.fit(texts, labels)
            return self

        @property
        def classes_(self):  # type: ignore[no-untyped-def]
            return self.pipeline.classes_

        def predict_proba(self, texts):  # type: ignore[no-untyped-def]
            seen.append((self.train_groups, {data.groups[data.texts.index(t)] for t in texts}))
            return self.pipeline.predict_proba(texts)

    monkeypatch.setattr(training, "build_pipeline", Recording)
    summary = cross_validate(data, folds=4, grouped=True)
    assert summary["kind"] == "grouped" and len(seen) == 4
    assert all(not (train_groups & test_groups) for train_groups, test_groups in seen)


def test_evaluate_refuses_unknown_labels(tmp_path: Path) -> None:
    data = read_labelled(write_tiny_data(tmp_path), label_column="label")
    model = train(data, name="tiny", folds=4).model
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"text": LOADED[0], "label": "Propaganda"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"labels 'Propaganda' are not known to model 'tiny'; it knows 'Loaded', 'Neutral'"):
        evaluate(model, read_labelled(other, label_column="label"))
    metrics = evaluate(model, data)
    # Its own training data: every sentence comes back with its label.
    assert metrics["accuracy"] == 1.0 and metrics["per_class"]["Loaded"]["support"] == 8


def test_train_and_evaluate_commands(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path)
    output = tmp_path / "models" / "tiny.json"
    output.parent.mkdir()  # train makes no folder: a mistyped path is an error before the training
    result = runner.invoke(
        app,
        ["train", str(data), "--label-column", "label", "--group-column", "outlet", "--folds", "4",
         "--output", str(output), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert set(report["cross_validation"]) == {"stratified", "grouped"}
    card = load_model(output).card
    assert card["training"]["command"].startswith(f"framing train {data} --text-column text --label-column label")
    result = runner.invoke(app, ["evaluate", str(data), "--model", str(output), "--label-column", "label"])
    assert result.exit_code == 0, result.output
    assert "evaluation" in result.stdout and "f1_weighted" in result.stdout


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing-column", "no column 'label_bias'"),
        ("foreign-model", "is not a framing model"),
    ],
)
def test_command_errors_are_one_line_without_traceback(tmp_path: Path, setup: str, message: str) -> None:
    data = write_tiny_data(tmp_path)
    if setup == "missing-column":
        args = ["train", str(data), "--label-column", "label_bias", "--output", str(tmp_path / "m.json")]
    else:
        foreign = tmp_path / "m.json"
        foreign.write_text("[1, 2, 3]", encoding="utf-8")
        args = ["evaluate", str(data), "--model", str(foreign), "--label-column", "label"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m.npz").exists()


def test_an_unknown_base_encoder_is_refused_by_name() -> None:
    from framing.errors import FramingError
    from framing.finetune import BASES, base_encoder

    with pytest.raises(FramingError, match="unknown base encoder 'bert-base'.*all-MiniLM-L6-v2.*all-mpnet-base-v2"):
        base_encoder("bert-base")
    assert set(BASES) == {"all-MiniLM-L6-v2", "all-mpnet-base-v2"}


def test_a_missing_base_names_the_extra_that_installs_it() -> None:
    from importlib import metadata, util

    from framing.errors import FramingError
    from framing.finetune import MPNET, base_encoder

    try:
        if util.find_spec("torch") and all(metadata.distribution(p) for p in MPNET.packages):
            pytest.skip("PyTorch and all-mpnet-base-v2's parts are installed")
    except metadata.PackageNotFoundError:
        pass
    with pytest.raises(FramingError, match=r"pip install 'framing\[finetune-mpnet\]'"):
        base_encoder("all-mpnet-base-v2")
