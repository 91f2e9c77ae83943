"""Settings at the default window size (1100×720) in the longest languages: everything fits the width, so the
page never needs its horizontal scroll bar (long labels and hints wrap, form rows put the field under a label
that is too long, paths scroll inside their field)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inducci_desktop.app import run
from inducci_desktop.ui.application import RunningApp

from ..pseudo_locale import use_pseudo
from .layout_checks import layout_problems
from .test_layout import HEIGHT, WIDTH

LEFT = Qt.MouseButton.LeftButton


def _settings_at_default_size(qtbot: Any, data: Path, *language: str) -> tuple[RunningApp, Any]:
    app = run(["--data-dir", str(data), *language], exec=False)
    assert isinstance(app, RunningApp)
    qtbot.waitUntil(lambda: app.ready, timeout=20000)
    app.window.resize(WIDTH, HEIGHT)
    nav = app.window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings")
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())
    page = app.window.settings_page
    qtbot.waitUntil(page.isVisible)
    return app, page


def _assert_fits(qtbot: Any, page: Any) -> None:
    # with the shared database's fields shown too (they are there, greyed, either way)
    radio = page.shared_database.shared_radio
    qtbot.mouseClick(radio, LEFT, pos=radio.rect().topLeft() + radio.rect().center() / 4)
    assert radio.isChecked()
    QApplication.processEvents()
    bar = page.horizontalScrollBar()
    needed = page.widget().minimumSizeHint().width()
    assert bar.maximum() == 0 and not bar.isVisible(), (
        f"the Settings page needs {needed} px but has {page.viewport().width()} px")
    problems = layout_problems(page)
    assert not problems, "\n".join(problems)


@pytest.fixture
def long_data_folder(tmp_path: Path) -> Path:
    """A data folder whose path is long (a deep home folder): a path must not widen the page either."""
    return tmp_path / ("Dokumente-und-Einstellungen-der-Regionalentwicklungsagentur-" * 2) / "data"


def test_settings_fits_in_german(qtbot: Any, long_data_folder: Path) -> None:
    app, page = _settings_at_default_size(qtbot, long_data_folder, "--lang", "de")
    try:
        assert page.shared_database.title() == "Gemeinsame Datenbank"
        _assert_fits(qtbot, page)
    finally:
        app.shutdown()


def test_settings_fits_in_the_pseudo_locale(qtbot: Any, long_data_folder: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    use_pseudo(monkeypatch)
    app, page = _settings_at_default_size(qtbot, long_data_folder)
    try:
        assert page.shared_database.title().endswith("!]")
        _assert_fits(qtbot, page)
    finally:
        app.shutdown()
