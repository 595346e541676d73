"""Hedging: the cues that soften a claim, in the reporter's voice and in quotes.

A hedge signals that a claim is uncertain: epistemic modals (*may*, *might*,
*could*), epistemic verbs (*appears*, *suggests*, *is estimated*), adverbs
(*reportedly*, *apparently*), adjectives (*likely*, *alleged*), expressions
of open uncertainty (*unclear*, *whether*, *could not be verified*), nouns
(*possibility*, *speculation*) and weasel attributions (*critics say*, *it is
believed*, *people familiar with*). Cues come from a curated, versioned
lexicon (``hedging-cues.v1.tsv``, each row with its source); a plain word list
is wrong half the time, so ambiguous cues pass a named context rule first
(*May* the month, deontic *you may go*, past-ability *could not reach*,
*appeared in court*, *suggested holding talks*, *claim* the noun, *would* in
reported speech, ...).

Approximators over numbers (*about 300*, *some 150,000*, *more than 270,000*)
soften a figure rather than a proposition: they are counted in
``hedging.approximators`` only and are NOT part of ``hedging.cues``,
``hedging.per_100_words``, ``hedging.sentence_share``, ``hedging.narrator_cues``
or ``hedging.quoted_cues``.

A cue inside quotation marks, or inside the content of an attributed statement
(*the diplomat said Russia might ...*), belongs to the speaker (``quoted_cues``;
evidence ``voice`` "quoted" or "reported"); any other belongs to the reporter
(``narrator_cues``, voice "reporter"). Higher counts and rates
mean a more hedged, less assertive article. Only body sentences are read.

References
----------
Hyland (2005), Metadiscourse, Continuum; list as distributed by Recasens,
Danescu-Niculescu-Mizil & Jurafsky (2013), ACL.
Islam, Xiao & Mercer (2020), A lexicon-based approach for detecting hedges in
informal text, LREC.
Lakoff (1973), Hedges; Prokofieva & Hirschberg (2014), Hedging and speaker
commitment (Columbia Speech Lab lists).
Farkas et al. (2010), The CoNLL-2010 shared task: learning to detect hedges and
their scope in natural language text, CoNLL.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicons import load_table
from . import SpanIndex
from ..matcher import PhraseMatcher
from ..types import (
    END,
    IS_WORD,
    LOWER,
    QUOTED,
    START,
    TEXT,
    Doc,
    Evidence,
    FamilyResult,
    Sentence,
    Span,
    Token,
)

FAMILY = "hedging"
LEXICON = "hedging-cues.v1.tsv"
APPROXIMATOR = "approximator"
CATEGORIES: tuple[str, ...] = (
    "modal",
    "epistemic_verb",
    "adverb",
    "adjective",
    "uncertainty",
    "noun",
    "weasel",
)
FEATURE_NAMES: tuple[str, ...] = (
    f"{FAMILY}.cues",
    f"{FAMILY}.per_100_words",
    f"{FAMILY}.sentence_share",
    f"{FAMILY}.narrator_cues",
    f"{FAMILY}.quoted_cues",
    f"{FAMILY}.approximators",
) + tuple(f"{FAMILY}.{c}" for c in CATEGORIES)

Rule = Callable[[Sequence[Token], int, int], bool]
"""A context check: sentence tokens and the match ``[first, last)`` -> admit?"""

# -- word classes the rules consult ------------------------------------------

_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your such any no "
    "every each 's whose".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half third thirds quarter quarters fifth tenth two-thirds "
    "three-quarters".split()
)
_CURRENCY = frozenset("$ £ € ¥".split())
_NUMERAL = re.compile(r"\d")
_REPORTING = frozenset(
    "said says say saying told tell tells announced announces added adds promised promises "
    "pledged vowed warned warns insisted insists declared stated confirmed agreed decided "
    "predicted predicts expected hoped signalled signaled assured explained wrote reported "
    "claimed argued thought believed suggested indicated hinted signalled details "
    "statement announcement".split()
)
_REFUSAL = frozenset(
    "comment say elaborate disclose discuss reveal confirm identify give provide answer "
    "respond specify speculate".split()
)
_PERCEPTION = frozenset(
    "see hear feel smell taste tell remember recall afford sense watch only".split()
)
_DISCOVERY = frozenset(
    "detected observed seen found demonstrated identified isolated measured obtained "
    "recovered heard reached shown distinguished visualized visualised".split()
)
_PERMITTED = frozenset(
    "go leave enter use proceed apply submit sit begin start continue contact call choose "
    "take keep now excuse copy reproduce kiss opt".split()
)
_FILLER_ADVERBS = frozenset("also still only even easily clearly readily not".split())
_PLACE_AFTER_APPEAR = frozenset(
    "in on at before alongside with during for outside inside from onstage together live "
    "via under near beside among across into throughout after within as first again here "
    "there twice once briefly online suddenly publicly regularly".split()
)


# -- small helpers -------------------------------------------------------------


def _lower(tokens: Sequence[Token], i: int) -> str:
    """The folded token at ``i``, or "" outside the sentence."""
    return tokens[i][LOWER] if 0 <= i < len(tokens) else ""


def _is_word(tokens: Sequence[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i][IS_WORD]


def _sentence_initial(tokens: Sequence[Token], i: int) -> bool:
    """No word precedes token ``i`` in its sentence (quote marks may)."""
    return not any(t[IS_WORD] for t in tokens[:i])


def _is_number(tokens: Sequence[Token], i: int) -> bool:
    """A figure starts at ``i``: 300, $5, a dozen, two-thirds, 27%."""
    word = _lower(tokens, i)
    if word in _CURRENCY or word in ("a", "an"):
        word = _lower(tokens, i + 1)
        if word in ("a", "an"):
            return False
    return bool(_NUMERAL.match(word)) or word in _NUMBER_WORDS


# -- the disambiguation rules (named in the lexicon's ``rule`` column) -------


def epistemic_may(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*may* of possibility; not May the month or a name, permission or a set phrase."""
    token = tokens[first]
    following = _lower(tokens, last)
    if token[TEXT][:1] == "M" and not _sentence_initial(tokens, first):
        return False  # in May, Theresa May
    if _is_number(tokens, last) or following in ("i", "we"):
        return False  # May 2015; may I ask
    if not _is_word(tokens, last) or _lower(tokens, first - 1) in ("case", "what"):
        return False  # be that as it may; as the case may be; come what may
    if _lower(tokens, first - 1) == "you":  # you may go / you may not enter: permission
        return _lower(tokens, last + (following == "not")) not in _PERMITTED
    return True


