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


def entity_id(client: object, name: str) -> str:
    """The corpus entity id the knowledge base gave ``name`` (through the API)."""
    items = client.get("/api/entities", params={"q": name, "limit": 50}).json()["items"]  # type: ignore[attr-defined]
    return next(item["id"] for item in items if item["name"] == name)


def build_hand_built_store(path: Path | str) -> Path | str:
    """The hand-built corpus in a store at a path or URL (SQLite or PostgreSQL), its knowledge base linked."""
    from nyhetsgraf import kb

    with open_store(path) as store:
        for article, facts in hand_built_articles():
            store.add(article, facts)
        store.commit()
        kb.update(store)
    return path


def build_demo_store(path: Path) -> Path:
    import os

    from nyhetsgraf.pipeline import ingest

    # A relative path, as a user types it: the pages (and the README screenshots) show it.
    with open_store(path) as store:
        summary = ingest([os.path.relpath(DEMO_CORPUS)], store)
    assert summary.new >= 30, summary
    return path


FLOOD_WIRE = (
    "Flom stenger E16 i Lærdal\n\nStore nedbørsmengder har ført til flom i Lærdal, og E16 er stengt "
    "mellom Lærdal sentrum og Borgund. Statens vegvesen opplyser at rundt 40 hus er evakuert langs "
    "Lærdalselvi. Politiet ber folk holde seg unna elvebredden, og NVE har sendt ut rødt farevarsel for "
    "Sogn. Vannstanden ventes å stige utover kvelden.")
FLOOD_FOLLOW_UP = (
    "Flommen i Lærdal: 60 hus evakuert\n\nFlommen i Lærdal har tvunget fram evakuering av 60 hus langs "
    "Lærdalselvi. E16 er fortsatt stengt mellom Lærdal og Borgund, opplyser Statens vegvesen. NVE "
    "opprettholder rødt farevarsel for Sogn.")


def story_articles() -> list[tuple[Article, Facts]]:
    """One story over two days: a wire story, the same story republished with one word changed (a
    near-duplicate), and a follow-up the next day whose count of evacuated houses moved (40 → 60)."""
    copy = FLOOD_WIRE.replace("utover kvelden.", "utover natten.")
    pairs = []
    for text, date, source in ((FLOOD_WIRE, "2024-10-03", "ntb.txt"), (copy, "2024-10-03", "lokalavisa.txt"),
                               (FLOOD_FOLLOW_UP, "2024-10-04", "ntb.txt")):
        article = make_article(text, title=text.split("\n")[0], date=date, source=source,
                               prefix=f" date {date} – ")
        entities = [Entity(name, type_, all_spans(article, name)) for name, type_ in (
            ("Lærdal", "GPE_LOC"), ("Statens vegvesen", "ORG"), ("NVE", "ORG"), ("Sogn", "LOC"))]
        first_day = "rundt 40" in text
        phrase, value, bound = ("rundt 40 hus", 40.0, "about") if first_day else ("60 hus", 60.0, "exact")
        counts = [Count("EVACUATE", value, bound, "hus", None, "Lærdal", find_span(article, phrase))]
        pairs.append((article, link_entity_keys(Facts(entities=entities, counts=counts))))
    # Other news of the same days: a name counts for a story only when not every article has it.
    others = (("Hamar", "Mattilsynet"), ("Bodø", "Avinor"), ("Molde", "Helse Møre og Romsdal"),
              ("Alta", "Finnmarkssykehuset"), ("Gjøvik", "Innlandet politidistrikt"))
    for day, (place, organisation) in enumerate(others):
        date = f"2024-10-0{day + 1}"
        text = (f"Nytt fra {place}\n\n{organisation} la fram en ny plan for {place} i dag. "
                f"Planen skal behandles i kommunestyret i {place} neste måned.")
        article = make_article(text, title=f"Nytt fra {place}", date=date, source="andre.txt",
                               index=day, prefix=f" date {date} – ")
        entities = [Entity(place, "GPE_LOC", all_spans(article, place)),
                    Entity(organisation, "ORG", all_spans(article, organisation))]
        pairs.append((article, link_entity_keys(Facts(entities=entities))))
    return pairs


def build_story_store(path: Path) -> Path:
    from nyhetsgraf import kb

    with open_store(path) as store:
        for article, facts in story_articles():
            store.add(article, facts)
        store.commit()
        kb.update(store)
    return path


def cached_store(kind: str, factory: pytest.TempPathFactory) -> Path:
    """One store of each kind ("demo", "built", "story") per test session, whichever module asks first."""
    if kind not in _stores:
        folder = factory.mktemp(f"web-{kind}")
        build = {"demo": build_demo_store, "built": build_hand_built_store, "story": build_story_store}[kind]
        _stores[kind] = build(folder / f"{kind}.db")
    return _stores[kind]
