"""The attribution family: fire/no-fire examples, the hand-checked seeds, accuracy on PolNeAR."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA, benchmark, seed_text
from framing.features import attribution
from framing.features.attribution.lexicon import word_set
from framing.lexicons import checksum, load_table, manifest
from framing.text import build_doc
from framing.types import LOWER

EXAMPLES = [
    json.loads(line)
    for line in resources.files("framing.lexicons.data")
    .joinpath("attribution-examples.v1.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
POLNEAR = SHARED_DATA / "polnear" / "train"


def _text(example: dict) -> tuple[str, int, int]:
    if "seed" in example or "text" in example:
        text = example["text"] if "text" in example else seed_text(example["seed"])
        start = text.find(example["anchor"])
        assert start >= 0 and text.find(example["anchor"], start + 1) < 0, "anchor must be unique"
        return text, start, start + len(example["anchor"])
    path = POLNEAR / "text" / f"{example['polnear']}.txt"
    if not path.is_file():
        pytest.skip("PolNeAR is not beside the checkout")
    return path.read_text(encoding="utf-8"), example["start"], example["end"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e['category']}:{e.get('anchor', e.get('cue'))}")
def test_example(example: dict) -> None:
    text, start, end = _text(example)
    result = attribution.extract(build_doc(text))
    if example["category"] == "narrator_distancing":
        hits = [e for e in result.evidence if e.label == "narrator_distancing"
                and start <= e.start and e.end <= end]
        assert bool(hits) == example["fire"]
        return
    inside = [a for a in result.attributions if start <= a.cue.start and a.cue.end <= end]
    touching = inside + [a for a in result.attributions if start <= int(a.attrs.get("mention_start", -1)) < end]
    if not example["fire"]:
        assert touching == []
        return
    assert len(inside) == 1, [a.cue.text for a in inside]
    found = inside[0]
    assert found.cue.text.lower() == example["cue"]
    if example["category"] in attribution.STANCES:
        assert found.verb_stance == example["category"]
    for key in ("source_type", "skeptical", "direct"):
        if key in example:
            assert getattr(found, key) == example[key], key
    if "source" in example:
        assert found.source is not None and found.source.text == example["source"]
    if "content" in example:
        assert found.content is not None and found.content.text == example["content"]


def test_every_category_has_examples_both_ways() -> None:
    categories = set(attribution.STANCES) | {"skeptical", "narrator_distancing"} | {
        e["category"] for e in EXAMPLES if e["category"].startswith("rule:")
    }
    for category in sorted(categories):
        rows = [e for e in EXAMPLES if e["category"] == category]
        assert any(e["fire"] for e in rows), f"{category} has no must-fire example"
        assert any(not e["fire"] or e.get("skeptical") is False for e in rows), (
            f"{category} has no must-not-fire example"
        )
    stances = {row["stance"] for row in load_table("attribution-cues.v1.tsv")}
    assert stances == set(attribution.STANCES)


def test_data_files_match_their_sidecars() -> None:
    entries = manifest()
    for name, meta in entries.items():
        if name.startswith("attribution-"):
            assert meta["sha256"] == checksum(name), name
            assert date.fromisoformat(meta["date"]) and meta["licence"] and meta["curation"]
            if name.endswith(".tsv"):
                assert meta["entries"] == len(load_table(name)), name
    assert {"attribution-cues.v1.tsv", "attribution-skeptical.v1.tsv",
            "attribution-sources.v1.tsv", "attribution-distancing.v1.tsv", "attribution-words.v1.tsv"} <= set(entries)


# Every attribution in the five seeds, read and checked by hand:
# (cue, source as resolved, source type, stance, skeptical, direct).
SEEDS = {
    "000": [
        ("declaring", "President Vladimir Putin", "person", "neutral", False, False),
        ("told", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, False),
        # "Washington was skeptical about Putin s statement.": a source's stance, no speech verb
        ("was skeptical", "Washington", "organisation", "neutral", True, False),
        ("said", "Pentagon spokesman Eric Pahon", "person", "neutral", True, False),
        ("made clear", "Putin", "person", "neutral", False, False),
        ("quoted", "Syrian state television", "media", "neutral", False, False),
        ("called", "Syrian state television", "media", "neutral", False, False),
        # "contractors, something which has been documented by Reuters but denied by the defense
        # ministry": the ministry defends its own record; it does not doubt the withdrawal
        ("denied", "the defense ministry", "organisation", "contesting", False, False),
        # "the real number, including private contractors, is estimated to be much higher": no one named
        ("estimated", None, "anonymous", "neutral", False, False),
        ("told", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, False),
        ("told", "Putin", "person", "neutral", False, True),
        ("asked", "Yahya Aridi", "person", "neutral", False, False),  # "When asked about ..., Aridi said"
        ("said", "Yahya Aridi, spokesman for the Syrian opposition in Geneva", "person", "neutral", False, False),
        ("made clear", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, False),
        ("told", "the military", "organisation", "neutral", False, False),
        # "Russia has announced partial force draw-downs before only to later bring in ...": the
        # reporter's recount, counted as narrator distancing, not as Russia's statement
        ("said", "one European diplomat who declined to be named", "anonymous", "neutral", True, False),
    ],
    "001": [
        # the standfirst "Russian president says soldiers should begin pulling out ..." is headline material
        ("declared", "The Russian president, Vladimir Putin", "person", "neutral", False, False),
        ("saying", "The Russian president, Vladimir Putin", "person", "neutral", False, False),
        ("said", "The Russian president, Vladimir Putin", "person", "neutral", False, False),
        ("said", "A Western diplomatic source", "anonymous", "neutral", True, True),
        ("accused", "Syrian activists and rights groups", "organisation", "accusatory", False, False),
        # "[accusations of] enormous civilian casualties, something Russian officials have repeatedly
        # denied": the accused side's denial of its own record, not doubt of the withdrawal
        ("denied", "Russian officials", "anonymous", "contesting", False, False),
        ("claiming", "Moscow", "organisation", "distancing", False, False),
        ("said", "the Kremlin", "organisation", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, True),
        ("added", "Putin", "person", "neutral", False, True),
        ("said", "Putin", "person", "neutral", False, False),
        # "said Assad and Putin agreed the move ..." is indirect; the quotation is the ", saying" clause's
        ("said", "A statement issued by the Syrian presidency", "document", "neutral", False, False),
        ("saying", "A statement issued by the Syrian presidency", "document", "neutral", False, True),
        ("said", "A statement issued by the Syrian presidency", "document", "neutral", False, False),
        # "... said they had no prior information of Putin's plan and said they will wait to see if
        # it emerges to be true": one voice, two cues; the second carries the doubt
        ("said", "Syrian opposition sources", "anonymous", "neutral", False, False),
        ("said", "Syrian opposition sources", "anonymous", "neutral", True, False),
        ("suggested", "Diplomatic sources", "anonymous", "neutral", False, False),
        ("according to", "the UK-based Syrian Observatory for Human Rights", "organisation", "neutral", False, False),
    ],
    "002": [
        # the strapline "'The motherland is proud of you,' president told ..." is headline material
        # "President Vladimir Putin on Monday ordered Russian forces in Syria to start withdrawing":
        # an order given on the record (the learned stage's cue); the source is Putin, not "Monday"
        ("ordered", "President Vladimir Putin", "person", "neutral", False, False),
        ("claiming", "President Vladimir Putin", "person", "distancing", False, False),
        ("hailed", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, True),
        ("say", "Russian\u00a0officials", "anonymous", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, True),
        ("said", "Gen. Sergei Surovikin, the Russian military commander in Syria", "person", "neutral", False, False),
        ("said", "Surovikin", "person", "neutral", False, False),
        ("say", "Surovikin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, False),
        ("told", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, True),
    ],
    "003": [
        ("announced", "The Kremlin", "organisation", "neutral", False, False),
        ("said", "the Kremlin", "organisation", "neutral", False, True),
        ("said", "the statement", "document", "neutral", False, True),
        ("said", "the Kremlin statement", "document", "neutral", False, True),
        ("said", "Putin", "person", "neutral", False, False),
        ("said", "Putin", "person", "neutral", False, True),
        ("told", "Kremlin spokesman Dmitry Peskov", "person", "neutral", False, False),
        ("said", "Peskov", "person", "neutral", False, False),
    ],
    "004": [
        ("quoted", "Russian state news agency Tass", "media", "neutral", False, True),
        ("told", "Pentagon spokesman Eric Pahon", "person", "neutral", True, True),
        ("claiming", "Syrian state television", "media", "distancing", False, False),
        ("claiming", "a statement issued by the Iraqi military", "document", "distancing", False, False),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_attributions_hand_checked(seed: str) -> None:
    text = seed_text(seed)
    result = attribution.extract(build_doc(text))
    got = [
        (a.cue.text, a.source.text if a.source else None, a.source_type, a.verb_stance,
         a.skeptical, a.direct)
        for a in result.attributions
    ]
    assert got == SEEDS[seed]
    for a in result.attributions:
        for span in (a.cue, a.source, a.content):
            if span is not None:
                assert text[span.start:span.end] == span.text


def test_seed_features() -> None:
    features = attribution.extract(build_doc(seed_text("000"))).features
    assert features["attribution.count"] == 19
    assert features["attribution.skeptical"] == 3  # Washington, Pahon, the European diplomat
    # 18 voices: "When asked about ..., Yahya Aridi ... said" is one voice with two cues
    assert features["attribution.skeptical_share"] == pytest.approx(3 / 18)
    assert features["attribution.contesting"] == 1
    assert features["attribution.anonymous_share"] == pytest.approx(2 / 19)  # the diplomat, "is estimated"
    assert features["attribution.direct_share"] == pytest.approx(1 / 19)
    # putin, washington, pahon, television, ministry, aridi, military, diplomat
    assert features["attribution.distinct_sources"] == 8
    # "announced ... before only to later ...", and state TV showing "what it called a victory parade"
    assert features["attribution.narrator_distancing"] == 2
    narrator = attribution.extract(build_doc(seed_text("004"))).features
    assert narrator["attribution.distancing"] == 2 and narrator["attribution.narrator_distancing"] == 2


def test_one_source_twice_in_a_sentence_is_one_voice() -> None:
    """The Guardian's "Syrian opposition sources said ... and said ...": two cues, one skeptical voice."""
    result = attribution.extract(build_doc(seed_text("001")))
    sources = [a for a in result.attributions if a.source is not None
               and a.source.text == "Syrian opposition sources"]
    assert len(sources) == 2
    first = result.attributions.index(sources[0])
    assert "same_voice_as" not in sources[0].attrs and sources[1].attrs["same_voice_as"] == first
    assert result.features["attribution.skeptical"] == 2  # the Western diplomatic source, these sources
    shown = [e.text for e in result.evidence if e.label == "skeptical"]
    assert "they will wait to see if it emerges to be true or a political manoeuvre" in shown
    assert not any("something" in text for text in shown)  # not the activists' accusation


