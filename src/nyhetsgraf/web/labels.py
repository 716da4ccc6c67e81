"""Norwegian labels for the codes the extractors use (the pages speak Norwegian; the API keeps the codes)."""

from __future__ import annotations

ENTITY_TYPES: dict[str, str] = {
    "PER": "person",
    "ORG": "organisasjon",
    "GPE_LOC": "land/sted",
    "GPE_ORG": "stat/myndighet",
    "GPE": "geopolitisk enhet",
    "LOC": "sted",
    "PROD": "produkt/verk",
    "EVT": "begivenhet",
    "DRV": "avledet navn",
    "MISC": "annet",
}

EVENT_TYPES: dict[str, str] = {
    "AGREE": "enighet",
    "CONSULT": "konsultasjon",
    "SUPPORT": "støtte",
    "CONCEDE": "innrømmelse",
    "COOPERATE": "samarbeid",
    "AID": "bistand",
    "RETREAT": "tilbaketrekking",
    "REQUEST": "anmodning",
    "ACCUSE": "anklage",
    "REJECT": "avvisning",
    "THREATEN": "trussel",
    "PROTEST": "protest",
    "SANCTION": "sanksjon",
    "MOBILIZE": "mobilisering",
    "COERCE": "tvang",
    "ASSAULT": "angrep",
}

COUNT_CATEGORIES: dict[str, str] = {
    "DEPLOY": "utsendte",
    "KILL": "drepte",
    "WOUND": "skadde",
    "ARREST": "pågrepne",
    "MISSING": "savnede",
    "KIDNAP": "bortførte",
    "EVACUATE": "evakuerte",
    "DISPLACE": "fordrevne",
    "PROTEST": "demonstranter",
    "OTHER": "annet antall",
}

COUNT_BOUNDS: dict[str, str] = {
    "exact": "",
    "about": "rundt",
    "at_least": "minst",
    "more_than": "over",
    "at_most": "høyst",
    "less_than": "under",
}

LANGUAGES: dict[str, str] = {"nb": "bokmål", "nn": "nynorsk"}

LAYERS: dict[str, str] = {
    "entity": "navn",
    "quote": "sitat",
    "count": "antall",
    "event": "hendelse",
    "time": "tid",
}


def label(table: dict[str, str], code: str | None) -> str:
    """The Norwegian label of a code, or the code itself when it is not known."""
    if code is None:
        return "—"
    return table.get(code, code)
