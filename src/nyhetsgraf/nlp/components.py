"""Custom pipeline pieces of the Norwegian models, registered with spaCy on import.

`nyhetsgraf.nlp` imports this module before loading a model, so the packaged pipelines load
with the plain spaCy registry mechanism; it is also the `--code` file of the training commands,
and it imports `features` so that the recognizer's architecture is registered too.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from nyhetsgraf.nlp import features  # noqa: F401  (registers the recognizer's gazetteer features)
from nyhetsgraf.nlp.entity_types import split_at_whitespace
from nyhetsgraf.nlp.lemma_table import LOOKUP_POS
from nyhetsgraf.resources.fullforms import full_forms

NEWLINE_SENTS = "nyhetsgraf_newline_sents"

# A full stop after a year or after a number with a thousands/decimal/time separator ends the
# sentence ("i 2020.", "12.000.", "kl. 14.30."); after a short number it marks an ordinal
# ("3. januar") and stays attached, which the Norwegian defaults already do.
_NUMBER_FINAL_STOP = [r"(?<=[0-9]{4})\.", r"(?<=[.,:][0-9]{2})\.", r"(?<=[.,:][0-9]{3})\."]


def customize_norwegian_tokenizer(nlp: Language) -> Language:
    """Add the news-specific suffix rules to the tokenizer of `nlp` (changes it in place)."""
    suffixes = list(nlp.Defaults.suffixes or []) + _NUMBER_FINAL_STOP
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


@spacy.registry.callbacks("nyhetsgraf.norwegian_tokenizer.v1")
def make_tokenizer_callback() -> Callable[[Language], Language]:
    """Used as [initialize.before_init]; the rules are saved with the tokenizer of the model."""
    return customize_norwegian_tokenizer


@Language.component(NEWLINE_SENTS)
def newline_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break; whitespace tokens join the sentence before them.

    Articles are processed as one Doc with headlines and paragraphs separated by newlines, and
    a headline usually has no final punctuation, so the parser alone would run it into the
    next paragraph.
    """
    after_newline = False
    for token in doc:
        if token.is_space:
            if token.i > 0:
                token.is_sent_start = False
            after_newline = after_newline or "\n" in token.text
            continue
        if after_newline or (token.i > 0 and "\n" in doc[token.i - 1].whitespace_):
            token.is_sent_start = True
        elif token.i > 0 and doc[token.i - 1].is_space and "\n" not in doc[token.i - 1].text:
            token.is_sent_start = False
        after_newline = False
    return doc


LINE_BREAK_NORMS = "nyhetsgraf_line_break_norms"


@Language.component(LINE_BREAK_NORMS)
def line_breaks_as_full_stops(doc: Doc) -> Doc:
    """Give each line-break token the norm of a full stop, for the statistical components after it.

    NorNE has no whitespace tokens, so the models never saw a line break: the parser ran a
    headline into the next line, and the recognizer missed the name at a headline's end or took
    the line break into it. A headline ends where a sentence would end with a full stop, so that
    is what they are shown. It runs first.
    """
    for token in doc:
        if token.is_space and "\n" in token.text:
            token.norm_ = "."
    return doc


SPACE_TAGS = "nyhetsgraf_space_tags"


@Language.component(SPACE_TAGS)
def tag_whitespace_tokens(doc: Doc) -> Doc:
    """Give newline/whitespace tokens the SPACE tag and keep them out of entities.

    The statistical components never saw whitespace tokens in training (NorNE has none).
    """
    for token in doc:
        if token.is_space:
            token.pos_ = "SPACE"
            token.tag_ = "_SP"
            token.lemma_ = token.text
    if any(token.is_space and token.ent_type for token in doc):
        doc.ents = split_at_whitespace(list(doc.ents))
    return doc


LEMMA_CASE = "nyhetsgraf_lemma_case"


@Language.component(LEMMA_CASE)
def fix_capitalized_lemmas(doc: Doc) -> Doc:
    """Lemmatize capitalized common words ("Soldatene" first in a sentence) via their lower-case form.

    NDT lemmas of common words are lower case, so the edit-tree lemmatizer rarely learns the
    case change and returns such a form unchanged; the full-form table then supplies the lemma.
    """
    for token in doc:
        pos = LOOKUP_POS.get(token.pos_)
        if pos is None or not token.text[:1].isupper() or token.lemma_ != token.text:
            continue
        lower = token.text.lower()
        candidates = full_forms().lemmas(lower, pos)
        token.lemma_ = candidates[0] if candidates else lower
    return doc
