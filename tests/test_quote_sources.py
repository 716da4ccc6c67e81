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
    # "het det" before the quotation, its source after "fra" or "i"
    ("nb", "Det heter i en uttalelse fra Miljødirektoratet at «bestanden er sterkt truet og må vernes nå».",
     "bestanden er sterkt truet og må vernes nå", "Miljødirektoratet"),
    ("nb", 'I Akademiets begrunnelse het det at prisen gikk til forfatteren "som har funnet nye sinnbilder '
     'for kulturenes strid".', "som har funnet nye sinnbilder for kulturenes strid",
     "Akademiets begrunnelse"),
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
    # what someone will not or cannot say
    ("nb", "Statsråden kan derfor ikke nå love at forslaget kommer i år."),
    ("nn", "Ho ville ikkje seie at avtalen var klar."),
    # a condition or an indirect question
    ("nb", "Teksten kan komme senere hvis mange nok rapporterer at sangen mangler."),
    ("nn", "Dei vil endre regelen dersom fleire melder at systemet sviktar."),
    ("nb", "Hun ble spurt om hun mente at saken var avgjort."),
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
    # an announcement is said; a relative clause's antecedent is no subject of the verb after it
    ("nb", "Det er med glede jeg kan meddele at min søster har fått en datter.",
     "min søster har fått en datter", None),
    ("nb", "Flere ganger ble jeg kontaktet av somaliere som ville fortelle meg at jeg var trygg.",
     "jeg var trygg", "somaliere"),
    # "om" as a preposition opens no condition
    ("nb", "Breivik holdt en tale om hvorfor han mener han ikke kan straffes.", "han ikke kan straffes",
     "Breivik"),
    # "man" as the subject of the reported clause
    ("nb", "Europarådet mener man ikke bør straffes for slike ytringer.",
     "man ikke bør straffes for slike ytringer", "Europarådet"),
])
def test_report_kept(extractor: Extractor, language: str, text: str, quoted: str,
                     speaker: str | None) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    # an attribution that interrupts its sentence: the narration before the sentence is no part of it
    ("nb", "Ca. 75 prosent av innholdet er produsert i utlandet. Men, sier Stokke, de dubber ikke alt.",
     "de dubber ikke alt", "Stokke"),
    ("nn", "Det er mange som ventar. Men, seier Kari Lie, vi gjev oss ikkje.", "vi gjev oss ikkje",
     "Kari Lie"),
    ("nb", "– Men, sier Kari Lie, vi gir oss ikke.", "vi gir oss ikke", "Kari Lie"),
    # an infinitive after a preposition is said by the subject of the clause it hangs on
    ("nb", "Ola Hansen svarte med å si at han ikke visste noe.", "han ikke visste noe", "Ola Hansen"),
    ("nn", "Kari Lie var på møtet. Ho avslutta med å seie at det er «altfor tidleg» å konkludere.",
     "altfor tidleg", "Kari Lie"),
    # words in quotation marks inside reported speech are the reported speaker's
    ("nb", 'Carl Hagen var på plass. I går svarte han, ved å si at det er "noe for tidlig" å snakke om det.',
     "noe for tidlig", "Carl Hagen"),
    # a caption label that opens the line is no part of the quote
    ("nb", "Boka kom i fjor.\n\nOverflødig: Personlig vil jeg avskaffe paragrafen, sier Anders Lie.",
     "Personlig vil jeg avskaffe paragrafen", "Anders Lie"),
    ("nn", "Boka kom i fjor.\n\nOverflødig: Personleg vil eg avskaffe paragrafen, seier Anders Lie.",
     "Personleg vil eg avskaffe paragrafen", "Anders Lie"),
    # a person named after a title or relation, behind owners or other titles
    ("nb", "– Han var alltid snill, sier Per og Annes sønn Edvard.", "Han var alltid snill", "Edvard"),
    ("nn", "– Ho var alltid snill, seier Per og Annes dotter Ingrid.", "Ho var alltid snill", "Ingrid"),
    ("nb", "– Det er på tide, sier Fritt Ord-styreleder og tidligere riksadvokat Georg Fredrik Rieber-Mohn.",
     "Det er på tide", "Georg Fredrik Rieber-Mohn"),
    ("nb", "– Vi er fornøyde, sier styreleder i Norsk Tipping og tidligere statsråd Kari Nordmann.",
     "Vi er fornøyde", "Kari Nordmann"),
    ("nb", "– Vi anker, sier Kari Lies advokat Per Olsen.", "Vi anker", "Per Olsen"),
    ("nb", "Ifølge Per og Annes sønn Edvard, hadde faren store problemer med naboene.",
     "hadde faren store problemer med naboene", "Edvard"),
    ("nb", "– Vi anker, sier Hansens advokat.", "Vi anker", "Hansens advokat"),
    ("nb", "– Vi er klare, sier Kari Lie og rektor Ola Hansen.", "Vi er klare", "Kari Lie"),
])
def test_speech_and_speaker(extractor: Extractor, language: str, text: str, quoted: str,
                            speaker: str) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found


