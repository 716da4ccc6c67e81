"""One data function per view: the JSON API returns these dicts as they are, the pages only display them.

Everything is parameterised SQL over the store's tables (store/SCHEMA.md). Lists are paged with a
limit and an offset and ordered on a unique key last, so paging is stable. Facets follow datasette:
a ``GROUP BY`` wrapped around the filtered article set, one extra row to tell that a list was cut.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from nyhetsgraf.store.textsearch import ParsedQuery, make_snippet, parse_query
from nyhetsgraf.web.db import Database

FACET_SIZE = 10
# The row ids of the articles that match a full-text query (SQLite FTS5 over the stemmed shadow text).
MATCHING_RIDS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BUCKETS = {"year": 4, "month": 7, "day": 10}


class NotFound(LookupError):
    """The thing asked for is not stored."""


class BadRequest(ValueError):
    """A parameter is well-formed for the schema but makes no sense (unbalanced quote, bad date)."""


# -- entity and series keys ------------------------------------------------------------------------

def entity_key(name: str, type_: str) -> str:
    """The id of an entity in URLs: its type and canonical name ("PER:Kari Nordheim")."""
    return f"{type_}:{name}"


def parse_entity_key(key: str) -> tuple[str, str]:
    """``(name, type)`` of an entity key; the type never holds a colon, the name may."""
    type_, sep, name = key.partition(":")
    if not sep or not type_ or not name:
        raise BadRequest(f"not an entity id (TYPE:name): {key!r}")
    return name, type_


def series_key(category: str, holder: str | None, location: str | None) -> str:
    """The id of a series: category, holder and location separated by '|' (empty when unknown)."""
    return "|".join((category, holder or "", location or ""))


def parse_series_key(key: str) -> tuple[str, str | None, str | None]:
    parts = key.split("|")
    if len(parts) != 3 or not parts[0]:
        raise BadRequest(f"not a series id (CATEGORY|holder|location): {key!r}")
    category, holder, location = parts
    return category, holder or None, location or None


# -- filters ---------------------------------------------------------------------------------------

def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE_RE.match(value):
        raise BadRequest(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list, a search or an export covers. Empty fields do not filter."""

    q: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    language: str | None = None
    entity: str | None = None
    event_type: str | None = None
    count_category: str | None = None
    parsed: ParsedQuery | None = field(default=None, compare=False)

    @classmethod
    def build(cls, **values: str | None) -> ArticleFilter:
        cleaned = {key: (value.strip() if isinstance(value, str) else value) or None
                   for key, value in values.items()}
        cleaned["date_from"] = _check_date(cleaned.get("date_from"), "date_from")
        cleaned["date_to"] = _check_date(cleaned.get("date_to"), "date_to")
        if cleaned.get("entity"):
            parse_entity_key(cleaned["entity"])  # type: ignore[arg-type]
        parsed = None
        if cleaned.get("q"):
            try:
                parsed = parse_query(cleaned["q"])  # type: ignore[arg-type]
            except ValueError as error:
                raise BadRequest(str(error)) from error
        return cls(**cleaned, parsed=parsed)  # type: ignore[arg-type]

    def params(self) -> dict[str, str]:
        """The non-empty filters, for links that keep them."""
        names = ("q", "date_from", "date_to", "source", "language", "entity", "event_type", "count_category")
        return {name: getattr(self, name) for name in names if getattr(self, name)}

    def without(self, name: str) -> ArticleFilter:
        return replace(self, **{name: None, **({"parsed": None} if name == "q" else {})})

    def where(self) -> tuple[str, list[Any]]:
        """A condition on ``articles a`` (joined to ``sources s``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.parsed is not None:
            clauses.append(f"a.rid IN ({MATCHING_RIDS})")
            params.append(self.parsed.fts_expression())
        if self.date_from:
            clauses.append("substr(a.date, 1, ?) >= ?")
            params += [len(self.date_from), self.date_from]
        if self.date_to:
            clauses.append("substr(a.date, 1, ?) <= ?")
            params += [len(self.date_to), self.date_to]
        if self.source:
            clauses.append("s.path = ?")
            params.append(self.source)
        if self.language:
            clauses.append("a.language = ?")
            params.append(self.language)
        if self.entity:
            name, type_ = parse_entity_key(self.entity)
            clauses.append("EXISTS (SELECT 1 FROM entities fe WHERE fe.article_rid = a.rid"
                           " AND fe.name = ? AND fe.type = ?)")
            params += [name, type_]
        if self.event_type:
            clauses.append("EXISTS (SELECT 1 FROM events fv WHERE fv.article_rid = a.rid AND fv.type = ?)")
            params.append(self.event_type)
        if self.count_category:
            clauses.append("EXISTS (SELECT 1 FROM counts fc WHERE fc.article_rid = a.rid"
                           " AND fc.category = ?)")
            params.append(self.count_category)
        return (" AND ".join(clauses) or "1 = 1"), params


@dataclass(frozen=True, slots=True)
class Page:
    limit: int = 20
    offset: int = 0

    def info(self, total: int, count: int) -> dict[str, Any]:
        following = self.offset + self.limit if self.offset + count < total else None
        previous = max(0, self.offset - self.limit) if self.offset > 0 else None
        return {"total": total, "limit": self.limit, "offset": self.offset, "next_offset": following,
                "previous_offset": previous}


# -- articles and search ---------------------------------------------------------------------------

_ARTICLE_COLUMNS = (
    "a.rid, a.id, a.title, a.date, a.language, s.path AS source, s.name AS source_name, a.url,"
    ' a.idx AS "index", length(a.text) AS chars,'
    " (SELECT count(*) FROM entities WHERE article_rid = a.rid) AS entities,"
    " (SELECT count(*) FROM quotes WHERE article_rid = a.rid) AS quotes,"
    " (SELECT count(*) FROM counts WHERE article_rid = a.rid) AS counts,"
    " (SELECT count(*) FROM events WHERE article_rid = a.rid) AS events,"
    " (SELECT count(*) FROM times WHERE article_rid = a.rid) AS times"
)


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in ("rid", "score", "text")}


def article_list(db: Database, filters: ArticleFilter, page: Page) -> dict[str, Any]:
    """A page of articles, newest first, optionally ranked by a full-text query, with snippets."""
    where, params = filters.where()
    total = int(db.scalar(f"SELECT count(*) FROM articles a JOIN sources s ON s.source_id = a.source_id"
                          f" WHERE {where}", params))
    if filters.parsed is not None:
        rows = db.query(
            f"SELECT {_ARTICLE_COLUMNS}, a.text, bm25(articles_fts, 3.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid"
            " JOIN sources s ON s.source_id = a.source_id"
            f" WHERE articles_fts MATCH ? AND {where} ORDER BY score, a.rid LIMIT ? OFFSET ?",
            [filters.parsed.fts_expression(), *params, page.limit, page.offset])
        items = []
        for row in rows:
            snippet = make_snippet(row["text"], filters.parsed)
            items.append({**_public(row), "score": round(-float(row["score"]), 4),
                          "snippet": snippet.text, "highlights": [list(h) for h in snippet.highlights]})
    else:
        rows = db.query(
            f"SELECT {_ARTICLE_COLUMNS}, substr(a.text, 1, 240) AS text FROM articles a"
            f" JOIN sources s ON s.source_id = a.source_id WHERE {where}"
            " ORDER BY a.date IS NULL, a.date DESC, a.rid DESC LIMIT ? OFFSET ?",
            [*params, page.limit, page.offset])
        items = [{**_public(row), "snippet": _lead(row["text"]), "highlights": []} for row in rows]
    return {"filters": filters.params(), **page.info(total, len(items)), "items": items}


def _lead(text: str, width: int = 200) -> str:
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat.rfind(" ", 0, width)
    return flat[:cut if cut > 0 else width] + "…"


def _facet(db: Database, select: str, source_sql: str, params: list[Any], size: int) -> dict[str, Any]:
    rows = db.query(f"{select} {source_sql} ORDER BY count DESC, value LIMIT ?", [*params, size + 1])
    return {"truncated": len(rows) > size, "values": rows[:size]}


def facets(db: Database, filters: ArticleFilter, *, bucket: str = "month",
           size: int = FACET_SIZE) -> dict[str, Any]:
    """Counts of the filtered articles per date bucket, source, language, entity, event type and count
    category. Each facet ignores its own filter, so the other values stay visible to switch to."""
    result: dict[str, Any] = {}

    def scope(name: str) -> tuple[str, list[Any]]:
        where, params = filters.without(name).where()
        return (f"SELECT a.rid FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE {where}",
                params)

    width = BUCKETS[bucket]
    where, params = filters.where()
    rows = db.query(
        f"SELECT substr(a.date, 1, {width}) AS value, count(*) AS count FROM articles a"
        f" JOIN sources s ON s.source_id = a.source_id WHERE {where} AND length(a.date) >= {width}"
        f" GROUP BY substr(a.date, 1, {width}) ORDER BY value", params)
    result["date"] = {"bucket": bucket, "truncated": False, "values": rows}

    subquery, params = scope("source")
    result["source"] = _facet(
        db, "SELECT s.path AS value, s.name AS label, count(*) AS count",
        f"FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE a.rid IN ({subquery})"
        " GROUP BY s.path, s.name", params, size)
    subquery, params = scope("language")
    result["language"] = _facet(db, "SELECT a.language AS value, count(*) AS count",
                                f"FROM articles a WHERE a.rid IN ({subquery}) GROUP BY a.language",
                                params, size)
    subquery, params = scope("entity")
    entity_rows = _facet(
        db, "SELECT e.name AS name, e.type AS type, count(DISTINCT e.article_rid) AS count,"
            " e.type || ':' || e.name AS value",
        f"FROM entities e WHERE e.article_rid IN ({subquery}) GROUP BY e.name, e.type", params, size)
    result["entity"] = entity_rows
    subquery, params = scope("event_type")
    result["event_type"] = _facet(
        db, "SELECT v.type AS value, count(DISTINCT v.article_rid) AS count",
        f"FROM events v WHERE v.article_rid IN ({subquery}) GROUP BY v.type", params, size)
    subquery, params = scope("count_category")
    result["count_category"] = _facet(
        db, "SELECT c.category AS value, count(DISTINCT c.article_rid) AS count",
        f"FROM counts c WHERE c.article_rid IN ({subquery}) GROUP BY c.category", params, size)
    return result


def search(db: Database, filters: ArticleFilter, page: Page, *, bucket: str = "month",
           with_facets: bool = True) -> dict[str, Any]:
    """Articles (ranked when there is a query) and the facets of the whole filtered set."""
    result = article_list(db, filters, page)
    if with_facets:
        result["facets"] = facets(db, filters, bucket=bucket)
    return result


def resolve_article_id(db: Database, id_or_prefix: str) -> str:
    full = db.store().resolve_id(id_or_prefix)
    if full is None:
        raise NotFound(f"no article with id {id_or_prefix!r}")
    return full


def article(db: Database, article_id: str) -> dict[str, Any]:
    """One article in the extraction contract's form, plus its text and stored metadata."""
    stored = db.store().article(resolve_article_id(db, article_id))
    if stored is None:  # deleted between the two reads
        raise NotFound(f"no article with id {article_id!r}")
    return stored.to_json()


