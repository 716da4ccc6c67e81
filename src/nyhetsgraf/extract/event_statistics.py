"""Statistics reported as events: a clause that gives a share, a rate or a survey's count ("nesten
halvparten ble kastet ut", "en av fem har blitt truet", "i fire av sakene er mindreårige dømt",
"Flertallet støtter forslaget, viser en måling") states a figure about many cases, not one event."""

from __future__ import annotations

from spacy.tokens import Span, Token

from nyhetsgraf.extract.syntax import punct_at, token_table
from nyhetsgraf.resources.words import word_list, word_set

_RATE_PHRASES = tuple(tuple(phrase.split()) for phrase in word_list("statistic_rates"))
_SHARE_WORDS = word_set("statistic_shares")
_SURVEY_WORDS = word_set("survey_words")
# Words that open a clause of their own: a figure beyond them belongs to another clause.
_CLAUSE_BOUNDS = frozenset({"at", "som", "der", "da", "når", "fordi", "mens", "hvis", "dersom", "viss",
                            "etter", "før", "så", "og", "men"})
_ORDINALS = frozenset({"andre", "annen", "tredje", "fjerde", "femte", "sjette", "sjuende", "syvende",
                       "åttende", "niende", "tiende", "tjuende", "hundrede", "sjuande", "åttande", "niande",
                       "tiande"})
_EVERY = frozenset({"hver", "hvert", "kvar", "kvart"})
_CASE_NOUNS = frozenset({"saker", "sakene", "sakar", "sakane", "tilfeller", "tilfellene",
                         "tilfelle", "tilfella"})
# Counts that stand as the subject of a survey's finding ("mange har opplevd", "Flertallet støtter").
_COUNT_WORDS = frozenset({"flertallet", "fleirtalet", "mange", "flere", "fleire", "fleste", "mindretallet"})


def _clause_of(trigger: Token, sent: Span) -> tuple[int, int]:
    """Word indexes [start, end) of the stretch around a trigger up to punctuation or a clause opener."""
    table = token_table(trigger.doc)
    lowers = table.lowers
    start = trigger.i
    while start > sent.start and not punct_at(table, start - 1) and lowers[start - 1] not in _CLAUSE_BOUNDS:
        start -= 1
    end = trigger.i + 1
    while end < sent.end and not punct_at(table, end) and lowers[end] not in _CLAUSE_BOUNDS:
        end += 1
    return start, end


def _pure_ratio_at(words: list[str], pos: list[str], k: int) -> bool:
    """ "en av fem", "to av tre", "hver femte": a ratio, in whichever clause before the trigger."""
    if words[k] in _EVERY and k + 1 < len(words) and words[k + 1] in _ORDINALS:
        return True
    return _of_at(words, pos, k) and k + 1 < len(words) and pos[k + 1] == "NUM"


def _of_at(words: list[str], pos: list[str], k: int) -> bool:
    """An "av" after a number: "fire av ..." ("mange av dem" is no share)."""
    return words[k] == "av" and k > 0 and (pos[k - 1] in ("NUM", "DET") or words[k - 1] in ("en", "ein"))


def _ratio_at(words: list[str], pos: list[str], k: int) -> bool:
    """A ratio, or a count of cases: "i fire av disse sakene"."""
    if _pure_ratio_at(words, pos, k):
        return True
    return _of_at(words, pos, k) and any(w in _CASE_NOUNS for w in words[k + 1 : k + 3])


def reports_statistic(trigger: Token, sent: Span) -> bool:
    """Whether the trigger's clause gives a share, a rate or a survey's figure before or around it."""
    start, end = _clause_of(trigger, sent)
    table = token_table(trigger.doc)
    words = table.lowers[start:end]
    pos = table.pos[start:end]
    if any(tuple(words[k : k + len(phrase)]) == phrase for k in range(len(words))
           for phrase in _RATE_PHRASES if phrase[0] == words[k]):
        return True
    lowers, tags = table.lowers[sent.start : trigger.i], table.pos[sent.start : trigger.i]
    if any(_pure_ratio_at(lowers, tags, k) for k in range(len(lowers))):
        return True  # "hvert tiende selskap har opplevd lovbrudd som de ikke har anmeldt"
    before = trigger.i - start  # a share after the trigger is what it acts on: "kutte ti prosent"
    if any(words[k] in _SHARE_WORDS or _ratio_at(words, pos, k) for k in range(before)):
        return True
    if start > sent.start and table.lowers[start - 1] == "at":
        # "en firedel av dem opplyser at kolleger er blitt drept": a share reports the clause
        outer_start = start - 1
        while outer_start > sent.start and not punct_at(table, outer_start - 1):
            outer_start -= 1
        outer, outer_pos = table.lowers[outer_start : start - 1], table.pos[outer_start : start - 1]
        verb = next((k for k, tag in enumerate(outer_pos) if tag in ("VERB", "AUX")), len(outer))
        # only as the subject, before the reporting verb ("prisene steg ti prosent etter at" is a rise)
        if any(outer[k] in _SHARE_WORDS or _ratio_at(outer, outer_pos, k) for k in range(verb)):
            return True
    surveyed = any(w in _SURVEY_WORDS for w in table.lowers[sent.start : sent.end])
    return surveyed and any(w in _COUNT_WORDS or pos[k] == "NUM" for k, w in enumerate(words[:before]))
