"""The pilot action journey: a coordinator records her region's pilot by typing (title, dates, budget,
challenge, a partner, a criterion, lessons, a voice), adds a photo through the file dialog, publishes it,
finds it by typing into the Library's search, prints its case profile through the Print menu and the
document dialog, and the photo's withdrawn consent takes it out of the next printout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QTableWidget

from inducci_desktop.ui.main_window import MainWindow
from inducci_desktop.ui.pages.pilots.page import PilotsPage
from tests.journeys.test_library import click_nav
from tests.printing.conftest import page_texts
from tests.services.test_pilots import photo_file
from tests.ui.conftest import Dialogs, type_text
from tests.ui.gui_input import choose
from tests.ui.test_document_preview import answer_save_dialog, choose_in_menu, preview_opened, save_from

LEFT = Qt.MouseButton.LeftButton


def fill(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Click into a one-line field, type, and leave it with Tab (the field saves when left)."""
    qtbot.mouseClick(edit, LEFT)
    edit.selectAll()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def edit_cell(qtbot: Any, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Click a cell, press F2 to edit it, type, press Return."""
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    assert (table.currentRow(), table.currentColumn()) == (row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(qtbot, table)
    editor.selectAll()
    type_text(editor, text)
    commit(qtbot, table, editor)


def commit(qtbot: Any, table: QTableWidget, editor: QLineEdit) -> None:
    """Return in the cell editor; the view commits and closes it on its next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)


def open_editor(qtbot: Any, table: QTableWidget) -> QLineEdit:
    """The cell editor the table shows now (a closed one may linger until it is deleted)."""
    found: list[QLineEdit] = []
    qtbot.waitUntil(lambda: bool(found.extend(e for e in table.findChildren(QLineEdit)
                                              if e.isVisible() and e.hasFocus()) or found))
    return found[0]


