"""Event constructions on sentences of our own, through the shipped models (bokmål and nynorsk):
"V NP til/om å INF", orders and call-outs, yes/no predicates, passives without an agent, subjects
through appositions, event nouns as the topic, and the sense and modality filters."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Event


def events(extractor: Extractor, text: str, language: str = "nb") -> list[Event]:
    return facts_of(extractor, text, language).events


@pytest.mark.parametrize(("language", "sentence", "kind", "actor", "target"), [
    # "V NP til å INF": "til" opens the infinitive and is no particle of the verb
    ("nb", "Ordføreren oppfordret innbyggerne til å holde seg innendørs.", "REQUEST", "Ordføreren",
     "innbyggerne"),
    ("nb", "Fagforeningen presset ledelsen til å trekke forslaget.", "REQUEST", "Fagforeningen", "ledelsen"),
    ("nb", "Lederen beordret soldatene til å rykke fram.", "REQUEST", "Lederen", "soldatene"),
    ("nb", "Statsministeren ba Russland om å trekke styrkene ut.", "REQUEST", "Statsministeren", "Russland"),
    ("nn", "Politiet oppmoda innbyggjarane til å halde seg inne.", "REQUEST", "Politiet", "innbyggjarane"),
    ("nn", "Ordføraren bad regjeringa om å gripe inn.", "REQUEST", "Ordføraren", "regjeringa"),
    # an order given with a support verb
    ("nb", "Sjefen har gitt mannskapene ordre om å trekke seg tilbake.", "REQUEST", "Sjefen", "mannskapene"),
    # call-outs: active, and passive without an agent (actor null)
    ("nb", "Politiet rykket ut med store styrker.", "MOBILIZE", "Politiet", None),
    ("nb", "Beredskapstroppen ble kalt ut.", "MOBILIZE", None, "Beredskapstroppen"),
    # throwing things at people
    ("nb", "Tre menn kastet stein mot politiet.", "ASSAULT", "Tre menn", "politiet"),
    # yes and no as predicates
    ("nb", "Styret sa nei til forslaget.", "REJECT", "Styret", None),
    ("nb", "Regjeringen sa ja til avtalen.", "AGREE", "Regjeringen", None),
    ("nn", "Regjeringa sa nei til forslaget.", "REJECT", "Regjeringa", None),
    # boycotts by students are protests
    ("nb", "Studentene boikotter undervisningen.", "PROTEST", "Studentene", None),
    # passives without an agent: the subject is the target, the actor null
    ("nb", "To personer ble pågrepet etter demonstrasjonen.", "COERCE", None, "To personer"),
    ("nb", "Rett før klokka 16 ble mannen - som er svensk statsborger - pågrepet utenfor.", "COERCE", None,
     "mannen"),
    ("nb", "Clinton fikk bekreftet at journalistene faktisk ville bli løslatt.", "CONCEDE", None,
     "journalistene"),
    ("nb", "I går kveld ble tre menn, alle i 20-årene, pågrepet av politiet.", "COERCE", "politiet",
     "tre menn"),
    # subjects through appositions and relative clauses between commas
    ("nb", "Lederen i forbundet, Kari Nordmann, oppfordret medlemmene til å streike.", "REQUEST",
     "Kari Nordmann", "medlemmene"),
    ("nn", "Leiaren i forbundet, Kari Nordmann, oppmoda medlemane til å streike.", "REQUEST",
     "Kari Nordmann", "medlemane"),
    ("nb", "Opprørerne, som kom fra nord, angrep byen.", "ASSAULT", "Opprørerne", "byen"),
    # event nouns that open their sentence, with no support verb
    ("nb", "Angrepet på militærleiren skjedde natt til søndag.", "ASSAULT", None, "militærleiren"),
    ("nb", "Bombingen av byen fortsatte i to dager.", "ASSAULT", None, "byen"),
    ("nb", "Pågripelsen av mannen skjedde i Oslo.", "COERCE", None, "mannen"),
])
def test_construction_gives_the_event(extractor: Extractor, language: str, sentence: str, kind: str,
                                      actor: str | None, target: str | None) -> None:
    found = [(e.type, e.actor, e.target) for e in events(extractor, sentence, language) if not e.negated]
    assert (kind, actor, target) in found


@pytest.mark.parametrize(("language", "sentence"), [
    # figurative senses
    ("nb", "Mannen møtte i retten tirsdag."),
    ("nn", "Partane møttest i retten i går."),
    ("nb", "Budsjettet sprekker igjen."),
    ("nb", "Kostnadene eksploderer."),
    ("nb", "Mannen tok sitt eget liv."),
    # conditions: neither the if-clause nor its consequence happened
    ("nb", "Dersom regjeringen vil gå av, må Stortinget samles."),
    ("nb", "Hvis streiken trappes opp, vil politiet gripe inn."),
    ("nn", "Viss partane ikkje blir einige, går 500 tilsette ut i streik."),
    # an event noun that is only mentioned
    ("nb", "Etter angrepet på leiren flyktet mange."),
    # figurative fighting and showing
    ("nb", "Hun kjemper mot korrupsjon i hele regionen."),
    ("nb", "Laget kjempet mot nedrykk hele sesongen."),
    ("nn", "Ho kjempar mot kreft."),
    ("nb", "Ministeren demonstrerer en lettsindig omgang med fakta."),
    # a fixed phrase and an attributive participle
    ("nb", "Øygruppen er stort sett fri for inngrep."),
    ("nb", "Dette er de mest besøkte turistveiene i landet."),
    # modals of ability, need and duty
    ("nb", "Derfor må vi mobilisere ny arbeidskraft."),
    ("nb", "Jeg kan aldri trappe ned."),
    ("nb", "Må be om hjelp"),
    ("nb", "Regjeringen bør samarbeide med opposisjonen."),
    ("nn", "Kommunen må be staten om hjelp."),
    # requirements, retirement, turning up, a match, suicide
    ("nb", "Til dåpen kreves det personlige kvalifikasjoner."),
    ("nb", "Motoren takket for seg etter ti runder."),
    ("nb", "Han møtte opp på kontoret klokka sju."),
    ("nb", "Laget møter det svakeste laget fra D-gruppen."),
    ("nb", "Han tok livet av seg i fengselet."),
    # questions ask, they do not state
    ("nb", "Hvorfor vil ikke regjeringen ta avstand fra angrepet?"),
    ("nb", "Vil politiet pågripe flere?"),
    ("nn", "Kvifor vil ikkje regjeringa ta avstand frå angrepet?"),
])
def test_no_event(extractor: Extractor, language: str, sentence: str) -> None:
    assert [(e.type, e.trigger) for e in events(extractor, sentence, language) if not e.negated] == []
