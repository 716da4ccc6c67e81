"""The SQLite dialect: one file, WAL mode, FTS5 over a stemmed Norwegian shadow text."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from nyhetsgraf.store.protocol import StoreError
from nyhetsgraf.store.schema import SchemaError, migrations
from nyhetsgraf.store.textsearch import ParsedQuery, shadow_text


def split_statements(script: str) -> list[str]:
    """The statements of a SQL script, each complete (``sqlite3.complete_statement``)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.strip().startswith("--") for part in buffer.strip().splitlines()):
        raise SchemaError(f"incomplete SQL statement in migration: {buffer.strip()[:80]!r}")
    return statements


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only filesystem (or a folder we may not write to) the file is
    opened as immutable, since a WAL database needs its shared-memory file beside it even to read."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    immutable = not _can_write_beside(path)
    if not immutable:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0,
                                     check_same_thread=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()  # e.g. "unable to open database file": the -shm file cannot be made
    return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _refuse_foreign(connection: sqlite3.Connection, path: Path) -> None:
    """A SQLite database of another program (tables, but no nyhetsgraf schema version) is not ours to
    write into."""
    # One statement, one snapshot: read apart, a second process creating the database could commit
    # its tables and version between the two reads, and look like another program's.
    version, tables = connection.execute("SELECT (SELECT user_version FROM pragma_user_version),"
                                         " (SELECT count(*) FROM sqlite_master)").fetchone()
    if int(version) == 0 and tables:
        connection.close()
        raise StoreError(f"{path} is not a nyhetsgraf database: it holds tables of another program")


def _retry_while_locked(step: Callable[[], object], patience: float = 30.0) -> None:
    """Run one set-up step, retrying while another process holds the lock. Switching a new file to WAL
    needs an exclusive lock, and SQLite answers "database is locked" at once there instead of calling
    its busy handler, so two processes creating one database could fail."""
    deadline = time.monotonic() + patience
    pause = 0.005
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _can_write_beside(path: Path) -> bool:
    """Whether SQLite can create its -wal and -shm files next to the database."""
    folder = path.resolve().parent
    try:
        return os.access(folder, os.W_OK) and not os.statvfs(folder).f_flag & os.ST_RDONLY
    except OSError:
        return False


class SQLiteDialect:
    name = "sqlite"
    pk_type = "INTEGER PRIMARY KEY"

    def describe(self, target: str) -> str:
        return target

    def connect(self, target: str, *, create: bool, read_only: bool) -> sqlite3.Connection:
        path = Path(target)
        if (not create or read_only) and not path.is_file():
            raise StoreError(f"no database at {path} (create one with `nyhetsgraf ingest`)")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create a database at {path}: no folder {path.parent}")
        if not read_only and not _can_write_beside(path):
            raise StoreError(f"cannot write to {path}: its folder is read-only (reading it still works)")
        try:
            if read_only:
                connection = _connect_read_only(path)
            else:
                # Autocommit mode: transactions are opened explicitly, in batches. The timeout lets a
                # reader or a second writer wait for a running ingest's batch.
                connection = sqlite3.connect(path, isolation_level=None, timeout=30.0,
                                             check_same_thread=False)
                _refuse_foreign(connection, path)  # before WAL mode rewrites the file's header
                _retry_while_locked(lambda: connection.execute("PRAGMA journal_mode = WAL"))
                connection.execute("PRAGMA synchronous = NORMAL")
            connection.row_factory = sqlite3.Row
            # Migrations that rebuild the search index compute the shadow text in SQL.
            connection.create_function("nyhetsgraf_shadow", 1, shadow_text, deterministic=True)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path} is not a usable nyhetsgraf database: {error}") from error
        return connection

    def prepare(self, sql: str) -> str:
        return sql

    def rows(self, cursor: Any) -> list[dict[str, Any]]:
        return [dict(row) for row in cursor.fetchall()]

    def in_transaction(self, connection: sqlite3.Connection) -> bool:
        return connection.in_transaction

    def begin(self, connection: sqlite3.Connection) -> None:
        # IMMEDIATE takes the write lock now, waiting for another writer (the busy timeout). A deferred
        # BEGIN that reads first cannot wait when it later wants to write after another process
        # committed: SQLite answers "database is locked" at once, and a concurrent ingest failed.
        connection.execute("BEGIN IMMEDIATE")

    def schema_version(self, connection: sqlite3.Connection) -> int:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, connection: sqlite3.Connection) -> int:
        steps = migrations(self.name)
        latest = len(steps)
        current = self.schema_version(connection)
        if current > latest:
            raise SchemaError(f"database schema version {current} is newer than this nyhetsgraf ({latest})")
        if current == latest:
            return current
        # BEGIN IMMEDIATE takes the write lock first, so of two processes creating one database the
        # second waits, then sees the version the first one wrote and has nothing left to do.
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = self.schema_version(connection)
            if current == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise SchemaError("it holds tables of another program")
            for version, sql in steps:
                if version <= current:
                    continue
                for statement in split_statements(sql.replace("{pk}", self.pk_type)):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version}")
                current = version
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return current

    def index_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        store.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                      (rid, shadow_text(title), shadow_text(text)))

    def unindex_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        # A contentless FTS5 table forgets a row only when told the values it indexed.
        store.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                      (rid, shadow_text(title), shadow_text(text)))

    def matches(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        return "SELECT rowid AS rid FROM articles_fts WHERE articles_fts MATCH ?", [query.fts_expression()]

    def rank(self, store: Any, query: ParsedQuery, low: int, high: int, limit: int, offset: int,
             where: str = "", params: Sequence[Any] = ()) -> list[tuple[int, float]]:
        # Row ids and BM25 alone, inside the index (FTS5 takes the rowid range as a bound on its
        # doclists); BM25 is lower for a better match, the score given out its negation.
        joined = (" JOIN articles a ON a.rid = articles_fts.rowid JOIN sources s ON s.source_id = a.source_id"
                  if where else "")
        condition = f" AND {where}" if where else ""
        rows = store.query(
            "SELECT articles_fts.rowid AS rid, bm25(articles_fts, 3.0, 1.0) AS cost"
            f" FROM articles_fts{joined} WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ?"
            f"{condition} ORDER BY cost, articles_fts.rowid LIMIT ? OFFSET ?",
            (query.fts_expression(), low, high, *params, limit, offset))
        return [(int(row["rid"]), -float(row["cost"])) for row in rows]

    def counter_shard(self, store: Any) -> int:
        return 0  # one writer at a time holds the database lock

    def table_names(self, store: Any) -> set[str]:
        return {row["name"] for row in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
