"""The Markdown report: golden copy, determinism, relative charts, escaping of hostile text."""

import json
import re

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.report import markdown_text, write_markdown_report
from framing.types import Article
from tests.conftest import ROOT, seed_text

runner = CliRunner()
GOLDEN = ROOT / "reports" / "seeds.md"
GOLDEN_APPENDIX = ROOT / "reports" / "seeds_appendix.md"


def test_golden_report_and_charts_are_regenerated_byte_for_byte(tmp_path, monkeypatch, no_network):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["compare", "seeds", "--output", str(tmp_path / "seeds.md")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "seeds.md").read_bytes() == GOLDEN.read_bytes(), (
        "reports/seeds.md differs: run `framing compare seeds --output reports/seeds.md`"
    )
    assert (tmp_path / "seeds_appendix.md").read_bytes() == GOLDEN_APPENDIX.read_bytes(), (
        "reports/seeds_appendix.md differs: run `framing compare seeds --output reports/seeds.md`"
    )
    golden_charts = sorted((ROOT / "reports" / "seeds_charts").iterdir())
    assert [p.name for p in golden_charts] == sorted(p.name for p in (tmp_path / "seeds_charts").iterdir())
    for chart in golden_charts:
        assert (tmp_path / "seeds_charts" / chart.name).read_bytes() == chart.read_bytes(), chart.name


def test_report_has_every_section_and_relative_chart_links():
    text = GOLDEN.read_text(encoding="utf-8")
    appendix = GOLDEN_APPENDIX.read_text(encoding="utf-8")
    for heading in ("# Framing comparison", "## Summary", "### Indices", "### Charts",
                    "## Method and caveats", "## Reproducibility"):
        assert heading in text, heading
    for heading in ("### Indices", "### What stands out", "### Who is quoted", "### Loaded words",
                    "### How each outlet names the main actors", "### Hedging", "### Distinctive words",
                    "### Omissions", "### Readability and tone"):
        assert appendix.count(f"\n{heading}\n") == 2, heading  # once per story
    assert "[Appendix](seeds_appendix.md)" in text
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links and all(link.startswith("seeds_charts/") for link in links)
    assert all((ROOT / "reports" / link).is_file() for link in links)
    assert "/work/" not in text and "/tmp" not in text
    assert "framing compare seeds --output seeds.md`" in text


HOSTILE = "Evil | Outlet <script>alert(1)</script> [click](javascript:alert(1))"


def _hostile_comparison():
    text = (
        "# Not a heading\n\n"
        + seed_text("003").replace("Kremlin spokesman", "Kremlin <img src=x onerror=alert(1)> spokesman")
        + '\n\nThe "regime|<b>" said `rm -rf` and [x](javascript:alert(2)) | cell.'
    )
    article = Article(text=text, source="evil|<script>.txt", outlet=HOSTILE, story="a|b\n## injected")
    other = Article(text=seed_text("001"), source="ok.txt", outlet="The Guardian", story="a|b\n## injected")
    return framing.compare([framing.analyze(article), framing.analyze(other)])


def test_hostile_text_titles_and_outlet_names_are_escaped():
    report = markdown_text(_hostile_comparison(), command="framing compare x", detail="full")
    assert "<script>" not in report and "<img" not in report and "<b>" not in report
    assert "](javascript:" not in report
    assert not re.search(r"^#+ (Not a heading|injected)", report, re.MULTILINE)
    assert "Evil \\| Outlet &lt;script&gt;alert\\(1\\)&lt;/script&gt;" in report


def test_tables_keep_their_column_count_with_hostile_text():
    report = markdown_text(_hostile_comparison(), command="framing compare x", detail="full")
    blocks = re.findall(r"((?:^\|.*\n)+)", report, re.MULTILINE)
    assert blocks
    for block in blocks:
        counts = {len(re.split(r"(?<!\\)\|", row)) for row in block.splitlines()}
        assert len(counts) == 1, block


def test_report_is_the_same_wherever_it_is_written(tmp_path):
    comparison = framing.compare(framing.analyze_corpus(framing.load_corpus(ROOT / "seeds")))
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    first = write_markdown_report(comparison, tmp_path / "a" / "r.md", command="c")[-1]
    second = write_markdown_report(comparison, tmp_path / "b" / "deeper" / "r.md", command="c")[-1]
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "b" / "deeper" / "r_charts").is_dir()


def test_html_page_is_standalone_and_keeps_hostile_text_inert(tmp_path):
    written = write_markdown_report(_hostile_comparison(), tmp_path / "r.html", command="c", html=True)
    page = written[-1].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page
    assert "<script>" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;" in page
    assert re.findall(r'<img [^>]*src="([^"]+)"', page)[0].startswith("r_charts/")


