"""The one place text is cleaned, split and tokenised.

``build_doc`` turns an article's text into a :class:`~framing.types.Doc` once;
every feature family reads that same value. Offsets always index the original
text: normalisation only replaces characters one for one (curly quotes to
straight, dashes to hyphens, odd spaces to spaces), never inserts or deletes.

Sentence splitting uses ``sentencex`` (Wikimedia's rule-based segmenter, a
compiled extension): it is lossless (segments concatenate back to the input, so
offsets are exact), keeps a quoted passage with its attribution, runs offline,
and splits 100 news articles in about 10 ms where pysbd needs 1.8 s and
syntok 0.4 s on this machine (measured with ``benchmarks/throughput.py``'s
corpus).

Real articles are messy. Blocks (paragraphs or lines) that are not article
prose, such as headlines, subheads, bylines, photo captions with credits,
newsletter boxes and a headline repeated at the end, are kept as sentences of
their own ``kind`` so that offsets stay whole, but the families count only
``body`` sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, repeat
from operator import itemgetter

import sentencex

from .errors import AnalysisError
from .lexicons import load_table
from .names import abbreviations
from .outlets import is_news_outlet
from .types import IS_WORD, LOWER, Doc, Quote, Sentence, SentenceKind, Span, Token

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ", "\t": " ", "\x0b": "\n",
        "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\x00": " ",
        # Every other space that Unicode calls white space: sentencex panics on a capital, one of
        # them and a full stop ("U\u3000."), so none may reach it. U+0085 (NEL) becomes a space,
        # not a line break: it is most often cp1252's ellipsis read as latin-1.
        "\u0085": " ", "\u1680": " ", "\u205f": " ", "\u3000": " ",
        **{chr(c): " " for c in range(0x2000, 0x200B)},
    }
)

_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _fold(match: re.Match[str]) -> str:
    return str(_FOLD[ord(match.group())])
_TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"            # abbreviations: U.S., U.N.
    r"|\d+(?:[.,:]\d+)*%?"           # numbers: 4,408  3.5  27%
    r"|[^\W_]+(?:-[^\W_]+)*(?:'(?!s\b)[^\W_]+)?"  # words, hyphenated, don't
    r"|'s\b"                         # possessive 's as its own token
    r"|\S"                           # any other mark
)
_TOKEN = re.compile(_TOKEN_PATTERN)
# Every non-space character belongs to a token, so tokens are separated by
# whitespace alone: a token with the space before it gives both its offsets.
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN_PATTERN})")
_GLUED = re.compile(r"^([a-z]{2,})([A-Z][a-z]+)$")  # "thatSyrian": a lost space
# a glued word holds two lower-case letters, a capital and a lower-case letter ("atSy"), so a sentence without them
# has none; "McCain" and "iPhone" have no such run and keep the sentence on the quick path
_MAY_BE_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
_TERMINAL_MARKS = ".!?:;\"')]\u2026"
_TERMINAL = re.compile("[" + re.escape(_TERMINAL_MARKS) + r"]\s*$")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[^\W_]+")
_IS_WORD = itemgetter(IS_WORD)  # summed over tokens without a Python step per token
_LOWER = itemgetter(LOWER)

# Page furniture (share and newsletter lines, dates and times, "Listen Live"): patterns as data, matched
# against a whole block (a paragraph, or a line in one-sentence-per-line text).
_FURNITURE_LINE_WORDS = 16  # a "line" pattern must be the whole block, and furniture is short (dates count many)


class _Caseless:
    """A case-insensitive pattern that reads ASCII text lower-cased with a case-sensitive copy of itself.

    Python's ``re`` cannot skip ahead to a pattern's first letters when it
    ignores case, so it tries every position of a block; the lower-cased block
    and the case-sensitive copy are read about four times faster. The rows are
    written in lower case, with no letter outside ASCII that ignoring case folds
    to one inside it (a test holds it), so on ASCII text both find the same. Other
    text keeps the case-insensitive pattern, since ``str.lower`` does not fold
    every letter as ``re`` does ("\u017f" is an "s" to it).
    """

    def __init__(self, pattern: str) -> None:
        self._cased = re.compile(pattern)
        self._caseless = re.compile(pattern, re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        """The pattern occurs somewhere in ``text``."""
        if text.isascii():
            return self._cased.search(text.lower()) is not None
        return self._caseless.search(text) is not None

    def is_whole(self, text: str) -> bool:
        """The pattern matches all of ``text``."""
        if text.isascii():
            return self._cased.fullmatch(text.lower()) is not None
        return self._caseless.fullmatch(text) is not None


@cache
def _furniture() -> dict[str, _Caseless]:
    """The boilerplate patterns of each scope (start, line, anywhere, links), the rows of a scope as one pattern.

    A "links" row is a furniture line that labels a list of links ("Related Articles", "Read more"), so
    it is a "line" pattern too.
    """
    rows = load_table("boilerplate.v1.tsv")
    scopes = {"start": ("start",), "line": ("line", "links"), "anywhere": ("anywhere",), "links": ("links",)}
    alternatives = {name: "|".join(f"(?:{r['pattern']})" for r in rows if r["scope"] in wanted)
                    for name, wanted in scopes.items()}
    return {
        "start": _Caseless(rf"^(?:{alternatives['start']})"),
        "line": _Caseless(rf"(?:{alternatives['line']})[.!]?"),
        "anywhere": _Caseless(alternatives["anywhere"]),
        "links": _Caseless(rf"(?:{alternatives['links']})[.:]?"),
    }


def _is_furniture_line(block: str, words: int) -> bool:
    return words <= _FURNITURE_LINE_WORDS and _furniture()["line"].is_whole(block.strip())


# a byline, which may name its agency after a bar ("By Tom Perry and Jack Stubbs | Reuters"); each word is
# preceded by spaces and at most one bar, so no run of spaces can be split two ways
_BYLINE = re.compile(
    r"^(by\s+[A-Z][\w.'-]*(\s+(?:[|/\u00b7\u2022]\s*)?[\w.'-]+){0,6}|"
    r"with files from\b.*|contributing:.*|"
    r"\(?(additional )?(reporting|writing|editing) by\b.*)$",
    re.IGNORECASE,
)
# A photo credit: "(Photo: AFP)" or "(Reuters/John Smith)" closing the block, or a label opening it
_CREDIT_IN_PARENS = re.compile(
    r"\((?:[^()]*/[^()]*|[^()]*\b(?:photo|getty|reuters|afp|associated press|ap|epa)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile(r"^(photo|photograph|image|picture)\s*(:|credit)", re.IGNORECASE)
# "ALEXANDER ZEMLIANICHENKO/AFP/Getty Images": capitals are the signal, so no IGNORECASE
_AGENCY_CREDIT = re.compile(r"\b[A-Z]{2,}(?:[ -][A-Z]{2,})*/[A-Za-z]+(?:[/ ][A-Za-z]+)*\s*$")


# A block: (start, end, paragraph). A plain tuple of ints, which the garbage collector stops
# tracking at its first pass: a text of many short lines has a block for every line.
_Block = tuple[int, int, int]


def normalise(text: str) -> str:
    """Fold quotes, dashes and spaces one character for one, keeping offsets."""
    # str.translate looks up every character of a non-ASCII text in the table;
    # the few characters to fold are found faster by a regular expression.
    folded = _SURROGATE.sub("\ufffd", _FOLDABLE.sub(_fold, text))  # unencodable halves
    # "\r\n" -> " \n" and a lone "\r" -> "\n": same length, one line break each.
    if "\r" in folded:
        folded = re.sub(r"\r(?!\n)", "\n", folded).replace("\r", " ")
    return folded


def build_doc(text: str) -> Doc:
    """Process an article's text once into the shared document model."""
    norm = normalise(text)
    paragraphs, blocks = _blocks(norm)
    kinds = _classify_blocks(norm, blocks)
    quotes = _find_quotes(text, norm, paragraphs)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    covered = _merge(quotes)
    for (block_start, block_end, paragraph), kind in zip(blocks, kinds):
        for start, end in _split_sentences(norm, block_start, block_end):
            index = len(sentences)
            token_start = len(tokens)
            tokens.extend(_tokenise(text, norm, start, end, index, covered))
            sentences.append(
                Sentence(index, start, end, text[start:end], paragraph,
                         kind, token_start, len(tokens))
            )
    body = tuple(s for s in sentences if s.kind == "body")
    return Doc(
        text=text,
        norm=norm,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        quotes=tuple(quotes),
        paragraphs=tuple(Span(s, e, text[s:e]) for s, e in paragraphs),
        body=body,
        words_in_body=sum(sum(map(_IS_WORD, tokens[s.token_start : s.token_end])) for s in body),
        lowers=tuple(map(_LOWER, tokens)),
    )


