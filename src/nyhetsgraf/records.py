"""Plain typed records that flow one way through nyhetsgraf.

    reader -> Document -> segmenter -> Article -> nlp + extract -> ArticleRecord -> store / JSON

Every span is a ``(start, end)`` pair of Python ``str`` offsets (end exclusive) into
``Document.text``: for plain-text inputs that is the input file itself, so offsets match
the extraction contract (``../shared/spec/extraction-contract.md``); for structured
inputs (JSON Lines, HTML, feeds, WARC) it is the text extracted from that record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

Span = tuple[int, int]

ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "GPE", "PROD", "EVT", "DRV", "MISC")
COUNT_CATEGORIES = ("DEPLOY", "KILL", "WOUND", "ARREST", "MISSING", "KIDNAP", "EVACUATE",
                    "DISPLACE", "PROTEST", "OTHER")
COUNT_BOUNDS = ("exact", "about", "at_least", "more_than", "at_most", "less_than")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(slots=True)
class Document:
    """One unit of text as a reader found it, before it is split into articles.

    ``source`` is the path (or URL / record id) as the user gave it. ``meta`` holds what the
    format told us: ``date``, ``title``, ``url``, ``author``, ``source_name`` and any extra
    fields of a JSON record. ``date`` is ISO 8601, partial allowed.
    """

    source: str
    text: str
    format: str  # "text", "jsonl", "html", "feed", "warc"
    date: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    record: int = 0  # position of this document among those of one input file
    body_start: int = 0  # first character after a " date ... – " prefix
    offset: int = 0  # where ``text`` begins in the input (a part of a large file read in pieces)


@dataclass(slots=True)
class Block:
    """A paragraph-level piece of an article: its role is "title", "heading" or "body"."""

    span: Span
    role: str


@dataclass(slots=True)
class Article:
    """One article found in a Document, with its layout and exact offsets."""

    document: Document
    index: int  # 0-based position among the articles of its input
    span: Span
    title: str | None = None
    headings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    language: str = "nb"

    @property
    def text(self) -> str:
        base = self.document.offset
        return self.document.text[self.span[0] - base:self.span[1] - base]

    @property
    def date(self) -> str | None:
        return self.document.date

    @property
    def id(self) -> str:
        """Stable id: same source, position and text give the same id."""
        key = f"{self.document.source}\x00{self.document.record}\x00{self.index}\x00{self.text}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        """Hash of the article text alone, for de-duplication across sources."""
        return hashlib.sha1(" ".join(self.text.split()).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Entity:
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)


# A fact that names an entity also carries its *key*: the index of that entity in ``Facts.entities``
# (None when the name is a description, not an entity of the article). Keys never reach the
# extraction contract; the store turns them into foreign keys so the knowledge base can follow them.

@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    direct: bool
    span: Span
    speaker_key: int | None = None


@dataclass(slots=True)
class Count:
    category: str
    value: float
    bound: str
    object: str
    holder: str | None
    location: str | None
    span: Span
    holder_key: int | None = None
    location_key: int | None = None


@dataclass(slots=True)
class Event:
    type: str
    trigger: str
    actor: str | None
    target: str | None
    location: str | None
    date: str | None
    negated: bool
    span: Span
    actor_key: int | None = None
    target_key: int | None = None
    location_key: int | None = None


@dataclass(slots=True)
class TimeExpression:
    text: str
    value: str | None
    span: Span


# -- the fact-kind registry ----------------------------------------------------------------------------

KEY_SUFFIX = "_key"


@dataclass(frozen=True, slots=True)
class FactKind:
    """One kind of fact: the contract list it fills, the record that holds one item, its store table.

    Records, the contract encoder, the store and the renderers loop over ``FACT_KINDS``, so adding a
    kind is: its record, its finder (``nyhetsgraf.extract.components``), its table (a migration, or
    ``ddl`` for a kind registered from outside the package), and nothing else.
    """

    name: str  # the contract list ("quotes") and the store table
    record: type
    label: str  # what one item is called in reports
    ddl: str | None = None  # CREATE TABLE for a kind added from outside (``{pk}`` is the id column type)
    describe: Callable[[dict[str, Any]], str] | None = None  # one line of a report, from the contract dict

    @property
    def id_column(self) -> str:
        return f"{self.name.removesuffix('s')}_id"

    @property
    def field_names(self) -> tuple[str, ...]:
        return _field_names(self.record)

    @property
    def contract_fields(self) -> tuple[str, ...]:
        """The record's fields as the extraction contract writes them (entity keys left out)."""
        return tuple(name for name in self.field_names if not name.endswith(KEY_SUFFIX))

    @property
    def entity_references(self) -> dict[str, str]:
        """``{name field: key field}`` of the fields that name an entity (``speaker`` -> ``speaker_key``)."""
        names = set(self.field_names)
        return {name.removesuffix(KEY_SUFFIX): name for name in self.field_names
                if name.endswith(KEY_SUFFIX) and name.removesuffix(KEY_SUFFIX) in names}


