"""Gazetteer features of the entity recognizer (nyhetsgraf.nlp.features)."""

from __future__ import annotations

import numpy
import pytest
import spacy

from nyhetsgraf.nlp.features import (
    COMMON_WORD_BIT,
    DICTIONARY_BIT,
    N_CLASSES,
    N_CLASSES_WITH_COMMON_WORDS,
    N_CLASSES_WITH_PLACES,
    PLACE_BITS,
    compound_head,
    gazetteer_class,
    is_dictionary_word,
    with_gazetteer,
    word_class,
)
from nyhetsgraf.resources.gazetteer import place_kind

FIRST_NAME, COUNTRY, TOWN, CITY = 1, 2, 4, 8


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Per", FIRST_NAME),
        ("per", 0),  # a preposition, not a name
        ("Norge", COUNTRY),
        ("Norges", COUNTRY),  # genitive
        ("Frankrikes", COUNTRY),
        ("Bergen", CITY),
        ("Lillehammer", TOWN),
        ("regjeringen", 0),
        ("2020", 0),
        ("«", 0),
    ],
)
def test_gazetteer_class_says_what_the_shipped_lists_know(word: str, expected: int) -> None:
    assert gazetteer_class(word) == expected


def test_every_class_is_in_range() -> None:
    for word in ("Oslo", "Kari", "USA", "Moskva", "Tokyo", "Mette-Marit", "Ukjentnavnsen"):
        assert 0 <= gazetteer_class(word) < N_CLASSES


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Bayern", "region"), ("Texas", "region"), ("Måløy", "local"), ("måløy", "local"),
     ("Ukjentnavnsen", None)],
)
def test_place_kind_knows_regions_and_nordic_villages(name: str, kind: str | None) -> None:
    assert place_kind(name) == kind


def test_place_bits_come_on_top_of_the_older_classes() -> None:
    # A model trained without place bits must see the same classes as before.
    assert word_class("Måløy", dictionary=True) == gazetteer_class("Måløy")
    assert word_class("Måløy", dictionary=True, places=True) == PLACE_BITS["local"]
    assert word_class("Bayerns", dictionary=True, places=True) == PLACE_BITS["region"]  # genitive
    assert word_class("måløy", dictionary=True, places=True) == 0  # lower case: no name
    assert word_class("Flå", dictionary=True, places=True) == DICTIONARY_BIT | PLACE_BITS["local"]
    for word in ("Oslo", "Vestland", "Kari", "Bayern"):
        assert 0 <= word_class(word, dictionary=True, places=True) < N_CLASSES_WITH_PLACES


@pytest.mark.parametrize(("word", "common"), [("Truleg", True), ("Seinare", True), ("Det", True),
                                               ("Tafjord", False), ("Hansen", False), ("truleg", False)])
def test_common_word_bit_marks_capitalised_words_of_running_text(word: str, common: bool) -> None:
    # Nynorsk forms the bokmål full-form dictionary lacks are common words too; names are not.
    klass = word_class(word, dictionary=True, places=True, common=True)
    assert bool(klass & COMMON_WORD_BIT) is common
    assert 0 <= klass < N_CLASSES_WITH_COMMON_WORDS
    assert word_class(word, dictionary=True, places=True) == klass & ~COMMON_WORD_BIT


@pytest.mark.parametrize("option", ["places", "common_words"])
def test_the_newer_bits_need_the_dictionary_bit(option: str) -> None:
    with pytest.raises(ValueError, match="need dictionary"):
        with_gazetteer(_tiny_tok2vec(8), width=4, **{option: True})


def _tiny_tok2vec(width: int):
    from spacy.ml.models import build_hash_embed_cnn_tok2vec as build

    return build(width=width, depth=1, embed_size=100, window_size=1, maxout_pieces=2,
                 subword_features=True, pretrained_vectors=None)


def test_with_gazetteer_appends_a_learned_class_embedding() -> None:
    nlp = spacy.blank("nb")
    docs = [nlp("Per Hansen reiste til Bergen ."), nlp("Kari bor i Norge .")]
    model = with_gazetteer(_tiny_tok2vec(32), width=8)
    model.initialize(X=docs)
    vectors, backprop = model.begin_update(docs)
    assert [v.shape for v in vectors] == [(6, 40), (5, 40)]
    assert model.get_dim("nO") == 40
    # Same class, same appended features; different classes differ.
    per, bergen, til = vectors[0][0, 32:], vectors[0][4, 32:], vectors[0][3, 32:]
    assert numpy.allclose(til, vectors[1][2, 32:])  # "til" and "i": class 0
    assert not numpy.allclose(per, bergen)
    backprop(vectors)


def test_with_gazetteer_round_trips_through_bytes() -> None:
    nlp = spacy.blank("nb")
    docs = [nlp("Kari reiste til Oslo .")]
    model = with_gazetteer(_tiny_tok2vec(16), width=4)
    model.initialize(X=docs)
    copy = with_gazetteer(_tiny_tok2vec(16), width=4)
    copy.initialize(X=docs)
    copy.from_bytes(model.to_bytes())
    assert numpy.allclose(model.predict(docs)[0], copy.predict(docs)[0])


@pytest.mark.parametrize(("word", "expected"), [("Danner", True), ("Helt", True), ("Tafjord", False),
                                                ("Hansen", False), ("danner", False)])
def test_dictionary_words_are_capitalised_common_words(word: str, expected: bool) -> None:
    assert is_dictionary_word(word) is expected


@pytest.mark.parametrize("context_depth", [0, 1])
def test_context_depth_lets_neighbours_change_a_words_features(context_depth: int) -> None:
    nlp = spacy.blank("nb")
    # "Tafjord" (class 0, no dictionary word) after a first name and after a preposition.
    docs = [nlp("Kari Tafjord"), nlp("i Tafjord")]
    model = with_gazetteer(_tiny_tok2vec(8), width=4, dictionary=True, context_depth=context_depth)
    model.initialize(X=docs)
    first, second = model.predict(docs)
    same = numpy.allclose(first[1, 8:], second[1, 8:])
    assert same is (context_depth == 0)


@pytest.mark.parametrize(
    ("word", "head"),
    [("Tuberkuloseforeningen", "foreningen"), ("Europautvalet", "utvalet"), ("Nato-styrken", "styrken"),
     ("Regjeringen", "regjeringen"), ("Oslo", ""), ("foreningen", "")],
)
def test_compound_head_is_the_last_part_that_is_a_word_of_its_own(word: str, head: str) -> None:
    assert compound_head(word) == head


def test_compound_heads_share_features_between_unseen_compounds() -> None:
    nlp = spacy.blank("nb")
    docs = [nlp("Tuberkuloseforeningen Yrkeskvinneforeningen Tafjordfjella")]
    model = with_gazetteer(_tiny_tok2vec(8), width=4, dictionary=True, compound_heads=500)
    model.initialize(X=docs)
    appended = model.predict(docs)[0][:, 8:]
    assert appended.shape == (3, 4)
    # Both "...foreningen" get the same head embedding (and class); the mountains differ.
    numpy.testing.assert_allclose(appended[0], appended[1])
    assert not numpy.allclose(appended[0], appended[2])
