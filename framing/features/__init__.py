"""The feature families, one module each, run in this order on every Doc.

A family module exposes ``FAMILY`` (its name, the prefix of its feature keys),
``FEATURE_NAMES`` (every key it returns, listed once) and
``extract(doc) -> FamilyResult``, a pure and total function: empty or one-word
text gives zeros, never NaN or an exception. A family that tells the reporter's
voice from a source's (hedging) also takes ``reported``: the content
spans of the article's attributed statements, found once by the attribution
family, so that a cue in indirect speech (*the diplomat said Russia might ...*)
belongs to the speaker even without quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import import_module
from types import ModuleType

from ..types import Doc, FamilyResult, Span

FAMILY_MODULES: tuple[str, ...] = ("readability", "tone", "hedging", "attribution", "loaded")


@cache
def _modules() -> tuple[ModuleType, ...]:
    return tuple(import_module(f"{__name__}.{name}") for name in FAMILY_MODULES)


def families() -> dict[str, ModuleType]:
    """Family name -> module, in the order they run."""
    return {m.FAMILY: m for m in _modules()}


def feature_names() -> tuple[str, ...]:
    """Every feature key the families produce, in a fixed order."""
    return tuple(name for m in families().values() for name in m.FEATURE_NAMES)


def extract_all(doc: Doc, names: Sequence[str] | None = None) -> dict[str, FamilyResult]:
    """Run the named families (all by default) on ``doc``, in registry order.

    Attribution runs first when a voice-aware family needs its reported speech.
    """
    modules = {n: m for n, m in families().items() if names is None or n in names}
    reported: tuple[Span, ...] = ()
    done: dict[str, FamilyResult] = {}
    if any(getattr(m, "USES_REPORTED_SPEECH", False) for m in modules.values()):
        attribution = families()["attribution"].extract(doc)
        reported = tuple(a.content for a in attribution.attributions if a.content is not None)
        if "attribution" in modules:
            done["attribution"] = attribution
    results = {}
    for name, module in modules.items():
        if name in done:
            results[name] = done[name]
        elif getattr(module, "USES_REPORTED_SPEECH", False):
            results[name] = module.extract(doc, reported=reported)
        else:
            results[name] = module.extract(doc)
    return results


def in_reported_speech(reported: Sequence[Span], start: int, end: int) -> bool:
    """True when ``start:end`` lies inside one of the ``reported`` content spans."""
    return any(span.start <= start and end <= span.end for span in reported)
