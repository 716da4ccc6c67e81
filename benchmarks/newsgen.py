"""Seeded generator of Norwegian news-like articles for benchmarks (invented texts, no real articles).

``NewsGenerator()`` uses the small built-in word lists below; ``NewsGenerator(vocabulary=
Vocabulary.large())`` draws names, places, organisations and topics from the package's own large
tables (the first-name lexicon, the Nordic place and world town gazetteers, the full-form
dictionary), so that a search index over many articles has a realistic number of distinct terms.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

FIRST_NAMES = ("Kari", "Ola", "Ingrid", "Lars", "Marte", "Jonas", "Sigrid", "Eirik", "Hanne", "Tor", "Aslak",
               "Ragnhild", "Bjørn", "Solveig", "Håkon", "Åse", "Nils", "Liv", "Magnus", "Tuva")
LAST_NAMES = ("Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Lien", "Strand", "Bakke",
              "Moen", "Sæther", "Holm", "Nygård", "Aas", "Solberg", "Eide", "Vik", "Fjeld", "Brekke")
ROLES = ("ordfører", "statsråd", "politimester", "rådmann", "fylkesleder", "forsker", "talsperson",
         "styreleder", "rektor", "overlege", "hovedtillitsvalgt", "direktør")
ORGS = ("Statens vegvesen", "Helse Nord", "Forsvaret", "Sykehuset Innlandet", "Fylkeskommunen", "NAV",
        "Politiets fellesforbund", "Norsk Vann", "Kystverket", "Utdanningsforbundet", "Mattilsynet",
        "Røde Kors", "Redningsselskapet", "Statnett", "Bane NOR")
PLACES = ("Tromsø", "Bodø", "Bergen", "Stavanger", "Trondheim", "Kristiansand", "Drammen", "Hamar", "Ålesund",
          "Molde", "Alta", "Harstad", "Lillehammer", "Gjøvik", "Arendal", "Sogndal", "Førde", "Narvik")
COUNTRIES = ("Sverige", "Finland", "Danmark", "Tyskland", "Litauen", "Polen", "Island", "Frankrike")
NOUNS = ("budsjettet", "planen", "avtalen", "rapporten", "tiltakene", "forslaget", "vedtaket", "prosjektet",
         "ordningen", "utbyggingen", "beredskapen", "reformen", "tilskuddet", "kontrakten")
VERBS_PAST = ("la fram", "avviste", "godkjente", "kritiserte", "utsatte", "forsvarte", "endret", "stanset",
              "vurderte", "støttet", "anbefalte", "trakk tilbake")
PEOPLE = ("ansatte", "elever", "pasienter", "soldater", "innbyggere", "passasjerer", "demonstranter",
          "frivillige", "studenter", "beboere", "sjåfører", "turister")
TIMES = ("i går", "tirsdag", "forrige uke", "i morgen", "neste måned", "natt til søndag", "i fjor", "i vår",
         "før jul", "etter påske", "torsdag ettermiddag", "i helgen")
ADVERBS = ("trolig", "allerede", "likevel", "fortsatt", "snart", "nå", "ikke", "kanskje", "endelig")
BOUNDS = ("", "", "rundt ", "minst ", "over ", "nesten ", "cirka ")
QUOTE_OPENERS = ("Vi tar dette på største alvor", "Dette er en krevende situasjon for mange",
                 "Vi må finne en løsning før sommeren", "Jeg er glad for at vi endelig er i mål",
                 "Det er ingen grunn til panikk", "Vi har ikke fått noen god forklaring")
HEADLINE_PARTS = ("Nye krav om", "Strid om", "Uenighet om", "Full stans i", "Ja til", "Nei til", "Kutt i",
                  "Rekordinteresse for", "Usikkerhet rundt", "Ekstra penger til")
HEADINGS = ("Krevende år", "Ventet lenge", "Flere reagerer", "Ny runde", "Usikker framtid", "Mangler penger")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word lists a generator picks from."""

    first_names: tuple[str, ...] = FIRST_NAMES
    last_names: tuple[str, ...] = LAST_NAMES
    orgs: tuple[str, ...] = ORGS
    places: tuple[str, ...] = PLACES
    countries: tuple[str, ...] = COUNTRIES
    nouns: tuple[str, ...] = NOUNS

    @classmethod
    def large(cls) -> Vocabulary:
        """Tens of thousands of names, places, organisations and topic nouns from the package's tables."""
        from nyhetsgraf.resources.fullforms import full_forms
        from nyhetsgraf.resources.gazetteer import common_words, place_kinds, town_populations
        from nyhetsgraf.resources.lexicon import first_names

        def single_words(names: object) -> list[str]:
            return sorted({name.title() for name in names if name.isalpha() and 3 <= len(name) <= 14})

        villages = single_words(name for name, kind in place_kinds().items() if kind == "local")
        towns = single_words(name for name, people in town_populations().items() if int(people) > 30_000)
        forms = full_forms()
        # Definite singular nouns that running text writes in lower case: "budsjettet", "kommunen".
        nouns = sorted(word for word in common_words() if word.isalpha() and len(word) >= 6
                       and word.endswith(("en", "et")) and forms.has(word, "noun"))
        institutions = ("kommune", "sykehus", "politidistrikt", "havn", "IL", "tingrett", "brannvesen",
                        "energi", "universitet", "bibliotek")
        orgs = [f"{place} {institution}" for place in villages[::7] for institution in institutions]
        given = sorted(name.title() for name in first_names().genders if name.isalpha())
        return cls(first_names=tuple(given),
                   last_names=tuple(villages), orgs=tuple(orgs), places=tuple(towns + villages[1::5]),
                   countries=COUNTRIES, nouns=tuple(nouns))


