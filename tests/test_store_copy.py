"""`nyhetsgraf migrate`: a whole store copied SQLite -> PostgreSQL -> SQLite, verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_article
from nyhetsgraf.cli import app
from nyhetsgraf.records import Article, Facts
from nyhetsgraf.store import open_store
from nyhetsgraf.store.copy import CopyError, copy_store, export_checksum, export_lines


def _fill(url: str, soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    with open_store(url) as store:
        store.add(article, facts)
        for n in range(5):
            store.add(make_article(f"Ferja til Senja er innstilt for {n}. gang i vinter.", source="ferje.txt",
                                   index=n, title=f"Ferje {n}"), Facts())


@pytest.mark.postgresql
def test_copy_there_and_back_keeps_every_row_and_fact(tmp_path: Path, postgres_url: str,
                                                      soldier_article: tuple[Article, Facts]) -> None:
    first, back = str(tmp_path / "first.db"), str(tmp_path / "back.db")
    _fill(first, soldier_article)
    runner = CliRunner()
    there = runner.invoke(app, ["migrate", "--from", first, "--to", postgres_url])
    assert there.exit_code == 0, there.stderr
    assert "articles 6" in there.stderr and "verified" in there.stderr
    home = runner.invoke(app, ["migrate", "--from", postgres_url, "--to", back])
    assert home.exit_code == 0, home.stderr
    with open_store(first, read_only=True) as a, open_store(postgres_url, read_only=True) as b, \
            open_store(back, read_only=True) as c:
        assert list(export_lines(a)) == list(export_lines(b)) == list(export_lines(c))
        assert a.stats() | {"path": ""} == b.stats() | {"path": ""} == c.stats() | {"path": ""}
        # Search works on the copies: PostgreSQL's generated column, SQLite's rebuilt FTS index.
        assert [h.id for h in a.search("ferje")] and {h.id for h in a.search("ferje")} == \
            {h.id for h in b.search("ferje")} == {h.id for h in c.search("ferje")}
    # New rows after a copy get fresh keys (the identity counters follow the copied keys).
    with open_store(postgres_url) as store:
        assert store.add(make_article("Nytt bygg på Finnsnes.", source="ny.txt"), Facts())


def test_copy_refuses_a_store_that_is_not_empty(store_url: str, tmp_path: Path,
                                                soldier_article: tuple[Article, Facts]) -> None:
    source = str(tmp_path / "source.db")
    _fill(source, soldier_article)
    _fill(store_url, soldier_article)
    with open_store(source, read_only=True) as origin, open_store(store_url) as target, \
            pytest.raises(CopyError, match="not empty"):
        copy_store(origin, target)


def test_copy_between_sqlite_files_and_checksums(tmp_path: Path,
                                                soldier_article: tuple[Article, Facts]) -> None:
    source, target = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    _fill(source, soldier_article)
    with open_store(source, read_only=True) as origin, open_store(target) as copy:
        report = copy_store(origin, copy)
        assert report.tables["articles"] == 6 and report.tables["mentions"] == 3
        assert report.checksum == export_checksum(copy)
        copy.add(make_article("Ny sak om veien til Lofoten.", source="ny.txt"), Facts())
        assert export_checksum(copy) != report.checksum


@pytest.mark.parametrize(("arguments", "code", "message"), [
    (["--from", "mysql://db/x", "--to", "b.db"], 1, "unknown store URL"),
    (["--from", "missing.db", "--to", "b.db"], 1, "no database at"),
    (["--from", "a.db", "--to", "a.db"], 2, "same store"),
])
def test_migrate_errors_are_one_line(arguments: list[str], code: int, message: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["migrate", *arguments])
    assert result.exit_code == code
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
