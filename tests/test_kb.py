"""The knowledge base across articles: entity resolution, stories, near-duplicates, series, exports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from importlib import resources

import pytest

from conftest import BACKENDS, backend_of
from kb_stories import (
    ALL,
    FOTBALL,
    PST_1,
    PST_2,
    SKRED_1,
    SKRED_2,
    SKRED_2_COPY,
    SKRED_3_NN,
    ULYKKE,
    article_and_facts,
)
from nyhetsgraf import kb
from nyhetsgraf.kb.names import name_key, strip_genitive
from nyhetsgraf.kb.records import SeriesPoint
from nyhetsgraf.kb.resolve import LinkEntity, canonical, resolve, surface_forms
from nyhetsgraf.kb.series import CountFact, build_series, is_change, point_date
from nyhetsgraf.records import Facts
from nyhetsgraf.store import open_store


def entity(
    eid: int, article: str, name: str, etype: str, forms: list[str] | None = None, story: str | None = None
) -> LinkEntity:
    return LinkEntity(eid, article, story or article, name, etype, surface_forms(name, forms or [name]))


# -- names ----------------------------------------------------------------------------------------


def test_variant_table_folds_nynorsk_forms_exonyms_and_short_forms() -> None:
    assert name_key("Noreg") == name_key("Norge") == "norge"
    assert name_key("Kiev") == name_key("Kyiv")
    assert name_key("Burma") == name_key("Myanmar")
    assert name_key("Peking") == name_key("Beijing")
    assert name_key("Ap") == name_key("Arbeiderpartiet")
    assert name_key("Haugvik Invest AS") == name_key("Haugvik Invest")
    assert name_key("Oslo") != name_key("Oslo tingrett")


def test_genitives_are_stripped_only_when_the_base_form_is_known() -> None:
    assert strip_genitive("Økokrims", {"økokrim"}) == "Økokrim"
    assert strip_genitive("Hovdens", {"mari hovden"}) == "Hovden"
    assert strip_genitive("Hans", {"hans olsen"}) == "Hans"
    assert surface_forms("Politiets sikkerhetstjeneste", ["PSTs", "Politiets sikkerhetstjeneste"]) == {
        "PST": 1,
        "Politiets sikkerhetstjeneste": 1,
    }


# -- entity resolution ----------------------------------------------------------------------------


def partition(assignment: dict[int, str]) -> set[frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for eid, cid in assignment.items():
        groups.setdefault(cid, set()).add(eid)
    return {frozenset(g) for g in groups.values()}


def test_full_name_surname_and_acronym_merge_across_articles() -> None:
    items = [
        entity(1, "a1", "Kari Brekke", "PER", ["Kari Brekke", "Brekke"], "s1"),
        entity(2, "a2", "Brekke", "PER", ["Brekke"], "s1"),  # surname only, same story
        entity(3, "a1", "Politiets sikkerhetstjeneste", "ORG", ["Politiets sikkerhetstjeneste", "PST"], "s1"),
        entity(4, "a3", "PST", "ORG", ["PST", "PSTs"], "s2"),  # another story: shares the form "PST"
        entity(5, "a3", "Ap", "ORG", ["Ap"], "s2"),
        entity(6, "a4", "Arbeiderpartiet", "ORG", ["Arbeiderpartiet"], "s3"),
        entity(7, "a4", "Noreg", "GPE_LOC", ["Noreg"], "s3"),
        entity(8, "a1", "Norge", "GPE_ORG", ["Norge", "Norges"], "s1"),
    ]
    groups = partition(resolve(items))
    assert {frozenset({1, 2}), frozenset({3, 4}), frozenset({5, 6}), frozenset({7, 8})} == groups


def test_people_sharing_a_surname_stay_apart() -> None:
    items = [
        entity(1, "a1", "Kari Brekke", "PER", story="s1"),
        entity(2, "a2", "Per Brekke", "PER", story="s1"),  # same story, other first name
        entity(3, "a3", "Brekke", "PER", story="s1"),  # ambiguous: two Brekkes in the story
        entity(4, "a4", "Ola Brekke", "PER", ["Ola Brekke", "Brekke"], story="s2"),
    ]
    groups = partition(resolve(items))
    assert groups == {frozenset({1}), frozenset({2}), frozenset({3}), frozenset({4})}


def test_a_lone_surname_in_another_story_joins_the_only_person_when_context_agrees() -> None:
    items = [
        entity(1, "a1", "Eva Dal", "PER", story="s1"),
        entity(2, "a1", "Stortinget", "ORG", story="s1"),
        entity(3, "a2", "Dal", "PER", story="s2"),
        entity(4, "a2", "Stortinget", "ORG", story="s2"),
        entity(5, "a3", "Dal", "PER", story="s3"),  # nothing in common with a1: stays a name of its own
    ]
    assignment = resolve(items)
    assert assignment[1] == assignment[3] != assignment[5]


def test_town_club_and_person_of_one_name_stay_apart_across_stories() -> None:
    items = [
        entity(1, "a1", "Tverrdal", "GPE_LOC", story="flom"),
        entity(2, "a2", "Tverrdal", "LOC", story="flom"),
        entity(3, "a3", "Tverrdal", "ORG", story="flom"),  # the recogniser's slip within the story: joined
        entity(4, "a4", "Tverrdal", "ORG", story="fotball"),  # the club
        entity(5, "a5", "Eva Dal", "PER", ["Eva Dal", "Dal"], story="politikk"),
        entity(6, "a6", "Dal", "GPE_LOC", story="ulykke"),
        entity(7, "a4", "Tverrdal stadion", "LOC", story="fotball"),
    ]
    assignment = resolve(items)
    assert assignment[1] == assignment[2] == assignment[3]
    assert assignment[4] != assignment[1]
    assert assignment[5] != assignment[6]
    assert assignment[7] not in (assignment[1], assignment[4])


def test_two_entities_one_article_keeps_apart_are_never_joined() -> None:
    items = [
        entity(1, "a1", "Molde", "ORG", story="kamp"),  # the club
        entity(2, "a1", "Molde", "GPE_LOC", story="kamp"),  # the town, in the same article
        entity(3, "a2", "Molde", "GPE_LOC", story="kamp"),
    ]
    assignment = resolve(items)
    assert assignment[1] != assignment[2] == assignment[3]


def test_resolution_does_not_depend_on_input_order() -> None:
    items = [
        entity(1, "a1", "Kari Brekke", "PER", ["Kari Brekke", "Brekke"], "s1"),
        entity(2, "a2", "Brekke", "PER", story="s1"),
        entity(3, "a3", "Kiev", "GPE_LOC", story="s2"),
        entity(4, "a4", "Kyiv", "GPE_LOC", story="s3"),
        entity(5, "a5", "Per Brekke", "PER", story="s4"),
    ]
    assert resolve(items) == resolve(list(reversed(items)))
    assert resolve(items)[3] == resolve(items)[4]


def test_canonical_name_is_the_fullest_most_used_form() -> None:
    members = [
        entity(1, "a1", "Norge", "GPE_LOC"),
        entity(2, "a2", "Norge", "GPE_ORG"),
        entity(3, "a3", "Noreg", "GPE_LOC"),
        entity(4, "a4", "Politiets sikkerhetstjeneste", "ORG", ["PST", "Politiets sikkerhetstjeneste"]),
    ]
    name, entity_type, aliases = canonical(members[:3])
    assert (name, entity_type, aliases) == ("Norge", "GPE_LOC", ["Noreg"])
    assert canonical([members[3], entity(5, "a5", "PST", "ORG")])[0] == "Politiets sikkerhetstjeneste"
    # Only the short form seen: the name is what the articles say (the contract's "most used form").
    only_short = [entity(6, "a6", "Ap", "ORG"), entity(7, "a7", "Ap", "ORG")]
    assert canonical(only_short)[::2] == ("Ap", [])


# -- series -----------------------------------------------------------------------------------------


def test_changes_are_moves_beyond_the_bounds() -> None:
    def point(value: float, bound: str) -> SeriesPoint:
        return SeriesPoint("2024-01-01", value, bound, "soldat", "a", (0, 1))

    assert is_change(point(70, "about"), point(50, "about"))
    assert not is_change(point(50, "about"), point(50, "exact"))
    assert not is_change(point(70, "about"), point(74, "exact"))
    assert not is_change(point(100, "at_least"), point(140, "exact"))
    assert is_change(point(3, "exact"), point(7, "exact"))


def test_series_orders_points_by_the_sentences_own_date() -> None:
    text = "I fjor var det 40 soldater der. I dag er det rundt 70 soldater i Litauen."
    fjor = point_date(text, 0, (15, 17), [((0, 6), "2023")], "2024-05-01")
    assert fjor == "2023"
    assert point_date(text, 0, (50, 52), [((0, 6), "2023")], "2024-05-01") == "2024-05-01"
    facts = [
        CountFact(
            "a2",
            "2024-05-01",
            2,
            "DEPLOY",
            70,
            "about",
            "soldat",
            "e-norge",
            "Norge",
            "e-lt",
            "Litauen",
            (50, 52),
            "2024-05-01",
        ),
        CountFact(
            "a2",
            "2024-05-01",
            2,
            "DEPLOY",
            40,
            "exact",
            "soldat",
            "e-norge",
            "Norge",
            "e-lt",
            "Litauen",
            (15, 17),
            fjor,
        ),
        CountFact(
            "a3",
            "2024-06-01",
            3,
            "DEPLOY",
            50,
            "about",
            "soldat",
            "e-norge",
            "Norge",
            "e-lt",
            "Litauen",
            (5, 7),
            "2024-06-01",
        ),
        CountFact(
            "a3",
            "2024-06-01",
            3,
            "DEPLOY",
            50,
            "about",
            "soldat",
            "e-norge",
            "Norge",
            "e-lt",
            "Litauen",
            (90, 92),
            "2024-06-01",
        ),  # the headline repeating it
        CountFact(
            "a4",
            "2024-06-02",
            4,
            "KILL",
            3,
            "exact",
            "person",
            None,
            None,
            "e-lt",
            "Litauen",
            (1, 2),
            "2024-06-02",
        ),
    ]
    (deploy, kill) = build_series(facts, {"e-norge": "Norge", "e-lt": "Litauen"})
    assert [p.value for p in deploy.points] == [40, 70, 50]
    assert [(c.from_value, c.to_value, c.article) for c in deploy.changes] == [(40, 70, "a2"), (70, 50, "a3")]
    assert (deploy.holder_name, deploy.location_name, kill.holder) == ("Norge", "Litauen", None)


# -- the knowledge base in a store -----------------------------------------------------------------


def ingest(db: str, stories: list) -> None:
    with open_store(db) as store:
        for story in stories:
            store.add(*article_and_facts(story))
        store.commit()
        kb.update(store)


def snapshot(db: str) -> tuple[set[frozenset[tuple[str, str]]], set[frozenset[str]], set[frozenset[str]]]:
    """(entity partition of (source, name) pairs, story partition of sources, duplicate pairs)."""
    with open_store(db) as store:
        records = list(kb.export_records(store))
    source = {r["id"]: r["source"] for r in records if r["kind"] == "article"}
    by_source = {}
    with open_store(db) as store:
        for row in store.query(
            "SELECT a.id, e.name, m.start FROM entities e JOIN articles a ON a.rid = e.article_rid"
            " JOIN mentions m ON m.entity_id = e.entity_id"
        ):
            by_source[(row["id"], row["start"])] = (source[row["id"]], row["name"])
    entities = {
        frozenset(by_source[(m["article"], m["span"][0])] for m in r["mentions"])
        for r in records
        if r["kind"] == "entity"
    }
    stories = {frozenset(source[a] for a in r["articles"]) for r in records if r["kind"] == "story"}
    duplicates = {
        frozenset((source[r["id"]], source[r["duplicate_of"]]))
        for r in records
        if r["kind"] == "article" and r["duplicate_of"]
    }
    return entities, stories, duplicates


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest, new_store_url: Callable[[str], str]) -> str:
    """The whole story corpus with its knowledge base, once per backend."""
    db = new_store_url(request.param)
    ingest(db, ALL)
    return db


def test_stories_group_follow_ups_and_keep_other_happenings_apart(corpus: str) -> None:
    _, stories, duplicates = snapshot(corpus)
    skred = frozenset(s.source for s in (SKRED_1, SKRED_2, SKRED_2_COPY, SKRED_3_NN))
    assert skred in stories
    assert frozenset({PST_1.source, PST_2.source}) in stories
    assert frozenset({FOTBALL.source}) in stories and frozenset({ULYKKE.source}) in stories
    assert duplicates == {frozenset({SKRED_2.source, SKRED_2_COPY.source})}


def test_entities_across_the_store(corpus: str) -> None:
    entities, _, _ = snapshot(corpus)
    assert frozenset({("skred-3.txt", "Noreg")}) not in entities  # Noreg joined Norge
    town = next(e for e in entities if ("skred-1.txt", "Tverrdal") in e)
    assert ("skred-3.txt", "Tverrdal") in town and ("sport.txt", "Tverrdal") not in town
    pst = next(e for e in entities if ("politikk-2.txt", "PST") in e)
    assert ("politikk-1.txt", "Politiets sikkerhetstjeneste") in pst
    with open_store(corpus) as store:
        found = kb.entity(store, "PST")
        assert found is not None and found.entity.name == "Politiets sikkerhetstjeneste"
        assert {a.id for a in found.articles} and len(found.articles) == 2
        ap = kb.entity(store, "Ap")
        assert ap is not None and ap.entity.name == "Arbeiderpartiet" and "Ap" in ap.entity.aliases
        kari = kb.entity(store, "Kari Brekke")
        assert kari is not None and kari.entity.articles == 4
        assert "Brekke" in kari.entity.aliases
        assert {e.name for e, _ in kari.cooccurring} >= {"Tverrdal", "Vest politidistrikt"}
        assert {e.name for e in kb.find_entities(store, "Brekke")} == {"Kari Brekke", "Ola Brekke"}
        people = kb.entities(store, type="PER", search="brekke")
        assert {e.name for e in people} >= {"Kari Brekke", "Per Brekke", "Ola Brekke"}
        assert kb.entity(store, "Dal") is not None and kb.entity(store, "Dal").entity.type == "GPE_LOC"


def test_series_in_the_store_flag_changes(corpus: str) -> None:
    with open_store(corpus) as store:
        (missing,) = kb.series(store, category="MISSING")
        assert missing.location_name == "Tverrdal"
        assert [p.value for p in missing.points] == [3, 5, 5, 3]
        assert [(c.from_value, c.to_value) for c in missing.changes] == [(3, 5), (5, 3)]
        assert kb.series(store, location="Tverrdal")[0].id == missing.id
        assert kb.series(store, holder="Nowhere") == []


def test_two_halves_in_reverse_order_give_the_same_knowledge_base(
        corpus: str, new_store_url: Callable[[str], str]) -> None:
    db = new_store_url(backend_of(corpus))
    reverse = list(reversed(ALL))
    ingest(db, reverse[: len(reverse) // 2])
    ingest(db, reverse[len(reverse) // 2 :])
    assert snapshot(db) == snapshot(corpus)


def test_story_listing_and_detail(corpus: str) -> None:
    with open_store(corpus) as store:
        listed = kb.stories(store)
        assert len(listed[0].articles) == 4 and listed[0].first_date == "2024-10-01"
        assert listed[0].title == SKRED_1.text.split("\n")[0]
        detail = kb.story(store, listed[0].articles[-1].id)  # an article id finds its story
        assert detail is not None and detail.id == listed[0].id
        assert "Tverrdal" in [e.name for e in detail.entities]


def test_exports(corpus: str, tmp_path) -> None:
    import pyarrow.parquet as pq

    with open_store(corpus) as store:
        written = kb.export(store, "csv", None, tmp_path / "csv")
        assert {p.name for p in written} >= {"articles.csv", "entities.csv", "series_points.csv"}
        rows = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").splitlines()
        assert len(rows) == len(ALL) + 1 and rows[0].startswith("id,source,index")
        kb.export(store, "parquet", {"entities"}, tmp_path / "pq")
        table = pq.read_table(tmp_path / "pq" / "entities.parquet")
        assert "Politiets sikkerhetstjeneste" in table.column("name").to_pylist()
        (gkg,) = kb.export(store, "gkg", None, tmp_path / "gkg")
        lines = gkg.read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t")[:5] == ["DATE", "ARTICLE_ID", "SOURCE", "CATEGORY", "VALUE"]
        assert any("\tMISSING\t5\t" in line for line in lines)
        kb.export(store, "csv", {"quotes", "events", "series_points"}, tmp_path / "facts")
        header = (tmp_path / "facts" / "events.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("article,date,type,trigger,actor,actor_entity")
        points = (tmp_path / "facts" / "series_points.csv").read_text(encoding="utf-8").splitlines()
        assert len(points) == 1 + 4 + 1  # MISSING in Tverrdal (4 points), WOUND in Dal (1)


def test_export_runs_pending_resolution_first(store_url: str) -> None:
    with open_store(store_url) as store:
        for story in (SKRED_1, SKRED_2):
            store.add(*article_and_facts(story))
        store.commit()
        assert kb.pending(store) == 2
        records = list(kb.export_records(store))
        assert kb.pending(store) == 0
    kinds = [r["kind"] for r in records]
    assert kinds.count("article") == 2 and kinds.count("story") == 1


def test_cli_export_and_listings(corpus: str) -> None:
    from typer.testing import CliRunner

    from nyhetsgraf.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", corpus, "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"article", "entity", "story", "series"} <= {r["kind"] for r in records}
    result = runner.invoke(app, ["entity", "Noreg", "--db", corpus, "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["name"] == "Norge"
    result = runner.invoke(app, ["series", "--db", corpus, "--category", "missing"])
    assert result.exit_code == 0 and "Tverrdal" in result.stdout
    result = runner.invoke(app, ["entity", "Ingen Slik", "--db", corpus])
    assert result.exit_code == 1
    result = runner.invoke(app, ["export", "--db", corpus, "--format", "csv"])
    assert result.exit_code == 2
    # piped, a listing keeps each story's title on one line instead of folding it at 80 columns
    result = runner.invoke(app, ["stories", "--db", corpus])
    titles = [record["title"] for record in records if record["kind"] == "story"]
    assert result.exit_code == 0 and titles
    lines = result.stdout.splitlines()
    assert all(any(title in line for line in lines) for title in titles if len(title) < 50)


# -- migrations -------------------------------------------------------------------------------------


def test_a_version_1_database_is_upgraded_keeping_every_article_and_fact(tmp_path) -> None:
    db = tmp_path / "v1.db"
    schema = (resources.files("nyhetsgraf.store") / "migrations" / "0001_initial.sqlite.sql").read_text(
        "utf-8"
    )
    con = sqlite3.connect(db)
    con.executescript(schema)
    con.execute("INSERT INTO sources(source_id, path) VALUES (1, 'gammel.txt')")
    con.execute(
        "INSERT INTO articles(rid, id, source_id, idx, span_start, span_end, title, date, language,"
        " content_hash, text, ingested_at) VALUES (1, 'a1', 1, 0, 0, 40, 'Tittel', '2020-01-02', 'nb',"
        " 'h1', 'Norge sender 60 soldater til Litauen nå.', '2020-01-02T00:00:00')"
    )
    con.execute("INSERT INTO entities(entity_id, article_rid, name, type) VALUES (1, 1, 'Norge', 'GPE_ORG')")
    con.execute(
        "INSERT INTO entities(entity_id, article_rid, name, type) VALUES (2, 1, 'Litauen', 'GPE_LOC')"
    )
    con.execute('INSERT INTO mentions(entity_id, start, "end") VALUES (1, 0, 5), (2, 29, 36)')
    con.execute(
        'INSERT INTO counts(article_rid, category, value, bound, object, holder, location, start, "end")'
        " VALUES (1, 'DEPLOY', 60, 'exact', 'soldat', 'Norge', 'Litauen', 13, 24)"
    )
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with open_store(str(db)) as store:
        assert store.schema_version >= 3
        assert store.count_articles() == 1
        stored = store.article("a1")
        assert stored is not None and [e.name for e in stored.facts.entities] == ["Norge", "Litauen"]
        assert stored.facts.counts[0].value == 60
        (series,) = kb.series(store, min_points=1)
        assert (series.holder_name, series.location_name) == ("Norge", "Litauen")


def test_hot_blocks_give_the_same_entities(corpus: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys shared by very many entities ("Norge") are re-resolved only in the stories touched."""
    from nyhetsgraf.kb import storage

    monkeypatch.setattr(storage, "HOT_BLOCK", 1)
    db = str(tmp_path / "hot.db")
    for story in ALL:  # one article an update: every shared key is hot from its second entity on
        ingest(db, [story])
    assert snapshot(db)[0] == snapshot(corpus)[0]
    with open_store(db) as store:
        tverrdal = kb.find_entity(store, "Tverrdal")
        assert tverrdal is not None and tverrdal.articles == 4 and tverrdal.first_date == "2024-10-01"