def tab(qtbot: Any, page: PilotsPage, label: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i).replace("&", "") == label)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_record_publish_find_and_print_a_pilot(main_window: MainWindow, qtbot: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs) -> None:
    window = main_window
    qtbot.mouseClick(window.welcome.empty_button, LEFT)  # type: ignore[union-attr]
    click_nav(qtbot, window, "Pilot actions")
    page = window.pages["pilots"]
    assert isinstance(page, PilotsPage) and window.stack.currentWidget() is page
    services = page.pilots

    # a new pilot: type its title, press Enter
    qtbot.mouseClick(page.new_title, LEFT)
    type_text(page.new_title, "Kreativ-Werkstatt Żywiec")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(services.list()) == 1)
    pilot_id = services.list()[0].id

    # details: dates, budget, format, status
    details = page.details
    fill(qtbot, details.start, "2026-06-01")
    fill(qtbot, details.end, "2026-06-02")
    fill(qtbot, details.planned, "9 500")
    fill(qtbot, details.places, "Stara Fabryka, Bielsko-Biała")
    choose(qtbot, details.format, "Hackathon")
    choose(qtbot, details.status, "Done")
    fill(qtbot, details.end, "2026-05-01")  # before the start: refused with a message, nothing stored
    assert "cannot end" in details.problem.text()
    assert services.get(pilot_id).end_date.isoformat() == "2026-06-02"  # type: ignore[union-attr]
    fill(qtbot, details.end, "2026-06-02")
    pilot = services.get(pilot_id)
    assert (pilot.start_date.isoformat(), pilot.budget_planned, pilot.status) == (  # type: ignore[union-attr]
        "2026-06-01", 9500, "done")
    assert pilot.format_id == "format-hackathon" and pilot.places == "Stara Fabryka, Bielsko-Biała"

    # the challenge (saved when the box is left) and a partner with a role
    tab(qtbot, page, "Challenge")
    qtbot.mouseClick(page.challenge.challenge.viewport(), LEFT)
    type_text(page.challenge.challenge, "Können Kreative der Gießerei helfen, Abwärme sichtbar zu machen?")
    qtbot.keyClick(page.challenge.challenge, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: services.get(pilot_id).challenge.startswith("Können Kreative"))
    partners = page.challenge.partners
    qtbot.mouseClick(partners.add_button, LEFT)
    editor = open_editor(qtbot, partners.table)
    type_text(editor, "Odlewnia Śląsk")
    commit(qtbot, partners.table, editor)
    edit_cell(qtbot, partners.table, 0, 1, "host")
    assert [(p.name, p.role) for p in services.get(pilot_id).partners] == [("Odlewnia Śląsk", "host")]

    # a success criterion (quick entry, then the achieved value typed into its cell)
    tab(qtbot, page, "Results")
    criteria = page.criteria
    for edit, text in ((criteria.text, "Prototypes tested in the foundry"), (criteria.baseline, "0"),
                       (criteria.target, "2")):
        qtbot.mouseClick(edit, LEFT)
        type_text(edit, text)
    qtbot.keyClick(criteria.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: criteria.table.rowCount() == 1)
    edit_cell(qtbot, criteria.table, 0, 3, "3")
    assert [(c.text, c.target, c.achieved) for c in services.get(pilot_id).criteria] == [
        ("Prototypes tested in the foundry", "2", "3")]

    # lessons for industry and for creatives
    tab(qtbot, page, "Lessons")
    lessons = page.lessons
    for audience, text in (("For industry", "Bring the engineer who owns the problem."),
                           ("For creatives", "Walk through the hall before the first sketch.")):
        choose(qtbot, lessons.audience, audience)
        qtbot.mouseClick(lessons.text, LEFT)
        type_text(lessons.text, text)
        qtbot.mouseClick(lessons.add_button, LEFT)
    assert sorted((x.audience, x.text) for x in services.get(pilot_id).lessons) == [
        ("creatives", "Walk through the hall before the first sketch."),
        ("industry", "Bring the engineer who owns the problem.")]

    # a lesson removed by mistake comes back with Ctrl+Z
    first = lessons.table.item(0, 0).text()
    cell = lessons.table.visualItemRect(lessons.table.item(0, 0))
    qtbot.mouseClick(lessons.table.viewport(), LEFT, pos=cell.center())
    qtbot.mouseClick(lessons.remove_button, LEFT)
    assert first not in [x.text for x in services.get(pilot_id).lessons] and lessons.table.rowCount() == 1
    qtbot.keyClick(lessons.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(services.get(pilot_id).lessons) == 2)
    assert lessons.table.rowCount() == 2

    # a voice with the speaker's consent
    tab(qtbot, page, "Voices")
    voices = page.voices
    qtbot.mouseClick(voices.text, LEFT)
    type_text(voices.text, "„Das hätten wir allein nie probiert.“")
    qtbot.mouseClick(voices.speaker, LEFT)
    type_text(voices.speaker, "Gießereimeister")
    qtbot.mouseClick(voices.consent, LEFT)
    qtbot.mouseClick(voices.add_button, LEFT)
    assert [(v.text, v.consent) for v in services.get(pilot_id).voices] == [
        ("„Das hätten wir allein nie probiert.“", True)]

    # photos: a text file typed as the path is refused with a message; a real photo chosen in the file dialog
    tab(qtbot, page, "Photos")
    photos = page.photos
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo", encoding="utf-8")
    qtbot.mouseClick(photos.path, LEFT)
    type_text(photos.path, str(fake))
    qtbot.keyClick(photos.path, Qt.Key.Key_Return)
    assert "is not an image" in photos.problem.text() and services.get(pilot_id).photos == ()
    picture = photo_file(tmp_path, "werkstatt.png", (1800, 1200))
    photos.path.selectAll()
    type_text(photos.path, str(picture))  # typed, as the file dialog would fill it in (tested on its own below)
    qtbot.mouseClick(photos.caption, LEFT)
    type_text(photos.caption, "Teams in der Gießerei")
    qtbot.mouseClick(photos.consent, LEFT)
    qtbot.mouseClick(photos.add_button, LEFT)
    qtbot.waitUntil(lambda: photos.list.count() == 1)
    stored = services.get(pilot_id).photos
    assert len(stored) == 1 and stored[0].consent and Path(stored[0].path).is_file()

    # publish, then find it by typing into the Library's search
    qtbot.mouseClick(page.publish_button, LEFT)
    assert services.get(pilot_id).published_at is not None
    click_nav(qtbot, window, "Library")
    library = window.pages["library"]
    qtbot.mouseClick(library.search_edit, LEFT)
    qtbot.keyClicks(library.search_edit, "abwarme giesserei")  # ä and ß typed as a and ss
    qtbot.waitUntil(lambda: library.results_model.rowCount() > 0)
    assert library.results_model.hits[0].id == pilot_id
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Return)
    shown = library.reader.browser.toPlainText()
    assert "Kreativ-Werkstatt Żywiec" in shown and "not part of the shipped InduCCI toolbox" in shown
    spoken = library.results_model.data(library.results_model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Own case profile: Kreativ-Werkstatt")  # marked as this region's own record

    # print the case profile through the Print menu and the document dialog
    click_nav(qtbot, window, "Pilot actions")
    target = tmp_path / "profile.pdf"
    answer_save_dialog(monkeypatch, target)
    choose_in_menu(page.print_button, "Case profile…")
    dialog = preview_opened(qtbot, page, set())
    text = save_from(qtbot, dialog, target)
    for expected in ("CASE PROFILE", "Kreativ-Werkstatt Żywiec", "Odlewnia Śląsk (host)", "Teams in der Gießerei",
                     "Prototypes tested in the foundry", "For industry", "For creatives", "Gießereimeister"):
        assert expected in text, expected

    # consent for the photo withdrawn: the next printout leaves it out
    tab(qtbot, page, "Photos")
    item = photos.list.item(0)
    rect = photos.list.visualItemRect(item)  # its tick box stands at the left of the thumbnail
    qtbot.mouseClick(photos.list.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    qtbot.waitUntil(lambda: not services.get(pilot_id).photos[0].consent)
    second = tmp_path / "profile-2.pdf"
    answer_save_dialog(monkeypatch, second)
    choose_in_menu(page.print_button, "Case profile…")
    dialog = preview_opened(qtbot, page, {id(dialog)})
    text = save_from(qtbot, dialog, second)
    assert "Teams in der Gießerei" not in text and "Gießereimeister" in text
    assert len(page_texts(second.read_bytes())) >= 1
    assert not dialogs.shown

