"""The PostgreSQL dialect: psycopg 3 over a connection pool, versioned migrations, built-in Norwegian search.

    with open_store("postgresql://user@host/nyheter") as store:
        store.add(article, facts)

One store serves many threads (the web server shares one): each thread borrows its own connection
from a ``psycopg_pool`` pool for a statement, and keeps it from ``BEGIN`` to ``COMMIT``/``ROLLBACK``
so a transaction never mixes threads. Several processes may ingest into one database at once: the
unique keys and ``ON CONFLICT DO NOTHING`` in ``SqlStore`` keep every article exactly once.

Full-text search runs on a generated ``tsvector`` column with a GIN index, built with PostgreSQL's
own ``norwegian`` configuration and then folded (``nyhetsgraf_fold``: "tromsø" -> "tromso") the way
the SQLite shadow text is, so the same query finds the same articles on both backends.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from nyhetsgraf.store.protocol import StoreError
from nyhetsgraf.store.schema import SchemaError, migrations
from nyhetsgraf.store.textsearch import ParsedQuery

# Any constant shared by every nyhetsgraf process: the advisory lock that serialises migrations.
_MIGRATION_LOCK = 0x6E79_6865_7473  # "nyhets"
_VERSION_TABLE = "nyhetsgraf_schema"
POOL_MAX_SIZE = 8
CONNECT_TIMEOUT_S = 10
# ts_rank weights for D, C, B, A: the title (A) counts three times the body (B), as bm25(3, 1) in SQLite.
_RANK_WEIGHTS = "{0.1, 0.2, 0.33, 1.0}"
_END_OF_TRANSACTION = re.compile(r"^\s*(COMMIT|END|ROLLBACK)\s*;?\s*$", re.IGNORECASE)
# Where a ``?`` is no placeholder: string literals, quoted identifiers, comments.
_SQL_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?|%", re.DOTALL)


def redact_url(url: str) -> str:
    """The URL with any password replaced by ``***``, for messages and ``stats``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


@lru_cache(maxsize=1024)
def to_psycopg(sql: str) -> str:
    """SQL written with ``?`` placeholders as psycopg wants it: ``%s``, and a literal ``%`` doubled."""

    def replace(match: re.Match[str]) -> str:
        piece = match.group()
        if piece == "?":
            return "%s"
        return piece.replace("%", "%%")

    return _SQL_PIECES.sub(replace, sql)


