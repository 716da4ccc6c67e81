"""The Extractor orchestrator: spans are absolute, pipe keeps order, languages load their own model."""

from __future__ import annotations

import gc

import pytest
import spacy
from spacy.language import Language

from nyhetsgraf.extract import Extractor
from nyhetsgraf.records import Article, Document, Facts

PREFIX = " date 2024-04-16 – "
ARTICLE = (
    "Havnearbeidere streiker i Bodø\n\n"
    "Rundt 200 havnearbeidere i Bodø la ned arbeidet tirsdag. Fagforbundet Havn krever høyere lønn.\n\n"
    "– Vi gir oss ikke før kravene er innfridd, sier forbundsleder Ingrid Nygård til NTB.\n\n"
    "Havnedirektør Per Olav Strand opplyser at selskapet vil møte forbundet onsdag.\n\n"
    "– Vi ønsker en rask løsning, sier han."
)


def ruler_pipeline(language: str) -> Language:
    """A blank pipeline with a few fixed names: enough to exercise the orchestration without a model."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "GPE_LOC", "pattern": "Bodø"},
        {"label": "ORG", "pattern": "NTB"},
        {"label": "ORG", "pattern": [{"ORTH": "Fagforbundet"}, {"ORTH": "Havn"}]},
        {"label": "PER", "pattern": [{"ORTH": "Ingrid"}, {"ORTH": "Nygård"}]},
        {"label": "PER", "pattern": [{"ORTH": "Per"}, {"ORTH": "Olav"}, {"ORTH": "Strand"}]},
    ])
    nlp.meta["loaded_for"] = language
    return nlp


def article(text: str = ARTICLE, prefix: str = PREFIX, language: str = "nb", index: int = 0) -> Article:
    document = Document(source="test.txt", text=prefix + text, format="text", date="2024-04-16")
    span = (len(prefix), len(prefix) + len(text))
    return Article(document=document, index=index, span=span, language=language)


def assert_spans_absolute(art: Article, facts: Facts) -> None:
    text = art.document.text
    start, end = art.span
    for entity in facts.entities:
        for s, e in entity.mentions:
            assert start <= s < e <= end
    for quote in facts.quotes:
        assert text[quote.span[0]:quote.span[1]] == quote.text
    for record in [*facts.counts, *facts.events, *facts.times]:
        assert start <= record.span[0] < record.span[1] <= end


def test_extract_gives_canonical_entities_and_absolute_spans() -> None:
    art = article()
    facts = Extractor(ruler_pipeline).extract(art)
    names = {e.name: e for e in facts.entities}
    assert {"Bodø", "NTB", "Fagforbundet Havn", "Ingrid Nygård", "Per Olav Strand"} <= set(names)
    assert len(names["Bodø"].mentions) == 2
    for s, e in names["Bodø"].mentions:
        assert art.document.text[s:e] == "Bodø"
    assert_spans_absolute(art, facts)


def test_pipe_keeps_order_and_loads_each_language_once() -> None:
    loaded: list[str] = []

    def loader(language: str) -> Language:
        loaded.append(language)
        return ruler_pipeline(language)

    articles = [article(language=lang, index=i) for i, lang in enumerate(["nb", "nn", "nb", "nn", "nb"])]
    results = list(Extractor(loader).pipe(articles, batch_size=2))
    assert [a.index for a, _ in results] == [0, 1, 2, 3, 4]
    assert sorted(loaded) == ["nb", "nn"]
    for art, facts in results:
        assert_spans_absolute(art, facts)


def test_pipe_in_worker_processes_gives_the_same_facts_in_input_order() -> None:
    texts = [ARTICLE, ARTICLE.replace("Bodø", "Narvik"), ARTICLE.replace("200", "350")]
    articles = [article(text=texts[i % 3], language=lang, index=i)
                for i, lang in enumerate(["nb", "nn", "nb", "nn", "nb", "nb", "nn"])]
    serial = list(Extractor(ruler_pipeline).pipe(articles, batch_size=2))
    parallel = list(Extractor(ruler_pipeline).pipe(articles, batch_size=2, workers=2))
    assert [a.index for a, _ in parallel] == list(range(7))
    assert [facts for _, facts in parallel] == [facts for _, facts in serial]
    assert any(count.value == 350 for count in parallel[2][1].counts)


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    def broken(language: str) -> Language:
        raise RuntimeError(f"no model for {language}")

    with pytest.raises(RuntimeError, match="no model for nb"):
        list(Extractor(broken).pipe([article()], workers=2))


def trained_model_available() -> bool:
    from nyhetsgraf.nlp import ModelMissing, load

    try:
        load("nb")
    except ModelMissing:
        return False
    return True


@pytest.mark.slow
def test_trained_model_finds_quotes_speakers_and_events() -> None:
    if not trained_model_available():
        pytest.skip("the trained nb model is not installed")
    art = article()
    facts = Extractor().extract(art)
    assert_spans_absolute(art, facts)
    quotes = {q.text: q for q in facts.quotes}
    first = quotes.get("Vi gir oss ikke før kravene er innfridd")
    assert first is not None and first.direct and first.speaker == "Ingrid Nygård"
    second = quotes.get("Vi ønsker en rask løsning")
    assert second is not None and second.speaker == "Per Olav Strand"
    reported = [q for q in facts.quotes if not q.direct]
    assert any(q.text.startswith("selskapet vil møte forbundet") and q.speaker == "Per Olav Strand"
               for q in reported)
    assert any(e.type == "REQUEST" for e in facts.events)


def test_a_language_without_a_model_falls_back_to_bokmal(monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.nlp

    def load(language: str) -> Language:
        if language != "nb":
            raise nyhetsgraf.nlp.ModelMissing(f"no {language} model")
        return ruler_pipeline(language)

    monkeypatch.setattr(nyhetsgraf.nlp, "load", load)
    facts = Extractor().extract(article(language="nn"))
    assert "Bodø" in {e.name for e in facts.entities}


def test_pipe_batches_each_language_apart_reading_a_bounded_way_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.extract as extract

    batches: list[list[tuple[str, int]]] = []
    extractor = Extractor(ruler_pipeline)
    original = extractor.batch

    def recording_batch(articles: list[Article]) -> list[Facts]:
        batches.append([(a.language, a.index) for a in articles])
        return original(articles)

    monkeypatch.setattr(extractor, "batch", recording_batch)
    monkeypatch.setattr(extract, "_READ_AHEAD", 3)
    languages = ["nb", "nb", "nn", "nb", "nb", "nb", "nb", "nb", "nb", "nb", "nn", "nb", "en"]
    articles = [article(language=lang, index=i) for i, lang in enumerate(languages)]
    results = list(extractor.pipe(articles, batch_size=2))
    assert [a.index for a, _ in results] == list(range(len(languages)))
    assert all(len({lang for lang, _ in batch}) == 1 and len(batch) <= 2 for batch in batches)
    # the lone nynorsk article waits until 3 batches of 2 articles are read, then goes alone
    assert batches[:4] == [[("nb", 0), ("nb", 1)], [("nb", 3), ("nb", 4)], [("nb", 5), ("nb", 6)],
                           [("nn", 2)]]
    assert sorted(index for batch in batches for _, index in batch) == list(range(len(languages)))
    assert results[12][1] == Facts()  # no model reads English: no facts, in its place
    assert results[10][1].entities and results[2][1].entities


def test_a_loaded_pipeline_is_kept_out_of_full_garbage_collections() -> None:
    extractor = Extractor(ruler_pipeline)
    extractor.nlp("nb")
    frozen = gc.get_freeze_count()
    assert frozen > 0  # the pipeline and what was imported before it are frozen once it has loaded
    extractor.nlp("nb")  # an already loaded pipeline freezes nothing new
    assert gc.get_freeze_count() == frozen
