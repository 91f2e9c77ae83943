"""Printing a workshop's documents from the page: choose a file, render on a worker thread, save atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from inducci_desktop.services.workshops.service import WorkshopService
from inducci_desktop.ui.jobs import Job

#: kept in step with printing.workshop_docs.KINDS (not imported: ReportLab loads only when printing)
DOCUMENTS = (("agenda", "Agenda"), ("signin", "Sign-in sheet"), ("feedback", "Blank feedback form"),
             ("certificates", "Certificates of attendance"), ("report", "Workshop report"))


def render_to_file(workshops: WorkshopService, workshop_id: str, kind: str, target: Path) -> Path:
    """Runs on a worker thread: gather the data, make the PDF, save it atomically."""
    from inducci_desktop.printing.options import PrintOptions
    from inducci_desktop.printing.output import write_pdf
    from inducci_desktop.printing.workshops.documents import workshop_document

    kit = workshops.kit(workshop_id)
    options = PrintOptions(organisation=kit.workshop.organisation, region=kit.workshop.region)
    return write_pdf(target, lambda: workshop_document(kind, kit, options))


def print_menu(parent: QWidget, workshops: WorkshopService, current: Callable[[], str | None]) -> QMenu:
    menu = QMenu(parent)
    for kind, label in DOCUMENTS:
        action = menu.addAction(f"{label}…")
        action.triggered.connect(_printer(parent, workshops, current, kind, label))
    return menu


def _printer(parent: QWidget, workshops: WorkshopService, current: Callable[[], str | None], kind: str,
             label: str) -> Callable[[], None]:
    def run() -> None:
        print_document(parent, workshops, current(), kind, label)
    return run


def print_document(parent: QWidget, workshops: WorkshopService, workshop_id: str | None, kind: str, label: str,
                   path: str | None = None, *, open_after: bool = True) -> Job | None:
    if workshop_id is None:
        return None
    if path is None:
        title = workshops.get(workshop_id).title
        suggested = "".join(c if c.isalnum() else "-" for c in f"{label} {title}")[:80].strip("-") + ".pdf"
        path, _filter = QFileDialog.getSaveFileName(parent, f"Save {label.lower()} as PDF", suggested, "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path)

    def done(result: Path) -> None:
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result)))

    def failed(exc: Exception) -> None:
        QMessageBox.warning(parent, label, str(exc))

    return Job(lambda _report: render_to_file(workshops, workshop_id, kind, target)).success(done).failure(
        failed).progress(parent, f"Making the {label.lower()}…").start()
