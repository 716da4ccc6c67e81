"""Time expressions in Norwegian news, resolved to ISO 8601 against the publication date.

Expressions are found with regular expressions over the article text ("tirsdag ettermiddag",
"natt til søndag", "i går", "forrige uke", "i helga", "siden 2015", "3. januar 2020",
"klokken 14.30", "90-tallet" ...). A small deterministic resolver turns each into the most
precise ISO 8601 value the text and the publication date allow: a day ("2020-01-07"), an ISO
week ("2020-W01"), a month, a year, a minute ("2020-01-07T14:30"), or None.

Weekdays need a direction: the sentence's verbs decide it (a future auxiliary such as "skal",
"vil", "ventes", or a present-tense action verb points forward; everything else points back).
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parse tree of a pattern, for _first_characters
import re._parser as _parser
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from nyhetsgraf.extract.syntax import annotated, doc_text, morph_values_at, parse_table, token_table
from nyhetsgraf.records import Article, TimeExpression
from nyhetsgraf.resources.words import months, relative_days, time_steps, weekdays, word_list, word_set

# The vocabulary lives in nyhetsgraf/resources/data/words (weekdays.tsv, months.tsv, seasons.txt ...).
WEEKDAYS: Mapping[str, int] = weekdays()
MONTHS: Mapping[str, int] = months()
SEASONS = word_list("seasons")
RELATIVE_DAYS: Mapping[str, int] = relative_days()

_WD = "|".join(WEEKDAYS)
_MON = r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember" \
       r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|des)\.)"
_PART = r"(?:morgen|formiddag|ettermiddag|kveld|natt|morgenen|kvelden|natten|natta|formiddagen|ettermiddagen)"
_CLOCK = r"(?:klokken|klokka|kl\.?)\s+(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?"
_WEEK = r"(?:uke|uka|uken|veke|veka)"
_WEEKEND = r"(?:helg|helga|helgen|helgi)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"

# Each pattern names its kind; the resolver for that kind reads the named groups.
_PATTERN_SOURCES: list[tuple[str, str]] = [
    ("date", rf"\b(?:(?:(?P<since>siden)|fra)\s+)?(?:(?P<wd>{_WD})\s+)?(?:den\s+)?"
             rf"(?P<day>[0-3]?\d)\.\s*(?P<mon>{_MON})"
             rf"(?:\s+(?:i\s+)?(?P<year>{_YEAR})\b|\s+(?P<rel>i\s+år|i\s+fjor|neste\s+år))?(?:,?\s+{_CLOCK})?"),
    ("numdate", r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    ("isodate", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("month", rf"\b(?:(?P<since>siden)\s+)?(?P<mon>{_MON})"
              rf"(?:\s+(?:i\s+)?(?P<year>{_YEAR})\b|\s+(?P<rel>i\s+år|i\s+fjor|neste\s+år|forrige\s+år))"),
    # A bare month or year needs a preposition before it (checked in _is_false_positive).
    ("month", rf"\b(?:(?P<since>siden)\s+)?(?P<mon>{_MON})(?![\w-])(?P<bare>)"),
    ("decade", r"\b(?:\d\d|1[89]\d0|20\d0)-tallet\b"),
    ("year", rf"\b(?:(?P<since>siden)\s+)?(?P<year>{_YEAR})\b(?![.,]\d|-)(?P<bare>)"),
    # inflected day nouns: "gårsdagens møte", "morgendagens avstemning"
    ("relday", r"\b(?P<rel>gårsdagens|gårsdagen|morgendagens|morgondagens)\b"),
    ("relday", rf"\b(?P<rel>i\s+(?:dag|går|forgårs|morgen|overmorgen|morgon|overmorgon|kveld|natt|morges"
               rf"|ettermiddag|formiddag))\b"
               rf"(?:\s+(?P<part>{_PART}|tidlig))?(?:,?\s+{_CLOCK})?"),
    ("weekday_week", rf"\b(?P<wd>{_WD})\s+(?:i\s+)?(?P<dir>neste|forrige|førre|denne|kommende)\s+{_WEEK}\b"),
    ("week", rf"\b(?:(?P<since>siden)\s+)?(?P<dir>denne|neste|forrige|førre|sist|kommende|komande)"
             rf"\s+{_WEEK}\b"),
    ("week", r"\b(?:tidligere|senere|seinere)\s+i\s+(?P<dir>uka|uken|veka)\b"),
    ("monthrel", r"\b(?:tidligere|senere|seinere)\s+i\s+(?P<dir>måneden|månaden)\b"),
    ("weekend", rf"\b(?P<dir>i|denne|neste|forrige|førre|sist|siste|kommende|komande|før|etter|over|av)"
                rf"\s+{_WEEKEND}\b"),
    ("monthrel", r"\b(?P<dir>denne|neste|forrige|førre|sist)\s+(?:måned|månad)(?:en)?\b"),
    ("yearrel", rf"\b(?P<rel>i\s+fjor|i\s+forfjor|i\s+år|neste\s+år|forrige\s+år|til\s+neste\s+år)\b"
                rf"(?:\s+(?P<season>{'|'.join(SEASONS)})\b)?(?!\s*-)"),
    ("season", rf"\b(?:(?P<mod>tidligere|senere|seinere)\s+)?(?:(?P<prep>i|neste|forrige|til|fra|siden)\s+)?"
               rf"(?P<season>{'|'.join(SEASONS)})\b(?:\s+(?P<year>{_YEAR})\b|\s+(?P<rel>i\s+fjor|i\s+år|neste\s+år))?"),
    ("holiday", r"\b(?:(?P<prep>i|før|etter|til|over|siden|fram\s+til|frem\s+til)\s+)"
                r"(?P<name>jula|julen|jul|påsken|påska|påske|romjula|romjulen|nyttår)\b(?:\s+(?P<year>\d{4})\b)?"),
    ("ago", r"\bfor\s+(?P<n>\w+)\s+(?P<unit>dager|dag|døgn|uker|uke|måneder|måned|år)\s+siden\b"),
    ("anchored", r"\b(?P<rel>(?:tidligere|senere|seinere)\s+samme\s+dag|samme\s+dag|dagen\s+før|dagen\s+etter"
                 r"|dagen\s+derpå|kvelden\s+før|natten\s+før)\b"),
    ("weekday", rf"\b(?:(?P<since>siden)\s+)?(?:(?P<night>natt(?:en|a)?\s+til)\s+)?"
                rf"(?:(?P<dir>forrige|førre|sist|siste|neste|kommende|komande|på|innen)\s+)?(?P<wd>{_WD})"
                rf"(?P<inflected>ens|en|s)?\b"
                rf"(?:\s+(?P<part>{_PART}))?(?:,?\s+{_CLOCK})?"),
    ("clock", rf"\b{_CLOCK}\b"),
    # an approximate hour: "ved 22-tiden", "rundt 6-tida", "ved 21.30-tiden"
    ("clock", r"\b(?:(?:ved|rundt|omkring|fram\s+til|frem\s+til|til|fra)\s+)?(?P<hour>[0-2]?\d)"
              r"(?:[.:](?P<minute>[0-5]\d))?-?(?:tiden|tida)\b"),
    # the year before this one, as a noun: "i løpet av fjoråret", "fjorårets resultat"
    ("yearrel", r"\b(?P<rel>forfjoråret|forfjorårets|fjoråret|fjorårets)\b"),
    # a weekend named by its genitive: "helgens demonstrasjoner", "helgas kamp"
    ("weekend", r"\b(?P<dir>)(?:helgens|helgas|helgens)\b"),
]
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rx, re.IGNORECASE)) for kind, rx in _PATTERN_SOURCES
]


def _first_characters(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a match of a parsed pattern can start with, and whether it can be empty; None
    when the pattern starts with something this does not follow (any letter, a lookaround ...)."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _sre.AT:  # \b, ^: zero width
            continue
        if op is _sre.LITERAL:
            return chars | {chr(arg)}, False
        if op is _sre.IN:
            for member_op, member in arg:
                if member_op is _sre.LITERAL:
                    chars.add(chr(member))
                elif member_op is _sre.RANGE:
                    chars.update(chr(c) for c in range(member[0], member[1] + 1))
                elif member_op is _sre.CATEGORY and member is _sre.CATEGORY_DIGIT:
                    chars.update("0123456789")
                else:
                    return None
            return chars, False
        if op is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
            return chars | set("0123456789"), False
        if op is _sre.SUBPATTERN:
            alternatives, least = [arg[3]], 1
        elif op is _sre.BRANCH:
            alternatives, least = arg[1], 1
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            alternatives, least = [arg[2]], arg[0]
        else:
            return None
        can_be_empty = least == 0
        for alternative in alternatives:
            found = _first_characters(list(alternative))
            if found is None:
                return None
            chars |= found[0]
            can_be_empty |= found[1]
        if not can_be_empty:
            return chars, False
    return chars, True


def _lower_case_pattern(source: str) -> re.Pattern[str]:
    """A pattern for lower-cased text, guarded by a lookahead for the characters a match can start
    with: the regular expression engine then skips most positions at once (about 1.5 times faster);
    the matches are the same."""
    found = _first_characters(list(_parser.parse(source)))
    if found is None or found[1]:
        return re.compile(source)
    return re.compile(f"(?=[{re.escape(''.join(sorted(found[0])))}])" + source)


# The same patterns for lower-cased text: case-sensitive matching is twice as fast.
_LOWER_CASE_PATTERNS = [(kind, _lower_case_pattern(rx)) for kind, rx in _PATTERN_SOURCES]


def _located_start(source: str) -> frozenset[str] | None:
    """The characters a match of a pattern starts with, when it never matches the empty string (a
    pattern ``_locator`` can find); else None."""
    found = _first_characters(list(_parser.parse(source)))
    return None if found is None or found[1] else frozenset(found[0])


# For each pattern (same order), the characters its matches start with (None: found by its own scan).
_STARTS: list[frozenset[str] | None] = [_located_start(rx) for _, rx in _PATTERN_SOURCES]


@lru_cache(maxsize=256)  # the subsets that recur: a few cover nearly every short text
def _locator(indexes: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern matching wherever one of the patterns ``indexes`` matches: a single scan of a
    text finds the places where a time expression starts, instead of one scan per pattern."""
    chars = "".join(sorted(set().union(*(_STARTS[k] or () for k in indexes))))
    # the group names would clash in one pattern; no pattern refers back to a group by name
    sources = "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", _PATTERN_SOURCES[k][1]) + ")" for k in indexes)
    return re.compile(f"(?=[{re.escape(chars)}])(?:{sources})")


