"""Check-in during the workshop: a list filtered as you type; Space or a click marks present / absent."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.content.folding import fold
from inducci_desktop.domain.i18n import N_, NC_, Labels, _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import DayView, ParticipantView, day_text
from inducci_desktop.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
STATES = Labels({True: N_("✔ present"), False: N_("✘ absent"), None: "–"})


class CheckInModel(RowsTableModel):
    HEADERS = (NC_("person", "Name"), N_("Organisation"), N_("Attendance"))

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []  # folded "name organisation department", for the filter
        self.day_id: str | None = None
        self.day_heading = _("Attendance")

    def load(self, people: list[ParticipantView], day_id: str | None = None,  # type: ignore[override]
             day: DayView | None = None) -> None:
        self.beginResetModel()
        self.rows = people
        self.keys = [fold(f"{p.name} {p.organisation} {p.department}") for p in people]
        self.day_id = day_id
        self.day_heading = attendance_heading(day)
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 2:
            return self.day_heading
        return super().headerData(section, orientation, role)

    def state(self, row: int) -> bool | None:
        person = self.rows[row]
        if self.day_id in person.present:
            return True
        if self.day_id in person.absent:
            return False
        return None

    def set_state(self, row: int, person: ParticipantView) -> None:
        self.rows[row] = person
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return person.name
            if index.column() == 1:
                return " · ".join(p for p in (person.organisation, person.department) if p)
            return _(STATES[self.state(index.row())])
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            state = self.state(index.row())
            return QColor("#2E7D32") if state else QColor("#B3261E") if state is False else None
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None


def attendance_heading(day: DayView | None, today: date | None = None) -> str:
    """The heading of the attendance column: the day chosen, and "today" only when it is today."""
    if day is None:
        return _("Attendance")
    when = _("today") if day.day == (today or date.today()) else day_text(day.day, short=True)
    return _("Day {number} ({when})").format(number=day.number, when=when)


class FoldedFilter(QSortFilterProxyModel):
    """Keeps rows whose folded name/organisation contain every folded word typed ('lodz' finds 'Łódź')."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self.words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self.words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.words:
            return True
        key = self.sourceModel().keys[source_row]  # type: ignore[attr-defined]
        return all(word in key for word in self.words)


class CheckInView(QWidget):
    """The check-in tab. ``load(workshop_id)`` fills it; marks are saved at once."""

    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.workshop_id: str | None = None
        self.model = CheckInModel()
        self.proxy = FoldedFilter()
        self.proxy.setSourceModel(self.model)
        self.day = QComboBox()
        self.day.setAccessibleName(_("Day"))
        self.day.currentIndexChanged.connect(self._reload)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type a name or organisation… (Enter marks the only match present)"))
        self.search.setAccessibleName(_("Find participant"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._mark_first)
        self.table = QTableView()
        self.table.setAccessibleName(_("Participants to check in"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.toggle(index.row()))
        self.table.installEventFilter(self)
        self.count = QLabel()
        self.hint = QLabel()
        self.hint.setAccessibleName(_("Check-in hint"))
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Day:")))
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search)  # a row of its own: wide enough for the hint it shows
        layout.addWidget(self.table, 1)
        help_text = QLabel(_("Space or double-click: present → absent → not recorded. Enter in the search box marks "
                           "the person present when exactly one matches; ↓ moves into the list."))
        help_text.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(help_text)
        layout.addWidget(self.count)
        self.search.installEventFilter(self)

    def load(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.day.blockSignals(True)
        self.day.clear()
        if workshop_id is not None:
            for day in self.workshops.get(workshop_id).days:
                self.day.addItem(day.label, day.id)
        self.day.blockSignals(False)
        self._reload()

    def _reload(self) -> None:
        people = self.workshops.people.participants(self.workshop_id) if self.workshop_id else []
        day_id = self.day.currentData()
        days = {d.id: d for d in self.workshops.get(self.workshop_id).days} if self.workshop_id else {}
        self.model.load(people, day_id, days.get(day_id))
        self._count()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.hint.clear()

    def _count(self) -> None:
        present = sum(1 for row in range(self.model.rowCount()) if self.model.state(row))
        self.count.setText(_("{present} of {rowCount} present on this day")
            .format(present=present, rowCount=self.model.rowCount()))

    def toggle(self, proxy_row: int, to: bool | str | None = "next") -> None:
        day_id = self.day.currentData()
        if day_id is None or proxy_row < 0:
            return
        row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
        current = self.model.state(row)
        new = {None: True, True: False, False: None}[current] if to == "next" else to
        person = self.model.rows[row]
        try:
            self.workshops.people.set_attendance(person.id, day_id, new)  # type: ignore[arg-type]
        except ServiceError as exc:
            QMessageBox.warning(self, _("Check-in"), str(exc))
            return
        present, absent = set(person.present) - {day_id}, set(person.absent) - {day_id}
        if new is True:
            present.add(day_id)
        elif new is False:
            absent.add(day_id)
        self.model.set_state(row, ParticipantView(**{**person.__dict__, "present": frozenset(present),
                                                     "absent": frozenset(absent)}))
        self._count()

    def _mark_first(self) -> None:
        """Enter in the search box: marks the person present only when exactly one matches."""
        text = self.search.text().strip()
        if not text:
            return
        matches = self.proxy.rowCount()
        if matches == 1:
            name = self.proxy.index(0, 0).data()
            self.toggle(0, True)
            self.search.clear()
            self.hint.setText(_("✓ {name} marked present.").format(name=name))
        elif matches == 0:
            self.hint.setText(_("Nobody matches “{text}”.").format(text=text))
        else:
            self.hint.setText(_("{matches} people match “{text}”: type more of the name, or press ↓ and mark the "
                "right one with Space.")
                .format(matches=matches, text=text))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        if watched is self.table and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Space:
            self.toggle(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)
