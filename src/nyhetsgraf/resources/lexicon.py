"""Norwegian lexicons the NLP pipeline and the extractors share, loaded from tab-separated files shipped
with the package (``nyhetsgraf/resources/data``).

* ``data/triggers.tsv``: event-trigger constructions mapped to PLOVER root types.
* ``data/speech_verbs.tsv``: reporting verbs that introduce quotes and reported speech.
* ``data/first_names.tsv``: given names and their usual gender in Norway.
* ``data/speaker_nouns.tsv``: nouns that head descriptive speakers, and titles that precede names.

Each file documents its own columns in a ``#`` comment block. Every loader validates while it
parses, so a bad row fails at load time with a one-line ``ValueError`` naming the file and line,
instead of silently never matching. Lemmas and names are compared lower-cased.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from nyhetsgraf.records import PLOVER_TYPES
from nyhetsgraf.resources import data_file

TRIGGER_POS = ("VERB", "NOUN", "ADJ")
LANGS = ("nb", "nn", "both")
FRAMES = ("", "obj+inf")
SPEECH_KINDS = ("speech", "claim", "report")
NAME_GENDERS = ("F", "M", "U")
SPEAKER_GENDERS = ("F", "M", "U", "PL")
SPEAKER_KINDS = ("source", "group", "institution", "document", "role")
YES_NO = ("yes", "no")

TRIGGER_COLUMNS = ("lemma", "pos", "plover", "particle", "object_lemmas", "prep", "frame", "governor",
                   "not_objects", "lang", "note", "example")
SPEECH_COLUMNS = ("lemma", "particle", "object_lemmas", "prep", "lang", "kind", "takes_at_clause", "example")
NAME_COLUMNS = ("name", "gender")
SPEAKER_COLUMNS = ("lemma", "gender", "kind", "role", "lang", "example")

# The closed class of Norwegian verb particles ("trekke *ut*", "gi *etter*", "takke *nei*"). In NDT
# analyses a particle is an ADV dependent of the verb tagged prep/adv with no PUTFYLL complement of
# its own. Words outside this set ("ikke", "igjen", "også") are never particles here, so a matcher may
# pass every such dependent and the lexicon keeps only the real particles.
VERB_PARTICLES = frozenset({
    "av", "bort", "etter", "fast", "fra", "frå", "ifra", "fram", "frem", "fri", "hjem", "imot", "inn", "inne",
    "laus", "løs", "med", "ned", "nei", "om", "opp", "over", "på", "sammen", "tilbake", "til", "unna",
    "ut", "vekk",
})

# Words that negate the clause they stand in. Multi-word cues are space-separated token sequences,
# matched on lower-cased surface tokens; "nekte å" is not here because it is a REJECT trigger itself.
NEGATION_CUES = frozenset({
    "ikke", "ikkje", "aldri", "ingen", "inga", "ingenting", "intet", "inkje", "ingen ting",
    "verken", "hverken", "korkje", "heller ikke", "heller ikkje", "ikke lenger", "ikkje lenger",
    "uten å", "utan å", "har ikke til hensikt", "har ikkje til hensikt", "vil ikke", "vil ikkje",
    "kommer ikke til å", "kjem ikkje til å", "skal ikke", "skal ikkje", "ikke planer om",
    "ingen planer om", "ingen planar om",
})

# Verbs whose complement clause or infinitive describes something that does not happen:
# "utelukker å sende soldater" negates the MOBILIZE event it embeds.
NEGATING_VERBS = frozenset({
    "avvise", "avkrefte", "benekte", "tilbakevise", "utelukke", "unnlate", "avstå", "nekte",
})

# Norwegian writes compounds as one word ("moskéangrep", "drapstrussel", "klimatoppmøte"), so a noun
# that is not listed is looked up by its last element. Heads that mostly form non-event compounds
# are not used that way ("utslippskrav", "kontantstøtte", "redningsaksjon", "rettsforhandling"),
# nor are a few misleading compounds of usable heads ("hjerteangrep" is a heart attack).
MIN_COMPOUND_HEAD = 4
MIN_COMPOUND_MODIFIER = 3
NO_COMPOUND_HEADS = frozenset({
    "aksjon", "besøk", "beredskap", "forhandling", "krav", "møte", "pause", "samtale", "stans", "støtte",
})
NOT_EVENT_COMPOUNDS = frozenset({
    "hjerteangrep", "astmaangrep", "panikkangrep", "migreneangrep", "insektangrep", "soppangrep",
})

Source = Path | Traversable
Row = dict[str, str]


def norwegian_sort_key(text: str) -> str:
    """Sort key that puts æ, ø, å after z, as Norwegian dictionaries do."""
    return text.lower().translate(_NORWEGIAN_ORDER)


_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def _data_file(name: str) -> Traversable:
    return data_file(name)


def _source_name(source: Source) -> str:
    return getattr(source, "name", str(source))


def read_rows(source: Source, columns: Sequence[str]) -> list[tuple[int, Row]]:
    """Read a commented TSV file into ``(line_number, row)`` pairs, checking header and field counts."""
    name = _source_name(source)
    rows: list[tuple[int, Row]] = []
    header_seen = False
    for line_number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            if tuple(fields) != tuple(columns):
                raise ValueError(f"{name}, line {line_number}: header must be {'|'.join(columns)}, "
                                 f"found {'|'.join(fields)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise ValueError(f"{name}, line {line_number}: expected {len(columns)} tab-separated fields, "
                             f"found {len(fields)}")
        row = {column: value.strip() for column, value in zip(columns, fields, strict=True)}
        rows.append((line_number, row))
    if not header_seen:
        raise ValueError(f"{name}: no header line ({'|'.join(columns)})")
    return rows


def _check(ok: bool, source: Source, line: int, problem: str) -> None:
    if not ok:
        raise ValueError(f"{_source_name(source)}, line {line}: {problem}")


def _check_choice(value: str, allowed: Sequence[str], column: str, source: Source, line: int) -> None:
    _check(value in allowed, source, line, f"{column} must be one of {', '.join(repr(a) for a in allowed)}, "
           f"found {value!r}")


def _check_lemma(value: str, column: str, source: Source, line: int) -> None:
    _check(bool(value) and " " not in value and "\t" not in value, source, line,
           f"{column} must be one word, found {value!r}")


def _check_particles(particles: frozenset[str], source: Source, line: int) -> None:
    unknown = sorted(particles - VERB_PARTICLES)
    _check(not unknown, source, line, f"unknown verb particle {', '.join(unknown)!r} (see VERB_PARTICLES)")


def _word_set(value: str) -> frozenset[str]:
    """A comma-separated cell as a lower-cased set; an empty cell is the empty set."""
    return frozenset(part.strip().lower() for part in value.split(",") if part.strip())


def _check_no_duplicate(seen: dict[object, int], key: object, source: Source, line: int) -> None:
    _check(key not in seen, source, line, f"duplicate of line {seen.get(key)}")
    seen[key] = line


# --- event triggers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Observed:
    """A construction around a trigger candidate as ``Trigger.matches`` compares it: lower case, and
    only the particles that are verb particles; ``complements`` joins the heads of every complement."""

    particles: set[str]
    objects: set[str]
    preps: dict[str, set[str]]  # preposition -> complement heads
    complements: set[str]
    has_infinitive: bool
    governor: str | None

    @classmethod
    def of(cls, particles: Collection[str], objects: Collection[str],
           preps: Mapping[str, Collection[str]] | None, has_infinitive: bool,
           governor: str | None) -> Observed:
        lowered: dict[str, set[str]] = {}
        for prep, heads in (preps or {}).items():
            lowered.setdefault(prep.lower(), set()).update({c.lower() for c in heads})
        complements = {c for heads in lowered.values() for c in heads} if lowered else set()
        return cls({p.lower() for p in particles} & VERB_PARTICLES, {o.lower() for o in objects}, lowered,
                   complements, has_infinitive, None if governor is None else governor.lower())


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger construction: a lemma and the context it needs to denote a PLOVER event."""

    lemma: str
    pos: str
    types: tuple[str, ...]  # one PLOVER root type, or two when both are defensible
    particles: frozenset[str]  # one of these particles must be present; empty: no particle allowed
    object_lemmas: frozenset[str]  # direct object heads, or PP complement heads when preps is set
    preps: frozenset[str]  # one of these prepositions must govern a dependent
    frame: str  # "" or "obj+inf"
    governors: frozenset[str]  # NOUN/ADJ rows: the verb ("stille", "komme med") it must depend on
    not_objects: frozenset[str]  # object or PP-complement heads that cancel it ("kreve" + "liv")
    lang: str
    note: str
    example: str
    line: int

    @property
    def plover(self) -> str:
        """The primary PLOVER root type."""
        return self.types[0]

    @property
    def specificity(self) -> int:
        """How many context constraints this row sets; more specific rows win over general ones."""
        return sum(bool(part) for part in (self.particles, self.object_lemmas, self.preps, self.frame,
                                           self.governors))

    def matches(self, *, particles: Collection[str] = (), objects: Collection[str] = (),
                preps: Mapping[str, Collection[str]] | None = None, has_infinitive: bool = False,
                governor: str | None = None) -> bool:
        """Whether an observed construction meets every constraint of this row.

        ``particles`` are the particle lemmas attached to the trigger, ``objects`` the head lemmas of
        its direct objects, ``preps`` maps each preposition governing a dependent of the trigger to
        the head lemmas of its complements, ``governor`` is the lemma of the verb a NOUN/ADJ trigger
        depends on, optionally followed by a space and that verb's particle ("komme med").
        """
        return self._meets(Observed.of(particles, objects, preps, has_infinitive, governor))

    def _meets(self, observed: Observed) -> bool:
        """``matches`` of a construction already normalised (lower case, particles filtered)."""
        if self.not_objects and self.not_objects & (observed.objects | observed.complements):
            return False
        if self.pos == "VERB" and not self.particles and observed.particles:
            return False
        if self.particles and not self.particles & observed.particles:
            return False
        if not self._objects_match(observed.objects, observed.preps):
            return False
        if self.frame == "obj+inf" and not (observed.objects and observed.has_infinitive):
            return False
        governor = observed.governor
        return not self.governors or (governor is not None and self._governor_matches(governor))

    def _objects_match(self, objects: set[str], preps: dict[str, set[str]]) -> bool:
        """Whether the object heads, or the heads of this row's prepositions' complements (both in lower
        case), meet the row's object constraint."""
        if self.preps:
            complements = [heads for prep, heads in preps.items() if prep in self.preps]
            if not complements:
                return False
            return not self.object_lemmas or any(self.object_lemmas & heads for heads in complements)
        return not self.object_lemmas or bool(self.object_lemmas & objects)

    def _governor_matches(self, governor: str) -> bool:
        verb = governor.split(" ", 1)[0]
        return governor in self.governors or verb in self.governors


