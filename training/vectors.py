"""Train the floret vectors for one language: python training/vectors.py nb training/vectors/nb"""

from __future__ import annotations

import sys
from pathlib import Path

from nyhetsgraf.nlp.train import train_vectors

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/vectors.py {nb|nn} OUTPUT_DIR")
    print(train_vectors(sys.argv[1], Path(sys.argv[2])))
