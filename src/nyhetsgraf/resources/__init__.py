"""Norwegian language resources that every stage reads: lexicons, gazetteers and word lists.

This is the bottom layer beside `nyhetsgraf.records`: the NLP pipeline (`nyhetsgraf.nlp`) and the
extractors (`nyhetsgraf.extract`) both read it, and it imports neither of them, nor spaCy. Each table
lives in a data file under ``resources/data`` and is read on first use, once per process.

* `nyhetsgraf.resources.lexicon`: event triggers, reporting verbs, first names, speaker nouns
  (``data/*.tsv``); ``python -m nyhetsgraf.resources.lexicon`` validates every shipped file.
* `nyhetsgraf.resources.gazetteer`: countries, towns, regions and villages, common words.
* `nyhetsgraf.resources.words`: word lists and small tables (``data/words/``): weekdays, months,
  quotation marks, vocabulary of the extractors.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(name: str) -> Traversable:
    """A file shipped under ``nyhetsgraf/resources/data`` (`name` may contain a sub-folder, "words/x.txt")."""
    return files(__name__).joinpath("data", *name.split("/"))


__all__ = ["data_file"]