# The patterns a locator can cover; its locator finds the starts of any subset of them (the patterns
# left out of a text's subset cannot match there, see _NEEDS_ONE_OF), only with a slower scan.
_LOCATABLE = tuple(k for k, starts in enumerate(_STARTS) if starts is not None)
_SEEN_SUBSETS: set[tuple[int, ...]] = set()


def _locator_for(indexes: tuple[int, ...]) -> re.Pattern[str]:
    """The locator of ``indexes`` once that subset has come before; the first time, the locator of
    every locatable pattern: compiling a subset's locator costs 5 to 15 ms, ten times a slower scan of
    a long text, and in long articles most subsets come once."""
    if indexes in _SEEN_SUBSETS or indexes == _LOCATABLE:
        return _locator(indexes)
    _SEEN_SUBSETS.add(indexes)
    return _locator(_LOCATABLE)


def _located_matches(lowered: str, indexes: list[int]) -> dict[int, list[re.Match[str]]]:
    """``list(pattern.finditer(lowered))`` of each pattern of ``indexes`` that ``_STARTS`` covers.

    Every place where one of the patterns matches is found by one ``_locator`` scan; there each
    pattern that may start with that character and is past its own last match is tried, so each
    pattern yields what its own scan would: its leftmost match, then the next one after its end.
    """
    found: dict[int, list[re.Match[str]]] = {k: [] for k in indexes}
    if not indexes:
        return found
    locator, resume = _locator_for(tuple(indexes)), dict.fromkeys(indexes, 0)
    at = locator.search(lowered)
    while at is not None:
        position = at.start()
        char = lowered[position]
        for k in indexes:
            starts = _STARTS[k]
            if resume[k] <= position and starts is not None and char in starts:
                m = _LOWER_CASE_PATTERNS[k][1].match(lowered, position)
                if m is not None:
                    found[k].append(m)
                    resume[k] = m.end()
        at = locator.search(lowered, position + 1)
    return found