def _blocks(norm: str) -> tuple[list[tuple[int, int]], list[_Block]]:
    """Paragraphs (split on blank lines) and the blocks sentences may not cross.

    A single line break ends a block too, unless the text looks hard-wrapped
    there: the line has no closing punctuation and the next starts in lower case.
    """
    paragraphs: list[tuple[int, int]] = []
    blocks: list[_Block] = []
    for match in re.finditer(r"[^\n]+(?:\n[ ]*[^\n ][^\n]*)*", norm):
        start, end = _strip(norm, match.start(), match.end())
        if start >= end:
            continue
        paragraph = len(paragraphs)
        paragraphs.append((start, end))
        block_start = start
        for line in re.finditer(r"\n", norm[start:end]):
            cut = start + line.start()
            following = _NON_SPACE.search(norm, cut + 1, end)  # where the next line's text starts
            if (following is not None and not _ends_sentence(norm, block_start, cut)
                    and following.group().islower() and not _starts_furniture_line(norm, following.start(), end)):
                continue
            blocks += _unglued(norm, *_strip(norm, block_start, cut), paragraph)
            block_start = cut + 1
        blocks += _unglued(norm, *_strip(norm, block_start, end), paragraph)
    return paragraphs, [b for b in blocks if b[0] < b[1]]


