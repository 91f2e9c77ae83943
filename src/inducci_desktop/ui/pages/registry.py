"""The pages of the main window, in navigation order. A feature adds one line here.

Each entry: (id, title, icon name in resources/icons, "module:Class"). The window and the code find a page
by its id; the title is only what the navigation shows, so it can be renamed or translated freely. The class
is built as ``Class(context)`` with a PageContext the first time the page is shown, which keeps start-up
light. Pages in BUILD_AT_START are built as soon as the services are ready, because they listen to
AppEvents sent by other pages.
"""

from __future__ import annotations

from typing import NamedTuple


class PageEntry(NamedTuple):
    id: str
    title: str
    icon: str  # a name in resources/icons (ui/icons.py)
    target: str


LIBRARY, PRINT_CENTER, CHECKLISTS, WORKSHOPS, EVIDENCE, EXCHANGE, SETTINGS = (
    "library", "print_center", "checklists", "workshops", "evidence", "exchange", "settings")

PAGES: list[PageEntry] = [
    PageEntry(LIBRARY, "Library", "library", "inducci_desktop.ui.pages.library.page:LibraryPage"),
    PageEntry(PRINT_CENTER, "Print Center", "print-center",
              "inducci_desktop.ui.pages.print_center.page:PrintCenterPage"),
    PageEntry(CHECKLISTS, "Checklists", "checklists", "inducci_desktop.ui.pages.checklists.page:ChecklistsPage"),
    PageEntry(WORKSHOPS, "Workshops", "workshops", "inducci_desktop.ui.pages.workshops.page:WorkshopsPage"),
    PageEntry(EVIDENCE, "Evidence", "evidence", "inducci_desktop.ui.pages.evidence.page:EvidencePage"),
    PageEntry(EXCHANGE, "Exchange", "exchange", "inducci_desktop.ui.pages.exchange.page:ExchangePage"),
    PageEntry(SETTINGS, "Settings", "settings", "inducci_desktop.ui.pages.settings.page:SettingsPage"),
]

#: page ids built at once: the Print Center hears "add to handout pack" from the Library
BUILD_AT_START: frozenset[str] = frozenset({PRINT_CENTER})
