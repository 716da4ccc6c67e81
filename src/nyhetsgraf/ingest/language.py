"""Tell bokmål from nynorsk (and flag clearly non-Norwegian text) by function-word counts."""

from __future__ import annotations

import re
from collections import Counter


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words that are frequent in one written standard and rare or absent in the other.
_NYNORSK = _word_set(
    "ikkje eg frå berre kva ein eit ho dei vere korleis kvifor òg mykje noko nokon nokre kven "
    "dykk vore vart vert verte seinare heile heilt saman fekk gjekk kome sjølv meir medan då "
    "utan innan sidan seier gjer fleire kvar difor framleis eigen eige hjå no"
)
_BOKMAL = _word_set(
    "ikke jeg fra bare hva en et hun de være hvordan hvorfor også mye noe noen hvem "
    "dere vært ble senere hele helt sammen fikk gikk komme selv mer mens da "
    "uten innen siden sier gjør flere hver derfor fremdeles egen eget hos nå"
)
# Endings that mark the written standard of content words: -leg/-ar/-ane/-inga (nynorsk)
# against -lig/-er/-ene/-ingen (bokmål), e.g. "millionar"/"millioner", "vanleg"/"vanlig".
_NYNORSK_ENDINGS = ("leg", "lege", "ane", "ingar", "inga")
_BOKMAL_ENDINGS = ("lig", "lige", "ene", "ingen", "inger")
# Frequent words of neighbouring languages that Norwegian does not use.
_ENGLISH = _word_set("the and of that was with are this from which would were been they")
_SWEDISH = _word_set("och inte är att från eller")
_DANISH = _word_set("af hvad nu")
_WORD = re.compile(r"\w+")


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    """Whether the word ends in one of the endings with at least three letters before it."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in endings)


# A few paragraphs settle the written standard; reading the rest of a long text only costs time.
SAMPLE_CHARS = 3000


def detect_language(text: str) -> str:
    """"nb" or "nn" for Norwegian text, another ISO 639-1 code when clearly foreign; "nb" when unsure.

    Only the first ``SAMPLE_CHARS`` characters are read.
    """
    lowered = text[:SAMPLE_CHARS].lower()
    words = _WORD.findall(lowered)
    counts = Counter(words)
    total = len(words)
    if not total:
        return "nb"
    english = sum(counts[w] for w in _ENGLISH)
    if english >= 3 and english / total > 0.12:
        return "en"
    if sum(counts[w] for w in _SWEDISH) >= 3 and counts["och"] + counts["inte"] + counts["är"] >= 2:
        return "sv"
    if sum(counts[w] for w in _DANISH) >= 3 and counts["av"] == 0:
        return "da"
    nynorsk = sum(counts[w] for w in _NYNORSK)
    bokmal = sum(counts[w] for w in _BOKMAL)
    for word, n in counts.items():
        if _has_ending(word, _NYNORSK_ENDINGS):
            nynorsk += n
        elif _has_ending(word, _BOKMAL_ENDINGS):
            bokmal += n
    return "nn" if nynorsk > bokmal else "nb"
