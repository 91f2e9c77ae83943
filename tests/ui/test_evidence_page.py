"""The evidence register driven as a person drives it: "Add as finding…" on a checklist answer, the
register's filters, "Open source", Delete and Ctrl+Z; results checked in the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget

from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage
from inducci_desktop.ui.pages.evidence.page import EvidencePage
from inducci_desktop.ui.widgets.add_finding import FindingDialog

from .conftest import type_text
from .gui_input import choose, click, on_next_dialog

ROUND_2 = demo_id("assessment:silesia-status-quo:2")


def click_row(qtbot: Any, view: QListWidget, row: int) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(view.item(row)).center())


def test_add_as_finding_from_an_answer_then_open_it_from_the_register(launch: Any, qtbot: Any) -> None:
    app = launch()
    load_demo(app.services)
    app.window.resize(1100, 720)
    app.window.show_page("checklists")
    checklists = app.window.pages["checklists"]
    assert isinstance(checklists, ChecklistsPage)
    checklists.open_assessment(ROUND_2)
    click_row(qtbot, checklists.runner.sections, 1)  # section 2: places
    card = checklists.runner.cards["places-vacant-sites"]

    def answer(dialog: FindingDialog) -> None:
        dialog.statement.selectAll()
        type_text(dialog.statement, "Drei leerstehende Fabrikhallen – Łódź hat mehr; Śląskie wächst.")
        choose(qtbot, dialog.strength, "Strong")
        type_text(dialog.topics.new_topic, "Vacant sites")
        qtbot.keyClick(dialog.topics.new_topic, Qt.Key.Key_Return)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    on_next_dialog(answer, kind=FindingDialog)
    click(qtbot, card.finding_button)
    made = [f for f in app.services.evidence.findings.list() if f.source.kind == "answer"
            and f.source.ref == f"{ROUND_2}/places-vacant-sites"]
    assert len(made) == 1
    finding = made[0]
    assert finding.statement.startswith("Drei leerstehende") and finding.strength == "strong"
    assert finding.topic_names == ("Vacant sites",) and finding.region_name == "Śląskie (Silesia)"
    assert "2.2" in finding.source.title  # the item's number, as on screen and paper

    app.window.show_page("evidence")
    page = app.window.pages["evidence"]
    assert isinstance(page, EvidencePage)
    register = page.register
    choose(qtbot, register.topic, "Vacant sites")
    assert register.summary.text() == "1 finding"
    assert register.select(finding.id)
    app.window.activateWindow()  # back from the dialog (the offscreen platform does not do it by itself)
    qtbot.waitUntil(app.window.isActiveWindow, timeout=3000)
    click(qtbot, register.open_button)
    assert app.window.stack.currentWidget() is checklists
    focused = QApplication.focusWidget()
    assert focused is not None and checklists.runner.cards["places-vacant-sites"].isAncestorOf(focused)


def test_delete_with_the_key_and_undo_with_ctrl_z(launch: Any, qtbot: Any) -> None:
    app = launch()
    load_demo(app.services)
    app.window.resize(1100, 720)
    app.window.show_page("evidence")
    page = app.window.pages["evidence"]
    assert isinstance(page, EvidencePage)
    register = page.register
    finding_id = demo_id("finding:contact")
    assert register.select(finding_id)
    register.tree.setFocus()
    qtbot.keyClick(register.tree, Qt.Key.Key_Delete)
    assert finding_id not in {f.id for f in app.services.evidence.findings.list()}
    assert "11 findings" in register.summary.text()
    qtbot.keyClick(app.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert finding_id in {f.id for f in app.services.evidence.findings.list()}
    assert "12 findings" in register.summary.text()


def test_a_note_needs_a_citation_said_in_the_dialog(launch: Any, qtbot: Any) -> None:
    app = launch()
    load_demo(app.services)
    app.window.show_page("evidence")
    page = app.window.pages["evidence"]
    assert isinstance(page, EvidencePage)
    seen: list[str] = []

    def answer(dialog: FindingDialog) -> None:
        type_text(dialog.statement, "Twórcy wyjeżdżają do Krakowa.")
        choose(qtbot, dialog.region, "Śląskie")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        seen.append(dialog.problem.text())
        type_text(dialog.citation, "Raport regionalny 2025, s. 12")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    on_next_dialog(answer, kind=FindingDialog)
    click(qtbot, page.register.new_button)
    assert "citation" in seen[0]
    notes = [f for f in app.services.evidence.findings.list() if f.source.kind == "note"]
    assert [(n.statement, n.citation) for n in notes] == [("Twórcy wyjeżdżają do Krakowa.",
                                                           "Raport regionalny 2025, s. 12")]


def test_outcome_and_feedback_comment_become_findings_that_open_their_workshop(launch: Any, qtbot: Any) -> None:
    from inducci_desktop.ui.pages.workshops.page import WorkshopsPage

    app = launch()
    load_demo(app.services)
    app.window.resize(1100, 720)
    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)
    workshop_id = demo_id("workshop:bielsko-biala-training")
    page.list.reload()
    assert page.list.select(workshop_id)
    page.tabs.setCurrentWidget(page.outcomes)
    outcomes = page.outcomes.outcomes
    row = next(r for r in range(outcomes.count()) if "one-stop contact" in outcomes.item(r).text())
    click_row(qtbot, outcomes, row)

    def save(dialog: FindingDialog) -> None:
        assert dialog.region.region_id() == demo_id("region:Śląskie (Silesia)")  # the workshop's region
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    on_next_dialog(save, kind=FindingDialog)
    click(qtbot, page.outcomes.finding_button)
    page.tabs.setCurrentWidget(page.feedback)
    comments = page.feedback.comments
    row = next(r for r in range(comments.count()) if "permit form" in comments.item(r).text())
    click_row(qtbot, comments, row)
    on_next_dialog(save, kind=FindingDialog)
    click(qtbot, page.feedback.finding_button)

    made = {f.source.kind: f for f in app.services.evidence.findings.list(query="")
            if f.id not in {demo_id(f"finding:{k}") for k in ("need-contact", "interface-offices", "idea-help-desk",
                                                                "site-visit", "permit-form")}
            and f.source.kind in ("outcome", "feedback")}
    assert made["outcome"].statement.startswith("The regional development agency could act")
    assert made["feedback"].statement == "Simplify our permit form"

    page.tabs.setCurrentWidget(page.details)
    app.window.show_page("evidence")
    evidence = app.window.pages["evidence"]
    assert isinstance(evidence, EvidencePage)
    assert evidence.register.select(made["outcome"].id)
    click(qtbot, evidence.register.open_button)
    assert app.window.stack.currentWidget() is page and page.tabs.currentWidget() is page.outcomes
    assert "one-stop contact" in page.outcomes.outcomes.currentItem().text()
