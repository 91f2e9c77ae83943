"""The list of workshops (upcoming, past, trash) with New, Copy for a repeat, Delete/Restore."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import STATUSES, WorkshopInput, WorkshopSummary
from inducci_desktop.ui.table_model import RowsTableModel
from inducci_desktop.ui.widgets.fitting import keep_text_width

Index = QModelIndex | QPersistentModelIndex
FILTERS = (("all", N_("All workshops")), ("upcoming", N_("Upcoming")), ("past", N_("Past")), ("trash", N_("Trash")))


class WorkshopListModel(RowsTableModel):
    """One column: the title (wrapped, never cut short) over a line with the dates and the status."""

    HEADERS = (N_("Workshop"),)

    def cell(self, w: WorkshopSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{w.title}\n{w.dates_text} · {STATUSES.get(w.status, w.status)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{w.title}, {w.dates_text}, {STATUSES.get(w.status, w.status)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            people = ngettext("{count} participant", "{count} participants", w.participants).format(
                count=w.participants)
            return " · ".join(p for p in (w.title, w.venue, w.region, people) if p)
        return None


class WorkshopList(QWidget):
    selected = Signal(object)  # workshop id or None

    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.model = WorkshopListModel()
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show workshops"))
        for key, label in FILTERS:
            self.filter.addItem(_(label), key)
        self.filter.currentIndexChanged.connect(lambda: self.reload())
        self.table = QTableView()
        self.table.setAccessibleName(_("Workshops"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(240)
        self.table.selectionModel().selectionChanged.connect(lambda: self.selected.emit(self.current_id()))
        self.new_button = QPushButton(_("New"))
        self.new_button.clicked.connect(self.new_workshop)
        self.copy_button = QPushButton(_("Copy as repeat"))
        self.copy_button.clicked.connect(self.copy_workshop)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_or_restore)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_or_restore)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_workshop)
        buttons = QGridLayout()  # "Copy as repeat" on a row of its own: the panel is narrow
        buttons.addWidget(self.new_button, 0, 0)
        buttons.addWidget(self.delete_button, 0, 1)
        buttons.addWidget(self.copy_button, 1, 0, 1, 2)
        keep_text_width(self.new_button, self.copy_button, self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @property
    def in_trash(self) -> bool:
        key: object = self.filter.currentData()
        return key == "trash"

    def reload(self, select: str | None = None) -> None:
        keep = select or self.current_id()
        key = self.filter.currentData()
        rows = self.workshops.list(deleted=True) if key == "trash" else self.workshops.list(when=key)
        self.model.load(rows)
        self.delete_button.setText(_("Restore") if key == "trash" else _("Delete"))
        self.copy_button.setEnabled(key != "trash")
        self.new_button.setEnabled(key != "trash")
        if (keep and not self.select(keep)) or not keep:
            self.selected.emit(self.current_id())

    def refresh(self) -> None:
        """Reload the rows (a workshop's details changed) keeping the selection, without announcing it."""
        keep = self.current_id()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            key = self.filter.currentData()
            self.model.load(self.workshops.list(deleted=True) if key == "trash" else self.workshops.list(when=key))
            if keep:
                self.select(keep)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def select(self, workshop_id: str) -> bool:
        for row, w in enumerate(self.model.rows):
            if w.id == workshop_id:
                self.table.selectRow(row)
                return True
        return False

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def new_workshop(self) -> None:
        title, ok = QInputDialog.getText(self, _("New workshop"), _("Title of the workshop:"))
        if not ok:
            return
        try:
            view = self.workshops.create(WorkshopInput(title))
        except ServiceError as exc:
            QMessageBox.warning(self, _("New workshop"), str(exc))
            return
        if self.filter.currentData() not in ("upcoming", "all"):
            self.filter.setCurrentIndex(0)
        self.reload(view.id)

    def copy_workshop(self) -> None:
        workshop_id = self.current_id()
        if workshop_id is None:
            return
        try:
            view = self.workshops.copy(workshop_id)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Copy workshop"), str(exc))
            return
        self.filter.setCurrentIndex(0)
        self.reload(view.id)

    def delete_or_restore(self) -> None:
        workshop_id = self.current_id()
        if workshop_id is None:
            return
        if self.in_trash:
            self.workshops.restore(workshop_id)
        else:
            self.workshops.delete(workshop_id)
        self.reload()
