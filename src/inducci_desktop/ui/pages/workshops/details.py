"""The details form of a workshop: title, days with times, venue, mode, region, trainers, target group,
objectives and status. Saved with Ctrl+S or the Save button; a refused save explains why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.regions import RegionService
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import MODES, STATUSES, DayInput, WorkshopInput, WorkshopView


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _time(minutes: int) -> QTime:
    return QTime(minutes // 60, minutes % 60)


class DaysTable(QTableWidget):
    """One row per day: date, start, end (editors in the cells); the row keeps the day's id."""

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setHorizontalHeaderLabels(["Date", "Start", "End"])
        self.setAccessibleName("Workshop days")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMaximumHeight(150)
        self.ids: list[str | None] = []

    def set_days(self, days: list[DayInput]) -> None:
        self.setRowCount(0)
        self.ids = []
        for day in days:
            self.add_day(day)

    def add_day(self, day: DayInput | None = None) -> None:
        if day is None:
            last = self.days()[-1] if self.rowCount() else None
            start_date = last.day + timedelta(days=1) if last else date.today() + timedelta(days=14)
            day = DayInput(start_date, last.start if last else 9 * 60, last.end if last else 16 * 60)
        row = self.rowCount()
        self.insertRow(row)
        when = QDateEdit(_qdate(day.day))
        when.setCalendarPopup(True)
        when.setDisplayFormat("ddd yyyy-MM-dd")
        when.setAccessibleName(f"Date of day {row + 1}")
        self.setCellWidget(row, 0, when)
        for column, minutes, label in ((1, day.start, "Start"), (2, day.end, "End")):
            edit = QTimeEdit(_time(minutes))
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(f"{label} of day {row + 1}")
            self.setCellWidget(row, column, edit)
        self.ids.append(day.id)

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            del self.ids[row]

    def days(self) -> list[DayInput]:
        result = []
        for row in range(self.rowCount()):
            d = self.cellWidget(row, 0).date()  # type: ignore[attr-defined]
            start = self.cellWidget(row, 1).time()  # type: ignore[attr-defined]
            end = self.cellWidget(row, 2).time()  # type: ignore[attr-defined]
            result.append(DayInput(date(d.year(), d.month(), d.day()), start.hour() * 60 + start.minute(),
                                   end.hour() * 60 + end.minute(), self.ids[row]))
        return result


class DetailsForm(QWidget):
    saved = Signal(str)  # workshop id

    def __init__(self, workshops: WorkshopService, regions: RegionService, changed: Callable[[], None]) -> None:
        super().__init__()
        self.workshops = workshops
        self.regions = regions
        self.changed = changed
        self.workshop_id: str | None = None
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.days = DaysTable()
        add_day, remove_day = QPushButton("Add day"), QPushButton("Remove day")
        add_day.clicked.connect(lambda: self.days.add_day())
        remove_day.clicked.connect(self.days.remove_current)
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.mode = QComboBox()
        self.mode.setAccessibleName("Mode")
        for key, label in MODES.items():
            self.mode.addItem(label, key)
        self.region = QComboBox()
        self.region.setAccessibleName("Region")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.trainers = QLineEdit()
        self.trainers.setAccessibleName("Trainers")
        self.trainers.setPlaceholderText("Names, separated by commas")
        self.target_group = QLineEdit()
        self.target_group.setAccessibleName("Target group")
        self.objectives = QPlainTextEdit()
        self.objectives.setAccessibleName("Objectives")
        self.objectives.setTabChangesFocus(True)
        self.objectives.setMaximumHeight(90)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for key, label in STATUSES.items():
            self.status.addItem(label, key)
        self.save_button = QPushButton("Save details")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        day_buttons = QHBoxLayout()
        day_buttons.addWidget(add_day)
        day_buttons.addWidget(remove_day)
        day_buttons.addStretch(1)
        days_box = QVBoxLayout()
        days_box.addWidget(self.days)
        days_box.addLayout(day_buttons)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("Days:", days_box)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Mode:", self.mode)
        form.addRow("&Region:", self.region)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("T&rainers:", self.trainers)
        form.addRow("Target &group:", self.target_group)
        form.addRow("O&bjectives:", self.objectives)
        form.addRow("&Status:", self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Ctrl+S saves."))
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def _fill_regions(self, current: str | None) -> None:
        self.region.clear()
        self.region.addItem("—", None)
        for region in self.regions.list():
            self.region.addItem(region.name, region.id)
        self.region.setCurrentIndex(max(0, self.region.findData(current)))

    def load(self, workshop: WorkshopView | None) -> None:
        self.workshop_id = workshop.id if workshop else None
        self.setEnabled(workshop is not None)
        self._fill_regions(workshop.region_id if workshop else None)
        if workshop is None:
            return
        data = workshop.as_input()
        self.title.setText(data.title)
        self.days.set_days(list(data.days))
        self.venue.setText(data.venue)
        self.mode.setCurrentIndex(self.mode.findData(data.mode))
        self.organisation.setText(data.organisation)
        self.trainers.setText(data.trainers)
        self.target_group.setText(data.target_group)
        self.objectives.setPlainText(data.objectives)
        self.status.setCurrentIndex(self.status.findData(data.status))

    def value(self) -> WorkshopInput:
        return WorkshopInput(self.title.text(), tuple(self.days.days()), self.venue.text(), self.mode.currentData(),
                             self.region.currentData(), self.organisation.text(), self.trainers.text(),
                             self.target_group.text(), self.objectives.toPlainText(), self.status.currentData())

    def save(self) -> bool:
        if self.workshop_id is None:
            return False
        try:
            view = self.workshops.update(self.workshop_id, self.value())
        except ServiceError as exc:
            QMessageBox.warning(self, "Workshop", str(exc))
            return False
        self.load(view)
        self.changed()
        self.saved.emit(view.id)
        return True
