"""Quotes and speakers on hand-built Docs (no trained model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from nyhetsgraf.extract.entities import find_entities
from nyhetsgraf.extract.quotes import find_quotes
from nyhetsgraf.records import Article, Document, Quote

_PRONOUNS = {"han", "hun", "de", "vi", "jeg", "det", "den", "dette"}
_PUNCT = set(".,!?:;–-«»")


def build(spec: str, ents: dict[str, str]) -> Doc:
    """Doc from lines of space-separated tokens, each "word" or "word|POS|lemma".

    A new line is a new paragraph; ``ents`` maps a phrase to its NER label (every occurrence).
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    lemmas: list[str] = []
    starts: list[bool] = []
    lines = [line.split() for line in spec.strip().split("\n")]
    for n, items in enumerate(lines):
        for k, item in enumerate(items):
            word, *rest = item.split("|")
            default = "PUNCT" if word in _PUNCT else "PRON" if word.lower() in _PRONOUNS else (
                "SCONJ" if word == "at" else "PROPN" if word[:1].isupper() else "NOUN")
            words.append(word)
            pos.append(rest[0] if rest else default)
            lemmas.append(rest[1] if len(rest) > 1 else word.lower())
            spaces.append(k + 1 < len(items))
            starts.append(k == 0 or words[-2] in (".", "?", "!"))
        if n + 1 < len(lines):
            words.append("\n")
            spaces.append(False)
            pos.append("SPACE")
            lemmas.append("\n")
            starts.append(False)
    doc = Doc(Vocab(), words=words, spaces=spaces, pos=pos, lemmas=lemmas, sent_starts=starts)
    labels = ["O"] * len(doc)
    for phrase, label in ents.items():
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                labels[i:i + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    doc.ents = _spans(doc, labels)
    return doc


def _spans(doc: Doc, labels: list[str]):
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    return biluo_tags_to_spans(doc, iob_to_biluo(labels))


def quotes_of(spec: str, ents: dict[str, str], prefix: str = "") -> tuple[Article, list[Quote]]:
    doc = build(spec, ents)
    document = Document(source="t.txt", text=prefix + doc.text, format="text")
    article = Article(document=document, index=0, span=(len(prefix), len(prefix) + len(doc.text)))
    return article, find_quotes(doc, article, find_entities(doc, article))


def by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


def test_dash_quote_with_pronoun_speaker_over_two_sentences() -> None:
    spec = """
Ordfører Kari Lien vil|AUX|ville bygge|VERB|bygge ny skole .
– Vi må handle nå . Barna venter , sier|VERB|si hun .
"""
    article, quotes = quotes_of(spec, {"Kari Lien": "PER"})
    quote = by_text(quotes)["Vi må handle nå . Barna venter"]
    assert quote.speaker == "Kari Lien" and quote.direct
    assert article.document.text[quote.span[0]:quote.span[1]] == quote.text


def test_pronoun_skips_a_more_recent_person_of_the_other_gender() -> None:
    spec = """
Politimester Per Dahl møtte|VERB|møte ordfører Kari Lien .
– Vi har kontroll , sier|VERB|si han .
"""
    _, quotes = quotes_of(spec, {"Per Dahl": "PER", "Kari Lien": "PER"})
    assert by_text(quotes)["Vi har kontroll"].speaker == "Per Dahl"


def test_unattributed_dash_paragraph_continues_the_previous_speaker() -> None:
    spec = """
– Planen er klar , sier|VERB|si Jonas Moe til NTB .
– Vi starter|VERB|starte i morgen .
"""
    _, quotes = quotes_of(spec, {"Jonas Moe": "PER", "NTB": "ORG"})
    texts = by_text(quotes)
    assert texts["Planen er klar"].speaker == "Jonas Moe"
    assert texts["Vi starter i morgen"].speaker == "Jonas Moe"
    assert texts["Vi starter i morgen"].direct


def test_reported_speech_with_at_clause_and_named_subject() -> None:
    spec = "Rådgiver Eva Holm opplyser|VERB|opplyse til NTB at avtalen er|AUX|være klar ."
    _, quotes = quotes_of(spec, {"Eva Holm": "PER", "NTB": "ORG"})
    assert len(quotes) == 1
    assert quotes[0].text == "avtalen er klar" and quotes[0].speaker == "Eva Holm"
    assert not quotes[0].direct


def test_dashless_closing_attribution_by_a_description() -> None:
    spec = """
Styrken blir|VERB|bli i landet . Vi fortsetter|VERB|fortsette arbeidet , sier|VERB|si kilden .
Havna stenger|VERB|stenge i kveld , opplyser|VERB|opplyse en talsmann for rederiet .
"""
    _, quotes = quotes_of(spec, {})
    direct = [q for q in quotes if q.direct]
    reported = [q for q in quotes if not q.direct]
    assert direct[0].text == "Styrken blir i landet . Vi fortsetter arbeidet"
    assert direct[0].speaker == "kilden"
    assert reported[0].text == "Havna stenger i kveld"
    assert reported[0].speaker == "en talsmann for rederiet"


def test_dash_quote_attributed_in_the_next_sentence() -> None:
    spec = """
– Kampen fortsetter|VERB|fortsette .
Det sa|VERB|si Ola Vik til Reuters onsdag .
"""
    _, quotes = quotes_of(spec, {"Ola Vik": "PER", "Reuters": "ORG"})
    assert by_text(quotes)["Kampen fortsetter"].speaker == "Ola Vik"


def test_guillemet_quote_takes_the_clause_subject() -> None:
    spec = "Departementet kalte|VERB|kalle forslaget « en dårlig spøk » ."
    _, quotes = quotes_of(spec, {"Departementet": "ORG"})
    assert by_text(quotes)["en dårlig spøk"].speaker == "Departementet"


def test_ifolge_reports_the_rest_of_the_sentence() -> None:
    spec = "Ifølge Statens vegvesen er|AUX|være veien stengt ."
    _, quotes = quotes_of(spec, {"Statens vegvesen": "ORG"})
    assert by_text(quotes)["er veien stengt"].speaker == "Statens vegvesen"


def test_spans_are_absolute_when_the_article_starts_later() -> None:
    prefix = " date 2024-03-01 – "
    spec = "– Det går bra , sier|VERB|si Nils Berg ."
    article, quotes = quotes_of(spec, {"Nils Berg": "PER"}, prefix=prefix)
    assert quotes and all(article.document.text[s:e] == q.text for q in quotes for s, e in [q.span])
    assert quotes[0].span[0] >= len(prefix)


def test_a_denial_reports_what_is_denied() -> None:
    spec = "Rederiet avviser|VERB|avvise at skipet var|AUX|være overlastet ."
    _, quotes = quotes_of(spec, {"Rederiet": "ORG"})
    assert [(q.text, q.speaker, q.direct) for q in quotes] == [("skipet var overlastet", "Rederiet", False)]


def test_hopes_and_fears_are_not_speech() -> None:
    spec = "Mange håper|VERB|håpe at striden er|AUX|være over ."
    _, quotes = quotes_of(spec, {})
    assert quotes == []


def test_reported_speech_nested_in_a_direct_quote_is_left_out() -> None:
    spec = "– Naboen har|AUX|ha fortalt|VERB|fortelle at hun så|VERB|se brannen , sier|VERB|si Per Dahl ."
    _, quotes = quotes_of(spec, {"Per Dahl": "PER"})
    assert [(q.text, q.speaker, q.direct) for q in quotes] == [
        ("Naboen har fortalt at hun så brannen", "Per Dahl", True)]


def test_a_run_of_dash_paragraphs_takes_the_speaker_named_at_its_end() -> None:
    spec = """
– Vi har|AUX|ha gjort|VERB|gjøre alt vi kan .
– Nå må|AUX|måtte andre ta|VERB|ta over , sier|VERB|si Lise Dahl .
"""
    _, quotes = quotes_of(spec, {"Lise Dahl": "PER"})
    assert [q.speaker for q in quotes] == ["Lise Dahl", "Lise Dahl"]


def test_the_name_in_apposition_is_the_speaker() -> None:
    spec = ("Forsvareren til mannen , advokat|NOUN|advokat Tor Lie , opplyser|VERB|opplyse "
            "at klienten nekter|VERB|nekte .")
    _, quotes = quotes_of(spec, {"Tor Lie": "PER"})
    assert [(q.text, q.speaker) for q in quotes] == [("klienten nekter", "Tor Lie")]


def test_words_in_guillemets_before_a_written_attribution_are_direct() -> None:
    spec = "« Vi holder fast ved planen . Den er god » , skriver|VERB|skrive Nils Berg i en e-post ."
    _, quotes = quotes_of(spec, {"Nils Berg": "PER"})
    assert [(q.text, q.speaker, q.direct) for q in quotes] == [
        ("Vi holder fast ved planen . Den er god", "Nils Berg", True)]
