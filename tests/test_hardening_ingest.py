"""Real corpus dumps and hostile input (issue 17): each test reproduces one repro of the issue."""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nyhetsgraf.cli import app
from nyhetsgraf.ingest import Problem, read_articles, read_documents
from nyhetsgraf.ingest.jsonrecords import iso_date, validate_record
from nyhetsgraf.ingest.streams import GunzipStream, incomplete_utf8_tail

runner = CliRunner()

BODY = ("Kommunestyret vedtok tirsdag å bygge en ny barneskole på Hamar. Skolen skal stå klar om tre år, "
        "og prislappen er beregnet til 300 millioner kroner.")


def _articles(path: Path) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    return list(read_articles([str(path)], problems.append)), problems


def _cli(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# -- item 2: every date line of a dump starts an article with that date -----------------------------

def test_issue_repro_two_date_lines_give_two_articles_with_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    text = " date 2024-01-01 – A\nTekst.\n\n date 2024-01-02 – B\nTekst.\n"
    path.write_text(text, encoding="utf-8")
    result = _cli("extract", "--no-nlp", path)
    assert result.exit_code == 0
    objects = _jsonl(result.stdout)
    assert [(o["date"], o["title"], o["index"]) for o in objects] == [
        ("2024-01-01", "A", 0), ("2024-01-02", "B", 1)]
    assert [text[o["span"][0]:o["span"][1]] for o in objects] == ["A\nTekst.", "B\nTekst."]


def test_a_dump_of_many_dated_articles_is_split_at_every_date_line(tmp_path: Path) -> None:
    dates = [f"2023-0{month}-1{day}" for month in range(1, 10) for day in range(3)]
    text = "".join(f" date {date} – Nyhet nummer {n} fra Hamar\n{BODY}\n"
                   for n, date in enumerate(dates))
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    articles, problems = _articles(path)
    assert problems == []
    assert [a.date for a in articles] == dates
    assert [a.title for a in articles] == [f"Nyhet nummer {n} fra Hamar" for n in range(len(dates))]
    assert all(a.text.endswith("300 millioner kroner.") for a in articles)
    assert [a.index for a in articles] == list(range(len(dates)))


def test_a_sentence_starting_with_date_and_a_year_is_no_article_start(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(f" date 2024-05-01 – Ny skole\n{BODY}\ndate 2024 ble et godt år for skolen.\n",
                    encoding="utf-8")
    articles, _ = _articles(path)
    assert len(articles) == 1 and articles[0].text.endswith("godt år for skolen.")


def test_date_lines_also_split_a_gzip_dump(tmp_path: Path) -> None:
    text = "".join(f" date 2022-02-0{n} – Sak {n} om skolen\n{BODY}\n\n" for n in range(1, 6))
    path = tmp_path / "dump.txt.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    articles, problems = _articles(path)
    assert problems == [] and [a.date for a in articles] == [f"2022-02-0{n}" for n in range(1, 6)]
    assert [text[a.span[0]:a.span[1]] for a in articles] == [a.text for a in articles]


# -- item 3: gzip and JSON Lines are streamed; decompression bombs refused ---------------------------

def test_gzip_input_is_read_in_pieces_not_whole(tmp_path: Path) -> None:
    import random

    words = random.Random(7).choices(BODY.split() + [str(n) for n in range(1000)], k=600_000)
    paragraphs = [" ".join(words[k:k + 150]) + "." for k in range(0, len(words), 150)]
    text = "".join(f" date 2021-01-01 – Nummer {n}\n{p}\n" for n, p in enumerate(paragraphs))
    path = tmp_path / "stor.txt.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=1))
    consumed_at_first: list[int] = []
    stream = path.open("rb")
    original_read = stream.read

    def counting_read(size: int = -1) -> bytes:
        assert size != -1, "the whole file was asked for at once"
        return original_read(size)

    stream.read = counting_read  # type: ignore[method-assign]
    from nyhetsgraf.ingest import _read_stream

    documents = _read_stream(str(path), stream, lambda problem: None)
    first = next(documents)
    consumed_at_first.append(stream.tell())
    rest = list(documents)
    stream.close()
    assert first.date == "2021-01-01" and len(rest) == len(paragraphs) - 1
    assert consumed_at_first[0] < path.stat().st_size / 4


def test_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mange.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for n in range(3000):
            stream.write(json.dumps({"title": f"Sak {n}", "text": BODY, "date": "2020-01-01"}) + "\n")
    handle = path.open("rb")
    from nyhetsgraf.ingest import _read_stream

    documents = _read_stream(str(path), handle, lambda problem: None)
    next(documents)
    position = handle.tell()
    remaining = sum(1 for _ in documents)
    handle.close()
    assert remaining == 2999
    assert position < path.stat().st_size / 2


def _bomb(path: Path, megabytes: int) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    with path.open("wb") as stream:
        block = b"a" * (1 << 20)
        for _ in range(megabytes):
            stream.write(compressor.compress(block))
        stream.write(compressor.flush())


def test_issue_repro_a_gzip_bomb_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bombe.txt.gz"
    _bomb(path, 300)
    assert path.stat().st_size < 1 << 20  # 300 MB of output from under 1 MB
    articles, problems = _articles(path)
    assert articles == []
    assert len(problems) == 1 and problems[0].fatal and "decompression bomb" in problems[0].message
    result = _cli("extract", "--no-nlp", path)
    assert result.exit_code == 1 and result.stdout == ""


def test_a_bomb_on_a_pipe_is_stopped_while_read() -> None:
    raw = io.BytesIO()
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    raw.write(compressor.compress(b"Tekst. " * ((200 << 20) // 7)) + compressor.flush())
    stream = GunzipStream(io.BytesIO(raw.getvalue()))
    total = 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
    assert stream.refused and total < 16 << 20 and "decompression bomb" in (stream.problem or "")


def test_highly_compressible_but_small_gzip_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gjentatt.txt.gz"
    path.write_bytes(gzip.compress((f"Sak om skolen\n\n{BODY}\n\n" * 5000).encode("utf-8")))
    articles, problems = _articles(path)
    assert problems == [] and articles


def test_truncated_gzip_never_ends_in_half_a_character() -> None:
    data = gzip.compress(("Tromsø " * 100_000).encode("utf-8"))
    for cut in (len(data) // 3, len(data) // 2 + 1, len(data) - 9):
        stream = GunzipStream(io.BytesIO(data[:cut]))
        out = stream.read()
        assert stream.truncated and "truncated" in (stream.problem or "")
        out.decode("utf-8")  # raises if a character was cut in half
    assert incomplete_utf8_tail("ø".encode()[:1]) == 1 and incomplete_utf8_tail(b"abc") == 0


def test_multi_member_gzip_with_padding_is_read_whole() -> None:
    data = gzip.compress("Første del. ".encode()) + b"\x00" * 1000 + gzip.compress(b"Andre del.")
    stream = GunzipStream(io.BytesIO(data))
    assert stream.read() == b"F\xc3\xb8rste del. Andre del." and stream.problem is None


# -- item 7: JSON Lines fields validated ------------------------------------------------------------

def test_issue_repro_bad_jsonl_fields_are_nulled_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "felt.jsonl"
    records = [
        {"text": BODY, "date": "not-a-date", "title": "Ny skole"},
        {"text": BODY, "date": "2024-02-30"},
        {"text": BODY, "title": {"main": "Hovedtittel", "sub": "Under"}, "date": "2024-03-05T10:00:00Z"},
        {"text": BODY, "published": "Tue, 05 Mar 2024 10:00:00 +0100", "author": ["Kari", "Ola"]},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    documents: list = []
    problems: list[Problem] = []
    documents = list(read_documents([str(path)], problems.append))
    assert [d.date for d in documents] == [None, None, "2024-03-05T10:00:00Z", "2024-03-05T10:00:00+01:00"]
    assert [d.title for d in documents] == ["Ny skole", None, None, None]
    assert documents[3].author is None
    messages = [p.message for p in problems]
    assert messages == [
        "line 1: field 'date' is 'not-a-date', not a date; left empty",
        "line 2: field 'date' is '2024-02-30', not a date; left empty",
        "line 3: field 'title' is an object, not text; left empty",
        "line 4: field 'author' is a list, not text; left empty",
    ]
    assert not any(p.lost_input for p in problems)
    result = _cli("extract", "--no-nlp", path)
    assert result.exit_code == 0
    assert [o["date"] for o in _jsonl(result.stdout)][:2] == [None, None]


def test_iso_dates_partial_and_epoch() -> None:
    assert iso_date("2024") == "2024" and iso_date("2024-03") == "2024-03"
    assert iso_date("2024-03-05 10:00") == "2024-03-05T10:00"
    assert iso_date(1_700_000_000) == "2023-11-14T22:13:20Z"
    for bad in ("2024-13", "i går", "", True, -5):
        with pytest.raises(ValueError):
            iso_date(bad)  # type: ignore[arg-type]


def test_record_without_usable_text_says_why() -> None:
    assert validate_record({"text": 42}) == (None, ["field 'text' is a number, not text"])
    assert validate_record({"body": "   "}) == (None, ["field 'body' is blank"])
    assert validate_record({"title": "x"}) == (None, ["no text, body or content field"])


# -- item 8: the output file may not be an input ----------------------------------------------------

def test_issue_repro_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text(f"Ny skole på Hamar\n\n{BODY}\n", encoding="utf-8")
    before = path.read_bytes()
    result = _cli("extract", "--no-nlp", "-o", path, path)
    assert result.exit_code == 2
    assert "one of the inputs" in result.stderr
    assert path.read_bytes() == before
    folder_result = _cli("extract", "--no-nlp", "-o", path, tmp_path)
    assert folder_result.exit_code == 2 and path.read_bytes() == before
    other = tmp_path / "ut.jsonl"
    assert _cli("extract", "--no-nlp", "-o", other, path).exit_code == 0
    assert _jsonl(other.read_text(encoding="utf-8"))[0]["title"] == "Ny skole på Hamar"


# -- item 9: no silent or misleading outcomes; the exit code says when input was lost ---------------

def _warc(path: Path, pages: int) -> bytes:
    from tests.test_ingest_readers import _write_warc

    html = (Path(__file__).resolve().parent / "fixtures" / "ingest" / "artikkel.html").read_text("utf-8")
    _write_warc(path, [(f"https://dalen.example/{n}", html) for n in range(pages)], gzipped=False)
    return path.read_bytes()


def test_issue_repro_truncated_plain_warc_warns_and_keeps_no_bogus_article(tmp_path: Path) -> None:
    data = _warc(tmp_path / "hel.warc", 2)
    path = tmp_path / "kuttet.warc"
    path.write_bytes(data[: len(data) * 3 // 4])
    documents: list = []
    problems: list[Problem] = []
    documents = list(read_documents([str(path)], problems.append))
    assert len(documents) == 1 and documents[0].url == "https://dalen.example/0"
    assert len(problems) == 1 and problems[0].partial and "truncated" in problems[0].message
    assert _cli("extract", "--no-nlp", path).exit_code == 1


def test_issue_repro_file_with_only_a_date_prefix_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bare-dato.txt"
    path.write_text(" date 2024-01-01 – \n", encoding="utf-8")
    result = _cli("extract", "--no-nlp", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert "no article text found" in result.stderr


def test_issue_repro_truncated_json_array_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "kuttet.json"
    whole = json.dumps([{"title": f"Sak {n}", "text": BODY} for n in range(3)], ensure_ascii=False)
    path.write_text(whole[: len(whole) * 5 // 6], encoding="utf-8")
    documents: list = []
    problems: list[Problem] = []
    documents = list(read_documents([str(path)], problems.append))
    assert [d.title for d in documents] == ["Sak 0", "Sak 1"] and {d.format for d in documents} == {"jsonl"}
    assert len(problems) == 1 and problems[0].partial and "truncated" in problems[0].message
    assert _cli("extract", "--no-nlp", path).exit_code == 1


@pytest.mark.parametrize("content", ["42", "true", "null", '"bare en streng"', "-3.5e2"])
def test_issue_repro_a_json_scalar_is_no_article(tmp_path: Path, content: str) -> None:
    path = tmp_path / "tall.json"
    path.write_text(content + "\n", encoding="utf-8")
    articles, problems = _articles(path)
    assert articles == [] and len(problems) == 1 and problems[0].fatal
    assert "not an article" in problems[0].message


def test_issue_repro_jsonl_text_that_is_a_number_says_so(tmp_path: Path) -> None:
    path = tmp_path / "tall.jsonl"
    path.write_text(json.dumps({"title": "Tall", "text": 42}) + "\n" + json.dumps({"text": BODY}) + "\n",
                    encoding="utf-8")
    articles, problems = _articles(path)
    assert len(articles) == 1
    assert [p.message for p in problems] == ["line 1: field 'text' is a number, not text; skipped"]
    assert problems[0].partial


def test_issue_repro_bad_jsonl_lines_and_truncated_gzip_exit_1(tmp_path: Path) -> None:
    bad_lines = tmp_path / "rot.jsonl"
    bad_lines.write_text(json.dumps({"text": BODY}) + "\n{ikke json\n", encoding="utf-8")
    result = _cli("extract", "--no-nlp", bad_lines)
    assert result.exit_code == 1 and len(_jsonl(result.stdout)) == 1
    assert "line 2: not valid JSON" in result.stderr
    packed = gzip.compress((f"Ny skole på Hamar\n\n{BODY}\n\n" * 200).encode("utf-8"))
    truncated = tmp_path / "kuttet.txt.gz"
    truncated.write_bytes(packed[: len(packed) // 2])
    result = _cli("extract", "--no-nlp", truncated)
    assert result.exit_code == 1 and _jsonl(result.stdout)
    assert "truncated gzip" in result.stderr
    db = tmp_path / "n.db"
    assert _cli("ingest", "--no-nlp", "--db", db, truncated).exit_code == 1
    good = tmp_path / "god.txt"
    good.write_text(f"Ny skole på Hamar\n\n{BODY}\n", encoding="utf-8")
    assert _cli("ingest", "--no-nlp", "--db", db, good).exit_code == 0


def test_a_note_alone_keeps_exit_code_0(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(f"Ny skole på Hamar\n\n{BODY}\n".encode("latin-1"))
    result = _cli("extract", "--no-nlp", path)
    assert result.exit_code == 0 and "U+FFFD" in result.stderr


def test_overlong_jsonl_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nyhetsgraf.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 4096)
    path = tmp_path / "lang.jsonl"
    path.write_text(json.dumps({"text": "x" * 10_000}) + "\n" + json.dumps({"text": BODY}) + "\n",
                    encoding="utf-8")
    articles, problems = _articles(path)
    assert [a.text for a in articles] == [BODY]
    assert problems[0].partial and "longer than" in problems[0].message


def test_whitespace_ahead_of_text_past_the_format_window_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "luft.txt"
    path.write_bytes(b" " * 70_000 + f"Ny skole på Hamar\n\n{BODY}\n".encode())
    articles, problems = _articles(path)
    assert problems == [] and articles[0].title == "Ny skole på Hamar"
    assert os.path.getsize(path) > 70_000


def test_jsonl_whose_first_record_is_longer_than_the_detection_window(tmp_path: Path) -> None:
    path = tmp_path / "lange.jsonl"
    long_text = " ".join([BODY] * 800)  # about 150 kB on one line
    path.write_text(json.dumps({"title": "Lang sak", "text": long_text}, ensure_ascii=False) + "\n"
                    + json.dumps({"title": "Kort sak", "text": BODY}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    articles, problems = _articles(path)
    assert problems == [] and [a.title for a in articles] == ["Lang sak", "Kort sak"]