class _Rows:
    """The result of a statement run on a borrowed connection, read before the connection went back."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.description = cursor.description
        self.rowcount = cursor.rowcount
        self._rows: list[dict[str, Any]] = cursor.fetchall() if cursor.description else []

    def fetchall(self) -> list[dict[str, Any]]:
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self) -> dict[str, Any] | None:
        return self._rows.pop(0) if self._rows else None


class PooledConnection:
    """What ``SqlStore`` sees as its one DB-API connection, over a pool shared by the store's threads.

    Outside a transaction a statement borrows a connection (autocommit) just for itself; ``begin()``
    pins a connection to the calling thread until that thread's ``COMMIT`` or ``ROLLBACK``.
    """

    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self._local = threading.local()

    def _pinned(self) -> psycopg.Connection[Any] | None:
        return getattr(self._local, "connection", None)

    @property
    def in_transaction(self) -> bool:
        return self._pinned() is not None

    def begin(self) -> None:
        if self._pinned() is not None:
            return
        connection = self.pool.getconn()
        try:
            connection.execute("BEGIN")
        except BaseException:
            self.pool.putconn(connection)
            raise
        self._local.connection = connection

    def _unpin(self) -> None:
        connection = self._pinned()
        if connection is not None:
            self._local.connection = None
            self.pool.putconn(connection)  # the pool rolls back anything left open

    @contextmanager
    def borrow(self) -> Iterator[psycopg.Connection[Any]]:
        """A connection for this thread: the pinned one inside a transaction, else one from the pool."""
        pinned = self._pinned()
        if pinned is not None:
            yield pinned
            return
        with self.pool.connection() as connection:
            yield connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        pinned = self._pinned()
        if pinned is None:
            with self.pool.connection() as connection:
                return _Rows(connection.execute(sql, params))
        try:
            cursor = pinned.execute(sql, params)
        except psycopg.Error:
            if pinned.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                self._unpin()
            raise
        if _END_OF_TRANSACTION.match(sql):
            self._unpin()
        return cursor

    def cursor(self) -> _BatchCursor:
        return _BatchCursor(self)

    def close(self) -> None:
        self._unpin()
        self.pool.close()


class _BatchCursor:
    """Only what ``SqlStore`` asks of ``connection.cursor()``: ``executemany`` (pipelined by psycopg)."""

    def __init__(self, connection: PooledConnection) -> None:
        self._connection = connection

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._connection.borrow() as connection:
            connection.cursor().executemany(sql, rows)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class PostgreSQLDialect:
    name = "postgresql"
    pk_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"

    def __init__(self, pool_max_size: int = POOL_MAX_SIZE) -> None:
        self.pool_max_size = pool_max_size
        self.target: str | None = None  # the URL connected to, password included (for Dask workers)

    def describe(self, target: str) -> str:
        return redact_url(target)

    def connect(self, target: str, *, create: bool, read_only: bool) -> PooledConnection:
        settings: dict[str, Any] = {"autocommit": True, "row_factory": dict_row}
        if read_only:
            settings["options"] = "-c default_transaction_read_only=on"
        try:
            # One plain connection first: its error says why (no server, no database, bad password),
            # where the pool would only time out.
            psycopg.connect(target, connect_timeout=CONNECT_TIMEOUT_S, **settings).close()
            pool = ConnectionPool(target, min_size=1, max_size=self.pool_max_size, kwargs=settings,
                                  open=False, name="nyhetsgraf")
            pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except (psycopg.Error, PoolTimeout) as error:
            raise StoreError(f"cannot connect to {redact_url(target)}: {_first_line(error)}") from error
        self.target = target
        return PooledConnection(pool)

    def prepare(self, sql: str) -> str:
        return to_psycopg(sql)

    def rows(self, cursor: Any) -> list[dict[str, Any]]:
        return list(cursor.fetchall())

    def in_transaction(self, connection: PooledConnection) -> bool:
        return connection.in_transaction

    def begin(self, connection: PooledConnection) -> None:
        connection.begin()

    def schema_version(self, connection: PooledConnection) -> int:
        with connection.borrow() as conn:
            return self._version(conn)

    @staticmethod
    def _version(conn: psycopg.Connection[Any]) -> int:
        row = conn.execute("SELECT to_regclass(%s) IS NOT NULL AS found", (_VERSION_TABLE,)).fetchone()
        if not row or not row["found"]:
            return 0
        row = conn.execute(f"SELECT coalesce(max(version), 0) AS version FROM {_VERSION_TABLE}").fetchone()
        return int(row["version"]) if row else 0

    def migrate(self, connection: PooledConnection) -> int:
        steps = migrations(self.name)
        latest = len(steps)
        with connection.borrow() as conn:
            current = self._version(conn)
            if current > latest:
                raise SchemaError(f"database schema version {current} is newer than this nyhetsgraf "
                                  f"({latest})")
            if current == latest:
                return current
            try:
                with conn.transaction():
                    # Of several processes opening a new database at once, one migrates; the others
                    # wait here, then find nothing left to do.
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                    conn.execute(f"CREATE TABLE IF NOT EXISTS {_VERSION_TABLE} (version INTEGER PRIMARY KEY,"
                                 " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
                    current = self._version(conn)
                    for version, sql in steps:
                        if version <= current:
                            continue
                        conn.execute(sql.replace("{pk}", self.pk_type).encode())  # a script: no parameters
                        conn.execute(f"INSERT INTO {_VERSION_TABLE}(version) VALUES (%s)", (version,))
                        current = version
            except psycopg.Error as error:
                message = f"migration to version {current + 1} failed: {_first_line(error)}"
                raise SchemaError(message) from error
        return current

    def index_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        """Nothing to do: the ``search`` column is generated from the title and text."""

    def unindex_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        """Nothing to do: the ``search`` column goes with its row."""

    def matches(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        expression, params = tsquery(query)
        return f"SELECT rid FROM articles WHERE search @@ {expression}", list(params)

    def rank(self, store: Any, query: ParsedQuery, low: int, high: int, limit: int, offset: int,
             where: str = "", params: Sequence[Any] = ()) -> list[tuple[int, float]]:
        expression, query_params = tsquery(query)
        joined = " JOIN sources s ON s.source_id = a.source_id" if where else ""
        condition = f" AND {where}" if where else ""
        rows = store.query(
            f"WITH q AS MATERIALIZED (SELECT {expression} AS query) SELECT a.rid,"
            f" ts_rank('{_RANK_WEIGHTS}', a.search, q.query) AS score FROM q, articles a{joined}"
            f" WHERE a.search @@ q.query AND a.rid BETWEEN ? AND ?{condition}"
            " ORDER BY score DESC, a.rid LIMIT ? OFFSET ?",
            (*query_params, low, high, *params, limit, offset))
        return [(int(row["rid"]), float(row["score"])) for row in rows]

    def counter_shard(self, store: Any) -> int:
        # A backend's process id is unique among the running connections.
        row = store.query_one("SELECT pg_backend_pid() AS pid")
        return int(row["pid"]) if row else 0

    def table_names(self, store: Any) -> set[str]:
        return {row["name"] for row in store.query(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")}


def _lexeme(word: str) -> str:
    """One word as a quoted tsquery operand."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
    """SQL (with ``?`` placeholders) for the tsquery of a parsed query, and its parameters.

    Each phrase is its words joined by ``<->`` (followed by), stemmed by the ``norwegian``
    configuration like the index; alternatives (``a OR b``) are OR-ed, groups AND-ed, and excluded
    phrases (``-word``) AND-NOT-ed. A prefix (``øvel*``) is matched on its folded spelling, unstemmed,
    as SQLite does. The whole query is folded like the index.
    """
    params: list[str] = []

    def phrase(words: tuple[str, ...], tokens: tuple[str, ...], prefix: bool) -> str:
        stemmed = words[:-1] if prefix else words
        pieces = []
        if stemmed:
            pieces.append("to_tsquery('norwegian', ?)")
            params.append(" <-> ".join(map(_lexeme, stemmed)))
        if prefix:
            pieces.append("to_tsquery('simple', ?)")
            params.append(_lexeme(tokens[-1]) + ":*")
        return pieces[0] if len(pieces) == 1 else f"tsquery_phrase({pieces[0]}, {pieces[1]})"

    raw = query.words or query.phrases
    groups = []
    for group in query.and_groups():
        alternatives = [f"({phrase(raw[i], query.phrases[i], query.prefixes[i])})" for i in group]
        groups.append("(" + " || ".join(alternatives) + ")")
    combined = " && ".join(groups)
    excluded_raw = query.excluded_words or tuple(tokens for tokens, _ in query.excluded)
    for words, (tokens, prefix) in zip(excluded_raw, query.excluded, strict=True):
        combined = f"({combined}) && !!({phrase(words, tokens, prefix)})"
    return f"nyhetsgraf_fold(({combined})::text)::tsquery", params
