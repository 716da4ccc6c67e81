"""Entity types settled by the names themselves (nyhetsgraf_entity_types), on hand-built docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from nyhetsgraf.nlp.entity_types import (
    DEFAULT_RULES,
    ENTITY_TYPES,
    RULES,
    refine_entity_types,
    split_at_whitespace,
)
from nyhetsgraf.resources.gazetteer import without_genitive


def doc_with(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of whitespace-separated words with the given (surface, label) entities, each found
    left to right after the previous one."""
    doc = spacy.blank("nb").make_doc(text)
    words = [token.text for token in doc]
    spans, position = [], 0
    for surface, label in ents:
        length = len(surface.split())
        while words[position:position + length] != surface.split():
            position += 1
        spans.append(Span(doc, position, position + length, label=label))
        position += length
    doc.ents = spans
    return doc


def types(doc: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in refine_entity_types(doc).ents]


def test_a_lone_surname_of_a_person_named_in_full_is_that_person() -> None:
    doc = doc_with("Ordfører Hilde Brattås kom . Brattås sa nei , og Brattås' parti fulgte .",
                   [("Hilde Brattås", "PER"), ("Brattås", "ORG"), ("Brattås'", "LOC")])
    assert types(doc) == [("Hilde Brattås", "PER"), ("Brattås", "PER"), ("Brattås'", "PER")]


def test_a_surname_without_a_full_name_in_the_document_keeps_its_type() -> None:
    doc = doc_with("Brattås sa nei .", [("Brattås", "ORG")])
    assert types(doc) == [("Brattås", "ORG")]


@pytest.mark.parametrize(
    ("text", "entity", "label", "expected"),
    [
        ("Han besøkte Kasakhstan i fjor .", "Kasakhstan", "PER", "GPE_LOC"),
        ("Protestene rammer Chiles hovedstad .", "Chiles", "LOC", "GPE_LOC"),
        ("Tyskland trekker soldatene ut .", "Tyskland", "ORG", "GPE_ORG"),
        ("Tyskland trekker soldatene ut .", "Tyskland", "GPE_ORG", "GPE_ORG"),
        ("Han er tysk og bor i Bergen .", "tysk", "DRV", "DRV"),
    ],
)
def test_country_names_are_places_or_political_actors(text: str, entity: str, label: str,
                                                      expected: str) -> None:
    assert types(doc_with(text, [(entity, label)])) == [(entity, expected)]


def test_towns_of_several_words_taken_for_persons() -> None:
    doc = doc_with("Flyet landet i Los Angeles og fløy videre til Chicago .",
                   [("Los Angeles", "PER"), ("Chicago", "PER")])
    # One word stays: big towns share their names with persons ("Hagen", "Newton").
    assert types(doc) == [("Los Angeles", "GPE_LOC"), ("Chicago", "PER")]


def test_a_surname_that_is_also_a_big_town_stays_a_person() -> None:
    doc = doc_with("Newton sa at tyngdekrafta verkar , meinte Newton .",
                   [("Newton", "PER"), ("Newton", "PER")])
    assert types(doc) == [("Newton", "PER"), ("Newton", "PER")]


def test_small_towns_and_first_names_stay_persons() -> None:
    # "Elverum" has under 100,000 people; "Kristiansand" is a town, but "Per" is a first name.
    doc = doc_with("Elverum sa at Per Kristiansand kom .", [("Elverum", "PER"), ("Per Kristiansand", "PER")])
    assert types(doc) == [("Elverum", "PER"), ("Per Kristiansand", "PER")]


def test_one_type_per_name_where_most_mentions_agree() -> None:
    doc = doc_with("Fjordkraft tapte . Fjordkraft vant . Fjordkraft varslet kutt .",
                   [("Fjordkraft", "ORG"), ("Fjordkraft", "ORG"), ("Fjordkraft", "PER")])
    assert [label for _, label in types(doc)] == ["ORG", "ORG", "ORG"]


def test_no_majority_and_gpe_roles_are_left_alone() -> None:
    split = doc_with("Nordvik tapte . Nordvik vant .", [("Nordvik", "ORG"), ("Nordvik", "PER")])
    assert [label for _, label in types(split)] == ["ORG", "PER"]
    roles = doc_with("Norge protesterte . Norge sender fly . Han bor i Norge .",
                     [("Norge", "GPE_ORG"), ("Norge", "GPE_ORG"), ("Norge", "GPE_LOC")])
    assert [label for _, label in types(roles)] == ["GPE_ORG", "GPE_ORG", "GPE_LOC"]