def test_denial_of_own_record_shows_what_is_denied() -> None:
    result = attribution.extract(build_doc(seed_text("001")))
    denial = next(a for a in result.attributions if a.cue.text == "denied")
    assert denial.content is not None
    assert denial.content.text == "the Russian campaign of indiscriminate attacks and enormous civilian casualties"
    assert denial.attrs["contests"] == "own record" and not denial.skeptical


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_evidence_slices_text_and_features_finite(seed: str) -> None:
    text = seed_text(seed)
    result = attribution.extract(build_doc(text))
    assert set(result.features) == set(attribution.FEATURE_NAMES)
    assert all(math.isfinite(v) for v in result.features.values())
    for e in result.evidence:
        assert text[e.start:e.end] == e.text and e.family == "attribution"
        assert isinstance(e.attrs["quoted"], bool) and e.attrs["cue"]
        assert all(isinstance(v, (str, int, float, bool)) for v in e.attrs.values())
    cues = [e for e in result.evidence if e.label == "cue"]
    assert len(cues) == result.features["attribution.count"]
    assert len([e for e in result.evidence if e.label == "skeptical"]) == result.features["attribution.skeptical"]
    narrator = [e for e in result.evidence if e.label == "narrator_distancing"]
    assert len(narrator) == result.features["attribution.narrator_distancing"]


