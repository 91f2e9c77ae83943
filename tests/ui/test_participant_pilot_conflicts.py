"""A participant or a pilot action edited on two machines: the second save sees "Changed by … at …" and the
person chooses Reload, Overwrite or Keep both through the dialog's buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from inducci_desktop.services.container import Services
from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.ui.pages.pilots.page import PilotsPage
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage
from inducci_desktop.ui.pages.workshops.participant_editor import ParticipantEditor

from .conftest import type_text
from .elsewhere import answer_changed_elsewhere, second_person
from .gui_input import click
from .test_workshops_page import new_workshop, open_page

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def started(launch: Any) -> Iterator[tuple[Any, Services]]:
    app = launch()
    app.services.identity.set_name("Anna Kowalczyk")
    with second_person(app, "Łukasz Żółw") as other:
        yield app, other


def answerer(qtbot: Any) -> tuple[list[str], Callable[[str], None]]:
    """The headlines of the questions asked, and a way to answer the next one with a named button."""
    seen: list[str] = []

    def answer_with(button: str) -> None:
        answer_changed_elsewhere(qtbot, button, seen)

    return seen, answer_with


def retype(qtbot: Any, edit: QLineEdit, text: str) -> None:
    qtbot.mouseClick(edit, LEFT)
    edit.selectAll()
    type_text(edit, text)


def clipboard_text() -> str:
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    return clipboard.text()


# --- a participant -----------------------------------------------------------------------------------


def open_participants(qtbot: Any, page: WorkshopsPage) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(page.tabs.indexOf(page.participants)).center())
    assert page.tabs.currentWidget() is page.participants


def edit_first(qtbot: Any, page: WorkshopsPage, *, double_click: bool = False) -> ParticipantEditor:
    panel = page.participants
    table = panel.table
    where = table.visualRect(panel.model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=where)
    if double_click:
        qtbot.mouseDClick(table.viewport(), LEFT, pos=where)
    else:
        click(qtbot, panel.edit_button)
    editor = panel.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    return editor


def save(qtbot: Any, editor: ParticipantEditor) -> None:
    click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Save))


def test_participant_changed_elsewhere_reload_overwrite_keep_both(started: tuple[Any, Services], qtbot: Any,
                                                                 monkeypatch: Any,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app, other = started
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Szkolenie w Żywcu")
    person = app.services.workshops.people.add(
        workshop_id, ParticipantInput("Zofia Wójcik", "UM Bielsko-Biała", email="zofia@example.pl"))
    open_participants(qtbot, page)
    seen, answer_with = answerer(qtbot)
    stored = lambda: app.services.workshops.people.participant(person.id)  # noqa: E731

    # Reload: Łukasz saves the organisation while Anna has the entry open; hers is dropped, his shown
    editor = edit_first(qtbot, page, double_click=True)
    other.workshops.people.update(person.id, ParticipantInput("Zofia Wójcik", "Urząd Miasta Bielsko-Biała",
                                                              email="zofia@example.pl"))
    answer_with("reload")
    retype(qtbot, editor.organisation, "Starostwo Żywiec")
    save(qtbot, editor)
    assert seen and seen[-1].startswith("Changed by Łukasz Żółw at ")
    assert editor.isVisible() and editor.organisation.text() == "Urząd Miasta Bielsko-Biała"
    assert "Reloaded" in editor.state.text()
    assert (stored().organisation, stored().changed_by) == ("Urząd Miasta Bielsko-Biała", "Łukasz Żółw")

    # Overwrite: he changes the department meanwhile; Anna's whole entry is saved over his
    other.workshops.people.update(person.id, ParticipantInput("Zofia Wójcik", "Urząd Miasta Bielsko-Biała",
                                                              "Wydział Kultury", "zofia@example.pl"))
    answer_with("overwrite")
    retype(qtbot, editor.name, "Zofia Wójcik-Nowak")
    save(qtbot, editor)
    assert len(seen) == 2
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved = stored()
    assert (saved.name, saved.department, saved.changed_by) == ("Zofia Wójcik-Nowak", "", "Anna Kowalczyk")
    qtbot.waitUntil(lambda: page.participants.model.rows[0].name == "Zofia Wójcik-Nowak")

    # Keep both: his e-mail stays, Anna's text goes to the clipboard (a person has no copies)
    editor = edit_first(qtbot, page)
    other.workshops.people.update(person.id, ParticipantInput("Zofia Wójcik-Nowak", "Urząd Miasta Bielsko-Biała",
                                                              email="z.nowak@example.pl"))
    answer_with("keepBoth")
    retype(qtbot, editor.organisation, "Zamek Żywiec")
    save(qtbot, editor)
    assert len(seen) == 3
    assert editor.isVisible() and editor.email.text() == "z.nowak@example.pl"
    assert editor.organisation.text() == "Urząd Miasta Bielsko-Biała"
    assert "clipboard" in editor.state.text()
    assert "Zamek Żywiec" in clipboard_text()
    click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert (stored().organisation, stored().email) == ("Urząd Miasta Bielsko-Biała", "z.nowak@example.pl")
    assert len(app.services.workshops.people.participants(workshop_id)) == 1
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for personal in ("Zofia", "Wójcik", "zofia@", "nowak@", "Bielsko", "Zamek"):
        assert personal not in logged  # the questions asked and the saves refused log no personal data


def test_participant_edit_without_a_conflict_saves_and_a_bad_e_mail_is_refused(
        started: tuple[Any, Services], qtbot: Any, monkeypatch: Any) -> None:
    app, _other = started
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Warsztaty w Ostravě")
    person = app.services.workshops.people.add(workshop_id, ParticipantInput("Jiří Novák", "Krajský úřad"))
    open_participants(qtbot, page)
    editor = edit_first(qtbot, page)
    retype(qtbot, editor.email, "jiri(at)kraj.cz")
    save(qtbot, editor)
    assert editor.isVisible() and "e-mail" in editor.problem.text()
    assert app.services.workshops.people.participant(person.id).email == ""
    retype(qtbot, editor.email, "jiri@kraj.cz")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert app.services.workshops.people.participant(person.id).email == "jiri@kraj.cz"


# --- a pilot action ----------------------------------------------------------------------------------


def new_pilot(qtbot: Any, app: Any, title: str) -> tuple[PilotsPage, str]:
    app.window.show_page("pilots")
    page = app.window.pages["pilots"]
    assert isinstance(page, PilotsPage)
    qtbot.mouseClick(page.new_title, LEFT)
    type_text(page.new_title, title)
    click(qtbot, page.new_button)
    qtbot.waitUntil(lambda: page.pilot_id is not None)
    assert page.pilot_id is not None
    return page, page.pilot_id


def test_pilot_changed_elsewhere_reload_overwrite_keep_both(started: tuple[Any, Services], qtbot: Any) -> None:
    app, other = started
    page, pilot_id = new_pilot(qtbot, app, "Hackathon w Bielsku-Białej")
    seen, answer_with = answerer(qtbot)
    pilots = app.services.pilots
    places = page.details.places

    # Reload: Łukasz saves the places first; Anna's are dropped and his shown
    other.pilots.update(pilot_id, {"places": "Trenčín"})
    answer_with("reload")
    retype(qtbot, places, "Žilina")
    qtbot.keyClick(places, Qt.Key.Key_Return)  # Enter ends the edit: saved (or asked)
    assert seen and seen[-1].startswith("Changed by Łukasz Żółw at ")
    assert places.text() == "Trenčín" and pilots.get(pilot_id).places == "Trenčín"

    # Overwrite: he changes the challenge meanwhile; Anna's places go over his version, his challenge stays
    other.pilots.update(pilot_id, {"challenge": "Abwärme der Hütte sichtbar machen"})
    answer_with("overwrite")
    retype(qtbot, places, "Žilina, Stanica")
    qtbot.keyClick(places, Qt.Key.Key_Return)
    assert len(seen) == 2
    stored = pilots.get(pilot_id)
    assert (stored.places, stored.challenge, stored.changed_by) == (
        "Žilina, Stanica", "Abwärme der Hütte sichtbar machen", "Anna Kowalczyk")
    assert page.challenge.challenge.toPlainText() == "Abwärme der Hütte sichtbar machen"  # the tabs show it
    retype(qtbot, page.details.currency, "CZK")  # the next save goes through without a question
    qtbot.keyClick(page.details.currency, Qt.Key.Key_Return)
    assert len(seen) == 2 and pilots.get(pilot_id).currency == "CZK"

    # Keep both: he moves the pilot to Martin; Anna's version is saved as a new pilot action "… (copy)"
    other.pilots.update(pilot_id, {"places": "Martin"})
    answer_with("keepBoth")
    retype(qtbot, page.details.title, "Hackathon Žilina")
    qtbot.keyClick(page.details.title, Qt.Key.Key_Return)
    assert len(seen) == 3
    theirs = pilots.get(pilot_id)
    assert (theirs.title, theirs.places) == ("Hackathon w Bielsku-Białej", "Martin")
    [copy] = [p for p in pilots.list() if p.id != pilot_id]
    mine = pilots.get(copy.id)
    assert (mine.title, mine.places, mine.currency, mine.challenge) == (
        "Hackathon Žilina (copy)", "Žilina, Stanica", "CZK", "Abwärme der Hütte sichtbar machen")
    assert page.pilot_id == pilot_id and page.details.places.text() == "Martin"
    assert page.list.count() == 2
    assert "Hackathon Žilina (copy)" in app.window.statusBar().currentMessage()
