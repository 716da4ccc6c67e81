"""One data function per view: the JSON API returns these dicts as they are, the pages only display them.

Everything is parameterised SQL over the store's tables (store/SCHEMA.md). Lists are paged with a
limit and an offset and ordered on a unique key last, so paging is stable. Facets follow datasette:
a ``GROUP BY`` wrapped around the filtered article set, one extra row to tell that a list was cut.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from nyhetsgraf import kb
from nyhetsgraf.kb.api import entity_filter
from nyhetsgraf.kb.series import CountFact, build_series, interval
from nyhetsgraf.store.textsearch import ParsedQuery, make_snippet, parse_query
from nyhetsgraf.web.db import Database

FACET_SIZE = 10
FACET_EXACT = 5000  # matches up to which date, source and language are counted exactly
FACET_SAMPLE = 2000  # articles the facts' facets count at most (the last stored of those that match)


def matching_rids(parsed: ParsedQuery, dialect: str) -> tuple[str, list[Any]]:
    """SQL selecting the row ids of the articles that match a full-text query, and its parameters:
    SQLite's FTS5 index of the stemmed shadow text, or PostgreSQL's generated ``search`` tsvector."""
    if dialect == "postgresql":
        from nyhetsgraf.store.postgresql import tsquery

        expression, params = tsquery(parsed)
        return f"SELECT rid FROM articles WHERE search @@ {expression}", list(params)
    return "SELECT rowid AS rid FROM articles_fts WHERE articles_fts MATCH ?", [parsed.fts_expression()]
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BUCKETS = {"year": 4, "month": 7, "day": 10}


class NotFound(LookupError):
    """The thing asked for is not stored."""


class BadRequest(ValueError):
    """A parameter is well-formed for the schema but makes no sense (unbalanced quote, bad date)."""


# -- ids in URLs -----------------------------------------------------------------------------------

def check_entity_id(value: str) -> str:
    """A corpus entity id of the knowledge base ("e" and hex digits, maybe a suffix)."""
    if not re.fullmatch(r"[A-Za-z0-9_~-]{1,64}", value):
        raise BadRequest(f"not an entity id: {value!r}")
    return value


def series_key(category: str, holder: str | None, location: str | None) -> str:
    """The id of a series: category, holder and location (corpus entity ids, empty when none) by '|'."""
    return "|".join((category, holder or "", location or ""))


def parse_series_key(key: str) -> tuple[str, str | None, str | None]:
    parts = key.split("|")
    if len(parts) != 3 or not parts[0] or not (parts[1] or parts[2]):
        raise BadRequest(f"not a series id (CATEGORY|holder|location): {key!r}")
    category, holder, location = parts
    for part in (holder, location):
        if part:
            check_entity_id(part)
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
            check_entity_id(cleaned["entity"])  # type: ignore[arg-type]
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

    def where(self, dialect: str = "sqlite") -> tuple[str, list[Any]]:
        """A condition on ``articles a`` (joined to ``sources s``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.parsed is not None:
            matching, matching_params = matching_rids(self.parsed, dialect)
            clauses.append(f"a.rid IN ({matching})")
            params += matching_params
        # The lengths are those of validated dates (4, 7 or 10), written into the SQL as numbers.
        if self.date_from:
            clauses.append(f"substr(a.date, 1, {len(self.date_from)}) >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"substr(a.date, 1, {len(self.date_to)}) <= ?")
            params.append(self.date_to)
        if self.source:
            clauses.append("s.path = ?")
            params.append(self.source)
        if self.language:
            clauses.append("a.language = ?")
            params.append(self.language)
        if self.entity:
            clauses.append("EXISTS (SELECT 1 FROM kb_entity_links fl WHERE fl.article_rid = a.rid"
                           " AND fl.corpus_id = ?)")
            params.append(self.entity)
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


def _only_query(filters: ArticleFilter) -> bool:
    return filters.parsed is not None and set(filters.params()) == {"q"}


def _count(db: Database, filters: ArticleFilter) -> int:
    if _only_query(filters):  # the full-text index alone knows
        matching, params = matching_rids(filters.parsed, db.dialect)  # type: ignore[arg-type]
        return int(db.scalar(f"SELECT count(*) FROM ({matching}) t", params))
    where, params = filters.where(db.dialect)
    return int(db.scalar(f"SELECT count(*) FROM articles a JOIN sources s ON s.source_id = a.source_id"
                         f" WHERE {where}", params))


def _page_rids(db: Database, filters: ArticleFilter, page: Page) -> list[tuple[int, float | None]]:
    """Row ids (and scores) of one page: ranked as the store ranks (``SqlStore.ranked``: BM25 or
    ``ts_rank``, title weighted 3x) when there is a query, else newest first. Only ids are sorted;
    the columns are read for the page alone afterwards."""
    if filters.parsed is not None:
        # The store's ranking (windows of matches newest first on a query that matches very many);
        # the other filters narrow the matches before they are ranked.
        where, params = ("", []) if _only_query(filters) else filters.without("q").where(db.dialect)
        return list(db.store().ranked(filters.parsed, page.limit, page.offset, where, params))
    where, params = filters.where(db.dialect)
    # SQLite sorts NULL first, so DESC puts undated articles last and walks the date index backwards
    # (it holds the row id too); PostgreSQL needs NULLS LAST said.
    nulls_last = "" if db.dialect == "sqlite" else " NULLS LAST"
    rows = db.query(f"SELECT a.rid FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE {where}"
                    f" ORDER BY a.date DESC{nulls_last}, a.rid DESC LIMIT ? OFFSET ?",
                    [*params, page.limit, page.offset])
    return [(int(row["rid"]), None) for row in rows]


def article_list(db: Database, filters: ArticleFilter, page: Page) -> dict[str, Any]:
    """A page of articles, newest first, optionally ranked by a full-text query, with snippets."""
    total = _count(db, filters)
    ranked = _page_rids(db, filters, page)
    details: dict[int, dict[str, Any]] = {}
    if ranked:
        marks = ", ".join("?" * len(ranked))
        details = {int(row["rid"]): row for row in db.query(
            f"SELECT {_ARTICLE_COLUMNS}, a.text FROM articles a JOIN sources s ON s.source_id = a.source_id"
            f" WHERE a.rid IN ({marks})", [rid for rid, _ in ranked])}
    items = []
    for rid, score in ranked:
        row = details.get(rid)
        if row is None:  # deleted between the two reads
            continue
        if filters.parsed is not None:
            snippet = make_snippet(row["text"], filters.parsed)
            items.append({**_public(row), "score": round(score or 0.0, 4), "snippet": snippet.text,
                          "highlights": [list(h) for h in snippet.highlights]})
        else:
            items.append({**_public(row), "snippet": _lead(row["text"][:400]), "highlights": []})
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


def facets(db: Database, filters: ArticleFilter, *, bucket: str = "month", size: int = FACET_SIZE,
           total: int | None = None) -> dict[str, Any]:
    """Counts of the filtered articles per date bucket, source, language, entity, event type and count
    category. Each facet ignores its own filter, so the other values stay visible to switch to.

    Date, source and language count every article, up to ``FACET_EXACT`` matches (``total``, when the
    caller knows it); beyond that they count every n-th stored article and multiply by n, and say
    ``"estimate": n``. The facts' facets (entity, event type, count category) count the
    ``FACET_SAMPLE`` articles stored last among those that match and say ``"sample": FACET_SAMPLE``:
    a query that matches most of a large store stays fast."""
    width = BUCKETS[bucket]
    own_filter = {"date": ("date_from", "date_to"), "source": ("source",), "language": ("language",),
                  "entity": ("entity",), "event_type": ("event_type",), "count_category": ("count_category",)}

    def scope_filters(name: str) -> ArticleFilter:
        scoped = filters
        for field_name in own_filter[name]:
            scoped = scoped.without(field_name)
        return scoped

    def scope(scoped: ArticleFilter, sample: bool = False) -> tuple[str, list[Any]]:
        if sample and _only_query(scoped):
            # The newest matches straight from the full-text index: no article row is read, and a
            # query that matches most of the store costs no more than one that matches a few.
            matching, params = matching_rids(scoped.parsed, db.dialect)  # type: ignore[arg-type]
            return f"{matching} ORDER BY rid DESC LIMIT {FACET_SAMPLE}", params
        where, params = scoped.where(db.dialect)
        sql = f"SELECT a.rid FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE {where}"
        return (sql + f" ORDER BY a.rid DESC LIMIT {FACET_SAMPLE}" if sample else sql), params

    result: dict[str, Any] = {}
    # Date, source and language in one pass when no facet has its own filter set (the usual case).
    plain = ("date", "source", "language")
    if all(scope_filters(name) == filters for name in plain):
        every = -(-total // FACET_EXACT) if total else 1
        where, params = filters.where(db.dialect)
        if every > 1:  # row ids are spread evenly over the store, so every n-th is a fair sample
            where, params = filters.without("q").where(db.dialect)
            where += f" AND a.rid % {every} = 0"
            if filters.parsed is not None:  # thinned in the index, before any article row is read
                matching, matching_params = matching_rids(filters.parsed, db.dialect)
                key = "rowid" if db.dialect == "sqlite" else "rid"
                where += f" AND a.rid IN ({matching} AND {key} % {every} = 0)"
                params += matching_params
        rows = db.query(f"SELECT substr(a.date, 1, {width}) AS day, s.path, s.name, a.language,"
                        f" count(*) * {every} AS n FROM articles a"
                        f" JOIN sources s ON s.source_id = a.source_id WHERE {where}"
                        f" GROUP BY substr(a.date, 1, {width}), s.path, s.name, a.language", params)
        groups: dict[str, dict[Any, int]] = {"date": {}, "source": {}, "language": {}}
        labels_of: dict[str, str | None] = {}
        for row in rows:
            if row["day"] and len(row["day"]) >= width:
                groups["date"][row["day"]] = groups["date"].get(row["day"], 0) + int(row["n"])
            groups["source"][row["path"]] = groups["source"].get(row["path"], 0) + int(row["n"])
            labels_of[row["path"]] = row["name"]
            groups["language"][row["language"]] = groups["language"].get(row["language"], 0) + int(row["n"])
        estimate = {"estimate": every} if every > 1 else {}
        result["date"] = {"bucket": bucket, "truncated": False, **estimate, "values": [
            {"value": value, "count": count} for value, count in sorted(groups["date"].items())]}
        for name in ("source", "language"):
            ordered = sorted(groups[name].items(), key=lambda item: (-item[1], item[0]))
            values = [{"value": value, **({"label": labels_of[value]} if name == "source" else {}),
                       "count": count} for value, count in ordered]
            result[name] = {"truncated": len(values) > size, **estimate, "values": values[:size]}
    else:
        where, params = scope_filters("date").where(db.dialect)
        result["date"] = {"bucket": bucket, "truncated": False, "values": db.query(
            f"SELECT substr(a.date, 1, {width}) AS value, count(*) AS count FROM articles a"
            f" JOIN sources s ON s.source_id = a.source_id WHERE {where} AND length(a.date) >= {width}"
            f" GROUP BY substr(a.date, 1, {width}) ORDER BY value", params)}
        subquery, params = scope(scope_filters("source"))
        result["source"] = _facet(
            db, "SELECT s.path AS value, s.name AS label, count(*) AS count",
            f"FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE a.rid IN ({subquery})"
            " GROUP BY s.path, s.name", params, size)
        subquery, params = scope(scope_filters("language"))
        result["language"] = _facet(db, "SELECT a.language AS value, count(*) AS count",
                                    f"FROM articles a WHERE a.rid IN ({subquery}) GROUP BY a.language",
                                    params, size)

    samples: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}

    def sampled(scoped: ArticleFilter) -> dict[str, Any]:
        key = tuple(sorted(scoped.params().items()))
        if key not in samples:
            if total is not None and scoped == filters:
                more = total
            else:
                sql, params = scope(scoped)
                more = int(db.scalar(f"SELECT count(*) FROM ({sql} LIMIT {FACET_SAMPLE + 1}) t", params))
            samples[key] = {"sample": FACET_SAMPLE} if more > FACET_SAMPLE else {}
        return samples[key]

    # Driven from the (sampled) article ids, which SQLite then looks up in each fact table's index.
    fact_facets = {
        "entity": ("SELECT l.corpus_id AS value, count(DISTINCT l.article_rid) AS count",
                   "FROM ({scope}) r JOIN kb_entity_links l ON l.article_rid = r.rid GROUP BY l.corpus_id"),
        "event_type": ("SELECT v.type AS value, count(DISTINCT v.article_rid) AS count",
                       "FROM ({scope}) r JOIN events v ON v.article_rid = r.rid GROUP BY v.type"),
        "count_category": ("SELECT c.category AS value, count(DISTINCT c.article_rid) AS count",
                           "FROM ({scope}) r JOIN counts c ON c.article_rid = r.rid GROUP BY c.category"),
    }
    for name, (select, source) in fact_facets.items():
        scoped = scope_filters(name)
        subquery, params = scope(scoped, sample=True)
        result[name] = sampled(scoped) | _facet(db, select, source.format(scope=subquery), params, size)
    known = {r["id"]: r for r in db.query(
        "SELECT id, name, type FROM kb_entities WHERE id IN ({})".format(
            ", ".join("?" * len(result["entity"]["values"])) or "NULL"),
        [v["value"] for v in result["entity"]["values"]])}
    result["entity"]["values"] = [
        {"value": v["value"], "name": known.get(v["value"], {}).get("name", v["value"]),
         "type": known.get(v["value"], {}).get("type"), "count": v["count"]}
        for v in result["entity"]["values"]]
    return result


def search(db: Database, filters: ArticleFilter, page: Page, *, bucket: str = "month",
           with_facets: bool = True) -> dict[str, Any]:
    """Articles (ranked when there is a query) and the facets of the whole filtered set."""
    result = article_list(db, filters, page)
    if with_facets:
        result["facets"] = facets(db, filters, bucket=bucket, total=result["total"])
    return result


def resolve_article_id(db: Database, id_or_prefix: str) -> str:
    full = db.store().resolve_id(id_or_prefix)
    if full is None:
        raise NotFound(f"no article with id {id_or_prefix!r}")
    return full


def article(db: Database, article_id: str) -> dict[str, Any]:
    """One article in the extraction contract's form, plus its text and stored metadata."""
    full_id = resolve_article_id(db, article_id)
    stored = db.store().article(full_id)
    if stored is None:  # deleted between the two reads
        raise NotFound(f"no article with id {article_id!r}")
    return {**stored.to_json(), "kb": _article_kb(db, full_id)}


def _article_kb(db: Database, article_id: str) -> dict[str, Any]:
    """What the knowledge base knows of an article: its story, the article it duplicates, and the
    corpus entity of each of its entities (in the order of its ``entities`` list)."""
    rows = db.query("SELECT l.corpus_id FROM entities e JOIN articles a ON a.rid = e.article_rid"
                    " LEFT JOIN kb_entity_links l ON l.entity_id = e.entity_id WHERE a.id = ?"
                    " ORDER BY e.entity_id", [article_id])
    link = db.one("SELECT k.story, s.title AS story_title, s.articles AS story_articles, d.id AS duplicate_of"
                  " FROM kb_articles k JOIN articles a ON a.rid = k.article_rid"
                  " LEFT JOIN kb_stories s ON s.id = k.story LEFT JOIN articles d ON d.rid = k.duplicate_of"
                  " WHERE a.id = ?", [article_id])
    return {"entities": [row["corpus_id"] for row in rows], **(link or {
        "story": None, "story_title": None, "story_articles": None, "duplicate_of": None})}


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
    """Events of every article, the last stored first (an index order, fast on a large store); actor and
    target match the name without regard to case."""
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    where, params = _fact_where({
        "type": ("v.type = ?", type_),
        "actor": _same_name("v.actor", actor),
        "target": _same_name("v.target", target),
        "negated": ("v.negated = ?", None if negated is None else int(negated)),
    })
    for bound, op in ((date_from, ">="), (date_to, "<=")):
        if bound:
            where += f" AND substr(coalesce(v.date, a.date), 1, {len(bound)}) {op} ?"
            params.append(bound)
    if entity:
        where += (" AND EXISTS (SELECT 1 FROM kb_entity_links x"
                  " WHERE x.entity_id IN (v.actor_entity, v.target_entity) AND x.corpus_id = ?)")
        params.append(check_entity_id(entity))
    base = f"FROM events v JOIN articles a ON a.rid = v.article_rid WHERE {where}"
    # Without a date the count needs no join (the article's date is the fallback of the event's own).
    counted = base if (date_from or date_to) else f"FROM events v WHERE {where}"
    total = int(db.scalar(f"SELECT count(*) {counted}", params))
    rows = db.query(
        "SELECT v.event_id, v.type, v.trigger, v.actor, v.target, v.location, v.date, v.negated,"
        ' v.start, v."end", a.id AS article, a.title AS article_title, a.date AS article_date,'
        " a.span_start, a.text"
        f" {base} ORDER BY v.article_rid DESC, v.event_id DESC LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset])
    items = [_fact_item(row, negated=bool(row["negated"])) for row in rows]
    return {**page.info(total, len(items)), "items": items}


def quotes(db: Database, page: Page, *, speaker: str | None = None, direct: bool | None = None,
           q: str | None = None) -> dict[str, Any]:
    """Quotes of every article, the last stored first; ``speaker`` matches without regard to case."""
    where, params = _fact_where({
        "speaker": _same_name("qu.speaker", speaker),
        "direct": ("qu.direct = ?", None if direct is None else int(direct)),
        "q": _contains("qu.text", q),
    })
    base = f"FROM quotes qu JOIN articles a ON a.rid = qu.article_rid WHERE {where}"
    total = int(db.scalar(f"SELECT count(*) FROM quotes qu WHERE {where}", params))
    rows = db.query(
        'SELECT qu.quote_id, qu.text AS quote, qu.speaker, qu.direct, qu.start, qu."end",'
        " a.id AS article, a.title AS article_title, a.date AS article_date, a.span_start, a.text"
        f" {base} ORDER BY qu.article_rid DESC, qu.quote_id DESC LIMIT ? OFFSET ?",
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


def sentence_index(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> int:
    """The number of the sentence holding ``offset`` (0-based)."""
    for number, (start, end) in enumerate(spans if spans is not None else sentence_spans(text)):
        if start <= offset < end:
            return number
    return 0


def sentence_at(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> str:
    spans = spans if spans is not None else sentence_spans(text)
    first = next((s for s, e in spans if s <= start < e), 0)
    last = next((e for s, e in spans if s < end <= e), len(text))
    return " ".join(text[first:last].split())


def with_sentences(db: Database, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add to each fact (``article`` id, input ``span``) its sentence and the sentence's number."""
    ids = sorted({item["article"] for item in items})
    texts: dict[str, tuple[int, str, list[tuple[int, int]]]] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        for row in db.query(f"SELECT id, span_start, text FROM articles WHERE id IN ({marks})", part):
            texts[row["id"]] = (row["span_start"], row["text"], sentence_spans(row["text"]))
    for item in items:
        base, text, spans = texts.get(item["article"], (0, "", []))
        start, end = item["span"][0] - base, item["span"][1] - base
        item["sentence"] = sentence_at(text, start, end, spans)
        item["sentence_index"] = sentence_index(text, start, spans)
    return items


def _titles(db: Database, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = sorted({item["article"] for item in items})
    titles: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        for row in db.query(f"SELECT id, title FROM articles WHERE id IN ({marks})", part):
            titles[row["id"]] = row["title"]
    for item in items:
        item["article_title"] = titles.get(item["article"])
    return items


# -- entities (the knowledge base's corpus entities) ------------------------------------------------

def _entity_where(type_: str | None, q: str | None) -> tuple[str, list[Any]]:
    """The filter of ``kb.entities`` as one SQL condition: a NorNE type, part of a name or alias."""
    clauses, params = entity_filter(type_, q)
    return (" AND ".join(clauses) or "1 = 1"), params


def entity_list(db: Database, page: Page, *, type_: str | None = None,
                q: str | None = None) -> dict[str, Any]:
    """Entities across articles (the knowledge base's), most often named first."""
    where, params = _entity_where(type_, q)
    total = int(db.scalar(f"SELECT count(*) FROM kb_entities e WHERE {where}", params))
    items = [entity.to_json() for entity in kb.entities(db.store(), type=type_, search=q, limit=page.limit,
                                                         offset=page.offset)]
    return {**page.info(total, len(items)), "items": items}


ENTITY_LIST = 50  # items of each list on an entity's page (the most recently stored)
ENTITY_WINDOW = 500  # the entity's most recently stored articles that quotes about it and co-occurrence read


def entity(db: Database, entity_id: str, *, bucket: str = "month") -> dict[str, Any]:
    """One corpus entity of the knowledge base: aliases, mentions over time (all its articles), and,
    from its most recently stored articles, the articles, quotes by and about it, events with it as
    actor or target, the entities named in the same articles and its stories.

    The same answers as ``kb.entity``, bounded so that an entity named in half of a large store
    (a country, a news agency) is as quick to show as any other: lists hold ``ENTITY_LIST`` items;
    quotes about it and co-occurring entities are read from its last ``ENTITY_WINDOW`` articles."""
    found = db.one("SELECT id, name, type, aliases, articles, mentions, first_date, last_date"
                   " FROM kb_entities WHERE id = ?", [check_entity_id(entity_id)])
    if found is None:
        raise NotFound(f"no entity {entity_id!r}")
    result: dict[str, Any] = {**found, "aliases": json.loads(found["aliases"]), "list_limit": ENTITY_LIST,
                              "window": ENTITY_WINDOW}
    width = BUCKETS[bucket]
    result["timeline"] = {"bucket": bucket, "points": db.query(
        f"SELECT substr(a.date, 1, {width}) AS date, sum(l.mentions) AS mentions,"
        " count(DISTINCT a.rid) AS articles FROM kb_entity_links l JOIN articles a ON a.rid = l.article_rid"
        f" WHERE l.corpus_id = ? AND length(a.date) >= {width} GROUP BY substr(a.date, 1, {width})"
        " ORDER BY date", [entity_id])}
    latest = ("SELECT entity_id, article_rid FROM kb_entity_links WHERE corpus_id = ?"
              f" ORDER BY article_rid DESC LIMIT {ENTITY_WINDOW}")
    result["articles_list"] = db.query(
        "SELECT a.id, a.date, a.title, s.path AS source, a.idx AS \"index\", k.story, d.id AS duplicate_of,"
        " l.mentions FROM kb_entity_links l JOIN articles a ON a.rid = l.article_rid"
        " JOIN sources s ON s.source_id = a.source_id LEFT JOIN kb_articles k ON k.article_rid = a.rid"
        " LEFT JOIN articles d ON d.rid = k.duplicate_of WHERE l.corpus_id = ?"
        f" ORDER BY l.article_rid DESC, l.entity_id LIMIT {ENTITY_LIST}", [entity_id])
    quote_columns = ("a.id AS article, a.date, a.title AS article_title, q.text, q.speaker,"
                     ' sl.corpus_id AS speaker_entity, q.direct, q.start, q."end", q.quote_id')
    quotes_by = db.query(
        f"SELECT {quote_columns} FROM kb_entity_links sl JOIN quotes q ON q.speaker_entity = sl.entity_id"
        " JOIN articles a ON a.rid = q.article_rid WHERE sl.corpus_id = ?"
        f" ORDER BY q.article_rid DESC, q.quote_id LIMIT {ENTITY_LIST}", [entity_id])
    quotes_about = db.query(
        f"SELECT DISTINCT {quote_columns}, q.article_rid FROM ({latest}) l"
        " JOIN mentions m ON m.entity_id = l.entity_id"
        ' JOIN quotes q ON q.article_rid = l.article_rid AND q.start <= m.start AND m."end" <= q."end"'
        " JOIN articles a ON a.rid = q.article_rid"
        " LEFT JOIN kb_entity_links sl ON sl.entity_id = q.speaker_entity"
        " WHERE sl.corpus_id IS NULL OR sl.corpus_id <> ?"
        f" ORDER BY q.article_rid DESC, q.quote_id LIMIT {ENTITY_LIST}", [entity_id, entity_id])
    for item in (*quotes_by, *quotes_about):
        item["direct"] = bool(item["direct"])
        item["span"] = [item.pop("start"), item.pop("end")]
        item.pop("quote_id", None)
        item.pop("article_rid", None)
    event_sql = ("SELECT a.id AS article, coalesce(v.date, a.date) AS date, a.date AS article_date,"
                 " a.title AS article_title, v.type, v.trigger, v.actor, la.corpus_id AS actor_entity,"
                 " v.target,"
                 ' lt.corpus_id AS target_entity, v.negated, v.start, v."end" FROM events v'
                 " JOIN articles a ON a.rid = v.article_rid"
                 " LEFT JOIN kb_entity_links la ON la.entity_id = v.actor_entity"
                 " LEFT JOIN kb_entity_links lt ON lt.entity_id = v.target_entity"
                 f" WHERE {{role}}.corpus_id = ? ORDER BY v.article_rid DESC, v.event_id LIMIT {ENTITY_LIST}")
    for key, role in (("events_as_actor", "la"), ("events_as_target", "lt")):
        rows = db.query(event_sql.format(role=role), [entity_id])
        for item in rows:
            item["negated"] = bool(item["negated"])
            item["span"] = [item.pop("start"), item.pop("end")]
        result[key] = rows
    result["quotes_by"], result["quotes_about"] = quotes_by, quotes_about
    for key in ("quotes_by", "quotes_about", "events_as_actor", "events_as_target"):
        with_sentences(db, result[key])
    co_rows = db.query(
        f"SELECT o.corpus_id, count(DISTINCT o.article_rid) AS articles FROM ({latest}) l"
        " JOIN kb_entity_links o ON o.article_rid = l.article_rid WHERE o.corpus_id <> ?"
        " GROUP BY o.corpus_id ORDER BY articles DESC, o.corpus_id LIMIT 15", [entity_id, entity_id])
    marks = ", ".join("?" * len(co_rows)) or "NULL"
    names = {r["id"]: r for r in db.query(f"SELECT id, name, type FROM kb_entities WHERE id IN ({marks})",
                                          [r["corpus_id"] for r in co_rows])}
    result["cooccurring"] = [{"id": r["corpus_id"], "name": names[r["corpus_id"]]["name"],
                              "type": names[r["corpus_id"]]["type"], "articles": int(r["articles"])}
                             for r in co_rows if r["corpus_id"] in names]
    result["stories"] = db.query(
        "SELECT s.id, s.title, s.articles, s.first_date, s.last_date FROM kb_stories s WHERE s.id IN"
        f" (SELECT k.story FROM ({latest}) l JOIN kb_articles k ON k.article_rid = l.article_rid)"
        " ORDER BY s.articles DESC, s.last_date DESC, s.id LIMIT 10", [entity_id])
    return result


# -- stories ---------------------------------------------------------------------------------------

def story_list(db: Database, page: Page, *, min_articles: int = 2,
               entity_id: str | None = None) -> dict[str, Any]:
    """Stories (articles about one happening), largest and latest first."""
    where, params = "articles >= ?", [min_articles]
    if entity_id:
        where += (" AND id IN (SELECT k.story FROM kb_entity_links l JOIN kb_articles k"
                  " ON k.article_rid = l.article_rid WHERE l.corpus_id = ?)")
        params.append(check_entity_id(entity_id))
    total = int(db.scalar(f"SELECT count(*) FROM kb_stories WHERE {where}", params))
    # The same order as kb.stories; only what a list shows (kb.stories loads every member of each story).
    items = db.query(f"SELECT id, title, first_date, last_date, articles FROM kb_stories WHERE {where}"
                     " ORDER BY articles DESC, last_date DESC, id LIMIT ? OFFSET ?",
                     [*params, page.limit, page.offset])
    ids = [item["id"] for item in items]
    duplicates: dict[str, int] = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        duplicates = {r["story"]: int(r["n"]) for r in db.query(
            f"SELECT story, count(*) AS n FROM kb_articles WHERE story IN ({marks})"
            " AND duplicate_of IS NOT NULL GROUP BY story", ids)}
    for item in items:
        item["duplicates"] = duplicates.get(item["id"], 0)
    return {**page.info(total, len(items)), "items": items}


def story(db: Database, story_id: str) -> dict[str, Any]:
    """One story: its articles in date order (near-duplicates under their original), main entities, the
    count series its articles feed."""
    if not re.fullmatch(r"[A-Za-z0-9_~-]{1,64}", story_id):
        raise BadRequest(f"not a story id: {story_id!r}")
    found = kb.story(db.store(), story_id)
    if found is None:
        raise NotFound(f"no story {story_id!r}")
    result = found.to_json()
    originals = [a for a in result["articles"] if not a["duplicate_of"]]
    copies: dict[str, list[dict[str, Any]]] = {}
    for item in result["articles"]:
        if item["duplicate_of"]:
            copies.setdefault(item["duplicate_of"], []).append(item)
    known = {a["id"] for a in originals}
    # A duplicate whose original is in another story stays in the list.
    originals += [a for a in result["articles"] if a["duplicate_of"] and a["duplicate_of"] not in known]
    originals.sort(key=lambda a: (a["date"] or "", a["id"]))
    result["collapsed"] = [{**a, "duplicates": copies.get(a["id"], [])} for a in originals]
    ids = [a["id"] for a in result["articles"]]
    result["series"] = series_list(db, Page(limit=50), articles=ids)["items"] if ids else []
    return result


# -- series ----------------------------------------------------------------------------------------

def changes(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where a value moves from one point to the next beyond what both bounds allow (kb's rule)."""
    found = []
    for before, after in zip(points, points[1:], strict=False):
        low_a, high_a = interval(before["value"], before["bound"])
        low_b, high_b = interval(after["value"], after["bound"])
        if high_a < low_b or high_b < low_a:
            found.append({"date": after["date"], "from": before["value"], "to": after["value"],
                          "article": after["article"], "point": after["number"]})
    return found


_COUNT_LINKS = ("FROM counts c JOIN articles a ON a.rid = c.article_rid"
                " LEFT JOIN kb_entity_links lh ON lh.entity_id = c.holder_entity"
                " LEFT JOIN kb_entity_links ll ON ll.entity_id = c.location_entity")


def series_list(db: Database, page: Page, *, category: str | None = None, holder: str | None = None,
                location: str | None = None, min_points: int = 2,
                articles: list[str] | None = None) -> dict[str, Any]:
    """Counts followed across articles: one series per category, holder and location entity (counts
    whose holder and location are no known entity are left out). ``articles``: only series that these
    articles feed."""
    where, params = _fact_where({
        "category": ("c.category = ?", category.upper() if category else None),
        "holder": ("lh.corpus_id = ?", check_entity_id(holder) if holder else None),
        "location": ("ll.corpus_id = ?", check_entity_id(location) if location else None),
    })
    where += " AND (lh.corpus_id IS NOT NULL OR ll.corpus_id IS NOT NULL)"
    if articles:
        keys = (f"SELECT c2.category, lh2.corpus_id AS h, ll2.corpus_id AS l FROM counts c2"
                " JOIN articles a2 ON a2.rid = c2.article_rid"
                " LEFT JOIN kb_entity_links lh2 ON lh2.entity_id = c2.holder_entity"
                " LEFT JOIN kb_entity_links ll2 ON ll2.entity_id = c2.location_entity"
                f" WHERE a2.id IN ({', '.join('?' * len(articles))})")
        where += (f" AND EXISTS (SELECT 1 FROM ({keys}) k WHERE k.category = c.category"
                  " AND coalesce(k.h, '') = coalesce(lh.corpus_id, '')"
                  " AND coalesce(k.l, '') = coalesce(ll.corpus_id, ''))")
        params += articles
    grouped = (f"{_COUNT_LINKS} WHERE {where} GROUP BY c.category, lh.corpus_id, ll.corpus_id"
               " HAVING count(DISTINCT c.article_rid) >= ?")
    total = int(db.scalar(f"SELECT count(*) FROM (SELECT 1 {grouped}) t", [*params, min_points]))
    rows = db.query(
        "SELECT c.category, lh.corpus_id AS holder, ll.corpus_id AS location, count(*) AS points,"
        " count(DISTINCT c.article_rid) AS articles, min(a.date) AS first_date, max(a.date) AS last_date"
        f" {grouped} ORDER BY articles DESC, points DESC, c.category, lh.corpus_id, ll.corpus_id"
        " LIMIT ? OFFSET ?", [*params, min_points, page.limit, page.offset])
    names = _entity_names(db, {x for r in rows for x in (r["holder"], r["location"]) if x})
    items = [{"id": series_key(r["category"], r["holder"], r["location"]), **r,
              "holder_name": names.get(r["holder"]), "location_name": names.get(r["location"])} for r in rows]
    return {**page.info(total, len(items)), "items": items}


def entity_name(db: Database, entity_id: str) -> str | None:
    return _entity_names(db, {entity_id}).get(entity_id)


def _entity_names(db: Database, ids: set[str]) -> dict[str, str]:
    wanted = sorted(ids)
    if not wanted:
        return {}
    return {r["id"]: r["name"] for r in db.query(
        f"SELECT id, name FROM kb_entities WHERE id IN ({', '.join('?' * len(wanted))})", wanted)}


def series(db: Database, key: str) -> dict[str, Any]:
    """One series: every count of it in date order (the sentence's own date where it gives one) with its
    sentence, and the changes (the knowledge base's series rules)."""
    category, holder, location = parse_series_key(key)
    # The series is found from a known entity's links (the corpus index), then that entity's counts
    # (their holder or location index), rather than from every count of its category: CROSS JOIN keeps
    # SQLite to that order (PostgreSQL plans it alike), where it chose the category's index, 10x slower.
    first: tuple[str, str, str] | None = None
    joins: list[str] = []
    join_params: list[str] = []
    conditions: list[str] = []
    for alias, column, value in (("lh", "holder_entity", holder), ("ll", "location_entity", location)):
        if value is None:
            joins.append(f"LEFT JOIN kb_entity_links {alias} ON {alias}.entity_id = c.{column}")
            conditions.append(f"{alias}.corpus_id IS NULL")
        elif first is None:
            first = (alias, column, value)
        else:
            joins.append(f"JOIN kb_entity_links {alias} ON {alias}.entity_id = c.{column}"
                         f" AND {alias}.corpus_id = ?")
            join_params.append(value)
    assert first is not None  # parse_series_key wants a holder or a location
    alias, column, value = first
    rows = db.query(
        "SELECT a.id, a.date AS article_date, a.rid, c.category, c.value, c.bound, c.object, c.holder,"
        ' c.location, c.start, c."end", lh.corpus_id AS holder_id, ll.corpus_id AS location_id,'
        f" d.date AS point_date FROM kb_entity_links {alias} CROSS JOIN counts c " + " ".join(joins)
        + " JOIN articles a ON a.rid = c.article_rid LEFT JOIN kb_count_dates d ON d.count_id = c.count_id"
        f" WHERE {alias}.corpus_id = ? AND {alias}.entity_id = c.{column} AND c.category = ?"
        + "".join(f" AND {condition}" for condition in conditions),
        [*join_params, value, category])
    facts = [CountFact(r["id"], r["article_date"], int(r["rid"]), r["category"], float(r["value"]),
                                 r["bound"], r["object"], r["holder_id"], r["holder"], r["location_id"],
                                 r["location"], (int(r["start"]), int(r["end"])),
                                 r["point_date"] or r["article_date"]) for r in rows]
    names = _entity_names(db, {x for x in (holder, location) if x})
    built = build_series(facts, names, min_points=1)
    if not built:
        raise NotFound(f"no series {key!r}")
    found = built[0].to_json()
    points = found["points"]
    for number, point in enumerate(points):
        point["number"] = number
    _titles(db, with_sentences(db, points))
    changed = {(c["article"], c["to"]) for c in found["changes"]}
    for point in points:
        point["change"] = (point["article"], point["value"]) in changed
    number = {(p["article"], p["value"]): p["number"] for p in points}
    return {**found, "id": key,
            "changes": [{**c, "point": number[(c["article"], c["to"])]} for c in found["changes"]]}

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
    top_sql = ("SELECT k.id, k.name, k.type, count(DISTINCT l.article_rid) AS articles FROM articles a"
               " JOIN kb_entity_links l ON l.article_rid = a.rid JOIN kb_entities k ON k.id = l.corpus_id"
               " WHERE {where} GROUP BY k.id, k.name, k.type ORDER BY articles DESC, k.name, k.id LIMIT ?")
    if last:
        from datetime import date, timedelta

        week_start = (date.fromisoformat(last) - timedelta(days=6)).isoformat()
        day_after = (date.fromisoformat(last) + timedelta(days=1)).isoformat()
        # Plain comparisons of ISO strings, so the date index finds the week's articles.
        week = db.query(top_sql.format(where="a.date >= ? AND a.date < ?"), [week_start, day_after, top])
    overall = [e.to_json() for e in kb.entities(db.store(), limit=top)]
    stories = story_list(db, Page(limit=5))["items"]
    recent = article_list(db, ArticleFilter(), Page(limit=8))["items"]
    return {
        "stats": stats,
        "week": {"from": week_start, "to": last, "entities": week},
        "top_entities": overall,
        "stories": stories,
        "pending": kb.pending(db.store()),
        "recent": recent,
    }
