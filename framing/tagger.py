"""Fine-tuned token taggers: attribution cues and sources, and loaded words.

Both are all-MiniLM-L6-v2 fine-tuned to label each WordPiece token, exported
to int8 ONNX and run by ONNX Runtime; both are opt-in
(``framing score --tagger``, ``analyze(text, tagger=True)``) because each
costs about 3 ms a sentence where the rules cost about 1.5 ms an article.

* The cue tagger (:class:`CueTagger`) labels tokens ``none``, ``cue`` or
  ``source``. The attribution rules are precise but reach only the cues they
  list; most of the cues they miss are wordings that occur once (*took the
  unusual step of criticizing*). Trained on PolNeAR's tuning part
  (``benchmarks/fit_attribution_tagger.py``).
* The loaded-word tagger (:class:`LoadedTagger`) labels tokens ``none`` or
  ``loaded``. The curated lexicon lists the loaded words that recur; the
  tagger reaches the long tail (*indiscriminate*, *manoeuvre*) and reads a listed
  word in its sentence. Trained on the train split of PTC's Loaded_Language
  spans and BABE's biased words (``benchmarks/fit_loaded_tagger.py``).

Each ships as three files in ``models/``: ``<name>.json`` (the card: labels,
threshold, training provenance and measured figures, and the SHA-256 of the
other two), ``<name>.onnx`` (the int8 graph) and ``<name>.tokenizer.json``.
The files are checked against the card before ONNX Runtime reads the graph;
nothing is downloaded.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .encoder import TaggedToken, TokenTagger
from .cards import checked_file, write_card
from .cards import shipped_card_path as shipped_model_card
from .errors import ModelError

FORMAT = "framing-token-tagger"
FORMAT_VERSION = 1
SHIPPED = "attribution-tagger"
LABELS = ("none", "cue", "source")
SHIPPED_LOADED = "loaded-tagger"
LOADED_LABELS = ("none", "loaded")


@dataclass(frozen=True, eq=False)
class CueTagger:
    """A token tagger, the P(label) at which a token takes a label, and a name for the record."""

    model: TokenTagger
    threshold: float
    name: str = "custom cue tagger"

    def __post_init__(self) -> None:
        _check_probability("threshold", self.threshold, zero=False)

    def spans(self, text: str) -> TaggedSpans:
        """Character spans of ``text`` tagged ``cue`` and ``source``, each with its highest P(label).

        A span is a run of tokens at or above the threshold apart only by spaces.
        """
        tokens = self.model.tag(text)
        return TaggedSpans(
            *(_runs(text, tokens, LABELS.index(label), self.threshold) for label in ("cue", "source")),
            tokens[-1].end if tokens else 0,
        )


def _check_probability(name: str, value: object, *, zero: bool) -> None:
    """Raise ValueError unless ``value`` is a number in [0, 1) (or (0, 1) when ``zero`` is False)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (0 <= value < 1) \
            or (value == 0 and not zero):
        raise ValueError(f"a tagger's {name} must be a probability below 1{'' if zero else ' and above 0'}, "
                         f"not {value!r}")


def _runs(text: str, tokens: list[TaggedToken], column: int, threshold: float) -> list[tuple[int, int, float]]:
    """Runs of tokens whose P(label) in ``column`` is at or above ``threshold``, apart only by spaces.

    Combining accents and invisible format characters between two tokens
    (NFD text, soft hyphens) do not break a run: the tokenizer drops them.
    """
    runs: list[tuple[int, int, float]] = []
    for token in tokens:
        p = token.probabilities[column]
        if p < threshold:
            continue
        if runs and all(c.isspace() or _is_mark(c) for c in text[runs[-1][1] : token.start]):
            runs[-1] = (runs[-1][0], token.end, max(runs[-1][2], p))
        else:
            runs.append((token.start, token.end, p))
    return runs


