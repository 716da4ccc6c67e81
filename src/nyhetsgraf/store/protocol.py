"""The Store protocol: what the pipeline, the knowledge base, the CLI and the web app may ask of a store.

Backends (SQLite by default, PostgreSQL for a team) implement it; nothing above ``store`` sees a
database connection. ``open_store(url)`` in ``nyhetsgraf.store`` picks the backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from nyhetsgraf.records import Article, Facts, contract_object
from nyhetsgraf.store.textsearch import ParsedQuery, Snippet


class StoreError(Exception):
    """A problem a user can hit with the database (missing file, not a nyhetsgraf database, no server)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    date: str | None
    source: str
    snippet: Snippet
    score: float


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of an article listing: the article and how many facts of each kind it has."""

    id: str
    title: str | None
    date: str | None
    language: str
    source: str
    index: int
    chars: int
    fact_counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "date": self.date, "language": self.language,
                "source": self.source, "index": self.index, "chars": self.chars, **self.fact_counts}


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """A stored article with its facts and what the store knows beyond the contract."""

    id: str
    source: str
    index: int
    span: tuple[int, int]
    date: str | None
    title: str | None
    headings: list[str]
    language: str
    facts: Facts
    text: str
    url: str | None
    author: str | None
    source_name: str | None
    metadata: dict[str, Any]
    ingested_at: str

    def contract(self) -> dict[str, Any]:
        """The extraction-contract object, as ``nyhetsgraf extract`` writes it."""
        return contract_object(id=self.id, source=self.source, index=self.index, span=self.span,
                               date=self.date, title=self.title, headings=self.headings,
                               language=self.language, facts=self.facts)

    def to_json(self) -> dict[str, Any]:
        """The contract object plus text, url, author, source_name, metadata and ingested_at."""
        return {**self.contract(), "text": self.text, "url": self.url, "author": self.author,
                "source_name": self.source_name, "metadata": self.metadata, "ingested_at": self.ingested_at}


@runtime_checkable
class Store(Protocol):
    """A nyhetsgraf store. Use as a context manager or call ``close()`` (which commits)."""

    url: str
    read_only: bool

    def __enter__(self) -> Store: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def close(self) -> None: ...

    def commit(self) -> None: ...

    @property
    def schema_version(self) -> int: ...

    # writing
    def contains(self, article: Article) -> bool:
        """Whether this article (same id) or the same text (same content hash) is stored."""
        ...

    def add(self, article: Article, facts: Facts | None = None) -> bool:
        """Store an article and its facts; False (nothing written) when it is already stored."""
        ...

    def mark_extracted(self, article_id: str, model: str | None, lexicon: str | None) -> None:
        """Record which model and lexicon version produced the article's facts."""
        ...

    def replace_facts(self, article_id: str, facts: Facts, model: str | None, lexicon: str | None) -> bool:
        """Replace the article's facts (and their provenance) in one transaction."""
        ...

    # reading
    def count_articles(self) -> int: ...

    def search(self, query: str | ParsedQuery, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...

    def articles(self, limit: int = 20, offset: int = 0, after: str | None = None) -> list[ArticleRow]:
        """A page in ingestion order: ``limit`` articles after the article with id ``after`` (keyset
        pagination; from the start when None), skipping ``offset`` more."""
        ...

    def resolve_id(self, id_or_prefix: str) -> str | None: ...

    def matching_ids(self, id_or_prefix: str, limit: int = 10) -> list[str]:
        """Ids equal to ``id_or_prefix`` or (4 characters or more) starting with it: the candidates."""
        ...

    def article(self, article_id: str) -> StoredArticle | None: ...

    def facts(self, article_id: str) -> Facts: ...

    def iter_ids(self) -> Iterator[str]: ...

    def stats(self) -> dict[str, Any]: ...