def not_past_ability(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*could* of possibility; not past ability (could not reach, could see, could be found)."""
    following = _lower(tokens, last)
    if following in ("not", "n't", "never", "hardly", "barely", "scarcely", "no"):
        return _lower(tokens, last + 1) == "have"  # could not have known: epistemic
    if following in _PERCEPTION:
        return False
    i = last
    while _lower(tokens, i) in _FILLER_ADVERBS:
        i += 1
    return not (_lower(tokens, i) == "be" and _lower(tokens, i + 1) in _DISCOVERY)


def not_reported_future(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Hypothetical *would*; not reported future, volition, refusal or habit."""
    following = _lower(tokens, last)
    if following in ("like", "love", "prefer", "rather", "often", "always", "usually", "never"):
        return False
    if following == "not" and _lower(tokens, last + 1) in _REFUSAL:
        return False  # would not comment
    return not _reported(tokens)


def _reported(tokens: Sequence[Token]) -> bool:
    """The reporter's part of the sentence has a verb or noun of saying (made clear too)."""
    previous = ""
    for token in tokens:
        if not token[QUOTED] and (token[LOWER] in _REPORTING or (
                token[LOWER] == "clear" and previous in ("made", "make", "makes"))):
            return True
        previous = token[LOWER]
    return False


def appear_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*appear* as seeming (appears to, appears that); not appearing somewhere."""
    following = _lower(tokens, last)
    if following == "as":
        return _lower(tokens, last + 1) in ("if", "though")
    return _is_word(tokens, last) and following not in _PLACE_AFTER_APPEAR


def suggest_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Evidence *suggests*; not a proposal (suggested to him, suggested holding talks)."""
    following = _lower(tokens, last)
    return following != "to" and not (following.endswith("ing") and _is_word(tokens, last))


def indicate_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*indicates that*; not a pointer (as indicated, indicated by arrows, in Table 1)."""
    if _lower(tokens, first - 1) == "as":
        return False
    return _lower(tokens, last) not in ("by", "in", "on", "at", "below", "above", "with", "for")


def believe_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*believe* as opinion; not faith (believe in) or disbelief (hard to believe)."""
    if _lower(tokens, last) in ("in", "me"):
        return False
    before = _lower(tokens, first - 1)
    if before in ("can't", "cannot", "couldn't"):
        return False
    return not (before == "to" and _lower(tokens, first - 2) in ("hard", "difficult"))


def think_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*think* as opinion; not think tank, think about/of, or the noun *a thought*."""
    if _lower(tokens, last) in ("tank", "tanks", "about", "of", "twice", "again", "back"):
        return False
    before = _lower(tokens, first - 1)
    return before not in _DETERMINERS and before not in ("of", "for", "second", "much")


def not_noun(tokens: Sequence[Token], first: int, last: int) -> bool:
    """The verb or adjective, not the noun (the suspect, its might, the potential for)."""
    if _lower(tokens, first - 1) in _DETERMINERS:
        return False
    return not (tokens[first][LOWER] == "potential" and _lower(tokens, last) in ("of", "for", "to"))


def claim_verb(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*claimed* that distances; not the noun, nor claiming lives or responsibility."""
    if not not_noun(tokens, first, last):
        return False
    if _lower(tokens, first - 1) in ("false", "fraudulent", "baseless", "unfounded", "legal"):
        return False
    following = _lower(tokens, last)
    if following in ("the", "a", "his", "her", "their", "its"):
        following = _lower(tokens, last + 1)
    return following not in (
        "responsibility", "credit", "victory", "lives", "life", "title", "seat", "seats",
        "asylum", "benefits", "compensation", "damages", "of", "ownership",
    )


def doubt_hedge(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*doubt* as uncertainty; not the boosters no doubt, without (a) doubt, beyond doubt."""
    before = {_lower(tokens, first - 1), _lower(tokens, first - 2)}
    return not before & {"no", "without", "beyond", "little"}


def assume_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*assume* as supposition; not taking on (assumed office, power, the role)."""
    following = _lower(tokens, last)
    if following == "that":
        return True  # assume that ...: a complement clause, not a determiner
    return following not in _DETERMINERS | {
        "office", "power", "control", "responsibility", "command", "leadership", "duties",
    }


def not_fixed_possible(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*possible* as possibility; not as soon as possible, made it possible, if possible."""
    before = _lower(tokens, first - 1)
    if before in ("as", "everything", "all", "if", "whenever", "wherever", "made", "make",
                  "makes", "making", "best", "lowest", "highest", "earliest", "worst"):
        return False
    return not (before == "it" and _lower(tokens, first - 2) in ("made", "make", "makes", "making"))


def apparent_attributive(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*the apparent attack* (seeming); not *it became apparent that* (evident)."""
    if _lower(tokens, first - 1) in ("is", "was", "are", "were", "be", "been", "became",
                                     "become", "becomes", "becoming", "readily",
                                     "immediately", "not", "more", "most", "clearly"):
        return False
    return _is_word(tokens, last) and _lower(tokens, last) not in (
        "that", "from", "in", "when", "to", "at", "as")


def supposed_epistemic(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*the supposed plot* (doubted); not *supposed to* (obligation, plan)."""
    return _lower(tokens, last) != "to"


def predicative_unknown(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*it is unknown whether*, *remains unknown*; not *unknown gunmen* (unidentified)."""
    return not _is_word(tokens, last) or _lower(tokens, last) in (
        "whether", "if", "how", "why", "what", "who", "which", "when", "where", "and", "but")


def open_question(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*whether* as an open question; not concessive *regardless of whether*."""
    return not (_lower(tokens, first - 1) == "of"
                and _lower(tokens, first - 2) in ("regardless", "irrespective")) \
        and _lower(tokens, first - 1) != "matter"


def not_statistical(tokens: Sequence[Token], first: int, last: int) -> bool:
    """*the likelihood of a deal* (chance); not the statistic (maximum likelihood, ratio)."""
    if _lower(tokens, first - 1) in ("maximum", "log", "marginal", "negative"):
        return False
    return _lower(tokens, last) not in ("ratio", "ratios", "score", "scores", "function", "estimate")


def before_number(tokens: Sequence[Token], first: int, last: int) -> bool:
    """An approximator counts only before a figure: *about 300*, not *talks about peace*."""
    return _is_number(tokens, last)


RULES: dict[str, Rule] = {
    rule.__name__: rule
    for rule in (
        epistemic_may, not_past_ability, not_reported_future, appear_epistemic,
        suggest_epistemic, indicate_epistemic, believe_epistemic, think_epistemic,
        not_noun, claim_verb, doubt_hedge, assume_epistemic, not_fixed_possible,
        apparent_attributive, supposed_epistemic, predicative_unknown, open_question,
        not_statistical, before_number,
    )
}


# -- the compiled lexicon ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One expanded lexicon phrase with its category and context rule."""

    phrase: str
    category: str
    rule: str


def expand(pattern: str) -> Iterator[str]:
    """Phrases of a lexicon cell: ', ' separates phrases, '|' alternatives in a slot."""
    for phrase in pattern.split(", "):
        slots = [slot.split("|") for slot in phrase.split()]
        for words in itertools.product(*slots):
            yield " ".join(words)


@cache
def lexicon() -> tuple[dict[str, Cue], PhraseMatcher]:
    """The cue lexicon, expanded and compiled once per process."""
    cues: dict[str, Cue] = {}
    for row in load_table(LEXICON):
        for phrase in expand(row["cue"]):
            cues.setdefault(phrase, Cue(phrase, row["category"], row["rule"]))
    return cues, PhraseMatcher((p, p) for p in cues)


def find_cues(
    doc: Doc, sentences: Sequence[Sentence], reported: Sequence[Span] = ()
) -> tuple[Evidence, ...]:
    """Every admitted cue in ``sentences`` of ``doc`` as evidence, in text order.

    Approximators are included (label ``approximator``); callers that count
    epistemic hedges leave them out. ``reported`` (attributed statements'
    content) marks cues in indirect speech as the speaker's.
    """
    cues, matcher = lexicon()
    speech = SpanIndex(reported)
    found: list[Evidence] = []
    for sentence in sentences:
        tokens = doc.sentence_tokens(sentence)
        for match in matcher.find(doc.sentence_lowers(sentence)):
            cue = cues[match.key]
            if cue.rule and not RULES[cue.rule](tokens, match.first, match.last):
                continue
            start, end = tokens[match.first][START], tokens[match.last - 1][END]
            voice = _voice(tokens[match.first][QUOTED], speech, start, end)
            attrs: dict[str, str | bool] = {"cue": cue.phrase, "quoted": voice != "reporter", "voice": voice}
            if cue.rule:
                attrs["rule"] = cue.rule
            found.append(Evidence(FAMILY, cue.category, start, end, doc.text[start:end],
                                  sentence.index, attrs))
    return tuple(found)


def _voice(quoted: bool, reported: SpanIndex, start: int, end: int) -> str:
    if quoted:
        return "quoted"
    return "reported" if reported.covers(start, end) else "reporter"


USES_REPORTED_SPEECH = True
READS_VOICE = True


def extract(doc: Doc, reported: Sequence[Span] = ()) -> FamilyResult:
    """Hedging cues of the body: counts, rates, voice and category, with every span.

    ``hedging.cues`` counts epistemic hedges (approximators excluded);
    ``per_100_words`` is that count per 100 body words and ``sentence_share``
    the share of body sentences with at least one. Higher means the article
    commits less firmly to its claims.
    """
    body = doc.body
    evidence = find_cues(doc, body, reported)
    hedges = [e for e in evidence if e.label != APPROXIMATOR]
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    words = doc.body_words()
    features[f"{FAMILY}.cues"] = float(len(hedges))
    features[f"{FAMILY}.per_100_words"] = 100.0 * len(hedges) / words if words else 0.0
    hedged_sentences = {e.sentence for e in hedges}
    features[f"{FAMILY}.sentence_share"] = len(hedged_sentences) / len(body) if body else 0.0
    features[f"{FAMILY}.quoted_cues"] = float(sum(bool(e.attrs["quoted"]) for e in hedges))
    features[f"{FAMILY}.narrator_cues"] = float(len(hedges)) - features[f"{FAMILY}.quoted_cues"]
    features[f"{FAMILY}.approximators"] = float(len(evidence) - len(hedges))
    for e in hedges:
        features[f"{FAMILY}.{e.label}"] += 1.0
    return FamilyResult(features, evidence)
