"""The knowledge-base commands of the ``nyhetsgraf`` command line (registered by ``nyhetsgraf.cli``).

    nyhetsgraf entities [--type PER] [--search NAME] [--json]
    nyhetsgraf entity NAME|ID [--json]
    nyhetsgraf stories [--json]            nyhetsgraf story ID [--json]
    nyhetsgraf series [--category --holder --location] [--json]
    nyhetsgraf export --db DB --format jsonl|csv|parquet|gkg [--what TABLE ...] [-o DIR|FILE]
    nyhetsgraf kb-update                   link what is pending (ingest does it already)

No ``from __future__ import annotations`` here: typer reads the options' annotations at run time,
and they name values of ``register``.
"""

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from nyhetsgraf.kb.records import Series, Story


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gkg = "gkg"


def register(
    app: typer.Typer,
    open_store: Callable[..., Any],
    fail: Callable[..., Any],
    stdout: Callable[[], Any],
    db_option: Any,
    default_db: str,
    usage_exit: int,
) -> None:
    """Add the knowledge-base commands to ``app`` (the CLI's shared pieces are passed in)."""
    JsonOption = Annotated[bool, typer.Option("--json", help="JSON for scripts (one object per line).")]
    LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many rows to show.")]

    def kb_store(db: str) -> Any:
        return open_store(db, create=False)

    def write_json(rows: list[dict[str, Any]]) -> None:
        out = stdout()
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

    @app.command("entities")
    def entities_command(
        db: db_option = default_db,
        entity_type: Annotated[
            str | None, typer.Option("--type", "-t", help="NorNE type: PER, ORG, GPE ...")
        ] = None,
        search: Annotated[str | None, typer.Option("--search", "-s", help="Part of a name or alias.")] = None,
        limit: LimitOption = 30,
        offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many entities.")] = 0,
        as_json: JsonOption = False,
    ) -> None:
        """Entities across all articles (one per real-world entity), most named first."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            found = kb.entities(store, type=entity_type, search=search, limit=limit, offset=offset)
        if as_json:
            write_json([e.to_json() for e in found])
            return
        table = _table(
            f"entities {offset + 1 if found else offset}–{offset + len(found)}",
            ("id", "name", "type", "articles", "mentions", "first", "last", "aliases"),
        )
        for e in found:
            table.add_row(
                e.id,
                e.name,
                e.type,
                str(e.articles),
                str(e.mentions),
                e.first_date or "",
                e.last_date or "",
                ", ".join(e.aliases[:6]),
            )
        _console().print(table)

    @app.command("entity")
    def entity_command(
        name: Annotated[str, typer.Argument(metavar="NAME|ID", help="A corpus entity id, name or alias.")],
        db: db_option = default_db,
        as_json: JsonOption = False,
    ) -> None:
        """One entity: aliases, articles over time, quotes by and about it, events, who it appears with."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            detail = kb.entity(store, name)
            others = kb.find_entities(store, name, limit=6)[1:] if detail is not None else []
        if detail is None:
            fail(f"no entity {name!r} in {db}")
        if others:
            listed = ", ".join(f"{e.name} ({e.id})" for e in others)
            print(f"nyhetsgraf: {name!r} also names {listed}; give an id to see one of them", file=sys.stderr)
        if as_json:
            write_json([detail.to_json()])
            return
        _print_entity(detail)

    @app.command("stories")
    def stories_command(
        db: db_option = default_db,
        limit: LimitOption = 30,
        offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many stories.")] = 0,
        min_articles: Annotated[
            int, typer.Option("--min-articles", min=1, help="Only stories this long.")
        ] = 1,
        as_json: JsonOption = False,
    ) -> None:
        """Stories (articles on one happening and its follow-ups), largest and latest first."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            found = kb.stories(store, limit=limit, offset=offset, min_articles=min_articles)
        if as_json:
            write_json([s.to_json() for s in found])
            return
        table = _table("stories", ("id", "first", "last", "articles", "title", "main entities"))
        for s in found:
            table.add_row(
                s.id,
                s.first_date or "",
                s.last_date or "",
                str(len(s.articles)),
                s.title,
                ", ".join(e.name for e in s.entities[:5]),
            )
        _console().print(table)

    @app.command("story")
    def story_command(
        story_id: Annotated[
            str, typer.Argument(metavar="ID", help="A story id, or the id of one of its articles.")
        ],
        db: db_option = default_db,
        as_json: JsonOption = False,
    ) -> None:
        """One story: its articles in date order (near-duplicates marked) and main entities."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            found = kb.story(store, story_id)
        if found is None:
            fail(f"no story {story_id!r} in {db}")
        if as_json:
            write_json([found.to_json()])
            return
        _print_story(found)

    @app.command("series")
    def series_command(
        db: db_option = default_db,
        category: Annotated[
            str | None, typer.Option("--category", "-c", help="KILL, DEPLOY, PROTEST ...")
        ] = None,
        holder: Annotated[str | None, typer.Option("--holder", help="Holder entity (name or id).")] = None,
        location: Annotated[
            str | None, typer.Option("--location", help="Location entity (name or id).")
        ] = None,
        min_points: Annotated[int, typer.Option("--min-points", min=1, help="Only series this long.")] = 2,
        limit: LimitOption = 30,
        as_json: JsonOption = False,
    ) -> None:
        """Counts followed over time (same category, holder and location), with their changes."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            found = kb.series(
                store, category=category, holder=holder, location=location, min_points=min_points, limit=limit
            )
        if as_json:
            write_json([s.to_json() for s in found])
            return
        if not found:
            print("no series match", file=sys.stderr)
            return
        for s in found:
            _print_series(s)

    @app.command("export")
    def export_command(
        db: db_option = default_db,
        output_format: Annotated[
            ExportFormat, typer.Option("--format", "-f", help="Output format.")
        ] = ExportFormat.jsonl,
        what: Annotated[
            list[str] | None,
            typer.Option(
                "--what",
                help="Tables: articles, entities, mentions, stories, story_articles, series, "
                "series_points (repeat the option; default all).",
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="jsonl: a file (default stdout); csv/parquet: a folder; gkg: a file or folder.",
            ),
        ] = None,
    ) -> None:
        """The whole knowledge base: contract JSON Lines, CSV or Parquet tables, or a TSV of counts."""
        from nyhetsgraf import kb
        from nyhetsgraf.kb.exporting import ExportError

        if output_format in (ExportFormat.csv, ExportFormat.parquet) and output is None:
            fail("--output DIR is needed for csv and parquet (one file per table)", usage_exit)
        with kb_store(db) as store:
            try:
                if output_format is ExportFormat.jsonl:
                    if output is None:
                        kb.export(store, "jsonl", set(what or []) or None, stdout())
                    else:
                        with output.open("w", encoding="utf-8") as handle:
                            kb.export(store, "jsonl", set(what or []) or None, handle)
                    return
                written = kb.export(store, output_format.value, set(what or []) or None, output)
            except ExportError as error:
                fail(str(error), usage_exit)
            except OSError as error:
                fail(f"cannot write the export: {error}")
        for path in written:
            print(f"wrote {path}", file=sys.stderr)

    @app.command("kb-update")
    def kb_update_command(db: db_option = default_db) -> None:
        """Link articles the knowledge base has not seen yet (ingest does this itself)."""
        from nyhetsgraf import kb

        with kb_store(db) as store:
            summary = kb.update(store)
        print(
            f"{summary.articles} articles linked, {summary.entities_relinked} article entities (re)linked, "
            f"{summary.duplicates} near-duplicates, {summary.seconds:.1f} s",
            file=sys.stderr,
        )


# -- terminal output ---------------------------------------------------------------------------------


def _console() -> "Console":
    from rich.console import Console

    if sys.stdout.isatty():
        return Console(highlight=False)
    # Piped or redirected: rich would assume 80 columns and fold every name; `--json` is for scripts.
    return Console(highlight=False, width=200, no_color=True)


def _table(title: str, columns: tuple[str, ...]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=True)
    for column in columns:
        wide = column in ("name", "title", "aliases", "main entities", "text")
        table.add_column(
            column,
            overflow="fold",
            ratio=3 if wide else None,
            no_wrap=not wide,
            min_width=12 if wide else None,
        )
    return table


def _print_entity(detail: Any) -> None:
    e = detail.entity
    console = _console()
    console.print(f"[bold]{e.name}[/bold]  {e.type}  ({e.id})")
    console.print(
        f"{e.articles} articles, {e.mentions} mentions, {e.first_date or '?'} – {e.last_date or '?'}"
    )
    if e.aliases:
        console.print("also: " + ", ".join(e.aliases))
    table = _table("articles", ("date", "id", "title", "story", "mentions"))
    for a in detail.articles:
        table.add_row(a.date or "", a.id, a.title or "", a.story or "", str(a.mentions))
    console.print(table)
    if detail.quotes_by:
        table = _table("quotes by", ("date", "article", "text"))
        for q in detail.quotes_by:
            table.add_row(q.date or "", q.article, ("" if q.direct else "(reported) ") + q.text)
        console.print(table)
    if detail.quotes_about:
        table = _table("quotes about", ("date", "speaker", "text"))
        for q in detail.quotes_about:
            table.add_row(q.date or "", q.speaker or "", q.text)
        console.print(table)
    for title, events in (
        ("events as actor", detail.events_as_actor),
        ("events as target", detail.events_as_target),
    ):
        if events:
            table = _table(title, ("date", "type", "trigger", "actor", "target"))
            for v in events:
                table.add_row(
                    v.date or "",
                    v.type + (" (not)" if v.negated else ""),
                    v.trigger,
                    v.actor or "",
                    v.target or "",
                )
            console.print(table)
    if detail.cooccurring:
        console.print("appears with: " + ", ".join(f"{c.name} ({n})" for c, n in detail.cooccurring))


def _print_story(story: "Story") -> None:
    console = _console()
    console.print(f"[bold]{story.title}[/bold]  ({story.id})")
    console.print(f"{len(story.articles)} articles, {story.first_date or '?'} – {story.last_date or '?'}")
    table = _table("articles", ("date", "id", "title", "duplicate of"))
    for a in story.articles:
        table.add_row(a.date or "", a.id, a.title or "", a.duplicate_of or "")
    console.print(table)
    if story.entities:
        console.print("main entities: " + ", ".join(f"{e.name} ({e.type})" for e in story.entities))


def _print_series(s: "Series") -> None:
    def plain(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else f"{v:g}"

    changed = {(c.article, c.to_value) for c in s.changes}
    holder = f" held by {s.holder_name}" if s.holder_name else ""
    where = f" in {s.location_name}" if s.location_name else ""
    table = _table(
        f"{s.category} {s.object}{holder}{where} ({s.id}): {len(s.points)} points, {len(s.changes)} changes",
        ("date", "value", "bound", "article", "change"),
    )
    for p in s.points:
        table.add_row(
            p.date or "",
            plain(p.value),
            p.bound,
            p.article,
            "◆ changed" if (p.article, p.value) in changed else "",
        )
    _console().print(table)
