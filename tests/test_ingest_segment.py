"""Segmentation of multi-article dumps: junctions, headlines, subheadings and exact offsets."""

from __future__ import annotations

import pytest

from nyhetsgraf.ingest import detect_language, segment
from nyhetsgraf.ingest.readers import text_document
from nyhetsgraf.records import Article, Document

LEAD_A = ("Kommunestyret i Bodø vedtok onsdag å bygge en ny svømmehall ved Aspmyra. Hallen skal stå ferdig "
          "i 2027 og koster rundt 400 millioner kroner.")
BODY_A = ("– Dette er en stor dag for alle som driver med svømming i byen, sier leder Eva Moe i "
          "Bodø svømmeklubb.")
LEAD_B = ("Politiet i Narvik leter etter en 34 år gammel mann som forsvant fra hjemmet sitt natt til "
          "lørdag. Mannen ble sist sett ved jernbanestasjonen.")
BODY_B = ("Et mannskap fra Røde Kors deltar i søket sammen med hundepatruljer og et helikopter fra "
          "Luftambulansen. Innsatsleder Ole Berg ber publikum melde fra om observasjoner.")


def _articles(text: str) -> list[Article]:
    return segment(text_document("test.txt", text))


def _span_text(article: Article) -> str:
    return article.document.text[article.span[0]:article.span[1]]


def test_glued_junction_starts_a_new_article_at_the_capital_letter() -> None:
    text = f" date 2024-04 – {LEAD_A}\n\n{BODY_A} Byggestart blir til høsten.{LEAD_B}\n\n{BODY_B}"
    first, second = _articles(text)
    assert first.span[0] == len(" date 2024-04 – ")
    assert _span_text(first).endswith("Byggestart blir til høsten.")
    assert _span_text(second) == f"{LEAD_B}\n\n{BODY_B}"
    assert second.span[0] == first.span[1]
    assert (first.title, second.title) == (None, None)
    assert first.date == second.date == "2024-04"


@pytest.mark.parametrize("left", ["St.Olav", "Dr.Hansen", "A.B.Nilsen", "www.nrk.No", "kl.Ti"])
def test_abbreviations_initials_and_domains_are_not_junctions(left: str) -> None:
    text = f"{LEAD_A} Saken ble omtalt av {left} tidligere i uka.\n\n{BODY_A}"
    assert len(_articles(text)) == 1


def test_blank_line_and_headline_starts_a_new_article_with_its_own_title() -> None:
    headline = "Savnet mann søkes i Narvik"
    text = f"Ny svømmehall i Bodø\n\n{LEAD_A}\n\n{BODY_A}\n\n{headline}\n\n{LEAD_B}\n\n{BODY_B}\n"
    first, second = _articles(text)
    assert first.title == "Ny svømmehall i Bodø"
    assert second.title == headline
    assert _span_text(first) == f"Ny svømmehall i Bodø\n\n{LEAD_A}\n\n{BODY_A}"  # trailing blank excluded
    assert _span_text(second) == f"{headline}\n\n{LEAD_B}\n\n{BODY_B}"
    assert [a.index for a in (first, second)] == [0, 1]


def test_single_newline_before_a_headline_followed_by_a_blank_line() -> None:
    text = f"Ny svømmehall i Bodø\n\n{LEAD_A}\n{BODY_A}\nSavnet mann søkes i Narvik\n\n{LEAD_B}\n{BODY_B}\n"
    first, second = _articles(text)
    assert second.title == "Savnet mann søkes i Narvik"
    assert text[second.span[0] - 1] == "\n"


def test_mellomtitler_stay_in_the_article_as_headings() -> None:
    text = (f"Ny svømmehall i Bodø\n\n{LEAD_A}\n\n{BODY_A}\n\n400 millioner\n\n"
            f"Prislappen har fått kritikk fra opposisjonen. Frp mener kommunen burde vente.\n\n"
            f"Klubben jubler\n\nSvømmeklubben har ventet på ny hall i over ti år.\n")
    [article] = _articles(text)
    assert article.title == "Ny svømmehall i Bodø"
    assert article.headings == ["400 millioner", "Klubben jubler"]
    heading_blocks = [b for b in article.blocks if b.role == "heading"]
    assert [text[b.span[0]:b.span[1]] for b in heading_blocks] == article.headings


def test_headings_listed_before_the_body_belong_to_the_title_region() -> None:
    text = f"Ny svømmehall i Bodø\n\nStor dag for klubben\n\nKritikk fra Frp\n\n{LEAD_A}\n\n{BODY_A}\n"
    [article] = _articles(text)
    assert article.title == "Ny svømmehall i Bodø"
    assert article.headings == ["Stor dag for klubben", "Kritikk fra Frp"]


def test_subheading_without_blank_lines_between_body_lines() -> None:
    text = f"Ny svømmehall i Bodø\n{LEAD_A}\n{BODY_A}\n- Gleder oss\nKlubben har ventet lenge.\n"
    [article] = _articles(text)
    assert article.headings == ["- Gleder oss"]


def test_a_list_of_teaser_lines_is_neither_title_nor_heading() -> None:
    teasers = "Les også om skolene i Bodø\nSlik blir nye Aspmyra\nKlubbene vil ha mer tid i hallen"
    text = f"{LEAD_A}\n\n{teasers}\n{BODY_A}\n"
    [article] = _articles(text)
    assert article.title is None and article.headings == []


