"""PrintService over the shipped toolbox: real PDFs read back with pypdf (text, pages, contents, bookmarks)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.options import PaperSize
from inducci_desktop.services.container import Services
from inducci_desktop.services.documents import (
    Built,
    DocumentRequest,
    DocumentType,
    build,
    document,
    documents,
    register,
    resolve_options,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.library.documents import PackCoverText, PackState

from ..printing.conftest import outline_titles, page_texts


@pytest.fixture
def ready(services: Services) -> Services:
    services.prepare()
    return services


def text_of(data: bytes) -> str:
    return " ".join(" ".join(page_texts(data)).split())


@pytest.mark.parametrize("kind", ["guide", "case", "format", "interview"])
def test_every_item_prints(ready: Services, kind: str) -> None:
    items = ready.printing.printable_items(kind)
    assert items
    for item_id, title in items:
        data = ready.printing.item_pdf(item_id, resolve_options(ready, DocumentRequest("glossary")))
        reader = PdfReader(io.BytesIO(data))
        assert reader.metadata.title == title
        assert len(reader.pages) >= 1
        assert " ".join(title.split())[:30] in text_of(data)


def test_glossary_prints_with_central_european_letters(ready: Services) -> None:
    data = ready.printing.glossary_pdf(resolve_options(ready, DocumentRequest("glossary", paper=PaperSize.LETTER)))
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Glossary"
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (612, 792)
    text = text_of(data)
    for term in ready.library.glossary()[:5]:
        assert " ".join(term.term.split()) in text


def test_guide_kind_is_checked(ready: Services) -> None:
    case = ready.printing.printable_items("case")[0][0]
    with pytest.raises(ValidationError, match="not a guide"):
        ready.printing.item_pdf(case, kind="guide")
    with pytest.raises(NotFoundError):
        ready.printing.item_pdf("guide-nope")


def test_pack_of_everything_has_a_correct_table_of_contents(ready: Services) -> None:
    items = ready.printing.printable_items()
    cover = PackCoverText("Szkolenie w Bielsku-Białej", "Dzień 1 – Łódź, Győr, Příbram", "Fundacja Żółć", "12.03.2026")
    steps: list[tuple[int, int]] = []
    options = resolve_options(ready, DocumentRequest("pack"))
    data = ready.printing.pack_pdf([i for i, _t in items], cover, options, with_glossary=True,
                                   report=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1]
    pages = page_texts(data)
    first = " ".join(pages[0].split())
    assert "Szkolenie w Bielsku-Białej" in first and "Łódź, Győr, Příbram" in first and "Fundacja Żółć" in first
    outline = {title: page for level, title, page in outline_titles(data) if level == 0}
    contents = "\n".join(p for p in pages[1:5] if "Contents" in p or re.search(r"\.\s*\d+\s*$", p, re.M))
    checked = 0
    for _item_id, title in [*items, ("glossary", "Glossary")]:
        assert title in outline, title
        # the number in the contents is the page the bookmark (and the item) starts on
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", contents, re.MULTILINE)
        if match:  # a long title wraps in the contents; the others suffice to prove the numbering
            assert int(match.group(1)) == outline[title], title
            checked += 1
        assert " ".join(title.split())[:25] in " ".join(pages[outline[title] - 1].split()), title
    assert checked >= len(items) * 3 // 4
    total = len(pages)
    assert f"Page {total} of {total}" in pages[-1]


def test_pack_refuses_unknown_ids_and_an_empty_pack(ready: Services) -> None:
    with pytest.raises(NotFoundError, match="'nope-1', 'nope-2'"):
        ready.printing.pack_pdf(["nope-1", ready.printing.printable_items()[0][0], "nope-2"])
    with pytest.raises(ValidationError, match="empty"):
        ready.printing.pack_pdf([])


def test_markdown_file(ready: Services, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Notatki z Łodzi\n\nŻółta ćma – Třeboň, Szőlő, Straße.\n", encoding="utf-8")
    text = text_of(ready.printing.markdown_pdf(notes))
    assert "Notatki z Łodzi" in text and "Třeboň, Szőlő, Straße" in text
    bad = tmp_path / "bad.md"
    bad.write_bytes("Łódź".encode("cp1250"))
    with pytest.raises(PrintError, match="not UTF-8"):
        ready.printing.markdown_pdf(bad)


def test_pack_state_round_trip(ready: Services) -> None:
    assert ready.printing.load_pack() == PackState()
    region = ready.regions.add("Śląskie")
    items = [i for i, _t in ready.printing.printable_items()][:3]
    state = PackState((*items, "guide-gone"), PackCoverText("Pack", "Sub", "Org", "today"), PaperSize.LETTER,
                      region.id, True)
    ready.printing.save_pack(state)
    loaded = ready.printing.load_pack()
    assert loaded.item_ids == tuple(items)  # ids no longer in the toolbox are dropped
    assert (loaded.cover, loaded.paper, loaded.region_id, loaded.with_glossary) == (
        state.cover, PaperSize.LETTER, region.id, True)
    assert resolve_options(ready, DocumentRequest("glossary", region_id=region.id)).region == "Śląskie"
    ready.settings.set("print_center.pack", {"version": 99})
    assert ready.printing.load_pack() == PackState()


def test_registered_documents_build(ready: Services) -> None:
    keys = [d.key for d in documents()]
    for expected in ("glossary", "guide", "case", "format", "interview", "item", "file", "pack", "checklist-form",
                     "assessment-report", "assessment-comparison", "workshop-agenda", "workshop-signin",
                     "workshop-feedback", "workshop-certificates", "workshop-report"):
        assert expected in keys
    form = document("checklist-form")
    choice, _title = form.list_choices(ready)[0]
    built = build(ready, DocumentRequest("checklist-form", choice))
    assert built.data.startswith(b"%PDF-")
    assert built.file_name.endswith("-paper-form.pdf") and " " not in built.file_name
    assert document("workshop-agenda").list_choices(ready) == []  # nothing yet, and no error
    with pytest.raises(NotFoundError):
        document("no-such-kind")
    with pytest.raises(ValidationError, match="Choose"):
        build(ready, DocumentRequest("workshop-agenda"))
    register(DocumentType("test-document", "Test", "", lambda s: [],
                          lambda s, r, o, _rep: Built(b"%PDF-test", "test.pdf"), listed=False))
    assert build(ready, DocumentRequest("test-document")).data == b"%PDF-test"


def test_options_come_from_the_settings_unless_the_request_overrides_them(ready: Services) -> None:
    from inducci_desktop.services.documents import DocumentSettings, save_settings

    default = resolve_options(ready, DocumentRequest("glossary"))
    assert (default.paper, default.language, default.region) == (PaperSize.A4, ready.library.language, "")
    region = ready.regions.add("Moravskoslezský kraj")
    save_settings(ready, DocumentSettings(PaperSize.LETTER, "cs", region.id))
    chosen = resolve_options(ready, DocumentRequest("glossary"))
    assert (chosen.paper, chosen.language, chosen.region) == (PaperSize.LETTER, "cs", "Moravskoslezský kraj")
    other = resolve_options(ready, DocumentRequest("glossary", paper="a4", language="pl", region_id=""))
    assert (other.paper, other.language, other.region) == (PaperSize.A4, "pl", "")
    ready.regions.delete(region.id)
    assert resolve_options(ready, DocumentRequest("glossary")).region == ""  # a deleted region prints none
    with pytest.raises(ValidationError, match="paper"):
        resolve_options(ready, DocumentRequest("glossary", paper="a3"))
    assert b"/Lang (cs)" in build(ready, DocumentRequest("glossary")).data
