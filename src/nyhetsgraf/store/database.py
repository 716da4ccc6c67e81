"""The SQLite store: articles, their facts and a Norwegian full-text index in one file.

    with Store("nyhetsgraf.db") as store:
        store.add(article, facts)          # False when the article is already stored
        store.search("soldatene trekkes")  # stemmed, folded, AND of terms; "phrases" too

Writes are grouped into transactions of ``batch_size`` articles, so an interrupted run
keeps everything committed so far and a re-run skips what is already stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from nyhetsgraf.records import Article, Count, Entity, Event, Facts, Quote, TimeExpression
from nyhetsgraf.store.schema import SchemaError, migrate, schema_version
from nyhetsgraf.store.textsearch import ParsedQuery, Snippet, make_snippet, parse_query, shadow_text

FACT_TABLES = ("entities", "mentions", "quotes", "counts", "events", "times")


class StoreError(Exception):
    """A problem a user can hit with the database (missing file, not a nyhetsgraf database)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    date: str | None
    source: str
    snippet: Snippet
    score: float


def _plain_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class Store:
    """A nyhetsgraf SQLite database (WAL mode). Use as a context manager or call ``close()``.

    ``check_same_thread=False`` lets a web server share one read connection between threads.
    """

    def __init__(self, path: str | Path, *, create: bool = True, batch_size: int = 200,
                 check_same_thread: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"no database at {self.path} (create one with `nyhetsgraf ingest`)")
        if not self.path.parent.is_dir():
            raise StoreError(f"cannot create a database at {self.path}: no folder {self.path.parent}")
        self.batch_size = batch_size
        self._pending = 0
        self._source_ids: dict[str, int] = {}
        try:
            # Autocommit mode: transactions are opened explicitly, in batches.
            # The timeout lets a reader or a second writer wait for a running ingest's batch.
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0,
                                       check_same_thread=check_same_thread)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            migrate(self._db)
        except (sqlite3.DatabaseError, SchemaError) as error:
            raise StoreError(f"{self.path} is not a usable nyhetsgraf database: {error}") from error

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Every add() is atomic, so what was added is worth keeping even when the run was interrupted.
        self.close()

    def close(self) -> None:
        if self._db is None:
            return
        self.commit()
        self._db.close()
        self._db = None  # type: ignore[assignment]

    def commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    # -- writing ---------------------------------------------------------------------------------

    def contains(self, article: Article) -> bool:
        """Whether this article (same id) or the same text (same content hash) is stored."""
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                               (article.id, article.content_hash)).fetchone()
        return row is not None

    def add(self, article: Article, facts: Facts | None = None) -> bool:
        """Store an article and its facts; False (and nothing written) when it is already stored."""
        if not self._db.in_transaction:
            self._db.execute("BEGIN")
        # A savepoint makes each article all-or-nothing, even if interrupted half-way.
        self._db.execute("SAVEPOINT add_article")
        try:
            added = self._insert(article, facts or Facts())
        except BaseException:
            self._db.execute("ROLLBACK TO add_article")
            self._db.execute("RELEASE add_article")
            raise
        self._db.execute("RELEASE add_article")
        if added:
            self._pending += 1
            if self._pending >= self.batch_size:
                self.commit()
        return added

    def _source_id(self, article: Article) -> int:
        path = article.document.source
        cached = self._source_ids.get(path)
        if cached is not None:
            return cached
        name = article.document.meta.get("source_name")
        self._db.execute("INSERT OR IGNORE INTO sources(path, name) VALUES (?, ?)", (path, name))
        row = self._db.execute("SELECT source_id FROM sources WHERE path = ?", (path,)).fetchone()
        source_id = int(row[0])
        self._source_ids[path] = source_id
        return source_id

    def _insert(self, article: Article, facts: Facts) -> bool:
        document = article.document
        text = article.text
        extra = {key: value for key, value in document.meta.items() if key != "source_name"}
        metadata = {"format": document.format, **extra}
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO articles(id, source_id, record, idx, span_start, span_end, title, date,"
            " url, author, language, content_hash, text, headings, metadata, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, self._source_id(article), document.record, article.index, article.span[0],
             article.span[1], article.title, article.date, document.url, document.author, article.language,
             article.content_hash, text, json.dumps(article.headings, ensure_ascii=False),
             json.dumps(metadata, ensure_ascii=False, default=str),
             datetime.now(UTC).isoformat(timespec="seconds")),
        )
        if cursor.rowcount == 0:
            return False
        rid = cursor.lastrowid
        self._db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                         (rid, shadow_text(article.title), shadow_text(text)))
        self._insert_facts(rid, facts)
        return True

    def _insert_facts(self, rid: int, facts: Facts) -> None:
        db = self._db
        for entity in facts.entities:
            entity_id = db.execute("INSERT INTO entities(article_rid, name, type) VALUES (?, ?, ?)",
                                   (rid, entity.name, entity.type)).lastrowid
            db.executemany('INSERT INTO mentions(entity_id, start, "end") VALUES (?, ?, ?)',
                           [(entity_id, start, end) for start, end in entity.mentions])
        db.executemany('INSERT INTO quotes(article_rid, text, speaker, direct, start, "end")'
                       " VALUES (?,?,?,?,?,?)",
                       [(rid, q.text, q.speaker, int(q.direct), *q.span) for q in facts.quotes])
        db.executemany(
            "INSERT INTO counts(article_rid, category, value, bound, object, holder, location, start,"
            ' "end") VALUES (?,?,?,?,?,?,?,?,?)',
            [(rid, c.category, c.value, c.bound, c.object, c.holder, c.location, *c.span)
             for c in facts.counts])
        db.executemany(
            "INSERT INTO events(article_rid, type, trigger, actor, target, location, date, negated, start,"
            ' "end") VALUES (?,?,?,?,?,?,?,?,?,?)',
            [(rid, e.type, e.trigger, e.actor, e.target, e.location, e.date, int(e.negated), *e.span)
             for e in facts.events])
        db.executemany('INSERT INTO times(article_rid, text, value, start, "end") VALUES (?,?,?,?,?)',
                       [(rid, t.text, t.value, *t.span) for t in facts.times])

    # -- reading ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str | ParsedQuery, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every term (and phrase) of ``query``, best first (BM25, title weighted)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        rows = self._db.execute(
            "SELECT a.id, a.title, a.date, a.text, s.path, bm25(articles_fts, 3.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid"
            " JOIN sources s ON s.source_id = a.source_id"
            " WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
            (parsed.fts_expression(), limit, offset),
        ).fetchall()
        return [SearchHit(row["id"], row["title"], row["date"], row["path"],
                          make_snippet(row["text"], parsed), -float(row["score"])) for row in rows]

    def articles(self, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """A page of articles in ingestion order, with their fact counts."""
        rows = self._db.execute(
            "SELECT a.rid, a.id, a.title, a.date, a.language, s.path AS source, a.idx AS \"index\","
            " length(a.text) AS chars,"
            " (SELECT count(*) FROM entities WHERE article_rid = a.rid) AS entities,"
            " (SELECT count(*) FROM quotes WHERE article_rid = a.rid) AS quotes,"
            " (SELECT count(*) FROM counts WHERE article_rid = a.rid) AS counts,"
            " (SELECT count(*) FROM events WHERE article_rid = a.rid) AS events,"
            " (SELECT count(*) FROM times WHERE article_rid = a.rid) AS times"
            " FROM articles a JOIN sources s ON s.source_id = a.source_id ORDER BY a.rid LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [{key: value for key, value in dict(row).items() if key != "rid"} for row in rows]

    def resolve_id(self, id_or_prefix: str) -> str | None:
        """The full article id for an id or an unambiguous prefix of one (at least 4 characters)."""
        row = self._db.execute("SELECT id FROM articles WHERE id = ?", (id_or_prefix,)).fetchone()
        if row is not None:
            return str(row[0])
        if len(id_or_prefix) < 4:
            return None
        rows = self._db.execute("SELECT id FROM articles WHERE id LIKE ? || '%' LIMIT 2",
                                (id_or_prefix.replace("%", "").replace("_", ""),)).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The contract object of a stored article, plus ``text``, ``url``, ``author`` and ``metadata``."""
        row = self._db.execute(
            "SELECT a.*, s.path AS source, s.name AS source_name FROM articles a"
            " JOIN sources s ON s.source_id = a.source_id WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        facts = self.facts(row["rid"])
        return {
            "id": row["id"],
            "source": row["source"],
            "index": row["idx"],
            "span": [row["span_start"], row["span_end"]],
            "date": row["date"],
            "title": row["title"],
            "headings": json.loads(row["headings"]),
            "language": row["language"],
            "entities": [{"name": e.name, "type": e.type, "mentions": [list(m) for m in e.mentions]}
                         for e in facts.entities],
            "quotes": [{"text": q.text, "speaker": q.speaker, "direct": q.direct, "span": list(q.span)}
                       for q in facts.quotes],
            "counts": [{"category": c.category, "value": _plain_number(c.value), "bound": c.bound,
                        "object": c.object, "holder": c.holder, "location": c.location, "span": list(c.span)}
                       for c in facts.counts],
            "events": [{"type": e.type, "trigger": e.trigger, "actor": e.actor, "target": e.target,
                        "location": e.location, "date": e.date, "negated": e.negated, "span": list(e.span)}
                       for e in facts.events],
            "times": [{"text": t.text, "value": t.value, "span": list(t.span)} for t in facts.times],
            "text": row["text"],
            "url": row["url"],
            "author": row["author"],
            "source_name": row["source_name"],
            "metadata": json.loads(row["metadata"]),
            "ingested_at": row["ingested_at"],
        }

    def facts(self, rid: int) -> Facts:
        """The facts of one article (by its row id), in insertion order, as records."""
        db = self._db
        mentions: dict[int, list[tuple[int, int]]] = {}
        for row in db.execute('SELECT m.entity_id, m.start, m."end" FROM mentions m'
                              " JOIN entities e ON e.entity_id = m.entity_id WHERE e.article_rid = ?"
                              " ORDER BY m.rowid", (rid,)):
            mentions.setdefault(row[0], []).append((row[1], row[2]))
        entity_rows = db.execute("SELECT * FROM entities WHERE article_rid = ? ORDER BY entity_id", (rid,))
        entities = [Entity(r["name"], r["type"], mentions.get(r["entity_id"], [])) for r in entity_rows]
        quotes = [Quote(r["text"], r["speaker"], bool(r["direct"]), (r["start"], r["end"]))
                  for r in db.execute("SELECT * FROM quotes WHERE article_rid = ? ORDER BY quote_id", (rid,))]
        counts = [Count(r["category"], r["value"], r["bound"], r["object"], r["holder"], r["location"],
                        (r["start"], r["end"]))
                  for r in db.execute("SELECT * FROM counts WHERE article_rid = ? ORDER BY count_id", (rid,))]
        events = [Event(r["type"], r["trigger"], r["actor"], r["target"], r["location"], r["date"],
                        bool(r["negated"]), (r["start"], r["end"]))
                  for r in db.execute("SELECT * FROM events WHERE article_rid = ? ORDER BY event_id", (rid,))]
        times = [TimeExpression(r["text"], r["value"], (r["start"], r["end"]))
                 for r in db.execute("SELECT * FROM times WHERE article_rid = ? ORDER BY time_id", (rid,))]
        return Facts(entities, quotes, counts, events, times)

    def iter_ids(self) -> Iterator[str]:
        for row in self._db.execute("SELECT id FROM articles ORDER BY rid"):
            yield str(row[0])

    def stats(self) -> dict[str, Any]:
        """Row counts per table, the date range and the schema version."""
        db = self._db
        result: dict[str, Any] = {"path": str(self.path), "schema_version": self.schema_version}
        for table in ("sources", "articles", *FACT_TABLES):
            result[table] = int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
        first, last = db.execute("SELECT min(date), max(date) FROM articles").fetchone()
        result["first_date"], result["last_date"] = first, last
        result["entity_types"] = dict(db.execute(
            "SELECT type, count(*) FROM entities GROUP BY type ORDER BY count(*) DESC").fetchall())
        result["event_types"] = dict(db.execute(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC").fetchall())
        return result
