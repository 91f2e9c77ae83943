"""Journey fixtures: the real application, built by the composition root, its main window at the default size
1100×720, on a temporary data folder that can be reopened after quitting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from inducci_desktop.app import run
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.main_window import MainWindow

from ..pseudo_locale import CODE, use_pseudo
from ..ui.conftest import Dialogs
from .journey import Journey

WINDOW = (1100, 720)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def open_app(qtbot: Any, data_dir: Path, interface: str) -> Iterator[Callable[[], RunningApp]]:
    """``open_app()`` starts the app on ``data_dir`` (again, after a quit) and waits until the store is open."""
    started: list[RunningApp] = []

    def start() -> RunningApp:
        result = run(["--data-dir", str(data_dir)], exec=False)
        assert isinstance(result, RunningApp)
        started.append(result)
        qtbot.waitUntil(lambda: result.ready, timeout=15000)
        assert result.services is not None
        result.window.resize(*WINDOW)
        result.window.activateWindow()
        qtbot.waitUntil(result.window.isActiveWindow, timeout=3000)
        return result

    yield start
    for app in started:
        app.shutdown()


@pytest.fixture
def interface(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The interface language of a journey: English, or (parametrized indirectly with "en-XA") the
    pseudo-locale, in which the journey looks at every page and dialog for untranslated or cut text, or another
    of the app's languages ("pl"), which the ``journey`` starts the app in (``--lang``)."""
    code: str = getattr(request, "param", "en")
    if code != CODE:
        yield code
        return
    from PySide6.QtCore import QCoreApplication

    from inducci_desktop.ui.qt_translations import CatalogTranslator

    use_pseudo(monkeypatch)
    qt_words = CatalogTranslator()  # Qt's standard buttons through the pseudo catalog too
    QCoreApplication.installTranslator(qt_words)
    yield code
    QCoreApplication.removeTranslator(qt_words)


@pytest.fixture
def journey(qtbot: Any, data_dir: Path, dialogs: Dialogs, interface: str) -> Iterator[Journey]:
    """One person's sessions on ``data_dir`` (see journey.py); message boxes are recorded by ``dialogs``."""
    person = Journey(qtbot, data_dir, pseudo=interface == CODE,
                     language=interface if interface not in ("en", CODE) else None)
    yield person
    if person.app is not None:
        person.app.shutdown()
        QApplication.processEvents()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def main_window(open_app: Callable[[], RunningApp]) -> MainWindow:
    """The main window of a freshly started app (the welcome page is shown on a new data folder)."""
    return open_app().window


@pytest.fixture
def app_window(qtbot: Any, data_dir: Path, dialogs: Dialogs, interface: str) -> Iterator[Callable[..., Any]]:
    """``app_window(folder)`` starts the app on a data folder (``data_dir`` unless given) and hands back its
    ready main window at the default size; starting again on another folder shuts the running app down first
    (one at a time)."""
    started: list[RunningApp] = []

    def start(folder: Path | None = None) -> Any:
        while started:
            started.pop().shutdown()
        result = run(["--data-dir", str(folder or data_dir)], exec=False)
        assert isinstance(result, RunningApp)
        started.append(result)
        qtbot.waitUntil(lambda: result.ready, timeout=15000)
        result.window.resize(*WINDOW)
        return result.window

    yield start
    for app in started:
        app.shutdown()
