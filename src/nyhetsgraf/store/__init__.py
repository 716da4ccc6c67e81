"""Storage of articles, their facts and the knowledge base (see SCHEMA.md).

    from nyhetsgraf.store import open_store
    with open_store("nyhetsgraf.db") as store:              # or "sqlite:///path", "postgresql://..."
        store.add(article, facts)

Everything above this package depends on the ``Store`` protocol only; ``open_store`` picks the backend.
"""

from __future__ import annotations

from pathlib import Path

from nyhetsgraf.store.protocol import ArticleRow, SearchHit, Store, StoredArticle, StoreError
from nyhetsgraf.store.schema import SCHEMA_VERSION
from nyhetsgraf.store.sql import SqlStore
from nyhetsgraf.store.textsearch import QuerySyntaxError, Snippet

__all__ = ["SCHEMA_VERSION", "ArticleRow", "QuerySyntaxError", "SearchHit", "Snippet", "SqlStore", "Store",
           "StoreError", "StoredArticle", "open_store"]

_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def open_store(url: str | Path, *, create: bool = True, read_only: bool = False,
               batch_size: int = 200) -> SqlStore:
    """Open (and migrate, unless ``read_only``) the store at a path or URL.

    ``nyhetsgraf.db`` or ``sqlite:///path/to/file.db``: SQLite; ``postgresql://user@host/db``: PostgreSQL.
    ``create=False`` refuses a SQLite file that does not exist yet.
    """
    text = str(url)
    if text.startswith(_POSTGRES_PREFIXES):
        try:
            from nyhetsgraf.store.postgresql import PostgreSQLDialect, redact_url
        except ModuleNotFoundError as error:
            raise StoreError(f"PostgreSQL needs the package {error.name!r}: "
                             "pip install 'psycopg[binary,pool]'") from error
        return SqlStore(PostgreSQLDialect(), text, url=redact_url(text), create=create, read_only=read_only,
                        batch_size=batch_size)
    if "://" in text and not text.startswith(_SQLITE_PREFIX):
        raise StoreError(f"unknown store URL {text!r}: use a file path, sqlite:///PATH or postgresql://...")
    from nyhetsgraf.store.sqlite import SQLiteDialect

    path = text.removeprefix(_SQLITE_PREFIX)
    return SqlStore(SQLiteDialect(), path, url=text, create=create, read_only=read_only,
                    batch_size=batch_size)
