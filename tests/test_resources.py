"""The resources layer (nyhetsgraf.resources): light to import, below nlp and extract, and its word lists
load, validate and say what the extractors read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nyhetsgraf.resources import data_file, lexicon, words

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules_after(code: str) -> list[str]:
    """The modules loaded in a fresh interpreter after running `code` (this checkout's sources first)."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(SRC), "PATH": ""})
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_nlp_does_not_import_extract() -> None:
    # Also when the rules and features read the shared lexicons (they once imported them from extract).
    code = (
        "import nyhetsgraf.nlp\n"
        "from nyhetsgraf.nlp import entity_types, features\n"
        "assert features.gazetteer_class('Kari') & 1\n"
        "assert entity_types._titles() and entity_types._quotation_marks()['«'] == '»'\n"
    )
    modules = _modules_after(code)
    assert "nyhetsgraf.nlp.entity_types" in modules  # the import did run
    assert [name for name in modules if name.startswith("nyhetsgraf.extract")] == []


def test_resources_import_and_load_without_spacy() -> None:
    code = (
        "import nyhetsgraf.resources\n"
        "from nyhetsgraf.resources import gazetteer, lexicon, words\n"
        "assert 'spacy' not in sys.modules, 'import'\n"
        "lexicon.first_names(); lexicon.speaker_nouns(); lexicon.load_triggers(); lexicon.speech_verbs()\n"
        "words.weekdays(); words.quotation_marks(); words.word_set('support_verbs')\n"
        "gazetteer.is_country('Chile')\n"
    )
    modules = _modules_after(code)
    assert "nyhetsgraf.resources.words" in modules
    assert not any(name == "spacy" or name.startswith(("spacy.", "thinc")) for name in modules)
    assert not any(name.startswith(("nyhetsgraf.extract", "nyhetsgraf.nlp")) for name in modules)


def test_data_file_finds_shipped_files() -> None:
    assert data_file("first_names.tsv").read_text(encoding="utf-8").startswith("#")
    assert data_file("words/weekdays.tsv").is_file()


def test_every_shipped_word_file_reads_and_the_checker_counts_them() -> None:
    folder = data_file("words")
    names = [entry.name for entry in folder.iterdir()]
    lists, tables = words.check_words()
    assert lists == sum(name.endswith(".txt") for name in names) >= 20
    assert tables == sum(name.endswith(".tsv") for name in names) == len(words.TABLES)
    assert "words/" in lexicon.summary()


def test_every_word_file_opens_with_a_comment_saying_what_it_is() -> None:
    for entry in data_file("words").iterdir():
        first = entry.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 30, entry.name


def test_weekdays_and_months() -> None:
    assert words.weekdays()["tysdag"] == words.weekdays()["tirsdag"] == 1
    bokmal = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"}
    assert words.weekday_names("nb") == bokmal
    assert {"måndag", "laurdag", "sundag", "søndag"} <= words.weekday_names("nn")
    assert "mandag" not in words.weekday_names("nn")
    assert words.months()["sept"] == 9 and words.months()["desember"] == 12
    assert len(words.month_names()) == 12 and "sept" not in words.month_names()


def test_relative_days_steps_and_quotation_marks() -> None:
    assert words.relative_days()["i går"] == -1 and words.relative_days()["i overmorgon"] == 2
    assert words.time_steps()["førre"] == -1 and words.time_steps()["neste"] == 1
    assert words.quotation_marks()["«"] == "»"
    assert list(words.quotation_marks()) == ["«", "“", '"', "„"]


def test_word_lists_keep_file_order() -> None:
    # The time finder's regular expression needs "våren" before "vår".
    seasons = words.word_list("seasons")
    assert seasons.index("våren") < seasons.index("vår")
    assert words.word_set("seasons") == frozenset(seasons)


def test_tables_load_once() -> None:
    assert words.weekdays() is words.weekdays()
    assert words.word_set("parties") is words.word_set("parties")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("mandag\n", "opens with a # comment"),
        ("# Ukedager.\nmandag\ntirsdag\nmandag\n", "line 4: 'mandag' repeats line 2"),
        ("# Ukedager.\nMandag\n", "line 2: entries are lower case"),
        ("# Ukedager.\nmandag \n", "line 2: stray spaces"),
        ("# Ukedager.\nmandag\t0\n", "line 2: one entry per line"),
        ("# Ukedager.\n\n", "no entries"),
    ],
)
def test_a_bad_word_list_fails_with_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "ukedager.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="^ukedager.txt") as error:
        words.parse_word_list(path)
    assert problem in str(error.value)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("mandag\t7\tnb", "line 3: day must be a whole number from 0 to 6, found '7'"),
        ("mandag\tmon\tnb", "line 3: day must be a whole number"),
        ("mandag\t0\tse", "line 3: lang must be one of"),
    ],
)
def test_a_bad_table_row_fails_with_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "weekdays.tsv"
    path.write_text(f"# Ukedager.\nword\tday\tlang\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^weekdays.tsv") as error:
        words.parse_weekdays(path)
    assert problem in str(error.value)


def test_a_quotation_mark_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "marks.tsv"
    path.write_text("# Sitattegn.\nopening\tclosing\n<<\t>>\n", encoding="utf-8")
    with pytest.raises(ValueError, match="marks.tsv, line 3: a quotation mark is one character"):
        words.parse_quotation_marks(path)


def test_the_lexicon_checker_runs_as_a_module() -> None:
    result = subprocess.run([sys.executable, "-m", "nyhetsgraf.resources.lexicon"], capture_output=True,
                            text=True, env={"PYTHONPATH": str(SRC), "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert "triggers.tsv" in result.stdout and "word lists" in result.stdout
