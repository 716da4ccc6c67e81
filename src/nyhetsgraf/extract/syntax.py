"""Small parse helpers shared by the extractors.

The trained pipeline gives NDT dependency labels (SUBJ, DOBJ, FINV, PUTFYLL, ...), UPOS in
``pos_`` and NDT tags in ``tag_``. Everything here also copes with a Doc that has no parse
(labels empty, every token its own head), so surface rules still run.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token

from nyhetsgraf.resources.fullforms import full_forms
from nyhetsgraf.resources.words import month_names, weekday_names

DASHES = ("–", "—", "-", "−")

SUBJECT_DEPS = {"SUBJ", "nsubj", "nsubj:pass"}
# Bokmål weekday names, a closed class several extractors treat apart from other nouns.
WEEKDAYS = weekday_names("nb")


def is_space(token: Token) -> bool:
    return token.is_space or token.text.isspace()


def is_punct(token: Token) -> bool:
    """Punctuation, also in a Doc whose vocab has no lexical attribute getters."""
    text = token.text
    return token.is_punct or (bool(text) and all(unicodedata.category(ch)[0] in "PS" for ch in text))


def low(token: Token) -> str:
    """Lower-case form, also in a Doc whose vocab has no lexical attribute getters."""
    return token.lower_ or token.text.lower()


def dep(token: Token) -> str:
    return token.dep_ or ""


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the paragraphs (lines) of a Doc."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for token in doc:
        if is_space(token):
            if start is not None:
                ranges.append((start, token.i))
                start = None
            continue
        if start is None:
            start = token.i
        if "\n" in token.whitespace_:
            ranges.append((start, token.i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(doc)))
    return ranges


_TERMINAL = (".", "!", "?", "…", ":", "»", '"', "”", ";")


def sentences(doc: Doc) -> list[Span]:
    """Sentences that never cross a line break and start only after terminal punctuation.

    The model's sentence starts are kept only where the previous token ends a sentence, so a
    spurious break inside a clause ("Bush | sa hun ...") does not split it; a line break always
    does. Whitespace tokens belong to no sentence. Computed once per Doc: every extractor asks.
    """
    key = ("nyhetsgraf", "sentences")
    if key not in doc.user_data:
        doc.user_data[key] = tuple(_sentences(doc))
    return list(doc.user_data[key])


def _sentences(doc: Doc) -> list[Span]:
    has_starts = has_sentence_starts(doc)
    result: list[Span] = []
    start: int | None = None
    for token in doc:
        if is_space(token):
            if start is not None:
                result.append(doc[start:token.i])
                start = None
            continue
        if start is None:
            start = token.i
            continue
        previous = doc[token.i - 1]
        breaks = "\n" in previous.whitespace_ or (
            has_starts and token.is_sent_start and previous.text.endswith(_TERMINAL)
        ) or (previous.text in (".", "!", "?") and token.text[:1].isupper() and token.i >= 2
              and len(doc[token.i - 2].text) > 1)  # a full stop before a capital, not "W. Olsen"
        if breaks:
            result.append(doc[start:token.i])
            start = token.i
    if start is not None:
        result.append(doc[start:len(doc)])
    return result


def has_sentence_starts(doc: Doc) -> bool:
    key = ("nyhetsgraf", "has_sent_start")
    if key not in doc.user_data:
        doc.user_data[key] = doc.has_annotation("SENT_START")
    return bool(doc.user_data[key])


def has_parse(doc: Doc) -> bool:
    key = ("nyhetsgraf", "has_dep")
    if key not in doc.user_data:  # has_annotation scans every token: ask once per Doc
        doc.user_data[key] = doc.has_annotation("DEP")
    return bool(doc.user_data[key])


def clause_head(token: Token) -> Token:
    """The finite verb heading the clause of a token (itself when it is one)."""
    current = token
    for _ in range(50):
        if current.pos_ in ("VERB", "AUX") and dep(current) in ("FINV", "ROOT", "KOORD", "SBU", ""):
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def subject_of(verb: Token) -> Token | None:
    """Subject of a verb, looking up through auxiliaries/infinitive chains and coordination."""
    current: Token | None = verb
    seen = 0
    while current is not None and seen < 6:
        seen += 1
        subjects = [c for c in current.children if dep(c) in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if dep(current) in ("INFV", "xcomp", "KOORD", "conj", "aux") and current.head is not current:
            current = current.head
            continue
        break
    return None


def lemma(token: Token) -> str:
    return (token.lemma_ or low(token)).lower()


def verb_lemmas(token: Token) -> list[str]:
    """Lemmas of a verb form from a full-form dictionary ("pågrep" -> "pågripe"), for tokens the
    statistical lemmatizer gets wrong."""
    return list(full_forms().lemmas(low(token), "verb"))


_CLOSED_CLASS = {"begge", "deretter", "dermed", "derfor", "samtidig", "likevel", "ifølge", *month_names(),
                 *WEEKDAYS}


def is_common_word(word: str) -> bool:
    """Whether a word is a common word rather than a name: an inflected noun, adjective, verb or adverb
    ("Kommunen", "Amerikanske"), a function word ("Begge", "Noe") or a month or weekday."""
    from spacy.lang.nb.stop_words import STOP_WORDS

    form = word.lower()
    if form in STOP_WORDS or form in _CLOSED_CLASS:
        return True
    return full_forms().known(form)


def is_noun_form(word: str) -> bool:
    """Whether a word is an inflected common noun in the full-form dictionary."""
    return full_forms().has(word.lower(), "noun")


def looks_like_verb(token: Token) -> bool:
    """A verb by its tag, or a verb form the tagger took for a noun or adjective ("pågrep", "stanset")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    previous = token.doc[token.i - 1] if token.i > 0 else None
    # "den fornærma": a participle used as a noun
    after_determiner = previous is not None and (
        previous.pos_ == "DET" or low(previous) in ("den", "det", "de")
    )
    return token.pos_ in ("NOUN", "ADJ") and token.text.islower() and bool(verb_lemmas(token)) \
        and not is_noun_form(token.text) and not after_determiner


def is_infinitive(token: Token) -> bool:
    """An infinitive by its morphology, or a form that is its own lemma in the verb dictionary."""
    if "Inf" in token.morph.get("VerbForm"):
        return True
    own_lemma = low(token) in verb_lemmas(token)
    return token.pos_ not in ("NOUN", "PROPN") and own_lemma and not is_noun_form(token.text)


def is_adjective_form(word: str) -> bool:
    """Whether a word is an inflected adjective in the full-form dictionary ("isolerte")."""
    return full_forms().has(word.lower(), "adj")
