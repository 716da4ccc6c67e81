"""Re-extraction of stored articles (issue 17, item 5) and a complete copy replacing a truncated one
(item 9)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nyhetsgraf.cli import app
from nyhetsgraf.extract.provenance import lexicon_version, model_version, provenance
from nyhetsgraf.records import Article, Entity, Facts
from nyhetsgraf.reextract import stored_article
from nyhetsgraf.store import open_store

runner = CliRunner()
BODY = ("Kommunestyret vedtok tirsdag å bygge en ny barneskole på Hamar. Skolen skal stå klar om tre år, "
        "og prislappen er beregnet til 300 millioner kroner.\n\nUtbyggingen\n\nRådmannen sier arbeidet "
        "starter til våren.")


class FirstWordExtractor:
    """Stands in for the NLP extractor: the first word of each Norwegian article as an entity."""

    calls: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        for article in articles:
            FirstWordExtractor.calls.append(article.id)
            if article.language not in ("nb", "nn"):
                yield article, Facts()
                continue
            word = article.text.split()[0]
            start = article.span[0] + article.text.index(word)
            yield article, Facts(entities=[Entity(word, "MISC", [(start, start + len(word))])])


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.extract

    FirstWordExtractor.calls = []
    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", FirstWordExtractor)


def _cli(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    norwegian = "".join(f" date 2024-03-0{n} – Skolesak nummer {n} fra Hamar\n{BODY}\n" for n in range(1, 4))
    english = (" date 2024-03-09 – English news\nThe mayor said that the school would be built, and that "
               "they were glad it was over. It has been a long time.\n")
    path.write_text(norwegian + english, encoding="utf-8")
    return path


def _facts_rows(db: Path) -> list[dict]:
    with open_store(db, read_only=True) as store:
        return store.query("SELECT a.id, a.language, a.facts_model, a.facts_lexicon, a.facts_at,"
                           " (SELECT count(*) FROM entities e WHERE e.article_rid = a.rid) AS entities"
                           " FROM articles a ORDER BY a.rid")


@pytest.mark.usefixtures("fake_extractor")
def test_issue_repro_no_nlp_articles_get_their_facts_with_reextract(tmp_path: Path) -> None:
    db, dump = tmp_path / "n.db", _dump(tmp_path)
    assert _cli("ingest", "--no-nlp", "--db", db, dump).exit_code == 0
    assert _cli("ingest", "--db", db, dump).exit_code == 0  # the old way: skipped, never extracted
    before = _facts_rows(db)
    assert [row["entities"] for row in before] == [0, 0, 0, 0]
    assert all(row["facts_at"] is None for row in before)

    result = _cli("reextract", "--db", db)  # --missing is the default
    assert result.exit_code == 0, result.stderr
    assert "4 articles re-extracted (1 not Norwegian: no facts)" in result.stderr
    after = _facts_rows(db)
    assert [row["entities"] for row in after] == [1, 1, 1, 0]
    nb = provenance("nb")
    assert [(row["facts_model"], row["facts_lexicon"]) for row in after] == [
        (nb.model, nb.lexicon)] * 3 + [(None, nb.lexicon)]
    assert all(row["facts_at"] for row in after)

    FirstWordExtractor.calls = []
    assert _cli("reextract", "--missing", "--db", db).exit_code == 0
    assert FirstWordExtractor.calls == []  # nothing is missing any more
    assert _cli("reextract", "--outdated", "--db", db).exit_code == 0
    assert FirstWordExtractor.calls == []  # and nothing is outdated
    assert _cli("reextract", "--all", "--db", db).exit_code == 0
    assert len(FirstWordExtractor.calls) == 4
    assert [row["entities"] for row in _facts_rows(db)] == [1, 1, 1, 0]  # replaced, not added


@pytest.mark.usefixtures("fake_extractor")
def test_an_upgrade_makes_articles_outdated_and_ids_pick_single_articles(tmp_path: Path) -> None:
    db, dump = tmp_path / "n.db", _dump(tmp_path)
    assert _cli("ingest", "--db", db, dump).exit_code == 0
    rows = _facts_rows(db)
    assert rows[0]["facts_model"] == provenance("nb").model
    with open_store(db) as store:  # as if an older model had made the first article's facts
        store.execute("UPDATE articles SET facts_model = 'nb@000000000000' WHERE id = ?", (rows[0]["id"],))
    FirstWordExtractor.calls = []
    assert _cli("reextract", "--outdated", "--db", db).exit_code == 0
    assert FirstWordExtractor.calls == [rows[0]["id"]]
    FirstWordExtractor.calls = []
    assert _cli("reextract", rows[1]["id"][:8], "--db", db).exit_code == 0
    assert FirstWordExtractor.calls == [rows[1]["id"]]
    assert _cli("reextract", "--all", "--missing", "--db", db).exit_code == 2
    assert _cli("reextract", "ffffffffffff", "--db", db).exit_code == 1


def test_a_stored_article_is_rebuilt_with_its_id_offsets_and_blocks(tmp_path: Path) -> None:
    db, dump = tmp_path / "n.db", _dump(tmp_path)
    assert _cli("ingest", "--no-nlp", "--db", db, dump).exit_code == 0
    from nyhetsgraf.ingest import read_articles

    originals = list(read_articles([str(dump)]))
    with open_store(db, read_only=True) as store:
        for original in originals:
            row = store.query_one("SELECT a.*, s.path, s.name FROM articles a JOIN sources s"
                                  " ON s.source_id = a.source_id WHERE a.id = ?", (original.id,))
            rebuilt = stored_article(row)
            assert (rebuilt.id, rebuilt.span, rebuilt.text, rebuilt.date) == (
                original.id, original.span, original.text, original.date)
            assert [(b.span, b.role) for b in rebuilt.blocks] == [(b.span, b.role) for b in original.blocks]


def test_versions_are_fingerprints_of_files() -> None:
    assert lexicon_version().startswith("lexicon@") and len(lexicon_version()) == 20
    assert model_version("nb").startswith("nb@") and model_version("nn").startswith("nn@")
    assert provenance("en").model is None


def test_issue_repro_a_complete_gzip_replaces_the_truncated_one(tmp_path: Path) -> None:
    text = "".join(f" date 2024-03-0{n} – Skolesak nummer {n} fra Hamar\n{BODY}\n" for n in range(1, 6))
    data = gzip.compress(text.encode("utf-8"))
    path = tmp_path / "dump.txt.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    db = tmp_path / "n.db"
    assert _cli("ingest", "--no-nlp", "--db", db, path).exit_code == 1  # truncated: partly read
    with open_store(db, read_only=True) as store:
        cut = store.count_articles()
        assert 1 <= cut < 5
    path.write_bytes(data)
    assert _cli("ingest", "--no-nlp", "--db", db, path).exit_code == 0
    listing = json.loads("[" + ",".join(_cli("articles", "--db", db, "--json").stdout.splitlines()) + "]")
    assert sorted(row["index"] for row in listing) == [0, 1, 2, 3, 4]
    with open_store(db, read_only=True) as store:
        assert store.search("rådmannen")  # the index follows the replacement
        assert len(store.search("rådmannen", limit=50)) == 5
    path.write_bytes(data[: len(data) * 3 // 4])
    _cli("ingest", "--no-nlp", "--db", db, path)  # the cut-off copy again: not stored beside the whole
    with open_store(db, read_only=True) as store:
        assert store.count_articles() == 5


class FailingExtractor(FirstWordExtractor):
    """Extraction fails for the second school article."""

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        for article, facts in super().pipe(articles, batch_size, workers):
            failed = "Skolesak nummer 2" in article.text
            yield article, Facts(failure="extraction failed: RuntimeError") if failed else facts


def test_an_article_whose_extraction_failed_stays_missing(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.extract

    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", FailingExtractor)
    db, dump = tmp_path / "f.db", _dump(tmp_path)
    assert _cli("ingest", "--db", db, dump).exit_code == 0
    rows = _facts_rows(db)
    assert [row["facts_at"] is None for row in rows] == [False, True, False, False]
    result = _cli("reextract", "--missing", "--db", db)
    assert result.exit_code == 1 and "extraction failed for 1 articles" in result.stderr
    assert [row["facts_at"] is None for row in _facts_rows(db)] == [False, True, False, False]
    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", FirstWordExtractor)
    assert _cli("reextract", "--missing", "--db", db).exit_code == 0
    assert [row["entities"] for row in _facts_rows(db)] == [1, 1, 1, 0]


@pytest.mark.usefixtures("fake_extractor")
def test_a_raw_bulk_load_is_linked_once_reextract_gives_it_facts(tmp_path: Path) -> None:
    from nyhetsgraf import kb

    db, dump = tmp_path / "raw.db", _dump(tmp_path)
    assert _cli("ingest", "--no-nlp", "--db", db, dump).exit_code == 0
    with open_store(db) as store:
        assert kb.pending(store) == 4  # stored without facts: nothing to link yet
    assert _cli("reextract", "--db", db).exit_code == 0
    with open_store(db) as store:
        assert kb.pending(store) == 0  # linked once they had their facts
        [entity] = kb.entities(store, search="Skolesak")
        assert entity.name == "Skolesak" and entity.articles == 3
