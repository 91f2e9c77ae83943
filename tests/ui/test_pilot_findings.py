"""A pilot lesson turned into a finding with "Add as finding…" on the Lessons tab; the register opens it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.ui.pages.pilots.page import PilotsPage
from inducci_desktop.ui.widgets.add_finding import FindingDialog

from .gui_input import click, on_next_dialog
from .test_evidence_interviews import save_button

PILOT = demo_id("pilot:heat-and-light-hackathon")


def test_add_a_lesson_as_finding_and_open_it_from_its_source(launch: Any, qtbot: Any) -> None:
    app = launch()
    load_demo(app.services)
    window = app.window
    window.show_page("pilots")
    page = window.pages["pilots"]
    assert isinstance(page, PilotsPage) and page.pilot_id == PILOT
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(page.lessons)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    table = page.lessons.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center())
    lesson_id = table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    before = {f.id for f in app.services.evidence.findings.list()}

    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, FindingDialog)
        assert dialog.statement.toPlainText() == table.item(0, 0).text()
        click(qtbot, save_button(dialog))

    on_next_dialog(accept)
    click(qtbot, page.lessons.finding_button)
    [finding] = [f for f in app.services.evidence.findings.list() if f.id not in before]
    assert (finding.source.kind, finding.source.ref) == ("pilot_lesson", lesson_id)
    view = app.services.evidence.sources.resolve(finding.source)
    assert view.live and view.target == ("pilots", PILOT, f"lesson:{lesson_id}")
    page.tabs.setCurrentWidget(page.details)
    page.open_source(PILOT, f"lesson:{lesson_id}")  # as the register's "Open source" calls it
    assert page.tabs.currentWidget() is page.lessons
