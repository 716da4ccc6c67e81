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

from nyhetsgraf.store import Store, StoreError

Params = Sequence[Any]


def store_path(store_url: str | Path) -> Path:
    """The SQLite file of a store URL (``sqlite:///path`` or a plain path)."""
    text = str(store_url)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    return Path(text)


class Database:
    """Thread-local store handles over one database, plus the writer when writing is allowed."""

    def __init__(self, store_url: str | Path, *, write: bool = False) -> None:
        self.url = str(store_url)
        self.write = write
        self._path = store_path(store_url)
        if not self._path.is_file():
            raise StoreError(f"no database at {self._path} (create one with `nyhetsgraf ingest`)")
        self._local = threading.local()
        self._all: list[Store] = []
        self._all_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.store()  # fail early on a file that is not a nyhetsgraf database

    def store(self) -> Store:
        """This thread's store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self._path, create=False, check_same_thread=False)
            if not self.write:
                # Reads only: anything that tries to write fails instead of touching the data.
                store.connection.execute("PRAGMA query_only = ON")
            self._local.store = store
            with self._all_lock:
                self._all.append(store)
        return store

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised SELECT as dicts."""
        cursor = self.store().connection.execute(sql, tuple(params))
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.store().connection.execute(sql, tuple(params)).fetchone()
        return None if row is None else row[0]

    def iterate(self, sql: str, params: Params = (), batch: int = 500) -> Iterator[dict[str, Any]]:
        """Rows of a large SELECT, fetched in batches (for exports)."""
        cursor = self.store().connection.execute(sql, tuple(params))
        names = [column[0] for column in cursor.description or ()]
        while rows := cursor.fetchmany(batch):
            for row in rows:
                yield dict(zip(names, row, strict=True))

    @contextmanager
    def writer(self) -> Iterator[Store]:
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
            for store in self._all:
                store.close()
            self._all.clear()
