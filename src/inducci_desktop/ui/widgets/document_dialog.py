"""The one way every page prints: a dialog that shows the real PDF of a registry document (built off the UI
thread), with "Save as PDF…" and "Print…".

Every route saves the same way: the same default folder (remembered in ``ui-state.json``), the registry's
file-name style, an atomic write, and a confirmation that names the file with an "Open folder" button.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import LANGUAGES, NATIVE_NAMES, _, ngettext
from inducci_desktop.services.documents import Built, DocumentRequest, build, document, load_settings, write_pdf
from inducci_desktop.services.errors import PrintError, ServiceError
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.ui_state import DOCUMENTS_FOLDER
from inducci_desktop.ui.widgets.pdf_preview import PdfPreview, page_size, print_pdf

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.ui.ui_state import UiState

log = logging.getLogger(__name__)
FOLDER_STATE = DOCUMENTS_FOLDER


def choose_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save a PDF (the one file dialog of printing; tests answer it by replacing this function)."""
    name, _filter = QFileDialog.getSaveFileName(parent, _("Save as PDF"), str(suggested), _("PDF documents (*.pdf)"))
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def default_folder(state: UiState) -> Path:
    folder = state.get(FOLDER_STATE)
    return Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else Path.home()


def confirm_saved(parent: QWidget, path: Path) -> QMessageBox:
    """Say where the file went, with "Open folder" (non-modal: returns the box, already shown)."""
    box = QMessageBox(QMessageBox.Icon.Information, _("Saved"), _("Saved the PDF as\n{path}")
        .format(path=path), parent=parent)
    box.setObjectName("savedConfirmation")
    folder_button = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    folder_button.clicked.connect(lambda: open_folder(path))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def save_pdf(parent: QWidget, state: UiState, data: bytes, file_name: str,
             saved: Callable[[Path], None] | None = None) -> Job[Path] | None:
    """Ask for a file (default folder + ``file_name``), write ``data`` atomically off the UI thread, then
    confirm where it went; ``saved`` is told the path too."""
    target = choose_save_path(parent, default_folder(state) / file_name)
    if target is None:
        return None
    state.set(FOLDER_STATE, str(target.parent))
    def done(path: Path) -> None:
        confirm_saved(parent, path)
        if saved is not None:
            saved(path)

    def failed(exc: Exception) -> None:
        QMessageBox.warning(parent, _("Not saved"), problem_text(exc))

    return Job(lambda _report: write_pdf(target, data)).success(done).failure(failed).start()


def problem_text(exc: Exception) -> str:
    if isinstance(exc, (PrintError, ServiceError)):
        return str(exc)
    log.error("a document could not be made", exc_info=exc)
    return _("An unexpected problem occurred ({exc}).").format(exc=exc)


