"""Hostile text (issue 19): no crash, one article's failure never ends a batch, bad cards are ModelErrors."""

from __future__ import annotations

import json
import operator
import subprocess
import sys

import pytest
import sentencex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import framing
import framing.text
from framing import AnalysisError, Article, FramingError, ModelError, ReadError
from framing.cli import app
from framing.runner import analyze_parallel
from framing.text import build_doc

from .conftest import ROOT, benchmark, seed_text

# Every space on which sentencex 1.0 panics after a capital and before a full stop ("U\u3000."),
# found by trying each of the 1,112,064 code points in "U" + c + "." and five other shapes.
PANIC_SPACES = benchmark("fuzz").PANIC_SPACES


@pytest.mark.parametrize("space", PANIC_SPACES, ids=lambda c: f"U+{ord(c):04X}")
def test_the_spaces_that_made_the_splitter_panic_are_folded(space: str) -> None:
    text = f"U{space}."
    doc = framing.build_doc(text)
    assert len(doc.norm) == len(text) and doc.norm[1].isspace()
    # a line separator (U+2028, U+2029) ends its block; every other space stays inside the sentence
    expected = ["U", "."] if space in "\u2028\u2029" else [text]
    assert [s.text for s in doc.sentences] == expected


def test_a_sentence_with_an_ideographic_space_keeps_its_offsets() -> None:
    text = "Putin visited the base.\u3000U.S. officials said the pullout may be partial."
    analysis = framing.analyze(text)
    assert [s.text for s in analysis.sentences] == [
        "Putin visited the base.", "U.S. officials said the pullout may be partial."
    ]
    (hedge,) = [e for e in analysis.evidence if e.family == "hedging"]
    assert (hedge.text, text[hedge.start : hedge.end]) == ("may", "may")


def without_folding(text: str) -> str:
    return text


def test_a_panic_in_the_splitter_is_framing_s_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(framing.text, "normalise", without_folding)  # lets "U\u3000." reach sentencex
    with pytest.raises(AnalysisError, match=r"sentence splitter failed on characters 0-3: PanicException"):
        framing.build_doc("U\u3000.")


def split_the_raw_text(analysis: framing.Analysis) -> str:
    """A ``then`` that hands sentencex the unfolded text: a real Rust panic inside the worker."""
    sentencex.segment("en", analysis.article.text)
    return analysis.article.source


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rust_panic_in_one_article_does_not_end_the_batch(jobs: int) -> None:
    # With two workers this used to end in a PicklingError: the panic cannot be sent between processes.
    articles = [
        Article(text=seed_text("003"), source="good.txt"),
        Article(text="U\u3000.", source="bad.txt"),
        Article(text=seed_text("004"), source="also-good.txt"),
    ]
    errors: list[ReadError] = []
    got = list(analyze_parallel(articles, jobs, chunk_size=1, then=split_the_raw_text, errors=errors))
    assert got == ["good.txt", "also-good.txt"]
    ((source, reason),) = [(e.source, e.reason) for e in errors]
    assert source == "bad.txt" and reason.startswith("could not be analysed: PanicException:")


def test_analyze_corpus_lists_the_failed_article_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(framing.text, "normalise", without_folding)
    errors: list[ReadError] = []
    texts = ["U\u3000.", seed_text("003")]
    analyses = list(framing.analyze_corpus(texts, errors=errors))
    assert [a.article.text for a in analyses] == [seed_text("003")]
    assert [e.source for e in errors] == ["item 1"]
    assert "the sentence splitter failed on characters 0-3: PanicException" in errors[0].reason


def _reproducer(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "bad", "text": "U\u3000."}, {"id": "good", "text": seed_text("003")}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return corpus


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_issue_s_reproducer_is_scored_whole(tmp_path, jobs: str) -> None:
    result = CliRunner().invoke(app, ["score", str(_reproducer(tmp_path)), "--format", "json", "--jobs", jobs])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [a["id"] for a in document["articles"]] == ["bad", "good"]
    assert document["errors"] == []


