"""A shallow noun-phrase reader over the shared tokens: who stands left or right of a cue.

No parser is used: a source is the noun phrase next to its cue, found past
auxiliaries, adverbs, time phrases and verb groups, with appositions,
relative clauses and post-modifiers ("people close to Clinton say").
"""

from __future__ import annotations

from collections.abc import Sequence

from ...types import END, IS_WORD, LOWER, START, TEXT, Token
from .lexicon import lexicon, word_set
from .names import DETERMINERS, abbreviation_dot

NP_LIMIT = 12  # tokens a source may span on either side of its cue
_APPOSITION_LIMIT = 40  # tokens between the commas of an apposition with a relative clause
# Closed-class words: a cue right after one of these is a noun ("the claims"),
# and a source noun phrase never runs across the stop words.
NOUN_BEFORE = word_set("noun_before")
SKIP_LEFT = word_set("skip_left")
# Quantifiers that are the subject themselves: "Some said", "many say", "others argue".
QUANTIFIERS = word_set("quantifiers")
# Prepositions and conjunctions that take a participle whose subject is the clause's:
# "by saying", "after suggesting ...", "while also insisting".
PARTICIPLE_BEFORE = word_set("participle_before")
# Heads that take a plural verb without ending in -s: "they say", "61 percent say",
# "Republicans who say", "police say".
_PLURAL_HEADS = word_set("plural_heads")
# Verbs whose subject is also the cue's: "He continues to insist", "Johnson kept asking".
CATENATIVES = word_set("catenatives")
# Words that open an object noun phrase: the word before them is a verb, not the subject's.
_OBJECT_OPENERS = word_set("object_openers")
# A time phrase between a subject and its verb: "Putin on Monday ordered", "Trump last week said".
_TIME_WORDS = word_set("time_words")
_TIME_OPENERS = word_set("time_openers")
_POSSESSIVES = word_set("possessives")
# Prepositions after a plural subject and before its verb: "people close to Clinton say".
_POST_MODIFIERS = word_set("post_modifiers")
# Adjectives between a plural subject and its post-modifier: "people close to", "sources familiar with".
_CLOSE_TO = word_set("close_to")
_NUMBER_WORDS = word_set("number_words")
_CONTRACTED_SUBJECTS = word_set("contracted_subjects")
_NEGATION = word_set("negation")
STOP = word_set("stop")
_APPOSITION_WORDS = word_set("apposition_words")
# Pronoun subjects and what they resolve to: the last person quoted, or the last other source.
PRONOUNS = {**dict.fromkeys(word_set("person_pronouns"), "person"), **dict.fromkeys(word_set("other_pronouns"), "other")}
_DOCUMENT_VERBS = word_set("document_verbs")
_AUXILIARIES = word_set("auxiliaries")


def share_of_people(tokens: Sequence[Token], source: tuple[int, int]) -> tuple[int, int] | None:
    """"six in 10 said", "one in five say": the share, not the bare number, is the source."""
    start = source[0]
    if source[1] - start == 1 and start >= 2 and tokens[start - 1][LOWER] == "in" and (
            tokens[start - 2][TEXT][:1].isdigit() or tokens[start - 2][LOWER] in _NUMBER_WORDS):
        return (start - 2, source[1])
    return None


def plural_head_before(tokens: Sequence[Token], source: tuple[int, int]) -> tuple[int, int] | None:
    """A plural subject with a post-modifier: "people close to Clinton say", "protest organizers in
    Cleveland say", "People familiar with the session said": the subject, not the modifier's object."""
    prep = source[0] - 1
    if prep < 1 or tokens[prep][LOWER] not in _POST_MODIFIERS or tokens[source[0]][LOWER] in {"a", "an"}:
        return None  # "the sides locked in a bitter dispute": a noun, not a verb
    for k in range(prep - 1, max(-1, prep - 3), -1):
        word = tokens[k]
        if k < prep - 1 and tokens[k + 1][LOWER] not in _CLOSE_TO:
            return None
        if not word[IS_WORD] or word[LOWER] in STOP:
            return None
        if word[LOWER] in _PLURAL_HEADS or (word[LOWER].endswith("s") and not word[LOWER].endswith(("ss", "'s"))
                                          and word[LOWER] not in lexicon().form_lemma):
            head = np_left(tokens, k)
            return None if head is None else (head[0], source[1])
    return None


