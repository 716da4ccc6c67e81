"""Property tests (issue 17): segmentation keeps exact, ordered, disjoint spans; any bytes given to the
readers end in documents or one-line problems, never a traceback."""

from __future__ import annotations

import gzip
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nyhetsgraf.ingest import Problem, read_articles

LINES = [
    "Ny skole på Hamar til 300 millioner",
    "Kommunestyret vedtok tirsdag å bygge en ny barneskole på Hamar.",
    "– Vi er glade, sier rektor Kari Holmen.",
    "Skolen skal stå klar om tre år.Minst 50 elever venter.",
    "Krevende år",
    " date 2024-01-02 – Brann i Bodø",
    "date 2023-05 - Streik i havna",
    "",
    "   ",
    "«Dette er et sitat» sa hun.",
    "Ordfører Per Hansen (Ap) er fornøyd. Han sier at byggingen starter i mai, og at alle er enige.",
]
_DATE_PREFIX_LINE = re.compile(r"(?m)^\s*date\s+\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\s*[–—-](?!\d))?")


def _read(data: bytes, name: str = "input.txt") -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        articles = list(read_articles([str(path)], problems.append))
    return articles, problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.sampled_from(LINES), max_size=30), crlf=st.booleans())
def test_segmentation_spans_are_exact_ordered_disjoint_and_cover_the_text(lines: list[str],
                                                                          crlf: bool) -> None:
    text = "\n".join(lines)
    data = text.replace("\n", "\r\n") if crlf else text
    articles, problems = _read(data.encode("utf-8"))
    assert all(not p.partial for p in problems)
    end = 0
    for article in articles:
        start, stop = article.span
        assert end <= start < stop <= len(text)
        assert text[start:stop] == article.text
        block_end = start
        for block in article.blocks:
            assert block_end <= block.span[0] < block.span[1] <= stop
            block_end = block.span[1]
        end = stop
    # Whatever no article holds is white space or a dump's date prefix.
    spans = [a.span for a in articles]
    starts, ends = [0, *(e for _, e in spans)], [*(s for s, _ in spans), len(text)]
    gaps = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    for gap in gaps:
        assert not _DATE_PREFIX_LINE.sub("", gap).strip(), gap


FORMAT_HEADS = [b"", b"WARC/1.0\r\n", b"{", b'{"text": ', b"[", b"[{", b"<rss>", b"<html>", b"\xef\xbb\xbf",
                b" date 2024-01-01 \xe2\x80\x93 ", b'{"text": "Hei"}\n',
                b"<?xml version='1.0'?><!DOCTYPE x ["]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.sampled_from(FORMAT_HEADS), body=st.binary(max_size=600), packed=st.booleans(),
       cut=st.integers(min_value=0, max_value=64))
def test_any_bytes_give_documents_or_one_line_problems(head: bytes, body: bytes, packed: bool,
                                                       cut: int) -> None:
    data = head + body
    if packed:
        data = gzip.compress(data)
        data = data[: max(2, len(data) - cut)]  # sometimes cut short
    articles, problems = _read(data)
    for problem in problems:
        assert problem.message and "\n" not in problem.message and len(problem.message) < 400
    for article in articles:
        assert article.text.strip()
        assert article.span[0] < article.span[1]
