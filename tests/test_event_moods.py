"""Moods and senses in which a trigger states no event, and where a negation stops
(extract.event_moods), on sentences of our own: each construction has sentences it must drop or
change, and sentences of the same shape it must keep."""

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
    # a possibility or a risk: what its at-clause says may happen
    ("nb", "Det er mulig at politiet vil pågripe flere personer.", "COERCE"),
    ("nb", "Det er lite sannsynlig at regjeringen har avvist forslaget.", "REJECT"),
    ("nb", "Ekspertene mener det er fare for at opprørerne angriper byen.", "ASSAULT"),
    ("nn", "Det er mogleg at politiet vil arrestere fleire personar.", "COERCE"),
    ("nn", "Det er mogleg at opprørarane angrip byen.", "ASSAULT"),
    # "kan være at", and the at-clause of a plan or a demand
    ("nb", "Det kan være at politiet arresterte feil mann.", "COERCE"),
    ("nn", "Det kan vere at politiet arresterte feil mann.", "COERCE"),
    ("nb", "Planen er at regjeringen skal trekke soldatene ut i løpet av året.", "RETREAT"),
    ("nn", "Planen er at regjeringa skal trekke soldatane ut i løpet av året.", "RETREAT"),
    ("nb", "Kravet er at regjeringen går av.", "CONCEDE"),
    # an s-passive after a modal with its subject between, read by the tagger as a present tense
    ("nb", "Etter ombyggingen må alle tegningene godkjennes av kommunen.", "SUPPORT"),
    ("nb", "I verste fall kan tre av lederne pågripes av politiet.", "COERCE"),
    ("nn", "Etter vedtaket må alle søknadene godkjennast av departementet.", "SUPPORT"),
    # a warning against an act, and a bare infinitive coordinated with it
    ("nb", "Organisasjonen advarer sterkt mot å stenge grensen eller utvise flyktningene som har kommet.",
     "COERCE"),
    ("nn", "Ministeren åtvarar mot å stengje grensa og utvise flyktningane som har kome.", "COERCE"),
    # an open question of what is to be done
    ("nb", "Partiene skal avgjøre om og med hvem de vil samarbeide.", "COOPERATE"),
    ("nb", "Styret diskuterer nå hvordan de skal straffe klubben.", "COERCE"),
    ("nn", "Styret diskuterer no korleis dei skal straffe klubben.", "COERCE"),
    # a sentence opened by an if-clause with "om": the condition and its consequence
    ("nb", "Om spillerne jukser, blir de utestengt fra ligaen.", "SANCTION"),
    ("nn", "Om dei streikar, blir dei arresterte av politiet.", "COERCE"),
    # an act announced on a condition
    ("nb", "Regjeringen vil trekke seg dersom forslaget blir nedstemt.", "CONCEDE"),
    ("nb", "Ministeren skal gå av om det viser seg at han har løyet.", "CONCEDE"),
    ("nn", "Ministeren vil gå av om det viser seg at han har løye.", "CONCEDE"),
    ("nb", "Bøndene sier de vil demonstrere hele uka med mindre regjeringen gir etter.", "PROTEST"),
    ("nb", "Bøndene sier de vil demonstrere hele uka med mindre regjeringen gir etter.", "CONCEDE"),
    ("nn", "Hæren står klar i tilfelle opprørarane angrip byen.", "ASSAULT"),
    # a preference
    ("nb", "Lærerne vil heller streike enn å godta tilbudet.", "PROTEST"),
    ("nb", "Partiet vil helst samarbeide med Høyre og Venstre.", "COOPERATE"),
    ("nn", "Partiet vil heller samarbeide med Høgre.", "COOPERATE"),
    # senses: going off, sent off in a match, received by someone, a warning of a trend
    ("nb", "Beboerne i blokka sier braket var så kraftig at hørtes ut som en granat gikk av.", "CONCEDE"),
    ("nb", "Ifølge vitner gikk en bombe av i sentrum.", "CONCEDE"),
    ("nb", "En bilbombe gikk av utenfor hotellet i natt.", "CONCEDE"),
    ("nn", "Ei bombe gjekk av i sentrum i natt.", "CONCEDE"),
    ("nb", "Forsvarsspilleren ble utvist etter en takling i andre omgang.", "COERCE"),
    ("nb", "Kapteinen ble utvist for protester mot dommeren.", "COERCE"),
    ("nn", "Kapteinen vart utvist for ei stygg takling i første omgang.", "COERCE"),
    ("nb", "Demonstrantene ble møtt av politiet ved parlamentet.", "CONSULT"),
    ("nn", "Demonstrantane vart møtte av politiet ved Stortinget.", "CONSULT"),
    ("nb", "Hun advarte samtidig om en farlig utvikling.", "THREATEN"),
    ("nn", "Ho åtvara samtidig om ei farleg utvikling.", "THREATEN"),
    # defending oneself in a game, a shot at goal
    ("nb", "De er raske og forsvarer seg godt.", "SUPPORT"),
    ("nb", "Da forsvarte de seg, og det gjorde de bra.", "SUPPORT"),
    ("nn", "Laget forsvarte seg godt mot angrepa.", "SUPPORT"),
    ("nb", "Kapteinen skjøt i stolpen like før pause.", "ASSAULT"),
    # a warning of a risk with the warner inverted, a rule to follow, what an agreement makes possible
    ("nb", "I tillegg advarer politiet om at isen er svært tynn.", "THREATEN"),
    ("nb", "Etter reglene skal nå alle søknader godkjennes av styret.", "SUPPORT"),
    ("nb", "Avtalen kan åpne for at alle soldatene blir trukket ut.", "RETREAT"),
    # how endangered something is
    ("nb", "Blant artene som er sterkt truet, er fjellreven og villreinen.", "THREATEN"),
    ("nn", "Mange av artane i skogen er kritisk trua.", "THREATEN"),
    # a warning against something, past adverbs, is advice
    ("nb", "Hun advarer imidlertid mot å tildele dem ansvar de ikke har kompetanse til.", "THREATEN"),
    ("nb", "Han advarte på det sterkeste mot økende hatprat.", "THREATEN"),
    ("nn", "Ho åtvarar likevel mot å gi dei meir ansvar.", "THREATEN"),
    # an if-clause inside an at-clause makes the rest of the at-clause its consequence
    ("nb", "Det betyr at dersom det blir streik, er det kun disse som vil bli tatt ut i streik.", "PROTEST"),
    ("nb", "Statsministeren sa at hvis Russland angriper, vil Norge be om hjelp fra NATO.", "REQUEST"),
    ("nn", "Ho sa at viss Russland går til åtak, vil Noreg be om hjelp.", "REQUEST"),
    # insisting that something is so is a claim
    ("nb", "Hun insisterer på at hun har stor støtte i partiet.", "REQUEST"),
    ("nb", "Ministeren insisterte på at tallene var riktige.", "REQUEST"),
    ("nn", "Ho insisterer på at ho har stor støtte i partiet.", "REQUEST"),
    # "er truet" with no one who threatens is a state of danger
    ("nb", "Frie medier er truet i mange land.", "THREATEN"),
    ("nb", "Arbeidsplassene i industrien var truet etter krisen.", "THREATEN"),
    # what a request asks for is not yet done
    ("nb", "Mannen blir nå begjært varetektsfengslet.", "COERCE"),
    ("nb", "Politiet vil begjære mannen fengslet i fire uker.", "COERCE"),
    ("nb", "Påtalemyndigheten krevde ham utlevert til Norge.", "COERCE"),
    ("nn", "Mannen vert no begjært varetektsfengsla.", "COERCE"),
    # whoever does something, in the present: a statement about anyone
    ("nb", "Den som er dømt til fengsel, mister stemmeretten.", "COERCE"),
    ("nb", "De fleste som soner med fotlenke, er dømt for mindre alvorlige forbrytelser.", "COERCE"),
    ("nb", "Den som blir tatt, blir bøtelagt og utvist.", "COERCE"),
    ("nn", "Dei fleste som sonar med fotlenkje, er dømde for mindre alvorlege brotsverk.", "COERCE"),
])
def test_no_event(extractor: Extractor, language: str, sentence: str, type_: str) -> None:
    assert of_type(extractor, sentence, type_, language) == []


