"""Norwegian numbers written with digits or words, as numbers.

``parse_number`` reads one number phrase ("5.200", "1,5 millioner", "tre", "to hundre",
"et titall"). Vague quantities ("hundrevis", "dusinvis", "mange") are not numbers and give None.
"""

from __future__ import annotations

import re
from functools import lru_cache

UNITS: dict[str, int] = {
    "null": 0, "en": 1, "ett": 1, "et": 1, "ei": 1, "én": 1, "éi": 1, "eitt": 1, "ein": 1,
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9,
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16,
    "sytten": 17, "atten": 18, "nitten": 19,
}
TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40, "femti": 50, "seksti": 60,
    "sytti": 70, "åtti": 80, "nitti": 90,
}
# Multipliers that scale what stands before them ("to hundre", "1,5 millioner").
SCALES: dict[str, int] = {
    "hundre": 100, "hundrede": 100, "tusen": 1000, "tusener": 1000,
    "million": 1_000_000, "millioner": 1_000_000, "mill.": 1_000_000, "mill": 1_000_000,
    "milliard": 1_000_000_000, "milliarder": 1_000_000_000, "mrd.": 1_000_000_000,
    "billion": 1_000_000_000_000, "billioner": 1_000_000_000_000,
    # nynorsk plurals
    "millionar": 1_000_000, "milliardar": 1_000_000_000,
}
# Approximate group nouns: "et titall" is about ten, "et dusin" twelve.
GROUPS: dict[str, int] = {
    "titall": 10, "tjuetall": 20, "tyvetall": 20, "trettitall": 30, "førtitall": 40, "femtitall": 50,
    "hundretall": 100, "dusin": 12, "snes": 20,
}
HALVES: dict[str, float] = {"halv": 0.5, "halvannen": 1.5, "halvanna": 1.5}
INDEFINITE_ARTICLES = {"et", "ett", "en", "ei", "eit", "ein"}

_DIGITS = re.compile(r"\d{1,3}(?:[.  ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_TENS_UNITS = re.compile(r"(" + "|".join(TENS) + r")(en|ett|ei|to|tre|fire|fem|seks|sju|syv|åtte|ni)?")


@lru_cache(maxsize=1 << 14)  # asked for every token of every sentence by the count finder
def parse_digits(text: str) -> float | None:
    """'5.200' -> 5200, '600 000' -> 600000, '1,5' -> 1.5; None unless the whole text is a number."""
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    integer, _, fraction = text.partition(",")
    integer = re.sub(r"[.  ]", "", integer)
    return float(f"{integer}.{fraction}") if fraction else float(integer)


@lru_cache(maxsize=1 << 14)
def parse_word(word: str) -> float | None:
    """One number word: 'tre' -> 3, 'tjuefem' -> 25, 'femogtjue' -> 25, 'hundre' -> 100."""
    word = word.lower()
    if word in UNITS:
        return float(UNITS[word])
    if word in TENS:
        return float(TENS[word])
    if word in ("hundre", "tusen"):
        return float(SCALES[word])
    if m := _TENS_UNITS.fullmatch(word):
        return float(TENS[m[1]] + (UNITS[m[2]] if m[2] else 0))
    # Older order: "femogtjue" = 5 + 20.
    if m := re.fullmatch(r"(\w+?)og(\w+)", word):
        unit, tens = UNITS.get(m[1]), TENS.get(m[2])
        if unit is not None and tens is not None and unit < 10:
            return float(unit + tens)
    return None


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not a definite number.

    '5.200' -> 5200, '1,5 millioner' -> 1500000, 'tre' -> 3, 'to hundre' -> 200,
    'et titall' -> 10, 'hundrevis' -> None.
    """
    words = text.lower().replace("\u00a0", " ").split()
    if not words:
        return None
    # A digit group written with spaces ("600 000") is one number.
    joined = parse_digits(" ".join(words))
    if joined is not None:
        return joined
    if len(words) == 2 and words[0] in INDEFINITE_ARTICLES and words[1] in GROUPS:
        return float(GROUPS[words[1]])
    # "en halv million", "halvannen million": a fraction of a scale word.
    if len(words) >= 2 and words[-1] in SCALES and words[-2] in HALVES and all(
            w in INDEFINITE_ARTICLES for w in words[:-2]):
        return HALVES[words[-2]] * SCALES[words[-1]]
    total, current = 0.0, None
    for word in words:
        if word == "og":
            continue
        if word in SCALES:
            scale = SCALES[word]
            base = current if current is not None else (None if scale >= 1_000_000 else 1.0)
            if base is None:
                return None
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = None
            continue
        value = parse_digits(word)
        if value is None:
            value = parse_word(word)
        if value is None:
            return None
        current = value if current is None else current + value
    result = total + (current or 0.0)
    return result if (current is not None or total) else None


def is_number_word(word: str) -> bool:
    """Whether a single token spells a number ('tre', 'tjuefem', '5.200', '1,5')."""
    return parse_digits(word) is not None or parse_word(word) is not None
