"""Readers: each input format, gzip, directories and globs, and format detection from content."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

from nyhetsgraf.ingest import Problem, read_articles, read_documents
from nyhetsgraf.ingest.formats import detect_format

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _documents(*paths: Path | str) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    return list(read_documents([str(p) for p in paths], problems.append)), problems


def test_plain_text_keeps_the_whole_input_and_parses_the_date_prefix() -> None:
    path = FIXTURES / "to_saker.txt"
    [document], problems = _documents(path)
    assert problems == []
    assert document.format == "text"
    assert document.text == path.read_text(encoding="utf-8")
    assert document.date == "2021-03-04"
    assert document.text[document.body_start:].startswith("Fergen til Hareid")
    assert document.source == str(path)


def test_jsonl_fields_map_to_the_document_and_extra_fields_stay_in_meta() -> None:
    documents, problems = _documents(FIXTURES / "saker.jsonl")
    assert problems == []
    assert [d.record for d in documents] == [0, 1]
    first, second = documents
    assert first.title == "Nytt sykehus åpnet i Kristiansand"
    assert first.text.startswith("Det nye sykehusbygget ble åpnet fredag.")
    assert first.date == "2022-11-18"
    assert first.url == "https://sorposten.example/sykehus"
    assert first.meta == {"section": "helse", "source_name": "Sørposten"}
    assert second.text.startswith("Reiselivet i Lofoten")  # from "body"
    assert second.date == "2023-08-31"  # from "published"


def test_html_page_gives_main_text_title_date_and_author() -> None:
    [document], problems = _documents(FIXTURES / "artikkel.html")
    assert document.format == "html"
    assert document.title == "Flom stengte E16 i Valdres"
    assert document.date == "2023-08-08"
    assert document.author == "Ingrid Nes"
    assert document.text.startswith("E16 ble stengt ved Fagernes")
    assert "Forsiden" not in document.text and "Kontakt oss" not in document.text
    assert "\n\nVenter mer regn\n\n" in document.text  # paragraphs stay apart for segmentation


def test_rss_entries_become_documents_with_html_stripped() -> None:
    documents, problems = _documents(FIXTURES / "nyheter.rss.xml")
    assert problems == []
    assert [d.title for d in documents] == ["Ny hurtigbåt satt i rute", "Fiskere protesterer mot nye kvoter"]
    assert documents[0].text == (
        "Den nye elektriske hurtigbåten gikk sin første tur mandag.\n\n"
        "Båten tar 120 passasjerer og skal trafikkere ruten mellom Florø og Bergen."
    )
    assert documents[0].url == "https://kystavisa.example/hurtigbat"
    assert documents[0].date == "2023-10-02T08:00:00Z"
    assert documents[1].meta["source_name"] == "Kystavisa"


def test_atom_entry_content() -> None:
    [document], _ = _documents(FIXTURES / "nyheter.atom.xml")
    assert document.format == "feed"
    assert document.title == "Skredfare i Romsdalen"
    assert document.text.startswith("Varsom.no har hevet skredfaren")
    assert "<p>" not in document.text


def _write_warc(path: Path, pages: list[tuple[str, str]], gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_html_responses_go_through_the_html_reader(tmp_path: Path, gzipped: bool) -> None:
    html = (FIXTURES / "artikkel.html").read_text(encoding="utf-8")
    path = tmp_path / "arkiv.warc"
    _write_warc(path, [("https://dalen.example/flom", html), ("https://dalen.example/flom2", html)], gzipped)
    documents, problems = _documents(path)
    assert problems == []
    assert [d.format for d in documents] == ["html", "html"]
    assert [d.url for d in documents] == ["https://dalen.example/flom", "https://dalen.example/flom2"]
    assert documents[0].source == f"{path}#https://dalen.example/flom"
    assert documents[1].record == 1
    assert documents[0].title == "Flom stengte E16 i Valdres"


@pytest.mark.parametrize("name", ["to_saker.txt", "saker.jsonl", "nyheter.rss.xml", "artikkel.html"])
def test_gzip_versions_read_like_the_originals(tmp_path: Path, name: str) -> None:
    original = FIXTURES / name
    packed = tmp_path / (name + ".gz")
    packed.write_bytes(gzip.compress(original.read_bytes()))
    plain, _ = _documents(original)
    unpacked, problems = _documents(packed)
    assert problems == []
    assert [(d.text, d.title, d.date) for d in unpacked] == [(d.text, d.title, d.date) for d in plain]


@pytest.mark.parametrize(
    ("fixture", "misleading_name", "expected"),
    [
        ("saker.jsonl", "saker.txt", "jsonl"),
        ("nyheter.rss.xml", "nyheter.html", "feed"),
        ("artikkel.html", "artikkel.json", "html"),
        ("to_saker.txt", "to_saker.xml", "text"),
    ],
)
def test_format_comes_from_content_not_extension(tmp_path: Path, fixture: str, misleading_name: str,
                                                 expected: str) -> None:
    path = tmp_path / misleading_name
    shutil.copy(FIXTURES / fixture, path)
    documents, _ = _documents(path)
    assert documents and {d.format for d in documents} == {expected}


def test_detect_format_from_first_bytes() -> None:
    assert detect_format(b"WARC/1.1\r\nWARC-Type: warcinfo") == "warc"
    assert detect_format(b'  {"text": "Hei"}\n{"text": "Hallo"}') == "jsonl"
    assert detect_format(b'<?xml version="1.0"?>\n<rss version="2.0">') == "feed"
    assert detect_format(b"<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert detect_format(b"<!DOCTYPE html><html><body>") == "html"
    assert detect_format(b" date 2020-01 - Tekst") == "text"
    assert detect_format(b'[{"text": "Hei"}]') == "json"


@pytest.mark.parametrize("content", [
    '[\n  {"title": "Ny bro", "text": "Broa over fjorden åpnet i dag."}\n]',
    '{\n  "title": "Ny bro",\n  "text": "Broa over fjorden åpnet i dag."\n}',
])
def test_whole_file_json_object_or_array(tmp_path: Path, content: str) -> None:
    path = tmp_path / "sak.json"
    path.write_text(content, encoding="utf-8")
    [document], problems = _documents(path)
    assert problems == []
    assert (document.format, document.title) == ("jsonl", "Ny bro")
    assert document.text == "Broa over fjorden åpnet i dag."


def test_text_opening_with_a_brace_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "klamme.txt"
    path.write_text("{Dette er ikke JSON} sa han.\n", encoding="utf-8")
    [document], _ = _documents(path)
    assert document.format == "text" and document.text == "{Dette er ikke JSON} sa han.\n"


def test_directory_is_read_recursively_skipping_hidden_files_and_code(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(FIXTURES / "to_saker.txt", tmp_path / "a" / "en.txt")
    shutil.copy(FIXTURES / "nynorsk.txt", tmp_path / "to.txt")
    (tmp_path / ".skjult.txt").write_text("Skal ikke leses.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Heller ikke denne.", encoding="utf-8")
    (tmp_path / "lag_arkiv.py").write_text('"""Bygger arkivet."""\nprint("ferdig")\n', encoding="utf-8")
    documents, problems = _documents(tmp_path)
    assert problems == []
    assert [Path(d.source).name for d in documents] == ["en.txt", "to.txt"]
    assert documents[0].source == str(tmp_path / "a" / "en.txt")


def test_glob_pattern_and_article_index_per_input_file(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "to_saker.txt", tmp_path / name)
    articles = list(read_articles([str(tmp_path / "*.txt")]))
    assert [(Path(a.document.source).name, a.index) for a in articles] == [
        ("a.txt", 0), ("a.txt", 1), ("b.txt", 0), ("b.txt", 1)]


def test_index_keeps_counting_across_records_of_one_file() -> None:
    articles = list(read_articles([str(FIXTURES / "nyheter.rss.xml")]))
    assert [(a.document.record, a.index) for a in articles] == [(0, 0), (1, 1)]
    assert articles[0].title == "Ny hurtigbåt satt i rute"


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "nynorsk.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [document], _ = _documents("-")
    assert document.source == "-"
    assert document.text == data.decode("utf-8")
    assert document.date == "2022-06"


def test_crlf_input_is_read_with_universal_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes((FIXTURES / "to_saker.txt").read_bytes().replace(b"\n", b"\r\n"))
    [document], _ = _documents(path)
    assert document.text == path.read_text(encoding="utf-8")  # what Python's text mode gives
