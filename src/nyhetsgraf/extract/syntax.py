"""Small parse helpers shared by the extractors.

The trained pipeline gives NDT dependency labels (SUBJ, DOBJ, FINV, PUTFYLL, ...), UPOS in
``pos_`` and NDT tags in ``tag_``. Everything here also copes with a Doc that has no parse
(labels empty, every token its own head), so surface rules still run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from nyhetsgraf.resources.fullforms import full_forms
from nyhetsgraf.resources.words import month_names, weekday_names

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

DASHES = ("–", "—", "-", "−")

SUBJECT_DEPS = {"SUBJ", "nsubj", "nsubj:pass"}
# Subjunctions that open an if-clause ("om" is left out: it is also "whether" and a preposition).
CONDITION_SUBJUNCTIONS = frozenset({"dersom", "hvis", "viss", "ifall", "såfremt"})
# Bokmål weekday names, a closed class several extractors treat apart from other nouns.
WEEKDAYS = weekday_names("nb")


# The token helpers below are asked tens of thousands of times per thousand articles by every finder:
# each reads the Doc's token table straight from ``user_data`` (``token_table``'s own look-up, without
# its call) rather than the Token's attributes, which decode a string anew on every call.


def is_space(token: Token) -> bool:
    """``token.is_space`` or a text of whitespace only."""
    doc = token.doc
    try:
        table = doc.user_data[_TOKEN_TABLE_KEY]
    except KeyError:
        table = token_table(doc)
    return table.spaces[token.i]


def is_punct(token: Token) -> bool:
    """Punctuation, also in a Doc whose vocab has no lexical attribute getters."""
    doc = token.doc
    try:
        table = doc.user_data[_TOKEN_TABLE_KEY]
    except KeyError:
        table = token_table(doc)
    return punct_at(table, token.i)


def punct_at(table: TokenTable, i: int) -> bool:
    """``is_punct`` of token i of a Doc's token table."""
    return table.puncts[i]


@lru_cache(maxsize=1 << 14)
def _all_punctuation(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch)[0] in "PS" for ch in text)


def low(token: Token) -> str:
    """Lower-case form, also in a Doc whose vocab has no lexical attribute getters (read from the
    Doc's token table: ``token.lower_`` decodes the string anew on every call)."""
    doc = token.doc
    try:
        table = doc.user_data[_TOKEN_TABLE_KEY]
    except KeyError:
        table = token_table(doc)
    return table.lowers[token.i]


def is_finite(token: Token) -> bool:
    """A verb or auxiliary in a finite form (present, past or imperative)."""
    doc, i = token.doc, token.i
    try:
        table = doc.user_data[_TOKEN_TABLE_KEY]
    except KeyError:
        table = token_table(doc)
    return table.pos[i] in ("VERB", "AUX") and "Fin" in morph_values_at(doc, i, "VerbForm")


def dep(token: Token) -> str:
    return token.dep_ or ""


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per-token attributes of a Doc as plain lists, read once from ``doc.to_array``: the finders'
    hot loops index these instead of creating a spaCy ``Token`` object for every look."""

    texts: list[str]
    lower_attrs: list[str]  # ``token.lower_`` as spaCy gives it ("" in a vocab without lexical attributes)
    lowers: list[str]  # ``low(token)``
    lemmas: list[str]  # ``lemma(token)``
    pos: list[str]  # ``token.pos_``
    spaces: list[bool]  # ``is_space(token)``
    punct_flags: list[bool]  # ``token.is_punct``
    puncts: list[bool]  # ``is_punct(token)``: the flag, or a text of punctuation and symbols only
    trailing: list[bool]  # the token is followed by a space
    morphs: list[int]  # ``token.morph.key``


# (analysis key, field) -> values: a few hundred distinct analyses cover any amount of text.
_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """``token.morph.get(field)``, decoded once per distinct analysis: spaCy decodes the analysis
    anew on every ``get`` (1.5–3 µs, ten times the cost of reading its key from the token table)."""
    return morph_values_at(token.doc, token.i, field)


def morph_values_at(doc: Doc, i: int, field: str) -> tuple[str, ...]:
    """``morph_values`` of word ``i`` of a Doc, with no Token made unless its analysis is new."""
    key = (token_table(doc).morphs[i], field)
    values = _MORPH_VALUES.get(key)
    if values is None:
        values = _MORPH_VALUES[key] = tuple(doc[i].morph.get(field))
    return values


def kept_with(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed on first use and kept in ``doc.user_data``: every finder asks for the
    same tables, and a cache keyed by Doc would keep finished Docs alive (``extract.release`` clears
    ``user_data`` once the facts are out)."""
    kept = doc.user_data
    key = ("nyhetsgraf", name)
    try:
        return kept[key]
    except KeyError:
        kept[key] = value = build(doc)
        return value


