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

from nyhetsgraf.ingest.formats import GZIP_MAGIC, detect_format, looks_binary
from nyhetsgraf.ingest.language import detect_language
from nyhetsgraf.ingest.readers import read_bytes, read_text_stream, read_warc
from nyhetsgraf.ingest.segment import segment
from nyhetsgraf.records import Article, Document

__all__ = ["Article", "Document", "Problem", "detect_language", "read_articles", "read_documents", "segment"]

# Plain-text inputs larger than this are read in pieces of about PIECE_CHARS characters.
STREAM_THRESHOLD_BYTES = 8 * 1024 * 1024
PIECE_CHARS = 2 * 1024 * 1024
_GLOB_CHARS = frozenset("*?[")


class Problem(NamedTuple):
    """Something wrong with one input; ``fatal`` means the input could not be read at all."""

    source: str
    message: str
    fatal: bool


ProblemHandler = Callable[[Problem], None]


def _ignore(_: Problem) -> None:
    return None


def read_documents(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[Document]:
    """Documents of every input, in order; problems go to ``on_problem`` and reading goes on."""
    for _, document in _documents_by_file(paths, on_problem or _ignore):
        yield document


def read_articles(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> Iterator[Article]:
    """Articles of every input; ``Article.index`` counts within each input file."""
    current_file: str | None = None
    index = 0
    for file_key, document in _documents_by_file(paths, on_problem or _ignore):
        if file_key != current_file:
            current_file, index = file_key, 0
        articles = segment(document, start_index=index)
        index += len(articles)
        yield from articles


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
        yield from _read_stream(path, stream, report, size=_size(path))


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _read_stream(source: str, stream: IO[bytes], report: ProblemHandler, size: int = 0) -> Iterator[Document]:
    """Pick the reader: large plain text and WARC are streamed, everything else read whole."""

    def warn(message: str, fatal: bool) -> None:
        report(Problem(source, message, fatal))

    try:
        head = stream.read(65536)
    except OSError as error:
        warn(f"cannot read: {error.strerror or error}", True)
        return
    if not head:
        warn("empty input", True)
        return
    if not head.startswith(GZIP_MAGIC):
        kind = detect_format(head)
        if kind == "warc":
            yield from read_warc(source, _from_start(head, stream), warn)
            return
        if kind == "text" and size > STREAM_THRESHOLD_BYTES and not looks_binary(head):
            yield from read_text_stream(source, _Rewound(head, stream), warn, PIECE_CHARS)
            return
    elif _gzip_holds_warc(head):
        yield from read_warc(source, _from_start(head, stream), warn)  # warcio reads gzip members
        return
    try:
        data = head + stream.read()
    except OSError as error:
        warn(f"cannot read: {error.strerror or error}", True)
        return
    yield from read_bytes(source, data, warn)


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


class _Rewound(IO[bytes]):
    """Line reading over a byte stream whose first bytes were already read for format detection."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readline(self, limit: int | None = -1) -> bytes:
        limit = -1 if limit is None else limit
        if not self._head:
            return self._rest.readline(limit)
        cut = self._head.find(b"\n") + 1
        if cut > 0 and (limit < 0 or cut <= limit):
            line, self._head = self._head[:cut], self._head[cut:]
            return line
        if 0 <= limit <= len(self._head):
            line, self._head = self._head[:limit], self._head[limit:]
            return line
        line, self._head = self._head, b""
        more = limit - len(line) if limit >= 0 else -1
        return line + self._rest.readline(more)

    def readable(self) -> bool:
        return True
