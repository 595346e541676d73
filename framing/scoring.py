"""Framing indices: documented formulas over features, with weights kept as data.

Each index in ``index-weights.v1.json`` is a weighted combination of feature
values. Counts are turned into rates per 1,000 body words first, so a long
article is not more "skeptical" or "loaded" for being long. Every index can
explain itself: the contribution of each component and the evidence behind the
largest ones (:func:`explain`).

Indices
-------
index.skepticism
    skeptical voices (a denial of a claim, not of one's own record), the reporter's own
    distancing (distancing verbs, markers, scare quotes outside quoted speech;
    a skeptical voice's verb not counted again), the reporter's hedges (one that
    is also a distancing marker counted once; per 1,000 words).
index.loadedness
    loaded words in the reporter's voice, plus a quarter weight for quoted ones;
    scare quotes are left to skepticism.
index.hedging
    epistemic hedges, quoted ones at half weight (approximators excluded).
index.source_diversity
    effective number of sources, exp(Shannon entropy) of attributions by source.
index.complexity
    mean of five grade-level readability formulas.
index.tone
    mean VADER compound of body sentences.

References
----------
Entman (1993), Framing: toward clarification of a fractured paradigm.
Hill (1973), Diversity and evenness: a unifying notation (effective numbers).
"""

from __future__ import annotations

import copy
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .features import SpanIndex
from .lexicons import load_json
from .names import determiners, normalise_name, person_name, surname
from .types import Analysis, Attribution, Evidence

WEIGHTS_FILE = "index-weights.v1.json"
WORDS = "readability.words"


@dataclass(frozen=True, slots=True)
class Contribution:
    """One component of an index: the feature, its count or rate, weight, share, and evidence.

    ``evidence`` lists every item the component counted (for counts), or the
    sentences that illustrate it (readability, tone). For source diversity a
    component is one source: ``value`` its attributions, ``rate`` its share and
    ``contribution`` its term of the Shannon entropy (the index is exp of their sum).
    """

    feature: str
    value: float
    rate: float
    weight: float
    contribution: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexExplanation:
    """Why an article got its index value: components, largest first, each with its evidence."""

    index: str
    value: float
    description: str
    contributions: tuple[Contribution, ...]
    combine: str = "sum"

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every component's evidence, largest component first, each item once."""
        found: list[Evidence] = []
        for part in self.contributions:
            found += [e for e in part.evidence if e not in found]
        return tuple(found)


def index_specs() -> dict[str, dict[str, Any]]:
    """Index name -> its specification (description, how to combine, components); the caller's own copy."""
    return copy.deepcopy(_specs())


@cache
def _specs() -> dict[str, dict[str, Any]]:
    """The specifications, read once: every article's indices need them. Never changed in place."""
    return dict(load_json(WEIGHTS_FILE))


def index_names() -> tuple[str, ...]:
    return tuple(_specs())


def index_features(
    features: Mapping[str, float],
    attributions: Sequence[Attribution],
    evidence: Sequence[Evidence] = (),
) -> dict[str, float]:
    """Every index's value for one article's features, attributions and evidence.

    ``evidence`` lets a component leave out a word another component of the same
    index already counts (``unless_counted_by``).
    """
    return {
        name: _value(spec, features, attributions, evidence) for name, spec in _specs().items()
    }


def explain(analysis: Analysis, index: str) -> IndexExplanation:
    """The components of ``index`` for one article, each with the evidence it counted."""
    specs = _specs()
    if index not in specs:
        raise KeyError(f"unknown index {index!r}; choose one of {', '.join(specs)}")
    spec = specs[index]
    if spec["combine"] == "effective_sources":
        contributions = _source_contributions(analysis)
    else:
        contributions = [
            replace(part, evidence=_evidence(component, analysis))
            for part, component in zip(
                _contributions(spec, analysis.features, analysis.attributions, analysis.evidence),
                spec["components"],
            )
        ]
    ranked = sorted(contributions, key=lambda c: (-abs(c.contribution), c.feature))
    return IndexExplanation(
        index, analysis.features.get(index, 0.0), spec["description"], tuple(ranked), spec["combine"]
    )


def _value(
    spec: Mapping[str, Any],
    features: Mapping[str, float],
    attributions: Sequence[Attribution],
    evidence: Sequence[Evidence],
) -> float:
    if spec["combine"] == "effective_sources":
        return effective_sources(attributions)
    parts = _contributions(spec, features, attributions, evidence)
    if not parts:
        return 0.0
    total = sum(p.contribution for p in parts)
    if spec["combine"] == "mean":
        total /= sum(p.weight for p in parts)
    return total if math.isfinite(total) else 0.0


