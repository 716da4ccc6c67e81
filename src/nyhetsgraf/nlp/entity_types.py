"""Entity types that the names themselves settle, applied after the statistical recognizer.

Most of the recognizer's errors on NorNE are wrong types on right spans: a surname repeated
alone taken for an organisation, a country or a big town taken for a person. These rules use
what the document and the shipped gazetteers know. Rules 1-4, 7, 9, 11, 12, 15, 19, 22 and 23
change only types, 5, 6, 11, 14, 16, 17, 21 and 24 add mentions or words, 8 splits a name, 10
drops a title, 13 and 25 join two names and 18 drops a name; rules 18, 10, 14, 25, 6 and 8 run
first, so that the others see whole names, rule 7 after rule 4, and 22 and 23 after 4, whose
vote across a document must not undo a type that each mention's own context settles.

Each rule is a named function in `RULES`; the component `nyhetsgraf_entity_types` takes the list of
rule names to run, in order, from its ``rules`` setting (all of `DEFAULT_RULES` unless configured:
``spacy.load(path, config={"components": {"nyhetsgraf_entity_types": {"rules": [...]}}})``). The
vocabulary the rules read (place, organisation, building and work nouns) lives in
``nyhetsgraf/resources/data/words/entity_type_*``.

1. A one-word name equal to the surname of a person named in full in the same document is that
   person ("Per Borten ... for Borten"). Only full names of proper nouns count: in "Danner Høyre
   regjering" a verb taken for a first name must not make a person of the party.
2. A country name (or its genitive) is a GPE: GPE_ORG where the recognizer saw an organisation,
   GPE_LOC otherwise.
3. A "person" of several words that is a town and does not start with a known first name is a
   GPE_LOC ("Los Angeles"). One word is not enough, not even for a town of 100,000 or more (as until
   the eighth round): the town table's other names make towns of "Hagen", "Stalin", "Newton" and
   "Yunus", and the recognizer, which reads the town bits itself, was right on all but 1 of the 87
   one-word names the rule changed in NorNE train and dev.
4. One name, one type per document: where at least two mentions and 60 % of them agree, the
   others follow, except between GPE_LOC and GPE_ORG, which depend on each mention's role.
5. A capitalised word equal to such a surname (or its genitive, "Bortens") that the recognizer
   left out is a further mention of the person.
6. A person's name that ends in a known first name takes the proper noun right after it
   ("Gruppeleder [Erik] Vangen" → "Erik Vangen").
7. A one-word "person" right after the preposition "i", or after "fra"/"frå" that follows a
   person ("Anne Viken frå Bygstad"; in NorNE train such a name is a person 0 times in 83), is a
   place ("innbyggerne i Tafjord"):
   GPE_LOC where the gazetteers know a town or village of that name, LOC otherwise. Not where
   the name may be a genitive ("i Hitlers «Mein Kampf»") or stands before a noun. The name's
   other one-word "person" mentions in the document follow ("mellom Tafjord og Grotli"). It runs
   after rules 1 and 4, which a single misread full name ("Galerie Tafjord") can turn the wrong way.
8. A name that is no person's nor a place's and runs a place and a person's full name together
   ("listetopp i [Kristiansund Håvard Krane]") is split into the place (GPE_LOC) and the person.
   It runs first, with rule 6, so that the person's surname counts for rules 1 and 5.
9. A one-word name built on a definite noun of nature or of the street ("Tafjordfjella",
   "Slottsparken", "Bouvetøya") is a LOC unless the gazetteers know it as a town, village or
   country. It runs with rules 1-3.
10. A name that starts with a capitalised title ("Kaptein Sanogo", "Statsminister Støre") loses
   the title and is a person: in NorNE train a title before a capitalised word is outside the
   entity 146 times in 150 ("General Motors" is two of the others, so "General" is no title
   here), and what follows it is always a person. So does any capitalised word of running text
   before a known first name ("Foto Stig Roger Eide"): in NorNE train such a word stands before
   the person 267 times in 271; and a sentence-initial word shaped like a compound occupation
   (7 letters or more, ending in -ar, -er, -ør or -ist: "Orgelbyggjar Henrik Brinck Hansen",
   which the common-word list does not know) before a known first name, outside the name 73 times
   in 73. It runs before all others.
11. A name of several words that ends in a lower-case noun of an institution ("Bergen
   tingrett", "Statens vegvesen", "Den norske kirke", or its genitive) or of a council ("Nordisk
   ministerråd", "Skafså sokneråd") is an ORG, and so is a name whose last word ends like an
   organisation ("Tuberkuloseforeningen", "Finanstilsynet"),
   not a place ("Osloområdet"); with a hyphen only a committee ("Brochmann-utvalet"). A name
   ending in a noun of a building ("Kilen kapell", "Urnes stavkyrkje", "Brann stadion") is a LOC.
   A name right before such a noun takes it in ("[Bergen] byrett" → "[Bergen byrett]", ORG; in
   NorNE train the noun is inside the name all 71 times, and the building nouns all 17 times).
   It runs with rules 1-3; the taking in runs first, with rule 6.
12. A "person" right after a lower-case noun that names its kind is that kind: an ORG after
   "spillutviklerne", "produsentorganisasjonen", "forlaget"; a LOC after "kaffebaren",
   "sushirestauranten", "butikken". It runs with rules 1-3.
13. Two "persons" side by side are one person ("Sacha Baron" + "Cohen", the second often added
   by rule 5), unless the second starts with a known first name ("Leah Jakobs kone"): NorNE train
   has only 4 such pairs. It runs last.
14. A name that starts a known place of the form "Mo i Rana" takes in the rest ("[Mo] i [Rana]"
   → "[Mo i Rana]", GPE_LOC). Only with "i": "Troms og Finnmark" may be two places. It runs
   first.
15. A one-word LOC that the town table knows is a GPE_LOC: NorNE types one-word town names as
   GPE_LOC 1,283 times and as LOC 64 times in train. Not for villages (388 against 124), where it
   loses on dev. It runs with rules 1-3.
16. A word equal to the first word of a person named in full in the same document ("Elling
   Borgersrud ... Elling: Eg meiner"), where the recognizer left it out, is a further mention of
   the person, unless a capitalised word follows it or stands before it inside the sentence (a
   longer name the recognizer missed). The first word must be a known first name, or neither a
   word of running text ("Han Solo" gives no "Han") nor a genitive. In NorNE train such a word is
   that person alone 316 times in 321. It runs with rule 5.
17. A capitalised title in quotation marks right after a noun naming a work ("filmen «8 Mile»",
   "novella «Eg veit verkeleg ikkje kva de snakkar om»", "TV-serien «Skal vi danse»") is one
   PROD, whatever the recognizer found inside it: 40 times in 42 in NorNE train. It runs last.
18. A one-word name at a sentence start that the same document also writes in lower case
   ("Forskriften gjelder for Svalbard ... etter forskriften") is no name: in NorNE train such a
   word is a one-word entity 21 times in 11,234. It runs first, with the cut at line breaks.
19. A hyphenated name of an affair ("Kings Bay-saken", "Einarsson-saka") is an EVT: 9 of 10 in
   NorNE train. It runs with rules 1-3.
20. A one-word name that is a pronoun, determiner, conjunction or preposition written with a capital
   ("Man kan ...", "Den ...", "Etter ...") is no name: in NorNE train such a capitalised word is a
   one-word entity 0 times in 7,271 (bokmål) and once in 6,105 (nynorsk). It runs first.
21. A capitalised one-word compound name of a law, an agreement or a treaty ("Opplæringslova",
   "EØS-avtalen", "Lisboatraktaten"), not at a sentence start, is a PROD, added where the
   recognizer missed it and retyped where it gave it another type (not a person's: "Martina
   Navratilova"): in NorNE train such a word is a PROD 80 times in 82, 67 times alone and 13 times
   as the end of a longer one ("Jan Mayen-loven § 2"). It runs with rules 5 and 16.
22. A place in the genitive before a noun of government, adjectives between ("Malis
   statsminister", "Chiles høyrekonservative regjering", "USAs ambassadør"), acts as a state:
   GPE_ORG where the recognizer said GPE_LOC, 28 times in 30 in NorNE train.
23. A news medium (a shipped list of newspapers, broadcasters and agencies) is a PROD after "i"
   or "på" ("i VG", "på NRK": what it published or broadcast) and an ORG after "til" or "overfor"
   ("sa til NRK") or where a verb of working comes before the preposition ("jobbar i Dagbladet");
   after an occupation ("bokmeldar i Dag og Tid") NorNE's two languages disagree, so the
   recognizer's type stays. On NorNE train's gold media names the rule is right 209 times in 220.
24. A capitalised word that the document names as a one-word person at least three times, which
   the recognizer left out, which stands alone (as in rule 16) and which is no word of running
   text, is a further mention ("Epiktet"): 1,665 times in 1,675 in NorNE train.
25. A one-word organisation named by a definite noun ("Fylkesmannen", "Naturvernforbundet",
   "Universitetet"; its compound head, 4 letters or more, ends in -en, -et, -a, -ane or -ene), a
   party's name excepted ("Senterpartiet i Nissedal" is a branch), is joined to the place after
   "i" or "for" ("Fylkesmannen i Vest-Agder", "Sysselmannen for Svalbard"): 85 times in 92 in
   NorNE train the organisation takes the place in. It runs first, with rule 14.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from nyhetsgraf.nlp.features import compound_head
from nyhetsgraf.resources.gazetteer import (
    common_words,
    is_country,
    place_kind,
    town_population,
    without_genitive,
)
from nyhetsgraf.resources.lexicon import first_names, role_nouns
from nyhetsgraf.resources.words import apposition_nouns, quotation_marks, word_list, word_set

ENTITY_TYPES = "nyhetsgraf_entity_types"
MAJORITY_SHARE = 0.6
GPE_TYPES = ("GPE_LOC", "GPE_ORG")
LOCATIVE_PREPOSITION = "i"  # persons after "på", "fra", "til" are common; after "i" they are not
ORIGIN_PREPOSITIONS = ("fra", "frå")  # "Anne Viken frå Bygstad": never a person in NorNE train
NOMINAL_POS = ("NOUN", "PROPN", "ADJ")
# Definite nouns of nature and of the town's own ground: a name built on one is a LOC
# ("Bouvetøya", "Tafjordfjella", "Slottsparken"); in NorNE train all 159 such one-word names are.
PLACE_HEADS = word_list("entity_type_place_heads")
MIN_COMPOUND_STEM = 3
NOT_A_TITLE_IN_NAMES = frozenset({"general"})  # "General Motors", "General Electric"
MIN_OCCUPATION_LENGTH = 7
OCCUPATION_SUFFIXES = ("ar", "er", "ør", "ist")
# Lower-case heads that make a name an organisation ("Bergen tingrett", "Statens vegvesen"): in
# NorNE train the names ending in them are ORG 164 times in 169 (courts, police districts, ...).
ORGANISATION_HEADS = word_set("entity_type_organisation_heads")
COUNCIL_ENDING = "råd"  # "Nordisk ministerråd", "Skafså sokneråd": ORG all 28 times in NorNE train
# Lower-case nouns of buildings that make a name a LOC ("Kilen kapell", "Heddal stavkyrkje",
# "Lerkendal stadion"): all 17 such names in NorNE train are LOC. The bokmål "kirke" is no building
# there but the church ("Den norske kirke", ORG 90 times in 95).
BUILDING_HEADS = word_list("entity_type_building_heads")
# A noun in apposition before a name says what the name is ("spillutviklerne Eidos",
# "kaffebaren Dugni"); rule 12 uses it only against a "person".
APPOSITION_TYPES = apposition_nouns()
# Endings of compound organisation names ("Arbeiderpartiet", "Utenriksdepartementet",
# "Finanstilsynet"): every one of the 685 names in NorNE train that end in one is an ORG.
ORGANISATION_ENDINGS = word_list("entity_type_organisation_endings")
# Nouns naming a work, alone or as the head of a compound ("TV-serien", "debutromanen"): a
# capitalised title in quotation marks right after one is a PROD, 40 times in 42 in NorNE train.
WORK_NOUNS = word_list("entity_type_work_nouns")
FUNCTION_WORDS = word_set("entity_type_function_words")
MAX_TITLE_WORDS = 14
AREA_ENDING = "området"  # "Osloområdet" ends like "rådet" but is a place
# An affair named after who or what it is about ("Kings Bay-saken", "Botten-saka") is an EVT:
# 9 of 10 in NorNE train.
AFFAIR_ENDINGS = ("-saken", "-saka")
# A committee named after its chair or its task ("Brochmann-utvalet", "Lund-kommisjonen") is an ORG
# even with a hyphen: 5 of 5 in NorNE train.
COMMITTEE_ENDINGS = ("-utvalget", "-utvalet", "-kommisjonen")
# Compound names of laws, agreements and treaties ("Opplæringslova", "EØS-avtalen"): a PROD, or the end
# of a longer one, 80 times in 82 in NorNE train where the word does not start the sentence.
DOCUMENT_ENDINGS = word_list("entity_type_document_endings")
MAX_REMEMBERED_FORMS = 200_000
_ENDS_LIKE_DOCUMENT: dict[int, bool] = {}  # word form's hash -> capitalised and ends like a law
# A word the document names as a one-word person this many times is that person where the recognizer
# missed it ("Epiktet", "Gross"): in NorNE train such a word, standing alone, is that person alone
# 1,665 times in 1,675 (bokmål and nynorsk).
MIN_PERSON_MENTIONS = 3
# An organisation named by a definite noun and its place ("Fylkesmannen i Vest-Agder", "Universitetet i
# Bergen", "Sysselmannen for Svalbard") is one ORG: in NorNE train an organisation of one such word
# before "i" or "for" and a place takes the place in 85 times in 92 (bokmål and nynorsk).
SEAT_PREPOSITIONS = ("i", "for")
PLACE_TYPES = ("GPE_LOC", "LOC", "GPE_ORG")
DEFINITE_ENDINGS = ("en", "et", "a", "ane", "ene")
MIN_DEFINITE_HEAD = 4
PARTY_ENDINGS = ("partiet", "lista", "listen")
# The state as a political body: a place in the genitive before one of these nouns ("Malis
# statsminister", "Chiles høyrekonservative regjering") is GPE_ORG, 28 times in 30 in NorNE train.
GOVERNMENT_NOUNS = word_list("entity_type_government_nouns")
# News media: a PROD after "i" or "på" (what they published or broadcast), an ORG after "til" or
# "overfor" (whom one spoke to) and where a person works in them ("journalist i Dagbladet").
NEWS_MEDIA = word_set("entity_type_news_media")
PUBLISHED_IN = ("i", "på")
SPOKEN_TO = ("til", "overfor")
WORK_VERBS = ("jobb", "arbeid", "begynt", "byrja", "ansatt", "tilsett")
OCCUPATION_ENDINGS = ("er", "ar", "ør", "ist", "sjef", "fotograf", "ren", "aren", "øren", "isten", "sjefen")


def _known_first_name(word: str) -> bool:
    # The recognizer's gazetteer bit uses the same test, so rules and model agree on what a name is.
    return first_names().knows(word)


def _proper_noun(token: Token) -> bool:
    """Capitalised and tagged PROPN (any capitalised word where no tagger ran)."""
    if not token.text[:1].isupper() or not token.text.replace("-", "").isalpha():
        return False
    return token.pos_ == "PROPN" if token.doc.has_annotation("POS") else True


def _taking_in_next_word(ents: list[Span], label_with: Callable[[Span, Token], str | None]) -> list[Span]:
    """Each entity extended by the word after it, where no other entity has it and `label_with`
    gives the extended name's label (None: left as it is)."""
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    result = []
    for ent in ents:
        doc = ent.doc
        if ent.end < len(doc) and ent.end not in covered and (label := label_with(ent, doc[ent.end])):
            covered.add(ent.end)
            ent = Span(doc, ent.start, ent.end + 1, label=label)
        result.append(ent)
    return result


