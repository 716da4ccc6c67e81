"""The bokmål full-form table of spacy-lookups-data, which the lemma-case component and the
recognizer's dictionary feature both read (loaded on first need, once per process)."""

from __future__ import annotations

from functools import cache

# Universal POS -> the table's part of speech.
LOOKUP_POS = {"NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj", "ADV": "adv"}


@cache
def lemma_exceptions() -> dict[str, dict[str, list[str]]]:
    """spacy-lookups-data's bokmål full-form table (noun/verb/adj/adv): form -> lemmas, per part of speech."""
    from spacy.lookups import load_lookups

    table = load_lookups("nb", ["lemma_exc"]).get_table("lemma_exc")
    return {pos: table[pos] for pos in set(LOOKUP_POS.values())}