# a clock time right before a title ("10:35PMChris", "9:33PM The", "9:12PMCNN", "8:35PM'There"; not a time zone,
# "7:01 PM ET"): where a page's furniture, glued to a title, may end
_TIME_BEFORE_TITLE = re.compile(r"\d{1,2}:\d{2} ?[AP]M(?= ?(?!(?:[ECMP][SD]?T|GMT|BST|UTC)\b)['\"\u2018\u201c]?[A-Z])")


def _unglued(norm: str, start: int, end: int, paragraph: int) -> list[_Block]:
    """The block, cut after each clock time whose text since the last cut is page furniture glued to the title
    after it: a live blog's "Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016
    10:35PMChris Christie Says He Would Issue A Quarantine", whose title is the reporter's own line. A block that
    is furniture from its start ("Published 7:01 PM Eastern Time") stays whole."""
    times = list(_TIME_BEFORE_TITLE.finditer(norm, start, end)) if norm.find(":", start, end) >= 0 else []
    whole = norm[start:end] if times else ""
    if not times or _furniture()["start"].found_in(whole) or _is_furniture_line(whole, len(_WORD.findall(whole))):
        return [(start, end, paragraph)]
    blocks, cut = [], start
    for time in times:
        piece = norm[cut : time.end()]
        if _block_kind(piece, len(_WORD.findall(piece))) == "boilerplate":
            blocks.append((cut, time.end(), paragraph))
            cut, _ = _strip(norm, time.end(), end)
    return [*blocks, (cut, end, paragraph)]


def _starts_furniture_line(norm: str, start: int, end: int) -> bool:
    """The line starting at ``start`` is page furniture ("date 2017-12-11 Russia"), so no wrapped line joins it."""
    line_end = norm.find("\n", start, end)
    line = norm[start : end if line_end < 0 else line_end]
    return _is_furniture_line(line, len(_WORD.findall(line)))


def _ends_sentence(norm: str, start: int, end: int) -> bool:
    """``norm[start:end]`` ends in closing punctuation (``_TERMINAL``), read back from its end.

    A line is tested at every line break, so reading the whole block so far
    (a hard-wrapped paragraph keeps growing) would be quadratic in its length.
    """
    while end > start and norm[end - 1].isspace():
        end -= 1
    return end > start and norm[end - 1] in _TERMINAL_MARKS


