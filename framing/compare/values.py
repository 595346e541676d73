"""The values a comparison is made of: numbers, names and excerpts, with no analysis in them.

Renderers in :mod:`framing.report` read these; nothing here computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..types import ReadError

if TYPE_CHECKING:  # pandas is an optional extra, imported only by Comparison.to_frames();
    import pandas as pd  # the actor values live beside their computation

    from .actors import ActorInOutlet, ActorStandout

QUOTED_SPEECH_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A sentence from an article, with the spans to highlight (offsets into ``text``). A sentence quoted for its
    tone toward an actor also has the reading (``tone``, in [-1, 1]) and the words that moved it (``tone_words``,
    "word pull; word pull", as the tone evidence item has them)."""

    source: str
    outlet: str
    sentence: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()
    tone: float | None = None
    tone_words: str = ""


Shows = Literal["own", "longest", "shortest", "others_sources", "others_items"]
"""What a standout's evidence is: the outlet's own sentences or items that show the difference
("own"), its longest or shortest sentences ("longest", "shortest"), or, when it has fewer, the
sources only the other outlets quote ("others_sources") or the items they have ("others_items")."""


@dataclass(frozen=True, slots=True)
class Standout:
    """One outlet's noticeable difference from the story's other outlets on one index, with evidence.

    ``value`` is the outlet's mean, ``others`` the other outlets' mean and ``z``
    the difference in standard deviations. ``compared_with`` names the other
    outlets; ``shows`` says what ``evidence`` is; ``own`` is, when the evidence
    is the others', what the outlet has itself (its sources or counted items, as
    written). ``words`` are the outlet's body words in the story, ``items`` the
    counted items the difference rests on, ``shrunk_z`` the difference pulled
    toward the others for a small sample, and ``supported`` whether it meets
    the minimums of a finding (see :mod:`framing.compare.support`).
    """

    index: str
    z: float
    value: float
    others: float
    evidence: tuple[Excerpt, ...]
    outlet: str
    compared_with: tuple[str, ...]
    shows: Shows
    own: tuple[str, ...] = ()
    words: int = 0
    items: int = 0
    shrunk_z: float = 0.0
    supported: bool = False


@dataclass(frozen=True, slots=True)
class QuotedSource:
    """One source an outlet quotes or paraphrases, and how."""

    source: str
    source_type: str
    verbs: tuple[str, ...]
    stances: tuple[str, ...]
    skeptical: bool
    count: int
    example: Excerpt


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A loaded word or phrase an outlet uses, how often, and where."""

    cue: str
    category: str
    count: int
    quoted: bool
    example: Excerpt


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """A word an outlet uses more than the story's other outlets (Monroe et al. 2008)."""

    term: str
    z: float
    count: int
    others_count: int
    example: Excerpt | None


@dataclass(frozen=True, slots=True)
class Omission:
    """A fact some outlets in a story report and others leave out."""

    kind: str
    key: str
    reported_by: tuple[str, ...]
    omitted_by: tuple[str, ...]
    example: Excerpt
    shown: str  # as the example's outlet writes it: "Yahya Aridi" for the key "aridi"


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean with its bootstrap 95% interval, or none when there are too few articles."""

    mean: float
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class OutletInStory:
    """One outlet's coverage of one story; ``words`` are its articles' body words together."""

    outlet: str
    n: int
    words: int
    sources: tuple[str, ...]
    features: Mapping[str, float]
    intervals: Mapping[str, Interval]
    z: Mapping[str, float]
    rank: Mapping[str, int]
    standouts: tuple[Standout, ...]
    quoted: tuple[QuotedSource, ...]
    loaded: tuple[LoadedTerm, ...]
    actor_labels: Mapping[str, tuple[str, ...]]
    hedged: tuple[Excerpt, ...]
    distinctive: tuple[DistinctiveTerm, ...]
    actors: tuple[ActorInOutlet, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """The outlets that covered one story, side by side; ``findings`` are its largest supported differences."""

    story: str
    inferred: bool
    first_date: str
    last_date: str
    outlets: tuple[OutletInStory, ...]
    omissions: tuple[Omission, ...]
    findings: tuple[Standout, ...] = ()
    main_actors: tuple[str, ...] = ()
    actor_standouts: tuple[ActorStandout, ...] = ()

    @property
    def n_articles(self) -> int:
        return sum(o.n for o in self.outlets)


@dataclass(frozen=True, slots=True)
class OutletOverall:
    """An outlet across all stories: index means with intervals, and tests against the rest."""

    outlet: str
    n: int
    stories: tuple[str, ...]
    indices: Mapping[str, Interval]
    p_values: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One article compared: where it came from, its outlet, story and date, and its text's SHA-256."""

    source: str
    outlet: str
    story: str
    date: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """An article that may not be its outlet's own framing: wire copy, or an outlet not confirmed.

    As the manifest's ``how_identified`` and ``wire_credit`` columns say, spaces folded.
    """

    source: str
    outlet: str
    how_identified: str
    wire_credit: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An article not compared, because its text is in ``language`` and every family is built for English."""

    source: str
    outlet: str
    language: str


@dataclass(frozen=True, slots=True)
class ArticleWarning:
    """Something an article's analysis warns of (``Analysis.warnings``), with the article's source."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class ModelSentence:
    """A sentence a trained model gives one class confidently, with that probability.

    ``start``/``end`` index the article's text, where ``excerpt.text`` is;
    ``quoted_share`` is the share of its words inside quotation marks.
    """

    label: str
    probability: float
    start: int
    end: int
    excerpt: Excerpt
    quoted_share: float

    @property
    def quoted_speech(self) -> bool:
        """Mostly inside quotation marks: a quoted speaker's words, not the outlet's own."""
        return self.quoted_share >= QUOTED_SPEECH_SHARE