def _contributions(
    spec: Mapping[str, Any],
    features: Mapping[str, float],
    attributions: Sequence[Attribution],
    evidence: Sequence[Evidence],
) -> list[Contribution]:
    words = features.get(WORDS, 0.0)
    parts = []
    for component in spec["components"]:
        value = (
            float(features.get(component["feature"], 0.0))
            - _counted_as_skeptical(component, attributions)
            - len(_counted_elsewhere(component, evidence))
        )
        if component["per_1000_words"]:
            rate = 1000.0 * value / words if words > 0 else 0.0
        else:
            rate = value
        weight = float(component["weight"])
        parts.append(Contribution(component["feature"], value, rate, weight, weight * rate))
    return parts


def _counted_as_skeptical(component: Mapping[str, Any], attributions: Sequence[Attribution]) -> int:
    """Attributions of this component's verb stance that the skeptical component already counts.

    A skeptical voice whose verb is *claiming* is one word of the article: it
    counts once, as skeptical, not again as the reporter's distancing.
    """
    stance = component.get("unless_skeptical")
    if not stance:
        return 0
    return sum(1 for a in attributions if a.skeptical and a.verb_stance == stance)


def _counted_elsewhere(component: Mapping[str, Any], evidence: Sequence[Evidence]) -> list[Evidence]:
    """This component's items whose words another component's items already cover.

    *allegedly* is a hedge and the reporter's distancing marker: one word of the
    article, counted once, by the component named in ``unless_counted_by``.
    """
    selectors = component.get("unless_counted_by")
    if not selectors:
        return []
    taken = SpanIndex(e for e in evidence if any(_selected(e, s) for s in selectors))
    return [
        e for e in evidence
        if any(_selected(e, s) for s in component["evidence"]) and taken.overlaps(e.start, e.end)
    ]


# -- sources -------------------------------------------------------------------

NO_SOURCE = "(no source named)"


def effective_sources(attributions: Sequence[Attribution]) -> float:
    """exp(Shannon entropy) of attributions over their sources (Hill number of order 1).

    An attribution that names no source (an agentless "is estimated to be") is
    not a voice, so it is left out; a second cue of the same source in the same
    sentence (``attrs["same_voice_as"]``: *sources said ... and said*) is one voice.
    """
    counts = Counter(voice_keys(attributions))
    total = sum(counts.values())
    if total == 0:
        return 0.0
    entropy = -sum((n / total) * math.log(n / total) for n in counts.values())
    return math.exp(entropy)


def voice_keys(attributions: Sequence[Attribution]) -> list[str]:
    """The source key of each voice: attributions naming a source, one per same-sentence voice."""
    return [
        key for a, key in zip(attributions, source_keys(attributions))
        if key != NO_SOURCE and "same_voice_as" not in a.attrs
    ]


def source_keys(attributions: Sequence[Attribution]) -> list[str]:
    """Who each of one article's attributions is to, as one key per source.

    The one definition of "a source" for the index, the report's list of who
    is quoted and its omissions. A person is keyed by surname, so "Putin",
    "President Vladimir Putin" and "The Russian president, Vladimir Putin" are
    one source; a person named only by a title ("the Russian president") joins
    the one named person of the article whose mention holds that title. A
    document is keyed by who issued it ("the Kremlin statement", "a statement
    issued by the Syrian presidency"), a bare "the statement" by the
    organisation quoted just before it. Anything else is keyed by its words, so
    "Syrian state television" and "Syrian opposition sources" stay apart.
    """
    keys: list[str] = []
    previous: Attribution | None = None
    for a in attributions:
        keys.append(_own_key(a, keys[-1] if keys else None, previous))
        previous = a
    titled = _titles_to_names(attributions)
    return [titled.get(key, key) if a.source_type == "person" else key for a, key in zip(attributions, keys)]


def _own_key(a: Attribution, previous_key: str | None, previous: Attribution | None) -> str:
    if a.source is None:
        return NO_SOURCE
    text = a.source.text
    if a.source_type == "person":
        name = person_name(text)
        return surname(name) if name else _plain_words(text)
    if a.source_type == "document":
        issuer = _issuer(text)
        if issuer:
            return issuer
        if _bare_document(text) and previous is not None and previous_key \
                and previous.source_type in {"organisation", "document"}:
            return previous_key  # "the Kremlin said ... the statement said": the same statement
    return _plain_words(text)