def test_missed_surname_mentions_are_added() -> None:
    doc = doc_with("Hilde Brattås kom . Brattås sa nei . Bortens og Brattås' parti fulgte ikke Brattås .",
                   [("Hilde Brattås", "PER"), ("Brattås", "PER")])
    assert types(doc) == [("Hilde Brattås", "PER"), ("Brattås", "PER"), ("Brattås'", "PER"),
                          ("Brattås", "PER")]


def test_a_person_ending_in_a_first_name_takes_the_proper_noun_after_it() -> None:
    doc = doc_with("Gruppeleder Erik Vangen i Høyre mener det .", [("Erik", "PER"), ("Høyre", "ORG")])
    assert types(doc) == [("Erik Vangen", "PER"), ("Høyre", "ORG")]


def test_a_tagged_common_word_after_a_first_name_stays_out() -> None:
    doc = doc_with("Hilsen Erik Onsdag kommer .", [("Erik", "PER")])
    for token in doc:
        token.pos_ = "NOUN" if token.text == "Onsdag" else "PROPN"
    assert types(doc) == [("Erik", "PER")]


def test_a_name_with_a_common_word_in_it_gives_no_surname() -> None:
    # "Danner Høyre regjering ..." (forms Høyre a government): a verb the recognizer took for a
    # first name must not turn every mention of the party into a person.
    doc = doc_with("Danner Høyre regjering , vil Høyre styre .", [("Danner Høyre", "PER"), ("Høyre", "ORG")])
    for token in doc:
        token.pos_ = "VERB" if token.text in ("Danner", "vil", "styre") else "PROPN"
    assert types(doc)[-1] == ("Høyre", "ORG")


def test_type_rules_keep_the_spans_and_empty_docs_pass() -> None:
    doc = doc_with("Kasakhstan og Los Angeles .", [("Kasakhstan", "PER"), ("Los Angeles", "PER")])
    before = [(ent.start, ent.end) for ent in doc.ents]
    assert [(ent.start, ent.end) for ent in refine_entity_types(doc).ents] == before
    assert list(refine_entity_types(spacy.blank("nb")("Ingen navn her .")).ents) == []


@pytest.mark.parametrize(("name", "base"), [
    ("Chiles", "Chile"), ("Paris'", "Paris"), ("Macy's", "Macy"), ("Natos", "Nato"), ("FNs", "FN"),
    ("Oss", "Oss"),
])
def test_without_genitive(name: str, base: str) -> None:
    assert without_genitive(name) == base


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Innbyggerne i Tafjord vil ha vei .", "Tafjord", "LOC"),  # unknown place
        ("Hun vokste opp i Horten .", "Horten", "GPE_LOC"),  # a town the gazetteer knows
        ("Han har fordypet seg i Hitlers « Mein Kampf » .", "Hitlers", "PER"),  # a genitive
        ("Han tror på Brattås .", "Brattås", "PER"),  # only "i" makes a place
        ("Hun gikk inn i Kari .", "Kari", "PER"),  # a first name stays a person
        ("Han fekk brev frå Xyzstad .", "Xyzstad", "PER"),  # "frå" makes a place only after a person
    ],
)
def test_a_lone_person_name_after_i_is_a_place(text: str, entity: str, expected: str) -> None:
    assert types(doc_with(text, [(entity, "PER")])) == [(entity, expected)]


@pytest.mark.parametrize(("place", "expected"), [("Xyzstad", "LOC"), ("Horten", "GPE_LOC")])
def test_a_lone_person_name_after_a_person_and_fra_is_a_place(place: str, expected: str) -> None:
    doc = doc_with(f"Anne Viken frå {place} går hardt ut .", [("Anne Viken", "PER"), (place, "PER")])
    assert types(doc) == [("Anne Viken", "PER"), (place, expected)]


def test_a_name_after_i_that_stands_before_a_noun_stays_a_person() -> None:
    doc = doc_with("Det står i Brattås bok .", [("Brattås", "PER")])
    for token in doc:
        token.pos_ = "NOUN" if token.text == "bok" else "X"
    assert types(doc) == [("Brattås", "PER")]


def test_the_place_after_i_carries_over_to_the_names_other_mentions() -> None:
    doc = doc_with("Galerie Tafjord stiller ut . Vei mellom Tafjord og Grotli , sier folk i Tafjord .",
                   [("Galerie Tafjord", "PER"), ("Tafjord", "LOC"), ("Grotli", "PER"), ("Tafjord", "LOC")])
    # Rule 1 first makes persons of both "Tafjord" (a misread full name ends in it); rule 7 undoes it.
    expected = [("Galerie Tafjord", "PER"), ("Tafjord", "LOC"), ("Grotli", "PER"), ("Tafjord", "LOC")]
    assert types(doc) == expected