def _surname_after_first_name(ent: Span, following: Token) -> str | None:
    """Rule 6: "PER" for a person ending in a known first name before a proper noun."""
    person = ent.label_ == "PER" and _known_first_name(ent[-1].text) and _proper_noun(following)
    return "PER" if person else None


def _institution_noun(ent: Span, following: Token) -> str | None:
    """Rule 11, taking in: "ORG" where the word after the name is an institution noun, "LOC" where
    it is a building ("Kilen kapell")."""
    noun = without_genitive(following.text)
    if _is_institution_noun(noun):
        return "ORG"
    return "LOC" if _is_building_noun(noun) else None


def _is_institution_noun(word: str) -> bool:
    return word in ORGANISATION_HEADS or (word.islower() and word.endswith(COUNCIL_ENDING))


def _is_building_noun(word: str) -> bool:
    return word.islower() and word.endswith(BUILDING_HEADS)


@cache
def _titles() -> frozenset[str]:
    return role_nouns() - NOT_A_TITLE_IN_NAMES  # the titles of the shared speaker-noun lexicon


def _without_title(ents: list[Span]) -> list[Span]:
    result = []
    for ent in ents:
        if len(ent) > 1 and _leads_a_name(ent[0], ent[1]):
            ent = Span(ent.doc, ent.start + 1, ent.end, label="PER")
        result.append(ent)
    return result


