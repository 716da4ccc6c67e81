"""One reader per input format: bytes in, Documents out. Nothing is ever fetched from the network."""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import IO, Any

from nyhetsgraf.ingest.formats import (
    DATE_PREFIX,
    GZIP_MAGIC,
    decode,
    detect_format,
    looks_binary,
    universal_newlines,
)
from nyhetsgraf.ingest.jsonrecords import KNOWN_FIELDS, validate_record
from nyhetsgraf.ingest.segment import NEW_ARTICLE_MIN_WORDS, is_headline_like, word_count
from nyhetsgraf.ingest.streams import chained, gunzipped, readline_bounded
from nyhetsgraf.records import Document

Warn = Callable[[str, "Severity"], None]

_BLANK_LINE = re.compile(rb"^\s*$")
_NEWLINES = re.compile(r"\n+")
_TAG = re.compile(r"<[^>]*>")
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A JSON Lines record (one article) longer than this is skipped rather than held in memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024
# A whole-file JSON document (array or pretty-printed object) is parsed in memory, up to this size.
MAX_JSON_DOCUMENT_BYTES = 512 * 1024 * 1024


class Severity(StrEnum):
    """How bad a reader's problem is: ``note`` (all was read), ``partial`` (some of it was lost) or
    ``fatal`` (nothing could be read)."""

    note = "note"
    partial = "partial"
    fatal = "fatal"


def text_document(source: str, text: str) -> Document:
    """A plain-text input held in memory as one Document, with the optional ``date ... –`` prefix parsed.

    ``read_text_stream`` is what the readers use: it also starts a new Document at every later date line.
    """
    prefix = DATE_PREFIX.match(text)
    if prefix is None:
        return Document(source=source, text=text, format="text")
    return Document(source=source, text=text, format="text", date=prefix.group(1), body_start=prefix.end())


def date_line(line: str, *, first: bool) -> re.Match[str] | None:
    """The date prefix that opens ``line``, if the line starts an article of a corpus dump.

    The first line of an input may carry the date in any of the prefix's forms; a later line must
    separate the date from the headline with a dash, or hold the date alone, so that a sentence
    that happens to begin with "date 2024" is no article start.
    """
    match = DATE_PREFIX.match(line)
    if match is None or first:
        return match
    rest = line[match.end(1):]
    return match if rest.lstrip(" \t")[:1] in ("–", "—", "-", "\n", "") else None


class _TextPieces:
    """Lines gathered into Documents: cut at date lines, and at article starts when a piece grows large."""

    def __init__(self, source: str, piece_chars: int) -> None:
        self.source = source
        self.piece_chars = piece_chars
        self.lines: list[str] = []
        self.size = 0
        self.offset = 0  # where the piece being gathered begins in the input
        self.date: str | None = None
        self.body_start = 0
        self.date_line_number = 0

    def flush(self) -> Document | None:
        """The gathered piece as a Document (None when it holds only blank lines); starts a new piece."""
        text = "".join(self.lines)
        document = None
        if text.strip() and (self.body_start <= self.offset or text[self.body_start - self.offset:].strip()):
            document = Document(source=self.source, text=text, format="text", date=self.date,
                                body_start=self.body_start, offset=self.offset)
        self.offset += len(text)
        self.lines, self.size = [], 0
        return document

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line)


