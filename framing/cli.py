"""The ``framing`` command: parse options, call the library, render, map errors to exit codes.

Exit codes: 0 ok, 1 input or domain error (nothing could be scored, or a
problem with ``--strict``), 2 usage. Results go to stdout; logs, warnings and
progress go to stderr, every line of it through :func:`_say`, which shows
control characters from file names and articles as visible escapes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .actor_frames import actor_frames
from .actor_tone import ToneScorer, model_tone, word_tone
from .actor_table import ActorTable, load_actor_table
from .cli_model import evaluate as evaluate_command
from .cli_model import train as train_command
from .cli_progress import Progress, above_progress
from .compare import compare as build_comparison
from .errors import FramingError, InputError, ModelError, OutputError
from .features import families
from .model import Model, load_model, shipped_model_names, with_model
from .io import (
    DEFAULT_MAX_BYTES,
    SCHEMA_VERSION,
    check_writable,
    dumps,
    jsonl_line,
    path_text,
    read_corpus,
    with_outlet,
    write_atomic,
)
from .outlets import unknown_outlet_notice
from .records import analysis_record, error_record
from .runner import analyze_corpus, analyze_parallel
from .report import markdown_text, terminal, write_markdown_report
from .report.actors import actor_listing
from .report.json import comparison_record
from .report.markdown import Detail
from .report.tables import check_table_folder, write_csv_tables
from .report.terminal import message_line
from .scoring import explain as explain_index
from .scoring import index_names
from .tagger import SHIPPED, SHIPPED_LOADED, shipped_loaded_tagger, shipped_tagger
from .lexical_tone import shipped_lexical_tone
from .target_tone import shipped_target_tone
from .types import Analysis, Article, ReadError

EPILOG = (
    "Exit codes: 0 done; 1 an input or domain error (nothing could be scored, a model that cannot be "
    "used, an output that cannot be written, --strict with an input that could not be read); "
    "2 a usage error (an unknown option, a bad value).\n\n"
    f"Shipped models: {', '.join(shipped_model_names())} (--model NAME); "
    f"taggers {SHIPPED} and {SHIPPED_LOADED} (--tagger); the target-tone model (--tone-model)."
)

app = typer.Typer(
    name="framing",
    help=(
        "Measure how news outlets frame the same story: hedging, attribution, loaded "
        "wording, readability and tone, each count with the sentences that made it.\n\n"
        "Examples:\n\n"
        "  framing score seeds\n\n"
        "  framing score article.html --format json\n\n"
        "  cat article.txt | framing score - --explain hedging\n\n"
        "  framing compare seeds --output reports/seeds.md"
    ),
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CompareFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


class CompareDetail(str, Enum):
    summary = "summary"
    full = "full"


Paths = Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Largest article accepted, in bytes.")
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Exit with 1 if any input could not be read.")
]
Jobs = Annotated[
    int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 = every core, 1 = this process.")
]
FollowLinks = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="Read symbolic links in a directory that point outside it (by default they are listed, not read).",
    ),
]
ActorsFile = Annotated[
    Path | None,
    typer.Option(
        "--actors",
        help="Your own actor table, a .toml or .csv file (alias, actor, group): it extends the shipped one, "
        "so your groups ('Russian government': Putin, the Kremlin, ...) become actors of their own. Its names are "
        "found wherever written ('rebels'), and compare shows each of its groups in every story that names it.",
    ),
]
Quiet = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Show no progress on stderr (warnings and errors still show)."),
]
Tagger = Annotated[
    bool,
    typer.Option(
        "--tagger",
        help="Let the fine-tuned taggers find attribution cues and loaded words, not only the rules and the "
        "lexicon: more found (held-out F1: PolNeAR cues 0.82 vs 0.74; loaded words PTC 0.41 vs 0.33, "
        "BABE 0.53 vs 0.42), about 350 ms an article.",
    ),
]
ToneModel = Annotated[
    bool,
    typer.Option(
        "--tone-model",
        help="Score the tone toward each actor with the fine-tuned target-tone model (held-out NewsMTSC macro F1 "
        "0.77), not the lexical model of the words around each mention (0.65): about a second an article "
        "against a few milliseconds.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Measure how news outlets frame the same story."""


