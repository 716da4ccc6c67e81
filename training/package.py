"""Merge a trained tagger/parser pipeline and entity recognizer into the packaged model directory.

python training/package.py training/output/nb-syntax/model-best training/output/nb-ner/model-best \
    src/nyhetsgraf/models/nb
"""

from __future__ import annotations

import sys
from pathlib import Path

from nyhetsgraf.nlp.train import merge_and_package

if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python training/package.py SYNTAX_MODEL NER_MODEL DESTINATION")
    print(merge_and_package(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
