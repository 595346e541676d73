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
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError, OutputError
from .outlets import canonical_outlet, outlet_of, wire_credit
from .types import Article, Corpus, ReadError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
CORPUS_SUFFIXES = (".jsonl", ".json", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + CORPUS_SUFFIXES
MANIFEST = "manifest.csv"
DEFAULT_MAX_BYTES = 10_000_000
METADATA_FIELDS = ("id", "outlet", "title", "date", "url", "story")
STDIN = "-"

@contextmanager
def wide_csv_fields() -> Iterator[None]:
    """Let one CSV cell hold a whole article while a file is read, then give back the caller's limit.

    The csv module's limit (128 KB a cell) is process-wide, so it is raised
    only while framing reads, never on import.
    """
    previous = csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def load_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_links: bool = False,
) -> Corpus:
    """Read every article from files, directories or ``-``; failures go to ``errors``.

    ``follow_links`` reads symbolic links in a directory that point outside it;
    by default they are listed as errors, not followed.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_corpus(paths, max_bytes=max_bytes, follow_links=follow_links):
        (errors if isinstance(item, ReadError) else articles).append(item)
    return Corpus(tuple(articles), tuple(errors))


def read_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    follow_links: bool = False,
) -> Iterator[Article | ReadError]:
    """Stream articles (and read errors) in input order, one input at a time.

    Every input named, and every entry of a directory named (but hidden files,
    whose names start with a dot), ends up as articles or as a :class:`ReadError`
    saying why not. A directory is read one level deep; a symbolic link in it
    that points outside it is an error unless ``follow_links``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    reading = _Reading(max_bytes=max_bytes, follow_links=follow_links, seen={})
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        else:
            yield from _read_path(Path(path), reading)


def expected_count(paths: str | Path | Iterable[str | Path]) -> int | None:
    """About how many items (articles and errors) :func:`read_corpus` will yield, counted cheaply.

    For a progress total: a file counts one, a JSONL file its non-blank lines, a
    CSV file its lines after the header (a field that spans lines makes this
    an overcount), a JSON file its list's length. None when standard input is
    among the inputs, whose size is not known before it is read.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total = 0
    for given in paths:
        if str(given) == STDIN:
            return None
        path = Path(given)
        if path.is_dir():
            total += sum(_items_in(p) for p in path.iterdir()
                         if p.name != MANIFEST and not p.name.startswith("."))
        else:
            total += _items_in(path)
    return total


def _items_in(path: Path) -> int:
    """About how many items one file yields: at least one (an article or an error)."""
    suffix = path.suffix.lower()
    if suffix not in CORPUS_SUFFIXES or not path.is_file():
        return 1
    try:
        with path.open("rb") as handle:
            if suffix == ".json":
                data = json.loads(handle.read())
                data = data.get("articles", data) if isinstance(data, dict) else data
                return max(1, len(data) if isinstance(data, list) else 1)
            lines = sum(1 for line in handle if line.strip())
    except (OSError, ValueError, RecursionError):
        return 1
    return max(1, lines - 1 if suffix == ".csv" else lines)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What every file read needs to know: the size limit, the link rule, the ids seen so far."""

    max_bytes: int
    follow_links: bool
    seen: dict[str, str]  # corpus ids across every input, so a repeated file is caught too


