"""The participants' CSV preview shows every column the file brings in, sized to its content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from inducci_desktop.services.demo import load_demo
from inducci_desktop.ui.pages.workshops.csv_dialog import CsvImportDialog


def test_every_imported_column_is_shown_and_fits(launch: Any, qtbot: Any, monkeypatch: Any, tmp_path: Path) -> None:
    app = launch()
    load_demo(app.services)
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    page.list.reload()
    page.list.table.selectRow(0)
    page.tabs.setCurrentWidget(page.participants)
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("Name;Organisation;Department;E-mail;Consent;Consent date;Shoe size\n"
                        "Bożena Wiśniewska-Kołodziejczyk;Urząd Marszałkowski Województwa Śląskiego;"
                        "Wydział Kultury i Dziedzictwa;bozena@example.pl;tak;2026-05-04;38\n"
                        "Jiří Dvořák;Krajský úřad Karlovarského kraje;Odbor kultury;;ano;;42\n",
                        encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv_file), "")))
    button = next(b for b in page.participants.findChildren(QPushButton) if b.text() == "Import CSV…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.participants.findChildren(CsvImportDialog)), timeout=5000)
    dialog = page.participants.findChildren(CsvImportDialog)[-1]
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.table.rowCount() == 2, timeout=5000)
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Line", "Name", "Organisation", "Department", "E-mail", "Consent", "Consent date", "Problem"]
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[1:7] == ["Bożena Wiśniewska-Kołodziejczyk", "Urząd Marszałkowski Województwa Śląskiego",
                        "Wydział Kultury i Dziedzictwa", "bozena@example.pl", "yes", "2026-05-04"]
    assert "Shoe size" in dialog.summary.text()  # the column not used is named, not silently dropped
    metrics = table.fontMetrics()
    for column in range(1, table.columnCount() - 1):  # every column but the stretched last one fits
        widest = max(metrics.horizontalAdvance(table.item(r, column).text()) for r in range(table.rowCount()))
        assert table.columnWidth(column) >= widest, headers[column]
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert app.services.workshops.people.participants(page.workshop_id) == [] or all(
        p.name not in ("Jiří Dvořák",) for p in app.services.workshops.people.participants(page.workshop_id))