def _postgres_url(request: pytest.FixtureRequest) -> str:
    """A fresh PostgreSQL database from the store tests' fixture; skipped where there is none."""
    try:
        return str(request.getfixturevalue("postgres_url"))
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL fixture (postgres_url) in this test suite")


def test_the_knowledge_base_is_the_same_on_postgresql(request: pytest.FixtureRequest, corpus: str) -> None:
    url = _postgres_url(request)
    reverse = list(reversed(ALL))
    ingest(url, reverse[: len(reverse) // 2])
    ingest(url, reverse[len(reverse) // 2 :])
    assert snapshot(url) == snapshot(corpus)
    with open_store(url) as store:
        detail = kb.entity(store, "PST")
        assert detail is not None and detail.entity.name == "Politiets sikkerhetstjeneste"
        (missing,) = kb.series(store, category="MISSING")
        assert [p.value for p in missing.points] == [3, 5, 5, 3]
        assert kb.stories(store)[0].first_date == "2024-10-01"
        assert kb.entities(store, type="GPE", search="tverr")[0].name == "Tverrdal"


def test_two_updates_at_once_link_every_article_once(tmp_path) -> None:
    import threading

    db = str(tmp_path / "concurrent.db")
    with open_store(db) as store:
        for story in ALL:
            store.add(*article_and_facts(story))
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(db) as store:
                kb.update(store)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(db) as store:
        assert kb.pending(store) == 0
        (row,) = store.query("SELECT count(*) AS n, count(DISTINCT article_rid) AS d FROM kb_articles")
        assert row["n"] == row["d"] == len(ALL)


def test_counts_without_holder_or_location_stay_in_their_story() -> None:
    def count(article: str, story: str, value: float, obj: str, category: str = "OTHER") -> CountFact:
        return CountFact(
            article,
            "2024-01-01",
            1,
            category,
            value,
            "exact",
            obj,
            None,
            None,
            None,
            None,
            (0, 1),
            "2024-01-01",
            story,
        )

    built = build_series(
        [
            count("a1", "s1", 60, "sjåfør"),
            count("a2", "s2", 300, "investor"),
            count("a3", "s2", 100, "investor"),
            count("a4", "s3", 5, "person", "KILL"),
        ]
    )
    assert sorted(len(s.points) for s in built) == [1, 1, 2]
    (investors,) = [s for s in built if len(s.points) == 2]
    assert [(c.from_value, c.to_value) for c in investors.changes] == [(300, 100)]


def test_story_linking_needs_specific_names_close_in_time() -> None:
    from nyhetsgraf.kb.stories import StoryArticle, cluster, day_number

    def art(aid: str, date: str, keys: set[str], terms: set[str]) -> StoryArticle:
        return StoryArticle(0, aid, day_number(date), frozenset(keys), frozenset(terms))

    flood = {"tverrdal", "vest politidistrikt", "p:kari brekke"}
    words = {"skred", "savn", "leting", "helikopt"}
    filler = [art(f"x{i}", "2024-10-02", {"norge", f"sted{i}"}, {f"ord{i}"}) for i in range(12)]
    articles = [
        art("a1", "2024-10-01", flood | {"norge"}, words),
        art("a2", "2024-10-03", flood, words | {"ordfør"}),
        art("a3", "2024-10-20", {"tverrdal", "p:kari brekke"}, words),  # a follow-up, weeks later
        art("a4", "2024-12-20", flood, words),  # the same names two months on: another happening
        art("a5", "2024-10-02", {"norge", "tverrdal"}, {"fotball"}),  # one specific name only
        *filler,
    ]
    broad = {"norge", "eu", "brussel", "norsk telegrambyrå", "tyskland"}  # countries, capitals, agencies
    articles += [art("b1", "2024-10-05", broad, {"havvind"}), art("b2", "2024-10-06", broad, {"soldat"})]
    stories = cluster(articles)
    assert stories["b1"] != stories["b2"]  # only broad names in common: never one story
    assert stories["a1"] == stories["a2"] == stories["a3"]
    assert len({stories["a1"], stories["a4"], stories["a5"]}) == 3
    assert stories == cluster(list(reversed(articles)))


def test_spelling_variants_join_within_a_story_only() -> None:
    items = [
        entity(1, "a1", "Jens Stoltenberg", "PER", story="s1"),
        entity(2, "a2", "Jens Stoltenbreg", "PER", story="s1"),  # a typo in a follow-up
        entity(3, "a3", "Lars Bakke", "PER", story="s1"),
        entity(4, "a3", "Tone Bakken", "PER", story="s1"),  # another first name: another person
        entity(5, "a4", "Greenland", "GPE_LOC", story="s2"),
        entity(6, "a5", "Grenland", "LOC", story="s3"),  # another story: no guess
        entity(7, "a6", "Vestfold politidistrikt", "ORG", story="s4"),
        entity(8, "a7", "Vestfold politdistrikt", "ORG", story="s4"),
    ]
    assignment = resolve(items)
    assert assignment[1] == assignment[2]
    assert assignment[3] != assignment[4]
    assert assignment[5] != assignment[6]
    assert assignment[7] == assignment[8]


def test_a_misspelt_name_in_a_follow_up_joins_in_any_order(tmp_path) -> None:
    from dataclasses import replace

    misspelt = replace(
        SKRED_2,
        source="skred-2-typo.txt",
        text=SKRED_2.text.replace("Kari Brekke", "Kari Brekkke"),
        entities={
            **{k: v for k, v in SKRED_2.entities.items() if k != "Kari Brekke"},
            "Kari Brekkke": ("PER", ["Kari Brekkke"]),
        },
    )
    one, other = str(tmp_path / "one.db"), str(tmp_path / "other.db")
    ingest(one, [SKRED_1, misspelt])
    ingest(other, [misspelt])
    ingest(other, [SKRED_1])
    entities, _, _ = snapshot(one)
    assert snapshot(other)[0] == entities
    kari = next(e for e in entities if ("skred-1.txt", "Kari Brekke") in e)
    assert ("skred-2-typo.txt", "Kari Brekkke") in kari


def test_crowded_lsh_buckets_still_find_near_duplicates(
    corpus: str, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article is compared with only the earliest articles of each LSH bucket: the original stands
    for its copies, so the near-duplicates and stories stay the same."""
    from nyhetsgraf.kb import storage

    monkeypatch.setattr(storage, "HOT_BUCKET", 1)
    db = str(tmp_path / "crowded.db")
    for story in ALL:
        ingest(db, [story])
    assert snapshot(db)[1:] == snapshot(corpus)[1:]
    assert snapshot(db)[2]  # the pair is there to be found


# -- re-extraction: replaced facts are linked afresh ------------------------------------------------


def _entity_table(db: str) -> list[tuple]:
    with open_store(db) as store:
        return sorted((e.name, e.type, e.articles, e.mentions, tuple(sorted(e.aliases)))
                      for e in kb.entities(store, limit=1000))


def _replace(db: str, story, facts) -> None:  # noqa: ANN001
    article, _ = article_and_facts(story)
    with open_store(db) as store:
        assert store.replace_facts(article.id, facts, "test-model", "test-lexicon")
        store.commit()
        kb.update(store)


@pytest.mark.parametrize("backend", BACKENDS)
def test_facts_replaced_after_linking_are_linked_again(backend: str,
                                                       new_store_url: Callable[[str], str]) -> None:
    """`nyhetsgraf reextract` replaces facts of articles the knowledge base had linked: the same facts
    give the same knowledge base, and changed facts give what a store built with them gives."""
    db = new_store_url(backend)
    ingest(db, ALL)
    before, table = snapshot(db), _entity_table(db)
    for story in (PST_2, SKRED_2):
        _replace(db, story, article_and_facts(story)[1])
    assert snapshot(db) == before and _entity_table(db) == table

    article, facts = article_and_facts(PST_2)
    without_pst = Facts(entities=[e for e in facts.entities if e.name not in ("PST", "Ap")])
    _replace(db, PST_2, without_pst)
    fresh = new_store_url(backend)
    ingest(fresh, [s for s in ALL if s is not PST_2])
    with open_store(fresh) as store:
        store.add(article, without_pst)
        store.commit()
        kb.update(store)
    assert _entity_table(db) == _entity_table(fresh)
    assert snapshot(db) == snapshot(fresh)
    with open_store(db) as store:
        assert store.query("SELECT count(*) AS n FROM kb_dirty")[0]["n"] == 0


def _spelling_corpus() -> tuple[list[LinkEntity], list[tuple[int, int]]]:
    """One huge story: 1,200 invented one-word organisation names, and a misspelt twin of some of them
    (a letter added in the middle, one added near the start, the last one dropped)."""
    import random

    rng = random.Random(5)
    letters = "abcdefghijklmnoprstuvyøå"
    names = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(10, 14))).capitalize()
                    for _ in range(1200)})
    items = [entity(n, f"a{n % 40}", name, "ORG", story="storsaken") for n, name in enumerate(names)]
    twins = []
    for n in range(0, len(names), 97):
        name = names[n]
        variants = (name[:5] + "x" + name[5:],  # a letter added in the middle
                    name[:2] + "e" + name[2:],  # one added near the start
                    name[:-1])  # the last one dropped
        twin = variants[n % 3]
        items.append(entity(10_000 + n, "b0", twin, "ORG", story="storsaken"))
        twins.append((n, 10_000 + n))
    return items, twins


def test_spelling_variants_in_a_huge_story_are_found_without_comparing_every_pair(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nyhetsgraf.kb import resolve as resolve_module

    items, twins = _spelling_corpus()
    assert len(items) > resolve_module.ALL_PAIRS_UP_TO  # the neighbour comparison runs
    found = resolve(items)
    for original, twin in twins:
        assert found[original] == found[twin]
    assert len(set(found.values())) == len(items) - len(twins)  # nothing else joined
    monkeypatch.setattr(resolve_module, "ALL_PAIRS_UP_TO", 10_000)
    assert partition(resolve(items)) == partition(found)  # the same as comparing all pairs
