"""Story linking kept up to date incrementally: whatever runs a corpus is split into, the links and
stories are those of one run over all of it (texts written for these tests)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from conftest import BACKENDS
from kb_stories import ALL, Story, article_and_facts
from nyhetsgraf import kb
from nyhetsgraf.records import Entity, Facts
from nyhetsgraf.store import open_store

# -- a fire story that runs for four months, every article within a month of the one before ---------

FIRE_NEWS = [
    ("2024-03-01", "Storbrann i fabrikken i Nordvik", "brant ned natt til fredag"),
    ("2024-03-12", "Politiet etterforsker brannen i Nordvik", "kan ha startet i lageret"),
    ("2024-03-30", "Eierne vil bygge fabrikken i Nordvik opp igjen", "ikke var påsatt"),
    ("2024-04-22", "Forsikringen dekker brannen i Nordvik", "kostet over hundre millioner"),
    ("2024-05-17", "Arbeidet med ny fabrikk i Nordvik er i gang", "ga nye krav til lageret"),
    ("2024-06-10", "Brannvesenet i Nordvik får nytt utstyr", "viste at utstyret var for gammelt"),
    ("2024-07-05", "Ny rapport om brannen i Nordvik", "spredte seg gjennom ventilasjonen"),
]


def fire(index: int) -> Story:
    date, title, detail = FIRE_NEWS[index]
    text = (
        f"{title}\n\n"
        f"Brannsjef Hege Solberg i Nordvik brannvesen sier at brannen i fabrikken i Nordvik {detail}. "
        "Etterforskningen av årsaken til brannen fortsetter, og eierne vurderer skadene på lokalene. "
        "– Vi følger saken tett, sier Solberg. De ansatte venter fortsatt på beskjed om arbeidsplassene."
    )
    return Story(
        f"brann-{index + 1}.txt",
        date,
        text,
        {
            "Nordvik": ("GPE_LOC", ["Nordvik"]),
            "Hege Solberg": ("PER", ["Hege Solberg", "Solberg"]),
            "Nordvik brannvesen": ("ORG", ["Nordvik brannvesen"]),
        },
    )


FIRE = [fire(i) for i in range(len(FIRE_NEWS))]

# -- two articles sharing a town and a person, and later news naming only the town ------------------

LUND = [
    Story(
        "kai-1.txt",
        "2024-09-02",
        "Vil bygge ny kai i Solvik\n\nEirik Lund i Solvik vil bygge ny kai ved fiskemottaket. Fiskerne i "
        "bygda støtter planene, og kommunen må behandle søknaden om kaien før sommeren.",
        {"Solvik": ("GPE_LOC", ["Solvik"]), "Eirik Lund": ("PER", ["Eirik Lund"])},
    ),
    Story(
        "kai-2.txt",
        "2024-09-04",
        "Kommunen behandler kaien i Solvik\n\nSøknaden om ny kai ved fiskemottaket kommer opp før "
        "sommeren. Planene til Eirik Lund i Solvik har støtte blant fiskerne i bygda, som vil bygge.",
        {"Solvik": ("GPE_LOC", ["Solvik"]), "Eirik Lund": ("PER", ["Eirik Lund"])},
    ),
]
TOPICS = ["kulturhuset", "skolen", "veien", "biblioteket", "kirken", "havnen", "barnehagen",
          "butikken", "hotellet", "fergen", "svømmehallen", "legekontoret"]
PEOPLE = ["Anders Vik", "Berit Moe", "Carl Aas", "Dina Rød", "Egil Nes", "Frida Lie", "Geir Bø",
          "Hilde Ask", "Ivar Dal", "Janne Sand", "Knut Li", "Lene Ruud"]
SOLVIK_NEWS = [
    Story(
        f"solvik-{n}.txt",
        f"2024-09-{3 + n // 2:02d}",
        f"Nytt om {topic} i Solvik\n\n{person} forteller om {topic} i Solvik og om planene for {topic}.",
        {"Solvik": ("GPE_LOC", ["Solvik"]), person: ("PER", [person])},
    )
    for n, (topic, person) in enumerate(zip(TOPICS, PEOPLE, strict=True))
]

# -- a chain: the middle article links the first and the last, which share one name only -------------

CHAIN_NEWS = [
    ("2024-11-01", ["Ola Nes"],
     "Heisen i Fjellheim står\n\nSkisenteret må stenge heisen etter at en vaier røk under kontrollen. "
     "Reparasjonen venter på deler, og leder Ola Nes beklager overfor dem med sesongkort."),
    ("2024-11-05", ["Ola Nes", "Siri Holm"],
     "Stengt heis i Fjellheim i uker\n\nReparasjonen av vaieren i skisenteret tar uker, sier Ola Nes. "
     "Montør Siri Holm venter på deler, og sesongkortene refunderes ikke før kontrollen."),
    ("2024-11-09", ["Siri Holm"],
     "Deler til heisen i Fjellheim kom fram\n\nMontør Siri Holm er i gang med reparasjonen av vaieren. "
     "Skisenteret venter at heisen går igjen om uker, etter kontrollen."),
]
CHAIN = [
    Story(
        f"heis-{n}.txt",
        date,
        text,
        {"Fjellheim": ("GPE_LOC", ["Fjellheim"]), **{p: ("PER", [p]) for p in people}},
    )
    for n, (date, people, text) in enumerate(CHAIN_NEWS, start=1)
]


def ingest(db: str, stories: list[Story]) -> None:
    with open_store(db) as store:
        for story in stories:
            store.add(*article_and_facts(story))
        store.commit()
        kb.update(store)


def state(db: str) -> tuple[set[frozenset[str]], list[tuple], list[tuple[str, str, float]]]:
    """(stories as sets of sources, the story rows, the links between sources with their scores)."""
    with open_store(db) as store:
        source = {
            int(r["rid"]): r["path"]
            for r in store.query(
                "SELECT a.rid, s.path FROM articles a JOIN sources s ON s.source_id = a.source_id"
            )
        }
        stories: dict[str, set[str]] = {}
        for r in store.query("SELECT article_rid, story FROM kb_articles"):
            stories.setdefault(r["story"], set()).add(source[int(r["article_rid"])])
        rows = sorted(
            (r["id"], r["title"], r["first_date"], r["last_date"], int(r["articles"]))
            for r in store.query("SELECT id, title, first_date, last_date, articles FROM kb_stories")
        )
        links = sorted(
            (*sorted((source[int(r["a"])], source[int(r["b"])])), round(float(r["score"]), 9))
            for r in store.query("SELECT a, b, score FROM kb_story_links")
        )
    return {frozenset(s) for s in stories.values()}, rows, links


def story_of(db: str, source: str) -> set[str]:
    found, _, _ = state(db)
    return set(next(s for s in found if source in s))


CORPUS = ALL + FIRE + LUND + SOLVIK_NEWS + CHAIN


@pytest.fixture(scope="module", params=BACKENDS)
def one_run(request: pytest.FixtureRequest, new_store_url: Callable[[str], str]) -> str:
    db = new_store_url(request.param)
    ingest(db, CORPUS)
    return db


def test_one_run_finds_the_long_story_and_keeps_a_diluted_name_from_linking(one_run: str) -> None:
    assert story_of(one_run, "brann-1.txt") == {s.source for s in FIRE}
    stories, rows, _ = state(one_run)
    assert len(rows) == len(stories) and sum(r[4] for r in rows) == len(CORPUS)  # a row per story
    # "Solvik" is in every article of those weeks: only Eirik Lund is left, and one name never links
    assert story_of(one_run, "kai-1.txt") == {"kai-1.txt"}
    assert story_of(one_run, "heis-1.txt") == {"heis-1.txt", "heis-2.txt", "heis-3.txt"}


@pytest.mark.parametrize("split", ["one article a run", "one article a run, reversed", "three runs"])
def test_a_corpus_split_into_runs_gives_the_links_and_stories_of_one_run(
    split: str, one_run: str, new_store_url: Callable[[str], str]
) -> None:
    db = new_store_url("postgresql" if one_run.startswith("postgresql://") else "sqlite")
    if split == "three runs":
        shuffled = CORPUS[:]
        random.Random(3).shuffle(shuffled)
        runs = [shuffled[:9], shuffled[9:20], shuffled[20:]]
    else:
        runs = [[s] for s in (CORPUS if split == "one article a run" else reversed(CORPUS))]
    for run in runs:
        ingest(db, run)
    assert state(db) == state(one_run)


def test_a_story_growing_over_many_runs_stays_one_story(tmp_path) -> None:
    db = str(tmp_path / "growing.db")
    for n, story in enumerate(FIRE, start=1):
        ingest(db, [story])
        stories, rows, _ = state(db)
        assert {s.source for s in FIRE[:n]} in stories
        (row,) = [r for r in rows if r[4] > 1] or [r for r in rows]
        assert row[1:] == (FIRE[0].text.split("\n")[0], FIRE[0].date, story.date, n)
    one = str(tmp_path / "one.db")
    ingest(one, FIRE)
    assert state(db) == state(one)


def test_an_earlier_article_arriving_late_renames_the_story(tmp_path) -> None:
    db, one = str(tmp_path / "late.db"), str(tmp_path / "one.db")
    ingest(db, FIRE[1:])
    ingest(db, FIRE[:1])  # the story's id and title come from its earliest article
    ingest(one, FIRE)
    assert state(db) == state(one)
    assert state(db)[1][0][1] == "Storbrann i fabrikken i Nordvik"


def test_later_articles_that_make_a_name_common_undo_a_link(tmp_path) -> None:
    db = str(tmp_path / "diluted.db")
    ingest(db, LUND)
    assert story_of(db, "kai-1.txt") == {"kai-1.txt", "kai-2.txt"}
    ingest(db, SOLVIK_NEWS)
    assert story_of(db, "kai-1.txt") == {"kai-1.txt"}
    one = str(tmp_path / "one.db")
    ingest(one, LUND + SOLVIK_NEWS)
    assert state(db) == state(one)


def _replace(db: str, story: Story, entities: list[Entity]) -> None:
    article, _ = article_and_facts(story)
    with open_store(db) as store:
        assert store.replace_facts(article.id, Facts(entities=entities), "test-model", "test-lexicon")
        store.commit()
        kb.update(store)


def _fresh(tmp_path, name: str, stories: list[Story], replaced: dict[str, list[Entity]]) -> str:
    db = str(tmp_path / name)
    with open_store(db) as store:
        for story in stories:
            article, facts = article_and_facts(story)
            store.add(article, Facts(entities=replaced[story.source]) if story.source in replaced else facts)
        store.commit()
        kb.update(store)
    return db


@pytest.mark.parametrize("backend", BACKENDS)
def test_replaced_facts_re_cluster_the_story(backend: str, new_store_url: Callable[[str], str],
                                             tmp_path) -> None:
    db = new_store_url(backend)
    ingest(db, CHAIN)
    assert story_of(db, "heis-1.txt") == {"heis-1.txt", "heis-2.txt", "heis-3.txt"}
    middle = article_and_facts(CHAIN[1])[1].entities
    town_only = [e for e in middle if e.name == "Fjellheim"]
    _replace(db, CHAIN[1], town_only)  # the middle article no longer names the people: the chain breaks
    assert story_of(db, "heis-1.txt") == {"heis-1.txt"} and story_of(db, "heis-3.txt") == {"heis-3.txt"}
    assert state(db) == state(_fresh(tmp_path, "fresh.db", CHAIN, {"heis-2.txt": town_only}))
    _replace(db, CHAIN[1], middle)
    assert story_of(db, "heis-1.txt") == {"heis-1.txt", "heis-2.txt", "heis-3.txt"}


def _news(index: int, topic: str, names: dict[str, str]) -> Story:
    person = next(n for n, t in names.items() if t == "PER")
    place = next(n for n, t in names.items() if t == "GPE_LOC")
    return Story(
        f"nytt-{index}.txt",
        f"2024-09-{3 + index % 4:02d}",
        f"Nytt om {topic} i {place}\n\n{person} forteller om {topic} i {place} og om planene for {topic}.",
        {name: (entity_type, [name]) for name, entity_type in names.items()},
    )


def test_names_leaving_with_replaced_facts_reweigh_the_pairs_around_them(tmp_path) -> None:
    """One of the articles naming "Solvik" no longer does: the name is in ten articles again, counts,
    and the two articles about the quay link, although neither of them changed and no weight of theirs
    moved between the store without and with the re-linked article (it had moved when it left)."""
    places = ["Elvestad", "Åsbygd", "Bakkeby", "Nyvoll", "Granli", "Sjøberg", "Furuly", "Myrvang"]
    solvik = [_news(i, TOPICS[i], {"Solvik": "GPE_LOC", PEOPLE[i]: "PER"}) for i in range(9)]
    eirik = [_news(9 + i, TOPICS[i], {places[i]: "GPE_LOC", "Eirik Lund": "PER"}) for i in range(8)]
    other = [_news(17, "fergen", {"Holmen": "GPE_LOC", "Lene Ruud": "PER"})]
    corpus = LUND + solvik + eirik + other  # 20 articles: "Solvik" in 11, "Eirik Lund" in 10
    db = str(tmp_path / "reweighed.db")
    ingest(db, corpus)
    assert story_of(db, "kai-1.txt") == {"kai-1.txt"}
    replaced = {solvik[0].source: [e for e in article_and_facts(solvik[0])[1].entities if e.name != "Solvik"]}
    _replace(db, solvik[0], replaced[solvik[0].source])
    assert story_of(db, "kai-1.txt") == {"kai-1.txt", "kai-2.txt"}
    assert state(db) == state(_fresh(tmp_path, "fresh.db", corpus, replaced))
