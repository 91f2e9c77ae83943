"""Undoable strategy edits through the service (see ui/undo.py): section text, renaming, moving, deleting, what
a block shows. Undo and redo replay one's own edit with no version check (``expected=None``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.strategy.papers import PaperService
from inducci_desktop.ui.undo import AppliedCommand

TEXT_COMMAND_ID = 0x5EC7


class SectionText(AppliedCommand):
    """Typed text saved to a section; successive saves of one section merge into one undo step."""

    def __init__(self, papers: PaperService, section_id: str, old: str, new: str,
                 changed: Callable[[], None], *, merge: bool = True) -> None:
        super().__init__(_("Edit section text"), changed)
        self.papers, self.section_id, self.old, self.new = papers, section_id, old, new
        self.merge = merge  # False: a step of its own (a save over someone else's text)

    def redo(self) -> None:
        # the editor already shows what was typed: only a redo after an undo changes what it shows
        if self._first:
            self._first = False
            return
        self.apply()
        self.changed()

    def apply(self) -> None:
        self.papers.set_body(self.section_id, self.new)

    def revert(self) -> None:
        self.papers.set_body(self.section_id, self.old)

    def id(self) -> int:
        return TEXT_COMMAND_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SectionText) or other.section_id != self.section_id:
            return False
        self.new = other.new
        return True


class RenameSection(AppliedCommand):
    def __init__(self, papers: PaperService, section_id: str, old: str, new: str,
                 changed: Callable[[], None]) -> None:
        super().__init__(_("Rename section"), changed)
        self.papers, self.section_id, self.old, self.new = papers, section_id, old, new

    def apply(self) -> None:
        self.papers.rename_section(self.section_id, self.new)

    def revert(self) -> None:
        self.papers.rename_section(self.section_id, self.old)


class MoveSection(AppliedCommand):
    def __init__(self, papers: PaperService, section_id: str, old: int, new: int,
                 changed: Callable[[], None]) -> None:
        super().__init__(_("Move section"), changed)
        self.papers, self.section_id, self.old, self.new = papers, section_id, old, new

    def apply(self) -> None:
        self.papers.move_section(self.section_id, self.new)

    def revert(self) -> None:
        self.papers.move_section(self.section_id, self.old)


class DeleteSection(AppliedCommand):
    def __init__(self, papers: PaperService, section_id: str, changed: Callable[[], None]) -> None:
        super().__init__(_("Delete section"), changed)
        self.papers, self.section_id = papers, section_id

    def apply(self) -> None:
        self.papers.delete_section(self.section_id)

    def revert(self) -> None:
        self.papers.restore_section(self.section_id)


class AddSection(AppliedCommand):
    def __init__(self, papers: PaperService, section_id: str, changed: Callable[[], None]) -> None:
        super().__init__(_("Add section"), changed)
        self.papers, self.section_id = papers, section_id

    def apply(self) -> None:
        self.papers.restore_section(self.section_id)

    def revert(self) -> None:
        self.papers.delete_section(self.section_id)


class EditBlock(AppliedCommand):
    """What a block shows (kind and parameters), changed."""

    def __init__(self, papers: PaperService, block_id: str, old: tuple[str, dict[str, Any]],
                 new: tuple[str, dict[str, Any]], changed: Callable[[], None]) -> None:
        super().__init__(_("Change block"), changed)
        self.papers, self.block_id, self.old, self.new = papers, block_id, old, new

    def apply(self) -> None:
        self.papers.update_block(self.block_id, *self.new)

    def revert(self) -> None:
        self.papers.update_block(self.block_id, *self.old)
