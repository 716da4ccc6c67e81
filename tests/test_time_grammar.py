"""The time grammar on sentences of our own: inflected day, weekend, season and year nouns,
approximate hours, nynorsk forms, and years after "for" (no model needed)."""

from __future__ import annotations

import pytest

from nyhetsgraf.extract.times import candidates, resolve

MONDAY = "2024-11-18"  # a Monday: "søndagens" is yesterday, "onsdagens" two days ahead


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    # inflected weekday nouns, bokmål and nynorsk
    ("Søndagens demonstrasjon samlet tusenvis.", "Søndagens", "2024-11-17"),
    ("Politiet var til stede under lørdagens kamp.", "lørdagens", "2024-11-16"),
    ("I løpet av tirsdagen ble det rolig igjen.", "tirsdagen", "2024-11-12"),
    ("Fredagens møte ble avlyst.", "Fredagens", "2024-11-15"),
    ("Sundagens demonstrasjon var fredeleg.", "Sundagens", "2024-11-17"),
    ("I løpet av måndagen kom det fleire meldingar.", "måndagen", "2024-11-18"),
    ("Laurdagens kamp enda uavgjort.", "Laurdagens", "2024-11-16"),
    # weekend genitives: the ISO week of the weekend
    ("Helgens uvær ga store skader.", "Helgens", "2024-W46"),
    ("Etter helgas kamp var laget fornøyd.", "helgas", "2024-W46"),
    # day nouns relative to publication
    ("Gårsdagens vedtak ble kritisert.", "Gårsdagens", "2024-11-17"),
    ("Morgendagens avstemning blir jevn.", "Morgendagens", "2024-11-19"),
    ("Morgondagens møte er avlyst.", "Morgondagens", "2024-11-19"),
    ("Han kom hjem i går ettermiddag.", "i går ettermiddag", "2024-11-17"),
    # the year before this one as a noun
    ("I løpet av fjoråret økte antallet.", "fjoråret", "2023"),
    ("Fjorårets resultat var svakere.", "Fjorårets", "2023"),
    ("Gjennom hele fjoråret steig prisane.", "fjoråret", "2023"),
    # approximate hours on the publication day
    ("Brannen startet ved 22-tiden.", "ved 22-tiden", "2024-11-18T22:00"),
    ("Ulykka skjedde ved 2-tida.", "ved 2-tida", "2024-11-18T02:00"),
    ("Politiet rykket ut ved 21.30-tiden.", "ved 21.30-tiden", "2024-11-18T21:30"),
    ("Det begynte rundt 6-tiden.", "rundt 6-tiden", "2024-11-18T06:00"),
    # seasons: genitives and nynorsk forms
    ("Vårens valg blir spennende.", "Vårens", "2024"),
    ("Høstens budsjett er stramt.", "Høstens", "2024"),
    ("Dei kom heim i fjor haust.", "i fjor haust", "2023"),
    ("Saka vart lagd fram i fjor sommar.", "i fjor sommar", "2023"),
    ("Arbeidet startar i haust.", "i haust", "2024"),
    # a year after "for" when no noun follows
    ("Budsjettet for 2019 ble vedtatt.", "2019", "2019"),
    ("Planen for 2025 er klar.", "2025", "2025"),
])
def test_expression_is_found_and_resolved(sentence: str, expression: str, value: str) -> None:
    found = [sentence[m.start:m.end] for m in candidates(sentence)]
    assert expression in found
    assert resolve(sentence, MONDAY) == value  # the widest expression of the sentence


@pytest.mark.parametrize("sentence", [
    "Han kjøpte bilen for 2000 kroner.",
    "Billetten kostet for 1999 kroner.",
    "De jobbet der en helt vanlig søndag.",
    "Dette er vår regjering.",
    "Hun sa at sommer er fint.",
    "Om sommeren er det mange turister.",
    "Hver lørdag går han på tur.",
])
def test_no_time_in(sentence: str) -> None:
    assert [sentence[m.start:m.end] for m in candidates(sentence)] == []
