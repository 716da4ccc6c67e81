"""A table of ``key<TAB>value`` lines sorted by the key's UTF-8 bytes, looked up by binary search.

Big tables (the full-form dictionary, the world's towns) are shipped sorted, so a process reads one
compressed file into one bytes object and a sparse index of every BLOCK-th key instead of building a
dict of hundreds of thousands of strings: start-up pays a decompression, not a parse.
"""

from __future__ import annotations

from bisect import bisect_right

BLOCK = 32  # lines per block of the sparse index


class SortedLines:
    """Exact lookups of a key in sorted ``key<TAB>value`` lines (each line ends with a line break)."""

    def __init__(self, blob: bytes) -> None:
        import numpy

        self._blob = blob
        line_ends = numpy.flatnonzero(numpy.frombuffer(blob, dtype=numpy.uint8) == 0x0A)
        self._size = len(line_ends)
        # The start and key of every BLOCK-th line: a lookup bisects the keys (native comparisons),
        # then searches one block of about a kilobyte with bytes.find.
        self._block_starts: list[int] = numpy.concatenate(([0], line_ends[BLOCK - 1:-1:BLOCK] + 1)).tolist()
        self._block_heads = [blob[start:blob.index(b"\t", start)] for start in self._block_starts]

    def __len__(self) -> int:
        return self._size

    def value(self, key: str) -> str | None:
        """The rest of the line after ``key`` and its tab; None when no line has that key."""
        # A tab or line break would match across the separators; no key has one.
        if not key or "\t" in key or "\n" in key or not self._size:
            return None
        encoded = key.encode("utf-8")
        block = bisect_right(self._block_heads, encoded) - 1
        if block < 0:
            return None
        start = self._block_starts[block]
        end = self._block_starts[block + 1] if block + 1 < len(self._block_starts) else len(self._blob)
        if not self._blob.startswith(encoded + b"\t", start):
            found = self._blob.find(b"\n" + encoded + b"\t", start, end)
            if found < 0:
                return None
            start = found + 1
        return self._blob[start + len(encoded) + 1:self._blob.index(b"\n", start)].decode("utf-8")


__all__ = ["SortedLines"]
