"""The write API's work: read a posted article like a JSON record, extract its facts, store it."""

from __future__ import annotations

import json
from typing import Any

from nyhetsgraf import kb
from nyhetsgraf.ingest import segment
from nyhetsgraf.ingest.readers import read_bytes
from nyhetsgraf.pipeline import extract_articles
from nyhetsgraf.records import article_object
from nyhetsgraf.web.data import BadRequest
from nyhetsgraf.web.db import Database

SOURCE = "api"


def store_article(db: Database, record: dict[str, Any]) -> dict[str, Any]:
    """Contract objects of the articles in ``record`` (text, title, date, url, source), stored."""
    problems: list[str] = []
    body = json.dumps({key: value for key, value in record.items() if value is not None}, ensure_ascii=False)
    documents = list(read_bytes(SOURCE, body.encode("utf-8"),
                                lambda message, _fatal: problems.append(str(message))))
    articles = [article for document in documents for article in segment(document)]
    if not articles:
        raise BadRequest("no article text found" + (f": {problems[0]}" if problems else ""))
    results = []
    with db.writer() as store:
        for article, facts in extract_articles(articles):
            added = store.add(article, facts)
            results.append({**article_object(article, facts), "stored": added})
        store.commit()
        if any(result["stored"] for result in results):
            kb.update(store)  # link the new articles to entities, stories and series, as ingest does
    return {"articles": results}