def test_a_place_run_together_with_a_persons_full_name_is_split() -> None:
    doc = doc_with("Listetopp for Demokratene i Kristiansund Håvard Krane sier nei . Krane vil ikke .",
                   [("Demokratene", "ORG"), ("Kristiansund Håvard Krane", "ORG"), ("Krane", "ORG")])
    assert types(doc) == [("Demokratene", "ORG"), ("Kristiansund", "GPE_LOC"), ("Håvard Krane", "PER"),
                          ("Krane", "PER")]


@pytest.mark.parametrize(
    ("name", "label"),
    [("San Pedro Sula", "GPE_LOC"),  # a place's own name
     ("Kari Anne Hansen", "PER"),  # a person with two first names
     ("Tor Erling Staff", "ORG"),  # a first name first: no place before the person
     ("Oslo Sporveier", "ORG")],  # no first name after the place
)
def test_names_that_only_look_like_a_place_and_a_person_stay_whole(name: str, label: str) -> None:
    assert types(doc_with(f"Det gjelder {name} .", [(name, label)])) == [(name, label)]


@pytest.mark.parametrize(
    ("text", "entity", "label", "expected"),
    [
        # rule 9: built on a noun of nature or the street
        ("Turen over Lyngsfjella tok to dager .", "Lyngsfjella", "PER", "LOC"),
        ("Demonstrantene samlet seg i Slottsparken .", "Slottsparken", "ORG", "LOC"),
        ("Skipet ankret opp ved Kvaløysundet .", "Kvaløysundet", "GPE_LOC", "LOC"),
        ("Hun bor i Tromsø .", "Tromsø", "GPE_LOC", "GPE_LOC"),  # a known town keeps its type
        ("Han spiller for Lamu-halvøya .", "Lamu-halvøya", "DRV", "DRV"),  # hyphenated: not one noun
        ("Han heter Øya .", "Øya", "PER", "PER"),  # the head alone is no place name
        # rule 11: ending in an institution noun, or like an organisation
        ("Saken kom opp i Bergen tingrett i går .", "Bergen tingrett", "LOC", "ORG"),
        ("Statens vegvesens kontroll stanset bilen .", "Statens vegvesens", "PER", "ORG"),
        ("Han besøkte Bergen i går .", "Bergen", "GPE_LOC", "GPE_LOC"),  # no institution noun
        ("Hun sa tingrett til slutt .", "tingrett", "LOC", "LOC"),  # the noun alone is no name
        ("Han leia Tuberkuloseforeningen i Horten .", "Tuberkuloseforeningen", "LOC", "ORG"),
        ("Hun jobber i Finanstilsynets tilsynsavdeling .", "Finanstilsynets", "PER", "ORG"),
        ("Vi gikk til Rådet .", "Rådet", "PER", "PER"),  # the ending alone is no compound name
        ("Saka kom opp i Europautvalet i går .", "Europautvalet", "GPE_LOC", "ORG"),  # nynorsk
        ("Saka gjekk til Brochmann-utvalet i fjor .", "Brochmann-utvalet", "DRV", "ORG"),  # a committee
        ("Han spelar for FN-komiteen .", "FN-komiteen", "DRV", "DRV"),  # other hyphenated endings: no
        ("Trafikken i Osloområdet øker .", "Osloområdet", "LOC", "LOC"),  # ends like "rådet": a place
        ("Kampen på Brann stadion endte likt .", "Brann stadion", "ORG", "LOC"),  # a building
        ("Han er leiar i Skafså sokneråd .", "Skafså sokneråd", "LOC", "ORG"),  # a council
        # rule 19: an affair
        ("Da Kings Bay-saken kom opp , gikk regjeringen .", "Kings Bay-saken", "ORG", "EVT"),
        ("Einarsson-saka vart avgjort i går .", "Einarsson-saka", "DRV", "EVT"),
        ("Saken kom opp i går .", "Saken", "ORG", "ORG"),  # no hyphen: no name of an affair
        ("Orgelet i Urnes stavkyrkje er nytt .", "Urnes stavkyrkje", "ORG", "LOC"),
        # rule 15: a one-word LOC that is a known town
        ("Toget kom til Trondheim i går .", "Trondheim", "LOC", "GPE_LOC"),
        ("Rosenborg slo Trondheim i går .", "Trondheim", "ORG", "ORG"),  # only a LOC changes
        ("Vi gikk over Xyzdal i går .", "Xyzdal", "LOC", "LOC"),  # not in the town table
        # rule 12: a "person" after a noun naming its kind
        ("Han skilte lag med spillutviklerne Eidos i fjor .", "Eidos", "PER", "ORG"),
        ("Vi spiste i sushirestauranten Etika i går .", "Etika", "PER", "LOC"),
        ("Vi spiste i sushirestauranten Etika i går .", "Etika", "ORG", "ORG"),  # only a "person" changes
        ("Han snakket med kokken Etika i går .", "Etika", "PER", "PER"),  # a noun of no kind listed
    ],
)
def test_a_names_type_from_its_own_words_or_the_noun_before_it(
    text: str, entity: str, label: str, expected: str
) -> None:
    assert types(doc_with(text, [(entity, label)])) == [(entity, expected)]