@app.command(epilog=EPILOG)
def score(
    paths: Paths,
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.table,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Set the outlet of every article read.")
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            help="List the evidence of one family (hedging, attribution, loaded, readability, tone) "
            "or index (index.skepticism, ...), sentence by sentence; 'actors' lists each actor with its "
            "mentions and how the article frames it.",
        ),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option("--model", "-m", help="Add a trained model's class probabilities (see framing train)."),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    strict: Strict = False,
    jobs: Jobs = 1,
    tagger: Tagger = False,
    follow_links: FollowLinks = False,
    actors: ActorsFile = None,
    tone_model: ToneModel = False,
    quiet: Quiet = False,
) -> None:
    """Score articles: one row per article with its features.

    Every article and every error names its source (the file, plus the line or
    row for corpus files). With --format json the output is one document:
    {"schema_version": 1, "articles": [...], "errors": [...]}.
    """
    if explain == "model" and model is None:
        _fail("--explain model lists what a trained model found in each article: give the model with "
              f"--model (e.g. --model {shipped_model_names()[0]})", 2)
    choices = [*families(), "actors", *index_names(), *(["model"] if model else [])]
    if explain is not None and explain not in choices:
        _fail(f"unknown family or index {explain!r} for --explain; choose one of {', '.join(choices)}", 2)
    if explain is not None and format is not ScoreFormat.table:
        _fail(f"--explain prints a listing for the terminal and cannot be combined with --format "
              f"{format.value}; the JSON formats already carry every evidence item", 2)
    if tone_model and explain != "actors":
        _fail("--tone-model scores the tone toward each actor, which score lists with --explain actors "
              "(framing compare uses it in its actor table)", 2)
    loaded = load_model(model) if model else None
    _check_tagger(tagger)
    tone = _tone_scorer(tone_model) if explain == "actors" else word_tone  # only the actor listing reads tone
    table = _actor_table(actors)
    errors: list[ReadError] = []
    progress = Progress(quiet=quiet)
    if format is ScoreFormat.jsonl:
        scored = 0  # streamed: nothing is kept, so memory stays flat on any corpus size
        # the count is of inputs read, which runs a few chunks ahead of the lines written with --jobs
        lines = _jsonl_lines(paths, outlet, max_bytes, errors, jobs, loaded, tagger, follow_links, progress, table)
        for line in lines:
            sys.stdout.write(line)
            scored += 1
    else:
        articles = _read(paths, outlet, max_bytes, errors, follow_links, progress)
        stream = _analysed(articles, errors, jobs, tagger, table)
        if loaded is not None:
            stream = (with_model(a, loaded) for a in stream)
        analyses = list(progress.track(stream, "analysing", len(articles), label=_source))
        _print_scores(analyses, errors, format, explain, tone)
        scored = len(analyses)
    _finish(scored, errors, strict)


@app.command(epilog=EPILOG)
def compare(
    paths: Paths,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here (else stdout).")
    ] = None,
    format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Report format.")
    ] = CompareFormat.markdown,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model", "-m", help="Also report what a trained model says of each outlet (see framing train)."
        ),
    ] = None,
    detail: Annotated[
        CompareDetail,
        typer.Option(
            "--detail",
            help="summary: the report, with every table in full in an appendix file beside it "
            "(REPORT_appendix.md); full: the appendix at the end of the report itself.",
        ),
    ] = CompareDetail.summary,
    csv_dir: Annotated[
        Path | None,
        typer.Option("--csv-dir", help="Also write each table as a tidy CSV file (long format) into this folder."),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    strict: Strict = False,
    jobs: Jobs = 1,
    tagger: Tagger = False,
    follow_links: FollowLinks = False,
    actors: ActorsFile = None,
    tone_model: ToneModel = False,
    quiet: Quiet = False,
) -> None:
    """Compare outlets story by story and write a report."""
    if output is not None:
        _check_writable(output)
    if csv_dir is not None:
        _check_table_folder(csv_dir)
    depth: Detail = "full" if detail is CompareDetail.full else "summary"
    loaded = load_model(model) if model else None
    _check_tagger(tagger)
    tone = _tone_scorer(tone_model)
    errors: list[ReadError] = []
    progress = Progress(quiet=quiet)
    articles = _read(paths, None, max_bytes, errors, follow_links, progress)
    table = _actor_table(actors)
    stream = _analysed(articles, errors, jobs, tagger, table)
    if loaded is not None:
        stream = (with_model(a, loaded) for a in stream)  # here, so the progress count includes the model
    analyses = list(progress.track(stream, "analysing", len(articles), label=_source))
    if not analyses:
        _finish(0, errors, strict)
    with progress.step("comparing"):
        comparison = build_comparison(
            analyses, errors, model=loaded, tone=tone, groups=table.user_groups if table else ()
        )
    if comparison.n_articles == 0:
        _fail("nothing to compare: no article is in English (see the warnings above)", 1)
    command = "framing compare " + " ".join(_shown(p) for p in paths)
    if model:
        command += f" --model {_shown(str(model))}"
    if tagger:
        command += " --tagger"
    if follow_links:
        command += " --follow-links"  # it changes what is read, so the report's command says so
    if actors:
        command += f" --actors {_shown(str(actors))}"
    if tone_model:
        command += " --tone-model"
    if format is CompareFormat.json:
        with progress.step("writing"):
            text = dumps(comparison_record(comparison))
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text)
            _say(f"wrote {path_text(output)}")
    elif output is None:
        if format is CompareFormat.html:
            _fail("--format html writes a page with charts beside it: give --output FILE.html", 2)
        with progress.step("writing"):
            text = markdown_text(comparison, command=command, detail=depth)
        sys.stdout.write(text)
    else:
        html = format is CompareFormat.html
        with progress.step("charting and writing"):
            written = write_markdown_report(comparison, output, command=command, html=html, detail=depth)
        for path in written:
            _say(f"wrote {path_text(path)}")
    if csv_dir is not None:
        for path in write_csv_tables(comparison, csv_dir):
            _say(f"wrote {path_text(path)}")
    _finish(len(analyses), errors, strict)


