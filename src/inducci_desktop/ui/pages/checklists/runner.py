"""The runner: one assessment, section by section, saving every answer and note the moment it changes.

Each change goes through ``ChecklistService.set_answer``/``set_note`` (one committed transaction, about a
millisecond) before the header says "Saved", so quitting or a crash loses nothing shown as saved.
Changes are undoable (Ctrl+Z) through the window's undo stack. Sections are built when first shown,
which keeps opening a long checklist fast.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.checklists import AssessmentView, item_numbers
from inducci_desktop.domain.text import TextError
from inducci_desktop.services.checklists import scoring
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.checklists.items import ItemCard
from inducci_desktop.ui.undo import AppliedCommand

if TYPE_CHECKING:
    from inducci_desktop.content.model import ChecklistSection

FIRST_CARDS = 12  # cards built before a section is shown; the rest follow in steps of LATER_CARDS
LATER_CARDS = 8
ERROR_STYLE = "color: #b3261e; font-weight: bold;"
SAVED_STYLE = "color: #2e7d32;"
RETRY_MS = 1000  # a save that failed for want of the database is tried again after this

log = logging.getLogger(__name__)


class _Change(AppliedCommand):
    """An answer or note already saved; undo/redo store the other value through the service again."""

    def __init__(self, runner: RunnerWidget, assessment_id: str, key: str, kind: str, old: Any, new: Any) -> None:
        super().__init__(f"{'Answer' if kind == 'answer' else 'Note'} {runner.numbers.get(key, key)}", lambda: None)
        self.runner, self.assessment_id, self.key, self.kind, self.old, self.new = (
            runner, assessment_id, key, kind, old, new)

    def apply(self) -> None:
        self.runner.apply(self.assessment_id, self.key, self.kind, self.new)

    def revert(self) -> None:
        self.runner.apply(self.assessment_id, self.key, self.kind, self.old)


class RunnerWidget(QWidget):
    backRequested = Signal()
    summaryRequested = Signal(str)
    printRequested = Signal(str)
    guideRequested = Signal(str)
    findingRequested = Signal(str, str)  # assessment id, item key
    changed = Signal(str)  # assessment id: answers, status or version changed

    def __init__(self, service: ChecklistService, undo_stack: QUndoStack, guide_titles: dict[str, str]) -> None:
        super().__init__()
        self.service = service
        self.undo_stack = undo_stack
        self.guide_titles = guide_titles
        self.view: AssessmentView | None = None
        self.values: dict[str, Any] = {}
        self.notes: dict[str, str] = {}
        self.cards: dict[str, ItemCard] = {}
        self.numbers: dict[str, str] = {}
        self._section_pages: list[QScrollArea | None] = []
        self._pending: dict[int, tuple[QVBoxLayout, list[Any]]] = {}
        # saves that failed for a reason other than the value (database busy, disk full …): retried
        self.unsaved: dict[tuple[str, str, str], Any] = {}
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self._retry)

        self.back_button = QPushButton("← Assessments")
        self.back_button.clicked.connect(self._back)
        self.title = QLabel()
        self.title.setObjectName("runnerTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.details = QLabel()
        self.details.setStyleSheet("color: palette(placeholder-text);")
        self.saved = QLabel("")
        self.saved.setObjectName("savedState")
        self.saved.setAccessibleName("Save state")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Answered items")
        self.progress.setFormat("%v of %m answered")
        self.progress.setFixedWidth(200)
        self.summary_button = QPushButton("Summary")
        self.summary_button.setToolTip("Scores per section and in total (Ctrl+R)")
        self.summary_button.clicked.connect(lambda: self.view and self._to_summary())
        self.complete_button = QPushButton("Complete…")
        self.complete_button.clicked.connect(self.complete_or_reopen)
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(lambda: self.view and self.printRequested.emit(self.view.id))

        self.details.setWordWrap(True)
        first = QHBoxLayout()
        first.addWidget(self.back_button)
        first.addWidget(self.title, 1)
        first.addWidget(self.saved)
        first.addWidget(self.progress)
        second = QHBoxLayout()
        second.addWidget(self.details, 1)
        second.addWidget(self.summary_button)
        second.addWidget(self.complete_button)
        second.addWidget(self.print_button)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("runnerBanner")
        self.banner.setStyleSheet("background: #fff4e5; color: #5f3b00; padding: 6px; border-radius: 4px;")
        self.banner.linkActivated.connect(self._banner_link)
        self.banner.hide()

        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections")
        self.sections.setMinimumWidth(220)
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.currentRowChanged.connect(self.show_section)
        self.pages = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 800])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        for keys, slot in (("Ctrl+PgDown", lambda: self._step_section(1)),
                           ("Ctrl+PgUp", lambda: self._step_section(-1)),
                           ("Shift+F1", self._toggle_focused_help), ("Ctrl+R", self._to_summary)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- opening ----------------------------------------------------------------------------------

    def open(self, assessment_id: str) -> None:
        self.flush()
        self.open_view(self.service.get(assessment_id))

    def open_view(self, view: AssessmentView) -> None:
        self.view = view
        self.values = {k: a.value for k, a in view.answers.items()}
        self.notes = {k: a.note for k, a in view.answers.items()}
        self.numbers = item_numbers(view.template)
        self.cards = {}
        self._pending = {}
        while self.pages.count():
            page = self.pages.widget(0)
            if page is None:
                break
            self.pages.removeWidget(page)
            page.deleteLater()
        self._section_pages = [None] * len(view.template.sections)
        for _section in view.template.sections:
            self.pages.addWidget(QWidget())  # placeholder until first shown
        self.sections.blockSignals(True)
        self.sections.clear()
        for index, section in enumerate(view.template.sections, 1):
            self.sections.addItem(QListWidgetItem(f"{index}  {section.title}"))
        self.sections.blockSignals(False)
        self._show_header()
        self._update_progress()
        self.saved.setText("All answers saved")
        self.saved.setStyleSheet(SAVED_STYLE)
        self.sections.setCurrentRow(0)

    def _show_header(self) -> None:
        assert self.view is not None
        a = self.view.summary
        self.title.setText(a.title)
        parts = [self.view.template.title, f"v{self.view.template.version}", a.subject, a.assessor, a.assessed_on,
                 f"round {a.round}"]
        status = "completed — reopen to change answers" if a.status == "completed" else ""
        if a.archived:
            status = "archived — read only"
        self.details.setText(" · ".join(p for p in (*parts, status) if p))
        self.complete_button.setText("Reopen" if a.status == "completed" else "Complete…")
        self.complete_button.setEnabled(not a.archived)
        read_only = self.read_only
        for card in self.cards.values():
            card.set_read_only(read_only)
        notes = []
        if self.view.newer_version:
            notes.append(f"This assessment uses version {self.view.template.version} of the checklist; version "
                         f"{self.view.newer_version} is newer. <a href='move'>Move to version "
                         f"{self.view.newer_version}</a> (answers are kept).")
        if self.view.kept:
            notes.append(f"{len(self.view.kept)} stored answer(s) do not fit this version and are kept aside "
                         "(see the summary).")
        self.banner.setText(" ".join(notes))
        self.banner.setVisible(bool(notes))

    @property
    def read_only(self) -> bool:
        return self.view is None or self.view.summary.status == "completed" or self.view.summary.archived

    def show_section(self, row: int) -> None:
        if self.view is None or not 0 <= row < len(self._section_pages):
            return
        if self._section_pages[row] is None:
            page = self._build_section(self.view.template.sections[row])
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, page)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self._section_pages[row] = page
        self.pages.setCurrentIndex(row)

    def _build_section(self, section: ChecklistSection) -> QScrollArea:
        """The section's page with its first screenful of cards; the rest follow from the event loop
        (a long section is usable at once, and typing is never blocked for long)."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(8)
        heading = QLabel(section.title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self._pending[id(scroll)] = (layout, list(section.items))
        self._add_cards(scroll, FIRST_CARDS)
        if self._pending.get(id(scroll)):
            QTimer.singleShot(0, lambda: self._add_later(scroll, self.view))
        return scroll

    def _add_cards(self, scroll: QScrollArea, count: int) -> None:
        entry = self._pending.get(id(scroll))
        if entry is None:
            return
        layout, items = entry
        read_only = self.read_only
        for item in items[:count]:
            card = ItemCard(self.numbers[item.key], item, self.guide_titles.get(item.guide or ""))
            card.set_answer(self.values.get(item.key), self.notes.get(item.key, ""))
            card.set_read_only(read_only)
            card.answerEdited.connect(self.save_answer)
            card.noteEdited.connect(self.save_note)
            card.guideRequested.connect(self.guideRequested)
            card.findingRequested.connect(self._request_finding)
            self.cards[item.key] = card
            layout.insertWidget(layout.count() - 1, card)
        del items[:count]
        if not items:
            del self._pending[id(scroll)]

    def _add_later(self, scroll: QScrollArea, view: AssessmentView | None) -> None:
        if view is not self.view or id(scroll) not in self._pending:
            return  # another assessment was opened meanwhile
        self._add_cards(scroll, LATER_CARDS)
        if id(scroll) in self._pending:
            QTimer.singleShot(0, lambda: self._add_later(scroll, view))

    def finish_sections(self) -> None:
        """Build every card still waiting (before revealing one, or for tests and benchmarks)."""
        for page in self._section_pages:
            if page is not None:
                self._add_cards(page, 10**6)

    # --- saving -----------------------------------------------------------------------------------

    def save_answer(self, key: str, value: Any) -> bool:
        return self._save(key, "answer", value)

    def save_note(self, key: str, text: str) -> bool:
        return self._save(key, "note", text)

    def _save(self, key: str, kind: str, value: Any) -> bool:
        if self.view is None:
            return False
        assessment_id = self.view.id
        old = self.values.get(key) if kind == "answer" else self.notes.get(key, "")
        if old == value:
            return True
        if not self._store(assessment_id, key, kind, value):
            return False
        self.undo_stack.push(_Change(self, assessment_id, key, kind, old, value))
        return True

    def _store(self, assessment_id: str, key: str, kind: str, value: Any) -> bool:
        self.saved.setText("Saving…")
        try:
            if kind == "answer":
                ack = self.service.set_answer(assessment_id, key, value)
            else:
                ack = self.service.set_note(assessment_id, key, value)
        except (ServiceError, TextError) as exc:
            self.unsaved.pop((assessment_id, key, kind), None)
            self.saved.setText(f"Not saved: {exc}")
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setToolTip(str(exc))
            card = self.cards.get(key)
            if card is not None and self.view is not None and self.view.id == assessment_id:
                card.set_answer(self.values.get(key), self.notes.get(key, ""))  # show what is stored
            return False
        except Exception as exc:
            log.warning("an answer could not be saved (%s); retrying", type(exc).__name__)
            self.unsaved[(assessment_id, key, kind)] = value
            self.saved.setText("Not saved: the data cannot be written just now; trying again…")
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setToolTip("The answer stays on screen and is saved as soon as the database can be written "
                                  "(another program may be using it).")
            self.retry_timer.start()
            return False
        self.unsaved.pop((assessment_id, key, kind), None)
        if self.view is not None and self.view.id == assessment_id:
            if kind == "answer":
                self.values[key] = scoring.check_answer(self._item(key), value) if value is not None else None
            else:
                self.notes[key] = value
            self._update_progress()
        local = ack.saved_at.astimezone().strftime("%H:%M:%S")
        self.saved.setText(f"✓ Saved {local}")
        self.saved.setToolTip("Every answer is saved the moment you give it.")
        self.saved.setStyleSheet(SAVED_STYLE)
        self.changed.emit(assessment_id)
        return True

    def _retry(self) -> None:
        """Save again what could not be saved; a further failure schedules the next try."""
        pending, self.unsaved = self.unsaved, {}
        for (assessment_id, key, kind), value in pending.items():
            if self.view is not None and self.view.id == assessment_id:
                self._save(key, kind, value)
            else:
                self._store(assessment_id, key, kind, value)

    def apply(self, assessment_id: str, key: str, kind: str, value: Any) -> None:
        """Undo/redo: store ``value`` and show it (if that assessment is open)."""
        if self.view is not None and self.view.id == assessment_id and self.read_only:
            self.saved.setText("Not changed: the assessment is completed or archived")
            self.saved.setStyleSheet(ERROR_STYLE)
            return
        if self._store(assessment_id, key, kind, value) and self.view is not None and self.view.id == assessment_id:
            card = self.cards.get(key)
            if card is not None:
                card.set_answer(self.values.get(key), self.notes.get(key, ""))
            self._reveal(key)

    def flush(self) -> None:
        """Save typed text still waiting for its pause (called before leaving the runner)."""
        for card in list(self.cards.values()):
            card.flush()

    def _item(self, key: str) -> Any:
        assert self.view is not None
        return next(i for s in self.view.template.sections for i in s.items if i.key == key)

    def _update_progress(self) -> None:
        if self.view is None:
            return
        template = self.view.template
        total = sum(len(s.items) for s in template.sections)
        answered = 0
        for row, section in enumerate(template.sections):
            done = sum(1 for i in section.items if scoring.is_answered(self.values.get(i.key)))
            answered += done
            missing = sum(1 for i in section.items if i.required and not scoring.is_answered(self.values.get(i.key)))
            item = self.sections.item(row)
            if item is not None:
                mark = "✓" if done == len(section.items) else f"{done}/{len(section.items)}"
                extra = f"  ·  {missing} required open" if missing else ""
                item.setText(f"{row + 1}  {section.title}\n     {mark}{extra}")
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)

    # --- actions ----------------------------------------------------------------------------------

    def complete_or_reopen(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.view is None:
            return
        self.flush()
        try:
            if self.view.summary.status == "completed":
                self.service.reopen(self.view.id)
                self.open(self.view.id)
            else:
                self.service.complete(self.view.id)
                self.open(self.view.id)
                self.summaryRequested.emit(self.view.id)
        except ServiceError as exc:
            QMessageBox.warning(self, "Not completed yet", str(exc))
            missing = self.service.get(self.view.id).scores.missing_required
            if missing:
                self._reveal(missing[0])
            return
        self.changed.emit(self.view.id)

    def _request_finding(self, key: str) -> None:
        if self.view is not None:
            self.flush()  # the finding starts from what is typed, saved first
            self.findingRequested.emit(self.view.id, key)

    def reveal(self, key: str) -> None:
        """Show the section of item ``key`` and put the focus on its answer (a finding opening its source)."""
        self._reveal(key)

    def _reveal(self, key: str) -> None:
        if self.view is None:
            return
        for row, section in enumerate(self.view.template.sections):
            if any(i.key == key for i in section.items):
                self.sections.setCurrentRow(row)
                self.finish_sections()
                card = self.cards.get(key)
                if card is not None:
                    page = self._section_pages[row]
                    if page is not None:
                        page.ensureWidgetVisible(card)
                    card.focus_answer()
                return

    def _banner_link(self, link: str) -> None:
        if link == "move" and self.view is not None:
            from PySide6.QtWidgets import QMessageBox

            self.flush()
            move = self.service.move_to_version(self.view.id)
            self.open(self.view.id)
            kept = f" {len(move.kept)} answer(s) do not fit the new items and are kept aside." if move.kept else ""
            QMessageBox.information(self, "Moved to the new version",
                                    f"Now on version {move.version}; {move.carried} answers carried over.{kept}")
            self.changed.emit(self.view.id)

    def _back(self) -> None:
        self.flush()
        self.backRequested.emit()

    def _to_summary(self) -> None:
        if self.view is not None:
            self.flush()
            self.summaryRequested.emit(self.view.id)

    def _step_section(self, step: int) -> None:
        row = self.sections.currentRow() + step
        if 0 <= row < self.sections.count():
            self.sections.setCurrentRow(row)

    def _toggle_focused_help(self) -> None:
        widget: QWidget | None = self.focusWidget()
        while widget is not None and not isinstance(widget, ItemCard):
            widget = widget.parentWidget()
        if isinstance(widget, ItemCard):
            widget.toggle_help()