def path_text(path: str | Path) -> str:
    """A path as text that can always be printed and written as UTF-8.

    A file name that is not valid UTF-8 shows its stray bytes as ``\\xff``
    escapes (as ``ls -b`` does), instead of failing when it is printed.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


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


def _read_path(path: Path, reading: _Reading) -> Iterator[Article | ReadError]:
    if path.is_dir():
        yield from _read_directory(path, reading)
    elif path.is_symlink() and not path.exists():
        yield ReadError(path_text(path), _broken_link(path))
    elif not path.exists():
        yield ReadError(path_text(path), "no such file or directory")
    else:
        yield from _read_file(path, {}, reading)


def _read_directory(directory: Path, reading: _Reading) -> Iterator[Article | ReadError]:
    manifest, problems = _read_manifest(directory / MANIFEST, reading.follow_links)
    yield from problems
    entries = sorted(p for p in directory.iterdir() if p.name != MANIFEST and not p.name.startswith("."))
    for path in entries:
        refusal = _refusal(path, directory, reading.follow_links)
        if refusal:
            yield ReadError(path_text(path), refusal)
        else:
            yield from _read_file(path, manifest.get(path.name, {}), reading)
    for name in sorted(set(manifest) - {p.name for p in entries}):
        yield ReadError(path_text(directory / MANIFEST), f"lists {name!r}, which is not in the directory")


def _refusal(path: Path, directory: Path, follow_links: bool) -> str:
    """Why a directory entry is not read as an article ('' when it is read)."""
    if path.is_symlink():
        if not path.exists():
            return _broken_link(path)
        if not follow_links and not _inside(path, directory):
            return (f"is a symbolic link to {path_text(path.resolve())!r}, outside the directory; not "
                    "followed (name the file itself, or use --follow-links, to read it)")
    if path.is_dir():
        return "is a directory; a directory is read one level deep (name it on the command line to read it)"
    if path.suffix.lower() not in SUPPORTED:
        return _unsupported(path)
    return ""


def _inside(link: Path, directory: Path) -> bool:
    return link.resolve().is_relative_to(directory.resolve())


def _broken_link(path: Path) -> str:
    return f"is a broken symbolic link (to {path_text(os.readlink(path))!r}, which does not exist)"


def _read_file(path: Path, meta: dict[str, str], reading: _Reading) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    source = path_text(path)
    if suffix not in SUPPORTED:
        yield ReadError(source, _unsupported(path))
        return
    try:
        with _open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > reading.max_bytes and suffix not in CORPUS_SUFFIXES:
                yield ReadError(source, _too_large(size, reading.max_bytes))
                return
            if suffix in (".jsonl", ".csv"):
                yield from _read_records(handle, suffix, source, reading)
                return
            data = handle.read()
        text = decode(data)
    except InputError as error:
        yield ReadError(source, str(error))
        return
    except OSError as error:
        yield ReadError(source, f"cannot be read: {error.strerror or error}")
        return
    if suffix in HTML_SUFFIXES:
        yield from _html_article(text, source, meta)
    elif suffix == ".json":
        yield from _json_document(text, source, reading)
    else:
        yield from _text_article(text, source, {"id": path_text(path.stem), **meta})


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else is an :class:`InputError`, never a wait.

    Opened without blocking and checked after opening, so a named pipe cannot
    hang the batch, even one put in the file's place after it was listed.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = next((name for test, name in _NOT_REGULAR if test(mode)), "a special file")
        raise InputError(f"is {kind}, not a file; framing reads regular files (pipe a stream to -)")
    return os.fdopen(descriptor, "rb")


# -- decoding ---------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, *, table: bool = False) -> str:
    """Decode an article's bytes: a BOM, else UTF-8, else a detected encoding.

    Raises :class:`InputError` for empty, binary or undecodable input. One NUL
    byte marks an article as binary, but not a ``table`` (CSV): there it is the
    error of the row that holds it, and only many NUL bytes (a tenth of the
    first 4 KB) or other control characters refuse the whole file.
    """
    if not data:
        raise InputError("is empty")
    if not data.strip():
        raise InputError("holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding, table)
    head = data[:4096]
    if head.count(b"\x00") > (0.1 * len(head) if table else 0):
        raise InputError("looks binary (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", table)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("is not text in any encoding that could be detected")
    return _checked(str(best), best.encoding, table)


def _checked(text: str, encoding: str, table: bool) -> str:
    if not text.strip():
        raise InputError("holds only whitespace")
    controls = _CONTROL.findall(text[:20000])
    if table:
        controls = [c for c in controls if c != "\x00"]
    if len(controls) > 0.01 * min(len(text), 20000):
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
        "site": site_name(html),
    }
    merged = {k: v for k, v in found.items() if v}
    merged.update({k: v for k, v in meta.items() if v})
    yield make_article(text, source, {"id": Path(source).stem, **merged})


def site_name(html: str) -> str:
    """The name a page gives its site: ``og:site_name``, else its JSON-LD publisher's name; '' if neither.

    Not trafilatura's ``sitename``: when a page names no site, that falls back
    to a Twitter handle, a title fragment or the URL's domain, which are not
    the publisher's own name for itself.
    """
    from lxml import html as lxml_html  # trafilatura's own parser, so no new dependency

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for content in tree.xpath('//meta[@property="og:site_name"]/@content'):
        if content.strip():
            return " ".join(content.split())
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            name = _publisher_name(json.loads(script))
        except (ValueError, RecursionError):
            continue
        if name:
            return name
    return ""


def _publisher_name(data: Any) -> str:
    """The first ``publisher`` name in JSON-LD data (an object, a list, or a ``@graph`` of objects)."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        publisher = item.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        name = publisher.get("name") if isinstance(publisher, dict) else publisher
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            return " ".join(name.split())
        found = _publisher_name(item.get("@graph", []))
        if found:
            return found
    return ""


