"""Count constructions on sentences of our own, through the shipped models (bokmål and nynorsk): a time
phrase between the verb and its object, holders only where the grammar gives one, and dates, rates
and references that are no counts."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Count


def counts(extractor: Extractor, text: str, language: str = "nb") -> list[Count]:
    return facts_of(extractor, text, language).counts


@pytest.mark.parametrize(("language", "sentence", "category", "value"), [
    # a time phrase between the verb and the counted object
    ("nb", "Politiet arresterte i går kveld fire personer.", "ARREST", 4),
    ("nb", "Politiet pågrep natt til søndag tre menn i Bergen.", "ARREST", 3),
    ("nb", "Politiet pågrep i natt tolv personer.", "ARREST", 12),
    ("nb", "Politiet pågrep fredag kveld seks ungdommer.", "ARREST", 6),
    ("nn", "Politiet pågreip i natt fire personar.", "ARREST", 4),
    # passives and nynorsk participles
    ("nb", "Rundt 300 beboere ble evakuert i natt.", "EVACUATE", 300),
    ("nn", "Rundt 200 bebuarar vart evakuerte.", "EVACUATE", 200),
    ("nb", "Minst 15 mennesker ble drept i angrepet.", "KILL", 15),
    ("nn", "Minst 15 menneske vart drepne i åtaket.", "KILL", 15),
    # big number words
    ("nb", "Over fire millioner mennesker er rammet av flommen.", "OTHER", 4_000_000),
])
def test_count_category_and_value(extractor: Extractor, language: str, sentence: str, category: str,
                                  value: int) -> None:
    found = [(c.category, c.value) for c in counts(extractor, sentence, language)]
    assert (category, value) in found


@pytest.mark.parametrize(("sentence", "holder"), [
    # a source or a person talked to is no holder of the things counted
    ("Ifølge NRK er det minst 120 ansatte som får utbetalt bonus.", None),
    ("Kari Nordmann har intervjuet 99 lærere i Sogndal.", None),
    ("Statistisk sentralbyrå melder at 300 bedrifter gikk konkurs.", None),
    # a genitive or the subject of a holding verb is
    ("Nato har rundt 500 soldater i landet.", "Nato"),
    ("Norges 300 soldater i Litauen kommer hjem i mai.", "Norge"),
])
def test_holder_only_where_the_grammar_gives_one(extractor: Extractor, sentence: str,
                                                 holder: str | None) -> None:
    found = counts(extractor, sentence)
    assert found and all(c.holder == holder for c in found)


@pytest.mark.parametrize("sentence", [
    "Avtalen ble inngått 22 oktober 1981.",
    "Det er estimert at per 100 000 fødsler dør 650 mødre.",
    "I Rt. 2005 s. 1234 kom Høyesterett til motsatt resultat.",
    "Dommen er avsagt etter straffeloven § 233.",
    "Avtalen gjelder fra 2019.",
])
def test_no_count_for(extractor: Extractor, sentence: str) -> None:
    found = [(c.category, c.value) for c in counts(extractor, sentence)]
    assert all(value not in (22, 100_000, 2005, 1234, 233, 2019) for _, value in found)


@pytest.mark.parametrize("sentence", [
    "Også to andre av kravene ble innfridd.",
    "Kan det være at én gjeng bloggere styrer debatten?",
    "Han er en venn av familien.",
])
def test_no_count_at_all_in(extractor: Extractor, sentence: str) -> None:
    assert counts(extractor, sentence) == []


def test_one_killed_is_still_a_count(extractor: Extractor) -> None:
    assert ("KILL", 1) in [(c.category, c.value) for c in counts(extractor, "Én person ble drept i ulykken.")]


@pytest.mark.parametrize(("language", "sentence", "bound", "value"), [
    # "over" and "under" before a small number word are prepositions of place or time
    ("nb", "Katten sov under to tepper i sofaen.", "exact", 2),
    ("nb", "Laget spilte over to kamper mot naboklubben i helgen.", "exact", 2),
    ("nn", "Dei budde under tre tak same vinteren.", "exact", 3),
    # before digits, a large number word or a scale word they are bounds
    ("nb", "Over 200 demonstranter møtte opp foran Stortinget.", "more_than", 200),
    ("nb", "Under 20 personer møtte opp på årsmøtet.", "less_than", 20),
    ("nb", "Over ti båter ble skadet i stormen.", "more_than", 10),
    ("nb", "Over to tusen mennesker ble evakuert.", "more_than", 2000),
    ("nn", "Over 300 menneske vart evakuerte frå bygda.", "more_than", 300),
])
def test_over_and_under_as_bound_or_preposition(extractor: Extractor, language: str, sentence: str,
                                                bound: str, value: int) -> None:
    assert (bound, value) in [(c.bound, c.value) for c in counts(extractor, sentence, language)]


@pytest.mark.parametrize(("language", "sentence", "value"), [
    # areas and numbers named as numbers are measures, not counts
    ("nb", "Øya er en 373 km2 stor klippe i havet.", 373),
    ("nb", "Leiligheten på 85 kvm ble solgt for mye.", 85),
    ("nb", "Aksjen kan nå 300 tallet før jul.", 300),
    ("nn", "Garden har 40 m2 med drivhus.", 40),
    # references into laws and documents
    ("nb", "Skipet skal kontrolleres slik lovens kap 11 krever.", 11),
    ("nb", "Tallene i tabell 4 viser en økning.", 4),
    ("nn", "Regelen i ledd 3 gjeld òg for skular.", 3),
])
def test_measures_and_references_are_no_counts(extractor: Extractor, language: str, sentence: str,
                                               value: int) -> None:
    assert value not in [c.value for c in counts(extractor, sentence, language)]


@pytest.mark.parametrize(("language", "sentence"), [
    # an adjective that leaves the noun out is not the counted noun
    ("nb", "Styret har fire gamle medlemmer og tre nye."),
    ("nb", "Hun kjøpte to brukte sykler og to nye."),
    ("nn", "Klubben har fem faste trenarar og to nye."),
])
def test_an_elided_noun_is_no_adjective_object(extractor: Extractor, language: str, sentence: str) -> None:
    assert all(c.object not in ("ny", "nye") for c in counts(extractor, sentence, language))


@pytest.mark.parametrize(("language", "sentence", "obj"), [
    # nominalised adjectives and participles still name the counted people
    ("nb", "Sju skadde ble fraktet til sykehus.", "skadd"),
    ("nb", "Over 400 reisende ble sittende fast på flyplassen.", "reisende"),
    ("nb", "Tre døde etter brannen i natt.", None),
])
def test_nominalised_adjectives_stay_counted(extractor: Extractor, language: str, sentence: str,
                                            obj: str | None) -> None:
    found = counts(extractor, sentence, language)
    assert found
    if obj is not None:
        assert obj in [c.object for c in found] or any(obj.startswith(c.object[:4]) for c in found)



@pytest.mark.parametrize(("language", "sentence", "value"), [
    ("nb", "Flyet gikk ned fra 30 000 fot på få minutter.", 30_000),
    ("nb", "Hun bar en ring av 18 karat gull.", 18),
    ("nb", "Skjermen er på 55 tommer.", 55),
    ("nb", "Norge bidro med 62,8 millioner US-dollar til fondet.", 62_800_000),
    # an OTHER count of zero is an idiom
    ("nb", "Han hadde null problemer med å holde takten.", 0),
    ("nn", "Ho har null interesse for fotball.", 0),
    # English after a Norwegian number word
    ("nb", "Refrenget lyder «falling to the ground» om og om igjen.", 2),
])
def test_units_zero_idioms_and_english_are_no_counts(extractor: Extractor, language: str, sentence: str,
                                                     value: int) -> None:
    assert value not in [c.value for c in counts(extractor, sentence, language)]


def test_zero_dead_is_still_a_count(extractor: Extractor) -> None:
    found = [(c.category, c.value) for c in counts(extractor, "Null mennesker ble drept i ulykken.")]
    assert found == [("KILL", 0)]


@pytest.mark.parametrize(("sentence", "obj"), [
    ("Ansatte i 19 norske IT-selskaper fikk aksjer.", "IT-selskap"),
    ("Hele 30 NRK-journalister ble sagt opp.", "NRK-journalist"),
    ("Over 200 FN-soldater ble sendt til grensen.", "FN-soldat"),
])
def test_a_compound_noun_after_a_name(extractor: Extractor, sentence: str, obj: str) -> None:
    assert obj.lower() in [c.object.lower() for c in counts(extractor, sentence)]
