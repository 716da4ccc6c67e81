"""The ``nyhetsgraf`` command line: a thin layer over ``nyhetsgraf.pipeline``, ``store`` and ``render``.

stdout carries only results (JSON Lines, tables, reports); messages, warnings and progress go
to stderr. Errors a user can hit end in a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from nyhetsgraf import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from nyhetsgraf.extract import ExtractConfig
    from nyhetsgraf.ingest import Problem
    from nyhetsgraf.pipeline import IngestSummary
    from nyhetsgraf.records import Article, Facts
    from nyhetsgraf.store import Store

EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
DEFAULT_DB = "nyhetsgraf.db"

app = typer.Typer(
    name="nyhetsgraf",
    help="Turn Norwegian news into a structured, source-linked record of who did what, to whom, where, "
         "when and how many.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    pretty = "pretty"
    html = "html"


class ShowFormat(StrEnum):
    pretty = "pretty"
    json = "json"


class Language(StrEnum):
    nb = "nb"
    nn = "nn"


def _plain_help() -> None:
    """Help without Typer's type labels ("<list[str]>" after an argument, "{PATH}" in the usage): the
    metavars and help texts already say what to give."""
    from typer.core import TyperArgument

    def no_type_label(self: TyperArgument, ctx: object) -> None:
        return None

    def usage_name(self: TyperArgument) -> str:
        name = self.display_name_raw.upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    TyperArgument.display_type_rich = no_type_label  # type: ignore[method-assign,assignment]
    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]


_plain_help()


# -- small shared pieces ---------------------------------------------------------------------------

def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_INPUT_ERROR) -> NoReturn:
    """One line on stderr, then exit."""
    print(f"nyhetsgraf: error: {message}", file=sys.stderr, flush=True)
    raise typer.Exit(code)


def warn_problem(problem: Problem) -> None:
    kind = "error" if problem.fatal else "warning"
    message = " ".join(str(problem.message).split())
    print(f"nyhetsgraf: {kind}: {problem.source}: {message}", file=sys.stderr, flush=True)


def _utf8_stdout() -> TextIO:
    """stdout as UTF-8 whatever the locale says, so Norwegian letters never fail to encode."""
    stream = sys.stdout
    if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")
    return stream


@contextmanager
def _progress(description: str, enabled: bool) -> Iterator[Callable[[str], None] | None]:
    """A rich progress display on stderr, only when stderr is a terminal."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[status]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=_stderr_console(), transient=True) as progress:
        task = progress.add_task(description, status="")

        def update(status: str) -> None:
            progress.update(task, status=status)

        yield update


def _nlp_errors(nlp: bool) -> tuple[type[Exception], ...]:
    """Errors of the NLP stage a user can hit (no trained model); importing them costs nothing without NLP."""
    if not nlp:
        return ()
    from nyhetsgraf.nlp import ModelMissing

    return (ModelMissing,)


def _open_store(db: str, *, create: bool, read_only: bool = False) -> Store:
    from nyhetsgraf.store import StoreError, open_store

    try:
        return open_store(db, create=create, read_only=read_only)
    except StoreError as error:
        fail(str(error))


def _version(value: bool) -> None:
    if value:
        print(f"nyhetsgraf {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn Norwegian news into a structured, source-linked record of facts."""


DbOption = Annotated[str, typer.Option("--db", metavar="PATH|URL",
                                       help="Store: a SQLite file, sqlite:///PATH or postgresql://...")]
PathsArgument = Annotated[list[str], typer.Argument(metavar="PATH",
                                                   help="Input files, folders or globs; '-' reads stdin.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many rows to show.")]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, metavar="N",
                                            help="Processes for NLP and extraction (e.g. one per core).")]
SkipOption = Annotated[list[str] | None, typer.Option(
    "--skip", metavar="EXTRACTOR",
    help="Do not run this extractor (repeatable or comma-separated): quotes, times, counts, events.")]


def _extract_config(skip: list[str] | None, nlp: bool) -> ExtractConfig | None:
    """The extraction configuration of ``--skip``; a usage error for an unknown or needed extractor."""
    if not skip or not nlp:
        return None
    from nyhetsgraf.extract import ConfigError, ExtractConfig

    names = frozenset(name.strip() for item in skip for name in item.split(",") if name.strip())
    config = ExtractConfig(skip=names)
    try:
        config.plan()
    except ConfigError as error:
        fail(str(error), EXIT_USAGE)
    return config


