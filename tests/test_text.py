"""The shared text model: offsets, blocks, quotes and tokens, checked on the seeds."""

import gc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import _Coverage, build_doc, normalise
from framing.types import END, QUOTED, START, TEXT
from tests.conftest import SEEDS, seed_text

SEED_PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_every_span_slices_the_original_text(prefix):
    text = seed_text(prefix)
    doc = build_doc(text)
    assert len(doc.norm) == len(text)
    for span in (*doc.sentences, *doc.quotes, *doc.paragraphs):
        assert text[span.start : span.end] == span.text
    for token in doc.tokens:
        assert text[token[START] : token[END]] == token[TEXT]


def test_tokens_leave_the_garbage_collectors_sight():
    """Exact tuples of numbers and strings are untracked after one collection; a long article's tokens then cost
    the collector nothing (as a NamedTuple they were walked by every full collection: issue 19)."""
    doc = build_doc(seed_text("001"))
    gc.collect()
    assert len(doc.tokens) > 500
    assert not any(gc.is_tracked(token) for token in doc.tokens)


def _kinds(doc, kind):
    return [s.text for s in doc.sentences if s.kind == kind]


def test_observer_newsletter_box_caption_and_repeated_headline_are_not_prose():
    doc = build_doc(seed_text("004"))
    boilerplate = _kinds(doc, "boilerplate")
    assert "Sign Up For Our Daily Newsletter" in boilerplate
    assert "You can opt out anytime." in boilerplate
    assert "See all of our newsletters" in boilerplate
    # the headline repeated as the last line
    assert boilerplate[-1] == "Putin Visits Syria to Claim Victory Over ISIS Ahead of Russian Election"
    assert "ALEXANDER ZEMLIANICHENKO/AFP/Getty Images" in _kinds(doc, "caption")
    body = " ".join(s.text for s in doc.body)
    assert "newsletter" not in body.lower() and "Getty" not in body
    assert doc.body[0].text.startswith("Russian President Vladimir Putin is looking to extricate")


def test_cbc_subhead_captions_byline_and_standfirst():
    doc = build_doc(seed_text("002"))
    # the strapline over the captions is not the article's prose, nor is the later subhead
    assert _kinds(doc, "subhead") == [
        "'The motherland is proud of you,' president told Russian service personnel gathered at base",
        "Putin's first visit",
    ]
    assert _kinds(doc, "byline") == ["With files from The Associated Press"]
    captions = " ".join(_kinds(doc, "caption"))
    assert "(Omar Sanadiki/Reuters)" in captions and "(Mikhail Klimentyev/Sputnik" in captions
    headlines = _kinds(doc, "headline")
    assert headlines[0] == "Putin orders Russian troops out of Syria"
    # the standfirst repeats the lead paragraph, so only the lead is counted
    assert headlines[1].startswith("President Vladimir Putin has ordered Russian forces")
    assert sum("achieved their mission of destroying ISIS" in s.text for s in doc.body) == 1


def test_a_standfirst_repeated_with_four_fifths_of_its_words_is_not_counted_twice() -> None:
    """The boundary of the repeat test, on both sides, and in a block outside ASCII (no quick rejection there).

    The standfirst has 20 distinct words; the first repeat lacks "begin", "largely", "saying" and "goals"
    (16 kept, exactly four fifths), the second also "forces" (15); the last lacks the four longest words,
    which a quick rejection reading too few of them would take for a block that cannot repeat it."""
    standfirst = ("President Vladimir Putin has ordered Russian forces to begin withdrawing from Syria, saying the "
                  "military had largely achieved its goals.")
    kept = ("President Vladimir Putin has ordered Russian forces to start withdrawing from Syria, as the military "
            "had achieved its aims, officials said.")
    for repeat, first_kind in ((kept, "headline"), (kept.replace("forces", "troops"), "body"),
                               (kept.replace("officials said", "officials in a caf\u00e9 said"), "headline"),
                               ("Vladimir Putin has ordered Russian forces to begin pulling out from Syria, saying "
                                "the army had largely met its goals.", "headline")):
        doc = build_doc(f"{standfirst}\n\n{repeat}\n\nThe Kremlin gave no timetable for the withdrawal.")
        assert [s.kind for s in doc.sentences] == [first_kind, "body", "body"], repeat


