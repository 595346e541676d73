"""Progress on stderr: plain lines in a log, nothing with --quiet, never a byte on stdout."""

import json

from typer.testing import CliRunner

from framing.cli import app

runner = CliRunner()
EVERY_ITEM = {"FRAMING_PROGRESS_INTERVAL": "0"}  # a line for every item, as a long run logs every few seconds

TEXTS = {
    "a_reuters.txt": "LONDON (Reuters) - The central bank raised interest rates on Thursday, officials said. "
    "Analysts said the move may slow inflation.",
    "b_ap.txt": "WASHINGTON (AP) - Lawmakers passed the budget late on Friday. "
    "Critics claimed the cuts would hurt schools.",
}


def corpus(tmp_path, texts=TEXTS):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def progress_lines(stderr, phase):
    return [line for line in stderr.splitlines() if line.startswith(f"{phase}: ")]


def test_jsonl_scoring_logs_count_total_rate_and_time_left(tmp_path, no_network):
    result = run("score", corpus(tmp_path), "--format", "jsonl", env=EVERY_ITEM)
    assert result.exit_code == 0, result.output
    lines = progress_lines(result.stderr, "scoring")
    assert lines[0].startswith("scoring: 1/2 articles [")
    assert "a_reuters.txt" in lines[0] and "b_ap.txt" in lines[1]
    assert lines[-1].startswith("scoring: 2/2 articles [") and "articles/s]" in lines[-1]
    assert "<" in lines[-1]  # elapsed<time left
    assert [json.loads(line)["outlet"] for line in result.stdout.splitlines()] == ["Reuters", "The Associated Press"]


def test_progress_never_changes_stdout(tmp_path, no_network):
    folder = corpus(tmp_path)
    for format in ("jsonl", "json", "csv", "table"):
        logged = run("score", folder, "--format", format, env=EVERY_ITEM)
        quiet = run("score", folder, "--format", format, "--quiet", env=EVERY_ITEM)
        assert logged.stdout == quiet.stdout and "articles/s" not in logged.stdout
        assert progress_lines(logged.stderr, "reading" if format != "jsonl" else "scoring")


def test_compare_logs_each_phase_and_quiet_silences_them(tmp_path, no_network):
    folder = corpus(tmp_path)
    result = run("compare", folder, "--format", "json", env=EVERY_ITEM)
    assert result.exit_code == 0, result.output
    assert progress_lines(result.stderr, "reading")[-1].startswith("reading: 2/2 articles")
    assert progress_lines(result.stderr, "analysing")[-1].startswith("analysing: 2/2 articles")
    assert "comparing..." in result.stderr.splitlines() and progress_lines(result.stderr, "comparing")
    quiet = run("compare", folder, "--format", "json", "-q", env=EVERY_ITEM)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == result.stdout


def test_a_short_run_logs_nothing_at_the_default_interval(tmp_path, no_network):
    result = run("score", corpus(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0 and result.stderr == ""


def test_file_names_in_progress_lines_show_control_characters_escaped(tmp_path, no_network):
    folder = corpus(tmp_path, {"evil\x1b[2Jname.txt": TEXTS["a_reuters.txt"]})
    result = run("score", folder, "--format", "csv", env=EVERY_ITEM)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr
    assert "evil\\x1b[2Jname.txt" in progress_lines(result.stderr, "analysing")[0]


def test_the_total_counts_a_corpus_file_s_records_and_its_bad_lines(tmp_path, no_network):
    records = [json.dumps({"id": name, "text": text}) for name, text in TEXTS.items()]
    (tmp_path / "corpus.jsonl").write_text("\n".join([records[0], "{not json", "", records[1]]) + "\n",
                                          encoding="utf-8")
    result = run("score", tmp_path / "corpus.jsonl", "--format", "jsonl", env=EVERY_ITEM)
    assert result.exit_code == 0, result.output
    lines = progress_lines(result.stderr, "scoring")
    assert [line.split(" [")[0] for line in lines[:3]] == [
        "scoring: 1/3 articles", "scoring: 2/3 articles", "scoring: 3/3 articles"]  # the blank line is no item
    assert len(result.stdout.splitlines()) == 2 and "corpus.jsonl:2: malformed JSON" in result.stderr