@cache  # asked for every article (entity keys) and every fact written
def _field_names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


FACT_KINDS: dict[str, FactKind] = {}


def register_fact_kind(kind: FactKind) -> FactKind:
    """Add a fact kind (or replace one of the same name); the order of registration is the output order."""
    FACT_KINDS[kind.name] = kind
    return kind


def unregister_fact_kind(name: str) -> None:
    FACT_KINDS.pop(name, None)


for _kind in (FactKind("entities", Entity, "entity"), FactKind("quotes", Quote, "quote"),
              FactKind("counts", Count, "count"), FactKind("events", Event, "event"),
              FactKind("times", TimeExpression, "time")):
    register_fact_kind(_kind)


class Facts:
    """Everything the extractors found in one article: one list per registered fact kind.

    ``facts.quotes`` is the list of kind "quotes"; a kind nothing found is an empty list. ``failure``
    says why extraction failed for the article (its facts are then empty and it counts as not extracted).
    """

    __slots__ = ("_lists", "failure")

    def __init__(self, failure: str | None = None, **lists: list[Any]) -> None:
        unknown = set(lists) - set(FACT_KINDS)
        if unknown:
            raise TypeError(f"unknown fact kinds: {', '.join(sorted(unknown))}")
        self._lists: dict[str, list[Any]] = {name: list(items) for name, items in lists.items()}
        self.failure = failure

    def __getattr__(self, name: str) -> list[Any]:
        if name.startswith("_") or name not in FACT_KINDS:
            raise AttributeError(name)
        return self._lists.setdefault(name, [])

    def __getitem__(self, kind: str) -> list[Any]:
        if kind not in FACT_KINDS:
            raise KeyError(kind)
        return self._lists.setdefault(kind, [])

    def __setitem__(self, kind: str, items: list[Any]) -> None:
        if kind not in FACT_KINDS:
            raise KeyError(kind)
        self._lists[kind] = items

    def items(self) -> Iterator[tuple[FactKind, list[Any]]]:
        """Every registered kind with its list, in registry order."""
        for name, kind in FACT_KINDS.items():
            yield kind, self._lists.get(name, [])

    def __len__(self) -> int:
        return sum(len(items) for items in self._lists.values())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Facts):
            return NotImplemented
        return all(self[name] == other[name] for name in FACT_KINDS)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={items!r}" for name, items in self._lists.items() if items)
        return f"Facts({inner})"


def link_entity_keys(facts: Facts) -> Facts:
    """Fill every fact's entity keys from the names it carries (the canonical names of ``facts.entities``)."""
    index: dict[str, int] = {}
    for position, entity in enumerate(facts.entities):
        index.setdefault(entity.name, position)
    for kind, items in facts.items():
        references = kind.entity_references
        if not references:
            continue
        for item in items:
            for name_field, key_field in references.items():
                name = getattr(item, name_field)
                setattr(item, key_field, index.get(name) if name else None)
    return facts


# -- the extraction contract ------------------------------------------------------------------------------

def plain_value(value: Any) -> Any:
    """A record field as JSON writes it: tuples as lists, whole floats as ints."""
    if isinstance(value, tuple | list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def fact_object(kind: FactKind, item: Any) -> dict[str, Any]:
    """One fact as the extraction contract writes it."""
    return {name: plain_value(getattr(item, name)) for name in kind.contract_fields}


def fact_objects(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    return {kind.name: [fact_object(kind, item) for item in items] for kind, items in facts.items()}


def contract_object(*, id: str, source: str, index: int, span: Span | list[int], date: str | None,
                    title: str | None, headings: list[str], language: str,
                    facts: Facts | None = None) -> dict[str, Any]:
    """The extraction-contract object: the one encoder used by extract, the store, the CLI and the API."""
    return {
        "id": id,
        "source": source,
        "index": index,
        "span": list(span),
        "date": date,
        "title": title,
        "headings": list(headings),
        "language": language,
        **fact_objects(facts or Facts()),
    }


def article_object(article: Article, facts: Facts | None = None) -> dict[str, Any]:
    """The extraction-contract object (one JSON line) for an article and its facts."""
    return contract_object(id=article.id, source=article.document.source, index=article.index,
                           span=article.span, date=article.date, title=article.title,
                           headings=article.headings, language=article.language, facts=facts)
