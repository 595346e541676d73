"""The opt-in loaded-word tagger: its card, tagger mode on real sentences, its accuracy floor."""

from __future__ import annotations

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
from framing.tagger import _runs
from framing.text import build_doc

from .conftest import SEEDS, benchmark, seed_text

CARD = shipped_card_path(SHIPPED_LOADED)


def test_shipped_loaded_tagger_card_records_training_selection_and_figures() -> None:
    _, card = load_tagger(CARD, LOADED_LABELS)
    training = card["training"]
    assert training["base"] == "all-MiniLM-L6-v2" and training["seed"] == 0
    assert (training["ptc_articles"], training["babe_sentences"], training["sentences"]) == (283, 2359, 15560)
    assert "held-out part never read" in training["data"] and "train_fold0" in training["selection"]
    assert any("BABE" in c for c in training["data_citation"]) and "AGPL-3.0" in training["data_licence"]
    assert (card["labels"], card["threshold"], card["lexicon_floor"]) == (["none", "loaded"], 0.5, 0.05)
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
        "added": [],
        "dropped": ["huge"],  # right: "may not make a huge difference" is an idiom, not drama
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
    plain = [(e.start, e.end, e.text) for e in loaded.loaded_spans(doc)]
    tagged = [(e.start, e.end, e.text) for e in loaded.loaded_spans(doc, shipped_loaded_tagger())]
    assert [w for *_, w in (c for c in tagged if c not in plain)] == LOADED_TAGGER_CHANGES[seed]["added"]
    assert [w for *_, w in (c for c in plain if c not in tagged)] == LOADED_TAGGER_CHANGES[seed]["dropped"]
    assert all(a[1] <= b[0] for a, b in zip(tagged, tagged[1:]))  # no word is two cues


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
    assert all(0.5 <= e.attrs["tagger_score"] <= 1 for e in unlisted)
    assert result.features["loaded.unlisted"] == 2 and plain["loaded.unlisted"] == 0
    assert result.features["loaded.count"] == plain["loaded.count"] + 2
    assert result.features["loaded.narrator_per_1000_words"] > plain["loaded.narrator_per_1000_words"]


def _looser(threshold: float = 0.4) -> LoadedTagger:
    """The shipped tagger at a lower threshold: the rules below hold at any threshold, and these real
    sentences show them at 0.4 (where the shipped 0.5 marks less)."""
    model, card = load_tagger(CARD, LOADED_LABELS)
    return LoadedTagger(model, threshold, card["lexicon_floor"], f"shipped at {threshold}")


def test_a_tagger_word_inside_a_quotation_is_the_speakers() -> None:
    """A BABE sentence: "destroying" (P 0.49) is no lexicon cue; the tagger marks it inside Waters's quoted words."""
    text = ("Appearing Tuesday Cheddar Live, Rep. Maxine Waters (D) formally endorsed former Vice President Joe "
            "Biden for the White House, claiming that President Donald Trump is \u201cdestroying America\u201d and "
            "advocating for the killing of both black and white children in the wake of nationwide protests over "
            "the death of George Floyd.")
    result = loaded.extract(build_doc(text), tagger=_looser())
    (found,) = [e for e in result.evidence if e.label == loaded.UNLISTED]
    assert (found.text, found.attrs["voice"]) == ("destroying", "quoted")
    assert result.features["loaded.quoted_count"] == 1


def test_a_lexicon_cue_past_the_taggers_token_limit_is_kept_unread() -> None:
    """Six narrated sentences of seed 003 joined into one of more than 128 tokens, its "strongman"
    sentence last: the tagger never reads that far, so the lexicon alone decides, and no score is recorded."""
    body = build_doc(seed_text("003")).body
    long = "; ".join(body[i].text.rstrip(".") for i in (6, 7, 8, 13, 14, 15)) + "."
    assert len(build_doc(long).body) == 1
    reading = shipped_loaded_tagger().read(long)
    assert reading.covered < long.index("strongman")
    (cue,) = [e for e in loaded.loaded_spans(build_doc(long), shipped_loaded_tagger()) if e.text == "strongman"]
    assert "tagger_score" not in cue.attrs and cue.attrs["found_by"] == "lexicon"


