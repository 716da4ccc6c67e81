"""Decoding, compression and format detection from the bytes themselves, not the file name."""

from __future__ import annotations

import json
import re
import zlib

GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
# An array of objects, or an object whose first key follows: braces opening a plain text do not.
_JSON_OPENING = re.compile(rb'\[\s*[{\]]|\{\s*["}]')
_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p)[\s>]", re.IGNORECASE)

# ISO 8601 year, month, day, time and zone as the metadata prefix may give them.
_ISO_TIME = r"[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_ISO_DATE = rf"\d{{4}}(?:-\d{{2}}(?:-\d{{2}}(?:{_ISO_TIME})?)?)?"
DATE_PREFIX = re.compile(rf"\s*date\s+({_ISO_DATE})(?=[\s–—-]|$)\s*(?:[–—-](?!\d)\s*)?")


class TruncatedInput(Exception):
    """Compressed data ended early; ``data`` holds what could be recovered."""

    def __init__(self, data: bytes) -> None:
        super().__init__("compressed data ends early (truncated gzip)")
        self.data = data


def gunzip(data: bytes) -> bytes:
    """Decompress every gzip member; raise TruncatedInput with the recovered part if cut short."""
    parts: list[bytes] = []
    while data:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            parts.append(decompressor.decompress(data))
        except zlib.error as error:
            raise TruncatedInput(b"".join(parts)) from error
        if not decompressor.eof:
            parts.append(decompressor.flush())
            raise TruncatedInput(b"".join(parts))
        data = decompressor.unused_data.lstrip(b"\x00")
    return b"".join(parts)


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control characters: not text we can read."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL)
    return control / len(sample) > 0.05


def universal_newlines(text: str) -> str:
    """Line ends as Python's text mode reads them, so offsets match ``Path.read_text()``."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text (BOM dropped, universal newlines) and whether invalid bytes had to be replaced."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return universal_newlines(data.decode("utf-8")), False
    except UnicodeDecodeError:
        return universal_newlines(data.decode("utf-8", errors="replace")), True


def _holds_json_lines(start: bytes) -> bool:
    """One of the first lines is a whole JSON object (the first may be a damaged record)."""
    for line in start.split(b"\n")[:5]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    return False


def detect_format(head: bytes) -> str:
    """"warc", "jsonl", "json", "feed", "html" or "text" from the first bytes of an (uncompressed) input."""
    if head.startswith(_BOM):
        head = head[len(_BOM):]
    start = head.lstrip()
    if start.startswith(b"WARC/1."):
        return "warc"
    if start.startswith(b"{") and _holds_json_lines(start):
        return "jsonl"
    if _JSON_OPENING.match(start) and start.startswith(b"{") and b"\n" not in start.rstrip():
        return "jsonl"  # one line that is longer than the window, or the whole input on one line
    if _JSON_OPENING.match(start):
        return "json"  # a pretty-printed object or an array of objects, whole or cut off
    if start.startswith(b"<"):
        window = start[:4096]
        if _FEED_MARK.search(window):
            return "feed"
        if _HTML_MARK.search(window) or not start.startswith(b"<?xml"):
            return "html"
        return "feed"  # other XML: let the feed reader try and report what it finds
    return "text"