class TriggerLexicon:
    """All trigger rows, indexed by (lemma, pos)."""

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self.triggers = tuple(triggers)
        self._by_key: dict[tuple[str, str], list[Trigger]] = {}
        self._compound_heads: dict[str, str | None] = {}  # asked for every noun without rows of its own
        self._candidate_rows: dict[tuple[str, str, bool], tuple[Trigger, ...]] = {}
        for trigger in self.triggers:
            self._by_key.setdefault((trigger.lemma, trigger.pos), []).append(trigger)

    def __len__(self) -> int:
        return len(self.triggers)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self.triggers)

    def candidates(self, lemma: str, pos: str, *, participle: bool = False) -> list[Trigger]:
        """Every row for this lemma and part of speech, whatever context it needs.

        Past participles are often tagged ADJ with the verb's infinitive as lemma ("arrestert" ->
        "arrestere"); with ``participle=True`` an ADJ lookup also returns that verb's rows. Present
        participles must not ask for this: "krevende" (demanding) is no demand.
        """
        return list(self._candidates(lemma, pos, participle))

    def _candidates(self, lemma: str, pos: str, participle: bool) -> tuple[Trigger, ...]:
        """``candidates``, worked out once per word: the event finder asks for every lemma reading."""
        cache_key = (lemma, pos, participle)
        rows = self._candidate_rows.get(cache_key)
        if rows is None:
            if len(self._candidate_rows) >= 100_000:  # bounded, so a long run's memory stays flat
                self._candidate_rows.clear()
            rows = self._candidate_rows[cache_key] = tuple(self._find_candidates(lemma, pos, participle))
        return rows

    def _find_candidates(self, lemma: str, pos: str, participle: bool) -> list[Trigger]:
        key = lemma.lower()
        rows = list(self._by_key.get((key, pos.upper()), ()))
        if participle and pos.upper() == "ADJ":
            rows.extend(self._by_key.get((key, "VERB"), ()))
        if not rows and pos.upper() == "NOUN":
            head = self.compound_head(key)
            if head is not None:
                rows = list(self._by_key.get((head, "NOUN"), ()))
        return rows

    def compound_head(self, lemma: str) -> str | None:
        """The listed noun trigger a compound ends in ("moskéangrep" -> "angrep"), or None."""
        heads = self._compound_heads
        if lemma not in heads:
            if len(heads) >= 100_000:  # bounded, so a long run's memory stays flat
                heads.clear()
            heads[lemma] = self._compound_head(lemma)
        return heads[lemma]

    def _compound_head(self, lemma: str) -> str | None:
        word = lemma.lower()
        if word in NOT_EVENT_COMPOUNDS:
            return None
        if "-" in word:  # "irak-invasjon"
            word = word.rsplit("-", 1)[1]
            if (word, "NOUN") in self._by_key:
                return word
        for cut in range(MIN_COMPOUND_MODIFIER, len(word) - MIN_COMPOUND_HEAD + 1):
            head = word[cut:]
            if (head, "NOUN") in self._by_key and head not in NO_COMPOUND_HEADS:
                return head  # the longest listed head wins: it is tried first
        return None

    def match(self, lemma: str, pos: str, *, particles: Collection[str] = (), objects: Collection[str] = (),
              preps: Mapping[str, Collection[str]] | None = None, has_infinitive: bool = False,
              governor: str | None = None, participle: bool = False) -> list[Trigger]:
        """The most specific rows whose constraints the observed construction meets (ties all kept).

        "trekke tilbake kravet" meets both the RETREAT row of "trekke tilbake" and the CONCEDE row
        that also names "krav" as object; only the CONCEDE row comes back.
        """
        # normalised once for all the rows (a common verb has dozens)
        observed = Observed.of(particles, objects, preps, has_infinitive, governor)
        return self.match_observed(lemma, pos, observed, participle)

    def match_observed(self, lemma: str, pos: str, observed: Observed,
                       participle: bool = False) -> list[Trigger]:
        """``match`` of a construction already normalised with ``Observed.of``: a caller that tries
        several lemma readings against one construction normalises it once."""
        rows = self._candidates(lemma, pos, participle)
        if not rows:
            return []
        met = [t for t in rows if t._meets(observed)]
        if len(met) < 2:
            return met  # most words have one row: no specificity to weigh
        best = max(t.specificity for t in met)
        return [t for t in met if t.specificity == best]

    def lemmas(self, pos: str | None = None) -> frozenset[str]:
        """Trigger lemmas, optionally of one part of speech: a cheap first filter for matchers."""
        return frozenset(lemma for lemma, p in self._by_key if pos is None or p == pos.upper())


