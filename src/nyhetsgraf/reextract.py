"""Extract the facts of stored articles again: after ``ingest --no-nlp``, or after a model or lexicon
upgrade. Each article's stored facts are replaced in one transaction, with a record of what made them.

    with open_store("nyhetsgraf.db") as store:
        reextract(store, select="missing")      # or "all", "outdated", or ids=[...]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from nyhetsgraf.records import Article, Block, Document

if TYPE_CHECKING:
    from nyhetsgraf.extract import ExtractConfig
    from nyhetsgraf.store import SqlStore

Selection = Literal["all", "missing", "outdated"]
_COLUMNS = ("a.id, a.record, a.idx, a.span_start, a.span_end, a.title, a.date, a.url, a.author, a.language,"
            " a.text, a.headings, a.metadata, s.path, s.name")
_PAGE = 500


@dataclass(slots=True)
class ReextractSummary:
    """What a reextract run did so far (right even after an interruption)."""

    selected: int = 0
    done: int = 0
    not_norwegian: int = 0
    failed: int = 0  # extraction failed: the stored facts were kept and the article stays missing


def stored_article(row: dict) -> Article:
    """The Article a stored row came from: same id, same offsets into its input, blocks rebuilt."""
    start, end = int(row["span_start"]), int(row["span_end"])
    metadata = json.loads(row["metadata"] or "{}")
    document_format = metadata.pop("format", "text")
    if row["name"] is not None:
        metadata["source_name"] = row["name"]
    document = Document(source=row["path"], text=row["text"], format=document_format, date=row["date"],
                        title=row["title"], url=row["url"], author=row["author"], meta=metadata,
                        record=int(row["record"]), offset=start)
    headings = json.loads(row["headings"] or "[]")
    article = Article(document=document, index=int(row["idx"]), span=(start, end), title=row["title"],
                      headings=headings, blocks=_blocks(row["text"], start, row["title"], headings),
                      language=row["language"])
    if article.id != row["id"]:  # never write facts under an id that is not the stored one's
        raise ValueError(f"stored article {row['id']} cannot be rebuilt")
    return article


def _blocks(text: str, offset: int, title: str | None, headings: list[str]) -> list[Block]:
    """Title, heading and body blocks of a stored text, from its lines (as segmentation found them)."""
    blocks = []
    waiting = list(headings)
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            begin = position + line.index(stripped)
            role = "body"
            if not blocks and title is not None and stripped == title.strip():
                role = "title"
            elif waiting and stripped == waiting[0].strip():
                role = "heading"
                waiting.pop(0)
            blocks.append(Block(span=(offset + begin, offset + begin + len(stripped)), role=role))
        position += len(line) + 1
    return blocks


def _selected_ids(store: SqlStore, select: Selection,
                  current: Callable[[str], tuple[str | None, str]]) -> list[str]:
    """Ids of the articles to re-extract, read a page at a time before anything is rewritten."""
    selected: list[str] = []
    last = ""
    while True:
        page = store.query("SELECT id, language, facts_model, facts_lexicon, facts_at FROM articles"
                           " WHERE id > ? ORDER BY id LIMIT ?", (last, _PAGE))
        if not page:
            return selected
        for row in page:
            missing = row["facts_at"] is None
            outdated = (row["facts_model"], row["facts_lexicon"]) != current(row["language"])
            if select == "all" or missing or (select == "outdated" and outdated):
                selected.append(row["id"])
        last = page[-1]["id"]


def _articles(store: SqlStore, ids: Iterable[str]) -> Iterator[Article]:
    """The stored articles, one query each, so that only the ones being extracted are in memory."""
    for article_id in ids:
        row = store.query_one(f"SELECT {_COLUMNS} FROM articles a JOIN sources s"  # noqa: S608
                              " ON s.source_id = a.source_id WHERE a.id = ?", (article_id,))
        if row is not None:
            yield stored_article(row)


def reextract(store: SqlStore, *, ids: Iterable[str] | None = None, select: Selection = "missing",
              config: ExtractConfig | None = None, workers: int = 1, summary: ReextractSummary | None = None,
              on_progress: Callable[[ReextractSummary], None] | None = None) -> ReextractSummary:
    """Extract again, and replace, the facts of the selected stored articles.

    ``ids``: these articles (full ids); otherwise ``select``: "all", "missing" (never extracted, e.g.
    ingested with ``--no-nlp``) or "outdated" (also those extracted by another model or lexicon).
    """
    from nyhetsgraf.extract import Extractor
    from nyhetsgraf.extract.provenance import provenance
    from nyhetsgraf.ingest.language import is_norwegian

    summary = summary if summary is not None else ReextractSummary()

    def current(language: str) -> tuple[str | None, str]:
        made = provenance(language, config)
        return made.model, made.lexicon

    chosen = list(ids) if ids is not None else _selected_ids(store, select, current)
    summary.selected = len(chosen)
    articles = _articles(store, chosen)
    extractor = Extractor() if config is None else Extractor(config=config)
    for article, facts in extractor.pipe(articles, workers=workers):
        if facts.failure:
            summary.failed += 1
            continue
        made = provenance(article.language, config)
        store.replace_facts(article.id, facts, made.model, made.lexicon)
        summary.done += 1
        summary.not_norwegian += int(not is_norwegian(article.language))
        if on_progress is not None:
            on_progress(summary)
    store.commit()
    from nyhetsgraf.kb import update

    update(store)  # articles stored without NLP are linked now that they have facts
    return summary
