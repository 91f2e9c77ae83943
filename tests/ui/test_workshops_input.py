"""The Workshops page driven as a person drives it: clicks, typing, Enter, Tab, Ctrl+Q, Ctrl+Z; results
checked in the database. Each test covers a defect a new user ran into."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from inducci_desktop.services.demo import load_demo
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage
from inducci_desktop.ui.widgets.region_picker import AddRegionDialog

from .conftest import Dialogs, type_text
from .gui_input import choose, click, on_next_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def open_page(app: RunningApp) -> WorkshopsPage:
    app.window.resize(1100, 720)
    app.window.activateWindow()
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    return page


def new_workshop(qtbot: Any, page: WorkshopsPage, title: str) -> str:
    def answer(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        type_text(edit, title)
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    on_next_dialog(answer, kind=QInputDialog)
    click(qtbot, page.list.new_button)
    activate(qtbot, page.window())
    workshop_id = page.list.current_id()
    assert workshop_id is not None
    return workshop_id


def activate(qtbot: Any, window: QWidget) -> None:
    """Back to the main window after a dialog (the offscreen platform does not do it by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    type_text(widget, text)


def test_details_typed_then_ctrl_q_are_there_after_reopening(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Szkolenie w Żywcu")
    type_into(qtbot, page.details.venue, "Starostwo Powiatowe, sala 204")
    type_into(qtbot, page.details.place, "Żywiec")
    type_into(qtbot, page.details.objectives, "Poznać przemysły kreatywne regionu")  # saved on no focus-out
    # at once, before any pause or focus change; through the window, so the shortcut map sees it
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Q, CTRL)
    assert not app.window.isVisible()
    app.shutdown()

    again = launch()
    stored = again.services.workshops.get(workshop_id)
    assert (stored.venue, stored.place) == ("Starostwo Powiatowe, sala 204", "Żywiec")
    assert stored.objectives == "Poznać przemysły kreatywne regionu"
    page = open_page(again)
    assert page.details.venue.text() == "Starostwo Powiatowe, sala 204"


def test_details_save_on_focus_out_and_undo_with_ctrl_z(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Workshop in Ostrava")
    type_into(qtbot, page.details.venue, "Krajský úřad, Ostrava")
    qtbot.keyClick(page.details.venue, Qt.Key.Key_Tab)  # focus moves on: saved at once
    assert app.services.workshops.get(workshop_id).venue == "Krajský úřad, Ostrava"
    assert "saved" in page.details.state.text()
    click(qtbot, page.list.table.viewport())
    qtbot.keyClick(page.list.table, Qt.Key.Key_Z, CTRL)
    assert app.services.workshops.get(workshop_id).venue == ""
    assert page.details.venue.text() == ""
    # a refused save says why under the form and stores nothing
    click(qtbot, page.details.title)
    page.details.title.selectAll()
    qtbot.keyClick(page.details.title, Qt.Key.Key_Delete)
    qtbot.keyClick(page.details.title, Qt.Key.Key_Tab)
    assert "needs a title" in page.details.error.text()
    assert app.services.workshops.get(workshop_id).title == "Workshop in Ostrava"


def agenda_ready(qtbot: Any, app: RunningApp) -> WorkshopsPage:
    page = open_page(app)
    new_workshop(qtbot, page, "Agenda test")
    click(qtbot, page.details.add_day_button)
    click(qtbot, page.tabs.tabBar())  # nothing special: the tab is chosen below by its label
    page.tabs.setCurrentWidget(page.agenda)
    return page


def test_add_block_uses_the_chosen_format_and_free_text_opens_the_title_editor(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    new_workshop(qtbot, page, "Agenda test")
    click(qtbot, page.details.add_day_button)
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(page.tabs.indexOf(page.agenda)).center())
    agenda = page.agenda
    choose(qtbot, agenda.format, "Networking lunch")
    click(qtbot, agenda.add_button)
    block = agenda.model.blocks[0]
    assert block.title == "Networking lunch" and block.format_id == "format-networking-lunch"
    assert block.duration == 45 and block.materials

    choose(qtbot, agenda.format, "Free text block")
    click(qtbot, agenda.add_button)
    assert agenda.table.state() == QAbstractItemView.State.EditingState
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "Powitanie – cele szkolenia")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: agenda.table.state() != QAbstractItemView.State.EditingState)  # commits queued
    day = app.services.workshops.agenda_day(agenda.day.currentData())
    assert [b.title for b in day.blocks] == ["Networking lunch", "Powitanie – cele szkolenia"]


