"""The comparison's terms: content words and adjacent pairs of them, read from the body."""

import sys

from framing.facts import term_counts
from framing.text import build_doc
from framing.types import IS_WORD, LOWER
from tests.conftest import SEEDS


def test_terms_are_content_words_and_pairs_that_no_other_token_breaks() -> None:
    """Seed 000's lead, with a number added: stop words ("on", "the", "part", "done"), the possessive, the
    comma and the digit leave no term, and each of them breaks a pair ("Syria, saying" and "saying 2 jets"
    give none)."""
    doc = build_doc(
        "Russian President Vladimir Putin on Monday ordered the withdrawal of the main part of Russia's military "
        "contingent in Syria, saying 2 jets had done their job."
    )
    assert term_counts(doc) == {
        "contingent": 1, "jets": 1, "job": 1, "main": 1, "military": 1, "military contingent": 1, "monday": 1,
        "monday ordered": 1, "ordered": 1, "president": 1, "president vladimir": 1, "putin": 1, "russia": 1,
        "russian": 1, "russian president": 1, "saying": 1, "syria": 1, "vladimir": 1, "vladimir putin": 1,
        "withdrawal": 1,
    }


def test_a_lower_cased_token_that_starts_with_a_letter_is_a_word() -> None:
    """Terms read the lower-cased tokens alone, without the tokens' is-a-word flag (a first character that is
    a letter or a digit): no character lower-cases to a letter without being a letter or a digit, and no token
    of the seeds starts with a letter once lower-cased without being flagged a word."""
    assert not [hex(code) for code in range(sys.maxunicode + 1)
                if chr(code).lower()[:1].isalpha() and not chr(code).isalnum()]
    for path in sorted(SEEDS.glob("*.txt")):
        tokens = build_doc(path.read_text(encoding="utf-8")).tokens
        assert all(t[IS_WORD] for t in tokens if t[LOWER][0].isalpha()), path.name
        assert any(not t[IS_WORD] for t in tokens), path.name  # punctuation is there, and is no word
