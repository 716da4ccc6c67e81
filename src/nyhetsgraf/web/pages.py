"""Server-rendered pages (Norwegian): each shows what one function of ``data`` returns.

Templates autoescape everything; article text, names and quotes are untrusted input. Chart data goes
into the page as JSON (``tojson`` escapes ``<``, ``>`` and ``&``) and static/app.js draws it.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from nyhetsgraf import __version__
from nyhetsgraf.web import data, labels
from nyhetsgraf.web.api import Bucket, Db, Filters, Text
from nyhetsgraf.web.views import article_view, count_text

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
PageOffset = Annotated[int, Query(ge=0, le=10_000_000)]
PageLimit = Annotated[int, Query(ge=1, le=200)]

# Autoescape everything, whatever the template's file name.
templates = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(str(resources.files("nyhetsgraf.web") / "templates")),
    autoescape=True, trim_blocks=True, lstrip_blocks=True))


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` of ``params`` with ``changes`` applied (a None value removes the key)."""
    merged = {**params, **changes}
    kept = {key: value for key, value in merged.items() if value not in (None, "", False)}
    return "?" + urlencode(kept) if kept else "?"


def _entity_url(entity_id: str) -> str:
    return "/entitet/" + quote(entity_id, safe="")


def _series_url(key: str) -> str:
    return "/serie/" + quote(key, safe="")


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return "—" if value is None else str(value)


def _day(value: str | None) -> str:
    """The date part of an ISO date or timestamp ("—" when there is none)."""
    return value[:10] if value else "—"


def _when(value: str | None) -> str:
    """An ISO date or timestamp as a Norwegian reader writes it: "2024-05-14 kl. 09.12", "udatert"."""
    if not value:
        return "udatert"
    if len(value) >= 16 and value[10] == "T":
        return f"{value[:10]} kl. {value[11:13]}.{value[14:16]}"
    return value


templates.env.filters.update(day=_day, when=_when)
templates.env.globals.update(
    qs=_query_string, entity_url=_entity_url, series_url=_series_url, quote=quote, labels=labels,
    label=labels.label, number=_number, count_text=count_text, version=__version__,
)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"write": request.app.state.write, **context},
                                      status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    titles = {400: "Ugyldig forespørsel", 401: "Ikke tilgang", 403: "Ikke tillatt", 404: "Fant ikke siden",
              405: "Metoden er ikke tillatt", 413: "For stor forespørsel", 422: "Ugyldige parametere"}
    return render(request, "error.html.jinja", {"status": status, "title": titles.get(status, "Feil"),
                                                "message": message}, status)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, db: Db) -> HTMLResponse:
    return render(request, "overview.html.jinja", {"data": data.overview(db), "active": "oversikt"})


@router.get("/sok", response_class=HTMLResponse)
def search_page(request: Request, db: Db, filters: Filters, offset: PageOffset = 0,
                bucket: Bucket = "month") -> HTMLResponse:
    result = data.search(db, filters, data.Page(PAGE_SIZE, offset), bucket=bucket)
    entity_name = data.entity_name(db, filters.entity) if filters.entity else None
    context = {"data": result, "filters": filters.params(), "bucket": bucket, "entity_name": entity_name}
    return render(request, "search.html.jinja", {**context, "active": "sok"})