def subject_after_comma(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """The subject after an opening phrase: "Asked about it, Trump said" -> Trump."""
    comma = next((k for k in range(first + 1, len(tokens)) if tokens[k][TEXT] == ","), None)
    if comma is None:
        return None
    source = np_right(tokens, comma + 1)
    if source is None:
        return None
    # the subject is the noun phrase, not the whole clause: stop before its verb
    end = source[0]
    while end < source[1] and (is_np_word(tokens[end]) or tokens[end][LOWER] in PRONOUNS
                               or abbreviation_dot(tokens, end)):
        end += 1
        if tokens[end - 1][LOWER] in PRONOUNS:
            break
    return (source[0], end) if end > source[0] else None


def title_case(tokens: Sequence[Token]) -> bool:
    """A headline-style line: "Clinton Says Russians Hacked DNC"."""
    words = [t for t in tokens if t[IS_WORD] and len(t[TEXT]) > 3]
    return len(words) >= 3 and sum(t[TEXT][:1].isupper() for t in words) >= 0.8 * len(words)


def relative_clause(tokens: Sequence[Token], source: tuple[int, int]) -> bool:
    """A source in a relative clause: "policies, which he said had harmed ...", "some who suggest"."""
    opener = {"which", "who", "whom"}
    return tokens[source[1] - 1][LOWER] in opener or (
        source[0] > 0 and tokens[source[0] - 1][LOWER] in opener)


def new_clause(tokens: Sequence[Token], start: int) -> bool:
    """A source that opens a clause of its own: "..., and Trump vowed", "..., the report said"."""
    return start > 0 and tokens[start - 1][LOWER] in {",", ";", "and", "but", "-"}


def verb_group_start(tokens: Sequence[Token], first: int) -> int:
    """Where the verb group of the cue begins: "continues to insist", "kept asking", "who's called".

    A catenative verb before the cue carries the subject, so the source is
    looked for left of it; "'s" after a pronoun or "who" is "has"/"is", not a possessive.
    """
    i = first
    if i >= 2 and tokens[i - 1][LOWER] == "to" and tokens[i - 2][LOWER] in CATENATIVES:
        i -= 2
    elif i >= 3 and [t[LOWER] for t in tokens[i - 3:i]] == ["went", "on", "to"]:
        i -= 3
    elif i >= 1 and tokens[i][LOWER].endswith("ing") and tokens[i - 1][LOWER] in CATENATIVES:
        i -= 1
    if i >= 2 and tokens[i - 1][LOWER] == "'s" and tokens[i - 2][LOWER] in _CONTRACTED_SUBJECTS:
        i -= 1
    return i


def skip_left(tokens: Sequence[Token], i: int) -> int:
    """Index of the first token left of ``i`` that is not an auxiliary, adverb or time phrase
    ("Putin on Monday ordered", "Trump last week said")."""
    j = i - 1
    while j >= 0:
        time = j
        while time > 0 and tokens[time][LOWER] in _TIME_WORDS and tokens[time - 1][LOWER] in _TIME_WORDS:
            time -= 1
        if tokens[j][LOWER] in _TIME_WORDS and time > 0 and tokens[time - 1][LOWER] in _TIME_OPENERS:
            j = time - 2
            continue
        if not (
            tokens[j][LOWER] in SKIP_LEFT
            or tokens[j][LOWER] in _NEGATION
            or tokens[j][LOWER] in {"did", "does", "do", "will", "would", "could", "may", "might"}
            # an adverb ("repeatedly"), not a name ending in -ly ("Schlafly", "Kelly")
            or (tokens[j][TEXT][:1].islower() and tokens[j][LOWER].endswith("ly")
                and tokens[j][LOWER] != "only")
        ):
            break
        j -= 1
    return j


def is_np_word(token: Token) -> bool:
    if not token[IS_WORD] and token[LOWER] != "'s" and token[TEXT] != "-":
        return False
    return token[LOWER] not in STOP and token[LOWER] not in lexicon().form_lemma and not (
        token[TEXT][0].islower() and token[LOWER].endswith("ed") and len(token[LOWER]) > 4
    )


def np_left(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), with an apposition."""
    if j < 0:
        return None
    if tokens[j][TEXT] == ",":
        return apposition(tokens, j) or _before_relative_clause(tokens, j)
    if tokens[j][LOWER] == "-" and j >= 2:  # "Democrats - and some Republicans - say"
        opening = next((k for k in range(j - 1, max(0, j - 20), -1) if tokens[k][LOWER] == "-"), None)
        if opening is not None and tokens[opening][START] > tokens[opening - 1][END]:
            return np_left(tokens, opening - 1)
        return None
    if tokens[j][TEXT] == ")":  # "Sen. Elizabeth Warren (D-MA) said"
        opening = next((k for k in range(j - 1, max(-1, j - 8), -1) if tokens[k][TEXT] == "("), None)
        return None if opening is None else np_left(tokens, opening - 1)
    if tokens[j][LOWER] in {"who", "which"} and j >= 2 and tokens[j - 1][TEXT] == ",":
        return np_left(tokens, j - 2)  # "Barkley, who said he typically votes ..."
    if tokens[j][LOWER] == "who" and j >= 1 and is_np_word(tokens[j - 1]):
        antecedent = np_left(tokens, j - 1)  # "Republicans who say": the mention runs to "who"
        return None if antecedent is None else (antecedent[0], j + 1)
    if tokens[j][LOWER] in PRONOUNS:
        return (j, j + 1)
    if not is_np_word(tokens[j]) and not abbreviation_dot(tokens, j):
        return None
    start = j
    while start > 0 and j - start < NP_LIMIT:
        prev = tokens[start - 1]
        if tokens[start][LOWER] in DETERMINERS:
            break
        if abbreviation_dot(tokens, start - 1):  # "Vice President Joseph R. Biden Jr."
            start -= 1
            continue
        if prev[LOWER] == "and":
            if start >= 2 and is_np_word(tokens[start - 2]):
                start -= 1  # "Syrian activists and rights groups"
                continue
            break  # ", and Trump vowed": "and" opens the clause
        if not is_np_word(prev) or (prev[TEXT][:1].isupper() is False and prev[LOWER].endswith("ing")):
            break
        if prev[TEXT] == "-" and prev[END] < tokens[start][START]:
            break  # a spaced dash ends a dateline: "Feb 9 (Reuters) - Puerto Rico said"
        start -= 1
    while start < j and tokens[start][TEXT] == "-":
        start += 1  # a source never opens with a dash
    if start >= 3 and tokens[start - 1][LOWER] == "by" and tokens[start - 2][LOWER] in _DOCUMENT_VERBS:
        outer = np_left(tokens, start - 3)  # "A statement issued by the Syrian presidency"
        if outer is not None:
            start = outer[0]
    return (start, j + 1)


def apposition(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """"Yahya Aridi, spokesman for the Syrian opposition in Geneva, said".

    The stretch between the commas is a noun phrase, optionally ending in a
    relative clause ("a Michigan Republican who led the committee"); a name
    may carry several ("Clinton, 35, the daughter of ..., said").
    """
    k = comma - 1
    while k >= 0 and tokens[k][TEXT] != "," and comma - k <= _APPOSITION_LIMIT:
        k -= 1
    if k <= 0 or tokens[k][TEXT] != "," or not _appositive(tokens[k + 1:comma]):
        return None
    head = np_left(tokens, k - 1)
    if head is None or not any(t[TEXT][:1].isupper() for t in tokens[head[0]:comma]):
        return None
    start = head[0]
    if (start >= 2 and tokens[start - 1][TEXT] == "," and not tokens[start][TEXT][:1].isupper()
            and _appositive(tokens[start:k])):
        outer = np_left(tokens, start - 2)  # "Clinton, 35, the daughter of ..."
        if outer is not None and (outer[0] == 0 or not tokens[outer[0] - 1][IS_WORD]) and (
                tokens[outer[1] - 1][TEXT][:1].isupper()):
            start = outer[0]
    return (start, comma)


def _appositive(segment: Sequence[Token]) -> bool:
    """Tokens that can stand between two commas after a name: a noun phrase (+ relative clause)."""
    if not segment:
        return False
    cut = next((i for i, t in enumerate(segment) if t[LOWER] in {"who", "whose", "which"}), None)
    head = segment if cut is None else segment[:cut]
    if not head or (cut is None and len(segment) > NP_LIMIT + 6):
        return False
    determiner = head[0][LOWER] in {"a", "an", "the"}
    return all(
        is_np_word(t) or t[LOWER] in _APPOSITION_WORDS or abbreviation_dot(head, i)
        or (determiner and t[TEXT][:1].islower() and t[LOWER].endswith("ed"))
        for i, t in enumerate(head)
    )


def relative(source: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if source is None else (source[0] - offset, source[1] - offset)


def _before_relative_clause(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """"Putin, who ... for the last 17 years, told": the noun phrase before ", who"."""
    for k in range(comma - 1, max(0, comma - 40), -1):
        if tokens[k][LOWER] in {"who", "whose", "which"} and tokens[k - 1][TEXT] == ",":
            return np_left(tokens, k - 2)
    return None


def titled_name_right(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """A lowercase title before a name: ", said former Utah governor Michael Leavitt", "pollster Frank Luntz"."""
    source = np_right(tokens, i, lowercase=True)
    if source is None:
        return None
    words = tokens[source[0]:source[1]]
    name = next((k for k, t in enumerate(words) if t[TEXT][:1].isupper()), None)
    return source if name is not None and name <= 4 else None


def np_right(
    tokens: Sequence[Token], i: int, *, lowercase: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, running to a comma or sentence end."""
    if i >= len(tokens) or not tokens[i][IS_WORD]:
        return None
    first = tokens[i]
    if not (lowercase or first[TEXT][0].isupper() or first[LOWER] in DETERMINERS
            or first[LOWER] in PRONOUNS or first[LOWER] in _POSSESSIVES  # ", said his best friend"
            or first[TEXT][:1].isdigit()):  # "Asked if ..., 46 percent of voters said"
        return None
    end = i
    while end < len(tokens) and end - i < NP_LIMIT + 6:
        t = tokens[end]
        if t[LOWER] in {",", ".", ";", ":", "!", "?", '"', "(", ")"} and not abbreviation_dot(
                tokens, end):
            break
        if lowercase and t[LOWER] in STOP:
            break
        end += 1
    return (i, end) if end > i else None


def subject(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause, for a participial cue."""
    i = 0
    for k in range(min(j, 8)):
        if tokens[k][TEXT] == "-" and k and tokens[k - 1][TEXT] == ")":
            i = k + 1  # a dateline: "MOSCOW (Reuters) - ..."
            break
    if i < len(tokens) and tokens[i][LOWER] in STOP | {"on", "in", "after", "with"}:
        # an introductory phrase ending in a comma: "On Monday, ..."
        i = next((k + 1 for k in range(i, max(i, j)) if tokens[k][TEXT] == ","), i)
    end = i
    while end < max(j, i + 1) and end < len(tokens) and end - i < NP_LIMIT:
        if not is_np_word(tokens[end]) and not (end > i and tokens[end][LOWER] == "and") and not (
                abbreviation_dot(tokens, end)):  # "Mr. Putin forecast ... and praised"
            break
        if end - i >= 2 and tokens[end][TEXT][:1].islower() and all(
            tokens[k][TEXT][:1].isupper() or abbreviation_dot(tokens, k) for k in range(end - 2, end)
        ):
            break  # a full name ends the subject: "President Vladimir Putin flew", "Mr. Putin forecast"
        if end > i and tokens[end][TEXT][:1].islower() and end + 1 < len(tokens) and (
                tokens[end + 1][LOWER] in _OBJECT_OPENERS):
            break  # a verb and its object: "Wealth-X keeps its finances a secret"
        end += 1
    return (i, end) if end > i else None


def takes_base_form(tokens: Sequence[Token], source: tuple[int, int], first: int) -> bool:
    """A base form ("say", "dispute") needs a plural or I/we/you/they subject, or an auxiliary.

    Subject-verb agreement stands in for a tagger: "a bitter dispute" and
    "to order ... and claim victory" are a noun and an infinitive, not reports.
    """
    if any(t[LOWER] in _AUXILIARIES for t in tokens[source[1]:first]):
        return True
    head = tokens[source[1] - 1][LOWER]
    return (head in _PLURAL_HEADS or head in QUANTIFIERS or head[:1].isdigit()
            or (head.endswith("s") and head != "'s"))
