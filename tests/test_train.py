"""Training plumbing that runs without NorNE: corpus layout, missing data, packaged model shape."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from nyhetsgraf import nlp as nlp_module
from nyhetsgraf.cli import app
from nyhetsgraf.nlp import train as train_module
from nyhetsgraf.nlp.components import NEWLINE_SENTS
from nyhetsgraf.nlp.entity_types import ENTITY_TYPES

MODEL_SIZE_LIMIT = 50 * 2**20


def test_joint_ner_corpus_puts_every_language_in_one_folder_per_split(tmp_path: Path) -> None:
    corpora = {}
    for lang in ("nb", "nn"):
        folder = tmp_path / lang
        folder.mkdir()
        corpora[lang] = {split: folder / f"{split}.spacy" for split in ("train", "dev")}
        for split, path in corpora[lang].items():
            path.write_bytes(f"{lang}-{split}".encode())
    joint = train_module.joint_ner_corpus(corpora, tmp_path / "joint")
    for split in ("train", "dev"):
        files = sorted(path.name for path in joint[split].iterdir())
        assert files == ["nb.spacy", "nn.spacy"]
        assert (joint[split] / "nn.spacy").read_bytes() == f"nn-{split}".encode()


def test_train_without_norne_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NYHETSGRAF_SHARED", str(tmp_path))
    result = CliRunner().invoke(app, ["train", "--lang", "nn", "--output", str(tmp_path / "model")])
    assert result.exit_code != 0
    assert "training data not found" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "model").exists()


@pytest.mark.parametrize("lang", nlp_module.LANGUAGES)
def test_packaged_pipeline_has_every_stage_and_stays_small(lang: str) -> None:
    nlp = nlp_module.load(lang)
    assert nlp.pipe_names == [
        "nyhetsgraf_line_break_norms", "tok2vec", "nyhetsgraf_newline_sents", "tagger", "morphologizer",
        "trainable_lemmatizer", "nyhetsgraf_lemma_case", "parser", *train_module.NER_COMPONENTS, ENTITY_TYPES,
        "nyhetsgraf_space_tags",
    ]
    size = sum(path.stat().st_size for path in nlp_module.model_path(lang).rglob("*") if path.is_file())
    assert size < MODEL_SIZE_LIMIT


def test_packaging_rebuilds_the_shipped_pipeline(tmp_path: Path) -> None:
    # Split the shipped model into what training produces (a tagger/parser pipeline and a
    # recognizer) and package them again: the stages come back in the shipped order.
    shipped = nlp_module.load("nb")
    added = [name for name in shipped.pipe_names if name.startswith("nyhetsgraf_") and name != NEWLINE_SENTS]
    syntax = spacy.load(nlp_module.model_path("nb"), exclude=[*added, *train_module.NER_COMPONENTS])
    syntax.to_disk(tmp_path / "syntax")
    recognizer = spacy.load(nlp_module.model_path("nb"), exclude=[
        name for name in shipped.pipe_names if name not in train_module.NER_COMPONENTS
    ])
    recognizer.to_disk(tmp_path / "ner")
    packaged = train_module.merge_and_package(tmp_path / "syntax", tmp_path / "ner", tmp_path / "model")
    assert spacy.load(packaged).pipe_names == shipped.pipe_names


def _gazetteer_layers(nlp) -> list[str]:
    return [layer.name for layer in nlp.get_pipe("ner").model.walk() if layer.name == "gazetteer_classes"]


def _gazetteer_options(nlp) -> dict[str, bool]:
    layer = next(layer for layer in nlp.get_pipe("ner").model.walk() if layer.name == "gazetteer_classes")
    return {name: layer.attrs[name] for name in ("dictionary", "places", "common_words", "compound_heads")}


ALL_GAZETTEER_OPTIONS = {"dictionary": True, "places": True, "common_words": True, "compound_heads": True}


def test_committed_ner_config_builds_a_recognizer_with_gazetteer_features() -> None:
    config = spacy.util.load_config(train_module.NER_CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == list(train_module.NER_COMPONENTS)
    assert _gazetteer_layers(nlp) == ["gazetteer_classes"]
    assert _gazetteer_options(nlp) == ALL_GAZETTEER_OPTIONS


@pytest.mark.parametrize("lang", nlp_module.LANGUAGES)
def test_packaged_recognizer_reads_gazetteer_features(lang: str) -> None:
    nlp = nlp_module.load(lang)
    assert _gazetteer_layers(nlp) == ["gazetteer_classes"]
    assert _gazetteer_options(nlp) == ALL_GAZETTEER_OPTIONS


NDT_SENTENCE = """\
1\tKari\tKari\tsubst\tsubst\tprop\t2\tSUBJ\t_\tname=B-PER
2\tflyttet\tflytte\tverb\tverb\tpret\t0\tFINV\t_\tname=O
3\ttil\ttil\tprep\tprep\t_\t2\tADV\t_\tname=O
4\tBergen\tBergen\tsubst\tsubst\tprop\t3\tPUTFYLL\t_\tname=B-GPE_LOC
5\ti\ti\tprep\tprep\t_\t2\tADV\t_\tname=O
6\tfjor\tfjor\tadv\tadv\t_\t5\tPUTFYLL\t_\tname=O
7\t.\t$.\tclb\tclb\t<punkt>\t2\tIP\t_\tname=O
8\t|\t$|\tclb\tclb\t<overskrift>\t2\tIP\t_\tname=O

