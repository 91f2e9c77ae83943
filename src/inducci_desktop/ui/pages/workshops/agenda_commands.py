"""Undoable agenda edits. Each runs once when made (a refused edit never enters the history); undo and redo
replay it through the service, and ``changed`` tells the editor to reload."""

from __future__ import annotations

from collections.abc import Callable

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.services.workshops.views import BlockInput
from inducci_desktop.ui.undo import AppliedCommand


class _AgendaCommand(AppliedCommand):
    def __init__(self, text: str, workshops: WorkshopService, changed: Callable[[], None]) -> None:
        super().__init__(text, changed)
        self.workshops = workshops


class AddBlock(_AgendaCommand):
    def __init__(self, workshops: WorkshopService, changed: Callable[[], None], day_id: str, data: BlockInput,
                 position: int | None = None) -> None:
        block = workshops.add_block(day_id, data, position)
        super().__init__(_("Add “{title}”").format(title=block.title), workshops, changed)
        self.block_id, self.position = block.id, block.position

    def apply(self) -> None:
        self.workshops.restore_block(self.block_id, self.position)

    def revert(self) -> None:
        self.workshops.delete_block(self.block_id)


class DeleteBlock(_AgendaCommand):
    def __init__(self, workshops: WorkshopService, changed: Callable[[], None], block_id: str) -> None:
        block = workshops.delete_block(block_id)
        super().__init__(_("Remove “{title}”").format(title=block.title), workshops, changed)
        self.block_id, self.position = block_id, block.position

    def apply(self) -> None:
        self.workshops.delete_block(self.block_id)

    def revert(self) -> None:
        self.workshops.restore_block(self.block_id, self.position)


class EditBlock(_AgendaCommand):
    def __init__(self, workshops: WorkshopService, changed: Callable[[], None], block_id: str, old: BlockInput,
                 new: BlockInput) -> None:
        workshops.update_block(block_id, new)
        super().__init__(_("Change “{title}”").format(title=old.title), workshops, changed)
        self.block_id, self.old, self.new = block_id, old, new

    def apply(self) -> None:
        self.workshops.update_block(self.block_id, self.new)

    def revert(self) -> None:
        self.workshops.update_block(self.block_id, self.old)


class MoveBlock(_AgendaCommand):
    def __init__(self, workshops: WorkshopService, changed: Callable[[], None], block_id: str, title: str,
                 old: tuple[str, int], new: tuple[str, int]) -> None:
        workshops.move_block(block_id, new[1], new[0])
        super().__init__(_("Move “{title}”").format(title=title), workshops, changed)
        self.block_id, self.old, self.new = block_id, old, new

    def apply(self) -> None:
        self.workshops.move_block(self.block_id, self.new[1], self.new[0])

    def revert(self) -> None:
        self.workshops.move_block(self.block_id, self.old[1], self.old[0])
