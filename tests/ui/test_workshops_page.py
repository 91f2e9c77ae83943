"""The Workshops page through pytest-qt: create, details, agenda with undo and drag-and-drop, CSV import,
check-in filtering, erasure (confirmed), outcomes, feedback entry and printing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage

from .conftest import Dialogs, type_text


def open_page(app: RunningApp) -> WorkshopsPage:
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    return page


def new_workshop(page: WorkshopsPage, monkeypatch: Any, title: str) -> str:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (title, True)))
    page.list.new_button.click()
    workshop_id = page.list.current_id()
    assert workshop_id is not None
    return workshop_id


def titles(page: WorkshopsPage) -> list[str]:
    return [b.title for b in page.agenda.model.blocks]


def test_create_plan_agenda_with_undo_and_drag(launch: Any, qtbot: Any, monkeypatch: Any) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Szkolenie CCI w Żywcu")
    assert "Szkolenie CCI w Żywcu" in page.title.text()
    details = page.details
    details.days.add_day()
    details.days.add_day()
    type_text(details.venue, "Starostwo Powiatowe, Żywiec")
    assert details.save()
    view = app.services.workshops.get(workshop_id)
    assert len(view.days) == 2 and view.venue == "Starostwo Powiatowe, Żywiec"

    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    index = next(i for i in range(agenda.format.count()) if agenda.format.itemData(i)
                 and agenda.format.itemData(i).id == "format-networking-lunch")
    agenda.format.setCurrentIndex(index)
    assert agenda.minutes.value() == 45
    agenda.add_block()
    agenda.add_block(kind="break")
    agenda.format.setCurrentIndex(0)
    agenda.minutes.setValue(30)
    agenda.table.clearSelection()
    agenda.add_block()
    assert titles(page) == ["Networking lunch", "Break", "New block"]
    model = agenda.model
    assert model.setData(model.index(2, 2), "Powitanie – cele szkolenia")
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["09:00", "09:45", "10:00"]

    # drag the last row to the top
    mime = model.mimeData([model.index(2, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(page) == ["Powitanie – cele szkolenia", "Networking lunch", "Break"]
    agenda.table.selectRow(1)
    agenda.move_current(1)  # what Ctrl+Down does
    assert titles(page) == ["Powitanie – cele szkolenia", "Break", "Networking lunch"]

    undo = app.window.undo_action
    undo.trigger()  # keyboard move
    undo.trigger()  # drag
    assert titles(page) == ["Networking lunch", "Break", "Powitanie – cele szkolenia"]
    undo.trigger()  # rename
    assert titles(page)[2] == "New block"
    app.window.redo_action.trigger()
    assert titles(page)[2] == "Powitanie – cele szkolenia"

    assert "still free" in agenda.status.text()
    agenda.minutes.setValue(900)
    agenda.add_block()
    assert "Does not fit" in agenda.status.text()


def test_csv_import_preview_then_check_in_and_erasure(launch: Any, qtbot: Any, monkeypatch: Any,
                                                      tmp_path: Path, dialogs: Dialogs) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Training in Kranj")
    page.details.days.add_day()
    assert page.details.save()
    csv_file = tmp_path / "people.csv"
    csv_file.write_bytes("Ime in priimek;Organizacija;E-mail;Soglasje\n"
                         "Urška Kranjc;Mestna občina Kranj;urska@example.si;da\n"
                         "Žiga Potočnik;BSC Kranj;;da\n"
                         "Łukasz Żmuda;Starostwo Żywiec;;tak\n"
                         ";missing name;;\n".encode("cp1250"))
    page.tabs.setCurrentWidget(page.participants)
    dialog = page.participants.import_csv(str(csv_file))
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert "Windows-1250" in dialog.summary.text() and "1 row has a problem" in dialog.summary.text()
    assert app.services.workshops.people.participants(workshop_id) == []  # nothing before Import
    assert dialog.import_button.text() == "Import 3 participants"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported == 3, timeout=5000)
    qtbot.waitUntil(lambda: page.participants.model.rowCount() == 3, timeout=5000)

    page.tabs.setCurrentWidget(page.checkin)
    checkin = page.checkin
    assert checkin.proxy.rowCount() == 3
    type_text(checkin.search, "lukasz zy")  # folded: finds Łukasz Żmuda of Żywiec
    assert checkin.proxy.rowCount() == 1
    qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    assert checkin.search.text() == "" and checkin.proxy.rowCount() == 3
    assert "1 of 3 present" in checkin.count.text()
    checkin.table.setFocus()
    checkin.table.selectRow(2)
    qtbot.keyClick(checkin.table, Qt.Key.Key_Space)
    assert "2 of 3 present" in checkin.count.text()
    people = {p.name: p for p in app.services.workshops.people.participants(workshop_id)}
    assert people["Łukasz Żmuda"].present and people["Žiga Potočnik"].present

    page.tabs.setCurrentWidget(page.participants)
    panel = page.participants
    row = next(r for r, p in enumerate(panel.model.rows) if p.name == "Urška Kranjc")
    panel.table.selectRow(row)
    export = tmp_path / "urska.json"
    panel.export_person(str(export))
    assert "Mestna občina Kranj" in export.read_text(encoding="utf-8")
    dialogs.answer = QMessageBox.StandardButton.No
    panel.erase_person()
    assert len(panel.model.rows) == 3  # declined: nothing erased
    dialogs.answer = QMessageBox.StandardButton.Yes
    panel.table.selectRow(row)
    panel.erase_person()
    assert [k for k, t, _ in dialogs.shown if t == "Erase person on request"] == ["question", "question"]
    assert "Urška Kranjc" not in [p.name for p in panel.model.rows]
    figures = app.services.workshops.people.figures(workshop_id, app.services.workshops.get(workshop_id).days)
    assert figures.registered == 3 and figures.erased == 1


def test_outcomes_feedback_and_print(launch: Any, qtbot: Any, monkeypatch: Any, tmp_path: Path) -> None:
    app = launch()
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Follow-up in Chemnitz")
    page.tabs.setCurrentWidget(page.outcomes)
    outcomes = page.outcomes
    type_text(outcomes.outcome_text, "Kreative brauchen eine Anlaufstelle im Rathaus")
    qtbot.keyClick(outcomes.outcome_text, Qt.Key.Key_Return)
    type_text(outcomes.action_text, "Ansprechperson benennen")
    type_text(outcomes.owner, "Jürgen Weiß")
    outcomes.add_action()
    assert outcomes.outcomes.count() == 1 and outcomes.action_table.rowCount() == 1
    assert app.services.workshops.results.actions(open_only=True)[0].owner == "Jürgen Weiß"

    page.tabs.setCurrentWidget(page.feedback)
    feedback = page.feedback
    edits = list(feedback.inputs.values())
    for edit, value in zip(edits, ("5", "4", "p", "Die Exkursion"), strict=False):
        type_text(edit, value)
    feedback.save_form()
    type_text(edits[0], "3")
    qtbot.keyClick(edits[-1], Qt.Key.Key_Return)  # Enter on the last field saves
    summary = app.services.workshops.results.summary(workshop_id)
    assert summary.responses == 2 and summary.questions[0].average == 4.0
    assert "2 forms" in feedback.summary_label.text()
    feedback.chart.resize(500, 300)
    assert not feedback.chart.grab().isNull()

    from .test_document_preview import answer_save_dialog, choose_in_menu, dialogs_under, preview_opened, save_from

    target = tmp_path / "report.pdf"
    answer_save_dialog(monkeypatch, target)
    before = dialogs_under(page)
    choose_in_menu(page.print_button, "Workshop report…")
    save_from(qtbot, preview_opened(qtbot, page, before), target)
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Follow-up in Chemnitz" in text and "Jürgen Weiß" in text


def test_copy_delete_and_restore(launch: Any, qtbot: Any, monkeypatch: Any) -> None:
    app = launch()
    page = open_page(app)
    new_workshop(page, monkeypatch, "Round one")
    page.list.copy_workshop()
    names = sorted(w.title for w in page.list.model.rows)
    assert names == ["Round one", "Round one (repeat)"]
    page.list.delete_or_restore()
    assert len(page.list.model.rows) == 1
    page.list.filter.setCurrentIndex(page.list.filter.findData("trash"))
    assert [w.title for w in page.list.model.rows] == ["Round one (repeat)"]
    page.list.table.selectRow(0)
    page.list.delete_or_restore()
    page.list.filter.setCurrentIndex(0)
    assert len(page.list.model.rows) == 2
