"""The coordinator writes a strategy paper from the evidence, through real input at 1100×720: load the example
data, start a paper for Śląskie, write its summary, add a priority and a measure resting on two findings, insert
a findings block, freeze the version, print it as PDF and export it as DOCX (both read back), then build a
transnational recommendation from this paper and Gorenjska's and read its topics × regions matrix; quit with
Ctrl+Q and find everything again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QMenu, QMessageBox

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.strategy import demo as strategy_demo
from inducci_desktop.ui.pages.strategy.dialogs import BlockDialog, NewPaperDialog, NewRecommendationDialog
from inducci_desktop.ui.pages.strategy.page import StrategyPage

from ..printing.conftest import page_texts
from ..pseudo_locale import CODE
from ..ui.conftest import type_text
from ..ui.gui_input import choose, click, on_next_dialog
from ..ui.test_document_preview import answer_save_dialog, preview_opened, save_from
from .journey import LEFT, Journey

# in English and in the pseudo-locale (tests/pseudo_locale.py): there, every page the coordinator goes to and
# the dialogs met are checked for text that escaped translation or no longer fits
pytestmark = pytest.mark.parametrize("interface", ["en", CODE], indirect=True)

TITLE = "Śląskie kreatywne – strategia 2027"
SILESIA = demo_id("region:Śląskie (Silesia)")


def ok(qtbot: Any, dialog: QDialog) -> None:
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))


def check_rows(widget: Any, starts: tuple[str, ...]) -> None:
    for index in range(widget.count()):
        item = widget.item(index)
        if item.text().startswith(starts) or any(s in item.text() for s in starts):
            item.setCheckState(Qt.CheckState.Checked)


def back(journey: Journey) -> None:
    window = journey.running.window
    journey.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    window.activateWindow()
    journey.qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_a_paper_from_the_evidence_frozen_printed_exported_and_compared(
        journey: Journey, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = journey.start()
    window = app.window
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.example_button, LEFT)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages.get("workshops"), timeout=60000)
    page = journey.go_to("strategy")
    assert isinstance(page, StrategyPage)
    papers = page.papers

    def new_paper(dialog: QDialog) -> None:
        assert isinstance(dialog, NewPaperDialog)
        choose(qtbot, dialog.region, "Śląskie")
        qtbot.mouseClick(dialog.title, LEFT)
        type_text(dialog.title, TITLE)
        ok(qtbot, dialog)

    on_next_dialog(new_paper, kind=NewPaperDialog)
    click(qtbot, papers.new_button)
    back(journey)
    assert papers.view is not None and papers.view.summary.title == TITLE
    paper_id = papers.view.summary.id
    # the summary, typed into the first section
    sections = papers.sections
    qtbot.mouseClick(sections.editor.viewport(), LEFT)
    type_text(sections.editor, "Trzy priorytety: **punkt kontaktowy**, dane, miejsca dla twórców.")
    qtbot.waitUntil(lambda: "punkt kontaktowy" in journey.services.strategy.papers.get(
        paper_id, live=False).sections[0].body, timeout=3000)
    # a findings block in "Needs and gaps"
    sections.sections.setCurrentRow(2)

    def findings_block(dialog: QDialog) -> None:
        assert isinstance(dialog, BlockDialog)
        choose(qtbot, dialog.kind, _("Selected findings with sources"))
        check_rows(dialog.findings, ("Creatives do not know whom to ask",))
        ok(qtbot, dialog)

    on_next_dialog(findings_block, kind=BlockDialog)
    click(qtbot, sections.block_button)
    back(journey)
    qtbot.waitUntil(lambda: sections.blocks.count() == 1, timeout=5000)
    # a priority and a measure resting on two findings
    papers.tabs.setCurrentWidget(papers.measures)
    measures = papers.measures

    def priority(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        type_text(edit, "Punkty kontaktowe dla twórców")
        ok(qtbot, dialog)

    on_next_dialog(priority, kind=QInputDialog)
    click(qtbot, measures.add_priority_button)
    back(journey)
    top = measures.tree.topLevelItem(0)
    qtbot.mouseClick(measures.tree.viewport(), LEFT, pos=measures.tree.visualItemRect(top).center())
    click(qtbot, measures.add_measure_button)
    assert measures.measure is not None
    measures.what.selectAll()
    qtbot.mouseClick(measures.what.viewport(), LEFT)
    measures.what.selectAll()
    type_text(measures.what, "Osoba kontaktowa ds. sektora kreatywnego w każdym starostwie.")
    qtbot.mouseClick(measures.responsible, LEFT)
    type_text(measures.responsible, "Departament Rozwoju Regionalnego")
    qtbot.mouseClick(measures.due, LEFT)
    type_text(measures.due, "2027-06-30")
    qtbot.mouseClick(measures.indicators[0][0], LEFT)
    type_text(measures.indicators[0][0], "Zapytania rocznie")
    check_rows(measures.findings, ("named contact person", "Creatives do not know whom to ask"))
    check_rows(measures.topics, ("Contact points",))
    click(qtbot, measures.save_button)
    stored = journey.services.strategy.papers.get(paper_id, live=False).measures[0]
    assert stored.responsible == "Departament Rozwoju Regionalnego" and len(stored.finding_ids) == 2
    assert not [w for w in journey.services.strategy.papers.warnings(paper_id) if w.ref == stored.id]
    # freeze for circulation
    papers.tabs.setCurrentWidget(papers.versions)
    click(qtbot, papers.versions.freeze_button)
    assert journey.services.strategy.papers.summary(paper_id).frozen
    frozen_blocks = [b for s in journey.services.strategy.papers.get(paper_id).sections for b in s.blocks]
    assert frozen_blocks and all(b.frozen and b.value.taken_on for b in frozen_blocks)
    # print the PDF through the preview, export the DOCX
    pdf = tmp_path / "paper.pdf"
    answer_save_dialog(monkeypatch, pdf)
    before = {id(d) for d in window.findChildren(QDialog)}
    pdf_action = next(a for a in papers.print_button.menu().actions() if a.text() == _("Paper (PDF)…"))
    pdf_action.trigger()
    text = save_from(qtbot, preview_opened(qtbot, papers, before), pdf)
    assert TITLE in text, text
    assert "Departament" in text and "Zapytania" in text
    assert "Creatives do not know whom to ask" in text
    pages = page_texts(pdf.read_bytes())
    if not journey.pseudo:  # the document's own words, in English
        assert "Annex: evidence" in text
        assert "Contents" in pages[1]
    docx_target = tmp_path / "paper.docx"
    answer_save_dialog(monkeypatch, docx_target)

    confirmed: list[bool] = []

    def confirm(box: QDialog) -> None:
        click(qtbot, box.button(QMessageBox.StandardButton.Ok))  # type: ignore[attr-defined]
        confirmed.append(True)

    on_next_dialog(confirm, kind=QMessageBox)
    menu = papers.print_button.menu()
    assert isinstance(menu, QMenu)
    next(a for a in menu.actions() if a.text() == _("Export for a word processor (DOCX)…")).trigger()
    # the file is written before the message saying so is shown: wait for that message to be answered
    qtbot.waitUntil(lambda: bool(confirmed) and docx_target.exists(), timeout=20000)
    back(journey)
    document = Document(str(docx_target))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Punkty kontaktowe dla twórców" in " ".join(headings)
    if not journey.pseudo:
        assert "1. Summary" in headings and "Priority 1: Punkty kontaktowe dla twórców" in headings
    table = next(t for t in document.tables if t.rows[0].cells[1].text == _("Measure"))
    assert table.rows[1].cells[2].text == "Departament Rozwoju Regionalnego"
    # a recommendation from this paper and Gorenjska's
    page.tabs.setCurrentWidget(page.recommendations)
    recs = page.recommendations

    def new_recommendation(dialog: QDialog) -> None:
        assert isinstance(dialog, NewRecommendationDialog)
        qtbot.mouseClick(dialog.title, LEFT)
        type_text(dialog.title, "Śląskie i Gorenjska: zalecenia")
        check_rows(dialog.papers, (f"Śląskie (Silesia) – {TITLE}", "Gorenjska –"))
        ok(qtbot, dialog)

    on_next_dialog(new_recommendation, kind=NewRecommendationDialog)
    click(qtbot, recs.new_button)
    back(journey)
    assert recs.view is not None and recs.view.summary.title == "Śląskie i Gorenjska: zalecenia"
    headers = [recs.matrix.horizontalHeaderItem(c).text() for c in range(recs.matrix.columnCount())]
    assert headers[0] == _("Topic") and headers[-1] == _("Common?")
    assert sorted(headers[1:3]) == ["Gorenjska", "Śląskie (Silesia)"]
    contact = next(r for r in range(recs.matrix.rowCount()) if recs.matrix.item(r, 0).text() == "Contact points")
    assert [recs.matrix.item(contact, c).text() for c in (1, 2, 3)] == ["✓", "✓", _("All regions")]
    data = next(r for r in range(recs.matrix.rowCount()) if recs.matrix.item(r, 0).text() == "Places and hubs")
    assert recs.matrix.item(data, 3).text() == _("One region")  # only Gorenjska's paper has that topic
    recommendation_id = recs.view.summary.id
    journey.quit_with_ctrl_q()
    journey.start()
    services = journey.services
    assert services.strategy.papers.summary(paper_id).frozen
    view = services.strategy.recommendations.get(recommendation_id)
    assert {p.id for p in view.papers} == {paper_id, strategy_demo.PAPER_GORENJSKA}
