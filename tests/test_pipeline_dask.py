"""Corpus runs on Dask give exactly what a local run gives: same articles, same facts, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import fake_extraction
from conftest import REPO_ROOT
from nyhetsgraf.cli import app
from nyhetsgraf.ingest import read_articles
from nyhetsgraf.pipeline import IngestSummary
from nyhetsgraf.pipeline_dask import (
    ClusterError,
    dask_client,
    ingest_on_dask,
    parse_cluster,
    plan_partitions,
    run_partition,
)
from nyhetsgraf.store import open_store
from nyhetsgraf.store.copy import export_lines

DEMO = REPO_ROOT / "examples" / "demo"
PLACES = ["Tromsø", "Bodø", "Alta", "Molde", "Hamar", "Lillehammer", "Narvik", "Arendal"]


def _dump(path: Path, articles: int) -> Path:
    """A plain-text dump of many short articles, each a headline and a paragraph."""
    parts = [" date 2024-02-01 – "]
    for n in range(articles):
        place = PLACES[n % len(PLACES)]
        parts.append(f"Nytt vedtak om skolen i {place} nummer {n}\n\n"
                     f"Kommunestyret i {place} vedtok tirsdag å bygge en ny skole for {n + 100} elever. "
                     "Ordfører Kari Holmen sier at arbeidet starter i mars, og at Fylket betaler halvparten. "
                     f"Foreldrene i {place} har ventet lenge på en avgjørelse, og rektor er glad for at "
                     "saken endelig er avgjort etter flere år med midlertidige lokaler.\n\n")
    path.write_text("".join(parts), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with dask_client("local:2") as running:
        yield running


@pytest.fixture
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake extraction for local runs (Extractor) and for Dask workers (extract_batch)."""
    import nyhetsgraf.extract

    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", fake_extraction.FakeExtractor)
    monkeypatch.setattr(nyhetsgraf.extract, "extract_batch", fake_extraction.fake_extract_batch)


def _contract_export(url: str) -> list[str]:
    with open_store(url, read_only=True) as store:
        return list(export_lines(store, full=False))


def _kb_partitions(url: str) -> tuple[set[frozenset[tuple[str, int]]], set[frozenset[str]]]:
    """The knowledge base's entity partition (of article mentions) and story partition (of articles)."""
    from nyhetsgraf import kb

    with open_store(url) as store:
        records = list(kb.export_records(store))
    entities = {frozenset((m["article"], m["span"][0]) for m in r["mentions"]) for r in records
                if r["kind"] == "entity"}
    stories = {frozenset(r["articles"]) for r in records if r["kind"] == "story"}
    return entities, stories


def test_byte_ranges_of_a_dump_give_every_article_once_with_its_local_id(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "dump.txt", 240)
    local = [article.id for article in read_articles([str(dump)])]
    assert len(local) == 240
    partitions = plan_partitions([str(dump)], partition_bytes=16 * 1024, workers=1)
    assert len(partitions) > 2 and partitions[1].start > 0 and partitions[-1].end is None
    ids: list[str] = []
    for partition in partitions:
        result = run_partition(partition, config=None, nlp=False, store_url=None, known=frozenset(),
                               extract=None)
        assert result.read == len(result.pairs) > 0
        ids += [article.id for article, _ in result.pairs]
    assert ids == local


def test_small_files_are_grouped_and_known_articles_skipped(tmp_path: Path) -> None:
    files = [_dump(tmp_path / f"{n}.txt", 3) for n in range(6)]
    partitions = plan_partitions([str(tmp_path)], partition_bytes=1 << 20, workers=1)
    assert sum(len(p.files) for p in partitions) == 6 and len(partitions) < 6
    assert partitions[0].files[0] == str(files[0])  # spelled as the user's path, like a local run
    first = partitions[0]
    known = frozenset(article.id for article in read_articles([first.files[0]]))
    result = run_partition(first, config=None, nlp=False, store_url=None, known=known, extract=None)
    assert result.skipped == 3 and result.read == 3 * len(first.files)


@pytest.mark.parametrize(("value", "expected"), [("local:3", (3, None)), ("tcp://10.0.0.5:8786",
                                                                             (None, "tcp://10.0.0.5:8786"))])