def _titles_to_names(attributions: Sequence[Attribution]) -> dict[str, str]:
    """A person named only by a title -> the surname of the article's one person whose mention holds it."""
    named: dict[str, set[str]] = {}
    for a in attributions:
        if a.source_type == "person" and a.source is not None and person_name(a.source.text):
            named.setdefault(surname(person_name(a.source.text)), set()).add(_plain_words(a.source.text))
    titles = {
        _plain_words(a.source.text) for a in attributions
        if a.source_type == "person" and a.source is not None and not person_name(a.source.text)
    }
    mapping = {}
    for title in titles:
        holders = {name for name, mentions in named.items() if any(_holds(m, title) for m in mentions)}
        if len(holders) == 1:
            mapping[title] = holders.pop()
    return mapping


def _holds(mention: str, title: str) -> bool:
    r"""``title`` appears as whole words in ``mention``, as ``(?<!\w)title(?!\w)`` would find it.

    Searched with ``str.find``: a regex compiled per title cost more than the search.
    """
    start = mention.find(title)
    while start != -1:
        end = start + len(title)
        if not (start and _word_character(mention[start - 1])) \
                and not (end < len(mention) and _word_character(mention[end])):
            return True
        start = mention.find(title, start + 1)
    return False


def _word_character(character: str) -> bool:
    r"""What ``\w`` matches in a str pattern: a letter, a digit or the underscore."""
    return character.isalnum() or character == "_"


_DOCUMENT = r"(?:statement|communiqu[eé]|report|press release|release|document|letter)s?"


def _issuer(text: str) -> str:
    """Who issued a document: "kremlin" for "the Kremlin statement", "syrian presidency" for
    "a statement issued by the Syrian presidency"; "" when the document is not named after anyone."""
    words = _plain_words(text)
    after = re.fullmatch(rf"{_DOCUMENT} (?:(?:issued|released|published|put out) )?(?:by|from|of) (.+)", words)
    if after:
        return _plain_words(after.group(1))
    before = re.fullmatch(rf"(.+?) {_DOCUMENT}", words)
    return before.group(1) if before else ""


def _bare_document(text: str) -> bool:
    """A document named by its kind alone: "the statement", "the report"."""
    return re.fullmatch(_DOCUMENT, _plain_words(text)) is not None


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> str:
    words = normalise_name(text).split()
    while words and words[0] in determiners():
        words = words[1:]
    return " ".join(words)


def _evidence(component: Mapping[str, Any], analysis: Analysis) -> tuple[Evidence, ...]:
    """Every evidence item a component counted, in text order.

    Items already counted by the skeptical component (their span is a skeptical
    attribution's cue) or by another component (``unless_counted_by``) are left
    out, as they are left out of the value.
    """
    skeptical_cues = set()
    if component.get("unless_skeptical"):
        skeptical_cues = {(a.cue.start, a.cue.end) for a in analysis.attributions if a.skeptical}
    elsewhere = set(map(id, _counted_elsewhere(component, analysis.evidence)))
    return tuple(
        e for e in analysis.evidence
        if any(_selected(e, selector) for selector in component["evidence"])
        and (e.start, e.end) not in skeptical_cues
        and id(e) not in elsewhere
    )


def _selected(evidence: Evidence, selector: Mapping[str, Any]) -> bool:
    if evidence.family != selector.get("family"):
        return False
    if "label" in selector and evidence.label != selector["label"]:
        return False
    if evidence.label in selector.get("exclude_labels", ()):
        return False
    if "quoted" in selector and bool(evidence.attrs.get("quoted")) != selector["quoted"]:
        return False
    return all(evidence.attrs.get(k) == v for k, v in selector.get("attrs", {}).items())


def _source_contributions(analysis: Analysis) -> list[Contribution]:
    """One component per source: its attributions, share, entropy term and where it speaks.

    Each place is where the source is named in the attribution's own sentence
    ("He" in "He said ..."), so the evidence shows the sentence it counts.
    """
    attributions = analysis.attributions
    keys = source_keys(attributions)
    counts = Counter(voice_keys(attributions))  # the index's own count of voices
    total = sum(counts.values())
    parts = []
    for key, n in counts.items():
        share = n / total
        evidence = tuple(
            _where_named(analysis, a, key) for a, k in zip(attributions, keys)
            if k == key and "same_voice_as" not in a.attrs
        )
        parts.append(Contribution(f"source: {key}", float(n), share, 1.0, -share * math.log(share), evidence))
    return parts


def _where_named(analysis: Analysis, a: Attribution, key: str) -> Evidence:
    start = a.attrs.get("mention_start")
    end = a.attrs.get("mention_end")
    if not (isinstance(start, int) and isinstance(end, int) and end > start):
        span = a.source or a.cue
        start, end = span.start, span.end
    return Evidence("attribution", "source", start, end, analysis.text[start:end], a.sentence,
                    {"source": key, "source_type": a.source_type, "skeptical": a.skeptical})
