"""Copy a whole store to another backend (SQLite <-> PostgreSQL), verified by counts and checksums.

    with open_store("nyhetsgraf.db", read_only=True) as source, open_store("postgresql://…") as target:
        report = copy_store(source, target)      # raises CopyError when the copy does not verify

Every table both stores have is copied row by row with its keys, so foreign keys (facts -> articles,
entity links, knowledge-base tables added by later migrations) stay valid. The copy is verified by the
row count of every table and by a checksum over a canonical export of every article with its facts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from nyhetsgraf.store.sql import SqlStore

# Tables that belong to one backend or to the store's bookkeeping, never copied.
_INTERNAL_PREFIXES = ("articles_fts", "sqlite_", "nyhetsgraf_schema")
_WINDOW = 2000  # key values per chunk


class CopyError(RuntimeError):
    """The copy cannot start (target not empty, schema versions differ) or does not verify."""


@dataclass(slots=True)
class CopyReport:
    tables: dict[str, int] = field(default_factory=dict)  # rows copied per table
    checksum: str = ""  # of the canonical export, equal on both sides


@dataclass(frozen=True, slots=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    key: str | None  # an integer column to read the table in windows by
    references: frozenset[str]
    identity: str | None  # an auto-numbered column whose counter must follow the copied keys


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(store: SqlStore) -> dict[str, _Table]:
    names = sorted(name for name in store.dialect.table_names(store)
                   if not name.startswith(_INTERNAL_PREFIXES))
    if store.dialect.name == "sqlite":
        return {name: _sqlite_table(store, name) for name in names}
    return {name: _postgresql_table(store, name) for name in names}


def _sqlite_table(store: SqlStore, name: str) -> _Table:
    info = store.query(f"PRAGMA table_info({_quote(name)})")
    keys = [row["name"] for row in info if row["pk"]]
    key = keys[0] if len(keys) == 1 else (info[0]["name"] if info else None)
    references = {row["table"] for row in store.query(f"PRAGMA foreign_key_list({_quote(name)})")}
    # An INTEGER PRIMARY KEY numbers new rows after the largest key by itself: no counter to move.
    return _Table(name, tuple(row["name"] for row in info), key, frozenset(references - {name}), None)


def _postgresql_table(store: SqlStore, name: str) -> _Table:
    info = store.query("SELECT column_name, is_identity FROM information_schema.columns"
                       " WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'"
                       " ORDER BY ordinal_position", (name,))
    keys = [row["attname"] for row in store.query(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
        " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary", (name,))]
    references = {row["ref"] for row in store.query(
        "SELECT c.confrelid::regclass::text AS ref FROM pg_constraint c"
        " WHERE c.conrelid = to_regclass(?) AND c.contype = 'f'", (name,))}
    columns = tuple(row["column_name"] for row in info)
    identity = next((row["column_name"] for row in info if row["is_identity"] == "YES"), None)
    key = keys[0] if len(keys) == 1 else (columns[0] if columns else None)
    return _Table(name, columns, key, frozenset({ref.strip('"') for ref in references} - {name}), identity)


def _in_dependency_order(tables: dict[str, _Table]) -> list[_Table]:
    """Referenced tables before the tables that point at them."""
    ordered: list[_Table] = []
    done: set[str] = set()

    def visit(table: _Table, path: frozenset[str]) -> None:
        if table.name in done or table.name in path:
            return
        for reference in sorted(table.references):
            if reference in tables:
                visit(tables[reference], path | {table.name})
        done.add(table.name)
        ordered.append(table)

    for table in tables.values():
        visit(table, frozenset())
    return ordered


def _rows(store: SqlStore, table: _Table, columns: tuple[str, ...]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of a table in chunks, read by windows of its integer key where it has one."""
    select = f"SELECT {', '.join(map(_quote, columns))} FROM {_quote(table.name)}"
    bounds = store.query_one(f"SELECT min({_quote(table.key)}) AS low, max({_quote(table.key)}) AS high"
                             f" FROM {_quote(table.name)}") if table.key else None
    if bounds and bounds["low"] is None:
        return
    if not bounds or not isinstance(bounds["low"], int) or isinstance(bounds["low"], bool):
        rows = store.query(select)
        if rows:
            yield [tuple(row[c] for c in columns) for row in rows]
        return
    low, high = int(bounds["low"]), int(bounds["high"])
    key = _quote(table.key or "")
    while low <= high:
        rows = store.query(f"{select} WHERE {key} >= ? AND {key} < ? ORDER BY {key}", (low, low + _WINDOW))
        if rows:
            yield [tuple(row[c] for c in columns) for row in rows]
        low += _WINDOW