@pytest.mark.parametrize("text", ["", "Said.", "said", "\u201c", "He said.", "according to"])
def test_empty_and_tiny_texts_give_zeros(text: str) -> None:
    result = attribution.extract(build_doc(text))
    assert all(math.isfinite(v) for v in result.features.values())
    if text in {"", "said", "\u201c"}:
        assert all(v == 0 for v in result.features.values())


def _evaluator():
    return benchmark("eval_attribution")


def test_accuracy_floor_on_polnear(shared_data: Path) -> None:
    """Held-out part of PolNeAR train (measured: P 0.874 R 0.637 F1 0.737, source 0.955; all cues F1 0.676)."""
    result = _evaluator().evaluate(shared_data / "polnear" / "train", part="heldout")
    assert result["cue_precision"] >= 0.87
    assert result["cue_recall"] >= 0.625
    assert result["cue_f1"] >= 0.73
    assert result["source_match"] >= 0.95
    assert result["cue_f1_all"] >= 0.67


# -- the learned second stage ---------------------------------------------------------------

SCORER = json.loads(resources.files("framing.lexicons.data")
                    .joinpath("attribution-cue-scorer.v1.json").read_text(encoding="utf-8"))


def test_learned_cue_names_its_speaker_and_its_score() -> None:
    """Seed 002's "Putin on Monday ordered Russian forces ... to start withdrawing": no rule cue,
    the scorer's; it names Putin (a time phrase is no subject) and carries its probability."""
    result = attribution.extract(build_doc(seed_text("002")))
    learned = [a for a in result.attributions if "cue_score" in a.attrs]
    assert [(a.cue.text, a.source.text) for a in learned] == [("ordered", "President Vladimir Putin")]
    assert SCORER["threshold"] <= learned[0].attrs["cue_score"] <= 1
    assert learned[0].content is not None
    assert learned[0].content.text == "Russian forces in Syria to start withdrawing"


