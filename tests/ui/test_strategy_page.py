"""The Strategy page driven as a person: typing a section (autosaved, undone with Ctrl+Z), the outline,
a measure and its warnings, an evidence block, freezing, a DOCX export and a recommendation; results checked
in the database and the files written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QMenu, QMessageBox, QPushButton

from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.strategy import demo as strategy_demo
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.pages.strategy.dialogs import BlockDialog, ItemDialog
from inducci_desktop.ui.pages.strategy.page import StrategyPage

from .conftest import type_text
from .gui_input import choose, click, on_next_dialog
from .test_document_preview import answer_save_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def open_page(app: RunningApp) -> StrategyPage:
    assert app.services is not None
    load_demo(app.services)
    app.window.resize(1100, 720)
    app.window.activateWindow()
    app.window.show_page("strategy")
    page = app.window.pages["strategy"]
    assert isinstance(page, StrategyPage)
    page.papers.reload()
    return page


def choose_paper(qtbot: Any, page: StrategyPage, paper_id: str) -> None:
    combo = page.papers.chooser
    text = combo.itemText(combo.findData(paper_id))
    choose(qtbot, combo, text)
    assert page.papers.view is not None and page.papers.view.summary.id == paper_id


def ok(qtbot: Any, dialog: QDialog) -> None:
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))


def menu_action(button: QPushButton, text: str) -> Any:
    menu = button.menu()
    assert isinstance(menu, QMenu)
    return next(a for a in menu.actions() if a.text().startswith(text))


def test_typed_text_is_saved_previewed_and_undone(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_SILESIA)
    sections = page.papers.sections
    vision = next(i for i in range(sections.sections.count()) if "Vision" in sections.sections.item(i).text())
    click(qtbot, sections.sections.viewport())  # focus the list, then pick the row as a person does
    sections.sections.setCurrentRow(vision)
    editor = sections.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " **Łódź, Plzeň, Győr** – Straße für Kreative.")
    assert "<b>Łódź, Plzeň, Győr</b>" in sections.preview.toHtml() or "Łódź, Plzeň, Győr" in \
        sections.preview.toPlainText()
    papers = app.services.strategy.papers
    section_id = sections.section_id
    qtbot.waitUntil(lambda: "Straße für Kreative" in papers.section_body(section_id), timeout=3000)
    qtbot.keyClick(sections.sections, Qt.Key.Key_Z, CTRL)  # the window's Undo (Edit menu) from the list
    qtbot.waitUntil(lambda: "Straße" not in papers.section_body(section_id), timeout=3000)
    assert "Straße" not in editor.toPlainText()


def test_outline_add_rename_move_delete_restore(launch: Any, qtbot: Any) -> None:
    app = launch()
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_GORENJSKA)
    sections = page.papers.sections

    def named(title: str) -> Any:
        def answer(dialog: QDialog) -> None:
            edit = dialog.findChild(QLineEdit)
            edit.selectAll()
            type_text(edit, title)
            ok(qtbot, dialog)
        return answer

    on_next_dialog(named("Pilotne akcije"), kind=QInputDialog)
    click(qtbot, sections.add_button)
    qtbot.waitUntil(lambda: any("Pilotne akcije" in s.title for s in app.services.strategy.papers.get(
        strategy_demo.PAPER_GORENJSKA, live=False).sections), timeout=5000)
    titles = [s.title for s in app.services.strategy.papers.get(strategy_demo.PAPER_GORENJSKA, live=False).sections]
    assert titles.index("Pilotne akcije") == 1  # after the section that was chosen (Summary)
    click(qtbot, sections.up_button)
    on_next_dialog(named("Pilotne akcije in učenje"), kind=QInputDialog)
    click(qtbot, sections.rename_button)
    qtbot.waitUntil(lambda: app.services.strategy.papers.get(strategy_demo.PAPER_GORENJSKA, live=False)
                    .sections[0].title == "Pilotne akcije in učenje", timeout=5000)
    click(qtbot, sections.delete_button)
    page.window().activateWindow()  # back from the dialogs (the offscreen platform does not do it itself)
    qtbot.waitUntil(page.window().isActiveWindow, timeout=3000)
    assert "Pilotne akcije in učenje" not in [s.title for s in app.services.strategy.papers.get(
        strategy_demo.PAPER_GORENJSKA, live=False).sections]
    qtbot.keyClick(sections.sections, Qt.Key.Key_Z, CTRL)
    assert app.services.strategy.papers.get(strategy_demo.PAPER_GORENJSKA, live=False).sections[0].title == \
        "Pilotne akcije in učenje"


def test_a_measure_is_completed_and_its_warnings_go(launch: Any, qtbot: Any, dialogs: Any) -> None:
    app = launch()
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_SILESIA)
    page.papers.tabs.setCurrentWidget(page.papers.measures)
    measures = page.papers.measures
    bare = next(m for m in page.papers.view.measures if not m.finding_ids)
    item = next(measures.tree.topLevelItem(t).child(c) for t in range(measures.tree.topLevelItemCount())
                for c in range(measures.tree.topLevelItem(t).childCount())
                if measures.tree.topLevelItem(t).child(c).data(0, Qt.ItemDataRole.UserRole)[1] == bare.id)
    rect = measures.tree.visualItemRect(item)
    qtbot.mouseClick(measures.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert measures.measure is not None and measures.measure.id == bare.id
    assert any("mark it or support it" in measures.warnings.item(i).text() for i in range(measures.warnings.count()))
    qtbot.mouseClick(measures.responsible, Qt.MouseButton.LeftButton)
    type_text(measures.responsible, "Urząd Marszałkowski – szkolenia")
    qtbot.mouseClick(measures.due, Qt.MouseButton.LeftButton)
    type_text(measures.due, "2027-13-01")
    click(qtbot, measures.save_button)
    assert measures.error.isVisible() and "YYYY-MM-DD" in measures.error.text()
    measures.due.clear()
    qtbot.mouseClick(measures.due, Qt.MouseButton.LeftButton)
    type_text(measures.due, "2027-05-31")
    name = measures.indicators[0][0]
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    type_text(name, "Site visits per year")
    first = measures.findings.item(0)
    rect = measures.findings.visualItemRect(first)
    qtbot.mouseClick(measures.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(measures.findings, Qt.Key.Key_Space)
    click(qtbot, measures.save_button)
    stored = next(m for m in app.services.strategy.papers.get(strategy_demo.PAPER_SILESIA, live=False).measures
                  if m.id == bare.id)
    assert stored.responsible == "Urząd Marszałkowski – szkolenia" and str(stored.due) == "2027-05-31"
    assert stored.indicators[0].name == "Site visits per year" and len(stored.finding_ids) == 1
    kinds = {(w.kind, w.ref) for w in app.services.strategy.papers.warnings(strategy_demo.PAPER_SILESIA)}
    assert ("assumption", bare.id) not in kinds and ("no_owner", bare.id) not in kinds


def test_block_freeze_new_version_and_docx_export(launch: Any, qtbot: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    app = launch()
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_SILESIA)
    sections = page.papers.sections
    sections.sections.setCurrentRow(6)  # Monitoring and review

    def workshop_figures(dialog: QDialog) -> None:
        assert isinstance(dialog, BlockDialog)
        choose(qtbot, dialog.kind, "Workshop figures")
        ok(qtbot, dialog)

    on_next_dialog(workshop_figures, kind=BlockDialog)
    click(qtbot, sections.block_button)
    qtbot.waitUntil(lambda: sections.blocks.count() == 1, timeout=5000)
    assert "Workshop figures" in sections.blocks.item(0).text()
    page.papers.tabs.setCurrentWidget(page.papers.versions)
    click(qtbot, page.papers.versions.freeze_button)
    summary = app.services.strategy.papers.summary(strategy_demo.PAPER_SILESIA)
    assert summary.frozen
    assert not page.papers.sections.add_button.isEnabled() and page.papers.sections.editor.isReadOnly()
    click(qtbot, page.papers.versions.new_button)
    assert page.papers.view is not None and page.papers.view.summary.version == 2
    target = tmp_path / "paper.docx"
    answer_save_dialog(monkeypatch, target)

    def saved(box: QDialog) -> None:
        if isinstance(box, QMessageBox):
            click(qtbot, box.button(QMessageBox.StandardButton.Ok))

    on_next_dialog(saved, kind=QMessageBox)
    menu_action(page.papers.print_button, "Export for a word processor").trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    document = Document(str(target))
    assert any(p.text == "1. Summary" for p in document.paragraphs)
    assert any(t.rows[0].cells[1].text == "Measure" for t in document.tables)


def test_a_recommendation_needs_two_regions_examples(launch: Any, qtbot: Any, dialogs: Any) -> None:
    app = launch()
    page = open_page(app)
    click(qtbot, page.tabs.tabBar())
    page.tabs.setCurrentWidget(page.recommendations)
    tab = page.recommendations
    assert tab.matrix.rowCount() >= 3 and tab.matrix.horizontalHeaderItem(2).text() == "Gorenjska"

    def fill(regions: int) -> Any:
        def answer(dialog: QDialog) -> None:
            assert isinstance(dialog, ItemDialog)
            qtbot.mouseClick(dialog.title, Qt.MouseButton.LeftButton)
            dialog.title.clear()
            type_text(dialog.title, "Open former industrial halls to creatives across Europe")
            dialog.actor.clear()
            type_text(dialog.actor, "Member states' ERDF managing authorities")
            dialog.reasoning.clear()
            type_text(dialog.reasoning, "Both regions have empty halls and creatives looking for space.")
            examples = dialog.examples
            wanted = ["Śląskie (Silesia) · Measure: Open two", "Gorenjska · Measure: Studios"][:regions]
            for i in range(examples.count()):
                item = examples.item(i)
                if any(item.text().startswith(w) for w in wanted):
                    item.setCheckState(Qt.CheckState.Checked)
            ok(qtbot, dialog)
        return answer

    # first with one region only: refused with a message, the dialog comes back, then completed
    on_next_dialog(fill(1), kind=ItemDialog)
    dialogs_before = len(dialogs.shown)

    def second_round() -> None:
        on_next_dialog(fill(2), kind=ItemDialog)

    from PySide6.QtCore import QTimer
    QTimer.singleShot(300, second_round)
    click(qtbot, tab.add_item_button)
    assert any("at least 2 regions" in text for _k, _t, text in dialogs.shown[dialogs_before:])
    view = app.services.strategy.recommendations.get(strategy_demo.RECOMMENDATION)
    added = next(i for i in view.items if i.title.startswith("Open former industrial halls"))
    assert added.regions == 2 and added.actor == "Member states' ERDF managing authorities"


def test_compare_versions_and_adopt(launch: Any, qtbot: Any, dialogs: Any) -> None:
    app = launch()
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_GORENJSKA)
    versions = page.papers.versions
    page.papers.tabs.setCurrentWidget(versions)
    click(qtbot, versions.freeze_button)
    click(qtbot, versions.new_button)
    second = page.papers.view
    assert second is not None and second.summary.version == 2
    page.papers.tabs.setCurrentWidget(page.papers.sections)
    editor = page.papers.sections.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "Dodatek: Škofja Loka in Tržič.")
    page.papers.tabs.setCurrentWidget(versions)  # leaving the editor saves what was typed
    page.papers.sections.flush()
    choose(qtbot, versions.other, "Version 1")
    click(qtbot, versions.compare_button)
    assert "+ Dodatek: Škofja Loka in Tržič." in versions.diff.toPlainText()
    choose(qtbot, versions.status, "Adopted")
    click(qtbot, versions.status_button)
    assert any("Name the body" in text for _k, _t, text in dialogs.shown)
    assert app.services.strategy.papers.summary(second.summary.id).status == "draft"
    qtbot.mouseClick(versions.adopted_by, Qt.MouseButton.LeftButton)
    type_text(versions.adopted_by, "Svet Gorenjske regije")
    qtbot.mouseClick(versions.adopted_on, Qt.MouseButton.LeftButton)
    type_text(versions.adopted_on, "2026-11-20")
    choose(qtbot, versions.status, "Adopted")
    click(qtbot, versions.status_button)
    adopted = app.services.strategy.papers.summary(second.summary.id)
    assert adopted.status == "adopted" and adopted.frozen and adopted.adopted_by == "Svet Gorenjske regije"