@pytest.mark.parametrize(
    ("text", "entity", "label", "expected"),
    [
        ("Kaptein Sanogo ledet kuppet .", "Kaptein Sanogo", "ORG", ("Sanogo", "PER")),
        ("Statsminister Jonas Gahr Støre talte .", "Statsminister Jonas Gahr Støre", "PER",
         ("Jonas Gahr Støre", "PER")),
        ("Kaptein Sabeltann seiler .", "Kaptein", "PER", ("Kaptein", "PER")),  # a title alone stays
        ("Hun kjøpte aksjer i Mester Grønn .", "Mester Grønn", "ORG", ("Mester Grønn", "ORG")),  # no title
        ("Fabrikken til General Motors stenger .", "General Motors", "ORG", ("General Motors", "ORG")),
    ],
)
def test_a_capitalised_title_leaves_the_name_which_is_a_person(
    text: str, entity: str, label: str, expected: tuple[str, str]
) -> None:
    assert types(doc_with(text, [(entity, label)])) == [expected]


def test_two_persons_side_by_side_are_one_unless_the_second_starts_with_a_first_name() -> None:
    doc = doc_with("Filmen med Sacha Baron Cohen går nå .", [("Sacha Baron", "PER"), ("Cohen", "PER")])
    assert types(doc) == [("Sacha Baron Cohen", "PER")]
    doc = doc_with("Han møtte Leah Jakobs kone .", [("Leah", "PER"), ("Jakobs", "PER")])
    assert types(doc) == [("Leah", "PER"), ("Jakobs", "PER")]
    doc = doc_with("Han møtte Per Hansen i Bergen .", [("Per Hansen", "PER"), ("i", "ORG")])
    assert types(doc) == [("Per Hansen", "PER"), ("i", "ORG")]


def test_a_name_takes_in_the_institution_noun_after_it() -> None:
    doc = doc_with("Hele Bergen byrett ble funnet inhabil .", [("Bergen", "GPE_LOC")])
    assert types(doc) == [("Bergen byrett", "ORG")]
    doc = doc_with("Hun flyttet til Bergen i fjor .", [("Bergen", "GPE_LOC")])
    assert types(doc) == [("Bergen", "GPE_LOC")]


def test_a_name_that_starts_a_known_place_takes_in_the_rest() -> None:
    doc = doc_with("Hun er fra Mo i Rana og bor der .", [("Mo", "LOC"), ("Rana", "GPE_LOC")])
    assert types(doc) == [("Mo i Rana", "GPE_LOC")]
    doc = doc_with("Hun er fra Mo i går .", [("Mo", "GPE_LOC")])
    assert types(doc) == [("Mo", "GPE_LOC")]


def test_a_lone_first_name_of_a_person_named_in_full_is_a_further_mention() -> None:
    doc = doc_with("Rapparen Elling Borgersrud kom . Kva meiner du ? Elling : Eg meiner det .",
                   [("Elling Borgersrud", "PER")])
    assert types(doc) == [("Elling Borgersrud", "PER"), ("Elling", "PER")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Elling Borgersrud kom . Elling Hansen sa nei .", "Elling Borgersrud"),  # another full name
        ("Elling Borgersrud kom . Så kom Elling Hansen .", "Elling Borgersrud"),
        ("Han Solo kom . Han sa nei .", "Han Solo"),  # a word of running text
        ("Hortens Diskusjonsforening kom . Hortens by .", "Hortens Diskusjonsforening"),  # a genitive
    ],
)
def test_first_words_that_need_not_stand_for_the_person_are_not_added(text: str, person: str) -> None:
    assert types(doc_with(text, [(person, "PER")])) == [(person, "PER")]


