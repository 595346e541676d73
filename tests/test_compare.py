"""The comparison on the seeds: stories, standouts, sources, omissions, checked against the text."""

import math
from dataclasses import replace

import pytest

import framing
from framing.entities import find_mentions
from framing.facts import extract_facts
from framing.compare.stories import assign_stories
from framing.report.findings import caveats, standout_note, standout_sentence
from framing.scoring import effective_sources, explain, source_keys
from tests.conftest import SEEDS, benchmark


@pytest.fixture(scope="module")
def analyses():
    return list(framing.analyze_corpus(framing.load_corpus(SEEDS)))


@pytest.fixture(scope="module")
def comparison(analyses):
    return framing.compare(analyses)


def _story(comparison, name):
    return next(s for s in comparison.stories if s.story == name)


def _outlet(story, name):
    return next(o for o in story.outlets if o.outlet == name)


def test_manifest_stories_keep_the_two_events_apart(comparison):
    assert [(s.story, [o.outlet for o in s.outlets]) for s in comparison.stories] == [
        ("russia-syria-drawdown-2017-12", ["CBC News", "Observer", "Reuters"]),
        ("russia-syria-withdrawal-2016-03", ["Business Recorder", "The Guardian"]),
    ]


def test_without_story_metadata_dates_and_content_recover_the_two_events(analyses):
    loose = [replace(a, article=replace(a.article, story="")) for a in analyses]
    stories = assign_stories(loose)
    # seeds 000, 002, 004 are 2017-12-11; 001 and 003 are 14-15 March 2016
    assert stories[0] == stories[2] == stories[4] != stories[1] == stories[3]
    assert stories[0].startswith("2017-12-11") and stories[1].startswith("2016-03-14")


def test_reuters_quotes_the_skeptics_others_leave_out(comparison):
    story = _story(comparison, "russia-syria-drawdown-2017-12")
    reuters = _outlet(story, "Reuters")
    skeptical = {q.source for q in reuters.quoted if q.skeptical}
    assert {"one European diplomat who declined to be named", "Pentagon spokesman Eric Pahon"} <= skeptical
    omitted = {(o.kind, o.key): o for o in story.omissions}
    diplomat = omitted[("source", "european diplomat who declined to be named")]
    assert diplomat.reported_by == ("Reuters",) and diplomat.omitted_by == ("CBC News", "Observer")
    # the Observer also quotes Pahon ("... Pentagon spokesman Eric Pahon told Reuters."), CBC does not
    pahon = omitted[("source", "pahon")]
    assert pahon.reported_by == ("Observer", "Reuters") and pahon.omitted_by == ("CBC News",)
    # only the Observer cites "a statement issued by the Iraqi military"; Reuters' "the military"
    # (which told Putin about the withdrawal) is another source
    iraqi = omitted[("source", "iraqi military")]  # a statement is keyed by who issued it
    assert iraqi.reported_by == ("Observer",)


def test_casualty_figures_are_omissions_between_guardian_and_business_recorder(comparison):
    story = _story(comparison, "russia-syria-withdrawal-2016-03")
    numbers = {o.key: o for o in story.omissions if o.kind == "number"}
    # Guardian: "killed 4,408 people including 1,733 civilians"; Recorder: "killed more than 270,000 people"
    assert numbers["4408 people"].reported_by == ("The Guardian",)
    assert numbers["1733 civilian"].reported_by == ("The Guardian",)
    assert numbers["270000 people"].reported_by == ("Business Recorder",)
    assert "4,408 people" in numbers["4408 people"].example.text


def test_reuters_stands_out_for_hedging_with_its_hedged_sentences(comparison):
    reuters = _outlet(_story(comparison, "russia-syria-drawdown-2017-12"), "Reuters")
    hedging = next(s for s in reuters.standouts if s.index == "index.hedging")
    assert hedging.z > 1 and hedging.others == 0.0  # neither CBC nor the Observer hedges
    assert standout_sentence(hedging).startswith("Reuters hedges more than the other outlets")
    # its own hedges: "A significant part of the Russian force could now return home." is Putin's
    # (the text lost its quotation marks; the sentence sits between two of his statements)
    excerpt = hedging.evidence[0]
    assert excerpt.text.startswith("Russia s main contribution has been air strikes")
    assert excerpt.text[slice(*excerpt.marks[0])] == "may"  # "the partial Russian withdrawal may not make ..."
    assert all("could now return home" not in e.text for e in hedging.evidence)