_TOKEN_TABLE_KEY = ("nyhetsgraf", "token_table")


def token_table(doc: Doc) -> TokenTable:
    """The Doc's token table, built on first use and kept with the Doc (``kept_with``, inline: it is
    asked for a hundred thousand times per thousand articles)."""
    kept = doc.user_data
    try:
        return kept[_TOKEN_TABLE_KEY]
    except KeyError:
        kept[_TOKEN_TABLE_KEY] = table = _token_table(doc)
        return table


# The per-token columns of a Doc that the tables read, fetched by one ``doc.to_array`` (each call has
# a fixed cost, and every finder needs all of them). LOWER, IS_SPACE and IS_PUNCT are no columns: they
# belong to the word (the lexeme), and ``_lexeme_rows`` reads them once per word and vocab.
_COLUMNS = (ORTH, LEMMA, POS, MORPH, SPACY, HEAD, DEP, IDX, SENT_START)
_HEAD_AT, _DEP_AT, _IDX_AT, _SENT_START_AT = 5, 6, 7, 8


def _columns(doc: Doc) -> numpy.ndarray:
    """``doc.to_array(_COLUMNS)``, read once per Doc."""
    return kept_with(doc, "columns", lambda doc: doc.to_array(list(_COLUMNS)))


# A word's text, ``token.lower_``, ``is_space``, ``token.is_punct`` and ``is_punct``, by vocab and ORTH
# hash: they depend on the word alone, and a few tens of thousands of words make up most text, so one dict
# look-up per token replaces two string decodings, two flag columns and a test of the text. Keyed by the
# vocab's id, holding the vocab (so the id is not reused while its words are kept); bounded, so a long
# run's memory stays flat.
_LexemeRow = tuple[str, str, bool, bool, bool]
_LEXEMES: dict[int, tuple[Vocab, dict[int, _LexemeRow]]] = {}
_LEXEMES_LIMIT = 1 << 18


def _lexeme_rows(vocab: Vocab, orths: list[int]) -> list[_LexemeRow]:
    kept = _LEXEMES.get(id(vocab))
    if kept is None or kept[0] is not vocab:
        if len(_LEXEMES) > 8:
            _LEXEMES.clear()
        kept = _LEXEMES[id(vocab)] = (vocab, {})
    return remembered(kept[1], orths, lambda h: _lexeme_row(vocab, h), _LEXEMES_LIMIT)


def _lexeme_row(vocab: Vocab, orth: int) -> _LexemeRow:
    lexeme = vocab[orth]
    text = lexeme.orth_
    flag = lexeme.is_punct
    return text, lexeme.lower_, lexeme.is_space or text.isspace(), flag, flag or _all_punctuation(text)


def _token_table(doc: Doc) -> TokenTable:
    if not len(doc):
        return TokenTable([], [], [], [], [], [], [], [], [], [])
    columns = _columns(doc)
    orth, lemma_, pos, morphs = columns[:, :4].T.tolist()
    trailing = columns[:, 4].astype(bool).tolist()  # Python bools, straight from numpy
    texts, lower_attrs, spaces, punct, puncts = map(list, zip(*_lexeme_rows(doc.vocab, orth), strict=True))
    # a vocab with lexical attributes sets every lower form, a lemmatizer every lemma: no pass to fill gaps
    lowers = lower_attrs if all(lower_attrs) else [form or text.lower()
                                                   for form, text in zip(lower_attrs, texts, strict=True)]
    strings = doc.vocab.strings
    lemma_names = _decode(strings, lemma_, lower=True)
    lemmas = lemma_names if all(lemma_names) else [name or form.lower()
                                                   for name, form in zip(lemma_names, lowers, strict=True)]
    return TokenTable(
        texts=texts,
        lower_attrs=lower_attrs,
        lowers=lowers,
        lemmas=lemmas,
        pos=_decode(strings, pos),
        spaces=spaces,
        punct_flags=punct,
        puncts=puncts,
        trailing=trailing,
        morphs=morphs,
    )


