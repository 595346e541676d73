"""The values that flow through framing: read -> Doc -> features -> analysis.

Every value here is a frozen dataclass so that results can be shared between
feature families, processes and renderers without anyone changing them.
Character offsets (``start``/``end``) always index the article's original
text, so ``article.text[e.start:e.end] == e.text`` holds for every span.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, overload

from .names import name_key, parse_name, same_person, surname
from .records import analysis_record

SentenceKind = Literal["headline", "body", "subhead", "caption", "byline", "boilerplate"]
SourceType = Literal["person", "organisation", "anonymous", "media", "document"]
VerbStance = Literal["neutral", "endorsing", "distancing", "contesting", "accusatory"]
ActorKind = Literal["person", "organisation", "government", "group", "place"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk or given by a caller, before analysis.

    ``outlet_source`` says how the outlet was known: ``manifest``, ``metadata``,
    ``option`` (given on the command line or by the caller), ``dateline``,
    ``byline``, ``credit``, ``site`` (a web page's ``og:site_name`` or JSON-LD
    publisher), ``url`` or ``unknown``.
    """

    text: str
    source: str = "<text>"
    id: str = ""
    outlet: str = "unknown"
    outlet_source: str = "unknown"
    title: str = ""
    date: str = ""
    url: str = ""
    story: str = ""
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be turned into an article, and why."""

    source: str
    reason: str


Token = tuple[int, int, str, str, int, bool, bool]
"""A word or punctuation mark: ``(start, end, text, lower, sentence, quoted, is_word)``.

``quoted`` is True inside quotation marks. Read a field by its index below
(``token[LOWER]``) or unpack the tuple. An exact tuple, not a named tuple or a
dataclass: it is built fastest, and CPython's garbage collector stops tracking
an exact tuple of numbers and strings, so a long article's tokens are not
walked by every collection (a ``NamedTuple`` is a tuple subclass and stays
tracked: full collections made long articles superlinear, issue 19).
"""
START: Final = 0
END: Final = 1
TEXT: Final = 2
LOWER: Final = 3
SENTENCE: Final = 4
QUOTED: Final = 5
IS_WORD: Final = 6


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its place in the text and the tokens it owns.

    ``kind`` separates article prose (``body``) from headlines, subheads,
    photo captions, bylines and boilerplate, which the feature families skip.
    Tokens of the sentence are ``doc.tokens[token_start:token_end]``.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: SentenceKind
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Material inside quotation marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str


@dataclass(frozen=True, slots=True)
class Doc:
    """An article processed once: the model every feature family reads.

    ``norm`` has the same length as ``text`` with curly quotes, dashes and odd
    spaces folded to ASCII, so an offset found in ``norm`` is an offset in
    ``text``.
    """

    text: str
    norm: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[Quote, ...]
    paragraphs: tuple[Span, ...]
    body: tuple[Sentence, ...]
    """The sentences of article prose, the ones features count (found once, read by every family)."""
    words_in_body: int
    """Number of word tokens in body sentences."""
    lowers: tuple[str, ...] = ()
    """Each token's lower-cased text, in the order of ``tokens`` (what lexicon phrases are matched on);
    read from the tokens when not given."""

    def __post_init__(self) -> None:
        if len(self.lowers) != len(self.tokens):
            object.__setattr__(self, "lowers", tuple(token[LOWER] for token in self.tokens))

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_lowers(self, sentence: Sentence) -> tuple[str, ...]:
        """The lower-cased words of one sentence, read once per Doc by every lexicon."""
        return self.lowers[sentence.token_start : sentence.token_end]

    def body_words(self) -> int:
        """Number of word tokens in body sentences."""
        return self.words_in_body


@dataclass(frozen=True, slots=True)
class Evidence:
    """The text that made a count: one matched cue, label or sentence.

    ``attrs`` carries family-specific details (the matched cue, whether it was
    quoted, a score); values are str, int, float or bool so they serialise.
    """

    family: str
    label: str
    start: int
    end: int
    text: str
    sentence: int
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what, with which verb, and whether the voice doubts the claim."""

    cue: Span
    source: Span | None
    content: Span | None
    verb_stance: VerbStance
    source_type: SourceType
    skeptical: bool
    direct: bool = False
    sentence: int = -1
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone or something an article is about: a person, organisation, government, group or place.

    ``name`` is the fullest or the actor table's name ("Vladimir Putin" for "Mr
    Putin", "Vladmir Putin" and "the Russian president" in one article);
    ``group`` the actor table's group ("Russian government"), if any;
    ``mentions`` every span of the text that names it, in text order.
    ``features`` and ``evidence`` say how the article frames it (voice,
    credence, labels, tone, portrayal), filled by
    :func:`framing.actor_frames.actor_frames`; empty otherwise.
    """

    name: str
    kind: ActorKind
    group: str | None
    mentions: tuple[Span, ...]
    features: Mapping[str, float] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        """The distinct ways the article names the actor, in order of first use."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))


