"""Quote precision on sentences of our own, through the shipped models (bokmål and nynorsk): the
source a text names in a genitive, an impersonal "heter det ... fra X" or a citing frame; at-clauses
of time and manner, guesses and the writer's or anyone's views are no reports."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Quote


def quotes(extractor: Extractor, text: str, language: str = "nb") -> list[Quote]:
    return facts_of(extractor, text, language).quotes


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    # the owner named by a genitive right before the quotation
    ("nb", "Mange husker fortsatt John F. Kennedys «jeg er en berliner» fra 1963.", "jeg er en berliner",
     "John F. Kennedy"),
    ("nb", "Kari Nordmann var klar i talen. Nordmanns «vi gir oss aldri» ble stående.", "vi gir oss aldri",
     "Kari Nordmann"),
    ("nb", "Statsministerens «vi skal klare dette sammen» ble gjentatt mange ganger.",
     "vi skal klare dette sammen", "Statsministeren"),
    # an impersonal "heter det" names its source after "fra", else after "i"
    ("nb", '"Alt står bra til med mor og barn", heter det i en pressemelding fra Slottet.',
     "Alt står bra til med mor og barn", "Slottet"),
    ("nn", "«Tiltaket har ikkje verka etter føremålet, og det må vurderast på nytt», heiter det i rapporten.",
     "Tiltaket har ikkje verka etter føremålet, og det må vurderast på nytt", "rapporten"),
    # the one cited in a frame before a colon
    ("nb", "For å sitere Finansdepartementet fra 2010: «Veksten vil avta neste år.»",
     "Veksten vil avta neste år", "Finansdepartementet"),
])
def test_named_source(extractor: Extractor, language: str, text: str, quoted: str, speaker: str) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found


def test_a_genitive_of_a_thing_names_no_speaker(extractor: Extractor) -> None:
    found = quotes(extractor, "Dagens «vi må gjøre noe nå» er ikke nok.")
    assert all(q.speaker is None for q in found)


@pytest.mark.parametrize(("language", "text"), [
    # "etter at", "uten at", "før at": a time or a manner, not what is said
    ("nb", "Han uttalte seg etter at dommen falt."),
    ("nb", "Statsministeren svarte uten at det kom noe nytt."),
    ("nn", "Ho kommenterte saka etter at møtet var slutt."),
    # anyone's view, the writer's under a modal, a guess about what someone would say
    ("nb", "Muligens mener man at dette er for dyrt?"),
    ("nb", "Man sier at han var rik."),
    ("nb", "Grovt sett kan vi si at økonomien har vokst."),
    ("nn", "Ein kan vel seie at økonomien har vakse."),
    ("nb", "Om ti år vil han trolig mene at valget var riktig."),
    ("nb", "Statsministeren vil sannsynligvis hevde at budsjettet er stramt."),
    ("nb", "Du vil kanskje påstå at dette er urettferdig."),
])
def test_no_report(extractor: Extractor, language: str, text: str) -> None:
    assert [q for q in quotes(extractor, text, language) if not q.direct] == []


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    ("nb", "Politiet kan bekrefte at tre personer er skadet.", "tre personer er skadet", "Politiet"),
    ("nn", "Det kan ein talsmann for politiet stadfeste at bilen var stolen.", "bilen var stolen",
     "ein talsmann for politiet"),
    ("nb", "Hansen vil si at prosjektet er for dyrt.", "prosjektet er for dyrt", "Hansen"),
    ("nb", "Kari Nordmann fortalte om at hun hadde ventet i to timer.", "hun hadde ventet i to timer",
     "Kari Nordmann"),
])
def test_report_kept(extractor: Extractor, language: str, text: str, quoted: str, speaker: str) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found