def test_a_name_takes_in_the_building_noun_after_it() -> None:
    doc = doc_with("Kilen kapell vart vigsla i 1958 .", [("Kilen", "ORG")])
    assert types(doc) == [("Kilen kapell", "LOC")]


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Foto Stig Roger Eide", "Foto Stig Roger Eide", "Stig Roger Eide"),  # a word of running text
        ("Statsråd Kari Nilsen kom .", "Statsråd Kari Nilsen", "Kari Nilsen"),
        ("Per Olav Hansen kom .", "Per Olav Hansen", "Per Olav Hansen"),  # "per" is a word, but a name first
        ("Rektor Hansen kom .", "Rektor Hansen", "Hansen"),  # a title from the lexicon, any name after it
        ("Foto Hansen AS leverte .", "Foto Hansen AS", "Foto Hansen AS"),  # no first name after it
    ],
)
def test_a_word_before_a_first_name_is_not_part_of_the_name(text: str, entity: str, expected: str) -> None:
    label = "PER" if expected != entity else "ORG"
    assert types(doc_with(text, [(entity, label)]))[0][0] == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Han spelar i filmen « 8 Mile » i år .", [("Mile", "PER")], [("8 Mile", "PROD")]),
        ("Novella « Eg veit ikkje kva Per sa » handlar om sorg .", [("Per", "PER")],
         [("Eg veit ikkje kva Per sa", "PROD")]),
        ('Hun skrev låta " Butterflies " i fjor .', [("Butterflies", "PER")], [("Butterflies", "PROD")]),
        ("TV-serien « Skal vi danse » går igjen .", [], [("Skal vi danse", "PROD")]),
        ("Han sa « Kari kommer » i går .", [("Kari", "PER")], [("Kari", "PER")]),  # speech, no work noun
        ("Boka « om natta » kom ut .", [], []),  # a title starts with a capital
    ],
)
def test_a_quoted_title_after_a_noun_naming_a_work_is_a_prod(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert types(doc_with(text, ents)) == expected


def test_entities_lose_their_line_breaks_and_split_at_them() -> None:
    nlp = spacy.blank("nb")
    words = ["Arrest", "i", "Sogndal", "\n", "Foto", "Kari", "Hansen", "\n", "Wenche", "Myhre", "kom"]
    doc = Doc(nlp.vocab, words=words, spaces=[word not in ("Sogndal", "Hansen", "\n") for word in words])
    doc.ents = [Span(doc, 2, 4, label="GPE_LOC"), Span(doc, 5, 10, label="PER")]
    assert [(ent.text, ent.label_) for ent in split_at_whitespace(list(doc.ents))] == [
        ("Sogndal", "GPE_LOC"), ("Kari Hansen", "PER"), ("Wenche Myhre", "PER")]
    assert [(ent.text, ent.label_) for ent in refine_entity_types(doc).ents] == [
        ("Sogndal", "GPE_LOC"), ("Kari Hansen", "PER"), ("Wenche Myhre", "PER")]


def test_a_sentence_initial_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    nlp = spacy.blank("nb")
    words = ["Forskriften", "gjelder", "for", "Svalbard", ".",
             "Etter", "forskriften", "må", "Hansen", "søke", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[word in ("Forskriften", "Etter") for word in words])
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 3, 4, label="GPE_LOC"), Span(doc, 8, 9, label="PER")]
    assert types(doc) == [("Svalbard", "GPE_LOC"), ("Hansen", "PER")]
    # Without the lower-case use in the text, the name stays.
    doc = Doc(nlp.vocab, words=words[:5], sent_starts=[True, False, False, False, False])
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert types(doc) == [("Forskriften", "ORG")]


# --- the rules as a configured component ------------------------------------------------------------


def _component_types(rules: list[str], doc: Doc) -> list[tuple[str, str]]:
    nlp = spacy.blank("nb")
    component = nlp.add_pipe(ENTITY_TYPES, config={"rules": rules})
    return [(ent.text, ent.label_) for ent in component(doc).ents]


def test_every_registered_rule_runs_by_default_in_todays_order() -> None:
    assert set(DEFAULT_RULES) == set(RULES)
    assert sorted({RULES[name].number for name in DEFAULT_RULES}) == list(range(1, 26))
    nlp = spacy.blank("nb")
    nlp.add_pipe(ENTITY_TYPES)
    assert nlp.get_pipe(ENTITY_TYPES).rules == DEFAULT_RULES
    assert nlp.config["components"][ENTITY_TYPES]["rules"] == list(DEFAULT_RULES)


def test_a_rule_left_out_of_the_config_no_longer_applies() -> None:
    text = "Tyskland trekker soldatene ut , og Kari Nordmann i Oslo tingrett sa at Nordmann var enig ."
    ents = [("Tyskland", "ORG"), ("Kari Nordmann", "PER"), ("Oslo", "GPE_LOC"), ("Nordmann", "ORG")]
    everything = _component_types(list(DEFAULT_RULES), doc_with(text, ents))
    assert everything == [("Tyskland", "GPE_ORG"), ("Kari Nordmann", "PER"), ("Oslo tingrett", "ORG"),
                          ("Nordmann", "PER")]
    without_countries = [rule for rule in DEFAULT_RULES if rule != "countries"]
    assert _component_types(without_countries, doc_with(text, ents)) == [
        ("Tyskland", "ORG"), ("Kari Nordmann", "PER"), ("Oslo tingrett", "ORG"), ("Nordmann", "PER")]
    without_taking_in = [rule for rule in DEFAULT_RULES if rule != "institution_nouns_taken_in"]
    assert _component_types(without_taking_in, doc_with(text, ents)) == [
        ("Tyskland", "GPE_ORG"), ("Kari Nordmann", "PER"), ("Oslo", "GPE_LOC"), ("Nordmann", "PER")]
    assert _component_types([], doc_with(text, ents)) == ents


