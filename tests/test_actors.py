"""Actors: one per person however the article writes the name, typed, grouped; never page furniture.

Every expected row below was read in the seed or fixture text it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.actor_table import load_actor_table
from framing.names import misc_name
from tests.conftest import seed_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def reuters() -> framing.Analysis:
    return framing.analyze(seed_text("000"))


def _row(analysis: framing.Analysis, name: str) -> tuple[str, str | None, tuple[str, ...]]:
    actor = analysis.actor(name)
    assert actor is not None, name
    return actor.kind, actor.group, actor.aliases


def test_reuters_names_each_person_once(reuters: framing.Analysis) -> None:
    """"Russian President Vladimir Putin" then "Putin"; "Bashar al-Assad" then "Assad"; a Pentagon spokesman."""
    assert _row(reuters, "Putin") == ("person", "Russian government", ("Vladimir Putin", "Putin"))
    assert _row(reuters, "Assad") == ("person", "Syrian government", ("Bashar al-Assad", "Assad"))
    assert _row(reuters, "Eric Pahon") == ("person", None, ("Eric Pahon",))
    assert _row(reuters, "Yahya Aridi") == ("person", None, ("Yahya Aridi",))
    names = [a.name for a in reuters.actors]
    assert len(names) == len(set(names))


def test_a_misspelt_name_is_the_person_it_misspells(reuters: framing.Analysis, shared_data: Path) -> None:
    """Looked up: "Vladmir Putin" is Reuters' Vladimir Putin, another given name is not. In the text: Politico
    (PolNeAR, 2016-07-05) writes "Giulini also questioned ..." between quotes of Rudy Giuliani."""
    assert reuters.actor("Vladmir Putin").name == "Vladimir Putin"
    assert reuters.actor("Eric Pahn").name == "Eric Pahon"  # the same given name: a slip in the surname
    assert reuters.actor("Sergey Putin") is None and reuters.actor("Eric Holder") is None
    path = shared_data / "polnear" / "train" / "text" / "politico_2016-07-05_criminal-charges-against-clinton.txt"
    politico = framing.analyze(path.read_text(encoding="utf-8"))
    giuliani = politico.actor("Giulini")
    assert giuliani.name == "Rudy Giuliani" and "Giulini" in giuliani.aliases
    assert [a.name for a in politico.actors if "Giul" in a.name] == ["Rudy Giuliani"]


def test_a_surname_the_recogniser_took_for_a_place_is_the_person_of_that_surname() -> None:
    """PTC article 790266787: "Kavanaugh" alone had been an organisation beside Brett Kavanaugh, and "Twitter" a person."""
    text = ("On the eve of a historic Supreme Court confirmation hearing, two more women have materialized out of thin air "
            "to accuse President Trump\u2019s high court nominee Brett Kavanaugh of sexual improprieties.\n\n"
            "Ramirez alleges she was assaulted by Kavanaugh at a drunken party decades ago at Yale College.\n\n"
            "She claims Kavanaugh exposed himself to her and brushed his genitals against her.\n\n"
            "\u201cAvenatti is a third rate lawyer who is good at making false accusations,\u201d Trump wrote on Twitter.")
    actors = {a.name: a for a in framing.analyze(text).actors}
    assert [m.text for m in actors["Brett Kavanaugh"].mentions] == ["Brett Kavanaugh", "Kavanaugh", "Kavanaugh"]
    assert "Kavanaugh" not in actors and actors["Brett Kavanaugh"].kind == "person"
    assert actors["Twitter"].kind == "organisation" and actors["Yale College"].kind == "organisation"


def test_a_given_name_alone_is_the_one_person_of_that_given_name() -> None:
    """Breitbart 2016-05-05 (PolNeAR): Gorka's "Compare him to Hillary" is Hillary Clinton, who has no namesake there."""
    text = ("Bolton and Gorka were both sternly critical of Republicans who suggest Hillary Clinton might be preferable on "
            "foreign policy issues to Donald Trump.\n\n"
            "\u201cCompare that to his other competitor. Compare him to Hillary,\u201d Gorka urged.")
    actors = {a.name: a for a in framing.analyze(text).actors}
    assert [m.text for m in actors["Hillary Clinton"].mentions] == ["Hillary Clinton", "Hillary"]
    assert "Hillary" not in actors


def test_a_name_the_recogniser_read_with_a_word_before_it_is_the_person_it_ends_with() -> None:
    """Washington Post 2015-11-10 and Western Journal 2016-08-19 (PolNeAR): "Aung San Suu Kyi" had been an organisation
    beside the person "Suu Kyi"; "State Colin Powell" (of "Secretary of State") an organisation, and "The Times" an
    organisation apart from the New York Times."""
    burma = ("RANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted an overwhelming victory in Burma's "
             "elections.\n\nThat would be a triumph for Suu Kyi, who has been revered at home and worldwide since she "
             "emerged as an advocate for democracy in 1988 and suffered years under house arrest.")
    actors = {a.name: a for a in framing.analyze(burma).actors}
    assert [m.text for m in actors["Suu Kyi"].mentions] == ["Aung San Suu Kyi", "Suu Kyi"]
    assert actors["Suu Kyi"].kind == "person" and "Aung San Suu Kyi" not in actors
    powell = ("Democratic presidential nominee Hillary Clinton told federal investigators in July she was advised by "
              "former Secretary of State Colin Powell to use a private email account, the New York Times reported late "
              "Thursday.\n\nPowell was the nation\u2019s top diplomat under former President George W. Bush.\n\n"
              "The Times also cited a new book by political journalist Joe Conason.")
    actors = {a.name: a for a in framing.analyze(powell).actors}
    assert [m.text for m in actors["Colin Powell"].mentions] == ["Colin Powell", "Powell"]
    assert [m.text for m in actors["New York Times"].mentions] == ["New York Times", "The Times"]
    assert "Times" not in actors and "State Colin Powell" not in actors


