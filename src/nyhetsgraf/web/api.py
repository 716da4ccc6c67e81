"""The JSON API under /api/: each route is a thin shell over one function of ``data``."""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from nyhetsgraf.web import data, exports
from nyhetsgraf.web.db import Database

router = APIRouter(prefix="/api")

MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1–200).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=500)]
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Bucket = Annotated[Literal["year", "month", "day"], Query(description="Date bucket of the date facet.")]


def database(request: Request) -> Database:
    return request.app.state.db


Db = Annotated[Database, Depends(database)]


def article_filter(
    q: Annotated[str | None,
                 Query(max_length=500, description='Words (all must match), "a phrase", prefix*.')] = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    source: Text = None,
    language: Annotated[str | None, Query(max_length=8)] = None,
    entity: Annotated[str | None, Query(max_length=64, description="Corpus entity id.")] = None,
    event_type: Annotated[str | None, Query(max_length=20)] = None,
    count_category: Annotated[str | None, Query(max_length=20)] = None,
) -> data.ArticleFilter:
    return data.ArticleFilter.build(q=q, date_from=date_from, date_to=date_to, source=source,
                                    language=language, entity=entity, event_type=event_type,
                                    count_category=count_category)


Filters = Annotated[data.ArticleFilter, Depends(article_filter)]


@router.get("/articles", summary="List or search articles", tags=["articles"])
def list_articles(db: Db, filters: Filters, limit: Limit = 20, offset: Offset = 0,
                  facets: Annotated[bool, Query(description="Add facet counts.")] = False,
                  bucket: Bucket = "month") -> dict[str, Any]:
    """Articles newest first (ranked by relevance when `q` is given), with snippets."""
    return data.search(db, filters, data.Page(limit, offset), bucket=bucket, with_facets=facets)


@router.get("/search", summary="Full-text search with facets", tags=["articles"])
def search(db: Db, filters: Filters, limit: Limit = 20, offset: Offset = 0,
           bucket: Bucket = "month") -> dict[str, Any]:
    """Search hits with highlighted snippets, and facets (date bucket, source, language, entity,
    event type, count category) over every article that matches."""
    return data.search(db, filters, data.Page(limit, offset), bucket=bucket)


ArticleId = Annotated[str, Path(min_length=1, max_length=64, description="Article id or a unique prefix.")]
EntityId = Annotated[str, Path(min_length=1, max_length=64, description="Corpus entity id (knowledge base).")]
StoryId = Annotated[str, Path(min_length=1, max_length=64,
                               description="Story id, or the id of one of its articles.")]
SeriesId = Annotated[str, Path(min_length=1, max_length=200,
                                description="Series id, CATEGORY|holder|location (corpus entity ids).")]


@router.get("/articles/{article_id}", summary="One article with all its facts", tags=["articles"])
def get_article(db: Db, article_id: ArticleId) -> dict[str, Any]:
    """The extraction contract's object, plus `text`, `url`, `author`, `metadata`.
    A unique prefix of the id (at least 4 characters) is enough."""
    return data.article(db, article_id)


