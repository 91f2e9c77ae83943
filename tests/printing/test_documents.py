"""Every document: Central European text, metadata, /Lang, footer, paper sizes, fonts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from inducci_desktop.printing.library.glossary import glossary_document
from inducci_desktop.printing.library.items import item_document
from inducci_desktop.printing.library.pack import PackCover, handout_pack
from inducci_desktop.printing.options import PaperSize, PrintOptions

from .conftest import (
    CE_LETTERS,
    CE_TEXT,
    TITLES,
    all_text,
    catalog,
    iter_fonts,
    make_case,
    make_format,
    make_glossary,
    make_guide,
    make_interview,
    page_texts,
    reader,
)

Maker = Callable[[PrintOptions], bytes]

DOCUMENTS: dict[str, Maker] = {
    "guide": lambda o: item_document(make_guide(), o, titles=TITLES),
    "case": lambda o: item_document(make_case(), o, titles=TITLES),
    "format": lambda o: item_document(make_format(), o, titles=TITLES),
    "interview": lambda o: item_document(make_interview(), o, titles=TITLES),
    "glossary": lambda o: glossary_document(make_glossary(), o, titles=TITLES),
    "pack": lambda o: handout_pack(
        [make_guide(), make_case(), make_format(), make_interview()],
        PackCover("Handout pack for Łódź", "Workshop in Ostrava–Vítkovice", "Fundacja Żółć"),
        o,
        titles=TITLES,
        glossary=make_glossary(),
    ),
}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def document(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    options = PrintOptions(organisation="Agencja Rozwoju Regionalnego w Bielsku-Białej", region="Śląskie",
                       author="Łukasz Żółć", language="pl-PL", date=dt.date(2026, 3, 12))
    return request.param, DOCUMENTS[request.param](options)


def test_only_embedded_dejavu_fonts(document: tuple[str, bytes]) -> None:
    _, data = document
    fonts = list(iter_fonts(data))
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(Mono)?(-Bold|-Oblique|-BoldOblique)?", name), name
        assert "Helvetica" not in name and "Times" not in name and "Courier" not in name
        descriptor: Any = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_central_european_letters_survive(document: tuple[str, bytes]) -> None:
    kind, data = document
    text = all_text(data)
    assert "■" not in text
    expected = {
        "guide": CE_TEXT,
        "case": "Bielsko-Biała, Silesia, Poland",
        "format": "Step number 11 in Přerov.",
        "interview": "What do you do in Český Krumlov?",
        "glossary": "Straße, Öl",
        "pack": "Handout pack for Łódź",
    }[kind]
    assert expected in text
    if kind in ("guide", "pack"):
        for letter in CE_LETTERS:
            assert letter in text, letter


def test_metadata_and_language(document: tuple[str, bytes]) -> None:
    kind, data = document
    pdf = reader(data)
    meta = pdf.metadata
    assert meta is not None
    assert meta.author == "Łukasz Żółć"
    assert meta.title == {
        "guide": "Mapping creative industries in Łódź and Győr",
        "case": "Industrial Hackathon in Bielsko-Biała",
        "format": "Hackathon with industrial challenges",
        "interview": "Interview guide for creatives in Brno",
        "glossary": "Glossary",
        "pack": "Handout pack for Łódź",
    }[kind]
    assert meta.subject
    assert catalog(data)["/Lang"] == "pl-PL"


def test_footer_page_x_of_y_and_header(document: tuple[str, bytes]) -> None:
    kind, data = document
    pages = page_texts(data)
    total = len(reader(data).pages)
    assert total == len(pages)
    first_with_footer = 1 if kind == "pack" else 0  # the pack's cover has no footer
    for number, text in enumerate(pages[first_with_footer:], start=first_with_footer + 1):
        flat = " ".join(text.split())
        assert f"Page {number} of {total}" in flat
        assert "2026-03-12" in flat
        assert "Agencja Rozwoju Regionalnego w Bielsku-Białej · Śląskie" in flat
    if kind != "pack":
        assert f"Page 1 of {total}" in " ".join(pages[0].split())


@pytest.mark.parametrize(("paper", "size"), [(PaperSize.A4, (595.28, 841.89)), (PaperSize.LETTER, (612, 792))])
def test_paper_sizes(paper: PaperSize, size: tuple[float, float]) -> None:
    data = item_document(make_guide(), PrintOptions(paper=paper), titles=TITLES)
    for page in reader(data).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == pytest.approx(size, abs=0.01)


def test_page_count_grows_with_content() -> None:
    short = item_document(make_guide(body="One paragraph."))
    long = item_document(make_guide(body="\n\n".join(["A paragraph about Łódź and Győr. " * 12] * 40)))
    assert len(reader(short).pages) == 1
    assert len(reader(long).pages) >= 4
    pages = page_texts(long)
    assert f"Page {len(pages)} of {len(pages)}" in " ".join(pages[-1].split())


def test_defaults_without_options_or_titles() -> None:
    data = item_document(make_guide())
    text = all_text(data)
    assert "Page 1 of" in text
    # Without titles an item: link falls back to its label, a related id to the id.
    assert "this case" in text
    assert "format-hackathon" in text
    assert catalog(data)["/Lang"] == "en"


def test_item_document_picks_layout_by_kind() -> None:
    case_text = all_text(item_document(make_case(), titles=TITLES))
    assert "CASE PROFILE" in case_text and "Where" in case_text and "Lessons in brief" in case_text
    assert "Fundacja Łączy Nas" in case_text
    format_text = all_text(item_document(make_format(), titles=TITLES))
    assert "15–80 people" in format_text and "Flip charts; Sticky notes; Challenge briefs" in format_text
    assert "10. Step number 10 in Přerov." in format_text
    interview_text = all_text(item_document(make_interview(), titles=TITLES))
    assert "Creatives and CCI businesses" in interview_text and "45–60 minutes" in interview_text


def test_guide_sections() -> None:
    text = all_text(item_document(make_guide(), titles=TITLES))
    assert "GUIDE" in text
    assert "Sources" in text and "InduCCI e-Toolbox – Mapping (Žilina)" in text
    assert "Related in the toolbox" in text
    assert "Industrial Hackathon in Bielsko-Biała (Case profile)" in text
    assert "Hackathon with industrial challenges (Format)" in text


def test_glossary_is_alphabetical_with_see_also() -> None:
    text = all_text(glossary_document(make_glossary(), titles=TITLES))
    order = ["Ärger-Index", "Cultural and Creative Industries", "Living lab", "Łódź model", "Spillover effects"]
    positions = [text.index(term) for term in order]
    assert positions == sorted(positions)
    assert "See also: Mapping creative industries in Łódź and Győr (Guide)" in text
    assert "Chemnitz & Plzeň <tested>" in text
    assert "5 terms" in text
