"""Names of people, organisations and places in a Doc, found by a CRF trained on CoNLL-2003.

:func:`find_mentions` tags the tokens of a :class:`~framing.types.Doc` (its own
sentences and tokens, never split again) with a linear-chain conditional random
field and returns each name as a :class:`Mention` whose span slices the original
text. Only article prose is tagged (body, headline and subhead sentences):
bylines, captions, boilerplate and short lines of page furniture never yield a
name, nor does a dateline.

The CRF is trained by CRFsuite (``benchmarks/fit_ner.py``) and shipped as its
weights in ``models/ner.npz`` (read with ``allow_pickle=False``) beside the card
``models/ner.json``, which pins the weights, the gazetteer and the page-furniture
words by SHA-256: an edited or foreign file is a :class:`~framing.errors.ModelError`. Decoding is done here with
NumPy, so CRFsuite is not needed at run time. ``benchmarks/eval_ner.py``
measures it; docs/names.md has the figures.

Features are built the same way for CoNLL's tokens (training) and framing's
tokens (use): word identity lower-cased, its shape, prefixes and suffixes,
capitalisation, position, the words two either side, how the document writes
the word elsewhere, and membership in a gazetteer of countries, regions and
cities (``models/ner.places.tsv``, pinned by the card like the weights).

References
----------
Lafferty, McCallum and Pereira (2001), Conditional Random Fields. ICML 2001.
Tjong Kim Sang and De Meulder (2003), Introduction to the CoNLL-2003 Shared Task:
Language-Independent Named Entity Recognition. CoNLL 2003.
Okazaki (2007), CRFsuite: a fast implementation of Conditional Random Fields (CRFs).
Ratinov and Roth (2009), Design Challenges and Misconceptions in Named Entity
Recognition. CoNLL 2009 (document-level context, gazetteers).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import string
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress, groupby
from operator import itemgetter, ne, not_
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .errors import ModelError
from .name_spans import name_spans
from .names import (
    abbreviations, determiners, generation, honorifics, misc_name, particle_surname, reporting_verbs,
)
from .types import END, IS_WORD, LOWER, START, TEXT, Doc, Sentence, Token

MentionKind = Literal["person", "organisation", "place", "misc"]

FORMAT = "framing-ner-crf"
FORMAT_VERSION = 1
SHIPPED = "ner"
# the files a card names beside the weights: each pinned by its SHA-256
FILES = ("model", "places", "chrome", "organisations", "openers")
KIND_OF_TYPE: dict[str, MentionKind] = {
    "PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "misc",
}
TAGGED_SENTENCES = frozenset({"body", "headline", "subhead"})
_JOINER = 4  # of, de, al, bin, and, &, 's: short words without capitals inside names


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: ``text == doc.text[start:end]``; ``sentence`` indexes ``doc.sentences``.

    ``kind`` is CoNLL-2003's type: person (PER), organisation (ORG), place (LOC)
    or misc (MISC: nationalities, events, works and other names).
    """

    start: int
    end: int
    text: str
    sentence: int
    kind: MentionKind


# -- features ----------------------------------------------------------------


_ASCII_SHAPES = str.maketrans(
    dict.fromkeys(string.ascii_uppercase, "X") | dict.fromkeys(string.ascii_lowercase, "x")
    | dict.fromkeys(string.digits, "d")
)


def _shape(word: str) -> str:
    """Capitals as X, small letters as x, digits as d, runs collapsed: "McCain" -> "XxXx"."""
    if word.isascii():  # the same mapping by table, for the words most texts hold
        mapped = word.translate(_ASCII_SHAPES)
    else:
        mapped = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return "".join([c for c, _ in groupby(mapped)])


# where the word lending each part of :func:`_word_features` stands, from the word it scores: own, -2, -1, +1, +2
_PART_SHIFTS = (0, -2, -1, 1, 2)


