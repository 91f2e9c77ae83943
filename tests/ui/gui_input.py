"""Acting as a person on real widgets: pick from a combo's popup, click, answer the next modal dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick the entry whose text starts with ``text`` by keyboard, as a person does on a closed combo
    (Home, then Down until it is reached; each step is a real choice, as it is for the person)."""
    _reach(qtbot, combo, next(i for i in range(combo.count()) if combo.itemText(i).startswith(text)))


def choose_data(qtbot: Any, combo: QComboBox, data: object) -> None:
    """Pick the entry that stands for ``data`` (an id the test knows) by keyboard, as ``choose`` does."""
    target = combo.findData(data)
    assert target >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    _reach(qtbot, combo, target)


def _reach(qtbot: Any, combo: QComboBox, target: int) -> None:
    if combo.currentIndex() == target:
        return
    reached: list[int] = []
    combo.activated.connect(reached.append)
    try:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        while target not in reached and combo.currentIndex() < target:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    finally:
        combo.activated.disconnect(reached.append)
    assert target in reached or combo.currentIndex() == target


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def on_next_dialog(answer: Callable[[QDialog], None], *, kind: type[QDialog] = QDialog) -> None:
    """Answer the next modal dialog of ``kind`` once it is shown (the action that opens it blocks)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answer(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
