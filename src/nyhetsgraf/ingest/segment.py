"""Split a Document into Articles with exact character offsets, titles and subheadings.

Corpus dumps glue articles together in two ways, and both are told apart by layout alone:

* a *junction*: one article's last sentence runs straight into the next article with no
  space ("... forlate Irak.Minst 50 mennesker ..."). A sentence-final mark directly followed
  by an upper-case word starts a new article, unless the left side is an abbreviation,
  an initial, a number or part of a domain name.
* a *headline*: a short line without final punctuation, standing alone between a finished
  body paragraph and the next body paragraph. Short ones (at most three words, e.g.
  "500 soldater") are in-text subheadings (*mellomtitler*); longer ones start a new article.

Headline-like lines at the top of an article, before its first body paragraph, are its
title and the headings listed in front of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nyhetsgraf.ingest.language import detect_language
from nyhetsgraf.records import Article, Block, Document

# Minimum words of an isolated headline line that starts a new article; shorter ones are
# in-text subheadings, which in Norwegian news rarely exceed three words.
NEW_ARTICLE_MIN_WORDS = 4
# An article started by a headline needs this much body text; a shorter run after a long
# subheading is the closing section of the article before it.
MIN_ARTICLE_BODY_CHARS = 250
HEADLINE_MAX_WORDS = 14
DASH_HEADLINE_MIN_WORDS = 6
# A subheading with no blank line around it is short ("Fikk ikke reiseforsikring").
TIGHT_HEADING_MAX_WORDS = 6
HEADLINE_MAX_CHARS = 120
# A plain headline of at most this many words, between paragraphs that share at least
# CONTINUITY_MIN_SHARED content words, is a subheading of the article it stands in
# ("Politiet måtte stenge flere gater i sentrum" between two paragraphs about one march).
SUBHEADING_MAX_WORDS = 7
CONTINUITY_MIN_SHARED = 3
# How much text on each side of a candidate headline the continuity test reads.
CONTINUITY_WINDOW_CHARS = 600


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ABBREVIATIONS = _word_set(
    "st dr mr mrs ms jr sr nr kl ca bl mv osv etc prof pr tlf jf ref fr hr fru frk sen gen kap "
    "sk adm dir ing mag cand stud vs bd nb ps mill mrd kr inkl ekskl evt iflg mht pga ifm dvs "
    "co inc ltd corp no tv"
)
_JUNCTION = re.compile(r"[.!?](?=[A-ZÆØÅ][a-zæøå])")
_LEFT_TOKEN = re.compile(r"[\w\-]+$")
# A subheading that lost its line break: two content words between a finished sentence and
# the capitalised first word of the next one ("... fingeravtrykk. Vurderer bevis Spørsmålet er ...").
_GLUED_HEADING = re.compile(
    r"(?<=[.!?] )([A-ZÆØÅ][a-zæøå]+ [a-zæøå]{3,})(?= [A-ZÆØÅ][a-zæøå]+ [a-zæøå])"
)
# Words that begin ordinary sentences ("Onsdag møtte Støre ...", "Det sa Vik ..."), so a
# pair holding one is not a subheading.
_SENTENCE_WORDS = _word_set(
    "det den de dette disse der da nå så men og eller som at om for fra til med mot på i av ved etter "
    "før under over mellom uten hos ifølge han hun vi jeg du dere man en et ei hans hennes deres sin "
    "sitt sine her også ikke bare senere tidligere samtidig likevel derfor dermed allerede aldri alltid "
    "i går i dag mandag tirsdag onsdag torsdag fredag lørdag søndag morgen kveld natt helgen uka uken "
    "året sa sier sa sier har hadde er var ble blir skal vil kan må kunne skulle ville få fikk gikk kom "
    "mener tror vet viser deretter dessuten isteden istedet foreløpig først kanskje inn ut hva hvem hvor "
    "vant tok mottok gikk fant sto dro lå ga gjorde"
)
# Norwegian puts the finite verb second: a second word shaped like a present or past verb
# ("Dessuten mangler", "Mange mente") marks the start of a sentence, not a subheading.
_FINITE_VERB_ENDING = re.compile(r"(?:r|te|de|et)$")
_SENTENCE_INSIDE = re.compile(r"[.!?][»\"”']?\s+[A-ZÆØÅ0-9«\"–—-]")
_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?:][»\"”'’)]*$|[»\"”]$")
# An agency byline closing an article: "(©NTB)", "( NTB )", "(NTB-AFP)", "©NTB", "NTB".
_BYLINE_END = re.compile(
    r"(?:\(\s*©?\s*(?:NTB|ANB|AFP|Reuters|AP)(?:[-/ ][^)]{0,40})?\s*\)|©\s*NTB|\bNTB)\s*$")
_CONTENT_WORD = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüé]{5,}")
# Words of five letters or more that any two paragraphs share (compared by their first six letters).
_COMMON_STEMS = frozenset({"ikke", "etter", "skal", "blant", "under", "mellom", "andre", "flere",
                           "hadde", "kunne", "skulle", "ville", "mener", "sier", "sa", "denne", "dette",
                           "disse", "fordi", "allerede", "likevel", "samme", "mange", "store", "annet",
                           "tidlig", "senere", "ifølge", "ingen", "noen", "eller", "også"})
_LINE_OPENER = re.compile(r"[A-ZÆØÅÄÖÉ0-9«\"“'–—-]")


@dataclass(slots=True)
class _Piece:
    """A non-blank line, or the part of one after a junction; offsets are local to the text."""

    start: int
    end: int  # trailing whitespace excluded
    text: str
    blank_before: bool  # a blank line (or the start of the text) precedes it
    glued: bool = False  # starts a new article at a junction
    glued_heading: bool = False  # a subheading found inside a body line
    blank_after: bool = False


def word_count(line: str) -> int:
    return sum(1 for token in line.split() if _WORD.search(token))


def is_headline_like(line: str, allow_question: bool) -> bool:
    """A short line that is not a sentence: no final period, no sentence boundary inside."""
    if len(line) > HEADLINE_MAX_CHARS:
        return False
    words = word_count(line)
    if not 1 <= words <= HEADLINE_MAX_WORDS:
        return False
    if not _LINE_OPENER.match(line):
        return False
    last = line[-1]
    if last in ".,;:" or (last in "?!" and not allow_question):
        return False
    return not _SENTENCE_INSIDE.search(line)


def _is_dash_line(line: str) -> bool:
    return line[0] in "–—-"


def _junctions(line: str) -> list[int]:
    """Positions (within ``line``) where a glued-on article begins."""
    cuts = []
    for match in _JUNCTION.finditer(line):
        left = _LEFT_TOKEN.search(line, 0, match.start())
        if left is None:
            continue
        token = left.group()
        if left.start() > 0 and line[left.start() - 1] in "./@:":
            continue  # part of a domain name, e-mail address or dotted initials
        if len(token) < 2 or not token.replace("-", "").isalnum() or token.lower() in _ABBREVIATIONS:
            continue
        if not any(ch.isalpha() for ch in token) and len(token) != 4:  # a year may end a sentence
            continue
        cuts.append(match.end())
    return cuts


def _pieces(text: str, start: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    blank = True
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        line = text[position:line_end]
        stripped = line.rstrip()
        content_start = position + (len(line) - len(line.lstrip()))
        if not stripped.strip():
            blank = True
            if pieces:
                pieces[-1].blank_after = True
        else:
            stripped_start = content_start - position
            body = stripped[stripped_start:]
            cuts = _junctions(body)
            bounds = [0, *cuts, len(body)]
            for k in range(len(bounds) - 1):
                pieces.extend(_split_glued_headings(body, bounds[k], bounds[k + 1], content_start,
                                                    blank_before=blank and k == 0, glued=k > 0))
            blank = False
        position = line_end + 1
    return pieces


def _split_glued_headings(line: str, begin: int, end: int, base: int, blank_before: bool,
                          glued: bool) -> list[_Piece]:
    """The part ``line[begin:end]`` as pieces, with glued-in subheadings cut out as their own."""
    pieces: list[_Piece] = []
    position = begin
    for match in _GLUED_HEADING.finditer(line, begin, end):
        words = match.group(1).lower().split()
        if any(word in _SENTENCE_WORDS for word in words) or _FINITE_VERB_ENDING.search(words[-1]):
            continue
        if words[0].endswith("s"):
            continue  # a genitive opens a noun phrase that runs on ("Regjeringens reform Kunnskapsløftet")
        before = line[position:match.start()].rstrip()
        if before:
            pieces.append(_Piece(base + position, base + position + len(before), before,
                                 blank_before=blank_before and not pieces, glued=glued and not pieces))
        pieces.append(_Piece(base + match.start(), base + match.end(), match.group(1), blank_before=False,
                             glued_heading=True))
        position = match.end() + 1
    rest = line[position:end]
    pieces.append(_Piece(base + position, base + position + len(rest), rest,
                         blank_before=blank_before and not pieces, glued=glued and not pieces))
    return pieces


@dataclass(slots=True)
class _Draft:
    """An article being built while the lines are walked."""

    start: int
    title: str | None = None
    has_body: bool = False
    end: int = 0
    by_headline: bool = False  # started by an isolated headline line (not a junction)
    headings: list[str] = field(default_factory=list)
    blocks: list[tuple[int, int, str]] = field(default_factory=list)


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) or _ends_with_byline(line)


def _ends_with_byline(line: str) -> bool:
    """ "... avhørt av politiet. (©NTB)", "( NTB )", "NTB-Lars Hjorthol": an article's byline end."""
    return bool(_BYLINE_END.search(line))


