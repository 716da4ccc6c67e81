"""Build the compact bokmål full-form table shipped with nyhetsgraf (resources/data/fullforms.tsv.gz).

    python training/build_fullforms.py      # reads spacy-lookups-data's nb_lemma_exc.json.gz

The source is spacy-lookups-data's bokmål lemma exception table (about 587,000 forms of nouns,
verbs, adjectives and adverbs, 24 MB of JSON that took a second and 300 MB to parse at start-up).
The shipped file has one line per form, sorted by its UTF-8 bytes so that a reader can binary-search
it without building a dict: the form, then one tab-separated field per part of speech that has the
form, ``<pos>=<lemma>|<lemma>...`` with pos ``adj``, ``adv``, ``noun`` or ``verb`` and the lemmas in
the table's order. It is gzip-compressed with mtime 0, so the build is reproducible byte for byte.
`nyhetsgraf.resources.fullforms` reads it; ``pip install .`` only copies it.
"""

from __future__ import annotations

import gzip
import json
from importlib.resources import files
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "nyhetsgraf" / "resources" / "data"
DESTINATION = DATA / "fullforms.tsv.gz"
PARTS_OF_SPEECH = ("adj", "adv", "noun", "verb")
SEPARATORS = ("\t", "\n", "=", "|")


def source_table() -> dict[str, dict[str, list[str]]]:
    """spacy-lookups-data's bokmål full-form table: part of speech -> form -> lemmas."""
    raw = files("spacy_lookups_data").joinpath("data", "nb_lemma_exc.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def table_lines(table: dict[str, dict[str, list[str]]]) -> list[str]:
    """One line per form, sorted by UTF-8 bytes (the order the reader's binary search expects)."""
    if sorted(table) != list(PARTS_OF_SPEECH):
        raise SystemExit(f"unexpected parts of speech in the source table: {sorted(table)}")
    by_form: dict[str, list[str]] = {}
    for pos in PARTS_OF_SPEECH:
        for form, lemmas in table[pos].items():
            for text in (form, *lemmas):
                if not text or any(separator in text for separator in SEPARATORS):
                    raise SystemExit(f"a form or lemma the format cannot hold: {text!r}")
            by_form.setdefault(form, []).append(f"{pos}={'|'.join(lemmas)}")
    return sorted((f"{form}\t" + "\t".join(fields) for form, fields in by_form.items()),
                  key=lambda line: line.split("\t", 1)[0].encode("utf-8"))


def main() -> None:
    lines = table_lines(source_table())
    text = "\n".join(lines) + "\n"
    DESTINATION.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{DESTINATION.name}: {len(lines):,} forms, {DESTINATION.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
