"""Editing one participant of a workshop (Edit… or a double click in the list). The dialog keeps the version of
the entry it loaded: when someone else saved the same person meanwhile, Save asks "Changed by … at …" with
Reload / Overwrite / Keep both instead of writing over their edit (a person has no copies: Keep both puts my
text on the clipboard)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _, pgettext
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.people import PeopleService
from inducci_desktop.services.workshops.views import ParticipantView
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice


class ParticipantEditor(QDialog):
    """Name, organisation, department, e-mail and consent of one participant; Save stores them (with the
    version loaded), Cancel leaves the entry as it is."""

    def __init__(self, parent: QWidget | None, people: PeopleService, person: ParticipantView) -> None:
        super().__init__(parent)
        self.setObjectName("participantEditor")
        self.setWindowTitle(_("Edit participant"))
        self.people = people
        self.person = person
        self.version = person.row_version  # a save over another version is refused and asked about
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Participant name"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(_("Participant organisation"))
        self.department = QLineEdit()
        self.department.setAccessibleName(_("Participant department"))
        self.email = QLineEdit()
        self.email.setAccessibleName(_("Participant e-mail"))
        self.consent = QCheckBox(_("Consent to store the data"))
        self.problem = QLabel()
        self.problem.setAccessibleName(_("Problem with the participant"))
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        self.state = QLabel()
        self.state.setAccessibleName(_("Save state"))
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(pgettext("person", "&Name:"), self.name)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("&Department:"), self.department)
        form.addRow(_("&E-mail:"), self.email)
        form.addRow("", self.consent)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self.show_person(person)

    def show_person(self, person: ParticipantView) -> None:
        self.person = person
        self.version = person.row_version
        self.name.setText(person.name)
        self.organisation.setText(person.organisation)
        self.department.setText(person.department)
        self.email.setText(person.email)
        self.consent.setChecked(person.consent)
        self.problem.clear()

    def value(self) -> ParticipantInput:
        consent = self.consent.isChecked()
        since = (self.person.consent_date or date.today()) if consent else None  # a consent given now: today
        return ParticipantInput(self.name.text(), self.organisation.text(), self.department.text(), self.email.text(),
                                consent, since)

    def save(self) -> bool:
        """Store what the dialog says and close it; True when saved."""
        mine = self.value()
        try:
            self.people.update(self.person.id, mine, expected=self.version)
        except ChangedElsewhere as exc:
            return self._changed_elsewhere(mine, exc)
        except ServiceError as exc:
            self.problem.setText(_("Not saved: {message}").format(message=exc))
            return False
        self.accept()
        return True

    def _changed_elsewhere(self, mine: ParticipantInput, error: ChangedElsewhere) -> bool:
        """Someone else saved this participant since the dialog opened: Reload shows theirs; Overwrite saves
        mine over theirs; Keep both shows theirs with my text on the clipboard (a person has no copies)."""
        choice = changed_elsewhere.ask(self, error, copy=False)
        if choice is Choice.OVERWRITE:
            self.version = error.row_version
            return self.save()
        if choice is Choice.KEEP_BOTH:
            changed_elsewhere.to_clipboard("\n".join(
                text for text in (mine.name, mine.organisation, mine.department, mine.email) if text))
        try:
            self.show_person(self.people.participant(error.record_id))
        except ServiceError as exc:  # removed or erased meanwhile
            self.problem.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return False
        self.state.setText(_("Their entry is shown; your text is on the clipboard.") if choice is Choice.KEEP_BOTH
                           else _("Reloaded: the entry {name} saved is shown.").format(name=error.who()))
        return False