# -- commands --------------------------------------------------------------------------------------

@app.command()
def extract(
    paths: PathsArgument,
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] =
        ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False, metavar="FILE",
                                                help="Write to this file instead of stdout.")] = None,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run NLP and fact extraction.")] = True,
    workers: WorkersOption = 1,
    skip: SkipOption = None,
) -> None:
    """Extract the facts of every article as contract JSON Lines (or a report); nothing is stored."""
    from nyhetsgraf.pipeline import iter_extracted
    from nyhetsgraf.records import article_object

    _refuse_overwriting_an_input(output, paths)
    lost = 0

    def on_problem(problem: Problem) -> None:
        nonlocal lost
        lost += int(problem.lost_input)
        warn_problem(problem)

    objects: list[dict] = []
    stream = _utf8_stdout() if output is None else None
    try:
        handle = stream or output.open("w", encoding="utf-8")  # type: ignore[union-attr]
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    try:
        with _progress("Extracting", enabled=output is not None or not sys.stdout.isatty()) as update:
            pairs = _counted(iter_extracted(paths, nlp=nlp, on_problem=on_problem, workers=workers,
                                            config=_extract_config(skip, nlp)), update, note_foreign=nlp)
            if output_format is ExtractFormat.jsonl:
                for article, facts in pairs:
                    handle.write(json.dumps(article_object(article, facts), ensure_ascii=False) + "\n")
                    handle.flush()
            else:
                from nyhetsgraf.render import renderable

                objects = [renderable(article, facts) for article, facts in pairs]
        if output_format is not ExtractFormat.jsonl:
            _write_report(objects, output_format, handle, to_terminal=output is None)
    except _nlp_errors(nlp) as error:
        fail(str(error))
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:  # e.g. `nyhetsgraf extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    finally:
        if output is not None:
            handle.close()
    if lost:
        raise typer.Exit(EXIT_INPUT_ERROR)


def _refuse_overwriting_an_input(output: Path | None, paths: list[str]) -> None:
    """``-o`` naming one of the inputs would empty it before it is read."""
    if output is None or not output.exists():
        return
    for path in paths:
        if path == "-" or not Path(path).exists():
            continue
        target = Path(path)
        inputs = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()] \
            if target.is_dir() else []
        if any(output.samefile(item) for item in inputs):
            fail(f"the output file {output} is one of the inputs; write to another file", EXIT_USAGE)


_LANGUAGE_NAMES = {"da": "Danish", "sv": "Swedish", "en": "English"}


def _counted(pairs: Iterable[tuple[Article, Facts]], update: Callable[[str], None] | None, *,
             note_foreign: bool = False) -> Iterator[tuple[Article, Facts]]:
    """The pairs, counted on the progress display; an article that is not Norwegian gets a note (its
    facts are empty on purpose, not because nothing was found)."""
    from nyhetsgraf.ingest.language import is_norwegian

    for number, (article, facts) in enumerate(pairs, start=1):
        if update is not None:
            update(f"{number} articles")
        if note_foreign and not is_norwegian(article.language):
            name = _LANGUAGE_NAMES.get(article.language, article.language)
            where = f"{article.document.source} #{article.index}"
            print(f"nyhetsgraf: note: {where}: {name} ({article.language}), not Norwegian; "
                  "no facts extracted", file=sys.stderr, flush=True)
        yield article, facts


