"""The rule chain: lexicon cues, a speaker and a colon, and "Asked whether ..., X said".

Each cue the lexicon matches is read by the first construction that fits it
(see :func:`attribution_at`); one that fits none is no attribution.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...types import (
    Doc,
    Sentence,
    Token,
)
from .chunks import (
    NOUN_BEFORE,
    NP_LIMIT,
    PARTICIPLE_BEFORE,
    PRONOUNS,
    QUANTIFIERS,
    STOP,
    apposition,
    is_np_word,
    new_clause,
    np_left,
    np_right,
    plural_head_before,
    relative,
    relative_clause,
    share_of_people,
    skip_left,
    subject,
    subject_after_comma,
    takes_base_form,
    title_case,
    titled_name_right,
    verb_group_start,
)
from .content import (
    NOUN_PRONE,
    Covered,
    Found,
    content_after,
    content_before,
    make,
    only_object,
    quote_before,
)
from .lexicon import lexicon, word_set
from .names import DETERMINERS, abbreviation_dot
from .stance import stance_attributions

# What may follow "Asked" opening a sentence: "Asked whether he would ..., Rubio said".
_ASKED_NEXT = word_set("asked_next")
_COLON_SPEAKER = 5  # tokens a speaker's name may take before a colon
# Labels that open a line with a colon but name no speaker.
_SECTION_LABELS = word_set("section_labels")
# Agentless passives that report no claim of an unnamed source: "was asked", "was told",
# "was quoted" (the person quoted is the source), "a PAC called ...".
_NOT_AGENTLESS = word_set("not_agentless")
_CLAIM_OPENERS = word_set("claim_openers")
# Relatives by which a clause refers back to what the story itself reports:
# "..., something Russian officials have repeatedly denied", "..., something which has been
# documented by Reuters but denied by the defense ministry".
_BACK_REFERENCE = word_set("back_reference")


def rule_attributions(doc: Doc) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    reported = Covered()  # the contents of the sentences before
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        offset = sentence.token_start
        in_sentence: list[Found] = []
        suppressed_until = -1
        for match in lex.cues.find(tokens):
            first, last = match.first, match.last
            if first < suppressed_until or any(t.quoted for t in tokens[first:last]):
                continue
            lemma = lex.form_lemma[match.key]
            item = _attribution_at(doc, sentence, tokens, first, last, lemma, in_sentence)
            if item is None:
                continue
            if lemma == "quote" and item.quoted_person is not None:
                # "Tass quoted Putin (as) saying ...": one statement, not two.
                suppressed_until = item.quoted_person[1] - offset + 3
            in_sentence.append(item)
        colon = _colon_attribution(doc, sentence, tokens)
        if colon is not None and not any(e.cue[0] < colon.cue[0] for e in in_sentence):
            in_sentence.insert(0, colon)
        in_sentence += stance_attributions(doc, sentence, tokens, reported, in_sentence)
        in_sentence.sort(key=lambda e: e.cue)
        found.extend(in_sentence)
        for item in in_sentence:
            if item.content is not None:
                reported.add(*item.content)
    return found


def _colon_attribution(doc: Doc, sentence: Sentence, tokens: Sequence[Token]) -> Found | None:
    """A speaker and a colon with no verb: 'Graham: Trump's rhetoric ...', 'TAPPER: Do you ...'.

    The line must open with a short name (a capitalised noun phrase, not a
    section label such as "Update:" or "Editor's note:") and go on after the colon.
    """
    colon = next((k for k, t in enumerate(tokens[:_COLON_SPEAKER + 1]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens) or tokens[0].quoted:
        return None
    name = tokens[:colon]
    if name[-1].lower in _SECTION_LABELS or name[0].lower in STOP | DETERMINERS:
        return None
    # a proper name: every word capitalised ("John McCain", "NY Daily News", "TAPPER")
    if not all((is_np_word(t) and t.text[:1].isupper() and not t.text[:1].isdigit())
               or t.lower == "'s" or abbreviation_dot(name, i) for i, t in enumerate(name)):
        return None
    said = [t for t in tokens[colon + 1:] if t.is_word]
    if len(said) < 4 or said[0].text[:1].isdigit():
        return None  # a score or a label: "Clinton: 547."
    commas = sum(t.text == "," for t in tokens[colon + 1:])
    if commas >= 3 and sum(t.text[:1].isupper() for t in said) > 0.6 * len(said):
        return None  # a list of names: "Iowa: Tim Albrecht, Brad Anderson, ..."
    offset = sentence.token_start
    content = content_after(doc, sentence, tokens, colon + 1)
    return make(doc, sentence, offset, colon, colon + 1, ":", (0, colon), content)


def _attribution_at(
    doc: Doc,
    sentence: Sentence,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lemma: str,
    earlier: list[Found],
) -> Found | None:
    offset = sentence.token_start
    group = verb_group_start(tokens, first)
    before = tokens[group - 1].lower if group else ""
    word = tokens[first].lower
    if lemma == "decline" and [t.lower for t in tokens[last:last + 2]] == ["to", "be"]:
        return None  # "who declined to be named": how a source is described, not a statement
    if lemma == "ask" and _asked_opening(tokens, first):
        # "Asked whether he would ..., Rubio said": the question put to the subject.
        source = subject_after_comma(tokens, first)
        if source is None:
            return None
        comma = next(k for k in range(last, len(tokens)) if tokens[k].text == ",")
        content = (tokens[last].start, tokens[comma - 1].end) if comma > last else None
        return make(doc, sentence, offset, first, last, lemma, source, content)
    if lemma == "ask" and before == "when" and group >= 2 and earlier and earlier[-1].source:
        # '"Jobs, jobs, jobs," Mrs. Clinton said ... when asked what ...': the question put to her.
        end = next((k for k in range(last, len(tokens)) if not tokens[k].is_word
                    and tokens[k].lower not in {"'s", "-"} and not abbreviation_dot(tokens, k)),
                   len(tokens))
        content = (tokens[last].start, tokens[end - 1].end) if end > last else None
        return make(doc, sentence, offset, first, last, lemma,
                     relative(earlier[-1].source, offset), content)
    if lemma != "according to" and before in NOUN_BEFORE and not (
        (before in QUANTIFIERS and not word.endswith(("s", "ing")))  # "Some said"
        or (before in PARTICIPLE_BEFORE and word.endswith("ing"))    # "by saying"
    ):
        return None
    if first and tokens[first].text[:1].isupper() and not title_case(tokens):
        return None  # "the United States", "Reports": a name or a noun, not a verb
    if lemma == "according to":
        source = np_right(tokens, last, lowercase=True)
        if source is None:
            return None
        content = content_before(doc, sentence, tokens, first)
        return make(doc, sentence, offset, first, last, lemma, source, content)
    left = skip_left(tokens, group)
    if word in NOUN_PRONE and left >= 0 and tokens[left].is_word and not (
            last < len(tokens) and tokens[last].lower in {"that", ",", ".", ":", "-", '"'}):
        return None  # "news reports show", "cost estimates": a noun unless a clause or stop follows
    after_comma = left >= 0 and tokens[left].lower in {",", '"', "'", "-"}  # folded marks
    # Inversion: ", said Pentagon spokesman Eric Pahon." / "..." said Putin.
    inverted = (left < 0 or after_comma) and not word.endswith("ing") and lemma != "tell"
    if inverted and left >= 0 and tokens[left].text == "," and apposition(tokens, left):
        inverted = False  # "Gen. Sergei Surovikin, the Russian military commander, said"
    if inverted:
        source = np_right(tokens, last) or titled_name_right(tokens, last)
        if source is not None and tokens[source[0]].lower in PRONOUNS and source[1] - source[0] > 1:
            source = None  # ", said he did not ...": a clause after the verb, not an inverted subject
        if source is not None and tokens[source[0]].lower not in {"that", "it"}:
            content = content_before(doc, sentence, tokens, left + 1 if left >= 0 else first)
            return make(doc, sentence, offset, first, last, lemma, source, content)
    if word.endswith("ing") and (after_comma or (left >= 0 and tokens[left].lower in PARTICIPLE_BEFORE)):
        # A participle takes the clause's subject: "Moscow ..., while claiming to ...".
        # After "X quoted Y as ..., saying" the participle is the same statement.
        if any(e.lemma == "quote" for e in earlier):
            return None
        if left == 0 and tokens[0].lower in PARTICIPLE_BEFORE:
            source = subject_after_comma(tokens, first)  # "After suggesting ..., Mr. Rubio"
        else:
            source = relative(earlier[-1].source, offset) if earlier else subject(tokens, left)
        if source is None:
            return None
        content = content_after(doc, sentence, tokens, last)
        return make(doc, sentence, offset, first, last, lemma, source, content)
    if left >= 0 and tokens[left].lower in {"and", "but"} and earlier:
        source = relative(earlier[-1].source, offset)
    elif last < len(tokens) and tokens[last].lower == "by" and word != lemma:
        # A passive: "denied by the defense ministry", "was told by the military".
        source = np_right(tokens, last + 1, lowercase=True)
        if source is None:
            return None
        item = make(doc, sentence, offset, first, last, lemma, source, None)
        return _with_back_reference(item, tokens, _back_reference(tokens, first))
    elif before in {"was", "were", "is", "are", "been", "be"} and not word.endswith("ing"):
        # A passive without its agent: "it was reported that ...", "is estimated to be much
        # higher", "was accused of ...": an unnamed source, when a claim follows.
        if lemma in _NOT_AGENTLESS or last >= len(tokens) or tokens[last].lower not in _CLAIM_OPENERS:
            return None
        content = content_after(doc, sentence, tokens, last + 1)
        return make(doc, sentence, offset, first, last, lemma, None, content)
    elif left > 0 and tokens[left].lower in {"and", "but"} and tokens[left - 1].is_word and (
            word != lemma):
        source = subject(tokens, left)  # "Wealth-X keeps its finances a secret but says"
    else:
        source = np_left(tokens, left)
        if source is not None and not new_clause(tokens, source[0]) and not relative_clause(
                tokens, source) and quote_before(doc, tokens, source[0]) is None and any(
                e.content is not None and e.content[0] <= tokens[first].start < e.content[1]
                for e in earlier):
            # reported inside another statement: "said it welcomed ..." (but '..."," he said' is his own)
            return None
    plural = None if source is None else plural_head_before(tokens, source)  # plural by construction
    if source is not None:
        source = share_of_people(tokens, source) or plural or source
    if source is None or (word == lemma and plural is None and not takes_base_form(tokens, source, first)):
        return None
    lone = tokens[source[0]].text
    if source[1] - source[0] == 1 and lone[:1].isdigit() and not lone.endswith("%"):
        return None  # a number is no speaker: "60 pledged delegates" (but "42% say" is a share of people)
    if lemma == "call" and _naming(tokens, source, left, last):
        return None  # "a super PAC called Future 45": a name given, not a statement
    if (word.endswith("ing") and tokens[source[0]].lower in {"a", "an", "the"}
            and source[1] - source[0] <= 3 and not any(t.text[:1].isupper() for t in tokens[source[0] + 1:first])):
        return None  # "an old saying": a noun after its adjective
    content = quote_before(doc, tokens, source[0])
    if content is None and only_object(tokens, last):
        antecedent = _back_reference(tokens, source[0])
        if antecedent is not None:
            return _with_back_reference(
                make(doc, sentence, offset, first, last, lemma, source, None), tokens, antecedent)
        content = content_before(doc, sentence, tokens, source[0])
    if content is None:
        content = content_after(doc, sentence, tokens, last)
    item = make(doc, sentence, offset, first, last, lemma, source, content)
    if lemma == "quote":
        item.quoted_person = _quoted_person(tokens, last, offset)
    return item


def _back_reference(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """What ", something (which) ..." left of token ``i`` refers back to: the noun phrase before the comma.

    "The use of private military contractors, something which has been
    documented by Reuters but denied by ..." -> "The use of private military
    contractors"; "... accused the Russian campaign of indiscriminate attacks
    and enormous civilian casualties, something Russian officials have
    repeatedly denied" -> "the Russian campaign of ... casualties".
    """
    j = i - 1
    while j > 0 and tokens[j].is_word and i - j <= NP_LIMIT:
        if tokens[j].lower in _BACK_REFERENCE:
            comma = j - 1 if tokens[j - 1].lower != "something" else j - 2
            if comma < 1 or tokens[comma].text != ",":
                return None
            k = comma - 1
            while k >= 0 and tokens[k].is_word and tokens[k].lower not in lexicon().form_lemma and (
                    tokens[k].lower in {"of", "and", "the", "a", "an"} or is_np_word(tokens[k])):
                k -= 1
            return (k + 1, comma) if k + 1 < comma else None
        j -= 1
    return None


def _with_back_reference(
    item: Found, tokens: Sequence[Token], antecedent: tuple[int, int] | None
) -> Found:
    """Take as content what the clause refers back to (``antecedent``, token indices), if any,
    and mark it as the story's own report."""
    if antecedent is not None:
        item.content = (tokens[antecedent[0]].start, tokens[antecedent[1] - 1].end)
        item.back_reference = True
        item.direct = False
    return item


