"""Shared helpers for renderers: fact layers over an article's text, excerpts, segment splitting.

Renderers take *article objects*: the extraction-contract dict (``records.article_object``
or ``Store.article``) plus a ``"text"`` key holding the article text. Fact offsets are
into the input, so the article's own ``span[0]`` is subtracted to index ``text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nyhetsgraf.records import Article, Facts, article_object

ArticleObject = dict[str, Any]
LAYERS = ("entity", "quote", "count", "event", "time")


def renderable(article: Article, facts: Facts) -> ArticleObject:
    """The contract object of an article with its text, ready for a renderer."""
    return {**article_object(article, facts), "text": article.text}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span of an article's text (offsets relative to the text) and what it shows."""

    layer: str
    start: int
    end: int
    label: str
    detail: str
    fact: int  # index of the fact in its list, to link highlights to table rows


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "—" if value is None else str(value)


def count_label(count: dict[str, Any]) -> str:
    bound = "" if count["bound"] == "exact" else f"{count['bound'].replace('_', ' ')} "
    return f"{count['category']}: {bound}{_value(count['value'])} {count['object']}"


def event_label(event: dict[str, Any]) -> str:
    negated = "NOT " if event["negated"] else ""
    return f"{negated}{event['type']}: {event.get('actor') or '?'} → {event.get('target') or '?'}"


def marks(obj: ArticleObject) -> list[Mark]:
    """Every fact span of the article as a Mark, clipped to the article text; malformed spans are dropped."""
    base = obj["span"][0]
    length = len(obj["text"])
    found: list[Mark] = []

    def add(layer: str, span: list[int], label: str, detail: str, index: int) -> None:
        start, end = max(0, span[0] - base), min(length, span[1] - base)
        if start < end:
            found.append(Mark(layer, start, end, label, detail, index))

    for i, entity in enumerate(obj.get("entities", [])):
        mentions = len(entity["mentions"])
        for span in entity["mentions"]:
            add("entity", span, f"{entity['name']} ({entity['type']})",
                f"{mentions} mention{'s' if mentions != 1 else ''}", i)
    for i, quote in enumerate(obj.get("quotes", [])):
        kind = "direct" if quote["direct"] else "indirect"
        speaker = quote["speaker"] or "unknown"
        add("quote", quote["span"], f"{kind} quote by {speaker}", f"«{quote['text']}»", i)
    for i, count in enumerate(obj.get("counts", [])):
        where = [f"{key} {count[key]}" for key in ("holder", "location") if count.get(key)]
        add("count", count["span"], count_label(count), ", ".join(where), i)
    for i, event in enumerate(obj.get("events", [])):
        extra = [f"{key} {event[key]}" for key in ("location", "date") if event.get(key)]
        detail = ", ".join([f"trigger «{event['trigger']}»", *extra])
        add("event", event["span"], event_label(event), detail, i)
    for i, time in enumerate(obj.get("times", [])):
        add("time", time["span"], f"time «{time['text']}»", f"= {_value(time['value'])}", i)
    return found


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of marks (possibly none)."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(layer for layer in LAYERS if any(mark.layer == layer for mark in self.marks))


def segments(text: str, all_marks: list[Mark]) -> Iterator[Segment]:
    """Split ``text`` at every mark boundary, so overlapping and nested marks never cross markup."""
    cuts = sorted({0, len(text), *(m.start for m in all_marks), *(m.end for m in all_marks)})
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in all_marks if m.start <= start and end <= m.end)
        yield Segment(text[start:end], covering)


def sentence_bounds(text: str, start: int, end: int, width: int = 220) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``, at most about ``width`` characters."""
    left = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n"))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (text.find(stop, end) for stop in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    if right - left > width:  # a very long sentence: keep a window around the span
        room = max(0, width - (end - start)) // 2
        left, right = max(left, start - room), min(right, end + room)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def excerpt(obj: ArticleObject, span: list[int], width: int = 220) -> tuple[str, str, str]:
    """``(before, hit, after)`` of the source sentence around a fact span (input offsets)."""
    text = obj["text"]
    base = obj["span"][0]
    start, end = max(0, span[0] - base), min(len(text), span[1] - base)
    if start >= end:
        return "", "", ""
    left, right = sentence_bounds(text, start, end, width)
    flat = lambda s: " ".join(s.split("\n"))  # noqa: E731 - keeps excerpt lengths intact
    before = ("…" if left > 0 and text[left - 1] not in ".!?\n " else "") + flat(text[left:start])
    cut_short = right < len(text) and text[right - 1] not in ".!?\n"
    after = flat(text[end:right].rstrip()) + ("…" if cut_short else "")
    return before, flat(text[start:end]), after
