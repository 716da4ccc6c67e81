"""Tell bokmål from nynorsk, and Norwegian from Danish, Swedish and English, by function-word counts."""

from __future__ import annotations

import re
from collections import Counter

NORWEGIAN = frozenset({"nb", "nn"})


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
# Function words of the languages a Norwegian news archive also holds, each with the languages that
# write it. A word that all of them share tells nothing and is left out; Norwegian means bokmål or
# nynorsk. Danish is the close one: it shares "ikke", "jeg", "hun", but writes "af", "efter", "mig",
# "blev", "havde", "nogle" where Norwegian writes "av", "etter", "meg", "ble", "hadde", "noen".
_PROFILE_TABLE = """
ikke:nb,da ikkje:nn inte:sv not:en jeg:nb,da eg:nn jag:sv hun:nb,da ho:nn hon:sv she:en
av:nb,nn,sv af:da of:en etter:nb,nn efter:da,sv after:en meg:nb,nn mig:da,sv deg:nb,nn dig:da,sv
seg:nb,nn sig:da,sv ble:nb vart:nn blei:nn blev:da,sv noen:nb nokon:nn nogen:da nogle:da någon:sv
några:sv noe:nb noko:nn noget:da något:sv hva:nb kva:nn hvad:da vad:sv what:en sier:nb seier:nn
siger:da säger:sv says:en sagde:da said:en blir:nb,sv bliver:da vert:nn hadde:nb,nn havde:da hade:sv
had:en opp:nb,nn op:da upp:sv up:en ud:da out:en gjennom:nb,nn gennem:da genom:sv through:en
tilbake:nb,nn tilbage:da tillbaka:sv back:en igjen:nb,nn igen:da,sv again:en mellom:nb,nn mellem:da
mellan:sv between:en uten:nb utan:nn,sv uden:da without:en tok:nb,nn took:en gikk:nb
gjekk:nn gik:da gick:sv went:en fikk:nb fekk:nn fik:da fick:sv got:en mye:nb mykje:nn mycket:sv
much:en nå:nb nu:da,sv now:en og:nb,nn,da och:sv and:en er:nb,nn,da är:sv are:en was:en
were:en å:nb,nn att:sv fra:nb,da frå:nn från:sv from:en til:nb,nn,da till:sv för:sv with:en
the:en this:en that:en which:en been:en have:en has:en would:en they:en their:en its:en it:en
også:nb,da òg:nn också:sv även:sv also:en når:nb,nn,da när:sv when:en skal:nb,nn,da ska:sv will:en
være:nb,da vere:nn vara:sv vært:nb vore:nn været:da varit:sv bare:nb,da berre:nn bara:sv only:en
hvordan:nb,da korleis:nn hur:sv how:en mange:nb,nn,da många:sv many:en derfor:nb,da difor:nn
därför:sv ifølge:nb,da ifølgje:nn enligt:sv according:en deres:nb,da deira:nn deras:sv vores:da
henne:nb,sv hende:da dei:nn dem:nb,da,sv kommer:nb,da,sv kjem:nn sammen:nb,da saman:nn
tillsammans:sv together:en selv:nb,da sjølv:nn själv:sv dette:nb,nn,da detta:sv disse:nb,da
desse:nn dessa:sv these:en kunne:nb,nn,da kunde:sv could:en hvis:nb,da viss:nn if:en fordi:nb,nn,da
eftersom:sv because:en allerede:nb,da allereie:nn redan:sv already:en litt:nb,nn lidt:da ved:nb,nn,da
vid:sv sidan:nn sedan:sv since:en hvor:nb,da where:en denne:nb,nn,da denna:sv nye:nb,nn,da nya:sv
new:en første:nb,da fyrste:nn första:sv first:en blitt:nb blivit:sv blevet:da vorte:nn vil:nb,nn,da
vill:sv tager:da giver:da sidste:da inden:da derefter:da endnu:da måske:da sådan:da fået:da
gået:da lige:da who:en but:en or:en on:en in:en he:en his:en an:en not:en there:en
"""
PROFILES: dict[str, frozenset[str]] = {}
for _entry in _PROFILE_TABLE.split():
    _word, _languages = _entry.split(":")
    for _language in _languages.split(","):
        PROFILES[_language] = PROFILES.get(_language, frozenset()) | {_word}
FOREIGN_LANGUAGES = ("da", "sv", "en")
# "-tion" (situation, nation) is Danish, Swedish and English; Norwegian writes "-sjon".
_FOREIGN_ENDINGS = ("tion", "tioner", "tionen", "tionerne", "tions")
_NORWEGIAN_ENDINGS = ("sjon", "sjoner", "sjonen", "sjonane")
# "-hed" (sikkerhed) is Danish where bokmål writes "-het" and nynorsk "-heit".
_DANISH_ENDINGS = ("hed", "heden", "heder")
# A text is called foreign only on this much evidence, and only when the foreign profile clearly
# outweighs the Norwegian one: a Norwegian article quoting an English sentence stays Norwegian.
MIN_FOREIGN_HITS = 4
FOREIGN_MARGIN = 1.5
_WORD = re.compile(r"\w+")


def language_scores(words: Counter[str]) -> dict[str, int]:
    """Hits of each language's profile among ``words`` ("no" is the better of bokmål and nynorsk)."""
    scores = {language: sum(words[w] for w in profile) for language, profile in PROFILES.items()}
    for word, n in words.items():
        if word.endswith(_FOREIGN_ENDINGS) and len(word) > 6:
            for language in FOREIGN_LANGUAGES:
                scores[language] += n
        elif word.endswith(_NORWEGIAN_ENDINGS) and len(word) > 6:
            scores["nb"] += n
            scores["nn"] += n
        elif word.endswith(_DANISH_ENDINGS) and len(word) > 6:
            scores["da"] += n
    scores["no"] = max(scores["nb"], scores["nn"])
    return scores


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    """Whether the word ends in one of the endings with at least three letters before it."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in endings)


# A few paragraphs settle the written standard; reading the rest of a long text only costs time.
SAMPLE_CHARS = 3000


def detect_language(text: str) -> str:
    """"nb" or "nn" for Norwegian text; "da", "sv" or "en" when clearly Danish, Swedish or English;
    "nb" when unsure (too little text).

    Only the first ``SAMPLE_CHARS`` characters are read.
    """
    lowered = text[:SAMPLE_CHARS].lower()
    words = _WORD.findall(lowered)
    counts = Counter(words)
    if not words:
        return "nb"
    scores = language_scores(counts)
    foreign = max(FOREIGN_LANGUAGES, key=lambda language: scores[language])
    if scores[foreign] >= MIN_FOREIGN_HITS and scores[foreign] > FOREIGN_MARGIN * scores["no"]:
        return foreign
    nynorsk = sum(counts[w] for w in _NYNORSK)
    bokmal = sum(counts[w] for w in _BOKMAL)
    for word, n in counts.items():
        if _has_ending(word, _NYNORSK_ENDINGS):
            nynorsk += n
        elif _has_ending(word, _BOKMAL_ENDINGS):
            bokmal += n
    return "nn" if nynorsk > bokmal else "nb"


def is_norwegian(language: str) -> bool:
    """Whether the NLP pipeline and the extractors, made for Norwegian, should read this language."""
    return language in NORWEGIAN
