"""The packaged Norwegian pipelines: tokenizer, sentences, tags, lemmas, entities, evaluation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from spacy.language import Language

from nyhetsgraf import nlp as nlp_module
from nyhetsgraf.nlp import evaluate as evaluate_module
from nyhetsgraf.nlp import ndt

SHARED = Path(os.environ.get("NYHETSGRAF_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


@pytest.fixture(scope="module")
def nb() -> Language:
    return nlp_module.load("nb")


def tokens(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp.make_doc(text)]


def test_load_is_cached_and_nn_is_separate(nb: Language) -> None:
    assert nlp_module.load("nb") is nb
    assert nlp_module.load("engelsk") is nb
    nn = nlp_module.load("nn")
    assert nn is not nb
    assert nlp_module.model_path("nn").name == "nn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Styret møttes bl.a. i Tromsø kl. 09.00.", ["bl.a.", "kl.", "09.00", "."]),
        ("Det gjelder f.eks. vei nr. 7 og ca. 40 mill. kroner.", ["f.eks.", "nr.", "ca.", "mill."]),
        ("Fristen er 3. januar neste år.", ["3.", "januar"]),
        ("Kommunen har 5.200 innbyggere og vokste 1,5 prosent.", ["5.200", "1,5"]),
        ("Prisen steg i 2023. Ingen ble overrasket.", ["2023", ".", "Ingen"]),
    ],
)
def test_tokenizer_keeps_news_units_together(nb: Language, text: str, expected: list[str]) -> None:
    found = tokens(nb, text)
    for token in expected:
        assert token in found, (token, found)


def test_tokenizer_splits_dash_quotes_guillemets_and_keeps_hyphenated_names(nb: Language) -> None:
    found = tokens(nb, "– Vi venter på «Fjordbussen», sa den USA-ledede Nato-styrken.")
    assert found[:2] == ["–", "Vi"]
    assert "«" in found and "»" in found and "Fjordbussen" in found
    assert "USA-ledede" in found and "Nato-styrken" in found


def test_every_line_starts_a_sentence_without_whitespace_sentences(nb: Language) -> None:
    doc = nb("Brann i lagerhall på Hamar\n\nBrannvesenet rykket ut natt til søndag.\n"
             "– Ingen er skadd, sier vakthavende.")
    sentences = [sent.text.strip() for sent in doc.sents]
    assert sentences[0] == "Brann i lagerhall på Hamar"
    assert sentences[1].startswith("Brannvesenet")
    assert sentences[-1].startswith("– Ingen er skadd")
    assert all(sentence for sentence in sentences)


def test_line_breaks_look_like_full_stops_to_the_models(nb: Language) -> None:
    from nyhetsgraf.nlp.components import line_breaks_as_full_stops

    doc = line_breaks_as_full_stops(nb.make_doc("Storbrann i Sogndal\nTo personar vart skadde i natt ."))
    assert [token.norm_ for token in doc if token.is_space] == ["."]
    assert doc[2].norm_ == "sogndal"  # other words keep their own norm


def test_a_name_that_ends_a_headline_is_found(nb: Language) -> None:
    doc = nb("Storbrann i Drammen\nBrannvesenet rykket ut natt til søndag. Ingen ble skadet.")
    assert ("Drammen", "GPE_LOC") in {(ent.text, ent.label_) for ent in doc.ents}
    assert all(not token.is_space for ent in doc.ents for token in ent)


def test_entities_tags_and_morphology(nb: Language) -> None:
    doc = nb("Statsminister Jonas Gahr Støre besøkte Tyskland på mandag.")
    entities = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Jonas Gahr Støre", "PER") in entities
    assert any(ent.text == "Tyskland" and ent.label_.startswith("GPE") for ent in doc.ents)
    verb = doc[4]
    assert verb.pos_ == "VERB" and verb.tag_ == "verb"
    assert verb.morph.get("Tense") == ["Past"]


def test_lemmas(nb: Language) -> None:
    doc = nb("Soldatene trakk seg ut, og soldatene dro hjem.")
    assert doc[0].lemma_.lower() == "soldat"
    assert doc[6].lemma_ == "soldat"
    assert doc[0].morph.get("Definite") == ["Def"]
    assert doc[0].morph.get("Number") == ["Plur"]


NDT_SNIPPET = """\
# sent_id = eget_0001:1
1\tKari\tKari\tsubst\tsubst\tprop\t3\tSUBJ\t_\tname=B-PER
2\tNordmann\tNordmann\tsubst\tsubst\tprop\t1\tFLAT\t_\tname=I-PER
3\tflyttet\tflytte\tverb\tverb\tpret\t0\tFINV\t_\tname=O
4\ttil\ttil\tprep\tprep\t_\t3\tADV\t_\tname=O
5\tBergen\tBergen\tsubst\tsubst\tprop\t4\tPUTFYLL\t_\tname=B-GPE_LOC
6\t.\t$.\tclb\tclb\t<punkt>\t3\tIP\t_\tname=O

