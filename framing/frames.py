"""Analyses as a pandas DataFrame, for the researcher who takes the numbers further.

pandas is an optional extra (``pip install framing[frames]``) and is imported
only when a frame is asked for, so ``import framing`` stays light.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .features import families
from .records import analysis_record
from .scoring import index_names
from .types import Analysis

if TYPE_CHECKING:
    import pandas as pd

METADATA_COLUMNS = ("source", "id", "outlet", "outlet_source", "title", "date", "url", "story", "language")
"""The columns before the features, in this order; then ``meta.*`` (the input's other fields), sorted."""


def to_frame(analyses: Iterable[Analysis]) -> pd.DataFrame:
    """One row per article: metadata columns first, then every feature (``family.metric``, ``index.*``).

    Values are the ones ``framing score --format json`` prints (features
    rounded to six places). A feature an article was not measured on (the
    families of a text that is not English, a model's columns for articles
    scored without it) is NaN, not zero. Feature columns come family by
    family in the registry's order, then the indices, then any other (a
    model's ``model.*``).

    Raises
    ------
    ImportError
        pandas is not installed; the message says how to install it.
    TypeError
        An item is not an :class:`~framing.Analysis` (say, a plain text).

    Examples
    --------
    >>> import framing
    >>> frame = framing.to_frame([framing.analyze("Officials said the plan may fail.", outlet="Reuters")])
    >>> frame.loc[0, "outlet"], frame.loc[0, "hedging.count"]
    ('Reuters', 1.0)
    """
    pandas = _pandas()
    rows = [_row(analysis) for analysis in analyses]
    columns = _columns(rows)
    return pandas.DataFrame(rows, columns=columns)


def _row(analysis: Analysis) -> dict[str, Any]:
    if not isinstance(analysis, Analysis):
        raise TypeError(f"to_frame() takes analyses (from framing.analyze), not {type(analysis).__name__}")
    record = analysis_record(analysis)
    row = {column: record[column] for column in METADATA_COLUMNS}
    row.update({f"meta.{key}": value for key, value in record["meta"].items()})
    row.update({key: float(value) for key, value in record["features"].items()})
    return row


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """Metadata, then ``meta.*`` sorted, then the features: family by family, the indices, then any other."""
    meta = sorted({key for row in rows for key in row if key.startswith("meta.")})
    found = dict.fromkeys(
        key for row in rows for key in row if key not in METADATA_COLUMNS and not key.startswith("meta.")
    )
    known = [*(name for module in families().values() for name in module.FEATURE_NAMES), *index_names()]
    return [*METADATA_COLUMNS, *meta, *(k for k in known if k in found), *(k for k in found if k not in known)]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "framing.to_frame needs pandas: pip install 'framing[frames]' (or pip install 'pandas>=2')"
        ) from error
    return pandas
