"""Names, name keys, grouping one article's mentions into actors, and the actor tables.

The mentions are written as the seeds and the Syria and Skripal coverage of
issue 21 write them; each expected group was read from those texts.
"""

from __future__ import annotations

import pytest

from framing.actor_table import ActorEntry, ActorTable, load_actor_table, shipped_actors
from framing.errors import InputError
from framing.lexicons import load_table
from framing.name_groups import group_mentions
from framing.names import (
    NameParts,
    abbreviations,
    levenshtein,
    metonym_kind,
    name_key,
    parse_name,
    person_name,
    same_person,
    surname,
    title_words,
    word_key,
)
from tests.conftest import seed_text


# -- the seeds write these names --------------------------------------------------------

SEED_NAMES = {
    "000": ["President Vladimir Putin", "President Bashar al-Assad", "The Kremlin"],
    "001": ["The Russian president, Vladimir Putin", "Putin’s", "Assad’s", "Staffan de Mistura"],
    "002": ["Syrian President Bashar al-Assad", "Gen. Sergei Surovikin", "Putin's", "Sergei Surovikin"],
    "003": ["Kremlin spokesman Dmitry Peskov", "foreign minister Sergei Lavrov", "UN-hosted", "Assad's"],
    "004": ["Russian President Vladimir Putin", "Syrian President Bashar al-Assad", "Moscow’s"],
}


@pytest.mark.parametrize("prefix", sorted(SEED_NAMES))
def test_the_seed_names_used_here_are_in_the_seeds(prefix):
    text = seed_text(prefix)
    for name in SEED_NAMES[prefix]:
        assert name in text, f"{name!r} is not in seed {prefix}"


@pytest.mark.parametrize(
    ("mention", "title", "given", "last", "written"),
    [
        ("Russian President Vladimir Putin", ("russian", "president"), ("vladimir",), "putin", "Vladimir Putin"),
        ("The Russian president, Vladimir Putin", ("russian", "president"), ("vladimir",), "putin", "Vladimir Putin"),
        ("Kremlin spokesman Dmitry Peskov", ("kremlin", "spokesman"), ("dmitri",), "peskov", "Dmitry Peskov"),
        ("Gen. Sergei Surovikin", ("gen.",), ("sergei",), "surovikin", "Sergei Surovikin"),
        ("Sergei Surovikin, the Russian military commander in Syria", (), ("sergei",), "surovikin",
         "Sergei Surovikin"),
        ("foreign minister Sergei Lavrov", ("foreign", "minister"), ("sergei",), "lavrov", "Sergei Lavrov"),
        ("President Bashar al-Assad", ("president",), ("bashar",), "assad", "Bashar al-Assad"),
        ("Mr Putin", ("mr",), (), "putin", "Putin"),
        ("Putin’s", (), (), "putin", "Putin"),
        ("Staffan de Mistura", (), ("staffan",), "mistura", "Staffan de Mistura"),
        ("the Russian president", ("russian", "president"), (), "", ""),
        ("Secretary of State Mike Pompeo", ("secretary", "of", "state"), ("mike",), "pompeo", "Mike Pompeo"),
        ("Mohammed bin Salman", (), ("mohammed",), "bin salman", "Mohammed bin Salman"),
        ("Martin Luther King", (), ("martin", "luther"), "king", "Martin Luther King"),
        ("Supreme Court Justice Anthony Kennedy", ("supreme", "court", "justice"), ("anthoni",), "kennedi",
         "Anthony Kennedy"),
        ("Fed Chair Janet Yellen", ("fed", "chair"), ("janet",), "yellen", "Janet Yellen"),
        ("Justice Department", (), ("justice",), "department", "Justice Department"),  # a body's name, no title
    ],
)
def test_parse_name_takes_a_mention_apart(mention, title, given, last, written):
    parts = parse_name(mention)
    assert (parts.title, parts.given, parts.surname, parts.written) == (title, given, last, written)


