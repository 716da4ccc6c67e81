"""Read inputs of every supported format and split them into articles with exact offsets.

PATH values may be files, directories (read recursively, hidden files skipped), glob
patterns, or "-" for standard input. The format is told from the content (gzip, WARC,
JSON Lines, RSS/Atom, HTML, plain text), not from the file name.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

from nyhetsgraf.ingest.formats import GZIP_MAGIC
from nyhetsgraf.ingest.language import detect_language
from nyhetsgraf.ingest.readers import Severity, read_stream, read_warc
from nyhetsgraf.ingest.segment import segment
from nyhetsgraf.ingest.streams import MAX_GZIP_RATIO, chained, gunzipped, looks_like_bomb
from nyhetsgraf.records import Article, Document

__all__ = ["Article", "Document", "Problem", "detect_language", "read_articles", "read_documents", "segment"]

# Plain text is read in pieces of about this many characters (cut between articles), so memory stays
# bounded whatever the size of the input.
PIECE_CHARS = 2 * 1024 * 1024
_GLOB_CHARS = frozenset("*?[")


class Problem(NamedTuple):
    """Something wrong with one input.

    ``fatal``: the input could not be read at all; ``partial``: it was read, but some of it was lost
    (a truncated archive, a skipped record). Neither: a note, everything was read.
    """

    source: str
    message: str
    fatal: bool
    partial: bool = False

    @property
    def lost_input(self) -> bool:
        """Whether some input was not read: what makes the command exit non-zero."""
        return self.fatal or self.partial


ProblemHandler = Callable[[Problem], None]


def _ignore(_: Problem) -> None:
    return None


def read_documents(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[Document]:
    """Documents of every input, in order; problems go to ``on_problem`` and reading goes on."""
    for _, document in _documents_by_file(paths, on_problem or _ignore):
        yield document


def read_articles(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[Article]:
    """Articles of every input; ``Article.index`` counts within each input file.

    An input that was read but holds no article text (only a date line, only headings) is reported
    as a fatal problem: it was given to be read, and nothing came of it.
    """
    report = on_problem or _ignore
    current_file: str | None = None
    index = 0
    for file_key, document in _documents_by_file(paths, report):
        if file_key != current_file:
            if current_file is not None and index == 0:
                report(Problem(current_file, "no article text found", True))
            current_file, index = file_key, 0
        articles = segment(document, start_index=index)
        index += len(articles)
        yield from articles
    if current_file is not None and index == 0:
        report(Problem(current_file, "no article text found", True))


def _documents_by_file(paths: Iterable[str], report: ProblemHandler) -> Iterator[tuple[str, Document]]:
    """(input file, Document) pairs: the file tells read_articles where its article count restarts."""
    for path in paths:
        if path == "-":
            yield from _pair("-", _read_stream("-", sys.stdin.buffer, report))
            continue
        files = _expand(path, report)
        if files is None:
            continue
        found = False
        for file in files:
            for document in _read_file(file, report):
                found = True
                yield file, document
        if not found and os.path.isdir(path):
            report(Problem(path, "no readable articles in directory", True))


def _pair(key: str, documents: Iterator[Document]) -> Iterator[tuple[str, Document]]:
    for document in documents:
        yield key, document


def _expand(path: str, report: ProblemHandler) -> list[str] | None:
    """The files a PATH names, or None (after reporting) when it names nothing readable."""
    if os.path.isdir(path):
        return sorted(_walk(path))
    if os.path.exists(path):
        return [path]
    if _GLOB_CHARS & set(path):
        matches = sorted(m for m in glob.glob(path, recursive=True) if os.path.isfile(m))
        if matches:
            return matches
        report(Problem(path, "no files match this pattern", True))
        return None
    report(Problem(path, "no such file or directory", True))
    return None


def input_files(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[str]:
    """The files PATH arguments name, in reading order and spelled as ``Document.source`` will be
    (folders walked, globs expanded), for a caller that divides the reading (``pipeline_dask``)."""
    for path in paths:
        yield from _expand(path, on_problem or _ignore) or ()


# Files a directory walk passes over: code, configuration and media that sit beside news
# files in real folders. A file named explicitly is always read, whatever its name.
_NOT_NEWS_SUFFIXES = frozenset({
    ".py", ".pyc", ".sh", ".js", ".css", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".lock",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".pdf", ".zip", ".db", ".sqlite",
})


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() not in _NOT_NEWS_SUFFIXES:
                yield os.path.join(root, name)


def _read_file(path: str, report: ProblemHandler) -> Iterator[Document]:
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as error:
        report(Problem(path, f"cannot read: {error.strerror or error}", True))
        return
    with stream:
        yield from _read_stream(path, stream, report)


def _read_stream(source: str, stream: IO[bytes], report: ProblemHandler) -> Iterator[Document]:
    """Pick the reader from the first bytes; every format but a single HTML page, feed or JSON document
    is streamed, gzip included (decompressed as it is read, with a limit against decompression bombs)."""

    unreadable = False

    def warn(message: str, severity: Severity) -> None:
        nonlocal unreadable
        unreadable = unreadable or severity is Severity.fatal
        report(Problem(source, message, severity is Severity.fatal, severity is Severity.partial))

    found = False
    for document in _documents_of_stream(source, stream, warn):
        found = True
        yield document
    if not found and not unreadable:
        warn("no article text found", Severity.fatal)


def _documents_of_stream(source: str, stream: IO[bytes], warn: Callable[[str, Severity], None]
                         ) -> Iterator[Document]:

    try:
        head = stream.read(65536)
        if not head:
            warn("empty input", Severity.fatal)
            return
        if not head.startswith(GZIP_MAGIC):
            if head.lstrip().startswith(b"WARC/1."):
                yield from read_warc(source, _from_start(head, stream), warn)
            else:
                yield from read_stream(source, chained(head, stream), warn, PIECE_CHARS)
            return
        if _gzip_holds_warc(head):
            yield from read_warc(source, _from_start(head, stream), warn)  # warcio reads gzip members
            return
        if looks_like_bomb(stream):
            warn(f"refused: expands more than {MAX_GZIP_RATIO} times its compressed size "
                 "(a decompression bomb?); nothing read", Severity.fatal)
            return
        text_stream, gunzip = gunzipped(chained(head, stream))
        yield from read_stream(source, text_stream, warn, PIECE_CHARS)
        if gunzip.problem:
            severity = Severity.fatal if gunzip.refused and not gunzip.produced else Severity.partial
            warn(f"{gunzip.problem}; kept {_size_text(gunzip.produced)}", severity)
    except OSError as error:
        warn(f"cannot read: {error.strerror or error}", Severity.fatal)


def _size_text(size: int) -> str:
    return f"{size} bytes" if size < 1 << 20 else f"{size / (1 << 20):.0f} MB"


def _from_start(head: bytes, stream: IO[bytes]) -> IO[bytes]:
    """The whole stream again for a reader that needs a real file (warcio asks for positions)."""
    if stream.seekable():
        stream.seek(0)
        return stream
    return io.BytesIO(head + stream.read())


def _gzip_holds_warc(head: bytes) -> bool:
    import zlib

    try:
        start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return False
    return start.lstrip().startswith(b"WARC/1.")

