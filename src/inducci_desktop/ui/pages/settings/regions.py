"""Settings → Regions and organisations: add, rename in place, delete to the trash; all undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.changes import Kind
from inducci_desktop.domain.i18n import N_, NC_, _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.regions import RegionService, RegionView
from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.region_commands import AddRegion, DeleteRegion, RenameRegion, RestoreRegion
from inducci_desktop.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex



def _reported() -> None:
    """Region writes report themselves (AppEvents.changed); an undo command needs no extra call."""

class RegionTableModel(RowsTableModel):
    HEADERS = (NC_("region", "Name"), N_("Kind"), N_("Country"))

    def __init__(self, regions: RegionService, rename: Any) -> None:
        super().__init__()
        self.regions = regions
        self.rename = rename
        self.show_deleted = False

    def reload(self) -> None:
        self.load(self.regions.list(deleted=self.show_deleted))

    def cell(self, row: RegionView, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.name, rules.REGION_KIND.labels.get(row.kind, row.kind), row.country)[column]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == 0 and not self.show_deleted:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        row = self.rows[index.row()]
        if str(value).strip() == row.name:
            return False
        return bool(self.rename(row.id, str(value)))


class RegionsPanel(QGroupBox):
    def __init__(self, regions: RegionService, events: AppEvents, undo_stack: QUndoStack) -> None:
        super().__init__(_("Regions and organisations"))
        self.regions = regions
        self.events = events
        self.undo_stack = undo_stack
        self.model = RegionTableModel(regions, self._rename)
        self.table = QTableView()
        self.table.setAccessibleName(_("Regions and organisations"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("New region or organisation, e.g. Śląskie or Gorenjska"))
        self.name_edit.setAccessibleName(_("New region name"))
        self.name_edit.returnPressed.connect(self.add_region)
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self.add_region)
        self.rename_button = QPushButton(_("Rename"))
        self.rename_button.clicked.connect(self._edit_current)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_or_restore)
        self.trash_box = QCheckBox(_("Show deleted"))
        self.trash_box.toggled.connect(self._toggle_trash)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_or_restore)

        add_row = QHBoxLayout()
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.trash_box)
        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        events.changed.connect(lambda changes: self.model.reload() if changes.touches(Kind.REGION) else None)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.reload()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def select_id(self, region_id: str) -> None:
        for row, region in enumerate(self.model.rows):
            if region.id == region_id:
                self.table.selectRow(row)
                return

    def add_region(self) -> None:
        name = self.name_edit.text()
        if self._push(lambda: AddRegion(self.regions, _reported, name)):
            self.name_edit.clear()

    def _rename(self, region_id: str, name: str) -> bool:
        return self._push(lambda: RenameRegion(self.regions, _reported, region_id, name))

    def _edit_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.edit(rows[0])

    def delete_or_restore(self) -> None:
        region_id = self.selected_id()
        if region_id is None:
            return
        command = RestoreRegion if self.model.show_deleted else DeleteRegion
        self._push(lambda: command(self.regions, _reported, region_id))

    def _push(self, make: Any) -> bool:
        try:
            command = make()
        except ServiceError as exc:
            QMessageBox.warning(self, _("Regions"), str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def _toggle_trash(self, on: bool) -> None:
        self.model.show_deleted = on
        self.delete_button.setText(_("Restore") if on else _("Delete"))
        self.model.reload()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.delete_button.setEnabled(has)
        self.rename_button.setEnabled(has and not self.model.show_deleted)
