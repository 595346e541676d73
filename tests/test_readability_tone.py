"""Readability and tone adapters: real values offline, pinned against upstream drift."""

import math

import pytest

import framing
from framing.features import feature_names
from framing.scoring import index_names
from framing.features.tone import sentence_compound
from tests.conftest import seed_text

BASES = "Both bases are protected by sophisticated air defense missile systems."


def test_readability_works_with_the_network_blocked(no_network):
    features = framing.analyze(BASES).features
    # 10 words, 20 syllables (Both 1, bases 2, are 1, protected 3, by 1,
    # sophisticated 5, air 1, defense 2, missile 2, systems 2), 1 sentence:
    # 206.835 - 1.015 * 10 - 84.6 * 20 / 10
    assert features["readability.flesch_reading_ease"] == pytest.approx(27.485)
    # two words of three or more syllables: 0.4 * (10 + 100 * 2 / 10)
    assert features["readability.gunning_fog"] == pytest.approx(12.0)
    assert features["readability.words"] == 10
    assert features["readability.sentences"] == 1


def test_seed_readability_counts_only_body_prose(no_network):
    features = framing.analyze(seed_text("004")).features
    body = framing.build_doc(seed_text("004")).body
    assert features["readability.sentences"] == len(body) == 11
    assert all(math.isfinite(v) and v != 0 for k, v in features.items() if k.startswith("readability."))


@pytest.mark.parametrize(
    ("sentence", "compound"),
    [
        # pinned VADER 3.3.2 values: a change means upstream drift
        ("The Motherland awaits you.", 0.0772),
        ("Washington was skeptical about Putin s statement.", -0.3182),
        ("I congratulate you!", 0.5411),
    ],
)
def test_vader_values_are_pinned(sentence, compound):
    assert sentence_compound(sentence) == pytest.approx(compound, abs=1e-4)


def test_tone_is_per_sentence_with_extreme_sentences_as_evidence():
    analysis = framing.analyze(seed_text("000"))
    tone = analysis.evidence_for("tone")
    most_negative = [e for e in tone if e.label == "most_negative"]
    assert most_negative[0].text.startswith("In just over two years")
    assert any(e.text.startswith("The use of private military contractors") for e in most_negative)
    assert min(e.attrs["compound"] for e in most_negative) == pytest.approx(-0.8847)
    assert -1 < analysis.features["tone.mean_compound"] < 1


@pytest.mark.parametrize("text", ["", "   ", "Syria", "\x00\x01"])
def test_degenerate_text_gives_finite_zeros(text):
    features = framing.analyze(text).features
    assert set(features) == set(feature_names()) | set(index_names())
    assert all(math.isfinite(v) for v in features.values())
    assert features["readability.words"] <= 1


def test_analyze_refuses_bytes_with_a_clear_message():
    with pytest.raises(TypeError, match="str or an Article"):
        framing.analyze(b"bytes")


def test_sentences_are_scored_as_vader_scores_them():
    """The shortcuts (no lexicon word; no emoji) give VADER's own value on every seed sentence and odd ones.

    Checked once on all 45,733 sentences of the throughput benchmark's 1,216 articles: all equal."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

    from framing.text import build_doc

    vader = SentimentIntensityAnalyzer()
    sentences = [s.text for n in ("000", "001", "002", "003") for s in build_doc(seed_text(n)).body]
    without_a_lexicon_word = [s for s in sentences if not any(
        w.lower() in vader.lexicon for w in SentiText(s).words_and_emoticons)]
    assert 0 < len(without_a_lexicon_word) < len(sentences)
    for sentence in sentences:
        assert sentence_compound(sentence) == vader.polarity_scores(sentence)["compound"], sentence
    # VADER's rules that its steps without the emoji pass must keep: a lexicon word behind punctuation,
    # boosters, "kind of", "no", "but", capitals, "!" and "?", curly quotes, a word in another script,
    # surrounding spaces; and an emoji, which is a word to VADER
    odd = ('He was "furious."', "It was kind of good, but the result was extremely bad!!!", "No, this is NOT good?",
           "\u201cThe motherland is proud of you,\u201d Putin said.", "  Great  ",
           "\u041f\u0443\u0442\u0438\u043d was happy",
           "Not bad at all, he said :)", "The plan was never so good.", "", "The minister arrived \N{GRINNING FACE}")
    for sentence in odd:
        assert sentence_compound(sentence) == vader.polarity_scores(sentence)["compound"], sentence
    assert sentence_compound("The minister arrived \N{GRINNING FACE}") > 0


def test_vader_rules_on_word_soups_of_its_own_vocabulary():
    """Framing's reading of VADER's negation, "no", idiom, booster, "least" and capitals rules, word for word its own.

    Sentences drawn from the words those rules look for, so that every branch is met many times over; checked once
    on 200,000 such sentences, all equal."""
    import random

    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    rule_words = [*" ".join(SPECIAL_CASES).split(), *sorted(BOOSTER_DICT)[:40], *NEGATE[:20],
                  "no", "or", "nor", "never", "so", "this", "without", "doubt", "least", "at", "very", "but",
                  "kind", "of", "good", "BAD", "happy", "GREAT", "Terrible", "EXTREMELY", "Not", "hell", "!", "?"]
    rng = random.Random(7)
    for _ in range(3000):
        sentence = " ".join(rng.choice(rule_words) for _ in range(rng.randint(1, 12)))
        assert sentence_compound(sentence) == vader.polarity_scores(sentence)["compound"], sentence
