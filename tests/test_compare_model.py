"""`framing compare --model`: what the shipped bias model says of each outlet, checked against `framing score`."""

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app
from framing.compare.model import MODEL_SENTENCES, classes_of_interest
from framing.model import score_article, with_model
from framing.report import markdown_text
from framing.report.html import to_html
from framing.report.json import comparison_record
from framing.training import read_labelled, train
from tests.conftest import ROOT, SEEDS
from tests.test_model import write_tiny_data

SHIPPED = ROOT / "models" / "sentence-bias.json"
needs_shipped = pytest.mark.skipif(not SHIPPED.is_file(), reason="models/sentence-bias.json has not been trained yet")
runner = CliRunner()
BIASED = "model.sentence-bias.Biased"
# a sentence the shipped model gives Biased at 0.996, carrying a table pipe and a script tag
HOSTILE = "The radical | <script>alert(1)</script> mob of far-left thugs shamelessly destroyed the city again."


def _json(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def model():
    return framing.load_model("sentence-bias")


@pytest.fixture(scope="module")
def scored():
    """`framing score seeds --model sentence-bias --format json`: the per-article figures to match."""
    return _json("score", SEEDS, "--model", "sentence-bias", "--format", "json")["articles"]


@pytest.fixture(scope="module")
def compared():
    return _json("compare", SEEDS, "--model", "sentence-bias", "--format", "json")["model"]


@pytest.fixture(scope="module")
def analyses():
    return list(framing.analyze_corpus(framing.load_corpus(SEEDS)))


def _outlets(compared):
    return {(story["story"], o["outlet"]): o for story in compared["stories"] for o in story["outlets"]}


@needs_shipped
def test_each_outlets_mean_is_what_score_gives_its_articles(scored, compared):
    expected = defaultdict(list)
    for article in scored:
        expected[(article["story"], article["outlet"])].append(article["features"][BIASED])
    outlets = _outlets(compared)
    assert sorted(outlets) == sorted(expected)
    for key, values in expected.items():
        assert outlets[key]["n"] == len(values)
        assert outlets[key]["mean"] == {"Biased": pytest.approx(sum(values) / len(values), abs=2e-6)}
    # read in the score output: the Observer's article is the most biased by the model, The Guardian's least
    means = {outlet: o["mean"]["Biased"] for (_, outlet), o in outlets.items()}
    assert max(means, key=means.get) == "Observer" and means["Observer"] == pytest.approx(0.378, abs=0.005)
    assert min(means, key=means.get) == "The Guardian"
    assert means["The Guardian"] == pytest.approx(0.187, abs=0.005)


@needs_shipped
def test_quoted_sentences_are_the_articles_own_and_the_most_confident(scored, compared):
    evidence = defaultdict(list)
    for article in scored:
        for e in article["evidence"]:
            if e["family"] == "model" and e["label"] == "Biased":
                evidence[(article["story"], article["outlet"])].append(
                    (-e["attrs"]["probability"], article["source"], e["start"], e["text"])
                )
    for key, outlet in _outlets(compared).items():
        quoted = outlet["sentences"]["Biased"]
        assert len(quoted) <= MODEL_SENTENCES
        for sentence in quoted:
            text = Path(sentence["excerpt"]["source"]).read_text(encoding="utf-8")
            assert text[sentence["start"]:sentence["end"]] == sentence["excerpt"]["text"]
        shown = [(-s["probability"], s["excerpt"]["source"], s["start"], s["excerpt"]["text"]) for s in quoted]
        assert shown == sorted(evidence[key])[:MODEL_SENTENCES]
    outlets = {outlet: o for (_, outlet), o in _outlets(compared).items()}
    # the Observer's most confident: "... even after the president gassed his own people ..." (sentence 16)
    top = outlets["Observer"]["sentences"]["Biased"][0]
    assert "gassed his own people" in top["excerpt"]["text"] and top["excerpt"]["sentence"] == 15
    # one Business Recorder sentence is more likely Biased than not: "... shore up the Syrian regime's crumbling forces"
    (only,) = outlets["Business Recorder"]["sentences"]["Biased"]
    assert "regime's crumbling forces" in only["excerpt"]["text"] and 0.5 < only["probability"] < 0.6


@needs_shipped
def test_the_library_takes_analyses_with_or_without_the_models_features(model, analyses, compared):
    carried = framing.compare([with_model(a, model) for a in analyses], model=model)
    plain = framing.compare(analyses, model=model)
    assert carried.model == plain.model
    assert comparison_record(plain)["model"] == compared
    assert framing.compare(analyses).model is None and "model" not in comparison_record(framing.compare(analyses))


@needs_shipped
def test_the_report_names_the_model_its_card_figures_and_what_the_figure_is(model, analyses):
    text = markdown_text(framing.compare(analyses, model=model), command="framing compare seeds")
    section = text[text.index("## What the trained model flags"):text.index("## Method and caveats")]
    metrics = model.card["metrics"]
    assert f"{metrics['stratified']['f1_weighted']:.3f} with stratified folds" in section  # 0.802
    assert f"{metrics['grouped']['f1_weighted']:.3f} with folds grouped by outlet" in section  # 0.785
    assert "mean, over its body sentences" in section and "BABE" in section
    assert "a model's estimates, not a rule's counts" in section
    assert "| Observer | 1 | 0.378 |" in section and "| Business Recorder | 1 | 0.192 |" in section
    assert "**Business Recorder**, the sentences most confidently Biased:" in section
    # CBC's two flagged sentences are Putin's words inside quotation marks; the Observer's are its own narration
    assert '“"The motherland is proud of you."” (002\\_720a579d1653449e.txt, sentence 12): 0.595 (quoted speech)' in section
    observer = section[section.index("**Observer**"):section.index("**Reuters**")]
    assert "gassed his own people" in observer and "(quoted speech)" not in observer
    assert "[What the trained model flags](#what-the-trained-model-flags)" in text


@needs_shipped
def test_an_outlet_without_a_biased_sentence_is_said_to_have_none(tmp_path):
    # the model gives these two plain sentences Biased 0.02 and 0.25
    (tmp_path / "plain.txt").write_text(
        "Officials said the council met on Tuesday to discuss the budget. The council will meet again next week.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compare", str(tmp_path), "--model", "sentence-bias"])
    assert result.exit_code == 0, result.output
    assert ": no sentence is classed Biased." in result.stdout


