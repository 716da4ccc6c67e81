"""The knowledge base's public functions: each takes a store and returns typed records.

Readers run ``update`` first when articles are pending, so what they return always reflects every
stored article (the contract's rule for ``export``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from nyhetsgraf.kb.names import fold
from nyhetsgraf.kb.records import (
    ArticleRef,
    CorpusEntity,
    EntityDetail,
    EventRef,
    QuoteRef,
    Series,
    Story,
    UpdateSummary,
)
from nyhetsgraf.kb.series import CountFact, build_series
from nyhetsgraf.kb.storage import KbStore, link_pending, pending_count, query_in

MAIN_ENTITIES = 8  # entities listed for a story


def update(store: KbStore) -> UpdateSummary:
    """Link every article stored since the last update (entities, stories, duplicates, count dates)."""
    return link_pending(store)


def pending(store: KbStore) -> int:
    """How many stored articles the knowledge base has not linked yet."""
    return pending_count(store)


def _ensure_current(store: KbStore) -> None:
    if getattr(store, "read_only", False):
        return
    if pending_count(store):
        link_pending(store)


# -- entities --------------------------------------------------------------------------------------


def _entity(row: dict[str, Any]) -> CorpusEntity:
    return CorpusEntity(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        aliases=tuple(json.loads(row["aliases"])),
        articles=int(row["articles"]),
        mentions=int(row["mentions"]),
        first_date=row["first_date"],
        last_date=row["last_date"],
    )


_ENTITY_COLUMNS = "e.id, e.name, e.type, e.aliases, e.articles, e.mentions, e.first_date, e.last_date"


def entity_filter(type: str | None, search: str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``kb_entities e`` (and their parameters): a NorNE type (``GPE`` matches every
    GPE_*), part of a name or of an alias (case-insensitive). Shared by ``entities`` and the web app."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        if type.upper() == "GPE":
            where.append("e.type IN ('GPE', 'GPE_LOC', 'GPE_ORG')")
        else:
            where.append("e.type = ?")
            params.append(type.upper())
    if search:
        pattern = "%" + fold(search).replace("%", "").replace("_", "") + "%"
        where.append("(e.folded LIKE ? OR e.id IN (SELECT entity FROM kb_aliases WHERE folded LIKE ?))")
        params += [pattern, pattern]
    return where, params


def entities(
    store: KbStore, type: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0
) -> list[CorpusEntity]:
    """Corpus entities, most named first; ``type`` a NorNE type (``GPE`` matches every GPE_*),
    ``search`` a part of the name or of an alias (case-insensitive)."""
    _ensure_current(store)
    where, params = entity_filter(type, search)
    sql = f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.articles DESC, e.mentions DESC, e.name, e.id LIMIT ? OFFSET ?"
    return [_entity(r) for r in store.query(sql, [*params, limit, offset])]


def find_entities(store: KbStore, id_or_name: str, limit: int = 10) -> list[CorpusEntity]:
    """Corpus entities with this id, else this name, else this alias, else whose name contains it;
    the most named first."""
    _ensure_current(store)
    rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e WHERE e.id = ?", (id_or_name,))
    folded = fold(id_or_name)
    order = " ORDER BY e.articles DESC, e.mentions DESC, e.id LIMIT ?"
    if not rows:
        rows = store.query(
            f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e WHERE e.folded = ?" + order, (folded, limit)
        )
    if not rows:
        rows = store.query(
            f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e WHERE e.id IN"
            " (SELECT entity FROM kb_aliases WHERE folded = ?)" + order,
            (folded, limit),
        )
    if not rows and len(folded) >= 2:
        rows = store.query(
            f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e WHERE e.folded LIKE ?" + order,
            ("%" + folded.replace("%", "").replace("_", "") + "%", limit),
        )
    return [_entity(r) for r in rows]


def find_entity(store: KbStore, id_or_name: str) -> CorpusEntity | None:
    """The best of ``find_entities``: the most named entity of that id, name or alias."""
    found = find_entities(store, id_or_name, limit=1)
    return found[0] if found else None


def entity(store: KbStore, id_or_name: str, limit: int = 200) -> EntityDetail | None:
    """One corpus entity with its articles over time, quotes by and about it, events where it is actor
    or target, and the entities named in the same articles: all of it from its latest ``limit``
    articles (in date order), so that a query on "Norge" costs what one on a rare name costs."""
    found = find_entity(store, id_or_name)
    if found is None:
        return None
    cid = found.id
    recent = [
        int(r["rid"])
        for r in store.query(
            "SELECT DISTINCT a.rid, a.date FROM kb_entity_links l JOIN articles a ON a.rid = l.article_rid"
            " WHERE l.corpus_id = ? ORDER BY a.date DESC, a.rid DESC LIMIT ?",
            (cid, limit),
        )
    ]
    in_recent = ",".join("?" * len(recent)) or "NULL"
    articles = [
        ArticleRef(
            r["id"],
            r["date"],
            r["title"],
            r["path"],
            int(r["idx"]),
            r["story"],
            r["duplicate_id"],
            int(r["n"]),
        )
        for r in store.query(
            "SELECT a.id, a.date, a.title, s.path, a.idx, k.story, d.id AS duplicate_id,"
            " sum(l.mentions) AS n FROM kb_entity_links l JOIN articles a ON a.rid = l.article_rid"
            " JOIN sources s ON s.source_id = a.source_id JOIN kb_articles k ON k.article_rid = a.rid"
            " LEFT JOIN articles d ON d.rid = k.duplicate_of"
            f" WHERE l.corpus_id = ? AND a.rid IN ({in_recent})"
            " GROUP BY a.id, a.date, a.title, s.path, a.idx, k.story, d.id ORDER BY a.date, a.id",
            (cid, *recent),
        )
    ]
    quotes_by = [
        _quote(r)
        for r in store.query(
            "SELECT a.id AS article, a.date, q.text, q.speaker, l.corpus_id AS speaker_id, q.direct, q.start,"
            ' q."end" FROM quotes q JOIN kb_entity_links l ON l.entity_id = q.speaker_entity'
            f" JOIN articles a ON a.rid = q.article_rid WHERE l.corpus_id = ? AND a.rid IN ({in_recent})"
            " ORDER BY a.date, a.id, q.start",
            (cid, *recent),
        )
    ]
    quotes_about = [
        _quote(r)
        for r in store.query(
            "SELECT DISTINCT a.id AS article, a.date, q.text, q.speaker, sl.corpus_id AS speaker_id,"
            ' q.direct, q.start, q."end" FROM kb_entity_links l JOIN mentions m ON m.entity_id = l.entity_id'
            ' JOIN quotes q ON q.article_rid = l.article_rid AND q.start <= m.start AND m."end" <= q."end"'
            " JOIN articles a ON a.rid = q.article_rid"
            " LEFT JOIN kb_entity_links sl ON sl.entity_id = q.speaker_entity"
            f" WHERE l.corpus_id = ? AND l.article_rid IN ({in_recent})"
            " AND (sl.corpus_id IS NULL OR sl.corpus_id <> ?) ORDER BY a.date, a.id, q.start",
            (cid, *recent, cid),
        )
    ]
    event_sql = (
        "SELECT a.id AS article, a.date AS article_date, v.date, v.type, v.trigger, v.actor,"
        " la.corpus_id AS actor_id, v.target, lt.corpus_id AS target_id, v.negated, v.start,"
        ' v."end" FROM events v JOIN articles a ON a.rid = v.article_rid'
        " LEFT JOIN kb_entity_links la ON la.entity_id = v.actor_entity"
        " LEFT JOIN kb_entity_links lt ON lt.entity_id = v.target_entity"
        f" WHERE {{role}}.corpus_id = ? AND a.rid IN ({in_recent}) ORDER BY a.date, a.id, v.start"
    )
    as_actor = [_event(r) for r in store.query(event_sql.replace("{role}", "la"), (cid, *recent))]
    as_target = [_event(r) for r in store.query(event_sql.replace("{role}", "lt"), (cid, *recent))]
    co_rows = store.query(
        "SELECT l2.corpus_id, count(DISTINCT l2.article_rid) AS n FROM kb_entity_links l2"
        f" WHERE l2.article_rid IN ({in_recent}) AND l2.corpus_id <> ? GROUP BY l2.corpus_id"
        " ORDER BY count(DISTINCT l2.article_rid) DESC, l2.corpus_id LIMIT 15",
        (*recent, cid),
    )
    by_id = _entities_by_id(store, [r["corpus_id"] for r in co_rows])
    cooccurring = [(by_id[r["corpus_id"]], int(r["n"])) for r in co_rows if r["corpus_id"] in by_id]
    return EntityDetail(found, articles, quotes_by, quotes_about, as_actor, as_target, cooccurring)


def _entities_by_id(store: KbStore, ids: list[str]) -> dict[str, CorpusEntity]:
    return {
        r["id"]: _entity(r)
        for r in query_in(store, f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e WHERE e.id IN ({{in}})", ids)
    }


def _quote(r: dict[str, Any]) -> QuoteRef:
    return QuoteRef(
        r["article"],
        r["date"],
        r["text"],
        r["speaker"],
        r["speaker_id"],
        bool(r["direct"]),
        (int(r["start"]), int(r["end"])),
    )


def _event(r: dict[str, Any]) -> EventRef:
    return EventRef(
        r["article"],
        r["date"] or r["article_date"],
        r["type"],
        r["trigger"],
        r["actor"],
        r["actor_id"],
        r["target"],
        r["target_id"],
        bool(r["negated"]),
        (int(r["start"]), int(r["end"])),
    )


# -- stories ---------------------------------------------------------------------------------------


def stories(
    store: KbStore, limit: int = 50, offset: int = 0, min_articles: int = 1, entity_id: str | None = None
) -> list[Story]:
    """Stories, largest and latest first; ``entity_id``: only stories naming that corpus entity."""
    _ensure_current(store)
    sql = "SELECT id, title, first_date, last_date, articles FROM kb_stories WHERE articles >= ?"
    params: list[Any] = [min_articles]
    if entity_id:
        sql += (
            " AND id IN (SELECT k.story FROM kb_entity_links l JOIN kb_articles k"
            " ON k.article_rid = l.article_rid WHERE l.corpus_id = ?)"
        )
        params.append(entity_id)
    sql += " ORDER BY articles DESC, last_date DESC, id LIMIT ? OFFSET ?"
    rows = store.query(sql, [*params, limit, offset])
    return _stories(store, rows)


def story(store: KbStore, story_id: str) -> Story | None:
    """One story with its articles in date order and its main entities; an article id finds its story."""
    _ensure_current(store)
    rows = store.query(
        "SELECT id, title, first_date, last_date, articles FROM kb_stories WHERE id = ?", (story_id,)
    )
    if not rows:
        rows = store.query(
            "SELECT s.id, s.title, s.first_date, s.last_date, s.articles FROM kb_stories s"
            " JOIN kb_articles k ON k.story = s.id JOIN articles a ON a.rid = k.article_rid"
            " WHERE a.id = ?",
            (story_id,),
        )
    result = _stories(store, rows)
    return result[0] if result else None


def _stories(store: KbStore, rows: list[dict[str, Any]]) -> list[Story]:
    ids = [r["id"] for r in rows]
    members: dict[str, list[ArticleRef]] = defaultdict(list)
    for r in query_in(
        store,
        "SELECT k.story, a.id, a.date, a.title, s.path, a.idx, d.id AS duplicate_id,"
        " k.day_number FROM kb_articles k JOIN articles a ON a.rid = k.article_rid"
        " JOIN sources s ON s.source_id = a.source_id"
        " LEFT JOIN articles d ON d.rid = k.duplicate_of WHERE k.story IN ({in})",
        ids,
    ):
        members[r["story"]].append(
            ArticleRef(
                r["id"], r["date"], r["title"], r["path"], int(r["idx"]), r["story"], r["duplicate_id"]
            )
        )
    counted: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in query_in(
        store,
        "SELECT k.story, l.corpus_id, count(DISTINCT l.article_rid) AS n FROM kb_articles k"
        " JOIN kb_entity_links l ON l.article_rid = k.article_rid"
        " WHERE k.story IN ({in}) GROUP BY k.story, l.corpus_id",
        ids,
    ):
        counted[r["story"]].append((r["corpus_id"], int(r["n"])))
    main = {
        sid: [cid for cid, _ in sorted(pairs, key=lambda p: (-p[1], p[0]))[:MAIN_ENTITIES]]
        for sid, pairs in counted.items()
    }
    by_id = _entities_by_id(store, [cid for cids in main.values() for cid in cids])
    result = []
    for r in rows:
        articles = sorted(members.get(r["id"], []), key=lambda a: (a.date or "", a.id))
        result.append(
            Story(
                r["id"],
                r["title"] or "",
                articles,
                r["first_date"],
                r["last_date"],
                [by_id[c] for c in main.get(r["id"], []) if c in by_id],
            )
        )
    return result


# -- series ----------------------------------------------------------------------------------------


def series(
    store: KbStore,
    category: str | None = None,
    holder: str | None = None,
    location: str | None = None,
    min_points: int = 2,
    limit: int | None = 100,
) -> list[Series]:
    """Fact series, longest first. ``holder`` / ``location``: a corpus entity id or name."""
    _ensure_current(store)
    where, params = [], []
    if category:
        where.append("c.category = ?")
        params.append(category.upper())
    for role, value in (("lh", holder), ("ll", location)):
        if value:
            found = find_entity(store, value)
            if found is None:
                return []
            where.append(f"{role}.corpus_id = ?")
            params.append(found.id)
    facts = _count_facts(store, " AND ".join(where), params)
    names = {
        r["id"]: r["name"]
        for r in query_in(
            store,
            "SELECT id, name FROM kb_entities WHERE id IN ({in})",
            {x for f in facts for x in (f.holder, f.location) if x},
        )
    }
    result = build_series(facts, names, min_points=min_points)
    return result[:limit] if limit is not None else result


def _count_facts(store: KbStore, where: str, params: list[Any]) -> list[CountFact]:
    sql = (
        "SELECT a.id, a.date AS article_date, a.rid, c.category, c.value, c.bound, c.object, c.holder,"
        ' c.location, c.start, c."end", lh.corpus_id AS holder_id, ll.corpus_id AS location_id,'
        " d.date AS point_date, k.story FROM counts c JOIN articles a ON a.rid = c.article_rid"
        " LEFT JOIN kb_articles k ON k.article_rid = c.article_rid"
        " LEFT JOIN kb_entity_links lh ON lh.entity_id = c.holder_entity"
        " LEFT JOIN kb_entity_links ll ON ll.entity_id = c.location_entity"
        " LEFT JOIN kb_count_dates d ON d.count_id = c.count_id"
    )
    if where:
        sql += " WHERE " + where
    return [
        CountFact(
            r["id"],
            r["article_date"],
            int(r["rid"]),
            r["category"],
            float(r["value"]),
            r["bound"],
            r["object"],
            r["holder_id"] or None,
            r["holder"],
            r["location_id"] or None,
            r["location"],
            (int(r["start"]), int(r["end"])),
            r["point_date"] or r["article_date"],
            r["story"],
        )
        for r in store.query(sql, params)
    ]


# -- export ----------------------------------------------------------------------------------------


def export_records(store: KbStore, what: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """The knowledge base as contract records (``kind`` article, entity, story, series), streamed."""
    _ensure_current(store)
    wanted = what or {"article", "entity", "story", "series"}
    if "article" in wanted:
        for r in store.query(
            "SELECT a.id, s.path, a.idx, a.date, a.title, k.story, d.id AS duplicate_id"
            " FROM articles a JOIN sources s ON s.source_id = a.source_id"
            " JOIN kb_articles k ON k.article_rid = a.rid"
            " LEFT JOIN articles d ON d.rid = k.duplicate_of ORDER BY a.rid"
        ):
            yield {
                "kind": "article",
                "id": r["id"],
                "source": r["path"],
                "index": int(r["idx"]),
                "date": r["date"],
                "title": r["title"],
                "story": r["story"],
                "duplicate_of": r["duplicate_id"],
            }
    if "entity" in wanted:
        mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in store.query(
            'SELECT l.corpus_id, a.id, m.start, m."end" FROM kb_entity_links l'
            " JOIN mentions m ON m.entity_id = l.entity_id"
            " JOIN articles a ON a.rid = l.article_rid ORDER BY l.corpus_id, a.rid, m.start"
        ):
            mentions[r["corpus_id"]].append({"article": r["id"], "span": [int(r["start"]), int(r["end"])]})
        for r in store.query(f"SELECT {_ENTITY_COLUMNS} FROM kb_entities e ORDER BY e.id"):
            e = _entity(r)
            yield {
                "kind": "entity",
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": mentions.get(e.id, []),
                "articles": e.articles,
                "first_date": e.first_date,
                "last_date": e.last_date,
            }
    if "story" in wanted:
        rows = store.query("SELECT id, title, first_date, last_date, articles FROM kb_stories ORDER BY id")
        for start in range(0, len(rows), 500):
            for s in _stories(store, rows[start : start + 500]):
                yield {
                    "kind": "story",
                    "id": s.id,
                    "title": s.title,
                    "articles": [a.id for a in s.articles],
                    "first_date": s.first_date,
                    "last_date": s.last_date,
                    "entities": [e.id for e in s.entities],
                }
    if "series" in wanted:
        for s in series(store, min_points=1, limit=None):
            yield {"kind": "series", **s.to_json()}


def export(store: KbStore, format: str = "jsonl", what: set[str] | None = None, output: Any = None) -> Any:
    """Write the knowledge base: ``jsonl`` (the contract, to a text stream), ``csv``, ``parquet`` or
    ``gkg`` (files in the folder ``output``; see ``nyhetsgraf.kb.exporting``)."""
    from nyhetsgraf.kb import exporting

    return exporting.write(store, format, what, output)