def test_a_contributors_credit_line_is_a_byline(shared_data):
    # USA TODAY ends its stories with a credit line; eight PolNeAR texts have one
    credited = [path for path in sorted((shared_data / "polnear" / "train" / "text").glob("*.txt"))
                if "\nContributing: " in path.read_text(encoding="utf-8")]
    assert len(credited) == 8
    for path in credited:
        doc = build_doc(path.read_text(encoding="utf-8"))
        assert [s.text for s in doc.sentences if s.text.startswith("Contributing:")] == _kinds(doc, "byline")
        assert not any(s.text.startswith("Contributing:") for s in doc.body)


def test_guardian_byline_and_a_quote_of_three_sentences():
    doc = build_doc(seed_text("001"))
    assert _kinds(doc, "byline") == ["By\u00a0The Guardian"]
    # the one-sentence standfirst above the byline is headline material, not body
    assert _kinds(doc, "headline") == [
        "Russian president says soldiers should begin pulling out of country as military "
        "intervention has largely achieved its aims."
    ]
    assert doc.body[0].text.startswith("The Russian president, Vladimir Putin, has declared")
    quote = next(q for q in doc.quotes if q.text.startswith("we will have to wait"))
    assert quote.text.endswith("nothing materialised")
    assert quote.open_mark == "\u201c" and quote.close_mark == "\u201d"
    # sentencex keeps the three quoted sentences with their attribution
    (holder,) = [s for s in doc.sentences if s.start <= quote.start and quote.end <= s.end]
    assert holder.text.startswith("A Western diplomatic source said:")
    assert "It is Putin. He has announced" in quote.text
    words = {t[TEXT]: t[QUOTED] for t in doc.tokens if t[TEXT] in ("materialised", "Western")}
    assert words == {"materialised": True, "Western": False}


def test_single_quotes_are_told_from_apostrophes():
    doc = build_doc(seed_text("002"))
    singles = [q.text for q in doc.quotes if q.open_mark == "'"]
    assert singles == ["The motherland is proud of you"]
    putins = [t for t in doc.tokens if t[TEXT] == "Putin" and doc.text[t[END] : t[END] + 2] == "'s"]
    assert putins and not any(t[QUOTED] for t in putins)


def test_lost_space_between_words_is_split_in_tokens_only():
    doc = build_doc(seed_text("001"))
    index = next(i for i, t in enumerate(doc.tokens) if t[TEXT] == "that" and doc.tokens[i + 1][TEXT] == "Syrian")
    assert doc.tokens[index][END] == doc.tokens[index + 1][START]  # "thatSyrian" in the text


def test_names_with_inner_capitals_take_the_quick_path_and_the_same_tokens() -> None:
    """Only a sentence that may hold a glued word ("thatSyrian", "inSyria") is tokenised word by word;
    "McCain", "DeSantis" and "iPhone" are no glued words, and the quick path gives them the tokens the slow
    one would."""
    from framing.text import _MAY_BE_GLUED, _merge, _tokenise, _tokenise_glued

    text = ("Sen. John McCain told \u201cFox News\u201d the DeSantis video, shot on an iPhone, was real.\n\n"
            "He said thatSyrian forces had left inSyria.")
    doc = build_doc(text)
    first, second = doc.sentences
    assert not _MAY_BE_GLUED.search(doc.norm, first.start, first.end)
    quick = _tokenise(doc.text, doc.norm, first.start, first.end, first.index, _merge(list(doc.quotes)))
    slow = _tokenise_glued(doc.text, doc.norm, first.start, first.end, first.index, _merge(list(doc.quotes)))
    assert quick == slow == list(doc.tokens[first.token_start : first.token_end])
    assert any(t[QUOTED] for t in quick)
    words = [t[TEXT] for t in doc.tokens[second.token_start : second.token_end]]
    assert words == ["He", "said", "that", "Syrian", "forces", "had", "left", "in", "Syria", "."]


def test_possessive_is_its_own_token_and_hyphenated_words_stay_whole():
    doc = build_doc(seed_text("002"))
    words = [t[TEXT] for t in doc.tokens]
    assert "war-ravaged" in words
    i = words.index("Russia")
    assert words[i : i + 3] == ["Russia", "'s", "Hmeymim"]


def test_crlf_and_hard_wrapped_lines():
    text = "The ministry said the\r\nplan would fail.\r\nOfficials declined to comment.\r\n"
    doc = build_doc(text)
    assert [s.text for s in doc.sentences] == [
        "The ministry said the\r\nplan would fail.",
        "Officials declined to comment.",
    ]
    assert len(normalise(text)) == len(text)



