"""The trainer's journey, driven only through real input at 1100×720: plan a two-day workshop with its place,
build the agenda from three toolbox formats and a free block, import participants from a CSV file, check
people in, record outcomes and an action, enter three paper feedback forms, print the sign-in sheet,
certificates and report through the preview, quit with Ctrl+Q and reopen: everything is still there.

The platform's file choosers are answered by replacing them with the user's pick
(``QFileDialog.getOpenFileName`` for the CSV file, ``document_dialog.choose_save_path`` for the PDFs, as the
printing tests do); results are checked in the database through the services, and in the PDFs written.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QWidget

from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.workshops.csv_dialog import CsvImportDialog
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage

from ..pseudo_locale import CODE
from ..ui.conftest import type_text
from ..ui.gui_input import choose, click, on_next_dialog
from ..ui.test_document_preview import answer_save_dialog, choose_in_menu, dialogs_under, preview_opened, save_from
from .journey import in_pseudo_locale, look

# in English and in the pseudo-locale (tests/pseudo_locale.py): there, every page, tab and dialog the trainer
# meets is checked for text that escaped translation or no longer fits
pytestmark = pytest.mark.parametrize("interface", ["en", CODE], indirect=True)

CTRL = Qt.KeyboardModifier.ControlModifier
TITLE = "Kompetencje CCI dla administracji – Żywiec 2026"
PEOPLE = ("Łukasz Żmuda", "Małgorzata Dębska", "Jiří Novák", "Věra Dvořáková", "Tomáš Řehoř")
CSV = ("Imię i nazwisko;Organizacja;Dział;E-mail;Zgoda\n"
       "Łukasz Żmuda;Starostwo Powiatowe w Żywcu;Wydział Rozwoju;;tak\n"
       "Małgorzata Dębska;Urząd Marszałkowski;Departament Gospodarki;m.debska@example.pl;tak\n"
       "Jiří Novák;Krajský úřad Karlovarského kraje;Odbor regionálního rozvoje;;ano\n"
       "Věra Dvořáková;Mikroregion Sokolov-východ;;;ano\n"
       "Tomáš Řehoř;Město Ostrava;Kancelář primátora;;ano\n")


def go_to(qtbot: Any, app: RunningApp, title: str) -> QWidget:
    nav = app.window.nav
    row = next(r for r in range(nav.count()) if nav.item(r).text() == _(title))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())
    page = app.window.stack.currentWidget()
    look(app, page)
    return page


def tab(qtbot: Any, app: RunningApp, page: WorkshopsPage, widget: QWidget) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(widget)).center())
    assert page.tabs.currentWidget() is widget
    look(app, page)


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    type_text(widget, text)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def back_to(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()  # the offscreen platform does not give activation back after a dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_trainer_plans_runs_and_reports_a_workshop(open_app: Any, qtbot: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_app()
    assert app.window.size().width() == 1100 and app.window.size().height() == 720
    page = go_to(qtbot, app, "Workshops")
    assert isinstance(page, WorkshopsPage)

    # --- a new workshop, its place and two days ----------------------------------------------------------
    def name_it(dialog: QDialog) -> None:
        type_text(dialog.findChild(QLineEdit), TITLE)
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    on_next_dialog(name_it, kind=QInputDialog)
    click(qtbot, page.list.new_button)
    back_to(qtbot, app.window)
    workshop_id = page.list.current_id()
    assert workshop_id is not None
    details = page.details
    type_into(qtbot, details.venue, "Starostwo Powiatowe, ul. Krasińskiego 13, sala 204")
    type_into(qtbot, details.place, "Żywiec")
    type_into(qtbot, details.trainers, "Zofia Wójcik, Jiří Novák")
    click(qtbot, details.add_day_button)
    click(qtbot, details.add_day_button)
    first_day = date.today() + timedelta(days=14)

    # --- the agenda: three formats and a free block -----------------------------------------------------
    tab(qtbot, app, page, page.agenda)
    agenda = page.agenda
    formats = [agenda.format.itemText(i) for i in range(1, 4)]
    for label in formats:
        choose(qtbot, agenda.format, label)
        click(qtbot, agenda.add_button)
    choose(qtbot, agenda.format, _("Free text block"))
    click(qtbot, agenda.add_button)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "Podsumowanie i następne kroki")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Podsumowanie i następne kroki" in [b.title for b in agenda.model.blocks])

    # --- participants from a CSV file (Polish and Czech names, Windows-1250) ----------------------------
    csv_file = tmp_path / "uczestnicy.csv"
    csv_file.write_bytes(CSV.encode("cp1250"))
    tab(qtbot, app, page, page.participants)

    # the file chooser is the platform's: answered like the save dialog of printing, by what the user picks
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(csv_file), "")))
    click(qtbot, page.participants.import_button)
    imports: list[CsvImportDialog] = []
    qtbot.waitUntil(lambda: bool(imports.extend(page.participants.findChildren(CsvImportDialog)) or imports))
    csv_dialog = imports[0]
    qtbot.waitUntil(csv_dialog.import_button.isEnabled, timeout=5000)
    assert csv_dialog.import_button.text() == ngettext("Import {count} participant", "Import {count} participants",
                                                       5).format(count=5)
    look(app, csv_dialog)
    click(qtbot, csv_dialog.import_button)
    qtbot.waitUntil(lambda: page.participants.model.rowCount() == 5, timeout=5000)
    back_to(qtbot, app.window)

    # --- check-in on day 1: two by name and Enter, one by Space in the list ----------------------------
    tab(qtbot, app, page, page.checkin)
    checkin = page.checkin
    for typed in ("lukasz", "dvorak"):
        type_into(qtbot, checkin.search, typed)
        qtbot.keyClick(checkin.search, Qt.Key.Key_Return)
    type_into(qtbot, checkin.search, "novak")
    qtbot.keyClick(checkin.search, Qt.Key.Key_Down)
    qtbot.keyClick(checkin.table, Qt.Key.Key_Space)
    assert _("{present} of {rowCount} present on this day").format(present=3, rowCount=5) in checkin.count.text()

    # --- outcomes and an action ------------------------------------------------------------------------
    tab(qtbot, app, page, page.outcomes)
    outcomes = page.outcomes
    for text in ("Brak punktu kontaktowego dla twórców", "Wspólne spotkania co kwartał"):
        type_into(qtbot, outcomes.outcome_text, text)
        qtbot.keyClick(outcomes.outcome_text, Qt.Key.Key_Return)
    type_into(qtbot, outcomes.action_text, "Wyznaczyć osobę kontaktową")
    type_into(qtbot, outcomes.owner, "Łukasz Żmuda")
    qtbot.keyClick(outcomes.owner, Qt.Key.Key_Return)

    # --- three paper feedback forms, Enter moving from field to field -----------------------------------
    tab(qtbot, app, page, page.feedback)
    feedback = page.feedback
    forms = (("5", "4", "y", "Wizyta w studiu", "", "", ""),
             ("4", "5", "p", "", "Mniej slajdów", "", ""),
             ("5", "5", "y", "Dyskusja", "", "Zadzwonić do projektantów", "tak"))
    first = next(iter(feedback.inputs.values()))
    qtbot.waitUntil(lambda: first.isVisible() and first.width() > 20)  # laid out once the tab is shown
    for answers in forms:
        qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
        assert focused() is first
        for value in answers:
            type_text(focused(), value)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
    forms_entered = ngettext("{count} form", "{count} forms", 3).format(count=3)
    assert _("<b>Summary</b>: {forms} entered").format(forms=forms_entered) in feedback.summary_label.text()

    # --- print through the preview ------------------------------------------------------------------------
    texts = {}
    for label in ("Sign-in sheet", "Certificates of attendance", "Workshop report"):
        target = tmp_path / f"{label}.pdf"
        answer_save_dialog(monkeypatch, target)
        before = dialogs_under(page)
        choose_in_menu(page.print_button, f"{_(label)}…")
        preview = preview_opened(qtbot, page, before)
        look(app, preview)
        texts[label] = save_from(qtbot, preview, target)
        back_to(qtbot, app.window)
    assert all(name in texts["Sign-in sheet"] for name in PEOPLE)
    certificates = texts["Certificates of attendance"]
    for name in ("Łukasz Żmuda", "Věra Dvořáková", "Jiří Novák"):
        assert name in certificates
    assert "Tomáš Řehoř" not in certificates  # not checked in
    assert "Żywiec" in certificates
    assert "1 day, 7 hours of training" in certificates or in_pseudo_locale()  # the English words
    assert "Wyznaczyć osobę kontaktową" in texts["Workshop report"]

    # --- quit with Ctrl+Q and reopen -----------------------------------------------------------------------
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Q, CTRL)
    assert not app.window.isVisible()
    app.shutdown()
    again = open_app()
    ws = again.services.workshops
    view = ws.get(workshop_id)
    assert (view.title, view.place, view.trainers) == (TITLE, "Żywiec", "Zofia Wójcik, Jiří Novák")
    assert view.venue == "Starostwo Powiatowe, ul. Krasińskiego 13, sala 204"
    assert [d.day for d in view.days] == [first_day, first_day + timedelta(days=1)]
    blocks = ws.agenda_day(view.days[0].id).blocks
    assert len(blocks) == 4 and all(b.format_id for b in blocks[:3]) and blocks[3].format_id is None
    assert [b.title for b in blocks[:3]] == [f.rsplit(" (", 1)[0] for f in formats]
    assert blocks[3].title == "Podsumowanie i następne kroki"
    people = {p.name: p for p in ws.people.participants(workshop_id)}
    assert sorted(people) == sorted(PEOPLE)
    assert {n for n, p in people.items() if view.days[0].id in p.present} == {
        "Łukasz Żmuda", "Věra Dvořáková", "Jiří Novák"}
    assert people["Małgorzata Dębska"].organisation == "Urząd Marszałkowski"
    assert [o.text for o in ws.results.outcomes(workshop_id)] == [
        "Brak punktu kontaktowego dla twórców", "Wspólne spotkania co kwartał"]
    assert [(a.text, a.owner) for a in ws.results.actions(workshop_id)] == [
        ("Wyznaczyć osobę kontaktową", "Łukasz Żmuda")]
    assert ws.results.summary(workshop_id).responses == 3
    # and the reopened window shows it
    page = go_to(qtbot, again, "Workshops")
    assert isinstance(page, WorkshopsPage)
    assert page.list.current_id() == workshop_id and page.details.place.text() == "Żywiec"

