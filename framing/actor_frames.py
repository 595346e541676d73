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
  on the claim (*what it called*) and voices contesting the actor lower it.
  A voice contests the actor named in its words who makes claims in the
  article, else the article's leading claimant (*Washington was skeptical
  about Putin's statement*); a denial of an accusation contests the accuser.
  A contester the article discredits (*stubbornly unconvinced*, *against all
  evidence*) loses credence itself, and its contest counts half.
- **contested**: ``contested`` counts the contesting voices; each is an
  evidence item naming the contester and how the article frames it.
- **labels**: loaded words applied to the actor (an epithet, *the Assad
  regime*; a word after its possessive, *Moscow's martyrs*), negative and
  positive, in the reporter's voice and in quoted or reported speech.
- **tone** in [-1, 1]: the mean tone over the actor's mentions in the body,
  by a :data:`ToneScorer` (VADER on the mention's sentence by default;
  :func:`model_tone` plugs in the target-dependent model).
- **portrayal** in [-1, 1]: a weighted sum of credence, label balance and
  tone (:func:`portrayal_parts` lists the parts).

Weights and word lists are data (``actor-frames.v1.json``). Every
contribution is an evidence item (family ``actor``) naming its sentence.
This runs in the comparison and ``framing score --explain actors``, not in
:func:`framing.analyze`, which stays within its speed budget.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from .features.tone import sentence_compound
from .lexicons import load_json
from .types import Actor, Analysis, Attribution, Evidence, Span

FRAMES_FILE = "actor-frames.v1.json"
FAMILY = "actor"

ToneScorer = Callable[[str, int, int, tuple[int, int]], float]
"""Tone toward the mention ``text[start:end]`` in its sentence ``(start, end)``, in [-1, 1]."""


def vader_tone(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
    """The default tone: VADER's compound score of the mention's whole sentence (blind to the target)."""
    return _sentence_tone(text[sentence[0] : sentence[1]])


@lru_cache(maxsize=4096)
def _sentence_tone(sentence: str) -> float:
    """VADER once per sentence, however many mentions it holds."""
    return sentence_compound(sentence)


def model_tone(text: str, start: int, end: int, sentence: tuple[int, int]) -> float:
    """Target-dependent tone from :func:`framing.target_tone` (the fine-tuned MiniLM; tens of ms an article)."""
    from .target_tone import target_tone  # opt-in: loads ONNX Runtime and the model on first use

    return float(target_tone(text, start, end, context=sentence).score)


TONE_METHODS: Mapping[ToneScorer, str] = {vader_tone: "vader_sentence", model_tone: "target_tone"}


@cache
def frame_weights() -> Mapping[str, Any]:
    """The shipped weights and word lists of actor framing."""
    return dict(load_json(FRAMES_FILE))


@dataclass(slots=True)
class _Frame:
    """One actor's framing as it is gathered: contributions, voice and labels, each with its evidence."""

    names: frozenset[str]
    credence: list[Evidence] = field(default_factory=list)
    voice: list[Evidence] = field(default_factory=list)
    contested: list[Evidence] = field(default_factory=list)
    labels: list[Evidence] = field(default_factory=list)
    plain: int = 0


def actor_frames(analysis: Analysis, *, tone: ToneScorer = vader_tone) -> tuple[Actor, ...]:
    """The article's actors, its actor-table groups and its named sources that are no actor, framed.

    Each returned :class:`~framing.types.Actor` carries ``features`` (the
    keys listed in the module's docstring) and ``evidence``. ``tone`` scores
    one mention (:func:`vader_tone` by default, :func:`model_tone` for the
    target-dependent model); ``features["tone.by_model"]`` is 1.0 when a
    scorer other than VADER was used.
    """
    actors = (*analysis.actors, *_unrecognised_sources(analysis))
    speakers = [_speaker(analysis, actors, a) for a in analysis.attributions]
    claims = Counter(s for s in speakers if s is not None)
    frames = {a.name: _Frame(frozenset({a.name})) for a in actors}
    for attribution, speaker in zip(analysis.attributions, speakers):
        if speaker is not None:
            _own_statement(analysis, frames[speaker], attribution)
        if attribution.skeptical or attribution.verb_stance == "contesting":
            _contest(analysis, actors, frames, attribution, speaker, speakers, claims)
    _presupposing_frames(analysis, actors, frames)
    _reporter_distancing(analysis, actors, frames)
    for name, labels in _labels(analysis, actors).items():
        frames[name].labels.extend(labels)
    framed = [_framed(analysis, a, [frames[a.name]], speakers, tone) for a in actors]
    for group in sorted({a.group for a in analysis.actors if a.group} - {a.name for a in actors}):
        merged = analysis.actor(group)
        members = [frames[a.name] for a in analysis.actors if a.group == group]
        if merged is not None:
            framed.append(_framed(analysis, replace(merged, name=group), members, speakers, tone))
    return tuple(framed)


def portrayal_parts(actor: Actor) -> tuple[tuple[str, float, float], ...]:
    """The parts of an actor's portrayal: (part, value, weight), summing to ``features["portrayal"]``."""
    weights = frame_weights()["portrayal"]["weights"]
    return tuple((part, actor.features.get(f"portrayal.{part}", 0.0), float(w)) for part, w in weights.items())


# -- who speaks -------------------------------------------------------------------

def _unrecognised_sources(analysis: Analysis) -> list[Actor]:
    """Named sources with no actor behind them ("Syrian state television"), one actor each.

    Anonymous sources ("one European diplomat") and common nouns ("the
    military") name no one to frame; they still count as contesters.
    """
    found: dict[str, list[Span]] = {}
    for a in analysis.attributions:
        if a.source is None or a.source_type == "anonymous" or _actors_in(analysis.actors, a.source):
            continue
        if not re.search(r"\b[A-Z]", _source_name(a.source.text)):
            continue  # "the military", "the statement": a common noun names no one in particular
        if a.attrs.get("resolved_from"):
            continue  # a pronoun: its antecedent is the source already counted
        found.setdefault(_source_name(a.source.text), []).append(a.source)
    kinds = {"media": "organisation", "document": "organisation", "organisation": "organisation", "person": "person"}
    typed = {_source_name(a.source.text): kinds.get(a.source_type, "organisation")
             for a in analysis.attributions if a.source is not None}
    return [Actor(name, typed[name], None, tuple(spans)) for name, spans in found.items()]  # type: ignore[arg-type]


def _source_name(text: str) -> str:
    return re.sub(r"^(?:the|a|an|one)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)


def _actors_in(actors: Iterable[Actor], span: Span) -> list[Actor]:
    """The actors with a mention inside ``span``, persons first, then in order of their mention."""
    inside = [(m.start, a) for a in actors for m in a.mentions if span.start <= m.start and m.end <= span.end]
    inside.sort(key=lambda pair: (pair[1].kind != "person", pair[0]))
    return [a for _, a in inside]


def _speaker(analysis: Analysis, actors: Sequence[Actor], a: Attribution) -> str | None:
    """Whose claim an attribution reports: the person it relays ("quoted Assad as ..."), else its source."""
    relayed = a.attrs.get("quoted_person")
    if relayed and (actor := analysis.actor(str(relayed))) is not None and actor.kind != "group":
        return actor.name
    if a.source is None:
        return None
    inside = _actors_in(actors, a.source)
    if inside:
        return inside[0].name
    named = _source_name(a.source.text)
    return named if any(x.name == named for x in actors) else None


def _evidence(analysis: Analysis, label: str, start: int, end: int, sentence: int, **attrs: Any) -> Evidence:
    return Evidence(FAMILY, label, start, end, analysis.text[start:end], sentence, attrs)


def _own_statement(analysis: Analysis, frame: _Frame, a: Attribution) -> None:
    """An attribution to the actor: its voice, and what the reporter puts on the claim."""
    verb = str(a.attrs.get("verb", a.cue.text))
    frame.voice.append(_evidence(analysis, "voice", a.cue.start, a.cue.end, a.sentence,
                                 verb=verb, stance=a.verb_stance, direct=a.direct))
    weights = frame_weights()["credence"]["weights"]
    before = len(frame.credence)
    seen: set[tuple[int, int]] = set()  # "purportedly" is a hedge and a distancing marker: one contribution
    if a.verb_stance in ("endorsing", "distancing"):
        rule = f"{a.verb_stance}_verb"
        frame.credence.append(_evidence(analysis, "credence", a.cue.start, a.cue.end, a.sentence,
                                        rule=rule, weight=weights[rule]))
    for e in analysis.evidence:
        if e.sentence != a.sentence or (e.start, e.end) in seen:
            continue
        if e.family == "loaded" and e.label == "scare_quote" and a.content is not None and (
            a.content.start <= e.start and e.end <= a.content.end + 1
        ):
            rule = "scare_quotes"
        elif _reporter_hedge(e) and not _inside(e, a.content):
            rule = "reporter_hedge"
        else:
            continue
        seen.add((e.start, e.end))
        frame.credence.append(_evidence(analysis, "credence", e.start, e.end, e.sentence,
                                        rule=rule, weight=weights[rule]))
    if len(frame.credence) == before:
        frame.plain += 1


def _reporter_hedge(e: Evidence) -> bool:
    """The reporter's own hedge or distancing marker ("purportedly", "what it called"), not a verb or a count."""
    if e.family == "attribution" and e.label == "narrator_distancing":
        return e.attrs.get("kind") == "marker"
    return e.family == "hedging" and e.attrs.get("voice") == "reporter" and e.label not in ("approximator", "weasel")


def _inside(e: Evidence, span: Span | None) -> bool:
    return span is not None and span.start <= e.start and e.end <= span.end


# -- who is contested -------------------------------------------------------------

def _contest(
    analysis: Analysis,
    actors: Sequence[Actor],
    frames: dict[str, _Frame],
    a: Attribution,
    contester: str | None,
    speakers: Sequence[str | None],
    claims: Counter[str],
) -> None:
    """A doubting or denying voice: against the actor it contests, with how the article frames the contester."""
    target = _contested(analysis, actors, a, contester, speakers, claims)
    if target is None or target == contester:
        return
    weights = frame_weights()["credence"]
    discredit = _discrediting(analysis, actors, a, contester)
    for phrase, sentence, start, end in discredit:
        if contester is not None and not any(e.start == start and e.attrs["rule"] == "discredited"
                                             for e in frames[contester].credence):  # once, however often it contests
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
    content = a.content
    if content is None or not 0 <= a.sentence < len(analysis.sentences):
        return a.cue.start, a.cue.end
    sentence = analysis.sentences[a.sentence]
    if not (sentence.start <= content.start and content.end <= sentence.end):
        return a.cue.start, a.cue.end
    return min(a.cue.start, content.start), max(a.cue.end, content.end)


def _contested(
    analysis: Analysis,
    actors: Sequence[Actor],
    a: Attribution,
    contester: str | None,
    speakers: Sequence[str | None],
    claims: Counter[str],
) -> str | None:
    """Whom a contesting voice contests.

    A denial answers the accuser of the sentence or the one before ("Moscow
    denied the allegations"); a speaker defending its own record with no
    accuser in sight contests no one. Otherwise the voice contests the
    claimant its words name ("skeptical about Putin's statement"), else the
    article's leading claimant (most statements, the first of equals).
    """
    if a.verb_stance == "contesting" or a.attrs.get("contests") == "own record":
        index = analysis.attributions.index(a)
        for earlier, speaker in zip(reversed(analysis.attributions[:index]), reversed(speakers[:index])):
            if earlier.verb_stance == "accusatory" and a.sentence - earlier.sentence <= 1 and speaker:
                return speaker
        if a.attrs.get("contests") == "own record":
            return None
    if a.content is not None:
        for actor in _actors_in(actors, a.content):
            if claims[actor.name] and actor.name != contester:
                return actor.name
    leading = [name for name, _ in claims.most_common() if name != contester]
    if not leading:
        return None
    top = claims[leading[0]]
    first = {name: i for i, name in reversed(list(enumerate(speakers))) if name is not None}
    return min((n for n in leading if claims[n] == top), key=lambda n: first[n])


def _discrediting(
    analysis: Analysis, actors: Sequence[Actor], a: Attribution, contester: str | None
) -> list[tuple[str, int, int, int]]:
    """How the article discredits a contester: phrases in its statement's sentence or a sentence naming it.

    A sentence names it when it holds one of its names as written, so a
    headline counts ("Against All Evidence, Pentagon Just Can't Accept ..."),
    though the recogniser reads only the body.
    """
    sentences = {a.sentence}
    actor = next((x for x in actors if x.name == contester), None)
    if actor is not None:
        names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in {*actor.aliases, actor.name}) + r")\b")
        sentences |= {i for i, s in enumerate(analysis.sentences) if names.search(s.text)}
    found = []
    for i in sorted(sentences):
        if not 0 <= i < len(analysis.sentences):
            continue
        s = analysis.sentences[i]
        for match in _discrediting_pattern().finditer(analysis.text, s.start, s.end):
            found.append((match.group().lower(), i, match.start(), match.end()))
    return found


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


def _reporter_distancing(analysis: Analysis, actors: Sequence[Actor], frames: dict[str, _Frame]) -> None:
    """The reporter's distancing in a sentence with no attribution ("Russia has announced ... only to"):
    against the first actor named before the marker."""
    weight = frame_weights()["credence"]["weights"]["reporter_distancing"]
    attributed = {a.sentence for a in analysis.attributions}
    for e in analysis.evidence:
        if e.family != "attribution" or e.label != "narrator_distancing" or e.sentence in attributed:
            continue
        if e.attrs.get("kind") == "scare_quotes" or not 0 <= e.sentence < len(analysis.sentences):
            continue
        start = analysis.sentences[e.sentence].start
        named = [(m.start, a) for a in actors for m in a.mentions if start <= m.start and m.end <= e.start]
        if named:
            actor = min(named, key=lambda pair: pair[0])[1]
            frames[actor.name].credence.append(_evidence(
                analysis, "credence", e.start, e.end, e.sentence, rule="reporter_distancing", weight=weight,
            ))


def _sentence_of(analysis: Analysis, offset: int) -> int:
    """The index of the sentence holding ``offset`` (-1 between sentences), by bisection: sentences are in order."""
    i = bisect_right(analysis.sentences, offset, key=_START) - 1
    return i if i >= 0 and offset < analysis.sentences[i].end else -1


_START = attrgetter("start")


# -- labels -----------------------------------------------------------------------

_POSSESSIVE = re.compile(r"^(?:['\u2019]s?| s)\s*[\"\u201c']?$")


def _labels(analysis: Analysis, actors: Sequence[Actor]) -> dict[str, list[Evidence]]:
    """Loaded words applied to each actor: in an epithet for it, or right after its possessive."""
    polarity = frame_weights()["labels"]["polarity"]
    loaded = [e for e in analysis.evidence if e.family == "loaded" and e.label in polarity]
    found: dict[str, list[Evidence]] = {a.name: [] for a in actors}
    for epithet in (e for e in analysis.evidence if e.family == "loaded" and e.label == "actor_reference"
                    and e.attrs.get("loaded")):
        owner = _epithet_owner(analysis, actors, epithet)
        if owner is not None:
            found[owner] += [_label(analysis, e) for e in loaded if epithet.start <= e.start and e.end <= epithet.end]
    for actor in actors:
        for m in actor.mentions:
            after = [e for e in loaded if 0 < e.start - m.end <= 4 and _POSSESSIVE.match(analysis.text[m.end : e.start])]
            found[actor.name] += [_label(analysis, e) for e in after]
    return {name: list({(e.start, e.end): e for e in labels}.values()) for name, labels in found.items()}


def _epithet_owner(analysis: Analysis, actors: Sequence[Actor], epithet: Evidence) -> str | None:
    """The actor an epithet names: one whose mention it holds ("the Assad regime"), else the one the loaded
    family names ("the Syrian strongman" is Assad)."""
    for actor in actors:
        if any(m.start < epithet.end and epithet.start < m.end for m in actor.mentions):
            return actor.name
    named = analysis.actor(str(epithet.attrs.get("actor", "")))
    return named.name if named is not None and named.kind != "group" else None


def _label(analysis: Analysis, e: Evidence) -> Evidence:
    polarity = frame_weights()["labels"]["polarity"]
    return _evidence(analysis, "label", e.start, e.end, e.sentence, cue=str(e.attrs.get("cue", e.text)),
                     category=e.label, polarity=int(polarity[e.label]), voice=str(e.attrs.get("voice", "reporter")),
                     speaker=str(e.attrs.get("speaker", "")))


# -- the features -----------------------------------------------------------------

def _framed(
    analysis: Analysis, actor: Actor, frames: Sequence[_Frame], speakers: Sequence[str | None], tone: ToneScorer
) -> Actor:
    """The actor with its features and evidence, from its frames (a group's are its members')."""
    credence = _unique(e for f in frames for e in f.credence)
    voice = _unique(e for f in frames for e in f.voice)
    contested = _unique(e for f in frames for e in f.contested)
    labels = _unique(e for f in frames for e in f.labels)
    plain = sum(f.plain for f in frames)
    names = frozenset().union(*(f.names for f in frames))
    tones = _tones(analysis, actor, tone)
    features: dict[str, float] = {"mentions": float(len(actor.mentions))}
    features |= _voice_features(analysis, voice, speakers, names)
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


def _voice_features(
    analysis: Analysis, voice: Sequence[Evidence], speakers: Sequence[str | None], names: frozenset[str]
) -> dict[str, float]:
    total = len(analysis.attributions)
    last = next((s for a, s in sorted(zip(analysis.attributions, speakers), key=lambda p: -p[0].cue.start)), None)
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


def _tones(analysis: Analysis, actor: Actor, tone: ToneScorer) -> list[Evidence]:
    """The tone toward each mention of the actor in a body sentence, one evidence item each."""
    body = set(analysis.body)
    method = TONE_METHODS.get(tone, getattr(tone, "__name__", "custom"))
    found = []
    for m in actor.mentions:
        i = _sentence_of(analysis, m.start)
        if i not in body:
            continue
        s = analysis.sentences[i]
        score = max(-1.0, min(1.0, float(tone(analysis.text, m.start, m.end, (s.start, s.end)))))
        found.append(_evidence(analysis, "tone", m.start, m.end, i, score=round(score, 4), method=method))
    return found


def _portrayal(features: Mapping[str, float]) -> dict[str, float]:
    weights = frame_weights()["portrayal"]["weights"]
    parts = {"credence": features["credence"], "labels": features["labels.balance"], "tone": features["tone"]}
    out = {f"portrayal.{part}": value for part, value in parts.items()}
    out["portrayal"] = sum(float(weights[part]) * value for part, value in parts.items())
    return out
