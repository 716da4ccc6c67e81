"""The bokmål full-form dictionary: which forms are nouns, verbs, adjectives or adverbs, and their lemmas.

The table (spacy-lookups-data's bokmål lemma exceptions, about 587,000 forms) ships as
``data/fullforms.tsv.gz``, built by ``training/build_fullforms.py``: one sorted line per form. It is
read on first use, once per process, into one bytes object with a sparse index (about 14 MB in all)
and looked up by binary search, so no dict of half a million strings is ever built. The
lemma-case component, the recognizer's dictionary feature and the extractors all read this one copy.
"""

from __future__ import annotations

import gzip
from bisect import bisect_right
from functools import cache, lru_cache

from nyhetsgraf.resources import data_file

PARTS_OF_SPEECH = ("adj", "adv", "noun", "verb")
_NO_ENTRY: dict[str, tuple[str, ...]] = {}


BLOCK = 32  # lines per block of the sparse index


class FullForms:
    """Lookups in the full-form table: a form's parts of speech and its lemmas for each."""

    def __init__(self, blob: bytes) -> None:
        import numpy

        self._blob = blob
        line_ends = numpy.flatnonzero(numpy.frombuffer(blob, dtype=numpy.uint8) == 0x0A)
        self._size = len(line_ends)
        # A sparse index: the start and the form of every BLOCK-th line. A lookup bisects the forms
        # (native comparisons) and then searches one block of about a kilobyte with bytes.find.
        self._block_starts: list[int] = numpy.concatenate(([0], line_ends[BLOCK - 1:-1:BLOCK] + 1)).tolist()
        self._block_heads = [blob[start:blob.index(b"\t", start)] for start in self._block_starts]
        self.entry = lru_cache(maxsize=65_536)(self._entry)

    def __len__(self) -> int:
        return self._size

    def _line(self, key: bytes) -> bytes | None:
        block = bisect_right(self._block_heads, key) - 1
        if block < 0:
            return None
        start = self._block_starts[block]
        end = self._block_starts[block + 1] if block + 1 < len(self._block_starts) else len(self._blob)
        if not self._blob.startswith(key + b"\t", start):
            found = self._blob.find(b"\n" + key + b"\t", start, end)
            if found < 0:
                return None
            start = found + 1
        return self._blob[start:self._blob.index(b"\n", start)]

    def _entry(self, form: str) -> dict[str, tuple[str, ...]]:
        """Part of speech -> lemmas of a form (exact, case-sensitive); empty when the table lacks it."""
        # A tab or line break would match across the file's own separators; no form has one.
        line = self._line(form.encode("utf-8")) if form and "\t" not in form and "\n" not in form else None
        if line is None:
            return _NO_ENTRY
        _, *fields = line.decode("utf-8").split("\t")
        entry: dict[str, tuple[str, ...]] = {}
        for field in fields:
            pos, lemmas = field.split("=", 1)
            entry[pos] = tuple(lemmas.split("|"))
        return entry

    def lemmas(self, form: str, pos: str) -> tuple[str, ...]:
        """The lemmas of `form` as a `pos` ("noun", "verb", "adj", "adv"), in the table's order."""
        return self.entry(form).get(pos, ())

    def has(self, form: str, pos: str) -> bool:
        """Whether `form` is in the table as a `pos`."""
        return pos in self.entry(form)

    def known(self, form: str) -> bool:
        """Whether `form` is in the table under any part of speech."""
        return bool(self.entry(form))


@cache
def full_forms() -> FullForms:
    """The shipped bokmål full-form table, read on first use."""
    return FullForms(gzip.decompress(data_file("fullforms.tsv.gz").read_bytes()))


__all__ = ["PARTS_OF_SPEECH", "FullForms", "full_forms"]