def test_method_and_reproducibility_say_what_was_done():
    text = GOLDEN.read_text(encoding="utf-8")
    assert "vv1" not in text and "- `attribution-cues.v1.tsv`: v1" in text
    # the whole SHA-256 of each text, and the input as its file name however the path was typed
    rows = re.findall(r"^\| (\S+) \| [^|]+ \| [^|]+ \| [^|]+ \| `([0-9a-f]+)` \|$", text, re.MULTILINE)
    assert [name for name, _ in rows] == [f"00{i}\\_" + n for i, n in enumerate(
        ["235e616d53163978.txt", "ee11acba1649b0c1.txt", "720a579d1653449e.txt", "f272ea3b034b08e0.txt",
         "790c4a0d2069b0ae.txt"])]
    assert all(len(digest) == 64 for _, digest in rows)
    # the loadedness index leaves scare quotes out, and the Method section says so
    method = text.split("## Method and caveats")[1]
    assert "Scare quotes are not counted here" in method


def test_the_command_shown_is_the_one_run(tmp_path):
    comparison = framing.compare(framing.analyze_corpus(framing.load_corpus(ROOT / "seeds")))
    page = write_markdown_report(comparison, tmp_path / "other.html", command="framing compare ./seeds", html=True)
    assert "framing compare ./seeds --output other.html --format html" in page[-1].read_text(encoding="utf-8")


def test_report_and_explain_number_sentences_alike(monkeypatch):
    monkeypatch.chdir(ROOT)
    # Reuters: "A significant part of the Russian force could now return home." is the 8th line of
    # the file, one sentence a line: sentence 8 in the report and [8] from --explain
    assert "return home.\u201d (000\\_235e616d53163978.txt, sentence 8)" in GOLDEN_APPENDIX.read_text(encoding="utf-8")
    result = runner.invoke(app, ["score", "seeds/000_235e616d53163978.txt", "--explain", "hedging"])
    assert "  [8] A significant part of the Russian force [[could]] now return home." in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_explain_is_refused_with_a_machine_format(monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["score", "seeds/000_235e616d53163978.txt", "--explain", "tone", "--format", fmt])
    assert result.exit_code == 2
    assert "--explain" in result.output and f"--format {fmt}" in result.output


