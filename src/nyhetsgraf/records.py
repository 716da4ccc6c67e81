"""Plain typed records that flow one way through nyhetsgraf.

    reader -> Document -> segmenter -> Article -> nlp + extract -> ArticleRecord -> store / JSON

Every span is a ``(start, end)`` pair of Python ``str`` offsets (end exclusive) into
``Document.text``: for plain-text inputs that is the input file itself, so offsets match
the extraction contract (``../shared/spec/extraction-contract.md``); for structured
inputs (JSON Lines, HTML, feeds, WARC) it is the text extracted from that record.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
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


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    direct: bool
    span: Span


@dataclass(slots=True)
class Count:
    category: str
    value: float
    bound: str
    object: str
    holder: str | None
    location: str | None
    span: Span


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


@dataclass(slots=True)
class TimeExpression:
    text: str
    value: str | None
    span: Span


@dataclass(slots=True)
class Facts:
    """Everything the extractors found in one article."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def article_object(article: Article, facts: Facts | None = None) -> dict[str, Any]:
    """The extraction-contract object (one JSON line) for an article and its facts."""
    facts = facts or Facts()
    return {
        "id": article.id,
        "source": article.document.source,
        "index": article.index,
        "span": list(article.span),
        "date": article.date,
        "title": article.title,
        "headings": list(article.headings),
        "language": article.language,
        "entities": [_plain(asdict(e)) for e in facts.entities],
        "quotes": [_plain(asdict(q)) for q in facts.quotes],
        "counts": [_plain(asdict(c)) for c in facts.counts],
        "events": [_plain(asdict(e)) for e in facts.events],
        "times": [_plain(asdict(t)) for t in facts.times],
    }
