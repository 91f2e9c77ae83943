"""The list of assessments: a table model over AssessmentSummary rows and a proxy that filters as you
type (diacritics ignored, so "slaskie" finds "Śląskie") without asking the database again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ...content.folding import fold
from ...services.checklists import AssessmentSummary

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Region / organisation", "Checklist", "Date", "Round", "Progress", "Status")
IdRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1


def status_text(a: AssessmentSummary) -> str:
    if a.deleted_at is not None:
        return "In the trash"
    text = "Completed" if a.status == "completed" else "In progress"
    return f"{text} · archived" if a.archived else text


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AssessmentSummary] = []
        self._folded: list[str] = []

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._folded = [fold(f"{a.title} {a.subject} {a.assessor} {a.template_title} {a.assessed_on}") for a in rows]
        self.endResetModel()

    def folded(self, row: int) -> str:
        return self._folded[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        column = index.column()
        if role == IdRole:
            return a.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.title, a.subject, f"{a.template_title} (v{a.template_version})", a.assessed_on, str(a.round),
                    f"{a.answered}/{a.total_items}", status_text(a))[column]
        if role == SortRole:
            return (a.title.casefold(), a.subject.casefold(), a.template_title.casefold(), a.assessed_on, a.round,
                    a.progress, status_text(a))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.title}\n{a.template_title}, version {a.template_version}\nAssessor: {a.assessor or '–'}"
        return None

    def row_of(self, assessment_id: str) -> int:
        for row, a in enumerate(self.rows):
            if a.id == assessment_id:
                return row
        return -1


class AssessmentFilter(QSortFilterProxyModel):
    def __init__(self, source: AssessmentTableModel) -> None:
        super().__init__()
        self.source = source
        self.words: list[str] = []
        self.setSourceModel(source)
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self.words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = fold(text).split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.words:
            return True
        haystack = self.source.folded(source_row)
        return all(word in haystack for word in self.words)
