"""Norwegian full-text search helpers: fold, stem and parse queries.

SQLite's FTS5 has no Norwegian stemmer, so we index a *shadow text* computed in Python:
every word of the title and body is lower-cased, stemmed with Snowball's Norwegian
stemmer and folded ("Soldatene" -> "soldat", "Café" -> "cafe"). Æ, ø and å are letters of
their own in Norwegian, not accented a and o, so folding keeps them ("før" is not "for",
"får" is not "far"); only accents foreign to Norwegian go (é -> e, ü -> u), and the Swedish
and German ä and ö become the Norwegian æ and ø ("Björn" finds "Bjørn"). Queries go
through exactly the same function, so the FTS5 index only ever compares shadow tokens.

Query syntax: words (all must match), "a phrase", prefix*, ``-word`` (must not match) and
``OR`` between two terms (either may match). Repeated terms count once; a query has at most
``MAX_QUERY_TERMS`` terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import snowballstemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)
# Letters that Unicode does not decompose into a base letter plus a mark, but that are accented or
# joined forms of other letters; æ, ø and å are Norwegian letters and stay as they are.
_FOLD_TABLE = str.maketrans({"ð": "d", "þ": "th", "ß": "ss", "ł": "l", "đ": "d", "ħ": "h", "ı": "i",
                             "œ": "oe", "ä": "æ", "ö": "ø"})
_NORWEGIAN_LETTERS = frozenset("æøå")
_STEMMER = snowballstemmer.stemmer("norwegian")
# About 230 bytes a chunk with its stems: at most ~25 MB, so a long ingest's memory stays flat.
_CACHE_LIMIT = 100_000
MAX_QUERY_TERMS = 32
MAX_PHRASE_WORDS = 32


class QuerySyntaxError(ValueError):
    """The search query cannot be parsed (e.g. an unbalanced quote)."""


def fold(word: str) -> str:
    """Lower-case and strip accents foreign to Norwegian: "Café" -> "cafe", "TROMSØ" -> "tromsø"."""
    lowered = word.casefold().translate(_FOLD_TABLE)
    if lowered.isascii():
        return lowered
    return "".join(ch if ch in _NORWEGIAN_LETTERS else _strip_marks(ch) for ch in lowered)


def _strip_marks(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD_TABLE)


class _StemCache(dict[str, str]):
    """Lower-cased word -> shadow token; news vocabulary repeats, so nearly every lookup is a hit."""

    def __missing__(self, word: str) -> str:
        token = _STEMMER.stemWord(fold(word))  # folding keeps æøå, so the stemmer still knows them
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
    """The shadow form of one word: folded (foreign accents off), then stemmed."""
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


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as AND-ed groups of OR-ed phrases, minus excluded phrases; tokens are shadow tokens.

    ``phrases`` and ``prefixes`` list every phrase that may match (for highlighting); ``groups`` says
    which of them are alternatives (indices into ``phrases``; by default each phrase is its own group).
    """

    phrases: tuple[Phrase, ...]
    prefixes: tuple[bool, ...]  # whether the last token of each phrase is a prefix ("soldat*")
    groups: tuple[tuple[int, ...], ...] = ()
    excluded: tuple[tuple[Phrase, bool], ...] = ()  # (phrase, prefix) that must not match
    # The words of each phrase (then of each excluded one) as the user wrote them, for a backend that
    # stems on its own (PostgreSQL).
    words: tuple[tuple[str, ...], ...] = ()
    excluded_words: tuple[tuple[str, ...], ...] = ()

    def and_groups(self) -> tuple[tuple[int, ...], ...]:
        return self.groups or tuple((i,) for i in range(len(self.phrases)))

    def fts_expression(self) -> str:
        """The query in FTS5 syntax; every phrase re-quoted, so no user text is read as an operator."""
        parts = []
        for group in self.and_groups():
            alternatives = [_fts_phrase(self.phrases[i], self.prefixes[i]) for i in group]
            parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
        expression = " AND ".join(parts)
        for phrase, prefix in self.excluded:
            expression = f"({expression}) NOT {_fts_phrase(phrase, prefix)}"
        return expression

    def tokens(self) -> set[str]:
        return {token for phrase in self.phrases for token in phrase}


def _fts_phrase(tokens: Phrase, prefix: bool) -> str:
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


_QUERY_PART_RE = re.compile(r'(-?)"([^"]*)"(\*?)|(-?)([^\s"]+)')


