"""Nouns that name who can act, what can be hit, and texts that speak.

An event needs an actor that can act ("politiet", "demonstrantene", "fagforeningslederen") and a
target that fits its type (a person, or for attacks a place: "militærleiren"); a reported statement
needs a speaker that can speak. The word lists are heads: a compound counts by its last part.
"""

from __future__ import annotations

from functools import lru_cache

from nyhetsgraf.resources import lexicon
from nyhetsgraf.resources.words import word_set

# Heads that may end a compound agent noun only as a whole word ("forrett" is no court, "Holland"
# no land): short or ambiguous endings.
_WHOLE_WORD_HEADS = {"rett", "land", "part", "organ", "lag", "mor", "far", "bror", "kunde", "styre"}
# Particles and adverbs before an "s" that belongs to the head, not a linking -s- ("forslag",
# "tilbakeslag", "utslag" are no teams, "idrettslag" is).
_PARTICLE_PREFIXES = frozenset({"for", "til", "tilbake", "ut", "an", "opp", "inn", "på", "ned", "gjennom",
                                "over", "under", "om", "av", "bak", "mot", "fram", "frem", "sam"})


@lru_cache(maxsize=1)
def _agent_heads() -> frozenset[str]:
    """Nouns that name someone who can act: the agent list and the non-document speaker nouns."""
    speaker = {noun.lemma for noun in lexicon.speaker_nouns().values() if noun.kind != "document"}
    return word_set("event_agent_nouns") | frozenset(speaker)


def _noun_bases(word: str) -> tuple[str, ...]:
    """A noun form and its guessed base forms without the definite or plural ending
    ("soldatene" -> "soldat", "kvinner" -> "kvinne", "menn" -> "mann")."""
    result = [word]
    for ending in ("ene", "ane", "en", "et", "er", "ar", "ne", "a", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            result.extend((stem, stem + "e"))
    if word.endswith("menn") or word.endswith("mennene"):
        result.append(word[: word.rindex("menn")] + "mann")
    return tuple(dict.fromkeys(result))


@lru_cache(maxsize=1 << 14)
def _headed_by(word: str, heads: frozenset[str]) -> bool:
    """Whether a noun (in any of its base forms) is one of ``heads`` or a compound ending in one; a
    short or ambiguous head ends a compound only after the linking -s- ("småbarnsfar", not "forrett")."""
    for base in _noun_bases(word):
        if base in heads:
            return True
        for k in range(3, len(base) - 2):
            head = base[k:]
            linked = base[k - 1] == "s" and base[: k - 1] not in _PARTICLE_PREFIXES
            if head in heads and (head not in _WHOLE_WORD_HEADS or linked):
                return True
    return False


# Endings of nouns for people: nationalities ("chilener", "amerikanere", "palestinere",
# "europeere"), and agent suffixes ("journalist", "demonstrant", "student", "direktør").
_PERSON_SUFFIXES = ("aner", "ener", "iner", "eer", "ist", "ant", "ent", "ør")
_NOT_PERSON_SUFFIXES = ("ment", "sent", "rant", "humør", "iør", "kant", "tant", "vant", "fant", "pant",
                        "gent")


def _person_by_ending(base: str) -> bool:
    return len(base) >= 6 and base.endswith(_PERSON_SUFFIXES) and not base.endswith(_NOT_PERSON_SUFFIXES)


@lru_cache(maxsize=1 << 14)  # asked for most subjects and targets of every match
def is_agent_noun(word: str) -> bool:
    """ "politiet", "demonstrantene", "fagforeningslederen", "chilenerne": a noun that names someone
    who can act."""
    word = word.lower()
    return _headed_by(word, _agent_heads()) or any(_person_by_ending(base) for base in _noun_bases(word))


@lru_cache(maxsize=1)
def _document_heads() -> frozenset[str]:
    return frozenset(noun.lemma for noun in lexicon.speaker_nouns().values() if noun.kind == "document")


def is_document_noun(word: str) -> bool:
    """ "erklæringen", "rapporten", "pressemeldingen": a text that states something."""
    return _headed_by(word.lower(), _document_heads())


def is_place_noun(word: str) -> bool:
    """ "militærleiren", "sykehuset", "bilen": a noun that names a place, building or vehicle."""
    return _headed_by(word.lower(), word_set("event_place_heads"))


_AGREEMENT_HEADS = frozenset({"avtale", "kontrakt", "traktat", "forlik", "overenskomst", "forslag",
                              "budsjett",
                              "lov", "lovforslag", "resolusjon", "vedtak", "plan", "krav", "tilbud", "søknad",
                              "oppsigelse", "betingelse", "vilkår", "kompromiss", "løsning", "ordning",
                              "konvensjon", "protokoll", "fredsavtale", "erklæring",
                              # claims and appeals, which can be rejected
                              "anke", "klage", "begjæring", "påstand", "anklage", "beskyldning", "kritikk",
                              "innvending", "invitasjon", "bud", "henvendelse", "utspill", "ønske"})


def is_agreement_noun(word: str) -> bool:
    """ "fredsavtalen", "kontrakten", "forslaget", "anken": a deal, plan, proposal or claim that can be
    agreed on or rejected."""
    return _headed_by(word.lower(), _AGREEMENT_HEADS)


_WEAPON_HEADS = frozenset({"pil", "kule", "skudd", "bombe", "granat", "rakett", "missil", "kniv", "stein",
                           "våpen", "gevær", "pistol", "sprengstoff", "eksplosiv", "mine", "drone",
                           "prosjektil"})


def is_weapon_noun(word: str) -> bool:
    """ "piler", "håndgranater", "skuddene": what an attack is made with, when no one is named."""
    return _headed_by(word.lower(), _WEAPON_HEADS)


@lru_cache(maxsize=1)
def _private_heads() -> frozenset[str]:
    return word_set("event_private_nouns")


@lru_cache(maxsize=1 << 12)
def is_private_noun(word: str) -> bool:
    """ "faren", "venner", "kjæresten": a relative or a friend, whose dealings with someone are private
    (as whole words: "familiene" and "barnevernet" are not among them)."""
    heads = _private_heads()
    return any(base in heads for base in _noun_bases(word.lower()))


# A private setting ends a compound only when it is this long: "homsenattklubben", "fjellhytta", but
# not "jagerfly", "barnehagen" or "sykehussenga".
_SHORTEST_SETTING_HEAD = 5


@lru_cache(maxsize=1 << 12)
def is_private_setting(word: str) -> bool:
    """ "nattklubben", "flyet", "badekaret", "hytta", "homsenattklubben": a place, occasion or feeling
    of private life, in which people with no public role deal with each other privately ("flyplassen"
    and "jagerfly" are no such place)."""
    heads = _private_setting_heads()
    for base in _noun_bases(word.lower()):
        if base in heads:
            return True
        if any(base[k:] in heads for k in range(2, len(base) - _SHORTEST_SETTING_HEAD + 1)):
            return True
    return False


@lru_cache(maxsize=1)
def _private_setting_heads() -> frozenset[str]:
    return word_set("event_private_settings")


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    return frozenset(lexicon.role_nouns())


def is_role_noun(word: str) -> bool:
    """ "utenriksminister", "Hermès-direktør", "biskopen": a title or public role (a compound by its
    last part), which makes the person it names a public figure ("svigersønn" and "pappa" do not)."""
    return _headed_by(word.lower(), _role_heads())
