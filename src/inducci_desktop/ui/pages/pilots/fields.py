"""Small widgets of the Pilot actions page: a text box that saves when left, a table of simple rows
(partners, steps, participants by type) that saves on every change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.rules import Choice


class TextBox(QPlainTextEdit):
    """Multi-line text that reports ``left`` when focus leaves it (the page saves then, as everywhere)."""

    left = Signal()

    def __init__(self, name: str, placeholder: str = "") -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class RowsEditor(QWidget):
    """A table of short rows; ``columns``: (header, choice or None for text, numeric). ``changed`` sends the
    rows as lists of strings whenever a cell is edited, a row added or removed."""

    changed = Signal(list)

    def __init__(self, name: str, columns: Sequence[tuple[str, Choice | None]], add_label: str) -> None:
        super().__init__()
        self.columns = list(columns)
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels([c[0] for c in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for index in range(1, len(columns)):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(lambda _item: self._emit())
        self.add_button = QPushButton(add_label)
        self.add_button.setAccessibleName(f"{add_label} ({name})")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove from {name}").format(name=name))
        self.remove_button.clicked.connect(lambda: self.remove_row())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._loading = False

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._loading = False

    def rows(self) -> list[list[str]]:
        out = []
        for r in range(self.table.rowCount()):
            values = []
            for c, (_header, choice) in enumerate(self.columns):
                if choice is not None:
                    combo = self.table.cellWidget(r, c)
                    values.append(str(combo.currentData()) if isinstance(combo, QComboBox) else choice.default)
                else:
                    item = self.table.item(r, c)
                    values.append(item.text().strip() if item is not None else "")
            out.append(values)
        return out

    def add_row(self) -> None:
        self._append(["" if choice is None else choice.default for _h, choice in self.columns])
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        first = self.table.item(row, 0)
        if first is not None:
            self.table.editItem(first)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def _append(self, values: Sequence[str]) -> None:
        row = self.table.rowCount()
        self._loading, was = True, self._loading
        try:
            self.table.insertRow(row)
            for c, (header, choice) in enumerate(self.columns):
                value = values[c] if c < len(values) else ""
                if choice is None:
                    self.table.setItem(row, c, QTableWidgetItem(value))
                    continue
                combo = QComboBox()
                combo.setAccessibleName(header)
                for key, label in choice.labels.items():
                    combo.addItem(label, key)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                combo.activated.connect(lambda _i: self._emit())
                self.table.setCellWidget(row, c, combo)
                holder = QTableWidgetItem()
                holder.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, c, holder)
        finally:
            self._loading = was

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit(self.rows())


def connect_saving(box: TextBox, save: Callable[[str], Any]) -> None:
    """Save the box's text when it is left (and only when it changed since it was loaded)."""
    def leave() -> None:
        if box.document().isModified():
            box.document().setModified(False)
            save(box.toPlainText())
    box.left.connect(leave)
