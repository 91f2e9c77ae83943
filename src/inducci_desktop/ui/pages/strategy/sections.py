"""The Sections tab: the paper's outline (add, rename, reorder, delete with undo), the Markdown editor with its
live preview (saved after a short pause and on leaving the field, undoable), the section's evidence blocks
and its review comments. A text or a block someone else saved meanwhile is not overwritten silently: the
person is asked (ui/widgets/changed_elsewhere.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import OUTLINE, BlockView, PaperView, SectionView
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.services.library.reader import markdown_html
from inducci_desktop.ui.pages.strategy.commands import (
    AddSection,
    DeleteSection,
    EditBlock,
    MoveSection,
    RenameSection,
    SectionText,
)
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice

SAVE_DELAY_MS = 400
HINTS = {key: hint for key, _title, hint in OUTLINE}


class SectionsTab(QWidget):
    def __init__(self, services: Services, undo: QUndoStack) -> None:
        super().__init__()
        self.services = services
        self.papers = services.strategy.papers
        self.undo = undo
        self.view: PaperView | None = None
        self.section_id: str | None = None
        self._saved_text = ""
        #: the version of the shown section's text as loaded or last saved here (None: no section)
        self._saved_version: int | None = None
        self._loading = False
        self.sections = QListWidget()
        self.sections.setAccessibleName(_("Sections"))
        self.sections.currentRowChanged.connect(lambda _row: self._section_chosen())
        self.add_button = QPushButton(_("Add…"))
        self.rename_button = QPushButton(_("Rename…"))
        self.up_button = QPushButton(_("Up"))
        self.down_button = QPushButton(_("Down"))
        self.delete_button = QPushButton(_("Delete"))
        self.restore_button = QPushButton(_("Restore…"))
        self.add_button.clicked.connect(lambda: self.add_section())
        self.rename_button.clicked.connect(lambda: self.rename_section())
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.delete_button.clicked.connect(lambda: self.delete_section())
        self.restore_button.clicked.connect(lambda: self.restore_section())
        buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.rename_button, self.up_button, self.down_button,
                                        self.delete_button, self.restore_button)):
            buttons.addWidget(button, index // 2, index % 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sections, 1)
        left_layout.addLayout(buttons)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Section text (Markdown)"))
        self.editor.textChanged.connect(self._typed)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)  # nothing in a paper opens by itself
        self.preview.setOpenExternalLinks(False)
        self.preview.setAccessibleName(_("Preview"))
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.hide()
        text_split = QSplitter(Qt.Orientation.Horizontal)
        text_split.addWidget(self.editor)
        text_split.addWidget(self.preview)
        text_split.setChildrenCollapsible(False)
        self.blocks = QListWidget()
        self.blocks.setAccessibleName(_("Evidence blocks"))
        self.blocks.itemActivated.connect(lambda _item: self.edit_block())
        self.block_button = QPushButton(_("Insert block…"))
        self.edit_block_button = QPushButton(_("Change block…"))
        self.remove_block_button = QPushButton(_("Remove block"))
        self.block_button.clicked.connect(lambda: self.insert_block())
        self.edit_block_button.clicked.connect(lambda: self.edit_block())
        self.remove_block_button.clicked.connect(lambda: self.remove_block())
        blocks_box = QGroupBox(_("Evidence blocks"))
        blocks_layout = QVBoxLayout(blocks_box)
        blocks_layout.addWidget(self.blocks, 1)
        row = QHBoxLayout()
        row.addWidget(self.block_button)
        row.addWidget(self.edit_block_button)
        row.addWidget(self.remove_block_button)
        blocks_layout.addLayout(row)
        self.comments = QListWidget()
        self.comments.setAccessibleName(_("Review comments"))
        self.comment_button = QPushButton(_("Add comment…"))
        self.resolve_button = QPushButton(_("Resolved"))
        self.comment_button.clicked.connect(lambda: self.add_comment())
        self.resolve_button.clicked.connect(lambda: self.resolve_comment())
        comments_box = QGroupBox(_("Review comments"))
        comments_layout = QVBoxLayout(comments_box)
        comments_layout.addWidget(self.comments, 1)
        row = QHBoxLayout()
        row.addWidget(self.comment_button)
        row.addWidget(self.resolve_button)
        comments_layout.addLayout(row)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(blocks_box, 1)
        lower_layout.addWidget(comments_box, 1)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(text_split)
        right_split.addWidget(lower)
        right_split.setChildrenCollapsible(False)
        right_split.setSizes([320, 180])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(right_split, 1)
        right_layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([210, 700])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.load(None)

    # --- loading ------------------------------------------------------------------------------------

    def load(self, view: PaperView | None, *, keep: str | None = None) -> None:
        """Show ``view``'s sections (keeping the section ``keep`` or the one shown, when it is still there)."""
        self.flush()
        self.view = view
        wanted = keep or self.section_id
        self._loading = True
        self.sections.clear()
        for number, section in enumerate(view.sections if view else (), 1):
            item = QListWidgetItem(f"{number}. {section.title}")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(item)
        self._loading = False
        ids = [s.id for s in view.sections] if view else []
        self.sections.setCurrentRow(ids.index(wanted) if wanted in ids else (0 if ids else -1))
        self._section_chosen()
        editable = view is not None and not view.summary.frozen
        for widget in (self.add_button, self.rename_button, self.up_button, self.down_button, self.delete_button,
                       self.restore_button, self.block_button, self.edit_block_button, self.remove_block_button):
            widget.setEnabled(editable)
        self.editor.setReadOnly(not editable)
        self.comment_button.setEnabled(view is not None)
        self.resolve_button.setEnabled(view is not None)

    def current(self) -> SectionView | None:
        if self.view is None or self.section_id is None:
            return None
        return next((s for s in self.view.sections if s.id == self.section_id), None)

    def _section_chosen(self) -> None:
        if self._loading:
            return
        self.flush()
        item = self.sections.currentItem()
        self.section_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        section = self.current()
        body, version = self.papers.section_text(section.id) if section else ("", None)
        self._loading = True
        self.editor.setPlainText(body)
        self.editor.setPlaceholderText(_(HINTS.get(section.outline_key, "")) if section and section.outline_key
                                       else "")
        self._loading = False
        self._saved_text, self._saved_version = body, version
        self.editor.setEnabled(section is not None)
        self._preview()
        self._fill_blocks(section)

    def _fill_blocks(self, section: SectionView | None) -> None:
        self.blocks.clear()
        self.comments.clear()
        if section is None:
            return
        for block in section.blocks:
            taken = block.value.taken_on.isoformat() if block.value.taken_on else ""
            state = (_("taken on {date}").format(date=taken) if block.frozen
                     else _("live, as of {date}").format(date=taken))
            item = QListWidgetItem(f"{block.value.title} ({state})")
            item.setData(Qt.ItemDataRole.UserRole, block.id)
            item.setToolTip(block.value.note or block.value.title)
            self.blocks.addItem(item)
        for comment in section.comments:
            mark = "✓ " if comment.resolved else ""
            item = QListWidgetItem(f"{mark}{comment.author}: {comment.text}")
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            self.comments.addItem(item)

    # --- text ---------------------------------------------------------------------------------------

    def _typed(self) -> None:
        if self._loading:
            return
        self._preview()
        self.timer.start()

    def _preview(self) -> None:
        self.preview.setHtml(markdown_html(self.editor.toPlainText()))

    def flush(self) -> None:
        """Save what was typed (after the pause, on switching section or paper, on closing)."""
        self.timer.stop()
        section = self.current()
        text = self.editor.toPlainText()
        if section is None or self.view is None or self.view.summary.frozen or text == self._saved_text:
            return
        self._save_text(section.id, text, self._saved_version)

    def _save_text(self, section_id: str, text: str, expected: int | None, *, old: str | None = None) -> None:
        """Save ``text`` over the version ``expected``; ``old``: the text an undo brings back when it is not the
        one loaded (theirs, after Overwrite; such a step does not merge with the typing before it)."""
        try:
            version = self.papers.set_body(section_id, text, expected=expected)
        except ChangedElsewhere as exc:
            self._text_changed_elsewhere(section_id, text, exc)
            return
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        before = self._saved_text if old is None else old
        self._saved_text, self._saved_version = text, version
        self.undo.push(SectionText(self.papers, section_id, before, text, lambda: self._undone(section_id),
                                   merge=old is None))

    def _text_changed_elsewhere(self, section_id: str, mine: str, error: ChangedElsewhere) -> None:
        """Someone else saved this section since it was loaded. When only its title or place changed, mine is
        saved without asking; otherwise Reload shows theirs, Overwrite saves mine over theirs, Keep both shows
        theirs with mine on the clipboard (a section's text has no place for a second text: blocks are
        evidence, not text)."""
        theirs = str(error.current.get("body") or "")
        if theirs == self._saved_text:
            self._save_text(section_id, mine, error.row_version)
            return
        choice = changed_elsewhere.ask(self, error, copy=False)
        if choice is Choice.OVERWRITE:
            self._save_text(section_id, mine, error.row_version, old=theirs)
            return
        if choice is Choice.KEEP_BOTH:
            changed_elsewhere.to_clipboard(mine)
        if self.section_id == section_id:
            self._show_text(theirs, error.row_version)
        self.error.setText(_("Their text is shown; yours is on the clipboard.") if choice is Choice.KEEP_BOTH
                           else _("Reloaded: the text {name} saved is shown.").format(name=error.who()))
        self.error.show()

    def _show_text(self, body: str, version: int) -> None:
        self.timer.stop()
        self._loading = True
        self.editor.setPlainText(body)
        self._loading = False
        self._saved_text, self._saved_version = body, version
        self._preview()

    def _undone(self, section_id: str) -> None:
        """After undo or redo of a text edit: the editor shows what is stored (if that section is shown)."""
        if self.view is None or self.section_id != section_id:
            return
        self._show_text(*self.papers.section_text(section_id))

    def reload(self) -> None:
        if self.view is None:
            return
        self.timer.stop()
        self._saved_text = self.editor.toPlainText()  # nothing to save: the store is the truth now
        try:
            view = self.papers.get(self.view.summary.id)
        except ServiceError:
            view = None
        keep = self.section_id
        self.view = None
        self.load(view, keep=keep)

    # --- outline ------------------------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, accepted = QInputDialog.getText(self, title, label, text=text)
        return value if accepted else None

    def _run(self, action: str, work: Callable[[], object]) -> bool:
        try:
            work()
        except ServiceError as exc:
            QMessageBox.warning(self, action, str(exc))
            return False
        return True

    def add_section(self) -> None:
        if self.view is None:
            return
        title = self._ask(_("Add section"), _("Title of the new section:"))
        if title is None:
            return
        position = self.sections.currentRow() + 1 if self.sections.currentRow() >= 0 else None
        paper_id = self.view.summary.id
        added: list[str] = []
        if self._run(_("Add section"), lambda: added.append(self.papers.add_section(paper_id, title, position).id)):
            self.section_id = added[0]  # shown once the push reloads the outline
            self.undo.push(AddSection(self.papers, added[0], self.reload))

    def rename_section(self) -> None:
        section = self.current()
        if section is None:
            return
        title = self._ask(_("Rename section"), _("New title:"), section.title)
        if title is None or title == section.title:
            return
        if self._run(_("Rename section"), lambda: self.papers.rename_section(section.id, title)):
            self.undo.push(RenameSection(self.papers, section.id, section.title, " ".join(title.split()),
                                         self.reload))

    def move_section(self, step: int) -> None:
        section = self.current()
        if section is None or self.view is None:
            return
        old = self.sections.currentRow()
        new = old + step
        if not 0 <= new < self.sections.count():
            return
        if self._run(_("Move section"), lambda: self.papers.move_section(section.id, new)):
            self.undo.push(MoveSection(self.papers, section.id, old, new, self.reload))

    def delete_section(self) -> None:
        section = self.current()
        if section is None:
            return
        self.flush()
        if self._run(_("Delete section"), lambda: self.papers.delete_section(section.id)):
            self.section_id = None
            self.undo.push(DeleteSection(self.papers, section.id, self.reload))

    def restore_section(self) -> None:
        if self.view is None:
            return
        deleted = self.papers.deleted_sections(self.view.summary.id)
        if not deleted:
            QMessageBox.information(self, _("Restore section"), _("No section of this paper is in the trash."))
            return
        names = [s.title for s in deleted]
        name, accepted = QInputDialog.getItem(self, _("Restore section"), _("Section to bring back:"), names, 0,
                                              False)
        if not accepted:
            return
        section = deleted[names.index(name)]
        if self._run(_("Restore section"), lambda: self.papers.restore_section(section.id)):
            self.section_id = section.id
            self.undo.push(AddSection(self.papers, section.id, self.reload))

    # --- blocks and comments ------------------------------------------------------------------------

    def insert_block(self) -> None:
        from inducci_desktop.ui.pages.strategy.dialogs import BlockDialog

        section = self.current()
        if section is None or self.view is None:
            return
        dialog = BlockDialog(self, self.services, self.view.summary.region_id)
        if dialog.exec() != BlockDialog.DialogCode.Accepted:
            return
        kind, params = dialog.choice()
        if self._run(_("Insert block"), lambda: self.papers.add_block(section.id, kind, params)):
            self.reload()

    def _block(self) -> BlockView | None:
        section = self.current()
        item = self.blocks.currentItem()
        if section is None or item is None:
            return None
        return next((b for b in section.blocks if b.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def edit_block(self) -> None:
        """Change what the chosen block shows, in the dialog that inserts one."""
        from inducci_desktop.ui.pages.strategy.dialogs import BlockDialog

        block = self._block()
        if block is None or block.frozen or self.view is None or self.view.summary.frozen:
            return
        dialog = BlockDialog(self, self.services, self.view.summary.region_id, block=block)
        if dialog.exec() != BlockDialog.DialogCode.Accepted:
            return
        kind, params = dialog.choice()
        if (kind, params) != (block.kind, block.params):
            self._save_block(block, kind, params, block.row_version)

    def _save_block(self, block: BlockView, kind: str, params: dict[str, Any], expected: int | None, *,
                    old: tuple[str, dict[str, Any]] | None = None) -> None:
        try:
            self.papers.update_block(block.id, kind, params, expected=expected)
        except ChangedElsewhere as exc:
            self._block_changed_elsewhere(block, kind, params, exc)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, _("Change block"), str(exc))
            return
        self.error.hide()
        self.undo.push(EditBlock(self.papers, block.id, old or (block.kind, block.params), (kind, params),
                                 self.reload))

    def _block_changed_elsewhere(self, block: BlockView, kind: str, params: dict[str, Any],
                                 error: ChangedElsewhere) -> None:
        """Someone else changed the block since it was shown (only its place: saved without asking). Reload
        shows theirs; Overwrite saves mine over theirs; Keep both keeps theirs and inserts mine right after it."""
        theirs = (str(error.current.get("kind") or ""), dict(error.current.get("params") or {}))
        if theirs == (block.kind, block.params):
            self._save_block(block, kind, params, error.row_version)
            return
        choice = changed_elsewhere.ask(self, error, copy=True)
        if choice is Choice.OVERWRITE:
            self._save_block(block, kind, params, error.row_version, old=theirs)
            return
        message = _("Reloaded: the block {name} saved is shown.").format(name=error.who())
        if choice is Choice.KEEP_BOTH:
            try:
                self.papers.add_block(block.section_id, kind, params, after=block.id)
            except ServiceError as exc:
                QMessageBox.warning(self, _("Change block"), str(exc))
            else:
                message = _("Their block is kept; yours follows it.")
        self.reload()
        self.error.setText(message)
        self.error.show()

    def remove_block(self) -> None:
        item = self.blocks.currentItem()
        if item is None:
            return
        block_id = item.data(Qt.ItemDataRole.UserRole)
        if self._run(_("Remove block"), lambda: self.papers.delete_block(block_id)):
            self.reload()

    def add_comment(self) -> None:
        section = self.current()
        if section is None:
            return
        from inducci_desktop.ui.pages.strategy.dialogs import CommentDialog

        dialog = CommentDialog(self)
        if dialog.exec() != CommentDialog.DialogCode.Accepted:
            return
        author, text = dialog.values()
        if self._run(_("Add comment"), lambda: self.papers.add_comment(section.id, author, text)):
            self.reload()

    def resolve_comment(self) -> None:
        item = self.comments.currentItem()
        if item is None:
            return
        comment_id = item.data(Qt.ItemDataRole.UserRole)
        if self._run(_("Resolve comment"), lambda: self.papers.resolve_comment(comment_id)):
            self.reload()
