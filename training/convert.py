"""Convert NorNE (NDT format) to spaCy DocBin files: python training/convert.py nb training/corpus/nb"""

from __future__ import annotations

import sys
from pathlib import Path

from nyhetsgraf.nlp.train import convert_norne

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/convert.py {nb|nn} OUTPUT_DIR")
    for split, path in convert_norne(sys.argv[1], Path(sys.argv[2])).items():
        print(f"{split}: {path}")
