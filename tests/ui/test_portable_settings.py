"""Settings tells a portable copy apart: "Portable: data on this drive"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from inducci_desktop import paths as paths_module
from inducci_desktop.app import run
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.registry import SETTINGS


def test_settings_shows_portable_mode(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program_folder = tmp_path / "stick" / "InduCCI Desktop"
    program_folder.mkdir(parents=True)
    (program_folder / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.delenv("INDUCCI_DATA_DIR", raising=False)
    monkeypatch.setattr(paths_module, "frozen_app_dir", lambda: program_folder)  # as if run from the stick
    running = run([], exec=False)
    assert isinstance(running, RunningApp)
    try:
        qtbot.waitUntil(lambda: running.services is not None, timeout=15000)
        nav = running.window.nav
        row = next(r for r in range(nav.count()) if nav.item(r).text() == "Settings")
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())
        page = running.window.stack.currentWidget()
        assert page is running.window.pages[SETTINGS]
        assert page.portable_label.text().startswith("Portable: data on this drive")
        assert page.folder_label.text() == str(program_folder / "data")
        assert (program_folder / "data" / "inducci.sqlite3").is_file()
    finally:
        running.shutdown()
