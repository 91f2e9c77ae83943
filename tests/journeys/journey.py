"""A person's sessions with the app on one data folder, for the journey tests: started and quit as a person
does (Ctrl+Q), started again on the same folder, pages reached through the navigation list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from inducci_desktop.app import run
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.container import Services
from inducci_desktop.ui.application import RunningApp

from ..ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton
WINDOW_SIZE = (1100, 720)


class Journey:
    """One person's session(s) with the app on one data folder."""

    def __init__(self, qtbot: Any, data_dir: Path, *, pseudo: bool = False, language: str | None = None) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.app: RunningApp | None = None
        self.language = language  # started with --lang (a real language); None: the system's (English in tests)
        self.pseudo = pseudo  # in the pseudo-locale: every page and dialog looked at is checked (``look``)

    # -- starting and quitting -------------------------------------------------------------------------

    def start(self) -> RunningApp:
        assert self.app is None, "quit first"
        result = run(["--data-dir", str(self.data_dir), *(("--lang", self.language) if self.language else ())],
                     exec=False)
        assert isinstance(result, RunningApp), f"the app did not start: {result!r}"
        self.app = result
        self.qtbot.waitUntil(lambda: result.ready, timeout=20000)
        result.window.resize(*WINDOW_SIZE)
        result.window.show()
        self.qtbot.waitExposed(result.window)
        result.window.activateWindow()
        self.qtbot.waitActive(result.window)
        return result

    def quit_with_ctrl_q(self) -> None:
        """Ctrl+Q sent to the window, as a person presses it; then what is left is released."""
        app = self.running
        window = app.window
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        self.qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
        app.shutdown()
        QApplication.processEvents()
        self.app = None

    @property
    def running(self) -> RunningApp:
        assert self.app is not None, "start the app first"
        return self.app

    @property
    def services(self) -> Services:
        services = self.running.services
        assert services is not None
        return services

    # -- moving around ---------------------------------------------------------------------------------

    def go_to(self, page_id: str) -> QWidget:
        """Click the page's entry in the navigation list."""
        from inducci_desktop.ui.pages.registry import PAGES

        window = self.running.window
        nav = window.findChild(QListWidget, "navigation")
        assert nav is not None
        row = [entry.id for entry in PAGES].index(page_id)
        rect = nav.visualItemRect(nav.item(row))
        self.qtbot.mouseClick(nav.viewport(), LEFT, pos=rect.center())
        self.qtbot.waitUntil(lambda: nav.currentRow() == row)
        page = self.page(page_id)
        self.look(page)
        return page

    def look(self, widget: QWidget) -> None:
        """In the pseudo-locale: no visible text of ``widget`` escaped the catalogs, and every text still fits."""
        if self.pseudo:
            assert in_pseudo_locale(), "the pseudo-locale is not in use"
            look(self.running, widget)

    def page(self, page_id: str) -> QWidget:
        page: QWidget = self.running.window.pages[page_id]
        return page

    # -- small steps several journeys share ------------------------------------------------------------

    def add_region_in_settings(self, name: str) -> None:
        """Settings ▸ Regions: type the name, click Add."""
        settings = self.go_to("settings")
        panel = settings.regions  # type: ignore[attr-defined]
        self.qtbot.mouseClick(panel.name_edit, LEFT)
        type_text(panel.name_edit, name)
        self.qtbot.mouseClick(panel.add_button, LEFT)
        self.qtbot.waitUntil(lambda: name in [r.name for r in self.services.regions.list()])


def in_pseudo_locale() -> bool:
    from inducci_desktop.domain.i18n import _

    from ..pseudo_locale import is_pseudo

    return is_pseudo(_("Settings"))


def look(app: RunningApp, widget: QWidget) -> None:
    """In the pseudo-locale (nothing otherwise): no visible text of ``widget`` escaped the catalogs (user data
    and toolbox content aside), and every text still fits."""
    look_at(app.paths.database, widget)


def look_at(database: Path, widget: QWidget) -> None:
    """``look`` for an app known by its database (the main window's ``paths.database``)."""
    if not in_pseudo_locale():
        return
    from ..ui.layout_checks import layout_problems
    from ..ui.pseudo_checks import data_corpus, untranslated

    for _round in range(5):  # layouts that changed settle in a few rounds
        QApplication.processEvents()
    problems = untranslated(widget, data_corpus(database)) + layout_problems(widget)
    assert not problems, "\n".join(problems)


def said(template: str, text: str) -> bool:
    """Whether ``text`` begins with the catalog's ``template`` (in the language in use), its {placeholders} filled."""
    pattern = re.escape(_(template))
    pattern = re.sub(r"\\\{[^{}]*\\\}", ".*?", pattern)
    return re.match(pattern, text, flags=re.DOTALL) is not None


def message_in_catalog(shown: tuple[str, str, str]) -> None:
    """In the pseudo-locale: a message box's title and text (as recorded by ``Dialogs``) came from a catalog."""
    if in_pseudo_locale():
        from ..pseudo_locale import is_pseudo

        _kind, title, text = shown
        assert is_pseudo(title) and is_pseudo(text), shown


def when_modal(qtbot: Any, act: Any, *, timeout_ms: int = 10000) -> list[BaseException]:
    """Run ``act(dialog)`` as soon as a modal dialog is open (it is opened by the next input the test sends).

    If ``act`` fails, the dialog is rejected so that the test does not hang, and the error is returned in the
    list (check it after the input that opened the dialog)."""
    from PySide6.QtCore import QDeadlineTimer, QTimer
    from PySide6.QtWidgets import QDialog

    errors: list[BaseException] = []
    deadline = QDeadlineTimer(timeout_ms)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            if deadline.hasExpired():
                errors.append(TimeoutError("no modal dialog opened"))
                return
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:
            errors.append(exc)
            dialog.reject()

    QTimer.singleShot(0, poll)
    return errors
