"""Fact series: counts of one category with the same holder and location, followed over time.

A point's date is the date its own sentence gives (a resolved time expression in the same
sentence: "natt til mandag", "i fjor") where that is as precise as a day or refers to another
period than the article's; else the article's date. A *change* is a point whose value lies outside
the bounds of the point before it: "rundt 70" -> "om lag 50" is one, "rundt 50" -> "50" is none.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from nyhetsgraf.kb.names import fold
from nyhetsgraf.kb.records import Change, Series, SeriesPoint, Span

ABOUT_MARGIN = 0.1  # "rundt 70" covers 63-77
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class CountFact:
    """One stored count as series building reads it."""

    article: str
    article_date: str | None
    rid: int  # storage order of the article
    category: str
    value: float
    bound: str
    object: str
    holder: str | None  # corpus entity id, or None
    holder_text: str | None  # the name as the article gives it
    location: str | None
    location_text: str | None
    span: Span
    date: str | None  # the point's date (``point_date``)
    story: str | None = None  # the article's story


def sentence_bounds(text: str, offset: int, position: int) -> Span:
    """Input offsets of the sentence holding ``position`` (``text`` starts at input offset ``offset``)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() >= position - offset:
            return offset + start, offset + match.start()
        start = match.end()
    return offset + start, offset + len(text)


def point_date(
    text: str, offset: int, span: Span, times: Iterable[tuple[Span, str | None]], article_date: str | None
) -> str | None:
    """The date of a count: its sentence's own resolved time where that says more than the article date."""
    start, end = sentence_bounds(text, offset, span[0])
    for (t_start, t_end), value in sorted(times, key=lambda t: abs(t[0][0] - span[0])):
        if value is None or not (start <= t_start and t_end <= end):
            continue
        if len(value) == 10 or article_date is None or not article_date.startswith(value):
            return value
    return article_date


def _sort_date(value: str | None) -> str:
    if not value:
        return "9999"
    if "W" in value:  # an ISO week: its Monday
        from datetime import date

        try:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1).isoformat()
        except ValueError:
            return value
    return value


def interval(value: float, bound: str) -> tuple[float, float]:
    """The values a reported count allows."""
    if bound == "about":
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    if bound in ("at_least", "more_than"):
        return value, float("inf")
    if bound in ("at_most", "less_than"):
        return 0.0, value
    return value, value


def is_change(before: SeriesPoint, after: SeriesPoint) -> bool:
    low_a, high_a = interval(before.value, before.bound)
    low_b, high_b = interval(after.value, after.bound)
    return high_a < low_b or high_b < low_a


SeriesKey = tuple[str, str | None, str | None, str | None, str | None]


def series_key(fact: CountFact) -> SeriesKey:
    """(category, holder, location, object, story): the object only for OTHER (anything counted), the
    story only when the count has neither holder nor location (else it would join every story's)."""
    holder = fact.holder or (f"~{fold(fact.holder_text)}" if fact.holder_text else None)
    location = fact.location or (f"~{fold(fact.location_text)}" if fact.location_text else None)
    counted = fold(fact.object) if fact.category == "OTHER" else None
    story = fact.story if holder is None and location is None else None
    return fact.category, holder, location, counted, story


def series_id(key: SeriesKey) -> str:
    return "c" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:12]


def build_series(
    facts: Iterable[CountFact], names: dict[str, str] | None = None, min_points: int = 1
) -> list[Series]:
    """Every series of the given counts (with at least ``min_points`` points), largest first.

    ``names`` gives corpus entities' canonical names for ``holder_name`` / ``location_name``.
    """
    names = names or {}
    grouped: dict[SeriesKey, list[CountFact]] = defaultdict(list)
    for fact in facts:
        grouped[series_key(fact)].append(fact)
    result = []
    for key, members in grouped.items():
        members.sort(key=lambda f: (_sort_date(f.date), _sort_date(f.article_date), f.rid, f.span))
        points: list[SeriesPoint] = []
        seen: set[tuple[str, float]] = set()
        for f in members:
            if (f.article, f.value) in seen:  # a headline repeating its article's number
                continue
            seen.add((f.article, f.value))
            points.append(
                SeriesPoint(f.date, float(f.value), f.bound, f.object, f.article, f.span, f.article_date)
            )
        if len(points) < min_points:
            continue
        changes = [
            Change(after.date, before.value, after.value, after.article)
            for before, after in zip(points, points[1:], strict=False)
            if is_change(before, after)
        ]
        first = members[0]
        holder = first.holder
        location = first.location
        objects = Counter(f.object for f in members)
        result.append(
            Series(
                id=series_id(key),
                category=key[0],
                holder=holder,
                location=location,
                holder_name=names.get(holder, first.holder_text) if holder else first.holder_text,
                location_name=names.get(location, first.location_text) if location else first.location_text,
                object=max(objects, key=lambda o: (objects[o], o)),
                points=points,
                changes=changes,
            )
        )
    result.sort(key=lambda s: (-len(s.points), s.category, s.id))
    return result
