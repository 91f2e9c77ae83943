"""Importing participants from a CSV file: a preview with per-row problems; nothing stored until Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, _, ngettext, pgettext
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.csv_import import (
    DELIMITERS,
    ENCODING_LABELS,
    CsvPreview,
    ParticipantInput,
)
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.ui.jobs import Job

ENCODINGS = (None, "utf-8", "cp1250", "cp1252")
#: the participant fields a file may hold, in the order the preview shows them (name is always shown)
FIELDS = (("organisation", N_("Organisation")), ("department", N_("Department")), ("email", N_("E-mail")),
          ("consent", N_("Consent")), ("consent_date", N_("Consent date")))


def _field_text(person: ParticipantInput, key: str) -> str:
    if key == "consent":
        return _("yes") if person.consent else _("no")
    if key == "consent_date":
        return person.consent_date.isoformat() if person.consent_date else ""
    return str(getattr(person, key))


class CsvImportDialog(QDialog):
    def __init__(self, parent: QWidget, workshops: WorkshopService, workshop_id: str, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import participants – {name}").format(name=path.name))
        self.resize(820, 520)
        self.workshops = workshops
        self.workshop_id = workshop_id
        self.path = path
        self.preview: CsvPreview | None = None
        self.imported = 0
        self.data = b""
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(_("Encoding"))
        for name in ENCODINGS:
            self.encoding.addItem(_("Detect") if name is None else ENCODING_LABELS[name], name)
        self.delimiter = QComboBox()
        self.delimiter.setAccessibleName(_("Separator"))
        self.delimiter.addItem(_("Detect"), None)
        for char, label in DELIMITERS.items():
            self.delimiter.addItem(label.capitalize(), char)
        self.encoding.currentIndexChanged.connect(self.refresh)
        self.delimiter.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel(_("Reading…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(_("Preview of the rows"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        options = QHBoxLayout()
        options.addWidget(QLabel(_("Encoding:")))
        options.addWidget(self.encoding)
        options.addWidget(QLabel(_("Separator:")))
        options.addWidget(self.delimiter)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """Read the file off the UI thread, then show the preview."""
        Job(lambda _report: self.path.read_bytes()).success(self._read).failure(self._failed).progress(
            self, _("Reading the file…")).start()

    def _read(self, data: bytes) -> None:
        self.data = data
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(_("The file could not be read: {exc}").format(exc=exc))

    def refresh(self) -> None:
        self.table.setRowCount(0)
        self.import_button.setEnabled(False)
        try:
            self.preview = self.workshops.people.preview_csv(self.workshop_id, self.data,
                                                             encoding=self.encoding.currentData(),
                                                             delimiter=self.delimiter.currentData())
        except ServiceError as exc:
            self.preview = None
            self.summary.setText(_("<b>Nothing can be imported.</b> {exc}").format(exc=exc))
            return
        p = self.preview
        bad = len(p.bad)
        ignored = _(" Columns not used: {join}.").format(join=', '.join(p.ignored_columns)) if p.ignored_columns else ""
        skipped = (_(" 1 row has a problem and will be skipped.") if bad == 1 else
                   _(" {bad} rows have problems and will be skipped.").format(bad=bad) if bad else "")
        self.summary.setText(_("{describe}.{skipped}{ignored} Nothing is stored until you press Import.")
            .format(describe=p.describe(), skipped=skipped, ignored=ignored))
        # every field the file holds gets a column, so nothing imported is hidden from the preview
        fields = [(key, _(label)) for key, label in FIELDS if key in p.columns]
        labels = [_("Line"), pgettext("person", "Name"), *(label for _key, label in fields), _("Problem")]
        self.table.setColumnCount(len(labels))
        self.table.setHorizontalHeaderLabels(labels)
        self.table.setRowCount(len(p.rows))
        for r, row in enumerate(p.rows):
            person = row.participant
            values = [str(row.line), person.name if person else ""]
            values.extend(_field_text(person, key) if person else "" for key, _label in fields)
            values.append("; ".join(row.errors) or "; ".join(row.warnings))
            if person is None:  # show what the file says, so the user can find the row
                values[1] = " | ".join(v for v in row.values if v.strip())[:80]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row.errors:
                    item.setForeground(QColor("#B3261E"))
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        header.setStretchLastSection(True)
        self.import_button.setText(ngettext("Import {count} participant", "Import {count} participants", len(p.good))
                                   .format(count=len(p.good)))
        self.import_button.setEnabled(bool(p.good))

    def do_import(self) -> None:
        if self.preview is None or not self.preview.good:
            return
        people = self.preview.good
        self.import_button.setEnabled(False)
        Job(lambda _report: self.workshops.people.import_participants(self.workshop_id, people)).success(
            self._imported).failure(self._import_failed).progress(self, _("Importing…")).start()

    def _imported(self, count: int) -> None:
        self.imported = count
        self.accept()

    def _import_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, _("Import"), str(exc))
        self.refresh()
