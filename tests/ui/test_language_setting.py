"""Choosing the interface language in Settings as a person does: the combo lists each language by its own
name, the choice applies at once (menus, navigation, pages), what was being typed is saved first, the page
shown stays shown, and the choice is remembered for the next start."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from inducci_desktop import catalogs
from inducci_desktop.domain import i18n
from inducci_desktop.ui.main_window import MainWindow

from .conftest import type_text
from .gui_input import choose
from .test_workshops_page import new_workshop, open_page

LEFT = Qt.MouseButton.LeftButton


def _open_settings(window: MainWindow, qtbot: Any) -> QComboBox:
    nav = window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings")
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())
    combo = window.settings_page.findChild(QComboBox, "interfaceLanguage")
    assert combo is not None and combo.isVisible()
    return combo


def test_switching_to_german_at_once_without_losing_typed_text(launch: Any, qtbot: Any, monkeypatch: Any) -> None:
    app = launch()
    window = app.window
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Kreativwirtschaft in Chemnitz")
    type_text(page.details.venue, "Stadthalle Chemnitz")  # typed, not yet saved by its timer

    combo = _open_settings(window, qtbot)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[1:] == ["English", "Deutsch", "Polski", "Čeština", "Slovenščina", "Italiano", "Nederlands"]
    assert names[0].startswith("Same as the system")
    choose(qtbot, combo, "Deutsch")
    qtbot.waitUntil(lambda: i18n.interface_language() == "de", timeout=5000)
    qtbot.waitUntil(lambda: window.settings_page.isVisible(), timeout=5000)

    german = catalogs.load("de")
    assert app.services.workshops.get(workshop_id).venue == "Stadthalle Chemnitz"  # flushed before the switch
    assert window.current_page_id() == "settings"  # the page shown stays shown
    assert [a.text() for a in window.menuBar().actions()] == [
        german.gettext(t) for t in ("&File", "&Edit", "&Go", "&Help")]
    assert window.menuBar().actions()[0].text() == "&Datei"
    nav_texts = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert nav_texts[-1] == german.gettext("Settings")
    new_combo = window.settings_page.findChild(QComboBox, "interfaceLanguage")
    assert new_combo is not None and new_combo.currentData() == "de"
    note = window.settings_page.findChild(QLabel, "translationNotReviewed")  # never passed off as authoritative
    assert note is not None and note.isVisible() and "Muttersprach" in note.text()
    saved = json.loads((app.paths.data_dir / "ui-state.json").read_text(encoding="utf-8"))
    assert saved["language"] == "de"

    # Qt's own buttons speak German too (qtbase_de from Qt's translations, or the app's catalog)
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Cancel, window)
    cancel = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert isinstance(cancel, QPushButton) and cancel.text() == "Abbrechen"
    box.deleteLater()

    # back to the system's language (English in the tests): the same page, English words
    combo = window.settings_page.findChild(QComboBox, "interfaceLanguage")
    choose(qtbot, combo, german.gettext("Same as the system ({language})").split("(")[0])
    qtbot.waitUntil(lambda: i18n.interface_language() == "en", timeout=5000)
    assert window.menuBar().actions()[0].text() == "&File"
    assert json.loads((app.paths.data_dir / "ui-state.json").read_text(encoding="utf-8"))["language"] == ""


@pytest.mark.parametrize("code", ["sl", "pl"])
def test_the_chosen_language_is_used_at_the_next_start(launch: Any, qtbot: Any, tmp_path: Any, code: str) -> None:
    data = tmp_path / "data"
    app = launch(data)
    combo = _open_settings(app.window, qtbot)
    choose(qtbot, combo, i18n.NATIVE_NAMES[code])
    qtbot.waitUntil(lambda: i18n.interface_language() == code, timeout=5000)
    app.shutdown()
    i18n.use("en")
    again = launch(data)
    assert i18n.interface_language() == code
    assert again.window.menuBar().actions()[0].text() == catalogs.load(code).gettext("&File")
    # Slovene: the Qt wheels ship no qtbase_sl; Qt's Cancel comes from the app's catalog
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Cancel, again.window)
    cancel = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    expected = {"sl": "Prekliči", "pl": "Anuluj"}[code]
    assert cancel.text() == expected
    box.deleteLater()
