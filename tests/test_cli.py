"""The nyhetsgraf command line, run in-process with Typer's CliRunner (NLP switched off for speed)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nyhetsgraf import __version__
from nyhetsgraf.cli import app
from nyhetsgraf.records import Article, Facts

runner = CliRunner()

COMMANDS = ("extract", "ingest", "search", "articles", "show", "stats", "train")


def invoke(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"nyhetsgraf {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_everywhere(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_ingest_then_search_articles_show(sample_file: Path, db_path: Path) -> None:
    result = invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    assert result.exit_code == 0, result.stderr
    assert " new" in result.stderr and "0 skipped" in result.stderr

    expected = jsonl(invoke("extract", sample_file, "--no-nlp").stdout)
    listing = invoke("articles", "--db", db_path)  # piped: one line per article
    assert listing.exit_code == 0 and [line.split("\t")[0] for line in listing.stdout.splitlines()] == [
        obj["id"] for obj in expected]
    rows = jsonl(invoke("articles", "--db", db_path, "--json").stdout)
    assert [row["id"] for row in rows] == [obj["id"] for obj in expected]
    assert "svømmehallen" in rows[0]["title"]
    assert jsonl(invoke("articles", "--db", db_path, "--json", "--offset", "1").stdout) == rows[1:]

    found = invoke("search", "svømmehall", "--db", db_path, "--json")
    assert found.exit_code == 0
    hits = jsonl(found.stdout)
    assert hits and all(hit["snippet"] for hit in hits)
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end].lower().startswith("svømmehall")

    shown = invoke("show", hits[0]["id"], "--db", db_path, "--format", "json")
    assert shown.exit_code == 0
    article = json.loads(shown.stdout)
    assert article["id"] == hits[0]["id"] and "svømmehall" in article["text"].lower()
    pretty = invoke("show", hits[0]["id"][:8], "--db", db_path)
    assert pretty.exit_code == 0 and hits[0]["id"] in pretty.stdout


def test_ingest_twice_skips_everything(sample_file: Path, db_path: Path) -> None:
    first = invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    second = invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    assert first.exit_code == second.exit_code == 0
    assert "0 new" in second.stderr
    stats = json.loads(invoke("stats", "--db", db_path).stdout)
    new_first = int(first.stderr.split(" read, ")[1].split(" new")[0])
    assert stats["articles"] == new_first > 0


def test_missing_database_is_one_line_error(db_path: Path) -> None:
    for args in (("search", "soldat"), ("articles",), ("show", "abcdef"), ("stats",)):
        result = invoke(*args, "--db", db_path)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "no database" in result.stderr
        assert "Traceback" not in result.output
    assert not db_path.exists()


def test_bad_query_and_unknown_id(sample_file: Path, db_path: Path) -> None:
    invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    bad = invoke("search", '"unbalanced', "--db", db_path)
    assert bad.exit_code == 2 and "unbalanced" in bad.stderr and bad.stderr.count("\n") == 1
    unknown = invoke("show", "ffffffffffff", "--db", db_path)
    assert unknown.exit_code == 1 and "no article" in unknown.stderr


def test_extract_jsonl_without_nlp(sample_file: Path) -> None:
    result = invoke("extract", sample_file, "--no-nlp")
    assert result.exit_code == 0
    objects = jsonl(result.stdout)
    assert objects and all(obj["source"] == str(sample_file) for obj in objects)
    assert [obj["index"] for obj in objects] == list(range(len(objects)))
    assert "Tromsø" in result.stdout  # UTF-8, not \u escapes
    assert result.stderr == ""


def test_unreadable_input_gives_exit_1_and_other_inputs_still_produce_output(sample_file: Path,
                                                                             tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke.txt"
    result = invoke("extract", missing, sample_file, "--no-nlp")
    assert result.exit_code == 1
    assert jsonl(result.stdout)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]


def test_extract_html_page_with_highlights(tmp_path: Path, soldier_article: tuple[Article, Facts],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    article, facts = soldier_article

    def fake_source(paths: Iterable[str], *, nlp: bool = True, on_problem=None, batch_size: int = 32,
                    workers: int = 1, config=None) -> Iterator[tuple[Article, Facts]]:
        yield article, facts

    # Facts with every kind, without waiting for the NLP model.
    monkeypatch.setattr("nyhetsgraf.pipeline.iter_extracted", fake_source)
    page = tmp_path / "rapport.html"
    result = invoke("extract", "ignored.txt", "--format", "html", "--output", page)
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<link" not in html and "<script src" not in html
    assert all(getattr(facts, kind) for kind in ("entities", "quotes", "counts", "events", "times"))
    for layer in ("entity", "quote", "count", "event", "time"):
        # each kind highlighted in the text and listed in its table
        assert re.search(rf'class="mark[^"]*\b{layer}\b', html), layer
        assert f'id="a1-{layer}-0"' in html, layer
    assert 'class="mark entity"' in html and "Åse Lien" in html


def test_extract_pretty_report(sample_file: Path) -> None:
    result = invoke("extract", sample_file, "--no-nlp", "--format", "pretty")
    assert result.exit_code == 0
    assert "svømmehallen" in result.stdout and "0 entities" in result.stdout


def test_ctrl_c_during_ingest_keeps_what_was_stored(sample_file: Path, db_path: Path,
                                                   soldier_article: tuple[Article, Facts],
                                                   article_factory, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [article_factory(f"Sak nummer {n} om nye bussruter i byen.", index=n) for n in range(7)]

    def interrupted(items: Iterable[Article], *, nlp: bool = True, batch_size: int = 32,
                    workers: int = 1, config=None) -> Iterator[tuple[Article, Facts]]:
        for n in range(len(articles)):
            if n == 3:
                raise KeyboardInterrupt
            yield articles[n], Facts()

    monkeypatch.setattr("nyhetsgraf.pipeline.extract_articles", interrupted)
    result = invoke("ingest", sample_file, "--db", db_path)
    assert result.exit_code == 130
    assert "3 new articles were stored" in result.stderr and result.stderr.count("\n") == 1
    stats = json.loads(invoke("stats", "--db", db_path).stdout)
    assert stats["articles"] == 3


@pytest.mark.parametrize(("argv", "expected"), [
    (["search", "soldat"], {"query": "soldat"}),
    (["search", "--json", "-n", "3", "soldat", "--db", "x.db"],
     {"as_json": True, "limit": 3, "query": "soldat", "db": "x.db"}),
    (["search", "soldat", "--limit", "007"], {"query": "soldat", "limit": 7}),
    (["search"], None), (["search", "--help"], None), (["search", "-h"], None), (["articles"], None),
    (["search", "a", "b"], None), (["search", "-soldat"], None), (["search", "--db=x.db", "a"], None),
    (["search", "a", "-n", "0"], None), (["search", "a", "-n", "²"], None), (["search", "a", "-n"], None),
    (["search", "a", "--db", "x", "--db", "y"], None), (["search", "a", "--json", "--json"], None),
    (["search", "--", "a"], None), (["search", "a", "--limit", "-1"], None),
])
def test_only_a_plain_search_skips_typer(argv: list[str], expected: dict | None) -> None:
    from nyhetsgraf.cli import plain_search_arguments

    assert plain_search_arguments(argv) == expected


def test_a_plain_search_run_directly_answers_as_through_typer(sample_file: Path, db_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from nyhetsgraf.cli import main

    invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    for args, code in ((["svømmehall", "--json", "-n", "2"], 0), (["svømmehall"], 0), (['"unbalanced'], 2),
                       (["soldat", "--db", str(db_path.with_name("finnesikke.db"))], 1)):
        args = args if "--db" in args else [*args, "--db", str(db_path)]
        through_typer = runner.invoke(app, ["search", *args])
        monkeypatch.setattr("sys.argv", ["nyhetsgraf", "search", *args])
        with pytest.raises(SystemExit) as exited:
            main()
            raise SystemExit(0)
        direct = capsys.readouterr()
        assert (exited.value.code or 0) == through_typer.exit_code == code, args
        assert direct.out == through_typer.stdout and direct.err == through_typer.stderr, args
        assert bool(direct.out) == (code == 0) and bool(direct.err) == (code != 0), args


def test_a_plain_search_does_not_import_pydantic(sample_file: Path, db_path: Path) -> None:
    """Typer converts parameters with pydantic, a third of the command's start; search skips it."""
    import subprocess
    import sys

    invoke("ingest", sample_file, "--db", db_path, "--no-nlp")
    script = ("import sys\nfrom nyhetsgraf.cli import main\n"
              f"sys.argv = ['nyhetsgraf', 'search', 'svømmehall', '--db', {str(db_path)!r}, '--json']\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print(*(name in sys.modules for name in ('pydantic', 'spacy', 'fastapi')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert jsonl(done.stdout) and done.stderr.split() == ["False", "False", "False"]