def test_learned_stage_leaves_thoughts_wishes_and_rule_cues_alone() -> None:
    """Seed 004: "Putin is looking to extricate ..." is an intention, never scored; "claiming" and
    the other lexicon cues stay the rules' (one attribution each, none with a score)."""
    doc = build_doc(seed_text("004"))
    found = attribution.rule_attributions(doc)
    words = [doc.tokens[c.sentence.token_start + c.index][LOWER] for c in attribution.cue_candidates(doc, found)]
    assert "looking" not in words and "claiming" not in words
    assert all(w not in attribution.cue_forms() for w in words)
    assert not any("cue_score" in a.attrs for a in attribution.extract(doc).attributions)


def test_scorer_data_is_plain_and_scoped() -> None:
    assert 0 < SCORER["threshold"] < 1 and math.isfinite(SCORER["intercept"])
    assert all(math.isfinite(w) for w in SCORER["weights"].values())
    assert {"thinks", "wants", "believes", "shows", "looking"} <= set(SCORER["excluded"])
    assert "tuning part only" in SCORER["fitted_on"]
    assert SCORER["cross_validation"]["added_precision"] >= SCORER["min_added_precision"]


def test_scorer_weights_are_what_the_fit_script_makes(shared_data: Path) -> None:
    """The shipped weights are reproduced exactly by benchmarks/fit_attribution_cues.py on PolNeAR."""
    module = benchmark("fit_attribution_cues")
    assert module.fit(shared_data / "polnear" / "train", report=lambda line: None) == SCORER


