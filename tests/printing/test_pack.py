"""The handout pack: cover, contents with page numbers, items on new pages, bookmarks."""

from __future__ import annotations

import re

import pytest

from inducci_desktop.content.model import ContentItem
from inducci_desktop.printing.options import PrintOptions, titles_from_pack
from inducci_desktop.printing.pack import PackCover, handout_pack

from .conftest import (
    TITLES,
    make_case,
    make_format,
    make_glossary,
    make_guide,
    make_interview,
    outline_titles,
    page_texts,
)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pack_pdf() -> bytes:
    long_guide = make_guide(id="guide-long", title="A long guide about Ostrava–Poruba",
                            body="\n\n".join(["Text about Karviná and Havířov. " * 14] * 25))
    items = [make_case(), long_guide, make_format(), make_interview(), make_guide()]
    cover = PackCover("Training pack: Żywiec 2026", "Day one – CCI and industry", "Fundacja Żółć", "12 March 2026")
    return handout_pack(items, cover, PrintOptions(organisation="RDA Bielsko-Biała"), titles=TITLES,
                        glossary=make_glossary())


def test_cover_page(pack_pdf: bytes) -> None:
    cover = _flat(page_texts(pack_pdf)[0])
    assert "Training pack: Żywiec 2026" in cover
    assert "Day one – CCI and industry" in cover
    assert "Date: 12 March 2026" in cover
    assert "Organiser: Fundacja Żółć" in cover
    assert "Page 1" not in cover


def test_contents_page_numbers_point_at_the_items(pack_pdf: bytes) -> None:
    pages = page_texts(pack_pdf)
    contents = pages[1]
    assert "Contents" in contents
    expected = ["Industrial Hackathon in Bielsko-Biała", "A long guide about Ostrava–Poruba",
                "Hackathon with industrial challenges", "Interview guide for creatives in Brno",
                "Mapping creative industries in Łódź and Győr", "Glossary"]
    numbers = []
    for title in expected:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", contents, re.MULTILINE)
        assert match, f"{title} not in contents:\n{contents}"
        numbers.append(int(match.group(1)))
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    kickers = ["CASE PROFILE", "GUIDE", "FORMAT", "INTERVIEW GUIDE", "GUIDE", "Glossary"]
    for title, number, kicker in zip(expected, numbers, kickers, strict=True):
        # Each item starts at the top of the page the contents name: right below the header.
        lines = [_flat(line) for line in pages[number - 1].splitlines() if line.strip()]
        assert lines[1] == kicker, (title, number, lines[:3])
        assert title in " ".join(lines[1:4])
    assert numbers[2] - numbers[1] >= 3  # the long guide spans several pages


def test_bookmarks(pack_pdf: bytes) -> None:
    outline = outline_titles(pack_pdf)
    top = [(title, page) for level, title, page in outline if level == 0]
    assert [t for t, _ in top] == [
        "Industrial Hackathon in Bielsko-Biała", "A long guide about Ostrava–Poruba",
        "Hackathon with industrial challenges", "Interview guide for creatives in Brno",
        "Mapping creative industries in Łódź and Győr", "Glossary",
    ]
    assert all(page >= 3 for _, page in top)
    assert any(level == 1 and title == "Steps" for level, title, _ in outline)


def test_real_content_pack_prints_as_one_pack() -> None:
    loader = pytest.importorskip("inducci_desktop.content.loader")
    pack = loader.load_pack()
    items: list[ContentItem] = list(pack.items.values())
    data = handout_pack(items, PackCover(pack.title, "Every item"), PrintOptions(language=pack.language),
                        titles=titles_from_pack(pack), glossary=pack.glossary)
    pages = page_texts(data)
    text = _flat(" ".join(pages))
    assert "■" not in text
    assert f"Page {len(pages)} of {len(pages)}" in _flat(pages[-1])
    outline = [title for level, title, _ in outline_titles(data) if level == 0]
    assert outline == [*(item.title for item in items), "Glossary"]
    assert "item:" not in text
