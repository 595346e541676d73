"""Names of people, organisations and places in a Doc, found by a CRF trained on CoNLL-2003.

:func:`find_mentions` tags the tokens of a :class:`~framing.types.Doc` (its own
sentences and tokens, never split again) with a linear-chain conditional random
field and returns each name as a :class:`Mention` whose span slices the original
text. Only article prose is tagged (body, headline and subhead sentences):
bylines, captions and boilerplate never yield a name.

The model (``models/ner.crfsuite``, CRFsuite's own binary format, not pickle) is
described by the card ``models/ner.json``; its SHA-256 is checked before the
file is handed to CRFsuite, so an edited or foreign file is a
:class:`~framing.errors.ModelError`. ``benchmarks/fit_ner.py`` retrains it and
``benchmarks/eval_ner.py`` measures it. ``pycrfsuite`` is imported only when a
model is first loaded, so ``import framing`` stays light.

Features are built the same way for CoNLL's tokens (training) and framing's
tokens (use): word identity lower-cased, its shape, prefixes and suffixes,
capitalisation, position, the words two either side, and membership in a
gazetteer of countries, regions and cities (``places.v1.tsv``).

References
----------
Lafferty, McCallum and Pereira (2001), Conditional Random Fields. ICML 2001.
Tjong Kim Sang and De Meulder (2003), Introduction to the CoNLL-2003 Shared Task:
Language-Independent Named Entity Recognition. CoNLL 2003.
Okazaki (2007), CRFsuite: a fast implementation of Conditional Random Fields.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .errors import ModelError
from .lexicons import load_table
from .types import Doc, Sentence, Token

MentionKind = Literal["person", "organisation", "place", "misc"]

FORMAT = "framing-ner-crf"
FORMAT_VERSION = 1
SHIPPED = "ner"
PLACES = "places.v1.tsv"
KIND_OF_TYPE: dict[str, MentionKind] = {
    "PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "misc",
}
TAGGED_SENTENCES = frozenset({"body", "headline", "subhead"})
_MAX_PLACE_WORDS = 4
_SHAPE_RUNS = re.compile(r"(.)\1+")


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


def _shape(word: str) -> str:
    """Capitals as X, small letters as x, digits as d, runs collapsed: "McCain" -> "XxXx"."""
    mapped = "".join(
        "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word
    )
    return _SHAPE_RUNS.sub(r"\1", mapped)


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A word's own features and the ones it lends as neighbour -2, -1, +1, +2.

    They depend on the word alone, so they are built once per distinct word and
    cached: a sentence's features are then concatenations, not string work.
    """
    lower = word.lower()
    shape = _shape(word)
    own = [f"w={lower}", f"s={shape}", f"p2={lower[:2]}", f"p3={lower[:3]}",
           f"x2={lower[-2:]}", f"x3={lower[-3:]}", f"x4={lower[-4:]}"]
    if word[:1].isupper():
        own.append("cap")
    if word.isupper() and len(word) > 1:
        own.append("upper")
    if word.istitle():
        own.append("title")
    if any(c.isdigit() for c in word):
        own.append("digit")
    if "-" in word:
        own.append("hyphen")
    if "." in word:
        own.append("dot")
    near = (f"w={lower}", f"s={shape}")
    far = (f"w={lower}",)
    return (
        tuple(own),
        tuple("-2" + f for f in far),
        tuple("-1" + f for f in near),
        tuple("+1" + f for f in near),
        tuple("+2" + f for f in far),
    )


def _in_places(words: Sequence[str], places: frozenset[tuple[str, ...]]) -> list[bool]:
    """Which words are inside a gazetteer place name that starts with a capital (longest match first)."""
    inside = [False] * len(words)
    lowered = [w.lower() for w in words]
    i = 0
    while i < len(words):
        matched = 0
        if words[i][:1].isupper():
            for length in range(min(_MAX_PLACE_WORDS, len(words) - i), 0, -1):
                if tuple(lowered[i : i + length]) in places:
                    matched = length
                    break
        for j in range(i, i + matched):
            inside[j] = True
        i += max(matched, 1)
    return inside


