"""Direct and reported speech with its speaker.

Direct speech: dash paragraphs ("– ..., sier hun."), «guillemets» and "quotes", and a
sentence or paragraph closed by ", sier X." when the corpus lost the dash. A dash paragraph
without attribution continues the previous speaker, or takes the speaker of a following
"Det sa X". Reported speech: a speech verb with an at-clause ("opplyser til NTB at ...",
"mener byrådet har ..."), a reported sentence closed by ", opplyser X." and "ifølge X".
The speaker is the canonical entity name, a pronoun resolved to the right earlier person,
or the description as written ("kilden", "en fransk regjeringskilde").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import or_
from typing import Any

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.agents import is_agent_noun, is_document_noun
from nyhetsgraf.extract.entities import PERSONAL_PRONOUNS, EntityIndex, Referents, phrase_after, phrase_before
from nyhetsgraf.extract.syntax import (
    DASHES,
    SUBJECT_DEPS,
    WEEKDAYS,
    TokenTable,
    VocabMemos,
    dep,
    doc_text,
    is_punct,
    is_space,
    kept_with,
    lemma,
    low,
    memo_of_vocab,
    morph_values,
    paragraphs,
    punct_at,
    remembered_flags,
    sentences,
    token_offsets,
    token_table,
    verb_forms,
)
from nyhetsgraf.records import Article, Quote
from nyhetsgraf.resources.fullforms import full_forms
from nyhetsgraf.resources.gazetteer import without_genitive
from nyhetsgraf.resources.words import quotation_marks, word_set

# Verbs that turn a dashless closing attribution into direct speech; the others report.
DIRECT_SPEECH_LEMMAS = {"si", "seie", "sei"}
# Opening quotation mark -> its closing mark (the entity-type rules read titles between them too).
QUOTATION_MARKS = quotation_marks()
_OPENING_MARK = re.compile("[" + re.escape("".join(QUOTATION_MARKS)) + "]")
_AT = {"at"}
_SKIP_AFTER_VERB = {
    "også",
    "imidlertid",
    "derimot",
    "nå",
    "videre",
    "likevel",
    "selv",
    "dessuten",
    "blant",
    "annet",
    "tidligere",
    "samtidig",
    "på",
    "sin",
    "side",
}
_TEMPORAL = {
    *WEEKDAYS,
    "i",
    "dag",
    "går",
    "morgen",
    "kveld",
    "ettermiddag",
    "formiddag",
    "natt",
    "helgen",
    "helga",
}
_NOMINATIVE_PRONOUNS = {
    "han",
    "hun",
    "ho",
    "de",
    "dei",
    "det",
    "den",
    "vi",
    "me",
    "jeg",
    "eg",
    "dette",
    "man",
    "du",
    "dere",
    "ingen",
    "alle",
    "noen",
    "flere",
    "mange",
}
_TRAILING = (",", ":", ";", "»", "”", '"', "–", "-", ".")
_CONJUNCTIONS = {"og", "men", "eller"}
_QUESTION_WORDS = {"hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "når", "kva",
                   "kven", "kvar", "korleis", "kvifor"}
_CLAUSE_BREAKS = {"men", "som", "da", "fordi", "når", "hvis", "mens", "der"}
# Verbs of mental attitude take at-clauses but report no speech: "Mange håper at ...", "Vesten frykter at ..."
_ATTITUDE_VERBS = word_set("attitude_verbs")
_SUBJUNCTIONS = {"da", "når", "fordi", "mens", "som", "etter", "hvis", "om"}
_EXPLETIVE = {"det", "dette", "slik", "så"}
_TIME_WORDS = {"denne", "dette", "neste", "forrige", "sist", "siste", "samme", "hele", "førre", "uke",
               "uka", "veke", "måned", "måneden", "år", "året", "vinter", "sommer", "høst", "vår", "vinteren",
               "sommeren", "høsten", "våren", "uken", "veka", "helg"}
_OPENING_SUBJUNCTIONS = {"når", "hvis", "dersom", "om", "da", "fordi", "selv", "mens", "etter", "før", "viss",
                         "sidan", "sjølv"}
_NEGATIONS = {"ikke", "ikkje", "aldri"}
# "etter at", "før at", "uten at", "slik at": a subjunction of time, manner or result, not the at of a
# reported clause
_AT_SUBJUNCTIONS = {"etter", "før", "uten", "utan", "slik", "sånn", "inntil", "innan", "innen", "fordi"}
_OBJECT_WORDS = {"det", "dette", "slik", "sånn", "så", "noe", "følgende"}


@lru_cache(maxsize=1)
def _lexicon():  # the lexicon module is loaded once; its data files are read lazily there
    from nyhetsgraf.resources import lexicon

    return lexicon


_NEVER_VERBS = {"PROPN", "PUNCT", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM"}


def is_speech_verb(token: Token) -> bool:
    """A reporting verb, with the particle, object or preposition its lexicon entry asks for
    ("si", "legge til", "gi uttrykk for"). Answered once per token of a Doc: the finders ask often."""
    return speech_verb_at(token.doc, token.i)


def speech_verb_at(doc: Doc, i: int) -> bool:
    """``is_speech_verb`` of token i of a Doc, without making a Token."""
    return speech_verb_flags(doc)[i]


def speech_verb_flags(doc: Doc) -> list[bool]:
    """``is_speech_verb`` of every token, computed once per Doc: the quote finder asks about nearly
    every token, and most are rejected by their tag at once."""
    return kept_with(doc, "speech_verbs", _speech_verb_flags)


def _speech_verb_flags(doc: Doc) -> list[bool]:
    table = token_table(doc)
    # the tests of _is_speech_verb that look at the word alone reject nearly every token: asked once
    # per distinct word, then only the tokens they let through are looked at in context
    vocab = doc.vocab

    def may_report(word: tuple[str, str, str]) -> bool:
        tag, text, lemma_ = word
        return _may_report((tag, text, lemma_, vocab[text].lower_ or text.lower()))  # as the table's low()

    # keyed per vocab, where the text gives the lower-case form: a smaller key to make and hash per token
    words = list(zip(table.pos, table.texts, table.lemmas, strict=True))
    flags = remembered_flags(memo_of_vocab(_MAY_REPORT, vocab), words, may_report)
    for i in compress(range(len(flags)), flags):
        flags[i] = _is_speech_verb(table, i) and not _noun_like(table, i) and not _idiom_si(table, i)
    return flags


# per vocab: (tag, text, lemma) -> whether the word may be a speech verb, for every word seen
_MAY_REPORT: VocabMemos[tuple[str, str, str], bool] = {}


def _may_report(word: tuple[str, str, str, str]) -> bool:
    tag, text, lemma_, form = word
    return tag not in _NEVER_VERBS and text.islower() and bool(_speech_entries(tag, lemma_, form))


def _reporting_positions(doc: Doc) -> list[int]:
    """Indexes of the speech verbs and verbs of denial of a Doc, in order (once per Doc): the only
    tokens an at-clause can hang on, so the reported-speech pass visits no other."""
    return kept_with(doc, "reporting_positions", _find_reporting_positions)


def _find_reporting_positions(doc: Doc) -> list[int]:
    table = token_table(doc)
    speech = speech_verb_flags(doc)
    # the tag test of _denial_verb_at first, made in C over the whole Doc: it rejects nearly every token
    verb_tagged = map(_VERB_TAGS.__contains__, table.pos)
    return [i for i in compress(range(len(speech)), map(or_, speech, verb_tagged))
            if speech[i] or _denial_verb_at(table, i)]


_VERB_TAGS = frozenset({"VERB", ""})  # the tags a verb of denial may have (none: no tagger)


def _attribution_points(doc: Doc) -> list[int]:
    """Indexes of the commas, question and exclamation marks and dashes right before a speech verb,
    in order (once per Doc): where a closing attribution (", sier hun") can start."""
    return kept_with(doc, "attribution_points", _find_attribution_points)


def _find_attribution_points(doc: Doc) -> list[int]:
    texts = token_table(doc).texts
    return [i - 1 for i in _speech_verb_positions(doc)
            if i >= 1 and (texts[i - 1] in (",", "?", "!") or texts[i - 1] in DASHES)]


def _speech_verb_positions(doc: Doc) -> list[int]:
    """Indexes of the speech verbs of a Doc, in order (once per Doc)."""
    return kept_with(doc, "speech_verb_positions", lambda doc: _true_at(speech_verb_flags(doc)))


def _true_at(flags: list[bool]) -> list[int]:
    """The indexes of the true flags, in order (picked in C)."""
    return list(compress(range(len(flags)), flags))


def _word_positions(doc: Doc, word: str) -> list[int]:
    """Indexes of the tokens whose lower-case form is ``word``, in order (once per Doc and word)."""
    return kept_with(doc, f"positions:{word}",
                     lambda doc: _true_at(list(map(word.__eq__, token_table(doc).lowers))))


def _within(positions: list[int], start: int, end: int) -> list[int]:
    """The indexes of a sorted list that lie in [start, end)."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _noun_like(table: TokenTable, i: int) -> bool:
    """ "Et vanlig uttrykk", "flere argumenter": a word the tagger calls a noun, after a determiner,
    adjective or number, is that noun, even where the dictionary knows its form as a verb's."""
    return table.pos[i] not in ("VERB", "AUX", "") and i > 0 and table.pos[i - 1] in ("DET", "ADJ", "NUM")


