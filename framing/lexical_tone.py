"""Lexical target tone: how a sentence sounds about one mention in it, from the words around the mention.

The fast reading of target-dependent tone. VADER on the whole sentence
cannot tell whom a sentence is hard on; the fine-tuned encoder
(:mod:`framing.target_tone`) can, at about 20 ms a mention. This is a
multinomial logistic regression over the words of the sentence, where they
stand from the mention and what VADER's lexicon says of them, at a small
fraction of a millisecond a mention. It reads one sentence (the context) and
the mention's offsets in it, and writes features (:func:`mention_features`,
the one function training and scoring share):

* ``w:WORD`` each word of the context outside the mention (a count);
* ``L1:WORD`` .. ``L4:WORD`` and ``R1:WORD`` .. ``R4:WORD`` the same word by
  side (left or right of the mention) and distance in tokens (1-2, 3-5, 6-10,
  11 and more);
* ``v:L1`` .. ``v:R4`` the VADER lexicon valence of those words summed per
  side and distance, a valence negated when one of the three tokens before
  the word is a negator; ``v:decay`` the same valences each divided by the
  square root of the word's distance, summed;
* ``b:WORD WORD`` each pair of adjacent tokens of the context (a count);
* ``sentence:compound`` VADER's compound score of the whole context,
  ``mention:first`` no word before the mention, ``mention:possessive`` "'s"
  right after it.

Weights live in a JSON card (``models/target-tone-lexical.json``), written by
``benchmarks/fit_lexical_tone.py`` from NewsMTSC's tuning part; the card names
the token pattern, distance buckets and negators it was trained with, and a
card that differs from this code is refused. ``score`` is P(positive) -
P(negative) and ``label`` the most probable class, as in
:func:`framing.target_tone.target_tone`.

References
----------
Hamborg & Donnay (2021), NewsMTSC: A Dataset for (Multi-)Target-dependent
Sentiment Classification in Political News Articles. EACL 2021.
Hutto & Gilbert (2014), VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM. vaderSentiment 3.3.2, MIT licence.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .cards import shipped_card_path as shipped_model_card
from .errors import ModelError
from .features.tone import sentence_compound, vader_lexicon
from .target_tone import (
    CLASSES,
    WINDOW,
    TargetTone,
    checked_mention,
    mentions_in_sentences,
    tone_of,
    within_window,
)
from .types import Doc

FORMAT = "framing-lexical-tone"
FORMAT_VERSION = 1
SHIPPED = "target-tone-lexical"
TOKEN_PATTERN = r"[A-Za-z][A-Za-z'’-]*|\d+|[^\sA-Za-z\d]"
BUCKETS = (2, 5, 10)  # a token's distance bucket is 1 up to 2 tokens away, 2 up to 5, 3 up to 10, else 4
NEGATORS = ("cannot", "neither", "never", "no", "nor", "not", "without")
NEGATOR_SUFFIXES = ("n't", "n’t")  # "didn't" is one token under TOKEN_PATTERN
NEGATION_WINDOW = 3  # tokens before a lexicon word that may negate it

_TOKEN = re.compile(TOKEN_PATTERN)
_NEGATORS = frozenset(NEGATORS)
_LEFT = tuple(f"L{b}:" for b in range(1, len(BUCKETS) + 2))
_RIGHT = tuple(f"R{b}:" for b in range(1, len(BUCKETS) + 2))
_BUCKET = (0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2)  # index by distance (1-10); farther is the last bucket

Part = tuple[str, float, tuple[int, ...]]
"""One feature reading: its name, its value, and the tokens of the context it comes from (none for
the sentence's own features)."""


@dataclass(frozen=True, eq=False)
class LexicalToneModel:
    """Weights of a three-class logistic regression over :func:`mention_features`, and a name for the record.

    ``weights`` maps a feature to its weight toward each of :data:`CLASSES`
    (negative, neutral, positive); a feature the model never saw weighs
    nothing. ``intercepts`` follow :data:`CLASSES` too.
    """

    weights: Mapping[str, tuple[float, float, float]]
    intercepts: tuple[float, float, float]
    name: str = "custom lexical tone model"

    def probabilities(self, parts: Sequence[Part]) -> tuple[float, float, float]:
        """P(negative), P(neutral), P(positive) for one mention's features."""
        negative, neutral, positive = self.intercepts
        weights = self.weights
        for name, value, _ in parts:
            row = weights.get(name)
            if row is not None:
                negative += row[0] * value
                neutral += row[1] * value
                positive += row[2] * value
        top = max(negative, neutral, positive)  # softmax, shifted so exp cannot overflow
        exps = (math.exp(negative - top), math.exp(neutral - top), math.exp(positive - top))
        total = sum(exps)
        return exps[0] / total, exps[1] / total, exps[2] / total

    def read(self, text: str, mentions: Sequence[tuple[int, int, int, int]]) -> list[TargetTone]:
        """The tone toward each ``(start, end, context_start, context_end)`` mention of ``text``."""
        return [tone_of(self.probabilities(mention_features(text, *mention)), *mention) for mention in mentions]


@dataclass(frozen=True)
class ToneWord:
    """A word of the context and how far it moved the tone toward the mention.

    ``contribution`` is what its features add to the log-odds of positive
    over negative (positive means warmer toward the mention): the sum over
    ``features`` of value times the weight toward positive less the weight
    toward negative. A pair feature (``b:``) is shared half and half by its
    two words. Offsets are into the text given.
    """

    word: str
    start: int
    end: int
    contribution: float
    features: tuple[tuple[str, float], ...]


# -- features ----------------------------------------------------------------------------


def tokens(context: str) -> list[tuple[int, int, str]]:
    """Each token of ``context`` under :data:`TOKEN_PATTERN`: start, end and the lower-cased token."""
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(context)]


