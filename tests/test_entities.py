"""The name recogniser: mentions in the seeds read from the text, boilerplate never a name, the model card guarded,
and the CoNLL-2003 development figures held above floors just under what was measured."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.entities import (
    Mention,
    find_mentions,
    load_recogniser,
    name_windows,
    shipped_card_path,
    shipped_recogniser,
)
from framing.errors import ModelError
from framing.name_spans import decode, join_organisations
from framing.text import build_doc
from tests.conftest import ROOT, benchmark, seed_text

# A page pasted as a new user would: player and share furniture, a credit, a dateline, newsletter boxes.
MESSY_PAGE = """Putin orders partial withdrawal of Russian troops from Syria

Listen Live
Get short URL
date 2018-03-28
MOSCOW (Reuters) - Russian President Vladimir Putin on Monday ordered a partial withdrawal of Russian troops from Syria, the Kremlin said.

Photograph: Mikhail Klimentyev/Sputnik
Share on Facebook
Share on Twitter
Sign up for our morning newsletter

Defence Minister Sergei Shoigu said the aircraft would return to their bases in Russia, while the naval facility in Tartus would keep operating.
"We will not leave," a Pentagon spokesman said in Washington.
Subscribe to our newsletter
"""


def mentions_in(text: str, phrase: str) -> list[tuple[str, str]]:
    """(text, kind) of the mentions in the sentence of ``text`` that contains ``phrase``."""
    doc = build_doc(text)
    (sentence,) = [s for s in doc.sentences if phrase in s.text]
    return [(m.text, m.kind) for m in find_mentions(doc) if m.sentence == sentence.index]


def test_reuters_seed_names_people_places_and_the_pentagon(no_network: None) -> None:
    text = seed_text("000")
    # the dateline "MOSCOW (Reuters) -" is where the story was filed, not a name in it
    assert mentions_in(text, "President Vladimir Putin flew into Syria") == [
        ("Vladimir Putin", "person"), ("Syria", "place"), ("Moscow", "place"),
    ]
    assert mentions_in(text, "He held talks with President Bashar al-Assad") == [
        ("Bashar al-Assad", "person"), ("Russian", "misc"),
    ]
    assert mentions_in(text, "under the auspices of the United Nations") == [
        ("United Nations", "organisation"), ("Putin", "person"),
    ]
    assert mentions_in(text, "do not affect U.S. priorities") == [
        ("Russian", "misc"), ("U.S.", "place"), ("Syria", "place"),
        ("Pentagon", "organisation"), ("Eric Pahon", "person"),
    ]


def test_possessive_is_not_part_of_a_name(no_network: None) -> None:
    # the Guardian writes a curly apostrophe: "Putin’s defence and foreign ministers"
    assert mentions_in(seed_text("001"), "followed a meeting in the Kremlin") == [
        ("Syrian", "misc"), ("Bashar al-Assad", "person"), ("Kremlin", "place"), ("Putin", "person"),
    ]
    assert mentions_in(seed_text("003"), "Kremlin spokesman Dmitry Peskov")[:3] == [
        ("Kremlin", "place"), ("Dmitry Peskov", "person"), ("Moscow", "place"),
    ]


def test_honorific_is_not_part_of_a_name() -> None:
    assert mentions_in("The talks ended when Mr. Lavrov left for Geneva.", "Lavrov") == [
        ("Lavrov", "person"), ("Geneva", "place"),
    ]


def test_captions_and_boilerplate_give_no_names() -> None:
    doc = build_doc(seed_text("004"))
    mentions = find_mentions(doc)
    kinds = {doc.sentences[m.sentence].kind for m in mentions}
    assert kinds <= {"body", "headline", "subhead"}
    # "Russian President Vladimir Putin. ALEXANDER ZEMLIANICHENKO/AFP/Getty Images" is a caption
    assert not [m for m in mentions if m.text in ("AFP", "Getty Images", "ALEXANDER ZEMLIANICHENKO")]
    assert mentions_in(seed_text("004"), "Pentagon spokesman Eric Pahon told Reuters")[-3:] == [
        ("Pentagon", "organisation"), ("Eric Pahon", "person"), ("Reuters", "organisation"),
    ]


def test_messy_page_furniture_never_becomes_a_name(no_network: None) -> None:
    doc = build_doc(MESSY_PAGE)
    mentions = find_mentions(doc)
    names = {m.text for m in mentions}
    junk = {"Listen", "Live", "Listen Live", "URL", "Get short URL", "Photograph", "Mikhail Klimentyev", "Sputnik",
            "Facebook", "Twitter", "MOSCOW", "Reuters"}
    assert not names & junk
    assert not [m for m in mentions if "2018" in m.text or "date" in m.text]
    assert {("Vladimir Putin", "person"), ("Syria", "place"), ("Sergei Shoigu", "person"), ("Russia", "place"),
            ("Tartus", "place"), ("Pentagon", "organisation"), ("Washington", "place")} <= {
        (m.text, m.kind) for m in mentions
    }


def test_mentions_slice_the_original_text() -> None:
    text = seed_text("001")
    doc = build_doc(text)
    mentions = find_mentions(doc)
    assert mentions and all(isinstance(m, Mention) and text[m.start : m.end] == m.text for m in mentions)
    assert all(doc.sentences[m.sentence].start <= m.start < m.end <= doc.sentences[m.sentence].end for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_empty_and_lower_case_texts_have_no_names() -> None:
    assert find_mentions(build_doc("")) == ()
    assert find_mentions(build_doc("officials said the plan may fail.")) == ()


def test_decode_reads_iob_as_conlleval() -> None:
    # "Bashar al-Assad met UN envoy Staffan de Mistura": a stray I- starts an entity, as in conlleval
    tags = ["B-PER", "I-PER", "O", "I-ORG", "O", "B-PER", "I-PER", "I-PER"]
    assert decode(tags) == [(0, 2, "PER"), (3, 4, "ORG"), (5, 8, "PER")]
    assert decode(["B-LOC", "B-LOC"]) == [(0, 1, "LOC"), (1, 2, "LOC")]


def test_a_words_own_features_and_those_it_lends_its_neighbours() -> None:
    """Read from the word alone: lower-cased word, shape with runs collapsed, prefixes, suffixes, flags."""
    from framing.entities import _shape, _word_features

    assert [_shape(w) for w in ("McCain", "U.S.", "2017", "Erdo\u011fan", "\u01c5ivko")] == [
        "XxXx", "X.X.", "d", "Xx", "\u01c5x"]
    own, minus2, minus1, plus1, plus2 = _word_features("F-16s")
    assert own == ("w=f-16s", "s=X-dx", "p2=f-", "p3=f-1", "x2=6s", "x3=16s", "x4=-16s", "cap", "digit", "hyphen")
    assert (minus2, minus1, plus1, plus2) == (
        ("-2w=f-16s",), ("-1w=f-16s", "-1s=X-dx"), ("+1w=f-16s", "+1s=X-dx"), ("+2w=f-16s",))
    assert _word_features("Putin")[0][-2:] == ("cap", "title") and "upper" in _word_features("NATO")[0]


def _conlleval_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """conlleval's reading of IOB tags, tag by tag: what decode must give."""
    spans, start, current = [], -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if current and (prefix != "I" or kind != current):
            spans.append((start, i, current))
            current = ""
        if prefix == "B" or (prefix == "I" and kind != current):
            start, current = i, kind
    return spans


