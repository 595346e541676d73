"""Whether a difference rests on enough text to be a finding, and how far to trust a small sample.

A standout (:mod:`.standing`) says an outlet differs from the story's other
outlets; a *finding* is a standout the report may lead with. Rates per 1,000
words from a short text swing on a single word: one scare quote and one "may"
in 63 words is 16 per 1,000, more than most whole articles. So a finding needs

- ``MIN_BODY_WORDS`` body words from the outlet in the story (its articles
  together), about a dozen news sentences; a short brief or an excerpt has
  fewer, and its rates are mostly noise; and
- ``MIN_ITEMS`` counted items on the side that has more of them (the outlet's
  own when it is higher, the other outlets' when it is lower): with three or
  more, no single cue read wrongly makes the difference on its own.

Findings are ranked by a shrunk difference: the outlet's mean is pulled
toward the other outlets' mean with weight ``words / (words + SHRINK_WORDS)``,
as if the other outlets' mean were worth ``SHRINK_WORDS`` words of the
outlet's own text (a simple empirical-Bayes prior, cf. Efron & Morris 1975).
An outlet with 500 body words keeps half its difference; one with 5,000
keeps 91%. The unshrunk values stay in the index table and the appendix.

References
----------
Efron & Morris (1975), Data analysis using Stein's estimator and its
generalizations. Journal of the American Statistical Association 70(350).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..scoring import explain, index_specs
from ..types import Analysis
from .values import OutletInStory, Standout, StoryComparison

MIN_BODY_WORDS = 250
MIN_ITEMS = 3
SHRINK_WORDS = 500
STORY_FINDINGS = 3
CORPUS_FINDINGS = 3


def body_words(items: Sequence[Analysis]) -> int:
    """The body words of an outlet's articles together (``readability.words``)."""
    return int(sum(a.features.get("readability.words", 0.0) for a in items))


def counted_items(outlet: str, by_outlet: Mapping[str, list[Analysis]], index: str, higher: bool) -> int:
    """How many items the difference rests on, on the side that has more of them.

    Counted indices count their evidence items; the source index its distinct
    sources; tone and readability, which are means over sentences, the
    outlet's body sentences.
    """
    spec = index_specs()[index]
    families = {s["family"] for part in spec["components"] for s in part["evidence"]}
    if spec["combine"] != "effective_sources" and families in ({"tone"}, {"readability"}):
        return sum(len(a.body) for a in by_outlet[outlet])
    side = [a for o, items in by_outlet.items() if (o == outlet) == higher for a in items]
    if spec["combine"] == "effective_sources":
        return sum(len(explain(a, index).contributions) for a in side)
    return sum(len(explain(a, index).evidence) for a in side)


def shrunk(z: float, words: int) -> float:
    """The standardised difference pulled toward the others' mean for a small sample."""
    return z * words / (words + SHRINK_WORDS) if words > 0 else 0.0


def supported(words: int, items: int) -> bool:
    """Enough body words and counted items for a difference to be a finding."""
    return words >= MIN_BODY_WORDS and items >= MIN_ITEMS


def story_findings(outlets: Sequence[OutletInStory]) -> tuple[Standout, ...]:
    """A story's largest supported differences, by shrunk z."""
    return _ranked([s for o in outlets for s in o.standouts if s.supported], STORY_FINDINGS)


def corpus_findings(stories: Sequence[StoryComparison]) -> tuple[Standout, ...]:
    """The largest supported differences over all stories, by shrunk z."""
    return _ranked([s for story in stories for s in story.findings], CORPUS_FINDINGS)


def _ranked(standouts: list[Standout], limit: int) -> tuple[Standout, ...]:
    """Largest shrunk difference first; with two outlets, one's difference mirrors the other's: keep one.

    Equal differences go to the outlet first in alphabetical order, then the index.
    """
    standouts = sorted(standouts, key=lambda s: (-abs(s.shrunk_z), s.outlet, s.index))
    picked: list[Standout] = []
    seen: set[tuple[str, frozenset[float]]] = set()
    for standout in standouts:
        pair = (standout.index, frozenset({round(standout.value, 9), round(standout.others, 9)}))
        if pair not in seen:
            seen.add(pair)
            picked.append(standout)
    return tuple(picked[:limit])