@pytest.mark.parametrize(
    ("mention", "title", "given", "last", "generation"),
    [
        ("Gen. Joseph F. Dunford Jr.", ("gen.",), ("josef", "f"), "dunford", "jr"),
        ("Martin Luther King Jr.", (), ("martin", "luther"), "king", "jr"),  # "King" ends a name here, no title
        ("the Rev. Charles Elliott Jr.", ("rev.",), ("charles",), "elliott", "jr"),
        ("Robert S. Mueller III's", (), ("robert", "s"), "mueller", "iii"),
        ("Charles Elliott III", (), ("charles",), "elliott", "iii"),  # a family's third, not a king's
        ("Pope Benedict XVI", ("pope",), (), "benedict", "xvi"),  # one regnal name
        ("John Paul II", (), (), "john paul", "ii"),  # one regnal name of two words: not a Mr. Paul
        ("President Xi", ("president",), (), "xi", ""),  # a name in capitals and lower case is no numeral
    ],
)
def test_a_generation_is_kept_apart_from_the_surname(mention, title, given, last, generation):
    parts = parse_name(mention)
    assert (parts.title, parts.given, parts.surname, parts.generation) == (title, given, last, generation)


def test_a_title_alone_names_no_one():
    assert parse_name("the Russian president").title_only
    assert parse_name("Russian President").title_only
    assert not parse_name("Martin Luther King").title_only  # ends in a name that is also a title


@pytest.mark.parametrize(
    "mention", ["Bashar al-Assad", "Bashar Assad", "President Bashar al-Assad", "Syrian President Bashar al-Assad's"]
)
def test_one_name_key_for_the_ways_assad_is_written(mention):
    assert name_key(mention) == "bashar assad"


@pytest.mark.parametrize("mention", ["Mr Assad", "Assad's", "Assad’s", "al-Assad"])
def test_a_surname_keys_alone(mention):
    assert name_key(mention) == "assad"


def test_name_key_of_other_names_keeps_their_words():
    assert name_key("UN-hosted") == name_key("The UN’s") == "un"
    assert name_key("the Organisation for the Prohibition of Chemical Weapons") == (
        "organisation for the prohibition of chemical weapons"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sergei", "Sergey"), ("Sergei", "Sergej"), ("Dmitry", "Dmitri"), ("Dmitry", "Dmitriy"),
     ("Zelensky", "Zelenskyy"), ("Zelensky", "Zelenskiy"), ("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"),
     ("Shoigu", "Shoygu"), ("Erdogan", "Erdoğan"), ("Alexei", "Aleksey"), ("Yevgeny", "Evgeniy"),
     ("Joseph", "Josef"), ("Gaddafi", "Qaddafi")],
)
def test_transliterations_are_one_key(a, b):
    assert word_key(a) == word_key(b)


@pytest.mark.parametrize(("a", "b"), [("Sergei", "Sergio"), ("Boris", "Doris"), ("Kim", "Kin"), ("Jo", "Joe")])
def test_different_names_stay_apart(a, b):
    assert word_key(a) != word_key(b)


def test_every_variant_row_is_needed_beyond_the_general_rules():
    from framing.names import _by_rule, _fold_accents

    for row in load_table("names-variants.v1.tsv"):
        variant, canonical = (_by_rule(_fold_accents(row[k].lower())) for k in ("variant", "canonical"))
        assert variant != canonical, f"{row['variant']}: the general rules already fold it"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vladmir Putin", "Vladimir Putin", True),  # issue 21's typo
        ("Sergey Shoigu", "Sergei Shoigu", True),
        ("Bashar Assad", "Mr Assad", True),
        ("V. Putin", "Vladimir Putin", True),
        ("Boris Johnson", "Jo Johnson", False),  # brothers, both ministers in 2019
        ("Sergei Skripal", "Yulia Skripal", False),
        ("Donald Trump", "Trump Tower", False),
        ("Sergei Lavrov", "Sergei Shoigu", False),
        ("the Russian president", "Vladimir Putin", False),  # titles are the grouping's task
        # a double name written without its first given name (PTC articles 783702663, 759478604, 762206044)
        ("Rodriguez Maradiaga", "Óscar Andrés Rodríguez Maradiaga", True),
        ("Braz de Aviz", "João Braz de Aviz", True),
        ("Wasserman Schultz", "Debbie Wasserman Schultz", True),
        ("Mohammed Al Maktoum", "Hamdan bin Mohammed bin Rashid Al Maktoum", False),  # father and son: no middle run
        ("Jeb Bush", "George W. Bush", False),  # brothers: the shorter is no end of the longer
        ("Hunter Biden", "Joseph Robinette Biden", False),  # father and son: "hunter" ends no given names of his
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_levenshtein():
    assert levenshtein("vladmir", "vladimir") == 1
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("kitten", "sitting", limit=1) == 2  # stops past the limit


