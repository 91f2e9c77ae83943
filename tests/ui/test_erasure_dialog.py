"""Erasure in the window when a backup cannot be cleaned: the dialog names the file and deletes it when
asked; afterwards no file of the data folder holds the person's name or e-mail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from inducci_desktop.app import run
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage
from tests.privacy.grep import hits
from tests.privacy.test_erasure_everywhere import EMAIL, NAME, damage

from .conftest import Dialogs


def test_erasure_dialog_names_a_damaged_backup_and_deletes_it(launch: Any, qtbot: Any, tmp_path: Path,
                                                             dialogs: Dialogs) -> None:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "demo"]) == 0
    assert run(["--data-dir", str(data), "backup", "create"]) == 0
    damaged = next((data / "backups").glob("inducci-*-manual.sqlite3"))
    damage(damaged)
    app = launch(data)
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    qtbot.waitUntil(lambda: page.list.current_id() is not None or page.list.model.rowCount() > 0, timeout=5000)
    if page.list.current_id() is None:
        page.list.table.selectRow(0)
    page.tabs.setCurrentWidget(page.participants)
    panel = page.participants
    qtbot.waitUntil(lambda: any(p.name == NAME for p in panel.model.rows), timeout=5000)
    panel.table.selectRow(next(r for r, p in enumerate(panel.model.rows) if p.name == NAME))
    erase = next(b for b in panel.findChildren(QPushButton) if b.text() == "Erase person on request…")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        delete = next(b for b in box.buttons() if b.text() == "Delete these files")
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)

    assert seen and str(damaged) in seen[0] and "could not be cleaned" in seen[0]
    assert not damaged.exists()
    assert ("information", "Erasure", "1 file deleted.") in dialogs.shown
    assert NAME not in [p.name for p in panel.model.rows]
    _, left = hits(data, NAME, EMAIL)
    assert left == []
