"""The handout pack panel of the Print Center: the ordered item list with its buttons and the cover fields.

Edits of the list are QUndoCommands on the window's undo stack (pack_model.py). ``changed`` fires for
every change of the list or the cover, so the page can save the pack and refresh the preview.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.documents import PackCover as PackCoverText
from inducci_desktop.ui.pages.print_center.pack_model import AddToPack, MovePackItem, PackListModel, RemoveFromPack


class PackPanel(QWidget):
    changed = Signal()

    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.undo_stack = undo_stack
        self.model = PackListModel(self)
        self.model.move_requested = self.move_item
        self.model.changed.connect(self._list_changed)

        self.list = QListView()
        self.list.setAccessibleName(_("Handout pack items"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDragDropOverwriteMode(False)
        self.list.setDropIndicatorShown(True)
        self.list.setToolTip(_("Drag items to change their order; Delete removes the selected ones"))
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        self.empty_label = QLabel(_("The pack is empty. In the Library, open an item and press "
                                  "“Add to handout pack” (Ctrl+Shift+P)."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid);")

        self.up_button = QPushButton(_("Move up"))
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(_("Clear"))
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Cover title"))
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setAccessibleName(_("Cover subtitle"))
        self.subtitle_edit.setPlaceholderText(_("e.g. Training day 1 – CCI and industry"))
        self.organiser_edit = QLineEdit()
        self.organiser_edit.setAccessibleName(_("Organiser"))
        self.date_edit = QLineEdit()
        self.date_edit.setAccessibleName(_("Date on the cover"))
        self.date_edit.setPlaceholderText(_("today"))
        self.glossary_check = QCheckBox(_("Add the glossary at the end"))
        form = QFormLayout()
        form.addRow(_("Title"), self.title_edit)
        form.addRow(_("Subtitle"), self.subtitle_edit)
        form.addRow(_("Organiser"), self.organiser_edit)
        form.addRow(_("Date"), self.date_edit)
        form.addRow("", self.glossary_check)
        for edit in (self.title_edit, self.subtitle_edit, self.organiser_edit, self.date_edit):
            edit.textEdited.connect(lambda _text: self.changed.emit())
        self.glossary_check.toggled.connect(lambda _on: self.changed.emit())

        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(_("<b>Cover</b>")))
        layout.addLayout(form)
        self._update_buttons()

    # -- state -------------------------------------------------------------------------------------

    def cover(self) -> PackCoverText:
        title = self.title_edit.text()
        default = PackCoverText().title
        if title == _(default):
            title = default  # the default stays the catalog's text: each document prints it in its own language
        return PackCoverText(title, self.subtitle_edit.text(), self.organiser_edit.text(), self.date_edit.text())

    def set_cover(self, cover: PackCoverText) -> None:
        self.title_edit.setText(_(cover.title))  # the default title ("Handout pack") in the language shown
        self.subtitle_edit.setText(cover.subtitle)
        self.organiser_edit.setText(cover.organiser)
        self.date_edit.setText(cover.date)

    # -- edits (undoable) --------------------------------------------------------------------------

    def add(self, entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Add the entries not in the pack yet; returns those added."""
        present = set(self.model.ids())
        new = [e for e in entries if e[0] not in present]
        if new:
            self.undo_stack.push(AddToPack(self.model, new))
        return new

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.list.selectionModel().selectedRows())

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.undo_stack.push(RemoveFromPack(self.model, rows))

    def clear(self) -> None:
        if self.model.entries:
            self.undo_stack.push(RemoveFromPack(self.model, range(len(self.model.entries)),
                                                _("Clear the handout pack")))

    def move_item(self, source: int, target: int) -> None:
        self.undo_stack.push(MovePackItem(self.model, source, target))
        self.select(target)

    def move_selected(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        target = rows[0] + step
        if 0 <= target < len(self.model.entries):
            self.move_item(rows[0], target)

    def select(self, row: int) -> None:
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- display -----------------------------------------------------------------------------------

    def _list_changed(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        count = len(self.model.entries)
        one = len(rows) == 1
        self.up_button.setEnabled(one and rows[0] > 0)
        self.down_button.setEnabled(one and rows[0] < count - 1)
        self.remove_button.setEnabled(bool(rows))
        self.clear_button.setEnabled(count > 0)
        self.empty_label.setVisible(count == 0)