def _write_report(objects: list[dict], output_format: ExtractFormat, handle: TextIO, *,
                  to_terminal: bool) -> None:
    if output_format is ExtractFormat.html:
        from nyhetsgraf.render import render_html

        handle.write(render_html(objects))
        return
    from rich.console import Console

    from nyhetsgraf.render import print_pretty

    console = Console(file=handle, highlight=False) if to_terminal else Console(file=handle, width=110,
                                                                                  no_color=True)
    print_pretty(objects, console)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    nlp: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run NLP and fact extraction (slow).")] = True,
    workers: WorkersOption = 1,
    skip: SkipOption = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="local[:N]|tcp://HOST:PORT",
        help="Run on Dask: a local cluster of N worker processes, or the scheduler at an address "
             "(workers need the input files at the same paths; see docs/scaling.md).")] = None,
) -> None:
    """Store articles and all their facts in the database; already stored articles are skipped."""
    from nyhetsgraf.pipeline import IngestSummary
    from nyhetsgraf.pipeline import ingest as run_ingest

    summary = IngestSummary()
    config = _extract_config(skip, nlp)
    if dask is not None:
        _check_dask_option(dask, paths, workers)
    lost = 0

    def count_and_warn(problem: Problem) -> None:
        nonlocal lost
        lost += int(problem.lost_input)
        warn_problem(problem)

    store = _open_store(db, create=True)
    try:
        with store, _progress("Ingesting", enabled=True) as update:
            def on_progress(current: IngestSummary) -> None:
                if update is not None and current.read % 10 == 0:
                    update(f"{current.read} read · {current.new} new · {current.skipped} skipped")

            if dask is None:
                run_ingest(paths, store, nlp=nlp, on_problem=count_and_warn, summary=summary,
                           on_progress=on_progress, workers=workers, config=config)
            else:
                _ingest_on_dask(paths, store, dask, nlp=nlp, config=config, summary=summary, update=update,
                                on_problem=count_and_warn)
    except _nlp_errors(nlp) as error:
        fail(f"{error} ({summary.new} new articles were stored)")
    except KeyboardInterrupt:
        # The store commits on exit, so everything added so far is kept.
        fail(f"interrupted; {summary.new} new articles were stored in {db}, run the same command to resume",
             EXIT_INTERRUPTED)
    _print_summary(summary, db)
    if lost:
        raise typer.Exit(EXIT_INPUT_ERROR)


def _check_dask_option(dask: str, paths: list[str], workers: int) -> None:
    from nyhetsgraf.pipeline_dask import ClusterError, parse_cluster

    try:
        parse_cluster(dask)
    except ClusterError as error:
        fail(str(error), EXIT_USAGE)
    if workers > 1:
        fail("--workers and --dask do not mix: with --dask, the cluster's workers extract", EXIT_USAGE)
    if "-" in paths:
        fail("--dask reads files, not standard input", EXIT_USAGE)


def _ingest_on_dask(paths: list[str], store: Store, cluster: str, *, nlp: bool, config: ExtractConfig | None,
                    summary: IngestSummary, update: Callable[[str], None] | None,
                    on_problem: Callable[[Problem], None] = warn_problem) -> None:
    from nyhetsgraf.pipeline_dask import ClusterError, ingest_on_dask

    def on_progress(current: IngestSummary, done: int, partitions: int) -> None:
        status = (f"{done}/{partitions} partitions · {current.read} read · {current.new} new · "
                  f"{current.skipped} skipped")
        if update is not None:
            update(status)
        elif done == partitions or done % max(1, partitions // 10) == 0:
            print(f"nyhetsgraf: {status}", file=sys.stderr, flush=True)

    try:
        ingest_on_dask(paths, store, cluster=cluster, nlp=nlp, config=config, on_problem=on_problem,
                       summary=summary, on_progress=on_progress)  # type: ignore[arg-type]
    except ClusterError as error:
        fail(str(error))


def _print_summary(summary: IngestSummary, db: str) -> None:
    foreign = f", {summary.not_norwegian} not Norwegian (no facts)" if summary.not_norwegian else ""
    print(f"{summary.read} read, {summary.new} new, {summary.skipped} skipped (already stored), "
          f"{summary.problems} problems{foreign} -> {db}", file=sys.stderr, flush=True)


@app.command()
def reextract(
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="ID", help="Articles (ids or unique prefixes) to extract again.")] = None,
    all_articles: Annotated[bool, typer.Option("--all", help="Every stored article.")] = False,
    missing: Annotated[bool, typer.Option(
        "--missing", help="Articles never extracted (ingested with --no-nlp); the default.")] = False,
    outdated: Annotated[bool, typer.Option(
        "--outdated", help="Missing ones and those extracted by another model or lexicon version.")] = False,
    db: DbOption = DEFAULT_DB,
    workers: WorkersOption = 1,
    skip: SkipOption = None,
) -> None:
    """Extract the facts of stored articles again and replace them (after --no-nlp or an upgrade)."""
    from nyhetsgraf.reextract import ReextractSummary
    from nyhetsgraf.reextract import reextract as run_reextract

    flags = (("--all", all_articles), ("--missing", missing), ("--outdated", outdated))
    chosen = [name for name, flag in flags if flag]
    if len(chosen) > 1 or (chosen and ids):
        fail(f"give article ids or one of --all, --missing, --outdated, not {' and '.join(chosen or ['ids'])}"
             + (" and ids" if chosen and ids else ""), EXIT_USAGE)
    select = "all" if all_articles else "outdated" if outdated else "missing"
    config = _extract_config(skip, True)
    summary = ReextractSummary()
    store = _open_store(db, create=False)
    try:
        with store, _progress("Re-extracting", enabled=True) as update:
            full_ids = None if not ids else [_one_id(store, given) for given in ids]

            def on_progress(current: ReextractSummary) -> None:
                if update is not None:
                    update(f"{current.done} of {current.selected}")

            run_reextract(store, ids=full_ids, select=select, config=config, workers=workers,  # type: ignore[arg-type]
                          summary=summary, on_progress=on_progress)
    except _nlp_errors(True) as error:
        fail(f"{error} ({summary.done} articles were re-extracted)")
    except KeyboardInterrupt:
        fail(f"interrupted; {summary.done} of {summary.selected} articles were re-extracted",
             EXIT_INTERRUPTED)
    foreign = f" ({summary.not_norwegian} not Norwegian: no facts)" if summary.not_norwegian else ""
    print(f"{summary.done} articles re-extracted{foreign} -> {db}", file=sys.stderr, flush=True)
    if summary.failed:
        fail(f"extraction failed for {summary.failed} articles (see the lines above); their stored facts were"
             " kept and `nyhetsgraf reextract --missing` tries them again")


