"""The main window: navigation on the left, one page at a time, menus and shortcuts.

It is shown before the database is open (start-up stays fast); ``attach`` adds the pages once the
services are ready.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
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

from inducci_desktop import APP_NAME
from inducci_desktop.domain.changes import Changes
from inducci_desktop.paths import AppPaths
from inducci_desktop.ui.about import show_about
from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.theme import apply_theme
from inducci_desktop.ui.ui_state import UiState

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.ui.pages.context import PageContext
    from inducci_desktop.ui.pages.settings.page import SettingsPage


class LazyPages(Mapping[str, QWidget]):
    """The pages by id; each is imported and built on first access and then added to the stack."""

    def __init__(self, context: PageContext | None, stack: QStackedWidget) -> None:
        self.context = context
        self.stack = stack
        self._targets: dict[str, tuple[str, str]] = {}
        self._built: dict[str, QWidget] = {}

    def declare(self, page_id: str, title: str, target: str) -> None:
        self._targets[page_id] = (title, target)

    def __getitem__(self, page_id: str) -> QWidget:
        page = self._built.get(page_id)
        if page is None:
            title, target = self._targets[page_id]
            module_name, class_name = target.split(":")
            page = getattr(importlib.import_module(module_name), class_name)(self.context)
            page.setObjectName(f"page-{page_id}")
            page.setAccessibleName(title)
            self.stack.addWidget(page)
            self._built[page_id] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)

    def built(self) -> list[QWidget]:
        return list(self._built.values())


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.paths = paths
        self.services: Services | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.state = UiState(paths.data_dir)
        self.events = AppEvents(self)
        self.undo_stack = QUndoStack(self)
        self.events.changed.connect(self._on_changed)
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
        # made now, not on the first message: a status bar that appears later shifts every page up
        self.statusBar().setSizeGripEnabled(True)
        self.pages = LazyPages(None, self.stack)
        self.nav.currentRowChanged.connect(self._row_selected)
        self._build_menus()
        apply_theme(self.state.get("theme", "system"))
        self._restore_geometry()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.undo_stack.clear()  # the whole database was replaced: old commands point nowhere

    # -- pages -------------------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        """Add the pages of ui/pages/registry.py over the now open services.

        A page is built the first time it is shown (or asked for through ``pages``), so opening the
        window costs only the first page.
        """
        from inducci_desktop.ui.pages.context import PageContext
        from inducci_desktop.ui.pages.registry import BUILD_AT_START, PAGES

        self.services = services
        # each commit anywhere (any thread) becomes one AppEvents.changed on the UI thread: the signal is
        # emitted on the writing thread and Qt queues it to the receivers, which live on the UI thread
        self._unsubscribe = services.changes.subscribe(self.events.changed.emit)
        self.pages = LazyPages(PageContext(services, self.events, self.undo_stack, self.state, self), self.stack)
        for entry in PAGES:
            self.pages.declare(entry.id, entry.title, entry.target)
            self.add_page(entry.id, entry.title, self.style().standardIcon(entry.icon))
        self.backup_action.triggered.connect(lambda: self.settings_page.backups.create_backup())
        self.backup_action.setEnabled(True)
        self.nav.setCurrentRow(0)
        for page_id in BUILD_AT_START:
            _ = self.pages[page_id]  # built now, see BUILD_AT_START

    def detach(self) -> None:
        """Stop hearing the services' changes (before they are closed)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @property
    def settings_page(self) -> SettingsPage:
        from inducci_desktop.ui.pages.registry import SETTINGS

        return cast("SettingsPage", self.pages[SETTINGS])

    def add_page(self, page_id: str, title: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, title)
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)
        row = self.nav.count() - 1
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
        self.go_menu.addAction(action)

    def _row_selected(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages.get(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        if page is not None:
            self.stack.setCurrentWidget(page)

    def show_page(self, page_id: str) -> None:
        """Show the page with this id (see ui/pages/registry.py)."""
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == page_id:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(page_id)

    # -- menus -------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.backup_action = QAction("&Back Up Now", self)
        self.backup_action.setEnabled(False)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        # Ctrl+Q everywhere: the platform's Quit binding is empty on Windows and on some Linux themes
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        quit_action.setShortcuts(quit_keys if ctrl_q in quit_keys else [*quit_keys, ctrl_q])
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
        for page in self.pages.built():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()
        self.state.set("geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        event.accept()