# -- facts across articles -------------------------------------------------------------------------

def _fact_where(conditions: dict[str, tuple[str, Any]]) -> tuple[str, list[Any]]:
    """AND of the conditions whose value is given; a tuple value fills several placeholders."""
    clauses, params = [], []
    for clause, value in conditions.values():
        if value is None or value == "" or value == ():
            continue
        clauses.append(clause)
        params.extend(value if isinstance(value, tuple) else (value,))
    return (" AND ".join(clauses) or "1 = 1"), params


def _same_name(column: str, value: str | None) -> tuple[str, tuple[str, ...]]:
    """A name comparison that ignores case. SQL's lower() folds ASCII letters only, so the value is
    also tried capitalised word by word ("åse lien" finds "Åse Lien")."""
    if not value:
        return "", ()
    return f"lower({column}) IN (lower(?), lower(?))", (value, value.title())


def _contains(column: str, value: str | None) -> tuple[str, tuple[str, ...]]:
    """``column`` holds ``value`` (LIKE wildcards in the value are taken literally by dropping them)."""
    if not value:
        return "", ()
    cleaned = value.replace("%", "").replace("_", "")
    return (f"(lower({column}) LIKE '%' || lower(?) || '%' OR {column} LIKE '%' || ? || '%')",
            (cleaned, cleaned))


