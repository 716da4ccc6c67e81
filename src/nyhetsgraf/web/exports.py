"""Exports of a filtered article list, or of its facts, as JSON Lines or CSV, streamed in batches.

Each batch is its own query (keyset paging on the article row id), so a long download never holds
a cursor across the thread switches of a streaming response.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from nyhetsgraf.web.data import ArticleFilter, article
from nyhetsgraf.web.db import Database

BATCH = 200

_FACT_QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "events": ('SELECT a.id AS article, a.date AS article_date, v.type, v.trigger, v.actor, v.target,'
               ' v.location, v.date, v.negated, v.start, v."end" FROM events v'
               ' JOIN articles a ON a.rid = v.article_rid WHERE v.article_rid IN ({rids})'
               " ORDER BY v.article_rid, v.event_id",
               ("negated",)),
    "quotes": ('SELECT a.id AS article, a.date AS article_date, qu.text, qu.speaker, qu.direct, qu.start,'
               ' qu."end" FROM quotes qu JOIN articles a ON a.rid = qu.article_rid'
               " WHERE qu.article_rid IN ({rids}) ORDER BY qu.article_rid, qu.quote_id",
               ("direct",)),
    "counts": ('SELECT a.id AS article, a.date AS article_date, c.category, c.value, c.bound, c.object,'
               ' c.holder, c.location, c.start, c."end" FROM counts c'
               " JOIN articles a ON a.rid = c.article_rid"
               " WHERE c.article_rid IN ({rids}) ORDER BY c.article_rid, c.count_id",
               ()),
    "entities": ("SELECT a.id AS article, a.date AS article_date, e.name, e.type,"
                 " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.entity_id) AS mentions"
                 " FROM entities e JOIN articles a ON a.rid = e.article_rid"
                 " WHERE e.article_rid IN ({rids}) ORDER BY e.article_rid, e.entity_id",
                 ()),
}
ARTICLE_COLUMNS = ("id", "date", "title", "source", "language", "url", "entities", "quotes", "counts",
                   "events", "times")


def _article_batches(db: Database, filters: ArticleFilter,
                     limit: int | None) -> Iterator[list[dict[str, Any]]]:
    where, params = filters.where(db.dialect)
    last = -1
    left = limit
    while left is None or left > 0:
        size = BATCH if left is None else min(BATCH, left)
        rows = db.query(
            'SELECT a.rid, a.id, a.date, a.title, s.path AS source, a.language, a.url,'
            " (SELECT count(*) FROM entities WHERE article_rid = a.rid) AS entities,"
            " (SELECT count(*) FROM quotes WHERE article_rid = a.rid) AS quotes,"
            " (SELECT count(*) FROM counts WHERE article_rid = a.rid) AS counts,"
            " (SELECT count(*) FROM events WHERE article_rid = a.rid) AS events,"
            " (SELECT count(*) FROM times WHERE article_rid = a.rid) AS times"
            f" FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE {where} AND a.rid > ?"
            " ORDER BY a.rid LIMIT ?", [*params, last, size])
        if not rows:
            return
        yield rows
        last = rows[-1]["rid"]
        if left is not None:
            left -= len(rows)


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...], header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows({key: _plain(row.get(key)) for key in columns} for row in rows)
    return buffer.getvalue()


def export_rows(db: Database, what: str, filters: ArticleFilter, fmt: str,
                limit: int | None = None) -> Iterator[str]:
    """Chunks of the export file. ``limit`` caps the number of articles."""
    first = True
    for batch in _article_batches(db, filters, limit):
        if what == "articles":
            if fmt == "csv":
                yield _csv(batch, ARTICLE_COLUMNS, header=first)
            else:
                yield "".join(json.dumps(article(db, row["id"]), ensure_ascii=False) + "\n" for row in batch)
        else:
            sql, booleans = _FACT_QUERIES[what]
            rids = [row["rid"] for row in batch]
            rows = db.query(sql.format(rids=", ".join("?" * len(rids))), rids)
            for row in rows:
                for name in booleans:
                    row[name] = bool(row[name])
            if fmt == "csv":
                yield _csv(rows, _columns(sql), header=first)
            else:
                yield "".join(json.dumps({key: _plain(value) for key, value in row.items()},
                                         ensure_ascii=False) + "\n" for row in rows)
        first = False
    if first and fmt == "csv":  # nothing matched: still a valid CSV with its header
        columns = ARTICLE_COLUMNS if what == "articles" else _columns(_FACT_QUERIES[what][0])
        yield _csv([], columns, header=True)


def _columns(sql: str) -> tuple[str, ...]:
    """Column names of a fact query's SELECT list."""
    select = sql.split(" FROM ", 1)[0].removeprefix("SELECT ")
    names = []
    depth = 0
    part = ""
    for char in select + ",":
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            token = part.strip().split()[-1].split(".")[-1].strip('"')
            names.append(token)
            part = ""
        else:
            part += char
    return tuple(names)
