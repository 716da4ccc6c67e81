"""Fact extraction: entities, quotes, time expressions, counts and PLOVER events of articles.

    extractor = Extractor()
    facts = extractor.extract(article)            # one article
    for article, facts in extractor.pipe(articles):   # many, batched through nlp.pipe

Every span in the returned records is an absolute offset into the article's input text.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from nyhetsgraf.extract.counts import find_counts
from nyhetsgraf.extract.entities import EntityIndex, find_entities
from nyhetsgraf.extract.events import find_events
from nyhetsgraf.extract.quotes import find_quotes
from nyhetsgraf.extract.times import find_times
from nyhetsgraf.records import Article, Facts, link_entity_keys

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

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        """Extract from many articles, in input order; each language's texts go through nlp.pipe
        together. With ``workers`` > 1, chunks of ``batch_size`` articles are extracted in that
        many forked processes (Linux and macOS), each loading the models once."""
        chunks: Iterable[list[Article]] = minibatch(articles, size=batch_size)
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for chunk in chunks:
                yield from zip(chunk, self._chunk_facts(chunk), strict=True)
            return
        yield from self._pipe_in_processes(chunks, workers)

    def _chunk_facts(self, chunk: list[Article]) -> list[Facts]:
        docs: dict[int, Doc] = {}
        by_language: dict[str, list[int]] = {}
        for position, article in enumerate(chunk):
            by_language.setdefault(article.language, []).append(position)
        for language, positions in by_language.items():
            nlp = self.nlp(language)
            texts = (chunk[p].text for p in positions)
            for position, doc in zip(positions, nlp.pipe(texts, batch_size=len(chunk)), strict=True):
                docs[position] = doc
        return [self.facts(docs[position], article) for position, article in enumerate(chunk)]

    def _pipe_in_processes(self, chunks: Iterable[list[Article]],
                           workers: int) -> Iterator[tuple[Article, Facts]]:
        global _worker_extractor
        _worker_extractor = self  # inherited by the forked workers: only articles and facts are pickled
        # At most two chunks per worker in flight, so a huge input is never read ahead into memory.
        in_flight: deque[tuple[list[Article], AsyncResult[list[Facts]]]] = deque()
        with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts) as pool:
            for chunk in chunks:
                in_flight.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
                if len(in_flight) >= 2 * workers:
                    done, result = in_flight.popleft()
                    yield from zip(done, result.get(), strict=True)
            while in_flight:
                done, result = in_flight.popleft()
                yield from zip(done, result.get(), strict=True)

    def facts(self, doc: Doc, article: Article) -> Facts:
        """All facts of one parsed article, in dependency order."""
        entities = find_entities(doc, article)
        quotes = find_quotes(doc, article, entities)
        times = find_times(doc, article)
        counts = find_counts(doc, article, entities)
        events = find_events(doc, article, entities, times=times, quotes=quotes)
        facts = Facts(entities=entities.entities, quotes=quotes, counts=counts, events=events, times=times)
        return link_entity_keys(facts)


_worker_extractor: Extractor | None = None


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group; only the parent handles it (and stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(chunk: list[Article]) -> list[Facts]:
    assert _worker_extractor is not None, "worker started without an extractor"
    return _worker_extractor._chunk_facts(chunk)
