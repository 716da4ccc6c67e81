"""Canonical named entities of one article, with in-article coreference of name variants.

NER gives typed spans; here they become one record per real-world entity: titles and
genitive endings stripped, surnames linked to full names (the most recent one when two
people share a surname), acronyms linked to their expansion, bare repeats of a known
name that NER missed added as mentions, and the type chosen by majority.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.syntax import (
    WEEKDAYS,
    TokenTable,
    is_common_word,
    kept_with,
    low,
    morph_values,
    punct_at,
    remembered_flags,
    sentence_start_flags,
    span_text,
    token_offsets,
    token_table,
)
from nyhetsgraf.records import Article, Entity
from nyhetsgraf.resources.gazetteer import is_country, town_population, without_genitive
from nyhetsgraf.resources.words import weekday_names, word_list, word_set

HYPHENS = "-‐‑–—"
_QUOTE_CHARS = "«»“”\"'„()[]"
# NorNE types that name the same kind of thing for merging purposes.
_COARSE = {"GPE_LOC": "GPE", "GPE_ORG": "GPE", "GPE": "GPE"}


@dataclass(slots=True)
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str  # cleaned surface form (title and genitive stripped)
    label: str
    char_start: int
    char_end: int
    weak: bool = False  # a lone capitalised common word at a sentence start ("Kommunen")
    after_title: bool = False  # right after a role noun ("president Obama")
    genitive: str = ""  # the form as written when a genitive -s was stripped ("Natos" of "Nato")

    @property
    def words(self) -> tuple[str, ...]:
        return _words(self.text)


@lru_cache(maxsize=1 << 14)  # asked for every mention many times over while clustering
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_mention_start = attrgetter("start")


@dataclass(slots=True)
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start

    @property
    def last(self) -> int:
        return self.mentions[-1].start

    @property
    def after_title(self) -> bool:
        return any(m.after_title for m in self.mentions)

    def labels(self) -> dict[str, int]:
        """How many mentions have each label, in the order the labels are first seen (a plain dict:
        a Counter costs microseconds to make, and every entity asks)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.label] = counts.get(m.label, 0) + 1
        return counts

    def label(self) -> str:
        """The most frequent label, the first one seen on a tie."""
        return _most_frequent(self.labels())

    def coarse(self) -> str:
        label = self.label()
        return _COARSE.get(label, label)

    def add(self, mention: Mention) -> None:
        """Insert a mention in token order, after those at the same token (as a stable sort would)."""
        insort(self.mentions, mention, key=_mention_start)


def _most_frequent(counts: dict[str, int]) -> str:
    """``Counter(counts).most_common(1)[0][0]``: the key with the highest count, the first on a tie."""
    return max(counts, key=counts.__getitem__)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Comparable form of a name: case-folded, hyphens as nothing, spaces collapsed."""
    text = name.casefold()
    for h in HYPHENS:
        text = text.replace(h, "")
    return " ".join(text.split())


def _is_genitive(token: Token) -> bool:
    if "Gen" in morph_values(token, "Case"):
        return True
    return _genitive_tag(token.tag_)


@lru_cache(maxsize=1 << 10)  # a tag set has a few hundred tags
def _genitive_tag(tag: str) -> bool:
    return bool(_GENITIVE_TAG.search(tag.lower()))


_GENITIVE_TAG = re.compile(r"(^|[|_ ])gen($|[|_ ])")


def _leading_title_tokens(table: TokenTable, start: int, end: int) -> int:
    """How many tokens at the start of a PER span [start, end) are a title or role, not the name."""
    texts, pos = table.texts, table.pos
    count = 0
    while count < end - start - 1:
        i = start + count
        text = texts[i]
        rest_has_name = any(pos[j] == "PROPN" or texts[j][:1].isupper() for j in range(i + 1, end))
        looks_like_title = (text[:1].islower() or pos[i] in ("NOUN", "ADJ", "DET")) and not (
            _first_name_gender(text)
        )
        if rest_has_name and ((looks_like_title and pos[i] != "PROPN") or _is_role_noun_at(table, i)):
            count += 1  # "Kaptein Moen", "Seniorrådgiver Kari Isaksen Holm"
            continue
        break
    return count


@lru_cache(maxsize=1 << 14)
def _town_population(name: str) -> int:
    """``town_population``, remembered: a binary search in the town table for every place name."""
    return town_population(name)


def _is_junk(span: Span) -> bool:
    text = span_text(span.doc, span.start, span.end).strip()
    if not any(ch.isalpha() for ch in text) or text.endswith("-"):
        return True  # no letters, or a cut compound ("Barne- og familiedepartementet" split by NER)
    words = text.split()
    if (
        len(words) > 1
        and _sentence_initial_at(span.doc, span.start)
        and is_common_word(words[0])
        and all(w[:1].islower() for w in words[1:])
    ):
        return True  # "Den lave prisen": a capitalised sentence start, not a name
    # Lower-case adjectives and nouns ("norske", "koalisjonen") are not names.
    return not any(ch.isupper() for ch in text)


def _sentence_initial(token: Token) -> bool:
    """First word of a sentence, line, heading or quote, where common words are capitalised too."""
    return _sentence_initial_at(token.doc, token.i)


def _sentence_initial_at(doc: Doc, i: int) -> bool:
    """``_sentence_initial`` of token i, read from the Doc's token table (no Token objects)."""
    return _sentence_initial_in(token_table(doc), sentence_start_flags(doc), i)


def _sentence_initial_in(table: TokenTable, sent_starts: list[bool], i: int) -> bool:
    """``_sentence_initial_at`` from the Doc's token table and sentence start flags."""
    spaces = table.spaces
    previous = i - 1
    while previous >= 0 and spaces[previous]:
        previous -= 1
    # A token's whitespace_ is " " or "", never a line break: line breaks are space tokens.
    if previous < 0 or previous < i - 1:
        return True
    return sent_starts[i] or table.texts[previous] in _SENTENCE_ENDS