def _shouting(words: Sequence[str]) -> bool:
    """A sentence in capitals (a wire headline, a sports table): case says little there."""
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
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for words in sentences:
        if _shouting(words):
            continue
        for i, word in enumerate(words):
            if word.islower():
                lowercase.add(word)
            elif i > 0 and word[:1].isupper():
                capitalised.add(word.lower())
    return DocumentContext(frozenset(capitalised), frozenset(lowercase))


def sentence_features(
    words: Sequence[str], places: frozenset[tuple[str, ...]], context: DocumentContext = DocumentContext()
) -> list[list[str]]:
    """CRF features for each word of one sentence, the same for CoNLL's tokens and framing's."""
    table = [_word_features(w) for w in words]
    gazetteer = _in_places(words, places)
    shouting = _shouting(words)
    last = len(words) - 1
    features = []
    for i, (own, *_) in enumerate(table):
        row = ["bias", *own]
        if i == 0:
            row.append("first")
        if shouting:
            row.append("shouting")
        if words[i][:1].isupper():
            lower = words[i].lower()
            if lower in context.lowercase:
                row.append("doc-lower")
            if (i == 0 or shouting) and lower in context.capitalised:
                row.append("doc-capitalised")
        if gazetteer[i]:
            row.append("place")
        if i > 0:
            row.extend(table[i - 1][2])
            row.append(f"w-1|w={words[i - 1].lower()}|{words[i].lower()}")
        else:
            row.append("BOS")
        if i > 1:
            row.extend(table[i - 2][1])
        if i < last:
            row.extend(table[i + 1][3])
            row.append(f"w|w+1={words[i].lower()}|{words[i + 1].lower()}")
        else:
            row.append("EOS")
        if i < last - 1:
            row.extend(table[i + 2][4])
        features.append(row)
    return features


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, end, type)`` over word indices from IOB tags (conlleval's reading).

    An ``I-`` tag that does not continue an entity of its type starts one, as in
    conlleval, so scores here match the shared task's.
    """
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if current and (prefix != "I" or kind != current):
            spans.append((start, i, current))
            current = ""
        if prefix == "B" or (prefix == "I" and kind != current):
            start, current = i, kind
    return spans


@cache
def places() -> frozenset[tuple[str, ...]]:
    """The gazetteer as lower-cased word tuples (``places.v1.tsv``)."""
    return frozenset(tuple(row["name"].lower().split()) for row in load_table(PLACES))


# -- the model -----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Recogniser:
    """A loaded CRF with its card: :meth:`tag` gives IOB tags for a sentence's words."""

    tagger: Any  # pycrfsuite.Tagger, imported only when a model is loaded
    card: dict[str, Any]
    places: frozenset[tuple[str, ...]]
    model: bytes  # the tagger reads this buffer in place and does not own it: it must live as long

    def tag(self, words: Sequence[str], context: DocumentContext = DocumentContext()) -> list[str]:
        """CoNLL IOB2 tags (``B-PER``, ``I-ORG``, ``O``...), one per word; ``context`` is the document's."""
        if not words:
            return []
        return list(self.tagger.tag(sentence_features(words, self.places, context)))


def load_recogniser(card_path: Path) -> Recogniser:
    """The recogniser described by the card at ``card_path``, its model file beside it.

    Raises :class:`ModelError` for a missing or foreign card, a model file whose
    SHA-256 is not the card's, or a gazetteer other than the one it was trained with.
    """
    try:
        card = json.loads(Path(card_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: cannot read the name recogniser's card ({error})") from None
    if not isinstance(card, dict) or (card.get("format"), card.get("format_version")) != (FORMAT, FORMAT_VERSION):
        raise ModelError(f"{card_path}: not a framing name recogniser (format {FORMAT!r} version {FORMAT_VERSION})")
    model = _model_bytes(Path(card_path), card)
    recorded = card.get("lexicons", {}).get(PLACES)
    if recorded != _lexicon_version(PLACES):
        raise ModelError(
            f"{card_path}: trained with gazetteer {PLACES} {recorded!r}, but this framing has "
            f"{_lexicon_version(PLACES)!r}; retrain with {card.get('training', {}).get('command', 'benchmarks/fit_ner.py')}"
        )
    import pycrfsuite  # here, not at the top: `import framing` must not load CRFsuite

    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return Recogniser(tagger, card, places(), model)


def _model_bytes(card_path: Path, card: dict[str, Any]) -> bytes:
    """The model file named by the card, read once and checked against its SHA-256."""
    name = card.get("files", {}).get("model") if isinstance(card.get("files"), dict) else None
    if not isinstance(name, str) or Path(name).name != name:
        raise ModelError(f"{card_path}: the card's files.model must be a file name beside the card, not {name!r}")
    try:
        data = (card_path.parent / name).read_bytes()
    except OSError as error:
        raise ModelError(f"{card_path}: cannot read the model file {name!r} ({error})") from None
    expected = card.get("sha256", {}).get("model") if isinstance(card.get("sha256"), dict) else None
    if hashlib.sha256(data).hexdigest() != expected:
        raise ModelError(
            f"{card_path}: {name} does not match the SHA-256 in its card (edited or replaced); "
            "reinstall framing or retrain with benchmarks/fit_ner.py"
        )
    return data


def _lexicon_version(filename: str) -> str:
    from .lexicons import checksum, manifest

    return f"{manifest()[filename]['version']} (sha256 {checksum(filename)[:12]})"


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
    bylines, captions and boilerplate are not, and neither is a dateline
    ("MOSCOW (Reuters) -") opening a paragraph. A possessive 's is never part of
    a name ("Putin's" gives "Putin"). ``recogniser`` defaults to the shipped one.
    """
    model = recogniser or shipped_recogniser()
    tagged = [s for s in doc.sentences if s.kind in TAGGED_SENTENCES and s.token_start < s.token_end]
    views = [_tagging_words(doc.norm, doc.tokens[s.token_start : s.token_end]) for s in tagged]
    views = [(_headline_in_capitals(words) if s.kind != "body" else words, spans) for s, (words, spans) in zip(tagged, views)]
    context = document_context(words for words, _ in views)
    mentions: list[Mention] = []
    for sentence, (words, spans) in zip(tagged, views):
        mentions.extend(_sentence_mentions(doc, sentence, words, spans, model.tag(words, context)))
    return tuple(mentions)


def _sentence_mentions(
    doc: Doc, sentence: Sentence, words: Sequence[str], spans: Sequence[tuple[int, int]], tags: Sequence[str]
) -> Iterable[Mention]:
    skip_to = _dateline_end(doc, sentence)
    for first, end, kind in decode(tags):
        while end > first and words[end - 1] in ("'s", "'"):
            end -= 1
        start = spans[first][0]
        if end > first and start >= skip_to:
            stop = spans[end - 1][1]
            yield Mention(start, stop, doc.text[start:stop], sentence.index, KIND_OF_TYPE[kind])


def _tagging_words(norm: str, tokens: Sequence[Token]) -> tuple[list[str], list[tuple[int, int]]]:
    """The words the CRF sees and their spans: framing's tokens, with "Mr" "." read as CoNLL's "Mr.".

    framing splits the full stop off a short abbreviation or an initial ("Mr.",
    "Gen.", "J."); CoNLL, which the model learnt from, keeps it on, and a lone
    stop inside a name reads to the model like the end of a sentence.
    """
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        word = norm[token.start : token.end]
        if word == "." and 0 < i < last and spans[-1][1] == token.start and _ABBREVIATION.match(words[-1]):
            words[-1] += "."
            spans[-1] = (spans[-1][0], token.end)
        else:
            words.append(word)
            spans.append((token.start, token.end))
    return words, spans


def _headline_in_capitals(words: list[str]) -> list[str]:
    """A Title Case headline's words in capitals, as CoNLL's headlines are written.

    In "Putin Visits Syria to Claim Victory Over ISIS" capitals mark every
    long word, not names; read in capitals, the model leans on the words and on
    how the article's prose writes them (:class:`DocumentContext`) instead.
    """
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.8 * len(long_words):
        return [w.upper() for w in words]
    return words


def _dateline_end(doc: Doc, sentence: Sentence) -> int:
    """Where a dateline opening the sentence ends (the sentence's start when there is none)."""
    paragraph = doc.paragraphs[sentence.paragraph] if sentence.paragraph < len(doc.paragraphs) else None
    if paragraph is None or paragraph.start != sentence.start:
        return sentence.start
    match = _DATELINE.match(doc.norm, sentence.start, sentence.end)
    return match.end() if match else sentence.start