def test_standardised_differences_and_ranks(comparison):
    story = _story(comparison, "russia-syria-drawdown-2017-12")
    for index in comparison.index_names:
        ranks = sorted(o.rank[index] for o in story.outlets)
        assert ranks == [1, 2, 3]
        assert sum(o.z[index] for o in story.outlets) == pytest.approx(0.0, abs=1e-9)


def test_one_article_per_outlet_gives_no_interval(comparison):
    for outlet in comparison.outlets:
        assert outlet.n == 1 and outlet.p_values == {}
        assert all(i.low is None and i.high is None for i in outlet.indices.values())
    assert any("too few articles" in c for c in caveats(comparison))


def test_intervals_and_permutation_tests_appear_with_two_articles_per_outlet(analyses):
    doubled = analyses + [
        replace(a, article=replace(a.article, source=a.article.source + "#copy")) for a in analyses
    ]
    reuters = next(o for o in framing.compare(doubled).outlets if o.outlet == "Reuters")
    assert reuters.n == 2
    interval = reuters.indices["index.hedging"]
    assert interval.low == interval.high == interval.mean  # two identical articles
    assert 0 < reuters.p_values["index.hedging"] <= 1


def test_effective_number_of_sources_counts_each_source_once():
    guardian = framing.analyze((SEEDS / "001_ee11acba1649b0c1.txt").read_text(encoding="utf-8"))
    assert effective_sources(guardian.attributions) == pytest.approx(guardian.features["index.source_diversity"])
    assert effective_sources([]) == 0.0


def test_every_index_explains_itself(analyses):
    reuters = analyses[0]
    explanation = explain(reuters, "index.skepticism")
    assert explanation.value == pytest.approx(sum(c.contribution for c in explanation.contributions))
    # three skeptical voices in 858 body words: "Washington was skeptical", Pahon's "do not often
    # correspond", the European diplomat (the defence ministry's denial defends its own record;
    # "announced ... before only to later bring in" is the reporter's own distancing)
    top = explanation.contributions[0]
    assert (top.feature, top.value) == ("attribution.skeptical", 3.0)
    assert top.rate == pytest.approx(3000 / 858)
    assert [e.text for e in explanation.evidence][:2] == [
        "was skeptical about Putin s statement",
        "Russian comments about removal of their forces do not often correspond with actual troop "
        "reductions, and do not affect U.S. priorities in Syria",
    ]
    with pytest.raises(KeyError, match="unknown index"):
        explain(reuters, "index.astrology")


def test_loadedness_ranks_outlets_like_the_babe_experts(shared_data):
    """Measured: Spearman rho 0.915 over BABE's 10 outlets (python benchmarks/babe_outlet_check.py)."""
    result = benchmark("babe_outlet_check").evaluate(shared_data)
    assert len(result["outlets"]) == 10
    assert result["spearman_rho"] >= 0.90


def test_a_scare_quote_counts_once_in_skepticism():
    # the CBC seed's "de-escalation" is both loaded.scare_quotes and the reporter's narrator distancing
    analysis = framing.analyze((SEEDS / "002_720a579d1653449e.txt").read_text(encoding="utf-8"))
    parts = {c.feature for c in explain(analysis, "index.skepticism").contributions}
    assert "attribution.narrator_distancing" in parts and "loaded.scare_quotes" not in parts


def test_large_numbers_keep_their_digits_and_a_plural_noun_ends_the_unit():
    facts = framing.analyze("UNHCR said 1,234,567 refugees fled the region in 2017, and 300 kilometres were mined.").facts
    assert {f.key for f in facts if f.kind == "number"} == {"1234567 refugee", "300 kilometre"}


def test_names_among_facts_are_the_recognisers_not_capitalised_words():
    text = ("Listen Live\n\nNothing changed on Monday, Pentagon spokesman Eric Pahon told Reuters. "
            "More Syrian troops arrived in Latakia, the Syrian Observatory for Human Rights said. "
            "Russians were not surprised.")
    names = {f.key for f in framing.analyze(text).facts if f.kind == "name"}
    # page furniture, sentence-opening words and a lone nationality are not names
    assert names == {"pentagon", "eric pahon", "reuters", "latakia", "syrian observatory for human rights"}
    doc = framing.build_doc(text)
    assert extract_facts(doc) == extract_facts(doc, find_mentions(doc))  # mentions found once, or here


def _standout(comparison, story, outlet, index):
    return next(s for s in _outlet(_story(comparison, story), outlet).standouts if s.index == index)


