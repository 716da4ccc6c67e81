"""Shared fixtures: a temporary database, sample Norwegian news texts of our own, hand-built records."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from nyhetsgraf.records import Article, Count, Document, Entity, Event, Facts, Quote, TimeExpression

if TYPE_CHECKING:
    from nyhetsgraf.extract import Extractor

REPO_ROOT = Path(__file__).resolve().parents[1]

# Two short invented articles in the style of a corpus dump (a date prefix, headline, body).
SAMPLE_TEXT = (
    " date 2023-05-09 – Kommunen stenger svømmehallen i Tromsø\n\n"
    "Tromsø kommune stenger svømmehallen i tre måneder etter at lekkasjer ble oppdaget i taket. "
    "– Vi kan ikke ta noen sjanser med sikkerheten, sier varaordfører Kari Holmen til avisen. "
    "Rundt 400 elever får svømmeundervisningen flyttet til Harstad i mellomtiden.\n\n"
    "Brannvesenet rykket ut i natt\n\n"
    "Fem personer ble evakuert fra et bolighus på Kvaløya natt til tirsdag. "
    "Politiet opplyser at ingen ble skadet, og at brannen trolig startet i et kjøkken.\n"
)

SHORT_NEWS = (
    "Regjeringen sender 50 soldater til Litauen. "
    "– Dette er et viktig bidrag til Nato, sier forsvarsminister Per Hansen. "
    "Soldatene skal være på plass i mars."
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nyheter.db"


# -- one suite for both backends ----------------------------------------------------------------------
# `store_url` is a fresh, empty store per test: a SQLite file, then a new PostgreSQL database on the
# server named by NYHETSGRAF_TEST_PG or, without it, a throwaway cluster started for the session.
# With NYHETSGRAF_TEST_PG_REQUIRED=1 (CI) a server that cannot be had fails the tests instead of
# skipping them.

@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL URL allowed to create databases; skips (or fails, when required) without one."""
    from pg_cluster import ClusterUnavailable, server_reachable, throwaway_cluster

    required = os.environ.get("NYHETSGRAF_TEST_PG_REQUIRED") == "1"
    given = os.environ.get("NYHETSGRAF_TEST_PG")
    if given:
        problem = server_reachable(given)
        if problem is None:
            yield given
            return
        reason = f"NYHETSGRAF_TEST_PG={given} is not reachable: {problem}"
    else:
        try:
            with throwaway_cluster() as url:
                yield url
            return
        except ClusterUnavailable as error:
            reason = f"no PostgreSQL for the tests ({error}); set NYHETSGRAF_TEST_PG=postgresql://..."
    if required:
        pytest.fail(f"PostgreSQL required (NYHETSGRAF_TEST_PG_REQUIRED=1): {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from pg_cluster import create_database, drop_database

    admin = request.getfixturevalue("postgres_admin_url")
    url = create_database(admin)
    yield url
    drop_database(admin, url)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@pytest.fixture(scope="session")
def new_store_url(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """``new_store_url("sqlite" | "postgresql")``: a fresh, empty store for fixtures of any scope
    (e.g. a module-wide corpus parametrised with ``params=BACKENDS``); databases dropped at the end."""
    created: list[tuple[str, str]] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return str(tmp_path_factory.mktemp("store") / "nyheter.db")
        from pg_cluster import create_database

        admin = request.getfixturevalue("postgres_admin_url")
        created.append((admin, create_database(admin)))
        return created[-1][1]

    yield make
    import psycopg

    from pg_cluster import drop_database

    for admin, url in created:
        # A throwaway cluster has already stopped, its databases gone with it.
        with contextlib.suppress(psycopg.OperationalError):
            drop_database(admin, url)


def backend_of(url: str) -> str:
    return "postgresql" if url.startswith("postgresql://") else "sqlite"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store of each backend: the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "nyheter.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def short_news_file(tmp_path: Path) -> Path:
    path = tmp_path / "kort.txt"
    path.write_text(SHORT_NEWS, encoding="utf-8")
    return path


def make_article(text: str, *, source: str = "test.txt", index: int = 0, title: str | None = None,
                 date: str | None = "2023-05-09", prefix: str = "", language: str = "nb") -> Article:
    """An Article whose text starts after ``prefix`` in its document, as a segmenter would give it."""
    document = Document(source=source, text=prefix + text, format="text", date=date)
    return Article(document, index, (len(prefix), len(prefix) + len(text)), title=title, language=language)


CONSTRUCTION_PREFIX = " date 2024-11-18 – "


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor (with the packaged models) for the construction tests."""
    from nyhetsgraf.extract import Extractor

    return Extractor()


def facts_of(extractor: Extractor, text: str, language: str = "nb") -> Facts:
    """The facts of one sentence or short text of a construction test, dated 2024-11-18."""
    article = make_article(text, source="t.txt", date="2024-11-18", prefix=CONSTRUCTION_PREFIX,
                           language=language)
    return extractor.extract(article)


def find_span(article: Article, needle: str) -> tuple[int, int]:
    """Input offsets of ``needle`` within the article."""
    start = article.document.text.index(needle, article.span[0])
    return start, start + len(needle)


@pytest.fixture
def article_factory() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def soldier_article() -> tuple[Article, Facts]:
    """An article about troops with one fact of every kind, spans pointing at real words."""
    text = ("Soldatene trekkes ut av Tromsø\n\n"
            "Forsvaret trekker 200 soldater ut av Tromsø i mars, opplyser Forsvarsdepartementet. "
            "– Vi avslutter øvelsen, sier oberst Åse Lien. Soldatene reiser hjem til Rena.")
    article = make_article(text, title="Soldatene trekkes ut av Tromsø", prefix=" date 2023-02-01 – ")
    facts = Facts(
        entities=[Entity("Tromsø", "GPE_LOC", [find_span(article, "Tromsø")]),
                  Entity("Åse Lien", "PER", [find_span(article, "Åse Lien")]),
                  Entity("Forsvaret", "ORG", [find_span(article, "Forsvaret")])],
        quotes=[Quote("Vi avslutter øvelsen", "Åse Lien", True, find_span(article, "Vi avslutter øvelsen"))],
        counts=[Count("DEPLOY", 200.0, "exact", "soldat", "Forsvaret", "Tromsø",
                      find_span(article, "200 soldater"))],
        events=[Event("RETREAT", "trekker ut", "Forsvaret", None, "Tromsø", "2023-03", False,
                      find_span(article, "trekker 200 soldater ut"))],
        times=[TimeExpression("i mars", "2023-03", find_span(article, "i mars"))],
    )
    return article, facts
