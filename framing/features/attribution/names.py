"""Names inside a source: titles and initials, a speaker's key, proper names and news outlets.

Kept together so that they can move to one home for names (``framing/names.py``) in one step.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...scoring import person_name, surname
from ...types import END, LOWER, START, TEXT, Token
from .lexicon import Lexicon, word_set

DETERMINERS = word_set("determiners")
_ABBREVIATIONS = word_set("abbreviations")


def abbreviation_dot(tokens: Sequence[Token], i: int) -> bool:
    """The full stop of "Mrs.", "R." or a party and state ("R-Wis.,") in a name, not a sentence end."""
    if tokens[i][TEXT] != "." or i == 0:
        return False
    prev = tokens[i - 1]
    return prev[END] == tokens[i][START] and (
        prev[LOWER] in _ABBREVIATIONS or (len(prev[TEXT]) == 1 and prev[TEXT].isupper())
        or _party_state(prev[TEXT])
    )


def _party_state(text: str) -> bool:
    """"R-Wis", "D-Calif": a party letter, a hyphen and a state's abbreviation."""
    return len(text) <= 8 and text[:1] in "RDI" and text[1:2] == "-" and text[2:3].isupper() and text[3:].isalpha()


def name_key(text: str) -> str:
    """The speaker's key as the index keys a person (``scoring.surname``), else the mention's head.

    "The Russian president, Vladimir Putin" -> putin; "Yahya Aridi, spokesman for ... in Geneva" -> aridi.
    """
    name = person_name(text)
    if name:
        return surname(name)
    words = [w for w in text.split(",")[0].split() if w[:1].isupper()]
    return (words[-1] if words else text).lower().strip(".,")


def names_outlet(words: Sequence[Token], lex: Lexicon) -> bool:
    """The source's head ends a news outlet's name: "CBS News", "Reuters", not "Fox News host Sean Hannity"."""
    return any(m.last == len(words) and words[m.first][TEXT][:1].isupper()
               for m in lex.outlets.find(tuple(w[LOWER] for w in words)))


def has_name(words: Sequence[Token]) -> bool:
    """Two capitalised words in a row, or a capitalised head: a proper name."""
    caps = [w[TEXT][:1].isupper() and w[LOWER] not in DETERMINERS for w in words]
    return any(a and b for a, b in zip(caps, caps[1:])) or (caps[-1] and len(words) > 0
                                                             and words[-1][LOWER] not in {"source", "sources"})
