"""Finding a name or a fact's key in an article's text, and telling when two names are one."""

from __future__ import annotations

import re

from ..scoring import normalise_name, surname


def name_pattern(name: str) -> re.Pattern[str]:
    """A name in full (any case) or its last word capitalised, as whole words; hyphen or space
    between words and a possessive allowed. "Islamic State" finds "Islamic State", "Putin" finds
    "Putin's", and the lower-case "state" is not a name."""
    full = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", normalise_name(name)) if w)
    alternatives = [f"(?i:{full})"]
    last = surname(name)
    if last and last != normalise_name(name):
        alternatives.append(re.escape(last[0].upper()) + f"(?i:{re.escape(last[1:])})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:['\u2019]s?)?(?!\w)")


def exact_pattern(key: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", key) if w]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?:['\u2019]s?)?(?!\w)", re.IGNORECASE)


def same_name(short: str, long: str) -> bool:
    strip = lambda w: re.sub(r"^(al|el)-", "", w)  # noqa: E731
    short_words = [strip(w) for w in short.split()]
    long_words = [strip(w) for w in long.split()]
    return len(short_words) < len(long_words) and long_words[-len(short_words):] == short_words
