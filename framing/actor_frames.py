"""How an article frames each actor: who speaks, whose claims it treats as true, whom it labels, how it sounds.

:func:`actor_frames` reads an :class:`~framing.types.Analysis` (its actors,
attributions and evidence) and gives every actor, every group of the actor
table and every named source that is no actor ("Syrian state television")
``features`` and ``evidence``:

- **voice**: the attributions whose speaker is the actor (``voice.count``,
  ``voice.share`` of all attributions, ``voice.direct``, ``voice.reported``,
  ``voice.endorsing``, ``voice.distancing``, ``voice.last_word``). Relayed
  speech (*Tass quoted Putin saying ...*) is the quoted person's.
- **credence** in [-1, 1]: how the reporter frames the actor's claims,
  ``sum(w) / (sum(|w|) + plain)`` over the contributions ``w`` below, where
  ``plain`` counts the actor's statements with nothing on them (a neutral
  *said*), so a plain statement leaves credence at 0 and dilutes the rest.
  Endorsing verbs (*confirmed*, *revealed*) and presupposing frames (*as the
  Pentagon showed*) raise it; distancing verbs (*claimed*, *insisted*), scare
  quotes in the actor's words, the reporter's hedges and distancing markers
  on the claim (*what it called*) and voices contesting the actor lower it
  (whom a voice answers: :func:`_contested`, :mod:`framing.claimants`); a
  confirming voice of another side raises it (*Even the White House has
  confirmed that the withdrawal is moving forward*, for Putin).
  A contester the article discredits (*stubbornly unconvinced*, *against all
  evidence*) loses credence itself, and its contest counts half.
- **contested**: ``contested`` counts the contesting voices; each is an
  evidence item naming the contester and how the article frames it.
- **labels**: loaded words applied to the actor (an epithet, *the Assad
  regime*; a word after its possessive, *Moscow's martyrs*), negative and
  positive, in the reporter's voice and in quoted or reported speech.
- **tone** in [-1, 1]: the mean tone over the actor's mentions in the body,
  by a :data:`~framing.actor_tone.ToneScorer` (the lexical target-tone model
  by default; :mod:`framing.actor_tone` has the others).
- **portrayal** in [-1, 1]: a weighted sum of credence, label balance and
  tone (:func:`portrayal_parts` lists the parts).

Weights and word lists are data (``actor-frames.v1.json``). Every
contribution is an evidence item (family ``actor``) naming its sentence.
This runs in the comparison and ``framing score --explain actors``, not in
:func:`framing.analyze`, which stays within its speed budget. Its time is
linear in the article's length (bisections add a logarithm): mentions,
evidence and sentences are indexed once per article (by start offset, by
sentence, by word), so no helper scans the whole article for each item.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter
from typing import Any

from .actor_table import shipped_actors
from .actor_tone import ToneScorer, tone_method, tone_reasons, vader_tone, word_tone
from .claimants import (
    POSSESSIVE_MARK,
    Claimants,
    claimant_of,
    content_in_sentence,
    persons_first,
    refuses_a_request,
    sentence_of_statement,
)
from .credence_marks import claim_words, claims_something, frame_weights, marker_rule, marks_a_claim, withheld_before
from .mention_index import ByStart, Mentions
from .names import name_key, parse_name, particle_surname, particles, same_person, surname
from .types import Actor, Analysis, Attribution, Evidence, Span, group_actor

FAMILY = "actor"

@dataclass(slots=True)
class _Frame:
    """One actor's framing as it is gathered: contributions, voice and labels, each with its evidence."""

    names: frozenset[str]
    credence: list[Evidence] = field(default_factory=list)
    voice: list[Evidence] = field(default_factory=list)
    contested: list[Evidence] = field(default_factory=list)
    labels: list[Evidence] = field(default_factory=list)
    plain: int = 0
    discredited: set[int] = field(default_factory=set)  # starts of the discrediting phrases counted
    marked: set[tuple[int, int]] = field(default_factory=set)  # the reporter's markers counted on its statements


