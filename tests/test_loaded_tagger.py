"""The opt-in loaded-word tagger: its card, tagger mode on real sentences, its accuracy floor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import framing
from framing.errors import ModelError
from framing.features import loaded
from framing.tagger import (
    LOADED_LABELS,
    SHIPPED_LOADED,
    LoadedTagger,
    load_tagger,
    shipped_card_path,
    shipped_loaded_tagger,
    shipped_tagger,
)
from framing.text import build_doc

from .conftest import ROOT, SEEDS, seed_text

CARD = shipped_card_path(SHIPPED_LOADED)


def _eval_loaded():
    spec = importlib.util.spec_from_file_location("eval_loaded", ROOT / "benchmarks" / "eval_loaded.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_loaded_tagger_card_records_training_selection_and_figures() -> None:
    _, card = load_tagger(CARD, LOADED_LABELS)
    training = card["training"]
    assert training["base"] == "all-MiniLM-L6-v2" and training["seed"] == 0
    assert (training["ptc_articles"], training["babe_sentences"], training["sentences"]) == (283, 2359, 15560)
    assert "held-out part never read" in training["data"] and "train_fold0" in training["selection"]
    assert any("BABE" in c for c in training["data_citation"]) and "AGPL-3.0" in training["data_licence"]
    assert (card["labels"], card["threshold"], card["lexicon_floor"]) == (["none", "loaded"], 0.4, 0.05)
    assert set(card["metrics"]) == {"heldout", "train"}


def test_a_loaded_tagger_is_not_read_as_a_cue_tagger() -> None:
    with pytest.raises(ModelError, match="labels are \\['none', 'loaded'\\], not \\['none', 'cue', 'source'\\]"):
        load_tagger(CARD)


def test_loaded_tagger_runs_with_the_network_blocked(no_network) -> None:
    tagger, _ = load_tagger(CARD, LOADED_LABELS)
    tokens = tagger.tag("Activists and rights groups have accused the Russian campaign of indiscriminate attacks.")
    assert tokens and all(abs(sum(t.probabilities) - 1) < 1e-3 for t in tokens)


# -- tagger mode on the seeds ------------------------------------------------------------------


# What the loaded-word tagger changes on each seed against the lexicon, each read in its sentence.
LOADED_TAGGER_CHANGES = {
    "000": {  # Reuters
        "added": ["apathetic"],  # right: "some Russians are increasingly apathetic about politics" judges them
        "dropped": ["huge"],     # right: "may not make a huge difference" is an idiom, not drama
    },
    "001": {  # The Guardian
        # right: "accused the Russian campaign of indiscriminate attacks"; "wait to see if it emerges to
        # be true or a political manoeuvre" (the opposition's suspicion, in the reporter's words)
        "added": ["indiscriminate", "manoeuvre"],
        "dropped": [],
    },
    "002": {"added": [], "dropped": []},
    "003": {"added": [], "dropped": []},
    "004": {"added": [], "dropped": []},
}


@pytest.mark.parametrize("seed", sorted(LOADED_TAGGER_CHANGES))
def test_loaded_tagger_changes_on_the_seeds_hand_checked(seed: str) -> None:
    doc = build_doc(seed_text(seed))
    plain = [e.text for e in loaded.loaded_spans(doc)]
    tagged = [e.text for e in loaded.loaded_spans(doc, shipped_loaded_tagger())]
    assert [w for w in tagged if w not in plain] == LOADED_TAGGER_CHANGES[seed]["added"]
    assert [w for w in plain if w not in tagged] == LOADED_TAGGER_CHANGES[seed]["dropped"]


def test_labels_stay_though_the_tagger_passes_them_by() -> None:
    """Seed 003 (Business Recorder): the tagger gives "strongman" and "regime" almost no weight (its data files
    labels elsewhere), yet both stay, with the tagger's score on record."""
    cues = {e.text: e for e in loaded.loaded_spans(build_doc(seed_text("003")), shipped_loaded_tagger())}
    for label in ("strongman", "regime"):
        assert cues[label].label == "pejorative_label" and cues[label].attrs["found_by"] == "lexicon"
        assert cues[label].attrs["tagger_score"] < shipped_loaded_tagger().lexicon_floor


def test_unlisted_cues_are_counted_with_their_evidence() -> None:
    doc = build_doc(seed_text("001"))
    plain = loaded.extract(doc).features
    result = loaded.extract(doc, tagger=shipped_loaded_tagger())
    unlisted = [e for e in result.evidence if e.label == loaded.UNLISTED]
    assert [(e.text, e.attrs["found_by"], e.attrs["voice"]) for e in unlisted] == [
        ("indiscriminate", "tagger", "reporter"), ("manoeuvre", "tagger", "reporter")]
    assert all(0.4 <= e.attrs["tagger_score"] <= 1 for e in unlisted)
    assert result.features["loaded.unlisted"] == 2 and plain["loaded.unlisted"] == 0
    assert result.features["loaded.count"] == plain["loaded.count"] + 2
    assert result.features["loaded.narrator_per_1000_words"] > plain["loaded.narrator_per_1000_words"]


def test_a_tagger_word_inside_a_quotation_is_the_speakers() -> None:
    """A BABE sentence: "destroying" is no lexicon cue; the tagger marks it inside Waters's quoted words."""
    text = ("Appearing Tuesday Cheddar Live, Rep. Maxine Waters (D) formally endorsed former Vice President Joe "
            "Biden for the White House, claiming that President Donald Trump is \u201cdestroying America\u201d and "
            "advocating for the killing of both black and white children in the wake of nationwide protests over "
            "the death of George Floyd.")
    result = loaded.extract(build_doc(text), tagger=shipped_loaded_tagger())
    (found,) = [e for e in result.evidence if e.label == loaded.UNLISTED]
    assert (found.text, found.attrs["voice"]) == ("destroying", "quoted")
    assert result.features["loaded.quoted_count"] == 1


