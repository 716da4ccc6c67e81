"""The bokmål full-form dictionary: which forms are nouns, verbs, adjectives or adverbs, and their lemmas.

The table (spacy-lookups-data's bokmål lemma exceptions, about 587,000 forms) ships as
``data/fullforms.tsv.gz``, built by ``training/build_fullforms.py``: one sorted line per form. It is
read on first use, once per process, into one bytes object with a sparse index (about 14 MB in all)
and looked up by binary search (`SortedLines`), so no dict of half a million strings is ever built.
The lemma-case component, the recognizer's dictionary feature and the extractors all read this one
copy.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache

from nyhetsgraf.resources import data_file
from nyhetsgraf.resources.sorted_lines import SortedLines

PARTS_OF_SPEECH = ("adj", "adv", "noun", "verb")
_NO_ENTRY: dict[str, tuple[str, ...]] = {}


class FullForms:
    """Lookups in the full-form table: a form's parts of speech and its lemmas for each."""

    def __init__(self, blob: bytes) -> None:
        self._lines = SortedLines(blob)
        self.entry = lru_cache(maxsize=65_536)(self._entry)

    def __len__(self) -> int:
        return len(self._lines)

    def _entry(self, form: str) -> dict[str, tuple[str, ...]]:
        """Part of speech -> lemmas of a form (exact, case-sensitive); empty when the table lacks it."""
        fields = self._lines.value(form)
        if fields is None:
            return _NO_ENTRY
        entry: dict[str, tuple[str, ...]] = {}
        for field in fields.split("\t"):
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
