"""The Print Center: collect a handout pack (or pick a single document), preview the real PDF, save, print.

Every PDF is made on a worker thread (ui/jobs.py) by the document registry (services/documents.py), as on
every other page; saving and printing go through ui/widgets/document_dialog.py. The preview says "Updating…"
at once after a change and refreshes a moment after the last one while the page is visible. Paper and
region are the user's document settings, which every printed document follows. The pack list and cover are
kept in the settings table (PrintService.load_pack/save_pack), so they survive restarts and travel with
backups. Items arrive from the Library through ``AppEvents.addToPackRequested``; the Library never imports this page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.services.documents import (
    Built,
    DocumentRequest,
    DocumentSettings,
    DocumentType,
    PaperSize,
    build,
    documents,
    load_settings,
    save_settings,
)
from inducci_desktop.services.errors import PrintError, ServiceError
from inducci_desktop.services.library.documents import PackState
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.print_center.pack_panel import PackPanel
from inducci_desktop.ui.pages.title import page_title
from inducci_desktop.ui.widgets import document_dialog
from inducci_desktop.ui.widgets.document_dialog import make_printer, print_bytes, save_pdf
from inducci_desktop.ui.widgets.pdf_preview import PdfPreview

log = logging.getLogger(__name__)
#: the kinds of records the document sources offer as choices (workshops, assessments, templates, content)
CHOICE_KINDS = (Kind.WORKSHOP, Kind.ASSESSMENT, Kind.TEMPLATE, Kind.CONTENT, Kind.REGION, Kind.PAPER,
                Kind.RECOMMENDATION, Kind.INTERVIEW, Kind.PILOT)
PREVIEW_DELAY_MS = 700
SAVE_DELAY_MS = 500
PACK_TAB, SINGLE_TAB = 0, 1

#: a request: (key that identifies the document, title, the registry request)
Request = tuple[tuple[Any, ...], str, DocumentRequest]


class PrintCenterPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._loading = True
        self.services = context.services
        self.printing = context.services.printing
        self.regions = context.services.regions
        self.window_ = context.window
        self.state = context.state
        self._generation = 0
        self._running: Job[Built] | None = None
        self._pending = False
        self._shown_key: tuple[Any, ...] | None = None
        self._printer: QPrinter | None = None
        self._built: Built | None = None

        self.pack = PackPanel(context.undo_stack)
        self.pack.changed.connect(self._pack_changed)

        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName(_("Kind of document"))
        self.choice_combo = QComboBox()
        self.choice_combo.setAccessibleName(_("Document"))
        self.choice_combo.setMinimumContentsLength(24)
        self.choice_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_sources()
        self.source_combo.currentIndexChanged.connect(self.reload_choices)
        self.choice_combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        single = QWidget()
        single_form = QFormLayout(single)
        single_form.addRow(_("Document"), self.source_combo)
        single_form.addRow(_("Which"), self.choice_combo)
        hint = QLabel(_("Prints one document on its own: the glossary, one toolbox item, a blank checklist, "
                      "an assessment report or a workshop document."))
        hint.setWordWrap(True)
        single_form.addRow(hint)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.pack, _("Handout pack"))
        self.tabs.addTab(single, _("Single document"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName(_("Paper size"))
        for paper in PaperSize:
            self.paper_combo.addItem(paper.label, paper.value)
        self.region_combo = QComboBox()
        self.region_combo.setAccessibleName(_("Region in the page header"))
        self.paper_combo.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.region_combo.currentIndexChanged.connect(lambda _i: self._settings_changed())
        options = QFormLayout()
        options.addRow(_("Paper"), self.paper_combo)
        options.addRow(_("Region"), self.region_combo)

        self.preview_button = QPushButton(_("Preview"))
        self.preview_button.setShortcut(QKeySequence("F5"))
        self.preview_button.setToolTip(_("Make the PDF again now (F5); it also refreshes on its own"))
        self.preview_button.clicked.connect(self.preview_now)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_document)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            actions.addWidget(button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(page_title(_("Print Center")))
        left_layout.addWidget(self.tabs, 1)
        left_layout.addLayout(options)
        left_layout.addLayout(actions)

        self.preview = PdfPreview()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(split)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._auto_preview)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_state)

        context.events.addToPackRequested.connect(self.add_item)
        self._choices_stale = False
        context.events.changed.connect(self._data_changed)
        self.reload()

    # -- state -------------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.reload()
            return
        if changes.touches(Kind.REGION):
            self._fill_regions(self.region_combo.currentData())
        if not changes.touches(*CHOICE_KINDS):
            return
        if changes.touches(Kind.ANSWER) and changes.kinds <= {Kind.ANSWER, Kind.ASSESSMENT} and not self.isVisible():
            self._choices_stale = True  # answers autosaved on the Checklists page: no title changed
            return
        self._fill_choices()  # a record added, renamed or deleted on another page is offered at once

    def reload(self) -> None:
        """Show the pack as saved (at start and after a restore)."""
        state = self.printing.load_pack()
        titles = dict(self.printing.printable_items())
        self._loading = True
        self.pack.model.set_entries([(i, titles.get(i, i)) for i in state.item_ids])
        self.pack.set_cover(state.cover)
        self.pack.glossary_check.setChecked(state.with_glossary)
        settings = self._document_settings(state)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(settings.paper.value)))
        self._fill_regions(settings.region_id)
        self._loading = False
        self.reload_choices()
        self.schedule_preview()

    def pack_state(self) -> PackState:
        return PackState(tuple(self.pack.model.ids()), self.pack.cover(), self.paper(),
                         self.region_combo.currentData() or None, self.pack.glossary_check.isChecked())

    def _document_settings(self, pack: PackState) -> DocumentSettings:
        """The user's document settings; before there were any, the paper and region of the saved pack."""
        if self.services.settings.get("documents") is None:
            return DocumentSettings(pack.paper, "", pack.region_id)
        return load_settings(self.services)

    def _settings_changed(self) -> None:
        if self._loading:
            return
        current = load_settings(self.services)
        save_settings(self.services, DocumentSettings(self.paper(), current.language,
                                                      self.region_combo.currentData() or None))
        self._pack_changed()

    def save_state(self) -> None:
        self._save_timer.stop()
        self.printing.save_pack(self.pack_state())

    def flush(self) -> None:
        """Called by the window before it closes."""
        if self._save_timer.isActive():
            self.save_state()

    def paper(self) -> PaperSize:
        return PaperSize(self.paper_combo.currentData() or "a4")

    def _fill_regions(self, selected: str | None = None) -> None:
        current = selected if selected is not None else self.region_combo.currentData()
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        self.region_combo.addItem(_("(none)"), "")
        for region in self.regions.list():
            self.region_combo.addItem(region.name, region.id)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(current or "")))
        self.region_combo.blockSignals(False)

    def _fill_sources(self) -> None:
        group = None
        for kind in documents():
            if not kind.listed:
                continue
            if group is not None and kind.group != group:
                self.source_combo.insertSeparator(self.source_combo.count())
            group = kind.group
            self.source_combo.addItem(_(kind.title), kind.key)

    def current_source(self) -> DocumentType | None:
        key = self.source_combo.currentData()
        return next((s for s in documents() if s.key == key), None)

    def reload_choices(self) -> None:
        self._fill_choices()
        self.schedule_preview()

    def _fill_choices(self) -> None:
        """List the records the current source can print, keeping the chosen one if it is still there."""
        self._choices_stale = False
        source = self.current_source()
        keep = self.choice_combo.currentData()
        self.choice_combo.blockSignals(True)
        self.choice_combo.clear()
        if source is not None and source.needs_choice:
            try:
                choices = source.list_choices(self.services)
            except ServiceError as exc:
                choices = []
                log.warning("no choices for %s: %s", source.key, exc)
            for choice_id, title in choices:
                self.choice_combo.addItem(title, choice_id)
            if not choices:
                self.choice_combo.addItem(_("(nothing to print yet)"), None)
        self.choice_combo.setEnabled(source is not None and source.needs_choice and self.choice_combo.count() > 0
                                     and self.choice_combo.itemData(0) is not None)
        if keep is not None and self.choice_combo.findData(keep) >= 0:
            self.choice_combo.setCurrentIndex(self.choice_combo.findData(keep))
        self.choice_combo.blockSignals(False)

    # -- the pack ----------------------------------------------------------------------------------

    def add_item(self, item_id: str) -> None:
        """Add a toolbox item to the pack (from the Library) and say so in the status bar."""
        try:
            title = self.printing.content_item(item_id).title
        except ServiceError as exc:
            self.window_.statusBar().showMessage(str(exc), 5000)
            return
        added = self.pack.add([(item_id, title)])
        count = len(self.pack.model.entries)
        if added:
            message = ngettext("Added “{title}” to the handout pack ({count} item) — Ctrl+Z undoes",
                               "Added “{title}” to the handout pack ({count} items) — Ctrl+Z undoes",
                               count).format(title=title, count=count)
        else:
            message = _("“{title}” is in the handout pack already").format(title=title)
        self.window_.statusBar().showMessage(message, 5000)

    def _pack_changed(self) -> None:
        if self._loading:
            return
        self._save_timer.start()
        self.schedule_preview()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentIndex() == SINGLE_TAB:
            self.reload_choices()
        self.schedule_preview()

    # -- requests ----------------------------------------------------------------------------------

    def request(self) -> Request | None:
        """What the current choices would print, or None when there is nothing to print."""
        paper = self.paper()
        region_id = self.region_combo.currentData() or ""
        if self.tabs.currentIndex() == PACK_TAB:
            ids = tuple(self.pack.model.ids())
            with_glossary = self.pack.glossary_check.isChecked()
            if not ids and not with_glossary:
                return None
            cover = self.pack.cover()
            key = ("pack", ids, cover, paper, region_id, with_glossary)
            return key, _(cover.title.strip()) or _("Handout pack"), DocumentRequest(
                "pack", records=ids, paper=paper, region_id=region_id, cover=cover, with_glossary=with_glossary)
        source = self.current_source()
        if source is None:
            return None
        choice = self.choice_combo.currentData() if source.needs_choice else ""
        if choice is None:
            return None
        title = _(source.title) if not source.needs_choice else f"{_(source.title)}: {self.choice_combo.currentText()}"
        return (("single", source.key, choice, paper, region_id), title,
                DocumentRequest(source.key, choice, paper=paper, region_id=region_id))

    # -- preview -----------------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        if self._loading:
            return
        request = self.request()
        if request is not None and request[0] != self._shown_key:
            self.preview.set_updating()  # at once: what is shown is no longer what would print
        self._preview_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._choices_stale:
            self._fill_choices()
        self.schedule_preview()

    def _auto_preview(self) -> None:
        if self.isVisible():
            self.preview_now()

    def preview_now(self) -> None:
        self._preview_timer.stop()
        request = self.request()
        if request is None:
            self._generation += 1
            self._shown_key = None
            self.preview.clear(_("Nothing to print yet"))
            return
        key, title, document_request = request
        if key == self._shown_key and self.preview.data:
            self.preview.set_busy(False)
            self.preview.show_pdf(self.preview.data, title)
            return
        if self._running is not None:
            self._pending = True  # made again when the running one ends
            return
        self._generation += 1
        generation = self._generation
        self.preview.set_busy(True)

        def done(data: Built) -> None:
            self._running = None
            self.preview.set_busy(False)
            if generation == self._generation:
                self._shown_key = key
                self._built = data
                self.preview.show_pdf(data.data, title)
            self._again()

        def failed(exc: Exception) -> None:
            self._running = None
            self.preview.set_busy(False)
            self.preview.clear(_("No preview"))
            self._shown_key = None
            self._report(exc, _("The preview could not be made"))
            self._again()

        services = self.services
        self._running = Job(lambda _report: build(services, document_request)).success(done).failure(failed).start()

    def _again(self) -> None:
        if self._pending:
            self._pending = False
            self.preview_now()

    def _then(self, label: str, then: Callable[[Built], None]) -> None:
        """Run ``then`` with the current request's document: the one previewed when it is current, else one
        made now on a worker thread (with delayed progress)."""
        request = self.request()
        if request is None:
            QMessageBox.information(self, _("Print Center"), _("There is nothing to print yet."))
            return
        key, _title, document_request = request
        if key == self._shown_key and self._built is not None:
            then(self._built)
            return
        services = self.services
        Job(lambda report: build(services, document_request, report)).success(then).failure(
            lambda exc: self._report(exc, label)).progress(self.window(), f"{label}…").start()

    # -- save and print ----------------------------------------------------------------------------

    def suggested_name(self) -> str:
        return self._built.file_name if self._built is not None else "document.pdf"

    def save_as(self) -> None:
        """Save the document as a PDF, the same way as every preview in the app."""
        def save(built: Built) -> None:
            save_pdf(self, self.state, built.data, built.file_name)

        self._then(_("Making the PDF"), save)

    def print_document(self) -> None:
        def send(built: Built) -> None:
            printer = make_printer(built)
            if not document_dialog.ask_printer(self, printer):
                return
            self._printer = printer  # kept alive while the worker paints on it

            def sent(pages: int) -> None:
                self._printer = None
                self.window_.statusBar().showMessage(
                    ngettext("Sent {pages} page to the printer", "Sent {pages} pages to the printer", pages)
                        .format(pages=pages), 6000)

            Job(lambda report: print_bytes(built.data, printer, report)).success(sent).failure(
                lambda exc: self._report(exc, _("Printing"))).progress(self.window(), _("Printing…")).start()

        self._then(_("Making the PDF"), send)

    def _report(self, exc: Exception, what: str) -> None:
        if isinstance(exc, (PrintError, ServiceError)):
            QMessageBox.warning(self, _("Print Center"), f"{what}: {exc}")
        else:
            log.error("%s", what, exc_info=exc)
            QMessageBox.critical(self, _("Print Center"),
                _("{what}: an unexpected problem occurred ({exc}).").format(what=what, exc=exc))
