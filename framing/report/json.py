"""The Comparison as JSON-ready data (``framing compare --format json``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..compare import Comparison
from ..compare.values import Standout
from ..io import SCHEMA_VERSION
from .findings import caveats, standout_basis, standout_note, standout_sentence, warnings


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    """The Comparison's values and the sentences written from them, floats rounded to six places.

    Keys keep a fixed order. ``model``, ``cue_tagger`` and ``loaded_tagger`` are
    there only when the comparison was made with a trained model or the taggers.
    """
    c = comparison
    record = {
        "schema_version": SCHEMA_VERSION,
        "stories": _plain(c.stories),
        "outlets": _plain(c.outlets),
        "feature_names": _plain(c.feature_names),
        "index_names": _plain(c.index_names),
        "n_articles": c.n_articles,
        "first_date": c.first_date,
        "last_date": c.last_date,
        "highlights": _plain(c.highlights),
        "caveats": list(caveats(c)),
        "inputs": _plain(c.inputs),
        "errors": _plain(c.errors),
        "warnings": list(warnings(c)),
    }
    for optional in ("model", "cue_tagger", "loaded_tagger"):
        if getattr(c, optional) is not None:
            record[optional] = _plain(getattr(c, optional))
    return record


def _standout(standout: Standout) -> dict[str, Any]:
    """A standout with its sentence and note, as a reader sees them."""
    return {
        "index": standout.index,
        "z": _plain(standout.z),
        "value": _plain(standout.value),
        "others": _plain(standout.others),
        "sentence": standout_sentence(standout),
        "basis": standout_basis(standout),
        "evidence": _plain(standout.evidence),
        "note": standout_note(standout),
        "outlet": standout.outlet,
        "compared_with": _plain(standout.compared_with),
        "shows": standout.shows,
        "own": _plain(standout.own),
        "words": standout.words,
        "items": standout.items,
        "shrunk_z": _plain(standout.shrunk_z),
        "supported": standout.supported,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, Standout):
        return _standout(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value
