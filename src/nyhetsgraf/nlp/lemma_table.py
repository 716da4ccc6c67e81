"""How the pipeline's parts of speech map onto the bokmål full-form table
(`nyhetsgraf.resources.fullforms`), which the lemma-case component and the recognizer's dictionary
feature both read."""

from __future__ import annotations

# Universal POS -> the table's part of speech.
LOOKUP_POS = {"NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj", "ADV": "adv"}
