"""Pieces of the checklist documents: tick boxes with labels, answer lines and the score bar chart.

Everything is drawn in the embedded DejaVu fonts (never ReportLab's default Helvetica).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from inducci_desktop.printing.fonts import SANS, register_fonts
from inducci_desktop.printing.styles import ACCENT, MUTED, RULE, TEXT

BOX = 8.5  # side of a tick box, points
SERIES_COLOURS = [ACCENT, colors.HexColor("#D9822B"), colors.HexColor("#3A9D5D"), colors.HexColor("#8E5EA2"),
                  colors.HexColor("#C23B3B"), colors.HexColor("#5A6570")]


class TickBoxes(Flowable):
    """Square boxes with a label each, in a row that wraps (or one per line with ``vertical``)."""

    def __init__(self, labels: Sequence[str], *, vertical: bool = False, size: float = 9.5,
                 ticked: Sequence[bool] | None = None) -> None:
        super().__init__()
        self.labels = list(labels)
        self.vertical = vertical
        self.size = size
        self.ticked = list(ticked) if ticked is not None else [False] * len(self.labels)
        self._rows: list[list[tuple[float, str, bool]]] = []

    def _cell_width(self, label: str) -> float:
        return BOX + 4 + stringWidth(label, SANS, self.size) + 14

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        rows: list[list[tuple[float, str, bool]]] = [[]]
        x = 0.0
        for label, ticked in zip(self.labels, self.ticked, strict=True):
            width = self._cell_width(label)
            if rows[-1] and (self.vertical or x + width > availWidth):
                rows.append([])
                x = 0.0
            rows[-1].append((x, label, ticked))
            x += width
        self._rows = rows
        self.width = availWidth
        self.height = len(rows) * (self.size + 7)
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        line = self.size + 7
        for index, row in enumerate(self._rows):
            y = self.height - (index + 1) * line + 3
            for x, label, ticked in row:
                canvas.setStrokeColor(TEXT)
                canvas.setLineWidth(0.7)
                canvas.rect(x, y, BOX, BOX, stroke=1, fill=0)
                if ticked:
                    canvas.setLineWidth(1.4)
                    canvas.line(x + 1.8, y + BOX / 2, x + BOX / 2.4, y + 1.8)
                    canvas.line(x + BOX / 2.4, y + 1.8, x + BOX - 1.2, y + BOX - 1.2)
                canvas.setFillColor(TEXT)
                canvas.setFont(SANS, self.size)
                canvas.drawString(x + BOX + 4, y + 0.5, label)


class AnswerLines(Flowable):
    """``count`` ruled lines to write on, optionally with a label in front and a unit after."""

    def __init__(self, count: int = 1, *, label: str = "", unit: str = "", width: float | None = None,
                 gap: float = 17) -> None:
        super().__init__()
        self.count, self.label, self.unit, self.fixed, self.gap = count, label, unit, width, gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(self.fixed, availWidth) if self.fixed else availWidth
        self.height = self.count * self.gap + 2
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(SANS, 8.5)
        canvas.setFillColor(MUTED)
        start = 0.0
        if self.label:
            canvas.drawString(0, self.height - self.gap + 3, self.label)
            start = stringWidth(self.label, SANS, 8.5) + 5
        end = self.width
        if self.unit:
            unit_width = stringWidth(self.unit, SANS, 9)
            canvas.setFont(SANS, 9)
            canvas.drawRightString(self.width, self.height - self.gap + 3, self.unit)
            end = self.width - unit_width - 5
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for n in range(self.count):
            y = self.height - (n + 1) * self.gap + 2
            canvas.line(start if n == 0 else 0.0, y, end, y)


def score_chart(categories: Sequence[str], series: Sequence[Sequence[float | None]],
                names: Sequence[str], width: float) -> Drawing:
    """A horizontal bar chart of scores in percent (0–100): one bar group per category, one series per
    assessment. Missing scores (None) are drawn as no bar."""
    register_fonts()
    bar_height = 9 if len(series) == 1 else 7
    group = bar_height * len(series) + 8
    label_width = min(width * 0.42, max(stringWidth(c, SANS, 8) for c in categories) + 8) if categories else 60
    legend_height = 14 * ((len(names) + 1) // 2) + 4 if len(series) > 1 else 0
    height = group * len(categories) + 28 + legend_height
    drawing = Drawing(width, height, initialFontName=SANS, initialFontSize=8)  # not Helvetica, the renderer's default
    chart = HorizontalBarChart()
    chart.x = label_width  # type: ignore[assignment]  # the stubs say int; ReportLab takes any number
    chart.y = 18 + legend_height
    chart.width = width - label_width - 10  # type: ignore[assignment]  # int in the stubs, any number at run time
    chart.height = group * len(categories)
    # bars run top-down in category order
    # series are drawn bottom-up within a group: reverse them so the first assessment is on top
    order = list(reversed(range(len(series))))
    chart.data = [[(v or 0.0) * 100 for v in reversed(series[i])] for i in order]
    chart.categoryAxis.categoryNames = [_short(c, 48) for c in reversed(categories)]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E9EE")
    chart.barWidth = bar_height
    chart.groupSpacing = 8
    chart.barSpacing = 0
    for row, index in enumerate(order):
        chart.bars[row].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[row].strokeColor = None
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = TEXT
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = "values"
    chart.barLabelArray = [["n/a" if v is None else f"{round(v * 100)} %" for v in reversed(series[i])]
                           for i in order]
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.fontName = SANS
        legend.fontSize = 8
        legend.x = label_width  # type: ignore[assignment]  # the stubs say int; ReportLab takes any number
        legend.y = legend_height - 2
        legend.alignment = "right"
        legend.columnMaximum = 2
        legend.deltax = min(220, (width - label_width) / 2)  # type: ignore[assignment]  # as chart.x
        legend.dx = legend.dy = 7
        legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], _short(n, 40))
                                 for i, n in enumerate(names)]
        drawing.add(legend)
    return drawing


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
