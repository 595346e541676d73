"""Model files are data: saved and loaded without pickle, refused when they do not fit."""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest

import framing.model as model_module
from framing.errors import InputError, ModelError
from framing.features import feature_names
from framing.lexicons import versions
from framing.model import Model, from_pipeline, load_model, score_article
from framing.text import build_doc
from framing.training import build_pipeline, read_labelled, train

from .conftest import ROOT, seed_text

SHIPPED = ROOT / "models" / "sentence-bias.json"

LOADED = [
    "The senator's reckless scheme is a disgraceful betrayal of hard-working families.",
    "Critics slammed the outrageous decision as a shameful power grab.",
    "The radical plan would wreck the economy, furious opponents warned.",
    "The mayor's pathetic excuses insult every voter in this city.",
    "Extremist activists hijacked the debate with their hysterical demands.",
    "The corrupt regime's brutal crackdown shocked the world.",
    "His arrogant, bullying style has poisoned the whole party.",
    "The so-called reform is a cynical ploy to enrich billionaire donors.",
]
NEUTRAL = [
    "Officials said the committee will meet on Tuesday to review the budget.",
    "The report was published on Monday and covers the years 2010 to 2015.",
    "The company said it employs about 4,000 people in the region.",
    "The bill passed the Senate by a vote of 52 to 48.",
    "The museum will reopen in March after a two-year renovation.",
    "The central bank kept its main interest rate at 2.5 percent.",
    "Police said the road was closed for three hours after the accident.",
    "The study followed 1,200 patients over a period of five years.",
]
OUTLETS = ["North Daily", "South Post", "East Herald", "West Times"]


def write_tiny_data(directory: Path, *, suffix: str = ".jsonl") -> Path:
    """Sixteen labelled sentences from four outlets, as JSONL or ';'-separated CSV."""
    rows = [
        {"text": text, "label": label, "outlet": OUTLETS[i % 4]}
        for label, texts in (("Loaded", LOADED), ("Neutral", NEUTRAL))
        for i, text in enumerate(texts)
    ]
    path = directory / f"tiny{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        lines = ["text;label;outlet"] + [f"\"{r['text']}\";{r['label']};{r['outlet']}" for r in rows]
        path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    data = read_labelled(write_tiny_data(tmp_path_factory.mktemp("data")), label_column="label", group_column="outlet")
    return train(data, name="tiny", folds=4, seed=0, licence="CC0-1.0", command="framing train tiny.jsonl").model


@pytest.fixture
def saved(tiny_model: Model, tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    tiny_model.save(path)
    return path


def test_loaded_model_predicts_what_the_fitted_pipeline_predicted(tmp_path: Path) -> None:
    texts = LOADED + NEUTRAL
    labels = np.array(["Loaded"] * 8 + ["Neutral"] * 8, dtype=object)
    pipeline = build_pipeline(seed=0).fit(texts, labels)
    path = tmp_path / "m.json"
    from_pipeline(pipeline, name="m", level="sentence", card={}).save(path)
    loaded = load_model(path)
    unseen = [s.text for s in build_doc(seed_text("002")).body[:12]] + ["", "Outrageous!"]
    np.testing.assert_allclose(loaded.predict_proba(unseen), pipeline.predict_proba(unseen), rtol=0, atol=1e-9)
    assert list(loaded.predict(unseen)) == list(pipeline.predict(unseen))
    assert list(loaded.classes_) == ["Loaded", "Neutral"]


def test_card_records_what_the_model_depends_on(tiny_model: Model) -> None:
    card = tiny_model.card
    assert card["format"] == "framing-model"
    assert card["features"]["names"] == list(feature_names())
    assert card["lexicons"] == versions()
    assert set(card["libraries"]) == {"scikit-learn", "numpy", "scipy", "textstat", "vaderSentiment"}
    assert card["model"]["classes"] == ["Loaded", "Neutral"]
    assert card["data_licence"]["licence"] == "CC0-1.0"
    assert card["training"]["label_counts"] == {"Loaded": 8, "Neutral": 8}
    assert card["training"]["groups"] == 4
    assert set(card["metrics"]) == {"stratified", "grouped"}
    assert len(card["weights"]["sha256"]) == 64


def test_saving_is_deterministic(tiny_model: Model, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "tiny.json", tmp_path / "b" / "tiny.json"
    tiny_model.save(first)
    tiny_model.save(second)
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".npz").read_bytes() == second.with_suffix(".npz").read_bytes()


def test_a_model_is_saved_as_json(tiny_model: Model, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"saved as NAME.json"):
        tiny_model.save(tmp_path / "tiny.pkl")


def test_a_bare_string_is_refused(tiny_model: Model) -> None:
    with pytest.raises(InputError, match=r"wrap it in a list"):
        tiny_model.predict("Critics slammed the decision.")


def _edit_card(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    card = json.loads(path.read_text(encoding="utf-8"))
    edit(card)
    path.write_text(json.dumps(card), encoding="utf-8")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"does not exist"):
        load_model(tmp_path / "absent.json")


def test_foreign_json_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "left-pad", "version": "1.3.0"}', encoding="utf-8")
    with pytest.raises(ModelError, match=r'not a framing model: its card has no "format"'):
        load_model(path)