def _shown(path: str) -> str:
    """An input as the report shows it: as typed, but never an absolute path."""
    return path_text(Path(path).name if Path(path).is_absolute() else path)


app.command("train", epilog=EPILOG)(train_command)
app.command("evaluate", epilog=EPILOG)(evaluate_command)


def _check_writable(output: Path) -> None:
    """Refuse an output that cannot be written before the scoring, not after it."""
    try:
        check_writable(output)
    except OutputError as error:
        _fail(str(error), 1)


def _check_table_folder(folder: Path) -> None:
    """Refuse a --csv-dir that cannot be made or written before the scoring, not after it."""
    try:
        check_table_folder(folder)
    except OutputError as error:
        _fail(str(error), 1)


def _check_tagger(tagger: bool) -> None:
    """Load the shipped taggers before any article is read, so a broken install fails at once."""
    if tagger:
        try:
            shipped_tagger()
            shipped_loaded_tagger()
        except ModelError as error:
            _fail(f"cannot use --tagger: {error}", 1)


def _tone_scorer(tone_model: bool) -> ToneScorer:
    """The lexical target-tone model, or with ``--tone-model`` the fine-tuned one, loaded before any article
    is read so that a broken install fails at once."""
    try:
        shipped_target_tone() if tone_model else shipped_lexical_tone()
    except ModelError as error:
        _fail(f"cannot use {'--tone-model' if tone_model else 'the lexical tone model'}: {error}", 1)
    return model_tone if tone_model else word_tone


def _actor_table(path: Path | None) -> ActorTable | None:
    """The user's actor table, read once before any article (None: the shipped one)."""
    if path is None:
        return None
    try:
        return load_actor_table(path)
    except InputError as error:
        _fail(f"cannot use --actors: {error}", 1)


def _read(
    paths: list[str],
    outlet: str | None,
    max_bytes: int,
    errors: list[ReadError],
    follow_links: bool,
    progress: Progress,
) -> list[Article]:
    """Every article that can be read, kept: the commands that call this keep every result anyway."""
    return list(_readable(paths, outlet, max_bytes, errors, follow_links, progress.tracker("reading")))


def _source(analysis: Analysis) -> str:
    """Where an analysis came from, for the progress line."""
    return analysis.article.source


def _analysed(
    articles: list[Article] | Iterator[Article],
    errors: list[ReadError],
    jobs: int,
    tagger: bool = False,
    actors: ActorTable | None = None,
) -> Iterator[Analysis]:
    """Analyse the articles, in input order; warnings and failed articles go to stderr."""
    failed: list[ReadError] = []
    for analysis in analyze_corpus(articles, jobs=jobs, tagger=tagger, errors=failed, actors=actors):
        _skip_failed(failed, errors)
        _warn(analysis.article.source, analysis.warnings)
        yield analysis
    _skip_failed(failed, errors)


