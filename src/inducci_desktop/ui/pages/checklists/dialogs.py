"""Dialogs of the checklists page: start a new assessment, and edit an assessment's details."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.checklists.templates import TemplateSummary
from inducci_desktop.services.regions import RegionService
from inducci_desktop.ui.widgets.region_picker import RegionPicker


class NewAssessmentDialog(QDialog):
    """Template, title, region or organisation (from the managed list, or added there in place), assessor
    and date."""

    def __init__(self, parent: QWidget | None, templates: list[TemplateSummary], regions: RegionService,
                 *, template_id: str | None = None, assessor: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New assessment"))
        self.setMinimumWidth(520)
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(_("Checklist template"))
        for t in templates:
            origin = "toolbox" if t.source == "toolbox" else "own"
            self.template_combo.addItem(_("{title} — v{version}, {items} items ({origin})")
                .format(title=t.title, version=t.version, items=t.items, origin=origin), t.id)
        if template_id:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_id)))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Title"))
        self.title_edit.setPlaceholderText(_("e.g. Silesia status quo, spring 2026"))
        self.region_picker = RegionPicker(regions, none_label=_("(none)"))
        self.region_picker.setAccessibleName(_("Region or organisation"))
        self.assessor_edit = QLineEdit(assessor)
        self.assessor_edit.setAccessibleName(_("Assessor"))
        self.date_edit = QLineEdit(_dt.date.today().isoformat())
        self.date_edit.setAccessibleName(_("Date"))
        self.date_edit.setPlaceholderText(_("YYYY-MM-DD"))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Checklist:"), self.template_combo)
        form.addRow(_("&Title:"), self.title_edit)
        form.addRow(_("&Region or organisation:"), self.region_picker)
        form.addRow(_("&Assessor:"), self.assessor_edit)
        form.addRow(_("&Date:"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Start"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def _check(self) -> None:
        if not self.title_edit.text().strip():
            self.error.setText(_("Give the assessment a title."))
            return
        text = self.date_edit.text().strip()
        if text:
            try:
                _dt.date.fromisoformat(text)
            except ValueError:
                self.error.setText(_("Write the date as YYYY-MM-DD."))
                return
        self.accept()

    def values(self) -> dict[str, object]:
        """Keyword arguments for ChecklistService.create (besides the template id)."""
        return {"title": self.title_edit.text(), "region_id": self.region_picker.region_id(), "subject": "",
                "assessor": self.assessor_edit.text(), "assessed_on": self.date_edit.text().strip()}

    def template_id(self) -> str:
        return str(self.template_combo.currentData())