@given(st.lists(st.sampled_from(["O", "O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "I-LOC", "B-MISC"]),
                max_size=40))
def test_decode_agrees_with_conlleval_on_any_tags(tags: list[str]) -> None:
    assert decode(tags) == _conlleval_spans(tags)


def test_name_windows_cover_capitalised_words_and_short_joiners() -> None:
    words = "the Bank of England said on Monday that rates would stay".split()
    assert name_windows(words) == [(1, 4), (6, 7)]
    assert name_windows("prices rose again".split()) == []


def test_import_framing_does_not_load_crfsuite() -> None:
    code = "import sys, framing; print('pycrfsuite' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"


def copy_model(tmp_path: Path) -> Path:
    """The shipped card and every file it names, copied to ``tmp_path``."""
    card = shipped_card_path()
    for name in (card.name, *json.loads(card.read_text(encoding="utf-8"))["files"].values()):
        shutil.copy(card.parent / name, tmp_path / name)
    return tmp_path / card.name


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    card_path = copy_model(tmp_path)
    words = "He held talks with President Bashar al-Assad .".split()
    assert load_recogniser(card_path).tag(words) == ["O"] * 5 + ["B-PER", "I-PER", "O"]
    weights = tmp_path / "ner.npz"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="ner.npz does not match the SHA-256"):
        load_recogniser(card_path)


def test_another_gazetteer_or_a_path_outside_is_refused(tmp_path: Path) -> None:
    card_path = copy_model(tmp_path)
    with open(tmp_path / "ner.places.tsv", "a", encoding="utf-8") as places:
        places.write("Hmeimim\tcity\n")  # the model was not trained with it
    with pytest.raises(ModelError, match="ner.places.tsv does not match the SHA-256"):
        load_recogniser(card_path)
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["files"]["model"] = "../ner.npz"
    card_path.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="file name beside the card"):
        load_recogniser(card_path)