def test_a_lexicon_cue_past_the_taggers_token_limit_is_kept_unread() -> None:
    """Five narrated sentences of seed 003 joined into one of more than 128 tokens, its "strongman"
    sentence last: the tagger never reads that far, so the lexicon alone decides, and no score is recorded."""
    body = build_doc(seed_text("003")).body
    long = "; ".join(body[i].text.rstrip(".") for i in (6, 7, 8, 13, 14, 15)) + "."
    assert len(build_doc(long).body) == 1
    reading = shipped_loaded_tagger().read(long)
    assert reading.covered < long.index("strongman")
    (cue,) = [e for e in loaded.loaded_spans(build_doc(long), shipped_loaded_tagger()) if e.text == "strongman"]
    assert "tagger_score" not in cue.attrs and cue.attrs["found_by"] == "lexicon"


def test_a_stop_word_alone_is_never_a_tagger_cue() -> None:
    """A BABE sentence where the tagger's P(loaded) for "the" and "up" passes the threshold."""
    text = ("Bloomberg, imbued with the shamelessness of a man too rich to ever hear the word \u201cno,\u201d openly "
            "bragged about the racism motivating the policy, telling a crowd in Aspen in 2015 that 95% of murderers "
            "are \u201cmale, minorities, 16 to 25\u201d and that this supposed fact was enough to justify treating an "
            "entire demographic as suspicious and a policy that amounted to \u201cthrow them up against the walls and "
            "frisk them.\u201d")
    tagger = shipped_loaded_tagger()
    marked = {text[s:e].lower() for s, e, _ in tagger.read(text).spans}
    found = {e.text.lower() for e in loaded.loaded_spans(build_doc(text), tagger)}
    assert {"the", "up"} & marked  # the tagger does mark one
    assert not {"the", "up"} & found


# -- the library and the command line ---------------------------------------------------------------


def test_analyze_takes_either_tagger_or_both() -> None:
    text = seed_text("001")
    both = framing.analyze(text, tagger=True)
    assert both.cue_tagger.startswith("attribution-tagger") and both.loaded_tagger.startswith("loaded-tagger")
    only = framing.analyze(text, tagger=shipped_loaded_tagger())
    assert only.cue_tagger is None and only.loaded_tagger == both.loaded_tagger
    assert only.features["loaded.unlisted"] == both.features["loaded.unlisted"] == 2
    pair = framing.analyze(text, tagger=(shipped_tagger(), shipped_loaded_tagger()))
    assert pair.features == both.features and pair.evidence == both.evidence
    with pytest.raises(TypeError, match="at most one CueTagger and one LoadedTagger"):
        framing.analyze(text, tagger=(shipped_loaded_tagger(), shipped_loaded_tagger()))


def test_a_custom_loaded_tagger_reaches_the_workers() -> None:
    model, _ = load_tagger(CARD, LOADED_LABELS)
    strict = LoadedTagger(model, 0.99, 0.0, "strict loaded tagger")
    texts = [seed_text("000"), seed_text("001")]
    analyses = list(framing.analyze_corpus(texts, jobs=2, tagger=strict))
    assert [a.loaded_tagger for a in analyses] == ["strict loaded tagger"] * 2
    assert [a.features["loaded.unlisted"] for a in analyses] == [0, 0]  # nothing reaches 0.99 here
    assert analyses[0].features["loaded.intensifier"] == framing.analyze(texts[0]).features["loaded.intensifier"]


def test_score_explain_loaded_with_tagger_shows_what_the_tagger_found() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["score", str(SEEDS / "001_ee11acba1649b0c1.txt"), "--tagger",
                                      "--explain", "loaded"])
    assert result.exit_code == 0, result.output
    assert "loaded.unlisted = 2" in result.stdout
    assert "unlisted: \u201cindiscriminate\u201d (cue=indiscriminate, found_by=tagger, quoted=False, " \
           "tagger_score=0.5369, voice=reporter)" in result.stdout
    assert "intensifier: \u201cenormous\u201d (cue=enormous, found_by=lexicon, quoted=False, " \
           "tagger_score=0.2975, voice=reporter)" in result.stdout


def test_compare_json_names_the_loaded_tagger() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["compare", str(SEEDS), "--tagger", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["loaded_tagger"].startswith("loaded-tagger (graph sha256 ")


# -- accuracy ----------------------------------------------------------------------------------------


def test_loaded_tagger_mode_accuracy_floor(shared_data: Path) -> None:
    """Held-out part of eval_loaded.py's split, never trained on or tuned on (see the card and the README)."""
    evaluation = _eval_loaded()
    result = evaluation.evaluate(shared_data, shipped_loaded_tagger(), parts={"heldout"})
    card = json.loads(CARD.read_text(encoding="utf-8"))["metrics"]["heldout"]
    for key, value in card.items():
        assert result[key.replace(".", ".heldout.", 1)] == pytest.approx(value, abs=5e-4)  # the card is today's
    assert result["babe.heldout.f1"] >= 0.52  # measured 0.528 (P 0.538, R 0.518): the 0.50 target is met
    assert result["ptc.heldout.f1"] >= 0.40  # measured 0.413 (P 0.347, R 0.511): short of 0.50
