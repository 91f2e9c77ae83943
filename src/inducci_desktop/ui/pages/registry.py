"""The pages of the main window, in navigation order. A feature adds one line here.

Each entry: (title, standard icon, "module:Class"). The class is built as ``Class(context)`` with a
PageContext the first time the page is shown, which keeps start-up light. Pages in BUILD_AT_START are
built as soon as the services are ready, because they listen to AppEvents sent by other pages.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

SP = QStyle.StandardPixmap

PAGES: list[tuple[str, QStyle.StandardPixmap, str]] = [
    ("Library", SP.SP_DirHomeIcon, "inducci_desktop.ui.pages.library.page:LibraryPage"),
    ("Print Center", SP.SP_FileIcon, "inducci_desktop.ui.pages.print_center.page:PrintCenterPage"),
    ("Checklists", SP.SP_DialogApplyButton, "inducci_desktop.ui.pages.checklists.page:ChecklistsPage"),
    ("Workshops", SP.SP_FileDialogContentsView, "inducci_desktop.ui.pages.workshops.page:WorkshopsPage"),
    ("Exchange", SP.SP_DriveNetIcon, "inducci_desktop.ui.pages.exchange.page:ExchangePage"),
    ("Settings", SP.SP_FileDialogDetailedView, "inducci_desktop.ui.pages.settings.page:SettingsPage"),
]

#: pages that must exist from the start: the Print Center hears "add to handout pack" from the Library
BUILD_AT_START: frozenset[str] = frozenset({"Print Center"})
