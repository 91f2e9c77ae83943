"""Opening a .inducci file by double-click (``inducci-desktop FILE.inducci``): the Exchange page's import
preview; handed to a window already running on the same data folder; a damaged file explained; and the
app's icon on the window and in About."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from inducci_desktop.app import run, split_bundle_argument
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.exchange.page import ExchangePage
from inducci_desktop.ui.pages.registry import EXCHANGE, LIBRARY
from tests.services.exchange_helpers import dump, folder

from .conftest import Dialogs


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    target = tmp_path / "from-the-trainer.inducci"
    with folder(tmp_path / "trainer", demo=True) as trainer:
        trainer.exchange.export(target, ExportSelection(everything=True))
    return target


def start(qtbot: Any, *argv: str) -> RunningApp:
    running = run(list(argv), exec=False)
    assert isinstance(running, RunningApp)
    qtbot.waitUntil(lambda: running.ready, timeout=15000)
    return running


def exchange(running: RunningApp) -> ExchangePage:
    page = running.window.pages[EXCHANGE]
    assert isinstance(page, ExchangePage)
    return page


def test_the_bundle_argument_is_told_apart_from_commands(tmp_path: Path) -> None:
    assert split_bundle_argument(["--data-dir", "x.inducci", "import", "a.inducci"]) == (
        ["--data-dir", "x.inducci", "import", "a.inducci"], None)
    rest, found = split_bundle_argument(["-v", "Grüße aus Łódź.INDUCCI"])
    assert rest == ["-v"] and found is not None and found.name == "Grüße aus Łódź.INDUCCI"


def test_a_double_clicked_bundle_opens_the_import_preview(qtbot: Any, tmp_path: Path, bundle: Path,
                                                          dialogs: Dialogs) -> None:
    running = start(qtbot, "--data-dir", str(tmp_path / "official"), str(bundle))
    try:
        page = exchange(running)
        qtbot.waitUntil(lambda: getattr(page, "preview_dialog", None) is not None, timeout=15000)
        assert running.window.stack.currentWidget() is page
        dialog = page.preview_dialog
        assert dialog.isVisible() and bundle.name in dialog.windowTitle()
        qtbot.mouseClick(dialog.apply_button, qtbot_left())
        qtbot.waitUntil(lambda: any(t == "Imported" for _k, t, _x in dialogs.shown), timeout=15000)
        assert len(running.services.checklists.list(status="all")) == 2  # type: ignore[union-attr]
    finally:
        running.shutdown()


def test_a_second_start_hands_the_bundle_to_the_running_window(qtbot: Any, tmp_path: Path, bundle: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "official")
    running = start(qtbot, "--data-dir", data)
    try:
        page = exchange(running)
        running.window.show_page(LIBRARY)
        assert run(["--data-dir", data, str(bundle)], exec=False) == 0  # the second copy only hands over
        assert "handed it from-the-trainer.inducci" in capsys.readouterr().out
        qtbot.waitUntil(lambda: getattr(page, "preview_dialog", None) is not None, timeout=15000)
        assert running.window.stack.currentWidget() is page
        page.preview_dialog.reject()
        # a plain second start brings the window forward and opens nothing
        previous = page.preview_dialog
        assert run(["--data-dir", data], exec=False) == 0
        qtbot.wait(300)
        assert page.preview_dialog is previous
    finally:
        running.shutdown()


def test_a_damaged_bundle_is_explained_and_changes_nothing(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    data = tmp_path / "official"
    first = start(qtbot, "--data-dir", str(data))
    first.shutdown()
    before = dump(data / "inducci.sqlite3")
    damaged = tmp_path / "broken.inducci"
    damaged.write_bytes(b"PK\x03\x04 torn off in the middle of a copy")
    running = start(qtbot, "--data-dir", str(data), str(damaged))
    try:
        qtbot.waitUntil(lambda: any(k == "critical" for k, _t, _x in dialogs.shown), timeout=15000)
        _kind, title, text = dialogs.shown[-1]
        assert title == "broken.inducci cannot be imported" and "Nothing on this machine was changed" in text
        assert running.window.stack.currentWidget() is exchange(running)
    finally:
        running.shutdown()
    assert dump(data / "inducci.sqlite3") == before


def test_the_window_and_about_show_the_app_icon(qtbot: Any, tmp_path: Path) -> None:
    running = start(qtbot, "--data-dir", str(tmp_path / "data"))
    try:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        assert not app.windowIcon().isNull() and not running.window.windowIcon().isNull()
        assert app.windowIcon().availableSizes() or not app.windowIcon().pixmap(64, 64).isNull()
        help_menu = next(a.menu() for a in running.window.menuBar().actions() if a.text() == "&Help")
        about = next(a for a in help_menu.actions() if a.text().startswith("&About"))
        about.trigger()
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert not box.iconPixmap().isNull()
        assert "reportlab" in box.text() and "LGPL-3.0-only" in box.text() and "DejaVu" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), qtbot_left())
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    finally:
        running.shutdown()


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
