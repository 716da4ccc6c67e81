"""Passive roles on sentences of our own (bokmål and nynorsk): the subject of a passive is the
target and, with no "av" agent, the actor is unknown; a relative clause between an inverted subject
and its participle, a gapped second passive, a past form after "ble"/"vart", and a participle that
reduces a relative clause after a noun are all passive."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor


def roles(extractor: Extractor, text: str, language: str, kind: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor, e.target) for e in facts_of(extractor, text, language).events if e.type == kind]


@pytest.mark.parametrize(("language", "sentence", "kind", "target"), [
    # the passive auxiliary before an inverted subject with a relative clause on it
    ("nb", "I tillegg ble også minst fem opprørere som sto bak angrepet, drept.", "ASSAULT",
     "minst fem opprørere"),
    ("nb", "Ved grensen ble to menn som hadde krysset elva, pågrepet.", "COERCE", "to menn"),
    ("nb", "Senere blir trolig flere aktivister som deltok i blokaden, arrestert.", "COERCE",
     "flere aktivister"),
    ("nn", "I tillegg vart minst fem opprørarar som stod bak åtaket, arresterte.", "COERCE",
     "minst fem opprørarar"),
    # a past form the tagger reads as finite after a finite "ble"/"vart" and its subject
    ("nb", "Natt til søndag ble tre ungdommer arrestert av politiet.", "COERCE", "tre ungdommer"),
    ("nn", "I går vart to menn arresterte av politiet.", "COERCE", "to menn"),
    # a participle right after a noun, in a clause no auxiliary opens
    ("nb", "Politiet sier at en mann arrestert for ranet har tilstått.", "COERCE", "en mann"),
    ("nb", "Vitner forteller at en kvinne pågrepet i går ble løslatt i natt.", "COERCE", "en kvinne"),
    ("nn", "Politiet seier at ein mann arrestert for ranet har tilstått.", "COERCE", "ein mann"),
])
def test_passive_subject_is_the_target(extractor: Extractor, language: str, sentence: str, kind: str,
                                       target: str) -> None:
    found = roles(extractor, sentence, language, kind)
    assert found, sentence
    assert all(actor != target for actor, _ in found), found
    assert any(found_target == target for _, found_target in found), found


@pytest.mark.parametrize(("language", "sentence", "kind", "not_actor"), [
    # "og" + noun phrase + a past form with no object shares the passive of the first clause
    ("nb", "Sjåføren ble drept og fem studenter såret i eksplosjonen.", "ASSAULT", "fem studenter"),
    ("nb", "Lederen ble pågrepet i natt og to medhjelpere arrestert i morges.", "COERCE", "to medhjelpere"),
    ("nn", "Sjåføren vart skoten og to passasjerar skada i åtaket.", "ASSAULT", "to passasjerar"),
    ("nb", "Ifølge kilden er en person savnet og fem andre såret.", "ASSAULT", "en person"),
    ("nb", "Ifølge vitner er en vakt savnet og tre andre skadet.", "ASSAULT", "en vakt"),
    # a reduced relative after a coordinated noun phrase
    ("nb", "Rapporten sier at både hæren og militser alliert med regimet torturerer fanger.", "COOPERATE",
     "hæren"),
])
def test_victim_of_elided_passive_is_no_actor(extractor: Extractor, language: str, sentence: str,
                                               kind: str, not_actor: str) -> None:
    assert all(actor != not_actor for actor, _ in roles(extractor, sentence, language, kind))


@pytest.mark.parametrize(("language", "sentence", "kind", "actor", "target"), [
    # active clauses stay active: an inverted perfect, an object after the past form, "ble" + adjective
    ("nb", "I dag har politiet i Oslo arrestert en mann.", "COERCE", "politiet", "en mann"),
    ("nn", "I dag har politiet i Bergen arrestert ein mann.", "COERCE", "politiet", "ein mann"),
    ("nb", "Mannen ble pågrepet og politiet kastet ham ut av landet.", "COERCE", "politiet", None),
    ("nb", "I går ble to menn som hadde ranet en butikk, pågrepet av politiet.", "COERCE", "politiet",
     "to menn"),
])
def test_active_clauses_keep_their_actor(extractor: Extractor, language: str, sentence: str, kind: str,
                                         actor: str, target: str | None) -> None:
    assert (actor, target) in roles(extractor, sentence, language, kind)


@pytest.mark.parametrize(("language", "sentence", "kind", "target"), [
    # an adverb the tagger reads as an adjective, and "blant annet", stay out of the noun phrase
    ("nb", "Senere blir trolig flere aktivister arrestert.", "COERCE", "flere aktivister"),
    ("nb", "Forbundet krever blant annet nye regler for innleie.", "REQUEST", "nye regler"),
    ("nn", "Forbundet krev mellom anna nye reglar for innleige.", "REQUEST", "nye reglar"),
])
def test_adverb_is_no_part_of_the_target(extractor: Extractor, language: str, sentence: str, kind: str,
                                         target: str) -> None:
    assert target in [found for _, found in roles(extractor, sentence, language, kind)]


@pytest.mark.parametrize(("language", "sentence", "kind", "not_actor"), [
    # a participle governed by a verb of staying: a state done to that verb's subject
    ("nb", "Mannen har allerede sittet ti dager varetektsfengslet.", "COERCE", "Mannen"),
    ("nb", "Begge har sittet i over et år fengslet i Teheran.", "COERCE", "Begge"),
    # a plural participle read as an adjective after "er"/"var"
    ("nb", "Observatørene blir holdt fordi de er mistenkte for spionasje.", "ACCUSE", "Observatørene"),
    ("nb", "Tre menn er mistenkte for ranet.", "ACCUSE", "Tre menn"),
    ("nb", "To kvinner var mistenkte for drapet på naboen.", "ACCUSE", "To kvinner"),
    # a participle the tagger read as a noun after "er"/"var"
    ("nb", "Begge er anklaget for å ha drevet med svindel.", "ACCUSE", "Begge"),
    ("nn", "Tre menn er mistenkte for ranet.", "ACCUSE", "Tre menn"),
    ("nn", "Dei to kvinnene var mistenkte for drapet.", "ACCUSE", "Dei to kvinnene"),
    # a past form right after "og" shares the passive before it
    ("nb", "Med jevne mellomrom blir utenlandske journalister arrestert og kastet ut av landet.", "COERCE",
     "utenlandske journalister"),
])
def test_held_plural_and_coordinated_participles_are_passive(
        extractor: Extractor, language: str, sentence: str, kind: str, not_actor: str) -> None:
    found = roles(extractor, sentence, language, kind)
    assert found, sentence
    assert all(actor != not_actor for actor, _ in found), found


@pytest.mark.parametrize(("language", "sentence", "kind", "actor"), [
    # an active clause of its own after "og" keeps its subject as the actor
    ("nb", "Politiet arresterte mannen og kastet ham ut.", "COERCE", "Politiet"),
    ("nb", "Politiet satt i bilen og arresterte mannen.", "COERCE", "Politiet"),
])
def test_an_active_clause_after_og_keeps_its_actor(extractor: Extractor, language: str, sentence: str,
                                                    kind: str, actor: str) -> None:
    assert any(found == actor for found, _ in roles(extractor, sentence, language, kind))


@pytest.mark.parametrize(("language", "sentence", "kind", "not_target"), [
    # a plural "-te" form with no copula right before it is an attribute or a past form, no passive
    ("nb", "Antall anmeldte innbrudd går ned i år.", "ACCUSE", "Antall"),
    ("nb", "Demonstrantene, mange av dem kledd i svart, marsjerte gjennom sentrum.", "PROTEST",
     "Demonstrantene"),
])
def test_a_plural_form_without_a_copula_is_not_passive(extractor: Extractor, language: str, sentence: str,
                                                       kind: str, not_target: str) -> None:
    assert all(target != not_target for _, target in roles(extractor, sentence, language, kind))
