"""The strategy paper and the recommendation printed (PDF read back) and exported (DOCX read back)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.documents import DocumentRequest, build
from inducci_desktop.services.errors import NotFoundError, PrintError
from inducci_desktop.services.strategy import demo as strategy_demo
from inducci_desktop.services.strategy.documents import FULL, PAPER, SHORT, docx, write_docx
from tests.printing.conftest import page_texts


@pytest.fixture
def demo(services: Services) -> Services:
    services.prepare()
    load_demo(services)
    return services


def test_paper_pdf_has_cover_contents_numbered_sections_measures_and_annexes(demo: Services) -> None:
    built = build(demo, DocumentRequest(PAPER, record=strategy_demo.PAPER_SILESIA))
    pages = page_texts(built.data)
    text = "\n".join(pages)
    assert "REGIONAL STRATEGY PAPER" in pages[0] and "Creative Śląskie 2030" in pages[0]
    assert "Contents" in pages[1] and "5. Priorities and measures" in pages[1]
    for expected in ("1. Summary", "Checklist scores: Śląskie (Silesia)", "Round 1", "Round 2", "Trainings held",
                     "Priority 1: Contact points for creatives", "Statistics", "Annex: evidence",
                     "Annex: method", "F1"):
        assert expected in text, expected
    assert built.file_name.endswith(".pdf")


def test_paper_docx_has_real_headings_measures_table_and_chart_images(demo: Services) -> None:
    data, name = docx(demo, DocumentRequest(PAPER, record=strategy_demo.PAPER_SILESIA))
    assert name.endswith(".docx")
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "1. Summary" in headings and "5. Priorities and measures" in headings and "Annex: evidence" in headings
    assert "Priority 1: Contact points for creatives" in headings
    measure_tables = [t for t in document.tables if t.rows[0].cells[1].text == "Measure"]
    assert len(measure_tables) == 3
    assert measure_tables[0].rows[1].cells[2].text == "Economic development department"
    assert len(document.inline_shapes) >= 1  # the scores chart as a PNG
    assert document.core_properties.title == "Creative Śląskie 2030"


def test_recommendation_short_and_full_in_pdf_and_docx(demo: Services) -> None:
    short = page_texts(build(demo, DocumentRequest(SHORT, record=strategy_demo.RECOMMENDATION)).data)
    assert len(short) <= 2 and "Enterprise Europe Network" in short[0]
    full = "\n".join(page_texts(build(demo, DocumentRequest(FULL, record=strategy_demo.RECOMMENDATION)).data))
    assert "Topics of the regional papers" in full and "Gorenjska" in full and "All regions" in full
    document = Document(io.BytesIO(docx(demo, DocumentRequest(FULL, record=strategy_demo.RECOMMENDATION))[0]))
    matrix = document.tables[0]
    assert [c.text for c in matrix.rows[0].cells] == ["Topic", "Śląskie (Silesia)", "Gorenjska", "Common?"]


def test_docx_target_that_cannot_be_written_leaves_nothing(demo: Services, tmp_path: Path) -> None:
    request = DocumentRequest(PAPER, record=strategy_demo.PAPER_SILESIA)
    with pytest.raises(PrintError, match="does not exist"):
        write_docx(tmp_path / "missing" / "paper.docx", demo, request)
    with pytest.raises(PrintError, match="is a folder"):
        write_docx(tmp_path, demo, request)
    old = tmp_path / "paper.docx"
    old.write_bytes(b"the earlier export")
    with pytest.raises(NotFoundError):
        write_docx(old, demo, DocumentRequest(PAPER, record="no-such-paper"))
    assert old.read_bytes() == b"the earlier export"
    target = write_docx(old, demo, request)
    assert target.stat().st_size > 10_000 and not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_the_logo_stands_on_the_cover_of_the_pdf_and_the_docx(demo: Services, tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 120), "#1F5F8B").save(logo)
    request = DocumentRequest(PAPER, record=strategy_demo.PAPER_GORENJSKA, logo=str(logo))
    cover = PdfReader(io.BytesIO(build(demo, request).data)).pages[0]
    assert list(cover.images)  # the logo, drawn by the cover page template
    with_logo = Document(io.BytesIO(docx(demo, request)[0]))
    without = Document(io.BytesIO(docx(demo, DocumentRequest(PAPER, record=strategy_demo.PAPER_GORENJSKA))[0]))
    assert len(with_logo.inline_shapes) == len(without.inline_shapes) + 1
