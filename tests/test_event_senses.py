"""Events that unseen news showed to be wrong (extract.event_hedges): unknown or rumoured clauses, a
guess by the auxiliary, a possible cause, a relative on "dem", hunting, a paper released, pushing a law
through, client work, an offered service, a time phrase read as a target, and a participle coordinated
by a comma, being forced to take cover, space flight. Each construction has sentences it must drop or
change and sentences it must keep."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Event


def events(extractor: Extractor, text: str, language: str = "nb") -> list[Event]:
    return facts_of(extractor, text, language).events


def of_type(extractor: Extractor, text: str, type_: str, language: str = "nb") -> list[Event]:
    return [e for e in events(extractor, text, language) if e.type == type_]


@pytest.mark.parametrize(("language", "sentence", "type_"), [
    # unknown whether, or rumoured
    ("nb", "Det er fortsatt uklart om de mistenkte for ranet er blitt pågrepet.", "COERCE"),
    ("nn", "Det er uklart om dei mistenkte for ranet er arresterte.", "COERCE"),
    ("nb", "Fraværet har skapt spekulasjoner om at ministeren er blitt arrestert.", "COERCE"),
    # a guess adverb by the auxiliary of a participle
    ("nb", "Politiet sa at gutten trolig var bortført.", "ASSAULT"),
    ("nn", "Politiet sa at guten truleg var bortført.", "ASSAULT"),
    # a possible cause
    ("nb", "Oppgangen kan skyldes at flere anmelder overgrep.", "ACCUSE"),
    # a relative clause on "dem" in the present
    ("nb", "Fengselet prioriterer å sperre inne dem som er dømt for grov vold.", "COERCE"),
    ("nb", "Kampene mellom hæren og opprørerne kan gjøre krigen verre og splitte dem som støtter kongen.",
     "SUPPORT"),
    # hunting and culling
    ("nb", "I fjor ble det skutt dobbelt så mange ryper som i år.", "ASSAULT"),
    ("nb", "Fire av ulvene ble skutt under lisensfelling.", "ASSAULT"),
    ("nn", "Ulvane vart skotne under skadefelling.", "ASSAULT"),
    # a paper released, a law pushed through, client work, a service offered
    ("nb", "I en rapport som ble frigitt i fjor ble tilsynet kritisert.", "CONCEDE"),
    ("nb", "Partiet lot opposisjonen ta kontroll og tvinge gjennom loven om utsettelse.", "COERCE"),
    ("nb", "Hun skal også bistå klubben med andre kommunikasjonsoppdrag.", "AID"),
    ("nb", "Alle fylker skal være med og tilby intensivopplæring til elevene.", "COOPERATE"),
    ("nb", "I en video som ble frigitt i går, ble gislene vist fram.", "CONCEDE"),
    # forced by circumstances to take cover, space flight
    ("nb", "Selv redningsmannskaper ble tvunget til å søke dekning.", "COERCE"),
    ("nb", "ESA skal sende raketter til månen.", "AID"),
    # a threshold of votes
    ("nb", "Et vanlig lovforslag krever bare simpelt flertall.", "REQUEST"),
    ("nn", "Eit vanleg lovforslag krev berre simpelt fleirtal.", "REQUEST"),
])
def test_drops_what_is_no_event(extractor: Extractor, language: str, sentence: str, type_: str) -> None:
    assert of_type(extractor, sentence, type_, language) == []


@pytest.mark.parametrize(("language", "sentence", "type_"), [
    ("nb", "Politiet opplyser at mannen nå er pågrepet.", "COERCE"),
    ("nb", "Mannen ble pågrepet etter spekulasjoner i mediene.", "COERCE"),
    ("nb", "Politiet sa at gutten var bortført.", "ASSAULT"),
    ("nb", "Økningen skyldes at politiet arresterte tjue personer.", "COERCE"),
    ("nb", "Politiet pågrep dem som angrep leiren.", "COERCE"),
    ("nb", "Fagforeningene er blant dem som krever at loven endres.", "REQUEST"),
    ("nb", "Mannen ble skutt og drept av politiet.", "ASSAULT"),
    ("nb", "Politiet er på jakt etter mannen som knivstakk en kvinne.", "ASSAULT"),
    ("nb", "Tolv fanger ble frigitt av opprørerne.", "CONCEDE"),
    ("nn", "Tolv fangar vart frigitt av opprørarane.", "CONCEDE"),
    ("nb", "Politiet tvang mannen til å gå ut av bilen.", "COERCE"),
    ("nb", "Norge skal bistå Ukraina med våpen.", "AID"),
    ("nb", "Norge skal sende våpen til Ukraina.", "AID"),
    ("nb", "Demonstrantene krever flere lærere.", "REQUEST"),
    ("nb", "Soldatene tvang befolkningen til å flykte.", "COERCE"),
    ("nb", "Sivile ble tvunget av soldatene til å flykte.", "COERCE"),
    ("nb", "Landene skal tilby samarbeid om grensekontroll.", "COOPERATE"),
])
def test_keeps_events_of_the_same_shape(extractor: Extractor, language: str, sentence: str,
                                        type_: str) -> None:
    assert of_type(extractor, sentence, type_, language)


@pytest.mark.parametrize("sentence", [
    "Flere anlegg er de siste ukene blitt svartelistet av russiske myndigheter.",
    "Mannen ble skutt i helgen.",
])
def test_a_time_phrase_is_no_target(extractor: Extractor, sentence: str) -> None:
    found = events(extractor, sentence)
    assert found and all(e.target is None or "uke" not in e.target and "helg" not in e.target for e in found)


def test_a_participle_after_a_comma_is_passive_too(extractor: Extractor) -> None:
    sentence = "Forskerne blir kritisert, refset av ledelsen og utsatt for press."
    refset = [e for e in events(extractor, sentence) if "refset" in e.trigger]
    assert refset and all(e.actor == "ledelsen" for e in refset)
