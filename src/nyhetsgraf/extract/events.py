"""PLOVER events: who did what to whom, where and when.

A trigger from the lexicon (a verb with its particle and object or PP constraints, or an event
noun carried by a light verb: "begynte tilbaketrekningen", "innførte sanksjoner") gives the
type. The actor is the clause subject (the "av" agent of a passive, whose subject is then the
target), resolved to a canonical entity name or kept as a short phrase; coordinated subjects
give one event each. The target is the object or PP complement, the location a place named in
a locative PP of the sentence, the date the value of a time expression in the same sentence.
Negation ("ikke", "aldri", "har ikke til hensikt å") sets ``negated``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.entities import PERSONAL_PRONOUNS, EntityIndex, Referents
from nyhetsgraf.extract.syntax import SUBJECT_DEPS, dep, is_punct, lemma, low, sentences
from nyhetsgraf.records import Article, Event, TimeExpression

_LOCATIVE_PREPOSITIONS = {"i", "på", "ved", "utenfor", "nær", "fra"}
_PLACE_TYPES = {"GPE_LOC", "GPE", "LOC", "GPE_ORG"}
_AGENT_PREPOSITION = "av"
_COPULA_PASSIVE = {"bli", "verte", "vere", "være"}
_NP_LEFT_POS = {"DET", "ADJ", "NUM", "ADV", "PROPN", "NOUN"}
_NP_LEFT_WORDS = {"rundt", "over", "under", "minst", "nesten", "cirka", "om", "lag", "flere", "mange"}
_NOT_ACTORS = {"det", "som", "der", "dette", "den", "seg", "man"}


@lru_cache(maxsize=1)
def _lexicon() -> Any:
    from nyhetsgraf.extract import lexicon

    return lexicon


@lru_cache(maxsize=1)
def _negation_cues() -> frozenset[str]:
    return frozenset(c.lower() for c in _lexicon().negation_cues())


@dataclass(slots=True)
class _Match:
    trigger_tokens: list[Token]
    verb: Token  # the verb whose clause carries the event (the trigger itself for verb triggers)
    type: str
    target_token: Token | None


def _attr(trigger: Any, *names: str) -> Any:
    for name in names:
        value = getattr(trigger, name, None)
        if value:
            return value
    return None


def _lower_set(value: Any) -> set[str]:
    if not value:
        return set()
    if isinstance(value, str):
        return {v.strip().lower() for v in value.replace("|", ",").split(",") if v.strip()}
    return {str(v).lower() for v in value}


def is_passive(verb: Token) -> bool:
    if "Pass" in verb.morph.get("Voice"):
        return True
    if "Part" in verb.morph.get("VerbForm") or verb.tag_.lower().endswith("perf-part"):
        head = verb.head
        aux = [c for c in verb.children if dep(c) in ("AUX", "aux", "aux:pass")]
        candidates = [head, *aux] if head is not verb else aux
        return any(lemma(t) in ("bli", "verte") for t in candidates) or any(
            lemma(t) in ("bli", "verte") for t in verb.doc[max(0, verb.i - 3):verb.i])
    return False


class EventFinder:
    def __init__(self, doc: Doc, entities: EntityIndex, times: list[TimeExpression], offset: int) -> None:
        self.doc = doc
        self.entities = entities
        self.times = times
        self.offset = offset
        self.referents = Referents(doc, entities, _lexicon().name_gender)
        self.triggers = _lexicon().load_triggers()

    # ------------------------------------------------------------------ trigger matching
    def matches(self, sent: Span) -> Iterable[_Match]:
        for token in sent:
            if token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
                continue
            for trigger in self._candidates(token):
                match = self._check(token, trigger, sent)
                if match is not None:
                    yield match
                    break

    def _candidates(self, token: Token) -> list[Any]:
        pos = "VERB" if token.pos_ == "AUX" else token.pos_
        found = list(self.triggers.candidates(lemma(token), pos))
        if not found and low(token) != lemma(token):
            found = list(self.triggers.candidates(low(token), pos))
        return found

    def _check(self, token: Token, trigger: Any, sent: Span) -> _Match | None:
        kind = str(_attr(trigger, "type", "plover", "event_type") or "").upper()
        if not kind:
            return None
        particle = _lower_set(_attr(trigger, "particle"))
        objects = _lower_set(_attr(trigger, "object", "objects", "object_lemmas"))
        preps = _lower_set(_attr(trigger, "prep", "preposition", "prepositions"))
        words = [token]
        if particle:
            found = self._particle(token, particle, sent)
            if found is None:
                return None
            words.append(found)
        target: Token | None = None
        if objects:
            obj = self._object_with_lemma(token, objects, sent)
            if obj is None:
                return None
            words.append(obj)
        if preps:
            pp = self._pp_with(token, preps, sent)
            if pp is None:
                return None
            words.append(pp[0])
            target = pp[1]
        if token.pos_ == "NOUN":
            carrier = self._light_verb(token)
            if carrier is None:
                return None
            words.insert(0, carrier)
            return _Match(sorted(words, key=lambda t: t.i), carrier, kind, target)
        return _Match(sorted(words, key=lambda t: t.i), token, kind, target)

    def _particle(self, verb: Token, particles: set[str], sent: Span) -> Token | None:
        for child in verb.children:
            if low(child) in particles and dep(child) in ("PRT", "compound:prt", "ADV", ""):
                return child
        # surface: a particle after the verb in the same clause ("trekke sine soldater ut")
        for t in self.doc[verb.i + 1:min(sent.end, verb.i + 7)]:
            if low(t) in particles:
                return t
            if is_punct(t):
                break
        return None

    def _object_with_lemma(self, verb: Token, lemmas: set[str], sent: Span) -> Token | None:
        for t in self.doc[verb.i + 1:min(sent.end, verb.i + 6)]:
            if lemma(t) in lemmas or low(t) in lemmas:
                return t
            if is_punct(t):
                break
        return None

    def _pp_with(self, verb: Token, preps: set[str], sent: Span) -> tuple[Token, Token | None] | None:
        for t in self.doc[verb.i + 1:min(sent.end, verb.i + 6)]:
            if low(t) in preps:
                complement = next((c for c in t.children if c.pos_ in ("NOUN", "PROPN", "PRON")), None)
                if complement is None:
                    complement = next((x for x in self.doc[t.i + 1:min(sent.end, t.i + 5)]
                                       if x.pos_ in ("NOUN", "PROPN", "PRON")), None)
                return t, complement
            if is_punct(t):
                break
        return None

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb an event noun is the object (or PP complement) of: "innførte sanksjoner"."""
        head = noun.head
        if dep(noun) in ("DOBJ", "obj") and head.pos_ in ("VERB", "AUX"):
            return head
        if dep(noun) in ("PUTFYLL", "pobj") and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        return None

    # ------------------------------------------------------------------ roles
    def subject(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(6):
            subjects = [c for c in current.children if dep(c) in SUBJECT_DEPS]
            if subjects:
                return subjects[0]
            if current.head is current:
                break
            if dep(current) in ("INFV", "xcomp", "KOORD", "conj", "aux", "SPRED") or (
                    current.head.pos_ in ("AUX", "VERB") and dep(current) in ("", "ADV")):
                current = current.head
                continue
            break
        return None

    def agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if low(child) == _AGENT_PREPOSITION:
                for comp in child.children:
                    if comp.pos_ in ("NOUN", "PROPN", "PRON"):
                        return comp
        return None

    def direct_object(self, verb: Token) -> Token | None:
        for child in verb.children:
            if dep(child) in ("DOBJ", "obj", "IOBJ"):
                return child
        return None

    def refer(self, token: Token | None, before: int) -> str | None:
        """Canonical name or short phrase for an argument token."""
        if token is None:
            return None
        if low(token) in PERSONAL_PRONOUNS:
            return self.referents.pronoun(token, before)
        if low(token) in _NOT_ACTORS or token.pos_ in ("SCONJ", "ADP", "PUNCT"):
            return None
        entity = self.entities.entity_for(token)
        if entity is not None:
            return entity.name
        return self.phrase(token)

    def phrase(self, head: Token) -> str:
        """Determiners, numbers and adjectives before a noun, and the noun: "den irakiske forsamlingen"."""
        doc = self.doc
        start = head.i
        for i in range(head.i - 1, max(-1, head.i - 5), -1):
            t = doc[i]
            if t.head.i != head.i and not (t.head.i > i and t.head.i <= head.i):
                break
            if t.pos_ in _NP_LEFT_POS or low(t) in _NP_LEFT_WORDS:
                start = i
                continue
            break
        end = head.i + 1
        # "foreldre og barn": coordinated common nouns stay one phrase
        if end + 1 < len(doc) and low(doc[end]) in ("og", "og/eller") and doc[end + 1].pos_ == "NOUN" \
                and doc[end + 1].head.i == head.i:
            end += 2
        return doc[start:end].text

    def actors(self, verb: Token, before: int) -> list[str | None]:
        subject = self.subject(verb)
        if subject is None:
            return [None]
        if self.entities.entity_for(subject) is not None or subject.pos_ == "PROPN":
            named = [t for t in _conjuncts(subject) if self.entities.entity_for(t) is not None]
            if len(named) > 1:
                return list(dict.fromkeys(self.refer(t, before) for t in named))
        return [self.refer(subject, before)]

    def location(self, sent: Span) -> str | None:
        for entity_token in sent:
            entity = self.entities.entity_for(entity_token)
            if entity is None or entity.type not in _PLACE_TYPES:
                continue
            previous = self.doc[entity_token.i - 1] if entity_token.i > sent.start else None
            if previous is not None and low(previous) in _LOCATIVE_PREPOSITIONS:
                return entity.name
        return None

    def negated(self, match: _Match, sent: Span) -> bool:
        cues = _negation_cues()
        first = match.trigger_tokens[0]
        chain = {match.verb.i, first.i}
        current = match.verb
        for _ in range(4):
            if current.head is current or current.head.pos_ not in ("VERB", "AUX"):
                break
            current = current.head
            chain.add(current.i)
        for t in sent:
            if low(t) not in cues:
                continue
            if t.head.i in chain:
                return True
            # surface: the cue inside the verb group before the trigger ("vil ikke slippe")
            if t.i < first.i and first.i - t.i <= 6 and not any(
                    is_punct(x) or low(x) in ("og", "men", "at", "som") for x in self.doc[t.i + 1:first.i]):
                return True
            if first.i < t.i <= first.i + 2:
                return True
        return False

    def date(self, sent: Span) -> str | None:
        start = sent.start_char + self.offset
        end = sent.end_char + self.offset
        for time in self.times:
            if start <= time.span[0] < end and time.value:
                return time.value
        return None

    # ------------------------------------------------------------------ events
    def find(self) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple[str, str | None, int]] = set()
        for sent in sentences(self.doc):
            for match in self.matches(sent):
                events.extend(self._events(match, sent, seen))
        return events

    def _events(self, match: _Match, sent: Span, seen: set[tuple[str, str | None, int]]) -> list[Event]:
        verb = match.verb
        passive = is_passive(verb)
        if passive:
            actors = [self.refer(self.agent(verb), verb.i)]
            target = self.refer(self.subject(verb), verb.i)
        else:
            actors = self.actors(verb, verb.i)
            target_token = match.target_token or self.direct_object(verb)
            if match.trigger_tokens[-1].pos_ == "NOUN" and match.trigger_tokens[-1] is target_token:
                target_token = match.target_token
            target = self.refer(target_token, verb.i)
        trigger = " ".join(t.text for t in match.trigger_tokens)
        span = (sent.start_char + self.offset, sent.end_char + self.offset)
        negated = self.negated(match, sent)
        location = self.location(sent)
        date = self.date(sent)
        result = []
        for actor in actors:
            key = (match.type, actor, sent.start)
            if key in seen:
                continue
            seen.add(key)
            result.append(Event(type=match.type, trigger=trigger, actor=actor, target=target,
                                location=location, date=date, negated=negated, span=span))
        return result


def _conjuncts(token: Token) -> list[Token]:
    result = [token]
    for child in token.children:
        if dep(child) in ("KOORD", "conj") and child.pos_ in ("PROPN", "NOUN"):
            result.extend(_conjuncts(child))
    return result


def find_events(doc: Doc, article: Article, entities: EntityIndex,
                times: list[TimeExpression] | None = None) -> list[Event]:
    """PLOVER events of an article's Doc, with absolute sentence spans."""
    return EventFinder(doc, entities, times or [], article.span[0]).find()
