"""Evaluation: the workshop's feedback form (editable), quick entry of paper forms, and the summary with
averages and a distribution chart drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.domain.workshops import FeedbackSummary, Question, QuestionSummary
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.workshops.feedback import KIND_LABELS
from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.ui.widgets.enter import on_return
from inducci_desktop.ui.widgets.fitting import WrappingLabel

ACCENT = QColor("#1F5F8B")


class DistributionChart(QWidget):
    """For every rating and yes/partly/no question: its text, the average and one bar per answer value."""

    ROW = 92
    TEXT_ROOM = 36  # two lines of the question

    def __init__(self) -> None:
        super().__init__()
        self.summary: FeedbackSummary | None = None
        self.setAccessibleName(_("Distribution of answers"))

    def set_summary(self, summary: FeedbackSummary | None) -> None:
        self.summary = summary
        self.updateGeometry()
        self.update()

    def _rows(self) -> list[QuestionSummary]:
        return [q for q in (self.summary.questions if self.summary else ()) if q.question.kind != "text"]

    def sizeHint(self) -> QSize:
        return QSize(240, max(60, self.ROW * len(self._rows()) + 10))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlpha(140)
        rows = self._rows()
        if not rows:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No ratings entered yet."))
            return
        width = self.width() - 20
        for i, q in enumerate(rows):
            top = 5 + i * self.ROW
            painter.setPen(text)
            average = f"Ø {q.average:.2f} · " if q.average is not None else ""
            answers = ngettext("{count} answer", "{count} answers", q.answered).format(count=q.answered)
            painter.drawText(QRectF(10, top, width, self.TEXT_ROOM),
                             int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap),
                             f"{average}{q.question.text} ({answers})")
            counts = q.distribution
            most = max((n for _v, n in counts), default=0) or 1
            slot = min(70.0, width / max(len(counts), 1))
            bar_top, bar_room = top + self.TEXT_ROOM + 2, self.ROW - self.TEXT_ROOM - 22
            for j, (value, n) in enumerate(counts):
                x = 10 + j * slot
                h = bar_room * n / most
                painter.fillRect(QRectF(x + 6, bar_top + bar_room - h, slot - 12, max(h, 1)),
                                 ACCENT if n else muted)
                painter.setPen(text)
                painter.drawText(QRectF(x, bar_top + bar_room + 1, slot, 16), Qt.AlignmentFlag.AlignCenter,
                                 f"{rules.FEEDBACK_CHOICE.labels.get(value, str(value))}: {n}")
        painter.end()


class QuestionsDialog(QDialog):
    """Edit the form: one row per question (kind and text); rows can be added, removed and moved."""

    def __init__(self, parent: QWidget, questions: list[Question]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Feedback form questions"))
        self.resize(720, 420)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("Questions")
        self.table.setHorizontalHeaderLabels([_("Kind"), "Question"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for q in questions:
            self._add(q.id, q.kind, q.text)
        add, remove, up = QPushButton(_("Add question")), QPushButton(_("Remove")), QPushButton(_("Move up"))
        add.clicked.connect(lambda: self._add(None, "text", _("New question")))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        up.clicked.connect(self._up)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, remove, up):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Defaults follow the toolbox guide “Evaluating a CCI competency training”: "
                                "five to eight questions at most.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _add(self, qid: str | None, kind: str, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for key, label in KIND_LABELS.items():
            combo.addItem(_(label), key)
        combo.setCurrentIndex(combo.findData(kind))
        self.table.setCellWidget(row, 0, combo)
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, qid)
        self.table.setItem(row, 1, item)

    def _up(self) -> None:
        row = self.table.currentRow()
        if row > 0:
            values = self.values()
            values[row - 1], values[row] = values[row], values[row - 1]
            self.table.setRowCount(0)
            for qid, kind, text in values:
                self._add(qid, kind, text)
            self.table.setCurrentCell(row - 1, 1)

    def values(self) -> list[tuple[str | None, str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            if item is None:
                continue
            kind = self.table.cellWidget(row, 0).currentData()  # type: ignore[attr-defined]
            result.append((item.data(Qt.ItemDataRole.UserRole), kind, item.text()))
        return result


class FeedbackPanel(QWidget):
    findingRequested = Signal(str, str)  # "response id/question id", the comment: "Add as finding…"

    def __init__(self, workshops: WorkshopService) -> None:
        super().__init__()
        self.workshops = workshops
        self.workshop_id: str | None = None
        self.questions: list[Question] = []
        self.inputs: dict[str, QLineEdit] = {}
        self.form_box = QWidget()
        # the question above its field: fields get the whole width, comments can be read while typed; a box
        # layout (not a form layout) lets the wrapped questions take their height for the visible width
        self.form = QVBoxLayout(self.form_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # the form follows the visible width, so questions wrap inside it instead of running under the edge
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form_box)
        save = QPushButton(_("Save form"))
        save.setToolTip(_("Save this paper form and start the next one"))
        self.save_button = save
        save.clicked.connect(self.save_form)
        on_return(self.save_form, save)
        edit = QPushButton(_("Edit questions…"))
        edit.clicked.connect(self.edit_questions)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        hint = QLabel(_("<b>Enter a paper form</b> — ratings 1–5, y / p / n, or text; Enter moves on, "
                      "Enter on the last field saves."))
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        left_layout.addWidget(scroll, 1)
        self.problem = QLabel()
        self.problem.setAccessibleName(_("Problem with the form"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        left_layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addStretch(1)
        buttons.addWidget(save)
        left_layout.addLayout(buttons)
        self.summary_label = QLabel()
        self.chart = DistributionChart()
        self.comments = QListWidget()
        self.comments.setAccessibleName(_("Open comments"))
        self.comments.setWordWrap(True)
        self.comments.setMinimumHeight(120)
        self.finding_button = QPushButton(_("Add as finding…"))
        self.finding_button.setToolTip(_("Record the selected comment as a finding of the evidence register"))
        self.finding_button.clicked.connect(self._request_finding)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.chart)
        right_layout.addWidget(QLabel(_("<b>Open comments</b>")))
        right_layout.addWidget(self.comments, 1)
        right_layout.addWidget(self.finding_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setWidget(right)
        self.summary_label.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        left.setMinimumWidth(260)
        right_scroll.setMinimumWidth(260)
        self.entry, self.summary_area = left, right_scroll
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def load(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.questions = self.workshops.results.questions(workshop_id) if workshop_id else []
        while self.form.count():
            taken = self.form.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.inputs = {}
        previous: QLineEdit | None = None
        for number, q in enumerate(self.questions, start=1):
            edit = QLineEdit()
            edit.setAccessibleName(q.text)
            # TRANSLATORS: the field takes the letters y, p and n (yes, partly, no) in every language: keep them
            keys = _("y / p / n")
            edit.setPlaceholderText({"rating": "1–5", "choice": keys}.get(q.kind) or _("comment"))
            if q.kind != "text":
                edit.setMaximumWidth(90)
            label = WrappingLabel(f"{number}. {q.text}")  # a question that wraps keeps its second line
            label.setBuddy(edit)
            self.form.addWidget(label)
            self.form.addWidget(edit)
            self.form.addSpacing(6)
            if previous is not None:
                previous.returnPressed.connect(edit.setFocus)
            previous = edit
            self.inputs[q.id] = edit
        if previous is not None:
            previous.returnPressed.connect(self.save_form)
        self.refresh_summary()

    def refresh_summary(self) -> None:
        if self.workshop_id is None:
            self.chart.set_summary(None)
            return
        summary = self.workshops.results.summary(self.workshop_id)
        forms = ngettext("{count} form", "{count} forms", summary.responses).format(count=summary.responses)
        self.summary_label.setText(_("<b>Summary</b>: {forms} entered").format(forms=forms))
        self.chart.set_summary(summary)
        self.comments.clear()
        texts = [q for q in self.questions if q.kind == "text"]
        for response_id, answers in self.workshops.results.responses(self.workshop_id):
            for question in texts:
                comment = str(answers.get(question.id, "")).strip()
                if comment:
                    item = QListWidgetItem(f"{question.text}: {comment}")
                    item.setData(Qt.ItemDataRole.UserRole, (f"{response_id}/{question.id}", comment))
                    self.comments.addItem(item)

    def _request_finding(self) -> None:
        item = self.comments.currentItem()
        if item is None:
            self.problem.setText(_("Select a comment first."))
            return
        ref, comment = item.data(Qt.ItemDataRole.UserRole)
        self.findingRequested.emit(ref, comment)

    def select_comment(self, response_id: str) -> bool:
        for row in range(self.comments.count()):
            if self.comments.item(row).data(Qt.ItemDataRole.UserRole)[0].startswith(response_id + "/"):
                self.comments.setCurrentRow(row)
                self.comments.setFocus()
                return True
        return False

    def save_form(self) -> None:
        if self.workshop_id is None:
            return
        answers = {qid: edit.text() for qid, edit in self.inputs.items() if edit.text().strip()}
        try:
            self.workshops.results.add_response(self.workshop_id, answers)
        except ServiceError as exc:
            self.problem.setText(_("Not saved: {exc}").format(exc=exc))  # beside the form, which keeps what was typed
            return
        self.problem.clear()
        for edit in self.inputs.values():
            edit.clear()
        if self.inputs:
            next(iter(self.inputs.values())).setFocus()
        self.refresh_summary()

    def edit_questions(self) -> None:
        if self.workshop_id is None:
            return
        dialog = QuestionsDialog(self, self.questions)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.workshops.results.set_questions(self.workshop_id, dialog.values())
        except ServiceError as exc:
            QMessageBox.warning(self, _("Feedback form"), str(exc))
        self.load(self.workshop_id)
