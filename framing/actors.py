"""Who an article is about: its name mentions resolved to actors, one per person or body.

:func:`find_actors` takes the names the recogniser found in a Doc
(:func:`framing.entities.find_mentions`), adds the titles that stand alone for
a person the article names ("the Russian president"), types seats of
government by what they do ("Moscow denied" is a government, "in Moscow" a
place), and groups the mentions into actors with :func:`framing.name_groups.group_mentions`
and the actor table (the shipped one, extended by the user's). Each actor keeps
every span that names it, so ``text[m.start:m.end]`` is the name as written.

Only article prose is read: the recogniser skips bylines, captions and
boilerplate, so page furniture never becomes an actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from .actor_table import ActorTable
from .alias_mentions import with_user_aliases
from .entities import Mention, shipped_recogniser
from .features import SpanIndex
from .name_groups import group_mentions
from .names import (
    abbreviations, metonym_kind, misc_name, normalise_name, parse_name, site_heads, title_words, titles, word_key,
)
from .outlets import is_news_outlet
from .types import Actor, Attribution, Doc, Span

_ACTOR_KINDS = {"person": "person", "organisation": "organisation", "place": "place"}
_FOLLOWING = 40  # characters after a mention read to tell "Moscow denied" from "Moscow, the capital"


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A name mention to group: its span, its kind where it stands, and its text with the title before it."""

    start: int
    end: int
    text: str
    kind: str
    titled: str  # "Defence Minister Sergey Shoigu" for the mention "Sergey Shoigu": titles join title-alone uses
    title_alone: bool = False


def find_actors(
    doc: Doc, mentions: Sequence[Mention], attributions: Sequence[Attribution], table: ActorTable
) -> tuple[Actor, ...]:
    """The article's actors, in the order of their first mention.

    ``mentions`` are the recogniser's names (misc names, such as nationalities,
    are not actors); ``attributions`` say which mentions are sources, which
    makes a seat of government a government; ``table`` gives known actors their
    canonical name, kind and group, and the names of a user's table are found
    wherever written (:mod:`framing.alias_mentions`).
    """
    sources = SpanIndex(a.source for a in attributions if a.source is not None)
    mentions = with_user_aliases(doc, mentions, table)
    candidates = [_typed(doc, m, sources, table) for m in mentions if m.kind in _ACTOR_KINDS]
    candidates = _coordinated_people(_titled_names_as_people(doc, candidates, table))
    candidates = _short_outlet_names(_people_inside_names(_surnames_as_people(doc, candidates, table)))
    candidates += _standalone_titles(doc, candidates)
    candidates.sort(key=lambda c: (c.start, c.end))
    groups = group_mentions([(c.titled, c.kind) for c in candidates], known=table)
    actors: dict[str, Actor] = {}
    votes: dict[str, dict[str, int]] = {}  # name -> kind -> mentions, once two groups end with one name
    for group in groups:
        members = [candidates[i] for i in group.members]
        if group.ambiguous or all(c.title_alone for c in members):
            continue  # a surname two people share, or a title no one of the article holds, names nobody
        entry = table.resolve(group.name)
        name = entry.name if entry else group.name
        spans = tuple(Span(c.start, c.end, c.text) for c in members)
        kind = _kind_of(group.kind, [c.kind for c in members], entry.kind if entry else "")
        if kind == "person" and entry is None and _a_site(group.name, members):
            kind = "place"
        if name in actors:  # "Russia" the place and "Russia" acting: one actor, a government
            earlier = actors[name]
            kinds = votes.setdefault(name, {earlier.kind: len(earlier.mentions)})
            kinds[kind] = kinds.get(kind, 0) + len(members)
            spans = tuple(sorted((*earlier.mentions, *spans), key=lambda s: (s.start, s.end)))
            kind = _merged_kind(kinds)
        actors[name] = Actor(name=name, kind=kind, group=entry.group if entry else None, mentions=spans)
    return tuple(sorted(actors.values(), key=lambda a: (a.mentions[0].start, a.name)))


def _typed(doc: Doc, mention: Mention, sources: SpanIndex, table: ActorTable) -> _Candidate:
    """The mention with the kind it has where it stands (a seat of government that acts is a government)."""
    entry = table.resolve(mention.text)
    kind = entry.kind if entry and entry.kind else _ACTOR_KINDS[mention.kind]
    seat_of_government = entry is not None and (entry.kind == "government" or (kind == "place" and entry.group))
    if seat_of_government:
        kind = metonym_kind(
            kind,
            doc.text[mention.end : mention.end + _FOLLOWING],
            preceding=_word_before(doc.text, mention.start),
            is_source=sources.covers(mention.start, mention.end),
        )
    title = _title_before(doc.text, mention.start) if kind == "person" else ""
    if kind == "person" and entry is None and not title and _ends_in_a_body(mention.text):
        kind = "organisation"
    titled = _office_of(doc.text, mention.end, title + mention.text) if kind == "person" else mention.text
    return _Candidate(mention.start, mention.end, mention.text, kind, titled)


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")


