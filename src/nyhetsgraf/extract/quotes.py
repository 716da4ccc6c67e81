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

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.entities import EntityIndex, Referents, phrase_after, phrase_before
from nyhetsgraf.extract.syntax import (
    DASHES,
    SUBJECT_DEPS,
    dep,
    is_punct,
    is_space,
    lemma,
    low,
    paragraphs,
    sentences,
)
from nyhetsgraf.records import Article, Quote

# Verbs that turn a dashless closing attribution into direct speech; the others report.
DIRECT_SPEECH_LEMMAS = {"si", "seie", "sei"}
_GUILLEMETS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_AT = {"at"}
_SKIP_AFTER_VERB = {"også", "imidlertid", "derimot", "nå", "videre", "likevel", "selv", "dessuten",
                    "blant", "annet", "tidligere", "samtidig", "på", "sin", "side"}
_TEMPORAL = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "i", "dag", "går",
             "morgen", "kveld", "ettermiddag", "formiddag", "natt", "helgen", "helga"}
_NOMINATIVE_PRONOUNS = {"han", "hun", "ho", "de", "dei", "det", "den", "vi", "me", "jeg", "eg", "dette",
                        "man", "du", "dere", "ingen", "alle", "noen", "flere", "mange"}
_TRAILING = (",", ":", ";", "»", "”", '"', "–", "-", ".")
_EXPLETIVE = {"det", "dette", "slik", "så"}


@lru_cache(maxsize=1)
def _lexicon():  # the lexicon module is loaded once; its data files are read lazily there
    from nyhetsgraf.extract import lexicon

    return lexicon


def is_speech_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX", ""):
        return False
    verbs = _lexicon().speech_verbs()
    return verbs.is_speech(lemma(token)) or verbs.is_speech(low(token))


def gender_of(first_name: str) -> str | None:
    return _lexicon().name_gender(first_name)


@dataclass(slots=True)
class _Found:
    start: int  # doc character offsets
    end: int
    speaker: str | None
    direct: bool
    attribution: int | None  # token index of the speech verb, when there is one


