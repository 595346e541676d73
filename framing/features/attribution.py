"""Attribution: who is quoted, with which verb, and whose voice doubts the story's claim.

Every attributed statement in the article body is found with three spans,
**cue** (the speech verb or phrase), **source** (who speaks) and **content**
(what is said), by rules over the shared tokens; no parser is used.

Cues are speech and writing acts only: *said*, *told*, *according to*,
*wrote*, *denied*, *accused* ... (``attribution-cues.v1.tsv``). Mental states,
perception and evidence (*thinks*, *wants*, *believes*, *sees*, *a poll
shows*, *found*) are not attributions for this product: they do not put a
voice on the record, and they are what makes the "who is quoted" table noisy.
A cue counts when it has a source: a noun phrase before it ("Putin said"),
after it in inversion (", said Pentagon spokesman Eric Pahon"), after
*according to*, or the subject of the clause for a participle (", saying
...", ", claiming ...", "by saying ...", "After suggesting ..., Rubio"). A cue
right after a determiner, possessive or preposition is a noun ("his claims",
"amid reports") and is skipped, but a quantifier is a subject ("Some said").
A source may be a relative clause's antecedent ("Republicans who say"), a name
with appositions ("Clinton, 35, the daughter of ..., said"; "Joyce - who ... -
told"), or stand before a verb group ("He continues to insist"). An agentless
passive that carries a claim ("is estimated to be much higher", "has been
criticized for") counts with no source named, typed anonymous. Two cue-like
patterns have no verb: a line opening with a speaker's name and a colon
("Graham: Trump's rhetoric ...", transcripts' "TAPPER: ..."), and "Asked
whether ..., X said", where the question put to X is its own attribution.
In a title-case line ("Clinton Says Russians Hacked DNC") a capitalised cue counts.

A learned second stage adds cues the rules leave: a logistic regression
(``attribution-cue-scorer.v1.json``, fitted on PolNeAR's tuning part by
``benchmarks/fit_attribution_cues.py``) scores each lower-case word shaped
like a verb that has a source before it ("Putin on Monday ordered Russian
forces ... to start withdrawing"), from the word, its suffix-stripped form,
what follows it (a that-clause, a quotation, a preposition) and the kind of
source. It keeps a word whose probability reaches the cross-validated
threshold (``attrs["cue_score"]``); it never takes a lexicon cue, a thought,
wish or piece of evidence, nor a word inside another attribution.

Tagger mode (opt-in, ``extract(doc, tagger=...)``): a MiniLM fine-tuned on
PolNeAR's tuning part (:mod:`framing.tagger`) marks cue and source tokens
sentence by sentence; its cues replace the rules' decision of which words
are cues, while the rules still give the source, content and verb of every
cue they also found (see :func:`_tagged_attributions`).

Sources are typed from ``attribution-sources.v1.tsv``: anonymous (an
anonymity formula such as "declined to be named", or an unnamed head noun:
"a Western diplomatic source", "officials"), media ("Tass", "Syrian state
television", "CBS News": an outlet of ``outlets.v1.tsv`` or a media noun as
the head), document ("a statement issued by ..."), organisation ("the
Kremlin", "rights groups") or person. *he/she* resolve to the last named
person quoted, *it/they* to the last non-person source, and "... and said"
inherits the subject of the clause; the pronoun's offsets stay in
``attrs["mention_start"/"mention_end"]``.

Content is the quotation (``direct``) next to the cue, the clause after the
cue, or the clause before an inverted or sentence-final cue. A sentence that
is nothing but an attribution ("Putin told the servicemen.") takes the
sentence before it as its content, the form wire copy keeps when quotation
marks are lost.

Verb stance (the reporter's choice of verb): neutral (*say, tell, add*),
endorsing (*note, confirm, acknowledge*: the claim is presented as fact),
distancing (*claim, allege, insist*), contesting (*deny, reject, dispute*),
accusatory (*accuse, blame, condemn*). An attribution is **skeptical** when
its content (the cue sentence, when there is no content) carries a doubt
phrase from ``attribution-skeptical.v1.tsv`` ("wait and see", "nothing
materialised", "do not often correspond"), when it is a source's own
skeptical stance ("Washington was skeptical about ...", "greeted ... with
skepticism", "will wait and see"), or when its cue is contesting and what it
contests is a claim. A contesting verb whose object is the speaker's own
record is that side's defence, not doubt of the story's claim: it refers back
to what the story itself reports (", something Russian officials have
repeatedly denied"; "documented by Reuters but denied by the defense
ministry"; the content is then that noun phrase), names an accusation
("denied the allegations") or is a that-clause about the speaker ("denied
that it had ..."). **Narrator distancing** counts the reporter's own
distancing outside quotation marks: distancing cues,
*so-called*/*alleged*/*purportedly*/*what it called* (``attribution-distancing.v1.tsv``),
scare quotes (a quotation of at most three words that is no attribution's
content) and the reporter's recount of a source's past act and its outcome
("Russia has announced ... before only to later ..."), which is then not
counted as that source's attribution.

One source with two cues in one sentence ("sources said ... and said ...")
is one **voice**: both attributions are kept, the later one carries
``attrs["same_voice_as"]`` (the index of the first), and skeptics are counted
by voice.

Features: ``attribution.count``; ``direct_share`` and ``anonymous_share``
(of attributions; higher means more verbatim quotation / more unnamed
sources); ``distinct_sources`` (different sources, as ``scoring.source_keys`` groups them
for the source-diversity index, so the count bounds that index);
``skeptical`` (skeptical voices) and ``skeptical_share`` (of voices; higher
means more doubting voices); one count per verb stance; ``narrator_distancing``.

References
----------
Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
Newell, E., Margolin, D. & Ruths, D. (2018). An attribution relations corpus
for political news. LREC (PolNeAR, used for ``benchmarks/eval_attribution.py``).
Hooper, J. B. (1975). On assertive predicates. Syntax and Semantics 4.
Recasens, M., Danescu-Niculescu-Mizil, C. & Jurafsky, D. (2013). Linguistic
models for analyzing and detecting biased language. ACL (report verbs).
Asr, F. T. et al. (2021). The Gender Gap Tracker. PLoS ONE (quote verbs).
Wikipedia: Manual of Style/Words to watch ("said" vs "claimed").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from math import exp
from operator import attrgetter
from typing import TYPE_CHECKING

from ..lexicons import load_json, load_table
from ..matcher import PhraseMatcher
from ..scoring import person_name, surname, voice_keys
from ..types import Attribution, Doc, Evidence, FamilyResult, Quote, Sentence, Span, Token

if TYPE_CHECKING:
    from ..tagger import CueTagger

FAMILY = "attribution"
STANCES: tuple[str, ...] = ("neutral", "endorsing", "distancing", "contesting", "accusatory")
FEATURE_NAMES: tuple[str, ...] = (
    f"{FAMILY}.count",
    f"{FAMILY}.direct_share",
    f"{FAMILY}.anonymous_share",
    f"{FAMILY}.distinct_sources",
    f"{FAMILY}.skeptical",
    f"{FAMILY}.skeptical_share",
    *(f"{FAMILY}.{stance}" for stance in STANCES),
    f"{FAMILY}.narrator_distancing",
)
SCARE_QUOTE_WORDS = 3
_SCORER_FILE = "attribution-cue-scorer.v1.json"
_QUOTE_MARKS = frozenset('"\u201c\u201d\'\u2018\u2019`')
_VERB_ENDING = "ed"
# Words after a candidate cue that tell its construction: "warned that", "took aim at", "spoke about".
_NEXT_WORDS = frozenset(
    "that : , . to about on for of with as the a an his her their him them it in at by".split()
)
_START, _END = attrgetter("start"), attrgetter("end")
_NP_LIMIT = 12  # tokens a source may span on either side of its cue
_APPOSITION_LIMIT = 40  # tokens between the commas of an apposition with a relative clause

# Closed-class words: a cue right after one of these is a noun ("the claims"),
# and a source noun phrase never runs across the stop words.
_NOUN_BEFORE = frozenset(
    "the a an his her their its our my your this these those such any no some every each "
    "'s of amid about over among despite after before following against with without "
    "by to made make makes making".split()
)
_SKIP_LEFT = frozenset(
    "has have had also repeatedly later previously once often publicly again recently "
    "reportedly first then still already just further yet similarly separately since even now "
    "is was are were has've".split()
)
# Quantifiers that are the subject themselves: "Some said", "many say", "others argue".
_QUANTIFIERS = frozenset("some many few both all several most others half".split())
# Prepositions and conjunctions that take a participle whose subject is the clause's:
# "by saying", "after suggesting ...", "while also insisting".
_PARTICIPLE_BEFORE = frozenset("while and as by after before without in when".split())
# What may follow "Asked" opening a sentence: "Asked whether he would ..., Rubio said".
_ASKED_NEXT = frozenset(
    "about whether if why what how who whom which when where to by during in on at for".split()
)
# Heads that take a plural verb without ending in -s: "they say", "61 percent say",
# "Republicans who say", "police say".
_PLURAL_HEADS = frozenset(
    "i we you they who percent % people police staff public majority minority half third "
    "quarter fifth children men women two three four five six seven eight nine ten dozen "
    "hundreds thousands millions".split()
)
_COLON_SPEAKER = 5  # tokens a speaker's name may take before a colon
# Labels that open a line with a colon but name no speaker.
_SECTION_LABELS = frozenset(
    "update updates note watch read related video videos photo photos breaking exclusive "
    "analysis opinion correction clarification q a source sources credit caption topics tags "
    "editor editors disclosure warning subscribe follow listen below more here example "
    "question answer name remember plus contributing look wow busted boom bombshell email "
    "notice daily poll polls survey report reports study".split()
)
# Verbs whose subject is also the cue's: "He continues to insist", "Johnson kept asking".
_CATENATIVES = frozenset(
    "continue continues continued keep keeps kept seem seems seemed appear appears appeared "
    "begin begins began start starts started".split()
)
# Words that open an object noun phrase: the word before them is a verb, not the subject's.
_OBJECT_OPENERS = frozenset("the a an its his her their our my your this these those".split())
# Agentless passives that report no claim of an unnamed source: "was asked", "was told",
# "was quoted" (the person quoted is the source), "a PAC called ...".
_NOT_AGENTLESS = frozenset("ask tell quote call list name describe".split())
_CLAIM_OPENERS = frozenset("that to of for as".split())
# Cue forms that are more often plural nouns ("media reports", "cost estimates").
_NOUN_PRONE = frozenset("reports estimates".split())
# A time phrase between a subject and its verb: "Putin on Monday ordered", "Trump last week said".
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december week weekend month year night morning afternoon evening".split()
)
_TIME_OPENERS = frozenset("on in last this late early".split())
_POSSESSIVES = frozenset("his her their its".split())
# Prepositions after a plural subject and before its verb: "people close to Clinton say".
_POST_MODIFIERS = frozenset("to with in like on at from near".split())
# Adjectives between a plural subject and its post-modifier: "people close to", "sources familiar with".
_CLOSE_TO = frozenset("close closest familiar briefed loyal allied aligned connected tied opposed".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_CONTRACTED_SUBJECTS = frozenset("he she it who that what there".split())
_NEGATION = frozenset("not n't never".split())
_DETERMINERS = frozenset("the a an one two three several some many other another this".split())
_STOP = frozenset(
    "that which who whom whose when while where because if as than but or so nor yet though "
    "although after before since until unless whether to in on at by with from into onto "
    "about over under between during through against without is was are were be been being "
    "has have had do does did will would could should can may might must not n't also "
    "it this there here what how why then".split()
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen sen rep gov lt col sgt capt maj adm cmdr rev prof pres st jr sr "
    "atty supt inc co corp ltd bros".split()
)
_APPOSITION_WORDS = frozenset("of for in at to the a an and 's ' from under with on by his her their its".split())
_PRONOUNS = {"he": "person", "she": "person", "it": "other", "they": "other", "we": "other", "i": "person"}
_NEGATORS = frozenset("not n't no nothing never neither nor little".split())
_CLAUSE_BREAK = frozenset("something while whereas although though but".split())
_DOCUMENT_VERBS = frozenset("issued released published signed sent".split())
_AUXILIARIES = frozenset("did do does will would could may might should can must to".split())
_STANCE_KINDS = ("stance", "stance_noun", "wait")
# Verbs a stance adjective follows: "Washington was skeptical", "officials remained wary".
_COPULAS = frozenset(
    "is are was were be been being remain remains remained seem seems seemed appear appears "
    "appeared sound sounded stay stayed".split()
)
# Words that may stand between a copula and its adjective: "was deeply skeptical".
_DEGREE = frozenset("still also more very so too far much quite rather somewhat openly publicly".split())
# Never a learned cue: function words, auxiliaries, adverbs, quantifiers and the verbs a cue's
# verb group opens with ("He continues to insist": the cue is "insist").
_NOT_CANDIDATES = _STOP | _NOUN_BEFORE | _SKIP_LEFT | _DEGREE | _QUANTIFIERS | _CATENATIVES | frozenset(
    "and or for nor out up down off one more less only".split())
# What may follow a stance adjective: its complement or the clause's end, not a noun it modifies.
_AFTER_STANCE = frozenset("about of that over on toward towards as whether , . ; : and but - —".split())
# Verbs a stance noun follows with "with": "greeted the announcement with skepticism".
_RECEPTION_VERBS = frozenset(
    "greeted greets met meets received receives reacted reacts responded responds viewed views "
    "treated treats regarded regards".split()
)
# What stands before "wait and see": "Washington will wait and see", "prefers to wait and see".
_WAIT_BEFORE = frozenset(
    "will would 'll 'd to have has had want wants wanted prefer prefers preferred must should "
    "need needs decided".split()
)
_EXPLETIVES = frozenset("it this that there which what hers his theirs ours mine yours".split())
# Relatives by which a clause refers back to what the story itself reports:
# "..., something Russian officials have repeatedly denied", "..., something which has been
# documented by Reuters but denied by the defense ministry".
_BACK_REFERENCE = frozenset("something which".split())
# After "what he called", a particle makes a phrasal verb: "what he called for", "called on".
_PARTICLES = frozenset("for on off up out in back upon".split())
# A past occasion before "only to": "Russia has announced draw-downs before only to ...".
_PAST_MARKERS = frozenset("before previously past earlier repeatedly".split())
# Acts a reporter recounts with their outcome: "has announced ... before only to later ...".
_RECOUNTED_ACTS = frozenset("announce declare promise pledge vow".split())


@dataclass(frozen=True, slots=True)
class _Lexicon:
    cues: PhraseMatcher
    stance: dict[str, str]            # lemma -> stance
    form_lemma: dict[str, str]        # cue phrase -> lemma
    skeptical: PhraseMatcher          # doubt in content: rules phrase, negated, recount
    skeptical_rule: dict[str, str]    # phrase -> "phrase" | "negated" | "recount"
    stance_words: PhraseMatcher       # a source's own stance: key is the row's kind
    defence_objects: frozenset[str]   # "denied the allegations": the speaker's own record
    distancing: PhraseMatcher
    source_heads: dict[str, str]      # single word -> type
    source_markers: PhraseMatcher
    outlets: PhraseMatcher            # news outlets' names and aliases (outlets.v1.tsv)


@cache
def _lexicon() -> _Lexicon:
    cues = load_table("attribution-cues.v1.tsv")
    form_lemma = {form: row["lemma"] for row in cues for form in row["forms"].split("|")}
    skeptical = load_table("attribution-skeptical.v1.tsv")
    sources = load_table("attribution-sources.v1.tsv")
    content = [r for r in skeptical if r["rule"] != "object"]
    outlets = load_table("outlets.v1.tsv")
    return _Lexicon(
        cues=PhraseMatcher((form, form) for form in form_lemma),
        stance={row["lemma"]: row["stance"] for row in cues},
        form_lemma=form_lemma,
        skeptical=PhraseMatcher((r["phrase"], r["phrase"]) for r in content),
        skeptical_rule={r["phrase"]: r["rule"] for r in content},
        stance_words=PhraseMatcher(
            (r["phrase"], r["kind"]) for r in skeptical if r["kind"] in _STANCE_KINDS
        ),
        defence_objects=frozenset(r["phrase"] for r in skeptical if r["rule"] == "object"),
        distancing=PhraseMatcher(
            (r["phrase"], r["phrase"]) for r in load_table("attribution-distancing.v1.tsv")
        ),
        source_heads={r["phrase"]: r["type"] for r in sources if r["role"] == "head"},
        source_markers=PhraseMatcher(
            (r["phrase"], r["type"]) for r in sources if r["role"] == "marker"
        ),
        outlets=PhraseMatcher(
            (name, "media") for r in outlets
            for name in (r["name"], *r["aliases"].split("|")) if name
        ),
    )


class _Covered:
    """Characters covered by a growing set of spans, kept as disjoint sorted intervals.

    Membership and insertion are found by bisection, so asking whether a
    word lies inside any content found so far costs no scan over them all.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Cover ``[start, end)``, merging the intervals it touches."""
        if start >= end:
            return
        i = bisect_left(self._ends, start)    # the first interval ending at or after ``start``
        j = bisect_right(self._starts, end)   # past the last interval starting at or before ``end``
        if i < j:
            start, end = min(start, self._starts[i]), max(end, self._ends[j - 1])
        self._starts[i:j], self._ends[i:j] = [start], [end]

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


@dataclass(slots=True)
class _Found:
    """An attribution while it is being built (source may still be a pronoun)."""

    sentence: Sentence
    cue: tuple[int, int]                 # token indices into doc.tokens, [first, last)
    lemma: str
    source: tuple[int, int] | None
    content: tuple[int, int] | None      # character offsets
    direct: bool
    quoted_person: tuple[int, int] | None = None
    # the content is something the story itself reports, referred back to ("something ... denied")
    back_reference: bool = False
    stance_word: str | None = None       # "skeptical" in "Washington was skeptical"
    score: float | None = None           # the learned stage's or the tagger's probability, for its cues
    tagged: bool = False                 # a cue only the tagger found


def extract(doc: Doc, *, tagger: CueTagger | None = None) -> FamilyResult:
    """Attributed statements, their sources and stances, and the reporter's distancing.

    Higher ``attribution.count`` means more attributed statements;
    ``skeptical_share`` near 1 means most quoted voices doubt the claim.
    With ``tagger`` (:mod:`framing.tagger`) the fine-tuned cue tagger decides
    which words are cues (see :func:`_tagged_attributions`).
    """
    found = _find_attributions(doc)
    if tagger is not None:
        found = _tagged_attributions(doc, found, tagger)
    attributions, recounts = _finish(doc, found)
    narrator = _narrator_distancing(doc, attributions) + recounts
    voices = _voices(attributions)
    # each skeptical voice's first skeptical cue
    doubts = [d for d in (next((a for a in cues if a.skeptical), None) for cues in voices) if d is not None]
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    n = len(attributions)
    if n:
        features[f"{FAMILY}.count"] = float(n)
        features[f"{FAMILY}.direct_share"] = sum(a.direct for a in attributions) / n
        features[f"{FAMILY}.anonymous_share"] = (
            sum(a.source_type == "anonymous" for a in attributions) / n
        )
        features[f"{FAMILY}.distinct_sources"] = float(len(set(voice_keys(attributions))))
        features[f"{FAMILY}.skeptical"] = float(len(doubts))
        features[f"{FAMILY}.skeptical_share"] = len(doubts) / len(voices)
        for stance in STANCES:
            features[f"{FAMILY}.{stance}"] = float(sum(a.verb_stance == stance for a in attributions))
    features[f"{FAMILY}.narrator_distancing"] = float(len(narrator))
    evidence = [_cue_evidence(a) for a in attributions]
    evidence += [_skeptical_evidence(doc, a) for a in doubts]
    evidence += narrator
    evidence.sort(key=lambda e: (e.start, e.end, e.label))
    return FamilyResult(features, tuple(evidence), tuple(attributions))


def _voices(attributions: Sequence[Attribution]) -> list[list[Attribution]]:
    """Each voice's cues, in order: its first cue, then the same source's later cues in that sentence.

    A voice is skeptical when any of its cues is; the first skeptical cue is its evidence.
    """
    later: dict[int, list[Attribution]] = {}
    for a in attributions:
        first = a.attrs.get("same_voice_as")
        if first is not None:
            later.setdefault(first, []).append(a)
    return [[a, *later.get(i, [])] for i, a in enumerate(attributions) if "same_voice_as" not in a.attrs]


# -- finding cues and their sources -----------------------------------------


def _find_attributions(doc: Doc) -> list[_Found]:
    """Rule cues, then the learned second stage's cues where the rules found none."""
    found = _rule_attributions(doc)
    learned = _learned_attributions(doc, found)
    if not learned:
        return found
    return sorted(found + learned, key=lambda e: e.cue)


