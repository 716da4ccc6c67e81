"""The pages in a real browser (Debian's Chromium through Playwright) over the demo corpus: every page
opens without script errors, the links a reader follows work, and a screenshot of each page is kept.

Screenshots go to $NYHETSGRAF_SCREENSHOTS when set, else to a pytest temporary folder. The tests skip
only when Chromium is missing and NYHETSGRAF_TEST_BROWSER is unset (CI sets it, so there they run).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from webtools import cached_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("NYHETSGRAF_TEST_BROWSER"):
    pytest.skip("Chromium is not installed (apt-get install chromium; NYHETSGRAF_TEST_BROWSER requires it)",
                allow_module_level=True)

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from nyhetsgraf.web import create_app

    port = _free_port()
    app = create_app(cached_store("demo", tmp_path_factory))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM or "chromium", headless=True,
                                              args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("NYHETSGRAF_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="nb-NO")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.errors = errors
    yield opened
    context.close()


def _api(page, path: str) -> dict:
    response = page.request.get(path)
    assert response.ok, path
    return response.json()


def _pages(page) -> dict[str, str]:
    article = (_api(page, "/api/articles?limit=1&q=Kharkiv")["items"]
               or _api(page, "/api/articles?limit=1")["items"])
    entity = _api(page, "/api/entities?limit=1")["items"][0]
    series = _api(page, "/api/series?limit=1")["items"][0]
    return {
        "oversikt": "/",
        "sok": "/sok?q=soldater",
        "artikkel": f"/artikkel/{article[0]['id']}",
        "entiteter": "/entiteter",
        "entitet": "/entitet/" + quote(entity["id"], safe=":"),
        "hendelser": "/hendelser",
        "sitater": "/sitater",
        "serier": "/serier",
        "serie": "/serie/" + quote(series["id"], safe=""),
        "api-docs": "/docs",
    }


def test_every_page_opens_without_errors(page, shots: Path) -> None:
    for name, path in _pages(page).items():
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        if name == "api-docs":
            page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
        else:
            assert page.locator("h1").first.inner_text().strip(), path
        if name in ("entitet", "serie"):
            page.wait_for_selector(".chart-box canvas", timeout=10_000)
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        assert page.errors == [], (path, page.errors)
        assert (shots / f"{name}.png").stat().st_size > 10_000


def test_phone_width_has_no_sideways_scrolling(browser, base_url: str, shots: Path) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    for path in ("/", "/sok?q=regjeringen", "/hendelser"):
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, (path, overflow)
    phone.goto("/sok?q=regjeringen")
    phone.screenshot(path=str(shots / "sok-mobil.png"), full_page=True)
    context.close()


def test_from_a_search_hit_to_the_article(page) -> None:
    page.goto("/sok?q=soldater")
    hit = page.locator("a.hit-link").first
    title = hit.inner_text()
    hit.click()
    page.wait_for_url("**/artikkel/**")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".article-text .hl").count() > 5


def test_from_a_highlighted_name_to_the_entity_page(page) -> None:
    article = _api(page, "/api/articles?limit=1&q=Kharkiv")["items"][0]
    page.goto(f"/artikkel/{article['id']}")
    name = page.locator(".article-text a.hl-entity").first
    shown = name.inner_text()
    name.click()
    page.wait_for_url("**/entitet/**")
    heading = page.locator("h1").inner_text()
    assert shown.split("s")[0][:4] in heading  # "Kharkivs" leads to "Kharkiv"
    page.wait_for_selector(".chart-box canvas")


def test_from_a_series_point_to_its_sentence(page) -> None:
    series = _api(page, "/api/series?limit=1")["items"][0]
    detail = _api(page, "/api/series/" + quote(series["id"], safe=""))
    page.goto("/serie/" + quote(series["id"], safe=""))
    points = page.locator(".chart-links a.point-link")
    points.first.wait_for()
    assert points.count() == len([p for p in detail["points"] if p["date"]])
    points.first.click()
    page.wait_for_url("**/artikkel/**#s-*")
    anchor = page.url.split("#")[1]
    sentence = page.locator(f"#{anchor}")
    assert sentence.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    first = detail["points"][0]
    assert sentence.inner_text().split()[:3] == first["sentence"].split()[:3]


def test_keyboard_reaches_content_and_follows_links(page) -> None:
    page.goto("/sok?q=soldater")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hopp til innholdet"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#innhold'")
    page.locator("a.hit-link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/artikkel/**")


def test_markup_in_an_article_stays_text_in_the_browser(browser, tmp_path_factory: pytest.TempPathFactory,
                                                       shots: Path) -> None:
    import uvicorn

    from nyhetsgraf.web import create_app
    from webtools import XSS_BODY_MARK, XSS_TITLE

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(cached_store("built", tmp_path_factory)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        context = browser.new_context(base_url=f"http://127.0.0.1:{port}")
        unsafe = context.new_page()
        dialogs: list[str] = []
        unsafe.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        hit = unsafe.request.get("/api/search?q=innbyggerne").json()["items"][0]
        unsafe.goto(f"/artikkel/{hit['id']}")
        unsafe.locator(".article-text .hl-entity").first.hover()
        assert unsafe.locator("h1").inner_text() == XSS_TITLE
        assert XSS_BODY_MARK in unsafe.locator(".article-text").inner_text()
        assert unsafe.title() != "hacked" and dialogs == []
        assert unsafe.locator("main img").count() == 0
        unsafe.screenshot(path=str(shots / "artikkel-med-markup.png"), full_page=True)
        context.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_readme_screenshots(browser, base_url: str, shots: Path) -> None:
    """The two screenshots of the README: an article with its facts, and the most quoted person.
    ``NYHETSGRAF_README_SCREENSHOTS=docs/screenshots`` writes them there."""
    chosen = os.environ.get("NYHETSGRAF_README_SCREENSHOTS")
    folder = Path(chosen) if chosen else shots
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 820}, locale="nb-NO")
    page = context.new_page()
    article = _api(page, "/api/articles?limit=1&q=Kharkiv")["items"][0]
    page.goto(f"/artikkel/{article['id']}")
    assert page.locator(".article-text a.hl-entity").count() >= 5
    page.screenshot(path=str(folder / "article-page.png"))
    people = _api(page, "/api/entities?type=PER&limit=20")["items"]
    quoted = max(people, key=lambda person: len(_api(page, f"/api/entities/{person['id']}")["quotes_by"]))
    page.goto(f"/entitet/{quoted['id']}")
    page.wait_for_selector(".chart-box canvas")
    assert page.locator("blockquote").count() >= 3
    page.screenshot(path=str(folder / "entity-page.png"))
    context.close()
    assert (folder / "article-page.png").stat().st_size > 20_000
