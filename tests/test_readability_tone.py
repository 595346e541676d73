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


def test_sentences_without_a_vader_word_are_scored_as_vader_scores_them():
    """The shortcut for sentences with no lexicon word gives VADER's own value on every seed sentence."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.features.tone import _has_lexicon_word
    from framing.text import build_doc

    vader = SentimentIntensityAnalyzer()
    sentences = [s.text for n in ("000", "001", "002", "003") for s in build_doc(seed_text(n)).body]
    shortcut = [s for s in sentences if not _has_lexicon_word(s, vader.lexicon)]
    assert 0 < len(shortcut) < len(sentences)
    for sentence in sentences:
        assert sentence_compound(sentence) == vader.polarity_scores(sentence)["compound"], sentence
    # a lexicon word behind punctuation is still found; an emoji is a word to VADER
    assert _has_lexicon_word('He was "furious."', vader.lexicon)
    assert sentence_compound("The minister arrived \N{GRINNING FACE}") > 0