def test_every_word_class_in_the_data_is_read_by_the_rules() -> None:
    """attribution-words.v1.tsv holds the rules' closed word classes: none missing, none left unread."""
    package = resources.files("framing.features.attribution")
    read = {name for module in package.iterdir() if module.name.endswith(".py")
            for name in re.findall(r'word_set\("(\w+)"\)', module.read_text(encoding="utf-8"))}
    rows = {row["set"] for row in load_table("attribution-words.v1.tsv")}
    assert read == rows
    assert "'s" in word_set("noun_before")  # "the president's claims": a noun


def _cues(text: str) -> list[tuple[str, str | None, bool]]:
    found = attribution.extract(build_doc(text)).attributions
    return [(a.cue.text, a.source.text if a.source else None, a.skeptical) for a in found]


def test_a_person_questioned_is_no_skeptical_voice_and_a_claim_questioned_is_one() -> None:
    """A person questioned (Western Journal 2016-05-05, PTC 788900262) voices no doubt: each had been a skeptical
    source ("Clinton herself in for", and the Senate panel). A claim questioned (BABE: Reuters; PolNeAR: Washington Post
    2016-02-14) is a doubt by whoever questions it."""
    assert _cues("One final step in the investigation will be bringing Clinton herself in for questioning.") == []
    assert _cues("And she will only be questioned by members of the Senate panel, not outside lawyers.") == []
    assert _cues("The activist was detained by Palestinian intelligence service agents on August 12 after publishing a "
                 "statement demanding an investigation into the death of a Gaza man who had been questioned by "
                 "Palestinian authorities.") == []  # Reuters 1996 (CoNLL-2003): "who" is a person
    assert ("questioned", "some of her rivals", True) in _cues(
        "Warren, a U.S. senator from Massachusetts, estimates her healthcare overhaul will cost an additional $20.5 "
        "trillion in federal spending over 10 years without the need to raise middle-class taxes, a claim questioned "
        "by some of her rivals in the 2020 White House race.")
    assert [(cue, skeptical) for cue, _, skeptical in _cues(
        "On the Republican side, leading candidate Donald Trump caused consternation in December, when he "
        "criticized Scalia for questioning affirmative action.")] == [("criticized", False), ("questioning", True)]


def test_only_to_without_a_past_act_and_sown_doubt_are_no_doubt_of_the_source() -> None:
    """Both had made skeptical voices (PolNeAR: New York Times 2015-12-13; PTC): Sachs says how far the plans run,
    not that they were undone; the report says officials sowed others' doubt. A doubt the source holds stays one."""
    assert _cues(
        "Moreover, Jeffrey D. Sachs, director of the Earth Institute at Columbia University, noted this week that most "
        "of those plans run only to 2030, with countries still offering no hint of how they might eradicate "
        "greenhouse emissions by the 2050s.") == [
            ("noted", "Jeffrey D. Sachs, director of the Earth Institute at Columbia University", False)]
    sown = _cues("The report identified five officials with some connection to the email probe who were expressing "
                 "political views, faulting them for having brought \u201cdiscredit to themselves, sowed doubt about "
                 "the FBI\u2019s handling of the midyear investigation, and impacted the reputation of the FBI.\u201d")
    assert [skeptical for *_, skeptical in sown] == [False]
    assert ("said", "Aides", True) in _cues("Aides said they had doubts about the plan.")


def test_an_honorific_ends_no_subject_and_a_means_after_by_is_no_agent() -> None:
    # PolNeAR, New York Times 2015-12-19 and 2015-12-22: the sources were "Mr" and "telephone"
    text = ("Mr. Putin forecast that the slumping economy would soon rebound and praised efforts by "
            "Secretary of State John Kerry to find a political solution in Syria.")
    found = attribution.extract(build_doc(text)).attributions
    assert [(a.source.text, a.cue.text) for a in found] == [("Mr. Putin", "praised")]
    text = "''It's nonsense,'' Mr. Trump said by telephone on NBC's ''Meet the Press.''"
    found = attribution.extract(build_doc(text)).attributions
    assert [(a.source.text, a.cue.text) for a in found] == [("Mr. Trump", "said")]
    # a passive's agent still is one: "denied by the defense ministry"
    found = attribution.extract(build_doc("The report was denied by the defense ministry on Monday.")).attributions
    assert [(a.source.text, a.cue.text) for a in found] == [("the defense ministry", "denied")]


