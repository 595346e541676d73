"""How each outlet frames each main actor of a story, in words, a table and a heatmap.

Only formatting happens here: every number comes from the comparison's actor
values (:mod:`framing.compare.actors`). Names and excerpts are untrusted and
pass through :mod:`framing.report.escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..actor_frames import portrayal_parts
from ..compare.actors import ActorStandout
from ..compare.values import Excerpt, StoryComparison
from ..types import Actor, Analysis
from .escape import cell, inline
from .inert import one_line, visible

HEADING = "How each outlet frames the main actors"
STANDOUTS_SHOWN = 6

RenderExcerpt = Callable[[Excerpt], str]

_TONE_METHODS = {
    "vader_sentence": "VADER on the whole sentence of each mention (a floor: it cannot tell whom a sentence is hard on)",
    "lexical_target": "the lexical tone model on each mention (the words around it and where they stand)",
    "target_tone": "the target-dependent tone model on each mention",
}

# measure -> (the words for higher, the words for lower), each completed by "than <others>"
_DIFFERENCES = {
    "portrayal": ("portrays {actor} more favourably", "portrays {actor} less favourably"),
    "credence": ("gives {actor}'s claims more credence", "gives {actor}'s claims less credence"),
    "tone": ("writes about {actor} in a warmer tone", "writes about {actor} in a colder tone"),
    "labels.negative": ("applies more negative labels to {actor}", "applies fewer negative labels to {actor}"),
    "labels.positive": ("applies more positive labels to {actor}", "applies fewer positive labels to {actor}"),
    "voice.share": ("gives {actor} a larger share of the attributed statements",
                    "gives {actor} a smaller share of the attributed statements"),
}


def actor_section(story: StoryComparison, chart: str | None, excerpt: RenderExcerpt) -> str:
    """The story's actor framing: what it measures, the outlet x actor table, the heatmap and the standouts.

    ``chart`` is the heatmap's path relative to the report, or None when no
    charts are written; ``excerpt`` renders a quoted sentence as the rest of
    the report does.
    """
    rows = [
        [cell(x.actor), cell(o.outlet), f"{x.values['portrayal']:+.2f}", f"{x.values['credence']:+.2f}",
         f"{x.values['tone']:+.2f}", f"{x.values['labels.negative']:g} / {x.values['labels.positive']:g}",
         f"{x.values['voice.share']:.0%}", cell(", ".join(x.contested_by)) if x.contested_by else "\u2014"]
        for actor in story.main_actors
        for o in story.outlets
        for x in o.actors
        if x.actor == actor
    ]
    if not rows:
        return ""
    header = ["actor", "outlet", "portrayal", "credence", "tone", "labels \u2212 / +", "voice share", "contested by"]
    lines = [
        f"### {HEADING}",
        "",
        _method_note(story),
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] * 2 + ["---:"] * 5 + ["---"]) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    if chart is not None and len(story.outlets) >= 2:
        lines += ["", f"![Portrayal of the main actors by outlet]({chart})"]
    if story.actor_standouts:
        lines += ["", "**What stands out**", ""]
        for n, standout in enumerate(story.actor_standouts[:STANDOUTS_SHOWN], start=1):
            lines += _standout(n, standout, excerpt)
    return "\n".join(lines)


def _method_note(story: StoryComparison) -> str:
    methods = sorted({x.tone_method for o in story.outlets for x in o.actors if x.tone_method})
    tone = "; ".join(_TONE_METHODS.get(m, m) for m in methods) or "no mention in a body sentence"
    return (
        "Directional measures, per actor, in [-1, 1] (means over an outlet's articles that name the actor): "
        "*credence*, how the reporter frames the actor's claims (endorsing verbs raise it; distancing verbs, "
        "scare quotes, the reporter's hedges and voices contesting the actor lower it); *tone* toward the actor, "
        f"by {tone}; *labels*, negative and positive loaded words applied to it; *portrayal*, their weighted "
        "summary; *voice share*, its share of the attributed statements. The skepticism index above counts "
        "doubt whoever is doubted: it is blind to direction, and these columns say whom the doubt is aimed at."
    )


def _standout(n: int, standout: ActorStandout, excerpt: RenderExcerpt) -> list[str]:
    higher, lower = _DIFFERENCES[standout.measure]
    words = (higher if standout.value > standout.others else lower).format(actor=one_line(standout.actor))
    others = ", ".join(standout.compared_with)
    sentence = (
        f"{n}. {inline(f'{standout.outlet} {words} than {others}')} "
        f"({standout.measure} {standout.value:+.2f} vs {standout.others:+.2f}, {standout.z:+.1f} SD)."
    )
    lines = [sentence]
    lines += [f"   {excerpt(e)}" for e in standout.own]
    if standout.theirs:
        lines.append("   against")
        lines += [f"   {excerpt(e)}" for e in standout.theirs]
    return lines


_LISTED = ("voice.count", "voice.share", "voice.last_word", "credence", "contested", "labels.negative",
           "labels.positive", "tone", "portrayal")


def actor_listing(analysis: Analysis, actors: Sequence[Actor]) -> str:
    """``framing score --explain actors``: each actor with its mentions, its framing and the evidence behind it.

    Sentences are numbered from 1, as in the report.
    """
    lines = [f"{visible(analysis.article.source)} ({visible(analysis.article.outlet)})"]
    if not actors:
        lines.append("  no actors in this article")
    for actor in actors:
        group = f", {one_line(actor.group)}" if actor.group and actor.group != actor.name else ""
        names = "; ".join(one_line(a) for a in dict.fromkeys(m.text for m in actor.mentions))
        lines += ["", f"  {one_line(actor.name)} ({actor.kind}{group}): {len(actor.mentions)} mention(s): {names}"]
        lines.append("    " + ", ".join(f"{k} = {actor.features.get(k, 0.0):.3g}" for k in _LISTED))
        parts = " + ".join(f"{w:g} x {part} {v:+.3f}" for part, v, w in portrayal_parts(actor))
        lines.append(f"    portrayal = {parts}")
        lines += _tone_lines(analysis, actor)
        for e in actor.evidence:
            if e.label in ("tone", "voice"):
                continue  # one per mention or statement: the counts above say them
            details = ", ".join(f"{k}={one_line(str(v))}" for k, v in sorted(e.attrs.items()) if v != "")
            lines.append(f"    [{e.sentence + 1}] {e.label}: \u201c{one_line(e.text)}\u201d ({details})")
    return "\n".join(lines) + "\n"


def _tone_lines(analysis: Analysis, actor: Actor) -> list[str]:
    """How the tone was read, and the mentions it was coldest and warmest toward, each in its sentence."""
    tones = [e for e in actor.evidence if e.label == "tone"]
    if not tones:
        return []
    method = str(tones[0].attrs["method"])
    lines = [f"    tone: the mean over {len(tones)} mention(s) in the body, by {_TONE_METHODS.get(method, method)}"]
    coldest = min(tones, key=lambda e: (float(e.attrs["score"]), e.start))
    warmest = max(tones, key=lambda e: (float(e.attrs["score"]), -e.start))
    shown = (("only", coldest),) if coldest is warmest else (("coldest", coldest), ("warmest", warmest))
    for word, e in shown:
        sentence = analysis.sentences[e.sentence]
        lines.append(f"    [{e.sentence + 1}] {word} tone {float(e.attrs['score']):+.2f} toward \u201c{one_line(e.text)}\u201d: "
                     f"\u201c{one_line(analysis.text[sentence.start:sentence.end])}\u201d"
                     + (f" (words: {one_line(str(e.attrs['words']))})" if e.attrs.get("words") else ""))
    return lines
