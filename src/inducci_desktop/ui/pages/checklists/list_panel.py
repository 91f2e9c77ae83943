"""The list of assessments: a table model over AssessmentSummary rows that filters as you type
(diacritics ignored, so "slaskie" finds "Śląskie") and sorts in Python.

No QSortFilterProxyModel: with 10,000 rows a proxy calls back into Python per row and per comparison;
here a keystroke is one list comprehension over pre-folded strings and a sort is one ``sorted``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inducci_desktop.content.folding import fold
from inducci_desktop.domain.checklists import AssessmentSummary
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.labels import assessment_status_label

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Title"), N_("Region / organisation"), N_("Checklist"), N_("Date"), N_("Round"), N_("Progress"),
    N_("Status"))
IdRole = Qt.ItemDataRole.UserRole


def status_text(a: AssessmentSummary) -> str:
    if a.deleted_at is not None:
        return _("In the trash")
    text = assessment_status_label(a.status)
    return _("{text} · archived").format(text=text) if a.archived else text


_SORT_KEYS = (
    lambda a: a.title.casefold(), lambda a: a.subject.casefold(), lambda a: a.template_title.casefold(),
    lambda a: a.assessed_on, lambda a: a.round, lambda a: a.progress, status_text,
)


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.all_rows: list[AssessmentSummary] = []
        self._folded: list[str] = []
        self.rows: list[AssessmentSummary] = []  # shown: filtered and sorted
        self.words: list[str] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    # --- data in ----------------------------------------------------------------------------------

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        self.all_rows = rows
        self._folded = [fold(f"{a.title} {a.subject} {a.assessor} {a.template_title} {a.assessed_on}") for a in rows]
        self._refresh()

    def set_filter(self, text: str) -> None:
        self.words = fold(text).split()
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        words = self.words
        if words:
            shown = [a for a, text in zip(self.all_rows, self._folded, strict=True)
                     if all(w in text for w in words)]
        else:
            shown = list(self.all_rows)
        if 0 <= self.sort_column < len(_SORT_KEYS):
            shown.sort(key=_SORT_KEYS[self.sort_column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self.rows = shown
        self.endResetModel()

    def total(self) -> int:
        return len(self.all_rows)

    # --- Qt model ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return a.title
            if column == 1:
                return a.subject
            if column == 2:
                return f"{a.template_title} (v{a.template_version})"
            if column == 3:
                return a.assessed_on
            if column == 4:
                return str(a.round)
            if column == 5:
                return f"{a.answered}/{a.total_items}"
            return status_text(a)
        if role == IdRole:
            return a.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{title}\n{template_title}, version {template_version}\nAssessor: {value}").format(title=a.title,
                template_title=a.template_title, template_version=a.template_version, value=a.assessor or '–')
        return None

    def row_of(self, assessment_id: str) -> int:
        for row, a in enumerate(self.rows):
            if a.id == assessment_id:
                return row
        return -1

    def summary_of(self, assessment_id: str) -> AssessmentSummary | None:
        return next((a for a in self.all_rows if a.id == assessment_id), None)