def test_headline_with_listed_headings_after_a_body_starts_an_article() -> None:
    text = (f"Ny svømmehall i Bodø\n\n{LEAD_A}\n{BODY_A}\nSavnet mann søkes i Narvik etter helgen\n\n"
            f"Røde Kors hjelper til\n\nLeter med helikopter?\n\n{LEAD_B}\n\n{BODY_B}\n")
    first, second = _articles(text)
    assert second.title == "Savnet mann søkes i Narvik etter helgen"
    assert second.headings == ["Røde Kors hjelper til", "Leter med helikopter?"]
    assert first.headings == []


def test_hard_wrapped_lines_are_neither_titles_nor_headings() -> None:
    text = ("Kommunestyret i Bodø vedtok onsdag å bygge en ny svømmehall og\n"
            "la samtidig fram en plan for finansieringen. Hallen skal stå ferdig\n"
            "i 2027. Opposisjonen stemte imot og mener prosjektet er for dyrt for\n"
            "Bodø kommune.\n")
    [article] = _articles(text)
    assert article.title is None and article.headings == []
    assert {b.role for b in article.blocks} == {"body"}


def test_short_section_after_a_long_subheading_is_not_an_article() -> None:
    text = f"Ny svømmehall i Bodø\n\n{LEAD_A}\n\n{BODY_A}\n\nKommunen vil starte anbud\n\nDet skjer i mai.\n"
    [article] = _articles(text)
    assert article.headings == ["Kommunen vil starte anbud"]


@pytest.mark.parametrize(
    ("prefix", "date"),
    [
        (" date 2020 – ", "2020"),
        ("date 2020-01 - ", "2020-01"),
        ("  date 2020-01-07 — ", "2020-01-07"),
        ("date 2020-01-07T14:03:00+01:00 – ", "2020-01-07T14:03:00+01:00"),
        ("date 2021-05-17\n", "2021-05-17"),
        ("date 2019-12-24 ", "2019-12-24"),
    ],
)
def test_date_prefix_variants(prefix: str, date: str) -> None:
    text = f"{prefix}Ny svømmehall i Bodø\n\n{LEAD_A}"
    document = text_document("test.txt", text)
    assert document.date == date
    assert document.body_start == len(prefix)
    [article] = segment(document)
    assert article.span == (len(prefix), len(text))
    assert article.title == "Ny svømmehall i Bodø"


def test_no_prefix_means_no_date_and_offsets_from_zero() -> None:
    document = text_document("test.txt", f"{LEAD_A}\n")
    assert document.date is None and document.body_start == 0
    assert segment(document)[0].span == (0, len(LEAD_A))


def test_blocks_cover_every_line_with_exact_offsets_and_roles() -> None:
    text = f"Ny svømmehall i Bodø\n\n{LEAD_A}\n\nKlubben jubler\n\n{BODY_A}"
    [article] = _articles(text)
    assert [(text[b.span[0]:b.span[1]], b.role) for b in article.blocks] == [
        ("Ny svømmehall i Bodø", "title"), (LEAD_A, "body"), ("Klubben jubler", "heading"), (BODY_A, "body")]


def test_start_index_continues_the_count_and_offset_shifts_spans() -> None:
    piece = f"Savnet mann søkes i Narvik\n\n{LEAD_B}\n"
    document = Document(source="stor.txt", text=piece, format="text", offset=1000, body_start=0)
    [article] = segment(document, start_index=7)
    assert article.index == 7
    assert article.span == (1000, 1000 + len(piece) - 1)
    assert article.text == piece.rstrip()


def test_structured_document_title_comes_from_the_record() -> None:
    document = Document(source="s.jsonl", text=f"{LEAD_A}\n\n{BODY_A}", format="jsonl", title="Ny hall")
    [article] = segment(document)
    assert article.title == "Ny hall"
    assert article.text == document.text


def test_a_structured_record_is_one_article_with_headings() -> None:
    text = f"{LEAD_A}\n\n{BODY_A}\n\nSavnet mann søkes i Narvik\n\n{LEAD_B}\n\n{BODY_B} Slutt.Neste sak"
    document = Document(source="s.jsonl", text=text, format="jsonl", title="Ny hall")
    [article] = segment(document)
    assert article.headings == ["Savnet mann søkes i Narvik"]
    assert article.span == (0, len(text))


def test_detect_language_bokmal_nynorsk_and_foreign() -> None:
    assert detect_language("Hun sier at de ikke vil være med, og at det er bare fordi hva som skjer.") == "nb"
    nynorsk = "Ho seier at dei ikkje vil vere med, og at det berre er fordi kva som skjer."
    assert detect_language(nynorsk) == "nn"
    assert detect_language("The mayor said that the new pool is a gift to the city and its people.") == "en"
    assert detect_language("Hon säger att de inte vill vara med och att det är för dyrt.") == "sv"
    assert detect_language("") == "nb"


def test_article_language_is_detected_per_article() -> None:
    nynorsk = ("Kommunen vil ikkje byggje ny skule no. Ho som leier rådet seier at dei berre vil vite kva "
               "som skjer, og at eg ikkje er nøgd.")
    text = f"{LEAD_A} Det er ikke bestemt hva hun vil gjøre.{nynorsk}"
    first, second = _articles(text)
    assert (first.language, second.language) == ("nb", "nn")
