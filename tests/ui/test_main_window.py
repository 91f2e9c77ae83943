"""The main window through pytest-qt: navigation, menus, regions with undo, backups, restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from inducci_desktop.ui.about import about_text
from inducci_desktop.ui.application import ExceptionDialogHook, RunningApp

from .conftest import Dialogs, type_text


def regions_shown(app: RunningApp) -> list[str]:
    model = app.window.settings_page.regions.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_window_opens_with_settings(launch: Any, qtbot: Any) -> None:
    app = launch()
    window = app.window
    assert window.isVisible()
    assert window.windowTitle() == "InduCCI Desktop"
    assert window.nav.count() >= 1
    page = window.settings_page
    assert "(current)" in page.schema_label.text()
    window.show_page("settings")
    assert window.stack.currentWidget() is page
    assert str(app.services.paths.data_dir) in page.folder_label.text()
    assert page.folder_id_label.text() == app.services.exchange.folder_id()  # the stable id of this data folder
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&File", "&Edit"] and "&Help" in menus


def test_add_rename_delete_with_undo_and_redo(launch: Any, qtbot: Any) -> None:
    app = launch()
    panel = app.window.settings_page.regions
    type_text(panel.name_edit, "Śląskie")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.name_edit, "Gorenjska")
    panel.add_button.click()
    assert regions_shown(app) == ["Gorenjska", "Śląskie"]
    assert panel.name_edit.text() == ""

    model = panel.model
    assert model.setData(model.index(1, 0), "Województwo śląskie")
    assert regions_shown(app) == ["Gorenjska", "Województwo śląskie"]

    panel.select_id(model.rows[0].id)
    panel.table.setFocus()
    panel.delete_or_restore()
    assert regions_shown(app) == ["Województwo śląskie"]

    undo, redo = app.window.undo_action, app.window.redo_action
    undo.trigger()  # delete undone
    assert regions_shown(app) == ["Gorenjska", "Województwo śląskie"]
    undo.trigger()  # rename undone
    assert regions_shown(app) == ["Gorenjska", "Śląskie"]
    undo.trigger()  # add undone
    assert regions_shown(app) == ["Śląskie"]
    redo.trigger()
    # the keys a person presses: Ctrl+Y, and the platform's own redo keys (neither bound twice: no
    # "ambiguous shortcut" and no lost key)
    assert len({key.toString() for key in redo.shortcuts()}) == len(redo.shortcuts())
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=3000)
    qtbot.keyClick(app.window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert regions_shown(app) == ["Gorenjska", "Województwo śląskie"]
    # what the window shows is what is stored
    assert sorted(r.name for r in app.services.regions.list()) == ["Gorenjska", "Województwo śląskie"]


def test_deleted_regions_can_be_restored_from_the_trash(launch: Any, qtbot: Any) -> None:
    app = launch()
    panel = app.window.settings_page.regions
    region = app.services.regions.add("Vysočina")
    panel.model.reload()
    panel.select_id(region.id)
    panel.delete_or_restore()
    assert regions_shown(app) == []
    panel.trash_box.setChecked(True)
    assert regions_shown(app) == ["Vysočina"] and panel.delete_button.text() == "Restore"
    panel.select_id(region.id)
    panel.delete_or_restore()
    panel.trash_box.setChecked(False)
    assert regions_shown(app) == ["Vysočina"]


def test_a_refused_name_shows_a_message_and_changes_nothing(launch: Any, dialogs: Dialogs) -> None:
    app = launch()
    panel = app.window.settings_page.regions
    panel.name_edit.setText("Łódź")
    panel.add_region()
    panel.name_edit.setText("ŁÓDŹ")
    panel.add_region()
    assert dialogs.shown[-1][0] == "warning" and "already" in dialogs.shown[-1][2]
    assert regions_shown(app) == ["Łódź"]
    assert app.window.undo_stack.count() == 1
    assert panel.name_edit.text() == "ŁÓDŹ"  # the user's text is kept to correct it


def test_backup_now_and_restore(launch: Any, qtbot: Any, dialogs: Dialogs) -> None:
    app = launch()
    services = app.services
    services.regions.add("Sokolov")
    backups = app.window.settings_page.backups
    before = backups.model.rowCount()
    backups.create_button.click()
    qtbot.waitUntil(lambda: backups.model.rowCount() == before + 1, timeout=5000)
    services.regions.add("Limburg")  # the write reports itself: the list refreshes without a nudge
    assert regions_shown(app) == ["Limburg", "Sokolov"]

    backups.table.selectRow(0)
    backups.restore_selected()
    assert dialogs.shown[-1][0] == "question"
    assert regions_shown(app) == ["Sokolov"]
    assert any(b.reason == "pre-restore" for b in services.maintenance.backups())
    assert app.window.undo_stack.count() == 0


def test_file_menu_backup_action(launch: Any, qtbot: Any) -> None:
    app = launch()
    action = next(a for a in app.window.menuBar().actions()[0].menu().actions() if "Back Up" in a.text())
    action.trigger()
    qtbot.waitUntil(lambda: any(b.reason == "manual" for b in app.services.maintenance.backups()), timeout=5000)


def test_geometry_and_theme_are_remembered(launch: Any, tmp_path: Path) -> None:
    app = launch()
    app.window.resize(780, 560)  # the offscreen screen is 800×600; geometry is clamped to it
    page = app.window.settings_page
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    assert app.window.state.get("theme") == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    app.shutdown()
    again = launch()
    assert again.window.size().width() == 780 and again.window.size().height() == 560
    assert again.window.settings_page.theme_combo.currentData() == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    again.window.settings_page.theme_combo.setCurrentIndex(again.window.settings_page.theme_combo.findData("light"))
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
    again.window.settings_page.theme_combo.setCurrentIndex(0)


def test_second_start_hands_over_to_the_running_window(launch: Any, tmp_path: Path) -> None:
    launch()
    assert launch() == 0


def test_data_locked_by_another_process_is_reported(launch: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    from inducci_desktop.instance import DataLock
    from inducci_desktop.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    with DataLock(paths):
        assert launch() == 3
    assert dialogs.shown[-1][0] == "warning" and "in use" in dialogs.shown[-1][2]


def test_unusable_database_offers_the_newest_good_backup(launch: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    app = launch()
    app.services.regions.add("Chemnitz")
    app.services.maintenance.create_backup()
    app.shutdown()
    database = tmp_path / "data" / "inducci.sqlite3"
    database.write_bytes(b"\x00garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    again = launch()
    assert dialogs.shown[-1][0] == "question" and "not an SQLite database" in dialogs.shown[-1][2]
    assert [r.name for r in again.services.regions.list()] == ["Chemnitz"]


def test_unusable_database_without_backup_is_left_alone(launch: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "inducci.sqlite3").write_bytes(b"not sqlite")
    assert launch().exit_code == 3
    assert dialogs.shown[-1][0] == "critical" and "not changed" in dialogs.shown[-1][2]
    assert (data / "inducci.sqlite3").read_bytes() == b"not sqlite"


def test_exception_hook_names_the_log_file(launch: Any) -> None:
    app = launch()
    hook = ExceptionDialogHook(app.services.paths)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert hook.last_box is not None
    assert str(app.services.paths.log_file) in hook.last_box.text()
    hook.last_box.close()
    assert "boom" in app.services.paths.log_file.read_text(encoding="utf-8")


def test_about_lists_versions_and_licences() -> None:
    text = about_text()
    for needle in ("PySide6", "Qt", "SQLAlchemy", "ReportLab", "LGPL", "Python"):
        assert needle in text


def test_the_window_is_shown_before_the_store_is_open(qtbot: Any, tmp_path: Path) -> None:
    from inducci_desktop.app import run

    running = run(["--data-dir", str(tmp_path / "data")], exec=False)
    try:
        assert running.window.isVisible()
        assert running.window.stack.currentWidget() is running.window.opening
        qtbot.waitUntil(lambda: running.services is not None, timeout=15000)
        assert running.window.stack.currentWidget() is running.window.welcome  # first start
        running.window.show_page("library")
        assert running.window.stack.currentWidget() is running.window.pages["library"]
    finally:
        running.shutdown()


def test_a_damaged_window_state_file_is_ignored(launch: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "ui-state.json").write_text("{not json", encoding="utf-8")
    app = launch()
    assert app.window.size().width() > 0
    app.shutdown()
    from inducci_desktop.ui.ui_state import VERSION

    assert f'"version": {VERSION}' in (data / "ui-state.json").read_text(encoding="utf-8")


def test_the_shipped_fonts_cover_central_european_letters(launch: Any) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from inducci_desktop.ui.application import register_fonts

    launch()
    assert register_fonts() == ["DejaVu Sans"]
    metrics = QFontMetrics(QFont("DejaVu Sans"))
    assert all(metrics.inFontUcs4(ord(char)) for char in "łśżřůěčšžőűäöüßŁŚŻŘŮĚČŠŽŐŰÄÖÜ")