def test_surname_keeps_the_keys_scoring_gives():
    assert surname("Bashar al-Assad") == "assad"
    assert surname("Putin’s") == "putin"
    assert surname("Abdel Fattah el-Sisi") == "sisi"
    assert surname("Mohammed bin Salman") == "bin salman"  # not King Salman
    assert surname("") == ""
    # a generation is no surname; a regnal name is one, its title left out (Sanders: "King Abdullah II of Jordan")
    assert surname("Robert S. Mueller III") == "mueller"
    assert surname("Martin Luther King, Jr.") == "king"
    assert surname("King Abdullah II") == "abdullah"
    assert surname("Pope John Paul II") == "john paul"


def test_a_title_word_written_alone_is_the_one_person_of_that_surname():
    # West Virginia's governor: "Justice" alone is a title word since Justice became a title
    mentions = [("Gov. Jim Justice", "person"), ("Justice", "person"), ("the justice", "person")]
    assert _groups(mentions)[0] == ("Jim Justice", "person", ["Gov. Jim Justice", "Justice"], False)


def test_person_name_finds_the_name_in_a_mention():
    assert person_name("Pentagon spokesman Eric Pahon") == "Eric Pahon"  # seed 004
    assert person_name("Syrian President Bashar al-Assad") == "Syrian President Bashar al-Assad"
    assert person_name("the Russian president") == ""


def test_title_words_and_abbreviations_come_from_the_data():
    words = title_words()
    assert {"president", "minister", "spokesman", "gen.", "mr", "dr.", "justice", "chair", "pm", "ag"} <= words
    assert not {"state", "major", "foreign"} & words  # name other things on their own
    # text.py keeps every abbreviation it kept before the list moved here
    assert {"Ms.", "Mr.", "Mrs.", "Mmes.", "Messrs.", "Dr.", "Drs.", "Fr.", "Prof.", "Profs.", "Gens.",
            "Govs.", "Atty.", "Amb.", "Ald.", "Treas."} <= abbreviations()


# -- metonymy ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("following", "preceding", "source", "kind"),
    [
        ("has said it will keep the base", "", False, "government"),  # "the Kremlin has said"
        ("denied any role", "", False, "government"),
        ("’s Hmeimim air base in Syria", "", False, "government"),  # seed 003: "Moscow's Hmeimim air base"
        ("planned to keep the base long-term", "", True, "government"),  # a source
        ("on Monday", "in", False, "place"),
        ("to brief the UN", "", False, "place"),
    ],
)
def test_a_seat_of_government_acts_or_is_a_place(following, preceding, source, kind):
    assert metonym_kind("place", following, preceding=preceding, is_source=source) == kind


def test_metonymy_leaves_other_kinds_alone():
    assert metonym_kind("person", "said") == "person"


# -- one actor per person ---------------------------------------------------------------

def _groups(mentions, known=None):
    return [(g.name, g.kind, [mentions[i][0] for i in g.members], g.ambiguous)
            for g in group_mentions(mentions, known)]


