"""The time finder skips a pattern when the text lacks every word it needs; that must never lose a match."""

from __future__ import annotations

import re

import pytest

from nyhetsgraf.extract import times

TEXTS = [
    "Møtet ble holdt tirsdag 3. mars 2015 klokken 14.30, og det fortsetter neste uke.",
    "Siden 12. des. har politiet etterforsket saken; dommen kom 01.02.2016 og ble anket 2016-02-03.",
    "Gårsdagens vedtak kom etter at partiet i fjor høst sa nei. Senere i uka møtes de igjen.",
    "På 1990-tallet var det vanlig å reise i påsken, fortalte hun for tre år siden.",
    "Natt til søndag, ved 22-tiden, kom meldingen. Forrige måned var det stille i helgen.",
    "Fjorårets resultat var svakt, men helgens kamp i juli og sept. blir avgjørende.",
    "Dagen etter skrev avisen om vinteren 2010 og om hva som skjer i morgen tidlig.",
    "Senere i måneden, samme dag som valget, la hun fram forslaget denne uken.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_needed_words_never_lose_a_match(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = times.candidates(text)
    monkeypatch.setattr(times, "_NEEDS_ONE_OF", [None] * len(times._NEEDS_ONE_OF))
    assert gated == times.candidates(text)
    assert gated  # every text holds at least one time expression


def test_a_pattern_is_skipped_without_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    decade = next(k for k, (kind, _) in enumerate(times._LOWER_CASE_PATTERNS) if kind == "decade")
    assert times._NEEDS_ONE_OF[decade] == ("-tallet",)
    assert [m.kind for m in times.candidates("på 1990-tallet")] == ["decade"]
    assert all(m.kind != "decade" for m in times.candidates("i 1990 og tallet 12"))


def test_every_pattern_has_an_entry() -> None:
    assert len(times._NEEDS_ONE_OF) == len(times._LOWER_CASE_PATTERNS) == len(times.PATTERNS)


@pytest.mark.parametrize("text", TEXTS)
def test_first_character_guards_never_change_a_match(text: str) -> None:
    lowered = text.lower()
    for (kind, guarded), (_, source) in zip(times._LOWER_CASE_PATTERNS, times._PATTERN_SOURCES, strict=True):
        plain = re.compile(source)
        assert [(m.span(), m.groupdict()) for m in guarded.finditer(lowered)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(lowered)], kind


def test_first_characters_of_a_pattern() -> None:
    assert times._lower_case_pattern(r"\b(?:(?P<since>siden)\s+)?(?P<year>19\d\d|20\d\d)\b").pattern \
        .startswith("(?=[12s])")
    assert times._lower_case_pattern(r"\b(?P<dir>)(?:helgens|helgas)\b").pattern.startswith("(?=[h])")
    # a pattern that may start with any letter, or match nothing, gets no guard
    assert times._lower_case_pattern(r"\w+ dager").pattern == r"\w+ dager"
    assert times._lower_case_pattern(r"(?:ja)?").pattern == "(?:ja)?"
    assert all(pattern.pattern.startswith("(?=[") for _, pattern in times._LOWER_CASE_PATTERNS)


OVERLAPPING = [
    "Siden mandag kveld klokken 14.30, og siden 2015, fra 3. januar 2020 til 5. februar i fjor.",
    "I 2000, 2001 og 2002-2003 kom natt til søndag og natt til mandag tett etter hverandre.",
    "Forrige uke, i uka før og neste veke: sommeren 2019, vinteren i fjor og påsken 2021.",
    "Tysdag 4. mai i år, laurdag kveld og førre månad skjedde det for tre dagar sidan.",
]


@pytest.mark.parametrize("text", TEXTS + OVERLAPPING)
def test_one_scan_finds_what_each_pattern_finds(text: str) -> None:
    lowered = text.lower()
    indexes = list(range(len(times._PATTERN_SOURCES)))
    assert all(starts is not None for starts in times._STARTS)  # every pattern is found by the one scan
    located = times._located_matches(lowered, indexes)
    for k, (kind, pattern) in enumerate(times._LOWER_CASE_PATTERNS):
        assert [(m.span(), m.groupdict()) for m in located[k]] == \
            [(m.span(), m.groupdict()) for m in pattern.finditer(lowered)], kind