def test_standout_evidence_shows_the_direction_of_the_difference(comparison):
    drawdown, withdrawal = "russia-syria-drawdown-2017-12", "russia-syria-withdrawal-2016-03"
    # Reuters is more positive: its most positive sentences, not its most negative ("defeated ... terrorists")
    tone = _standout(comparison, drawdown, "Reuters", "index.tone")
    assert tone.z > 0 and tone.evidence[0].text.startswith("Though polls show he will easily win")
    assert all("terrorists" not in e.text for e in tone.evidence)
    # the Observer is more negative: its most negative sentences
    observer = _standout(comparison, drawdown, "Observer", "index.tone")
    assert observer.z < 0 and "gassed his own people" in observer.evidence[0].text
    # Business Recorder doubts less: its only hedge ("appears") sits in the Kremlin's announcement,
    # so nothing of its own is counted and the evidence is the Guardian's doubt
    doubt = _standout(comparison, withdrawal, "Business Recorder", "index.skepticism")
    assert (doubt.shows, doubt.own, doubt.compared_with) == ("others_items", (), ("The Guardian",))
    assert standout_note(doubt) == "Business Recorder: no item counted. What The Guardian has:"
    assert standout_sentence(doubt).startswith("Business Recorder gives less room to doubt the central claim than The Guardian")
    assert {e.outlet for e in doubt.evidence} == {"The Guardian"}
    assert "we will have to wait and see" in doubt.evidence[0].text
    # CBC is easier to read: short sentences of narration, not its longest
    easier = _standout(comparison, drawdown, "CBC News", "index.complexity")
    assert (easier.shows, standout_note(easier)) == ("shortest", "Its shortest sentences of narration:")
    assert " ".join(easier.evidence[0].text.split()) == "The two then visited a military operations room."


def test_one_source_key_for_a_person_and_for_a_statement_and_its_issuer(analyses):
    guardian, recorder = analyses[1], analyses[3]
    keys = source_keys(guardian.attributions)
    by_text = {a.source.text: k for a, k in zip(guardian.attributions, keys)}
    # "The Russian president, Vladimir Putin, has declared" and "Putin said" are one source
    assert by_text["The Russian president, Vladimir Putin"] == by_text["Putin"] == "putin"
    # a title alone joins the one person of the article who holds it (seed 001's standfirst, as body text)
    titled = framing.analyze(
        "Russian president says soldiers should begin pulling out of country as military intervention "
        "has largely achieved its aims.\n\nThe Russian president, Vladimir Putin, has declared that he is "
        "withdrawing the majority of Russian troops from Syria."
    )
    assert source_keys(titled.attributions) == ["putin", "putin"]
    # three Syrian voices stay three sources
    assert {by_text["A statement issued by the Syrian presidency"], by_text["Syrian opposition sources"],
            by_text["the UK-based Syrian Observatory for Human Rights"]} == {
        "syrian presidency", "syrian opposition sources", "uk-based syrian observatory for human rights"}
    recorder_keys = dict(zip((a.source.text for a in recorder.attributions), source_keys(recorder.attributions)))
    # "the Kremlin said" ... "the statement said" ... "the Kremlin statement said": one source, the Kremlin
    assert recorder_keys["the statement"] == recorder_keys["the Kremlin statement"] == "kremlin"
    for analysis in analyses:
        distinct = len(set(source_keys(analysis.attributions)))
        assert analysis.features["index.source_diversity"] <= distinct + 1e-9


def test_omissions_leave_out_what_an_outlet_writes_and_its_own_name(comparison):
    drawdown = {(o.kind, o.key): o for o in _story(comparison, "russia-syria-drawdown-2017-12").omissions}
    withdrawal = {(o.kind, o.key): o for o in _story(comparison, "russia-syria-withdrawal-2016-03").omissions}
    # the Observer quotes Putin through Tass ("Tass quoted Putin saying")
    assert ("source", "putin") not in drawdown
    # Reuters' dateline names Reuters; an outlet's own name is never its omission
    assert "Reuters" not in drawdown.get(("name", "reuters"), _NONE).omitted_by
    # the Guardian: "Moscow has also come under fire", "In a statement the Kremlin said"
    assert ("name", "moscow") not in withdrawal and ("source", "kremlin statement") not in withdrawal
    assert ("source", "kremlin") not in withdrawal
    # what only one outlet has stays: Business Recorder's Peskov, the Guardian's Syrian Observatory
    assert withdrawal[("source", "peskov")].omitted_by == ("The Guardian",)
    # a report shows each as the outlet writes it, not by its matching key
    assert withdrawal[("source", "peskov")].shown == "Kremlin spokesman Dmitry Peskov"
    assert drawdown[("source", "aridi")].shown == "Yahya Aridi"
    assert drawdown[("number", "17 year")].shown == "17 years"