def test_the_plain_function_applies_the_default_rules() -> None:
    text = "Tyskland trekker soldatene ut ."
    assert types(doc_with(text, [("Tyskland", "ORG")])) == [("Tyskland", "GPE_ORG")]


@pytest.mark.parametrize("rules", [["countries", "no_such_rule"], ["countries", "countries"]])
def test_unknown_or_repeated_rules_are_refused(rules: list[str]) -> None:
    nlp = spacy.blank("nb")
    with pytest.raises(ValueError, match="no_such_rule|named twice"):
        nlp.add_pipe(ENTITY_TYPES, config={"rules": rules})


@pytest.mark.slow
def test_the_shipped_model_takes_the_rule_list_from_its_config() -> None:
    from nyhetsgraf.nlp import model_path

    text = "Hun spilte hovedrollen i filmen «Den siste vinteren i Tromsø» i fjor ."
    shipped = spacy.load(model_path("nb"))
    assert shipped.get_pipe(ENTITY_TYPES).rules == DEFAULT_RULES
    assert [(ent.text, ent.label_) for ent in shipped(text).ents] == [("Den siste vinteren i Tromsø", "PROD")]
    rules = [rule for rule in DEFAULT_RULES if rule != "quoted_titles"]
    without_titles = spacy.load(model_path("nb"), config={"components": {ENTITY_TYPES: {"rules": rules}}})
    assert [(ent.text, ent.label_) for ent in without_titles(text).ents] == [
        ("Den siste vinteren", "PROD"), ("Tromsø", "GPE_LOC")]


@pytest.mark.parametrize(("text", "ents"), [
    ("Man kan ikke vente lenger .", [("Man", "GPE_ORG")]),
    ("Den nye loven gjelder fra mandag .", [("Den", "ORG")]),
    ("Etter møtet dro Kari Nordmann hjem .", [("Etter", "PER"), ("Kari Nordmann", "PER")]),
    ("Dei kom til Bergen i går .", [("Dei", "ORG"), ("Bergen", "GPE_LOC")]),
    ("Kva skjer no i Førde ?", [("Kva", "LOC"), ("Førde", "GPE_LOC")]),
])
def test_a_capitalised_function_word_is_no_name(text: str, ents: list[tuple[str, str]]) -> None:
    kept = {name for name, _ in _component_types(list(DEFAULT_RULES), doc_with(text, ents))}
    assert kept == {name for name, _ in ents} - {"Man", "Den", "Etter", "Dei", "Kva"}


# --- rules 21-25 and the occupation words of rule 10 --------------------------------------------------


def tagged(text: str, ents: list[tuple[str, str]], pos: dict[str, str]) -> Doc:
    """`doc_with`, with the part of speech of the listed words (every other word a PROPN if
    capitalised, else a NOUN), so that the rules that read tags see them."""
    doc = doc_with(text, ents)
    for token in doc:
        token.pos_ = pos.get(token.text, "PROPN" if token.text[:1].isupper() else "NOUN")
    return doc


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("Dette følger av Opplæringslova , seier rektor .", [], [("Opplæringslova", "PROD")]),
    ("Saka gjeld brot på Forvaltningsloven og ikkje anna .", [("Forvaltningsloven", "ORG")],
     [("Forvaltningsloven", "PROD")]),
    ("Regjeringa vil endre EØS-avtalen i haust .", [("EØS-avtalen", "DRV")], [("EØS-avtalen", "PROD")]),
    ("Dei viste til Lisboatraktaten og Parisavtalen .", [("Lisboatraktaten", "LOC")],
     [("Lisboatraktaten", "PROD"), ("Parisavtalen", "PROD")]),
    ("Han las Arbeidsmiljølovens paragrafar høgt .", [], [("Arbeidsmiljølovens", "PROD")]),
    ("Partiet står bak Soria Moria-erklæringa .", [("Soria Moria-erklæringa", "PROD")],
     [("Soria Moria-erklæringa", "PROD")]),
])
def test_laws_and_agreements_are_works(text: str, ents: list[tuple[str, str]],
                                       expected: list[tuple[str, str]]) -> None:
    assert types(doc_with(text, ents)) == expected


