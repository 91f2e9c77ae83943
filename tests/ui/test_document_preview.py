"""Printing from every page as a person does: click the print button or menu item → the preview dialog shows
the real PDF → "Save as PDF…" → the file is there, its text is right, and a confirmation names it.

Only the file chooser is answered by replacing ``document_dialog.choose_save_path`` (and, where printing is
tested, the system print dialog by ``ask_printer``); the PDFs, the preview and the QPrinter are real.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox, QPushButton, QWidget

from inducci_desktop import catalogs
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.demo import demo_id, load_demo
from inducci_desktop.services.documents import DocumentRequest, DocumentSettings, build, save_settings
from inducci_desktop.services.workshops.documents import KINDS
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage
from inducci_desktop.ui.widgets import document_dialog
from inducci_desktop.ui.widgets.document_dialog import DocumentDialog

from ..printing.conftest import page_texts
from ..services.test_checklists import own_template

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    yield
    gc.collect()


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[Path]:
    """The user types ``target`` into the save dialog; returns the names the dialog suggested."""
    suggested: list[Path] = []

    def choose(_parent: QWidget, proposal: Path) -> Path:
        suggested.append(proposal)
        return target

    monkeypatch.setattr(document_dialog, "choose_save_path", choose)
    return suggested


def preview_opened(qtbot: Any, parent: QWidget, before: set[int]) -> DocumentDialog:
    """The preview dialog that appeared under ``parent`` (not one of ``before``), once its PDF is shown."""
    found: list[DocumentDialog] = []

    def appeared() -> bool:
        found[:] = [d for d in parent.findChildren(DocumentDialog) if id(d) not in before and d.isVisible()]
        return bool(found)

    qtbot.waitUntil(appeared, timeout=15000)
    dialog = found[-1]
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=30000)
    assert dialog.preview.document.pageCount() >= 1
    assert not dialog.preview.updating
    return dialog


def dialogs_under(parent: QWidget) -> set[int]:
    return {id(d) for d in parent.findChildren(DocumentDialog)}


def save_from(qtbot: Any, dialog: DocumentDialog, target: Path) -> str:
    """Click "Save as PDF…"; wait for the file and the confirmation; close both. Returns the PDF's text."""
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(target.exists, timeout=20000)
    box: list[QMessageBox] = []
    qtbot.waitUntil(lambda: bool(box.extend(dialog.findChildren(QMessageBox, "savedConfirmation")) or box),
                    timeout=10000)
    confirmation = box[0]
    assert str(target) in confirmation.text()
    assert any(b.text() == _("Open folder") for b in confirmation.buttons())
    qtbot.mouseClick(confirmation.button(QMessageBox.StandardButton.Ok), LEFT)
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    text = " ".join(" ".join(page_texts(target.read_bytes())).split())
    close = dialog.buttons.button(dialog.buttons.StandardButton.Close)
    qtbot.mouseClick(close, LEFT)
    return text


def click_row(qtbot: Any, table: QAbstractItemView, row: int, *, add: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(table.viewport(), LEFT, modifier, rect.center())


def choose_in_menu(button: QPushButton, text: str) -> None:
    """Trigger the entry ``text`` of the button's menu (the QAction that is in the menu: opening a popup menu
    on the offscreen platform makes Qt warn that it cannot grab the keyboard)."""
    menu = button.menu()
    assert isinstance(menu, QMenu) and button.isEnabled()
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)  # mnemonics aside
    assert action.isEnabled()
    action.trigger()


# --- Checklists page ----------------------------------------------------------------------------------------

def checklists(app: Any) -> ChecklistsPage:
    app.window.show_page("checklists")
    page = app.window.pages["checklists"]
    assert isinstance(page, ChecklistsPage)
    return page


