"""Actor framing: whose claims each article treats as true, whom it labels, who speaks.

Every expected value below was read in the seed or sentence it names; the
sentences are the seeds' own or real news wording from the issue.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import framing
from framing.actor_frames import actor_frames, portrayal_parts
from framing.actor_tone import vader_tone
from framing.types import Actor, Analysis
from tests.conftest import SEEDS, seed_text


def _frames(text: str) -> dict[str, Actor]:
    return {a.name: a for a in actor_frames(framing.analyze(text))}


def _rules(actor: Actor) -> list[tuple[str, str]]:
    return [(str(e.attrs["rule"]), e.text) for e in actor.evidence if e.label == "credence"]


def _contesters(actor: Actor) -> list[str]:
    return [str(e.attrs["contester"]) for e in actor.evidence if e.label == "contested"]


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict[str, Actor]]:
    return {p: {a.name: a for a in actor_frames(framing.analyze(seed_text(p)))} for p in ("000", "001", "002", "003", "004")}


# -- the seeds, read ----------------------------------------------------------------


def test_reuters_pentagon_spokesman_and_european_diplomat_contest_putin(seeds: dict[str, dict[str, Actor]]) -> None:
    # "Washington was skeptical about Putin s statement." / "..., said Pentagon spokesman Eric Pahon." /
    # "We ve seen such announcements before, ..., said one European diplomat who declined to be named."
    putin = seeds["000"]["Vladimir Putin"]
    assert _contesters(putin) == ["Washington", "Eric Pahon", "European diplomat who declined to be named"]
    assert putin.features["contested"] == 3.0
    # nine statements of his own, all with a neutral verb (declaring, told x3, said x3, made clear x2)
    assert putin.features["voice.count"] == 9.0
    assert putin.features["voice.direct"] == 1.0  # "I congratulate you! Putin told the servicemen."
    # three contests of weight -1 over three plus nine plain statements
    assert putin.features["credence"] == pytest.approx(-3 / 12)
    assert putin.features["voice.last_word"] == 0.0  # the European diplomat has it


def test_reuters_labels_go_to_their_actor_and_martyrs_is_assads_word(seeds: dict[str, dict[str, Actor]]) -> None:
    # "pressure the Assad regime": the reporter's negative label for Assad
    assad = seeds["000"]["Bashar al-Assad"]
    assert (assad.features["labels.reporter_negative"], assad.features["labels.positive"]) == (1.0, 0.0)
    # "quoted Assad as thanking Putin ..., saying the blood of Moscow s martyrs ...": Assad's word about Moscow
    (martyrs,) = [e for e in seeds["000"]["Moscow"].evidence if e.label == "label"]
    assert (martyrs.text, martyrs.attrs["voice"], martyrs.attrs["speaker"]) == ("martyrs", "reported", "Assad")
    assert seeds["000"]["Moscow"].features["labels.quoted_positive"] == 1.0
    # "It also showed the two men watching what it called a victory parade": the reporter's marker on state TV
    assert _rules(seeds["000"]["Syrian state television"]) == [("reporter_hedge", "what it called")]


def test_observer_claiming_distances_syrian_state_television(seeds: dict[str, dict[str, Actor]]) -> None:
    # "Syrian state television aired footage ..., claiming Assad was thankful for the blood of Moscow's "martyrs.""
    television = seeds["004"]["Syrian state television"]
    assert _rules(television) == [("distancing_verb", "claiming"), ("scare_quotes", "martyrs")]
    assert television.features["credence"] == pytest.approx(-1.0)
    # "..., Pentagon spokesman Eric Pahon told Reuters." contests Putin, whom Tass quotes just before
    assert _contesters(seeds["004"]["Vladimir Putin"]) == ["Eric Pahon"]


def test_guardian_western_diplomatic_source_doubts_putin(seeds: dict[str, dict[str, Actor]]) -> None:
    # "A Western diplomatic source said: "we will have to wait and see what this represents. It is Putin. ...""
    # "Syrian opposition sources said ... they will wait to see if it emerges to be true or a political manoeuvre."
    putin = seeds["001"]["Vladimir Putin"]
    assert _contesters(putin) == ["Western diplomatic source", "Syrian opposition sources"]
    # "Moscow has also come under fire ..., while claiming to be fighting Islamic State"
    assert _rules(seeds["001"]["Moscow"]) == [("distancing_verb", "claiming")]
    # "... accused the Russian campaign ..., something Russian officials have repeatedly denied": against the accuser
    assert _contesters(seeds["001"]["Syrian activists and rights groups"]) == ["Russian officials"]
    # "protect Assad's regime from collapse"
    assert seeds["001"]["Bashar al-Assad"].features["labels.reporter_negative"] == 1.0


def test_cbc_claiming_distances_putin_and_business_recorder_reports_plainly(seeds: dict[str, dict[str, Actor]]) -> None:
    # "President Vladimir Putin on Monday ordered Russian forces ..., claiming that ... Moscow and Damascus had achieved"
    assert _rules(seeds["002"]["Vladimir Putin"]) == [("distancing_verb", "claiming")]
    # "the Syrian regime's crumbling forces", "with the Syrian strongman": two of the reporter's labels for Assad
    assert seeds["003"]["Bashar al-Assad"].features["labels.reporter_negative"] == 2.0
    # the Kremlin's and Putin's statements are all reported with neutral verbs: credence 0
    assert seeds["003"]["the Kremlin"].features["credence"] == 0.0
    assert seeds["003"]["Vladimir Putin"].features["credence"] == 0.0


def test_a_group_frames_its_members_together(seeds: dict[str, dict[str, Actor]]) -> None:
    group = seeds["000"]["Russian government"]
    assert group.kind == "group"
    assert group.features["contested"] == 3.0  # Putin's three contesters
    assert group.features["labels.quoted_positive"] == 1.0  # Moscow's "martyrs"


def test_a_group_named_as_a_source_is_one_row_with_its_members() -> None:
    """USA Today (PolNeAR, 2016-08-24): "The Turkish government claims ..." and "the Turkish government declared ..."
    name no actor the recogniser finds, only a source; with Erdogan they are the Turkish government, one row (it
    had been the two sources' row alone). "claims" is a distancing verb, counted once: not a hedge on top."""
    text = ("The Turkish government claims G\u00fclen runs a worldwide network trying to overthrow the regime. "
            "Turkish President Recep Tayyip Erdogan has repeatedly called on the United States to extradite "
            "G\u00fclen. In the wake of the coup attempt July 15, the Turkish government declared Oksuz was a leader "
            "of the plot.")
    rows = [a for a in actor_frames(framing.analyze(text)) if a.name == "Turkish government"]
    assert [(a.kind, [m.text for m in a.mentions]) for a in rows] == [
        ("group", ["The Turkish government", "Recep Tayyip Erdogan", "the Turkish government"])]
    group = rows[0]
    assert group.features["voice.count"] == 3.0  # claims, called on, declared
    assert _rules(group) == [("distancing_verb", "claims")]
    assert group.features["credence"] == pytest.approx(-1 / 3)  # -1 over 1 and two plain statements


# -- one credence rule each -------------------------------------------------------------


def test_an_endorsing_verb_raises_credence() -> None:
    white_house = _frames("Even the White House has confirmed that the withdrawal is moving forward.")["the White House"]
    assert _rules(white_house) == [("endorsing_verb", "confirmed")]
    assert white_house.features["credence"] == 1.0


def test_a_presupposing_frame_raises_credence() -> None:
    frames = _frames("Pentagon spokesman Eric Pahon said the withdrawal had begun, as the Pentagon showed last week.")
    assert _rules(frames["the Pentagon"]) == [("presupposing_frame", "as the Pentagon showed")]
    assert frames["Eric Pahon"].features["credence"] == 0.0  # a plain "said"


def test_a_contesting_voice_lowers_the_credence_of_the_one_it_names() -> None:
    frames = _frames("Putin said the withdrawal would begin on Tuesday. Washington was skeptical about Putin's statement.")
    assert _contesters(frames["Vladimir Putin"]) == ["Washington"]
    assert frames["Vladimir Putin"].features["credence"] == pytest.approx(-0.5)  # -1 over |-1| + one plain "said"
    assert frames["Washington"].features["credence"] == 0.0


def test_a_denial_counts_against_the_accuser() -> None:
    text = ("The Syrian Observatory for Human Rights has accused the Russian air force of killing civilians. "
            "Moscow denied the allegations.")
    contested = [a for a in actor_frames(framing.analyze(text)) if a.features["contested"]]
    assert [(a.name, _contesters(a)) for a in contested] == [("Syrian Observatory for Human Rights", ["Moscow"])]
    # a request noun inside what is denied ("deal") makes no refusal: the clause is the claim denied
    denied_clause = text.replace("the allegations", "that it had made any deal with the rebels")
    assert _contests(denied_clause) == [("Syrian Observatory for Human Rights", ["Moscow"])]


def _contests(text: str) -> list[tuple[str, list[str]]]:
    return [(a.name, _contesters(a)) for a in actor_frames(framing.analyze(text)) if a.features["contested"]]


def test_a_refusal_contests_no_ones_claim() -> None:
    """Real openings (PolNeAR: Western Journal, 2016-05-24; USA Today, 2016-05-11). Turning down a proposal or an offer doubts no one's
    claim; each had counted against Sanders (the article's leading claimant) and against Trump."""
    assert _contests(
        "Democratic presidential front-runner Hillary Clinton has rejected a Fox News proposal for one final debate "
        "with rival Sen. Bernie Sanders of Vermont.\n\nFox News Vice President and Washington Managing Editor Bill "
        "Sammon expressed the network\u2019s frustration.\n\nSanders, who had said he would debate the front-runner, "
        "criticized Clinton on two fronts."
    ) == []
    assert _contests(
        "The British capital's new mayor on Tuesday rejected Republican presidential candidate Donald Trump's offer "
        "to make an \"exception\" to his call for a temporary ban on Muslims entering the United States by allowing "
        "Sadiq Khan.\n\nOn Monday, Trump said he was \"happy to see\" that Khan was voted in, according to The New "
        "York Times."
    ) == []


def test_a_denial_with_no_accuser_in_sight_is_not_given_to_the_leading_claimant() -> None:
    """New York Times (PolNeAR, 2016-06-17): "the reports" were rumours, not Nadella's words; the denial had
    counted against him, the only claimant of the excerpt."""
    text = (
        "LinkedIn had the advantage of a clearly defined user base -- business professionals -- that fit neatly "
        "into Microsoft's current strategic focus. ''This deal is all about bringing together the professional "
        "cloud and professional network,'' Mr. Nadella said in a recent report in The New York Times.\n\n"
        "Twitter is increasingly seen as a source of news and information more than user interaction. That makes "
        "it a natural fit for a news organization seeking to extend its digital footprint, and rumors that News "
        "Corporation was interested briefly buoyed the stock this year. (News Corporation denied the reports and "
        "no bid materialized.)"
    )
    assert _contests(text) == []


def test_a_voice_contests_the_owner_of_the_claim_and_a_doubt_about_no_claim_contests_no_one() -> None:
    """Washington Post (PolNeAR, 2015-12-10): its headline and a later sentence. "Trump's remarks" are the claim
    Netanyahu rejects; "Israel disputes this" (that East Jerusalem is occupied under international law) names no
    claim of an actor's, and had gone to the leading claimant, Trump."""
    text = (
        "Netanyahu rejects Trump's remarks about Muslims but will meet with him.\n\n"
        "The United States and other nations have their embassies in Tel Aviv and not Jerusalem, whose eastern "
        "flanks are considered occupied territory under international law, although Israel disputes this."
    )
    assert ("Donald Trump", ["Benjamin Netanyahu"]) in _contests(text)
    assert all(contesters == ["Benjamin Netanyahu"] for _, contesters in _contests(text))


def test_the_owner_of_a_claim_is_contested_though_the_text_lost_its_apostrophes() -> None:
    """Reuters' sentence as the seed carries it ("Putin s"), alone: Putin makes no statement here, so only his
    ownership of the statement names him."""
    assert _contests("Washington was skeptical about Putin s statement.") == [
        ("Vladimir Putin", ["Washington"]), ("Russian government", ["Washington"])]


def test_a_doubt_about_what_was_announced_contests_the_one_who_announced_it() -> None:
    """"the withdrawal" has no owner in its sentence: the claim is the leading claimant's, Putin's."""
    text = ("Russian President Vladimir Putin announced the withdrawal on Monday. "
            "The Pentagon was skeptical about the withdrawal.")
    # his row and his group's
    assert _contests(text) == [("Vladimir Putin", ["the Pentagon"]), ("Russian government", ["the Pentagon"])]


def test_a_person_named_in_a_doubt_is_contested_only_when_the_doubt_says_they_spoke() -> None:
    """Washington Post (PolNeAR, 2015-12-28): China speaks inside the voice's words ("When China announced its
    Silk Road plan"), so the doubt is about its claim. New York Times (PolNeAR, 2016): Bush questions Trump's
    tactics and decency, not anything Trump said. Each text opens with a statement of the person's own, so that
    he is one of the article's claimants."""
    china = ("China said the plan would help its neighbours. \"When China announced its Silk Road plan in Kazakhstan, "
             "it was met with a lot of skepticism and even fear by the Russian leadership,\" said Alexander Gabuyev, "
             "head of the Russia in the Asia Pacific Program at the Carnegie Moscow Center.")
    assert ("China", ["Alexander Gabuyev"]) in _contests(china)
    trump = ("Mr. Trump said he would build a wall. In debate after debate, and rally after rally, Mr. Bush "
             "questioned Mr. Trump's tactics, his qualifications, his judgment, his worldview and his very decency.")
    assert _contests(trump) == []


def test_a_negated_challenge_contests_no_one() -> None:
    """Washington Post (PolNeAR, 2016): the moderators did not challenge Fiorina's statement."""
    said = "Carly Fiorina said she had seen the video. "
    sentence = ("In an earlier debate, Fiorina's statement about seeing an abortion performed on video was {}"
                "challenged by CNN moderators.")
    assert _contests(said + sentence.format("")) == [("Carly Fiorina", ["CNN"])]
    assert _contests(said + sentence.format("not ")) == []
    # the same sentence made "not only ... but": a challenge all the same
    assert _contests(said + sentence.format("not only ").replace(".", " but also mocked.")) == [
        ("Carly Fiorina", ["CNN"])]


def test_an_insult_quoted_a_term_mentioned_a_silence_kept_and_a_guess_are_no_distance() -> None:
    """From the fifth reading (benchmark articles: PolNeAR, PTC). Quoting the insult a speaker used ("called the
    judge a 'hater'") and mentioning a term ("the phrase 'radical Islam'") attribute words, they do not distance
    the speaker's claim; "maintained his silence" claims nothing; "presumably refers to" is the reporter's own
    guess at whom a name means. The Observer's "claiming ... Moscow's 'martyrs'" stays distance (seed test)."""
    def credence(text: str) -> list[tuple[str, str]]:
        return [(str(e.attrs["rule"]), e.text) for a in actor_frames(framing.analyze(text)) if a.kind != "group"
                for e in a.evidence if e.label == "credence"]

    assert credence("Trump called the judge a \"hater of Donald Trump\" who had \"railroaded\" him in the case.") == []
    assert credence("Obama said: \"There's no magic to the phrase 'radical Islam.'\"") == []
    assert credence("But it\u2019s been more than a month since Clinton sewed up the necessary delegates, and Gore has "
                    "maintained his silence on the 2016 presidential race.") == []
    assert credence("\u201cLisa\u201d presumably refers to Lisa Gevelber, the vice president of Global Marketing for "
                    "Google.") == []
    assert credence("Indeed, Ratzinger himself maintained that he had never changed his theological opinions.") == [
        ("distancing_verb", "maintained")]


def test_a_place_after_a_preposition_or_before_another_actor_is_not_the_speaker() -> None:
    """Washington Post (PolNeAR, 2016-05-29): the attribution family took "San Diego" for the source of
    "accused", so Trump's denial in the next sentence had contested San Diego. "Officials in Moscow" still
    speak for Moscow, which acts as a government."""
    frames = _frames(
        "Two class action lawsuits being considered in San Diego have accused Trump University of using deceptive "
        "practices as it brought in millions of dollars from customers who were told they would learn Trump's "
        "techniques to become successful in the world of real estate. Trump and his attorneys have vigorously "
        "denied the fraud claims, pointing to high ratings that students gave their courses at the time.")
    assert frames["San Diego"].features["voice.count"] == 0.0 and _contesters(frames["San Diego"]) == []
    moscow = _frames("Officials in Moscow said the withdrawal had begun.")["Moscow"]
    assert moscow.kind == "government" and moscow.features["voice.count"] == 1.0
    # Reuters 1996 (CoNLL-2003): the movement accuses, not the city that its name opens with; the government's
    # denial had contested Karachi
    frames = _frames("Karachi's ethnic Mohajir National Movement (MQM) accuses the government of killing many of its "
                     "militants in cold blood. The government has denied the charge and blames the MQM for much of "
                     "the violence that killed 2,000 people in the city last year.")
    assert _contesters(frames["Mohajir National Movement"]) == ["government"]
    assert frames["Karachi"].features["voice.count"] == 0.0


def test_a_distancing_verb_with_an_object_of_no_claim_is_a_plain_statement() -> None:
    """Benchmark articles (PTC, PolNeAR): a demand, a victory claimed and a lead kept are no claims the reporter
    distances; "insisted they won't consider", "claimed on Twitter that" and "claimed his innocence" are."""
    def distancing(text: str) -> list[str]:
        return [e.text for a in actor_frames(framing.analyze(text)) if a.kind != "group"
                for e in a.evidence if e.attrs.get("rule") == "distancing_verb"]

    assert distancing("President Trump insisted on significant improvements to the Joint Plan of Comprehensive "
                      "Action (JCPOA), as the deal is formally known.") == []
    assert distancing("Clinton claimed victory in a tweet, saying: \"We just won Kentucky! Thanks to everyone who "
                      "turned out. We're always stronger united.\"") == []
    assert distancing("Early on Friday, Trump also falsely claimed on Twitter that Garcia Zarate had previously "
                      "committed violent crimes and had illegally entered the US six times.") == ["claimed"]
    assert distancing("Yet Fisher maintains a sliver of space for deniability.") == []  # "maintain" needs a that
    assert distancing("Senate Republican leaders have insisted they won't consider an Obama nominee to the Supreme "
                      "Court.") == ["insisted"]
    assert distancing("After he was arrested, Oswald claimed his innocence.") == ["claimed"]
    # PTC: "maintain" with a claim after it, and a quotation's verb, whatever word follows
    assert distancing("President Trump continues to support Kavanaugh, who maintains his innocence.") == ["maintains"]
    assert distancing("Some insist that his resignation was under some sort of coercion and so isn\u2019t valid.") == [
        "insist"]


def test_the_reporters_marker_counts_only_where_it_bears_on_the_statement() -> None:
    """PTC articles: "apparently" qualifies the audience, not Clinton's joke; "reportedly answered" hedges
    Grassley's answer; "the alleged victims" doubts an accusation, not anything Kavanaugh claimed, in a sentence
    with no attribution; "Russia's so-called withdrawal" distances Russia's claim."""
    clinton = _frames("\u201cYeah, I know they all look alike,\u201d Clinton joked, triggering howls of laughter from "
                      "the apparently mind-numbed audience.")["Clinton"]
    assert _rules(clinton) == []
    grassley = _frames("Asked last night about the nomination moving to the floor of the Senate for a final vote, "
                       "Chairman Chuck Grassley (R-Iowa) reportedly answered, \"Depends on what happens tomorrow.\"")
    assert _rules(grassley["Chuck Grassley"]) == [("reporter_hedge", "reportedly")]
    kavanaugh = _frames("While the left is calling for Kavanaugh to be executed over the sex abuse allegations and "
                        "the right is attacking the alleged victims, others in Congress who see through the facade "
                        "and media distraction are trying to draw attention to the matter.")["Kavanaugh"]
    assert _rules(kavanaugh) == []
    assert _rules(_frames("Russia's so-called withdrawal began on Monday.")["Russia"]) == [
        ("reporter_distancing", "so-called")]


def test_a_confirming_voice_of_another_side_raises_the_claimants_credence() -> None:
    """Sputnik's sentence quoted in issue 22 vouches for Putin, who announced the withdrawal; the Russian defence
    ministry confirming it speaks for Putin's own side (the actor table's Russian government) and vouches for no
    one new."""
    frames = _frames(
        "Russian President Vladimir Putin announced the withdrawal on Monday. Even the White House has confirmed "
        "that the withdrawal is moving forward. The Russian defence ministry confirmed that the withdrawal had begun."
    )
    putin = frames["Vladimir Putin"]
    assert [(e.attrs["rule"], e.attrs["corroborator"]) for e in putin.evidence if e.label == "credence"] == [
        ("corroborated", "the White House")]
    assert putin.features["credence"] == pytest.approx(1 / 2)  # +1 over |+1| and one plain "announced"
    assert frames["the White House"].features["credence"] == 1.0  # its own "confirmed"


def _corroborations(text: str) -> list[tuple[str, str]]:
    return [(a.name, str(e.attrs["corroborator"])) for a in actor_frames(framing.analyze(text)) if a.kind != "group"
            for e in a.evidence if e.attrs.get("rule") == "corroborated"]


def test_a_confirmation_withheld_or_from_the_claimants_own_side_vouches_for_no_one() -> None:
    announced = "Russian President Vladimir Putin announced the withdrawal on Monday. "
    assert _corroborations(announced + "Washington confirmed the withdrawal.") == [("Vladimir Putin", "Washington")]
    # negated or withheld: the wire's stock phrase, and the White House not (yet) confirming
    assert _corroborations(announced + "Reuters could not independently confirm the withdrawal.") == []
    assert _corroborations(announced + "The White House has not confirmed the withdrawal.") == []
    assert _corroborations(announced + "The White House didn\u2019t confirm the withdrawal.") == []
    # the claimant's own group, named as a group or as a name the actor table gives
    assert _corroborations(announced + "The Russian government confirmed the withdrawal.") == []
    assert _corroborations(announced + "The Russian defence ministry confirmed the withdrawal.") == []
    # a claim noun Putin never used is no claim of his
    assert _corroborations(announced + "Even the White House has confirmed the report.") == []


def test_a_confirmation_vouches_for_the_owner_of_the_claim() -> None:
    """PTC article 783702663: "Viganò’s testimony" is the claim Wuerl's spokesman confirms, though Viganò makes no
    statement in this sentence."""
    assert _corroborations(
        "The question answers itself, and Vigan\u00f2\u2019s testimony on this critical point stands confirmed by "
        "Wuerl\u2019s own spokesman.") == [("Vigan\u00f2", "Wuerl")]


def test_a_discredited_contester_loses_credence_and_its_contest_counts_half() -> None:
    frames = _frames(
        "Russian President Vladimir Putin announced the withdrawal on Monday. Against all evidence, the Pentagon said "
        "Russian comments about removal of their forces do not correspond with actual troop reductions."
    )
    assert _rules(frames["the Pentagon"]) == [("discredited", "Against all evidence")]
    (contest,) = [e for e in frames["Vladimir Putin"].evidence if e.label == "credence"]
    assert contest.attrs["weight"] == -0.5
    assert frames["Vladimir Putin"].features["credence"] == pytest.approx(-0.5 / 1.5)


def test_a_headline_that_discredits_the_contester_counts_once_per_phrase() -> None:
    # Sputnik's headline from the issue, over two contests by the Pentagon
    frames = _frames(
        "Against All Evidence, Pentagon Just Can't Accept Russia's Syrian Withdrawal\n\n"
        "Russian President Vladimir Putin announced the withdrawal on Monday. The Pentagon said Russian comments "
        "about removal of their forces do not correspond with actual troop reductions. The Pentagon said the same "
        "announcement had been made before and nothing materialised."
    )
    assert _rules(frames["the Pentagon"]) == [("discredited", "Against All Evidence"), ("discredited", "Can't Accept")]
    # two contests at half weight against one plain "announced"
    assert frames["Vladimir Putin"].features["credence"] == pytest.approx(-1.0 / 2.0)


def test_the_reporters_hedge_on_a_claim_lowers_credence_once() -> None:
    kremlin = _frames("The Kremlin purportedly said the task had been fulfilled.")["the Kremlin"]
    assert _rules(kremlin) == [("reporter_hedge", "purportedly")]
    # PolNeAR (2016-07): two statements of Sanders's in one sentence ("reiterated", "blasted") share one label in
    # quotes. It had counted once for each; counted once, it still marks both, so neither is a plain statement.
    sanders = _frames("In Philadelphia on Monday, Sanders again reiterated that the party must support Clinton in "
                      "November to defeat Republican nominee Donald Trump, who he blasted as a \"bully and "
                      "demagogue\" who made bigotry the cornerstone of his campaign.")["Sanders"]
    assert sanders.features["voice.count"] == 2.0 and _rules(sanders) == [("scare_quotes", "bully and demagogue")]
    assert sanders.features["credence"] == -1.0


def test_a_modal_in_the_speakers_sentence_is_no_hedge_on_her_claim() -> None:
    """USA Today (PolNeAR, 2016-07-18): "She predicts it could offset negative factors." The "could" is
    Brewer's prediction, not the reporter's doubt; nor is her quoted "a priority" a label. Three plain statements."""
    text = ("Former Arizona governor Jan Brewer, an early supporter of Trump, calls the issue of security \"a priority\" "
            "for women. \"That's something I think will resonate with all women,\" she said in an interview.\n\n"
            "She predicts it could offset negative factors.")
    brewer = _frames(text)["Jan Brewer"]
    assert brewer.features["voice.count"] == 3.0 and _rules(brewer) == []
    assert brewer.features["credence"] == 0.0


def test_a_quote_of_the_actors_own_words_without_a_label_is_no_scare_quote() -> None:
    """Breitbart (PolNeAR, 2016-04-14): Sanders' ad "urges voters in New York to “send a message”": his words,
    quoted; no label, so no distancing from him (Moscow's “martyrs”, a label, is: see the Observer seed)."""
    text = ("Democratic presidential candidate Bernie Sanders is releasing a new 30-second ad that urges voters in New "
            "York to \u201csend a message\u201d to Wall Street banks and billionaires.")
    analysis = framing.analyze(text)
    assert [e.text for e in analysis.evidence_for("loaded") if e.label == "scare_quote"] == ["send a message"]
    sanders = {a.name: a for a in actor_frames(analysis)}["Bernie Sanders"]
    assert sanders.features["voice.count"] == 1.0 and _rules(sanders) == []


def test_a_source_the_recogniser_missed_is_the_actor_it_names() -> None:
    """Politico (PolNeAR, 2016-05-22): the recogniser does not take the "Cuban" of "said Cuban" for a name, but the
    article's Mark Cuban is meant. It had been a row "Cuban" whose doubt ("too early to tell") contested Mark Cuban."""
    text = ("Mark Cuban: I'd consider a future White House bid.\n\nMark Cuban, the billionaire owner of the Dallas "
            "Mavericks who rebuffed pleas from conservatives to run for president, says he's open to running in the "
            "future.\n\n\"Well, it's certainly more of a consideration than it was,\" Cuban said in an interview airing "
            "Sunday on NBC's \"Meet the Press.\" \"You don't have to be the perfect Stepford candidate like you "
            "would've been in the past.\"\n\nPushed by host Chuck Todd on what could bring him to run in 2020 or 2024, "
            "Cuban demurred.\n\n\"It's too early to tell,\" said Cuban, who is also a host on the TV show \"Shark "
            "Tank.\"")
    frames = {a.name: a for a in actor_frames(framing.analyze(text))}
    assert "Cuban" not in frames
    cuban = frames["Mark Cuban"]
    # the headline's colon, "says he's open", "Cuban said in an interview", "said Cuban"; "demurred" is no cue
    assert [e.text for e in cuban.evidence if e.label == "voice"] == [":", "says", "said", "said"]
    assert cuban.features["contested"] == 0.0


def test_a_source_related_to_an_actor_is_not_the_actor(shared_data: Path) -> None:
    """PTC article 111111133: "Aides to Mr. Trump say that the president does not mind answering questions": the
    aides speak, not Trump, though the name's key is his surname."""
    path = shared_data / "ptc_semeval2020" / "train-articles" / "article111111133.txt"
    frames = {a.name: a for a in actor_frames(framing.analyze(path.read_text(encoding="utf-8")))}
    assert "Donald Trump" in frames
    assert [e.text for e in frames["Aides to Mr. Trump"].evidence if e.label == "voice"] == ["say", "pointing to"]


# -- what every frame promises ------------------------------------------------------------


def test_every_frame_is_bounded_and_its_evidence_slices_the_text() -> None:
    analysis = framing.analyze(seed_text("001"))
    for actor in actor_frames(analysis):
        for key in ("credence", "tone", "portrayal", "labels.balance"):
            assert -1.0 <= actor.features[key] <= 1.0, (actor.name, key)
        assert sum(v * w for _, v, w in portrayal_parts(actor)) == pytest.approx(actor.features["portrayal"])
        for e in actor.evidence:
            assert analysis.text[e.start : e.end] == e.text
            assert analysis.sentences[e.sentence].start <= e.start < analysis.sentences[e.sentence].end


def test_tone_takes_a_scorer_and_says_which() -> None:
    analysis: Analysis = framing.analyze(seed_text("003"))

    def warm(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
        return 0.5

    (peskov,) = [a for a in actor_frames(analysis, tone=warm) if a.name == "Dmitry Peskov"]
    assert peskov.features["tone"] == 0.5 and peskov.features["tone.by_model"] == 1.0
    assert {e.attrs["method"] for e in peskov.evidence if e.label == "tone"} == {"warm"}
    (default,) = [a for a in actor_frames(analysis) if a.name == "Dmitry Peskov"]
    assert {e.attrs["method"] for e in default.evidence if e.label == "tone"} == {"lexical_target"}
    assert default.features["tone.by_model"] == 1.0
    (floor,) = [a for a in actor_frames(analysis, tone=vader_tone) if a.name == "Dmitry Peskov"]
    assert {e.attrs["method"] for e in floor.evidence if e.label == "tone"} == {"vader_sentence"}
    assert floor.features["tone.by_model"] == 0.0


def test_the_default_tone_says_which_words_moved_it() -> None:
    """Reuters' sentence alone: the word model reads it as cold toward Putin, and "skeptical" is the word that
    moved it most. Every word it names is a word of the sentence."""
    text = "Washington was skeptical about Putin s statement."
    putin = _frames(text)["Vladimir Putin"]
    (tone,) = [e for e in putin.evidence if e.label == "tone"]
    assert tone.attrs["method"] == "lexical_target" and float(tone.attrs["score"]) < -0.3
    words = [item.rsplit(" ", 1) for item in str(tone.attrs["words"]).split("; ")]
    assert words[0][0] == "skeptical" and float(words[0][1]) < 0
    assert all(word in re.findall(r"\w+", text) for word, _ in words) and len(words) == 3


def test_empty_text_has_no_frames() -> None:
    assert actor_frames(framing.analyze("")) == ()


# -- reported speech belongs to its speaker ---------------------------------------------------


def test_a_loaded_word_in_relayed_speech_is_the_speakers() -> None:
    analysis = framing.analyze(seed_text("000"))
    (martyrs,) = [e for e in analysis.evidence_for("loaded") if e.text == "martyrs" and e.label != "actor_reference"]
    assert (martyrs.attrs["voice"], martyrs.attrs["quoted"], martyrs.attrs["speaker"]) == ("reported", True, "Assad")
    # "Putin made clear ... that while Russia might be drawing down much of its forces": Putin's hedge
    (might,) = [e for e in analysis.evidence_for("hedging") if e.text == "might" and e.sentence == 28]
    assert (might.attrs["voice"], might.attrs["speaker"]) == ("reported", "Putin")


def test_an_epithet_in_a_paraphrase_stays_the_reporters() -> None:
    # "Peskov said that Putin had not discussed Assad's fate with the Syrian strongman in their phone conversation."
    analysis = framing.analyze(seed_text("003"))
    (strongman,) = [e for e in analysis.evidence_for("loaded") if e.text == "strongman"]
    assert strongman.attrs["voice"] == "reporter"


def test_the_reporters_own_distancing_participle_stays_the_reporters() -> None:
    # "President Vladimir Putin has ordered Russian forces in Syria to start withdrawing, claiming that ..."
    analysis = framing.analyze(seed_text("002"))
    claiming = [e for e in analysis.evidence_for("loaded") if e.text == "claiming"]
    assert claiming and all(e.attrs["voice"] == "reporter" for e in claiming)


# -- compare, report, CLI -----------------------------------------------------------------


@pytest.fixture(scope="module")
def comparison() -> framing.Comparison:
    return framing.compare(framing.analyze(a) for a in framing.read_corpus(str(SEEDS)))


def test_each_story_compares_its_main_actors_outlet_by_outlet(comparison: framing.Comparison) -> None:
    drawdown = next(s for s in comparison.stories if s.story == "russia-syria-drawdown-2017-12")
    assert drawdown.main_actors[0] == "Vladimir Putin"  # named by all three outlets, most often
    assert "Reuters" not in drawdown.main_actors  # an outlet named in another's text ("told Reuters")
    reuters = next(o for o in drawdown.outlets if o.outlet == "Reuters")
    putin = next(x for x in reuters.actors if x.actor == "Vladimir Putin")
    assert putin.values["credence"] == pytest.approx(-0.25)
    assert putin.contested_by == ("Eric Pahon", "European diplomat who declined to be named", "Washington")
    assert putin.tone_method == "lexical_target"


def test_a_standout_names_both_sides(comparison: framing.Comparison) -> None:
    withdrawal = next(s for s in comparison.stories if s.story == "russia-syria-withdrawal-2016-03")
    (credence,) = [s for s in withdrawal.actor_standouts if s.actor == "Vladimir Putin" and s.measure == "credence"]
    # two outlets: told once, from the higher side: Business Recorder reports Putin plainly, the Guardian doubts him
    assert (credence.outlet, credence.value, credence.others) == ("Business Recorder", 0.0, pytest.approx(-0.25))
    assert "Putin said he hoped the withdrawal decision" in " ".join(e.text for e in credence.own)
    assert "A Western diplomatic source said" in credence.theirs[0].text


def test_a_tone_standout_shows_each_sentences_reading_and_the_words_behind_it(comparison: framing.Comparison) -> None:
    """Business Recorder writes about the Syrian government more warmly than the Guardian: its sentences ("agreed
    ... to help monitor the progress of a cease-fire", Assad praising the officers' "courage and heroism") read
    warm, the Guardian's cooler, and each quoted sentence says its reading and the words that moved it."""
    withdrawal = next(s for s in comparison.stories if s.story == "russia-syria-withdrawal-2016-03")
    standout = next(s for s in withdrawal.actor_standouts if s.measure == "tone")
    assert (standout.outlet, standout.actor) == ("Business Recorder", "Syrian government")
    for quoted in standout.own + standout.theirs:
        assert quoted.tone is not None and quoted.tone_words
        assert all(re.search(rf"\b{re.escape(item.rsplit(' ', 1)[0])}\b", quoted.text)
                   for item in quoted.tone_words.split("; "))
    assert min(q.tone or 0.0 for q in standout.own) > max(q.tone or 0.0 for q in standout.theirs)
    assert any(q.tone_words.startswith("courage +") for q in standout.own)
    from framing.report import markdown_text

    report = markdown_text(comparison, command="framing compare seeds")
    assert re.search(r"sentence 5; tone \+0\.\d\d; words: courage \\\+1\.\d\d, heroism", report)


def test_the_report_has_the_actor_table_and_says_skepticism_is_blind_to_direction(
    comparison: framing.Comparison,
) -> None:
    from framing.report import markdown_text

    text = markdown_text(comparison, command="framing compare seeds")
    assert text.count("### How each outlet frames the main actors") == 2
    assert "blind to direction" in text
    # the row's credence is read (three contests over three plus nine plain statements); its portrayal is the
    # documented sum of that, no labels (0 / 0) and the row's tone
    row = re.search(r"\| Vladimir Putin \| Reuters \| ([+-]\d\.\d\d) \| -0\.25 \| ([+-]\d\.\d\d) \| 0 / 0 \|", text)
    assert row is not None
    assert float(row.group(1)) == pytest.approx(0.5 * -0.25 + 0.25 * float(row.group(2)), abs=0.01)


def test_the_users_groups_are_compared_whatever_their_rank(tmp_path: Path) -> None:
    """The user's "Syrian opposition" is named in the 2017 story by CBC alone ("mainstream rebels", "Insurgents
    still control", "backs the rebels"), fewer times than the three shipped groups there; its row is shown when
    compare is told it is the user's, as `framing compare --actors` tells it, and not otherwise."""
    import json

    from typer.testing import CliRunner

    from framing.cli import app

    table = {"Syrian opposition": ["rebels", "insurgents"]}
    analyses = [framing.analyze(a, actors=table) for a in framing.read_corpus(str(SEEDS))]
    drawdown = "russia-syria-drawdown-2017-12"
    plain = next(s for s in framing.compare(analyses).stories if s.story == drawdown)
    assert "Syrian opposition" not in plain.main_actors
    assert [n for n in plain.main_actors if n.endswith("government")] == [
        "Russian government", "Syrian government", "US government"]
    told = next(s for s in framing.compare(analyses, groups=["Syrian opposition"]).stories if s.story == drawdown)
    assert told.main_actors[-1] == "Syrian opposition"
    rows = [(o.outlet, a.mentions) for o in told.outlets for a in o.actors if a.actor == "Syrian opposition"]
    assert rows == [("CBC News", 3.0)]
    path = tmp_path / "actors.toml"
    path.write_text('[groups]\n"Syrian opposition" = ["rebels", "insurgents"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(SEEDS), "--actors", str(path), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    story = next(s for s in json.loads(result.stdout)["stories"] if s["story"] == drawdown)
    assert story["main_actors"][-1] == "Syrian opposition"


def test_the_heatmap_is_a_deterministic_png(comparison: framing.Comparison) -> None:
    from framing.report.charts import actor_heatmap

    story = comparison.stories[0]
    assert actor_heatmap(story)[:8] == b"\x89PNG\r\n\x1a\n"
    assert actor_heatmap(story) == actor_heatmap(story)


def test_explain_actors_lists_each_actor_with_its_framing() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    result = CliRunner().invoke(app, ["score", str(SEEDS / "004_790c4a0d2069b0ae.txt"), "--explain", "actors"])
    assert result.exit_code == 0, result.output
    assert "Syrian state television (organisation): 1 mention(s)" in result.stdout
    assert "[14] credence: \u201cclaiming\u201d (rule=distancing_verb, weight=-1.0)" in result.stdout


# -- the target-dependent tone model, from the library and the CLI ---------------------------


def test_model_tone_is_the_target_tone_of_the_mention_in_its_sentence() -> None:
    from framing.actor_tone import model_tone

    text = seed_text("000")
    start = text.index("Putin s statement")
    doc = framing.build_doc(text)
    sentence = next((s.start, s.end) for s in doc.sentences if s.start <= start < s.end)
    assert text[sentence[0] : sentence[1]] == "Washington was skeptical about Putin s statement."
    expected = framing.target_tone(text, start, start + 5, context=sentence).score
    assert model_tone(text, start, start + 5, sentence) == pytest.approx(expected, abs=1e-9) and expected < -0.5


def test_tone_model_changes_whose_coldness_the_listing_shows() -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    seed = str(SEEDS / "000_235e616d53163978.txt")
    by_model = CliRunner().invoke(app, ["score", seed, "--explain", "actors", "--tone-model"])
    by_words = CliRunner().invoke(app, ["score", seed, "--explain", "actors"])
    assert by_model.exit_code == 0 and by_words.exit_code == 0, by_model.output + by_words.output
    putin_model = by_model.stdout.split("\n\n")[1]
    putin_words = by_words.stdout.split("\n\n")[1]
    assert putin_model.startswith("  Vladimir Putin (person") and putin_words.startswith("  Vladimir Putin (person")
    assert "by the target-dependent tone model on each mention" in putin_model
    # read: Washington doubts Putin, the coldest sentence toward him
    assert ("[11] coldest tone -0.9" in putin_model
            and "toward \u201cPutin\u201d: \u201cWashington was skeptical about Putin s statement.\u201d" in putin_model)
    # the word model, like VADER on the sentence, is coldest where Putin praises the victory over "terrorists",
    # and says that word moved it
    assert "by the lexical tone model on each mention" in putin_words
    assert ("[7] coldest tone -" in putin_words
            and "toward \u201cPutin\u201d: \u201cIn just over two years" in putin_words
            and "(words: terrorists -" in putin_words)
    # one mention: the doubter of the same sentence, neutral toward Washington as read, is its only tone
    washington = next(block for block in by_model.stdout.split("\n\n") if block.startswith("  Washington ("))
    assert ("[11] only tone -0.0" in washington and "coldest" not in washington
            and "toward \u201cWashington\u201d: \u201cWashington was skeptical about Putin s statement.\u201d" in washington)


def test_a_tone_model_that_cannot_load_stops_before_any_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import framing.cli
    from framing.errors import ModelError

    def broken() -> None:
        raise ModelError("models/target-tone.onnx does not match its card")

    monkeypatch.setattr(framing.cli, "shipped_target_tone", broken)
    result = CliRunner().invoke(framing.cli.app, ["compare", str(SEEDS), "--tone-model", "--quiet"])
    assert result.exit_code == 1 and "cannot use --tone-model" in result.output
    monkeypatch.setattr(framing.cli, "shipped_lexical_tone", broken)
    result = CliRunner().invoke(framing.cli.app, ["compare", str(SEEDS), "--quiet"])
    assert result.exit_code == 1 and "cannot use the lexical tone model" in result.output
    # scoring without the actor listing reads no tone toward actors, so it does not need the model
    result = CliRunner().invoke(framing.cli.app, ["score", str(SEEDS / "000_235e616d53163978.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_tone_model_is_for_the_actor_listing_and_the_comparison(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    runner = CliRunner()
    refused = runner.invoke(app, ["score", str(SEEDS / "000_235e616d53163978.txt"), "--tone-model"])
    assert refused.exit_code == 2 and "--explain actors" in refused.output
    report = tmp_path / "seeds.md"
    compared = runner.invoke(app, ["compare", str(SEEDS), "--tone-model", "--output", str(report), "--quiet"])
    assert compared.exit_code == 0, compared.output
    text = report.read_text(encoding="utf-8")
    assert "by the target-dependent tone model on each mention" in text and "by VADER" not in text
    made = next(line for line in text.splitlines() if line.startswith("Made by framing"))
    assert " --tone-model" in made
