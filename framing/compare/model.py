"""What a trained model says of each outlet, story by story, and the sentences behind it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..types import Analysis
from .stories import by_outlet
from .values import Excerpt, ModelComparison, ModelOutlet, ModelSentence, ModelStory

if TYPE_CHECKING:  # framing.model imports scikit-learn; a comparison without a model never needs it
    from ..model import Model

MODEL_SENTENCES = 3


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


def carries(analysis: Analysis, model: Model) -> bool:
    return all(key in analysis.features for key in _feature_keys(model).values())


def model_comparison(model: Model, by_story: Mapping[str, list[Analysis]]) -> ModelComparison:
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
        stories.append(ModelStory(story, tuple(
            _model_outlet(outlet, outlet_items, model, shown)
            for outlet, outlet_items in sorted(by_outlet(items).items())
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