# Every alternative of _MON and _WEEK, as written there.
_MONTH_WORDS = ("januar", "jan.", "februar", "feb.", "mars", "mar.", "april", "apr.", "mai", "juni", "jun.",
                "juli", "jul.", "august", "aug.", "september", "sep.", "sept.", "oktober", "okt.", "november",
                "nov.", "desember", "des.")
_WEEK_WORDS = ("uke", "uka", "veke", "veka")  # "uken" contains "uke"
# For each pattern (same order), words of which a lower-cased text must contain one for the pattern to
# match at all (None: no such test). Scanning a text with `in` is far cheaper than with the regular
# expression, and most texts name no weekday, season or holiday; a test only ever skips a pattern that
# could not match, so the matches are the same.
_NEEDS_ONE_OF: list[tuple[str, ...] | None] = [
    _MONTH_WORDS,  # date
    (".19", ".20"),  # numdate: "01.02.2016"
    ("-0", "-1"),  # isodate: "2016-02-03"
    _MONTH_WORDS,  # month with a year
    _MONTH_WORDS,  # bare month
    ("-tallet",),  # decade
    None,  # year
    ("dagen",),  # gårsdagen(s), morgendagens, morgondagens
    None,  # i dag, i går ...
    _WEEK_WORDS,  # weekday_week
    _WEEK_WORDS,  # week
    _WEEK_WORDS,  # week: "senere i uka"
    ("mån",),  # monthrel: måneden, månaden
    ("helg",),  # weekend
    ("mån",),  # monthrel: måned, månad
    None,  # yearrel
    SEASONS,  # season
    ("jul", "påsk", "nyttår"),  # holiday
    ("siden",),  # ago
    ("samme", "dagen", "kvelden", "natten"),  # anchored
    tuple(WEEKDAYS),  # weekday
    ("kl",),  # clock
    ("tiden", "tida"),  # approximate hour
    ("fjoråre",),  # yearrel: fjoråret, forfjorårets ...
    ("helg",),  # weekend: helgens, helgas
]
assert len(_NEEDS_ONE_OF) == len(_PATTERN_SOURCES)


