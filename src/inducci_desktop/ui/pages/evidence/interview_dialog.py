"""The "New interview…" dialog: guide, region, date, interviewer, the interviewee by role and organisation,
their consent, and a name only when they agree to be named."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import InterviewInput
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.widgets.region_picker import RegionPicker

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


class InterviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, services: Services, region_id: str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.saved_id: str | None = None
        self.setWindowTitle(_("New interview"))
        self.setMinimumWidth(520)
        self.guide = QComboBox()
        self.guide.setAccessibleName(_("Interview guide"))
        for guide in services.interviews.guides():
            self.guide.addItem(guide.title, guide.id)
        self.region = RegionPicker(services.regions)
        self.region.setAccessibleName(_("Region"))
        self.region.set_region(region_id)
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        self.held_on.setDate(QDate(today.year, today.month, today.day))
        self.interviewer = self._line(_("Interviewer"))
        self.role = self._line(_("Interviewee's role"), _("e.g. Head of economic development"))
        self.organisation = self._line(_("Interviewee's organisation"))
        self.consent = QCheckBox(_("The interviewee agreed to the interview and to notes being kept"))
        self.name_consent = QCheckBox(_("The interviewee agreed to be named"))
        self.name = self._line(_("Interviewee's name"), _("only with their agreement"))
        self.name.setEnabled(False)
        self.name_consent.toggled.connect(self.name.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(_("&Guide:"), self.guide)
        form.addRow(_("&Region:"), self.region)
        form.addRow(_("&Date:"), self.held_on)
        form.addRow(_("Inter&viewer:"), self.interviewer)
        form.addRow(_("R&ole:"), self.role)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow("", self.consent)
        form.addRow("", self.name_consent)
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("No&tes:"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    @staticmethod
    def _line(name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(rules.NAME)
        return edit

    def save(self) -> None:
        region_id = self.region.region_id()
        if region_id is None:
            self.problem.setText(_("Choose the region the interview is about."))
            return
        day = self.held_on.date()
        data = InterviewInput(
            self.guide.currentData(), region_id, date(day.year(), day.month(), day.day()), self.interviewer.text(),
            self.role.text(), self.organisation.text(), self.name.text() if self.name_consent.isChecked() else "",
            self.consent.isChecked(), self.name_consent.isChecked(), self.notes.toPlainText())
        try:
            self.saved_id = self.services.interviews.create(data).id
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