def _continues(before: str, after: str) -> bool:
    """Whether the paragraph after a candidate headline goes on with the article before it: they
    share at least ``CONTINUITY_MIN_SHARED`` content words (compared by their first six letters)."""
    return len(_content_stems(before) & _content_stems(after)) >= CONTINUITY_MIN_SHARED


def _content_stems(text: str) -> set[str]:
    return {word.lower()[:6] for word in _CONTENT_WORD.findall(text)} - _COMMON_STEMS


def _isolated_headline(pieces: list[_Piece], i: int) -> bool:
    """A headline-like line standing alone: after a finished sentence, before a new body paragraph."""
    piece = pieces[i]
    if not is_headline_like(piece.text, allow_question=False):
        return False
    if i == 0 or i + 1 >= len(pieces):
        return False
    previous, following = pieces[i - 1], pieces[i + 1]
    if not piece.blank_before and not _ends_sentence(previous.text):
        return False  # a wrapped line of a paragraph, or one of a list of teaser lines
    if following.glued or not _LINE_OPENER.match(following.text):
        return False
    if not piece.blank_before and not piece.blank_after and word_count(piece.text) > TIGHT_HEADING_MAX_WORDS:
        return False  # between lines of running text a long unpunctuated line is a wrapped one
    return not is_headline_like(following.text, allow_question=False)


