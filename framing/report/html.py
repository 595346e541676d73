"""The Markdown report as a standalone HTML page, for readers without a Markdown viewer.

The Markdown is converted with Python-Markdown (tables extension). The
Markdown renderer has already escaped every piece of article text, so the
page holds no HTML from the articles; links to charts stay relative. Headings
get the ids the Markdown's Contents links point at (GitHub's anchors, made by
:func:`framing.report.markdown.anchor`).
"""

from __future__ import annotations

import html

import markdown
from markdown.extensions.toc import TocExtension

from .markdown import anchor

_STYLE = """
body { font-family: Georgia, serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; }
th { background: #f3f3f3; }
img { max-width: 100%; }
code { background: #f6f6f6; padding: 0 0.2rem; }
"""


def to_html(markdown_text: str, *, title: str = "Framing comparison") -> str:
    """A complete, self-contained HTML page for the report's Markdown."""
    headings = TocExtension(slugify=lambda text, separator: anchor(text))
    body = markdown.markdown(markdown_text, extensions=["tables", headings], output_format="html")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )
