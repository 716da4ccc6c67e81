"""PLOVER events on hand-built, parsed Docs (no trained model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

from nyhetsgraf.extract.entities import find_entities
from nyhetsgraf.extract.events import find_events
from nyhetsgraf.records import Article, Document, Event, Quote, TimeExpression


def parsed(spec: str, ents: dict[str, str] | None = None) -> Doc:
    """One sentence from "word/POS/lemma/DEP/head" items; head is the index of the head token
    (the root points to itself); morphology may follow as a sixth field."""
    words, pos, lemmas, deps, heads, morphs = [], [], [], [], [], []
    for item in spec.split():
        word, p, lem, d, head, *morph = item.split("/")
        words.append(word)
        pos.append(p)
        lemmas.append(lem)
        deps.append(d)
        heads.append(int(head))
        morphs.append(morph[0] if morph else "")
    spaces = [True] * (len(words) - 1) + [False]
    doc = Doc(Vocab(), words=words, spaces=spaces, pos=pos, lemmas=lemmas, deps=deps, heads=heads,
              morphs=morphs, sent_starts=[i == 0 for i in range(len(words))])
    labels = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                labels[i:i + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(labels))
    return doc


def events_of(doc: Doc, times: list[TimeExpression] | None = None, prefix: str = "") -> list[Event]:
    document = Document(source="t.txt", text=prefix + doc.text, format="text")
    article = Article(document=document, index=0, span=(len(prefix), len(prefix) + len(doc.text)))
    return find_events(doc, article, find_entities(doc, article), times=times)


def test_active_verb_with_entity_actor_target_location_and_absolute_span() -> None:
    doc = parsed("Landia/PROPN/Landia/SUBJ/1 bombet/VERB/bombe/FINV/1 Bergby/PROPN/Bergby/DOBJ/1 "
                 "i/ADP/i/ADV/1 natt/NOUN/natt/PUTFYLL/3 ./PUNCT/./IP/1",
                 {"Landia": "GPE_ORG", "Bergby": "GPE_LOC"})
    prefix = " date 2024-05-02 – "
    events = events_of(doc, prefix=prefix)
    found = [(e.type, e.actor, e.target, e.negated) for e in events]
    assert found == [("ASSAULT", "Landia", "Bergby", False)]
    assert events[0].span == (len(prefix), len(prefix) + len(doc.text))
    assert events[0].trigger == "bombet"


def test_passive_with_agent_swaps_actor_and_target() -> None:
    doc = parsed("Tre/NUM/tre/DET/1 aktivister/NOUN/aktivist/SUBJ/2 ble/AUX/bli/FINV/2 "
                 "pågrepet/VERB/pågripe/INFV/2/VerbForm=Part av/ADP/av/ADV/3 politiet/NOUN/politi/PUTFYLL/4 "
                 "i/ADP/i/ADV/3 Nordby/PROPN/Nordby/PUTFYLL/6 ./PUNCT/./IP/2", {"Nordby": "GPE_LOC"})
    events = events_of(doc)
    assert [(e.type, e.actor, e.target, e.location) for e in events] == [
        ("COERCE", "politiet", "Tre aktivister", "Nordby")]


def test_negated_particle_verb_and_date_from_the_sentence() -> None:
    doc = parsed("Landia/PROPN/Landia/SUBJ/1 vil/AUX/ville/FINV/1 ikke/ADV/ikke/ADV/1 "
                 "trekke/VERB/trekke/INFV/1 soldatene/NOUN/soldat/DOBJ/3 ut/ADV/ut/ADV/3 "
                 "fredag/NOUN/fredag/ADV/3 ./PUNCT/./IP/1", {"Landia": "GPE_ORG"})
    friday = doc.text.index("fredag")
    times = [TimeExpression(text="fredag", value="2024-05-03", span=(friday, friday + 6))]
    events = events_of(doc, times)
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.actor, event.negated, event.date) == ("RETREAT", "Landia", True, "2024-05-03")
    assert event.trigger == "trekke ut"


def test_event_noun_as_object_of_a_light_verb() -> None:
    doc = parsed("Nordland/PROPN/Nordland/SUBJ/1 begynte/VERB/begynne/FINV/1 "
                 "tilbaketrekningen/NOUN/tilbaketrekning/DOBJ/1 ./PUNCT/./IP/1", {"Nordland": "GPE_ORG"})
    events = events_of(doc)
    found = [(e.type, e.actor, e.trigger) for e in events]
    assert found == [("RETREAT", "Nordland", "begynte tilbaketrekningen")]


def test_coordinated_named_subjects_give_one_event_each() -> None:
    doc = parsed("Landia/PROPN/Landia/SUBJ/3 og/CCONJ/og/KONJ/0 Sorland/PROPN/Sorland/KOORD/0 "
                 "innførte/VERB/innføre/FINV/3 sanksjoner/NOUN/sanksjon/DOBJ/3 ./PUNCT/./IP/3",
                 {"Landia": "GPE_ORG", "Sorland": "GPE_ORG"})
    events = events_of(doc)
    assert sorted((e.type, e.actor) for e in events) == [("SANCTION", "Landia"), ("SANCTION", "Sorland")]


def test_pronoun_actor_is_resolved_to_the_person() -> None:
    doc = parsed("Kari/PROPN/Kari/SUBJ/2 Lunde/PROPN/Lunde/FLAT/0 talte/VERB/tale/FINV/2 ,/PUNCT/,/IK/2 "
                 "og/CCONJ/og/KONJ/2 hun/PRON/hun/SUBJ/6 ba/VERB/be/KOORD/2 om/ADP/om/ADV/6 "
                 "ro/NOUN/ro/PUTFYLL/7 ./PUNCT/./IP/2", {"Kari Lunde": "PER"})
    events = events_of(doc)
    assert [(e.type, e.actor) for e in events] == [("REQUEST", "Kari Lunde")]


def test_coordinated_verbs_share_the_first_subject() -> None:
    doc = parsed("Rådet/NOUN/råd/SUBJ/1/Definite=Def fordømmer/VERB/fordømme/FINV/1/VerbForm=Fin "
                 "angrepet/NOUN/angrep/DOBJ/1 og/CCONJ/og/KONJ/4 krever/VERB/kreve/KOORD/1/VerbForm=Fin "
                 "svar/NOUN/svar/DOBJ/4 ./PUNCT/./IP/1")
    requests = [e for e in events_of(doc) if e.type == "REQUEST"]
    assert [e.actor for e in requests] == ["Rådet"]


def test_what_a_denial_rejects_is_negated() -> None:
    doc = parsed("Hæren/NOUN/hær/SUBJ/1/Definite=Def avviser/VERB/avvise/FINV/1/VerbForm=Fin "
                 "at/SCONJ/at/SBU/4 soldater/NOUN/soldat/SUBJ/4 bombet/VERB/bombe/DOBJ/1/VerbForm=Fin "
                 "landsbyen/NOUN/landsby/DOBJ/4 ./PUNCT/./IP/1")
    assaults = [e for e in events_of(doc) if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].negated


def test_an_aim_in_an_infinitive_is_no_event() -> None:
    doc = parsed("Opprørerne/NOUN/opprører/SUBJ/1 ønsker/VERB/ønske/FINV/1/VerbForm=Fin å/PART/å/IK/3 "
                 "bombe/VERB/bombe/INFV/1/VerbForm=Inf byen/NOUN/by/DOBJ/3 ./PUNCT/./IP/1")
    assert [e for e in events_of(doc) if e.type == "ASSAULT"] == []


def test_first_person_actor_in_a_quote_is_the_speaker() -> None:
    doc = parsed("Vi/PRON/vi/SUBJ/1 bombet/VERB/bombe/FINV/1/VerbForm=Fin byen/NOUN/by/DOBJ/1 ,/PUNCT/,/IK/1 "
                 "sier/VERB/si/PAR/1/VerbForm=Fin Ola/PROPN/Ola/SUBJ/4 Nordmann/PROPN/Nordmann/FLAT/5 "
                 "./PUNCT/./IP/1",
                 {"Ola Nordmann": "PER"})
    document = Document(source="t.txt", text=doc.text, format="text")
    article = Article(document=document, index=0, span=(0, len(doc.text)))
    entities = find_entities(doc, article)
    quote = Quote(text="Vi bombet byen", speaker="Ola Nordmann", direct=True, span=(0, 14))
    events = find_events(doc, article, entities, quotes=[quote])
    assert [(e.type, e.actor) for e in events] == [("ASSAULT", "Ola Nordmann")]


def test_clash_between_two_sides() -> None:
    doc = parsed("Det/PRON/det/SUBJ/1 kom/VERB/komme/FINV/1/VerbForm=Fin til/ADP/til/ADV/1 "
                 "sammenstøt/NOUN/sammenstøt/PUTFYLL/2 mellom/ADP/mellom/ATR/3 grupper/NOUN/gruppe/PUTFYLL/4 "
                 "av/ADP/av/ATR/5 demonstranter/NOUN/demonstrant/PUTFYLL/6 og/CCONJ/og/KONJ/9 "
                 "politi/NOUN/politi/KOORD/5 ./PUNCT/./IP/1")
    events = [e for e in events_of(doc) if e.type == "ASSAULT"]
    assert [(e.actor, e.target) for e in events] == [("grupper av demonstranter", "politi")]


def test_an_aim_said_not_to_exist_is_a_negated_event() -> None:
    doc = parsed("Landia/PROPN/Landia/SUBJ/1 har/VERB/ha/FINV/1/VerbForm=Fin ikke/ADV/ikke/ADV/1 "
                 "til/ADP/til/ADV/1 hensikt/NOUN/hensikt/PUTFYLL/3 å/PART/å/IK/6 "
                 "trekke/VERB/trekke/INFV/1/VerbForm=Inf soldatene/NOUN/soldat/DOBJ/6 ut/ADV/ut/ADV/6 "
                 "./PUNCT/./IP/1", {"Landia": "GPE_ORG"})
    events = events_of(doc)
    assert [(e.type, e.actor, e.negated) for e in events] == [("RETREAT", "Landia", True)]