def test_a_wrapped_line_joins_unless_the_line_before_ends_a_sentence_or_it_is_furniture():
    # an indented lower-case line continues; trailing spaces after "fail." still end the block;
    # a lower-case furniture line ("share this article") is a block of its own
    text = ("The ministry said the\n   plan would fail.   \nofficials declined to comment, the agency\n"
            "said on Monday\nshare this article\n")
    assert [(s.text, s.kind) for s in build_doc(text).sentences] == [
        ("The ministry said the\n   plan would fail.", "body"),
        ("officials declined to comment, the agency\nsaid on Monday", "body"),
        ("share this article", "boilerplate"),
    ]

@pytest.mark.parametrize("text", ["", "   \n\n  ", "Syria"])
def test_empty_and_one_word_texts_give_a_small_valid_doc(text):
    doc = build_doc(text)
    assert all(text[t[START] : t[END]] == t[TEXT] for t in doc.tokens)
    assert len(doc.tokens) == (1 if text == "Syria" else 0)


def test_seeds_are_all_present():
    assert len(sorted(SEEDS.glob("*.txt"))) == 5


def test_a_title_before_a_name_does_not_end_a_sentence(shared_data):
    # sentencex ends a sentence at "Ms." after a comma; The New York Times writes "Ms." for every woman
    path = shared_data / "polnear" / "train" / "text" / "nyt_2015-12-15_white-house-schmoozing-season-ho.txt"
    doc = build_doc(path.read_text(encoding="utf-8"))
    (sentence,) = [s.text for s in doc.sentences if "Tchen said" in s.text]
    assert sentence.startswith("By eliminating the receiving line, Ms. Tchen said, the White House")
    assert not any(s.text.endswith(" Ms.") for s in doc.sentences)
    # a title sentencex keeps and a sentence that really ends stay as they were
    assert [s.text for s in build_doc("He thanked Dr. Smith. Mr. Jones agreed.").sentences] == [
        "He thanked Dr. Smith.", "Mr. Jones agreed."]


def test_page_furniture_is_boilerplate_and_the_headline_is_found_below_it() -> None:
    """A web page's furniture (issue 21's list) is kept out of the body; checked line by line against the fixture."""
    text = (Path(__file__).parent / "fixtures" / "messy_page.txt").read_text(encoding="utf-8")
    doc = build_doc(text)
    kinds = {s.text: s.kind for s in doc.sentences}
    for line in ("Listen Live", "Get short URL", "date 2017-12-11 Russia", "Share this article", "Tweet", "Email",
                 "Published time: 11 Dec, 2017 10:58 Edited time: 11 Dec, 2017 14:17", "Updated 12:34 GMT",
                 "Related Articles", "Comments (12)", "Subscribe to our newsletter"):
        assert kinds[line] == "boilerplate", line
    assert kinds["Putin orders start of Russian forces' withdrawal from Syria"] == "headline"
    assert kinds["Photograph: Mikhail Klimentyev/Sputnik/AFP/Getty Images"] == "caption"
    body = [s.text for s in doc.body]
    assert body[0].startswith("MOSCOW - Russian President Vladimir Putin on Monday ordered")
    assert "Mr Assad thanked him for Russia's help." in body and len(body) == 7


def test_a_furniture_line_must_be_the_whole_block() -> None:
    """Prose that starts like furniture stays prose: only a short block that is nothing else is boilerplate."""
    doc = build_doc(
        "Share prices fell sharply in Moscow on Monday.\n\n"
        "Updated figures from the defence ministry showed 4,000 troops had left.\n\n"
        "Updated 12:34 GMT"
    )
    assert [s.kind for s in doc.sentences] == ["body", "body", "boilerplate"]


def test_furniture_glued_to_a_title_ends_at_its_clock_time() -> None:
    """A HuffPost live blog (PolNeAR, 2016-02-07) glued each post's byline, sharing buttons and time to its
    title; the furniture is boilerplate and the title, with its attribution, is the reporter's own line. A
    time in prose splits nothing."""
    text = ("\"Especially mosques, for example, that are participating not just in hate speech but inciting "
            "violence,\" Rubio said.\n"
            "Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 10:35PMChris Christie "
            "Says He Would Issue A Quarantine Over Zika Virus\nFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeatured"
            "February 6, 2016 9:33PM The National Review Crowd Does Not Like Donald Trump\nFlagShareLikeReplySara "
            "Bondioli 5ptsmoderatorFeaturedFebruary 6, 2016 9:12PMCNN Disputes Characterization Of Network's "
            "Reporting On Carson\nPublished 7:01 PM Eastern Time\nThe debate began at 8:00PM Eastern and ran for "
            "three hours.\n")
    doc = build_doc(text)
    assert [(s.kind, s.text[:22]) for s in doc.sentences][1:] == [
        ("boilerplate", "Julia CravenFlagShareL"), ("body", "Chris Christie Says He"),
        ("boilerplate", "FlagShareLikeReplyAni "), ("subhead", "The National Review Cr"),
        ("boilerplate", "FlagShareLikeReplySara"), ("subhead", "CNN Disputes Character"),
        ("boilerplate", "Published 7:01 PM East"), ("body", "The debate began at 8:"),
    ]
    assert doc.sentences[2].text.endswith("Zika Virus") and doc.sentences[1].text.endswith("10:35PM")


