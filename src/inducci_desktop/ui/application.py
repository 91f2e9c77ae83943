"""Builds the GUI in a documented order (docs/ARCHITECTURE.md, "Start-up").

1. QApplication; 2. hand over to a running instance of the same data folder, if any; 3. take the data
lock; 4. listen for later starts; 5. show the main window at once; 6. open the store on a worker thread
(imports SQLAlchemy, checks → backup → migrate, content); 7. attach the services: the pages appear;
8. a moment later, declare the other features' models on a worker thread.
When the store cannot be opened, a dialog explains and offers the newest good backup.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from inducci_desktop import APP_ID, APP_NAME, __version__
from inducci_desktop.bootstrap import open_services
from inducci_desktop.domain.i18n import _
from inducci_desktop.instance import DataLock
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import DataInUseError, StoreError
from inducci_desktop.ui import garbage
from inducci_desktop.ui.app_icon import app_icon
from inducci_desktop.ui.jobs import Job, on_ui_thread
from inducci_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.services.library.first_page import EarlyServices, FirstPage

log = logging.getLogger(__name__)
ACTIVATE = b"activate"
OPEN = b"open "  # followed by a bundle's path in UTF-8, then a newline
STARTED = time.perf_counter()
EXIT_DATA = 3
#: how long after the first page is attached the remaining models are declared (ui/application.py _warm_up)
WARM_UP_DELAY_MS = 300


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
    register_fonts()
    return app


def register_fonts() -> list[str]:
    """Make the shipped DejaVu Sans known to Qt (≈10 ms), so that ł ř ő ű ß and the rest always have a
    font with their glyphs, even on a system whose own fonts lack them. The system's font stays the
    default; Qt falls back to these for missing characters. Returns the families registered."""
    from importlib.resources import as_file, files

    from PySide6.QtGui import QFontDatabase

    families: set[str] = set()
    for entry in (files("inducci_desktop.resources") / "fonts").iterdir():
        if entry.name.startswith("DejaVuSans") and entry.name.endswith(".ttf") and "Mono" not in entry.name:
            with as_file(entry) as path:
                font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
            else:
                log.warning("the font %s could not be loaded", entry.name)
    return sorted(families)


def show_fatal(title: str, text: str) -> None:
    application()
    QMessageBox.critical(None, title, text)


def ask_password(title: str, text: str) -> str | None:
    """The password the person types (shown as dots), or None when they cancel."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    application()
    password, ok = QInputDialog.getText(None, title, text, QLineEdit.EchoMode.Password)
    return password if ok and password else None


def server_name(paths: AppPaths) -> str:
    digest = hashlib.sha1(str(paths.data_dir).encode("utf-8")).hexdigest()[:16]
    return f"inducci-desktop-{digest}"