def _strip(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def _classify_blocks(norm: str, blocks: list[_Block]) -> list[SentenceKind]:
    """Tell article prose from headline, subheads, bylines, captions, boilerplate."""
    texts = [norm[start:end] for start, end, _ in blocks]
    # counted once, read by every test below; ints, not lists of words, so that a text of many
    # short lines keeps no container per block alive for the garbage collector to walk
    words = [len(_WORD.findall(t)) for t in texts]
    kinds: list[SentenceKind] = [_block_kind(t, n) for t, n in zip(texts, words)]
    # the headline is the first block that is not page furniture ("Listen Live" may stand above it)
    top = next((i for i, kind in enumerate(kinds) if kind != "boilerplate"), 0)
    if blocks and kinds[top] == "body" and _looks_like_heading(texts[top], words[top], limit=25):
        kinds[top] = "headline"
    for i in range(top + 1, len(blocks)):
        if kinds[i] == "body" and _looks_like_heading(texts[i], words[i], limit=10):
            kinds[i] = "subhead"
    first = texts[top].strip().lower() if texts else ""
    for i in range(top + 1, len(blocks)):
        if texts[i].strip().lower() == first and kinds[top] == "headline":
            kinds[i] = "boilerplate"  # the headline repeated at the end
    _mark_repeated_summaries(texts, words, kinds)
    _mark_page_top(texts, words, kinds)
    _mark_embedded_posts(texts, words, kinds)
    _mark_link_lists(texts, words, kinds)
    if "body" not in kinds:
        # a text that is only headline-like lines (a one-liner, unpunctuated notes) is the article
        kinds = ["body" if k in ("headline", "subhead") else k for k in kinds]
    return kinds


def _block_kind(block: str, words: int) -> SentenceKind:
    furniture = _furniture()
    if (furniture["start"].found_in(block) or (words < 80 and furniture["anywhere"].found_in(block))
            or _is_furniture_line(block, words)):
        return "boilerplate"
    if words <= 12 and (_BYLINE.match(block) or _byline_naming_an_outlet(block)):
        return "byline"
    if words < 80 and _has_credit(block):
        return "caption"
    return "body"


# "By Jane Doe and Isaac Stanley-Becker, Washington Post": names, a comma, then what may be an outlet
_BYLINE_AND_OUTLET = re.compile(r"[Bb]y\s+[A-Z][\w.'-]*(?: [\w.'-]+){0,6}, (?P<outlet>[^,\n]{2,40}?)\s*")


def _byline_naming_an_outlet(block: str) -> bool:
    """A byline whose last part, after a comma, is an outlet framing knows ("By John Smith, CNN"); a
    heading that starts the same way ("By Any Measure, Obama Failed") names none."""
    found = _BYLINE_AND_OUTLET.fullmatch(block.strip())
    return found is not None and is_news_outlet(found.group("outlet"))


def _has_credit(block: str) -> bool:
    """A photo or agency credit; each pattern runs only where its fixed characters are."""
    return bool(
        (block.rstrip().endswith(")") and _CREDIT_IN_PARENS.search(block))
        or _CREDIT_LABEL.match(block)
        or ("/" in block and _AGENCY_CREDIT.search(block))
    )


def _looks_like_heading(block: str, words: int, *, limit: int) -> bool:
    """A single short line without closing punctuation, like a headline."""
    return "\n" not in block and 0 < words <= limit and not _TERMINAL.search(block)


_SUMMARY_BLOCKS = 3  # a standfirst sits among the first blocks of a page


def _mark_repeated_summaries(texts: list[str], words: list[int], kinds: list[SentenceKind]) -> None:
    """A summary (standfirst) that the article repeats later is not counted twice.

    Only the first few blocks can be a standfirst; an article that repeats
    itself further down (wire copy often does) keeps both sentences. A later
    block's words are gathered only when a standfirst is compared with it, and
    only when it can hold enough of them (:func:`_may_repeat`).
    """
    vocab: dict[int, frozenset[str]] = {}

    def words_of(i: int) -> frozenset[str]:
        if i not in vocab:
            vocab[i] = frozenset(map(str.lower, _WORD.findall(texts[i])))
        return vocab[i]

    for i in range(min(_SUMMARY_BLOCKS, len(texts))):
        if kinds[i] != "body" or len(summary := words_of(i)) < 8:
            continue
        needed = 0.8 * len(summary)
        probes = _probes(summary, needed)
        for j in range(i + 1, len(texts)):
            if (kinds[j] == "body" and _may_repeat(texts[j], words[j], needed, probes)
                    and len(summary & words_of(j)) >= needed):
                kinds[i] = "headline"
                break


def _probes(summary: frozenset[str], needed: float) -> tuple[str, ...]:
    """One more of the summary's words than a block repeating it may lack: its longest, the rarest in text."""
    # the same float test as the comparison itself, so that rounding cannot set the two apart
    may_lack = next(n for n in range(len(summary), -1, -1) if len(summary) - n >= needed)
    return tuple(sorted(summary, key=lambda w: (-len(w), w))[: may_lack + 1])


def _may_repeat(block: str, words: int, needed: float, probes: tuple[str, ...]) -> bool:
    """Whether a block can hold ``needed`` of a summary's words: it has that many, and (ASCII) holds one of
    its ``probes`` at least inside another word. The test before its words are gathered, a tokenisation."""
    if words < needed:
        return False
    if not block.isascii():
        return True
    lower = block.lower()
    return any(p in lower for p in probes)


def _mark_page_top(texts: list[str], words: list[int], kinds: list[SentenceKind]) -> None:
    """Standfirsts and straplines above the article proper are not its prose.

    A block above the byline (the Guardian's one-sentence standfirst over "By The
    Guardian") and an unpunctuated line of up to 25 words above the first
    punctuated paragraph (CBC's strapline *'The motherland is proud of you,'
    president told ...*) are headline material. Only the first few blocks are
    looked at, so a byline at the foot of an article changes nothing.
    """
    top = kinds[:_SUMMARY_BLOCKS + 1]
    if "byline" in top:
        for i in range(top.index("byline")):
            if kinds[i] == "body":
                kinds[i] = "headline"
    for i, kind in enumerate(top):
        if kind == "body" and _TERMINAL.search(texts[i]):
            return
        if kind == "body" and _looks_like_heading(texts[i], words[i], limit=25):
            kinds[i] = "subhead"


_LINK_WORDS = 20  # a link's title is a line of a headline's length


def _mark_link_lists(texts: list[str], words: list[int], kinds: list[SentenceKind]) -> None:
    """The titles listed under a label of links ("Related Articles", "Read more") are not the article's.

    Each title is a line of its own without a sentence's closing mark; the
    first block that is not (a paragraph of prose) ends the list.
    """
    links = _furniture()["links"]
    for i, text in enumerate(texts):
        if kinds[i] != "boilerplate" or not links.is_whole(text.strip()):
            continue
        for j in range(i + 1, len(texts)):
            if kinds[j] not in ("body", "subhead") or not _looks_like_heading(texts[j].strip(), words[j],
                                                                              limit=_LINK_WORDS):
                break
            kinds[j] = "boilerplate"


# a line that opens with an embedded post's signature: "— Donald J. Trump (@realDonaldTrump) August 1, 2018",
# after the post's links, tags and a quoted name in capitals ("https://t.co/x", "#RINO", "ALAN DERSHOWITZ"),
# the handle followed by the post's date as boilerplate.v1.tsv's row has it ("Follow Jane Doe (@janedoe) on
# Twitter" is no signature); each word is followed by a space, so no run of text can be split two ways
_POST_SIGNATURE = re.compile(
    r"\s*(?:(?:https?://\S+|pic\.twitter\.com/\S+|[#@]\w+|[A-Z][A-Z.'&-]+)\s+)*"
    r"(?:[-\u2013\u2014]\s*)?(?:[^\s()]+\s+){1,6}\(@\w{1,15}\)\s+"
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
)
_POST_WORDS = 80  # a post is short; a longer block before a signature is the article's own prose


def _mark_embedded_posts(texts: list[str], words: list[int], kinds: list[SentenceKind]) -> None:
    """The text of an embedded tweet is the poster's, not the article's prose.

    Its signature line is boilerplate (``boilerplate.v1.tsv``); when a block
    opens with the signature, the block right above it is the post's text (or
    its last line) and is boilerplate too, so that its words ("this Rigged
    Witch Hunt") are not counted as the reporter's.
    """
    for i in range(1, len(texts)):
        if (kinds[i] == "boilerplate" and kinds[i - 1] == "body" and words[i - 1] <= _POST_WORDS
                and _POST_SIGNATURE.match(texts[i])):
            kinds[i - 1] = "boilerplate"


@cache
def _title_before_name() -> re.Pattern[str]:
    """An abbreviated title or honorific ending a stretch ("Ms.", "Gen."): no sentence ends there.

    sentencex ends one after some of them ("When asked, Ms. | Sherry said"):
    162 sentences of the PTC and PolNeAR training texts ended in "Ms.".
    """
    forms = sorted((a.rstrip(".") for a in abbreviations()), key=lambda a: (-len(a), a))
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")\.$")


