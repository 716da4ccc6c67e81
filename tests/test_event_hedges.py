"""Clauses that state no event, and roles read from a relative "som", a genitive name or a coordinated
participle (extract.event_hedges), on sentences of our own: each construction has sentences it must
drop or change and sentences of the same shape it must keep."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Event


def events(extractor: Extractor, text: str, language: str = "nb") -> list[Event]:
    return facts_of(extractor, text, language).events


@pytest.mark.parametrize(("language", "sentence"), [
    # a warning of a risk is no threat
    ("nb", "Meteorologene har advart om at kraftig regn kan føre til flom."),
    ("nb", "Forbundet advarer om at konflikten kan bli lang."),
    ("nn", "Ekspertane har åtvara om at tørken kan gi store skogbrannar."),
    # a threat spoken of, not made
    ("nb", "Ministeren satte den trusselen som klimaendringene utgjør, på dagsorden."),
    # a possibility with a subject between the modal and the verb, a guess
    ("nb", "I verste fall kan tre ledere bli dømt til fengsel."),
    ("nb", "Mannen vil trolig bli pågrepet i løpet av dagen."),
    ("nn", "Mannen vil truleg bli arrestert."),
    # a second verb that shares a wish or a request
    ("nb", "Påtalemyndigheten vil ha bilen inndratt og frata ham førerretten."),
    ("nb", "Regimet vil ha mulighet til å fengsle alle som kritiserer presidenten."),
    # generic and procedural clauses
    ("nb", "I enkelte tilfeller blir journalister arrestert uten grunn."),
    ("nn", "I nokre tilfelle blir journalistar arresterte utan grunn."),
    ("nb", "Departementet godkjenner deretter søknaden."),
    ("nb", "Rapporten viser at få voldtekter blir anmeldt."),
    ("nb", "De fleste saker blir henlagt, og få ranere blir pågrepet."),
    ("nb", "Alle skal møte alle i turneringen."),
    # senses: going public, a contest's round, praise of a sight, help in a personal matter
    ("nb", "Ekspertene rykket ut og advarte mot planen."),
    ("nb", "På siste skyting tok hun seg god tid."),
    ("nb", "Han skryter av byens utsikt."),
    # advice to the reader
    ("nb", "Ikke gi fra deg passordet de ber om."),
    # a complaint of pain, a participle that describes a noun, what has not happened yet
    ("nb", "En person klaget over smerter i nakken."),
    ("nn", "Han klaga over smerter i ryggen."),
    ("nb", "Det ble satt rekord med godkjent vind."),
    ("nb", "Rapporten kan ikke brukes før regjeringen har sagt ja."),
    # whoever it is done to, what is withdrawn from the market, an act asked for
    ("nb", "Personer som er dømt for drap, slipper ikke ut."),
    ("nb", "Utfordringen er at så få menn som blir anmeldt for vold."),
    ("nb", "Autorisasjonen er trukket tilbake."),
    ("nn", "Varene er trekte tilbake frå marknaden."),
])
def test_no_event(extractor: Extractor, language: str, sentence: str) -> None:
    assert events(extractor, sentence, language) == []


@pytest.mark.parametrize(("sentence", "type_"), [
    ("Politiet ber gjerningsmennene komme ut og overgi seg.", "RETREAT"),
    ("Advokaten er dømt for å ha bistått klienten med å skjule penger.", "AID"),
    ("De oppfordrer alle arbeidsgivere til å bli med og mobilisere arbeidskraft.", "MOBILIZE"),
])
def test_asked_or_private_act_dropped(extractor: Extractor, sentence: str, type_: str) -> None:
    types = [e.type for e in events(extractor, sentence)]
    assert type_ not in types and types  # the request or the sentence stays


@pytest.mark.parametrize(("language", "sentence", "type_"), [
    ("nb", "Opprørerne advarer om at de vil angripe hovedstaden.", "THREATEN"),
    ("nb", "Presidenten advarer Vesten mot å sende flere våpen.", "THREATEN"),
    ("nb", "Statsadvokaten vil inndra våpenet og frata mannen jaktretten.", "COERCE"),
    ("nb", "Politiet arresterte alle som protesterte mot valget.", "PROTEST"),
    ("nb", "Brannvesenet rykket ut til stedet.", "MOBILIZE"),
    ("nn", "Politiet rykte ut til staden.", "MOBILIZE"),
    ("nb", "Politiet rykket ut med store styrker.", "MOBILIZE"),
    ("nb", "Ministeren skryter av samarbeidet med politiet.", "SUPPORT"),
    ("nb", "Norge har bistått Ukraina med våpen.", "AID"),
    ("nb", "Kommunen godkjente planene i går.", "SUPPORT"),
    ("nb", "Mange ble drept i angrepet.", "ASSAULT"),
    ("nb", "De klaget over behandlingen av asylsøkerne.", "ACCUSE"),
    ("nb", "Han ble drept før politiet rakk å gripe inn.", "ASSAULT"),
    ("nb", "De protesterte før regjeringen godkjente planen.", "SUPPORT"),
    ("nb", "Husk å stemme i dag, oppfordrer ordføreren.", "REQUEST"),
    ("nb", "Troppene ble trukket tilbake fra grensen.", "RETREAT"),
    ("nb", "De to mennene som ble dømt for drapet, anket dommen.", "COERCE"),
    ("nb", "Mannen som er siktet for drapet, nekter straffskyld.", "COERCE"),
    ("nb", "Regjeringen har mobilisert soldater og rykket inn i byen.", "MOBILIZE"),
])
def test_event_kept(extractor: Extractor, language: str, sentence: str, type_: str) -> None:
    assert type_ in [e.type for e in events(extractor, sentence, language)]


def test_act_before_which_another_happened(extractor: Extractor) -> None:
    types = [e.type for e in events(extractor, "Politiet pågrep mannen før han hadde drept noen.")]
    assert types == ["COERCE"]


def test_relative_som_gives_the_actor(extractor: Extractor) -> None:
    sentence = "Tyvene kastet stein mot politiet, som pågrep to menn for hærverk."
    [event] = [e for e in events(extractor, sentence) if e.type == "COERCE"]
    assert (event.actor, event.target) == ("politiet", "to menn")


def test_genitive_name_is_a_determiner(extractor: Extractor) -> None:
    [event] = events(extractor, "Hamas' motstandere har tatt til fange tre soldater.")
    assert event.actor == "Hamas' motstandere"


def test_coordinated_participle_after_ble_is_passive(extractor: Extractor) -> None:
    [event] = [e for e in events(extractor, "Moren ble frifunnet for drap, men dømt for grov vold.")
               if e.type == "COERCE"]
    assert (event.actor, event.target) == (None, "Moren")


@pytest.mark.parametrize("sentence", [
    "Hun oppfordrer til å lese en bok eller et dikt hver kveld.",
    "Nå har de fått hva de krevde.",
])
def test_no_target_from_infinitive_or_question_word(extractor: Extractor, sentence: str) -> None:
    [event] = events(extractor, sentence)
    assert event.type == "REQUEST" and event.target is None


def test_addressee_stays_the_target(extractor: Extractor) -> None:
    [event] = events(extractor, "Hun oppfordrer regjeringen til å lese rapporten.")
    assert event.target == "regjeringen"


@pytest.mark.parametrize(("language", "sentence", "negated"), [
    ("nb", "Politiet oppfordrer om ikke å kjøre ut i uværet.", False),
    ("nn", "Ho oppmodar om ikkje å køyre ut i uvêret.", False),
    ("nb", "Politiet oppfordrer ikke folk til å reise.", True),
])
def test_negation_inside_requested_infinitive(extractor: Extractor, language: str, sentence: str,
                                              negated: bool) -> None:
    [event] = events(extractor, sentence, language)
    assert event.negated is negated