class _Exploit:
    """Unpickling this would create a marker file: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def test_a_pickle_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "model.json"
    path.write_bytes(pickle.dumps(_Exploit(marker)))
    with pytest.raises(ModelError, match=r"not a framing model: it is not JSON"):
        load_model(path)
    assert not marker.exists()


def test_pickled_arrays_in_the_weights_never_run(saved: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    weights = saved.with_suffix(".npz")
    with np.load(weights) as archive:
        arrays = {k: archive[k] for k in archive.files}
    arrays["classifier.coef"] = np.array([_Exploit(marker)], dtype=object)
    np.savez(weights, **arrays)  # np.savez pickles object arrays
    with pytest.raises(ModelError, match=r"corrupted or not a framing weights file"):
        load_model(saved)
    assert not marker.exists()


def test_edited_weights_are_refused(saved: Path) -> None:
    weights = saved.with_suffix(".npz")
    with np.load(weights, allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files}
    arrays["classifier.coef"] = arrays["classifier.coef"] * 1.01
    weights.write_bytes(model_module._npz_bytes(arrays))
    with pytest.raises(ModelError, match=r"do not match the card's checksum"):
        load_model(saved)


def test_edited_card_is_refused(saved: Path) -> None:
    _edit_card(saved, lambda card: card["model"]["classes"].reverse())
    with pytest.raises(ModelError, match=r"do not match the card's checksum"):
        load_model(saved)


def test_truncated_weights_are_refused(saved: Path) -> None:
    weights = saved.with_suffix(".npz")
    weights.write_bytes(weights.read_bytes()[:500])
    with pytest.raises(ModelError, match=r"corrupted or not a framing weights file"):
        load_model(saved)


def test_missing_weights_are_refused(saved: Path) -> None:
    saved.with_suffix(".npz").unlink()
    with pytest.raises(ModelError, match=r"weights file .*tiny.npz' is missing"):
        load_model(saved)


def test_weights_outside_the_models_folder_are_refused(saved: Path) -> None:
    _edit_card(saved, lambda card: card["weights"].update(file="../../etc/passwd"))
    with pytest.raises(ModelError, match=r"must be a file name beside the card"):
        load_model(saved)


def test_a_newer_format_is_refused(saved: Path) -> None:
    _edit_card(saved, lambda card: card.update(format_version=3))
    with pytest.raises(ModelError, match=r"format 3; this framing reads formats 1 and 2"):
        load_model(saved)


def test_other_feature_names_are_refused(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    current = model_module.family_feature_names
    monkeypatch.setattr(
        model_module, "family_feature_names", lambda families: (*current(families), "hedging.rate")
    )
    with pytest.raises(ModelError, match=r"other framing features .*new: hedging.rate\). Retrain it: framing train tiny"):
        load_model(saved)


def test_other_lexicon_versions_are_refused(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "lexicon_versions", lambda: {**versions(), "hedges.v9.tsv": "9"})
    with pytest.raises(ModelError, match=r"other lexicon versions \(hedges.v9.tsv: model absent, code 9\)"):
        load_model(saved)


def test_npz_is_a_plain_zip_of_npy_arrays(saved: Path) -> None:
    with zipfile.ZipFile(saved.with_suffix(".npz")) as archive:
        names = archive.namelist()
    assert names == sorted(names) and all(n.endswith(".npy") for n in names)
    assert "classifier.coef.npy" in names


def test_score_article_averages_sentence_probabilities(tiny_model: Model) -> None:
    text = seed_text("000")
    features, evidence = score_article(tiny_model, text)
    body = build_doc(text).body
    proba = tiny_model.predict_proba([s.text for s in body])
    assert features == pytest.approx(
        {"model.tiny.Loaded": proba[:, 0].mean(), "model.tiny.Neutral": proba[:, 1].mean()}
    )
    assert evidence, "an article with body sentences has evidence"
    position = {s.index: i for i, s in enumerate(body)}
    for item in evidence:
        assert item.family == "model" and item.label in ("Loaded", "Neutral")
        assert text[item.start : item.end] == item.text
        row, column = position[item.sentence], list(tiny_model.classes_).index(item.label)
        assert proba[row].argmax() == column
        assert item.attrs["probability"] == round(float(proba[row, column]), 4)
    for column, label in enumerate(("Loaded", "Neutral")):
        shown = {position[e.sentence] for e in evidence if e.label == label}
        assert len(shown) <= 3
        others = [proba[i, column] for i in range(len(body)) if proba[i].argmax() == column and i not in shown]
        if shown and others:
            assert min(proba[i, column] for i in shown) >= max(others)


def test_score_article_of_an_empty_text_is_zero(tiny_model: Model) -> None:
    assert score_article(tiny_model, "") == ({"model.tiny.Loaded": 0.0, "model.tiny.Neutral": 0.0}, [])


@pytest.mark.skipif(not SHIPPED.is_file(), reason="models/sentence-bias.json has not been trained yet")
def test_shipped_model_loads_and_says_where_it_comes_from() -> None:
    model = load_model(SHIPPED)
    assert list(model.classes_) == ["Biased", "Non-biased"]
    card = model.card
    assert card["data_licence"]["licence"] == "AGPL-3.0"
    assert "Spinde" in card["data_licence"]["citation"]
    assert card["training"]["command"].startswith("framing train ")
    assert card["metrics"]["stratified"]["folds"] == 5
    assert card["metrics"]["grouped"]["group_column"] == "outlet"
    predicted = model.predict([LOADED[0], NEUTRAL[0]])
    assert list(predicted) == ["Biased", "Non-biased"]


def _babe(shared_data: Path):
    """BABE's training sentences as the shipped model was trained on them."""
    return read_labelled(
        shared_data / "babe" / "babe_train.csv",
        text_column="text",
        label_column="label_bias",
        drop_labels=("No agreement",),
    )


