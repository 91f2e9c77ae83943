"""Light and dark: follow the system by default; the user may pin one in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CHOICES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply_theme(choice: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.styleHints().setColorScheme(CHOICES.get(choice, Qt.ColorScheme.Unknown))
