"""Quote and speaker constructions on texts of our own, through the shipped models: descriptive
speakers kept whole, colon frames, attribution in the next sentence, multi-word speech phrases,
and terms in quotation marks that are no quotes."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Quote


def quotes(extractor: Extractor, text: str, language: str = "nb") -> list[Quote]:
    return facts_of(extractor, text, language).quotes


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    # descriptive speakers stay whole
    ("nb", "– Vi har ingen kommentar, sier Hansens advokat.", "Vi har ingen kommentar", "Hansens advokat"),
    ("nb", "– Vi anker, sier Kari Lies nærmeste leder.", "Vi anker", "Kari Lies nærmeste leder"),
    ("nb", "– Dette er uakseptabelt, sier hennes nærmeste leder.", "Dette er uakseptabelt",
     "hennes nærmeste leder"),
    # a person after a title's prepositional phrase; circumstances are no part of the speaker
    ("nb", "– Vi skal teste saken, sa kommunalsjef for helse Øystein Sende i Levanger kommune til avisa.",
     "Vi skal teste saken", "Øystein Sende"),
    ("nb", "– Det nærmer seg, sa statsministeren ved kunngjøringen av valgdatoen forrige fredag.",
     "Det nærmer seg", "statsministeren"),
    # a colon frame before the quotation
    ("nb", "Kari Nordmann var tydelig. Hun skriver i en e-post: «Vi kommer ikke til å godta dette.»",
     "Vi kommer ikke til å godta dette", "Kari Nordmann"),
    # the speaker named in the next sentence
    ("nb", "– Vi har ikke råd til flere kutt.\nSlik forklarer rektor Ola Hansen situasjonen.",
     "Vi har ikke råd til flere kutt", "Ola Hansen"),
    # multi-word speech phrases
    ("nb", "Statsministeren gjør det klart at regjeringen ikke vil gi etter.",
     "regjeringen ikke vil gi etter", "Statsministeren"),
    ("nb", "Ola Hansen har mange ganger gjort det klart at han vil gå av.", "han vil gå av", "Ola Hansen"),
    ("nb", "Forbundsleder Kari Nordmann kommer med en advarsel om at streiken kan bli lang.",
     "streiken kan bli lang", "Kari Nordmann"),
    ("nb", "Politiet slår fast at brannen var påsatt.", "brannen var påsatt", "Politiet"),
    ("nn", "Ordføraren slår fast at budsjettet må kuttast.", "budsjettet må kuttast", "Ordføraren"),
    ("nn", "– Vi godtek ikkje dette, seier ordførar Kari Nordmann.", "Vi godtek ikkje dette",
     "Kari Nordmann"),
])
def test_quote_and_speaker(extractor: Extractor, language: str, text: str, quoted: str, speaker: str) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found


@pytest.mark.parametrize("text", [
    "Ingvild Snildal får også svømme «ekstrafinaler» søndag.",
    "Det er uklart hva som er «riktig» i denne saken.",
    "Kirken har valgt å bruke ordet «folkekirke» om seg selv.",
    "Programmet heter «Helt ærlig» og går på lørdager.",
])
def test_a_term_in_quotation_marks_is_no_quote(extractor: Extractor, text: str) -> None:
    assert quotes(extractor, text) == []


def test_a_short_quotation_after_a_naming_verb_is_a_quote(extractor: Extractor) -> None:
    found = quotes(extractor, "Departementet kalte henne en «rar dame» i en uttalelse.")
    assert [q.text for q in found] == ["rar dame"]


@pytest.mark.parametrize("text", [
    "Flere la merke til at ringen var ny.",
    "Hun la merke til at døra sto åpen.",
])
def test_noticing_is_no_speech(extractor: Extractor, text: str) -> None:
    assert quotes(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Men jeg må si jeg ble sjokkert over vedtaket.",
    "Trolig kan vi si at saken er avgjort.",
])
def test_a_speaker_never_opens_with_a_conjunction_or_sentence_adverb(extractor: Extractor,
                                                                     text: str) -> None:
    for quote in quotes(extractor, text):
        assert quote.speaker is None or quote.speaker.split()[0].lower() not in {"men", "trolig", "jeg"}