# Measured with `python benchmarks/eval_ner.py` (name windows, the organisation, title and particle rules, as
# find_mentions tags): PER 0.9115, ORG 0.8353, LOC 0.9371, MISC 0.8686, PER+ORG+LOC 0.9011. Floors sit just under.
DEV_FLOORS = {"PER": 0.90, "ORG": 0.825, "LOC": 0.93, "MISC": 0.86, "PER+ORG+LOC": 0.895}


def test_development_f1_holds(shared_data: Path) -> None:
    scores = benchmark("eval_ner").dev_scores(shared_data / "conll2003")
    assert {name: scores[name]["f1"] >= floor for name, floor in DEV_FLOORS.items()} == dict.fromkeys(DEV_FLOORS, True)
    assert scores["PER+ORG+LOC"]["gold"] == 5020  # 1,842 PER + 1,341 ORG + 1,837 LOC, as SOURCE.txt counts


def test_numpy_decoding_gives_crfsuite_tags(shared_data: Path, tmp_path: Path) -> None:
    """A small CRF trained here: framing's decoding of its exported weights must give CRFsuite's own tags."""
    pytest.importorskip("pycrfsuite")
    fit_ner = benchmark("fit_ner")
    train = fit_ner.read_conll(shared_data / "conll2003" / "train.txt")[:600]
    dev = fit_ner.read_conll(shared_data / "conll2003" / "dev.txt")[:400]
    crfsuite_path = tmp_path / "small.crfsuite"
    fit_ner.train(train, crfsuite_path, iterations=30)
    for table in (fit_ner.PLACES, fit_ner.CHROME, fit_ner.ORGANISATIONS, fit_ner.OPENERS):
        shutil.copy(fit_ner.MODELS / table, tmp_path / table)
    fit_ner.export(crfsuite_path, tmp_path / "ner.npz")
    fit_ner.write_card(tmp_path / "ner.npz", tmp_path / "ner.json", shared_data / "conll2003" / "train.txt")
    recogniser = load_recogniser(tmp_path / "ner.json")
    contexts = fit_ner.document_contexts(dev)
    ours = [recogniser.tag(s.words, contexts[s.document], every_word=True) for s in dev]
    assert ours == [list(tags) for tags in fit_ner.tag_all(crfsuite_path, dev)]


def test_an_organisation_goes_on_across_of_and_for_after_its_head_word() -> None:
    # Guardian, 2016-03-14 (seed 001): the model ends the name at "for" and takes "Human Rights" for a person
    text = ("Russian air strikes killed 4,408 people including 1,733 civilians between September 2015 and "
            "early March 2016, according to the UK-based Syrian Observatory for Human Rights.")
    names = [(m.text, m.kind) for m in find_mentions(build_doc(text))]
    assert ("UK-based Syrian Observatory for Human Rights", "organisation") in names
    assert all(kind != "person" for _, kind in names)
    words = "the Organisation for the Prohibition of Chemical Weapons met Putin for talks".split()
    tags = ["O", "B-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PER", "O", "O"]
    heads = shipped_recogniser().organisations
    assert decode(join_organisations(words, tags, heads)) == [(1, 8, "ORG"), (9, 10, "PER")]
    words = "the Ministry of the Interior".split()
    assert decode(join_organisations(words, ["O", "B-ORG", "O", "O", "B-LOC"], heads)) == [(1, 5, "ORG")]
    # "for" after a name that is not an organisation's head joins nothing, nor does a head inside a name
    assert join_organisations("Putin for Assad".split(), ["B-PER", "O", "B-PER"], heads) == ["B-PER", "O", "B-PER"]
    words = "the Bank Holiday of Britain".split()
    assert decode(join_organisations(words, ["O", "B-MISC", "I-MISC", "O", "B-LOC"], heads)) == [
        (1, 3, "MISC"), (4, 5, "LOC")]
    # a school, a church: PTC article 700551604 and the Washington Post of 2016-01-31 (PolNeAR) had "School" and
    # "Americas", and "Clinton School" (a person) and "Public Service", apart
    text = ("That would enable the CIA to blame the assassination on a communist, which, not coincidentally, was the "
            "advice that the Pentagon and the CIA were doling out to Latin American military dictatorships at the "
            "School of the Americas.")
    assert ("School of the Americas", "organisation") in [(m.text, m.kind) for m in find_mentions(build_doc(text))]
    text = ("said Skip Rutherford, a longtime Clinton loyalist and dean of the University of Arkansas Clinton School of "
            "Public Service, who has known the Clintons for decades.")
    names = [(m.text, m.kind) for m in find_mentions(build_doc(text))]
    assert ("Clinton School of Public Service", "organisation") in names and ("Public Service", "organisation") not in names