def parse_triggers(source: Source) -> TriggerLexicon:
    """Parse and validate a trigger file (see the comment block of ``data/triggers.tsv``)."""
    triggers: list[Trigger] = []
    seen: dict[object, int] = {}
    for line, row in read_rows(source, TRIGGER_COLUMNS):
        _check_lemma(row["lemma"], "lemma", source, line)
        _check_choice(row["pos"], TRIGGER_POS, "pos", source, line)
        types = tuple(t.strip() for t in row["plover"].split(","))
        for plover_type in types:
            _check(plover_type in PLOVER_TYPES, source, line, f"unknown PLOVER type {plover_type!r}")
        _check(1 <= len(types) <= 2 and len(set(types)) == len(types), source, line,
               f"plover must be one type or two different types, found {row['plover']!r}")
        _check_choice(row["frame"], FRAMES, "frame", source, line)
        _check_choice(row["lang"], LANGS, "lang", source, line)
        _check(bool(row["example"]), source, line, "example is empty")
        _check(not row["governor"] or row["pos"] != "VERB", source, line, "governor is for NOUN and ADJ rows")
        _check_particles(_word_set(row["particle"]), source, line)
        trigger = Trigger(
            lemma=row["lemma"].lower(), pos=row["pos"], types=types, particles=_word_set(row["particle"]),
            object_lemmas=_word_set(row["object_lemmas"]), preps=_word_set(row["prep"]), frame=row["frame"],
            governors=_word_set(row["governor"]), not_objects=_word_set(row["not_objects"]), lang=row["lang"],
            note=row["note"], example=row["example"], line=line,
        )
        # the same construction listed twice, even with other types, would make matching ambiguous
        key = (trigger.lemma, trigger.pos, trigger.particles, trigger.object_lemmas, trigger.preps,
               trigger.frame, trigger.governors)
        _check_no_duplicate(seen, key, source, line)
        triggers.append(trigger)
    return TriggerLexicon(triggers)


@cache
def load_triggers() -> TriggerLexicon:
    """The shipped trigger lexicon (parsed once per process)."""
    return parse_triggers(_data_file("triggers.tsv"))


# --- reporting verbs --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A reporting verb or phrase ("si", "legge til", "gi uttrykk for")."""

    lemma: str
    particle: str  # "" when the verb takes none
    object_lemmas: frozenset[str]
    prep: str
    lang: str
    kind: str  # speech | claim | report
    takes_at_clause: bool
    example: str
    line: int

    def matches(self, particle: str | None = None, object_lemma: str | None = None,
                prep: str | None = None) -> bool:
        """Whether this entry fits a verb with this particle, object head and preposition.

        A verb without particle here only matches a use without particle: "si opp" (resign) is
        not speech, "si fra" has a row of its own. Words outside VERB_PARTICLES ("ikke") are ignored.
        """
        observed = (particle or "").lower()
        if (observed if observed in VERB_PARTICLES else "") != self.particle:
            return False
        if self.object_lemmas and (object_lemma or "").lower() not in self.object_lemmas:
            return False
        return not self.prep or (prep or "").lower() == self.prep


class SpeechVerbs:
    """The reporting-verb lexicon, indexed by lemma."""

    def __init__(self, verbs: Sequence[SpeechVerb]) -> None:
        self.verbs = tuple(verbs)
        self._by_lemma: dict[str, list[SpeechVerb]] = {}
        for verb in self.verbs:
            self._by_lemma.setdefault(verb.lemma, []).append(verb)

    def __len__(self) -> int:
        return len(self.verbs)

    def __iter__(self) -> Iterator[SpeechVerb]:
        return iter(self.verbs)

    def entries(self, lemma: str) -> list[SpeechVerb]:
        return list(self._by_lemma.get(lemma.lower(), ()))

    def lookup(self, lemma: str, particle: str | None = None, *, object_lemma: str | None = None,
               prep: str | None = None) -> SpeechVerb | None:
        """The entry that fits, or None."""
        fitting = (verb for verb in self.entries(lemma) if verb.matches(particle, object_lemma, prep))
        return next(fitting, None)

    def is_speech(self, lemma: str, particle: str | None = None, *, object_lemma: str | None = None,
                  prep: str | None = None) -> bool:
        return self.lookup(lemma, particle, object_lemma=object_lemma, prep=prep) is not None

    def lemmas(self) -> frozenset[str]:
        return frozenset(self._by_lemma)