def _wrapped(pieces: list[_Piece], i: int) -> bool:
    """The line runs on into the next one (hard-wrapped paragraph), so it is no headline."""
    if i + 1 >= len(pieces):
        return False
    following = pieces[i + 1]
    return not following.blank_before and not following.glued and following.text[0].islower()


def _headline_run(pieces: list[_Piece], i: int) -> bool:
    """A headline followed by blank-separated headings listed before the body of a new article."""
    piece = pieces[i]
    if not is_headline_like(piece.text, allow_question=False) or _wrapped(pieces, i):
        return False
    if i == 0 or not (piece.blank_before or _ends_sentence(pieces[i - 1].text)):
        return False
    j = i + 1
    while j < len(pieces) and pieces[j].blank_before and not pieces[j].glued \
            and is_headline_like(pieces[j].text, allow_question=True):
        j += 1
    return j > i + 1 and j < len(pieces) and pieces[j].blank_before and not _wrapped(pieces, j - 1)


def _starts_article(pieces: list[_Piece], i: int) -> bool:
    piece = pieces[i]
    words = word_count(piece.text)
    if i > 0 and _ends_with_byline(pieces[i - 1].text):
        return words >= 2  # a headline right after a byline opens the next article
    if _is_dash_line(piece.text):
        # A quote used as headline ("- Bedre å kjøpe ..."); short ones are subheadings.
        return words >= DASH_HEADLINE_MIN_WORDS and piece.blank_before and piece.blank_after
    if words < NEW_ARTICLE_MIN_WORDS:
        return False
    return piece.blank_before or piece.blank_after


