"""The rule chain: lexicon cues, a speaker and a colon, and "Asked whether ..., X said".

Each cue the lexicon matches is read by the first construction that fits it
(see :func:`attribution_at`); one that fits none is no attribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ...types import END, IS_WORD, LOWER, QUOTED, START, TEXT, Doc, Sentence, Token
from .chunks import (
    NOUN_BEFORE,
    NP_LIMIT,
    PARTICIPLE_BEFORE,
    PRONOUNS,
    QUANTIFIERS,
    SKIP_LEFT,
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
# A passive "questioned" with one of these as subject questions a person: "he was questioned by police".
_QUESTIONED_PEOPLE = word_set("questioned_people")


def rule_attributions(doc: Doc) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    reported = Covered()  # the contents of the sentences before
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        offset = sentence.token_start
        in_sentence: list[Found] = []
        suppressed_until = -1
        for match in lex.cues.find(doc.sentence_lowers(sentence)):
            first, last = match.first, match.last
            if first < suppressed_until or any(t[QUOTED] for t in tokens[first:last]):
                continue
            lemma = lex.form_lemma[match.key]
            item = attribution_at(doc, sentence, tokens, first, last, lemma, in_sentence)
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
    colon = next((k for k, t in enumerate(tokens[:_COLON_SPEAKER + 1]) if t[TEXT] == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens) or tokens[0][QUOTED]:
        return None
    name = tokens[:colon]
    if name[-1][LOWER] in _SECTION_LABELS or name[0][LOWER] in STOP | DETERMINERS:
        return None
    # a proper name: every word capitalised ("John McCain", "NY Daily News", "TAPPER")
    if not all((is_np_word(t) and t[TEXT][:1].isupper() and not t[TEXT][:1].isdigit())
               or t[LOWER] == "'s" or abbreviation_dot(name, i) for i, t in enumerate(name)):
        return None
    said = [t for t in tokens[colon + 1:] if t[IS_WORD]]
    if len(said) < 4 or said[0][TEXT][:1].isdigit():
        return None  # a score or a label: "Clinton: 547."
    commas = sum(t[TEXT] == "," for t in tokens[colon + 1:])
    if commas >= 3 and sum(t[TEXT][:1].isupper() for t in said) > 0.6 * len(said):
        return None  # a list of names: "Iowa: Tim Albrecht, Brad Anderson, ..."
    offset = sentence.token_start
    content = content_after(doc, sentence, tokens, colon + 1)
    return make(doc, sentence, offset, colon, colon + 1, ":", (0, colon), content)


@dataclass(frozen=True)
class _Cue:
    """A lexicon cue at ``tokens[first:last]`` of its sentence, with what the rules read around it."""

    doc: Doc
    sentence: Sentence
    tokens: Sequence[Token]
    first: int
    last: int
    lemma: str
    earlier: list[Found]  # the sentence's attributions before this cue

    @property
    def offset(self) -> int:
        return self.sentence.token_start

    @property
    def word(self) -> str:
        return self.tokens[self.first][LOWER]

    @cached_property
    def group(self) -> int:
        """Where the cue's verb group begins ("continues to insist")."""
        return verb_group_start(self.tokens, self.first)

    @cached_property
    def before(self) -> str:
        """The word before the verb group ("" at the sentence's start)."""
        return self.tokens[self.group - 1][LOWER] if self.group else ""

    @cached_property
    def left(self) -> int:
        """The first token left of the verb group that is no auxiliary, adverb or time phrase (-1: none)."""
        return skip_left(self.tokens, self.group)

    @property
    def left_word(self) -> str:
        return self.tokens[self.left][LOWER] if self.left >= 0 else ""

    @property
    def after_comma(self) -> bool:
        return self.left_word in {",", '"', "'", "-"}  # folded marks

    def make(self, source: tuple[int, int] | None, content: tuple[int, int] | None) -> Found:
        return make(self.doc, self.sentence, self.offset, self.first, self.last, self.lemma, source, content)


