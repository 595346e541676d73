"""Loaded wording: seeds hand-verified, cue/rule examples, data provenance, accuracy floors."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest

from framing.features import loaded
from framing.lexicons import load_json, load_table
from framing.text import build_doc
from tests.conftest import ROOT, SHARED_DATA, benchmark, seed_text

DATA = ROOT / "framing" / "lexicons" / "data"
EXAMPLES = [json.loads(line) for line in (DATA / "loaded-examples.v1.jsonl").read_text().splitlines()]
RULE_IDS = [r["id"] for r in load_json(loaded.RULES_FILE)["context_rules"]]

# Read by hand in each seed: (label, text, quoted). 000 has lost its quotation
# marks, so its reported speech ("The Motherland awaits you.") counts as narrator.
SEED_CUES = {
    "000": [
        ("dramatising", "whirlwind", False),
        ("intensifier", "most battle-hardened", False),
        ("contested_label", "terrorists", False),
        ("glorifying", "Motherland", False),
        ("glorifying", "martyrs", False),
        ("intensifier", "huge", False),
        ("dramatising", "calamitous", False),
        ("pejorative_label", "regime", False),
    ],
    "001": [
        ("intensifier", "enormous", False),
        ("contested_label", "terrorists", False),
        ("contested_label", "militants", True),
        ("pejorative_label", "regime", False),
    ],
    "002": [
        # the strapline's quoted "motherland" is headline material; the lead's "claiming" comes first
        ("dismissive", "claiming", False),
        ("glorifying", "valour", True),
        ("glorifying", "motherland", True),
        ("dramatising", "teetering on the brink", False),
        ("contested_label", "terrorists", True),
        ("scare_quote", "terrorists", True),
        ("contested_label", "rebels", False),
        ("dramatising", "war-ravaged", False),
        ("glorifying", "motherland", True),
        ("contested_label", "Insurgents", False),
        ("scare_quote", "de-escalation", True),
        ("contested_label", "rebels", False),
    ],
    "003": [
        ("dramatising", "war-torn", False),
        ("glorifying", "heroism", True),
        ("pejorative_label", "regime", False),
        ("dramatising", "crumbling", False),
        ("dramatising", "bitter dispute", False),
        ("dramatising", "bitter dispute", False),
        ("pejorative_label", "strongman", False),
    ],
    "004": [
        ("dramatising", "war-ravished", False),
        ("intensifier", "most lethal", True),
        ("contested_label", "terrorists", True),
        ("dismissive", "claiming", False),
        ("glorifying", "martyrs", True),
        ("scare_quote", "martyrs", True),
        ("emotive_violence", "gassed his own people", False),
        ("intensifier", "massive", False),
        ("pejorative_label", "regime", False),
        ("dismissive", "claiming", False),
    ],
}

SEED_ACTORS = {
    "000": ("Bashar al-Assad", ["President Bashar al-Assad", "Assad", "the Syrian government", "the Assad regime"]),
    "001": ("Bashar al-Assad", ["Bashar al-Assad", "Assad", "Assad\u2019s regime"]),
    "002": ("Bashar al-Assad", ["Syrian President Bashar al-Assad", "Assad's government", "the Assad family", "Assad"]),
    "003": ("Bashar al-Assad", ["President Bashar al-Assad", "Assad", "The Syrian leader", "Assad's forces",
                                "the Syrian regime", "the Syrian strongman"]),
    "004": ("Bashar al-Assad", ["Syrian President Bashar al-Assad", "Assad", "al-Assad\u2019s presidency",
                                "the al-Assad regime"]),
}


def _cue_evidence(doc):
    return [e for e in loaded.extract(doc).evidence if e.label != "actor_reference"]


@pytest.mark.parametrize("seed", sorted(SEED_CUES))
def test_seed_cues_hand_verified(seed: str) -> None:
    doc = build_doc(seed_text(seed))
    found = [(e.label, e.text, e.attrs["quoted"]) for e in _cue_evidence(doc)]
    assert found == SEED_CUES[seed]


@pytest.mark.parametrize("seed", sorted(SEED_ACTORS))
def test_seed_actor_labels(seed: str) -> None:
    actor, references = SEED_ACTORS[seed]
    labels = loaded.actor_labels(build_doc(seed_text(seed)))
    assert labels[actor] == references
    assert "Vladimir Putin" in labels or "Putin" in labels


def test_actor_reference_evidence_marks_loaded_labels() -> None:
    doc = build_doc(seed_text("003"))
    refs = [e for e in loaded.extract(doc).evidence if e.label == "actor_reference"]
    loaded_refs = {e.text for e in refs if e.attrs["loaded"]}
    assert loaded_refs == {"the Syrian regime", "the Syrian strongman"}
    assert all(e.attrs["actor"] for e in refs)
    assert loaded.extract(doc).features["loaded.count"] == len(SEED_CUES["003"])


def _locate(example: dict) -> tuple[object, int, int]:
    """The Doc of an example and the character span its ``find`` phrase names."""
    kind, _, rest = example["source"].partition(":")
    if kind == "seed":
        text, base = seed_text(rest), 0
    elif kind == "ptc":
        if not SHARED_DATA.is_dir():
            pytest.skip("../shared/data is not present")
        article, line = rest.split(":")
        text = (SHARED_DATA / "ptc_semeval2020" / "train-articles" / f"article{article}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        base = sum(len(x) + 1 for x in lines[: int(line)])
    else:
        if not SHARED_DATA.is_dir():
            pytest.skip("../shared/data is not present")
        text = list(benchmark("eval_loaded")._babe_sentences(SHARED_DATA))[int(rest)][0]
        base = 0
    start = text.index(example["find"], base)
    return build_doc(text), start, start + len(example["find"])


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['target']}-{e['fire']}-{e['cue']}" for e in EXAMPLES])
def test_examples_fire_or_not(example: dict) -> None:
    doc, start, end = _locate(example)
    hits = [
        e for e in _cue_evidence(doc)
        if e.attrs["cue"] == example["cue"] and e.start < end and start < e.end
    ]
    assert bool(hits) == example["fire"]
    if hits and example["target"] in loaded.CATEGORIES:
        assert hits[0].label == example["target"]


@pytest.mark.parametrize("target", [*loaded.CATEGORIES, *RULE_IDS, "scare_quote"])
def test_every_category_and_rule_has_examples(target: str) -> None:
    fires = {e["fire"] for e in EXAMPLES if e["target"] == target}
    assert fires == {True, False}


def test_lexicon_categories_are_known() -> None:
    rows = load_table(loaded.CUES_FILE)
    assert {r["category"] for r in rows} == set(loaded.CATEGORIES)
    assert all(r["provenance"] for r in rows)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("loaded-*") if not p.name.endswith(".meta.json")))
def test_data_files_have_matching_sidecars(name: str) -> None:
    meta = json.loads((DATA / (name.rsplit(".", 1)[0] + ".meta.json")).read_text())
    body = (DATA / name).read_bytes()
    assert meta["file"] == name
    assert meta["sha256"] == hashlib.sha256(body).hexdigest()
    for key in ("version", "source", "licence", "date", "curation", "entries"):
        assert meta[key]


def test_spans_slice_original_text_and_features_finite() -> None:
    for seed in SEED_CUES:
        doc = build_doc(seed_text(seed))
        result = loaded.extract(doc)
        assert set(result.features) == set(loaded.FEATURE_NAMES)
        assert all(math.isfinite(v) for v in result.features.values())
        for e in result.evidence:
            assert doc.text[e.start : e.end] == e.text
            assert isinstance(e.attrs["quoted"], bool)


@pytest.mark.parametrize("text", ["", "   \n  ", "Syria"])
def test_empty_and_one_word_text_give_zeros(text: str) -> None:
    result = loaded.extract(build_doc(text))
    assert all(v == 0.0 for v in result.features.values())
    assert loaded.actor_labels(build_doc(text)) == {}


def test_narrator_rate_excludes_quoted_cues() -> None:
    features = loaded.extract(build_doc(seed_text("004"))).features
    assert features["loaded.quoted_count"] == 3
    assert features["loaded.count"] == 9
    words = build_doc(seed_text("004")).body_words()
    assert features["loaded.narrator_per_1000_words"] == pytest.approx(1000 * 6 / words)


# Measured 2026-11-21 after the third curation pass (held-out: PTC 0.330,
# PTC with labels as labelling 0.315, BABE 0.424; train 0.411 / 0.392 / 0.442);
# floors sit just under.
FLOORS = {
    "ptc.train.f1": 0.40, "ptc.heldout.f1": 0.32,
    "ptc_labelling.train.f1": 0.38, "ptc_labelling.heldout.f1": 0.31,
    "babe.train.f1": 0.43, "babe.heldout.f1": 0.42,
}
# Precision floors, so recall is not bought with noise (PTC's is low mostly
# because it files labels under Name_Calling; see the ptc_labelling row).
PRECISION_FLOORS = {"ptc.heldout.precision": 0.29, "babe.heldout.precision": 0.57}


def test_accuracy_floors(shared_data: Path) -> None:
    results = benchmark("eval_loaded").evaluate(shared_data)
    for key, floor in {**FLOORS, **PRECISION_FLOORS}.items():
        assert results[key] >= floor, (key, results[key])


def test_ptc_groups_add_up_to_the_ptc_measure(shared_data: Path) -> None:
    # the by-category table (eval_loaded.py --groups) counts the same cues as the PTC row: on the held-out
    # part the lexicon's 0.302 precision is its categories' right cues over their cues
    module = benchmark("eval_loaded")
    groups, without_labels = module.ptc_groups(shared_data, None, "heldout")
    right, predicted = (sum(v[i] for v in groups.values()) for i in (0, 1))
    ptc = module.evaluate_ptc(shared_data, None, ("heldout",))
    assert right / predicted == pytest.approx(ptc["ptc.heldout.precision"])
    assert round(ptc["ptc.heldout.precision"], 3) == 0.302
    # leaving the Name_Calling labels out removes their cues, so what remains is at least as precise
    assert "pejorative_label" in groups and without_labels[0] > right / predicted


def test_a_label_in_indirect_speech_is_the_reporters_word():
    # Business Recorder (seed 003): Peskov never called Assad a strongman; the paraphrase is the
    # reporter's wording. The Kremlin statement's quoted "heroism" is the speaker's.
    from tests.conftest import seed_text

    result = loaded.extract(build_doc(seed_text("003")))
    voice = {e.text: e.attrs["voice"] for e in result.evidence if "voice" in e.attrs}
    assert voice["strongman"] == "reporter"
    assert voice["heroism"] == "quoted"
    # seven cues (war-torn, heroism, regime, crumbling, bitter dispute twice, strongman): only heroism is quoted
    assert (result.features["loaded.count"], result.features["loaded.quoted_count"]) == (7, 1)


def test_actor_names_are_the_recognisers(shared_data) -> None:
    # PolNeAR, Breitbart 2016-02-20: "Despite Ted Cruz's shortcoming", "Rival Hillary Clinton's campaign";
    # Hillary Clinton is named in full 19 times, "former President Bill Clinton" once
    path = shared_data / "polnear" / "train" / "text" / "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt"
    labels = loaded.actor_labels(build_doc(path.read_text(encoding="utf-8")))
    assert labels["Hillary Clinton"] == ["Hillary Clinton", "Clinton"]
    assert labels["Ted Cruz"] == ["Ted Cruz", "Cruz", "Sen. Ted Cruz", "Sen. Cruz"]
    # "Sanders said ..." opening a sentence, which the recogniser can miss, still names him
    assert labels["Bernie Sanders"] == ["Bernie Sanders", "Sanders", "Sen. Bernie Sanders"]
    assert not any(actor.split()[0] in {"Despite", "Rival"} for actor in labels)