# -- corpora: JSONL, JSON, CSV -----------------------------------------------

_NOTHING_IN = {
    ".jsonl": "holds no JSON lines (it is empty or blank)",
    ".csv": "has a header row but no data rows",
}


def _read_records(
    handle: BinaryIO, suffix: str, source: str, reading: _Reading
) -> Iterator[Article | ReadError]:
    reader = _jsonl_records if suffix == ".jsonl" else _csv_records
    found = False
    for where, record in reader(handle, source):
        found = True
        if isinstance(record, ReadError):
            yield record
        else:
            yield from _record_article(record, where, reading)
    if not found:
        yield ReadError(source, _NOTHING_IN[suffix])


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
            yield where, ReadError(where, f"malformed JSON: {_json_problem(error)} at column {error.colno}")
            continue
        except RecursionError:
            yield where, ReadError(where, _TOO_DEEP)
            continue
        if not isinstance(record, dict):
            yield where, ReadError(where, "line is not a JSON object with a 'text' field")
            continue
        yield where, record


_TOO_DEEP = "malformed JSON: arrays or objects nested too deeply (about a thousand levels) to read"


def _json_problem(error: json.JSONDecodeError) -> str:
    """The decoder's message without its dangling "at" ("Invalid control character at")."""
    return error.msg.removesuffix(" at")


def _csv_records(handle: BinaryIO, source: str) -> Iterator[tuple[str, Any]]:
    data = handle.read()
    try:
        text = decode(data, table=True)
    except InputError as error:
        yield source, ReadError(source, str(error))
        return
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, dialect=csv_dialect(text))
    with wide_csv_fields():
        fields = [f.strip().lower() for f in next(reader, [])]
    if "text" not in fields:
        yield source, ReadError(
            source, f"has no 'text' column (columns: {', '.join(fields) or 'none'})"
        )
        return
    with wide_csv_fields():
        for first_line, row in _csv_rows(reader, lines):
            where = f"{source}:{first_line}"
            if isinstance(row, str):
                yield where, ReadError(where, row)
            elif len(row) > len(fields):
                yield where, ReadError(where, "row has more fields than the header")
            elif any("\x00" in value for value in row):
                yield where, ReadError(where, "row holds a NUL byte (binary data), not text")
            else:
                yield where, dict(zip(fields, row))


def _csv_rows(reader: Any, lines: list[str]) -> Iterator[tuple[int, list[str] | str]]:
    """Each non-blank row with the physical line it starts on, or why it is malformed.

    The dialect is strict, so a stray or unclosed quotation mark is reported at
    the row where it starts; each further line that malformed row swallowed
    gets an error of its own, so no row is lost without a word.
    """
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield first_line, _csv_problem(error, reader.line_num)
            for number in range(first_line + 1, reader.line_num + 1):
                if lines[number - 1].strip():
                    yield number, (f"not read: this line is inside the malformed row that starts at line "
                                   f"{first_line} (fix that row's quotation marks to read it)")
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


