"""One SQL implementation of the Store protocol for every backend; a ``Dialect`` holds what differs.

    with open_store("nyhetsgraf.db") as store:
        store.add(article, facts)          # False when the article is already stored
        store.search("soldatene trekkes")  # stemmed, AND of terms; "phrases" too

SQL is written once, with ``?`` placeholders, in the SQL that SQLite and PostgreSQL share
(``INSERT ... ON CONFLICT DO NOTHING``, ``RETURNING``). Fact tables are read and written by looping
over the fact-kind registry (``nyhetsgraf.records.FACT_KINDS``): a record field becomes a column of
the same name, except ``span`` (``start``, ``"end"``), an entity key ``x_key`` (``x_entity``, the
``entities.entity_id`` it points at) and the entities' ``mentions`` (their own table).

Writes are grouped into transactions of ``batch_size`` articles, so an interrupted run keeps
everything committed so far and a re-run skips what is already stored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from nyhetsgraf.records import FACT_KINDS, KEY_SUFFIX, Article, Entity, FactKind, Facts
from nyhetsgraf.store.dialect import Dialect
from nyhetsgraf.store.protocol import ArticleRow, SearchHit, StoredArticle, StoreError
from nyhetsgraf.store.schema import SchemaError
from nyhetsgraf.store.textsearch import ParsedQuery, make_snippet, parse_query

_QUOTED = {"end"}  # column names that are SQL keywords
# Matches ranked together at most: a query that matches more is ranked in windows of this many
# matches, the most recently stored first (see SqlStore.ranked). Ranking costs 3-4 µs a match.
RANK_WINDOW = 5000


def _column(name: str) -> str:
    return f'"{name}"' if name in _QUOTED else name


def _is_bool(kind: FactKind, name: str) -> bool:
    return any(f.name == name and f.type in ("bool", bool) for f in fields(kind.record))


def fact_counters(facts: Facts, sign: int = 1) -> Counter[str]:
    """What storing (``sign`` 1) or deleting (-1) ``facts`` changes in the row counters."""
    deltas: Counter[str] = Counter()
    for kind, items in facts.items():
        deltas[f"table:{kind.name}"] += sign * len(items)
    deltas["table:mentions"] += sign * sum(len(entity.mentions) for entity in facts.entities)
    for entity in facts.entities:
        deltas[f"entity_type:{entity.type}"] += sign
    for kind, items in facts.items():
        if kind.name == "events":
            for event in items:
                deltas[f"event_type:{event.type}"] += sign
    return deltas


def fact_columns(kind: FactKind) -> list[str]:
    """The table columns of a fact kind (besides its id and ``article_rid``), in record field order."""
    columns: list[str] = []
    for name in kind.field_names:
        if name == "span":
            columns += ["start", "end"]
        elif name.endswith(KEY_SUFFIX):
            columns.append(name.removesuffix(KEY_SUFFIX) + "_entity")
        elif not (kind.name == "entities" and name == "mentions"):
            columns.append(name)
    return columns


class SqlStore:
    """A nyhetsgraf store over one DB-API connection. Use as a context manager or call ``close()``."""

    rank_window = RANK_WINDOW  # matches ranked together at most (see ``ranked``)

    def __init__(self, dialect: Dialect, target: str, *, url: str | None = None, create: bool = True,
                 read_only: bool = False, batch_size: int = 200) -> None:
        self.dialect = dialect
        self.url = url or target
        self.read_only = read_only
        self.batch_size = batch_size
        self._pending = 0
        self._source_ids: dict[str, int] = {}
        self._counters_kept: bool | None = None
        self._counter_shard: int | None = None
        self._db = dialect.connect(target, create=create, read_only=read_only)
        try:
            if read_only:
                version = dialect.schema_version(self._db)
                if version == 0:
                    raise StoreError(f"{self.url} is not a nyhetsgraf database")
            else:
                dialect.migrate(self._db)
                self._ensure_registered_tables()
        except SchemaError as error:
            self._db.close()
            raise StoreError(f"{self.url} is not a usable nyhetsgraf database: {error}") from error
        except StoreError:
            self._db.close()
            raise

    # -- SQL -------------------------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; returns the DB-API cursor."""
        return self._db.execute(self.dialect.prepare(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._db.cursor().executemany(self.dialect.prepare(sql), [tuple(row) for row in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of one query as dicts."""
        return self.dialect.rows(self.execute(sql, params))

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[SqlStore]:
        """All statements inside commit together or not at all (nested inside a running batch too)."""
        if not self.dialect.in_transaction(self._db):
            self.dialect.begin(self._db)
        self.execute("SAVEPOINT unit")
        try:
            yield self
        except BaseException:
            self.execute("ROLLBACK TO SAVEPOINT unit")
            self.execute("RELEASE SAVEPOINT unit")
            raise
        self.execute("RELEASE SAVEPOINT unit")

    # -- lifecycle -------------------------------------------------------------------------------------

    def __enter__(self) -> SqlStore:
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
        self._db = None

    def commit(self) -> None:
        if self._db is not None and self.dialect.in_transaction(self._db):
            self.execute("COMMIT")
        self._pending = 0

    @property
    def schema_version(self) -> int:
        return self.dialect.schema_version(self._db)

    def _ensure_registered_tables(self) -> None:
        """Create the table of a fact kind registered from outside the package, once."""
        extra = [kind for kind in FACT_KINDS.values() if kind.ddl]
        if not extra:
            return
        existing = self.dialect.table_names(self)
        for kind in extra:
            if kind.name not in existing:
                self.execute(kind.ddl.replace("{pk}", self.dialect.pk_type))
            else:  # rows stored before the counters existed, or before the kind had a counter
                self.execute("INSERT INTO counters(name, shard, n) SELECT ?, 0, n FROM"
                             f" (SELECT count(*) AS n FROM {kind.name}) c WHERE n > 0"
                             " AND NOT EXISTS (SELECT 1 FROM counters WHERE name = ?)",
                             (f"table:{kind.name}", f"table:{kind.name}"))

    # -- writing ---------------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.url} is open read-only")

    def contains(self, article: Article) -> bool:
        row = self.query_one("SELECT 1 AS found FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                             (article.id, article.content_hash))
        return row is not None

    def add(self, article: Article, facts: Facts | None = None) -> bool:
        self._check_writable()
        with self.transaction():  # each article all-or-nothing, even if interrupted half-way
            added = self._insert(article, facts or Facts())
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
        inserted = self.query_one("INSERT INTO sources(path, name) VALUES (?, ?) ON CONFLICT DO NOTHING"
                                  " RETURNING source_id", (path, name))
        if inserted is not None:
            self.add_to_counters(Counter({"table:sources": 1}))
        row = self.query_one("SELECT source_id FROM sources WHERE path = ?", (path,))
        assert row is not None
        self._source_ids[path] = int(row["source_id"])
        return self._source_ids[path]

    def _insert(self, article: Article, facts: Facts) -> bool:
        document = article.document
        text = article.text
        if not self._make_room(article, text):
            return False
        extra = {key: value for key, value in document.meta.items() if key != "source_name"}
        metadata = {"format": document.format, **extra}
        row = self.query_one(
            "INSERT INTO articles(id, source_id, record, idx, span_start, span_end, title, date,"
            " url, author, language, content_hash, text, headings, metadata, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING rid",
            (article.id, self._source_id(article), document.record, article.index, article.span[0],
             article.span[1], article.title, article.date, document.url, document.author, article.language,
             article.content_hash, text, json.dumps(article.headings, ensure_ascii=False),
             json.dumps(metadata, ensure_ascii=False, default=str),
             datetime.now(UTC).isoformat(timespec="seconds")),
        )
        if row is None:
            return False
        rid = int(row["rid"])
        self.dialect.index_article(self, rid, article.title, text)
        self._insert_facts(rid, facts)
        added = fact_counters(facts)
        added["table:articles"] += 1
        self.add_to_counters(added)
        return True

    def add_to_counters(self, deltas: Counter[str]) -> None:
        """Add to the row counters that `stats` reads (negative deltas for deleted rows); call it inside
        the transaction that writes the rows, so the counts are never out of step."""
        if self._counter_shard is None:
            self._counter_shard = self.dialect.counter_shard(self)
        self.executemany("INSERT INTO counters(name, shard, n) VALUES (?, ?, ?)"
                         " ON CONFLICT (name, shard) DO UPDATE SET n = counters.n + excluded.n",
                         [(name, self._counter_shard, delta)
                          for name, delta in sorted(deltas.items()) if delta])

    def _make_room(self, article: Article, text: str) -> bool:
        """Whether to store ``article``, given what is stored at its position in the same input.

        A truncated input read earlier (a cut-off gzip, an unfinished download) left an article that is
        the start of this one: this complete copy replaces it. The other way round, the cut-off copy is
        not stored. A different article at the same position (an input that changed) is kept beside it.
        """
        old = self.query_one(
            "SELECT a.rid, a.id, a.title, a.text FROM articles a JOIN sources s ON s.source_id = a.source_id"
            " WHERE s.path = ? AND a.record = ? AND a.idx = ?",
            (article.document.source, article.document.record, article.index))
        if old is None or old["id"] == article.id:
            return True
        if old["text"] != text and old["text"].startswith(text):
            return False
        if text.startswith(old["text"]):
            old_rid = int(old["rid"])
            gone = fact_counters(self._facts(old_rid), sign=-1)
            gone["table:articles"] -= 1
            self.add_to_counters(gone)
            self.dialect.unindex_article(self, old_rid, old["title"], old["text"])
            self._unlink_from_knowledge_base(old_rid)
            self.execute("DELETE FROM articles WHERE rid = ?", (old_rid,))
        return True

    def mark_extracted(self, article_id: str, model: str | None, lexicon: str | None) -> None:
        """Record what produced the article's facts (``nyhetsgraf reextract`` reads it)."""
        self._check_writable()
        self.execute("UPDATE articles SET facts_model = ?, facts_lexicon = ?, facts_at = ? WHERE id = ?",
                     (model, lexicon, datetime.now(UTC).isoformat(timespec="seconds"), article_id))

    def replace_facts(self, article_id: str, facts: Facts, model: str | None, lexicon: str | None) -> bool:
        """Put ``facts`` in place of the article's stored facts, all at once; False for an unknown id."""
        self._check_writable()
        row = self.query_one("SELECT rid FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return False
        rid = int(row["rid"])
        with self.transaction():
            change = fact_counters(self._facts(rid), sign=-1)
            change.update(fact_counters(facts))  # update() keeps negative counts; + would drop them
            self.add_to_counters(change)
            self._unlink_from_knowledge_base(rid)
            for kind, _ in Facts().items():
                if kind.name != "entities":
                    self.execute(f"DELETE FROM {kind.name} WHERE article_rid = ?", (rid,))  # noqa: S608
            self.execute("DELETE FROM entities WHERE article_rid = ?", (rid,))  # mentions go with them
            self._insert_facts(rid, facts)
            self.mark_extracted(article_id, model, lexicon)
        self._pending += 1
        if self._pending >= self.batch_size:
            self.commit()
        return True

    def _unlink_from_knowledge_base(self, rid: int) -> None:
        """Remove the article's knowledge-base rows, so that the next update links it afresh, and list
        the story and corpus entities it counted in for that update to recompute (kb_dirty)."""
        self.execute("INSERT INTO kb_dirty(kind, id) SELECT DISTINCT 'story', story FROM kb_articles"
                     " WHERE article_rid = ? ON CONFLICT DO NOTHING", (rid,))
        self.execute("INSERT INTO kb_dirty(kind, id) SELECT DISTINCT 'entity', corpus_id FROM kb_entity_links"
                     " WHERE article_rid = ? AND corpus_id <> '' ON CONFLICT DO NOTHING", (rid,))
        self.execute("DELETE FROM kb_story_links WHERE a = ? OR b = ?", (rid, rid))
        for table in ("kb_story_keys", "kb_lsh", "kb_entity_links", "kb_articles"):
            self.execute(f"DELETE FROM {table} WHERE article_rid = ?", (rid,))  # noqa: S608
        self.execute("DELETE FROM kb_entity_keys WHERE entity_id IN"
                     " (SELECT entity_id FROM entities WHERE article_rid = ?)", (rid,))
        self.execute("DELETE FROM kb_count_dates WHERE count_id IN"
                     " (SELECT count_id FROM counts WHERE article_rid = ?)", (rid,))

    def _insert_facts(self, rid: int, facts: Facts) -> None:
        entity_ids: list[int] = []
        for entity in facts.entities:
            entity_row = self.query_one("INSERT INTO entities(article_rid, name, type) VALUES (?, ?, ?)"
                                        " RETURNING entity_id", (rid, entity.name, entity.type))
            assert entity_row is not None
            entity_ids.append(int(entity_row["entity_id"]))
            self.executemany('INSERT INTO mentions(entity_id, start, "end") VALUES (?, ?, ?)',
                             [(entity_ids[-1], start, end) for start, end in entity.mentions])
        for kind, items in facts.items():
            if kind.name == "entities" or not items:
                continue
            columns = fact_columns(kind)
            sql = (f"INSERT INTO {kind.name}(article_rid, {', '.join(map(_column, columns))})"
                   f" VALUES ({', '.join('?' * (len(columns) + 1))})")
            self.executemany(sql, [(rid, *self._row_values(kind, item, entity_ids)) for item in items])

    @staticmethod
    def _row_values(kind: FactKind, item: Any, entity_ids: list[int]) -> list[Any]:
        values: list[Any] = []
        for name in kind.field_names:
            value = getattr(item, name)
            if name == "span":
                values += [value[0], value[1]]
            elif name.endswith(KEY_SUFFIX):
                known = value is not None and 0 <= value < len(entity_ids)
                values.append(entity_ids[value] if known else None)
            elif isinstance(value, bool):
                values.append(int(value))
            else:
                values.append(value)
        return values

    # -- reading ---------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.count_articles()

    def count_articles(self) -> int:
        """The number of stored articles, from the counter kept at ingest (no table scan)."""
        if not self._has_counters():
            row = self.query_one("SELECT count(*) AS n FROM articles")
        else:
            row = self.query_one("SELECT sum(n) AS n FROM counters WHERE name = 'table:articles'")
        return int(row["n"]) if row and row["n"] is not None else 0

    def _has_counters(self) -> bool:
        """False only for a database of an older schema opened read-only (so not migrated)."""
        if self._counters_kept is None:
            self._counters_kept = not self.read_only or "counters" in self.dialect.table_names(self)
        return self._counters_kept

    def _counters(self) -> dict[str, int]:
        return {str(r["name"]): int(r["n"])
                for r in self.query("SELECT name, sum(n) AS n FROM counters GROUP BY name")}

    def _counted(self, tables: Sequence[str]) -> dict[str, int]:
        """The counters' values counted from the tables, for a database that has no counters yet."""
        counted = {f"table:{table}": int(self.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
                   for table in tables}
        for prefix, table in (("entity_type:", "entities"), ("event_type:", "events")):
            for row in self.query(f"SELECT type, count(*) AS n FROM {table} GROUP BY type"):
                counted[prefix + str(row["type"])] = int(row["n"])
        return counted

    def search(self, query: str | ParsedQuery, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every term (and phrase) of ``query``, best first (title weighted; ranked
        in windows of ``rank_window`` matches, newest first, when more match: see ``ranked``)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        ranked = self.ranked(parsed, limit, offset)
        if not ranked:
            return []
        marks = ", ".join("?" * len(ranked))
        rows = {int(row["rid"]): row for row in self.query(
            "SELECT a.rid, a.id, a.title, a.date, a.text, s.path FROM articles a"
            f" JOIN sources s ON s.source_id = a.source_id WHERE a.rid IN ({marks})",
            [rid for rid, _ in ranked])}
        return [SearchHit(row["id"], row["title"], row["date"], row["path"],
                          make_snippet(row["text"], parsed), score)
                for rid, score in ranked if (row := rows.get(rid)) is not None]

    def ranked(self, query: ParsedQuery, limit: int = 20, offset: int = 0, where: str = "",
               params: Sequence[Any] = ()) -> list[tuple[int, float]]:
        """``(rid, score)`` of a page of the articles matching ``query`` (and ``where``, a condition on
        ``articles a`` joined to ``sources s``, with its ``params``), best first.

        Up to ``rank_window`` matches are all ranked together (BM25 in SQLite, ``ts_rank`` in
        PostgreSQL; equal scores by row id). Beyond that, ranking every match would cost time in
        proportion to the matches (a word in every article of a 100,000-article store: 300 ms), so
        the matches are cut into windows of ``rank_window``, the most recently stored first, each
        ranked within itself: the order is total and stable, and paging reaches every match once.
        """
        matches, match_params = self.dialect.matches(query)
        if where:
            matches = (f"SELECT a.rid FROM articles a JOIN sources s ON s.source_id = a.source_id"
                       f" WHERE a.rid IN ({matches}) AND {where}")
            match_params = [*match_params, *params]
        window, skip = divmod(offset, self.rank_window)
        found: list[tuple[int, float]] = []
        while len(found) < limit:
            # The window's bounds from the row ids alone, which the index yields newest first.
            bounds = self.query_one(
                f"SELECT count(*) AS n, min(rid) AS low, max(rid) AS high FROM ({matches}"
                " ORDER BY rid DESC LIMIT ? OFFSET ?) w",
                (*match_params, self.rank_window, window * self.rank_window))
            if bounds is None or not bounds["n"]:
                break
            found += self.dialect.rank(self, query, int(bounds["low"]), int(bounds["high"]),
                                       limit - len(found), skip, where, params)
            if int(bounds["n"]) < self.rank_window:
                break
            window, skip = window + 1, 0
        return found

    def articles(self, limit: int = 20, offset: int = 0, after: str | None = None) -> list[ArticleRow]:
        """A page of articles in ingestion order, with their fact counts: the ``limit`` articles after
        the article ``after`` (an id: keyset pagination, as fast on the last page as on the first),
        skipping ``offset`` more. An unknown ``after`` gives an empty page."""
        counted = ", ".join(f"(SELECT count(*) FROM {name} WHERE article_rid = a.rid) AS n_{name}"
                            for name in FACT_KINDS)
        # The page's row ids first, from the primary key alone, so OFFSET steps over keys instead of
        # whole rows; then only the page's rows are read and their facts counted.
        seek = " WHERE rid > (SELECT rid FROM articles WHERE id = ?)" if after is not None else ""
        rows = self.query(
            "SELECT a.id, a.title, a.date, a.language, s.path AS source, a.idx, length(a.text) AS chars,"
            f" {counted} FROM (SELECT rid FROM articles{seek} ORDER BY rid LIMIT ? OFFSET ?) page"
            " JOIN articles a ON a.rid = page.rid JOIN sources s ON s.source_id = a.source_id"
            " ORDER BY a.rid", (*(() if after is None else (after,)), limit, offset))
        return [ArticleRow(row["id"], row["title"], row["date"], row["language"], row["source"],
                           int(row["idx"]), int(row["chars"]),
                           {name: int(row[f"n_{name}"]) for name in FACT_KINDS})
                for row in rows]

    def resolve_id(self, id_or_prefix: str) -> str | None:
        """The full article id for an id or an unambiguous prefix of one (at least 4 characters)."""
        matches = self.matching_ids(id_or_prefix, limit=2)
        return matches[0] if len(matches) == 1 else None

    def matching_ids(self, id_or_prefix: str, limit: int = 10) -> list[str]:
        """Article ids equal to ``id_or_prefix`` or, for 4 characters or more, starting with it."""
        row = self.query_one("SELECT id FROM articles WHERE id = ?", (id_or_prefix,))
        if row is not None:
            return [str(row["id"])]
        prefix = "".join(ch for ch in id_or_prefix if ch.isalnum())
        if len(prefix) < 4 or prefix != id_or_prefix:
            return []
        # A range instead of LIKE, so the unique index on id answers it.
        rows = self.query("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                          (prefix, prefix + "\U0010ffff", limit))
        return [str(r["id"]) for r in rows]

    def _article_row(self, article_id: str) -> dict[str, Any] | None:
        return self.query_one(
            "SELECT a.*, s.path AS source, s.name AS source_name FROM articles a"
            " JOIN sources s ON s.source_id = a.source_id WHERE a.id = ?", (article_id,))

    def article(self, article_id: str) -> StoredArticle | None:
        row = self._article_row(article_id)
        if row is None:
            return None
        return StoredArticle(
            id=row["id"], source=row["source"], index=int(row["idx"]),
            span=(int(row["span_start"]), int(row["span_end"])), date=row["date"], title=row["title"],
            headings=json.loads(row["headings"]), language=row["language"],
            facts=self._facts(int(row["rid"])),
            text=row["text"], url=row["url"], author=row["author"], source_name=row["source_name"],
            metadata=json.loads(row["metadata"]), ingested_at=str(row["ingested_at"]))

    def facts(self, article_id: str) -> Facts:
        row = self.query_one("SELECT rid FROM articles WHERE id = ?", (article_id,))
        return self._facts(int(row["rid"])) if row else Facts()

    def _facts(self, rid: int) -> Facts:
        """The facts of one article (by its row id), in insertion order, as records."""
        mentions: dict[int, list[tuple[int, int]]] = {}
        for row in self.query('SELECT m.entity_id, m.start, m."end" FROM mentions m'
                              " JOIN entities e ON e.entity_id = m.entity_id WHERE e.article_rid = ?"
                              " ORDER BY m.entity_id, m.start, m.\"end\"", (rid,)):
            mentions.setdefault(int(row["entity_id"]), []).append((int(row["start"]), int(row["end"])))
        entity_rows = self.query("SELECT entity_id, name, type FROM entities WHERE article_rid = ?"
                                 " ORDER BY entity_id", (rid,))
        position = {int(r["entity_id"]): i for i, r in enumerate(entity_rows)}
        facts = Facts(entities=[Entity(r["name"], r["type"], mentions.get(int(r["entity_id"]), []))
                                for r in entity_rows])
        for kind, _ in facts.items():
            if kind.name != "entities":
                rows = self.query(f"SELECT * FROM {kind.name} WHERE article_rid = ?"
                                  f" ORDER BY {kind.id_column}", (rid,))
                facts[kind.name] = [self._record(kind, row, position) for row in rows]
        return facts

    @staticmethod
    def _record(kind: FactKind, row: dict[str, Any], position: dict[int, int]) -> Any:
        values: dict[str, Any] = {}
        for name in kind.field_names:
            if name == "span":
                values[name] = (int(row["start"]), int(row["end"]))
            elif name.endswith(KEY_SUFFIX):
                entity_id = row.get(name.removesuffix(KEY_SUFFIX) + "_entity")
                values[name] = position.get(int(entity_id)) if entity_id is not None else None
            elif _is_bool(kind, name):
                values[name] = bool(row[name])
            else:
                values[name] = row[name]
        return kind.record(**values)

    def iter_ids(self) -> Iterator[str]:
        for row in self.query("SELECT id FROM articles ORDER BY rid"):
            yield str(row["id"])

    def stats(self) -> dict[str, Any]:
        """Row counts per table, the date range and the schema version (from the counters kept at ingest
        and the date index: no table is scanned)."""
        result: dict[str, Any] = {"path": self.url, "schema_version": self.schema_version}
        tables = ("sources", "articles", "entities", "mentions", *[k for k in FACT_KINDS if k != "entities"])
        counters = self._counters() if self._has_counters() else self._counted(tables)
        for table in tables:
            result[table] = counters.get(f"table:{table}", 0)
        # Two index lookups; one min()/max() query would scan the table on some SQLite versions.
        first = self.query_one("SELECT min(date) AS d FROM articles")
        last = self.query_one("SELECT max(date) AS d FROM articles")
        result["first_date"] = first["d"] if first else None
        result["last_date"] = last["d"] if last else None
        for key, prefix in (("entity_types", "entity_type:"), ("event_types", "event_type:")):
            found = [(name.removeprefix(prefix), n) for name, n in counters.items()
                     if name.startswith(prefix) and n]
            result[key] = dict(sorted(found, key=lambda item: (-item[1], item[0])))
        return result
