"""SQLite storage of articles and facts, with Norwegian full-text search (see SCHEMA.md)."""

from nyhetsgraf.store.database import SearchHit, Store, StoreError
from nyhetsgraf.store.schema import SCHEMA_VERSION
from nyhetsgraf.store.textsearch import QuerySyntaxError, Snippet

__all__ = ["SCHEMA_VERSION", "QuerySyntaxError", "SearchHit", "Snippet", "Store", "StoreError"]
