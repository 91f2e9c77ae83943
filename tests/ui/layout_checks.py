"""Checks of what a person sees: text that does not fit its widget, widgets on top of each other.

Used by tests/ui/test_layout.py and the journey tests; works on any widget tree that is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTextEdit,
    QWidget,
)

MIN_FIELD_WIDTH = 90  # px: about ten characters
HEADER_PADDING = 8  # the style's margins around a header's text (Fusion: 2 × 4 px)
QT_MIN_BUTTON_WIDTH = 80  # the styles' smallest size hint for a push button with text


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text().replace("\n", " ")[:50]
    who = widget.accessibleName() or widget.objectName() or text
    parent = widget.parentWidget()
    where = (parent.accessibleName() or parent.objectName() or type(parent).__name__) if parent else ""
    return f"{type(widget).__name__} “{who}” in {where}"


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_layout_widgets(item.layout()))
    return found


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _button_need(button: QAbstractButton) -> int:
    """The width a button's text (and icon) needs; Qt's own minimum width of 80 px does not count."""
    hint = button.sizeHint().width()
    if not isinstance(button, QPushButton) or hint > QT_MIN_BUTTON_WIDTH:
        return hint  # what the style computes from the text, icon, menu arrow and margins
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    need = max((button.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if isinstance(button, QPushButton) and button.menu() is not None:
        need += 16  # the menu arrow
    margin = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    return need + 2 * margin + 4  # margins and frame


def text_problems(root: QWidget) -> list[str]:
    """Buttons and labels whose text does not fit (buttons are never elided: Qt cuts their text)."""
    problems: list[str] = []
    for button in root.findChildren(QAbstractButton):
        if not shown(button) or not button.text() or isinstance(button.parentWidget(), QHeaderView):
            continue
        need = _button_need(button)
        if button.width() < need:
            problems.append(f"{_name(button)}: {button.width()} px wide, its text needs {need} px")
    for label in root.findChildren(QLabel):
        if not shown(label) or not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        if label.wordWrap():
            need_height = label.heightForWidth(label.contentsRect().width()) if label.hasHeightForWidth() else 0
            if need_height > label.height() + 1:
                problems.append(f"{_name(label)}: {label.height()} px high, its text needs {need_height} px")
            continue
        need = label.minimumSizeHint().width()
        if label.width() < need:
            problems.append(f"{_name(label)}: {label.width()} px wide, its text needs {need} px")
    return problems


def overlap_problems(root: QWidget) -> list[str]:
    """Visible widgets laid out side by side that overlap each other or stick out of their parent."""
    problems: list[str] = []
    parents = [root, *root.findChildren(QWidget)]
    for parent in parents:
        if not shown(parent) or isinstance(parent, QStackedWidget):
            continue
        if isinstance(parent, QSplitter):
            children = [w for i in range(parent.count()) if (w := parent.widget(i)) is not None and shown(w)]
        elif (layout := parent.layout()) is not None:
            children = [w for w in _layout_widgets(layout) if shown(w) and w.parentWidget() is parent]
        else:
            continue
        area = parent.rect()
        for child in children:
            if not area.contains(child.geometry()):
                problems.append(f"{_name(child)} sticks out of its parent "
                                f"({_rect(child.geometry())} outside {_rect(area)})")
        for i, first in enumerate(children):
            for second in children[i + 1:]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(f"{_name(first)} overlaps {_name(second)}")
    return problems


def input_problems(root: QWidget) -> list[str]:
    """Fields too narrow to type or read in."""
    problems: list[str] = []
    for field in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        if shown(field) and not isinstance(field.parentWidget(), QAbstractSpinBox | QComboBox) \
                and field.width() < MIN_FIELD_WIDTH:
            problems.append(f"{_name(field)}: {field.width()} px wide, too narrow to type in")
    return problems


def header_problems(root: QWidget) -> list[str]:
    """Table column headers whose text is cut (clipped on both sides when centred)."""
    problems: list[str] = []
    for view in root.findChildren(QTableView):
        if not shown(view):
            continue
        header = view.horizontalHeader()
        if not header.isVisible():
            continue
        metrics = header.fontMetrics()
        model = view.model()
        for section in range(header.count()):
            if header.isSectionHidden(section) or model is None:
                continue
            text = str(model.headerData(section, header.orientation()) or "")
            need = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
            if need and header.sectionSize(section) < need + HEADER_PADDING:
                problems.append(f"header “{text.splitlines()[0]}” of {_name(view)}: "
                                f"{header.sectionSize(section)} px wide, needs {need + HEADER_PADDING} px")
    return problems


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}×{rect.height()}"


def layout_problems(root: QWidget) -> list[str]:
    return text_problems(root) + overlap_problems(root) + input_problems(root) + header_problems(root)
