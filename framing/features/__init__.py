"""The feature families, one module each, run in this order on every Doc.

A family module exposes ``FAMILY`` (its name, the prefix of its feature keys),
``FEATURE_NAMES`` (every key it returns, listed once) and
``extract(doc) -> FamilyResult``, a pure and total function: empty or one-word
text gives zeros, never NaN or an exception. A family that tells the reporter's
voice from a source's (hedging, loaded wording) also takes ``reported``: the
content spans of the article's attributed statements, found once by the
attribution family (:func:`reported_speech`), so that a cue in indirect speech
(*the diplomat said Russia might ...*) belongs to the speaker even without
quotation marks; its evidence names the speaker (``attrs["speaker"]``). A family that tells the
reporter's words from quoted ones (``READS_VOICE``: hedging, loaded wording)
makes attribution run first; in a text whose quotation marks were lost
(:func:`lost_quotation_marks`) it reads the direct speech as quoted, as it
would with the marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from itertools import accumulate
from dataclasses import dataclass, replace
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from ..lexicons import stop_words
from ..types import END, QUOTED, START, Attribution, Doc, Evidence, FamilyResult, Span, Token

if TYPE_CHECKING:
    from ..entities import Mention
    from ..tagger import CueTagger, LoadedTagger

FAMILY_MODULES: tuple[str, ...] = ("readability", "tone", "hedging", "attribution", "loaded")


@cache
def _modules() -> tuple[ModuleType, ...]:
    return tuple(import_module(f"{__name__}.{name}") for name in FAMILY_MODULES)


def families() -> dict[str, ModuleType]:
    """Family name -> module, in the order they run."""
    return {m.FAMILY: m for m in _modules()}


def feature_names() -> tuple[str, ...]:
    """Every feature key the families produce, in a fixed order."""
    return tuple(name for m in families().values() for name in m.FEATURE_NAMES)


def extract_all(
    doc: Doc,
    names: Sequence[str] | None = None,
    *,
    tagger: CueTagger | None = None,
    loaded_tagger: LoadedTagger | None = None,
    mentions: Sequence[Mention] | None = None,
) -> dict[str, FamilyResult]:
    """Run the named families (all by default) on ``doc``, in registry order.

    Attribution runs first when a voice-aware family needs its reported speech;
    ``tagger`` is its optional cue tagger and ``loaded_tagger`` the loaded
    family's optional word tagger (:mod:`framing.tagger`). ``mentions`` are
    the article's names, which the loaded family's actor references rest on
    (found there when not given).
    """
    modules = {n: m for n, m in families().items() if names is None or n in names}
    reported: tuple[Span, ...] = ()
    speakers: tuple[str, ...] = ()
    done: dict[str, FamilyResult] = {}
    voiced = doc
    if any(getattr(m, "READS_VOICE", False) for m in modules.values()):
        attribution = families()["attribution"].extract(doc, tagger=tagger)
        speech = reported_speech(doc, attribution.attributions)
        reported, speakers = tuple(s for s, _ in speech), tuple(w for _, w in speech)
        lost = lost_quotation_marks(doc, attribution.attributions)
        if lost is not None:
            voiced = _quoted_within(doc, lost.speech)
            attribution = replace(attribution, warnings=(*attribution.warnings, lost.warning(doc)))
        if "attribution" in modules:
            done["attribution"] = attribution
    results = {}
    for name, module in modules.items():
        if name in done:
            results[name] = done[name]
        elif name == "attribution":
            results[name] = module.extract(voiced, tagger=tagger)
        elif name == "loaded":
            results[name] = module.extract(voiced, tagger=loaded_tagger, reported=reported, mentions=mentions)
        elif getattr(module, "USES_REPORTED_SPEECH", False):
            results[name] = module.extract(voiced, reported=reported)
        else:
            results[name] = module.extract(voiced)
        if reported and getattr(module, "READS_VOICE", False) and name != "attribution":
            results[name] = _with_speakers(results[name], reported, speakers)
    return results


# A participle that goes on relaying the same speaker: "quoted Assad as thanking Putin, saying ..."
# (the reporter's own distancing participles, "claiming", are cues of attributions of their own)
_RELAYING = re.compile(r"\s*,?\s*(?:saying|adding|calling|describing)\b")


def reported_speech(doc: Doc, attributions: Sequence[Attribution]) -> tuple[tuple[Span, str], ...]:
    """Each attributed statement's content with its speaker's name as written.

    A content followed by a relaying participle (", saying the blood of
    Moscow's martyrs ...") runs on to its sentence's end: the clause is the
    same speaker's. The speaker of relayed speech (*state television quoted
    Assad as ...*) is the one quoted, else the attribution's source.
    """
    found = []
    for a in attributions:
        if a.content is None:
            continue
        speaker = str(a.attrs.get("quoted_person") or (a.source.text if a.source is not None else ""))
        found.append((a.content, speaker))
        relaying = _RELAYING.match(doc.text, a.content.end)
        if relaying and 0 <= a.sentence < len(doc.sentences) and relaying.end() < doc.sentences[a.sentence].end:
            start, end = relaying.end(), doc.sentences[a.sentence].end
            found.append((Span(start, end, doc.text[start:end]), speaker))
    return tuple(found)


_LOOK_BACK = 32  # statements looked at once one holds the word: deeper nesting than this is not met in news


def _with_speakers(result: FamilyResult, reported: Sequence[Span], speakers: Sequence[str]) -> FamilyResult:
    """The family's reported-speech evidence naming whose words they are (``attrs["speaker"]``)."""

    order = sorted(range(len(reported)), key=lambda i: reported[i].start)
    starts = [reported[i].start for i in order]

    def speaker(e: Evidence) -> str:
        # statements starting at or before the word, nearest first: the innermost one holding it starts
        # latest, so once one holds it only a few more are looked at (statements rarely nest deeper)
        inside: list[tuple[int, int]] = []
        looked = 0
        for j in range(bisect.bisect_right(starts, e.start) - 1, -1, -1):
            s = reported[order[j]]
            if e.end <= s.end:
                inside.append((s.end - s.start, order[j]))
            looked += bool(inside)
            if looked > _LOOK_BACK:
                break
        return speakers[min(inside)[1]] if inside else ""  # the innermost statement, the first of equals

    return replace(result, evidence=tuple(
        replace(e, attrs={**e.attrs, "speaker": speaker(e)}) if e.attrs.get("voice") == "reported" else e
        for e in result.evidence
    ))