@dataclass(frozen=True, slots=True)
class ParseTable:
    """The dependency tree of a Doc as plain lists (``token.head.i``, ``token.dep_``, the children of
    each token in order), read once from ``doc.to_array``: no Token object per look."""

    heads: list[int]
    deps: list[str]
    children: list[list[int]]


def parse_table(doc: Doc) -> ParseTable:
    """The Doc's parse table, built on first use and kept with the Doc."""
    return kept_with(doc, "parse_table", _parse_table)


def _parse_table(doc: Doc) -> ParseTable:
    strings = doc.vocab.strings
    if not len(doc):
        return ParseTable([], [], [])
    # HEAD is an offset stored unsigned: reading it as signed gives the negative offsets back
    columns = _columns(doc)
    positions = numpy.arange(len(doc), dtype="int64")
    heads = (columns[:, _HEAD_AT].astype("int64") + positions).tolist()
    labels = columns[:, _DEP_AT].tolist()
    children: list[list[int]] = [[] for _ in heads]
    for i, head in enumerate(heads):
        if head != i:
            children[head].append(i)
    return ParseTable(heads, _decode(strings, labels), children)


# hash -> string: a hash names the same string in every spaCy vocab, and a few tens of thousands of
# words make up most text, so a process-wide table answers nearly every look-up without the StringStore
_DECODED: dict[int, str] = {0: ""}
_DECODED_LOWER: dict[int, str] = {0: ""}  # the same, lower-cased (the lemma column)
_DECODED_LIMIT = 1 << 18


def _decode(strings: StringStore, hashes: list[int], lower: bool = False) -> list[str]:
    """``strings[h]`` of every hash ("" for 0, as spaCy gives an unset attribute), lower-cased if asked."""
    def string_of(h: int) -> str:
        return "" if h == 0 else strings[h].lower() if lower else strings[h]

    return remembered(_DECODED_LOWER if lower else _DECODED, hashes, string_of, _DECODED_LIMIT)


def _look_up_all(table: dict[K, V], keys: list[K]) -> list[V]:
    """``[table[k] for k in keys]``, looked up in C by one ``itemgetter`` (a third faster)."""
    if len(keys) == 1:
        return [table[keys[0]]]  # itemgetter of one key gives the value, not a tuple
    return list(itemgetter(*keys)(table)) if keys else []


_FLAGS_LIMIT = 1 << 17


def remembered(memo: dict[K, V], keys: list[K], compute: Callable[[K], V], limit: int) -> list[V]:
    """``compute(key)`` of every key, answered from ``memo`` for keys asked before: what depends only on
    the word (its string, its flags, a test of its text, tag and lemma) is worked out once per distinct
    word, and a Doc's column costs one look-up per token, made in C. ``memo`` is emptied when it holds
    more than ``limit`` keys, so a long run's memory stays flat."""
    try:
        return _look_up_all(memo, keys)
    except KeyError:
        if len(memo) > limit:
            memo.clear()
        for key in keys:
            if key not in memo:
                memo[key] = compute(key)
        return _look_up_all(memo, keys)


# A word's lexeme (its text, lower-case form and flags) belongs to a vocab: a memo keyed by the text
# alone is kept per vocab. Keyed by the vocab's id, holding the vocab (so the id is not reused while
# its memo is kept).
VocabMemos = dict[int, tuple[Vocab, dict[K, V]]]


def memo_of_vocab(memos: VocabMemos[K, V], vocab: Vocab) -> dict[K, V]:
    """The memo ``memos`` keeps for a vocab, made on first use."""
    kept = memos.get(id(vocab))
    if kept is None or kept[0] is not vocab:
        if len(memos) > 8:
            memos.clear()
        kept = memos[id(vocab)] = (vocab, {})
    return kept[1]