def actor_frames(analysis: Analysis, *, tone: ToneScorer = word_tone) -> tuple[Actor, ...]:
    """The article's actors, its actor-table groups and its named sources that are no actor, framed.

    Each returned :class:`~framing.types.Actor` carries ``features`` (the
    keys listed in the module's docstring) and ``evidence``. ``tone`` scores
    one mention (:mod:`framing.actor_tone`: :func:`word_tone` by default,
    :func:`model_tone` for the fine-tuned model, :func:`vader_tone` for the
    floor); ``features["tone.by_model"]`` is 1.0 when a scorer other than
    VADER on the sentence was used.
    """
    names = _Names(analysis.actors)
    article = _Article(analysis, (*analysis.actors, *_unrecognised_sources(analysis, Mentions(analysis.actors), names)),
                       names)
    actors = article.mentions.actors
    speakers = [_speaker(article, a) for a in analysis.attributions]
    claimants = Claimants(speakers, analysis.attributions)
    frames = {a.name: _Frame(frozenset({a.name})) for a in actors}
    for index, (attribution, speaker) in enumerate(zip(analysis.attributions, speakers)):
        if speaker is not None:
            _own_statement(article, frames[speaker], attribution)
        if attribution.skeptical or attribution.verb_stance == "contesting":
            _contest(article, frames, index, speakers, claimants)
        elif _corroborating(analysis.text, attribution):
            _corroborate(article, frames, index, speakers, claimants)
    _presupposing_frames(analysis, actors, frames)
    _reporter_distancing(article, frames)
    for name, labels in _labels(article).items():
        frames[name].labels.extend(labels)
    last = _last_speaker(analysis, speakers)
    groups = _group_members(analysis, actors)
    merged_keys = {name_key(g) for g in groups}
    framed = [_framed(article, a, [frames[a.name]], last, tone) for a in actors if name_key(a.name) not in merged_keys]
    for group, members in sorted(groups.items()):
        framed.append(_framed(article, group_actor(group, members), [frames[a.name] for a in members], last, tone))
    return tuple(framed)


def _group_members(analysis: Analysis, actors: Sequence[Actor]) -> dict[str, list[Actor]]:
    """Each actor-table group of the article with its members, the ones that bear its name included.

    A named source that is no actor joins the group it names ("the Russian government said ..."
    beside Putin); a group whose only member bears its name is that member's row, not a group's.
    """
    groups = {name_key(a.group): a.group for a in analysis.actors if a.group}
    members: dict[str, list[Actor]] = {}
    for a in actors:
        group = a.group or groups.get(name_key(a.name))
        if group:
            members.setdefault(group, []).append(a)
    return {g: m for g, m in members.items() if [name_key(a.name) for a in m] != [name_key(g)]}


def portrayal_parts(actor: Actor) -> tuple[tuple[str, float, float], ...]:
    """The parts of an actor's portrayal: (part, value, weight), summing to ``features["portrayal"]``."""
    weights = frame_weights()["portrayal"]["weights"]
    return tuple((part, actor.features.get(f"portrayal.{part}", 0.0), float(w)) for part, w in weights.items())


# -- the article's indexes, built once --------------------------------------------

_WORD = re.compile(r"\w+")


