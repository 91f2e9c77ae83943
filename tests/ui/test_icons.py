"""The app's own icon set: every icon in a light and a dark variant, found through importlib.resources,
used by the navigation and the reader's buttons instead of the style's stock pixmaps."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QListWidget

from inducci_desktop.ui.icons import NAMES, icon_path, variant
from inducci_desktop.ui.theme import dark_palette

UI = Path(__file__).resolve().parents[2] / "src" / "inducci_desktop" / "ui"


def test_every_icon_exists_in_both_variants_and_renders(qapp: Any) -> None:
    for name in NAMES:
        for which in ("light", "dark"):
            path = Path(icon_path(name, which))
            assert path.is_file(), path
            assert path.read_text(encoding="utf-8").startswith("<svg")
            image = QIcon(str(path)).pixmap(24, 24).toImage()
            assert not image.isNull()
            assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)), f"{which}/{name}"


def test_the_variant_follows_the_palette(qapp: Any) -> None:
    original = QGuiApplication.palette()
    try:
        QGuiApplication.setPalette(dark_palette())
        assert variant() == "dark" and "/dark/" in icon_path("library").replace("\\", "/")
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.Window, light.color(QPalette.ColorRole.Window).lighter(400))
        QGuiApplication.setPalette(light)
        assert variant() == "light"
    finally:
        QGuiApplication.setPalette(original)


def test_no_stock_pixmaps_in_the_ui() -> None:
    for source in UI.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not {"standardIcon", "standardPixmap", "StandardPixmap"} & names, source


def test_every_page_in_the_navigation_has_its_icon(launch: Any) -> None:
    window = launch().window
    nav = window.findChild(QListWidget, "navigation")
    from inducci_desktop.ui.pages.registry import PAGES

    assert nav is not None and nav.count() == len(PAGES)
    for row in range(nav.count()):
        assert not nav.item(row).icon().isNull(), nav.item(row).text()


def test_icons_follow_a_switch_to_the_dark_theme(launch: Any) -> None:
    from PySide6.QtWidgets import QComboBox

    app = launch()
    window = app.window
    window.show_page("library")
    library = window.pages["library"]
    before = library.reader.back_button.icon().pixmap(24, 24).toImage()
    window.show_page("settings")
    combo = window.pages["settings"].findChild(QComboBox)
    assert combo is not None and combo.accessibleName() == "Theme"
    try:
        combo.setCurrentIndex(combo.findData("dark"))
        QApplication.processEvents()
        assert variant() == "dark"
        after = library.reader.back_button.icon().pixmap(24, 24).toImage()
        assert after != before  # redrawn in the light-stroke variant
        nav = window.findChild(QListWidget, "navigation")
        assert nav is not None
        dark_library = QIcon(icon_path("library", "dark")).pixmap(24, 24).toImage()
        assert nav.item(0).icon().pixmap(24, 24).toImage() == dark_library
    finally:
        combo.setCurrentIndex(combo.findData("system"))