@pytest.mark.parametrize(("text", "ents"), [
    ("Loven gjeld frå nyttår .", []),                                  # no compound, sentence start
    ("Straffeloven gjelder fra i dag .", []),                          # sentence start
    ("Han slo Martina Navratilova i finalen .", [("Martina Navratilova", "PER")]),
    ("Tennisspilleren vant over Navratilova i går .", [("Navratilova", "PER")]),
    ("Avtalen er klar , sa han om avtalen .", []),
])
def test_sentence_starts_persons_and_plain_nouns_are_no_law(text: str, ents: list[tuple[str, str]]) -> None:
    assert types(doc_with(text, ents)) == ents


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("Politiet tok Malis statsminister i natt .", [("Malis", "GPE_LOC")], "GPE_ORG"),
    ("Kritikken rammer Chiles regjering .", [("Chiles", "GPE_LOC")], "GPE_ORG"),
    ("Han møtte USAs ambassadør i Oslo .", [("USAs", "GPE_LOC")], "GPE_ORG"),
    ("Protestane er retta mot Hellas' styresmakter .", [("Hellas'", "GPE_LOC")], "GPE_ORG"),
    ("Folket har mista tilliten til Russlands leiarar .", [("Russlands", "GPE_LOC")], "GPE_ORG"),
    ("Turistane likte Chiles hovudstad .", [("Chiles", "GPE_LOC")], "GPE_LOC"),
    ("Han skreiv om Noregs historie .", [("Noregs", "GPE_LOC")], "GPE_LOC"),
    ("Han møtte Arbeiderpartiets leder i går .", [("Arbeiderpartiets", "ORG")], "ORG"),
])
def test_a_place_before_a_noun_of_government_acts_as_a_state(text: str, ents: list[tuple[str, str]],
                                                              expected: str) -> None:
    assert types(doc_with(text, ents)) == [(ents[0][0], expected)]


def test_adjectives_between_the_place_and_the_government_are_skipped() -> None:
    doc = tagged("Studentane protesterer mot Chiles høgrekonservative regjering .", [("Chiles", "GPE_LOC")],
                 {"høgrekonservative": "ADJ"})
    assert types(doc) == [("Chiles", "GPE_ORG")]
    untagged = doc_with("Studentane protesterer mot Chiles høgrekonservative regjering .",
                        [("Chiles", "GPE_LOC")])
    assert types(untagged) == [("Chiles", "GPE_LOC")]


@pytest.mark.parametrize(("text", "medium", "label", "expected"), [
    ("Det kom fram i VG i går .", "VG", "ORG", "PROD"),
    ("Saka vart vist på NRK i kveld .", "NRK", "ORG", "PROD"),
    ("Ho skreiv om det i Bergens Tidende .", "Bergens Tidende", "ORG", "PROD"),
    ("Intervjuet stod på trykk i The Observer .", "The Observer", "ORG", "PROD"),
    ("Han sa det til NRK etter møtet .", "NRK", "PROD", "ORG"),
    ("Det stadfestar ho overfor Aftenposten .", "Aftenposten", "PROD", "ORG"),
    ("Ho jobbar i Dagbladet no .", "Dagbladet", "PROD", "ORG"),
    ("Han begynte i Dagens Næringsliv i 1998 .", "Dagens Næringsliv", "PROD", "ORG"),
    ("Aftenposten skriv at saka er løyst .", "Aftenposten", "PROD", "PROD"),
])
def test_news_media_take_their_type_from_the_preposition(text: str, medium: str, label: str,
                                                         expected: str) -> None:
    assert types(doc_with(text, [(medium, label)])) == [(medium, expected)]


def test_a_medium_after_an_occupation_or_in_the_genitive_keeps_its_type() -> None:
    # NorNE itself is split here: "bokmeldar i Dag og Tid" is a PROD in nynorsk, "fotograf i VG" an
    # ORG in bokmål.
    for text, medium, label in (("Ho er fast bokmeldar i Dag og Tid .", "Dag og Tid", "PROD"),
                                ("Han er fotograf i VG .", "VG", "ORG"),
                                ("Det kom fram i NRKs dokumentar .", "NRKs", "ORG")):
        assert types(tagged(text, [(medium, label)], {})) == [(medium, label)]
    assert types(doc_with("Kontoret i Hordaland stengde .", [("Hordaland", "GPE_LOC")])) == [
        ("Hordaland", "GPE_LOC")]


