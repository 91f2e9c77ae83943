"""The Strategy page: a region's strategy paper (sections with live evidence, priorities and measures,
versions and review) and the transnational recommendation built from two or more regions' papers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import PaperView
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.strategy.dialogs import NewPaperDialog
from inducci_desktop.ui.pages.strategy.measures import MeasuresTab
from inducci_desktop.ui.pages.strategy.output import export_docx, preview
from inducci_desktop.ui.pages.strategy.recommendations import RecommendationsTab
from inducci_desktop.ui.pages.strategy.sections import SectionsTab
from inducci_desktop.ui.pages.strategy.versions import VersionsTab, version_label
from inducci_desktop.ui.pages.title import page_title

PAPER_DOCUMENT = "strategy-paper"
#: what other pages (and imports) write that the papers show
SHOWN = (Kind.PAPER, Kind.PAPER_SECTION, Kind.PAPER_BLOCK, Kind.PRIORITY, Kind.MEASURE, Kind.REVIEW_COMMENT,
         Kind.RECOMMENDATION, Kind.RECOMMENDATION_TOPIC, Kind.RECOMMENDATION_ITEM, Kind.REGION)


class PapersTab(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.papers = context.services.strategy.papers
        self.view: PaperView | None = None
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(_("Strategy paper"))
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_paper(self.chooser.currentData()))
        self.new_button = QPushButton(_("New paper…"))
        self.new_button.clicked.connect(lambda: self.new_paper())
        self.print_button = QPushButton(_("Print"))
        menu = QMenu(self)
        pdf = menu.addAction(_("Paper (PDF)…"))
        pdf.triggered.connect(lambda: self.print_pdf())
        docx = menu.addAction(_("Export for a word processor (DOCX)…"))
        docx.triggered.connect(lambda: self.export())
        self.print_button.setMenu(menu)
        self.state = QLabel("")
        self.state.setObjectName("paperState")
        header = QHBoxLayout()
        header.addWidget(self.chooser, 1)
        header.addWidget(self.new_button)
        header.addWidget(self.print_button)
        self.sections = SectionsTab(context.services, context.undo_stack)
        self.measures = MeasuresTab(context.services, self.refresh)
        self.versions = VersionsTab(context.services, self.open_version)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sections, _("&Sections"))
        self.tabs.addTab(self.measures, _("&Measures"))
        self.tabs.addTab(self.versions, _("&Versions and review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        wanted = select or (self.view.summary.id if self.view else None)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for paper in self.papers.list(latest_only=False):
            self.chooser.addItem(f"{paper.region_name} – {paper.title} · v{paper.version}", paper.id)
        index = self.chooser.findData(wanted)
        self.chooser.setCurrentIndex(index if index >= 0 else (0 if self.chooser.count() else -1))
        self.chooser.blockSignals(False)
        self.show_paper(self.chooser.currentData())

    def show_paper(self, paper_id: str | None) -> None:
        self.sections.flush()
        try:
            self.view = self.papers.get(paper_id) if paper_id else None
        except ServiceError:
            self.view = None
        view = self.view
        self.state.setText(version_label(view.summary) if view else
                           _("No strategy paper yet: start one with “New paper…”."))
        self.sections.load(view)
        self.measures.load(view)
        self.versions.load(view.summary if view else None)
        self.print_button.setEnabled(view is not None)
        self.tabs.setEnabled(view is not None)

    def refresh(self) -> None:
        """After an edit on a tab: read the paper again (measures, warnings, blocks)."""
        if self.view is None:
            return
        keep = self.measures.measure.id if self.measures.measure else None
        try:
            self.view = self.papers.get(self.view.summary.id)
        except ServiceError:
            self.reload()
            return
        self.measures.load(self.view, keep=keep)

    def open_version(self, paper_id: str) -> None:
        self.reload(paper_id)

    def new_paper(self) -> None:
        dialog = NewPaperDialog(self, self.context.services)
        if dialog.exec() != NewPaperDialog.DialogCode.Accepted:
            return
        try:
            made = self.papers.create(dialog.region.currentData() or "", dialog.title.text())
        except ServiceError as exc:
            QMessageBox.warning(self, _("New paper"), str(exc))
            return
        self.reload(made.id)

    def print_pdf(self) -> None:
        if self.view is not None:
            self.sections.flush()
            preview(self, self.context, PAPER_DOCUMENT, self.view.summary.id)

    def export(self) -> None:
        if self.view is not None:
            self.sections.flush()
            export_docx(self, self.context, PAPER_DOCUMENT, self.view.summary.id)


class StrategyPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.papers = PapersTab(context)
        self.recommendations = RecommendationsTab(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.papers, _("&Papers"))
        self.tabs.addTab(self.recommendations, _("&Recommendations"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("Strategy")), 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)
        self._stale = False
        context.events.changed.connect(self._data_changed)

    def _data_changed(self, changes: Changes) -> None:
        # this page's own edits reload where they are made; writes from elsewhere (an import, the demo,
        # findings changed on the Evidence page) reload when the page is next shown
        if changes.everything or (not self.isVisible() and any(changes.touches(k) for k in (*SHOWN, Kind.FINDING))):
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._stale = False
            self.papers.reload()
            self.recommendations.reload()

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.recommendations:
            self.papers.sections.flush()
            self.recommendations.reload()

    def flush(self) -> None:
        """Called when the window closes: nothing typed is lost."""
        self.papers.sections.flush()
