"""The Settings page: your name, where the data lives (this computer or a shared database), schema version,
backups, regions, appearance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.catalogs import system_language
from inducci_desktop.domain.i18n import LANGUAGES, N_, NATIVE_NAMES, _, language
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.identity import MAX_NAME, login_name
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.settings.backups import BackupsPanel
from inducci_desktop.ui.pages.settings.logo import LogoPanel
from inducci_desktop.ui.pages.settings.regions import RegionsPanel
from inducci_desktop.ui.pages.settings.shared_database import SharedDatabasePanel
from inducci_desktop.ui.pages.title import page_title
from inducci_desktop.ui.theme import apply_theme
from inducci_desktop.ui.ui_state import LANGUAGE_KEY

UNREVIEWED = N_("This interface translation has not yet been reviewed by a native speaker.")

THEMES = (("system", N_("Follow the system")), ("light", N_("Light")), ("dark", N_("Dark")))


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _path_field(path: Path, name: str) -> QLineEdit:
    """A path to read and copy: a label cannot wrap it (no spaces) and would make the page wider than the
    window, so a read-only field without a frame that scrolls within itself, the whole path in its tooltip."""
    field = QLineEdit(str(path))
    field.setReadOnly(True)
    field.setFrame(False)
    field.setAccessibleName(name)
    field.setToolTip(str(path))
    field.setCursorPosition(0)
    palette = field.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    field.setPalette(palette)
    return field


def _wrapping_form(box: QWidget) -> QFormLayout:
    """A form whose fields go below their labels when both do not fit side by side (long German labels)."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class SettingsPage(QScrollArea):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        services, events, undo_stack = context.services, context.events, context.undo_stack
        self.services = services
        self.state = context.state
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(page_title(_("Settings")))

        data_box = QGroupBox(_("Data"))
        form = _wrapping_form(data_box)
        paths = services.paths
        # per machine, not in the database: every change made here records this name
        self.name_edit = QLineEdit(services.identity.stored())
        self.name_edit.setObjectName("yourName")
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(_("Your login name: {name}").format(name=login_name()))
        self.name_edit.setToolTip(_("Recorded with every change you make, and shown to others when you both "
                                    "edit the same record. Kept on this machine only; empty: your login name."))
        self.name_edit.editingFinished.connect(self._name_changed)
        self.name_note = QLabel("")
        self.name_note.setObjectName("yourNameNote")
        self.name_note.setWordWrap(True)
        self.name_note.hide()
        form.addRow(_("&Your name:"), self.name_edit)
        form.addRow("", self.name_note)
        self.folder_label = _path_field(paths.data_dir, _("Data folder"))
        open_folder = QPushButton(_("Open folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_folder)
        form.addRow(_("Data folder:"), folder_row)
        if paths.portable:
            self.portable_label = _selectable(_("Portable: data on this drive, beside the program"))
            form.addRow(_("Mode:"), self.portable_label)
        form.addRow(_("Database:"), _selectable(paths.database.name))
        self.folder_id_label = _selectable(services.exchange.folder_id())
        self.folder_id_label.setToolTip(_("This data folder's id: bundles made here carry it, so other machines "
                                        "know which edits they have seen from this one."))
        form.addRow(_("Data folder id:"), self.folder_id_label)
        self.schema_label = _selectable("")
        form.addRow(_("Schema version:"), self.schema_label)
        form.addRow(_("Log file:"), _path_field(paths.log_file, _("Log file")))

        look_box = QGroupBox(_("Appearance"))
        look = _wrapping_form(look_box)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(_("Theme"))
        for key, label in THEMES:
            self.theme_combo.addItem(_(label), key)
        current = self.state.get("theme", "system")
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(current)))
        self.theme_combo.currentIndexChanged.connect(self._theme_changed)
        look.addRow(_("Theme:"), self.theme_combo)
        self.window_ = context.window
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("interfaceLanguage")
        self.language_combo.setAccessibleName(_("Interface language"))
        system = NATIVE_NAMES[system_language(fallback=QLocale.system().name())]
        self.language_combo.addItem(_("Same as the system ({language})").format(language=system), "")
        for code in LANGUAGES:
            self.language_combo.addItem(NATIVE_NAMES[code], code)
        saved = self.state.get(LANGUAGE_KEY, "")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved if saved in LANGUAGES else "")))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        look.addRow(_("&Language:"), self.language_combo)
        # every translation of the interface is machine-assisted until a native speaker has checked it
        self.language_note = QLabel(_(UNREVIEWED))
        self.language_note.setObjectName("translationNotReviewed")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(language() != "en")
        look.addRow("", self.language_note)

        self.backups = BackupsPanel(services.maintenance, events)
        self.regions = RegionsPanel(services.regions, events, undo_stack)
        self.backups.setMinimumHeight(220)
        self.regions.setMinimumHeight(260)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(data_box)
        left.addWidget(look_box)
        self.logo = LogoPanel(services.paths)
        left.addWidget(self.logo)
        left.addWidget(self.backups, 1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        # the data folder is this computer's own: the choice of a shared database is kept there
        self.shared_database = SharedDatabasePanel(paths.data_dir, services.identity)
        # the panel's first load hands over a name an earlier version kept in the shared database choice
        self.name_edit.setText(services.identity.stored())
        right.addWidget(self.shared_database)
        right.addWidget(self.regions, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.setWidget(body)
        events.changed.connect(lambda changes: self.refresh() if changes.everything else None)
        self.refresh()

    def _name_changed(self) -> None:
        typed = self.name_edit.text()
        if " ".join(typed.split()) == self.services.identity.stored():
            return
        try:
            used = self.services.identity.set_name(typed)
        except ServiceError as exc:
            self.name_note.setText(str(exc))
            self.name_note.setStyleSheet("color: #b3261e;")
        except OSError as exc:
            self.name_note.setText(_("Your name could not be saved ({value}).").format(value=exc.strerror or exc))
            self.name_note.setStyleSheet("color: #b3261e;")
        else:
            self.name_note.setText(_("Changes you make are recorded as made by {name}.").format(name=used))
            self.name_note.setStyleSheet("")
            self.shared_database.show_name()
        self.name_note.show()

    def _language_changed(self) -> None:
        code = str(self.language_combo.currentData() or "")
        # after this signal has returned: the switch replaces this page too
        QTimer.singleShot(0, lambda: self.window_.set_language(code))

    def refresh(self) -> None:
        maintenance = self.services.maintenance
        current = maintenance.schema_version()
        expected = maintenance.expected_schema()
        self.schema_label.setText(_("{version} (current)").format(version=current) if current == expected
                                  else _("{version} (expected {expected})").format(version=current, expected=expected))

    def _theme_changed(self) -> None:
        choice = self.theme_combo.currentData()
        self.state.set("theme", choice)
        apply_theme(choice)
