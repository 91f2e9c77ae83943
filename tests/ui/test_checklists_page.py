"""The Checklists page through pytest-qt: list and filter, runner by keyboard with autosave and undo,
completion, summary, comparison, the template editor."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inducci_desktop.ui.pages.checklists.editor import TemplateEditorDialog
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage

from ..services.test_checklists import own_template
from .conftest import Dialogs, type_text


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """Widgets left in reference cycles are collected here, not later by a GC run on a worker thread."""
    yield
    gc.collect()


def page_of(app: Any) -> ChecklistsPage:
    app.window.show_page("checklists")
    page = app.window.pages["checklists"]
    assert isinstance(page, ChecklistsPage)
    return page


def setup(app: Any) -> tuple[ChecklistsPage, Any]:
    service = app.services.checklists
    service.templates.save(own_template())
    page = page_of(app)
    return page, service


def test_list_filter_with_ctrl_f_trash_and_restore(launch: Any, qtbot: Any) -> None:
    app = launch()
    page, service = setup(app)
    one = service.create("own-test", "Śląskie spring", subject="Śląskie")
    service.create("own-test", "Gorenjska", subject="Gorenjska")
    page.reload()
    assert page.model.rowCount() == 2
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filter_edit
    qtbot.keyClicks(page.filter_edit, "slaskie")
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 of 2 assessments shown"
    page.filter_edit.clear()
    page.select_ids([one.id])
    page.delete_or_restore()
    assert [a.id for a in service.list()] != [one.id] and page.model.rowCount() == 1
    page.status_combo.setCurrentIndex(page.status_combo.findData("trash"))
    assert page.delete_button.text() == "Restore"
    page.select_ids([one.id])
    page.delete_or_restore()
    assert page.model.rowCount() == 0
    page.status_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 2


def test_runner_by_keyboard_saves_every_change_and_undoes(launch: Any, qtbot: Any) -> None:
    app = launch()
    page, service = setup(app)
    a = service.create("own-test", "Keyboard")
    page.reload()
    page.open_assessment(a.id)
    runner = page.runner
    assert page.stack.currentWidget() is runner
    card = runner.cards["q-ynp"]
    qtbot.keyClick(card.editor.buttons[0], Qt.Key.Key_P)  # letter keys answer yes/partly/no/n.a.
    assert service.get(a.id).value("q-ynp") == "partly"
    assert runner.saved.text().startswith("✓ Saved")
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert service.get(a.id).value("q-ynp") == "no"
    scale = runner.cards["q-scale"].editor
    qtbot.keyClick(scale.buttons[0], Qt.Key.Key_4)  # digits answer scale items
    assert service.get(a.id).value("q-scale") == 4
    multi = runner.cards["q-multi"].editor
    multi.boxes[1].click()
    multi.boxes[0].click()
    assert service.get(a.id).value("q-multi") == ["a", "b"]
    note = runner.cards["q-scale"].note
    type_text(note.edit, "Quelle: Kammer Győr")
    note.flush()
    assert service.get(a.id).note("q-scale") == "Quelle: Kammer Győr"

    runner.sections.setCurrentRow(1)
    text = runner.cards["q-text"].editor
    type_text(text.edit, "Łódź")
    qtbot.waitUntil(lambda: service.get(a.id).value("q-text") == "Łódź", timeout=3000)  # saved after a pause
    number = runner.cards["q-number"].editor
    type_text(number.edit, "abc")
    number.flush()
    assert not number.error.isHidden() and service.get(a.id).value("q-number") is None
    number.edit.clear()
    type_text(number.edit, "12,5")
    number.flush()
    assert service.get(a.id).value("q-number") == 12.5
    assert runner.progress.value() == 5

    undo = app.window.undo_action
    undo.trigger()  # the number
    assert service.get(a.id).value("q-number") is None and number.edit.text() == ""
    undo.trigger()  # the text
    assert service.get(a.id).value("q-text") is None
    app.window.redo_action.trigger()
    assert service.get(a.id).value("q-text") == "Łódź"


def test_complete_needs_required_items_then_summary_and_reopen(launch: Any, qtbot: Any, dialogs: Dialogs) -> None:
    app = launch()
    page, service = setup(app)
    a = service.create("own-test", "Complete me")
    page.reload()
    page.open_assessment(a.id)
    page.runner.cards["q-ynp"].editor.choose(0)
    page.runner.complete_or_reopen()
    assert dialogs.shown and "required" in dialogs.shown[-1][2] and "2.1 Name one" in dialogs.shown[-1][2]
    assert page.runner.sections.currentRow() == 1  # taken to the missing item
    text = page.runner.cards["q-text"].editor
    type_text(text.edit, "done")
    text.flush()
    page.runner.complete_or_reopen()
    assert page.stack.currentWidget() is page.summary
    assert "Total score: 100 %" in page.summary.total_label.text()
    assert service.get(a.id).summary.status == "completed"
    page.open_assessment(a.id)
    assert not page.runner.cards["q-ynp"].editor.isEnabled()  # read only until reopened
    page.runner.complete_or_reopen()
    assert service.get(a.id).summary.status == "draft"
    assert page.runner.cards["q-ynp"].editor.isEnabled()


def test_next_round_and_compare(launch: Any, qtbot: Any) -> None:
    app = launch()
    page, service = setup(app)
    first = service.create("own-test", "Kranj", assessed_on="2025-01-10")
    service.set_answer(first.id, "q-ynp", "no")
    page.reload()
    page.select_ids([first.id])
    page.next_round()
    second_id = page.runner.view.id  # type: ignore[union-attr]
    assert page.runner.view.summary.round == 2  # type: ignore[union-attr]
    page.runner.cards["q-ynp"].editor.choose(0)
    page.show_list()
    page.select_ids([second_id, first.id])
    assert page.compare_button.isEnabled()
    page.compare_selected()
    assert page.stack.currentWidget() is page.compare
    table = page.compare.scores
    assert table is not None
    assert table.item(0, 1).text() == "0 %" and table.item(0, 2).text() == "100 %"  # oldest first
    assert table.item(0, 3).text() == "+100 pts"


def test_template_editor_makes_a_new_version_when_used(launch: Any, qtbot: Any, dialogs: Dialogs) -> None:
    app = launch()
    page, service = setup(app)
    service.create("own-test", "uses v1")
    dialog = TemplateEditorDialog(page, service.templates, service.templates.template("own-test"))
    qtbot.addWidget(dialog)
    first_item = dialog._top(0).child(0)
    dialog.tree.setCurrentItem(first_item)
    dialog.item_form.text.setPlainText("Is there a current map?")
    dialog.add_item()
    dialog.item_form.type.setCurrentIndex(dialog.item_form.type.findData("choice"))
    dialog.item_form.options.setPlainText("a | Alpha | 1\nBeta option")
    dialog.save()
    assert dialog.result_ is not None and dialog.result_.new_version
    template = service.templates.template("own-test")
    assert template.version == 2
    assert template.sections[0].items[0].text == "Is there a current map?"
    added = template.sections[0].items[1]
    assert added.type == "choice" and [o.key for o in added.options] == ["a", "beta-option"]
    assert dialogs.shown and "version 2" in dialogs.shown[-1][2]


def test_template_editor_shows_validation_problems(launch: Any, qtbot: Any) -> None:
    app = launch()
    page, service = setup(app)
    template = replace(own_template(), id="own-other")
    dialog = TemplateEditorDialog(page, service.templates, template)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(dialog._top(0).child(2))  # the choice item
    dialog.item_form.options.setPlainText("")
    dialog.save()
    assert "needs 'options'" in dialog.error.text()
    assert all(t.id != "own-other" for t in service.templates.templates())
