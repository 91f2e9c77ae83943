"""The visible title every page starts with, the same size and weight on every page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

TITLE_STYLE = "font-size: 15pt; font-weight: 600;"


def page_title(text: str) -> QLabel:
    """A page title label (object name ``pageTitle``, so tests and style sheets can find it)."""
    label = QLabel(text)
    label.setObjectName("pageTitle")
    label.setStyleSheet(TITLE_STYLE)
    label.setAccessibleName(f"{text} page")
    return label