def test_seed_002_names_three_people_and_one_body():
    # As seed 002 (CBC News) writes them, in text order.
    mentions = [
        ("Russian President Vladimir Putin", "person"), ("Syrian President Bashar al-Assad", "person"),
        ("Putin", "person"), ("Gen. Sergei Surovikin", "person"), ("Assad", "person"),
        ("Surovikin", "person"), ("Putin's", "person"), ("ISIS", "group"), ("Islamic State", "group"),
    ]
    assert _groups(mentions) == [
        ("Vladimir Putin", "person", ["Russian President Vladimir Putin", "Putin", "Putin's"], False),
        ("Bashar al-Assad", "person", ["Syrian President Bashar al-Assad", "Assad"], False),
        ("Sergei Surovikin", "person", ["Gen. Sergei Surovikin", "Surovikin"], False),
        ("ISIS", "group", ["ISIS"], False),
        ("Islamic State", "group", ["Islamic State"], False),
    ]
    with_table = _groups(mentions, shipped_actors())
    assert ("Islamic State", "group", ["ISIS", "Islamic State"], False) in with_table


def test_issue_21_spellings_become_one_actor_each():
    mentions = [
        ("Vladimir Putin", "person"), ("Vladmir Putin", "person"), ("Mr Putin", "person"),
        ("Bashar Assad", "person"), ("Bashar al-Assad", "person"), ("Mr Assad", "person"),
        ("Sergei Shoigu", "person"), ("Sergey Shoigu", "person"),
    ]
    assert [(name, members) for name, _, members, _ in _groups(mentions)] == [
        ("Vladimir Putin", ["Vladimir Putin", "Vladmir Putin", "Mr Putin"]),
        ("Bashar Assad", ["Bashar Assad", "Bashar al-Assad", "Mr Assad"]),
        ("Sergei Shoigu", ["Sergei Shoigu", "Sergey Shoigu"]),
    ]


def test_a_title_alone_joins_the_one_person_who_holds_it():
    # Seed 001 opens "The Russian president, Vladimir Putin, has declared ..." and its
    # subheading says "Russian president says soldiers should begin pulling out".
    mentions = [("The Russian president, Vladimir Putin", "person"), ("Russian president", "person"),
                ("Barack Obama", "person"), ("US president Barack Obama", "person")]
    assert [members for _, _, members, _ in _groups(mentions)] == [
        ["The Russian president, Vladimir Putin", "Russian president"],
        ["Barack Obama", "US president Barack Obama"],
    ]


def test_a_title_two_people_hold_names_neither():
    mentions = [("Russian President Vladimir Putin", "person"), ("Syrian President Bashar al-Assad", "person"),
                ("the president", "person")]
    assert _groups(mentions)[-1] == ("president", "person", ["the president"], True)


def test_a_country_name_in_a_title_reads_as_its_adjective():
    mentions = [("Syrian President Bashar al-Assad", "person"), ("Russian President Vladimir Putin", "person"),
                ("Syria's president", "person")]
    assert _groups(mentions)[0][2] == ["Syrian President Bashar al-Assad", "Syria's president"]


def test_a_person_is_named_as_the_article_writes_the_name_twice():
    """Breitbart 2016-04-15 (PolNeAR) and PTC article 762206044: "Using Ted Cruz" (a headline's word taken into
    the name, written once) had named the row of 14 mentions; Debbie Wasserman Schultz, twice in full and
    19 times as "Wasserman Schultz", had been two rows."""
    cruz = [("Cruz", "person"), ("Ted Cruz", "person"), *[("Cruz", "person")] * 6, ("Using Ted Cruz", "person"),
            ("Ted Cruz", "person"), *[("Cruz", "person")] * 4]
    assert [(g.name, len(g.members)) for g in group_mentions(cruz)] == [("Ted Cruz", 14)]
    schultz = [("Debbie Wasserman Schultz", "person")] * 2 + [("Wasserman Schultz", "person")] * 19
    assert [(g.name, len(g.members)) for g in group_mentions(schultz)] == [("Debbie Wasserman Schultz", 21)]


