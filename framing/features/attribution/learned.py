"""The learned second stage: verb-shaped words the rules left, scored by a logistic regression."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from math import exp

from ...lexicons import load_json
from ...types import LOWER, QUOTED, TEXT, Doc, Sentence, Token
from .chunks import (
    CATENATIVES,
    NOUN_BEFORE,
    PRONOUNS,
    QUANTIFIERS,
    SKIP_LEFT,
    STOP,
    np_left,
    relative,
    skip_left,
    verb_group_start,
)
from .content import QUOTE_MARKS, TOKEN_START, Found, content_after, make
from .lexicon import Lexicon, lexicon, word_set
from .stance import DEGREE

_SCORER_FILE = "attribution-cue-scorer.v1.json"
VERB_ENDING = "ed"
# Words after a candidate cue that tell its construction: "warned that", "took aim at", "spoke about".
_NEXT_WORDS = word_set("next_words")
# Never a learned cue: function words, auxiliaries, adverbs, quantifiers and the verbs a cue's
# verb group opens with ("He continues to insist": the cue is "insist").
_NOT_CANDIDATES = STOP | NOUN_BEFORE | SKIP_LEFT | DEGREE | QUANTIFIERS | CATENATIVES | word_set("never_candidates")


@dataclass(frozen=True, slots=True)
class _Scorer:
    """A logistic regression over a candidate cue's features (``attribution-cue-scorer.v1.json``)."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    excluded: frozenset[str]  # thoughts, wishes, evidence: out of scope whatever the score
    verb_forms: frozenset[str]  # verb forms scored besides words ending in -ed ("vows", "took")

    def probability(self, features: Sequence[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + exp(-z))


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A word the rules did not take as a cue, with a source before it and its features."""

    sentence: Sentence
    index: int                        # token index in the sentence
    source: tuple[int, int]           # token indices in the sentence
    features: tuple[str, ...]


@cache
def cue_scorer() -> _Scorer:
    data = load_json(_SCORER_FILE)
    return _Scorer(
        weights={k: float(v) for k, v in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        excluded=frozenset(data["excluded"]),
        verb_forms=frozenset(data["verb_forms"]),
    )


def learned_attributions(doc: Doc, found: list[Found]) -> list[Found]:
    """Cues the rules missed, kept when the learned scorer's probability reaches its threshold.

    Only a word with a source before it is scored, so every cue it adds names
    who speaks; its probability travels in ``attrs["cue_score"]``.
    """
    scorer = cue_scorer()
    learned = []
    for candidate in cue_candidates(doc, found):
        score = scorer.probability(candidate.features)
        if score < scorer.threshold:
            continue
        sentence, i = candidate.sentence, candidate.index
        tokens = doc.sentence_tokens(sentence)
        # never a lexicon cue, so its own word is its verb, with a neutral stance
        item = make(doc, sentence, sentence.token_start, i, i + 1, tokens[i][LOWER],
                     candidate.source, content_after(doc, sentence, tokens, i + 1))
        item.score = score
        learned.append(item)
    return learned


def cue_candidates(doc: Doc, found: Sequence[Found], *, every_word: bool = False) -> list[_Candidate]:
    """Words the learned stage scores: lower-case, unquoted, not a rule cue, after a plausible source.

    A candidate is shaped like a verb (ends in -ed, or is a form the scorer
    lists: "vows", "spoke", "took"; ``every_word`` lifts this, for fitting).
    The source is found as the rules find a subject (past auxiliaries,
    adverbs, a time phrase and a verb group); it must be a pronoun, a
    capitalised name, a known source noun ("officials") or, after "and", the
    subject of the cue before. Lexicon cues, function words, adverbs,
    catenatives, words inside a rule attribution's source or content, and
    thoughts, wishes and evidence are left out.
    """
    lex = lexicon()
    # a rule cue, or inside a rule attribution's source or content: its words, not a statement of their own
    taken = {k for e in found for k in range(*e.cue)}
    taken.update(k for e in found if e.source is not None for k in range(*e.source))
    for e in found:
        if e.content is not None:
            first = bisect_left(doc.tokens, e.content[0], key=TOKEN_START)
            taken.update(range(first, bisect_left(doc.tokens, e.content[1], lo=first, key=TOKEN_START)))
    in_sentence: dict[int, list[Found]] = defaultdict(list)  # rule attributions by sentence, in their order
    for e in found:
        in_sentence[e.sentence.index].append(e)
    candidates = []
    forms, never = cue_scorer().verb_forms, _never_candidates()
    for sentence in doc.body:
        offset, has_quote = sentence.token_start, None
        tokens: Sequence[Token] = ()
        for k, token in enumerate(doc.tokens[offset:sentence.token_end], offset):
            word = token[LOWER]
            if not (word.endswith(VERB_ENDING) or word in forms or every_word) or word in never or (
                    token[QUOTED] or k in taken or not token[TEXT][0].islower() or not word.isalpha()
                    or word.endswith("ly")):
                continue
            if not tokens:  # the sentence is read only when it has a candidate
                tokens = doc.sentence_tokens(sentence)
            i = k - offset
            left = skip_left(tokens, verb_group_start(tokens, i))
            if left >= 0 and tokens[left][LOWER] in NOUN_BEFORE:
                continue
            if left >= 0 and tokens[left][LOWER] in {"and", "but"}:
                # "... said X and warned that ...": the subject of the earlier cue
                earlier = [e.source for e in in_sentence[sentence.index] if e.cue[0] < offset + i]
                source = relative(earlier[-1], offset) if earlier else None
                kind = "coordinated"
            else:
                source = np_left(tokens, left)
                kind = None if source is None else candidate_source_kind(tokens, source, lex)
            if source is None or kind is None:
                continue
            if has_quote is None:
                has_quote = any(t[QUOTED] for t in tokens)
            candidates.append(_Candidate(sentence, i, source,
                                         _candidate_features(tokens, i, left, source, kind, has_quote)))
    return candidates


def _candidate_features(
    tokens: Sequence[Token], i: int, left: int, source: tuple[int, int], kind: str, has_quote: bool
) -> tuple[str, ...]:
    """The scorer's features of the word at ``i``: the word and its stem, its neighbours and what
    follows (that-clause, quotation, preposition), the kind of source and how far back it stands."""
    word = tokens[i][LOWER]
    following = _next_class(tokens, i + 1)
    return (
        f"w={word}", f"stem={_stem(word)}", f"next={following}",
        f"next_word={_word_or_class(tokens, i + 1)}", f"prev={_word_or_class(tokens, i - 1)}",
        f"source={kind}", f"suffix={word[-2:]}", f"quote={has_quote}", f"gap={min(i - left, 3)}",
        f"that3={any(t[LOWER] == 'that' for t in tokens[i + 1:i + 4])}",
        f"position={min(i // 5, 4)}", f"source_len={min(source[1] - source[0], 4)}",
        f"next2={_next_class(tokens, i + 2)}", f"pair={word}_{following}",
        f"head={tokens[source[1] - 1][LOWER] if kind != 'name' else 'name'}",
    )


def candidate_source_kind(tokens: Sequence[Token], source: tuple[int, int], lex: Lexicon) -> str | None:
    """pronoun, relative ("who"), name or a known source noun's type; None for anything else ("the plan")."""
    words = tokens[source[0]:source[1]]
    head = words[-1][LOWER]
    if head in PRONOUNS or head == "who":
        return "pronoun" if head in PRONOUNS else "relative"
    if any(t[TEXT][:1].isupper() for t in words):
        return "name"
    kind = lex.source_heads.get(head)
    return None if kind is None else f"head_{kind}"


@cache
def _never_candidates() -> frozenset[str]:
    """Words the learned stage never scores: function words, the lexicon's cues (the rules' own)
    and the scorer's excluded words (thoughts, wishes, evidence)."""
    lex = lexicon()
    return _NOT_CANDIDATES | cue_scorer().excluded | frozenset(lex.form_lemma) | frozenset(lex.stance)


def _stem(word: str) -> str:
    """A crude suffix-stripped form, so "volunteers" and "volunteered" share a weight."""
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def _word_or_class(tokens: Sequence[Token], i: int) -> str:
    """A neighbour as a feature: a lower-case word itself; a name, number or mark only as its class,
    so that no weight is tied to a person or place of the fitting data."""
    if i < 0:
        return "^"
    if i >= len(tokens):
        return "$"
    token = tokens[i]
    if token[TEXT][:1].islower():
        return token[LOWER]
    return "name" if token[TEXT][:1].isupper() else ("number" if token[TEXT][:1].isdigit() else token[TEXT])


def _next_class(tokens: Sequence[Token], i: int) -> str:
    """What follows a candidate: a quotation, a that-clause, a preposition, a name ..."""
    if i >= len(tokens):
        return "end"
    token = tokens[i]
    if token[QUOTED] or token[TEXT] in QUOTE_MARKS:
        return "quote"
    if token[LOWER] in _NEXT_WORDS:
        return token[LOWER]
    return "name" if token[TEXT][:1].isupper() else "word"