class DocumentDialog(QDialog):
    """Preview of one registry document; Save as PDF… and Print… act on the PDF shown."""

    def __init__(self, parent: QWidget, services: Services, state: UiState, request: DocumentRequest) -> None:
        super().__init__(parent)
        self.services = services
        self.state = state
        self.request = request
        self.built: Built | None = None
        self.saved: Path | None = None
        self._printer: QPrinter | None = None
        self.setWindowTitle(_("Print preview – {title}").format(title=_(document(request.key).title)))
        self.resize(760, 640)
        self.preview = PdfPreview()
        self.save_button = QPushButton(_("Save as PDF…"))
        self.print_button = QPushButton(_("Print…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.clicked.connect(lambda: self.print_document())
        layout = QVBoxLayout(self)
        layout.addLayout(self._language_row(services, request))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.job: Job[Built] | None = None
        self._generation = 0
        self._build()

    def _language_row(self, services: Services, request: DocumentRequest) -> QHBoxLayout:
        """The document's language (any of the seven, whatever the window speaks) and, for participant
        documents, a second language printed beside it."""
        row = QHBoxLayout()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("documentLanguage")
        self.language_combo.setAccessibleName(_("Document language"))
        for code in LANGUAGES:
            self.language_combo.addItem(NATIVE_NAMES[code], code)
        current = i18n.normalise(request.language or load_settings(services).language or i18n.interface_language())
        self.language_combo.setCurrentIndex(self.language_combo.findData(current))
        label = QLabel(_("&Language:"))
        label.setBuddy(self.language_combo)
        row.addWidget(label)
        row.addWidget(self.language_combo)
        self.second_combo = QComboBox()
        self.second_combo.setObjectName("secondLanguage")
        self.second_combo.setAccessibleName(_("Second language"))
        self.second_combo.addItem(_("None"), "")
        for code in LANGUAGES:
            self.second_combo.addItem(NATIVE_NAMES[code], code)
        self.second_combo.setCurrentIndex(max(0, self.second_combo.findData(request.second_language or "")))
        bilingual = "second_language" in document(request.key).accepts
        second_label = QLabel(_("&Second language:"))
        second_label.setBuddy(self.second_combo)
        second_label.setVisible(bilingual)
        self.second_combo.setVisible(bilingual)
        row.addWidget(second_label)
        row.addWidget(self.second_combo)
        row.addStretch(1)
        self.request = replace(request, language=current)
        self.language_combo.currentIndexChanged.connect(self._languages_changed)
        self.second_combo.currentIndexChanged.connect(self._languages_changed)
        return row

    def _languages_changed(self) -> None:
        self.request = replace(self.request, language=str(self.language_combo.currentData()),
                               second_language=str(self.second_combo.currentData() or "") or None)
        self._build()

    def _build(self) -> None:
        self._set_ready(False)
        self.preview.set_updating()
        request, services = self.request, self.services
        self._generation += 1
        generation = self._generation
        self.job = (Job(lambda _report: build(services, request))
                    .success(lambda built: self._shown(built, generation)).failure(self._failed).start())

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _shown(self, built: Built, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # an older build finished after another language was chosen
        self.built = built
        self.preview.set_busy(False)
        self.preview.show_pdf(built.data, built.title or _(document(self.request.key).title))
        self._set_ready(True)

    def _failed(self, exc: Exception) -> None:
        self.preview.set_busy(False)
        self.preview.clear(_("No preview"))
        QMessageBox.warning(self, _("Not printed"),
            _("The document could not be made: {problem_text}").format(problem_text=problem_text(exc)))

    def save_as(self) -> Job[Path] | None:
        if self.built is None:
            return None

        def saved(path: Path) -> None:
            self.saved = path

        return save_pdf(self, self.state, self.built.data, self.built.file_name, saved)

    def print_document(self) -> Job[int] | None:
        if self.built is None:
            return None
        printer = make_printer(self.built)
        if not ask_printer(self, printer):
            return None
        self._printer = printer  # kept alive while the worker paints on it
        data = self.built.data

        def sent(pages: int) -> None:
            self._printer = None
            QMessageBox.information(self, _("Printed"), ngettext("Sent {pages} page to the printer.",
                "Sent {pages} pages to the printer.", pages)
                .format(pages=pages))

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, _("Not printed"), problem_text(exc))

        return Job(lambda report: print_bytes(data, printer, report)).success(sent).failure(failed).progress(
            self, _("Printing…")).start()


def make_printer(built: Built) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(built.paper))
    printer.setDocName(built.file_name.removesuffix(".pdf"))
    return printer


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system print dialog (tests replace this function: a printer is the one thing they may mock)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_bytes(data: bytes, printer: QPrinter, report: Any) -> int:
    """Runs on a worker thread: the PDF through a temporary file onto ``printer`` (≤ 300 dpi)."""
    fd, path = tempfile.mkstemp(prefix="inducci-print-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return print_pdf(path, printer, report)
    finally:
        os.unlink(path)


def show_document(parent: QWidget, services: Services, state: UiState, request: DocumentRequest) -> DocumentDialog:
    """Open the preview of ``request`` (non-modal; the dialog is returned so callers and tests can follow it)."""
    dialog = DocumentDialog(parent, services, state, request)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
