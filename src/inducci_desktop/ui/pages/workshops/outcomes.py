"""Outcomes (needs, interfaces, ideas, decisions) and action items of a workshop, plus the overview of open
actions across all workshops."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import ACTION_STATUSES, OUTCOME_KINDS, ActionView
from inducci_desktop.ui.widgets.enter import on_return
from inducci_desktop.ui.widgets.fitting import keep_text_width


def fill_actions(table: QTableWidget, actions: list[ActionView], *, with_workshop: bool) -> None:
    today = date.today()
    table.setRowCount(len(actions))
    for row, action in enumerate(actions):
        values = [action.text, action.owner, action.due.isoformat() if action.due else "",
                  ACTION_STATUSES.get(action.status, action.status)]
        if with_workshop:
            values.append(action.workshop_title)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            if column == 2 and action.overdue(today):
                item.setForeground(QColor("#B3261E"))
                item.setToolTip(_("Overdue"))
            table.setItem(row, column, item)


class OpenActionsDialog(QDialog):
    """Open action items of every workshop, soonest due first."""

    def __init__(self, parent: QWidget, workshops: WorkshopService) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open action items of all workshops"))
        self.resize(820, 420)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(_("Open action items"))
        self.table.setHorizontalHeaderLabels([_("Action"), _("Owner"), _("Due"), _("Status"), _("Workshop")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        actions = workshops.results.actions(open_only=True)
        fill_actions(self.table, actions, with_workshop=True)
        overdue = sum(1 for a in actions if a.overdue(date.today()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("{count} open, {overdue} overdue.").format(count=len(actions), overdue=overdue)))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class OutcomesPanel(QWidget):
    findingRequested = Signal(str, str)  # outcome id, its text: "Add as finding…"

    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.workshop_id: str | None = None
        # outcomes
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of outcome"))
        for key, label in OUTCOME_KINDS.items():
            self.kind.addItem(label, key)
        self.outcome_text = QLineEdit()
        self.outcome_text.setAccessibleName(_("Outcome"))
        self.outcome_text.setPlaceholderText(_("What the group found… (Enter adds)"))
        self.add_outcome_button = QPushButton(_("Add outcome"))
        self.add_outcome_button.clicked.connect(self.add_outcome)
        on_return(self.add_outcome, self.outcome_text, self.add_outcome_button)
        self.outcomes = QListWidget()
        self.outcomes.setAccessibleName(_("Outcomes"))
        self.outcomes.setWordWrap(True)
        remove_outcome = QShortcut(QKeySequence.StandardKey.Delete, self.outcomes)
        remove_outcome.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_outcome.activated.connect(self.remove_outcome)
        remove_outcome_button = QPushButton(_("Remove outcome"))
        remove_outcome_button.clicked.connect(self.remove_outcome)
        self.finding_button = QPushButton(_("Add as finding…"))
        self.finding_button.setToolTip(_("Record the selected outcome as a finding of the evidence register"))
        self.finding_button.clicked.connect(self._request_finding)
        self.problem = QLabel()
        self.problem.setAccessibleName(_("Problem"))
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        # actions
        self.action_text = QLineEdit()
        self.action_text.setPlaceholderText(_("Action item (Enter adds)"))
        self.action_text.setAccessibleName(_("Action item"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(_("Owner"))
        self.owner.setAccessibleName(_("Owner"))
        self.due = QDateEdit(QDate.currentDate().addDays(30))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setAccessibleName(_("Due date"))
        add_action = QPushButton(_("Add action"))
        add_action.clicked.connect(self.add_action)
        self.add_action_button = add_action
        on_return(self.add_action, self.action_text, self.owner, self.due, add_action)
        self.action_table = QTableWidget(0, 4)
        self.action_table.setAccessibleName(_("Action items"))
        self.action_table.setHorizontalHeaderLabels([_("Action"), _("Owner"), _("Due"), _("Status")])
        self.action_table.verticalHeader().hide()
        self.action_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status of the selected action"))
        for key, label in ACTION_STATUSES.items():
            self.status.addItem(label, key)
        set_status = QPushButton(_("Set status"))
        set_status.clicked.connect(self.set_status)
        remove_action = QPushButton(_("Remove action"))
        remove_action.clicked.connect(self.remove_action)
        overview = QPushButton(_("Open actions of all workshops…"))
        overview.clicked.connect(lambda: OpenActionsDialog(self, self.workshops).exec())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        kind_row = QHBoxLayout()  # the kinds' names are long: the text gets a row of its own
        kind_row.addWidget(QLabel(_("Kind:")))
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        adder = QHBoxLayout()
        adder.addWidget(self.outcome_text, 1)
        adder.addWidget(self.add_outcome_button)
        top_layout.addWidget(QLabel(_("<b>Outcomes</b>")))
        top_layout.addLayout(kind_row)
        top_layout.addLayout(adder)
        top_layout.addWidget(self.outcomes, 1)
        outcome_buttons = QHBoxLayout()
        outcome_buttons.addWidget(remove_outcome_button)
        outcome_buttons.addWidget(self.finding_button)
        outcome_buttons.addStretch(1)
        top_layout.addLayout(outcome_buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        action_row = QHBoxLayout()
        action_row.addWidget(self.action_text, 2)
        action_row.addWidget(self.owner, 1)
        action_row.addWidget(self.due)
        action_row.addWidget(add_action)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(set_status)
        status_row.addWidget(remove_action)
        status_row.addStretch(1)
        heading = QHBoxLayout()  # the overview beside the heading: the status row has no room in German
        heading.addWidget(QLabel(_("<b>Action items</b>")))
        heading.addStretch(1)
        heading.addWidget(overview)
        keep_text_width(set_status, remove_action, overview)
        bottom_layout.addLayout(heading)
        bottom_layout.addLayout(action_row)
        bottom_layout.addWidget(self.action_table, 1)
        bottom_layout.addLayout(status_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)

    def load(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.reload()

    def reload(self) -> None:
        self.outcomes.clear()
        if self.workshop_id is None:
            self.action_table.setRowCount(0)
            return
        for outcome in self.workshops.results.outcomes(self.workshop_id):
            item = QListWidgetItem(f"{OUTCOME_KINDS[outcome.kind]}: {outcome.text}")
            item.setData(Qt.ItemDataRole.UserRole, outcome.id)
            self.outcomes.addItem(item)
        fill_actions(self.action_table, self.workshops.results.actions(self.workshop_id), with_workshop=False)

    def _try(self, work: object) -> bool:
        try:
            work()  # type: ignore[operator]
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        self.reload()
        return True

    def add_outcome(self) -> None:
        workshop_id = self.workshop_id
        if workshop_id and self._try(lambda: self.workshops.results.add_outcome(
                workshop_id, self.kind.currentData(), self.outcome_text.text())):
            self.outcome_text.clear()

    def remove_outcome(self) -> None:
        item = self.outcomes.currentItem()
        if item is not None:
            self._try(lambda: self.workshops.results.delete_outcome(item.data(Qt.ItemDataRole.UserRole)))

    def _request_finding(self) -> None:
        item = self.outcomes.currentItem()
        if item is None:
            self.problem.setText(_("Select an outcome first."))
            return
        outcome_id = item.data(Qt.ItemDataRole.UserRole)
        text = next((o.text for o in self.workshops.results.outcomes(self.workshop_id or "") if o.id == outcome_id),
                    "")
        self.findingRequested.emit(outcome_id, text)

    def select_outcome(self, outcome_id: str) -> bool:
        for row in range(self.outcomes.count()):
            if self.outcomes.item(row).data(Qt.ItemDataRole.UserRole) == outcome_id:
                self.outcomes.setCurrentRow(row)
                self.outcomes.setFocus()
                return True
        return False

    def add_action(self) -> None:
        workshop_id = self.workshop_id
        if not workshop_id:
            return
        d = self.due.date()
        due = date(d.year(), d.month(), d.day())
        if self._try(lambda: self.workshops.results.add_action(workshop_id, self.action_text.text(),
                                                               self.owner.text(), due)):
            self.action_text.clear()
            self.owner.clear()  # the next action starts empty, like every quick-entry row
            self.action_text.setFocus()

    def _action_id(self) -> str | None:
        row = self.action_table.currentRow()
        item = self.action_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def set_status(self) -> None:
        action_id = self._action_id()
        if action_id:
            self._try(lambda: self.workshops.results.update_action(action_id, status=self.status.currentData()))

    def remove_action(self) -> None:
        action_id = self._action_id()
        if action_id:
            self._try(lambda: self.workshops.results.delete_action(action_id))