def test_agenda_cell_edits_survive_tab_without_qt_warnings(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    new_workshop(qtbot, page, "Agenda test")
    click(qtbot, page.details.add_day_button)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    click(qtbot, agenda.add_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.wait(20)
    click(qtbot, agenda.add_break_button)
    table = agenda.table
    rect = table.visualRect(agenda.model.index(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = focused()
    editor.selectAll()  # type: ignore[attr-defined]
    type_text(editor, "Mapa kreativců v Ústí")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits, opens the next cell (Minutes)
    qtbot.wait(50)
    editor = focused()
    assert editor is not table
    editor.selectAll()  # type: ignore[attr-defined]
    type_text(editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.wait(50)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    stored = app.services.workshops.agenda_day(agenda.day.currentData()).blocks[0]
    assert (stored.title, stored.duration) == ("Mapa kreativců v Ústí", 50)


def test_region_picker_warns_on_near_duplicates_in_details_and_new_assessment(launch: Any, qtbot: Any) -> None:
    app = launch()
    silesia = app.services.regions.add("Śląskie (Silesia)")
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Regions")
    seen: list[str] = []

    def use_existing(dialog: QDialog) -> None:
        assert isinstance(dialog, AddRegionDialog)
        type_text(dialog.name, "SLASKIE")
        seen.append(dialog.warning.text())
        assert dialog.use_existing.isVisible()
        click(qtbot, dialog.use_existing)

    on_next_dialog(use_existing, kind=AddRegionDialog)
    choose(qtbot, page.details.region, "Add region…")
    activate(qtbot, app.window)
    assert "Śląskie (Silesia)" in seen[0]
    assert app.services.workshops.get(workshop_id).region_id == silesia.id
    assert len(app.services.regions.list()) == 1

    def add_new(dialog: QDialog) -> None:
        assert isinstance(dialog, AddRegionDialog)
        type_text(dialog.name, "Małopolskie")
        assert not dialog.use_existing.isVisible() and dialog.warning.text() == ""
        click(qtbot, dialog.add_button)

    on_next_dialog(add_new, kind=AddRegionDialog)
    choose(qtbot, page.details.region, "Add region…")
    activate(qtbot, app.window)
    added = next(r for r in app.services.regions.list() if r.name == "Małopolskie")
    assert app.services.workshops.get(workshop_id).region_id == added.id
    assert page.details.region.currentText() == "Małopolskie"

    # the same picker in Checklists ▸ New assessment
    app.window.show_page("checklists")
    checklists = app.window.pages["checklists"]

    def new_assessment(dialog: QDialog) -> None:
        type_text(dialog.title_edit, "Silesia, spring")  # type: ignore[attr-defined]
        on_next_dialog(use_existing, kind=AddRegionDialog)
        choose(qtbot, dialog.region_picker, "Add region…")  # type: ignore[attr-defined]
        box = dialog.findChild(QDialogButtonBox)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    on_next_dialog(new_assessment)
    click(qtbot, checklists.new_button)  # type: ignore[attr-defined]
    created = [a for a in app.services.checklists.list() if a.title == "Silesia, spring"]
    assert len(created) == 1 and created[0].region_id == silesia.id
    assert len(app.services.regions.list()) == 2


def test_enter_adds_from_every_field_and_button_and_rows_start_empty(launch: Any, qtbot: Any,
                                                                     dialogs: Dialogs) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Enter test")
    page.tabs.setCurrentWidget(page.outcomes)
    outcomes = page.outcomes
    type_into(qtbot, outcomes.outcome_text, "A help desk for creatives")
    qtbot.keyClick(outcomes.outcome_text, Qt.Key.Key_Return)
    type_into(qtbot, outcomes.outcome_text, "Monthly meetings")
    outcomes.add_outcome_button.setFocus()
    qtbot.keyClick(outcomes.add_outcome_button, Qt.Key.Key_Return)
    type_into(qtbot, outcomes.action_text, "Call the design studio")
    type_into(qtbot, outcomes.owner, "Zofia Wójcik")
    qtbot.keyClick(outcomes.owner, Qt.Key.Key_Return)  # Enter in Owner adds, as in the other fields
    type_into(qtbot, outcomes.action_text, "Send the photos")
    outcomes.add_action_button.setFocus()
    qtbot.keyClick(outcomes.add_action_button, Qt.Key.Key_Return)
    results = app.services.workshops.results
    assert [o.text for o in results.outcomes(workshop_id)] == ["A help desk for creatives", "Monthly meetings"]
    assert sorted((a.text, a.owner) for a in results.actions(workshop_id)) == [
        ("Call the design studio", "Zofia Wójcik"), ("Send the photos", "")]

    page.tabs.setCurrentWidget(page.participants)
    people = page.participants
    type_into(qtbot, people.name, "Věra Dvořáková")
    type_into(qtbot, people.organisation, "Mikroregion Sokolov")
    type_into(qtbot, people.department, "Kancelář")
    qtbot.keyClick(people.department, Qt.Key.Key_Return)
    assert [f.text() for f in (people.name, people.organisation, people.department, people.email)] == [""] * 4
    click(qtbot, people.add_button)  # no name: said beside the button, no message box
    assert "name" in people.name_problem.text() and dialogs.shown == []
    assert [p.name for p in app.services.workshops.people.participants(workshop_id)] == ["Věra Dvořáková"]


def test_check_in_enter_marks_only_a_single_match_and_names_the_day(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Check-in test")
    click(qtbot, page.details.add_day_button)  # the first day is two weeks ahead
    page.tabs.setCurrentWidget(page.participants)
    for name in ("Jan Sokolov", "Petr Sokolov", "Anna Nováková"):
        type_into(qtbot, page.participants.name, name)
        qtbot.keyClick(page.participants.name, Qt.Key.Key_Return)
    page.tabs.setCurrentWidget(page.checkin)
    checkin = page.checkin
    heading = checkin.table.model().headerData(2, Qt.Orientation.Horizontal)
    assert "today" not in heading.casefold() and heading.startswith("Day 1")
    type_into(qtbot, checkin.search, "sokolov")
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    assert "2 people match" in checkin.hint.text()
    assert not any(p.present for p in app.services.workshops.people.participants(workshop_id))
    type_text(checkin.search, " jan")
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    present = [p.name for p in app.services.workshops.people.participants(workshop_id) if p.present]
    assert present == ["Jan Sokolov"] and "Jan Sokolov marked present" in checkin.hint.text()


def test_one_feedback_form_is_one_form_and_a_bad_rating_is_said_inline(launch: Any, qtbot: Any,
                                                                        dialogs: Dialogs) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(qtbot, page, "Feedback test")
    page.tabs.setCurrentWidget(page.feedback)
    first = next(iter(page.feedback.inputs.values()))
    type_into(qtbot, first, "9")
    click(qtbot, page.feedback.save_button)
    assert "Not saved" in page.feedback.problem.text() and dialogs.shown == []
    assert first.text() == "9" and app.services.workshops.results.summary(workshop_id).responses == 0
    first.selectAll()
    type_text(first, "5")
    click(qtbot, page.feedback.save_button)
    assert page.feedback.problem.text() == ""
    assert "1 form entered" in page.feedback.summary_label.text()


def _rect(widget: QWidget, relative_to: QWidget) -> Any:
    return widget.geometry().translated(widget.parentWidget().mapTo(relative_to, QPoint(0, 0)))


def test_workshops_page_fits_1100_by_720(launch: Any, qtbot: Any) -> None:
    app = launch()
    load_demo(app.services)
    app.window.resize(1100, 720)
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    page.list.reload()
    page.list.table.selectRow(0)
    qtbot.wait(50)
    assert app.window.size().width() == 1100

    # the title wraps beside the Print button instead of running under it
    title, button = _rect(page.title, page), _rect(page.print_button, page)
    assert title.right() < button.left()
    assert page.title.height() >= page.title.heightForWidth(page.title.width())
    # workshop titles in the list are whole, not "Kompe…"
    table = page.list.table
    index = page.list.model.index(0, 0)
    text = index.data()
    needed = table.fontMetrics().boundingRect(0, 0, table.columnWidth(0) - 8, 10000,
                                              int(Qt.TextFlag.TextWordWrap), text).height()
    assert table.columnWidth(0) >= 200 and table.rowHeight(0) >= needed

    page.tabs.setCurrentWidget(page.participants)
    qtbot.wait(50)
    people = page.participants
    for field in (people.name, people.organisation, people.department, people.email):
        assert field.width() >= 200, field.accessibleName()
    for b in (people.export_button, people.erase_button, people.add_button):
        assert b.isVisible() and b.width() >= b.sizeHint().width(), b.text()

    page.tabs.setCurrentWidget(page.feedback)
    qtbot.wait(50)
    feedback = page.feedback
    entry, summary = _rect(feedback.entry, feedback), _rect(feedback.summary_area, feedback)
    assert not entry.intersects(summary)
    comments = [e for q, e in zip(feedback.questions, feedback.inputs.values(), strict=True) if q.kind == "text"]
    assert comments and all(e.width() >= 200 for e in comments)
    chart = feedback.chart
    assert chart.width() <= feedback.summary_area.viewport().width()
    assert chart.height() >= chart.sizeHint().height()
    assert feedback.save_button.width() >= feedback.save_button.sizeHint().width()

    page.tabs.setCurrentWidget(page.checkin)
    qtbot.wait(50)
    checkin = page.checkin
    assert checkin.search.width() >= 400  # the hint in it can be read
    header = checkin.table.horizontalHeader()
    assert header.sectionSize(2) >= header.sectionSizeFromContents(2).width()  # "Day 1 (12 Nov 2026)" whole

    page.tabs.setCurrentWidget(page.outcomes)
    qtbot.wait(50)
    assert page.outcomes.outcome_text.width() >= 300 and page.outcomes.action_text.width() >= 200
    assert page.outcomes.owner.width() >= 100
