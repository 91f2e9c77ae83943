"""The Measures tab: priorities and their measures (what, who, by when, resources, funding, one or two
indicators, supporting findings, topics, "assumption"), and the warnings the guide's checks give."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import Indicator, MeasureInput, MeasureView, PaperView
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.strategy.dialogs import checked, checklist

PRIORITY, MEASURE = "priority", "measure"


class MeasuresTab(QWidget):
    def __init__(self, services: Services, changed: Callable[[], None]) -> None:
        super().__init__()
        self.services = services
        self.papers = services.strategy.papers
        self.changed = changed
        self.view: PaperView | None = None
        self.measure: MeasureView | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Priorities and measures"))
        self.tree.currentItemChanged.connect(lambda *_a: self._chosen())
        self.add_priority_button = QPushButton(_("Add priority…"))
        self.add_measure_button = QPushButton(_("Add measure"))
        self.delete_button = QPushButton(_("Delete"))
        self.add_priority_button.clicked.connect(lambda: self.add_priority())
        self.add_measure_button.clicked.connect(lambda: self.add_measure())
        self.delete_button.clicked.connect(lambda: self.delete())
        buttons = QGridLayout()
        buttons.addWidget(self.add_priority_button, 0, 0)
        buttons.addWidget(self.add_measure_button, 0, 1)
        buttons.addWidget(self.delete_button, 1, 0)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(_("Warnings"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 3)
        left_layout.addLayout(buttons)
        left_layout.addWidget(QLabel(_("Warnings")))
        left_layout.addWidget(self.warnings, 2)
        self.what = QPlainTextEdit()
        self.what.setAccessibleName(_("What"))
        self.what.setMinimumHeight(60)
        self.responsible = QLineEdit()
        self.responsible.setAccessibleName(_("Responsible"))
        self.due = QLineEdit()
        self.due.setAccessibleName(_("Due date"))
        self.due.setPlaceholderText(_("YYYY-MM-DD"))
        self.resources = QLineEdit()
        self.resources.setAccessibleName(_("Resources"))
        self.funding = QLineEdit()
        self.funding.setAccessibleName(_("Funding source"))
        self.indicators = [(QLineEdit(), QLineEdit(), QLineEdit()) for _n in range(2)]
        self.assumption = QCheckBox(_("Assumption (no finding supports it yet)"))
        self.findings = QListWidget()
        self.topics = QListWidget()
        self.save_button = QPushButton(_("Save measure"))
        self.save_button.clicked.connect(lambda: self.save())
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.hide()
        form_widget = QWidget()
        self.form = QFormLayout(form_widget)
        self.form.addRow(_("&What:"), self.what)
        self.form.addRow(_("Res&ponsible:"), self.responsible)
        self.form.addRow(_("&By:"), self.due)
        self.form.addRow(_("Re&sources:"), self.resources)
        self.form.addRow(_("F&unding:"), self.funding)
        for number, (name, baseline, target) in enumerate(self.indicators, 1):
            row = QHBoxLayout()
            for field, hint in ((name, _("Indicator {n}").format(n=number)), (baseline, _("Baseline")),
                                (target, _("Target"))):
                field.setPlaceholderText(hint)
                field.setAccessibleName(hint)
                row.addWidget(field, 2 if field is name else 1)
            self.form.addRow(_("Indicator {n}:").format(n=number), row)
        self.form.addRow(_("Findings:"), self.findings)
        self.form.addRow(_("Topics:"), self.topics)
        self.form.addRow("", self.assumption)
        self.form.addRow(self.error)
        self.form.addRow("", self.save_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setChildrenCollapsible(False)
        split.setSizes([320, 600])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.load(None)

    def load(self, view: PaperView | None, *, keep: str | None = None) -> None:
        self.view = view
        wanted = keep or (self.measure.id if self.measure else None)
        self.tree.blockSignals(True)
        self.tree.clear()
        select: QTreeWidgetItem | None = None
        for index, priority in enumerate(view.priorities if view else (), 1):
            top = QTreeWidgetItem([f"{index}. {priority.title}"])
            top.setData(0, Qt.ItemDataRole.UserRole, (PRIORITY, priority.id))
            self.tree.addTopLevelItem(top)
            for number, measure in enumerate(priority.measures, 1):
                child = QTreeWidgetItem([f"{index}.{number} {measure.what}"])
                child.setToolTip(0, measure.what)
                child.setData(0, Qt.ItemDataRole.UserRole, (MEASURE, measure.id))
                top.addChild(child)
                if measure.id == wanted:
                    select = child
            if priority.id == wanted:
                select = top
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._chosen()
        editable = view is not None and not view.summary.frozen
        for widget in (self.add_priority_button, self.add_measure_button, self.delete_button, self.save_button):
            widget.setEnabled(editable)
        self._warnings()

    def _warnings(self) -> None:
        self.warnings.clear()
        if self.view is None:
            return
        for warning in self.papers.warnings(self.view.summary.id):
            item = QListWidgetItem(warning.message)
            item.setToolTip(warning.message)
            item.setData(Qt.ItemDataRole.UserRole, warning.ref)
            self.warnings.addItem(item)

    def _selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        data = item.data(0, Qt.ItemDataRole.UserRole)
        return (str(data[0]), str(data[1])) if data else None

    def _chosen(self) -> None:
        selected = self._selected()
        measure = None
        if selected and selected[0] == MEASURE and self.view is not None:
            measure = next((m for m in self.view.measures if m.id == selected[1]), None)
        self.measure = measure
        self._fill(measure)

    def _fill(self, m: MeasureView | None) -> None:
        self.what.setPlainText(m.what if m else "")
        self.responsible.setText(m.responsible if m else "")
        self.due.setText(m.due.isoformat() if m and m.due else "")
        self.resources.setText(m.resources if m else "")
        self.funding.setText(m.funding if m else "")
        for number, fields in enumerate(self.indicators):
            indicator = m.indicators[number] if m and number < len(m.indicators) else Indicator("")
            for field, value in zip(fields, (indicator.name, indicator.baseline, indicator.target), strict=True):
                field.setText(value)
        self.assumption.setChecked(bool(m and m.assumption))
        region = self.view.summary.region_id if self.view else None
        findings = self.services.evidence.findings.list(region_id=region) if region else []
        strength = rules.FINDING_STRENGTH.labels
        self._replace(self.findings, checklist([(f"[{strength.get(f.strength, f.strength)}] {f.statement}", f.id)
                                                for f in findings], _("Supporting findings"),
                                               set(m.finding_ids) if m else set()))
        topics = self.services.evidence.findings.topics()
        self._replace(self.topics, checklist([(t.name, t.id) for t in topics], _("Topics"),
                                             set(m.topic_ids) if m else set()))
        self.setEnabledForm(m is not None)

    def _replace(self, old: QListWidget, new: QListWidget) -> None:
        old.clear()
        old.setAccessibleName(new.accessibleName())
        while new.count():
            old.addItem(new.takeItem(0))
        old.setMinimumHeight(90)

    def setEnabledForm(self, enabled: bool) -> None:
        for widget in (self.what, self.responsible, self.due, self.resources, self.funding, self.assumption,
                       self.findings, self.topics, *(f for row in self.indicators for f in row)):
            widget.setEnabled(enabled)
        self.save_button.setEnabled(enabled and self.view is not None and not self.view.summary.frozen)

    def _input(self) -> MeasureInput:
        text = self.due.text().strip()
        try:
            due = date.fromisoformat(text) if text else None
        except ValueError:
            raise ServiceError(_("Write the due date as YYYY-MM-DD, for example 2027-06-30.")) from None
        return MeasureInput(self.what.toPlainText(), self.responsible.text(), due, self.resources.text(),
                            self.funding.text(),
                            tuple(Indicator(n.text(), b.text(), t.text()) for n, b, t in self.indicators),
                            tuple(checked(self.findings)), tuple(checked(self.topics)), self.assumption.isChecked())

    def save(self) -> bool:
        if self.measure is None:
            return False
        try:
            self.papers.update_measure(self.measure.id, self._input())
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        self.changed()
        return True

    def add_priority(self) -> None:
        if self.view is None:
            return
        title, accepted = QInputDialog.getText(self, _("Add priority"), _("Field of action:"))
        if not accepted:
            return
        try:
            self.papers.add_priority(self.view.summary.id, title)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Add priority"), str(exc))
            return
        self.changed()

    def add_measure(self) -> None:
        selected = self._selected()
        if self.view is None or selected is None:
            QMessageBox.information(self, _("Add measure"), _("Choose the priority the measure belongs to."))
            return
        priority_id = selected[1]
        if selected[0] == MEASURE:
            priority_id = next(m.priority_id for m in self.view.measures if m.id == selected[1])
        try:
            measure = self.papers.add_measure(priority_id, MeasureInput(_("New measure")))
        except ServiceError as exc:
            QMessageBox.warning(self, _("Add measure"), str(exc))
            return
        self.measure = measure
        self.changed()

    def delete(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            if selected[0] == MEASURE:
                self.papers.delete_measure(selected[1])
            else:
                self.papers.delete_priority(selected[1])
        except ServiceError as exc:
            QMessageBox.warning(self, _("Delete"), str(exc))
            return
        self.measure = None
        self.changed()
