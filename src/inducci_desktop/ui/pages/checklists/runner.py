"""The runner: one assessment, section by section, saving every answer and note the moment it changes.

Each change goes through ``ChecklistService.set_answer``/``set_note`` (one committed transaction, about a
millisecond) before the header says "Saved", so quitting or a crash loses nothing shown as saved.
Changes are undoable (Ctrl+Z) through the window's undo stack. Sections are built when first shown,
which keeps opening a long checklist fast.

Edits others make to the open assessment (another person on a shared database, or an import here) are shown
in place as they arrive (``data_changed``): each answer nobody is editing here gets their value, note and row
version; an answer with unsaved typing here is left alone, and its save then asks "Changed by …" as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
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

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.checklists import AssessmentView, item_numbers
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.domain.text import TextError
from inducci_desktop.services.checklists import scoring
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.ui.pages.checklists.items import ItemCard
from inducci_desktop.ui.undo import AppliedCommand
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice

if TYPE_CHECKING:
    from inducci_desktop.content.model import ChecklistSection

FIRST_CARDS = 12  # cards built before a section is shown; the rest follow in steps of LATER_CARDS
LATER_CARDS = 8
ERROR_STYLE = "color: #b3261e; font-weight: bold;"
SAVED_STYLE = "color: #2e7d32;"
RETRY_MS = 1000  # a save that failed for want of the database is tried again after this
#: a row version no answer has: the save is refused with the stored one (ChangedElsewhere), to ask first
ASK_FIRST = -1

log = logging.getLogger(__name__)


class _Change(AppliedCommand):
    """An answer or note already saved; undo/redo store the other value through the service again."""

    def __init__(self, runner: RunnerWidget, assessment_id: str, key: str, kind: str, old: Any, new: Any) -> None:
        super().__init__((_("Answer {number}") if kind == "answer" else _("Note {number}")).format(number=runner
            .numbers.get(key, key)),
            lambda: None)
        self.runner, self.assessment_id, self.key, self.kind, self.old, self.new = (
            runner, assessment_id, key, kind, old, new)

    def apply(self) -> None:
        self.runner.apply(self.assessment_id, self.key, self.kind, self.new, shown=self.old)

    def revert(self) -> None:
        self.runner.apply(self.assessment_id, self.key, self.kind, self.old, shown=self.new)


def _answer_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


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
        #: each answer's stored version when shown (0: none stored), passed with its next save
        self.versions: dict[str, int] = {}
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
        #: writes of this runner under way (their change reports are its own, not others' edits)
        self._writing = 0
        #: others changed the open assessment while it was hidden or being written: shown when possible
        self._stale = False

        self.back_button = QPushButton(_("← Assessments"))
        self.back_button.clicked.connect(self._back)
        self.title = QLabel()
        self.title.setObjectName("runnerTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.details = QLabel()
        self.details.setStyleSheet("color: palette(placeholder-text);")
        self.saved = QLabel("")
        self.saved.setObjectName("savedState")
        self.saved.setAccessibleName(_("Save state"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Answered items"))
        self.progress.setFormat("%v of %m answered")
        self.progress.setFixedWidth(200)
        self.summary_button = QPushButton(_("Summary"))
        self.summary_button.setToolTip(_("Scores per section and in total (Ctrl+R)"))
        self.summary_button.clicked.connect(lambda: self.view and self._to_summary())
        self.complete_button = QPushButton(_("Complete…"))
        self.complete_button.clicked.connect(self.complete_or_reopen)
        self.print_button = QPushButton(_("Print…"))
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
        self.sections.setAccessibleName(_("Sections"))
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
        self._stale = False
        self.values = {k: a.value for k, a in view.answers.items()}
        self.notes = {k: a.note for k, a in view.answers.items()}
        self.versions = {k: a.row_version for k, a in view.answers.items()}
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
        self.saved.setText(_("All answers saved"))
        self.saved.setStyleSheet(SAVED_STYLE)
        self.sections.setCurrentRow(0)

    def _show_header(self) -> None:
        assert self.view is not None
        a = self.view.summary
        self.title.setText(a.title)
        parts = [self.view.template.title, f"v{self.view.template.version}", a.subject, a.assessor, a.assessed_on,
                 _("round {round}").format(round=a.round)]
        status = _("completed — reopen to change answers") if a.status == "completed" else ""
        if a.archived:
            status = _("archived — read only")
        self.details.setText(" · ".join(p for p in (*parts, status) if p))
        self.complete_button.setText(_("Reopen") if a.status == "completed" else _("Complete…"))
        self.complete_button.setEnabled(not a.archived)
        read_only = self.read_only
        for card in self.cards.values():
            card.set_read_only(read_only)
        notes = []
        if self.view.newer_version:
            notes.append(_("This assessment uses version {version} of the checklist; version {newer_version} is "
                "newer. <a href='move'>Move to version {newer_version}</a> (answers are kept).")
                .format(version=self.view.template.version, newer_version=self.view.newer_version))
        if self.view.kept:
            notes.append(ngettext("{count} stored answer does not fit this version and is kept aside (see the "
                "summary).",
                                   "{count} stored answers do not fit this version and are kept aside (see the "
                                       "summary).",
                                   len(self.view.kept))
                .format(count=len(self.view.kept)))
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
        old = self._shown(key, kind)
        if old == value:
            return True
        if not self._store(assessment_id, key, kind, value):
            return False
        # the value as stored (what an undo finds shown when nobody else changed it meanwhile)
        new = self._shown(key, kind) if self.view is not None and self.view.id == assessment_id else value
        self.undo_stack.push(_Change(self, assessment_id, key, kind, old, new))
        return True

    def _shown(self, key: str, kind: str) -> Any:
        return self.values.get(key) if kind == "answer" else self.notes.get(key, "")

    @contextmanager
    def _own_write(self) -> Iterator[None]:
        """A write of this runner: the change report it causes is not someone else's edit."""
        self._writing += 1
        try:
            yield
        finally:
            self._writing -= 1
            if not self._writing and self._stale and self.isVisible():
                QTimer.singleShot(0, self._show_others_if_stale)

    def _store(self, assessment_id: str, key: str, kind: str, value: Any, *, ask: bool = False) -> bool:
        with self._own_write():
            return self._store_now(assessment_id, key, kind, value, ask)

    def _store_now(self, assessment_id: str, key: str, kind: str, value: Any, ask: bool) -> bool:
        self.saved.setText(_("Saving…"))
        shown = self.view is not None and self.view.id == assessment_id
        expected = (ASK_FIRST if ask else self.versions.get(key, 0)) if shown else None
        try:
            if kind == "answer":
                ack = self.service.set_answer(assessment_id, key, value, expected=expected)
            else:
                ack = self.service.set_note(assessment_id, key, value, expected=expected)
        except ChangedElsewhere as exc:
            self.unsaved.pop((assessment_id, key, kind), None)
            return self._changed_elsewhere(assessment_id, key, kind, value, exc)
        except (ServiceError, TextError) as exc:
            self.unsaved.pop((assessment_id, key, kind), None)
            self.saved.setText(_("Not saved: {exc}").format(exc=exc))
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setToolTip(str(exc))
            card = self.cards.get(key)
            if card is not None and self.view is not None and self.view.id == assessment_id:
                card.set_answer(self.values.get(key), self.notes.get(key, ""))  # show what is stored
            return False
        except Exception as exc:
            log.warning("an answer could not be saved (%s); retrying", type(exc).__name__)
            self.unsaved[(assessment_id, key, kind)] = value
            self.saved.setText(_("Not saved: the data cannot be written just now; trying again…"))
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setToolTip(_("The answer stays on screen and is saved as soon as the database can be written "
                                  "(another program may be using it)."))
            self.retry_timer.start()
            return False
        self.unsaved.pop((assessment_id, key, kind), None)
        if self.view is not None and self.view.id == assessment_id:
            self.versions[key] = ack.row_version
            if kind == "answer":
                self.values[key] = scoring.check_answer(self._item(key), value) if value is not None else None
            else:
                self.notes[key] = value
            self._update_progress()
        local = ack.saved_at.astimezone().strftime("%H:%M:%S")
        self.saved.setText(_("✓ Saved {local}").format(local=local))
        self.saved.setToolTip(_("Every answer is saved the moment you give it."))
        self.saved.setStyleSheet(SAVED_STYLE)
        self.changed.emit(assessment_id)
        return True

    def _changed_elsewhere(self, assessment_id: str, key: str, kind: str, value: Any, error: ChangedElsewhere
                           ) -> bool:
        """Someone else saved this answer since it was shown: ask, then reload theirs, save mine over it, or
        keep both (a note: theirs then mine; an answer: theirs, mine on the clipboard)."""
        choice = changed_elsewhere.ask(self, error, copy=kind == "note")
        if self.view is None or self.view.id != assessment_id:
            return False
        theirs_value, theirs_note = error.current.get("value"), str(error.current.get("note") or "")
        self.versions[key] = error.row_version
        if choice is Choice.OVERWRITE:
            return self._store(assessment_id, key, kind, value)
        if choice is Choice.KEEP_BOTH and kind == "note":
            # the note is edited in one line: theirs, then mine after a dash
            both = f"{theirs_note} — {value}" if theirs_note and value else theirs_note or str(value)
            self.values[key] = theirs_value
            self._store(assessment_id, key, kind, both)
            self._show_stored(key)
            return False  # what was saved is not the edit: no undo step for it
        self.values[key] = theirs_value
        self.notes[key] = theirs_note
        self._show_stored(key)
        self._update_progress()
        self.changed.emit(assessment_id)
        if choice is Choice.KEEP_BOTH:
            changed_elsewhere.to_clipboard(_answer_text(value))
            self.saved.setText(_("Their answer is kept; yours is on the clipboard."))
        else:
            self.saved.setText(_("Reloaded: the answer {name} saved is shown.").format(name=error.who()))
        self.saved.setStyleSheet(SAVED_STYLE)
        self.saved.setToolTip(changed_elsewhere.headline(error))
        return False

    def _show_stored(self, key: str) -> None:
        card = self.cards.get(key)
        if card is not None:
            card.set_answer(self.values.get(key), self.notes.get(key, ""))

    # --- others' edits ----------------------------------------------------------------------------

    def data_changed(self, changes: Changes) -> None:
        """A committed change anywhere: when it touches the open assessment and is not this runner's own
        write, show it (now, or when the runner is shown again)."""
        # answers are reported by their own ids (an import changes them without touching the assessment)
        if self.view is None or not (changes.touches(Kind.ASSESSMENT, record_id=self.view.id)
                                     or changes.touches(Kind.ANSWER)):
            return
        if self._writing and not changes.remote:
            return  # this runner's own save reporting itself
        self._stale = True
        if not self._writing and self.isVisible():
            self._show_others_if_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._writing:
            QTimer.singleShot(0, self._show_others_if_stale)

    def _show_others_if_stale(self) -> None:
        if not self._stale or self._writing or self.view is None:
            return
        self._stale = False
        if not self.service.store.is_open:
            return  # the data was closed meanwhile (a restore, quitting)
        try:
            fresh = self.service.get(self.view.id)
        except Exception as exc:  # the server gone for a moment, the assessment purged: the next save tells
            log.info("the open assessment could not be read again (%s)", type(exc).__name__)
            return
        self.show_others(fresh)

    def show_others(self, fresh: AssessmentView) -> None:
        """Show ``fresh`` (the open assessment read again) in place: every answer whose stored version moved
        on and that has no unsaved edit here gets the stored value, note and version; the cards, the focus
        and the cursor stay where they are."""
        assert self.view is not None
        mine = self.view
        if (fresh.template.id, fresh.template.version) != (mine.template.id, mine.template.version):
            self.flush()
            self.open_view(self.service.get(mine.id))  # moved to another version: other cards
            return
        updated: list[str] = []
        for section in fresh.template.sections:
            for item in section.items:
                key = item.key
                theirs = fresh.answers.get(key)
                version = theirs.row_version if theirs is not None else 0
                if version == self.versions.get(key, 0) or self._editing(key):
                    continue
                self.values[key] = theirs.value if theirs is not None else None
                self.notes[key] = theirs.note if theirs is not None else ""
                self.versions[key] = version
                self._show_stored(key)
                updated.append(key)
        self.view = fresh
        if fresh.summary != mine.summary or fresh.kept != mine.kept or fresh.newer_version != mine.newer_version:
            self._show_header()
        if updated:
            self._update_progress()
            self.changed.emit(fresh.id)
            if not self.unsaved:  # a "not saved" message stays until the retry succeeds
                names = sorted({fresh.answers[k].changed_by for k in updated if k in fresh.answers} - {""})
                self.saved.setText(ngettext("{count} answer changed by {names} is shown",
                                            "{count} answers changed by {names} are shown", len(updated))
                                   .format(count=len(updated), names=", ".join(names) or _("someone else")))
                self.saved.setStyleSheet(SAVED_STYLE)

    def _editing(self, key: str) -> bool:
        """Whether the answer ``key`` has edits here that are not saved yet (typed, or waiting for a retry)."""
        if self.view is not None and any(k == key and a == self.view.id for a, k, _kind in self.unsaved):
            return True
        card = self.cards.get(key)
        return card is not None and card.has_unsaved()

    def _retry(self) -> None:
        """Save again what could not be saved; a further failure schedules the next try."""
        pending, self.unsaved = self.unsaved, {}
        for (assessment_id, key, kind), value in pending.items():
            if self.view is not None and self.view.id == assessment_id:
                self._save(key, kind, value)
            else:
                self._store(assessment_id, key, kind, value)

    def apply(self, assessment_id: str, key: str, kind: str, value: Any, *, shown: Any) -> None:
        """Undo/redo: store ``value`` and show it (if that assessment is open). ``shown`` is what the step
        left there; when another person's edit has replaced it since, the save asks first ("Changed by …")
        instead of undoing their edit unseen."""
        is_open = self.view is not None and self.view.id == assessment_id
        if is_open and self.read_only:
            self.saved.setText(_("Not changed: the assessment is completed or archived"))
            self.saved.setStyleSheet(ERROR_STYLE)
            return
        ask = is_open and self._shown(key, kind) != shown
        if self._store(assessment_id, key, kind, value, ask=ask) and self.view is not None \
                and self.view.id == assessment_id:
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
                extra = _("  ·  {missing} required open").format(missing=missing) if missing else ""
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
            with self._own_write():
                if self.view.summary.status == "completed":
                    self.service.reopen(self.view.id)
                else:
                    self.service.complete(self.view.id)
            self.open(self.view.id)
            if self.view.summary.status == "completed":
                self.summaryRequested.emit(self.view.id)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Not completed yet"), str(exc))
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
            with self._own_write():
                move = self.service.move_to_version(self.view.id)
            self.open(self.view.id)
            kept = ngettext(" {count} answer does not fit the new items and is kept aside.",
                            " {count} answers do not fit the new items and are kept aside.", len(move
                                .kept)).format(count=len(move.kept)) if move.kept else ""
            QMessageBox.information(self, _("Moved to the new version"),
                                    _("Now on version {version}; {carried} answers carried over.{kept}")
                                        .format(version=move.version, carried=move.carried, kept=kept))
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
