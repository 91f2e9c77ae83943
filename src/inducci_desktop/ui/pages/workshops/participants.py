"""Participants of a workshop: add by hand, import a CSV file, remove to the trash, and a person's data on
request: export to a JSON file, or erase everywhere (confirmed, cannot be undone)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.files import safe_filename
from inducci_desktop.logsetup import log_folders
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.erasure import Erasure
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import ParticipantView
from inducci_desktop.ui.pages.workshops.csv_dialog import CsvImportDialog
from inducci_desktop.ui.table_model import RowsTableModel
from inducci_desktop.ui.widgets.enter import on_return

Index = QModelIndex | QPersistentModelIndex


class ParticipantModel(RowsTableModel):
    HEADERS = ("Name", "Organisation", "Department", "E-mail", "Consent")

    def cell(self, p: ParticipantView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            consent = f"yes, {p.consent_date.isoformat()}" if p.consent and p.consent_date else "no"
            return (p.name, p.organisation, p.department, p.email, consent)[column]
        return None


class ParticipantsPanel(QWidget):
    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.workshop_id: str | None = None
        self.model = ParticipantModel()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name")
        self.name.setAccessibleName("Participant name")
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("Organisation")
        self.organisation.setAccessibleName("Participant organisation")
        self.department = QLineEdit()
        self.department.setPlaceholderText("Department")
        self.department.setAccessibleName("Participant department")
        self.email = QLineEdit()
        self.email.setPlaceholderText("E-mail (optional)")
        self.email.setAccessibleName("Participant e-mail")
        self.consent = QCheckBox("Consent to store the data (today)")
        self.name_problem = QLabel()
        self.name_problem.setAccessibleName("Problem with the participant")
        self.name_problem.setStyleSheet("color: #b3261e;")
        self.name_problem.setWordWrap(True)
        self.name.textChanged.connect(lambda _t: self.name_problem.clear())
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        self.add_button = add
        # Enter adds from every field of the row, the consent box and the focused Add button alike
        on_return(self.add, self.name, self.organisation, self.department, self.email, self.consent, add)
        self.table = QTableView()
        self.table.setAccessibleName("Participants")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trash = QCheckBox("Show removed")
        self.trash.toggled.connect(self.reload)
        self.import_button = import_button = QPushButton("Import CSV…")
        import_button.clicked.connect(self.import_csv)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_or_restore)
        export_button = QPushButton("Export person's data…")
        export_button.setToolTip("Write everything stored about the selected person to a JSON file")
        export_button.clicked.connect(self.export_person)
        erase_button = QPushButton("Erase person on request…")
        erase_button.setToolTip("Erase the selected person everywhere, backups included")
        erase_button.clicked.connect(self.erase_person)
        self.export_button, self.erase_button = export_button, erase_button
        # two rows of fields wide enough to read what was typed, at the default window size too
        form = QGridLayout()
        form.addWidget(self.name, 0, 0)
        form.addWidget(self.organisation, 0, 1)
        form.addWidget(self.department, 1, 0)
        form.addWidget(self.email, 1, 1)
        form.setColumnStretch(0, 1)
        form.setColumnStretch(1, 1)
        adder = QHBoxLayout()
        adder.addWidget(self.consent)
        adder.addStretch(1)
        adder.addWidget(self.name_problem, 1)
        adder.addWidget(add)
        buttons = QHBoxLayout()
        for button in (import_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.trash)
        personal = QHBoxLayout()
        personal.addWidget(export_button)
        personal.addWidget(erase_button)
        personal.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(adder)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(personal)

    def load(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.reload()

    def reload(self) -> None:
        self.remove_button.setText("Restore" if self.trash.isChecked() else "Remove")
        self.model.load(self.workshops.people.participants(self.workshop_id, deleted=self.trash.isChecked())
                        if self.workshop_id else [])

    def selected(self) -> ParticipantView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def add(self) -> None:
        if self.workshop_id is None:
            return
        data = ParticipantInput(self.name.text(), self.organisation.text(), self.department.text(), self.email.text(),
                                self.consent.isChecked(), date.today() if self.consent.isChecked() else None)
        if not data.name.strip():
            self.name_problem.setText("Type the participant's name first.")
            self.name.setFocus()
            return
        try:
            self.workshops.people.add(self.workshop_id, data)
        except ServiceError as exc:
            self.name_problem.setText(str(exc))
            return
        self.name_problem.clear()
        for edit in (self.name, self.organisation, self.department, self.email):
            edit.clear()  # nothing of the previous person is carried over to the next
        self.consent.setChecked(False)
        self.name.setFocus()
        self.reload()

    def import_csv(self, path: str | None = None) -> CsvImportDialog | None:
        if self.workshop_id is None:
            return None
        if not path:
            path, _filter = QFileDialog.getOpenFileName(self, "Import participants", "", "CSV files (*.csv *.txt)")
        if not path:
            return None
        dialog = CsvImportDialog(self, self.workshops, self.workshop_id, Path(path))
        dialog.finished.connect(lambda _result: self.reload())
        dialog.start()
        dialog.open()
        return dialog

    def remove_or_restore(self) -> None:
        person = self.selected()
        if person is None:
            return
        if self.trash.isChecked():
            self.workshops.people.restore(person.id)
        else:
            self.workshops.people.delete(person.id)
        self.reload()

    def export_person(self, path: str | None = None) -> None:
        person = self.selected()
        if person is None:
            return
        if not path:
            suggested = safe_filename(person.name, ".json", fallback="participant")
            path, _filter = QFileDialog.getSaveFileName(self, "Export person's data", suggested, "JSON (*.json)")
        if not path:
            return
        try:
            data = self.workshops.people.export_person(person.id)
            Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, "Export", str(exc))
            return
        QMessageBox.information(self, "Export", f"Everything stored about {person.name} was written to {path}.")

    def erase_person(self) -> None:
        person = self.selected()
        if person is None:
            return
        record = self.workshops.people.person(person.id)
        where = "\n".join(f"• {title} ({dates})" for _id, title, dates in record.workshops)
        actions = "1 action item" if len(record.action_ids) == 1 else f"{len(record.action_ids)} action items"
        owned = f"\nThe person is the owner of {actions}; the owner will be left empty." if record.action_ids else ""
        answer = QMessageBox.question(
            self, "Erase person on request",
            f"Erase all data of {record.name} everywhere?\n\nEntries found ({len(record.entries)}):\n{where}{owned}\n\n"
            "Name, organisation, department, e-mail and consent are removed for good, from the backups too "
            "(this cannot be undone). "
            "Attendance counts stay, without the name. Consider exporting the data first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        erased = self.workshops.people.erase_person(person.id, extra_folders=[Path(f) for f in log_folders()])
        self.reload()
        entries = "1 entry" if erased.entries == 1 else f"{erased.entries} entries"
        backups = f" and from {erased.backups} backup{'s' if erased.backups != 1 else ''}" if erased.backups else ""
        done = f"The data of {record.name} was erased ({entries}){backups}."
        if erased.complete:
            QMessageBox.information(self, "Erase person", f"{done}\n\n{erased.files_checked} files of the data "
                                    "folder were read back: the name and e-mail are in none of them.")
            return
        self.report_unclean(done, erased)

    def report_unclean(self, done: str, erased: Erasure) -> None:
        """Name the files the erasure could not clean, and offer to delete those that may be deleted."""
        listed = "\n".join(f"• {f.path}: {f.reason}" for f in erased.unclean)
        box = QMessageBox(QMessageBox.Icon.Warning, "Erasure not complete",
                          f"{done}\n\nBut these files still hold the name or e-mail:\n{listed}", parent=self)
        deletable = [f.path for f in erased.unclean if f.deletable]
        delete = box.addButton("Delete these files", QMessageBox.ButtonRole.DestructiveRole) if deletable else None
        box.addButton("Keep them" if deletable else "Close", QMessageBox.ButtonRole.RejectRole)
        self.unclean_box = box
        box.exec()
        if delete is None or box.clickedButton() is not delete:
            return
        try:
            gone = self.workshops.people.delete_unclean(deletable, extra_folders=[Path(f) for f in log_folders()])
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, "Erasure", str(exc))
            return
        QMessageBox.information(self, "Erasure", f"{len(gone)} file{'s' if len(gone) != 1 else ''} deleted.")
