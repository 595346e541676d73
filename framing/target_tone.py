"""Target-dependent tone: how a text sounds about one mention in it (negative, neutral or positive).

Sentence-level sentiment cannot tell whom a sentence is hard on: in
"Washington was skeptical about Putin's statement" the tone is negative toward
Putin, not toward Washington. The model reads the sentence around the mention
with the mention marked, and gives three probabilities for that mention.

It is two copies of all-MiniLM-L6-v2 fine-tuned on NewsMTSC (target-dependent
sentiment in English news, three classes) by ``benchmarks/fit_target_tone.py``,
one reading the mention before the marked sentence (``pair``), one the marked
sentence alone (``markers``), joined by ``benchmarks/join_target_tone.py``: the
probabilities are the mean of theirs. Each is exported to int8 ONNX and run by
ONNX Runtime like the other shipped encoders (:mod:`framing.encoder`). It ships
as ``models/target-tone.json`` (the card: classes, how inputs are built, the
members, training provenance, measured figures, and the SHA-256 of the other
files), ``target-tone.onnx``, ``target-tone.1.onnx`` and
``target-tone.tokenizer.json``; the files are checked against the card before
ONNX Runtime reads a graph, and the model is loaded once, on first use.

``score`` is P(positive) - P(negative), in [-1, 1]; ``label`` is the most
probable class, so a ``positive`` label never has a negative score and a
``negative`` label never a positive one.

References
----------
Hamborg & Donnay (2021), NewsMTSC: A Dataset for (Multi-)Target-dependent
Sentiment Classification in Political News Articles. EACL 2021.
Wang et al. (2020), MiniLM. NeurIPS 2020.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .encoder import SentenceClassifier
from .cards import checked_file, write_card
from .cards import shipped_card_path as shipped_model_card
from .errors import InputError, ModelError
from .text import build_doc
from .types import Doc

FORMAT = "framing-target-tone"
FORMAT_VERSION = 2  # 2 adds "members"; a version-1 card (one graph) still loads
READABLE_VERSIONS = (1, 2)
CLASSES = ("negative", "neutral", "positive")
SHIPPED = "target-tone"
INPUT_FORMATS = ("markers", "pair")
OPEN, CLOSE = "[[", "]]"
SEPARATOR = " [SEP] "  # the tokenizer reads "[SEP]" as its separator token, not as five characters
WINDOW = 300  # characters kept each side of the mention: the marked mention always fits in 128 tokens

InputFormat = Literal["markers", "pair"]


@dataclass(frozen=True)
class TargetTone:
    """The tone toward the mention ``start``-``end``, read from the context ``context_start``-``context_end``
    (of which at most :data:`WINDOW` characters each side of the mention, :func:`within_window`).

    ``score`` is P(positive) - P(negative) in [-1, 1] (higher means warmer
    toward the mention); ``label`` is the most probable class;
    ``probabilities`` follow :data:`CLASSES`. Offsets are into the text given.
    """

    label: str
    score: float
    probabilities: tuple[float, float, float]
    start: int
    end: int
    context_start: int
    context_end: int


@dataclass(frozen=True, eq=False)
class TargetToneModel:
    """A fine-tuned three-class classifier, how it wants its input written, and a name for the record.

    ``members`` are further classifiers, each with its own input, read beside
    this one: the probabilities are the mean over all of them (an ensemble).
    A member has no members of its own.
    """

    classifier: SentenceClassifier
    input_format: InputFormat = "markers"
    name: str = "custom target-tone model"
    members: tuple[TargetToneModel, ...] = ()

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input_format must be one of {INPUT_FORMATS}, not {self.input_format!r}")
        if any(member.members for member in self.members):
            raise ValueError("a member of a target-tone model cannot have members of its own")

    def read(self, text: str, mentions: Sequence[tuple[int, int, int, int]]) -> list[TargetTone]:
        """The tone toward each ``(start, end, context_start, context_end)`` mention of ``text``."""
        if not mentions:
            return []
        tables = [model.classifier.probabilities([model_input(text, *mention, model.input_format)
                                                  for mention in mentions])
                  for model in (self, *self.members)]
        rows = [[sum(column) / len(tables) for column in zip(*per_model)] for per_model in zip(*tables)]
        return [tone_of(row, *mention) for row, mention in zip(rows, mentions)]


def model_input(text: str, start: int, end: int, context_start: int, context_end: int,
                input_format: InputFormat) -> str:
    """What the encoder reads for one mention: its context with the mention between markers.

    ``pair`` also puts the mention first, before a separator, as in
    sentence-pair classification. The context is cut to :data:`WINDOW`
    characters each side of the mention (at a space), so a long sentence
    cannot push the marked mention past the encoder's token limit.
    """
    left, right = within_window(text, start, end, context_start, context_end)
    mention = text[start:end]
    marked = f"{text[left:start]}{OPEN}{mention}{CLOSE}{text[end:right]}".strip()
    return f"{mention.strip()}{SEPARATOR}{marked}" if input_format == "pair" else marked


def within_window(text: str, start: int, end: int, context_start: int, context_end: int) -> tuple[int, int]:
    """The context cut to :data:`WINDOW` characters each side of the mention, at a space: what a reader of the
    mention reads, however long its sentence (both tone readers cut it, so their cost per mention is bounded)."""
    left = context_start if start - WINDOW <= context_start else _cut_left(text, start - WINDOW, start)
    right = context_end if end + WINDOW >= context_end else _cut_right(text, end, end + WINDOW)
    return left, right


def _cut_left(text: str, limit: int, start: int) -> int:
    """``limit`` (inside the context), moved right to the next space when it falls inside a word (never past ``start``)."""
    if text[limit - 1].isspace():
        return limit
    space = text.find(" ", limit, start)
    return start if space < 0 else space + 1


def _cut_right(text: str, end: int, limit: int) -> int:
    """``limit`` (inside the context), moved left to the last space when it falls inside a word (never before ``end``)."""
    if text[limit].isspace():
        return limit
    space = text.rfind(" ", end, limit)
    return end if space < 0 else space


def tone_of(row: Sequence[float], start: int, end: int, context_start: int, context_end: int) -> TargetTone:
    """The reading of three class probabilities (in :data:`CLASSES` order) for a mention and its context."""
    probabilities = tuple(float(p) for p in row)
    best = max(range(len(CLASSES)), key=probabilities.__getitem__)  # the first of equals
    score = min(1.0, max(-1.0, probabilities[2] - probabilities[0]))
    return TargetTone(CLASSES[best], score, probabilities, start, end, context_start, context_end)  # type: ignore[arg-type]


def target_tone(text: str, start: int, end: int, *, context: tuple[int, int] | None = None,
                model: TargetToneModel | None = None) -> TargetTone:
    """The tone ``text`` takes toward the mention ``text[start:end]``: negative, neutral or positive.

    Parameters
    ----------
    text
        A sentence or a whole article.
    start, end
        The mention's character offsets (``end`` exclusive).
    context
        The ``(start, end)`` of the text to read around the mention; by
        default the sentence containing it, as :func:`framing.build_doc`
        splits the text (a mention across a sentence break reads both).
    model
        Another model than the shipped one (see :func:`load_target_tone`).

    Returns
    -------
    TargetTone
        ``label``, ``score`` (P(positive) - P(negative), higher means warmer
        toward the mention), the probabilities, and the context read.

    Raises
    ------
    InputError
        The offsets are not a non-empty span of ``text``, or the context does not contain it.
    ModelError
        The shipped model's files are missing or edited.
    """
    return (model or shipped_target_tone()).read(text, [checked_mention(text, start, end, context)])[0]


def target_tones(text: str | Doc, mentions: Sequence[tuple[int, int]], *,
                 model: TargetToneModel | None = None) -> list[TargetTone]:
    """The tone toward each ``(start, end)`` mention of one text, in the order given.

    Each mention is read in the sentence that contains it; the text is split
    once (pass the :class:`~framing.types.Doc` already built to split it not
    at all). Raises as :func:`target_tone`.
    """
    whole, read = mentions_in_sentences(text, mentions)
    return (model or shipped_target_tone()).read(whole, read) if read else []


def mentions_in_sentences(text: str | Doc, mentions: Sequence[tuple[int, int]]
                          ) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text, and each checked ``(start, end)`` mention with the sentence that holds it as its context; the
    text is split once, or not at all when a :class:`~framing.types.Doc` is given (both tone readers ask)."""
    doc = text if isinstance(text, Doc) else build_doc(text)
    for start, end in mentions:
        check_span(doc.text, start, end)
    return doc.text, [(start, end, *sentence_context(doc, start, end)) for start, end in mentions]