def _is_speech_verb(table: TokenTable, i: int) -> bool:
    pos, lowers, lemmas = table.pos, table.lowers, table.lemmas
    if pos[i] in _NEVER_VERBS or not table.texts[i].islower():
        return False
    entries = _speech_entries(pos[i], lemmas[i], lowers[i])
    if not entries:
        return False
    following = range(i + 1, min(i + 5, len(lowers)))
    for entry in entries:
        # the particle right after the verb, or after an inverted pronoun or name ("la hun til"),
        # never after a noun ("la merke til" is noticing, not adding)
        particle = (
            entry.particle
            if entry.particle and following and (
                lowers[following[0]] == entry.particle
                or (len(following) > 1 and lowers[following[1]] == entry.particle
                    and pos[following[0]] in ("PRON", "PROPN"))
            )
            else None
        )
        objects = [
            lemmas[k]
            for k in following[:3]
            if lemmas[k] in entry.object_lemmas or lowers[k] in entry.object_lemmas
        ]
        prep = entry.prep if entry.prep and any(lowers[k] == entry.prep for k in following) else None
        if entry.matches(particle, objects[0] if objects else None, prep):
            return True
    return False


@lru_cache(maxsize=1 << 15)
def _speech_entries(pos: str, lemma_: str, form: str) -> tuple[Any, ...]:
    """The lexicon entries a word may be as a speech verb, by its tag, lemma and form: the part of
    ``_is_speech_verb`` that does not look at the words around it, worked out once per word."""
    dictionary = verb_forms(form)
    candidates = [lemma_, form, *dictionary]
    if pos not in ("VERB", "AUX", ""):
        # a mis-tagged verb form ("hevdet" as a noun): only the full-form dictionary may vouch for it
        candidates = list(dictionary)
    if set(candidates) & _ATTITUDE_VERBS:
        return ()
    verbs = _lexicon().speech_verbs()  # read once per process
    return tuple(entry for candidate in dict.fromkeys(candidates) for entry in verbs.entries(candidate))


def gender_of(first_name: str) -> str | None:
    return _lexicon().name_gender(first_name)


@dataclass(slots=True)
class _Found:
    start: int  # doc character offsets
    end: int
    speaker: str | None
    direct: bool
    attribution: int | None  # token index of the speech verb, when there is one
    paragraph: int = -1
    continues: bool = False  # an unattributed dash paragraph: the previous speaker goes on
    named_source: bool = False  # "ifølge påtaleansvarlig": the text names the source, whatever it is
    hidden: bool = False  # no quote, only a speaker the next dash line may go on with


