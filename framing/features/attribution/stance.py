"""Stance: a source's own skeptical stance, doubt in what is said, and the reporter's distancing."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...types import (
    END,
    IS_WORD,
    LOWER,
    QUOTED,
    START,
    TEXT,
    Attribution,
    Doc,
    Evidence,
    Sentence,
    Span,
    Token,
)
from .chunks import np_left, np_right, skip_left
from .content import SPAN_START, TOKEN_END, TOKEN_START, Covered, Found, content_after, make
from .lexicon import FAMILY, Lexicon, lexicon, word_set

SCARE_QUOTE_WORDS = 3
_NEGATORS = word_set("negators")
_CERTAIN = word_set("certain_before_doubt")  # "no doubt", "without a doubt": certainty, not doubt
_BEFORE_DOUBT = word_set("before_doubt")  # "beyond a shadow of a doubt"
_DOUBT_NOUNS = frozenset({"doubt", "doubts"})  # the skeptical phrases the certainty rule is about
_SOWING = word_set("sowing_doubt")  # "sowed doubt about ...": doubt put in others' minds
# Verbs a stance adjective follows: "Washington was skeptical", "officials remained wary".
_COPULAS = word_set("copulas")
# Words that may stand between a copula and its adjective: "was deeply skeptical".
DEGREE = word_set("degree")
# What may follow a stance adjective: its complement or the clause's end, not a noun it modifies.
_AFTER_STANCE = word_set("after_stance")
# Verbs a stance noun follows with "with": "greeted the announcement with skepticism".
_RECEPTION_VERBS = word_set("reception_verbs")
# What stands before "wait and see": "Washington will wait and see", "prefers to wait and see".
_WAIT_BEFORE = word_set("wait_before")
_EXPLETIVES = word_set("expletives")
# After "what he called", a particle makes a phrasal verb: "what he called for", "called on".
_PARTICLES = word_set("particles")
# A past occasion before "only to": "Russia has announced draw-downs before only to ...".
_PAST_MARKERS = word_set("past_markers")
# Acts a reporter recounts with their outcome: "has announced ... before only to later ...".
_RECOUNTED_ACTS = word_set("recounted_acts")


def stance_attributions(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], reported: Covered, in_sentence: list[Found]
) -> list[Found]:
    """A source's own skeptical stance, with no speech verb.

    "Washington was skeptical about Putin's statement" (copula + adjective),
    "Washington greeted the announcement with skepticism" (or "was greeted with
    skepticism by/in Washington") and "Washington will wait and see". A stance
    word inside quotation marks or inside another attribution's content is that
    speaker's words, not a stance of its own.
    """
    offset = sentence.token_start
    contents = [e.content for e in in_sentence if e.content is not None]
    found = []
    for match in lexicon().stance_words.find(doc.sentence_lowers(sentence)):
        first, last = match.first, match.last
        word = tokens[first]
        if word[QUOTED] or word[START] in reported or any(start <= word[START] < end for start, end in contents):
            continue
        if match.key == "stance":
            item = _stance_adjective(doc, sentence, tokens, first, last)
        elif match.key == "stance_noun":
            item = _stance_noun(doc, sentence, tokens, first, last)
        else:
            item = _stance_wait(doc, sentence, tokens, first, last)
        if item is not None:
            item.stance_word = doc.text[doc.tokens[offset + first][START]:doc.tokens[offset + last - 1][END]]
            found.append(item)
    return found


def _stance_source(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    """The subject left of a stance's verb, if it can be a source (not "it", "this", a number)."""
    source = np_left(tokens, skip_left(tokens, verb))
    if source is None or tokens[source[0]][LOWER] in _EXPLETIVES:
        return None
    if tokens[source[1] - 1][TEXT][:1].isdigit():
        return None
    return source


def _stance_adjective(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> Found | None:
    """"Washington was skeptical about ...": copula (+ degree adverbs) + stance adjective."""
    if last < len(tokens) and tokens[last][LOWER] not in _AFTER_STANCE:
        return None  # "a skeptical reporter": the adjective modifies a noun
    k = first - 1
    while k >= 0 and (tokens[k][LOWER] in DEGREE or (
            tokens[k][TEXT][:1].islower() and tokens[k][LOWER].endswith("ly") and tokens[k][LOWER] != "only")):
        k -= 1
    if k < 0 or tokens[k][LOWER] not in _COPULAS:
        return None
    if any(t[LOWER] in _NEGATORS | {"less"} for t in tokens[max(0, k - 2):first]):
        return None  # "was not skeptical"
    source = _stance_source(tokens, k)
    if source is None:
        return None
    content = content_after(doc, sentence, tokens, last) if last < len(tokens) and tokens[last][IS_WORD] else None
    return make(doc, sentence, sentence.token_start, k, last, "be " + tokens[first][LOWER], source, content)


def _stance_noun(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> Found | None:
    """"X greeted the announcement with skepticism" / "... was greeted with skepticism in X"."""
    with_at = next((k for k in range(first - 1, max(-1, first - 4), -1) if tokens[k][LOWER] == "with"), None)
    if with_at is None:
        return None
    verb = next((k for k in range(with_at - 1, max(-1, with_at - 9), -1)
                 if tokens[k][LOWER] in _RECEPTION_VERBS), None)
    if verb is None or any(not t[IS_WORD] for t in tokens[verb:with_at]):
        return None
    offset = sentence.token_start
    if verb and tokens[verb - 1][LOWER] in {"was", "were", "been", "is", "are", "be"}:
        # passive: the source follows ("by Washington", "in Washington"), the subject is what was greeted
        if last + 1 >= len(tokens) or tokens[last][LOWER] not in {"by", "in", "from"}:
            return None
        source = np_right(tokens, last + 1)
        subject = np_left(tokens, verb - 2)
        content = None if subject is None else (tokens[subject[0]][START], tokens[subject[1] - 1][END])
        if source is None:
            return None
        return make(doc, sentence, offset, verb, last, "greet with", source, content)
    source = _stance_source(tokens, verb)
    if source is None:
        return None
    content = (tokens[verb + 1][START], tokens[with_at - 1][END]) if with_at > verb + 1 else None
    return make(doc, sentence, offset, verb, last, "greet with", source, content)


def _stance_wait(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> Found | None:
    """"Washington will wait and see (whether ...)": a modal or "to" before "wait"."""
    if tokens[first][LOWER] != "wait" or first == 0 or tokens[first - 1][LOWER] not in _WAIT_BEFORE:
        return None
    k = first - 1
    while k >= 0 and tokens[k][LOWER] in _WAIT_BEFORE:
        k -= 1
    source = _stance_source(tokens, k + 1)
    if source is None:
        return None
    content = content_after(doc, sentence, tokens, last) if last < len(tokens) and tokens[last][IS_WORD] else None
    return make(doc, sentence, sentence.token_start, first, last, "wait and see", source, content)


def recounted_act(doc: Doc, item: Found, content: Span | None, lex: Lexicon) -> str | None:
    """The reporter recounting a source's past act and its outcome, or None.

    "However, Russia has announced partial force draw-downs before only to
    later bring in different capabilities": the voice is the reporter's, who
    sets the announcement against what followed; the same words inside a
    quotation stay the speaker's doubt.
    """
    if content is None or item.direct or item.lemma not in _RECOUNTED_ACTS:
        return None
    # tokens are in text order: the content's end is found by bisection, not a scan to the text's end
    end = bisect_left(doc.tokens, content.end, lo=item.cue[1], key=TOKEN_START)
    tokens = doc.tokens[item.cue[1]:end]
    for match in lex.skeptical.find(doc.lowers[item.cue[1]:end]):
        if lex.skeptical_rule[match.key] == "recount" and _after_a_past_occasion(tokens, match.first):
            return match.key
    return None


def defends_own_record(doc: Doc, item: Found, content: Span | None, lex: Lexicon) -> bool:
    """A contesting verb whose object is the speaker's own record, not someone's claim.

    It refers back to what the story itself reports ("..., something Russian
    officials have repeatedly denied"), names an accusation ("denied the
    allegations") or is a that-clause about the speaker ("denied that it had ...").
    Such a denial is the accused side's defence; it does not doubt the story's claim.
    """
    if item.back_reference:
        return True
    if content is None:
        return False
    words = [t[LOWER] for t in doc.tokens[item.cue[1]:item.cue[1] + 6]
             if t[START] < content.end and t[IS_WORD]]
    speaker = {"he", "she", "they", "we", "i"}
    if words[:1] == ["that"]:
        words, speaker = words[1:], speaker | {"it"}  # "denied that it had ...", not "challenged it"
    return bool(words) and (words[0] in speaker
                            or any(w in lex.defence_objects for w in words[:4]))


def skeptical_reasons(
    doc: Doc, item: Found, content: Span | None, lex: Lexicon
) -> list[str]:
    """Doubt phrases in the content, or in the cue's sentence when there is no content."""
    sentence = item.sentence
    first = sentence.token_start
    last = sentence.token_end
    if content is not None:
        # tokens are in text order, so their starts and ends are sorted: bisect, not scan
        first = bisect_right(doc.tokens, content.start, key=TOKEN_END)
        last = bisect_left(doc.tokens, content.end, lo=first, key=TOKEN_START)
    tokens = doc.tokens[first:last]
    reasons = []
    for match in lex.skeptical.find(doc.lowers[first:last]):
        rule = lex.skeptical_rule[match.key]
        if rule == "negated":
            window = tokens[max(0, match.first - 3):match.first]
            if not any(t[LOWER] in _NEGATORS for t in window):
                continue
        elif rule == "recount":
            if not _after_a_past_occasion(tokens, match.first):
                continue  # "referring only to her interviews", "plans run only to 2030": no past act undone
        elif match.key in _DOUBT_NOUNS and (_certain(tokens, match.first) or _sown(tokens, match.first)):
            continue  # "there is no doubt", "beyond doubt": certainty; "sowed doubt": others' doubt
        reasons.append(match.key)
    return reasons


def _after_a_past_occasion(tokens: Sequence[Token], at: int) -> bool:
    """A past occasion ("before", "previously", "earlier") among the tokens before ``at``: "has announced
    draw-downs before only to ..." tells of a past act and how it turned out."""
    return any(t[LOWER] in _PAST_MARKERS for t in tokens[:at])


def _sown(tokens: Sequence[Token], at: int) -> bool:
    """The doubt noun at ``at`` is the object of a verb of sowing ("sowed doubt", "sow doubts about her
    strength", "sowing a doubt"): what someone did to others' confidence, not the source's doubt."""
    k = at - 1
    while k >= 0 and tokens[k][LOWER] in _BEFORE_DOUBT:
        k -= 1
    return k >= 0 and tokens[k][LOWER] in _SOWING


def _certain(tokens: Sequence[Token], at: int) -> bool:
    """The doubt noun at ``at`` is turned into certainty by the word before it ("no doubt", "without any
    doubt", "beyond a shadow of a doubt", "don't doubt"), unless that word is negated itself ("not beyond
    doubt"); "No, doubts remain" keeps its doubt."""
    k = at - 1
    while k >= 0 and tokens[k][LOWER] in _BEFORE_DOUBT:
        k -= 1
    return k >= 0 and tokens[k][LOWER] in _CERTAIN and not (k > 0 and tokens[k - 1][LOWER] in _NEGATORS)


def narrator_distancing(doc: Doc, attributions: Sequence[Attribution]) -> list[Evidence]:
    lex = lexicon()
    cue_starts = {a.cue.start for a in attributions}
    found: list[Evidence] = []
    for a in attributions:
        if a.verb_stance == "distancing":
            found.append(Evidence(FAMILY, "narrator_distancing", a.cue.start, a.cue.end, a.cue.text,
                                  a.sentence, {"quoted": False, "cue": a.attrs["verb"],
                                               "kind": "distancing_verb"}))
    contents = [(a.content.start, a.content.end) for a in attributions if a.content is not None]
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        for match in lex.distancing.find(doc.sentence_lowers(sentence)):
            span = tokens[match.first:match.last]
            if span[0][QUOTED] or span[0][START] in cue_starts:
                continue
            if match.key.startswith("what ") and match.last < len(tokens) and tokens[match.last][LOWER] in _PARTICLES:
                continue  # "what he called for": a demand, not a label handed back
            start, end = span[0][START], span[-1][END]
            found.append(Evidence(FAMILY, "narrator_distancing", start, end, doc.text[start:end],
                                  sentence.index, {"quoted": False, "cue": match.key,
                                                   "kind": "marker"}))
    reported = Covered()
    for start, end in contents:
        reported.add(start, end)
    for quote in doc.quotes:
        if len(quote.text.split()) > SCARE_QUOTE_WORDS:
            continue
        if quote.start in reported:
            continue
        home = _body_sentence_at(doc, quote.start)
        if home is None:
            continue
        found.append(Evidence(FAMILY, "narrator_distancing", quote.start, quote.end, quote.text,
                              home, {"quoted": True, "cue": "scare quotes", "kind": "scare_quotes"}))
    return found


def _body_sentence_at(doc: Doc, position: int) -> int | None:
    """The index of the body sentence holding the character at ``position``, if any."""
    i = bisect_right(doc.body, position, key=SPAN_START) - 1
    if i >= 0 and position < doc.body[i].end:
        return doc.body[i].index
    return None