@dataclass(frozen=True, slots=True)
class ModelOutlet:
    """What a trained model says of one outlet's articles in one story.

    ``mean`` is, per class shown, the mean over the articles of their
    ``model.<name>.<class>``; ``sentences`` the sentences it gives that class
    most confidently across the articles (at most ``compare.model.MODEL_SENTENCES``).
    """

    outlet: str
    n: int
    mean: Mapping[str, float]
    sentences: Mapping[str, tuple[ModelSentence, ...]]


@dataclass(frozen=True, slots=True)
class ModelStory:
    """The outlets of one story as a trained model sees them."""

    story: str
    outlets: tuple[ModelOutlet, ...]


@dataclass(frozen=True, slots=True)
class ModelComparison:
    """A trained model's view of the outlets, story by story, with what its card says of it.

    ``shown`` are the classes reported (see :func:`classes_of_interest`);
    ``cross_validation`` maps ``stratified`` and, where the card has it,
    ``grouped`` to the card's cross-validated weighted F1 (``folds`` folds;
    0 when the card does not say).
    """

    name: str
    level: str
    classes: tuple[str, ...]
    shown: tuple[str, ...]
    cross_validation: Mapping[str, float]
    folds: int
    grouped_by: str
    training_data: str
    citation: str
    licence: str
    stories: tuple[ModelStory, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a report shows, computed once; ``model`` only when a trained model was given.

    ``highlights`` are the largest supported differences over all stories
    (:func:`framing.compare.support.corpus_findings`).

    ``provenance`` lists the articles that may not be their outlet's own
    framing, ``left_out`` those not compared, ``warnings`` what the analyses
    warned of. ``cue_tagger`` and ``loaded_tagger`` name the taggers the
    analyses were made with, if any.
    """

    stories: tuple[StoryComparison, ...]
    outlets: tuple[OutletOverall, ...]
    feature_names: tuple[str, ...]
    index_names: tuple[str, ...]
    n_articles: int
    first_date: str
    last_date: str
    highlights: tuple[Standout, ...]
    inputs: tuple[InputRecord, ...]
    errors: tuple[ReadError, ...] = ()
    warnings: tuple[ArticleWarning, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    model: ModelComparison | None = None
    cue_tagger: str | None = None
    loaded_tagger: str | None = None

    @property
    def outlet_names(self) -> tuple[str, ...]:
        return tuple(o.outlet for o in self.outlets)

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """The comparison's tidy tables (:mod:`framing.compare.tables`) as pandas DataFrames, by name.

        pandas is an optional dependency (``pip install "framing[frames]"``);
        it is imported here, not with framing.

        Examples
        --------
        >>> frames = comparison.to_frames()  # doctest: +SKIP
        >>> frames["indices"].pivot_table(index="outlet", columns="index", values="value")  # doctest: +SKIP
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError('Comparison.to_frames() needs pandas: pip install "framing[frames]"') from None
        from .tables import tidy_tables  # here: tables reads these values

        return {
            name: pd.DataFrame(list(table.rows), columns=list(table.columns))
            for name, table in tidy_tables(self).items()
        }
