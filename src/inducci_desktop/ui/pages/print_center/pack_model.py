"""The handout pack as a list model (drag to reorder) and the undoable edits of it.

Every change goes through a QUndoCommand on the window's undo stack; the model itself only inserts,
removes and moves rows and says so with ``changed``. A drop inside the list becomes a MovePackItem
command (``dropMimeData`` never moves rows itself), so dragging is undoable like the buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand

from inducci_desktop.domain.i18n import _

MIME = "application/x-inducci-pack-rows"
IdRole = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class PackListModel(QAbstractListModel):
    #: the items or their order changed
    changed = Signal()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.entries: list[tuple[str, str]] = []  # (item id, title)
        #: called with (from_row, to_row) when rows are dropped inside the list; set by the page
        self.move_requested: Callable[[int, int], None] | None = None

    # -- reading -----------------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return [item_id for item_id, _title in self.entries]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        item_id, title = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}\n{item_id}"
        if role == IdRole:
            return item_id
        return None

    # -- changing (used by the commands) --------------------------------------------------------------

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()
        self.changed.emit()

    def insert(self, row: int, entries: Sequence[tuple[str, str]]) -> None:
        if not entries:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(entries) - 1)
        self.entries[row:row] = list(entries)
        self.endInsertRows()
        self._renumber()

    def remove(self, row: int) -> tuple[str, str]:
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self.entries.pop(row)
        self.endRemoveRows()
        self._renumber()
        return entry

    def move(self, source: int, target: int) -> None:
        """Move the row at ``source`` so that it ends up at row ``target``."""
        if source == target or not (0 <= source < len(self.entries) and 0 <= target < len(self.entries)):
            return
        # Qt's destination is the row *before which* the moved row goes, counted before the move
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self.entries.insert(target, self.entries.pop(source))
        self.endMoveRows()
        self._renumber()

    def _renumber(self) -> None:
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1), [Qt.ItemDataRole.DisplayRole])
        self.changed.emit()

    # -- drag and drop -----------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode("ascii")))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or self.move_requested is None:
            return False
        text = bytes(data.data(MIME).data()).decode("ascii")
        rows = [int(r) for r in text.split(",") if r]
        if len(rows) != 1:
            return False
        source = rows[0]
        if row < 0:  # dropped on an item (or below the last one)
            row = parent.row() if parent.isValid() else len(self.entries)
        target = row - 1 if row > source else row
        target = max(0, min(target, len(self.entries) - 1))
        if target != source:
            self.move_requested(source, target)
        # False: the view must not remove the dragged row afterwards; the command has moved it
        return False


# --- undoable edits ---------------------------------------------------------------------------------------

class AddToPack(QUndoCommand):
    def __init__(self, model: PackListModel, entries: Sequence[tuple[str, str]]) -> None:
        label = f"“{entries[0][1]}”" if len(entries) == 1 else f"{len(entries)} items"
        super().__init__(_("Add {label} to the handout pack").format(label=label))
        self.model = model
        self.entries = list(entries)
        self.row = len(model.entries)

    def redo(self) -> None:
        self.model.insert(self.row, self.entries)

    def undo(self) -> None:
        for _unused in self.entries:
            self.model.remove(self.row)


class RemoveFromPack(QUndoCommand):
    def __init__(self, model: PackListModel, rows: Sequence[int], text: str = "") -> None:
        self.model = model
        self.rows = sorted(set(rows))
        self.removed = [(row, model.entries[row]) for row in self.rows]
        if not text:
            text = (_("Remove “{removed}” from the handout pack")
                .format(removed=self.removed[0][1][1]) if len(self.removed) == 1
                    else _("Remove {count} items from the handout pack").format(count=len(self.removed)))
        super().__init__(text)

    def redo(self) -> None:
        for row, _entry in reversed(self.removed):
            self.model.remove(row)

    def undo(self) -> None:
        for row, entry in self.removed:
            self.model.insert(row, [entry])


class MovePackItem(QUndoCommand):
    def __init__(self, model: PackListModel, source: int, target: int) -> None:
        super().__init__(_("Move “{entries}” in the handout pack").format(entries=model.entries[source][1]))
        self.model = model
        self.source = source
        self.target = target

    def redo(self) -> None:
        self.model.move(self.source, self.target)

    def undo(self) -> None:
        self.model.move(self.target, self.source)
