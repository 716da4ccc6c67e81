"""One self-contained HTML page (inline CSS, no external assets) with every fact highlighted in its text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from nyhetsgraf import __version__
from nyhetsgraf.records import FACT_KINDS
from nyhetsgraf.render.spans import (
    ArticleObject,
    count_label,
    excerpt,
    fact_spans,
    layers,
    marks,
    presenter,
    segments,
)


def _environment() -> Environment:
    # Autoescape everything: article text, names and quotes are untrusted input.
    env = Environment(loader=PackageLoader("nyhetsgraf.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["count_label"] = count_label
    return env


def _article_view(obj: ArticleObject, number: int) -> dict[str, Any]:
    """What the template needs for one article: text segments with their layers, and one table per kind."""
    pieces = []
    for segment in segments(obj["text"], marks(obj)):
        tooltip = "\n".join(mark.label + (f" — {mark.detail}" if mark.detail else "")
                            for mark in segment.marks)
        pieces.append({"text": segment.text, "layers": segment.layers, "tooltip": tooltip,
                       "refs": " ".join(f"a{number}-{m.layer}-{m.fact}" for m in segment.marks)})
    tables = []
    for kind in FACT_KINDS.values():
        view = presenter(kind)
        rows = []
        for fact in obj.get(kind.name, []):
            spans = fact_spans(fact)
            context = excerpt(obj, spans[0]) if spans else ("", "", "")
            rows.append({"cells": view.cells(fact), "context": context})
        tables.append({"name": kind.name, "layer": kind.label, "title": view.title, "columns": view.columns,
                       "rows": rows})
    return {"obj": obj, "number": number, "segments": pieces, "tables": tables,
            "facts": sum(len(table["rows"]) for table in tables)}


def render_html(objects: Iterable[ArticleObject], title: str = "nyhetsgraf report") -> str:
    """The whole report as one HTML document."""
    views = [_article_view(obj, number) for number, obj in enumerate(objects, start=1)]
    totals = {kind: sum(len(view["obj"].get(kind, [])) for view in views) for kind in FACT_KINDS}
    template = _environment().get_template("report.html.jinja")
    return template.render(title=title, articles=views, totals=totals, layers=layers(), version=__version__)