def parse_speech_verbs(source: Source) -> SpeechVerbs:
    """Parse and validate a reporting-verb file (see the comment block of ``data/speech_verbs.tsv``)."""
    verbs: list[SpeechVerb] = []
    seen: dict[object, int] = {}
    for line, row in read_rows(source, SPEECH_COLUMNS):
        _check_lemma(row["lemma"], "lemma", source, line)
        _check_choice(row["lang"], LANGS, "lang", source, line)
        _check_choice(row["kind"], SPEECH_KINDS, "kind", source, line)
        _check_choice(row["takes_at_clause"], YES_NO, "takes_at_clause", source, line)
        _check(bool(row["example"]), source, line, "example is empty")
        _check_particles(_word_set(row["particle"]), source, line)
        verb = SpeechVerb(
            lemma=row["lemma"].lower(), particle=row["particle"].lower(),
            object_lemmas=_word_set(row["object_lemmas"]), prep=row["prep"].lower(), lang=row["lang"],
            kind=row["kind"], takes_at_clause=row["takes_at_clause"] == "yes", example=row["example"],
            line=line,
        )
        _check_no_duplicate(seen, (verb.lemma, verb.particle, verb.object_lemmas, verb.prep), source, line)
        verbs.append(verb)
    return SpeechVerbs(verbs)