def remembered_flags(memo: dict[K, bool], keys: list[K], test: Callable[[K], bool]) -> list[bool]:
    """``test(key)`` of every key, remembered per word (``remembered``)."""
    return remembered(memo, keys, test, _FLAGS_LIMIT)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc from its token table (spaCy joins every Token object anew
    on each ``doc.text``)."""
    return kept_with(doc, "text", _doc_text)


def _doc_text(doc: Doc) -> str:
    table = token_table(doc)
    words = zip(table.texts, table.trailing, strict=True)
    return "".join([word + " " if space else word for word, space in words])


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from ``doc_text`` without building the Span's Token objects."""
    if end <= start:
        return ""
    texts = token_table(doc).texts
    offsets = token_offsets(doc)
    return doc_text(doc)[offsets[start]:offsets[end - 1] + len(texts[end - 1])]


def sentence_start_flags(doc: Doc) -> list[bool]:
    """``token.is_sent_start`` of every token (False where unknown), read once per Doc."""
    return kept_with(doc, "sent_start_flags", _sentence_start_flags)


def _sentence_start_flags(doc: Doc) -> list[bool]:
    return (_columns(doc)[:, _SENT_START_AT] == 1).tolist() if len(doc) else []


def token_offsets(doc: Doc) -> list[int]:
    """``token.idx`` of every token, read once per Doc."""
    return kept_with(doc, "token_offsets", lambda doc: _columns(doc)[:, _IDX_AT].tolist() if len(doc) else [])


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the paragraphs (lines) of a Doc (built once per Doc)."""
    return list(kept_with(doc, "paragraphs", lambda doc: tuple(_paragraphs(token_table(doc)))))


def _paragraphs(table: TokenTable) -> list[tuple[int, int]]:
    # A token's whitespace_ is " " or "" in spaCy, never a line break: line breaks are space tokens.
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for i, space in enumerate(table.spaces):
        if space:
            if start is not None:
                ranges.append((start, i))
                start = None
            continue
        if start is None:
            start = i
    if start is not None:
        ranges.append((start, len(table.spaces)))
    return ranges


_TERMINAL = (".", "!", "?", "…", ":", "»", '"', "”", ";")


def sentences(doc: Doc) -> list[Span]:
    """Sentences that never cross a line break and start only after terminal punctuation.

    The model's sentence starts are kept only where the previous token ends a sentence, so a
    spurious break inside a clause ("Bush | sa hun ...") does not split it; a line break always
    does. Whitespace tokens belong to no sentence. Computed once per Doc: every extractor asks.
    """
    return list(kept_with(doc, "sentences", lambda doc: tuple(_sentences(doc))))


def _sentences(doc: Doc) -> list[Span]:
    has_starts = has_sentence_starts(doc)
    table = token_table(doc)
    texts, spaces = table.texts, table.spaces
    sent_starts = sentence_start_flags(doc) if has_starts else []
    result: list[Span] = []
    start: int | None = None
    for i, space in enumerate(spaces):
        if space:
            if start is not None:
                result.append(Span(doc, start, i))  # not doc[start:i]: no slice to normalise
                start = None
            continue
        if start is None:
            start = i
            continue
        previous = texts[i - 1]
        breaks = (has_starts and sent_starts[i] and previous.endswith(_TERMINAL)) or (
            previous in (".", "!", "?") and texts[i][:1].isupper() and i >= 2 and len(texts[i - 2]) > 1
        )  # a full stop before a capital, not "W. Olsen"
        if breaks:
            result.append(Span(doc, start, i))
            start = i
    if start is not None:
        result.append(Span(doc, start, len(doc)))
    return result


def annotated(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, asked once per Doc (it scans every token)."""
    return bool(kept_with(doc, f"annotated:{attr}", lambda doc: doc.has_annotation(attr)))


def has_sentence_starts(doc: Doc) -> bool:
    return annotated(doc, "SENT_START")


def has_parse(doc: Doc) -> bool:
    return annotated(doc, "DEP")


