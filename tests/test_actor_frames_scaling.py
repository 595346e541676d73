"""Actor framing's work grows linearly with the article (issue 22), counted without a clock.

The analysis's evidence, attributions, sentences, body, actors and mentions
are handed to :func:`actor_frames` as tuples that count every item read from
them. Linear work reads the same number of items per item of the analysis
however long the article (bisection adds a little: about 5% a doubling); a
helper that scans the whole article for each attribution, mention, evidence
item or actor reads nearly twice as many per item when the article doubles.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, SupportsIndex

import pytest

import framing
from framing.actor_frames import actor_frames
from framing.types import Analysis
from .conftest import SEEDS


class _Counted(tuple):  # type: ignore[type-arg]
    """A tuple that counts the items read from it, by iteration, index or slice."""

    reads = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            _Counted.reads += 1
            yield item

    def __getitem__(self, index: SupportsIndex | slice) -> Any:  # type: ignore[override]
        got = super().__getitem__(index)
        _Counted.reads += len(got) if isinstance(index, slice) else 1
        return got

    # membership, index and count scan in C: counted as reading every item, which is what they cost
    def __contains__(self, item: object) -> bool:
        _Counted.reads += len(self)
        return super().__contains__(item)

    def index(self, *args: Any) -> int:  # type: ignore[override]
        _Counted.reads += len(self)
        return super().index(*args)

    def count(self, item: Any) -> int:
        _Counted.reads += len(self)
        return super().count(item)


def _reads_per_item(text: str) -> float:
    """How many items actor framing reads from the analysis of ``text``, per item the analysis holds."""
    analysis: Analysis = framing.analyze(text)
    counted = replace(
        analysis,
        evidence=_Counted(analysis.evidence),
        attributions=_Counted(analysis.attributions),
        sentences=_Counted(analysis.sentences),
        body=_Counted(analysis.body),
        actors=_Counted(replace(a, mentions=_Counted(a.mentions)) for a in analysis.actors),
    )
    items = sum(map(len, (analysis.evidence, analysis.attributions, analysis.sentences, analysis.body)))
    items += sum(len(a.mentions) for a in analysis.actors)
    _Counted.reads = 0
    actor_frames(counted)
    assert _Counted.reads > 1000  # enough work that a scan per item would dominate
    return _Counted.reads / items


def _grows_linearly(once: str, twice: str) -> None:
    """Twice the text costs at most 25% more reads per item (a scan per item: about 90% more)."""
    before, after = _reads_per_item(once), _reads_per_item(twice)
    assert after / before < 1.25, f"{before:.1f} reads an item, then {after:.1f} for twice the text: not linear"


SEED_PROSE = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) + "\n\n"
# Reuters' Putin quote and the Pentagon's doubt (seed 000), packed back to back: an attribution every sentence
QUOTES = (
    '"I consider the objectives that have been set for the defence ministry to be generally accomplished," '
    "Putin said. Washington was skeptical about Putin's statement. "
)


@pytest.mark.parametrize("unit, copies", [(SEED_PROSE, 2), (QUOTES, 60)], ids=["seeds", "quotes"])
def test_doubling_a_repeated_article_doubles_the_work(unit: str, copies: int) -> None:
    _grows_linearly(unit * copies, unit * 2 * copies)


def test_doubling_the_articles_and_their_actors_doubles_the_work(shared_data: Path) -> None:
    # PolNeAR news articles run together: unlike a repeated text, the actors grow with the length too,
    # so a scan of every actor for each actor or attribution shows
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_data / "polnear/train/text").glob("*.txt"))[:32]]
    _grows_linearly("\n\n".join(texts[:16]), "\n\n".join(texts))


def test_a_long_sentence_of_many_voices_costs_each_voice_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whom a voice contests is looked for near its verb, not across its whole sentence: the mentions looked at
    per attribution stay level when one sentence holds twice the voices (across the sentence: about twice)."""
    module = importlib.import_module("framing.mention_index")
    original, looked = module.Mentions.within, [0]

    def counting(self: Any, start: int, end: int) -> Any:
        found = original(self, start, end)
        looked[0] += len(found)
        return found

    monkeypatch.setattr(module.Mentions, "within", counting)

    def per_voice(voices: int) -> float:
        text = "Putin said the withdrawal had begun. " + ", ".join(["Obama disputed Putin and Assad"] * voices) + "."
        analysis = framing.analyze(text)
        assert len(analysis.sentences) == 2  # one long sentence of voices
        looked[0] = 0
        actor_frames(analysis)
        return looked[0] / len(analysis.attributions)

    assert per_voice(200) / per_voice(100) < 1.25
