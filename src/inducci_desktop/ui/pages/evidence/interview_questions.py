"""The questions of one interview, one after another: an answer and a note per question, each saved a moment
after typing stops (one committed transaction per change, as in the checklist runner), and "Add as finding…"."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.evidence import InterviewAnswerView, InterviewView
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from inducci_desktop.services.evidence.interviews import InterviewService

SAVE_DELAY_MS = 400


class QuestionBox(QFrame):
    """One question: its text, the answer, a note and "Add as finding…"."""

    saved = Signal(str)  # a message for the status line
    failed = Signal(str)

    def __init__(self, entry: InterviewAnswerView, save: Callable[[str, str, str], None], *,
                 read_only: bool) -> None:
        super().__init__()
        self.key = entry.question.key
        self.number = entry.question.number
        self._save = save
        self._last = {"answer": entry.answer, "note": entry.note}
        self.setFrameShape(QFrame.Shape.NoFrame)
        label = QLabel(f"<b>{self.number}. {_escape(entry.question.text)}</b>")
        label.setWordWrap(True)
        self.answer = QPlainTextEdit(entry.answer)
        self.answer.setAccessibleName(_("Answer to question {number}").format(number=self.number))
        self.answer.setPlaceholderText(_("Answer"))
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(64)
        self.note = QLineEdit(entry.note)
        self.note.setAccessibleName(_("Note to question {number}").format(number=self.number))
        self.note.setPlaceholderText(_("Note (interviewer's own remark)"))
        self.finding_button = QPushButton(_("Add as finding…"))
        self.finding_button.setAccessibleName(_("Add answer {number} as finding").format(number=self.number))
        for widget in (self.answer, self.note):
            widget.setReadOnly(read_only)
        self.finding_button.setEnabled(not read_only)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.answer.textChanged.connect(self.timer.start)
        self.note.textEdited.connect(lambda _text: self.timer.start())
        self.note.editingFinished.connect(self.flush)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.finding_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.addWidget(label)
        layout.addWidget(self.answer)
        layout.addLayout(row)

    def flush(self) -> None:
        """Save what changed since the last save (answer, note or both)."""
        self.timer.stop()
        for column, value in (("answer", self.answer.toPlainText()), ("note", self.note.text())):
            if value != self._last[column]:
                try:
                    self._save(self.key, column, value)
                except ServiceError as exc:
                    self.failed.emit(str(exc))
                    return
                self._last[column] = value
                self.saved.emit(_("Saved answer {number}.").format(number=self.number))


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


class QuestionsPanel(QWidget):
    """The questions of the interview shown, grouped under the guide's headings."""

    status = Signal(str)
    finding_requested = Signal(str, str)  # question key, answer text

    def __init__(self, service: InterviewService) -> None:
        super().__init__()
        self.service = service
        self.interview_id: str | None = None
        self.boxes: list[QuestionBox] = []
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.show_interview(None)

    def show_interview(self, view: InterviewView | None) -> None:
        self.flush()
        self.boxes = []
        self.interview_id = view.summary.id if view is not None else None
        content = QWidget()
        layout = QVBoxLayout(content)
        if view is None:
            empty = QLabel(_("Choose an interview, or start one with “New interview…”."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(empty)
        else:
            read_only = view.summary.erased_at is not None or view.summary.deleted_at is not None
            if view.summary.erased_at is not None:
                layout.addWidget(QLabel(_("The interviewee's data and every answer were erased on request.")))
            section = None
            for entry in view.answers:
                if entry.question.section != section:
                    section = entry.question.section
                    heading = QLabel(f"<h3>{_escape(section)}</h3>")
                    layout.addWidget(heading)
                box = QuestionBox(entry, self._save, read_only=read_only)
                box.saved.connect(self.status)
                box.failed.connect(self.status)
                box.finding_button.clicked.connect(
                    lambda _checked=False, b=box: self.finding_requested.emit(b.key, b.answer.toPlainText()))
                layout.addWidget(box)
                self.boxes.append(box)
        layout.addStretch(1)
        old = self.area.takeWidget()
        self.area.setWidget(content)
        if old is not None:
            old.deleteLater()

    def _save(self, key: str, column: str, value: str) -> None:
        if self.interview_id is None:
            return
        if column == "answer":
            self.service.set_answer(self.interview_id, key, value)
        else:
            self.service.set_note(self.interview_id, key, value)

    def flush(self) -> None:
        for box in self.boxes:
            if box.timer.isActive():
                box.flush()

    def box(self, key: str) -> QuestionBox | None:
        return next((b for b in self.boxes if b.key == key), None)

    def reveal(self, key: str) -> bool:
        box = self.box(key)
        if box is None:
            return False
        self.area.ensureWidgetVisible(box)
        box.answer.setFocus()
        return True