def test_the_short_name_of_two_papers_is_neither() -> None:
    """Sentences of a PolNeAR text on Exxon Mobil and of the Western Journal's on Colin Powell: the Los Angeles
    Times, which framing's outlet list lacks, and the New York Times both end in "Times", so "The Times" is
    neither."""
    text = ("The Los Angeles Times said that its editors had ''carefully reviewed Exxon Mobil's complaints and "
            "concluded that the articles we published in collaboration with Susanne Rust and her team at Columbia "
            "University Graduate School of Journalism were accurate, fair and balanced.\n\n"
            "Democratic presidential nominee Hillary Clinton told federal investigators in July she was advised by "
            "former Secretary of State Colin Powell to use a private email account, the New York Times reported late "
            "Thursday.\n\nThe Times also cited a new book by political journalist Joe Conason.")
    actors = {a.name: [m.text for m in a.mentions] for a in framing.analyze(text).actors}
    assert actors["Los Angeles Times"] == ["Los Angeles Times"] and actors["New York Times"] == ["New York Times"]
    assert actors["Times"] == ["The Times"]


def test_a_law_or_a_deity_is_no_actor() -> None:
    """PolNeAR texts: "the Second Amendment" had been an organisation and "God" a person (about 300 such rows, laws and
    deities, on the benchmark articles)."""
    text = ("And in 2008, Hillary Clinton slammed Barack Obama as elitist and out-of-touch for suggesting that rural "
            "voters \u201ccling to guns or religion.\u201d \u201cAmericans who believe in the Second Amendment believe "
            "it\u2019s a constitutional right,\u201d she said at the time.\n\n\u201cI like politics, I like serving the "
            "public, and we\u2019ll see if God offers us another opportunity in the future.\u201d")
    names = {a.name for a in framing.analyze(text).actors}
    assert {"Hillary Clinton", "Barack Obama"} <= names and not names & {"Second Amendment", "God"}


def test_a_people_or_a_faith_is_no_actor() -> None:
    """USA Today 2016-05-11 (PolNeAR): "Muslim" and "Muslims" had been people; 168 such rows on the benchmark articles."""
    text = ("London's Muslim mayor rebuffs Trump on 'exception' to ban\n\n"
            "Khan, a Muslim, was elected as mayor of London last week, the first person of his faith to undertake the "
            "role.\n\n\"Donald Trump's ignorant view of Islam could make both our countries less safe -- it risks "
            "alienating mainstream Muslims around the world and plays into the hands of the extremists,\" Khan said in a "
            "statement.")
    actors = {a.name for a in framing.analyze(text).actors}
    assert "Donald Trump" in actors and not actors & {"Muslim", "Muslims"}


def test_a_first_line_in_title_case_is_read_as_a_headline() -> None:
    """Western Journal 2016-03-15 (PolNeAR): its headline ends in a full stop and reads as prose; "Right Before",
    "Clinton Just Got" and "Devastating News" had been people."""
    text = ("Right Before \u2018Super Tuesday 2\u2019 Hillary Clinton Just Got Some Devastating News.\n\n"
            "Fewer than half of the voters surveyed in a new poll released Monday support Democratic presidential "
            "candidate Hillary Clinton, as rival Bernie Sanders continues to pick up support.")
    actors = {a.name: [m.text for m in a.mentions] for a in framing.analyze(text).actors}
    assert actors == {"Hillary Clinton": ["Clinton", "Hillary Clinton"], "Bernie Sanders": ["Bernie Sanders"]}
    # a first line in sentence case keeps its capitals: the names in it are names
    text = "Black Lives Matter seeks Clinton's ear;\n\nActivists from Black Lives Matter met the campaign on Tuesday."
    assert [m.text for m in framing.analyze(text).actor("Black Lives Matter").mentions] == ["Black Lives Matter"] * 2


def test_an_abbreviated_title_at_the_end_of_a_line_is_no_actor() -> None:
    """PTC article 723883127 breaks "the Rev." from "Fernando Karadima" across lines: "Rev" had been a person and an
    organisation."""
    text = ("According to a report by the Associated Press, Francis made the shocking comments in a discussion about "
            "Rev.\nFernando Karadima who has been found guilty of sexually abusing a slew of minors as a member of the "
            "Catholic Church.\nFrancis said that until he sees proof that Bishop Juan Barros was complicit in covering "
            "up the sex crimes of the Rev.\nFernando Karadima, such accusations against Barros are \u201call "
            "calumny.\u201d")
    names = [a.name for a in framing.analyze(text).actors]
    assert "Fernando Karadima" in names and not {"Rev", "rev"} & set(names)


def test_no_actor_is_a_headline_s_words_or_a_lone_determiner(shared_data: Path) -> None:
    """PTC article 723883127 opens "Shock!" then "The Pope Is Now Openly Attacking Child Sexual Abuse Victims For
    'Slander'": the model took "The" for one name (an actor with an empty name) and the rest for a person."""
    text = (shared_data / "ptc_semeval2020" / "train-articles" / "article723883127.txt").read_text(encoding="utf-8")
    names = [a.name for a in framing.analyze(text).actors]
    assert "Pope Francis" in names or "Francis" in names
    assert all(name and name[0].isupper() for name in names), names
    assert not any("Attacking" in name for name in names)


def test_a_short_given_name_and_a_church_title_join_the_person() -> None:
    """PTC articles 776345502 and 725498022: "Bob Mueller" stood apart from Robert Mueller, "Cardinal Ratzinger"
    from Joseph Ratzinger, and "Attorney" of "Attorney General Jeff Sessions" was an organisation."""
    text = ("President Donald Trump took to Twitter Wednesday to call on his Attorney General Jeff Sessions to shut "
            "down special counsel Robert Mueller\u2019s investigation into Russian interference in the 2016 election."
            "\n\n\u2018Bob Mueller is totally conflicted, and his 17 Angry Democrats that are doing his dirty work are a "
            "disgrace to USA!\u2019")
    analysis = framing.analyze(text)
    assert [m.text for m in analysis.actor("Robert Mueller").mentions] == ["Robert Mueller", "Bob Mueller"]
    # "Attorney General Jeff Sessions" is a title and a person, not the organisation "Attorney" and a person
    assert "Jeff Sessions" in [a.name for a in analysis.actors] and "Attorney" not in [a.name for a in analysis.actors]
    text = ("Note that date; 2011 was when the processes for investigating and trying priest-abusers, put in place by "
            "the former Cardinal Ratzinger, were still in effect.\n\nThe St. Gallen Group, which he himself described "
            "as a \u201cmafia,\u201d had worked against the election of Joseph Ratzinger in 2005.")
    assert [m.text for m in framing.analyze(text).actor("Joseph Ratzinger").mentions] == ["Cardinal Ratzinger",
                                                                                        "Joseph Ratzinger"]