class _NONE:
    omitted_by = ()


def test_actor_table_merges_surnames_and_finds_names_each_outlet_writes(comparison):
    withdrawal = _story(comparison, "russia-syria-withdrawal-2016-03")
    recorder, guardian = _outlet(withdrawal, "Business Recorder"), _outlet(withdrawal, "The Guardian")
    assert "Putin" not in recorder.actor_labels and recorder.actor_labels["Vladimir Putin"] == ("Putin",)
    # "The UN's special envoy ... meeting in New York in a closed session from Geneva."
    assert "Geneva" in guardian.actor_labels["Geneva"]
    reuters = _outlet(_story(comparison, "russia-syria-drawdown-2017-12"), "Reuters")
    assert reuters.actor_labels["Islamic State"] == ("Islamic State",)  # "any possible Islamic State comeback"
    # CBC's photo credit "(Omar Sanadiki/Reuters)" and the Observer's "Pahon told Reuters" name the
    # agency, which reports the story and is none of its actors
    drawdown = _story(comparison, "russia-syria-drawdown-2017-12")
    assert all("Reuters" not in _outlet(drawdown, o).actor_labels for o in ("CBC News", "Observer", "Reuters"))


def test_one_word_counts_once_in_skepticism(analyses):
    guardian, cbc = analyses[1], analyses[2]
    # "something Russian officials have repeatedly denied": a contesting verb defending Russia's own
    # record, so not skeptical, and the contesting verb itself is no component: it counts nowhere
    parts = {c.feature: c for c in explain(guardian, "index.skepticism").contributions}
    assert guardian.features["attribution.contesting"] == 1.0 and "attribution.contesting" not in parts
    assert [e.attrs.get("source") for e in parts["attribution.skeptical"].evidence] == [
        "A Western diplomatic source", "Syrian opposition sources"]
    # CBC's "claiming" is the reporter's distancing once, not also a distancing verb at half weight
    cbc_parts = {c.feature: c for c in explain(cbc, "index.skepticism").contributions}
    assert "attribution.distancing" not in cbc_parts
    assert [e.text for e in cbc_parts["attribution.narrator_distancing"].evidence] == ["claiming", "de-escalation"]


def test_every_counted_contribution_lists_each_item_it_counted(analyses):
    for analysis in analyses:
        for index in ("index.skepticism", "index.hedging", "index.loadedness"):
            for part in explain(analysis, index).contributions:
                if part.feature != "loaded.narrator_per_1000_words":
                    assert len(part.evidence) == part.value, (analysis.article.source, index, part.feature)
        loaded = explain(analysis, "index.loadedness").contributions
        narrator = next(c for c in loaded if c.feature == "loaded.narrator_per_1000_words")
        assert len(narrator.evidence) == pytest.approx(
            narrator.value * analysis.features["readability.words"] / 1000)
        sources = explain(analysis, "index.source_diversity").contributions
        voices = [a for a in analysis.attributions if a.source is not None and "same_voice_as" not in a.attrs]
        assert sum(len(c.evidence) for c in sources) == len(voices)
        # the breakdown adds up to the index it explains
        assert math.exp(sum(c.contribution for c in sources)) == pytest.approx(
            analysis.features["index.source_diversity"])
    # Reuters: all three skeptical voices (Washington, Pahon, the European diplomat)
    skeptical = next(c for c in explain(analyses[0], "index.skepticism").contributions
                     if c.feature == "attribution.skeptical")
    assert [e.attrs["source"] for e in skeptical.evidence] == [
        "Washington", "Pentagon spokesman Eric Pahon", "one European diplomat who declined to be named"]


def test_loaded_table_lists_a_word_in_scare_quotes_once_and_scare_quotes_as_the_reporters(comparison):
    cbc = _outlet(_story(comparison, "russia-syria-drawdown-2017-12"), "CBC News")
    terrorists = [t for t in cbc.loaded if t.cue == "terrorists"]
    assert [(t.category, t.quoted) for t in terrorists] == [("contested_label_in_scare_quotes", True)]
    deescalation = next(t for t in cbc.loaded if t.cue == "de-escalation")
    assert (deescalation.category, deescalation.quoted) == ("scare_quote", False)