def test_a_generation_tells_father_from_son_and_joins_the_bare_surname():
    """NYT 2015-12-29 (PolNeAR) named "Vice President Joseph R. Biden Jr." and "Gen. Joseph F. Dunford Jr." in one
    sentence: both had the surname "Jr." and were one person. NYT 2016-07-21 has Donald Trump and his son Donald
    Trump Jr.; Breitbart 2016-06-05 the pastor Charles Elliott III, "Elliott", and his father Charles Elliott Jr."""
    biden = [("Vice President Joseph R. Biden Jr.", "person"), ("Gen. Joseph F. Dunford Jr.", "person"),
             ("Mr. Biden", "person")]
    assert _groups(biden) == [
        ("Joseph R. Biden Jr.", "person", ["Vice President Joseph R. Biden Jr.", "Mr. Biden"], False),
        ("Joseph F. Dunford Jr.", "person", ["Gen. Joseph F. Dunford Jr."], False),
    ]
    trump = [("Donald J. Trump", "person"), ("Mr. Trump", "person"), ("Donald Trump Jr.", "person"),
             ("Trump Jr.", "person")]
    assert _groups(trump) == [
        ("Donald J. Trump", "person", ["Donald J. Trump", "Mr. Trump"], False),
        ("Donald Trump Jr.", "person", ["Donald Trump Jr.", "Trump Jr."], False),
    ]
    elliott = [("Charles Elliott III", "person"), ("Elliott", "person"), ("Elliott", "person"),
               ("Charles Elliott Jr.", "person")]
    assert _groups(elliott) == [  # "Elliott" is the one without "Jr.", the son, as the text says
        ("Charles Elliott III", "person", ["Charles Elliott III", "Elliott", "Elliott"], False),
        ("Charles Elliott Jr.", "person", ["Charles Elliott Jr."], False),
    ]


def test_a_bare_surname_is_a_jr_only_when_the_article_addresses_him_so():
    """PTC article 780786973, without its first sentence: "Trump alleged in a morning tweet series ..." and "a
    widely studied June 2016 Trump Tower meeting arranged by Donald Trump Jr.": the bare "Trump" is the
    father, whom those sentences never name in full, not the son. The New York Times' "Mr. Biden" and
    "Admiral Harris" (2016-05-09: "Adm. Harry B. Harris Jr.") address the one named with "Jr." so."""
    trump = [("Trump", "person"), ("Donald Trump Jr.", "person"), ("Trump", "person")]
    assert _groups(trump) == [("Trump", "person", ["Trump", "Trump"], False),
                              ("Donald Trump Jr.", "person", ["Donald Trump Jr."], False)]
    harris = [("Adm. Harry B. Harris Jr.", "person"), ("Admiral Harris", "person")]
    assert _groups(harris) == [("Harry B. Harris Jr.", "person", ["Adm. Harry B. Harris Jr.", "Admiral Harris"],
                                False)]
    ivanka = [("Donald Trump Jr.", "person"), ("Ivanka Trump", "person"), ("Trump", "person")]
    assert _groups(ivanka)[-1] == ("Trump", "person", ["Trump"], True)  # neither the son nor his sister


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Robert S. Mueller III", "Mr. Mueller", True),
        ("Donald Trump Jr.", "Donald Trump", False),
        ("Trump Jr.", "Donald Trump", False),
        ("Charles Elliott III", "Charles Elliott Jr.", False),
        ("Pope Benedict XVI", "Pope Benedict", True),
        ("John Paul II", "St. Paul", False),
    ],
)
def test_same_person_reads_generations(a, b, same):
    assert same_person(a, b) is same


def test_two_people_of_one_surname_are_not_merged():
    # The Skripal poisoning: father and daughter, and "Skripal" alone could be either.
    mentions = [("Sergei Skripal", "person"), ("Yulia Skripal", "person"), ("Mr Skripal", "person"),
                ("Skripal", "person")]
    assert _groups(mentions) == [
        ("Sergei Skripal", "person", ["Sergei Skripal"], False),
        ("Yulia Skripal", "person", ["Yulia Skripal"], False),
        ("Skripal", "person", ["Mr Skripal", "Skripal"], True),
    ]


def test_the_table_does_not_choose_between_two_people_of_one_surname():
    mentions = [("Donald Trump", "person"), ("Ivanka Trump", "person"), ("Trump", "person")]
    assert _groups(mentions, shipped_actors())[-1] == ("Trump", "person", ["Trump"], True)


