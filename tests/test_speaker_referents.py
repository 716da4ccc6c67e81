"""Speakers resolved to the right person, on texts of our own through the shipped models (bokmål and
nynorsk): a surname is the person named in full most often, a pronoun never the person the quote
speaks about, "de" never a country, a determiner "De" no pronoun, a relative "som" its antecedent,
a compound on a name no person, a relation ("datteren av X") not X; and constructions that report
no speech: a thing as subject, an infinitive of saying, idioms, list items, nouns shaped like verbs."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor
from nyhetsgraf.extract.entities import _compound_on_name
from nyhetsgraf.records import Quote


def quotes(extractor: Extractor, text: str, language: str = "nb") -> list[Quote]:
    return facts_of(extractor, text, language).quotes


def speaker_of(extractor: Extractor, text: str, quoted: str, language: str = "nb") -> str | None:
    found = [q for q in quotes(extractor, text, language) if q.text.startswith(quoted)]
    assert found, f"no quote {quoted!r} in {[q.text for q in quotes(extractor, text, language)]}"
    return found[0].speaker


def test_a_surname_is_the_person_named_in_full_most_often(extractor: Extractor) -> None:
    text = ("Ola Berg vant valget i kommunen. Ola Berg takket velgerne i kveld. Han takket også kona "
            "Kari Berg.\n– Vi har gjort en god jobb sammen, sier Berg.")
    assert speaker_of(extractor, text, "Vi har gjort en god jobb") == "Ola Berg"


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    ("nb", "Spissen Per Lie satt stille i hjørnet. Trener Ola Dahl kom inn i garderoben.\n"
           "Han sa det mange ganger: «Dahl respekterer meg ikke, og han vil aldri gjøre det.»",
     "Dahl respekterer meg ikke", "Per Lie"),
    ("nn", "Spissen Per Lie sat stille i hjørnet. Trenar Ola Dahl kom inn i garderoben.\n"
           "Han sa det mange gonger: «Dahl respekterer meg ikkje, og han vil aldri gjere det.»",
     "Dahl respekterer meg ikkje", "Per Lie"),
])
def test_a_pronoun_speaker_is_not_the_person_spoken_about(extractor: Extractor, language: str, text: str,
                                                          quoted: str, speaker: str) -> None:
    assert speaker_of(extractor, text, quoted, language) == speaker


def test_a_reported_sentence_may_name_its_own_speaker(extractor: Extractor) -> None:
    text = ("Direktør Kari Lie fikk kritikk av styreleder Ola Dahl i går.\nKari Lie tar til motmæle. "
            "Avtalen gjelder bare dersom Lie blir fjernet fra selskapet, forklarer hun.")
    assert speaker_of(extractor, text, "Avtalen gjelder bare") == "Kari Lie"


@pytest.mark.parametrize(("language", "text"), [
    ("nb", "Norge protesterte mot vedtaket i FN-rådet i går.\n«Vi tar dette på største alvor og svarer "
           "snart», sa de."),
    ("nn", "Noreg protesterte mot vedtaket i FN-rådet i går.\n«Vi tek dette på største alvor og svarar "
           "snart», sa dei."),
])
def test_they_said_is_never_a_country_named_as_its_government(extractor: Extractor, language: str,
                                                              text: str) -> None:
    found = quotes(extractor, text, language)
    assert found and all(q.speaker not in ("Norge", "Noreg") for q in found)


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    ("nb", "De kritiske røstene hevdet at skolen var for dårlig.", "skolen var for dårlig",
     "De kritiske røstene"),
    ("nn", "Dei kritiske røystene hevda at skulen var for dårleg.", "skulen var for dårleg",
     "Dei kritiske røystene"),
])
def test_de_before_an_adjective_is_an_article(extractor: Extractor, language: str, text: str, quoted: str,
                                              speaker: str) -> None:
    assert speaker_of(extractor, text, quoted, language) == speaker


@pytest.mark.parametrize(("text", "quoted", "speaker"), [
    # a relative "som" speaks for its antecedent
    ("Vi fikk kjeft fra en smilende munk, som med en rolig tone gjorde det klinkende klart at vi måtte "
     "være stille.", "vi måtte være stille", "en smilende munk"),
    ("– Så ble jeg sint, forklarer Ola Hansen, som mente naboen filmet ham.", "naboen filmet ham",
     "Ola Hansen"),
    # the subject right before the speech verb inside a longer clause
    ("Dette er å sammenlikne med når meteorologer sier at sjansene for sol er små.",
     "sjansene for sol er små", "meteorologer"),
    ("Nå mener de fleste analytikere at staten er sikker for partiet.", "staten er sikker",
     "de fleste analytikere"),
    # a person noun, by its last part
    ("Lillebroren hennes sa at han var stolt av henne.", "han var stolt av henne", "Lillebroren hennes"),
    # a relation names someone else than the person after "av"
    ("I kronikken hevder datteren av den omstridte politikeren Ola Dahl at faren er dømt uskyldig.",
     "faren er dømt uskyldig", "datteren av den omstridte politikeren Ola Dahl"),
])
def test_the_speaker_of_a_reported_clause(extractor: Extractor, text: str, quoted: str, speaker: str) -> None:
    assert speaker_of(extractor, text, quoted) == speaker


def test_a_colon_frame_names_the_speaker_of_the_dash_line(extractor: Extractor) -> None:
    text = "Saken vakte oppsikt i bygda.\nOrdfører Kari Lie svarer:\n– Vi skal rydde opp i dette nå.\n"
    assert speaker_of(extractor, text, "Vi skal rydde opp") == "Kari Lie"


def test_the_speaker_named_after_the_closing_mark(extractor: Extractor) -> None:
    text = ("Laget bodde på et hotell, og spillerne våknet klokka to «av en lyd som liknet et skudd fra "
            "rommet hans» skriver Ola Dahl i boka.")
    assert speaker_of(extractor, text, "av en lyd som liknet") == "Ola Dahl"


def test_a_compound_on_a_name_is_no_person() -> None:
    assert _compound_on_name("Kari Holm-plater")
    assert _compound_on_name("Obama-administrasjonen")
    assert not _compound_on_name("Kari Holm-Hansen")
    assert not _compound_on_name("Kari Holm")


@pytest.mark.parametrize(("language", "text", "not_quoted"), [
    # a thing as the subject of a speech verb reports no one's words
    ("nb", "Men historien forteller at skatten alltid kommer tilbake.", "skatten alltid kommer"),
    ("nb", "Tallene fra byrået forteller at ledigheten stiger raskt.", "ledigheten stiger"),
    # speech verbs in another sense
    ("nb", "Det vil si at vi må begynne helt på nytt igjen.", "vi må begynne"),
    ("nb", "Det har vist seg at planen ikke holder i det hele tatt.", "planen ikke holder"),
    ("nn", "Det har synt seg at planen ikkje held i det heile.", "planen ikkje held"),
    # an infinitive of saying after an adjective or "for"
    ("nb", "Det er ikke nok å si at alle er like mye verdt.", "alle er like mye verdt"),
    ("nb", "Mange har vanskelig for å hevde at de jobber helt frivillig.", "de jobber helt frivillig"),
    # a noun shaped like a verb's imperative
    ("nb", "Forskeren ser flere argumenter som taler mot et forbud på jobben.", "som taler mot"),
    # a rhetorical question
    ("nb", "Hvem er jeg som kan si at klassisk musikk er bedre enn pop?", "klassisk musikk"),
    # an indirect question and a relative clause are no reported clause
    ("nb", "Han ville fortelle nordmennene hva vi synes om det nye forbudet.", "nordmennene hva"),
    ("nb", "Han begynte å peke på bussene som kjørte forbi huset.", "bussene som kjørte"),
    # an unattributed dash line that opens with an infinitive is a point of a list
    ("nb", "Partiet vil gjøre tre ting:\n\n– Fjerne eiendomsskatten i kommunen.\n\n– Styrke skolen.\n",
     "Fjerne eiendomsskatten"),
    # the adverbial clause before an inverted main clause with its own at-clause
    ("nb", "Men i stedet for å anbefale videre etterforskning, fastslår politiet at saken er henlagt.",
     "Men i stedet for"),
])
def test_no_quote(extractor: Extractor, language: str, text: str, not_quoted: str) -> None:
    assert not [q for q in quotes(extractor, text, language) if q.text.startswith(not_quoted)]


def test_the_main_clause_is_reported_after_its_adverbial(extractor: Extractor) -> None:
    text = "Men i stedet for å anbefale videre etterforskning, fastslår politiet at saken er henlagt."
    assert speaker_of(extractor, text, "saken er henlagt") == "politiet"


def test_a_reported_clause_ends_before_the_main_clause(extractor: Extractor) -> None:
    text = "Når Riksrevisjonen skriver at regnskapet ikke kan godkjennes, betyr det at saken er alvorlig."
    found = [q.text for q in quotes(extractor, text)]
    assert "regnskapet ikke kan godkjennes" in found


def test_a_dash_in_narration_opens_the_speech(extractor: Extractor) -> None:
    text = ("Sangeren er et godt eksempel på dette engasjementet. -Jeg er stolt over å være her i dag, "
            "fordi jeg har sett arbeidet på nært hold, sa hun etter konserten.")
    found = [q.text for q in quotes(extractor, text)]
    assert any(t.startswith("Jeg er stolt over å være her") for t in found)
    assert not any(t.startswith("Sangeren") for t in found)


@pytest.mark.parametrize(("text", "kept"), [
    # someone's own words for something, in an active frame
    ("Departementet kalte henne en «rar dame» i en uttalelse.", True),
    # a term: a passive, a relative frame, anyone's naming
    ("Vi lærer om dyden som kalles «indre ro» på kurset.", False),
    ("Det ble holdt bønn for det deltakerne kalte «vårt land» i kveld.", False),
    ("Om jeg kaller det menneskets «storhet», er det ukjent for mange.", False),
])
def test_a_short_quotation_after_a_naming_verb(extractor: Extractor, text: str, kept: bool) -> None:
    inner = text.split("«")[1].split("»")[0]
    assert any(q.text == inner for q in quotes(extractor, text)) is kept


def test_an_answer_is_not_the_asker_s(extractor: Extractor) -> None:
    text = ("– Hvor mange medarbeidere har dere i landet? spør Ola Dahl.\n– Det er fire hundre "
            "medarbeidere i hele landet.\n")
    assert speaker_of(extractor, text, "Det er fire hundre") != "Ola Dahl"


def test_reported_speech_in_the_narration_hands_on_no_speaker(extractor: Extractor) -> None:
    text = ("Før han døde, innrømmet manageren at reaksjonen var noe han angret på. Forfatteren har "
            "registrert det.\n– Det var øyeblikk da han følte seg veldig ensom i klubben.\n")
    assert speaker_of(extractor, text, "Det var øyeblikk") != "manageren"


def test_a_manner_adverb_is_no_part_of_the_speaker(extractor: Extractor) -> None:
    text = "– Hvor går du hvis du vil ha et stykke kjøtt? spør manageren igjen."
    assert speaker_of(extractor, text, "Hvor går du") == "manageren"


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    ("nb", "– Bør vi ikke ha en kontakt i Pakistan også, undrer Kari Lie.",
     "Bør vi ikke ha en kontakt i Pakistan også", "Kari Lie"),
    ("nb", "– Et forbud vil gi mer røyking, framholder forskeren.",
     "Et forbud vil gi mer røyking", "forskeren"),
    ("nn", "– Det var ein fin dag på fjellet, smiler Kari Lie.",
     "Det var ein fin dag på fjellet", "Kari Lie"),
])
def test_a_verb_of_manner_closing_a_dash_line_attributes_it(extractor: Extractor, language: str, text: str,
                                                            quoted: str, speaker: str) -> None:
    found = [q for q in quotes(extractor, text, language) if q.text.startswith(quoted)]
    assert found and found[0].text.rstrip(".?") == quoted and found[0].speaker == speaker


def test_a_dash_line_ending_in_its_own_clause_is_not_attributed(extractor: Extractor) -> None:
    found = quotes(extractor, "– Vi vant kampen i går, og nå feirer vi.")
    assert found and found[0].text.startswith("Vi vant kampen i går, og nå feirer vi")


@pytest.mark.parametrize(("language", "text", "not_quoted"), [
    ("nb", "I boken om livet, som han skrev før han ble kjent, erkjenner han at klimaet er en trussel.",
     "I boken om livet"),
    ("nb", "Når jentene blir eldre og spør mer, sier moren at det er medisiner.", "Når jentene blir eldre"),
    ("nb", "Inspirert av boken om Satan i Moskva, skrev han sangen i 1968.", "Inspirert av boken"),
    ("nn", "På spørsmålet om kven som er mest folkeleg, svarar halvparten statsministeren.",
     "På spørsmålet om"),
])
def test_an_adverbial_fronted_before_the_speech_verb_is_no_quote(extractor: Extractor, language: str,
                                                                 text: str, not_quoted: str) -> None:
    assert not [q for q in quotes(extractor, text, language) if q.text.startswith(not_quoted)]


@pytest.mark.parametrize("text", [
    "Når vi kommer fram, skal vi spise middag sammen, sier Kari Lie.",
    "I dag er det fint å være ute i parken, sier Kari Lie.",
])
def test_a_quote_that_opens_with_an_adverbial_is_kept(extractor: Extractor, text: str) -> None:
    assert [q for q in quotes(extractor, text) if q.speaker == "Kari Lie"]


def test_the_speaker_of_a_fronted_adverbial_goes_on_in_the_next_dash_line(extractor: Extractor) -> None:
    text = ("Vi setter oss ved bordet.\nDa vi møttes første gang, forteller Ola Dahl om kvelden i 1981.\n"
            "– Jeg visste først ikke hvem han var, men noen uker seinere skjønte jeg det.\n")
    assert speaker_of(extractor, text, "Jeg visste først ikke") == "Ola Dahl"


@pytest.mark.parametrize(("language", "text", "not_quoted"), [
    # a term after a noun that introduces one
    ("nb", "Slike referater hører hjemme i kategorien «voksen og etablert» for de fleste.",
     "voksen og etablert"),
    ("nn", "Dei kjempa under slagordet «fri fart for frie folk» heile sommaren.", "fri fart"),
    # what is not said is not reported
    ("nb", "Jeg påstår ikke at alt som sies om henne er usant.", "alt som sies"),
    # the writer asking the reader
    ("nb", "Hvor det ble av den gamle skolen, sier du?", "Hvor det ble av"),
])
def test_no_quote_of_terms_negations_and_the_reader(extractor: Extractor, language: str, text: str,
                                                    not_quoted: str) -> None:
    assert not [q for q in quotes(extractor, text, language) if q.text.startswith(not_quoted)]


def test_they_is_a_group_named_close_by(extractor: Extractor) -> None:
    text = ("De kjøpte stolen hos Ikea i fjor. De tok oppgaven alvorlig. De kranglet lenge om navnet på "
            "barnet. De mente at det nye navnet var upretensiøst og fint.")
    assert speaker_of(extractor, text, "det nye navnet var") != "Ikea"


def test_a_time_before_the_verb_is_no_speaker(extractor: Extractor) -> None:
    text = "Statsminister Ola Dahl var på besøk. Denne helgen uttalte han at partiet er klart for valget."
    assert speaker_of(extractor, text, "partiet er klart") == "Ola Dahl"


def test_a_reported_clause_ends_at_a_missed_sentence_end(extractor: Extractor) -> None:
    text = ("Jeg opplyste at det var anslått at bilsalget ville øke kraftig. (Presidenten klubber.) – Kan "
            "jeg få bruke noen sekunder?")
    found = [q.text for q in quotes(extractor, text) if q.text.startswith("bilsalget")]
    assert found and "Presidenten" not in found[0]


def test_a_verb_of_manner_inside_a_dash_line_ends_the_quote(extractor: Extractor) -> None:
    text = ("– Husk å kjøpe rømme og øl til helgen, oppfordrer kjøpmannen. I fjor ble butikken kåret til "
            "byens beste.\n")
    found = quotes(extractor, text)
    assert [(q.text, q.speaker) for q in found] == [("Husk å kjøpe rømme og øl til helgen", "kjøpmannen")]


def test_the_speech_verb_of_a_subordinate_clause_frames_no_dash_line(extractor: Extractor) -> None:
    text = ("Olav tok det opp med familien.\nSønnen grep ordet da faren Per Dahl nevnte det:\n"
            "– Du, pappa, det gikk bra sist.\n")
    assert speaker_of(extractor, text, "Du, pappa") != "Per Dahl"
