"""What differs between the SQL backends, behind one small interface (``SqlStore`` holds the rest)."""

from __future__ import annotations

from typing import Any, Protocol

from nyhetsgraf.store.textsearch import ParsedQuery


class Dialect(Protocol):
    """One SQL backend: how to connect, run SQL written with ``?`` placeholders, migrate and search."""

    name: str  # "sqlite" | "postgresql": also picks ``NNNN_name.<name>.sql`` migrations
    pk_type: str  # the column type of an auto-numbered primary key (``{pk}`` in migrations)

    def connect(self, target: str, *, create: bool, read_only: bool) -> Any:
        """A DB-API connection in autocommit mode (transactions are opened explicitly)."""
        ...

    def prepare(self, sql: str) -> str:
        """SQL written with ``?`` placeholders as this driver wants it."""
        ...

    def rows(self, cursor: Any) -> list[dict[str, Any]]: ...

    def in_transaction(self, connection: Any) -> bool: ...

    def begin(self, connection: Any) -> None:
        """Open a write transaction."""
        ...

    def schema_version(self, connection: Any) -> int: ...

    def migrate(self, connection: Any) -> int:
        """Apply every migration newer than the database, safely when several processes open it at once."""
        ...

    def index_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        """Add one article to the full-text index (inside the caller's transaction)."""
        ...

    def unindex_article(self, store: Any, rid: int, title: str | None, text: str) -> None:
        """Remove one article, indexed with this title and text, from the full-text index."""
        ...

    def search(self, store: Any, query: ParsedQuery, limit: int, offset: int) -> list[dict[str, Any]]:
        """Rows ``id, title, date, text, path, score`` (higher is better), best first."""
        ...

    def table_names(self, store: Any) -> set[str]: ...

    def counter_shard(self, store: Any) -> int:
        """The counters' shard this connection writes: one no other running writer uses, so concurrent
        ingests never wait on (or deadlock over) each other's counter rows."""
        ...
