"""Reading corpora into Articles, and writing results. No analysis happens here.

Inputs are files, directories or ``-`` (standard input). Plain text (``.txt``,
``.md``), saved web pages (``.html``, ``.htm``: the article body only, extracted
by trafilatura), and corpora (``.jsonl``, ``.json``, ``.csv`` with a ``text``
field). A ``manifest.csv`` in a directory gives per-file metadata. Every input
ends up either as an :class:`Article` or as a :class:`ReadError` naming its
source (file, plus line or row) and a reason a person understands.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from .errors import InputError
from .lexicons import load_table
from .types import Analysis, Article, Attribution, Corpus, Evidence, ReadError, Span

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
CORPUS_SUFFIXES = (".jsonl", ".json", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + CORPUS_SUFFIXES
MANIFEST = "manifest.csv"
DEFAULT_MAX_BYTES = 10_000_000
METADATA_FIELDS = ("id", "outlet", "title", "date", "url", "story")
STDIN = "-"

csv.field_size_limit(sys.maxsize)


def load_corpus(
    paths: str | Path | Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Corpus:
    """Read every article from files, directories or ``-``; failures go to ``errors``."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_corpus(paths, max_bytes=max_bytes):
        (errors if isinstance(item, ReadError) else articles).append(item)
    return Corpus(tuple(articles), tuple(errors))