@dataclass(frozen=True, eq=False)
class LoadedTagger:
    """A ``none``/``loaded`` token tagger, the P(loaded) at which a word is loaded, and a name for the record.

    ``lexicon_floor``: a lexicon cue the tagger read is kept only when one of
    its tokens has at least this P(loaded); 0 keeps every lexicon cue.
    """

    model: TokenTagger
    threshold: float
    lexicon_floor: float = 0.0
    name: str = "custom loaded-word tagger"

    def __post_init__(self) -> None:
        _check_probability("threshold", self.threshold, zero=False)
        _check_probability("lexicon_floor", self.lexicon_floor, zero=True)

    def read(self, text: str) -> LoadedReading:
        """The tagger's reading of one sentence: whole-word spans at or above the threshold, and every token."""
        tokens = self.model.tag(text)
        column = LOADED_LABELS.index("loaded")
        spans: list[tuple[int, int, float]] = []
        for start, end, p in _runs(text, tokens, column, self.threshold):
            start, end = _whole_words(text, start, end)
            if spans and start <= spans[-1][1]:  # two runs inside one word: one span
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]), max(p, spans[-1][2]))
            else:
                spans.append((start, end, p))
        return LoadedReading(spans, tuple((t.start, t.end, t.probabilities[column]) for t in tokens))


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words: a run of WordPieces may begin or end inside one (*war-rav|aged*).

    A word goes on through letters, digits, combining accents and hyphens
    between letters (*anti-vax*).
    """
    while start > 0 and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end):
        end += 1
    return start, end


def _in_word(text: str, i: int) -> bool:
    char = text[i]
    if char.isalnum() or _is_mark(char):
        return True
    return char == "-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _is_mark(char: str) -> bool:
    """A combining mark or an invisible format character (soft hyphen, zero-width joiner)."""
    return unicodedata.category(char)[0] == "M" or unicodedata.category(char) == "Cf"


@dataclass(frozen=True)
class LoadedReading:
    """What the loaded-word tagger makes of a sentence: its loaded spans and each token's P(loaded).

    ``covered`` is the end of the last token read: past it (a sentence longer
    than the tagger's ``max_length`` tokens) nothing was judged.
    """

    spans: list[tuple[int, int, float]]
    tokens: tuple[tuple[int, int, float], ...]

    @property
    def covered(self) -> int:
        return self.tokens[-1][1] if self.tokens else 0

    def score(self, start: int, end: int) -> float:
        """The highest P(loaded) of the tokens overlapping ``start``-``end``."""
        return max((p for s, e, p in self.tokens if s < end and start < e), default=0.0)


@dataclass(frozen=True)
class TaggedSpans:
    """What the tagger marks in a text: cue and source spans, and how far it read.

    ``covered`` is the end of the last token tagged: a text longer than the
    tagger's ``max_length`` tokens is cut, and nothing past it was judged.
    """

    cue: list[tuple[int, int, float]]
    source: list[tuple[int, int, float]]
    covered: int


def tagger_files(card: Path) -> dict[str, Path]:
    """Where a tagger saved as ``card`` keeps its graph and tokenizer."""
    return {"graph": card.with_suffix(".onnx"), "tokenizer": card.with_name(f"{card.stem}.tokenizer.json")}


def save_tagger(path: str | Path, tagger: TokenTagger, *, threshold: float, record: Mapping[str, Any]) -> Path:
    """Write ``tagger`` as a card and its two files; ``record`` (training, metrics) goes into the card."""
    card_path = Path(path).with_suffix(".json")
    files = tagger_files(card_path)
    contents = {"graph": tagger.graph, "tokenizer": tagger.tokenizer.encode("utf-8")}
    card = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "labels": list(tagger.labels),
        "threshold": threshold,
        "max_length": tagger.max_length,
        **record,
    }
    write_card(card_path, card, files, contents)
    return card_path


def load_tagger(path: str | Path, labels: Sequence[str] = LABELS) -> tuple[TokenTagger, dict[str, Any]]:
    """The tagger saved at ``path`` (its card) and the card, its files checked by SHA-256.

    ``labels`` are the ones the caller reads: :data:`LABELS` for a cue
    tagger, :data:`LOADED_LABELS` for a loaded-word tagger.
    Raises :class:`ModelError` for a missing, foreign or edited file, or other labels.
    """
    card_path, labels = Path(path), tuple(labels)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the tagger's card ({error})") from None
    except RecursionError:  # '[' * 1000: json's parser recurses once per level
        raise ModelError(
            f"{card_path}: cannot read the tagger's card: its JSON nests arrays or objects too deeply"
        ) from None
    if not isinstance(card, dict) or card.get("format") != FORMAT or card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{card_path}: not a framing token tagger (format {FORMAT!r} version {FORMAT_VERSION})")
    if tuple(card.get("labels", ())) != labels:
        raise ModelError(f"{card_path}: the tagger's labels are {card.get('labels')!r}, not {list(labels)}")
    _check_settings(card_path, card)
    contents = {}
    for key in ("graph", "tokenizer"):
        contents[key] = checked_file(card_path, card, key, what="the tagger's")
    try:
        tokenizer = contents["tokenizer"].decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{card_path}: its tokenizer file is not UTF-8 text") from None
    tagger = TokenTagger(contents["graph"], tokenizer, labels, int(card["max_length"]))
    tagger.tag("A sentence, she said.")  # a foreign graph fails here, not in the middle of a batch
    return tagger, card


def _check_settings(card_path: Path, card: Mapping[str, Any]) -> None:
    """The card's own values (the checksums pin the files, not the card): of the right type and range."""
    length = card.get("max_length")
    for key, zero in (("threshold", False), ("lexicon_floor", True)):
        try:
            _check_probability(key, card.get(key) if key == "threshold" else card.get(key, 0.0), zero=zero)
        except ValueError as error:
            raise ModelError(f"{card_path}: {error}") from None
    if isinstance(length, bool) or not isinstance(length, int) or not 2 <= length <= 512:
        raise ModelError(f"{card_path}: the tagger's max_length must be a whole number from 2 to 512, not {length!r}")
    for key in ("files", "sha256"):
        if not isinstance(card.get(key), dict):
            raise ModelError(f"{card_path}: the tagger's card has no {key!r} section")


def shipped_card_path(name: str = SHIPPED) -> Path:
    """The card of a tagger shipped in the package (the cue tagger by default)."""
    return shipped_model_card(name)


@cache
def shipped_tagger() -> CueTagger:
    """The shipped cue tagger at its card's threshold, loaded once per process.

    Raises :class:`ModelError` when its files are missing or edited.
    """
    tagger, card = load_tagger(shipped_card_path())
    return CueTagger(tagger, float(card["threshold"]), _shipped_name(SHIPPED, card))


@cache
def shipped_loaded_tagger() -> LoadedTagger:
    """The shipped loaded-word tagger at its card's threshold and lexicon floor, loaded once per process.

    Raises :class:`ModelError` when its files are missing or edited.
    """
    tagger, card = load_tagger(shipped_card_path(SHIPPED_LOADED), LOADED_LABELS)
    return LoadedTagger(tagger, float(card["threshold"]), float(card.get("lexicon_floor", 0.0)),
                        _shipped_name(SHIPPED_LOADED, card))


def _shipped_name(name: str, card: Mapping[str, Any]) -> str:
    return f"{name} (graph sha256 {card['sha256']['graph'][:12]})"