@cache
def _lexicon() -> Mapping[str, float]:
    """VADER's word valences, read through the one adapter that owns VADER."""
    return vader_lexicon()


@cache
def lexicon_checksum() -> str:
    """SHA-256 of VADER's lexicon as this code reads it (sorted ``word<TAB>valence`` lines); a card pins it."""
    lines = "".join(f"{word}\t{valence!r}\n" for word, valence in sorted(_lexicon().items()))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def _negator(token: str) -> bool:
    return token in _NEGATORS or token.endswith(NEGATOR_SUFFIXES)


def mention_features(text: str, start: int, end: int, context_start: int, context_end: int) -> list[Part]:
    """The features of the mention ``text[start:end]`` read in ``text[context_start:context_end]``.

    The context is first cut to :data:`~framing.target_tone.WINDOW` characters
    each side of the mention (:func:`~framing.target_tone.within_window`), as
    the encoders cut it, so a mention costs the same in a sentence of any
    length. Token indices in each :data:`Part` count that context's :func:`tokens`.
    Training sums the parts per feature name (:func:`feature_values`);
    scoring weighs each part as it comes, so both read the same features.
    """
    context_start, context_end = within_window(text, start, end, context_start, context_end)
    context = text[context_start:context_end]
    first, last = start - context_start, end - context_start
    toks, sentence_parts = _context_reading(context)
    lexicon = _lexicon()
    parts: list[Part] = [sentence_parts[0]]
    left = [i for i, (_, tok_end, _) in enumerate(toks) if tok_end <= first]
    right = [i for i, (tok_start, _, _) in enumerate(toks) if tok_start >= last]
    if not any(toks[i][2][0].isalnum() for i in left):
        parts.append(("mention:first", 1.0, ()))
    if context[last:last + 2] in ("'s", "’s"):
        parts.append(("mention:possessive", 1.0, ()))
    for side, indices in ((_LEFT, reversed(left)), (_RIGHT, right)):
        for distance, i in enumerate(indices, 1):
            word = toks[i][2]
            bucket = side[_BUCKET[distance] if distance <= 10 else 3]
            parts.append(("w:" + word, 1.0, (i,)))
            parts.append((bucket + word, 1.0, (i,)))
            valence = lexicon.get(word)
            if valence is not None:
                if any(_negator(toks[j][2]) for j in range(max(0, i - NEGATION_WINDOW), i)):
                    valence = -valence
                parts.append(("v:" + bucket[:-1], valence, (i,)))
                parts.append(("v:decay", valence / math.sqrt(distance), (i,)))
    parts.extend(sentence_parts[1:])
    return parts


