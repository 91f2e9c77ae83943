"""The handout pack: cover, contents with page numbers, items on new pages, bookmarks."""

from __future__ import annotations

import re

import pytest

from inducci_desktop.content.model import ContentItem
from inducci_desktop.printing.library.pack import PackCover, handout_pack
from inducci_desktop.printing.options import PrintOptions, titles_from_pack

from .conftest import (
    TITLES,
    make_case,
    make_format,
    make_glossary,
    make_guide,
    make_interview,
    outline_titles,
    page_texts,
    reader,
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


# -- one layout pass: "of Y" and the contents' page numbers are forms defined at the end -------------

def _long_pack(count: int) -> list[ContentItem]:
    return [make_guide(id=f"guide-{n:03d}", title=f"Guide {n:03d} for Łódź and Győr",
                       body="\n\n".join([f"Paragraph about Ostrava {n}. " * 30] * (9 + n % 5)))
            for n in range(count)]


@pytest.fixture(scope="module")
def hundred_pages() -> bytes:
    return handout_pack(_long_pack(34), PackCover("A hundred pages"), PrintOptions(), titles=TITLES)


def test_hundred_page_pack_footers_and_contents(hundred_pages: bytes) -> None:
    pages = page_texts(hundred_pages)
    total = len(pages)
    assert total >= 100
    for number, text in enumerate(pages[1:], start=2):  # the cover has no footer
        assert f"Page {number} of {total}" in _flat(text), number
    assert f"Page {total} of {total}" in _flat(pages[-1])
    outline = {title: page for level, title, page in outline_titles(hundred_pages) if level == 0}
    assert len(outline) == 34
    contents = "\n".join(pages[1:3])  # 34 entries: the contents take two pages
    assert "Contents" in pages[1] and "Guide 033" in pages[2]
    for title, page in outline.items():
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", contents, re.MULTILINE)
        assert match, title
        assert int(match.group(1)) == page, title
        assert title in _flat(pages[page - 1])


def test_contents_links_lead_to_the_items(hundred_pages: bytes) -> None:
    pdf = reader(hundred_pages)
    outline = [page for level, _title, page in outline_titles(hundred_pages) if level == 0]
    targets: list[int] = []
    for page in pdf.pages[1:3]:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            dest = annot.get("/Dest")
            if dest is not None:  # [page, /Fit]
                targets.append(pdf.get_page_number(dest[0].get_object()) + 1)
    # each entry links twice (its text and its dots and number), both to the page of its bookmark
    assert sorted(set(targets)) == outline
    assert len(targets) == 2 * len(outline)


def test_pack_is_laid_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus.doctemplate import BaseDocTemplate

    builds: list[int] = []
    original = BaseDocTemplate.build
    monkeypatch.setattr(BaseDocTemplate, "build", lambda self, *a, **k: (builds.append(1), original(self, *a, **k))[1])
    data = handout_pack(_long_pack(3), PackCover("Once"), PrintOptions(), titles=TITLES, glossary=make_glossary())
    assert len(builds) == 1
    pages = page_texts(data)
    assert f"Page {len(pages)} of {len(pages)}" in _flat(pages[-1])


def test_contents_entries_the_story_walk_missed_cost_one_more_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the entries read from the story differ from those the layout meets, it is laid out again."""
    from reportlab.platypus.doctemplate import BaseDocTemplate

    from inducci_desktop.printing import templates

    builds: list[int] = []
    original = BaseDocTemplate.build
    monkeypatch.setattr(BaseDocTemplate, "build", lambda self, *a, **k: (builds.append(1), original(self, *a, **k))[1])
    monkeypatch.setattr(templates, "_headings", lambda flowables: [(0, "Not in the story")])
    data = handout_pack(_long_pack(4), PackCover("Twice"), PrintOptions(), titles=TITLES)
    assert len(builds) == 2
    pages = page_texts(data)
    assert "Not in the story" not in " ".join(pages)
    outline = {title: page for level, title, page in outline_titles(data) if level == 0}
    for title, page in outline.items():
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", pages[1], re.MULTILINE)
        assert match and int(match.group(1)) == page, title
