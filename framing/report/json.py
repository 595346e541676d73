"""The Comparison as JSON-ready data (``framing compare --format json``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..compare import Comparison
from ..io import SCHEMA_VERSION


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    """Every field of the Comparison, floats rounded to six places, in a fixed order.

    ``model``, ``cue_tagger`` and ``loaded_tagger`` are there only when the
    comparison was made with a trained model or the taggers.
    """
    record = {"schema_version": SCHEMA_VERSION, **_plain(comparison)}
    for optional in ("model", "cue_tagger", "loaded_tagger"):
        if record[optional] is None:
            del record[optional]
    return record


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value