def read_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | ReadError]:
    """Stream articles (and read errors) in input order, one input at a time."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: dict[str, str] = {}  # corpus ids across every input, so a repeated file is caught too
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        else:
            yield from _read_path(Path(path), max_bytes, seen)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Article | ReadError]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadError("<stdin>", _too_large(len(data), max_bytes, at_least=True))
        return
    try:
        text = decode(data)
    except InputError as error:
        yield ReadError("<stdin>", str(error))
        return
    if _looks_like_html(text):
        yield from _html_article(text, "<stdin>", {})
    else:
        yield from _text_article(text, "<stdin>", {})


def _read_path(path: Path, max_bytes: int, seen: dict[str, str]) -> Iterator[Article | ReadError]:
    if path.is_dir():
        yield from _read_directory(path, max_bytes, seen)
    elif not path.exists():
        yield ReadError(str(path), "no such file or directory")
    else:
        yield from _read_file(path, {}, max_bytes, seen)


def _read_directory(
    directory: Path, max_bytes: int, seen: dict[str, str]
) -> Iterator[Article | ReadError]:
    manifest, problems = _read_manifest(directory / MANIFEST)
    yield from problems
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.name != MANIFEST)
    for path in files:
        if path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED:
            yield ReadError(str(path), _unsupported(path))
            continue
        yield from _read_file(path, manifest.get(path.name, {}), max_bytes, seen)
    for name in sorted(set(manifest) - {p.name for p in files}):
        yield ReadError(str(directory / MANIFEST), f"lists {name!r}, which is not in the directory")


def _read_file(
    path: Path, meta: dict[str, str], max_bytes: int, seen: dict[str, str]
) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadError(str(path), _unsupported(path))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in CORPUS_SUFFIXES:
            yield ReadError(str(path), _too_large(size, max_bytes))
            return
        if suffix in (".jsonl", ".csv"):
            yield from _read_records(path, max_bytes, seen)
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(str(path), f"cannot be read: {error.strerror or error}")
        return
    try:
        text = decode(data)
    except InputError as error:
        yield ReadError(str(path), str(error))
        return
    if suffix in HTML_SUFFIXES:
        yield from _html_article(text, str(path), meta)
    elif suffix == ".json":
        yield from _json_document(text, str(path), max_bytes, seen)
    else:
        yield from _text_article(text, str(path), {"id": path.stem, **meta})


# -- decoding ---------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode an article's bytes: a BOM, else UTF-8, else a detected encoding.

    Raises :class:`InputError` for empty, binary or undecodable input.
    """
    if not data:
        raise InputError("is empty")
    if not data.strip():
        raise InputError("holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding)
    if b"\x00" in data[:4096]:
        raise InputError("looks binary (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("is not text in any encoding that could be detected")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> str:
    if not text.strip():
        raise InputError("holds only whitespace")
    if len(_CONTROL.findall(text[:20000])) > 0.01 * min(len(text), 20000):
        raise InputError(f"looks binary: decoded as {encoding} it is mostly control characters")
    return text


# -- plain text and HTML ----------------------------------------------------

def _text_article(text: str, source: str, meta: dict[str, str]) -> Iterator[Article | ReadError]:
    if not text.strip():
        yield ReadError(source, "is empty")
        return
    yield make_article(text, source, meta)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _html_article(html: str, source: str, meta: dict[str, str]) -> Iterator[Article | ReadError]:
    """The article body of a saved page: navigation, scripts and boxes removed."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) or ""
    if not text.strip():
        yield ReadError(source, "is a web page with no article text that could be extracted")
        return
    found = {
        "title": getattr(document, "title", None) or "",
        "url": getattr(document, "url", None) or "",
        "date": getattr(document, "date", None) or "",
        "site": getattr(document, "sitename", None) or "",
    }
    merged = {k: v for k, v in found.items() if v}
    merged.update({k: v for k, v in meta.items() if v})
    yield make_article(text, source, {"id": Path(source).stem, **merged})


# -- corpora: JSONL, JSON, CSV -----------------------------------------------

def _read_records(path: Path, max_bytes: int, seen: dict[str, str]) -> Iterator[Article | ReadError]:
    reader = _jsonl_records if path.suffix.lower() == ".jsonl" else _csv_records
    with open(path, "rb") as handle:
        for where, record in reader(handle, str(path)):
            if isinstance(record, ReadError):
                yield record
            else:
                yield from _record_article(record, where, max_bytes, seen)


def _jsonl_records(handle: BinaryIO, source: str) -> Iterator[tuple[str, Any]]:
    for number, raw in enumerate(handle, start=1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield where, ReadError(where, "line is not UTF-8 (JSONL must be UTF-8)")
            continue
        except json.JSONDecodeError as error:
            yield where, ReadError(where, f"malformed JSON: {error.msg} at column {error.colno}")
            continue
        if not isinstance(record, dict):
            yield where, ReadError(where, "line is not a JSON object with a 'text' field")
            continue
        yield where, record


def _csv_records(handle: BinaryIO, source: str) -> Iterator[tuple[str, Any]]:
    data = handle.read()
    try:
        text = decode(data)
    except InputError as error:
        yield source, ReadError(source, str(error))
        return
    reader = csv.reader(text.splitlines(keepends=True), dialect=csv_dialect(text))
    fields = [f.strip().lower() for f in next(reader, [])]
    if "text" not in fields:
        yield source, ReadError(
            source, f"has no 'text' column (columns: {', '.join(fields) or 'none'})"
        )
        return
    for first_line, row in _csv_rows(reader):
        where = f"{source}:{first_line}"
        if isinstance(row, str):
            yield where, ReadError(where, row)
        elif len(row) > len(fields):
            yield where, ReadError(where, "row has more fields than the header")
        else:
            yield where, dict(zip(fields, row))


def _csv_rows(reader: Any) -> Iterator[tuple[int, list[str] | str]]:
    """Each non-blank row with the physical line it starts on, or why it is malformed.

    The dialect is strict, so a stray or unclosed quotation mark is reported at
    the row where it starts instead of silently swallowing the rows after it.
    """
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield first_line, _csv_problem(error, reader.line_num)
            continue
        if row:
            yield first_line, row


def _csv_problem(error: csv.Error, last_line: int) -> str:
    if "unexpected end of data" in str(error):
        return (f"malformed CSV: a quoted field opened in this row is never closed; it runs to the "
                f"end of the file (line {last_line}), so this row and the lines after it cannot be read")
    return f"malformed CSV row: {error} (a quotation mark inside a field must be doubled)"


def csv_dialect(text: str) -> type[csv.Dialect]:
    """Standard CSV (doubled quotes inside quoted fields, strict) with the header's delimiter: , ; or tab."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])

    class Dialect(csv.excel):
        strict = True

    Dialect.delimiter = delimiter if counts[delimiter] else ","
    return Dialect


def _json_document(
    text: str, source: str, max_bytes: int, seen: dict[str, str]
) -> Iterator[Article | ReadError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadError(f"{source}:{error.lineno}", f"malformed JSON: {error.msg}")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = f"{source}#{number}"
        if not isinstance(record, dict):
            yield ReadError(where, "item is not an object with a 'text' field")
            continue
        yield from _record_article(record, where, max_bytes, seen)


def _record_article(
    record: dict[str, Any], where: str, max_bytes: int, seen: dict[str, str]
) -> Iterator[Article | ReadError]:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        missing = "has no 'text'" if text is None else "has an empty or non-string 'text'"
        yield ReadError(where, missing)
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        yield ReadError(where, "'text' holds invalid Unicode (a lone surrogate such as \\ud800)")
        return
    if len(text.encode("utf-8", errors="replace")) > max_bytes:
        yield ReadError(where, _too_large(len(text.encode("utf-8", "replace")), max_bytes))
        return
    meta = {
        str(k).lower(): str(v) for k, v in record.items()
        if k != "text" and v is not None and not isinstance(v, (dict, list))
    }
    identifier = meta.get("id", "")
    if identifier:
        if identifier in seen:
            yield ReadError(where, f"duplicate id {identifier!r} (first seen at {seen[identifier]})")
            return
        seen[identifier] = where
    yield make_article(text, where, meta)


# -- manifest and outlets -----------------------------------------------------

def _read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[ReadError]]:
    if not path.is_file():
        return {}, []
    try:
        text = decode(path.read_bytes())
    except (OSError, InputError) as error:
        return {}, [ReadError(str(path), f"manifest cannot be read: {error}")]
    reader = csv.DictReader(text.splitlines())
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "file" not in fields:
        return {}, [ReadError(str(path), "manifest has no 'file' column")]
    reader.fieldnames = fields
    entries = {}
    for row in reader:
        name = (row.get("file") or "").strip()
        if name:
            entries[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    return entries, []


def make_article(text: str, source: str, meta: dict[str, str]) -> Article:
    """An Article from text and metadata, inferring the outlet when none is given."""
    meta = {k: v.strip() for k, v in meta.items() if isinstance(v, str) and v.strip()}
    outlet, how = _outlet(text, meta)
    known = {k: meta.get(k, "") for k in METADATA_FIELDS if k != "outlet"}
    extra = {k: v for k, v in meta.items() if k not in METADATA_FIELDS}
    credit = wire_credit(text)
    if credit:
        extra["wire_credit"] = credit
    return Article(text=text, source=source, outlet=outlet, outlet_source=how, meta=extra, **known)


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


def _outlet(text: str, meta: dict[str, str]) -> tuple[str, str]:
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
    for key in ("url", "site"):
        if meta.get(key):
            found = outlet_from_url(meta[key]) if key == "url" else names.get(meta[key].lower())
            if found:
                return found, key
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


def _outlet_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in load_table("outlets.v1.tsv"):
        for alias in [row["name"], row["domain"], *row["aliases"].split("|")]:
            if alias:
                names[alias.strip().lower()] = row["name"]
    return names


# -- writing ------------------------------------------------------------------

def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"is too large ({more}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB): "
        "raise it with --max-bytes if this really is one article"
    )


def _unsupported(path: Path) -> str:
    return f"is not a supported format ({path.suffix or 'no extension'}); use one of {', '.join(SUPPORTED)}"


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(target))  # mkstemp makes 0600; keep what open() would give
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(target: Path) -> int:
    """The existing file's mode, or what a new file gets under the current umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def with_outlet(article: Article, outlet: str) -> Article:
    """The article with its outlet set by the user."""
    return replace(article, outlet=canonical_outlet(outlet), outlet_source="option")


SCHEMA_VERSION = 1


def analysis_record(analysis: Analysis) -> dict[str, Any]:
    """One analysed article as plain JSON-ready data (the ``--format json`` row)."""
    article = analysis.article
    record = {
        "source": article.source,
        "id": article.id,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "story": article.story,
        "meta": dict(sorted(article.meta.items())),
        "language": analysis.language,
        "not_applicable": list(analysis.not_applicable),
        "features": {k: _number(v) for k, v in analysis.features.items()},
        "evidence": [_evidence_record(e) for e in analysis.evidence],
        "attributions": [_attribution_record(a) for a in analysis.attributions],
        "warnings": list(analysis.warnings),
    }
    for tagger in ("cue_tagger", "loaded_tagger"):
        if getattr(analysis, tagger) is not None:
            record[tagger] = getattr(analysis, tagger)
    return record


def error_record(error: ReadError) -> dict[str, str]:
    return {"source": error.source, "reason": error.reason}


def _number(value: float) -> float | int:
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


def _evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "family": evidence.family,
        "label": evidence.label,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "sentence": evidence.sentence,
        "attrs": dict(sorted(evidence.attrs.items())),
    }


def _span_record(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _attribution_record(attribution: Attribution) -> dict[str, Any]:
    return {
        "cue": _span_record(attribution.cue),
        "source": _span_record(attribution.source),
        "content": _span_record(attribution.content),
        "verb_stance": attribution.verb_stance,
        "source_type": attribution.source_type,
        "skeptical": attribution.skeptical,
        "direct": attribution.direct,
        "sentence": attribution.sentence,
        "attrs": dict(sorted(attribution.attrs.items())),
    }


def dumps(document: Any) -> str:
    """Deterministic JSON: the same data always gives the same bytes."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def jsonl_line(record: Any) -> str:
    """One record as one compact JSON line (``--format jsonl``), newline included."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
