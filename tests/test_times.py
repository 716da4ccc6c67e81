"""Time expressions found in Norwegian text and resolved against the publication date."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from nyhetsgraf.extract.times import find_times, resolve
from nyhetsgraf.records import Article, Document

NLP = spacy.blank("nb")


def article(text: str, date: str | None, prefix: str = "") -> Article:
    document = Document(source="test", text=prefix + text, format="text", date=date)
    return Article(document=document, index=0, span=(len(prefix), len(prefix) + len(text)))


def times_of(text: str, date: str | None) -> list[tuple[str, str | None]]:
    art = article(text, date)
    return [(t.text, t.value) for t in find_times(NLP(art.text), art)]


# 2020-01-08 is a Wednesday (ISO week 2).
@pytest.mark.parametrize(("expression", "published", "value"), [
    ("tirsdag", "2020-01-08", "2020-01-07"),
    ("onsdag", "2020-01-08", "2020-01-08"),
    ("tirsdag ettermiddag", "2020-01-08", "2020-01-07"),
    ("natt til søndag", "2020-01-08", "2020-01-05"),
    ("i dag", "2020-01-08", "2020-01-08"),
    ("i går", "2020-01-08", "2020-01-07"),
    ("i forgårs", "2020-01-08", "2020-01-06"),
    ("i morgen", "2020-01-08", "2020-01-09"),
    ("forrige uke", "2020-01-08", "2020-W01"),
    ("denne uka", "2020-01-08", "2020-W02"),
    ("neste uke", "2020-01-08", "2020-W03"),
    ("i helga", "2020-01-08", "2020-W01"),
    ("før helgen", "2020-01-08", "2020-W01"),
    ("i fjor", "2020-01-08", "2019"),
    ("i år", "2020-01-08", "2020"),
    ("neste år", "2020-01-08", "2021"),
    ("i høst", "2020-10-08", "2020"),
    ("tidligere i høst", "2020-10-08", "2020"),
    ("siden 2015", "2020-01-08", "2015"),
    ("i 2015", "2020-01-08", "2015"),
    ("3. januar", "2020-01-08", "2020-01-03"),
    ("3. januar 2019", "2020-01-08", "2019-01-03"),
    ("mandag 6. januar", "2020-01-08", "2020-01-06"),
    ("i januar", "2020-03-08", "2020-01"),
    ("i desember", "2020-01-08", "2019-12"),
    ("januar 2019", "2020-01-08", "2019-01"),
    ("mars i år", "2020-08-08", "2020-03"),
    ("mars neste år", "2020-08-08", "2021-03"),
    ("klokken 14.30", "2020-01-08", "2020-01-08T14:30"),
    ("i morgen klokken 10", "2020-01-08", "2020-01-09T10:00"),
    ("90-tallet", "2020-01-08", None),
    ("siden mandag", "2020-01-08", "2020-01-06"),
    ("onsdag neste uke", "2020-01-08", "2020-01-15"),
    ("for tre måneder siden", "2020-05-08", "2020-02"),
    ("for to år siden", "2020-05-08", "2018"),
    ("for 2050 år siden", "2020-05-08", None),
    ("neste fredag", "2020-01-08", "2020-01-10"),
    ("forrige mandag", "2020-01-08", "2020-01-06"),
    ("tirsdag", "2020-01", None),
    ("forrige uke", "2020-01", None),
    ("i fjor", "2020-01", "2019"),
    ("i dag", None, None),
    ("siden 2015", None, "2015"),
])
def test_resolve(expression: str, published: str | None, value: str | None) -> None:
    assert resolve(expression, published) == value


def test_weekday_points_forward_with_future_auxiliary() -> None:
    found = times_of("Partene skal møtes igjen fredag for å forhandle.", "2020-01-08")
    assert found == [("fredag", "2020-01-10")]


def test_weekday_points_back_in_past_clause() -> None:
    found = times_of("Statsministeren gikk av fredag etter press fra partiet.", "2020-01-08")
    assert found == [("fredag", "2020-01-03")]


def test_present_tense_action_verb_points_forward() -> None:
    # A parsed Doc: "Torsdag møter han i retten." with the verb in the present tense.
    words = ["Torsdag", "møter", "han", "i", "retten", "."]
    doc = Doc(NLP.vocab, words=words, spaces=[True, True, True, True, False, False],
              pos=["NOUN", "VERB", "PRON", "ADP", "NOUN", "PUNCT"],
              morphs=["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "", "", "", ""],
              lemmas=["torsdag", "møte", "han", "i", "rett", "."])
    art = article(doc.text, "2020-01-06")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("Torsdag", "2020-01-09")]


def test_speech_verb_in_present_tense_points_back() -> None:
    words = ["Det", "sier", "ministeren", "mandag", "."]
    doc = Doc(NLP.vocab, words=words, spaces=[True, True, True, False, False],
              pos=["PRON", "VERB", "NOUN", "NOUN", "PUNCT"],
              morphs=["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "", "", ""],
              lemmas=["det", "si", "minister", "mandag", "."])
    art = article(doc.text, "2020-01-08")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("mandag", "2020-01-06")]


def test_spans_are_absolute_and_cover_the_expression() -> None:
    prefix = " date 2020-01-08 – "
    text = "Brannen startet natt til søndag, og siden 2015 har det brent tre ganger i området."
    art = article(text, "2020-01-08", prefix=prefix)
    found = find_times(NLP(art.text), art)
    assert [art.document.text[s:e] for s, e in (t.span for t in found)] == ["natt til søndag", "siden 2015"]
    assert [t.value for t in found] == ["2020-01-05", "2015"]


# "İ" lower-cases to two characters, so the lower-cased text would shift every later offset.
@pytest.mark.parametrize("opening", ["Møtet i Istanbul", "Møtet i İstanbul"])
def test_spans_stay_right_in_any_case_and_alphabet(opening: str) -> None:
    text = f"{opening} ble holdt 3. Mars, og NESTE UKE kommer svaret."
    art = article(text, "2020-03-05")
    found = find_times(NLP(art.text), art)
    assert [(art.document.text[s:e], t.value) for t, (s, e) in ((t, t.span) for t in found)] == [
        ("3. Mars", "2020-03-03"), ("NESTE UKE", "2020-W11")]


def test_clock_time_takes_the_day_mentioned_before() -> None:
    found = times_of("Ulykken skjedde i går. Politiet kom til stedet klokken 21.15.", "2020-01-08")
    assert found == [("i går", "2020-01-07"), ("klokken 21.15", "2020-01-07T21:15")]


def test_same_day_and_day_before_follow_the_last_day() -> None:
    found = times_of("Han ble løslatt tirsdag. Dagen før hadde han møtt dommeren, og tidligere samme dag "
                     "snakket han med pressen.", "2020-01-08")
    assert found == [("tirsdag", "2020-01-07"), ("Dagen før", "2020-01-06"),
                     ("tidligere samme dag", "2020-01-06")]


@pytest.mark.parametrize("text", [
    "Forhandlingene varte i fire dager.",
    "Tjue timer senere var de hjemme.",
    "Nå må regjeringen svare, og svaret kommer snart.",
    "Han ble dømt til 12 år i fengsel.",
    "Over 2000 bussjåfører streiket.",
    "Vår regjering har gjort det klart.",
    "Han har jobbet der i mange år.",
])
def test_not_time_expressions(text: str) -> None:
    assert times_of(text, "2020-01-08") == []


def test_decade_has_no_value() -> None:
    assert times_of("Miljøet var aktivt på 90-tallet.", "2011-08-30") == [("90-tallet", None)]


def test_deadline_weekday_is_ahead() -> None:
    assert times_of("Partene må svare innen fredag.", "2020-01-08") == [("innen fredag", "2020-01-10")]


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], morphs: list[str]) -> Doc:
    spaces = [words[i + 1] not in {".", ","} for i in range(len(words) - 1)] + [False]
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs,
               lemmas=[w.lower() for w in words])


def test_parse_picks_the_verb_of_the_weekday_not_of_another_clause() -> None:
    # "Regjeringen la fram budsjettet fredag, og opposisjonen kritiserer det."
    words = ["Regjeringen", "la", "fram", "budsjettet", "fredag", ",", "og", "opposisjonen", "kritiserer",
             "det", "."]
    heads = [1, 1, 1, 1, 1, 8, 8, 8, 1, 8, 1]
    deps = ["SUBJ", "FINV", "PRT", "DOBJ", "ADV", "IK", "KONJ", "SUBJ", "KOORD", "DOBJ", "IP"]
    pos = ["NOUN", "VERB", "ADP", "NOUN", "NOUN", "PUNCT", "CCONJ", "NOUN", "VERB", "PRON", "PUNCT"]
    fin_past, fin_pres = "Mood=Ind|Tense=Past|VerbForm=Fin", "Mood=Ind|Tense=Pres|VerbForm=Fin"
    morphs = ["", fin_past, "", "", "", "", "", "", fin_pres, "", ""]
    doc = parsed(words, heads, deps, pos, morphs)
    art = article(doc.text, "2020-01-08")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("fredag", "2020-01-03")]


def test_infinitive_under_future_passive_points_forward() -> None:
    # "Skipet ventes å ankomme fredag."
    words = ["Skipet", "ventes", "å", "ankomme", "fredag", "."]
    heads = [1, 1, 3, 1, 3, 1]
    deps = ["SUBJ", "FINV", "IK", "INFV", "ADV", "IP"]
    pos = ["NOUN", "VERB", "PART", "VERB", "NOUN", "PUNCT"]
    morphs = ["", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass", "", "VerbForm=Inf", "", ""]
    doc = parsed(words, heads, deps, pos, morphs)
    art = article(doc.text, "2020-01-08")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("fredag", "2020-01-10")]


@pytest.mark.parametrize(("expression", "published", "value"), [
    ("førre veke", "2020-01-08", "2020-W01"),
    ("i morgon", "2020-01-08", "2020-01-09"),
    ("neste veke", "2020-01-08", "2020-W03"),
    ("tidligere i uka", "2020-01-08", "2020-W02"),
    ("senere i måneden", "2020-01-08", "2020-01"),
    ("i løpet av helgen", "2020-01-08", "2020-W01"),
    ("forrige måned", "2020-01-08", "2019-12"),
    ("fra 1. mars", "2020-01-08", "2020-03-01"),
    ("siden 1. mars", "2020-01-08", "2019-03-01"),
    ("sist helg", "2020-01-08", "2020-W01"),
    ("neste helg", "2020-01-08", "2020-W02"),
    ("tirsdag i forrige uke", "2020-01-08", "2019-12-31"),
])
def test_resolve_more(expression: str, published: str, value: str) -> None:
    assert resolve(expression, published) == value


def test_clock_time_takes_the_day_after_it_in_the_same_sentence() -> None:
    found = times_of("Møtet var i går. Brannen ble meldt klokken 03.12 natt til tirsdag.", "2020-01-08")
    assert found[1:] == [("klokken 03.12", "2020-01-07T03:12"), ("natt til tirsdag", "2020-01-07")]


def test_frequency_is_no_time() -> None:
    assert times_of("De trener tre ganger i uka.", "2020-01-08") == []


def test_number_before_a_noun_is_no_year() -> None:
    assert times_of("USA sender to hangarskip og 2000 marinesoldater.", "2023-10-11") == []
    found = times_of("Han var statsminister fra 2013 til 2021.", "2023-10-11")
    assert found == [("2013", "2013"), ("2021", "2021")]


@pytest.mark.parametrize(("expression", "published", "value"), [
    ("i påsken", "2020-05-08", "2020"),
    ("i jula", "2020-01-08", "2019"),
    ("før jul", "2020-01-08", "2019"),
    ("til jul", "2020-10-08", "2020"),
])
def test_holidays_give_the_year(expression: str, published: str, value: str | None) -> None:
    assert resolve(expression, published) == value


def test_perfect_infinitive_after_modal_is_past() -> None:
    # "Han skal ha reist fredag." (reportedly left on Friday)
    words = ["Han", "skal", "ha", "reist", "fredag", "."]
    heads = [1, 1, 1, 2, 3, 1]
    deps = ["SUBJ", "FINV", "INFV", "INFV", "ADV", "IP"]
    pos = ["PRON", "AUX", "AUX", "VERB", "NOUN", "PUNCT"]
    morphs = ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "VerbForm=Inf", "VerbForm=Part", "", ""]
    doc = parsed(words, heads, deps, pos, morphs)
    art = article(doc.text, "2020-01-08")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("fredag", "2020-01-03")]


def test_verb_tag_in_an_object_slot_is_no_verb() -> None:
    # "Han bekreftet avsløringer fredag." with the object mistagged as a present-tense verb.
    words = ["Han", "bekreftet", "avsløringer", "fredag", "."]
    heads = [1, 1, 1, 2, 1]
    deps = ["SUBJ", "FINV", "DOBJ", "ADV", "IP"]
    pos = ["PRON", "VERB", "VERB", "NOUN", "PUNCT"]
    fin_past, fin_pres = "Mood=Ind|Tense=Past|VerbForm=Fin", "Mood=Ind|Tense=Pres|VerbForm=Fin"
    doc = parsed(words, heads, deps, pos, ["", fin_past, fin_pres, "", ""])
    art = article(doc.text, "2020-01-08")
    assert [(t.text, t.value) for t in find_times(doc, art)] == [("fredag", "2020-01-03")]


@pytest.mark.slow
def test_with_the_trained_pipeline() -> None:
    from nyhetsgraf import nlp as nlp_module

    try:
        trained = nlp_module.load("nb")
    except nlp_module.ModelMissing:
        pytest.skip("the trained nb model is not built")
    text = ("Statsministeren gikk av tirsdag. Torsdag møter hun pressen, "
            "og i morgen klokken 10 holder partiet møte.")
    art = article(text, "2020-01-08")
    found = [(t.text, t.value) for t in find_times(trained(text), art)]
    assert found == [("tirsdag", "2020-01-07"), ("Torsdag", "2020-01-09"),
                     ("i morgen klokken 10", "2020-01-09T10:00")]


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Skolen flyttes til våren.", "2020-10-08", "2021"),
    ("Skolen flyttes fra høsten av.", "2020-03-08", "2020"),
    ("Han gikk av tidligere i høst.", "2020-11-08", "2020"),
    ("Neste sommer skal de reise.", "2020-11-08", "2021"),
    ("Sommeren 2015 var varm.", "2020-11-08", "2015"),
    ("Det skjedde høsten i fjor.", "2020-11-08", "2019"),
])
def test_seasons(text: str, published: str, value: str) -> None:
    assert [v for _, v in times_of(text, published)] == [value]


def test_deadline_month_is_ahead_and_habitual_season_is_no_time() -> None:
    assert times_of("Han er ute til i slutten av februar.", "2020-03-08") == [("februar", "2021-02")]
    assert times_of("Parken brukes mest om sommeren.", "2020-03-08") == []


def test_date_with_year_after_i_and_habitual_weekday() -> None:
    assert times_of("De giftet seg 26. juli i 1984.", "2010-06-16") == [("26. juli i 1984", "1984-07-26")]
    assert times_of("De møttes i juni i 1995.", "2010-06-16") == [("juni i 1995", "1995-06")]
    assert times_of("Det er jazz hver eneste lørdag.", "2010-06-16") == []


def test_indefinite_weekday_and_capitalised_name_are_no_times() -> None:
    assert times_of("Det var en helt vanlig søndag for familien.", "2010-06-16") == []
    assert times_of("Han ble utropt til August av senatet.", "2010-06-16") == []


def test_weekday_after_an_indefinite_object_keeps_its_day() -> None:
    assert times_of("Hun ga et intervju fredag.", "2010-06-16") == [("fredag", "2010-06-11")]


def test_expected_season_is_ahead_and_generic_season_is_no_time() -> None:
    assert times_of("Meldingen er ventet i løpet av høsten.", "2019-03-13") == [("høsten", "2019")]
    assert times_of("Uværet kommer oftest på sommeren.", "2019-03-13") == []
