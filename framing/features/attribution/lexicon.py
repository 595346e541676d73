"""The attribution family's data: cue, skepticism, source and distancing lexicons, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...lexicons import load_table
from ...matcher import PhraseMatcher

FAMILY = "attribution"
_STANCE_KINDS = ("stance", "stance_noun", "wait")
_WORDS_FILE = "attribution-words.v1.tsv"


@cache
def _word_sets() -> dict[str, frozenset[str]]:
    return {row["set"]: frozenset(row["words"].split()) for row in load_table(_WORDS_FILE)}


def word_set(name: str) -> frozenset[str]:
    """A closed word class the rules read (``attribution-words.v1.tsv``), loaded once for all."""
    return _word_sets()[name]


@dataclass(frozen=True, slots=True)
class Lexicon:
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
def lexicon() -> Lexicon:
    cues = load_table("attribution-cues.v1.tsv")
    form_lemma = {form: row["lemma"] for row in cues for form in row["forms"].split("|")}
    skeptical = load_table("attribution-skeptical.v1.tsv")
    sources = load_table("attribution-sources.v1.tsv")
    content = [r for r in skeptical if r["rule"] != "object"]
    outlets = load_table("outlets.v1.tsv")
    return Lexicon(
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
