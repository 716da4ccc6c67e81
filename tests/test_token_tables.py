"""Per-Doc tables the finders read instead of making spaCy Token objects: each must give exactly what
the Token attribute it stands for gives (hand-built Docs, no trained model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from nyhetsgraf.extract.entities import _sentence_initial, _sentence_initial_at
from nyhetsgraf.extract.syntax import (
    doc_text,
    looks_like_verb,
    looks_like_verb_at,
    morph_values,
    sentence_start_flags,
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


def _doc(sent_starts: list[bool] | None = SENT_STARTS) -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES, pos=POS, morphs=MORPHS, sent_starts=sent_starts)


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
