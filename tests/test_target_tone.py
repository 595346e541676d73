"""Target-dependent tone: real news sentences, the context it reads, its card, and its held-out floor."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.errors import InputError, ModelError
from framing.target_tone import (
    CLASSES,
    TargetToneModel,
    load_target_tone,
    model_input,
    shipped_card_path,
    shipped_target_tone,
    target_tone,
    target_tones,
)
from framing.text import build_doc

from .conftest import ROOT, benchmark, seed_text
from .tone_sentences import READ_SENTENCES
from .tone_sentences import mention_span as _mention

CARD = shipped_card_path()

@pytest.mark.parametrize(("sentence", "mention", "expected"), READ_SENTENCES,
                         ids=[f"{m}-{e}" for _, m, e in READ_SENTENCES])
def test_tone_toward_a_mention_in_real_news(sentence: str, mention: str, expected: str, no_network) -> None:
    tone = target_tone(sentence, *_mention(sentence, mention))
    assert tone.label == expected, tone


@pytest.mark.parametrize(("sentence", "mention", "expected"), READ_SENTENCES)
def test_label_and_score_agree(sentence: str, mention: str, expected: str) -> None:
    tone = target_tone(sentence, *_mention(sentence, mention))
    negative, _, positive = tone.probabilities
    assert abs(sum(tone.probabilities) - 1) < 1e-3 and -1 <= tone.score <= 1
    assert tone.score == pytest.approx(positive - negative)
    assert tone.label == CLASSES[tone.probabilities.index(max(tone.probabilities))]
    assert {"negative": tone.score <= 0, "positive": tone.score >= 0}.get(tone.label, True)


def test_a_mention_in_an_article_is_read_in_its_sentence() -> None:
    text = seed_text("000")
    sentence = "Washington was skeptical about Putin s statement."
    start = text.index(sentence)
    in_article = target_tone(text, start + 31, start + 36)
    alone = target_tone(sentence, 31, 36)
    assert text[in_article.start : in_article.end] == "Putin"
    assert text[in_article.context_start : in_article.context_end] == sentence
    assert (in_article.label, in_article.probabilities) == (alone.label, alone.probabilities)


def test_the_batch_form_reads_each_mention_as_the_single_form_does() -> None:
    text = seed_text("000")
    doc = build_doc(text)
    mentions = [(m, m + 5) for m in (text.index("Putin"), text.index("Putin s statement"))]
    batch = target_tones(doc, mentions)
    assert [(t.start, t.end) for t in batch] == mentions
    assert batch == [target_tone(text, s, e) for s, e in mentions]
    assert target_tones(doc, []) == []


def test_a_given_context_is_what_the_model_reads() -> None:
    text = "Washington was skeptical about Putin s statement. Moscow thanked its allies."
    whole = target_tone(text, 31, 36, context=(0, len(text)))
    assert (whole.context_start, whole.context_end) == (0, len(text))
    assert model_input(text, 31, 36, 0, len(text), "markers") == (
        "Washington was skeptical about [[Putin]] s statement. Moscow thanked its allies.")
    assert model_input(text, 31, 36, 0, 49, "pair") == "Putin [SEP] Washington was skeptical about [[Putin]] s statement."


def test_the_context_s_own_ends_are_never_cut_as_if_inside_a_word() -> None:
    # the sentence inside its quotation marks: the characters just outside the context are no spaces
    text = '"Washington was skeptical about Putin s statement."'
    assert model_input(text, 32, 37, 1, len(text) - 1, "markers") == (
        "Washington was skeptical about [[Putin]] s statement.")
    sentence = text[1:-1]
    assert model_input(text, 32, 37, 1, len(text) - 1, "pair") == model_input(sentence, 31, 36, 0, len(sentence), "pair")


def test_a_long_context_is_cut_at_spaces_around_the_mention() -> None:
    words = " ".join(["word"] * 200)
    text = f"{words} Putin {words}"
    start = len(words) + 1
    read = model_input(text, start, start + 5, 0, len(text), "markers")
    assert "[[Putin]]" in read and read.startswith("word ") and read.endswith(" word")
    assert len(read) <= 2 * 300 + 9


@pytest.mark.parametrize(("start", "end", "context"), [(5, 5, None), (-1, 3, None), (0, 999, None),
                                                       (2, 4, (3, 10))])
def test_bad_offsets_are_an_input_error(start: int, end: int, context: tuple[int, int] | None) -> None:
    with pytest.raises(InputError, match="mention|context"):
        target_tone("Putin spoke.", start, end, context=context)


# -- the card and its files --------------------------------------------------------------------


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    for name in ("target-tone.json", *json.loads(CARD.read_text(encoding="utf-8"))["files"].values()):
        shutil.copy(CARD.with_name(name), tmp_path / name)
    return tmp_path / "target-tone.json"


def test_shipped_card_records_data_split_settings_and_figures() -> None:
    model, card = load_target_tone(CARD)
    training = card["training"]
    assert isinstance(model, TargetToneModel) and model.input_format == card["input"]["format"]
    assert training["base"] == "all-MiniLM-L6-v2" and training["seed"] == 0
    assert training["data_sha256"] == "92820b47b8849af45068bd06d3bdb66184f95feb7ae4070d0b52133820527254"
    assert "held-out articles never read" in training["data"] and "newsmtsc-heldout" in training["heldout"]
    assert "MIT" in training["data_licence"] and "Hamborg" in training["data_citation"]
    assert set(card["metrics"]) >= {"heldout", "heldout_vader_floor"}


@pytest.mark.parametrize(("file", "key"), [("target-tone.onnx", "graph"), ("target-tone.1.onnx", "graph.1")],
                         ids=["graph", "member graph"])
def test_a_tampered_graph_is_refused(copied: Path, file: str, key: str) -> None:
    graph = copied.with_name(file)
    data = bytearray(graph.read_bytes())
    data[len(data) // 2] ^= 0xFF
    graph.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=rf"{re.escape(key)} file does not match the card's checksum"):
        load_target_tone(copied)


def test_a_card_with_another_input_is_refused(copied: Path) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["input"]["open"] = "<t>"
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="reads its input as"):
        load_target_tone(copied)


def test_a_card_with_other_classes_is_refused(copied: Path) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["classes"] = ["negative", "positive"]
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="classes"):
        load_target_tone(copied)


def test_the_shipped_model_is_the_mean_of_its_two_members() -> None:
    """The pair model and the markers model, read apart and joined: the joined probabilities are their mean."""
    model, card = load_target_tone(CARD)
    assert (model.input_format, [m.input_format for m in model.members]) == ("pair", ["markers"])
    assert [t["input"] for t in card["members_training"]] == ["pair", "markers"]
    pair, markers = TargetToneModel(model.classifier, "pair"), model.members[0]
    sentence = "Washington was skeptical about Putin s statement."
    mention = [(31, 36, 0, len(sentence))]
    (alone_pair,), (alone_markers,), (joined,) = (m.read(sentence, mention) for m in (pair, markers, model))
    expected = [(p + q) / 2 for p, q in zip(alone_pair.probabilities, alone_markers.probabilities)]
    assert joined.probabilities == pytest.approx(expected, abs=1e-6)
    assert alone_pair.probabilities != pytest.approx(alone_markers.probabilities, abs=1e-3)  # two real readings


@pytest.mark.parametrize("members", [
    [{"input": "markers", "graph": "graph"}],  # the main graph again
    [{"input": "markers", "graph": "graph.9"}],  # no file of the card
    [{"input": "markers", "graph": "graph.1"}, {"input": "pair", "graph": "graph.1"}],  # one graph twice
    [],  # graph.1 left unread
    [{"input": "markers", "graph": ["graph.1"]}],  # not a file key
])
def test_members_must_each_read_a_graph_of_their_own(copied: Path, members: list[object]) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["members"] = members
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="each member names an input"):
        load_target_tone(copied)


def test_a_version_1_card_of_one_graph_still_loads(copied: Path) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    card["format_version"] = 1
    del card["members"], card["files"]["graph.1"], card["sha256"]["graph.1"]
    copied.write_text(json.dumps(card), encoding="utf-8")
    copied.with_name("target-tone.1.onnx").unlink()
    model, _ = load_target_tone(copied)
    assert model.input_format == "pair" and model.members == ()


def test_a_member_cannot_have_members_of_its_own() -> None:
    model = shipped_target_tone()
    with pytest.raises(ValueError, match="members of its own"):
        TargetToneModel(model.classifier, "pair", members=(model,))


def test_the_model_is_loaded_once() -> None:
    assert shipped_target_tone() is shipped_target_tone()


def test_import_framing_does_not_load_onnxruntime() -> None:
    probe = "import sys, framing; framing.target_tone; print('onnxruntime' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    assert "target_tone" in framing.__all__ and "target_tones" in framing.__all__


# -- held-out figure ---------------------------------------------------------------------------


def test_heldout_macro_f1_stays_above_its_floor(shared_data: Path) -> None:
    evaluation = benchmark("eval_target_tone")
    rows = evaluation.part(shared_data, "heldout")
    assert len(rows) == 1321 and len({r.article for r in rows}) == 846
    model = shipped_target_tone()
    measured = evaluation.evaluate(rows, lambda r: evaluation.model_labels(model, r))
    assert measured["macro_f1"] >= MACRO_F1_FLOOR
    vader = evaluation.evaluate(rows, lambda r: [evaluation.vader_label(row.sentence) for row in r])
    assert vader["macro_f1"] < measured["macro_f1"] - 0.1


def test_the_heldout_part_is_chosen_by_article(shared_data: Path) -> None:
    evaluation = benchmark("eval_target_tone")
    heldout = {r.article for r in evaluation.part(shared_data, "heldout")}
    tuning = {r.article for r in evaluation.part(shared_data, "tune")}
    dev = {r.article for r in evaluation.part(shared_data, "dev")}
    assert heldout and tuning and not heldout & tuning and dev < tuning
    assert evaluation.article_of("polusa_v1_115912256_-1_4_x_22_27") == "polusa_v1_115912256"
    assert evaluation.article_of("allsides_1000_401_25_Reality Leigh Winner_0_6") == "allsides_1000"


MACRO_F1_FLOOR = 0.755  # measured once: 0.7662 (docs/target-tone.md)
