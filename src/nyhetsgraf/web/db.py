"""The web server's access to the store: one read connection per worker thread, one guarded writer.

FastAPI runs plain ``def`` handlers in a thread pool; a store connection is not shared between
threads, so each thread opens its own (read-only unless the server was started with ``--write``).
Writes go through a single store behind a lock, as ingest is the only writer elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nyhetsgraf.store import SCHEMA_VERSION, SqlStore, StoreError, open_store

Params = Sequence[Any]


class Database:
    """Thread-local store handles over one database, plus the writer when writing is allowed."""

    def __init__(self, store_url: str | Path, *, write: bool = False) -> None:
        self.url = str(store_url)
        self.write = write
        self._local = threading.local()
        self._all: list[SqlStore] = []
        self._all_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._generation = 0
        # Fail early (StoreError) on a missing file, one that is not a nyhetsgraf database, or an old schema.
        version = self.store().schema_version
        if version < SCHEMA_VERSION:
            self.close()
            raise StoreError(f"{self.url} has schema version {version}, this nyhetsgraf reads"
                             f" {SCHEMA_VERSION}: upgrade it by running `nyhetsgraf ingest` on it once"
                             " (or serve it with --write)")

    @property
    def dialect(self) -> str:
        return str(getattr(self.store().dialect, "name", ""))

    def store(self) -> SqlStore:
        """This thread's store (read-only unless the server writes). A PostgreSQL store is one for all
        threads: it lends each thread its own connection from a pool."""
        if self.url.startswith(("postgresql://", "postgres://")):
            with self._all_lock:
                if not self._all:
                    self._all.append(open_store(self.url, create=False, read_only=not self.write))
                return self._all[0]
        store = getattr(self._local, "store", None)
        # After close() (the app's shutdown) a thread's old handle is stale: a new start opens anew.
        if store is None or getattr(self._local, "generation", -1) != self._generation:
            store = open_store(self.url, create=False, read_only=not self.write)
            self._local.store = store
            self._local.generation = self._generation
            with self._all_lock:
                self._all.append(store)
        return store

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised SELECT (written with ``?``) as dicts."""
        return self.store().query(sql, params)

    def one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else next(iter(row.values()))

    @contextmanager
    def writer(self) -> Iterator[SqlStore]:
        """The store to add articles to; one writer at a time."""
        if not self.write:
            raise PermissionError("the server is read-only")
        with self._write_lock:
            store = self.store()
            try:
                yield store
            finally:
                store.commit()

    def close(self) -> None:
        with self._all_lock:
            self._generation += 1
            for store in self._all:
                store.close()
            self._all.clear()