def test_a_stop_word_alone_is_never_a_tagger_cue() -> None:
    """A BABE sentence where the tagger's P(loaded) for "the" and "up" passes 0.4."""
    text = ("Bloomberg, imbued with the shamelessness of a man too rich to ever hear the word \u201cno,\u201d openly "
            "bragged about the racism motivating the policy, telling a crowd in Aspen in 2015 that 95% of murderers "
            "are \u201cmale, minorities, 16 to 25\u201d and that this supposed fact was enough to justify treating an "
            "entire demographic as suspicious and a policy that amounted to \u201cthrow them up against the walls and "
            "frisk them.\u201d")
    tagger = _looser()
    marked = {text[s:e].lower() for s, e, _ in tagger.read(text).spans}
    found = {e.text.lower() for e in loaded.loaded_spans(build_doc(text), tagger)}
    assert {"the", "up"} & marked  # the tagger does mark one
    assert not {"the", "up"} & found


def test_two_runs_inside_one_word_are_one_cue() -> None:
    """A BABE sentence: at 0.4 the tagger marks "Amp" and "fying" (not "li") as two runs; the cue is the word, once."""
    text = ("Amplifying fresh critiques of wealthy inequality that have mounted throughout the coronavirus pandemic, "
            "Amazon founder Jeff Bezos\u2014the world\u2019s richest man\u2014has added nearly $24 billion to his "
            "already massive fortune in 2020 as virus-related lockdowns across the globe have forced people to stay "
            "inside and fueled increased e-commerce demand.")
    tagger = _looser()
    column = LOADED_LABELS.index("loaded")
    assert [text[s:e] for s, e, _ in _runs(text, tagger.model.tag(text), column, 0.4)][:2] == ["Amp", "fying"]
    assert tagger.read(text).spans[0][:2] == (0, len("Amplifying"))
    cues = [e.text for e in loaded.loaded_spans(build_doc(text), tagger)]
    assert cues == ["Amplifying", "massive"]


def test_the_tagger_does_not_undo_a_context_rule_and_keeps_compounds_whole() -> None:
    """A BABE sentence: "lies" is listed but vetoed by a rule here ("lies at the feet of": ordinary), so the
    tagger (0.41 at "lies") may not bring it back; "anti-vax slow-jam" is one span, not "x slow-jam"."""
    text = ("Much of this health hazard lies at the feet of folks like RFK Jr., so the idea that Trump was doing the "
            "anti-vax slow-jam with this quack a week before Inauguration Day understandably put Twitterverse over "
            "the edge")
    tagger = _looser()
    assert "lies" in [text[s:e] for s, e, _ in _tagger_words(tagger, text)]
    cues = [(e.text, e.label) for e in loaded.loaded_spans(build_doc(text), tagger)]
    assert cues == [("anti-vax slow-jam", "unlisted"), ("quack", "unlisted")]


def _tagger_words(tagger: LoadedTagger, text: str) -> list[tuple[int, int, float]]:
    """Each word the tagger reads at or above 0.4, by itself (no runs)."""
    return [(s, e, p) for s, e, p in tagger.read(text).tokens if p >= 0.4]


def test_a_word_cut_by_combining_accents_is_widened_whole() -> None:
    """A BABE sentence in decomposed Unicode (NFD): "exposés" is one word, accent and all."""
    import unicodedata

    from framing.tagger import _whole_words

    text = unicodedata.normalize("NFD", "An investigative journalist whose expos\u00e9s on the deep-rooted corruption")
    inside = text.index("expos") + 1
    start, end = _whole_words(text, inside, inside + 2)
    assert text[start:end] == unicodedata.normalize("NFD", "expos\u00e9s")
    assert _whole_words(text, text.index("rooted"), text.index("rooted") + 3) == (
        text.index("deep-rooted"), text.index("deep-rooted") + len("deep-rooted"))