def _text_bounds(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character bounds of tokens first..last (inclusive) without dashes, quote marks and final punct."""
    while first <= last and (doc[first].text in DASHES or doc[first].text in _GUILLEMETS
                             or is_space(doc[first]) or doc[first].text in ("»", "”")):
        first += 1
    while last >= first and (doc[last].text in _TRAILING or is_space(doc[last])):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


class QuoteFinder:
    def __init__(self, doc: Doc, entities: EntityIndex) -> None:
        self.doc = doc
        self.entities = entities
        self.referents = Referents(doc, entities, gender_of)
        self.sents = sentences(doc)

    # ------------------------------------------------------------------ helpers
    def sentence(self, i: int) -> Span:
        for sent in self.sents:
            if sent.start <= i < sent.end:
                return sent
        return self.doc[:]

    def speaker_of(self, verb: Token, clause: Span, prefer_after: bool | None = None) -> str | None:
        """Speaker of a speech verb: its parsed subject, else the phrase after or before it."""
        subject = self._parsed_subject(verb)
        if subject is not None:
            return self._name_of_subject(subject, clause)
        after = self._subject_follows(verb, clause) if prefer_after is None else prefer_after
        phrase = phrase_after(verb, clause) if after else phrase_before(verb, clause)
        if len(phrase) == 0:
            phrase = phrase_before(verb, clause) if after else phrase_after(verb, clause)
        return self.referents.name(phrase) if len(phrase) else None

    def _parsed_subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if dep(child) in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"):
                return child
        return None

    def _name_of_subject(self, subject: Token, clause: Span) -> str | None:
        if low(subject) in ("han", "hun", "ho", "de", "dei"):
            return self.referents.pronoun(subject, subject.i)
        entity = self.entities.entity_for(subject)
        if entity is not None:
            return entity.name
        left = min(t.i for t in subject.subtree)
        right = max(t.i for t in subject.subtree) + 1
        left = max(left, clause.start)
        right = min(right, clause.end)
        return self.referents.name(self.doc[left:right])

    def _subject_follows(self, verb: Token, clause: Span) -> bool:
        """Whether the subject comes after the verb (V2 inversion, or a closing attribution)."""
        before = [t for t in self.doc[clause.start:verb.i] if not is_space(t)]
        if not before:
            return True
        last = before[-1]
        if last.text in (",", "–", "—", "-") or last.text in ("»", "”", '"'):
            return True
        first = before[0]
        if len(before) == 1 and low(first) in _EXPLETIVE:
            return True
        return first.pos_ in ("ADV", "ADP", "SCONJ") or low(first) in ("samtidig", "ifølge", "i", "på") \
            or low(first) in _TEMPORAL

    # ------------------------------------------------------------------ direct speech
    def closing_attribution(self, first: int, last: int) -> tuple[int, Token] | None:
        """The first ", VERB speaker" closing a quote in tokens first..last: (comma index, verb)."""
        doc = self.doc
        for i in range(first, last):
            if doc[i].text not in (",", "?", "!") and not (doc[i].text in DASHES and i > first):
                continue
            j = i + 1
            if j > last:
                break
            verb = doc[j]
            if not is_speech_verb(verb):
                continue
            # the attribution's own sentence must end soon: "sier hun til NTB."
            sent = self.sentence(j)
            if sent.end - j > 18:
                continue
            return i, verb
        return None

    def dash_paragraphs(self, found: list[_Found]) -> None:
        doc = self.doc
        previous_speaker: str | None = None
        previous_end = -1
        ranges = paragraphs(doc)
        for index, (start, end) in enumerate(ranges):
            first = start
            if doc[first].text not in DASHES:
                continue
            attribution = self.closing_attribution(first + 1, end - 1)
            if attribution is not None:
                comma, verb = attribution
                bounds = _text_bounds(doc, first, comma - 1 if doc[comma].text == "," else comma)
                if bounds is None:
                    continue
                speaker = self.speaker_of(verb, self.sentence(verb.i), prefer_after=True)
                found.append(_Found(*bounds, speaker, True, verb.i))
                previous_speaker, previous_end = speaker, index
                continue
            bounds = _text_bounds(doc, first, end - 1)
            if bounds is None:
                continue
            text = doc.text[bounds[0]:bounds[1]]
            speaker = self._next_sentence_speaker(ranges, index)
            if speaker is None and text.rstrip().endswith("?"):
                speaker = None  # an interviewer's question
            elif speaker is None and previous_end >= 0 and index - previous_end <= 2:
                speaker = previous_speaker
            found.append(_Found(*bounds, speaker, True, None))
            if speaker is not None:
                previous_speaker, previous_end = speaker, index

    def _next_sentence_speaker(self, ranges: list[tuple[int, int]], index: int) -> str | None:
        """ "– ... .\nDet sa Camila Vallejo til Reuters." names the speaker of the quote before it."""
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
        taken = [(f.start, f.end) for f in found]
        for start, end in paragraphs(doc):
            if doc[start].text in DASHES:
                continue
            segment_start = start
            for sent in [s for s in self.sents if start <= s.start < end]:
                attribution = self.closing_attribution(sent.start, sent.end - 1)
                if attribution is None or attribution[0] == sent.start:
                    continue
                comma, verb = attribution
                if doc[comma].text != ",":
                    continue
                direct = lemma(verb) in DIRECT_SPEECH_LEMMAS or low(verb) in ("sier", "sa", "seier", "sei")
                first = segment_start if direct else sent.start
                bounds = _text_bounds(doc, first, comma - 1)
                segment_start = sent.end
                if bounds is None or any(s < bounds[1] and bounds[0] < e for s, e in taken):
                    continue
                speaker = self.speaker_of(verb, sent, prefer_after=True)
                found.append(_Found(*bounds, speaker, direct, verb.i))
            # a sentence holding another quote's attribution ends the stretch a quote may start from

    def guillemets(self, found: list[_Found]) -> None:
        doc = self.doc
        text = doc.text
        taken = [(f.start, f.end) for f in found]
        i = 0
        while i < len(text):
            opener = text[i]
            closer = _GUILLEMETS.get(opener)
            if closer is None:
                i += 1
                continue
            j = text.find(closer, i + 1)
            newline = text.find("\n", i + 1)
            if j < 0 or (0 <= newline < j):
                i += 1
                continue
            inner = text[i + 1:j].strip()
            start = i + 1 + (len(text[i + 1:j]) - len(text[i + 1:j].lstrip()))
            i = j + 1
            if not _looks_like_speech(inner):
                continue
            end = start + len(inner)
            if any(s <= start and end <= e for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            speaker = self._guillemet_speaker(span)
            found.append(_Found(start, end, speaker, True, None))

    def _guillemet_speaker(self, span: Span) -> str | None:
        sent = self.sentence(span.start)
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and not (span.start <= t.i < span.end)]
        for verb in verbs:
            if is_speech_verb(verb) or verb.i < span.start:
                head = verb
                subject = self._parsed_subject(head)
                while subject is None and dep(head) in ("KOORD", "conj", "INFV") and head.head is not head:
                    head = head.head
                    subject = self._parsed_subject(head)
                if subject is not None:
                    return self._name_of_subject(subject, sent)
                phrase = phrase_before(verb, sent)
                if len(phrase):
                    return self.referents.name(phrase)
        return None

    # ------------------------------------------------------------------ reported speech
    def at_clauses(self, found: list[_Found]) -> None:
        doc = self.doc
        for sent in self.sents:
            for verb in sent:
                if not is_speech_verb(verb):
                    continue
                clause_start = self._reported_clause_start(verb, sent)
                if clause_start is None:
                    continue
                bounds = _text_bounds(doc, clause_start, sent.end - 1)
                if bounds is None:
                    continue
                if any(f.attribution == verb.i for f in found):
                    continue
                speaker = self.speaker_of(verb, sent)
                found.append(_Found(*bounds, speaker, False, verb.i))

    def _reported_clause_start(self, verb: Token, sent: Span) -> int | None:
        """First token of the clause a speech verb reports: after "at", or an at-less clause."""
        doc = self.doc
        i = verb.i + 1
        # skip the subject and companions of an inverted verb and "til NTB", "overfor X", "også"
        limit = min(sent.end, verb.i + 14)
        while i < limit:
            t = doc[i]
            if low(t) in _AT:
                return i + 1 if i + 1 < sent.end else None
            if t.text in (",", ".", ":", ";", "?", "!", "–"):
                break
            if t.pos_ in ("VERB", "AUX") and i > verb.i + 1:
                break
            i += 1
        # at-less object clause: "mener byrådet har gjort ...", "sa hun var glad"
        j = verb.i + 1
        while j < sent.end and low(doc[j]) in _SKIP_AFTER_VERB:
            j += 1
        if j >= sent.end or low(doc[j]) in _TEMPORAL:
            return None
        if not self._subject_follows(verb, sent) and self._starts_clause(j, sent):
            return j
        return None

    def _starts_clause(self, j: int, sent: Span) -> bool:
        """A subject (pronoun or short noun phrase) at j followed closely by a finite verb."""
        doc = self.doc
        first = doc[j]
        nominal = first.pos_ in ("PRON", "NOUN", "PROPN", "DET", "ADJ", "NUM")
        if not nominal and low(first) not in _NOMINATIVE_PRONOUNS:
            return False
        for k in range(j + 1, min(sent.end, j + 5)):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX"):
                return _finite(t)
            if is_punct(t):
                return False
        return False

    def ifolge(self, found: list[_Found]) -> None:
        """ "Ifølge X er ..." and "..., ifølge X." report what X says."""
        doc = self.doc
        for sent in self.sents:
            for token in sent:
                if low(token) != "ifølge":
                    continue
                phrase = phrase_after(token, sent)
                if len(phrase) == 0:
                    continue
                speaker = self.referents.name(phrase)
                if token.i == sent.start:
                    bounds = _text_bounds(doc, phrase.end, sent.end - 1)
                elif doc[token.i - 1].text == ",":
                    bounds = _text_bounds(doc, sent.start, token.i - 2)
                else:
                    continue
                if bounds is None:
                    continue
                found.append(_Found(*bounds, speaker, False, token.i))

    # ------------------------------------------------------------------ all together
    def find(self) -> list[_Found]:
        found: list[_Found] = []
        self.dash_paragraphs(found)
        self.dashless_closing(found)
        self.guillemets(found)
        self.at_clauses(found)
        self.ifolge(found)
        return _without_nested(found)


def _finite(token: Token) -> bool:
    form = token.morph.get("VerbForm")
    if form:
        return "Fin" in form
    tense = token.morph.get("Tense")
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
    """Drop reported speech inside a direct quote, and exact duplicates."""
    result: list[_Found] = []
    direct = [f for f in found if f.direct]
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if (f.start, f.end) in seen:
            continue
        if not f.direct and any(d.start <= f.start and f.end <= d.end and d is not f for d in direct):
            continue
        seen.add((f.start, f.end))
        result.append(f)
    return result


def find_quotes(doc: Doc, article: Article, entities: EntityIndex) -> list[Quote]:
    """Quotes of an article's Doc with absolute spans and resolved speakers."""
    offset = article.span[0]
    quotes = []
    for f in QuoteFinder(doc, entities).find():
        text = doc.text[f.start:f.end]
        span = (f.start + offset, f.end + offset)
        quotes.append(Quote(text=text, speaker=f.speaker, direct=f.direct, span=span))
    return quotes