def test_checklists_page_prints_report_blank_form_and_comparison(launch: Any, qtbot: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    app = launch()
    service = app.services.checklists
    service.templates.save(own_template())
    first = service.create("own-test", "Śląskie – wiosna", subject="Śląskie", assessed_on="2025-03-01")
    service.set_answer(first.id, "q-ynp", "partly")
    second = service.create("own-test", "Śląskie – jesień", subject="Śląskie", assessed_on="2025-10-01")
    service.set_answer(second.id, "q-ynp", "yes")
    page = checklists(app)
    page.reload()
    out = tmp_path / "out"
    out.mkdir()
    row = page.model.row_of(first.id)

    # "Print report…" on the summary of an assessment
    click_row(qtbot, page.table, row)
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.mouseClick(page.runner.summary_button, LEFT)
    assert page.stack.currentWidget() is page.summary
    target = out / "report.pdf"
    suggested = answer_save_dialog(monkeypatch, target)
    before = dialogs_under(page)
    qtbot.mouseClick(page.summary.print_button, LEFT)
    text = save_from(qtbot, preview_opened(qtbot, page, before), target)
    assert "Śląskie – wiosna" in text and "Is there a map?" in text and "Partly" in text
    assert suggested[-1].name == "Śląskie-wiosna.pdf"

    # "Blank paper form…" from the list's Print menu
    back = next(b for b in page.summary.findChildren(QPushButton) if b.text() == "← Assessments")
    qtbot.mouseClick(back, LEFT)
    click_row(qtbot, page.table, row)
    target = out / "blank.pdf"
    suggested = answer_save_dialog(monkeypatch, target)
    before = dialogs_under(page)
    choose_in_menu(page.print_button, "Blank paper form…")
    text = save_from(qtbot, preview_opened(qtbot, page, before), target)
    assert "PAPER FORM" in text and "Erste Sektion – Łódź" in text and "Tick one." in text
    assert "Śląskie – wiosna" not in text  # a blank form: nothing of the assessment
    assert suggested[-1].name == "Own-test-checklist-paper-form.pdf"

    # "Print comparison…" on the comparison of both rounds
    click_row(qtbot, page.table, 0)
    click_row(qtbot, page.table, 1, add=True)
    qtbot.mouseClick(page.compare_button, LEFT)
    assert page.stack.currentWidget() is page.compare
    target = out / "comparison.pdf"
    answer_save_dialog(monkeypatch, target)
    before = dialogs_under(page)
    qtbot.mouseClick(page.compare.print_button, LEFT)
    text = save_from(qtbot, preview_opened(qtbot, page, before), target)
    assert "Comparison" in text and "Śląskie – wiosna" in text and "Śląskie – jesień" in text


# --- Workshops page ----------------------------------------------------------------------------------------

def test_every_workshop_print_item_previews_and_saves(launch: Any, qtbot: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    app = launch()
    app.services.prepare()
    load_demo(app.services)
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    workshop_id = demo_id("workshop:bielsko-biala-training")
    page.list.reload()
    row = next(r for r, w in enumerate(page.list.model.rows) if w.id == workshop_id)
    click_row(qtbot, page.list.table, row)
    assert page.list.current_id() == workshop_id
    title = app.services.workshops.get(workshop_id).title
    save_settings(app.services, DocumentSettings(language="pl"))  # the user's settings reach this page too
    polish = catalogs.load("pl")  # the documents speak the language chosen in the settings
    expected = {kind: polish.gettext(words) for kind, words in (
        ("agenda", "Agenda"), ("signin", "Sign-in sheet"), ("feedback", "Feedback form"),
        ("certificates", "took part in the training"), ("report", "Workshop report"))}
    for kind, (label, _title) in KINDS.items():
        target = tmp_path / f"{kind}.pdf"
        suggested = answer_save_dialog(monkeypatch, target)
        before = dialogs_under(page)
        choose_in_menu(page.print_button, f"{label}…")
        dialog = preview_opened(qtbot, page, before)
        data = dialog.preview.data
        text = save_from(qtbot, dialog, target)
        assert expected[kind].casefold() in " ".join(text.split()).casefold(), kind
        assert title.split()[0] in text, kind
        # the suggested name is the document's title in its language, then the workshop's
        assert suggested[-1].suffix == ".pdf" and title.split()[0] in suggested[-1].name, suggested
        assert b"/Lang (pl)" in data, kind
        # the same PDF text as the command line route (and as the registry asked directly)
        direct = build(app.services, DocumentRequest(f"workshop-{kind}", workshop_id))
        assert page_texts(data) == page_texts(direct.data)


# --- paper, language and region come from the settings on every route --------------------------------------

def test_registry_gives_the_same_document_to_the_gui_and_the_command_line(launch: Any, qtbot: Any, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from inducci_desktop.app import main
    from inducci_desktop.printing.options import PaperSize

    data_dir = tmp_path / "data"
    app = launch(data_dir)
    service = app.services.checklists
    service.templates.save(own_template())
    region = app.services.regions.add("Dolnośląskie")
    assessment = service.create("own-test", "Wrocław 2026", subject="")
    save_settings(app.services, DocumentSettings(PaperSize.LETTER, "cs", region.id))
    page = checklists(app)
    page.reload()
    click_row(qtbot, page.table, 0)
    target = tmp_path / "gui.pdf"
    answer_save_dialog(monkeypatch, target)
    before = dialogs_under(page)
    choose_in_menu(page.print_button, "Assessment report…")
    dialog = preview_opened(qtbot, page, before)
    gui = dialog.preview.data
    save_from(qtbot, dialog, target)
    app.shutdown()

    cli = tmp_path / "cli.pdf"
    assert main(["--data-dir", str(data_dir), "print", "assessment", assessment.id, "-o", str(cli)]) == 0
    for data in (gui, cli.read_bytes(), target.read_bytes()):
        assert b"/Lang (cs)" in data
        assert b"612 792" in data  # US Letter, from the settings
        assert "Dolnośląskie" in " ".join(page_texts(data))
    assert page_texts(gui) == page_texts(cli.read_bytes())
    # a request's option overrides the setting on the command line too
    assert main(["--data-dir", str(data_dir), "print", "assessment", assessment.id, "-o", str(cli),
                 "--paper", "a4"]) == 0
    assert b"612 792" not in cli.read_bytes()
