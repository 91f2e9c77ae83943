"""The Exchange page through pytest-qt: export chosen records, import with preview and apply, a bad file
explained, a table written; the coordinator's by-region view on the Checklists page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.exchange import page as exchange_page
from inducci_desktop.ui.pages.exchange.page import ExchangePage
from tests.services.exchange_helpers import dump, folder, read_records

from .conftest import Dialogs


def open_page(app: RunningApp) -> ExchangePage:
    app.window.show_page("exchange")
    page = app.window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    return page


def test_export_chosen_records_without_personal_data(launch: Any, qtbot: Any, monkeypatch: Any,
                                                     dialogs: Dialogs, tmp_path: Path) -> None:
    app = launch()
    load_demo(app.services)
    page = open_page(app)
    page.reload()
    assert not page.export_button.isEnabled() and not page.personal.isChecked()
    assessment = app.services.checklists.list()[0]
    workshop = app.services.workshops.list()[0]
    page.check("assessments", assessment.id)
    page.check("workshops", workshop.id)
    assert page.export_button.text() == "Export 2 chosen records…"
    assert [group.text(1) for group in page._groups()] == ["2 regions", "0 templates", "2 assessments",
                                                           "1 workshop", "1 pilot action"]  # counts say what
    # they count
    details = [child.text(1) for group in page._groups() for child in page._children(group)]
    assert any(d.endswith("· In progress") for d in details) and not any("draft" in d for d in details)
    target = tmp_path / "for-coordinator"
    monkeypatch.setattr(exchange_page.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    page.export_button.click()
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _t, _x in dialogs.shown), timeout=10000)
    written = tmp_path / "for-coordinator.inducci"
    head, records = read_records(written)
    assert [a["id"] for a in records["assessments"]] == [assessment.id]
    assert [w["id"] for w in records["workshops"]] == [workshop.id]
    assert head["includes_personal_data"] is False and all(p["name"] is None for p in records["participants"])
    message = dialogs.shown[-1][2]
    assert "without participants' personal data" in message
    total = sum(len(rows) for rows in records.values())
    # what is counted is said: the two chosen records, and everything that travelled with them
    assert message.startswith(f"Exported 2 chosen records to {written}")
    assert f"with {total - 2} records they need" in message and f"{total} records in all" in message


def test_import_preview_apply_and_refresh(launch: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs,
                                          tmp_path: Path) -> None:
    with folder(tmp_path / "official", demo=True) as official:
        official.exchange.export(tmp_path / "work.inducci", ExportSelection(everything=True))
    app = launch(tmp_path / "coordinator")
    page = open_page(app)
    app.window.show_page("checklists")
    checklists = app.window.pages["checklists"]
    assert checklists.model.rowCount() == 0
    app.window.show_page("exchange")
    monkeypatch.setattr(exchange_page.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "work.inducci"), "")))
    page.import_button.click()
    qtbot.waitUntil(lambda: getattr(page, "preview_dialog", None) is not None, timeout=10000)
    dialog = page.preview_dialog
    groups = [dialog.tree.topLevelItem(n).text(0) for n in range(dialog.tree.topLevelItemCount())]
    assert groups[0] == "Conflicts (edited on both sides; see the choices below) (0)"
    assert groups[1].startswith("Added (")
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: any(t == "Imported" for _k, t, _x in dialogs.shown), timeout=10000)
    assert "added" in page.last_import.text()
    assert len(app.services.checklists.list(status="all")) == 2
    qtbot.waitUntil(lambda: checklists.model.rowCount() == 2, timeout=5000)  # the page reloaded itself
    page.reload()
    assert len(page._children(page._groups()[2])) == 2

    # the same file again: nothing to apply
    page.import_button.click()
    qtbot.waitUntil(lambda: page.preview_dialog is not dialog, timeout=10000)
    assert not page.preview_dialog.apply_button.isEnabled()
    page.preview_dialog.reject()


def test_bad_file_is_explained_and_changes_nothing(launch: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs,
                                                   tmp_path: Path) -> None:
    app = launch()
    load_demo(app.services)
    page = open_page(app)
    before = dump(app.services.store.path)
    bad = tmp_path / "minutes.inducci"
    bad.write_text("Minutes of the meeting")
    monkeypatch.setattr(exchange_page.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    page.import_button.click()
    qtbot.waitUntil(lambda: any(k == "critical" for k, _t, _x in dialogs.shown), timeout=10000)
    _kind, title, text = dialogs.shown[-1]
    assert title == "minutes.inducci cannot be imported" and "not a zip file" in text
    assert dump(app.services.store.path) == before


def test_table_export(launch: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    app = launch()
    load_demo(app.services)
    page = open_page(app)
    page.table_kind.setCurrentIndex(page.table_kind.findData("matrix"))
    page.table_format.setCurrentIndex(page.table_format.findData(".csv"))
    assert page.table_template.isEnabled() and not page.table_personal.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "m"), "")))
    page.table_button.click()
    qtbot.waitUntil(lambda: any(t == "Table written" for _k, t, _x in dialogs.shown), timeout=10000)
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_by_region_view(launch: Any, qtbot: Any) -> None:
    from inducci_desktop.ui.pages.checklists.regions import RegionOverviewDialog

    app = launch()
    load_demo(app.services)
    dialog = RegionOverviewDialog(app.services.checklists)
    qtbot.addWidget(dialog)
    assert dialog.overview is not None and len(dialog.overview.columns) == 2
    assert dialog.table.columnCount() == 3  # two assessments and the mean
    header = dialog.table.horizontalHeaderItem(0)
    assert header is not None and header.text().startswith("Śląskie (Silesia)")
    dialog.latest.setChecked(True)
    assert dialog.overview is not None and len(dialog.overview.columns) == 1
    assert dialog.table.columnCount() == 2


def test_by_region_button_on_the_checklists_page(launch: Any, qtbot: Any) -> None:
    from inducci_desktop.ui.pages.checklists.regions import RegionOverviewDialog

    app = launch()
    load_demo(app.services)
    app.window.show_page("checklists")
    page = app.window.pages["checklists"]
    page.reload()
    page.regions_button.click()
    dialog = page.findChild(RegionOverviewDialog)
    assert dialog is not None and dialog.isVisible() and dialog.table.columnCount() == 3
    dialog.reject()
