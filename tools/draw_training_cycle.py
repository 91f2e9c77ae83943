"""Draw resources/content/en/images/training-cycle.png (run once; the PNG is committed).

Usage: QT_QPA_PLATFORM=offscreen python tools/draw_training_cycle.py resources/content/en/images/training-cycle.png
"""

from __future__ import annotations

import itertools
import math
import sys

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QPolygonF

WIDTH, HEIGHT = 1200, 640
CX, CY, RX, RY = WIDTH / 2, HEIGHT / 2 + 10, 380, 200
STEPS = (
    ("1  Prepare", "goals, participants,\nagenda, invitations", "#2f6f8f", -90),
    ("2  Run", "formats that bring officials\nand creatives together", "#3f8f6f", 0),
    ("3  Evaluate", "feedback forms,\noutcomes, actions", "#b07a2a", 90),
    ("4  Repeat", "improve, follow up,\nreach new people", "#8f3f6f", 180),
)
GREY = QColor("#555555")


def on_ellipse(degrees: float) -> QPointF:
    return QPointF(CX + RX * math.cos(math.radians(degrees)), CY + RY * math.sin(math.radians(degrees)))


def draw_arrow(painter: QPainter, start: float, end: float) -> None:
    points = [on_ellipse(start + (end - start) * k / 20) for k in range(21)]
    painter.setPen(QPen(GREY, 6))
    for a, b in itertools.pairwise(points):
        painter.drawLine(a, b)
    tip, before = points[-1], points[-3]
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    length = math.hypot(dx, dy)
    dx, dy = dx / length, dy / length
    painter.setBrush(GREY)
    painter.drawPolygon(QPolygonF([tip + QPointF(dx * 14, dy * 14), tip + QPointF(-dy * 12, dx * 12),
                                   tip + QPointF(dy * 12, -dx * 12)]))


def draw_step(painter: QPainter, title: str, text: str, colour: str, angle: float) -> None:
    centre = on_ellipse(angle)
    rect = QRectF(centre.x() - 170, centre.y() - 62, 340, 124)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(rect, 18, 18)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("DejaVu Sans", 22, QFont.Weight.Bold))
    painter.drawText(rect.adjusted(10, 8, -10, -60), Qt.AlignmentFlag.AlignCenter, title)
    painter.setFont(QFont("DejaVu Sans", 14))
    painter.drawText(rect.adjusted(10, 52, -10, -6), Qt.AlignmentFlag.AlignCenter, text)


def main(target: str) -> None:
    _app = QGuiApplication([])
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for _title, _text, _colour, angle in STEPS:
        draw_arrow(painter, angle + 28, angle + 62)
    for title, text, colour, angle in STEPS:
        draw_step(painter, title, text, colour, angle)
    painter.setPen(QColor("#333333"))
    painter.setFont(QFont("DejaVu Sans", 18, QFont.Weight.Bold))
    painter.drawText(QRectF(0, CY - 40, WIDTH, 80), Qt.AlignmentFlag.AlignCenter, "A CCI competency\ntraining cycle")
    painter.end()
    image.save(target)


if __name__ == "__main__":
    main(sys.argv[1])
