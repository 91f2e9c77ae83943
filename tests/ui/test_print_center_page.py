"""The Print Center through pytest-qt: add from the library, reorder, remove + undo, preview, save, print.

Only the file and print dialogs are replaced; the PDF, the QPdfDocument and the QPrinter are real.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from inducci_desktop.ui.pages.library.page import LibraryPage
from inducci_desktop.ui.pages.print_center import page as print_center_page
from inducci_desktop.ui.pages.print_center.page import PrintCenterPage
from inducci_desktop.ui.widgets import document_dialog
from inducci_desktop.ui.widgets.pdf_preview import MAX_PRINT_DPI

from .test_document_preview import answer_save_dialog


@pytest.fixture
def app(launch: Any, qtbot: Any) -> Any:
    running = launch()
    running.window.activateWindow()
    qtbot.waitActive(running.window)
    return running


def center(app: Any) -> PrintCenterPage:
    page = app.window.pages["print_center"]
    assert isinstance(page, PrintCenterPage)
    return page


def add_from_library(app: Any, qtbot: Any, item_ids: list[str]) -> None:
    library = app.window.pages["library"]
    assert isinstance(library, LibraryPage)
    app.window.show_page("library")
    for item_id in item_ids:
        assert library.reader.open(item_id)
        qtbot.mouseClick(library.reader.pack_button, Qt.MouseButton.LeftButton)


def ids(page: PrintCenterPage) -> list[str]:
    return page.pack.model.ids()


def wait_preview(page: PrintCenterPage, qtbot: Any, pages: int | None = None) -> None:
    page.preview_now()
    qtbot.waitUntil(lambda: page._running is None and bool(page.preview.data), timeout=20000)
    if pages is not None:
        assert page.preview.document.pageCount() == pages


def test_the_print_center_comes_after_the_library(app: Any) -> None:
    titles = [app.window.nav.item(row).text() for row in range(app.window.nav.count())]
    assert titles.index("Print Center") == titles.index("Library") + 1


def test_add_from_library_reorder_remove_and_undo(app: Any, qtbot: Any) -> None:
    guides = [i.id for i in app.services.library.items(kind="guide")][:2]
    case = app.services.library.items(kind="case")[0].id
    add_from_library(app, qtbot, [*guides, case])
    page = center(app)
    assert ids(page) == [*guides, case]
    assert "handout pack (3 items)" in app.window.statusBar().currentMessage()
    add_from_library(app, qtbot, [case])  # twice: not added again
    assert ids(page) == [*guides, case]
    assert "already" in app.window.statusBar().currentMessage()

    app.window.show_page("print_center")
    page.pack.select(2)
    qtbot.mouseClick(page.pack.up_button, Qt.MouseButton.LeftButton)
    assert ids(page) == [guides[0], case, guides[1]]
    # a drag of row 0 below the last row
    model = page.pack.model
    assert not model.dropMimeData(model.mimeData([model.index(0)]), Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert ids(page) == [case, guides[1], guides[0]]
    app.window.undo_stack.undo()
    assert ids(page) == [guides[0], case, guides[1]]

    page.pack.select(1)
    page.pack.list.setFocus()
    qtbot.keyClick(page.pack.list, Qt.Key.Key_Delete)
    assert ids(page) == [guides[0], guides[1]]
    app.window.undo_action.trigger()
    assert ids(page) == [guides[0], case, guides[1]]
    page.pack.clear()
    assert ids(page) == []
    app.window.undo_stack.undo()
    assert ids(page) == [guides[0], case, guides[1]]


def test_pack_survives_a_restart(launch: Any, qtbot: Any, tmp_path: Path) -> None:
    first = launch(tmp_path / "data")
    guides = [i.id for i in first.services.library.items(kind="guide")][:3]
    add_from_library(first, qtbot, guides)
    page = center(first)
    page.pack.title_edit.setText("Training in Bielsko-Biała")
    page.pack.title_edit.textEdited.emit("Training in Bielsko-Biała")
    page.pack.move_item(2, 0)
    first.window.close()
    first.shutdown()
    second = launch(tmp_path / "data")
    again = center(second)
    assert ids(again) == [guides[2], guides[0], guides[1]]
    assert again.pack.title_edit.text() == "Training in Bielsko-Biała"


def test_preview_shows_the_real_pdf(app: Any, qtbot: Any) -> None:
    guides = [i.id for i in app.services.library.items(kind="guide")][:2]
    add_from_library(app, qtbot, guides)
    page = center(app)
    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    expected = len(PdfReader(io.BytesIO(page.preview.data)).pages)
    assert page.preview.document.pageCount() == expected >= 4  # cover, contents, two guides
    assert page.preview.pages_label.text() == f"{expected} pages"
    # letter paper: the preview follows
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("letter"))
    wait_preview(page, qtbot)
    box = PdfReader(io.BytesIO(page.preview.data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_single_document_glossary(app: Any, qtbot: Any) -> None:
    page = center(app)
    app.window.show_page("print_center")
    page.tabs.setCurrentIndex(print_center_page.SINGLE_TAB)
    page.source_combo.setCurrentIndex(page.source_combo.findData("glossary"))
    wait_preview(page, qtbot)
    assert PdfReader(io.BytesIO(page.preview.data)).metadata.title == "Glossary"
    page.source_combo.setCurrentIndex(page.source_combo.findData("checklist-form"))
    assert page.choice_combo.count() >= 6
    wait_preview(page, qtbot)
    assert page.preview.document.pageCount() >= 1


def test_save_writes_a_real_pdf(app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_from_library(app, qtbot, [app.services.library.items(kind="format")[0].id])
    page = center(app)
    saved = tmp_path / "out" / "pack.pdf"
    saved.parent.mkdir()
    suggested = answer_save_dialog(monkeypatch, saved)
    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(saved.exists, timeout=20000)
    assert suggested[-1].name == "Handout-pack.pdf"
    confirmation: list[QMessageBox] = []
    qtbot.waitUntil(lambda: bool(confirmation.extend(page.findChildren(QMessageBox, "savedConfirmation"))
                                 or confirmation), timeout=10000)
    assert str(saved) in confirmation[0].text()
    assert saved.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(saved).pages) >= 3
    assert not [p for p in saved.parent.iterdir() if p.name.endswith(".part")]


def test_print_renders_pages_onto_the_printer(app: Any, qtbot: Any, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    add_from_library(app, qtbot, [app.services.library.items(kind="case")[0].id])
    page = center(app)
    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    expected = page.preview.document.pageCount()
    output = tmp_path / "printed.pdf"
    seen: dict[str, int] = {}

    def print_to_file(_parent: Any, printer: QPrinter) -> bool:
        """Stands in for the system dialog: the user chose "print to file"."""
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        seen["dpi"] = printer.resolution()
        return True

    monkeypatch.setattr(document_dialog, "ask_printer", print_to_file)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "to the printer" in app.window.statusBar().currentMessage(), timeout=30000)
    assert seen["dpi"] > MAX_PRINT_DPI  # HighResolution: the cap matters
    printed = PdfReader(output)
    assert len(printed.pages) == expected
    assert output.stat().st_size < 3_000_000 * expected  # images at ≤300 dpi, not 1200


def test_print_dialog_cancelled_prints_nothing(app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    add_from_library(app, qtbot, [app.services.library.items(kind="case")[0].id])
    page = center(app)

    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    monkeypatch.setattr(document_dialog, "ask_printer", lambda _parent, _printer: False)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page._printer is None


def test_the_pack_preview_says_updating_at_once_and_its_title_never_meets_the_page_count(
        app: Any, qtbot: Any) -> None:
    first, second = (i.id for i in app.services.library.items(kind="format")[:2])
    add_from_library(app, qtbot, [first])
    page = center(app)
    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    shown = page.preview.data
    add_from_library(app, qtbot, [second])
    app.window.show_page("print_center")
    # at once, before the new PDF is made: the old one is not passed off as current
    assert page.preview.pages_label.text() == "Updating…" and page.preview.updating
    qtbot.waitUntil(lambda: not page.preview.updating and page.preview.data != shown, timeout=20000)
    assert "pages" in page.preview.pages_label.text()

    page.pack.title_edit.selectAll()
    qtbot.keyClicks(page.pack.title_edit, "Materials for the regional training of officials and creative "
                                          "entrepreneurs in two industrial towns")
    assert page.preview.updating
    qtbot.waitUntil(lambda: not page.preview.updating and "two industrial" in page.preview.title.text(),
                    timeout=20000)
    app.window.resize(1100, 720)
    qtbot.wait(50)
    title, count = page.preview.title.geometry(), page.preview.pages_label.geometry()
    assert title.isValid() and count.isValid() and not title.intersects(count)


def test_the_pack_prints_in_the_document_language_not_the_interface_one(
        app: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A German interface, Slovene documents (a trainer in Linz printing for Kranj): the pack's fixed text, its
    default cover title included, is Slovene; the cover field shows the title in German."""
    from inducci_desktop import catalogs
    from inducci_desktop.domain import i18n
    from inducci_desktop.services.documents import DocumentSettings, save_settings

    from ..printing.conftest import page_texts

    save_settings(app.services, DocumentSettings(language="sl"))
    i18n.use("de")
    add_from_library(app, qtbot, [app.services.library.items(kind="format")[0].id])
    page = center(app)
    german, slovene = catalogs.load("de"), catalogs.load("sl")
    page.pack.set_cover(page.pack.cover())
    assert page.pack.title_edit.text() == german.gettext("Handout pack") != "Handout pack"
    saved = tmp_path / "pack.pdf"
    answer_save_dialog(monkeypatch, saved)
    app.window.show_page("print_center")
    wait_preview(page, qtbot)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(saved.exists, timeout=20000)
    text = " ".join(" ".join(page_texts(saved.read_bytes())).split())
    assert slovene.gettext("Handout pack") in text
    assert german.gettext("Handout pack") not in text
