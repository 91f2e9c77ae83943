"""One behaviour for Enter in quick-entry rows: Return or Enter in any of the row's fields, on its check
boxes and date fields, or on its focused button, does what the row's button does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _ReturnFilter(QObject):
    def __init__(self, parent: QObject, action: Callable[[], None]) -> None:
        super().__init__(parent)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.action()
            return True
        return super().eventFilter(watched, event)


def on_return(action: Callable[[], None], *widgets: QWidget) -> None:
    """Make Return/Enter on each of ``widgets`` call ``action`` (and nothing else)."""
    for widget in widgets:
        widget.installEventFilter(_ReturnFilter(widget, action))
