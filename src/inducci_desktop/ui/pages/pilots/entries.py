"""The pilot's rows with ids of their own: success criteria, lessons learned, voices. Each is added from a
quick-entry row, saved at once, and removed to the trash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import PilotView, audience_label
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.pilots.service import PilotService
from inducci_desktop.ui.pages.pilots.commands import remove_entry
from inducci_desktop.ui.widgets.enter import on_return

IdRole = Qt.ItemDataRole.UserRole


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for index in range(1, len(headers)):
        header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
    return table


def roomy(button: QPushButton) -> QPushButton:
    """A button wide enough for its text in any language (Qt's 80 px minimum can cut a short label)."""
    text = button.text().replace("&", "")
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 28)
    return button


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class EntriesTab(QWidget):
    """Shared parts: the pilot shown, a problem label, a Remove button, reporting changes to the page."""

    kind = ""

    def __init__(self, pilots: PilotService, changed: Callable[[], None], name: str) -> None:
        super().__init__()
        self.undo_stack: QUndoStack | None = None  # set by the page: removals can be undone
        self.pilots = pilots
        self.changed = changed
        self.pilot_id: str | None = None
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.remove_button = roomy(QPushButton(_("Remove")))
        self.remove_button.setAccessibleName(_("Remove from {name}").format(name=name))
        self.remove_button.clicked.connect(lambda: self.remove())
        self.loading = False
        self.table: QTableWidget

    def act(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.setText("")
        self.changed()
        return True

    def remove(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.act(lambda: remove_entry(self.undo_stack, self.pilots, self.kind, item.data(IdRole),
                                          self._after_change))

    def _after_change(self) -> None:
        self.reload()
        self.changed()

    def reload(self) -> None:
        self.load(self.pilots.get(self.pilot_id) if self.pilot_id else None)

    def load(self, view: PilotView | None) -> None:
        raise NotImplementedError


class CriteriaTab(EntriesTab):
    """Success criteria with baseline, target and achieved value (cells edited in place)."""

    kind = "criterion"

    def __init__(self, pilots: PilotService, changed: Callable[[], None]) -> None:
        super().__init__(pilots, changed, _("Success criteria"))
        self.table = _table(_("Success criteria"), [_("Success criterion"), _("Baseline"), _("Target"),
                                                    _("Achieved")])
        self.table.itemChanged.connect(self._edited)
        self.text = _line(_("New criterion"), _("A success criterion, e.g. prototypes tested in a company"))
        self.baseline = _line(_("New baseline"), _("Baseline"))
        self.target = _line(_("New target"), _("Target"))
        self.add_button = roomy(QPushButton(_("Add criterion")))
        self.add_button.clicked.connect(lambda: self.add())
        on_return(self.add, self.text, self.baseline, self.target)
        entry = QHBoxLayout()
        entry.addWidget(self.text, 1)
        values = QHBoxLayout()  # baseline and target on a row of their own: room to type in any language
        values.addWidget(self.baseline, 1)
        values.addWidget(self.target, 1)
        values.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addLayout(values)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

    def add(self) -> None:
        pilot_id = self.pilot_id
        if pilot_id is None:
            return
        if self.act(lambda: self.pilots.add_criterion(pilot_id, self.text.text(), self.baseline.text(),
                                                      self.target.text())):
            for edit in (self.text, self.baseline, self.target):
                edit.clear()
            self.text.setFocus()
            self.reload()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self.loading:
            return
        row = item.row()
        cells = [self.table.item(row, c) for c in range(4)]
        criterion_id = cells[0].data(IdRole) if cells[0] is not None else None
        if criterion_id is None:
            return
        values = [c.text() if c is not None else "" for c in cells]
        if not self.act(lambda: self.pilots.update_criterion(criterion_id, *values)):
            self.reload()

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.table.setRowCount(0)
            for criterion in view.criteria if view else ():
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, value in enumerate((criterion.text, criterion.baseline, criterion.target,
                                                criterion.achieved)):
                    item = QTableWidgetItem(value)
                    item.setData(IdRole, criterion.id)
                    self.table.setItem(row, column, item)
        finally:
            self.loading = False


class LessonsTab(EntriesTab):
    """Lessons learned, sorted as the toolbox sorts its key learnings: for industry, creatives, the setting."""

    kind = "lesson"

    def __init__(self, pilots: PilotService, changed: Callable[[], None]) -> None:
        super().__init__(pilots, changed, _("Lessons learned"))
        self.table = _table(_("Lessons learned"), [_("Lesson"), _("For")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audience = QComboBox()
        self.audience.setAccessibleName(_("Lesson for"))
        for key in rules.LESSON_AUDIENCE.values:
            self.audience.addItem(audience_label(key), key)
        self.text = _line(_("New lesson"), _("What would you tell the next region?"))
        self.add_button = roomy(QPushButton(_("Add lesson")))
        self.add_button.clicked.connect(lambda: self.add())
        on_return(self.add, self.text)
        self.finding_button = roomy(QPushButton(_("Add as finding…")))
        self.finding_button.clicked.connect(lambda: self.as_finding())
        self.add_finding: Callable[[str, str], None] | None = None  # set by the page (lesson id, text)
        entry = QHBoxLayout()
        entry.addWidget(self.audience)
        entry.addWidget(self.text, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.finding_button)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

    def as_finding(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None and self.add_finding is not None:
            self.add_finding(item.data(IdRole), item.text())

    def add(self) -> None:
        pilot_id = self.pilot_id
        if pilot_id is None:
            return
        if self.act(lambda: self.pilots.add_lesson(pilot_id, self.audience.currentData(), self.text.text())):
            self.text.clear()
            self.text.setFocus()
            self.reload()

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.table.setRowCount(0)
            lessons = sorted(view.lessons, key=lambda x: (rules.LESSON_AUDIENCE.values.index(x.audience),
                                                          x.position)) if view else []
            for lesson in lessons:
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, value in enumerate((lesson.text, audience_label(lesson.audience))):
                    item = QTableWidgetItem(value)
                    item.setData(IdRole, lesson.id)
                    self.table.setItem(row, column, item)
        finally:
            self.loading = False


class VoicesTab(EntriesTab):
    """Short statements as spoken (never edited afterwards), with the speaker's consent; withdrawing consent
    takes a statement out of every printout and bundle."""

    kind = "voice"

    def __init__(self, pilots: PilotService, changed: Callable[[], None]) -> None:
        super().__init__(pilots, changed, _("Voices"))
        self.table = _table(_("Voices"), [_("Statement (as said)"), _("Speaker"), _("Consent")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._consent_changed)
        self.text = _line(_("New statement"), _("The words as the speaker said them"))
        self.speaker = _line(_("Speaker"), _("Role, organisation (a name only if they agree)"))
        self.consent = QCheckBox(_("Speaker agrees"))
        self.add_button = roomy(QPushButton(_("Add voice")))
        self.add_button.clicked.connect(lambda: self.add())
        on_return(self.add, self.text, self.speaker, self.consent)
        entry = QHBoxLayout()
        entry.addWidget(self.text, 3)
        entry.addWidget(self.speaker, 2)
        entry.addWidget(self.consent)
        entry.addWidget(self.add_button)
        note = QLabel(_("Only statements whose speaker agrees are printed or sent to other regions."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

    def add(self) -> None:
        pilot_id = self.pilot_id
        if pilot_id is None:
            return
        consent = self.consent.isChecked()
        if self.act(lambda: self.pilots.add_voice(pilot_id, self.text.text(), self.speaker.text(), consent=consent,
                                                  consent_date=date.today() if consent else None)):
            self.text.clear()
            self.speaker.clear()
            self.consent.setChecked(False)
            self.text.setFocus()
            self.reload()

    def _consent_changed(self, item: QTableWidgetItem) -> None:
        if self.loading or item.column() != 2:
            return
        voice_id = item.data(IdRole)
        given = item.checkState() == Qt.CheckState.Checked
        if not self.act(lambda: self.pilots.set_voice_consent(voice_id, given)):
            self.reload()

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.table.setRowCount(0)
            for voice in view.voices if view else ():
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, value in enumerate((voice.text, voice.speaker, _("given") if voice.consent else
                                                _("withdrawn or not given"))):
                    item = QTableWidgetItem(value)
                    item.setData(IdRole, voice.id)
                    if column == 2:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable |
                                      Qt.ItemFlag.ItemIsSelectable)
                        item.setCheckState(Qt.CheckState.Checked if voice.consent else Qt.CheckState.Unchecked)
                    self.table.setItem(row, column, item)
        finally:
            self.loading = False