def _leads_a_name(first: Token, second: Token) -> bool:
    """Whether `first` is a title, or a word of running text before a first name ("Foto Stig
    Roger Eide", "Men Kari Nilsen"), and so not part of the name."""
    if not (first.text[:1].isupper() and second.text[:1].isupper()):
        return False
    if first.lower_ in _titles():
        return True
    if _known_first_name(first.text) or not _known_first_name(second.text):
        return False
    return first.lower_ in common_words() or _occupation_at_sentence_start(first)


def _occupation_at_sentence_start(token: Token) -> bool:
    """A sentence-initial word shaped like a compound occupation noun ("Orgelbyggjar", "Kyrkjetenar",
    "Prosjektleder"), which the common-word list may not know: before a first name it is outside the
    name 73 times in 73 in NorNE train."""
    text = token.text
    return bool(token.is_sent_start) and len(text) >= MIN_OCCUPATION_LENGTH and text.isalpha() and (
        token.lower_.endswith(OCCUPATION_SUFFIXES))


def _joined_persons(ents: list[Span]) -> list[Span]:
    result: list[Span] = []
    for ent in ents:
        previous = result[-1] if result else None
        if (
            previous is not None and previous.label_ == ent.label_ == "PER" and previous.end == ent.start
            and not ent[0].is_sent_start and not _known_first_name(without_genitive(ent[0].text))
        ):
            result[-1] = Span(ent.doc, previous.start, ent.end, label="PER")
        else:
            result.append(ent)
    return result


