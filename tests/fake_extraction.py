"""A fast, deterministic stand-in for NLP extraction that worker processes (Dask, multiprocessing) can
import: capitalised words become entities, and the first of them holds a count and says a quote.

Its facts exercise every stored column (mentions, entity keys, booleans, floats) without spaCy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from nyhetsgraf.records import Article, Count, Entity, Event, Facts, Quote, TimeExpression

_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+\b")
DIE_ONCE = "NYHETSGRAF_TEST_DIE_ONCE"  # a file name: the first worker process to see it missing dies


def fake_facts(article: Article) -> Facts:
    base = article.span[0]
    entities: dict[str, Entity] = {}
    for match in _NAME.finditer(article.text):
        span = (base + match.start(), base + match.end())
        entities.setdefault(match.group(), Entity(match.group(), "MISC", [])).mentions.append(span)
    listed = list(entities.values())
    if not listed:
        return Facts()
    first = listed[0]
    span = first.mentions[0]
    return Facts(
        entities=listed,
        quotes=[Quote(first.name, first.name, len(article.text) % 2 == 0, span, speaker_key=0)],
        counts=[Count("OTHER", len(article.text) / 4, "about", "ord", first.name, None, span, holder_key=0)],
        events=[Event("CONSULT", first.name, first.name, None, None, article.date, False, span, actor_key=0)],
        times=[TimeExpression(first.name, article.date, span)],
    )


def fake_extract_batch(articles: Sequence[Article], config: Any = None) -> list[Facts]:
    return [fake_facts(article) for article in articles]


def dying_extract_batch(articles: Sequence[Article], config: Any = None) -> list[Facts]:
    """Kills its own worker process the first time it runs anywhere (a crashed machine), then works."""
    marker = os.environ.get(DIE_ONCE)
    if marker and not Path(marker).exists():
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        os._exit(1)
    return fake_extract_batch(articles, config)


class FakeExtractor:
    """``nyhetsgraf.extract.Extractor`` as the local pipeline uses it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        for article in articles:
            yield article, fake_facts(article)
