"""What only the PostgreSQL store has: its migrations, its connection pool, several writers at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from conftest import REPO_ROOT, make_article
from nyhetsgraf.records import Entity, Facts
from nyhetsgraf.store import SCHEMA_VERSION, StoreError, open_store
from nyhetsgraf.store.postgresql import PostgreSQLDialect, redact_url, to_psycopg, tsquery
from nyhetsgraf.store.schema import migrations
from nyhetsgraf.store.textsearch import parse_query

pytestmark = pytest.mark.postgresql


def test_new_database_gets_every_migration_once(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert store.schema_version == SCHEMA_VERSION == len(migrations("postgresql"))
        versions = [row["version"] for row in store.query("SELECT version FROM nyhetsgraf_schema ORDER BY 1")]
        columns = {row["column_name"]: row["data_type"] for row in store.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'articles'")}
        indexes = {row["indexname"] for row in store.query("SELECT indexname FROM pg_indexes")}
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    assert columns["search"] == "tsvector" and columns["rid"] == "bigint"
    assert "articles_search" in indexes
    with open_store(postgres_url) as again:  # nothing left to apply
        assert again.schema_version == SCHEMA_VERSION


def test_concurrent_openers_migrate_once(postgres_url: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            open_store(postgres_url).close()
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with psycopg.connect(postgres_url) as connection:
        rows = connection.execute("SELECT version FROM nyhetsgraf_schema ORDER BY 1").fetchall()
    assert [row[0] for row in rows] == list(range(1, SCHEMA_VERSION + 1))


def test_newer_database_is_refused(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("INSERT INTO nyhetsgraf_schema(version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(postgres_url)


def test_a_foreign_database_is_not_read_as_a_store(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="not a nyhetsgraf database"):
        open_store(postgres_url, read_only=True)


@pytest.mark.parametrize("url", ["postgresql://nobody@/nyheter?host=/nonexistent-folder&port=1",
                                 "postgresql://user:secret@/nyheter?host=/nonexistent-folder&port=1"])
def test_unreachable_server_is_a_one_line_error_without_the_password(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith("cannot connect to postgresql://") and "\n" not in message
    assert "secret" not in message


def test_read_only_store_refuses_writes_at_the_server(postgres_url: str) -> None:
    article = make_article("Fylket bygger ny bru over fjorden i Hordaland.")
    open_store(postgres_url).close()
    with open_store(postgres_url, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add(article, Facts())
        # Below the store's own check, the session itself is read-only.
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.execute("INSERT INTO sources(path) VALUES (?)", ("x.txt",))


def test_uncommitted_batch_is_invisible_to_other_connections(postgres_url: str) -> None:
    articles = [make_article(f"Melding {n} fra fylket om nye veier.", index=n) for n in range(15)]
    store = open_store(postgres_url, batch_size=10)
    for article in articles:
        store.add(article, Facts())
    with psycopg.connect(postgres_url) as reader:
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
    store.close()
    with open_store(postgres_url) as reopened:
        assert len(reopened) == 15


def test_threads_share_one_store(postgres_url: str) -> None:
    """The web server shares a store between threads: each reads through its own pooled connection."""
    with open_store(postgres_url) as store:
        for n in range(6):
            store.add(make_article(f"Soldatene i Troms fikk ny leir nummer {n}.", index=n,
                                   title=f"Leir {n}"), Facts())
        store.commit()
        found: list[int] = []

        def read() -> None:
            for _ in range(20):
                found.append(len(store.search("soldat leir")))

        threads = [threading.Thread(target=read) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert found == [6] * 120


def test_search_ranks_the_title_above_the_body(postgres_url: str) -> None:
    in_title = make_article("Mange nye boliger i byen i år.", index=0, title="Ferjene står")
    in_body = make_article("Ferjene står stille i hele dag etter streiken.", index=1, title="Streik")
    with open_store(postgres_url) as store:
        store.add(in_body, Facts())
        store.add(in_title, Facts())
        hits = store.search("ferje")
    assert [hit.id for hit in hits] == [in_title.id, in_body.id]
    assert hits[0].score > hits[1].score > 0


def test_norwegian_stop_words_do_not_block_a_match(postgres_url: str) -> None:
    article = make_article("Statsministeren reiste på besøk til Nord-Norge og møtte ordførerne.",
                           title="Besøk")
    with open_store(postgres_url) as store:
        store.add(article, Facts())
        assert [hit.id for hit in store.search("besøk på nord-norge")] == [article.id]
        assert [hit.id for hit in store.search('"reiste på besøk"')] == [article.id]
        assert [hit.id for hit in store.search("MØTTE Ordførerne")] == [article.id]
        assert store.search("mott ordforerne") == []  # ø is a letter, not an accented o (issue 17)
        assert store.search('"besøk reiste"') == []
        # -word excludes and OR alternates, as on SQLite
        assert store.search("besøk -ordførerne") == []
        assert [hit.id for hit in store.search("lofoten OR nord-norge")] == [article.id]
        assert store.search("lofoten OR finnmark") == []


def test_placeholders_leave_literals_alone() -> None:
    assert to_psycopg("SELECT '?' || ?, \"a?\" FROM t WHERE x LIKE 'a%' -- why?\n AND y = ?") == (
        "SELECT '?' || %s, \"a?\" FROM t WHERE x LIKE 'a%%' -- why?\n AND y = %s")
    expression, params = tsquery(parse_query('soldatene "reiser hjem" øvel*'))
    assert params == ["'soldatene'", "'reiser' <-> 'hjem'", "'øvel':*"]
    assert expression.count("to_tsquery") == 3


def test_password_is_redacted() -> None:
    assert redact_url("postgresql://ola:hemmelig@db.example.no:5432/nyheter") == \
        "postgresql://ola:***@db.example.no:5432/nyheter"
    assert redact_url("postgresql://ola@db/nyheter") == "postgresql://ola@db/nyheter"
    assert PostgreSQLDialect().describe("postgresql://a:b@h/d") == "postgresql://a:***@h/d"


_WRITER = """
import sys
sys.path.insert(0, {tests!r})
from conftest import make_article
from nyhetsgraf.records import Entity, Facts
from nyhetsgraf.store import open_store
url, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
added = 0
with open_store(url, batch_size=7) as store:
    for n in range(first, last):
        article = make_article(f"Sak {{n}}: kommunen i Alta vedtok budsjettet for {{n}} skoler.", index=n)
        facts = Facts(entities=[Entity("Alta", "GPE_LOC", [(article.span[0] + 16, article.span[0] + 20)])])
        added += store.add(article, facts)
