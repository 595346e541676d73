"""Make untrusted article text safe inside Markdown tables, headings and prose.

Article text, titles and outlet names come from the open web. Everything that
could end a table cell, start a heading, open a link or inject HTML is escaped
so the report shows the text as written and nothing else; control and format
characters (escape sequences, bidi overrides) are shown as backslash escapes,
as on the terminal (:mod:`framing.report.inert`).
"""

from __future__ import annotations

import html
import re

from .inert import visible

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_SPACE = re.compile(r"\s+")


def inline(text: str) -> str:
    """Text safe anywhere inline: one line, HTML entities escaped, Markdown neutralised."""
    return fragment(text).strip()


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell (pipes and line breaks escaped)."""
    return inline(text) or " "


def fragment(text: str) -> str:
    """Part of a sentence, escaped like :func:`inline` but keeping its edge spaces."""
    flat = _SPACE.sub(" ", text)
    return visible(_MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(flat, quote=False)))