def _office_of(text: str, end: int, titled: str) -> str:
    """A title alone with the body or country after "of" that it is held in, read as that body's title: "the
    director of the FBI" as "fbi director", which joins the one person titled FBI director, and "the President
    of Russia" as "russia president", which joins the one person titled Russian president (the words in lower
    case are all title). Read as "President" alone, such a title had joined whoever else the article titled so:
    Bashar al-Assad for "the President of Russia" in a wire story, Barack Obama for "the President of AMANA"."""
    if not parse_name(titled).title_only or (match := _OF_NAME.match(text, end)) is None:
        return titled
    return f"{match.group(1).lower()} {titled}"


def _ends_in_a_body(name: str) -> bool:
    """Whether a name ends in a word that heads organisations' names (``ner.organisation-heads.tsv``): "Clinton
    Foundation", which the recogniser took for a person in 15 of the 1,216 benchmark articles, is a body. The
    caller leaves a name after a title alone ("Sen. Frank Church"), and a surname alone of a person named in
    full becomes the person again (:func:`_surnames_as_people`: "Church" beside Frank Church)."""
    return name.split()[-1].lower() in shipped_recogniser().organisations


def _a_site(name: str, members: Sequence[_Candidate]) -> bool:
    """Whether a person of the recogniser's is a place or building: its name, of two words or more, ends in a
    word that ends such names (:func:`framing.names.site_heads`) and no title stands before it. The
    recogniser took "Trump Tower", "Silicon Valley" and "Broward County" for people in 38 of the 1,216
    benchmark articles; a bare "Broward" joined to the county goes with it. A person whose surname is such a
    word ("John Tower") is taken for a place too: none was among the benchmark articles' people."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in site_heads() and all(c.titled == c.text for c in members)


def _surnames_as_people(doc: Doc, candidates: list[_Candidate], table: ActorTable) -> list[_Candidate]:
    """A one-word place or organisation that is the surname of a person the article names in full is
    that person ("assaulted by Kavanaugh", which the recogniser took for a place, beside "Brett Kavanaugh").

    Not when the actor table knows the word ("Washington" beside George Washington is the government or
    the city), nor after a preposition of place ("in Jackson" beside Jesse Jackson). A company named
    like a person of the article ("Ford" beside Christine Blasey Ford) is taken for the person: the two
    are rarely in one article, and a surname alone taken for a place split half of the real articles a
    second audit read. Two people of that surname make it ambiguous, and it then names nobody.
    """
    full = (parse_name(c.text) for c in candidates if c.kind == "person")
    surnames = {parts.surname for parts in full if parts.given}
    retyped = []
    for c in candidates:
        word = c.text.strip()
        if (c.kind in ("place", "organisation") and " " not in word and parse_name(word).surname in surnames
                and table.resolve(word) is None and _word_before(doc.text, c.start) not in _LOCATIVES):
            c = replace(c, kind="person", titled=word)
        retyped.append(c)
    return retyped


def _titled_names_as_people(doc: Doc, candidates: list[_Candidate], table: ActorTable) -> list[_Candidate]:
    """A place or organisation that a person's title comes with, whose name after the title has given
    names (or a generation: "Queen Elizabeth II") and a surname, is that person: "Florida Sen. Marco Rubio",
    "Sen. Elizabeth Warren" and "Cardinal Pietro Parolin", which the recogniser took for places and
    organisations.

    A title word that begins the name unabbreviated ("Prince", "King", "Cardinal") also begins places
    and companies ("Prince William County", "King Abdulaziz International Airport", "Cardinal Health
    Inc"), so such a name is a person only when the article writes its surname elsewhere, as a person's
    surname or alone ("Cardinal Parolin", "Parolin"). A title and a surname alone are that person only
    when the article names a person of that surname in full ("Justice Scalia" beside Antonin Scalia; not
    "General Motors"). Not when the actor table knows the name, nor when its last word heads organisations
    ("General Services Administration", ``ner.organisation-heads.tsv``).
    """
    heads = shipped_recogniser().organisations
    elsewhere: set[str] = set()
    in_full: set[str] = set()

    def written_elsewhere(surname: str) -> bool:
        if not elsewhere:  # read at the first name a title begins (again only if the article has none)
            elsewhere.update(parse_name(o.titled).surname for o in candidates
                             if o.kind == "person" or " " not in o.text.strip())
        return surname in elsewhere

    def named_in_full(surname: str) -> bool:
        if not in_full:
            in_full.update(p.surname for o in candidates if o.kind == "person" and (p := parse_name(o.titled)).given)
        return surname in in_full

    retyped = []
    for c in candidates:
        words = c.text.split()
        if c.kind in ("place", "organisation") and len(words) > 1 and table.resolve(c.text) is None:
            before = _title_before(doc.text, c.start)
            parts = parse_name(before + c.text)
            begun = not before and words[0].lower() in title_words() and not words[0].endswith(".")
            if (parts.surname and (parts.title or parts.honorific) and parts.written.split()[-1].lower() not in heads
                    and (not begun or written_elsewhere(parts.surname) if parts.named
                         else named_in_full(parts.surname))):
                c = replace(c, kind="person", titled=before + c.text)
        retyped.append(c)
    return retyped


_COORDINATION = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _coordinated_people(candidates: list[_Candidate]) -> list[_Candidate]:
    """A place or organisation that is people's names joined by "and" or commas ("Trump and Cruz", "Rhodes,
    Panetta and Petraeus"), each the surname of a person of the article, is those people, a mention each.
    The recogniser, which learnt "Procter and Gamble", took about 30 such runs in the 1,216 benchmark
    articles for one body. A run of misc names ("Christianity and Judaism") is no actor."""
    surnames: set[str] | None = None
    split: list[_Candidate] = []
    for c in candidates:
        parts = _COORDINATION.split(c.text) if c.kind in ("place", "organisation") else []
        if len(parts) > 1:
            if surnames is None:
                surnames = {parse_name(o.titled).surname for o in candidates if o.kind == "person"} - {""}
            if all(p[:1].isupper() and parse_name(p).surname in surnames for p in parts):
                starts = [0] + [m.end() for m in _COORDINATION.finditer(c.text)]
                split += [_Candidate(c.start + at, c.start + at + len(p), p, "person", p)
                          for at, p in zip(starts, parts)]
                continue
            if all(misc_name(p) for p in parts):
                continue  # "Christianity and Judaism": faiths, no actor
        split.append(c)
    return split


def _people_inside_names(candidates: list[_Candidate]) -> list[_Candidate]:
    """A place or organisation whose last words are the full name of a person the article names is that
    person: "Aung San Suu Kyi", which the recogniser took for an organisation, beside "Suu Kyi". The span
    stays as found; the person's name joins it to the person."""
    people = {normalise_name(c.text) for c in candidates if c.kind == "person" and len(c.text.split()) > 1}
    retyped = []
    for c in candidates:
        if c.kind in ("place", "organisation"):
            words = c.text.split()
            tail = next((" ".join(words[k:]) for k in range(1, len(words) - 1)
                         if normalise_name(" ".join(words[k:])) in people), None)
            if tail is not None:
                c = replace(c, kind="person", titled=tail)
        retyped.append(c)
    return retyped


def _short_outlet_names(candidates: list[_Candidate]) -> list[_Candidate]:
    """A one-word organisation ("Times", "The Times") that is the last word of the one name of the article
    ending in it, a news outlet, is that outlet: "the Times" beside "The New York Times", "the Post" beside
    "The Washington Post". Two such names ("Financial Times" and "New York Times", or "Los Angeles Times",
    which framing's outlet list lacks, and "New York Times") leave it alone. So is a one-word organisation
    that is the first word of the one name of the article starting with it, a news outlet, and neither a
    place the recogniser knows nor the surname of a person the article names with a given name, title or
    honorific: "ABC" beside "ABC News" ("Miami" beside the Miami Herald is the city; "Fox" beside Fox News
    and "President Fox" is the man). A one-word person is left alone: "told Fox" reads like "Christian, a
    student" beside the Christian Post."""
    longer: dict[tuple[int, str], set[str]] = {}  # (0 or -1, a first or last word) -> the names of several words
    for c in candidates:
        words = _without_the(c.text)
        if len(words) > 1:
            longer.setdefault((-1, words[-1]), set()).add(c.titled)
            longer.setdefault((0, words[0]), set()).add(c.titled)
    outlets = {end: next(iter(names)) for end, names in longer.items()
               if len(names) == 1 and is_news_outlet(next(iter(names)))}
    surnames = {parts.surname for parts in (parse_name(c.titled) for c in candidates if c.kind == "person")
                if parts.given or parts.title or parts.honorific}
    retyped = []
    for c in candidates:
        word = " ".join(_without_the(c.text))
        if c.kind == "organisation" and (-1, word) in outlets:
            c = replace(c, titled=outlets[(-1, word)])
        elif (c.kind == "organisation" and (0, word) in outlets and word_key(word) not in surnames
              and (word,) not in shipped_recogniser().places):
            c = replace(c, titled=outlets[(0, word)])
        retyped.append(c)
    return retyped


def _without_the(name: str) -> list[str]:
    """A name's words in lower case, without a "the" before them."""
    words = name.lower().split()
    return words[1:] if words[:1] == ["the"] else words


# prepositions after which a surname-like word stays a place: fewer than the names lexicon's locatives, which
# also take "to", "from" and "of" for a seat of government ("flew to Moscow") but not for a person ("said to Haig")
_LOCATIVES = frozenset({"in", "at", "near", "outside", "across", "around"})


def _word_before(text: str, start: int) -> str:
    """The word right before ``start``, lower case ("in" of "in Moscow"), or ""."""
    before = text[max(0, start - 20) : start].split()
    return before[-1].lower() if before else ""


def _title_before(text: str, start: int) -> str:
    """The title written right before a name ("Russian President ", "Pentagon spokesman ", "Sen. ",
    "Mr "), or "".

    A title from the names list, with up to two capitalised words before it
    ("Russian", "U.S."), or an abbreviated title or honorific; a comma or any
    other word ends the look back.
    """
    before = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]  # a title stands on the name's line
    if not before.endswith(" "):
        return ""
    words = before.split(" ")[:-1]
    if words and (words[-1] in abbreviations() or f"{words[-1]}." in abbreviations()):
        return f"{words[-1]} "  # "Sen. Warren", "Mr Graham": a surname, never a given name
    joined = " ".join(words)
    title = _title_at_end().search(joined) if _may_end_in_title(joined) else None
    if title is None:
        return ""
    kept = words[len(words) - len(title.group(1).split()) :]
    for word in reversed(words[: len(words) - len(kept)][-2:]):
        if not _MODIFIER.fullmatch(word):
            break
        kept.insert(0, word)
    return " ".join(kept) + " "