@pytest.mark.parametrize("format", ["json", "jsonl"])
def test_the_command_lists_an_article_that_failed_and_scores_the_rest(tmp_path, monkeypatch, format) -> None:
    monkeypatch.setattr(framing.text, "normalise", without_folding)  # as before the fix: the first row panics
    corpus = _reproducer(tmp_path)
    result = CliRunner().invoke(app, ["score", str(corpus), "--format", format])
    assert result.exit_code == 0, result.output
    reason = "could not be analysed: the sentence splitter failed on characters 0-3: PanicException"
    assert f"skipped {corpus}:1: {reason}" in result.stderr
    assert "1 input(s) could not be read; 1 scored" in result.stderr
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    if format == "jsonl":
        assert [json.loads(line)["id"] for line in lines] == ["good"]
    else:
        document = json.loads(result.stdout)
        assert [a["id"] for a in document["articles"]] == ["good"]
        assert [e["source"] for e in document["errors"]] == [f"{corpus}:1"]
        assert document["errors"][0]["reason"].startswith(reason)


def test_the_failed_article_is_listed_in_the_comparison_report(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(framing.text, "normalise", without_folding)
    corpus = _reproducer(tmp_path)
    result = CliRunner().invoke(app, ["compare", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [e["source"] for e in json.loads(result.stdout)["errors"]] == [f"{corpus}:1"]


NESTED = "[" * 1000 + "]" * 1000


def test_a_deeply_nested_model_card_is_a_model_error(tmp_path) -> None:
    card = tmp_path / "model.json"
    card.write_text(NESTED, encoding="utf-8")
    with pytest.raises(ModelError, match="nests arrays or objects too deeply"):
        framing.load_model(card)


def test_a_deeply_nested_tagger_card_is_a_model_error(tmp_path) -> None:
    card = tmp_path / "tagger.json"
    card.write_text('{"format": ' + NESTED + "}", encoding="utf-8")
    with pytest.raises(ModelError, match="tagger's card: its JSON nests arrays or objects too deeply"):
        framing.load_tagger(card)


def test_a_deeply_nested_model_card_on_the_command_line_is_one_line(tmp_path) -> None:
    card = tmp_path / "model.json"
    card.write_text(NESTED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "framing", "score", "seeds", "--model", str(card)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr == f"error: {card} is not a framing model: its JSON nests arrays or objects too deeply to be read\n"


FUZZ = benchmark("fuzz")
HOSTILE_PIECE = st.one_of(
    st.sampled_from(FUZZ.FRAGMENTS),
    st.text(alphabet=FUZZ.SPECIAL, min_size=1, max_size=4),
    st.characters(),  # any code point, surrogate halves included
    st.builds(operator.mul, st.sampled_from(FUZZ.RUN_CHARS), st.integers(2, 3000)),  # a long run of one character
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzAQZ\u00e9", min_size=30, max_size=3000),  # a long word
)


@settings(max_examples=120, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(HOSTILE_PIECE, max_size=30).map("".join))
def test_hostile_text_gives_an_analysis_whose_spans_slice_it(text: str) -> None:
    """Panic spaces, controls, bidi, zero-width and combining marks, open quotes, HTML, runs: no crash."""
    try:
        analysis = framing.analyze(text)
    except AnalysisError:
        raise  # a stage failed on the text (a splitter panic is one): the thing this test exists to catch
    except FramingError:
        return  # framing's documented refusal
    assert list(FUZZ.violations(text, analysis)) == []


def test_a_paragraph_longer_than_sentencex_s_window_keeps_its_sentences() -> None:
    # sentencex's time grows faster than one paragraph's length, so long ones are split in windows
    sentences = [s.text for s in framing.build_doc(seed_text("003")).body if '"' not in s.text]
    paragraph = " ".join(sentences * 30)
    assert len(paragraph) > 3 * framing.text._WINDOW
    assert [s.text for s in framing.build_doc(paragraph).sentences] == sentences * 30


def test_a_byline_of_many_runs_of_spaces_is_read_in_one_pass() -> None:
    """The second read's reproducer: a byline pattern that let a run of spaces split two ways took 87 s on
    these 200 characters (6 gaps of 12 spaces and tabs); each gap is now one way to read."""
    byline = "By A" + (" \t" * 12 + "b") * 6 + " x!"
    doc = build_doc(f"Intro sentence here.\n\n{byline}\n\nThe minister said so.")
    assert (doc.sentences[-1].text, doc.sentences[-1].kind) == ("The minister said so.", "body")