@needs_shipped
def test_evidence_sentences_are_escaped_and_ties_go_to_the_earlier_source_and_offset(tmp_path):
    article = f"Officials said the council met on Tuesday to discuss the budget. {HOSTILE} " \
              f"The council will meet again next week. {HOSTILE}\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(article, encoding="utf-8")
    result = runner.invoke(app, ["compare", str(tmp_path), "--model", "sentence-bias"])
    assert result.exit_code == 0, result.output
    report = result.stdout
    section = report[report.index("## What the trained model flags"):report.index("## Method and caveats")]
    escaped = "The radical \\| &lt;script&gt;alert\\(1\\)&lt;/script&gt; mob"
    quoted = [line for line in section.splitlines() if line.startswith("- ")]
    # the same sentence twice in each of two articles: a.txt's two first (by offset), then b.txt's first
    assert [line.split("(", 2)[-1].split(")")[0] for line in quoted] == [
        "a.txt, sentence 2", "a.txt, sentence 4", "b.txt, sentence 2",
    ]
    assert all(escaped in line for line in quoted)
    assert "<script>" not in report and " | <" not in report
    page = to_html(report)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@needs_shipped
def test_a_model_that_cannot_be_loaded_is_one_line_and_exit_1(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "framing", "compare", str(SEEDS), "--model", str(tmp_path / "nowhere.json")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"error: model file {str(tmp_path / 'nowhere.json')!r} does not exist"]


def test_classes_of_interest_leave_out_a_class_that_negates_another():
    assert classes_of_interest(["Biased", "Non-biased"]) == ("Biased",)
    assert classes_of_interest(["not loaded", "loaded", "neutral"]) == ("loaded", "neutral")
    assert classes_of_interest(["left", "centre", "right"]) == ("left", "centre", "right")
    assert classes_of_interest(["biased", "unbiased"]) == ("biased",)
    assert classes_of_interest(["No_bias", "Bias"]) == ("Bias",)
    assert classes_of_interest(["note", "neutral"]) == ("note", "neutral")


def test_a_document_level_model_shows_every_class_and_quotes_no_sentence(tmp_path, analyses):
    data = read_labelled(write_tiny_data(tmp_path), label_column="label", group_column="outlet")
    tiny = train(data, name="tiny", folds=4, seed=0, level="document", licence="CC0-1.0", command="tiny").model
    comparison = framing.compare(analyses, model=tiny)
    assert comparison.model.shown == ("Loaded", "Neutral")  # neither names the other's absence
    by_source = {a.article.source: score_article(tiny, a)[0] for a in analyses}
    for story in comparison.model.stories:
        for outlet in story.outlets:
            (source,) = [a.article.source for a in analyses if a.article.outlet == outlet.outlet]
            assert outlet.mean == {c: pytest.approx(by_source[source][f"model.tiny.{c}"]) for c in ("Loaded", "Neutral")}
            assert outlet.sentences == {"Loaded": (), "Neutral": ()}
    text = markdown_text(comparison, command="framing compare seeds")
    section = text[text.index("## What the trained model flags"):text.index("## Method and caveats")]
    assert "| outlet | articles | mean P\\(Loaded\\) | mean P\\(Neutral\\) |" in section
    assert "document-level model gives its body, read as one text" in section and "It quotes no sentences." in section
    assert "\n- " not in section and "not shown" not in section
