"""Fact extraction: entities, quotes, time expressions, counts and PLOVER events of articles.

    extractor = Extractor()
    facts = extractor.extract(article)                # one article
    for article, facts in extractor.pipe(articles):   # many, batched through nlp.pipe
    facts_list = extract_batch(articles, ExtractConfig(skip=frozenset({"events"})))   # pure, per process

Every span in the returned records is an absolute offset into the article's input text. The finders
and their order are declared in ``nyhetsgraf.extract.components``.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing.pool import AsyncResult
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from nyhetsgraf.extract.components import (
    DEFAULT_FINDERS,
    FINDERS,
    ConfigError,
    ExtractConfig,
    Finder,
    register_finder,
    run_finders,
)
from nyhetsgraf.extract.entities import EntityIndex, find_entities
from nyhetsgraf.ingest.language import is_norwegian
from nyhetsgraf.nlp import long_text
from nyhetsgraf.records import Article, Facts

__all__ = ["DEFAULT_FINDERS", "FINDERS", "ConfigError", "EntityIndex", "ExtractConfig", "Extractor", "Finder",
           "extract_batch", "find_entities", "register_finder"]

_log = logging.getLogger(__name__)

ModelLoader = Callable[[str], Language]


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


def folder_loader(folder: str | Path) -> ModelLoader:
    """Pipelines from ``folder/<language>`` (``nb``, ``nn``), bokmål for a language without a folder."""
    import spacy

    def load(language: str) -> Language:
        path = Path(folder) / language
        return spacy.load(path if path.is_dir() else Path(folder) / "nb")

    return load


class Extractor:
    """Runs the NLP pipeline of an article's language and the configured finders over its Doc."""

    def __init__(self, load_nlp: ModelLoader | None = None, config: ExtractConfig | None = None) -> None:
        self.config = config or ExtractConfig()
        self._plan = self.config.plan()
        self._custom_loader = load_nlp is not None
        if load_nlp is None:
            load_nlp = folder_loader(self.config.models) if self.config.models else _default_loader
        self._load_nlp = load_nlp
        self._models: dict[str, Language] = {}

    def nlp(self, language: str) -> Language:
        """The pipeline for a language, loaded on first use."""
        if language not in self._models:
            self._models[language] = self._load_nlp(language)
            _freeze_long_lived()
        return self._models[language]

    def extract(self, article: Article) -> Facts:
        doc = self.nlp(article.language)(article.text)
        return self.facts(doc, article)

    def facts(self, doc: Doc, article: Article) -> Facts:
        """All facts of one parsed article, from the configured finders in order."""
        return run_finders(self._plan, doc, article)

    def batch(self, articles: Sequence[Article]) -> list[Facts]:
        """The facts of each article, in order; each language's texts go through nlp.pipe together.

        An article that is not Norwegian gets no facts (no model here reads it). A text longer than
        the pipeline's limit is parsed in pieces (``nlp.long_text``). An article whose parse or
        extraction fails gets no facts and one logged line; the other articles are not affected.
        """
        results = [Facts() for _ in articles]
        by_language: dict[str, list[int]] = {}
        for position, article in enumerate(articles):
            if is_norwegian(article.language):
                by_language.setdefault(article.language, []).append(position)
        for language, positions in by_language.items():
            nlp = self.nlp(language)
            parsed = _parse_each([articles[p] for p in positions], nlp)
            for position, doc in zip(positions, parsed, strict=True):
                if doc is None:
                    results[position].failure = "parsing failed"
                    continue
                try:
                    results[position] = self.facts(doc, articles[position])
                except Exception as error:  # one article's bug must not cost the others their facts
                    _log_failure(articles[position], "extraction", error)
                    results[position] = Facts(failure=f"extraction failed: {type(error).__name__}")
                finally:
                    release(doc)
        return results

    def pipe(self, articles: Iterable[Article], batch_size: int = 32,
             workers: int = 1) -> Iterator[tuple[Article, Facts]]:
        """Extract from many articles, in input order. In one process, batches of ``batch_size``
        articles of one language each; with ``workers`` > 1, chunks of ``batch_size`` articles are
        extracted in that many processes, each loading the models once."""
        if workers <= 1:
            yield from self._pipe_by_language(articles, batch_size)
            return
        yield from self._pipe_in_processes(minibatch(articles, size=batch_size), workers)

    def _pipe_by_language(self, articles: Iterable[Article],
                          batch_size: int) -> Iterator[tuple[Article, Facts]]:
        """``pipe`` in this process. A chunk of mixed bokmål and nynorsk would hand each model a few
        texts at a time, and the networks run less efficiently on small batches (with one article
        in six in nynorsk, about a tenth more CPU time for the same articles); so each language fills
        batches of its own. At most ``_READ_AHEAD`` batches of articles wait for a rarer
        language's batch to fill, so memory stays bounded; the results come in input order."""
        pending: deque[_Pending] = deque()
        waiting: dict[str, list[_Pending]] = {}
        for article in articles:
            entry = _Pending(article)
            pending.append(entry)
            batch = waiting.setdefault(article.language, [])
            batch.append(entry)
            if len(batch) >= batch_size:
                self._extract_waiting(waiting.pop(article.language))
            elif len(pending) >= batch_size * _READ_AHEAD and pending[0].facts is None:
                self._extract_waiting(waiting.pop(pending[0].article.language))
            while pending and pending[0].facts is not None:
                done = pending.popleft()
                yield done.article, done.facts
        for batch in waiting.values():
            self._extract_waiting(batch)
        for done in pending:
            assert done.facts is not None
            yield done.article, done.facts

    def _extract_waiting(self, batch: list[_Pending]) -> None:
        for entry, facts in zip(batch, self.batch([entry.article for entry in batch]), strict=True):
            entry.facts = facts

    def _pipe_in_processes(self, chunks: Iterable[list[Article]],
                           workers: int) -> Iterator[tuple[Article, Facts]]:
        if self._custom_loader:
            # A loader is code, not data: only a forked worker can inherit it.
            if "fork" not in multiprocessing.get_all_start_methods():
                raise ConfigError("a custom model loader can run in worker processes only where fork exists")
            global _forked_extractor
            _forked_extractor = self
            context = multiprocessing.get_context("fork")
            task: Callable[..., list[Facts]] = _extract_with_forked
            extra: tuple = ()
        else:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            task, extra = extract_batch, (self.config,)
        # At most two chunks per worker in flight, so a huge input is never read ahead into memory.
        in_flight: deque[tuple[list[Article], AsyncResult[list[Facts]]]] = deque()
        with context.Pool(workers, initializer=_ignore_interrupts) as pool:
            for chunk in chunks:
                in_flight.append((chunk, pool.apply_async(task, (chunk, *extra))))
                if len(in_flight) >= 2 * workers:
                    done, result = in_flight.popleft()
                    yield from zip(done, result.get(), strict=True)
            while in_flight:
                done, result = in_flight.popleft()
                yield from zip(done, result.get(), strict=True)


