"""The Evidence page: tabs for the register of findings, the interviews and the people consulted.

Other features add a tab with ``add_tab``; a finding opens its source on the page that shows it (pages
offer ``open_source(record id, detail)``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from inducci_desktop.domain.i18n import _
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.evidence.interviews import InterviewsTab
from inducci_desktop.ui.pages.evidence.people import PeopleTab
from inducci_desktop.ui.pages.evidence.register import RegisterTab
from inducci_desktop.ui.pages.title import page_title


class EvidencePage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("Evidence")))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.register = RegisterTab(context)
        self.add_tab(self.register, _("&Findings"))
        self.interviews = InterviewsTab(context)
        self.add_tab(self.interviews, _("&Interviews"))
        self.people = PeopleTab(context)
        self.add_tab(self.people, _("Pe&ople consulted"))

    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def open_source(self, record_id: str, detail: str) -> None:
        """A finding's source that lives on this page (an interview answer): the tab that shows it opens it."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            opener = getattr(tab, "open_source", None)
            if callable(opener) and tab is not self.register and opener(record_id, detail):
                self.tabs.setCurrentIndex(index)
                return
