"""Corpus runs on Dask: ``pipeline.ingest`` with its reading and extraction spread over a cluster.

    from nyhetsgraf.pipeline_dask import ingest_on_dask
    with open_store("postgresql://db/nyheter") as store:
        summary = ingest_on_dask(["arkiv/"], store, cluster="local:4")     # or "tcp://scheduler:8786"

How the work divides: the client lists the input files and cuts them into *partitions*: small files
are grouped until a partition holds about ``partition_bytes``; a large plain-text dump is cut into byte
ranges (an article belongs to the range holding its first character). Each partition is one Dask task:
the worker reads its part of the input (articles keep the ids, offsets and indexes a local run gives
them), skips the articles already stored, extracts the facts of the rest with
``nyhetsgraf.extract.extract_batch`` (models loaded once per worker process) and

* with PostgreSQL, writes them to the database itself, committing in batches;
* with SQLite (one file, one writer), sends them back and the client writes them in batches.

A task whose worker dies is run again on another worker by Dask; whatever the dead worker committed
is skipped (unique keys), so nothing is lost or stored twice. A re-run skips what is stored.
Workers must see the input files at the same paths as the client (a shared file system), and, with
PostgreSQL, reach the database.
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nyhetsgraf.pipeline import IngestSummary, ProblemHandler, record_extraction
from nyhetsgraf.records import Article, Facts

if TYPE_CHECKING:
    from nyhetsgraf.extract import ExtractConfig
    from nyhetsgraf.ingest import Problem
    from nyhetsgraf.store import SqlStore

ExtractBatch = Callable[[Sequence[Article], "ExtractConfig | None"], list[Facts]]

DEFAULT_PARTITION_BYTES = 4 * 1024 * 1024  # about a minute of NLP on one core
MIN_PARTITION_BYTES = 16 * 1024
EXTRACT_CHUNK = 64  # articles per extract_batch call inside a partition (bounds a worker's memory)
_CLUSTER = re.compile(r"^(?:local(?::(?P<workers>\d+))?|(?P<address>(?:tcp|tls|inproc|ucx)://\S+))$")


class ClusterError(ValueError):
    """A --dask value that names no cluster, or a cluster that cannot be reached."""


@dataclass(frozen=True, slots=True)
class Partition:
    """One Dask task's input: whole files, or one byte range ``[start, end)`` of one file."""

    number: int
    files: tuple[str, ...]  # as the user's paths spell them: that is the articles' ``source``
    opened: tuple[str, ...]  # the same files as absolute paths, for workers with another working folder
    start: int = 0
    end: int | None = None  # None: to the end of the file

    def holds(self, article: Article) -> bool:
        return self.start <= article.span[0] and (self.end is None or article.span[0] < self.end)


@dataclass(slots=True)
class PartitionResult:
    number: int
    read: int = 0
    new: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    pairs: list[tuple[Article, Facts]] = field(default_factory=list)  # for the client to store (SQLite)
    worker_pid: int = 0


# -- planning (client) -------------------------------------------------------------------------------

def _splittable(path: str) -> bool:
    """Whether a file can be cut into byte ranges: plain text, not compressed (articles in order)."""
    from nyhetsgraf.ingest.formats import GZIP_MAGIC, detect_format, looks_binary

    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return bool(head) and not head.startswith(GZIP_MAGIC) and not looks_binary(head) \
        and detect_format(head) == "text"