def _one_id(store: Store, given: str) -> str:
    """The full id for an id or unique prefix; a usage error naming the candidates otherwise."""
    candidates = store.matching_ids(given, limit=6)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = ", ".join(candidates[:5]) + (", …" if len(candidates) > 5 else "")
        fail(f"id prefix {given!r} is ambiguous; it matches {listed}: give more characters", EXIT_USAGE)
    fail(f"no article with id {given!r}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words (all must match), "a phrase", '
                                                               'prefix*, -excluded, a OR b.')],
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search with Norwegian stemming: "soldat" also finds "soldatene"."""
    from nyhetsgraf.store import QuerySyntaxError

    with _open_store(db, create=False, read_only=True) as store:
        try:
            hits = store.search(query, limit=limit)
        except QuerySyntaxError as error:
            fail(str(error), EXIT_USAGE)
    if as_json:
        out = _utf8_stdout()
        for hit in hits:
            out.write(json.dumps({"id": hit.id, "title": hit.title, "date": hit.date, "source": hit.source,
                                  "score": hit.score, "snippet": hit.snippet.text,
                                  "highlights": [list(h) for h in hit.snippet.highlights]},
                                 ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if not hits:
        from nyhetsgraf.store.textsearch import shorten

        print(f"no articles match {shorten(query)}", file=sys.stderr)
        return
    if not sys.stdout.isatty():
        _print_lines([hit.id, hit.date or "", hit.title or "", hit.snippet.text] for hit in hits)
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for column, ratio in (("title", 2), ("snippet", 5)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for hit in hits:
        snippet = Text(hit.snippet.text)
        for start, end in hit.snippet.highlights:
            snippet.stylize("bold reverse", start, end)
        table.add_row(hit.id, hit.date or "", hit.title or "", snippet)
    Console(highlight=False).print(table)


def _print_lines(rows: Iterable[list[str]]) -> None:
    """Rows for a pipe: one line each, fields apart by tabs, nothing wrapped or cut."""
    out = _utf8_stdout()
    for row in rows:
        out.write("\t".join(" ".join(field.split()) for field in row) + "\n")


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, metavar="K", help="Skip this many articles.")] = 0,
    after: Annotated[str | None, typer.Option(
        "--after", metavar="ID", help="Start after this article (an id or a unique prefix of one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per article.")] = False,
) -> None:
    """List stored articles with their fact counts, in ingestion order."""
    from rich.console import Console
    from rich.table import Table

    from nyhetsgraf.records import FACT_KINDS

    with _open_store(db, create=False, read_only=True) as store:
        after_id = None
        if after is not None:
            after_id = store.resolve_id(after)
            if after_id is None:
                fail(f"no article with the id or unique id prefix {after[:80]!r} (--after)")
        rows = [row.to_json() for row in store.articles(limit=limit, offset=offset, after=after_id)]
        total = store.count_articles()
    if as_json:
        out = _utf8_stdout()
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        if after_id is not None:
            print(f"no articles after {after_id}", file=sys.stderr)
        elif offset and offset >= total:
            print(f"no articles from --offset {offset}: {total} stored", file=sys.stderr)
        else:
            print(f"no articles in {db}", file=sys.stderr)
        return
    if not sys.stdout.isatty():
        _print_lines([row["id"], row["date"] or "", row["title"] or "", f"{row['source']} #{row['index']}",
                      "/".join(str(row[key]) for key in FACT_KINDS)] for row in rows)
        return
    title = f"articles {offset + 1}–{offset + len(rows)} of {total}" if after_id is None else \
        f"{len(rows)} articles after {after_id} (of {total})"
    table = Table(title=title,
                  title_justify="left", caption=f"facts: {'/'.join(FACT_KINDS)}",
                  caption_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold")
    table.add_column("facts", no_wrap=True, justify="right")
    for row in rows:
        facts = "/".join(str(row[key]) for key in FACT_KINDS)
        source = f"{Path(row['source']).name} #{row['index']}"
        table.add_row(row["id"], row["date"] or "", row["title"] or "", source, facts)
    Console(highlight=False).print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix of it).")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] =
        ShowFormat.pretty,
) -> None:
    """Show one stored article with all its facts."""
    with _open_store(db, create=False, read_only=True) as store:
        candidates = store.matching_ids(article_id, limit=6)
        stored = store.article(candidates[0]) if len(candidates) == 1 else None
    if len(candidates) > 1:
        listed = ", ".join(candidates[:5]) + (", …" if len(candidates) > 5 else "")
        fail(f"id prefix {article_id!r} is ambiguous; it matches {listed}: give more characters", EXIT_USAGE)
    obj = stored.to_json() if stored else None
    if obj is None:
        hint = " (give at least 4 characters of an id)" if len(article_id) < 4 else ""
        fail(f"no article with id {article_id!r} in {db}{hint}")
    if output_format is ShowFormat.json:
        out = _utf8_stdout()
        out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    from nyhetsgraf.render import print_pretty

    print_pretty([obj], Console(highlight=False))


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Row counts and date range of the database, as JSON."""
    with _open_store(db, create=False, read_only=True) as store:
        result = store.stats()
    print(json.dumps(result, ensure_ascii=False, indent=2))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] =
        "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    write: Annotated[bool, typer.Option("--write", help="Allow POST /api/articles (needs a token).")] = False,
    token: Annotated[str | None, typer.Option("--token", envvar="NYHETSGRAF_TOKEN", show_default=False,
                                              help="Bearer token for the write API.")] = None,
) -> None:
    """Serve the web UI and the JSON API (/api/, docs at /docs); the store is read-only unless --write."""
    import socket

    from nyhetsgraf.store import StoreError
    from nyhetsgraf.web import create_app

    if write and not token:
        fail("--write needs a token: --token or the NYHETSGRAF_TOKEN environment variable", EXIT_USAGE)
    try:
        application = create_app(db, write=write, token=token)
    except StoreError as error:
        fail(str(error))
    try:  # a clear message instead of uvicorn's log line when the port is taken
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    import uvicorn

    if write and host not in ("127.0.0.1", "localhost", "::1"):
        print(f"nyhetsgraf: warning: the write API listens on {host}, reachable from other machines",
              file=sys.stderr, flush=True)
    mode = "read and write" if write else "read-only"
    print(f"nyhetsgraf: serving {db} ({mode}) on http://{host}:{port}/ — Ctrl-C stops", file=sys.stderr,
          flush=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)


