"""The base of undoable edits that go through a service.

An edit is carried out once when it is made — before it is pushed — so an edit the service refuses
never enters the history. QUndoStack.push then calls redo(), which does nothing the first time; later
undo and redo replay the edit through the service, and ``changed`` tells the screen to reload.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class AppliedCommand(QUndoCommand):
    def __init__(self, text: str, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self.changed = changed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.apply()
        self.changed()

    def undo(self) -> None:
        self.revert()
        self.changed()

    def apply(self) -> None:
        """Carry the edit out again (redo after an undo)."""
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