def _fewest_needed(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a need that contain none of its other words: a text holding "høsten" holds "høst",
    so testing "høst" alone gives the same answer with fewer scans of the text."""
    return tuple(word for word in words if not any(other != word and other in word for other in words))


_FEWEST: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per need: _contains_one_of keys on its id
_NEEDS_ONE_OF = [None if words is None else _FEWEST.setdefault(words, _fewest_needed(words))
                 for words in _NEEDS_ONE_OF]

# Words that point the clause forward in time ("skal", "vil", "ventes", "kommer til å").
FUTURE_WORDS = word_set("future_words")
SPEECH_VERBS = word_set("time_neutral_lemmas")
# Lower-case words that may follow a year; any other ("2000 soldater") makes the number a count.
YEAR_FOLLOWERS = word_set("year_followers")
# "en (helt) vanlig søndag": an indefinite article and adjectives before a weekday ("ga et intervju
# fredag" keeps its day: only adjective-like words may stand between).
INDEFINITE_DAY = re.compile(r"\b(?:en|ei|et)\s+(?:(?:helt|ganske|svært|veldig|nokså)\s+)?"
                            r"(?:[a-zæøå]+(?:ig|lig|sk|ende)\s+)?$")
# "til"/"innen" up to three words before an expression make it a deadline ahead (unless in the past tense).
DEADLINE = re.compile(r"\b(?:til|innen)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# First and last month of the seasons that fall within one calendar year (winter straddles two).
SEASON_MONTHS = {"vår": (3, 5), "sommer": (6, 8), "høst": (9, 11), "sommar": (6, 8), "haust": (9, 11)}
# "neste uke" is one step ahead, "forrige uke" one back (bokmål and nynorsk).
STEP: Mapping[str, int] = time_steps()
SPEECH_FORMS = word_set("time_neutral_forms")
_NUM_WORDS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9,
              "ti": 10, "en": 1, "ett": 1, "et": 1, "ei": 1, "elleve": 11, "tolv": 12}


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date to the precision given: year, year-month or full day."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> Published:
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text or "")
        if not m:
            return cls()
        return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@dataclass(frozen=True, slots=True)
class Match:
    """One pattern match over the article text: its kind, character span and named groups."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


# ------------------------------------------------------------------------------------------ finding

def candidates(text: str) -> list[Match]:
    """All pattern matches, longest first among those starting at the same place, overlaps removed."""
    lowered, patterns = text.lower(), _LOWER_CASE_PATTERNS
    needs: list[tuple[str, ...] | None] = _NEEDS_ONE_OF
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        lowered, patterns, needs = text, PATTERNS, [None] * len(PATTERNS)
    present: dict[int, bool] = {}
    wanted = [k for k, words in enumerate(needs)
              if words is None or _contains_one_of(lowered, words, present)]
    located = _located_matches(lowered, [k for k in wanted if _STARTS[k] is not None]) \
        if patterns is _LOWER_CASE_PATTERNS else {}
    found = [Match(patterns[k][0], m.start(), m.end(), m.groupdict())
             for k in wanted
             for m in (located[k] if k in located else patterns[k][1].finditer(lowered))
             if m.end() > m.start()]
    found = [m for m in found if not _is_false_positive(text, m)]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))  # ties below go to the earlier match
    chosen: list[Match] = []
    for m in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _contains_one_of(text: str, words: tuple[str, ...], present: dict[int, bool]) -> bool:
    """Whether ``text`` contains one of ``words``; ``present`` remembers the answer for the text, as
    several patterns need the same words (the month names, the words for week)."""
    answer = present.get(id(words))
    if answer is None:
        answer = present[id(words)] = any(map(text.__contains__, words))  # no generator frame per word
    return answer


# Words before a bare month or year that make it a time ("i mars", "fra 2015", "høsten 2019").
BARE_PRECEDERS = word_set("time_preceders")


