"""The Library journey: search, open a hit, add it to the handout pack by its shortcut while the focus is
in the search results, then preview the pack in the Print Center and save it as a PDF (through the app's
one save path: the save dialog, then the confirmation with "Open folder")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QListWidget, QMessageBox

from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.ui.main_window import MainWindow
from tests.printing.conftest import all_text
from tests.ui.conftest import type_text

from ..pseudo_locale import CODE
from .journey import look_at

# in English and in the pseudo-locale (tests/pseudo_locale.py): there, every page and dialog met is checked for
# text that escaped translation or no longer fits
pytestmark = pytest.mark.parametrize("interface", ["en", CODE], indirect=True)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def click_nav(qtbot: Any, window: MainWindow, title: str) -> None:
    nav = window.findChild(QListWidget, "navigation")
    assert nav is not None
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).text() == _(title))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def _confirmation(window: MainWindow) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox, "savedConfirmation") if b.isVisible()]
    return boxes[-1] if boxes else None


def answer_save_dialog(qtbot: Any, target: Path, *, patience_ms: int = 60_000) -> None:
    """Type the file name into the save dialog once it is open and press its Save button.

    If no save dialog comes within ``patience_ms``, whatever modal window is open instead is closed, so the
    test fails on its next check instead of waiting for ever."""
    tries = [patience_ms // 50]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(50, answer)
            elif dialog is not None:
                dialog.close()
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.selectAll()
        type_text(name, str(target))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        save = next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, answer)


# the file dialog's name completer pops up while typing; the offscreen platform cannot raise it or grab
# the keyboard for it, which says nothing about the app
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_search_open_add_by_shortcut_preview_and_save(main_window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    window = main_window
    # first start: the welcome page; this person starts with an empty database
    assert window.welcome is not None and window.welcome.isVisible()
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    library = window.pages["library"]
    assert window.stack.currentWidget() is library
    assert library.reader.current is None  # the overview, not an arbitrary guide
    assert _("How to use it") in library.reader.browser.toPlainText()  # the overview's words from the catalog
    look_at(window.paths.database, library)

    # search: Ctrl+F, type, Down into the results, Enter opens the hit
    qtbot.keyClick(library.reader.browser, Qt.Key.Key_F, CTRL)
    assert library.search_edit.hasFocus()
    qtbot.keyClicks(library.search_edit, "biala")  # finds Bielsko-Biała: ł typed as l
    qtbot.waitUntil(lambda: library.results_model.rowCount() > 0)
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Down)
    assert library.results.hasFocus()
    qtbot.keyClick(library.results, Qt.Key.Key_Return)
    item_id = library.reader.current
    assert item_id is not None
    title = library.library.item(item_id).title
    assert title in library.reader.browser.toPlainText()
    assert {m.cursor.selectedText() for m in library.reader.browser.extraSelections()} == {"Biała"}
    look_at(window.paths.database, library)

    # add to the handout pack by shortcut, the focus still in the results
    assert library.results.hasFocus()
    qtbot.keyClick(library.results, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == _("Added “{title}” to the handout pack").format(title=title)

    # the Print Center: the pack holds the item; preview it and save it as a PDF
    click_nav(qtbot, window, "Print Center")
    center = window.pages["print_center"]
    assert window.stack.currentWidget() is center
    assert [entry[0] for entry in center.pack.model.entries] == [item_id]
    look_at(window.paths.database, center)
    qtbot.mouseClick(center.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: center.preview.document.pageCount() >= 1, timeout=30000)
    count = center.preview.document.pageCount()
    qtbot.waitUntil(lambda: center.preview.pages_label.text() == ngettext("{count} page", "{count} pages", count)
                    .format(count=count), timeout=30000)
    look_at(window.paths.database, center)
    target = tmp_path / "handout-bielsko-biała.pdf"
    answer_save_dialog(qtbot, target)
    qtbot.mouseClick(center.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=30000)
    # the shared confirmation says where the file went, with "Open folder"; answered with OK
    qtbot.waitUntil(lambda: _confirmation(window) is not None, timeout=10000)
    box = _confirmation(window)
    assert box is not None and str(target) in box.text()
    assert any(b.text() == _("Open folder") for b in box.buttons())
    look_at(window.paths.database, box)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    text = all_text(target.read_bytes())
    assert title.split(" (")[0] in text and "Biała" in text
    # the pack is kept for the next time
    qtbot.waitUntil(lambda: list(center.printing.load_pack().item_ids) == [item_id], timeout=5000)