def test_a_generation_keeps_two_people_apart_and_is_never_an_actor_alone() -> None:
    """NYT 2015-12-29 (PolNeAR): Biden and Dunford, both "Jr.", had been one person. Breitbart 2016-06-05: the son
    Charles Elliott III and his father Charles Elliott Jr.; "Elliott" is the one without "Jr.". PTC
    article 728972961: the "VI" of "Pope Pius VI" had been an organisation, or part of Paul VI."""
    nyt = ("When Mr. Obama appeared before reporters in the Pentagon briefing room this month to discuss his "
           "administration's strategy for fighting the Islamic State in Syria, he was flanked by a coterie of top "
           "national security officials, including Vice President Joseph R. Biden Jr., Defense Secretary Ashton B. "
           "Carter and Gen. Joseph F. Dunford Jr., the chairman of the Joint Chiefs of Staff.")
    people = [(a.name, [m.text for m in a.mentions]) for a in framing.analyze(nyt).actors if a.kind == "person"]
    assert ("Joseph R. Biden Jr.", ["Joseph R. Biden Jr."]) in people
    assert ("Joseph F. Dunford Jr.", ["Joseph F. Dunford Jr."]) in people
    breitbart = ("During the two-hour service, assistant pastor Charles Elliott III asked the congregation to stand "
                 "to honor Muhammad Ali. In his tribute, Elliott said \u201cthere is no great man that has done more "
                 "for this city than Muhammad Ali.\u201d Elliott\u2019s father, the Rev. Charles Elliott Jr., knew "
                 "Muhammad Ali for decades.")
    people = [(a.name, [m.text for m in a.mentions]) for a in framing.analyze(breitbart).actors if a.kind == "person"]
    assert ("Charles Elliott III", ["Charles Elliott III", "Elliott", "Elliott"]) in people  # the son, as written
    assert ("Charles Elliott Jr.", ["Charles Elliott Jr."]) in people
    ptc = ("Pope Pius VI said during the French Revolution that if the Church continues to remain under the "
           "influence of the prince of the revolution, then, in the future a crisis will come upon the Church. "
           "Here, again, is Blessed Paul VI, famously meeting for the first time ever with the heretic Archbishop of "
           "Canterbury in St. Peter's.")
    names = [a.name for a in framing.analyze(ptc).actors]
    assert "VI" not in names and "Paul VI" in names


def test_a_justice_and_a_chair_are_titles_but_a_justice_department_is_a_body() -> None:
    """NYT 2016-06-29 (PolNeAR) had 14 rows for its justices ("Justice Scalia" 16 times beside "Antonin Scalia");
    Breitbart 2016-02-20 made "Supreme Court Justice Antonin Scalia" an organisation; HuffPost 2015-11-11 named a
    row "Chair Janet Yellen"; and "Justice" as a title must not make "Department" a person (WaPo 2016-07-13)."""
    text = ("Justice Antonin Scalia, the longest-serving member of the court's five-justice conservative wing, died. "
            "For now, Justice Scalia's absence has handed Chief Justice Roberts the difficult task of steering his "
            "colleagues toward consensus in big cases. It is possible that Justice Scalia played a role in pushing "
            "Justice Kennedy to the left.\n\n"
            "Republican presidential front-runner Donald Trump is questioning whether President Barack Obama would "
            "have attended Supreme Court Justice Antonin Scalia\u2019s funeral Mass \u201cif it were held in a "
            "mosque.\u201d\n\n"
            "Mike Huckabee Makes Sexist Wife Joke To Bash Fed Chair Janet Yellen\n\n"
            "After the closeout of the FBI and Justice Department probe July 6, Judicial Watch asked to depose "
            "Clinton, along with Clarence Finney, a State Department official responsible for managing records and "
            "FOIA responses.")
    analysis = framing.analyze(text)
    scalia = analysis.actor("Scalia")
    assert scalia is not None and scalia.kind == "person"
    assert [m.text for m in scalia.mentions] == ["Justice Antonin Scalia", "Justice Scalia", "Justice Scalia",
                                                 "Antonin Scalia"]
    kinds = {a.name: a.kind for a in analysis.actors}
    assert kinds["Supreme Court"] == "organisation" and kinds["Janet Yellen"] == "person"
    assert kinds["Roberts"] == kinds["Kennedy"] == "person"
    assert "Department" not in kinds and kinds["FBI and Justice Department"] == "organisation"


def test_a_title_written_in_capitals_is_a_title() -> None:
    """PTC article 764609985: "IG Horowitz" was an organisation apart from Michael Horowitz; "AG" and "PM"
    are written so too ("AG Sessions", "PM Orban")."""
    text = ("Inspector General Michael Horowitz\u2019 report on the FBI\u2019s handling of the Clinton email "
            "investigation has finally been released to the public. IG Horowitz can\u2019t prove it, but he\u2019s not "
            "sure that Strzok wasn\u2019t acting in a politically biased manner when he slow-played the Clinton "
            "investigation while moving more quickly on the Russia investigation. I fully believe IG Horowitz\u2019 "
            "findings here.")
    horowitz = framing.analyze(text).actor("Horowitz")
    assert horowitz is not None and horowitz.kind == "person"
    assert [m.text for m in horowitz.mentions] == ["Michael Horowitz", "IG Horowitz", "IG Horowitz"]


def test_a_faith_a_doctrine_or_an_interjection_is_no_actor() -> None:
    """PTC article 722512241 had "Islam" as a person of 6 mentions, PTC 761546223 "Marxism" one of 5, and
    Breitbart 2015-12-11 (PolNeAR) made a person of the "Look" that opens a quoted sentence."""
    text = ("If Islam is a good religion in itself, as you seem to teach, why did we become Catholic? The letter makes "
            "short work of the notion that Islam and Christianity can ever be compatible, or that Islam can serve as "
            "a path to salvation.\n\nOther parents are motivated by a desire to protect their children from the "
            "cultural Marxism that has infiltrated many schools.\n\n\u201cLook, I\u2019m self funding.\u201d")
    assert framing.analyze(text).actors == ()