def group_actor(group: str, members: Sequence[Actor]) -> Actor:
    """One actor of kind "group" named ``group`` with every mention of its ``members``, in text order."""
    mentions = sorted((m for a in members for m in a.mentions), key=lambda m: (m.start, m.end))
    return Actor(group, "group", group, tuple(mentions))


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable detail an article reports: a number with its unit, or a name.

    ``key`` is what makes two articles' facts the same fact (the number's value
    and its unit; the lower-cased name), used to find what outlets leave out.
    """

    kind: Literal["number", "name"]
    key: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class FamilyResult:
    """What one feature family returns for one document."""

    features: Mapping[str, float]
    evidence: tuple[Evidence, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """The scored article: features, the evidence behind them, and warnings.

    ``sentences`` holds every sentence's span so that evidence (which names its
    sentence by index) can be shown in context; ``facts`` and ``terms`` (body
    word and two-word counts) feed the comparison of outlets; ``body`` lists the
    indices of the body sentences they were counted in. For text that is
    not English, ``not_applicable`` names the families that were not run and
    ``features`` holds only language-neutral counts. ``cue_tagger`` names the
    attribution cue tagger and ``loaded_tagger`` the loaded-word tagger when
    they were used (``analyze(text, tagger=True)``).
    """

    article: Article
    features: Mapping[str, float]
    evidence: tuple[Evidence, ...]
    attributions: tuple[Attribution, ...]
    warnings: tuple[str, ...]
    sentences: tuple[Span, ...] = ()
    facts: tuple[Fact, ...] = ()
    terms: Mapping[str, int] = field(default_factory=dict)
    language: str = "en"
    not_applicable: tuple[str, ...] = ()
    body: tuple[int, ...] = ()
    cue_tagger: str | None = None
    loaded_tagger: str | None = None
    actors: tuple[Actor, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text

    def actor(self, name: str) -> Actor | None:
        """The actor ``name`` names: its name, a way the article names it, its surname, a spelling of a
        person's full name one slip away ("Vladmir Putin", "Rudy Giulini"), or its group.

        A group ("Russian government") gives one actor that merges its members'
        mentions (of kind "group"), a member that bears its name among them; None
        when nothing in the article answers.
        """
        key = name_key(name)
        members = [a for a in self.actors if a.group is not None and name_key(a.group) == key]
        if any(name_key(a.name) != key for a in members):
            return group_actor(members[0].group or name, members)
        for actor in self.actors:
            if key in {name_key(actor.name), *(name_key(a) for a in actor.aliases)}:
                return actor
        people = [actor for actor in self.actors if actor.kind == "person"]
        for actor in people:
            if key == name_key(surname(actor.name)):
                return actor
        parts = parse_name(name)
        for actor in people:
            if parts.given and same_person(parts, actor.name):
                return actor
        return None

    def evidence_for(self, family: str) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.family == family)

    def to_dict(self) -> dict[str, Any]:
        """The article as plain data: the record ``framing score --format json`` prints for it.

        Metadata, features (rounded to six places, as in the JSON), every
        evidence item and attribution with its character span, and warnings;
        ready for ``json.dumps``.
        """
        return analysis_record(self)


@dataclass(frozen=True)
class Corpus(Sequence[Article]):
    """Articles read from one or more inputs, with the inputs that failed.

    Behaves as a sequence of articles; ``errors`` lists what could not be read.
    """

    articles: tuple[Article, ...]
    errors: tuple[ReadError, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)