def hand_over_to_running(paths: AppPaths, open_file: Path | None = None) -> bool:
    """Ask an instance already running on this data folder to come forward (and to preview ``open_file``);
    True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(300):
        return False
    socket.write(OPEN + str(open_file).encode("utf-8") + b"\n" if open_file else ACTIVATE + b"\n")
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
        box = QMessageBox(QMessageBox.Icon.Critical, _("{APP_NAME} – unexpected error").format(APP_NAME=APP_NAME),
                          _("Something went wrong: {value}\n\nYour data is saved. The details are in the log "
                              "file:\n{log_file}")
                              .format(value=value, log_file=self.paths.log_file))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_box = box
        box.show()


@dataclass
class RunningApp:
    """Everything launch() built; ``shutdown`` releases it in reverse order.

    ``services`` is None until the store is open; ``exit_code`` is set when start-up gave up.
    """

    app: QApplication
    paths: AppPaths
    window: MainWindow
    lock: DataLock
    server: QLocalServer
    services: Services | None = None
    exit_code: int | None = None
    #: the first page is on screen, from the checked store (before the services: first_page.py) or the services
    first_page: bool = False
    in_event_loop: bool = False
    _closed: bool = field(default=False, repr=False)
    #: the server a copy was taken offline from in this run (the way back, also when it came from --database-url)
    _taken_from: str | None = field(default=None, repr=False)

    @property
    def ready(self) -> bool:
        """The services are attached (or start-up gave up)."""
        return self.services is not None or self.exit_code is not None

    @property
    def usable(self) -> bool:
        """The first page is on screen over the checked store (or start-up gave up)."""
        return self.first_page or self.ready

    def open_store(self) -> None:
        """Read the first page from the checked store and show it (where nothing must be written first), then
        build the services; without that first page, build them and show the pages over them."""
        from inducci_desktop.services.library.first_page import read_first_page

        Job(lambda _report: read_first_page(self.paths)).success(self._show_first).failure(
            lambda _exc: self._open_services(None)).start()

    def _show_first(self, first: FirstPage | None) -> None:
        if self._closed:
            return
        if first is None:
            self._open_services(None)
            return
        from inducci_desktop.services.library.first_page import EarlyServices

        started: list[bool] = []

        def start() -> None:  # once: after the first page is painted, or when something waits for the services
            # (a worker thread waiting for them leaves the start to the UI thread's timer below)
            if not started and on_ui_thread():
                started.append(True)
                self._open_services(early)

        early = EarlyServices(first, start)
        self.window.attach_first(cast("Services", early))
        self.first_page = True
        QTimer.singleShot(0, start)

    def _open_services(self, early: EarlyServices | None) -> None:
        paths = self.paths

        def work(_report: object) -> Services:
            # the data lock is held: leftovers of an interrupted backup can go (tidy)
            try:
                services = open_services(paths, tidy=True, checked=early.first.checked if early is not None else None)
            except BaseException as exc:
                if early is not None:
                    early.fail(exc)
                raise
            if early is not None:
                early.resolve(services)
            return services

        def failed(exc: Exception) -> None:
            if early is not None:
                self.first_page = False
                self.window.forget_first()
            self._failed(exc)

        def attach(services: Services) -> None:
            self._attach(services)
            if early is not None and not self._closed:
                early.library.run_waiting()  # what the first page put off (the item read last)

        Job(work).success(attach).failure(failed).start()

    def _attach(self, services: Services) -> None:
        if self._closed:
            services.close()
            return
        self.services = services
        self.window.attach(services)
        # with the data on a server: what others save appears here through the same change signal
        services.store.listen()
        garbage.start()
        # start-up is over: the other features' models are declared on a worker thread once the first page is
        # on screen, so that neither the start nor the first click on another page waits for them
        QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    def _warm_up(self) -> None:
        services = self.services
        if self._closed or services is None:
            return
        Job(lambda _report: services.warm_up()).failure(
            lambda exc: log.warning("warming up the models failed: %s", type(exc).__name__)).start()

    def switch_offline(self, kind: str) -> None:
        """``take``: copy the server's data into this data folder and show the copy; ``back``: merge the copy's
        changes into the server and show the server again (services/offline.py). On a worker thread; the
        window shows the other database when it is done, or explains and stays where it was."""
        from dataclasses import replace

        from inducci_desktop.services import offline

        services = self.services
        if services is None:
            return
        url = self._server_url(services, kind) if kind == "take" or self._taken_from is None else self._taken_from
        if url is None:
            QMessageBox.warning(self.window, _("Bring Changes Back"),
                                _("This computer does not know the shared database to bring the changes back to: "
                                  "choose it in Settings → Shared database, or run inducci-desktop db bring-back "
                                  "URL."))
            return
        before = self.paths
        local = replace(self.paths, location=None)
        self.window.flush_pages()
        self.window.detach()
        self.services = None
        services.close()

        def work(_report: object) -> tuple[str, Services, AppPaths]:
            from inducci_desktop.services.moving import server_location

            if kind == "take":
                taken, _backup, _choice = offline.take_offline(local, url)
                total = sum(taken.counts.values())
                said = _("{count} records copied from {server}: you are working on the offline copy.").format(
                    count=total, server=taken.server)
                after = local
            else:
                result = offline.bring_back(local, url, open_services)
                said = _("Changes brought back to {server}: {added} added, {updated} updated, {conflicts} "
                         "conflicts.").format(server=result.server, added=result.added, updated=result.updated,
                                              conflicts=len(result.conflicts))
                after = replace(local, location=server_location(url))
            return said, open_services(after, tidy=True), after

        def done(found: tuple[str, Services, AppPaths]) -> None:
            said, opened, after = found
            self._taken_from = url if kind == "take" else None
            if self._closed:
                opened.close()
                return
            self.paths = after
            self.services = opened
            self.window.replace_services(opened)
            opened.store.listen()
            self.window.statusBar().showMessage(said, 15000)

        def failed(exc: Exception) -> None:
            log.error("%s failed: %s", "taking a copy offline" if kind == "take" else "bringing changes back",
                      type(exc).__name__)
            QMessageBox.critical(self.window, _("Take a Copy Offline") if kind == "take" else _("Bring Changes Back"),
                                 _("{reason}\n\nNothing was changed; you are working where you were.")
                                 .format(reason=exc))
            try:
                reopened = open_services(before)
            except StoreError as again:
                self._failed(again)
                return
            self.services = reopened
            self.window.replace_services(reopened)
            reopened.store.listen()

        Job(work).success(done).failure(failed).start()

    @staticmethod
    def _server_url(services: Services, kind: str) -> str | None:
        if kind == "take":
            server = services.store.server
            return server.url.render_as_string(hide_password=False) if server is not None else None
        from inducci_desktop.services.offline import saved_server_url

        return saved_server_url(services.store.path.parent)

    def _failed(self, exc: Exception) -> None:
        garbage.start()  # start-up is over: what follows are dialogs
        if not isinstance(exc, StoreError):
            raise exc
        where = self.paths.server.shown if self.paths.server is not None else self.paths.database
        log.error("cannot open %s: %s", where, exc)
        if self._offer_restore(exc):
            self.open_store()
            return
        self.exit_code = EXIT_DATA
        self.shutdown()
        if self.in_event_loop:
            QCoreApplication.exit(EXIT_DATA)

    def _offer_restore(self, exc: StoreError) -> bool:
        """Explain; where a good backup exists, offer it. True if it was restored."""
        from inducci_desktop.services.backups import Backups, newest_good_backup

        if self.paths.server is not None:  # a server's backups are its administrator's, not this app's
            QMessageBox.critical(self.window, _("The database cannot be opened"),
                                 _("{exc}\n\nNothing was changed.").format(exc=exc))
            return False
        backups = Backups(self.paths.database, self.paths.backup_dir)
        candidate = newest_good_backup(backups) if exc.offer_restore else None
        if candidate is None:
            QMessageBox.critical(self.window, _("The database cannot be opened"), _("{exc}\n\nThe file was not "
                "changed.").format(exc=exc))
            return False
        answer = QMessageBox.question(
            self.window,
            _("The database cannot be opened"),
            _("{exc}\n\nThe file was not changed. Restore the newest good backup ({candidate})? The current file is "
                "kept beside the backups.")
                .format(exc=exc, candidate=candidate),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            backups.restore(candidate)
        except StoreError as restore_error:
            QMessageBox.critical(self.window, _("Restore failed"), str(restore_error))
            return False
        return True

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.window.close()
        self.window.deleteLater()
        self.server.close()
        if self.services is not None:
            self.services.close()
        self.lock.release()


def launch(paths: AppPaths, *, exec: bool = True, open_file: Path | None = None,
           smoke_test: bool = False, language: str | None = None) -> RunningApp | int:
    app = application()
    garbage.install(app)  # before the first Job: Qt objects are freed on the UI thread only (timer from attach)
    app.setWindowIcon(app_icon())  # every window and dialog, and the task bar
    if hand_over_to_running(paths, open_file):
        handed = _(" and handed it {name}").format(name=open_file.name) if open_file else ""
        print(_("{APP_NAME} is already running on {data_dir}; brought its window forward{handed}.")
            .format(APP_NAME=APP_NAME, data_dir=paths.data_dir, handed=handed))
        return 0
    lock = DataLock(paths)
    try:
        lock.acquire()
    except DataInUseError as exc:
        QMessageBox.warning(None, _("The data is in use"), str(exc))
        return EXIT_DATA
    server = QLocalServer()
    QLocalServer.removeServer(server_name(paths))
    server.listen(server_name(paths))
    if exec:
        sys.excepthook = ExceptionDialogHook(paths)
    window = MainWindow(paths, language)

    def activate() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            received = QByteArray()

            def read() -> None:
                received.append(connection.readAll())
                if received.contains(b"\n"):
                    _on_message(received, window)
                    received.clear()

            connection.readyRead.connect(read)

    server.newConnection.connect(activate)
    window.show()
    shown = time.perf_counter()
    if open_file is not None:
        window.open_bundle(open_file)
    running = RunningApp(app, paths, window, lock, server)
    window.offline_requested.connect(running.switch_offline)
    if smoke_test:
        window.attached.connect(lambda: _smoke_test_done(running, shown))
        sys.excepthook = _smoke_test_failed  # no dialog to wait for: report and leave
    # once the window has painted itself: the store's first read (a worker thread) does not hold up that paint
    QTimer.singleShot(0, running.open_store)
    if not exec:
        return running
    running.in_event_loop = True
    try:
        code = app.exec()
        return running.exit_code if running.exit_code is not None else code
    finally:
        running.shutdown()


def _on_message(data: QByteArray, window: MainWindow) -> None:
    message = bytes(data.data()).split(b"\n")[0]
    if message.startswith(OPEN):
        window.open_bundle(Path(message[len(OPEN):].decode("utf-8", errors="replace")))
    elif not message.startswith(ACTIVATE):
        return
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _smoke_test_failed(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
    log.critical("smoke test failed", exc_info=(kind, value, trace))
    print(_("smoke test failed: {name__}: {value}")
        .format(name__=kind.__name__, value=value), file=sys.stderr, flush=True)
    QCoreApplication.exit(70)


def _smoke_test_done(running: RunningApp, shown: float) -> None:
    """--smoke-test: the window is shown and the data open; report and close as a person would."""
    ready = time.perf_counter()
    print(_("smoke test: window shown {value:.2f} s, data open {value2:.2f} s after the GUI module loaded; pages: "
        "{count}")
        .format(value=shown - STARTED, value2=ready - STARTED, count=running.window.nav.count()), flush=True)
    QTimer.singleShot(0, running.window.close)
    QTimer.singleShot(0, QCoreApplication.quit)
