"""Moods and senses in which a trigger states no event, and where a negation stops.

Each check reads one construction on the surface of a sentence, by word classes and word order:

* a possibility ("det er mulig at noen vil anmelde"), a warning against doing something ("advarer mot å
  ta statsborgerskapet fra dem, eller nekte barn ..."), an open question with a modal ("finne ut om og
  med hvem de vil slå seg sammen"), a sentence opened by an if-clause with "om" ("Om de doper seg, blir
  man kastet ut"), an act announced on a condition ("vil beklage om det er begått feil") and a
  preference ("vil heller redusere bidraget");
* senses that are no event of the type: a bomb that "gikk av" (no resignation), a player "utvist" in a
  match (no expulsion), someone "møtt av politiet" (received, no meeting), a team that "forsvarer seg"
  (no support), a shot at goal (no attack);
* where a negation or a denial stops: at a question word ("har ikke opplyst hva han er dømt for": the
  telling is denied, not the sentence), at a finite verb coordinated with the denying one ("nekter å
  ta imot tilbudet og krever frifinnelse"), and "har ingen planer om å" denying the infinitive.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from nyhetsgraf.extract.event_hedges import bare_infinitive, clause_finite, first_conjunct, word_after
from nyhetsgraf.extract.syntax import (
    CONDITION_SUBJUNCTIONS,
    is_finite,
    is_infinitive,
    is_punct,
    lemma,
    looks_like_verb,
    low,
)
from nyhetsgraf.resources import lexicon
from nyhetsgraf.resources.words import word_set

_POSSIBILITY_WORDS = word_set("event_possibility_words")
_GOING_OFF_ENDINGS = tuple(word_set("event_going_off_nouns"))
_MATCH_PLAY_ENDINGS = tuple(word_set("event_match_play_words"))
_BALL_GAME_WORDS = word_set("event_ball_game_words")
# Degrees of how endangered something is: "sterkt truet", "kritisk trua".
_DEGREES_OF_DANGER = {"sterkt", "sterkast", "kritisk", "svært", "mest", "akutt",
                      "meget", "særlig", "spesielt", "høgt", "høyt"}
_REFLEXIVES = {"seg", "meg", "oss", "deg", "dere", "dykk"}

# Question words that open a clause of their own (not "hvor"/"når"/"der", which also open relative
# and time clauses: "byen hvor de skal møtes").
_QUESTION_WORDS = {"hva", "hvem", "hvilke", "hvilken", "hvilket", "hvordan", "hvorfor", "hvorvidt", "kva",
                   "kven", "kva for", "korleis", "kvifor", "kvarvidt", "kvifør"}
# Finite modals of a plan or a possibility: in an open question, what is still to be decided.
_PLAN_MODALS = {"vil", "ville", "skal", "skulle", "kan", "kunne", "bør", "burde", "må", "kjem", "kommer"}
# Finite modals whose infinitive is only wanted or preferred with an adverb of preference.
_WANTING_MODALS = {"vil", "ville", "skal", "skulle"}
# Adverbs of preference: "vil heller redusere", "vil helst slippe", "vil gjerne møte".
_PREFERENCE_ADVERBS = {"heller", "helst", "gjerne", "hellre"}
_NEGATIONS = {"ikke", "ikkje", "aldri"}
_COORDINATORS = {"og", "men", "eller", "samt"}
# Stems of words of warning; their "mot å" phrase is what should not be done.
_WARNING_STEMS = ("advar", "åtvar")
# Stems of verbs whose "om" clause says whether, not if: "etterforsker om det er snakk om terror".
_WHETHER_TAKING_STEMS = ("etterfors", "undersøk", "vurder", "drøft", "diskuter", "spør", "sjekk", "avgjør",
                         "forhandl", "stemm", "granske", "gransk")
# Subjunctions and a relative that open a clause of their own inside an at-clause: what they tell
# happened ("planen at vi skulle være mange da avtalen ble signert", "mulig at mannen som ble drept").
_OWN_CLAUSE_OPENERS = {"da", "når", "etter", "før", "fordi", "mens", "som", "siden", "ettersom"}
# Two-word subjunctions of a condition: "med mindre" (unless), "i tilfelle" (in case).
_UNLESS_PHRASES = {("med", "mindre"), ("i", "tilfelle")}
# Words after "om" that make it a preposition or a time, not "if": "Om kvelden", "om lag", "om at".
_NOT_IF_AFTER_OM = {"at", "å", "lag", "kvelden", "morgenen", "natten", "natta", "dagen", "dagane", "dagene",
                    "sommeren", "vinteren", "våren", "høsten", "hausten", "året", "kort", "bare", "berre",
                    "igjen", "noe", "noko", "ikke", "ikkje"}
# Nominative pronouns: after "om" they open a clause ("om de doper seg").
_SUBJECT_PRONOUNS = {"jeg", "eg", "du", "han", "hun", "ho", "den", "det", "vi", "me", "dere", "de", "dei",
                     "man", "ein", "en", "noen", "nokon", "ingen", "alle"}
# Aim nouns after "ingen": "har ingen planer om å trappe ned" denies the act.
_AIM_NOUNS = {"planer", "plan", "planar", "hensikt", "intensjon", "intensjoner", "intensjonar", "tanker",
              "tankar", "ønske", "ambisjoner", "ambisjonar", "interesse"}
_NO_WORDS = {"ingen", "inga", "intet", "ikkje", "ikke"}
# Auxiliaries of a passive participle: "ble møtt av politiet".
_STATE_COPULAS = {"er", "var", "vore", "vært"}
_DEMAND_MODALS = {"må", "skal", "skulle", "bør", "burde", "måtte"}
_PASSIVE_AUXILIARIES = {"ble", "blei", "vart", "blir", "vert", "blitt", "vorte", "er", "var", "bli", "verte"}


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not t.is_space]


def _clause_start(verb: Token, sent: Span) -> int:
    """The index after the last punctuation mark before ``verb`` in its sentence."""
    for t in reversed(verb.doc[sent.start : verb.i]):
        if is_punct(t):
            return t.i + 1
    return sent.start


def possibility_said(verb: Token, sent: Span) -> bool:
    """ "Det er mulig at noen vil anmelde politifolk", "det er lite sannsynlig at han blir dømt", "fare
    for at", "Det kan være at", "Planen er at": the at-clause of a possibility, a risk or a plan says
    what may or is to happen. The nearest "at" decides ("mulig at X, men bekrefter at Y ble pågrepet"
    keeps Y)."""
    doc = verb.doc
    for t in reversed(doc[max(sent.start, verb.i - 15) : verb.i]):
        if t.text in (".", ";", "!", "?") or (t.text == "," and low(doc[t.i + 1]) in ("men", "og")):
            return False  # "mulig at han lyver, men politiet pågrep ...": a clause of its own
        if low(t) in _OWN_CLAUSE_OPENERS:
            return False  # "ikke planen at vi skulle være så mange da avtalen ble signert": it was
        if low(t) == "at":
            before = {low(w) for w in doc[max(sent.start, t.i - 3) : t.i]}
            may_be = bool(before & {"være", "vere"}) and bool(before & {"kan", "kunne"})  # "kan være at"
            return may_be or not before.isdisjoint(_POSSIBILITY_WORDS)
    return False


def warned_against(verb: Token, sent: Span) -> bool:
    """ "advarer mot å ta statsborgerskapet fra dem ..., eller nekte barn statsborgerskap": the acts of a
    warning's "mot å" phrase, and a bare infinitive coordinated with them, are what should not be done."""
    if not is_infinitive(verb) and not bare_infinitive(verb):
        return False
    doc = verb.doc
    for t in reversed(doc[max(sent.start, verb.i - 30) : verb.i]):
        if t.text in (".", ";", ":"):
            return False
        if low(t) != "å":
            continue
        if t.i - 1 < sent.start or low(doc[t.i - 1]) != "mot":
            return False
        warning = any(low(w).startswith(_WARNING_STEMS) for w in doc[max(sent.start, t.i - 7) : t.i - 1])
        return warning and (t.i + 1 == verb.i or _coordinated_with_infinitive(verb, t, sent))
    return False


