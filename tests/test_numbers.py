"""Number phrases written with digits and words."""

from __future__ import annotations

import pytest

from nyhetsgraf.extract.numbers import is_number_word, parse_digits, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("5.200", 5200),
    ("600.000", 600000),
    ("12 000", 12000),
    ("17", 17),
    ("1,5", 1.5),
    ("1,5 millioner", 1_500_000),
    ("2 milliarder", 2_000_000_000),
    ("tre", 3),
    ("tolv", 12),
    ("sju", 7),
    ("syv", 7),
    ("tjuefem", 25),
    ("femogtjue", 25),
    ("to hundre", 200),
    ("to hundre og femti", 250),
    ("tre tusen", 3000),
    ("hundre", 100),
    ("et titall", 10),
    ("et dusin", 12),
    ("Tre", 3),
    ("en halv million", 500_000),
    ("to millionar", 2_000_000),
    ("halvannen million", 1_500_000),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["hundrevis", "dusinvis", "mange", "", "flere", "millioner", "5-2"])
def test_vague_or_no_number(text: str) -> None:
    assert parse_number(text) is None


def test_digits_need_the_whole_text() -> None:
    assert parse_digits("40-årene") is None
    assert parse_digits("02.30") is None
    assert parse_digits("1.000.000") == 1_000_000


def test_single_number_words() -> None:
    assert is_number_word("åtte")
    assert is_number_word("1,5")
    assert not is_number_word("soldater")