_SENTENCE_ENDS = (".", "!", "?", ":", "–", "—", "-", "«", '"', "»")


@lru_cache(maxsize=1 << 14)  # asked several times for every capitalised word
def _first_name_gender(word: str) -> str | None:
    try:
        from nyhetsgraf.resources.lexicon import name_gender
    except ModuleNotFoundError:
        return None
    return name_gender(word)


_NAME_POS = {"PROPN", "X", "", "SYM"}


def _leading_non_name_tokens(doc: Doc, start: int, end: int, label: str) -> int:
    """Capitalised words before a name at a sentence start ("Skadde Ola Nordmann", "Elsker Ikea")."""
    table = token_table(doc)
    texts, pos = table.texts, table.pos
    count = 0
    while count < end - start - 1:
        i = start + count
        text = texts[i]
        rest_is_name = any(pos[j] == "PROPN" for j in range(i + 1, end))
        title_like = text[:1].isupper() and (label == "PER" or is_common_word(text))
        if title_like and _first_name_gender(texts[i + 1]) and not _first_name_gender(text):
            count += 1
            continue
        if (
            count == 0
            and _sentence_initial_at(doc, i)
            and pos[i] not in _NAME_POS
            and rest_is_name
            and not _first_name_gender(text)
        ):
            count += 1
            continue
        break
    return count


# Nouns that follow a place name without being owned by it: "i Lillehammer mandag".
_TIME_NOUNS = weekday_names() | frozenset({
    "morgen", "kveld", "natt", "ettermiddag", "formiddag", "helg", "helgen", "helga",
})


def _genitive_before_noun(table: TokenTable, start: int, end: int) -> bool:
    """ "Natos beslutning", "Bergens Tidendes nettutgave": a name in -s right before a common noun
    (the name being tokens [start, end) of the table's Doc)."""
    text = table.texts[end - 1]
    acronym = len(text) >= 3 and text.endswith("s") and text[:-1].isupper()  # "FNs generalsekretær"
    if not (text.endswith(("s", "'", "’")) and (len(text) > 3 or acronym)):
        return False
    if end >= len(table.texts):
        return False
    following = table.texts[end]
    return (table.pos[end] == "NOUN" and following[:1].islower()
            and following.lower() not in _TIME_NOUNS)  # "ved Dombås tirsdag" names no owner


def _clean_mention(span: Span, offset: int) -> Mention | None:
    if _is_junk(span):
        return None
    doc = span.doc
    # indexes into the Doc's token table throughout: a mention is cleaned for every NER span
    table = token_table(doc)
    texts, lowers, pos = table.texts, table.lowers, table.pos
    size = len(texts)
    start, end = span.start, span.end
    while start < end and (punct_at(table, start) or texts[start] in _QUOTE_CHARS):
        start += 1
    while end > start and (punct_at(table, end - 1) or texts[end - 1] in _QUOTE_CHARS):
        end -= 1
    if end <= start:
        return None
    label = span.label_
    if label == "PER" and not (end < size and lowers[end] in _ORGANISATION_HEADS):
        # "Marie Lie" of "Inger Marie Lie": a first name NER left out
        while start > 0 and texts[start - 1][:1].isupper() and _first_name_gender(texts[start - 1]):
            start -= 1
    elif end < size and lowers[end] in _ORGANISATION_HEADS:
        # "Sør-Øst politidistrikt", "FNs sikkerhetsråd": the organisation noun NER left out
        end += 1
        label = "ORG"
    if label == "ORG":
        # "The New York" + "Times": capitalised words right after an organisation name
        while (
            end < size
            and texts[end][:1].isupper()
            and doc[end].is_alpha
            and doc[end].ent_iob_ != "B"
            and table.trailing[end - 1]
        ):
            end += 1
        # "Universitetet i Bergen": an institution and its place
        if (
            end + 1 < size
            and lowers[end] == "i"
            and texts[end + 1][:1].isupper()
            and _has_organisation_word(texts[end - 1])
        ):
            end += 2
    if label == "PER":
        start += _leading_title_tokens(table, start, end)
    stripped = _leading_non_name_tokens(doc, start, end, label)
    if stripped and _first_name_gender(texts[start + stripped]) and end - start - stripped > 1:
        label = "PER"  # "Journalist Ola Berg" tagged as one organisation
    start += stripped
    text = " ".join(span_text(doc, start, end).strip(_QUOTE_CHARS + " ").split())
    before_phrase = end < size and not punct_at(table, end) and not table.spaces[end]
    # "Hamas' leder", "Paris' ordfører": the apostrophe is the genitive, the -s belongs to the name
    apostrophe_genitive = texts[end - 1].endswith(("'", "’"))
    genitive = (before_phrase and _is_genitive(doc[end - 1])) or _genitive_before_noun(table, start, end)
    written = text
    if genitive and not apostrophe_genitive:
        text = without_genitive(text)
    if not text or not any(ch.isupper() for ch in text):
        return None
    first = texts[start]
    weak = (
        end - start == 1
        and _sentence_initial_at(doc, start)
        and (
            pos[start] not in _NAME_POS
            or (
                is_common_word(first)
                and not _first_name_gender(first)
                and not is_country(first)
            )
        )
    )
    offsets = token_offsets(doc)
    char_start = offsets[start]
    char_end = offsets[end - 1] + len(texts[end - 1])
    mention = Mention(start, end, text, label, char_start + offset, char_end + offset, weak)
    mention.after_title = start > 0 and _is_role_noun_at(table, start - 1)
    mention.genitive = written if written != text else ""
    return mention


def _is_role_noun_at(table: TokenTable, i: int) -> bool:
    """Whether token i of a token table is a title or role noun ("utenriksminister")."""
    roles = _role_nouns()
    return table.lemmas[i] in roles or table.lowers[i] in roles


