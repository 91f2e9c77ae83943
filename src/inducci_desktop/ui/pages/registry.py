"""The pages of the main window, in navigation order. A feature adds one line here.

Each entry: (title, standard icon, "module:Class"). The class is built as ``Class(context)`` with a
PageContext, imported only when the services are ready (keeps start-up light).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

SP = QStyle.StandardPixmap

PAGES: list[tuple[str, QStyle.StandardPixmap, str]] = [
    ("Library", SP.SP_DirHomeIcon, "inducci_desktop.ui.pages.library_page:LibraryPage"),
    ("Print Center", SP.SP_FileIcon, "inducci_desktop.ui.pages.print_center_page:PrintCenterPage"),
    ("Checklists", SP.SP_DialogApplyButton, "inducci_desktop.ui.pages.checklists_page:ChecklistsPage"),
    ("Workshops", SP.SP_FileDialogContentsView, "inducci_desktop.ui.pages.workshops_page:WorkshopsPage"),
    ("Settings", SP.SP_FileDialogDetailedView, "inducci_desktop.ui.pages.settings_page:SettingsPage"),
]
