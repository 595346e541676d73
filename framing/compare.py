"""Compare outlets story by story: a pure function from analyses to a Comparison value.

Everything a report shows is computed here, once: stories (from metadata, or
clustered on content and dates), each outlet's indices and features within a
story, its standardised difference from the story's other outlets, what stands
out with the evidence behind it, who is quoted, distinctive words, and
omissions; given a trained model, what it says of each outlet and the
sentences behind it. Across stories, per-outlet means get bootstrap
confidence intervals and permutation tests where there are enough articles.
Renderers (Markdown, JSON) only format this value.

References
----------
Monroe, Colaresi & Quinn (2008), Fightin' words: lexical feature selection and
evaluation for identifying the content of political conflict. Political Analysis.
Efron & Tibshirani (1993), An Introduction to the Bootstrap.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .io import is_news_outlet
from .model import Model, with_model
from .scoring import explain, index_names, index_specs, normalise_name, person_name, source_keys, surname
from .types import Analysis, Attribution, Evidence, Fact, ReadError

STANDOUT_Z = 1.0
BOOTSTRAP_RESAMPLES = 2000
PERMUTATIONS = 5000
SEED = 20261121
STORY_SIMILARITY = 0.05
STORY_DAYS = 7
DISTINCTIVE_TOP = 8
DISTINCTIVE_Z = 1.0
DISTINCTIVE_MIN_COUNT = 2
PRIOR_STRENGTH = 500.0
OMISSIONS_TOP = 30
MODEL_SENTENCES = 3
QUOTED_SPEECH_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A sentence from an article, with the spans to highlight (offsets into ``text``)."""

    source: str
    outlet: str
    sentence: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Standout:
    """A plain-language difference of one outlet from the story's others, with evidence."""

    index: str
    z: float
    value: float
    others: float
    sentence: str
    evidence: tuple[Excerpt, ...]
    note: str = ""
    outlet: str = ""


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
    """One outlet's coverage of one story."""

    outlet: str
    n: int
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


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """The outlets that covered one story, side by side."""

    story: str
    inferred: bool
    first_date: str
    last_date: str
    outlets: tuple[OutletInStory, ...]
    omissions: tuple[Omission, ...]

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
    source: str
    outlet: str
    story: str
    date: str
    sha256: str


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
    most confidently across the articles (at most ``MODEL_SENTENCES``).
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

    ``cue_tagger`` and ``loaded_tagger`` name the taggers the analyses were made with, if any.
    """

    stories: tuple[StoryComparison, ...]
    outlets: tuple[OutletOverall, ...]
    feature_names: tuple[str, ...]
    index_names: tuple[str, ...]
    n_articles: int
    first_date: str
    last_date: str
    highlights: tuple[Standout, ...]
    caveats: tuple[str, ...]
    inputs: tuple[InputRecord, ...]
    errors: tuple[ReadError, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    model: ModelComparison | None = None
    cue_tagger: str | None = None
    loaded_tagger: str | None = None

    @property
    def outlet_names(self) -> tuple[str, ...]:
        return tuple(o.outlet for o in self.outlets)


def compare(
    analyses: Iterable[Analysis], errors: Iterable[ReadError] = (), *, model: Model | None = None
) -> Comparison:
    """Compare outlets within each story and across stories.

    With ``model``, the comparison also says what the trained model gives each
    outlet (``Comparison.model``). Analyses that already carry the model's
    features (from :func:`framing.model.with_model`, matched by the model's
    name) are used as they are; the others are scored here.
    """
    everything = list(analyses)
    if model is not None:
        everything = [a if a.not_applicable or _carries(a, model) else with_model(a, model) for a in everything]
    analyses = [a for a in everything if not a.not_applicable]
    skipped = [a for a in everything if a.not_applicable]
    stories = assign_stories(analyses)
    by_story: dict[str, list[Analysis]] = defaultdict(list)
    for analysis, story in zip(analyses, stories):
        by_story[story].append(analysis)
    inferred = {s for a, s in zip(analyses, stories) if not a.article.story}
    background = _term_totals(analyses)
    scales = _scales(analyses)
    story_values = tuple(
        _story(story, items, story in inferred, background, scales)
        for story, items in sorted(by_story.items())
    )
    dates = sorted(a.article.date for a in analyses if a.article.date)
    highlights = _highlights(story_values)
    return Comparison(
        stories=story_values,
        outlets=_overall(analyses),
        feature_names=_feature_names(analyses),
        index_names=index_names(),
        n_articles=len(analyses),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        highlights=highlights,
        caveats=_caveats(story_values, analyses, bool(inferred)) + tuple(
            f"{shown_source(a.article.source)} ({a.article.outlet}) is left out: its text is in "
            f"{a.language!r}, and every family is built for English."
            for a in skipped
        ),
        inputs=tuple(_input_record(a, s) for a, s in zip(analyses, stories)),
        errors=tuple(errors),
        warnings=tuple(
            f"{shown_source(a.article.source)}: {w}" for a in everything for w in a.warnings
        ),
        model=_model_comparison(model, by_story) if model is not None else None,
        cue_tagger="; ".join(sorted({a.cue_tagger for a in analyses if a.cue_tagger})) or None,
        loaded_tagger="; ".join(sorted({a.loaded_tagger for a in analyses if a.loaded_tagger})) or None,
    )


# -- stories -------------------------------------------------------------------

def assign_stories(analyses: Sequence[Analysis]) -> list[str]:
    """Each article's story: its metadata, else a cluster of similar articles close in time.

    Articles without a story are linked when the cosine similarity of their
    term vectors (tf-idf) reaches ``STORY_SIMILARITY`` and, where both have
    dates, they are at most ``STORY_DAYS`` apart; linked groups become stories
    named after their first date and most shared words. Coverage of related
    events shares much vocabulary (on the seeds, articles on the two Syria
    withdrawals are as similar as articles on the same one), so dates do most
    of the work: without dates, related events may be merged, and the report
    says the stories were inferred.
    """
    stories = [a.article.story for a in analyses]
    loose = [i for i, s in enumerate(stories) if not s]
    if not loose:
        return stories
    vectors = _tfidf([analyses[i].terms for i in loose])
    parent = list(range(len(loose)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(loose)):
        for b in range(a + 1, len(loose)):
            close = _days_apart(analyses[loose[a]], analyses[loose[b]]) <= STORY_DAYS
            if close and _cosine(vectors[a], vectors[b]) >= STORY_SIMILARITY:
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(loose)):
        groups[root(k)].append(k)
    for members in groups.values():
        name = _story_name([analyses[loose[k]] for k in members])
        for k in members:
            stories[loose[k]] = name
    return stories


def _tfidf(term_maps: Sequence[Mapping[str, int]]) -> list[dict[str, float]]:
    documents = len(term_maps)
    frequency = Counter(t for terms in term_maps for t in terms if " " not in t)
    vectors = []
    for terms in term_maps:
        vector = {
            t: n * math.log((1 + documents) / (1 + frequency[t])) + n * 1e-3
            for t, n in terms.items() if " " not in t
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _days_apart(a: Analysis, b: Analysis) -> float:
    first, second = _parse_date(a.article.date), _parse_date(b.article.date)
    if first is None or second is None:
        return 0.0
    return abs((first - second).days)


def _parse_date(text: str) -> date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _story_name(members: Sequence[Analysis]) -> str:
    """The first date and the three words the members use most, together."""
    dates = sorted(a.article.date[:10] for a in members if a.article.date)
    shared: Counter[str] = Counter()
    for a in members:
        shared.update({t: n for t, n in a.terms.items() if " " not in t})
    words = [t for t, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    return "-".join([dates[0] if dates else "undated", *words])


# -- one story -------------------------------------------------------------------

def _story(
    story: str,
    analyses: list[Analysis],
    inferred: bool,
    background: Counter[str],
    scales: Mapping[str, float],
) -> StoryComparison:
    by_outlet: dict[str, list[Analysis]] = defaultdict(list)
    for analysis in analyses:
        by_outlet[analysis.article.outlet].append(analysis)
    names = _feature_names(analyses) + index_names()
    means = {o: _mean_features(items, names) for o, items in by_outlet.items()}
    z, rank = _standardise(means, scales)
    distinctive = _distinctive(by_outlet, background)
    actors = _story_actor_labels(by_outlet)
    rng = np.random.default_rng(SEED)
    outlets = tuple(
        OutletInStory(
            outlet=outlet,
            n=len(items),
            sources=tuple(sorted(a.article.source for a in items)),
            features=means[outlet],
            intervals=_intervals(items, rng),
            z=z[outlet],
            rank=rank[outlet],
            standouts=_standouts(outlet, by_outlet, means, z[outlet]),
            quoted=_quoted(items),
            loaded=_loaded(items),
            actor_labels=actors[outlet],
            hedged=_hedged(items),
            distinctive=distinctive.get(outlet, ()),
        )
        for outlet, items in sorted(by_outlet.items())
    )
    dates = sorted(a.article.date for a in analyses if a.article.date)
    return StoryComparison(
        story, inferred, dates[0] if dates else "", dates[-1] if dates else "",
        outlets, _omissions(by_outlet),
    )


def _feature_names(analyses: Sequence[Analysis]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for analysis in analyses:
        names.update(dict.fromkeys(k for k in analysis.features if not k.startswith("index.")))
    return tuple(names)


def _mean_features(items: list[Analysis], names: tuple[str, ...]) -> dict[str, float]:
    return {k: sum(a.features.get(k, 0.0) for a in items) / len(items) for k in names}


def _scales(analyses: Sequence[Analysis]) -> dict[str, float]:
    """Each index's standard deviation over all articles compared (sample SD)."""
    scales = {}
    for index in index_names():
        values = [a.features.get(index, 0.0) for a in analyses]
        scales[index] = float(np.std(values, ddof=1)) if len(values) >= 2 else 0.0
    return scales


