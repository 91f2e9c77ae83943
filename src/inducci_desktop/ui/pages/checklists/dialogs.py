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

from inducci_desktop.services.checklists.templates import TemplateSummary
from inducci_desktop.services.regions import RegionView


class NewAssessmentDialog(QDialog):
    """Template, title, region or organisation (a known one or free text), assessor and date."""

    def __init__(self, parent: QWidget | None, templates: list[TemplateSummary], regions: list[RegionView],
                 *, template_id: str | None = None, assessor: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("New assessment")
        self.setMinimumWidth(520)
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName("Checklist template")
        for t in templates:
            origin = "toolbox" if t.source == "toolbox" else "own"
            self.template_combo.addItem(f"{t.title} — v{t.version}, {t.items} items ({origin})", t.id)
        if template_id:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_id)))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. Silesia status quo, spring 2026")
        self.region_combo = QComboBox()
        self.region_combo.setEditable(True)
        self.region_combo.setAccessibleName("Region or organisation")
        self.region_combo.addItem("", None)
        for region in regions:
            self.region_combo.addItem(region.name, region.id)
        line = self.region_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("choose or type a region or organisation")
        self.assessor_edit = QLineEdit(assessor)
        self.assessor_edit.setAccessibleName("Assessor")
        self.date_edit = QLineEdit(_dt.date.today().isoformat())
        self.date_edit.setAccessibleName("Date")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Checklist:", self.template_combo)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Region or organisation:", self.region_combo)
        form.addRow("&Assessor:", self.assessor_edit)
        form.addRow("&Date:", self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def _check(self) -> None:
        if not self.title_edit.text().strip():
            self.error.setText("Give the assessment a title.")
            return
        text = self.date_edit.text().strip()
        if text:
            try:
                _dt.date.fromisoformat(text)
            except ValueError:
                self.error.setText("Write the date as YYYY-MM-DD.")
                return
        self.accept()

    def values(self) -> dict[str, object]:
        """Keyword arguments for ChecklistService.create (besides the template id)."""
        text = self.region_combo.currentText().strip()
        index = self.region_combo.findText(text)
        region_id = self.region_combo.itemData(index) if index > 0 else None
        return {"title": self.title_edit.text(), "region_id": region_id, "subject": "" if region_id else text,
                "assessor": self.assessor_edit.text(), "assessed_on": self.date_edit.text().strip()}

    def template_id(self) -> str:
        return str(self.template_combo.currentData())
