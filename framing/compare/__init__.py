"""Compare outlets story by story: a pure function from analyses to a Comparison value.

Everything a report shows is computed here, once: stories (from metadata, or
clustered on content and dates), each outlet's indices and features within a
story, its standardised difference from the story's other outlets, what stands
out with the evidence behind it, who is quoted, distinctive words, and
omissions; given a trained model, what it says of each outlet and the
sentences behind it. Across stories, per-outlet means get bootstrap
confidence intervals and permutation tests where there are enough articles.
Renderers (Markdown, JSON) only format this value.

One module per analysis: :mod:`.stories`, :mod:`.standing`, :mod:`.quoted`,
:mod:`.wording`, :mod:`.distinctive`, :mod:`.omissions`, :mod:`.stats`,
:mod:`.model`; the values they make are in :mod:`.values`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from ..actor_tone import ToneScorer, word_tone
from ..scoring import index_names
from ..types import Analysis, ReadError
from . import actors as actor_framing
from .distinctive import distinctive, term_totals
from .inputs import article_warnings, input_record, left_out, uncertain_provenance
from .model import carries, model_comparison
from .omissions import omissions
from .quoted import quoted
from .standing import feature_names, mean_features, scales, standardise, standouts
from .stats import SEED, intervals, overall
from .stories import assign_stories, by_outlet, by_story
from .support import body_words, corpus_findings, story_findings
from .values import Comparison, OutletInStory, StoryComparison
from .wording import hedged, loaded_terms, story_actor_labels

if TYPE_CHECKING:  # framing.model imports scikit-learn; only a comparison with a model needs it
    from ..model import Model

__all__ = ["Comparison", "compare"]


def compare(
    analyses: Iterable[Analysis],
    errors: Iterable[ReadError] = (),
    *,
    model: Model | None = None,
    tone: ToneScorer = word_tone,
    groups: Iterable[str] = (),
) -> Comparison:
    """Compare outlets within each story and across stories.

    Each outlet's framing of each main actor (:mod:`.actors`) scores tone
    toward the actor with ``tone`` (the lexical target-tone model by default;
    :func:`framing.actor_tone.model_tone` for the fine-tuned one).
    The main actors of a story are its most-mentioned people, organisations and
    groups, and each of ``groups`` that the story names: pass the groups of the
    user's actor table (:attr:`framing.actor_table.ActorTable.user_groups`), as
    ``framing compare --actors FILE`` does, so that none is crowded out.

    With ``model``, the comparison also says what the trained model gives each
    outlet (``Comparison.model``). Analyses that already carry the model's
    features (from :func:`framing.model.with_model`, matched by the model's
    name) are used as they are; the others are scored here.

    Raises
    ------
    TypeError
        When ``analyses`` is not an iterable of :class:`framing.Analysis`
        (a text must be analysed first).
    """
    everything = _analyses(analyses)
    if model is not None:
        from ..model import with_model

        everything = [a if a.not_applicable or carries(a, model) else with_model(a, model) for a in everything]
    analyses = [a for a in everything if not a.not_applicable]
    stories = assign_stories(analyses)
    grouped = by_story(analyses, stories)
    inferred = {s for a, s in zip(analyses, stories) if not a.article.story}
    background = term_totals(analyses)
    spreads = scales(analyses)
    frames = actor_framing.frame_all(analyses, tone)
    actor_spreads = actor_framing.actor_scales(analyses, frames)
    users = frozenset(groups)
    story_values = tuple(
        _story(story, items, story in inferred, background, spreads, (frames, actor_spreads, users))
        for story, items in sorted(grouped.items())
    )
    dates = sorted(a.article.date for a in analyses if a.article.date)
    return Comparison(
        stories=story_values,
        outlets=overall(analyses),
        feature_names=feature_names(analyses),
        index_names=index_names(),
        n_articles=len(analyses),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        highlights=corpus_findings(story_values),
        inputs=tuple(input_record(a, s) for a, s in zip(analyses, stories)),
        errors=tuple(errors),
        warnings=article_warnings(everything),
        provenance=uncertain_provenance(analyses),
        left_out=left_out(everything),
        model=model_comparison(model, grouped) if model is not None else None,
        cue_tagger="; ".join(sorted({a.cue_tagger for a in analyses if a.cue_tagger})) or None,
        loaded_tagger="; ".join(sorted({a.loaded_tagger for a in analyses if a.loaded_tagger})) or None,
    )


def _analyses(given: object) -> list[Analysis]:
    """The analyses as a list; anything else is refused, saying what compare() takes."""
    items = list(given) if isinstance(given, Iterable) and not isinstance(given, (str, bytes)) else [given]
    for item in items:
        if not isinstance(item, Analysis):
            raise TypeError(
                "compare() takes analyses from framing.analyze() or framing.analyze_corpus(), "
                f"not {type(item).__name__}; analyse texts first, e.g. "
                "framing.compare(framing.analyze(text) for text in texts)"
            )
    return items


def _story(
    story: str,
    analyses: list[Analysis],
    inferred: bool,
    background: Counter[str],
    spreads: Mapping[str, float],
    framed: tuple[actor_framing.Frames, Mapping[tuple[str, str], float], frozenset[str]],
) -> StoryComparison:
    """One story's outlets side by side, with what sets each apart and what each leaves out."""
    outlets = by_outlet(analyses)
    frames, actor_spreads, groups = framed
    main = actor_framing.main_actors(outlets, frames, groups)
    actor_z = actor_framing.actor_z(outlets, main, frames, actor_spreads)
    names = feature_names(analyses) + index_names()
    means = {o: mean_features(items, names) for o, items in outlets.items()}
    z, rank = standardise(means, spreads)
    words = distinctive(outlets, background)
    actors = story_actor_labels(outlets)
    rng = np.random.default_rng(SEED)
    values = tuple(
        OutletInStory(
            outlet=outlet,
            n=len(items),
            words=body_words(items),
            sources=tuple(sorted(a.article.source for a in items)),
            features=means[outlet],
            intervals=intervals(items, rng),
            z=z[outlet],
            rank=rank[outlet],
            standouts=standouts(outlet, outlets, means, z[outlet]),
            quoted=quoted(items),
            loaded=loaded_terms(items),
            actor_labels=actors[outlet],
            hedged=hedged(items),
            distinctive=words.get(outlet, ()),
            actors=actor_framing.outlet_actors(items, main, frames, actor_z[outlet]),
        )
        for outlet, items in sorted(outlets.items())
    )
    dates = sorted(a.article.date for a in analyses if a.article.date)
    return StoryComparison(
        story, inferred, dates[0] if dates else "", dates[-1] if dates else "",
        values, omissions(outlets), story_findings(values),
        main, actor_framing.actor_standouts(outlets, main, frames, actor_z),
    )