def test_a_title_of_a_country_or_body_joins_only_its_holder() -> None:
    """Seed 003 (Business Recorder, Reuters copy): "the President of Russia" had joined Bashar al-Assad, the one
    person the article titles "President"; read as Russia's president it joins no one there. Politico
    2016-07-06 (PolNeAR): "the director of the FBI" is the one titled FBI director."""
    seed = seed_text("003")
    assad = framing.analyze(seed).actor("Assad")
    assert assad is not None and "President" not in [m.text for m in assad.mentions]
    text = ("Corey Lewandowski, Donald Trump\u2019s fired campaign manager, ripped FBI Director James Comey for acting "
            "as \u201cthe judge and the jury\u201d.\n\n\u201cHis job, as the director of the FBI, is to lay out the "
            "case to the best of their ability, to view the investigative work and then turn it over to the "
            "prosecution for the prosecutor to determine,\u201d")
    comey = framing.analyze(text).actor("Comey")
    assert comey is not None and [m.text for m in comey.mentions] == ["James Comey", "director"]


def test_a_feast_a_scripture_or_a_laws_nickname_is_no_actor() -> None:
    """PTC article 759468687 made "Ramadan" a place of 15 mentions; Politico 2015-12-28 (PolNeAR) "Obamacare" a
    person of 4."""
    text = ("Once again this year we see that Ramadan is quintessentially the month of jihad. During Ramadan, Muslims "
            "are exhorted to renew and deepen their devotion to Allah.\n\nObamacare has survived a pair of Supreme "
            "Court battles and half a decade of Republican repeal efforts.")
    names = {a.name for a in framing.analyze(text).actors}
    assert not {"Ramadan", "Obamacare"} & names and "Supreme Court" in names


def test_a_form_of_address_or_a_reverent_phrase_is_no_actor() -> None:
    """PTC articles: a rescript "from an Audience with His Holiness" (712382330) was a person, "Your Eminence"
    (790483991) a person of 2, "Christ Our Lord" (696694316) an organisation, and "the Church and Her teaching"
    (703698295) a person "Her". Pope Francis, the Cardinal and the Church of the same sentences stay."""
    text = ("Rescript \"from an Audience with His Holiness\"\nThe Supreme Pontiff decreed that the two preceding "
            "documents be promulgated through publication on the Vatican website.\n\nYour Eminence, before I left "
            "for Washington, you were the one who told me of Pope Benedict\u2019s sanctions on McCarrick.\n\n"
            "In the Consecrated Hosts which remain after the celebration of the sacrifice of the Mass, Christ Our "
            "Lord is no longer present.\n\nHe is a humble and straightforward Friar who is clear-thinking and "
            "entirely loyal to the Church and Her teaching.")
    actors = {a.name: a.kind for a in framing.analyze(text).actors}
    assert not {"His Holiness", "Your Eminence", "Christ Our Lord", "Our Lord", "Her"} & set(actors)
    assert {"Vatican", "McCarrick", "Church"} <= set(actors), actors
    assert [misc_name(n) for n in ("Our Revolution", "Our Principles PAC", "Her Majesty", "His")] == \
        [False, False, True, True]  # two political organisations of the 2016 campaign keep their names


def test_a_place_or_building_the_recogniser_took_for_a_person_is_a_place() -> None:
    """Washington Post 2016-04-28 (PolNeAR) had "Trump Tower" as a person, PTC article 999001293 "Broward County"
    (with a bare "Broward") and NYT 2015-12-09 "Silicon Valley" (4 mentions): a name ending in a word that ends
    the names of places ("Tower", "County", "Valley") is a place. Donald Trump keeps his own row."""
    text = ("\"The only thing she's got going is the woman's card,\" Trump said in a news conference at Trump "
            "Tower.\n\nGillum continues to call for all the votes to be counted in heavily Democratic Broward and Palm Beach "
            "counties. President Donald Trump tweeted late last week, \u201cMayor Gillum conceded on Election Day "
            "and now Broward County has put him \u2018back in play.\u2019\u201d\n\nAnd Washington is using the latest "
            "terrorist attacks to renew its calls for Silicon Valley to roll back the encryption in their products.")
    actors = {a.name: (a.kind, [m.text for m in a.mentions]) for a in framing.analyze(text).actors}
    assert actors["Trump Tower"][0] == actors["Silicon Valley"][0] == actors["Broward County"][0] == "place"
    assert actors["Donald Trump"] == ("person", ["Trump", "Donald Trump"])
    titled = framing.analyze("Sen. John Tower of Texas opposed the treaty, and Tower voted against it in 1979.")
    assert [(a.name, a.kind) for a in titled.actors][0] == ("John Tower", "person")  # a title makes a person


def test_a_questions_will_is_no_given_name() -> None:
    """PTC article 770221823: a poll's "Will Brett Kavanaugh be confirmed to the Supreme Court?", written twice,
    named the row "Will Brett Kavanaugh"; USA Today 2016-04-28 (PolNeAR) had "Will Cruz" apart from Ted Cruz.
    Will Doyle, who is quoted (USA Today), keeps his given name."""
    poll = ("Will Brett Kavanaugh be confirmed to the Supreme Court?\nWill Brett Kavanaugh be confirmed to the "
            "Supreme Court?\n")
    people = [(a.name, [m.text for m in a.mentions]) for a in framing.analyze(poll).actors if a.kind == "person"]
    assert people == [("Brett Kavanaugh", ["Brett Kavanaugh", "Brett Kavanaugh"])]
    quoted = ("\"It's a pretty expensive business model,\" said Will Doyle, a professor of higher education at "
              "Vanderbilt University in Nashville, Tennessee.")
    assert "Will Doyle" in [a.name for a in framing.analyze(quoted).actors]


def _resolved(text: str, names: list[tuple[str, str]]) -> dict[str, framing.Actor]:
    """The actors of ``text`` from ``names`` (each the next occurrence of its text, in order) with the kinds the
    recogniser gave those names in the whole article, so the test holds however a retrained recogniser reads them."""
    from framing.actor_table import shipped_actors
    from framing.actors import find_actors
    from framing.entities import Mention

    doc = framing.build_doc(text)
    mentions, at = [], 0
    for name, kind in names:
        start = text.index(name, at)
        at = start + len(name)
        sentence = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
        mentions.append(Mention(start, at, name, sentence, kind))  # type: ignore[arg-type]
    return {a.name: a for a in find_actors(doc, mentions, (), shipped_actors())}