@pytest.mark.parametrize(("language", "sentence", "type_"), [
    # a fact stated, or a later at-clause that confirms
    ("nb", "Det er klart at politiet har pågrepet tre personer.", "COERCE"),
    ("nb", "Han sa at politiet hadde pågrepet to menn etter at de ikke stoppet.", "COERCE"),
    ("nb", "Hun insisterer på at regjeringen må trekke forslaget.", "REQUEST"),
    ("nb", "Iran insisterer på en ny avstemning i rådet.", "REQUEST"),
    ("nb", "Journalisten ble truet med kniv utenfor redaksjonen.", "THREATEN"),
    ("nb", "Han er truet på livet etter artikkelen.", "THREATEN"),
    ("nb", "Mannen ble varetektsfengslet i fire uker etter ranet.", "COERCE"),
    ("nb", "De som ble arrestert i går, er løslatt.", "COERCE"),
    ("nb", "De fleste av demonstrantene ble arrestert.", "COERCE"),
    ("nb", "Det er mulig at han lyver, men politiet bekrefter at tre personer ble pågrepet.", "COERCE"),
    ("nb", "Problemet er at politiet arresterte feil mann.", "COERCE"),
    ("nb", "Planen er at lederne skal forhandle, men politiet pågrep dem i natt.", "COERCE"),
    ("nb", "Det var ikke meningen at så mange skulle komme da avtalen ble signert.", "AGREE"),
    ("nb", "Det er mulig at mannen som ble drept, var lederen.", "ASSAULT"),
    # a present s-passive with no modal
    ("nb", "Tre personer pågripes av politiet.", "COERCE"),
    # "om" of a time or a topic, an apology made on a condition, investigating whether
    ("nb", "Om kvelden, etter demonstrasjonen, pågrep politiet tre menn.", "COERCE"),
    ("nb", "Selskapet beklager dersom kundene har fått feil informasjon.", "CONCEDE"),
    ("nb", "Politiet skal etterforske om det var en terrorhandling.", "ACCUSE"),
    # a resignation, an expulsion from a country, a meeting
    ("nb", "Statsministeren gikk av etter valget.", "CONCEDE"),
    ("nb", "Diplomaten ble utvist fra landet.", "COERCE"),
    ("nb", "Statsministeren møtte presidenten i Berlin.", "CONSULT"),
    ("nb", "Han advarte Vesten mot å sende våpen.", "THREATEN"),
    ("nb", "Hun advarte regjeringen om konsekvensene.", "THREATEN"),
    ("nb", "Fagforeningen advarer om at de vil gå til streik.", "THREATEN"),
    # defending a decision, shooting at people, a withdrawal reported
    ("nb", "Ministeren forsvarte vedtaket i Stortinget.", "SUPPORT"),
    ("nb", "Soldatene skjøt mot demonstrantene.", "ASSAULT"),
    ("nb", "Ministeren ble truet av demonstranter utenfor Stortinget.", "THREATEN"),
    ("nb", "Vitnet ble direkte truet av gjengen.", "THREATEN"),
    ("nb", "Politiet sier at alle soldatene er trukket ut.", "RETREAT"),
])
def test_event_kept(extractor: Extractor, language: str, sentence: str, type_: str) -> None:
    assert of_type(extractor, sentence, type_, language)


