"""The main window: navigation on the left, one page at a time, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from .. import APP_NAME
from ..services.container import Services
from .about import show_about
from .events import AppEvents
from .pages.settings_page import SettingsPage
from .theme import apply_theme

GEOMETRY_KEY = "ui.main_window.geometry"


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
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
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.settings_page = SettingsPage(services, self.events, self.undo_stack)
        self.add_page("Settings", self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                      self.settings_page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self._build_menus()
        apply_theme(services.settings.get("ui.theme", "system"))
        self._restore_geometry()

    def add_page(self, title: str, icon: QIcon, page: QWidget) -> None:
        item = QListWidgetItem(icon, title)
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)
        self.stack.addWidget(page)
        page.setAccessibleName(title)

    def show_page(self, title: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).text() == title:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(title)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        backup = QAction("&Back Up Now", self)
        backup.triggered.connect(self.settings_page.backups.create_backup)
        file_menu.addAction(backup)
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

        go_menu = self.menuBar().addMenu("&Go")
        for row in range(self.nav.count()):
            title = self.nav.item(row).text()
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    def _restore_geometry(self) -> None:
        saved = self.services.settings.get(GEOMETRY_KEY)
        if isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1100, 720)

    def save_geometry(self) -> None:
        encoded = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.services.settings.set(GEOMETRY_KEY, encoded)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.services.store.is_open:
            try:
                self.save_geometry()
            except Exception as exc:  # closing must never be blocked by a setting
                QMessageBox.warning(self, APP_NAME, f"The window size could not be saved: {exc}")
        event.accept()