def test_a_building_named_after_a_person_is_not_the_person():
    mentions = [("Donald Trump", "person"), ("Trump Tower", "place"), ("Mr Trump", "person")]
    assert _groups(mentions) == [
        ("Donald Trump", "person", ["Donald Trump", "Mr Trump"], False),
        ("Trump Tower", "place", ["Trump Tower"], False),
    ]


def test_hyphenated_and_possessive_forms_join_their_body():
    # Seed 003: "The UN-hosted negotiations in Geneva"; seed 001: "The UN’s special envoy".
    mentions = [("UN-hosted", "organisation"), ("The UN’s", "organisation"), ("United Nations", "organisation")]
    assert _groups(mentions) == [
        ("UN", "organisation", ["UN-hosted", "The UN’s"], False),
        ("United Nations", "organisation", ["United Nations"], False),
    ]
    assert _groups(mentions, shipped_actors()) == [
        ("United Nations", "organisation", ["UN-hosted", "The UN’s", "United Nations"], False)
    ]


def test_no_mentions_no_actors():
    assert group_mentions([]) == ()


# -- the shipped actor table ------------------------------------------------------------

def test_every_alias_of_the_shipped_table_names_one_actor():
    owners: dict[str, set[str]] = {}
    for entry in shipped_actors().entries:
        for alias in (entry.name, *entry.aliases):
            owners.setdefault(name_key(alias), set()).add(entry.name)
    assert {k: v for k, v in owners.items() if len(v) > 1 or not k} == {}


def test_the_shipped_table_uses_known_kinds():
    kinds = {e.kind for e in shipped_actors().entries}
    assert kinds == {"person", "organisation", "government", "group", "place"}


@pytest.mark.parametrize(
    ("written", "actor"),
    [
        ("Vladmir Putin", "Vladimir Putin"), ("Mr Putin", "Vladimir Putin"), ("Putin’s", "Vladimir Putin"),
        ("Sergey Shoigu", "Sergei Shoigu"), ("Bashar Assad", "Bashar al-Assad"), ("Mr Assad", "Bashar al-Assad"),
        ("Daesh", "Islamic State"), ("ISIL", "Islamic State"), ("the Kremlin", "the Kremlin"),
        ("Tass", "TASS"), ("SANA", "SANA"), ("Zelenskyy", "Volodymyr Zelensky"), ("OPCW",
         "Organisation for the Prohibition of Chemical Weapons"), ("President Xi", "Xi Jinping"),
    ],
)
def test_the_shipped_table_resolves_aliases(written, actor):
    entry = shipped_actors().resolve(written)
    assert entry is not None and entry.name == actor


@pytest.mark.parametrize("written", ["Jo Johnson", "Trump Tower", "May", "the Russian president", "Nothing"])
def test_the_shipped_table_does_not_guess(written):
    assert shipped_actors().resolve(written) is None


def test_the_russian_government_group_of_issue_21():
    table = shipped_actors()
    members = {e.name for e in table.members("Russian government")}
    assert {"Vladimir Putin", "the Kremlin", "Dmitry Peskov", "Sergei Lavrov", "Sergei Shoigu",
            "Russian defence ministry", "Moscow"} <= members
    assert table.group("Peskov") == "Russian government"
    assert table.group("Russian government") == "Russian government"
    assert table.group("Reuters") is None
    assert table.resolve("Moscow").kind == "place"  # a government only when it acts


# -- the user's table -------------------------------------------------------------------

def test_a_mapping_groups_known_and_new_actors():
    table = load_actor_table({"Kremlin camp": ["Putin", "Kremlin", "Konstantin Kosachev"]})
    assert table.group("Vladimir Putin") == "Kremlin camp"
    assert table.group("the Kremlin") == "Kremlin camp"
    assert table.resolve("Konstantin Kosachev") == ActorEntry(
        "Konstantin Kosachev", "", "Kremlin camp", ("Konstantin Kosachev",)
    )
    assert table.group("Lavrov") == "Russian government"  # the shipped group stands where not overridden
    assert shipped_actors().group("Putin") == "Russian government"  # the shipped table is not changed


