"""A readable per-article report for the terminal (rich): metadata, then every fact in its sentence."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nyhetsgraf.records import FACT_KINDS
from nyhetsgraf.render.spans import ArticleObject, excerpt, fact_spans, presenter

LAYER_STYLES = {"entity": "bold cyan", "quote": "bold green", "count": "bold magenta",
                "event": "bold yellow", "time": "bold blue"}


def _excerpt_text(obj: ArticleObject, span: list[int], style: str) -> Text:
    before, hit, after = excerpt(obj, span)
    return Text.assemble(before, (hit, style), after)


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=True, show_lines=False)
    for column in columns:
        # Only the excerpt column stretches; the others keep the width of their content.
        table.add_column(column, overflow="fold", ratio=1 if column == "in context" else None)
    return table


def _header(obj: ArticleObject) -> RenderableType:
    title = Text(obj.get("title") or "(untitled)", style="bold")
    meta = Text(" · ".join(str(part) for part in (
        obj.get("date") or "undated", obj.get("language"), f"{obj.get('source')} #{obj.get('index')}",
        f"id {obj.get('id')}", f"chars {obj['span'][0]}–{obj['span'][1]}") if part is not None), style="dim")
    parts: list[RenderableType] = [title, meta]
    if obj.get("headings"):
        parts.append(Text("Headings: " + " | ".join(obj["headings"]), style="italic"))
    counts = ", ".join(f"{len(obj.get(kind, []))} {kind}" for kind in FACT_KINDS)
    parts.append(Text(counts, style="dim"))
    return Group(*parts)


def article_report(obj: ArticleObject) -> RenderableType:
    """One article as a rich renderable: a header panel and one table per fact kind that has facts."""
    parts: list[RenderableType] = [Panel(_header(obj), border_style="blue")]
    for kind in FACT_KINDS.values():
        if not obj.get(kind.name):
            continue
        view = presenter(kind)
        style = LAYER_STYLES.get(kind.label, "bold")
        table = _table(view.title, [*view.columns, "in context"])
        for fact in obj[kind.name]:
            spans = fact_spans(fact)
            context = _excerpt_text(obj, spans[0], style) if spans else Text("")
            table.add_row(*view.cells(fact), context)
        parts.append(table)
    return Group(*parts)


def print_pretty(objects: Iterable[ArticleObject], console: Console) -> int:
    """Print a report per article; returns how many were printed."""
    printed = 0
    for obj in objects:
        if printed:
            console.print()
        console.print(article_report(obj))
        printed += 1
    return printed
