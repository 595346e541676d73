"""Untrusted text made visible and inert wherever framing shows it: terminals, logs, spreadsheets.

Outlet names, titles, file names and article text come from the open web. A
terminal obeys escape sequences inside them (retitle the window, clear the
screen, move the cursor), bidi overrides reorder what a reader sees, and a
spreadsheet runs a cell that starts like a formula. Every character Unicode
classes as a control (Cc: C0, DEL, C1), a format character (Cf: bidi
overrides and isolates, zero-width marks) or a lone surrogate (Cs) is shown as
a backslash escape (``\\x1b``, ``\\u202e``) instead: visible, and inert.
"""

from __future__ import annotations

import math
import unicodedata

_UNSAFE = frozenset({"Cc", "Cf", "Cs"})
_FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")  # and their full-width forms


def visible(text: str) -> str:
    """``text`` with each control, format or surrogate character as a backslash escape.

    Newlines and tabs are controls too, so a name can never break a line or a
    table row apart; use :func:`one_line` for prose whose line breaks are layout.
    """
    return "".join(_escape(ch) if unicodedata.category(ch) in _UNSAFE else ch for ch in text)


def one_line(text: str) -> str:
    """Prose on one line: any run of whitespace (a no-break space too) as one space, then :func:`visible`."""
    return visible(" ".join(text.split()))


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text instead of running as a formula.

    As the OWASP guidance on CSV injection says: a cell starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return (here also their full-width
    forms, and after leading spaces) gets a leading apostrophe, which
    spreadsheets read as "this is text". A number ("-0.25") is left as it is.
    """
    risky = text[:1] in _FORMULA_STARTS or text.lstrip(" ")[:1] in _FORMULA_STARTS
    return "'" + text if risky and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False
