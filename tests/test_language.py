"""Language of an article (issue 17, item 11): Norwegian bokmål or nynorsk, or Danish, Swedish, English."""

from __future__ import annotations

from pathlib import Path

import pytest

from nyhetsgraf.ingest import read_articles
from nyhetsgraf.ingest.language import detect_language, is_norwegian

SAMPLES = {
    "nb": ("Regjeringen har besluttet å sende rundt 60 soldater til Litauen, opplyser Forsvarsdepartementet "
           "til NTB. – Vi tar situasjonen på største alvor, sier forsvarsminister Kari Nordheim. Hun "
           "understreker at styrken skal være på plass før sommeren."),
    "nn": ("Regjeringa har bestemt å sende rundt 60 soldatar til Litauen, opplyser Forsvarsdepartementet "
           "til NTB. – Vi tek situasjonen på største alvor, seier forsvarsminister Kari Nordheim. Ho "
           "understrekar at styrken skal vere på plass før sommaren."),
    "da": ("Regeringen har besluttet at sende flere soldater til Litauen, oplyser Forsvarsministeriet. – Vi "
           "tager situationen meget alvorligt, siger forsvarsministeren. Han tilføjer at styrken skal være "
           "på plads inden sommeren, og at Litauen i sidste uge bad landene om flere soldater. Det blev "
           "også besluttet at give mere støtte efter mødet."),
    "sv": ("Regeringen har beslutat att skicka fler soldater till Litauen, uppger Försvarsdepartementet. "
           "– Vi tar situationen på största allvar, säger försvarsministern. Hon understryker att "
           "styrkan ska vara på plats före sommaren."),
    "en": ("The government has decided to send more soldiers to Lithuania, the Ministry of Defence said. We "
           "take the situation very seriously, the defence minister said. She stressed that the force would "
           "be in place before the summer."),
}


@pytest.mark.parametrize("language", SAMPLES)
def test_each_language_is_told_from_its_function_words(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language
    assert is_norwegian(language) == (language in ("nb", "nn"))


def test_a_norwegian_article_quoting_english_stays_norwegian() -> None:
    text = (SAMPLES["nb"] + " – It was the right thing to do, sa ambassadøren på engelsk. Han sier at "
            "det ikke er noen grunn til bekymring, og at alle er enige.")
    assert detect_language(text) == "nb"


def test_too_little_text_counts_as_bokmal() -> None:
    assert detect_language("Ja.") == "nb" and detect_language("") == "nb"


def test_issue_repro_foreign_articles_in_a_dump_are_stored_with_their_language(tmp_path: Path) -> None:
    path = tmp_path / "blandet.txt"
    path.write_text("".join(f" date 2024-01-0{n} – Sak {n}\n{SAMPLES[lang]}\n"
                            for n, lang in enumerate(("nb", "sv", "da", "en", "nn"), start=1)),
                    encoding="utf-8")
    assert [a.language for a in read_articles([str(path)])] == ["nb", "sv", "da", "en", "nn"]