@cache
def speech_verbs() -> SpeechVerbs:
    """The shipped reporting-verb lexicon (parsed once per process)."""
    return parse_speech_verbs(_data_file("speech_verbs.tsv"))


# --- first names ------------------------------------------------------------------------------------


def _fold(name: str) -> str:
    """Lower-case and strip diacritics, so "Ayse" finds "Ayşe"; ø and æ have no decomposition and stay."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class FirstNames:
    """Given name -> gender ("F", "M", "U"), with an accent-insensitive fallback index."""

    genders: Mapping[str, str]  # casefolded name -> gender
    folded: Mapping[str, str]  # accent-folded name -> gender, only where the folding is unambiguous

    def knows(self, word: str) -> bool:
        """Whether `word` itself is a listed given name, of any gender ("Kim" and "Kari" are)."""
        return word.casefold() in self.genders

    def gender(self, first_name: str) -> str | None:
        """"F" or "M" for a known name, None for unisex or unknown names.

        Double names take the gender of their first part unless listed themselves: "Mette-Marit",
        "Hans Petter", "Anne-Lise" all resolve; so does a full name, by its first token.
        """
        for candidate in _name_candidates(first_name):
            found = self.genders.get(candidate.casefold()) or self.folded.get(_fold(candidate))
            if found:
                return found if found in ("F", "M") else None
        return None


def _name_candidates(text: str) -> list[str]:
    tokens = text.strip().split()
    if not tokens:
        return []
    first = tokens[0].strip(".,;:")
    candidates = [first]
    if "-" in first:
        candidates.append(first.split("-", 1)[0])
    return [c for c in candidates if c]


def parse_first_names(source: Source) -> FirstNames:
    """Parse and validate a first-name file (see the comment block of ``data/first_names.tsv``)."""
    genders: dict[str, str] = {}
    seen: dict[object, int] = {}
    for line, row in read_rows(source, NAME_COLUMNS):
        name = row["name"]
        _check(bool(name) and " " not in name and not any(ch.isdigit() for ch in name), source, line,
               f"name must be one word without digits, found {name!r}")
        _check_choice(row["gender"], NAME_GENDERS, "gender", source, line)
        _check_no_duplicate(seen, name.casefold(), source, line)
        genders[name.casefold()] = row["gender"]
    folded: dict[str, str] = {}
    clashes: set[str] = set()
    for name, gender in genders.items():
        key = _fold(name)
        if key in folded and folded[key] != gender:
            clashes.add(key)
        folded.setdefault(key, gender)
    return FirstNames(genders=genders, folded={k: v for k, v in folded.items() if k not in clashes})


@cache
def first_names() -> FirstNames:
    """The shipped first-name lexicon (parsed once per process)."""
    return parse_first_names(_data_file("first_names.tsv"))


def name_gender(first_name: str) -> str | None:
    """"F" or "M" for a given name common in Norway; None when unisex or unknown. Case-insensitive."""
    return first_names().gender(first_name)


# --- speaker and role nouns -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    """A noun that heads a descriptive speaker ("en kilde", "politiet") or a title ("statsminister")."""

    lemma: str
    gender: str  # F | M | U | PL
    kind: str  # source | group | institution | document | role
    role: bool  # used as a title directly before a name
    lang: str
    example: str
    line: int


def parse_speaker_nouns(source: Source) -> dict[str, SpeakerNoun]:
    """Parse and validate a speaker-noun file (see the comment block of ``data/speaker_nouns.tsv``)."""
    nouns: dict[str, SpeakerNoun] = {}
    seen: dict[object, int] = {}
    for line, row in read_rows(source, SPEAKER_COLUMNS):
        _check_lemma(row["lemma"], "lemma", source, line)
        _check_choice(row["gender"], SPEAKER_GENDERS, "gender", source, line)
        _check_choice(row["kind"], SPEAKER_KINDS, "kind", source, line)
        _check_choice(row["role"], YES_NO, "role", source, line)
        _check_choice(row["lang"], LANGS, "lang", source, line)
        _check(bool(row["example"]), source, line, "example is empty")
        lemma = row["lemma"].lower()
        _check_no_duplicate(seen, lemma, source, line)
        nouns[lemma] = SpeakerNoun(lemma=lemma, gender=row["gender"], kind=row["kind"],
                                   role=row["role"] == "yes", lang=row["lang"], example=row["example"],
                                   line=line)
    return nouns


@cache
def speaker_nouns() -> Mapping[str, SpeakerNoun]:
    """The shipped speaker-noun lexicon, by lemma (parsed once per process)."""
    return parse_speaker_nouns(_data_file("speaker_nouns.tsv"))


def speaker_noun(lemma: str) -> SpeakerNoun | None:
    return speaker_nouns().get(lemma.lower())


@cache
def role_nouns() -> frozenset[str]:
    """Lemmas used as titles before a person's name ("utenriksminister", "general", "talsperson")."""
    return frozenset(noun.lemma for noun in speaker_nouns().values() if noun.role)


