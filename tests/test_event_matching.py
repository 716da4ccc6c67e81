"""The trigger matcher's cheap rejections drop only candidates that no lexicon row could match."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from tests.test_events import events_of, parsed

from nyhetsgraf.extract.entities import find_entities
from nyhetsgraf.extract.events import EventFinder, _required_words
from nyhetsgraf.records import Article, Document

# Hand-parsed sentences whose triggers need a particle, a preposition or an object ("går med på",
# "går av", "trekker ... tilbake", "trekker seg fra"), and some whose needed word is missing.
SENTENCES = [
    "Regjeringen/NOUN/regjering/SUBJ/1 går/VERB/gå/FINV/1 med/ADP/med/ADV/1 på/ADP/på/ADV/1 "
    "avtalen/NOUN/avtale/PUTFYLL/3 ./PUNCT/./IP/1",
    "Ministeren/NOUN/minister/SUBJ/1 går/VERB/gå/FINV/1 av/ADP/av/ADV/1 ./PUNCT/./IP/1",
    "Hæren/NOUN/hær/SUBJ/1 trekker/VERB/trekke/FINV/1 styrkene/NOUN/styrke/DOBJ/1 "
    "tilbake/ADV/tilbake/ADV/1 ./PUNCT/./IP/1",
    "Regjeringa/NOUN/regjering/SUBJ/1 trekte/VERB/trekke/FINV/1 seg/PRON/seg/DOBJ/1 "
    "frå/ADP/frå/ADV/1 avtalen/NOUN/avtale/PUTFYLL/4 ./PUNCT/./IP/1",
    "Ministeren/NOUN/minister/SUBJ/1 går/VERB/gå/FINV/1 hjem/ADV/hjem/ADV/1 ./PUNCT/./IP/1",
    "Hæren/NOUN/hær/SUBJ/1 trekker/VERB/trekke/FINV/1 lodd/NOUN/lodd/DOBJ/1 ./PUNCT/./IP/1",
]


@pytest.mark.parametrize("spec", SENTENCES)
def test_row_prefilter_keeps_every_match(spec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = events_of(parsed(spec))
    monkeypatch.setattr(EventFinder, "_may_meet_rows", lambda *args: True)
    assert events_of(parsed(spec)) == filtered


def test_triggers_that_need_a_word_around_them_still_match() -> None:
    found = [[(e.type, e.trigger) for e in events_of(parsed(spec))] for spec in SENTENCES]
    assert found == [[("AGREE", "går med på")], [("CONCEDE", "går av")], [("RETREAT", "trekker tilbake")],
                     [("CONCEDE", "trekte seg")], [], []]


def _row(particles: str = "", preps: str = "", objects: str = "") -> SimpleNamespace:
    return SimpleNamespace(particles=frozenset(particles.split()), preps=frozenset(preps.split()),
                           object_lemmas=frozenset(objects.split()))


class _Lexicon:
    def __init__(self, rows: list[SimpleNamespace]) -> None:
        self.rows = rows

    def candidates(self, lemma: str, pos: str) -> list[SimpleNamespace]:
        return self.rows


def test_required_words_take_particles_then_prepositions_then_objects() -> None:
    lexicon = _Lexicon([_row(particles="av", preps="fra"), _row(preps="mot"), _row(objects="krav forslag")])
    assert _required_words(lexicon, "trekke", "VERB") == {"av", "mot", "krav", "forslag"}


def test_a_row_that_needs_nothing_disables_the_prefilter() -> None:
    assert _required_words(_Lexicon([_row(particles="ut"), _row()]), "gå", "VERB") is None


@pytest.mark.parametrize("spec", [
    "Nordland/PROPN/Nordland/SUBJ/1 begynte/VERB/begynne/FINV/1 "
    "tilbaketrekningen/NOUN/tilbaketrekning/DOBJ/1 ./PUNCT/./IP/1",
    "Hæren/NOUN/hær/SUBJ/1 trekker/VERB/trekke/FINV/1 styrkene/NOUN/styrke/DOBJ/1 "
    "tilbake/ADV/tilbake/ADV/1 ./PUNCT/./IP/1",
])
def test_the_match_verb_is_its_first_trigger_word(spec: str) -> None:
    # spaCy makes a new Token on every look-up, and the gate asks whether the verb *is* the first
    # trigger word ("møtes" is deponent, not passive): the match must hand on the same object
    doc = parsed(spec)
    article = Article(document=Document(source="t.txt", text=doc.text, format="text"), index=0,
                      span=(0, len(doc.text)))
    finder = EventFinder(doc, find_entities(doc, article), [], 0)
    found = [match for sent in finder.sents for match in finder.matches(sent)]
    assert found and all(match.verb is match.trigger_tokens[0] for match in found)


@pytest.mark.parametrize("spec", [
    "Det/PRON/det/SUBJ/1 angrep/VERB/angripe/FINV/1 byen/NOUN/by/DOBJ/1 ./PUNCT/./IP/1",
    "Man/PRON/man/SUBJ/1 møttes/VERB/møtes/FINV/1 i/ADP/i/ADV/1 går/ADV/går/PUTFYLL/2 ./PUNCT/./IP/1",
    *SENTENCES,
])
def test_a_match_no_one_acts_is_one_the_events_drop(spec: str) -> None:
    # ``find`` drops these before the gate: that must be what ``_events`` would do after it
    doc = parsed(spec)
    article = Article(document=Document(source="t.txt", text=doc.text, format="text"), index=0,
                      span=(0, len(doc.text)))
    finder = EventFinder(doc, find_entities(doc, article), [], 0)
    for sent in finder.sents:
        for match in finder.matches(sent):
            if finder._no_one_acts(match, sent):
                assert finder._events(match, sent, set()) == []