class _Article:
    """One article's look-ups, each built once: mentions by offset, evidence and discrediting phrases by
    sentence, the sentences each word stands in, actors by the names the text gives them."""

    def __init__(self, analysis: Analysis, actors: Sequence[Actor], names: _Names) -> None:
        self.analysis = analysis
        self.mentions = Mentions(actors)
        self.by_name: dict[str, Actor] = {}
        for a in actors:
            self.by_name.setdefault(a.name, a)
        self.body = frozenset(analysis.body)
        self.actor = cache(analysis.actor)  # relayed speakers and epithets name the same few actors again and again
        self.names = names
        self.evidence: dict[int, list[Evidence]] = {}
        for e in analysis.evidence:
            self.evidence.setdefault(e.sentence, []).append(e)
        self._words: dict[str, list[int]] | None = None
        self._naming: dict[str, set[int]] = {}
        self._discrediting: dict[int, list[tuple[str, int, int, int]]] = {}

    def sentences_naming(self, actor: Actor) -> set[int]:
        """The sentences holding one of the actor's names as written (the headline too), once per actor.

        Only sentences holding each name's rarest word are searched: a word of
        a name matched between word boundaries is a whole word of the sentence.
        """
        if actor.name not in self._naming:
            sentences = self.analysis.sentences
            names = {*actor.aliases, actor.name}
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
            candidates: set[int] = set()
            for name in names:
                postings = [self._sentence_words().get(w, []) for w in _WORD.findall(name)]
                candidates.update(min(postings, key=len) if postings else range(len(sentences)))
            self._naming[actor.name] = {i for i in candidates if pattern.search(sentences[i].text)}
        return self._naming[actor.name]

    def _sentence_words(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for i, s in enumerate(self.analysis.sentences):
                for word in dict.fromkeys(_WORD.findall(s.text)):
                    self._words.setdefault(word, []).append(i)
        return self._words

    def discrediting(self, sentence: int) -> list[tuple[str, int, int, int]]:
        """The discrediting phrases of a sentence: (phrase, sentence, start, end), each sentence read once."""
        if sentence not in self._discrediting:
            s = self.analysis.sentences[sentence]
            found = _discrediting_pattern().finditer(self.analysis.text, s.start, s.end)
            self._discrediting[sentence] = [(m.group().lower(), sentence, m.start(), m.end()) for m in found]
        return self._discrediting[sentence]


# -- who speaks -------------------------------------------------------------------

def _unrecognised_sources(analysis: Analysis, recognised: Mentions, names: _Names) -> list[Actor]:
    """Named sources with no actor behind them ("Syrian state television"), one actor each.

    Anonymous sources ("one European diplomat") and common nouns ("the
    military") name no one to frame; they still count as contesters. A
    source that is a name of the shipped actor table as written ("The
    Russian defence ministry", "Downing Street") takes the table's kind and
    group, so it joins its government's row.
    """
    found: dict[str, list[Span]] = {}
    for a in analysis.attributions:
        if a.source is None or a.source_type == "anonymous" or recognised.within(a.source.start, a.source.end):
            continue
        if not re.search(r"\b[A-Z]", _source_name(a.source.text)):
            continue  # "the military", "the statement": a common noun names no one in particular
        if a.attrs.get("resolved_from"):
            continue  # a pronoun: its antecedent is the source already counted
        if _known_actor(names, _source_name(a.source.text)) is not None:
            continue  # a name of an actor the recogniser found elsewhere: that actor speaks
        found.setdefault(_source_name(a.source.text), []).append(a.source)
    kinds = {"media": "organisation", "document": "organisation", "organisation": "organisation", "person": "person"}
    typed = {_source_name(a.source.text): kinds.get(a.source_type, "organisation")
             for a in analysis.attributions if a.source is not None}
    table = shipped_actors()
    sources = []
    for name, spans in found.items():
        entry = table.resolve(name)
        if entry is not None and _as_written(name) not in {_as_written(n) for n in (entry.name, *entry.aliases)}:
            entry = None  # only a name the table gives, as written: not "Aides to Mr. Trump"
        kind, group = (entry.kind or typed[name], entry.group) if entry is not None else (typed[name], None)
        sources.append(Actor(name, kind, group, tuple(spans)))  # type: ignore[arg-type]
    return sources


def _as_written(name: str) -> str:
    """A name as written, but for case, spacing, apostrophes and a leading "the": "The Russian defence
    ministry", "Russia’s defence ministry"."""
    return re.sub(r"^the\s+", "", " ".join(name.split()).lower().replace("\u2019", "'"))


def _source_name(text: str) -> str:
    return re.sub(r"^(?:the|a|an|one)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)


class _Names:
    """The article's actors by the key of each name they go by, and its people by surname: a source's name
    looked up without a scan of every actor (an article's sources and actors grow together)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.by_key: dict[str, Actor] = {}
        self.by_surname: dict[str, list[Actor]] = {}
        for a in actors:
            for written in (a.name, *a.aliases):
                self.by_key.setdefault(name_key(written), a)
            if a.kind == "person":
                self.by_surname.setdefault(name_key(surname(a.name)), []).append(a)

    def find(self, name: str) -> Actor | None:
        """The actor of this name, else the one person of its surname who can be the same person ("Ted Cruz"
        beside a "Cruz", "A. Friedman" beside "Richard A. Friedman"; "said Bush" beside two Bushes names neither)."""
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        parts = parse_name(name)
        people = [a for a in self.by_surname.get(name_key(parts.surname), []) if same_person(parts, a.name)]
        return people[0] if len(people) == 1 else None


def _speaker(article: _Article, a: Attribution) -> str | None:
    """Whose claim an attribution reports: the person it relays ("quoted Assad as ..."), else its source."""
    relayed = a.attrs.get("quoted_person")
    if relayed and (actor := article.actor(str(relayed))) is not None and actor.kind != "group":
        return actor.name
    if a.source is None:
        return None
    text = article.analysis.text
    found = persons_first(article.mentions.within(a.source.start, a.source.end))
    inside = [(actor, m) for actor, m in found if not _place_in_phrase(text, actor, m)]
    # a place's possessive modifies the head ("Karachi's ethnic Mohajir National Movement"): another actor first
    inside.sort(key=lambda pair: pair[0].kind == "place" and bool(_POSSESSIVE_AT.match(text, pair[1].end)))
    if inside or found:  # only places after a preposition: where the speaker is, and no one
        return inside[0][0].name if inside else None
    named = _source_name(a.source.text)
    if named in article.by_name:
        return named
    known = _known_actor(article.names, named)
    return known.name if known is not None else None


def _place_in_phrase(text: str, actor: Actor, mention: Span) -> bool:
    """A place right after a preposition ("lawsuits being considered in San Diego have accused ...", where the
    attribution family kept only "San Diego" as the source; "a lawyer in Karachi") tells where the speaker
    is, not who speaks."""
    before = text[max(0, mention.start - 12) : mention.start].split()
    return actor.kind == "place" and bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "inside", "across"})
_POSSESSIVE_AT = re.compile(POSSESSIVE_MARK)


def _known_actor(names: _Names, name: str) -> Actor | None:
    """The article's actor that a source's name names, though the recogniser did not take the source for a
    name there: "said Cuban" beside "Mark Cuban". Words in lower case before a comma make it someone else
    ("Aides to Mr. Trump", "Proponents like Mr. Eisenbrey"), a particle ("al-", "de") aside."""
    head = name.split(",")[0].split()
    if not name[:1].isupper() or any(
        w[:1].islower() and w.lower() not in particles() and not particle_surname(w) for w in head
    ):
        return None
    return names.find(name)


def _evidence(analysis: Analysis, label: str, start: int, end: int, sentence: int, **attrs: Any) -> Evidence:
    return Evidence(FAMILY, label, start, end, analysis.text[start:end], sentence, attrs)


def _own_statement(article: _Article, frame: _Frame, a: Attribution) -> None:
    """An attribution to the actor: its voice, and what the reporter puts on the claim."""
    analysis = article.analysis
    verb = str(a.attrs.get("verb", a.cue.text))
    frame.voice.append(_evidence(analysis, "voice", a.cue.start, a.cue.end, a.sentence,
                                 verb=verb, stance=a.verb_stance, direct=a.direct))
    weights = frame_weights()["credence"]["weights"]
    before = len(frame.credence)
    sentence = sentence_of_statement(analysis, a) or Span(0, len(analysis.text), "")
    if a.verb_stance == "endorsing" or a.verb_stance == "distancing" and claims_something(analysis.text, a,
                                                                                          sentence.end):
        rule = f"{a.verb_stance}_verb"
        frame.credence.append(_evidence(analysis, "credence", a.cue.start, a.cue.end, a.sentence,
                                        rule=rule, weight=weights[rule]))
    shared = False  # a marker already counted for another statement of the actor's: this one is not plain
    for e in article.evidence.get(a.sentence, ()):
        rule = marker_rule(analysis.text, e, a, sentence.start)
        if rule is None:
            continue
        if (e.start, e.end) in frame.marked:  # "purportedly" is a hedge and a distancing marker; two statements
            shared = True                     # of one sentence share its markers: each counts once
            continue
        frame.marked.add((e.start, e.end))
        frame.credence.append(_evidence(analysis, "credence", e.start, e.end, e.sentence,
                                        rule=rule, weight=weights[rule]))
    if len(frame.credence) == before and not shared:
        frame.plain += 1


# -- who is contested -------------------------------------------------------------

def _contest(
    article: _Article, frames: dict[str, _Frame], index: int, speakers: Sequence[str | None], claimants: Claimants
) -> None:
    """A doubting or denying voice (the ``index``-th attribution): against the actor it contests, with how the
    article frames the contester."""
    analysis = article.analysis
    a, contester = analysis.attributions[index], speakers[index]
    target = _contested(article, index, speakers, claimants)
    if target is None or target == contester:
        return
    weights = frame_weights()["credence"]
    discredit = _discrediting(article, a, contester)
    for phrase, sentence, start, end in discredit:
        if contester is not None and start not in frames[contester].discredited:  # once, however often it contests
            frames[contester].discredited.add(start)
            frames[contester].credence.append(_evidence(analysis, "credence", start, end, sentence,
                                                        rule="discredited", weight=weights["weights"]["discredited"],
                                                        phrase=phrase))
    factor = weights["discredited_contest_factor"] if discredit else 1.0
    who = contester or (_source_name(a.source.text) if a.source is not None else "an unnamed voice")
    start, end = _statement_span(analysis, a)
    frames[target].credence.append(_evidence(
        analysis, "credence", start, end, a.sentence, rule="contested",
        weight=weights["weights"]["contested"] * factor, contester=who,
    ))
    frames[target].contested.append(_evidence(
        analysis, "contested", start, end, a.sentence, contester=who,
        contester_framing="; ".join(p for p, *_ in discredit), verb=str(a.attrs.get("verb", a.cue.text)),
    ))


def _statement_span(analysis: Analysis, a: Attribution) -> tuple[int, int]:
    """The cue with its content when both stand in the attribution's sentence, else the cue alone."""
    content = content_in_sentence(a, sentence_of_statement(analysis, a))
    if content is None:
        return a.cue.start, a.cue.end
    return min(a.cue.start, content[0]), max(a.cue.end, content[1])


def _contested(article: _Article, index: int, speakers: Sequence[str | None], claimants: Claimants) -> str | None:
    """Whom the ``index``-th attribution, a contesting voice, contests.

    A negated verb ("never denied", "was not challenged") and a refusal
    ("rejected the offer", "denied class-action status") contest no one's claim. A denial answers the accuser of the sentence or the one
    before ("Moscow denied the allegations"); a speaker defending its own
    record with no accuser in sight contests no one, and a denial of an
    unowned claim ("Kavanaugh denies the accusations") is not given to the
    leading claimant. Otherwise the voice
    contests the actor nearest its verb whose claim the sentence names
    ("Rubio's claim", "criticism from Giles"), else the claimant its words
    name ("skeptical about Putin's statement"), else, when the sentence
    doubts a claim it does not give an owner ("such announcements"), the
    article's leading claimant (most statements, the first of equals). A
    doubt about no claim ("no evidence the rounds were used") contests no
    one (:func:`framing.claimants.claimant_of` reads rules 3 to 5).
    """
    analysis = article.analysis
    attributions = analysis.attributions
    a, contester = attributions[index], speakers[index]
    if withheld_before(analysis.text, a):
        return None  # "has never denied", "was not challenged by CNN moderators"
    sentence = sentence_of_statement(analysis, a)
    if sentence is not None and refuses_a_request(analysis.text, a.cue.end, sentence.end, claim_words()):
        return None
    if a.verb_stance == "contesting" or a.attrs.get("contests") == "own record":
        for earlier in range(index - 1, -1, -1):
            if a.sentence - attributions[earlier].sentence > 1:
                break  # attributions are in text order: every one further back is further away
            if attributions[earlier].verb_stance == "accusatory" and speakers[earlier]:
                return speakers[earlier]
        if a.attrs.get("contests") == "own record":
            return None
    if sentence is None:
        return None
    denial = a.attrs.get("verb") in frame_weights()["credence"]["denying_verbs"]  # no accuser in sight
    return claimant_of(analysis.text, article.mentions.within, a, contester, claimants, sentence, claim_words(),
                       named=True, leading=not denial)


# -- who is corroborated ----------------------------------------------------------

def _corroborating(text: str, a: Attribution) -> bool:
    """A confirming verb ("confirmed", "acknowledged", "admitted"), not negated or withheld ("could not
    independently confirm", "has yet to confirm"): the voice may vouch for another's claim."""
    return (a.verb_stance == "endorsing" and a.attrs.get("verb") in frame_weights()["credence"]["corroborating_verbs"]
            and not withheld_before(text, a))


def _corroborate(
    article: _Article, frames: dict[str, _Frame], index: int, speakers: Sequence[str | None], claimants: Claimants
) -> None:
    """A voice confirming another side's claim raises that claimant's credence: "Even the White House has
    confirmed that the withdrawal is moving forward" after Putin announced it.

    The claim must be named as one (its owner, or an unowned claim noun the claimant used, such as "the
    withdrawal"), and the voice must not speak for the claimant's own side (:func:`_same_side`): the Russian
    defence ministry confirming Putin's withdrawal vouches for no one new.
    """
    analysis = article.analysis
    a, speaker = analysis.attributions[index], speakers[index]
    sentence = sentence_of_statement(analysis, a)
    if sentence is None:
        return
    target = claimant_of(analysis.text, article.mentions.within, a, speaker, claimants, sentence, claim_words(),
                         named=False)
    who = speaker or (_source_name(a.source.text) if a.source is not None else None)
    if target is None or who is None or _same_side(article, target, who):
        return
    start, end = _statement_span(analysis, a)
    frames[target].credence.append(_evidence(
        analysis, "credence", start, end, a.sentence, rule="corroborated",
        weight=frame_weights()["credence"]["weights"]["corroborated"], corroborator=who,
        verb=str(a.attrs.get("verb", a.cue.text)),
    ))


def _same_side(article: _Article, target: str, voice: str) -> bool:
    """Whether the voice acts for the target's actor-table group: by the article's actors, a group's own name
    ("The Russian government confirmed ..."), else the shipped table, leniently ("Aides to Mr. Trump" speak
    for Trump's side)."""
    def side(name: str) -> str | None:
        actor = article.by_name.get(name)
        if actor is not None and actor.group:
            return actor.group
        table = shipped_actors()
        return next((g for g in table.groups() if name_key(g) == name_key(name)), None) or table.group(name)

    group = side(target)
    return group is not None and group == side(voice)


def _discrediting(article: _Article, a: Attribution, contester: str | None) -> list[tuple[str, int, int, int]]:
    """How the article discredits a contester: phrases in its statement's sentence or a sentence naming it.

    A sentence names it when it holds one of its names as written, so a
    headline counts ("Against All Evidence, Pentagon Just Can't Accept ..."),
    though the recogniser reads only the body.
    """
    sentences = {a.sentence}
    actor = article.by_name.get(contester) if contester is not None else None
    if actor is not None:
        sentences |= article.sentences_naming(actor)
    count = len(article.analysis.sentences)
    return [found for i in sorted(sentences) if 0 <= i < count for found in article.discrediting(i)]


@cache
def _discrediting_pattern() -> re.Pattern[str]:
    phrases = sorted(frame_weights()["credence"]["discrediting_phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace("'", "['\u2019]") for p in phrases) + r")\b",
                      re.IGNORECASE)


# -- what the reporter presupposes or distances -----------------------------------

def _presupposing_frames(analysis: Analysis, actors: Sequence[Actor], frames: dict[str, _Frame]) -> None:
    """ "as the Pentagon showed": the reporter takes the actor's finding as fact."""
    weight = frame_weights()["credence"]["weights"]["presupposing_frame"]
    verbs = _presupposing_verbs()
    for actor in actors:
        for m in actor.mentions:
            before = analysis.text[max(0, m.start - 8) : m.start]
            after = verbs.match(analysis.text, m.end)
            if after and re.search(r"\b[Aa]s\s+(?:the\s+)?$", before):
                start = m.start - len(before) + before.lower().rfind("as")
                frames[actor.name].credence.append(_evidence(
                    analysis, "credence", start, after.end(), _sentence_of(analysis, m.start),
                    rule="presupposing_frame", weight=weight,
                ))


@cache
def _presupposing_verbs() -> re.Pattern[str]:
    verbs = sorted(frame_weights()["credence"]["presupposing_verbs"], key=len, reverse=True)
    return re.compile(r"(?:['\u2019]s?)?\s+(?:" + "|".join(re.escape(v) for v in verbs) + r")\b")


def _reporter_distancing(article: _Article, frames: dict[str, _Frame]) -> None:
    """The reporter's distancing in a sentence with no attribution ("Russia has announced ... only to", "what
    it called", "Russia's so-called withdrawal"): against the first actor named before the marker. Not an
    evidential adverb ("Oswald supposedly tried to defect"), which doubts an act the actor is accused of, not
    its claim, nor a qualifier of anything but a claim ("the alleged victims")."""
    analysis = article.analysis
    weight = frame_weights()["credence"]["weights"]["reporter_distancing"]
    attributed = {a.sentence for a in analysis.attributions}
    for e in analysis.evidence:
        if e.family != "attribution" or e.label != "narrator_distancing" or e.sentence in attributed:
            continue
        if e.attrs.get("kind") == "scare_quotes" or not 0 <= e.sentence < len(analysis.sentences):
            continue
        if e.attrs.get("kind") == "marker" and not marks_a_claim(analysis.text, e):
            continue
        start = analysis.sentences[e.sentence].start
        named = article.mentions.within(start, e.start)
        if named:
            actor = min(named, key=lambda pair: pair[1].start)[0]
            frames[actor.name].credence.append(_evidence(
                analysis, "credence", e.start, e.end, e.sentence, rule="reporter_distancing", weight=weight,
            ))


def _sentence_of(analysis: Analysis, offset: int) -> int:
    """The index of the sentence holding ``offset`` (-1 between sentences), by bisection: sentences are in order."""
    i = bisect_right(analysis.sentences, offset, key=_START) - 1
    return i if i >= 0 and offset < analysis.sentences[i].end else -1


_START = attrgetter("start")


# -- labels -----------------------------------------------------------------------

_POSSESSIVE = re.compile(rf"^{POSSESSIVE_MARK}\s*[\"\u201c']?$")


def _labels(article: _Article) -> dict[str, list[Evidence]]:
    """Loaded words applied to each actor: in an epithet for it, or right after its possessive."""
    analysis, actors = article.analysis, article.mentions.actors
    polarity = frame_weights()["labels"]["polarity"]
    loaded = ByStart([e for e in analysis.evidence if e.family == "loaded" and e.label in polarity], _START)
    found: dict[str, list[Evidence]] = {a.name: [] for a in actors}
    for epithet in (e for e in analysis.evidence if e.family == "loaded" and e.label == "actor_reference"
                    and e.attrs.get("loaded")):
        owner = _epithet_owner(article, epithet)
        if owner is not None:
            found[owner] += [_label(analysis, e) for e in loaded.starting(epithet.start, epithet.end)
                             if e.end <= epithet.end]
    for actor in actors:
        for m in actor.mentions:
            after = loaded.starting(m.end + 1, m.end + 4)  # one to four characters after the mention
            found[actor.name] += [_label(analysis, e) for e in after
                                  if _POSSESSIVE.match(analysis.text[m.end : e.start])]
    return {name: list({(e.start, e.end): e for e in labels}.values()) for name, labels in found.items()}


def _epithet_owner(article: _Article, epithet: Evidence) -> str | None:
    """The actor an epithet names: one whose mention it holds ("the Assad regime"), else the one the loaded
    family names ("the Syrian strongman" is Assad)."""
    overlapping = article.mentions.overlapping(epithet.start, epithet.end)
    if overlapping:
        return overlapping[0][0].name
    named = article.actor(str(epithet.attrs.get("actor", "")))
    return named.name if named is not None and named.kind != "group" else None


def _label(analysis: Analysis, e: Evidence) -> Evidence:
    polarity = frame_weights()["labels"]["polarity"]
    return _evidence(analysis, "label", e.start, e.end, e.sentence, cue=str(e.attrs.get("cue", e.text)),
                     category=e.label, polarity=int(polarity[e.label]), voice=str(e.attrs.get("voice", "reporter")),
                     speaker=str(e.attrs.get("speaker", "")))


# -- the features -----------------------------------------------------------------

def _framed(article: _Article, actor: Actor, frames: Sequence[_Frame], last: str | None, tone: ToneScorer) -> Actor:
    """The actor with its features and evidence, from its frames (a group's are its members'); ``last`` is the
    speaker of the article's last attribution."""
    analysis = article.analysis
    credence = _unique(e for f in frames for e in f.credence)
    voice = _unique(e for f in frames for e in f.voice)
    contested = _unique(e for f in frames for e in f.contested)
    labels = _unique(e for f in frames for e in f.labels)
    plain = sum(f.plain for f in frames)
    names = frozenset().union(*(f.names for f in frames))
    tones = _tones(article, actor, tone)
    features: dict[str, float] = {"mentions": float(len(actor.mentions))}
    features |= _voice_features(analysis, voice, last, names)
    features |= _credence_features(credence, plain)
    features["contested"] = float(len(contested))
    features |= _label_features(labels)
    features["tone"] = sum(float(e.attrs["score"]) for e in tones) / len(tones) if tones else 0.0
    features["tone.mentions"] = float(len(tones))
    features["tone.by_model"] = 0.0 if tone is vader_tone else 1.0
    features |= _portrayal(features)
    evidence = tuple(sorted((*voice, *credence, *contested, *labels, *tones), key=lambda e: (e.start, e.end, e.label)))
    return replace(actor, features=features, evidence=evidence)


def _unique(items: Iterable[Evidence]) -> list[Evidence]:
    """The items once each (a group's members can share one), in order."""
    return list({id(e): e for e in items}.values())


def _last_speaker(analysis: Analysis, speakers: Sequence[str | None]) -> str | None:
    """The speaker of the attribution whose cue starts last (the first of those), if any."""
    if not speakers:
        return None
    return speakers[max(range(len(speakers)), key=lambda i: analysis.attributions[i].cue.start)]


def _voice_features(
    analysis: Analysis, voice: Sequence[Evidence], last: str | None, names: frozenset[str]
) -> dict[str, float]:
    total = len(analysis.attributions)
    return {
        "voice.count": float(len(voice)),
        "voice.share": len(voice) / total if total else 0.0,
        "voice.direct": float(sum(bool(e.attrs["direct"]) for e in voice)),
        "voice.reported": float(sum(not e.attrs["direct"] for e in voice)),
        "voice.endorsing": float(sum(e.attrs["stance"] == "endorsing" for e in voice)),
        "voice.distancing": float(sum(e.attrs["stance"] == "distancing" for e in voice)),
        "voice.last_word": 1.0 if last is not None and last in names else 0.0,
    }


def _credence_features(credence: Sequence[Evidence], plain: int) -> dict[str, float]:
    """``sum(w) / (sum(|w|) + plain)``: in [-1, 1], 0 with only plain statements."""
    weights = [float(e.attrs["weight"]) for e in credence]
    scale = sum(abs(w) for w in weights) + plain
    return {"credence": sum(weights) / scale if scale else 0.0, "credence.contributions": float(len(weights))}


def _label_features(labels: Sequence[Evidence]) -> dict[str, float]:
    quoted_weight = float(frame_weights()["labels"]["quoted_weight"])
    counts = {
        f"labels.{voice}_{side}": float(sum(
            (e.attrs["voice"] == "reporter") == (voice == "reporter") and (e.attrs["polarity"] > 0) == (side == "positive")
            for e in labels
        ))
        for voice in ("reporter", "quoted") for side in ("negative", "positive")
    }
    counts["labels.negative"] = counts["labels.reporter_negative"] + counts["labels.quoted_negative"]
    counts["labels.positive"] = counts["labels.reporter_positive"] + counts["labels.quoted_positive"]
    positive = counts["labels.reporter_positive"] + quoted_weight * counts["labels.quoted_positive"]
    negative = counts["labels.reporter_negative"] + quoted_weight * counts["labels.quoted_negative"]
    counts["labels.balance"] = (positive - negative) / (positive + negative + 1.0)
    return counts


def _tones(article: _Article, actor: Actor, tone: ToneScorer) -> list[Evidence]:
    """The tone toward each mention of the actor in a body sentence, one evidence item each."""
    analysis = article.analysis
    method = tone_method(tone)
    found = []
    for m in actor.mentions:
        i = _sentence_of(analysis, m.start)
        if i not in article.body:
            continue
        s = analysis.sentences[i]
        score = max(-1.0, min(1.0, float(tone(analysis.text, m.start, m.end, (s.start, s.end)))))
        words = tone_reasons(tone, analysis.text, m.start, m.end, (s.start, s.end))
        found.append(_evidence(analysis, "tone", m.start, m.end, i, score=round(score, 4), method=method,
                               **({"words": words} if words else {})))
    return found


def _portrayal(features: Mapping[str, float]) -> dict[str, float]:
    weights = frame_weights()["portrayal"]["weights"]
    parts = {"credence": features["credence"], "labels": features["labels.balance"], "tone": features["tone"]}
    out = {f"portrayal.{part}": value for part, value in parts.items()}
    out["portrayal"] = sum(float(weights[part]) * value for part, value in parts.items())
    return out
