"""The JSON API over a hand-built store (every fact known) and over the demo corpus, with TestClient."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import BACKENDS
from nyhetsgraf.web import create_app
from nyhetsgraf.web.data import changes
from webtools import build_hand_built_store, cached_store, entity_id


@pytest.fixture(scope="module")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cached_store("built", tmp_path_factory)


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest, built_db: Path, new_store_url: Callable[[str], str]) -> TestClient:
    """The API over the hand-built store, once on SQLite and once on PostgreSQL."""
    store = built_db if request.param == "sqlite" else build_hand_built_store(new_store_url("postgresql"))
    with TestClient(create_app(store)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def demo_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    with TestClient(create_app(cached_store("demo", tmp_path_factory))) as test_client:
        yield test_client


def _error(response) -> str:
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == response.status_code
    return body["error"]["message"]


# -- articles and search ---------------------------------------------------------------------------

def test_articles_newest_first_with_fact_counts(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    dates = [item["date"] for item in body["items"]]
    assert dates == ["2024-06-01", "2024-05-20", "2024-04-10", "2024-03-01"]
    first = body["items"][-1]
    assert first["title"] == "Forsvaret sender soldater til Tromsø"
    kinds = ("entities", "quotes", "counts", "events", "times")
    assert [first[kind] for kind in kinds] == [3, 1, 1, 1, 1]


def test_pages_are_stable_and_cover_everything(demo_client: TestClient) -> None:
    whole = demo_client.get("/api/articles", params={"limit": 200}).json()
    ids = [item["id"] for item in whole["items"]]
    paged: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = demo_client.get("/api/articles", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == whole["total"]
        paged += [item["id"] for item in page["items"]]
        offset = page["next_offset"]
    assert paged == ids
    assert len(set(ids)) == whole["total"] >= 30


def test_search_ranks_stems_and_highlights(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "soldat"}).json()
    assert body["total"] == 3  # "soldater", "soldatene": Norwegian stemming
    for hit in body["items"]:
        marked = [hit["snippet"][start:end].lower() for start, end in hit["highlights"]]
        assert marked and all(word.startswith("soldat") for word in marked)
    assert "facets" in body


def test_facets_count_the_filtered_articles(client: TestClient) -> None:
    facets = client.get("/api/search", params={"q": "soldat"}).json()["facets"]
    months = {v["value"]: v["count"] for v in facets["date"]["values"]}
    assert months == {"2024-03": 1, "2024-04": 1, "2024-05": 1}
    assert {v["value"]: v["count"] for v in facets["source"]["values"]} == {"nord.txt": 2, "sor.txt": 1}
    entities = {v["name"]: v["count"] for v in facets["entity"]["values"]}
    assert entities["Forsvaret"] == 3 and entities["Åse Lien"] == 3
    assert {v["value"] for v in facets["entity"]["values"]} >= {entity_id(client, "Forsvaret")}
    assert {v["value"]: v["count"] for v in facets["event_type"]["values"]} == {
        "MOBILIZE": 1, "ACCUSE": 1, "RETREAT": 1}
    assert facets["count_category"]["values"] == [{"value": "DEPLOY", "count": 3}]
    yearly = client.get("/api/search", params={"q": "soldat", "bucket": "year"}).json()["facets"]["date"]
    assert yearly["values"] == [{"value": "2024", "count": 3}]


def test_filters_narrow_the_list_and_facets_keep_other_values(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "soldat", "event_type": "RETREAT"}).json()
    assert [item["title"] for item in body["items"]] == ["Soldatene trekkes ut"]
    # The event-type facet ignores its own filter, so the other types can still be chosen.
    assert len(body["facets"]["event_type"]["values"]) == 3
    dated = client.get("/api/articles", params={"date_from": "2024-04", "date_to": "2024-05-20"}).json()
    assert [item["date"] for item in dated["items"]] == ["2024-05-20", "2024-04-10"]
    lien = entity_id(client, "Åse Lien")
    by_entity = client.get("/api/articles", params={"entity": lien, "source": "nord.txt"}).json()
    assert {item["date"] for item in by_entity["items"]} == {"2024-03-01", "2024-04-10"}


def test_article_is_the_contract_object_with_its_text(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"q": "beredskapen"}).json()["items"][0]
    body = client.get(f"/api/articles/{listed['id']}").json()
    assert body["id"] == listed["id"] and body["title"] == "Forsvaret sender soldater til Tromsø"
    for key in ("source", "index", "span", "date", "headings", "language", "entities", "quotes", "counts",
                "events", "times", "text"):
        assert key in body
    base = body["span"][0]
    quote = body["quotes"][0]
    assert body["text"][quote["span"][0] - base:quote["span"][1] - base] == quote["text"]
    count = body["counts"][0]
    assert count == {"category": "DEPLOY", "value": 200, "bound": "exact", "object": "soldat",
                     "holder": "Forsvaret", "location": "Tromsø", "span": count["span"]}
    prefix = client.get(f"/api/articles/{listed['id'][:6]}").json()
    assert prefix["id"] == listed["id"]


# -- entities, facts, series -----------------------------------------------------------------------

def test_entity_across_articles(client: TestClient) -> None:
    listed = client.get("/api/entities", params={"type": "PER"}).json()
    assert [item["name"] for item in listed["items"]][:1] == ["Åse Lien"]
    lien = listed["items"][0]["id"]
    body = client.get(f"/api/entities/{lien}").json()
    assert (body["id"], body["name"], body["type"], body["articles"]) == (lien, "Åse Lien", "PER", 3)
    assert [point["date"] for point in body["timeline"]["points"]] == ["2024-03", "2024-04", "2024-05"]
    assert sum(point["mentions"] for point in body["timeline"]["points"]) == body["mentions"]
    assert {quote["text"] for quote in body["quotes_by"]} == {
        "Vi styrker beredskapen i nord", "flere skal hjem", "Vi blir til høsten"}
    assert [quote["text"] for quote in body["quotes_about"]] == [
        "Ordføreren kritiserer Åse Lien for dårlig informasjon"]
    assert body["events_as_actor"] == []
    targeted = [(event["type"], event["target"]) for event in body["events_as_target"]]
    assert targeted == [("ACCUSE", "Åse Lien")]
    co = {item["name"]: item["articles"] for item in body["cooccurring"]}
    assert co == {"Forsvaret": 3, "Tromsø": 3}
    assert len(body["articles_list"]) == 3 and body["stories"]
    for quote in body["quotes_by"]:
        assert quote["text"] in quote["sentence"]


def test_unknown_entity_and_bad_ids(client: TestClient) -> None:
    response = client.get("/api/entities/e000000000000")
    assert response.status_code == 404 and "e000000000000" in _error(response)
    response = client.get("/api/entities/Åse Lien")  # a name is no id
    assert response.status_code == 400 and "entity id" in _error(response)
    assert client.get("/api/entities", params={"q": "lien"}).json()["items"][0]["name"] == "Åse Lien"


def test_events_filters(client: TestClient) -> None:
    every = client.get("/api/events").json()
    assert every["total"] == 3
    negated = client.get("/api/events", params={"negated": True}).json()["items"]
    assert [(e["type"], e["negated"], e["location"]) for e in negated] == [("RETREAT", True, "Finnmark")]
    assert client.get("/api/events", params={"actor": "forsvaret"}).json()["total"] == 2  # any case
    targeted = client.get("/api/events", params={"target": "Åse Lien"}).json()["items"]
    assert [e["trigger"] for e in targeted] == ["kritiserer"]
    assert "kritiserer Åse Lien" in targeted[0]["sentence"]
    dated = client.get("/api/events", params={"type": "MOBILIZE", "date_from": "2024-03",
                                              "date_to": "2024-03"}).json()
    assert dated["total"] == 1
    assert client.get("/api/events", params={"date_from": "mars"}).status_code == 400


def test_quotes_filter_by_speaker(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"speaker": "åse lien"}).json()
    assert body["total"] == 3 and {q["speaker"] for q in body["items"]} == {"Åse Lien"}
    direct = client.get("/api/quotes", params={"speaker": "Åse Lien", "direct": True}).json()
    assert {q["text"] for q in direct["items"]} == {"Vi styrker beredskapen i nord", "Vi blir til høsten"}


def test_series_points_in_date_order_with_changes(client: TestClient) -> None:
    listed = client.get("/api/series").json()["items"]
    key = f"DEPLOY|{entity_id(client, 'Forsvaret')}|{entity_id(client, 'Tromsø')}"
    assert [(item["id"], item["holder_name"], item["location_name"]) for item in listed] == [
        (key, "Forsvaret", "Tromsø")]
    body = client.get(f"/api/series/{key}").json()
    assert [(p["date"], p["value"], p["bound"]) for p in body["points"]] == [
        ("2024-03-01", 200, "exact"), ("2024-04-10", 70, "about"), ("2024-05-20", 50, "about")]
    assert [(c["from"], c["to"]) for c in body["changes"]] == [(200, 70), (70, 50)]
    assert "rundt 70 soldater" in body["points"][1]["sentence"]
    assert client.get(f"/api/series/KILL|{entity_id(client, 'Forsvaret')}|").status_code == 404
    assert client.get("/api/series/KILL||").status_code == 400


def test_changes_respect_the_bounds() -> None:
    def point(number: int, value: float, bound: str) -> dict:
        return {"date": f"2024-0{number + 1}", "value": value, "bound": bound, "article": "a",
                "number": number}

    assert changes([point(0, 70, "about"), point(1, 72, "about")]) == []  # within "rundt"
    assert len(changes([point(0, 70, "about"), point(1, 50, "about")])) == 1
    assert len(changes([point(0, 3, "exact"), point(1, 7, "exact"), point(2, 12, "exact")])) == 2
    assert changes([point(0, 5, "at_least"), point(1, 9, "exact")]) == []  # "minst 5" allows 9


def test_story_with_a_near_duplicate_and_its_series(tmp_path_factory: pytest.TempPathFactory) -> None:
    with TestClient(create_app(cached_store("story", tmp_path_factory))) as client:
        listed = client.get("/api/stories").json()
        assert listed["total"] == 1
        summary = listed["items"][0]
        assert summary["title"] == "Flom stenger E16 i Lærdal"
        assert (summary["articles"], summary["duplicates"]) == (3, 1)
        body = client.get(f"/api/stories/{summary['id']}").json()
        assert [a["date"] for a in body["articles"]] == ["2024-10-03", "2024-10-03", "2024-10-04"]
        collapsed = body["collapsed"]
        assert [a["title"] for a in collapsed] == ["Flom stenger E16 i Lærdal",
                                                   "Flommen i Lærdal: 60 hus evakuert"]
        assert [d["source"] for d in collapsed[0]["duplicates"]] == ["lokalavisa.txt"]
        assert "Lærdal" in {e["name"] for e in body["entities"]}
        assert [(s["category"], s["location_name"], s["articles"]) for s in body["series"]] == [
            ("EVACUATE", "Lærdal", 3)]
        series = client.get(f"/api/series/{body['series'][0]['id']}").json()
        assert [p["value"] for p in series["points"]] == [40, 40, 60]
        assert [(c["from"], c["to"]) for c in series["changes"]] == [(40, 60)]
        by_article = client.get(f"/api/stories/{collapsed[1]['id']}").json()  # an article id finds its story
        assert by_article["id"] == summary["id"]
        article = client.get(f"/api/articles/{collapsed[0]['duplicates'][0]['id']}").json()
        assert article["kb"]["story"] == summary["id"] and article["kb"]["duplicate_of"] == collapsed[0]["id"]
        assert client.get("/api/stories/s000000000000").status_code == 404


# -- exports ---------------------------------------------------------------------------------------

def test_csv_export_has_a_row_per_article(client: TestClient) -> None:
    response = client.get("/api/export/articles", params={"format": "csv", "q": "soldat"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(row["date"] for row in rows) == ["2024-03-01", "2024-04-10", "2024-05-20"]
    assert {row["counts"] for row in rows} == {"1"}


def test_jsonl_export_of_articles_and_facts(client: TestClient) -> None:
    lines = client.get("/api/export/articles", params={"source": "nord.txt"}).text.splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == 2 and all("entities" in obj and "text" in obj for obj in objects)
    counts = [json.loads(line) for line in client.get("/api/export/counts").text.splitlines()]
    assert sorted(c["value"] for c in counts) == [50, 70, 200]
    quotes_csv = client.get("/api/export/quotes", params={"format": "csv"}).text
    quotes = list(csv.DictReader(io.StringIO(quotes_csv)))
    assert len(quotes) == 5 and set(quotes[0]) >= {"article", "text", "speaker", "direct", "start", "end"}
    empty = client.get("/api/export/events", params={"format": "csv", "q": "finnesikke"}).text
    assert empty.strip() == "article,article_date,type,trigger,actor,target,location,date,negated,start,end"


# -- errors, limits, security ----------------------------------------------------------------------

def test_errors_are_json_with_the_right_status(client: TestClient) -> None:
    response = client.get("/api/articles/finnesikke")
    assert response.status_code == 404 and "finnesikke" in _error(response)
    response = client.get("/api/articles", params={"limit": 0})
    assert response.status_code == 422 and _error(response).startswith("limit")
    assert client.get("/api/articles", params={"limit": 201}).status_code == 422
    response = client.get("/api/search", params={"q": '"soldat'})
    assert response.status_code == 400 and "quote" in _error(response)
    response = client.get("/api/finnesikke")
    assert response.status_code == 404 and _error(response)
    response = client.delete("/api/articles")
    assert response.status_code == 405 and _error(response)


def test_pages_get_html_errors(client: TestClient) -> None:
    response = client.get("/artikkel/finnesikke")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "Fant ikke siden" in response.text


def test_security_headers_and_no_cors(client: TestClient) -> None:
    response = client.get("/api/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    preflight = client.options("/api/articles", headers={"Origin": "https://evil.example",
                                                         "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_docs_use_only_local_assets(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in page and "http" not in page.replace('"http-equiv', "")
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/events",
            "/api/quotes", "/api/series/{series_id}", "/api/export/{what}"} <= set(schema["paths"])


def test_vendored_libraries_ship_with_their_licences() -> None:
    vendor = Path(__file__).resolve().parents[1] / "src" / "nyhetsgraf" / "web" / "static" / "vendor"
    for library, licence in (("uPlot.iife.min.js", "uPlot.LICENSE.txt"),
                             ("swagger-ui-bundle.js", "swagger-ui.LICENSE.txt")):
        assert (vendor / library).stat().st_size > 10_000
        assert "permission" in (vendor / licence).read_text(encoding="utf-8").lower()


# -- the write API ---------------------------------------------------------------------------------

ARTICLE = {"title": "Brann i Bodø", "date": "2024-09-01", "source": "Testavisen",
           "text": "Brann i Bodø\n\nFem personer ble evakuert fra et bolighus i Bodø natt til søndag. "
                   "– Alle kom seg ut, sier innsatsleder Per Olsen i brannvesenet."}


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    response = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer noe"})
    assert response.status_code == 403 and "read-only" in _error(response)


def test_write_needs_the_token_and_returns_the_facts(built_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "skriv.db"
    shutil.copy(built_db, copy)
    with pytest.raises(ValueError, match="token"):
        create_app(copy, write=True)
    with TestClient(create_app(copy, write=True, token="hemmelig")) as writer:
        assert writer.post("/api/articles", json=ARTICLE).status_code == 401
        wrong = writer.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer feil"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        too_big = writer.post("/api/articles", content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                              headers={"Authorization": "Bearer hemmelig",
                                       "Content-Type": "application/json"})
        assert too_big.status_code == 413 and _error(too_big)
        invalid = writer.post("/api/articles", json={"title": "uten tekst"},
                              headers={"Authorization": "Bearer hemmelig"})
        assert invalid.status_code == 422 and _error(invalid).startswith("text")
        ok = writer.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer hemmelig"})
        assert ok.status_code == 201
        stored = ok.json()["articles"]
        assert len(stored) == 1 and stored[0]["stored"] is True
        assert stored[0]["date"] == "2024-09-01" and stored[0]["title"] == "Brann i Bodø"
        assert any(entity["name"] == "Bodø" for entity in stored[0]["entities"])
        assert any(count["value"] == 5 for count in stored[0]["counts"])
        fetched = writer.get(f"/api/articles/{stored[0]['id']}").json()
        assert fetched["title"] == "Brann i Bodø" and fetched["kb"]["story"]  # linked by the knowledge base
        bodo = entity_id(writer, "Bodø")
        linked = writer.get(f"/api/entities/{bodo}").json()["articles_list"]
        assert stored[0]["id"] in {article["id"] for article in linked}
        again = writer.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer hemmelig"})
        assert again.json()["articles"][0]["stored"] is False
        assert writer.get("/api/articles").json()["total"] == 5


def test_old_or_missing_store_is_refused(tmp_path: Path) -> None:
    from nyhetsgraf.store import StoreError

    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "finnesikke.db")


# -- the demo corpus -------------------------------------------------------------------------------

def test_demo_corpus_entity_and_search(demo_client: TestClient) -> None:
    top = demo_client.get("/api/entities", params={"limit": 5}).json()["items"]
    assert top[0]["articles"] >= top[-1]["articles"] and top[0]["articles"] > 3
    entity = demo_client.get(f"/api/entities/{top[0]['id']}").json()
    assert sum(point["mentions"] for point in entity["timeline"]["points"]) <= entity["mentions"]
    assert entity["articles"] == top[0]["articles"]
    assert len(entity["articles_list"]) == entity["articles"]
    hits = demo_client.get("/api/search", params={"q": "soldat"}).json()
    assert hits["total"] >= 1
    assert sum(v["count"] for v in hits["facets"]["language"]["values"]) == hits["total"]
    overview = demo_client.get("/api/overview").json()
    assert overview["stats"]["articles"] >= 30 and overview["week"]["to"] >= overview["week"]["from"]


# -- the command ----------------------------------------------------------------------------------

def test_serve_command_refuses_what_it_cannot_do(built_db: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from typer.testing import CliRunner

    from nyhetsgraf.cli import app

    runner = CliRunner()
    monkeypatch.delenv("NYHETSGRAF_TOKEN", raising=False)
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "finnesikke.db")])
    assert missing.exit_code == 1 and "no database" in missing.output
    no_token = runner.invoke(app, ["serve", "--db", str(built_db), "--write"])
    assert no_token.exit_code == 2 and "token" in no_token.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(app, ["serve", "--db", str(built_db), "--port", str(port)])
    assert busy.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in busy.output
    assert "Traceback" not in busy.output + missing.output + no_token.output


def test_facets_of_a_large_match_are_estimated_and_say_so(client: TestClient,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from nyhetsgraf.web import data

    exact = client.get("/api/search", params={"q": "soldat"}).json()["facets"]
    assert "estimate" not in exact["date"] and "sample" not in exact["entity"]
    monkeypatch.setattr(data, "FACET_EXACT", 2)
    monkeypatch.setattr(data, "FACET_SAMPLE", 1)
    estimated = client.get("/api/search", params={"q": "soldat"}).json()
    assert estimated["total"] == 3  # the list and its total stay exact
    facets = estimated["facets"]
    assert facets["date"]["estimate"] == 2 and facets["source"]["estimate"] == 2
    assert all(v["count"] % 2 == 0 for v in facets["date"]["values"])
    assert 2 <= sum(v["count"] for v in facets["date"]["values"]) <= 4
    assert facets["entity"]["sample"] == 1 and max(v["count"] for v in facets["entity"]["values"]) == 1


def test_sampled_facets_of_a_plain_query_count_its_newest_matches(client: TestClient,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain query's sample comes straight from the full-text index; with any other filter it comes
    from the filtered articles: both are the newest matches, so they count the same."""
    from nyhetsgraf.web import data

    languages = client.get("/api/search", params={"q": "soldat"}).json()["facets"]["language"]["values"]
    assert [v["value"] for v in languages] == ["nb"]  # so language=nb filters nothing out
    monkeypatch.setattr(data, "FACET_SAMPLE", 2)
    plain = client.get("/api/search", params={"q": "soldat"}).json()["facets"]
    filtered = client.get("/api/search", params={"q": "soldat", "language": "nb"}).json()["facets"]
    for name in ("entity", "event_type", "count_category"):
        assert plain[name] == filtered[name], name
        assert plain[name]["sample"] == 2
    assert plain["entity"]["values"]
    monkeypatch.setattr(data, "FACET_SAMPLE", 100)
    whole = client.get("/api/search", params={"q": "soldat"}).json()["facets"]["entity"]
    assert "sample" not in whole and sum(v["count"] for v in whole["values"]) > \
        sum(v["count"] for v in plain["entity"]["values"])


def test_search_pages_reach_every_match_once_across_ranking_windows(client: TestClient,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from nyhetsgraf.store import SqlStore

    whole = client.get("/api/search", params={"q": "soldat", "limit": 50}).json()
    monkeypatch.setattr(SqlStore, "rank_window", 2)  # 3 matches: two windows, the newest two first
    windowed = client.get("/api/search", params={"q": "soldat", "limit": 50}).json()
    assert windowed["total"] == whole["total"] == 3
    pages = [item["id"] for offset in range(3) for item in client.get(
        "/api/search", params={"q": "soldat", "limit": 1, "offset": offset}).json()["items"]]
    assert pages == [item["id"] for item in windowed["items"]]
    assert sorted(pages) == sorted(item["id"] for item in whole["items"])
