"""Live updates in the window: with the data on a server, an assessment another person saves appears in the
open list of assessments within a second, without any click; answers they save appear in the assessment open
in the runner, in place, leaving alone what is being typed."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from inducci_desktop.app import run
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.checklists.demo import TEMPLATE
from inducci_desktop.store.location import parse_database_url
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage

from ..services.test_checklists import own_template
from .conftest import Dialogs, type_text
from .gui_input import on_next_dialog
from .test_checklists_page import page_of


def test_an_assessment_saved_on_another_machine_appears_without_a_click(qtbot: Any, tmp_path: Path,
                                                                       dialogs: Dialogs, pg_database: str) -> None:
    app = run(["--data-dir", str(tmp_path / "mine"), "--database-url", pg_database], exec=False)
    other_paths = replace(AppPaths.resolve(tmp_path / "colleague"), location=parse_database_url(pg_database))
    other_paths.ensure()
    try:
        qtbot.waitUntil(lambda: app.ready, timeout=30000)
        assert app.services is not None and not dialogs.shown
        listener = app.services.store.db.listener
        assert listener is not None
        qtbot.waitUntil(listener.connected.is_set, timeout=10000)
        app.window.show_page("checklists")
        page = app.window.pages["checklists"]
        assert isinstance(page, ChecklistsPage) and page.isVisible()
        assert page.model.rowCount() == 0

        with open_services(other_paths) as colleague:
            title = "Stan wyjściowy – Łódź / Plzeň"
            started = time.perf_counter()
            made = colleague.checklists.create(TEMPLATE, title)
            qtbot.waitUntil(lambda: any(a.id == made.id for a in page.model.rows), timeout=1000)
            shown_after = time.perf_counter() - started
        print(f"\nanother machine's new assessment shown in the open list after {shown_after * 1000:.0f} ms")
        assert [a.title for a in page.model.rows] == [title]
        assert "1 assessment" in page.count_label.text()
    finally:
        app.shutdown()


def answer_next_changed_elsewhere(button: str, seen: list[str]) -> None:
    """Click ``button`` (reload / overwrite / keepBoth) in the next "Changed elsewhere" question."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox) and dialog.objectName() == "changedElsewhere"
        seen.append(dialog.text())
        found = dialog.findChild(QPushButton, button)
        assert found is not None
        found.click()

    on_next_dialog(answer, kind=QMessageBox)


def test_the_open_assessment_shows_what_another_person_saves_and_keeps_what_is_being_typed(
        qtbot: Any, tmp_path: Path, dialogs: Dialogs, pg_database: str) -> None:
    app = run(["--data-dir", str(tmp_path / "mine"), "--database-url", pg_database], exec=False)
    other_paths = replace(AppPaths.resolve(tmp_path / "colleague"), location=parse_database_url(pg_database))
    other_paths.ensure()
    try:
        qtbot.waitUntil(lambda: app.ready, timeout=30000)
        listener = app.services.store.db.listener
        assert listener is not None
        qtbot.waitUntil(listener.connected.is_set, timeout=10000)
        with open_services(other_paths) as colleague:
            colleague.identity.set_name("Anna Nowak")
            colleague.checklists.templates.save(own_template())
            made = colleague.checklists.create("own-test", "Gorenjska – ocena")
            colleague.checklists.set_answer(made.id, "q-ynp", "yes")

            page = page_of(app)
            qtbot.waitUntil(lambda: page.model.row_of(made.id) >= 0, timeout=3000)
            page.select_ids([made.id])
            page.table.setFocus()
            qtbot.keyClick(page.table, Qt.Key.Key_Return)
            runner = page.runner
            assert page.stack.currentWidget() is runner and runner.view is not None
            ynp = runner.cards["q-ynp"]
            assert ynp.editor.value() == "yes"

            # my answers: a text (saved) and a number being typed that does not parse yet (not saved)
            qtbot.keyClick(ynp.editor.buttons[0], Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            assert runner.sections.currentRow() == 1
            text = runner.cards["q-text"].editor
            number = runner.cards["q-number"].editor
            number.edit.setFocus()
            type_text(number.edit, "12x")
            text.edit.setFocus()  # the number's field is left: its text is checked, not saved
            assert not number.error.isHidden()
            type_text(text.edit, "Łódź")
            qtbot.waitUntil(lambda: runner.saved.text().startswith("✓ Saved"), timeout=3000)
            qtbot.keyClick(text.edit, Qt.Key.Key_Home)
            qtbot.keyClick(text.edit, Qt.Key.Key_Right)
            qtbot.keyClick(text.edit, Qt.Key.Key_Right)
            steps = runner.undo_stack.count()
            cards = dict(runner.cards)

            started = time.perf_counter()
            colleague.checklists.set_answer(made.id, "q-ynp", "no")
            colleague.checklists.set_answer(made.id, "q-text", "Łódź – Plzeň")
            colleague.checklists.set_note(made.id, "q-number", "from the chamber")
            colleague.checklists.set_answer(made.id, "q-number", 7)
            qtbot.waitUntil(lambda: ynp.editor.value() == "no" and text.edit.text() == "Łódź – Plzeň", timeout=2000)
            print(f"\nanother person's answers shown in the open assessment after "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
            stored = colleague.checklists.get(made.id)
            # in place: the same cards, the focus and the cursor where they were, no step added to undo
            assert runner.cards == cards and QApplication.focusWidget() is text.edit
            assert text.edit.cursorPosition() == 2
            assert runner.undo_stack.count() == steps
            assert runner.versions["q-ynp"] == stored.answers["q-ynp"].row_version
            assert runner.versions["q-text"] == stored.answers["q-text"].row_version
            assert "Anna Nowak" in runner.saved.text()
            # the number being typed is left alone, with the version it was typed over
            qtbot.wait(200)
            assert number.edit.text() == "12x" and runner.cards["q-number"].note.edit.text() == ""
            assert runner.versions.get("q-number", 0) == 0

            # finishing it: the save asks (theirs came meanwhile); Overwrite keeps mine
            seen: list[str] = []
            number.edit.setFocus()
            qtbot.keyClick(number.edit, Qt.Key.Key_Backspace)
            answer_next_changed_elsewhere("overwrite", seen)
            qtbot.keyClick(number.edit, Qt.Key.Key_Tab)
            assert seen and seen[0].startswith("Changed by Anna Nowak")
            assert colleague.checklists.get(made.id).value("q-number") == 12

            # undoing my text after Anna changed it: asked first, not undone unseen; Reload keeps hers
            answer_next_changed_elsewhere("reload", seen)
            app.window.undo_action.trigger()  # the number
            app.window.undo_action.trigger()  # my text, which Anna has replaced since
            assert len(seen) == 2 and colleague.checklists.get(made.id).value("q-text") == "Łódź – Plzeň"
            assert text.edit.text() == "Łódź – Plzeň"
        assert not dialogs.shown
    finally:
        app.shutdown()