def _split_sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for piece in _segment(norm, start, end):
        s, e = _strip(norm, position, position + len(piece))
        position += len(piece)
        if s < e:
            if spans and _title_before_name().search(norm, spans[-1][0], spans[-1][1]) and norm[s].isupper():
                spans[-1] = (spans[-1][0], e)  # "When asked, Ms. | Sherry said": one sentence
            else:
                spans.append((s, e))
    return spans


# sentencex's time grows faster than the text within one call (3.6x per doubling of one
# 800 KB paragraph without spaces), so a longer block is split a window at a time
_WINDOW = 10_000


def _segment(norm: str, start: int, end: int) -> list[str]:
    """sentencex's pieces of ``norm[start:end]``, which concatenate back to it.

    A block longer than :data:`_WINDOW` is split a window at a time: every
    sentence but the window's last is kept and the next window starts at that
    last one, so the sentences are the ones a single call finds. A last
    sentence that starts in the window's first half is kept whole, which
    cuts it at the window's edge but keeps the time linear.
    """
    pieces: list[str] = []
    while end - start > _WINDOW:
        window = _segment_once(norm, start, start + _WINDOW)
        if len(window) > 1 and _WINDOW - len(window[-1]) >= _WINDOW // 2:
            window.pop()
        pieces.extend(window)
        start += sum(map(len, window))
    pieces.extend(_segment_once(norm, start, end))
    return pieces


