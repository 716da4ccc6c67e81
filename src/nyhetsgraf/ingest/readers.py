"""One reader per input format: bytes in, Documents out. Nothing is ever fetched from the network."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from nyhetsgraf.ingest.formats import (
    DATE_PREFIX,
    decode,
    detect_format,
    gunzip,
    looks_binary,
    universal_newlines,
)
from nyhetsgraf.ingest.segment import NEW_ARTICLE_MIN_WORDS, is_headline_like, word_count
from nyhetsgraf.records import Document

Warn = Callable[[str, bool], None]  # (message, fatal)

_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("date", "published", "published_at", "pubDate")
_BLANK_LINE = re.compile(rb"^\s*$")
_NEWLINES = re.compile(r"\n+")


def text_document(source: str, text: str) -> Document:
    """A plain-text input: the whole decoded file, with the optional ``date ... –`` prefix parsed."""
    prefix = DATE_PREFIX.match(text)
    if prefix is None:
        return Document(source=source, text=text, format="text")
    return Document(source=source, text=text, format="text", date=prefix.group(1), body_start=prefix.end())


def read_text_stream(source: str, stream: IO[bytes], warn: Warn, piece_chars: int) -> Iterator[Document]:
    """A large plain-text input in pieces cut at blank lines, so memory stays bounded.

    Each piece is a Document whose ``offset`` is where it begins in the whole input, so spans
    still count from the first character of the file.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    buffer: list[str] = []
    size = 0
    offset = 0
    replaced = False
    date: str | None = None
    body_start = 0
    first = True
    previous_blank = False
    while True:
        raw = stream.readline(1 << 20)
        line = decoder.decode(raw, final=not raw)
        if first and not buffer and line.startswith("\ufeff"):
            line = line[1:]
        line = universal_newlines(line)
        if line:
            if "\ufffd" in line and line.count("\ufffd") > raw.count(b"\xef\xbf\xbd"):
                replaced = True
            buffer.append(line)
            size += len(line)
        carry = ""
        if size >= piece_chars and raw and previous_blank and _starts_article_piece(line):
            carry = buffer.pop()  # cut before a headline after a blank line: articles stay whole
        at_blank = bool(raw) and _BLANK_LINE.match(raw) is not None
        previous_blank = at_blank
        # Without a headline to cut before, any blank line will do, and at last any line end.
        fallback_cut = (size >= 2 * piece_chars and at_blank) or size >= 4 * piece_chars
        if carry or (buffer and (not raw or fallback_cut)):
            text = "".join(buffer)
            if first:
                head = text_document(source, text)
                date, body_start = head.date, head.body_start
                first = False
            yield Document(source=source, text=text, format="text", date=date,
                           body_start=body_start, offset=offset)
            offset += len(text)
            buffer, size = ([carry], len(carry)) if carry else ([], 0)
        if not raw:
            break
    if replaced:
        warn("invalid UTF-8 bytes replaced with U+FFFD", False)


def _starts_article_piece(line: str) -> bool:
    """A line that may open an article: a place to cut a large input without splitting one."""
    stripped = line.strip()
    return bool(stripped) and is_headline_like(stripped, allow_question=False) \
        and word_count(stripped) >= NEW_ARTICLE_MIN_WORDS


def read_jsonl(source: str, text: str, warn: Warn) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            warn(f"line {number}: not valid JSON ({error.msg})", False)
            continue
        if not isinstance(record, dict):
            warn(f"line {number}: not a JSON object", False)
            continue
        document = _json_document(source, record, number - 1)
        if document is None:
            warn(f"line {number}: no text, body or content field", False)
            continue
        yield document


