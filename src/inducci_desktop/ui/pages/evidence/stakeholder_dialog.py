"""Dialogs of the people register: a stakeholder added or edited (with consent and activities), and the
choice of a workshop whose consenting participants are added in one action."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import Activity, StakeholderInput, StakeholderView
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.widgets.region_picker import RegionPicker

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

ACTIVITY = Qt.ItemDataRole.UserRole


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e")
    return label


class StakeholderDialog(QDialog):
    """A person or organisation consulted: new (``existing`` None) or edited."""

    def __init__(self, parent: QWidget | None, services: Services, existing: StakeholderView | None = None,
                 region_id: str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.existing = existing
        self.saved_id: str | None = None
        self.setWindowTitle(_("Edit person consulted") if existing else _("Add person consulted"))
        self.setMinimumWidth(540)
        data = existing.as_input() if existing else StakeholderInput(region_id)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind"))
        for key, label in rules.STAKEHOLDER_KIND.labels.items():
            self.kind.addItem(_(label), key)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.region = RegionPicker(services.regions)
        self.region.set_region(data.region_id)
        self.name = self._line(_("Name"), data.name)
        self.organisation = self._line(_("Organisation"), data.organisation)
        self.role = self._line(_("Role"), data.role)
        self.email = self._line(_("E-mail"), data.email)
        self.consent = QCheckBox(_("Agreed to be recorded and named"))
        self.consent.setChecked(data.consent)
        self.consent_date = QDateEdit()
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("yyyy-MM-dd")
        day = data.consent_date or date.today()
        self.consent_date.setDate(QDate(day.year, day.month, day.day))
        self.consent_date.setEnabled(data.consent)
        self.consent.toggled.connect(self.consent_date.setEnabled)
        self.activities = QListWidget()
        self.activities.setAccessibleName(_("Activities"))
        self.activities.setMaximumHeight(110)
        for activity in data.activities:
            self._add_item(activity)
        self.activity_kind = QComboBox()
        self.activity_kind.setAccessibleName(_("Kind of activity"))
        for key, label in rules.ACTIVITY_KIND.labels.items():
            self.activity_kind.addItem(_(label), key)
        self.activity_label = QLineEdit()
        self.activity_label.setAccessibleName(_("Activity"))
        self.activity_label.setPlaceholderText(_("e.g. Focus group on vacant halls, May 2026"))
        self.activity_label.returnPressed.connect(self.add_activity)
        self.add_activity_button = QPushButton(_("Add activity"))
        self.add_activity_button.setAutoDefault(False)
        self.add_activity_button.clicked.connect(self.add_activity)
        self.remove_activity_button = QPushButton(_("Remove activity"))
        self.remove_activity_button.setAutoDefault(False)
        self.remove_activity_button.clicked.connect(self.remove_activity)
        activity_row = QHBoxLayout()
        activity_row.addWidget(self.activity_kind)
        activity_row.addWidget(self.activity_label, 1)
        activity_row.addWidget(self.add_activity_button)
        activity_row.addWidget(self.remove_activity_button)
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(_("&Kind:"), self.kind)
        form.addRow(_("&Region:"), self.region)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("R&ole:"), self.role)
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&E-mail:"), self.email)
        form.addRow("", self.consent)
        form.addRow(_("Consent &date:"), self.consent_date)
        form.addRow(_("Activities:"), self.activities)
        form.addRow("", activity_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    @staticmethod
    def _line(name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setMaxLength(rules.NAME)
        return edit

    def _add_item(self, activity: Activity) -> None:
        kind = _(rules.ACTIVITY_KIND.labels.get(activity.kind, activity.kind))
        item = QListWidgetItem(f"{kind}: {activity.label}")
        item.setData(ACTIVITY, activity)
        self.activities.addItem(item)

    def add_activity(self) -> None:
        label = " ".join(self.activity_label.text().split())
        if not label:
            self.problem.setText(_("Describe the activity first."))
            return
        self._add_item(Activity(self.activity_kind.currentData(), label))
        self.activity_label.clear()
        self.problem.setText("")

    def remove_activity(self) -> None:
        row = self.activities.currentRow()
        if row >= 0:
            self.activities.takeItem(row)

    def data(self) -> StakeholderInput:
        day = self.consent_date.date()
        activities = []
        for index in range(self.activities.count()):
            item = self.activities.item(index)
            if item is not None:
                activities.append(item.data(ACTIVITY))
        return StakeholderInput(
            self.region.region_id(), self.kind.currentData(), self.name.text(), self.organisation.text(),
            self.role.text(), self.email.text(), self.consent.isChecked(),
            date(day.year(), day.month(), day.day()) if self.consent.isChecked() else None, tuple(activities))

    def save(self) -> None:
        try:
            if self.existing is None:
                self.saved_id = self.services.stakeholders.add(self.data()).id
            else:
                self.saved_id = self.services.stakeholders.update(self.existing.id, self.data()).id
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()


class WorkshopChoiceDialog(QDialog):
    """Pick a workshop; its participants who agreed are added to the register."""

    def __init__(self, parent: QWidget | None, services: Services) -> None:
        super().__init__(parent)
        self.services = services
        self.added = 0
        self.setWindowTitle(_("Add from workshop participants"))
        self.workshop = QComboBox()
        self.workshop.setAccessibleName(_("Workshop"))
        for workshop in services.workshops.list():
            self.workshop.addItem(f"{workshop.title} ({workshop.dates_text})", workshop.id)
        explanation = QLabel(_("The participants of the workshop who gave their consent are added to the people "
                               "consulted, each with the workshop as activity. People added before are left out."))
        explanation.setWordWrap(True)
        self.problem = _problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Add participants"))
        ok.setEnabled(self.workshop.count() > 0)
        if self.workshop.count() == 0:
            self.problem.setText(_("There are no workshops yet."))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.workshop)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            self.added = len(self.services.stakeholders.add_from_workshop(self.workshop.currentData()))
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