class ArticleIn(BaseModel):
    """An article to store (the contract's input fields)."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    date: str | None = Field(default=None, max_length=40, description="ISO 8601, partial allowed.")
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500, description="Publication name.")


_bearer = HTTPBearer(auto_error=False, description="The token given to `nyhetsgraf serve --write`.")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """403 when the server was not started with --write; else 401 without the right bearer token."""
    if not request.app.state.write:
        raise HTTPException(403, "the server is read-only (start it with --write)")
    expected: str = request.app.state.token
    if credentials is None or not secrets.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", summary="Store an article and get its facts", tags=["write"], status_code=201,
             dependencies=[Depends(require_token)])
def post_article(db: Db, article: ArticleIn) -> dict[str, Any]:
    """Runs NLP and extraction on the article, stores it (only with `--write`) and returns its
    contract objects (`articles`: one per article found in the text) and whether each was new."""
    from nyhetsgraf.web.write import store_article

    return store_article(db, article.model_dump())


@router.get("/entities", summary="Entities across articles", tags=["entities"])
def list_entities(db: Db, limit: Limit = 20, offset: Offset = 0,
                  type: Annotated[str | None,
                                  Query(max_length=20, description="NorNE type (GPE: all GPE_*).")] = None,
                  q: Annotated[str | None, Query(max_length=200, description="Part of the name or an alias.")]
                  = None) -> dict[str, Any]:
    """Corpus entities of the knowledge base (one per real-world entity), the most often named first."""
    return data.entity_list(db, data.Page(limit, offset), type_=type, q=q)


@router.get("/entities/{entity_id}", summary="One entity", tags=["entities"])
def get_entity(db: Db, entity_id: EntityId, bucket: Bucket = "month") -> dict[str, Any]:
    """Aliases, mentions over time, articles, quotes by and about, events as actor and target,
    co-occurring entities, stories."""
    return data.entity(db, entity_id, bucket=bucket)


@router.get("/events", summary="Events across articles", tags=["facts"])
def list_events(db: Db, limit: Limit = 20, offset: Offset = 0,
                type: Annotated[str | None, Query(max_length=20, description="PLOVER type.")] = None,
                actor: Text = None, target: Text = None, date_from: DateParam = None,
                date_to: DateParam = None,
                negated: bool | None = None,
                entity: Annotated[str | None, Query(max_length=64, description="Corpus entity id.")] = None,
                ) -> dict[str, Any]:
    """Events newest first, each with its sentence; dates are the event's own or its article's."""
    return data.events(db, data.Page(limit, offset), type_=type, actor=actor, target=target,
                       date_from=date_from, date_to=date_to, negated=negated, entity=entity)


@router.get("/quotes", summary="Quotes across articles", tags=["facts"])
def list_quotes(db: Db, limit: Limit = 20, offset: Offset = 0, speaker: Text = None,
                direct: bool | None = None,
                q: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
                ) -> dict[str, Any]:
    """Quotes newest first, with speaker and sentence."""
    return data.quotes(db, data.Page(limit, offset), speaker=speaker, direct=direct, q=q)


@router.get("/series", summary="Count series", tags=["series"])
def list_series(db: Db, limit: Limit = 20, offset: Offset = 0,
                category: Annotated[str | None, Query(max_length=20)] = None,
                holder: Annotated[str | None, Query(max_length=64, description="Corpus entity id.")] = None,
                location: Annotated[str | None, Query(max_length=64, description="Corpus entity id.")] = None,
                min_points: Annotated[int, Query(ge=1, le=1000, description="Fewest articles.")] = 2,
                ) -> dict[str, Any]:
    """Counts of one category with the same holder and location entity, across articles."""
    return data.series_list(db, data.Page(limit, offset), category=category, holder=holder,
                            location=location, min_points=min_points)


@router.get("/series/{series_id}", summary="One series with its changes", tags=["series"])
def get_series(db: Db, series_id: SeriesId) -> dict[str, Any]:
    """Every point in date order with its sentence, and where the value moves beyond its bounds."""
    return data.series(db, series_id)


@router.get("/stories", summary="Stories", tags=["stories"])
def list_stories(db: Db, limit: Limit = 20, offset: Offset = 0,
                 min_articles: Annotated[int, Query(ge=1, le=10_000)] = 2,
                 entity: Annotated[str | None, Query(max_length=64, description="Corpus entity id.")] = None,
                 ) -> dict[str, Any]:
    """Groups of articles that report one happening and its follow-ups, largest and latest first."""
    return data.story_list(db, data.Page(limit, offset), min_articles=min_articles, entity_id=entity)


@router.get("/stories/{story_id}", summary="One story", tags=["stories"])
def get_story(db: Db, story_id: StoryId) -> dict[str, Any]:
    """Its articles in date order (near-duplicates under their original), main entities, series."""
    return data.story(db, story_id)


@router.get("/stats", summary="What the store holds", tags=["store"])
def stats(db: Db) -> dict[str, Any]:
    return data.store_stats(db)


@router.get("/overview", summary="Overview", tags=["store"])
def overview(db: Db) -> dict[str, Any]:
    """Row counts, newest articles, most named entities overall and in the last week stored."""
    return data.overview(db)


ExportWhat = Literal["articles", "events", "quotes", "counts", "entities"]


@router.get("/export/{what}", summary="Export a filtered list", tags=["export"])
def export(db: Db, filters: Filters, what: ExportWhat,
           format: Annotated[Literal["jsonl", "csv"], Query(description="jsonl or csv.")] = "jsonl",
           limit: Annotated[int | None, Query(ge=1, le=10_000_000)] = None) -> StreamingResponse:
    """The articles that match the filters (the same as /api/articles takes), or their facts, streamed.
    `articles` as JSON Lines are contract objects with their text; CSV has one row per article or fact."""
    rows = exports.export_rows(db, what, filters, format, limit)
    media = "application/x-ndjson" if format == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(rows, media_type=media, headers={
        "content-disposition": f'attachment; filename="nyhetsgraf-{what}.{format}"'})