def _is_false_positive(text: str, m: Match) -> bool:
    """Reject matches that are durations or parts of other words."""
    before = text[max(0, m.start - 12):m.start].lower()
    after = text[m.end:m.end + 12].lower()
    if m.groups.get("bare") is not None and not m.groups.get("since"):
        previous = re.search(r"(\w+|\()\s*$", before)
        if previous is None or previous[1] not in BARE_PRECEDERS:
            return True
    if m.kind == "weekday" and re.search(r"\b(?:hver|hver\s+eneste|annenhver|alle)\s*$", before):
        return True  # "hver lørdag": a habit, not a day
    if m.kind == "weekday" and not m.groups.get("dir") and not m.groups.get("night") \
            and INDEFINITE_DAY.search(text[max(0, m.start - 40):m.start].lower()):
        return True  # "en helt vanlig søndag": any Sunday
    sentence_start = re.search(r"(?:^|[.!?:]\s*|\n\s*)$", text[max(0, m.start - 3):m.start])
    if m.kind == "month" and m.groups.get("bare") is not None and text[m.start:m.start + 1].isupper() \
            and not m.groups.get("since") and not sentence_start:
        return True  # "utropt til August": a name, months are written in lower case
    if m.kind == "season" and re.search(r"\b(?:om|på)\s*$", before):
        return True  # "om sommeren", "på sommeren": every summer, not a time
    if m.kind == "season" and not (m.groups.get("prep") or m.groups.get("mod") or m.groups.get("year")):
        # A bare season noun only when definite ("høsten"), never "vår" (our) or "sommer" alone.
        return not m.groups["season"].lower().endswith(("en", "ens"))
    if m.kind == "season" and (m.groups.get("prep") or "").lower() == "i" \
            and m.groups["season"].lower() == "vår" and re.match(r"\s+\w", after) \
            and not re.match(r"\s+(?:og|eller|som|har|ble|var|skal|vil|kan|er)\b", after):
        return True  # "i vår regjering": possessive, not spring
    if m.kind == "year" and (follower := re.match(r"\s+([a-zæøå]+)", after)) \
            and follower[1] not in YEAR_FOLLOWERS and re.search(r"\b(?:og|mellom|under|for)\s*$", before):
        return True  # "to hangarskip og 2000 marinesoldater", "for 2000 kroner": things, not a year
    if m.kind == "yearrel" and re.search(r"(\d|\b(?:" + "|".join(_NUM_WORDS) + r"))\s*$", before):
        return True
    if m.kind == "relday" and (m.groups["rel"] or "").lower().endswith("morgen") \
            and re.match(r"\s*(?:en|s)\b", after):
        return True
    return bool(m.kind == "clock" and re.search(r"\d\s*$", before))


# ------------------------------------------------------------------------------------------ tense

