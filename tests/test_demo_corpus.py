"""The demo corpus in examples/demo is complete, well-formed and covers every input format.

These checks parse each format with plain libraries only, so they hold regardless of how the
readers in nyhetsgraf evolve.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

DEMO_DIR = Path(__file__).resolve().parents[1] / "examples" / "demo"

# ` date 2024-03-12 – ` and friends, as described in the extraction contract.
METADATA_LINE = re.compile(
    r"^\s*date (?P<date>\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?)?)?)"
    r"\s*[–—-]?\s*"
)
# A corpus dump glues articles together: "... må forlate landet.Minst 12 mennesker ..."
GLUED_ARTICLE_BOUNDARY = re.compile(r"(?<=[a-zæøå0-9][.!?])(?=[A-ZÆØÅ])")
MULTI_ARTICLE_TEXT_FILES = {"2024-08-20_to_saker.txt": 2, "2024-02-08_korpusdump.txt": 3}
JSONL_REQUIRED_FIELDS = {"text", "title", "date", "url", "source"}
# Function words that occur in nynorsk but not in bokmål.
NYNORSK_MARKERS = {"ikkje", "eg", "frå", "berre", "seier", "ho", "vart", "dei", "korleis", "noko", "fleire"}
MIN_ARTICLES = 32
MIN_NYNORSK_ARTICLES = 5
MIN_WORDS, MAX_WORDS = 150, 450


@dataclass(frozen=True)
class DemoArticle:
    origin: str
    text: str


class _ParagraphCollector(HTMLParser):
    """Collects the text of <h1>, <h2> and <p> elements inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.tags: list[str] = []
        self._in_article = False
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and values.get("content"):
                self.meta[key] = values["content"] or ""
        if tag == "article":
            self._in_article = True
        if self._in_article and tag in {"h1", "h2", "p"}:
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        if self._current is not None and tag in {"h1", "h2", "p"}:
            self.blocks.append("".join(self._current).strip())
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def parse_page(html_text: str) -> _ParagraphCollector:
    collector = _ParagraphCollector()
    collector.feed(html_text)
    return collector


def strip_tags(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "\n", html_text)


def split_text_input(text: str) -> list[str]:
    """Split a text input into articles: blank lines separate articles, dumps glue them."""
    match = METADATA_LINE.match(text)
    assert match, "text input must start with a ` date ... – ` line"
    articles: list[str] = []
    for part in re.split(r"\n\s*\n", text[match.end() :]):
        articles.extend(piece for piece in GLUED_ARTICLE_BOUNDARY.split(part) if piece.strip())
    return articles


