"""The library API that ties the stages together: read -> (NLP + extract) -> store or JSON.

    from nyhetsgraf.pipeline import iter_extracted, ingest
    for article, facts in iter_extracted(["news.txt"]):
        ...

Heavy modules (spaCy, the extractor) are imported only when NLP is asked for, so reading
and storing raw articles (``nlp=False``) never pays spaCy's start-up time or memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nyhetsgraf.records import Article, Facts

if TYPE_CHECKING:
    from nyhetsgraf.extract import ExtractConfig
    from nyhetsgraf.ingest import Problem
    from nyhetsgraf.store import Store

ProblemHandler = Callable[["Problem"], None]


def iter_articles(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[Article]:
    """Every article of every input (files, folders, globs, "-" for stdin), in input order."""
    from nyhetsgraf.ingest import read_articles

    yield from read_articles(paths, on_problem=on_problem)


def extract_articles(articles: Iterable[Article], *, nlp: bool = True, batch_size: int = 32, workers: int = 1,
                     config: ExtractConfig | None = None) -> Iterator[tuple[Article, Facts]]:
    """Pair each article with its facts, in input order; ``nlp=False`` gives empty facts and never
    imports spaCy; ``workers`` > 1 extracts in that many processes; ``config`` picks the finders."""
    if not nlp:
        for article in articles:
            yield article, Facts()
        return
    from nyhetsgraf.extract import Extractor

    extractor = Extractor() if config is None else Extractor(config=config)
    yield from extractor.pipe(articles, batch_size=batch_size, workers=workers)


def iter_extracted(paths: Iterable[str], *, nlp: bool = True, on_problem: ProblemHandler | None = None,
                   batch_size: int = 32, workers: int = 1,
                   config: ExtractConfig | None = None) -> Iterator[tuple[Article, Facts]]:
    """Read every input and extract the facts of each article, streaming, in input order."""
    yield from extract_articles(iter_articles(paths, on_problem), nlp=nlp, batch_size=batch_size,
                                workers=workers, config=config)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did so far; updated while it runs, so it is right even after an interruption."""

    read: int = 0
    new: int = 0
    skipped: int = 0
    problems: int = 0
    fatal_problems: int = 0
    not_norwegian: int = 0  # stored without facts: no Norwegian model reads them
    sources: set[str] = field(default_factory=set)

    def count_problem(self, problem: Problem) -> None:
        self.problems += 1
        self.fatal_problems += int(problem.fatal)


def record_extraction(store: Store, article: Article, facts: Facts,
                      config: ExtractConfig | None) -> bool | None:
    """Record which model and lexicon made a stored article's facts, so `nyhetsgraf reextract` knows what
    an upgrade changes. An article whose extraction failed stays unmarked (None), so `reextract --missing`
    tries it again; False says no model reads the article's language."""
    if facts.failure:
        return None
    from nyhetsgraf.extract.provenance import provenance

    made = provenance(article.language, config)
    store.mark_extracted(article.id, made.model, made.lexicon)
    return made.model is not None


def ingest(paths: Iterable[str], store: Store, *, nlp: bool = True, on_problem: ProblemHandler | None = None,
           summary: IngestSummary | None = None,
           on_progress: Callable[[IngestSummary], None] | None = None, workers: int = 1,
           config: ExtractConfig | None = None) -> IngestSummary:
    """Read, extract and store every new article of ``paths``.

    Articles already in the store (same id or same text) are skipped *before* extraction, so a
    re-run after an interruption only pays for what is missing. Pass your own ``summary`` to
    read the counts after a KeyboardInterrupt. ``workers`` > 1 extracts in that many processes;
    only this process writes to the store.
    """
    summary = summary if summary is not None else IngestSummary()

    def problem(item: Problem) -> None:
        summary.count_problem(item)
        if on_problem is not None:
            on_problem(item)

    def unseen(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            summary.read += 1
            summary.sources.add(article.document.source)
            # Without NLP, add() itself is the cheaper duplicate check.
            if nlp and store.contains(article):
                summary.skipped += 1
                if on_progress is not None:
                    on_progress(summary)
                continue
            yield article

    for article, facts in extract_articles(unseen(iter_articles(paths, problem)), nlp=nlp, workers=workers,
                                           config=config):
        if store.add(article, facts):
            summary.new += 1
            if nlp:
                summary.not_norwegian += int(record_extraction(store, article, facts, config) is False)
        else:  # the same text twice within this run
            summary.skipped += 1
        if on_progress is not None:
            on_progress(summary)
    store.commit()
    # A SQL store keeps the knowledge base: link what this run added. Articles stored without NLP have
    # no facts to link yet; they wait for `reextract` (or `kb-update`, or the first query that needs
    # them), so a raw bulk load stays fast and its memory flat.
    from nyhetsgraf.kb import KbStore, update

    if nlp and isinstance(store, KbStore):
        update(store)
    return summary
