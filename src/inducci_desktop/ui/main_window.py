"""The main window: navigation on the left, one page at a time, menus and shortcuts.

It is shown before the database is open (start-up stays fast); ``attach`` adds the pages once the
services are ready.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from inducci_desktop import APP_NAME
from inducci_desktop.catalogs import apply as apply_language
from inducci_desktop.catalogs import system_language
from inducci_desktop.domain.changes import Changes
from inducci_desktop.domain.i18n import LANGUAGES, _, language
from inducci_desktop.paths import AppPaths
from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.icons import icon
from inducci_desktop.ui.pages.registry import EXCHANGE, LIBRARY, PRINT_CENTER, WORKSHOPS
from inducci_desktop.ui.qt_translations import QtLanguage
from inducci_desktop.ui.theme import apply_theme
from inducci_desktop.ui.ui_state import LANGUAGE_KEY, UiState

STATUS_MS = 8000

#: the ui-state key that says the welcome page was answered
WELCOME_DONE_KEY = "welcome.done"

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.ui.pages.context import PageContext
    from inducci_desktop.ui.pages.settings.page import SettingsPage
    from inducci_desktop.ui.welcome import WelcomePage


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

    def is_built(self, page_id: str) -> bool:
        return page_id in self._built


class MainWindow(QMainWindow):
    #: the services are attached and the first pages built
    attached = Signal()
    #: the interface now speaks this language (menus and pages were made anew)
    language_changed = Signal(str)
    #: the person confirmed "take" (a copy offline) or "back" (bring the offline changes back): ui/application.py
    #: closes the services, does it and opens the other database
    offline_requested = Signal(str)

    def __init__(self, paths: AppPaths, language: str | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.language_override = language  # --lang: this run only, the saved choice stays
        self.services: Services | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._bundles_to_open: list[Path] = []
        self.state = UiState(paths.data_dir)
        self.qt_language = QtLanguage(self)
        self._apply_language(self.chosen_language())
        self.events = AppEvents(self)
        self.undo_stack = QUndoStack(self)
        self.events.changed.connect(self._on_changed)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(_("Navigation"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.opening = QLabel(_("Opening your data…"))
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
        self.welcome: WelcomePage | None = None
        self._icons: dict[str, str] = {}
        self.nav.currentRowChanged.connect(self._row_selected)
        self._build_menus()
        apply_theme(self.state.get("theme", "system"))
        self._restore_geometry()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.undo_stack.clear()  # the whole database was replaced: old commands point nowhere

    # -- pages -------------------------------------------------------------------------------------

    def attach_first(self, early: Services) -> None:
        """The pages, and the first one built, over ``early`` (services/library/first_page.py: the Library's
        lists read from the checked store while the services are still being built; anything else waits for
        them). ``attach`` follows with the services themselves; the actions that need them stay off until then.
        """
        from inducci_desktop.ui.pages.context import PageContext

        self.pages = LazyPages(PageContext(early, self.events, self.undo_stack, self.state, self), self.stack)
        self._add_pages()
        self.nav.setCurrentRow(0)

    def forget_first(self) -> None:
        """The services could not be built after ``attach_first``: the pages go, "Opening your data…" again."""
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        for page in self.pages.built():
            self.stack.removeWidget(page)
            page.setEnabled(False)
            page.deleteLater()
        self.pages = LazyPages(None, self.stack)
        self.stack.setCurrentWidget(self.opening)

    def attach(self, services: Services) -> None:
        """Add the pages of ui/pages/registry.py over the now open services (or, after ``attach_first``, give
        the pages built from now on the services themselves).

        A page is built the first time it is shown (or asked for through ``pages``, or sent an event it
        listens to: BUILD_ON_EVENT), so opening the window costs only the first page.
        """
        from inducci_desktop.ui.pages.context import PageContext

        self.services = services
        # each commit anywhere (any thread) becomes one AppEvents.changed on the UI thread: the signal is
        # emitted on the writing thread and Qt queues it to the receivers, which live on the UI thread
        self._unsubscribe = services.changes.subscribe(self.events.changed.emit)
        context = PageContext(services, self.events, self.undo_stack, self.state, self)
        if self.pages.context is not None:  # attach_first: the pages are there
            self.pages.context = context
            self._enable_actions()
        else:
            self.pages = LazyPages(context, self.stack)
            self._add_pages()
            self._enable_actions()
            self.nav.setCurrentRow(0)
        if self._first_start(services):
            self.show_welcome()
        pending, self._bundles_to_open = self._bundles_to_open, []
        for path in pending:
            self.open_bundle(path)
        self.attached.emit()

    def _add_pages(self) -> None:
        from inducci_desktop.ui.pages.registry import BUILD_ON_EVENT, PAGES

        for entry in PAGES:
            self.pages.declare(entry.id, entry.title, entry.target)
            self.add_page(entry.id, entry.title, icon(entry.icon))
            self._icons[entry.id] = entry.icon
        for signal_name, (page_id, method) in BUILD_ON_EVENT.items():
            self._build_on_event(signal_name, page_id, method)

    def _build_on_event(self, signal_name: str, page_id: str, method: str) -> None:
        """Build ``page_id`` when ``signal_name`` of the current AppEvents is first emitted and hand it that
        event; a page built earlier (shown by the user) has connected itself and gets it directly."""
        signal = getattr(self.events, signal_name)
        pages = self.pages

        def wake(*args: object) -> None:
            signal.disconnect(wake)
            if not pages.is_built(page_id):
                getattr(pages[page_id], method)(*args)

        signal.connect(wake)

    def _enable_actions(self) -> None:
        self.backup_action.triggered.connect(lambda: self.settings_page.backups.create_backup())
        for action in (self.backup_action, self.import_action, self.export_action, self.print_action,
                       self.welcome_action):
            action.setEnabled(True)
        from inducci_desktop.services.offline import MARKER

        on_server = self.services is not None and self.services.store.on_server
        self.offline_action.setEnabled(on_server)
        self.bring_back_action.setEnabled(not on_server and (self.paths.data_dir / MARKER).exists())

    def _confirm_offline(self, kind: str) -> None:
        if kind == "take":
            title = _("Take a Copy Offline")
            text = _("Copy all data of the shared database into this computer to work without the office network? "
                     "Until you bring the changes back, this window shows the copy; what others save on the "
                     "server meanwhile is merged when you bring yours back.")
        else:
            title = _("Bring Changes Back")
            text = _("Merge what you changed offline into the shared database and work on the server again? "
                     "Records edited both here and on the server are listed as conflicts on the Exchange page.")
        if QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes:
            self.offline_requested.emit(kind)

    # -- language ----------------------------------------------------------------------------------

    def chosen_language(self) -> str:
        """--lang, else the one chosen in Settings, else the system's (LANGUAGE, LC_ALL, LANG, the desktop's)."""
        saved = self.state.get(LANGUAGE_KEY)
        if self.language_override in LANGUAGES:
            return str(self.language_override)
        if isinstance(saved, str) and saved in LANGUAGES:
            return saved
        return system_language(fallback=QLocale.system().name())

    def _apply_language(self, code: str) -> None:
        apply_language(code)
        self.qt_language.use(language())
        QLocale.setDefault(QLocale(language()))

    def set_language(self, code: str) -> None:
        """Save the interface language ("" follows the system) and speak it at once: pending edits are saved,
        menus, navigation and pages are made anew in the new language, the page shown stays shown."""
        self.state.set(LANGUAGE_KEY, code)
        self.language_override = None
        for page in self.pages.built():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()
        current = self.current_page_id()
        self._apply_language(self.chosen_language())
        self._clear_menus()
        self._build_menus()
        self.nav.setAccessibleName(_("Navigation"))
        self.opening.setText(_("Opening your data…"))
        if self.services is None:
            return
        self._rebuild_pages(current)
        self.language_changed.emit(language())

    def flush_pages(self) -> None:
        """Save what the built pages hold (before the language or the database changes)."""
        for page in self.pages.built():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()

    def replace_services(self, services: Services) -> None:
        """Show ``services`` (another database: an offline copy, or the server again): the pages are made anew."""
        if self.services is None:
            self.attach(services)
            return
        self.services = services
        current = self.current_page_id()
        self._clear_menus()
        self._build_menus()
        self._rebuild_pages(current)

    def _rebuild_pages(self, current: str | None) -> None:
        assert self.services is not None
        from inducci_desktop.ui.pages.context import PageContext

        # the old pages hear nothing any more (a new AppEvents), then go; the new ones are built on demand
        if self._unsubscribe is not None:
            self._unsubscribe()
        old_pages, old_events = self.pages.built(), self.events
        self.events = AppEvents(self)
        self.events.changed.connect(self._on_changed)
        self._unsubscribe = self.services.changes.subscribe(self.events.changed.emit)
        self.undo_stack.clear()  # its commands point at the old pages
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        self.pages = LazyPages(PageContext(self.services, self.events, self.undo_stack, self.state, self), self.stack)
        self._add_pages()
        self._enable_actions()
        welcome_shown = self.welcome is not None and self.stack.currentWidget() is self.welcome
        if self.welcome is not None:
            self.stack.removeWidget(self.welcome)
            self.welcome.deleteLater()
            self.welcome = None
        if welcome_shown:
            self.show_welcome()
        elif current is not None:
            self.show_page(current)
        for page in old_pages:
            self.stack.removeWidget(page)
            page.setEnabled(False)  # its shortcuts are dead until it is gone
            page.deleteLater()
        old_events.deleteLater()

    def _clear_menus(self) -> None:
        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                for action in menu.actions():
                    if action.parent() is self:
                        action.setEnabled(False)
                        action.deleteLater()
                menu.deleteLater()
        self.menuBar().clear()

    def current_page_id(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _first_start(self, services: Services) -> bool:
        """A new data folder, or one whose welcome page got no answer yet (an upgraded one is not new)."""
        done = self.state.get(WELCOME_DONE_KEY)
        if done is None:
            report = services.store.last_open
            if report is None or not report.created:
                return False
            self.state.set(WELCOME_DONE_KEY, False)  # shown, waiting for a choice
        return done is not True

    def detach(self) -> None:
        """Stop hearing the services' changes (before they are closed)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- the welcome page --------------------------------------------------------------------------

    def show_welcome(self) -> None:
        """The first-start page: what the app is for, and a choice between example data and none."""
        if self.welcome is None:
            from inducci_desktop.ui.welcome import WelcomePage

            self.welcome = WelcomePage()
            self.welcome.chosen.connect(self._welcome_chosen)
            self.stack.addWidget(self.welcome)
        self.welcome.set_busy(False)
        self.nav.setCurrentRow(-1)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.example_button.setFocus()

    def _welcome_chosen(self, example: bool) -> None:
        assert self.welcome is not None and self.services is not None
        if not example:
            self.state.set(WELCOME_DONE_KEY, True)
            self.show_page(LIBRARY)
            self.statusBar().showMessage(_("An empty database: add your first workshop or assessment when ready"),
                                         STATUS_MS)
            return
        self.welcome.set_busy(True, _("Loading the example data…"))
        from inducci_desktop.ui.welcome import load_example

        load_example(self, self.services, self._example_loaded, self._example_failed)

    def _example_loaded(self, added: list[str]) -> None:
        self.state.set(WELCOME_DONE_KEY, True)  # the pages heard each write through AppEvents.changed
        self.show_page(WORKSHOPS)
        self.statusBar().showMessage(
            _("Example data loaded: {count} records added")
                .format(count=len(added)) if added else _("The example data was there already"),
            STATUS_MS)

    def _example_failed(self, exc: Exception) -> None:
        if self.welcome is not None:
            self.welcome.set_busy(False, _("The example data could not be loaded: {exc}").format(exc=exc))

    def open_bundle(self, path: Path) -> None:
        """Show the Exchange page with the import preview of ``path`` (a double-clicked .inducci file);
        before the data is open, remember it for ``attach``."""
        from inducci_desktop.ui.pages.registry import EXCHANGE

        if self.services is None:
            self._bundles_to_open.append(path)
            return
        self.show_page(EXCHANGE)
        preview = getattr(self.pages[EXCHANGE], "preview", None)
        if callable(preview):
            preview(path)

    @property
    def settings_page(self) -> SettingsPage:
        from inducci_desktop.ui.pages.registry import SETTINGS

        return cast("SettingsPage", self.pages[SETTINGS])

    def add_page(self, page_id: str, title: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, _(title))
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)
        row = self.nav.count() - 1
        action = QAction("&" + _(title), self)
        action.setWhatsThis(_("Go to {page}").format(page=_(title)))  # its name in Help → Keyboard Shortcuts
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
                self._row_selected(row)  # also when the row was current already (behind the welcome page)
                return
        raise KeyError(page_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: the icon variant follows
            for row in range(self.nav.count()):
                name = self._icons.get(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
                if name:
                    self.nav.item(row).setIcon(icon(name))
        super().changeEvent(event)

    # -- menus -------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.import_action = self._action(file_menu, _("&Import Bundle…"), "Ctrl+O", self._import_bundle)
        self.export_action = self._action(file_menu, _("&Export…"), "Ctrl+E", self._export)
        file_menu.addSeparator()
        self.print_action = self._action(file_menu, _("&Print…"), QKeySequence.StandardKey.Print, self._print)
        file_menu.addSeparator()
        self.backup_action = QAction(_("&Back Up Now"), self)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.offline_action = self._action(file_menu, _("Take a Copy &Offline…"), None,
                                           lambda: self._confirm_offline("take"))
        self.bring_back_action = self._action(file_menu, _("Bring &Changes Back…"), None,
                                              lambda: self._confirm_offline("back"))
        self.offline_action.setEnabled(False)
        self.bring_back_action.setEnabled(False)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, _("&Quit"), None, self.close)
        # Ctrl+Q everywhere: the platform's Quit binding is empty on Windows and on some Linux themes
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        quit_action.setShortcuts(quit_keys if ctrl_q in quit_keys else [*quit_keys, ctrl_q])
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.import_action, self.export_action, self.print_action, self.backup_action):
            action.setEnabled(False)  # until the data is open

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        undo = self.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, _("&Redo"))
        # the platform's redo keys, and Ctrl+Y where the platform does not already bind it (twice is ambiguous)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        redo.setShortcuts(redo_keys)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        self.go_menu = self.menuBar().addMenu(_("&Go"))

        help_menu = self.menuBar().addMenu(_("&Help"))
        self.guide_action = self._action(help_menu, _("&User Guide"), QKeySequence.StandardKey.HelpContents,
                                         self._show_guide)
        self.guide_action.setIcon(icon("help"))
        self.shortcuts_action = self._action(help_menu, _("&Keyboard Shortcuts"), "Ctrl+/", self.show_shortcuts)
        self.welcome_action = self._action(help_menu, _("&Welcome Page"), None, self.show_welcome)
        self.welcome_action.setEnabled(False)
        help_menu.addSeparator()
        about = self._action(help_menu, _("&About {name}").format(name=APP_NAME), None, self._show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, text: str, keys: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _import_bundle(self) -> None:
        self.show_page(EXCHANGE)
        self.pages[EXCHANGE].choose_import()  # type: ignore[attr-defined]

    def _export(self) -> None:
        self.show_page(EXCHANGE)
        self.statusBar().showMessage(_("Tick what to export, then press Export"), STATUS_MS)

    def _print(self) -> None:
        self.show_page(PRINT_CENTER)
        self.statusBar().showMessage(_("Choose the handout pack or a single document, then Print… or Save as PDF…"),
                                     STATUS_MS)

    def show_shortcuts(self) -> None:
        for page_id in self.pages:  # every page built, so that its actions are listed too
            _unused = self.pages[page_id]
        from inducci_desktop.ui.help import ShortcutsDialog  # the help window's modules load when first asked for

        ShortcutsDialog(self).exec()

    # -- geometry ----------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.state.get("geometry")
        if isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1100, 720)

    def _show_guide(self) -> None:
        from inducci_desktop.ui.help import GuideDialog  # off the start-up path: loaded when first asked for

        GuideDialog(self).exec()

    def _show_about(self) -> None:
        from inducci_desktop.ui.about import show_about  # reads the licence index: only when asked for

        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.built():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()
        self.state.set("geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        event.accept()
