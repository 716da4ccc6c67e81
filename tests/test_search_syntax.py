"""Norwegian search (issue 17, item 6): æ, ø, å are letters; -word, OR, repeated terms, long queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import make_article
from typer.testing import CliRunner

from nyhetsgraf.cli import app
from nyhetsgraf.records import Facts
from nyhetsgraf.store import QuerySyntaxError, open_store
from nyhetsgraf.store.textsearch import MAX_QUERY_TERMS, fold, parse_query, shadow_text

TEXTS = {
    "for": "Kommunen stemte for forslaget om ny skole i Bodø.",
    "før": "Skolen skal stå ferdig før jul, sier rektor.",
    "far": "En far fra Hamar vant prisen for beste foreldre.",
    "får": "Elevene får gratis frukt fra neste uke.",
    "cafe": "Den nye kafeen heter Café Sjøsiden og åpner i mai.",
}


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "søk.db"
    with open_store(path) as store:
        for n, (key, text) in enumerate(TEXTS.items()):
            store.add(make_article(text, source=f"{key}.txt", index=n, title=None), Facts())
    return path


def _sources(path: Path, query: str) -> set[str]:
    with open_store(path, read_only=True) as store:
        return {Path(hit.source).stem for hit in store.search(query)}


def test_issue_repro_o_with_stroke_and_a_with_ring_are_letters(store_path: Path) -> None:
    assert _sources(store_path, "før") == {"før"}
    assert _sources(store_path, "for") == {"for", "far"}  # "prisen for beste"
    assert _sources(store_path, "far") == {"far"}
    assert _sources(store_path, "får") == {"får"}


def test_accents_foreign_to_norwegian_are_folded(store_path: Path) -> None:
    assert _sources(store_path, "cafe") == {"cafe"} == _sources(store_path, "CAFÉ")
    assert fold("Björn Müller") == "bjørn muller"
    assert shadow_text("Tromsø") == "tromsø"


def test_issue_repro_minus_excludes_and_or_alternates(store_path: Path) -> None:
    assert _sources(store_path, "for -prisen") == {"for"}
    assert _sources(store_path, "skole -bodø") == {"før"}
    assert _sources(store_path, "far OR får") == {"far", "får"}
    assert _sources(store_path, 'jul OR "gratis frukt" OR mai') == {"før", "får", "cafe"}
    assert _sources(store_path, "far OR får -hamar") == {"får"}
    assert _sources(store_path, "or") == set()  # a lower-case "or" is a word


def test_issue_repro_repeated_terms_count_once_and_terms_are_capped() -> None:
    parsed = parse_query(" ".join(["soldat"] * 10_000))
    assert parsed.fts_expression() == '"soldat"'
    assert parse_query("a b a OR c b").fts_expression() == '"a" AND "b" AND ("a" OR "c")'
    with pytest.raises(QuerySyntaxError, match="more than 32"):
        parse_query(" ".join(f"ord{n}" for n in range(MAX_QUERY_TERMS + 1)))
    with pytest.raises(QuerySyntaxError, match="not only -excluded"):
        parse_query("-skole")


def test_issue_repro_no_match_message_does_not_echo_a_long_query(store_path: Path) -> None:
    query = " ".join(["zzzzzz"] * 20_000)
    result = CliRunner().invoke(app, ["search", "--db", str(store_path), query])
    assert result.exit_code == 0
    assert "no articles match" in result.stderr and len(result.stderr) < 200
    bad = CliRunner().invoke(app, ["search", "--db", str(store_path), '"' + "x " * 50_000])
    assert bad.exit_code == 2 and len(bad.stderr) < 200


def test_an_index_built_before_version_5_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "gammel.db"
    with open_store(path) as store:
        store.add(make_article(TEXTS["for"], source="for.txt"), Facts())
        store.execute("DROP TABLE articles_fts")
        store.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='',"
                      " tokenize='unicode61 remove_diacritics 2')")
        # the shadow text of the old folding: ø as o
        store.execute("INSERT INTO articles_fts(rowid, title, text) SELECT rid, '', ? FROM articles",
                      (shadow_text(TEXTS["for"]).replace("ø", "o"),))
        store.execute("DROP TABLE kb_dirty")  # made by version 7
        store.execute("PRAGMA user_version = 4")
    with open_store(path) as store:
        assert store.schema_version >= 5
        assert [Path(h.source).stem for h in store.search("bodø")] == ["for"]
        assert store.search("før") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=200))
def test_any_query_string_gives_results_or_a_syntax_error(store_path: Path, query: str) -> None:
    with open_store(store_path, read_only=True) as store:
        try:
            hits = store.search(query)
        except QuerySyntaxError as error:
            assert "\n" not in str(error) and len(str(error)) < 200
            return
    assert all(Path(hit.source).stem in TEXTS for hit in hits)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(["for", "før", "-far", "OR", '"får"', "skole*", "-", "*", '""']),
                      max_size=12))
def test_operator_soup_parses_or_is_refused(words: list[str]) -> None:
    query = " ".join(words)
    try:
        parsed = parse_query(query)
    except QuerySyntaxError:
        return
    expression = parsed.fts_expression()
    assert expression.count("(") == expression.count(")")
    assert parsed.phrases
