"""The summary of one assessment (section scores, total, chart, open required items, answers kept
aside) and the side-by-side comparison of several assessments of one checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.checklists import AssessmentView, Comparison, item_numbers
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.labels import assessment_status_label
from inducci_desktop.services.checklists import scoring
from inducci_desktop.ui.pages.checklists.chart import ScoreChart

DIFF_UP, DIFF_DOWN = QColor("#2e7d32"), QColor("#b3261e")


def _table(rows: int, headers: list[str]) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: str, *, bold: bool = False, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fit_height(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 8
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class _Scrolling(QWidget):
    """A header row of buttons over a scrolling body."""

    def __init__(self) -> None:
        super().__init__()
        self.head = QHBoxLayout()
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        inner = QWidget()
        inner.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.head)
        layout.addWidget(scroll, 1)

    def clear_body(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()


def _heading(text: str, size: int = 13) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"font-size: {size}pt; font-weight: 600;")
    return label


class SummaryView(_Scrolling):
    backRequested = Signal()
    runnerRequested = Signal(str)
    printRequested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.view: AssessmentView | None = None
        back = QPushButton(_("← Assessments"))
        back.clicked.connect(self.backRequested)
        self.answers_button = QPushButton(_("Answers"))
        self.answers_button.setToolTip(_("Back to the questions"))
        self.answers_button.clicked.connect(lambda: self.view and self.runnerRequested.emit(self.view.id))
        self.print_button = QPushButton(_("Print report…"))
        self.print_button.clicked.connect(lambda: self.view and self.printRequested.emit(self.view.id))
        self.title = _heading("", 15)
        self.head.addWidget(back)
        self.head.addWidget(self.title, 1)
        self.head.addWidget(self.answers_button)
        self.head.addWidget(self.print_button)
        self.table: QTableWidget | None = None
        self.chart = ScoreChart()
        self.total_label = QLabel()

    def show_view(self, view: AssessmentView) -> None:
        self.view = view
        self.clear_body()
        a, scores = view.summary, view.scores
        self.title.setText(_("Summary — {title}").format(title=a.title))
        status = assessment_status_label(a.status)
        facts = " · ".join(p for p in (view.template.title,
            _("version {version}").format(version=view.template.version), a.subject, a.assessor,
                                       a.assessed_on, _("round {round}").format(round=a.round), status) if p)
        self.body.addWidget(QLabel(facts))
        self.total_label = _heading(_("Total score: {percent}   ·   {answered} of {total_items} items answered")
            .format(percent=scoring.percent(scores.total), answered=scores.answered, total_items=scores.total_items),
                12)
        self.total_label.setObjectName("totalScore")
        self.body.addWidget(self.total_label)
        table = _table(len(scores.sections) + 1, [_("Section"), _("Score"), _("Answered"), _("Scored answers")])
        for row, section in enumerate(scores.sections):
            table.setItem(row, 0, _cell(f"{row + 1}  {section.title}"))
            table.setItem(row, 1, _cell(scoring.percent(section.score), align_right=True))
            table.setItem(row, 2, _cell(f"{section.answered} / {section.total}", align_right=True))
            table.setItem(row, 3, _cell(str(section.scored_answers), align_right=True))
        last = len(scores.sections)
        table.setItem(last, 0, _cell(_("Total"), bold=True))
        table.setItem(last, 1, _cell(scoring.percent(scores.total), bold=True, align_right=True))
        table.setItem(last, 2, _cell(f"{scores.answered} / {scores.total_items}", bold=True, align_right=True))
        table.setItem(last, 3, _cell(str(sum(s.scored_answers for s in scores.sections)), bold=True,
                                     align_right=True))
        _fit_height(table)
        self.table = table
        self.body.addWidget(table)
        self.chart = ScoreChart()
        self.chart.set_data([s.title for s in scores.sections], [[s.score for s in scores.sections]])
        self.body.addWidget(self.chart)
        note = QLabel(_("Scores are weighted means of the answered, scored items: yes 100 %, partly 50 %, no 0 %; "
                      "a scale from its lowest (0 %) to its highest value (100 %); options by their score. "
                      "n.a. and unanswered items are left out."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.body.addWidget(note)
        numbers = item_numbers(view.template)
        if scores.missing_required:
            texts = {i.key: i.text for s in view.template.sections for i in s.items}
            self.body.addWidget(_heading(_("Required items not answered yet"), 12))
            missing = QLabel("<br>".join(f"{numbers[k]}  {texts[k]}" for k in scores.missing_required))
            missing.setObjectName("missingRequired")
            missing.setWordWrap(True)
            self.body.addWidget(missing)
        if view.kept:
            self.body.addWidget(_heading(_("Answers kept from another template version"), 12))
            kept = _table(len(view.kept), [_("Stored answer"), _("Item key"), _("Why it is not shown")])
            for row, answer in enumerate(view.kept):
                shown = ", ".join(map(str, answer.value)) if isinstance(answer.value, list) else str(answer.value or "")
                kept.setItem(row, 0, _cell(shown + (_(" (note: {note})")
                    .format(note=answer.note) if answer.note else "")))
                kept.setItem(row, 1, _cell(answer.item_key))
                kept.setItem(row, 2, _cell(answer.reason))
            _fit_height(kept)
            self.body.addWidget(kept)
        self.body.addStretch(1)


class CompareView(_Scrolling):
    backRequested = Signal()
    printRequested = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        back = QPushButton(_("← Assessments"))
        back.clicked.connect(self.backRequested)
        self.print_button = QPushButton(_("Print comparison…"))
        self.print_button.clicked.connect(
            lambda: self.comparison and self.printRequested.emit([a.id for a in self.comparison.assessments]))
        self.title = _heading("", 15)
        self.head.addWidget(back)
        self.head.addWidget(self.title, 1)
        self.head.addWidget(self.print_button)
        self.scores: QTableWidget | None = None
        self.answers: QTableWidget | None = None

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.clear_body()
        views = comparison.assessments
        letters = [chr(ord("A") + i) for i in range(len(views))]
        self.title.setText(_("Comparison — {title}").format(title=comparison.template.title))
        legend = "<br>".join(_("<b>{letter}</b>: {title} · {value} · {value2} · round {round} · v{template_version}")
            .format(letter=letter, title=a.title, value=a.subject or '–', value2=a.assessed_on or '–', round=a.round,
                template_version=a.template_version)
                             for letter, a in zip(letters, views, strict=True))
        self.body.addWidget(QLabel(legend))
        headers = [_("Section"), *letters, *(f"{x} − A" for x in letters[1:])]
        rows = [*comparison.sections, comparison.total]
        table = _table(len(rows), headers)
        for r, row in enumerate(rows):
            last = r == len(rows) - 1
            table.setItem(r, 0, _cell(row.title, bold=last))
            for c, value in enumerate(row.scores):
                table.setItem(r, 1 + c, _cell(scoring.percent(value), bold=last, align_right=True))
            for c, diff in enumerate(row.differences[1:]):
                item = _cell(_signed(diff), bold=last, align_right=True)
                if diff is not None and round(diff * 100):
                    item.setForeground(QBrush(DIFF_UP if diff > 0 else DIFF_DOWN))
                table.setItem(r, 1 + len(views) + c, item)
        _fit_height(table)
        self.scores = table
        self.body.addWidget(table)
        chart = ScoreChart()
        chart.set_data([r.title for r in comparison.sections],
                       [[r.scores[i] for r in comparison.sections] for i in range(len(views))],
                       [f"{letter}: {a.title}" for letter, a in zip(letters, views, strict=True)])
        self.body.addWidget(chart)
        self.body.addWidget(_heading(_("Answers (rows that differ are marked)"), 12))
        answers = _table(len(comparison.items), ["Question", *letters])
        answers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        answers.setColumnWidth(0, 380)
        for c in range(len(letters)):
            answers.horizontalHeader().setSectionResizeMode(1 + c, QHeaderView.ResizeMode.Stretch)
        shade = QBrush(QColor(255, 196, 0, 60))
        for r, entry in enumerate(comparison.items):
            answers.setItem(r, 0, _cell(f"{entry.number}  {entry.item.text}"))
            differ = len(set(entry.answers)) > 1
            for c, text in enumerate(entry.answers):
                cell = _cell(text or "–")
                if differ:
                    cell.setBackground(shade)
                answers.setItem(r, 1 + c, cell)
        _fit_height(answers)
        self.answers = answers
        self.body.addWidget(answers)
        self.body.addStretch(1)


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    points = round(value * 100)
    return _("{points:+d} pts").format(points=points) if points else "±0"
