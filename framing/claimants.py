"""Whose claim a voice answers: an article's claimants, and the claim a contesting or confirming voice names.

Actor framing (:mod:`framing.actor_frames`) asks this of every voice that
doubts, denies or confirms: "Washington was skeptical about Putin's
statement" answers Putin; "Even the White House has confirmed that the
withdrawal is moving forward" answers whoever announced the withdrawal. The
answer is read from the words around the voice's verb: the owner of a claim
noun ("Putin's statement", "criticism from Giles"), a claimant its words
name, or, for a claim noun with no owner ("such announcements"), the
article's leading claimant. The claim and request nouns are data
(``contest_objects`` in ``actor-frames.v1.json``), handed in as
:class:`ClaimWords`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from .features.attribution import cue_forms
from .types import Actor, Analysis, Attribution, Span

Within = Callable[[int, int], list[tuple[Actor, Span]]]
"""The article's mentions inside ``[start, end]``, each with its actor."""

CLAIM_REACH = 300  # characters either side of a voice's verb in which the claim it answers is looked for
SPEAKING_REACH = 4  # words after a claimant's name in which it must speak to be the one a voice answers
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ClaimWords:
    """The claim and request nouns as patterns of whole words, and what stands around a claim's owner:
    ``owned``, a possessive and up to two words after the owner ("Putin's latest statement", "Putin s
    statement" with its apostrophe lost, "Sanders' claims"); ``named``, the claim noun at once (for "the
    Kremlin statement"); ``claim_from``, the claim before its owner ("criticism from", "claims by the");
    ``qualified``, a claim noun right after a qualifier, or one word further ("so-called partial withdrawal")."""

    claims: re.Pattern[str]
    requests: re.Pattern[str]
    owned: re.Pattern[str]
    named: re.Pattern[str]
    claim_from: re.Pattern[str]
    qualified: re.Pattern[str]

    @classmethod
    def from_lists(cls, lists: dict[str, Any]) -> ClaimWords:
        """From the data file's ``contest_objects``: its ``claims`` and ``requests`` word lists."""
        words = {kind: "(?:" + "|".join(map(re.escape, lists[kind])) + ")" for kind in ("claims", "requests")}
        claims = words["claims"]
        return cls(
            claims=re.compile(rf"\b{claims}\b", re.IGNORECASE),
            requests=re.compile(rf"\b{words['requests']}\b", re.IGNORECASE),
            owned=re.compile(rf"{POSSESSIVE_MARK}\s+(?:[\w-]+\s+){{0,2}}?{claims}\b", re.IGNORECASE),
            named=re.compile(rf"\s+{claims}\b", re.IGNORECASE),
            claim_from=re.compile(rf"\b{claims}\s+(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE),
            qualified=re.compile(rf"\s+(?:[\w-]+\s+)?{claims}\b", re.IGNORECASE),
        )


class Claimants:
    """The speakers ranked by how many statements they make, the first to speak first among equals, and the
    words of what each said."""

    def __init__(self, speakers: Sequence[str | None], attributions: Sequence[Attribution]) -> None:
        self.claims = Counter(s for s in speakers if s is not None)
        first = {name: i for i, name in reversed(list(enumerate(speakers))) if name is not None}
        self._ranked = sorted(self.claims, key=lambda name: (-self.claims[name], first[name]))
        self._said = list(zip(speakers, attributions))
        self._words: dict[str, set[str]] = {}

    def words(self, name: str) -> set[str]:
        """The words of what ``name`` said, lower-cased, read once and only when asked for."""
        if name not in self._words:
            self._words[name] = {w.lower() for speaker, a in self._said if speaker == name and a.content is not None
                                 for w in _WORD.findall(a.content.text)}
        return self._words[name]

    def leading(self, other_than: str | None) -> str | None:
        """The leading claimant who is not ``other_than``."""
        return next((name for name in self._ranked if name != other_than), None)


def sentence_of_statement(analysis: Analysis, a: Attribution) -> Span | None:
    """The attribution's sentence, if it has one."""
    return analysis.sentences[a.sentence] if 0 <= a.sentence < len(analysis.sentences) else None


def content_in_sentence(a: Attribution, sentence: Span | None) -> tuple[int, int] | None:
    """The attribution's content, when it stands inside ``sentence``."""
    content = a.content
    if content is None or sentence is None or not sentence.start <= content.start <= content.end <= sentence.end:
        return None
    return content.start, content.end


def claimant_of(text: str, within: Within, a: Attribution, speaker: str | None, claimants: Claimants,
                sentence: Span, words: ClaimWords, *, named: bool, leading: bool = True) -> str | None:
    """Whose claim a voice answers: the owner of a claim nearest its verb, else (with ``named``) a claimant
    its words name, persons first, else (with ``leading``) the leading claimant when it names an unowned
    claim (without ``named``, one the leading claimant's own statements name: "announced the withdrawal"). Only
    :data:`CLAIM_REACH` characters either side of the verb are read, so a long sentence of many voices
    costs each voice the same."""
    reach = (max(sentence.start, a.cue.start - CLAIM_REACH), min(sentence.end, a.cue.end + CLAIM_REACH))
    owner = claim_owner(text, within, a, speaker, reach, words)
    if owner is not None:
        return owner
    content = content_in_sentence(a, sentence)
    if named and content is not None:
        for actor, mention in persons_first(within(max(content[0], reach[0]), min(content[1], reach[1]))):
            if claimants.claims[actor.name] and actor.name != speaker and speaks_after(text, mention.end, content[1]):
                return actor.name
    first = claimants.leading(other_than=speaker) if leading else None
    said = None if named or first is None else claimants.words(first)
    if first is not None and unowned_claim(text, reach, a.source, words, said):
        return first
    return None


def persons_first(mentions: list[tuple[Actor, Span]]) -> list[tuple[Actor, Span]]:
    """Some mentions with their actors, persons first, then in text order."""
    return sorted(mentions, key=lambda pair: (pair[0].kind != "person", pair[1].start))


def speaks_after(text: str, mention_end: int, limit: int) -> bool:
    """Whether a word of speech or writing (the attribution family's cue forms) follows the mention within
    :data:`SPEAKING_REACH` words: "China announced", "Trump has repeatedly said" (not "Clinton may have been
    referring": "refer" is no cue form). A name in a doubting voice's words is the claimant only when it
    speaks there; otherwise it is the doubt's topic ("no evidence that Oswald had any connection"), or the
    person attacked ("questioned Mr. Trump's tactics")."""
    forms = cue_forms()
    words = (w.group().lower() for w in _WORD.finditer(text, mention_end, limit))
    return any(w in forms for w in islice(words, SPEAKING_REACH))


def claim_owner(text: str, within: Within, a: Attribution, speaker: str | None, reach: tuple[int, int],
                words: ClaimWords) -> str | None:
    """The actor nearest the verb, other than the speaker, that owns a claim: "Rubio's claim", "the
    Kremlin statement", "criticism from Giles"."""

    def distance(pair: tuple[Actor, Span]) -> int:
        mention = pair[1]
        return mention.start - a.cue.end if mention.start >= a.cue.end else a.cue.start - mention.end

    for actor, mention in sorted(within(*reach), key=distance):
        if actor.name == speaker or (a.source is not None and a.source.start <= mention.start < a.source.end):
            continue
        after = text[mention.end : min(mention.end + 60, reach[1])]
        before = text[max(mention.start - 40, reach[0]) : mention.start]
        definite = mention.text.lower().startswith("the ") or before.lower().endswith("the ")
        if words.owned.match(after) or (definite and words.named.match(after)) or words.claim_from.search(before):
            return actor.name
    return None


def unowned_claim(text: str, reach: tuple[int, int], source: Span | None, words: ClaimWords,
                  among: set[str] | None = None) -> bool:
    """Whether the words, the source aside, name a claim with no owner before it ("such announcements",
    "Russian comments"; not "the woman's allegations", "his insinuations", nor the speaker's own vehicle,
    "said in a statement"); with ``among``, only a claim noun among those words counts."""
    for match in words.claims.finditer(text, *reach):
        if source is not None and source.start <= match.start() < source.end:
            continue
        if among is not None and match.group().lower() not in among:
            continue
        if not _OWNER_OR_VEHICLE_BEFORE.search(text[max(match.start() - 40, reach[0]) : match.start()]):
            return True
    return False


def refuses_a_request(text: str, cue_end: int, sentence_end: int, words: ClaimWords) -> bool:
    """Whether the verb's object is a request: a request noun within the seven words after the verb, before
    any claim noun and before a clause begins ("rejected a Fox News proposal", "rejected Republican
    presidential candidate Donald Trump's offer"; not "denied that it had made any deal")."""
    after = (m.group() for m in _WORD_OR_COMMA.finditer(text, cue_end, sentence_end))
    for word in islice((w for w in after if w != "s"), 7):
        if word == "," or word.lower() in _CLAUSE_OPENERS or words.claims.fullmatch(word):
            return False
        if words.requests.fullmatch(word):
            return True
    return False


_WORD_OR_COMMA = re.compile(r"\w+|,")
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "when", "because"})


# a possessive after a name: "Putin's", "Sanders'", or "Putin s" where the text lost its apostrophes
POSSESSIVE_MARK = r"(?:['\u2019]s?|\s+s(?!\w))"
# before a claim noun: an owner ("the woman's", "the woman s", "his") or a vehicle ("in a statement")
_OWNER_OR_VEHICLE_BEFORE = re.compile(
    rf"(?:\w{POSSESSIVE_MARK}|\b(?:his|her|their|its|my|our|your)|\bin\s+(?:a|an|the|its|his|her|their))"
    r"\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
