"""Real news sentences with the tone toward one mention read by a person: both tone readers are tested on them.

From the seeds, and the Sputnik headline quoted in issue 22. Each entry is (sentence, mention, label).
"""

from __future__ import annotations

SPUTNIK_PENTAGON = (
    # Sputnik's headline mocks the Pentagon's doubt
    "Against All Evidence, Pentagon Just Can't Accept Russia's Syrian Withdrawal", "Pentagon", "negative")
REUTERS_PUTIN_DOUBTED = (
    # Reuters (seed 000): Washington doubts Putin; the seed lost its apostrophes
    "Washington was skeptical about Putin s statement.", "Putin", "negative")
OBSERVER_ASSAD_GASSED = (
    # seed 004: "the president" is Assad, who gassed his own people
    "Putin has supported al-Assad’s presidency since the Syrian Civil War erupted, even after the president "
    "gassed his own people and committed massive human rights violations.", "the president", "negative")
REUTERS_ASSAD_THANKS_PUTIN = (
    # Reuters (seed 000): Assad thanks Putin
    "Syrian state television quoted Assad as thanking Putin for Russia s help, saying the blood of Moscow s "
    "martyrs had been mixed with the blood of the Syrian army.", "Putin", "positive")
KREMLIN_OFFICERS_PRAISED = (
    # seed 003: the Kremlin relays Assad's praise of the Russian officers
    "\"Assad noted the professionalism, courage and heroism of the officers of the Russian armed forces that took "
    "part in the military operations and expressed deep appreciation to Russia,\" the Kremlin statement said.",
    "the officers of the Russian armed forces", "positive")
REUTERS_MEETING = (
    # Reuters (seed 000): a plain report of a meeting
    "He held talks with President Bashar al-Assad and addressed Russian forces.", "President Bashar al-Assad",
    "neutral")
CBC_PUTIN_HAILS_TROOPS = (
    # CBC (seed 002): Putin praises the troops
    "In a televised speech to the Russian troops at the base, Putin hailed their \"excellent\" performance in "
    "Syria, where the Russian military declared victory against ISIS group last week.", "Putin", "positive")

READ_SENTENCES = [SPUTNIK_PENTAGON, REUTERS_PUTIN_DOUBTED, OBSERVER_ASSAD_GASSED, REUTERS_ASSAD_THANKS_PUTIN,
                  KREMLIN_OFFICERS_PRAISED, REUTERS_MEETING, CBC_PUTIN_HAILS_TROOPS]


def mention_span(sentence: str, mention: str) -> tuple[int, int]:
    """The offsets of the mention's first occurrence in the sentence."""
    start = sentence.index(mention)
    return start, start + len(mention)
