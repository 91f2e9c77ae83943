"""The runner on the local (SQLite) database: there is no other client to notify it, but changes made
elsewhere in the app reach it through the same change signal. A bundle imported while the assessment is open
shows the answers it brings in place; one imported while another page is shown appears when the person comes
back; what the person is typing is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.exchange.service import ExportSelection

from .conftest import type_text
from .test_checklists_page import setup
from .test_live_updates import answer_next_changed_elsewhere

ALL = ExportSelection(everything=True)
LEFT = Qt.MouseButton.LeftButton


@contextmanager
def colleague(root: Path) -> Iterator[Services]:
    paths = AppPaths.resolve(root)
    paths.ensure()
    with open_services(paths) as services:
        services.prepare()
        yield services


def nav_to(app: Any, qtbot: Any, page_id: str) -> None:
    nav = app.window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == page_id)
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())


def test_an_import_shows_its_answers_in_the_open_assessment_in_place(launch: Any, qtbot: Any,
                                                                      tmp_path: Path) -> None:
    app = launch()
    page, service = setup(app)
    made = service.create("own-test", "Plzeň – výchozí stav")
    service.set_answer(made.id, "q-ynp", "yes")
    page.reload()
    page.open_assessment(made.id)
    runner = page.runner
    app.services.exchange.export(tmp_path / "to-colleague.inducci", ALL)
    with colleague(tmp_path / "colleague") as other:
        other.exchange.import_file(tmp_path / "to-colleague.inducci")
        other.checklists.set_answer(made.id, "q-ynp", "partly")
        other.checklists.set_note(made.id, "q-scale", "Quelle: Kammer Győr")
        other.checklists.set_answer(made.id, "q-choice", "b")
        other.exchange.export(tmp_path / "back-1.inducci", ALL)
        other.checklists.set_answer(made.id, "q-multi", ["a", "c"])
        other.exchange.export(tmp_path / "back-2.inducci", ALL)

    # typing a note of my own on the choice item, not saved yet
    note = runner.cards["q-choice"].note
    note.edit.setFocus()
    type_text(note.edit, "meine Notiz")
    assert runner.cards["q-choice"].has_unsaved()
    steps = app.window.undo_stack.count()
    app.services.exchange.import_file(tmp_path / "back-1.inducci")  # as when a bundle is opened meanwhile
    qtbot.waitUntil(lambda: runner.cards["q-ynp"].editor.value() == "partly", timeout=2000)
    assert runner.cards["q-scale"].note.edit.text() == "Quelle: Kammer Győr"
    assert runner.cards["q-choice"].editor.value() is None  # left alone while its note is being typed
    assert note.edit.text() == "meine Notiz" and QApplication.focusWidget() is note.edit
    assert app.window.undo_stack.count() == steps and runner.progress.value() == 1
    # leaving the note saves it: the answer moved on meanwhile, so it asks; Keep both keeps their choice too
    seen: list[str] = []
    answer_next_changed_elsewhere("keepBoth", seen)
    qtbot.keyClick(note.edit, Qt.Key.Key_Tab)
    assert seen and seen[0].startswith("Changed by")
    stored = service.get(made.id)
    assert (stored.value("q-choice"), stored.note("q-choice")) == ("b", "meine Notiz")
    assert runner.cards["q-choice"].editor.value() == "b" and not runner.cards["q-choice"].has_unsaved()

    # imported while another page is shown: there when the person comes back
    nav_to(app, qtbot, "library")
    app.services.exchange.import_file(tmp_path / "back-2.inducci")
    assert not runner.isVisible() and runner.cards["q-multi"].editor.value() is None  # read when shown again
    nav_to(app, qtbot, "checklists")
    assert page.stack.currentWidget() is runner
    qtbot.waitUntil(lambda: runner.cards["q-multi"].editor.value() == ["a", "c"], timeout=2000)
    assert runner.progress.value() == 3 and runner.cards["q-choice"].note.edit.text() == "meine Notiz"
