"""Builds the GUI in a documented order (docs/ARCHITECTURE.md, "Start-up").

1. QApplication; 2. hand over to a running instance of the same data folder, if any; 3. take the data
lock; 4. listen for later starts; 5. open the store (checks → backup → migrate), with a dialog and an
offer to restore when the file is unusable; 6. services; 7. main window.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_ID, APP_NAME, __version__
from ..instance import DataLock
from ..paths import AppPaths
from ..services.container import Services
from ..store.database import Store
from ..store.errors import DataInUseError, StoreError

log = logging.getLogger(__name__)
ACTIVATE = b"activate"


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("InduCCI")
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")
    return app


def show_fatal(title: str, text: str) -> None:
    application()
    QMessageBox.critical(None, title, text)


def server_name(paths: AppPaths) -> str:
    digest = hashlib.sha1(str(paths.data_dir).encode("utf-8")).hexdigest()[:16]
    return f"inducci-desktop-{digest}"


def hand_over_to_running(paths: AppPaths) -> bool:
    """Ask an instance already running on this data folder to come forward; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(300):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(300)
    socket.disconnectFromServer()
    return True


class ExceptionDialogHook:
    """sys.excepthook for the GUI: log the error and show where the log is, instead of vanishing."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.last_box: QMessageBox | None = None

    def __call__(self, kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, value, trace))
        box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME} – unexpected error",
                          f"Something went wrong: {value}\n\nYour data is saved. The details are in the log file:\n"
                          f"{self.paths.log_file}")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_box = box
        box.show()


def open_store_interactively(paths: AppPaths, parent: QWidget | None = None) -> Store | None:
    """Open the store; on failure explain and, where it makes sense, offer the newest good backup."""
    store = Store(paths.database, paths.backup_dir)
    while True:
        try:
            store.open()
            return store
        except StoreError as exc:
            log.error("cannot open %s: %s", paths.database, exc)
            candidate = newest_good_backup(store) if exc.offer_restore else None
            if candidate is None:
                QMessageBox.critical(parent, "The database cannot be opened", f"{exc}\n\nThe file was not changed.")
                return None
            answer = QMessageBox.question(
                parent,
                "The database cannot be opened",
                f"{exc}\n\nThe file was not changed. Restore the newest good backup ({candidate})? "
                "The current file is kept beside the backups.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            store.backups.restore(candidate)


def newest_good_backup(store: Store) -> str | None:
    for info in store.backups.list():
        try:
            store.backups.verify(info.id)
        except StoreError:
            continue
        return info.id
    return None


@dataclass
class RunningApp:
    """Everything launch() built; ``shutdown`` releases it in reverse order."""

    app: QApplication
    services: Services
    window: Any
    lock: DataLock
    server: QLocalServer

    def shutdown(self) -> None:
        self.window.close()
        self.server.close()
        self.services.close()
        self.lock.release()


def launch(paths: AppPaths, *, exec: bool = True) -> RunningApp | int:
    app = application()
    if hand_over_to_running(paths):
        print(f"{APP_NAME} is already running on {paths.data_dir}; brought its window forward.")
        return 0
    lock = DataLock(paths)
    try:
        lock.acquire()
    except DataInUseError as exc:
        QMessageBox.warning(None, "The data is in use", str(exc))
        return 3
    server = QLocalServer()
    QLocalServer.removeServer(server_name(paths))
    server.listen(server_name(paths))
    if exec:
        sys.excepthook = ExceptionDialogHook(paths)
    store = open_store_interactively(paths)
    if store is None:
        server.close()
        lock.release()
        return 3
    services = Services.over(paths, store)

    from .main_window import MainWindow

    window = MainWindow(services)

    def activate() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            connection.readyRead.connect(lambda: _on_message(connection.readAll(), window))

    server.newConnection.connect(activate)
    window.show()
    running = RunningApp(app, services, window, lock, server)
    if not exec:
        return running
    try:
        return app.exec()
    finally:
        running.shutdown()


def _on_message(data: QByteArray, window: QWidget) -> None:
    if bytes(data.data()).startswith(ACTIVATE):
        window.showNormal()
        window.raise_()
        window.activateWindow()
