"""From the recogniser's IOB tags to name spans, and the rules that mend what the model reads wrong.

The CRF learnt from 1996 Reuters; today's news writes names it splits or runs
together. :func:`decode` reads tags as conlleval does; :func:`name_spans` then
joins an organisation across "of" and "for" after its head word, joins two
halves of a person's name apart only by a particle ("Osama" bin "Laden"), and
splits a title and the person after it from what the model took for one
organisation ("FBI Director James Comey"). Word lists come from
:mod:`framing.names`, versioned with the lexicons.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress

from .names import bodies, particles, title_vocabulary, title_words, titles


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first, end, type)`` over word indices from IOB tags (conlleval's reading).

    An ``I-`` tag that does not continue an entity of its type starts one, as in
    conlleval, so scores here match the shared task's. Only the tags other than
    ``O`` are read (a sentence's words are mostly ``O``); an ``O`` ends an entity,
    so a gap between two of them does too.
    """
    spans: list[tuple[int, int, str]] = []
    start, current, last = -1, "", -2
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        prefix, _, kind = tags[i].partition("-")
        if current and (i != last + 1 or prefix != "I" or kind != current):
            spans.append((start, last + 1, current))
            current = ""
        if prefix == "B" or (prefix == "I" and kind != current):
            start, current = i, kind
        last = i
    if current:
        spans.append((start, last + 1, current))
    return spans


# what may stand between an organisation's head word and the rest of its name
_ORGANISATION_LINKS = (("of",), ("for",), ("of", "the"), ("for", "the"))
_LINK_LENGTHS = frozenset(map(len, _ORGANISATION_LINKS))


def name_spans(words: Sequence[str], tags: Sequence[str], heads: frozenset[str]) -> list[tuple[int, int, str]]:
    """The names in a sentence's tags (:func:`decode`), a name that ends in an organisation's
    head word (``heads``: ``ner.organisation-heads.tsv``) joined to the name after "for" or "of"
    ("Syrian Observatory" for "Human Rights" is one organisation), and a person after a title split
    from the organisation before it (:func:`_titled_people`). Two people's names apart only by a name
    particle in lower case are one person ("Osama" bin "Laden", which the model splits where the name
    opens the sentence)."""
    spans: list[tuple[int, int, str]] = []
    for first, end, kind in decode(tags):
        if spans and _links_organisation(words, spans[-1][1], first, heads):
            spans[-1] = (spans[-1][0], end, "ORG")
        elif spans and kind == "PER" == spans[-1][2] and _only_particles(words[spans[-1][1]:first]):
            spans[-1] = (spans[-1][0], end, "PER")
        else:
            spans.append((first, end, kind))
    return _titled_people(words, spans, heads)


def join_organisations(words: Sequence[str], tags: Sequence[str], heads: frozenset[str]) -> list[str]:
    """The tags of :func:`name_spans`: what the recogniser finds, as IOB tags (for scoring)."""
    joined = ["O"] * len(tags)
    for first, end, kind in name_spans(words, tags, heads):
        joined[first:end] = [f"B-{kind}", *[f"I-{kind}"] * (end - first - 1)]
    return joined


def _links_organisation(words: Sequence[str], end: int, first: int, heads: frozenset[str]) -> bool:
    """Whether the words between two names are "of"/"for" (and "the") after an organisation's head."""
    if first - end not in _LINK_LENGTHS:  # most names are farther apart (or side by side)
        return False
    link = tuple(w.lower() for w in words[end:first])
    return link in _ORGANISATION_LINKS and words[end - 1].lower() in heads


def _only_particles(between: Sequence[str]) -> bool:
    """One or two lower-case name particles and nothing else ("bin", "von der")."""
    return 0 < len(between) <= 2 and all(w.islower() and w in particles() for w in between)


def _titled_people(words: Sequence[str], names: Sequence[tuple[int, int, str]],
                   heads: frozenset[str]) -> list[tuple[int, int, str]]:
    """``names`` with an organisation that ends in a title and a name split in two: "FBI Director James
    Comey" is the organisation "FBI" and the person "James Comey", as CoNLL writes it (the model, having
    seen few such runs, sometimes reads the whole as one organisation). The words before the title stay
    an organisation only when they can be one: a single word that is no word of a title ("Deputy" of "Deputy
    AG Rod Rosenstein" is not), or a name ending in an organisation's head word (``heads``); not "National
    Security" of "National Security Adviser Michael Flynn", nor the start of a title of several words ("U.S.
    Attorney" of "U.S. Attorney General Jeff Sessions"). A name ending in an organisation's head word is
    whole ("Glasgow Sheriff Court"), and a title word before a noun that names bodies is part of a body's
    name ("FBI and Justice Department"). A name that opens with the last words of a title begun before it is
    the person after the title: "State Colin Powell" of "Secretary of State Colin Powell"."""
    split: list[tuple[int, int, str]] = []
    title_heads = title_words()
    for first, end, kind in names:
        title = next((k for k in range(end - 2, first, -1) if words[k].lower() in title_heads
                      and words[k + 1].lower().rstrip(".") not in bodies()), None) \
            if end - first > 2 else None  # a title inside needs a word before it and one after
        if (kind in ("ORG", "MISC") and title is not None and words[end - 1].lower() not in heads
                and all(w[:1].isupper() and w[:1].isalpha() for w in words[title + 1 : end])):
            before = words[first : _title_start(words, first, title)]
            if (len(before) == 1 and before[0].lower() not in title_vocabulary()) or (
                    before and before[-1].lower() in heads):
                split.append((first, first + len(before), kind))
            split.append((title + 1, end, "PER"))
        elif kind != "PER" and (after := _title_ends_inside(words, first, end)) is not None:
            split.append((after, end, "PER"))
        else:
            split.append((first, end, kind))
    return split


def _title_start(words: Sequence[str], first: int, title: int) -> int:
    """Where the title ending at word ``title`` starts: at the first word of a title of several words
    ending there ("Attorney" of "U.S. Attorney General"), else at ``title``."""
    return next((k for k in range(first, title)
                 if " ".join(words[k : title + 1]).lower() in _several_word_titles()), title)


def _title_ends_inside(words: Sequence[str], first: int, end: int) -> int | None:
    """Where a title of several words that starts, capitalised, before ``first`` ends inside ``[first, end)``
    with capitalised words after it ("Secretary of" + "State" + "Colin Powell"), or None. The capital keeps
    "a major General Motors plant" whole: "major general" is a title only written as one."""
    for title, before in _title_tails().get(words[first].lower(), ()):
        after = first + len(title) - before
        if (before <= first and after < end and words[first - before][:1].isupper()
                and tuple(w.lower() for w in words[first - before : after]) == title
                and all(w[:1].isupper() for w in words[after:end])):
            return after
    return None


@cache
def _several_word_titles() -> frozenset[str]:
    """Titles of two words or more in lower case: "attorney general", "secretary of state"."""
    return frozenset(t for t in titles() if " " in t)


@cache
def _title_tails() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each word that a title of several words has after its first -> (the title's words, that word's place):
    "state" -> [(("secretary", "of", "state"), 2)]."""
    tails: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for title in (tuple(t.split()) for t in _several_word_titles()):
        for place, word in enumerate(title[1:], start=1):
            tails.setdefault(word, []).append((title, place))
    return tails