def test_every_boilerplate_pattern_matches_its_own_example() -> None:
    import re

    from framing.lexicons import load_table

    for row in load_table("boilerplate.v1.tsv"):
        pattern = re.compile(row["pattern"], re.IGNORECASE)
        match = {"start": pattern.match, "line": pattern.fullmatch, "links": pattern.fullmatch,
                 "anywhere": pattern.search}[row["scope"]]
        assert match(row["example"]), row


def test_boilerplate_patterns_are_written_in_lower_case() -> None:
    """ASCII blocks are matched lower-cased against a case-sensitive copy of each pattern, so a pattern
    letter in upper case (outside an escape such as \\S), a letter written as an escape (\\x41) or one outside
    ASCII that ignoring case folds to ASCII (the Kelvin sign) would match differently there."""
    import re
    import string

    from framing.lexicons import load_table
    from framing.text import _Caseless

    for row in load_table("boilerplate.v1.tsv"):
        pattern = row["pattern"]
        assert not re.search(r"\\(?:x|u|U|N|0|[1-7][0-7])", pattern), row
        assert not [c for c in pattern if not c.isascii()
                    for letter in string.ascii_letters if re.fullmatch(re.escape(c), letter, re.IGNORECASE)], row
        assert not re.search("[A-Z]", re.sub(r"\\[A-Za-z]", "", pattern)), row
        both = _Caseless(pattern)
        caseless = re.compile(pattern, re.IGNORECASE)
        example = row["example"]
        for variant in (example, example.upper(), example.lower(), example.swapcase(), example.title()):
            assert both.found_in(variant) == (caseless.search(variant) is not None), (row, variant)
            assert both.is_whole(variant) == (caseless.fullmatch(variant) is not None), (row, variant)


def test_boilerplate_is_found_whatever_the_case_and_beside_letters_outside_ascii() -> None:
    """The lower-cased (ASCII) and case-insensitive (other text) paths give the same kinds."""
    for page_line in ("Read our PRIVACY POLICY and Terms of Service.", "RELATED ARTICLES", "LISTEN LIVE",
                      "Read our Privacy Policy \u00b7 Terms of Service \u00b7 \u00a9 2018",
                      "SUBSCRIBE TO OUR NEWSLETTER", "Subscribe to our newsletter \u2192"):
        doc = build_doc(f"Officials met on Monday.\n\n{page_line}")
        assert [s.kind for s in doc.sentences] == ["body", "boilerplate"], page_line
    # "\u017f" (long s) is an "s" to a case-insensitive pattern, not to str.lower
    doc = build_doc("Officials met on Monday.\n\nOur new\u017fletter came today.")
    assert [s.kind for s in doc.sentences] == ["body", "boilerplate"]


def test_an_embedded_tweet_is_the_posters_not_the_articles_prose() -> None:
    """PTC article 776368676 embeds Trump's tweet: its last line and its signature are boilerplate,
    the reporter's lines on either side stay prose, and the tweet's "Bob Mueller" is no actor."""
    import framing

    text = (
        "In his Twitter post, Trump also blasted the 17 angry Democrats that are doing a conflicted Mueller's "
        "dirty work.\n"
        "Bob Mueller is totally conflicted, and his 17 Angry Democrats that are doing his dirty work are a "
        "disgrace to USA!\n"
        "\u2014 Donald J. Trump (@realDonaldTrump) August 1, 2018\n"
        "And Trump is far from the only American who sees the investigation as a witch hunt.\n"
    )
    assert [s.kind for s in build_doc(text).sentences] == ["body", "boilerplate", "boilerplate", "body"]
    assert "Bob Mueller" not in [a.name for a in framing.analyze(text).actors]
    # a signature written into the tweet's own line makes that block boilerplate whole (two sentences here),
    # and the reporter's line above it stays prose: the block does not open with the signature
    glued = "He should never, ever been allowed to.....\u2014 Donald J. Trump (@realDonaldTrump) August 1, 2018"
    assert [s.kind for s in build_doc(f"Trump wrote on Twitter.\n{glued}").sentences] == [
        "body", "boilerplate", "boilerplate"]


