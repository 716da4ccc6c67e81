"""Counts of people and things in Norwegian news sentences of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span, Token

from nyhetsgraf.extract.counts import find_counts, vocabulary
from nyhetsgraf.records import Article, Count, Document, Entity

NLP = spacy.blank("nb")


class FakeEntities:
    """The two look-ups of EntityIndex, backed by a word -> entity table (genitive -s allowed)."""

    def __init__(self, table: dict[str, Entity]) -> None:
        self.table = table

    def entity_for(self, token_or_span: Token | Span) -> Entity | None:
        tokens = [token_or_span] if isinstance(token_or_span, Token) else list(token_or_span)
        for token in tokens:
            for word in (token.text, token.text[:-1] if token.text.endswith("s") else None):
                if word and word in self.table:
                    return self.table[word]
        return None

    def name_for(self, token_or_span: Token | Span) -> str | None:
        entity = self.entity_for(token_or_span)
        return entity.name if entity else None


ENTITIES = FakeEntities({
    "Nato": Entity("Nato", "ORG"),
    "Norge": Entity("Norge", "GPE_ORG"),
    "Irak": Entity("Irak", "GPE_LOC"),
    "Bergen": Entity("Bergen", "GPE_LOC"),
    "Kabul": Entity("Kabul", "GPE_LOC"),
    "Russland": Entity("Russland", "GPE_ORG"),
    "Litauen": Entity("Litauen", "GPE_LOC"),
})


def counts_of(text: str, prefix: str = "", entities: FakeEntities | None = ENTITIES) -> list[Count]:
    document = Document(source="test", text=prefix + text, format="text", date="2021-03-04")
    art = Article(document=document, index=0, span=(len(prefix), len(prefix) + len(text)))
    return find_counts(NLP(art.text), art, entities)


def brief(counts: list[Count]) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.bound) for c in counts]


@pytest.mark.parametrize(("text", "expected"), [
    ("Minst 12 mennesker omkom i brannen.", [("KILL", 12, "at_least")]),
    ("Tre personer ble drept og over 40 ble skadd i angrepet.",
     [("KILL", 3, "exact"), ("WOUND", 40, "more_than")]),
    ("Rundt 30 mennesker mistet livet i skredet.", [("KILL", 30, "about")]),
    ("Et titall personer ble lettere skadd.", [("WOUND", 10, "about")]),
    ("Politiet pågrep sju personer etter uroen.", [("ARREST", 7, "exact")]),
    ("Færre enn 20 demonstranter ble arrestert.", [("ARREST", 20, "less_than")]),
    ("Fire fjellklatrere er fortsatt savnet.", [("MISSING", 4, "exact")]),
    ("Om lag 300 beboere ble evakuert fra boligfeltet.", [("EVACUATE", 300, "about")]),
    ("Nesten 1,5 millioner mennesker er på flukt.", [("DISPLACE", 1_500_000, "about")]),
    ("Så mange som 20.000 mennesker demonstrerte mot regjeringen.", [("PROTEST", 20000, "exact")]),
    ("Høyst 80 streikende møtte opp.", [("PROTEST", 80, "at_most")]),
    ("Mer enn to hundre flyktninger kom over grensen.", [("DISPLACE", 200, "more_than")]),
    ("Seks journalister ble tatt som gisler.", [("KIDNAP", 6, "exact")]),
    ("Kommunen har kjøpt inn 40 nye busser.", [("OTHER", 40, "exact")]),
])
def test_category_and_bound(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


def test_deploy_with_holder_and_location() -> None:
    (count,) = counts_of("Nato har rundt 500 soldater i Irak.")
    assert (count.category, count.value, count.bound, count.object) == ("DEPLOY", 500, "about", "soldat")
    assert (count.holder, count.location) == ("Nato", "Irak")


def test_nationality_adjective_gives_the_holder() -> None:
    (count,) = counts_of("Omkring 60 norske soldater tjenestegjør i Kabul.")
    assert (count.category, count.holder, count.location) == ("DEPLOY", "Norge", "Kabul")


def test_genitive_holder() -> None:
    (count,) = counts_of("Russlands 3000 soldater står ved grensen til Litauen.")
    assert (count.category, count.value, count.holder) == ("DEPLOY", 3000, "Russland")


def test_elliptic_count_copies_the_noun() -> None:
    first, second = counts_of("Minst 50 mennesker har omkommet og over 200 er skadd i Bergen.")
    assert (second.category, second.value, second.bound, second.object) == ("WOUND", 200, "more_than",
                                                                           first.object)
    assert first.location == second.location == "Bergen"


def test_span_is_the_number_phrase_and_absolute() -> None:
    prefix = " date 2021-03-04 – "
    text = "Regjeringen sender opp mot 150 soldater til Litauen."
    document_text = prefix + text
    (count,) = counts_of(text, prefix=prefix)
    assert document_text[count.span[0]:count.span[1]] == "opp mot 150 soldater"
    assert (count.category, count.bound, count.location) == ("DEPLOY", "about", "Litauen")


def test_subset_of_the_injured() -> None:
    found = counts_of("Ti av de skadde er fløyet til sykehus, deriblant to barn.")
    assert brief(found) == [("WOUND", 10, "exact"), ("WOUND", 2, "exact")]


def test_subset_that_left_is_no_longer_evacuated() -> None:
    assert brief(counts_of("Under 30 av de evakuerte har fått reise hjem.")) == [("OTHER", 30, "less_than")]


def test_collective_noun_with_number_after() -> None:
    (count,) = counts_of("Fiskebåten har et mannskap på 12.")
    assert (count.category, count.value, count.object) == ("OTHER", 12, "mannskap")


@pytest.mark.parametrize("text", [
    "Han ble født i 1975 og er 34 år gammel.",
    "Møtet starter klokken 14.30 den 3. januar.",
    "Prisen steg med 15 prosent.",
    "Avtalen er verdt 12 millioner kroner.",
    "Hun løp 42 kilometer på fire timer.",
    "Laget vant 2-1 på bortebane.",
    "Han kom på 3. plass i rennet.",
    "Kari Nordmann (45) er ny leder.",
    "Ring 22 33 44 55 for å melde fra.",
    "Han så nyhetene på France 24 i går.",
    "De to lederne møttes i Bergen.",
    "Hans tre brødre var til stede.",
    "Han var 40 år da han flyttet.",
    "Fisket ble kraftig redusert i fire dager.",
    "Hundrevis av mennesker samlet seg.",
    "En mann i 50-årene ble pågrepet.",
])
def test_not_counts(text: str) -> None:
    assert counts_of(text) == []


def test_heading_that_repeats_a_count_of_the_body_is_dropped() -> None:
    text = "Sender 200 soldater\n\nRegjeringen sender 200 soldater til Litauen."
    found = counts_of(text)
    assert len(found) == 1
    assert found[0].span[0] > text.index("\n")


def test_works_without_entities() -> None:
    (count,) = counts_of("Minst 12 mennesker omkom i brannen.", entities=None)
    assert (count.category, count.holder, count.location) == ("KILL", None, None)


def test_vocabulary_has_every_kind() -> None:
    vocab = vocabulary()
    for kind in ("bound", "noun", "pred", "unit", "known", "nation"):
        assert vocab.get(kind), kind
    assert vocab.get("bound")["minst"] == "at_least"


def test_tally_states_the_number() -> None:
    assert brief(counts_of("Dødstallet har nå steget til 45.")) == [("KILL", 45, "exact")]
    assert brief(counts_of("Antallet skadde er over 120.")) == [("WOUND", 120, "more_than")]


def test_partitive_of_people_already_mentioned() -> None:
    assert brief(counts_of("Tre av dem ble pågrepet i går.")) == [("ARREST", 3, "exact")]


def test_thousands_written_with_a_space() -> None:
    assert brief(counts_of("Rundt 200 000 mennesker er drevet på flukt.")) == [("DISPLACE", 200000, "about")]


def test_votes_are_counted_things() -> None:
    assert brief(counts_of("Forslaget fikk 85 stemmer i Stortinget.")) == [("OTHER", 85, "exact")]


def test_inverted_word_order_keeps_the_count() -> None:
    (count,) = counts_of("I fjor hadde Norge 70 soldater i Irak.")
    assert (count.category, count.value, count.holder, count.location) == ("DEPLOY", 70, "Norge", "Irak")


def test_force_of_men_is_deployed() -> None:
    found = counts_of("Russland har sendt en styrke på 400 mann til grensen.")
    assert brief(found) == [("DEPLOY", 400, "exact")]


def test_holder_is_the_subject_in_a_parse() -> None:
    # "Byrådet i Bergen vil legge ned to skoler."
    words = ["Byrådet", "i", "Bergen", "vil", "legge", "ned", "to", "skoler", "."]
    spaces = [True] * 7 + [False, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=[3, 0, 1, 3, 3, 4, 7, 4, 3],
              deps=["SUBJ", "ATR", "PUTFYLL", "FINV", "INFV", "PRT", "DET", "DOBJ", "IP"],
              pos=["NOUN", "ADP", "PROPN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
              lemmas=["byråd", "i", "Bergen", "ville", "legge", "ned", "to", "skole", "."])
    document = Document(source="test", text=doc.text, format="text", date="2021-03-04")
    art = Article(document=document, index=0, span=(0, len(doc.text)))
    (count,) = find_counts(doc, art, ENTITIES)
    assert (count.category, count.value, count.object, count.holder) == ("OTHER", 2, "skole", "Bergen")


def test_nynorsk_counts() -> None:
    found = counts_of("Minst 14 menneske vart drepne og meir enn 30 er sakna etter raset.")
    assert brief(found) == [("KILL", 14, "at_least"), ("MISSING", 30, "more_than")]


def test_damaged_things_are_no_casualties() -> None:
    found = counts_of("Rundt 30 hus og 12 bolighus er skadet.")
    assert brief(found) == [("OTHER", 30, "about"), ("OTHER", 12, "exact")]


def test_vague_hundreds_are_no_number() -> None:
    assert counts_of("Flere hundre ble evakuert fra byen.") == []


def test_protest_noun_in_a_compound() -> None:
    assert brief(counts_of("Over 2500 mennesker deltok i fakkeltoget.")) == [("PROTEST", 2500, "more_than")]


@pytest.fixture(scope="module")
def trained() -> spacy.language.Language:
    from nyhetsgraf import nlp as nlp_module

    try:
        return nlp_module.load("nb")
    except nlp_module.ModelMissing:
        pytest.skip("the trained nb model is not built")


@pytest.mark.slow
def test_with_the_trained_pipeline_and_entity_index(trained: spacy.language.Language) -> None:
    from nyhetsgraf.extract.entities import find_entities

    text = ("Nato har rundt 500 soldater i Irak. Minst 12 mennesker omkom og over 40 ble skadd "
            "i angrepet i Bagdad søndag. Politiet pågrep sju personer.")
    document = Document(source="test", text=text, format="text", date="2021-03-04")
    art = Article(document=document, index=0, span=(0, len(text)))
    doc = trained(text)
    found = find_counts(doc, art, find_entities(doc, art))
    assert brief(found) == [("DEPLOY", 500, "about"), ("KILL", 12, "at_least"), ("WOUND", 40, "more_than"),
                            ("ARREST", 7, "exact")]
    assert (found[0].holder, found[0].location) == ("Nato", "Irak")
    assert found[1].location == "Bagdad"


def test_half_a_million() -> None:
    assert brief(counts_of("En halv million mennesker er på flukt.")) == [("DISPLACE", 500_000, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    ("I fjor omkom 110 personer i trafikken.", [("KILL", 110, "exact")]),
    ("Natt til søndag ble det arrestert 20 personer i sentrum.", [("ARREST", 20, "exact")]),
    ("Politiet har gjort fire pågripelser i saken.", [("ARREST", 4, "exact")]),
])
def test_inverted_and_nominal_predicates(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


@pytest.mark.parametrize("text", ["Han døde i år 44 f. Kr. i Roma.", "Boten var 500 baht.",
                                  "Han skjøt fra fem meters hold."])
def test_more_measures(text: str) -> None:
    assert counts_of(text) == []


@pytest.mark.parametrize("text", [
    "Grenseverdien er 10 millioner mikrowatt.",
    "Fallet var på 1000 mikrometer.",
    "Anlegget gir 40 megawatt.",
])
def test_measure_word_endings(text: str) -> None:
    assert counts_of(text) == []


def test_years_after_strong_prepositions_are_no_counts() -> None:
    assert counts_of("I 2005 besluttet bevegelsen å legge ned våpnene.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("14 pågrepet etter uro", [("ARREST", 14, "exact")]),
    ("32 mennesker ble drept og 25 såret.", [("KILL", 32, "exact"), ("WOUND", 25, "exact")]),
    ("Sju personer er pågrepet i ti politidistrikter.", [("ARREST", 7, "exact"), ("OTHER", 10, "exact")]),
    ("USA har brukt over 5 billioner kroner.", []),
])
def test_predicates_right_after_numbers(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


def test_among_the_dead() -> None:
    assert brief(counts_of("Blant de døde er 13 barn.")) == [("KILL", 13, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Det var ti menn og to kvinner som omkom.", [("KILL", 10, "exact"), ("KILL", 2, "exact")]),
    ("Seks bilførere, en syklist og to fotgjengere omkom i mai.",
     [("KILL", 6, "exact"), ("KILL", 2, "exact")]),
    ("Fem politifolk og tre soldater ble drept.", [("KILL", 5, "exact"), ("KILL", 3, "exact")]),
    ("I oktober har elleve mennesker omkommet, av dem er sju menn.",
     [("KILL", 11, "exact"), ("KILL", 7, "exact")]),
    ("Av de omkomne var seks menn.", [("KILL", 6, "exact")]),
    ("I september mistet ti personer livet på veiene.", [("KILL", 10, "exact")]),
    ("Flere hundre tusen mennesker flyktet.", []),
])
def test_conjoined_and_subset_counts(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


def test_organisation_after_mot_is_no_location() -> None:
    entities = FakeEntities({"Frankrike": Entity("Frankrike", "GPE_ORG"), "IS": Entity("IS", "ORG")})
    (count,) = counts_of("Frankrike har rundt 200 soldater i koalisjonen mot IS.", entities=entities)
    assert (count.holder, count.location) == ("Frankrike", None)


def test_fact_box_tally_and_more_bounds() -> None:
    assert brief(counts_of("Antall døde: 30")) == [("KILL", 30, "exact")]
    assert brief(counts_of("Nær 3000 mennesker er evakuert.")) == [("EVACUATE", 3000, "about")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sju av ti kommuner har opplevd ekstremvær.", []),
    ("Fem motdemonstranter ble innbrakt til politiarresten.", [("ARREST", 5, "exact")]),
    ("Ti regjeringssoldater er stasjonert i byen.", [("DEPLOY", 10, "exact")]),
    ("Tre uskadde passasjerer gikk fra borde.", [("OTHER", 3, "exact")]),
])
def test_ratios_and_compounds(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mellom fire og seks kongeørnpar lever i området.", [("OTHER", 6, "exact")]),
    ("Det er sju færre enn året før.", []),
    ("To hundre og femti mennesker deltok i demonstrasjonen.", [("PROTEST", 250, "exact")]),
])
def test_ranges_and_differences(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert brief(counts_of(text)) == expected


def test_things_struck_by_a_strike_do_not_protest() -> None:
    assert brief(counts_of("Sykehus i seks fylker rammes av streiken.")) == [("OTHER", 6, "exact")]
