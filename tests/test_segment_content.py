"""Article boundaries from layout and content together: a byline closes an article, and a short
plain headline whose next paragraph goes on with the same story is a subheading."""

from __future__ import annotations

import pytest

from nyhetsgraf.ingest import segment
from nyhetsgraf.ingest.readers import text_document
from nyhetsgraf.records import Article

STRIKE = ("Rundt 4000 mennesker gikk søndag i fakkeltog i Molde mot nedleggelsen av fødeavdelingen ved "
          "sykehuset. Demonstrantene samlet seg ved rådhuset og gikk gjennom sentrum til sykehuset.\n\n"
          "Ordfører Kari Lie krever at helseforetaket stanser nedleggelsen av fødeavdelingen og møter "
          "kommunen før nyttår.")
STRIKE_MORE = ("Politiet anslår at over 4000 deltok i fakkeltoget, og flere gater i sentrum ble stengt mens "
               "demonstrantene gikk forbi rådhuset og sykehuset i Molde.")
FIRE = ("En enebolig i Tromsø brant ned til grunnen natt til mandag. Familien på fire kom seg ut i tide, "
        "opplyser brannvesenet. Brannen startet trolig i et kjøleskap, ifølge politiet.")
FIRE_MORE = ("Naboene ble vekket av røykvarslere og fulgte familien til et nabohus mens mannskapene slukket "
             "flammene fra taket.")


def _articles(text: str) -> list[Article]:
    return segment(text_document("test.txt", text))


@pytest.mark.parametrize("subheading", [
    "Politiet stengte flere gater",
    "Flere tusen i fakkeltoget",
    "Krever møte før nyttår",
    "Fakkeltog gjennom hele sentrum",
])
def test_a_short_headline_inside_one_story_is_a_subheading(subheading: str) -> None:
    text = f" date 2024-11-18 – {STRIKE}\n\n{subheading}\n\n{STRIKE_MORE}"
    (article,) = _articles(text)
    assert subheading in article.headings


@pytest.mark.parametrize("byline", ["(©NTB)", "( NTB )", "(NTB)", "©NTB"])
def test_a_byline_closes_the_article_and_the_next_line_is_a_headline(byline: str) -> None:
    text = (f" date 2024-11-18 – {STRIKE} {byline}\nEnebolig brant ned i Tromsø\n\n{FIRE}\n\n{FIRE_MORE}")
    first, second = _articles(text)
    assert first.document.text[first.span[0]:first.span[1]].rstrip().endswith(byline)
    assert second.title == "Enebolig brant ned i Tromsø"


@pytest.mark.parametrize("headline", [
    "Enebolig brant ned i Tromsø natt til mandag",
    "Familie berget seg ut av brennende hus",
    "Storbrann i Tromsø i natt",
])
def test_a_headline_before_another_story_still_starts_an_article(headline: str) -> None:
    text = f" date 2024-11-18 – {STRIKE}\n\n{headline}\n\n{FIRE}\n\n{FIRE_MORE}"
    first, second = _articles(text)
    assert second.title == headline
