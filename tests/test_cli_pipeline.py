"""The library pipeline behind the CLI: lazy imports, facts flowing into the store, resuming."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nyhetsgraf.cli import app
from nyhetsgraf.pipeline import IngestSummary, ingest, iter_extracted
from nyhetsgraf.records import Article, Entity, Facts, TimeExpression
from nyhetsgraf.store import open_store


def test_raw_pipeline_never_imports_spacy(sample_file: Path) -> None:
    code = (
        "import sys\n"
        "from nyhetsgraf.pipeline import iter_extracted\n"
        f"pairs = list(iter_extracted([{str(sample_file)!r}], nlp=False))\n"
        "assert pairs and all(not facts.entities for _, facts in pairs)\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_python_dash_m_runs_the_cli(sample_file: Path, tmp_path: Path) -> None:
    database = tmp_path / "m.db"
    ingest_run = subprocess.run([sys.executable, "-m", "nyhetsgraf", "ingest", str(sample_file), "--no-nlp",
                                 "--db", str(database)], capture_output=True, text=True)
    assert ingest_run.returncode == 0, ingest_run.stderr
    listed = subprocess.run([sys.executable, "-m", "nyhetsgraf", "articles", "--db", str(database), "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(listed.stdout)


def test_iter_extracted_reports_problems_and_goes_on(sample_file: Path, tmp_path: Path) -> None:
    problems = []
    pairs = list(iter_extracted([str(tmp_path / "mangler.txt"), str(sample_file)], nlp=False,
                                on_problem=problems.append))
    assert pairs and len(problems) == 1 and problems[0].fatal


class FirstWordExtractor:
    """Stands in for the NLP extractor: the first word of each article as an entity, plus a time."""

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        for article in articles:
            word = article.text.split()[0]
            start = article.span[0] + article.text.index(word)
            yield article, Facts(entities=[Entity(word, "MISC", [(start, start + len(word))])],
                                 times=[TimeExpression(word, None, (start, start + len(word)))])


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.extract

    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", FirstWordExtractor)


@pytest.mark.usefixtures("fake_extractor")
def test_ingest_with_nlp_stores_the_extracted_facts(sample_file: Path, db_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(sample_file), "--db", str(db_path)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in
            CliRunner().invoke(app, ["articles", "--db", str(db_path), "--json"]).stdout.splitlines()]
    assert rows and all(row["entities"] == 1 and row["times"] == 1 for row in rows)
    shown_json = CliRunner().invoke(app, ["show", rows[0]["id"], "--db", str(db_path), "-f", "json"]).stdout
    shown = json.loads(shown_json)
    entity = shown["entities"][0]
    (start, end), = entity["mentions"]
    base = shown["span"][0]
    assert shown["text"][start - base:end - base] == entity["name"]


@pytest.mark.usefixtures("fake_extractor")
def test_resumed_ingest_extracts_only_what_is_missing(sample_file: Path, db_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_path) as store:
        first = ingest([str(sample_file)], store)
    assert first.new >= 1

    seen: list[str] = []

    class CountingExtractor(FirstWordExtractor):
        def pipe(self, articles: Iterable[Article], batch_size: int = 32,
                 workers: int = 1) -> Iterator[tuple[Article, Facts]]:
            for article, facts in super().pipe(articles, batch_size):
                seen.append(article.id)
                yield article, facts

    import nyhetsgraf.extract

    monkeypatch.setattr(nyhetsgraf.extract, "Extractor", CountingExtractor)
    summary = IngestSummary()
    with open_store(db_path) as store:
        ingest([str(sample_file)], store, summary=summary)
    assert seen == []  # stored articles are skipped before extraction
    assert summary.read == summary.skipped == first.new and summary.new == 0


@pytest.mark.slow
def test_extract_with_two_workers_writes_what_one_writes(tmp_path: Path) -> None:
    texts = [
        "Regjeringen sender 50 soldater til Litauen. – Dette er et viktig bidrag, sier forsvarsminister "
        "Per Hansen. Soldatene skal være på plass i mars.",
        "Fem personer ble evakuert fra et bolighus i Tromsø natt til tirsdag. Politiet opplyser at ingen "
        "ble skadet.",
        "Ordfører Kari Holmen i Harstad vil stenge svømmehallen i tre måneder, skriver Harstad Tidende.",
    ]
    records = [{"title": "Sak", "text": text, "date": f"2024-03-0{n}"} for n, text in enumerate(texts, 1)]
    feed = tmp_path / "saker.jsonl"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    one = CliRunner().invoke(app, ["extract", str(feed), "--workers", "1"])
    two = CliRunner().invoke(app, ["extract", str(feed), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert len(one.stdout.splitlines()) == 3
    assert two.stdout == one.stdout
