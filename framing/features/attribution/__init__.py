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

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ...scoring import voice_keys
from ...types import Attribution, Doc, Evidence, FamilyResult, Span
from .content import Found
from .learned import VERB_ENDING, cue_candidates, learned_attributions
from .lexicon import FAMILY, lexicon
from .rules import rule_attributions
from .sources import finish
from .stance import narrator_distancing
from .tagged import tagged_attributions

if TYPE_CHECKING:
    from ...tagger import CueTagger

__all__ = [
    "FAMILY", "FEATURE_NAMES", "STANCES", "VERB_ENDING", "cue_candidates", "cue_forms", "extract",
    "rule_attributions",
]

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


def extract(doc: Doc, *, tagger: CueTagger | None = None) -> FamilyResult:
    """Attributed statements, their sources and stances, and the reporter's distancing.

    Higher ``attribution.count`` means more attributed statements;
    ``skeptical_share`` near 1 means most quoted voices doubt the claim.
    With ``tagger`` (:mod:`framing.tagger`) the fine-tuned cue tagger decides
    which words are cues (see :func:`tagged_attributions`).
    """
    found = _find_attributions(doc)
    if tagger is not None:
        found = tagged_attributions(doc, found, tagger)
    attributions, recounts = finish(doc, found)
    narrator = narrator_distancing(doc, attributions) + recounts
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


def _find_attributions(doc: Doc) -> list[Found]:
    """Rule cues, then the learned second stage's cues where the rules found none."""
    found = rule_attributions(doc)
    learned = learned_attributions(doc, found)
    if not learned:
        return found
    return sorted(found + learned, key=lambda e: e.cue)


@cache
def cue_forms() -> frozenset[str]:
    """Every word form of the cue lexicon ("said", "according to"): speech and writing, the family's scope."""
    return frozenset(lexicon().form_lemma)


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
