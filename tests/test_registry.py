"""The fact-kind registry: a kind added from outside is stored, exported and rendered with no other change."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy
from rich.console import Console
from spacy.tokens import Doc

from conftest import make_article
from nyhetsgraf.extract import ConfigError, ExtractConfig, Extractor, Finder, register_finder
from nyhetsgraf.extract.components import unregister_finder
from nyhetsgraf.records import (
    FACT_KINDS,
    Article,
    Count,
    Entity,
    Event,
    FactKind,
    Facts,
    Quote,
    Span,
    article_object,
    link_entity_keys,
    register_fact_kind,
    unregister_fact_kind,
)
from nyhetsgraf.render import print_pretty, render_html, renderable
from nyhetsgraf.store import open_store
from nyhetsgraf.store.schema import migrations


@dataclass(slots=True)
class Mood:
    """A toy fact kind: the mood of a sentence."""

    label: str
    strength: int
    span: Span


MOOD_TABLE = """CREATE TABLE moods (
    mood_id {pk}, article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    label TEXT NOT NULL, strength INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL)"""


@pytest.fixture
def mood_kind() -> Iterator[FactKind]:
    kind = register_fact_kind(FactKind("moods", Mood, "mood", ddl=MOOD_TABLE))
    yield kind
    unregister_fact_kind("moods")


def test_a_registered_kind_is_stored_exported_and_rendered(mood_kind: FactKind, db_path: Path) -> None:
    article = make_article("Folket jublet i gatene etter seieren. Alle var glade.")
    facts = Facts(moods=[Mood("glede", 3, (article.span[0] + 7, article.span[0] + 13))])

    obj = article_object(article, facts)
    start = article.span[0]
    assert obj["moods"] == [{"label": "glede", "strength": 3, "span": [start + 7, start + 13]}]
    assert list(obj)[-1] == "moods"  # after the built-in kinds, in registry order

    with open_store(db_path) as store:
        assert store.add(article, facts)
    with open_store(db_path, create=False) as store:
        stored = store.article(article.id)
        assert stored is not None
        assert stored.facts.moods == facts.moods
        assert stored.contract()["moods"] == obj["moods"]
        assert store.articles()[0].fact_counts["moods"] == 1
        assert store.stats()["moods"] == 1

    console = Console(file=io.StringIO(), width=120, no_color=True)
    print_pretty([renderable(article, facts)], console)
    report = console.file.getvalue()
    assert "Moods" in report and "glede" in report and "1 moods" in report
    page = render_html([renderable(article, facts)])
    assert 'class="mark mood"' in page and "<td>glede</td>" in page


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(TypeError, match="unknown fact kinds"):
        Facts(feelings=[])
    assert "feelings" not in FACT_KINDS


def _soldier_facts() -> Facts:
    return Facts(
        entities=[Entity("Norge", "GPE_ORG", [(0, 5)]), Entity("Kari Nordheim", "PER", [(40, 53)])],
        quotes=[Quote("Vi sender soldater", "Kari Nordheim", True, (20, 38)),
                Quote("Det er alvorlig", "en kilde", False, (60, 75))],
        counts=[Count("DEPLOY", 60, "about", "soldat", "Norge", "Litauen", (6, 20))],
        events=[Event("MOBILIZE", "sender", "Norge", None, "Litauen", None, False, (0, 30))],
    )


def test_entity_keys_follow_the_names() -> None:
    facts = link_entity_keys(_soldier_facts())
    assert [q.speaker_key for q in facts.quotes] == [1, None]
    assert (facts.counts[0].holder_key, facts.counts[0].location_key) == (0, None)
    assert (facts.events[0].actor_key, facts.events[0].target_key) == (0, None)
    assert "speaker_key" not in article_object(make_article("Norge sender soldater."), facts)["quotes"][0]


def test_entity_keys_are_stored_as_foreign_keys(db_path: Path) -> None:
    article = make_article("Norge sender rundt 60 soldater til Litauen, sier Kari Nordheim.")
    facts = link_entity_keys(_soldier_facts())
    with open_store(db_path) as store:
        store.add(article, facts)
        rows = store.query("SELECT q.speaker, e.name FROM quotes q LEFT JOIN entities e"
                           " ON e.entity_id = q.speaker_entity ORDER BY q.quote_id")
        holder = store.query("SELECT e.name FROM counts c JOIN entities e ON e.entity_id = c.holder_entity")
    speakers = [(r["speaker"], r["name"]) for r in rows]
    assert speakers == [("Kari Nordheim", "Kari Nordheim"), ("en kilde", None)]
    assert holder == [{"name": "Norge"}]


def test_version_1_database_is_upgraded_and_its_facts_linked(db_path: Path) -> None:
    version_1 = migrations("sqlite")[0][1]
    connection = sqlite3.connect(db_path)
    connection.executescript(version_1.replace("{pk}", "INTEGER PRIMARY KEY"))
    connection.executescript(
        "INSERT INTO sources(source_id, path) VALUES (1, 'gammel.txt');"
        "INSERT INTO articles(rid, id, source_id, idx, span_start, span_end, language, content_hash, text,"
        " ingested_at) VALUES (1, 'abcd1234abcd1234', 1, 0, 0, 30, 'nb', 'h', 'Kari Nordheim sier nei.',"
        " 'x');"
        "INSERT INTO entities(entity_id, article_rid, name, type)"
        " VALUES (7, 1, 'Kari Nordheim', 'PER');"
        "INSERT INTO quotes(article_rid, text, speaker, direct, start, \"end\")"
        " VALUES (1, 'nei', 'Kari Nordheim', 0, 0, 23);"
        "PRAGMA user_version = 1;")
    connection.close()
    with open_store(db_path) as store:
        assert store.schema_version >= 2
        assert store.count_articles() == 1
        facts = store.facts("abcd1234abcd1234")
    assert facts.quotes[0].speaker == "Kari Nordheim" and facts.quotes[0].speaker_key == 0


def _find_moods(doc: Doc, article: Article) -> list[Mood]:
    """A toy finder: "glade" or "jublet" is a mood of joy."""
    return [Mood("glede", 2, (article.span[0] + t.idx, article.span[0] + t.idx + len(t)))
            for t in doc if t.lower_ in ("glade", "jublet")]


def test_a_registered_finder_runs_from_configuration(mood_kind: FactKind) -> None:
    register_finder(Finder("moods", _find_moods, ("doc", "article"), "moods"))
    try:
        article = make_article("Folket jublet i gatene. Alle var glade.")
        blank = spacy.blank("nb")
        extractor = Extractor(lambda language: blank, ExtractConfig(finders=("moods",)))
        facts = extractor.extract(article)
        base = article.span[0]
        assert [article.text[m.span[0] - base:m.span[1] - base] for m in facts.moods] == ["jublet", "glade"]
        assert facts.quotes == [] and facts.entities == []
        skipped = Extractor(lambda language: spacy.blank("nb"),
                            ExtractConfig(finders=("moods",), skip=frozenset({"moods"}))).extract(article)
        assert skipped.moods == []
    finally:
        unregister_finder("moods")


def test_configuration_errors_name_the_problem() -> None:
    with pytest.raises(ConfigError, match="unknown extractor 'feelings'"):
        ExtractConfig(skip=frozenset({"feelings"})).plan()
    with pytest.raises(ConfigError, match="'quotes' needs referents"):
        ExtractConfig(skip=frozenset({"referents"})).plan()
    plan = [finder.name for finder in ExtractConfig(skip=frozenset({"events"})).plan()]
    assert plan == ["entity_index", "entities", "referents", "quotes", "times", "counts"]