def test_wire_copy_and_unconfirmed_outlets_are_caveats(comparison):
    # the manifest: CBC (002) is "likely CBC News, not confirmed" and credits AP; 003 is "(wire copy)"
    assert [(p.outlet, p.wire_credit) for p in comparison.provenance] == [
        ("CBC News", "The Associated Press"), ("Business Recorder", ""),
    ]
    notes = [c for c in caveats(comparison) if "wire copy" in c]
    assert [n.split(" ")[0] for n in notes] == ["002_720a579d1653449e.txt", "003_f272ea3b034b08e0.txt"]
    assert "credits The Associated Press" in notes[0] and "not confirmed" in notes[0]
    assert notes[1] == (
        "003_f272ea3b034b08e0.txt (Business Recorder): outlet identified by text identical to a "
        "brecorder.com page of that date (wire copy). Part or all of it may be wire copy or another "
        "outlet's, so differences may not be this outlet's own framing."
    )


def test_compare_takes_analyses_and_says_so_when_given_text():
    # Reuters (seed 000), as a user might pass it before analysing it
    text = "Washington was skeptical about Putin s statement."
    with pytest.raises(TypeError, match=r"compare\(\) takes analyses .*not str; analyse texts first"):
        framing.compare([text])
    with pytest.raises(TypeError, match="not str"):
        framing.compare(text)
    assert framing.compare([framing.analyze(text)]).n_articles == 1


def test_allegedly_counts_once_in_skepticism():
    # PTC SemEval-2020 train article sentence; "allegedly" is a hedge and a distancing marker
    analysis = framing.analyze("But even the allegedly corroborating notes of the therapist raise a separate problem.")
    # 13 body words; counted once, as the reporter's distancing (x0.75), not again as a hedge (x0.25)
    assert analysis.features["readability.words"] == 13
    assert analysis.features["index.skepticism"] == pytest.approx(0.75 * 1000 / 13)
    hedges = next(c for c in explain(analysis, "index.skepticism").contributions
                  if c.feature == "hedging.narrator_cues")
    assert hedges.value == 0 and hedges.evidence == ()


def test_every_evidence_selector_in_the_weights_names_a_label_a_family_emits(analyses):
    from framing.scoring import index_specs

    emitted = {(e.family, e.label) for a in analyses for e in a.evidence}
    for index, spec in index_specs().items():
        for component in spec["components"]:
            for selector in component["evidence"]:
                if "label" in selector:
                    assert (selector["family"], selector["label"]) in emitted, (index, selector)
                else:
                    assert any(family == selector["family"] for family, _ in emitted), (index, selector)


def test_a_claim_with_no_source_named_is_not_a_voice(analyses):
    # Reuters: "the real number, including private contractors, is estimated to be much higher" names no source
    reuters = analyses[0]
    unnamed = [a for a in reuters.attributions if a.source is None]
    assert [a.cue.text for a in unnamed] == ["estimated"]
    named = [a for a in reuters.attributions if a.source is not None]
    assert reuters.features["index.source_diversity"] == pytest.approx(effective_sources(named))


def test_a_narrower_range_of_sources_names_them_as_the_outlet_writes_them(comparison):
    # Business Recorder (wire copy, 003) quotes the Kremlin's statement, Peskov and Putin; the
    # note names them as its text does, not by their lower-case keys
    withdrawal = "russia-syria-withdrawal-2016-03"
    narrower = _standout(comparison, withdrawal, "Business Recorder", "index.source_diversity")
    assert narrower.own == ("The Kremlin", "Kremlin spokesman Dmitry Peskov", "Putin")
    assert standout_note(narrower) == (
        "Business Recorder quotes 3 sources (The Kremlin, Kremlin spokesman Dmitry Peskov, Putin). "
        "Sources only The Guardian quotes:"
    )
    assert {e.outlet for e in narrower.evidence} == {"The Guardian"}


def test_an_outlet_that_names_the_actor_another_way_does_not_leave_it_out() -> None:
    """'Bashar Assad' in one outlet and 'Bashar al-Assad' in the other are one actor: nothing is left out."""
    one = framing.analyze(
        framing.Article(
            "Bashar Assad met Vladimir Putin in Sochi on Monday, the Kremlin said. Bashar Assad thanked him.",
            source="a.txt", outlet="Outlet A", story="s",
        )
    )
    other = framing.analyze(
        framing.Article(
            "Syrian President Bashar al-Assad met Vladimir Putin in Sochi on Monday, the Kremlin said.",
            source="b.txt", outlet="Outlet B", story="s",
        )
    )
    comparison = framing.compare([one, other])
    left_out = [(o.key, o.omitted_by) for story in comparison.stories for o in story.omissions]
    assert not [key for key, by in left_out if "assad" in key]
