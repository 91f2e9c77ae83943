"""The Workshops page's "Print ▸" menu: one entry per workshop document of the registry, each opening the
preview dialog (ui/widgets/document_dialog.py), from which the user saves or prints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.documents import DocumentRequest
from inducci_desktop.services.workshops.documents import KINDS, key
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.widgets.document_dialog import DocumentDialog, show_document


def print_menu(parent: QWidget, context: PageContext, current: Callable[[], str | None]) -> QMenu:
    menu = QMenu(parent)
    for kind, (label, _title) in KINDS.items():
        action = menu.addAction(_(label) + "…")
        action.setObjectName(f"print-{kind}")
        action.triggered.connect(_opener(parent, context, current, kind))
    return menu


def _opener(parent: QWidget, context: PageContext, current: Callable[[], str | None],
            kind: str) -> Callable[[], None]:
    def run() -> None:
        preview_document(parent, context, current(), kind)
    return run


def preview_document(parent: QWidget, context: PageContext, workshop_id: str | None,
                     kind: str) -> DocumentDialog | None:
    if workshop_id is None:
        return None
    return show_document(parent, context.services, context.state, DocumentRequest(key(kind), workshop_id))