def attribution_at(
    doc: Doc,
    sentence: Sentence,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lemma: str,
    earlier: list[Found],
) -> Found | None:
    """The attribution a lexicon cue makes, read by the first construction that fits it; None if none does.

    In order: a description of a source ("who declined to be named": none);
    a question put to the subject ("Asked whether ..., Rubio said"; "... when
    asked what ..."); a noun ("his claims", "the United States": none);
    "according to X"; inversion (", said Pentagon spokesman Eric Pahon");
    a participle taking the clause's subject (", saying ..."); and else a
    subject before the cue, coordinated, passive or plain (see :func:`_subject_attribution`).
    """
    cue = _Cue(doc, sentence, tokens, first, last, lemma, earlier)
    if lemma == "decline" and [t[LOWER] for t in tokens[last:last + 2]] == ["to", "be"]:
        return None  # "who declined to be named": how a source is described, not a statement
    if lemma == "ask" and _asked_opening(tokens, first):
        return _asked_first(cue)
    if lemma == "ask" and cue.before == "when" and cue.group >= 2 and earlier and earlier[-1].source:
        return _when_asked(cue)
    if _a_noun(cue):
        return None
    if lemma == "question" and _interrogation(cue):
        return None
    if lemma == "according to":
        return _according_to(cue)
    if _noun_prone(cue):
        return None
    inverted = _inverted(cue)
    if inverted is not None:
        return inverted
    if cue.word.endswith("ing") and (cue.after_comma or cue.left_word in PARTICIPLE_BEFORE):
        return _participle(cue)
    return _subject_attribution(cue)


def _interrogation(cue: _Cue) -> bool:
    """"held for questioning", "four people were also questioned", "she will only be questioned by members of the
    panel": a person questioned, not a claim doubted ("a claim questioned by her rivals", "criticized Scalia for
    questioning affirmative action" stay doubts). A passive's subject counts as a person when it is a pronoun
    or a word for people; a name does not ("The Affordable Care Act was questioned")."""
    tokens = cue.tokens
    if cue.before == "for":  # "for questioning." is a noun; "for questioning affirmative action" doubts something
        return cue.last >= len(tokens) or not tokens[cue.last][IS_WORD] or tokens[cue.last][LOWER] in _AFTER_NOUN
    if cue.word != "questioned":
        return False
    i, passive = cue.group - 1, False
    while i >= 0 and (tokens[i][LOWER] in _PASSIVE_GROUP
                      or (tokens[i][TEXT].islower() and tokens[i][LOWER].endswith("ly"))):
        passive = passive or tokens[i][LOWER] in _BE_FORMS
        i -= 1
    return passive and i >= 0 and tokens[i][LOWER] in _QUESTIONED_PEOPLE


_BE_FORMS = word_set("be_forms")
_AFTER_NOUN = word_set("after_questioning_noun")
# what may stand between a passive's subject and its verb: "had not been", "will only be", "were also"
_PASSIVE_GROUP = _BE_FORMS | SKIP_LEFT | word_set("auxiliaries") | word_set("negation")


def _asked_first(cue: _Cue) -> Found | None:
    """"Asked whether he would ..., Rubio said": the question put to the subject."""
    source = subject_after_comma(cue.tokens, cue.first)
    if source is None:
        return None
    comma = next(k for k in range(cue.last, len(cue.tokens)) if cue.tokens[k][TEXT] == ",")
    content = (cue.tokens[cue.last][START], cue.tokens[comma - 1][END]) if comma > cue.last else None
    return cue.make(source, content)


def _when_asked(cue: _Cue) -> Found:
    """'"Jobs, jobs, jobs," Mrs. Clinton said ... when asked what ...': the question put to her."""
    tokens = cue.tokens
    end = next((k for k in range(cue.last, len(tokens)) if not tokens[k][IS_WORD]
                and tokens[k][LOWER] not in {"'s", "-"} and not abbreviation_dot(tokens, k)),
               len(tokens))
    content = (tokens[cue.last][START], tokens[end - 1][END]) if end > cue.last else None
    return cue.make(relative(cue.earlier[-1].source, cue.offset), content)