def _rule_attributions(doc: Doc) -> list[_Found]:
    lex = _lexicon()
    found: list[_Found] = []
    reported = _Covered()  # the contents of the sentences before
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        offset = sentence.token_start
        in_sentence: list[_Found] = []
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
        in_sentence += _stance_attributions(doc, sentence, tokens, reported, in_sentence)
        in_sentence.sort(key=lambda e: e.cue)
        found.extend(in_sentence)
        for item in in_sentence:
            if item.content is not None:
                reported.add(*item.content)
    return found


# -- the fine-tuned cue tagger (opt-in) ---------------------------------------


def _tagged_attributions(doc: Doc, found: list[_Found], tagger: CueTagger) -> list[_Found]:
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
    lex = _lexicon()
    out_of_scope = _scorer().excluded | _INTENTIONS
    by_sentence: dict[int, list[_Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence.index, []).append(item)
    result = []
    for sentence in doc.body:
        spans = tagger.spans(sentence.text)
        cues = _joined_cues(doc.text, [(sentence.start + s, sentence.start + e, p) for s, e, p in spans.cue])
        rules = by_sentence.get(sentence.index, [])
        unread = sentence.start + spans.covered  # past the tagger's token limit: the rules alone decide
        kept = [e for e in rules if e.stance_word is not None or lex.stance.get(e.lemma, "neutral") != "neutral"
                or doc.tokens[e.cue[0]].start >= unread or any(_chars_overlap(doc, e.cue, c) for c in cues)]
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
            words = [t.lower for t in tokens[first:last] if t.is_word]
            if not any(w in lex.form_lemma for w in words) and any(w in out_of_scope for w in words):
                continue
            source = _tagged_source(tokens, first, last, [(sentence.start + s, sentence.start + e)
                                                          for s, e, _ in spans.source])
            if not words and source is None:
                continue  # a lone ":" or dash with no speaker before it
            lemma = next((lex.form_lemma[w] for w in words if w in lex.form_lemma), " ".join(words) or tokens[first].text)
            item = _make(doc, sentence, offset, first, last, lemma, source,
                         _tagged_content(doc, sentence, tokens, first, last, source))
            item.score, item.tagged = probability, True
            result.append(item)
            taken.update(range(first, last))  # one word is one cue, even if the tagger split it
            if source is not None:
                taken.update(range(*source))
    return sorted(result, key=lambda e: e.cue)


# adjectives of intention: "is keen to", "is determined to" (wishes, out of scope like "wants")
_INTENTIONS = frozenset("keen eager determined willing ready reluctant hesitant anxious poised".split())


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
    after = _content_after(doc, sentence, tokens, last)
    if after is not None:
        return after
    stop = min(first, source[0]) if source is not None else first
    return _content_before(doc, sentence, tokens, stop) if stop > 0 else None


def _chars_overlap(doc: Doc, cue: tuple[int, int], span: tuple[int, ...]) -> bool:
    """Whether the tokens ``cue`` (doc token indices) overlap the character span."""
    return doc.tokens[cue[0]].start < span[1] and span[0] < doc.tokens[cue[1] - 1].end


def _tokens_within(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """The sentence's token indices ``[first, last)`` overlapping the characters ``[start, end)``."""
    inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _tagged_source(
    tokens: Sequence[Token], first: int, last: int, sources: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tagged source nearest the cue (one before it first), else the subject the rules would find."""
    spans = [_tokens_within(tokens, s, e) for s, e in sources]
    spans = [s for s in spans if s[0] != s[1] and not (s[0] < last and first < s[1])]
    if spans:
        return min(spans, key=lambda s: (s[0] > first, abs(s[0] - first)))
    left = _skip_left(tokens, _verb_group_start(tokens, first))
    if left < 0 or tokens[left].lower in _NOUN_BEFORE:
        return None
    source = _np_left(tokens, left)
    return source if source is not None and _candidate_source_kind(tokens, source, _lexicon()) else None


# -- the learned second stage ------------------------------------------------


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
def _scorer() -> _Scorer:
    data = load_json(_SCORER_FILE)
    return _Scorer(
        weights={k: float(v) for k, v in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        excluded=frozenset(data["excluded"]),
        verb_forms=frozenset(data["verb_forms"]),
    )


def _learned_attributions(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Cues the rules missed, kept when the learned scorer's probability reaches its threshold.

    Only a word with a source before it is scored, so every cue it adds names
    who speaks; its probability travels in ``attrs["cue_score"]``.
    """
    scorer = _scorer()
    learned = []
    for candidate in _cue_candidates(doc, found):
        score = scorer.probability(candidate.features)
        if score < scorer.threshold:
            continue
        sentence, i = candidate.sentence, candidate.index
        tokens = doc.sentence_tokens(sentence)
        # never a lexicon cue, so its own word is its verb, with a neutral stance
        item = _make(doc, sentence, sentence.token_start, i, i + 1, tokens[i].lower,
                     candidate.source, _content_after(doc, sentence, tokens, i + 1))
        item.score = score
        learned.append(item)
    return learned


def _cue_candidates(doc: Doc, found: Sequence[_Found], *, every_word: bool = False) -> list[_Candidate]:
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
    lex = _lexicon()
    # a rule cue, or inside a rule attribution's source or content: its words, not a statement of their own
    taken = {k for e in found for k in range(*e.cue)}
    taken.update(k for e in found if e.source is not None for k in range(*e.source))
    for e in found:
        if e.content is not None:
            first = bisect_left(doc.tokens, e.content[0], key=_START)
            taken.update(range(first, bisect_left(doc.tokens, e.content[1], lo=first, key=_START)))
    candidates = []
    forms, never = _scorer().verb_forms, _never_candidates()
    for sentence in doc.body:
        offset, tokens, has_quote = sentence.token_start, (), None
        for k, token in enumerate(doc.tokens[offset:sentence.token_end], offset):
            word = token.lower
            if not (word.endswith(_VERB_ENDING) or word in forms or every_word) or word in never or (
                    token.quoted or k in taken or not token.text[0].islower() or not word.isalpha()
                    or word.endswith("ly")):
                continue
            if not tokens:  # the sentence is read only when it has a candidate
                tokens = doc.sentence_tokens(sentence)
            i = k - offset
            left = _skip_left(tokens, _verb_group_start(tokens, i))
            if left >= 0 and tokens[left].lower in _NOUN_BEFORE:
                continue
            if left >= 0 and tokens[left].lower in {"and", "but"}:
                # "... said X and warned that ...": the subject of the earlier cue
                earlier = [e.source for e in found if e.sentence.index == sentence.index and e.cue[0] < offset + i]
                source = _relative(earlier[-1], offset) if earlier else None
                kind = "coordinated"
            else:
                source = _np_left(tokens, left)
                kind = None if source is None else _candidate_source_kind(tokens, source, lex)
            if source is None or kind is None:
                continue
            if has_quote is None:
                has_quote = any(t.quoted for t in tokens)
            candidates.append(_Candidate(sentence, i, source,
                                         _candidate_features(tokens, i, left, source, kind, has_quote)))
    return candidates


def _candidate_features(
    tokens: Sequence[Token], i: int, left: int, source: tuple[int, int], kind: str, has_quote: bool
) -> tuple[str, ...]:
    """The scorer's features of the word at ``i``: the word and its stem, its neighbours and what
    follows (that-clause, quotation, preposition), the kind of source and how far back it stands."""
    word = tokens[i].lower
    following = _next_class(tokens, i + 1)
    return (
        f"w={word}", f"stem={_stem(word)}", f"next={following}",
        f"next_word={_word_or_class(tokens, i + 1)}", f"prev={_word_or_class(tokens, i - 1)}",
        f"source={kind}", f"suffix={word[-2:]}", f"quote={has_quote}", f"gap={min(i - left, 3)}",
        f"that3={any(t.lower == 'that' for t in tokens[i + 1:i + 4])}",
        f"position={min(i // 5, 4)}", f"source_len={min(source[1] - source[0], 4)}",
        f"next2={_next_class(tokens, i + 2)}", f"pair={word}_{following}",
        f"head={tokens[source[1] - 1].lower if kind != 'name' else 'name'}",
    )


def _candidate_source_kind(tokens: Sequence[Token], source: tuple[int, int], lex: _Lexicon) -> str | None:
    """pronoun, relative ("who"), name or a known source noun's type; None for anything else ("the plan")."""
    words = tokens[source[0]:source[1]]
    head = words[-1].lower
    if head in _PRONOUNS or head == "who":
        return "pronoun" if head in _PRONOUNS else "relative"
    if any(t.text[:1].isupper() for t in words):
        return "name"
    kind = lex.source_heads.get(head)
    return None if kind is None else f"head_{kind}"


@cache
def _never_candidates() -> frozenset[str]:
    """Words the learned stage never scores: function words, the lexicon's cues (the rules' own)
    and the scorer's excluded words (thoughts, wishes, evidence)."""
    lex = _lexicon()
    return _NOT_CANDIDATES | _scorer().excluded | frozenset(lex.form_lemma) | frozenset(lex.stance)


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
    if token.text[:1].islower():
        return token.lower
    return "name" if token.text[:1].isupper() else ("number" if token.text[:1].isdigit() else token.text)


def _next_class(tokens: Sequence[Token], i: int) -> str:
    """What follows a candidate: a quotation, a that-clause, a preposition, a name ..."""
    if i >= len(tokens):
        return "end"
    token = tokens[i]
    if token.quoted or token.text in _QUOTE_MARKS:
        return "quote"
    if token.lower in _NEXT_WORDS:
        return token.lower
    return "name" if token.text[:1].isupper() else "word"


def _stance_attributions(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], reported: _Covered, in_sentence: list[_Found]
) -> list[_Found]:
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
    for match in _lexicon().stance_words.find(tokens):
        first, last = match.first, match.last
        word = tokens[first]
        if word.quoted or word.start in reported or any(start <= word.start < end for start, end in contents):
            continue
        if match.key == "stance":
            item = _stance_adjective(doc, sentence, tokens, first, last)
        elif match.key == "stance_noun":
            item = _stance_noun(doc, sentence, tokens, first, last)
        else:
            item = _stance_wait(doc, sentence, tokens, first, last)
        if item is not None:
            item.stance_word = doc.text[doc.tokens[offset + first].start:doc.tokens[offset + last - 1].end]
            found.append(item)
    return found


def _stance_source(tokens: Sequence[Token], verb: int) -> tuple[int, int] | None:
    """The subject left of a stance's verb, if it can be a source (not "it", "this", a number)."""
    source = _np_left(tokens, _skip_left(tokens, verb))
    if source is None or tokens[source[0]].lower in _EXPLETIVES:
        return None
    if tokens[source[1] - 1].text[:1].isdigit():
        return None
    return source


def _stance_adjective(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> _Found | None:
    """"Washington was skeptical about ...": copula (+ degree adverbs) + stance adjective."""
    if last < len(tokens) and tokens[last].lower not in _AFTER_STANCE:
        return None  # "a skeptical reporter": the adjective modifies a noun
    k = first - 1
    while k >= 0 and (tokens[k].lower in _DEGREE or (
            tokens[k].text[:1].islower() and tokens[k].lower.endswith("ly") and tokens[k].lower != "only")):
        k -= 1
    if k < 0 or tokens[k].lower not in _COPULAS:
        return None
    if any(t.lower in _NEGATORS | {"less"} for t in tokens[max(0, k - 2):first]):
        return None  # "was not skeptical"
    source = _stance_source(tokens, k)
    if source is None:
        return None
    content = _content_after(doc, sentence, tokens, last) if last < len(tokens) and tokens[last].is_word else None
    return _make(doc, sentence, sentence.token_start, k, last, "be " + tokens[first].lower, source, content)


def _stance_noun(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> _Found | None:
    """"X greeted the announcement with skepticism" / "... was greeted with skepticism in X"."""
    with_at = next((k for k in range(first - 1, max(-1, first - 4), -1) if tokens[k].lower == "with"), None)
    if with_at is None:
        return None
    verb = next((k for k in range(with_at - 1, max(-1, with_at - 9), -1)
                 if tokens[k].lower in _RECEPTION_VERBS), None)
    if verb is None or any(not t.is_word for t in tokens[verb:with_at]):
        return None
    offset = sentence.token_start
    if verb and tokens[verb - 1].lower in {"was", "were", "been", "is", "are", "be"}:
        # passive: the source follows ("by Washington", "in Washington"), the subject is what was greeted
        if last + 1 >= len(tokens) or tokens[last].lower not in {"by", "in", "from"}:
            return None
        source = _np_right(tokens, last + 1)
        subject = _np_left(tokens, verb - 2)
        content = None if subject is None else (tokens[subject[0]].start, tokens[subject[1] - 1].end)
        if source is None:
            return None
        return _make(doc, sentence, offset, verb, last, "greet with", source, content)
    source = _stance_source(tokens, verb)
    if source is None:
        return None
    content = (tokens[verb + 1].start, tokens[with_at - 1].end) if with_at > verb + 1 else None
    return _make(doc, sentence, offset, verb, last, "greet with", source, content)


def _stance_wait(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], first: int, last: int
) -> _Found | None:
    """"Washington will wait and see (whether ...)": a modal or "to" before "wait"."""
    if tokens[first].lower != "wait" or first == 0 or tokens[first - 1].lower not in _WAIT_BEFORE:
        return None
    k = first - 1
    while k >= 0 and tokens[k].lower in _WAIT_BEFORE:
        k -= 1
    source = _stance_source(tokens, k + 1)
    if source is None:
        return None
    content = _content_after(doc, sentence, tokens, last) if last < len(tokens) and tokens[last].is_word else None
    return _make(doc, sentence, sentence.token_start, first, last, "wait and see", source, content)


def _colon_attribution(doc: Doc, sentence: Sentence, tokens: Sequence[Token]) -> _Found | None:
    """A speaker and a colon with no verb: 'Graham: Trump's rhetoric ...', 'TAPPER: Do you ...'.

    The line must open with a short name (a capitalised noun phrase, not a
    section label such as "Update:" or "Editor's note:") and go on after the colon.
    """
    colon = next((k for k, t in enumerate(tokens[:_COLON_SPEAKER + 1]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens) or tokens[0].quoted:
        return None
    name = tokens[:colon]
    if name[-1].lower in _SECTION_LABELS or name[0].lower in _STOP | _DETERMINERS:
        return None
    # a proper name: every word capitalised ("John McCain", "NY Daily News", "TAPPER")
    if not all((_is_np_word(t) and t.text[:1].isupper() and not t.text[:1].isdigit())
               or t.lower == "'s" or _abbreviation_dot(name, i) for i, t in enumerate(name)):
        return None
    said = [t for t in tokens[colon + 1:] if t.is_word]
    if len(said) < 4 or said[0].text[:1].isdigit():
        return None  # a score or a label: "Clinton: 547."
    commas = sum(t.text == "," for t in tokens[colon + 1:])
    if commas >= 3 and sum(t.text[:1].isupper() for t in said) > 0.6 * len(said):
        return None  # a list of names: "Iowa: Tim Albrecht, Brad Anderson, ..."
    offset = sentence.token_start
    content = _content_after(doc, sentence, tokens, colon + 1)
    return _make(doc, sentence, offset, colon, colon + 1, ":", (0, colon), content)


def _attribution_at(
    doc: Doc,
    sentence: Sentence,
    tokens: Sequence[Token],
    first: int,
    last: int,
    lemma: str,
    earlier: list[_Found],
) -> _Found | None:
    offset = sentence.token_start
    group = _verb_group_start(tokens, first)
    before = tokens[group - 1].lower if group else ""
    word = tokens[first].lower
    if lemma == "decline" and [t.lower for t in tokens[last:last + 2]] == ["to", "be"]:
        return None  # "who declined to be named": how a source is described, not a statement
    if lemma == "ask" and _asked_opening(tokens, first):
        # "Asked whether he would ..., Rubio said": the question put to the subject.
        source = _subject_after_comma(tokens, first)
        if source is None:
            return None
        comma = next(k for k in range(last, len(tokens)) if tokens[k].text == ",")
        content = (tokens[last].start, tokens[comma - 1].end) if comma > last else None
        return _make(doc, sentence, offset, first, last, lemma, source, content)
    if lemma == "ask" and before == "when" and group >= 2 and earlier and earlier[-1].source:
        # '"Jobs, jobs, jobs," Mrs. Clinton said ... when asked what ...': the question put to her.
        end = next((k for k in range(last, len(tokens)) if not tokens[k].is_word
                    and tokens[k].lower not in {"'s", "-"} and not _abbreviation_dot(tokens, k)),
                   len(tokens))
        content = (tokens[last].start, tokens[end - 1].end) if end > last else None
        return _make(doc, sentence, offset, first, last, lemma,
                     _relative(earlier[-1].source, offset), content)
    if lemma != "according to" and before in _NOUN_BEFORE and not (
        (before in _QUANTIFIERS and not word.endswith(("s", "ing")))  # "Some said"
        or (before in _PARTICIPLE_BEFORE and word.endswith("ing"))    # "by saying"
    ):
        return None
    if first and tokens[first].text[:1].isupper() and not _title_case(tokens):
        return None  # "the United States", "Reports": a name or a noun, not a verb
    if lemma == "according to":
        source = _np_right(tokens, last, lowercase=True)
        if source is None:
            return None
        content = _content_before(doc, sentence, tokens, first)
        return _make(doc, sentence, offset, first, last, lemma, source, content)
    left = _skip_left(tokens, group)
    if word in _NOUN_PRONE and left >= 0 and tokens[left].is_word and not (
            last < len(tokens) and tokens[last].lower in {"that", ",", ".", ":", "-", '"'}):
        return None  # "news reports show", "cost estimates": a noun unless a clause or stop follows
    after_comma = left >= 0 and tokens[left].lower in {",", '"', "'", "-"}  # folded marks
    # Inversion: ", said Pentagon spokesman Eric Pahon." / "..." said Putin.
    inverted = (left < 0 or after_comma) and not word.endswith("ing") and lemma != "tell"
    if inverted and left >= 0 and tokens[left].text == "," and _apposition(tokens, left):
        inverted = False  # "Gen. Sergei Surovikin, the Russian military commander, said"
    if inverted:
        source = _np_right(tokens, last) or _titled_name_right(tokens, last)
        if source is not None and tokens[source[0]].lower in _PRONOUNS and source[1] - source[0] > 1:
            source = None  # ", said he did not ...": a clause after the verb, not an inverted subject
        if source is not None and tokens[source[0]].lower not in {"that", "it"}:
            content = _content_before(doc, sentence, tokens, left + 1 if left >= 0 else first)
            return _make(doc, sentence, offset, first, last, lemma, source, content)
    if word.endswith("ing") and (after_comma or (left >= 0 and tokens[left].lower in _PARTICIPLE_BEFORE)):
        # A participle takes the clause's subject: "Moscow ..., while claiming to ...".
        # After "X quoted Y as ..., saying" the participle is the same statement.
        if any(e.lemma == "quote" for e in earlier):
            return None
        if left == 0 and tokens[0].lower in _PARTICIPLE_BEFORE:
            source = _subject_after_comma(tokens, first)  # "After suggesting ..., Mr. Rubio"
        else:
            source = _relative(earlier[-1].source, offset) if earlier else _subject(tokens, left)
        if source is None:
            return None
        content = _content_after(doc, sentence, tokens, last)
        return _make(doc, sentence, offset, first, last, lemma, source, content)
    if left >= 0 and tokens[left].lower in {"and", "but"} and earlier:
        source = _relative(earlier[-1].source, offset)
    elif last < len(tokens) and tokens[last].lower == "by" and word != lemma:
        # A passive: "denied by the defense ministry", "was told by the military".
        source = _np_right(tokens, last + 1, lowercase=True)
        if source is None:
            return None
        item = _make(doc, sentence, offset, first, last, lemma, source, None)
        return _with_back_reference(item, tokens, _back_reference(tokens, first))
    elif before in {"was", "were", "is", "are", "been", "be"} and not word.endswith("ing"):
        # A passive without its agent: "it was reported that ...", "is estimated to be much
        # higher", "was accused of ...": an unnamed source, when a claim follows.
        if lemma in _NOT_AGENTLESS or last >= len(tokens) or tokens[last].lower not in _CLAIM_OPENERS:
            return None
        content = _content_after(doc, sentence, tokens, last + 1)
        return _make(doc, sentence, offset, first, last, lemma, None, content)
    elif left > 0 and tokens[left].lower in {"and", "but"} and tokens[left - 1].is_word and (
            word != lemma):
        source = _subject(tokens, left)  # "Wealth-X keeps its finances a secret but says"
    else:
        source = _np_left(tokens, left)
        if source is not None and not _new_clause(tokens, source[0]) and not _relative_clause(
                tokens, source) and _quote_before(doc, tokens, source[0]) is None and any(
                e.content is not None and e.content[0] <= tokens[first].start < e.content[1]
                for e in earlier):
            # reported inside another statement: "said it welcomed ..." (but '..."," he said' is his own)
            return None
    plural = None if source is None else _plural_head_before(tokens, source)  # plural by construction
    if source is not None:
        source = _share_of_people(tokens, source) or plural or source
    if source is None or (word == lemma and plural is None and not _takes_base_form(tokens, source, first)):
        return None
    lone = tokens[source[0]].text
    if source[1] - source[0] == 1 and lone[:1].isdigit() and not lone.endswith("%"):
        return None  # a number is no speaker: "60 pledged delegates" (but "42% say" is a share of people)
    if lemma == "call" and _naming(tokens, source, left, last):
        return None  # "a super PAC called Future 45": a name given, not a statement
    if (word.endswith("ing") and tokens[source[0]].lower in {"a", "an", "the"}
            and source[1] - source[0] <= 3 and not any(t.text[:1].isupper() for t in tokens[source[0] + 1:first])):
        return None  # "an old saying": a noun after its adjective
    content = _quote_before(doc, tokens, source[0])
    if content is None and _only_object(tokens, last):
        antecedent = _back_reference(tokens, source[0])
        if antecedent is not None:
            return _with_back_reference(
                _make(doc, sentence, offset, first, last, lemma, source, None), tokens, antecedent)
        content = _content_before(doc, sentence, tokens, source[0])
    if content is None:
        content = _content_after(doc, sentence, tokens, last)
    item = _make(doc, sentence, offset, first, last, lemma, source, content)
    if lemma == "quote":
        item.quoted_person = _quoted_person(tokens, last, offset)
    return item


def _share_of_people(tokens: Sequence[Token], source: tuple[int, int]) -> tuple[int, int] | None:
    """"six in 10 said", "one in five say": the share, not the bare number, is the source."""
    start = source[0]
    if source[1] - start == 1 and start >= 2 and tokens[start - 1].lower == "in" and (
            tokens[start - 2].text[:1].isdigit() or tokens[start - 2].lower in _NUMBER_WORDS):
        return (start - 2, source[1])
    return None


def _plural_head_before(tokens: Sequence[Token], source: tuple[int, int]) -> tuple[int, int] | None:
    """A plural subject with a post-modifier: "people close to Clinton say", "protest organizers in
    Cleveland say", "People familiar with the session said": the subject, not the modifier's object."""
    prep = source[0] - 1
    if prep < 1 or tokens[prep].lower not in _POST_MODIFIERS or tokens[source[0]].lower in {"a", "an"}:
        return None  # "the sides locked in a bitter dispute": a noun, not a verb
    for k in range(prep - 1, max(-1, prep - 3), -1):
        word = tokens[k]
        if k < prep - 1 and tokens[k + 1].lower not in _CLOSE_TO:
            return None
        if not word.is_word or word.lower in _STOP:
            return None
        if word.lower in _PLURAL_HEADS or (word.lower.endswith("s") and not word.lower.endswith(("ss", "'s"))
                                          and word.lower not in _lexicon().form_lemma):
            head = _np_left(tokens, k)
            return None if head is None else (head[0], source[1])
    return None


def _back_reference(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """What ", something (which) ..." left of token ``i`` refers back to: the noun phrase before the comma.

    "The use of private military contractors, something which has been
    documented by Reuters but denied by ..." -> "The use of private military
    contractors"; "... accused the Russian campaign of indiscriminate attacks
    and enormous civilian casualties, something Russian officials have
    repeatedly denied" -> "the Russian campaign of ... casualties".
    """
    j = i - 1
    while j > 0 and tokens[j].is_word and i - j <= _NP_LIMIT:
        if tokens[j].lower in _BACK_REFERENCE:
            comma = j - 1 if tokens[j - 1].lower != "something" else j - 2
            if comma < 1 or tokens[comma].text != ",":
                return None
            k = comma - 1
            while k >= 0 and tokens[k].is_word and tokens[k].lower not in _lexicon().form_lemma and (
                    tokens[k].lower in {"of", "and", "the", "a", "an"} or _is_np_word(tokens[k])):
                k -= 1
            return (k + 1, comma) if k + 1 < comma else None
        j -= 1
    return None


def _with_back_reference(
    item: _Found, tokens: Sequence[Token], antecedent: tuple[int, int] | None
) -> _Found:
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


def _subject_after_comma(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """The subject after an opening phrase: "Asked about it, Trump said" -> Trump."""
    comma = next((k for k in range(first + 1, len(tokens)) if tokens[k].text == ","), None)
    if comma is None:
        return None
    source = _np_right(tokens, comma + 1)
    if source is None:
        return None
    # the subject is the noun phrase, not the whole clause: stop before its verb
    end = source[0]
    while end < source[1] and (_is_np_word(tokens[end]) or tokens[end].lower in _PRONOUNS
                               or _abbreviation_dot(tokens, end)):
        end += 1
        if tokens[end - 1].lower in _PRONOUNS:
            break
    return (source[0], end) if end > source[0] else None


def _title_case(tokens: Sequence[Token]) -> bool:
    """A headline-style line: "Clinton Says Russians Hacked DNC"."""
    words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _relative_clause(tokens: Sequence[Token], source: tuple[int, int]) -> bool:
    """A source in a relative clause: "policies, which he said had harmed ...", "some who suggest"."""
    opener = {"which", "who", "whom"}
    return tokens[source[1] - 1].lower in opener or (
        source[0] > 0 and tokens[source[0] - 1].lower in opener)


def _new_clause(tokens: Sequence[Token], start: int) -> bool:
    """A source that opens a clause of its own: "..., and Trump vowed", "..., the report said"."""
    return start > 0 and tokens[start - 1].lower in {",", ";", "and", "but", "-"}


def _make(
    doc: Doc,
    sentence: Sentence,
    offset: int,
    first: int,
    last: int,
    lemma: str,
    source: tuple[int, int] | None,
    content: tuple[int, int] | None,
) -> _Found:
    # Content that is a whole sentence before the cue's own is a quotation whose
    # marks were lost: "I congratulate you!" / "Putin told the servicemen."
    direct = content is not None and (content[1] <= sentence.start or _is_direct(doc, content))
    return _Found(
        sentence,
        (offset + first, offset + last),
        lemma,
        None if source is None else (offset + source[0], offset + source[1]),
        content,
        direct,
    )


def _naming(tokens: Sequence[Token], source: tuple[int, int], left: int, last: int) -> bool:
    """'called' introducing a name after a common noun: "a company called Sansun USA"."""
    if last >= len(tokens) or not (tokens[last].text[:1].isupper() or tokens[last].lower == '"'):
        return False
    head = tokens[left]
    opening = list(tokens[max(0, source[0] - 3):source[0] + 1])  # "a newly formed super PAC"
    while opening and any(not t.is_word for t in opening):
        opening.pop(0)  # not across a comma: "In a statement, Trump called Haley ..."
    return any(t.lower in {"a", "an", "one"} for t in opening) or (
        head.text[:1].islower() and head.lower not in _PRONOUNS and head.lower not in {"who", "which"})


def _verb_group_start(tokens: Sequence[Token], first: int) -> int:
    """Where the verb group of the cue begins: "continues to insist", "kept asking", "who's called".

    A catenative verb before the cue carries the subject, so the source is
    looked for left of it; "'s" after a pronoun or "who" is "has"/"is", not a possessive.
    """
    i = first
    if i >= 2 and tokens[i - 1].lower == "to" and tokens[i - 2].lower in _CATENATIVES:
        i -= 2
    elif i >= 3 and [t.lower for t in tokens[i - 3:i]] == ["went", "on", "to"]:
        i -= 3
    elif i >= 1 and tokens[i].lower.endswith("ing") and tokens[i - 1].lower in _CATENATIVES:
        i -= 1
    if i >= 2 and tokens[i - 1].lower == "'s" and tokens[i - 2].lower in _CONTRACTED_SUBJECTS:
        i -= 1
    return i


def _skip_left(tokens: Sequence[Token], i: int) -> int:
    """Index of the first token left of ``i`` that is not an auxiliary, adverb or time phrase
    ("Putin on Monday ordered", "Trump last week said")."""
    j = i - 1
    while j >= 0:
        time = j
        while time > 0 and tokens[time].lower in _TIME_WORDS and tokens[time - 1].lower in _TIME_WORDS:
            time -= 1
        if tokens[j].lower in _TIME_WORDS and time > 0 and tokens[time - 1].lower in _TIME_OPENERS:
            j = time - 2
            continue
        if not (
            tokens[j].lower in _SKIP_LEFT
            or tokens[j].lower in _NEGATION
            or tokens[j].lower in {"did", "does", "do", "will", "would", "could", "may", "might"}
            # an adverb ("repeatedly"), not a name ending in -ly ("Schlafly", "Kelly")
            or (tokens[j].text[:1].islower() and tokens[j].lower.endswith("ly")
                and tokens[j].lower != "only")
        ):
            break
        j -= 1
    return j


def _is_np_word(token: Token) -> bool:
    if not token.is_word and token.lower != "'s" and token.text != "-":
        return False
    return token.lower not in _STOP and token.lower not in _lexicon().form_lemma and not (
        token.text[0].islower() and token.lower.endswith("ed") and len(token.lower) > 4
    )


def _np_left(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), with an apposition."""
    if j < 0:
        return None
    if tokens[j].text == ",":
        return _apposition(tokens, j) or _before_relative_clause(tokens, j)
    if tokens[j].lower == "-" and j >= 2:  # "Democrats - and some Republicans - say"
        opening = next((k for k in range(j - 1, max(0, j - 20), -1) if tokens[k].lower == "-"), None)
        if opening is not None and tokens[opening].start > tokens[opening - 1].end:
            return _np_left(tokens, opening - 1)
        return None
    if tokens[j].text == ")":  # "Sen. Elizabeth Warren (D-MA) said"
        opening = next((k for k in range(j - 1, max(-1, j - 8), -1) if tokens[k].text == "("), None)
        return None if opening is None else _np_left(tokens, opening - 1)
    if tokens[j].lower in {"who", "which"} and j >= 2 and tokens[j - 1].text == ",":
        return _np_left(tokens, j - 2)  # "Barkley, who said he typically votes ..."
    if tokens[j].lower == "who" and j >= 1 and _is_np_word(tokens[j - 1]):
        antecedent = _np_left(tokens, j - 1)  # "Republicans who say": the mention runs to "who"
        return None if antecedent is None else (antecedent[0], j + 1)
    if tokens[j].lower in _PRONOUNS:
        return (j, j + 1)
    if not _is_np_word(tokens[j]) and not _abbreviation_dot(tokens, j):
        return None
    start = j
    while start > 0 and j - start < _NP_LIMIT:
        prev = tokens[start - 1]
        if tokens[start].lower in _DETERMINERS:
            break
        if _abbreviation_dot(tokens, start - 1):  # "Vice President Joseph R. Biden Jr."
            start -= 1
            continue
        if prev.lower == "and":
            if start >= 2 and _is_np_word(tokens[start - 2]):
                start -= 1  # "Syrian activists and rights groups"
                continue
            break  # ", and Trump vowed": "and" opens the clause
        if not _is_np_word(prev) or (prev.text[:1].isupper() is False and prev.lower.endswith("ing")):
            break
        start -= 1
    if start >= 3 and tokens[start - 1].lower == "by" and tokens[start - 2].lower in _DOCUMENT_VERBS:
        outer = _np_left(tokens, start - 3)  # "A statement issued by the Syrian presidency"
        if outer is not None:
            start = outer[0]
    return (start, j + 1)


def _apposition(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """"Yahya Aridi, spokesman for the Syrian opposition in Geneva, said".

    The stretch between the commas is a noun phrase, optionally ending in a
    relative clause ("a Michigan Republican who led the committee"); a name
    may carry several ("Clinton, 35, the daughter of ..., said").
    """
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and comma - k <= _APPOSITION_LIMIT:
        k -= 1
    if k <= 0 or tokens[k].text != "," or not _appositive(tokens[k + 1:comma]):
        return None
    head = _np_left(tokens, k - 1)
    if head is None or not any(t.text[:1].isupper() for t in tokens[head[0]:comma]):
        return None
    start = head[0]
    if (start >= 2 and tokens[start - 1].text == "," and not tokens[start].text[:1].isupper()
            and _appositive(tokens[start:k])):
        outer = _np_left(tokens, start - 2)  # "Clinton, 35, the daughter of ..."
        if outer is not None and (outer[0] == 0 or not tokens[outer[0] - 1].is_word) and (
                tokens[outer[1] - 1].text[:1].isupper()):
            start = outer[0]
    return (start, comma)


def _appositive(segment: Sequence[Token]) -> bool:
    """Tokens that can stand between two commas after a name: a noun phrase (+ relative clause)."""
    if not segment:
        return False
    cut = next((i for i, t in enumerate(segment) if t.lower in {"who", "whose", "which"}), None)
    head = segment if cut is None else segment[:cut]
    if not head or (cut is None and len(segment) > _NP_LIMIT + 6):
        return False
    determiner = head[0].lower in {"a", "an", "the"}
    return all(
        _is_np_word(t) or t.lower in _APPOSITION_WORDS or _abbreviation_dot(head, i)
        or (determiner and t.text[:1].islower() and t.lower.endswith("ed"))
        for i, t in enumerate(head)
    )


def _abbreviation_dot(tokens: Sequence[Token], i: int) -> bool:
    """The full stop of "Mrs.", "R." or a party and state ("R-Wis.,") in a name, not a sentence end."""
    if tokens[i].text != "." or i == 0:
        return False
    prev = tokens[i - 1]
    return prev.end == tokens[i].start and (
        prev.lower in _ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper())
        or _party_state(prev.text)
    )


def _party_state(text: str) -> bool:
    """"R-Wis", "D-Calif": a party letter, a hyphen and a state's abbreviation."""
    return len(text) <= 8 and text[:1] in "RDI" and text[1:2] == "-" and text[2:3].isupper() and text[3:].isalpha()


def _relative(source: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if source is None else (source[0] - offset, source[1] - offset)


def _before_relative_clause(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """"Putin, who ... for the last 17 years, told": the noun phrase before ", who"."""
    for k in range(comma - 1, max(0, comma - 40), -1):
        if tokens[k].lower in {"who", "whose", "which"} and tokens[k - 1].text == ",":
            return _np_left(tokens, k - 2)
    return None


def _titled_name_right(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """A lowercase title before a name: ", said former Utah governor Michael Leavitt", "pollster Frank Luntz"."""
    source = _np_right(tokens, i, lowercase=True)
    if source is None:
        return None
    words = tokens[source[0]:source[1]]
    name = next((k for k, t in enumerate(words) if t.text[:1].isupper()), None)
    return source if name is not None and name <= 4 else None


def _np_right(
    tokens: Sequence[Token], i: int, *, lowercase: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, running to a comma or sentence end."""
    if i >= len(tokens) or not tokens[i].is_word:
        return None
    first = tokens[i]
    if not (lowercase or first.text[0].isupper() or first.lower in _DETERMINERS
            or first.lower in _PRONOUNS or first.lower in _POSSESSIVES  # ", said his best friend"
            or first.text[:1].isdigit()):  # "Asked if ..., 46 percent of voters said"
        return None
    end = i
    while end < len(tokens) and end - i < _NP_LIMIT + 6:
        t = tokens[end]
        if t.lower in {",", ".", ";", ":", "!", "?", '"', "(", ")"} and not _abbreviation_dot(
                tokens, end):
            break
        if lowercase and t.lower in _STOP:
            break
        end += 1
    return (i, end) if end > i else None


def _subject(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause, for a participial cue."""
    i = 0
    for k in range(min(j, 8)):
        if tokens[k].text == "-" and k and tokens[k - 1].text == ")":
            i = k + 1  # a dateline: "MOSCOW (Reuters) - ..."
            break
    if i < len(tokens) and tokens[i].lower in _STOP | {"on", "in", "after", "with"}:
        # an introductory phrase ending in a comma: "On Monday, ..."
        i = next((k + 1 for k in range(i, max(i, j)) if tokens[k].text == ","), i)
    end = i
    while end < max(j, i + 1) and end < len(tokens) and end - i < _NP_LIMIT:
        if not _is_np_word(tokens[end]) and not (end > i and tokens[end].lower == "and"):
            break
        if end - i >= 2 and tokens[end].text[:1].islower() and all(
            t.text[:1].isupper() for t in tokens[end - 2:end]
        ):
            break  # a full name ends the subject: "President Vladimir Putin flew"
        if end > i and tokens[end].text[:1].islower() and end + 1 < len(tokens) and (
                tokens[end + 1].lower in _OBJECT_OPENERS):
            break  # a verb and its object: "Wealth-X keeps its finances a secret"
        end += 1
    return (i, end) if end > i else None


def _takes_base_form(tokens: Sequence[Token], source: tuple[int, int], first: int) -> bool:
    """A base form ("say", "dispute") needs a plural or I/we/you/they subject, or an auxiliary.

    Subject-verb agreement stands in for a tagger: "a bitter dispute" and
    "to order ... and claim victory" are a noun and an infinitive, not reports.
    """
    if any(t.lower in _AUXILIARIES for t in tokens[source[1]:first]):
        return True
    head = tokens[source[1] - 1].lower
    return (head in _PLURAL_HEADS or head in _QUANTIFIERS or head[:1].isdigit()
            or (head.endswith("s") and head != "'s"))


def _only_object(tokens: Sequence[Token], last: int) -> bool:
    """After the cue only a short object or adverbial: "told the servicemen.", "said on Monday."."""
    rest = tokens[last:]
    if not rest or rest[-1].text not in {".", "!"}:
        return False
    words = rest[:-1]
    return len(words) <= 5 and not any(t.lower == "that" or t.quoted for t in words)


def _quote_before(doc: Doc, tokens: Sequence[Token], start: int) -> tuple[int, int] | None:
    """A quotation closing right before the source: '"...," Putin said'."""
    j = start - 1
    while j >= 0 and not tokens[j].is_word and j >= start - 3:
        j -= 1
    if j < 0 or j < start - 3 or not tokens[j].quoted:
        return None
    return _quote_ending_at(doc, tokens[j].end)


def _quoted_person(tokens: Sequence[Token], last: int, offset: int) -> tuple[int, int] | None:
    end = last
    while end < len(tokens) and tokens[end].text[:1].isupper() and end - last < 4:
        end += 1
    return (offset + last, offset + end) if end > last else None


# -- content ------------------------------------------------------------------


def _content_before(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], stop: int
) -> tuple[int, int] | None:
    """Content left of the source/cue: a quotation, the clause, or the sentence before."""
    j = stop - 1
    while j >= 0 and not tokens[j].is_word:
        j -= 1
    if j >= 0:
        quote = _quote_ending_at(doc, tokens[j].end)
        if quote is not None:
            return quote
        return (tokens[0].start, tokens[j].end)
    return _previous_sentence(doc, sentence)


def _content_after(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token], i: int
) -> tuple[int, int] | None:
    while i < len(tokens) and tokens[i].lower in {"that", ":", ","}:
        i += 1
    if i < len(tokens) and tokens[i].quoted:
        quote = _quote_at(doc, tokens[i].start)
        if quote is not None:
            return quote
    # The clause ends at a semicolon, a ", but", or a comma before a speech
    # verb: "a Republican who has refused to endorse Mr. Trump, said ...".
    # A second statement of the same speaker ends it too: "... plan and said they will wait".
    verbs = _lexicon().form_lemma
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ";" or (
        tokens[k].text == "," and k + 1 < len(tokens)
        and (tokens[k + 1].lower in _CLAUSE_BREAK or tokens[k + 1].lower in verbs)
    ) or (tokens[k].lower == "and" and k + 1 < len(tokens) and _finite_cue(tokens[k + 1]))
    ), len(tokens))
    while end > i and not tokens[end - 1].is_word:
        end -= 1
    if end <= i:
        return None
    return (tokens[i].start, tokens[end - 1].end)


def _finite_cue(token: Token) -> bool:
    """A cue verb in a finite form ("said", "added", "says"), not a noun-prone one ("reports")."""
    lemma = _lexicon().form_lemma.get(token.lower)
    return (lemma is not None and token.lower != lemma and not token.lower.endswith("ing")
            and token.lower not in _NOUN_PRONE)


def _quote_ending_at(doc: Doc, end: int) -> tuple[int, int] | None:
    """The first quotation (in ``doc.quotes`` order) ending within a character of ``end`` and starting before it."""
    index = _quote_index(doc)
    near = index.by_end[bisect_left(index.by_end, (end - 1, -1)):bisect_right(index.by_end, (end + 1, len(index.by_end)))]
    first = min((i for _, i in near if doc.quotes[i].start < end), default=None)
    return None if first is None else (doc.quotes[first].start, doc.quotes[first].end)


def _quote_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """The first quotation (in ``doc.quotes`` order) holding the character at ``start``."""
    index = _quote_index(doc)
    # the first quote reaching past ``start``; it holds ``start`` when it also opens at or before it
    i = bisect_right(index.reach, start)
    if i < len(index.reach) and doc.quotes[i].start <= start:
        return (doc.quotes[i].start, doc.quotes[i].end)
    return None


def _previous_sentence(doc: Doc, sentence: Sentence) -> tuple[int, int] | None:
    if sentence.index == 0:
        return None
    prev = doc.sentences[sentence.index - 1]
    if prev.kind != "body":
        return None
    return (prev.start, prev.end)


def _is_direct(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether quotations cover at least half of the content (nested ones counted each)."""
    start, end = content
    index = _quote_index(doc)
    # only quotes from the first one reaching past ``start`` to the last one opening before ``end`` overlap
    first = bisect_right(index.reach, start)
    last = bisect_left(doc.quotes, end, lo=first, key=_START)
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in doc.quotes[first:last])
    return end > start and inside >= 0.5 * (end - start)


@dataclass(frozen=True, slots=True)
class _QuoteIndex:
    """Lookups into ``doc.quotes`` (sorted by start; quotes may nest) in logarithmic time.

    ``reach[i]`` is the furthest end of quotes ``0..i``, so the first quote
    reaching past a position is found by bisection; ``by_end`` holds each
    quote's ``(end, index)`` in order.
    """

    quotes: tuple[Quote, ...]
    reach: tuple[int, ...]
    by_end: tuple[tuple[int, int], ...]


_last_index: list[_QuoteIndex] = []


def _quote_index(doc: Doc) -> _QuoteIndex:
    """The quote index of ``doc``, built once per Doc: the last one built is kept and reused."""
    if _last_index and _last_index[0].quotes is doc.quotes:
        return _last_index[0]
    index = _QuoteIndex(
        doc.quotes,
        tuple(accumulate((q.end for q in doc.quotes), max)),
        tuple(sorted((q.end, i) for i, q in enumerate(doc.quotes))),
    )
    _last_index[:] = [index]
    return index


# -- typing sources, resolving pronouns, judging skepticism --------------------


def _finish(doc: Doc, found: list[_Found]) -> tuple[tuple[Attribution, ...], list[Evidence]]:
    """Resolve and type sources, judge skepticism; split off the reporter's recounts.

    Returns the attributions and, as narrator-distancing evidence, the
    reporter's own recounts of a source's past acts ("Russia has announced
    ... before only to later ..."), which are not that source's statement.
    """
    lex = _lexicon()
    result: list[Attribution] = []
    recounts: list[Evidence] = []
    voices: dict[tuple[int, str], int] = {}
    last_person: tuple[Span, str] | None = None
    last_other: tuple[Span, str] | None = None
    for item in found:
        cue = _token_span(doc, *item.cue)
        attrs: dict[str, str | int | bool] = {"verb": item.lemma, "quoted": False}
        source: Span | None = None
        source_type = "anonymous" if item.source is None else "person"
        if item.source is not None:
            mention = _token_span(doc, *item.source)
            attrs["mention_start"], attrs["mention_end"] = mention.start, mention.end
            source, source_type = mention, _source_type(doc, item.source, lex)
            pronoun = _PRONOUNS.get(mention.text.lower())
            if pronoun is not None:
                antecedent = last_person if pronoun == "person" else last_other
                if antecedent is not None:
                    attrs["resolved_from"] = mention.text
                    source, source_type = antecedent
            elif source_type == "person":
                last_person = (source, source_type)
            else:
                last_other = (source, source_type)
        if source is not None and source.text.lower() not in _PRONOUNS:
            attrs["source_name"] = _name_key(source.text)
        if item.score is not None:
            attrs["cue_score"] = round(item.score, 2)
        if item.tagged:
            attrs["cue_by"] = "tagger"
        if item.quoted_person is not None:
            attrs["quoted_person"] = _token_span(doc, *item.quoted_person).text
        content = None if item.content is None else Span(
            item.content[0], item.content[1], doc.text[item.content[0]:item.content[1]]
        )
        recount = _recount(doc, item, content, lex)
        if recount is not None:
            recounts.append(Evidence(
                FAMILY, "narrator_distancing", cue.start, content.end, doc.text[cue.start:content.end],
                item.sentence.index, {"quoted": False, "cue": recount, "kind": "recount"},
            ) if content is not None else _cue_only(cue, item, recount))
            continue
        stance = lex.stance.get(item.lemma, "neutral")  # a colon or a stance adjective: neutral
        reasons = _skeptical_reasons(doc, item, content, lex)
        if stance == "contesting":
            if _defends_own_record(doc, item, content, lex):
                attrs["contests"] = "own record"
            else:
                reasons.insert(0, f"contesting verb: {item.lemma}")
        if item.stance_word is not None:
            reasons.insert(0, f"stance: {item.stance_word}")
        if reasons:
            attrs["skeptical_cue"] = reasons[0]
        _mark_same_voice(attrs, item.sentence.index, len(result), voices)
        result.append(
            Attribution(cue, source, content, stance, source_type, bool(reasons),  # type: ignore[arg-type]
                        item.direct, item.sentence.index, attrs)
        )
    return tuple(result), recounts


def _cue_only(cue: Span, item: _Found, rule: str) -> Evidence:
    return Evidence(FAMILY, "narrator_distancing", cue.start, cue.end, cue.text, item.sentence.index,
                    {"quoted": False, "cue": rule, "kind": "recount"})


def _recount(doc: Doc, item: _Found, content: Span | None, lex: _Lexicon) -> str | None:
    """The reporter recounting a source's past act and its outcome, or None.

    "However, Russia has announced partial force draw-downs before only to
    later bring in different capabilities": the voice is the reporter's, who
    sets the announcement against what followed; the same words inside a
    quotation stay the speaker's doubt.
    """
    if content is None or item.direct or item.lemma not in _RECOUNTED_ACTS:
        return None
    # tokens are in text order: the content's end is found by bisection, not a scan to the text's end
    tokens = doc.tokens[item.cue[1]:bisect_left(doc.tokens, content.end, lo=item.cue[1], key=_START)]
    for match in lex.skeptical.find(tokens):
        if lex.skeptical_rule[match.key] == "recount" and any(
                t.lower in _PAST_MARKERS for t in tokens[:match.first]):
            return match.key
    return None


def _defends_own_record(doc: Doc, item: _Found, content: Span | None, lex: _Lexicon) -> bool:
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
    words = [t.lower for t in doc.tokens[item.cue[1]:item.cue[1] + 6]
             if t.start < content.end and t.is_word]
    speaker = {"he", "she", "they", "we", "i"}
    if words[:1] == ["that"]:
        words, speaker = words[1:], speaker | {"it"}  # "denied that it had ...", not "challenged it"
    return bool(words) and (words[0] in speaker
                            or any(w in lex.defence_objects for w in words[:4]))


def _mark_same_voice(
    attrs: dict[str, str | int | bool], sentence: int, index: int, voices: dict[tuple[int, str], int]
) -> None:
    """One source speaking twice in one sentence is one voice: later cues point to the first.

    "Syrian opposition sources said they had no prior information ... and said
    they will wait to see ...": both cues stay, ``attrs["same_voice_as"]`` on the
    second gives the index of the first, so sources and skeptics are not counted twice.
    """
    name = attrs.get("source_name")
    if not isinstance(name, str) or not name:
        return
    first = voices.setdefault((sentence, name), index)
    if first != index:
        attrs["same_voice_as"] = first


def _token_span(doc: Doc, first: int, last: int) -> Span:
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    return Span(start, end, doc.text[start:end])


def _name_key(text: str) -> str:
    """The speaker's key as the index keys a person (``scoring.surname``), else the mention's head.

    "The Russian president, Vladimir Putin" -> putin; "Yahya Aridi, spokesman for ... in Geneva" -> aridi.
    """
    name = person_name(text)
    if name:
        return surname(name)
    words = [w for w in text.split(",")[0].split() if w[:1].isupper()]
    return (words[-1] if words else text).lower().strip(".,")


def _source_type(doc: Doc, source: tuple[int, int], lex: _Lexicon) -> str:
    tokens = doc.tokens[source[0]:source[1]]
    for match in lex.source_markers.find(tokens):
        return match.key
    # The head: the last word before a relative clause or a prepositional tail.
    head_end = len(tokens)
    for k, t in enumerate(tokens):
        if k and t.lower in {"who", "which", "that", "of", "for", "in", "at", "issued", ",",
                             "to", "with", "like", "close", "familiar"}:
            head_end = k
            break
    words = [t for t in tokens[:head_end] if t.is_word]
    if not words:
        return "person"
    head = words[-1].lower
    if head in {"it", "they", "we"}:
        return "organisation"
    if _names_outlet(words, lex):
        return "media"
    kind = lex.source_heads.get(head)
    named = _has_name(words)
    if kind == "anonymous" and named:
        return "person"
    if kind is not None:
        return kind
    if not named and any(lex.source_heads.get(w.lower) == "media" for w in words):
        return "media"  # "Syrian state television footage", not "Fox News host Sean Hannity"
    return "person"


def _names_outlet(words: Sequence[Token], lex: _Lexicon) -> bool:
    """The source's head ends a news outlet's name: "CBS News", "Reuters", not "Fox News host Sean Hannity"."""
    return any(m.last == len(words) and words[m.first].text[:1].isupper()
               for m in lex.outlets.find(words))


def _has_name(words: Sequence[Token]) -> bool:
    """Two capitalised words in a row, or a capitalised head: a proper name."""
    caps = [w.text[:1].isupper() and w.lower not in _DETERMINERS for w in words]
    return any(a and b for a, b in zip(caps, caps[1:])) or (caps[-1] and len(words) > 0
                                                             and words[-1].lower not in {"source", "sources"})


def _skeptical_reasons(
    doc: Doc, item: _Found, content: Span | None, lex: _Lexicon
) -> list[str]:
    """Doubt phrases in the content, or in the cue's sentence when there is no content."""
    sentence = item.sentence
    first = sentence.token_start
    last = sentence.token_end
    if content is not None:
        # tokens are in text order, so their starts and ends are sorted: bisect, not scan
        first = bisect_right(doc.tokens, content.start, key=_END)
        last = bisect_left(doc.tokens, content.end, lo=first, key=_START)
    tokens = doc.tokens[first:last]
    reasons = []
    for match in lex.skeptical.find(tokens):
        if lex.skeptical_rule[match.key] == "negated":
            window = tokens[max(0, match.first - 3):match.first]
            if not any(t.lower in _NEGATORS for t in window):
                continue
        reasons.append(match.key)
    return reasons


# -- the reporter's own distancing --------------------------------------------


def _narrator_distancing(doc: Doc, attributions: Sequence[Attribution]) -> list[Evidence]:
    lex = _lexicon()
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
        for match in lex.distancing.find(tokens):
            span = tokens[match.first:match.last]
            if span[0].quoted or span[0].start in cue_starts:
                continue
            if match.key.startswith("what ") and match.last < len(tokens) and tokens[match.last].lower in _PARTICLES:
                continue  # "what he called for": a demand, not a label handed back
            start, end = span[0].start, span[-1].end
            found.append(Evidence(FAMILY, "narrator_distancing", start, end, doc.text[start:end],
                                  sentence.index, {"quoted": False, "cue": match.key,
                                                   "kind": "marker"}))
    reported = _Covered()
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
    i = bisect_right(doc.body, position, key=_START) - 1
    if i >= 0 and position < doc.body[i].end:
        return doc.body[i].index
    return None


def _cue_evidence(a: Attribution) -> Evidence:
    attrs: dict[str, str | int | float | bool] = {
        "quoted": False,
        "cue": str(a.attrs["verb"]),
        "stance": a.verb_stance,
        "source_type": a.source_type,
        "source": a.source.text if a.source is not None else "",
        "direct": a.direct,
        "skeptical": a.skeptical,
    }
    return Evidence(FAMILY, "cue", a.cue.start, a.cue.end, a.cue.text, a.sentence, attrs)


def _skeptical_evidence(doc: Doc, a: Attribution) -> Evidence:
    span = a.content if a.content is not None else a.cue
    if str(a.attrs.get("skeptical_cue", "")).startswith("stance:"):
        # the stance is in the cue: "was skeptical about Putin s statement"
        end = max(a.cue.end, span.end)
        span = Span(a.cue.start, end, doc.text[a.cue.start:end])
    return Evidence(FAMILY, "skeptical", span.start, span.end, span.text, a.sentence,
                    {"quoted": a.direct, "cue": str(a.attrs["skeptical_cue"]),
                     "source": a.source.text if a.source is not None else ""})