def test_cluster_values(value: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_cluster(value) == expected
    with pytest.raises(ClusterError):
        parse_cluster("lokal:2")


@pytest.mark.usefixtures("fake_nlp")
def test_demo_on_dask_stores_what_a_local_run_stores(store_url: str, tmp_path: Path) -> None:
    local = str(tmp_path / "local.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", local])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", store_url, "--dask", "local:2"])
    assert result.exit_code == 0, result.stderr
    expected = _contract_export(local)
    assert len(expected) > 20 and any('"quotes": [{' in line for line in expected)
    assert _contract_export(store_url) == expected
    with open_store(local, read_only=True) as a, open_store(store_url, read_only=True) as b:
        assert a.stats() | {"path": ""} == b.stats() | {"path": ""}
        # the Dask run records what made the facts, as a local run does (reextract --missing finds nothing)
        marked = "SELECT language, facts_model IS NOT NULL AS marked FROM articles ORDER BY id"
        assert b.query(marked) == a.query(marked) and any(row["marked"] for row in b.query(marked))
    entities, stories = _kb_partitions(store_url)  # linked by the Dask run itself
    assert len(entities) > 20 and len(stories) > 5
    assert (entities, stories) == _kb_partitions(local)
    again = runner.invoke(app, ["ingest", str(DEMO), "--db", store_url, "--dask", "local:2"])
    assert again.exit_code == 0 and ", 0 new, " in again.stderr


@pytest.mark.usefixtures("fake_nlp")
def test_a_big_dump_on_two_workers_matches_a_local_run(store_url: str, tmp_path: Path, client: Any) -> None:
    dump = str(_dump(tmp_path / "dump.txt", 300))
    local = str(tmp_path / "local.db")
    with open_store(local) as store:
        from nyhetsgraf.pipeline import ingest

        ingest([dump], store)
    summary = IngestSummary()
    with open_store(store_url) as store:
        ingest_on_dask([dump], store, client=client, summary=summary, partition_bytes=16 * 1024)
    assert summary.new == 300 and summary.read == 300
    assert _contract_export(store_url) == _contract_export(local)
    with open_store(store_url) as store:  # a re-run skips every stored article before extraction
        rerun = ingest_on_dask([dump], store, client=client, partition_bytes=16 * 1024)
    assert (rerun.read, rerun.new, rerun.skipped) == (300, 0, 300)


def test_a_killed_worker_s_partition_is_run_again(store_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.extract

    marker = tmp_path / "died"
    monkeypatch.setenv(fake_extraction.DIE_ONCE, str(marker))  # before the workers start: they inherit it
    monkeypatch.setattr(nyhetsgraf.extract, "extract_batch", fake_extraction.dying_extract_batch)
    dump = str(_dump(tmp_path / "dump.txt", 200))
    with dask_client("local:2") as running, open_store(store_url) as store:
        summary = ingest_on_dask([dump], store, client=running, partition_bytes=16 * 1024)
    assert marker.exists()  # one worker process did die
    assert summary.new == 200
    with open_store(store_url, read_only=True) as store:
        ids = list(store.iter_ids())
        stats = store.stats()
    assert len(ids) == len(set(ids)) == 200
    assert stats["quotes"] == 200  # every article's facts exactly once


@pytest.mark.usefixtures("fake_nlp")
def test_a_local_ingest_is_the_same_on_both_backends(store_url: str, tmp_path: Path) -> None:
    local = str(tmp_path / "reference.db")
    runner = CliRunner()
    for url in (local, store_url):
        result = runner.invoke(app, ["ingest", str(DEMO), "--db", url])
        assert result.exit_code == 0, result.stderr
    assert _contract_export(store_url) == _contract_export(local)
    with open_store(local, read_only=True) as a, open_store(store_url, read_only=True) as b:
        assert [h.id for h in a.search("regjeringen")] and \
            {h.id for h in a.search("regjeringen")} == {h.id for h in b.search("regjeringen")}


@pytest.mark.slow
def test_real_extraction_on_two_workers_matches_one_process(tmp_path: Path) -> None:
    """With the shipped models, Dask workers (models loaded once each) find what one process finds."""
    pytest.importorskip("spacy")
    from nyhetsgraf.nlp import ModelMissing, load

    try:
        load("nb")
    except ModelMissing as error:
        pytest.skip(f"no trained model: {error}")
    dump = str(_dump(tmp_path / "dump.txt", 40))  # two byte ranges
    local, spread = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", dump, "--db", local]).exit_code == 0
    result = runner.invoke(app, ["ingest", dump, "--db", spread, "--dask", "local:2"])
    assert result.exit_code == 0, result.stderr
    expected = _contract_export(local)
    assert any('"name": "Kari Holmen"' in line for line in expected)
    assert _contract_export(spread) == expected