def test_a_byline_may_name_its_agency_after_a_bar() -> None:
    """Reuters' web byline: "Perry" had become an actor of the article."""
    import framing

    text = ("By Tom Perry and Jack Stubbs | Reuters\n\n"
            "BEIRUT (Reuters) - Syrian government forces advanced on Tuesday, a war monitor said.")
    assert [s.kind for s in build_doc(text).sentences] == ["byline", "body"]
    assert [a.name for a in framing.analyze(text).actors] == []


def test_bylines_with_an_outlet_and_credit_lines_are_not_prose() -> None:
    """Furniture from the second audit of real pages: Breitbart's "Follow ... on Twitter" (PolNeAR
    breitbart_2016-01-31), a contributors' line and a USA Today time line had given actors and facts."""
    lines = {
        "By John Smith, CNN": "byline",
        "By Jane Doe and Isaac Stanley-Becker, Washington Post": "byline",
        "Follow Pam Key on Twitter @pamkeyNEN": "boilerplate",
        "CNN's Jake Tapper and Dana Bash contributed to this report.": "boilerplate",
        "Fredreka Schouten, USA TODAY Published 7:01 p.m. ET Dec. 15, 2015": "boilerplate",
        "Posted by Randy DeSoto | 1,812 Comments": "boilerplate",
        "Our Standards: The Thomson Reuters Trust Principles.": "boilerplate",
        # prose that starts like a byline or a credit stays prose (the second read's cases): after the comma
        # comes no outlet; a time is part of a sentence; "posted by" and "follow" open longer prose
        "By Monday, Syria had withdrawn most of its troops.": "body",
        "By Any Measure, Obama Failed": "subhead",
        "The statement, published at 10:15 a.m. on Tuesday, said the talks had failed.": "body",
        "Posted by an anonymous account on a jihadist forum, the video shows the attack.": "body",
        "Follow-up reports on Facebook suggested the group had moved north, the defence ministry said.": "body",
    }
    doc = build_doc("The senator said the bill would pass on Tuesday.\n\n" + "\n\n".join(lines))
    assert {s.text: s.kind for s in doc.sentences[1:]} == lines


def test_the_titles_under_a_label_of_links_and_a_nav_bar_are_not_prose() -> None:
    """The second audit's page furniture: the headlines listed under "Related Articles" had become actors
    ("Clinton", "Rubio"); the list ends at the first line of prose, which stays the article's."""
    text = ("Putin orders withdrawal from Syria\n\n"
            "MOSCOW - Russian President Vladimir Putin on Monday ordered the withdrawal, the Kremlin said.\n\n"
            "Related Articles\n\nClinton slams Trump over Russia ties\nRubio and Cruz trade barbs in Iowa\n\n"
            "The troops will leave by Friday, officials said.\n\n"
            "Home | World | US Politics | Business | Lifestyle")
    kinds = [(s.kind, s.text) for s in build_doc(text).sentences]
    assert kinds[2:] == [
        ("boilerplate", "Related Articles"), ("boilerplate", "Clinton slams Trump over Russia ties"),
        ("boilerplate", "Rubio and Cruz trade barbs in Iowa"),
        ("body", "The troops will leave by Friday, officials said."),
        ("boilerplate", "Home | World | US Politics | Business | Lifestyle")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=2, max_size=40, unique=True),
       st.lists(st.integers(0, 60), max_size=12, unique=True), st.booleans())
def test_quoted_flags_of_a_sentences_tokens_are_membership_tests(
    token_edges: list[int], quote_edges: list[int], touching: bool
) -> None:
    """``_Coverage.flags`` marks a sentence's tokens per quote; it must agree with ``contains`` token by token,
    for tokens apart or touching ("Putin" "'s")."""
    edges = sorted(token_edges)
    starts, ends = (edges[:-1], edges[1:]) if touching else (edges[0:-1:2], edges[1::2])
    starts = starts[: len(ends)]
    quotes = sorted(quote_edges)
    coverage = _Coverage(tuple(quotes[0:-1:2])[: len(quotes) // 2], tuple(quotes[1::2]))
    assert coverage.flags(starts, ends, starts[0], ends[-1]) == [coverage.contains(s, e) for s, e in zip(starts, ends)]