def _coordinated_with_infinitive(verb: Token, marker: Token, sent: Span) -> bool:
    """Whether ``verb`` is a bare infinitive after "og"/"eller" that shares the infinitive marker
    ``marker``: between them only relative clauses hold finite verbs."""
    doc = verb.doc
    k = verb.i - 1
    while k > marker.i and (doc[k].pos_ == "ADV" or doc[k].text == ","):
        k -= 1
    if low(doc[k]) not in ("og", "eller"):
        return False
    for t in doc[marker.i + 1 : k]:
        if is_finite(t) and not any(low(w) == "som" for w in doc[max(marker.i, t.i - 3) : t.i]):
            return False
    return True


def open_plan_question(verb: Token, sent: Span) -> bool:
    """ "finne ut om og med hvem de vil slå seg sammen", "diskuterer hvordan de skal svare": an open
    question about what is to be done (a question word and a modal); "vet hvem som skal ha drept ham"
    (reported) and "opplyst hva han er dømt for" (done) stay."""
    finite = verb if is_finite(verb) else clause_finite(verb, sent, reach=5)
    if finite is None:
        return False
    doc = verb.doc
    if any(low(t) in ("ha", "hatt") for t in doc[finite.i + 1 : verb.i]):
        return False  # "skal ha drept": reported, not planned
    k = finite.i - 1
    while k > sent.start and finite.i - k <= 4 and low(doc[k]) not in _QUESTION_WORDS \
            and not is_punct(doc[k]) and low(doc[k]) != "om":
        k -= 1
    if low(doc[k]) not in _QUESTION_WORDS:
        return False
    before = [low(t) for t in doc[max(sent.start, k - 3) : k]]
    whether_too = "om" in before and any(w in ("og", "eller") for w in before)  # "om og med hvem"
    return whether_too or low(finite) in _PLAN_MODALS