def read_text_stream(source: str, stream: IO[bytes], warn: Warn, piece_chars: int) -> Iterator[Document]:
    """A plain-text input, read line by line so that memory stays bounded whatever its size.

    Every ``date … –`` line (the shape of a corpus dump) starts a new Document with that date; a long
    run without one is cut into pieces of about ``piece_chars`` characters at blank lines before a
    headline. Each Document's ``offset`` is where it begins in the whole input, so spans still count
    from the first character of the file.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pieces = _TextPieces(source, piece_chars)
    replaced = False
    previous_blank = False
    line_number = 0
    while True:
        raw = stream.readline(1 << 20)
        line = decoder.decode(raw, final=not raw)
        if line_number == 0 and line.startswith("\ufeff"):
            line = line[1:]
        line = universal_newlines(line)
        if "\ufffd" in line and line.count("\ufffd") > raw.count(b"\xef\xbf\xbd"):
            replaced = True
        if not raw:
            if line:
                pieces.add(line)
            document = pieces.flush()
            if document is not None:
                yield document
            elif pieces.date_line_number > 1:
                _warn_empty_date(warn, pieces.date_line_number)
            break
        line_number += 1
        dated = date_line(line, first=line_number == 1)
        if dated is not None:
            if line_number > 1:
                document = pieces.flush()
                if document is not None:
                    yield document
                elif pieces.date_line_number:
                    _warn_empty_date(warn, pieces.date_line_number)
            pieces.date, pieces.body_start = dated.group(1), pieces.offset + dated.end()
            pieces.date_line_number = line_number
            pieces.add(line)
            previous_blank = False
            continue
        at_blank = _BLANK_LINE.match(raw) is not None
        if pieces.size >= piece_chars and previous_blank and _starts_article_piece(line):
            document = pieces.flush()  # cut before a headline after a blank line: articles stay whole
            if document is not None:
                yield document
        pieces.add(line)
        previous_blank = at_blank
        # Without a headline to cut before, any blank line will do, and at last any line end.
        if (pieces.size >= 2 * piece_chars and at_blank) or pieces.size >= 4 * piece_chars:
            document = pieces.flush()
            if document is not None:
                yield document
    if replaced:
        warn("invalid UTF-8 bytes replaced with U+FFFD", Severity.note)


def _warn_empty_date(warn: Warn, line_number: int) -> None:
    warn(f"line {line_number}: a date line with no article text after it", Severity.note)


def _starts_article_piece(line: str) -> bool:
    """A line that may open an article: a place to cut a large input without splitting one."""
    stripped = line.strip()
    return bool(stripped) and is_headline_like(stripped, allow_question=False) \
        and word_count(stripped) >= NEW_ARTICLE_MIN_WORDS


def read_jsonl(source: str, stream: IO[bytes], warn: Warn) -> Iterator[Document]:
    """JSON Lines read one line at a time; a bad line is skipped with a warning naming it."""
    number = 0
    while True:
        raw, overlong = readline_bounded(stream, MAX_RECORD_BYTES)
        if not raw:
            return
        number += 1
        if overlong:
            warn(f"line {number}: longer than {MAX_RECORD_BYTES >> 20} MB; skipped", Severity.partial)
            continue
        if not raw.strip():
            continue
        line, replaced = decode(raw)
        if replaced:
            warn(f"line {number}: invalid UTF-8 bytes replaced with U+FFFD", Severity.note)
        try:
            record = json.loads(line)
        except ValueError as error:
            warn(f"line {number}: not valid JSON ({getattr(error, 'msg', error)}); skipped", Severity.partial)
            continue
        if not isinstance(record, dict):
            warn(f"line {number}: not a JSON object; skipped", Severity.partial)
            continue
        document = _json_document(source, record, number - 1, f"line {number}", warn)
        if document is not None:
            yield document


def _json_document(source: str, record: dict[str, Any], position: int, where: str,
                   warn: Warn) -> Document | None:
    fields, notes = validate_record(record)
    if fields is None:
        warn(f"{where}: {notes[0]}; skipped", Severity.partial)
        return None
    for note in notes:
        warn(f"{where}: {note}", Severity.note)
    body = fields.text
    if body.lstrip().startswith("<"):
        body = html_fragment_text(body)  # some exports carry the article as HTML
    meta = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    if fields.source is not None:
        meta["source_name"] = fields.source
    return Document(source=source, text=body, format="jsonl", date=fields.date, title=fields.title,
                    url=fields.url, author=fields.author, meta=meta, record=position)


def read_json(source: str, text: str, warn: Warn) -> Iterator[Document]:
    """A whole-file JSON document: one object, or an array of objects.

    A cut-off array keeps its complete records (and says where it broke off); anything that is not an
    object or an array of objects is refused rather than read as text.
    """
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        yield from _json_array(source, text, start + 1, decoder, warn)
        return
    try:
        record, end = decoder.raw_decode(text, start)
    except ValueError as error:
        warn(f"not valid JSON ({getattr(error, 'msg', error)}, line {getattr(error, 'lineno', '?')}); "
             "nothing read", Severity.fatal)
        return
    if text[end:].strip():
        warn("not valid JSON (extra data after the first value); nothing read", Severity.fatal)
        return
    if not isinstance(record, dict):
        warn("JSON holds no article (expected an object or an array of objects)", Severity.fatal)
        return
    document = _json_document(source, record, 0, "record 0", warn)
    if document is not None:
        yield document


def _json_array(source: str, text: str, position: int, decoder: json.JSONDecoder,
                warn: Warn) -> Iterator[Document]:
    index = 0
    while True:
        position = _skip_space(text, position)
        if text.startswith("]", position):
            if text[position + 1:].strip():
                warn("extra data after the JSON array was ignored", Severity.partial)
            return
        try:
            record, position = decoder.raw_decode(text, position)
        except ValueError:
            how = "ends early (truncated)" if _ends_inside(text, position) else "is malformed"
            warn(f"JSON array {how} after record {index - 1 if index else 'none'}; kept {index} record(s)",
                 Severity.partial if index else Severity.fatal)
            return
        if isinstance(record, dict):
            document = _json_document(source, record, index, f"record {index}", warn)
            if document is not None:
                yield document
        else:
            warn(f"record {index}: not a JSON object; skipped", Severity.partial)
        index += 1
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            how = "ends early (truncated)" if position >= len(text) else "is malformed"
            warn(f"JSON array {how} after record {index - 1}; kept {index} record(s)", Severity.partial)
            return


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _ends_inside(text: str, position: int) -> bool:
    """Whether the array was cut off (no closing bracket at the end) rather than malformed."""
    return position >= len(text) or not text.rstrip().endswith("]")


def json_scalar(text: str) -> str | None:
    """"a number", "a string", ... when the whole text is one JSON scalar (no article in it), else None."""
    stripped = text.strip()
    if not stripped or len(stripped) > 4096 or stripped[0] not in '-0123456789"tfn':
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(value, bool) or value is None:
        return "a JSON literal"
    if isinstance(value, int | float):
        return "a JSON number"
    return "a JSON string" if isinstance(value, str) else None


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment with one blank line between block elements."""
    import lxml.html
    from lxml.etree import ParserError

    html = _XML_INCOMPATIBLE.sub("", html)  # lxml refuses NUL and most control characters
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError, AssertionError):  # lxml asserts on some broken documents
        return _tidy(_TAG.sub(" ", html))
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
        warn(f"HTML could not be parsed ({type(error).__name__})", Severity.note)
        extracted = None
    if not extracted or not (extracted.get("text") or "").strip():
        fallback = html_fragment_text(html)
        if not fallback.strip():
            return None
        warn("no main text found in HTML; using all page text", Severity.note)
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
        warn("feed refused: XML entity declarations (possible entity expansion attack)", Severity.fatal)
        return
    except (defusedxml.ElementTree.ParseError, LookupError, ValueError) as error:
        # ParseError for broken markup; LookupError for an encoding Python does not know
        if b"<!ENTITY" in data:
            warn("feed refused: malformed XML with entity declarations", Severity.fatal)
            return
        message = " ".join(str(error).split())[:200]
        warn(f"malformed feed XML ({message}); reading what can be recovered", Severity.partial)
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # feedparser's own parsers raise assorted errors on hostile input
        warn(f"feed could not be parsed ({type(error).__name__})", Severity.fatal)
        return
    if not parsed.entries:
        warn("no entries found in feed", Severity.fatal)
        return
    feed_title = parsed.feed.get("title")
    for position, entry in enumerate(parsed.entries):
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        text = html_fragment_text(html) if html else ""
        if not text.strip():
            warn(f"entry {position}: no content or summary; skipped", Severity.partial)
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
    """Each HTML response record through the HTML reader; a truncated archive keeps its complete records."""
    from warcio.archiveiterator import ArchiveIterator

    # warcio logs a warning line per odd record header; what matters reaches the user through ``warn``.
    logging.getLogger("warcio").setLevel(logging.ERROR)

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""  # warcio writes this warning to stderr itself; it is counted and reported below

    position = 0
    records = QuietArchiveIterator(stream)
    try:
        for record in records:
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
                warn(f"WARC archive truncated inside the record for {url}; kept {position} record(s)",
                     Severity.partial)
                return
            html, _ = decode(payload)
            document = read_html(f"{source}#{url}", html, warn, url=url, record=position)
            if document is not None:
                yield document
                position += 1
    except Exception as error:  # warcio raises several types on cut-off or corrupt archives
        message = " ".join(str(error).split())[:200]
        warn(f"WARC archive damaged or truncated ({type(error).__name__}: {message}); "
             f"kept {position} record(s)", Severity.partial)
    if records.err_count:
        warn(f"{records.err_count} WARC record(s) not followed by a blank line (a wrong Content-Length?)",
             Severity.partial)