def _clause_tokens(doc: Doc, start: int, end: int) -> list[int]:
    """Indexes of the tokens of the clause around a character span (by the parse when there is one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == span.end:
        return []
    first = span.start
    if annotated(doc, "DEP"):
        verb = _governing_verb(doc, first)
        if verb is not None:
            return _verb_group(doc, verb)
    sent_start, sent_end = _sentence_bounds(doc, doc[first])
    tokens = list(doc[sent_start:sent_end])
    # Without a parse, stay within commas and clause words around the expression.
    first -= sent_start
    lo, hi = first, first
    while lo > 0 and tokens[lo - 1].text not in {",", ";", ":", "–", "-"} \
            and tokens[lo - 1].lower_ not in {"at", "men", "da", "når", "mens", "som", "der"}:
        lo -= 1
    while hi < len(tokens) - 1 and tokens[hi + 1].text not in {",", ";", ":", "–"} \
            and tokens[hi + 1].lower_ not in {"at", "men", "da", "når", "mens", "som", "der", "og"}:
        hi += 1
    return [token.i for token in tokens[lo:hi + 1]]


def _verb_group(doc: Doc, verb: int) -> list[int]:
    """A verb with its infinitive/participle chain below and its auxiliaries up to the finite verb
    (token indexes, read from the Doc's parse table)."""
    parse, pos = parse_table(doc), token_table(doc).pos
    group, stack = [verb], [verb]
    while stack:
        for child in parse.children[stack.pop()]:
            chained = parse.deps[child] in ("INFV", "aux", "xcomp") and pos[child] in ("VERB", "AUX")
            if chained and len(group) < 6:
                group.append(child)
                stack.append(child)
    node = verb
    for _ in range(4):
        if "Fin" in morph_values_at(doc, node, "VerbForm"):
            break
        node = parse.heads[node]  # the root is its own head: it comes again, which changes no tense
        group.append(node)
    return group


NOMINAL_DEPS = {"SUBJ", "DOBJ", "IOBJ", "PUTFYLL", "DET"}


def _is_verb(doc: Doc, i: int) -> bool:
    """A verb by tag and by function: a 'verb' in a noun's slot is a mistagged noun ("avsløringer")."""
    pos = token_table(doc).pos[i]
    return pos in ("VERB", "AUX") and (parse_table(doc).deps[i] not in NOMINAL_DEPS or pos == "AUX")


def _governing_verb(doc: Doc, i: int) -> int | None:
    """The first verb above token i, within six steps up the parse (the root, a verb, governs itself)."""
    heads = parse_table(doc).heads
    node = i
    for step in range(6):
        if step and _is_verb(doc, node):
            return node
        node = heads[node]
    return None


def _sentence_bounds(doc: Doc, token: Token) -> tuple[int, int]:
    if annotated(doc, "SENT_START"):
        sent = token.sent
        return sent.start, sent.end
    start = token.i
    while start > 0 and doc[start - 1].text not in {".", "!", "?"} and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i
    while end < len(doc) - 1 and doc[end].text not in {".", "!", "?"} and "\n" not in doc[end].whitespace_:
        end += 1
    return start, end + 1


# analysis key -> whether it has any feature: a few hundred analyses cover any amount of text
_HAS_FEATURES: dict[int, bool] = {}


def _has_features(doc: Doc, i: int) -> bool:
    """``bool(str(token.morph))`` of token i, worked out once per distinct analysis."""
    key = token_table(doc).morphs[i]
    found = _HAS_FEATURES.get(key)
    if found is None:
        found = _HAS_FEATURES[key] = bool(str(doc[i].morph))
    return found


def clause_tense(doc: Doc | None, start: int, end: int) -> str:
    """'future' when the clause around the span points forward, 'past' when it points back,
    'unknown' without evidence (no future word and no morphology)."""
    if doc is None:
        return "unknown"
    tokens = _clause_tokens(doc, start, end)
    lowers = token_table(doc).lower_attrs  # token.lower_
    has_morph = any(_has_features(doc, i) for i in tokens)
    # "skal ha arbeidet": a perfect infinitive reports the past, whatever the modal.
    perfect = any(lowers[i] in ("ha", "hatt") and "Inf" in morph_values_at(doc, i, "VerbForm")
                  for i in tokens) and any("Part" in morph_values_at(doc, i, "VerbForm") for i in tokens)
    if perfect:
        return "past"
    for i in tokens:
        if lowers[i] in FUTURE_WORDS:
            return "future"
    if not has_morph:
        return "unknown"
    finite = [i for i in tokens if _is_verb(doc, i) and "Fin" in morph_values_at(doc, i, "VerbForm")]
    if any("Past" in morph_values_at(doc, i, "Tense") for i in finite):
        return "past"
    for i in finite:
        if "Pres" in morph_values_at(doc, i, "Tense"):
            lemma_ = doc[i].lemma_.lower()
            if lemma_ in ("ha", "være", "bli") or lemma_ in SPEECH_VERBS or lowers[i] in SPEECH_FORMS:
                continue
            return "future"
    return "past"


# ------------------------------------------------------------------------------------------ resolving

def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _near_year(pub: Published, month: int, day: int | None, direction: str) -> int | None:
    """The year that puts a month (and day) closest to publication, on the side the tense allows."""
    if pub.year is None:
        return None
    if pub.month is None:
        return pub.year
    pub_index = pub.year * 12 + pub.month - 1
    best: tuple[float, int] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        diff = year * 12 + month - 1 - pub_index
        later = diff > 0 or (diff == 0 and bool(day and pub.day and day > pub.day))
        earlier = diff < 0 or (diff == 0 and bool(day and pub.day and day < pub.day))
        if (direction == "past" and later) or (direction == "future" and earlier):
            continue
        # Without a tense, a month a few months ahead is less likely than one as far behind.
        cost = abs(diff) if diff <= 0 else diff * 4.0
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else pub.year


def _weekday_date(pub: date, weekday: int, direction: str) -> date:
    """The date of a weekday near publication; 'unknown' reads as the past, the usual news case."""
    if direction == "future":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7)
    if direction == "next":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    if direction == "last":
        return pub - timedelta(days=(pub.weekday() - weekday) % 7 or 7)
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _with_clock(day: date | None, groups: dict[str, str | None]) -> str | None:
    if day is None:
        return None
    if groups.get("hour"):
        hour, minute = int(groups["hour"] or 0), int(groups.get("minute") or 0)
        if hour < 24 and minute < 60:
            return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    return day.isoformat()


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


