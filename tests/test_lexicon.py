"""The shipped Norwegian lexicons load, are large enough, tidy, and behave as the extractors expect."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from nyhetsgraf.records import PLOVER_TYPES
from nyhetsgraf.resources import lexicon

DATA = Path(lexicon.__file__).parent / "data"


def _mentions_lemma(example: str, lemma: str) -> bool:
    """Loose check that a sentence holds a form of the lemma: some word shares a long enough prefix.

    Strong verbs change their vowel ("trekke"/"trakk"), so examples use forms that keep the stem
    ("trekker", "ber", "krev"); the prefix rule accepts those and inflected nouns ("mediene").
    """
    needed = max(2, min(len(lemma) - 2, 5))
    return any(len(os.path.commonprefix([word, lemma])) >= needed
               for word in re.findall(r"[^\W\d_]+", example.lower()))


def _trigger_row(**cells: str) -> str:
    """A tab-separated trigger row: an ASSAULT row for "bombe" unless cells say otherwise."""
    row = dict.fromkeys(lexicon.TRIGGER_COLUMNS, "")
    row.update(lemma="bombe", pos="VERB", plover="ASSAULT", lang="nb", example="Flyene bomber byen.")
    row.update(cells)
    return "\t".join(row[column] for column in lexicon.TRIGGER_COLUMNS)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- triggers ---------------------------------------------------------------------------------------


def test_triggers_cover_every_plover_type() -> None:
    triggers = lexicon.load_triggers()
    assert len(triggers) >= 400
    per_type = Counter(t.plover for t in triggers)
    assert set(per_type) == set(PLOVER_TYPES)
    assert min(per_type.values()) >= 8, per_type


def test_triggers_have_bokmal_and_nynorsk_rows() -> None:
    langs = Counter(t.lang for t in lexicon.load_triggers())
    assert langs["nb"] >= 20 and langs["nn"] >= 20 and langs["both"] >= 200


def test_trigger_examples_contain_their_lemma() -> None:
    missing = [(t.line, t.lemma, t.example) for t in lexicon.load_triggers()
               if not _mentions_lemma(t.example, t.lemma)]
    assert missing == []


def test_trigger_rows_are_sorted_by_type_then_lemma() -> None:
    triggers = lexicon.load_triggers()
    keys = [(PLOVER_TYPES.index(t.plover), lexicon.norwegian_sort_key(t.lemma)) for t in triggers]
    assert keys == sorted(keys)


def test_trigger_lemmas_are_lemmas_not_inflected_forms() -> None:
    for trigger in lexicon.load_triggers():
        assert trigger.lemma == trigger.lemma.lower()
        assert not trigger.lemma.startswith("å "), trigger.lemma
        if trigger.pos == "VERB":
            # infinitives end in a vowel (trekke, gi, slå, be) or are s-verbs (enes, møtes, nynorsk semjast)
            assert re.search(r"([aeiouyæøå]|s|st)$", trigger.lemma), trigger.lemma


def test_object_constraint_beats_the_general_reading() -> None:
    triggers = lexicon.load_triggers()
    withdraw_demand = triggers.match("trekke", "VERB", particles=["tilbake"], objects=["krav"])
    assert [t.types for t in withdraw_demand] == [("CONCEDE",)]
    withdraw_forces = triggers.match("trekke", "VERB", particles=["tilbake"], objects=["styrke"])
    assert [t.plover for t in withdraw_forces] == ["RETREAT"]
    assert [t.plover for t in triggers.match("utvise", "VERB", objects=["diplomat"])] == ["SANCTION"]
    assert [t.plover for t in triggers.match("utvise", "VERB", objects=["mann"])] == ["COERCE"]


def test_stanse_needs_a_mission_object() -> None:
    triggers = lexicon.load_triggers()
    assert [t.plover for t in triggers.match("stanse", "VERB", objects=["treningsoppdrag"])] == ["RETREAT"]
    assert triggers.match("stanse", "VERB", objects=["bil"]) == []
    assert [t.plover for t in triggers.match("begynne", "VERB", objects=["tilbaketrekning"])] == ["RETREAT"]
    assert [t.plover for t in triggers.match("tilbaketrekning", "NOUN")] == ["RETREAT"]


def test_particles_and_prepositions_select_the_reading() -> None:
    triggers = lexicon.load_triggers()
    assert [t.plover for t in triggers.match("trekke", "VERB", particles=["ut"])] == ["RETREAT"]
    assert triggers.match("trekke", "VERB") == []  # plain "trekke" (pull, draw) is no event
    assert [t.plover for t in triggers.match("be", "VERB", preps={"om": ["luftvern"]})] == ["REQUEST"]
    assert [t.plover for t in triggers.match("be", "VERB", preps={"om": ["unnskyldning"]})] == ["CONCEDE"]
    assert [t.plover for t in triggers.match("be", "VERB", objects=["nordmann"], has_infinitive=True)] == [
        "REQUEST"]
    assert [t.plover for t in triggers.match("skyte", "VERB", particles=["ned"])] == ["ASSAULT"]
    assert triggers.match("skyte", "VERB", particles=["inn"]) == []  # "skyte inn" means interject
    # adverbs are not particles: "angrep igjen" (attacked again) still triggers
    assert [t.plover for t in triggers.match("angripe", "VERB", particles=["igjen", "ikke"])] == ["ASSAULT"]


def test_reflexive_object_and_answer_particle() -> None:
    triggers = lexicon.load_triggers()
    assert [t.plover for t in triggers.match("trekke", "VERB", objects=["seg"])] == ["CONCEDE"]
    pull_out = triggers.match("trekke", "VERB", particles=["ut"], objects=["seg"])
    assert [t.plover for t in pull_out] == ["RETREAT"]
    leave_deal = triggers.match("trekke", "VERB", objects=["seg"], preps={"fra": ["atomavtale"]})
    assert [t.types for t in leave_deal] == [("RETREAT", "REJECT")]
    assert [t.plover for t in triggers.match("si", "VERB", particles=["nei"])] == ["REJECT"]
    assert triggers.match("si", "VERB") == []


def test_legal_charges_are_coercion() -> None:
    triggers = lexicon.load_triggers()
    assert [t.types for t in triggers.match("tiltale", "VERB")] == [("COERCE", "ACCUSE")]
    assert [t.plover for t in triggers.match("sikte", "VERB", preps={"for": ["drap"]})] == ["COERCE"]


def test_cancelling_objects() -> None:
    triggers = lexicon.load_triggers()
    assert triggers.match("kreve", "VERB", objects=["liv"]) == []  # "ulykken krevde tre liv"
    assert [t.plover for t in triggers.match("kreve", "VERB", objects=["penger"])] == ["REQUEST"]
    assert triggers.match("gå", "VERB", particles=["av"], preps={"med": ["pensjon"]}) == []
    assert [t.plover for t in triggers.match("gå", "VERB", particles=["av"])] == ["CONCEDE"]
    assert triggers.match("møte", "VERB", objects=["kritikk"]) == []


def test_noun_with_governor_constraint() -> None:
    triggers = lexicon.load_triggers()
    assert [t.plover for t in triggers.match("krav", "NOUN", governor="stille")] == ["REQUEST"]
    assert [t.plover for t in triggers.match("krav", "NOUN", governor="komme med")] == ["REQUEST"]
    assert triggers.match("krav", "NOUN") == []


def test_core_triggers_have_the_expected_types() -> None:
    triggers = lexicon.load_triggers()
    expected = {
        ("likvidere", "VERB"): "ASSAULT", ("drepe", "VERB"): "ASSAULT", ("angripe", "VERB"): "ASSAULT",
        ("pågripe", "VERB"): "COERCE", ("arrestere", "VERB"): "COERCE", ("forby", "VERB"): "COERCE",
        ("kreve", "VERB"): "REQUEST", ("krevje", "VERB"): "REQUEST", ("anklage", "VERB"): "ACCUSE",
        ("kritisere", "VERB"): "ACCUSE", ("avvise", "VERB"): "REJECT", ("veto", "NOUN"): "REJECT",
        ("true", "VERB"): "THREATEN", ("advare", "VERB"): "THREATEN", ("streike", "VERB"): "PROTEST",
        ("demonstrere", "VERB"): "PROTEST", ("sanksjon", "NOUN"): "SANCTION",
        ("mobilisere", "VERB"): "MOBILIZE",
        ("utplassere", "VERB"): "MOBILIZE", ("donere", "VERB"): "AID", ("undertegne", "VERB"): "AGREE",
        ("forhandle", "VERB"): "CONSULT", ("rose", "VERB"): "SUPPORT", ("beklage", "VERB"): "CONCEDE",
        ("løslate", "VERB"): "CONCEDE", ("samarbeide", "VERB"): "COOPERATE",
    }
    for (lemma, pos), plover in expected.items():
        assert [t.plover for t in triggers.match(lemma, pos)] == [plover], lemma


def test_past_participles_tagged_as_adjectives_can_find_verb_rows() -> None:
    triggers = lexicon.load_triggers()
    assert [t.plover for t in triggers.match("arrestere", "ADJ", participle=True)] == ["COERCE"]
    assert triggers.match("kreve", "ADJ") == []  # "krevende" (demanding) is no demand
    agreed = triggers.match("enig", "ADJ", preps={"om": ["avtale"]}, governor="bli")
    assert [t.plover for t in agreed] == ["AGREE"]
    assert triggers.candidates("arrestere", "NOUN") == []


@pytest.mark.parametrize(("compound", "plover"), [
    ("moskéangrep", "ASSAULT"), ("drapstrussel", "THREATEN"), ("lærerstreik", "PROTEST"),
    ("irak-invasjon", "ASSAULT"), ("klimatoppmøte", "CONSULT"), ("klimaavtale", "AGREE"),
])
def test_compound_nouns_use_their_last_element(compound: str, plover: str) -> None:
    assert [t.plover for t in lexicon.load_triggers().match(compound, "NOUN")] == [plover]


@pytest.mark.parametrize("compound", ["hjerteangrep", "utslippskrav", "kontantstøtte", "redningsaksjon",
                                      "rettsforhandling", "valgkamp"])
def test_misleading_compounds_are_no_triggers(compound: str) -> None:
    assert lexicon.load_triggers().candidates(compound, "NOUN") == []


def test_noisy_verbs_need_their_construction() -> None:
    triggers = lexicon.load_triggers()
    assert triggers.match("diskutere", "VERB", objects=["sak"]) == []  # "saken ble diskutert"
    talks = triggers.match("diskutere", "VERB", preps={"med": ["president"]})
    assert [t.plover for t in talks] == ["CONSULT"]
    assert triggers.match("bevilge", "VERB", objects=["krone"], preps={"til": ["skole"]}) == []
    assert [t.plover for t in triggers.match("bevilge", "VERB", preps={"til": ["nødhjelp"]})] == ["AID"]
    assert [t.plover for t in triggers.match("varsle", "VERB", objects=["streik"])] == ["THREATEN"]


def test_nekte_is_a_rejection() -> None:
    assert [t.plover for t in lexicon.load_triggers().match("nekte", "VERB")] == ["REJECT"]


def test_unknown_plover_type_names_file_and_line(tmp_path: Path) -> None:
    header = "\t".join(lexicon.TRIGGER_COLUMNS)
    row = _trigger_row(plover="FIGHT")
    path = _write(tmp_path, "triggers.tsv", f"# comment\n{header}\n{row}\n")
    with pytest.raises(ValueError, match=r"triggers\.tsv, line 3: unknown PLOVER type 'FIGHT'"):
        lexicon.parse_triggers(path)


def test_malformed_trigger_row_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.TRIGGER_COLUMNS)
    path = _write(tmp_path, "triggers.tsv", f"{header}\nbombe\tVERB\tASSAULT\n")
    with pytest.raises(ValueError, match=r"line 2: expected 12 tab-separated fields, found 3"):
        lexicon.parse_triggers(path)


def test_duplicate_trigger_row_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.TRIGGER_COLUMNS)
    row = _trigger_row()
    path = _write(tmp_path, "triggers.tsv", f"{header}\n{row}\n{row}\n")
    with pytest.raises(ValueError, match=r"line 3: duplicate of line 2"):
        lexicon.parse_triggers(path)


def test_unknown_particle_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.TRIGGER_COLUMNS)
    row = _trigger_row(lemma="trekke", plover="RETREAT", particle="utover", example="De trekker utover.")
    path = _write(tmp_path, "triggers.tsv", f"{header}\n{row}\n")
    with pytest.raises(ValueError, match=r"line 2: unknown verb particle 'utover'"):
        lexicon.parse_triggers(path)


def test_same_construction_with_another_type_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.TRIGGER_COLUMNS)
    path = _write(tmp_path, "triggers.tsv", f"{header}\n{_trigger_row()}\n{_trigger_row(plover='COERCE')}\n")
    with pytest.raises(ValueError, match=r"line 3: duplicate of line 2"):
        lexicon.parse_triggers(path)


def test_wrong_header_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "speech_verbs.tsv", "lemma\tkind\nsi\tspeech\n")
    with pytest.raises(ValueError, match=r"speech_verbs\.tsv, line 1: header must be"):
        lexicon.parse_speech_verbs(path)


# --- reporting verbs --------------------------------------------------------------------------------


def test_speech_verbs_load_and_cover_both_written_standards() -> None:
    verbs = lexicon.speech_verbs()
    assert len(verbs) >= 80
    assert {"si", "seie", "opplyse", "hevde", "mene", "meine", "fortelje", "understreke"} <= verbs.lemmas()
    assert {v.kind for v in verbs} == set(lexicon.SPEECH_KINDS)


def test_speech_verb_examples_contain_their_lemma() -> None:
    missing = [(v.line, v.lemma) for v in lexicon.speech_verbs() if not _mentions_lemma(v.example, v.lemma)]
    assert missing == []


def test_is_speech_respects_particles_and_objects() -> None:
    verbs = lexicon.speech_verbs()
    assert verbs.is_speech("si") and verbs.is_speech("Si")
    assert verbs.is_speech("legge", "til")
    assert not verbs.is_speech("legge")
    assert not verbs.is_speech("si", "opp")  # "si opp" is to resign
    assert verbs.is_speech("si", "ikke")  # an adverb is no particle
    assert verbs.is_speech("regne", prep="med") and not verbs.is_speech("regne")
    assert verbs.is_speech("gi", object_lemma="uttrykk") and not verbs.is_speech("gi")
    assert verbs.is_speech("peke", prep="på") and not verbs.is_speech("peke")
    assert not verbs.is_speech("spise")


def test_speech_verbs_are_unique() -> None:
    keys = [(v.lemma, v.particle, v.object_lemmas, v.prep) for v in lexicon.speech_verbs()]
    assert len(keys) == len(set(keys))


def test_bad_speech_kind_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.SPEECH_COLUMNS)
    path = _write(tmp_path, "speech.tsv", f"{header}\nsi\t\t\t\tnb\tshout\tyes\tHan sier det.\n")
    with pytest.raises(ValueError, match=r"speech\.tsv, line 2: kind must be one of"):
        lexicon.parse_speech_verbs(path)


# --- first names ------------------------------------------------------------------------------------


def test_first_names_load() -> None:
    names = lexicon.first_names()
    assert len(names.genders) >= 1500
    genders = Counter(names.genders.values())
    assert genders["F"] >= 600 and genders["M"] >= 600


@pytest.mark.parametrize(("name", "gender"), [
    ("Ola", "M"), ("Marita", "F"), ("Eli", "F"), ("Mette-Marit", "F"), ("Aslak", "M"), ("Kari", "F"),
    ("Tore", "M"), ("Ingrid", "F"), ("Mohammed", "M"), ("Fatima", "F"), ("Ali", "M"), ("Amir", "M"),
    ("Aisha", "F"), ("Olena", "F"), ("MARIT", "F"), ("ola", "M"),
])
def test_name_gender(name: str, gender: str) -> None:
    assert lexicon.name_gender(name) == gender


def test_double_and_unknown_names() -> None:
    assert lexicon.name_gender("Hans Petter") == "M"
    assert lexicon.name_gender("Anne-Kathrine") == "F"  # not listed: gender of the first part
    assert lexicon.name_gender("Kim") is None  # unisex
    assert lexicon.name_gender("Xqzt") is None
    assert lexicon.name_gender("") is None
    assert lexicon.name_gender("Ayse") == "F"  # listed as "Ayşe"


def test_knows_lists_names_of_every_gender_but_only_whole_words() -> None:
    names = lexicon.first_names()
    assert names.knows("Kim") and names.knows("KARI")  # unisex names count; case does not
    assert not names.knows("Anne-Kathrine")  # a double name is known only when listed itself
    assert not names.knows("Xqzt") and not names.knows("")


def test_bad_name_gender_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "names.tsv", "name\tgender\nOla\tM\nKari\tK\n")
    with pytest.raises(ValueError, match=r"names\.tsv, line 3: gender must be one of"):
        lexicon.parse_first_names(path)


def test_duplicate_name_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, "names.tsv", "name\tgender\nOla\tM\nola\tM\n")
    with pytest.raises(ValueError, match=r"line 3: duplicate of line 2"):
        lexicon.parse_first_names(path)


def test_first_names_are_sorted() -> None:
    lines = (DATA / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    names = [line.split("\t")[0] for line in lines if line and not line.startswith("#")][1:]
    assert names == sorted(names, key=lexicon.norwegian_sort_key)


# --- speaker and role nouns -------------------------------------------------------------------------


def test_speaker_nouns_load() -> None:
    nouns = lexicon.speaker_nouns()
    assert len(nouns) >= 60
    assert sum(not n.role for n in nouns.values()) >= 60
    assert [n.lemma for n in nouns.values() if not _mentions_lemma(n.example, n.lemma)] == []


def test_speaker_noun_lookup() -> None:
    assert lexicon.speaker_noun("talskvinne").gender == "F"
    assert lexicon.speaker_noun("Talsmann").gender == "M"
    assert lexicon.speaker_noun("myndighet").gender == "PL"
    assert lexicon.speaker_noun("kilde").kind == "source"
    assert lexicon.speaker_noun("bil") is None


def test_role_nouns() -> None:
    roles = lexicon.role_nouns()
    assert {"seniorrådgiver", "statsminister", "utenriksminister", "general", "ordfører", "politiinspektør",
            "leder", "talsperson"} <= roles
    assert "kilde" not in roles and "nabo" not in roles


def test_bad_speaker_row_raises(tmp_path: Path) -> None:
    header = "\t".join(lexicon.SPEAKER_COLUMNS)
    path = _write(tmp_path, "speakers.tsv", f"{header}\nkilde\tX\tsource\tno\tboth\tEn kilde sier det.\n")
    with pytest.raises(ValueError, match=r"speakers\.tsv, line 2: gender must be one of"):
        lexicon.parse_speaker_nouns(path)


# --- negation ---------------------------------------------------------------------------------------


def test_negation_cues() -> None:
    cues = lexicon.negation_cues()
    assert {"ikke", "ikkje", "aldri", "ingen", "har ikke til hensikt", "vil ikke"} <= cues
    assert all(cue == cue.lower().strip() for cue in cues)
    assert "nekte" in lexicon.negating_verbs()


def test_loaders_are_cached() -> None:
    assert lexicon.load_triggers() is lexicon.load_triggers()
    assert lexicon.speech_verbs() is lexicon.speech_verbs()


def test_main_prints_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    assert lexicon.main() == 0
    out = capsys.readouterr().out
    assert "triggers.tsv" in out and "ASSAULT" in out and "first_names.tsv" in out


def test_main_reports_a_bad_file_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def broken() -> lexicon.TriggerLexicon:
        raise ValueError("triggers.tsv, line 7: unknown PLOVER type 'FIGHT'")

    monkeypatch.setattr(lexicon, "load_triggers", broken)
    assert lexicon.main() == 1
    err = capsys.readouterr().err
    assert err.strip() == "nyhetsgraf: lexicon error: triggers.tsv, line 7: unknown PLOVER type 'FIGHT'"