# sent_id = eget_0001:2
1\tHun\thun\tpron\tpron\tent|pers|hum|3|fem|nom\t2\tSUBJ\t_\tname=O
2\tliker\tlike\tverb\tverb\tpres\t0\tFINV\t_\tname=O
3\tbyen\tby\tsubst\tsubst\tappell|mask|be|ent\t2\tDOBJ\t_\tname=O
4\t.\t$.\tclb\tclb\t<punkt>\t2\tIP\t_\tname=O
5\t|\t$|\tclb\tclb\t<overskrift>\t2\tIP\t_\tname=O
"""


def test_evaluate_prints_json_scores_as_last_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    snippet = tmp_path / "snippet.conll"
    snippet.write_text(NDT_SNIPPET, encoding="utf-8")
    assert evaluate_module.main([str(snippet), "--lang", "nb"]) == 0
    scores = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    expected_keys = {"ents_p", "ents_r", "ents_f", "ents_per_type", "pos_acc", "lemma_acc", "uas", "las",
                     "sents_f", "words_per_second"}
    assert expected_keys <= scores.keys()
    assert scores["pos_acc"] > 0.7  # 9 tokens after the headline marker is dropped
    assert 0.0 <= scores["ents_f"] <= 1.0 and 0.0 <= scores["las"] <= 1.0


def test_evaluate_can_leave_a_component_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    snippet = tmp_path / "snippet.conll"
    snippet.write_text(NDT_SNIPPET, encoding="utf-8")
    assert evaluate_module.main([str(snippet), "--exclude", "parser"]) == 0
    scores = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert scores["las"] == 0.0 and scores["pos_acc"] > 0.7


HEADLINE_SNIPPET = """\
# sent_id = eget_0002:1
1\tNy\tny\tadj\tadj\tub|m/f|ent|pos\t2\tATR\t_\tname=O
2\tordfører\tordfører\tsubst\tsubst\tappell|mask|ub|ent\t0\tFRAG\t_\tname=O
3\ti\ti\tprep\tprep\t_\t2\tATR\t_\tname=O
4\tBergen\tBergen\tsubst\tsubst\tprop\t3\tPUTFYLL\t_\tname=B-GPE_LOC
5\t|\t$|\tclb\tclb\t<overskrift>\t2\tIP\t_\tname=O

# sent_id = eget_0002:2
1\tKari\tKari\tsubst\tsubst\tprop\t3\tSUBJ\t_\tname=B-PER
2\tNordmann\tNordmann\tsubst\tsubst\tprop\t1\tFLAT\t_\tname=I-PER
3\ttok\tta\tverb\tverb\tpret\t0\tFINV\t_\tname=O
4\tover\tover\tprep\tprep\t_\t3\tADV\t_\tname=O
5\t.\t$.\tclb\tclb\t<punkt>\t3\tIP\t_\tname=O
"""


def test_evaluate_gives_the_pipeline_a_line_break_after_each_headline(tmp_path: Path) -> None:
    snippet = tmp_path / "headline.conll"
    snippet.write_text(HEADLINE_SNIPPET, encoding="utf-8")
    nlp = nlp_module.load("nb")
    (gold,) = evaluate_module.gold_docs(nlp, snippet)
    assert "|" not in [token.text for token in gold]  # the marker is not scored
    laid_out = ndt.article_layout(gold)
    assert laid_out.text == "Ny ordfører i Bergen\nKari Nordmann tok over . "
    assert ndt.article_layout(gold, glue_headlines=True).text == gold.text
    with_entities = ndt.article_layout(gold, with_entities=True)
    entities = [(ent.text, ent.label_) for ent in with_entities.ents]
    assert entities == [("Bergen", "GPE_LOC"), ("Kari Nordmann", "PER")]
    (predicted,), _ = evaluate_module.predict(nlp, [gold])
    kari = predicted[5]  # after "Ny ordfører i Bergen" and the line break
    assert kari.text == "Kari" and kari.is_sent_start
    scores = evaluate_module.evaluate(snippet, nlp)
    assert scores["sents_f"] == 1.0


def test_evaluate_missing_file_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate_module.main(["no-such-file.conll"]) == 2
    assert "file not found" in capsys.readouterr().err


@pytest.mark.slow
def test_scores_on_shared_dev_subset(tmp_path: Path) -> None:
    dev = SHARED / "data" / "norne" / "nob" / "dev.conll"
    if not dev.exists():
        pytest.skip("shared NorNE data not present")
    blocks = dev.read_text(encoding="utf-8").split("\n\n")[:400]
    subset = tmp_path / "dev-subset.conll"
    subset.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    scores = evaluate_module.evaluate(subset, nlp_module.load("nb"))
    assert scores["ents_f"] > 0.7
    assert scores["pos_acc"] > 0.93
    assert scores["las"] > 0.75


def _analyses(nlp: Language, texts: list[str]) -> list[tuple]:
    return [[(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)]


def test_matrix_products_through_numpy_give_the_same_analyses_as_blis(nb: Language) -> None:
    """The shipped pipeline multiplies with numpy/OpenBLAS (faster here); thinc's BLIS kernels must
    give the same tags, lemmas, trees and entities, so switching changes speed only."""
    from thinc.api import NumpyOps

    texts = ["Statsminister Jonas Gahr Støre møtte tirsdag Sveriges statsminister i Oslo.",
             "– Vi sender 40 soldater til Irak i mars, sa forsvarsminister Ola Hansen til NTB.",
             "Kommunestyret i Bodø vedtok å stenge tre skoler etter at budsjettet sprakk."]
    layers = [layer for _n, pipe in nb.pipeline if hasattr(pipe, "model") for layer in pipe.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    with_numpy = _analyses(nb, texts)
    try:
        nlp_module.set_ops(nb, NumpyOps())
        assert all(layer.ops.use_blis for layer in layers)
        assert _analyses(nb, texts) == with_numpy
    finally:
        nlp_module.use_numpy_matmul(nb)
    assert any(token[7] == "PER" for doc in with_numpy for token in doc)
