"""Typed records of the knowledge base: what its functions take and return."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """One real-world entity across the whole store."""

    id: str
    name: str  # canonical: the fullest, most used base form
    type: str  # the NorNE type it has most often
    aliases: tuple[str, ...]  # the other surface forms seen, genitives stripped
    articles: int  # how many articles name it
    mentions: int
    first_date: str | None
    last_date: str | None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "aliases": list(self.aliases)}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as a knowledge-base listing shows it."""

    id: str
    date: str | None
    title: str | None
    source: str
    index: int
    story: str | None = None
    duplicate_of: str | None = None
    mentions: int = 0  # mentions of the entity in question, where that applies

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class QuoteRef:
    article: str
    date: str | None
    text: str
    speaker: str | None  # the speaker as the article names it
    speaker_entity: str | None  # corpus entity id of the speaker
    direct: bool
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class EventRef:
    article: str
    date: str | None
    type: str
    trigger: str
    actor: str | None
    actor_entity: str | None
    target: str | None
    target_entity: str | None
    negated: bool
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class EntityDetail:
    """Everything the store knows about one corpus entity."""

    entity: CorpusEntity
    articles: list[ArticleRef]  # in date order
    quotes_by: list[QuoteRef]
    quotes_about: list[QuoteRef]  # quotes whose text names the entity
    events_as_actor: list[EventRef]
    events_as_target: list[EventRef]
    cooccurring: list[tuple[CorpusEntity, int]]  # entities named in the same articles, with how often

    def to_json(self) -> dict[str, Any]:
        return {
            **self.entity.to_json(),
            "article_list": [a.to_json() for a in self.articles],
            "quotes_by": [q.to_json() for q in self.quotes_by],
            "quotes_about": [q.to_json() for q in self.quotes_about],
            "events_as_actor": [e.to_json() for e in self.events_as_actor],
            "events_as_target": [e.to_json() for e in self.events_as_target],
            "cooccurring": [
                {"id": e.id, "name": e.name, "type": e.type, "articles": n} for e, n in self.cooccurring
            ],
        }


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one real-world happening and its follow-ups."""

    id: str
    title: str  # the earliest headline
    articles: list[ArticleRef]  # in date order
    first_date: str | None
    last_date: str | None
    entities: list[CorpusEntity]  # main entities, most named first

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": [a.to_json() for a in self.articles],
            "first_date": self.first_date,
            "last_date": self.last_date,
            "entities": [{"id": e.id, "name": e.name, "type": e.type} for e in self.entities],
        }


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    date: str | None  # the sentence's own date where it gives one, else the article's
    value: float
    bound: str
    object: str
    article: str
    span: Span
    article_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {**asdict(self), "value": value, "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class Change:
    """The reported value moved beyond the bounds of the previous point."""

    date: str | None
    from_value: float
    to_value: float
    article: str

    def to_json(self) -> dict[str, Any]:
        def plain(v: float) -> float | int:
            return int(v) if float(v).is_integer() else v

        return {
            "date": self.date,
            "from": plain(self.from_value),
            "to": plain(self.to_value),
            "article": self.article,
        }


@dataclass(frozen=True, slots=True)
class Series:
    """Counts of one category with the same holder and location, in date order."""

    id: str
    category: str
    holder: str | None  # corpus entity id
    location: str | None  # corpus entity id
    holder_name: str | None
    location_name: str | None
    object: str  # the most used counted noun
    points: list[SeriesPoint]
    changes: list[Change]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "holder": self.holder,
            "location": self.location,
            "holder_name": self.holder_name,
            "location_name": self.location_name,
            "object": self.object,
            "points": [p.to_json() for p in self.points],
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(slots=True)
class UpdateSummary:
    """What one ``update`` did."""

    articles: int = 0  # newly linked articles
    entities_relinked: int = 0  # article entities whose corpus entity was (re)computed
    stories_changed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # CPU seconds of each step
