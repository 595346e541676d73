"""The documentation site builds without a warning, and the README stays a doorway."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_docs_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env=_with_scripts_on_path(),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8").count("analyze_corpus") > 0
    assert "framing score" in (tmp_path / "site" / "cli-reference" / "index.html").read_text(encoding="utf-8")


def test_readme_is_a_doorway() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    for link in ("docs/index.md", "docs/cli.md", "docs/accuracy.md"):
        assert (ROOT / link).is_file(), link
        assert f"({link})" in readme


def test_every_docs_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert [p for p in pages if p not in nav] == []


def _with_scripts_on_path() -> dict[str, str]:
    """The environment with this interpreter's scripts first: mkdocs-typer2 runs the `typer` command."""
    scripts = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", ""), "NO_MKDOCS_2_WARNING": "1"}