def _word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A word's own features and the ones it lends as neighbour -2, -1, +1, +2.

    They depend on the word alone, so the analysis builds them once per distinct
    word and keeps only their summed weights (:class:`_WordSums`), not the strings;
    training (:func:`sentence_features`) builds them for every word it reads.
    """
    lower = word.lower()
    word_feature, shape_feature = f"w={lower}", f"s={_shape(word)}"
    own = [word_feature, shape_feature, f"p2={lower[:2]}", f"p3={lower[:3]}",
           f"x2={lower[-2:]}", f"x3={lower[-3:]}", f"x4={lower[-4:]}"]
    if word[:1].isupper():
        own.append("cap")
    if word.isupper() and len(word) > 1:
        own.append("upper")
    if word.istitle():
        own.append("title")
    if not word.isalpha() and any(c.isdigit() for c in word):  # a letter is never a digit
        own.append("digit")
    if "-" in word:
        own.append("hyphen")
    if "." in word:
        own.append("dot")
    # the words right beside it read its word and shape; those two away, its word
    return (tuple(own), ("-2" + word_feature,), ("-1" + word_feature, "-1" + shape_feature),
            ("+1" + word_feature, "+1" + shape_feature), ("+2" + word_feature,))


def _in_places(lower: Sequence[str], words: Sequence[str], places: frozenset[tuple[str, ...]],
               spans: Sequence[tuple[int, int]] | None = None) -> list[bool]:
    """Which words are inside a gazetteer place name that starts with a capital (longest match first).

    A name starts at a word with a capital, so only ``spans`` (the
    :func:`name_windows`, when given) are searched for starts.
    """
    inside = [False] * len(words)
    starts = _place_lengths(places)
    taken = 0
    count = len(words)
    if spans is None:
        candidates = [i for i in range(count) if lower[i] in starts]
    else:
        candidates = [i for start, end in spans for i in range(start, end) if lower[i] in starts]
    for i in candidates:
        if i >= taken and words[i][:1].isupper():
            for length in starts[lower[i]]:  # longest first, only the lengths a name starting so has
                if length <= count - i and tuple(lower[i : i + length]) in places:
                    inside[i : i + length] = [True] * length
                    taken = i + length
                    break
    return inside


@cache
def _place_lengths(places: frozenset[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First word of each place name -> the numbers of words of the names starting with it, most first."""
    lengths: dict[str, set[int]] = {}
    for name in places:
        if name:
            lengths.setdefault(name[0], set()).add(len(name))
    return {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}


def _shouting(words: Sequence[str]) -> bool:
    """A sentence in capitals (a wire headline, a sports table): case says little there."""
    if sum(map(str.isupper, words)) < 2:  # most sentences: too few words in capitals to count the rest
        return False
    letters = [w for w in words if w[:1].isalpha()]
    return len(letters) >= 2 and sum(w.isupper() for w in letters) * 2 > len(letters)


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """How the article writes its words elsewhere, which tells what case cannot at a sentence's start.

    ``capitalised`` holds the lower-cased words the document capitalises inside
    a sentence (not first, not in a sentence in capitals); ``lowercase`` those it
    writes in lower case. "Police" opening a sentence of a text that writes
    "police" elsewhere is a common noun; "GAZPROM" in a headline of a text that
    writes "Gazprom" in its prose is a name.
    """

    capitalised: frozenset[str] = frozenset()
    lowercase: frozenset[str] = frozenset()


def document_context(sentences: Iterable[Sequence[str]]) -> DocumentContext:
    """The :class:`DocumentContext` of a document's sentences (each a sequence of words)."""
    prose = [words for words in sentences if not _shouting(words)]
    inside = set(chain.from_iterable(words[1:] for words in prose))  # each distinct word tested once
    return DocumentContext(
        capitalised=frozenset(w.lower() for w in inside if w[:1].isupper()),
        lowercase=frozenset(filter(str.islower, inside.union(words[0] for words in prose if words))),
    )


def sentence_features(
    words: Sequence[str], places: frozenset[tuple[str, ...]], context: DocumentContext = DocumentContext()
) -> list[list[str]]:
    """CRF features for each word of one sentence, the same for CoNLL's tokens and framing's."""
    table = [_word_features(w) for w in words]
    layout = _SentenceLayout(words, places, context)
    return [
        [*layout.features(i), *(f for j, part in _neighbour_parts(i, len(words)) for f in table[j][part])]
        for i in range(len(words))
    ]


def _neighbour_parts(i: int, length: int) -> list[tuple[int, int]]:
    """Which cached word features word ``i`` takes: (word index, part of :func:`_word_features`)."""
    return [(i + shift, part) for part, shift in enumerate(_PART_SHIFTS) if 0 <= i + shift < length]


class _SentenceLayout:
    """The features of a word that depend on its sentence or document, not on the word alone."""

    __slots__ = ("words", "lower", "gazetteer", "shouting", "context", "last")

    def __init__(self, words: Sequence[str], places: frozenset[tuple[str, ...]], context: DocumentContext,
                 spans: Sequence[tuple[int, int]] | None = None):
        self.words = words
        self.lower = list(map(str.lower, words))
        self.gazetteer = _in_places(self.lower, words, places, spans)
        self.shouting = _shouting(words)
        self.context = context
        self.last = len(words) - 1

    def features(self, i: int) -> list[str]:
        lower = self.lower
        row = ["bias"]
        if i == 0:
            row.append("first")
        if self.shouting:
            row.append("shouting")
        if self.words[i][:1].isupper():
            if lower[i] in self.context.lowercase:
                row.append("doc-lower")
            if (i == 0 or self.shouting) and lower[i] in self.context.capitalised:
                row.append("doc-capitalised")
        if self.gazetteer[i]:
            row.append("place")
        row.append(f"w-1|w={lower[i - 1]}|{lower[i]}" if i > 0 else "BOS")
        row.append(f"w|w+1={lower[i]}|{lower[i + 1]}" if i < self.last else "EOS")
        return row


