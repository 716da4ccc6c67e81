"""Long and failing articles (issue 17, item 1) and articles that are not Norwegian (item 11)."""

from __future__ import annotations

import logging

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from tests.test_extract import ARTICLE, ruler_pipeline

from nyhetsgraf.extract import Extractor
from nyhetsgraf.nlp.long_text import parse, pieces
from nyhetsgraf.records import Article, Document

PARAGRAPH = ("Rundt 200 havnearbeidere i Bodø la ned arbeidet tirsdag, opplyser NTB. – Vi gir oss ikke, "
             "sier Ingrid Nygård.\n\n")


def _article(text: str, index: int = 0, language: str = "nb") -> Article:
    document = Document(source="lang.txt", text=text, format="text")
    return Article(document=document, index=index, span=(0, len(text)), language=language)


def _small_limit(limit: int):
    def load(language: str) -> Language:
        nlp = ruler_pipeline(language)
        nlp.max_length = limit
        return nlp

    return load


def test_issue_repro_an_article_over_max_length_is_parsed_in_pieces() -> None:
    long_text = PARAGRAPH * 60  # about 6,000 characters against a limit of 1,000
    extractor = Extractor(_small_limit(1000))
    with pytest.raises(ValueError, match="E088"):
        extractor.nlp("nb")(long_text)  # what the whole run died of before
    small, huge = _article(ARTICLE), _article(long_text, index=1)
    [small_facts, huge_facts] = extractor.batch([small, huge])
    assert {e.name for e in small_facts.entities} >= {"Bodø", "NTB"}
    names = {e.name: e for e in huge_facts.entities}
    assert len(names["Ingrid Nygård"].mentions) == 60
    for start, end in names["Ingrid Nygård"].mentions:  # offsets into the whole article, not a piece
        assert long_text[start:end] == "Ingrid Nygård"


def test_issue_repro_a_failing_article_costs_only_itself(caplog: pytest.LogCaptureFixture) -> None:
    def fragile(language: str) -> Language:
        nlp = ruler_pipeline(language)

        @Language.component("explodes_on_boom")
        def explodes(doc):  # type: ignore[no-untyped-def]
            if "BOOM" in doc.text:
                raise RuntimeError("the parser met something it cannot read")
            return doc

        nlp.add_pipe("explodes_on_boom")
        return nlp

    articles = [_article(ARTICLE, 0), _article("BOOM. " + ARTICLE, 1), _article(ARTICLE, 2)]
    with caplog.at_level(logging.WARNING, logger="nyhetsgraf.extract"):
        results = list(Extractor(fragile).pipe(articles, batch_size=3))
    assert [len(facts.entities) > 0 for _, facts in results] == [True, False, True]
    assert [facts.failure for _, facts in results] == [None, "parsing failed", None]
    [record] = caplog.records
    assert "lang.txt #1" in record.getMessage() and "parsing failed" in record.getMessage()
    assert "\n" not in record.getMessage()


def test_a_long_text_on_the_trained_model_keeps_offsets() -> None:
    from nyhetsgraf.nlp import ModelMissing, load

    try:
        nlp = load("nb")
    except ModelMissing:
        pytest.skip("no trained model")
    text = PARAGRAPH * 40
    doc = parse(nlp, text, max_chars=1500)
    assert doc.text == text
    assert [(e.start_char, e.end_char) for e in doc.ents if e.text == "Ingrid Nygård"] == [
        (k * len(PARAGRAPH) + PARAGRAPH.index("Ingrid"), k * len(PARAGRAPH) + PARAGRAPH.index("Ingrid") + 13)
        for k in range(40)]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n\t!"), max_size=400), limit=st.integers(1, 60))
def test_pieces_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    spans = pieces(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in spans) or text == ""
    assert "".join(text[s:e] for s, e in spans) == text


def test_pieces_prefer_paragraph_breaks() -> None:
    text = "Første avsnitt her.\n\nAndre avsnitt her.\n\nTredje."
    expected = ["Første avsnitt her.\n\nAndre avsnitt her.\n\n", "Tredje."]
    assert [text[s:e] for s, e in pieces(text, 45)] == expected


def test_parse_in_pieces_gives_the_same_tokens_as_whole() -> None:
    nlp = spacy.blank("nb")
    text = PARAGRAPH * 10
    whole = [(t.idx, t.text) for t in nlp(text)]
    joined = parse(nlp, text, max_chars=300)
    assert joined.text == text and [(t.idx, t.text) for t in joined] == whole


def test_issue_repro_articles_that_are_not_norwegian_get_no_facts() -> None:
    calls: list[str] = []

    def loader(language: str) -> Language:
        calls.append(language)
        return ruler_pipeline(language)

    english = ("The mayor of Bodø said that the strike was over, and that NTB had been told. They were "
               "glad that it would end.")
    results = Extractor(loader).batch([_article(english, 0, "en"), _article(ARTICLE, 1, "nb"),
                                       _article(english, 2, "sv")])
    assert [len(facts) for facts in results][0] == 0 and len(results[2]) == 0
    assert len(results[1].entities) > 0
    assert calls == ["nb"]
