"""Tone toward one mention of an actor: the scorers actor framing takes, and what each says of its reading.

A scorer is ``(text, start, end, (sentence_start, sentence_end)) -> float``
in [-1, 1], higher for warmer toward ``text[start:end]``. Three ship:

- :func:`word_tone`, the default: the lexical target-tone model
  (:mod:`framing.lexical_tone`) on the mention in its sentence, a fraction of
  a millisecond a mention, macro F1 0.65 on held-out NewsMTSC;
- :func:`model_tone`: the fine-tuned target-tone model
  (:mod:`framing.target_tone`), 0.77, about 20 ms a mention, so opt-in;
- :func:`vader_tone`: VADER's compound of the whole sentence, 0.52, blind to
  whom the sentence is hard on; kept as the floor the others are measured against.

Each mention's sentence is read once per scorer however many actors ask
(a group's actor asks again for its members' mentions).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from .features.tone import sentence_compound
from .lexical_tone import explained, shipped_lexical_tone
from .target_tone import target_tone

ToneScorer = Callable[[str, int, int, tuple[int, int]], float]
"""Tone toward the mention ``text[start:end]`` in its sentence ``(start, end)``, in [-1, 1]."""

WORDS_SHOWN = 3  # the words that moved a word_tone reading most, in its evidence


def vader_tone(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
    """VADER's compound score of the mention's whole sentence (blind to the target): the floor."""
    return _sentence_tone(text[sentence[0] : sentence[1]])


@lru_cache(maxsize=4096)
def _sentence_tone(sentence: str) -> float:
    return sentence_compound(sentence)


def word_tone(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
    """The default: :func:`framing.lexical_tone` of the mention in its sentence (the words around it, where
    they stand and what VADER's lexicon says of them, weighed by a model trained on NewsMTSC)."""
    return _word_reading(text[sentence[0] : sentence[1]], start - sentence[0], end - sentence[0])[0]


@lru_cache(maxsize=4096)
def _word_reading(sentence: str, start: int, end: int) -> tuple[float, str]:
    """The lexical model's score toward one mention in its sentence, and the words that moved it most."""
    tone, words = explained(sentence, (start, end, 0, len(sentence)), shipped_lexical_tone(), 4 * WORDS_SHOWN)
    shown = [w for w in words if any(c.isalnum() for c in w.word)][:WORDS_SHOWN]  # words, not punctuation
    return float(tone.score), "; ".join(f"{w.word} {w.contribution:+.2f}" for w in shown)


def model_tone(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
    """Target-dependent tone from :func:`framing.target_tone` (two fine-tuned MiniLMs joined; about 20 ms a
    mention of a news sentence, a second an article)."""
    return _mention_tone(text[sentence[0] : sentence[1]], start - sentence[0], end - sentence[0])


@lru_cache(maxsize=4096)
def _mention_tone(sentence: str, start: int, end: int) -> float:
    """The model's tone toward one mention in its sentence, kept: the model is not run twice for it."""
    return float(target_tone(sentence, start, end, context=(0, len(sentence))).score)


TONE_METHODS: Mapping[ToneScorer, str] = {
    word_tone: "lexical_target", model_tone: "target_tone", vader_tone: "vader_sentence"}


def tone_method(tone: ToneScorer) -> str:
    """The name a tone evidence item gives its scorer: the shipped ones' names, else the function's."""
    return TONE_METHODS.get(tone, getattr(tone, "__name__", "custom"))


def tone_reasons(tone: ToneScorer, text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """For :func:`word_tone`, the words that moved its reading most, each with its pull ("skeptical -1.52;
    statement -0.31", log-odds of positive over negative; words, not punctuation); an empty string for a
    scorer that cannot say."""
    if tone is not word_tone:
        return ""
    return _word_reading(text[sentence[0] : sentence[1]], start - sentence[0], end - sentence[0])[1]
