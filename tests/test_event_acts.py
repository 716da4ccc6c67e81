"""Clauses that name a rule, a question, a warning, a demand of a market, a contract, an assent or a
step still to come instead of an act (extract.event_hedges.not_an_act), on sentences of our own: each
construction has sentences it must drop and sentences of the same shape it must keep."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Event


def events(extractor: Extractor, text: str, language: str = "nb") -> list[Event]:
    return facts_of(extractor, text, language).events


@pytest.mark.parametrize(("language", "sentence", "dropped_type"), [
    # a ban in force, a rule to come, an open question of a ban
    ("nb", "Det er forbudt å selge alkohol etter klokka 20.", "COERCE"),
    ("nb", "Det skal bli forbudt å røyke på bussholdeplasser.", "COERCE"),
    ("nb", "Partiet vil vurdere om tigging skal forbys.", "COERCE"),
    # whether something happened is no report that it did
    ("nb", "Det er ikke kjent om noen er drept.", "ASSAULT"),
    ("nb", "Politiet vet ikke om noen er arrestert.", "COERCE"),
    ("nn", "Det er ikkje kjent om nokon er arresterte.", "COERCE"),
    # advice not to do something is no threat
    ("nb", "I brevet advarer de bøndene om å slippe fremmede inn i fjøset.", "THREATEN"),
    ("nn", "Politiet åtvarar folk om å gå ut på isen.", "THREATEN"),
    # demand in a market, a contract in force, royal assent, arranging things, a step to come
    ("nb", "Produktet er svært etterspurt i Asia.", "REQUEST"),
    ("nb", "Sykepleiere vil etterspørres mer enn før, sier hun.", "REQUEST"),
    ("nb", "Forskerne har demonstrert at metoden virker.", "PROTEST"),
    ("nn", "Forskarane har demonstrert korleis metoden verkar.", "PROTEST"),
    ("nb", "Selskapet har avtale med kommunen om brøyting.", "AGREE"),
    ("nb", "Loven ble sanksjonert i statsråd fredag.", "SANCTION"),
    ("nb", "Direktoratet skal koordinere jernbane og buss.", "COOPERATE"),
    ("nb", "Saken blir ferdig etterforsket i løpet av høsten.", "ACCUSE"),
    ("nn", "Saka vert ferdig etterforska i løpet av hausten.", "ACCUSE"),
    ("nb", "Saken skal etter planen være ferdig etterforsket i løpet av våren.", "ACCUSE"),
    # a batch of goods called back is no retreat
    ("nb", "Coop trekker tilbake et parti kyllingfilet.", "RETREAT"),
    ("nb", "Rema trekker nå tilbake partiet med kjøttdeig.", "RETREAT"),
    # a power to act is no act
    ("nb", "Granskeren har myndighet til å stevne vitner og kreve å få dokumenter utlevert.", "REQUEST"),
    ("nn", "Nemnda har høve til å kalle inn vitne og krevje å få sjå dokumenta.", "REQUEST"),
    ("nb", "Vi ser at slike fag er relativt lite etterspurt.", "REQUEST"),
    # what one does for oneself: complaining, taking, retiring, a contest
    ("nb", "Trener Ola Hansen var sint. Etterpå beklaget Hansen seg over kjeften han fikk.", "CONCEDE"),
    ("nb", "Turistene fikk forsyne seg fritt med kaker og saft.", "AID"),
    ("nb", "Årsaken er at mange går av med alderspensjon.", "CONCEDE"),
    ("nb", "Ola Hansen og Per Olsen er rivaler. Tidligere har Hansen og Olsen møttes til to dueller.",
     "CONSULT"),
    # "på grunn av" is no particle of "presse på"
    ("nb", "Bøndene er presset på grunn av import av ost.", "REQUEST"),
])
def test_no_act_is_dropped(extractor: Extractor, language: str, sentence: str, dropped_type: str) -> None:
    assert dropped_type not in {e.type for e in events(extractor, sentence, language)}


@pytest.mark.parametrize(("language", "sentence", "kept_type"), [
    ("nb", "Kommunen har forbudt tigging i sentrum.", "COERCE"),
    ("nb", "Tigging ble forbudt i fjor.", "COERCE"),
    ("nb", "Selv om to ble arrestert, fortsatte protestene.", "COERCE"),
    ("nb", "Boka handler om politikere hun beskylder for å lyge.", "ACCUSE"),
    ("nb", "Politiet pågrep to menn i natt.", "COERCE"),
    ("nb", "Statsministeren truet Russland med sanksjoner.", "THREATEN"),
    ("nb", "Politiet etterspurte vitner til ulykken.", "REQUEST"),
    ("nb", "Politiet stevnet vitner og krevde å få dokumentene utlevert.", "REQUEST"),
    ("nb", "Ministeren beklaget hendelsen overfor familien.", "CONCEDE"),
    ("nb", "Statsministeren går av som partileder.", "CONCEDE"),
    ("nb", "Utenriksministrene møttes torsdag for å samordne reaksjonene.", "CONSULT"),
    ("nb", "Hæren trekker tilbake soldatene fra grensen.", "RETREAT"),
    ("nb", "Tusenvis demonstrerte mot regjeringen i helgen.", "PROTEST"),
    ("nb", "Selskapet inngikk en avtale med kommunen.", "AGREE"),
    ("nb", "EU sanksjonerte Russland i fjor.", "SANCTION"),
    ("nb", "Politiet har etterforsket saken i tre uker.", "ACCUSE"),
])
def test_act_of_the_same_shape_is_kept(extractor: Extractor, language: str, sentence: str,
                                       kept_type: str) -> None:
    assert kept_type in {e.type for e in events(extractor, sentence, language)}


@pytest.mark.parametrize(("language", "sentence", "actor"), [
    # after a fronted phrase the subject follows the verb, before the noun of the phrase verb
    ("nb", "Under ransakingen tok politiet beslag i narkotika.", "politiet"),
    ("nb", "Etterpå tok Tolletaten beslag i to biler.", "Tolletaten"),
    ("nn", "I går tok politiet beslag i to bilar.", "politiet"),
])
def test_subject_after_the_verb_acts(extractor: Extractor, language: str, sentence: str, actor: str) -> None:
    found = [e for e in events(extractor, sentence, language) if e.type == "COERCE"]
    assert found and found[0].actor in (actor, None)
    assert found[0].actor != "beslag"
