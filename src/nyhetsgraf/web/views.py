"""What the article page shows: the text cut into sentences and highlighted runs, and the fact lists.

Built from the contract object (``data.article``), reusing the renderer's marks (render/spans.py);
every list item knows the sentence it came from, so the page can link it there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from nyhetsgraf.render.spans import Mark, layers, marks
from nyhetsgraf.web import labels
from nyhetsgraf.web.data import sentence_spans, series_key


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of one sentence covered by the same marks."""

    text: str
    layers: tuple[str, ...]
    title: str
    entity: str | None  # corpus entity id of the name this run is, for the link to its page
    anchors: tuple[str, ...]  # element ids: the first run of each fact

    @property
    def classes(self) -> str:
        return " ".join(["hl", *(f"hl-{layer}" for layer in self.layers)])


@dataclass(frozen=True, slots=True)
class Sentence:
    number: int
    runs: tuple[Run, ...]


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return "—" if value is None else str(value)


def count_text(count: dict[str, Any]) -> str:
    bound = labels.COUNT_BOUNDS.get(count["bound"], count["bound"])
    return " ".join(part for part in (bound, _value(count["value"]), count["object"]) if part)


def _mark_title(obj: dict[str, Any], mark: Mark) -> str:
    if mark.layer == "entity":
        item = obj["entities"][mark.fact]
        return f"{item['name']} ({labels.label(labels.ENTITY_TYPES, item['type'])})"
    if mark.layer == "quote":
        item = obj["quotes"][mark.fact]
        kind = "direkte sitat" if item["direct"] else "indirekte sitat"
        return f"{kind}: {item['speaker'] or 'ukjent'}"
    if mark.layer == "count":
        item = obj["counts"][mark.fact]
        return f"{labels.label(labels.COUNT_CATEGORIES, item['category'])}: {count_text(item)}"
    if mark.layer == "event":
        item = obj["events"][mark.fact]
        negated = "ikke " if item["negated"] else ""
        return (f"{negated}{labels.label(labels.EVENT_TYPES, item['type'])}: "
                f"{item['actor'] or '?'} → {item['target'] or '?'}")
    if mark.layer == "time":
        item = obj["times"][mark.fact]
        return f"tid: {item['text']} = {item['value'] or '?'}"
    return mark.label + (f" — {mark.detail}" if mark.detail else "")


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    """The number of the sentence holding ``offset`` (spans cover the text in order, without gaps)."""
    return max(0, bisect_right(spans, offset, key=lambda span: span[0]) - 1)


def article_view(obj: dict[str, Any]) -> dict[str, Any]:
    """Sentences of highlighted runs, and each fact list with the sentence of every item."""
    text: str = obj["text"]
    base: int = obj["span"][0]
    all_marks = marks(obj)
    spans = sentence_spans(text)
    cuts = sorted({0, len(text), *(m.start for m in all_marks), *(m.end for m in all_marks),
                   *(start for start, _ in spans)})
    corpus_ids: list[str | None] = list(obj.get("kb", {}).get("entities") or [])
    corpus_ids += [None] * (len(obj["entities"]) - len(corpus_ids))
    seen: set[tuple[str, int]] = set()
    sentences: list[list[Run]] = [[] for _ in spans] or [[]]
    # A sweep over the cuts: marks open as their start is passed and close at their end, so a long
    # article with many facts costs (cuts + marks), not cuts x marks. Marks keep their list order.
    opening = sorted(enumerate(all_marks), key=lambda item: item[1].start)
    next_open = 0
    open_marks: list[tuple[int, Mark]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        while next_open < len(opening) and opening[next_open][1].start <= start:
            open_marks.append(opening[next_open])
            next_open += 1
        open_marks = [item for item in open_marks if item[1].end > start]
        covering = [mark for _, mark in sorted(item for item in open_marks if end <= item[1].end)]
        anchors = []
        for mark in covering:
            if (mark.layer, mark.fact) not in seen:
                seen.add((mark.layer, mark.fact))
                anchors.append(f"f-{mark.layer}-{mark.fact}")
        entity = next((m for m in covering if m.layer == "entity"), None)
        entity_id = corpus_ids[entity.fact] if entity is not None else None
        shown = tuple(layer for layer in layers() if any(m.layer == layer for m in covering))
        title = "\n".join(_mark_title(obj, mark) for mark in covering)
        sentences[_sentence_of(spans, start)].append(
            Run(text[start:end], shown, title, entity_id, tuple(anchors)))

    def sentence(span: list[int]) -> int:
        return _sentence_of(spans, max(0, span[0] - base))

    names: dict[str, str | None] = {}
    for entity_item, corpus_id in zip(obj["entities"], corpus_ids, strict=False):
        names.setdefault(entity_item["name"], corpus_id)
    entities = [{**e, "id": corpus_ids[i], "type_label":
                 labels.label(labels.ENTITY_TYPES, e["type"]), "index": i,
                 "sentence": sentence(e["mentions"][0]) if e["mentions"] else 0}
                for i, e in enumerate(obj["entities"])]
    quotes = [{**q, "index": i, "sentence": sentence(q["span"]),
               "speaker_id": names.get(q["speaker"]) if q["speaker"] else None}
              for i, q in enumerate(obj["quotes"])]
    counts = []
    for i, c in enumerate(obj["counts"]):
        holder, location = names.get(c["holder"] or ""), names.get(c["location"] or "")
        counts.append({**c, "index": i, "sentence": sentence(c["span"]), "text": count_text(c),
                       "category_label": labels.label(labels.COUNT_CATEGORIES, c["category"]),
                       "series": series_key(c["category"], holder, location) if holder or location else None})
    events = [{**e, "index": i, "sentence": sentence(e["span"]),
               "type_label": labels.label(labels.EVENT_TYPES, e["type"]),
               "actor_id": names.get(e["actor"]) if e["actor"] else None,
               "target_id": names.get(e["target"]) if e["target"] else None}
              for i, e in enumerate(obj["events"])]
    times = [{**t, "index": i, "sentence": sentence(t["span"])} for i, t in enumerate(obj["times"])]
    return {
        "sentences": [Sentence(number, tuple(runs)) for number, runs in enumerate(sentences)],
        "entities": entities,
        "quotes": quotes,
        "counts": counts,
        "events": events,
        "times": times,
    }
