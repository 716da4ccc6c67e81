"""Shared helpers for renderers: fact layers over an article's text, excerpts, segment splitting.

Renderers take *article objects*: the extraction-contract dict (``records.article_object``
or ``Store.article``) plus a ``"text"`` key holding the article text. Fact offsets are
into the input, so the article's own ``span[0]`` is subtracted to index ``text``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from nyhetsgraf.records import FACT_KINDS, Article, FactKind, Facts, article_object, plain_value

ArticleObject = dict[str, Any]
Fact = dict[str, Any]


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
    return "—" if value is None else str(plain_value(value))


def count_label(count: dict[str, Any]) -> str:
    bound = "" if count["bound"] == "exact" else f"{count['bound'].replace('_', ' ')} "
    return f"{count['category']}: {bound}{_value(count['value'])} {count['object']}"


def event_label(event: dict[str, Any]) -> str:
    negated = "NOT " if event["negated"] else ""
    return f"{negated}{event['type']}: {event.get('actor') or '?'} → {event.get('target') or '?'}"


def or_dash(value: Any) -> str:
    return "—" if value in (None, "") else _value(value)


@dataclass(frozen=True, slots=True)
class Presenter:
    """How reports show one fact kind: a table (title, columns, cells) and a highlight (label, detail)."""

    title: str
    columns: tuple[str, ...]
    cells: Callable[[Fact], list[str]]
    label: Callable[[Fact], str]
    detail: Callable[[Fact], str]


def _mentions_detail(entity: Fact) -> str:
    mentions = len(entity["mentions"])
    return f"{mentions} mention{'s' if mentions != 1 else ''}"


def _quote_label(quote: Fact) -> str:
    return f"{'direct' if quote['direct'] else 'indirect'} quote by {quote['speaker'] or 'unknown'}"


def _event_detail(event: Fact) -> str:
    extra = [f"{key} {event[key]}" for key in ("location", "date") if event.get(key)]
    return ", ".join([f"trigger «{event['trigger']}»", *extra])


# The built-in kinds have hand-made views; any other registered kind gets ``generic_presenter``.
PRESENTERS: dict[str, Presenter] = {
    "entities": Presenter("Entities", ("name", "type", "mentions"),
                          lambda e: [e["name"], e["type"], str(len(e["mentions"]))],
                          lambda e: f"{e['name']} ({e['type']})", _mentions_detail),
    "quotes": Presenter("Quotes", ("speaker", "kind"),
                        lambda q: [or_dash(q["speaker"]), "direct" if q["direct"] else "indirect"],
                        _quote_label, lambda q: f"«{q['text']}»"),
    "counts": Presenter("Counts", ("count", "holder", "location"),
                        lambda c: [count_label(c), or_dash(c.get("holder")), or_dash(c.get("location"))],
                        count_label,
                        lambda c: ", ".join(f"{k} {c[k]}" for k in ("holder", "location") if c.get(k))),
    "events": Presenter("Events", ("type", "actor", "target", "where / when"),
                        lambda e: [("not " if e["negated"] else "") + e["type"], or_dash(e.get("actor")),
                                   or_dash(e.get("target")),
                                   " / ".join(or_dash(e.get(key)) for key in ("location", "date"))],
                        event_label, _event_detail),
    "times": Presenter("Times", ("expression", "value"), lambda t: [t["text"], or_dash(t["value"])],
                       lambda t: f"time «{t['text']}»", lambda t: f"= {_value(t['value'])}"),
}


def generic_presenter(kind: FactKind) -> Presenter:
    """Every contract field but the span, for a fact kind registered without a view of its own."""
    columns = tuple(name for name in kind.contract_fields if name not in ("span", "mentions"))
    return Presenter(kind.name.capitalize(), columns, lambda f: [or_dash(f.get(c)) for c in columns],
                     lambda f: f"{kind.label}: " + " ".join(or_dash(f.get(c)) for c in columns[:2]),
                     lambda f: ", ".join(f"{c} {or_dash(f.get(c))}" for c in columns[2:]))


def presenter(kind: FactKind) -> Presenter:
    return PRESENTERS.get(kind.name) or generic_presenter(kind)


def layers() -> tuple[str, ...]:
    """The highlight layer of each fact kind (its item label: "entity", "quote" ...), in registry order."""
    return tuple(kind.label for kind in FACT_KINDS.values())


def fact_spans(fact: Fact) -> list[list[int]]:
    """Where a fact is in the input: its mentions (entities) or its span."""
    if "mentions" in fact:
        return [list(span) for span in fact["mentions"]]
    return [list(fact["span"])] if fact.get("span") else []


def marks(obj: ArticleObject) -> list[Mark]:
    """Every fact span of the article as a Mark, clipped to the article text; malformed spans are dropped."""
    base = obj["span"][0]
    length = len(obj["text"])
    found: list[Mark] = []
    for kind in FACT_KINDS.values():
        view = presenter(kind)
        for i, fact in enumerate(obj.get(kind.name, [])):
            for span in fact_spans(fact):
                start, end = max(0, span[0] - base), min(length, span[1] - base)
                if start < end:
                    found.append(Mark(kind.label, start, end, view.label(fact), view.detail(fact), i))
    return found


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of marks (possibly none)."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(layer for layer in layers() if any(mark.layer == layer for mark in self.marks))


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