def name_windows(words: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of words that can hold a name: words with a capital, and short joiners between them.

    A name has a capital letter in at least one word ("al-Assad", "Bank of
    England", "Procter & Gamble"); a run of words without one, away from words
    with one, is never tagged. Returned as ``(start, end)`` word indices.
    """
    windows: list[tuple[int, int]] = []
    for i in compress(range(len(words)), map(ne, words, map(str.lower, words))):  # words with a capital, found in C
        if windows and (windows[-1][1] == i or (windows[-1][1] == i - 1 and len(words[i - 1]) <= _JOINER)):
            windows[-1] = (windows[-1][0], i + 1)
        else:
            windows.append((i, i + 1))
    return windows


def read_places(data: bytes) -> frozenset[tuple[str, ...]]:
    """The gazetteer (``ner.places.tsv``: a name column) as lower-cased word tuples."""
    return frozenset(tuple(name.lower().split()) for name in _first_column(data, "name"))


def _first_column(data: bytes, header: str) -> list[str]:
    """The first column of a TSV whose ``#`` lines are comments and whose first other line is ``header``."""
    lines = [line for line in data.decode("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    if not lines or lines[0].split("\t")[0] != header:
        raise ModelError(f"a recogniser table must start with a {header!r} column")
    return [line.split("\t")[0].strip() for line in lines[1:]]


# -- the model -----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Recogniser:
    """A linear-chain CRF's weights with its card: :meth:`tag_sentences` gives IOB tags.

    The weights are CRFsuite's, exported to NumPy arrays (``fit_ner.py``), and
    decoding is re-implemented here: a word's features are looked up once per
    distinct word and summed with NumPy, and the windows of every sentence of
    an article are decoded together by one batched Viterbi pass. Words outside
    :func:`name_windows` are held to ``O``; the decoding is otherwise CRFsuite's
    (the tests check the tags are the same).
    """

    labels: tuple[str, ...]
    index: dict[str, int]  # attribute -> row of weights
    weights: Any  # numpy (attributes, labels)
    transitions: Any  # numpy (labels, labels): from -> to
    card: dict[str, Any]
    places: frozenset[tuple[str, ...]]
    chrome: frozenset[str]  # interface words of news pages (ner.page-chrome.tsv)
    organisations: frozenset[str] = frozenset()  # head words that go on across "of" (ner.organisation-heads.tsv)
    openers: frozenset[str] = frozenset()  # words never first in a name: "And", "Despite" (ner.openers.tsv)
    _summable: Any = field(init=False, repr=False)  # the weights and a last row of zeros, for sums of no feature
    _sums: _WordSums = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_summable", np.vstack([self.weights, np.zeros((1, len(self.labels)))]))
        object.__setattr__(self, "_sums", _WordSums((len(_PART_SHIFTS), len(self.labels))))

    def tag(self, words: Sequence[str], context: DocumentContext = DocumentContext(), *,
            every_word: bool = False) -> list[str]:
        """CoNLL IOB2 tags (``B-PER``, ``I-ORG``, ``O``...), one per word; ``context`` is the document's."""
        return self.tag_sentences([words], context, every_word=every_word)[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]], context: DocumentContext = DocumentContext(), *,
                      every_word: bool = False) -> list[list[str]]:
        """Tags for each sentence of one document.

        Only :func:`name_windows` are decoded (a word outside them is ``O``),
        unless ``every_word``, which decodes whole sentences as CRFsuite does.
        """
        windows = [
            [(0, len(words))] if every_word and words else name_windows(words) for words in sentences
        ]
        tags = [["O"] * len(words) for words in sentences]
        if not any(windows):
            return tags
        emissions = self._emissions(sentences, windows, context)
        lengths = [end - start for spans in windows for start, end in spans]
        o = self.labels.index("O")
        opens = [start > 0 for spans in windows for start, _ in spans]
        closes = [end < len(words) for words, spans in zip(sentences, windows) for _, end in spans]
        paths = _viterbi(emissions, lengths, self.transitions, o, opens, closes)
        path = iter(paths)
        label = self.labels.__getitem__
        for sentence_tags, spans in zip(tags, windows):
            for start, end in spans:
                sentence_tags[start:end] = map(label, next(path))
        return tags

    def _emissions(self, sentences: Sequence[Sequence[str]], windows: Sequence[list[tuple[int, int]]],
                   context: DocumentContext) -> Any:
        """Each window word's score per label, window after window: (words, labels).

        A word's own features and those it lends its neighbours depend on the
        word alone, so their weights are summed once per distinct word
        (:class:`_WordSums`) and a window word adds up five of those sums;
        only the features that depend on the sentence are gathered word by word.
        """
        vocabulary: dict[str, int] = {}  # word -> its row in the part scores; 0 is "no word"
        ids: list[int] = []  # each sentence's words' rows, two "no word" pads either side
        centres: list[int] = []  # where each window word's own row is in ids
        rows: list[int] = []
        offsets: list[int] = []
        # _SentenceLayout.features(i) looked up in the index, written out here for speed: the same rows in
        # the same order (test_numpy_decoding_gives_crfsuite_tags holds the two to CRFsuite's own tags)
        get = self.index.get
        bias, first_row, shouting_row, lower_row, capitalised_row, place_row, bos, eos = map(
            get, ("bias", "first", "shouting", "doc-lower", "doc-capitalised", "place", "BOS", "EOS"))
        lowercase, capitalised = context.lowercase, context.capitalised
        append = rows.append
        for words, spans in zip(sentences, windows):
            if not spans:
                continue
            base = len(ids) + 2
            ids.extend([0] * (len(words) + 4))
            for start, end in spans:
                for j in range(max(start - 2, 0), min(end + 2, len(words))):
                    ids[base + j] = vocabulary.setdefault(words[j], len(vocabulary) + 1)
            lower = list(map(str.lower, words))
            gazetteer = _in_places(lower, words, self.places, spans)
            shouting = _shouting(words)
            last = len(words) - 1
            for start, end in spans:
                centres.extend(range(base + start, base + end))
                for i in range(start, end):
                    offsets.append(len(rows))
                    if bias is not None:
                        append(bias)
                    if i == 0 and first_row is not None:
                        append(first_row)
                    if shouting and shouting_row is not None:
                        append(shouting_row)
                    word = lower[i]
                    if words[i][:1].isupper():
                        if word in lowercase and lower_row is not None:
                            append(lower_row)
                        if (i == 0 or shouting) and word in capitalised and capitalised_row is not None:
                            append(capitalised_row)
                    if gazetteer[i] and place_row is not None:
                        append(place_row)
                    row = get(f"w-1|w={lower[i - 1]}|{word}") if i > 0 else bos
                    if row is not None:
                        append(row)
                    row = get(f"w|w+1={word}|{lower[i + 1]}") if i < last else eos
                    if row is not None:
                        append(row)
        table, kept = self._sums.rows(list(vocabulary), self._summed)
        near = np.concatenate([[0], kept])[ids]  # a pad's 0 stays 0, the table's row of zeros
        at = np.asarray(centres)
        own = sum(table[near[at + shift], part] for part, shift in enumerate(_PART_SHIFTS))
        return own + np.add.reduceat(self.weights[rows], offsets, axis=0)

    def _summed(self, words: Sequence[str]) -> Any:
        """Each word's :func:`_word_features` parts as summed weights (features the model dropped left out)."""
        index = self.index
        zero = len(self.weights)  # every part starts with the zero row, so none sums nothing
        rows: list[int] = []
        offsets: list[int] = []
        for word in words:
            for part in _word_features(word):
                offsets.append(len(rows))
                rows.append(zero)
                rows.extend(index[f] for f in part if f in index)
        return np.add.reduceat(self._summable[rows], offsets, axis=0).reshape(len(words), len(_PART_SHIFTS), -1)


_WORD_CACHE = 100_000  # words' part sums kept: 36 MB at most, for 9 labels
_FIRST_ROWS = 1024  # the array's rows at first; it doubles as words come, up to _WORD_CACHE + 1


class _WordSums:
    """Every word's part sums (parts, labels) as rows of one array, kept across articles.

    A word is read into features once per process, not once per article, and
    an article's words are one index into the array, not a copy of their rows.
    Row 0 is zeros (no word). Past ``_WORD_CACHE`` words the rows start again.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self._row: dict[str, int] = {}
        self._table = np.zeros((_FIRST_ROWS, *shape))
        self._lock = threading.Lock()  # two threads adding rows at once would write the same ones

    def __reduce__(self) -> tuple[type[_WordSums], tuple[tuple[int, int]]]:
        """A copy (pickled with its recogniser) starts empty: the sums are a cache, the lock cannot travel."""
        return _WordSums, (self._table.shape[1:],)

    def rows(self, words: Sequence[str], summed: Callable[[Sequence[str]], Any]) -> tuple[Any, Any]:
        """The table and each of ``words``' row in it, summing (``summed``) those it lacks."""
        with self._lock:
            new = [w for w in words if w not in self._row]
            if new:
                self._add(new if len(self._row) + len(new) < _WORD_CACHE else self._restart(words), summed)
            row = self._row
            return self._table, np.fromiter((row[w] for w in words), dtype=np.intp, count=len(words))

    def _restart(self, words: Sequence[str]) -> list[str]:
        self._row, self._table = {}, np.zeros((_FIRST_ROWS, *self._table.shape[1:]))
        return list(words)

    def _add(self, new: list[str], summed: Callable[[Sequence[str]], Any]) -> None:
        first = len(self._row) + 1
        end = first + len(new)
        if end > len(self._table):
            grown = np.zeros((max(end, min(2 * len(self._table), _WORD_CACHE + 1)), *self._table.shape[1:]))
            grown[:first] = self._table[:first]
            self._table = grown
        self._table[first:end] = summed(new)
        self._row.update(zip(new, range(first, end)))


def _viterbi(emissions: Any, lengths: Sequence[int], transitions: Any, o: int,
             opens: Sequence[bool], closes: Sequence[bool]) -> list[list[int]]:
    """Best label sequence of each window, all windows at once.

    ``emissions`` holds the windows' rows one after another. A window that
    does not open its sentence follows an ``O`` (it takes the transition from
    ``O``), and one that does not close it is followed by an ``O``. Windows
    are decoded longest first, so step ``t`` touches only the windows still
    running (most windows are one word long).
    """
    size = np.asarray(lengths)
    order = np.argsort(-size, kind="stable")
    size = size[order]
    count, longest, labels = len(lengths), int(size[0]), transitions.shape[0]
    firsts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[order]
    score = emissions[firsts] + np.where(np.asarray(opens)[order, None], transitions[o][None, :], 0.0)
    running = np.searchsorted(-size, -np.arange(longest), side="left")  # windows longer than t
    back = np.zeros((int(running[1]) if longest > 1 else 0, longest, labels), dtype=np.intp)
    for t in range(1, longest):
        n = int(running[t])
        candidates = score[:n, :, None] + transitions[None, :, :]
        back[:n, t] = candidates.argmax(axis=1)
        score[:n] = candidates.max(axis=1) + emissions[firsts[:n] + t]
    score = score + np.where(np.asarray(closes)[order, None], transitions[:, o][None, :], 0.0)
    paths = np.zeros((count, longest), dtype=np.intp)
    current = score.argmax(axis=1)
    paths[np.arange(count), size - 1] = current
    for t in range(longest - 1, 0, -1):
        n = int(running[t])
        current[:n] = back[np.arange(n), t, current[:n]]
        paths[np.arange(n), t - 1] = current[:n]
    rank = np.argsort(order)  # where each window went in the longest-first order
    ordered = paths[rank].tolist()
    return [ordered[k][: lengths[k]] for k in range(count)]


def load_recogniser(card_path: Path) -> Recogniser:
    """The recogniser described by the card at ``card_path``, its weights file beside it.

    Raises :class:`ModelError` for a missing or foreign card, a weights file
    or table whose SHA-256 is not the card's (the gazetteer it was trained
    with is pinned too), or weights that do not hold a CRF.
    """
    try:
        card = json.loads(Path(card_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the name recogniser's card ({error})") from None
    if not isinstance(card, dict) or (card.get("format"), card.get("format_version")) != (FORMAT, FORMAT_VERSION):
        raise ModelError(f"{card_path}: not a framing name recogniser (format {FORMAT!r} version {FORMAT_VERSION})")
    data = {key: _checked_file(Path(card_path), card, key) for key in FILES}
    try:
        with np.load(io.BytesIO(data["model"]), allow_pickle=False) as arrays:
            labels = tuple(str(x) for x in arrays["labels"])
            attributes = [str(x) for x in arrays["attributes"]]
            weights = np.asarray(arrays["weights"], dtype=np.float64)
            transitions = np.asarray(arrays["transitions"], dtype=np.float64)
    except (KeyError, ValueError, OSError) as error:
        raise ModelError(f"{card_path}: the weights file is not a framing CRF ({error})") from None
    if "O" not in labels or weights.shape != (len(attributes), len(labels)) or transitions.shape != (len(labels),) * 2:
        raise ModelError(f"{card_path}: the weights file's arrays do not fit together")
    index = {attribute: row for row, attribute in enumerate(attributes)}
    if "bias" not in index:
        raise ModelError(f"{card_path}: the weights file has no bias feature")
    chrome = frozenset(_first_column(data["chrome"], "word"))
    organisations = frozenset(w.lower() for w in _first_column(data["organisations"], "word"))
    openers = frozenset(w.lower() for w in _first_column(data["openers"], "word"))
    return Recogniser(labels, index, weights, transitions, card, read_places(data["places"]), chrome,
                      organisations, openers)


def _checked_file(card_path: Path, card: dict[str, Any], key: str) -> bytes:
    """The file the card names under ``files[key]``, read once and checked against its SHA-256."""
    name = card.get("files", {}).get(key) if isinstance(card.get("files"), dict) else None
    if not isinstance(name, str) or Path(name).name != name:
        raise ModelError(f"{card_path}: the card's files.{key} must be a file name beside the card, not {name!r}")
    try:
        data = (card_path.parent / name).read_bytes()
    except OSError as error:
        raise ModelError(f"{card_path}: cannot read the recogniser's {key} file {name!r} ({error})") from None
    expected = card.get("sha256", {}).get(key) if isinstance(card.get("sha256"), dict) else None
    if hashlib.sha256(data).hexdigest() != expected:
        raise ModelError(
            f"{card_path}: {name} does not match the SHA-256 in its card (edited or replaced); "
            "reinstall framing or retrain with benchmarks/fit_ner.py"
        )
    return data


def shipped_card_path() -> Path:
    """Where the shipped recogniser's card is installed (``framing/models/ner.json``)."""
    return Path(str(resources.files("framing.models").joinpath(f"{SHIPPED}.json")))


@cache
def shipped_recogniser() -> Recogniser:
    """The recogniser shipped with framing, loaded once per process."""
    return load_recogniser(shipped_card_path())


# -- mentions in a Doc ---------------------------------------------------------

# "MOSCOW (Reuters) -", "WASHINGTON -": a dateline opening a paragraph is where the story was filed, not a name in it
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,3}$")  # Mr, Mrs, Dr, St, Gen, Sen, Gov, Lt, J
_DATELINE = re.compile(r"[A-Z][A-Z .,'/]{1,40}?(?:\s*\([A-Za-z][A-Za-z .&]{0,40}\))?\s*-\s")


def find_mentions(doc: Doc, *, recogniser: Recogniser | None = None) -> tuple[Mention, ...]:
    """Names of people, organisations, places and other things (misc) in the article's prose.

    Sentences of kind body, headline and subhead are tagged, in text order;
    bylines, captions, boilerplate and short lines of page furniture ("Listen
    Live") are not, and neither is a dateline ("MOSCOW (Reuters) -") opening a
    line. A possessive 's and an honorific are never part of a name ("Mr.
    Putin's" gives "Putin"). ``recogniser`` defaults to the shipped one.
    """
    model = recogniser or shipped_recogniser()
    tagged = [s for s in doc.sentences if s.kind in TAGGED_SENTENCES and not _page_chrome(doc, s, model.chrome)]
    views = [_tagging_words(doc.norm, doc.tokens[s.token_start : s.token_end]) for s in tagged]
    words = [_headline_in_capitals(w, strict=s.kind == "body") if s.kind != "body" or k == 0 else w
             for k, (s, (w, _)) in enumerate(zip(tagged, views))]
    context = document_context(words)
    tags = model.tag_sentences(words, context)
    mentions: list[Mention] = []
    for sentence, sentence_words, (_, spans), sentence_tags in zip(tagged, words, views, tags):
        if sentence_tags.count("O") == len(sentence_tags):
            continue  # no name tagged (most sentences): name_spans would find none
        names = name_spans(sentence_words, sentence_tags, model.organisations)
        mentions.extend(_sentence_mentions(doc, sentence, sentence_words, spans, names, model.openers, context))
    return tuple(mentions)


# CoNLL leaves honorifics out of names (Reuters writes few; those it does are O); the model,
# seeing "Mr." rarely, sometimes takes it in
_HONORIFICS = frozenset({"mr", "mrs", "ms", "mmes", "messrs", "dr", "prof"})
# function words that only a Title-Case headline capitalises inside a run of names: an organisation or other
# name holding one is a headline's words the model took for a name (270 such on the 1,216 benchmark articles,
# all but a few headline fragments; "The" is left out, for "The Daily Caller" inside a name)
_HEADLINE_WORDS = frozenset({
    "And", "Or", "A", "An", "In", "On", "At", "To", "For", "Of", "With", "By", "From", "Into", "Over", "After",
    "Is", "Are", "Was", "Were", "Will", "Be", "Could", "Would", "Should", "Can", "Not", "Has", "Have", "Does",
})
_CHROME_WORDS = 8  # "Get short URL", "Updated: Wednesday 28 March 2018 10:41 GMT"
# verbs that open a question and are given names too (Will Smith, Can Dündar, Do Kwon): never openers of a name,
# except first in a sentence that asks
_QUESTION_OPENERS = frozenset({"Will", "Can", "Do"})


def _page_chrome(doc: Doc, sentence: Sentence, chrome: frozenset[str]) -> bool:
    """A short line of page furniture ("Listen Live", "date 2018-03-28"), or no words at all.

    text.py keeps such lines as sentences when no boilerplate pattern knows
    them; a list of interface words (``ner.page-chrome.tsv``) tells them from
    prose, which always has some other word.
    """
    seen = 0  # words so far
    for token in doc.tokens[sentence.token_start : sentence.token_end]:  # prose ends this at its first word
        if token[IS_WORD]:
            seen += 1
            if seen > _CHROME_WORDS or (token[LOWER] not in chrome and token[LOWER].isalpha()):
                return False
    return True


def _sentence_mentions(
    doc: Doc, sentence: Sentence, words: Sequence[str], spans: Sequence[Token | tuple[int, int]],
    names: Sequence[tuple[int, int, str]], openers: frozenset[str], context: DocumentContext,
) -> Iterable[Mention]:
    """The sentence's names (:func:`name_spans`) as mentions of the original text, trimmed and past any
    dateline. A person's name goes on over a hyphenated surname the model left out ("el-Sisi"); words
    that never start a name (``openers``: "Despite Trump", "And Cruz") are trimmed from its start, unless
    written as an acronym ("AT&T"), and so is a question's first word "Will", "Can" or "Do", after no word
    but quotation marks ("Will Brett Kavanaugh be confirmed?"), and a name of nothing else ("Again") is no
    name. Nor is a single letter ("R" of "R-Texas"), or one word opening the sentence that the article writes
    in lower case elsewhere and never capitalises inside a sentence ("Agenda", "Rise": capitalised for coming
    first), or an organisation or other name with a capitalised function word inside ("Romney Will Not Be
    Present For Trump Nomination": a headline; "Freedom From Religion Foundation" is lost with them). A name
    stops before a reporting verb written with a capital ("Bush Says ...": "Bush"); of two words or more, it
    is then a speaker, never misc."""
    skip_to = _dateline_end(doc, sentence)
    verbs = reporting_verbs()
    for first, end, kind in names:
        if kind == "PER" and end < len(words) and particle_surname(words[end]):
            end += 1
        while end > first and words[end - 1] in ("'s", "'"):
            end -= 1
        while end > first and words[first].lower() in openers and not _acronym(_written(doc, spans[first])):
            first += 1
        if (end - first > 1 and words[first].capitalize() in _QUESTION_OPENERS
                and not any(w[:1].isalnum() for w in words[:first]) and _asks(doc, sentence, spans[end - 1][1])):
            first += 1  # "Will Brett Kavanaugh be confirmed?": "Will" asks, it is no given name
        while end - first > 1 and words[first].rstrip(".").lower() in _HONORIFICS:
            first += 1
        if end <= first or _not_a_name(words, first, end, context, _written(doc, spans[first])):
            continue
        if end - first > 1 and _headline_run([_written(doc, span) for span in spans[first:end]], kind):
            continue  # "Ben Carson Slams Hillary And The Media In One Debate Answer": a headline, not a name
        cut = next((k for k in range(first + 1, end) if words[k].lower() in verbs
                    and _written(doc, spans[k])[:1].isupper()), end)  # "Bush Says" in a headline: "Bush"
        if cut < end:  # a speaker of two words or more is no misc name ("Nigel Farage Says"; not "Being Called")
            end, kind = cut, "PER" if kind == "MISC" and cut - first > 1 else kind
        if misc_name(" ".join(words[first:end])):
            kind = "MISC"  # "London's Muslim mayor", "the Affordable Care Act", "God": misc, as CoNLL types them
        start = spans[first][0]
        if start >= skip_to:
            stop = spans[end - 1][1]
            yield Mention(start, stop, doc.text[start:stop], sentence.index, KIND_OF_TYPE[kind])


def _asks(doc: Doc, sentence: Sentence, after: int) -> bool:
    """Whether a question mark follows ``after`` in the sentence: its own ('Will Cruz win Iowa?') or a quoted
    question's ('"Will Cruz win Iowa?" he asked.')."""
    return "?" in doc.text[after : sentence.end]


def _headline_run(name: Sequence[str], kind: str) -> bool:
    """A run of a Title-Case headline's words (``name`` as written) that the model took for a name: a
    capitalised function word after its first word, or for a person, whose names can be such words ("George Will", "Al From"), two of
    them or one in four words or more ("Frees Indonesian Immigrant Held By Trump Order")."""
    inside = sum(w in _HEADLINE_WORDS for w in name[1:])
    return inside >= 1 if kind != "PER" else inside >= 2 or (inside == 1 and len(name) >= 4)


def _not_a_name(words: Sequence[str], first: int, end: int, context: DocumentContext, written: str) -> bool:
    """A single letter or digit, determiners alone ("THE" of a headline read in capitals), an honorific or
    abbreviated title alone ("Rev" of "the Rev." at a line's end), a generational suffix or regnal number
    alone ("Jr.", "VI"), one word written without a capital ("nd"
    of "2nd" in such a headline), or one word that the article writes in lower case
    elsewhere and never capitalises inside a sentence, where its capital says nothing: first in its sentence,
    or in a headline read in capitals ("Real", "Best"). ``written`` is the first word as it stands; an acronym
    is a name."""
    joined = "".join(words[first:end])
    if (len(joined) if joined.isalnum() else sum(c.isalnum() for c in joined)) < 2:
        return True
    if words[first].lower() in determiners() and all(w.lower() in determiners() for w in words[first:end]):
        return True
    if end - first > 1:
        return False
    if generation(written):
        return True  # "VI" of "Pope Pius VI", "Jr." alone: what ends a name is none
    lower = words[first].lower()
    return written.islower() or lower.rstrip(".") in _bare_titles() or (
        (first == 0 or words[first] != written) and not _acronym(written)
        and lower in context.lowercase and lower not in context.capitalised)


@cache
def _bare_titles() -> frozenset[str]:
    """Honorifics and abbreviated titles in lower case without a period: "mr", "rev", "gen", "sir"; not
    "miss", whose "Miss." is also AP's abbreviation of Mississippi ("Jackson, Miss."). "Sen" stays: a lone
    "Sen." ending a line is far commoner in the news than the surname (Amartya Sen)."""
    return (honorifics() | {a.rstrip(".").lower() for a in abbreviations()}) - {"miss"}


def _written(doc: Doc, span: Token | tuple[int, int]) -> str:
    return doc.text[span[0] : span[1]]


def _acronym(word: str) -> bool:
    """A word of three letters or fewer written in capitals: "AT" of "AT&T", "US", never an opener."""
    return len(word) <= 3 and word.isupper()


_TEXT_OF = itemgetter(TEXT)


def _tagging_words(norm: str, tokens: Sequence[Token]) -> tuple[tuple[str, ...], Sequence[Token | tuple[int, int]]]:
    """The words the CRF sees and their spans: framing's tokens, with "Mr" "." read as CoNLL's "Mr.".

    framing splits the full stop off a short abbreviation or an initial ("Mr.",
    "Gen.", "J."); CoNLL, which the model learnt from, keeps it on, and a lone
    stop inside a name reads to the model like the end of a sentence. Words
    are read from the normalised text (curly apostrophes folded), where it differs.
    """
    words = tuple(map(_TEXT_OF, tokens))
    if not "".join(words).isascii():
        folded = list(words)
        for k in compress(range(len(words)), map(not_, map(str.isascii, words))):
            folded[k] = norm[tokens[k][START] : tokens[k][END]]
        words = tuple(folded)
    if "." not in words[1:-1]:
        return words, tokens  # a token's START and END are its span: exact tuples, out of the collector's sight
    merged_words: list[str] = []
    merged_spans: list[Token | tuple[int, int]] = []
    last = len(words) - 1
    for i, (word, span) in enumerate(zip(words, tokens)):
        if (word == "." and 0 < i < last and merged_spans[-1][1] == span[0]
                and _ABBREVIATION.match(merged_words[-1])):
            merged_words[-1] += "."
            merged_spans[-1] = (merged_spans[-1][0], span[1])
        else:
            merged_words.append(word)
            merged_spans.append(span)
    return tuple(merged_words), tuple(merged_spans)


def _headline_in_capitals(words: tuple[str, ...], *, strict: bool = False) -> tuple[str, ...]:
    """A Title Case headline's words in capitals, as CoNLL's headlines are written.

    In "Putin Visits Syria to Claim Victory Over ISIS" capitals mark every
    long word, not names; read in capitals, the model leans on the words and on
    how the article's prose writes them (:class:`DocumentContext`) instead.
    ``strict`` is for an article's first sentence that reads as prose (PolNeAR's
    headlines end in a full stop): every long word capitalised, four at least,
    so that "Black Lives Matter seeks Clinton's ear" stays as written.
    """
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in long_words)
    if (len(long_words) >= 4 and capitalised == len(long_words)) if strict else (
            len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)):
        return tuple(w.upper() for w in words)
    return words


def _dateline_end(doc: Doc, sentence: Sentence) -> int:
    """Where a dateline opening the sentence's line ends (the sentence's start when there is none)."""
    before = sentence.start - 1
    while before >= 0 and doc.norm[before] == " ":
        before -= 1
    if before >= 0 and doc.norm[before] != "\n":
        return sentence.start
    match = _DATELINE.match(doc.norm, sentence.start, sentence.end)
    return match.end() if match else sentence.start