def _asked_opening(tokens: Sequence[Token], first: int) -> bool:
    """"Asked whether ...," / "When asked about ...," opening the sentence."""
    opens = first == 0 or (first == 1 and tokens[0].lower == "when")
    return opens and first + 1 < len(tokens) and tokens[first + 1].lower in _ASKED_NEXT and any(
        t.text == "," for t in tokens[first + 2:])


def _naming(tokens: Sequence[Token], source: tuple[int, int], left: int, last: int) -> bool:
    """'called' introducing a name after a common noun: "a company called Sansun USA"."""
    if last >= len(tokens) or not (tokens[last].text[:1].isupper() or tokens[last].lower == '"'):
        return False
    head = tokens[left]
    opening = list(tokens[max(0, source[0] - 3):source[0] + 1])  # "a newly formed super PAC"
    while opening and any(not t.is_word for t in opening):
        opening.pop(0)  # not across a comma: "In a statement, Trump called Haley ..."
    return any(t.lower in {"a", "an", "one"} for t in opening) or (
        head.text[:1].islower() and head.lower not in PRONOUNS and head.lower not in {"who", "which"})


def _quoted_person(tokens: Sequence[Token], last: int, offset: int) -> tuple[int, int] | None:
    end = last
    while end < len(tokens) and tokens[end].text[:1].isupper() and end - last < 4:
        end += 1
    return (offset + last, offset + end) if end > last else None
