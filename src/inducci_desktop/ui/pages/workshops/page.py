"""The Workshops page: the list on the left; details, agenda, participants, check-in, outcomes and evaluation
of the selected workshop in tabs on the right; its documents from the Print button."""

from __future__ import annotations

from contextlib import suppress
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.services.errors import NotFoundError
from inducci_desktop.services.workshops.views import WorkshopView
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.workshops.agenda import AgendaEditor
from inducci_desktop.ui.pages.workshops.checkin import CheckInView
from inducci_desktop.ui.pages.workshops.details import DetailsForm
from inducci_desktop.ui.pages.workshops.documents import print_menu
from inducci_desktop.ui.pages.workshops.feedback import FeedbackPanel
from inducci_desktop.ui.pages.workshops.list_panel import WorkshopList
from inducci_desktop.ui.pages.workshops.outcomes import OutcomesPanel
from inducci_desktop.ui.pages.workshops.participants import ParticipantsPanel


class WorkshopsPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        workshops = context.services.workshops
        self.workshops = workshops
        self.events = context.events
        self.list = WorkshopList(workshops)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)  # a long title wraps instead of running under the Print button
        self.title.setAccessibleName("Workshop title")
        self.print_button = QPushButton("Print")
        self.print_button.setMenu(print_menu(self, context, self.list.current_id))
        self.details = DetailsForm(workshops, context.services.regions, self._details_saved, context.undo_stack)
        self.agenda = AgendaEditor(workshops, context.undo_stack)
        self.participants = ParticipantsPanel(workshops)
        self.checkin = CheckInView(workshops)
        self.outcomes = OutcomesPanel(workshops)
        self.feedback = FeedbackPanel(workshops)
        self.outcomes.findingRequested.connect(lambda ref, text: self.add_finding("outcome", ref, text))
        self.feedback.findingRequested.connect(lambda ref, text: self.add_finding("feedback", ref, text))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Workshop")
        for widget, label in ((self.details, "&Details"), (self.agenda, "&Agenda"),
                              (self.participants, "&Participants"), (self.checkin, "&Check-in"),
                              (self.outcomes, "&Outcomes"), (self.feedback, "&Evaluation")):
            self.tabs.addTab(widget, label)
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(header)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 900])
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.list.selected.connect(self.show_workshop)
        context.events.changed.connect(self._data_changed)
        self.workshop_id: str | None = None
        self._loaded: set[int] = set()
        self.list.reload()
        if self.list.model.rows:
            self.list.table.selectRow(0)
        else:
            self.show_workshop(None)

    def _data_changed(self, changes: Changes) -> None:
        # the page's own edits come back here too; only writes from elsewhere (restore, import, a
        # region renamed) refresh the list or the open workshop
        if changes.everything or (changes.touches(Kind.WORKSHOP) and not self.isVisible()):
            self.list.reload()
        elif changes.touches(Kind.REGION):
            self.details.region.reload()  # the form keeps what is being typed

    def show_workshop(self, workshop_id: str | None) -> None:
        self.details.flush()  # edits of the workshop shown so far are saved before another is shown
        self.workshop_id = workshop_id
        try:
            view = self.workshops.get(workshop_id) if workshop_id and not self.list.in_trash else None
        except NotFoundError:
            view = None
        self._show_title(view)
        self.tabs.setEnabled(view is not None)
        self.print_button.setEnabled(view is not None)
        self.details.load(view)
        self._loaded = set()
        self._load_tab()

    def _load_tab(self) -> None:
        """Tabs load when shown, so that switching workshops stays quick."""
        index = self.tabs.currentIndex()
        if index in self._loaded:
            return
        self._loaded.add(index)
        workshop_id = self.workshop_id if self.tabs.isEnabled() else None
        widget = self.tabs.widget(index)
        if widget is not self.details and widget is not None:
            widget.load(workshop_id)  # type: ignore[attr-defined]

    def _show_title(self, view: WorkshopView | None) -> None:
        if view is None:
            self.title.setText("<h2>Workshops</h2>Select a workshop or make a new one (Ctrl+N).")
            self.title.setToolTip("")
            return
        self.title.setText(f"<h2>{escape(view.title)}</h2><span>{escape(view.dates_text)}</span>")
        self.title.setToolTip(view.title)

    def _details_saved(self) -> None:
        """The details were saved (or a save undone): the list and the heading show the new facts; the
        form itself is left alone, so typing goes on undisturbed."""
        self.list.refresh()
        if self.workshop_id is not None:
            with suppress(NotFoundError):
                self._show_title(self.workshops.get(self.workshop_id))

    def add_finding(self, kind: str, ref: str, text: str) -> None:
        """"Add as finding…" on an outcome or a feedback comment of the workshop shown."""
        from inducci_desktop.domain.evidence import SourceRef
        from inducci_desktop.ui.widgets.add_finding import add_finding

        region_id = None
        if self.workshop_id is not None:
            with suppress(NotFoundError):
                region_id = self.workshops.get(self.workshop_id).region_id
        add_finding(self, self.context.services, SourceRef(kind, ref), text, region_id)

    def open_source(self, workshop_id: str, detail: str) -> None:
        """Show the workshop and the outcome ("outcome:<id>") or feedback form ("feedback:<id>") a finding
        came from."""
        if not self.list.select(workshop_id):
            return
        kind, _sep, record_id = detail.partition(":")
        panel = self.outcomes if kind == "outcome" else self.feedback
        self.tabs.setCurrentWidget(panel)
        self._load_tab()
        if kind == "outcome":
            self.outcomes.select_outcome(record_id)
        else:
            self.feedback.select_comment(record_id)

    def flush(self) -> None:
        """Called when the window closes: nothing typed is lost."""
        self.details.flush()
