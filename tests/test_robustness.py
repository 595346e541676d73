"""Every input accounted for, no traceback, nothing untrusted executed: the bad-input battery."""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.io import write_atomic
from framing.report.findings import caveats
from tests.conftest import ROOT, benchmark, seed_text

runner = CliRunner()
GERMAN = (
    "Der russische Präsident hat am Montag den Abzug eines großen Teils der Truppen aus Syrien "
    "angeordnet. Die Aufgabe sei weitgehend erfüllt, sagte Putin auf dem Stützpunkt Hmeimim."
)
RUSSIAN = (
    "Президент России Владимир Путин в понедельник приказал начать вывод значительной части "
    "российских войск из Сирии, заявив, что задача в основном выполнена."
)
ARABIC = (
    "أمر الرئيس الروسي فلاديمير بوتين يوم الاثنين ببدء سحب جزء كبير من القوات الروسية من سوريا، "
    "معلنا أن المهمة قد أنجزت إلى حد كبير."
)


def score_json(*paths, extra=()):
    result = runner.invoke(app, ["score", *map(str, paths), "--format", "json", *extra])
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


@pytest.fixture
def battery(tmp_path):
    """One file per bad case, plus one good article."""
    files = {
        "good.txt": seed_text("003").encode("utf-8"),
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n   ",
        "binary.txt": bytes(range(256)) * 40,
        "utf16.txt": seed_text("001").encode("utf-16"),
        "cp1252.txt": "The \u201cmartyrs\u201d of Moscow \u2014 a caf\u00e9 story, Putin said on Monday.".encode("cp1252"),
        "mixed_endings.txt": b"Putin said the task was done.\r\nWashington was skeptical.\rOfficials declined to comment.\n",
        "one_word.txt": b"Syria",
        "no_punctuation.txt": b"putin ordered troops out of syria and said the mission was largely done officials in washington were skeptical",
        "german.txt": GERMAN.encode("utf-8"),
        "russian.txt": RUSSIAN.encode("utf-8"),
        "arabic.txt": ARABIC.encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_every_input_is_scored_or_listed_with_a_reason(battery):
    result, document = score_json(battery)
    assert result.exit_code == 0
    scored = {Path(a["source"]).name: a for a in document["articles"]}
    errors = {Path(e["source"]).name: e["reason"] for e in document["errors"]}
    assert set(scored) | set(errors) == {p.name for p in battery.iterdir()}
    assert not set(scored) & set(errors)
    assert errors == {
        "empty.txt": "is empty",
        "whitespace.txt": "holds only whitespace",
        "binary.txt": "looks binary (contains NUL bytes), not text",
    }
    assert scored["utf16.txt"]["features"]["attribution.count"] > 0  # decoded and scored
    # The, martyrs, of, Moscow, a, café, story, Putin, said, on, Monday
    assert scored["cp1252.txt"]["features"]["readability.words"] == 11
    assert scored["mixed_endings.txt"]["features"]["readability.sentences"] == 3
    assert scored["one_word.txt"]["features"]["readability.words"] == 1
    assert scored["no_punctuation.txt"]["features"]["readability.words"] == 18
    for name, language in (("german.txt", "de"), ("russian.txt", "ru"), ("arabic.txt", "ar")):
        article = scored[name]
        assert article["language"] == language
        assert "hedging" in article["not_applicable"] and "hedging.cues" not in article["features"]
        assert any("not English" in w for w in article["warnings"])
    for article in document["articles"]:
        assert all(math.isfinite(v) for v in article["features"].values())


def test_strict_fails_the_batch_and_nothing_scored_is_exit_1(battery):
    assert runner.invoke(app, ["score", str(battery), "--strict"]).exit_code == 1
    result = runner.invoke(app, ["score", str(battery / "empty.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_non_english_articles_are_left_out_of_the_comparison_with_a_caveat(battery):
    articles = framing.load_corpus([battery / "good.txt", battery / "german.txt"])
    comparison = framing.compare(framing.analyze_corpus(articles))
    assert comparison.n_articles == 1
    assert any("german.txt" in c and "'de'" in c for c in caveats(comparison))


def test_a_giant_file_is_refused_with_a_way_to_raise_the_limit(tmp_path):
    giant = tmp_path / "giant.txt"
    with open(giant, "wb") as handle:
        paragraph = (seed_text("000") + "\n\n").encode("utf-8")
        while handle.tell() < 20_000_000:
            handle.write(paragraph)
    result = runner.invoke(app, ["score", str(giant)])
    assert result.exit_code == 1  # nothing could be scored
    assert "too large (20.0 MB; the limit is 10.0 MB)" in result.stderr
    assert "--max-bytes" in result.stderr
    small = tmp_path / "small.txt"
    small.write_text(seed_text("000") * 4, encoding="utf-8")
    assert score_json(small, extra=["--max-bytes", "10000"])[0].exit_code == 1
    assert score_json(small, extra=["--max-bytes", "100000"])[0].exit_code == 0


def test_an_unreadable_file_is_reported_and_the_rest_scored(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(seed_text("001"), encoding="utf-8")
    (tmp_path / "open.txt").write_text(seed_text("003"), encoding="utf-8")
    real = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result, document = score_json(tmp_path)
    assert [Path(a["source"]).name for a in document["articles"]] == ["open.txt"]
    assert document["errors"] == [{"source": str(locked), "reason": "cannot be read: Permission denied"}]


def test_a_directory_with_thousands_of_files(tmp_path):
    lines = [s.text for s in framing.build_doc(seed_text("000")).body]
    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(lines[i % len(lines)], encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = runner.invoke(app, ["score", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2000
    assert "notes.pdf: is not a supported format" in result.stderr


def test_html_with_scripts_and_styles_yields_text_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><style>body{color:red}</style><script>alert('x')</script></head><body>"
        f"<article><p>{seed_text('003').splitlines()[0]}</p></article>"
        "<script>document.write('evil')</script></body></html>",
        encoding="utf-8",
    )
    (article,) = framing.load_corpus(page)
    assert "alert" not in article.text and "color:red" not in article.text and "evil" not in article.text
    assert article.text.startswith("The Kremlin announced that Putin had called")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_analyze_never_raises_on_arbitrary_unicode(text):
    analysis = framing.analyze(text)
    assert all(math.isfinite(v) for v in analysis.features.values())
    for e in analysis.evidence:
        assert text[e.start : e.end] == e.text
    for a in analysis.attributions:
        for span in (a.cue, a.source, a.content):
            assert span is None or text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["Putin said", "\u201c", "\u201d", '"', "'", "may", "regime", "\n\n", "\r\n", " ", ".", "Officials", "claimed",
     "about 300", "By The Guardian", "|", "<script>", "\u00a0", "so-called", "martyrs", "\u200b"]
), max_size=60))
def test_analyze_is_total_on_news_shaped_noise(pieces):
    text = "".join(pieces)
    analysis = framing.analyze(text)
    assert all(math.isfinite(v) for v in analysis.features.values())
    assert all(text[e.start : e.end] == e.text for e in analysis.evidence)


def test_writes_are_atomic(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new report")
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_the_command_runs_offline_in_a_fresh_process():
    guard = (
        "import socket\n"
        "def refuse(*a, **k): raise RuntimeError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "import sys; sys.argv = ['framing', 'score', 'seeds', '--format', 'json']\n"
        "from framing.cli import main; main()\n"
    )
    result = subprocess.run([sys.executable, "-c", guard], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert len(document["articles"]) == 5
    assert document["articles"][0]["features"]["readability.flesch_reading_ease"] > 0


def _jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_a_lone_surrogate_in_a_record_is_one_error_not_a_crash(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "bad", "text": "x"}).replace('"x"', '"Putin said \\ud800 it."') + "\n"
        + json.dumps({"id": "good", "text": seed_text("003")}) + "\n",
        encoding="utf-8",
    )
    result, document = score_json(corpus)
    assert result.exit_code == 0
    assert [a["id"] for a in document["articles"]] == ["good"]
    assert "lone surrogate" in document["errors"][0]["reason"]
    assert math.isfinite(framing.analyze("Officials said \ud800 the plan may fail.").features["hedging.cues"])


def test_outlet_and_story_names_with_dollar_signs_do_not_break_the_charts(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "outlet": "Cash$ \\frac{1}{$ News", "story": "s$1$", "text": seed_text("001")},
        {"id": "b", "outlet": "Plain", "story": "s$1$", "text": seed_text("003")},
    ])
    result = runner.invoke(app, ["compare", str(corpus), "--output", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    # the indices, their differences and the main actors' portrayal
    assert len(list((tmp_path / "r_charts").iterdir())) == 3


def test_the_same_id_in_two_inputs_is_reported(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": seed_text("003")}])
    articles = framing.load_corpus([corpus, corpus])
    assert len(articles) == 1
    assert articles.errors[0].reason == f"duplicate id 'a' (first seen at {corpus}:1)"


def test_reports_hold_no_absolute_path_and_files_get_ordinary_permissions(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "in" / "a.txt").write_text(seed_text("003"), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "de.txt").write_text(GERMAN, encoding="utf-8")
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["compare", str(tmp_path / "in"), "--output", str(tmp_path / "out" / "r.md")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "r.md").read_text(encoding="utf-8")
    assert str(tmp_path) not in report
    assert "empty.txt: is empty" in report and "de.txt" in report
    assert ((tmp_path / "out" / "r.md").stat().st_mode & 0o777) == 0o644


def test_an_output_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "framing", "compare", "seeds", "--output", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: cannot write")


def test_stories_whose_names_reduce_alike_keep_their_own_charts(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "outlet": "A", "story": "\u0421\u0438\u0440\u0438\u044f", "text": seed_text("001")},
        {"id": "b", "outlet": "B", "story": "\u0423\u043a\u0440\u0430\u0457\u043d\u0430", "text": seed_text("003")},
    ])
    result = runner.invoke(app, ["compare", str(corpus), "--output", str(tmp_path / "r.md")])
    assert result.exit_code == 0
    assert len({p.name for p in (tmp_path / "r_charts").iterdir()}) == 2


def test_a_text_whose_quotation_marks_were_lost_says_so():
    # The Reuters seed reached us with every quotation mark and apostrophe stripped:
    # "I congratulate you!" / "Putin told the servicemen." and "Moscow s military contingent"
    reuters = framing.analyze(seed_text("000"))
    (warning,) = [w for w in reuters.warnings if w.startswith("no quotation marks")]
    assert "\u201cI congratulate you! Putin told\u201d" in warning
    assert "\u201cMoscow s\u201d" in warning
    # its direct speech reads as quoted: "..., Putin told Russian servicemen." and, with no cue of its
    # own, "The Motherland awaits you." right after "..., said Putin."; the reporter's "whirlwind" stays
    voices = {e.text: e.attrs["voice"] for e in reuters.evidence if e.family == "loaded" and "voice" in e.attrs}
    assert voices["terrorists"] == voices["most battle-hardened"] == voices["Motherland"] == "quoted"
    assert voices["whirlwind"] == voices["calamitous"] == "reporter"
    # it ends on what reads as a European diplomat's closing quote, two sentences long, after "We ve seen such
    # announcements before, ..., said one European diplomat ...": more than the one closing sentence read
    assert voices["regime"] == "reporter"
    # the Guardian has its marks
    assert not any("quotation marks" in w for w in framing.analyze(seed_text("001")).warnings)


def _closing_speech(lines: list[str]) -> list[str]:
    from framing.features import attribution, lost_quotation_marks
    from framing.text import build_doc

    doc = build_doc("\n".join(lines))
    lost = lost_quotation_marks(doc, attribution.extract(doc).attributions)
    assert lost is not None
    return [span.text for span in lost.closing]


def test_a_closing_quote_is_read_only_where_it_can_be_the_speakers():
    lines = seed_text("000").splitlines()
    # cut after the diplomat's first closing sentence, it is read as his
    assert _closing_speech(lines[:35]) == [lines[34]]
    assert lines[34].startswith("The most significant contribution Russia can make")
    # whole, two sentences follow his words: more than a closing quote
    assert _closing_speech(lines) == []
    # cut after "I congratulate you!" / "Putin told the servicemen.": the next sentence names Putin, so it
    # is the reporter's ("Putin is keen to organize a special event ...")
    assert lines[26].startswith("Putin is keen") and _closing_speech(lines[:27]) == []
    # cut after "..., said Putin." / "The Motherland awaits you.": that sentence already continues his words
    # (first person, right after them), so it is not counted a second time as a closing quote
    assert lines[9] == "The Motherland awaits you." and _closing_speech(lines[:10]) == []


def test_a_subhead_ends_a_closing_quote():
    # a subhead between the diplomat's words and the last sentence: that sentence starts a new section
    lines = seed_text("000").splitlines()
    assert _closing_speech([*lines[:34], "", "Peace talks", "", lines[34]]) == []


def test_lost_quotation_marks_are_found_on_polnear_stripped_of_them(shared_data):
    # measured with `python benchmarks/eval_lost_quotes.py` (held-out part): precision 0.826, recall 0.434,
    # the closing-quote rule's characters 0.785 speech; each floor is just under
    result = benchmark("eval_lost_quotes").evaluate(shared_data / "polnear" / "train", "heldout")
    assert (result["texts"], result["found_lost_marks"]) == (161, 95)
    assert result["precision"] >= 0.82
    assert result["recall"] >= 0.43
    assert result["closing_precision"] >= 0.77


def test_indirect_speech_without_quotation_marks_lost_none(shared_data):
    # a wire story in indirect speech ("..., the health ministry said") has no marks and needs none
    ebola = shared_data / "ptc_semeval2020" / "train-articles" / "article754111899.txt"
    text = ebola.read_text(encoding="utf-8")
    assert '"' not in text and "the health ministry said" in text
    assert not any("quotation marks" in w for w in framing.analyze(text).warnings)
