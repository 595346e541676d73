"""Known news outlets, and how an article says which one published it.

The outlets and their aliases and domains are data (``outlets.v1.tsv``). An
article's outlet is read from its metadata, else from a dateline naming an
agency, a byline naming an outlet, the page's site name or its URL; a wire
credit ("With files from The Associated Press") names where copy came from,
not who published it, and is kept as a clue.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from urllib.parse import urlsplit

from .lexicons import load_table

_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .,'/-]{1,60}\((?P<agency>[A-Za-z][A-Za-z .&]{1,40})\)\s*[-\u2013\u2014]")
_BYLINE = re.compile(r"^\s*By\s+(?P<name>(?:The\s+)?[A-Z][\w&.' -]{1,60}?)\s*$", re.MULTILINE)


_WIRE_CREDIT = re.compile(
    r"^\s*(?:with files from|additional reporting by|material from)\s+(?P<name>[A-Z][\w&.' ,-]{1,80}?)\.?\s*$",
    re.MULTILINE | re.IGNORECASE,
)


def wire_credit(text: str) -> str:
    """The wire service a text credits ("With files from The Associated Press"), if any.

    A credit names where copy came from, not who published it, so it is kept
    as a clue for the reader rather than taken as the outlet.
    """
    found = _WIRE_CREDIT.search(text[-3000:])
    return canonical_outlet(found.group("name")) if found else ""


def outlet_of(text: str, meta: dict[str, str]) -> tuple[str, str]:
    """An article's outlet and how it was known (see :class:`framing.types.Article`'s ``outlet_source``).

    Metadata first; then a dateline naming an agency ("MOSCOW (Reuters) -"), a
    byline naming an outlet, the page's own site name, the URL's domain.
    """
    if meta.get("outlet"):
        return canonical_outlet(meta["outlet"]), "manifest" if "domain" in meta else "metadata"
    names = _outlet_names()
    dateline = _DATELINE.match(text[:300])
    if dateline and dateline.group("agency").strip().lower() in names:
        return names[dateline.group("agency").strip().lower()], "dateline"
    for byline in _BYLINE.finditer(text[:2000]):
        name = byline.group("name").strip().lower()
        if name in names:
            return names[name], "byline"
    if meta.get("site"):  # the page's own name for its site, before the domain it was saved from
        return canonical_outlet(meta["site"]), "site"
    if meta.get("url") and (found := outlet_from_url(meta["url"])):
        return found, "url"
    return "unknown", "unknown"


def unknown_outlet_notice(name: str) -> str:
    """A warning when ``name`` is no outlet framing knows (a typo splits one outlet in two); else ''."""
    names = _outlet_names()
    if name.strip().lower() in names:
        return ""
    close = difflib.get_close_matches(name.strip().lower(), list(names), n=1, cutoff=0.75)
    hint = f"; did you mean {names[close[0]]!r}?" if close else ""
    return (f"--outlet {name.strip()!r} is not a known outlet name, alias or domain "
            f"(outlets.v1.tsv); it is used as given{hint}")


def is_news_outlet(name: str) -> bool:
    """True when ``name`` is a news outlet framing knows: its name, an alias or its domain."""
    return name.strip().lower() in _outlet_names()


def canonical_outlet(name: str) -> str:
    """The outlet's usual name for a known alias or domain; otherwise as given."""
    return _outlet_names().get(name.strip().lower(), name.strip())


def outlet_from_url(url: str) -> str:
    """An outlet for a URL's domain: its usual name when known, else the domain."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    if not host:
        return ""
    names = _outlet_names()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in names:
            return names[".".join(parts[i:])]
    return host


@cache
def _outlet_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in load_table("outlets.v1.tsv"):
        for alias in [row["name"], row["domain"], *row["aliases"].split("|")]:
            if alias:
                names[alias.strip().lower()] = row["name"]
    return names