def test_a_person_goes_on_over_a_hyphenated_surname_the_model_left_out() -> None:
    # Observer, 2017-12-11 (seed 004): the model tags "Abdel Fattah" and leaves "el-Siss" out
    text = seed_text("004")
    names = [m.text for m in find_mentions(build_doc(text))]
    assert "Abdel Fattah el-Siss" in names and "Abdel Fattah" not in names


def test_two_halves_of_a_name_apart_only_by_a_particle_are_one_person() -> None:
    """PTC article 755814432: the model splits the name that opens the sentence into "Osama" and "Laden"."""
    text = "Osama bin Laden made it clear why al-Qaeda sought to attack the US."
    assert [(m.text, m.kind) for m in find_mentions(build_doc(text))][0] == ("Osama bin Laden", "person")
    # the tags themselves: B-PER O B-PER is one person; a particle in capitals or two words of prose are not
    heads = frozenset()
    words = "Osama bin Laden made it".split()
    assert decode(join_organisations(words, ["B-PER", "O", "B-PER", "O", "O"], heads)) == [(0, 3, "PER")]
    words = "Putin and Assad met".split()
    assert decode(join_organisations(words, ["B-PER", "O", "B-PER", "O"], heads)) == [(0, 1, "PER"), (2, 3, "PER")]


def test_a_name_that_opens_with_the_end_of_a_title_is_the_person_after_it() -> None:
    """Western Journal 2016-08-19 (PolNeAR): "State Colin Powell" had been an organisation."""
    text = ("Democratic presidential nominee Hillary Clinton told federal investigators in July she was advised by "
            "former Secretary of State Colin Powell to use a private email account, the New York Times reported.")
    mentions = [(m.text, m.kind) for m in find_mentions(build_doc(text))]
    assert ("Colin Powell", "person") in mentions and not any("State" in name for name, _ in mentions)


def test_a_person_of_a_headline_s_words_goes_but_a_name_with_one_such_word_stays() -> None:
    """PTC article 706088110 cites "U.S. Judge Frees Indonesian Immigrant Held By Trump Order", which had been a
    person; George Will (PolNeAR, Western Journal) has "Will" in his name."""
    text = "[U.S. Judge Frees Indonesian Immigrant Held By Trump Order, by Nate Raymond, Reuters, November 1, 2017]"
    assert not any("Frees" in m.text for m in find_mentions(build_doc(text)))
    text = ("Conservative columnist and Fox News contributor George Will reignited his feud with Donald Trump this "
            "week after writing a scathing Washington Post op-ed that targeted the 2016 presidential candidate.")
    assert ("George Will", "person") in [(m.text, m.kind) for m in find_mentions(build_doc(text))]


def test_a_title_begun_in_lower_case_is_no_title() -> None:
    """ "major general" is a title only when written as one: "a major General Motors plant" keeps the company
    whole, where "Secretary of" + "State Colin Powell" gives the person."""
    heads = frozenset()
    words = "at a major General Motors plant".split()
    assert decode(join_organisations(words, ["O", "O", "O", "B-ORG", "I-ORG", "O"], heads)) == [(3, 5, "ORG")]
    words = "former Secretary of State Colin Powell to".split()
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert decode(join_organisations(words, tags, heads)) == [(4, 6, "PER")]