@lru_cache(maxsize=1)  # asked for the word before every mention: no import statement per question
def _role_nouns() -> frozenset[str]:
    """The lexicon's title and role nouns (none where the lexicon module is missing)."""
    try:
        from nyhetsgraf.resources.lexicon import role_nouns
    except ModuleNotFoundError:
        return frozenset()
    return role_nouns()


# Lower-case nouns that complete a place name into an organisation ("Troms politidistrikt").
_ORGANISATION_HEADS = word_set("organisation_head_nouns")


def _drop_weak(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Keep a sentence-initial common word only when the name is also used mid-sentence."""
    strong = {fold(m.text) for m in mentions if not m.weak}
    name_words = {fold(w) for m in mentions if not m.weak and m.label == "PER" for w in m.words}
    table, sent_starts = token_table(doc), sentence_start_flags(doc)
    mid_sentence = {fold(table.texts[i]) for i in _capitalised(doc)
                    if not _sentence_initial_in(table, sent_starts, i)}
    keep = strong | name_words | mid_sentence
    return [m for m in mentions if not m.weak or fold(m.text) in keep]


def _capitalised(doc: Doc) -> list[int]:
    """Indexes of the tokens that start with a capital letter, found once per Doc: only they can be
    names, and several steps look for names NER missed."""
    return kept_with(doc, "capitalised", _find_capitalised)


def _find_capitalised(doc: Doc) -> list[int]:
    flags = remembered_flags(_CAPITALISED, token_table(doc).texts, _starts_upper)  # asked once per word
    return list(compress(range(len(flags)), flags))


_CAPITALISED: dict[str, bool] = {}  # text -> whether it starts with a capital letter, for every word seen


def _starts_upper(text: str) -> bool:
    return text[:1].isupper()


def _acronym_of(short: str, long: str) -> bool:
    """Whether an all-caps short form abbreviates a multi-word name."""
    return _may_abbreviate(short) and short in _initials(long)


def _may_abbreviate(short: str) -> bool:
    """Whether a word has the form of an acronym: two to six capital letters."""
    return 2 <= len(short) <= 6 and short.isupper() and short.isalpha()


@lru_cache(maxsize=1 << 14)  # asked for every mention of every cluster, once per acronym
def _initials(long: str) -> tuple[str, ...]:
    """The acronyms a multi-word name may have: its initials, and those of its capitalised words."""
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    if len(words) < 2:
        return ()
    initials = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return (initials, capitals)


class EntityIndex:
    """Entities of one article and the way back from a token to its entity."""

    def __init__(self, entities: list[Entity], token_entity: dict[int, int], token_offset: int = 0) -> None:
        self.entities = entities
        self._token_entity = token_entity
        self._offset = token_offset

    def entity_for(self, token_or_span: Token | Span) -> Entity | None:
        if isinstance(token_or_span, Token):
            index = self._token_entity.get(token_or_span.i)
            return None if index is None else self.entities[index]
        span = token_or_span
        if span.start < span.end and not any(i in self._token_entity for i in range(span.start, span.end)):
            return None  # no token of it is a mention: no need to find its root
        # a span: prefer its root, then any token of it
        tokens = [span.root, *span]
        for token in tokens:
            index = self._token_entity.get(token.i)
            if index is not None:
                return self.entities[index]
        return None

    def entity_at(self, i: int) -> Entity | None:
        """``entity_for`` of the token at index i, without making a Token."""
        index = self._token_entity.get(i)
        return None if index is None else self.entities[index]

    def name_for(self, token_or_span: Token | Span) -> str | None:
        entity = self.entity_for(token_or_span)
        return entity.name if entity else None

    def by_name(self, name: str) -> Entity | None:
        key = fold(name)
        for entity in self.entities:
            if fold(entity.name) == key:
                return entity
        return None

    def tokens_of(self, entity: Entity) -> list[int]:
        index = self.entities.index(entity)
        return sorted(i for i, e in self._token_entity.items() if e == index)

    def mentioned_tokens(self) -> list[tuple[int, Entity]]:
        """``(i, entity)`` for every entity and every token of ``tokens_of(entity)``, in token order:
        one pass over the tokens instead of one per entity."""
        tokens: dict[int, list[int]] = {}
        for i, e in self._token_entity.items():
            tokens.setdefault(e, []).append(i)
        indexes = _first_equal_indexes(self.entities)
        pairs = [(i, entity) for entity, index in zip(self.entities, indexes, strict=True)
                 for i in sorted(tokens.get(index, ()))]
        pairs.sort(key=lambda pair: pair[0])
        return pairs


def _first_equal_indexes(entities: list[Entity]) -> list[int]:
    """``entities.index(entity)`` of every entity (the first one equal to it), in one pass instead of
    one scan per entity: only entities of the same name can be equal."""
    same_name: dict[str, list[int]] = {}
    indexes = []
    for k, entity in enumerate(entities):
        earlier = same_name.setdefault(entity.name, [])
        indexes.append(next((j for j in earlier if entities[j] == entity), k))
        earlier.append(k)
    return indexes


def _split_trailing_person(ent: Span) -> list[Span]:
    """ "i Molde Per Krogh" tagged "Molde Per": a place and a person."""
    doc = ent.doc
    texts = token_table(doc).texts  # by token index: asked for every NER span
    start, stop = ent.start, ent.end
    if ent.label_ == "PER" or stop - start < 2 or not _first_name_gender(texts[stop - 1]):
        return [ent]
    if stop >= len(texts) or not texts[stop][:1].isupper() or _first_name_gender(texts[stop - 2]):
        return [ent]
    end = ent.end + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PER":
        end += 1
    return [Span(doc, ent.start, ent.end - 1, label=ent.label_), Span(doc, ent.end - 1, end, label="PER")]


def _owner_after_full_name(name: Span, ent: Span) -> bool:
    """ "er Olav Lie Karis lærer": a first name in the genitive after a full name is another person,
    the owner of what follows, not the end of the name before."""
    first = ent[0]
    return (ent.label_ == "PER" and len(name) >= 2 and _is_genitive(first) and len(ent) == 1
            and _first_name_gender(without_genitive(first.text)) is not None)


def _joined_entities(doc: Doc) -> list[Span]:
    """NER spans, with a person name split in two ("Ivan" + "Petrov") joined again and a person
    glued to a place name split off."""
    pieces = [piece for ent in doc.ents for piece in _split_trailing_person(ent)]
    spans: list[Span] = []
    covered_until = 0
    for ent in pieces:
        if ent.start < covered_until:
            continue  # a split-off person that ran into the next NER span
        covered_until = ent.end
        if (
            spans
            and ent.label_ in ("PER", "ORG")
            and spans[-1].label_ == ent.label_
            and spans[-1].end == ent.start
            and not _owner_after_full_name(spans[-1], ent)
        ):
            spans[-1] = Span(doc, spans[-1].start, ent.end, label=ent.label_)  # "NHO" + "Transport"
            continue
        spans.append(ent)
    return spans


def _raw_mentions(doc: Doc, offset: int) -> list[Mention]:
    mentions = []
    for ent in _joined_entities(doc):
        mention = _clean_mention(ent, offset)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _degenitive_by_evidence(mentions: list[Mention]) -> None:
    """Strip a genitive -s when the name without it is also used ("Natos" next to "Nato"), and give it
    back to a name stripped before a noun that is used with its -s where no genitive stands ("Hamas
    æren" next to "Hamas har"): only names as written count as evidence."""
    known = {fold(m.text) for m in mentions if not m.genitive}
    words = {fold(w) for m in mentions if m.label == "PER" and not m.genitive for w in m.words}
    for m in mentions:
        if m.genitive or not m.text.endswith("s") or len(m.text) < 4:
            continue
        base = without_genitive(m.text)
        if fold(base) in known or (len(m.words) == 1 and fold(base) in words):
            m.genitive, m.text = m.text, base
    written = {fold(m.text) for m in mentions if not m.genitive}
    for m in mentions:
        if m.genitive and fold(m.genitive) in written:
            m.text, m.genitive = m.genitive, ""


def _cluster(mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_text: dict[tuple[str, str], Cluster] = {}
    singles: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label == "PER" and len(m.words) == 1:
            singles.append(m)
            continue
        key = (fold(m.text), "PER" if m.label == "PER" else "NAME")
        cluster = by_text.get(key)
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
            by_text[key] = cluster
        cluster.add(m)
    persons = [c for c in clusters if c.label() == "PER"]
    # Non-person names repeated as a one-word person mention are not merged; but a one-word
    # name that equals a multi-word person's word goes to the right person.
    for m in singles:
        target = _person_for_word(persons, m) or by_text.get((fold(m.text), "NAME"))
        if target is None:
            same = by_text.get((fold(m.text), "PER"))
            if same is None:
                same = Cluster()
                clusters.append(same)
                persons.append(same)
                by_text[(fold(m.text), "PER")] = same
            same.add(m)
        else:
            target.add(m)
    _merge_single_word_names(clusters, persons)
    _merge_acronyms(clusters)
    return [c for c in clusters if c.mentions]


def _person_for_word(persons: list[Cluster], mention: Mention) -> Cluster | None:
    """The person a bare first name or surname refers to: of the full names holding it before, the
    one named in full most often so far (the article's "Romney" is Mitt Romney even right after "Ann
    Romney" is named once), the most recent on a tie; else, of those named later, the one named in
    full most often, the first on a tie."""
    word = fold(mention.text)
    holders = [c for c in persons if _holds_word(c, word)]
    if not holders:
        return None
    before = [c for c in holders if any(m.start < mention.start and len(m.words) > 1 for m in c.mentions)]
    if before:
        return max(before, key=lambda c: (
            sum(len(m.words) > 1 and m.start < mention.start for m in c.mentions),
            max(m.start for m in c.mentions if m.start < mention.start)))
    return max(holders, key=lambda c: (sum(len(m.words) > 1 for m in c.mentions),
                                       -min(m.start for m in c.mentions if len(m.words) > 1)))


def _holds_word(cluster: Cluster, word: str) -> bool:
    """Whether a word (folded) is a word of one of the cluster's multi-word names."""
    return any(word in _name_words(m.text) for m in cluster.mentions)


@lru_cache(maxsize=1 << 14)  # asked for every mention of every person, once per bare name
def _name_words(text: str) -> frozenset[str]:
    """The folded words of a multi-word name; none for a one-word name."""
    words = _words(text)
    return frozenset(fold(w) for w in words) if len(words) > 1 else frozenset()


def _merge_single_word_names(clusters: list[Cluster], persons: list[Cluster]) -> None:
    """A one-word name tagged with another type but equal to a word of a person's full name is that
    person; with two such people ("Bush"), each mention goes to the most recent full name."""
    full_persons = [c for c in persons if any(len(m.words) > 1 for m in c.mentions)]
    # the persons by identity: "cluster in persons" compares clusters by value, mention by mention,
    # and no two clusters hold equal mentions (each mention is of one cluster, at its own token)
    person_ids = {id(c) for c in persons}
    for cluster in clusters:
        if id(cluster) in person_ids or not cluster.mentions:
            continue
        if any(len(m.words) > 1 for m in cluster.mentions) or cluster.mentions[0].label == "PER":
            continue
        word = fold(cluster.mentions[0].text)
        holders = [p for p in full_persons if _holds_word(p, word)]
        if not holders:
            continue
        for m in cluster.mentions:
            target = _person_for_word(holders, m) or holders[0]
            target.add(m)
        cluster.mentions.clear()


def _merge_acronyms(clusters: list[Cluster]) -> None:
    for short in clusters:
        if not short.mentions:
            continue
        text = short.mentions[0].text
        if len(short.mentions[0].words) != 1 or not text.isupper():
            continue
        if not _may_abbreviate(text):
            continue  # no name of any cluster has it as its acronym
        for long in clusters:
            if long is short or not long.mentions:
                continue
            # the cheap test first: few clusters spell the acronym, and coarse() counts all labels
            if any(_acronym_of(text, m.text) for m in long.mentions) and long.coarse() != "PER":
                for m in short.mentions:
                    long.add(m)
                short.mentions.clear()
                break


def _merge_parenthesised_acronyms(doc: Doc, clusters: list[Cluster]) -> None:
    """ "Yrkestrafikkforbundet (YTF)": an all-caps name in brackets right after an organisation."""
    by_token = {m.start: c for c in clusters for m in c.mentions}
    texts = token_table(doc).texts  # read per token index: no Token objects
    for cluster in clusters:
        for m in list(cluster.mentions):
            if m.label == "PER" or m.end + 2 >= len(texts):
                continue
            if texts[m.end] != "(" or texts[m.end + 2] != ")":
                continue
            inner = texts[m.end + 1]
            other = by_token.get(m.end + 1)
            if other is None or other is cluster or not inner.isupper():
                continue
            if inner[0].upper() != m.text[0].upper() or other.coarse() == "PER":
                continue
            for om in other.mentions:
                cluster.add(om)
            other.mentions.clear()


def _canonical(cluster: Cluster) -> str:
    """The fullest form used: most words, then longest, then most frequent."""
    counts: dict[str, int] = {}
    for m in cluster.mentions:
        counts[m.text] = counts.get(m.text, 0) + 1
    best = max(cluster.mentions, key=lambda m: (len(m.words), m.label != "DRV", len(m.text), counts[m.text]))
    return best.text


def _entity_type(cluster: Cluster, name: str) -> str:
    """NER's majority type, corrected where the name itself tells: a known first name is a person,
    a country is a GPE, an acronym or an organisation word ("-departementet") an organisation."""
    labels = cluster.labels()
    # multi-word mentions name the entity most clearly; count them twice
    for m in cluster.mentions:
        if len(m.words) > 1:
            labels[m.label] += 1
    best = _most_frequent(labels)
    gpe = {k: v for k, v in labels.items() if _COARSE.get(k) == "GPE"}
    if is_country(name):
        return max(gpe, key=lambda k: (gpe[k], k == "GPE_ORG")) if gpe else "GPE_LOC"
    words = name.split()
    if _named_city(cluster, name, best) or (gpe and len(words) == 1 and _town_population(name) > 0):
        return max(gpe, key=lambda k: (gpe[k], k == "GPE_ORG")) if gpe else "GPE_LOC"
    if (
        all(w[:1].isupper() for w in words)
        and _first_name_gender(words[0])
        and (len(words) > 1 or "PER" in labels)
    ):
        return "PER"
    if len(words) > 1 and _is_acronym(words[0]):
        return "ORG"  # "NHO Transport"
    person_like = best == "PER" and bool(_first_name_gender(words[0]))
    if (
        _is_acronym(name)
        or (not person_like and _has_organisation_word(name))
        or name.lower() in _PARTIES | _INTERNATIONAL_ORGANISATIONS
    ):
        return "ORG"
    if _COARSE.get(best) == "GPE":
        best = max(gpe, key=lambda k: (gpe[k], k == "GPE_ORG"))
    return best


_ORGANISATION_ENDINGS = word_list("organisation_endings")
# Norwegian political parties and their short names ("Høyre" is also "right", "Venstre" "left").
_PARTIES = word_set("parties")
# International organisations every news desk names; NER often takes "Nato" for a person.
_INTERNATIONAL_ORGANISATIONS = word_set("international_organisations")


def _is_acronym(name: str) -> bool:
    compact = name.replace("-", "")
    return (
        2 <= len(compact) <= 6
        and compact.isalnum()
        and compact.upper() == compact
        and any(ch.isalpha() for ch in compact)
    )


def _has_organisation_word(name: str) -> bool:
    last = name.split()[-1].lower()
    return last.endswith(_ORGANISATION_ENDINGS)


def _named_city(cluster: Cluster, name: str, best: str) -> bool:
    """A town NER took for a person or an organisation ("Bamako", "Drammen", "Los Angeles").

    A one-word "person" must be a large town and never stand after a title ("president Obama").
    """
    if (
        best not in ("PER", "ORG", "LOC", "PROD", "MISC")
        or _is_acronym(name)
        or _first_name_gender(name.split()[0])
    ):
        return False
    population = _town_population(name)
    person_names = [m for m in cluster.mentions if m.label == "PER" and m.text != name and len(m.words) > 1]
    if not population or person_names:
        return False
    if best == "PER" and len(name.split()) == 1:
        return population >= 100_000 and not cluster.after_title
    return True


def _add_bare_repeats(doc: Doc, clusters: list[Cluster], offset: int) -> None:
    """Capitalised tokens equal to a known one-word name (or a person's surname) that NER missed."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    single_names: dict[str, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            if len(m.words) == 1 and m.label != "DRV":
                single_names.setdefault(fold(m.text), c)
    persons = [c for c in clusters if c.coarse() == "PER"]
    known_words = set(single_names) | _surnames(persons)
    table, sent_starts, starts = token_table(doc), sentence_start_flags(doc), token_offsets(doc)
    texts = table.texts
    for i in _capitalised(doc):
        text = texts[i]
        if i in covered or len(text) < 2:
            continue
        if sent_starts[i] and table.pos[i] not in ("PROPN", ""):
            continue
        genitive = text.endswith("s") and fold(text[:-1]) in known_words
        word = fold(text[:-1]) if genitive and fold(text) not in single_names else fold(text)
        cluster = None
        if persons:
            probe = Mention(i, i + 1, text, "PER", 0, 0)
            probe.text = text[:-1] if genitive else text
            holder = _person_for_word(persons, probe)
            if holder is not None and word in {fold(w) for m in holder.mentions for w in m.words[1:]}:
                cluster = holder
        if cluster is None:
            cluster = single_names.get(word)
        if cluster is None:
            continue
        label = cluster.label()
        cluster.add(Mention(i, i + 1, text[:-1] if genitive else text, label, starts[i] + offset,
                            starts[i] + len(text) + offset))


# Capitalised pronouns, determiners and prepositions are never a country name ("Man", "Den").
_FUNCTION_WORDS = word_set("entity_type_function_words")


def _add_countries(doc: Doc, clusters: list[Cluster], offset: int) -> None:
    """Country names NER missed ("Spanias ambassade"): a closed list is more reliable than the model."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    by_name = {fold(c.mentions[0].text): c for c in clusters if c.mentions}
    table, starts = token_table(doc), token_offsets(doc)
    texts = table.texts
    for i in _capitalised(doc):
        form = texts[i]
        if i in covered:
            continue
        if form.lower() in _FUNCTION_WORDS and form[1:].islower():
            continue  # "Man kan ...": the pronoun, not the Isle of Man
        text = form if is_country(form) else without_genitive(form)
        if not is_country(text):
            continue
        previous = table.lowers[i - 1] if i > 0 else ""
        label = "GPE_LOC" if previous in ("i", "fra", "til", "ved", "mot", "over") else "GPE_ORG"
        mention = Mention(i, i + 1, text, label, starts[i] + offset, starts[i] + len(form) + offset)
        cluster = by_name.get(fold(text))
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
            by_name[fold(text)] = cluster
        cluster.add(mention)


_PLACE_CUES = {
    "i",
    "fra",
    "til",
    "ved",
    "utenfor",
    "nær",
    "hovedstaden",
    "hovedstad",
    "byen",
    "storbyen",
    "havnebyen",
    "kystbyen",
}


def _add_cities(doc: Doc, clusters: list[Cluster], offset: int) -> None:
    """Large towns NER missed, where the text marks a place: "i Pyongyang", "hovedstaden Bamako"."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    by_name = {fold(c.mentions[0].text): c for c in clusters if c.mentions}
    table, starts = token_table(doc), token_offsets(doc)
    texts = table.texts
    for i in _capitalised(doc):
        text = texts[i]
        if i in covered or i == 0:
            continue
        if table.lowers[i - 1] not in _PLACE_CUES or _sentence_initial_at(doc, i) or _first_name_gender(text):
            continue
        if _town_population(text) < 100_000 or is_common_word(text):
            continue
        mention = Mention(i, i + 1, text, "GPE_LOC", starts[i] + offset, starts[i] + len(text) + offset)
        cluster = by_name.get(fold(text))
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
            by_name[fold(text)] = cluster
        cluster.add(mention)


def _surnames(persons: list[Cluster]) -> set[str]:
    return {fold(w) for c in persons for m in c.mentions if len(m.words) > 1 for w in m.words[1:]}


def find_entities(doc: Doc, article: Article) -> EntityIndex:
    """Entities of an article's Doc, with mentions as absolute spans into the input."""
    offset = article.span[0]
    mentions = _drop_weak(doc, _raw_mentions(doc, offset))
    _degenitive_by_evidence(mentions)
    clusters = _cluster(mentions)
    _merge_parenthesised_acronyms(doc, clusters)
    clusters = [c for c in clusters if c.mentions]
    _add_bare_repeats(doc, clusters, offset)
    _add_countries(doc, clusters, offset)
    _add_cities(doc, clusters, offset)
    clusters.sort(key=lambda c: c.first)
    entities: list[Entity] = []
    token_entity: dict[int, int] = {}
    for index, cluster in enumerate(clusters):
        spans = sorted({(m.char_start, m.char_end) for m in cluster.mentions})
        name = _canonical(cluster)
        entities.append(Entity(name=name, type=_entity_type(cluster, name), mentions=list(spans)))
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                token_entity[i] = index
    _link_name_compounds(entities)
    return EntityIndex(entities, token_entity)


def _link_name_compounds(entities: list[Entity]) -> None:
    """ "Nato-styrken", "USA-ledede": a compound on a known name is also a mention of that name
    (the compound keeps its own DRV entry, as NorNE annotates it)."""
    by_name = {fold(e.name): e for e in entities}
    for entity in entities:
        if "-" not in entity.name or entity.type not in ("DRV", "ORG", "MISC"):
            continue
        base = by_name.get(fold(entity.name.split("-", 1)[0]))
        if base is None or base is entity:
            continue
        for start, _ in entity.mentions:
            prefix_end = start + len(entity.name.split("-", 1)[0])
            if (start, prefix_end) not in base.mentions:
                base.mentions.append((start, prefix_end))
        base.mentions.sort()


# ---------------------------------------------------------------- referring phrases

PERSONAL_PRONOUNS = {
    "han": "M",
    "hun": "F",
    "ho": "F",
    "ham": "M",
    "henne": "F",
    "de": "PL",
    "dei": "PL",
    "dem": "PL",
}
# "de" speaks for an organisation or a government, never for a place ("sa de" after "fra Japan")
_GROUP_TYPES = {"ORG", "GPE_ORG"}
# prepositions that keep a describing phrase together ("en talsmann for departementet")
_DESCRIPTION_PREPOSITIONS = {"for", "nær", "av", "ved", "fra", "i", "hos"}
_PHRASE_STOP_WORDS = {
    "til",
    "overfor",
    "at",
    "om",
    "som",
    "på",
    "etter",
    "under",
    "med",
    "mot",
    *WEEKDAYS,
    "i dag",
    "ettermiddag",
    "morgen",
    "kveld",
    "natt",
    "også",
    "imidlertid",
    "nå",
    "derimot",
    "likevel",
    "selv",
    "videre",
    "dessuten",
    "tidligere",
}


class Referents:
    """Turns a referring phrase or pronoun into a canonical entity name or a short description."""

    def __init__(self, doc: Doc, index: EntityIndex, gender_of: Callable[[str], str | None]) -> None:
        self.doc = doc
        self.index = index
        self.gender_of = gender_of
        self._mentions = index.mentioned_tokens()
        self._sentence_counts: list[int] | None = None
        self._mention_starts = [i for i, _ in self._mentions]

    def names_in(self, first: int, end: int) -> frozenset[str]:
        """The names of the entities mentioned in tokens first..end-1."""
        low_index = bisect_left(self._mention_starts, first)
        high_index = bisect_left(self._mention_starts, end)
        return frozenset(entity.name for _, entity in self._mentions[low_index:high_index])

    def _sentences_between(self, first: int, last: int) -> int:
        """How many sentences start after token ``first`` up to token ``last``."""
        if self._sentence_counts is None:
            counts = [0]
            for flag in sentence_start_flags(self.doc):
                counts.append(counts[-1] + int(flag))
            self._sentence_counts = counts
        counts = self._sentence_counts
        last = min(last, len(counts) - 2)
        return counts[last + 1] - counts[first + 1] if first < last else 0

    def gender(self, entity: Entity) -> str | None:
        first = entity.name.split()[0] if entity.name else ""
        return self.gender_of(first) if first else None

    def pronoun(self, token: Token, before: int, exclude: frozenset[str] = frozenset()) -> str | None:
        """The most recent fitting entity mentioned before token index ``before``, other than the
        names in ``exclude`` (those a quote speaks about: "Han sa: «Lie respekterer meg ikke»")."""
        kind = PERSONAL_PRONOUNS.get(low(token))
        if kind is None:
            return None
        seen: set[str] = set(exclude)
        fallback: str | None = None
        for i, entity in reversed(self._mentions):
            if i >= before or entity.name in seen:
                continue
            seen.add(entity.name)
            if kind == "PL":
                # "sa de": a group named in this sentence or the one before, never a country, even
                # one typed as its government ("... på Ikea. De tok oppgaven alvorlig. De mente at")
                if self._sentences_between(i, before) > 1:
                    return None
                if entity.type in _GROUP_TYPES and not is_country(entity.name):
                    return entity.name
                continue
            if entity.type != "PER" or _compound_on_name(entity.name):
                continue  # "Ebba Grön-album": a thing named after someone is no person
            gender = self.gender(entity)
            if gender == kind:
                return fallback if fallback is not None and " " in fallback else entity.name
            if gender is None and fallback is None:
                fallback = entity.name
        # a one-word name of unknown gender ("Haugli", or NER's "Nato") only when no person fits
        return fallback

    def name(self, phrase: Span, exclude: frozenset[str] = frozenset()) -> str | None:
        """Entity name for a phrase headed by (or naming) an entity, else the phrase as written;
        a pronoun resolves to an entity not in ``exclude``."""
        phrase = _trim(phrase)
        if len(phrase) == 0:
            return None
        doc = phrase.doc
        table = token_table(doc)  # by token index: no Token object for each word looked at
        start, end = phrase.start, phrase.end
        if table.lowers[start] in PERSONAL_PRONOUNS and not _determiner_at(phrase):
            # "de i en pressemelding": the pronoun speaks
            return self.pronoun(phrase[0], start, exclude)
        if end - start == 1 and table.pos[start] in ("PRON", "ADV", "SCONJ", "ADP"):
            return None  # "det", "man", "Videre": no speaker named
        core = _core(phrase)
        entity_at = self.index.entity_at
        persons = [i for i in range(core.start, core.end)
                   if (e := entity_at(i)) is not None and e.type == "PER"]
        commas = [i for i in range(start, end) if table.texts[i] == ","]
        if not persons and commas:
            # "leder for aksjonsgruppen, Marte Nilsen": the name in apposition, after the comma
            after = [i for i in range(commas[0] + 1, end) if entity_at(i) is not None]
            persons = [i for i in after if entity_at(i).type == "PER"] or [
                i for i in after if len(entity_at(i).name.split()) > 1
            ]
        if not persons and not _is_name(core, self.index) and not _relation_of(core):
            # "kommunalsjef for helse Øystein Sende i Levanger kommune": the person after a title's
            # prepositional phrase ("datteren av Krekar" is his daughter, not he)
            persons = [i for i in range(core.end + 1, end)
                       if (e := entity_at(i)) is not None and e.type == "PER"]
        last_of_mention = [i for i in persons if i + 1 >= core.end or entity_at(i + 1) is not entity_at(i)]
        owners = [i for i in last_of_mention if _owns_next_noun(doc[i], core)]
        if owners and len(owners) == len(last_of_mention):
            return _core_text(core)  # "Hansens advokat", "Kari Lies nærmeste leder": the description
        owning = [entity_at(o) for o in owners]
        persons = [i for i in persons if not any(entity_at(i) is e for e in owning)]
        if persons:
            entity = entity_at(persons[0])
            return entity.name if entity else None
        named = _name_before_manner(core, self.index)
        if named is not None:
            return named
        entity = entity_at(core.end - 1)  # the head: the core's last word
        if entity is not None:
            return entity.name
        words = [i for i in range(start, end) if not table.spaces[i]]
        if len(words) > 4 and len(core) < end - start and not _is_name(phrase, self.index):
            # "statsministeren ved kunngjøringen av valgdatoen": the circumstances are no part of who
            return _core_text(core)
        text = span_text(doc, start, end).strip()
        return text or None


def _relation_of(core: Span) -> bool:
    """ "datteren av X", "kona til X": the phrase names someone by a relation to the person after
    "av" or "til", who is not the one meant."""
    doc = core.doc
    return core.end < len(doc) and doc[core.end].lower_ in ("av", "til", "åt")


def _name_before_manner(core: Span, index: EntityIndex) -> str | None:
    """ "Det svenske akademi lakonisk": a name followed only by lower-case adverbs or adjectives of
    manner names the entity."""
    entity = index.entity_at(core.start)
    if entity is None:
        return None
    k = core.start
    while k < core.end and index.entity_at(k) is entity:
        k += 1
    table = token_table(core.doc)
    rest = range(k, core.end)
    if len(rest) and all(table.pos[j] in ("ADV", "ADJ") and table.texts[j].islower() for j in rest):
        return entity.name
    return None


def _determiner_at(phrase: Span) -> bool:
    """ "De kritiske røstene", "dei gamle": "de" opening a noun phrase is its article, not a pronoun."""
    table = token_table(phrase.doc)
    first = phrase.start
    return (table.lowers[first] in ("de", "dei") and first + 1 < phrase.end
            and table.pos[first + 1] in ("ADJ", "NOUN", "NUM") and table.texts[first + 1].islower())


def _compound_on_name(name: str) -> bool:
    """ "Ebba Grön-album", "Obama-administrasjonen": a compound whose head is a lower-case noun."""
    head = name.rsplit("-", 1)
    return len(head) == 2 and head[1][:1].islower()


def _is_name(core: Span, index: EntityIndex) -> bool:
    """Whether a phrase core names an entity of its own ("Helse Sørøst", "NRK")."""
    return any(index.entity_at(i) is not None for i in range(core.start, core.end))


def _owns_next_noun(token: Token, core: Span) -> bool:
    """A name in the genitive before a lower-case noun of the same phrase ("Hansens advokat")."""
    if not token.text.endswith(("s", "'", "’")) or token.i + 1 >= core.end:
        return False
    following = core.doc[token.i + 1 : core.end]
    # "Hansens advokat", "Lies nærmeste leder": the noun phrase right after, all in lower case
    return following[0].pos_ in ("NOUN", "ADJ") and all(t.text.islower() for t in following)


def _core_text(core: Span) -> str:
    table = token_table(core.doc)
    return " ".join(table.texts[i] for i in range(core.start, core.end) if not table.spaces[i])


def _trim(phrase: Span) -> Span:
    doc = phrase.doc
    table = token_table(doc)
    start, end = phrase.start, phrase.end
    while start < end and (punct_at(table, start) or table.spaces[start]):
        start += 1
    while end > start and (punct_at(table, end - 1) or table.spaces[end - 1]):
        end -= 1
    return Span(doc, start, end)  # not doc[start:end]: no slice to normalise


def _core(phrase: Span) -> Span:
    """The phrase up to its first preposition or comma ("Erik Dahl" of "Erik Dahl i Høyre")."""
    table = token_table(phrase.doc)
    for i in range(phrase.start + 1, phrase.end):
        if table.pos[i] == "ADP" or table.texts[i] in (",", "("):
            return Span(phrase.doc, phrase.start, i)
    return phrase


def phrase_after(token: Token, limit: Span) -> Span:
    """A subject-like phrase right after a verb: "sier [ordførerens bror Per K. Lund] til ..."."""
    doc = token.doc
    table = token_table(doc)  # read per token index: no Token objects in this loop
    texts, lowers, pos = table.texts, table.lowers, table.pos
    i = token.i + 1
    while i < limit.end and lowers[i] in ("også", "imidlertid", "derimot", "nå", "videre", "likevel"):
        i += 1
    start = i
    end = start
    if start < limit.end and (lowers[start] == "at" or pos[start] == "SCONJ"):
        return Span(doc, start, start)  # "opplyser at ...": a reported clause follows, not a speaker
    while end < limit.end:
        text, word = texts[end], lowers[end]
        if text == "(":  # "fagforbundet Unión Nacional de Mineros (UNM), Pedro Rojas"
            close = next((k for k in range(end, min(limit.end, end + 8)) if texts[k] == ")"), None)
            if close is not None:
                end = close + 1
                continue
        if word in _PHRASE_STOP_WORDS and end > start and word not in _DESCRIPTION_PREPOSITIONS:
            break
        apposition = text == "," and _apposition_name(doc, end, limit)
        if punct_at(table, end) and text not in ("-", ".") and not apposition:
            break
        if text == "." and (end + 1 >= limit.end or table.spaces[end + 1] or punct_at(table, end + 1)):
            break
        if pos[end] in ("VERB", "AUX", "SCONJ") and end > start:
            break
        if pos[end] == "ADP" and word not in _DESCRIPTION_PREPOSITIONS:
            break
        end += 1
    return Span(doc, start, end)  # not doc[start:end]: no slice to normalise


def _apposition_name(doc: Doc, comma: int, limit: Span) -> bool:
    """ "leder for aksjonsgruppen, Marte Nilsen": a comma followed by a capitalised name."""
    nxt = comma + 1
    table = token_table(doc)
    return nxt < limit.end and table.texts[nxt][:1].isupper() and table.pos[nxt] in ("PROPN", "")


def phrase_before(token: Token, limit: Span) -> Span:
    """The subject phrase at the start of a clause, up to a verb: "[Gruppeleder X i Høyre] mener"."""
    doc = token.doc
    table = token_table(doc)
    start = limit.start
    for i in range(token.i - 1, limit.start - 1, -1):
        if table.texts[i] in (",", ":", ";", "–", "—") or table.spaces[i]:
            start = i + 1
            break
    end = start
    while end < token.i:
        pos = table.pos[end]
        if pos in ("VERB", "AUX", "SCONJ", "CCONJ") and end > start:
            break
        if pos in ("VERB", "AUX"):
            break
        end += 1
    return Span(doc, start, end)  # not doc[start:end]: no slice to normalise
