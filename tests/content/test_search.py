"""Search over a loaded pack: folding both ways, prefixes, ranking, hostile input, highlight ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.content.search import MAX_TOKENS, match_expression, query_terms
from inducci_desktop.services.container import Services

from .packs import make_pack


@pytest.fixture
def library(services: Services, tmp_path: Path) -> Services:
    status = services.library.ensure_content(make_pack(tmp_path / "pack" / "en"))
    assert status.loaded, status.problems
    return services


def ids(services: Services, query: str) -> list[str]:
    return [hit.id for hit in services.library.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lodz", "guide-one"),
        ("LODZ", "guide-one"),
        ("Łódź", "guide-one"),
        ("łodz", "guide-one"),
        ("biala", "case-one"),
        ("Biała", "case-one"),
        ("strasse", "guide-one"),
        ("Straße", "guide-one"),
        ("skofja", "guide-one"),
        ("lo", "guide-one"),  # prefix as you type
        ("netw lunch", "format-one"),
        ("hackathon", "case-one"),
        ("statistical overview", "checklist-one"),
        ("creative work", "cci"),  # glossary definition
    ],
)
def test_folding_both_ways_and_prefixes(library: Services, query: str, expected: str) -> None:
    assert expected in ids(library, query)


def test_accented_query_finds_plain_text(library: Services) -> None:
    # 'Padova' and 'creatives' are plain in the pack; typed with accents they still match
    assert "guide-one" in ids(library, "Pádová")
    assert "guide-one" in ids(library, "CRÉATIVES")


def test_all_tokens_must_match(library: Services) -> None:
    assert ids(library, "lodz hackathon") == []


def test_title_matches_rank_first(library: Services) -> None:
    hits = library.library.search("hackathon")
    # the two title matches (the case and the glossary term) come first
    assert {h.id for h in hits[:2]} == {"case-one", "hackathon"}
    assert all(h.score > 0 for h in hits)


def test_highlight_ranges_point_at_the_original_text(library: Services) -> None:
    hit = next(h for h in library.library.search("lodz") if h.id == "guide-one")
    assert [hit.title[a:b] for a, b in hit.title_ranges] == ["Łódź"]
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["Łódź"]
    hit = next(h for h in library.library.search("stras") if h.id == "guide-one")
    assert hit.snippet_from == "body"
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["Straß"]
    hit = next(h for h in library.library.search("bial") if h.id == "case-one")
    assert hit.title_ranges == ()
    assert {hit.snippet[a:b] for a, b in hit.ranges} == {"Biał"}


def test_snippet_of_a_long_body_is_a_window_around_the_match(services: Services, tmp_path: Path) -> None:
    from .packs import GUIDE, SOURCE

    long_body = GUIDE.format(sources=SOURCE).replace(
        "A second paragraph", " ".join(["filler"] * 200) + " Nagykőrös " + " ".join(["tail"] * 100)
    )
    services.library.ensure_content(make_pack(tmp_path / "long" / "en", changes={"guides/one.md": long_body}))
    hit = services.library.search("nagykoros")[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 260
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["Nagykőrös"]


HOSTILE = [
    "",
    " ",
    "\t\n  ",
    '"',
    '""',
    'a"b',
    "'",
    "don't",
    "multi-agent",
    "-",
    "--lodz",
    "NOT",
    "NOT lodz",
    "lodz NOT",
    "AND",
    "OR OR OR",
    "NEAR(lodz biala)",
    "NEAR",
    "lodz*",
    "*",
    "^lodz",
    "title:lodz",
    "{title summary}: lodz",
    "(lodz",
    ")",
    "lodz + biala",
    "%_%",
    "\\",
    "\x00",
    "🙂🙂🙂",
    "👨‍👩‍👧 lodz",
    "\u0301\u0308",
    "ß",
    "ı",
    "x" * 10_000,
    "lodz " * 2_000,
    " ".join(f"w{n}" for n in range(500)),
    "SELECT * FROM content_items; --",
    "'; DROP TABLE notes; --",
    "\ufeff\u200b\u200d",
    "ＬＯＤＺ",
    "١٢٣",
    "中文",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(library: Services, query: str) -> None:
    hits = library.library.search(query)
    assert isinstance(hits, list)
    for hit in hits:
        for a, b in hit.ranges:
            assert 0 <= a < b <= len(hit.snippet)


def test_hostile_queries_still_find_what_they_contain(library: Services) -> None:
    assert "guide-one" in ids(library, "lodz)")
    assert "guide-one" in ids(library, '"lodz"')
    assert "guide-one" in ids(library, "ＬＯＤＺ")  # full-width letters fold to ASCII
    assert ids(library, "") == []
    assert ids(library, "🙂") == []


def test_query_terms_are_capped_and_quoted() -> None:
    terms = query_terms(" ".join(f"t{n}" for n in range(100)))
    assert len(terms) == MAX_TOKENS
    assert match_expression(["lodz", "a"]) == '"lodz"* "a"'
    assert query_terms("'\"-*()") == []
