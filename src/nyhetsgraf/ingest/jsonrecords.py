"""Validation of one JSON record (a JSON Lines line or an element of a JSON array) with pydantic.

A record needs a text (``text``, ``body`` or ``content``: a non-empty string). Every other known field
is checked on its own: a bad one (a date that is no date, a title that is an object) is left empty
with a warning naming the record, and the record is still read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictFloat, StrictInt, StrictStr, ValidationError

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published", "published_at", "pubDate")
STRING_FIELDS = ("title", "url", "source", "author")
KNOWN_FIELDS = frozenset({*TEXT_FIELDS, *DATE_FIELDS, *STRING_FIELDS})

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
# Unix time in seconds between 1970 and 2100: what some exports write instead of a date.
_EPOCH_RANGE = (0, 4_102_444_800)


def iso_date(value: str | int | float) -> str:
    """``value`` as ISO 8601 (partial dates kept: "2024", "2024-03"); ValueError when it is no date."""
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, int | float):
        if not _EPOCH_RANGE[0] <= value <= _EPOCH_RANGE[1]:
            raise ValueError("not a date")
        return datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    text = value.strip()
    partial = _PARTIAL_DATE.match(text)
    if partial:
        year, month = partial.groups()
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError("not a date")
        return text
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)  # RFC 2822, as feeds and e-mail write dates
        except (TypeError, ValueError, IndexError):
            raise ValueError("not a date") from None
        return parsed.isoformat()
    if len(text) == 10:
        return parsed.date().isoformat()
    return text.replace(" ", "T", 1) if len(text) > 10 and text[10] == " " else text


IsoDate = Annotated[StrictStr | StrictInt | StrictFloat, AfterValidator(iso_date)]


class RecordFields(BaseModel):
    """The fields nyhetsgraf reads from a JSON record, each validated on its own."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr
    date: IsoDate | None = None
    title: StrictStr | None = None
    url: StrictStr | None = None
    source: StrictStr | None = None
    author: StrictStr | None = None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return repr(shown)
    return type(value).__name__


def _first_present(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        value = record.get(name)
        if value is not None and value != "":
            return name, value
    return None, None


def validate_record(record: dict[str, Any]) -> tuple[RecordFields | None, list[str]]:
    """The validated fields (None when the record has no usable text) and a note per field left out."""
    text_name, text = _first_present(record, TEXT_FIELDS)
    if text_name is None:
        return None, ["no text, body or content field"]
    if not isinstance(text, str):
        return None, [f"field {text_name!r} is {_kind(text)}, not text"]
    if not text.strip():
        return None, [f"field {text_name!r} is blank"]
    date_name, date = _first_present(record, DATE_FIELDS)
    values: dict[str, Any] = {"text": text, "date": date}
    names = {"text": text_name, "date": date_name}
    for name in STRING_FIELDS:
        values[name] = record.get(name)
        names[name] = name
    notes: list[str] = []
    try:
        return RecordFields(**values), notes
    except ValidationError as error:
        bad = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
    for name in sorted(bad):
        shown = names[name]
        what = "not a date" if name == "date" else "not text"
        notes.append(f"field {shown!r} is {_kind(values[name])}, {what}; left empty")
        values[name] = None
    return RecordFields(**values), notes
