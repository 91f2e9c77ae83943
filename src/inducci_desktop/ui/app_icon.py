"""The app's icon (resources/icons/app/inducci-desktop.svg), for windows, dialogs and the About box."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtGui import QIcon

_ICON: list[QIcon] = []


def icon_path() -> str:
    resource = files("inducci_desktop.resources") / "icons" / "app" / "inducci-desktop.svg"
    with as_file(resource) as path:  # a real file in a checkout, a wheel and a frozen bundle
        return str(path)


def app_icon() -> QIcon:
    """The icon, loaded once (Qt draws the SVG at every size it needs)."""
    if not _ICON:
        _ICON.append(QIcon(icon_path()))
    return _ICON[0]