def test_a_titled_name_the_recogniser_took_for_a_place_or_organisation_is_the_person() -> None:
    """Breitbart 2016-01-05 (PolNeAR), PTC article 712382330 and the Washington Post of 2016-06-09 (PolNeAR): read in
    the whole article, "Florida Sen. Marco Rubio" and "Sen. Elizabeth Warren" were places and "Cardinal Pietro Parolin"
    an organisation, each an actor of its own beside the person's surname."""
    rubio = ("Florida Sen. Marco Rubio says Obama is \u201cobsessed\u201d with undermining the Second Amendment.\n\n"
             "Rubio says he opposes gun violence but that the president\u2019s plans won\u2019t help prevent it.")
    actors = _resolved(rubio, [("Florida Sen. Marco Rubio", "place"), ("Rubio", "person")])
    assert list(actors) == ["Marco Rubio"] and actors["Marco Rubio"].kind == "person"
    assert [m.text for m in actors["Marco Rubio"].mentions] == ["Florida Sen. Marco Rubio", "Rubio"]
    parolin = ("AAS has now elevated Pope Francis' letter to the official magisterial status of an \"Apostolic Letter,\" "
               "while including a special rescript as an addendum by Cardinal Pietro Parolin, Secretary of State.\n\n"
               "Cardinal Parolin's rescript on the papal and episcopal documents reads as follows:")
    actors = _resolved(parolin, [("Cardinal Pietro Parolin", "organisation"), ("Cardinal Parolin", "person")])
    assert [(a.name, a.kind, len(a.mentions)) for a in actors.values()] == [("Pietro Parolin", "person", 2)]
    warren = ("A handful of people are playing key roles in trying to broker peace between the two warring campaigns, "
              "including President Obama, Vice President Biden, Sen. Elizabeth Warren (D-Mass.) and Senate Minority "
              "Leader Harry M. Reid (D-Nev.).\n\nObama and White House political director David Simas, as well as "
              "Warren and Reid, have been in communication with both camps.")
    actors = _resolved(warren, [("Sen. Elizabeth Warren", "place"), ("Warren", "place")])
    assert [(a.name, a.kind, len(a.mentions)) for a in actors.values()] == [("Elizabeth Warren", "person", 2)]


def test_a_name_ending_in_a_bodys_head_word_is_no_person() -> None:
    """Breitbart 2016-08-23 (PolNeAR): the recogniser read "Clinton Foundation" as a person in 15 of the 1,216
    benchmark articles; a name ending in a word that heads organisations' names is a body."""
    text = ("The Clinton Foundation must be immediately shut down and an independent special prosecutor be appointed "
            "to determine if access to Hillary Clinton was for sale,\u201d")
    actors = _resolved(text, [("Clinton Foundation", "person"), ("Hillary Clinton", "person")])
    assert actors["Clinton Foundation"].kind == "organisation" and actors["Hillary Clinton"].kind == "person"


def test_people_joined_by_and_or_commas_are_each_their_person() -> None:
    """Washington Post 2016-02-19 (PolNeAR): the recogniser read "Rhodes, Panetta and Petraeus" as one
    organisation; such runs ("Trump and Cruz", "Manafort and Assange") were about 30 rows of the benchmark
    articles. Each name is a mention of its person, with a span that slices the text."""
    text = ("Cummings (Md.) is waiting for relevant federal agencies to review transcripts from interviews with "
            "White House national security adviser Susan Rice, deputy national security adviser Ben Rhodes, former "
            "defense secretary Leon Panetta and former CIA director David Petraeus before releasing them to the "
            "public, an aide said Thursday. A Democratic aide said comments from Rice, Rhodes, Panetta and Petraeus "
            "were consistent with their previous statements about the Benghazi attacks.")
    actors = _resolved(text, [("Ben Rhodes", "person"), ("Leon Panetta", "person"), ("David Petraeus", "person"),
                              ("Rhodes, Panetta and Petraeus", "organisation")])
    assert [(a.name, a.kind, [text[m.start:m.end] for m in a.mentions]) for a in actors.values()] == [
        ("Ben Rhodes", "person", ["Ben Rhodes", "Rhodes"]),
        ("Leon Panetta", "person", ["Leon Panetta", "Panetta"]),
        ("David Petraeus", "person", ["David Petraeus", "Petraeus"]),
    ]
    actors = _resolved(text, [("Ben Rhodes", "person"), ("Rhodes, Panetta and Petraeus", "organisation")])
    assert "Rhodes, Panetta and Petraeus" in actors  # not every name a person of the article: left as read
    # PTC article 757611486: faiths joined by "and", which the recogniser read as one organisation
    faiths = ("Penkoski\u2019s daughter, Brielle, however, said that the class spent much less time on Christianity "
              "and Judaism than it did on Islam.")
    assert _resolved(faiths, [("Christianity and Judaism", "organisation")]) == {}


def test_a_body_named_with_a_title_word_stays_a_body() -> None:
    """USA Today 2016-05-12 and Breitbart 2016-08-23 (PolNeAR): "General" and "Justice" are titles too, but
    "Services Administration" ends in a head of organisation names, and "Department" names a body."""
    text = ("The administrator is Denise Turner Roth,  head of the General Services Administration, which coordinates "
            "the transition.\n\nPence added, \u201cIt would be a dereliction of duty by President Obama and his "
            "Justice Department if they fail to act on these startling new facts right now.")
    actors = _resolved(text, [("Denise Turner Roth", "person"), ("General Services Administration", "organisation"),
                              ("Obama", "person"), ("Justice Department", "organisation")])
    assert [(a.name, a.kind) for a in actors.values()] == [
        ("Denise Turner Roth", "person"), ("General Services Administration", "organisation"),
        ("Barack Obama", "person"), ("Justice Department", "organisation")]


@pytest.mark.parametrize(("name", "kind"), [("Prince William County", "place"),
                                            ("King Abdulaziz International Airport", "place"),
                                            ("Cardinal Health Inc", "organisation"),
                                            ("Cardinal Pietro Parolin", "organisation")])
