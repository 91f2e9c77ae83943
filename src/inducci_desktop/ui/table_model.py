"""The one base of the app's table models: rows of plain service dataclasses under fixed headers.

A subclass names its HEADERS and says what one cell shows (``cell``); ids come from the rows' ``id``
attribute under Qt.UserRole. Everything else — counts, headers, resetting — lives here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inducci_desktop.domain.i18n import _, pgettext

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    #: column titles marked with ``N_``, or ``NC_(context, title)`` where the word alone is ambiguous ("Name")
    HEADERS: tuple[str | tuple[str, str], ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def load(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            header = self.HEADERS[section]
            return pgettext(*header) if isinstance(header, tuple) else _(header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(row)
        return self.cell(row, index.column(), role)

    def row_id(self, row: Any) -> Any:
        return getattr(row, "id", None)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What the cell at ``column`` of ``row`` shows for ``role`` (None for nothing)."""
        raise NotImplementedError