# A wire story often ends on a quote: the last attribution, then at most this many sentences of its speech.
# On PolNeAR stripped of its marks (benchmarks/eval_lost_quotes.py --limits) one and two score alike on the
# tuning part; one, because giving a reporter's sentence to a speaker is the worse error.
CLOSING_QUOTE_SENTENCES = 1

# "..., said Putin": how a direct quote is attributed, after its words
_QUOTING = frozenset({"say", "tell", "add"})
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|we|We|you|You|my|My|our|Our|your|Your|us|me)\b")
_LOST_APOSTROPHE = re.compile(r"\b[A-Z][a-z]+ s\b")  # "Russia s help": the apostrophe of 's lost


@dataclass(frozen=True, slots=True)
class LostQuotes:
    """A text whose quotation marks were lost, and the speech found in it without them.

    ``statements`` are the attributions made after their words ("..., said
    Putin"); ``speech`` their words, plus the unattributed sentences that must
    be the same speech: one between two such statements, one in the first or
    second person right after one ("The Motherland awaits you."), and the
    article's last sentence when its last attribution is such a statement
    and it does not name its source (a wire story's closing quote).
    ``apostrophe`` is a lost apostrophe seen in the text ("Moscow s"), if any;
    ``closing`` the closing sentences in ``speech``, kept apart so that their
    rule can be measured alone (``benchmarks/eval_lost_quotes.py``).
    """

    statements: tuple[Attribution, ...]
    speech: tuple[Span, ...]
    apostrophe: str | None
    closing: tuple[Span, ...] = ()

    def warning(self, doc: Doc) -> str:
        """What the reader is told: the speech is read as quoted, but where a quote ends is inferred."""
        shown = next((a for a in self.statements if a.content is not None
                      and _FIRST_OR_SECOND_PERSON.search(a.content.text)), self.statements[0])
        start = shown.content.start if shown.content is not None else shown.cue.start
        example = " ".join(doc.text[start:shown.cue.end].split())
        if len(example) > 80:
            example = "..." + example[-77:]
        apostrophes = f"; apostrophes are missing too (\u201c{self.apostrophe}\u201d)" if self.apostrophe else ""
        return (
            f"no quotation marks in the text, yet {len(self.statements)} statement(s) are attributed after "
            f"their words (\u201c{example}\u201d){apostrophes}: the marks were probably lost in copying; those "
            f"statements and {len(self.speech) - len(self.statements)} sentence(s) continuing them are read as "
            "quoted speech, but where a quote ends is inferred, so the split of hedges and loaded words "
            "between the reporter and the speakers may be off"
        )