def read_stream(source: str, stream: IO[bytes], warn: Warn, piece_chars: int) -> Iterator[Document]:
    """Documents of one (decompressed) input, whatever its format; text and JSON Lines are streamed."""
    head = stream.read(65536)
    if not head.strip():
        more = stream.read(1)
        if not more:
            warn("empty input", Severity.fatal)
            return
        head += more
    if looks_binary(head):
        warn("binary file, not text", Severity.fatal)
        return
    kind = detect_format(head)
    rest = chained(head, stream)
    if kind == "warc":
        yield from read_warc(source, rest, warn)
    elif kind == "jsonl":
        yield from read_jsonl(source, rest, warn)
    elif kind == "text":
        scalar = json_scalar(head.decode("utf-8", errors="replace")) if len(head) < 4096 else None
        if scalar is not None:
            warn(f"holds only {scalar}, not an article", Severity.fatal)
            return
        yield from read_text_stream(source, rest, warn, piece_chars)
    else:
        data = rest.read(MAX_JSON_DOCUMENT_BYTES + 1)
        if len(data) > MAX_JSON_DOCUMENT_BYTES:
            warn(f"a single {kind.upper()} document over {MAX_JSON_DOCUMENT_BYTES >> 20} MB is not read "
                 "(use JSON Lines for large exports)", Severity.fatal)
            return
        yield from _read_whole(source, kind, data, warn)


def _read_whole(source: str, kind: str, data: bytes, warn: Warn) -> Iterator[Document]:
    if kind == "feed":
        yield from read_feed(source, data, warn)
        return
    text, replaced = decode(data)
    if replaced:
        warn("invalid UTF-8 bytes replaced with U+FFFD", Severity.note)
    if kind == "json":
        yield from read_json(source, text, warn)
        return
    document = read_html(source, text, warn)
    if document is None:
        warn("no text found in HTML", Severity.fatal)
    else:
        yield document


def read_bytes(source: str, data: bytes, warn: Warn,
               piece_chars: int = 2 * 1024 * 1024) -> Iterator[Document]:
    """Documents of a whole input held in memory (gzip included), whatever its format."""
    stream: IO[bytes] = io.BytesIO(data)
    gunzip = None
    if data.startswith(GZIP_MAGIC):
        stream, gunzip = gunzipped(stream)
    yield from read_stream(source, stream, warn, piece_chars)
    if gunzip is not None and gunzip.problem:
        warn(f"{gunzip.problem}; kept {gunzip.produced} bytes", Severity.partial)