def _a_noun(cue: _Cue) -> bool:
    """A cue word used as a noun: after a determiner, possessive or preposition ("his claims"; but
    "Some said", "by saying"), or capitalised outside a title-case line ("the United States", "Reports")."""
    word, before = cue.word, cue.before
    if cue.lemma != "according to" and before in NOUN_BEFORE and not (
        (before in QUANTIFIERS and not word.endswith(("s", "ing")))  # "Some said"
        or (before in PARTICIPLE_BEFORE and word.endswith("ing"))    # "by saying"
    ):
        return True
    return bool(cue.first) and cue.tokens[cue.first][TEXT][:1].isupper() and not title_case(cue.tokens)


def _according_to(cue: _Cue) -> Found | None:
    """"..., according to the Kremlin": the source follows, the content precedes."""
    source = np_right(cue.tokens, cue.last, lowercase=True)
    if source is None:
        return None
    return cue.make(source, content_before(cue.doc, cue.sentence, cue.tokens, cue.first))


def _noun_prone(cue: _Cue) -> bool:
    """"news reports show", "cost estimates": a noun unless a clause or a stop follows."""
    tokens, left, last = cue.tokens, cue.left, cue.last
    return cue.word in NOUN_PRONE and left >= 0 and tokens[left][IS_WORD] and not (
        last < len(tokens) and tokens[last][LOWER] in {"that", ",", ".", ":", "-", '"'})


def _inverted(cue: _Cue) -> Found | None:
    """Inversion: ", said Pentagon spokesman Eric Pahon." / '"..." said Putin.'; None when it does not fit."""
    tokens, left = cue.tokens, cue.left
    if not (left < 0 or cue.after_comma) or cue.word.endswith("ing") or cue.lemma == "tell":
        return None
    if left >= 0 and tokens[left][TEXT] == "," and apposition(tokens, left):
        return None  # "Gen. Sergei Surovikin, the Russian military commander, said"
    source = np_right(tokens, cue.last) or titled_name_right(tokens, cue.last)
    if source is not None and tokens[source[0]][LOWER] in PRONOUNS and source[1] - source[0] > 1:
        return None  # ", said he did not ...": a clause after the verb, not an inverted subject
    if source is None or tokens[source[0]][LOWER] in {"that", "it"} or _object_and_clause(tokens, source):
        return None
    return cue.make(source, content_before(cue.doc, cue.sentence, tokens, left + 1 if left >= 0 else cue.first))


def _object_and_clause(tokens: Sequence[Token], source: tuple[int, int]) -> bool:
    """The words after the verb are a name and a clause, the verb's object, not an inverted speaker:
    "warned Pope Francis that he has caused ...", "accused Sanders of being ...". A description ("said
    the head of marketing", "said the Minister of Mining") is a speaker's."""
    words = [t[TEXT] for t in tokens[source[0]:source[1]]]
    if not words[0][:1].isupper():
        return False
    return any((word == "that" and before[:1].isupper()) or (before == "of" and word.islower() and word.endswith("ing"))
               for before, word in zip(words, words[1:]))


def _participle(cue: _Cue) -> Found | None:
    """A participle takes the clause's subject: "Moscow ..., while claiming to ...".

    After "X quoted Y as ..., saying" the participle is the same statement.
    """
    tokens, left = cue.tokens, cue.left
    if any(e.lemma == "quote" for e in cue.earlier):
        return None
    if left == 0 and tokens[0][LOWER] in PARTICIPLE_BEFORE:
        source = subject_after_comma(tokens, cue.first)  # "After suggesting ..., Mr. Rubio"
    else:
        source = relative(cue.earlier[-1].source, cue.offset) if cue.earlier else subject(tokens, left)
    if source is None:
        return None
    return cue.make(source, content_after(cue.doc, cue.sentence, tokens, cue.last))


