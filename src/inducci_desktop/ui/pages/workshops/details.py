"""The details form of a workshop: title, days with times, venue, place, mode, region, trainers, target
group, objectives, status and what certificates state. Saved as you go, like the rest of the app: on every
change after a short pause, when a field loses focus, before another workshop is shown and when the window
closes; each save is one step of Edit ▸ Undo. A refused save says why under the form and stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.services.regions import RegionService
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import MODES, STATUSES, DayInput, WorkshopInput, WorkshopView
from inducci_desktop.ui.undo import AppliedCommand
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice
from inducci_desktop.ui.widgets.region_picker import RegionPicker

#: pause after the last keystroke before a change is saved
AUTOSAVE_MS = 700


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _time(minutes: int) -> QTime:
    return QTime(minutes // 60, minutes % 60)


class DaysTable(QTableWidget):
    """One row per day: date, start, end (editors in the cells); the row keeps the day's id."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setHorizontalHeaderLabels([_("Date"), _("Start"), _("End")])
        self.setAccessibleName(_("Workshop days"))
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
        when.setDisplayFormat(_("ddd yyyy-MM-dd"))
        when.setAccessibleName(_("Date of day {value}").format(value=row + 1))
        when.dateChanged.connect(lambda _d: self.edited.emit())
        self.setCellWidget(row, 0, when)
        for column, minutes, label in ((1, day.start, _("Start")), (2, day.end, _("End"))):
            edit = QTimeEdit(_time(minutes))
            edit.setDisplayFormat(_("HH:mm"))
            edit.setAccessibleName(_("{label} of day {value}").format(label=label, value=row + 1))
            edit.timeChanged.connect(lambda _t: self.edited.emit())
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


class SaveDetails(AppliedCommand):
    """One save of the details form; undo puts the previous details (and days) back."""

    def __init__(self, workshops: WorkshopService, changed: Callable[[str], None], workshop_id: str,
                 old: WorkshopInput, new: WorkshopInput, expected: int | None = None) -> None:
        view = workshops.update(workshop_id, new, expected=expected)
        super().__init__(_("Change details of “{title}”").format(title=view.title), lambda: changed(workshop_id))
        self.workshops, self.workshop_id = workshops, workshop_id
        self.old, self.new = old, view.as_input()  # with the ids of days added now, so redo restores them
        self.view = view

    def apply(self) -> None:
        self.workshops.update(self.workshop_id, self.new)

    def revert(self) -> None:
        self.workshops.update(self.workshop_id, self.old)


