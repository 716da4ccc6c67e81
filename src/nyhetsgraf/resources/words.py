"""Word lists and small tables the NLP pipeline and the extractors share (``data/words/``).

Vocabulary a linguist would edit lives in these files, not in the code. Two kinds of file, each
opening with a ``#`` comment block that says what the list is, who reads it and how:

* ``NAME.txt``: one entry per line, a lower-case word or a space-separated phrase; the file's order
  is kept (some readers build regular expressions from a list, where the longer form must come first).
* ``NAME.tsv``: a table with a header line, read like the lexicons (`nyhetsgraf.resources.lexicon`).

Each file is read on first use and kept for the process. Every reader validates as it parses, so a bad
entry fails with a one-line ``ValueError`` naming the file and line; `summary` reads them all, for
``python -m nyhetsgraf.resources.lexicon``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources.abc import Traversable

from nyhetsgraf.resources import data_file
from nyhetsgraf.resources.lexicon import LANGS, Source, read_rows

WORDS_FOLDER = "words"
WEEKDAY_COLUMNS = ("word", "day", "lang")
MONTH_COLUMNS = ("word", "month", "form")
MONTH_FORMS = ("name", "abbreviation")
OFFSET_COLUMNS = ("phrase", "offset")
QUOTATION_MARK_COLUMNS = ("opening", "closing")
APPOSITION_COLUMNS = ("ending", "label")
ENTITY_LABELS = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC")  # NorNE's


def _words_file(filename: str) -> Traversable:
    return data_file(f"{WORDS_FOLDER}/{filename}")


def _name(source: Source) -> str:
    return getattr(source, "name", str(source))


def parse_word_list(source: Source) -> tuple[str, ...]:
    """The entries of a one-entry-per-line file, in file order, after checking each of them."""
    name = _name(source)
    lines = source.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise ValueError(f"{name}, line 1: a word list opens with a # comment saying what it is")
    entries: list[str] = []
    seen: dict[str, int] = {}
    for line_number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        problem = _entry_problem(raw)
        if problem:
            raise ValueError(f"{name}, line {line_number}: {problem}")
        if raw in seen:
            raise ValueError(f"{name}, line {line_number}: {raw!r} repeats line {seen[raw]}")
        seen[raw] = line_number
        entries.append(raw)
    if not entries:
        raise ValueError(f"{name}: no entries")
    return tuple(entries)


def _entry_problem(entry: str) -> str | None:
    if "\t" in entry:
        return f"one entry per line, no tabs: {entry!r}"
    if entry != entry.strip() or "  " in entry:
        return f"stray spaces in {entry!r}"
    if entry != entry.lower():
        return f"entries are lower case (readers lower-case the text): {entry!r}"
    return None


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The shipped list ``data/words/<name>.txt``, in file order."""
    return parse_word_list(_words_file(f"{name}.txt"))


@cache
def word_set(name: str) -> frozenset[str]:
    """The shipped list ``data/words/<name>.txt`` as a set."""
    return frozenset(word_list(name))


