"""Journey: two laptops exchange work both ways through the Exchange page, with a conflict resolved there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from inducci_desktop.domain.i18n import _
from inducci_desktop.ui.pages.exchange import page as exchange_page
from tests.services.exchange_helpers import folder
from tests.ui.conftest import Dialogs

from ..pseudo_locale import CODE
from .journey import look_at, message_in_catalog

# in English and in the pseudo-locale (tests/pseudo_locale.py): there, the Exchange page and the import preview
# are checked for text that escaped translation or no longer fits, and every message box for its words
pytestmark = pytest.mark.parametrize("interface", ["en", CODE], indirect=True)


def _exchange_page(window: Any) -> Any:
    window.show_page("exchange")
    page = window.pages["exchange"]
    page.reload()
    look_at(window.paths.database, page)
    return page


def _export_everything(page: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs, target: Path) -> None:
    qtbot.mouseClick(page.all_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(exchange_page.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    shown = len(dialogs.shown)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(t == _("Exported") for _k, t, _x in dialogs.shown[shown:]), timeout=15000)
    message_in_catalog(dialogs.shown[-1])


def _import(page: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs, source: Path,
            choice: str | None = None) -> Any:
    monkeypatch.setattr(exchange_page.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    before = getattr(page, "preview_dialog", None)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "preview_dialog", None) not in (None, before), timeout=15000)
    dialog = page.preview_dialog
    look_at(page.window().paths.database, dialog)
    if choice is not None:  # chosen in the preview, with the keyboard as a person would
        box = next(iter(dialog.choices.values()))
        box.setFocus()
        for _step in range(box.findText(choice)):
            qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentText() == choice
    shown = len(dialogs.shown)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(t == _("Imported") for _k, t, _x in dialogs.shown[shown:]), timeout=15000)
    message_in_catalog(dialogs.shown[-1])
    return dialog


def _draft_and_item(services: Any) -> tuple[str, str]:
    draft = next(a.id for a in services.checklists.list() if a.status == "draft")
    view = services.checklists.get(draft)
    return draft, next(i.key for s in view.template.sections for i in s.items if i.type == "ynp")


def _items(services: Any, draft: str) -> list[str]:
    view = services.checklists.get(draft)
    return [i.key for s in view.template.sections for i in s.items if i.type == "ynp"]


def test_two_laptops_exchange_both_ways_and_resolve_a_conflict(app_window: Any, qtbot: Any, monkeypatch: Any,
                                                               dialogs: Dialogs, tmp_path: Path) -> None:
    official, coordinator = tmp_path / "official", tmp_path / "coordinator"
    with folder(official, demo=True) as services:
        draft, key = _draft_and_item(services)
    # the official exports everything; the coordinator imports it
    page = _exchange_page(app_window(official))
    _export_everything(page, qtbot, monkeypatch, dialogs, tmp_path / "start.inducci")
    window = app_window(coordinator)
    page = _exchange_page(window)
    _import(page, qtbot, monkeypatch, dialogs, tmp_path / "start.inducci")
    assert window.services.checklists.get(draft).value(key) is not None
    # both change the same answer before exchanging again; the coordinator sends theirs back
    window.services.checklists.set_answer(draft, key, "na")
    with folder(official) as services:
        services.checklists.set_answer(draft, key, "partly")
    _export_everything(page, qtbot, monkeypatch, dialogs, tmp_path / "back.inducci")

    window = app_window(official)
    page = _exchange_page(window)
    dialog = _import(page, qtbot, monkeypatch, dialogs, tmp_path / "back.inducci")
    # the preview showed the conflict with both versions side by side
    assert dialog.conflicts.rowCount() == 1
    assert "value: partly" in dialog.conflicts.item(0, 1).text()
    assert "value: na" in dialog.conflicts.item(0, 2).text()
    assert window.services.checklists.get(draft).value(key) == "partly"  # undecided: this machine's version
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=5000)
    assert "value: na" in page.conflict_table.item(0, 2).text()
    rect = page.conflict_table.visualItemRect(page.conflict_table.item(0, 0))
    qtbot.mouseClick(page.conflict_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.take_theirs_button.isEnabled()
    qtbot.mouseClick(page.take_theirs_button, Qt.MouseButton.LeftButton)
    assert window.services.checklists.get(draft).value(key) == "na"
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=5000)
    assert window.services.exchange.conflicts() == []
    # the resolution travels back without a new conflict
    _export_everything(page, qtbot, monkeypatch, dialogs, tmp_path / "resolved.inducci")
    window = app_window(coordinator)
    page = _exchange_page(window)
    monkeypatch.setattr(exchange_page.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "resolved.inducci"), "")))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "preview_dialog", None) is not None, timeout=15000)
    dialog = page.preview_dialog
    assert not dialog.plan.conflicts and not dialog.apply_button.isEnabled()  # the same answer on both sides
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert window.services.checklists.get(draft).value(key) == "na"
    assert window.services.exchange.conflicts() == []

    # another answer changed on both sides; this time the official decides in the preview: keep mine
    other = next(k for k in _items(window.services, draft) if k != key)
    window.services.checklists.set_answer(draft, other, "no")
    _export_everything(page, qtbot, monkeypatch, dialogs, tmp_path / "again.inducci")
    window = app_window(official)
    window.services.checklists.set_answer(draft, other, "yes")
    page = _exchange_page(window)
    dialog = _import(page, qtbot, monkeypatch, dialogs, tmp_path / "again.inducci", _("Keep mine"))
    assert dialog.conflicts.rowCount() == 1
    assert window.services.checklists.get(draft).value(other) == "yes"
    assert window.services.exchange.conflicts() == []
    assert [c.resolution for c in window.services.exchange.conflicts(resolved=True)] == ["theirs", "mine"]