def plan_partitions(paths: Iterable[str], *, partition_bytes: int = DEFAULT_PARTITION_BYTES,
                    workers: int = 1, on_problem: ProblemHandler | None = None) -> list[Partition]:
    """Cut the inputs into partitions of about ``partition_bytes`` (less for a small corpus, so that
    every worker gets about eight partitions: the last ones to finish then leave little idle time)."""
    from nyhetsgraf.ingest import Problem, input_files

    files: list[tuple[str, int]] = []
    for path in input_files(paths, on_problem):
        try:
            files.append((path, os.path.getsize(path)))
        except OSError as error:
            if on_problem is not None:
                on_problem(Problem(path, f"cannot read: {error.strerror or error}", True))
    total = sum(size for _, size in files)
    size = max(MIN_PARTITION_BYTES, min(partition_bytes, total // max(1, 8 * workers)))
    partitions: list[Partition] = []
    group: list[str] = []
    group_bytes = 0

    def add(files_: Sequence[str], start: int = 0, end: int | None = None) -> None:
        partitions.append(Partition(len(partitions), tuple(files_), tuple(map(os.path.abspath, files_)),
                                    start, end))

    for path, file_bytes in files:
        if file_bytes > size and _splittable(path):
            if group:
                add(group)
                group, group_bytes = [], 0
            cuts = list(range(0, file_bytes, size))
            for position, start in enumerate(cuts):
                add([path], start, cuts[position + 1] if position + 1 < len(cuts) else None)
            continue
        if group and group_bytes + file_bytes > size:
            add(group)
            group, group_bytes = [], 0
        group.append(path)
        group_bytes += file_bytes
    if group:
        add(group)
    return partitions


# -- the task (worker) -------------------------------------------------------------------------------

_STORES: dict[str, SqlStore] = {}


def _worker_store(url: str) -> SqlStore:
    """One open store per worker process and URL, kept between tasks like the models."""
    store = _STORES.get(url)
    if store is None:
        from nyhetsgraf.store import open_store

        store = _STORES[url] = open_store(url)
    return store


def stored_ids(store: SqlStore, files: Sequence[str]) -> set[str]:
    """Ids of the stored articles read from these files (what a re-run can skip before extraction)."""
    if not files:
        return set()
    marks = ", ".join("?" * len(files))
    return {str(row["id"]) for row in store.query(
        f"SELECT a.id FROM articles a JOIN sources s ON s.source_id = a.source_id WHERE s.path IN ({marks})",
        tuple(files))}


def _partition_articles(partition: Partition, problems: list[Problem]) -> Iterator[Article]:
    from nyhetsgraf.ingest import Problem, read_articles

    for shown, opened in zip(partition.files, partition.opened, strict=True):
        def as_shown(source: str, shown: str = shown, opened: str = opened) -> str:
            """The source as a local run names it ("dump.txt", "arkiv.warc#https://…"): the same ids."""
            return shown + source[len(opened):] if source.startswith(opened) else source

        def report(problem: Problem) -> None:
            problems.append(Problem(as_shown(problem.source), problem.message, problem.fatal))

        renamed: set[int] = set()
        for article in read_articles([opened], on_problem=report):
            if partition.end is not None and article.span[0] >= partition.end:
                break  # articles come in input order: the rest belongs to later partitions
            if not partition.holds(article):
                continue
            if id(article.document) not in renamed:
                article.document.source = as_shown(article.document.source)
                renamed.add(id(article.document))
            yield article


def run_partition(partition: Partition, *, config: ExtractConfig | None, nlp: bool, store_url: str | None,
                  known: frozenset[str], extract: ExtractBatch | None) -> PartitionResult:
    """Read, extract and (with ``store_url``) store one partition; a pure function of its arguments
    but for the store it writes to, so Dask may run it again after a worker died."""
    result = PartitionResult(partition.number, worker_pid=os.getpid())
    store = _worker_store(store_url) if store_url else None
    skip = set(known) | (stored_ids(store, partition.files) if store is not None else set())
    pending: list[Article] = []

    def flush() -> None:
        facts = extract(pending, config) if nlp and extract is not None else [Facts() for _ in pending]
        for article, article_facts in zip(pending, facts, strict=True):
            if store is None:
                result.pairs.append((article, article_facts))
            elif store.add(article, article_facts):
                result.new += 1
                if nlp:
                    record_extraction(store, article, article_facts, config)
            else:
                result.skipped += 1
        pending.clear()

    for article in _partition_articles(partition, result.problems):
        result.read += 1
        if article.id in skip:
            result.skipped += 1
            continue
        pending.append(article)
        if len(pending) >= EXTRACT_CHUNK:
            flush()
    if pending:
        flush()
    if store is not None:
        store.commit()
    return result


# -- the run (client) --------------------------------------------------------------------------------

def parse_cluster(value: str) -> tuple[int | None, str | None]:
    """``local`` / ``local:N`` -> (N or the number of cores, None); ``tcp://host:port`` -> (None, address)."""
    match = _CLUSTER.match(value.strip())
    if match is None:
        raise ClusterError(f"--dask {value!r}: use local, local:N or tcp://HOST:PORT")
    if match.group("address"):
        return None, match.group("address")
    workers = int(match.group("workers")) if match.group("workers") else (os.cpu_count() or 1)
    if workers < 1:
        raise ClusterError(f"--dask {value!r}: a local cluster needs at least one worker")
    return workers, None


@contextmanager
def dask_client(cluster: str) -> Iterator[Any]:
    """A Dask client for ``local[:N]`` (a LocalCluster of N single-threaded worker processes, no
    dashboard, on 127.0.0.1; stopped at the end) or for the scheduler at an address."""
    from dask.distributed import Client, LocalCluster

    workers, address = parse_cluster(cluster)
    if address is not None:
        try:
            client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from error
        with client:
            yield client
        return
    with warnings.catch_warnings():
        # The scheduler's small HTTP service (no dashboard) moves to a free port when 8787 is taken.
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                             host="127.0.0.1", silence_logs=logging.ERROR)
    with local, Client(local) as client:
        yield client


def ingest_on_dask(paths: Iterable[str], store: SqlStore, *, cluster: str = "local", nlp: bool = True,
                   config: ExtractConfig | None = None, on_problem: ProblemHandler | None = None,
                   summary: IngestSummary | None = None,
                   on_progress: Callable[[IngestSummary, int, int], None] | None = None,
                   partition_bytes: int = DEFAULT_PARTITION_BYTES, client: Any = None,
                   knowledge_base: bool = True) -> IngestSummary:
    """Ingest ``paths`` into ``store`` on a Dask cluster; the same articles and facts as ``pipeline.ingest``.

    ``on_progress(summary, partitions_done, partitions)`` runs on the client after each partition.
    Pass a ``client`` to reuse a running cluster (``cluster`` is then ignored). When the partitions have
    landed, the knowledge base links the new articles (incrementally: only what it has not linked yet).
    """
    from dask.distributed import as_completed

    summary = summary if summary is not None else IngestSummary()

    def problem(item: Problem) -> None:
        summary.count_problem(item)
        if on_problem is not None:
            on_problem(item)

    paths = list(paths)
    if "-" in paths:
        raise ClusterError("standard input cannot be divided among Dask workers; give files or folders")
    with ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(cluster))
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        partitions = plan_partitions(paths, partition_bytes=partition_bytes, workers=workers,
                                     on_problem=problem)
        direct = store.dialect.name != "sqlite"  # PostgreSQL: workers write; SQLite: only this process
        extract = _extract_function() if nlp else None
        futures = []
        for partition in partitions:
            known = frozenset() if direct else frozenset(stored_ids(store, partition.files))
            futures.append(client.submit(run_partition, partition, config=config, nlp=nlp,
                                         store_url=_worker_url(store) if direct else None, known=known,
                                         extract=extract, pure=False))
        for done, future in enumerate(as_completed(futures), start=1):
            result: PartitionResult = future.result()
            future.release()
            _collect(result, store, summary, problem, config if nlp else None, nlp)
            if on_progress is not None:
                on_progress(summary, done, len(partitions))
        store.commit()
    if knowledge_base and nlp:  # without NLP the articles wait for reextract, as after a local ingest
        from nyhetsgraf.kb import update

        update(store)  # the knowledge base links what this run added, as after a local ingest
    return summary


def _extract_function() -> ExtractBatch:
    """``extract_batch``, looked up when the run starts (a test may put its own in its place)."""
    import nyhetsgraf.extract

    return nyhetsgraf.extract.extract_batch


def _worker_url(store: SqlStore) -> str:
    """The URL workers open: the store's own (with its password, which ``store.url`` hides)."""
    return getattr(store.dialect, "target", None) or store.url


def _collect(result: PartitionResult, store: SqlStore, summary: IngestSummary, problem: ProblemHandler,
             config: ExtractConfig | None, nlp: bool) -> None:
    for item in result.problems:
        problem(item)
    summary.read += result.read
    summary.new += result.new
    summary.skipped += result.skipped
    for article, facts in result.pairs:
        summary.sources.add(article.document.source)
        if store.add(article, facts):
            summary.new += 1
            if nlp:
                record_extraction(store, article, facts, config)
        else:  # stored meanwhile, or the same text twice
            summary.skipped += 1