def _with_rest_of_place_name(ents: list[Span]) -> list[Span]:
    result: list[Span] = []
    for ent in ents:
        if result and result[-1].end > ent.start:
            continue  # "Rana", taken in by "Mo"
        doc, end = ent.doc, ent.end + 2
        clashes = any(other.start < end < other.end for other in ents)
        if end <= len(doc) and not clashes and doc[ent.end].text == "i" and _is_town(doc[ent.start:end].text):
            ent = Span(doc, ent.start, end, label="GPE_LOC")
        result.append(ent)
    return result


def _person_start(ent: Span) -> int | None:
    """Where the person's full name starts in `ent` if rule 8 applies, else None."""
    if ent.label_ in ("PER", *GPE_TYPES) or len(ent) < 3 or _known_first_name(ent[0].text):
        return None
    for start in range(1, len(ent) - 1):
        place = ent[:start].text
        if (
            _known_first_name(ent[start].text) and all(_proper_noun(token) for token in ent[start:])
            and (_is_town(place) or is_country(place))
        ):
            return start
    return None


def _split_place_and_person(ents: list[Span]) -> list[Span]:
    result = []
    for ent in ents:
        if start := _person_start(ent):
            doc, middle = ent.doc, ent.start + start
            result += [Span(doc, ent.start, middle, label="GPE_LOC"), Span(doc, middle, ent.end, label="PER")]
        else:
            result.append(ent)
    return result


def _named_after_place_noun(ent: Span) -> bool:
    text = ent.text
    if len(ent) != 1 or "-" in text or _is_town(text) or is_country(text):
        return False
    return _ends_a_compound(text, PLACE_HEADS)


def _named_as_organisation(ent: Span) -> bool:
    last = without_genitive(ent[-1].text)
    if len(ent) > 1 and _is_institution_noun(last):
        return True
    if "-" in last:  # "FN-komiteen", "Oslo-området" are mostly DRV in NorNE; committees are not
        return last.casefold().endswith(COMMITTEE_ENDINGS)
    return _ends_a_compound(last, ORGANISATION_ENDINGS) and not last.casefold().endswith(AREA_ENDING)


def _ends_a_compound(word: str, heads: tuple[str, ...]) -> bool:
    """Whether `word` is a compound with one of `heads` as its last part ("Slottsparken")."""
    lowered = word.casefold()
    return any(lowered.endswith(head) and len(lowered) - len(head) >= MIN_COMPOUND_STEM for head in heads)


def _type_by_apposition(ent: Span) -> str | None:
    """ORG or LOC for a "person" right after a noun that names its kind (rule 12), else None."""
    if ent.label_ != "PER" or ent.start == 0:
        return None
    noun = ent.doc[ent.start - 1]
    if not noun.text.islower() or (noun.doc.has_annotation("POS") and noun.pos_ != "NOUN"):
        return None
    return next((label for label, heads in APPOSITION_TYPES.items() if noun.text.endswith(heads)), None)


def _is_town(name: str) -> bool:
    return town_population(name) > 0 or place_kind(name) is not None


