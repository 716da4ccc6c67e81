"""Norwegian full-text search helpers: fold, stem and parse queries.

SQLite's FTS5 has no Norwegian stemmer, so we index a *shadow text* computed in Python:
every word of the title and body is lower-cased, stemmed with Snowball's Norwegian
stemmer and folded to ASCII ("Soldatene" -> "soldat", "Tromsø" -> "tromso"). Queries go
through exactly the same function, so the FTS5 index only ever compares shadow tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import snowballstemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)
# Norwegian letters that Unicode does not decompose into a base letter plus a mark.
_FOLD_TABLE = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ð": "d", "þ": "th", "ß": "ss", "ł": "l"})
_STEMMER = snowballstemmer.stemmer("norwegian")
# About 230 bytes a chunk with its stems: at most ~25 MB, so a long ingest's memory stays flat.
_CACHE_LIMIT = 100_000


class QuerySyntaxError(ValueError):
    """The search query cannot be parsed (e.g. an unbalanced quote)."""


def fold(word: str) -> str:
    """Lower-case and strip diacritics so that "Tromsø", "TROMSO" and "tromsø" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD_TABLE)


class _StemCache(dict[str, str]):
    """Lower-cased word -> shadow token; news vocabulary repeats, so nearly every lookup is a hit."""

    def __missing__(self, word: str) -> str:
        token = fold(_STEMMER.stemWord(word))
        self[word] = token
        return token


class _ChunkCache(dict[str, str]):
    """Lower-cased whitespace-separated chunk ("«soldatene,") -> its shadow tokens ("soldat").

    Splitting on whitespace and caching whole chunks is several times faster than a
    regular expression over the text; punctuation is dealt with once per distinct chunk.
    """

    def __missing__(self, chunk: str) -> str:
        shadow = " ".join(_STEMS[word] for word in WORD_RE.findall(chunk))
        self[chunk] = shadow
        return shadow


_STEMS = _StemCache()
_CHUNKS = _ChunkCache()


def index_token(word: str) -> str:
    """The shadow form of one word: stemmed on the real spelling (the stemmer knows æøå), then folded."""
    return _STEMS[word.casefold()]


def iter_words(text: str) -> Iterator[re.Match[str]]:
    return WORD_RE.finditer(text)


def shadow_text(text: str | None) -> str:
    """The stemmed and folded text that goes into the FTS5 index."""
    if not text:
        return ""
    if len(_CHUNKS) > _CACHE_LIMIT:  # bound memory on very varied input
        _CHUNKS.clear()
        _STEMS.clear()
    # Empty chunks (a lone dash) leave double spaces, which the FTS5 tokenizer ignores.
    return " ".join(map(_CHUNKS.__getitem__, text.casefold().split()))


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as AND-ed groups: each group is a phrase of one or more shadow tokens."""

    phrases: tuple[tuple[str, ...], ...]
    prefixes: tuple[bool, ...]  # whether the last token of each phrase is a prefix ("soldat*")
    # The words of each phrase as the user wrote them, for a backend that stems on its own (PostgreSQL).
    words: tuple[tuple[str, ...], ...] = ()

    def fts_expression(self) -> str:
        parts = []
        for tokens, prefix in zip(self.phrases, self.prefixes, strict=True):
            quoted = '"' + " ".join(tokens) + '"'
            parts.append(quoted + ("*" if prefix else ""))
        return " AND ".join(parts)

    def tokens(self) -> set[str]:
        return {token for phrase in self.phrases for token in phrase}


_QUERY_PART_RE = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')


def parse_query(query: str) -> ParsedQuery:
    """Parse ``word word "a phrase" prefix*`` into AND-ed phrases of shadow tokens.

    FTS5's own syntax is never exposed: every token is re-quoted, so user input cannot
    inject operators or column filters.
    """
    if query.count('"') % 2:
        raise QuerySyntaxError(f"unbalanced quote in query: {query!r}")
    phrases: list[tuple[str, ...]] = []
    prefixes: list[bool] = []
    raw_words: list[tuple[str, ...]] = []
    for match in _QUERY_PART_RE.finditer(query):
        phrase_text, phrase_star, word = match.groups()
        raw = phrase_text if phrase_text is not None else word
        prefix = bool(phrase_star) or (word is not None and word.endswith("*"))
        words = WORD_RE.findall(raw)
        if not words:
            continue
        if prefix:
            # A prefix is matched on its folded spelling, not stemmed ("soldate*" must not become "soldat*").
            tokens = tuple(index_token(w) for w in words[:-1]) + (fold(words[-1]),)
        else:
            tokens = tuple(index_token(w) for w in words)
        phrases.append(tokens)
        prefixes.append(prefix)
        raw_words.append(tuple(words))
    if not phrases:
        raise QuerySyntaxError(f"query has no searchable words: {query!r}")
    return ParsedQuery(tuple(phrases), tuple(prefixes), tuple(raw_words))


@dataclass(frozen=True, slots=True)
class Snippet:
    """An excerpt of the original text with the spans (relative to ``text``) that matched."""

    text: str
    highlights: tuple[tuple[int, int], ...]


def make_snippet(text: str, query: ParsedQuery, width: int = 160) -> Snippet:
    """An excerpt of ``text`` around the first word that matches the query, with every hit marked."""
    wanted = query.tokens()
    prefixes = [phrase[-1] for phrase, is_prefix in zip(query.phrases, query.prefixes, strict=True)
                if is_prefix]
    hits: list[tuple[int, int]] = []
    for match in WORD_RE.finditer(text):
        token = index_token(match.group())
        if token in wanted or any(fold(match.group()).startswith(p) for p in prefixes):
            hits.append(match.span())
    if not hits:
        excerpt = text[:width]
        return Snippet(excerpt + ("…" if len(text) > width else ""), ())
    first = hits[0][0]
    start = max(0, first - width // 3)
    if start > 0:  # start on a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > hits[0][1] else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    excerpt = " ".join(text[start:end].split("\n"))
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in hits if s >= start and e <= end)
    return Snippet(prefix + excerpt + suffix, inside)
