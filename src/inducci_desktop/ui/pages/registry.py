"""The pages of the main window, in navigation order. A feature adds one line here.

Each entry: (id, title, standard icon, "module:Class"). The window and the code find a page by its id; the
title is only what the navigation shows, so it can be renamed or translated freely. The class is built as
``Class(context)`` with a PageContext the first time the page is shown, which keeps start-up light. Pages
in BUILD_AT_START are built as soon as the services are ready, because they listen to AppEvents sent by
other pages.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QStyle

SP = QStyle.StandardPixmap


class PageEntry(NamedTuple):
    id: str
    title: str
    icon: QStyle.StandardPixmap
    target: str


LIBRARY, PRINT_CENTER, CHECKLISTS, WORKSHOPS, EXCHANGE, SETTINGS = (
    "library", "print_center", "checklists", "workshops", "exchange", "settings")

PAGES: list[PageEntry] = [
    PageEntry(LIBRARY, "Library", SP.SP_DirHomeIcon, "inducci_desktop.ui.pages.library.page:LibraryPage"),
    PageEntry(PRINT_CENTER, "Print Center", SP.SP_FileIcon,
              "inducci_desktop.ui.pages.print_center.page:PrintCenterPage"),
    PageEntry(CHECKLISTS, "Checklists", SP.SP_DialogApplyButton,
              "inducci_desktop.ui.pages.checklists.page:ChecklistsPage"),
    PageEntry(WORKSHOPS, "Workshops", SP.SP_FileDialogContentsView,
              "inducci_desktop.ui.pages.workshops.page:WorkshopsPage"),
    PageEntry(EXCHANGE, "Exchange", SP.SP_DriveNetIcon, "inducci_desktop.ui.pages.exchange.page:ExchangePage"),
    PageEntry(SETTINGS, "Settings", SP.SP_FileDialogDetailedView,
              "inducci_desktop.ui.pages.settings.page:SettingsPage"),
]

#: page ids built at once: the Print Center hears "add to handout pack" from the Library
BUILD_AT_START: frozenset[str] = frozenset({PRINT_CENTER})
