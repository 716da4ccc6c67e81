"""Clauses and roles the event finder must not take at face value.

Small checks on the surface of a sentence, each for one construction that states no event, or that
would give an event the wrong actor or target: a warning of risks ("advarer om at streiken kan bli
langvarig"), a possibility or a guess ("kan fire ansatte bli dømt", "vil trolig bli pågrepet"), an
act only wanted or requested in a coordinated infinitive ("ber demonstrantene komme ut og overgi
seg"), what happens to anyone or as a procedure ("alle som kritiserer", "få lovbrudd blir
etterforsket", "godkjenner deretter planene"), advice in an imperative, and a target that is a
question word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from nyhetsgraf.extract.agents import is_document_noun, is_place_noun
from nyhetsgraf.extract.syntax import (
    dep,
    is_finite,
    is_infinitive,
    is_punct,
    is_space,
    lemma,
    looks_like_verb,
    low,
    morph_values,
)
from nyhetsgraf.resources import lexicon

# Pronouns that name the warner as the one who will act: "advarer om at de vil gå til streik".
_OWN_ACT_SUBJECTS = {"vi", "me", "de", "dei", "han", "hun", "ho", "jeg", "eg"}
_FUTURE_FINITES = {"vil", "skal", "kommer", "kjem", "ville", "skulle"}
# Modals of possibility and need: what "kan fire ansatte bli dømt" says could happen.
_POSSIBILITY_MODALS = {"kan", "kunne", "kunna", "bør", "burde", "må"}
# Adverbs of a guess: "vil trolig bli pågrepet" is expected, not announced.
_GUESS_ADVERBS = {"trolig", "antakelig", "antagelig", "sannsynligvis", "sannsynlegvis", "kanskje", "muligens",
                  "moglegvis", "formodentlig", "truleg", "neppe"}
# Verbs that ask someone to act: a bare infinitive after them is asked for, not done.
_ASKING_VERBS = {"be", "bede", "oppfordre", "oppmode", "beordre", "anmode", "pålegge", "instruere", "tillate"}
_PASSIVE_AUXILIARIES = {"ble", "blei", "vart", "blir", "vert", "blitt", "vorte", "er", "var", "bli", "verte"}
_COORDINATORS = {"og", "men", "eller"}
# Quantifiers that with a relative clause name whoever does so: "alle som kritiserer regjeringen".
_ANYONE = {"alle", "enhver", "einkvar", "ingen", "hvem", "kven"}
# Quantifiers that as a subject make a present passive a statement of how things go ("få lovbrudd
# blir etterforsket", "mange blir aldri tiltalt").
_GENERIC_QUANTIFIERS = {"få", "mange", "flere", "fleire", "færre", "de", "dei"}
# Adverbs of the next step of a procedure: "Kommunen godkjenner deretter planene".
_PROCEDURE_ADVERBS = {"deretter", "derefter", "etterpå", "dernest", "derpå", "deretterpå"}
# Question and relative words: never the target of an event ("fått hva de etterspurte").
_QUESTION_WORDS = {"hva", "hvem", "hvilke", "hvilken", "hvilket", "kva", "kven", "som", "hvor", "kor"}
# Ordinals and positions of a round in a shooting contest: "På første skyting", "liggende skyting".
_ROUND_WORDS = {"første", "andre", "tredje", "fjerde", "femte", "siste", "neste", "liggende", "stående",
                "fyrste", "ståande", "liggjande"}
# What a statement brings when someone "rykker ut med" it: going public, no call-out.
_STATEMENT_NOUNS = {"kritikk", "kritikken", "advarsel", "advarsler", "krav", "kravet", "melding", "beskjed",
                    "uttalelse", "påstand", "påstander", "innlegg", "svar", "forklaring", "oppfordring",
                    "støtte", "åtvaring", "fråsegn", "kommentar"}
# Nature and sights, which praise is about without any party: "skryter av øyas eikeskog".
_SIGHT_HEADS = ("skog", "natur", "utsikt", "strand", "landskap", "fjell", "mat", "vin", "beliggenhet",
                "hage", "park")
_NEGATIONS = {"ikke", "ikkje", "aldri", "ei"}


def word_after(token: Token, sent: Span, skip_adverbs: bool = True) -> Token | None:
    """The next word after ``token`` in the sentence, past adverbs."""
    for t in token.doc[token.i + 1 : sent.end]:
        adverbial = t.pos_ == "ADV" or (t.pos_ == "ADJ" and dep(t) == "ADV")  # "advarte samtidig om"
        if skip_adverbs and adverbial and low(t) not in ("om", "mot"):
            continue
        return t
    return None


def _about_after(token: Token, sent: Span) -> Token | None:
    """The "om" of a warning, past adverbs and an inverted subject ("advarer om", "I tillegg advarer
    selskapet om at"); "advarte regjeringen om konsekvensene" warns someone, which may threaten."""
    after = word_after(token, sent)
    if after is not None and after.pos_ in ("NOUN", "PROPN", "PRON") and dep(after) in ("SUBJ", "nsubj"):
        after = word_after(after, sent)
    return after if after is not None and low(after) == "om" else None


def warns_of_risk(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "advarer om at sterk vind kan føre til", "kom med en advarsel om farene": a warning about a
    risk, no threat; "advarer om at de vil gå til streik" announces the warner's own act and stays."""
    for token in trigger_tokens:
        if not low(token).startswith(("advar", "åtvar")):
            continue
        after = _about_after(token, sent)
        if after is None:
            continue
        doc = token.doc
        words = [low(t) for t in doc[after.i + 1 : min(sent.end, after.i + 6)]]
        own = words[:1] == ["at"] and len(words) > 2 and words[1] in _OWN_ACT_SUBJECTS \
            and words[2] in _FUTURE_FINITES
        return not own
    return False


def threat_talked_about(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "satt den trusselen som resistens representerer, på dagsorden": a threat noun with a
    demonstrative or a relative clause is a known threat spoken of, not one made."""
    for token in trigger_tokens:
        if token.pos_ != "NOUN" or not low(token).startswith(("truss", "trusl", "trugs")):
            continue
        before = low(token.doc[token.i - 1]) if token.i > sent.start else ""
        after = low(token.doc[token.i + 1]) if token.i + 1 < sent.end else ""
        return before in ("den", "denne", "disse", "dei", "de", "slike", "slik") or after == "som"
    return False


def clause_finite(verb: Token, sent: Span, reach: int = 8) -> Token | None:
    """The finite verb before ``verb`` in its clause, past a subject, numbers and adverbs
    ("kan fire ansatte bli dømt"); None at a comma or a clause word."""
    for t in reversed(verb.doc[max(sent.start, verb.i - reach) : verb.i]):
        if is_finite(t):
            return t
        if is_punct(t) or low(t) in ("at", "som", "og", "men", "eller", "fordi", "hvis", "dersom", "om"):
            return None
    return None


def possible_only(verb: Token, sent: Span) -> bool:
    """A non-finite verb under a modal of possibility or need, with a subject or a number between
    ("I tillegg kan fire ansatte bli dømt", "kan 300 arbeidere bli permittert"): what could happen. An
    s-passive the tagger read as a present tense is an infinitive after a modal ("må alle endringer
    godkjennes")."""
    if is_finite(verb) and not _s_passive(verb):
        return False
    finite = clause_finite(verb, sent)
    if finite is not None and low(finite) in ("skal", "skulle") and _s_passive(verb):
        return finite.i + 1 < verb.i  # "skal nå alle ordninger godkjennes": a rule or a plan
    return finite is not None and low(finite) in _POSSIBILITY_MODALS


def _s_passive(verb: Token) -> bool:
    """ "godkjennes", "forbys", "godkjennast": a passive in -s, which reads as a present or an infinitive."""
    return low(verb).endswith(("es", "ast", "ys")) and "Pass" in morph_values(verb, "Voice")


def guessed(verb: Token, sent: Span) -> bool:
    """ "vil trolig bli pågrepet", "kommer antakelig til å trekke seg": an expectation with a word of
    a guess, not an announcement."""
    if is_finite(verb):
        return False
    finite = clause_finite(verb, sent)
    if finite is None or low(finite) not in _FUTURE_FINITES:
        return False
    return any(low(t) in _GUESS_ADVERBS for t in verb.doc[finite.i + 1 : verb.i])


def first_conjunct(verb: Token, sent: Span) -> Token | None:
    """The verb before the "og"/"eller" that coordinates a bare infinitive with it ("komme ut og
    overgi seg", "ha våpenet inndratt og frata mannen"): the nearest verb before the conjunction."""
    doc = verb.doc
    conj = verb.i - 1
    while conj > sent.start and doc[conj].pos_ == "ADV":
        conj -= 1
    if conj <= sent.start or low(doc[conj]) not in ("og", "eller"):
        return None
    for t in reversed(doc[max(sent.start, conj - 6) : conj]):
        if looks_like_verb(t) or "Part" in morph_values(t, "VerbForm"):
            return t
        if is_punct(t):
            return None
    return None


def bare_infinitive(token: Token) -> bool:
    """An infinitive by its morphology, or a verb form the tagger missed that ends like one ("overgi")."""
    if is_infinitive(token):
        return True
    participle = "Part" in morph_values(token, "VerbForm")
    return looks_like_verb(token) and not is_finite(token) and not participle \
        and low(token).endswith(("e", "a", "i", "å", "o", "u", "y"))


def asked_or_wanted_conjunct(verb: Token, sent: Span) -> bool:
    """A bare infinitive coordinated with an act that is only asked for or wanted: "ber demonstrantene
    komme ut og overgi seg" (requested), "vil ha våpenet inndratt og frata mannen retten" (wanted):
    the second verb shares the first one's mood. "vil invitere og samarbeide" announces, and stays."""
    if not bare_infinitive(verb) or (verb.i > sent.start and low(verb.doc[verb.i - 1]) == "å"):
        return False
    first = first_conjunct(verb, sent)
    if first is None:
        return False
    doc = verb.doc
    participle = "Part" in morph_values(first, "VerbForm") or low(first).endswith(("t", "d"))
    if not bare_infinitive(first) and participle:
        # "vil ha X inndratt": "ha" with an object and a participle after a modal is a wish
        window = [low(t) for t in doc[max(sent.start, first.i - 6) : first.i]]
        return "ha" in window and any(w in ("vil", "ville", "ønsker") for w in window[: window.index("ha")])
    if not bare_infinitive(first):
        return False
    asking = [t for t in doc[sent.start : first.i] if lemma(t) in _ASKING_VERBS and is_finite(t)]
    if first.i > sent.start and low(doc[first.i - 1]) == "å":
        return bool(asking)  # "oppfordrer dem til å bli med og mobilisere": asked for too
    modal = clause_finite(first, sent, reach=4)
    return bool(asking) and (modal is None or low(modal) not in _FUTURE_FINITES)


def anyone_who(subject: Token, verb: Token) -> bool:
    """ "alle som kritiserer regjeringen", "enhver som angriper": a quantifier with a relative clause
    in the present names whoever does so ("alle som protesterte" names a group that did)."""
    doc = verb.doc
    if low(subject) not in _ANYONE or subject.i + 1 >= len(doc) or low(doc[subject.i + 1]) != "som":
        return False
    if verb.i <= subject.i + 1:
        return False
    finite = next((t for t in doc[subject.i + 2 : verb.i + 1] if is_finite(t)), None)
    return finite is not None and "Pres" in morph_values(finite, "Tense")


def generic_relative_passive(verb: Token, sent: Span) -> bool:
    """ "personer som er dømt for drap, slipper ikke ut", "så få menn som blir anmeldt": a participle in
    a relative clause on a bare plural or a quantifier names whoever it is done to."""
    doc = verb.doc
    k = verb.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if k - 2 < sent.start or low(doc[k]) not in ("er", "blir", "vert") or low(doc[k - 1]) != "som":
        return False
    head = doc[k - 2]
    before = low(doc[k - 3]) if k - 3 >= sent.start else ""
    bare_plural = head.pos_ == "NOUN" and "Plur" in morph_values(head, "Number") \
        and "Def" not in morph_values(head, "Definite") and doc[k - 3].pos_ not in ("DET", "NUM", "PRON")
    return bare_plural or before in _GENERIC_QUANTIFIERS - {"de", "dei"} or low(head) in _ANYONE


def generic_present_passive(verb: Token, sent: Span) -> bool:
    """ "at få lovbrudd blir etterforsket", "mange saker blir aldri anmeldt": a quantifier subject of a
    present "blir" passive states how things go."""
    first = first_conjunct(verb, sent)
    if first is not None and first.i < verb.i - 1 and "Part" in morph_values(first, "VerbForm"):
        verb = first  # "blir etterforsket og anmeldt": the second participle shares the first one's clause
    finite = clause_finite(verb, sent, reach=4)
    if finite is None or low(finite) not in ("blir", "vert"):
        return False
    start = finite.i
    doc = verb.doc
    while start - 1 >= sent.start and doc[start - 1].pos_ in ("NOUN", "ADJ") \
            and low(doc[start - 1]) not in _GENERIC_QUANTIFIERS | {"fleste"}:
        start -= 1
    if start - 1 < sent.start or start == finite.i:
        return False
    quantifier = doc[start - 1]
    opener = doc[start - 2] if start - 2 >= sent.start else None
    if low(quantifier) == "fleste" and opener is not None and low(opener) in ("de", "dei"):
        return True
    at_start = opener is None or is_punct(opener) or low(opener) in ("at", "og", "men", "som")
    return low(quantifier) in _GENERIC_QUANTIFIERS - {"de", "dei"} and at_start


def procedure_step(verb: Token, sent: Span) -> bool:
    """ "Kommunen godkjenner deretter planene": a present tense with an adverb of the next step
    describes how a procedure goes, not what happened."""
    if not is_finite(verb) or "Pres" not in morph_values(verb, "Tense"):
        return False
    return any(low(t) in _PROCEDURE_ADVERBS for t in verb.doc[sent.start : sent.end])


def everyone_meets_everyone(trigger: Token, sent: Span) -> bool:
    """ "Alle skal møte alle": a round robin, not a meeting of parties."""
    doc = trigger.doc
    before = any(low(t) in ("alle", "kvarandre") for t in doc[max(sent.start, trigger.i - 4) : trigger.i])
    after = any(low(t) == "alle" for t in doc[trigger.i + 1 : min(sent.end, trigger.i + 3)])
    return before and after


def genitive_owner(subject: Token | None) -> Token | None:
    """ "IS' motstandere": a name with a genitive apostrophe is a determiner; the noun after it acts."""
    if subject is None or subject.i + 1 >= len(subject.doc):
        return subject
    doc = subject.doc
    owner = subject.text.endswith("'") or doc[subject.i + 1].text in ("'", "'s", "’", "’s")
    if not owner:
        return subject
    for t in doc[subject.i + 1 : min(len(doc), subject.i + 5)]:
        if t.pos_ in ("NOUN", "PROPN") and t.text not in ("'", "'s", "’", "’s"):
            return t
    return subject


def relative_subject(verb: Token, sent: Span) -> Token | None:
    """The noun before ", som" right before an active verb ("politiet, som pågrep minst tolv
    ungdommer"): the relative "som" is the subject and points to it."""
    doc = verb.doc
    k = verb.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if k <= sent.start or low(doc[k]) != "som":
        return None
    j = k - 1
    if doc[j].text == ",":
        j -= 1
    if j < sent.start or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[j]


def coordinated_passive(verb: Token, sent: Span) -> bool:
    """ "Moren ble frifunnet for ..., men dømt for mishandling": a participle coordinated after a
    "ble" participle, with no subject of its own, is passive too."""
    doc = verb.doc
    tagged_adjective = verb.pos_ == "ADJ" and low(verb).endswith(("t", "d"))  # "løslatt" tagged ADJ
    participle = "Part" in morph_values(verb, "VerbForm") or tagged_adjective
    # "refset av ledelsen": a form the tagger read as a past tense, with an agent after it
    with_agent = low(verb).endswith(("t", "d")) and verb.i + 1 < sent.end and low(doc[verb.i + 1]) == "av"
    if not with_agent and (not participle or is_finite(verb)):
        return False
    k = verb.i - 1
    while k > sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if k <= sent.start or low(doc[k]) not in _COORDINATORS | {","}:  # "beskyldt for juks, refset av"
        return False
    for t in reversed(doc[sent.start : k]):
        if low(t) in _PASSIVE_AUXILIARIES and t.i + 1 < k:
            nxt = doc[t.i + 1]
            nxt = doc[t.i + 2] if nxt.pos_ == "ADV" and t.i + 2 < k else nxt
            verb_form = looks_like_verb(nxt) and low(nxt).endswith(("t", "d"))
            return "Part" in morph_values(nxt, "VerbForm") or verb_form
        if is_finite(t):
            return False  # "fikk turister bortført og kidnappet": another verb's clause
    return False


def speaks_out(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "rykket ut og advarte mot", "rykket ut med kritikk": going public, not a call-out of forces."""
    tokens = [t for t in trigger_tokens if lemma(t) in ("rykke", "rykka") or low(t).startswith("rykk")]
    particle = next((t for t in trigger_tokens if low(t) == "ut"), None)
    if not tokens or particle is None:
        return False
    doc = particle.doc
    after = doc[particle.i + 1 : min(sent.end, particle.i + 4)]
    words = [low(t) for t in after]
    if words[:1] == ["og"] and len(after) > 1:
        verb = after[1]
        return lexicon.speech_verbs().is_speech(lemma(verb)) or low(verb).startswith(("advar", "åtvar"))
    if words[:1] == ["med"]:
        return any(w in _STATEMENT_NOUNS for w in words[1:])
    return False


def contest_round(trigger_tokens: list[Token]) -> bool:
    """ "På første skyting tok hun seg tid", "liggende skyting": a round of a shooting contest."""
    noun = trigger_tokens[0]
    if noun.pos_ != "NOUN" or noun.i == 0:
        return False
    return low(noun.doc[noun.i - 1]) in _ROUND_WORDS and low(noun).startswith("skyt")


def praise_of_sights(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "skryter av øyas eikeskog", "roser utsikten": praise of a place or a sight, no party supported."""
    last = trigger_tokens[-1]
    doc = last.doc
    start = last.i if low(last) in ("av", "over") else last.i + 1
    while start < sent.end and doc[start].pos_ == "ADV":
        start += 1
    if start < sent.end and low(doc[start]) in ("av", "over"):
        start += 1
    nouns: list[Token] = []
    for t in doc[start : min(sent.end, start + 4)]:
        if t.pos_ not in ("NOUN", "PROPN", "DET", "ADJ"):
            break
        if t.pos_ in ("NOUN", "PROPN"):
            nouns.append(t)
    if not nouns or nouns[-1].pos_ != "NOUN":
        return False
    word = low(nouns[-1])
    return any(head in word for head in _SIGHT_HEADS) or is_place_noun(word)


# People in a personal matter (a case, an illness, a purchase): helping them is no AID between parties.
_PRIVATE_PARTIES = {"fornærmede", "fornærmet", "klient", "klienten", "klientar", "pasient", "pasienten",
                    "kunde", "kunden", "nabo", "naboen", "søker", "søkeren", "søkjaren", "tiltalte",
                    "siktede",
                    "den dømte", "enkemannen", "enka", "enken"}


def aid_to_private_party(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "bistått den fornærmede i saken med å skrive merknader", "hjalp en pasient": help to a private
    person in a personal matter."""
    last = trigger_tokens[-1]
    for t in last.doc[last.i + 1 : min(sent.end, last.i + 4)]:
        if t.pos_ in ("DET", "ADJ") and low(t) not in _PRIVATE_PARTIES:
            continue
        return low(t) in _PRIVATE_PARTIES
    return False


# Complaints of the body or the mind: "klaget over smerter" accuses no one.
_AILMENT_ENDINGS = ("smerter", "smerte", "smertar", "vondt", "hodepine", "plager", "plagar", "kvalme",
                    "ubehag", "svimmelhet", "tretthet")


def complaint_of_ailment(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "En person klaget over smerter i nakken": a complaint of pain, no accusation."""
    last = trigger_tokens[-1]
    if not low(trigger_tokens[0]).startswith(("klag", "klaga")):
        return False
    words = [low(t) for t in last.doc[last.i + 1 : min(sent.end, last.i + 4)]]
    return any(w.endswith(_AILMENT_ENDINGS) for w in words)


def attribute_after_preposition(verb: Token, sent: Span) -> bool:
    """ "på grunn av sprengt kapasitet", "med godkjent vind": a participle between a preposition and
    its noun describes the noun; no act."""
    if is_finite(verb) or verb.i <= sent.start or verb.i + 1 >= sent.end:
        return False
    doc = verb.doc
    return doc[verb.i - 1].pos_ == "ADP" and low(doc[verb.i - 1]) not in ("å",) \
        and doc[verb.i + 1].pos_ == "NOUN" and low(verb).endswith(("t", "d"))


# Subjunctions of a time still to come: "før regjeringen har sagt ja" has not happened.
_NOT_YET = {"før", "inntil", "innen", "innan"}


def not_yet(verb: Token, sent: Span) -> bool:
    """A verb in a "før"/"inntil" clause in the present or a perfect ("kan ikke brukes før regjeringen
    har sagt ja", "pågrep ham før han hadde drept noen"): what has not happened (yet). "før han ble
    drept" tells what did."""
    finite = verb if is_finite(verb) else clause_finite(verb, sent, reach=5)
    perfect_past = finite is not None and low(finite) in ("hadde", "hadd")
    if finite is None or ("Pres" not in morph_values(finite, "Tense") and not perfect_past):
        return False
    doc = verb.doc
    for t in reversed(doc[max(sent.start, finite.i - 6) : finite.i]):
        if low(t) in _NOT_YET:
            return t.i + 1 < finite.i  # a subject between the subjunction and the verb
        if is_punct(t) or is_finite(t):
            return False
    return False


def question_word(token: Token | None) -> bool:
    """ "fått hva de etterspurte": a question or relative word is never a target."""
    return token is not None and low(token) in _QUESTION_WORDS


def inside_infinitive(trigger: Token, target: Token | None) -> bool:
    """ "oppfordrer til å tenke på et dikt, en sang": a noun after the "å" of the requested act belongs
    to that act, not to the request ("oppfordrer regjeringen til å" keeps its addressee)."""
    if target is None or target.i <= trigger.i:
        return False
    return any(low(t) == "å" for t in trigger.doc[trigger.i + 1 : target.i])


def negation_inside_infinitive(trigger: Token, sent: Span) -> bool:
    """ "oppfordrer om ikke å dele", "ber dem ikke å reise": the negation belongs to what is asked, not
    to the asking (no other negation in the clause)."""
    doc = trigger.doc
    cues = [t for t in doc[sent.start : sent.end] if low(t) in _NEGATIONS]
    if not cues:
        return False
    near = [t for t in cues if trigger.i - 6 <= t.i <= trigger.i + 4]
    return bool(near) and all(
        t.i > trigger.i and t.i + 1 < sent.end and low(doc[t.i + 1]) == "å" for t in near)


def imperative_sentence(trigger: Token, sent: Span) -> bool:
    """ "Ikke oppgi noe av informasjonen de ber om": advice to the reader, not a report ("Husk å kjøpe
    øl, oppfordrer kjøpmannen" reports the advice after the comma)."""
    if any(is_punct(t) for t in trigger.doc[sent.start : trigger.i]):
        return False
    words = [t for t in sent if not is_punct(t) and not t.is_space]
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if low(first) in ("ikke", "ikkje") and second.pos_ in ("VERB", "AUX"):
        return "Imp" in morph_values(second, "Mood") or is_infinitive(second)
    return "Imp" in morph_values(first, "Mood") and first.pos_ == "VERB"


def hedged_clause(type_: str, trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """Whether the clause of a trigger states no event of its type: a warning of risk or a threat only
    spoken of, a possibility, a guess, an act asked for or wanted, what goes for anyone or as a
    procedure, advice, a round robin, going public, a contest's round, praise of a sight."""
    threat_only_named = warns_of_risk(trigger_tokens, sent) or threat_talked_about(trigger_tokens, sent)
    if type_ == "THREATEN" and threat_only_named:
        return True
    if possible_only(verb, sent) or guessed(verb, sent) or asked_or_wanted_conjunct(verb, sent):
        return True
    generic = generic_present_passive(verb, sent) or generic_relative_passive(verb, sent)
    if generic or procedure_step(verb, sent) \
            or imperative_sentence(trigger_tokens[0], sent):
        return True
    if attribute_after_preposition(verb, sent) or not_yet(verb, sent) \
            or not_an_act(type_, trigger_tokens, verb, sent) \
            or sense_not_an_event(type_, trigger_tokens, verb, sent):
        return True
    return (type_ == "CONSULT" and everyone_meets_everyone(trigger_tokens[0], sent)) \
        or (type_ == "MOBILIZE" and speaks_out(trigger_tokens, sent)) \
        or (type_ == "ASSAULT" and contest_round(trigger_tokens)) \
        or (type_ == "SUPPORT" and praise_of_sights(trigger_tokens, sent)) \
        or (type_ == "AID" and aid_to_private_party(trigger_tokens, sent)) \
        or (type_ == "ACCUSE" and complaint_of_ailment(trigger_tokens, sent))


def inverted_subject(found: Token | None, verb: Token) -> Token | None:
    """ "Under ransakingen tok politiet beslag i narkotika": after a fronted phrase the subject follows
    the verb, and a bare noun after it ("beslag") belongs to the verb; the name or definite noun
    between them acts."""
    if found is None or found.i != verb.i + 2 or found.pos_ != "NOUN" \
            or "Def" in morph_values(found, "Definite"):
        return found
    between = verb.doc[verb.i + 1]
    definite = between.pos_ == "NOUN" and "Def" in morph_values(between, "Definite")
    return between if between.pos_ == "PROPN" or definite else found


def subject_in_place(found: Token | None, verb: Token, sent: Span) -> Token | None:
    """The subject an event's actor comes from: the antecedent of a relative "som" right before the
    verb when the parse put the subject after it, and the noun after a genitive name ("IS' motstandere")."""
    antecedent = relative_subject(verb, sent)
    if antecedent is not None and (found is None or found.i > verb.i):
        found = antecedent
    return genitive_owner(inverted_subject(found, verb))


# ---------------------------------------------------------------- rules, questions, standing states
# Auxiliaries that make a ban participle a state in force ("er forbudt") or a rule to come after a
# modal ("skal bli forbudt"); "ble forbudt", "er blitt forbudt", "har forbudt" tell that it was made.
_STATE_AUXILIARIES = {"er", "var", "være", "vere", "bli", "verte"}
_MODALS = {"skal", "vil", "må", "bør", "kan", "skulle", "ville", "måtte", "burde", "kunne"}
# Subjunctions of an open question: "om solarium skal forbys", "hvorvidt noen er drept".
_WHETHER = {"om", "hvorvidt", "kvarvidt"}
_SUBJECT_TAGS = {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "ADV"}
_CONCESSIVE = {"selv", "sjølv"}  # "selv om to ble arrestert" tells what happened
# Words after "på" that make it a preposition, not a verb's particle ("presset på grunn av").
_PREPOSITION_HEADS = {"grunn", "tross", "trass"}
_BAN_STEMS = ("forb", "forbo")
# Words of degree the tagger may read as adjectives: "er svært etterspurt", "er sterkt kritisert".
_DEGREE_WORDS = {"svært", "veldig", "meget", "sterkt", "mye", "mykje", "stadig", "godt", "svert", "lite",
                 "lita", "mer", "meir", "mest", "mindre", "minst", "relativt", "særlig", "spesielt", "ikke",
                 "ikkje"}


def _auxiliary_before(verb: Token, sent: Span) -> Token | None:
    """The word right before ``verb`` past adverbs and words of degree."""
    k = verb.i - 1
    while k > sent.start and (verb.doc[k].pos_ == "ADV" or low(verb.doc[k]) in _DEGREE_WORDS):
        k -= 1
    return verb.doc[k] if k >= sent.start else None


def ban_not_made(trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """ "Det er forbudt å selge", "det skal bli forbudt", "skal tigging forbys": a ban in force or a
    rule to come, no act of banning; "ble forbudt", "er blitt forbudt", "har forbudt" stay."""
    if not low(trigger_tokens[0]).startswith(_BAN_STEMS):
        return False
    before = _auxiliary_before(verb, sent)
    if before is None:
        return False
    participle = "Part" in morph_values(verb, "VerbForm") or low(verb).endswith(("t", "e", "d"))
    if participle and low(before) in _STATE_AUXILIARIES:
        return True
    passive_infinitive = low(verb).endswith(("s", "st"))  # "forbys", "forbodast"
    finite = clause_finite(verb, sent, reach=5)
    return passive_infinitive and finite is not None and low(finite) in _MODALS


def open_question(verb: Token, sent: Span) -> bool:
    """ "Det er ikke kjent om noen er drept", "vurderer om tigging skal forbys": a clause of whether
    (or if) tells no event; "selv om to ble arrestert" does."""
    finite = verb if is_finite(verb) else clause_finite(verb, sent, reach=5)
    if finite is None:
        return False
    doc = verb.doc
    k = finite.i - 1
    steps = 0
    while k > sent.start and steps < 4 and doc[k].pos_ in _SUBJECT_TAGS:
        k -= 1
        steps += 1
    if steps == 0 or k < sent.start or low(doc[k]) not in _WHETHER:
        return False
    if k > sent.start and low(doc[k - 1]) in _CONCESSIVE:
        return False
    return doc[k].pos_ == "SCONJ" or _whether_read_as_preposition(doc[k], finite, sent)


def _whether_read_as_preposition(whether: Token, finite: Token, sent: Span) -> bool:
    """An "om" the tagger read as a preposition that still opens a clause of whether ("vurdere om
    tigging skal forbys"): after a word, with a short subject right before the finite verb. "skriver
    om andre muslimer hun beskylder" (a relative clause), "Om natten ble to pågrepet" (a time) are no
    such clause."""
    doc = whether.doc
    if whether.i == sent.start or is_punct(doc[whether.i - 1]) or finite.i - whether.i > 3:
        return False
    subject = doc[whether.i + 1 : finite.i]
    return not any(t.pos_ == "PRON" and t.i > whether.i + 1 for t in subject)


def advises_against(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "advarer bønder om å slippe fremmede inn", "åtvarar folk om å gå ut": advice not to do
    something, no threat; "advarer Vesten mot å sende våpen" (an addressee warned off) stays."""
    token = trigger_tokens[0]
    if not low(token).startswith(("advar", "åtvar")):
        return False
    window = [low(t) for t in token.doc[token.i + 1 : min(sent.end, token.i + 7)]]
    return any(w == "om" and nxt == "å" for w, nxt in zip(window, window[1:], strict=False))


def particle_is_preposition(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "Bøndene er presset på grunn av import": "på grunn av" is a preposition, not the particle of
    "presse på"."""
    doc = trigger_tokens[0].doc
    for t in trigger_tokens[1:]:
        if low(t) == "på" and t.i + 1 < sent.end and low(doc[t.i + 1]) in _PREPOSITION_HEADS:
            return True
    return False


def market_demand(trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """ "Produktet er svært etterspurt": demand in a market, no request; "Politiet etterspurte
    vitner" asks."""
    word = low(trigger_tokens[0])
    if word.startswith("etterspør") and word.endswith(("es", "s")):
        return True  # "IT-studenter vil etterspørres": a passive of demand
    if not word.startswith(("etterspurt", "ettertrakt")):
        return False
    before = _auxiliary_before(trigger_tokens[0], sent)
    return before is not None and low(before) in _PASSIVE_AUXILIARIES | {"være", "vere"}


def standing_agreement(trigger_tokens: list[Token], verb: Token) -> bool:
    """ "Selskapet har avtale med kommunen": a contract in force, no meeting or deal made now;
    "inngikk en avtale" stays."""
    has = lemma(verb) == "ha" or low(verb) in ("har", "hadde", "ha")
    return has and any(low(t).startswith("avtal") or low(t).endswith("avtale") for t in trigger_tokens)


def royal_assent(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "Loven ble sanksjonert i statsråd": the King's assent to a law, no sanction."""
    if not low(trigger_tokens[0]).startswith("sanksjonert"):
        return False
    words = [low(t) for t in sent]
    return any(w.startswith("statsråd") for w in words) \
        or any(w.startswith(("lov", "vedtak")) for w in words[: trigger_tokens[0].i - sent.start])


def coordinates_things(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "skal koordinere jernbane og buss", "samordner innsatsen": arranging things, no cooperation
    of parties; "koordinerte med Frankrike" stays."""
    last = trigger_tokens[-1]
    if not low(trigger_tokens[0]).startswith(("koordin", "samordn")):
        return False
    after = word_after(last, sent)
    return after is not None and after.pos_ in ("NOUN", "DET", "ADJ") and low(after) != "med"


def product_recall(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "Coop trekker tilbake et parti kyllingfilet": a batch of goods ("et parti", "partiet med")
    called back from the shops, no retreat of forces or a political party."""
    last = trigger_tokens[-1]
    doc = last.doc
    for t in doc[last.i + 1 : min(sent.end, last.i + 4)]:
        if not low(t).startswith("parti"):
            continue
        before = low(doc[t.i - 1])
        after = doc[t.i + 1] if t.i + 1 < sent.end else None
        batch_after = after is not None and (low(after) == "med" or after.pos_ == "NOUN")
        return (low(t) == "parti" and before in ("et", "eit", "ett")) or batch_after
    return False


# Nouns of a contest that two sides meet in: "møttes til to dueller", "møtes i finalen".
_CONTEST_HEADS = ("duell", "kamp", "finale", "oppgjør", "semifinale", "kvartfinale", "runde", "match")
_PENSION_WORDS = ("pensjon", "alderspensjon", "avtalefestet", "afp")


def own_affair(type_: str, trigger_tokens: list[Token], sent: Span) -> bool:
    """A reflexive or a fixed phrase that names what one does for oneself: "beklaget seg" (complained),
    "forsyne seg med pepperkaker" (took), "går av med pensjon" (retires), "møttes til dueller" (a
    contest): no apology, aid, resignation or meeting of parties."""
    first, last = trigger_tokens[0], trigger_tokens[-1]
    doc = first.doc
    after = [low(t) for t in doc[last.i + 1 : min(sent.end, last.i + 5)]]
    # "beklaget seg", "beklaget Hansen seg": the reflexive right after the verb or its inverted subject
    reflexive = any(low(t) in ("seg", "meg", "oss") for t in doc[first.i + 1 : min(sent.end, first.i + 3)])
    if type_ == "CONCEDE" and low(first).startswith("beklag") and reflexive:
        return True
    if type_ == "AID" and low(first).startswith(("forsyn", "forsyne")) and reflexive:
        return True
    if type_ == "CONCEDE" and "med" in after[:3]:
        return any(w.startswith(_PENSION_WORDS) for w in after)
    return type_ == "CONSULT" and any(w.startswith(_CONTEST_HEADS) for w in after)


def shows_that(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "Forskerne har demonstrert at det virker": showing, no demonstration in the street."""
    token = trigger_tokens[0]
    if not low(token).startswith("demonstr"):
        return False
    after = word_after(token, sent)
    return after is not None and low(after) in ("at", "hvordan", "korleis", "hvor", "kor")


# Nouns of a power or a chance to act: "har myndighet til å kreve", "fikk anledning til å møte".
_ABILITY_NOUNS = {"myndighet", "mulighet", "muligheten", "moglegheit", "rett", "retten", "lov", "adgang",
                  "anledning", "anledningen", "fullmakt", "kompetanse", "høve", "makt", "evne", "evnen"}


def ability_only(verb: Token, sent: Span) -> bool:
    """ "har myndighet til å stevne vitner og kreve dokumenter": a power to act, no act, for the
    infinitive after "til å" and a bare infinitive coordinated with it."""
    doc = verb.doc
    first = first_conjunct(verb, sent) if bare_infinitive(verb) else None
    head = first if first is not None and bare_infinitive(first) else verb
    if head.i - 3 < sent.start or low(doc[head.i - 1]) != "å" or low(doc[head.i - 2]) != "til":
        return False
    return low(doc[head.i - 3]) in _ABILITY_NOUNS


def expected_completion(verb: Token, sent: Span) -> bool:
    """ "Saken blir ferdig etterforsket i løpet av høsten": a step expected, not taken; "er ferdig
    etterforsket" stays."""
    if verb.i - 2 < sent.start:
        return False
    doc = verb.doc
    return low(doc[verb.i - 1]) in ("ferdig", "ferdigt") \
        and low(doc[verb.i - 2]) in ("blir", "vert", "bli", "verte", "være", "vere")


def not_an_act(type_: str, trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """A ban in force or to come, an open question, a power to act, advice not to, a market's demand, a
    standing contract, royal assent, arranging things, showing that, a product recall, one's own affair,
    a step still expected, "på grunn av"."""
    if ban_not_made(trigger_tokens, verb, sent) or open_question(verb, sent) or ability_only(verb, sent) \
            or expected_completion(verb, sent) or particle_is_preposition(trigger_tokens, sent):
        return True
    return (type_ == "THREATEN" and advises_against(trigger_tokens, sent)) \
        or (type_ == "REQUEST" and market_demand(trigger_tokens, verb, sent)) \
        or (type_ in ("AGREE", "CONSULT", "COOPERATE") and standing_agreement(trigger_tokens, verb)) \
        or (type_ == "SANCTION" and royal_assent(trigger_tokens, sent)) \
        or (type_ == "COOPERATE" and coordinates_things(trigger_tokens, sent)) \
        or (type_ == "PROTEST" and shows_that(trigger_tokens, sent)) \
        or (type_ == "RETREAT" and product_recall(trigger_tokens, sent)) \
        or own_affair(type_, trigger_tokens, sent)


# ---------------------------------------------------------------- unknowns, generic "those who", senses
# Words before "om" that make its clause unknown or talked about: "uklart om", "spekulasjoner om at".
_UNKNOWN_HEADS = {"uklart", "usikkert", "ukjent", "uvisst", "uklårt", "spekulasjoner", "spekulasjonar",
                  "spekulasjonene", "rykter", "ryktene", "rykte", "ryktet", "spekulert", "spekuleres"}
# Verbs of an explanation offered: "Økningen kan skyldes at flere anmelder".
_EXPLAINING_VERBS = {"skyldes", "skuldast", "skyldast", "forklares", "forklarast"}
# Pronouns that with a relative clause name whoever: "dem som støtter regjeringen".
_THOSE = {"dem", "dei", "de", "den", "enhver", "alle"}  # "den som er dømt": whoever is
# Animals shot in a hunt or a cull: an animal victim is no attack.
# Short animal words match whole; longer ones also end a compound ("fjellrypene").
_GAME_WORDS = {"ulv", "ulven", "ulvene", "ulver", "ulvar", "ulvane", "bjørn", "bjørnen", "bjørner", "gaupe",
               "gauper", "rype", "ryper", "rypa", "elg", "elgen", "elger", "hjort", "hjorter", "reinsdyr",
               "rev", "rever", "jerv", "jerven", "sel", "selen", "hval", "hvalen", "hvaler", "kval", "dyr",
               "dyret", "dyra", "dyrene", "fugl", "fugler", "fuglane", "fuglene"}
_GAME_ENDINGS = tuple(w for w in _GAME_WORDS if len(w) >= 5 and not w.startswith("elg"))
# A cull ("skadefelling", "lisensfelling"); "på jakt etter" a suspect is no hunt of animals.
_CULL_ENDINGS = ("felling", "fellinga", "fellingen")
# Media beside the documents of agents.is_document_noun: "videoen som ble frigitt" concedes nothing.
_MEDIA_ENDINGS = ("video", "videoen", "bilde", "bildene", "bilder", "opptak", "opptaket", "tallene",
                  "dokumentene", "dokumenter")
# Adjectives of how common something is: "vil bli vanligere at elevene blir møtt av" is a trend.
_HOW_COMMON = {"vanlig", "vanligere", "vanleg", "vanlegare", "uvanlig", "uvanleg", "sjelden", "sjeldnere",
               "sjeldnare", "normalt", "vanligst", "vanlegast"}
# Acts of taking cover or fleeing that circumstances force: "ble tvunget til å søke dekning".
_TAKING_COVER = {"dekning", "ly", "flykte", "rømme", "evakuere", "forlate", "flykta", "rømma"}
_FORCE_STEMS = ("tving", "tvung", "tvang", "tvinga")
# Destinations in space: "sende raketter til månen" is no aid to anyone.
_SPACE_WORDS = {"månen", "mars", "verdensrommet", "rommet", "bane", "romstasjonen", "solen", "sola"}
# Work done for a client: "bistå forbundet med kommunikasjonsoppdrag" is a job, no aid.
_WORK_ENDINGS = ("oppdrag", "oppdraget", "oppdrager", "arbeid", "arbeidet", "rådgivning", "rådgjeving")
# Time phrases that a parse may take for a subject: "er de siste ukene blitt svartelistet".
_TIME_HEADS = ("uke", "uker", "ukene", "veke", "veker", "vekene", "dag", "dager", "dagene", "dagar", "dagane",
               "måned", "måneder", "månedene", "månad", "månader", "år", "årene", "åra", "helg", "helgen",
               "timer", "timene", "time", "kveld", "kvelden", "natt", "natten", "morgen", "morgenen")


def unknown_whether(verb: Token, sent: Span) -> bool:
    """ "Det er uklart om de ansvarlige for angrepet er blitt pågrepet", "spekulasjoner om at han er
    pågrepet": what is unknown or rumoured, told in a clause of whether however long its subject."""
    doc = verb.doc
    for t in reversed(doc[max(sent.start, verb.i - 12) : verb.i]):
        if is_punct(t):
            return False
        if low(t) == "om" and t.i > sent.start and low(doc[t.i - 1]) in _UNKNOWN_HEADS:
            return True
    return False


def hedged_state(verb: Token, sent: Span) -> bool:
    """ "opplyste at hun trolig var bortført", "er antakelig drept": a guess adverb by the auxiliary of
    a participle tells a belief, not a fact."""
    doc = verb.doc
    k = verb.i - 1
    seen_auxiliary = False
    while k >= sent.start and verb.i - k <= 3:
        word = low(doc[k])
        if word in _GUESS_ADVERBS:
            return True
        if word in _PASSIVE_AUXILIARIES:
            seen_auxiliary = True
        elif seen_auxiliary or doc[k].pos_ != "ADV":
            return False
        k -= 1
    return False


def offered_explanation(verb: Token, sent: Span) -> bool:
    """ "Økningen kan skyldes at flere anmelder voldtekter": a possible cause, no event."""
    doc = verb.doc
    for t in reversed(doc[max(sent.start, verb.i - 10) : verb.i]):
        if low(t) != "at" or t.i - 2 < sent.start:
            continue
        return low(doc[t.i - 1]) in _EXPLAINING_VERBS and low(doc[t.i - 2]) in _POSSIBILITY_MODALS
    return False


def those_who(verb: Token, sent: Span) -> bool:
    """ "splitte dem som støtter regjeringen", "sperre inne dem som er siktet for": a relative clause on
    "dem" in the present names whoever, no one who acted; "blant dem som krever" places a named group."""
    doc = verb.doc
    k = verb.i - 1
    while k > sent.start and (doc[k].pos_ == "ADV" or low(doc[k]) in ("er", "blir", "vert")):
        k -= 1
    if k - 1 < sent.start or low(doc[k]) != "som" or low(doc[k - 1]) not in _THOSE:
        return False
    if k - 2 >= sent.start and low(doc[k - 2]) in ("blant", "av", "mellom"):
        return False  # "De er blant dem som krever": a named group, one of those who act
    finite = next((t for t in doc[k + 1 : verb.i + 1] if is_finite(t)), None)
    return finite is not None and "Pres" in morph_values(finite, "Tense")


_GENERIC_HEADS = {("de", "fleste"), ("dei", "fleste"), ("den",), ("enhver",), ("alle",)}


def generic_group_subject(verb: Token, sent: Span) -> bool:
    """ "De fleste som soner med fotlenke, er dømt for ...", "Den som blir tatt, blir bøtelagt": a
    subject that is whoever does something (a present relative clause on "de fleste", "den",
    "alle") makes a present main clause a statement about anyone, no event."""
    doc = verb.doc
    words = [t for t in doc[sent.start : verb.i] if not is_space(t)]
    lowers = [low(t) for t in words]
    if "som" not in lowers[:3] or tuple(lowers[: lowers.index("som")]) not in _GENERIC_HEADS:
        return False
    relative_start = lowers.index("som") + 1
    if "," not in lowers[relative_start:]:
        return False
    comma = relative_start + lowers[relative_start:].index(",")
    relative_finite = next((t for t in words[relative_start:comma] if is_finite(t)), None)
    main_finite = next((t for t in words[comma + 1 :] if is_finite(t)), verb if is_finite(verb) else None)
    return relative_finite is not None and main_finite is not None \
        and "Pres" in morph_values(relative_finite, "Tense") and "Pres" in morph_values(main_finite, "Tense")


def _ends_with(token: Token | None, endings: tuple[str, ...]) -> bool:
    return token is not None and low(token).endswith(endings)


def game_shot(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "ble det skutt mange ryper", "ulvene ble skutt under lisensfelling": an animal shot near the
    verb, or a cull, is hunting, no attack."""
    token = trigger_tokens[0]
    near = [t for t in token.doc[max(sent.start, token.i - 6) : min(sent.end, token.i + 7)] if t.i != token.i]
    game = [t for t in near if low(t) in _GAME_WORDS or _ends_with(t, _GAME_ENDINGS)]
    return any(t.pos_ == "NOUN" for t in game) or any(_ends_with(t, _CULL_ENDINGS) for t in near)


def document_released(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "en rapport som ble frigitt": a paper made public, no release of a person."""
    token = trigger_tokens[0]
    if not low(token).startswith("frigi"):
        return False
    doc = token.doc
    near = [t for t in doc[max(sent.start, token.i - 4) : min(sent.end, token.i + 3)] if t.i != token.i]
    return any(t.pos_ == "NOUN" and (is_document_noun(low(t)) or _ends_with(t, _MEDIA_ENDINGS)) for t in near)


def trend_predicted(verb: Token, sent: Span) -> bool:
    """ "det vil bli enda vanligere at elevene blir møtt av assistenter", "det er vanlig at": how
    common something is or will be, no event."""
    doc = verb.doc
    for t in reversed(doc[max(sent.start, verb.i - 8) : verb.i]):
        if low(t) == "at":
            return t.i > sent.start and low(doc[t.i - 1]) in _HOW_COMMON
    return False


def forced_to_take_cover(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "redningsmannskapene ble tvunget til å søke dekning": circumstances, no one who coerces; "tvunget
    av soldatene til å flykte" names one and stays."""
    token = trigger_tokens[0]
    if not low(token).startswith(_FORCE_STEMS):
        return False
    after = [low(t) for t in token.doc[token.i + 1 : min(sent.end, token.i + 6)]]
    return after[:2] == ["til", "å"] and any(w in _TAKING_COVER for w in after[2:])


def sent_to_space(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "ESA skal sende raketter til månen": space flight, no aid."""
    token = trigger_tokens[0]
    after = token.doc[token.i : sent.end]
    return low(token).startswith("send") and any(low(t) in _SPACE_WORDS for t in after)


def pushed_through(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "tvinge gjennom loven": pushing a law through, no coercion of anyone."""
    token = trigger_tokens[-1]
    after = word_after(token, sent)
    return low(trigger_tokens[0]).startswith(_FORCE_STEMS) and after is not None and low(after) == "gjennom"


def work_for_client(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "bistå forbundet med kommunikasjonsoppdrag": professional work, no aid."""
    token = trigger_tokens[-1]
    seen_med = False
    for t in token.doc[token.i + 1 : min(sent.end, token.i + 8)]:
        if low(t) == "med":
            seen_med = True
        elif seen_med and _ends_with(t, _WORK_ENDINGS):
            return True
    return False


def offers_service(trigger_tokens: list[Token]) -> bool:
    """ "kommunene skal tilby intensivopplæring": offering a service, no cooperation of parties."""
    return low(trigger_tokens[0]).startswith("tilb") and not any(
        low(t).startswith(("samarbeid", "forhandl")) for t in trigger_tokens[1:])


def majority_required(trigger_tokens: list[Token], sent: Span) -> bool:
    """ "Et lovforslag krever bare simpelt flertall": a rule's threshold of votes, no one who asks."""
    last = trigger_tokens[-1]
    if not low(trigger_tokens[0]).startswith("krev"):
        return False
    after = last.doc[last.i + 1 : min(sent.end, last.i + 5)]
    return any(low(t).endswith(("flertall", "fleirtal")) for t in after)


def time_phrase(token: Token | None) -> bool:
    """ "de siste ukene", "i helgen": a time phrase, never a target or an actor."""
    return _ends_with(token, _TIME_HEADS) and token is not None and token.pos_ == "NOUN" \
        and low(token) not in ("året",)


def sense_not_an_event(type_: str, trigger_tokens: list[Token], verb: Token, sent: Span) -> bool:
    """Unknown or rumoured clauses, guesses by an auxiliary, offered causes, "dem som", a trend, and senses
    that are no event of the type: hunting, a released paper, pushing a law through, taking cover, a
    job, space flight, a service, a threshold of votes."""
    if unknown_whether(verb, sent) or hedged_state(verb, sent) or offered_explanation(verb, sent) \
            or those_who(verb, sent) or generic_group_subject(verb, sent) or trend_predicted(verb, sent):
        return True
    return (type_ == "ASSAULT" and game_shot(trigger_tokens, sent)) \
        or (type_ == "CONCEDE" and document_released(trigger_tokens, sent)) \
        or (type_ == "COERCE" and pushed_through(trigger_tokens, sent)) \
        or (type_ == "COERCE" and forced_to_take_cover(trigger_tokens, sent)) \
        or (type_ == "AID" and work_for_client(trigger_tokens, sent)) \
        or (type_ == "AID" and sent_to_space(trigger_tokens, sent)) \
        or (type_ == "COOPERATE" and offers_service(trigger_tokens)) \
        or (type_ == "REQUEST" and majority_required(trigger_tokens, sent))
