"""Analyse articles: build the Doc once, run every feature family, gather evidence."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from os import PathLike

from .actor_table import ActorTable, load_actor_table
from .actors import find_actors
from .collector import collector_paused
from .entities import Mention, find_mentions
from .facts import extract_facts, term_counts
from .features import extract_all, families
from .language import detect_language, is_english
from .scoring import index_features
from .tagger import CueTagger, LoadedTagger, shipped_loaded_tagger, shipped_tagger
from .text import build_doc
from .types import Analysis, Article, Attribution, Doc, Evidence, FamilyResult, Span

# What ``analyze(tagger=...)`` takes: True for the shipped taggers, or the ones to use.
Taggers = bool | CueTagger | LoadedTagger | tuple[CueTagger | LoadedTagger, ...]
# What ``analyze(actors=...)`` takes: the user's actor table (a mapping of groups, a TOML or CSV file) or a loaded one.
Actors = ActorTable | Mapping[str, Iterable[str]] | str | PathLike[str] | None


@collector_paused()
def analyze(
    text: str | Article,
    *,
    outlet: str | None = None,
    title: str | None = None,
    tagger: Taggers = False,
    actors: Actors = None,
) -> Analysis:
    """Measure one article's framing features, with the evidence behind each count.

    ``text`` is the article's text (or an :class:`Article` with metadata). The
    result's features are always finite; every evidence span slices the text.
    ``tagger=True`` lets the shipped fine-tuned taggers find attribution cues
    and loaded words (more found, about 350 ms for a 5,000-character article; see
    :mod:`framing.tagger`); a :class:`~framing.tagger.CueTagger` or
    :class:`~framing.tagger.LoadedTagger` (or a tuple of both) uses those
    instead, and only for their family.

    ``actors`` extends the shipped actor table with the user's own: a mapping
    of groups to the names of their members (``{"Russian government": ["Putin",
    "Kremlin"]}``), a TOML or CSV file, or a table from
    :func:`framing.actor_table.load_actor_table`. The result's ``actors`` are
    the people, organisations, governments and places the article names, one
    per person however it is written (:meth:`Analysis.actor` finds one).

    The cyclic garbage collector is paused while it runs (see :mod:`framing.collector`).
    """
    article = _as_article(text, outlet=outlet, title=title)
    table = actor_table(actors)
    cue_tagger, loaded_tagger = _taggers(tagger)
    doc = build_doc(article.text)
    language, confidence = detect_language(doc)
    if not is_english(language, confidence):
        analysis = _not_english(article, doc, language, confidence)
    else:
        mentions = find_mentions(doc)
        results = list(extract_all(doc, tagger=cue_tagger, loaded_tagger=loaded_tagger, mentions=mentions).values())
        analysis = _combine(article, doc, results, _warnings(article, doc), table, mentions)
    return replace(
        analysis,
        cue_tagger=cue_tagger.name if cue_tagger else None,
        loaded_tagger=loaded_tagger.name if loaded_tagger else None,
    )


def actor_table(actors: Actors) -> ActorTable:
    """The actor table ``actors`` asks for: a loaded one as it is, else the shipped one extended by it."""
    return actors if isinstance(actors, ActorTable) else load_actor_table(actors)


def _taggers(tagger: Taggers) -> tuple[CueTagger | None, LoadedTagger | None]:
    """The cue tagger and the loaded-word tagger that ``tagger`` asks for."""
    if tagger is True:
        return shipped_tagger(), shipped_loaded_tagger()
    if tagger is False or tagger is None:
        return None, None
    given = tagger if isinstance(tagger, tuple) else (tagger,)
    for one in given:
        if not isinstance(one, (CueTagger, LoadedTagger)):
            raise TypeError(
                "tagger must be True, False, a framing.tagger.CueTagger or LoadedTagger, or a tuple of them, "
                f"not {type(one).__name__}"
            )
    cue = [t for t in given if isinstance(t, CueTagger)]
    loaded = [t for t in given if isinstance(t, LoadedTagger)]
    if len(cue) > 1 or len(loaded) > 1:
        raise TypeError("tagger can hold at most one CueTagger and one LoadedTagger")
    return (cue[0] if cue else None), (loaded[0] if loaded else None)


def _not_english(article: Article, doc: Doc, language: str, confidence: float) -> Analysis:
    """An analysis with only language-neutral counts: every family is English-only."""
    warning = (
        f"the text looks like {language!r}, not English (confidence {confidence:.2f}): "
        f"{', '.join(families())} are built for English and are marked not applicable"
    )
    features = {"readability.words": float(doc.body_words()), "readability.sentences": float(len(doc.body))}
    sentences = tuple(Span(s.start, s.end, s.text) for s in doc.sentences)
    return Analysis(
        article, features, (), (), (*_warnings(article, doc), warning), sentences,
        language=language, not_applicable=tuple(families()),
    )


def _with_indices(
    features: dict[str, float], attributions: list[Attribution], evidence: list[Evidence]
) -> None:
    for key, value in index_features(features, attributions, evidence).items():
        features[key] = value if math.isfinite(value) else 0.0


def _as_article(text: str | Article, *, outlet: str | None, title: str | None) -> Article:
    if isinstance(text, Article):
        article = text
    elif isinstance(text, str):
        article = Article(text=text)
    else:
        raise TypeError(
            f"analyze() takes the article's text as str or an Article, not {type(text).__name__}"
        )
    changes = {}
    if outlet is not None:
        changes.update(outlet=outlet, outlet_source="option")
    if title is not None:
        changes["title"] = title
    if changes:
        article = replace(article, **changes)
    return article


def _warnings(article: Article, doc: Doc) -> list[str]:
    found = []
    if not doc.body:
        found.append("no article prose found: the text is empty or only headline/boilerplate")
    if article.outlet == "unknown":
        credit = article.meta.get("wire_credit")
        hint = f"; it credits {credit} for wire copy" if credit else ""
        found.append(
            "outlet unknown: no manifest, metadata, dateline, byline or URL names it"
            f"{hint} (set it with --outlet or a manifest.csv)"
        )
    return found


def merge_results(
    results: Iterable[FamilyResult],
) -> tuple[dict[str, float], list[Evidence], list[Attribution], list[str]]:
    """The families' results as one: features (finite) plus the indices, evidence, attributions, warnings.

    Evidence and attributions are put in text order before the indices are
    computed from them. :func:`analyze` and ``FramingFeatures`` both use this,
    so a transformer's ``index.*`` column is the analysis's value.
    """
    features: dict[str, float] = {}
    evidence: list[Evidence] = []
    attributions: list[Attribution] = []
    warnings: list[str] = []
    for result in results:
        for key, value in result.features.items():
            features[key] = float(value) if math.isfinite(value) else 0.0
        evidence.extend(result.evidence)
        attributions.extend(result.attributions)
        warnings.extend(result.warnings)
    evidence.sort(key=lambda e: (e.start, e.end, e.family, e.label))
    attributions.sort(key=lambda a: (a.cue.start, a.cue.end))
    _with_indices(features, attributions, evidence)
    return features, evidence, attributions, warnings


def _combine(
    article: Article, doc: Doc, results: list[FamilyResult], warnings: list[str], table: ActorTable,
    mentions: tuple[Mention, ...],
) -> Analysis:
    features, evidence, attributions, found = merge_results(results)
    warnings.extend(found)
    sentences = tuple(Span(s.start, s.end, s.text) for s in doc.sentences)
    return Analysis(
        article, features, tuple(evidence), tuple(attributions), tuple(warnings), sentences,
        extract_facts(doc, mentions), term_counts(doc), language="en", body=tuple(s.index for s in doc.body),
        actors=find_actors(doc, mentions, attributions, table),
    )