def test_a_name_a_title_word_begins_is_a_person_only_beside_its_surname(name: str, kind: str) -> None:
    """Places and companies begin with "Prince", "King" and "Cardinal" too: without the surname written
    elsewhere in the article (as "Parolin" is in the test above), the name stays what the recogniser read."""
    assert [(a.name, a.kind) for a in _resolved(name, [(name, kind)]).values()] == [(name, kind)]


def test_one_name_read_as_two_kinds_takes_the_kind_of_most_of_its_mentions() -> None:
    """Breitbart 2016-03-15 (PolNeAR): read in the whole article, "Marco Rubio" was a person 18 times and an
    organisation once, and the actor had been an organisation, the kind of the group read last."""
    from collections import Counter

    from framing.actors import _merged_kind

    text = ("Marco Rubio exits the presidential race having won 163 delegates to the Republican National Convention "
            "this summer.\n\nIf Rubio jumps back in the race, he keeps his delegates.\n\nTed Cruz says his "
            "\u201cfriend and colleague\u201d Marco Rubio ran \u201can optimistic campaign focused on the future of "
            "our party.\u201d\n\nMarco Rubio has more delegates than Kasich has, and the Florida senator suspended his "
            "campaign Tuesday night.")
    actors = _resolved(text, [("Marco Rubio", "person"), ("Rubio", "person"), ("Ted Cruz", "person"),
                              ("Marco Rubio", "organisation"), ("Marco Rubio", "person"), ("Kasich", "person")])
    assert (actors["Marco Rubio"].kind, len(actors["Marco Rubio"].mentions)) == ("person", 4)
    assert _merged_kind(Counter({"person": 18, "organisation": 1})) == "person"
    assert _merged_kind(Counter({"organisation": 1, "person": 18})) == "person"
    # equals: a person loses ("Goldman Sachs"), then the last read wins
    assert _merged_kind(Counter({"person": 1, "organisation": 1})) == "organisation"
    assert _merged_kind(Counter({"organisation": 2, "place": 2})) == "place"
    assert _merged_kind(Counter({"place": 5, "government": 1})) == "government"


def test_the_first_word_of_the_articles_one_outlet_is_that_outlet() -> None:
    """USA Today 2015-11-23 (PolNeAR): "ABC's This Week" stood apart from ABC News. Not a place ("Miami" beside the
    Miami Herald), nor a surname ("President Fox"), nor a one-word person (Breitbart's "told Fox" beside Fox News
    reads like "Christian, a student" beside the Christian Post)."""
    text = ("A national poll released Sunday by The Washington Post and ABC News shows the New York billionaire "
            "maintaining his lead among Republicans after the attacks.\n\n\"Everyone else is coming out with polls "
            "saying I'm leading because people are sick and tired of stupid and incompetent people leading our "
            "nation,\" Trump said on ABC's This Week.")
    assert [m.text for m in framing.analyze(text).actor("ABC News").mentions] == ["ABC News", "ABC"]
    text = ("The Fox News poll was conducted by telephone between February 15-17 among 1,031 randomly-selected "
            "registered adult voters.\n\nRepublican pollster Daron Shaw told Fox that he credits the change to a large "
            "defection among \u201cblue-collar, white Democrats\u201d from the Clinton camp.")
    assert [m.text for m in framing.analyze(text).actor("Fox News").mentions] == ["Fox News"]


def test_seats_of_government_that_act_are_governments(reuters: framing.Analysis) -> None:
    """"Moscow had succeeded in keeping Syria intact", "the Pentagon": governments; the air base is a place."""
    assert _row(reuters, "Moscow")[:2] == ("government", "Russian government")
    assert _row(reuters, "the Pentagon")[:2] == ("government", "US government")
    assert _row(reuters, "Hmeymim") == ("place", None, ("Hmeymim",))
    assert reuters.actor("Geneva").kind == "place"  # talks in Geneva: a place, it has no government of its own here


def test_a_title_alone_is_the_one_person_who_holds_it() -> None:
    """The Observer: "Russian President Vladimir Putin", later "The Russian president's visit"."""
    observer = framing.analyze(seed_text("004"))
    assert observer.actor("Putin").aliases == ("Vladimir Putin", "Putin", "Russian president")


def test_a_title_with_its_name_and_a_surname_later() -> None:
    """CBC: "Gen. Sergei Surovikin, the Russian military commander" and later "Surovikin said"."""
    cbc = framing.analyze(seed_text("002"))
    assert _row(cbc, "Sergei Surovikin") == ("person", "Russian military", ("Sergei Surovikin", "Surovikin"))


def test_a_group_gives_one_actor_of_its_members_mentions(reuters: framing.Analysis) -> None:
    group = reuters.actor("Russian government")
    assert group is not None and group.kind == "group"
    members = {a.name for a in reuters.actors if a.group == "Russian government"}
    assert members == {"Vladimir Putin", "Moscow", "Russia", "the Kremlin"}
    assert len(group.mentions) == sum(len(a.mentions) for a in reuters.actors if a.name in members)
    assert all(reuters.text[m.start:m.end] == m.text for m in group.mentions)


def test_the_users_table_makes_a_group() -> None:
    """A user's group joins known actors (Putin, the Kremlin) and names new ones (Eric Pahon)."""
    analysis = framing.analyze(seed_text("000"), actors={"Watched": ["Putin", "Eric Pahon"]})
    assert analysis.actor("Watched").aliases == ("Vladimir Putin", "Putin", "Eric Pahon")
    table = load_actor_table({"Watched": ["Putin"]})
    assert framing.analyze(seed_text("000"), actors=table).actor("Watched") is not None


