"""PLOVER events: who did what to whom, where and when.

A trigger from the lexicon (a verb with its particle and object or PP constraints, or an event
noun carried by a light verb: "begynte tilbaketrekningen", "innførte sanksjoner") gives the
type. The actor is the clause subject (the "av" agent of a passive, whose subject is then the
target), resolved to a canonical entity name or kept as a short phrase; coordinated subjects
give one event each. The target is the object or PP complement, the location a place named in
a locative PP of the sentence, the date the value of a time expression in the same sentence.
Negation ("ikke", "aldri", "har ikke til hensikt å") sets ``negated``.

Every match then passes a precision gate (docs/evaluation.md, "The event gate"): the actor must be
someone who can act (``extract.agents``), the target must fit the type (people or places for
attacks, two parties for a meeting), and the clause must state a single event that happened or is
announced (not habitual, generic, modal, conditional, expected, or a piece of a broken line).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import or_
from typing import Any

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.agents import (
    is_agent_noun,
    is_agreement_noun,
    is_document_noun,
    is_place_noun,
    is_private_noun,
    is_private_setting,
    is_role_noun,
    is_weapon_noun,
)
from nyhetsgraf.extract.entities import PERSONAL_PRONOUNS, EntityIndex, Referents
from nyhetsgraf.extract.event_hedges import (
    anyone_who,
    coordinated_passive,
    hedged_clause,
    inside_infinitive,
    negation_inside_infinitive,
    question_word,
    subject_in_place,
    time_phrase,
)
from nyhetsgraf.extract.event_moods import (
    beside_denial,
    finite_conjunct_after,
    mood_not_real,
    no_plans_to,
    question_word_between,
)
from nyhetsgraf.extract.event_statistics import reports_statistic
from nyhetsgraf.extract.syntax import (
    CONDITION_SUBJUNCTIONS,
    SUBJECT_DEPS,
    WEEKDAYS,
    ParseTable,
    TokenTable,
    dep,
    doc_text,
    has_parse,
    is_adjective_form,
    is_finite,
    is_infinitive,
    is_punct,
    is_space,
    kept_with,
    lemma,
    looks_like_verb,
    looks_like_verb_at,
    low,
    morph_values,
    morph_values_at,
    parse_table,
    punct_at,
    remembered,
    sentences,
    token_offsets,
    token_table,
    verb_forms,
    verb_lemmas,
)
from nyhetsgraf.records import Article, Event, Quote, TimeExpression
from nyhetsgraf.resources.gazetteer import is_country
from nyhetsgraf.resources.lexicon import Observed
from nyhetsgraf.resources.words import month_names, word_list, word_set

_LOCATIVE_PREPOSITIONS = {"i", "på", "ved", "utenfor", "nær", "fra"}
_PLACE_TYPES = {"GPE_LOC", "GPE", "LOC", "GPE_ORG"}
_AGENT_PREPOSITION = "av"
_NP_LEFT_WORDS = {"rundt", "over", "under", "minst", "nesten", "cirka", "flere", "mange"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_POSSESSIVES = {
    "hans",
    "hennes",
    "deres",
    "sin",
    "sitt",
    "sine",
    "dets",
    "dens",
    "vår",
    "vårt",
    "våre",
    "min",
    "mitt",
    "mine",
    "din",
    "ditt",
    "dine",
    "hennar",
    "deira",
}
# Words no object is: an answer ("takket ja til") and a possessive ("gitt sin støtte").
_NOT_OBJECTS = _POSSESSIVES | {"ja", "nei"}
# prepositions whose complement is the one the event is aimed at: "protesterer mot", "angrep på", "møte med"
# Nouns that count or group what follows "av": the phrase keeps it ("grupper av demonstranter").
_PARTITIVE_NOUNS = word_set("partitive_nouns")
# Event types whose "mot"/"på" phrase names the target ("angrep på", "protester mot"); for the
# others it is a place or a topic ("stanset treningen på bakken").
_AIMED_TYPES = {"ASSAULT", "ACCUSE", "PROTEST", "THREATEN", "SANCTION", "COERCE", "REJECT"}
# Nouns of complex prepositions ("på bakgrunn av", "på vegne av"): no target of a "på" phrase.
_COMPLEX_PREPOSITION_NOUNS = frozenset({"bakgrunn", "bakgrunnen", "grunn", "grunnlag", "grunnlaget", "vegne",
                                        "tross", "initiativ", "oppdrag", "bekostning", "foranledning"})
_TARGET_PREPOSITIONS = {"mot", "på", "med", "overfor", "mellom"}
_FIRST_PERSON = {"vi", "jeg", "eg", "me"}
_CLAUSE_OPENERS = {
    "hvorfor", "hvordan", "hvor", "hva", "hvem", "kvifor", "korleis", "kvar", "kva", "kven",
    "at",
    "som",
    "da",
    "når",
    "fordi",
    "mens",
    "og",
    "men",
    "etter",
    "før",
    "om",
    "hvis",
    "der",
}
_TIME_WORDS = WEEKDAYS | month_names() | word_set("event_time_words")
_NOT_ACTORS = {"det", "som", "der", "dette", "den", "seg", "man"}
# Types that name a lasting relation as readily as an act: in the plain present, a relation.
_STANDING_TYPES = {"COOPERATE", "AID"}
# Adverbs that anchor a present tense in the moment of writing ("innfører nå", "går no inn i").
_NOW_WORDS = {"nå", "no", "nettopp", "akkurat", "fortsatt", "framleis", "fremdeles"}
# Modals of ability, need and duty: "må mobilisere", "kan trappe ned", "bør samarbeide" say what is
# possible or necessary, not what happened ("vil" and "skal" announce, and stay).
_MODALS_OF_POSSIBILITY = {"må", "måtte", "kan", "kunne", "bør", "burde", "kunna", "måtta"}
_REQUIREMENT_FORMS = word_set("requirement_forms")
_SELF = {"seg", "meg", "deg", "oss", "dykk", "dere"}
# Fixed phrases holding a trigger word ("stort sett": mostly), as word tuples.
_FIXED_PHRASES = tuple(tuple(phrase.split()) for phrase in word_list("fixed_adverbials"))
# Each word of a fixed phrase -> (phrase, position of the word in it), so a token looks up only its own.
_FIXED_PHRASE_PARTS: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase in _FIXED_PHRASES:
    for _k, _part in enumerate(_phrase):
        _FIXED_PHRASE_PARTS.setdefault(_part, []).append((_phrase, _k))
# Words right before a participle that make it an attribute of the noun after it ("de mest besøkte
# turistveiene", "en nylig vedtatt lov"): a description, not an event.
_DEGREE_WORDS = {"mest", "mer", "best", "minst", "meir", "nylig", "nyleg"}
_ATTRIBUTE_OPENERS = {"den", "det", "de", "dei", "en", "ei", "et", "eit", "ein", "hans", "hennes", "deres",
                      "sin", "sitt", "sine", "hennar", "deira"}
# Prepositions that introduce an infinitive complement ("til å", "om å", "med å"), not particles.
_INFINITIVE_PREPOSITIONS = {"til", "om", "med", "på"}
_NOMINAL_POS = ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM")
# Particles the parser may take for the object: "sa nei til forslaget".
_OBJECT_PARTICLES = {"nei"}
# "sitt eget liv": what one does to oneself is no event against anyone ("tok sitt eget liv").
_OWN = {"eget", "egne", "eige", "eigne", "egen", "eiga"}
# Subjunctions that open a condition: what follows is not said to happen ("dersom regjeringen går av").
_CONDITIONALS = CONDITION_SUBJUNCTIONS | {"om"}

# Words that state a claim true ("Det er ikke slik at", "stemmer ikke at"): negated, they deny the at-clause.
_TRUTH_WORDS = frozenset({"slik", "sant", "riktig", "korrekt", "tilfelle", "tilfellet", "stemmer",
                          "stemmar", "rett"})
# Verbs of meaning and content: their at-clause says what something means or holds ("Det betyr at").
_MEANING_VERBS = {"bety", "innebære", "innebere", "innebera", "inkludere", "inkludera", "medføre", "medføra",
                  "tilsi", "tyde"}
# Indefinite times that open a story told in the present: "En dag overfaller de ...".
_STORY_TIMES = {"dag", "kveld", "natt", "morgen", "morgon", "gang", "gong", "ettermiddag", "søndag", "sommer",
                "sommar", "vinter", "høst", "haust", "vår"}
# Words of an aim or a plan that a negation may deny ("har ikke til hensikt å", "kommer ikke til å",
# "har ingen planer om å"); "har ikke råd til å si nei" and "kan ikke møte" deny no event.
_AIM_WORDS = {"hensikt", "hensikten", "planer", "plan", "planene", "intensjon", "intensjoner", "tenkt",
              "meningen",
              "aktuelt", "kommer", "kjem", "vil", "skal", "akter", "agter"}
# Modals whose verb group says what could, should or would happen ("kan bli tvunget", "bør
# samarbeide", "ville angripe"): no event. "vil" and "skal" announce and stay; "måtte" (had to)
# reports what happened; "skulle ha" reports a claim ("skal ha truet").
_UNREAL_MODALS = {"kan", "kunne", "bør", "burde", "ville", "kunna", "må", "skulle", "skulla", "måtte"}
_UNREAL_UNLESS_PERFECT = {"skulle", "skulla", "skal", "kan", "kunne", "måtte", "må"}
# Relative and temporal openers that, with a verb in the present tense, describe what someone does
# as a rule ("geriljaer som angriper sivile", "møter når utvalget behandler en sak").
_DESCRIPTIVE_OPENERS = {"som", "hvor", "der", "når", "kvar", "kor"}

# --- the precision gate: who can act, what can be hit, which clauses state a single event ----------
# Entity types that can act in an event: people, organisations, states and their capitals.
_AGENT_TYPES = {"PER", "ORG", "GPE_ORG", "GPE_LOC", "GPE"}
_PLACE_ENTITY_TYPES = {"GPE_LOC", "GPE", "LOC", "GPE_ORG"}
# Quantifiers that stand for people as subjects ("mange ble drept", "noen angrep ham").
_QUANTIFIER_AGENTS = {"alle", "mange", "flere", "fleire", "noen", "nokon", "nokre", "ingen", "begge", "somme",
                      "hundrevis", "tusenvis", "titusenvis", "hundretusenvis", "millionvis"}
# Subjects that name no one in particular: the generic pronouns and the pronouns of things.
_GENERIC_SUBJECTS = {"man", "en", "ein", "du", "deg", "det", "den", "dette", "denne", "noe", "noko", "dykk"}
_FIRST_AND_SECOND_PERSON = {"jeg", "eg", "vi", "me", "du", "dere", "meg", "oss"}
_HABITUAL_PHRASES = tuple(tuple(phrase.split()) for phrase in word_list("habitual_adverbs"))
_HABITUAL_FIRST_WORDS = frozenset(phrase[0] for phrase in _HABITUAL_PHRASES)
# Types whose target is a person, group or organisation (or for attacks and threats a place).
# (COERCE is not among them: what is banned, seized or censored is often a thing.)
_ANIMATE_TARGET_TYPES = {"ASSAULT", "THREATEN", "CONSULT"}
_PERSON_OBJECT_VERBS = word_set("person_object_verbs")
# Word endings of a sports match: "møte Russland i finalen" is no CONSULT.
_MATCH_WORDS = ("kamp", "kampen", "finale", "finalen", "semifinalen", "kvartfinalen", "serierunde", "cupkamp",
                "seier", "seieren", "lagene", "poeng", "mål")
# Nouns of accidents and disasters: "drept ved en eksplosjon i gruva" is no attack.
_ACCIDENT_WORDS = ("ulykke", "ulykken", "ulykka", "ulukke", "ulukka", "skred", "skredet", "jordskjelv",
                   "jordskjelvet", "flom", "flommen", "orkan", "orkanen", "tsunami", "tsunamien",
                   "eksplosjon")
# Types whose state passive ("er berømt", "var akseptert", "er forkastet") states an attitude.
_STATIVE_TYPES = {"SUPPORT", "AGREE", "REJECT", "CONCEDE"}
_PLACE_TARGET_TYPES = {"ASSAULT", "THREATEN", "CONSULT"}
# Types a statement, report or declaration can perform ("Erklæringen oppfordrer til", "rapporten
# kritiserer"): the verbal ones.
_VERBAL_TYPES = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "AGREE", "PROTEST", "THREATEN"}
# "møtes", "treffes", "samarbeider": verbs whose subject holds both parties when it is plural.
_RECIPROCAL_PREPOSITIONS = {"med", "mellom", "hos"}
# Types whose dealings with a relative or a friend are private ("ba faren om", "besøkte en venn",
# "gratulerer foreldrene"); violence and coercion in a family stay news.
_PRIVATE_TYPES = {"REQUEST", "CONSULT", "SUPPORT", "AGREE", "CONCEDE", "COOPERATE", "AID", "REJECT"}
_FIRST_PERSON_SINGULAR = {"jeg", "eg", "meg", "mine", "mitt", "min"}
_RECIPROCALS = {"hverandre", "kvarandre", "einannan"}
_AT_HOME = {"hjemme", "heime"}
# Those who watch or read: forcing or attacking them is a figure of speech ("tvinger publikum til å
# ta stilling").
_AUDIENCE = {"publikum", "publikummet", "publikumet", "leseren", "leserne", "lesaren", "lesarane", "seerne",
             "sjåarane", "tilskuerne", "tilskodarane", "lytterne", "lyttarane", "salen"}
# Who interviews: a newspaper or a reporter that meets someone holds an interview, no CONSULT.
_PRESS_NOUNS = {"avisen", "avisa", "magasinet", "bladet", "redaksjonen", "journalisten", "journalistane",
                "journalistene", "reporteren", "reporterne", "intervjueren"}
# Words of a story told on a stage or a screen: what happens in it is fiction ("Dukken dreper ham",
# "I filmen lovprises hans lederskap").
_FICTION_WORDS = word_set("event_fiction_words")
# Violent verbs of fighting: "kjempe mot" needs someone or a place to fight ("vil kullselskapene
# kjempe mot", "kjemper mot fattigdommen" are figurative).
_FIGHT_LEMMAS = {"kjempe", "kjempa", "slåss", "sloss", "bekjempe", "bekjempa"}
_NEWS_MEDIA = word_set("entity_type_news_media")
# Verbs of demand: what their at-clause says is demanded, not done ("vil kreve at partiene inngår
# avtaler").
# Words that open a main clause as its object or adverbial, before the finite verb and its subject.
_TOPICS = {"det", "dette", "slik", "sånn", "her", "der", "da", "nå", "no", "så", "dét"}
_NOMINATIVE_PRONOUNS = {"jeg", "eg", "du", "han", "hun", "ho", "vi", "me", "de", "dei", "dere"}
_QUOTE_MARKS = {'"', "«", "»", "“", "”", "'"}
# Forms of "få" that, with a participle, say what was done to someone ("fikk kravene innfridd").
_GET_FORMS = {"fikk", "får", "fått", "fekk"}
# Word pairs that open a clause of what only seems so or does not happen: "som om", "uten at".
_UNREAL_PAIRS = {("som", "om"), ("uten", "at"), ("utan", "at")}
_UNREAL_FIRST_WORDS = frozenset(first for first, _ in _UNREAL_PAIRS)
# The words ``EventFinder._gate`` looks for: a "når" clause, a "så lenge" condition.
_GATE_WORDS = frozenset({"når", "kva tid", "så"})
# What an escalation of one's own forces is: a mobilisation, not a threat ("varslet en opptrapping
# av amerikanske styrker").
_FORCE_ENDINGS = ("styrker", "styrkene", "soldater", "soldatene", "tropper", "troppene", "innsatsen")
_DEMAND_VERBS = {"kreve", "krevje", "forlange", "oppfordre", "foreslå", "insistere", "be", "bede"}


# Parts of speech a trigger word may have (a verb, an event noun, a participle tagged as adjective).
_TRIGGER_TAGS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})


@lru_cache(maxsize=1)
def _lexicon() -> Any:
    from nyhetsgraf.resources import lexicon

    return lexicon


@lru_cache(maxsize=1 << 15)
def _lemma_candidates(lemma_: str, form: str, verb_like: bool) -> tuple[str, ...]:
    """Lemma candidates of a word: the lemmatizer's, the surface form, and the form without a verb
    ending; worked out once per lemma, form and verb reading."""
    result = [lemma_, form]
    if verb_like:
        result.extend(verb_forms(form))
        for ending in ("es", "er", "et", "te", "de", "r", "s", "t", "a"):  # nynorsk "sikta", "kasta"
            if form.endswith(ending) and len(form) - len(ending) >= 2:
                result.append(form[: -len(ending)] + "e")
                result.append(form[: -len(ending)])
    return tuple(dict.fromkeys(result))


@lru_cache(maxsize=1 << 15)
def _has_rows(triggers: Any, lemma_: str, pos: str) -> bool:
    """Whether the trigger lexicon has any row for a lemma and part of speech (compound heads
    included): asked for every content word, answered once per word form."""
    return bool(triggers.candidates(lemma_, pos))


@lru_cache(maxsize=1 << 15)
def _may_trigger(triggers: Any, lemma_: str, form: str, verb_like: bool, pos: str) -> bool:
    """Whether any lemma candidate of a word has a trigger row (the first test of ``EventFinder._match``),
    answered from the token table, once per word."""
    candidates = _lemma_candidates(lemma_, form, verb_like)
    return any(_has_rows(triggers, candidate, pos) for candidate in candidates)


# What a word may trigger (``_trigger_reading``), by (text, lower-case form, lemma, tag), per lexicon.
_READINGS_LIMIT = 1 << 17
_NO_TRIGGER, _VERB_TRIGGER, _AS_VERB, _AS_TAGGED = 0, 1, 2, 4


@lru_cache(maxsize=4)
def _reading_memo(triggers: Any) -> dict[tuple[str, str, str, str], int]:
    """The memo of ``_trigger_reading`` for one lexicon (filled by ``remembered``)."""
    return {}


@lru_cache(maxsize=4)
def _word_memos(triggers: Any) -> tuple[dict[str, bool], dict[str, bool]]:
    """The memos of ``_form_may_trigger`` and ``_lemma_may_trigger`` for one lexicon."""
    return {}, {}


def _form_may_trigger(triggers: Any, form: str) -> bool:
    """Whether a reading drawn from a lower-case form (the form itself, its verb lemmas, its stems) has
    rows as a verb, or the form has rows as a noun or adjective. ``_trigger_reading`` gives no trigger
    unless this or ``_lemma_may_trigger`` of the lemma holds: one look-up per word, no key to build."""
    return any(_has_rows(triggers, candidate, "VERB") for candidate in _lemma_candidates(form, form, True)) \
        or _has_rows(triggers, form, "NOUN") or _has_rows(triggers, form, "ADJ")


def _lemma_may_trigger(triggers: Any, lemma_: str) -> bool:
    """Whether a lemma has rows as a verb, a noun or an adjective (see ``_form_may_trigger``)."""
    return any(_has_rows(triggers, lemma_, pos) for pos in ("VERB", "NOUN", "ADJ"))


def _trigger_reading(triggers: Any, text: str, form: str, lemma_: str, tag: str) -> int:
    """Whether a word may trigger: ``_NO_TRIGGER``; ``_VERB_TRIGGER`` for a verb some reading has rows
    for; else for a noun or adjective the sum of ``_AS_VERB`` and ``_AS_TAGGED``, the readings with rows
    (which one counts depends on whether the word looks like a verb where it stands)."""
    if tag not in _TRIGGER_TAGS or not text[:1].isalpha():
        return _NO_TRIGGER
    as_verb = _may_trigger(triggers, lemma_, form, True, "VERB")
    if tag in ("VERB", "AUX"):
        return _VERB_TRIGGER if as_verb else _NO_TRIGGER
    as_tagged = _may_trigger(triggers, lemma_, form, False, tag)
    return (_AS_VERB if as_verb else 0) | (_AS_TAGGED if as_tagged else 0)


@lru_cache(maxsize=1 << 15)
def _row_lemmas(triggers: Any, lemma_: str, form: str, verb_like: bool, pos: str) -> tuple[str, ...]:
    """The lemma candidates of a word that the lexicon has rows for as ``pos`` (``_lemma_candidates``
    narrowed by ``_has_rows``), worked out once per word and reading."""
    return tuple(c for c in _lemma_candidates(lemma_, form, verb_like) if _has_rows(triggers, c, pos))


@lru_cache(maxsize=1 << 14)
def _words_needed(triggers: Any, lemmas: tuple[str, ...], pos: str) -> frozenset[str] | None:
    """``_required_words`` of every lemma candidate together: the words one of which must stand by a
    trigger for any row of any candidate to match; None when some row needs none of them."""
    needed: set[str] = set()
    for candidate in lemmas:
        required = _required_words(triggers, candidate, pos)
        if required is None:
            return None
        needed.update(required)
    return frozenset(needed)


@lru_cache(maxsize=1 << 14)
def _required_words(triggers: Any, lemma_: str, pos: str) -> frozenset[str] | None:
    """Words one of which must stand by a trigger for any row of a lemma to match: each row's
    particles, else its prepositions, else its object heads; None when some row needs none of them."""
    needed: set[str] = set()
    for row in triggers.candidates(lemma_, pos):
        required = row.particles or row.preps or row.object_lemmas
        if not required:
            return None
        needed.update(required)
    return frozenset(needed)


@lru_cache(maxsize=4)
def _particle_words(triggers: Any) -> frozenset[str]:
    """Every particle of the trigger lexicon, gathered once per lexicon rather than once per Doc."""
    return frozenset(p for row in triggers for p in row.particles)


@lru_cache(maxsize=1)
def _negation_cues() -> frozenset[str]:
    return frozenset(c.lower() for c in _lexicon().negation_cues())


@dataclass(slots=True)
class _Match:
    trigger_tokens: list[Token]
    verb: Token  # the verb whose clause carries the event (the trigger itself for verb triggers)
    type: str
    target_token: Token | None
    lemma: str = ""  # the lexicon lemma that matched ("møtes" is deponent, not passive)
    passive: bool | None = None  # ``EventFinder._passive``, once asked


@dataclass(frozen=True, slots=True)
class _SentenceGate:
    """What the precision gate reads from a whole sentence, worked out once for all its matches."""

    question: bool  # "Hvorfor vil ikke regjeringen ...?"
    broken_line: bool  # a line that opens in lower case: a piece of a sentence the source broke
    whenever: bool  # a "når" clause: what happens whenever something else does
    as_long_as: int | None  # where a "så lenge" condition starts, if anywhere


@dataclass(slots=True)
class _Context:
    """What surrounds a candidate trigger, as word indexes of its Doc: particles, object heads, PPs
    (preposition and complement head), an infinitive, its governing verb."""

    table: TokenTable
    particle_ids: list[int]
    object_ids: list[int]
    pp_ids: list[tuple[int, int | None]]
    has_infinitive: bool
    governor_id: int | None

    def without_particles(self, doc: Doc, loose: list[int]) -> _Context:
        """The context with the particles ``loose`` read as prepositions opening a phrase."""
        drop = set(loose)
        kept = [k for k in self.particle_ids if k not in drop]
        size = len(self.table.lowers)
        pps = list(self.pp_ids) + [(k, _next_head_at(doc, k + 1, min(size, k + 6))) for k in loose]
        return _Context(self.table, kept, self.object_ids, pps, self.has_infinitive, self.governor_id)

    @property
    def particles(self) -> set[str]:
        lowers = self.table.lowers
        return {lowers[k] for k in self.particle_ids}

    @property
    def objects(self) -> set[str]:
        table = self.table
        return {table.lemmas[k] for k in self.object_ids} | {table.lowers[k] for k in self.object_ids}

    @property
    def preps(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        lowers, lemmas = self.table.lowers, self.table.lemmas
        for prep, complement in self.pp_ids:
            heads = result.setdefault(lowers[prep], set())
            if complement is not None:
                heads.update((lemmas[complement], lowers[complement]))
        return result

    @property
    def governor(self) -> str | None:
        verb = self.governor_id
        if verb is None:
            return None
        lowers = self.table.lowers
        particle = next((lowers[k] for k in range(verb + 1, min(len(lowers), verb + 3))
                         if lowers[k] in ("med", "fram", "opp")), None)
        verb_lemma = self.table.lemmas[verb]
        return f"{verb_lemma} {particle}" if particle else verb_lemma

    @classmethod
    def of(cls, doc: Doc, start: int, particle_words: frozenset[str], window: int) -> _Context:
        """The context of word ``start`` in the stretch after it up to ``window`` (``_clause_window``)."""
        # read from the Doc's tables: no Token object at all
        table, parse = token_table(doc), parse_table(doc)
        lowers, pos, deps, children = table.lowers, table.pos, parse.deps, parse.children
        particles: list[int] = []
        objects: list[int] = []
        pps: list[tuple[int, int | None]] = []
        infinitive = False
        for child in children[start]:
            if deps[child] in ("DOBJ", "obj", "IOBJ") and pos[child] in ("NOUN", "PROPN", "PRON"):
                # "sa nei til": a closed-class particle parsed as the object is still the particle
                if lowers[child] in _OBJECT_PARTICLES:
                    particles.append(child)
                else:
                    objects.append(child)
        size = len(lowers)
        for i in range(start + 1, window):
            word = lowers[i]
            if word in _INFINITIVE_PREPOSITIONS and i + 1 < size and lowers[i + 1] == "å":
                # "oppfordret innbyggerne til å", "ba X om å": the preposition opens the infinitive,
                # it is no particle of the verb
                infinitive = True
                break
            if i in particles:
                continue
            tag = pos[i]
            verb_like = tag in ("VERB", "AUX", "ADJ") and word not in particle_words
            if word == "å" or (objects and verb_like and is_infinitive(doc[i])):
                infinitive = True  # "be dem forlate landet": an object and a bare infinitive
                break
            if word in particle_words and tag in ("ADP", "ADV", "ADJ", ""):
                nominal_follows = i + 1 < window and pos[i + 1] in _NOMINAL_POS
                takes_complement = nominal_follows and (
                    any(deps[c] in ("PUTFYLL", "pobj") for c in children[i]) or not has_parse(doc))
                if not takes_complement:
                    particles.append(i)
                    continue
            if tag == "ADP":
                inner = parse.heads[i]  # "presset pistolen mot brystet på obersten": a PP inside a PP
                nested = deps[inner] in ("PUTFYLL", "pobj") and inner != start
                if nested and lowers[inner] not in _TIME_WORDS:
                    continue
                pps.append((i, _next_head_at(doc, i + 1, window)))
                continue
            if tag in ("NOUN", "PROPN") and not pps and i not in objects:
                objects.append(i)
        governor = _governing_verb_at(doc, start) if pos[start] in ("NOUN", "ADJ") else None
        return cls(table, particles, objects, pps, infinitive, governor)


_MODALS = {
    "vil",
    "ville",
    "skal",
    "skulle",
    "kan",
    "kunne",
    "må",
    "måtte",
    "bør",
    "burde",
    "får",
    "fikk",
    "vel",
    "kunna",
    "skula",
    "vilja",
    "måtta",
    "lar",
    "la",
    "ikke",
    "ikkje",
}
# Verbs of hope, fear and wish: what they embed has not happened ("håper partene blir enige").
_ATTITUDE_VERBS = word_set("irrealis_verbs")
_PROMISE_VERBS = word_set("promise_verbs")


def _irrealis_infinitive(verb: Token) -> bool:
    """ "ønsket å drepe", "for å slå ned", "bedt FN godkjenne": an infinitive that states an aim or a
    wish, not an event; "kommer til å stemme imot" is future and stays."""
    table = token_table(verb.doc)
    lowers, i = table.lowers, verb.i
    previous = lowers[i - 1] if i > 0 else None
    if previous == "ha" and i >= 2 and lowers[i - 2] == "å":
        return False  # "tiltalt for å ha voldtatt": a perfect infinitive states what happened
    if previous in ("bli", "verte") and i >= 2 and lowers[i - 2] == "å":
        return _irrealis_infinitive(verb.doc[i - 1])  # "målet er å bli anerkjent": a passive infinitive
    if previous in ("å", "og", "eller") and i - 1 > 0:
        if previous in ("og", "eller"):
            # "å forebygge og etterforske": the second infinitive shares the first one's aim
            first = verb.doc[i - 2]
            return i >= 3 and lowers[i - 3] == "å" and is_infinitive(first) and _irrealis_infinitive(first)
        before = lowers[max(0, i - 3) : i - 1]
        if before[-1:] in (["ved"], ["gjennom"]):
            # the means of an act share its reality: "straffer tyver ved å kappe hendene av dem" is done,
            # "vil ikke risikere kapitalen ved å inngå en avtale" is not
            return _means_of_denied_act(verb.doc, i - 2)
        if before[-2:] in (["kommer", "til"], ["kjem", "til"]):
            return False  # future: "kommer til å stemme imot"
        # a promise to act counts: "har lovet å bidra med opplæring"
        governor = i - 2
        return not ({table.lemmas[governor], *verb_forms(lowers[governor])} & _PROMISE_VERBS)
    window = lowers[max(0, i - 4) : i]
    if "å" in window and any(w in ("få", "gjøre") for w in window) \
            and "Part" in morph_values_at(verb.doc, i, "VerbForm"):
        return True  # "for å få journalistene benådet": an aim
    if is_infinitive(verb):
        # a bare infinitive without a modal before it is another verb's complement: "ba koalisjonen forlate"
        return not any(table.lemmas[k] in _MODALS or lowers[k] in _MODALS for k in range(max(0, i - 4), i))
    return False


# Verbs whose object is only wanted, planned, feared or claimed: "ønsker en militæraksjon".
# Support verbs that turn an event noun into a clause whose subject is the actor: "innførte
# sanksjoner", "begynte tilbaketrekningen", "deltok i protester", "kom med et angrep", "var i streik".
# Other verbs only mention the event ("fordømmer angrepet", "ser på drapet"): their subject is no actor.
_SUPPORT_VERBS = word_set("support_verbs")


def _means_of_denied_act(doc: Doc, means: int) -> bool:
    """Whether the verb group before a "ved å" / "gjennom å" phrase (ending before token ``means``) is
    negated: "vil ikke risikere kapitalen ved å inngå en avtale"."""
    table = token_table(doc)
    cues = _negation_cues()
    for k in range(means - 1, max(-1, means - 9), -1):
        if punct_at(table, k) or table.lowers[k] in _CLAUSE_OPENERS:
            return False
        if table.lowers[k] in cues:
            return True
    return False


def _can_carry(verb: Token, named_by_row: bool = False) -> bool:
    """Whether a verb carries an event noun as a fact ("innførte sanksjoner", not "å innføre
    sanksjoner"); a verb the lexicon row names as governor ("stille krav") always may."""
    if _irrealis_infinitive(verb):
        return False
    return named_by_row or bool({lemma(verb), *verb_lemmas(verb)} & _SUPPORT_VERBS)


def _tokens_of(doc: Doc, words: list[int], *kept: Token) -> list[Token]:
    """The Tokens of the word indexes ``words`` in order, each once; the ``kept`` Tokens stand for their
    own words (spaCy makes a new Token object on every look-up, and the gate asks whether the match's
    verb *is* its first trigger word)."""
    tokens = {k: doc[k] for k in words}
    tokens.update((t.i, t) for t in kept)
    return [tokens[k] for k in sorted(tokens)]


def _ends_phrase_at(pos: list[str], i: int) -> bool:
    """Whether nothing nominal follows a particle candidate at ``i`` ("trekke soldatene ut ,"), given the
    Doc's parts of speech."""
    return i + 1 >= len(pos) or pos[i + 1] not in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM")


_AUXILIARIES = {
    "ha",
    "være",
    "vere",
    "bli",
    "verte",
    "ville",
    "skulle",
    "kunne",
    "måtte",
    "burde",
    "komme",
    "kome",
    "få",
}


def _finite_verb_of(verb: Token, sent: Span) -> Token:
    """The finite verb of a verb group: "har" of "har allerede stanset", "kommer" of "kommer til å
    stemme", "har" of "har ledet" even when the participle looks like a past tense; else the verb
    (the same Token object). Worked out once per verb and sentence: the gate asks a dozen times."""
    doc = verb.doc
    found = kept_with(doc, "finite_verbs", lambda doc: {})
    key = (verb.i, sent.start)
    finite = found.get(key)
    if finite is None:
        finite = found[key] = _finite_verb_at(doc, verb.i, sent)
    return verb if finite == verb.i else doc[finite]


def _finite_verb_at(doc: Doc, verb: int, sent: Span) -> int:
    """``_finite_verb_of`` of word ``verb`` of a Doc, as a word index."""
    table = token_table(doc)
    pos, lowers = table.pos, table.lowers
    forms = morph_values_at(doc, verb, "VerbForm")
    verb_is_finite = "Fin" in forms
    infinitive = "Inf" in forms
    inserted = _parenthetical_before(doc[verb], sent)
    for i in range(verb - 1, max(sent.start - 1, verb - 6 - len(inserted)), -1):
        if i in inserted:
            continue
        tag = pos[i]
        if _finite_at(doc, table, i):
            auxiliary = table.lemmas[i] in _AUXILIARIES or bool(set(verb_forms(lowers[i])) & _AUXILIARIES)
            return i if auxiliary or not verb_is_finite else verb
        # "må partiet virkelig mobilisere": an adjective as adverb inside an infinitive's verb group
        adverbial = infinitive and tag == "ADJ" and parse_table(doc).deps[i] in ("ADV", "advmod")
        if punct_at(table, i) or (
            tag not in ("ADV", "PART", "AUX", "VERB", "PRON", "PROPN", "NOUN", "DET")
            and lowers[i] not in ("til", "å", "av") and not adverbial
        ):
            break
    return verb


def _finite_at(doc: Doc, table: TokenTable, i: int) -> bool:
    """``is_finite`` of word ``i`` of a Doc, read from its token table."""
    return table.pos[i] in ("VERB", "AUX") and "Fin" in morph_values_at(doc, i, "VerbForm")


def _phrase_head(token: Token, sent: Span) -> Token:
    """The last noun of a run of nouns ("ekstremistgruppen IS" -> IS stays with its entity)."""
    doc = token.doc
    i = token.i
    while i + 1 < sent.end and doc[i + 1].pos_ in ("NOUN", "PROPN") and token.pos_ != "PRON":
        if doc[i].pos_ == "PROPN" and doc[i + 1].text[:1].islower():
            break  # "ba Breivik tingrettsdommer X": a name ends before a title
        i += 1
    return doc[i]


# Words that open the next clause after a trigger ("og", "at", "som", ...), unless right after it.
_CLAUSE_BOUNDARY_WORDS = frozenset({"og", "men", "at", "som", "fordi", "da", "mens", "etter", "før"})


def _clause_window(token: Token, sent: Span) -> int:
    """End (exclusive) of the stretch after a trigger that can hold its particle, object and PPs."""
    return _clause_window_at(token.doc, token.i, sent.end)


def _clause_window_at(doc: Doc, start: int, sent_end: int) -> int:
    """``_clause_window`` of word ``start`` of a Doc, in a sentence ending at ``sent_end``."""
    table = token_table(doc)
    lowers, pos, puncts = table.lowers, table.pos, table.puncts
    limit = min(sent_end, start + 9)
    for i in range(start + 1, limit):
        if puncts[i] or (lowers[i] in _CLAUSE_BOUNDARY_WORDS and i > start + 1):
            return i
        if pos[i] in ("VERB", "AUX") and "Fin" in morph_values_at(doc, i, "VerbForm"):
            return i  # a finite verb (``_finite_at``)
    return limit


def _next_head(doc: Doc, start: int, end: int) -> Token | None:
    """The head noun of the phrase starting at ``start``: the last noun of its first noun run."""
    head = _next_head_at(doc, start, end)
    return None if head is None else doc[head]


def _next_head_at(doc: Doc, start: int, end: int) -> int | None:
    """``_next_head`` as a word index."""
    table = token_table(doc)
    pos, lowers = table.pos, table.lowers
    head = None
    for i in range(start, end):
        tag = pos[i]
        if tag in ("NOUN", "PROPN", "PRON"):
            head = i
            if i + 1 < end and pos[i + 1] in ("NOUN", "PROPN") and lowers[i + 1] not in _TIME_WORDS:
                continue  # "ekstremistgruppen IS", but not "streik fredag"
            return head
        if tag not in ("DET", "ADJ", "NUM", "ADV"):
            break
    return head


# prepositions that let a verb carry an event noun: "deltok i protester", "kom med et angrep",
# "kom til sammenstøt"; not "etter godkjenning", "før forhandlingene"
_CARRIER_PREPOSITIONS = {"i", "med", "til", "på", "under"}
_PARTICLES = {"ut", "inn", "opp", "ned", "fram", "frem", "tilbake", "an"}  # "gikk ut i streik", "ledet an i"


def _governing_verb_at(doc: Doc, noun: int) -> int | None:
    """The verb an event noun (word ``noun``) is the object or PP complement of ("innførte sanksjoner",
    "i protest mot"), as a word index."""
    table, parse = token_table(doc), parse_table(doc)
    pos, lowers = table.pos, table.lowers
    head = parse.heads[noun]
    if head != noun and parse.deps[noun] in ("DOBJ", "obj", "SPRED") and pos[head] in ("VERB", "AUX"):
        return head
    if head != noun and pos[head] == "ADP":
        verb = parse.heads[head]
        if verb != head and pos[verb] in ("VERB", "AUX"):
            return verb if lowers[head] in _CARRIER_PREPOSITIONS else None
    # surface: the nearest verb before the noun with only determiners, adjectives, numbers and a
    # preposition between ("begynte tilbaketrekningen", "dro i et møte")
    for i in range(noun - 1, max(-1, noun - 7), -1):
        tag, word = pos[i], lowers[i]
        if tag in ("VERB", "AUX"):
            if i == noun - 1 and is_adjective_form(table.texts[i]):
                continue  # "isolerte boikotter": a participle used as an adjective
            return i
        if tag == "ADP" and word not in _CARRIER_PREPOSITIONS and word not in _PARTICLES:
            return None
        if word in _TIME_WORDS or word == "og":
            continue  # "gjennomførte onsdag og torsdag generalstreik"
        if tag not in ("DET", "ADJ", "NUM", "ADP", "ADV") or punct_at(table, i):
            return None
    return None


def _headline_participle(verb: Token, sent: Span) -> bool:
    """ "Mann pågrepet", "Nynazist arrestert": a short line without a full stop ending in a -t/-et form."""
    table = token_table(verb.doc)
    if sent.end - sent.start - sum(table.spaces[sent.start:sent.end]) > 6:
        return False  # no headline (most sentences): the words are not gathered
    kept = [i for i in range(sent.start, sent.end) if not table.spaces[i]]
    if not kept or table.texts[kept[-1]] in (".", "!", "?") or len(kept) > 6:
        return False
    lemmas = table.lemmas
    if not table.lowers[verb.i].endswith(("t", "d")) or any(lemmas[k] in ("ha", "bli", "være") for k in kept):
        return False
    # "Mann pågrepet" ends with the participle; "Russland fornærmet Kari Lunde" is active
    return not any(table.pos[k] in ("PROPN", "NOUN", "PRON") for k in kept if k > verb.i)


def is_passive(verb: Token, sent: Span) -> bool:
    """ "ble pågrepet", "er siktet", "slippes fri", and a bare participle in a headline ("Mann pågrepet")."""
    if "Pass" in morph_values(verb, "Voice") or _headline_participle(verb, sent):
        return True
    form = low(verb)
    if (
        form.endswith("es")
        and verb.pos_ == "VERB"
        and "Inf" not in morph_values(verb, "VerbForm")
        and any(
            lemma_ + "s" == form or lemma_[:-1] + "es" == form for lemma_ in (lemma(verb), *verb_lemmas(verb))
        )
    ):
        return True
    # "løslatt" tagged ADJ, and a plural form right after a copula: "de er mistenkte for spionasje"
    participle_like = verb.pos_ == "ADJ" and (
        low(verb).endswith(("t", "d")) or low(verb).endswith(("te", "de")) and _after_copula(verb, sent))
    if (
        "Part" not in morph_values(verb, "VerbForm")
        and not verb.tag_.lower().endswith("perf-part")
        and not (participle_like)
    ):
        return _past_form_after_passive(verb, sent) or _gapped_passive(verb, sent)
    if _reduced_relative(verb, sent) or _held_participle(verb):
        return True
    # the words before the participle, read from the Doc's tables
    doc = verb.doc
    table = token_table(doc)
    lowers, lemmas, pos, puncts = table.lowers, table.lemmas, table.pos, table.puncts
    previous = verb.i - 1
    while previous > sent.start and pos[previous] == "ADV":
        previous -= 1
    # "De ble arrestert 17. juni, og tiltalt for ...": a participle coordinated with a passive one
    reach = sent.start if previous >= sent.start and lowers[previous] in ("og", ",") else max(0, verb.i - 7)
    inserted = _parenthetical_before(verb, sent)
    if inserted:  # "ble mannen - som er svensk statsborger - pågrepet": look past the insertion
        reach = max(sent.start, reach - len(inserted))
    for k in range(verb.i - 1, reach - 1, -1):
        if k in inserted:
            continue
        if lemmas[k] in ("bli", "verte") or lowers[k] in ("bli", "blitt", "verte", "vorte", "vorten"):
            return True  # "ville bli løslatt": an infinitive "bli" is passive too
        if lowers[k] in ("sitter", "satt", "sitje", "sit", "sitte") and k == verb.i - 1:
            return True  # "sitter arrestert", "satt fengslet": held
        if pos[k] in ("AUX", "VERB") and (pos[k] == "AUX" or _finite_at(doc, table, k)):
            return lemmas[k] in ("bli", "verte", "være", "vere") or lowers[k] in (
                "ble",
                "blitt",
                "blir",
                "er",
                "var",
            )
        if puncts[k] and reach != sent.start:
            break
    for k in range(verb.i - 1, max(sent.start, verb.i - 20) - 1, -1):
        # "ble alle menn og kvinner mellom 17 og 45 år i minoriteten deportert": a long inverted subject
        if lowers[k] in ("ble", "blir", "blitt", "vart", "vert", "blei"):
            return True
        if pos[k] not in ("NOUN", "PROPN", "ADP", "NUM", "ADJ", "DET", "CCONJ", "PRON", "ADV") or puncts[k]:
            break
    # no auxiliary at all: a headline or a reduced clause ("en mann, pågrepet i natt, ...")
    return not any(_finite_at(doc, table, k) for k in range(sent.start, verb.i))


_DASHES = ("-", "–", "—")


def _reduced_relative(verb: Token, sent: Span) -> bool:
    """ "sier at en mann arrestert for ran har tilstått", "militser alliert med hæren": a participle
    right after a noun phrase that no auxiliary opens describes what was done to that noun ("har
    politiet i Oslo arrestert" is a perfect with an inverted subject)."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ"):
        return False  # an object after it: "... og tollerne beslaglagt narkotika"
    k = verb.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if doc[k].pos_ not in ("NOUN", "PROPN"):
        return False
    while k > sent.start and doc[k].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM", "ADP", "ADV"):
        k -= 1
    opener = doc[k]
    if k == sent.start and opener.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM"):
        return False  # the clause opens with the noun: left to the checks that follow
    return opener.pos_ not in ("AUX", "VERB") and not is_space(opener)
# Finite forms of "bli"/"verte" that make the verb group they open passive.
_FINITE_PASSIVE_AUXILIARIES = ("ble", "blei", "blir", "vart", "vert")


def _participle_shaped(verb: Token) -> bool:
    """A past form the tagger read as finite that can also be a participle: "såret", "skadet",
    nynorsk plural "arresterte"."""
    past = verb.pos_ == "VERB" and "Past" in morph_values(verb, "Tense")
    return past and low(verb).endswith(("t", "d", "e"))


def _past_form_after_passive(verb: Token, sent: Span) -> bool:
    """ "vart to menn arresterte av politiet", "ble fem opprørere som sto bak, drept": a clause has one
    finite verb, so a past form (or a "-t" form read as a noun) after a finite "ble"/"vart" and its
    subject is its participle."""
    doc = verb.doc
    previous = verb.i - 1
    while previous > sent.start and doc[previous].pos_ == "ADV":
        previous -= 1
    if verb.pos_ == "NOUN" and low(verb).endswith("t"):  # a participle the tagger read as a noun
        auxiliary = low(doc[previous])
        if auxiliary in _FINITE_PASSIVE_AUXILIARIES:
            return True  # "at noen blir henrettet"
        if auxiliary in ("er", "var") and verb.dep_ == "SPRED" and (
                verb.i + 1 >= sent.end or low(doc[verb.i + 1]) != "som"):
            return True  # "Begge er anklaget for svindel" (not "Dette er angrepet som ...")
    if not _participle_shaped(verb):
        return False
    inserted = _parenthetical_before(verb, sent)
    for t in reversed(doc[max(sent.start, verb.i - 12 - len(inserted)) : verb.i]):
        if t.i in inserted:
            continue
        if low(t) in _FINITE_PASSIVE_AUXILIARIES or low(t) in ("er", "var"):
            return True
        if t.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "DET", "PRON", "ADV", "ADP") or is_punct(t) \
                or low(t) in ("som", "der", "at"):
            return False  # "ble sint og kastet stein", "var det han som drepte": a verb of its own
    return False


def _after_copula(verb: Token, sent: Span) -> bool:
    """Whether "er", "var", "blir" or "ble" (adverbs aside) comes right before ``verb``."""
    table = token_table(verb.doc)
    k = verb.i - 1
    while k > sent.start and table.pos[k] == "ADV":
        k -= 1
    return k >= sent.start and table.lowers[k] in (*_FINITE_PASSIVE_AUXILIARIES, "er", "var")


_HOLDING_VERBS = frozenset({"sitte", "sitje", "ligge", "liggje", "holde", "halde"})


def _held_participle(verb: Token) -> bool:
    """ "har sittet ti dager varetektsfengslet", "ligger fortsatt innlagt", "holdes innesperret": a
    participle that a verb of staying or keeping governs names a state done to that verb's subject."""
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    return not _HOLDING_VERBS.isdisjoint((head.lemma_.lower(), *verb_lemmas(head)))


def _gapped_passive(verb: Token, sent: Span) -> bool:
    """ "Sjåføren ble drept og fem studenter såret i eksplosjonen": after a passive clause, "og", a
    noun phrase and a past form with no object share the passive auxiliary."""
    doc = verb.doc
    if not _participle_shaped(verb) or not low(verb).endswith(("t", "d")):
        return False
    if verb.i + 1 < sent.end and (doc[verb.i + 1].pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ")
                                  or low(doc[verb.i + 1]) in ("å", "at", "seg")):
        return False  # "... og politiet kastet ham ut", "ble pågrepet og nektet å ...": an active clause
    k = verb.i - 1
    while k > sent.start and doc[k].pos_ in ("NOUN", "PROPN", "NUM", "DET", "ADJ"):
        k -= 1
    # "blir journalister arrestert og kastet ut av landet": with no noun phrase of its own, a past form
    # right after "og" shares the passive too
    if k <= sent.start or low(doc[k]) != "og":
        return False
    earlier = doc[k - 1]
    while earlier.i > sent.start and earlier.pos_ in ("ADP", "NOUN", "PROPN", "DET", "ADJ", "NUM", "ADV"):
        earlier = doc[earlier.i - 1]  # "ble drept i angrepet og ..."
    participle = "Part" in morph_values(earlier, "VerbForm") or _participle_shaped(earlier) or (
        earlier.pos_ == "ADJ" and low(earlier).endswith(("t", "d")))  # "er savnet og fem andre såret"
    return participle and is_passive(earlier, sent)


def _parenthetical_before(verb: Token, sent: Span) -> set[int]:
    """Token indexes of a dash or bracket insertion that ends right before ``verb`` (adverbs aside)."""
    table = token_table(verb.doc)
    pos, texts = table.pos, table.texts
    i = verb.i - 1
    while i > sent.start and pos[i] == "ADV":
        i -= 1
    if i > sent.start and texts[i] == ",":
        return _relative_clause_before(i, sent)
    if i <= sent.start or texts[i] not in (*_DASHES, ")"):
        return set()
    opener = ("(",) if texts[i] == ")" else _DASHES
    for k in range(i - 1, max(sent.start - 1, i - 25), -1):
        if texts[k] in opener:
            return set(range(k, i + 1))
    return set()


def _relative_clause_before(comma: int, sent: Span) -> set[int]:
    """Token indexes of a relative clause on a noun that ends with the comma at ``comma``: "ble minst
    fem opprørere som sto bak angrepet, drept" has the passive auxiliary before the clause."""
    doc = sent.doc
    table = token_table(doc)
    pos, texts, lowers = table.pos, table.texts, table.lowers
    for k in range(comma - 1, max(sent.start, comma - 15), -1):
        if texts[k] in (",", ";", ":", *_DASHES):
            return set()
        if lowers[k] in ("som", "der") and pos[k - 1] in _NOMINAL | {","}:
            start = k - 1 if texts[k - 1] == "," else k  # "mannen, som er svensk, ble ... pågrepet"
            clause = range(k + 1, comma)
            return set(range(start, comma + 1)) if any(_finite_at(doc, table, j) for j in clause) else set()
    return set()


def _possibility(verb: Token, sent: Span) -> bool:
    """An infinitive governed by a modal of ability, need or duty ("må mobilisere", "kan aldri trappe
    ned", "Må be om hjelp"): only adverbs and a subject may stand between."""
    if not is_infinitive(verb):
        return False
    table = token_table(verb.doc)
    for k in range(verb.i - 1, max(sent.start, verb.i - 5) - 1, -1):
        if table.lowers[k] in _MODALS_OF_POSSIBILITY:
            return True
        if table.pos[k] not in ("ADV", "PRON", "PART", "NOUN", "PROPN", "DET") or punct_at(table, k):
            return False
    return False


def _in_fixed_phrase_at(lowers: list[str], i: int) -> bool:
    """Whether word ``i`` (of a Doc's lower-case forms) is a word of a fixed phrase as written around
    it ("stort sett")."""
    for phrase, k in _FIXED_PHRASE_PARTS.get(lowers[i], ()):
        start = i - k
        end = start + len(phrase)
        if start >= 0 and end <= len(lowers) and tuple(lowers[start:end]) == phrase:
            return True
    return False


def _attributive_participle(token: Token, sent: Span) -> bool:
    """ "de mest besøkte turistveiene": a participle between a determiner or degree word and its noun."""
    i = token.i
    if i <= sent.start or i + 1 >= sent.end:
        return False
    table = token_table(token.doc)
    pos, lowers = table.pos, table.lowers
    forms = morph_values_at(token.doc, i, "VerbForm")
    if "Fin" in forms or pos[i + 1] != "NOUN":
        return False  # "etter at de kastet fyrverkeri": a finite verb after a pronoun
    participle = "Part" in forms or pos[i] == "ADJ" or is_adjective_form(table.texts[i])
    opener = lowers[i - 1] in _DEGREE_WORDS or (
        pos[i - 1] in ("DET", "PRON") and lowers[i - 1] in _ATTRIBUTE_OPENERS)
    return participle and opener


class EventFinder:
    def __init__(
        self,
        doc: Doc,
        entities: EntityIndex,
        times: list[TimeExpression],
        offset: int,
        quotes: list[Quote] | None = None,
        referents: Referents | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # built once per Doc, shared with the other finders
        self.table = token_table(doc)  # the hot paths index these lists rather than build Tokens
        self.quotes = quotes or []
        self.entities = entities
        self.times = times
        self.offset = offset
        self.referents = referents or Referents(doc, entities, _lexicon().name_gender)
        self.triggers = _lexicon().load_triggers()
        self.particle_words = _particle_words(self.triggers)
        self.event_verbs: set[int] = set()
        self.sents = sentences(doc)
        self._sentence_starts = [sent.start for sent in self.sents]
        self._subjects: dict[int, Token | None] = {}
        self._entity_tokens: dict[int, list[int]] = {}
        self._fiction_sentences: dict[int, bool] = {}
        self._sentence_gates: dict[int, _SentenceGate] = {}
        self._sentence_places: dict[int, str | None] = {}
        self._sentence_dates: dict[int, str | None] = {}
        self._sentence_endings: dict[tuple[int, tuple[str, ...]], bool] = {}
        self._marker_positions: tuple[list[int], list[int]] | None = None
        self._candidate_words: tuple[list[int], list[tuple[int, bool]]] | None = None
        self.time_tokens: set[int] = set()
        for time in times:
            span = doc.char_span(time.span[0] - offset, time.span[1] - offset, alignment_mode="expand")
            if span is not None:
                self.time_tokens.update(range(span.start, span.end))

    # ------------------------------------------------------------------ trigger matching
    def matches(self, sent: Span) -> Iterable[_Match]:
        """Verb triggers first, so that an event noun governed by an event verb is left to that verb."""
        positions, words = self._trigger_words()
        found = words[bisect_left(positions, sent.start):bisect_left(positions, sent.end)]
        for verbs_first in (True, False):
            for i, verb_like in found:
                if verb_like != verbs_first:
                    continue
                match = self._match(i, sent, verb_like)
                if match is not None:
                    self.event_verbs.add(match.verb.i)
                    yield match

    def _trigger_words(self) -> tuple[list[int], list[tuple[int, bool]]]:
        """The words of the Doc that some reading may trigger (most words have no lexicon row), each
        with whether it is read as a verb, and their positions: found once per Doc, the words' readings
        looked up per distinct word."""
        if self._candidate_words is None:
            table = self.table
            triggers = self.triggers
            # only the words whose form or lemma may trigger are looked up in full (picked out in C)
            form_memo, lemma_memo = _word_memos(triggers)
            by_form = remembered(form_memo, table.lowers, lambda word: _form_may_trigger(triggers, word),
                                 _READINGS_LIMIT)
            by_lemma = remembered(lemma_memo, table.lemmas, lambda word: _lemma_may_trigger(triggers, word),
                                  _READINGS_LIMIT)
            tagged = list(compress(range(len(by_form)), map(or_, by_form, by_lemma)))
            columns = (table.texts, table.lowers, table.lemmas, table.pos)
            keys = list(zip(*(map(column.__getitem__, tagged) for column in columns), strict=True))
            readings = remembered(_reading_memo(triggers), keys, lambda key: _trigger_reading(triggers, *key),
                                  _READINGS_LIMIT)
            words: list[tuple[int, bool]] = []
            for i, reading in compress(zip(tagged, readings, strict=True), readings):
                if reading == _VERB_TRIGGER:
                    words.append((i, True))
                    continue
                verb_like = looks_like_verb_at(table, i)
                if reading & (_AS_VERB if verb_like else _AS_TAGGED):
                    words.append((i, verb_like))
            self._candidate_words = ([i for i, _ in words], words)
        return self._candidate_words

    def _match(self, i: int, sent: Span, verb_like: bool) -> _Match | None:
        """The event of the word at ``i`` (one that some lemma reading has trigger rows for), if its
        construction meets a row; the cheap rejections come first, the clause context last."""
        table = self.table
        word = table.lowers[i]
        pos = "VERB" if verb_like else table.pos[i]
        if word in _REQUIREMENT_FORMS:
            return None  # "det kreves kvalifikasjoner": a requirement, not a demand
        if not verb_like and word.startswith(("selv", "sjølv")):
            return None  # "tar selvkritikk", "i selvforsvar": what one does to oneself
        if _in_fixed_phrase_at(table.lowers, i):
            return None
        # only the readings the lexicon has rows for can match, and only with a word they need nearby
        lemmas = _row_lemmas(self.triggers, table.lemmas[i], word, verb_like, pos)
        window = _clause_window_at(self.doc, i, sent.end)
        if not self._may_meet_rows(i, window, lemmas, pos):
            return None
        token = self.doc[i]
        if verb_like and (_attributive_participle(token, sent) or _participle_as_noun(token)):
            return None  # "de mest besøkte turistveiene", "overfor de to drepte", "vurderer tiltalte"
        if verb_like and (_irrealis_infinitive(token) or _possibility(token, sent)) \
                and not self._negated_aim(token, sent):
            return None
        context = _Context.of(self.doc, i, self.particle_words, window)
        # a particle right before a noun phrase may be that phrase's preposition: try without it too
        loose = [k for k in context.particle_ids if not _ends_phrase_at(table.pos, k)]
        variants = [context]
        if loose:
            variants.append(context.without_particles(self.doc, loose))
        for variant in variants:
            # the observed construction, read and normalised once for every lemma candidate
            observed = Observed.of(variant.particles, variant.objects, variant.preps, variant.has_infinitive,
                                   variant.governor)
            for candidate in lemmas:
                rows = self.triggers.match_observed(candidate, pos, observed)
                if rows:
                    match = self._build(token, rows[0], variant)
                    if match is not None:
                        match.lemma = candidate
                    return match
        return None

    def _may_meet_rows(self, i: int, window: int, lemmas: tuple[str, ...], pos: str) -> bool:
        """Whether a word the rows of some lemma candidate require (a particle, a preposition or an
        object head) is among the dependents of word ``i`` or the words after it up to ``window``: the
        context holds no others, so without one no row can match and the context is not built."""
        needed = _words_needed(self.triggers, lemmas, pos)
        if needed is None:
            return True
        lowers, lemmas_of = self.table.lowers, self.table.lemmas
        for k in parse_table(self.doc).children[i]:
            if lowers[k] in needed or lemmas_of[k] in needed:
                return True
        return any(lowers[k] in needed or lemmas_of[k] in needed for k in range(i + 1, window))

    def _build(self, token: Token, row: Any, context: _Context) -> _Match | None:
        doc, table, i = self.doc, self.table, token.i
        lowers, lemmas, pos = table.lowers, table.lemmas, table.pos
        words = [i]
        words.extend(k for k in context.particle_ids if lowers[k] in row.particles)
        target: int | None = None
        if row.object_lemmas and not row.preps:
            own = [k for k in context.object_ids if lemmas[k] in row.object_lemmas]
            if any(k > 0 and lowers[k - 1] in _OWN for k in own):
                return None  # "tok sitt eget liv": suicide, not an attack
            size = len(lowers)
            if any(k + 2 < size and lowers[k + 1] == "av" and lowers[k + 2] in _SELF for k in own):
                return None  # "tok livet av seg"
            if any(k + 1 < size and lowers[k + 1] in ("sitt", "sit") for k in own):
                return None  # "tok livet sitt": suicide
            words.extend(own)
        if row.preps:
            for prep, complement in context.pp_ids:
                if lowers[prep] in row.preps:
                    words.append(prep)
                    fits = not row.object_lemmas or (
                        complement is not None and lemmas[complement] in row.object_lemmas
                    )
                    if complement is not None and row.object_lemmas and fits:
                        words.append(complement)  # "gikk ut i streik": the complement is part of the trigger
                    elif complement is not None and fits and lowers[prep] in _TARGET_PREPOSITIONS:
                        target = complement
                    break
        target_token = None if target is None else doc[target]
        if not looks_like_verb_at(table, i):
            carrier = context.governor_id
            between = range(carrier + 1, i) if carrier is not None else range(0)
            predicative = (
                carrier is not None
                and lemmas[carrier] in ("være", "vere")
                and (not any(pos[k] == "ADP" for k in between)
                     or any(pos[k] in ("ADJ", "VERB") and pos[k + 1] == "ADP" for k in between)
                     or _noun_before_preposition(pos, between))
            )  # "Dette er et angrep på sivile", "er interessert i avtaler", "var parolen i fakkeltoget"
            # name no act; "var i streik" does
            if carrier is None and self._reported_event_noun(token):
                # "Angrepet på militærleiren skjedde natt til søndag": the event noun is the topic
                return _Match([token], token, row.types[0], _next_head(doc, i + 2, i + 7))
            if (
                carrier is None
                or carrier in self.event_verbs
                or not _can_carry(doc[carrier], bool(row.governors))
                or predicative
            ):
                return None  # no verb of its own, named by another event's verb, or only wished or planned
            if lemmas[carrier] == "ha" and row.types[0] in ("SUPPORT", "ACCUSE") and target is None \
                    and not self.aimed_at(token):
                return None  # "skal Barneombudet ha ros for": praise due, not given by anyone named
            words.append(carrier)
            carrier_token = doc[carrier]
            trigger_tokens = _tokens_of(doc, words, token, carrier_token)
            return _Match(trigger_tokens, carrier_token, row.types[0], target_token)
        return _Match(_tokens_of(doc, words, token), token, row.types[0], target_token)

    def _reported_event_noun(self, noun: Token) -> bool:
        """A definite event noun with its "på"/"av"/"mot" complement that opens its sentence
        ("Angrepet på en militærleir skjedde ...", "Pågripelsen av mannen fant sted ..."); elsewhere a
        bare event noun only mentions an event ("etter angrepet", "fordømmer bombingen")."""
        doc = noun.doc
        sent = self.sentence_of(noun)
        if "Def" not in morph_values(noun, "Definite") and not low(noun).endswith(("en", "et", "a")):
            return False
        if noun.i + 2 >= sent.end or low(doc[noun.i + 1]) not in ("på", "av", "mot"):
            return False
        opening = [t for t in doc[sent.start : noun.i] if not is_space(t) and not is_punct(t)]
        return not opening or (len(opening) == 1 and self._is_time(opening[0]))

    # ------------------------------------------------------------------ roles
    def subject(self, verb: Token) -> Token | None:
        """The clause subject: the parsed one when it is a plausible nominal, else found on the surface."""
        if verb.i not in self._subjects:  # asked for by the gate, the roles and the actors alike
            self._subjects[verb.i] = subject_in_place(self._subject(verb), verb, self.sentence_of(verb))
        return self._subjects[verb.i]

    def _subject(self, verb: Token) -> Token | None:
        sent = self.sentence_of(verb)
        first_word = next((t for t in sent if not is_space(t) and not is_punct(t)), None)
        line_initial = _at_line_start(self.text, verb.idx)
        verb_first = first_word is not None and first_word.i == verb.i
        if (verb_first or line_initial) and not is_passive(verb, sent):
            return None  # "Ber Yunus forklare seg": a headline's verb has no subject; Yunus is asked
        surface = self._surface_subject(verb)
        if surface is not None:
            return surface
        parsed = self._parsed_subject(verb)
        if parsed is not None and parsed.pos_ in _NOMINAL and not self._is_time(parsed):
            pronoun = self.doc[parsed.i - 1]
            after_verb = pronoun.i - 1 >= sent.start and self.doc[pronoun.i - 1].pos_ in ("VERB", "AUX")
            return pronoun if after_verb and self._pronoun_before_object(pronoun, sent) else parsed
        return None

    def _parsed_subject(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(6):
            subjects = [c for c in current.children if dep(c) in SUBJECT_DEPS]
            if subjects:
                return subjects[0]
            if current.head.i == current.i:
                break
            if dep(current) in ("INFV", "xcomp", "KOORD", "conj", "aux", "SPRED") or (
                current.head.pos_ in ("AUX", "VERB") and dep(current) in ("", "ADV")
            ):
                current = current.head
                continue
            break
        return None

    def _surface_subject(self, verb: Token) -> Token | None:
        """Subject by word order: after the finite verb when something else comes first (V2), else the
        head of the nominal chunk that opens the clause; "som" points back to its antecedent."""
        doc, table = self.doc, self.table
        lowers, pos, texts = table.lowers, table.pos, table.texts
        sent = self.sentence_of(verb)
        infinitive_mark = verb.i - 1
        while infinitive_mark > sent.start and lowers[infinitive_mark] in ("ha", "bli", "blitt", "hatt"):
            infinitive_mark -= 1  # "for å ha overfalt": a perfect infinitive
        if infinitive_mark >= sent.start and infinitive_mark < verb.i and lowers[infinitive_mark] == "å":
            # an infinitive's subject is that of the verb it depends on
            governing = self._last_finite(sent.start, infinitive_mark)
            return self._surface_subject(doc[governing]) if governing is not None else None
        finite = _finite_verb_of(verb, sent)
        previous = finite.i - 1
        while previous > sent.start and pos[previous] == "ADV":
            previous -= 1
        if previous > sent.start and lowers[previous] in ("og", "men", "eller"):
            # "Rådet fordømmer X og advarer ...": coordinated verbs share the first verb's subject
            earlier = self._last_finite(sent.start, previous)
            if earlier is not None:
                return self._surface_subject(doc[earlier])
        apposition = self._apposition_subject(finite, sent)
        if apposition is not None:
            return apposition
        start = sent.start
        coordinated = False
        for i in range(finite.i - 1, sent.start - 1, -1):
            word = lowers[i]
            if word in ("og", "men", "eller"):
                # "Tyskland og USA har" is one subject; "..., og Tyskland begynte" a new clause
                if (
                    i > sent.start
                    and (texts[i - 1] == "," or pos[i - 1] not in _NOMINAL)
                    and self._last_finite(sent.start, i) is not None
                ):
                    start = i + 1
                    coordinated = True
                    break
                continue
            if _finite_at(doc, table, i):
                start = i + 1  # two finite verbs never share a clause: "EU-kilder sier britene har ..."
                break
            # "før helgen", "etter mandag": a preposition before a time, not a subjunction
            next_is_time = (
                word in ("før", "etter", "siden", "om") and i + 1 < finite.i and self._is_time_at(i + 1)
            )
            if word == "som" and i > sent.start and pos[i - 1] not in _NOMINAL:
                continue  # "så mange som 600.000 mennesker": a comparison, not a relative clause
            if texts[i] in (",", ";", ":") or (
                (word in _CLAUSE_OPENERS or pos[i] == "SCONJ") and not next_is_time
            ):
                start = i + 1
                break
        while start < finite.i and (texts[start] in ("–", "-", "«") or lowers[start] in ("og", "men")):
            start += 1
        spaces = table.spaces
        before = [doc[k] for k in range(start, finite.i) if not spaces[k]]
        while before and low(before[0]) in ("både", "enten", "verken", "hverken"):
            before = before[1:]  # "både FN og USA ber om ..."
        after = doc[finite.i + 1] if finite.i + 1 < sent.end else None
        if len(before) == 1 and low(before[0]) in _TOPICS and after is not None \
                and after.pos_ == "PRON" and low(after) in _NOMINATIVE_PRONOUNS:
            return after  # "Det vil jeg sterkt avvise": a topic first, the pronoun after the verb acts
        if coordinated and before and all(t.pos_ in ("NUM", "DET", "ADJ") for t in before):
            return before[-1]  # "er en savnet og fem andre såret": a noun phrase with no noun
        if coordinated and not before:
            # "avviser kritikken og sier ...": the subject of the first clause
            first_verb = next((t for t in doc[sent.start : start] if is_finite(t)), None)
            return (
                self._surface_subject(first_verb) if first_verb is not None and first_verb != verb else None
            )
        object_relative = self._own_subject_in_relative(before)
        if start > sent.start and low(doc[start - 1]) == "som" and not object_relative:
            return self._nominal_before(start - 1, sent)  # "som de tok kontroll over": "de" acts
        if len(before) > 2 and low(before[0]) in _PARTITIVE_NOUNS and low(before[1]) == "av":
            return before[0]  # "Hundretusenvis av chilenere demonstrerer"
        quantifier = next((t for t in before if low(t) in _QUANTIFIER_AGENTS), None)
        if quantifier is not None and quantifier.pos_ == "ADJ" and all(t is quantifier or t.pos_ == "ADV"
                                                                        for t in before):
            # "Flere krevde at": the quantifier is the subject; "så mange aksepterer Larsens
            # utgangspunkt" compares, a statement about many, and its object is no subject either
            return quantifier if before == [quantifier] else None
        quantity = len(before) > 1 and before[1].pos_ == "NUM"  # "Over 2000 bussjåfører har ..."
        opener = before[0].pos_ in ("ADV", "ADP", "SCONJ") if before else True
        inverted = not before or (opener and not quantity) or self._is_time(before[0])
        if inverted and not is_finite(finite) and finite.pos_ != "AUX":
            return None  # after a participle comes its object, no subject
        if inverted:
            first_word = next((t for t in sent if not is_space(t) and not is_punct(t)), None)
            finite_first = first_word is not None and first_word.i == finite.i
            if not before and (finite.i == sent.start or finite_first):
                return None  # "Fordømmer pågripelsen av ...": a headline verb has no subject
            for t in doc[finite.i + 1 : min(sent.end, finite.i + 6)]:
                if low(t) in _PARTITIVE_NOUNS and t.i + 1 < sent.end and low(doc[t.i + 1]) == "av":
                    return t  # "har hundretusenvis av mennesker deltatt"
                if self._pronoun_before_object(t, sent):
                    return t  # "hyller de mannskapet": the pronoun is the subject, the noun the object
                if t.pos_ in _NOMINAL and not self._is_time(t) and low(t) not in _POSSESSIVES:
                    return _phrase_head(t, sent)
                skippable = t.pos_ in ("ADV", "DET", "ADJ", "NUM", "PART") or low(t) in _NP_LEFT_WORDS
                if not skippable and not self._is_time(t) and low(t) not in _POSSESSIVES:
                    break
            return None
        core = []
        bracket = False
        for t in before:
            if t.text in ("(", ")"):
                bracket = t.text == "("  # "Espen Barth Eide (Ap) har": the party is no subject
                continue
            if bracket:
                continue
            if (t.pos_ == "ADP" and core) or t.pos_ in ("VERB", "AUX"):
                break  # "Rådet fordømmer X og advarer": the subject is the chunk before the first verb
            core.append(t)
        nominals = [
            t for t in core if t.pos_ in _NOMINAL and not self._is_time(t) and low(t) not in _POSSESSIVES
        ]
        return nominals[-1] if nominals else None

    def _own_subject_in_relative(self, before: list[Token]) -> bool:
        """ "som de tok kontroll over", "mannen som naboene anmeldte": words between "som" and the verb
        that open a noun phrase are the relative clause's own subject, and the antecedent its object
        ("som i går arresterte", "som sammen med politiet aksjonerte" have none)."""
        words = [t for t in before if t.pos_ not in ("ADV", "PART")]
        if not words:
            return False
        first = words[0]
        if first.pos_ == "PRON":
            return low(first) in _NOMINATIVE_PRONOUNS
        if len(words) == 1 and first.pos_ == "NOUN" and "Ind" in morph_values(first, "Definite") \
                and "Sing" in morph_values(first, "Number"):
            return False  # "hva man som person skal akseptere": "som" is "as", no relative clause
        nominal = any(t.pos_ in ("NOUN", "PROPN") and not self._is_time(t) for t in words)
        return nominal and first.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN")

    def _pronoun_before_object(self, word: Token, sent: Span) -> bool:
        """ "Samtidig hyller de mannskapet", "I natt angreip dei opprørarane": after an inverted verb,
        "de" before a noun in the definite form is the subject pronoun ("de nye soldatene" is one
        phrase, with its adjective)."""
        if low(word) not in ("de", "dei") or word.i + 1 >= sent.end:
            return False
        after = self.doc[word.i + 1]
        return after.pos_ == "NOUN" and "Def" in morph_values(after, "Definite")

    def _last_finite(self, start: int, end: int) -> int | None:
        """The last finite verb in words [start, end), if any."""
        doc, table = self.doc, self.table
        return next((k for k in range(end - 1, start - 1, -1) if _finite_at(doc, table, k)), None)

    def _apposition_subject(self, finite: Token, sent: Span) -> Token | None:
        """ "Talibans åndelige leder, mullah Mohammad Omar, beordrer ...": a subject with an apposition
        between commas; the name (or else the head before the first comma) is the subject."""
        doc = self.doc
        if finite.i - 1 <= sent.start or doc[finite.i - 1].text != ",":
            return None
        inner = []
        for k in range(finite.i - 2, sent.start - 1, -1):
            if doc[k].text == ",":
                break
            inner.append(doc[k])
        else:
            return None
        first = [t for t in doc[sent.start : k] if not is_space(t)]
        inner.reverse()
        # "De fire, som ...": a number heads a noun phrase with no noun
        if inner and low(inner[0]) in ("som", "der") and first and first[-1].pos_ in (*_NOMINAL, "NUM") \
                and not any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in first):
            return first[-1]  # "Opprørerne, som kom fra nord, angrep byen": a relative clause between
        spans = (first, inner)
        # no verb, subjunction or clause opener in either part; a preposition only inside a part
        clause_like = [t for part in spans for t in part if not (t.pos_ == "ADP" and t is not part[0])
                       and (t.pos_ in ("VERB", "AUX", "SCONJ", "ADP") or low(t) in _CLAUSE_OPENERS)]
        if not all(spans) or clause_like:
            return None
        if any(t.pos_ == "ADP" for t in first[:1]) or not all(
            any(t.pos_ in ("NOUN", "PROPN") for t in part) for part in spans
        ):
            return None
        named = [t for t in inner if self.entities.entity_for(t) is not None]
        if named:
            return named[-1]
        return [t for t in first if t.pos_ in ("NOUN", "PROPN")][-1]

    def _nominal_before(self, index: int, sent: Span) -> Token | None:
        """The antecedent of "som": the noun right before it ("Traoré, som har gått av")."""
        for t in reversed(self.doc[sent.start : index]):
            if t.pos_ in _NOMINAL:
                return self._head_before_preposition(t, sent) or t
            if t.pos_ in ("VERB", "AUX") or (t.text == "," and t.i != index - 1):
                return None
        return None

    def _head_before_preposition(self, noun: Token, sent: Span) -> Token | None:
        """ "partiet på Stortinget som", "en av få i media som": when the noun before "som" is in a
        prepositional phrase after a noun that can act, that noun is the one who acts."""
        k = noun.i - 1
        while k > sent.start and self.doc[k].pos_ in ("DET", "ADJ", "NUM"):
            k -= 1
        if k <= sent.start or self.doc[k].pos_ != "ADP":
            return None
        head = self.doc[k - 1]
        if head.pos_ not in ("NOUN", "PROPN") or not self.can_act(head):
            return None
        if self._verb_before_phrase(head, sent):
            return None
        described = self._copula_subject(head, sent)  # "Frp er partiet på Stortinget som"
        if self.can_act(noun) and described is None and not self._only_one(head):
            return None
        return described or head

    def _verb_before_phrase(self, head: Token, sent: Span) -> bool:
        """ "stemte Ola Hansen for avtalen som": a name or noun right after a finite verb is its
        subject or object, and the prepositional phrase after it belongs to the verb."""
        k = head.i - 1
        while k > sent.start and self.doc[k].pos_ in ("PROPN", "DET", "ADJ", "NUM"):
            k -= 1
        verb = self.doc[k]
        return k >= sent.start and is_finite(verb) and lemma(verb) not in ("være", "vere")

    def _only_one(self, head: Token) -> bool:
        """ "det eneste partiet på Stortinget som": "eneste" singles out the head, and the relative
        clause says what holds of it, not of what the prepositional phrase names."""
        before = [low(t) for t in self.doc[max(0, head.i - 3) : head.i]]
        return any(w in ("eneste", "einaste", "ene") for w in before)

    def _copula_subject(self, predicate: Token, sent: Span) -> Token | None:
        """ "Frp er det eneste partiet som": the subject of "er" that the predicate noun describes."""
        k = predicate.i - 1
        while k > sent.start and self.doc[k].pos_ in ("DET", "ADJ", "NUM", "ADV"):
            k -= 1
        if k <= sent.start or lemma(self.doc[k]) not in ("være", "vere"):
            return None
        subject = self.doc[k - 1]
        named = self.entities.entity_for(subject) is not None or subject.pos_ == "PROPN"
        return subject if named else None

    def sentence_of(self, token: Token) -> Span:
        k = bisect_right(self._sentence_starts, token.i) - 1
        if k >= 0 and self.sents[k].start <= token.i < self.sents[k].end:
            return self.sents[k]
        return token.doc[:]

    def _is_time(self, token: Token) -> bool:
        return self._is_time_at(token.i)

    def _is_time_at(self, i: int) -> bool:
        return i in self.time_tokens or self.table.lowers[i] in _TIME_WORDS

    def agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if low(child) == _AGENT_PREPOSITION:
                for comp in child.children:
                    if comp.pos_ in ("NOUN", "PROPN", "PRON"):
                        return comp
        return None

    def direct_object(self, verb: Token, skip: set[int]) -> Token | None:
        """The object of a verb that is not part of the trigger ("ba Nord-Korea om ..."), by parse or
        as the first nominal after the verb; times never."""
        sent = self.sentence_of(verb)
        for child in verb.children:
            usable = child.i not in skip and not self._is_time(child) and child.pos_ in _NOMINAL \
                and low(child) not in _NOT_OBJECTS and not self._clause_between(verb, child)
            if dep(child) in ("DOBJ", "obj", "IOBJ") and usable:
                return child
        for t in self.doc[verb.i + 1 : _clause_window(verb, sent)]:
            if t.pos_ == "ADP":
                break  # objects come before prepositional phrases: "ber om tilbakeholdenhet" has none
            if t.i in skip or self._is_time(t) or t.pos_ in ("ADV", "DET", "ADJ", "NUM", "PART") \
                    or low(t) in _POSSESSIVES:
                continue  # "gitt sin støtte til": a possessive of the trigger noun
            if low(t) in ("ja", "nei"):
                break  # "takket ja til", "svarte nei": an answer, no object
            if t.pos_ in _NOMINAL:
                return _phrase_head(t, sent) if t.pos_ != "PRON" else t
            break
        return self._relative_object(verb, sent)

    def _relative_object(self, verb: Token, sent: Span) -> Token | None:
        """ "mannen som naboene anmeldte": in a relative clause with a subject of its own, the
        antecedent of "som" is the verb's object."""
        finite = _finite_verb_of(verb, sent)
        for k in range(finite.i - 1, max(sent.start - 1, finite.i - 7), -1):
            if low(self.doc[k]) == "som":
                before = [t for t in self.doc[k + 1 : finite.i] if not is_space(t)]
                own_subject = bool(before) and self._own_subject_in_relative(before)
                antecedent = self._antecedent(self.doc[k]) if own_subject else None
                return antecedent if antecedent is not None and antecedent.pos_ != "PRON" else None
            if self.doc[k].pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or is_punct(self.doc[k]):
                return None  # "har status som mistenkte og har latt seg bistå": another clause
        return None

    def _clause_between(self, verb: Token, child: Token) -> bool:
        """ "gi støtte til bønder som vanskjøtter dyrene": an object the parse hangs on the verb across
        a "som", "at" or a comma belongs to another clause."""
        table = self.table
        return any(table.lowers[k] in ("som", "at", "der") or punct_at(table, k)
                   for k in range(verb.i + 1, child.i))

    def _between(self, noun: Token, sent: Span) -> tuple[Token, Token | None] | None:
        """The two sides of an event noun followed by "mellom X og Y"."""
        if noun.pos_ != "NOUN" or noun.i + 2 >= sent.end or low(self.doc[noun.i + 1]) != "mellom":
            return None
        first = _next_head(self.doc, noun.i + 2, min(sent.end, noun.i + 7))
        if first is None:
            return None
        k = first.i + 1
        if k + 1 < sent.end and low(self.doc[k]) == "av":  # "grupper av demonstranter"
            inner = _next_head(self.doc, k + 1, min(sent.end, k + 5))
            k = inner.i + 1 if inner is not None else k
        second = None
        if k < sent.end and low(self.doc[k]) == "og":
            second = _next_head(self.doc, k + 1, min(sent.end, k + 5))
        return first, second

    def aimed_at(self, token: Token, type_: str = "") -> Token | None:
        """The complement of a "mot"/"på" phrase right after a trigger: "protester mot regjeringen";
        not a complex preposition ("på bakgrunn av") nor, for a protest, the place it is held in
        ("marsjerte på fortauet")."""
        sent = self.sentence_of(token)
        for t in self.doc[token.i + 1 : min(sent.end, token.i + 4)]:
            if low(t) in ("mot", "på", "overfor"):
                head = _next_head(self.doc, t.i + 1, min(sent.end, t.i + 6))
                if head is None or self._complex_preposition(head):
                    return None
                if type_ == "PROTEST" and low(t) == "på" and not self._protested(head):
                    return None
                return head
            if t.pos_ not in ("ADV", "ADJ", "NOUN"):
                break
        return None

    def _complex_preposition(self, head: Token) -> bool:
        """ "på bakgrunn av", "på grunn av", "på vegne av": the noun of a complex preposition."""
        following = head.i + 1 < len(self.doc) and low(self.doc[head.i + 1]) in ("av", "fra")
        return following and bool({lemma(head), low(head)} & _COMPLEX_PREPOSITION_NOUNS)

    def _protested(self, head: Token) -> bool:
        """ "protesterte på vedtaket": a protest "på" something is aimed at people or a decision; else
        "på" gives where it was held ("demonstrerte på torget")."""
        return self.can_act(head) or is_agreement_noun(low(head)) or is_agreement_noun(lemma(head))

    def refer(self, token: Token | None, before: int) -> str | None:
        """Canonical name or short phrase for an argument token."""
        if token is None:
            return None
        relative_follows = token.i + 1 < len(self.doc) and low(self.doc[token.i + 1]) == "som"
        if low(token) in ("de", "dei", "den") and relative_follows:
            return None  # "de som ikke stiller krav": those who, no one named
        if low(token) in PERSONAL_PRONOUNS:
            before = min(before, token.i)  # a pronoun refers back, never to a name after it
            plural = self._plural_antecedent(token) if PERSONAL_PRONOUNS[low(token)] == "PL" else None
            if plural is not None:
                return self.refer(plural, before)
            name = self.bound_pronoun(token) or self.referents.pronoun(token, before)
            entity = self.entities.by_name(name) if name else None
            if entity is not None and not self._mentioned_near(entity, token):
                return None  # a name last seen paragraphs back is a guess, not a reference
            if entity is not None and self._named_later_in_sentence(entity, token):
                return None  # "Han hadde møte med Aambakk og Vågnes": "han" is neither of them
            # "De møtte presidenten": a pronoun never stands for a place as the one who acts
            return None if entity is not None and entity.type in ("GPE_LOC", "LOC") else name
        if low(token) in _NOT_ACTORS or token.pos_ in ("SCONJ", "ADP", "PUNCT") or self._is_time(token):
            return None
        if is_space(token) or not token.text[:1].isalnum():
            return None
        entity = self.entities.entity_for(token)
        if entity is not None:
            return token.text if self._named_twice(token, entity) else entity.name
        return self.phrase(token)

    def _named_twice(self, token: Token, entity: Any) -> bool:
        """A part of a person's name that the entity layer joined to a person named again elsewhere
        in the same sentence ("Obama takker ... konen Michelle" as Michelle Obama twice, "Fashanu
        nektet ... og Clough fikk nok" as one "Clough Fashanu"): one sentence seldom names one
        person twice, so the actor is kept as written; so is a first name that ends a longer name."""
        if entity.type != "PER" or token.text == entity.name:
            return False
        doc = self.doc
        for near in (token.i - 1, token.i + 1):
            if 0 <= near < len(doc) and self.entities.entity_for(doc[near]) is entity:
                return False  # the mention is more than one word
        words = entity.name.split()
        if len(words) >= 3 and token.text == words[-1] and self.referents.gender_of(token.text) is not None:
            return True  # "Cathrine" as the end of "Olav Mulelid Cathrine": a first name glued to a name
        sent = self.sentence_of(token)
        return any(sent.start <= i < sent.end and abs(i - token.i) > 1 for i in self._tokens_of(entity))

    def _tokens_of(self, entity: Any) -> list[int]:
        """The entity's token indexes, read from the index once per finder (a pronoun asks twice)."""
        key = id(entity)
        if key not in self._entity_tokens:
            self._entity_tokens[key] = self.entities.tokens_of(entity)
        return self._entity_tokens[key]

    def _named_later_in_sentence(self, entity: Any, pronoun: Token) -> bool:
        """Whether the entity is named after the pronoun in its sentence (a pronoun does not stand for
        a name that follows it in its own clause: "Han møtte Vågnes"), or is what the relative "som"
        right before the pronoun stands for."""
        end = self.sentence_of(pronoun).end
        if any(pronoun.i < i < end for i in self._tokens_of(entity)):
            return True
        # "Representantenes hus, som de tok kontroll over": the subject of an object relative is not
        # what the relative stands for
        doc = self.doc
        if pronoun.i >= 2 and low(doc[pronoun.i - 1]) == "som":
            before = doc[pronoun.i - 2] if doc[pronoun.i - 2].text != "," else doc[max(0, pronoun.i - 3)]
            return self.entities.entity_for(before) is entity
        return False

    def _mentioned_near(self, entity: Any, pronoun: Token) -> bool:
        """Whether the entity is named in the pronoun's sentence or one of the three before it."""
        sents = [s for s in self.sents if s.start <= pronoun.i]
        window_start = sents[-4].start if len(sents) >= 4 else 0
        return any(window_start <= i < pronoun.i or (pronoun.i < i < sents[-1].end if sents else False)
                   for i in self._tokens_of(entity))

    def phrase(self, head: Token) -> str:
        """Determiners, numbers, adjectives and genitives before a noun, and the noun: "den irakiske
        nasjonalforsamlingen", "rundt 300 foreldre og barn", "Spanias ambassade"."""
        doc = self.doc
        start = head.i
        for i in range(head.i - 1, max(-1, head.i - 5), -1):
            t = doc[i]
            if is_space(t) or is_punct(t) or _adverbial_before_phrase(t, head) or _perfect_participle(t):
                break
            genitive = t.text.endswith(("s", "'", "’")) and t.pos_ in ("PROPN", "NOUN") and i == start - 1
            article = (
                low(t) in ("den", "det", "de", "dei") and doc[i + 1].pos_ == "ADJ"
            )  # "Det nordkoreanske ..."
            if t.pos_ in ("DET", "ADJ", "NUM") or low(t) in _NP_LEFT_WORDS or genitive or article:
                start = i
                continue
            break
        end = head.i + 1
        if (
            end + 1 < len(doc)
            and low(doc[end]) == "og"
            and doc[end + 1].pos_ == "NOUN"
            and head.pos_ == "NOUN"
        ):
            end += 2  # "foreldre og barn" stays one phrase
        partitive = low(head) in _PARTITIVE_NOUNS or lemma(head) in _PARTITIVE_NOUNS
        if partitive and end + 1 < len(doc) and low(doc[end]) == "av":
            of = _next_head(doc, end + 1, min(len(doc), end + 5))
            if of is not None:
                end = of.i + 1  # "mindre grupper av demonstranter", "hundretusenvis av mennesker"
        return doc[start:end].text

    def actors(self, verb: Token, before: int) -> list[str | None]:
        subject = self.subject(verb)
        if subject is None:
            return [None]
        if low(subject) in _FIRST_PERSON:
            return [self.speaker_around(subject)]
        if self.entities.entity_for(subject) is not None:
            named = [t for t in self._coordinated(subject) if self.entities.entity_for(t) is not None]
            if len(named) > 1:
                return list(dict.fromkeys(self.refer(t, before) for t in named))
        return [self.refer(subject, before)]

    def _coordinated(self, subject: Token) -> list[Token]:
        """ "både FN og USA", "Tyskland og USA": the names joined to a subject by "og"."""
        doc = self.doc
        found = [t for t in _conjuncts(subject) if abs(t.i - subject.i) <= 6]
        entity = self.entities.entity_for(subject)
        left = right = subject.i  # the mention around the subject token
        while left > 0 and entity is not None and self.entities.entity_for(doc[left - 1]) is entity:
            left -= 1
        while (
            right + 1 < len(doc) and entity is not None and self.entities.entity_for(doc[right + 1]) is entity
        ):
            right += 1
        if left >= 2 and low(doc[left - 1]) == "og" and self.entities.entity_for(doc[left - 2]) is not None:
            found.append(doc[left - 2])
        if right + 2 < len(doc) and low(doc[right + 1]) == "og" and self.entities.entity_for(doc[right + 2]):
            found.append(doc[right + 2])
        return found

    def _plural_antecedent(self, pronoun: Token) -> Token | None:
        """ "pågrep to personer ... De ble løslatt": the most recent plural noun (not in a PP) of the
        pronoun's sentence or the one before it, or a plural name."""
        sents = [s for s in self.sents if s.start <= pronoun.i]
        window_start = sents[-2].start if len(sents) > 1 else (sents[-1].start if sents else 0)
        own_subject = self._subject_of_object(pronoun)
        for t in reversed(self.doc[window_start : pronoun.i]):
            if t == own_subject:
                continue  # "vaktene tvang dem": an object pronoun is not its own clause's subject
            if t.pos_ == "NOUN" and "Plur" in morph_values(t, "Number") and not self._is_time(t):
                k = t.i - 1
                while k > window_start and self.doc[k].pos_ in ("DET", "ADJ", "NUM"):
                    k -= 1
                in_pp = k >= 0 and self.doc[k].pos_ == "ADP"  # "i gamle kulturbyer"
                if not in_pp and low(t) not in _NOT_ACTORS and self.can_act(t):
                    return t  # people, not "66 prosent" or "strategier"
        # in its own sentence, people in a prepositional phrase too: "å skrive om menn etter å ha vært
        # truet av dem" speaks of the men, not of a group named sentences before
        for t in reversed(self.doc[self.sentence_of(pronoun).start : pronoun.i]):
            if t.pos_ == "NOUN" and "Plur" in morph_values(t, "Number") and not self._is_time(t) \
                    and low(t) not in _NOT_ACTORS and self.can_act(t) and t != own_subject:
                return t
        return None

    def _subject_of_object(self, pronoun: Token) -> Token | None:
        """The subject of the verb an object pronoun ("dem") follows: "seg", not "dem", would point
        back to it; nynorsk "dei" is an object only after a verb whose subject comes first."""
        if low(pronoun) not in ("dem", "dei"):
            return None
        sent = self.sentence_of(pronoun)
        for t in reversed(self.doc[max(sent.start, pronoun.i - 3) : pronoun.i]):
            if t.pos_ in ("VERB", "AUX"):
                subject = self.subject(t)
                return subject if subject is not None and subject.i < t.i else None
            if t.pos_ not in ("ADV", "PART"):
                return None
        return None

    def bound_pronoun(self, token: Token) -> str | None:
        """ "Traoré kunngjorde at han hadde trukket seg": a pronoun in reported speech is its speaker
        when the gender fits."""
        speaker = self.speaker_around(token)
        entity = self.entities.by_name(speaker) if speaker else None
        if entity is None or entity.type != "PER":
            return None
        wanted = PERSONAL_PRONOUNS.get(low(token))
        gender = self.referents.gender(entity)
        return entity.name if wanted in ("M", "F") and gender in (None, wanted) else None

    def speaker_around(self, token: Token) -> str | None:
        """ "vi" and "jeg" inside a quote speak for the quote's speaker."""
        char = token.idx + self.offset
        for quote in self.quotes:
            if quote.span[0] <= char < quote.span[1]:
                return quote.speaker
        return None

    def location(self, sent: Span) -> str | None:
        """The place named in a locative phrase of the sentence ("i Bergen"), asked once per sentence."""
        if sent.start not in self._sentence_places:
            self._sentence_places[sent.start] = self._location(sent)
        return self._sentence_places[sent.start]

    def _location(self, sent: Span) -> str | None:
        lowers = self.table.lowers
        for i in range(sent.start + 1, sent.end):
            if lowers[i - 1] not in _LOCATIVE_PREPOSITIONS:
                continue  # the preposition first: a Token only for the words after one
            entity = self.entities.entity_for(self.doc[i])
            if entity is not None and entity.type in _PLACE_TYPES:
                return entity.name
        return None

    def negated(self, match: _Match, sent: Span) -> bool:
        cues = _negation_cues()
        first = match.trigger_tokens[0]
        if negation_inside_infinitive(first, sent):
            return False  # "oppfordrer om ikke å dele": what is asked is denied, not the asking
        chain = {match.verb.i, first.i}
        table, parse = self.table, parse_table(self.doc)
        lowers, heads = table.lowers, parse.heads
        current = match.verb.i
        for _ in range(4):
            head = heads[current]
            if head == current or table.pos[head] not in ("VERB", "AUX") or _opens_clause_at(parse, current):
                break  # "Ingen snakker om det, selv om han ble drept": the cue stays in its own clause
            current = head
            chain.add(current)
        if no_plans_to(match.verb, sent):
            return True  # "har ingen planer om å trappe ned"
        if self._denied(first, sent) and not beside_denial(first, sent):
            return True  # "nekter å ta imot tilbudet og krever frifinnelse" does not deny the demand
        for i in range(sent.start, sent.end):
            if lowers[i] not in cues:
                continue
            if question_word_between(i, first) or finite_conjunct_after(i, first, sent):
                continue  # "ikke opplyst hva han er dømt for", "tok ikke imot tilbudet og krever"
            if i + 1 < len(lowers) and lowers[i + 1] in ("lenge", "bare", "minst", "alene"):
                continue  # "ikke lenge etter", "ikke bare": the event itself is not denied
            if heads[i] in chain:
                return True
            # surface: the cue inside the verb group before the trigger ("vil ikke slippe")
            if (
                i < first.i
                and first.i - i <= 6
                and not any(
                    punct_at(table, k) or lowers[k] in _CLAUSE_OPENERS or self._main_verb_at(k)
                    for k in range(i + 1, first.i)
                )
            ):
                return True
            if first.i < i <= first.i + 2 and not any(punct_at(table, k) for k in range(first.i + 1, i)):
                return True
        return False

    def _main_verb_at(self, i: int) -> bool:
        """A content verb (no auxiliary or modal): a negation before it is its own ("vil ikke
        forskusle kapitalen ved å inngå en avtale" does not deny the agreement)."""
        token = self.doc[i]
        if token.pos_ != "VERB" or low(token) in _MODALS:
            return False
        return not ({lemma(token), *verb_lemmas(token)} & (_AUXILIARIES | _MODALS))

    def _negated_aim(self, verb: Token, sent: Span) -> bool:
        """ "har ikke til hensikt å trekke soldatene ut": an aim said not to exist is a negated event."""
        cues = _negation_cues()
        window = self.doc[max(sent.start, verb.i - 7) : verb.i]
        cue = next((t for t in window if low(t) in cues), None)
        if cue is None or any(self._main_verb_at(k) for k in range(cue.i + 1, verb.i)):
            return False  # "vil ikke risikere kapitalen ved å inngå en avtale": another verb's negation
        return any(low(t) in _AIM_WORDS for t in window) and not any(x.text in (",", ";") for x in window)

    def _wished(self, trigger: Token, sent: Span) -> bool:
        """A trigger in what someone hopes, fears or wants ("håper partene kommer til enighet")."""
        table = token_table(self.doc)
        lemmas, lowers, texts = table.lemmas, table.lowers, table.texts
        for i in range(sent.start, trigger.i):
            if {lemmas[i], *verb_forms(lowers[i])} & _ATTITUDE_VERBS and looks_like_verb_at(table, i):
                return not any(texts[k] in (".", ";") for k in range(i + 1, trigger.i))
        return False

    def _conditional(self, trigger: Token, sent: Span) -> bool:
        """A trigger in an if-clause ("Dersom regjeringen vil gå av, ..."): a condition, not an event.
        The clause runs from the subjunction to the next comma; "om" counts only where it opens the
        sentence or follows a comma (elsewhere it is a preposition or "whether")."""
        table = token_table(self.doc)
        lowers, texts = table.lowers, table.texts
        opening = next((i for i in range(sent.start, sent.end)
                        if not table.spaces[i] and not punct_at(table, i)), None)
        if opening is not None and lowers[opening] in CONDITION_SUBJUNCTIONS and opening < trigger.i:
            return True  # "Hvis streiken trappes opp, vil politiet gripe inn": the consequence too
        if any(lowers[i] in CONDITION_SUBJUNCTIONS and lowers[i - 1] == "at"
               for i in range(sent.start + 1, trigger.i)):
            return True  # "Det betyr at dersom det blir streik, vil de bli tatt ut": the at-clause's too
        for i in reversed(range(sent.start, trigger.i)):
            if texts[i] in (",", ";", ":") or punct_at(table, i):
                return False
            if lowers[i] in _CONDITIONALS:
                if lowers[i] != "om":
                    return True
                previous = texts[i - 1] if i > sent.start else None
                return previous is None or previous == ","
        return False

    def _untrue_that(self, trigger: Token, sent: Span) -> bool:
        """ "Det er ikke slik at regjeringen avviste forslaget", "Det stemmer ikkje at ...": a negated
        statement of truth denies its at-clause (where "Ingen snakker om at ..." denies nothing)."""
        lowers = token_table(self.doc).lowers
        cues = _negation_cues()
        for i in range(sent.start, trigger.i - 2):
            if lowers[i] not in cues:
                continue
            window = lowers[max(sent.start, i - 2) : min(trigger.i, i + 4)]
            if "at" in window and not _TRUTH_WORDS.isdisjoint(window):
                return True
        return False

    def _implied(self, trigger: Token, sent: Span) -> bool:
        """A trigger in the at-clause of a verb of meaning ("Det betyr at flertallet avviser
        budskapet", "Tilbudet inkluderer at en guide beslaglegger mobilene"): what something means or
        holds, not a report that it happened."""
        table = token_table(self.doc)
        lemmas, lowers = table.lemmas, table.lowers
        for i in range(sent.start, trigger.i - 1):
            if {lemmas[i], *verb_forms(lowers[i])} & _MEANING_VERBS and looks_like_verb_at(table, i):
                between = range(i + 1, trigger.i)
                stopped = any(punct_at(table, k) for k in between)
                return any(lowers[k] == "at" for k in between) and not stopped
        return False

    def _narrative_present(self, match: _Match, sent: Span) -> bool:
        """ "En dag overfaller de en familie", "Ein kveld møter ho ...": a story told in the present
        (a plot or an anecdote), opened by an indefinite time ("en dag"), not a report."""
        lowers = token_table(self.doc).lowers
        words = [i for i in range(sent.start, min(sent.end, sent.start + 3)) if not is_space(self.doc[i])]
        if len(words) < 2 or lowers[words[0]] not in ("en", "ein", "et", "eit") \
                or lowers[words[1]] not in _STORY_TIMES:
            return False
        return self._present_finite(_finite_verb_of(match.verb, sent))

    def _denied(self, trigger: Token, sent: Span) -> bool:
        """A trigger in what a denial rejects: "avviser at arbeidsgiverne har trenert forhandlingene"."""
        negating = _lexicon().negating_verbs()
        table = token_table(self.doc)
        lemmas, lowers, texts = table.lemmas, table.lowers, table.texts
        if self._untrue_that(trigger, sent):
            return True
        for i in range(sent.start, trigger.i):
            if {lemmas[i], *verb_forms(lowers[i])} & negating and looks_like_verb_at(table, i):
                between = range(i + 1, trigger.i)
                if any(lowers[k] in ("at", "å") for k in between) and not any(
                    texts[k] in (".", ";") for k in between
                ):
                    return True
        return False

    # ------------------------------------------------------------------ the precision gate
    def can_act(self, token: Token | None, type_: str = "") -> bool:
        """Whether a subject or agent names someone who can act: a person, organisation or state
        (named, described by an agent noun, or a personal pronoun), a group ("mange", "tre av dem").
        "man", "det", "Stående applaus", "drømmen" and an unresolved "vi" outside a quote cannot."""
        if token is None:
            return False
        word = low(token)
        if word in ("som", "der"):
            if token.i > 0 and low(self.doc[token.i - 1]) in ("den", "de", "dei", "han", "hun", "ho"):
                return True  # "den som skjøt": the one who
            antecedent = self._antecedent(token)
            return antecedent is not None and self.can_act(antecedent)
        relative_follows = token.i + 1 < len(self.doc) and low(self.doc[token.i + 1]) == "som"
        if word in ("den", "de", "dei") and relative_follows:
            return True  # "den som skjøt": the one who
        if word in _FIRST_AND_SECOND_PERSON:
            return self.speaker_around(token) is not None  # "vi" in a quote speaks for its speaker
        if word in _GENERIC_SUBJECTS or self._spatial_adverbial(token):
            return False
        if word in PERSONAL_PRONOUNS or word in _QUANTIFIER_AGENTS:
            return True
        entity = self.entities.entity_for(token)
        if entity is not None:
            return entity.type in _AGENT_TYPES and not self._named_thing(token, entity) \
                and not self._title_in_quotes(token, entity)
        doc = self.doc
        follows_av = token.i + 2 < len(doc) and low(doc[token.i + 1]) == "av"
        partitive = word in _PARTITIVE_NOUNS or lemma(token) in _PARTITIVE_NOUNS
        if token.pos_ == "NUM" or (follows_av and partitive):
            # "tre av dem", "grupper av demonstranter": the people counted
            inner = _next_head(doc, token.i + 2, min(len(doc), token.i + 6)) if follows_av else None
            return inner is None or inner.i == token.i or self.can_act(inner)
        sentence_start = self.sentence_of(token).start
        if token.pos_ == "PROPN" or (token.text[:1].isupper() and token.i > sentence_start):
            tail = token.text.rsplit("-", 1)[-1]
            if tail != token.text and tail[:1].islower():
                return is_agent_noun(tail)  # "TV-sendinger" names a thing, "NRK-sjefen" a person
            return True  # a name the recognizer missed ("NHO Transport")
        if token.pos_ != "NOUN":
            return False
        if type_ in _VERBAL_TYPES and (is_document_noun(word) or is_document_noun(lemma(token))):
            return True  # "Erklæringen oppfordrer til": a statement speaks for those behind it
        return is_agent_noun(word) or is_agent_noun(lemma(token))

    def _named_thing(self, token: Token, entity: Any) -> bool:
        """ "Det tyske miljømerket Blå Engel", "albumet Vamp": a name after a definite noun of a thing
        names that thing, whatever type the recognizer gave it ("partiet Venstre" stays)."""
        if entity.type == "PER":
            return False  # "motedesigneren Karl Lagerfeld", "forgjengeren Diarra": a title before a person
        doc = self.doc
        first = token.i
        while first > 0 and self.entities.entity_for(doc[first - 1]) is entity:
            first -= 1
        if first == 0:
            return False
        before = doc[first - 1]
        definite = "Def" in morph_values(before, "Definite")
        return before.pos_ == "NOUN" and definite and before.text[:1].islower() \
            and not is_agent_noun(low(before)) and not is_document_noun(low(before))

    def _title_in_quotes(self, token: Token, entity: Any) -> bool:
        """ "«EA Sports Active» kommer til å kreve": a name between quotation marks is the title of a
        work or a product, which cannot act."""
        doc = self.doc
        first = last = token.i
        while first > 0 and self.entities.entity_for(doc[first - 1]) is entity:
            first -= 1
        while last + 1 < len(doc) and self.entities.entity_for(doc[last + 1]) is entity:
            last += 1
        opens = first > 0 and doc[first - 1].text in ("«", '"', "“")
        closes = last + 1 < len(doc) and doc[last + 1].text in ("»", '"', "”")
        return opens and closes

    def _spatial_adverbial(self, token: Token) -> bool:
        """ "landet over", "verda over": a noun with a stranded "over" means "all across", no actor."""
        doc = self.doc
        if token.i + 1 >= len(doc) or low(doc[token.i + 1]) != "over" or token.pos_ not in ("NOUN", "PROPN"):
            return False
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        return after is None or after.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ")

    def _antecedent(self, relative: Token) -> Token | None:
        """The noun a "som" or "der" refers back to, past one comma ("Ling, som ble fengslet")."""
        sent = self.sentence_of(relative)
        for t in reversed(self.doc[max(sent.start, relative.i - 4) : relative.i]):
            if t.text == ",":
                continue
            return t if t.pos_ in _NOMINAL and low(t) not in ("som", "der") else None
        return None

    def can_be_hit(self, token: Token, type_: str) -> bool:
        """Whether a target fits the event type: people and groups for arrests and attacks, and
        for attacks, threats and visits also a place ("angrep på rettsvesenet" is figurative)."""
        if self.can_act(token) or low(token) in ("seg", "meg", "deg", "oss", "ham", "henne", "dem"):
            return True
        if type_ not in _PLACE_TARGET_TYPES:
            return False
        entity = self.entities.entity_for(token)
        if entity is not None:
            return entity.type in _PLACE_ENTITY_TYPES
        return token.pos_ in ("NOUN", "PROPN") and (is_place_noun(low(token)) or is_place_noun(lemma(token)))

    def _gate(self, sent: Span) -> _SentenceGate:
        """The sentence-wide facts of the gate, worked out on the sentence's first match."""
        gate = self._sentence_gates.get(sent.start)
        if gate is None:
            lowers = self.table.lowers
            whenever = False
            as_long_as = None
            # most sentences hold none of the words looked for: one look in C passes them over
            words = range(sent.start, sent.end - 2) if not _GATE_WORDS.isdisjoint(
                lowers[sent.start:sent.end - 2]) else range(0)
            for k in words:
                regarding = lowers[k + 2] in ("gjelder", "gjeld", "kommer", "kjem")  # "når det gjelder"
                if lowers[k] in ("når", "kva tid") and not regarding:
                    whenever = True
                if lowers[k] == "så" and lowers[k + 1] == "lenge" and as_long_as is None:
                    as_long_as = k
            gate = self._sentence_gates[sent.start] = _SentenceGate(
                _is_question(sent), _opens_in_lower_case(sent, self.text), whenever, as_long_as)
        return gate

    def _habitual(self, trigger: Token, sent: Span, gate: _SentenceGate) -> bool:
        """A habitual or generic clause ("kom ofte på besøk", "pleier å møtes"), or a sentence with a
        "når" clause ("møter når utvalget behandler en sak", "et ritual de utførte når de var truet"):
        what happens whenever something else does is no single event."""
        table = self.table
        lowers = table.lowers
        if gate.whenever or (gate.as_long_as is not None and gate.as_long_as < trigger.i):
            return True  # "så lenge SV legger ned veto": a condition
        if _HABITUAL_FIRST_WORDS.isdisjoint(lowers[sent.start:sent.end]):
            return False  # no habitual phrase can open anywhere in the sentence (most sentences)
        start, end = trigger.i, trigger.i
        while start > sent.start and not punct_at(table, start - 1):
            start -= 1
        while end + 1 < sent.end and not punct_at(table, end + 1):
            end += 1
        words = lowers[start : end + 1]
        return any(
            tuple(words[k : k + len(phrase)]) == phrase
            for k, word in enumerate(words) if word in _HABITUAL_FIRST_WORDS
            for phrase in _HABITUAL_PHRASES if phrase[0] == word
        )

    def _second_party(self, match: _Match, sent: Span) -> bool:
        """A meeting's other party: a "med"/"mellom"/"hos" phrase naming someone after the trigger."""
        head = self._reciprocal_head(match, sent)
        return head is not None and self.can_act(head)

    def _reciprocal_head(self, match: _Match, sent: Span) -> Token | None:
        """The head of a "med"/"mellom"/"hos" phrase right after the trigger ("møte med meglerne")."""
        last = match.trigger_tokens[-1]
        for t in self.doc[last.i + 1 : min(sent.end, last.i + 8)]:
            if low(t) in _RECIPROCAL_PREPOSITIONS:
                return _next_head(self.doc, t.i + 1, min(sent.end, t.i + 6))
            if is_punct(t) or is_finite(t):
                return None
        return None

    def _plural_party(self, subject: Token) -> bool:
        """ "partene møttes", "Norge og Sverige møtes", "de møttes": a subject holding both parties."""
        if len(self._coordinated(subject)) > 1 or low(subject) in ("de", "dei", "begge", "alle"):
            return True
        entity = self.entities.entity_for(subject)
        return entity is None and "Plur" in morph_values(subject, "Number")

    def _consult_parties(self, match: _Match, sent: Span, subject: Token | None,
                         target: Token | None) -> bool:
        """A meeting, talk or visit between two parties that can act: "møtte statsministeren",
        "hadde samtaler med Russland", "partene møttes", "besøkte Kina" (a state visit). A visit to a
        town, an exhibition or a person's home is no CONSULT ("besøkte byen", "kom på besøk")."""
        if any(w in ("tilfeldig", "tilfeldigvis") for w in self.table.lowers[sent.start : sent.end]):
            return False  # "Vi møttes igjen tilfeldig": a chance meeting
        generic_target = target is not None and target.pos_ == "NOUN" \
            and "Plur" in morph_values(target, "Number") and "Def" not in morph_values(target, "Definite") \
            and self.entities.entity_for(target) is None
        if generic_target:
            return False  # "har møtt folk fra nettet": people of a kind, no party
        if target is not None:
            entity = self.entities.entity_for(target)
            if entity is not None and entity.type in _PLACE_ENTITY_TYPES and not is_country(entity.name):
                return self._second_party(match, sent)  # "besøkte Tromsø", "besøkte København": a town
            if self.can_act(target):
                return True
            if entity is not None and entity.type in _PLACE_ENTITY_TYPES:
                return subject is not None and self.entities.entity_for(subject) is not None
        if self._second_party(match, sent):
            return True
        return subject is not None and self._plural_party(subject) and target is None

    def _unreal(self, match: _Match, sent: Span) -> bool:
        """A verb group with a modal of possibility, duty or condition ("kan bli tvunget", "bør
        samarbeide", "skulle rustes opp"); "skal ha truet" and "måtte ha" report what happened."""
        if mood_not_real(match.type, match.trigger_tokens, match.verb, sent):
            return True  # "det er mulig at", "advarer mot å", "vil heller", "en bombe gikk av"
        verb = match.verb
        if not looks_like_verb(verb):
            return False
        if verb.i - 2 >= sent.start and low(self.doc[verb.i - 1]) in ("og", "eller") \
                and self.doc[verb.i - 2].pos_ in ("VERB", "AUX", "ADJ"):
            verb = self.doc[verb.i - 2]  # "kunne ha blitt overfalt og bortført": the first verb's group
        if is_finite(verb):
            return False  # "en gruppe som angriper": a finite verb is its own group
        finite = _finite_verb_of(verb, sent)
        group = [low(t) for t in self.doc[finite.i : verb.i]]
        window = [low(t) for t in self.doc[max(sent.start, verb.i - 4) : verb.i]]
        if "å" in window:
            group = window[window.index("å"):]  # "for å skulle bli skutt": the infinitive's own group
        modals = [w for w in group if w in _UNREAL_MODALS]
        if any(w in ("skal", "skulle") for w in group) and "Inf" in morph_values(verb, "VerbForm") \
                and low(verb).endswith("es") and "Pass" in morph_values(verb, "Voice"):
            return True  # "Grums skal ikke forsvares": what ought to be done
        if not modals or modals == ["måtte"]:
            return False
        perfect = any(w in ("ha", "hatt") for w in group)
        passive = any(w in ("bli", "blitt", "vorte", "verte", "vært") for w in group)
        if modals[-1] == "ville" and not perfect and not passive and "Part" in morph_values(verb, "VerbForm"):
            return True  # "ville jeg sagt nei": what would have happened ("ha" left out)
        if modals == ["ville"] and not perfect and not passive and self._wanted(finite, sent):
            return True  # "Mange ville gratulere dem": what they wanted to do
        if modals == ["ville"] and not perfect:
            return False  # "at journalistene ville bli løslatt": what was to happen, as reported
        return not (perfect and modals[0] in _UNREAL_UNLESS_PERFECT - {"kan", "kunne", "må", "måtte"})

    def _wanted(self, finite: Token, sent: Span) -> bool:
        """ "ville" as the past of "vil" in a main clause, not denied: a wish ("Mange ville gratulere
        paret"); reported ("at de ville trekke seg") it announces, and "ville ikke" refuses."""
        lowers = token_table(self.doc).lowers
        if low(finite) != "ville":
            return False
        before = range(sent.start, finite.i)
        after = range(finite.i + 1, min(sent.end, finite.i + 4))
        return not any(lowers[k] in ("at", "om", "som", "hvis", "dersom", "da", "når") for k in before) \
            and not any(lowers[k] in _negation_cues() for k in after)

    def _generic_passive(self, match: _Match, sent: Span) -> bool:
        """A present s-passive outside a headline ("Både eldre og barn arresteres", "Mange opplever
        at de trues", "lovprises hans lederskap"): what is done as a rule. A headline ("Fangene
        slippes fri") reports news in the present."""
        verb = match.verb
        form = low(verb)
        if not form.endswith("s") or verb is not _finite_verb_of(verb, sent) \
                or "Inf" in morph_values(verb, "VerbForm"):
            return False
        if not is_passive(verb, sent) or match.lemma.endswith("s") or self.agent(verb) is not None:
            return False  # "møtes" is deponent; "som støttes av Frankrike" names who does it
        return not _is_headline(sent)

    def _descriptive_present(self, match: _Match, sent: Span) -> bool:
        """A present-tense verb in a relative or "når" clause: what someone does as a rule."""
        if not looks_like_verb(match.verb) or match.type in _VERBAL_TYPES:
            return False  # "partier som krever at ...": a demand or a charge is stated in the present
        finite = match.verb if is_finite(match.verb) else _finite_verb_of(match.verb, sent)
        tense = morph_values(finite, "Tense")
        present = "Pres" in tense or (not tense and low(finite).endswith("r"))
        passive_present = low(finite) in ("blir", "vert") and finite is not match.verb
        if (finite is not match.verb and not passive_present) or not present:
            return False  # "som har ledet an i protester" reports what happened; "som blir angrepet" not
        in_list = False  # "geriljaer som går i sivil, angriper sivile": a list of what they do
        for t in reversed(self.doc[sent.start : finite.i]):
            if low(t) in _DESCRIPTIVE_OPENERS:
                # "Politiet, som etterforsker saken, angriper": an apposition, not the list's opener
                return not (in_list and t.i > sent.start and self.doc[t.i - 1].text == ",")
            if t.text == "," and self._present_finite(self.doc[t.i + 1]):
                in_list = True
                continue
            if in_list and self._present_finite(t):
                continue
            if t.text in (",", ";", ":") or is_finite(t) or low(t) in _CLAUSE_OPENERS - {"og", "men"}:
                return False
        return False

    def _standing_present(self, match: _Match, sent: Span) -> bool:
        """Cooperation or help told in the plain present, outside a headline and with no time that
        anchors it ("nå", "i dag", "fredag"): "Sjøfartsinspektøren bistår sysselmannen" and "Vi
        samarbeider godt med dem" describe a standing task or relation, not something that happened
        ("Partiet inngår nå et samarbeid" stays; fighting in the present, "kjemper mot", is news)."""
        verb = match.verb
        standing = match.type in _STANDING_TYPES or self._reciprocal_after(match, sent)
        if not standing or not looks_like_verb(verb) or not self._present_finite(verb):
            return False
        lowers = token_table(self.doc).lowers
        if any(i in self.time_tokens or lowers[i] in _NOW_WORDS for i in range(sent.start, sent.end)):
            return False
        return not _is_headline(sent)

    def _reciprocal_after(self, match: _Match, sent: Span) -> bool:
        """ "alle støtter hverandre", "dei hjelper kvarandre": what parties do for each other, in the
        present, is a relation between them."""
        last = match.trigger_tokens[-1].i
        lowers = token_table(self.doc).lowers
        return any(lowers[i] in _RECIPROCALS for i in range(last + 1, min(sent.end, last + 4)))

    @staticmethod
    def _present_finite(token: Token) -> bool:
        return is_finite(token) and "Pres" in morph_values(token, "Tense")

    def _agreement(self, token: Token) -> bool:
        """What can be agreed, accepted or signed: a text, a deal, a plan or the parties themselves."""
        word = low(token)
        if word in _QUANTIFIER_AGENTS:
            return False  # "To straffekast, begge signert Davik": "begge" counts what was signed, not parties
        return self.can_act(token) or is_document_noun(word) or is_agreement_noun(word) \
            or is_agreement_noun(lemma(token))

    def _court_sentence(self, match: _Match, sent: Span) -> bool:
        """ "dømt til fengsel", "dømte ham for drap": a court sentence names the penalty or the
        crime; "jeg dømmer henne ikke", "landet vårt er dømt" judge morally or figuratively."""
        if not ({match.lemma, lemma(match.verb)} & {"dømme", "døme"}):
            return True
        after = [low(t) for t in self.doc[match.verb.i + 1 : min(sent.end, match.verb.i + 8)]]
        if any(after[k : k + 2] == ["til", "å"] for k in range(len(after))):
            return False  # "dømt til å mislykkes": doomed
        return any(w in ("til", "for", "i") for w in after)

    def _advice(self, match: _Match, sent: Span) -> bool:
        """ "advarer mot å kritisere", "advarer han mot manglende prioritering": a warning against
        something is advice, not a threat ("advarer Vesten mot å sende våpen" names whom it is aimed at
        and stays)."""
        warning = [t for t in match.trigger_tokens if low(t).startswith(("advar", "åtvar"))]
        if match.type != "THREATEN" or not warning:
            return False
        start = warning[-1].i + 1
        subject = self.subject(match.verb)
        if subject is not None and subject.i == start:
            start += 1  # "advarer han mot": the inverted subject, not whom the warning is aimed at
        return start < sent.end and low(self.doc[start]) == "mot"

    def _needs_person(self, match: _Match) -> bool:
        """A COERCE verb whose object is a person: arrest, charge, sentence, deport, force."""
        return match.type == "COERCE" and bool({match.lemma, lemma(match.verb)} & _PERSON_OBJECT_VERBS)

    def _match_between_teams(self, sent: Span) -> bool:
        """A sentence about a sports match ("møte Russland i finalen", "VM-kamp")."""
        return self._word_ending_in(sent, _MATCH_WORDS)

    def _word_ending_in(self, sent: Span, endings: tuple[str, ...]) -> bool:
        """Whether a word of the sentence ends in one of ``endings``, asked once per sentence."""
        key = (sent.start, endings)
        if key not in self._sentence_endings:
            words = self.table.lowers[sent.start : sent.end]
            self._sentence_endings[key] = any(w.endswith(endings) for w in words)
        return self._sentence_endings[key]

    def _generic_plural(self, subject: Token, verb: Token, sent: Span) -> bool:
        """A bare plural subject (no determiner, number or possessive) of a present-tense verb: a
        statement about a kind ("enslige kvinner fratar barna retten", "klubber ber spillere")."""
        head = subject
        if low(subject) in ("de", "dei"):
            antecedent = self._plural_antecedent(subject)
            if antecedent is None:
                return False
            head = antecedent
        plural = "Plur" in morph_values(head, "Number") and "Def" not in morph_values(head, "Definite")
        if head.pos_ != "NOUN" or not plural:
            return False
        if self.entities.entity_for(head) is not None:
            return False
        finite = _finite_verb_of(verb, sent)
        if "Pres" not in morph_values(finite, "Tense"):
            return False
        k = head.i - 1
        while k >= sent.start and self.doc[k].pos_ == "ADJ":
            k -= 1
        before = self.doc[k] if k >= sent.start else None
        genitive = before is not None and before.text.endswith(("s", "'", "’")) and before.pos_ == "PROPN"
        determined = before is not None and (
            before.pos_ in ("DET", "NUM", "PRON") or low(before) in _POSSESSIVES or genitive)
        return not determined

    def _had_done(self, subject: Token, verb: Token, sent: Span) -> bool:
        """ "fikk tolv turister bortført", "fekk bilen øydelagd", "har fått innfridd sine krav": "få"
        with a participle says what was done to the noun or for the subject, by someone not named."""
        if subject.i > verb.i or ("Part" not in morph_values(verb, "VerbForm") and verb.pos_ != "ADJ"):
            return False
        lowers = token_table(self.doc).lowers
        k = verb.i - 1
        while k > subject.i and self.doc[k].pos_ == "ADV":
            k -= 1
        own = verb.i + 1 < sent.end and lowers[verb.i + 1] in ("sin", "sitt", "sine", "si")
        if k > subject.i and lowers[k] in _GET_FORMS and own:
            return True  # "har fått innfridd sine krav"; "får gjennomført ransaking" is done by the subject
        for k in range(subject.i - 1, max(sent.start, subject.i - 5) - 1, -1):
            if lowers[k] in _GET_FORMS:
                return True
            if punct_at(token_table(self.doc), k):
                return False
        return False

    def _those_who(self, subject: Token, verb: Token, sent: Span) -> bool:
        """ "de som ikke stiller krav", "den som angriper", "et folk som bombes, vil støtte": a pronoun
        or an indefinite noun with a relative clause, in the present, names whoever does so; "den som
        skjøt" (past) names one who did."""
        doc = self.doc
        if subject.i + 1 >= len(doc) or low(doc[subject.i + 1]) != "som":
            return False
        finite = _finite_verb_of(verb, sent)
        if low(subject) in ("de", "dei", "den"):
            return self._present_finite(finite)
        # "Et folk som bombes, vil støtte geriljaen": any such people, in the present or as a rule
        indefinite = subject.i > 0 and low(doc[subject.i - 1]) in ("en", "ei", "et", "ein", "eit")
        return indefinite and subject.pos_ == "NOUN" and (self._present_finite(finite)
                                                          or low(finite) in ("vil", "ville"))

    def _state_passive(self, verb: Token, sent: Span) -> bool:
        """A participle after "er"/"var" with no "blitt"/"vært" ("er berømt", "var akseptert")."""
        finite = _finite_verb_of(verb, sent)
        group = [low(t) for t in self.doc[min(finite.i, max(sent.start, verb.i - 7)) : verb.i]]
        return any(w in ("er", "var", "e") for w in group) and not any(
            w in ("blitt", "ble", "blir", "vorte", "vart", "vert", "bli") for w in group)

    def _titled_target(self, token: Token | None) -> bool:
        """A target that is a work or product ("anmeldte «Master of Reality»"): a review, no event."""
        if token is None:
            return False
        entity = self.entities.entity_for(token)
        if entity is not None and entity.type == "PROD":
            return True
        return token.i > 0 and self.doc[token.i - 1].text in ("«", '"', "“")

    def _verb_first_condition(self, match: _Match, sent: Span) -> bool:
        """ "Ba de om fisk, fikk de hval": a clause opening with its finite verb, then a comma and
        another finite verb, is a condition (questions and headlines aside)."""
        table = token_table(self.doc)
        first_word = next((i for i in range(sent.start, sent.end)
                           if not table.spaces[i] and not punct_at(table, i)), None)
        finite = _finite_verb_of(match.verb, sent)
        if first_word is not None and first_word < finite.i and self._asks_or_supposes(first_word, sent):
            return True  # "Begynner statsråden å se at regjeringen trosser viljen": asked, not stated
        if first_word is None or first_word != finite.i or not is_finite(finite):
            return False
        # "Skal vi samarbeide med dem forventer vi innflytelse": a second finite verb answers the first
        pos = table.pos
        return any(pos[i] in ("VERB", "AUX") and "Fin" in morph_values(self.doc[i], "VerbForm")
                   for i in range(finite.i + 2, sent.end))

    def _asks_or_supposes(self, first_word: int, sent: Span) -> bool:
        """A sentence that opens with a finite verb and its subject ("Begynner statsråden å se at",
        "Hadde politiet grepet inn, ..."): a question or a condition, whatever it holds; a headline's
        verb ("Ber Yunus forklare seg") has no subject and stays."""
        doc = self.doc
        if not is_finite(doc[first_word]) or _is_headline(sent):
            return False
        k = first_word + 1
        while k < sent.end and doc[k].pos_ == "ADV":
            k += 1
        if k >= sent.end:
            return False
        subject = doc[k]
        return low(subject) in _NOMINATIVE_PRONOUNS or (
            subject.pos_ in ("NOUN", "PROPN") and dep(subject) in SUBJECT_DEPS)

    def _aimed(self, match: _Match) -> bool:
        """Whether a "mot"/"for" phrase follows the trigger ("demonstrerte mot regjeringen")."""
        last = match.trigger_tokens[-1]
        after = self.doc[last.i + 1 : min(len(self.doc), last.i + 4)]
        return any(low(t) in ("mot", "for", "imot") for t in after)

    def _free_relative(self, trigger: Token, sent: Span) -> bool:
        """ "det som vi hadde avtalt", "alt som de krevde": what someone did, named as a thing in the
        sentence, not reported as an event."""
        table = token_table(self.doc)
        lowers = table.lowers
        for i in range(trigger.i - 1, max(sent.start, trigger.i - 6), -1):
            if punct_at(table, i):
                return False
            things = ("det", "dét", "alt", "noe", "noko")
            if lowers[i] == "som" and i > sent.start and lowers[i - 1] in things \
                    and lowers[i + 1] in _NOMINATIVE_PRONOUNS:
                return True
        return False

    def _compared(self, trigger: Token, sent: Span) -> bool:
        """A trigger in a clause of comparison ("slik de skrekkslagne her hjemme klager over", "som
        tobakksindustrien har gjort"): what others do, said to compare."""
        table = token_table(self.doc)
        lowers = table.lowers
        for i in range(trigger.i - 1, sent.start - 1, -1):
            if punct_at(table, i) or lowers[i] in (",", ";"):
                return False
            if lowers[i] in ("slik", "sånn") and lowers[i + 1] not in ("at", "som") \
                    and (i == sent.start or punct_at(table, i - 1) or lowers[i - 1] in (",", "og", "men")):
                return True
        return False

    def _fiction(self, sent: Span) -> bool:
        """A sentence about a puppet show, a film, a play or a novel ("Dukken dreper ham")."""
        if sent.start not in self._fiction_sentences:
            lowers = token_table(self.doc).lowers
            self._fiction_sentences[sent.start] = not _FICTION_WORDS.isdisjoint(lowers[sent.start : sent.end])
        return self._fiction_sentences[sent.start]

    def _not_ruled_out(self, trigger: Token, sent: Span) -> bool:
        """ "Det er ikke utelukket at Fr.p. vil fremme krav": what is not ruled out is a possibility;
        "som om staten har godkjent": what seems so; "uten at noen arresterer deg": what does not happen."""
        markers = self._markers()[0]
        k = bisect_left(markers, sent.start)
        return k < len(markers) and markers[k] < trigger.i

    def _markers(self) -> tuple[list[int], list[int]]:
        """Where the Doc has a word that rules in or denies ("utelukket", "som om", "uten at") and a
        verb of demand: found in one pass over the Doc, for every match to look up."""
        if self._marker_positions is None:
            table = token_table(self.doc)
            lowers, lemmas = table.lowers, table.lemmas
            last = len(lowers) - 1
            # one look at the whole text first: most Docs have no form of "utelukke" to find word by word
            text = self.text.lower()
            ruled_out = "utelukk" in text or "utelukt" in text
            # the words are picked out in C (``compress``): a Python loop over every word costs more
            words = range(len(lowers))
            if ruled_out:
                unreal = [i for i, w in enumerate(lowers)
                          if (w in _UNREAL_FIRST_WORDS and i < last and (w, lowers[i + 1]) in _UNREAL_PAIRS)
                          or w.startswith(("utelukk", "utelukt"))]
            else:
                unreal = [i for i in compress(words, map(_UNREAL_FIRST_WORDS.__contains__, lowers))
                          if i < last and (lowers[i], lowers[i + 1]) in _UNREAL_PAIRS]
            demands = list(compress(words, map(_DEMAND_VERBS.__contains__, lemmas)))
            self._marker_positions = (unreal, demands)
        return self._marker_positions

    def _demanded(self, trigger: Token, sent: Span) -> bool:
        """A trigger in the at-clause of a demand ("vil kreve at partiene inngår avtaler")."""
        demands = self._markers()[1]
        k = bisect_left(demands, sent.start)
        if k == len(demands) or demands[k] >= trigger.i - 1:
            return False
        table = token_table(self.doc)
        lowers, texts = table.lowers, table.texts
        for i in demands[k:bisect_left(demands, trigger.i - 1)]:
            if looks_like_verb_at(table, i) and lowers[i + 1] != "om":
                between = range(i + 1, trigger.i)
                stopped = any(texts[k] in (".", ";", ",") for k in between)
                if any(lowers[k] == "at" for k in between) and not stopped:
                    return True
        return False

    def _warning_said(self, match: _Match, sent: Span) -> bool:
        """ "advarer" as a verb of speech after what is said ("Det kan være dødelig, advarer
        Ringstad"): a warning of consequences, not a threat."""
        if match.type != "THREATEN":
            return False
        if self._own_forces(match, sent):
            return True
        warning = [t for t in match.trigger_tokens if low(t).startswith(("advar", "åtvar"))]
        if not warning:
            return False
        first = warning[0]
        before = self.doc[first.i - 1].text if first.i > sent.start else ""
        after = low(self.doc[first.i + 1]) if first.i + 1 < sent.end else ""
        return before in (",", "»", '"', "”") and after not in ("om", "mot")

    def _own_forces(self, match: _Match, sent: Span) -> bool:
        """ "varslet en opptrapping av amerikanske styrker": more of one's own forces, no threat."""
        lowers = token_table(self.doc).lowers
        last = match.trigger_tokens[-1].i
        for i in range(match.trigger_tokens[0].i + 1, min(sent.end - 1, last + 6)):
            if lowers[i].startswith(("opptrapping", "økning", "auke")) and lowers[i + 1] == "av":
                return any(lowers[k].endswith(_FORCE_ENDINGS) for k in range(i + 2, min(sent.end, i + 5)))
        return False

    def _forced_state(self, match: _Match, sent: Span) -> bool:
        """ "er tvunget til å": a state passive of forcing states a necessity."""
        return match.type == "COERCE" and {match.lemma, lemma(match.verb)} & {"tvinge", "tvinga"} != set() \
            and self._state_passive(match.verb, sent)

    def _private(self, match: _Match, actor: Token | None, target: Token | None, sent: Span) -> bool:
        """A request, visit, thanks or agreement between relatives or friends, or aimed at the writer
        ("mine barn har bedt meg om det", "ba de faren om å", "besøkte en venn", "Moren ber om
        unnskyldning"; for meetings and appointments also a relative or friend after the trigger:
        "har avtale om å treffe venner")."""
        if match.type not in _PRIVATE_TYPES:
            return False
        if match.type != "REJECT" and self._private_setting(match, actor, target, sent):
            return True  # a denial is a statement, and a relative may make it in public
        if target is not None and self.entities.entity_for(target) is None \
                and (low(target) in _FIRST_PERSON_SINGULAR or is_private_noun(low(target))):
            return True
        # "Moren ber om unnskyldning": private, unless a named party is in the sentence
        # ("Datteren avviser at Krekar har mål om endringer")
        if actor is not None and self.entities.entity_for(actor) is None and is_private_noun(low(actor)) \
                and not any(self.entities.entity_for(t) is not None for t in sent):
            return True
        if match.type == "REQUEST":
            return self._asks_relative(match.verb, sent)
        if match.type in ("CONSULT", "AGREE"):
            last = match.trigger_tokens[-1]
            window = self.doc[last.i + 1 : min(sent.end, last.i + 8)]
            return any(t.pos_ == "NOUN" and is_private_noun(low(t)) for t in window)
        return False

    def _asks_relative(self, verb: Token, sent: Span) -> bool:
        """ "ba de faren om å", "bad ho mora om": the object right after the verb (past an inverted
        pronoun subject) is a relative or a friend ("ber om tips fra naboer" asks the public)."""
        for t in self.doc[verb.i + 1 : min(sent.end, verb.i + 5)]:
            if t.pos_ in ("PRON", "DET", "ADJ", "ADV") and low(t) not in ("om", "til"):
                continue
            return t.pos_ == "NOUN" and is_private_noun(low(t))
        return False

    def _private_setting(self, match: _Match, actor: Token | None, target: Token | None, sent: Span) -> bool:
        """Dealings between people with no public role in a sentence of private life: a relative or a
        friend, or a place, occasion or feeling of private life ("møtte ham på en nattklubb", "traff
        henne på flyet", "har unnskyldt at det står en plante i badekaret", "Pappa Ola støtter
        datterens avgjørelse"). A party that is an organisation, a state or a person with a title
        ("statsministeren møtte ham på hytta") keeps the event; things are no party."""
        partner = self._reciprocal_head(match, sent)  # "møte med meglerne": a party, known or not
        parties = [t for t in (actor, target) if t is not None and low(t) not in _RECIPROCALS
                   and (low(t) in PERSONAL_PRONOUNS or self.can_act(t))]
        parties += [partner] if partner is not None and partner.pos_ in _NOMINAL else []
        if not parties or not all(self._private_person(t) for t in parties):
            return False
        lowers, pos = self.table.lowers, self.table.pos
        private = any(
            lowers[i] in _AT_HOME
            or pos[i] == "NOUN" and (is_private_setting(lowers[i]) or is_private_noun(lowers[i]))
            for i in range(sent.start, sent.end))
        # "broren John unnskyldte seg": a person the article introduces as a relative is in private life
        if not private and not any(self._introduced_as_relative(t) for t in parties):
            return False
        # someone named or a relative, not only a "de" no one resolves ("De ble beordret til å følge flyet")
        return any(low(t) not in PERSONAL_PRONOUNS or self.refer(t, t.i) is not None for t in parties)

    def _private_person(self, token: Token) -> bool:
        """Someone with no public role: a relative or friend, an unresolved pronoun, or a person
        never named with a title in the article (a name after "pappa" or "venninnen" stays private)."""
        word = low(token)
        entity = self._party_entity(token)
        if entity is None and word not in PERSONAL_PRONOUNS and word not in _FIRST_AND_SECOND_PERSON:
            return is_private_noun(word)
        if entity is None:
            return True  # "ba de faren om": no one named
        return entity.type == "PER" and not self._public_role(entity)

    def _party_entity(self, token: Token) -> Any:
        """The entity a party names: through its quote's speaker for "jeg" and "vi", through its
        referent for a pronoun, else its own."""
        word = low(token)
        if word in _FIRST_AND_SECOND_PERSON:
            name = self.speaker_around(token)
        elif word in PERSONAL_PRONOUNS:
            name = self.refer(token, token.i)
        else:
            return self.entities.entity_for(token)
        return self.entities.by_name(name) if name else None

    def _introduced_as_relative(self, token: Token) -> bool:
        """A person the article names after a relative's noun somewhere ("broren John", "Pappa Ola
        Hansen"), or a relative's noun itself."""
        if low(token) not in PERSONAL_PRONOUNS and is_private_noun(low(token)):
            return True
        entity = self._party_entity(token)
        if entity is None or entity.type != "PER":
            return False
        tokens = set(self._tokens_of(entity))
        return any(i - 1 not in tokens and i > 0 and is_private_noun(low(self.doc[i - 1])) for i in tokens)

    def _public_role(self, entity: Any) -> bool:
        """Whether a person is named with a title or a party anywhere in the article ("biskop Kvarme",
        "Hermès-direktør Jean-Louis Dumas", "Kari Nilsen (Ap)")."""
        doc = self.doc
        tokens = set(self._tokens_of(entity))
        for i in tokens:
            if i - 1 not in tokens and i > 0 and is_role_noun(doc[i - 1].text) \
                    and not is_private_noun(low(doc[i - 1])):
                return True
            if i + 1 not in tokens and i + 1 < len(doc) and doc[i + 1].text == "(":
                return True
        return False

    def _audience(self, match: _Match, target: Token | None) -> bool:
        """ "tvinger publikum til å ta stilling": coercing or attacking the audience is a figure."""
        return target is not None and match.type in ("COERCE", "ASSAULT", "THREATEN") \
            and low(target) in _AUDIENCE

    def _own_violence(self, subject: Token | None, match: _Match, target: Token | None) -> bool:
        """Violence a speaker tells of themself alone ("Ja, jeg myrdet dem", "tok jeg livet av
        trenerne mine i drømmehypnose") is figurative or imagined ("Vi bombet byen", said for an army,
        stays); "kjempe mot" needs someone or a place to fight."""
        if subject is not None and low(subject) in ("jeg", "eg"):
            return True
        fighting = {match.lemma, lemma(match.verb)} & _FIGHT_LEMMAS
        return bool(fighting) and (target is None or not self.can_be_hit(target, match.type))

    def _press(self, subject: Token) -> bool:
        """A newspaper, a magazine or a reporter: who meets someone to interview them."""
        if low(subject) in _PRESS_NOUNS:
            return True
        entity = self.entities.entity_for(subject)
        return entity is not None and entity.name.lower() in _NEWS_MEDIA

    def date(self, sent: Span) -> str | None:
        """The value of the first time expression in the sentence, asked once per sentence."""
        if sent.start not in self._sentence_dates:
            self._sentence_dates[sent.start] = self._date(sent)
        return self._sentence_dates[sent.start]

    def _date(self, sent: Span) -> str | None:
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
        for sent in self.sents:
            for match in self.matches(sent):
                if self._no_one_acts(match, sent):
                    continue  # no one who can act does it (``_events`` would drop it after the gate)
                trigger = match.trigger_tokens[0]
                gate = self._gate(sent)
                if gate.question or gate.broken_line or self._fiction(sent):
                    continue  # asked, a piece of a broken line, or a puppet's act
                if self._wished(trigger, sent) or self._conditional(trigger, sent):
                    continue  # wished or supposed, not said to have happened
                if self._habitual(trigger, sent, gate) or self._verb_first_condition(match, sent):
                    continue  # what usually happens, or what happens if something else does
                if (self._unreal(match, sent) or self._descriptive_present(match, sent)
                        or self._generic_passive(match, sent) or self._standing_present(match, sent)):
                    continue  # what could or should happen, or what someone does as a rule
                if not self._court_sentence(match, sent) or self._advice(match, sent):
                    continue  # "jeg dømmer henne ikke": a moral judgement; "advarer mot å": advice
                if _predicative_participle(match.verb):
                    continue  # "følte seg akseptert": a state
                if self._implied(trigger, sent) or self._narrative_present(match, sent):
                    continue  # "Det betyr at flertallet avviser ...", "En dag overfaller de en familie"
                if self._not_ruled_out(trigger, sent) or self._demanded(trigger, sent) \
                        or self._warning_said(match, sent):
                    continue  # "ikke utelukket at" (a possibility), "..., advarer hun"
                if _emotional_participle(match.verb, sent) or _scare_quoted(trigger) \
                        or self._compared(trigger, sent) or self._free_relative(trigger, sent):
                    continue  # "var oppbrakt over at", a "truet" in quotes, "slik de klager over": no act
                if hedged_clause(match.type, match.trigger_tokens, match.verb, sent):
                    continue  # "advarer om at det kan", "kan fire bli dømt", "ber dem komme ut og overgi seg"
                events.extend(self._events(match, sent, seen))
        return events

    def _passive(self, match: _Match, sent: Span) -> bool:
        """Whether the match's verb is passive (its subject is then the target), worked out once per match."""
        if match.passive is None:
            verb = match.verb
            deponent = match.lemma.endswith("s") and verb is match.trigger_tokens[0]  # "møtes" is not passive
            match.passive = (is_passive(verb, self.sentence_of(verb)) or coordinated_passive(verb, sent)) \
                and not deponent  # "ble frifunnet ..., men dømt for": the second participle is passive too
        return match.passive

    def _acting(self, match: _Match, sent: Span) -> tuple[Token | None, tuple[Token, Token | None] | None,
                                                           Token | None]:
        """Of an active match: the subject, the parties of a "mellom" phrase, and who acts (the first party,
        else the subject)."""
        subject = self.subject(match.verb)
        between = self._between(match.trigger_tokens[-1], sent)
        return subject, between, between[0] if between is not None else subject

    def _without_actor(self, match: _Match, acting: Token | None) -> bool:
        """Whether no one who can act does an active match's act (a topic noun needs no one)."""
        topic = match.verb is match.trigger_tokens[0] and not looks_like_verb(match.verb)
        return not topic and (acting is None or not self.can_act(acting, match.type))

    def _no_one_acts(self, match: _Match, sent: Span) -> bool:
        """An active match that no one who can act does: ``_events`` drops it whatever the gate says, so
        ``find`` asks first and spares the gate's work (no check before it in ``_events`` keeps anything)."""
        return not self._passive(match, sent) and self._without_actor(match, self._acting(match, sent)[2])

    def _events(self, match: _Match, sent: Span, seen: set[tuple[str, str | None, int]]) -> list[Event]:
        if reports_statistic(match.trigger_tokens[0], sent):
            return []  # "halvparten ble kastet ut", "en av fem er truet": a figure, not an event
        verb = match.verb
        if self._passive(match, sent):
            agent, patient = self.agent(verb), self.subject(verb)
            accident = self._word_ending_in(sent, _ACCIDENT_WORDS)
            if match.type == "ASSAULT" and agent is None and accident:
                return []  # "drept ved en eksplosjon i gruva", "omkom i ulykken": an accident
            if match.type == "CONSULT" and not self.can_act(agent):
                return []  # "I kapittel 9 drøftes eiendomsretten": a topic discussed, no meeting
            if match.type == "RETREAT" and patient is not None and not self.can_act(patient):
                return []  # "autorisasjonen ble trukket tilbake", "varene er trukket tilbake": no forces
            if match.type in _STATIVE_TYPES and self._state_passive(verb, sent):
                return []  # "er berømt for", "var akseptert": a state, not an act
            if low(patient) in ("det", "der") if patient is not None else False:
                patient = None  # "det ble kastet stein mot utestedet": no one is named
            patient = None if time_phrase(patient) else patient  # "er de siste ukene blitt svartelistet"
            if patient is not None and match.type in _ANIMATE_TARGET_TYPES \
                    and not self.can_be_hit(patient, match.type):
                return []  # "planene ble arrestert", "siste øyeblikk tvinges": no one is hit
            if match.type in ("AGREE", "REJECT") and patient is not None and not self._agreement(patient):
                return []  # "et maleri signert Werenskiold", "moral er blitt forkastet": no deal or claim
            if match.type == "ASSAULT" and agent is not None and not self.can_act(agent) \
                    and not is_weapon_noun(low(agent)) and not is_weapon_noun(lemma(agent)):
                return []  # "overfalles av pressen": only a weapon stands in for the one who attacks
            if match.type != "ASSAULT" and agent is not None and not self.can_act(agent):
                return []  # "hadde vært fengslet av filmen": a thing that acts is a figure of speech
            if patient is not None and self._needs_person(match) and not self.can_act(patient):
                return []  # "ble dømt frispark": the verb's person is missing
            if self._forced_state(match, sent):
                return []  # "jeg er tvunget til å holde meg i form": a necessity, not coercion
            if self._private(match, agent, patient, sent) or self._audience(match, patient):
                return []  # "har bedt meg om det", "publikum tvinges": private or figurative
            # "beskutt av piler": an instrument is no actor, the event stands without one
            actors = [self.refer(agent, verb.i) if self.can_act(agent) else None]
            target = self.refer(patient, verb.i)
        else:
            subject, between, acting = self._acting(match, sent)
            if self._without_actor(match, acting):
                return []  # no one who can act does it: "Stående applaus hedret", "man møtes", "det rammer"
            actors = self.actors(verb, verb.i)
            skip = {t.i for t in match.trigger_tokens}
            if subject is not None and subject.i > verb.i:
                # an inverted subject is no object: "samlet rundt 300 foreldre og barn seg"
                skip.update(range(verb.i + 1, subject.i + 3))
            target_token = (
                match.target_token
                or self.direct_object(verb, skip)
                or (self.aimed_at(match.trigger_tokens[-1], match.type)
                    if match.type in _AIMED_TYPES else None)
            )
            if match.type == "CONSULT" and self._match_between_teams(sent):
                return []  # "skal møte Holyfield i VM-kamp": a match, not a meeting
            if acting is not None and self._had_done(acting, verb, sent):
                return []  # "fikk tolv turister bortført": the noun is who it was done to
            if acting is not None and self._those_who(acting, verb, sent):
                return []  # "de som ikke stiller krav": whoever does so, in the present
            if acting is not None and anyone_who(acting, verb):
                return []  # "arrestere alle som kritiserer regjeringen": whoever does so
            if acting is not None and self._generic_plural(acting, verb, sent):
                return []  # "enslige kvinner fratar barna", "artister som de forlanger": what such people do
            if question_word(target_token) or inside_infinitive(match.trigger_tokens[-1], target_token):
                target_token = None  # "fått hva de etterspurte", "oppfordrer til å tenke på en sang"
            if match.type == "CONSULT" and not self._consult_parties(match, sent, acting, target_token):
                return []  # a visit to a town or a home, a meeting with no second party
            if target_token is not None and self._needs_person(match) and not self.can_act(target_token) \
                    and low(target_token) not in _SELF | {"ham", "henne", "dem"}:
                return []  # "dømte indirekte frispark", "har utvist sviktende dømmekraft"
            if self._titled_target(target_token):
                return []  # "anmeldte «Master of Reality»": a review of a work
            if (target_token is not None and match.type in _ANIMATE_TARGET_TYPES - {"CONSULT"}
                    and not self.can_be_hit(target_token, match.type)):
                return []  # "har et angrep på rettsvesenet", "arresterte planene": figurative
            if target_token is not None and low(target_token) in ("deg", "du", "dykk") \
                    and self.speaker_around(target_token) is None:
                return []  # "uten at noen arresterer deg": anyone, outside a quote
            if self._private(match, acting, target_token, sent) or self._audience(match, target_token):
                return []  # "ba faren om", "besøkte en venn", "tvinger publikum til": private or figurative
            if match.type in ("ASSAULT", "COERCE") and _reflexive(acting, target_token):
                return []  # "kastet meg ut i nye ting", "skjøt seg selv": what one does to oneself
            if match.type == "ASSAULT" and self._own_violence(acting, match, target_token):
                return []  # "jeg myrdet dem", "vi tok livet av bandet", "vil kjempe mot": figurative
            if match.type == "CONSULT" and acting is not None and self._press(acting):
                return []  # "Magasinet møter henne": an interview
            if match.type == "PROTEST" and target_token is not None and match.target_token is None \
                    and {match.lemma, lemma(match.verb)} & {"demonstrere", "demonstrera"} \
                    and not self._aimed(match):
                return []  # "har demonstrert rødgrønn politikk": shown, no protest
            if match.type == "CONSULT" and acting is not None and low(acting) in _FIRST_PERSON \
                    and match.lemma.endswith("s"):
                return []  # "da vi møttes": how the speaker met someone, a private meeting
            target = self.refer(target_token, verb.i)
            if between is not None:  # "sammenstøt mellom demonstranter og politi"
                actors = [self.refer(between[0], verb.i)]
                target = self.refer(between[1], verb.i) if between[1] is not None else target
        if match.type in ("CONSULT", "COOPERATE") and actors == [None]:
            return []  # a meeting or joint work of parties no one can name ("De jobbet sammen")
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
            result.append(
                Event(
                    type=match.type,
                    trigger=trigger,
                    actor=actor,
                    target=target,
                    location=location,
                    date=date,
                    negated=negated,
                    span=span,
                )
            )
        return result


# A reflexive pronoun and the subjects it points back to ("jeg kastet meg ut", "de skjøt seg").
_REFLEXIVE_OF = {"meg": {"jeg", "eg"}, "deg": {"du"}, "oss": {"vi", "me"}, "dere": {"dere"},
                 "dykk": {"de", "dokker"}}


def _reflexive(subject: Token | None, target: Token | None) -> bool:
    """Whether the target is the subject itself: "seg", or "meg" after "jeg" in the same clause ("de
    angrep oss", "Vi så dem som angrep oss" are not)."""
    if target is None:
        return False
    word = low(target)
    if word == "seg":
        return True
    if subject is None or low(subject) not in _REFLEXIVE_OF.get(word, set()):
        return False
    first, last = sorted((subject.i, target.i))
    between = subject.doc[first + 1 : last]
    return not any(low(t) in _CLAUSE_OPENERS or is_punct(t) for t in between)


def _noun_before_preposition(pos: list[str], between: range) -> bool:
    """ "var hovedparolen i årets fakkeltog": a noun is the predicate, and the event noun in the
    prepositional phrase after it only describes it ("var ute i streik" has none); ``pos`` holds the
    Doc's parts of speech, ``between`` the words between the verb and the event noun."""
    for k in between:
        if pos[k] == "ADP":
            return False
        if pos[k] in ("NOUN", "PROPN"):
            return True
    return False


def _opens_clause_at(parse: ParseTable, verb: int) -> bool:
    """Whether the verb at ``verb`` heads a clause of its own: a subordinate one (a subjunction,
    "fordi", "at", "selv om", "når", hangs on it) or a coordinated one with its own subject ("..., for
    jeg kastet meg ut"); what is outside the clause does not deny what is inside."""
    children, deps = parse.children[verb], parse.deps
    if any(deps[child] in ("SBU", "mark") and child < verb for child in children):
        return True
    return deps[verb] in ("KOORD", "conj") and any(deps[child] in SUBJECT_DEPS for child in children)


def _perfect_participle(token: Token) -> bool:
    """ "har allerede forbudt transport", "avvist kravet og forlangt bevis": a participle after "ha"
    or "og" is the verb of the clause, no adjective of the noun after it ("de drepte soldatene" has
    its determiner)."""
    if token.i == 0 or token.pos_ not in ("ADJ", "VERB") or not low(token).endswith(("t", "d")):
        return False
    k = token.i - 1
    while k > 0 and token.doc[k].pos_ == "ADV":
        k -= 1
    previous = token.doc[k]
    # "er væpnet politi utplassert": after "være" the participle describes the noun
    perfect = lemma(previous) == "ha" or low(previous) in ("har", "hadde", "ha", "hatt")
    return looks_like_verb(token) and (perfect or previous.pos_ == "CCONJ")


def _adverbial_before_phrase(token: Token, head: Token) -> bool:
    """ "blir trolig flere aktivister arrestert", "krever blant annet nye tiltak": an adverb the tagger
    read as an adjective, or the "annet" of "blant annet" ("mellom anna"), is no word of the noun
    phrase after it."""
    doc = token.doc
    if low(token) in ("annet", "anna") and token.i > 0 and low(doc[token.i - 1]) in ("blant", "mellom"):
        return True
    inside = token.i < token.head.i <= head.i
    return token.pos_ == "ADJ" and dep(token) in ("ADV", "advmod") and not inside


def _participle_as_noun(token: Token) -> bool:
    """A form the tagger read as a noun or adjective right after a number or a finite verb: the
    participle is used as a noun ("de to drepte", "vurderer tiltalte", "godtar straffa")."""
    i = token.i
    if i == 0:
        return False
    table = token_table(token.doc)
    pos = table.pos
    previous = i - 1
    if pos[previous] == "ADV" and pos[i] == "NOUN" and i >= 2:
        previous = i - 2  # "godtar derfor straffa"
    if pos[i] not in ("NOUN", "ADJ") and pos[previous] != "VERB":
        return False
    if pos[previous] == "NUM" and pos[i] in ("NOUN", "ADJ"):
        return True
    # "vurderer tiltalte", "godtar straffa": two finite verbs never follow each other, so the second
    # is a noun; not "sitter arrestert", "har forbudt" (an auxiliary and its participle)
    auxiliary = table.lemmas[previous] in _AUXILIARIES | {"sitte"}
    return pos[previous] == "VERB" and _finite_at(token.doc, table, previous) and not auxiliary \
        and (pos[i] == "NOUN" or table.lowers[i].endswith(("te", "de", "a")))


def _opens_in_lower_case(sent: Span, text: str) -> bool:
    """A line that opens with a word in lower case is a piece of a sentence the source broke
    ("møter.", "godta relativt lav lønn mot at de i"); after a colon lower case is normal."""
    texts = token_table(sent.doc).texts
    first = next((k for k in range(sent.start, sent.end) if texts[k][:1].isalnum()), None)
    if first is None or not texts[first][:1].islower():
        return False
    return _at_line_start(text, token_offsets(sent.doc)[first])


def _at_line_start(text: str, char: int) -> bool:
    """Whether only spaces stand between the start of a line (or of the text) and ``char``."""
    k = char - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _scare_quoted(token: Token) -> bool:
    """ "og deretter "truet" med å", «godkjent»: a trigger in quotation marks is a figure or a quote."""
    texts = token_table(token.doc).texts
    i = token.i
    return 0 < i < len(texts) - 1 and texts[i - 1] in _QUOTE_MARKS and texts[i + 1] in _QUOTE_MARKS


def _emotional_participle(verb: Token, sent: Span) -> bool:
    """ "var oppbrakt over at", "er rystet over": a participle after "er"/"var" with "over" states a
    feeling."""
    doc = verb.doc
    if verb.i + 1 >= sent.end or low(doc[verb.i + 1]) != "over":
        return False
    participle = "Part" in morph_values(verb, "VerbForm") or verb.pos_ == "ADJ"
    before = [low(t) for t in doc[max(sent.start, verb.i - 3) : verb.i]]
    return participle and any(w in ("er", "var", "e", "vore", "vært") for w in before)


def _predicative_participle(verb: Token) -> bool:
    """ "følte seg akseptert", "anser seg truet": a participle after a reflexive states a state."""
    participle = "Part" in morph_values(verb, "VerbForm") or verb.pos_ == "ADJ"
    return verb.i > 0 and low(verb.doc[verb.i - 1]) in _SELF and participle


def _is_headline(sent: Span) -> bool:
    """A short line without final punctuation: a headline, which reports news in the present."""
    words = [t for t in sent if not is_space(t)]
    return bool(words) and words[-1].text not in (".", "!", "?", "»", '"') and len(words) <= 8


def _is_question(sent: Span) -> bool:
    """A sentence that asks ("Hvorfor vil ikke regjeringen ta i bruk ...?") states no event."""
    table = token_table(sent.doc)
    last = next((i for i in range(sent.end - 1, sent.start - 1, -1) if not table.spaces[i]), None)
    return last is not None and table.texts[last] == "?"


def _conjuncts(token: Token) -> list[Token]:
    result = [token]
    for child in token.children:
        if dep(child) in ("KOORD", "conj") and child.pos_ in ("PROPN", "NOUN"):
            result.extend(_conjuncts(child))
    return result


def find_events(
    doc: Doc,
    article: Article,
    entities: EntityIndex,
    times: list[TimeExpression] | None = None,
    quotes: list[Quote] | None = None,
    referents: Referents | None = None,
) -> list[Event]:
    """PLOVER events of an article's Doc, with absolute sentence spans.

    ``times`` give the events their dates; ``quotes`` let "vi"/"jeg" in a quote stand for its speaker;
    ``referents`` (built from the entities when not given) resolve pronouns and descriptions.
    """
    return EventFinder(doc, entities, times or [], article.span[0], quotes, referents).find()
