"""Gazetteer features for the entity recognizer, registered with spaCy's architecture registry.

The recognizer learns the names of its training data by heart, but most of its remaining errors
are types of names it never saw: a small town taken for a person, a country for an organisation.
The shipped gazetteers know many such names, so each word gets a class from them (known first
name; country; town, by population; optionally, a word of the Norwegian full-form dictionary)
and the recognizer sees a small learned embedding of that class next to its contextual vectors.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc
from thinc.api import Embed, Maxout, Model, chain, clone, concatenate, expand_window, residual, with_array
from thinc.types import Floats2d, Ints1d

from nyhetsgraf.gazetteer import is_country, town_population, without_genitive

# Town populations are bucketed: no town, a town (the table starts at 15,000), a city, a metropolis.
TOWN_BUCKETS = (100_000, 1_000_000)
TOWN_SHIFT = 2
DICTIONARY_BIT = 1 << (TOWN_SHIFT + 2)
N_CLASSES = DICTIONARY_BIT
N_CLASSES_WITH_DICTIONARY = 2 * DICTIONARY_BIT


def _town_bucket(population: int) -> int:
    if population <= 0:
        return 0
    return 1 + sum(population >= limit for limit in TOWN_BUCKETS)


@lru_cache(maxsize=200_000)
def gazetteer_class(word: str) -> int:
    """A number in [0, N_CLASSES) that says what the gazetteers know about the capitalised `word`
    (a genitive counts as its base form): bit 0 known first name, bit 1 country, bits 2-3 town size.
    Lower-case words are class 0: "per" and "bo" are no names."""
    from nyhetsgraf.extract.lexicon import first_names  # the shared name lexicon

    if not word[:1].isupper():
        return 0
    base = without_genitive(word)
    first_name = word.casefold() in first_names().genders
    country = is_country(word) or is_country(base)
    town = _town_bucket(max(town_population(word), town_population(base)))
    return int(first_name) | int(country) << 1 | town << TOWN_SHIFT


@lru_cache(maxsize=200_000)
def is_dictionary_word(word: str) -> bool:
    """Whether the lower-cased capitalised `word` is a noun, verb, adjective or adverb form of the
    Norwegian full-form table ("Danner", "Helt"); names mostly are not ("Tafjord", "Hansen")."""
    from nyhetsgraf.nlp.components import lemma_exceptions

    lower = word.lower()
    return word[:1].isupper() and any(lower in forms for forms in lemma_exceptions().values())


def word_class(word: str, dictionary: bool) -> int:
    """`gazetteer_class`, plus DICTIONARY_BIT for a dictionary word where `dictionary` is set."""
    return gazetteer_class(word) | (DICTIONARY_BIT if dictionary and is_dictionary_word(word) else 0)


def _classes_forward(model: Model[list[Doc], list[Ints1d]], docs: list[Doc], is_train: bool):
    ops, dictionary = model.ops, model.attrs["dictionary"]
    classes = [ops.asarray1i([word_class(token.text, dictionary) for token in doc]) for doc in docs]
    return classes, lambda d_classes: []


def GazetteerClasses(dictionary: bool = False) -> Model[list[Doc], list[Ints1d]]:
    return Model("gazetteer_classes", _classes_forward, attrs={"dictionary": dictionary})


@spacy.registry.architectures("nyhetsgraf.WithGazetteer.v1")
def with_gazetteer(
    tok2vec: Model[list[Doc], list[Floats2d]], width: int, dictionary: bool = False, context_depth: int = 0,
) -> Model[list[Doc], list[Floats2d]]:
    """`tok2vec`'s vectors with a `width`-wide embedding of each word's gazetteer class appended.

    `dictionary` adds the full-form dictionary bit to the class; `context_depth` > 0 mixes each
    word's class embedding with its neighbours' (one word each side per layer), so that "i Tafjord"
    or "Kari Tafjord" can tell the recognizer what the unknown word is.
    """
    n_classes = N_CLASSES_WITH_DICTIONARY if dictionary else N_CLASSES
    embed: Model[Floats2d, Floats2d] = Embed(width, n_classes)
    if context_depth > 0:
        window = residual(chain(expand_window(window_size=1), Maxout(width, width * 3, nP=2, normalize=True)))
        embed = chain(embed, clone(window, context_depth))
    gazetteer = chain(GazetteerClasses(dictionary), with_array(embed))
    model = concatenate(tok2vec, gazetteer)
    if tok2vec.has_dim("nO") and tok2vec.get_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + width)
    return model