def test_the_users_words_for_a_group_are_found_where_the_recogniser_sees_no_name() -> None:
    """CBC: "they also battled mainstream rebels opposed to the Assad family's four-decade rule", "Insurgents still
    control several areas in Syria" and "Turkey, which backs the rebels": no names, but the user's group names
    them, and a lower-case word matches a capital opening a sentence. The Guardian: in "Syrian opposition sources
    said", "Syrian" is a nationality to the recogniser; the user's longer name takes its place."""
    cbc = framing.analyze(seed_text("002"), actors={"Syrian opposition": ["rebels", "insurgents"]})
    rebels = cbc.actor("Syrian opposition")
    assert rebels.kind == "group" and [m.text for m in rebels.mentions] == ["rebels", "Insurgents", "rebels"]
    assert cbc.text[rebels.mentions[0].end:].startswith(" opposed to the Assad family")
    assert framing.analyze(seed_text("002")).actor("rebels") is None  # the shipped table alone: no such actor
    spaced = framing.analyze(seed_text("002"), actors={"Syrian opposition": ["the rebels"]})
    (mention,) = spaced.actor("Syrian opposition").mentions  # "Turkey, which backs the rebels"
    assert spaced.text[mention.start:mention.end] == "the\xa0rebels"  # a no-break space in the text
    guardian = framing.analyze(seed_text("001"), actors={"Syrian opposition": ["Syrian opposition", "opposition groups"]})
    group = guardian.actor("Syrian opposition")
    assert [m.text for m in group.mentions] == ["opposition groups", "Syrian opposition"]
    assert guardian.text[group.mentions[1].end:].startswith(" sources said they had no prior information")


def test_a_users_name_in_capitals_matches_as_written_and_gives_way_to_a_longer_name() -> None:
    """PTC article 786527921: "... a candidate who had vehemently offended our community by calling us rapists and
    drug dealers": "us" is not the user's "US". "Assad" is inside the recogniser's "Bashar al-Assad" (seed 000),
    which it already names."""
    text = ("\u201cOn personal note, we really thought we had shown up to demonstrate our political power against a "
            "candidate who had vehemently offended our community by calling us rapists and drug dealers,\u201d Murillo")
    assert framing.analyze(text, actors={"Americans": ["US"]}).actor("Americans") is None
    reuters = framing.analyze(seed_text("000"), actors={"Assad camp": ["Assad"]})
    assad = reuters.actor("Assad camp")
    assert assad.aliases == ("Bashar al-Assad", "Assad")
    table = load_actor_table({"Assad camp": ["Assad"], "Syrian opposition": ["rebels"]})
    assert table.user_groups == ("Assad camp", "Syrian opposition")
    assert {"rebels", "Bashar al-Assad", "Assad"} <= set(table.user_aliases)
    assert load_actor_table().user_groups == () and load_actor_table().user_aliases == ()


def test_a_groups_name_gives_the_group_with_the_member_that_bears_it() -> None:
    """Politico (PolNeAR, 2016-01-05): "NATO's secretary general, meanwhile, called on the North Korean
    regime ..." and "..., NATO Secretary General Jens Stoltenberg said." NATO the organisation and Stoltenberg
    both act for NATO, the group."""
    text = ("NATO's secretary general, meanwhile, called on the North Korean regime to abandon its nuclear weapons and "
            "comply with the international community.\n\n\"The nuclear weapons test announced by North Korea "
            "undermines regional and international security,\" NATO Secretary General Jens Stoltenberg said.")
    analysis = framing.analyze(text)
    nato = analysis.actor("NATO")
    assert nato.kind == "group" and [m.text for m in nato.mentions] == ["NATO", "NATO", "Jens Stoltenberg"]
    assert analysis.actor("Stoltenberg").kind == "person"


def test_a_messy_page_yields_no_junk_actor() -> None:
    """Page furniture, the dateline and the photo credit name nobody; misspelt and transliterated names join."""
    page = framing.analyze((FIXTURES / "messy_page.txt").read_text(encoding="utf-8"))
    rows = {a.name: (a.kind, a.aliases) for a in page.actors}
    assert rows["Vladimir Putin"] == ("person", ("Putin", "Vladimir Putin", "Vladmir Putin"))
    assert rows["Sergei Shoigu"] == ("person", ("Defence Minister", "Sergey Shoigu"))
    assert rows["Bashar al-Assad"] == ("person", ("Bashar al-Assad", "Assad"))
    assert rows["Eric Pahon"] == ("person", ("Eric Pahon",))
    junk = {"Listen Live", "Get short URL", "Photograph", "Mikhail Klimentyev", "Sputnik", "AFP", "Getty Images",
            "MOSCOW", "Andrew Osborn", "Peter Graff", "Tweet", "Email", "Related Articles", "Comments"}
    assert not junk & {alias for a in page.actors for alias in a.aliases}
    assert set(rows) == {"Vladimir Putin", "Syria", "Russia", "Sergei Shoigu", "General Staff", "the Kremlin",
                         "Bashar al-Assad", "the Pentagon", "Eric Pahon"}


def test_a_photo_gallerys_caption_lines_name_nobody() -> None:
    """PTC article 727634031 (a CNN page): "Hide Caption 1 of 30 Photos: ..." opened each of 30 gallery
    captions and had made "Hide Caption" an organisation of 30 mentions."""
    text = ("It is the deadliest mass shooting in modern US history.\nHide Caption 1 of 30 Photos: Mass shooting at "
            "Las Vegas music festival Broken windows of the Mandalay Bay are seen early in Las Vegas on Monday.\n"
            "Police said the gunman fired on the crowd from the 32nd floor of the hotel.\nHide Caption 2 of 30 "
            "Photos: Mass shooting at Las Vegas music festival People carry a person at the scene.\n")
    assert "Hide Caption" not in {a.name for a in framing.analyze(text).actors}
    doc = framing.build_doc(text)
    assert [s.kind for s in doc.sentences if s.text.startswith("Hide Caption")] == ["boilerplate"] * 2


def test_credit_lines_archive_links_and_glued_blog_chrome_name_nobody() -> None:
    """PTC article 699291100 (a Zero Hedge repost) made "Tyler Durden" and "Zero Hedge" people; 757713354's closing
    link "The Best of Eric Margolis" an organisation; a HuffPost live blog (PolNeAR, 2016-02-07) glued each
    post's byline to its sharing buttons and made people of "Julia CravenFlagShareLikeReplyAni Vrabel"."""
    text = ("FBI Informant \u201cThreatened\u201d After Offering Details Linking Clinton Foundation To Russian Bribery "
            "Case\n\nThis report was originally published by Tyler Durden at Zero Hedge\nWhile the mainstream media "
            "has largely ignored it, the scandal surrounding Russian efforts to acquire uranium reserves grows.\n"
            "Pyongyang has not even begun to raise these issues.\nSmiles and hugs are premature.\n"
            "The Best of Eric Margolis\n"
            "\"Especially mosques, for example, that are participating not just in hate speech but inciting "
            "violence,\" Rubio said.\nJulia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 "
            "10:57PMJeb Bush Hits Marco Rubio On Rape Exception For Abortions\nJeb Bush criticized Marco Rubio for "
            "opposing legal abortion in cases of rape and incest.\n")
    names = {alias for a in framing.analyze(text).actors for alias in a.aliases}
    assert not {n for n in names if "Durden" in n or "Hedge" in n or "Margolis" in n or "Flag" in n}, names
    assert {"Jeb Bush", "Marco Rubio", "Pyongyang"} <= names