def test_shipped_model_on_its_training_file(shared_data: Path) -> None:
    if not SHIPPED.is_file():
        pytest.skip("models/sentence-bias.json has not been trained yet")
    model = load_model(SHIPPED)
    data = _babe(shared_data)
    assert model.card["training"]["sha256"] == data.sha256


def test_three_classes_round_trip(tmp_path: Path) -> None:
    texts = LOADED + NEUTRAL
    labels = np.array(["Insult"] * 4 + ["Alarm"] * 4 + ["Neutral"] * 8, dtype=object)
    pipeline = build_pipeline(seed=0, classes=3).fit(texts, labels)
    path = tmp_path / "three.json"
    from_pipeline(pipeline, name="three", level="document", card={}).save(path)
    loaded = load_model(path)
    unseen = [s.text for s in build_doc(seed_text("003")).body[:8]]
    np.testing.assert_allclose(loaded.predict_proba(unseen), pipeline.predict_proba(unseen), rtol=0, atol=1e-9)
    assert list(loaded.classes_) == ["Alarm", "Insult", "Neutral"]
    features, evidence = score_article(loaded, seed_text("003"))
    assert sorted(features) == ["model.three.Alarm", "model.three.Insult", "model.three.Neutral"]
    assert sum(features.values()) == pytest.approx(1.0) and evidence == []