@pytest.mark.parametrize(("language", "text", "not_quoted"), [
    ("nb", "Ca. 75 prosent av innholdet er produsert i utlandet. Men, sier Stokke, de dubber ikke alt.",
     "Ca."),
    ("nb", "Han møtte pressen med rak rygg, svarte villig vekk, men innrømmet at fasaden lyver.",
     "Han møtte"),
    ("nn", "Ho møtte pressa med rak rygg, svarte villig, men innrømde at fasaden lyg.", "Ho møtte"),
    ("nb", "Boka kom i fjor.\n\nOverflødig: Personlig vil jeg avskaffe paragrafen, sier Anders Lie.",
     "Overflødig"),
    # a compound on a quoted term
    ("nb", "Skolen har innført egne «husk å drikke vann»-dager for elevene.", "husk"),
    ("nn", "Skulen har innført eigne «hugs å drikke vatn»-dagar for elevane.", "hugs"),
])
def test_no_such_quote(extractor: Extractor, language: str, text: str, not_quoted: str) -> None:
    assert not [q for q in quotes(extractor, text, language) if q.text.startswith(not_quoted)]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    # an adverbial the inversion rules do not know, before a subject parsed right after the verb
    ("nb", "Kari Lie møtte læreren hver dag. En gang forteller Kari ham at hun ikke har matpakke.",
     "hun ikke har matpakke", "Kari Lie"),
    ("nb", "Ola Hansen ringte tilbake. Hver gang forteller han at alt er bra.", "alt er bra", "Ola Hansen"),
    # a person after a full name and another's genitive first name
    ("nb", "Fra tredje klasse er Olav Vikdal Karis lærer. Han synes hun er flink.\n"
     "– Hun var flink, sier han.", "Hun var flink", "Olav Vikdal"),
])
def test_speaker_after_an_adverbial_or_a_genitive(extractor: Extractor, language: str, text: str, quoted: str,
                                                  speaker: str) -> None:
    found = [(q.text.rstrip("."), q.speaker) for q in quotes(extractor, text, language)]
    assert (quoted, speaker) in found


def test_a_quotation_after_another_verb_keeps_the_subject_as_speaker(extractor: Extractor) -> None:
    text = "Utvalget ønsker å få saken opp igjen «for å rydde opp i eventuelle misforståelser i saken»."
    assert [q.speaker for q in quotes(extractor, text)] == ["Utvalget"]


def test_the_one_a_quotation_describes_is_not_its_speaker(extractor: Extractor) -> None:
    text = ("Kari Lie gikk i sjette klasse. Med seks i forming har hun «kolossale, kreative evner». "
            "Rektor sier at hun vil klare seg.")
    assert all(q.speaker != "Kari Lie" for q in quotes(extractor, text) if q.text.startswith("kolossale"))


def test_a_text_that_ends_in_a_name_after_a_speech_verb(extractor: Extractor) -> None:
    found = quotes(extractor, "– Vi anker, sier rektor Ola Hansen")
    assert [q.speaker for q in found] == ["Ola Hansen"]


@pytest.mark.parametrize(("text", "speaker"), [
    # the owner in the verbless end of a colon frame
    ("Jeg husker også Jens Stoltenbergs uttalelse til VG: «Jeg skal se om Hagen kan bidra med noe mer. "
     "Han kommer ikke til å få noen lettelser», og jeg husker mer.", "Jens Stoltenberg"),
    # a passive speech verb names nobody
    ("Når det fra talerstolen hevdes at «man har gjort alt og ikke kan gjøre mer», er det feil.", None),
])
def test_quotation_speaker_from_its_frame(extractor: Extractor, text: str, speaker: str | None) -> None:
    assert [q.speaker for q in quotes(extractor, text) if q.direct] == [speaker]


def test_an_attribution_between_two_quotations_is_no_quote(extractor: Extractor) -> None:
    # the line lost its first quotation mark, so the next two enclose the attribution
    text = ('Det handler om makt og styring i Kirken," uttaler biskop Ole Hansen. "Forslaget er reaksjonært '
            'og gammeldags," sier biskop Per Lie.')
    assert not [q for q in quotes(extractor, text) if q.text.startswith("uttaler")]


def test_a_quoted_phrase_opening_with_a_speech_verb_is_kept(extractor: Extractor) -> None:
    text = "Når Riksrevisjonen skriver at den ikke kan «bekrefte etatens regnskap for 2008», er det alvorlig."
    assert "bekrefte etatens regnskap for 2008" in [q.text for q in quotes(extractor, text)]