@lru_cache(maxsize=4096)
def _context_reading(context: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[Part, ...]]:
    """The context's tokens and the features that do not depend on the mention (its VADER compound first,
    then its word pairs), read once per distinct context: an article names many actors per sentence."""
    toks = tuple(tokens(context))
    pairs = tuple((f"b:{a[2]} {b[2]}", 1.0, (i, i + 1)) for i, (a, b) in enumerate(zip(toks, toks[1:])))
    return toks, (("sentence:compound", sentence_compound(context), ()), *pairs)


def feature_values(parts: Sequence[Part]) -> dict[str, float]:
    """Each feature's value: its parts summed (what a linear model reads, and what training fits)."""
    values: dict[str, float] = {}
    for name, value, _ in parts:
        values[name] = values.get(name, 0.0) + value
    return values


# -- scoring -----------------------------------------------------------------------------


def lexical_tone(text: str, start: int, end: int, *, context: tuple[int, int] | None = None,
                 model: LexicalToneModel | None = None) -> TargetTone:
    """The tone ``text`` takes toward the mention ``text[start:end]``, read from the words around it.

    Arguments, result and errors as :func:`framing.target_tone` (``model``
    from :func:`load_lexical_tone`), with one difference: a
    :class:`ModelError` means the shipped card is missing or does not fit
    this code.
    """
    return (model or shipped_lexical_tone()).read(text, [checked_mention(text, start, end, context)])[0]


def lexical_tones(text: str | Doc, mentions: Sequence[tuple[int, int]], *,
                  model: LexicalToneModel | None = None) -> list[TargetTone]:
    """The tone toward each ``(start, end)`` mention of one text, each read in its sentence, in the order given.

    The text is split once (pass the :class:`~framing.types.Doc` already
    built to split it not at all). Raises as :func:`lexical_tone`.
    """
    whole, read = mentions_in_sentences(text, mentions)
    return (model or shipped_lexical_tone()).read(whole, read)


def tone_words(text: str, start: int, end: int, *, context: tuple[int, int] | None = None,
               model: LexicalToneModel | None = None, top: int = 3) -> list[ToneWord]:
    """The ``top`` words of the context that moved the tone toward the mention most, either way.

    The evidence beside :func:`lexical_tone`: each word's contribution to
    the log-odds of positive over negative (see :class:`ToneWord`), largest
    in size first (then the earliest). The mention's own words and words
    that weigh nothing are left out. Raises as :func:`lexical_tone`.
    """
    mention = checked_mention(text, start, end, context)
    return explained(text, mention, model or shipped_lexical_tone(), top)[1]


def explained(text: str, mention: tuple[int, int, int, int], model: LexicalToneModel,
              top: int = 3) -> tuple[TargetTone, list[ToneWord]]:
    """The tone toward a checked ``(start, end, context_start, context_end)`` mention and the ``top`` words
    behind it, from one reading of its features (what :func:`lexical_tone` and :func:`tone_words` give)."""
    start, end = mention[:2]
    context_start, context_end = within_window(text, *mention)  # the tokens mention_features counts
    parts = mention_features(text, start, end, context_start, context_end)
    toks = _context_reading(text[context_start:context_end])[0]
    pull: dict[int, float] = {}  # each token's share of the log-odds of positive over negative
    for name, value, owners in parts:
        row = model.weights.get(name)
        if row is not None and owners:
            share = value * (row[2] - row[0]) / len(owners)
            for i in owners:
                pull[i] = pull.get(i, 0.0) + share
    outside = [i for i, contribution in pull.items() if contribution
               and not (toks[i][1] + context_start > start and toks[i][0] + context_start < end)]  # not the mention
    chosen = sorted(outside, key=lambda i: (-abs(pull[i]), i))[:max(0, top)]
    features: dict[int, list[tuple[str, float]]] = {i: [] for i in chosen}
    for name, value, owners in parts:
        for i in owners:
            if i in features:
                features[i].append((name, value / len(owners)))
    words = [ToneWord(text[toks[i][0] + context_start : toks[i][1] + context_start], toks[i][0] + context_start,
                      toks[i][1] + context_start, pull[i], tuple(features[i])) for i in chosen]
    return tone_of(model.probabilities(parts), *mention), words


