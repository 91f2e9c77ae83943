"""The pilot's facts and texts: every field saves when it is left or chosen (as everywhere in the app); bad
input is said next to the form and nothing of it is stored. Each save carries the pilot's version the tabs
loaded: a save over someone else's change is refused and the page asks what to do (``changed_elsewhere``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import ParticipantCount, Partner, PilotView, Step
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.services.pilots.service import PilotService
from inducci_desktop.services.regions import RegionService
from inducci_desktop.ui.pages.pilots.fields import RowsEditor, TextBox, connect_saving
from inducci_desktop.ui.widgets.region_picker import RegionPicker

Saved = Callable[[PilotView], None]
#: what the page does with a save refused because someone else changed the pilot: (my values, the refusal)
Resolve = Callable[[dict[str, object], ChangedElsewhere], bool]


class PilotForm(QWidget):
    """Base of the tabs that edit the pilot's own fields: one ``save`` that reports problems."""

    def __init__(self, pilots: PilotService, saved: Saved) -> None:
        super().__init__()
        self.pilots = pilots
        self.saved = saved
        self.pilot_id: str | None = None
        self.problem = QLabel()
        self.problem.setObjectName("pilotProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.loading = False
        self.version: int | None = None  # the pilot's row version shown (the page keeps the tabs' in step)
        self.changed_elsewhere: Resolve | None = None

    def save(self, values: dict[str, object]) -> bool:
        if self.loading or self.pilot_id is None:
            return False
        try:
            view = self.pilots.update(self.pilot_id, values, expected=self.version)
        except ChangedElsewhere as exc:
            if self.changed_elsewhere is None:
                self.problem.setText(str(exc))
                return False
            return self.changed_elsewhere(values, exc)
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.setText("")
        self.saved(view)
        return True


def _scrolled(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class DetailsTab(PilotForm):
    """Title, region, format, status, dates, places, budget, planning checklist, repeat decision."""

    def __init__(self, pilots: PilotService, regions: RegionService, saved: Saved) -> None:
        super().__init__(pilots, saved)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.title.editingFinished.connect(lambda: self._line("title", self.title))
        self.region = RegionPicker(regions)
        self.region.chosen.connect(lambda region_id: self.save({"region_id": region_id}))
        self.format = QComboBox()
        self.format.setAccessibleName(_("Format"))
        self.format.activated.connect(lambda _i: self.save({"format_id": self.format.currentData()}))
        self.status = self._choice(rules.PILOT_STATUS, _("Status"), "status")
        self.start = self._date(_("Start date"), "start_date")
        self.end = self._date(_("End date"), "end_date")
        self.places = QLineEdit()
        self.places.setAccessibleName(_("Places"))
        self.places.editingFinished.connect(lambda: self._line("places", self.places))
        self.planned = self._money(_("Budget planned"), "budget_planned")
        self.spent = self._money(_("Budget spent"), "budget_spent")
        self.currency = QLineEdit()
        self.currency.setAccessibleName(_("Currency"))
        self.currency.setMaximumWidth(110)
        self.currency.editingFinished.connect(lambda: self._line("currency", self.currency))
        self.checklist = QComboBox()
        self.checklist.setAccessibleName(_("Planning checklist"))
        self.checklist.activated.connect(lambda _i: self.save({"assessment_id": self.checklist.currentData()}))
        self.repeat = self._choice(rules.PILOT_REPEAT, _("Repeat it?"), "repeat")
        self.repeat_note = QLineEdit()
        self.repeat_note.setAccessibleName(_("Why (repeat decision)"))
        self.repeat_note.editingFinished.connect(lambda: self._line("repeat_note", self.repeat_note))
        self.workshops = QListWidget()
        self.workshops.setAccessibleName(_("Linked workshops"))
        self.workshops.setMaximumHeight(90)
        self.workshops.itemChanged.connect(lambda _item: self._workshops_changed())
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        money = QHBoxLayout()
        money.addWidget(self.planned)
        money.addWidget(QLabel(_("spent")))
        money.addWidget(self.spent)
        money.addWidget(self.currency)
        repeat = QHBoxLayout()
        repeat.addWidget(self.repeat)
        repeat.addWidget(self.repeat_note, 1)
        form = QFormLayout()
        form.addRow(_("&Title"), self.title)
        form.addRow(_("Region"), self.region)
        form.addRow(_("Format"), self.format)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Dates"), dates)
        form.addRow(_("Places"), self.places)
        form.addRow(_("Budget planned"), money)
        form.addRow(_("Planning checklist"), self.checklist)
        form.addRow(_("Workshops"), self.workshops)
        form.addRow(_("Repeat it?"), repeat)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addWidget(self.problem)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scrolled(content))

    def _choice(self, choice: rules.Choice, name: str, field: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for key, label in choice.labels.items():
            combo.addItem(label, key)
        combo.activated.connect(lambda _i: self.save({field: combo.currentData()}))
        return combo

    def _date(self, name: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(_("YYYY-MM-DD"))
        edit.editingFinished.connect(lambda: self._line(field, edit))
        return edit

    def _money(self, name: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(_("whole amount"))
        edit.editingFinished.connect(lambda: self._line(field, edit))
        return edit

    def _line(self, field: str, edit: QLineEdit) -> None:
        if edit.isModified():
            edit.setModified(False)
            self.save({field: edit.text()})

    def _workshops_changed(self) -> None:
        chosen = [self.workshops.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.workshops.count())
                  if self.workshops.item(i).checkState() == Qt.CheckState.Checked]
        self.save({"workshop_ids": chosen})

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.version = view.row_version if view else None
            self.problem.setText("")
            self.format.clear()
            self.format.addItem("—", None)
            for format_id, title in self.pilots.formats():
                self.format.addItem(title, format_id)
            self.checklist.clear()
            self.checklist.addItem("—", None)
            for assessment_id, title in self.pilots.planning_assessments():
                self.checklist.addItem(title, assessment_id)
            self.workshops.clear()
            linked = set(view.workshop_ids) if view else set()
            for workshop_id, title in self.pilots.workshop_choices():
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, workshop_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if workshop_id in linked else Qt.CheckState.Unchecked)
                self.workshops.addItem(item)
            if view is None:
                for edit in (self.title, self.start, self.end, self.places, self.planned, self.spent,
                             self.currency, self.repeat_note):
                    edit.clear()
                return
            self.title.setText(view.title)
            self.region.set_region(view.region_id)
            self.format.setCurrentIndex(max(self.format.findData(view.format_id), 0))
            self.status.setCurrentIndex(max(self.status.findData(view.status), 0))
            self.start.setText(view.start_date.isoformat() if view.start_date else "")
            self.end.setText(view.end_date.isoformat() if view.end_date else "")
            self.places.setText(view.places)
            self.planned.setText("" if view.budget_planned is None else str(view.budget_planned))
            self.spent.setText("" if view.budget_spent is None else str(view.budget_spent))
            self.currency.setText(view.currency)
            self.checklist.setCurrentIndex(max(self.checklist.findData(view.assessment_id), 0))
            self.repeat.setCurrentIndex(max(self.repeat.findData(view.repeat), 0))
            self.repeat_note.setText(view.repeat_note)
        finally:
            self.loading = False


class ChallengeTab(PilotForm):
    """The challenge and target groups, partners and their roles, participants by type."""

    def __init__(self, pilots: PilotService, saved: Saved) -> None:
        super().__init__(pilots, saved)
        self.challenge = TextBox(_("Challenge"), _("What should the pilot find out or change?"))
        self.target_groups = TextBox(_("Target groups"), _("Who is it for?"))
        self.partners = RowsEditor(_("Partners"), [(_("Partner"), None), (_("Role"), None)], _("Add partner"))
        self.participants = RowsEditor(_("Participants by type"), [(_("Type"), None),
                                                                   (_("Number"), None)], _("Add type"))
        for box, field in ((self.challenge, "challenge"), (self.target_groups, "target_groups")):
            connect_saving(box, self._saver(field))
        self.partners.changed.connect(self._partners)
        self.participants.changed.connect(self._participants)
        form = QFormLayout()
        form.addRow(_("&Challenge"), self.challenge)
        form.addRow(_("Target groups"), self.target_groups)
        tables = QHBoxLayout()
        tables.addWidget(self.partners, 3)
        tables.addWidget(self.participants, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 2)
        layout.addLayout(tables, 3)
        layout.addWidget(self.problem)

    def _saver(self, field: str) -> Callable[[str], Any]:
        return lambda text: self.save({field: text})

    def _partners(self, rows: list[list[str]]) -> None:
        self.save({"partners": [Partner(name, role) for name, role in rows if name or role]})

    def _participants(self, rows: list[list[str]]) -> None:
        groups = []
        for kind, number in rows:
            if not kind and not number:
                continue
            cleaned = number.replace(" ", "")
            if not cleaned.isdigit():
                self.problem.setText(_("The number of {type} must be a whole number.").format(type=kind or "…"))
                return
            groups.append(ParticipantCount(kind, int(cleaned)))
        self.save({"participants": groups})

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.version = view.row_version if view else None
            self.problem.setText("")
            self.challenge.setPlainText(view.challenge if view else "")
            self.target_groups.setPlainText(view.target_groups if view else "")
            self.partners.set_rows([[p.name, p.role] for p in view.partners] if view else [])
            self.participants.set_rows([[p.type, str(p.count)] for p in view.participants] if view else [])
        finally:
            self.loading = False


class ProgrammeTab(PilotForm):
    """Steps with their status; what changed from the plan and why; problems and solutions; outputs."""

    def __init__(self, pilots: PilotService, saved: Saved) -> None:
        super().__init__(pilots, saved)
        self.steps = RowsEditor(_("Programme steps"), [(_("Step"), None), (_("Status"), rules.STEP_STATUS)],
                                _("Add step"))
        self.steps.changed.connect(lambda rows: self.save({"steps": [Step(t, s) for t, s in rows if t]}))
        self.changes = TextBox(_("What changed from the plan, and why"))
        self.problems = TextBox(_("Problems and solutions"))
        self.outputs = TextBox(_("Outputs"), _("Prototypes, press, exhibitions … one per line"))
        for box, field in ((self.changes, "changes"), (self.problems, "problems"), (self.outputs, "outputs")):
            connect_saving(box, self._saver(field))
        form = QFormLayout()
        form.addRow(_("Changes from plan"), self.changes)
        form.addRow(_("Problems, solutions"), self.problems)
        form.addRow(_("&Outputs"), self.outputs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 2)
        layout.addLayout(form, 3)
        layout.addWidget(self.problem)

    def _saver(self, field: str) -> Callable[[str], Any]:
        return lambda text: self.save({field: text})

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.version = view.row_version if view else None
            self.problem.setText("")
            self.steps.set_rows([[s.title, s.status] for s in view.steps] if view else [])
            self.changes.setPlainText(view.changes if view else "")
            self.problems.setPlainText(view.problems if view else "")
            self.outputs.setPlainText(view.outputs if view else "")
        finally:
            self.loading = False