def _segment_once(norm: str, start: int, end: int) -> list[str]:
    """sentencex's pieces of ``norm[start:end]``; a failure inside it is an :class:`AnalysisError`.

    sentencex is compiled Rust: a bug there raises a ``PanicException``, which
    is a ``BaseException`` that ``except Exception`` would let through.
    """
    try:
        return sentencex.segment("en", norm[start:end])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        raise AnalysisError(
            f"the sentence splitter failed on characters {start}-{end}: {type(error).__name__}: {error}"
        ) from error


def _tokenise(
    text: str, norm: str, start: int, end: int, sentence: int, covered: _Coverage
) -> list[Token]:
    """Tokens keep the original characters; ``lower`` is folded for matching.

    This is the hottest loop of :func:`build_doc` (a thousand tokens an
    article), so each field of the tokens is found for all of them at once by
    built-in functions (offsets from the lengths of tokens and the spaces
    between them), and the quote and glued-word tests run only where a
    sentence can need them.
    """
    if _MAY_BE_GLUED.search(norm, start, end):
        return _tokenise_glued(text, norm, start, end, sentence, covered)
    spaced = _SPACED_TOKEN.findall(norm, start, end)
    if not spaced:
        return []
    offsets = list(accumulate(map(len, chain.from_iterable(spaced)), initial=start))
    starts, ends = offsets[1::2], offsets[2::2]
    words = list(map(itemgetter(1), spaced))
    # normalisation folds characters one for one, so where it changed none the words are the text
    same = text[start:end] == norm[start:end]
    originals = words if same else list(map(text.__getitem__, map(slice, starts, ends)))
    quoted = covered.flags(starts, ends, start, end) if covered.overlaps(start, end) else repeat(False)
    is_word = map(str.isalnum, map(itemgetter(0), words))
    fields = zip(starts, ends, originals, map(str.lower, words), repeat(sentence), quoted, is_word)
    return list(fields)


def _tokenise_glued(
    text: str, norm: str, start: int, end: int, sentence: int, covered: _Coverage
) -> list[Token]:
    """:func:`_tokenise` for a sentence that may hold a word glued to the next ("thatSyrian")."""
    tokens = []
    contains = covered.contains
    for match in _TOKEN.finditer(norm, start, end):
        s, e = match.span()
        word = match.group()
        # only a word that starts in lower case and has a capital later can be glued
        glued = _GLUED.match(word) if word[:1].islower() and not word.islower() else None
        pieces = ((s, e),) if glued is None else ((s, s + glued.end(1)), (s + glued.end(1), e))
        for ps, pe in pieces:
            piece = norm[ps:pe]
            tokens.append(
                (ps, pe, text[ps:pe], piece.lower(), sentence, contains(ps, pe), piece[0].isalnum())
            )
    return tokens


