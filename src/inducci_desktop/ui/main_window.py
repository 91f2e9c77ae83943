"""The main window: navigation on the left, one page at a time, menus and shortcuts.

It is shown before the database is open (start-up stays fast); ``attach`` adds the pages once the
services are ready.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME
from ..paths import AppPaths
from .about import show_about
from .events import AppEvents
from .theme import apply_theme
from .ui_state import UiState

if TYPE_CHECKING:
    from ..services.container import Services
    from .pages.settings_page import SettingsPage


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.paths = paths
        self.services: Services | None = None
        self.state = UiState(paths.data_dir)
        self.events = AppEvents(self)
        self.undo_stack = QUndoStack(self)
        self.events.dataReplaced.connect(self.undo_stack.clear)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.opening = QLabel("Opening your data…")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(lambda row: self.stack.setCurrentIndex(row + 1))
        self._build_menus()
        apply_theme(self.state.get("theme", "system"))
        self._restore_geometry()

    # -- pages -------------------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        """Build the pages of ui/pages/registry.py over the now open services."""
        from .pages.context import PageContext
        from .pages.registry import PAGES

        self.services = services
        context = PageContext(services, self.events, self.undo_stack, self.state, self)
        self.pages: dict[str, QWidget] = {}
        for title, icon, target in PAGES:
            module_name, class_name = target.split(":")
            page = getattr(importlib.import_module(module_name), class_name)(context)
            self.pages[title] = page
            self.add_page(title, self.style().standardIcon(icon), page)
        self.settings_page = cast("SettingsPage", self.pages["Settings"])
        self.backup_action.triggered.connect(self.settings_page.backups.create_backup)
        self.backup_action.setEnabled(True)
        self.nav.setCurrentRow(0)

    def add_page(self, title: str, icon: QIcon, page: QWidget) -> None:
        item = QListWidgetItem(icon, title)
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)
        self.stack.addWidget(page)
        page.setAccessibleName(title)
        row = self.nav.count() - 1
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
        self.go_menu.addAction(action)

    def show_page(self, title: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).text() == title:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(title)

    # -- menus -------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.backup_action = QAction("&Back Up Now", self)
        self.backup_action.setEnabled(False)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        self.go_menu = self.menuBar().addMenu("&Go")

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    # -- geometry ----------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.state.get("geometry")
        if isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in getattr(self, "pages", {}).values():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()
        self.state.set("geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        event.accept()
