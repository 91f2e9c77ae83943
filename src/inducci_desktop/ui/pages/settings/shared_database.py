"""Settings → Shared database: the local database (default) or a PostgreSQL server, its fields, "Test
connection" (on a Job) and "Save" (the choice takes effect at the next start; the password goes to the keyring).

Enter in any field tests the connection. A field that does not fit gets its message under it and nothing is
saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services import shared_database as sd
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.identity import Identity
from inducci_desktop.services.shared_database import ConnectionReport, SharedDatabaseChoice
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.widgets.enter import on_return

ERROR_STYLE = "color: #B3261E;"
SSL_LABELS = (("verify-full", N_("Encrypted, server's certificate and name checked (verify-full)")),
              ("verify-ca", N_("Encrypted, server's certificate checked (verify-ca)")),
              ("require", N_("Encrypted, server not checked (require)")),
              ("prefer", N_("Encrypted if the server offers it (prefer)")),
              ("disable", N_("Not encrypted (disable)")))
#: no restart path in the app yet: the person restarts it
RESTART = N_("Restart InduCCI Desktop to switch.")


def choose_ca_file(parent: QWidget) -> Path | None:
    """Ask for the CA certificate (the one file dialog of this panel; tests answer it by replacing this)."""
    name, _filter = QFileDialog.getOpenFileName(parent, _("CA certificate"), str(Path.home()),
                                                _("Certificates (*.crt *.pem *.cer);;All files (*)"))
    return Path(name) if name else None


class SharedDatabasePanel(QGroupBox):
    def __init__(self, config_dir: Path, identity: Identity) -> None:
        super().__init__(_("Shared database"))
        self.config_dir = config_dir
        self.identity = identity
        self.local_radio = QRadioButton(_("Use the &local database on this computer"))
        self.shared_radio = QRadioButton(_("Use a &shared database on a server"))
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels: the field goes below
        self.errors: dict[str, QLabel] = {}
        self.host = self._line(form, "host", N_("Se&rver:"), N_("Server"))
        self.port = self._line(form, "port", N_("&Port:"), N_("Port"))
        self.database = self._line(form, "database", N_("&Database:"), N_("Database"))
        self.user = self._line(form, "user", N_("&User:"), N_("User"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_("Password"))
        form.addRow(_("Pass&word:"), self.password)
        self.ask_password = QCheckBox(_("Ask for the password at each start"))
        form.addRow("", self.ask_password)
        self._error_row(form, "password")
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        form.addRow("", self.keyring_note)
        self.sslmode = QComboBox()
        self.sslmode.setAccessibleName(_("TLS mode"))
        for key, label in SSL_LABELS:
            self.sslmode.addItem(_(label), key)
        # as narrow as the column allows (the longest mode is long in German); the list shows them whole
        self.sslmode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sslmode.setMinimumContentsLength(16)
        self.sslmode.view().setMinimumWidth(self.sslmode.view().sizeHintForColumn(0) + 24)
        form.addRow(_("&TLS:"), self.sslmode)
        self.ca_file = QLineEdit()
        self.ca_file.setAccessibleName(_("CA file"))
        self.choose_ca = QPushButton(_("Choose…"))
        self.choose_ca.setAccessibleName(_("Choose the CA file"))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_ca)
        ca_label = QLabel(_("&CA file:"))
        ca_label.setBuddy(self.ca_file)  # a row of two widgets gets no buddy of its own: Alt+C and no stray "&"
        form.addRow(ca_label, ca_row)
        self._error_row(form, "ca_file")
        # the name each change records is the one "Your name" keeps (Data section): shown here, set there
        self.name_note = QLabel()
        self.name_note.setObjectName("sharedDatabaseName")
        self.name_note.setWordWrap(True)
        form.addRow(_("Your name:"), self.name_note)
        self.test_button = QPushButton(_("&Test connection"))
        self.save_button = QPushButton(_("Save"))
        self.result = QLabel()
        self.result.setObjectName("sharedDatabaseResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.shared_radio)
        layout.addWidget(self.fields)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.setTabOrder(self.shared_radio, self.host)
        for first, second in ((self.host, self.port), (self.port, self.database), (self.database, self.user),
                              (self.user, self.password), (self.password, self.ask_password),
                              (self.ask_password, self.sslmode), (self.sslmode, self.ca_file),
                              (self.ca_file, self.choose_ca), (self.choose_ca, self.test_button),
                              (self.test_button, self.save_button)):
            self.setTabOrder(first, second)
        on_return(self.test, self.host, self.port, self.database, self.user, self.password, self.ca_file)
        self.shared_radio.toggled.connect(lambda _checked: self._update_enabled())
        self.choose_ca.clicked.connect(self._choose_ca)
        self.test_button.clicked.connect(lambda: self.test())
        self.save_button.clicked.connect(lambda: self.save())
        self.load()

    def _line(self, form: QFormLayout, name: str, label: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(_(accessible))
        form.addRow(_(label), edit)
        self._error_row(form, name)
        return edit

    def _error_row(self, form: QFormLayout, name: str) -> None:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        form.addRow("", error)
        self.errors[name] = error

    # --- the saved choice ------------------------------------------------------------------------------------

    def load(self) -> None:
        choice = sd.load(self.config_dir) or SharedDatabaseChoice()
        (self.shared_radio if choice.enabled else self.local_radio).setChecked(True)
        self.host.setText(choice.host)
        self.port.setText(str(choice.port))
        self.database.setText(choice.database)
        self.user.setText(choice.user)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(choice.sslmode)))
        self.ca_file.setText(choice.ca_file)
        self.show_name()
        problem = sd.keyring_problem()
        self.ask_password.setChecked(choice.ask_password or problem is not None)
        self.ask_password.setEnabled(problem is None)
        self.keyring_note.setText(problem + " " + _("The password will be asked for at each start and kept nowhere.")
                                  if problem else _("The password is kept in this computer's keyring."))
        kept = choice.enabled and not choice.ask_password and sd.stored_password(choice)
        self.password.setPlaceholderText(_("Kept in the keyring; type to change it") if kept else "")
        self._update_enabled()

    def show_name(self) -> None:
        """The name the changes made here record (after ``load``: a name an earlier version kept here is
        now the one of the Data section)."""
        self.name_note.setText(_("{name} — change it under Data → Your name.").format(name=self.identity.name()))

    def _update_enabled(self) -> None:
        self.fields.setEnabled(self.shared_radio.isChecked())
        self.test_button.setEnabled(self.shared_radio.isChecked())

    def _choose_ca(self) -> None:
        path = choose_ca_file(self)
        if path is not None:
            self.ca_file.setText(str(path))

    def choice(self) -> SharedDatabaseChoice | None:
        """The fields as a choice, or None (with the message under the port) when the port is not a number."""
        port_text = self.port.text().strip()
        if not port_text.isdigit():
            self._show_errors({"port": _("The port must be a number from 1 to 65535 (usually 5432).")})
            return None
        return SharedDatabaseChoice(enabled=self.shared_radio.isChecked(), host=self.host.text().strip(),
                                    port=int(port_text), database=self.database.text().strip(),
                                    user=self.user.text().strip(), sslmode=str(self.sslmode.currentData()),
                                    ca_file=self.ca_file.text().strip(), ask_password=self.ask_password.isChecked())

    def _show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        if problems:
            self.result.setText(_("Not saved: correct the fields marked."))
            self.result.setStyleSheet(ERROR_STYLE)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "")

    # --- the two buttons -------------------------------------------------------------------------------------

    def test(self) -> None:
        choice = self.choice()
        if choice is None or not self.test_button.isEnabled():
            return
        problems = sd.check(choice)
        self._show_errors(problems)
        if problems:
            self._say(_("Correct the fields marked, then test again."), error=True)
            return
        password = self.password.text() or None
        self.test_button.setEnabled(False)
        self._say(_("Testing the connection to {host}…").format(host=choice.host))

        def done(report: ConnectionReport) -> None:
            self.test_button.setEnabled(self.shared_radio.isChecked())
            self._say("\n".join((report.message, *report.details)), error=not report.ok)

        def failed(exc: Exception) -> None:
            self.test_button.setEnabled(self.shared_radio.isChecked())
            self._say(_("The test could not run: {error}").format(error=type(exc).__name__), error=True)

        Job(lambda _report: sd.test_connection(choice, password)).success(done).failure(failed) \
            .progress(self, _("Testing the connection…")).start()

    def save(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        password = None if choice.ask_password else (self.password.text() or None)
        try:
            sd.save(self.config_dir, choice, password)
        except sd.ChoiceError as exc:
            self._show_errors(exc.problems)
            return
        except sd.KeyringError as exc:
            self._show_errors({"password": str(exc)})
            self._say(_("Not saved: the password could not be kept."), error=True)
            return
        except ServiceError as exc:
            self._say(str(exc), error=True)
            return
        self._show_errors({})
        self.password.clear()
        where = (_("the shared database on {host}").format(host=choice.host) if choice.enabled
                 else _("the local database on this computer"))
        self._say(_("Saved: InduCCI Desktop uses {where} from its next start.").format(where=where) + " "
                  + _(RESTART))
        self.load()
