"""GUI fixtures: the real app built by the composition root on a temporary data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from inducci_desktop.app import run
from inducci_desktop.ui.application import RunningApp


class Dialogs:
    """Records message boxes instead of blocking on them; answers questions with ``answer``."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def record(kind: str) -> Callable[..., Any]:
            def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
                self.shown.append((kind, title, text))
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok
            return show

        for kind in ("warning", "critical", "information", "question"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def launch(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[Callable[..., Any]]:
    started: list[RunningApp] = []

    def start(data_dir: Path | None = None) -> Any:
        """Start the app and wait until the store is open (or start-up gave up)."""
        result = run(["--data-dir", str(data_dir or tmp_path / "data")], exec=False)
        if isinstance(result, RunningApp):
            started.append(result)
            qtbot.waitUntil(lambda: result.ready, timeout=15000)
        return result

    yield start
    for app in started:
        app.shutdown()


def type_text(widget: Any, text: str) -> None:
    """Type any text, diacritics included (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
