"""Gazetteer features for the entity recognizer, registered with spaCy's architecture registry.

The recognizer learns the names of its training data by heart, but most of its remaining errors
are types of names it never saw: a small town taken for a person, a country for an organisation.
The shipped gazetteers know many such names, so each word gets a class from them (known first
name; country; town, by population; optionally, a word of the Norwegian full-form dictionary,
a region or Nordic village, and a word that running text writes in lower case) and the
recognizer sees a small learned embedding of that class next to its contextual vectors.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.api import (
    Embed,
    HashEmbed,
    Maxout,
    Model,
    add,
    chain,
    clone,
    concatenate,
    expand_window,
    residual,
    with_array,
)
from thinc.types import Floats2d, Ints1d, Ints2d

from nyhetsgraf.resources.fullforms import full_forms
from nyhetsgraf.resources.gazetteer import (
    common_words,
    is_country,
    place_kind,
    town_population,
    without_genitive,
)
from nyhetsgraf.resources.lexicon import first_names  # the shared name lexicon

# Town populations are bucketed: no town, a town (the table starts at 15,000), a city, a metropolis.
TOWN_BUCKETS = (100_000, 1_000_000)
TOWN_SHIFT = 2
DICTIONARY_BIT = 1 << (TOWN_SHIFT + 2)
N_CLASSES = DICTIONARY_BIT
N_CLASSES_WITH_DICTIONARY = 2 * DICTIONARY_BIT
# Optional bits above the dictionary bit, so that models trained without them keep their classes.
PLACE_BITS = {"region": DICTIONARY_BIT << 1, "local": DICTIONARY_BIT << 2}
N_CLASSES_WITH_PLACES = 8 * DICTIONARY_BIT
COMMON_WORD_BIT = DICTIONARY_BIT << 3
N_CLASSES_WITH_COMMON_WORDS = 2 * COMMON_WORD_BIT


def _town_bucket(population: int) -> int:
    if population <= 0:
        return 0
    return 1 + sum(population >= limit for limit in TOWN_BUCKETS)


@lru_cache(maxsize=200_000)
def gazetteer_class(word: str) -> int:
    """A number in [0, N_CLASSES) that says what the gazetteers know about the capitalised `word`
    (a genitive counts as its base form): bit 0 known first name, bit 1 country, bits 2-3 town size.
    Lower-case words are class 0: "per" and "bo" are no names."""
    if not word[:1].isupper():
        return 0
    base = without_genitive(word)
    first_name = first_names().knows(word)
    country = is_country(word) or is_country(base)
    town = _town_bucket(max(town_population(word), town_population(base)))
    return int(first_name) | int(country) << 1 | town << TOWN_SHIFT


@lru_cache(maxsize=200_000)
def is_dictionary_word(word: str) -> bool:
    """Whether the lower-cased capitalised `word` is a noun, verb, adjective or adverb form of the
    Norwegian full-form table ("Danner", "Helt"); names mostly are not ("Tafjord", "Hansen")."""
    lower = word.lower()
    return word[:1].isupper() and full_forms().known(lower)


@lru_cache(maxsize=200_000)
def place_bits(word: str) -> int:
    """PLACE_BITS of a capitalised `word` (or its genitive) that names a region or a Nordic village."""
    if not word[:1].isupper():
        return 0
    kind = place_kind(word) or place_kind(without_genitive(word))
    return PLACE_BITS[kind] if kind else 0


def is_common_word(word: str) -> bool:
    """Whether the capitalised `word` is written in lower case in running text ("Truleg", "Det")."""
    return word[:1].isupper() and word.lower() in common_words()


@lru_cache(maxsize=200_000)
def word_class(word: str, dictionary: bool, places: bool = False, common: bool = False) -> int:
    """`gazetteer_class`, plus DICTIONARY_BIT for a dictionary word where `dictionary` is set, the
    PLACE_BITS where `places` is set and COMMON_WORD_BIT for a common word where `common` is set."""
    klass = gazetteer_class(word) | (DICTIONARY_BIT if dictionary and is_dictionary_word(word) else 0)
    if places:
        klass |= place_bits(word)
    if common and is_common_word(word):
        klass |= COMMON_WORD_BIT
    return klass


MIN_HEAD_LENGTH = 3
MIN_MODIFIER_LENGTH = 2


@lru_cache(maxsize=200_000)
def compound_head(word: str) -> str:
    """The last part of a capitalised compound that running text writes as a word of its own,
    lower-cased: "Tuberkuloseforeningen" → "foreningen", "Tafjordfjella" → "fjella", "Nato-styrken"
    → "styrken", "Hansen" → "sen"; the word itself where it is a common word; "" where none is."""
    if not word[:1].isupper():
        return ""
    lower = word.lower().rpartition("-")[2]
    words = common_words()
    if lower in words:
        return lower
    for start in range(MIN_MODIFIER_LENGTH, len(lower) - MIN_HEAD_LENGTH + 1):
        if lower[start:] in words:
            return lower[start:]
    return ""


@lru_cache(maxsize=200_000)
def _class_and_head(word: str, dictionary: bool, places: bool, common: bool) -> tuple[int, int]:
    return word_class(word, dictionary, places, common), get_string_id(compound_head(word))


def _classes_forward(model: Model[list[Doc], list[Ints1d] | list[Ints2d]], docs: list[Doc], is_train: bool):
    options = (model.attrs["dictionary"], model.attrs["places"], model.attrs["common_words"])
    if not model.attrs["compound_heads"]:
        classes = [model.ops.asarray1i([word_class(token.text, *options) for token in doc]) for doc in docs]
        return classes, lambda d_classes: []
    # Two columns: the class, and the hash of the compound head (0 for none) for a hash embedding.
    rows = [
        model.ops.asarray2i(
            [_class_and_head(token.text, *options) for token in doc],
            dtype="uint64",
        ).reshape((len(doc), 2))
        for doc in docs
    ]
    return rows, lambda d_rows: []


def GazetteerClasses(
    dictionary: bool = False, places: bool = False, common_words: bool = False, compound_heads: bool = False,
) -> Model[list[Doc], list[Ints1d] | list[Ints2d]]:
    attrs = {"dictionary": dictionary, "places": places, "common_words": common_words,
             "compound_heads": compound_heads}
    return Model("gazetteer_classes", _classes_forward, attrs=attrs)


@spacy.registry.architectures("nyhetsgraf.WithGazetteer.v1")
def with_gazetteer(
    tok2vec: Model[list[Doc], list[Floats2d]], width: int, dictionary: bool = False, context_depth: int = 0,
    places: bool = False, common_words: bool = False, compound_heads: int = 0,
) -> Model[list[Doc], list[Floats2d]]:
    """`tok2vec`'s vectors with a `width`-wide embedding of each word's gazetteer class appended.

    `dictionary` adds the full-form dictionary bit to the class, `places` the region and Nordic
    village bits and `common_words` the bit of words that running text writes in lower case (both
    need `dictionary`); `compound_heads` > 0 adds to the class embedding a hash embedding with that
    many rows of the word's `compound_head` ("...foreningen" is an organisation, "...fjella" a
    place); `context_depth` > 0 mixes each word's embedding with its neighbours' (one word each
    side per layer), so that "i Tafjord" or "Kari Tafjord" can tell the recognizer what the
    unknown word is.
    """
    if (places or common_words) and not dictionary:
        raise ValueError("nyhetsgraf.WithGazetteer.v1: places and common_words need dictionary = true")
    n_classes = (
        N_CLASSES_WITH_COMMON_WORDS if common_words else N_CLASSES_WITH_PLACES if places
        else N_CLASSES_WITH_DICTIONARY if dictionary else N_CLASSES
    )
    embed: Model = Embed(width, n_classes)
    if compound_heads:
        embed = add(Embed(width, n_classes, column=0), HashEmbed(width, compound_heads, column=1, seed=7))
    if context_depth > 0:
        window = residual(chain(expand_window(window_size=1), Maxout(width, width * 3, nP=2, normalize=True)))
        embed = chain(embed, clone(window, context_depth))
    classes = GazetteerClasses(dictionary, places, common_words, compound_heads=compound_heads > 0)
    gazetteer = chain(classes, with_array(embed))
    model = concatenate(tok2vec, gazetteer)
    if tok2vec.has_dim("nO") and tok2vec.get_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + width)
    return model