def test_an_outlet_the_audit_found_typed_a_person_is_media() -> None:
    # PTC article 762206044 (The Daily Caller's own copy): "TheDCNF" had been a person
    text = ("Wasserman Schultz hired the House\u2019s former top lawyer, Bill Pittard \u2014 who had recently quit the "
            "House \u2014 to try to block prosecutors from seeing evidence, TheDCNF previously reported.")
    found = attribution.extract(build_doc(text)).attributions
    assert [(a.source.text, a.source_type) for a in found] == [("TheDCNF", "media")]


def test_the_object_of_warned_or_accused_is_no_inverted_speaker() -> None:
    # PTC article 703698295 and PolNeAR Washington Post 2016-02-17: the sources were "Pope Francis that he has
    # caused" and "Sanders of being a Johnny-come-lately to racial justice issues"; the speakers before the
    # verb are too far for the rules, so no source is better than the addressee
    for text in ("Thomas Weinandy, a former chief of staff for the U.S. Bishops\u2019 Committee on Doctrine and a "
                 "member of the Vatican\u2019s International Theological Commission, warned Pope Francis that he has "
                 "caused \u201cchronic confusion\u201d among the faithful and bishops.",
                 "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being a Johnny-come-lately "
                 "to racial justice issues."):
        sources = [a.source.text for a in attribution.extract(build_doc(text)).attributions if a.source]
        assert not any(s.startswith(("Pope Francis", "Sanders")) for s in sources), sources
    # a speaker's inversion still is one, "of" and a noun in -ing included (the second read's cases)
    for text, source in (
            ('"This will fail," warned the defence minister.', "the defence minister"),
            ('"Prices will rise," said the head of marketing at the firm.', "the head of marketing at the firm"),
            ('"The wells are safe," said the Minister of Mining, Juan Perez.', "the Minister of Mining")):
        assert [a.source.text for a in attribution.extract(build_doc(text)).attributions] == [source]


def test_a_datelines_dash_is_no_part_of_the_source() -> None:
    # PTC article 729670169 (Reuters copy): the source was "- Puerto Rico"
    text = ("Feb 9 (Reuters) - Puerto Rico said on Friday it will receive $16 billion in federal aid under a disaster "
            "recovery package signed on Friday.")
    found = attribution.extract(build_doc(text)).attributions
    assert [(a.source.text, a.cue.text) for a in found] == [("Puerto Rico", "said")]


def test_whereas_opens_a_clause_and_is_no_part_of_its_subject() -> None:
    # PolNeAR, Politico 2016-07-05: the source was "whereas Petraeus"
    text = ("James Melendres said on MSNBC that for one, there appeared to be a lack of willfulness in the Clinton "
            "case, whereas Petraeus acknowledged that he knew the information he shared with his lover Paula "
            "Broadwell was highly classified.")
    found = attribution.extract(build_doc(text)).attributions
    assert [(a.source.text, a.cue.text) for a in found] == [("James Melendres", "said"), ("Petraeus", "acknowledged")]


def test_an_acronym_and_an_organisation_noun_are_not_persons() -> None:
    # PolNeAR, Washington Post 2016-07-13: "The FBI" was typed a person
    text = ("The FBI said Tuesday that it will turn over to the State Department thousands of work-related emails "
            "recovered in the investigation into Hillary Clinton's use of a personal email server while secretary "
            "that the State Department said it then will review for possible public release.")
    found = attribution.extract(build_doc(text)).attributions
    assert ("The FBI", "organisation") in [(a.source.text, a.source_type) for a in found]
    # a helper's audit of PolNeAR and PTC coverage: a bureau and a state news agency
    found = attribution.extract(build_doc("The bureau said the emails were classified. SANA said the army "
                                          "had retaken the town.")).attributions
    assert [(a.source.text, a.source_type) for a in found] == [("The bureau", "organisation"), ("SANA", "media")]
