"""Search results of the library: a list model of hits and a delegate that highlights the matches."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.search import SearchHit
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.pilots import OWN_CASE_LABEL

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1


def kind_label(kind: str) -> str:
    """What a hit is: a toolbox kind, or this region's own case (a published pilot action)."""
    return _(OWN_CASE_LABEL) if kind == "pilot" else KIND_LABELS.get(kind, kind)


def highlighted(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """``text`` as HTML with the (start, end) ranges in bold on a marker background."""
    out: list[str] = []
    last = 0
    for start, end in sorted(ranges):
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(f'<b style="background-color:#ffe066;color:#000">{escape(text[start:end])}</b>')
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind_label(hit.kind)}: {hit.title}. {hit.snippet}"
        return None


class HitDelegate(QStyledItemDelegate):
    """Title with highlights, then kind and snippet with highlights, as rich text."""

    def _document(self, option: QStyleOptionViewItem, hit: SearchHit, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        kind = escape(kind_label(hit.kind))
        source = _(" · from your note") if hit.snippet_from == "note" else ""
        doc.setHtml(
            f"<div>{highlighted(hit.title, hit.title_ranges)}</div>"
            f'<div style="font-size:small"><i>{kind}{source}</i> — {highlighted(hit.snippet, hit.ranges)}</div>'
        )
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HitRole)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, hit, option.rect.width() - 8)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 8, option.rect.height() - 3))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hit = index.data(HitRole)
        width = option.rect.width() if option.rect.width() > 0 else 300
        doc = self._document(option, hit, width - 8)
        return QSize(int(width), int(doc.size().height()) + 6)