def test_the_words_before_a_title_stay_an_organisation_only_when_they_can_be_one() -> None:
    """A second read's cases, the whole run tagged an organisation as the model does: "FBI" before "Director"
    is an organisation, and so is "U.S." before "Attorney General", but not "U.S. Attorney"; "National Security"
    before "Adviser" is none; a
    name that ends in an organisation's head word ("Court") is not split at the title inside it."""
    heads = shipped_recogniser().organisations
    cases = {
        "FBI Director James Comey said": [("FBI", "ORG"), ("James Comey", "PER")],
        "National Security Adviser Michael Flynn said": [("Michael Flynn", "PER")],
        "U.S. Attorney General Jeff Sessions said": [("U.S.", "ORG"), ("Jeff Sessions", "PER")],
        "at Glasgow Sheriff Court on": [("Glasgow Sheriff Court", "ORG")],
    }
    for text, expected in cases.items():
        words = text.split()
        tags = ["O" if w[:1].islower() else "I-ORG" for w in words]
        tags[next(k for k, t in enumerate(tags) if t != "O")] = "B-ORG"
        assert [(" ".join(words[a:b]), kind) for a, b, kind in decode(join_organisations(words, tags, heads))] == \
            expected, text


def test_a_people_or_a_faith_is_misc_as_conll_types_it() -> None:
    """USA Today 2016-05-11 (PolNeAR): the model read "Muslim" and "Muslims" as people."""
    text = ("Khan, a Muslim, was elected as mayor of London last week. It risks alienating mainstream Muslims around "
            "the world, Khan said.")
    kinds = {m.text: m.kind for m in find_mentions(build_doc(text))}
    assert kinds["Muslim"] == kinds["Muslims"] == "misc" and kinds["Khan"] == "person"


def test_batched_viterbi_finds_each_windows_best_path() -> None:
    """Windows of different lengths decoded together (longest first) give each one's best path, checked by
    trying every path; windows inside a sentence take the transitions from and to O."""
    import itertools

    import numpy as np

    from framing.entities import _viterbi

    rng = np.random.default_rng(0)
    labels, o = 4, 3
    transitions = rng.normal(size=(labels, labels))
    lengths, opens, closes = [1, 4, 2, 3, 1], [False, True, True, False, True], [True, False, True, True, False]
    emissions = rng.normal(size=(sum(lengths), labels))

    def best(rows: np.ndarray, opened: bool, closed: bool) -> list[int]:
        def score(path: tuple[int, ...]) -> float:
            total = sum(rows[t, k] for t, k in enumerate(path))
            total += sum(transitions[a, b] for a, b in zip(path, path[1:]))
            return total + (transitions[o, path[0]] if opened else 0) + (transitions[path[-1], o] if closed else 0)
        return list(max(itertools.product(range(labels), repeat=len(rows)), key=score))

    firsts = np.cumsum([0, *lengths[:-1]])
    expected = [best(emissions[f : f + n], a, b) for f, n, a, b in zip(firsts, lengths, opens, closes)]
    assert _viterbi(emissions, lengths, transitions, o, opens, closes) == expected


def test_an_articles_sentences_tagged_together_are_tagged_as_one_by_one() -> None:
    recogniser = shipped_recogniser()
    sentences = [s.split() for s in (
        "Russian President Vladimir Putin ordered the withdrawal on Monday .",
        "The Kremlin said Defence Minister Sergei Shoigu would oversee it .",
        "prices rose again .",
        "Syria 's President Bashar al-Assad thanked him , SANA reported .",
    )]
    assert recogniser.tag_sentences(sentences) == [recogniser.tag(words) for words in sentences]


