"""Counted people and things: troops, dead, injured, arrested, demonstrators ...

A count is a number phrase (bound word + number + counted noun: "rundt 500 soldater",
"Minst 50 mennesker", "over 200") with a category taken from the clause's predicate
("omkom" -> KILL, "ble skadd" -> WOUND, "i streik" -> PROTEST) or from the counted noun
itself ("demonstranter", "soldater"), a holder (whose troops or things: the subject of "har" /
"sender", a genitive, a nationality adjective) and a location (a place named in the sentence).

Numbers that are no counts are skipped: years, dates and clock times (found by the time
extractor), ages "(34)", measures and durations ("12 år", "40 tonn", "15 prosent", "300 millioner
kroner"), ordinals, scores, phone numbers and numbers inside names ("France 24").
The vocabulary lives in ``nyhetsgraf/resources/data/counts.tsv`` and ``.../data/words``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources.abc import Traversable
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract import syntax
from nyhetsgraf.extract.numbers import (
    GROUPS,
    HALVES,
    INDEFINITE_ARTICLES,
    SCALES,
    parse_digits,
    parse_number,
    parse_word,
)
from nyhetsgraf.extract.syntax import annotated
from nyhetsgraf.extract.times import candidates as time_candidates
from nyhetsgraf.records import Article, Count, TimeExpression
from nyhetsgraf.resources import data_file
from nyhetsgraf.resources.words import month_names, word_list, word_set

if TYPE_CHECKING:
    from nyhetsgraf.extract.entities import EntityIndex

VOCABULARY = data_file("counts.tsv")
PLACE_TYPES = {"LOC", "GPE_LOC", "GPE_ORG", "GPE"}
HOLDER_TYPES = {"ORG", "GPE_ORG", "GPE_LOC", "GPE", "PER"}
PLACE_PREPOSITIONS = {"i", "på", "ved", "utenfor", "nær", "foran", "inne", "rundt", "sør", "nord", "øst",
                      "vest", "over", "gjennom", "fra", "til", "hele"}
PLACE_NOUNS = word_set("count_place_nouns")
# Categories a subset keeps from its set ("sju av de skadde" are still injured).
LASTING = {"KILL", "WOUND", "MISSING", "KIDNAP", "ARREST"}
CLAUSE_STOPS = {".", "!", "?", ";", ":", "–", "—", ",", "(", ")"}
SUBORDINATORS = {"da", "når", "mens", "fordi", "dersom", "hvis", "selv", "etter", "før", "ettersom", "men"}
PASSIVE_AUX = {"ble", "blir", "er", "var", "vært", "bli", "blitt", "vart", "blei", "vorte"}
FUNCTION_WORDS = word_set("count_function_words")
MAX_WINDOW = 12
# Words that may stand between a verb and the count it governs ("pågrep i alt 12", "drepte totalt 30").
GAP_WORDS = word_set("count_gap_words")
# Without a tagger, words with these endings before another word are taken as adjectives.
ADJECTIVE_ENDINGS = ("ske", "ige", "lige", "ede", "nye", "store", "små", "andre", "unge", "gamle", "fleste")
# Measure words by their ending: "mikrometer", "milligram", "megawatt", "kilowattimer".
UNIT_ENDINGS = word_list("unit_endings")
VAGUE_BEFORE = word_set("vague_quantifiers")
# Words before a number that make it a label, a clock time or money, not a count.
NOT_COUNT_BEFORE = word_set("not_count_before")
MONTHS = frozenset(month_names())
# Verbs whose subject owns the counted things ("Nato har 500 soldater", "Volvo sier opp 1000 ansatte");
# the subject of any other verb is no holder ("Logan har snakket med to offiserer").
HOLDING_VERBS = word_set("count_holding_verbs")
# Adjectives that leave the counted noun out ("tre nye") rather than name it ("sju skadde").
NOT_NOMINAL_ADJECTIVES = word_set("not_nominal_adjectives")
# A bound word that is also a preposition of place or time: before a small number word it is the
# preposition ("vokste under to vinduer", "over to kamper"), before a large or written-out number a
# bound ("over 200 demonstranter", "under 20 personer").
PREPOSITION_BOUNDS = {"over", "under"}


@dataclass(frozen=True)
class Vocabulary:
    """The count vocabulary of ``data/counts.tsv``, one mapping per kind."""

    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    _phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict, repr=False)
    _ending: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=dict, repr=False)
    _long: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict, repr=False)

    def get(self, kind: str) -> dict[str, str]:
        return self.entries.get(kind, {})

    def words_of_length(self, kind: str, least: int) -> tuple[str, ...]:
        """The words of a kind at least ``least`` characters long, in file order: one ``str.endswith``
        or ``str.startswith`` with them tells whether any of them ends or begins a word, without a
        Python loop over the kind's words for each word asked about."""
        key = (kind, least)
        if key not in self._long:
            self._long[key] = tuple(word for word in self.get(kind) if len(word) >= least)
        return self._long[key]

    def phrases_from(self, kind: str, word: str) -> list[tuple[tuple[str, ...], str]]:
        """The multi-word entries of a kind that begin with a word, longest first."""
        key = f"{kind}\t{word}"
        if key not in self._phrases:
            self._phrases[key] = [(words, v) for words, v in self.phrases(kind) if words[0] == word]
        return self._phrases[key]

    def phrases_to(self, kind: str, word: str) -> list[tuple[tuple[str, ...], str]]:
        """The multi-word entries of a kind that end in a word, longest first: a phrase right before a
        number is looked up by the word next to it instead of trying every entry."""
        if kind not in self._ending:
            by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for words, v in self.phrases(kind):
                by_last.setdefault(words[-1], []).append((words, v))
            self._ending[kind] = by_last
        return self._ending[kind].get(word, [])

    def phrases(self, kind: str) -> list[tuple[tuple[str, ...], str]]:
        """Multi-word entries of a kind as word tuples, longest first."""
        if kind not in self._phrases:
            items = [(tuple(k.split()), v) for k, v in self.get(kind).items()]
            self._phrases[kind] = sorted(items, key=lambda kv: -len(kv[0]))
        return self._phrases[kind]