def _jsonl_lines(
    paths: list[str],
    outlet: str | None,
    max_bytes: int,
    errors: list[ReadError],
    jobs: int,
    model: Model | None,
    tagger: bool,
    follow_links: bool,
    progress: Progress,
    actors: ActorTable | None = None,
) -> Iterator[str]:
    """The ``--format jsonl`` lines, made where the article is analysed; warnings go to stderr.

    With ``--jobs``, workers send back only the line and the warnings, not the
    whole analysis, which leaves this process less to receive. A model stays in
    this process: sending it with every chunk would cost more than it saves.
    """
    articles = _readable(paths, outlet, max_bytes, errors, follow_links, progress.tracker("scoring"))
    if model is not None:
        for analysis in _analysed(articles, errors, jobs, tagger, actors):
            yield jsonl_line(analysis_record(with_model(analysis, model)))
        return
    failed: list[ReadError] = []
    for source, warnings, line in analyze_parallel(
        articles, jobs, then=jsonl_output, tagger=tagger, errors=failed, actors=actors
    ):
        _skip_failed(failed, errors)
        _warn(source, warnings)
        yield line
    _skip_failed(failed, errors)


def _skip_failed(failed: list[ReadError], errors: list[ReadError]) -> None:
    """Move articles whose analysis failed to ``errors``, saying so as a read error is said."""
    for item in failed:
        errors.append(item)
        _say(f"skipped {item.source}: {item.reason}")
    failed.clear()


def jsonl_output(analysis: Analysis) -> tuple[str, tuple[str, ...], str]:
    """An analysis's source, warnings and ``--format jsonl`` line: all the command prints of it."""
    return analysis.article.source, analysis.warnings, jsonl_line(analysis_record(analysis))


def _warn(source: str, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        _say(f"warning: {source}: {warning}")


def _readable(
    paths: list[str],
    outlet: str | None,
    max_bytes: int,
    errors: list[ReadError],
    follow_links: bool,
    track: Callable[[Iterable[Article | ReadError], Sequence[str]], Iterator[Article | ReadError]],
) -> Iterator[Article]:
    """The articles that can be read; what cannot is collected and reported on stderr.

    ``outlet`` replaces every article's outlet; the user is told when it is not
    a known outlet and when it overrides an outlet the input itself names.
    """
    if outlet and (notice := unknown_outlet_notice(outlet)):
        _say(f"warning: {notice}")
    items = read_corpus(paths, max_bytes=max_bytes, follow_links=follow_links)
    for item in track(items, paths):
        if isinstance(item, ReadError):
            errors.append(item)
            _say(f"skipped {item.source}: {item.reason}")
            continue
        if not outlet:
            yield item
            continue
        chosen = with_outlet(item, outlet)
        if item.outlet_source in ("manifest", "metadata") and item.outlet != chosen.outlet:
            _warn(item.source, (f"--outlet {chosen.outlet!r} replaces the outlet its "
                                f"{item.outlet_source} names, {item.outlet!r}",))
        yield chosen


def _print_scores(
    analyses: list[Analysis], errors: list[ReadError], format: ScoreFormat, explain: str | None, tone: ToneScorer
) -> None:
    if format is ScoreFormat.json:
        document = {
            "schema_version": SCHEMA_VERSION,
            "articles": [analysis_record(a) for a in analyses],
            "errors": [error_record(e) for e in errors],
        }
        sys.stdout.write(dumps(document))
    elif format is ScoreFormat.csv:
        sys.stdout.write(terminal.score_csv(analyses))
    elif explain in index_names():
        sys.stdout.write("\n".join(
            terminal.explain_index(a, explain_index(a, explain)) for a in analyses if not a.not_applicable
        ))
    elif explain == "actors":
        sys.stdout.write("\n".join(
            actor_listing(a, actor_frames(a, tone=tone)) for a in analyses if not a.not_applicable
        ))
    elif explain:
        sys.stdout.write("\n".join(terminal.explain(a, explain) for a in analyses))
    elif analyses:
        sys.stdout.write(terminal.score_table(analyses))


def _finish(scored: int, errors: list[ReadError], strict: bool) -> None:
    if errors:
        _say(f"{len(errors)} input(s) could not be read; {scored} scored")
    if not scored:
        _fail("nothing could be scored", 1)
    if strict and errors:
        _fail("--strict: some inputs could not be read", 1)


def _fail(message: str, code: int) -> NoReturn:
    _say(f"error: {message}")
    raise typer.Exit(code)


def _say(message: str) -> None:
    """One line on stderr, control characters from file names and articles shown, not obeyed.

    A progress bar on the terminal is cleared for the line and drawn again below it.
    """
    with above_progress():
        typer.echo(message_line(message), err=True)


def main() -> None:
    """Entry point: run the app; expected errors become one line on stderr and exit 1."""
    try:
        app()
    except FramingError as error:
        _say(f"error: {error}")
        sys.exit(1)
    except OSError as error:  # an output that cannot be written: no permission, disk full
        where = f" {path_text(error.filename)}" if error.filename else ""
        _say(f"error: cannot write{where}: {error.strerror or error}")
        sys.exit(1)