def test_tags_do_not_depend_on_the_words_kept_from_earlier_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept word sums grow past their first array and start again when full: the tags stay the same."""
    import framing.entities as entities

    words = "Syria 's President Bashar al-Assad thanked Vladimir Putin , SANA reported .".split()
    expected = ["B-LOC", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "O"]
    fresh = load_recogniser(shipped_card_path())
    assert fresh.tag(words) == expected
    crowded = load_recogniser(shipped_card_path())
    early = ["Vladimir", "Putin", "met", "Bashar", "al-Assad", "in", "Sochi", "."]
    before = crowded.tag(early)  # rows written before the array grows must survive its growing
    crowded.tag([f"Word{n}" for n in range(3000)])  # past the first 1,024 rows, twice
    assert crowded.tag(early) == before == fresh.tag(early)
    assert crowded.tag(words) == expected
    monkeypatch.setattr(entities, "_WORD_CACHE", 8)  # every article now starts the rows again
    assert crowded.tag(words) == expected
    other = "The Kremlin said Defence Minister Sergei Shoigu would oversee it .".split()
    assert crowded.tag(other) == fresh.tag(other) == ["O", "B-LOC", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    # a recogniser pickles (a user's estimator may hold one); its copy starts with no word kept
    copy = pickle.loads(pickle.dumps(crowded))  # noqa: S301 - our own object, in memory
    assert copy.tag(words) == expected


def test_words_that_open_a_sentence_are_not_part_of_a_name() -> None:
    # the model took "Despite Trump" and "Unlike Cruz" for names, and "Again" and "Yes" alone
    text = ("Despite Trump's lead in the polls, Cruz won Iowa. Again, the Kremlin denied it. Yes, AT&T said so. "
            "Unlike Cruz, Rubio spoke to reporters in Des Moines.")
    names = [m.text for m in find_mentions(build_doc(text))]
    assert names[:2] == ["Trump", "Cruz"] and "AT&T" in names  # an acronym is never trimmed ("AT" of AT&T)
    assert not {"Again", "Yes", "Despite Trump", "Unlike Cruz"} & set(names)
    assert names.count("Cruz") == 2


def test_an_auxiliary_or_a_caption_s_photo_before_a_name_is_not_part_of_it() -> None:
    """PTC articles 698503276, 697472447 and 770877978: "Had Obama", "Did Campos" and "Photo Trump" were people
    apart from Barack Obama, Jesus Campos and Donald Trump."""
    text = ("Had Obama followed the Constitution and submitted the JCPOA to the Senate as a treaty in the first place, "
            "the JCPOA in its present form almost certainly would not have been approved.\n\nDid Campos call 911?"
            "\n\n| Rick Bowmer/AP Photo Trump pardons Oregon ranchers whose imprisonment sparked 2016 armed standoff")
    names = [m.text for m in find_mentions(build_doc(text))]
    assert names.count("Obama") == 1 and names.count("Campos") == 1 and names.count("Trump") == 1
    assert not {"Had Obama", "Did Campos", "Photo Trump"} & set(names)


def test_a_first_word_the_article_writes_in_lower_case_is_no_name_but_an_acronym_is() -> None:
    text = ("US officials said the strikes would go on. Well, Anderson said, the plan may fail. "
            "Agenda items were read out. The agenda was long. He was born in N.Y. and moved to Texas.")
    assert [m.text for m in find_mentions(build_doc(text))] == ["US", "Anderson", "N.Y.", "Texas"]


def test_a_person_after_a_title_is_split_from_the_organisation_before_it() -> None:
    # PolNeAR, Politico 2016-07-11: the model read "FBI Director James Comey" as one organisation
    text = "FBI Director James Comey said those statements were wrong during a hearing last week."
    assert [(m.text, m.kind) for m in find_mentions(build_doc(text))] == [
        ("FBI", "organisation"), ("James Comey", "person")]
    # a title word opening the name is the organisation's own: nothing before it to split off
    text = "General Motors said it would cut jobs."
    assert [(m.text, m.kind) for m in find_mentions(build_doc(text))] == [("General Motors", "organisation")]


def test_a_title_case_headline_read_as_prose_gives_no_organisation() -> None:
    """PolNeAR's Western Journal files open with a Title-Case headline ending in a full stop, which reads
    as prose: the model took the whole line for an organisation."""
    text = ("Ben Carson Slams Hillary And The Media In One Debate Answer.\n\n"
            "Ben Carson criticized Hillary Clinton on Tuesday night.")
    names = [(m.text, m.kind) for m in find_mentions(build_doc(text))]
    assert not any(" And " in name for name, _ in names)
    assert ("Ben Carson", "person") in names and ("Hillary Clinton", "person") in names
    # a name that holds a function word in lower case is still one
    text = "The Syrian Observatory for Human Rights said 20 people were killed."
    assert [(m.text, m.kind) for m in find_mentions(build_doc(text))] == [
        ("Syrian Observatory for Human Rights", "organisation")]
