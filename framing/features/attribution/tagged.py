"""Tagger mode: the fine-tuned cue tagger's cues, read with the rules where they agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...types import END, IS_WORD, LOWER, START, TEXT, Doc, Sentence, Token
from .lexicon import word_set

if TYPE_CHECKING:
    from ...tagger import CueTagger

from .chunks import NOUN_BEFORE, np_left, skip_left, verb_group_start
from .content import Found, content_after, content_before, make
from .learned import candidate_source_kind, cue_scorer
from .lexicon import lexicon


def tagged_attributions(doc: Doc, found: list[Found], tagger: CueTagger) -> list[Found]:
    """The tagger's cues, read with the rules where they agree.

    A rule cue the tagger also marks keeps the rules' source, content and
    verb. A rule cue it does not mark is dropped, unless it is a source's own
    stance ("are skeptical of", which PolNeAR rarely marks) or a verb with a
    stance (*denied by the defense ministry*): the skeptical count needs them.
    Past the tagger's token limit (a very long sentence) the rules alone decide.
    A cue only the tagger marks gets the source it tags nearest (before the
    cue first), else the subject the rules would find, else none (an agentless
    "it was reported"); its verb is the lexicon lemma of a cue word, else its
    own words. Never added: a cue inside a kept attribution's source ("a
    statement issued by the Iraqi military claiming ...": one statement), a
    cue after "X quoted Y (as) ..." in its sentence (the rules read it as one
    statement), a lone mark with no source, and thoughts, wishes, evidence
    and intentions (*is keen to*) without a speech word.
    """
    lex = lexicon()
    out_of_scope = cue_scorer().excluded | _INTENTIONS
    by_sentence: dict[int, list[Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence.index, []).append(item)
    result = []
    for sentence in doc.body:
        spans = tagger.spans(sentence.text)
        cues = _joined_cues(doc.text, [(sentence.start + s, sentence.start + e, p) for s, e, p in spans.cue])
        rules = by_sentence.get(sentence.index, [])
        unread = sentence.start + spans.covered  # past the tagger's token limit: the rules alone decide
        kept = [e for e in rules if e.stance_word is not None or lex.stance.get(e.lemma, "neutral") != "neutral"
                or doc.tokens[e.cue[0]][START] >= unread or any(_chars_overlap(doc, e.cue, c) for c in cues)]
        result += kept
        tokens = doc.sentence_tokens(sentence)
        offset = sentence.token_start
        taken = {i - offset for e in kept if e.source is not None for i in range(*e.source)}
        quoting = min((e.cue[0] - offset for e in kept if e.lemma == "quote" and e.quoted_person is not None),
                      default=len(tokens))
        for start, end, probability in cues:
            if any(_chars_overlap(doc, e.cue, (start, end)) for e in rules):
                continue
            first, last = _tokens_within(tokens, start, end)
            if first == last or first > quoting or not taken.isdisjoint(range(first, last)):
                continue
            words = [t[LOWER] for t in tokens[first:last] if t[IS_WORD]]
            if not any(w in lex.form_lemma for w in words) and any(w in out_of_scope for w in words):
                continue
            source = _tagged_source(tokens, first, last, [(sentence.start + s, sentence.start + e)
                                                          for s, e, _ in spans.source])
            if not words and source is None:
                continue  # a lone ":" or dash with no speaker before it
            lemma = next((lex.form_lemma[w] for w in words if w in lex.form_lemma), " ".join(words) or tokens[first][TEXT])
            item = make(doc, sentence, offset, first, last, lemma, source,
                         _tagged_content(doc, sentence, tokens, first, last, source))
            item.score, item.tagged = probability, True
            result.append(item)
            taken.update(range(first, last))  # one word is one cue, even if the tagger split it
            if source is not None:
                taken.update(range(*source))
    return sorted(result, key=lambda e: e.cue)
# adjectives of intention: "is keen to", "is determined to" (wishes, out of scope like "wants")
_INTENTIONS = word_set("intentions")


def _joined_cues(text: str, cues: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Tagged cue runs with up to two lower-case words between them as one cue.

    The tagger may leave a function word of a cue phrase untagged ("made clear
    in any case", "made the announcement"): one statement, not two.
    """
    joined: list[tuple[int, int, float]] = []
    for start, end, p in cues:
        if joined:
            gap = text[joined[-1][1]:start].split()
            if len(gap) <= 2 and all(w.isalpha() and w.islower() for w in gap):
                joined[-1] = (joined[-1][0], end, max(joined[-1][2], p))
                continue
        joined.append((start, end, p))
    return joined


def _tagged_content(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int, source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """What a tagger-only cue attributes: what follows it, else the quotation or clause before its
    source and cue ('"We will crush them," the general crowed'), as the rules read an inverted cue."""
    after = content_after(doc, sentence, tokens, last)
    if after is not None:
        return after
    stop = min(first, source[0]) if source is not None else first
    return content_before(doc, sentence, tokens, stop) if stop > 0 else None


def _chars_overlap(doc: Doc, cue: tuple[int, int], span: tuple[int, ...]) -> bool:
    """Whether the tokens ``cue`` (doc token indices) overlap the character span."""
    return doc.tokens[cue[0]][START] < span[1] and span[0] < doc.tokens[cue[1] - 1][END]


def _tokens_within(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """The sentence's token indices ``[first, last)`` overlapping the characters ``[start, end)``."""
    inside = [i for i, t in enumerate(tokens) if t[START] < end and start < t[END]]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _tagged_source(
    tokens: Sequence[Token], first: int, last: int, sources: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tagged source nearest the cue (one before it first), else the subject the rules would find."""
    spans = [_tokens_within(tokens, s, e) for s, e in sources]
    spans = [s for s in spans if s[0] != s[1] and not (s[0] < last and first < s[1])]
    if spans:
        return min(spans, key=lambda s: (s[0] > first, abs(s[0] - first)))
    left = skip_left(tokens, verb_group_start(tokens, first))
    if left < 0 or tokens[left][LOWER] in NOUN_BEFORE:
        return None
    source = np_left(tokens, left)
    return source if source is not None and candidate_source_kind(tokens, source, lexicon()) else None
