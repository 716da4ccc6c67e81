"""The shipped bokmål full-form table: lookups by binary search, and a build that reproduces the file."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from nyhetsgraf.resources import data_file
from nyhetsgraf.resources.fullforms import FullForms, full_forms

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_forms_lemmas_and_parts_of_speech() -> None:
    table = full_forms()
    assert len(table) > 500_000
    assert table.lemmas("soldatene", "noun") == ("soldat",)
    assert table.lemmas("pågrep", "verb") == ("pågripe",)
    assert table.lemmas("lenger", "adv") == ("langt", "lenge", "lenger")  # in the table's order
    assert table.has("kommunen", "noun") and not table.has("kommunen", "verb")
    assert table.known("isolerte") and table.has("isolerte", "adj")
    # Exact and case-sensitive: a capitalised common noun is not in it.
    assert not table.known("Kommunen") and not table.known("Xyzzyfjord") and not table.known("")
    assert table.lemmas("xyzzy", "noun") == ()


def test_a_small_table_finds_every_line_and_nothing_between() -> None:
    forms = sorted({"a", "ab", "abc", "b", "bø", "bå", "ø", "å", "æra"}, key=lambda form: form.encode())
    lines = [f"{form}\tnoun={form.upper()}|x\tverb={form}e" for form in forms]
    table = FullForms(("\n".join(lines) + "\n").encode("utf-8"))
    for form in forms:
        assert table.entry(form) == {"noun": (form.upper(), "x"), "verb": (form + "e",)}
    for absent in ("", "aa", "abcd", "c", "bøx", "åå", "\t", "a\tnoun=A|x", "a\n", "ab\nabc"):
        assert table.entry(absent) == {}


@pytest.mark.skipif(importlib.util.find_spec("spacy_lookups_data") is None,
                    reason="spacy-lookups-data absent")
def test_the_build_reproduces_the_shipped_file_from_spacy_lookups_data() -> None:
    sys.path.insert(0, str(REPO_ROOT / "training"))
    try:
        import build_fullforms
    finally:
        sys.path.pop(0)
    source = build_fullforms.source_table()
    lines = build_fullforms.table_lines(source)
    shipped = gzip.decompress(data_file("fullforms.tsv.gz").read_bytes()).decode("utf-8")
    assert shipped == "\n".join(lines) + "\n"
    table = full_forms()
    for pos, forms in source.items():
        for form in list(forms)[::997]:
            assert table.lemmas(form, pos) == tuple(forms[form])
