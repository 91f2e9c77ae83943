"""The Interviews and People consulted tabs of the Evidence page, driven as a person does: a new interview
through its dialog, answers and notes typed and autosaved, "Add as finding…", the record printed, erasure
confirmed; the register filled by hand and from a workshop's consenting participants, the annex printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTabWidget, QWidget
from sqlalchemy import select

from inducci_desktop.services.workshops.csv_import import ParticipantInput
from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
from inducci_desktop.store.models import InterviewAnswer, Participant
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.evidence.interview_dialog import InterviewDialog
from inducci_desktop.ui.pages.evidence.interviews import InterviewsTab
from inducci_desktop.ui.pages.evidence.people import PeopleTab
from inducci_desktop.ui.pages.evidence.stakeholder_dialog import StakeholderDialog, WorkshopChoiceDialog
from inducci_desktop.ui.widgets.add_finding import FindingDialog

from .conftest import Dialogs, type_text
from .gui_input import choose, choose_data, click, on_next_dialog
from .layout_checks import layout_problems
from .test_document_preview import answer_save_dialog, preview_opened, save_from

ANSWER = "Kreative melden sich erst, wenn die Genehmigung fehlt – Łódź, Győr, Plzeň."


def open_tab(app: RunningApp, qtbot: Any, title: str) -> QWidget:
    app.window.resize(1100, 720)
    app.window.show_page("evidence")
    page = app.window.pages["evidence"]
    tabs = page.findChild(QTabWidget)
    assert tabs is not None
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == title)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    return tabs.currentWidget()


def save_button(dialog: QDialog) -> Any:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Save) or box.button(QDialogButtonBox.StandardButton.Ok)


def test_interview_typed_autosaved_turned_into_a_finding_printed_and_erased(
        launch: Any, qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = launch()
    region_id = app.services.regions.add("Śląskie").id
    tab = open_tab(app, qtbot, "Interviews")
    assert isinstance(tab, InterviewsTab)
    assert not layout_problems(tab), layout_problems(tab)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, InterviewDialog)
        choose(qtbot, dialog.guide, "Interview guide for creatives")
        choose_data(qtbot, dialog.region, region_id)
        type_text(dialog.interviewer, "Bożena Kłos")
        type_text(dialog.role, "Grafikerin")
        type_text(dialog.organisation, "Studio Żółć")
        click(qtbot, dialog.consent)
        click(qtbot, dialog.name_consent)
        type_text(dialog.name, "Věra Dvořáková")
        click(qtbot, save_button(dialog))

    on_next_dialog(fill)
    click(qtbot, tab.new_button)
    [summary] = app.services.interviews.list()
    assert (summary.guide_id, summary.interviewee_role, summary.interviewee_name, summary.consent) == (
        "interview-cci-actors", "Grafikerin", "Věra Dvořáková", True)
    assert tab.selected_id() == summary.id
    assert len(tab.questions.boxes) == 24

    box = tab.questions.box("q6")
    assert box is not None
    box.answer.setFocus()
    type_text(box.answer, ANSWER)
    box.note.setFocus()
    type_text(box.note, "zitiert mit Zustimmung")

    def stored() -> tuple[str, str] | None:
        with app.services.store.db.reading() as session:
            row = session.scalars(select(InterviewAnswer).where(InterviewAnswer.question_key == "q6")).first()
            return (row.answer, row.note) if row else None

    qtbot.waitUntil(lambda: stored() == (ANSWER, "zitiert mit Zustimmung"), timeout=5000)
    assert "Saved answer 6" in tab.status.text()
    assert "1 of 24 answered" in tab.list.currentItem().text()

    def accept_finding(dialog: QDialog) -> None:
        assert isinstance(dialog, FindingDialog)
        assert dialog.statement.toPlainText() == ANSWER
        click(qtbot, save_button(dialog))

    on_next_dialog(accept_finding)
    click(qtbot, box.finding_button)
    [finding] = app.services.evidence.findings.list()
    assert (finding.source.kind, finding.source.ref, finding.region_id) == ("interview", f"{summary.id}/q6",
                                                                             region_id)
    assert tab.status.text() == "Finding added to the register."

    target = tmp_path / "out" / "interview.pdf"
    target.parent.mkdir()
    answer_save_dialog(monkeypatch, target)
    before = {id(d) for d in tab.findChildren(QDialog)}
    click(qtbot, tab.print_button)
    text = save_from(qtbot, preview_opened(qtbot, tab, before), target)
    assert "Věra Dvořáková (Grafikerin, Studio Żółć)" in text and "Genehmigung fehlt" in text

    click(qtbot, tab.people_button)
    [consulted] = app.services.stakeholders.list()
    assert (consulted.name, consulted.organisation, consulted.activities[0].ref) == (
        "Věra Dvořáková", "Studio Żółć", summary.id)
    click(qtbot, tab.people_button)
    assert dialogs.shown[-1][0] == "warning" and "already" in dialogs.shown[-1][2]

    dialogs.answer = QMessageBox.StandardButton.No
    click(qtbot, tab.erase_button)
    assert app.services.interviews.summary(summary.id).erased_at is None
    dialogs.answer = QMessageBox.StandardButton.Yes
    click(qtbot, tab.erase_button)
    erased = app.services.interviews.get(summary.id)
    assert erased.summary.erased_at is not None and erased.summary.interviewee_role == ""
    assert all(not a.answer and not a.note for a in erased.answers)
    assert app.services.stakeholders.list() == []  # the interviewee added from the interview went with it
    assert dialogs.shown[-1][0] == "information" and "erased" in dialogs.shown[-1][2]
    assert "erased on request" in tab.list.currentItem().text()
    assert all(b.answer.isReadOnly() for b in tab.questions.boxes)
    assert not tab.erase_button.isEnabled()


def test_finding_opens_its_interview_answer(launch: Any, qtbot: Any) -> None:
    from inducci_desktop.domain.evidence import InterviewInput, SourceRef

    app = launch()
    region_id = app.services.regions.add("Gorenjska").id
    interview = app.services.interviews.create(InterviewInput(
        "interview-industrial-companies", region_id, date(2026, 2, 3), interviewee_organisation="Tovarna Kranj"))
    app.services.interviews.set_answer(interview.id, "q9", "Jezik in roki.")
    app.services.evidence.findings.add(region_id, "Language and deadlines get in the way.",
                                       SourceRef("interview", f"{interview.id}/q9"))
    register = open_tab(app, qtbot, "Findings")
    tree = register.tree  # type: ignore[attr-defined]
    item = tree.topLevelItem(0).child(0) or tree.topLevelItem(0)
    tree.setCurrentItem(item)
    click(qtbot, register.open_button)  # type: ignore[attr-defined]
    page = app.window.pages["evidence"]
    tab = page.findChild(InterviewsTab)
    assert page.tabs.currentWidget() is tab  # type: ignore[attr-defined]
    assert tab.selected_id() == interview.id
    box = tab.questions.box("q9")
    assert box is not None and box.answer.toPlainText() == "Jezik in roki." and box.answer.hasFocus()


def test_people_register_by_hand_from_a_workshop_printed_and_erased(
        launch: Any, qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = launch()
    region_id = app.services.regions.add("Śląskie").id
    workshop = app.services.workshops.create(WorkshopInput("Szkolenie w Żywcu", (DayInput(date(2026, 5, 12), 540,
                                                                                          960),), region_id=region_id))
    people = app.services.workshops.people
    people.add(workshop.id, ParticipantInput("Łukasz Żmuda", "Starostwo Powiatowe", "Wydział Rozwoju",
                                             "lz@example.pl", True, date(2026, 5, 1)))
    people.add(workshop.id, ParticipantInput("Gábor Szőke", "Ügynökség"))
    tab = open_tab(app, qtbot, "People consulted")
    assert isinstance(tab, PeopleTab)
    assert not layout_problems(tab), layout_problems(tab)

    def from_workshop(dialog: QDialog) -> None:
        assert isinstance(dialog, WorkshopChoiceDialog)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    on_next_dialog(from_workshop)
    click(qtbot, tab.workshop_button)
    [added] = app.services.stakeholders.list()
    assert (added.name, added.role, added.activities[0].label) == ("Łukasz Żmuda", "Wydział Rozwoju",
                                                                  "Workshop: Szkolenie w Żywcu")
    assert dialogs.shown[-1][2] == "1 participant who agreed was added."

    def by_hand(dialog: QDialog) -> None:
        assert isinstance(dialog, StakeholderDialog)
        choose_data(qtbot, dialog.region, region_id)
        type_text(dialog.organisation, "Galeria Bielska BWA")
        type_text(dialog.role, "Kuratorka")
        type_text(dialog.name, "Agnieszka Szczęsna")
        click(qtbot, dialog.consent)
        choose(qtbot, dialog.activity_kind, "Focus group")
        type_text(dialog.activity_label, "Fokus: puste hale")
        click(qtbot, dialog.add_activity_button)
        click(qtbot, save_button(dialog))

    on_next_dialog(by_hand)
    click(qtbot, tab.add_button)
    person = next(s for s in app.services.stakeholders.list() if s.organisation == "Galeria Bielska BWA")
    assert person.consent and person.consent_date == date.today()
    assert [(a.kind, a.label) for a in person.activities] == [("focus_group", "Fokus: puste hale")]
    assert tab.selected_id() == person.id

    def bad_then_fix(dialog: QDialog) -> None:
        assert isinstance(dialog, StakeholderDialog)
        type_text(dialog.email, "not-an-address")
        click(qtbot, save_button(dialog))
        assert "e-mail address" in dialog.problem.text() and dialog.isVisible()
        dialog.email.selectAll()
        type_text(dialog.email, "as@example.pl")
        click(qtbot, save_button(dialog))

    on_next_dialog(bad_then_fix)
    click(qtbot, tab.edit_button)
    assert app.services.stakeholders.get(person.id).email == "as@example.pl"

    click(qtbot, tab.delete_button)
    assert [s.id for s in app.services.stakeholders.list()] == [added.id]
    app.window.activateWindow()  # back in the main window once the dialogs are closed, as a person is
    qtbot.waitUntil(app.window.isActiveWindow)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(app.services.stakeholders.list()) == 2

    target = tmp_path / "out" / "people.pdf"
    target.parent.mkdir()
    answer_save_dialog(monkeypatch, target)
    before = {id(d) for d in tab.findChildren(QDialog)}
    click(qtbot, tab.print_button)
    text = save_from(qtbot, preview_opened(qtbot, tab, before), target)
    assert "People consulted" in text and "Galeria Bielska BWA" in text and "Szczęsna" in text

    tab.select(added.id)
    dialogs.answer = QMessageBox.StandardButton.Yes
    click(qtbot, tab.erase_button)
    assert [s.id for s in app.services.stakeholders.list()] == [person.id]
    with app.services.store.db.reading() as session:
        assert sorted(session.scalars(select(Participant.name))) == ["", "Gábor Szőke"]
    assert "2 entries were erased" in dialogs.shown[-1][2]
