"""Human-readable views of extracted articles: a terminal report (rich) and a self-contained HTML page."""

from nyhetsgraf.render.html import render_html
from nyhetsgraf.render.pretty import article_report, print_pretty
from nyhetsgraf.render.spans import ArticleObject, renderable

__all__ = ["ArticleObject", "article_report", "print_pretty", "render_html", "renderable"]
