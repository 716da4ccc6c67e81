"""The web API over a PostgreSQL store: the same answers as over SQLite (full-text search, facets,
entities, series, exports), since the pages and the API only speak portable SQL besides the search."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from nyhetsgraf.web import create_app
from webtools import build_hand_built_store, entity_id

pytestmark = pytest.mark.postgresql


def test_api_over_postgresql(postgres_url: str) -> None:
    build_hand_built_store(postgres_url)
    with TestClient(create_app(postgres_url)) as client:
        hits = client.get("/api/search", params={"q": "soldat"}).json()
        assert hits["total"] == 3
        assert all(item["score"] > 0 for item in hits["items"])
        facets = hits["facets"]
        assert {v["value"]: v["count"] for v in facets["date"]["values"]} == {
            "2024-03": 1, "2024-04": 1, "2024-05": 1}
        assert {v["name"]: v["count"] for v in facets["entity"]["values"]}["Åse Lien"] == 3
        filtered = client.get("/api/search", params={"q": "soldat", "event_type": "RETREAT",
                                                     "date_from": "2024-05"}).json()
        assert [item["title"] for item in filtered["items"]] == ["Soldatene trekkes ut"]
        newest = client.get("/api/articles").json()["items"]
        assert [item["date"] for item in newest] == ["2024-06-01", "2024-05-20", "2024-04-10", "2024-03-01"]
        lien = entity_id(client, "Åse Lien")
        entity = client.get(f"/api/entities/{lien}").json()
        assert entity["articles"] == 3 and len(entity["quotes_by"]) == 3
        key = f"DEPLOY|{entity_id(client, 'Forsvaret')}|{entity_id(client, 'Tromsø')}"
        series = client.get(f"/api/series/{key}").json()
        assert [(c["from"], c["to"]) for c in series["changes"]] == [(200, 70), (70, 50)]
        events = client.get("/api/events", params={"negated": True, "date_from": "2024"}).json()
        assert [e["type"] for e in events["items"]] == ["RETREAT"]
        quotes = client.get("/api/quotes", params={"speaker": "åse lien"}).json()
        assert quotes["total"] == 3
        rows = list(csv.DictReader(io.StringIO(
            client.get("/api/export/articles", params={"format": "csv", "q": "soldat"}).text)))
        assert len(rows) == 3
        page = client.get("/sok", params={"q": "soldat"}).text
        assert page.count('class="hit-link"') == 3
