"""Store and CLI hardening (issue 17, items 4, 10 and 12): each test reproduces one repro of the issue."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import make_article
from typer.testing import CliRunner

from nyhetsgraf.cli import app
from nyhetsgraf.records import Facts
from nyhetsgraf.store import StoreError, open_store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
BODY = ("Kommunestyret vedtok tirsdag å bygge en ny barneskole på Hamar. Skolen skal stå klar om tre år, "
        "og prislappen er beregnet til 300 millioner kroner.")


def _cli(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def _dump(path: Path, count: int, tag: str) -> Path:
    path.write_text("".join(f" date 2024-02-{n % 28 + 1:02d} – {tag} sak nummer {n} fra Hamar\n{BODY}\n"
                            for n in range(count)), encoding="utf-8")
    return path


# -- item 4: migrations are safe when several processes create one database -------------------------

def test_issue_repro_concurrent_ingests_into_a_new_database_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "ny.db"
    inputs = [_dump(tmp_path / f"dump{k}.txt", 20, f"Kilde{k}") for k in range(4)]
    path_entries = [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path_entries)}
    command = [sys.executable, "-c", "from nyhetsgraf.cli import main; main()"]
    runs = [subprocess.Popen([*command, "ingest", "--no-nlp", "--db", str(db), str(path)], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for path in inputs]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    with open_store(db, read_only=True) as store:
        assert store.count_articles() == 80


def _open_new_store(path: str) -> str:
    try:
        with open_store(path, create=True) as store:
            return f"ok {store.count_articles()}"
    except StoreError as error:
        return str(error)


def test_many_processes_creating_one_database_at_once_all_open_it(tmp_path: Path) -> None:
    """Opening a new file raced in two places: the switch to WAL mode (SQLite answers "locked" there
    without waiting) and the check for another program's tables (its two reads straddled a commit)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with context.Pool(6) as pool:
        for round_number in range(15):
            path = str(tmp_path / f"new{round_number}.db")
            assert pool.map(_open_new_store, [path] * 6) == ["ok 0"] * 6


# -- item 10: clear answers from show, articles, stats; read-only filesystems ------------------------

def _colliding_articles() -> tuple:
    """Two articles whose ids share their first four characters."""
    seen: dict[str, object] = {}
    for n in range(20_000):
        article = make_article(f"Melding nummer {n} om været i Bergen.", source="v.txt", index=n)
        prefix = article.id[:4]
        if prefix in seen:
            return seen[prefix], article
        seen[prefix] = article
    raise AssertionError("no two ids share a prefix")


def test_issue_repro_ambiguous_prefix_lists_the_candidates(tmp_path: Path) -> None:
    first, second = _colliding_articles()
    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add(first, Facts())
        store.add(second, Facts())
    prefix = first.id[:4]
    result = _cli("show", prefix, "--db", db)
    assert result.exit_code == 2
    assert "ambiguous" in result.stderr and first.id in result.stderr and second.id in result.stderr
    assert _cli("show", first.id[:4] + "zz", "--db", db).exit_code == 1  # no such article
    shown = _cli("show", first.id, "--db", db, "--format", "json")
    assert shown.exit_code == 0 and first.id in shown.stdout


def test_issue_repro_articles_offset_past_the_end_says_so(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    assert _cli("ingest", "--no-nlp", "--db", db, _dump(tmp_path / "d.txt", 3, "Ny")).exit_code == 0
    result = _cli("articles", "--db", db, "--offset", "100")
    assert result.exit_code == 0 and result.stdout == ""
    assert "--offset 100" in result.stderr and "3 stored" in result.stderr
    assert "100–100" not in result.stderr + result.stdout


def test_issue_repro_stats_on_an_empty_file_leaves_it_alone(tmp_path: Path) -> None:
    empty = tmp_path / "tom.db"
    empty.write_bytes(b"")
    result = _cli("stats", "--db", empty)
    assert result.exit_code == 1 and "not a nyhetsgraf database" in result.stderr
    assert empty.read_bytes() == b""


def test_another_programs_database_is_not_written_into(tmp_path: Path) -> None:
    other = tmp_path / "annet.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE kunder(navn TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    result = _cli("ingest", "--no-nlp", "--db", other, _dump(tmp_path / "d.txt", 2, "Ny"))
    assert result.exit_code == 1 and "another program" in result.stderr
    assert other.read_bytes() == before


def _read_only_bind_mount(source: Path, target: Path) -> bool:
    target.mkdir()
    try:
        subprocess.run(["mount", "--bind", str(source), str(target)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        subprocess.run(["umount", str(target)], capture_output=True)
        return False
    return True


def test_issue_repro_a_store_on_a_read_only_filesystem_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "lager"
    folder.mkdir()
    dump = _dump(tmp_path / "d.txt", 3, "Ny")
    assert _cli("ingest", "--no-nlp", "--db", folder / "n.db", dump).exit_code == 0
    mounted = tmp_path / "skrivebeskyttet"
    if not _read_only_bind_mount(folder, mounted):
        pytest.skip("needs a read-only bind mount (root)")
    try:
        db = mounted / "n.db"
        listing = _cli("articles", "--db", db)
        assert listing.exit_code == 0 and len(listing.stdout.splitlines()) == 3
        found = _cli("search", "barneskole", "--db", db)
        assert found.exit_code == 0 and len(found.stdout.splitlines()) == 3
        refused = _cli("ingest", "--no-nlp", "--db", db, tmp_path / "d.txt")
        assert refused.exit_code == 1 and "read-only" in refused.stderr
    finally:
        subprocess.run(["umount", str(mounted)], capture_output=True)


def test_read_only_open_falls_back_to_immutable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.store.sqlite as sqlite_dialect

    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add(make_article(BODY), Facts())
    monkeypatch.setattr(sqlite_dialect, "_can_write_beside", lambda path: False)
    with open_store(db, read_only=True) as store:
        assert store.count_articles() == 1 and store.search("barneskole")
    with pytest.raises(StoreError, match="read-only"):
        open_store(db)


# -- item 12: help without type labels; piped output not wrapped --------------------------------------

@pytest.mark.parametrize("command", ["extract", "ingest", "search", "articles", "show", "stats", "train"])
def test_issue_repro_help_shows_no_python_types(command: str) -> None:
    result = _cli(command, "--help")
    assert result.exit_code == 0
    for label in ("<bool>", "<list[str]>", "<int range>", "{paths}", "<float range>", "<path>"):
        assert label not in result.stdout, (command, label)


def test_issue_repro_piped_listing_keeps_each_title_on_one_line(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    title = "Kommunestyret i Hamar vedtok enstemmig å bygge en ny barneskole på Ridabu"
    (tmp_path / "a.txt").write_text(f" date 2024-01-01 – {title}\n{BODY}\n", encoding="utf-8")
    assert _cli("ingest", "--no-nlp", "--db", db, tmp_path / "a.txt").exit_code == 0
    listing = _cli("articles", "--db", db)
    [line] = listing.stdout.splitlines()
    assert line.split("\t")[2] == title
    found = _cli("search", "barneskole", "--db", db)
    [hit] = found.stdout.splitlines()
    assert hit.split("\t")[2] == title and "barneskole" in hit.split("\t")[3]
