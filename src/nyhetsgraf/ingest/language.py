"""Tell bokmål from nynorsk (and flag clearly non-Norwegian text) by function-word counts."""

from __future__ import annotations

import re
from collections import Counter


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words that are frequent in one written standard and rare or absent in the other.
_NYNORSK = _word_set(
    "ikkje eg frå berre kva ein eit ho dei vere korleis kvifor òg mykje noko nokon kven "
    "dykk vore vart seinare heile saman fekk gjekk kome sjølv meir medan då"
)
_BOKMAL = _word_set(
    "ikke jeg fra bare hva en et hun de være hvordan hvorfor også mye noe noen hvem "
    "dere vært ble senere hele sammen fikk gikk komme selv mer mens da"
)
# Frequent words of neighbouring languages that Norwegian does not use.
_ENGLISH = _word_set("the and of to is that was with for are this have from which would")
_SWEDISH = _word_set("och inte är att från eller")
_DANISH = _word_set("af hvad nu")


_MARKERS = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(_NYNORSK | _BOKMAL | _ENGLISH | _SWEDISH | _DANISH | {"av"},
                                     key=len, reverse=True)) + r")(?![\w])"
)


def detect_language(text: str) -> str:
    """"nb" or "nn" for Norwegian text, another ISO 639-1 code when clearly foreign; "nb" when unsure."""
    lowered = text.lower()
    counts = Counter(_MARKERS.findall(lowered))  # only the marker words are counted: cheap on long text
    total = len(lowered.split())
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
    return "nn" if nynorsk > bokmal else "nb"