def _count(store: SqlStore, table: str) -> int:
    row = store.query_one(f"SELECT count(*) AS n FROM {_quote(table)}")
    return int(row["n"]) if row else 0


def export_lines(store: SqlStore, *, full: bool = True) -> Iterator[str]:
    """A canonical export: one JSON line per article in id order, its facts included.

    ``full`` adds what the store knows beyond the extraction contract (text, metadata, ingest time);
    without it the lines are the contract objects, equal for two ingests of the same input.
    """
    for article_id in sorted(store.iter_ids()):
        stored = store.article(article_id)
        if stored is None:  # deleted while exporting
            continue
        obj = stored.to_json() if full else stored.contract()
        yield json.dumps(obj, ensure_ascii=False, sort_keys=True)


def export_checksum(store: SqlStore, *, full: bool = True) -> str:
    digest = hashlib.sha256()
    for line in export_lines(store, full=full):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def copy_store(source: SqlStore, target: SqlStore,
               on_progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy every table of ``source`` into the empty store ``target``, then verify the copy."""
    if source.schema_version != target.schema_version:
        raise CopyError(f"schema versions differ: {source.url} has {source.schema_version}, "
                        f"{target.url} has {target.schema_version} (open the older one for writing "
                        "with this nyhetsgraf first, e.g. `nyhetsgraf stats`)")
    source_tables, target_tables = _tables(source), _tables(target)
    missing = sorted(set(source_tables) - set(target_tables))
    if missing:
        raise CopyError(f"{target.url} has no table {', '.join(missing)}")
    filled = [name for name in ("sources", "articles") if _count(target, name)]
    if filled:
        raise CopyError(f"{target.url} is not empty (table {filled[0]} has rows); copy into a new store")
    # A store without articles holds at most the rows its migrations seeded (state and counter rows):
    # the source's own rows replace them.
    with target.transaction():
        for table in reversed(_in_dependency_order(source_tables)):
            target.execute(f"DELETE FROM {_quote(table.name)}")
    target.commit()
    report = CopyReport()
    for table in _in_dependency_order(source_tables):
        wanted = target_tables[table.name].columns
        columns = tuple(column for column in table.columns if column in wanted)
        insert = (f"INSERT INTO {_quote(table.name)}({', '.join(map(_quote, columns))})"
                  f" VALUES ({', '.join('?' * len(columns))})")
        copied = 0
        for chunk in _rows(source, table, columns):
            with target.transaction():
                target.executemany(insert, chunk)
                if table.name == "articles":
                    _index(target, columns, chunk)
            target.commit()
            copied += len(chunk)
            if on_progress is not None:
                on_progress(table.name, copied)
        report.tables[table.name] = copied
        identity = target_tables[table.name].identity
        if identity and target.dialect.name == "postgresql":
            # Keys were copied explicitly; the next row the target numbers itself must come after them.
            target.execute(f"SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max({_quote(identity)}), 0)"
                           f" + 1, false) FROM {_quote(table.name)}", (table.name, identity))
    _verify(source, target, report)
    return report


def _index(target: SqlStore, columns: tuple[str, ...], chunk: list[tuple[Any, ...]]) -> None:
    """Full-text index the copied articles where the backend keeps a separate index (SQLite)."""
    rid, title, text = columns.index("rid"), columns.index("title"), columns.index("text")
    for row in chunk:
        target.dialect.index_article(target, int(row[rid]), row[title], row[text])


def _verify(source: SqlStore, target: SqlStore, report: CopyReport) -> None:
    for table in report.tables:
        expected, found = _count(source, table), _count(target, table)
        if expected != found:
            raise CopyError(f"table {table}: {expected} rows in {source.url}, {found} in {target.url}")
    report.checksum = export_checksum(source)
    copied = export_checksum(target)
    if copied != report.checksum:
        raise CopyError(f"checksum of the copied articles and facts differs ({report.checksum[:12]} in "
                        f"{source.url}, {copied[:12]} in {target.url})")
