"""Widgets whose size follows their (translated) text: German and Polish words are up to 40 % longer than
English ones, so no text may depend on a width chosen for English."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QSizePolicy, QWidget

SORT_ARROW = 16  # px the sort indicator takes beside a header's text


def keep_text_width(*buttons: QAbstractButton) -> None:
    """The layout may widen these buttons but never squeeze them below their text (Qt would cut it)."""
    for button in buttons:
        button.setSizePolicy(QSizePolicy.Policy.Minimum, button.sizePolicy().verticalPolicy())


def title_width(header: QHeaderView, column: int) -> int:
    """The width the title of ``column`` needs (with the margins and the sort arrow)."""
    model = header.model()
    text = str(model.headerData(column, header.orientation()) or "") if model is not None else ""
    need = max((header.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0)
    return need + 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin, None, header) \
        + SORT_ARROW


def fit_header(header: QHeaderView, columns: range | tuple[int, ...]) -> None:
    """Widen each of ``columns`` to at least its title."""
    for column in columns:
        need = title_width(header, column)
        if header.sectionSize(column) < need:
            header.resizeSection(column, need)


def title_minimum(header: QHeaderView, columns: range | tuple[int, ...]) -> None:
    """No section narrower than the titles of ``columns`` (for columns sized to their contents)."""
    header.setMinimumSectionSize(max(header.minimumSectionSize(), *(title_width(header, c) for c in columns)))


class WrappingLabel(QLabel):
    """A word-wrapped label that keeps the height its text needs at its width (a box layout inside a
    horizontal one does not pass height-for-width on, and the text would be cut off at the bottom)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        need = self.heightForWidth(self.contentsRect().width()) + self.height() - self.contentsRect().height()
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))
