"""What differs between the SQL backends, behind one small interface (``SqlStore`` holds the rest)."""

from __future__ import annotations

from collections.abc import Sequence
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

    def matches(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        """SQL selecting the row ids (column ``rid``) of the articles that match ``query``, and its
        parameters."""
        ...

    def rank(self, store: Any, query: ParsedQuery, low: int, high: int, limit: int, offset: int,
             where: str = "", params: Sequence[Any] = ()) -> list[tuple[int, float]]:
        """``(rid, score)`` of the articles matching ``query`` whose row id lies in ``low..high`` (and
        that meet ``where``, a condition on ``articles a`` joined to ``sources s``), best first (a higher
        score is better; equal scores by row id), ``limit`` of them after ``offset``."""
        ...

    def table_names(self, store: Any) -> set[str]: ...

    def counter_shard(self, store: Any) -> int:
        """The counters' shard this connection writes: one no other running writer uses, so concurrent
        ingests never wait on (or deadlock over) each other's counter rows."""
        ...