def opening_if_clause(sent: Span) -> bool:
    """ "Om de doper seg, blir man kastet ut av laget": a sentence opened by "om" with a subject and a
    finite verb, then a comma and the inverted finite verb of the main clause, is a condition and its
    consequence. "Om kvelden ble to pågrepet" (a time) and "Om saken sier han" (a topic) are none."""
    words = _words(sent)
    if len(words) < 5 or low(words[0]) != "om" or low(words[1]) in _NOT_IF_AFTER_OM:
        return False
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is None or comma + 1 >= len(words) or comma > 12:
        return False
    condition = words[1:comma]
    # the tagger may read the verb as a noun ("jukser") where it still tags "om" a subjunction
    subject_then_verb = words[0].pos_ == "SCONJ" \
        or (any(is_finite(t) or looks_like_verb(t) for t in condition[1:4]) and not is_finite(condition[0]))
    return subject_then_verb and is_finite(words[comma + 1])


def conditioned_act(trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """ "vil beklage om det er begått feil", "skal trekke seg dersom partiet taper": an act announced on
    a condition that follows it has not happened ("beklager dersom": an apology made stays)."""
    finite = verb if is_finite(verb) else clause_finite(verb, sent, reach=5)
    if finite is None:
        return False
    if low(finite) not in _PLAN_MODALS | {"blir", "vert"} or finite is verb:
        return False  # "beklager dersom ...": an apology made, on whatever condition
    doc = verb.doc
    last = trigger_tokens[-1]
    for t in doc[last.i + 1 : min(sent.end, last.i + 8)]:
        if is_punct(t) or low(t) in ("at", "som", "fordi", "når", "da", "men"):
            return False
        if low(t) in CONDITION_SUBJUNCTIONS or (low(doc[t.i - 1]), low(t)) in _UNLESS_PHRASES:
            return True  # "vil protestere med mindre presidenten går av": unless, a condition too
        if low(t) == "om" and _opens_if_clause(t, sent) \
                and not low(trigger_tokens[0]).startswith(_WHETHER_TAKING_STEMS):
            return True  # "skal etterforske om det er en terrorhandling": whether, no condition
    return False


def in_unless_clause(verb: Token, sent: Span) -> bool:
    """ "med mindre regjeringen gir etter", "i tilfelle fienden angriper": a trigger in a clause of
    "unless" or "in case" is a condition, no event."""
    doc = verb.doc
    for t in reversed(doc[max(sent.start + 1, verb.i - 8) : verb.i]):
        if is_punct(t):
            return False
        if (low(doc[t.i - 1]), low(t)) in _UNLESS_PHRASES:
            return True
    return False


def _opens_if_clause(om: Token, sent: Span) -> bool:
    """ "om det er begått feil", "om de får lønn": "om" with a subject pronoun and a finite verb."""
    doc = om.doc
    if om.i + 2 >= sent.end:
        return False
    after = doc[om.i + 1]
    return low(after) in _SUBJECT_PRONOUNS and is_finite(doc[om.i + 2])


def preferred(verb: Token, sent: Span) -> bool:
    """ "De vil heller øke beløpet og redusere bidraget", "vil helst slippe", "vil gjerne møte ham": a
    preference, no act; "vil heller ikke" (nor) is a negation and stays."""
    head = verb
    if bare_infinitive(verb):
        head = first_conjunct(verb, sent) or verb
    if is_finite(head):
        return False
    finite = clause_finite(head, sent, reach=6)
    if finite is None or low(finite) not in _WANTING_MODALS:
        return False
    doc = verb.doc
    between = list(doc[finite.i + 1 : head.i])
    if any(low(t) in ("ha", "hatt") for t in between):
        return False  # "skal gjerne ha sagt": reported, no preference
    for t in between:
        if low(t) in _PREFERENCE_ADVERBS:
            nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
            return nxt is None or low(nxt) not in _NEGATIONS
    return False


def went_off(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "hørtes ut som en bombe gikk av", "gikk det av et skudd": an explosive, a shot or an alarm that
    goes off, no resignation."""
    first, last = trigger_tokens[0], trigger_tokens[-1]
    if lemma(first) not in ("gå", "gå av") and not low(first).startswith(("gikk", "gjekk", "gå")):
        return False
    doc = first.doc
    near = [*doc[max(sent.start, first.i - 3) : first.i], *doc[first.i + 1 : min(sent.end, last.i + 4)]]
    return any(t.pos_ in ("NOUN", "PROPN") and low(t).endswith(_GOING_OFF_ENDINGS) for t in near)


def sent_off_in_match(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "ble utvist for en stygg takling", "utvist etter to gule kort": sent off in a match, no
    expulsion."""
    first = trigger_tokens[0]
    if not low(first).startswith(("utvis", "utvist")):
        return False
    return any(low(t).endswith(_MATCH_PLAY_ENDINGS) for t in sent if t.i != first.i)


def defends_oneself(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "De forsvarer seg bra", "forsvarte seg godt mot angrepene": defending oneself in a game, a fight
    or a debate, no support of anyone ("forsvarte vedtaket" stays)."""
    first = trigger_tokens[0]
    if not low(first).startswith("forsvar"):
        return False
    return any(low(t) in _REFLEXIVES for t in first.doc[first.i + 1 : min(sent.end, first.i + 3)])


def shot_at_goal(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "skjøt fra skrått hold og ballen snek seg inn", "skjøt i stolpen": a shot in a ball game."""
    first = trigger_tokens[0]
    if lemma(first) != "skyte" and not low(first).startswith(("skjøt", "skyt", "skaut", "skot")):
        return False
    return any(low(t) in _BALL_GAME_WORDS for t in sent)


def endangered(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "naturtypene som er sterkt truet", "kritisk trua arter": a degree before "truet" grades how
    endangered something is; a threat made has no degree."""
    first = trigger_tokens[0]
    if not low(first).startswith(("truet", "trua", "truga", "trugd")) or first.i == sent.start:
        return False
    return low(first.doc[first.i - 1]) in _DEGREES_OF_DANGER or _state_of_threat(first, sent)


def _state_of_threat(participle: Token, sent: Span) -> bool:
    """ "frie medier er truet", "arbeidsplassene var trua": "er"/"var" with no one who threatens ("av")
    and nothing threatened with ("med") is a state of danger; "ble truet med kniv" is an act."""
    doc = participle.doc
    k = participle.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if low(doc[k]) not in _STATE_COPULAS:
        return False
    if k > sent.start and low(doc[k - 1]) in _SUBJECT_PRONOUNS - {"den", "det"}:
        return False  # "han er truet på livet": a person threatened
    return not any(low(t) in ("av", "med") for t in doc[participle.i + 1 : sent.end])


_REQUESTING_STEMS = ("begjær", "kravd", "krevd", "krev")


def only_requested(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "blir begjært varetektsfengslet", "vil begjære mannen fengslet", "krevde ham utlevert": the state a
    request asks for, not yet done (the request is an event of its own)."""
    first = trigger_tokens[0]
    doc = first.doc
    for t in reversed(doc[max(sent.start, first.i - 5) : first.i]):
        if low(t).startswith(_REQUESTING_STEMS) and t.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            return True
        if is_punct(t) or (is_finite(t) and not low(t).startswith(_REQUESTING_STEMS)) \
                or t.pos_ in ("SCONJ", "CCONJ"):
            return False
    return False


def claim_insisted(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "insisterer på at hun har stor støtte": insisting that something is so is a claim; only "på at"
    with a modal ("må", "skal") in the at-clause demands something."""
    first = trigger_tokens[0]
    if not lemma(first).startswith("insister"):
        return False
    doc = first.doc
    after = [low(t) for t in doc[first.i + 1 : min(sent.end, first.i + 4)]]
    if "at" not in after:
        return False  # "insisterer på en ny avstemning": a demand for something
    start = first.i + 2 + after.index("at")
    return not any(low(t) in _DEMAND_MODALS for t in doc[start : min(sent.end, start + 8)])


def met_as_received(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "ble møtt av politiet", "vart møtt med protester": a passive "møtt av/med" tells how someone was
    received, no meeting of parties."""
    token = trigger_tokens[0]
    if low(token) not in ("møtt", "møtte", "møtta") or token.i + 1 >= sent.end:
        return False
    doc = token.doc
    k = token.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    passive = low(doc[k]) in _PASSIVE_AUXILIARIES
    return passive and low(doc[token.i + 1]) in ("av", "med")


def warns_against(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "advarer imidlertid mot å tildele dem ansvar", "advarte på det sterkeste mot økende hatprat": a
    warning against something, past adverbs, is advice, no threat ("advarer Vesten mot å sende våpen"
    names whom it is aimed at and stays)."""
    token = trigger_tokens[0]
    if not low(token).startswith(_WARNING_STEMS):
        return False
    after = word_after(token, sent)
    doc = token.doc
    if after is not None and low(after) == "på" and after.i + 3 < sent.end \
            and low(doc[after.i + 1]) == "det" and low(doc[after.i + 2]).endswith("ste"):
        after = word_after(doc[after.i + 2], sent)  # "på det sterkeste", "på det kraftigste"
    return after is not None and low(after) == "mot"


def mood_not_real(type_: str, trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """Whether a trigger's mood or sense states no event: a possibility, a warning against, an open
    question of what to do, an if-clause, an act on a condition, a preference, or a sense of going off,
    being sent off or being received."""
    if possibility_said(verb, sent) or warned_against(verb, sent) or open_plan_question(verb, sent):
        return True
    if opening_if_clause(sent) or conditioned_act(trigger_tokens, verb, sent) or in_unless_clause(verb, sent):
        return True
    if preferred(verb, sent):
        return True
    threat_sense_only = warns_against(trigger_tokens, sent) or endangered(trigger_tokens, sent)
    return (type_ == "CONCEDE" and went_off(trigger_tokens, sent)) \
        or (type_ == "THREATEN" and threat_sense_only) \
        or (type_ == "COERCE" and sent_off_in_match(trigger_tokens, sent)) \
        or (type_ == "CONSULT" and met_as_received(trigger_tokens, sent)) \
        or (type_ == "SUPPORT" and defends_oneself(trigger_tokens, sent)) \
        or (type_ == "ASSAULT" and shot_at_goal(trigger_tokens, sent)) \
        or (type_ == "REQUEST" and claim_insisted(trigger_tokens, sent)) \
        or (type_ == "COERCE" and only_requested(trigger_tokens, sent))


# ---------------------------------------------------------------- where a negation stops


def question_word_between(cue: int, trigger: Token) -> bool:
    """ "har ikke opplyst hva han er dømt for", "vil ikke si hvem som ble pågrepet": a question word
    between a negation and the trigger opens a clause of its own; the negation denies the telling."""
    return any(low(t) in _QUESTION_WORDS for t in trigger.doc[cue + 1 : trigger.i])


def finite_conjunct_after(cue: int, trigger: Token, sent: Span) -> bool:
    """ "tok ikke imot tilbudet og krever frifinnelse", "ble ikke skadet, men ble pågrepet": a verb group
    with its own finite verb after "og"/"men" is a clause of its own, which the negation of the first
    verb does not reach ("har ikke truet eller angrepet noen", with one auxiliary, shares it)."""
    own = trigger if is_finite(trigger) else clause_finite(trigger, sent, reach=4)
    if own is None or cue >= own.i:
        return False
    doc = trigger.doc
    if not any(is_finite(t) for t in doc[max(sent.start, cue - 3) : cue]):
        return False  # "Verken Hamas eller Fatah angrep": the cue opens the subject
    return any(low(t) in _COORDINATORS for t in doc[cue + 1 : own.i])


def beside_denial(trigger: Token, sent: Span) -> bool:
    """ "nekter å ta imot tilbudet og krever full frifinnelse", "avviser å svare, men bekrefter": a finite
    trigger coordinated with a denying verb that took an infinitive is not what is denied; "avviser at
    de angrep" (an at-clause) is, and a question word ("nekter å si hva de gjorde") stops the denial."""
    negating = lexicon.negating_verbs()
    doc = trigger.doc
    denial = next((t for t in reversed(doc[sent.start : trigger.i]) if lemma(t) in negating), None)
    if denial is None:
        return False
    between = doc[denial.i + 1 : trigger.i]
    if any(low(t) in _QUESTION_WORDS for t in between) or _relative_between(between):
        return True
    if any(low(t) == "at" for t in between) or not is_finite(trigger):
        return False
    return any(low(t) in _COORDINATORS for t in between)


def _relative_between(between: Span) -> bool:
    """ "nektet for at han hadde planer om det, noe han tidligere er dømt for": a relative clause tells
    what is taken as given, not what is denied; a cleft ("avviser at det var han som skjøt") is denied."""
    words = [low(t) for t in between]
    for k, word in enumerate(words):
        relative = word == "som" or (word in ("noe", "noko") and k > 0 and words[k - 1] == ",")
        cleft = word == "som" and any(w in ("det", "er", "var") for w in words[max(0, k - 4) : k - 1]) \
            and "det" in words[max(0, k - 4) : k]
        if relative and not cleft:
            return True
    return False


def no_plans_to(verb: Token, sent: Span) -> bool:
    """ "har ingen planer om å trappe ned", "har ikkje planar om å": an aim said not to exist denies the
    infinitive (and one coordinated with it)."""
    head = verb
    if bare_infinitive(verb):
        head = first_conjunct(verb, sent) or verb
    doc = verb.doc
    if head.i - 3 < sent.start or low(doc[head.i - 1]) != "å" or low(doc[head.i - 2]) not in ("om", "til"):
        return False
    words = [low(t) for t in doc[max(sent.start, head.i - 6) : head.i - 2]]
    return any(w in _AIM_NOUNS and k > 0 and words[k - 1] in _NO_WORDS for k, w in enumerate(words))
