"""The store on every backend (SQLite and PostgreSQL, see `store_url`): schema versioning,
de-duplication, full-text search, facts, resuming."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import make_article
from nyhetsgraf.records import Article, Facts, article_object
from nyhetsgraf.store import SCHEMA_VERSION, QuerySyntaxError, StoreError, open_store
from nyhetsgraf.store.schema import migrations
from nyhetsgraf.store.sqlite import SQLiteDialect
from nyhetsgraf.store.textsearch import fold, parse_query, shadow_text


def test_new_database_has_current_schema_and_wal(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(migrations("sqlite"))
        assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
        tables = {row["name"] for row in store.query("SELECT name FROM sqlite_master")}
    assert {"sources", "articles", "entities", "mentions", "quotes", "counts", "events", "times",
            "articles_fts"} <= tables


def test_migrations_are_idempotent(db_path: Path) -> None:
    open_store(db_path).close()
    connection = sqlite3.connect(db_path, isolation_level=None)
    dialect = SQLiteDialect()
    assert dialect.migrate(connection) == SCHEMA_VERSION  # nothing left to apply, no error on existing tables
    assert dialect.migrate(connection) == SCHEMA_VERSION
    connection.close()
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_newer_database_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_missing_database_is_an_error_when_not_creating(db_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(db_path, create=False)
    assert not db_path.exists()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a usable"):
        open_store(path)


def test_re_adding_the_same_article_is_a_no_op(store_url: str,
                                               soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        assert store.add(article, facts) is True
        assert store.add(article, facts) is False
        # The same text from another source is a duplicate too (content hash).
        copy = make_article(article.text, source="other.txt", title=article.title)
        assert copy.id != article.id
        assert store.contains(copy)
        assert store.add(copy, facts) is False
        assert len(store) == 1
        assert store.stats()["entities"] == len(facts.entities)


def test_facts_round_trip(store_url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        store.add(article, facts)
    with open_store(store_url, create=False) as store:
        stored = store.article(article.id).to_json()
    assert stored is not None
    expected = article_object(article, facts)
    assert {key: stored[key] for key in expected} == expected
    assert stored["text"] == article.text
    entity = stored["entities"][1]
    start, end = entity["mentions"][0]
    base = stored["span"][0]
    assert stored["text"][start - base:end - base] == "Åse Lien"


def test_facts_records_round_trip(store_url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        store.add(article, facts)
        stored = store.facts(article.id)
    assert stored == facts
    assert stored.quotes and stored.quotes[0].speaker_key == facts.quotes[0].speaker_key


def test_search_uses_norwegian_stemming(store_url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    other = make_article("Kommunen vedtok nytt budsjett for skolene i Bodø.", source="b.txt",
                         title="Budsjett")
    with open_store(store_url) as store:
        store.add(article, facts)
        store.add(other, Facts())
        hits = store.search("soldat")
        assert [hit.id for hit in hits] == [article.id]
        assert [hit.id for hit in store.search("skole")] == [other.id]
        snippet = hits[0].snippet
        assert snippet.highlights
        start, end = snippet.highlights[0]
        assert snippet.text[start:end].lower().startswith("soldat")


def test_search_folds_case_and_diacritics(store_url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        store.add(article, facts)
        for query in ("Tromsø", "tromsø", "TROMSØ"):
            assert [hit.id for hit in store.search(query)] == [article.id], query
        assert store.search("åse lien")[0].id == article.id
        # ø and å are letters, not accented o and a (issue 17)
        assert store.search("Tromso") == [] and store.search("ase lien") == []


def test_search_terms_are_anded_and_phrases_are_exact(store_url: str,
                                                      soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        store.add(article, facts)
        assert store.search("soldat rena")
        assert store.search("soldat bergen") == []
        assert store.search('"reiser hjem"')
        assert store.search('"hjem reiser"') == []
        assert store.search("øvel*")  # prefix of the folded word


@pytest.mark.parametrize("query", ['"unbalanced', "", "  ", "-- !!"])
def test_bad_queries_raise_a_syntax_error(store_url: str, query: str) -> None:
    with open_store(store_url) as store, pytest.raises(QuerySyntaxError):
        store.search(query)


def test_queries_cannot_inject_fts_syntax(store_url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(store_url) as store:
        store.add(article, facts)
        # FTS5 operators and column filters are plain words to us: no sqlite3 error.
        assert store.search("title: NEAR(soldat) OR AND") == []
        assert store.search("soldat AND") == []  # "and" is a term too, and does not occur


def test_shadow_text_and_folding() -> None:
    assert shadow_text("Soldatene trakk seg ut") .split()[0] == "soldat"
    assert fold("Tromsø") == fold("TROMSØ") == "tromsø" != fold("TROMSO")
    assert fold("Ærlig Åse") == "ærlig åse"
    assert fold("Café Björn") == "cafe bjørn"
    assert parse_query('soldatene "trakk seg"').fts_expression() == '"soldat" AND "trakk seg"'


def test_articles_listing_and_prefix_lookup(store_url: str) -> None:
    items = [make_article(f"Nyhet nummer {n} om været i Bergen.", source="v.txt", index=n) for n in range(5)]
    with open_store(store_url) as store:
        for item in items:
            store.add(item, Facts())
        page = store.articles(limit=2, offset=1)
        assert [row.id for row in page] == [items[1].id, items[2].id]
        assert page[0].fact_counts["entities"] == 0 and page[0].source == "v.txt"
        assert store.resolve_id(items[3].id[:10]) == items[3].id
        assert store.resolve_id("zz") is None
        stats = store.stats()
    assert stats["articles"] == 5 and stats["sources"] == 1


def _articles_then_interrupt(articles: list[Article], stop_after: int) -> Iterator[Article]:
    for n, article in enumerate(articles):
        if n == stop_after:
            raise KeyboardInterrupt
        yield article


def test_interrupted_ingest_keeps_committed_articles_and_resumes(store_url: str) -> None:
    from nyhetsgraf.pipeline import IngestSummary

    articles = [make_article(f"Artikkel {n}: ordføreren la fram planen for kommunen {n}.", source="x.txt",
                             index=n) for n in range(25)]
    summary = IngestSummary()
    with pytest.raises(KeyboardInterrupt), open_store(store_url, batch_size=10) as store:
        for article in _articles_then_interrupt(articles, stop_after=17):
            if store.add(article, Facts()):
                summary.new += 1
    assert summary.new == 17
    with open_store(store_url, create=False) as store:
        assert len(store) == 17  # the last, partial batch was committed on exit too
        added = sum(store.add(article, Facts()) for article in articles)
        assert added == 8
        assert len(store) == 25
        ids = list(store.iter_ids())
    assert len(ids) == len(set(ids)) == 25


def test_uncommitted_batch_is_lost_on_a_hard_kill_but_earlier_batches_are_not(db_path: Path) -> None:
    articles = [make_article(f"Melding {n} fra fylket om nye veier.", index=n) for n in range(15)]
    store = open_store(db_path, batch_size=10)
    for article in articles:
        store.add(article, Facts())
    # A second connection sees what a crash would leave behind: only committed batches.
    reader = sqlite3.connect(db_path)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
    reader.close()
    store.close()
    with open_store(db_path) as reopened:
        assert len(reopened) == 15


def test_two_migrations_with_one_number_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from nyhetsgraf.store import schema

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE a (x INTEGER);")
    (folder / "0002_second.sql").write_text("CREATE TABLE b (x INTEGER);")
    (folder / "0002_other.sqlite.sql").write_text("CREATE TABLE c (x INTEGER);")

    class Files:
        def __truediv__(self, name: str) -> Path:
            return folder

    monkeypatch.setattr(resources, "files", lambda package: Files())
    schema.migrations.cache_clear()
    try:
        with pytest.raises(schema.SchemaError, match="two migrations are numbered 0002: other, second"):
            schema.migrations("sqlite")
    finally:
        schema.migrations.cache_clear()