# How many batches of articles one process reads ahead of the oldest one not yet extracted.
_READ_AHEAD = 8


@dataclass(slots=True)
class _Pending:
    """An article read by ``Extractor.pipe``, with its facts once its language's batch is done."""

    article: Article
    facts: Facts | None = None


def _freeze_long_lived() -> None:
    """Put what is alive once a pipeline has loaded (the imported libraries and the pipeline, some
    100,000 objects that live as long as the process) out of the cyclic garbage collector's reach.

    Extraction keeps each batch's Docs and their tables alive across many young collections, so a full
    collection comes every few hundred articles, and each walked all of those objects again (60–80 ms;
    the collector took 0.11–0.17 s per 300 demo articles, 0.02 s once they are frozen). Garbage is
    collected first, so nothing collectable is frozen; objects made later are collected as before, and
    a frozen object is still freed when nothing refers to it (only a cycle among them stays).
    """
    gc.collect()
    gc.freeze()


def release(doc: Doc) -> None:
    """Break the reference cycles a Doc is in once its facts are extracted.

    The finders cache Spans in ``doc.user_data`` (the sentences, the entity index), and a Span refers
    back to its Doc, so every parsed article would otherwise wait for Python's cyclic garbage collector
    (which runs rarely on big objects), and a long ingest's memory grows with the Docs awaiting it.
    Facts hold no Span or Token, so nothing is lost; after this the Doc is freed as soon as it is
    dropped.
    """
    doc.user_data.clear()


@cache
def process_extractor(config: ExtractConfig) -> Extractor:
    """One Extractor (and so one set of loaded models) per process and configuration."""
    return Extractor(config=config)


def extract_batch(articles: Sequence[Article], config: ExtractConfig | None = None) -> list[Facts]:
    """The facts of each article, in order: a pure function of its arguments, for worker processes and
    Dask tasks (the models are loaded once per process and kept)."""
    return process_extractor(config or ExtractConfig()).batch(list(articles))


def _parse_each(articles: list[Article], nlp: Language) -> list[Doc | None]:
    """A Doc per article (None where parsing failed), batched through nlp.pipe where possible."""
    limit = min(long_text.DEFAULT_PIECE_CHARS, nlp.max_length)
    docs: list[Doc | None] = [None] * len(articles)
    short = [k for k, article in enumerate(articles) if len(article.text) <= limit]
    try:
        parsed = nlp.pipe((articles[k].text for k in short), batch_size=max(1, len(short)))
        for k, doc in zip(short, parsed, strict=True):
            docs[k] = doc
        taken = set(short)
        rest = [k for k in range(len(articles)) if k not in taken]
    except Exception:  # find the article that fails by parsing each on its own
        rest = list(range(len(articles)))
    for k in rest:
        try:
            docs[k] = long_text.parse(nlp, articles[k].text, limit)
        except Exception as error:
            _log_failure(articles[k], "parsing", error)
    return docs


def _log_failure(article: Article, stage: str, error: Exception) -> None:
    message = " ".join(str(error).split())[:200]
    _log.warning("%s #%d (id %s): %s failed, no facts (%s: %s)", article.document.source, article.index,
                 article.id, stage, type(error).__name__, message)


_forked_extractor: Extractor | None = None


def _extract_with_forked(chunk: list[Article]) -> list[Facts]:
    assert _forked_extractor is not None, "worker started without an extractor"
    return _forked_extractor.batch(chunk)


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group; only the parent handles it (and stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
