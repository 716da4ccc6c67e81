"""One self-contained HTML page (inline CSS, no external assets) with every fact highlighted in its text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from nyhetsgraf import __version__
from nyhetsgraf.render.spans import LAYERS, ArticleObject, count_label, excerpt, marks, segments


def _environment() -> Environment:
    # Autoescape everything: article text, names and quotes are untrusted input.
    env = Environment(loader=PackageLoader("nyhetsgraf.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["count_label"] = count_label
    return env


def _article_view(obj: ArticleObject, number: int) -> dict[str, Any]:
    """What the template needs for one article: text segments with their layers, and fact rows."""
    def context(span: list[int]) -> tuple[str, str, str]:
        return excerpt(obj, span)

    pieces = []
    for segment in segments(obj["text"], marks(obj)):
        tooltip = "\n".join(mark.label + (f" — {mark.detail}" if mark.detail else "")
                            for mark in segment.marks)
        pieces.append({"text": segment.text, "layers": segment.layers, "tooltip": tooltip,
                       "refs": " ".join(f"a{number}-{m.layer}-{m.fact}" for m in segment.marks)})
    return {
        "obj": obj,
        "number": number,
        "segments": pieces,
        "entities": [{**e, "context": context(e["mentions"][0]) if e["mentions"] else ("", "", "")}
                     for e in obj.get("entities", [])],
        "quotes": [{**q, "context": context(q["span"])} for q in obj.get("quotes", [])],
        "counts": [{**c, "context": context(c["span"])} for c in obj.get("counts", [])],
        "events": [{**e, "context": context(e["span"])} for e in obj.get("events", [])],
        "times": [{**t, "context": context(t["span"])} for t in obj.get("times", [])],
    }


def render_html(objects: Iterable[ArticleObject], title: str = "nyhetsgraf report") -> str:
    """The whole report as one HTML document."""
    views = [_article_view(obj, number) for number, obj in enumerate(objects, start=1)]
    totals = {kind: sum(len(view[kind]) for view in views)
              for kind in ("entities", "quotes", "counts", "events", "times")}
    template = _environment().get_template("report.html.jinja")
    return template.render(title=title, articles=views, totals=totals, layers=LAYERS, version=__version__)