def test_a_person_named_alone_three_times_is_found_where_the_recognizer_missed_him() -> None:
    text = ("Epiktet var slave . Mange les Epiktet i dag . Hos Epiktet er fridom viktig . "
            "Seinare skreiv Epiktet om lagnaden . Epiktet døydde gamal .")
    doc = doc_with(text, [("Epiktet", "PER"), ("Epiktet", "PER"), ("Epiktet", "PER")])
    assert types(doc) == [("Epiktet", "PER")] * 5


def test_two_alone_mentions_or_a_word_of_running_text_or_a_longer_name_add_nothing() -> None:
    twice = doc_with("Epiktet var slave . Mange les Epiktet . Epiktet døydde .",
                     [("Epiktet", "PER"), ("Epiktet", "PER")])
    assert types(twice) == [("Epiktet", "PER"), ("Epiktet", "PER")]
    running = doc_with("Strøm sa nei . Strøm kom . Strøm gjekk . Strøm vart dyrare i vinter .",
                       [("Strøm", "PER"), ("Strøm", "PER"), ("Strøm", "PER")])
    assert len(types(running)) == 3
    longer = doc_with("Moby spelte . Moby song . Moby gjekk . Turen gjekk til Moby Dick Bar .",
                      [("Moby", "PER"), ("Moby", "PER"), ("Moby", "PER")])
    assert types(longer) == [("Moby", "PER")] * 3


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("Han reiser med Fylkesmannen i Vest-Agder i haust .",
     [("Fylkesmannen", "ORG"), ("Vest-Agder", "GPE_LOC")], [("Fylkesmannen i Vest-Agder", "ORG")]),
    ("Saka ligg hos Sysselmannen for Svalbard .", [("Sysselmannen", "ORG"), ("Svalbard", "GPE_LOC")],
     [("Sysselmannen for Svalbard", "ORG")]),
    ("Leiaren i Naturvernforbundet i Indre Sunnfjord er uroa .",
     [("Naturvernforbundet", "ORG"), ("Indre Sunnfjord", "GPE_LOC")],
     [("Naturvernforbundet i Indre Sunnfjord", "ORG")]),
    ("Han studerer ved Universitetet i Bergen .", [("Universitetet", "ORG"), ("Bergen", "GPE_LOC")],
     [("Universitetet i Bergen", "ORG")]),
])
def test_an_organisation_of_a_definite_noun_takes_its_seat(text: str, ents: list[tuple[str, str]],
                                                           expected: list[tuple[str, str]]) -> None:
    assert types(doc_with(text, ents)) == expected


@pytest.mark.parametrize(("text", "ents"), [
    ("Listetoppen for Senterpartiet i Nissedal sa nei .",
     [("Senterpartiet", "ORG"), ("Nissedal", "GPE_LOC")]),
    ("Han jobbar for Statoil i Aserbajdsjan .", [("Statoil", "ORG"), ("Aserbajdsjan", "GPE_LOC")]),
    ("Han kom frå NRK i Bergen .", [("NRK", "ORG"), ("Bergen", "GPE_LOC")]),
    ("Saka om Fylkesmannen i går var kort .", [("Fylkesmannen", "ORG")]),
])
def test_party_branches_proper_names_and_acronyms_keep_their_place_apart(text: str,
                                                                         ents: list[tuple[str, str]]) -> None:
    assert types(doc_with(text, ents)) == ents


@pytest.mark.parametrize(("text", "person", "name"), [
    ("Orgelbyggjar Henrik Brinck Hansen har bygd orgelet .", "Orgelbyggjar Henrik Brinck Hansen",
     "Henrik Brinck Hansen"),
    ("Kyrkjetenar Werner Torkildsen har måla galleriet .", "Kyrkjetenar Werner Torkildsen",
     "Werner Torkildsen"),
    ("Prosjektleder Kari Nordmann er fornøyd .", "Prosjektleder Kari Nordmann", "Kari Nordmann"),
    ("Rektor Anne Lise Vik gleder seg .", "Rektor Anne Lise Vik", "Anne Lise Vik"),
])
def test_an_occupation_word_before_a_first_name_is_no_part_of_the_name(text: str, person: str,
                                                                        name: str) -> None:
    assert types(doc_with(text, [(person, "PER")])) == [(name, "PER")]


@pytest.mark.parametrize(("text", "person"), [
    ("Thure Erik Lund er aktuell med ny bok .", "Thure Erik Lund"),        # an unknown first name
    ("Gunnar Kari Nilsen var til stades .", "Gunnar Kari Nilsen"),        # a known first name first
    ("I dag talte Oberster Kari Nilsen .", "Oberster Kari Nilsen"),       # not at a sentence start
])
def test_first_names_and_words_inside_sentences_stay_in_the_name(text: str, person: str) -> None:
    assert types(doc_with(text, [(person, "PER")])) == [(person, "PER")]
