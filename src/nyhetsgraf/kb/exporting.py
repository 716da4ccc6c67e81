"""Writing the knowledge base out: the contract's JSON Lines, or one table per file (CSV, Parquet),
or a GKG-like tab-separated file of counts.

Tables (``--what`` picks among them): ``articles`` (id, source, index, date, title, story,
duplicate_of), ``entities`` (id, name, type, aliases, articles, mentions, first_date, last_date),
``mentions`` (entity, article, start, end), ``stories`` (id, title, first_date, last_date, articles),
``story_articles`` (story, article), ``series`` (id, category, holder, location, holder_name,
location_name, object, points, changes), ``series_points`` (series, position, date, value, bound,
object, article, start, end, change_from), ``quotes`` and ``events`` (the facts with the corpus
entity ids of their speaker, actor, target and location).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from nyhetsgraf.kb.storage import KbStore

TABLES = (
    "articles",
    "entities",
    "mentions",
    "stories",
    "story_articles",
    "series",
    "series_points",
    "quotes",
    "events",
)
_FACT_COLUMNS = {
    "quotes": [
        ("a.id", "article"),
        ("a.date", "date"),
        ("q.text", "text"),
        ("q.speaker", "speaker"),
        ("l.corpus_id", "speaker_entity"),
        ("q.direct", "direct"),
        ("q.start", "start"),
        ('q."end"', "end"),
    ],
    "events": [
        ("a.id", "article"),
        ("coalesce(v.date, a.date)", "date"),
        ("v.type", "type"),
        ("v.trigger", "trigger"),
        ("v.actor", "actor"),
        ("la.corpus_id", "actor_entity"),
        ("v.target", "target"),
        ("lt.corpus_id", "target_entity"),
        ("v.location", "location"),
        ("ll.corpus_id", "location_entity"),
        ("v.negated", "negated"),
        ("v.start", "start"),
        ('v."end"', "end"),
    ],
}
_FACT_FROM = {
    "quotes": " FROM quotes q JOIN articles a ON a.rid = q.article_rid"
    " LEFT JOIN kb_entity_links l ON l.entity_id = q.speaker_entity ORDER BY a.rid, q.start",
    "events": " FROM events v JOIN articles a ON a.rid = v.article_rid"
    " LEFT JOIN kb_entity_links la ON la.entity_id = v.actor_entity"
    " LEFT JOIN kb_entity_links lt ON lt.entity_id = v.target_entity"
    " LEFT JOIN kb_entity_links ll ON ll.entity_id = v.location_entity ORDER BY a.rid, v.start",
}
RECORD_KINDS = {"articles": "article", "entities": "entity", "stories": "story", "series": "series"}
FORMATS = ("jsonl", "csv", "parquet", "gkg")
GKG_COLUMNS = (
    "DATE",
    "ARTICLE_ID",
    "SOURCE",
    "CATEGORY",
    "VALUE",
    "BOUND",
    "OBJECT",
    "HOLDER_ID",
    "HOLDER",
    "LOCATION_ID",
    "LOCATION",
    "SERIES_ID",
    "CHANGE_FROM",
    "START",
    "END",
)


class ExportError(ValueError):
    """A usage problem with an export (unknown format or table, output not writable)."""


def _tables(what: set[str] | None) -> list[str]:
    chosen = list(TABLES) if not what else [t for t in TABLES if t in what]
    unknown = (what or set()) - set(TABLES) - {"counts"}
    if unknown:
        raise ExportError(f"unknown table(s) {', '.join(sorted(unknown))}: choose from {', '.join(TABLES)}")
    return chosen


def table_rows(store: KbStore, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    """Column names and rows of one exported table."""
    from nyhetsgraf.kb.api import export_records, series

    if table == "articles":
        cols = ["id", "source", "index", "date", "title", "story", "duplicate_of"]
        return cols, ([r[c] for c in cols] for r in export_records(store, {"article"}))
    if table in ("entities", "mentions"):
        records = export_records(store, {"entity"})
        if table == "entities":
            cols = ["id", "name", "type", "aliases", "articles", "mentions", "first_date", "last_date"]
            return cols, (
                [
                    r["id"],
                    r["name"],
                    r["type"],
                    "|".join(r["aliases"]),
                    r["articles"],
                    len(r["mentions"]),
                    r["first_date"],
                    r["last_date"],
                ]
                for r in records
            )
        return ["entity", "article", "start", "end"], (
            [r["id"], m["article"], m["span"][0], m["span"][1]] for r in records for m in r["mentions"]
        )
    if table in ("stories", "story_articles"):
        records = export_records(store, {"story"})
        if table == "stories":
            return ["id", "title", "first_date", "last_date", "articles", "entities"], (
                [
                    r["id"],
                    r["title"],
                    r["first_date"],
                    r["last_date"],
                    len(r["articles"]),
                    "|".join(r["entities"]),
                ]
                for r in records
            )
        return ["story", "article"], ([r["id"], a] for r in records for a in r["articles"])
    if table in _FACT_COLUMNS:
        pairs = _FACT_COLUMNS[table]
        select = ", ".join(f"{expr} AS c{i}" for i, (expr, _) in enumerate(pairs))
        rows = store.query("SELECT " + select + _FACT_FROM[table])
        flags = {i for i, (_, name) in enumerate(pairs) if name in ("direct", "negated")}
        return [name for _, name in pairs], (
            [bool(r[f"c{i}"]) if i in flags else r[f"c{i}"] for i in range(len(pairs))] for r in rows
        )
    everything = series(store, min_points=1, limit=None)
    if table == "series":
        return [
            "id",
            "category",
            "holder",
            "location",
            "holder_name",
            "location_name",
            "object",
            "points",
            "changes",
        ], (
            [
                s.id,
                s.category,
                s.holder,
                s.location,
                s.holder_name,
                s.location_name,
                s.object,
                len(s.points),
                len(s.changes),
            ]
            for s in everything
        )
    return [
        "series",
        "position",
        "date",
        "value",
        "bound",
        "object",
        "article",
        "start",
        "end",
        "change_from",
    ], (row for s in everything for row in _point_rows(s))


def _point_rows(s: Any) -> Iterator[list[Any]]:
    changes = {(c.article, c.to_value): c.from_value for c in s.changes}
    for i, p in enumerate(s.points):
        yield [
            s.id,
            i,
            p.date,
            p.value,
            p.bound,
            p.object,
            p.article,
            p.span[0],
            p.span[1],
            changes.get((p.article, p.value)),
        ]


def write(store: KbStore, format: str, what: set[str] | None = None, output: Any = None) -> list[Path] | int:
    """Write one export; jsonl returns the number of records, the others the files written."""
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}: choose from {', '.join(FORMATS)}")
    if format == "jsonl":
        kinds = None
        if what:
            _tables(what)
            kinds = {RECORD_KINDS[t] for t in what if t in RECORD_KINDS}
        from nyhetsgraf.kb.api import export_records

        return write_jsonl(export_records(store, kinds), output if output is not None else sys.stdout)
    folder = Path(output) if output is not None else Path(".")
    if format == "gkg":
        target = folder / "counts.tsv" if folder.is_dir() or not folder.suffix else folder
        target.parent.mkdir(parents=True, exist_ok=True)
        write_gkg(store, target)
        return [target]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in _tables(what):
        columns, rows = table_rows(store, table)
        path = folder / f"{table}.{format}"
        if format == "csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(rows)
        else:
            _write_parquet(path, columns, rows)
        written.append(path)
    return written


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    stream.flush()
    return n


def _write_parquet(path: Path, columns: list[str], rows: Iterable[list[Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows)
    table = pa.table({c: [r[i] for r in data] for i, c in enumerate(columns)})
    pq.write_table(table, path)


def write_gkg(store: KbStore, path: Path) -> None:
    """Counts as a GDELT GKG-like table: one line per count, with its series and corpus entities."""
    from nyhetsgraf.kb.api import series

    sources = {
        r["id"]: r["path"]
        for r in store.query(
            "SELECT a.id, s.path FROM articles a JOIN sources s ON s.source_id = a.source_id"
            " WHERE a.rid IN (SELECT article_rid FROM counts)"
        )
    }
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(GKG_COLUMNS) + "\n")
        for s in series(store, min_points=1, limit=None):
            changes = {(c.article, c.to_value): c.from_value for c in s.changes}
            for p in s.points:
                values = [
                    p.date or "",
                    p.article,
                    sources.get(p.article, ""),
                    s.category,
                    p.value,
                    p.bound,
                    p.object,
                    s.holder or "",
                    s.holder_name or "",
                    s.location or "",
                    s.location_name or "",
                    s.id,
                    changes.get((p.article, p.value), ""),
                    p.span[0],
                    p.span[1],
                ]
                handle.write("\t".join(_tsv(v) for v in values) + "\n")


def _tsv(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())