def test_a_reporting_verb_in_capitals_ends_the_name_before_it() -> None:
    """Headline capitals had made one name of a speaker and the verb: "Loomer Tweeted" (PTC 695833178), "Trevor
    Noah Says" (HuffPost 2016-08-12, PolNeAR) and "Iran Admits" (PTC 762956953), each beside the actor's own row.
    "Rasmussen Reports" is a pollster's name."""
    text = ("Iran Admits To Aiding Al-Qaeda and Facilitating 9/11 Jihad Terror Attacks\n\nThis has long been known, "
            "although Iran denied it.\n\nThe picture \u201cproves FBI misled public,\u201d Loomer Tweeted. Laura "
            "Loomer later deleted the post.\n\nDonald Trump Is Like A Lawyer\u2019s Dumbest Client Ever, Trevor Noah "
            "Says. Trevor Noah mocked him on Wednesday.\n\nA poll by Rasmussen Reports found him ahead.")
    actors = {a.name: [m.text for m in a.mentions] for a in framing.analyze(text).actors}
    assert actors["Laura Loomer"] == ["Loomer", "Laura Loomer"] and actors["Trevor Noah"] == ["Trevor Noah"] * 2
    assert actors["Iran"] == ["Iran", "Iran"] and "Rasmussen Reports" in actors
    assert not [name for name in actors if name.split()[-1] in ("Admits", "Tweeted", "Says")]


def test_cli_reads_the_users_table_lists_actors_and_writes_them_in_json(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from framing.cli import app

    table = tmp_path / "actors.csv"
    table.write_text("alias,actor,group\nPahon,Eric Pahon,US government\n", encoding="utf-8")
    seed = str(Path(__file__).parents[1] / "seeds" / "000_235e616d53163978.txt")
    runner = CliRunner()
    listed = runner.invoke(app, ["score", seed, "--explain", "actors", "--actors", str(table)])
    assert listed.exit_code == 0, listed.output
    assert "Eric Pahon (person, US government): 1 mention(s)" in listed.stdout
    assert "Vladimir Putin (person, Russian government): 20 mention(s)" in listed.stdout
    import json

    record = json.loads(runner.invoke(app, ["score", seed, "--format", "json"]).stdout)["articles"][0]
    putin = next(a for a in record["actors"] if a["name"] == "Vladimir Putin")
    assert putin["kind"] == "person" and {m["text"] for m in putin["mentions"]} == {"Vladimir Putin", "Putin"}
    bad = tmp_path / "actors.txt"
    bad.write_text("Putin", encoding="utf-8")
    refused = runner.invoke(app, ["score", seed, "--actors", str(bad)])
    assert refused.exit_code == 1 and "cannot use --actors" in refused.output


def test_a_users_csv_table_merges_rows_of_one_actor_reads_wide_cells_and_refuses_bad_rows(tmp_path: Path) -> None:
    from framing.errors import InputError

    table = tmp_path / "actors.csv"
    table.write_text("alias,actor,group\nPahon,Eric Pahon,Pentagon\nMr Pahon,Eric Pahon,Pentagon\n", encoding="utf-8")
    entry = load_actor_table(table).resolve("Mr Pahon")
    assert entry is not None and entry.name == "Eric Pahon" and {"Pahon", "Mr Pahon"} <= set(entry.aliases)
    wide = tmp_path / "wide.csv"
    wide.write_text('alias,actor\n"' + "x" * 200_000 + '",Someone\n', encoding="utf-8")
    assert load_actor_table(wide).resolve("Someone") is not None  # a cell over the csv module's 128 KB default
    broken = tmp_path / "broken.csv"
    broken.write_text("alias,actor\nPutin,Vladimir Putin,Russian government\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken.csv, line 2: 3 columns where the header has 2"):
        load_actor_table(broken)


def test_the_tables_person_look_up_reads_only_people_of_the_surname_or_given_names() -> None:
    """The indexed look-up answers as a scan over every alias and every person's full names does, typos and
    transliterations included ("Vladmir Putin", "Sergey Shoigu", "Vladimir Puttin")."""
    from framing.names import name_key, parse_name, same_person

    table = load_actor_table(None)
    aliases = {name_key(alias): e.name for e in table.entries for alias in (e.name, *e.aliases)}
    people = [(e.name, parse_name(alias)) for e in table.entries if e.kind in ("person", "")
              for alias in (e.name, *e.aliases) if parse_name(alias).given]

    def scanned(name: str) -> str | None:
        if name_key(name) in aliases:
            return aliases[name_key(name)]
        parts = parse_name(name)
        close = {actor for actor, full in people if same_person(parts, full)} if parts.given else set()
        return close.pop() if len(close) == 1 else None

    names = ["Vladmir Putin", "Sergey Shoigu", "Vladimir Puttin", "Bashar Asad", "Sergei Lavrov",
             "Dmitri Peskov", "Vladimir Smith", "John Putin", "Maria Zakharova", "the Kremlin"]
    assert [table.canonical(name) for name in names] == [scanned(name) for name in names]
    assert table.canonical("Vladmir Putin") == "Vladimir Putin"


def test_the_tables_memory_of_answers_is_bounded_and_answers_stay_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RESOLVED_LIMIT names the table forgets its answers and finds them again: a long batch does not grow."""
    import framing.actor_table as actor_table

    monkeypatch.setattr(actor_table, "RESOLVED_LIMIT", 3)
    table = load_actor_table(None)
    names = ["Vladmir Putin", "Mr Assad", "Sergey Shoigu", "the Kremlin", "Vladmir Putin", "Nobody Known"]
    answers = [table.canonical(name) for name in names]
    assert answers == ["Vladimir Putin", "Bashar al-Assad", "Sergei Shoigu", "the Kremlin", "Vladimir Putin", None]
    assert len(table._resolved) <= 3