def _by_means(cue: _Cue) -> bool:
    """"Mr. Trump said by telephone": after a name and before a bare lower-case noun, "by" brings a means,
    not a passive's agent ("Putin was told by the military", "Clinton Attacked By Sanders")."""
    tokens = cue.tokens
    before = tokens[cue.first - 1] if cue.first > 0 else None
    after = tokens[cue.last + 1] if cue.last + 1 < len(tokens) else None
    return (before is not None and before[IS_WORD] and before[TEXT][:1].isupper()
            and after is not None and after[IS_WORD] and after[TEXT].islower() and after[LOWER] not in DETERMINERS)


def _subject_attribution(cue: _Cue) -> Found | None:
    """A cue with its subject before it: the previous cue's ("... said X and warned"), a passive's
    agent ("denied by the defense ministry") or none ("is estimated to be"), or the noun phrase left of it."""
    tokens, left = cue.tokens, cue.left
    if cue.left_word in {"and", "but"} and cue.earlier:
        source = relative(cue.earlier[-1].source, cue.offset)
    elif cue.last < len(tokens) and tokens[cue.last][LOWER] == "by" and cue.word != cue.lemma and not (
            _by_means(cue)):
        return _passive_with_agent(cue)
    elif cue.before in {"was", "were", "is", "are", "been", "be"} and not cue.word.endswith("ing"):
        return _agentless_passive(cue)
    elif left > 0 and cue.left_word in {"and", "but"} and tokens[left - 1][IS_WORD] and cue.word != cue.lemma:
        source = subject(tokens, left)  # "Wealth-X keeps its finances a secret but says"
    else:
        source = np_left(tokens, left)
        if source is not None and _reported_inside(cue, source):
            return None
    return _with_subject(cue, source)


def _passive_with_agent(cue: _Cue) -> Found | None:
    """"denied by the defense ministry", "was told by the military": the agent is the source."""
    source = np_right(cue.tokens, cue.last + 1, lowercase=True)
    if source is None:
        return None
    return _with_back_reference(cue.make(source, None), cue.tokens, _back_reference(cue.tokens, cue.first))


def _agentless_passive(cue: _Cue) -> Found | None:
    """"it was reported that ...", "is estimated to be much higher", "was accused of ...": an unnamed
    source, when a claim follows."""
    tokens, last = cue.tokens, cue.last
    if cue.lemma in _NOT_AGENTLESS or last >= len(tokens) or tokens[last][LOWER] not in _CLAIM_OPENERS:
        return None
    return cue.make(None, content_after(cue.doc, cue.sentence, tokens, last + 1))


def _reported_inside(cue: _Cue, source: tuple[int, int]) -> bool:
    """A cue reported inside another statement: "said it welcomed ..." (but '..."," he said' is his own)."""
    tokens, start = cue.tokens, cue.tokens[cue.first][START]
    return (not new_clause(tokens, source[0]) and not relative_clause(tokens, source)
            and quote_before(cue.doc, tokens, source[0]) is None
            and any(e.content is not None and e.content[0] <= start < e.content[1] for e in cue.earlier))


def _with_subject(cue: _Cue, source: tuple[int, int] | None) -> Found | None:
    """The attribution of a cue whose subject is ``source``: its content is a quotation before the
    subject, the sentence before ("Putin told the servicemen."), or the clause after the cue."""
    tokens = cue.tokens
    plural = None if source is None else plural_head_before(tokens, source)  # plural by construction
    if source is not None:
        source = share_of_people(tokens, source) or plural or source
    if source is None or _no_speaker(cue, source, plural):
        return None
    content = quote_before(cue.doc, tokens, source[0])
    if content is None and only_object(tokens, cue.last):
        antecedent = _back_reference(tokens, source[0])
        if antecedent is not None:
            return _with_back_reference(cue.make(source, None), tokens, antecedent)
        content = content_before(cue.doc, cue.sentence, tokens, source[0])
    if content is None:
        content = content_after(cue.doc, cue.sentence, tokens, cue.last)
    item = cue.make(source, content)
    if cue.lemma == "quote":
        item.quoted_person = _quoted_person(tokens, cue.last, cue.offset)
    return item


