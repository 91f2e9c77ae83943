"""Two people on one database in GUI tests: a second person's services over the window's database file (with
their own name), and the answer to the "Changed elsewhere" question through one of its named buttons."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton

from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store

from .gui_input import click, on_next_dialog


@contextmanager
def second_person(app: Any, name: str) -> Iterator[Services]:
    """Services of another person (``name`` recorded with their changes) over the database ``app`` has open."""
    store = Store(app.services.store.path, app.services.store.backups.folder, who=lambda: name)
    store.open(auto_backup=False)
    try:
        yield Services.over(app.services.paths, store)
    finally:
        store.close()


def answer_changed_elsewhere(qtbot: Any, button: str, seen: list[str]) -> None:
    """Answer the next "Changed elsewhere" question by clicking ``button`` (reload, overwrite, keepBoth); its
    headline is appended to ``seen``."""
    def answer(dialog: Any) -> None:
        seen.append(dialog.text())
        click(qtbot, dialog.findChild(QPushButton, button))

    on_next_dialog(answer, kind=QMessageBox)