_MODIFIER = re.compile(r"[A-Z][A-Za-z.-]*")  # "Russian", "U.S.", "Pentagon": no comma, no possessive


def _merged_kind(votes: dict[str, int]) -> str:
    """The kind of groups that end with one name: a government if one acts as one, else the kind of most
    of their mentions ("Marco Rubio", a person 18 times, stays one when a recogniser slip makes one
    mention an organisation). Of equals, a person loses ("Goldman Sachs" once a person, once an
    organisation, is an organisation), then the kind whose first group came last."""
    if "government" in votes:
        return "government"
    return max(reversed(votes), key=lambda kind: (votes[kind], kind != "person"))


def _kind_of(grouped: str, seen: list[str], known: str) -> str:
    """An actor's kind: a government if any of its mentions acts as one, else the table's, else as grouped."""
    if "government" in seen:
        return "government"
    return known or grouped


def _standalone_titles(doc: Doc, named: Sequence[_Candidate]) -> list[_Candidate]:
    """Titles used alone for a person ("the Russian president"), outside any name mention.

    :func:`group_mentions` joins such a title to the one person whose mentions
    hold all its words, and leaves it out when no one or more than one does.
    """
    pattern = _title_pattern()
    names = SpanIndex(Span(c.start, c.end, c.text) for c in named)
    found = []
    for sentence in doc.body:
        for match in pattern.finditer(doc.text, sentence.start, sentence.end):
            start, end = match.start(1), match.end(1)
            if not names.overlaps(start, end) and not _names_follow(doc.text, end):
                titled = _office_of(doc.text, end, match.group(1))
                found.append(_Candidate(start, end, match.group(1), "person", titled, title_alone=True))
    return found