def _standardise(
    means: Mapping[str, Mapping[str, float]], scales: Mapping[str, float]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Each outlet's difference from the others' mean, in SDs of the index over all articles.

    Dividing by the spread of the story's own outlets would make any
    difference between two outlets exactly +-1 SD, however small; the spread
    over every article compared keeps small differences small.
    """
    z: dict[str, dict[str, float]] = {o: {} for o in means}
    rank: dict[str, dict[str, int]] = {o: {} for o in means}
    for index in index_names():
        values = {o: m[index] for o, m in means.items()}
        spread = scales.get(index, 0.0)
        ordered = sorted(values, key=lambda o: (-values[o], o))
        for outlet, value in values.items():
            others = [v for o, v in values.items() if o != outlet]
            difference = value - (sum(others) / len(others)) if others else 0.0
            z[outlet][index] = difference / spread if spread > 1e-12 else 0.0
            rank[outlet][index] = ordered.index(outlet) + 1
    return z, rank


def _standouts(
    outlet: str,
    by_outlet: Mapping[str, list[Analysis]],
    means: Mapping[str, Mapping[str, float]],
    z: Mapping[str, float],
) -> tuple[Standout, ...]:
    if len(means) < 2:
        return ()
    specs = index_specs()
    found = []
    for index, score in sorted(z.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
        value = means[outlet][index]
        others = [m[index] for o, m in means.items() if o != outlet]
        mean_others = sum(others) / len(others)
        if abs(score) < STANDOUT_Z or abs(value - mean_others) < specs[index]["min_difference"]:
            continue  # small, or too small to matter to a reader
        phrase = specs[index]["higher" if score > 0 else "lower"]
        sentence = (
            f"{outlet} {phrase} than {_the_others(outlet, means)} on this story "
            f"({specs[index]['label']} {_plain(value)} vs {_plain(mean_others)})."
        )
        evidence, note = _standout_evidence(outlet, by_outlet, index, higher=score > 0)
        found.append(Standout(index, score, value, mean_others, sentence, evidence, note, outlet))
    return tuple(found[:3])


def _the_others(outlet: str, outlets: Iterable[str]) -> str:
    """Whom an outlet is compared with: the one other outlet by name, or "the other outlets"."""
    others = sorted(o for o in outlets if o != outlet)
    return others[0] if len(others) == 1 else "the other outlets"


def _plain(value: float) -> str:
    return f"{value:.2f}"


def _standout_evidence(
    outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, *, higher: bool
) -> tuple[tuple[Excerpt, ...], str]:
    """Sentences that show the difference in its direction, and a note on what they are.

    Tone: the outlet's most positive sentences when it is more positive, its most
    negative when more negative. Complexity: its longest sentences when harder
    to read, its shortest when easier. Counted indices: its own counted items
    when it has more; when it has fewer, how many it has and what the other
    outlets have.
    """
    items = by_outlet[outlet]
    them = _the_others(outlet, by_outlet)
    if index == "index.tone":
        label = "most_positive" if higher else "most_negative"
        picked = sorted(
            ((a, e) for a in items for e in a.evidence if e.family == "tone" and e.label == label),
            key=lambda p: (-p[1].attrs.get("compound", 0.0) if higher else p[1].attrs.get("compound", 0.0)),
        )
        return tuple(_excerpt(a, [e]) for a, e in picked[:2]), ""
    if index == "index.complexity":
        if higher:
            longest = sorted(
                {(a.article.source, e.sentence): (a, e) for a in items for e in a.evidence
                 if e.family == "readability" and e.label == "longest_sentence"}.values(),
                key=lambda p: (-p[1].attrs.get("words", 0), p[1].sentence),
            )
            return tuple(_excerpt(a, [e]) for a, e in longest[:2]), "Its longest sentences:"
        return _shortest(items), "Its shortest sentences of narration:"
    if index == "index.source_diversity":
        own_sources = [c.feature.removeprefix("source: ") for a in items for c in explain(a, index).contributions]
        if higher:
            return tuple(
                _excerpt(a, [c.evidence[0]]) for a in items for c in explain(a, index).contributions[:2]
            ), ""
        others = [
            (a, c.evidence[0]) for other, analyses in sorted(by_outlet.items()) if other != outlet
            for a in analyses for c in explain(a, index).contributions
            if c.feature.removeprefix("source: ") not in own_sources
        ]
        names = _source_names(items)
        shown = ", ".join(names.get(key, key) for key in own_sources)
        note = (f"{outlet} quotes {len(own_sources)} source{'s' if len(own_sources) != 1 else ''}"
                f"{' (' + shown + ')' if own_sources else ''}. "
                f"Sources only {them} {'quotes' if them != 'the other outlets' else 'quote'}:")
        return tuple(_excerpt(a, [e]) for a, e in others[:2]), note
    own = [(a, e) for a in items for e in explain(a, index).evidence]
    if higher:
        return tuple(_excerpt(a, [e]) for a, e in own[:2]), ""
    others = [
        (a, e) for other, analyses in sorted(by_outlet.items()) if other != outlet
        for a in analyses for e in explain(a, index).evidence[:1]
    ]
    count = len(own)
    counted = "no item counted" if count == 0 else f"{count} item{'s' if count > 1 else ''} counted"
    examples = ", e.g. " + ", ".join(f"\u201c{' '.join(e.text.split())}\u201d" for _, e in own[:2]) if own else ""
    has = "have" if them == "the other outlets" else "has"
    note = f"{outlet}: {counted}{examples}. What {them} {has}:" if others else ""
    return tuple(_excerpt(a, [e]) for a, e in others[:2]), note


def _shortest(items: list[Analysis]) -> tuple[Excerpt, ...]:
    """The shortest sentences of narration: six words or more, ending a sentence, not opening a quotation."""
    found = []
    for analysis in items:
        for number, span in enumerate(analysis.sentences):
            text = span.text.strip()
            if (len(text.split()) >= 6 and text.endswith((".", "!", "?"))
                    and not text.startswith(("'", '"', "\u201c", "\u2018"))):
                found.append((len(text.split()), number, analysis, span))
    found.sort(key=lambda f: (f[0], f[1]))
    return tuple(
        Excerpt(a.article.source, a.article.outlet, number, span.text) for _, number, a, span in found[:2]
    )


def _excerpt(analysis: Analysis, evidence: Sequence[Evidence]) -> Excerpt:
    """The sentence holding the evidence, with the evidence spans marked."""
    number = evidence[0].sentence
    if 0 <= number < len(analysis.sentences):
        span = analysis.sentences[number]
        start, end = span.start, span.end
    else:
        start, end = evidence[0].start, evidence[0].end
    start = min([start, *(e.start for e in evidence)])
    end = max([end, *(e.end for e in evidence)])
    marks = tuple(sorted({(e.start - start, e.end - start) for e in evidence if e.end > e.start}))
    return Excerpt(analysis.article.source, analysis.article.outlet, number,
                   analysis.text[start:end], marks)


def _by_source(items: Sequence[Analysis]) -> dict[str, list[tuple[Analysis, Attribution]]]:
    """The outlet's attributions grouped by source key (``scoring.source_keys``), in text order."""
    grouped: dict[str, list[tuple[Analysis, Attribution]]] = defaultdict(list)
    for analysis in items:
        for attribution, key in zip(analysis.attributions, source_keys(analysis.attributions)):
            grouped[key].append((analysis, attribution))
    return grouped


def _naming(pairs: Sequence[tuple[Analysis, Attribution]]) -> tuple[Analysis, Attribution]:
    """The attribution that names its source best: the first with a person's full name, else the first."""
    return next(
        ((an, a) for an, a in pairs if a.source is not None and person_name(a.source.text)), pairs[0]
    )


def _source_names(items: Sequence[Analysis]) -> dict[str, str]:
    """Each source key's name as the outlet's text gives it ("President Vladimir Putin" for "putin")."""
    names = {}
    for key, pairs in _by_source(items).items():
        source = _naming(pairs)[1].source
        names[key] = " ".join(source.text.split()) if source is not None else key
    return names


def _quoted(items: list[Analysis]) -> tuple[QuotedSource, ...]:
    sources = []
    for key, pairs in _by_source(items).items():
        analysis, first = _naming(pairs)
        attributions = [a for _, a in pairs]
        cue = first.cue
        evidence = Evidence("attribution", "cue", cue.start, cue.end, cue.text, first.sentence)
        sources.append(
            QuotedSource(
                source=first.source.text if first.source else key,
                source_type=first.source_type,
                verbs=tuple(sorted({str(a.attrs.get("verb") or a.cue.text.lower()) for a in attributions})),
                stances=tuple(sorted({a.verb_stance for a in attributions})),
                skeptical=any(a.skeptical for a in attributions),
                count=len(attributions),
                example=_excerpt(analysis, [evidence]),
            )
        )
    return tuple(sorted(sources, key=lambda s: (not s.skeptical, -s.count, s.source.lower())))


def _loaded(items: list[Analysis]) -> tuple[LoadedTerm, ...]:
    """Loaded words by cue, category and voice.

    Scare quotes are the reporter's marks, so their voice is the reporter's. A
    loaded word that is itself in scare quotes (CBC's "terrorists") is one row,
    its category saying both.
    """
    grouped: dict[tuple[str, str, bool], list[tuple[Analysis, Evidence]]] = defaultdict(list)
    for analysis in items:
        loaded = [e for e in analysis.evidence if e.family == "loaded" and e.label != "actor_reference"]
        cues = [e for e in loaded if e.label != "scare_quote"]
        scare = [e for e in loaded if e.label == "scare_quote"]
        for e in cues:
            category = e.label
            if any(q.start <= e.start and e.end <= q.end + 1 for q in scare):
                category += "_in_scare_quotes"
            cue = str(e.attrs.get("cue") or e.text.lower())
            grouped[(cue, category, bool(e.attrs.get("quoted")))].append((analysis, e))
        for e in scare:
            if not any(e.start <= c.start and c.end <= e.end + 1 for c in cues):
                grouped[(str(e.attrs.get("cue") or e.text.lower()), e.label, False)].append((analysis, e))
    terms = [
        LoadedTerm(cue, category, len(pairs), quoted, _excerpt(pairs[0][0], [pairs[0][1]]))
        for (cue, category, quoted), pairs in grouped.items()
    ]
    return tuple(sorted(terms, key=lambda t: (t.quoted, -t.count, t.category, t.cue)))


def _story_actor_labels(by_outlet: Mapping[str, list[Analysis]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """How each outlet names the story's main actors, one row per actor.

    An actor named by surname in one article ("Putin") and in full in another
    ("Vladimir Putin") is one actor; an outlet that names an actor the others
    list but its own article did not (Reuters' "Islamic State") shows the words
    it uses, found in its text. A news outlet named in the text (a photo
    credit, "told Reuters") reports the story and is not one of its actors.
    """
    raw = {
        outlet: {actor: found for actor, found in _actor_labels(items).items() if not is_news_outlet(actor)}
        for outlet, items in by_outlet.items()
    }
    names = sorted({a for labels in raw.values() for a in labels}, key=lambda n: (-len(n.split()), n))
    canonical: dict[str, str] = {}
    for name in names:
        canonical[name] = next(
            (c for c in canonical.values() if _same_name(normalise_name(name), normalise_name(c))), name
        )
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for outlet, labels in raw.items():
        merged: dict[str, dict[str, None]] = defaultdict(dict)
        for actor, found in labels.items():
            merged[canonical[actor]].update(dict.fromkeys(found))
        for actor in set(canonical.values()) - set(merged):
            found = _named_in(by_outlet[outlet], actor)
            if found:
                merged[actor].update(dict.fromkeys(found))
        result[outlet] = {actor: tuple(found) for actor, found in sorted(merged.items())}
    return result


def _actor_labels(items: list[Analysis]) -> dict[str, tuple[str, ...]]:
    labels: dict[str, dict[str, None]] = defaultdict(dict)
    for analysis in items:
        for e in analysis.evidence:
            if e.family == "loaded" and e.label == "actor_reference":
                labels[str(e.attrs.get("actor", ""))][" ".join(e.text.split())] = None
    return {actor: tuple(found) for actor, found in sorted(labels.items()) if actor}


def _named_in(items: list[Analysis], name: str) -> tuple[str, ...]:
    """The ways ``name`` (in full, or its last word) is written in the articles, as written."""
    pattern = _name_pattern(name)
    return tuple(dict.fromkeys(" ".join(m.group(0).split()) for a in items for m in pattern.finditer(a.text)))


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name in full (any case) or its last word capitalised, as whole words; hyphen or space
    between words and a possessive allowed. "Islamic State" finds "Islamic State", "Putin" finds
    "Putin's", and the lower-case "state" is not a name."""
    full = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", normalise_name(name)) if w)
    alternatives = [f"(?i:{full})"]
    last = surname(name)
    if last and last != normalise_name(name):
        alternatives.append(re.escape(last[0].upper()) + f"(?i:{re.escape(last[1:])})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:['\u2019]s?)?(?!\w)")


def _hedged(items: list[Analysis]) -> tuple[Excerpt, ...]:
    excerpts = []
    for analysis in items:
        by_sentence: dict[int, list[Evidence]] = defaultdict(list)
        for e in analysis.evidence:
            if e.family == "hedging":
                by_sentence[e.sentence].append(e)
        excerpts += [_excerpt(analysis, found) for _, found in sorted(by_sentence.items())]
    return tuple(excerpts)


# -- distinctive words (Monroe et al. 2008) ----------------------------------------

def _term_totals(analyses: Iterable[Analysis]) -> Counter[str]:
    totals: Counter[str] = Counter()
    for analysis in analyses:
        totals.update(analysis.terms)
    return totals


def _distinctive(
    by_outlet: Mapping[str, list[Analysis]], background: Counter[str]
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """Log-odds ratio with an informative Dirichlet prior, each outlet against the rest.

    The prior is the whole corpus's term distribution scaled to
    ``PRIOR_STRENGTH`` pseudo-counts; z is the log-odds difference over its
    approximate standard deviation. Terms used at least twice with z >= 1 are
    reported with their z, so a reader can see that with one or two articles
    per outlet few reach the conventional 1.96.
    """
    if len(by_outlet) < 2:
        return {}
    counts = {o: _term_totals(items) for o, items in by_outlet.items()}
    total_background = sum(background.values()) or 1
    result = {}
    for outlet, mine in counts.items():
        rest: Counter[str] = Counter()
        for other, theirs in counts.items():
            if other != outlet:
                rest.update(theirs)
        n_mine, n_rest = sum(mine.values()), sum(rest.values())
        scored = []
        for term, count in mine.items():
            alpha = PRIOR_STRENGTH * background[term] / total_background
            theirs = rest.get(term, 0)
            delta = math.log((count + alpha) / (n_mine + PRIOR_STRENGTH - count - alpha)) - math.log(
                (theirs + alpha) / (n_rest + PRIOR_STRENGTH - theirs - alpha)
            )
            z = delta / math.sqrt(1 / (count + alpha) + 1 / (theirs + alpha))
            if z >= DISTINCTIVE_Z and count >= DISTINCTIVE_MIN_COUNT:
                scored.append((z, term, count, theirs))
        scored.sort(key=lambda s: (-s[0], s[1]))
        result[outlet] = tuple(
            DistinctiveTerm(term, z, count, theirs, _term_example(by_outlet[outlet], term))
            for z, term, count, theirs in scored[:DISTINCTIVE_TOP]
        )
    return result


def _term_example(items: list[Analysis], term: str) -> Excerpt | None:
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", re.IGNORECASE)
    for analysis in items:
        for number in analysis.body:  # terms are counted in body sentences, so examples come from them
            span = analysis.sentences[number]
            match = pattern.search(span.text)
            if match:
                return Excerpt(analysis.article.source, analysis.article.outlet, number,
                               span.text, ((match.start(), match.end()),))
    return None


# -- omissions ------------------------------------------------------------------------

def _omissions(by_outlet: Mapping[str, list[Analysis]]) -> tuple[Omission, ...]:
    """Facts (numbers with units, names, quoted sources) some outlets report and others do not.

    An outlet leaves a name or source out only when its text never writes it
    (in full or, for a person, by surname; any case, possessive or hyphenated),
    so the Observer, which quotes Putin through Tass, does not leave Putin out;
    and no outlet leaves out its own name.
    """
    if len(by_outlet) < 2:
        return ()
    reported: dict[tuple[str, str], dict[str, Excerpt]] = defaultdict(dict)
    for outlet, items in sorted(by_outlet.items()):
        for kind, key, excerpt in _facts_of(outlet, items):
            reported[(kind, key)].setdefault(outlet, excerpt)
    reported = _merge_aliases(reported)
    outlets = sorted(by_outlet)
    mentions = _name_mentions(by_outlet)
    found = []
    for (kind, key), by in reported.items():
        omitted = tuple(o for o in outlets if o not in by and not _writes(o, by_outlet[o], kind, key))
        if kind == "name" and " " not in key and mentions[key] < 2:
            continue  # one mention of a one-word name is too slight to call the rest an omission
        if omitted:
            first = sorted(by)[0]
            found.append(Omission(kind, key, tuple(sorted(by)), omitted, by[first], _as_written(by[first], key)))
    order = {"source": 0, "number": 1, "name": 2}
    found.sort(key=lambda o: (order[o.kind], len(o.reported_by), o.key))
    return tuple(found[:OMISSIONS_TOP])


def _as_written(example: Excerpt, key: str) -> str:
    """The first marked words of an excerpt, spaces folded; the key when nothing is marked."""
    if not example.marks:
        return key
    start, end = example.marks[0]
    return " ".join(example.text[start:end].split()) or key


def _writes(outlet: str, items: list[Analysis], kind: str, key: str) -> bool:
    """Whether an outlet's articles write a name or source themselves (numbers are not searched)."""
    if kind == "number" or not key.strip():
        return False
    if _names_outlet(outlet, key):
        return True
    pattern = _name_pattern(key) if kind == "source" and " " not in key else _exact_pattern(key)
    return any(pattern.search(a.text) for a in items)


def _exact_pattern(key: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", key) if w]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?:['\u2019]s?)?(?!\w)", re.IGNORECASE)


def _names_outlet(outlet: str, key: str) -> bool:
    return set(key.split()) <= set(normalise_name(outlet).split())


def _facts_of(outlet: str, items: list[Analysis]) -> list[tuple[str, str, Excerpt]]:
    found = []
    for analysis in items:
        for fact in analysis.facts:
            if fact.kind == "name" and _names_outlet(outlet, fact.key):
                continue  # the outlet naming itself
            found.append((fact.kind, fact.key, _excerpt(analysis, [_fact_evidence(fact)])))
        for attribution, key in zip(analysis.attributions, source_keys(analysis.attributions)):
            if attribution.source is None:
                continue
            span = attribution.source
            evidence = Evidence("attribution", "source", span.start, span.end, span.text, attribution.sentence)
            found.append(("source", key, _excerpt(analysis, [evidence])))
    return found


def _name_mentions(by_outlet: Mapping[str, list[Analysis]]) -> Counter[str]:
    return Counter(f.key for items in by_outlet.values() for a in items for f in a.facts if f.kind == "name")


def _fact_evidence(fact: Fact) -> Evidence:
    return Evidence("facts", fact.kind, fact.start, fact.end, fact.text, fact.sentence)


def _merge_aliases(
    reported: dict[tuple[str, str], dict[str, Excerpt]]
) -> dict[tuple[str, str], dict[str, Excerpt]]:
    """"Assad" and "Bashar al-Assad" are one name: a name key that ends another is merged into it.

    Only names: sources are already keyed by a person's name, and an
    organisation's words ("the military") must not swallow another's ("a
    statement issued by the Iraqi military").
    """
    merged: dict[tuple[str, str], dict[str, Excerpt]] = {}
    keys = sorted(reported, key=lambda k: (-len(k[1]), k))
    for kind, key in keys:
        target = next(
            (
                other for other in merged
                if other[0] == kind == "name" and _same_name(key, other[1])
            ),
            (kind, key),
        )
        bucket = merged.setdefault(target, {})
        for outlet, excerpt in reported[(kind, key)].items():
            bucket.setdefault(outlet, excerpt)
    return merged


def _same_name(short: str, long: str) -> bool:
    strip = lambda w: re.sub(r"^(al|el)-", "", w)  # noqa: E731
    short_words = [strip(w) for w in short.split()]
    long_words = [strip(w) for w in long.split()]
    return len(short_words) < len(long_words) and long_words[-len(short_words):] == short_words


# -- a trained model -------------------------------------------------------------------

_NEGATED = re.compile(r"(?:non|not|no|un)[\s_-]?(.+)", re.IGNORECASE)


def classes_of_interest(classes: Sequence[str]) -> tuple[str, ...]:
    """The classes a report shows: every class but one that names another's absence.

    "Non-biased" beside "Biased" (also "not X", "no X", "unX") is left out, so
    a bias model shows ``("Biased",)``. A model whose classes are all
    positive names ("left", "centre", "right") shows every class.
    """
    lowered = {c.lower() for c in classes}
    kept = tuple(
        c for c in classes
        if not ((negated := _NEGATED.fullmatch(c)) and negated.group(1).lower() in lowered)
    )
    return kept or tuple(classes)


def _feature_keys(model: Model) -> dict[str, str]:
    """Class -> the analysis feature holding the model's probability of it."""
    return {str(c): f"model.{model.name}.{c}" for c in model.classes_}


def _carries(analysis: Analysis, model: Model) -> bool:
    return all(key in analysis.features for key in _feature_keys(model).values())


def _model_comparison(model: Model, by_story: Mapping[str, list[Analysis]]) -> ModelComparison:
    card = model.card
    metrics = card.get("metrics", {})
    cross_validation = {
        kind: float(metrics[kind]["f1_weighted"])
        for kind in ("stratified", "grouped")
        if "f1_weighted" in metrics.get(kind, {})
    }
    shown = classes_of_interest([str(c) for c in model.classes_])
    stories = []
    for story, items in sorted(by_story.items()):
        by_outlet: dict[str, list[Analysis]] = defaultdict(list)
        for analysis in items:
            by_outlet[analysis.article.outlet].append(analysis)
        stories.append(ModelStory(story, tuple(
            _model_outlet(outlet, outlet_items, model, shown) for outlet, outlet_items in sorted(by_outlet.items())
        )))
    return ModelComparison(
        name=model.name,
        level=model.level,
        classes=tuple(str(c) for c in model.classes_),
        shown=shown,
        cross_validation=cross_validation,
        folds=int(metrics.get("stratified", {}).get("folds", 0)),
        grouped_by=str(metrics.get("grouped", {}).get("group_column", "")),
        training_data=str(card.get("training", {}).get("data", "")),
        citation=str(card.get("data_licence", {}).get("citation", "")),
        licence=str(card.get("data_licence", {}).get("licence", "")),
        stories=tuple(stories),
    )


def _model_outlet(outlet: str, items: list[Analysis], model: Model, shown: tuple[str, ...]) -> ModelOutlet:
    keys = _feature_keys(model)
    return ModelOutlet(
        outlet=outlet,
        n=len(items),
        mean={c: sum(a.features.get(keys[c], 0.0) for a in items) / len(items) for c in shown},
        sentences={c: _confident(items, model.name, c) for c in shown},
    )


def _confident(items: list[Analysis], name: str, label: str) -> tuple[ModelSentence, ...]:
    """The sentences the model gives ``label`` most confidently across the articles.

    Each article's model evidence holds its three most confident sentences per
    class, so the outlet's top three are among them. Ties go to the earlier
    source, then the earlier offset.
    """
    found = [
        (a, e) for a in items for e in a.evidence
        if e.family == "model" and e.label == label and e.attrs.get("model") == name
    ]
    found.sort(key=lambda pair: (-float(pair[1].attrs["probability"]), pair[0].article.source, pair[1].start))
    return tuple(
        ModelSentence(
            label, float(e.attrs["probability"]), e.start, e.end,
            Excerpt(a.article.source, a.article.outlet, e.sentence, a.text[e.start:e.end]),
            float(e.attrs["quoted_share"]),
        )
        for a, e in found[:MODEL_SENTENCES]
    )


# -- across stories -------------------------------------------------------------------

def _overall(analyses: list[Analysis]) -> tuple[OutletOverall, ...]:
    by_outlet: dict[str, list[Analysis]] = defaultdict(list)
    for analysis in analyses:
        by_outlet[analysis.article.outlet].append(analysis)
    rng = np.random.default_rng(SEED)
    overall = []
    for outlet, items in sorted(by_outlet.items()):
        intervals = {}
        p_values = {}
        for index in index_names():
            values = np.array([a.features.get(index, 0.0) for a in items])
            rest = np.array([a.features.get(index, 0.0) for a in analyses if a.article.outlet != outlet])
            intervals[index] = _interval(values, rng)
            if len(values) >= 2 and len(rest) >= 2:
                p_values[index] = _permutation_p(values, rest, rng)
        stories = tuple(sorted({a.article.story for a in items if a.article.story}))
        overall.append(OutletOverall(outlet, len(items), stories, intervals, p_values))
    return tuple(overall)


def _intervals(items: list[Analysis], rng: np.random.Generator) -> dict[str, Interval]:
    return {
        index: _interval(np.array([a.features.get(index, 0.0) for a in items]), rng)
        for index in index_names()
    }


def _interval(values: np.ndarray, rng: np.random.Generator) -> Interval:
    mean = float(values.mean())
    if len(values) < 2:
        return Interval(mean, None, None)
    samples = rng.choice(values, size=(BOOTSTRAP_RESAMPLES, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(samples, [2.5, 97.5])
    return Interval(mean, float(low), float(high))


def _permutation_p(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> float:
    """Two-sided permutation test of a difference in means (with the +1 correction)."""
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    hits = 0
    for _ in range(PERMUTATIONS):
        shuffled = rng.permutation(pooled)
        hits += abs(shuffled[: len(a)].mean() - shuffled[len(a):].mean()) >= observed - 1e-12
    return (hits + 1) / (PERMUTATIONS + 1)


# -- summary, caveats, reproducibility ---------------------------------------------------

def _highlights(stories: Sequence[StoryComparison]) -> tuple[Standout, ...]:
    """The three most striking differences over all stories with two or more outlets."""
    standouts = [s for story in stories for o in story.outlets for s in o.standouts]
    standouts.sort(key=lambda s: (-abs(s.z), s.sentence))
    picked: list[Standout] = []
    seen: set[tuple[str, frozenset[float]]] = set()
    for standout in standouts:
        pair = (standout.index, frozenset({round(standout.value, 9), round(standout.others, 9)}))
        if pair not in seen:  # with two outlets, one's difference mirrors the other's
            seen.add(pair)
            picked.append(standout)
    return tuple(picked[:3])


def _caveats(
    stories: Sequence[StoryComparison], analyses: Sequence[Analysis], inferred: bool
) -> tuple[str, ...]:
    notes = []
    for story in stories:
        if len(story.outlets) < 2:
            notes.append(f"Story {story.story!r} has one outlet: nothing to compare it with.")
        elif len(story.outlets) == 2:
            notes.append(
                f"Story {story.story!r} has two outlets: each one's difference is the other's "
                "mirror image."
            )
        if any(o.n < 2 for o in story.outlets):
            notes.append(
                f"Story {story.story!r}: outlets with one article are compared article to article; "
                "there are too few articles to say how the outlet covers the story in general."
            )
    if len(stories) > 1:
        notes.append(
            "Different stories are reported separately: indices depend on the event, so compare "
            "outlets within a story, not across stories."
        )
    if inferred:
        notes.append("Some stories were inferred by clustering similar articles close in date; check them.")
    notes += [note for note in map(_provenance_note, analyses) if note]
    unknown = sorted({a.article.source for a in analyses if a.article.outlet == "unknown"})
    if unknown:
        notes.append(f"{len(unknown)} article(s) have no known outlet and are grouped as 'unknown'.")
    return tuple(notes)


_UNSURE = re.compile(r"\b(?:wire copy|likely|not confirmed|unconfirmed|probably)\b", re.IGNORECASE)


def _provenance_note(analysis: Analysis) -> str:
    """A caveat when an article may not be the outlet's own framing: wire copy or an unconfirmed outlet.

    Read from the manifest's ``how_identified`` and ``wire_credit`` columns.
    """
    meta = analysis.article.meta
    how = " ".join(str(meta.get("how_identified", "")).split())
    wire = " ".join(str(meta.get("wire_credit", "")).split())
    if not wire and not _UNSURE.search(how):
        return ""
    article = f"{shown_source(analysis.article.source)} ({analysis.article.outlet})"
    parts = [f"{article}: outlet identified by {how}." if how else f"{article}:"]
    if wire:
        parts.append(f"It credits {wire}.")
    parts.append(
        "Part or all of it may be wire copy or another outlet's, so differences may not be this "
        "outlet's own framing."
    )
    return " ".join(parts)


def shown_source(source: str) -> str:
    """A source as a report shows it: its file name (with a corpus line, if any).

    The same file given as ``seeds``, ``./seeds/`` or an absolute path shows
    the same; an absolute path would also tell a reader where the researcher
    keeps files. The full SHA-256 beside it tells same-named files apart.
    """
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _input_record(analysis: Analysis, story: str) -> InputRecord:
    digest = hashlib.sha256(analysis.text.encode("utf-8")).hexdigest()
    article = analysis.article
    return InputRecord(article.source, article.outlet, story, article.date, digest)