def events(db: Database, page: Page, *, type_: str | None = None, actor: str | None = None,
           target: str | None = None, date_from: str | None = None, date_to: str | None = None,
           negated: bool | None = None, entity: str | None = None) -> dict[str, Any]:
    """Events of every article, newest first; actor and target match the name without regard to case."""
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    where, params = _fact_where({
        "type": ("v.type = ?", type_),
        "actor": _same_name("v.actor", actor),
        "target": _same_name("v.target", target),
        "negated": ("v.negated = ?", None if negated is None else int(negated)),
    })
    for bound, op in ((date_from, ">="), (date_to, "<=")):
        if bound:
            where += f" AND substr(coalesce(v.date, a.date), 1, ?) {op} ?"
            params += [len(bound), bound]
    if entity:
        name, type_name = parse_entity_key(entity)
        where += (" AND EXISTS (SELECT 1 FROM entities x"
                  " WHERE x.entity_id IN (v.actor_entity, v.target_entity) AND x.name = ? AND x.type = ?)")
        params += [name, type_name]
    base = f"FROM events v JOIN articles a ON a.rid = v.article_rid WHERE {where}"
    total = int(db.scalar(f"SELECT count(*) {base}", params))
    rows = db.query(
        "SELECT v.event_id, v.type, v.trigger, v.actor, v.target, v.location, v.date, v.negated,"
        ' v.start, v."end", a.id AS article, a.title AS article_title, a.date AS article_date,'
        " a.span_start, a.text"
        f" {base} ORDER BY a.date IS NULL, a.date DESC, v.event_id DESC LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset])
    items = [_fact_item(row, negated=bool(row["negated"])) for row in rows]
    return {**page.info(total, len(items)), "items": items}


def quotes(db: Database, page: Page, *, speaker: str | None = None, direct: bool | None = None,
           q: str | None = None) -> dict[str, Any]:
    """Quotes of every article, newest first; ``speaker`` matches without regard to case."""
    where, params = _fact_where({
        "speaker": _same_name("qu.speaker", speaker),
        "direct": ("qu.direct = ?", None if direct is None else int(direct)),
        "q": _contains("qu.text", q),
    })
    base = f"FROM quotes qu JOIN articles a ON a.rid = qu.article_rid WHERE {where}"
    total = int(db.scalar(f"SELECT count(*) {base}", params))
    rows = db.query(
        'SELECT qu.quote_id, qu.text AS quote, qu.speaker, qu.direct, qu.start, qu."end",'
        " a.id AS article, a.title AS article_title, a.date AS article_date, a.span_start, a.text"
        f" {base} ORDER BY a.date IS NULL, a.date DESC, qu.quote_id DESC LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset])
    items = [_fact_item(row, direct=bool(row["direct"])) for row in rows]
    for item in items:
        item["text"] = item.pop("quote")
    return {**page.info(total, len(items)), "items": items}


def _fact_item(row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A stored fact row as the API gives it: its span, its article and the sentence it came from."""
    text = row.pop("text")
    base = row.pop("span_start")
    start, end = row.pop("start"), row.pop("end")
    row.update(extra)
    row["span"] = [start, end]
    row["sentence"] = sentence_at(text, start - base, end - base)
    row["sentence_index"] = sentence_index(text, start - base)
    return {key: value for key, value in row.items() if not key.endswith("_id")}


# -- sentences -------------------------------------------------------------------------------------

# A sentence ends at . ! ? (and closing quotes) before whitespace and a capital, a digit, a dash or a
# quotation mark; a line break always ends one. Abbreviations ("bl.a. Oslo") may split a sentence in
# two, which only moves an anchor by one sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[»”\"')]*(?=\s+[A-ZÆØÅ0-9–—«\"])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, covering it without gaps."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_index(text: str, offset: int) -> int:
    """The number of the sentence holding ``offset`` (0-based)."""
    for number, (start, end) in enumerate(sentence_spans(text)):
        if start <= offset < end:
            return number
    return 0


def sentence_at(text: str, start: int, end: int) -> str:
    spans = sentence_spans(text)
    first = next((s for s, e in spans if s <= start < e), 0)
    last = next((e for s, e in spans if s < end <= e), len(text))
    return " ".join(text[first:last].split())


# -- entities --------------------------------------------------------------------------------------

def entity_list(db: Database, page: Page, *, type_: str | None = None,
                q: str | None = None) -> dict[str, Any]:
    """Entities across articles (one per canonical name and type), most often named first."""
    where, params = _fact_where({
        "type": ("e.type = ?", type_),
        "q": _contains("e.name", q),
    })
    total = int(db.scalar(f"SELECT count(*) FROM (SELECT 1 FROM entities e WHERE {where}"
                          " GROUP BY e.name, e.type) t", params))
    rows = db.query(
        "SELECT e.name, e.type, count(DISTINCT e.article_rid) AS articles, count(m.entity_id) AS mentions,"
        " min(a.date) AS first_date, max(a.date) AS last_date"
        " FROM entities e JOIN articles a ON a.rid = e.article_rid"
        " LEFT JOIN mentions m ON m.entity_id = e.entity_id"
        f" WHERE {where} GROUP BY e.name, e.type ORDER BY articles DESC, mentions DESC, e.name, e.type"
        " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
    items = [{"id": entity_key(row["name"], row["type"]), **row} for row in rows]
    return {**page.info(total, len(items)), "items": items}


def entity(db: Database, key: str, *, bucket: str = "month", limit: int = 50) -> dict[str, Any]:
    """One entity across articles: its articles, mentions over time, quotes by and about it, events
    with it as actor or target, and the entities named in the same articles."""
    name, type_ = parse_entity_key(key)
    summary = db.one(
        "SELECT count(DISTINCT e.article_rid) AS articles, count(m.entity_id) AS mentions,"
        " min(a.date) AS first_date, max(a.date) AS last_date FROM entities e"
        " JOIN articles a ON a.rid = e.article_rid LEFT JOIN mentions m ON m.entity_id = e.entity_id"
        " WHERE e.name = ? AND e.type = ?", [name, type_])
    if summary is None or not summary["articles"]:
        raise NotFound(f"no entity {key!r}")
    width = BUCKETS[bucket]
    timeline = db.query(
        f"SELECT substr(a.date, 1, {width}) AS date, count(m.entity_id) AS mentions,"
        " count(DISTINCT a.rid) AS articles"
        " FROM entities e JOIN articles a ON a.rid = e.article_rid"
        " LEFT JOIN mentions m ON m.entity_id = e.entity_id"
        f" WHERE e.name = ? AND e.type = ? AND length(a.date) >= {width}"
        f" GROUP BY substr(a.date, 1, {width}) ORDER BY date", [name, type_])
    articles = db.query(
        "SELECT a.id, a.title, a.date, s.path AS source, count(m.entity_id) AS mentions"
        " FROM entities e JOIN articles a ON a.rid = e.article_rid"
        " JOIN sources s ON s.source_id = a.source_id LEFT JOIN mentions m ON m.entity_id = e.entity_id"
        " WHERE e.name = ? AND e.type = ? GROUP BY a.rid, a.id, a.title, a.date, s.path"
        " ORDER BY a.date IS NULL, a.date DESC, a.rid DESC LIMIT ?", [name, type_, limit])
    fact_columns = ("a.id AS article, a.title AS article_title, a.date AS article_date, a.span_start,"
                    " a.text")
    # Quotes and events point at the article entity they name (speaker_entity, actor_entity ...).
    quotes_by = db.query(
        f'SELECT qu.quote_id, qu.text AS quote, qu.speaker, qu.direct, qu.start, qu."end", {fact_columns}'
        " FROM quotes qu JOIN entities e ON e.entity_id = qu.speaker_entity"
        " JOIN articles a ON a.rid = qu.article_rid WHERE e.name = ? AND e.type = ?"
        " ORDER BY a.date IS NULL, a.date DESC, qu.quote_id DESC LIMIT ?", [name, type_, limit])
    quotes_about = db.query(
        f'SELECT DISTINCT qu.quote_id, qu.text AS quote, qu.speaker, qu.direct, qu.start, qu."end",'
        f" {fact_columns} FROM quotes qu JOIN articles a ON a.rid = qu.article_rid"
        " JOIN entities e ON e.article_rid = a.rid JOIN mentions m ON m.entity_id = e.entity_id"
        ' WHERE e.name = ? AND e.type = ? AND m.start >= qu.start AND m."end" <= qu."end"'
        " AND (qu.speaker_entity IS NULL OR qu.speaker_entity <> e.entity_id)"
        " ORDER BY a.date IS NULL, a.date DESC, qu.quote_id DESC LIMIT ?", [name, type_, limit])
    event_rows = db.query(
        "SELECT DISTINCT v.event_id, v.type, v.trigger, v.actor, v.target, v.location, v.date, v.negated,"
        f' v.start, v."end", {fact_columns}, CASE WHEN v.actor_entity = e.entity_id THEN 1 ELSE 0 END'
        " AS as_actor FROM events v JOIN entities e ON e.entity_id IN (v.actor_entity, v.target_entity)"
        " JOIN articles a ON a.rid = v.article_rid WHERE e.name = ? AND e.type = ?"
        " ORDER BY a.date IS NULL, a.date DESC, v.event_id DESC LIMIT ?", [name, type_, limit])
    co_occurring = db.query(
        "SELECT o.name, o.type, count(DISTINCT o.article_rid) AS articles FROM entities e"
        " JOIN entities o ON o.article_rid = e.article_rid AND NOT (o.name = e.name AND o.type = e.type)"
        " WHERE e.name = ? AND e.type = ? GROUP BY o.name, o.type"
        " ORDER BY articles DESC, o.name, o.type LIMIT ?", [name, type_, 20])
    events_list = []
    for row in event_rows:
        role = "actor" if row.pop("as_actor") else "target"
        events_list.append(_fact_item(row, negated=bool(row["negated"]), role=role))
    return {
        "id": key,
        "name": name,
        "type": type_,
        "aliases": [],
        **summary,
        "timeline": {"bucket": bucket, "points": timeline},
        "articles_list": articles,
        "quotes_by": [_quote_item(row) for row in quotes_by],
        "quotes_about": [_quote_item(row) for row in quotes_about],
        "events": events_list,
        "co_occurring": [{"id": entity_key(row["name"], row["type"]), **row} for row in co_occurring],
    }


def _quote_item(row: dict[str, Any]) -> dict[str, Any]:
    item = _fact_item(row, direct=bool(row["direct"]))
    item["text"] = item.pop("quote")
    return item


# -- series ----------------------------------------------------------------------------------------

_BOUND_WIDTH = {"about": 0.15}


def _interval(value: float, bound: str) -> tuple[float, float]:
    """The values a reported count allows: "rundt 70" is 70 ± 15 %, "minst 5" is 5 and more."""
    if bound == "about":
        return value * (1 - _BOUND_WIDTH["about"]), value * (1 + _BOUND_WIDTH["about"])
    if bound in ("at_least", "more_than"):
        return value, float("inf")
    if bound in ("at_most", "less_than"):
        return float("-inf"), value
    return value, value


def changes(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where a value moves from one point to the next beyond what both bounds allow."""
    found = []
    for before, after in zip(points, points[1:], strict=False):
        low_a, high_a = _interval(before["value"], before["bound"])
        low_b, high_b = _interval(after["value"], after["bound"])
        if high_a < low_b or high_b < low_a:
            found.append({"date": after["date"], "from": before["value"], "to": after["value"],
                          "article": after["article"], "point": after["number"]})
    return found


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def series_list(db: Database, page: Page, *, category: str | None = None, holder: str | None = None,
                location: str | None = None, min_points: int = 2) -> dict[str, Any]:
    """Counts followed across articles: one series per category, holder and location."""
    where, params = _fact_where({
        "category": ("c.category = ?", category),
        "holder": _same_name("c.holder", holder),
        "location": _same_name("c.location", location),
    })
    grouped = (f"FROM counts c JOIN articles a ON a.rid = c.article_rid WHERE {where}"
               " AND (c.holder IS NOT NULL OR c.location IS NOT NULL)"
               " GROUP BY c.category, c.holder, c.location HAVING count(DISTINCT c.article_rid) >= ?")
    total = int(db.scalar(f"SELECT count(*) FROM (SELECT 1 {grouped}) t", [*params, min_points]))
    rows = db.query(
        "SELECT c.category, c.holder, c.location, count(*) AS points, count(DISTINCT c.article_rid)"
        f" AS articles, min(a.date) AS first_date, max(a.date) AS last_date {grouped}"
        " ORDER BY articles DESC, points DESC, c.category, c.holder, c.location LIMIT ? OFFSET ?",
        [*params, min_points, page.limit, page.offset])
    items = [{"id": series_key(r["category"], r["holder"], r["location"]), **r} for r in rows]
    return {**page.info(total, len(items)), "items": items}


def series(db: Database, key: str) -> dict[str, Any]:
    """One series: every count of it in date order, and the changes."""
    category, holder, location = parse_series_key(key)
    where, params = "c.category = ?", [category]
    for column, value in (("holder", holder), ("location", location)):
        where += f" AND c.{column} IS NULL" if value is None else f" AND c.{column} = ?"
        params += [] if value is None else [value]
    rows = db.query(
        'SELECT c.count_id, c.value, c.bound, c.object, c.start, c."end", a.id AS article,'
        " a.title AS article_title, a.date AS article_date, a.span_start, a.text"
        f" FROM counts c JOIN articles a ON a.rid = c.article_rid WHERE {where}"
        " ORDER BY a.date IS NULL, a.date, a.rid, c.start, c.count_id", params)
    if not rows:
        raise NotFound(f"no series {key!r}")
    points = []
    for number, row in enumerate(rows):
        item = _fact_item(row)
        item["value"] = _plain(item["value"])
        item["date"] = item.pop("article_date")
        item["number"] = number
        points.append(item)
    objects = Counter(point["object"] for point in points)
    return {"id": key, "category": category, "holder": holder, "location": location,
            "object": objects.most_common(1)[0][0], "points": points, "changes": changes(points)}


def store_stats(db: Database) -> dict[str, Any]:
    """The store's row counts and date range, without its location."""
    stats = db.store().stats()
    stats.pop("path", None)
    return stats


# -- overview --------------------------------------------------------------------------------------

def overview(db: Database, *, top: int = 10) -> dict[str, Any]:
    """What is stored, the newest articles and the most named entities of the last week stored."""
    stats = store_stats(db)
    last = db.scalar("SELECT max(substr(date, 1, 10)) FROM articles WHERE length(date) >= 10")
    week: list[dict[str, Any]] = []
    week_start = None
    if last:
        from datetime import date, timedelta

        week_start = (date.fromisoformat(last) - timedelta(days=6)).isoformat()
        week = db.query(
            "SELECT e.name, e.type, count(DISTINCT e.article_rid) AS articles FROM entities e"
            " JOIN articles a ON a.rid = e.article_rid WHERE substr(a.date, 1, 10) >= ?"
            " AND substr(a.date, 1, 10) <= ? GROUP BY e.name, e.type"
            " ORDER BY articles DESC, e.name, e.type LIMIT ?", [week_start, last, top])
    overall = db.query(
        "SELECT e.name, e.type, count(DISTINCT e.article_rid) AS articles FROM entities e"
        " GROUP BY e.name, e.type ORDER BY articles DESC, e.name, e.type LIMIT ?", [top])
    recent = article_list(db, ArticleFilter(), Page(limit=8))["items"]
    return {
        "stats": stats,
        "week": {"from": week_start, "to": last,
                 "entities": [{"id": entity_key(r["name"], r["type"]), **r} for r in week]},
        "top_entities": [{"id": entity_key(r["name"], r["type"]), **r} for r in overall],
        "recent": recent,
    }