def _subheading_by_content(text: str, draft: _Draft, pieces: list[_Piece], i: int) -> bool:
    """A short plain headline whose next paragraph goes on with the article so far is a subheading;
    after a byline, or as a dash line, it never is."""
    piece = pieces[i]
    if _ends_with_byline(pieces[i - 1].text) or _is_dash_line(piece.text) \
            or word_count(piece.text) > SUBHEADING_MAX_WORDS or i + 1 >= len(pieces):
        return False
    before = text[max(draft.start, piece.start - CONTINUITY_WINDOW_CHARS):piece.start]
    after = text[pieces[i + 1].start:pieces[i + 1].start + CONTINUITY_WINDOW_CHARS]
    return _continues(before, after)


def _body_chars(draft: _Draft) -> int:
    return sum(end - start for start, end, role in draft.blocks if role == "body")


def _merge_short_sections(drafts: list[_Draft]) -> list[_Draft]:
    """Fold a too-short 'article' after a headline back into the one before, as a subheading."""
    merged: list[_Draft] = []
    for draft in drafts:
        if merged and draft.by_headline and _body_chars(draft) < MIN_ARTICLE_BODY_CHARS:
            previous = merged[-1]
            previous.headings.extend([draft.title or "", *draft.headings])
            start, end, _ = draft.blocks[0]
            previous.blocks.extend([(start, end, "heading"), *draft.blocks[1:]])
            previous.end = draft.end
            continue
        merged.append(draft)
    return merged


def segment(document: Document, start_index: int = 0) -> list[Article]:
    """Articles of ``document`` in order; ``start_index`` continues the count of its input."""
    text = document.text
    base = document.offset
    begin = max(0, document.body_start - base)
    pieces = _pieces(text, begin)
    if not pieces:
        return []
    # The first article of an input begins right after its date prefix; a later part of a
    # large file read in pieces begins at its first line.
    first_start = begin if base == 0 or document.body_start > base else pieces[0].start
    drafts: list[_Draft] = [_Draft(start=first_start)]
    # A record of a structured format (JSON line, feed entry, web page) is one article: there a
    # headline-like line is a subheading and a run-on sentence is no article junction.
    one_article = document.format != "text"
    for i, piece in enumerate(pieces):
        draft = drafts[-1]
        if piece.glued and not one_article:
            draft = _Draft(start=piece.start)
            drafts.append(draft)
            role = "body"
            opens_with_headline = piece.blank_after and i + 1 < len(pieces)
            if opens_with_headline and is_headline_like(piece.text, allow_question=True):
                draft.title = piece.text  # the glued-on article opens with its headline
                role = "title"
        elif piece.glued_heading and draft.has_body:
            draft.headings.append(piece.text)
            role = "heading"
        elif not draft.has_body and is_headline_like(piece.text, allow_question=True) \
                and not _wrapped(pieces, i):
            if draft.blocks:
                draft.headings.append(piece.text)  # headings listed before the body
                role = "heading"
            else:
                draft.title = piece.text
                role = "title"
        elif draft.has_body and not one_article and _headline_run(pieces, i) and _starts_article(pieces, i):
            draft = _Draft(start=piece.start, title=piece.text, by_headline=True)
            drafts.append(draft)
            role = "title"
        elif draft.has_body and _isolated_headline(pieces, i) and not _wrapped(pieces, i):
            if not one_article and _starts_article(pieces, i) and not _subheading_by_content(text, draft,
                                                                                              pieces, i):
                draft = _Draft(start=piece.start, title=piece.text, by_headline=True)
                drafts.append(draft)
                role = "title"
            else:
                draft.headings.append(piece.text)
                role = "heading"
        else:
            role = "body"
        if role == "body":
            draft.has_body = True
        draft.blocks.append((piece.start, piece.end, role))
        draft.end = piece.end
    drafts = _merge_short_sections(drafts)
    if document.format != "text" and document.title and drafts[0].title is None:
        drafts[0].title = document.title  # structured formats carry the headline outside the text
    articles = []
    for k, draft in enumerate(drafts):
        span = (base + draft.start, base + draft.end)
        article = Article(
            document=document,
            index=start_index + k,
            span=span,
            title=draft.title,
            headings=draft.headings,
            blocks=[Block(span=(base + s, base + e), role=r) for s, e, r in draft.blocks],
        )
        article.language = detect_language(text[draft.start:draft.end])
        articles.append(article)
    return articles