@dataclass(frozen=True, slots=True)
class _Coverage:
    """Disjoint sorted intervals covered by quotes, for fast membership tests."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def flags(self, starts: list[int], ends: list[int], start: int, end: int) -> list[bool]:
        """``contains`` of each token (``starts`` and ``ends`` ascending, in ``[start, end)``), found per quote:
        the tokens a quote holds are one run, from the first starting in it to the last ending in it."""
        flags = [False] * len(starts)
        for k in range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)):
            low, high = bisect.bisect_left(starts, self.starts[k]), bisect.bisect_right(ends, self.ends[k])
            if low < high:
                flags[low:high] = [True] * (high - low)
        return flags

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any quote touches [start, end); intervals are disjoint, so ends are sorted too."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def _merge(quotes: list[Quote]) -> _Coverage:
    merged: list[list[int]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if merged and q.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], q.end)
        else:
            merged.append([q.start, q.end])
    return _Coverage(tuple(m[0] for m in merged), tuple(m[1] for m in merged))


# -- quotation marks -------------------------------------------------------

_DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}
_DOUBLE_CLOSE = {"\u201d", "\u00bb"}


def _find_quotes(
    text: str, norm: str, paragraphs: list[tuple[int, int]]
) -> list[Quote]:
    """Spans inside quotation marks, paragraph by paragraph.

    Curly marks say which way they face; straight ones alternate. A quote left
    open at the end of a paragraph runs to the paragraph's end (the newspaper
    convention for quotes continued into the next paragraph).
    """
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs:
        quotes.extend(_double_quotes(text, norm, p_start, p_end))
        quotes.extend(_single_quotes(text, norm, p_start, p_end))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


_DOUBLE_MARK = re.compile(r"\"|''|``")


def _double_quotes(text: str, norm: str, start: int, end: int) -> list[Quote]:
    """Double-quote pairs; NYT-style ``''`` and ````` ``...'' ````` count as double marks."""
    found = []
    open_at: int | None = None
    open_len = 1
    for match in _DOUBLE_MARK.finditer(norm, start, end):
        i = match.start()
        mark = text[i:match.end()]
        if len(mark) == 2 and mark not in ("''", "``"):
            continue  # two curly singles in a row: left to the single-quote pass
        if mark == "''" and open_at is None and not _opens_here(norm, i, 2):
            continue  # a stray closing pair
        opening = mark in _DOUBLE_OPEN or mark == "``" or (
            mark not in _DOUBLE_CLOSE and open_at is None)
        if mark in _DOUBLE_CLOSE and open_at is None and _opens_here(norm, i):
            opening = True  # a wrongly-curled opening mark
        if opening and open_at is None:
            open_at, open_len = i, len(mark)
        elif open_at is not None:
            found.append(_quote(text, open_at, i, match.end(), open_len))
            open_at = None
    if open_at is not None:
        found.append(_quote(text, open_at, end, None, open_len))
    return [q for q in found if q.start < q.end]


def _single_quotes(text: str, norm: str, start: int, end: int) -> list[Quote]:
    """Single-quote pairs, told apart from apostrophes by the characters around."""
    found = []
    open_at: int | None = None
    for i in _positions(norm, "'", start, end):
        if text[i - 1:i + 1] == "''" or text[i:i + 2] == "''":
            continue  # half of a straight double ''
        before = norm[i - 1] if i > start else " "
        after = norm[i + 1] if i + 1 < end else " "
        if open_at is None:
            if (before.isspace() or before in '("-[') and (after.isalnum() or after == '"'):
                open_at = i
        elif not before.isspace() and not after.isalnum():
            if i - open_at <= 400:
                found.append(_quote(text, open_at, i, i + 1))
            open_at = None
    return [q for q in found if q.start < q.end]


def _positions(text: str, char: str, start: int, end: int) -> Iterator[int]:
    """Where ``char`` occurs in ``text[start:end]``, found by ``str.find``, not a loop."""
    i = text.find(char, start, end)
    while i >= 0:
        yield i
        i = text.find(char, i + 1, end)


def _opens_here(norm: str, i: int, width: int = 1) -> bool:
    before = norm[i - 1] if i > 0 else " "
    after = norm[i + width] if i + width < len(norm) else " "
    return (before.isspace() or before in "([") and not after.isspace()


def _quote(
    text: str, open_at: int, close_at: int, close_end: int | None, open_len: int = 1
) -> Quote:
    start, end = _strip(text, open_at + open_len, close_at)
    while end > start and text[end - 1] in ", ":
        end -= 1  # the comma before a closing mark belongs to the attribution
    close = text[close_at:close_end] if close_end is not None else ""
    return Quote(start, end, text[start:end], text[open_at:open_at + open_len], close)


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Lower-cased tokens of a lexicon phrase, split exactly as articles are."""
    norm = normalise(phrase)
    return tuple(m.group().lower() for m in _TOKEN.finditer(norm))
