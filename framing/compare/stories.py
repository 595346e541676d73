"""Which story each article belongs to: its metadata, else a cluster of similar articles close in time."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from ..types import Analysis

STORY_SIMILARITY = 0.05
STORY_DAYS = 7


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


def by_story(analyses: Sequence[Analysis], stories: Sequence[str]) -> dict[str, list[Analysis]]:
    """Story -> its articles, in input order."""
    grouped: dict[str, list[Analysis]] = defaultdict(list)
    for analysis, story in zip(analyses, stories):
        grouped[story].append(analysis)
    return dict(grouped)


def by_outlet(analyses: Sequence[Analysis]) -> dict[str, list[Analysis]]:
    """Outlet -> its articles, in input order."""
    grouped: dict[str, list[Analysis]] = defaultdict(list)
    for analysis in analyses:
        grouped[analysis.article.outlet].append(analysis)
    return dict(grouped)