def test_explain_shows_text_not_python_escapes_and_neutralises_control_characters(monkeypatch):
    monkeypatch.chdir(ROOT)
    # CBC writes "Russian\xa0officials say" with a no-break space
    result = runner.invoke(app, ["score", "seeds/002_720a579d1653449e.txt", "--explain", "attribution"])
    assert "\\xa0" not in result.output and "source=Russian officials," in result.output
    hostile = seed_text("003") + "\n\nOfficials said the \x1b[2Jvote was \u202erigged\u202c, reportedly."
    shown = runner.invoke(app, ["score", "-", "--explain", "hedging"], input=hostile).output
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\\x1b[2Jvote" in shown and "\\u202erigged" in shown


def test_explain_source_diversity_lists_every_source_and_where_it_speaks(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["score", "seeds/001_ee11acba1649b0c1.txt", "--explain", "index.source_diversity"])
    assert "exp of the sum of the contributions" in result.output
    # the Guardian gives Putin five voices: "The Russian president, Vladimir Putin" (declared, and "saying" in
    # the same sentence: one voice), "He said the pullout", "Putin said", "he added", "Putin said that the
    # Russian airbase" (its standfirst is not body)
    assert "  source: putin: 5 items" in result.output
    assert "    [5] [[He]] said the pullout" in result.output


def test_a_source_shows_its_file_name_and_keeps_a_backslash_of_its_own() -> None:
    """On POSIX a backslash is part of a name (an escaped byte shows as '\\xff'), not a folder separator."""
    from framing.report.findings import shown_source

    assert shown_source("seeds/000_235e616d53163978.txt") == "000_235e616d53163978.txt"
    assert shown_source("/tmp/d/bad\\xffname.txt:3") == "bad\\xffname.txt:3"


def test_detail_full_ends_the_report_with_the_appendix_and_writes_no_second_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["compare", "seeds", "--output", str(tmp_path / "r.md"), "--detail", "full"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert not (tmp_path / "r_appendix.md").exists()
    assert "\n## Appendix\n" in text and "`framing compare seeds --output r.md --detail full`" in text
    # everything the separate appendix holds, the full report holds
    assert GOLDEN_APPENDIX.read_text(encoding="utf-8").split("## Story details: ", 1)[1] in text


def test_csv_dir_tables_read_back_into_pandas_with_the_json_values(tmp_path, monkeypatch):
    pd = pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["compare", "seeds", "--format", "json", "--csv-dir", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    words = pd.read_csv(tmp_path / "t" / "distinctive.csv")
    expected = [(s["story"], o["outlet"], t["term"], t["z"], t["count"])
                for s in record["stories"] for o in s["outlets"] for t in o["distinctive"]]
    assert list(zip(words.story, words.outlet, words.word, words.z, words["count"])) == expected
    omissions = pd.read_csv(tmp_path / "t" / "omissions.csv")
    left_out = omissions[omissions.status == "left out"]
    assert len(left_out) == sum(len(o["omitted_by"]) for s in record["stories"] for o in s["omissions"])
    # Reuters alone names Yahya Aridi in the 2017 story (its sentence 28: "When asked about Putin s announcement,
    # Yahya Aridi, spokesman for the Syrian opposition in Geneva, said ..."); CBC News and Observer leave him out
    aridi = omissions[omissions.key == "aridi"]
    assert dict(zip(aridi.outlet, aridi.status)) == {
        "CBC News": "left out", "Observer": "left out", "Reuters": "reported",
    }


def test_csv_dir_in_a_missing_folder_is_refused_before_any_scoring(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["compare", "seeds", "--csv-dir", str(tmp_path / "no" / "tables")])
    assert result.exit_code == 1
    assert "does not exist; create it first" in result.output
    assert list(tmp_path.iterdir()) == []


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    from framing.report.tables import write_csv_tables

    one = Article(text=seed_text("003"), source="a.txt", outlet="=HYPERLINK(\"x\")", story="s")
    other = Article(text=seed_text("001"), source="b.txt", outlet="The Guardian", story="s")
    write_csv_tables(framing.compare([framing.analyze(one), framing.analyze(other)]), tmp_path)
    rows = (tmp_path / "indices.csv").read_text(encoding="utf-8").splitlines()
    assert any(row.startswith('s,"\'=HYPERLINK(""x"")"') for row in rows)
    assert not any(",=" in row or row.startswith("=") for row in rows)


def test_write_report_needs_no_command_and_records_the_call(tmp_path):
    comparison = framing.compare(framing.analyze_corpus(framing.load_corpus(ROOT / "seeds")))
    written = framing.write_report(comparison, tmp_path / "mine.md")
    assert [p.name for p in written[-2:]] == ["mine_appendix.md", "mine.md"]
    text = written[-1].read_text(encoding="utf-8")
    assert "`framing.write_report(comparison, 'mine.md', format='markdown', detail='summary')`" in text
    with pytest.raises(ValueError, match="'pdf'"):
        framing.write_report(comparison, tmp_path / "x.pdf", format="pdf")  # type: ignore[arg-type]


def test_distinctive_words_leave_out_names_furniture_and_calendar():
    from framing.compare.distinctive import is_noise

    for noise in ("mr", "mr putin", "al", "february", "monday", "number", "two", "getty images", "sheikh"):
        assert is_noise(noise), noise
    for kept in ("airbase", "servicemen", "al-assad", "russian military", "withdrawal"):
        assert not is_noise(kept), kept


def test_an_outlet_with_one_short_text_never_leads_the_summary():
    from framing.compare.support import MIN_BODY_WORDS

    # two sentences of the Observer seed: 20 + 29 = 49 body words, counted by hand
    short = ("Russian President Vladimir Putin is looking to extricate Russian forces from a war-ravished Syria, "
             "at least publicly before March\u2019s elections. On Monday morning, Putin visited a Russian air base "
             "in Syria alongside Syrian President Bashar al-Assad to order a partial troop evacuation and claim "
             "victory over the Islamic State.")
    comparison = framing.compare([framing.analyze(a) for a in (
        Article(text=seed_text("000"), source="r.txt", outlet="Reuters", story="s"),
        Article(text=seed_text("002"), source="c.txt", outlet="CBC News", story="s"),
        Article(text=short, source="o.txt", outlet="Observer", story="s"),
    )])
    (story,) = comparison.stories
    observer = next(o for o in story.outlets if o.outlet == "Observer")
    assert observer.words == 49 < MIN_BODY_WORDS
    # by its raw difference it would rank among the largest, but it rests on too little text
    assert observer.standouts and not any(s.supported for s in observer.standouts)
    assert max(abs(s.z) for s in observer.standouts) > min(abs(h.z) for h in comparison.highlights)
    assert all(f.outlet != "Observer" for f in (*comparison.highlights, *story.findings))
    summary = markdown_text(comparison, command="c").split("\n## Story: ")[0]
    assert "Too little text for a finding (under 250 body words): Observer \\(49 words\\)." in summary
    assert "Observer is" not in summary and "Observer gives" not in summary
