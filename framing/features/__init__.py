"""The feature families, one module each, run in this order on every Doc.

A family module exposes ``FAMILY`` (its name, the prefix of its feature keys),
``FEATURE_NAMES`` (every key it returns, listed once) and
``extract(doc) -> FamilyResult``, a pure and total function: empty or one-word
text gives zeros, never NaN or an exception.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

FAMILY_MODULES: tuple[str, ...] = ("readability", "tone", "hedging", "attribution", "loaded")


def families() -> dict[str, ModuleType]:
    """Family name -> module, in the order they run."""
    modules = (import_module(f"{__name__}.{name}") for name in FAMILY_MODULES)
    return {m.FAMILY: m for m in modules}


def feature_names() -> tuple[str, ...]:
    """Every feature key the families produce, in a fixed order."""
    return tuple(name for m in families().values() for name in m.FEATURE_NAMES)
