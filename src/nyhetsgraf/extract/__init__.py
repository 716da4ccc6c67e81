"""Fact extraction: entities, quotes, time expressions, counts and PLOVER events of articles.

    extractor = Extractor()
    facts = extractor.extract(article)            # one article
    for article, facts in extractor.pipe(articles):   # many, batched through nlp.pipe

Every span in the returned records is an absolute offset into the article's input text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from nyhetsgraf.extract.counts import find_counts
from nyhetsgraf.extract.entities import EntityIndex, find_entities
from nyhetsgraf.extract.events import find_events
from nyhetsgraf.extract.quotes import find_quotes
from nyhetsgraf.extract.times import find_times
from nyhetsgraf.records import Article, Facts

__all__ = ["EntityIndex", "Extractor", "find_entities"]

_log = logging.getLogger(__name__)


def _default_loader(language: str) -> Language:
    """The packaged pipeline for a language; bokmål when that language has no model of its own."""
    from nyhetsgraf.nlp import ModelMissing, load

    try:
        return load(language)
    except ModelMissing:
        if language == "nb":
            raise
        _log.warning("no %s model installed; using the bokmål model for %s articles", language, language)
        return load("nb")


class Extractor:
    """Runs the NLP pipeline of an article's language and every extractor over its Doc."""

    def __init__(self, load_nlp: Callable[[str], Language] | None = None) -> None:
        self._load_nlp = load_nlp or _default_loader
        self._models: dict[str, Language] = {}

    def nlp(self, language: str) -> Language:
        """The pipeline for a language, loaded on first use."""
        if language not in self._models:
            self._models[language] = self._load_nlp(language)
        return self._models[language]

    def extract(self, article: Article) -> Facts:
        doc = self.nlp(article.language)(article.text)
        return self.facts(doc, article)

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Facts]]:
        """Extract from many articles; each language's texts go through nlp.pipe together."""
        iterator = iter(articles)
        while chunk := list(islice(iterator, batch_size)):
            docs: dict[int, Doc] = {}
            by_language: dict[str, list[int]] = {}
            for position, article in enumerate(chunk):
                by_language.setdefault(article.language, []).append(position)
            for language, positions in by_language.items():
                nlp = self.nlp(language)
                texts = (chunk[p].text for p in positions)
                for position, doc in zip(positions, nlp.pipe(texts, batch_size=batch_size), strict=True):
                    docs[position] = doc
            for position, article in enumerate(chunk):
                yield article, self.facts(docs[position], article)

    def facts(self, doc: Doc, article: Article) -> Facts:
        """All facts of one parsed article, in dependency order."""
        entities = find_entities(doc, article)
        quotes = find_quotes(doc, article, entities)
        times = find_times(doc, article)
        counts = find_counts(doc, article, entities)
        events = find_events(doc, article, entities, times=times, quotes=quotes)
        return Facts(entities=entities.entities, quotes=quotes, counts=counts, events=events, times=times)
