"""The app's own icon set (resources/icons/{light,dark}/NAME.svg), read through importlib.resources.

One drawn set instead of the style's stock pixmaps, which differ from platform to platform. The variant
follows the palette: dark strokes on a light window, light strokes on a dark one.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from inducci_desktop.domain.i18n import _

NAMES = ("library", "print-center", "checklists", "workshops", "exchange", "settings", "back", "forward",
         "bookmark", "add", "help", "welcome", "evidence", "strategy", "pilots")


def variant() -> str:
    """``dark`` when the window background is dark, else ``light``."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightnessF() < 0.5 else "light"


def icon_path(name: str, which: str | None = None) -> str:
    if name not in NAMES:
        raise KeyError(_("no icon named {name!r}").format(name=name))
    folder = resources.files("inducci_desktop.resources").joinpath("icons", which or variant())
    return str(folder.joinpath(f"{name}.svg"))


def icon(name: str) -> QIcon:
    """The icon ``name`` in the variant that suits the current palette."""
    return QIcon(icon_path(name))