@app.command()
def migrate(
    source: Annotated[str, typer.Option("--from", metavar="PATH|URL", help="The store to copy.")],
    target: Annotated[str, typer.Option("--to", metavar="PATH|URL",
                                        help="A new or empty store (created and migrated if need be).")],
) -> None:
    """Copy a whole store to another (SQLite <-> PostgreSQL), verified by row counts and a checksum."""
    from nyhetsgraf.store.copy import CopyError, copy_store

    if source == target:
        fail("--from and --to name the same store", EXIT_USAGE)
    origin = _open_store(source, create=False, read_only=True)
    with origin, _open_store(target, create=True) as copy:
        def on_progress(table: str, rows: int) -> None:
            if update is not None:
                update(f"{table}: {rows} rows")

        try:
            with _progress("Copying", enabled=True) as update:
                report = copy_store(origin, copy, on_progress)
        except CopyError as error:
            fail(str(error))
        except KeyboardInterrupt:
            fail(f"interrupted; {copy.url} holds a partial copy: empty it before copying again",
                 EXIT_INTERRUPTED)
    counts = ", ".join(f"{table} {rows}" for table, rows in report.tables.items())
    print(f"copied {origin.url} -> {copy.url}: {counts}; checksum {report.checksum[:16]} verified",
          file=sys.stderr, flush=True)


