"""What the reporter puts on an actor's claim: the verb's stance, a label in scare quotes, a hedge, a qualifier.

Actor framing (:mod:`framing.actor_frames`) asks this of every statement: does
"claimed" distance a claim ("claimed that ...") or name a victory ("claimed
victory"); does "reportedly" stand by the verb ("Trump reportedly said") or
qualify something else ("the apparently mind-numbed audience"); does
"so-called" stand before a claim ("so-called withdrawal") or anything else
("the alleged victims"); is a verb negated or withheld ("has never denied",
"could not independently confirm"). The words are data, in
``actor-frames.v1.json``, which :func:`frame_weights` reads once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from .claimants import ClaimWords
from .lexicons import load_json
from .types import Attribution, Evidence, Span

FRAMES_FILE = "actor-frames.v1.json"


@cache
def frame_weights() -> Mapping[str, Any]:
    """The shipped weights and word lists of actor framing."""
    return dict(load_json(FRAMES_FILE))


@cache
def claim_words() -> ClaimWords:
    """The data file's claim and request nouns, as patterns (:class:`framing.claimants.ClaimWords`)."""
    return ClaimWords.from_lists(frame_weights()["credence"]["contest_objects"])


def marker_rule(text: str, e: Evidence, a: Attribution, sentence_start: int) -> str | None:
    """The rule by which an evidence item of the statement's sentence (from ``sentence_start``) marks its claim,
    if it does: a label in scare quotes in its words (a quote of the actor's own words without one is a partial
    quote, "send a message"), or the reporter's hedge on it."""
    if e.family == "loaded" and e.label == "scare_quote" and e.attrs.get("label") and a.content is not None and (
            a.content.start <= e.start and e.end <= a.content.end + 1) and not _quoting(text, e, sentence_start):
        return "scare_quotes"
    if _reporter_hedge(e) and not _inside(e, a.content) and _bears_on_statement(text, e, a):
        return "reporter_hedge"
    return None


def claims_something(text: str, a: Attribution, sentence_end: int) -> bool:
    """Whether a distancing verb states a claim. A quotation's verb does ("Trump insisted: ...", "'We won,'
    Smith maintained"). Otherwise the words after the verb, up to the sentence's end, tell: no claim when the
    first is one of the data file's ``objects_of_no_claim`` ("insisted on improvements", "claimed victory",
    "maintains close ties", "maintained his silence"), unless a "that" opens a clause within five words
    ("claimed on Twitter that ..."; not "insisted on that point"), or a word of ``claims_after`` follows
    ("maintained his innocence")."""
    if a.direct:
        return True
    words = re.findall(r"[\w'\u2019-]+", text[a.cue.end : min(sentence_end, a.cue.end + 60)].lower())[:6]
    if not words:
        return True
    objects = frame_weights()["credence"]["objects_of_no_claim"]
    if any(w == "that" and (i == 0 or words[i - 1] not in objects["before_that_no_clause"])
           for i, w in enumerate(words)) or any(w in objects["claims_after"] for w in words[:3]):
        return True
    return words[0] not in objects["*"] and words[0] not in objects.get(str(a.attrs.get("verb", "")), ())


def _quoting(text: str, e: Evidence, sentence_start: int) -> bool:
    """A label in quotes that the reporter quotes rather than distances: an insult after a naming verb within
    six words ("called him a ''pathological liar''", "has branded this BSF a ''terror army''"; not
    "so-called") or a term mentioned ("the phrase 'radical Islam'", "the labeling of Filipinos as coming from
    a 'terrorist state'"; a term noun after a determiner, so not "in terms of"), in the label's sentence; the
    data file's ``quoting_words``. "claiming Assad was thankful for the blood of Moscow's 'martyrs'" is
    distance."""
    return bool(_quoting_pattern().search(text, max(sentence_start, e.start - 120), e.start))


@cache
def _quoting_pattern() -> re.Pattern[str]:
    lists = frame_weights()["credence"]["quoting_words"]
    verbs, nouns = ("|".join(map(re.escape, lists[key])) for key in ("naming_verbs", "term_nouns"))
    return re.compile(rf"(?:(?<![\w-])(?:{verbs})|\b(?:the|a|this|that|such)\s+(?:{nouns}))\b"
                      rf"(?:[^\w.;:!?]+[\w'\u2019-]+){{0,6}}?[^\w.;:!?]*$", re.IGNORECASE)


def _reporter_hedge(e: Evidence) -> bool:
    """The reporter's own distancing marker ("purportedly", "what it called") or evidential adverb
    ("apparently", "reportedly"; the data file's list).

    Not another hedge: a modal, a verb, "perhaps" in a speaker's sentence hedge the reporter's own words far
    more often than the claim ("taking on Trump one-on-one would have required millions more in cash")."""
    if e.family == "attribution" and e.label == "narrator_distancing":
        return e.attrs.get("kind") == "marker"
    return e.family == "hedging" and e.attrs.get("voice") == "reporter" and e.text.lower() in _evidentials()


@cache
def _evidentials() -> frozenset[str]:
    return frozenset(frame_weights()["credence"]["evidential_adverbs"])


def _bears_on_statement(text: str, e: Evidence, a: Attribution) -> bool:
    """Whether the reporter's marker qualifies this statement: "what he called", an evidential next to the
    verb ("Trump reportedly said", "was apparently referring"), or a qualifier of a claim noun ("the
    alleged plot" is no claim). "the apparently mind-numbed audience" qualifies the audience, not the joke."""
    marks = marks_a_claim(text, e)
    if marks is not None:
        return marks
    if e.end > a.cue.start:
        return False
    between = text[e.end : a.cue.start]  # "Trump reportedly said", "Trump, reportedly, said"
    if between.strip() == ",":
        return True
    return len(between.split()) <= 2 and not re.search(r"[,;:.!?\"\u201c\u201d]", between)


def marks_a_claim(text: str, e: Evidence) -> bool | None:
    """Whether a marker names a claim as one, whatever verb is near: "what it called" does, a qualifier does
    before a claim noun ("so-called withdrawal", "alleged statements"), not before anything else ("the alleged
    victims"); None for an evidential adverb, which marks the verb it stands by."""
    if e.text.lower().startswith("what "):
        return True
    if e.text.lower() in _qualifiers():
        return bool(claim_words().qualified.match(text, e.end))
    return None


@cache
def _qualifiers() -> frozenset[str]:
    return frozenset(frame_weights()["credence"]["distancing_qualifiers"])


def _inside(e: Evidence, span: Span | None) -> bool:
    return span is not None and span.start <= e.start and e.end <= span.end


def withheld_before(text: str, a: Attribution) -> bool:
    """Whether the attribution's verb is negated or withheld just before it (:func:`withheld`)."""
    return bool(withheld().search(text[max(0, a.cue.start - 40) : a.cue.start]))


@cache
def withheld() -> re.Pattern[str]:
    """A verb negated or withheld just before it ("not", "could not independently", "has yet to"): the data
    file's words, an adverb in "-ly" allowed after them ("not only dismissed" is no negation). A withheld
    confirmation vouches for no one, a withheld denial contests no one."""
    words = sorted(frame_weights()["credence"]["withheld"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace("'", "['\u2019]") if "'" in w else rf"\b{re.escape(w)}"
                            for w in words)  # "n't" ends a word: "didn't"
    return re.compile(rf"(?:{alternatives})(?:\s+(?!only\b)[a-z]+ly)?\s+$", re.IGNORECASE)  # "not only" negates nothing