def _text_bounds(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character bounds of tokens first..last (inclusive) without dashes, quote marks and final punct."""
    table = token_table(doc)
    texts, spaces = table.texts, table.spaces
    while first <= last and (
        texts[first] in DASHES
        or texts[first] in QUOTATION_MARKS
        or spaces[first]
        or texts[first] in ("»", "”", ",", ":", ";")
    ):
        first += 1
    while last >= first and (texts[last] in _TRAILING or spaces[last]):
        last -= 1
    if last < first or not any(texts[k][:1].isalnum() for k in range(first, last + 1)):
        return None
    offsets = token_offsets(doc)
    return offsets[first], offsets[last] + len(texts[last])


class QuoteFinder:
    def __init__(self, doc: Doc, entities: EntityIndex, referents: Referents | None = None) -> None:
        self.doc = doc
        self.entities = entities
        self.referents = referents or Referents(doc, entities, gender_of)
        self.sents = sentences(doc)
        self.sent_starts = [sent.start for sent in self.sents]
        self.text = doc_text(doc)
        # the names mentioned inside the quote being attributed: a pronoun never resolves to them
        # ("Han sa det ofte: «Lie respekterer meg ikke»" is not said by Lie)
        self.about: frozenset[str] = frozenset()

    def _about_bounds(self, start: int, end: int) -> None:
        """Remember the names of the entities mentioned in characters start..end of the Doc."""
        offsets = token_offsets(self.doc)
        self.about = self.referents.names_in(max(0, bisect_left(offsets, start + 1) - 1),
                                             bisect_left(offsets, end))

    def _name(self, phrase: Span) -> str | None:
        return self.referents.name(phrase, self.about)

    # ------------------------------------------------------------------ helpers
    def sentence(self, i: int) -> Span:
        # the sentences are disjoint and in order: the last one starting at or before i is the only
        # one that may hold it
        k = bisect_right(self.sent_starts, i) - 1
        if k >= 0 and i < self.sents[k].end:
            return self.sents[k]
        return self.doc[:]

    def _sentences_holding(self, positions: list[int]) -> list[Span]:
        """The sentences, in order, that hold one of the token indexes ``positions`` (sorted): most
        sentences hold none, and need not be visited."""
        holding: list[Span] = []
        for i in positions:
            k = bisect_right(self.sent_starts, i) - 1
            if k >= 0 and i < self.sents[k].end and (not holding or holding[-1] is not self.sents[k]):
                holding.append(self.sents[k])
        return holding

    def speaker_of(self, verb: Token, clause: Span, prefer_after: bool | None = None) -> str | None:
        """Speaker of a speech verb: the phrase after it (inversion, closing attribution) or the
        subject chunk before it; the parsed subject when the surface gives nothing."""
        between = self._subject_inside_verb_group(verb, clause)
        if between is not None and prefer_after is None:
            return self._name(between)
        framing = self._framing_subject(verb, clause) if prefer_after is None else None
        if framing is not None:
            return self._name_of_subject(framing, clause)
        after = self._subject_follows(verb, clause) if prefer_after is None else prefer_after
        phrase = phrase_after(verb, clause) if after else self._chunk_before(verb, clause)
        titled = self._titled_person_after(verb) if after else None
        if titled is not None:
            return titled
        if len(phrase):
            return self._name(phrase)
        subject = self._parsed_subject(verb)
        if subject is not None:
            return self._name_of_subject(subject, clause)
        phrase = self._chunk_before(verb, clause) if after else phrase_after(verb, clause)
        return self._name(phrase) if len(phrase) else None

    def _titled_person_after(self, verb: Token) -> str | None:
        """ "sier Per og Annes sønn Edvard", "Ifølge X-leder og tidligere riksadvokat Georg Lie": a person
        named right after a title or relation noun, behind the owners or other titles of a longer
        description (a genitive or "og" before that noun), is the speaker."""
        doc = self.doc
        table = token_table(doc)
        sent = self.sentence(verb.i)
        people: list[int] = []
        for k in range(verb.i + 1, min(sent.end, verb.i + 14)):
            if (punct_at(table, k) and table.texts[k] != "-") or table.pos[k] in ("VERB", "AUX"):
                return None
            entity = self.entities.entity_at(k)
            title = k - 1
            if (entity is not None and entity.type == "PER" and title > verb.i + 1
                    and table.pos[title] == "NOUN" and table.texts[title].islower()
                    and self.entities.entity_at(title) is None):
                owned = table.texts[title - 1].endswith("s") and table.texts[title - 1][:1].isupper()
                joined = any(table.lowers[j] == "og" for j in range(verb.i + 1, title))
                owners = all(_owner_name_at(table, j) for j in people)
                return entity.name if (owned or joined) and owners else None
            last_word = entity is not None and (k + 1 == len(doc) or self.entities.entity_at(k + 1)
                                                is not entity)
            if last_word and entity.type == "PER":
                people.append(k)  # the last word of each name before
        return None

    def _framing_subject(self, verb: Token, clause: Span) -> Token | None:
        """ "Han svarte, ved å si at", "Ho avslutta med å seie at": a speech verb in the infinitive
        after a preposition is said by the subject of the finite verb before it."""
        doc = self.doc
        if verb.i < 2 or low(doc[verb.i - 1]) != "å" or doc[verb.i - 2].pos_ != "ADP":
            return None
        for k in range(verb.i - 3, clause.start - 1, -1):
            if doc[k].pos_ in ("VERB", "AUX") and _finite(doc[k]):
                return self._parsed_subject(doc[k])
        return None

    def _subject_inside_verb_group(self, verb: Token, sent: Span) -> Span | None:
        """ "Da skal Ling og Lee ha gitt uttrykk for at": an inverted subject between the finite
        auxiliary and a non-finite speech verb."""
        if "Fin" in morph_values(verb, "VerbForm") or not morph_values(verb, "VerbForm"):
            return None
        doc = self.doc
        for i in range(verb.i - 1, max(sent.start - 1, verb.i - 8), -1):
            t = doc[i]
            if t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm"):
                inside = [
                    x
                    for x in doc[i + 1 : verb.i]
                    if x.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "CCONJ")
                ]
                if inside and lemma(inside[-1]) in _FREQUENCY_NOUNS:
                    return None  # "har mange ganger gjort det klart": how often, not who
                if any(x.pos_ in ("PROPN", "NOUN", "PRON") for x in inside):
                    return doc[inside[0].i : inside[-1].i + 1]
                return None
            if is_punct(t):
                return None
        return None

    def _chunk_before(self, verb: Token, sent: Span) -> Span:
        """The subject chunk before a verb: after the last comma, else the sentence's first chunk.

        "men bekrefter at", "og hevder han" and "som følger ..., sier" take the subject of the
        sentence's first clause; "da hun kommenterte" drops the subjunction.
        """
        doc = self.doc
        texts = token_table(doc).texts
        commas = [k for k in range(sent.start, verb.i) if texts[k] in (",", ";", ":")]
        if len(commas) >= 2 and commas[-1] == verb.i - 1:
            # "Forsvareren til mannen, advokat Tor Lie, opplyser ...": the name in apposition
            apposition = doc[commas[-2] + 1 : commas[-1]]
            if any((e := self.entities.entity_for(t)) is not None and e.type == "PER" for t in apposition):
                return apposition
        start = commas[-1] + 1 if commas else sent.start
        while start < verb.i and (doc[start].pos_ == "SCONJ" or low(doc[start]) in _SUBJUNCTIONS):
            start += 1
        coordinated = start < verb.i and (doc[start].pos_ == "CCONJ" or low(doc[start]) in _CONJUNCTIONS)
        chunk = doc[start : verb.i]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in chunk)
        if len(chunk) and chunk[0].pos_ == "ADP":
            # "Ved prosedyren for ... er det": an adverbial is no speaker; "en munk, som med en rolig
            # tone gjorde det klart at": the relative clause's antecedent is
            return self._subject_before(verb, sent) or doc[verb.i : verb.i]
        if len(chunk) and not coordinated and not has_verb and any(t.pos_ != "ADV" for t in chunk):
            return chunk
        subject = self._subject_before(verb, sent)
        if subject is not None:
            return subject
        # the first chunk of the sentence, up to its first verb, comma or subjunction
        first = sent.start
        while first < verb.i and (doc[first].text in DASHES or is_space(doc[first])):
            first += 1
        end = first
        while end < verb.i and doc[end].pos_ not in ("VERB", "AUX", "SCONJ") and doc[end].text != ",":
            end += 1
        return doc[first:end]

    def _subject_before(self, verb: Token, sent: Span) -> Span | None:
        """The parsed subject of a speech verb inside a longer clause, when it stands before the verb:
        the subject of its auxiliary or first conjunct ("alle som uttaler seg om saken mener",
        "når meteorologer sier"), or the antecedent of a relative "som" ("en smilende munk, som
        gjør det klart at", "forklarer Hansen, som mente")."""
        head = verb
        subject = self._parsed_subject(head)
        for _ in range(3):
            if subject is not None or dep(head) not in ("INFV", "KOORD", "conj") or head.head.i == head.i:
                break
            head = head.head
            subject = self._parsed_subject(head)
        relative = dep(head) in ("ATR", "acl:relcl") and head.head.pos_ in ("NOUN", "PROPN")
        if subject is None and relative and any(low(c) == "som" and c.i < head.i for c in head.children):
            subject = head.head
        if subject is None or not sent.start <= subject.i < verb.i:
            return None
        if subject.pos_ in ("PRON", "DET") and low(subject) not in _PRONOUN_SPEAKERS:
            return None  # "det", "som", "man": no one named
        doc = self.doc
        left = max(sent.start, min(t.i for t in subject.subtree))
        while left < subject.i and (doc[left].pos_ in ("PUNCT", "SCONJ", "CCONJ") or low(doc[left]) == "som"):
            left += 1
        right = subject.i + 1
        inside = {t.i for t in subject.subtree}
        while (right < verb.i and right in inside and low(doc[right]) != "som"
               and doc[right].pos_ not in ("VERB", "AUX", "PUNCT", "SCONJ")):
            right += 1  # "Ola Hansen", "Representanter for SV": the rest of the phrase, not its clause
        return doc[left:right]

    def _parsed_subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if dep(child) in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"):
                return child
        return None

    def _name_of_subject(self, subject: Token, clause: Span) -> str | None:
        if low(subject) in ("han", "hun", "ho", "de", "dei"):
            name = self.referents.pronoun(subject, subject.i, self.about)
            entity = self.entities.by_name(name) if name else None
            if entity is not None and low(subject) in ("de", "dei") and entity.type in ("GPE_LOC", "LOC"):
                return None  # "sa de": people, not the country last named
            return name
        entity = self.entities.entity_for(subject)
        if entity is not None:
            return entity.name
        left = min(t.i for t in subject.subtree)
        right = max(t.i for t in subject.subtree) + 1
        left = max(left, clause.start)
        right = min(right, clause.end)
        # "Kirkemøtet i Nikea - som hverken vedtok ... -": no relative clause or aside of the subject
        cut = next((k for k in range(subject.i + 1, right)
                    if low(self.doc[k]) == "som" or self.doc[k].text in DASHES), right)
        return self._name(self.doc[left:cut])

    def _subject_follows(self, verb: Token, clause: Span) -> bool:
        """Whether the subject comes after the verb (V2 inversion, or a closing attribution)."""
        table = token_table(self.doc)
        before = [i for i in range(clause.start, verb.i) if not table.spaces[i]]
        if not before:
            return True
        last = table.texts[before[-1]]
        if last in (",", "–", "—", "-") or last in ("»", "”", '"'):
            return True
        first = before[0]
        if len(before) == 1 and table.lowers[first] in _EXPLETIVE:
            return True
        if all(table.lowers[k] in _TEMPORAL or table.lowers[k] in _TIME_WORDS for k in before):
            return True  # "Denne helgen uttalte han at": a time, the subject follows the verb
        if (table.pos[first] in ("ADV", "ADP", "SCONJ") or table.lowers[first] in _TEMPORAL
                or table.lowers[first] in ("samtidig", "ifølge", "i", "på")):
            return True
        # "En gang forteller Cathrine ham at": an adverbial the words above do not know, before a
        # subject the parse puts right after the verb
        subject = self._parsed_subject(verb)
        return (subject is not None and verb.i < subject.i <= verb.i + 2 and subject.pos_ in ("PROPN", "PRON")
                and not any(table.pos[k] in ("PROPN", "PRON") for k in before))

    # ------------------------------------------------------------------ direct speech
    def closing_attribution(self, first: int, last: int) -> tuple[int, Token] | None:
        """The first ", VERB speaker" closing a quote in tokens first..last: (comma index, verb)."""
        doc = self.doc
        table = token_table(doc)  # by token index: the speaker phrase's words make no Token objects
        texts = table.texts
        # only a comma, "?", "!" or dash right before a speech verb can start one
        for i in _within(_attribution_points(doc), first, last):
            if i == first and texts[i] not in (",", "?", "!"):
                continue  # the dash opening the stretch
            j = i + 1
            verb = doc[j]
            # the attribution must end soon ("sier hun til NTB.") and name someone right after the verb
            stop = next((k for k in range(j, last + 1) if texts[k] in (".", "!", "?")), last + 1)
            if stop - j > 25:
                continue
            speaker = phrase_after(verb, Span(doc, j, stop))
            if len(speaker) == 0 or self._clause_follows(speaker, stop) or not _finite(verb):
                continue  # ", slått fast": a participle closes no quote
            words = range(speaker.start, speaker.end)
            if all(table.pos[k] in ("ADV", "ADJ") for k in words):
                continue  # "Han møtte pressen med rak rygg, svarte villig": manner, nobody named
            if all(table.lowers[k] in _OBJECT_WORDS for k in words):
                continue  # "Alan Smith, ..., sier det slik": the verb's object, the speaker is before
            if len(words) == 1 and table.lowers[speaker.start] in ("du", "dere", "dykk"):
                continue  # "Hvor det ble av henne, sier du?": the writer asks the reader
            return i, verb
        return None

    def _manner_attribution(self, first: int, end: int) -> tuple[int, Token] | None:
        """ "– Bør vi ikke ha en kontakt der, undrer Chaudry.", "..., framholder forskeren.", "Hvem vil
        sponse dem nå? undrer Lie.": a sentence of a dash line that ends in ", finite verb + person"
        is attributed by that verb even when it is no speech verb of the lexicon (a verb of manner);
        the person must end the sentence, and what follows it is narration."""
        doc = self.doc
        table = token_table(doc)
        texts = table.texts
        ends = [k for k in range(first + 1, end) if texts[k] in (".", "!", "?")]
        last = end - 1
        while last > first and table.spaces[last]:
            last -= 1
        if not ends or ends[-1] < last:
            ends.append(last + 1)
        for stop in ends:
            for separator in range(stop - 2, max(first, stop - 9), -1):
                if texts[separator] == ".":
                    break  # the sentence before
                if texts[separator] not in (",", "?", "!"):
                    continue
                if self._person_after_manner_verb(separator + 1, stop):
                    return separator, doc[separator + 1]
                break
        return None

    def _person_after_manner_verb(self, verb: int, stop: int) -> bool:
        """Whether a finite lower-case verb at ``verb`` is followed by a person up to ``stop``."""
        doc = self.doc
        table = token_table(doc)
        if verb >= stop or table.pos[verb] != "VERB" or not table.texts[verb].islower():
            return False
        if not _finite(doc[verb]):
            return False
        speaker = doc[verb + 1 : stop]
        if not len(speaker) or len(speaker) > 6:
            return False
        if speaker[0].lower_ in ("han", "hun", "ho") and len(speaker) == 1:
            return True
        entity = self.entities.entity_for(speaker)
        if entity is not None and entity.type == "PER":
            return all(self.entities.entity_for(t) is entity or t.pos_ in ("NOUN", "DET", "ADJ")
                       for t in speaker)
        return len(speaker) <= 2 and speaker[-1].pos_ == "NOUN" and _can_speak(speaker.text, self.entities)

    def _clause_follows(self, speaker: Span, stop: int) -> bool:
        """Whether token i, right after the phrase that follows a speech verb, goes on with what is
        said: "at" or a finite verb ("Men i stedet for å anbefale mer, fastslår politiet at ...",
        "Kari Lie (lege), mener klimaet er godt"): the verb opens the sentence's main clause, and
        what stands before its comma is no quote."""
        i = speaker.end
        if i >= stop:
            return False
        table = token_table(self.doc)
        if any(table.pos[k] == "PRON" for k in range(speaker.start + 1, speaker.end)):
            return False  # "roper han så høyt han kan": the speaker's own clause of manner
        before = i - 1
        while before > 0 and table.texts[before] in DASHES:
            before -= 1
        if table.pos[before] == "CCONJ" or table.lowers[before] in _CONJUNCTIONS:
            return False  # "sier Tore og tenker på ...": a second verb of the speaker
        return table.lowers[i] in _AT or (table.pos[i] in ("VERB", "AUX") and _finite(self.doc[i]))

    def dash_paragraphs(self, found: list[_Found]) -> None:
        doc = self.doc
        ranges = paragraphs(doc)
        texts = token_table(doc).texts
        for index, (start, end) in enumerate(ranges):
            first = start
            if texts[first] not in DASHES:
                continue
            attribution = self.closing_attribution(first + 1, end - 1) or self._manner_attribution(first, end)
            if attribution is not None:
                comma, verb = attribution
                bounds = _text_bounds(doc, first, comma - 1 if texts[comma] == "," else comma)
                resumed = self._speech_resumes(verb, self.sentence(verb.i))
                if resumed is not None and _only_openers(token_table(doc), first, comma):
                    # "– Men, sier hun, vi gir oss ikke": the speech is the part after
                    bounds = _text_bounds(doc, resumed + 1, self.sentence(verb.i).end - 1)
                if bounds is None:
                    continue
                self._about_bounds(*bounds)
                speaker = self.speaker_of(verb, self.sentence(verb.i), prefer_after=True)
                found.append(_Found(*bounds, speaker, True, verb.i, index))
                continue
            bounds = _text_bounds(doc, first, end - 1)
            if bounds is None or self._list_item(first, end):
                continue
            self._about_bounds(*bounds)
            speaker = self._next_sentence_speaker(ranges, index) or self._colon_frame_speaker(ranges, index)
            text = self.text[bounds[0] : bounds[1]]
            # no attribution: the previous speaker goes on (an interviewer's question has none)
            continues = speaker is None and not text.rstrip().endswith("?")
            found.append(_Found(*bounds, speaker, True, None, index, continues))

    def _list_item(self, first: int, end: int) -> bool:
        """ "– Fjerne plikten.", "– Styrke vernet av kysten": an unattributed dash line that opens
        with an infinitive and has no finite verb is a point of a list or a programme, not speech."""
        doc = self.doc
        table = token_table(doc)
        words = [k for k in range(first, end) if not table.spaces[k] and not punct_at(table, k)]
        if not words or table.pos[words[0]] != "VERB" or "Inf" not in morph_values(doc[words[0]], "VerbForm"):
            return False
        return not any(table.pos[k] in ("VERB", "AUX") and _finite(doc[k]) for k in words)

    def continue_speakers(self, found: list[_Found]) -> None:
        """Unattributed dash paragraphs take the speaker of the quote just before them, or else of
        the dash paragraph that closes their run with an attribution."""
        ranges = paragraphs(self.doc)
        offsets = token_offsets(self.doc)
        # the paragraphs in order: the last one starting at or before a character holds it
        paragraph_starts = [offsets[s] for s, _ in ranges]

        def paragraph_of(char: int) -> int:
            return max(0, bisect_right(paragraph_starts, char) - 1)

        def hands_on(q: _Found, here: int) -> bool:
            """Direct speech hands its speaker on; reported speech in the paragraph right before only
            when a named person reports it ("Staveland mener han har lært mye.\n– Og det er bra") or
            it closes that paragraph: "..., innrømmet manageren at .... Tatchell har registrert
            det.\n– ..." is the narration's, and the next voice is not the manager's."""
            if self.text[q.start : q.end].rstrip().endswith("?"):
                return False  # "– Hvor mange er dere? spør Lie.\n– Vi er 400": the answer is not his
            if q.direct:
                return True
            paragraph = paragraph_of(q.start)
            if here - paragraph != 1:
                return False
            entity = self.entities.by_name(q.speaker) if q.speaker else None
            if entity is not None and entity.type == "PER":
                return True
            last = ranges[paragraph][1] - 1
            paragraph_end = self.doc[last].idx + len(self.doc[last].text)
            return not any(c.isalnum() for c in self.text[q.end : paragraph_end])

        ordered = sorted(found, key=lambda f: f.start)
        for position, quote in enumerate(ordered):
            if not quote.continues:
                continue
            here = paragraph_of(quote.start)
            before = [q for q in ordered[:position] if q.speaker is not None or q.continues]
            if before and here - paragraph_of(before[-1].start) <= 2 and hands_on(before[-1], here):
                quote.speaker = before[-1].speaker
                continue
            # a quote opening a run of dash paragraphs whose last one names the speaker
            paragraph = here
            for later in ordered[position + 1 :]:
                if not later.direct or paragraph_of(later.start) != paragraph + 1:
                    break
                paragraph += 1
                if not later.continues:
                    quote.speaker = later.speaker
                    break

    def _colon_frame_speaker(self, ranges: list[tuple[int, int]], index: int) -> str | None:
        """ "Tatchell sier:\n– ...", "I sin biografi skriver hun:": the paragraph before the dash line
        ends with a colon after a speech verb, whose speaker says it."""
        if index == 0:
            return None
        start, end = ranges[index - 1]
        doc = self.doc
        last = end - 1
        while last > start and is_space(doc[last]):
            last -= 1
        if doc[last].text != ":":
            return None
        sent = self.sentence(last)
        verbs = [k for k in range(max(start, sent.start), last) if speech_verb_at(doc, k)
                 and not any(c.pos_ == "SCONJ" and c.i < k for c in doc[k].children)]
        if not verbs:
            return None  # "Sønnen grep ordet da faren nevnte det:": the one in the "da" clause is not it
        return self.speaker_of(doc[verbs[-1]], doc[max(start, sent.start) : last])

    def _next_sentence_speaker(self, ranges: list[tuple[int, int]], index: int) -> str | None:
        """ "– ... .\nDet sa Ola Vik til Reuters." names the speaker of the quote before it."""
        if index + 1 >= len(ranges):
            return None
        start, end = ranges[index + 1]
        doc = self.doc
        if end - start < 3 or low(doc[start]) not in ("det", "dette", "slik"):
            return None
        if not is_speech_verb(doc[start + 1]):
            return None
        verb = doc[start + 1]
        return self.speaker_of(verb, self.sentence(verb.i), prefer_after=True)

    def dashless_closing(self, found: list[_Found]) -> None:
        """ "X, sier kilden." with no dash: direct speech (si) or a reported sentence (other verbs)."""
        doc = self.doc
        speech_verbs = _speech_verb_positions(doc)
        ifolge = _word_positions(doc, "ifølge")
        taken = [(f.start, f.end) for f in found]
        sents = sorted(self.sents, key=lambda s: s.start)
        next_sent = 0
        for start, end in paragraphs(doc):
            # the sentences that start in this paragraph, in one pass over the sorted sentences
            while next_sent < len(sents) and sents[next_sent].start < start:
                next_sent += 1
            inside = []
            while next_sent < len(sents) and sents[next_sent].start < end:
                inside.append(sents[next_sent])
                next_sent += 1
            if doc[start].text in DASHES:
                continue
            segment_start = start
            for sent in inside:
                attribution = self.closing_attribution(sent.start, sent.end - 1)
                if attribution is None or attribution[0] == sent.start:
                    reporters = _within(speech_verbs, sent.start, sent.end)
                    narrated = _within(ifolge, sent.start, sent.end) or any(
                        _narrator_attribution_at(doc, k) for k in reporters)
                    if narrated:
                        segment_start = sent.end  # the reporter's own attribution ends the stretch
                    continue
                comma, verb = attribution
                if doc[comma].text != ",":
                    continue
                direct = lemma(verb) in DIRECT_SPEECH_LEMMAS or low(verb) in ("sier", "sa", "seier", "sei")
                first = segment_start if direct else sent.start
                if direct:
                    first = self._last_dash_opening(first, comma)
                if comma > start and doc[comma - 1].text in ("»", "”", '"'):
                    # «...», skriver X: the words in quotation marks, whatever the verb
                    opening = next(
                        (k for k in range(comma - 2, start - 1, -1) if doc[k].text in QUOTATION_MARKS), None
                    )
                    if opening is not None:
                        first, direct = opening, True
                else:
                    opening = None
                resumed = self._speech_resumes(verb, sent) if opening is None else None
                if resumed is not None:
                    # "Dette er ikke nok, mener Hansen, vi må gjøre mer": the attribution interrupts
                    # its own sentence, and the narration before that sentence is no part of it
                    first = max(first, sent.start)
                fronted = opening is None and self._fronted_adverbial(max(first, sent.start), comma)
                bounds = _text_bounds(doc, first, comma - 1)
                if resumed is not None and _only_openers(token_table(doc), first, comma):
                    # "Men, sier Stokke, de dubber ikke alt": the speech is the part after
                    bounds, fronted = _text_bounds(doc, resumed + 1, sent.end - 1), False
                if bounds is not None and self.text[bounds[0]] in DASHES:
                    bounds = (bounds[0] + 1, bounds[1])  # a dash glued to the first word
                segment_start = sent.end
                if bounds is None or any(s < bounds[1] and bounds[0] < e for s, e in taken):
                    continue
                # a reported sentence may name its own speaker ("Avtalen gjelder bare dersom Lie går
                # av, forklarer han"); direct speech says "jeg"
                self.about = frozenset()
                if direct:
                    self._about_bounds(*bounds)
                speaker = self.speaker_of(verb, sent, prefer_after=True)
                # "I boken ..., erkjenner han ...": the verb's own adverbial is no quote, but the
                # one who speaks may go on in the next dash line
                found.append(_Found(*bounds, speaker, direct, None if fronted else verb.i, hidden=fronted))

    def _speech_resumes(self, verb: Token, sent: Span) -> int | None:
        """The comma after an attribution that interrupts a sentence ("Men, sier Stokke, de dubber
        ikke alt"): words of speech follow it before the sentence ends."""
        table = token_table(self.doc)
        speaker = phrase_after(verb, sent)
        comma = speaker.end
        if not len(speaker) or comma + 2 >= sent.end or table.texts[comma] != ",":
            return None
        if table.lowers[comma + 1] in _AT or table.pos[comma + 1] in ("SCONJ", "CCONJ"):
            return None  # "sier Hansen, som ...", "sier hun, og legger til": the speaker's own clause
        if table.pos[comma + 1] in ("VERB", "AUX") or table.lowers[comma + 1] in ("som", "der"):
            return None
        words = [k for k in range(comma + 1, sent.end) if table.texts[k][:1].isalnum()]
        return comma if len(words) >= 2 and any(table.pos[k] in ("VERB", "AUX") for k in words) else None

    def _fronted_adverbial(self, start: int, comma: int) -> bool:
        """Whether tokens start..comma-1 before ", VERB X" are an adverbial fronted before an inverted
        main clause rather than what X says: no finite verb heads them ("I boken ..., erkjenner han",
        "På spørsmålet om ..., svarer 52 prosent Obama", "Inspirert av boken ..., skrev han"), or the
        verb heading them opens with a subjunction ("Når jentene blir eldre ..., sier moren")."""
        doc = self.doc
        tops = [t for t in doc[start:comma] if not start <= t.head.i < comma]
        tops = [t for t in tops if not is_punct(t) and not is_space(t)]
        if not tops:
            return False
        for t in tops:
            if t.pos_ in ("VERB", "AUX") and _finite(t) and "Part" not in morph_values(t, "VerbForm"):
                if not any(c.pos_ == "SCONJ" and c.i < t.i and low(c) in _OPENING_SUBJUNCTIONS
                           for c in t.children):
                    return False  # a main clause: what is said
            elif t.pos_ not in ("ADP", "SCONJ", "VERB", "AUX", "NOUN", "PRON", "ADJ", "ADV"):
                return False  # a name or a number at the top: leave it
        return True

    def _last_dash_opening(self, first: int, comma: int) -> int:
        """Where the speech closed at ``comma`` opens in a stretch of narration that still shows a dash
        before a sentence ("... fremragende eksempel på. -Jeg er stolt ..., sa hun"): after the last
        such dash; else ``first``."""
        table = token_table(self.doc)
        texts = table.texts
        for k in range(comma - 2, first, -1):
            after_sentence = texts[k - 1] in (".", "!", "?", ":") or table.spaces[k - 1]
            if texts[k] in DASHES and texts[k + 1][:1].isupper() and after_sentence:
                return k
            if texts[k][:1] in DASHES and texts[k][1:2].isupper() and after_sentence:
                return k  # "-Jeg er stolt": the dash glued to the first word
        return first

    def guillemets(self, found: list[_Found]) -> None:
        doc = self.doc
        text = self.text
        taken = [(f.start, f.end) for f in found]
        i = 0
        while (next_mark := _OPENING_MARK.search(text, i)) is not None:
            i = next_mark.start()
            closer = QUOTATION_MARKS[text[i]]
            j = text.find(closer, i + 1)
            newline = text.find("\n", i + 1)
            if j < 0 or (0 <= newline < j):
                i += 1
                continue
            inner = text[i + 1 : j].strip()
            start = i + 1 + (len(text[i + 1 : j]) - len(text[i + 1 : j].lstrip()))
            after_sentence = text[:i].rstrip()[-1:] in (",", ".", "!", "?")  # the mark closes a quotation
            i = j + 1
            if not _looks_like_speech(inner) or re.match(r"-\w", text[j + 1 : j + 3]):
                continue  # «minne på»-dager: a compound on a quoted term
            end = start + len(inner)
            if any(s <= start and end <= e for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if after_sentence and speech_verb_at(doc, span.start):
                continue  # ...," uttaler biskop X. "...: the attribution between two quotations
            verbless = not _has_verb(span)
            around = [*self.sentence(span.start), *doc[span.end : min(len(doc), span.end + 5)]]
            if self._after_term_noun(span):
                continue  # "i kategorien «voksen og etablert»": a term, nobody's words
            named = self._named_by(span)
            if len(inner.split()) == 1 and not named:
                continue  # «ekspertene»: one word in quotation marks is a term unless someone so named it
            if (len(inner.split()) <= 2 or verbless) and not named and not any(
                    is_speech_verb(t) and not span.start <= t.i < span.end for t in around):
                # «ekstrafinaler», «noen der ute», «mest traumatiske mareritt»: a term or a phrase in
                # quotation marks, not a quote
                continue
            self._about_bounds(start, end)
            speaker = self._guillemet_speaker(span)
            found.append(_Found(start, end, speaker, True, None))

    def _after_term_noun(self, span: Span) -> bool:
        """Whether a quotation follows a noun that introduces a term ("kategorien", "slagordet")."""
        table = token_table(self.doc)
        k = span.start - 1
        while k >= 0 and (table.spaces[k] or table.texts[k] in QUOTATION_MARKS):
            k -= 1
        if k < 0 or table.pos[k] != "NOUN":
            return False
        word = table.lowers[k]
        return any(base in _TERM_NOUNS or any(base[j:] in _TERM_NOUNS for j in range(3, len(base) - 2))
                   for base in _noun_bases(word))

    def _named_by(self, span: Span) -> bool:
        """Whether someone in the sentence calls something by the quoted words, in their own voice:
        "utenriksdepartementet kalte Clinton en «rar dame»", not a term in a relative clause or a
        passive ("det deltagerne kalte «vårt land»", "dyden som kalles «detachment»", "å bli kalt
        «kjæresten»") nor the writer's or anyone's ("om jeg kaller det «storhet»", "det man kaller")."""
        doc = self.doc
        lowers = token_table(doc).lowers
        sent = self.sentence(span.start)
        for t in doc[sent.start : span.start]:
            if t.lemma_.lower() not in _NAMING_VERBS or lowers[t.i].endswith("s"):
                continue
            before = lowers[max(sent.start, t.i - 3) : t.i]
            after = lowers[t.i + 1 : t.i + 2]
            if any(w in _PASSIVE_AUXILIARIES or w in _TERM_FRAMES for w in before):
                continue
            if any(w in _NOT_NAMERS for w in (*before[-1:], *after)):
                continue
            return True
        return False

    def _guillemet_speaker(self, span: Span) -> str | None:
        closing = self._closing_speech_verb(span)
        if closing is not None:
            # «...» skriver Clough: the attribution right after the closing mark names the speaker
            phrase = phrase_after(closing, self.sentence(closing.i))
            if len(phrase):
                return self._name(phrase)
        source = self._impersonal_source(span)
        if source is not None:
            return source
        sent = self.sentence(span.start)
        k = span.start - 1
        while k >= 0 and (is_space(self.doc[k]) or self.doc[k].text in QUOTATION_MARKS):
            k -= 1
        owner = self._genitive_owner(k) if k >= 0 else None
        if owner is not None:
            return owner  # "Kennedys «...»", "statsministerens «...»": the owner's words
        if k >= 0 and self.doc[k].text == ":" and k < sent.start:
            # "Hun skriver i en e-post: «...»": the frame before the colon is its own sentence
            sent = self.sentence(k)
        if k >= 0 and self.doc[k].text == ":":
            frame = self.doc[max(sent.start, k - 8) : k]
            cited = next((t for t in frame if low(t) in _CITING_FORMS), None)
            if cited is not None and len(phrase := phrase_after(cited, frame)):
                return self._name(phrase)  # "For å sitere Maktutredningen: «...»": the one cited
            verbs = [t.i for t in frame if t.pos_ in ("VERB", "AUX")]
            if not any(is_speech_verb(self.doc[v]) for v in verbs):
                # "Jens Stoltenbergs uttalelse til VG: «...»": the person of a verbless frame speaks, or
                # the owner in the verbless end of a frame ("Jeg husker Lies uttalelse: «...»")
                tail = self.doc[verbs[-1] + 1 : k] if verbs else frame
                table = token_table(self.doc)
                persons = [t for t in tail
                           if (e := self.entities.entity_for(t)) is not None and e.type == "PER"
                           and (not verbs or _owner_name_at(table, t.i))]
                if persons:
                    return self.entities.name_for(persons[0])
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and not (span.start <= t.i < span.end)]
        # a speech verb of the sentence first: "Når X legger ut bilder, får hun jenter som skriver «...»"
        speech = [t for t in verbs if is_speech_verb(t)]
        others = [t for t in verbs if t.i < span.start and t not in speech]
        if not speech and others and lemma(others[-1]) in _DESCRIBING_LEMMAS:
            # "har hun «kolossale evner»", "er han «en god mann»": the subject of the copula or of having
            # the quotation hangs on is the one described, not the one who said it
            return None
        for verb in [*speech, *others]:
            if verb.text.endswith("s") and "Pass" in morph_values(verb, "Voice"):
                return None  # "Når det hevdes at «...»": a passive names nobody
            head = verb
            subject = self._parsed_subject(head)
            while subject is None and dep(head) in ("KOORD", "conj", "INFV") and head.head.i != head.i:
                head = head.head
                subject = self._parsed_subject(head)
            if subject is not None:
                name = self._name_of_subject(subject, sent)
            else:
                phrase = self._subject_before(verb, sent) or phrase_before(verb, sent)
                if not len(phrase):
                    continue
                name = self._name(phrase)
            if name in self.about and not is_speech_verb(verb):
                return None  # «Jenny, du er så pen!» written to Jenny, not by her
            return name
        return None

    def _genitive_owner(self, k: int) -> str | None:
        """The owner named by a genitive right before a quotation's opening mark ("Kennedys «...»",
        "statsministerens «...»"): a name, or a noun for someone who can speak."""
        token = self.doc[k]
        if token.pos_ not in ("PROPN", "NOUN") or not token.text.endswith(("s", "'", "’")):
            return None
        entity = self.entities.entity_for(token)
        if entity is not None:
            # the entity layer may keep the ending of a name seen only in the genitive
            return without_genitive(entity.name) if entity.name.endswith(token.text) else entity.name
        base = without_genitive(token.text)
        if base == token.text:
            return None
        # a capitalised word opening the sentence is known as a name only by the entity layer
        opening = token.text[:1].isupper() and token.i == self.sentence(k).start
        return base if _can_speak(base.lower() if opening else base, self.entities) else None

    def _impersonal_source(self, span: Span) -> str | None:
        """ «...», heter det i en pressemelding fra Slottet; I Akademiets begrunnelse het det at «...»: the
        impersonal "heter det" names its source after "fra" (else the text after "i")."""
        doc = self.doc
        table = token_table(doc)
        k = self._after_closing_mark(span)
        if k + 2 < len(doc) and table.lowers[k] in _IMPERSONAL_VERBS and table.lowers[k + 1] == "det":
            region = range(k + 2, self.sentence(k).end)
        else:
            sent = self.sentence(span.start)
            before = range(sent.start, span.start)
            if not any(table.lowers[j] in _IMPERSONAL_VERBS and "det" in table.lowers[j - 1 : j + 2]
                       for j in before if j > 0):
                return None
            region = before
        after = [j for j in region if table.lowers[j] in ("fra", "frå", "i")]
        preferred = [j for j in after if table.lowers[j] != "i"] or after
        if not preferred:
            return None
        phrase = phrase_after(doc[preferred[0]], doc[preferred[0] : region.stop])
        return self._name(phrase) if len(phrase) else None

    def _closing_speech_verb(self, span: Span) -> Token | None:
        """A speech verb right after a quotation's closing mark (and a comma): «...» skriver X."""
        doc = self.doc
        k = self._after_closing_mark(span)
        return doc[k] if k < len(doc) and speech_verb_at(doc, k) else None

    def _after_closing_mark(self, span: Span) -> int:
        """The token after a quotation's closing mark and a comma."""
        doc = self.doc
        k = span.end
        while k < len(doc) and (doc[k].text in ("»", "”", '"', ",") or is_space(doc[k])) and k < span.end + 3:
            k += 1
        return k

    # ------------------------------------------------------------------ reported speech
    def at_clauses(self, found: list[_Found]) -> None:
        doc = self.doc
        table, speech_verbs = token_table(doc), speech_verb_flags(doc)
        positions = _reporting_positions(doc)
        for sent in self._sentences_holding(positions):
            verbs = _within(positions, sent.start, sent.end)
            # "Hvem er jeg som kan si at ...?": a question asks, it reports nothing
            rhetorical = table.lowers[sent.start] in _QUESTION_WORDS and table.texts[sent.end - 1] == "?"
            for i in verbs:
                explicit_only = not speech_verbs[i]  # "avviser at ..." reports a denial; it needs its "at"
                verb = doc[i]
                if _no_speech_sense(table, i) or rhetorical or _unsaid_infinitive(table, i):
                    continue
                if i + 1 < sent.end and table.lowers[i + 1] in _NEGATIONS:
                    continue  # "Jeg påstår ikke at ...": what is not said is not reported
                if _unsaid_view(table, i, sent.start):
                    continue  # "vil han trolig mene at", "kan vi si at": a guess or the writer's view
                clause_start = self._reported_clause_start(verb, sent, explicit_only)
                if clause_start is None:
                    continue
                bounds = _text_bounds(doc, clause_start, self._clause_end(clause_start, sent) - 1)
                if bounds is None:
                    continue
                if any(f.attribution == verb.i for f in found):
                    continue
                subject = self._parsed_subject(verb)
                if (subject is not None and subject.pos_ == "NOUN" and subject.i < verb.i
                        and (subject.text.islower() or subject.i == sent.start)
                        and (subject.i == 0 or doc[subject.i - 1].pos_ != "PROPN")  # "NHO Transport"
                        and self.entities.entity_for(subject) is None and _thing_noun(low(subject))):
                    continue  # "Historien forteller at ...", "Tallene viser at ...": no one's words
                self._about_bounds(*bounds)
                speaker = self.speaker_of(verb, sent)
                found.append(_Found(*bounds, speaker, False, verb.i))

    def _clause_end(self, start: int, sent: Span) -> int:
        """A reported clause runs to the end of its sentence, or to a closing ", sier X", or, when
        the sentence opens with a subordinate clause, to the comma before the main clause's verb
        ("Når Riksrevisjonen skriver at X, betyr det at ...")."""
        attribution = self.closing_attribution(start, sent.end - 1)
        end = attribution[0] if attribution is not None else sent.end
        doc = self.doc
        table = token_table(doc)
        texts = table.texts
        for k in range(start, end - 1):
            if texts[k] in (".", "!", "?") and (texts[k + 1] == "(" or texts[k + 1] in DASHES):
                return k  # "... 117 000. (Presidenten klubber.) – Kan jeg": a missed sentence end
        if table.lowers[sent.start] in _OPENING_SUBJUNCTIONS:
            for k in range(start, end - 1):
                if texts[k] == "," and table.pos[k + 1] in ("VERB", "AUX") and _finite(doc[k + 1]):
                    return k
        return end

    def _reported_clause_start(self, verb: Token, sent: Span, explicit_only: bool = False) -> int | None:
        """First token of the clause a speech verb reports: after "at", or an at-less clause."""
        doc = self.doc
        table = token_table(doc)  # read per token index: no Token objects in these loops
        texts, lowers, pos = table.texts, table.lowers, table.pos
        speech_verbs = speech_verb_flags(doc)
        v, sent_end = verb.i, sent.end
        i = v + 1
        # skip the subject and companions of an inverted verb and "til NTB", "overfor X", "også"
        limit = min(sent_end, v + 14)
        while i < limit:
            word = lowers[i]
            if word in _AT:
                if lowers[i - 1] in _AT_SUBJUNCTIONS:
                    break  # "uttalte seg etter at dommen falt": a time or a manner, not what is said
                return i + 1 if i + 1 < sent_end else None
            if texts[i] in (",", ".", ":", ";", "?", "!", "–") or word in _CLAUSE_BREAKS:
                break
            if speech_verbs[i] and i > v + 1:
                break
            if pos[i] in ("VERB", "AUX") and i > v + 1 and _finite(doc[i]):
                break  # "erkjenner retten og har respekt for at ...": the at-clause of another verb
            i += 1
        if explicit_only:
            return None
        # at-less object clause: "mener byrådet har gjort ...", "sa hun var glad"
        j = v + 1
        while j < sent_end and lowers[j] in _SKIP_AFTER_VERB:
            j += 1
        if j >= sent_end or lowers[j] in _TEMPORAL:
            return None
        if "ADP" in pos[v + 1:j]:
            return None  # "begynte å peke på busser som kjørte forbi": the object of a preposition
        if not self._subject_follows(verb, sent) and self._starts_clause(j, sent):
            return j
        return None

    def _starts_clause(self, j: int, sent: Span) -> bool:
        """A subject (pronoun or short noun phrase) at j followed closely by a finite verb."""
        doc = self.doc
        first = doc[j]
        table = token_table(doc)
        if any(table.lowers[k] in _QUESTION_WORDS for k in range(j, min(sent.end, j + 3))):
            return False  # "vil ikke si hva som ble sagt": an indirect question reports nothing
        if low(first) in ("som", "der", "hvor", "kor"):
            return False  # "delvis bekreftet som det allerede er": a relative clause, no report
        nominal = first.pos_ in ("PRON", "NOUN", "PROPN", "DET", "ADJ", "NUM")
        if not nominal and low(first) not in _NOMINATIVE_PRONOUNS:
            return False
        if dep(first) in ("DOBJ", "obj") and first.head.i < j and is_speech_verb(first.head):
            return False  # the speech verb's own object ("avviser kritikken og sier ...")
        for k in range(j + 1, min(sent.end, j + 5)):
            if table.pos[k] in ("VERB", "AUX"):
                return _finite(doc[k])
            if punct_at(table, k) or table.pos[k] in ("CCONJ", "SCONJ"):
                return False
        return False

    def ifolge(self, found: list[_Found]) -> None:
        """ "Ifølge X er ..." and "..., ifølge X." report what X says."""
        doc = self.doc
        positions = _word_positions(doc, "ifølge")
        if not positions:
            return
        for sent in self.sents:
            for i in _within(positions, sent.start, sent.end):
                token = doc[i]
                phrase = phrase_after(token, sent)
                if len(phrase) == 0:
                    continue
                # "Ifølge Betty og Alfs sønn Edward": the person after the relation noun
                speaker = self._titled_person_after(token) or self.referents.name(phrase)
                if token.i == sent.start:
                    bounds = _text_bounds(doc, phrase.end, sent.end - 1)
                elif doc[token.i - 1].text == ",":
                    bounds = _text_bounds(doc, sent.start, token.i - 2)
                else:
                    continue
                if bounds is None:
                    continue
                named = phrase[-1].pos_ in ("NOUN", "PROPN") and not is_document_noun(phrase[-1].text)
                found.append(_Found(*bounds, speaker, False, token.i, named_source=named))

    # ------------------------------------------------------------------ all together
    def find(self) -> list[_Found]:
        found: list[_Found] = []
        self.dash_paragraphs(found)
        self.dashless_closing(found)
        self.guillemets(found)
        self.at_clauses(found)
        self.ifolge(found)
        found = _without_nested(found)  # speech reported inside a quote hands no speaker on
        _inherit_reported_speakers(found, self.entities)
        self.continue_speakers(found)
        return [f for f in found if not f.hidden]


def _unsaid_infinitive(table: TokenTable, i: int) -> bool:
    """ "det er ikke nok å si at", "vanskelig for å hevde at", "mot nok til å si at": an infinitive of
    a speech verb after an adjective, an adverb, "for" or "til" speaks of saying, it reports none
    ("ved å si at", "begynte å fortelle at" do)."""
    if i < 2 or table.lowers[i - 1] != "å":
        return False
    return table.pos[i - 2] in ("ADJ", "ADV") or table.lowers[i - 2] in ("for", "til", "nektet", "nekta")


def _owner_name_at(table: TokenTable, k: int) -> bool:
    """Whether the name ending at k owns what follows: a genitive ("Hansens advokat") or the first of
    a pair of owners ("Per og Annes sønn": "og" and a capitalised genitive follow it)."""
    texts = table.texts
    if texts[k].endswith("s") and k + 1 < len(texts) and texts[k + 1].islower():
        return True
    if k + 2 >= len(texts) or table.lowers[k + 1] != "og" or not texts[k + 2][:1].isupper():
        return False
    return any(texts[j].endswith("s") for j in range(k + 2, min(len(texts), k + 5)))


def _only_openers(table: TokenTable, start: int, end: int) -> bool:
    """Whether tokens start..end-1 hold at most a conjunction or sentence adverb ("Men", "Og så")."""
    words = [k for k in range(start, end) if table.texts[k][:1].isalnum()]
    return len(words) <= 2 and all(table.lowers[k] in _NOT_SPEAKER_OPENERS for k in words)


def _unsaid_view(table: TokenTable, i: int, sentence_start: int) -> bool:
    """Whether the speech verb at i voices a view nobody has said: that of anyone ("Muligens mener man
    at", "Ein kan seie at"), the writer's or a reader's under a modal ("Grovt sett kan vi si at", "Du
    vil kanskje hevde at"), a guess about what someone would say ("Om ti år vil han trolig mene
    at"), what someone will not say ("Hun kan derfor ikke love at") or might ("hvis mange rapporterer
    at"). Read from the words of the verb's clause before it."""
    window = []
    lowers = table.lowers
    for k in range(i - 1, max(sentence_start, i - 7) - 1, -1):
        if lowers[k] in _CONDITIONALS and (lowers[k] != "om" or table.pos[k] == "SCONJ"):
            return True  # "hvis mange nok rapporterer at": a condition, nobody has said it ("en tale om
            # hvorfor han mener" is a preposition's)
        if punct_at(table, k) or table.pos[k] == "SCONJ" or lowers[k] == "som":
            break  # the verb's own clause only, not a relative clause's antecedent
        window.append(k)
    generic_after = i + 2 < len(lowers) and lowers[i + 1] in _GENERIC_SUBJECTS and lowers[i + 2] in _AT
    if generic_after or any(lowers[k] in _GENERIC_SUBJECTS for k in window):
        return True  # "Muligens mener man at", not "mener man ikke bør" (the reported clause's own)
    modals = [k for k in window if lowers[k] in _MODAL_FORMS]
    if not modals:
        return False
    if any(lowers[k] in _HEDGES or lowers[k] in _NEGATIONS for k in window):
        return True
    # the writer's view ("kan vi si", "Du vil hevde"): the pronoun next to the modal, not the article of
    # "ein talsmann", and a verb of saying or opinion ("Jeg kan meddele at" announces)
    return table.lemmas[i] in _VIEW_LEMMAS and any(
        lowers[j] in _WRITER_SUBJECTS and table.pos[j] == "PRON" for k in modals for j in (k - 1, k + 1)
        if sentence_start <= j < len(lowers))


# "hvis", "dersom", "om": the clause is a condition or an indirect question
_CONDITIONALS = frozenset({"hvis", "dersom", "viss", "om"})
# "man", "ein": anyone; a view held by anyone is no report of what someone said
_GENERIC_SUBJECTS = frozenset({"man"})
# The writer and the reader: "kan vi si", "du vil kanskje hevde"
_WRITER_SUBJECTS = frozenset({"vi", "me", "du", "ein", "man", "jeg", "eg"})
# Verbs of saying or of opinion, whose modal form with the writer as subject voices the writer's view
_VIEW_LEMMAS = frozenset({"si", "seie", "sei", "påstå", "hevde", "mene", "meine", "nevne", "konstatere",
                          "fastslå", "slå"})
_MODAL_FORMS = frozenset({"vil", "ville", "kan", "kunne", "skal", "skulle", "må", "måtte", "bør", "burde",
                          "kjem", "kommer"})
_HEDGES = frozenset({"trolig", "truleg", "sannsynligvis", "sannsynlegvis", "kanskje", "antakelig",
                     "antakeleg", "muligens", "moglegvis", "neppe", "sikkert", "nok", "vel"})


def _idiom_si(table: TokenTable, i: int) -> bool:
    """ "så å si" (so to speak), "det vil si" (that is): "si" in a fixed phrase reports nothing."""
    lowers = table.lowers
    if table.lemmas[i] not in DIRECT_SPEECH_LEMMAS or i < 2:
        return False
    return (lowers[i - 2], lowers[i - 1]) in (("så", "å"), ("det", "vil"), ("dette", "vil"), ("so", "å"))


def _no_speech_sense(table: TokenTable, i: int) -> bool:
    """A speech verb in a sense that reports no one's words: "har vist seg at", "viste seg å" (turned
    out)."""
    lowers = table.lowers
    return i + 1 < len(lowers) and lowers[i + 1] == "seg" and table.lemmas[i] in _REFLEXIVE_NOT_SPEECH


# Speech verbs that with "seg" mean something else: "vise seg", "syne seg" (turn out).
_REFLEXIVE_NOT_SPEECH = frozenset({"vise", "syne"})


def _denial_verb(token: Token) -> bool:
    """ "avviser at", "benekter at": a denial reports what someone says is not so."""
    return _denial_verb_at(token_table(token.doc), token.i)


def _denial_verb_at(table: TokenTable, i: int) -> bool:
    if table.pos[i] not in ("VERB", ""):
        return False
    denial = _denial_verbs()  # asked for every verb of a Doc: no set built per question
    return table.lemmas[i] in denial or not denial.isdisjoint(verb_forms(table.lowers[i]))


@lru_cache(maxsize=1)
def _denial_verbs() -> frozenset[str]:
    return frozenset(_lexicon().negating_verbs() & {"avvise", "avkrefte", "benekte", "tilbakevise"})


def _narrator_attribution(token: Token) -> bool:
    """A present-tense speech verb: the reporter attributing ("bekrefter", "sier"), not speech
    reported inside a quote ("har fortalt at")."""
    return _narrator_attribution_at(token.doc, token.i)


def _narrator_attribution_at(doc: Doc, i: int) -> bool:
    return speech_verb_at(doc, i) and "Pres" in morph_values(doc[i], "Tense")


def _finite(token: Token) -> bool:
    form = morph_values(token, "VerbForm")
    if form:
        return "Fin" in form
    tense = morph_values(token, "Tense")
    if tense:
        return True
    tag = token.tag_.lower()
    if tag:
        return "pres" in tag or "pret" in tag
    return True


def _looks_like_speech(inner: str) -> bool:
    """Guillemets hold names and titles too («Queen Elisabeth 2»); speech starts lower-case or is long."""
    words = inner.split()
    if not words:
        return False
    if words[0][:1].islower():
        return True
    return len(words) >= 5 and inner[-1:] in ".!?" or len(words) >= 8


def _without_nested(found: list[_Found]) -> list[_Found]:
    """Drop reported speech that starts inside a direct quote (nested speech), and exact duplicates."""
    result: list[_Found] = []
    direct = [f for f in found if f.direct]
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if (f.start, f.end) in seen:
            continue
        if not f.direct and any(d.start <= f.start < d.end and d is not f for d in direct):
            continue
        seen.add((f.start, f.end))
        result.append(f)
    return result


def _inherit_reported_speakers(found: list[_Found], entities: EntityIndex) -> None:
    """ "Han sa at det er «noe for tidlig» å snakke om det": words in quotation marks inside reported
    speech, with no speaker of their own, are the reporter's speaker's."""
    reported = [f for f in found if not f.direct and f.speaker is not None]
    for quote in found:
        if quote.direct and not _speaker_named(quote.speaker, entities):
            around = next((r for r in reported if r.start <= quote.start and quote.end <= r.end), None)
            if around is not None:
                quote.speaker = around.speaker


def _whole_speech(doc: Doc, text: str, found: _Found) -> bool:
    """Whether a quote is a whole piece of speech rather than a piece of a broken line or a label:
    its line goes on after it (a closing mark, full stop or attribution), a dash line does not open
    in lower case ("– formue mer for private formål"), and a direct quote has a verb ("Harald Hove,
    skolebyråd i Bergen", "«Udødeligheten» av Milan Kundera" are a byline and a title)."""
    line_end = text.find("\n", found.end)
    rest = text[found.end : len(text) if line_end < 0 else line_end]
    if not rest.strip():
        return False  # "- Det var en blemme. Men vi trenger" and the line breaks off
    if rest.strip() in (",", ";") and not _attribution_opens_line(doc, line_end + 1):
        return False  # "– Dersom vi hadde hatt dem hele sesongen,\nså tror jeg ...": the line breaks off
    line_start = text.rfind("\n", 0, found.start) + 1
    opening = text[line_start : found.start].strip()
    if (not opening or opening in DASHES) and text[found.start : found.start + 1].islower():
        return False  # "– formue mer for private formål", "en medalje fra en av dem, avsluttet han"
    first_word = text[found.start : found.end].split(maxsplit=1)[0].lower() if found.end > found.start else ""
    closed_by_attribution = not found.direct and rest.lstrip().startswith(",")
    if (not opening or closed_by_attribution) and first_word in _SUBJUNCTIONS and "," not in text[
            found.start : found.end]:
        return False  # "Da han kom inn, ropte verten": the speech verb's adverbial clause, no speech
    if not found.direct:
        # "Når journalister, engasjert i helse, spør X": a piece of a clause without a verb
        table = token_table(doc)
        offsets = token_offsets(doc)
        tokens = range(max(0, bisect_left(offsets, found.start) - 1), bisect_left(offsets, found.end))
        return any(table.pos[k] in ("VERB", "AUX", "") for k in tokens)
    if opening.strip("".join(DASHES) + "".join(QUOTATION_MARKS) + " "):
        return True  # inside running text: «rar dame» after a naming verb is a quoted phrase
    if opening and found.attribution is not None:
        return True  # "– Helt utrolig, sier hun": an attributed dash line is speech
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    return span is None or _has_verb(span)


def _after_label(doc: Doc, text: str, start: int, end: int) -> int:
    """Where a quote starts once a caption label that opens its line is left out ("Overflødig: Personlig
    vil jeg ..."): one to three words without a verb before a colon and a capitalised sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip("".join(DASHES) + "".join(QUOTATION_MARKS) + " "):
        return start
    colon = text.find(":", start, min(end, start + 40))
    rest = text[colon + 1 : end].lstrip() if colon >= 0 else ""
    if not rest[:1].isupper() or not 1 <= len(text[start:colon].split()) <= 3:
        return start
    table = token_table(doc)
    offsets = token_offsets(doc)
    label = range(bisect_left(offsets, start), bisect_left(offsets, colon))
    if any(table.pos[k] in ("VERB", "AUX", "") for k in label):
        return start  # "Han sa: Vi kommer": a frame, not a label
    return end - len(rest)


def _attribution_opens_line(doc: Doc, char: int) -> bool:
    """Whether the line from character ``char`` opens with a speech verb ("sier Kari Lie."), so a
    quote that ends the line before it with a comma is whole."""
    table = token_table(doc)
    i = bisect_left(token_offsets(doc), char)
    while i < len(table.spaces) and table.spaces[i]:
        i += 1
    return i < len(table.spaces) and speech_verb_at(doc, i)


def _has_verb(span: Span) -> bool:
    """Whether a span holds a verb; a span the tagger left untagged is given the benefit of the doubt."""
    return any(t.pos_ in ("VERB", "AUX", "") for t in span)


def find_quotes(doc: Doc, article: Article, entities: EntityIndex,
                referents: Referents | None = None) -> list[Quote]:
    """Quotes of an article's Doc with absolute spans and resolved speakers."""
    offset = article.span[0]
    quotes = []
    finder = QuoteFinder(doc, entities, referents)
    for f in finder.find():
        if not _whole_speech(doc, finder.text, f):
            continue
        f.start = _after_label(doc, finder.text, f.start, f.end)
        text = finder.text[f.start : f.end]
        span = (f.start + offset, f.end + offset)
        speaker = _clean_speaker(f.speaker)
        if not f.named_source and not _speaker_named(speaker, entities):
            speaker = None  # "nye melodier", "det meg", "40 prosent": no one who speaks
        quotes.append(Quote(text=text, speaker=speaker, direct=f.direct, span=span))
    return quotes


# Nouns of frequency and time that stand between an auxiliary and its participle as adverbials.
_FREQUENCY_NOUNS = frozenset({"gang", "ganger", "gong", "gonger", "år", "dag", "dager", "uke", "uker",
                              "veke"})
# Verbs whose subject a quotation describes: "har hun «...»", "ble han «...»"
_DESCRIBING_LEMMAS = frozenset({"være", "vere", "ha", "bli", "verte", "eie"})
# "For å sitere X:", "Eg siterer X:": the one cited says the quotation after the colon
_CITING_FORMS = frozenset({"sitere", "siterer", "siterte", "sitera", "siterar"})
# "«...», heter det i en pressemelding fra X": an impersonal verb that names its source after it
_IMPERSONAL_VERBS = frozenset({"heter", "het", "heiter", "heitte"})
# Verbs that quote what someone called something: "kalte henne en «rar dame»".
_NAMING_VERBS = word_set("naming_verbs")
_PASSIVE_AUXILIARIES = frozenset({"bli", "blir", "ble", "blitt", "blei", "vert", "vart", "vorte", "verte"})
# "det de kaller", "som han kaller", "hva vi kaller": the quoted words name a term of the sentence
_TERM_FRAMES = frozenset({"det", "som", "hva", "kva"})
# the writer or anyone, naming in general: "om jeg kaller det", "det man kaller"
_NOT_NAMERS = frozenset({"jeg", "eg", "vi", "me", "man", "ein", "du"})
# Words that open a clause or qualify it; a speaker phrase never starts with one ("Men jeg", "Trolig").
_NOT_SPEAKER_OPENERS = frozenset({"men", "og", "så", "da", "trolig", "kanskje", "nok", "derfor", "likevel",
                                  "også", "bare", "ikke", "ikkje", "dessuten", "altså", "jo", "vel"})
_TRAILING_ADVERBS = frozenset({"igjen", "også", "nå", "videre", "da", "bare", "klart", "fra", "selv",
                               "derfor", "likevel", "så", "der", "her", "òg", "no", "att"})
_FIRST_PERSON_WORDS = frozenset({"jeg", "eg", "vi", "me"})
_NEVER_SPEAKER_STARTS = frozenset({"som", "at", "der", "i", "på", "til", "ved", "med", "om", "etter", "før",
                                   "under", "fra", "frå", "av"})


def _clean_speaker(speaker: str | None) -> str | None:
    """A speaker phrase without a leading conjunction or sentence adverb; None when nothing nominal is
    left or only a first-person pronoun (the writer, not a named source)."""
    if speaker is None:
        return None
    words = speaker.split()
    while words and words[0].lower() in _NOT_SPEAKER_OPENERS:
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in _FIRST_PERSON_WORDS):
        return None
    if words[0].lower() in _NEVER_SPEAKER_STARTS:
        return None  # "som i aksjemarkedets tørkeår ...": a clause, not a speaker
    while len(words) > 1 and words[-1].lower() in _TRAILING_ADVERBS:
        words = words[:-1]  # "manageren igjen", "statsministeren klart fra": the manner, not who
    return " ".join(words) if len(words) != len(speaker.split()) else speaker


# Endings of nouns for people in the definite form or by age: "manageren", "24-åringen",
# "meteorologen", "journalisten".
_PERSON_ENDINGS = ("eren", "erne", "åring", "åringen", "åringer", "log", "logen", "loger", "logene", "ist",
                   "isten", "istene", "iere", "ieren", "ierne")
_PERSON_NOUNS = word_set("speaker_person_nouns")
_TEXT_NOUNS = word_set("speaker_text_nouns")
_TERM_NOUNS = word_set("term_nouns")
_GROUP_SPEAKERS = frozenset({"mange", "alle", "andre", "flere", "samtlige", "begge", "noen", "ingen"})
_PRONOUN_SPEAKERS = frozenset({*PERSONAL_PRONOUNS, *_GROUP_SPEAKERS})


def _speaker_named(speaker: str | None, entities: EntityIndex) -> bool:
    """Whether a speaker phrase, once cleaned, names someone who can speak."""
    cleaned = _clean_speaker(speaker)
    return cleaned is not None and _can_speak(cleaned, entities)


def _can_speak(speaker: str, entities: EntityIndex) -> bool:
    """Whether a speaker phrase can name someone who speaks or writes: a name, a pronoun, a person,
    group, institution or document noun ("kilden", "manageren", "rapporten", "mange")."""
    words = speaker.split()
    if entities.by_name(speaker) is not None or len(words) == 1 and words[0].lower() in PERSONAL_PRONOUNS:
        return True
    words = [w.strip("()") for w in words if w.strip("()")]
    if len(words) > 1 and words[0].lower() in ("de", "dei") and words[1].islower():
        if len(words) == 2 and words[1].endswith("e"):
            return True  # "De rødgrønne", "dei unge": people named by a plural adjective
        words = words[1:]  # "de fleste analytikere": the article of a noun phrase
    if not words:
        return False
    first = words[0].lower()
    if first in _GROUP_SPEAKERS | {"fleste", "enkelte"} and (len(words) == 1 or words[1].islower()):
        return True  # "alle som uttaler seg", "mange av dem", "de fleste", "enkelte"
    clause_word = first in {*PERSONAL_PRONOUNS, *_FIRST_PERSON_WORDS, "for", "mot", "er"}
    if clause_word or first == "det" and len(words) <= 2:
        return False  # "det meg", "vi vel kort", "For å": pieces of a clause
    for raw in words:  # "en talsmann for rederiet", "CNNs prognoser", "manageren"
        word = raw.strip('"«»,.()')
        if not word:
            continue
        if word[:1].isupper():
            return True
        if word.lower() in _GROUP_SPEAKERS and len(words) == 1:
            return True
        lowered = word.lower()
        if (is_agent_noun(lowered) or is_document_noun(lowered) or lowered.endswith(_PERSON_ENDINGS)
                or _is_person_noun(lowered)):
            return True
    return False


def _thing_noun(word: str) -> bool:
    """Whether a lower-case noun names a thing: a dictionary noun that is no person, group,
    institution or text ("tallene", "historien"; not "kjennelsen", "lillebroren", "politiet")."""
    if not _common_noun(word) or is_agent_noun(word) or is_document_noun(word) or _is_person_noun(word):
        return False
    if word.endswith(_PERSON_ENDINGS):
        return False
    return not any(base in _TEXT_NOUNS or any(base[k:] in _TEXT_NOUNS for k in range(3, len(base) - 2))
                   for base in _noun_bases(word))


@lru_cache(maxsize=1 << 14)
def _common_noun(word: str) -> bool:
    """Whether a lower-cased word is a noun form of the bokmål dictionary ("tallene", "historien")."""
    return full_forms().has(word, "noun")


def _is_person_noun(word: str) -> bool:
    """A noun for a person of ``speaker_person_nouns.txt``, by its base form or its last part
    ("lillebroren", "stamkunden", "dansken")."""
    heads = _PERSON_NOUNS
    for base in _noun_bases(word):
        if base in heads or any(base[k:] in heads for k in range(3, len(base) - 2)):
            return True
    return False


def _noun_bases(word: str) -> tuple[str, ...]:
    """A noun form and its guessed base forms without a definite or plural ending."""
    bases = [word]
    for ending in ("ene", "ane", "en", "et", "er", "ar", "a", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            bases.extend((stem, stem + "e"))  # "pressen" -> "presse", "personalet" -> "personale"
            if len(stem) > 3 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # "medlemmer" -> "medlem"
    return tuple(bases)

