"""The server-rendered pages: what they show, where they link, and that untrusted text stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from nyhetsgraf.web import create_app
from webtools import XSS_BODY_MARK, XSS_TITLE, cached_store, entity_id


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    store: Path = cached_store("built", tmp_path_factory)
    with TestClient(create_app(store)) as test_client:
        yield test_client


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _article_id(client: TestClient, query: str) -> str:
    return client.get("/api/search", params={"q": query}).json()["items"][0]["id"]


def _series_path(client: TestClient) -> str:
    key = f"DEPLOY|{entity_id(client, 'Forsvaret')}|{entity_id(client, 'Tromsø')}"
    return "/serie/" + quote(key, safe="")


@pytest.mark.parametrize("path", [
    "/", "/sok", "/sok?q=soldat", "/entiteter", "/entiteter?type=PER", "/entitet/{lien}",
    "/hendelser", "/hendelser?negated=ja", "/hendelser?entity={lien}", "/sitater?speaker=%C3%85se+Lien",
    "/serier", "{series}", "/saker", "/docs"])
def test_every_page_renders_in_norwegian(client: TestClient, path: str) -> None:
    path = path.format(lien=entity_id(client, "Åse Lien"), series=_series_path(client))
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    if path != "/docs":
        assert '<html lang="nb">' in response.text and "Hopp til innholdet" in response.text


def test_article_page_highlights_and_links_facts_to_sentences(client: TestClient) -> None:
    article_id = _article_id(client, "beredskapen")
    page = client.get(f"/artikkel/{article_id}").text
    tags = parse(page).tags
    sentences = {attrs["id"] for tag, attrs in tags
                 if tag == "span" and "sentence" in (attrs.get("class") or "")}
    assert {"s-0", "s-1", "s-2"} <= sentences
    entity_links = [attrs for tag, attrs in tags if tag == "a" and "hl-entity" in (attrs.get("class") or "")]
    hrefs = {link["href"] for link in entity_links}
    assert hrefs >= {f"/entitet/{entity_id(client, name)}" for name in ("Åse Lien", "Forsvaret")}
    assert any("person" in (link.get("title") or "") for link in entity_links)
    marks = [attrs["class"] for tag, attrs in tags if tag == "mark"]
    assert any("hl-count" in c for c in marks) and any("hl-quote" in c for c in marks)
    assert any("hl-time" in c for c in marks) and any("hl-event" in c for c in marks)
    # Every fact in the side lists jumps to a sentence that exists.
    jumps = [attrs["href"][1:] for tag, attrs in tags
             if tag == "a" and "to-sentence" in (attrs.get("class") or "")]
    assert len(jumps) >= 5 and set(jumps) <= sentences
    assert "utsendte: 200 soldat" in page and _series_path(client) in page


def test_the_quote_jumps_to_its_own_sentence(client: TestClient) -> None:
    article_id = _article_id(client, "beredskapen")
    page = client.get(f"/artikkel/{article_id}").text
    link = re.search(r'<a class="to-sentence" href="#(s-\d+)">«Vi styrker beredskapen i nord»', page)
    assert link is not None
    sentence = re.search(rf'<span class="sentence" id="{link.group(1)}">(.*?)</span>\s*<span class="sent',
                         page, re.S)
    assert sentence is not None
    assert "Vi styrker beredskapen i nord" in re.sub(r"<[^>]+>", "", sentence.group(1))


def test_search_page_shows_hits_snippets_and_facets(client: TestClient) -> None:
    page = client.get("/sok", params={"q": "soldat"}).text
    assert "3 artikler" in page
    assert page.count('class="hit-link"') == 3
    assert re.search(r"<mark>[Ss]oldat\w*</mark>", page)
    assert f"/sok?q=soldat&amp;entity={entity_id(client, 'Åse Lien')}" in page  # a facet value filters
    assert "mobilisering" in page and "utsendte" in page  # Norwegian labels of codes
    filtered = client.get("/sok", params={"q": "soldat", "event_type": "RETREAT"}).text
    assert filtered.count('class="hit-link"') == 1 and "Fjern filteret RETREAT" in filtered


def test_entity_page_has_chart_data_quotes_and_cooccurring(client: TestClient) -> None:
    page = client.get(f"/entitet/{entity_id(client, 'Åse Lien')}").text
    assert 'id="chart-data"' in page and '"kind": "timeline"' in page
    assert "Vi blir til høsten" in page and "Ordføreren kritiserer" in page
    assert f'href="/entitet/{entity_id(client, "Forsvaret")}"' in page


def test_series_page_marks_changes_and_links_points(client: TestClient) -> None:
    page = client.get(_series_path(client)).text
    assert page.count('class="change"') == 2
    points = re.findall(r'class="point-sentence" href="(/artikkel/\w+#s-\d+)"', page)
    assert len(points) == 3
    target = client.get(points[1].split("#")[0]).text
    assert f'id="{points[1].split("#")[1]}"' in target


def test_markup_in_articles_is_shown_as_text(client: TestClient) -> None:
    article_id = _article_id(client, "innbyggerne")
    for path in (f"/artikkel/{article_id}", "/sok?q=innbyggerne", "/sitater", "/entiteter", "/",
                 f"/entitet/{entity_id(client, '<img src=x onerror=alert(1)>')}", "/saker?min_articles=1"):
        response = client.get(path)
        assert response.status_code == 200, path
        elements = parse(response.text)
        # No element from the article: no <img>, no inline script, no event handler attributes.
        assert not [tag for tag, _ in elements.tags if tag == "img"], path
        assert not [a for _, attrs in elements.tags for a in attrs if a.startswith("on")], path
        assert "<script>alert" not in response.text and "<img src=x" not in response.text
    page = client.get(f"/artikkel/{article_id}").text
    text = "".join(parse(page).text)
    assert XSS_TITLE in text and XSS_BODY_MARK in text  # shown, as text
    inline_scripts = [attrs for tag, attrs in parse(page).tags if tag == "script" and "src" not in attrs]
    assert inline_scripts == []


def test_story_page_collapses_near_duplicates(tmp_path_factory: pytest.TempPathFactory) -> None:
    with TestClient(create_app(cached_store("story", tmp_path_factory))) as client:
        story = client.get("/api/stories").json()["items"][0]
        page = client.get(f"/sak/{story['id']}").text
        assert page.count("<details>") == 1 and "1 nesten like utgave" in page and "lokalavisa.txt" in page
        assert "Flommen i Lærdal: 60 hus evakuert" in page and "evakuerte" in page
        first = client.get("/api/stories/" + story["id"]).json()["articles"][0]["id"]
        article = client.get(f"/artikkel/{first}").text
        assert f'href="/sak/{story["id"]}"' in article and "(3 artikler)" in article
        assert "Flom stenger E16" in client.get("/saker").text