def _place_after_i(ent: Span, person_ends: set[int]) -> str | None:
    """GPE_LOC or LOC for a one-word person name that rule 7 takes for a place, else None."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0:
        return None
    before = doc[ent.start - 1].text
    after_a_person = before in ORIGIN_PREPOSITIONS and ent.start - 1 in person_ends
    if before != LOCATIVE_PREPOSITION and not after_a_person:
        return None
    if ent.end < len(doc) and doc[ent.end].pos_ in NOMINAL_POS:
        return None
    if ent.text.endswith(("s", "'", "’")) and not _is_town(ent.text):
        return None
    return "GPE_LOC" if _is_town(ent.text) else "LOC"


def _places_after_i(ents: list[Span]) -> list[Span]:
    person_ends = {ent.end for ent in ents if ent.label_ == "PER"}
    places = {
        ent.text: place for ent in ents
        if ent.label_ == "PER" and not _known_first_name(ent.text)
        and (place := _place_after_i(ent, person_ends))
    }
    return [
        Span(ent.doc, ent.start, ent.end, label=places[ent.text])
        if ent.label_ == "PER" and ent.text in places else ent
        for ent in ents
    ]


def _one_type_per_name(ents: list[Span]) -> list[Span]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[ent.text][ent.label_] += 1
    result = []
    for ent in ents:
        label, count = votes[ent.text].most_common(1)[0]
        agreed = count >= 2 and count / sum(votes[ent.text].values()) >= MAJORITY_SHARE
        if agreed and label != ent.label_ and not (label in GPE_TYPES and ent.label_ in GPE_TYPES):
            ent = Span(ent.doc, ent.start, ent.end, label=label)
        result.append(ent)
    return result


def _positions(doc: Doc, words: Iterable[str]) -> list[int]:
    """Where any of `words` stands in `doc`, found by one vectorised comparison of the word forms'
    hashes: a Python loop over every token costs more than the rules themselves."""
    hashes = numpy.fromiter((get_string_id(word) for word in words), dtype=numpy.uint64)
    if not hashes.size:
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist()


def _further_person_mentions(doc: Doc, ents: list[Span], candidates: Iterable[str],
                             is_mention: Callable[[Token], bool]) -> list[Span]:
    """`ents` with a one-word person added for each word outside them that is one of `candidates`
    and that `is_mention` accepts."""
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    found = [
        Span(doc, i, i + 1, label="PER")
        for i in _positions(doc, candidates)
        if i not in covered and is_mention(doc[i])
    ]
    return sorted(ents + found, key=lambda span: span.start) if found else ents


GENITIVE_ENDINGS = ("", "s", "'", "’", "'s", "’s")  # the forms `without_genitive` takes back to the name


def _is_surname_mention(token: Token, surnames: set[str]) -> bool:
    return _capitalised(token) and (token.text in surnames or without_genitive(token.text) in surnames)


def _is_given_name_mention(token: Token, given_names: set[str]) -> bool:
    if token.text not in given_names:
        return False
    # Not part of a longer name the recognizer missed: no capitalised word after it, and none
    # before it but one that starts the sentence.
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not (after is not None and _capitalised(after)) and not (
        before is not None and _capitalised(before) and not before.is_sent_start
    )


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _given_name(word: str) -> bool:
    """Whether the first word of a full name can stand alone for the person: a known first name,
    or a word that running text does not use and that is no genitive ("Hortens Diskusjonsforening")."""
    return _known_first_name(word) or (word.casefold() not in common_words() and not word.endswith("s"))


def _quoted_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with each quoted title after a noun naming a work as one PROD (rule 17)."""
    marks = _quotation_marks()
    titles = [
        title for i in _positions(doc, marks) if (title := _quoted_title_after(doc[i], marks)) is not None
    ]
    if not titles:
        return ents
    inside = {i for title in titles for i in range(title.start, title.end)}
    kept = [ent for ent in ents if not any(i in inside for i in range(ent.start, ent.end))]
    return sorted(kept + titles, key=lambda span: span.start)


def _quotation_marks() -> Mapping[str, str]:
    return quotation_marks()  # the marks the quote finder reads too


def _quoted_title_after(quote: Token, marks: Mapping[str, str]) -> Span | None:
    doc, i = quote.doc, quote.i
    closing = marks.get(quote.text)
    if closing is None or i == 0 or i + 1 >= len(doc) or not _starts_a_title(doc[i + 1].text):
        return None
    if not _names_a_work(doc[i - 1]):
        return None
    last = min(len(doc), i + 2 + MAX_TITLE_WORDS)
    end = next((j for j in range(i + 2, last) if doc[j].text == closing), None)
    return Span(doc, i + 1, end, label="PROD") if end is not None else None