def _integer(value: str, column: str, source: Source, line: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise ValueError(f"{_name(source)}, line {line}: {column} must be a whole number from {low} "
                         f"to {high}, found {value!r}")
    return number


def _choice(value: str, allowed: tuple[str, ...], column: str, source: Source, line: int) -> str:
    if value not in allowed:
        raise ValueError(f"{_name(source)}, line {line}: {column} must be one of "
                         f"{', '.join(repr(a) for a in allowed)}, found {value!r}")
    return value


def _unique_key(key: str, seen: dict[str, int], source: Source, line: int) -> str:
    problem = _entry_problem(key) if key else "empty key"
    if problem:
        raise ValueError(f"{_name(source)}, line {line}: {problem}")
    if key in seen:
        raise ValueError(f"{_name(source)}, line {line}: {key!r} repeats line {seen[key]}")
    seen[key] = line
    return key


# --- weekdays and months ----------------------------------------------------------------------------


def parse_weekdays(source: Source) -> dict[str, tuple[int, str]]:
    """Weekday name -> (day number, Monday = 0; "nb", "nn" or "both")."""
    days: dict[str, tuple[int, str]] = {}
    seen: dict[str, int] = {}
    for line, row in read_rows(source, WEEKDAY_COLUMNS):
        word = _unique_key(row["word"], seen, source, line)
        days[word] = (_integer(row["day"], "day", source, line, 0, 6),
                      _choice(row["lang"], LANGS, "lang", source, line))
    return days


@cache
def _weekday_table() -> dict[str, tuple[int, str]]:
    return parse_weekdays(_words_file("weekdays.tsv"))


@cache
def weekdays() -> Mapping[str, int]:
    """Weekday name (bokmål and nynorsk) -> day number, Monday = 0, in file order."""
    return {word: day for word, (day, _) in _weekday_table().items()}


@cache
def weekday_names(lang: str | None = None) -> frozenset[str]:
    """Weekday names; with `lang` ("nb" or "nn") only those of that written standard."""
    return frozenset(word for word, (_, written) in _weekday_table().items()
                     if lang is None or written in (lang, "both"))


def parse_months(source: Source) -> dict[str, tuple[int, str]]:
    """Month name or abbreviation -> (month number, "name" or "abbreviation")."""
    months: dict[str, tuple[int, str]] = {}
    seen: dict[str, int] = {}
    for line, row in read_rows(source, MONTH_COLUMNS):
        word = _unique_key(row["word"], seen, source, line)
        months[word] = (_integer(row["month"], "month", source, line, 1, 12),
                        _choice(row["form"], MONTH_FORMS, "form", source, line))
    return months


@cache
def _month_table() -> dict[str, tuple[int, str]]:
    return parse_months(_words_file("months.tsv"))


@cache
def months() -> Mapping[str, int]:
    """Month name or abbreviation (without its full stop) -> month number, in file order."""
    return {word: month for word, (month, _) in _month_table().items()}


@cache
def month_names() -> frozenset[str]:
    """The twelve month names, without abbreviations."""
    return frozenset(word for word, (_, form) in _month_table().items() if form == "name")


# --- relative time words ----------------------------------------------------------------------------


def parse_offsets(source: Source) -> dict[str, int]:
    """A phrase -> signed whole-number table ("i går" -> -1, "neste" -> 1)."""
    offsets: dict[str, int] = {}
    seen: dict[str, int] = {}
    for line, row in read_rows(source, OFFSET_COLUMNS):
        phrase = _unique_key(row["phrase"], seen, source, line)
        offsets[phrase] = _integer(row["offset"], "offset", source, line, -100, 100)
    return offsets


@cache
def relative_days() -> Mapping[str, int]:
    """Phrases naming a day relative to publication ("i går", "i overmorgon") -> offset in days."""
    return parse_offsets(_words_file("relative_days.tsv"))


@cache
def time_steps() -> Mapping[str, int]:
    """Words that step a week, month or year forward (1) or back (-1): "neste", "forrige", "førre"."""
    return parse_offsets(_words_file("time_steps.tsv"))


# --- quotation marks --------------------------------------------------------------------------------


def parse_quotation_marks(source: Source) -> dict[str, str]:
    """Opening quotation mark -> its closing mark."""
    marks: dict[str, str] = {}
    seen: dict[str, int] = {}
    for line, row in read_rows(source, QUOTATION_MARK_COLUMNS):
        opening, closing = row["opening"], row["closing"]
        if len(opening) != 1 or len(closing) != 1:
            raise ValueError(f"{_name(source)}, line {line}: a quotation mark is one character, "
                             f"found {opening!r} and {closing!r}")
        marks[_unique_key(opening, seen, source, line)] = closing
    return marks


@cache
def quotation_marks() -> Mapping[str, str]:
    """Opening quotation mark -> closing mark, as the quote finder and the entity-type rules read them."""
    return parse_quotation_marks(_words_file("quotation_marks.tsv"))


# --- nouns that type the name after them -------------------------------------------------------------


def parse_apposition_nouns(source: Source) -> dict[str, tuple[str, ...]]:
    """Entity label -> the noun endings that give a following name that label, labels in file order."""
    labels: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for line, row in read_rows(source, APPOSITION_COLUMNS):
        ending = _unique_key(row["ending"], seen, source, line)
        label = _choice(row["label"], ENTITY_LABELS, "label", source, line)
        labels.setdefault(label, []).append(ending)
    return {label: tuple(endings) for label, endings in labels.items()}


@cache
def apposition_nouns() -> Mapping[str, tuple[str, ...]]:
    """Label -> endings of lower-case nouns that say what the name after them is ("kaffebaren Dugni")."""
    return parse_apposition_nouns(_words_file("entity_type_apposition_nouns.tsv"))


# --- checking ---------------------------------------------------------------------------------------

TABLES: dict[str, Callable[[Source], Mapping[str, object]]] = {
    "weekdays.tsv": parse_weekdays,
    "months.tsv": parse_months,
    "relative_days.tsv": parse_offsets,
    "time_steps.tsv": parse_offsets,
    "quotation_marks.tsv": parse_quotation_marks,
    "entity_type_apposition_nouns.tsv": parse_apposition_nouns,
}


def check_words() -> tuple[int, int]:
    """Parse every file under ``data/words`` (bypassing the caches); (word lists, tables) read.

    A ``.tsv`` file without a reader in `TABLES`, or a file of another kind, is an error: it would be
    shipped and never read.
    """
    lists = tables = 0
    folder = data_file(WORDS_FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            parse_word_list(entry)
            lists += 1
        elif entry.name in TABLES:
            TABLES[entry.name](entry)
            tables += 1
        elif not entry.name.startswith((".", "__")):
            raise ValueError(f"{entry.name}: no reader for this file in nyhetsgraf.resources.words")
    return lists, tables
