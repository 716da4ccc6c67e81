"""Statistics are no events, on sentences of our own (bokmål and nynorsk): a share, a ratio, a rate or
a survey's count as the figure of a clause; a share after the trigger, or a group of named size,
leaves the event standing."""

from __future__ import annotations

import pytest

from conftest import facts_of
from nyhetsgraf.extract import Extractor


@pytest.mark.parametrize(("language", "sentence"), [
    ("nb", "Nesten halvparten ble kastet ut fordi de hadde brutt loven."),
    ("nb", "Rundt en tredjedel av søkerne er blitt arrestert på grensen."),
    ("nb", "En av fem sykepleiere har blitt truet av pasienter, viser undersøkelsen."),
    ("nb", "I fire av disse sakene er tenåringer dømt til fengsel."),
    ("nb", "Hvert år blir rundt hundre personer arrestert for ran."),
    ("nb", "I snitt blir to journalister drept hver uke."),
    ("nb", "Tallene viser at det er i de store byene at det blir anmeldt flest tilfeller."),
    ("nb", "Flertallet av de spurte i målingen støtter forslaget."),
    # a share that reports the clause
    ("nb", "Nesten en firedel av dem opplyser at kolleger er blitt drept."),
    ("nn", "Ein av tre lærarar seier at dei har vorte truga av elevar."),
    # a ratio anywhere in the sentence
    ("nb", "Hvert tiende selskap har opplevd tyverier som de ikke har anmeldt."),
    ("nn", "Kvart tiande selskap har opplevd tjuveri som dei ikkje har meldt."),
    ("nn", "Nesten halvparten vart kasta ut fordi dei hadde brote lova."),
    ("nn", "Kvar femte elev har vorte truga på skulen."),
    ("nn", "Fleirtalet støttar forslaget, viser ei meningsmåling."),
])
def test_statistic_is_no_event(extractor: Extractor, language: str, sentence: str) -> None:
    assert facts_of(extractor, sentence, language).events == []


def test_as_is_no_relative_clause(extractor: Extractor) -> None:
    # "man som person": "som" is "as"; no relative clause gives an actor
    text = "Det er et trykk som er over grensen for hva man som person skal akseptere."
    assert facts_of(extractor, text).events == []


@pytest.mark.parametrize(("language", "sentence", "kind"), [
    ("nb", "Regjeringen støtter forslaget om å kutte ti prosent av utslippene.", "SUPPORT"),
    ("nb", "Prisene steg med ti prosent etter at politiet arresterte lederen.", "COERCE"),
    ("nb", "Tre menn ble arrestert i natt.", "COERCE"),
    ("nn", "Tre menn vart arresterte i natt.", "COERCE"),
    # a ratio after the trigger belongs to what follows it
    ("nb", "Foreningen ber bileiere passe på En av fem bileiere opplever at bilen har blitt skadet.",
     "REQUEST"),
])
def test_event_beside_a_figure_stands(extractor: Extractor, language: str, sentence: str, kind: str) -> None:
    assert kind in [e.type for e in facts_of(extractor, sentence, language).events]