def _starts_a_title(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _names_a_work(token: Token) -> bool:
    """A noun naming a work: lower case ("filmen"), at a sentence start ("Novella") or after a
    hyphen ("TV-serien")."""
    head = token.text.rsplit("-", 1)[-1]
    return (head.islower() or bool(token.is_sent_start)) and head.lower().endswith(WORK_NOUNS)


def _without_lower_case_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` without one-word names at a sentence start that the document also writes in lower
    case ("Forskriften gjelder ... etter forskriften"): rule 18."""
    starts = [ent for ent in ents if len(ent) == 1 and ent[0].is_sent_start and ent.text[1:].islower()]
    if not starts:
        return ents
    lower_case = {doc[i].text for i in _positions(doc, {ent.text.lower() for ent in starts})}
    dropped = {ent.start for ent in starts if ent.text.lower() in lower_case}
    return [ent for ent in ents if ent.start not in dropped] if dropped else ents


def split_at_whitespace(ents: list[Span]) -> list[Span]:
    """Each entity without its whitespace tokens: split where one stands inside it, trimmed where
    one ends it. The recognizer never saw a line break in training and often takes the one after
    a headline's last name into the name ("i Sogndal⏎")."""
    result = []
    for ent in ents:
        for is_space, run in groupby(ent, key=lambda token: token.is_space):
            if not is_space:
                words = list(run)
                result.append(Span(ent.doc, words[0].i, words[-1].i + 1, label=ent.label_))
    return result


# --- the rule registry ------------------------------------------------------------------------------
#
# Each numbered rule of the module docstring is one named function here (rule 11 is three: the taking
# in, the building names and the organisation names). A rule of kind "entities" turns the document's
# entity list into a new one; a rule of kind "type" gives one entity a new label, or None to leave it
# to the next rule. Consecutive type rules make one pass over the entities in which the first rule
# that gives a label wins, so a type rule never sees another one's change within that pass.


@dataclass
class PersonNames:
    """The surnames and stand-alone first words of the persons the document names in full.

    Rules 1, 5 and 16 read them. They are taken once, from the entities as they stand when the first
    rule that needs them runs (with the default rules: after the whole names are settled, before the
    types change), and kept for the rest of the document.
    """

    surnames: set[str] = field(default_factory=set)
    given_names: set[str] = field(default_factory=set)
    taken: bool = False

    def of(self, ents: Sequence[Span]) -> PersonNames:
        if not self.taken:
            full_names = [
                ent for ent in ents
                if ent.label_ == "PER" and len(ent) > 1 and all(_proper_noun(token) for token in ent)
            ]
            surnames = {ent[-1].text for ent in full_names}
            self.surnames = surnames | {without_genitive(name) for name in surnames}
            self.given_names = {ent[0].text for ent in full_names if _given_name(ent[0].text)}
            self.taken = True
        return self


EntitiesRule = Callable[[Doc, list[Span], PersonNames], list[Span]]
TypeRule = Callable[[Span, PersonNames], str | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the entity-type component: its name, its number in the module docstring, its kind
    ("entities" or "type") and the function that applies it."""

    name: str
    number: int
    kind: str
    apply: EntitiesRule | TypeRule
    needs_person_names: bool = False


RULES: dict[str, Rule] = {}


def entities_rule(name: str, number: int, *, needs_person_names: bool = False
                  ) -> Callable[[EntitiesRule], EntitiesRule]:
    """Register a rule that turns the entity list into a new one under `name`."""
    def register(function: EntitiesRule) -> EntitiesRule:
        RULES[name] = Rule(name, number, "entities", function, needs_person_names)
        return function
    return register


def type_rule(name: str, number: int, *, needs_person_names: bool = False) -> Callable[[TypeRule], TypeRule]:
    """Register a rule that gives one entity a new label (or None) under `name`."""
    def register(function: TypeRule) -> TypeRule:
        RULES[name] = Rule(name, number, "type", function, needs_person_names)
        return function
    return register


def _without_function_words(ents: list[Span]) -> list[Span]:
    """`ents` without one-word names that are a capitalised function word ("Man", "Den"): rule 20."""
    return [ent for ent in ents if not (len(ent) == 1 and ent.text[1:].islower()
                                        and ent.text.lower() in FUNCTION_WORDS)]


@entities_rule("function_words", 20)
def _rule_function_words(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _without_function_words(ents)


@entities_rule("lower_case_words", 18)
def _rule_lower_case_words(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _without_lower_case_words(doc, ents)


@entities_rule("titles", 10)
def _rule_titles(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _without_title(ents)


@entities_rule("place_names_with_i", 14)
def _rule_place_names_with_i(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _with_rest_of_place_name(ents)


@entities_rule("institution_nouns_taken_in", 11)
def _rule_institution_nouns_taken_in(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _taking_in_next_word(ents, _institution_noun)


@entities_rule("surnames_after_first_names", 6)
def _rule_surnames_after_first_names(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _taking_in_next_word(ents, _surname_after_first_name)


@entities_rule("places_before_persons", 8)
def _rule_places_before_persons(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _split_place_and_person(ents)


@type_rule("surnames", 1, needs_person_names=True)
def _rule_surnames(ent: Span, names: PersonNames) -> str | None:
    text, base = ent.text, without_genitive(ent.text)
    surname = text in names.surnames or base in names.surnames
    return "PER" if ent.label_ != "PER" and len(ent) == 1 and surname and not is_country(base) else None


@type_rule("countries", 2)
def _rule_countries(ent: Span, names: PersonNames) -> str | None:
    label, text = ent.label_, ent.text
    if label not in (*GPE_TYPES, "DRV") and (is_country(text) or is_country(without_genitive(text))):
        return "GPE_ORG" if label == "ORG" else "GPE_LOC"
    return None


@type_rule("building_names", 11)
def _rule_building_names(ent: Span, names: PersonNames) -> str | None:
    return "LOC" if ent.label_ != "LOC" and len(ent) > 1 and _is_building_noun(ent[-1].text) else None


@type_rule("place_nouns", 9)
def _rule_place_nouns(ent: Span, names: PersonNames) -> str | None:
    return "LOC" if ent.label_ != "LOC" and _named_after_place_noun(ent) else None


@type_rule("town_locs", 15)
def _rule_town_locs(ent: Span, names: PersonNames) -> str | None:
    return "GPE_LOC" if ent.label_ == "LOC" and len(ent) == 1 and town_population(ent.text) > 0 else None


@type_rule("organisation_names", 11)
def _rule_organisation_names(ent: Span, names: PersonNames) -> str | None:
    return "ORG" if ent.label_ != "ORG" and _named_as_organisation(ent) else None


@type_rule("affairs", 19)
def _rule_affairs(ent: Span, names: PersonNames) -> str | None:
    affair = "-" in ent[-1].text and ent[-1].lower_.endswith(AFFAIR_ENDINGS)
    return "EVT" if ent.label_ != "EVT" and affair else None


@type_rule("appositions", 12)
def _rule_appositions(ent: Span, names: PersonNames) -> str | None:
    return _type_by_apposition(ent)


@type_rule("towns_taken_for_persons", 3)
def _rule_towns_taken_for_persons(ent: Span, names: PersonNames) -> str | None:
    text = ent.text
    if ent.label_ != "PER" or len(ent) == 1 or _known_first_name(text.split()[0]):
        return None  # one word: "Hagen", "Stalin", "Newton" and "Yunus" are towns too (see rule 3)
    return "GPE_LOC" if max(town_population(text), town_population(without_genitive(text))) > 0 else None


@entities_rule("one_type_per_name", 4)
def _rule_one_type_per_name(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _one_type_per_name(ents)


@entities_rule("places_after_i", 7)
def _rule_places_after_i(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _places_after_i(ents)


@entities_rule("surname_mentions", 5, needs_person_names=True)
def _rule_surname_mentions(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    surnames = names.of(ents).surnames
    forms = {surname + ending for surname in surnames for ending in GENITIVE_ENDINGS}
    return _further_person_mentions(doc, ents, forms, lambda token: _is_surname_mention(token, surnames))


@entities_rule("given_name_mentions", 16, needs_person_names=True)
def _rule_given_name_mentions(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    given_names = names.of(ents).given_names
    return _further_person_mentions(doc, ents, given_names,
                                    lambda token: _is_given_name_mention(token, given_names))


@entities_rule("joined_persons", 13)
def _rule_joined_persons(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _joined_persons(ents)


@entities_rule("quoted_titles", 17)
def _rule_quoted_titles(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _quoted_titles(doc, ents)


def _document_name(token: Token) -> bool:
    """A capitalised one-word compound name of a law or an agreement, not at a sentence start (rule 21)."""
    text = token.text
    if not text[:1].isupper() or token.is_sent_start or not text.replace("-", "").isalpha():
        return False
    lowered = text.casefold()
    ending = next((ending for ending in DOCUMENT_ENDINGS if lowered.endswith(ending)), None)
    return ending is not None and len(lowered[: -len(ending)].rstrip("-")) >= MIN_COMPOUND_STEM


def _words_ending_like_documents(doc: Doc) -> list[Token]:
    """The capitalised tokens that end like a law or an agreement. The test is made once per
    word form (by its hash in the document's array of forms), not once per token: a plain loop over
    every token cost more than all the other rules together."""
    strings = doc.vocab.strings
    found = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        ends_like = _ENDS_LIKE_DOCUMENT.get(orth)
        if ends_like is None:
            if len(_ENDS_LIKE_DOCUMENT) >= MAX_REMEMBERED_FORMS:
                _ENDS_LIKE_DOCUMENT.clear()
            word = strings[orth]
            ends_like = word[:1].isupper() and word.casefold().endswith(DOCUMENT_ENDINGS)
            _ENDS_LIKE_DOCUMENT[orth] = ends_like
        if ends_like:
            found.append(doc[i])
    return found


def _documents(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with each compound name of a law or an agreement a PROD, where the recognizer left it out
    or gave it one word of its own of another type (not a person's: "Martina Navratilova")."""
    candidates = [token for token in _words_ending_like_documents(doc) if _document_name(token)]
    if not candidates:
        return ents
    by_start = {ent.start: ent for ent in ents}
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    changed = False
    result = list(ents)
    for token in candidates:
        ent = by_start.get(token.i)
        if token.i not in covered:
            result.append(Span(doc, token.i, token.i + 1, label="PROD"))
            changed = True
        elif ent is not None and len(ent) == 1 and ent.label_ not in ("PROD", "PER"):
            result[result.index(ent)] = Span(doc, ent.start, ent.end, label="PROD")
            changed = True
    return sorted(result, key=lambda span: span.start) if changed else ents


def _governed_by(ent: Span) -> bool:
    """Whether `ent` is a genitive before a noun of government, adjectives between ("Chiles nye
    regjering"): rule 22."""
    doc, i = ent.doc, ent.end
    if not ent.text.endswith(("s", "'", "’")):
        return False
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    return i < len(doc) and doc[i].text.islower() and doc[i].text.endswith(GOVERNMENT_NOUNS)


@type_rule("governments", 22)
def _rule_governments(ent: Span, names: PersonNames) -> str | None:
    return "GPE_ORG" if ent.label_ == "GPE_LOC" and _governed_by(ent) else None


def _medium_type(ent: Span) -> str | None:
    """PROD or ORG for a news medium by the preposition before it (rule 23), else None."""
    if ent.label_ not in ("ORG", "PROD") or ent.start == 0:
        return None
    text = ent.text.lower()
    if text not in NEWS_MEDIA and without_genitive(text) not in NEWS_MEDIA:
        return None
    doc = ent.doc
    preposition = doc[ent.start - 1].lower_
    if preposition in SPOKEN_TO:
        return "ORG"
    if preposition not in PUBLISHED_IN or text not in NEWS_MEDIA:
        return None  # "i NRKs dokumentar": the genitive belongs to the noun after it
    before = doc[ent.start - 2] if ent.start > 1 else None
    if before is not None and before.lower_.startswith(WORK_VERBS):
        return "ORG"  # "jobbar i Dagbladet", "begynte i Dagens Næringsliv"
    if before is not None and (before.lower_ in _titles() or _names_a_person(before)):
        # "fast bokmeldar i Dag og Tid" is a PROD in nynorsk NorNE, "fotograf i VG" an ORG in bokmål
        return None
    return "PROD"


def _names_a_person(token: Token) -> bool:
    """A noun that looks like an occupation ("kommentator", "bokmeldar", "Sjefredaktøren")."""
    return token.pos_ == "NOUN" and token.lower_.endswith(OCCUPATION_ENDINGS)


@type_rule("news_media", 23)
def _rule_news_media(ent: Span, names: PersonNames) -> str | None:
    label = _medium_type(ent)
    return label if label != ent.label_ else None


def _repeated_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with a further one-word person for each word that the document names as a one-word
    person at least MIN_PERSON_MENTIONS times and that the recognizer left out (rule 24)."""
    mentions = Counter(ent.text for ent in ents if len(ent) == 1 and ent.label_ == "PER")
    names = {text for text, count in mentions.items() if count >= MIN_PERSON_MENTIONS}
    if not names:
        return ents
    return _further_person_mentions(doc, ents, names, lambda token: _is_repeated_person(token, names))


def _is_repeated_person(token: Token, names: set[str]) -> bool:
    # The same test as for a first name standing for its person (rule 16): alone (not part of a longer
    # name the recognizer missed), and no word of running text ("Strøm", "Berg").
    return token.text in names and token.lower_ not in common_words() and _is_given_name_mention(token, names)


@entities_rule("repeated_persons", 24)
def _rule_repeated_persons(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _repeated_persons(doc, ents)


def _named_by_definite_noun(word: str) -> bool:
    """A capitalised definite noun or a compound ending in one ("Fylkesmannen", "Naturvernforbundet"),
    not an acronym."""
    if word.isupper() or word.casefold().endswith(PARTY_ENDINGS):
        return False  # "Senterpartiet i Nissedal" is a branch, which NorNE names apart from its place
    head = compound_head(word)
    return len(head) >= MIN_DEFINITE_HEAD and head.endswith(DEFINITE_ENDINGS)


def _organisations_with_seats(ents: list[Span]) -> list[Span]:
    """`ents` with each one-word organisation of a definite noun joined to the place after "i" or
    "for" ("[Fylkesmannen] i [Vest-Agder]" → "[Fylkesmannen i Vest-Agder]"): rule 25."""
    result: list[Span] = []
    skip_next = False
    for position, ent in enumerate(ents):
        if skip_next:
            skip_next = False
            continue
        following = ents[position + 1] if position + 1 < len(ents) else None
        doc = ent.doc
        if (
            following is not None and ent.label_ == "ORG" and len(ent) == 1
            and following.start == ent.end + 1 and doc[ent.end].text in SEAT_PREPOSITIONS
            and following.label_ in PLACE_TYPES and _named_by_definite_noun(ent.text)
        ):
            result.append(Span(doc, ent.start, following.end, label="ORG"))
            skip_next = True
        else:
            result.append(ent)
    return result


@entities_rule("organisations_with_seats", 25)
def _rule_organisations_with_seats(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _organisations_with_seats(ents)


@entities_rule("documents", 21)
def _rule_documents(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
    return _documents(doc, ents)


# Today's order: the rules that settle whole names first, then the types, then the added mentions.
DEFAULT_RULES: tuple[str, ...] = (
    "function_words", "lower_case_words", "titles", "place_names_with_i", "organisations_with_seats",
    "institution_nouns_taken_in",
    "surnames_after_first_names", "places_before_persons",
    "surnames", "countries", "building_names", "place_nouns", "town_locs", "organisation_names", "affairs",
    "appositions", "towns_taken_for_persons",
    "one_type_per_name", "governments", "news_media",
    "places_after_i", "surname_mentions", "given_name_mentions", "repeated_persons", "documents",
    "joined_persons", "quoted_titles",
)

Step = Callable[[Doc, list[Span], PersonNames], list[Span]]


def _typing_pass(rules: Sequence[TypeRule]) -> Step:
    """One pass over the entities in which the first of `rules` that gives a label wins."""
    def apply(doc: Doc, ents: list[Span], names: PersonNames) -> list[Span]:
        names.of(ents)  # the type rules see the person names as they stand before any type changes
        typed = []
        for ent in ents:
            label = next((found for rule in rules if (found := rule(ent, names)) is not None), ent.label_)
            typed.append(Span(doc, ent.start, ent.end, label=label) if label != ent.label_ else ent)
        return typed
    return apply


def _steps(rule_names: Iterable[str]) -> list[Step]:
    steps: list[Step] = []
    pending: list[TypeRule] = []
    for name in rule_names:
        rule = RULES[name]
        if rule.kind == "type":
            pending.append(rule.apply)  # type: ignore[arg-type]
            continue
        if pending:
            steps.append(_typing_pass(pending))
            pending = []
        steps.append(rule.apply)  # type: ignore[arg-type]
    if pending:
        steps.append(_typing_pass(pending))
    return steps


class EntityTypes:
    """The entity-type component: the configured rules, in the configured order."""

    def __init__(self, rules: Sequence[str] = DEFAULT_RULES) -> None:
        unknown = [name for name in rules if name not in RULES]
        if unknown:
            raise ValueError(f"{ENTITY_TYPES}: unknown rule {', '.join(map(repr, unknown))}; "
                             f"known: {', '.join(DEFAULT_RULES)}")
        repeated = sorted({name for name in rules if list(rules).count(name) > 1})
        if repeated:
            raise ValueError(f"{ENTITY_TYPES}: rule {', '.join(map(repr, repeated))} named twice")
        self.rules = tuple(rules)
        self._steps = _steps(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        ents = split_at_whitespace(list(doc.ents))  # always: no rule may see a name run across a line break
        names = PersonNames()
        for step in self._steps:
            ents = step(doc, ents, names)
        doc.ents = ents
        return doc


@Language.factory(ENTITY_TYPES, default_config={"rules": list(DEFAULT_RULES)})
def make_entity_types(nlp: Language, name: str, rules: list[str]) -> EntityTypes:
    """The component that the shipped models name `nyhetsgraf_entity_types`; `rules` picks and orders
    the rules (names of `RULES`), all of them in `DEFAULT_RULES` order by default."""
    return EntityTypes(rules)


@cache
def _default_component() -> EntityTypes:
    return EntityTypes(DEFAULT_RULES)


def refine_entity_types(doc: Doc) -> Doc:
    """Correct entity types, and add missed mentions of persons, by all the rules in today's order."""
    return _default_component()(doc)