def test_a_toml_table(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[actors."Yulia Skripal"]\naliases = ["Yulia"]\ngroup = "Skripal family"\n\n'
        '[actors."Salisbury hospital"]\nkind = "organisation"\naliases = ["Salisbury District Hospital"]\n\n'
        '[groups]\n"Skripal family" = ["Sergei Skripal"]\n',
        encoding="utf-8",
    )
    table = load_actor_table(path)
    assert table.resolve("Yulia").name == "Yulia Skripal"
    assert [e.name for e in table.members("Skripal family")] == ["Sergei Skripal", "Yulia Skripal"]
    assert table.resolve("Salisbury District Hospital").kind == "organisation"


def test_a_csv_table_overrides_the_shipped_one(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "alias,actor,group\nVlad,Vladimir Putin,Russian presidency\nMBS,Mohammed bin Salman,\n"
        "Kosachev,Konstantin Kosachev,Russian government\n",
        encoding="utf-8",
    )
    table = load_actor_table(path)
    putin = table.resolve("Vlad")
    assert putin.name == "Vladimir Putin" and putin.group == "Russian presidency" and putin.kind == "person"
    assert table.resolve("MBS").group == "Saudi government"  # an empty group keeps the shipped one
    assert table.group("Kosachev") == "Russian government"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,actor\nPutin,Vladimir Putin\n", "line 1: the header must name the columns alias and actor"),
        ("alias,actor,side\nPutin,Vladimir Putin,x\n", "line 1: unknown column 'side'"),
        ("alias,actor\nPutin,Vladimir Putin\n,Sergei Lavrov\n", "line 3, column 'alias': empty"),
        ("alias,actor,kind\nPutin,Vladimir Putin,persn\n", "line 2, column 'kind': 'persn' is not a kind"),
        ("alias,actor\nPutin,Vladimir Putin,extra\n", "line 2: 3 columns where the header has 2"),
    ],
)
def test_a_bad_csv_says_where_and_what(tmp_path, content, message):
    path = tmp_path / "actors.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="actors.csv, " + message.replace("(", r"\(")):
        load_actor_table(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[actors."Putin"\n', "not valid TOML"),
        ('[people."Putin"]\n', "unknown table 'people'"),
        ('[actors."Putin"]\naliases = "Vlad"\n', "aliases: expected a list of names"),
        ('[actors."Putin"]\nkind = "leader"\n', "'leader' is not a kind"),
        ('[groups]\n"Kremlin camp" = ["Putin", 3]\n', "every name must be a non-empty string"),
    ],
)
def test_a_bad_toml_says_where_and_what(tmp_path, content, message):
    path = tmp_path / "actors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_actor_table(path)


def test_other_files_and_missing_files_are_refused(tmp_path):
    with pytest.raises(InputError, match=r"\.toml or \.csv"):
        load_actor_table(tmp_path / "actors.json")
    with pytest.raises(InputError, match="cannot read"):
        load_actor_table(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="expected a list of names"):
        load_actor_table({"Russian government": "Putin"})


def test_a_table_built_by_hand():
    table = ActorTable([ActorEntry("Jo Johnson", "person", None, ("Jo Johnson",))])
    assert table.resolve("Mr Johnson") is None  # only listed aliases resolve a bare surname
    assert table.canonical("Jo Johnson") == "Jo Johnson"
    assert isinstance(parse_name("Jo Johnson"), NameParts)


def test_a_short_form_agrees_with_its_full_name_and_no_other() -> None:
    """PTC articles write "Bob Mueller" beside "Robert Mueller" and "Jim Comey" beside "James Comey"; a second read
    found that mapping short forms into the matching key let Ron Johnson and Don Johnson (one slip apart as Ronald
    and Donald) be one man, and turned the surname Dick into "richard"."""
    assert same_person("Bob Mueller", "Robert Mueller") and same_person("Jim Comey", "James Comey")
    assert same_person("Bob Smith", "Rob Smith") and same_person("Stephen Paddock", "Steven Paddock")
    assert not same_person("Ron Johnson", "Don Johnson") and not same_person("Ron Johnson", "Donald Johnson")
    assert parse_name("Commissioner Cressida Dick").surname == "dick"

