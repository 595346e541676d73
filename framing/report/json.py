"""The Comparison as JSON-ready data (``framing compare --format json``)."""

from __future__ import annotations

from typing import Any

from ..compare import Comparison
from ..io import SCHEMA_VERSION, error_record


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "n_articles": comparison.n_articles,
        "outlets": list(comparison.outlets),
        "stories": [
            {
                "story": story.story,
                "first_date": story.first_date,
                "last_date": story.last_date,
                "outlets": [
                    {
                        "outlet": o.outlet,
                        "n": o.n,
                        "sources": list(o.sources),
                        "features": {k: round(v, 6) for k, v in o.features.items()},
                    }
                    for o in story.outlets
                ],
            }
            for story in comparison.stories
        ],
        "errors": [error_record(e) for e in comparison.errors],
    }
