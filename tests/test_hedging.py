"""The hedging family: contract, lexicon data, rule examples, seeds and accuracy."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import xml.etree.ElementTree as ET
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from framing.features import feature_names, families, hedging
from framing.lexicons import load_table
from framing.text import build_doc
from framing.types import Evidence

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def seed_text(prefix: str) -> str:
    """A seed's text; local so the module imports whether ``tests`` is a package or not."""
    (path,) = sorted((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


EXAMPLES_FILE = "hedging-examples.v1.jsonl"
SOURCES = {"hyland2005", "islam2020", "columbia2014", "conll2010", "issue3-news"}


def _data(name: str) -> bytes:
    return resources.files("framing.lexicons.data").joinpath(name).read_bytes()


def _examples() -> list[dict[str, object]]:
    lines = _data(EXAMPLES_FILE).decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# -- contract ----------------------------------------------------------------


def test_registered_and_feature_names_listed_once() -> None:
    assert families()["hedging"] is hedging
    assert len(set(hedging.FEATURE_NAMES)) == len(hedging.FEATURE_NAMES)
    assert all(n.startswith("hedging.") for n in hedging.FEATURE_NAMES)
    assert set(hedging.FEATURE_NAMES) <= set(feature_names())


@pytest.mark.parametrize(("text", "cues"), [("", 0), ("   \n", 0), ("Maybe", 1), ("May.", 0), ("about 300", 0)])
def test_empty_or_tiny_text_gives_finite_counts(text: str, cues: int) -> None:
    # a one-word text is the article's prose: "Maybe" is a hedge, "May." the month
    result = hedging.extract(build_doc(text))
    assert set(result.features) == set(hedging.FEATURE_NAMES)
    assert all(math.isfinite(v) for v in result.features.values())
    assert result.features["hedging.cues"] == cues


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_evidence_slices_original_text(prefix: str) -> None:
    doc = build_doc(seed_text(prefix))
    result = hedging.extract(doc)
    assert set(result.features) == set(hedging.FEATURE_NAMES)
    assert all(math.isfinite(v) and v >= 0 for v in result.features.values())
    body = {s.index for s in doc.body}
    for e in result.evidence:
        assert doc.text[e.start : e.end] == e.text
        assert e.family == "hedging" and e.sentence in body
        assert isinstance(e.attrs["quoted"], bool) and e.attrs["cue"]
        json.dumps(dict(e.attrs))
    hedges = [e for e in result.evidence if e.label != hedging.APPROXIMATOR]
    f = result.features
    assert f["hedging.cues"] == len(hedges)
    assert f["hedging.narrator_cues"] + f["hedging.quoted_cues"] == f["hedging.cues"]
    assert sum(f[f"hedging.{c}"] for c in hedging.CATEGORIES) == f["hedging.cues"]
    assert f["hedging.approximators"] == len(result.evidence) - len(hedges)


# -- the lexicon as data ------------------------------------------------------


def test_lexicon_rows_have_known_category_rule_and_source() -> None:
    rows = load_table(hedging.LEXICON)
    assert rows
    for row in rows:
        assert row["category"] in (*hedging.CATEGORIES, hedging.APPROXIMATOR), row
        assert row["rule"] == "" or row["rule"] in hedging.RULES, row
        assert set(row["source"].split(";")) <= SOURCES, row
    used = {row["rule"] for row in rows} - {""}
    assert used == set(hedging.RULES)  # no rule without a cue, no cue naming a missing rule


@pytest.mark.parametrize("name", [hedging.LEXICON, EXAMPLES_FILE])
def test_sidecar_matches_data_file(name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    meta = json.loads(_data(f"{stem}.meta.json"))
    raw = _data(name)
    assert meta["file"] == name and meta["date"] == "2026-11-21"
    assert meta["sha256"] == hashlib.sha256(raw).hexdigest()
    lines = [x for x in raw.decode("utf-8").splitlines() if x.strip() and not x.startswith("#")]
    header = 1 if name.endswith(".tsv") else 0
    assert meta["entries"] == len(lines) - header
    assert meta["source"] and meta["licence"] and meta["curation"]


def test_expand_pattern_syntax() -> None:
    assert list(hedging.expand("may|might well, not clear")) == [
        "may well", "might well", "not clear"]


# -- every category and rule ships sentences that must fire and must not ------


def test_every_category_and_rule_has_fire_and_no_fire_examples() -> None:
    have = {(e["target"], e["fires"]) for e in _examples()}
    targets = [f"category:{c}" for c in (*hedging.CATEGORIES, hedging.APPROXIMATOR)]
    targets += [f"rule:{r}" for r in hedging.RULES]
    missing = [(t, f) for t in targets for f in (True, False) if (t, f) not in have]
    assert not missing


@cache
def _conll_sentences(name: str) -> tuple[str, ...]:
    root = ET.parse(SHARED_DATA / "conll2010_hedge" / name).getroot()
    return tuple("".join(s.itertext()) for s in root.iter("sentence"))


def _context(where: str, find: str) -> str:
    """The real text an example points at: a seed, a PTC line or a CoNLL sentence."""
    kind, _, name = where.partition(":")
    if kind == "seed":
        return seed_text(name)
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    if kind == "ptc":
        path = SHARED_DATA / "ptc_semeval2020" / "train-articles" / name
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        lines = list(_conll_sentences(name))
    (line,) = [x for x in lines if find in x]
    return line


def _overlapping(evidence: tuple[Evidence, ...], start: int, end: int) -> list[Evidence]:
    return [e for e in evidence if e.start < end and start < e.end]


@pytest.mark.parametrize(
    "example", _examples(), ids=lambda e: f"{e['target']}-{e['fires']}-{e['cue']}"
)
def test_rule_and_category_examples(example: dict[str, object]) -> None:
    find, cue = str(example["find"]), str(example["cue"])
    doc = build_doc(_context(str(example["where"]), find))
    start = doc.text.index(find) + find.index(cue)
    hits = _overlapping(hedging.find_cues(doc, doc.sentences), start, start + len(cue))
    kind, _, name = str(example["target"]).partition(":")
    if not example["fires"]:
        assert hits == [], hits
        return
    assert len(hits) == 1, hits
    if kind == "rule":
        assert hits[0].attrs["rule"] == name
    else:
        assert hits[0].label == name


# -- hand-verified seeds -------------------------------------------------------

# Every cue found in the five seeds, read in context: (label, text, quoted).
SEED_CUES: dict[str, list[tuple[str, str, bool]]] = {
    "000": [
        ("approximator", "just over", False),   # In just over two years
        ("modal", "could", False),              # the Russian force could now return home
        ("adjective", "possible", False),       # destroy any possible Islamic State comeback
        ("modal", "may", False),                # withdrawal may not make a huge difference
        ("approximator", "less than", False),   # less than 50 Russian service personnel
        ("epistemic_verb", "estimated", False),  # is estimated to be much higher
        ("modal", "may", False),                # moment in Syria may help Putin
        ("modal", "might", False),              # while Russia might be drawing down
        ("modal", "might", False),              # less significant than they might have appeared
        ("weasel", "declined to be named", False),  # one European diplomat who declined to be named
        ("noun", "suspicion", False),           # the suspicion will be that
        ("modal", "may", False),                # this announcement may have more to do
    ],
    "001": [
        ("epistemic_verb", "believe", True),    # "I believe that the task ... fulfilled"
        ("modal", "would", False),              # would be able quickly to re-equip if it felt
        ("epistemic_verb", "believes", False),  # a sign that Russia believes it has done enough
        ("weasel", "sources said", False),      # Syrian opposition sources said
        ("weasel", "sources suggested", False),  # Diplomatic sources suggested
        ("adjective", "likely", False),         # how serious the Russian withdrawal is likely to be
    ],
    "002": [
        ("approximator", "about", False),       # about 300 kilometres northwest of Damascus
    ],
    "003": [
        ("epistemic_verb", "appears", False),   # the surprise move that appears to end
        ("approximator", "some", False),        # some 150,000 people living under siege
        ("approximator", "more than", False),   # killed more than 270,000 people
    ],
    "004": [],
}


@pytest.mark.parametrize("prefix", sorted(SEED_CUES))
def test_seed_cues_hand_verified(prefix: str) -> None:
    result = hedging.extract(build_doc(seed_text(prefix)))
    found = [(e.label, e.text, e.attrs["quoted"]) for e in result.evidence]
    assert found == SEED_CUES[prefix]


def test_seed_000_features() -> None:
    f = hedging.extract(build_doc(seed_text("000"))).features
    assert f["hedging.cues"] == 10 and f["hedging.approximators"] == 2
    assert f["hedging.modal"] == 6 and f["hedging.quoted_cues"] == 0


def test_seed_001_quoted_cue_belongs_to_the_speaker() -> None:
    f = hedging.extract(build_doc(seed_text("001"))).features
    assert f["hedging.quoted_cues"] == 1 and f["hedging.narrator_cues"] == 5


# -- accuracy floor ------------------------------------------------------------


def _load_eval():
    path = ROOT / "benchmarks" / "eval_hedging.py"
    spec = importlib.util.spec_from_file_location("eval_hedging", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conll2010_sentence_accuracy_floor(shared_data: Path) -> None:
    # measured (all sentences): dev P 0.869 R 0.902 F1 0.885; held-out P 0.872 R 0.889 F1 0.881
    result = _load_eval().evaluate(shared_data / "conll2010_hedge")
    floors = {"precision": 0.86, "recall": 0.88, "f1": 0.87}
    for split in ("dev", "heldout", "all"):
        for measure, floor in floors.items():
            assert result[f"{split}_{measure}"] >= floor, (split, measure, result)


def test_hedges_in_indirect_speech_belong_to_the_speaker():
    # Seed 000: "Putin made clear however that while Russia might be drawing down ..." is Putin's
    # hedge; "the partial Russian withdrawal may not make a huge difference" is the reporter's.
    from framing.features import extract_all
    from framing.text import build_doc
    from tests.conftest import seed_text

    doc = build_doc(seed_text("000"))
    result = extract_all(doc, ["hedging"])["hedging"]
    voices = {(e.text, e.attrs["voice"]) for e in result.evidence
              if any(k in doc.sentences[e.sentence].text for k in ("drawing down", "huge difference"))}
    assert voices == {("might", "reported"), ("may", "reporter")}
    # ten hedges; Putin's "possible" and "might", the diplomat's "might" and Putin's "could" are the
    # speakers', six the reporter's (may, estimated, may, declined to be named, suspicion, may). The text
    # lost its quotation marks: "A significant part of the Russian force could now return home." stands
    # between "..., Putin told Russian servicemen." and "..., said Putin.", so it is his speech
    assert (result.features["hedging.narrator_cues"], result.features["hedging.quoted_cues"]) == (6, 4)
    (could,) = [e for e in result.evidence if e.text == "could"]
    assert could.attrs["voice"] == "quoted"
