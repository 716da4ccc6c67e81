"""A readable per-article report for the terminal (rich): metadata, then every fact in its sentence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nyhetsgraf.render.spans import ArticleObject, count_label, excerpt

LAYER_STYLES = {"entity": "bold cyan", "quote": "bold green", "count": "bold magenta",
                "event": "bold yellow", "time": "bold blue"}


def _excerpt_text(obj: ArticleObject, span: list[int], style: str) -> Text:
    before, hit, after = excerpt(obj, span)
    return Text.assemble(before, (hit, style), after)


def _or_dash(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


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
    kinds = ("entities", "quotes", "counts", "events", "times")
    counts = ", ".join(f"{len(obj.get(kind, []))} {kind}" for kind in kinds)
    parts.append(Text(counts, style="dim"))
    return Group(*parts)


def article_report(obj: ArticleObject) -> RenderableType:
    """One article as a rich renderable: a header panel and one table per fact kind that has facts."""
    parts: list[RenderableType] = [Panel(_header(obj), border_style="blue")]
    if obj.get("entities"):
        table = _table("Entities", ["name", "type", "mentions", "in context"])
        for entity in obj["entities"]:
            first = entity["mentions"][0] if entity["mentions"] else None
            context = _excerpt_text(obj, first, LAYER_STYLES["entity"]) if first else Text("")
            table.add_row(entity["name"], entity["type"], str(len(entity["mentions"])), context)
        parts.append(table)
    if obj.get("quotes"):
        table = _table("Quotes", ["speaker", "kind", "in context"])
        for quote in obj["quotes"]:
            table.add_row(_or_dash(quote["speaker"]), "direct" if quote["direct"] else "indirect",
                          _excerpt_text(obj, quote["span"], LAYER_STYLES["quote"]))
        parts.append(table)
    if obj.get("counts"):
        table = _table("Counts", ["count", "holder", "location", "in context"])
        for count in obj["counts"]:
            table.add_row(count_label(count), _or_dash(count.get("holder")), _or_dash(count.get("location")),
                          _excerpt_text(obj, count["span"], LAYER_STYLES["count"]))
        parts.append(table)
    if obj.get("events"):
        table = _table("Events", ["type", "actor", "target", "where / when", "in context"])
        for event in obj["events"]:
            kind = ("not " if event["negated"] else "") + event["type"]
            where_when = " / ".join(_or_dash(event.get(key)) for key in ("location", "date"))
            table.add_row(kind, _or_dash(event.get("actor")), _or_dash(event.get("target")), where_when,
                          _excerpt_text(obj, event["span"], LAYER_STYLES["event"]))
        parts.append(table)
    if obj.get("times"):
        table = _table("Times", ["expression", "value", "in context"])
        for time in obj["times"]:
            table.add_row(time["text"], _or_dash(time["value"]),
                          _excerpt_text(obj, time["span"], LAYER_STYLES["time"]))
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
