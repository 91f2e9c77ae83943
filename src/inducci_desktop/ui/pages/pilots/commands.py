"""Undoable removals on the Pilot actions page: a criterion, lesson, voice or photo goes to the trash and
Edit ▸ Undo (Ctrl+Z) brings it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.pilots.service import PilotService
from inducci_desktop.ui.undo import AppliedCommand

LABELS = {"criterion": N_("success criterion"), "lesson": N_("lesson"), "voice": N_("voice"), "photo": N_("photo")}


class RemoveEntry(AppliedCommand):
    def __init__(self, pilots: PilotService, kind: str, item_id: str, changed: Callable[[], None]) -> None:
        super().__init__(_("Remove {what}").format(what=_(LABELS[kind])), changed)
        self.pilots, self.kind, self.item_id = pilots, kind, item_id

    def apply(self) -> None:
        self.pilots.delete_item(self.kind, self.item_id)

    def revert(self) -> None:
        self.pilots.restore_item(self.kind, self.item_id)


def remove_entry(stack: QUndoStack | None, pilots: PilotService, kind: str, item_id: str,
                 changed: Callable[[], None]) -> None:
    """Remove now (a refusal raises before anything enters the history), then record it for Undo."""
    pilots.delete_item(kind, item_id)
    if stack is not None:
        stack.push(RemoveEntry(pilots, kind, item_id, changed))
    else:
        changed()
