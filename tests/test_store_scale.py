"""The store's paths that must stay fast on large stores: counters behind `stats`, keyset pages of
`articles`, the id-prefix lookup through the unique index, and top-k search. Each must give exactly
what the plain (slow) query gives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import make_article
from nyhetsgraf.records import Article, Entity, Event, Facts
from nyhetsgraf.store import open_store
from nyhetsgraf.store.textsearch import parse_query

PLACES = ("Bergen", "Tromsø", "Bodø", "Hamar", "Molde")


def _news(count: int) -> list[tuple[Article, Facts]]:
    """Articles with a varying number of entities and events, from two sources."""
    result: list[tuple[Article, Facts]] = []
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        text = (f"Brannen i {place} nummer {n}\n\nBrannvesenet i {place} rykket ut natt til søndag. "
                f"Ordfører Kari Nilsen sier at {place} kommune vil hjelpe {n} beboere.")
        article = make_article(text, source=f"kilde{n % 2}.txt", index=n, date=f"2024-0{1 + n % 9}-1{n % 10}",
                               title=f"Brannen i {place} nummer {n}")
        start = article.document.text.index(place)
        entities = [Entity(place, "GPE_LOC", [(start, start + len(place))] * (1 + n % 3))]
        if n % 2:
            entities.append(Entity("Kari Nilsen", "PER", [(start, start + 1)]))
        events = [Event("AID" if n % 2 else "ASSAULT", "rykket ut", None, None, place, None, False,
                        (start, start + len(place)))] * (n % 3)
        result.append((article, Facts(entities=entities, events=list(events))))
    return result


def _counted_stats(store: object) -> dict[str, object]:
    """What `stats` reported before the counters: everything counted from the tables."""
    query = store.query  # type: ignore[attr-defined]
    result: dict[str, object] = {}
    for table in ("sources", "articles", "entities", "mentions", "quotes", "counts", "events", "times"):
        result[table] = int(query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
    result["entity_types"] = {r["type"]: int(r["n"]) for r in query(
        "SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY count(*) DESC, type")}
    result["event_types"] = {r["type"]: int(r["n"]) for r in query(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY count(*) DESC, type")}
    return result


def test_stats_counters_equal_counting_the_tables(store_url: str) -> None:
    news = _news(23)
    with open_store(store_url) as store:
        for article, facts in news:
            assert store.add(article, facts)
        for article, facts in news[:3]:  # duplicates change nothing
            assert not store.add(article, facts)
        assert not store.add(replace(news[0][0], index=99), news[0][1])
        stats = store.stats()
        counted = _counted_stats(store)
    assert {key: stats[key] for key in counted} == counted
    assert stats["articles"] == 23 and stats["sources"] == 2
    assert stats["event_types"] == {"ASSAULT": 12, "AID": 10}
    assert stats["first_date"] == "2024-01-10" and stats["last_date"] == "2024-09-18"


def test_counters_of_an_older_database_are_counted_by_the_migration(db_path: Path) -> None:
    news = _news(7)
    with open_store(db_path) as store:
        for article, facts in news:
            store.add(article, facts)
        expected = _counted_stats(store)
        # As a version-5 database: no counters table yet.
        store.execute("DROP TABLE counters")
        store.execute("DROP INDEX articles_order")
        store.execute("DROP TABLE kb_dirty")  # made by version 7
        store.execute("PRAGMA user_version = 5")
    with open_store(db_path) as store:
        assert {key: store.stats()[key] for key in expected} == expected


def test_keyset_pages_equal_offset_pages(store_url: str) -> None:
    news = _news(12)
    with open_store(store_url) as store:
        for article, facts in news:
            store.add(article, facts)
        everything = store.articles(limit=100)
        assert [row.id for row in everything] == [article.id for article, _ in news]
        assert everything[4].fact_counts["entities"] == len(news[4][1].entities)
        assert everything[5].fact_counts["events"] == 2
        assert store.articles(limit=3, offset=9) == everything[9:12]
        assert store.articles(limit=3, after=everything[4].id) == everything[5:8]
        assert store.articles(limit=3, offset=2, after=everything[4].id) == everything[7:10]
        assert store.articles(limit=5, after=everything[-1].id) == []
        assert store.articles(limit=5, after="no-such-id") == []
        assert store.articles(limit=5, offset=50) == []


def test_id_prefix_lookup_uses_the_unique_index(db_path: Path) -> None:
    news = _news(6)
    with open_store(db_path) as store:
        for article, facts in news:
            store.add(article, facts)
        target = news[3][0].id
        assert store.matching_ids(target[:8]) == [target]
        plan = " ".join(str(row["detail"]) for row in store.query(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            ("abcd", "abcd\U0010ffff", 2)))
    assert "USING COVERING INDEX" in plan and "SCAN" not in plan, plan


def test_offset_pages_step_over_the_compact_order_index(db_path: Path) -> None:
    with open_store(db_path) as store:
        for article, facts in _news(4):
            store.add(article, facts)
        plan = " ".join(str(row["detail"]) for row in store.query(
            "EXPLAIN QUERY PLAN SELECT rid FROM articles ORDER BY rid LIMIT ? OFFSET ?", (20, 2)))
    assert "COVERING INDEX articles_order" in plan, plan


def test_top_k_search_returns_what_sorting_whole_rows_returned(db_path: Path) -> None:
    news = _news(30)
    with open_store(db_path) as store:
        for article, facts in news:
            store.add(article, facts)
        for query in ("brannen", "bergen", "beboere kommune", '"rykket ut"'):
            parsed = parse_query(query)
            for limit, offset in ((5, 0), (7, 3), (50, 0)):
                old = store.query(
                    "SELECT a.id, -bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts"
                    " JOIN articles a ON a.rid = articles_fts.rowid"
                    " JOIN sources s ON s.source_id = a.source_id WHERE articles_fts MATCH ?"
                    " ORDER BY bm25(articles_fts, 3.0, 1.0), a.rid LIMIT ? OFFSET ?",
                    (parsed.fts_expression(), limit, offset))
                hits = store.search(query, limit=limit, offset=offset)
                assert [(hit.id, round(hit.score, 9)) for hit in hits] == \
                    [(row["id"], round(float(row["score"]), 9)) for row in old]
                assert hits or offset


def _windowed(scores: dict[int, float], window: int) -> list[int]:
    """The order the store promises: matches cut into windows of ``window`` row ids, newest first,
    each ranked by score (higher first), equal scores by row id."""
    newest_first = sorted(scores, reverse=True)
    chunks = [newest_first[start:start + window] for start in range(0, len(newest_first), window)]
    return [rid for chunk in chunks for rid in sorted(chunk, key=lambda rid: (-scores[rid], rid))]


def test_search_beyond_the_rank_window_ranks_windows_of_matches_newest_first(store_url: str) -> None:
    # 30 articles about a flood, each naming it a different number of times, among 40 others (so that
    # the word is rare enough for BM25 to tell the articles apart), from two sources.
    with open_store(store_url) as store:
        for n in range(70):
            text = (f"Flommen i Lærdal nummer {n}\n\nVannet steg i natt. {'Flommen tok veien. ' * (n % 7)}"
                    f"Ordføreren i kommune {n} sier at {n} hus ble skadet." if n % 7 in (0, 2, 4)
                    else f"Valget i Lærdal nummer {n}\n\nKommunestyret møttes i kveld for å velge ordfører.")
            store.add(make_article(text, source=f"kilde{n % 2}.txt", index=n, title=text.split("\n")[0]))
        rid_of = {row["id"]: int(row["rid"]) for row in store.query("SELECT id, rid FROM articles")}
        everything = store.search("flommen kommune", limit=100)  # one window: every match ranked together
        scores = {rid_of[hit.id]: hit.score for hit in everything}
        assert len(scores) == 30 and len({round(s, 6) for s in scores.values()}) > 1
        store.rank_window = 4
        windowed = store.search("flommen kommune", limit=100)
        assert [rid_of[hit.id] for hit in windowed] == _windowed(scores, 4)
        assert [rid_of[hit.id] for hit in windowed] != [rid_of[hit.id] for hit in everything]
        assert all(hit.score == scores[rid_of[hit.id]] for hit in windowed)
        paged = [hit.id for offset in range(0, 33, 3) for hit in store.search("flommen kommune", limit=3,
                                                                                offset=offset)]
        assert paged == [hit.id for hit in windowed]  # every match once, across window borders too
        # Other filters narrow the matches first; the windows are counted among what is left.
        source = store.query("SELECT source_id FROM sources WHERE path = ?", ("kilde1.txt",))[0]["source_id"]
        kept = {int(r["rid"]) for r in store.query("SELECT rid FROM articles WHERE source_id = ?", (source,))}
        filtered = store.ranked(parse_query("flommen kommune"), 100, 0, "s.path = ?", ["kilde1.txt"])
        assert [rid for rid, _ in filtered] == _windowed({rid: scores[rid] for rid in kept & set(scores)}, 4)
        assert store.ranked(parse_query("flommen kommune"), 5, 13, "s.path = ?", ["kilde1.txt"]) == \
            filtered[13:18]


def test_counters_follow_replaced_facts_and_replaced_truncated_articles(store_url: str) -> None:
    news = _news(6)
    with open_store(store_url) as store:
        for article, facts in news:
            store.add(article, facts)
        # reextract: the facts of article 2 become those of article 5 (another entity count, events)
        assert store.replace_facts(news[2][0].id, news[5][1], "model", "lexicon")
        # a cut-off copy stored earlier is replaced by the complete article at the same position
        complete = news[4][0]
        cut = make_article(complete.text[:40], source="avkortet.txt", index=0, title=complete.title)
        whole = make_article(complete.text, source="avkortet.txt", index=0, title=complete.title)
        assert store.add(cut, news[1][1])
        assert not store.add(whole, news[3][1])  # same text as news[4]: a duplicate, nothing changes
        longer = make_article(complete.text + " Mer kommer.", source="avkortet.txt", index=0,
                              title=complete.title)
        assert store.add(longer, news[3][1])
        stats = store.stats()
        counted = _counted_stats(store)
    assert {key: stats[key] for key in counted} == counted
    assert stats["articles"] == 7


def test_an_older_database_opened_read_only_is_counted_from_its_tables(db_path: Path) -> None:
    news = _news(5)
    with open_store(db_path) as store:
        for article, facts in news:
            store.add(article, facts)
        expected = store.stats()
        store.execute("DROP TABLE counters")
        store.execute("DROP INDEX articles_order")
        store.execute("DROP TABLE kb_dirty")  # made by version 7
        store.execute("PRAGMA user_version = 5")
    with open_store(db_path, read_only=True) as old:
        found = old.stats()
        assert old.count_articles() == 5
    assert {key: value for key, value in found.items() if key != "schema_version"} == \
        {key: value for key, value in expected.items() if key != "schema_version"}


def test_cli_articles_after_an_id_prefix(db_path: Path) -> None:
    from typer.testing import CliRunner

    from nyhetsgraf.cli import app

    news = _news(6)
    with open_store(db_path) as store:
        for article, facts in news:
            store.add(article, facts)
    runner = CliRunner()
    result = runner.invoke(app, ["articles", "--db", str(db_path), "--json", "--limit", "2",
                                 "--after", news[2][0].id[:12]])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [news[3][0].id, news[4][0].id]
    missing = runner.invoke(app, ["articles", "--db", str(db_path), "--after", "zzzzzzzz"])
    assert missing.exit_code == 1 and "--after" in missing.stderr


@pytest.mark.postgresql
def test_two_writers_keep_their_own_counter_shards(postgres_url: str) -> None:
    news = _news(8)
    with open_store(postgres_url) as first, open_store(postgres_url) as second:
        for number, (article, facts) in enumerate(news):
            (first if number % 2 else second).add(article, facts)  # both transactions stay open
        first.commit()
        second.commit()
        shards = first.query("SELECT count(DISTINCT shard) AS n FROM counters")[0]["n"]
        stats = first.stats()
        counted = _counted_stats(first)
    assert shards == 2
    assert {key: stats[key] for key in counted} == counted
