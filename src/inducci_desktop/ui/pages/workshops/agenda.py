"""The agenda builder: blocks of a day from the formats library or free text, breaks, drag to reorder
(or Ctrl+Up/Down), start times computed, and a warning when the day's blocks do not fit. Undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.workshops import format_duration, format_time
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import AgendaDay, BlockInput, BlockView
from inducci_desktop.ui.pages.workshops.agenda_commands import AddBlock, DeleteBlock, EditBlock, MoveBlock
from inducci_desktop.ui.widgets.enter import on_return
from inducci_desktop.ui.widgets.fitting import fit_header, title_minimum

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-inducci-agenda-row"
#: column → (header, BlockInput field or None)
COLUMNS = ((N_("Start"), None), (N_("End"), None), (N_("Block"), "title"), (N_("Minutes"), "duration"),
           (N_("Responsible"), "responsible"), (N_("Materials"), "materials"), (N_("Notes"), "notes"))


class AgendaModel(QAbstractTableModel):
    """The blocks of one day. Edits and drops go through ``edit`` and ``move`` (undo commands)."""

    def __init__(self, editor: AgendaEditor) -> None:
        super().__init__()
        self.editor = editor
        self.day: AgendaDay | None = None
        self.titles: dict[str, str] = {}

    @property
    def blocks(self) -> tuple[BlockView, ...]:
        return self.day.blocks if self.day else ()

    def load(self, day: AgendaDay | None) -> None:
        """Show ``day``. When the same blocks are still there in the same order (an edit of a cell), the
        cells are updated in place: a reset while a delegate's editor is open would orphan the editor and
        lose the edit on Tab."""
        same_rows = (self.day is not None and day is not None and self.day.day.id == day.day.id
                     and [b.id for b in self.day.blocks] == [b.id for b in day.blocks])
        if same_rows and day is not None:
            self.day = day
            if day.blocks:
                self.dataChanged.emit(self.index(0, 0), self.index(len(day.blocks) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.day = day
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.blocks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        block = self.blocks[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return format_time(block.start)
            if column == 1:
                return format_time(block.end)
            field = COLUMNS[column][1]
            value = getattr(block.as_input(), field or "title")
            if column == 2 and role == Qt.ItemDataRole.DisplayRole and block.format_id:
                return f"{value}  ◆"
            return value
        if role == Qt.ItemDataRole.BackgroundRole and block.is_break:
            return QColor(128, 128, 128, 40)
        if role == Qt.ItemDataRole.FontRole and block.is_break:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and self.day and block.end > self.day.day.end:
            return QColor("#B3261E")
        if role == Qt.ItemDataRole.ToolTipRole and block.format_id:
            return _("From the toolbox: {get}").format(get=self.titles.get(block.format_id, block.format_id))
        if role == Qt.ItemDataRole.UserRole:
            return block.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if COLUMNS[index.column()][1] is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = COLUMNS[index.column()][1]
        if role != Qt.ItemDataRole.EditRole or field is None:
            return False
        block = self.blocks[index.row()]
        old = block.as_input()
        if field == "duration":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
        if getattr(old, field) == value:
            return False
        new = BlockInput(**{**old.__dict__, field: value})
        return self.editor.push(lambda: EditBlock(self.editor.workshops, self.editor.reload, block.id, old, new))

    # -- drag and drop: rows move within the day ---------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not data.hasFormat(MIME):
            return False
        source = int(bytes(data.data(MIME).data()).decode() or -1)
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self.blocks)
        if source < 0:
            return False
        if target > source:
            target -= 1
        self.editor.move_block(source, target)
        return False  # the model reloads itself; Qt must not remove the source row


class AgendaEditor(QWidget):
    def __init__(self, workshops: WorkshopService, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.workshops = workshops
        self.undo_stack = undo_stack
        self.workshop_id: str | None = None
        self.model = AgendaModel(self)
        self.day = QComboBox()
        self.day.setAccessibleName(_("Agenda day"))
        self.day.currentIndexChanged.connect(self.reload)
        self.table = QTableView()
        self.table.setAccessibleName(_("Agenda blocks"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        # rows as tall as their wrapped text: block titles are read whole, not "… where they are i…"
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # the short columns never narrower than their header's text (a narrower window squeezes them otherwise)
        shortest = max(header.fontMetrics().horizontalAdvance(_(COLUMNS[c][0])) for c in (0, 1)) + 12
        header.setMinimumSectionSize(max(header.minimumSectionSize(), shortest))
        # the block's column never narrower than its title, "Responsible" as wide as its title in any language
        # (materials and notes keep 100 px: the block's title needs the room more)
        title_minimum(header, (2,))
        fit_header(header, (4,))
        self.format = QComboBox()
        self.format.setAccessibleName(_("Format from the toolbox"))
        self.format.setMinimumWidth(260)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 960)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(60)
        self.minutes.setAccessibleName(_("Duration"))
        self.format.currentIndexChanged.connect(self._format_chosen)
        # lambdas: ``clicked`` sends ``checked``, which must not land in ``kind``
        self.add_button = QPushButton(_("Add block"))
        self.add_button.clicked.connect(lambda: self.add_block("session"))
        self.add_break_button = QPushButton(_("Add break"))
        self.add_break_button.clicked.connect(lambda: self.add_block("break"))
        on_return(lambda: self.add_block("session"), self.format, self.minutes, self.add_button)
        on_return(lambda: self.add_block("break"), self.add_break_button)
        self.remove = QPushButton(_("Remove"))
        self.remove.clicked.connect(self.remove_block)
        up, down = QPushButton(_("Move up")), QPushButton(_("Move down"))
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Agenda timing"))
        for keys, slot in (("Ctrl+Up", lambda: self.move_current(-1)), ("Ctrl+Down",
            lambda: self.move_current(1)),
                           (QKeySequence.StandardKey.Delete, self.remove_block)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Day:")))
        top.addWidget(self.day, 1)
        adder = QHBoxLayout()
        adder.addWidget(self.format, 1)
        adder.addWidget(self.minutes)
        adder.addWidget(self.add_button)
        adder.addWidget(self.add_break_button)
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(adder)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._formats_loaded = False

    def _load_formats(self) -> None:
        self.format.blockSignals(True)
        self.format.clear()
        self.format.addItem(_("Free text block"), None)
        for choice in self.workshops.formats():
            self.format.addItem(f"{choice.title} ({choice.duration_text})", choice)
            self.model.titles[choice.id] = choice.title
        self.format.blockSignals(False)
        self._formats_loaded = True

    def _format_chosen(self) -> None:
        choice = self.format.currentData()
        if choice is not None:
            self.minutes.setValue(min(choice.default_minutes, self.minutes.maximum()))

    def load(self, workshop_id: str | None) -> None:
        if not self._formats_loaded:
            self._load_formats()
        self.workshop_id = workshop_id
        current = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        if workshop_id is not None:
            for day in self.workshops.get(workshop_id).days:
                self.day.addItem(day.label, day.id)
        index = self.day.findData(current)
        self.day.setCurrentIndex(max(index, 0))
        self.day.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        day_id = self.day.currentData()
        if day_id is None:
            self.model.load(None)
            self.status.setText(_("Add the workshop's days on the Details tab first.") if self.workshop_id else "")
            return
        try:
            day = self.workshops.agenda_day(day_id)
        except ServiceError:  # the day was removed meanwhile (undo across tabs)
            self.load(self.workshop_id)
            return
        self.model.load(day)
        plan = day.plan
        colour = "#B3261E" if not plan.fits else "palette(text)"
        prefix = "⚠ " if not plan.fits else ""
        self.status.setText(_("<span style='color:{colour}'><b>{prefix}{message}</b></span> Breaks: {format_duration}.")
            .format(colour=colour, prefix=prefix, message=plan.message(),
                format_duration=format_duration(plan.break_minutes)))

    def push(self, make: Any) -> bool:
        try:
            command = make()
        except ServiceError as exc:
            QMessageBox.warning(self, _("Agenda"), str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def add_block(self, kind: str = "session") -> None:
        day_id = self.day.currentData()
        if day_id is None:
            QMessageBox.information(self, _("Agenda"), _("Add the workshop's days on the Details tab first."))
            return
        choice = self.format.currentData() if kind == "session" else None
        if kind == "break":
            data = BlockInput(_("Break"), 15, "break")
        elif choice is not None:
            data = BlockInput(choice.title, self.minutes.value(), format_id=choice.id,
                              materials=", ".join(choice.materials))
        else:
            data = BlockInput(_("New block"), self.minutes.value())
        row = self.selected_row()
        position = row + 1 if row >= 0 else None
        if self.push(lambda: AddBlock(self.workshops, self.reload, day_id, data, position)):
            new_row = position if position is not None else self.model.rowCount() - 1
            self.table.selectRow(new_row)
            if choice is None and kind == "session":  # a free block: its title is typed at once
                title = self.model.index(new_row, 2)
                self.table.setFocus()
                self.table.setCurrentIndex(title)  # so that Tab goes on to the next cell
                self.table.edit(title)

    def remove_block(self) -> None:
        row = self.selected_row()
        if row >= 0:
            block_id = self.model.blocks[row].id
            self.push(lambda: DeleteBlock(self.workshops, self.reload, block_id))

    def move_current(self, step: int) -> None:
        row = self.selected_row()
        if row >= 0 and 0 <= row + step < self.model.rowCount():
            self.move_block(row, row + step)

    def move_block(self, source: int, target: int) -> None:
        if source == target or self.model.day is None:
            return
        block = self.model.blocks[source]
        day_id = self.model.day.day.id
        if self.push(lambda: MoveBlock(self.workshops, self.reload, block.id, block.title, (day_id, source),
                                       (day_id, target))):
            self.table.selectRow(target)
