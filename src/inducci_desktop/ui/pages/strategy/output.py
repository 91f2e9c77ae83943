"""Printing and exporting from the Strategy page: the preview dialog of the document registry (PDF), and the
DOCX export (asked for a file like "Save as PDF…", written atomically off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.documents import DocumentRequest
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.widgets import document_dialog
from inducci_desktop.ui.widgets.document_dialog import DocumentDialog, show_document


def preview(parent: QWidget, context: PageContext, key: str, record: str) -> DocumentDialog:
    return show_document(parent, context.services, context.state, DocumentRequest(key, record))


def export_docx(parent: QWidget, context: PageContext, key: str, record: str) -> Job[Path] | None:
    from inducci_desktop.services.strategy.documents import docx_name, write_docx

    request = DocumentRequest(key, record)
    services = context.services
    try:
        name = docx_name(services, request)
    except Exception as exc:  # a message for the user, never a traceback
        QMessageBox.warning(parent, _("Not exported"), document_dialog.problem_text(exc))
        return None
    target = document_dialog.choose_save_path(parent, document_dialog.default_folder(context.state) / name)
    if target is None:
        return None
    context.state.set(document_dialog.FOLDER_STATE, str(target.parent))

    def failed(exc: Exception) -> None:
        QMessageBox.warning(parent, _("Not exported"), document_dialog.problem_text(exc))

    def done(path: Path) -> None:
        document_dialog.confirm_saved(parent, path)

    return Job(lambda _report: write_docx(target, services, request)).success(done).failure(failed).start()
