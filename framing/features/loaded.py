"""Loaded wording and labelling: the words that judge, who uses them and whom they name.

A curated lexicon (``loaded-cues.v1.tsv``) of words and phrases that carry a
judgement beyond their information, in categories: pejorative labels for actors
(*strongman, regime, dictator*), contested group labels (*terrorists, rebels*),
glorifying words (*martyrs, heroism, motherland*), emotive violence
(*slaughter, gassed*), dramatising words (*whirlwind, teetering on the brink*),
intensifiers (*massive, most lethal*), dismissive markers (*so-called, sham*),
judgemental words (*disgraceful, absurd*) and combative reporting verbs
(*slammed, smeared*). Context rules (``loaded-rules.v1.json``) veto a cue where
a neighbouring word shows its ordinary sense (*sanctions regime*, *gross
domestic product*, *the claims*).

A cue inside quotation marks belongs to the speaker, not the reporter: it is
counted in ``loaded.count`` and ``loaded.quoted_count`` but not in
``loaded.narrator_per_1000_words`` (evidence ``voice`` "quoted"; "reporter"
otherwise). Reported speech belongs to its speaker: a cue in an attributed
statement's content (*state television quoted Assad as thanking Putin,
saying the blood of Moscow's martyrs ...*) has voice "reported" and counts as
quoted, like a hedge there; an epithet for an actor in it stays the
reporter's (*Peskov said that Putin had not discussed Assad's fate with the
Syrian strongman*: how a paraphrase names a third party is the reporter's
choice). Scare quotes are short quoted spans that
are not attributed speech (*"de-escalation" agreements*); a quoted label is a
scare quote even when attributed, because the marks distance the outlet from
the label (*Moscow's "martyrs"*). Attributed partial quotes (*Putin hailed
their "excellent" performance*) are not scare quotes.

Tagger mode (opt-in, ``extract(doc, tagger=...)``): a MiniLM fine-tuned on
the train split of PTC's Loaded_Language spans and BABE's biased words
(:mod:`framing.tagger`) reads each body sentence. A lexicon cue it read is
kept only when one of its tokens reaches the card's ``lexicon_floor``, except
labels, which stay whatever it says (its data did not teach it labels); the
words it marks that no kept cue covers and no context rule vetoed become
cues of category ``unlisted`` (*indiscriminate*, *manoeuvre*), with the
tagger's P(loaded) as evidence. Each cue records ``found_by`` (lexicon or tagger) and
``tagger_score``.

Actor labels (evidence label ``actor_reference``, not counted) record how the
article refers to its main actors: *President Bashar al-Assad*, *the Syrian
strongman*, *the Assad regime*.

References
----------
Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), Linguistic Models for
Analyzing and Detecting Biased Language. ACL.
Da San Martino et al. (2019), Fine-Grained Analysis of Propaganda in News
Articles. EMNLP (the Loaded_Language and Name_Calling techniques).
Spinde et al. (2021), Neural Media Bias Detection Using Distant Supervision
With BABE. Findings of EMNLP.
Entman (1993), Framing: Toward Clarification of a Fractured Paradigm. Journal
of Communication 43(4).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING


from ..entities import Mention, find_mentions
from ..lexicons import load_json, load_table, stop_words
from ..matcher import PhraseMatcher
from ..names import surname
from ..text import phrase_tokens
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
    Quote,
    Sentence,
    Span,
    Token,
)
from . import SpanIndex

if TYPE_CHECKING:
    from ..tagger import LoadedReading, LoadedTagger

FAMILY = "loaded"
# Tells the reporter's words from quoted ones: runs on a Doc whose lost quotation marks are restored.
READS_VOICE = True
CUES_FILE = "loaded-cues.v1.tsv"
RULES_FILE = "loaded-rules.v1.json"
ACTORS_FILE = "loaded-actors.v1.tsv"
CATEGORIES: tuple[str, ...] = (
    "pejorative_label",
    "contested_label",
    "glorifying",
    "emotive_violence",
    "dramatising",
    "intensifier",
    "dismissive",
    "judgemental",
    "combative_verb",
)
UNLISTED = "unlisted"  # a loaded word only the tagger found
FEATURE_NAMES: tuple[str, ...] = (
    f"{FAMILY}.count",
    f"{FAMILY}.per_1000_words",
    f"{FAMILY}.narrator_per_1000_words",
    f"{FAMILY}.quoted_count",
    f"{FAMILY}.scare_quotes",
    *(f"{FAMILY}.{c}" for c in (*CATEGORIES, UNLISTED)),
)
SCARE_QUOTE_MAX_WORDS = 4
MAIN_ACTORS = 5  # actors named most often; the rest are minor mentions
_MIN_MENTIONS = 2

# Words that begin a capitalised run at a sentence start without being a name.
_LEADING = frozenset(
    "the a an in on at but and or as after before when while though although if "
    "since for from with by of to this that these those its his her their our "
    "both all some many most now then however meanwhile officially he she it they we i you "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_LEADER_NOUNS = frozenset(
    "president leader strongman dictator ruler autocrat tyrant despot premier king".split()
)
_GOVERNMENT_NOUNS = frozenset(
    "regime government administration presidency rule family forces loyalists camp".split()
)


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    unless_before: frozenset[str]
    unless_after: frozenset[str]
    only_narrator: bool
    unless_name_before: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    matcher: PhraseMatcher
    category: Mapping[str, str]
    rules: Mapping[str, _Rule]
    speech_verbs: frozenset[str]
    label_categories: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    matcher: PhraseMatcher
    canonical: Mapping[str, str]
    kind: Mapping[str, str]
    leads: Mapping[str, str]  # head of state or government -> country


@cache
def _lexicon() -> _Lexicon:
    rows = load_table(CUES_FILE)
    category = {" ".join(phrase_tokens(r["cue"])): r["category"] for r in rows}
    data = load_json(RULES_FILE)
    rules = {}
    for rule in data["context_rules"]:
        compiled = _Rule(
            rule["id"],
            frozenset(rule.get("unless_before", ())),
            frozenset(rule.get("unless_after", ())),
            bool(rule.get("only_narrator", False)),
            bool(rule.get("unless_name_before", False)),
        )
        for cue in rule["cues"]:
            rules[cue] = compiled
    return _Lexicon(
        PhraseMatcher((cue, cue) for cue in category),
        category,
        rules,
        frozenset(data["speech_verbs"]),
        frozenset(data["label_categories"]),
    )


@cache
def _gazetteer() -> _Gazetteer:
    rows = [r for r in load_table(ACTORS_FILE) if r["kind"] != "leader"]
    keys = {r["alias"]: " ".join(phrase_tokens(r["alias"])) for r in rows}
    return _Gazetteer(
        PhraseMatcher((r["alias"], keys[r["alias"]]) for r in rows),
        {keys[r["alias"]]: r["canonical"] for r in rows},
        {keys[r["alias"]]: r["kind"] for r in rows},
        {r["alias"]: r["canonical"] for r in load_table(ACTORS_FILE) if r["kind"] == "leader"},
    )


def extract(
    doc: Doc, *, tagger: LoadedTagger | None = None, reported: Sequence[Span] = (),
    mentions: Sequence[Mention] | None = None,
) -> FamilyResult:
    """Count loaded words, scare quotes and collect actor labels in the body.

    ``loaded.count`` counts lexicon cues in body sentences (reporter's and
    quoted voice); ``loaded.per_1000_words`` scales it by body words and
    ``loaded.narrator_per_1000_words`` counts only cues outside quotation
    marks. Higher means more judging, dramatising or labelling vocabulary.
    With ``tagger`` (:mod:`framing.tagger`) the fine-tuned loaded-word tagger
    confirms lexicon cues and adds ``unlisted`` ones. ``reported`` (attributed
    statements' content) makes a cue in indirect speech the speaker's (voice
    "reported", counted with the quoted ones): in *state television quoted
    Assad as ..., saying the blood of Moscow's martyrs ...*, *martyrs* is not
    the reporter's word. ``mentions`` are the article's names
    (:func:`framing.entities.find_mentions`, found here when not given): a
    capitalised run is an actor's name only where the recogniser found one.

    References
    ----------
    Recasens et al. (2013); Da San Martino et al. (2019); Spinde et al. (2021).
    """
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    actors = tuple(_actor_evidence(doc, find_mentions(doc) if mentions is None else mentions))
    epithets = [e for e in actors if e.attrs["loaded"]]
    cues = _in_reported_speech(_cue_evidence(doc, tagger), reported, epithets)
    scare = tuple(_scare_quotes(doc, cues))
    words = doc.body_words()
    narrator = sum(1 for e in cues if not e.attrs["quoted"])
    features[f"{FAMILY}.count"] = float(len(cues))
    features[f"{FAMILY}.quoted_count"] = float(len(cues) - narrator)
    features[f"{FAMILY}.scare_quotes"] = float(len(scare))
    if words:
        features[f"{FAMILY}.per_1000_words"] = 1000.0 * len(cues) / words
        features[f"{FAMILY}.narrator_per_1000_words"] = 1000.0 * narrator / words
    for label, n in Counter(e.label for e in cues).items():
        features[f"{FAMILY}.{label}"] = float(n)
    evidence = tuple(sorted(cues + scare + actors, key=lambda e: (e.start, e.end, e.label)))
    return FamilyResult(features, evidence)


def _in_reported_speech(
    cues: Sequence[Evidence], reported: Sequence[Span], epithets: Sequence[Evidence]
) -> tuple[Evidence, ...]:
    """The cues, those outside quotation marks but inside reported speech given to its speaker.

    A cue inside an epithet for an actor (*the Syrian strongman*) stays the
    reporter's: how a paraphrase names a third party is the reporter's choice.
    """
    if not reported:
        return tuple(cues)
    speech, named = SpanIndex(reported), SpanIndex(epithets)
    return tuple(
        replace(e, attrs={**e.attrs, "quoted": True, "voice": "reported"})
        if not e.attrs["quoted"] and speech.covers(e.start, e.end) and not named.covers(e.start, e.end) else e
        for e in cues
    )


def loaded_spans(doc: Doc, tagger: LoadedTagger | None = None) -> tuple[Evidence, ...]:
    """The loaded-cue evidence alone (no scare quotes, no actor labels), in text order."""
    return tuple(_cue_evidence(doc, tagger))


def _cue_evidence(doc: Doc, tagger: LoadedTagger | None) -> list[Evidence]:
    found = []
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        cues, vetoed = _lexicon_cues(doc, sentence, tokens)
        if tagger is not None:
            cues = _tagged_cues(doc, sentence, tokens, cues, vetoed, tagger)
        found.extend(cues)
    return found


def _lexicon_cues(
    doc: Doc, sentence: Sentence, tokens: Sequence[Token]
) -> tuple[list[Evidence], list[tuple[int, int]]]:
    """The lexicon's cues in one sentence, and the spans of the matches a context rule vetoed."""
    lexicon = _lexicon()
    found = []
    vetoed = []
    for match in lexicon.matcher.find(doc.sentence_lowers(sentence)):
        span = tokens[match.first : match.last]
        quoted = all(t[QUOTED] for t in span)
        rule = lexicon.rules.get(match.key)
        start, end = span[0][START], span[-1][END]
        if rule and _vetoed(rule, tokens, match.first, match.last, quoted):
            vetoed.append((start, end))
            continue
        found.append(
            Evidence(
                FAMILY, lexicon.category[match.key], start, end, doc.text[start:end],
                sentence.index, {"cue": match.key, "quoted": quoted, "voice": "quoted" if quoted else "reporter"},
            )
        )
    return found, vetoed


def _tagged_cues(
    doc: Doc,
    sentence: Sentence,
    tokens: Sequence[Token],
    cues: list[Evidence],
    vetoed: list[tuple[int, int]],
    tagger: LoadedTagger,
) -> list[Evidence]:
    """The sentence's cues as the tagger reads them: lexicon cues it confirms, and the loaded words it adds.

    Labels (pejorative, contested, glorifying) are kept whatever the tagger
    says: its training data files *regime* or *martyrs* under another
    technique (PTC's Name_Calling) or not at all, so it learned to pass them
    by. A lexicon cue past the tagger's reach (a sentence longer than its
    ``max_length`` tokens) is kept unread. The tagger adds only words that
    no kept cue covers and no context rule vetoed (*lies at the feet* stays
    ordinary): of *a cowardly assault*, with *cowardly* listed, it adds
    *assault*.
    """
    labels = _lexicon().label_categories
    reading = tagger.read(sentence.text)
    covered = sentence.start + reading.covered
    kept = []
    for cue in cues:
        score = reading.score(cue.start - sentence.start, cue.end - sentence.start)
        if cue.start < covered and score < tagger.lexicon_floor and cue.label not in labels:
            continue
        read = {"tagger_score": round(score, 4)} if cue.start < covered else {}
        kept.append(replace(cue, attrs={**cue.attrs, "found_by": "lexicon", **read}))
    taken = [(c.start, c.end) for c in kept] + vetoed
    added = []
    for start, end, _ in reading.spans:
        for words in _free_words(tokens, start + sentence.start, end + sentence.start, taken):
            if all(t[LOWER] in stop_words() for t in words):
                continue  # a lone "the" or "up": the tagger's noise, not a word a reader could weigh
            added.append(_unlisted(doc, sentence, words, reading))
    return sorted(kept + added, key=lambda e: (e.start, e.end))


def _free_words(
    tokens: Sequence[Token], start: int, end: int, taken: Sequence[tuple[int, int]]
) -> list[list[Token]]:
    """The words of ``start``-``end`` outside every taken span, in runs that no taken word interrupts."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if not (start <= token[START] and token[END] <= end and token[IS_WORD]):
            continue
        if any(token[START] < e and s < token[END] for s, e in taken):
            runs.append([])
        else:
            runs[-1].append(token)
    return [run for run in runs if run]


def _unlisted(doc: Doc, sentence: Sentence, words: list[Token], reading: LoadedReading) -> Evidence:
    start, end = words[0][START], words[-1][END]
    quoted = all(t[QUOTED] for t in words)
    text = doc.text[start:end]
    score = reading.score(start - sentence.start, end - sentence.start)
    return Evidence(
        FAMILY, UNLISTED, start, end, text, sentence.index,
        {"cue": " ".join(phrase_tokens(text)), "quoted": quoted, "voice": "quoted" if quoted else "reporter",
         "found_by": "tagger", "tagger_score": round(score, 4)},
    )


def _vetoed(rule: _Rule, tokens: Sequence[Token], first: int, last: int, quoted: bool) -> bool:
    if rule.only_narrator and quoted:
        return True
    if rule.unless_name_before and _names_event(tokens, first):
        return True
    before = _word_at(tokens, first, -1)
    after = _word_at(tokens, last - 1, 1)
    return before in rule.unless_before or after in rule.unless_after


def _names_event(tokens: Sequence[Token], i: int) -> bool:
    """True when a capitalised word or a number inside the sentence precedes token ``i``.

    "the Las Vegas massacre", "the October 1 massacre": the word is part of an
    event's established name, not the reporter's choice. The sentence's first
    word is capitalised anyway, so it does not count.
    """
    j = i - 1
    if j < 1 or not tokens[j][IS_WORD]:
        return False
    return tokens[j][TEXT][:1].isupper() or tokens[j][TEXT][:1].isdigit()


def _word_at(tokens: Sequence[Token], i: int, step: int) -> str:
    """The nearest word token from ``i`` in direction ``step``; '' at the sentence edge."""
    i += step
    while 0 <= i < len(tokens):
        if tokens[i][IS_WORD] or tokens[i][LOWER] == "'s":
            return tokens[i][LOWER]
        i += step
    return ""


# -- scare quotes ----------------------------------------------------------


def _scare_quotes(doc: Doc, cues: Sequence[Evidence]) -> list[Evidence]:
    """Short quoted spans inside narration that are not attributed speech.

    A quote of 1-4 words counts when it shares its sentence with the
    reporter's words and either (a) holds a label cue (pejorative, contested,
    glorifying), or (b) no speech verb precedes it in the sentence and none
    follows it. Quoted proper names and titles (every word capitalised) are
    names, not scare quotes.
    """
    lexicon = _lexicon()
    labels = SpanIndex(e for e in cues if e.label in lexicon.label_categories)
    quotes = sorted(doc.quotes, key=lambda q: q.start)
    starts = [q.start for q in quotes]
    found = []
    for sentence in doc.body:
        lo = bisect_left(starts, sentence.start)
        hi = bisect_left(starts, sentence.end, lo)
        inner = [q for q in quotes[lo:hi] if q.end <= sentence.end]
        if not inner:
            continue
        tokens = doc.sentence_tokens(sentence)
        if not any(t[IS_WORD] and not t[QUOTED] for t in tokens):
            continue  # all quotation: speech, not the reporter's words
        for quote in inner:
            inside = [i for i, t in enumerate(tokens) if quote.start <= t[START] and t[END] <= quote.end]
            words = [tokens[i] for i in inside if tokens[i][IS_WORD]]
            if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
                continue
            if all(w[TEXT][:1].isupper() for w in words):
                continue
            label = labels.within(quote.start, quote.end)
            if label or not _attributed(tokens, inside[0], inside[-1], lexicon.speech_verbs):
                found.append(_scare_evidence(doc, sentence, quote, label))
    return found


def _attributed(tokens: Sequence[Token], first: int, last: int, verbs: frozenset[str]) -> bool:
    return any(t[LOWER] in verbs and not t[QUOTED] for t in tokens[:first]) or any(
        t[LOWER] in verbs and not t[QUOTED] for t in tokens[last + 1 :]
    )


def _scare_evidence(doc: Doc, sentence: Sentence, quote: Quote, label: bool) -> Evidence:
    end = quote.end
    while end > quote.start and not doc.text[end - 1].isalnum():
        end -= 1  # "martyrs." quotes the word, not the full stop
    text = doc.text[quote.start : end]
    return Evidence(
        FAMILY, "scare_quote", quote.start, end, text, sentence.index,
        {"cue": " ".join(phrase_tokens(text)), "quoted": True, "label": label},
    )


# -- actor labels ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Reference:
    actor: str
    start: int
    end: int
    sentence: int
    quoted: bool


def actor_labels(doc: Doc, mentions: Sequence[Mention] | None = None) -> dict[str, list[str]]:
    """How the article refers to its main actors: canonical actor -> distinct references.

    Main actors are the people, states and groups named most often in the
    body (at least twice; at most five). References are the surface forms in
    order of first use, e.g. ``{"Bashar al-Assad": ["President Bashar
    al-Assad", "Assad", "the Syrian strongman"]}``, so a report can set
    outlets' labels side by side. ``mentions`` as for :func:`extract`.
    """
    labels: dict[str, list[str]] = {}
    for ref in _references(doc, find_mentions(doc) if mentions is None else mentions):
        text = " ".join(doc.text[ref.start : ref.end].split())
        seen = labels.setdefault(ref.actor, [])
        if text not in seen:
            seen.append(text)
    return labels


def _actor_evidence(doc: Doc, mentions: Sequence[Mention]) -> list[Evidence]:
    found = []
    for ref in _references(doc, mentions):
        text = doc.text[ref.start : ref.end]
        found.append(
            Evidence(
                FAMILY, "actor_reference", ref.start, ref.end, text, ref.sentence,
                {"actor": ref.actor, "loaded": _loaded_reference(text), "quoted": ref.quoted},
            )
        )
    return found


@lru_cache(maxsize=4096)
def _loaded_reference(text: str) -> bool:
    """A reference holding a loaded word other than a contested label ("the Assad regime").

    Cached: an article names its main actors the same way again and again.
    """
    category = _lexicon().category
    return any(w in category and category[w] != "contested_label" for w in phrase_tokens(text))


def _references(doc: Doc, mentions: Sequence[Mention]) -> list[_Reference]:
    """Every reference to a main actor in the body, in text order.

    A name as written is one the recogniser found (a person, organisation or
    place, or another name that is a person's surname: "the al-Assad regime"),
    so that "Despite Ted Cruz" gives "Ted Cruz" and a capitalised "Tweets" or a
    poll's "Whom" gives nothing.
    """
    gazetteer = _gazetteer()
    people = frozenset(surname(m.text) for m in mentions if m.kind == "person")
    names = _Names({m.start: m.end for m in mentions if m.kind != "misc" or surname(m.text) in people}, people)
    raw: list[tuple[str, int, int, int, bool]] = []  # key, start, end, sentence, quoted
    leaders: dict[str, str] = {}  # country -> person key, from "Syrian President X"
    for sentence in doc.body:
        tokens = doc.sentence_tokens(sentence)
        places = {m.first: m for m in gazetteer.matcher.find(doc.sentence_lowers(sentence))}
        # Only a place, "the", a capitalised word or an al-/el- name can start a reference.
        starts = [
            k for k, t in enumerate(tokens)
            if t[TEXT][:1].isupper() or t[LOWER] == "the" or k in places or t[LOWER][:3] in ("al-", "el-")
        ]  # the commonest tests first: every body token is tested
        i = 0
        for k in starts:
            if k < i:
                continue
            ref, i = _reference_at(tokens, k, places, gazetteer, leaders, names)
            if ref is not None:
                key, first, last = ref
                raw.append(
                    (key, tokens[first][START], tokens[last - 1][END], sentence.index,
                     all(t[QUOTED] for t in tokens[first:last]))
                )
    full_names = _person_names(key for key, *_ in raw)
    surnames = {surname(full): full for full in full_names.values()}
    for person, country in gazetteer.leads.items():
        if country not in leaders and surname(person) in surnames:
            leaders[country] = surnames[surname(person)]
    resolved = [(full_names.get(k, k), s, e, n, q) for k, s, e, n, q in raw]
    resolved = [
        (full_names.get(leaders[k[1:]], leaders[k[1:]]) if k.startswith("@") and k[1:] in leaders
         else k.lstrip("@"), s, e, n, q)
        for k, s, e, n, q in resolved
    ]
    counts = Counter(actor for actor, *_ in resolved)
    main = {a for a, n in counts.most_common(MAIN_ACTORS) if n >= _MIN_MENTIONS}
    return [_Reference(a, s, e, n, q) for a, s, e, n, q in resolved if a in main]


def _reference_at(
    tokens: Sequence[Token], i: int, places: Mapping[int, object],
    gazetteer: _Gazetteer, leaders: dict[str, str], names: _Names,
) -> tuple[tuple[str, int, int] | None, int]:
    """The actor reference starting at token ``i``, if any, and where to continue.

    Keys are a canonical state or group, a person key (the name as written),
    or ``@Country`` for "the Syrian strongman"-style descriptors, resolved to
    the country's leader once the article has named one.
    """
    first = i
    det = tokens[i][LOWER] == "the"
    if det:
        i += 1
    if i >= len(tokens):
        return None, first + 1
    place = places.get(i)
    if place is not None:
        key = " ".join(t[LOWER] for t in tokens[place.first : place.last])  # type: ignore[attr-defined]
        canonical, kind = gazetteer.canonical.get(key, ""), gazetteer.kind.get(key, "")
        end = place.last  # type: ignore[attr-defined]
        if kind == "title":
            name_end = _name_run(tokens, end, names)
            if name_end > end:
                return (_name_key(tokens, end, name_end), first, name_end), name_end
            return None, end
        if kind in ("adjective", "state", "metonym") and end < len(tokens):
            end2 = end + 1 if tokens[end][LOWER] == "'s" else end
            title_end = _title_after(tokens, end2, gazetteer)
            if title_end:
                name_end = _name_run(tokens, title_end, names)
                if name_end > title_end:
                    person = _name_key(tokens, title_end, name_end)
                    leaders.setdefault(canonical, person)
                    return (person, first, name_end), name_end
            if end2 < len(tokens) and tokens[end2][LOWER] in _LEADER_NOUNS:
                name_end = _apposed_name(tokens, end2 + 1, names)
                if name_end:
                    person = _name_key(tokens, end2 + 3, name_end)
                    leaders.setdefault(canonical, person)
                    return (f"@{canonical}", first, end2 + 1), end2 + 1
                return (f"@{canonical}", first, end2 + 1), end2 + 1
            if end2 < len(tokens) and tokens[end2][LOWER] in ("regime", "government"):
                return (f"@{canonical}", first, end2 + 1), end2 + 1
        if kind == "adjective":
            return None, end
        return (canonical, first if det else place.first, end), end  # type: ignore[attr-defined]
    name_end = _name_run(tokens, i, names)
    if name_end > i and not (not det and i == 0 and tokens[i][LOWER] in _LEADING):
        key = _name_key(tokens, i, name_end)
        end = name_end
        if end < len(tokens) and tokens[end][LOWER] == "'s" and end + 1 < len(tokens) \
                and tokens[end + 1][LOWER] in _GOVERNMENT_NOUNS:
            end += 2
        elif end < len(tokens) and tokens[end][LOWER] in _GOVERNMENT_NOUNS:
            end += 1
        elif det:
            return None, name_end  # "the Syrian Congress": a name of something else
        return (key, first if end > name_end else i, end), end
    return None, first + 1


def _title_after(tokens: Sequence[Token], i: int, gazetteer: _Gazetteer) -> int:
    """End of a title ("President", "Prime Minister") starting at ``i``; 0 when none."""
    for n in (2, 1):
        key = " ".join(t[LOWER] for t in tokens[i : i + n])
        if len(tokens[i : i + n]) == n and gazetteer.kind.get(key) == "title" \
                and tokens[i][TEXT][:1].isupper():
            return i + n
    return 0


def _apposed_name(tokens: Sequence[Token], i: int, names: _Names) -> int:
    """End of ", Name Name" after "the Syrian president"; 0 when absent."""
    if i < len(tokens) and tokens[i][TEXT] == ",":
        end = _name_run(tokens, i + 1, names)
        if end > i + 1:
            return end
    return 0


@dataclass(frozen=True)
class _Names:
    """The recogniser's names (where each starts -> where it ends) and the surnames of its people."""

    ends: Mapping[int, int]
    surnames: frozenset[str]

    def end_at(self, token: Token) -> int:
        """Where the name starting at ``token`` ends, -1 when none starts there. A capitalised surname of
        the article's people is a name wherever it stands: the recogniser misses some ("Sanders said"
        opening a sentence) that the article names elsewhere."""
        end = self.ends.get(token[START])
        if end is not None:
            return end
        return token[END] if token[TEXT][:1].isupper() and surname(token[TEXT]) in self.surnames else -1


def _name_run(tokens: Sequence[Token], i: int, names: _Names) -> int:
    """End of the name that starts at token ``i``, ``i`` when none does."""
    end = names.end_at(tokens[i]) if i < len(tokens) else -1
    j = i
    while j < len(tokens) and tokens[j][END] <= end and tokens[j][LOWER] not in _LEADING:
        j += 1
    return j


def _name_key(tokens: Sequence[Token], first: int, last: int) -> str:
    return " ".join(t[TEXT] for t in tokens[first:last])


def _person_names(keys: Iterable[str]) -> dict[str, str]:
    """Map each name as written to the longer name it abbreviates, the one the article writes most often.

    "Putin" -> "Vladimir Putin", "al-Assad" and "Assad" -> "Bashar al-Assad":
    a short name is the last word of a longer one, ignoring an "al-" prefix.
    Where two longer names share it, "Clinton" is the one named more often
    ("Hillary Clinton" 18 times, "Bill Clinton" once), then the longest.
    """
    counts = Counter(k for k in keys if not k.startswith("@"))
    names = sorted(counts, key=lambda k: (-len(k.split()), -counts[k], k))
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for name in names:  # each group keeps the order of ``names``
        by_surname.setdefault(surname(name), []).append((len(name.split()), name))
    full: dict[str, str] = {}
    for group in by_surname.values():
        for size, name in group:
            chosen = max((n for k, n in group if k > size), key=lambda n: counts[n], default=name)
            full[name] = full.get(chosen, chosen)  # longer names come first: "Clinton" -> "Hillary Clinton" -> ...
    return full

