"""Scale of the knowledge base: link a large generated corpus in batches, then time its queries.

    python benchmarks/kb_scale.py                      # 100,000 articles in batches of 10,000
    python benchmarks/kb_scale.py --articles 20000 --batch 5000
    python benchmarks/kb_scale.py --db kb.db                 # keep the store ...
    python benchmarks/kb_scale.py --db kb.db --only-queries  # ... and time its queries again

Generates Norwegian-like articles (recurring and colliding names: many people share a surname,
towns share names with clubs; stories unfolding over days; 2 % republished near-duplicates) with
synthetic facts (entities with their mentions, counts with a location), stores them without NLP, and
after each batch runs ``nyhetsgraf.kb.update``. Prints the linking speed of each batch in articles per
second of CPU time (steady on a shared machine) and of wall time (the last
should be no slower than 1.5 x the first: no quadratic step), the peak RSS of the process, and the
p50/p95 time of ``entity``, ``story`` and ``series`` queries on the full store.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from nyhetsgraf import kb
from nyhetsgraf.records import Article, Count, Document, Entity, Facts
from nyhetsgraf.store import open_store

FIRST = [
    "Kari",
    "Ola",
    "Per",
    "Anne",
    "Ingrid",
    "Lars",
    "Eva",
    "Jon",
    "Silje",
    "Morten",
    "Tone",
    "Nina",
    "Henrik",
    "Marte",
    "Arvid",
    "Hanne",
    "Rune",
    "Frode",
    "Lise",
    "Camilla",
]
LAST = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Berg",
    "Haugen",
    "Bakken",
    "Lie",
    "Moen",
    "Dahl",
    "Lunde",
    "Strand",
    "Voss",
    "Mørk",
    "Ruud",
    "Aune",
    "Brekke",
]
PLACES = [
    f"{a}{b}"
    for a in ("Tverr", "Lille", "Stor", "Nord", "Sør", "Vest", "Øst", "Midt", "Ny", "Gammel")
    for b in ("dal", "vik", "fjord", "bø", "heim", "ås", "lia", "vang", "sund", "nes")
]
EVENTS = [
    ("flom", "KILL", "omkom", "person"),
    ("brann", "EVACUATE", "evakuert", "beboer"),
    ("streik", "PROTEST", "streiker", "ansatt"),
    ("skred", "MISSING", "savnet", "person"),
    ("ulykke", "WOUND", "skadd", "person"),
]
COMMON = [("Norge", "GPE_LOC"), ("Stortinget", "ORG"), ("NTB", "ORG"), ("Oslo", "GPE_LOC")]


class Generator:
    """Stories of 1-8 articles over up to three weeks, each with its people, place and event."""

    def __init__(self, seed: int, days: int) -> None:
        self.rng = random.Random(seed)
        syllables = ["ka", "ri", "to", "ne", "sa", "ve", "lo", "mi", "den", "ber", "stad", "kor", "fin", "ul"]
        self.words = sorted(
            {"".join(self.rng.choices(syllables, k=self.rng.randint(2, 4))) for _ in range(6000)}
        )
        self.days = days
        self.start = date(2024, 1, 1)

    def articles(self, n: int):  # noqa: ANN201 - a generator of (Article, Facts)
        produced, story = 0, 0
        while produced < n:
            story += 1
            day = int(self.days * produced / n)
            kind, category, verb, noun = self.rng.choice(EVENTS)
            place = self.rng.choice(PLACES)
            people = [
                f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}" for _ in range(self.rng.randint(1, 3))
            ]
            club = self.rng.random() < 0.1  # a club named after the town, in a story of its own
            value = self.rng.randint(2, 400)
            for part in range(self.rng.randint(1, 8)):
                if produced >= n:
                    return
                value = max(1, value + self.rng.randint(-value // 3, value // 2))
                published = self.start + timedelta(days=day + part * self.rng.randint(1, 3))
                text, entities, counts = self._text(
                    kind, category, verb, noun, place, people, value, story, part, club
                )
                yield self._article(
                    f"kilde-{story % 97}.txt", story * 10 + part, published, text, entities, counts
                )
                produced += 1
                if self.rng.random() < 0.02 and produced < n:  # republished with small edits
                    copy = text.replace(" sier ", " opplyser ").replace("fortsatt", "framleis")
                    yield self._article(
                        "annen-avis.txt", story * 10 + part, published, "Oppdatert: " + copy, entities, counts
                    )
                    produced += 1

    def _text(
        self,
        kind: str,
        category: str,
        verb: str,
        noun: str,
        place: str,
        people: list[str],
        value: int,
        story: int,
        part: int,
        club: bool,
    ):  # noqa: ANN202
        lead = people[0]
        common = self.rng.sample(COMMON, 2)
        if club:
            text = (
                f"{place} vant kampen mot {self.rng.choice(PLACES)} IL\n\n{place} slo gjestene {part + 2}-1 "
                f"søndag, og trener {lead} var fornøyd. – Vi spilte godt, sier {lead.split()[1]}. "
                f"Kampen ble sendt på {common[0][0]} sin kanal, melder {common[1][0]}. "
                + " ".join(self.rng.choices(self.words, k=120))
                + "."
            )
            return (
                text,
                {place: "ORG", lead: "PER", common[0][0]: common[0][1], common[1][0]: common[1][1]},
                [],
            )
        others = " og ".join(people[1:]) or "ingen andre"
        filler = " ".join(self.rng.choices(self.words, k=250))  # an article of some 300 words
        text = (
            f"{kind.capitalize()} i {place}: {value} {noun}er {verb}\n\n"
            f"{value} {noun}er er {verb} etter {kind}en i {place}, melder {common[0][0]}. "
            f"Innsatsleder {lead} sier at arbeidet fortsatt pågår, og at mannskapene jobber i skift. "
            f"– Situasjonen er alvorlig, sier {lead.split()[1]}. Også {others} var til stede i {place}. "
            f"Saken skal opp i {common[1][0]} senere, og sak nummer {story} får ny behandling i dag "
            f"(oppdatering {part}). Bakgrunn: {filler}."
        )
        entities = {place: "GPE_LOC", lead: "PER", common[0][0]: common[0][1], common[1][0]: common[1][1]}
        entities.update({p: "PER" for p in people[1:]})
        return text, entities, [(category, value, noun, place)]

    @staticmethod
    def _article(
        source: str, index: int, published: date, text: str, entities: dict[str, str], counts: list
    ) -> tuple[Article, Facts]:
        document = Document(source=source, text=text, format="text", date=published.isoformat(), record=index)
        article = Article(document, 0, (0, len(text)), title=text.split("\n", 1)[0])
        found = []
        for name, entity_type in entities.items():
            spans, start = [], text.find(name)
            while start >= 0:
                spans.append((start, start + len(name)))
                start = text.find(name, start + len(name))
            surname = name.split()[-1] if entity_type == "PER" else None
            if surname:
                spans += [(i, i + len(surname)) for i in _find_alone(text, surname, spans)]
            found.append(Entity(name, entity_type, sorted(spans)))
        names = list(entities)
        facts = [
            Count(
                category,
                float(value),
                "exact",
                noun,
                None,
                place,
                (text.find(str(value)), text.find(str(value)) + len(str(value))),
                None,
                names.index(place),
            )
            for category, value, noun, place in counts
        ]
        return article, Facts(entities=found, counts=facts)


def _find_alone(text: str, word: str, taken: list[tuple[int, int]]) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        if not any(s <= start < e for s, e in taken):
            found.append(start)
        start = text.find(word, start + len(word))
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365, help="days the corpus spans")
    parser.add_argument("--queries", type=int, default=100, help="queries of each kind timed")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only-queries", action="store_true",
                        help="time the queries on the store given with --db, built by an earlier run")
    args = parser.parse_args()
    if args.only_queries and (args.db is None or not args.db.exists()):
        parser.error("--only-queries needs --db with a store built by an earlier run")
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "kb_scale.db"
    generator = Generator(args.seed, args.days)
    rates = []
    with open_store(str(db), batch_size=2000) as store:
        batch: list[tuple[Article, Facts]] = []
        done = 0
        for pair in [] if args.only_queries else generator.articles(args.articles):
            batch.append(pair)
            if len(batch) == args.batch or done + len(batch) == args.articles:
                for article, facts in batch:
                    store.add(article, facts)
                store.commit()
                started, cpu_started = time.perf_counter(), time.process_time()
                summary = kb.update(store)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
                done += len(batch)
                rates.append(summary.articles / cpu)
                steps = ", ".join(f"{k} {v:.1f}" for k, v in summary.timings.items())
                print(
                    f"articles {done - len(batch) + 1:>7}-{done:<7} linked {summary.articles:>6}: "
                    f"{rates[-1]:5.0f} articles/s of CPU ({cpu:6.1f} s), "
                    f"{summary.articles / seconds:5.0f} of wall time ({seconds:6.1f} s; {steps})",
                    flush=True,
                )
                batch = []
        if rates:
            print(f"last/first batch CPU time ratio: {rates[0] / rates[-1]:.2f} (target <= 1.5)")
        if len(rates) > 2:  # the first batch links into an empty window; from the second on it is full
            print(f"last/second batch CPU time ratio: {rates[1] / rates[-1]:.2f}")
        rng = random.Random(args.seed)
        names = [r["name"] for r in store.query("SELECT name FROM kb_entities ORDER BY id LIMIT 5000")]
        story_ids = [r["id"] for r in store.query("SELECT id FROM kb_stories ORDER BY id LIMIT 5000")]
        timings: dict[str, list[float]] = {"entity": [], "story": [], "series": []}
        cpu_timings: dict[str, list[float]] = {"entity": [], "story": [], "series": []}
        for _ in range(args.queries):
            for label, call in (
                ("entity", lambda: kb.entity(store, rng.choice(names))),
                ("story", lambda: kb.story(store, rng.choice(story_ids))),
                ("series", lambda: kb.series(store, location=rng.choice(PLACES))),
            ):
                started, cpu_started = time.perf_counter(), time.process_time()
                call()
                timings[label].append((time.perf_counter() - started) * 1000)
                cpu_timings[label].append((time.process_time() - cpu_started) * 1000)
        for label, values in timings.items():
            cpu_values = cpu_timings[label]
            print(
                f"{label:>6} query: wall p50 {statistics.median(values):6.1f} ms, "
                f"p95 {percentile(values, 0.95):6.1f} ms; CPU p50 {statistics.median(cpu_values):6.1f} ms, "
                f"p95 {percentile(cpu_values, 0.95):6.1f} ms"
                " (target p95 < 100 ms)"
            )
        counts = store.query(
            "SELECT (SELECT count(*) FROM kb_entities) AS e, (SELECT count(*) FROM kb_stories) AS s,"
            " (SELECT count(*) FROM kb_articles WHERE duplicate_of IS NOT NULL) AS d"
        )[0]
        done = done or store.count_articles()
        print(
            f"{done} articles: {counts['e']} corpus entities, {counts['s']} stories, "
            f"{counts['d']} near-duplicates"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB (target < 1024 MB)")
    folder.cleanup()


if __name__ == "__main__":
    main()
