"""Seeded generator of Norwegian news-like articles for benchmarks (invented vocabulary, no real texts)."""

from __future__ import annotations

import random
from collections.abc import Iterator

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


class NewsGenerator:
    """Articles of about ``words`` words each, varied but reproducible for a given seed."""

    def __init__(self, seed: int = 2024, words: int = 300) -> None:
        self.random = random.Random(seed)
        self.words = words

    def person(self) -> str:
        pick = self.random.choice
        return f"{pick(ROLES)} {pick(FIRST_NAMES)} {pick(LAST_NAMES)}"

    def number(self) -> str:
        value = self.random.choice((self.random.randint(2, 20), self.random.randint(20, 900),
                                    self.random.randint(1000, 20000)))
        return f"{value:,}".replace(",", ".")

    def sentence(self) -> str:
        def upper_first(text: str) -> str:
            return text[:1].upper() + text[1:]

        pick = self.random.choice
        templates = (
            lambda: f"{pick(ORGS)} {pick(VERBS_PAST)} {pick(NOUNS)} {pick(TIMES)}, opplyser {self.person()}.",
            lambda: upper_first(f"{pick(BOUNDS)}{self.number()} {pick(PEOPLE)} i {pick(PLACES)} blir "
                    f"berørt av {pick(NOUNS)}, ifølge {pick(ORGS)}."),
            lambda: f"– {pick(QUOTE_OPENERS)}, sier {self.person()} til avisen.",
            lambda: f"Ifølge {pick(ORGS)} er {pick(NOUNS)} {pick(ADVERBS)} ventet å koste "
                    f"{self.number()} millioner kroner.",
            lambda: f"{pick(FIRST_NAMES)} {pick(LAST_NAMES)} mener {pick(NOUNS)} {pick(ADVERBS)} rammer "
                    f"{pick(PEOPLE)} i {pick(PLACES)} hardest.",
            lambda: f"Saken ble behandlet i kommunestyret i {pick(PLACES)} {pick(TIMES)}, og et flertall "
                    f"{pick(VERBS_PAST)} {pick(NOUNS)}.",
            lambda: f"Også i {pick(COUNTRIES)} har {pick(NOUNS)} skapt debatt det siste året.",
            lambda: f"{upper_first(self.person())} sier at {pick(ORGS)} {pick(ADVERBS)} vil se på "
                    f"{pick(NOUNS)} på nytt.",
        )
        return pick(templates)()

    def article(self, number: int) -> dict[str, str]:
        pick = self.random.choice
        title = f"{pick(HEADLINE_PARTS)} {pick(NOUNS)} i {pick(PLACES)}"
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
