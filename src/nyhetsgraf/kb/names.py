"""Comparable forms of names: folding, genitives, company suffixes, and the variant table.

A *key* is what two names must share to be candidates for one entity: the name case-folded, hyphens
and surrounding punctuation removed, a legal-form suffix ("AS", "ASA") dropped, and mapped to the
preferred form of ``data/name_variants.tsv`` ("Noreg" -> "norge", "Kiev" -> "kyiv", "PST" ->
"politiets sikkerhetstjeneste").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

ENTITY_CLASSES = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "PLACE",
    "GPE_LOC": "PLACE",
    "GPE_ORG": "PLACE",
    "GPE": "PLACE",
}
_HYPHENS = dict.fromkeys(map(ord, "-\u00ad\u2010\u2011\u2012\u2013"), " ")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_LEGAL_FORMS = frozenset({"as", "asa", "sa", "ans", "da", "ba", "ab", "gmbh", "ltd", "inc", "plc"})
_GENITIVE = re.compile(r"(?:['’]s|['’]|s)$")


def entity_class(entity_type: str) -> str:
    """PER, ORG, PLACE (LOC and every GPE) or OTHER: types within one class are NER's usual confusions."""
    return ENTITY_CLASSES.get(entity_type.upper(), "OTHER")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-folded, NFC, hyphens as spaces, whitespace collapsed, punctuation at the edges removed."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_HYPHENS)
    return _EDGE_PUNCTUATION.sub("", " ".join(text.split()))


def strip_genitive(surface: str, known: set[str] | frozenset[str] = frozenset()) -> str:
    """A surface form without its genitive ending when the base form is ``known`` (as folded names),
    or when the ending is an apostrophe form ("Macy's"). "Økokrims" -> "Økokrim" when "økokrim" is
    known; "Hans" stays "Hans" unless "han" is."""
    if surface.endswith(("'s", "’s")):
        return surface[:-2]
    if surface.endswith(("'", "’")):
        return surface[:-1]
    if surface.endswith("s") and len(surface) > 2:
        base = surface[:-1]
        folded = fold(base)
        if folded in known or any(k.endswith(" " + folded) for k in known):
            return base
    return surface


@cache
def _variants() -> tuple[dict[str, str], dict[str, str]]:
    """(folded form -> folded preferred form, folded preferred form -> the preferred form as written)."""
    table: dict[str, str] = {}
    display: dict[str, str] = {}
    text = (files("nyhetsgraf.kb") / "data" / "name_variants.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        preferred, others, *_ = [*line.split("\t"), ""]
        target = fold(preferred)
        display[target] = preferred.strip()
        for form in [preferred, *others.split(",")]:
            if len(form.strip()) >= 2:
                table[fold(form)] = target
    return table, display


def variant_table() -> dict[str, str]:
    """Folded form -> folded preferred form, from ``data/name_variants.tsv``."""
    return _variants()[0]


def preferred_display(key: str) -> str | None:
    """The preferred form of a key as the variant table writes it ("arbeiderpartiet" -> "Arbeiderpartiet")."""
    return _variants()[1].get(key)


@cache
def preferred_forms() -> frozenset[str]:
    return frozenset(variant_table().values())


def without_legal_form(folded: str) -> str:
    words = folded.split()
    if len(words) > 1 and words[-1].replace(".", "") in _LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key of a name (see the module docstring); empty for a name of punctuation only."""
    folded = without_legal_form(fold(name))
    return variant_table().get(folded, folded)


def is_short_form(name: str) -> bool:
    """An acronym or short form ("PST", "Ap", "KrF", "NVE"): short, all capitals or capitals inside."""
    letters = name.replace("-", "")
    if not 2 <= len(letters) <= 6 or " " in name:
        return False
    capitals = sum(ch.isupper() for ch in letters)
    return letters.isupper() or capitals >= 2 or fold(name) in variant_table() and len(letters) <= 3


_FUNCTION_WORDS = frozenset(
    {"og", "i", "for", "av", "til", "på", "de", "den", "det", "dei", "of", "the", "and"}
)


def initials(name: str) -> str:
    """Initials of a long name's words, function words left out: "Norges vassdrags- og
    energidirektorat" -> "nve"."""
    words = [w for w in fold(name).split() if w not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def tokens(name: str) -> list[str]:
    return fold(name).split()
