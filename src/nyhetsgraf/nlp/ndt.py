"""Reading NDT-format (NorNE) files and turning their annotation into spaCy Docs.

NDT tags are mapped to Universal POS and UD-style morphological features here, so the
converter (training) and the evaluation command use one and the same mapping.

NDT → UPOS: ``subst`` + ``prop`` → PROPN, ``subst`` → NOUN, ``verb`` → VERB (AUX when the
lemma is a Norwegian auxiliary/copula governing an INFV or SPRED dependent), ``adj`` → ADJ,
``adv`` → ADV, ``prep`` → ADP, ``pron`` → PRON, ``det`` → NUM for cardinal numbers (digits or
number words) else DET, ``konj`` → CCONJ, ``sbu`` → SCONJ, ``inf-merke`` → PART,
``interj`` → INTJ, ``symb`` → SYM, ``ukjent`` → X, punctuation tags (``clb``, ``<komma>``,
``<anf>``, ``<strek>``, ``<parentes-beg>``, ``<parentes-slutt>``) → PUNCT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

HEADLINE_MARKER = "|"
HEADLINE_ENDS = "ndt_headline_ends"  # Doc.user_data key: indices of the last tokens of headlines

_PUNCT_TAGS = {"clb", "<komma>", "<anf>", "<strek>", "<parentes-beg>", "<parentes-slutt>"}
_SIMPLE_UPOS = {
    "adj": "ADJ",
    "adv": "ADV",
    "prep": "ADP",
    "pron": "PRON",
    "konj": "CCONJ",
    "sbu": "SCONJ",
    "inf-merke": "PART",
    "interj": "INTJ",
    "symb": "SYM",
    "ukjent": "X",
}
_AUX_LEMMAS = {
    "være", "vere", "ha", "kunne", "skulle", "ville", "måtte", "burde",
    "kunna", "skula", "vilja", "måtta"
}
_NEGATIONS = {"ikke", "ikkje"}
_ADVERB_LIKE_PREPS = {"her", "der"}
_AUX_CHILD_DEPRELS = {"INFV", "SPRED"}
_NUMBER_WORDS = {
    "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "elleve", "tolv",
    "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tjue", "tjuge",
    "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti", "hundre", "tusen",
    "million", "millioner", "milliard", "milliarder", "null",
}
_NUMERIC = re.compile(r"^[\d.,:/\-–]*\d[\d.,:/\-–]*$")

# NDT FEATS → UD feature (name, value); a feature may need the POS to be read correctly.
_FEATURE_MAP: dict[str, tuple[str, str]] = {
    "mask": ("Gender", "Masc"),
    "fem": ("Gender", "Fem"),
    "nøyt": ("Gender", "Neut"),
    "ent": ("Number", "Sing"),
    "eint": ("Number", "Sing"),
    "fl": ("Number", "Plur"),
    "ub": ("Definite", "Ind"),
    "be": ("Definite", "Def"),
    "bu": ("Definite", "Def"),
    "komp": ("Degree", "Cmp"),
    "sup": ("Degree", "Sup"),
    "gen": ("Case", "Gen"),
    "nom": ("Case", "Nom"),
    "akk": ("Case", "Acc"),
    "1": ("Person", "1"),
    "2": ("Person", "2"),
    "3": ("Person", "3"),
    "pers": ("PronType", "Prs"),
    "dem": ("PronType", "Dem"),
    "refl": ("Reflex", "Yes"),
    "poss": ("Poss", "Yes"),
    "pass": ("Voice", "Pass"),
    "fork": ("Abbr", "Yes"),
    "pres": ("Tense", "Pres"),
    "pret": ("Tense", "Past"),
    "imp": ("Mood", "Imp"),
    "inf": ("VerbForm", "Inf"),
    "perf-part": ("VerbForm", "Part"),
    "<ordenstall>": ("NumType", "Ord"),
    "<ordenstal>": ("NumType", "Ord"),
}


@dataclass
class NdtToken:
    form: str
    lemma: str
    tag: str
    feats: list[str]
    head: int  # 1-based, 0 = root
    deprel: str
    ner: str  # BIO


@dataclass
class NdtSentence:
    sent_id: str | None
    tokens: list[NdtToken] = field(default_factory=list)

    @property
    def document_id(self) -> str | None:
        """The NDT file a sentence comes from (the part of sent_id before ':')."""
        return self.sent_id.split(":", 1)[0] if self.sent_id else None


def read_ndt(path: Path) -> Iterator[NdtSentence]:
    """Yield the sentences of an NDT-format file; comment lines are optional."""
    sentence = NdtSentence(sent_id=None)
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                sentence.sent_id = line[len("# sent_id = "):].strip()
            elif line.startswith("#") and not sentence.tokens:
                continue
            elif not line.strip():
                if sentence.tokens:
                    yield sentence
                sentence = NdtSentence(sent_id=None)
            else:
                sentence.tokens.append(_parse_token_line(line))
    if sentence.tokens:
        yield sentence


def _parse_token_line(line: str) -> NdtToken:
    cols = line.split("\t")
    if len(cols) < 8:
        raise ValueError(f"not an NDT token line (expected 10 tab-separated columns): {line!r}")
    feats = [] if cols[5] in ("_", "") else cols[5].split("|")
    ner = cols[9].removeprefix("name=") if len(cols) > 9 and cols[9] not in ("_", "") else "O"
    return NdtToken(
        form=cols[1], lemma=cols[2], tag=cols[3], feats=feats, head=int(cols[6]), deprel=cols[7], ner=ner
    )


def drop_headline_marker(sentence: NdtSentence) -> NdtSentence:
    """Remove the `|` tokens NDT adds to headlines, re-pointing heads that referred to them."""
    keep = [i for i, tok in enumerate(sentence.tokens) if not _is_headline_marker(tok)]
    if len(keep) == len(sentence.tokens):
        return sentence
    new_index = {old + 1: new + 1 for new, old in enumerate(keep)}
    root = next((i + 1 for i in keep if sentence.tokens[i].head == 0), keep[0] + 1 if keep else 0)
    tokens = []
    for i in keep:
        tok = sentence.tokens[i]
        head = new_index.get(tok.head, 0 if tok.head == 0 else new_index[root])
        if head == new_index.get(i + 1):
            head = 0
        tokens.append(NdtToken(tok.form, tok.lemma, tok.tag, tok.feats, head, tok.deprel, tok.ner))
    return NdtSentence(sentence.sent_id, tokens)


def _is_headline_marker(token: NdtToken) -> bool:
    return token.form == HEADLINE_MARKER and token.tag == "clb"


def upos(token: NdtToken, child_deprels: set[str]) -> str:
    """Map an NDT token to its Universal POS tag (see the module docstring)."""
    if token.tag in _PUNCT_TAGS:
        return "PUNCT"
    if token.tag == "subst":
        return "PROPN" if "prop" in token.feats else "NOUN"
    if token.tag == "verb":
        if token.lemma.lower() in _AUX_LEMMAS and child_deprels & _AUX_CHILD_DEPRELS:
            return "AUX"
        return "VERB"
    if token.tag == "det":
        if _NUMERIC.match(token.form) or token.lemma.lower() in _NUMBER_WORDS:
            return "NUM"
        return "PRON" if "poss" in token.feats else "DET"  # UD treats possessives as pronouns
    lemma = token.lemma.lower()
    if token.tag == "sbu" and lemma == "som":
        return "PRON"  # relative "som" is a pronoun in UD
    if token.tag == "adv" and lemma in _NEGATIONS:
        return "PART"
    if token.tag == "prep" and lemma in _ADVERB_LIKE_PREPS:
        return "ADV"
    return _SIMPLE_UPOS.get(token.tag, "X")


def ud_morph(token: NdtToken, pos: str) -> str:
    """Map NDT FEATS to a UD-style FEATS string (sorted, `|`-joined)."""
    feats: dict[str, str] = {}
    for feat in token.feats:
        mapped = _FEATURE_MAP.get(feat)
        if mapped is not None:
            feats.setdefault(mapped[0], mapped[1])
    if pos in {"ADJ"} and "pos" in token.feats:
        feats["Degree"] = "Pos"
    if pos in {"VERB", "AUX"}:
        if "Tense" in feats:
            feats["VerbForm"] = "Fin"
            feats.setdefault("Mood", "Ind")
        elif feats.get("Mood") == "Imp":
            feats["VerbForm"] = "Fin"
    return "|".join(f"{name}={value}" for name, value in sorted(feats.items()))


def lemma_of(token: NdtToken) -> str:
    """NDT writes punctuation lemmas as `$,`; the plain lemma is the form itself."""
    if token.lemma.startswith("$") and len(token.lemma) > 1:
        return token.lemma[1:]
    return token.lemma


def group_sentences(sentences: Iterable[NdtSentence], max_sents: int) -> Iterator[list[NdtSentence]]:
    """Group consecutive sentences of the same NDT document into chunks of at most max_sents."""
    group: list[NdtSentence] = []
    for sentence in sentences:
        if group and (len(group) >= max_sents or sentence.document_id != group[-1].document_id):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def sentences_to_doc(vocab: Vocab, sentences: list[NdtSentence]) -> Doc:
    """One Doc holding all annotation of the given sentences.

    Headline markers are dropped; `doc.user_data[HEADLINE_ENDS]` keeps where the headlines ended.
    """
    words: list[str] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    iob: list[str] = []
    headline_ends: list[int] = []
    for sentence in sentences:
        without_marker = drop_headline_marker(sentence)
        if without_marker is not sentence:  # it returns the sentence itself when there is no marker
            headline_ends.append(len(words) + len(without_marker.tokens) - 1)
        sentence = without_marker
        offset = len(words)
        children: dict[int, set[str]] = {}
        for tok in sentence.tokens:
            children.setdefault(tok.head, set()).add(tok.deprel)
        for i, tok in enumerate(sentence.tokens, start=1):
            token_pos = upos(tok, children.get(i, set()))
            words.append(tok.form)
            tags.append(tok.tag)
            pos.append(token_pos)
            morphs.append(ud_morph(tok, token_pos))
            lemmas.append(lemma_of(tok))
            heads.append(offset + (tok.head - 1 if tok.head else i - 1))
            deps.append("ROOT" if tok.head == 0 else tok.deprel)
            sent_starts.append(i == 1)
            iob.append(tok.ner)
    doc = Doc(
        vocab,
        words=words,
        spaces=[True] * len(words),
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )
    doc.ents = _bio_to_spans(doc, iob)
    doc.user_data[HEADLINE_ENDS] = [end for end in headline_ends if end >= 0]
    return doc


def article_layout(doc: Doc, *, glue_headlines: bool = False, with_entities: bool = False) -> Doc:
    """A copy of the words of `doc` with a line-break token after each headline, as an article has.

    Nothing else is copied but, with `with_entities`, the entities (for training a recognizer on
    the layout it meets in articles). With `glue_headlines` no line breaks are added.
    """
    ends = set() if glue_headlines else set(doc.user_data.get(HEADLINE_ENDS, ()))
    words: list[str] = []
    spaces: list[bool] = []
    position: list[int] = []  # new index of every token of `doc`
    for token in doc:
        position.append(len(words))
        words.append(token.text)
        spaces.append(bool(token.whitespace_) and token.i not in ends)
        if token.i in ends:
            words.append("\n")
            spaces.append(False)
    laid_out = Doc(doc.vocab, words=words, spaces=spaces)
    if with_entities:
        laid_out.ents = [
            Span(laid_out, position[ent.start], position[ent.end - 1] + 1, label=ent.label_)
            for ent in doc.ents
        ]
    return laid_out


def _bio_to_spans(doc: Doc, iob: list[str]) -> list[Span]:
    return list(biluo_tags_to_spans(doc, iob_to_biluo(iob)))