def test_with_model_adds_features_and_evidence_to_an_analysis(tiny_model: Model) -> None:
    import framing
    from framing.model import with_model

    analysis = framing.analyze(seed_text("001"))
    scored = with_model(analysis, tiny_model)
    features, evidence = score_article(tiny_model, analysis)
    assert dict(scored.features) == {**analysis.features, **features}
    assert scored.evidence_for("model") == tuple(sorted(evidence, key=lambda e: (e.start, e.end, e.family, e.label)))
    assert len(scored.evidence) == len(analysis.evidence) + len(evidence)


def test_shipped_model_accuracy_holds_its_floor(shared_data: Path) -> None:
    """Measured: fused 0.8009 stratified / 0.7821 grouped, linear part 0.7662 / 0.7536 (models/sentence-bias.json).

    Retrained as after a feature or lexicon change (``--reuse-encoder``): the linear
    part is refitted fold by fold with the running code and fused with the encoder's
    out-of-fold probabilities stored with the model. So a change to any family or
    lexicon that loses the shipped model's accuracy fails CI.
    """
    from framing.model import encoder_files, load_encoder_lender
    from framing.training import PipelineConfig

    lender = load_encoder_lender(SHIPPED)
    data = read_labelled(
        shared_data / "babe" / "babe_train.csv", text_column="text", label_column="label_bias",
        group_column="outlet", drop_labels=("No agreement",),
    )
    shipped = lender.card["training"]["config"]
    assert shipped["c"] == PipelineConfig().c and shipped["class_weight"] == PipelineConfig().class_weight
    assert tuple(shipped["word_ngrams"]) == PipelineConfig().word_ngrams
    result = train(data, name="sentence-bias", folds=5, seed=0, reuse_encoder=lender)
    floors = {"stratified": (0.80, 0.76), "grouped": (0.78, 0.75)}
    for kind, (fused_floor, linear_floor) in floors.items():
        metrics = result.metrics[kind]
        assert metrics["f1_weighted"] >= fused_floor
        assert metrics["components"]["linear"]["f1_weighted"] >= linear_floor
        assert metrics["components"]["encoder"] == lender.card["metrics"][kind]["components"]["encoder"]
    assert result.model.encoder is not None and result.model.encoder.graph == encoder_files(SHIPPED)["graph"].read_bytes()


def test_a_lexicon_whose_content_changed_under_the_same_number_is_a_new_version(monkeypatch):
    # "loaded-cues.v1.tsv" grew by three curation passes under version 1: the checksum beside the
    # number is what tells a model trained on the old list from the running code's
    import framing.lexicons as lexicons

    before = lexicons.versions()["loaded-cues.v1.tsv"]
    assert before.startswith("1 (sha256 ")
    edited = {name: dict(meta) for name, meta in lexicons.manifest().items()}
    edited["loaded-cues.v1.tsv"]["sha256"] = "0" * 64
    monkeypatch.setattr(lexicons, "manifest", lambda: edited)
    assert lexicons.versions()["loaded-cues.v1.tsv"] == "1 (sha256 000000000000)" != before
