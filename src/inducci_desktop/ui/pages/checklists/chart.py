"""Score bars drawn with QPainter: one row per section, one bar per assessment (0–100 %)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from inducci_desktop.domain.i18n import _

SERIES = ["#1F5F8B", "#D9822B", "#3A9D5D", "#8E5EA2", "#C23B3B", "#5A6570"]
BAR = 14
GAP = 10


class ScoreChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.categories: list[str] = []
        self.series: list[list[float | None]] = []
        self.names: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Score chart"))

    def set_data(self, categories: Sequence[str], series: Sequence[Sequence[float | None]],
                 names: Sequence[str] = ()) -> None:
        self.categories = list(categories)
        self.series = [list(s) for s in series]
        self.names = list(names)
        self.setAccessibleDescription("; ".join(
            f"{c}: " + ", ".join(_("n/a") if s[i] is None else f"{round((s[i] or 0) * 100)} %" for s in self.series)
            for i, c in enumerate(self.categories)))
        self.updateGeometry()
        self.update()

    def _legend_height(self) -> int:
        return 22 if len(self.series) > 1 else 0

    def sizeHint(self) -> QSize:
        rows = len(self.categories)
        group = BAR * max(len(self.series), 1) + GAP
        return QSize(500, rows * group + 30 + self._legend_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        label_width = min(int(self.width() * 0.4),
                          max((metrics.horizontalAdvance(c) for c in self.categories), default=40) + 12)
        left, right = label_width, self.width() - 48
        top = 4 + self._legend_height()
        group = BAR * max(len(self.series), 1) + GAP
        bottom = top + group * len(self.categories)
        span = max(right - left, 10)
        painter.setPen(grid)
        for pct in range(0, 101, 20):
            x = left + span * pct / 100
            painter.drawLine(int(x), top, int(x), bottom)
            painter.setPen(text)
            painter.drawText(QRectF(x - 20, bottom + 2, 40, 16), Qt.AlignmentFlag.AlignCenter, f"{pct} %")
            painter.setPen(grid)
        for row, category in enumerate(self.categories):
            y = top + row * group + GAP / 2
            painter.setPen(text)
            shown = metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(QRectF(0, y, label_width - 8, BAR * len(self.series)),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            for index, values in enumerate(self.series):
                value = values[row] if row < len(values) else None
                bar_y = y + index * BAR
                colour = QColor(SERIES[index % len(SERIES)])
                if value is None:
                    painter.setPen(grid)
                    painter.drawText(QRectF(left + 4, bar_y, 60, BAR), Qt.AlignmentFlag.AlignVCenter, "n/a")
                    continue
                width = span * max(0.0, min(1.0, value))
                painter.fillRect(QRectF(left, bar_y + 1, width, BAR - 2), colour)
                painter.setPen(text)
                painter.drawText(QRectF(left + width + 4, bar_y, 44, BAR), Qt.AlignmentFlag.AlignVCenter,
                                 f"{round(value * 100)} %")
        if len(self.series) > 1:
            x = left
            for index, name in enumerate(self.names):
                painter.fillRect(QRectF(x, 6, 10, 10), QColor(SERIES[index % len(SERIES)]))
                painter.setPen(text)
                label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 220)
                painter.drawText(int(x + 14), 15, label)
                x += 14 + metrics.horizontalAdvance(label) + 18
        painter.end()
