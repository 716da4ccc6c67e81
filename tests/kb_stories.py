"""Short multi-article Norwegian test stories for the knowledge-base tests (written for these tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nyhetsgraf.records import Article, Count, Document, Entity, Facts, TimeExpression


@dataclass
class Story:
    source: str
    date: str
    text: str
    entities: dict[str, tuple[str, list[str]]]  # name -> (type, surface forms)
    counts: list[tuple[str, float, str, str | None, str | None, str]] = field(default_factory=list)
    # (category, value, bound, holder, location, number phrase)
    times: list[tuple[str, str]] = field(default_factory=list)  # (text, value)


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"s?(?!\w)", text)]


def article_and_facts(story: Story) -> tuple[Article, Facts]:
    document = Document(source=story.source, text=story.text, format="text", date=story.date)
    title = story.text.split("\n", 1)[0]
    article = Article(document, 0, (0, len(story.text)), title=title)
    entities = []
    for name, (entity_type, surfaces) in story.entities.items():
        taken: set[tuple[int, int]] = set()
        for surface in sorted(surfaces, key=len, reverse=True):
            for span in _spans(story.text, surface):
                if not any(s < span[1] and span[0] < e for s, e in taken):
                    taken.add(span)
        entities.append(Entity(name, entity_type, sorted(taken)))
    names = [e.name for e in entities]
    counts = []
    for category, value, bound, holder, location, phrase in story.counts:
        start = story.text.index(phrase)
        counts.append(
            Count(
                category,
                value,
                bound,
                "person",
                holder,
                location,
                (start, start + len(phrase)),
                names.index(holder) if holder in names else None,
                names.index(location) if location in names else None,
            )
        )
    times = []
    for text, value in story.times:
        start = story.text.index(text)
        times.append(TimeExpression(text, value, (start, start + len(text))))
    return article, Facts(entities=entities, counts=counts, times=times)


SKRED_1 = Story(
    "skred-1.txt",
    "2024-10-01",
    (
        "Tre savnet etter jordskred i Tverrdal\n\n"
        "Tre personer er savnet etter jordskredet i Tverrdal natt til tirsdag. "
        "Innsatsleder Kari Brekke i Vest "
        "politidistrikt sier at letingen etter de savnede pågår med hunder og helikopter.\n\n"
        "– Vi gjør alt vi kan for å finne dem, sier Brekke.\n\n"
        "Norges vassdrags- og energidirektorat (NVE) varsler mer regn og nye skred i dalen."
    ),
    {
        "Tverrdal": ("GPE_LOC", ["Tverrdal"]),
        "Kari Brekke": ("PER", ["Kari Brekke", "Brekke"]),
        "Vest politidistrikt": ("ORG", ["Vest politidistrikt"]),
        "Norges vassdrags- og energidirektorat": ("ORG", ["Norges vassdrags- og energidirektorat", "NVE"]),
    },
    [("MISSING", 3, "exact", None, "Tverrdal", "Tre personer")],
    [("natt til tirsdag", "2024-10-01")],
)

SKRED_2 = Story(
    "skred-2.txt",
    "2024-10-02",
    (
        "Fem savnet etter skredet i Tverrdal\n\n"
        "Fem personer er nå savnet etter jordskredet i Tverrdal, opplyser Vest "
        "politidistrikt onsdag. NVE sier at "
        "faren for nye skred i dalen ikke er over, og letingen med hunder og helikopter fortsetter.\n\n"
        "Innsatsleder Kari Brekke ber folk holde seg unna. Ordfører Per Brekke i Tverrdal takker mannskapene."
    ),
    {
        "Tverrdal": ("GPE_LOC", ["Tverrdal"]),
        "Vest politidistrikt": ("ORG", ["Vest politidistrikt"]),
        "NVE": ("ORG", ["NVE"]),
        "Kari Brekke": ("PER", ["Kari Brekke"]),
        "Per Brekke": ("PER", ["Per Brekke"]),
    },
    [("MISSING", 5, "exact", None, "Tverrdal", "Fem personer")],
)

# The same wire story in another outlet, same day, with a new headline and small edits.
SKRED_2_COPY = Story(
    "avis-b.txt",
    "2024-10-02",
    (
        "Nå er fem savnet i Tverrdal\n\n"
        "Fem personer er nå savnet etter jordskredet i Tverrdal, opplyser Vest "
        "politidistrikt til NTB onsdag. NVE "
        "sier at faren for nye skred i dalen ikke er over, og letingen med hunder og "
        "helikopter fortsetter.\n\n"
        "Innsatsleder Kari Brekke ber folk holde seg unna. Ordfører Per Brekke i Tverrdal takker mannskapene."
    ),
    {
        "Tverrdal": ("GPE_LOC", ["Tverrdal"]),
        "Vest politidistrikt": ("ORG", ["Vest politidistrikt"]),
        "NVE": ("ORG", ["NVE"]),
        "Kari Brekke": ("PER", ["Kari Brekke"]),
        "Per Brekke": ("PER", ["Per Brekke"]),
        "NTB": ("ORG", ["NTB"]),
    },
    [("MISSING", 5, "exact", None, "Tverrdal", "Fem personer")],
)

SKRED_3_NN = Story(
    "skred-3.txt",
    "2024-10-04",
    (
        "Skredet i Tverrdal: to funne i live\n\n"
        "To av dei sakna etter jordskredet i Tverrdal er funne i live, og no er tre framleis sakna, opplyser "
        "Vest politidistrikt. Leitinga med hundar og helikopter held fram, seier "
        "innsatsleiar Kari Brekke.\n\n"
        "NVE meiner faren for nye skred i dalen er mindre. Noreg har sendt eit nytt helikopter."
    ),
    {
        "Tverrdal": ("LOC", ["Tverrdal"]),
        "Vest politidistrikt": ("ORG", ["Vest politidistrikt"]),
        "Kari Brekke": ("PER", ["Kari Brekke"]),
        "NVE": ("ORG", ["NVE"]),
        "Noreg": ("GPE_LOC", ["Noreg"]),
    },
    [("MISSING", 3, "exact", None, "Tverrdal", "tre framleis sakna")],
)

# A club named after the town, in another story: must stay another entity.
FOTBALL = Story(
    "sport.txt",
    "2024-10-20",
    (
        "Tverrdal slo Lillevik i seriefinalen\n\n"
        "Tverrdal vant 2–1 borte mot Lillevik søndag og rykker opp. Trener Ola Brekke var svært fornøyd med "
        "kampen.\n\n– Guttene spilte sin beste kamp i år, sier Brekke."
    ),
    {
        "Tverrdal": ("ORG", ["Tverrdal"]),
        "Lillevik": ("ORG", ["Lillevik"]),
        "Ola Brekke": ("PER", ["Ola Brekke", "Brekke"]),
    },
)

PST_1 = Story(
    "politikk-1.txt",
    "2024-10-08",
    (
        "Arbeiderpartiet vil gi PST mer penger\n\n"
        "Arbeiderpartiet foreslår å øke budsjettet til Politiets sikkerhetstjeneste (PST) med 200 millioner "
        "kroner neste år. Forslaget skal behandles i Stortinget før jul.\n\n"
        "– Trusselbildet mot Norge er alvorlig, sier justispolitisk talsperson Eva Dal."
    ),
    {
        "Arbeiderpartiet": ("ORG", ["Arbeiderpartiet"]),
        "Politiets sikkerhetstjeneste": ("ORG", ["Politiets sikkerhetstjeneste", "PST"]),
        "Stortinget": ("ORG", ["Stortinget"]),
        "Norge": ("GPE_LOC", ["Norge"]),
        "Eva Dal": ("PER", ["Eva Dal"]),
    },
)

PST_2 = Story(
    "politikk-2.txt",
    "2024-10-15",
    (
        "Flertall for mer penger til PST\n\n"
        "Ap får flertall i Stortinget for å øke budsjettet til PST med 200 millioner "
        "kroner. Trusselbildet mot "
        "Norge er alvorlig, mener Eva Dal.\n\n"
        "Forslaget behandles i Stortinget før jul."
    ),
    {
        "Ap": ("ORG", ["Ap"]),
        "PST": ("ORG", ["PST"]),
        "Stortinget": ("ORG", ["Stortinget"]),
        "Norge": ("GPE_LOC", ["Norge"]),
        "Eva Dal": ("PER", ["Eva Dal", "Dal"]),
    },
)

# A place with a person's surname as its name: must stay apart from the person.
ULYKKE = Story(
    "ulykke.txt",
    "2024-10-16",
    (
        "To skadd i ulykke i Dal\n\n"
        "To personer ble skadd da to biler kolliderte i Dal tirsdag kveld, opplyser Øst politidistrikt."
    ),
    {"Dal": ("GPE_LOC", ["Dal"]), "Øst politidistrikt": ("ORG", ["Øst politidistrikt"])},
    [("WOUND", 2, "exact", None, "Dal", "To personer")],
)

ALL = [SKRED_1, SKRED_2, SKRED_2_COPY, SKRED_3_NN, FOTBALL, PST_1, PST_2, ULYKKE]
