"""Per-Doc tables the finders read instead of making spaCy Token objects: each must give exactly what
the Token attribute it stands for gives (hand-built Docs, no trained model needed)."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc
from spacy.vocab import Vocab

from nyhetsgraf.extract.entities import _sentence_initial, _sentence_initial_at
from nyhetsgraf.extract.syntax import (
    doc_text,
    looks_like_verb,
    looks_like_verb_at,
    morph_values,
    parse_table,
    remembered_flags,
    sentence_start_flags,
    span_text,
    token_offsets,
    token_table,
)

WORDS = ["Regjeringen", "la", "fram", "budsjettet", "tirsdag", ".", "\n", "–", "Det", "er", "et", "godt",
         "budsjett", ",", "sier", "Støre", "."]
SPACES = [True, True, True, True, False, False, False, True, True, True, True, True, False, True, True,
          False, False]
POS = ["NOUN", "VERB", "ADP", "NOUN", "NOUN", "PUNCT", "SPACE", "PUNCT", "PRON", "AUX", "DET", "ADJ",
       "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"]
MORPHS = ["Definite=Def|Gender=Masc|Number=Sing", "Mood=Ind|Tense=Past|VerbForm=Fin", "", "Definite=Def",
          "", "", "", "", "Case=Acc,Nom|Gender=Neut", "Mood=Ind|Tense=Pres|VerbForm=Fin", "", "Degree=Pos",
          "Definite=Ind", "", "Mood=Ind|Tense=Pres|VerbForm=Fin", "", ""]
SENT_STARTS = [True, False, False, False, False, False, False, True, False, False, False, False, False, False,
               False, False, False]


# "la" heads "Regjeringen", "fram" and "budsjettet"; "sier" heads the quoted clause and "Støre"
HEADS = [1, 1, 1, 1, 1, 1, 6, 9, 9, 14, 12, 12, 9, 14, 14, 14, 14]
DEPS = ["SUBJ", "ROOT", "PRT", "DOBJ", "ADV", "IP", "", "IP", "SUBJ", "DOBJ", "DET", "ATR", "SPRED", "IP",
        "ROOT", "SUBJ", "IP"]


def _doc(sent_starts: list[bool] | None = SENT_STARTS) -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES, pos=POS, morphs=MORPHS, sent_starts=sent_starts)


def _parsed_doc() -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES, pos=POS, morphs=MORPHS, heads=HEADS, deps=DEPS)


def test_doc_text_is_the_text_spacy_joins() -> None:
    doc = _doc()
    expected = "Regjeringen la fram budsjettet tirsdag.\n– Det er et godt budsjett, sier Støre."
    assert doc_text(doc) == doc.text == expected
    assert doc_text(Doc(Vocab(), words=[])) == ""


def test_morph_values_are_those_of_the_analysis() -> None:
    doc = _doc()
    for token in doc:
        for field in ("VerbForm", "Tense", "Case", "Definite", "Number", "Voice"):
            assert morph_values(token, field) == tuple(token.morph.get(field))
    assert morph_values(doc[8], "Case") == ("Acc", "Nom")
    assert "Fin" in morph_values(doc[1], "VerbForm") and not morph_values(doc[2], "VerbForm")


def test_sentence_starts_and_offsets_are_those_of_the_tokens() -> None:
    for sent_starts in (SENT_STARTS, None):
        doc = _doc(sent_starts)
        assert sentence_start_flags(doc) == [token.is_sent_start is True for token in doc]
        assert token_offsets(doc) == [token.idx for token in doc]
    assert sentence_start_flags(Doc(Vocab(), words=[])) == []


def test_sentence_initial_from_the_table_agrees_with_the_token() -> None:
    doc = _doc()
    expected = [True, False, False, False, False, False, True, True, True, False, False, False, False, False,
                False, False, False]
    assert [_sentence_initial_at(doc, i) for i in range(len(doc))] == expected
    assert [_sentence_initial(token) for token in doc] == expected


def test_verb_reading_from_the_table_agrees_with_the_token() -> None:
    doc = _doc()
    table = token_table(doc)
    assert [looks_like_verb_at(table, i) for i in range(len(doc))] == [looks_like_verb(t) for t in doc]
    assert looks_like_verb_at(table, 1) and looks_like_verb_at(table, 14) and not looks_like_verb_at(table, 0)


def test_token_table_gives_the_token_attributes() -> None:
    doc = _doc()
    table = token_table(doc)
    assert table.texts == [token.text for token in doc]
    assert table.pos == [token.pos_ for token in doc]
    assert table.lemmas == [(token.lemma_ or token.lower_ or token.text.lower()).lower() for token in doc]


def test_parse_table_gives_heads_labels_and_children_of_the_tokens() -> None:
    for doc in (_parsed_doc(), _doc()):  # with a parse, and without one (every token its own head)
        table = parse_table(doc)
        assert table.heads == [token.head.i for token in doc]
        assert table.deps == [token.dep_ for token in doc]
        assert table.children == [[child.i for child in token.children] for token in doc]
    table = parse_table(_parsed_doc())
    assert table.children[1] == [0, 2, 3, 4, 5] and table.deps[15] == "SUBJ" and table.heads[7] == 9
    assert parse_table(Doc(Vocab(), words=[])).heads == []


def test_span_text_is_the_text_of_the_span() -> None:
    doc = _doc()
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text
    assert span_text(doc, 14, 16) == "sier Støre"


def test_token_table_flags_agree_with_the_tokens_in_every_vocab() -> None:
    # the same words in a second vocab: a word's flags are read per vocab, never mixed between them
    for doc in (_doc(), Doc(Vocab(), words=WORDS, spaces=SPACES)):
        table = token_table(doc)
        assert table.lower_attrs == [token.lower_ for token in doc]
        assert table.spaces == [token.is_space or token.text.isspace() for token in doc]
        assert table.punct_flags == [token.is_punct for token in doc]
        assert table.puncts == [token.is_punct or bool(token.text) and all(
            unicodedata.category(ch)[0] in "PS" for ch in token.text) for token in doc]
        assert table.trailing == [bool(token.whitespace_) for token in doc]


def test_remembered_flags_test_each_new_word_once() -> None:
    asked: list[str] = []

    def is_long(word: str) -> bool:
        asked.append(word)
        return len(word) > 3

    memo: dict[str, bool] = {}
    assert remembered_flags(memo, ["sa", "budsjett", "sa"], is_long) == [False, True, False]
    assert remembered_flags(memo, ["budsjett", "og", "sa"], is_long) == [True, False, False]
    assert asked == ["sa", "budsjett", "og"]