def shorten(text: str, limit: int = 60) -> str:
    """A user's text for a one-line message: long queries are cut, never echoed whole."""
    flat = " ".join(text.split())
    return repr(flat) if len(flat) <= limit else repr(flat[:limit]) + f"… ({len(text)} characters)"


def _phrase_of(raw: str, prefix: bool) -> tuple[Phrase, tuple[str, ...]] | None:
    """The shadow tokens of one term and its words as written; None when it has no word."""
    words = WORD_RE.findall(raw)
    if not words:
        return None
    if len(words) > MAX_PHRASE_WORDS:
        raise QuerySyntaxError(f"a phrase has {len(words)} words; at most {MAX_PHRASE_WORDS} are searched")
    if prefix:
        # A prefix is matched on its folded spelling, not stemmed ("soldate*" must not become "soldat*").
        tokens = tuple(index_token(w) for w in words[:-1]) + (fold(words[-1]),)
    else:
        tokens = tuple(index_token(w) for w in words)
    kept = [(t, w) for t, w in zip(tokens, words, strict=True) if t]
    if not kept:
        return None
    return tuple(t for t, _ in kept), tuple(w for _, w in kept)


def parse_query(query: str) -> ParsedQuery:
    """Parse ``word word "a phrase" prefix* -excluded a OR b`` into AND-ed groups of shadow phrases.

    FTS5's own syntax is never exposed: every token is re-quoted, so user input cannot inject
    operators or column filters. Repeated terms count once.
    """
    if query.count('"') % 2:
        raise QuerySyntaxError(f"unbalanced quote in query {shorten(query)}")
    terms: list[tuple[Phrase, bool]] = []  # included, in order, without repeats
    written: list[tuple[str, ...]] = []
    groups: list[list[int]] = []
    excluded: list[tuple[Phrase, bool]] = []
    excluded_written: list[tuple[str, ...]] = []
    pending_or = False
    for match in _QUERY_PART_RE.finditer(query):
        phrase_minus, phrase_text, phrase_star, word_minus, word = match.groups()
        if word == "OR":
            pending_or = bool(groups)
            continue
        raw = phrase_text if phrase_text is not None else word
        minus = bool(phrase_minus or word_minus)
        prefix = bool(phrase_star) or (word is not None and word.endswith("*"))
        found = _phrase_of(raw, prefix)
        if found is None:
            pending_or = False
            continue
        phrase, words = found
        if minus:
            if (phrase, prefix) not in excluded:
                excluded.append((phrase, prefix))
                excluded_written.append(words)
            pending_or = False
            continue
        if (phrase, prefix) in terms:
            index = terms.index((phrase, prefix))
        else:
            terms.append((phrase, prefix))
            written.append(words)
            index = len(terms) - 1
        if pending_or:
            if index not in groups[-1]:
                groups[-1].append(index)
        else:
            groups.append([index])
        pending_or = False
        if len(terms) + len(excluded) > MAX_QUERY_TERMS:
            raise QuerySyntaxError(f"query has more than {MAX_QUERY_TERMS} different terms")
    if len(terms) + len(excluded) > MAX_QUERY_TERMS:
        raise QuerySyntaxError(f"query has more than {MAX_QUERY_TERMS} different terms")
    if not terms:
        if excluded:
            raise QuerySyntaxError("a query needs a word to find, not only -excluded ones")
        raise QuerySyntaxError(f"query has no searchable words: {shorten(query)}")
    unique_groups = tuple(dict.fromkeys(tuple(group) for group in groups))  # "a a" is "a"
    return ParsedQuery(tuple(t for t, _ in terms), tuple(p for _, p in terms), unique_groups,
                       tuple(excluded), tuple(written), tuple(excluded_written))


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

    def is_hit(word: str) -> bool:
        return index_token(word) in wanted or any(fold(word).startswith(p) for p in prefixes)

    # Only the words up to the first hit and those inside the excerpt are looked at, not the whole text.
    words = WORD_RE.finditer(text)
    first_hit = next((match for match in words if is_hit(match.group())), None)
    if first_hit is None:
        excerpt = text[:width]
        return Snippet(excerpt + ("…" if len(text) > width else ""), ())
    first, first_end = first_hit.span()
    start = max(0, first - width // 3)
    if start > 0:  # start on a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first_end else end
    hits = [first_hit.span()] if first_end <= end else []
    for match in words:  # the words after the first hit, up to the end of the excerpt
        if match.start() >= end:
            break
        if match.end() <= end and is_hit(match.group()):
            hits.append(match.span())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    excerpt = " ".join(text[start:end].split("\n"))
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in hits if s >= start)
    return Snippet(prefix + excerpt + suffix, inside)