@app.command()
def train(
    lang: Annotated[Language, typer.Option("--lang", help="Written standard: bokmål (nb) or nynorsk (nn).")],
    minutes: Annotated[float, typer.Option("--minutes", min=0.1, metavar="M",
                                           help="Training budget in minutes.")] = 90.0,
    output: Annotated[Path | None, typer.Option("--output", file_okay=False, metavar="DIR",
                                                help="Model folder (default: the packaged model).")] = None,
) -> None:
    """Retrain the NLP pipeline (tagger, lemmatizer, parser, NER) from the shared NorNE data."""
    import subprocess

    from nyhetsgraf.nlp.train import TrainingDataMissing
    from nyhetsgraf.nlp.train import train as run_training

    try:
        path = run_training(lang.value, minutes=minutes, output=output)
    except KeyboardInterrupt:
        fail("training interrupted", EXIT_INTERRUPTED)
    except TrainingDataMissing as error:
        fail(f"training data not found: {error}")
    except FileNotFoundError as error:
        fail(f"training data not found: {error}")
    except ModuleNotFoundError as error:
        fail(f"training needs the optional package {error.name!r}: pip install 'nyhetsgraf[train]'")
    except subprocess.CalledProcessError as error:
        fail(f"training step failed (exit {error.returncode}): {' '.join(map(str, error.cmd))}")
    print(f"model written to {path}", file=sys.stderr)


# -- the knowledge base (nyhetsgraf.cli_kb) ---------------------------------------------------------
from nyhetsgraf import cli_kb  # noqa: E402 - registered after the shared pieces above exist

cli_kb.register(app, _open_store, fail, _utf8_stdout, DbOption, DEFAULT_DB, EXIT_USAGE)


def plain_search_arguments(argv: list[str]) -> dict[str, str | int | bool] | None:
    """The arguments of ``argv`` when it is a plain ``search``: one QUERY not starting with ``-``, and
    at most ``--db PATH``, ``--limit N`` (or ``-n N``, N ≥ 1) and ``--json``. None for anything else
    (help, another command, any other spelling or option), which Typer then reads as always."""
    if not argv or argv[0] != "search":
        return None
    found: dict[str, str | int | bool] = {}
    words = iter(argv[1:])
    for word in words:
        if word == "--json" and "as_json" not in found:
            found["as_json"] = True
        elif word in ("--db", "--limit", "-n"):
            name = "db" if word == "--db" else "limit"
            value = next(words, None)
            if value is None or name in found:
                return None
            if name == "limit":
                if not (value.isascii() and value.isdigit()) or int(value) < 1:
                    return None
                found[name] = int(value)
            else:
                found[name] = value
        elif word.startswith("-") or "query" in found:
            return None
        else:
            found["query"] = word
    return found if "query" in found else None


def main() -> None:
    """Console entry point."""
    try:
        plain = plain_search_arguments(sys.argv[1:])
        if plain is None:
            app()
            return
        # Scripts run `search` in loops; called directly it skips Typer's conversion of its parameters,
        # whose pydantic import is about a third of the command's time. What Typer does around a
        # command: an Exit ends the process with its code, a closed pipe exits 1 quietly.
        try:
            search(**plain)  # type: ignore[arg-type]
        except typer.Exit as done:
            sys.exit(done.exit_code)
        except BrokenPipeError:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the interpreter flushes it at exit
            sys.exit(1)
    except KeyboardInterrupt:
        print("nyhetsgraf: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