def lost_quotation_marks(
    doc: Doc, attributions: Sequence[Attribution], closing_limit: int = CLOSING_QUOTE_SENTENCES
) -> LostQuotes | None:
    """The text's lost quotation marks, or None when it has its marks or needs none.

    A text with no quotation mark at all, two or more statements attributed
    after their words with *say*, *tell* or *add*, and either first- or
    second-person words in them or an apostrophe lost ("Russia s"), was
    copied from a page or feed that dropped its marks (the Reuters seed).
    Third-person indirect speech ("..., the health ministry said") is not.
    """
    if doc.quotes:
        return None
    after = tuple(
        a for a in attributions
        if a.content is not None and a.content.end <= a.cue.start and a.attrs.get("verb") in _QUOTING
    )
    lost = _LOST_APOSTROPHE.search(doc.text)
    spoken = any(_FIRST_OR_SECOND_PERSON.search(a.content.text) for a in after if a.content is not None)
    if len(after) < 2 or not (lost or spoken):
        return None
    contents = [a.content for a in after if a.content is not None]
    continued = _unattributed_speech(doc, contents, attributions)
    closing = _closing_quote(doc, attributions, after, (*contents, *continued), closing_limit)
    return LostQuotes(after, (*contents, *continued, *closing), lost.group() if lost else None, closing)


def _unattributed_speech(doc: Doc, contents: Sequence[Span], attributions: Sequence[Attribution]) -> tuple[Span, ...]:
    """Body sentences with no cue of their own that continue a statement made after its words."""
    speech = SpanIndex(contents)

    def holds_speech(sentence_index: int) -> bool:
        sentence = doc.sentences[sentence_index]
        return speech.overlaps(sentence.start, sentence.end)

    cued = {a.sentence for a in attributions}
    found = []
    for sentence in doc.body:
        i = sentence.index
        if i in cued or holds_speech(i) or i == 0:
            continue
        after_speech = holds_speech(i - 1)
        before_speech = i + 1 < len(doc.sentences) and holds_speech(i + 1)
        if after_speech and (before_speech or _FIRST_OR_SECOND_PERSON.search(sentence.text)):
            found.append(Span(sentence.start, sentence.end, sentence.text))
    return tuple(found)


_NAME = re.compile(r"\b[A-Z]\w+")


def _closing_quote(
    doc: Doc, attributions: Sequence[Attribution], after: Sequence[Attribution], speech: Sequence[Span],
    limit: int = CLOSING_QUOTE_SENTENCES,
) -> tuple[Span, ...]:
    """The article's last body sentences when they continue its last attribution, made after its words.

    At most ``limit`` body sentences may follow the statement, with no
    subhead between (credit lines and boilerplate are skipped), and none may name
    the source: a speaker does not name themself ("Putin is keen to ..."
    after "..., Putin told the servicemen." is the reporter's). A source
    that names nobody ("a European diplomat", "analysts") cannot be checked.
    """
    last = max(attributions, key=lambda a: a.cue.start)
    if last not in after:
        return ()
    rest = [s for s in doc.sentences if s.start >= last.cue.end and s.kind in ("body", "subhead")]
    if not rest or len(rest) > limit or any(s.kind == "subhead" for s in rest):
        return ()
    source = last.source.text if last.source is not None else ""
    names = {w for w in _NAME.findall(source) if w.lower() not in stop_words()}
    if any(names & set(_NAME.findall(s.text)) for s in rest):
        return ()
    return tuple(Span(s.start, s.end, s.text) for s in rest
                 if not any(p.start < s.end and s.start < p.end for p in speech))


def _quoted_within(doc: Doc, speech: Sequence[Span]) -> Doc:
    """``doc`` with the tokens inside ``speech`` marked quoted, as if their marks were there."""
    inside = SpanIndex(speech)
    return replace(doc, tokens=tuple(
        _marked_quoted(t) if not t[QUOTED] and inside.covers(t[START], t[END]) else t for t in doc.tokens
    ))


def _marked_quoted(token: Token) -> Token:
    start, end, text, lower, sentence, _, is_word = token
    return (start, end, text, lower, sentence, True, is_word)


class SpanIndex:
    """Spans (overlapping or nested) asked, in log time, whether one covers, touches or lies in a range.

    A long article has thousands of attributed statements and thousands of
    cues and tokens to test against them; testing every span for each made
    those stages quadratic in the article's length.
    """

    __slots__ = ("_starts", "_reach", "_nearest")

    def __init__(self, spans: Iterable[Span | Evidence]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [start for start, _ in ordered]
        # the furthest end among the spans starting at or before each one
        self._reach = list(accumulate((end for _, end in ordered), max))
        # the nearest end among the spans starting at or after each one
        self._nearest = list(accumulate((end for _, end in reversed(ordered)), min))[::-1]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside one of the spans."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether one of the spans shares a character with ``start:end``."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start

    def within(self, start: int, end: int) -> bool:
        """Whether one of the spans lies inside ``start:end``."""
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._nearest[i] <= end