class NewsGenerator:
    """Articles of about ``words`` words each, varied but reproducible for a given seed."""

    def __init__(self, seed: int = 2024, words: int = 300, vocabulary: Vocabulary | None = None) -> None:
        self.random = random.Random(seed)
        self.words = words
        self.vocabulary = vocabulary or Vocabulary()
    def person(self) -> str:
        pick = self.random.choice
        vocabulary = self.vocabulary
        return f"{pick(ROLES)} {pick(vocabulary.first_names)} {pick(vocabulary.last_names)}"

    def number(self) -> str:
        value = self.random.choice((self.random.randint(2, 20), self.random.randint(20, 900),
                                    self.random.randint(1000, 20000)))
        return f"{value:,}".replace(",", ".")

    def sentence(self) -> str:
        def upper_first(text: str) -> str:
            return text[:1].upper() + text[1:]

        pick = self.random.choice
        v = self.vocabulary
        templates = (
            lambda: f"{pick(v.orgs)} {pick(VERBS_PAST)} {pick(v.nouns)} {pick(TIMES)}, "
                    f"opplyser {self.person()}.",
            lambda: upper_first(f"{pick(BOUNDS)}{self.number()} {pick(PEOPLE)} i {pick(v.places)} blir "
                    f"berørt av {pick(v.nouns)}, ifølge {pick(v.orgs)}."),
            lambda: f"– {pick(QUOTE_OPENERS)}, sier {self.person()} til avisen.",
            lambda: f"Ifølge {pick(v.orgs)} er {pick(v.nouns)} {pick(ADVERBS)} ventet å koste "
                    f"{self.number()} millioner kroner.",
            lambda: f"{pick(v.first_names)} {pick(v.last_names)} mener {pick(v.nouns)} {pick(ADVERBS)} "
                    f"rammer {pick(PEOPLE)} i {pick(v.places)} hardest.",
            lambda: f"Saken ble behandlet i kommunestyret i {pick(v.places)} {pick(TIMES)}, og et flertall "
                    f"{pick(VERBS_PAST)} {pick(v.nouns)}.",
            lambda: f"Også i {pick(v.countries)} har {pick(v.nouns)} skapt debatt det siste året.",
            lambda: f"{upper_first(self.person())} sier at {pick(v.orgs)} {pick(ADVERBS)} vil se på "
                    f"{pick(v.nouns)} på nytt.",
        )
        return pick(templates)()

    def article(self, number: int) -> dict[str, str]:
        pick = self.random.choice
        v = self.vocabulary
        title = f"{pick(HEADLINE_PARTS)} {pick(v.nouns)} i {pick(v.places)}"
        paragraphs: list[str] = []
        count = 0
        while count < self.words:
            paragraph = " ".join(self.sentence() for _ in range(self.random.randint(2, 4)))
            count += len(paragraph.split())
            paragraphs.append(paragraph)
            if self.random.random() < 0.08 and count < self.words - 60:
                paragraphs.append(pick(HEADINGS))
        month = 1 + number % 12
        day = 1 + number % 28
        return {"id": f"bench-{number}", "title": title, "date": f"2024-{month:02d}-{day:02d}",
                "text": "\n\n".join(paragraphs)}

    def articles(self, count: int) -> Iterator[dict[str, str]]:
        for number in range(count):
            yield self.article(number)
