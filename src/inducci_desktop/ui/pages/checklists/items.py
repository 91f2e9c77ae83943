"""One editor widget per checklist item type, and the card that shows an item with help, guide and note.

Editors emit ``edited(value)`` with the value as the service stores it (None clears the answer); the
runner saves it at once. Choice-like editors are radio buttons/check boxes in a group: Tab enters the
group, the arrow keys move, Space ticks; a scale item also takes its digits from the keyboard.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.content.model import ChecklistItem
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.checklists import scoring

TEXT_SAVE_DELAY_MS = 400


class ItemEditor(QWidget):
    edited = Signal(object)

    def __init__(self, item: ChecklistItem) -> None:
        super().__init__()
        self.item = item
        self._loading = False

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, value: Any) -> None:
        if not self._loading:
            self.edited.emit(value)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def flush(self) -> None:
        """Emit any pending typed change at once (before the runner closes)."""

    def has_unsaved(self) -> bool:
        """Whether something typed here has not been handed on yet (a choice is handed on when clicked)."""
        return False


class _ButtonsEditor(ItemEditor):
    """Exclusive radio buttons; clicking the ticked one again clears the answer (Delete key too)."""

    def __init__(self, item: ChecklistItem, choices: list[tuple[Any, str]], *, vertical: bool = False) -> None:
        super().__init__(item)
        self.choices = choices
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so that a second click can clear
        layout: QHBoxLayout | QVBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4 if vertical else 14)
        self.buttons: list[QRadioButton] = []
        for index, (_value, label) in enumerate(choices):
            button = QRadioButton(label)
            button.setAccessibleName(f"{item.text}: {label}")
            button.installEventFilter(self)
            self.group.addButton(button, index)
            self.buttons.append(button)
            layout.addWidget(button)
        if not vertical:
            layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, index: int) -> None:
        ticked = self.buttons[index].isChecked()
        for other, button in enumerate(self.buttons):
            if other != index:
                button.setChecked(False)
        self._emit(self.choices[index][0] if ticked else None)

    def _show(self, value: Any) -> None:
        for (choice, _label), button in zip(self.choices, self.buttons, strict=True):
            button.setChecked(choice == value)

    def value(self) -> Any:
        for (choice, _label), button in zip(self.choices, self.buttons, strict=True):
            if button.isChecked():
                return choice
        return None

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setFocus()
            if not self.buttons[index].isChecked():
                self.buttons[index].click()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QAbstractButton):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            index = self.buttons.index(watched) if watched in self.buttons else -1
            key = key_event.key()
            if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and index >= 0:
                self.buttons[(index + 1) % len(self.buttons)].setFocus()
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and index >= 0:
                self.buttons[(index - 1) % len(self.buttons)].setFocus()
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() is not None:
                self._show(None)
                self._emit(None)
                return True
            if self._digit(key_event):
                return True
        return super().eventFilter(watched, event)

    def _digit(self, event: QKeyEvent) -> bool:
        return False


class YnpEditor(_ButtonsEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item, [(v, _(scoring.YNP_LABELS[v])) for v in scoring.YNP_VALUES])
        for button, mnemonic in zip(self.buttons, ("Y", "P", "N", "A"), strict=True):
            button.setToolTip(_("Key {mnemonic}").format(mnemonic=mnemonic))

    def _digit(self, event: QKeyEvent) -> bool:
        letters = {Qt.Key.Key_Y: 0, Qt.Key.Key_P: 1, Qt.Key.Key_N: 2, Qt.Key.Key_A: 3}
        if event.key() in letters and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.choose(letters[Qt.Key(event.key())])
            return True
        return False


class ScaleEditor(_ButtonsEditor):
    def __init__(self, item: ChecklistItem) -> None:
        low, high = item.scale_min or 0, item.scale_max or 0
        choices = [(v, f"{v} {item.scale_labels[v]}" if v in item.scale_labels else str(v))
                   for v in range(low, high + 1)]
        super().__init__(item, choices)
        self.setToolTip(_("Type a digit from {low} to {high}").format(low=low, high=high))

    def _digit(self, event: QKeyEvent) -> bool:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            values = [c[0] for c in self.choices]
            if int(text) in values:
                self.choose(values.index(int(text)))
            return True
        return False


class ChoiceEditor(_ButtonsEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item, [(o.key, o.label) for o in item.options], vertical=True)


class MultiEditor(ItemEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.boxes: list[QCheckBox] = []
        for option in item.options:
            box = QCheckBox(option.label)
            box.setAccessibleName(f"{item.text}: {option.label}")
            box.toggled.connect(lambda _on: self._emit(self.value()))
            self.boxes.append(box)
            layout.addWidget(box)

    def value(self) -> list[str] | None:
        chosen = [o.key for o, box in zip(self.item.options, self.boxes, strict=True) if box.isChecked()]
        return chosen or None

    def _show(self, value: Any) -> None:
        chosen = set(value or ())
        for option, box in zip(self.item.options, self.boxes, strict=True):
            box.setChecked(option.key in chosen)


class _TypedEditor(ItemEditor):
    """Typed text saved after a short pause and when the field loses focus."""

    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item)
        self.timer = QTimer(self, singleShot=True, interval=TEXT_SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.error = QLabel("")
        self.error.setObjectName("itemError")
        _colour(self.error, QColor("#b3261e"))
        self.error.hide()
        self._last: Any = None

    def _typed(self) -> None:
        if not self._loading:
            self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        try:
            value = self.parse()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        if value != self._last:
            self._last = value
            self._emit(value)

    def parse(self) -> Any:
        raise NotImplementedError

    def has_unsaved(self) -> bool:
        if self.timer.isActive() or not self.error.isHidden():
            return True
        try:
            return bool(self.parse() != self._last)
        except ValueError:
            return True


def _show_text(edit: QLineEdit, text: str) -> None:
    """Put ``text`` in a one-line field; in the field being typed in the cursor stays where it was."""
    if edit.text() == text:
        return
    position = edit.cursorPosition()
    edit.setText(text)
    if edit.hasFocus():
        edit.setCursorPosition(min(position, len(text)))


class TextEditor(_TypedEditor):
    def __init__(self, item: ChecklistItem, *, placeholder: str = "") -> None:
        super().__init__(item)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(item.text)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(scoring.MAX_TEXT)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self.flush)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.error)

    def parse(self) -> Any:
        return self.edit.text().strip() or None

    def _show(self, value: Any) -> None:
        _show_text(self.edit, "" if value is None else str(value))
        self._last = value


class NumberEditor(TextEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item, placeholder=_("a number"))
        self.edit.setMaximumWidth(160)
        if item.unit:
            self.row.insertWidget(1, QLabel(item.unit))
        self.row.addStretch(1)

    def parse(self) -> Any:
        text = self.edit.text().strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValueError(_("Type a number, e.g. 12 or 3.5")) from None
        if not math.isfinite(number):
            raise ValueError(_("Type a number, e.g. 12 or 3.5"))
        return int(number) if number.is_integer() and "." not in text and "," not in text else number

    def _show(self, value: Any) -> None:
        _show_text(self.edit, "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))
        self._last = value


class DateEditor(TextEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item, placeholder=_("YYYY-MM-DD"))
        self.edit.setMaximumWidth(160)
        self.row.addStretch(1)

    def parse(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(_("Write the date as YYYY-MM-DD, e.g. 2026-03-31")) from None


class LongTextEditor(_TypedEditor):
    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(item.text)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(84)
        self.edit.textChanged.connect(self._typed)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def parse(self) -> Any:
        return self.edit.toPlainText() if self.edit.toPlainText().strip() else None

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            position = self.edit.textCursor().position()
            scrolled = self.edit.verticalScrollBar().value()
            self.edit.setPlainText(text)
            if self.edit.hasFocus():
                cursor = self.edit.textCursor()
                cursor.setPosition(min(position, len(text)))
                self.edit.setTextCursor(cursor)
                self.edit.verticalScrollBar().setValue(scrolled)
        self._last = value


EDITORS: dict[str, type[ItemEditor]] = {
    "ynp": YnpEditor, "scale": ScaleEditor, "choice": ChoiceEditor, "multi": MultiEditor, "text": TextEditor,
    "longtext": LongTextEditor, "number": NumberEditor, "date": DateEditor,
}


class NoteEditor(_TypedEditor):
    """The note every item has (one line that grows into several when needed)."""

    def __init__(self, item: ChecklistItem) -> None:
        super().__init__(item)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("Note (optional): sources, who said it, what to check"))
        self.edit.setAccessibleName(_("Note on {text}").format(text=item.text))
        self.edit.setMaxLength(scoring.MAX_NOTE)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self.flush)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def parse(self) -> Any:
        return self.edit.text()

    def _show(self, value: Any) -> None:
        _show_text(self.edit, value or "")
        self._last = value or ""


class ItemCard(QFrame):
    """Number, question, required mark, help (toggle) and guide, the answer editor and the note."""

    answerEdited = Signal(str, object)  # item key, value
    noteEdited = Signal(str, str)
    guideRequested = Signal(str)
    findingRequested = Signal(str)  # item key: "Add as finding…"

    def __init__(self, number: str, item: ChecklistItem, guide_title: str | None = None) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("itemCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(5)
        head = QHBoxLayout()
        number_label = QLabel(f"<b>{number}</b>")
        number_label.setFixedWidth(34)
        number_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        required = ' <span style="color:#b3261e">*</span>' if item.required else ""
        self.question = QLabel(f"<b>{_escape(item.text)}</b>{required}")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(number_label)
        head.addWidget(self.question, 1)
        self.help_button = QPushButton("?")
        self.help_button.setFixedWidth(28)
        self.help_button.setCheckable(True)
        self.help_button.setToolTip(_("Show help for this question (Shift+F1)"))
        self.help_button.setAccessibleName(_("Help on {text}").format(text=item.text))
        self.help_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.help_button.setVisible(bool(item.help))
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        self.finding_button = QPushButton(_("Add as finding…"))
        self.finding_button.setToolTip(_("Record this answer as a finding of the evidence register"))
        self.finding_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.finding_button.clicked.connect(lambda: self.findingRequested.emit(item.key))
        head.addWidget(self.finding_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.help_label = QLabel(_escape(item.help) + (_("<br><a href=\"guide\">Read the guide: {escape}</a>")
            .format(escape=_escape(guide_title))
                                                       if item.guide and guide_title else ""))
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        _colour(self.help_label, self.help_label.palette().color(QPalette.ColorRole.PlaceholderText))
        self.help_label.setContentsMargins(38, 0, 0, 0)
        self.help_label.linkActivated.connect(lambda _link: self.guideRequested.emit(item.guide or ""))
        self.help_label.setVisible(False)
        self.help_button.toggled.connect(self.help_label.setVisible)
        outer.addWidget(self.help_label)
        self.editor = EDITORS[item.type](item)
        self.editor.edited.connect(lambda value: self.answerEdited.emit(item.key, value))
        self.note = NoteEditor(item)
        self.note.edited.connect(lambda text: self.noteEdited.emit(item.key, text))
        body = QVBoxLayout()
        body.setContentsMargins(38, 0, 0, 0)
        body.addWidget(self.editor)
        body.addWidget(self.note)
        outer.addLayout(body)

    def set_answer(self, value: Any, note: str) -> None:
        self.editor.set_value(value)
        self.note.set_value(note)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)
        self.note.edit.setReadOnly(read_only)

    def toggle_help(self) -> None:
        self.help_button.setChecked(not self.help_button.isChecked())

    def flush(self) -> None:
        self.editor.flush()
        self.note.flush()

    def has_unsaved(self) -> bool:
        """Whether the answer or the note holds typing not saved yet."""
        return self.editor.has_unsaved() or self.note.has_unsaved()

    def focus_answer(self) -> None:
        target: QWidget = self.editor
        for child in self.editor.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                target = child
                break
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def _colour(label: QLabel, colour: QColor) -> None:
    # a palette, not a style sheet: style sheets on hundreds of labels make a section slow to show
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