def _json_document(text: str, source: str, reading: _Reading) -> Iterator[Article | ReadError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadError(f"{source}:{error.lineno}", f"malformed JSON: {_json_problem(error)} at column {error.colno}")
        return
    except RecursionError:
        yield ReadError(source, _TOO_DEEP)
        return
    if isinstance(data, dict) and "articles" in data:
        if not isinstance(data["articles"], list):
            yield ReadError(source, f"'articles' must be a list of objects with a 'text' field, "
                                    f"not {_json_type(data['articles'])}")
            return
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        yield ReadError(source, "holds no articles (an empty list)")
    for number, record in enumerate(records, start=1):
        where = f"{source}#{number}"
        if not isinstance(record, dict):
            yield ReadError(where, f"item is {_json_type(record)}, not an object with a 'text' field")
            continue
        yield from _record_article(record, where, reading)


def _json_type(value: Any) -> str:
    """What a JSON value is, for a message: "a string", "a list", "null"."""
    if value is None:
        return "null"
    names = {bool: "true or false", str: "a string", int: "a number", float: "a number",
             list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _record_article(record: dict[str, Any], where: str, reading: _Reading) -> Iterator[Article | ReadError]:
    text = record.get("text")
    if text is None:
        fields = ", ".join(sorted(map(str, record))) or "none"
        yield ReadError(where, f"has no 'text' field (fields: {fields})")
        return
    if not isinstance(text, str):
        yield ReadError(where, f"'text' is {_json_type(text)}, not a string")
        return
    if not text.strip():
        yield ReadError(where, "'text' is empty")
        return
    invalid = [str(k) for k, v in record.items() if not _encodable(str(k)) or isinstance(v, str) and not _encodable(v)]
    if invalid:  # repr() shows a lone surrogate in a field's name as an escape
        yield ReadError(where, f"{invalid[0]!r} holds invalid Unicode (a lone surrogate such as \\ud800)")
        return
    size = len(text.encode("utf-8"))
    if size > reading.max_bytes:
        yield ReadError(where, _too_large(size, reading.max_bytes))
        return
    meta = {
        str(k).lower(): str(v) for k, v in record.items()
        if k != "text" and v is not None and not isinstance(v, (dict, list))
    }
    identifier = meta.get("id", "")
    if identifier:
        if identifier in reading.seen:
            yield ReadError(where, f"duplicate id {identifier!r} (first seen at {reading.seen[identifier]})")
            return
        reading.seen[identifier] = where
    yield make_article(text, where, meta)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- manifest and outlets -----------------------------------------------------

def _read_manifest(path: Path, follow_links: bool) -> tuple[dict[str, dict[str, str]], list[ReadError]]:
    if not path.exists() and not path.is_symlink():
        return {}, []
    refusal = _refusal(path, path.parent, follow_links)
    if refusal:
        return {}, [ReadError(path_text(path), f"manifest not read: it {refusal}")]
    try:
        with _open_regular(path) as handle:
            text = decode(handle.read())
    except (OSError, InputError) as error:
        return {}, [ReadError(path_text(path), f"manifest cannot be read: {error}")]
    with wide_csv_fields():
        return _manifest_entries(path, csv.DictReader(text.splitlines()))


def _manifest_entries(path: Path, reader: csv.DictReader[str]) -> tuple[dict[str, dict[str, str]], list[ReadError]]:
    """File name -> metadata from a manifest's rows, or the reason it has none."""
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "file" not in fields:
        return {}, [ReadError(path_text(path), "manifest has no 'file' column")]
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
    outlet, how = outlet_of(text, meta)
    known = {k: meta.get(k, "") for k in METADATA_FIELDS if k != "outlet"}
    extra = {k: v for k, v in meta.items() if k not in METADATA_FIELDS}
    credit = wire_credit(text)
    if credit:
        extra["wire_credit"] = credit
    return Article(text=text, source=source, outlet=outlet, outlet_source=how, meta=extra, **known)


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
    """Write a file so that readers see the old or the new content, never half of one.

    Missing folders are made; commands that take an output path refuse a
    missing folder first (:func:`check_writable`), so a mistyped path is an
    error there, not a new directory.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temporary:
        with open(temporary, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary file beside ``path`` for a writer to fill; it replaces ``path`` only if the writer succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _file_mode(target))  # mkstemp makes 0600; keep what open() would give
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def check_writable(path: str | Path) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written: its folder exists, it is no folder itself.

    Called before any work whose result would go there, so a mistyped path
    fails at once instead of after the scoring.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        what = "is not a directory" if folder.exists() else "does not exist"
        raise OutputError(f"cannot write {path_text(target)}: its folder {path_text(folder)} {what}; "
                          "create it first or choose another path")
    if target.is_dir():
        raise OutputError(f"cannot write {path_text(target)}: it is a directory; give a file name")


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


def dumps(document: Any) -> str:
    """Deterministic JSON: the same data always gives the same bytes."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def jsonl_line(record: Any) -> str:
    """One record as one compact JSON line (``--format jsonl``), newline included."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