def _no_speaker(cue: _Cue, source: tuple[int, int], plural: tuple[int, int] | None) -> bool:
    """Whether ``source`` cannot be the cue's speaker: a base form without agreement ("a bitter dispute"),
    a number, a name given ("a super PAC called Future 45") or an adjective ("an old saying")."""
    tokens, word = cue.tokens, cue.word
    if word == cue.lemma and plural is None and not takes_base_form(tokens, source, cue.first):
        return True
    lone = tokens[source[0]][TEXT]
    if source[1] - source[0] == 1 and lone[:1].isdigit() and not lone.endswith("%"):
        return True  # a number is no speaker: "60 pledged delegates" (but "42% say" is a share of people)
    if cue.lemma == "call" and _naming(tokens, source, cue.left, cue.last):
        return True  # "a super PAC called Future 45": a name given, not a statement
    return (word.endswith("ing") and tokens[source[0]][LOWER] in {"a", "an", "the"}
            and source[1] - source[0] <= 3
            and not any(t[TEXT][:1].isupper() for t in tokens[source[0] + 1:cue.first]))  # "an old saying"


def _back_reference(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """What ", something (which) ..." left of token ``i`` refers back to: the noun phrase before the comma.

    "The use of private military contractors, something which has been
    documented by Reuters but denied by ..." -> "The use of private military
    contractors"; "... accused the Russian campaign of indiscriminate attacks
    and enormous civilian casualties, something Russian officials have
    repeatedly denied" -> "the Russian campaign of ... casualties".
    """
    j = i - 1
    while j > 0 and tokens[j][IS_WORD] and i - j <= NP_LIMIT:
        if tokens[j][LOWER] in _BACK_REFERENCE:
            comma = j - 1 if tokens[j - 1][LOWER] != "something" else j - 2
            if comma < 1 or tokens[comma][TEXT] != ",":
                return None
            k = comma - 1
            while k >= 0 and tokens[k][IS_WORD] and tokens[k][LOWER] not in lexicon().form_lemma and (
                    tokens[k][LOWER] in {"of", "and", "the", "a", "an"} or is_np_word(tokens[k])):
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
        item.content = (tokens[antecedent[0]][START], tokens[antecedent[1] - 1][END])
        item.back_reference = True
        item.direct = False
    return item


def _asked_opening(tokens: Sequence[Token], first: int) -> bool:
    """"Asked whether ...," / "When asked about ...," opening the sentence."""
    opens = first == 0 or (first == 1 and tokens[0][LOWER] == "when")
    return opens and first + 1 < len(tokens) and tokens[first + 1][LOWER] in _ASKED_NEXT and any(
        t[TEXT] == "," for t in tokens[first + 2:])


def _naming(tokens: Sequence[Token], source: tuple[int, int], left: int, last: int) -> bool:
    """'called' introducing a name after a common noun: "a company called Sansun USA"."""
    if last >= len(tokens) or not (tokens[last][TEXT][:1].isupper() or tokens[last][LOWER] == '"'):
        return False
    head = tokens[left]
    opening = list(tokens[max(0, source[0] - 3):source[0] + 1])  # "a newly formed super PAC"
    while opening and any(not t[IS_WORD] for t in opening):
        opening.pop(0)  # not across a comma: "In a statement, Trump called Haley ..."
    return any(t[LOWER] in {"a", "an", "one"} for t in opening) or (
        head[TEXT][:1].islower() and head[LOWER] not in PRONOUNS and head[LOWER] not in {"who", "which"})


def _quoted_person(tokens: Sequence[Token], last: int, offset: int) -> tuple[int, int] | None:
    end = last
    while end < len(tokens) and tokens[end][TEXT][:1].isupper() and end - last < 4:
        end += 1
    return (offset + last, offset + end) if end > last else None
