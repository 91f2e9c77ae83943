"""The pages of the main window, in navigation order. A feature adds one line here.

Each entry: (id, title, icon name in resources/icons, "module:Class"). The window and the code find a page
by its id; the title is only what the navigation shows, so it can be renamed or translated freely. The class
is built as ``Class(context)`` with a PageContext the first time the page is shown, which keeps start-up
light. A page that listens to AppEvents sent by other pages is named in BUILD_ON_EVENT: it is built when the
first such event comes (if it was not shown before), not at start.
"""

from __future__ import annotations

from typing import NamedTuple

from inducci_desktop.domain.i18n import N_


class PageEntry(NamedTuple):
    id: str
    title: str
    icon: str  # a name in resources/icons (ui/icons.py)
    target: str


LIBRARY, PRINT_CENTER, CHECKLISTS, WORKSHOPS, PILOTS, EVIDENCE, STRATEGY, EXCHANGE, SETTINGS = (
    "library", "print_center", "checklists", "workshops", "pilots", "evidence", "strategy", "exchange", "settings")

PAGES: list[PageEntry] = [
    PageEntry(LIBRARY, N_("Library"), "library", "inducci_desktop.ui.pages.library.page:LibraryPage"),
    PageEntry(PRINT_CENTER, N_("Print Center"), "print-center",
              "inducci_desktop.ui.pages.print_center.page:PrintCenterPage"),
    PageEntry(CHECKLISTS, N_("Checklists"), "checklists", "inducci_desktop.ui.pages.checklists.page:ChecklistsPage"),
    PageEntry(WORKSHOPS, N_("Workshops"), "workshops", "inducci_desktop.ui.pages.workshops.page:WorkshopsPage"),
    PageEntry(PILOTS, N_("Pilot actions"), "pilots", "inducci_desktop.ui.pages.pilots.page:PilotsPage"),
    PageEntry(EVIDENCE, N_("Evidence"), "evidence", "inducci_desktop.ui.pages.evidence.page:EvidencePage"),
    PageEntry(STRATEGY, N_("Strategy"), "strategy", "inducci_desktop.ui.pages.strategy.page:StrategyPage"),
    PageEntry(EXCHANGE, N_("Exchange"), "exchange", "inducci_desktop.ui.pages.exchange.page:ExchangePage"),
    PageEntry(SETTINGS, N_("Settings"), "settings", "inducci_desktop.ui.pages.settings.page:SettingsPage"),
]

#: AppEvents signal → (page id, the page's method that handles it). The page connects itself to the signal
#: when it is built; until then the window builds it on the first event and hands that event to the method
#: (a slot connected during an emission does not receive it). The Print Center hears "add to handout pack"
#: from the Library.
BUILD_ON_EVENT: dict[str, tuple[str, str]] = {"addToPackRequested": (PRINT_CENTER, "add_item")}