# --- negation ---------------------------------------------------------------------------------------


def verb_particles() -> frozenset[str]:
    """The closed class of verb particles the lexicons use."""
    return VERB_PARTICLES


def negation_cues() -> frozenset[str]:
    """Lower-cased negation cues; multi-word cues are space-separated token sequences."""
    return NEGATION_CUES


def negating_verbs() -> frozenset[str]:
    """Verb lemmas whose complement does not happen ("utelukker å sende soldater")."""
    return NEGATING_VERBS



def summary() -> str:
    """One line per lexicon with its size: what `python -m nyhetsgraf.resources.lexicon` prints.

    It also reads every word list of ``data/words`` (`nyhetsgraf.resources.words`), so a bad entry
    there fails here too.
    """
    from nyhetsgraf.resources.words import check_words  # words reads its tables with this module

    triggers = load_triggers()
    per_type = Counter(t.plover for t in triggers)
    names = first_names()
    nouns = speaker_nouns()
    return "\n".join([
        f"triggers.tsv       {len(triggers)} rows: " + ", ".join(f"{t} {per_type[t]}" for t in PLOVER_TYPES),
        f"speech_verbs.tsv   {len(speech_verbs())} rows",
        f"first_names.tsv    {len(names.genders)} names: "
        + ", ".join(f"{g} {n}" for g, n in sorted(Counter(names.genders.values()).items())),
        f"speaker_nouns.tsv  {len(nouns)} nouns, {len(role_nouns())} of them titles",
        "words/             {} word lists, {} tables".format(*check_words()),
    ])


def main() -> int:
    """Validate every shipped lexicon and print its size; a bad row exits 1 with a one-line message."""
    try:
        print(summary())
    except ValueError as error:
        print(f"nyhetsgraf: lexicon error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
