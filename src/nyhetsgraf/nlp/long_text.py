"""Parse a text longer than a pipeline's ``max_length`` in pieces, keeping every character offset.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) because parsing needs memory in
proportion to the text. A long article is cut into pieces at paragraph boundaries (a blank line;
failing that a line end, a sentence end, then any space), each piece is parsed on its own, and the
pieces are joined with ``Doc.from_docs``. The pieces are contiguous (each keeps the whitespace that
follows it), so the joined Doc's text is the input text and its offsets are the input's offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Places to cut, best first: after a blank line, after a line end, after a sentence end, after a space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][»\"”')]*\s+"),
         re.compile(r"\s+"))
# Pieces are kept well under max_length: a parse of a million characters still takes gigabytes.
DEFAULT_PIECE_CHARS = 100_000


def pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` spans covering ``text`` in order, none longer than ``max_chars``,
    each ending at the best cut available (with the whitespace after the cut)."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _best_cut(text, start, start + max_chars)
        spans.append((start, end))
        start = end
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _best_cut(text: str, start: int, limit: int) -> int:
    """The end of the last good cut in ``text[start:limit]`` (at least one character past ``start``)."""
    window = text[start:limit]
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - only the last match counts
            pass
        # The cut must leave the piece something besides whitespace, and the match must end inside the
        # window (whitespace running past the limit is cut at the limit).
        if last is not None and last.start() > 0:
            return start + last.end()
    return limit  # no whitespace at all: a hard cut


def parse(nlp: Language, text: str, max_chars: int | None = None) -> Doc:
    """``nlp(text)`` for a text of any length: in pieces of at most ``max_chars`` characters (by
    default the smaller of ``DEFAULT_PIECE_CHARS`` and the pipeline's ``max_length``) when it is longer."""
    limit = max_chars or min(DEFAULT_PIECE_CHARS, nlp.max_length)
    if len(text) <= limit:
        return nlp(text)
    docs = list(nlp.pipe(_texts(text, limit)))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # never hand out offsets that do not point into the input
        raise RuntimeError("joined pieces do not reproduce the text")
    return joined


def _texts(text: str, limit: int) -> Iterator[str]:
    for start, end in pieces(text, limit):
        yield text[start:end]