def _names_follow(text: str, end: int) -> bool:
    """A capitalised word right after the title: it is a title before a name, which the recogniser has."""
    return re.match(r"\s+[A-Z]", text[end : end + 3]) is not None


def _may_end_in_title(text: str) -> bool:
    """The last word of ``text`` can end a title: the test before :func:`_title_at_end`'s pattern, which
    tries every position of the text. An ASCII word is looked up; any other is left to the pattern, whose
    case rules ``str.lower`` does not follow exactly."""
    tail = text.rsplit(None, 1)[-1:]
    return bool(tail) and (not tail[0].isascii() or tail[0].lower() in _title_last_words())


@cache
def _title_last_words() -> frozenset[str]:
    """The last word of every title, in lower case ("general" of "attorney general")."""
    return frozenset(title.split()[-1].lower() for title in titles())


@cache
def _title_at_end() -> re.Pattern[str]:
    """A title ending a stretch of text ("... Russian President"), longest title first, any case."""
    return re.compile(rf"(?:^|\s)((?i:{'|'.join(re.escape(t) for t in titles())}))$")


@cache
def _title_pattern() -> re.Pattern[str]:
    """'the' + up to two capitalised modifiers ("Russian", "US") + a title ("president", "foreign minister")."""
    alternatives = "|".join(re.escape(t) for t in titles())
    return re.compile(rf"\b[Tt]he\s+((?:[A-Z][\w.-]*\s+){{0,2}}(?i:{alternatives}))\b")