def read_text_input(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def text_inputs() -> list[Path]:
    return sorted(p for p in (DEMO_DIR / "text").iterdir() if p.name.endswith((".txt", ".txt.gz")))


def text_articles() -> list[DemoArticle]:
    return [
        DemoArticle(f"text/{path.name}#{index}", article)
        for path in text_inputs()
        for index, article in enumerate(split_text_input(read_text_input(path)))
    ]


def jsonl_records() -> list[dict[str, str]]:
    lines = (DEMO_DIR / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def feed_files() -> list[Path]:
    return sorted((DEMO_DIR / "feeds").glob("*.xml"))


def feed_articles() -> list[DemoArticle]:
    articles = []
    for path in feed_files():
        for entry in feedparser.parse(str(path)).entries:
            html_text = entry.content[0].value if entry.get("content") else entry.get("description", "")
            articles.append(DemoArticle(f"feeds/{path.name}#{entry.title}", strip_tags(html_text)))
    return articles


def warc_records() -> list[tuple[str, str | None, bytes]]:
    records = []
    with (DEMO_DIR / "archive.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
            records.append((record.rec_type, content_type, record.content_stream().read()))
    return records


def warc_html_pages() -> list[str]:
    return [
        body.decode("utf-8")
        for rec_type, content_type, body in warc_records()
        if rec_type == "response" and content_type and content_type.startswith("text/html")
    ]


def html_articles() -> list[DemoArticle]:
    html_files = sorted((DEMO_DIR / "html").glob("*.html"))
    pages = [(f"html/{path.name}", path.read_text(encoding="utf-8")) for path in html_files]
    pages += [(f"archive.warc.gz#{index}", page) for index, page in enumerate(warc_html_pages())]
    return [DemoArticle(origin, "\n".join(parse_page(page).blocks)) for origin, page in pages]


def all_articles() -> list[DemoArticle]:
    jsonl = [DemoArticle(f"feed.jsonl#{r['title']}", r["title"] + "\n" + r["text"]) for r in jsonl_records()]
    return text_articles() + jsonl + feed_articles() + html_articles()


def is_nynorsk(text: str) -> bool:
    words = set(re.findall(r"\w+", text.lower()))
    return len(words & NYNORSK_MARKERS) >= 3


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[-,.]\w+)*", text))


def test_corpus_has_enough_articles() -> None:
    assert len(all_articles()) >= MIN_ARTICLES


def test_every_input_format_is_present() -> None:
    assert any(p.name.endswith(".txt") for p in text_inputs())
    assert any(p.name.endswith(".txt.gz") for p in text_inputs())
    assert len(jsonl_records()) >= 3
    assert len(list((DEMO_DIR / "html").glob("*.html"))) >= 3
    versions = {feedparser.parse(str(path)).version for path in feed_files()}
    assert {"rss20", "atom10"} <= versions
    assert len(warc_html_pages()) >= 3


@pytest.mark.parametrize("path", text_inputs(), ids=lambda p: p.name)
def test_text_inputs_start_with_a_metadata_line(path: Path) -> None:
    assert METADATA_LINE.match(read_text_input(path)), f"{path.name} lacks a ` date ... – ` line"


def test_text_inputs_use_several_date_precisions() -> None:
    dates = [METADATA_LINE.match(read_text_input(path))["date"] for path in text_inputs()]
    precisions = {4 if len(d) == 4 else 7 if len(d) == 7 else 10 if len(d) == 10 else 19 for d in dates}
    assert precisions == {4, 7, 10, 19}


def test_multi_article_text_files_split_as_intended() -> None:
    counts = {path.name: len(split_text_input(read_text_input(path))) for path in text_inputs()}
    for name, expected in MULTI_ARTICLE_TEXT_FILES.items():
        assert counts[name] == expected, name
    assert all(count == 1 for name, count in counts.items() if name not in MULTI_ARTICLE_TEXT_FILES)


def test_corpus_dump_glues_articles_without_whitespace() -> None:
    dump = read_text_input(DEMO_DIR / "text" / "2024-02-08_korpusdump.txt")
    assert len(GLUED_ARTICLE_BOUNDARY.findall(dump)) == 2


def test_gzip_inputs_decompress_and_are_reproducible() -> None:
    for path in text_inputs():
        if path.suffix == ".gz":
            data = path.read_bytes()
            assert data[4:8] == b"\0\0\0\0", "gzip header must carry mtime 0"
            assert gzip.decompress(data).decode("utf-8").strip()


def test_jsonl_records_have_all_fields_and_an_extra_one() -> None:
    for record in jsonl_records():
        assert record.keys() >= JSONL_REQUIRED_FIELDS
        assert record.keys() - JSONL_REQUIRED_FIELDS, "each record carries an extra field"
        assert all(isinstance(record[field], str) and record[field] for field in JSONL_REQUIRED_FIELDS)


@pytest.mark.parametrize("path", feed_files(), ids=lambda p: p.name)
def test_feeds_parse_cleanly_with_full_text(path: Path) -> None:
    feed = feedparser.parse(str(path))
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) >= 3
    for entry in feed.entries:
        assert entry.get("published") and entry.get("link")
        assert word_count(strip_tags(entry.content[0].value)) >= MIN_WORDS


def test_html_pages_look_like_real_article_pages() -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted((DEMO_DIR / "html").glob("*.html"))]
    for page in pages + warc_html_pages():
        parsed = parse_page(page)
        assert {"article:published_time", "og:title", "author"} <= parsed.meta.keys()
        assert {"nav", "article", "h1", "h2", "aside", "footer"} <= set(parsed.tags)


def test_warc_holds_records_readers_must_skip() -> None:
    records = warc_records()
    assert any(rec_type == "request" for rec_type, _, _ in records)
    response_types = [ct for rec_type, ct, _ in records if rec_type == "response"]
    assert any(ct and not ct.startswith("text/html") for ct in response_types)


def test_warc_build_script_reproduces_the_committed_archive(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_warc", DEMO_DIR / "build_warc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = tmp_path / "archive.warc.gz"
    module.build(rebuilt)
    assert rebuilt.read_bytes() == (DEMO_DIR / "archive.warc.gz").read_bytes()


def test_enough_articles_are_nynorsk() -> None:
    nynorsk = [article.origin for article in all_articles() if is_nynorsk(article.text)]
    assert len(nynorsk) >= MIN_NYNORSK_ARTICLES, nynorsk


def test_article_lengths_are_newspaper_sized() -> None:
    for article in all_articles():
        assert MIN_WORDS <= word_count(article.text) <= MAX_WORDS, (article.origin, word_count(article.text))


def test_articles_carry_direct_quotes_and_subheadings() -> None:
    articles = all_articles()
    with_dash_quotes = [a for a in articles if re.search(r"(?m)^\s*– \S", a.text)]
    assert len(with_dash_quotes) >= len(articles) - 2
    assert sum("«" in a.text for a in articles) >= 5
    subheading = re.compile(r"(?m)^[A-ZÆØÅ][^\n.!?:]{2,60}$")
    assert sum(len(subheading.findall(a.text)) >= 2 for a in text_articles()) >= 10


def test_no_article_is_repeated() -> None:
    openings = [re.sub(r"\s+", " ", article.text.strip())[:200] for article in all_articles()]
    assert len(openings) == len(set(openings))
