"""Precision of quotes and counts on sentences of our own, through the shipped models (bokmål and
nynorsk): pieces of broken lines, bylines, titles and scare quotes are no quotes; a speaker must be
someone who can speak; counted objects are nouns; the holder is the subject of the holding verb."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Count, Quote


def quotes(extractor: Extractor, text: str, language: str = "nb") -> list[Quote]:
    return facts_of(extractor, text, language).quotes


def counts(extractor: Extractor, text: str, language: str = "nb") -> list[Count]:
    return facts_of(extractor, text, language).counts


@pytest.mark.parametrize(("language", "text", "not_quoted"), [
    # a dash line that breaks off at the end of its line
    ("nb", "Saken er alvorlig.\n\n– Det var en blemme, og det er beklagelig. Men vi trenger\n\nmer tid.",
     "Det var en blemme"),
    ("nn", "Saka er alvorleg.\n\n– Det var ein tabbe, og det er leitt. Men vi treng\n\nmeir tid.",
     "Det var ein tabbe"),
    # a dash line that opens in lower case is the rest of a broken sentence
    ("nb", "Han sa at selskapet brukte\n– formue mer for private formål.\nSaken er anmeldt.", "formue mer"),
    # a byline or a title on a dash line, with no verb
    ("nb", "Boken kom i fjor.\n\n– «Udødeligheten» av Milan Kundera.\n\nDen er god.", "Udødeligheten"),
    ("nb", "Skolen skal legges ned.\n\nHarald Hove, skolebyråd i Bergen, sier han vil fortsette dialogen.",
     "Harald Hove, skolebyråd i Bergen"),
    # scare quotes and one quoted word
    ("nb", "Vil vi at «noen der ute» skal vite alt om oss?", "noen der ute"),
    ("nb", "Han hadde de «mest traumatiske mareritt» etter krigen.", "mest traumatiske mareritt"),
    ("nb", "Vi ble fortalt av de falmede tv-«ekspertene» at krigen var over.", "ekspertene"),
    ("nn", "Dei kalla det ein «suksess» for bygda, men folk var usamde.", "xx-not-checked"),
    # the adverbial clause before a speech verb
    ("nb", "Da han kom inn etter å ha spist ute en kveld, ropte verten etter ham.", "Da han kom inn"),
])
def test_no_quote(extractor: Extractor, language: str, text: str, not_quoted: str) -> None:
    assert not [q for q in quotes(extractor, text, language) if q.text.startswith(not_quoted)]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    # whole dash lines, attributed or not, are kept
    ("nb", "Saken er alvorlig.\n\n– Det var en blemme, sier Kari Lie.\n", "Det var en blemme", "Kari Lie"),
    ("nn", "Saka er alvorleg.\n\n– Det var ein tabbe, seier Kari Lie.\n", "Det var ein tabbe", "Kari Lie"),
    ("nb", "Kari Lie svarte raskt.\n\n– Vi gjør alt vi kan for å hjelpe dem.\n", "Vi gjør alt vi kan", None),
    # a short attributed exclamation keeps its speaker
    ("nb", "– Helt utrolig, sier Kari Lie.", "Helt utrolig", "Kari Lie"),
    # two words in guillemets after a naming verb
    ("nb", "Departementet kalte henne en «rar dame» i en uttalelse.", "rar dame", "Departementet"),
    # a description that can speak: a person noun with a phrase after it, a group, a document
    ("nb", "Havna stenger i kveld, opplyser en talsmann for rederiet.", "Havna stenger i kveld",
     "en talsmann for rederiet"),
    ("nb", "Prisene vil stige, skriver departementet i en pressemelding.", "Prisene vil stige", None),
])
def test_quote_kept(extractor: Extractor, language: str, text: str, quoted: str, speaker: str | None) -> None:
    found = [q for q in quotes(extractor, text, language) if q.text.startswith(quoted)]
    assert found
    if speaker is not None:
        assert found[0].speaker == speaker


@pytest.mark.parametrize(("language", "text"), [
    # speakers that cannot speak are dropped, the quote stays without one
    ("nb", "Mange av dem som ikke har sertifikat, kjører for fort, forteller nye melodier."),
    ("nb", "En analogi til dette er å si at det å falle utfor høyder er farlig."),
])
def test_no_speaker_that_cannot_speak(extractor: Extractor, language: str, text: str) -> None:
    assert all(q.speaker not in ("nye melodier", "En analogi") for q in quotes(extractor, text, language))


@pytest.mark.parametrize(("language", "text", "value"), [
    ("nb", "«It's appropriate to return the favor», sa han.", 2),
    ("nb", "Jeg mener 80 pst.-regelen er urimelig slik den er.", 80),
    ("nb", "De har trent på tre ulike måter i vinter.", 3),
    ("nn", "Dei har trena på tre ulike måtar i vinter.", 3),
])
def test_no_count(extractor: Extractor, language: str, text: str, value: int) -> None:
    assert not [c for c in counts(extractor, text, language) if c.value == value and c.category == "OTHER"]


@pytest.mark.parametrize(("language", "text", "value", "obj"), [
    # substantivised plural adjectives are counted people
    ("nb", "Ifølge NRK er det minst 120 ansatte som får bonus.", 120, "ansatt"),
    ("nb", "Bare en gruppe fikk bedre resultater da 26 overvektige begynte å trene.", 26, None),
    ("nb", "Færre enn ti av de evakuerte har fått reise hjem.", 10, None),
    ("nn", "Over 120 tilsette får bonus i år.", 120, None),
])
def test_count_kept(extractor: Extractor, language: str, text: str, value: int, obj: str | None) -> None:
    found = [c for c in counts(extractor, text, language) if c.value == value]
    assert found
    if obj is not None:
        assert found[0].object == obj


def test_the_holder_is_the_subject_of_the_holding_verb(extractor: Extractor) -> None:
    text = "Avisen mener at Obama har 285 sikre valgmannstemmer mot 200 til Romney."
    found = [c for c in counts(extractor, text) if c.value == 285]
    assert found and found[0].holder != "Avisen"


def test_they_said_is_no_country(extractor: Extractor) -> None:
    text = "Turistene kom fra Japan i fjor.\n\n«Han satt der i timevis og virket bekymringsløs», sa de."
    found = quotes(extractor, text)
    assert found and all(q.speaker != "Japan" for q in found)
