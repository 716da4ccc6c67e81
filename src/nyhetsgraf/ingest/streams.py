"""Byte streams for the readers: gzip decompressed as it is read, with limits against decompression bombs.

Everything here reads forward in bounded pieces, so a 300 MB dump never sits in memory whole.
"""

from __future__ import annotations

import io
import zlib
from typing import IO

from nyhetsgraf.ingest.formats import GZIP_MAGIC

READ_CHUNK = 64 * 1024
# Plain news text compresses about 3-5 to 1 and even repetitive text rarely beyond 20; a stream that
# expands a hundredfold is a decompression bomb (gzip's ceiling is about 1000 to 1).
MAX_GZIP_RATIO = 100
# Below this much output the ratio is not checked: small, highly repetitive files are harmless.
RATIO_CHECK_AFTER_BYTES = 4 * 1024 * 1024


class ChainedStream(io.RawIOBase):
    """``head`` (bytes already read for format detection) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            size = min(len(buffer), self._head.nbytes)
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        if not data:
            return 0
        buffer[:len(data)] = data
        return len(data)


def chained(head: bytes, rest: IO[bytes]) -> io.BufferedReader:
    return io.BufferedReader(ChainedStream(head, rest), buffer_size=READ_CHUNK)


def incomplete_utf8_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` are the start of an unfinished UTF-8 character."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return 0
        if byte >= 0xC0:  # a lead byte: how long should its character be?
            length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back if back < length else 0
    return 0


class GunzipStream(io.RawIOBase):
    """The decompressed bytes of every gzip member of ``raw``, produced as they are read.

    Reading stops early, with ``problem`` set, when the data ends inside a member (truncated), is
    damaged, or expands more than ``max_ratio`` times (a decompression bomb). A truncated stream never
    ends in half a UTF-8 character: the unfinished bytes are dropped.
    """

    def __init__(self, raw: IO[bytes], *, max_ratio: float = MAX_GZIP_RATIO,
                 ratio_check_after: int = RATIO_CHECK_AFTER_BYTES) -> None:
        super().__init__()
        self._raw = raw
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._max_ratio = max_ratio
        self._ratio_check_after = ratio_check_after
        self._pending = b""
        self._held = b""  # the last bytes produced, kept back until we know the stream is not cut
        self._done = False
        self.consumed = 0
        self.produced = 0
        self.problem: str | None = None
        self.truncated = False
        self.refused = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._step()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _read_raw(self) -> bytes:
        chunk = self._raw.read(READ_CHUNK)
        self.consumed += len(chunk)
        return chunk

    def _finish(self, problem: str | None = None, *, truncated: bool = False) -> None:
        held = self._held
        if truncated:
            held = held[:len(held) - incomplete_utf8_tail(held)]
            self.truncated = True
        self._pending += held
        self._held = b""
        self.problem = problem
        self._done = True

    def _step(self) -> None:
        decompressor = self._decompressor
        if decompressor.eof:
            rest = decompressor.unused_data.lstrip(b"\x00")
            while not rest:  # zero padding after a member may run on for blocks
                chunk = self._read_raw()
                if not chunk:
                    self._finish()
                    return
                rest = chunk.lstrip(b"\x00")
            if len(rest) < 2:
                rest += self._read_raw()
            if not rest.startswith(GZIP_MAGIC):
                self._finish("data after the end of the gzip stream was ignored")
                return
            self._decompressor = decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = rest
        elif decompressor.unconsumed_tail:
            data = decompressor.unconsumed_tail
        else:
            data = self._read_raw()
            if not data:
                self._finish("compressed data ends early (truncated gzip)", truncated=True)
                return
        try:
            output = decompressor.decompress(data, 4 * READ_CHUNK)
        except zlib.error:
            self._finish("gzip data is damaged", truncated=True)
            return
        self.produced += len(output)
        used = self.consumed - len(decompressor.unconsumed_tail)  # compressed bytes behind this output
        expanded = self.produced > self._max_ratio * max(used, 1)
        if expanded and self.produced > self._ratio_check_after:
            self.refused = True
            self._finish(f"refused: expands more than {self._max_ratio:g} times its compressed size "
                         f"(a decompression bomb?); stopped after {self.produced // (1 << 20)} MB",
                         truncated=True)
            return
        output = self._held + output
        keep = min(3, len(output))
        self._pending, self._held = output[:len(output) - keep], output[len(output) - keep:]


def gunzipped(raw: IO[bytes]) -> tuple[io.BufferedReader, GunzipStream]:
    stream = GunzipStream(raw)
    return io.BufferedReader(stream, buffer_size=READ_CHUNK), stream


def looks_like_bomb(stream: IO[bytes], *, max_ratio: float = MAX_GZIP_RATIO,
                   check_bytes: int = RATIO_CHECK_AFTER_BYTES) -> bool:
    """Whether the gzip file ``stream`` (seekable, gzip from its first byte) expands more than
    ``max_ratio`` times in its first ``check_bytes`` of output. The stream is left where it was."""
    try:
        if not stream.seekable():
            return False
        position = stream.tell()
        stream.seek(0)
    except (OSError, ValueError):
        return False
    probe = GunzipStream(stream, max_ratio=max_ratio, ratio_check_after=check_bytes)
    try:
        while probe.produced <= check_bytes and probe.read(READ_CHUNK * 4):
            pass
    finally:
        stream.seek(position)
    return probe.refused


def readline_bounded(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """One line of at most ``limit`` bytes; (line, True) when the line was longer and the rest skipped."""
    line = stream.readline(limit)
    if len(line) < limit or line.endswith(b"\n"):
        return line, False
    while True:  # skip the rest of an overlong line without holding it
        more = stream.readline(READ_CHUNK)
        if not more or more.endswith(b"\n"):
            return line, True
