"""Finishing attributions: pronouns resolved, sources typed, skepticism judged, voices marked."""

from __future__ import annotations

from ...types import END, IS_WORD, LOWER, START, TEXT, Attribution, Doc, Evidence, Span
from .chunks import PRONOUNS
from .content import Found
from .lexicon import FAMILY, Lexicon, lexicon, word_set
from .names import has_name, name_key, names_outlet
from .stance import defends_own_record, recounted_act, skeptical_reasons

# Words after a source's head: a relative clause or a prepositional tail ("officials who ...").
_HEAD_ENDS = word_set("head_ends")


def finish(doc: Doc, found: list[Found]) -> tuple[tuple[Attribution, ...], list[Evidence]]:
    """Resolve and type sources, judge skepticism; split off the reporter's recounts.

    Returns the attributions and, as narrator-distancing evidence, the
    reporter's own recounts of a source's past acts ("Russia has announced
    ... before only to later ..."), which are not that source's statement.
    """
    lex = lexicon()
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
            pronoun = PRONOUNS.get(mention.text.lower())
            if pronoun is not None:
                antecedent = last_person if pronoun == "person" else last_other
                if antecedent is not None:
                    attrs["resolved_from"] = mention.text
                    source, source_type = antecedent
            elif source_type == "person":
                last_person = (source, source_type)
            else:
                last_other = (source, source_type)
        if source is not None and source.text.lower() not in PRONOUNS:
            attrs["source_name"] = name_key(source.text)
        if item.score is not None:
            attrs["cue_score"] = round(item.score, 2)
        if item.tagged:
            attrs["cue_by"] = "tagger"
        if item.quoted_person is not None:
            attrs["quoted_person"] = _token_span(doc, *item.quoted_person).text
        content = None if item.content is None else Span(
            item.content[0], item.content[1], doc.text[item.content[0]:item.content[1]]
        )
        recount = recounted_act(doc, item, content, lex)
        if recount is not None:
            recounts.append(Evidence(
                FAMILY, "narrator_distancing", cue.start, content.end, doc.text[cue.start:content.end],
                item.sentence.index, {"quoted": False, "cue": recount, "kind": "recount"},
            ) if content is not None else _cue_only(cue, item, recount))
            continue
        stance = lex.stance.get(item.lemma, "neutral")  # a colon or a stance adjective: neutral
        reasons = skeptical_reasons(doc, item, content, lex)
        if stance == "contesting":
            if defends_own_record(doc, item, content, lex):
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


def _cue_only(cue: Span, item: Found, rule: str) -> Evidence:
    return Evidence(FAMILY, "narrator_distancing", cue.start, cue.end, cue.text, item.sentence.index,
                    {"quoted": False, "cue": rule, "kind": "recount"})


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
    start, end = doc.tokens[first][START], doc.tokens[last - 1][END]
    return Span(start, end, doc.text[start:end])


def _source_type(doc: Doc, source: tuple[int, int], lex: Lexicon) -> str:
    tokens = doc.tokens[source[0]:source[1]]
    for match in lex.source_markers.find(doc.lowers[source[0]:source[1]]):
        return match.key
    # The head: the last word before a relative clause or a prepositional tail.
    head_end = len(tokens)
    for k, t in enumerate(tokens):
        if k and t[LOWER] in _HEAD_ENDS:
            head_end = k
            break
    words = [t for t in tokens[:head_end] if t[IS_WORD]]
    if not words:
        return "person"
    head = words[-1][LOWER]
    if head in {"it", "they", "we"}:
        return "organisation"
    if names_outlet(words, lex):
        return "media"
    kind = lex.source_heads.get(head)
    named = has_name(words)
    if kind == "anonymous" and named:
        return "person"
    if kind is not None:
        return kind
    if not named and any(lex.source_heads.get(w[LOWER]) == "media" for w in words):
        return "media"  # "Syrian state television footage", not "Fox News host Sean Hannity"
    if len(words) == 2 and words[0][LOWER] == "the" and _initialism(words[1][TEXT]):
        return "organisation"  # "the FBI", "the DOJ", "the UK"; not a transcript's "TAPPER:"
    return "person"


def _initialism(word: str) -> bool:
    """Two to six capitals, stops aside ("FBI", "U.K.")."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
