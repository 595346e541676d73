"""The Markdown report: golden copy, determinism, relative charts, escaping of hostile text."""

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


def test_golden_report_and_charts_are_regenerated_byte_for_byte(tmp_path, monkeypatch, no_network):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["compare", "seeds", "--output", str(tmp_path / "seeds.md")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "seeds.md").read_bytes() == GOLDEN.read_bytes(), (
        "reports/seeds.md differs: run `framing compare seeds --output reports/seeds.md`"
    )
    golden_charts = sorted((ROOT / "reports" / "seeds_charts").iterdir())
    assert [p.name for p in golden_charts] == sorted(p.name for p in (tmp_path / "seeds_charts").iterdir())
    for chart in golden_charts:
        assert (tmp_path / "seeds_charts" / chart.name).read_bytes() == chart.read_bytes(), chart.name


def test_report_has_every_section_and_relative_chart_links():
    text = GOLDEN.read_text(encoding="utf-8")
    for heading in ("# Framing comparison", "### Indices", "### What stands out", "### Charts",
                    "### Who is quoted", "### Loaded words", "### How each outlet names the main actors",
                    "### Hedging", "### Distinctive words", "### Omissions", "### Readability and tone",
                    "## Method and caveats", "## Reproducibility"):
        assert heading in text, heading
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links and all(link.startswith("seeds_charts/") for link in links)
    assert all((ROOT / "reports" / link).is_file() for link in links)
    assert "/work/" not in text and "/tmp" not in text
    assert "framing compare seeds`" in text


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
    report = markdown_text(_hostile_comparison(), command="framing compare x")
    assert "<script>" not in report and "<img" not in report and "<b>" not in report
    assert "](javascript:" not in report
    assert not re.search(r"^#+ (Not a heading|injected)", report, re.MULTILINE)
    assert "Evil \\| Outlet &lt;script&gt;alert\\(1\\)&lt;/script&gt;" in report


def test_tables_keep_their_column_count_with_hostile_text():
    report = markdown_text(_hostile_comparison(), command="framing compare x")
    blocks = re.findall(r"((?:^\|.*\n)+)", report, re.MULTILINE)
    assert blocks
    for block in blocks:
        counts = {len(re.split(r"(?<!\\)\|", row)) for row in block.splitlines()}
        assert len(counts) == 1, block


def test_report_is_the_same_wherever_it_is_written(tmp_path):
    comparison = framing.compare(framing.analyze_corpus(framing.load_corpus(ROOT / "seeds")))
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
