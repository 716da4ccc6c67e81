"""Pretty and HTML renderers: layers, overlapping spans, escaping, excerpts."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from conftest import find_span, make_article
from nyhetsgraf.records import Article, Count, Entity, Event, Facts, Quote, TimeExpression
from nyhetsgraf.render import print_pretty, render_html, renderable
from nyhetsgraf.render.spans import Mark, excerpt, marks, segments

VOID = {"meta", "br", "img", "hr", "link", "input"}


class TagBalance(HTMLParser):
    """Records unbalanced or crossing tags, and the text inside highlight spans."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()


def test_segments_split_at_every_boundary_of_overlapping_marks() -> None:
    text = "abcdefghij"
    overlapping = [Mark("entity", 0, 6, "A", "", 0), Mark("quote", 3, 9, "B", "", 0),
                   Mark("time", 4, 5, "C", "", 0)]
    parts = list(segments(text, overlapping))
    assert "".join(part.text for part in parts) == text
    assert [part.text for part in parts] == ["abc", "d", "e", "f", "ghi", "j"]
    assert [part.layers for part in parts] == [("entity",), ("entity", "quote"), ("entity", "quote", "time"),
                                               ("entity", "quote"), ("quote",), ()]


def test_marks_are_relative_to_the_article_text(soldier_article: tuple[Article, Facts]) -> None:
    obj = renderable(*soldier_article)
    found = marks(obj)
    assert {mark.layer for mark in found} == {"entity", "quote", "count", "event", "time"}
    for mark in found:
        assert obj["text"][mark.start:mark.end].strip()
    person = next(mark for mark in found if mark.label.startswith("Åse Lien"))
    assert obj["text"][person.start:person.end] == "Åse Lien"


def test_excerpt_is_the_source_sentence(soldier_article: tuple[Article, Facts]) -> None:
    obj = renderable(*soldier_article)
    before, hit, after = excerpt(obj, obj["counts"][0]["span"])
    assert hit == "200 soldater"
    assert before == "Forsvaret trekker "
    assert after.startswith(" ut av Tromsø i mars") and after.endswith("Forsvarsdepartementet.")


def test_html_is_one_balanced_self_contained_page(soldier_article: tuple[Article, Facts]) -> None:
    page = render_html([renderable(*soldier_article)])
    checker = TagBalance()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []
    assert checker.scripts == 0 and "<link" not in page and "http://" not in page and "https://" not in page
    for layer in ("entity", "quote", "count", "event", "time"):
        # highlighted in the text (not only in the legend) and listed in the fact table
        assert f'data-facts="a1-{layer}-0' in page or f' a1-{layer}-0' in page, layer
        assert f'<tr id="a1-{layer}-0">' in page, layer
    assert "<style>" in page and "Åse Lien" in page


def test_html_escapes_text_names_and_tooltips() -> None:
    text = 'Hackeren skrev <script>alert("x")</script> & sa «hei» til <b>Ola</b>.'
    article = make_article(text, title="<i>Tittel</i>")
    facts = Facts(entities=[Entity('Ola "<b>"', "PER", [find_span(article, "<b>Ola</b>")])],
                  quotes=[Quote("hei", "<script>", True, find_span(article, "hei"))])
    page = render_html([renderable(article, facts)])
    assert "<script>" not in page and "<b>Ola</b>" not in page and "<i>Tittel</i>" not in page
    assert "&lt;script&gt;alert(" in page and "&amp; sa" in page and "&lt;i&gt;Tittel" in page
    checker = TagBalance()
    checker.feed(page)
    assert checker.errors == [] and checker.scripts == 0


def test_html_survives_overlapping_and_out_of_range_spans() -> None:
    text = "Statsministeren møtte Nato-sjefen i Brussel tirsdag."
    article = make_article(text, prefix="xx ")
    nato = find_span(article, "Nato-sjefen")
    facts = Facts(
        entities=[Entity("Nato", "ORG", [(nato[0], nato[0] + 4)]),
                  Entity("Brussel", "GPE_LOC", [find_span(article, "Brussel")])],
        events=[Event("CONSULT", "møtte", "Statsministeren", "Nato", "Brussel", None, False,
                      find_span(article, "Statsministeren møtte Nato-sjefen i Brussel"))],
        quotes=[Quote("møtte Nato", None, False, find_span(article, "møtte Nato"))],
        times=[TimeExpression("tirsdag", None, find_span(article, "tirsdag")),
               TimeExpression("bogus", None, (9999, 10005))],
        counts=[Count("OTHER", 1, "exact", "sjef", None, None, (nato[0] - 1, nato[1] + 1))],
    )
    page = render_html([renderable(article, facts)])
    checker = TagBalance()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []
    assert 'class="mark entity event quote count"' in page or 'mark entity quote count event' in page


def test_pretty_report_lists_every_fact_in_its_sentence(soldier_article: tuple[Article, Facts]) -> None:
    console = Console(record=True, width=300, color_system=None)  # wide enough for no wrapping
    printed = print_pretty([renderable(*soldier_article)], console)
    output = console.export_text()
    assert printed == 1
    for expected in ("Soldatene trekkes ut av Tromsø", "2023-05-09", "Entities", "Quotes", "Counts", "Events",
                     "Times", "Åse Lien", "DEPLOY: 200 soldat", "RETREAT", "2023-03",
                     "Vi avslutter øvelsen, sier oberst Åse Lien."):
        assert expected in output, expected


def test_pretty_report_of_an_article_without_facts() -> None:
    console = Console(record=True, width=100, color_system=None)
    print_pretty([renderable(make_article("Kort melding uten fakta.", title=None), Facts())], console)
    output = console.export_text()
    assert "(untitled)" in output and "0 entities" in output and "Quotes" not in output