def _json_records(text: str) -> list[Any] | None:
    """Records of a whole-file JSON document: an object, or an array of objects."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        return [data]
    return data if isinstance(data, list) else None


def _json_documents(source: str, records: list[Any], warn: Warn) -> Iterator[Document]:
    for position, record in enumerate(records):
        document = _json_document(source, record, position) if isinstance(record, dict) else None
        if document is None:
            warn(f"record {position}: no text, body or content field", False)
            continue
        yield document


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((record[name] for name in names if record.get(name) not in (None, "")), None)


def _json_document(source: str, record: dict[str, Any], position: int) -> Document | None:
    body = _first(record, _TEXT_FIELDS)
    if not isinstance(body, str) or not body.strip():
        return None
    if body.lstrip().startswith("<"):
        body = html_fragment_text(body)  # some exports carry the article as HTML
    used = {*_TEXT_FIELDS, *_DATE_FIELDS, "title", "url", "source", "author"}
    meta = {key: value for key, value in record.items() if key not in used}
    if record.get("source") is not None:
        meta["source_name"] = record["source"]
    date = _first(record, _DATE_FIELDS)
    return Document(source=source, text=body, format="jsonl", date=str(date) if date is not None else None,
                    title=_str_or_none(record.get("title")), url=_str_or_none(record.get("url")),
                    author=_str_or_none(record.get("author")), meta=meta, record=position)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment with one blank line between block elements."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return html
    for element in root.iter("script", "style"):
        element.text = ""
    for element in root.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "blockquote", "tr"):
        element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    """Strip every line and keep exactly one blank line between paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def read_html(source: str, html: str, warn: Warn, url: str | None = None, record: int = 0) -> Document | None:
    """Main text and metadata of an article page through trafilatura (never fetching anything)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False)
        extracted = result.as_dict() if result is not None else None
    except Exception as error:  # trafilatura raises assorted parser errors on broken markup
        warn(f"HTML could not be parsed ({type(error).__name__})", False)
        extracted = None
    if not extracted or not (extracted.get("text") or "").strip():
        fallback = html_fragment_text(html)
        if not fallback.strip():
            return None
        warn("no main text found in HTML; using all page text", False)
        return Document(source=source, text=fallback, format="html", url=url, record=record)
    text = _NEWLINES.sub("\n\n", extracted["text"].strip())  # paragraphs apart for segmentation
    title = extracted.get("title")
    if title and text.startswith(title + "\n"):
        text = text[len(title):].lstrip()  # the headline belongs in Document.title, not the text
    meta = {key: extracted[key] for key in ("sitename", "hostname", "description", "categories", "tags")
            if extracted.get(key)}
    return Document(source=source, text=text, format="html", date=extracted.get("date"),
                    title=extracted.get("title"), url=url or extracted.get("url"),
                    author=extracted.get("author"), meta=meta, record=record)


def read_feed(source: str, data: bytes, warn: Warn) -> Iterator[Document]:
    """Entries of an RSS/Atom feed; refuses XML with entity declarations (expansion attacks)."""
    import defusedxml.ElementTree
    import feedparser
    from defusedxml import DefusedXmlException

    try:
        defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException:
        warn("feed refused: XML entity declarations (possible entity expansion attack)", True)
        return
    except defusedxml.ElementTree.ParseError as error:
        if b"<!ENTITY" in data:
            warn("feed refused: malformed XML with entity declarations", True)
            return
        warn(f"malformed feed XML ({error}); reading what can be recovered", False)
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        warn("no entries found in feed", True)
        return
    feed_title = parsed.feed.get("title")
    for position, entry in enumerate(parsed.entries):
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        text = html_fragment_text(html) if html else ""
        if not text.strip():
            warn(f"entry {position}: no content or summary", False)
            continue
        date = _entry_date(entry)
        meta = {"source_name": feed_title} if feed_title else {}
        if entry.get("id"):
            meta["id"] = entry["id"]
        yield Document(source=source, text=text, format="feed", date=date, title=entry.get("title"),
                       url=entry.get("link"), author=entry.get("author"), meta=meta, record=position)


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*parsed[:6])
    return entry.get("published") or entry.get("updated")


def read_warc(source: str, stream: IO[bytes], warn: Warn) -> Iterator[Document]:
    """Each HTML response record through the HTML reader; a truncated archive keeps what was read."""
    from warcio.archiveiterator import ArchiveIterator

    position = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read()
            html, _ = decode(payload)
            document = read_html(f"{source}#{url}", html, warn, url=url, record=position)
            if document is not None:
                yield document
                position += 1
    except Exception as error:  # warcio raises several types on cut-off or corrupt archives
        warn(f"WARC archive damaged or truncated ({type(error).__name__}: {error}); "
             f"kept {position} record(s)", False)


def _drop_partial_character(data: bytes) -> bytes:
    """Cut a UTF-8 sequence that a truncated stream left unfinished at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return data[:error.start]
    return data


def read_bytes(source: str, data: bytes, warn: Warn) -> Iterator[Document]:
    """Documents of a whole (small) input held in memory, whatever its format."""
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gunzip(data)
        except Exception as error:
            recovered = _drop_partial_character(getattr(error, "data", b""))
            warn(f"{error}; kept {len(recovered)} bytes", not recovered)
            data = recovered
    if not data.strip():
        warn("empty input", True)
        return
    if looks_binary(data[:65536]):
        warn("binary file, not text", True)
        return
    kind = detect_format(data[:65536])
    if kind == "warc":
        yield from read_warc(source, io.BytesIO(data), warn)
        return
    if kind == "feed":
        yield from read_feed(source, data, warn)
        return
    text, replaced = decode(data)
    if replaced:
        warn("invalid UTF-8 bytes replaced with U+FFFD", False)
    if kind == "json":
        records = _json_records(text)
        if records is None:
            yield text_document(source, text)  # braces or brackets opening a plain text
        else:
            yield from _json_documents(source, records, warn)
    elif kind == "jsonl":
        yield from read_jsonl(source, text, warn)
    elif kind == "html":
        document = read_html(source, text, warn)
        if document is None:
            warn("no text found in HTML", True)
        else:
            yield document
    else:
        yield text_document(source, text)