class DetailsForm(QWidget):
    saved = Signal(str)  # workshop id

    def __init__(self, workshops: WorkshopService, regions: RegionService, changed: Callable[[], None],
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__()
        self.workshops = workshops
        self.regions = regions
        self.changed = changed
        self.undo_stack = undo_stack or QUndoStack(self)
        self.workshop_id: str | None = None
        self._stored: WorkshopInput | None = None  # what the database holds for the form's workshop
        self._version: int | None = None  # its row version: a save made over another one is refused
        self._dirty = False
        self._loading = False
        self._pushing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.days = DaysTable()
        add_day, remove_day = QPushButton(_("Add day")), QPushButton(_("Remove day"))
        add_day.clicked.connect(lambda: self._days_changed(self.days.add_day))
        remove_day.clicked.connect(lambda: self._days_changed(self.days.remove_current))
        self.add_day_button, self.remove_day_button = add_day, remove_day
        self.days.edited.connect(self._edited)
        self.venue = QLineEdit()
        self.venue.setAccessibleName(_("Venue"))
        self.venue.setPlaceholderText(_("Building, address, room"))
        self.place = QLineEdit()
        self.place.setAccessibleName(_("Place"))
        self.place.setPlaceholderText(_("Town, as printed on certificates (e.g. Bielsko-Biała)"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(_("Mode"))
        for key, label in MODES.items():
            self.mode.addItem(label, key)
        self.region = RegionPicker(regions)
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(_("Organisation"))
        self.trainers = QLineEdit()
        self.trainers.setAccessibleName(_("Trainers"))
        self.trainers.setPlaceholderText(_("Names, separated by commas"))
        self.target_group = QLineEdit()
        self.target_group.setAccessibleName(_("Target group"))
        self.objectives = QPlainTextEdit()
        self.objectives.setAccessibleName(_("Objectives"))
        self.objectives.setTabChangesFocus(True)
        self.objectives.setMaximumHeight(90)
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for key, label in STATUSES.items():
            self.status.addItem(label, key)
        self.certificate_date = QLineEdit()
        self.certificate_date.setAccessibleName(_("Certificate date"))
        self.certificate_date.setPlaceholderText(_("the last day"))
        self.certificate_date.setToolTip(_("YYYY-MM-DD; leave empty to print the workshop's last day"))
        self.certificate_hours = QDoubleSpinBox()
        self.certificate_hours.setAccessibleName(_("Hours on the certificate"))
        self.certificate_hours.setRange(0, 14 * 24)
        self.certificate_hours.setDecimals(1)
        self.certificate_hours.setSingleStep(0.5)
        self.certificate_hours.setSuffix(" h")
        self.certificate_hours.setSpecialValueText(_("from the days' times"))
        self.certificate_hours.setMinimumWidth(170)
        self.error = QLabel()
        self.error.setAccessibleName(_("Problem with the details"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.state = QLabel(_("Changes are saved as you type."))
        self.state.setAccessibleName(_("Save state"))
        for edit in (self.title, self.venue, self.place, self.organisation, self.trainers, self.target_group,
                     self.certificate_date):
            edit.textChanged.connect(self._edited)
            edit.editingFinished.connect(self.flush)
        self.objectives.textChanged.connect(self._edited)
        self.certificate_hours.valueChanged.connect(self._edited)
        self.certificate_hours.editingFinished.connect(self.flush)
        for combo in (self.mode, self.status):
            combo.currentIndexChanged.connect(self._edited_now)
        self.region.chosen.connect(lambda _id: self._edited_now())
        QShortcut(QKeySequence.StandardKey.Save, self, self.flush)

        day_buttons = QHBoxLayout()
        day_buttons.addWidget(add_day)
        day_buttons.addWidget(remove_day)
        day_buttons.addStretch(1)
        days_box = QVBoxLayout()
        days_box.addWidget(self.days)
        days_box.addLayout(day_buttons)
        certificate = QHBoxLayout()
        certificate.addWidget(QLabel(_("Date:")))
        certificate.addWidget(self.certificate_date, 1)
        certificate.addWidget(QLabel(_("Hours:")))
        certificate.addWidget(self.certificate_hours)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("Days:"), days_box)
        form.addRow(_("&Venue:"), self.venue)
        form.addRow(_("&Place:"), self.place)
        form.addRow(_("&Mode:"), self.mode)
        form.addRow(_("&Region:"), self.region)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("T&rainers:"), self.trainers)
        form.addRow(_("Target &group:"), self.target_group)
        form.addRow(_("O&bjectives:"), self.objectives)
        form.addRow(_("&Status:"), self.status)
        form.addRow(_("Certificates:"), certificate)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self.error)
        inner_layout.addWidget(self.state)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- loading ------------------------------------------------------------------------------------

    def load(self, workshop: WorkshopView | None) -> None:
        self._timer.stop()
        self._loading = True
        try:
            self.workshop_id = workshop.id if workshop else None
            self.setEnabled(workshop is not None)
            self.region.reload()
            self.region.set_region(workshop.region_id if workshop else None)
            self._stored = workshop.as_input() if workshop else None
            self._version = workshop.row_version if workshop else None
            self._dirty = False
            self.error.clear()
            if workshop is None:
                return
            data = workshop.as_input()
            self.title.setText(data.title)
            self.days.set_days(list(data.days))
            self.venue.setText(data.venue)
            self.place.setText(data.place)
            self.mode.setCurrentIndex(self.mode.findData(data.mode))
            self.organisation.setText(data.organisation)
            self.trainers.setText(data.trainers)
            self.target_group.setText(data.target_group)
            self.objectives.setPlainText(data.objectives)
            self.status.setCurrentIndex(self.status.findData(data.status))
            self.certificate_date.setText(data.certificate_date.isoformat() if data.certificate_date else "")
            self.certificate_hours.setValue((data.certificate_minutes or 0) / 60)
        finally:
            self._loading = False

    def value(self) -> WorkshopInput:
        """What the form says; ValueError when the certificate date is not a date."""
        text = self.certificate_date.text().strip()
        try:
            issued = date.fromisoformat(text) if text else None
        except ValueError:
            raise ValueError(_("Write the certificate date as YYYY-MM-DD (not “{text}”), or leave it empty for the "
                "workshop's last day.")
                .format(text=text)) from None
        minutes = round(self.certificate_hours.value() * 60) or None
        return WorkshopInput(self.title.text(), tuple(self.days.days()), self.venue.text(), self.mode.currentData(),
                             self.region.region_id(), self.organisation.text(), self.trainers.text(),
                             self.target_group.text(), self.objectives.toPlainText(), self.status.currentData(),
                             self.place.text(), issued, minutes)

    # --- saving -------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self.workshop_id is None:
            return
        self._dirty = True
        self.state.setText(_("Saving…"))
        self._timer.start()

    def _edited_now(self) -> None:
        self._edited()
        self.flush()

    def _days_changed(self, change: Callable[[], None]) -> None:
        change()
        self._edited_now()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush(self) -> bool:
        """Save pending changes now (focus-out, Ctrl+S, another workshop, quitting). True when nothing
        is left unsaved."""
        self._timer.stop()
        if not self._dirty or self.workshop_id is None or self._stored is None:
            return True
        try:
            new = self.value()
        except ValueError as exc:
            self._refused(str(exc))
            return False
        self._dirty = False
        if new == self._stored:
            self._saved_state()
            return True
        workshop_id, old = self.workshop_id, self._stored
        self._pushing = True
        try:
            command = SaveDetails(self.workshops, self._undone, workshop_id, old, new, self._version)
            self.undo_stack.push(command)
        except ChangedElsewhere as exc:
            self._pushing = False
            return self._changed_elsewhere(new, exc)
        except ServiceError as exc:
            self._refused(str(exc))
            return False
        finally:
            self._pushing = False
        self._stored = command.new
        self._version = command.view.row_version
        if None in self.days.ids or len(self.days.ids) != len(command.view.days):
            self._loading = True  # days added just now get their ids
            self.days.set_days(list(command.new.days))
            self._loading = False
        self._saved_state()
        self.changed()
        self.saved.emit(workshop_id)
        return True

    def _changed_elsewhere(self, mine: WorkshopInput, error: ChangedElsewhere) -> bool:
        """Someone else saved this workshop since the form loaded it: Reload shows theirs; Overwrite saves
        mine over theirs; Keep both shows theirs with my text on the clipboard (a workshop has no copies)."""
        choice = changed_elsewhere.ask(self, error, copy=False)
        if choice is Choice.OVERWRITE:
            self._version = error.row_version
            self._dirty = True
            return self.flush()
        if choice is Choice.KEEP_BOTH:
            changed_elsewhere.to_clipboard("\n".join(
                text for text in (mine.title, mine.venue, mine.place, mine.organisation, mine.trainers,
                                  mine.target_group, mine.objectives) if text))
        self.load(self.workshops.get(error.record_id))
        self.changed()
        self.state.setText(_("Their details are shown; your text is on the clipboard.") if choice is Choice.KEEP_BOTH
                           else _("Reloaded: the details {name} saved are shown.").format(name=error.who()))
        return True

    def save(self) -> bool:
        """Save now, whether or not anything changed since the last save."""
        self._dirty = True
        return self.flush()

    def _refused(self, message: str) -> None:
        self.error.setText(_("Not saved: {message}").format(message=message))
        self.state.setText("")

    def _saved_state(self) -> None:
        self.error.clear()
        self.state.setText(_("✓ All changes saved."))

    def _undone(self, workshop_id: str) -> None:
        """An undo or redo of a save: show what is stored now (the save itself leaves the form alone)."""
        if self._pushing:
            return
        if workshop_id == self.workshop_id:
            self.load(self.workshops.get(workshop_id))
        self.changed()