class Resolver:
    """Resolves matches in reading order; remembers the last day mentioned for "samme dag", clocks."""

    def __init__(self, published: str | None) -> None:
        self.pub = Published.parse(published)
        self.anchor: date | None = self.pub.date

    def resolve(self, m: Match, tense: str) -> str | None:
        value = getattr(self, f"_{m.kind}")(m.groups, tense)
        if value and re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value):
            self.anchor = date.fromisoformat(value[:10])
        return value

    def _date(self, g: dict[str, str | None], tense: str) -> str | None:
        month, day = _month_number(g["mon"] or ""), int(g["day"] or 0)
        year: int | None
        if g.get("year"):
            year = int(g["year"] or 0)
        elif g.get("rel"):
            year = self._relative_year(g["rel"] or "")
        else:
            year = _near_year(self.pub, month, day, "past" if g.get("since") else tense)
        if year is None:
            return None
        try:
            return _with_clock(date(year, month, day), g)
        except ValueError:
            return None

    def _numdate(self, g: dict[str, str | None], tense: str) -> str | None:
        try:
            return date(int(g["year"] or 0), int(g["mon"] or 0), int(g["day"] or 0)).isoformat()
        except ValueError:
            return None

    _isodate = _numdate

    def _month(self, g: dict[str, str | None], tense: str) -> str | None:
        month = _month_number(g["mon"] or "")
        if g.get("year"):
            return _month_value(int(g["year"] or 0), month)
        year = self._relative_year(g["rel"] or "") if g.get("rel") else \
            _near_year(self.pub, month, None, "past" if g.get("since") else tense)
        return _month_value(year, month) if year else None

    def _decade(self, g: dict[str, str | None], tense: str) -> str | None:
        return None

    def _year(self, g: dict[str, str | None], tense: str) -> str | None:
        return g["year"]

    def _relative_year(self, rel: str) -> int | None:
        if self.pub.year is None:
            return None
        rel = " ".join(rel.lower().split())
        offset = {"i år": 0, "i fjor": -1, "i forfjor": -2, "neste år": 1, "forrige år": -1,
                  "til neste år": 1, "fjoråret": -1, "fjorårets": -1, "forfjoråret": -2,
                  "forfjorårets": -2}.get(rel)
        return None if offset is None else self.pub.year + offset

    def _yearrel(self, g: dict[str, str | None], tense: str) -> str | None:
        year = self._relative_year(g["rel"] or "")
        return str(year) if year else None

    def _season(self, g: dict[str, str | None], tense: str) -> str | None:
        if g.get("year"):
            return g["year"]
        if self.pub.year is None:
            return None
        if g.get("rel"):
            year = self._relative_year(g["rel"] or "")  # "høsten i fjor"
            return str(year) if year else None
        prep = (g.get("prep") or "").lower()
        mod = (g.get("mod") or "").lower()
        if prep in STEP:
            return str(self.pub.year + STEP[prep])
        months = SEASON_MONTHS.get((g["season"] or "").lower().removesuffix("s").removesuffix("en"))
        if months is None or self.pub.month is None or mod:
            return str(self.pub.year)
        first, last = months
        ahead = prep in ("til", "fra") or tense == "future"
        if ahead and self.pub.month > last:
            return str(self.pub.year + 1)  # "til våren", said in October: next spring
        if tense == "past" and prep != "fra" and self.pub.month < first:
            return str(self.pub.year - 1)  # "i høst", looking back in March: last autumn
        return str(self.pub.year)

    def _holiday(self, g: dict[str, str | None], tense: str) -> str | None:
        """A holiday gives its year; Christmas mentioned early in the year is last year's unless ahead."""
        if g.get("year"):
            return g["year"]
        if self.pub.year is None:
            return None
        christmas = (g["name"] or "").lower().startswith(("jul", "romjul"))
        early = self.pub.month is not None and self.pub.month <= 2
        if christmas and early and tense != "future" and (g.get("prep") or "").lower() != "til":
            return str(self.pub.year - 1)
        return str(self.pub.year)

    def _relday(self, g: dict[str, str | None], tense: str) -> str | None:
        pub = self.pub.date
        if pub is None:
            return None
        rel = " ".join((g["rel"] or "").lower().split())
        part = (g.get("part") or "").lower()
        offset = RELATIVE_DAYS.get(f"{rel} {part}", RELATIVE_DAYS.get(rel, 0))
        return _with_clock(pub + timedelta(days=offset), g)

    def _weekday(self, g: dict[str, str | None], tense: str) -> str | None:
        pub = self.pub.date
        if pub is None:
            return None
        modifier = (g.get("dir") or "").lower()
        if g.get("since"):
            direction = "past"
        elif modifier in ("forrige", "førre", "sist", "siste"):
            direction = "last"
        elif modifier in ("neste", "kommende", "komande"):
            direction = "next"
        elif modifier == "innen":
            direction = "future"  # a deadline
        else:
            direction = tense
        return _with_clock(_weekday_date(pub, WEEKDAYS[(g["wd"] or "").lower()], direction), g)

    def _weekday_week(self, g: dict[str, str | None], tense: str) -> str | None:
        pub = self.pub.date
        if pub is None:
            return None
        shift = 7 * STEP.get((g["dir"] or "").lower(), 0)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=shift)
        return (monday + timedelta(days=WEEKDAYS[(g["wd"] or "").lower()])).isoformat()

    def _week(self, g: dict[str, str | None], tense: str) -> str | None:
        pub = self.pub.date
        if pub is None:
            return None
        shift = 7 * STEP.get((g["dir"] or "").lower(), 0)
        return _iso_week(pub + timedelta(days=shift))

    def _weekend(self, g: dict[str, str | None], tense: str) -> str | None:
        pub = self.pub.date
        if pub is None:
            return None
        modifier = (g["dir"] or "").lower()
        saturday_this_week = pub - timedelta(days=pub.weekday()) + timedelta(days=5)
        if STEP.get(modifier) == 1:
            saturday = saturday_this_week if pub.weekday() < 5 else saturday_this_week + timedelta(days=7)
        elif STEP.get(modifier) == -1:
            saturday = saturday_this_week - timedelta(days=7)
        elif tense == "future":
            saturday = saturday_this_week
        else:
            # The weekend just past; on a weekend day, the one going on.
            saturday = saturday_this_week if pub.weekday() >= 5 else saturday_this_week - timedelta(days=7)
        return _iso_week(saturday)

    def _monthrel(self, g: dict[str, str | None], tense: str) -> str | None:
        if self.pub.year is None or self.pub.month is None:
            return None
        shift = STEP.get((g["dir"] or "").lower(), 0)
        index = self.pub.year * 12 + self.pub.month - 1 + shift
        return _month_value(index // 12, index % 12 + 1)

    def _ago(self, g: dict[str, str | None], tense: str) -> str | None:
        word = (g["n"] or "").lower()
        n = int(word) if word.isdigit() else _NUM_WORDS.get(word)
        unit = (g["unit"] or "").lower()
        if n is None or self.pub.year is None:
            return None
        if unit == "år":
            return f"{self.pub.year - n:04d}" if self.pub.year - n > 0 else None
        if unit.startswith("måned"):
            if self.pub.month is None:
                return None
            index = self.pub.year * 12 + self.pub.month - 1 - n
            return _month_value(index // 12, index % 12 + 1)
        pub = self.pub.date
        if pub is None:
            return None
        if unit.startswith("uke"):
            return _iso_week(pub - timedelta(weeks=n))
        return (pub - timedelta(days=n)).isoformat()

    def _anchored(self, g: dict[str, str | None], tense: str) -> str | None:
        if self.anchor is None:
            return None
        rel = " ".join((g["rel"] or "").lower().split())
        if rel.endswith("før"):
            return (self.anchor - timedelta(days=1)).isoformat()
        if rel.endswith("etter") or rel.endswith("derpå"):
            return (self.anchor + timedelta(days=1)).isoformat()
        return self.anchor.isoformat()

    def _clock(self, g: dict[str, str | None], tense: str) -> str | None:
        return _with_clock(self.anchor, g) if self.anchor else None


# ------------------------------------------------------------------------------------------ API

def resolve(text: str, published: str | None) -> str | None:
    """One time expression resolved against the publication date ('tirsdag', '2020-01-08' -> '2020-01-07')."""
    matches = candidates(text)
    if not matches:
        return None
    widest = max(matches, key=lambda m: m.end - m.start)
    resolver = Resolver(published)
    tense = "future" if re.search(r"\b(?:skal|vil|neste|kommende)\b", text, re.IGNORECASE) else "unknown"
    return resolver.resolve(widest, tense)


def find_times(doc: Doc, article: Article) -> list[TimeExpression]:
    """Every time expression of the article, with absolute spans and resolved values."""
    text = article.text
    offset = article.span[0]
    resolver = Resolver(article.date)
    matches = candidates(text)
    values: dict[int, str | None] = {}
    parsed = doc is not None and doc_text(doc) == text
    # Clock times wait for the day named in their own sentence ("klokken 03.12 natt til onsdag").
    for n, m in enumerate(matches):
        if m.kind != "clock":
            tense = clause_tense(doc, m.start, m.end) if parsed else "unknown"
            if tense != "past" and DEADLINE.search(text[max(0, m.start - 40):m.start]):
                tense = "future"  # "til i slutten av november", "innen fredag"
            values[n] = resolver.resolve(m, tense)
    for n, m in enumerate(matches):
        if m.kind == "clock":
            day = _day_for_clock(text, matches, values, n) or resolver.pub.date
            values[n] = _with_clock(day, m.groups)
    return [TimeExpression(text=text[m.start:m.end], value=values[n], span=(m.start + offset, m.end + offset))
            for n, m in enumerate(matches)]


def _day_for_clock(text: str, matches: list[Match], values: dict[int, str | None], n: int) -> date | None:
    """The day of the nearest day-precise expression in the clock's sentence, else the last one before."""
    clock = matches[n]
    best: tuple[int, date] | None = None
    last_before: date | None = None
    for k, m in enumerate(matches):
        value = values.get(k)
        if k == n or not value or not re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value):
            continue
        day = date.fromisoformat(value[:10])
        if m.end <= clock.start:
            last_before = day
        lo, hi = (m.end, clock.start) if m.end <= clock.start else (clock.end, m.start)
        if not re.search(r"[.!?]\s|\n", text[lo:hi]):
            distance = hi - lo
            if best is None or distance < best[0]:
                best = (distance, day)
    return best[1] if best else last_before