def clause_head(token: Token) -> Token:
    """The finite verb heading the clause of a token (itself when it is one)."""
    current = token
    for _ in range(50):
        if current.pos_ in ("VERB", "AUX") and dep(current) in ("FINV", "ROOT", "KOORD", "SBU", ""):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def subject_of(verb: Token) -> Token | None:
    """Subject of a verb, looking up through auxiliaries/infinitive chains and coordination."""
    current: Token | None = verb
    seen = 0
    while current is not None and seen < 6:
        seen += 1
        subjects = [c for c in current.children if dep(c) in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if dep(current) in ("INFV", "xcomp", "KOORD", "conj", "aux") and current.head.i != current.i:
            current = current.head
            continue
        break
    return None


def lemma(token: Token) -> str:
    """``(token.lemma_ or low(token)).lower()``, read from the Doc's token table."""
    doc = token.doc
    try:
        table = doc.user_data[_TOKEN_TABLE_KEY]
    except KeyError:
        table = token_table(doc)
    return table.lemmas[token.i]


def verb_lemmas(token: Token) -> tuple[str, ...]:
    """Lemmas of a verb form from a full-form dictionary ("pågrep" -> "pågripe"), for tokens the
    statistical lemmatizer gets wrong."""
    return _verb_lemmas_of(low(token))


def verb_forms(form: str) -> tuple[str, ...]:
    """``verb_lemmas`` of a lower-case form (from a ``TokenTable``), without a Token (the cached
    tuple itself: the finders ask for nearly every token, and only read it)."""
    return _verb_lemmas_of(form)


@lru_cache(maxsize=1 << 16)
def _verb_lemmas_of(form: str) -> tuple[str, ...]:
    # asked for nearly every token by several finders: one cached call instead of three
    return full_forms().lemmas(form, "verb")


_CLOSED_CLASS = {"begge", "deretter", "dermed", "derfor", "samtidig", "likevel", "ifølge", *month_names(),
                 *WEEKDAYS}


def is_common_word(word: str) -> bool:
    """Whether a word is a common word rather than a name: an inflected noun, adjective, verb or adverb
    ("Kommunen", "Amerikanske"), a function word ("Begge", "Noe") or a month or weekday."""
    from spacy.lang.nb.stop_words import STOP_WORDS

    form = word.lower()
    if form in STOP_WORDS or form in _CLOSED_CLASS:
        return True
    return full_forms().known(form)


def is_noun_form(word: str) -> bool:
    """Whether a word is an inflected common noun in the full-form dictionary."""
    return full_forms().has(word.lower(), "noun")


def looks_like_verb(token: Token) -> bool:
    """A verb by its tag, or a verb form the tagger took for a noun or adjective ("pågrep", "stanset")."""
    return looks_like_verb_at(token_table(token.doc), token.i)


def looks_like_verb_at(table: TokenTable, i: int) -> bool:
    """``looks_like_verb`` of token i of a Doc's token table."""
    pos = table.pos[i]
    if pos in ("VERB", "AUX"):
        return True
    if pos not in ("NOUN", "ADJ"):
        return False
    # "den fornærma": a participle used as a noun
    after_determiner = i > 0 and (table.pos[i - 1] == "DET" or table.lowers[i - 1] in ("den", "det", "de"))
    return not after_determiner and _verb_form_not_noun(table.texts[i], table.lowers[i])


@lru_cache(maxsize=1 << 15)  # asked for every noun and adjective
def _verb_form_not_noun(text: str, form: str) -> bool:
    """A lower-case verb form of the full-form dictionary that is no noun form ("pågrep", "stanset")."""
    return text.islower() and bool(verb_forms(form)) and not is_noun_form(text)


def is_infinitive(token: Token) -> bool:
    """An infinitive by its morphology, or a form that is its own lemma in the verb dictionary."""
    doc, i = token.doc, token.i
    if "Inf" in morph_values_at(doc, i, "VerbForm"):
        return True
    table = token_table(doc)
    own_lemma = table.lowers[i] in verb_forms(table.lowers[i])
    return table.pos[i] not in ("NOUN", "PROPN") and own_lemma and not is_noun_form(table.texts[i])


def is_adjective_form(word: str) -> bool:
    """Whether a word is an inflected adjective in the full-form dictionary ("isolerte")."""
    return full_forms().has(word.lower(), "adj")