@router.get("/artikkel/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, db: Db, article_id: str) -> HTMLResponse:
    obj = data.article(db, article_id)
    return render(request, "article.html.jinja", {"a": obj, "view": article_view(obj), "active": "sok"})


@router.get("/entiteter", response_class=HTMLResponse)
def entities_page(request: Request, db: Db, offset: PageOffset = 0,
                  type: Annotated[str | None, Query(max_length=20)] = None,
                  q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    result = data.entity_list(db, data.Page(50, offset), type_=type or None, q=q or None)
    return render(request, "entities.html.jinja", {"data": result, "params": {"type": type, "q": q},
                                                   "active": "entiteter"})


@router.get("/entitet/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, db: Db, entity_id: str, bucket: Bucket = "month") -> HTMLResponse:
    result = data.entity(db, entity_id, bucket=bucket)
    chart = {"kind": "timeline", "label": "Omtaler", "points": [
        {"date": point["date"], "value": point["mentions"], "articles": point["articles"],
         "href": "/sok" + _query_string({"entity": entity_id}, date_from=point["date"],
                                        date_to=point["date"])}
        for point in result["timeline"]["points"]]}
    return render(request, "entity.html.jinja", {"e": result, "chart": chart, "bucket": bucket,
                                                 "active": "entiteter"})


@router.get("/hendelser", response_class=HTMLResponse)
def events_page(request: Request, db: Db, offset: PageOffset = 0,
                type: Annotated[str | None, Query(max_length=20)] = None, actor: Text = None,
                target: Text = None, date_from: Text = None, date_to: Text = None,
                negated: Annotated[str | None, Query(max_length=5)] = None,
                entity: Annotated[str | None, Query(max_length=64)] = None) -> HTMLResponse:
    negated_flag = {"ja": True, "nei": False}.get(negated or "")
    params = {"type": type, "actor": actor, "target": target, "date_from": date_from, "date_to": date_to,
              "negated": negated, "entity": entity}
    result = data.events(db, data.Page(PAGE_SIZE, offset), type_=type or None, actor=actor or None,
                         target=target or None, date_from=date_from or None, date_to=date_to or None,
                         negated=negated_flag, entity=entity or None)
    api_params = {**params, "negated": None if negated_flag is None else str(negated_flag).lower()}
    entity_name = data.entity_name(db, entity) if entity else None
    return render(request, "events.html.jinja", {"data": result, "params": params, "api_params": api_params,
                                                 "entity_name": entity_name, "active": "hendelser"})


@router.get("/sitater", response_class=HTMLResponse)
def quotes_page(request: Request, db: Db, offset: PageOffset = 0, speaker: Text = None,
                q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    result = data.quotes(db, data.Page(PAGE_SIZE, offset), speaker=speaker or None, q=q or None)
    return render(request, "quotes.html.jinja", {"data": result, "params": {"speaker": speaker, "q": q},
                                                 "active": "sitater"})


@router.get("/serier", response_class=HTMLResponse)
def series_list_page(request: Request, db: Db, offset: PageOffset = 0,
                     category: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    result = data.series_list(db, data.Page(50, offset), category=category or None)
    return render(request, "series_list.html.jinja", {"data": result, "params": {"category": category},
                                                      "active": "serier"})


@router.get("/saker", response_class=HTMLResponse)
def stories_page(request: Request, db: Db, offset: PageOffset = 0,
                 entity: Annotated[str | None, Query(max_length=64)] = None,
                 min_articles: Annotated[int, Query(ge=1, le=10_000)] = 2) -> HTMLResponse:
    result = data.story_list(db, data.Page(PAGE_SIZE, offset), entity_id=entity or None,
                             min_articles=min_articles)
    params = {"entity": entity, "min_articles": min_articles if min_articles != 2 else None}
    return render(request, "stories.html.jinja", {"data": result, "params": params, "active": "saker"})


@router.get("/sak/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, db: Db, story_id: str) -> HTMLResponse:
    return render(request, "story.html.jinja", {"s": data.story(db, story_id), "active": "saker"})


@router.get("/serie/{series_id}", response_class=HTMLResponse)
def series_page(request: Request, db: Db, series_id: str) -> HTMLResponse:
    result = data.series(db, series_id)
    chart = {"kind": "series", "label": labels.label(labels.COUNT_CATEGORIES, result["category"]),
             "points": [{"date": p["date"], "value": p["value"], "bound": p["bound"],
                         "change": p["change"],
                         "href": f"/artikkel/{p['article']}#s-{p['sentence_index']}"}
                        for p in result["points"]]}
    return render(request, "series.html.jinja", {"s": result, "chart": chart, "active": "serier"})