@cache
def vocabulary(path: Path | Traversable = VOCABULARY) -> Vocabulary:
    entries: dict[str, dict[str, str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        entries[kind.strip()][word.strip().lower()] = value.strip()
    return Vocabulary(dict(entries))


@dataclass
class NumberPhrase:
    """Token range [start, end) of a number (with its scale words), its value and bound."""

    start: int
    end: int
    value: float
    bound: str = "exact"
    bound_start: int | None = None


@dataclass
class Found:
    phrase: NumberPhrase
    noun: Token | None
    category: str
    end: int  # token index after the span
    obj: str
    sent: Span


# ------------------------------------------------------------------------------ number phrases

def _lower(doc: Doc, i: int) -> str:
    lowers = syntax.token_table(doc).lower_attrs  # token.lower_, without making a Token
    return lowers[i] if 0 <= i < len(lowers) else ""


def _matches_at(doc: Doc, i: int, words: tuple[str, ...], end: int) -> bool:
    if i < 0 or i + len(words) > end:
        return False
    return syntax.token_table(doc).lower_attrs[i : i + len(words)] == list(words)


def _number_token(token: Token) -> float | None:
    return _number_value(token.text, token.lower_)


@lru_cache(maxsize=1 << 14)  # asked for every token of every sentence
def _number_value(text: str, lower: str) -> float | None:
    if lower in INDEFINITE_ARTICLES:
        return None
    value = parse_digits(text[:-1] if text.endswith(".") and text[:-1].isdigit() else text)
    if value is not None:
        return value
    return parse_word(text)


def number_phrases(doc: Doc, sent: Span) -> list[NumberPhrase]:
    """Numbers of a sentence with their scale words ("1,5 millioner", "to hundre", "et titall")."""
    table = syntax.token_table(doc)
    texts, lower = table.texts, table.lower_attrs
    phrases: list[NumberPhrase] = []
    starts = _number_starts(doc)
    k = bisect_left(starts, sent.start)
    i = sent.start
    while True:
        while k < len(starts) and starts[k] < i:
            k += 1
        if k == len(starts) or starts[k] >= sent.end:
            break
        i = starts[k]  # every token before it is no number and opens none
        word = lower[i]
        if word in INDEFINITE_ARTICLES and i + 1 < sent.end and lower[i + 1] in GROUPS:
            phrases.append(NumberPhrase(i, i + 2, float(GROUPS[lower[i + 1]]), bound="about"))
            i += 2
            continue
        half = i + 1 if word in INDEFINITE_ARTICLES else i
        if half + 1 < sent.end and lower[half] in HALVES and lower[half + 1] in SCALES:
            value = parse_number(" ".join(texts[i:half + 2]))
            if value is not None:
                phrases.append(NumberPhrase(i, half + 2, value))
            i = half + 2
            continue
        if _number_value(texts[i], word) is None:
            i += 1
            continue
        end = _phrase_end(table, i, sent.end)
        value = parse_number(" ".join(text.rstrip(".") if text[:-1].isdigit() else text
                                      for text in texts[i:end]))
        if value is not None:
            phrases.append(NumberPhrase(i, end, value))
        i = end
    return phrases


def _number_starts(doc: Doc) -> list[int]:
    """Indexes of the tokens that may open a number phrase (a number, an indefinite article, "halv"),
    in order, found once per Doc: ``number_phrases`` steps from one to the next."""
    return syntax.kept_with(doc, "number_starts", _find_number_starts)


def _find_number_starts(doc: Doc) -> list[int]:
    table = syntax.token_table(doc)
    vocab = doc.vocab

    def opens_number(text: str) -> bool:
        return _opens_number((text, vocab[text].lower_))  # the token's lower_ is its lexeme's

    # keyed by the text alone, per vocab: no (text, lower form) pair to make and hash per token
    flags = syntax.remembered_flags(syntax.memo_of_vocab(_OPENS_NUMBER, vocab), table.texts, opens_number)
    return list(compress(range(len(flags)), flags))


# per vocab: text -> whether the word may open a number phrase, for every word seen
_OPENS_NUMBER: syntax.VocabMemos[str, bool] = {}


def _opens_number(word: tuple[str, str]) -> bool:
    text, lower = word
    return lower in INDEFINITE_ARTICLES or lower in HALVES or _number_value(text, lower) is not None


def _phrase_end(table: syntax.TokenTable, i: int, limit: int) -> int:
    """End of the number phrase starting at token i: scale words, word compounds, spaced digit groups."""
    texts = table.texts
    digits = parse_digits(texts[i]) is not None
    end = i + 1
    if digits and len(texts[i]) <= 3 and texts[i].isdigit():
        # "200 000": thousands written with a space.
        while end < limit and len(texts[end]) == 3 and texts[end].isdigit() and table.trailing[end - 1]:
            end += 1
    while end < limit and _continues_number(table, end, limit, digits):
        end += 1
    return end


def _continues_number(table: syntax.TokenTable, j: int, limit: int, digits: bool) -> bool:
    """Whether token j belongs to the number before it ("millioner", "to hundre og femti")."""
    lower = table.lower_attrs
    word = lower[j]
    if word in SCALES:
        return True
    if digits:
        return False
    if word == "og":
        # Only "hundre og femti" joins; "fire og seks" is a range, "to og to" a distribution.
        return j + 1 < limit and parse_word(table.texts[j + 1]) is not None \
            and lower[j - 1] in ("hundre", "tusen")
    return parse_word(word) is not None and word not in INDEFINITE_ARTICLES \
        and lower[j - 1] in ("hundre", "tusen", "og")


def _attach_bound(doc: Doc, phrase: NumberPhrase, sent: Span, vocab: Vocabulary) -> None:
    word_before = _lower(doc, phrase.start - 1)
    for words, bound in vocab.phrases_to("bound", word_before):
        start = phrase.start - len(words)
        if start >= sent.start and _matches_at(doc, start, words, phrase.start):
            if len(words) == 1 and words[0] in PREPOSITION_BOUNDS and _small_number_word(doc, phrase):
                return
            phrase.bound, phrase.bound_start = bound, start
            return


def _small_number_word(doc: Doc, phrase: NumberPhrase) -> bool:
    """A number below ten written as one word ("to", "tre"), not as digits or with a scale word."""
    return phrase.end - phrase.start == 1 and doc[phrase.start].is_alpha and phrase.value < 10


# ------------------------------------------------------------------------------ not counts

def _time_token_indices(doc: Doc, times: list[TimeExpression] | None, offset: int) -> set[int]:
    """Tokens inside a time expression (dates and years are no counts); found here when not handed in."""
    if times is None:
        spans = [(m.start, m.end) for m in time_candidates(syntax.doc_text(doc))]
    else:
        spans = [(t.span[0] - offset, t.span[1] - offset) for t in times]
    indices: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            indices.update(range(span.start, span.end))
    return indices


def _is_excluded(doc: Doc, phrase: NumberPhrase, sent: Span, vocab: Vocabulary, in_time: set[int],
                 entities: EntityIndex | None) -> bool:
    table = syntax.token_table(doc)  # read per token index: a Token only where a flag is not in it
    texts, lowers = table.texts, table.lower_attrs
    first_text, first_lower = texts[phrase.start], lowers[phrase.start]
    if any(i in in_time for i in range(phrase.start, phrase.end)):
        return True
    if any(ch in first_text for ch in "-/:–"):
        return True
    # Ordinal "3." before a lower-case word; a sentence-final "17." is a number.
    if first_text.endswith(".") and first_text[:-1].isdigit() and phrase.end < sent.end \
            and texts[phrase.end][:1].islower():
        return True
    before, after = _lower(doc, phrase.start - 1), _lower(doc, phrase.end)
    if before == "(" and after == ")":
        return True  # age: "Ola Berg (13)"
    if before in NOT_COUNT_BEFORE:
        return True
    if after.rstrip(".") in MONTHS:
        return True  # "22 oktober 1981": a date written without the day's full stop
    if first_lower in SCALES and before in VAGUE_BEFORE:
        return True  # "flere hundre", "noen tusen": no definite number
    if parse_digits(first_text) is not None and (
            parse_digits(after) is not None or parse_digits(before) is not None):
        return True  # phone numbers and digit runs
    value = phrase.value
    if 1800 <= value <= 2100 and float(value).is_integer() and phrase.end - phrase.start == 1 \
            and not _next_is_noun(doc, phrase, sent):
        return True  # a year
    if _unit_follows(doc, phrase.end, sent, vocab):
        return True
    two_before = _lower(doc, phrase.start - 2)
    if before == "av" and (parse_word(two_before) is not None or parse_digits(two_before) is not None):
        return True  # "sju av ti kommuner": a ratio, not ten municipalities
    known = vocab.get("known")
    two_words_before = f"{two_before} {before}" if phrase.start - 2 >= sent.start else ""
    if before in known or two_words_before in known:
        return True  # "de to journalistene", "hans to medarbeidere": a set already known
    # A definite determiner two words back ("de nordligste to tredelene").
    if two_before in {"de", "disse"} and table.pos[phrase.start - 1] == "ADJ":
        return True
    k = phrase.start - 1
    if k >= sent.start and texts[k][:1].isupper() and k != sent.start \
            and lowers[k] not in vocab.get("bound") and doc[k].is_alpha \
            and not _next_is_noun(doc, phrase, sent):
        return True  # part of a name: "France 24", "Queen Elisabeth 2" (but "hadde Norge 70 soldater")
    if entities is not None and _inside_name(doc, phrase, entities):
        return True
    return first_lower in ("ni", "tre") and after in {"", ".", ","} and phrase.bound_start is None \
        and not _predicate_follows(doc, phrase.end, sent, vocab)


def _inside_name(doc: Doc, phrase: NumberPhrase, entities: EntityIndex) -> bool:
    """A number that belongs to a name together with a capitalised word next to it ("France 24",
    "Apollo 11"); a number the tagger took into a name with a common noun ("Fem politifolk") stays."""
    entity = entities.entity_for(doc[phrase.start])
    if entity is None:
        return False
    neighbours = [doc[i] for i in (phrase.start - 1, phrase.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.text[:1].isupper() and entities.entity_for(t) is entity for t in neighbours)


def _next_is_noun(doc: Doc, phrase: NumberPhrase, sent: Span) -> bool:
    i = phrase.end
    if i >= sent.end:
        return False
    token = doc[i]
    if token.pos_:
        nominal = token.pos_ in ("NOUN", "ADJ") and token.text[:1].islower()
        return nominal or _noun_mistagged(doc, phrase, token)
    return token.is_alpha and token.text[:1].islower() and token.lower_ not in FUNCTION_WORDS


def _unit_follows(doc: Doc, i: int, sent: Span, vocab: Vocabulary) -> bool:
    units = vocab.get("unit")
    for j in range(i, min(i + 3, sent.end)):
        word = doc[j].lower_
        if word in units or word.startswith("år") and len(word) <= 5 or (
                j + 1 < sent.end and f"{word} {doc[j + 1].lower_}" in units):
            return True
        if word.endswith(("åring", "åringer", "åringen")) or word.endswith(UNIT_ENDINGS):
            return True
        # Skip one adjective ("12 lange år"); stop at the first noun or anything else.
        if doc[j].pos_ == "ADJ" or (not doc[j].pos_ and word.endswith("e") and j == i):
            continue
        break
    return False


def _predicate_follows(doc: Doc, i: int, sent: Span, vocab: Vocabulary) -> bool:
    return _forward_predicate(doc, i, sent, vocab, sent.end) is not None


# ------------------------------------------------------------------------------ the counted noun

def _counted_noun(doc: Doc, phrase: NumberPhrase, sent: Span) -> tuple[Token | None, bool]:
    """The counted noun after the number and whether it is a partitive set ("fire av de skadde")."""
    i = phrase.end
    if i + 2 < sent.end and doc[i].lower_ == "av" and doc[i + 1].lower_ in {"de", "disse", "dem"}:
        if doc[i + 1].lower_ == "dem":
            return None, True
        candidate: Token | None = None
        for j in range(i + 2, min(i + 7, sent.end)):
            token = doc[j]
            if parse_word(token.text) is not None or parse_digits(token.text) is not None:
                continue  # "tre av de fem pågrepne", "åtte av de siste ni valgene"
            if token.pos_ == "NOUN" or not token.pos_ and token.is_alpha:
                return token, True
            participle = token.pos_ == "VERB" and "Part" in syntax.morph_values(token, "VerbForm")
            if token.is_alpha and (token.pos_ == "ADJ" or participle):
                candidate = token  # "fire av de skadde": the adjective is the noun unless one follows
                continue
            break
        return candidate, True
    if doc[phrase.end - 1].text.endswith("."):
        return None, False  # "Han er 16. Mystiske menn ...": the number ends its sentence
    adjectives: list[Token] = []
    for j in range(i, min(i + 6, sent.end)):
        token = doc[j]
        if token.pos_:
            if _is_predicate_word(token):
                return _nominal(adjectives), False  # "14 pågrepet", "25 deltakere omkommet"
            if token.pos_ == "NOUN" and (token.text[:1].islower() or _common_compound(token)) \
                    or _noun_mistagged(doc, phrase, token):
                return token, False
            if token.pos_ == "ADJ" and token.is_alpha:
                adjectives.append(token)
                continue
            # "40 andre syke eller funksjonshemmede barn"; but "20 og voksen" has no noun.
            if token.lower_ in {"andre", "nye", "flere"} or token.lower_ in {"eller", "og"} and adjectives:
                continue
            return _nominal(adjectives), False
        # No tagger: the next lower-case content word is the noun, unless it is the predicate.
        if _is_predicate_word(token):
            return None, False
        if token.is_alpha and token.text[:1].islower() and token.lower_ not in FUNCTION_WORDS:
            if j + 1 < sent.end and token.lower_.endswith(ADJECTIVE_ENDINGS) and doc[j + 1].is_alpha \
                    and doc[j + 1].text[:1].islower() and doc[j + 1].lower_ not in FUNCTION_WORDS:
                continue  # likely an adjective: "norske soldater", "nye busser"
            return token, False
        return None, False
    return _nominal(adjectives), False


def _common_compound(token: Token) -> bool:
    """A common noun whose first part is a name or an abbreviation: "IT-selskaper", "NRK-journalister"."""
    head = token.text.rpartition("-")[2]
    return head.isalpha() and head[:1].islower()


def _is_predicate_word(token: Token) -> bool:
    vocab = vocabulary()
    return token.lower_ in vocab.get("pred") and token.lower_ not in vocab.get("noun")


def _noun_mistagged(doc: Doc, phrase: NumberPhrase, token: Token) -> bool:
    """A word right after a number taken for a present-tense verb is, far more often, an unknown
    plural noun ("2000 bussjåfører"); a past tense, participle or auxiliary stays a verb ("200 ble")."""
    between = doc[phrase.end:token.i]
    if any(t.pos_ != "ADJ" for t in between) or not token.is_alpha or not token.text[:1].islower() \
            or token.pos_ == "AUX" or token.i < phrase.end:
        return False
    vocab = vocabulary()
    if token.lower_ in FUNCTION_WORDS or token.lower_ in vocab.get("pred") or token.lower_ in PASSIVE_AUX \
            or token.lower_ in NOT_NOMINAL_ADJECTIVES:
        return False
    if token.pos_ == "VERB":
        return "Pres" in syntax.morph_values(token, "Tense") and token.lower_.endswith(("er", "ar", "re"))
    governed = doc[phrase.start].head == token and token.pos_ not in ("ADP", "ADV")
    return token.pos_ in ("PROPN", "X") or governed


def _nominal(adjectives: list[Token]) -> Token | None:
    """A nominalised adjective is the counted noun itself ("400.000 reisende", "sju skadde"),
    unless it is the predicate ("12 omkom")."""
    if not adjectives:
        return None
    vocab = vocabulary()
    last = adjectives[-1]
    if _is_predicate_word(last) or last.lower_ in NOT_NOMINAL_ADJECTIVES:
        return None
    if "Cmp" in syntax.morph_values(last, "Degree") and last.lower_ not in vocab.get("noun"):
        return None  # "25 millioner rikere": a comparison, not a group of people
    return last


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() if token.lemma_ else ""
    return lemma or _strip_plural(token.lower_)


def _strip_plural(word: str) -> str:
    for suffix, repl in (("ene", ""), ("erne", "er"), ("rer", "r"), ("ere", "er"), ("er", ""), ("ne", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def _group_before(doc: Doc, phrase: NumberPhrase, sent: Span, vocab: Vocabulary) -> Token | None:
    """'et mannskap på 17': the collective noun a bare number counts."""
    if phrase.start - 2 >= sent.start and doc[phrase.start - 1].lower_ == "på":
        noun = doc[phrase.start - 2]
        if noun.lower_ in vocab.get("group") or _lemma(noun) in vocab.get("group"):
            return noun
    return None


# ------------------------------------------------------------------------------ category

def _word_category(token: Token, vocab: Vocabulary) -> str | None:
    """The category of a counted noun by its form or lemma, or by the last part of a compound."""
    table = vocab.get("noun")
    lower = token.lower_
    found = table.get(lower) or table.get(token.lemma_.lower() if token.lemma_ else "")
    if found is None and len(lower) > 8 and lower.endswith(vocab.words_of_length("noun", 7)):
        # The last part of a compound: "regjeringssoldater", "motdemonstranter", "fallskjermtropper".
        found = next((v for k, v in table.items() if len(k) >= 7 and lower.endswith(k)), None)
    return found


def _forward_predicate(doc: Doc, i: int, sent: Span, vocab: Vocabulary, stop: int) -> str | None:
    """The category of the first predicate after a count, within its clause."""
    end = min(stop, sent.end, i + MAX_WINDOW)
    j = i
    while j < end:
        word = doc[j].lower_
        if word in CLAUSE_STOPS or (word in SUBORDINATORS and j > i):
            break
        found = _predicate_at(doc, j, word, end, vocab)
        if found is not None:
            # "seks fylker rammes av streiken": the protest acts on them, they do not protest.
            return None if found == "PROTEST" and any(_is_passive(t) for t in doc[i:j]) else found
        j += 1
    return None


def _predicate_at(doc: Doc, j: int, word: str, end: int, vocab: Vocabulary) -> str | None:
    for words, category in vocab.phrases_from("pred", word):
        if _matches_at(doc, j, words, end):
            return category
    lemma = doc[j].lemma_.lower()
    if lemma and lemma in vocab.get("pred") and doc[j].pos_ in ("VERB", "ADJ"):
        return vocab.get("pred")[lemma]
    if not word.startswith(vocab.words_of_length("predstem", 0)):
        return None  # most words: no stem to look for in order
    return next((category for stem, category in vocab.get("predstem").items() if word.startswith(stem)), None)


def _is_passive(token: Token) -> bool:
    return "Pass" in syntax.morph_values(token, "Voice") \
        or token.pos_ == "VERB" and token.lower_.endswith("es") \
        or token.lower_ in ("rammet", "rammes", "berørt", "berøres", "omfattet", "omfattes")


def _backward_active(doc: Doc, start: int, sent: Span, vocab: Vocabulary,
                     in_time: set[int] | frozenset[int] = frozenset()) -> str | None:
    """A verb right before the count: its object ("Politiet pågrep 12 personer") or, inverted,
    its subject ("I fjor omkom 110 personer i trafikken", "ble det arrestert 20"). Only adverbs may
    stand between; a preposition means the number belongs to something else ("pågrepet i ti distrikter")."""
    j = start - 1
    # adverbs, gap words and a time expression ("arresterte i går kveld fire personer") may stand between
    while j >= sent.start and (doc[j].pos_ == "ADV" or doc[j].lower_ in GAP_WORDS or j in in_time):
        j -= 1
    for words, category in vocab.phrases_to("active", _lower(doc, j)):
        k = j - len(words) + 1
        if k >= sent.start and _matches_at(doc, k, words, j + 1):
            return category
    return None


def _category(doc: Doc, phrase: NumberPhrase, noun: Token | None, partitive: bool, sent: Span,
              vocab: Vocabulary, next_start: int, previous: Found | None,
              in_time: set[int] | frozenset[int] = frozenset()) -> str:
    after = (noun.i + 1) if noun is not None and noun.i >= phrase.end else phrase.end
    predicate = _forward_predicate(doc, after, sent, vocab, next_start)
    start = phrase.bound_start if phrase.bound_start is not None else phrase.start
    active = _backward_active(doc, start, sent, vocab, in_time)
    noun_category = _word_category(noun, vocab) if noun is not None else None
    subset = _subset_word(doc, start, sent, vocab)
    if predicate and predicate != "DEPLOY":
        return predicate
    if active and active != "DEPLOY":
        return active
    if _lower(doc, start - 1) in {"mistet", "miste", "mister", "mista"} \
            and "livet" in {t.lower_ for t in doc[after:min(after + 3, sent.end)]}:
        return "KILL"  # "mistet ti personer livet"
    if subset and previous is not None:
        return previous.category
    among = _among_before(doc, start, sent, vocab)
    if among is not None:
        return among
    if partitive:
        return noun_category if noun_category in LASTING else "OTHER"
    if noun_category:
        return noun_category
    return _sentence_context(sent, noun, vocab) or "OTHER"


def _sentence_context(sent: Span, noun: Token | None, vocab: Vocabulary) -> str | None:
    """People counted in a place that says what they are ("et evakueringssenter, der 90 mennesker ...")."""
    if noun is None or not (noun.lower_ in vocab.get("person") or _lemma(noun) in vocab.get("person")):
        return None
    contexts, stems = vocab.get("context"), vocab.words_of_length("context", 0)
    lowers = syntax.token_table(sent.doc).lower_attrs  # token.lower_, without making a Token
    for word in lowers[sent.start:sent.end]:
        if not word.startswith(stems):
            continue
        for stem, category in contexts.items():
            if word.startswith(stem):
                return category
    return None


def _among_before(doc: Doc, start: int, sent: Span, vocab: Vocabulary) -> str | None:
    """'Blant de døde er 13 barn', 'Av de omkomne var seks menn': a count inside a set of casualties."""
    for j in range(sent.start, start - 2):
        if (doc[j].lower_ == "blant" or doc[j].lower_ == "av" and j == sent.start) \
                and doc[j + 1].lower_ in {"de", "dei"}:
            category = _word_category(doc[j + 2], vocab)
            if category in LASTING:
                return category
    return None


def _subset_word(doc: Doc, start: int, sent: Span, vocab: Vocabulary) -> bool:
    """'deriblant tre barn', 'av dem er sju menn': the count is part of the one before it."""
    for gap in range(0, 3):
        end = start - gap
        if end <= sent.start or gap and doc[end].lower_ not in {"er", "var", "det", "ble"}:
            break
        for words, _ in vocab.phrases("subset"):
            k = end - len(words)
            if k >= sent.start and _matches_at(doc, k, words, end):
                return True
    return False


# ------------------------------------------------------------------------------ holder and location

def _entity_name(token: Token, entities: EntityIndex | None) -> tuple[str, str] | None:
    if entities is not None:
        entity = entities.entity_for(token)
        if entity is not None:
            return entity.name, entity.type
        return None
    if token.ent_type_:
        return token.text, token.ent_type_
    return None


def _entities_in(span: Span, entities: EntityIndex | None) -> list[tuple[Token, str, str, str]]:
    """(first token, name, entity type, the mention's own label) of each entity mention in a span."""
    found: list[tuple[Token, str, str, str]] = []
    last_name: str | None = None
    for token in span:
        named = _entity_name(token, entities)
        if named is None:
            last_name = None
            continue
        if named[0] != last_name:
            found.append((token, named[0], named[1], token.ent_type_))
        last_name = named[0]
    return found


def _holder(doc: Doc, found: Found, entities: EntityIndex | None, vocab: Vocabulary) -> str | None:
    start = found.phrase.bound_start if found.phrase.bound_start is not None else found.phrase.start
    sent = found.sent
    # A genitive right before the number: "Natos 500 soldater".
    if start - 1 >= sent.start:
        prev = doc[start - 1]
        named = _entity_name(prev, entities)
        if named and prev.lower_.endswith("s"):
            return named[0]
    # The subject of the verb governing the count ("Nato har rundt 500 soldater").
    subject: Token | None = None
    if annotated(doc, "DEP") and found.noun is not None:
        verb = syntax.clause_head(found.noun)
        subject = syntax.subject_of(verb) if verb is not found.noun else None
        # the last verb before the count is the one that holds it ("har intervjuet 99 lærere": not "har")
        verbs = [t for t in doc[min(verb.i, start):start] if t.pos_ in ("VERB", "AUX")] or [verb]
        holding = found.category == "DEPLOY" or verbs[-1].lemma_.lower() in HOLDING_VERBS
        if holding and verbs[-1] is not verb:
            # "Avisen mener Obama har 285 valgmannstemmer": the holding verb's own subject
            subject = syntax.subject_of(verbs[-1]) or subject
        if subject is not None and not holding:
            subject = None
        if subject is not None and subject.i < start:
            for token in subject.subtree:
                named = _entity_name(token, entities)
                if named:
                    return named[0]
    # A nationality adjective: "norske soldater" -> Norge.
    nations = vocab.get("nation")
    for token in doc[found.phrase.end:found.noun.i if found.noun is not None else found.phrase.end]:
        stem = token.lower_
        for ending in ("e", ""):
            if stem.endswith(ending) and stem[: len(stem) - len(ending)] in nations:
                return nations[stem[: len(stem) - len(ending)]]
    # A subject that names no entity is the holder as described ("Aksjonsgruppen har samlet ...").
    if subject is not None and sent.start <= subject.i < start and subject.pos_ in ("NOUN", "PROPN"):
        name = [subject, *[c for c in subject.children if c.dep_ in ("FLAT", "flat", "flat:name")]]
        return " ".join(t.text for t in sorted(name, key=lambda t: t.i))
    # Otherwise, for troops, the nearest entity before the count in its sentence that is no place
    # after "i"; other things have no holder without a genitive or a holding subject ("Ifølge NRK er
    # det minst 120 ansatte": NRK is the source).
    if found.category != "DEPLOY":
        return None
    before = [(t, name, typ) for t, name, typ, _ in _entities_in(doc[sent.start:start], entities)
              if typ in HOLDER_TYPES]
    for token, name, _ in reversed(before):
        if _lower(doc, token.i - 1) not in PLACE_PREPOSITIONS - {"hele"} or token.i == sent.start:
            return name
    return before[-1][1] if before else None


def _location(doc: Doc, found: Found, entities: EntityIndex | None, holder: str | None) -> str | None:
    """The place of the count's sentence: a place after a locative preposition (the mention's own
    label counts: "i Drammen" is a place even when the article's entity came out as an organisation),
    else any place entity, else any entity in a place slot ("hovedstaden Bamako")."""
    mentions = [m for m in _entities_in(found.sent, entities) if m[1] != holder]

    def governed(token: Token) -> bool:
        return _lower(doc, token.i - 1) in PLACE_PREPOSITIONS

    tiers = [
        [(t, n) for t, n, typ, label in mentions if governed(t) and (
            typ in PLACE_TYPES or label in PLACE_TYPES and typ != "PER")],
        [(t, n) for t, n, typ, _ in mentions if typ in PLACE_TYPES],
        [(t, n) for t, n, _, _ in mentions if _lower(doc, t.i - 1) in {"i", "hele", "utenfor", "ved", "nær"}
         | PLACE_NOUNS],
    ]
    for places in tiers:
        if places:
            after = [(t, n) for t, n in places if t.i >= found.phrase.start]
            return (after[0] if after else places[-1])[1]
    return None


# ------------------------------------------------------------------------------ headings

def _heading_ranges(article: Article, doc: Doc) -> list[tuple[int, int]]:
    """Character ranges (article-relative) of the title and headings."""
    offset = article.span[0]
    ranges = [(b.span[0] - offset, b.span[1] - offset)
              for b in article.blocks if b.role in ("title", "heading")]
    if ranges:
        return ranges
    # Without layout: short lines without final punctuation are headings.
    result: list[tuple[int, int]] = []
    position = 0
    for line in syntax.doc_text(doc).split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) < 70 and stripped[-1] not in ".!?:»\"" and len(stripped.split()) <= 10:
            result.append((position, position + len(line)))
        position += len(line) + 1
    return result


# ------------------------------------------------------------------------------ API

def find_counts(doc: Doc, article: Article, entities: EntityIndex | None,
                times: list[TimeExpression] | None = None) -> list[Count]:
    """Every count of the article with absolute spans; ``times`` are the article's time expressions
    (found again when not given)."""
    vocab = vocabulary()
    offset = article.span[0]
    in_time = _time_token_indices(doc, times, offset)
    headings = _heading_ranges(article, doc)
    results: list[tuple[Found, Count, bool]] = []
    for sent in syntax.sentences(doc):
        for found in _coordinate(doc, _sentence_counts(doc, sent, vocab, in_time, entities)):
            phrase = found.phrase
            if _not_a_count(doc, found):
                continue
            holder = _holder(doc, found, entities, vocab) if found.category in ("DEPLOY", "OTHER") else None
            location = _location(doc, found, entities, holder)
            start_token = doc[_phrase_start(phrase)]
            last = doc[found.end - 1]
            final_stop = last.text[:-1].isdigit() and last.text.endswith(".")
            end_char = last.idx + len(last) - (1 if final_stop else 0)
            count = Count(category=found.category, value=phrase.value, bound=phrase.bound, object=found.obj,
                          holder=holder, location=location,
                          span=(start_token.idx + offset, end_char + offset))
            in_heading = any(s <= start_token.idx < e for s, e in headings)
            results.append((found, count, in_heading))
    body = {(c.category, c.value) for _, c, heading in results if not heading}
    return [c for _, c, heading in results if not (heading and (c.category, c.value) in body)]


def _phrase_start(phrase: NumberPhrase) -> int:
    return phrase.bound_start if phrase.bound_start is not None else phrase.start


# "to andre": a pronoun, not the things counted.
_PRONOMINAL_OBJECTS = {"annen", "andre", "anna", "annan", "ander"}
_ONE_WORDS = {"en", "én", "ei", "éi", "et", "ett", "eitt", "ein", "éin"}
# Nouns of manner and reason: "på tre ulike måter" counts no people or things.
_NOT_COUNTED = {"måte", "grunn", "årsak", "grad", "vis"}
# English words after "to" or "ten" in quoted English: "to the ground" counts nothing.
_FOREIGN_OBJECTS = {"the", "a", "an", "of", "and", "my", "your", "his", "her", "our", "their", "be", "do"}


def _not_a_count(doc: Doc, found: Found) -> bool:
    """ "to andre" counts nothing named, and "én gjeng" of anything else is an article, not a count
    (one killed, one arrested are counts: only an OTHER "one" is dropped)."""
    if found.obj in _PRONOMINAL_OBJECTS or found.obj in _NOT_COUNTED or found.obj in _FOREIGN_OBJECTS:
        return True
    if found.category == "OTHER" and found.phrase.value == 0:
        return True  # "null problemer", "null integritet": an idiom; "null drepte" keeps its category
    if "." in found.obj or found.obj.startswith(("pst", "prosent")):
        return True  # "80 pst.-regelen": a rule named by a rate
    noun = found.noun
    # "120 ansatte", "ti av de evakuerte": an adjective in its plural form used as a noun
    after_article = noun is not None and noun.i > 0 and doc[noun.i - 1].lower_ in ("de", "dei", "av")
    substantive = noun is not None and (noun.lower_.endswith("e") or after_article)
    if found.category == "OTHER" and noun is not None and noun.pos_ not in ("NOUN", "") and not substantive \
            and not syntax.is_noun_form(noun.text):
        return True  # "rundt 10 blank", "to return": no noun is counted
    first = doc[found.phrase.start]
    return found.category == "OTHER" and found.phrase.value == 1 and first.lower_ in _ONE_WORDS


def _sentence_counts(doc: Doc, sent: Span, vocab: Vocabulary, in_time: set[int],
                     entities: EntityIndex | None) -> list[Found]:
    phrases = number_phrases(doc, sent)
    for phrase in phrases:
        _attach_bound(doc, phrase, sent, vocab)
    kept = [p for p in phrases if not _is_excluded(doc, p, sent, vocab, in_time, entities)]
    founds: list[Found] = []
    previous: Found | None = None
    for n, phrase in enumerate(kept):
        next_start = _phrase_start(kept[n + 1]) if n + 1 < len(kept) else sent.end
        found = _read_count(doc, phrase, sent, vocab, next_start, previous, in_time)
        if found is not None:
            founds.append(found)
            previous = found
    return founds


def _coordinate(doc: Doc, founds: list[Found]) -> list[Found]:
    """Conjoined counts share the predicate of the last one: "ti menn og to kvinner omkom",
    "seks bilførere, en bilpassasjer og to syklister omkom", "fem politifolk og tre soldater ble drept"."""
    for n in range(len(founds) - 2, -1, -1):
        first, second = founds[n], founds[n + 1]
        if first.category not in ("OTHER", "DEPLOY") or second.category in ("OTHER", "DEPLOY"):
            continue
        between = doc[first.end:_phrase_start(second.phrase)]
        joined = any(t.lower_ in {",", "og", "eller", "samt"} for t in between)
        if joined and len(between) <= 8 and not any(_is_verb_like(t) for t in between):
            first.category = second.category
    return founds


def _is_verb_like(token: Token) -> bool:
    if token.pos_:
        return token.pos_ in ("VERB", "AUX") or token.pos_ == "ADP"
    return token.lower_ in FUNCTION_WORDS - {"og", "eller"} or _is_predicate_word(token)


def _read_count(doc: Doc, phrase: NumberPhrase, sent: Span, vocab: Vocabulary, next_start: int,
                previous: Found | None, in_time: set[int] | frozenset[int] = frozenset()) -> Found | None:
    noun, partitive = _counted_noun(doc, phrase, sent)
    units = vocab.get("unit")
    if noun is not None and (noun.lower_ in units or _lemma(noun) in units
                             or noun.lower_.rpartition("-")[2] in units):
        return None  # also "US-dollar", "NOK-kroner"
    if noun is not None and noun.text.endswith(".") and len(noun.text) <= 5:
        return None  # "Rt. 2005 s. 1234", "nr. 3 kap. 2": a reference, not things counted
    if noun is None and not partitive:
        group = _group_before(doc, phrase, sent, vocab)
        if group is not None:
            category = vocab.get("group").get(group.lower_) or vocab.get("group").get(_lemma(group), "OTHER")
            return Found(phrase, group, category, phrase.end, _lemma(group), sent)
        tally = _tally_before(doc, phrase, sent, vocab)
        if tally is not None:
            return Found(phrase, None, tally[0], phrase.end, tally[1], sent)
        # A bare number counts only as the subject of a count predicate ("over 200 er skadd").
        predicate = _forward_predicate(doc, phrase.end, sent, vocab, next_start)
        if predicate is None or predicate == "DEPLOY" or not _verb_follows(doc, phrase.end, sent):
            return None
        obj = previous.obj if previous is not None else "person"
        return Found(phrase, None, predicate, phrase.end, obj, sent)
    if partitive and noun is None:
        # "to av dem ble drept": people already mentioned, counted by what happened to them.
        predicate = _forward_predicate(doc, phrase.end + 2, sent, vocab, next_start)
        if predicate is None or predicate == "DEPLOY" or phrase.value < 2:
            return None
        return Found(phrase, None, predicate, phrase.end + 2, "person", sent)
    category = _category(doc, phrase, noun, partitive, sent, vocab, next_start, previous, in_time)
    if category not in ("OTHER", "DEPLOY") and noun is not None and _is_thing(noun, vocab):
        category = "OTHER"  # "30 hus er skadet": damaged things are no casualties
    group = _group_before(doc, phrase, sent, vocab)
    if category == "OTHER" and group is not None:
        category = vocab.get("group").get(group.lower_) or vocab.get("group").get(_lemma(group), "OTHER")
    end = noun.i + 1 if noun is not None and noun.i >= phrase.end else phrase.end
    obj = _lemma(noun) if noun is not None else "person"
    return Found(phrase, noun, category, end, obj, sent)


def _tally_before(doc: Doc, phrase: NumberPhrase, sent: Span, vocab: Vocabulary) -> tuple[str, str] | None:
    """'Dødstallet har steget til 45', 'Antallet skadde er nå 30': a bare number that states a tally."""
    start = phrase.bound_start if phrase.bound_start is not None else phrase.start
    if _lower(doc, start - 1) not in {"til", "er", "var", "nå", "på", "blitt", "over", "rundt", ":"}:
        return None
    if phrase.end < sent.end and doc[phrase.end].is_alpha and not doc[phrase.end - 1].text.endswith("."):
        return None
    tallies = vocab.get("tally")
    for j in range(start - 1, max(sent.start, start - 8) - 1, -1):
        word = doc[j].lower_
        if word in tallies and tallies[word] != "-":
            return tallies[word], _lemma(doc[j])
        if word in tallies and j + 1 < sent.end:
            counted = doc[j + 2] if doc[j + 1].lower_ in ("på", "av") and j + 2 < sent.end else doc[j + 1]
            category = _word_category(counted, vocab)
            return (category or "OTHER"), _lemma(counted)
    return None


def _is_thing(noun: Token, vocab: Vocabulary) -> bool:
    things, endings = vocab.get("thing"), vocab.words_of_length("thing", 3)
    words = {noun.lower_, _lemma(noun)}
    return any(w in things or w.endswith(endings) for w in words)


def _verb_follows(doc: Doc, i: int, sent: Span) -> bool:
    if i >= sent.end:
        return False
    token = doc[i]
    if _is_predicate_word(token):
        return True  # "14 pågrepet", "Minst 20 døde"
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    return token.lower_ in {"er", "ble", "har", "var", "blir", "omkom", "døde", "hadde", "skal", "vil", "kan",
                            "måtte", "må"} or token.lower_.endswith(("et", "te", "de"))
