"""Build the list of common Norwegian words shipped with nyhetsgraf (resources/data/common_words.txt.gz).

    python training/build_words.py [RAW_TEXT_DIR]     # default: ../shared/data/raw-text

One lower-case word per line: every word written in lower case at least MIN_COUNT times in the
openly licensed running text of RAW_TEXT_DIR (bokmål and nynorsk news sentences, government
documents and laws; see its README for sources and licences). The entity recognizer's gazetteer
features use it to tell a capitalised common word ("Seinare", "Truleg", "Grekarane") from a name:
the full-form dictionary is bokmål only and misses most nynorsk forms. Only the word list ships,
none of the text.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESTINATION = ROOT / "src" / "nyhetsgraf" / "resources" / "data" / "common_words.txt.gz"
DEFAULT_RAW_TEXT = ROOT.parent / "shared" / "data" / "raw-text"
MIN_COUNT = 3
LOWER_CASE_WORD = re.compile(r"(?<![\w-])[a-zæøåäöüéèêóòô][a-zæøåäöüéèêóòô-]*(?![\w-])")


def lower_case_words(raw_text: Path, min_count: int = MIN_COUNT) -> list[str]:
    counts: Counter[str] = Counter()
    for path in sorted(raw_text.glob("*/*.txt")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                counts.update(LOWER_CASE_WORD.findall(line))
    return sorted(word for word, count in counts.items() if count >= min_count and not word.endswith("-"))


def main(argv: list[str]) -> int:
    raw_text = Path(argv[0]) if argv else DEFAULT_RAW_TEXT
    if not raw_text.is_dir():
        print(f"error: raw text folder not found: {raw_text}", file=sys.stderr)
        return 2
    words = lower_case_words(raw_text)
    DESTINATION.write_bytes(gzip.compress("".join(f"{word}\n" for word in words).encode("utf-8"), mtime=0))
    print(f"{DESTINATION.name}: {len(words)} words, {DESTINATION.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
