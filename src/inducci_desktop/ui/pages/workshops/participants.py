"""Participants of a workshop: add by hand, edit (Edit… or a double click), import a CSV file, remove to the
trash, and a person's data on request: export to a JSON file, or erase everywhere (confirmed, cannot be
undone)."""

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
from inducci_desktop.domain.i18n import N_, NC_, _, ngettext, pgettext
from inducci_desktop.logsetup import log_folders
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.erasure import Erasure
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import ParticipantView
from inducci_desktop.ui.pages.workshops.csv_dialog import CsvImportDialog
from inducci_desktop.ui.pages.workshops.participant_editor import ParticipantEditor
from inducci_desktop.ui.table_model import RowsTableModel
from inducci_desktop.ui.widgets.enter import on_return

Index = QModelIndex | QPersistentModelIndex


class ParticipantModel(RowsTableModel):
    HEADERS = (NC_("person", "Name"), N_("Organisation"), N_("Department"), N_("E-mail"), N_("Consent"))

    def cell(self, p: ParticipantView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            consent = (_("yes, {date}").format(date=p.consent_date.isoformat()) if p.consent and p.consent_date
                       else _("no"))
            return (p.name, p.organisation, p.department, p.email, consent)[column]
        return None


class ParticipantsPanel(QWidget):
    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.workshop_id: str | None = None
        self.model = ParticipantModel()
        self.name = QLineEdit()
        self.name.setPlaceholderText(pgettext("person", "Name"))
        self.name.setAccessibleName(_("Participant name"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(_("Organisation"))
        self.organisation.setAccessibleName(_("Participant organisation"))
        self.department = QLineEdit()
        self.department.setPlaceholderText(_("Department"))
        self.department.setAccessibleName(_("Participant department"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(_("E-mail (optional)"))
        self.email.setAccessibleName(_("Participant e-mail"))
        self.consent = QCheckBox(_("Consent to store the data (today)"))
        self.name_problem = QLabel()
        self.name_problem.setAccessibleName(_("Problem with the participant"))
        self.name_problem.setStyleSheet("color: #b3261e;")
        self.name_problem.setWordWrap(True)
        self.name.textChanged.connect(lambda _t: self.name_problem.clear())
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add)
        self.add_button = add
        # Enter adds from every field of the row, the consent box and the focused Add button alike
        on_return(self.add, self.name, self.organisation, self.department, self.email, self.consent, add)
        self.table = QTableView()
        self.table.setAccessibleName(_("Participants"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.editor: ParticipantEditor | None = None
        self.trash = QCheckBox(_("Show removed"))
        self.trash.toggled.connect(self.reload)
        self.import_button = import_button = QPushButton(_("Import CSV…"))
        import_button.clicked.connect(self.import_csv)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setToolTip(_("Change the selected participant's details"))
        self.edit_button.clicked.connect(lambda: self.edit())
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_or_restore)
        export_button = QPushButton(_("Export person's data…"))
        export_button.setToolTip(_("Write everything stored about the selected person to a JSON file"))
        export_button.clicked.connect(self.export_person)
        erase_button = QPushButton(_("Erase person on request…"))
        erase_button.setToolTip(_("Erase the selected person everywhere, backups included"))
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
        for button in (import_button, self.edit_button, self.remove_button):
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
        self.remove_button.setText(_("Restore") if self.trash.isChecked() else _("Remove"))
        self.edit_button.setEnabled(not self.trash.isChecked())
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
            self.name_problem.setText(_("Type the participant's name first."))
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

    def edit(self) -> ParticipantEditor | None:
        """Open the selected participant (as stored now) in an editor that saves with the version it loaded."""
        person = self.selected()
        if person is None or self.trash.isChecked():
            return None
        try:
            person = self.workshops.people.participant(person.id)
        except ServiceError as exc:  # removed or erased elsewhere since the list was shown
            self.name_problem.setText(str(exc))
            self.reload()
            return None
        editor = ParticipantEditor(self, self.workshops.people, person)
        editor.finished.connect(lambda _result: self._edited(editor))
        self.editor = editor
        editor.open()
        return editor

    def _edited(self, editor: ParticipantEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.reload()

    def import_csv(self, path: str | None = None) -> CsvImportDialog | None:
        if self.workshop_id is None:
            return None
        if not path:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import participants"), "",
                _("CSV files (*.csv *.txt)"))
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
            path, _filter = QFileDialog.getSaveFileName(self, _("Export person's data"), suggested, _("JSON (*.json)"))
        if not path:
            return
        try:
            data = self.workshops.people.export_person(person.id)
            Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, _("Export"), str(exc))
            return
        QMessageBox.information(self, _("Export"), _("Everything stored about {name} was written to {path}.")
            .format(name=person.name, path=path))

    def erase_person(self) -> None:
        person = self.selected()
        if person is None:
            return
        record = self.workshops.people.person(person.id)
        where = "\n".join(f"• {title} ({dates})" for _id, title, dates in record.workshops)
        actions = ngettext("{count} action item", "{count} action items", len(record.action_ids)).format(
            count=len(record.action_ids))
        owned = (_("\nThe person is the owner of {actions}; the owner will be left empty.").format(actions=actions)
                 if record.action_ids else "")
        answer = QMessageBox.question(
            self, _("Erase person on request"),
            _("Erase all data of {name} everywhere?\n\nEntries found ({count}):\n{where}{owned}\n\nName, "
                "organisation, department, e-mail and consent are removed for good, from the backups too (this "
                    "cannot be undone). Attendance counts stay, without the name. Consider exporting the data first.")
                .format(name=record.name, count=len(record.entries), where=where, owned=owned),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        erased = self.workshops.people.erase_person(person.id, extra_folders=[Path(f) for f in log_folders()])
        self.reload()
        entries = ngettext("{count} entry", "{count} entries", erased.entries).format(count=erased.entries)
        backups = (ngettext(" and from {backups} backup", " and from {backups} backups", erased.backups)
                   .format(backups=erased.backups) if erased.backups else "")
        done = _("The data of {name} was erased ({entries}){backups}.").format(name=record.name, entries=entries,
            backups=backups)
        if erased.complete:
            QMessageBox.information(self, _("Erase person"), _("{done}\n\n{files_checked} files of the data folder "
                "were read back: the name and e-mail are in none of them.")
                .format(done=done, files_checked=erased.files_checked))
            return
        self.report_unclean(done, erased)

    def report_unclean(self, done: str, erased: Erasure) -> None:
        """Name the files the erasure could not clean, and offer to delete those that may be deleted."""
        listed = "\n".join(f"• {f.path}: {f.reason}" for f in erased.unclean)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Erasure not complete"),
                          _("{done}\n\nBut these files still hold the name or e-mail:\n{listed}")
                              .format(done=done, listed=listed), parent=self)
        deletable = [f.path for f in erased.unclean if f.deletable]
        delete = box.addButton(_("Delete these files"), QMessageBox.ButtonRole.DestructiveRole) if deletable else None
        box.addButton(_("Keep them") if deletable else _("Close"), QMessageBox.ButtonRole.RejectRole)
        self.unclean_box = box
        box.exec()
        if delete is None or box.clickedButton() is not delete:
            return
        try:
            gone = self.workshops.people.delete_unclean(deletable, extra_folders=[Path(f) for f in log_folders()])
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, _("Erasure"), str(exc))
            return
        QMessageBox.information(self, _("Erasure"), ngettext("{count} file deleted.", "{count} files deleted.",
            len(gone))
            .format(count=len(gone)))
