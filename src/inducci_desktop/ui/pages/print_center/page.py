"""The Print Center: collect a handout pack (or pick a single document), preview the real PDF, save, print.

Every PDF is made on a worker thread (ui/jobs.py) by services/printing.py; the preview refreshes on its own
a moment after the last change while the page is visible. The pack list and cover are kept in the settings
table (PrintService.load_pack/save_pack), so they survive restarts and travel with backups. Items arrive
from the Library through ``AppEvents.addToPackRequested``; the Library never imports this page.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
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

from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.options import PaperSize
from inducci_desktop.services.documents import DocumentSource, PackState, sources
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.print_center.pack_panel import PackPanel
from inducci_desktop.ui.widgets.pdf_preview import PdfPreview, print_pdf

log = logging.getLogger(__name__)
PREVIEW_DELAY_MS = 700
SAVE_DELAY_MS = 500
PACK_TAB, SINGLE_TAB = 0, 1

#: a request: (key that identifies the document, title, work(report) -> PDF bytes)
Request = tuple[tuple[Any, ...], str, Callable[[Callable[[int, int], None]], bytes]]


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
        self._running: Job | None = None
        self._pending = False
        self._shown_key: tuple[Any, ...] | None = None
        self._printer: QPrinter | None = None

        self.pack = PackPanel(context.undo_stack)
        self.pack.changed.connect(self._pack_changed)

        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName("Kind of document")
        self.choice_combo = QComboBox()
        self.choice_combo.setAccessibleName("Document")
        self.choice_combo.setMinimumContentsLength(24)
        self.choice_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_sources()
        self.source_combo.currentIndexChanged.connect(self.reload_choices)
        self.choice_combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        single = QWidget()
        single_form = QFormLayout(single)
        single_form.addRow("Document", self.source_combo)
        single_form.addRow("Which", self.choice_combo)
        hint = QLabel("Prints one document on its own: the glossary, one toolbox item, a blank checklist, "
                      "an assessment report or a workshop document.")
        hint.setWordWrap(True)
        single_form.addRow(hint)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.pack, "Handout pack")
        self.tabs.addTab(single, "Single document")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName("Paper size")
        for paper in PaperSize:
            self.paper_combo.addItem(paper.label, paper.value)
        self.region_combo = QComboBox()
        self.region_combo.setAccessibleName("Region in the page header")
        self.paper_combo.currentIndexChanged.connect(lambda _i: self._pack_changed())
        self.region_combo.currentIndexChanged.connect(lambda _i: self._pack_changed())
        options = QFormLayout()
        options.addRow("Paper", self.paper_combo)
        options.addRow("Region", self.region_combo)

        self.preview_button = QPushButton("Preview")
        self.preview_button.setShortcut(QKeySequence("F5"))
        self.preview_button.setToolTip("Make the PDF again now (F5); it also refreshes on its own")
        self.preview_button.clicked.connect(self.preview_now)
        self.save_button = QPushButton("Save as PDF…")
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(self.print_document)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            actions.addWidget(button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
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
        context.events.regionsChanged.connect(self._fill_regions)
        context.events.dataReplaced.connect(self.reload)
        self.reload()

    # -- state -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the pack as saved (at start and after a restore)."""
        state = self.printing.load_pack()
        titles = dict(self.printing.printable_items())
        self._loading = True
        self.pack.model.set_entries([(i, titles.get(i, i)) for i in state.item_ids])
        self.pack.set_cover(state.cover)
        self.pack.glossary_check.setChecked(state.with_glossary)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(state.paper.value)))
        self._fill_regions(state.region_id)
        self._loading = False
        self.reload_choices()
        self.schedule_preview()

    def pack_state(self) -> PackState:
        return PackState(tuple(self.pack.model.ids()), self.pack.cover(), self.paper(),
                         self.region_combo.currentData() or None, self.pack.glossary_check.isChecked())

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
        self.region_combo.addItem("(none)", "")
        for region in self.regions.list():
            self.region_combo.addItem(region.name, region.id)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(current or "")))
        self.region_combo.blockSignals(False)

    def _fill_sources(self) -> None:
        group = None
        for source in sources():
            if group is not None and source.group != group:
                self.source_combo.insertSeparator(self.source_combo.count())
            group = source.group
            self.source_combo.addItem(source.label, source.key)

    def current_source(self) -> DocumentSource | None:
        key = self.source_combo.currentData()
        return next((s for s in sources() if s.key == key), None)

    def reload_choices(self) -> None:
        source = self.current_source()
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
                self.choice_combo.addItem("(nothing to print yet)", None)
        self.choice_combo.setEnabled(source is not None and source.needs_choice and self.choice_combo.count() > 0
                                     and self.choice_combo.itemData(0) is not None)
        self.choice_combo.blockSignals(False)
        self.schedule_preview()

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
            message = f"Added “{title}” to the handout pack ({count} item{'s' if count != 1 else ''}) — Ctrl+Z undoes"
        else:
            message = f"“{title}” is in the handout pack already"
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
        region_id = self.region_combo.currentData() or None
        if self.tabs.currentIndex() == PACK_TAB:
            ids = tuple(self.pack.model.ids())
            with_glossary = self.pack.glossary_check.isChecked()
            if not ids and not with_glossary:
                return None
            cover = self.pack.cover()
            options = self.printing.options(paper, region_id=region_id, organisation=cover.organiser)
            key = ("pack", ids, cover, paper, region_id, with_glossary)
            printing = self.printing
            return key, cover.title.strip() or "Handout pack", lambda report: printing.pack_pdf(
                ids, cover, options, with_glossary=with_glossary, report=report)
        source = self.current_source()
        if source is None:
            return None
        choice = self.choice_combo.currentData() if source.needs_choice else ""
        if choice is None:
            return None
        title = source.label if not source.needs_choice else f"{source.label}: {self.choice_combo.currentText()}"
        options = self.printing.options(paper, region_id=region_id)
        services = self.services
        return (("single", source.key, choice, paper, region_id), title,
                lambda _report: source.build(services, choice, options))

    # -- preview -----------------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        if self._loading:
            return
        self._preview_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
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
            self.preview.clear("Nothing to print yet")
            return
        key, title, work = request
        if key == self._shown_key and self.preview.data:
            return
        if self._running is not None:
            self._pending = True  # made again when the running one ends
            return
        self._generation += 1
        generation = self._generation
        self.preview.set_busy(True)

        def done(data: bytes) -> None:
            self._running = None
            self.preview.set_busy(False)
            if generation == self._generation:
                self._shown_key = key
                self.preview.show_pdf(data, title)
            self._again()

        def failed(exc: Exception) -> None:
            self._running = None
            self.preview.set_busy(False)
            self.preview.clear("No preview")
            self._shown_key = None
            self._report(exc, "The preview could not be made")
            self._again()

        self._running = Job(lambda: work(lambda _d, _t: None)).success(done).failure(failed).start()

    def _again(self) -> None:
        if self._pending:
            self._pending = False
            self.preview_now()

    def _pdf_then(self, label: str, then: Callable[[bytes, Callable[[int, int], None]], Any],
                  finished: Callable[[Any], None]) -> None:
        """Get the PDF of the current request (the preview's bytes when current) and run ``then`` with it,
        both on a worker thread with delayed progress; ``finished`` gets the result on the UI thread."""
        request = self.request()
        if request is None:
            QMessageBox.information(self, "Print Center", "There is nothing to print yet.")
            return
        key, _title, work = request
        ready = self.preview.data if key == self._shown_key and self.preview.data else None

        def job(report: Callable[[int, int], None]) -> Any:
            data = ready if ready is not None else work(report)
            return then(data, report)

        Job(job).success(finished).failure(lambda exc: self._report(exc, label)).progress(
            self.window_, f"{label}…").start()

    # -- save and print ----------------------------------------------------------------------------

    def suggested_name(self) -> str:
        request = self.request()
        title = request[1] if request else "document"
        safe = "".join(c if c.isalnum() or c in " -_" else " " for c in title).split()
        return "-".join(safe)[:80] or "document"

    def save_as(self) -> None:
        if self.request() is None:
            QMessageBox.information(self, "Print Center", "There is nothing to save yet.")
            return
        folder = self.state.get("print_center.folder") or str(Path.home())
        suggested = str(Path(folder) / f"{self.suggested_name()}.pdf")
        name, _filter = QFileDialog.getSaveFileName(self, "Save as PDF", suggested, "PDF documents (*.pdf)")
        if not name:
            return
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        self.state.set("print_center.folder", str(target.parent))
        from inducci_desktop.printing.output import write_pdf

        self._pdf_then("Saving the PDF", lambda data, _report: write_pdf(target, data),
                       lambda path: self.window_.statusBar().showMessage(f"Saved {path}", 6000))

    def print_document(self) -> None:
        if self.request() is None:
            QMessageBox.information(self, "Print Center", "There is nothing to print yet.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(_page_size(self.paper()))
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._printer = printer  # kept alive while the worker paints on it

        def send(data: bytes, report: Callable[[int, int], None]) -> int:
            fd, path = tempfile.mkstemp(prefix="inducci-print-", suffix=".pdf")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                return print_pdf(path, printer, report)
            finally:
                os.unlink(path)

        def sent(pages: int) -> None:
            self._printer = None
            self.window_.statusBar().showMessage(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer", 6000)

        self._pdf_then("Printing", send, sent)

    def _report(self, exc: Exception, what: str) -> None:
        if isinstance(exc, (PrintError, ServiceError)):
            QMessageBox.warning(self, "Print Center", f"{what}: {exc}")
        else:
            log.error("%s", what, exc_info=exc)
            QMessageBox.critical(self, "Print Center", f"{what}: an unexpected problem occurred ({exc}).")


def _page_size(paper: PaperSize) -> Any:
    from PySide6.QtGui import QPageSize

    return QPageSize(QPageSize.PageSizeId.A4 if paper is PaperSize.A4 else QPageSize.PageSizeId.Letter)

