"""Bad inputs: each gives a clear one-line Problem, and the other inputs are still read."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

import pytest

import nyhetsgraf.ingest
from nyhetsgraf.ingest import Problem, read_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
GOOD = FIXTURES / "to_saker.txt"


def _read(*paths: Path | str) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    documents = list(read_documents([str(p) for p in paths], problems.append))
    for problem in problems:
        assert "\n" not in problem.message and problem.message
    return documents, problems


def _good_still_read(documents: list) -> bool:
    return any(d.source == str(GOOD) for d in documents)


def test_nonexistent_path_is_fatal_and_others_are_read(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke.txt"
    documents, problems = _read(missing, GOOD)
    assert problems == [Problem(str(missing), "no such file or directory", True)]
    assert _good_still_read(documents)


def test_unreadable_file_is_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "låst.txt"
    locked.write_text("Hemmelig.", encoding="utf-8")

    def refuse(path: str, mode: str = "r") -> io.BufferedReader:
        if path == str(locked):
            raise PermissionError(13, "Permission denied")
        return open(path, mode)  # noqa: SIM115 - handed to the reader, which closes it

    monkeypatch.setattr(nyhetsgraf.ingest, "open", refuse, raising=False)
    documents, problems = _read(locked, GOOD)
    assert problems == [Problem(str(locked), "cannot read: Permission denied", True)]
    assert _good_still_read(documents)


def test_glob_without_matches_is_fatal(tmp_path: Path) -> None:
    _, problems = _read(tmp_path / "*.jsonl")
    assert [p.fatal for p in problems] == [True]
    assert "no files match" in problems[0].message


def test_directory_without_articles_is_fatal(tmp_path: Path) -> None:
    (tmp_path / ".skjult.txt").write_text("Skjult tekst.", encoding="utf-8")
    documents, problems = _read(tmp_path, GOOD)
    assert problems == [Problem(str(tmp_path), "no readable articles in directory", True)]
    assert _good_still_read(documents)


def test_binary_file_is_fatal(tmp_path: Path) -> None:
    binary = tmp_path / "bilde.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    documents, problems = _read(binary, GOOD)
    assert problems == [Problem(str(binary), "binary file, not text", True)]
    assert _good_still_read(documents)


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    noisy = tmp_path / "støy.txt"
    noisy.write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08abc" * 200)
    _, problems = _read(noisy)
    assert problems and problems[0].fatal


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ordføreren i Tønsberg er syk.".encode("latin-1"))
    [document], problems = _read(path)
    assert problems == [Problem(str(path), "invalid UTF-8 bytes replaced with U+FFFD", False)]
    assert document.text == "Ordf\ufffdreren i T\ufffdnsberg er syk."


def test_empty_and_blank_files_are_fatal(tmp_path: Path) -> None:
    empty, blank = tmp_path / "tom.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_bytes(b"  \n\n \n")
    documents, problems = _read(empty, blank, GOOD)
    assert problems == [Problem(str(empty), "empty input", True), Problem(str(blank), "empty input", True)]
    assert _good_still_read(documents)


_MEMORY_PROBE = """
import resource, sys
from nyhetsgraf.ingest import read_articles
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
problems, count, last = [], 0, None
for article in read_articles([sys.argv[1]], problems.append):
    count, last = count + 1, article
grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(count, last.index, last.span[0], last.span[1], last.date, len(problems), grown_kib)
"""


def _big_text(path: Path, target_bytes: int) -> tuple[int, str]:
    """Write many numbered invented articles; return how many and the text of the last one."""
    paragraph = ("Mannskaper fra tre brannstasjoner var på stedet i flere timer før brannen var slukket. "
                 "Kommunen vil rydde tomten så raskt som mulig, og eieren vil bygge opp igjen hallen.\n\n")
    # Each article opens with its own date line, as corpus dumps write them.
    prefix = " date 2022-02-02 – "
    article = ("Brann i lagerhall nummer {n}\n\nEt lagerbygg brant ned natt til torsdag. Ingen personer ble "
               "skadd, opplyser politiet, som mener brannen startet i et teknisk rom.\n\n" + paragraph * 12)
    block = "".join(prefix + article.format(n=n) for n in range(100)).encode("utf-8")
    repeats = target_bytes // len(block) + 1
    with open(path, "wb") as stream:
        for _ in range(repeats):
            stream.write(block)
    return repeats * 100, article.format(n=99).rstrip()


@pytest.mark.slow
def test_large_text_file_is_streamed_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    expected_count, last_text = _big_text(path, 50 * 1024 * 1024)
    # A fresh interpreter, so that its peak memory reflects this input alone.
    result = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path)], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])
    count, last_index, start, end, date, problem_count, grown_kib = result.stdout.split()
    assert int(count) == expected_count and int(last_index) == expected_count - 1
    assert date == "2022-02-02" and problem_count == "0"
    assert int(grown_kib) < 200 * 1024
    with open(path, encoding="utf-8") as stream:  # offsets count in the whole file
        assert stream.read()[int(start):int(end)] == last_text


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "rot.html"
    path.write_text("<html><body><p>Veien er stengt etter et ras i natt.<div><p>Ingen ble skadd <b>i raset",
                    encoding="utf-8")
    documents, _ = _read(path, GOOD)
    assert _good_still_read(documents)
    html_documents = [d for d in documents if d.source == str(path)]
    assert html_documents and "ras i natt" in html_documents[0].text


def test_malformed_feed_xml_is_reported_and_read_best_effort(tmp_path: Path) -> None:
    path = tmp_path / "brukket.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Avis</title>'
                    "<item><title>Ras i Stryn</title><description>Et ras stengte veien.</description></item>"
                    "<item><title>Uten slutt", encoding="utf-8")
    documents, problems = _read(path, GOOD)
    assert problems and not problems[0].fatal and "malformed feed XML" in problems[0].message
    assert _good_still_read(documents)


def test_billion_laughs_feed_is_refused(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    path = tmp_path / "latter.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
                    "<rss><channel><item><title>&lol9;</title><description>&lol9;</description></item>"
                    "</channel></rss>", encoding="utf-8")
    documents, problems = _read(path, GOOD)
    assert [(p.source, p.fatal) for p in problems] == [(str(path), True)]
    assert "entity" in problems[0].message
    assert [d.source for d in documents] == [str(GOOD)]


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    data = gzip.compress(GOOD.read_bytes() * 50)
    path = tmp_path / "kuttet.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    [document], problems = _read(path)
    assert len(problems) == 1 and not problems[0].fatal
    assert "truncated gzip" in problems[0].message
    original = GOOD.read_text(encoding="utf-8") * 50
    assert len(document.text) > 100 and original.startswith(document.text)


def test_truncated_warc_keeps_complete_records(tmp_path: Path) -> None:
    from tests.test_ingest_readers import _write_warc

    html = (FIXTURES / "artikkel.html").read_text(encoding="utf-8")
    whole = tmp_path / "hel.warc"
    _write_warc(whole, [(f"https://dalen.example/{n}", html) for n in range(3)], gzipped=True)
    data = whole.read_bytes()
    path = tmp_path / "kuttet.warc.gz"
    path.write_bytes(data[: len(data) * 5 // 6])
    documents, problems = _read(path, GOOD)
    warc_documents = [d for d in documents if d.source.startswith(str(path))]
    assert 1 <= len(warc_documents) < 3
    assert [p.fatal for p in problems] == [False]
    assert "truncated" in problems[0].message
    assert _good_still_read(documents)
