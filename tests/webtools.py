"""Stores for the web tests: a small hand-built corpus (no NLP, every fact known) and the demo corpus
ingested with NLP once per test session, shared by every web test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT, find_span, make_article
from nyhetsgraf.records import Article, Count, Entity, Event, Facts, Quote, TimeExpression, link_entity_keys
from nyhetsgraf.store import open_store

DEMO_CORPUS = REPO_ROOT / "examples" / "demo"
XSS_TITLE = '<script>alert("tittel")</script> Ordfører <img src=x onerror=alert(1)>'
XSS_BODY_MARK = '<script>document.title="hacked"</script>'

_stores: dict[str, Path] = {}


def all_spans(article: Article, needle: str) -> list[tuple[int, int]]:
    """Input offsets of every occurrence of ``needle`` in the article."""
    spans, start = [], article.span[0]
    while (found := article.document.text.find(needle, start, article.span[1])) >= 0:
        spans.append((found, found + len(needle)))
        start = found + len(needle)
    return spans


def _article(text: str, *, title: str, date: str, source: str) -> Article:
    return make_article(title + "\n\n" + text, title=title, date=date, source=source,
                        prefix=f" date {date} – ")


def hand_built_articles() -> list[tuple[Article, Facts]]:
    """Four invented articles: a count series that changes (200 → rundt 70 → rundt 50 soldiers in
    Tromsø), quotes by and about a person, a negated event, and an article full of markup."""
    pairs = []
    texts = [
        ("2024-03-01", "Forsvaret sender soldater til Tromsø",
         "Forsvaret sender 200 soldater til Tromsø i mars, opplyser Forsvarsdepartementet. "
         "– Vi styrker beredskapen i nord, sier oberst Åse Lien. Kommunen ønsker soldatene velkommen.",
         "nord.txt"),
        ("2024-04-10", "Færre soldater i Tromsø",
         "Forsvaret har nå rundt 70 soldater i Tromsø. Åse Lien sier at flere skal hjem. "
         "Ordføreren kritiserer Åse Lien for dårlig informasjon.",
         "nord.txt"),
        ("2024-05-20", "Soldatene trekkes ut",
         "Forsvaret har rundt 50 soldater igjen i Tromsø. Forsvaret trekker seg ikke ut av Finnmark. "
         "– Vi blir til høsten, sier Åse Lien.",
         "sor.txt"),
    ]
    for date, title, body, source in texts:
        article = _article(body, title=title, date=date, source=source)
        entities = [Entity("Forsvaret", "ORG", all_spans(article, "Forsvaret")),
                    Entity("Tromsø", "GPE_LOC", all_spans(article, "Tromsø"))]
        if "Åse Lien" in body:
            entities.append(Entity("Åse Lien", "PER", all_spans(article, "Åse Lien")))
        quotes, counts, events, times = [], [], [], []
        if date == "2024-03-01":
            quotes.append(Quote("Vi styrker beredskapen i nord", "Åse Lien", True,
                                find_span(article, "Vi styrker beredskapen i nord")))
            counts.append(Count("DEPLOY", 200.0, "exact", "soldat", "Forsvaret", "Tromsø",
                                find_span(article, "200 soldater")))
            events.append(Event("MOBILIZE", "sender", "Forsvaret", None, "Tromsø", "2024-03", False,
                                find_span(article, "sender 200 soldater")))
            times.append(TimeExpression("i mars", "2024-03", find_span(article, "i mars")))
        elif date == "2024-04-10":
            quotes.append(Quote("flere skal hjem", "Åse Lien", False, find_span(article, "flere skal hjem")))
            quotes.append(Quote("Ordføreren kritiserer Åse Lien for dårlig informasjon", None, False,
                                find_span(article, "Ordføreren kritiserer Åse Lien for dårlig informasjon")))
            counts.append(Count("DEPLOY", 70.0, "about", "soldat", "Forsvaret", "Tromsø",
                                find_span(article, "rundt 70 soldater")))
            events.append(Event("ACCUSE", "kritiserer", "Ordføreren", "Åse Lien", None, None, False,
                                find_span(article, "kritiserer Åse Lien")))
        else:
            quotes.append(Quote("Vi blir til høsten", "Åse Lien", True,
                                find_span(article, "Vi blir til høsten")))
            counts.append(Count("DEPLOY", 50.0, "about", "soldat", "Forsvaret", "Tromsø",
                                find_span(article, "rundt 50 soldater")))
            events.append(Event("RETREAT", "trekker seg ut", "Forsvaret", None, "Finnmark", None, True,
                                find_span(article, "trekker seg ikke ut")))
        pairs.append((article, link_entity_keys(Facts(entities=entities, quotes=quotes, counts=counts,
                                                      events=events, times=times))))
    body = (f"Innbyggerne fikk en melding: {XSS_BODY_MARK} og <b onmouseover=\"alert(2)\">fet</b> tekst. "
            "Ordfører <img src=x onerror=alert(1)> svarte ikke.")
    article = _article(body, title=XSS_TITLE, date="2024-06-01", source="farlig.txt")
    facts = Facts(entities=[Entity("<img src=x onerror=alert(1)>", "PER",
                                   [find_span(article, "<img src=x onerror=alert(1)> svarte")])],
                  quotes=[Quote(XSS_BODY_MARK, "<img src=x onerror=alert(1)>", False,
                                find_span(article, XSS_BODY_MARK))])
    pairs.append((article, link_entity_keys(facts)))
    return pairs


def build_hand_built_store(path: Path) -> Path:
    with open_store(path) as store:
        for article, facts in hand_built_articles():
            store.add(article, facts)
    return path


def build_demo_store(path: Path) -> Path:
    from nyhetsgraf.pipeline import ingest

    with open_store(path) as store:
        summary = ingest([str(DEMO_CORPUS)], store)
    assert summary.new >= 30, summary
    return path


def cached_store(kind: str, factory: pytest.TempPathFactory) -> Path:
    """One store of each kind per test session, whichever module asks first."""
    if kind not in _stores:
        folder = factory.mktemp(f"web-{kind}")
        build = build_demo_store if kind == "demo" else build_hand_built_store
        _stores[kind] = build(folder / f"{kind}.db")
    return _stores[kind]