"""


def test_pretrain_corpus_is_news_text_and_norne_train_only(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    (data / "raw-text" / "nb").mkdir(parents=True)
    (data / "ndt-texts").mkdir()
    (data / "raw-text" / "nb" / "news-npk-sentences.txt").write_text(
        "Regjeringen la fram budsjettet i dag.\nFor kort linje.\n", encoding="utf-8")
    (data / "ndt-texts" / "train.txt").write_text("Styret i klubben gikk av etter møtet.\n", encoding="utf-8")
    for folder in ("nob", "nno"):
        (data / "norne" / folder).mkdir(parents=True)
        (data / "norne" / folder / "train.conll").write_text(NDT_SENTENCE, encoding="utf-8")
        (data / "norne" / folder / "dev.conll").write_text("never read", encoding="utf-8")
    monkeypatch.setenv("NYHETSGRAF_SHARED", str(tmp_path))
    path = train_module.write_pretrain_corpus(tmp_path / "pretrain.jsonl")
    texts = sorted(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines())
    assert texts == ["Kari flyttet til Bergen i fjor .", "Kari flyttet til Bergen i fjor .",
                     "Regjeringen la fram budsjettet i dag.", "Styret i klubben gikk av etter møtet."]


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_run_for_runs_lanes_side_by_side_and_commands_in_order(tmp_path: Path) -> None:
    log = tmp_path / "log"
    append = "import sys; open(sys.argv[1], 'a').write(sys.argv[2] + chr(10))"
    lanes = [[_python(append) + [str(log), "syntax"]],
             [_python(append) + [str(log), "pretrain"], _python(append) + [str(log), "ner"]]]
    train_module.run_for(lanes, minutes=1)
    lines = log.read_text().split()
    assert sorted(lines) == ["ner", "pretrain", "syntax"]
    assert lines.index("pretrain") < lines.index("ner")


def test_run_for_stops_at_the_deadline_and_skips_the_rest_of_the_lane(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    lanes = [[_python("import time; time.sleep(60)"), _python(f"open({str(marker)!r}, 'w')")]]
    started = time.monotonic()
    train_module.run_for(lanes, minutes=0.02)
    assert time.monotonic() - started < 30
    assert not marker.exists()


def test_run_for_reports_a_failed_command() -> None:
    with pytest.raises(subprocess.CalledProcessError):
        train_module.run_for([[_python("raise SystemExit(3)")]], minutes=1)


def test_train_commands_carry_the_seed_of_each_language(tmp_path: Path) -> None:
    corpus = {"train": tmp_path / "train", "dev": tmp_path / "dev"}
    for lang, seed in train_module.NER_SEEDS.items():
        command = train_module.spacy_train_command(train_module.NER_CONFIG, corpus, None, tmp_path / lang,
                                                   seed=seed)
        assert command[command.index("--system.seed") + 1] == str(seed)
    syntax = train_module.spacy_train_command(train_module.SYNTAX_CONFIG, corpus, None, tmp_path / "syntax")
    assert syntax[syntax.index("--system.seed") + 1] == str(train_module.SEED)