def test_a_card_without_a_threshold_and_a_bad_custom_tagger_are_refused(tmp_path: Path) -> None:
    import shutil

    from framing.tagger import tagger_files

    for file in (CARD, *tagger_files(CARD).values()):
        shutil.copy(file, tmp_path / file.name)
    card = json.loads((tmp_path / CARD.name).read_text(encoding="utf-8"))
    del card["threshold"]
    (tmp_path / CARD.name).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="threshold must be a probability"):
        load_tagger(tmp_path / CARD.name, LOADED_LABELS)
    model, _ = load_tagger(CARD, LOADED_LABELS)
    with pytest.raises(ValueError, match="lexicon_floor must be a probability below 1"):
        LoadedTagger(model, 0.4, 1.5)


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
    """A looser tagger (threshold 0.3) finds more unlisted words than the shipped one, in workers as here."""
    model, _ = load_tagger(CARD, LOADED_LABELS)
    loose = LoadedTagger(model, 0.3, 0.05, "loose loaded tagger")
    texts = [seed_text("000"), seed_text("001")]
    analyses = list(framing.analyze_corpus(texts, jobs=2, tagger=loose))
    assert [a.loaded_tagger for a in analyses] == ["loose loaded tagger"] * 2
    here = [framing.analyze(t, tagger=loose) for t in texts]
    assert [a.evidence for a in analyses] == [a.evidence for a in here]
    shipped = [framing.analyze(t, tagger=shipped_loaded_tagger()).features["loaded.unlisted"] for t in texts]
    loose_counts = [a.features["loaded.unlisted"] for a in analyses]
    assert shipped == [0, 2] and all(n >= m for n, m in zip(loose_counts, shipped)) and sum(loose_counts) > 2


def test_score_explain_loaded_with_tagger_shows_what_the_tagger_found() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["score", str(SEEDS / "001_ee11acba1649b0c1.txt"), "--tagger",
                                      "--explain", "loaded"])
    assert result.exit_code == 0, result.output
    assert "loaded.unlisted = 2" in result.stdout
    # "Syrian activists and rights groups have accused the Russian campaign of indiscriminate attacks and
    # enormous civilian casualties": the accusation's words are the accusers' (reported speech)
    assert "unlisted: \u201cindiscriminate\u201d (cue=indiscriminate, found_by=tagger, quoted=True, " \
           "speaker=Syrian activists and rights groups, tagger_score=0.5369, voice=reported)" in result.stdout
    assert "intensifier: \u201cenormous\u201d (cue=enormous, found_by=lexicon, quoted=True, " \
           "speaker=Syrian activists and rights groups, tagger_score=0.2975, voice=reported)" in result.stdout


def test_compare_json_names_the_loaded_tagger() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["compare", str(SEEDS), "--tagger", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["loaded_tagger"].startswith("loaded-tagger (graph sha256 ")


# -- accuracy ----------------------------------------------------------------------------------------


def test_loaded_tagger_mode_accuracy_floor(shared_data: Path) -> None:
    """Held-out part of eval_loaded.py's split, never trained on or tuned on (see the card and the README)."""
    evaluation = benchmark("eval_loaded")
    result = evaluation.evaluate(shared_data, shipped_loaded_tagger(), parts={"heldout"})
    card = json.loads(CARD.read_text(encoding="utf-8"))["metrics"]["heldout"]
    for key, value in card.items():
        assert result[key.replace(".", ".heldout.", 1)] == pytest.approx(value, abs=5e-4)  # the card is today's
    assert result["babe.heldout.f1"] >= 0.52  # measured 0.534 (P 0.565, R 0.506): the 0.50 target is met
    assert result["ptc.heldout.f1"] >= 0.40  # measured 0.407 (P 0.356, R 0.476): short of 0.50
