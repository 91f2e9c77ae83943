"""Light and dark: follow the system by default; the user may pin one in Settings.

The colour scheme is asked of the platform first; where the platform cannot switch (or reports no
preference), the palette is set here, so the choice always takes effect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

CHOICES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
_state = {"choice": "system", "connected": False}


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1e1f22", role.AlternateBase: "#2b2d30",
        role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6", role.Text: "#e6e6e6", role.Button: "#3c3f41",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#6cb4ff", role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#8c8c8c", role.Mid: "#4a4d50",
        role.Dark: "#1a1b1e", role.Light: "#4e5154", role.Shadow: "#101012",
    }
    for key, value in colours.items():
        palette.setColor(key, QColor(value))
    for key in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, key, QColor("#7a7a7a"))
    return palette


def effective_scheme(choice: str) -> str:
    if choice in ("light", "dark"):
        return choice
    app = QApplication.instance()
    dark = isinstance(app, QApplication) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return "dark" if dark else "light"


def apply_theme(choice: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _state["choice"] = choice
    hints = app.styleHints()
    hints.setColorScheme(CHOICES.get(choice, Qt.ColorScheme.Unknown))
    if not _state["connected"]:
        hints.colorSchemeChanged.connect(lambda _scheme: _follow_system())
        _state["connected"] = True
    app.setPalette(dark_palette() if effective_scheme(choice) == "dark" else app.style().standardPalette())


def _follow_system() -> None:
    app = QApplication.instance()
    if _state["choice"] == "system" and isinstance(app, QApplication):
        app.setPalette(dark_palette() if effective_scheme("system") == "dark" else app.style().standardPalette())
