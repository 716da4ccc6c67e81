"""Targets and actors of active clauses on sentences of our own (bokmål and nynorsk): where a protest
is held, a complex preposition, an answer "ja"/"nei" and the verb's own participle are no target; an
object pronoun never points back to its own clause's subject; a pronoun after an inverted verb is the
subject; in a relative clause with its own subject, the antecedent is the object."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor


def roles(extractor: Extractor, text: str, language: str, kind: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor, e.target) for e in facts_of(extractor, text, language).events if e.type == kind]


@pytest.mark.parametrize(("language", "sentence", "kind", "actor", "target"), [
    # the place a protest is held in is no target; what it is aimed at is
    ("nb", "Demonstrantene marsjerte på fortauet i byens gater.", "PROTEST", "Demonstrantene", None),
    ("nb", "I helgen demonstrerte studentene på torget.", "PROTEST", "studentene", None),
    ("nn", "Bøndene demonstrerte på torget i byen.", "PROTEST", "Bøndene", None),
    ("nb", "Bøndene protesterte på vedtaket om nedleggelse.", "PROTEST", "Bøndene", "vedtaket"),
    # a complex preposition is no target
    ("nb", "Myndighetene innførte unntakstilstand på bakgrunn av invasjonen.", "COERCE", "Myndighetene",
     None),
    # the verb's own participle stays out of the object's phrase
    ("nb", "Selskapet har avvist beskyldningene og forlangt bevis.", "REQUEST", "Selskapet", "bevis"),
    ("nb", "Myndighetene har allerede forbudt transport av dyr.", "COERCE", "Myndighetene", "transport"),
    ("nb", "Politiet pågrep de sårede demonstrantene.", "COERCE", "Politiet", "de sårede demonstrantene"),
    # an object pronoun is not its own clause's subject
    ("nb", "En av kvinnene har fortalt at vaktene tvang dem til å forlate leiren.", "COERCE", "vaktene",
     "kvinnene"),
    ("nb", "Fangene sier at vaktene truet dem.", "THREATEN", "vaktene", "Fangene"),
    ("nn", "Fangane seier at vaktene truga dei.", "THREATEN", "vaktene", "Fangane"),
    # a relative clause with a subject of its own: the antecedent is the object
    ("nb", "Politiet fant mannen som naboene anmeldte.", "ACCUSE", "naboene", "mannen"),
    ("nb", "Dette er demonstrantene som politiet har pågrepet.", "COERCE", "politiet", "demonstrantene"),
    ("nn", "Dette er demonstrantane som politiet har arrestert.", "COERCE", "politiet", "demonstrantane"),
    ("nb", "Mannen som i fjor truet naboen, er dømt.", "THREATEN", "Mannen", "naboen"),
    # a participle after "være" describes the noun, it is no verb
    ("nb", "Ved ferjeleiene i landet er væpnet politi utplassert for å holde vakt.", "MOBILIZE", None,
     "væpnet politi"),
])
def test_roles_of_active_clause(extractor: Extractor, language: str, sentence: str, kind: str,
                                actor: str | None, target: str | None) -> None:
    assert (actor, target) in roles(extractor, sentence, language, kind)


@pytest.mark.parametrize(("language", "sentence", "kind", "not_role"), [
    ("nb", "Hun takket ja til tilbudet fra klubben.", "SUPPORT", "ja"),
    ("nb", "Styret svarte nei på søknaden.", "REJECT", "nei"),
    # a possessive of the trigger noun is no object
    ("nb", "Fagforeningen skal ha gitt sin støtte til tiltaket.", "SUPPORT", "sin"),
    ("nb", "Partiet gir sin fulle støtte til forslaget.", "SUPPORT", "sin"),
    ("nn", "Partiet gav si fulle støtte til forslaget.", "SUPPORT", "si"),
    # a noun inside a relative clause is no object of the verb before it
    ("nb", "Staten vil ikke lenger gi støtte til bønder som vanskjøtter dyrene sine.", "SUPPORT", "dyrene"),
    ("nb", "Kommunen vil gi støtte til familier som mistet husene sine i brannen.", "SUPPORT", "husene"),
    # "de" before a noun in the definite form after an inverted verb is the subject
    ("nb", "Samtidig hyller de mannskapet om bord på skipet.", "SUPPORT", "de mannskapet"),
    ("nb", "Etterpå kritiserte de regjeringen kraftig.", "ACCUSE", "de regjeringen"),
])
def test_no_wrong_role(extractor: Extractor, language: str, sentence: str, kind: str, not_role: str) -> None:
    found = roles(extractor, sentence, language, kind)
    assert all(not_role not in (actor, target) for actor, target in found)


@pytest.mark.parametrize(("language", "sentence", "kind", "actor", "target"), [
    # a number heading the subject, with a relative clause between it and the verb
    ("nb", "De fire, som nå er uavhengige representanter, støtter nå den rødgrønne koalisjonen.", "SUPPORT",
     "De fire", "den rødgrønne koalisjonen"),
    ("nb", "Alle tre, som ble valgt i fjor, kritiserer ledelsen.", "ACCUSE", "Alle tre", "ledelsen"),
    ("nn", "Dei fire, som no er uavhengige representantar, støttar no den raudgrøne koalisjonen.", "SUPPORT",
     "Dei fire", "den raudgrøne koalisjonen"),
])
def test_a_numbered_subject_before_a_relative_clause_acts(extractor: Extractor, language: str, sentence: str,
                                                           kind: str, actor: str, target: str) -> None:
    assert (actor, target) in roles(extractor, sentence, language, kind)