@pytest.mark.parametrize(("language", "sentence", "type_", "negated"), [
    # a question word stops the negation: the telling is denied, not the event
    ("nb", "Politiet har ikke opplyst hva mannen er siktet for.", "COERCE", False),
    ("nb", "Politiet ville ikke si hvorfor mannen ble arrestert.", "COERCE", False),
    ("nn", "Politiet har ikkje sagt kva mannen er tiltalt for.", "COERCE", False),
    # a finite verb coordinated with a denying or negated one is its own
    ("nb", "De nekter å betale boten og krever en ny rettssak.", "REQUEST", False),
    ("nb", "Forbundet avviser å kommentere saken, men krever et møte med ledelsen.", "REQUEST", False),
    ("nn", "Dei nektar å betale bota og krev ei ny rettssak.", "REQUEST", False),
    ("nb", "Sykepleierne tok ikke imot tilbudet og krever høyere lønn.", "REQUEST", False),
    ("nb", "Forbundet godtok ikke tilbudet, men krever nye forhandlinger.", "REQUEST", False),
    ("nn", "Sjukepleiarane tok ikkje imot tilbodet og krev høgare løn.", "REQUEST", False),
    ("nb", "De ble ikke skadet, men ble arrestert av politiet.", "COERCE", False),
    # ... while one auxiliary with its negation is shared by coordinated participles
    ("nb", "Politiet har ikke truet eller angrepet noen.", "ASSAULT", True),
    # a relative clause in what is denied is taken as given
    ("nb", "Hun benektet at hun visste om smuglingen, noe hun senere ble dømt for.", "COERCE", False),
    ("nb", "Hun avviser at mannen som ble drept, var medlem av gjengen.", "ASSAULT", False),
    # ... but an at-clause of a denial is denied, a cleft too, and a negated subject negates
    ("nb", "Han avviser at politiet arresterte ham.", "COERCE", True),
    ("nb", "Mannen avviser at det var han som skjøt politimannen.", "ASSAULT", True),
    ("nb", "Verken politiet eller soldatene angrep demonstrantene.", "ASSAULT", True),
    ("nb", "Partiet vil heller ikke samarbeide med Høyre.", "COOPERATE", True),
    # no plans to act
    ("nb", "Regjeringen har ingen planer om å trekke soldatene ut.", "RETREAT", True),
    ("nb", "Ministeren har ingen planer om å gå av.", "CONCEDE", True),
    ("nb", "Partiet har ikke planer om å samarbeide med Høyre.", "COOPERATE", True),
])
def test_negation_scope(extractor: Extractor, language: str, sentence: str, type_: str,
                        negated: bool) -> None:
    found = of_type(extractor, sentence, type_, language)
    assert found
    assert all(e.negated is negated for e in found)