def checked_mention(text: str, start: int, end: int,
                    context: tuple[int, int] | None) -> tuple[int, int, int, int]:
    """The mention and the context to read it in (by default its sentence, the text split once), or an
    :class:`InputError` for a span that is not one of the text or a context that does not hold it."""
    check_span(text, start, end)
    if context is None:
        return (start, end, *sentence_context(build_doc(text), start, end))
    context_start, context_end = context
    if not (0 <= context_start <= start and end <= context_end <= len(text)):
        raise InputError(f"the context {context} must lie in the text (0-{len(text)}) "
                         f"and contain the mention {start}-{end}")
    return start, end, context_start, context_end


def sentence_context(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence holding ``start`` to the end of the one holding ``end - 1``.

    A mention in no sentence (between two of them) is its own context.
    """
    starts = [s.start for s in doc.sentences]
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, end - 1) - 1
    context_start = doc.sentences[first].start if first >= 0 and start < doc.sentences[first].end else start
    context_end = doc.sentences[last].end if last >= 0 and end <= doc.sentences[last].end else end
    return min(context_start, start), max(context_end, end)


def check_span(text: str, start: int, end: int) -> None:
    """Raise :class:`InputError` unless ``start``-``end`` is a non-empty span of ``text`` (both tone readers ask)."""
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int) \
            or not 0 <= start < end <= len(text):
        raise InputError(f"a mention must be a non-empty span start < end inside the text (0-{len(text)}), "
                         f"not {start!r}-{end!r}")


# -- the model's files -----------------------------------------------------------


def model_files(card: Path, members: int = 0) -> dict[str, Path]:
    """Where a target-tone model saved as ``card`` keeps its graph and tokenizer, and each member's graph
    (``graph.1`` in ``NAME.1.onnx``, ...)."""
    files = {"graph": card.with_suffix(".onnx"), "tokenizer": card.with_name(f"{card.stem}.tokenizer.json")}
    return files | {f"graph.{i}": card.with_name(f"{card.stem}.{i}.onnx") for i in range(1, members + 1)}


def save_target_tone(path: str | Path, model: TargetToneModel, record: Mapping[str, Any]) -> Path:
    """Write ``model`` as a card, its graphs and its tokenizer; ``record`` (training, metrics) goes into the card.

    The members share the model's tokenizer and token limit.
    """
    card_path = Path(path).with_suffix(".json")
    for member in model.members:
        if (member.classifier.tokenizer, member.classifier.max_length) != (model.classifier.tokenizer,
                                                                           model.classifier.max_length):
            raise ValueError("the members of a target-tone model must share its tokenizer and max_length")
    files = model_files(card_path, len(model.members))
    contents = {"graph": model.classifier.graph, "tokenizer": model.classifier.tokenizer.encode("utf-8")}
    contents |= {f"graph.{i}": member.classifier.graph for i, member in enumerate(model.members, 1)}
    card = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "classes": list(CLASSES),
        "input": {"format": model.input_format, "open": OPEN, "close": CLOSE, "separator": SEPARATOR,
                  "window": WINDOW},
        "members": [{"input": member.input_format, "graph": f"graph.{i}"} for i, member in enumerate(model.members, 1)],
        "max_length": model.classifier.max_length,
        **record,
    }
    write_card(card_path, card, files, contents)
    return card_path


def load_target_tone(path: str | Path) -> tuple[TargetToneModel, dict[str, Any]]:
    """The target-tone model saved at ``path`` (its card) and the card, its files checked by SHA-256.

    Raises :class:`ModelError` for a missing, foreign or edited file, or a
    card whose input differs from the one this code writes.
    """
    card_path = Path(path)
    card = _read_card(card_path)
    try:
        tokenizer = checked_file(card_path, card, "tokenizer", what="the model's").decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{card_path}: its tokenizer file is not UTF-8 text") from None
    members = tuple(
        TargetToneModel(_classifier(card_path, card, member["graph"], tokenizer), member["input"], card_path.stem)
        for member in card.get("members", [])
    )
    graphs = ["graph", *(member["graph"] for member in card.get("members", []))]
    name = f"{card_path.stem} (graph sha256 {', '.join(str(card['sha256'].get(g, ''))[:12] for g in graphs)})"
    return TargetToneModel(_classifier(card_path, card, "graph", tokenizer), card["input"]["format"], name,
                           members), card


def _classifier(card_path: Path, card: Mapping[str, Any], key: str, tokenizer: str) -> SentenceClassifier:
    """The graph the card names under ``key``, checked, with the card's tokenizer."""
    classifier = SentenceClassifier(checked_file(card_path, card, key, what="the model's"), tokenizer,
                                    card["max_length"])
    if classifier.width() != len(CLASSES):  # a foreign graph fails here, not in the middle of an article
        raise ModelError(f"{card_path}: the {key} file gives {classifier.width()} probabilities, not {len(CLASSES)}")
    return classifier


def _read_card(card_path: Path) -> dict[str, Any]:
    """The card, its own values checked (the checksums pin the files, not the card)."""
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the target-tone card ({error})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT or card.get("format_version") not in READABLE_VERSIONS:
        raise ModelError(f"{card_path}: not a framing target-tone model (format {FORMAT!r} version "
                         f"{' or '.join(map(str, READABLE_VERSIONS))})")
    if card.get("classes") != list(CLASSES):
        raise ModelError(f"{card_path}: the model's classes are {card.get('classes')!r}, not {list(CLASSES)}")
    expected = {"open": OPEN, "close": CLOSE, "separator": SEPARATOR, "window": WINDOW}
    written = card.get("input")
    if not isinstance(written, dict) or written.get("format") not in INPUT_FORMATS \
            or any(written.get(key) != value for key, value in expected.items()):
        raise ModelError(f"{card_path}: the model reads its input as {written!r}; this framing writes "
                         f"{ {'format': list(INPUT_FORMATS), **expected} }")
    length = card.get("max_length")
    if isinstance(length, bool) or not isinstance(length, int) or not 2 <= length <= 512:
        raise ModelError(f"{card_path}: max_length must be a whole number from 2 to 512, not {length!r}")
    for key in ("files", "sha256"):
        if not isinstance(card.get(key), dict):
            raise ModelError(f"{card_path}: the target-tone card has no {key!r} section")
    _check_members(card_path, card)
    return card


def _check_members(card_path: Path, card: Mapping[str, Any]) -> None:
    """A version-2 card's members: each an input and its own graph file (``graph.1``, ...), every such file
    of the card used once; a version-1 card has none."""
    members = card.get("members", [])
    graphs = [m.get("graph") for m in members] if isinstance(members, list) and all(
        isinstance(m, dict) for m in members) else None
    extra = sorted(key for key in card["files"] if isinstance(key, str) and key.startswith("graph."))
    if (graphs is None or (members and card["format_version"] < 2)
            or any(not isinstance(m.get("input"), str) or m["input"] not in INPUT_FORMATS for m in members)
            or not all(isinstance(g, str) for g in graphs) or sorted(graphs) != extra):
        raise ModelError(f"{card_path}: in a version-2 card each member names an input ({list(INPUT_FORMATS)}) and "
                         f"a graph file of its own, and every graph.N file is a member's; not {members!r} with "
                         f"files {sorted(card['files'])}")


def shipped_card_path() -> Path:
    """The card of the shipped target-tone model."""
    return shipped_model_card(SHIPPED)


@cache
def shipped_target_tone() -> TargetToneModel:
    """The shipped target-tone model, loaded once per process.

    Raises :class:`ModelError` when its files are missing or edited.
    """
    return load_target_tone(shipped_card_path())[0]