# -- the card ----------------------------------------------------------------------------


def feature_settings() -> dict[str, Any]:
    """How this code writes features, as a card records them; a card that says otherwise is refused."""
    return {
        "token_pattern": TOKEN_PATTERN,
        "buckets": [[1, 2], [3, 5], [6, 10], [11, None]],
        "negators": list(NEGATORS),
        "negator_suffixes": list(NEGATOR_SUFFIXES),
        "negation_window": NEGATION_WINDOW,
        "context_window": WINDOW,
        "vader_lexicon_sha256": lexicon_checksum(),
    }


def card_text(card: Mapping[str, Any]) -> str:
    """The card as JSON, keys sorted, one weight row a line (23,000 rows stay readable in a diff)."""
    rest = {key: value for key, value in card.items() if key != "weights"}
    head = json.dumps(rest, indent=2, sort_keys=True, ensure_ascii=False)
    rows = ",\n".join(f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(list(row))}"
                      for name, row in sorted(card.get("weights", {}).items()))
    return f'{head[:-2]},\n  "weights": {{\n{rows}\n  }}\n}}\n'


def load_lexical_tone(path: str | Path) -> tuple[LexicalToneModel, dict[str, Any]]:
    """The lexical tone model saved at ``path`` (its JSON card), and the card.

    Raises :class:`ModelError` for a card that cannot be read, is not a
    lexical tone card of a version this code reads, has other classes or
    feature settings than this code, or a weight row that is not three numbers.
    """
    card_path = Path(path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the lexical tone card ({error})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT or card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{card_path}: not a framing lexical tone model (format {FORMAT!r} version {FORMAT_VERSION})")
    if card.get("classes") != list(CLASSES):
        raise ModelError(f"{card_path}: the model's classes are {card.get('classes')!r}, not {list(CLASSES)}")
    expected = feature_settings()
    written = card.get("features")
    if not isinstance(written, dict) or any(written.get(key) != value for key, value in expected.items()):
        raise ModelError(f"{card_path}: the model was trained on features written as {written!r}; this framing "
                         f"(and its vaderSentiment) writes them as {expected}")
    weights = card.get("weights")
    if not isinstance(weights, dict):
        raise ModelError(f"{card_path}: the lexical tone card has no 'weights' section")
    rows = {name: _row(card_path, name, row) for name, row in weights.items()}
    intercepts = _row(card_path, "intercepts", card.get("intercepts"))
    return LexicalToneModel(MappingProxyType(rows), intercepts, f"{card_path.stem} ({len(rows)} features)"), card


def _row(card_path: Path, name: str, row: object) -> tuple[float, float, float]:
    """Three finite numbers, one per class, or a ModelError naming the row."""
    if not isinstance(row, list) or len(row) != len(CLASSES) or not all(
            isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in row):
        raise ModelError(f"{card_path}: the weights of {name!r} must be {len(CLASSES)} finite numbers "
                         f"(one per class of {list(CLASSES)}), not {row!r}")
    return float(row[0]), float(row[1]), float(row[2])


def shipped_card_path() -> Path:
    """The card of the shipped lexical tone model."""
    return shipped_model_card(SHIPPED)


@cache
def shipped_lexical_tone() -> LexicalToneModel:
    """The shipped lexical tone model, loaded once per process.

    Raises :class:`ModelError` when its card is missing or does not fit this code.
    """
    return load_lexical_tone(shipped_card_path())[0]