print(added)
"""


def test_two_processes_ingest_at_once_without_losses_or_duplicates(postgres_url: str, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(tests=str(REPO_ROOT / "tests")), encoding="utf-8")
    # Overlapping ranges: articles 40-79 are offered by both processes at the same time.
    ranges = [(0, 80), (40, 120)]
    processes = [subprocess.Popen([sys.executable, str(script), postgres_url, str(a), str(b)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for a, b in ranges]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), [err for _, err in outputs]
    added = sum(int(out.strip()) for out, _ in outputs)
    assert added == 120
    with open_store(postgres_url) as store:
        ids = list(store.iter_ids())
        stats = store.stats()
    assert len(ids) == len(set(ids)) == 120
    expected = {make_article(f"Sak {n}: kommunen i Alta vedtok budsjettet for {n} skoler.", index=n).id
                for n in range(120)}
    assert set(ids) == expected
    assert stats["entities"] == stats["mentions"] == 120  # no article's facts written twice


def test_entity_keys_survive_the_round_trip(postgres_url: str) -> None:
    article = make_article("Ordfører Kari Holmen i Harstad la fram planen.", title="Plan")
    start = article.span[0] + article.text.index("Kari Holmen")
    facts = Facts(entities=[Entity("Kari Holmen", "PER", [(start, start + 11)])])
    with open_store(postgres_url) as store:
        store.add(article, facts)
        assert store.facts(article.id) == facts
        assert store.resolve_id(article.id[:6]) == article.id
