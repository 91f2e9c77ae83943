"""A strategy paper open on two machines: a section's text or an evidence block saved on the other one meanwhile
is not overwritten silently; the person sees "Changed by … at …" and chooses Reload, Overwrite or Keep both."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from inducci_desktop.services.container import Services
from inducci_desktop.services.strategy import demo as strategy_demo
from inducci_desktop.ui.pages.strategy.dialogs import BlockDialog
from inducci_desktop.ui.pages.strategy.sections import SectionsTab

from .conftest import type_text
from .elsewhere import answer_changed_elsewhere, second_person
from .gui_input import choose, click, on_next_dialog
from .test_strategy_page import CTRL, choose_paper, ok, open_page

SILESIA, GORENJSKA = strategy_demo.SILESIA, strategy_demo.GORENJSKA


@pytest.fixture
def started(launch: Any) -> Iterator[tuple[Any, Services]]:
    app = launch()
    app.services.identity.set_name("Anna Kowalczyk")
    with second_person(app, "Łukasz Żółw") as other:
        yield app, other


_answer_with = answer_changed_elsewhere


def _back_to_window(qtbot: Any, app: Any) -> None:
    """The window is active again once the question closes (the desktop does it; the offscreen platform not)."""
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=3000)


def _sections(app: Any, qtbot: Any, title: str) -> SectionsTab:
    page = open_page(app)
    choose_paper(qtbot, page, strategy_demo.PAPER_SILESIA)
    sections = page.papers.sections
    row = next(i for i in range(sections.sections.count()) if title in sections.sections.item(i).text())
    click(qtbot, sections.sections.viewport())
    sections.sections.setCurrentRow(row)
    return sections


def _type_at_end(qtbot: Any, sections: SectionsTab, text: str) -> None:
    editor = sections.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, text)


def test_section_text_changed_elsewhere_reload_overwrite_keep_both(started: tuple[Any, Services],
                                                                   qtbot: Any) -> None:
    app, other = started
    sections = _sections(app, qtbot, "Vision")
    section_id = sections.section_id
    assert section_id is not None
    papers = app.services.strategy.papers
    seen: list[str] = []

    # Reload: their text is shown and stored, mine is dropped
    other.strategy.papers.set_body(section_id, "Śląsk: kopalnie jako pracownie twórcze.")
    _answer_with(qtbot, "reload", seen)
    _type_at_end(qtbot, sections, " Moje zdanie.")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].startswith("Changed by Łukasz Żółw at ")
    assert sections.editor.toPlainText() == "Śląsk: kopalnie jako pracownie twórcze."
    assert papers.section_body(section_id) == "Śląsk: kopalnie jako pracownie twórcze."

    # Overwrite: mine is saved over theirs; Undo brings theirs back
    other.strategy.papers.set_body(section_id, "Gliwice i Zabrze – dziedzictwo przemysłowe.")
    _answer_with(qtbot, "overwrite", seen)
    _type_at_end(qtbot, sections, " Łódź też.")
    qtbot.waitUntil(lambda: papers.section_body(section_id).endswith("Łódź też."), timeout=5000)
    assert len(seen) == 2
    assert papers.section_body(section_id) == "Śląsk: kopalnie jako pracownie twórcze. Łódź też."
    _back_to_window(qtbot, app)
    qtbot.keyClick(sections.sections, Qt.Key.Key_Z, CTRL)  # the window's Undo
    qtbot.waitUntil(lambda: papers.section_body(section_id) == "Gliwice i Zabrze – dziedzictwo przemysłowe.",
                    timeout=3000)
    assert sections.editor.toPlainText() == "Gliwice i Zabrze – dziedzictwo przemysłowe."

    # Keep both: theirs stays and is shown, mine goes to the clipboard
    other.strategy.papers.set_body(section_id, "Bytom – Szombierki.")
    _answer_with(qtbot, "keepBoth", seen)
    _type_at_end(qtbot, sections, " Zamek w Pszczynie.")
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    qtbot.waitUntil(lambda: sections.editor.toPlainText() == "Bytom – Szombierki.", timeout=3000)
    assert papers.section_body(section_id) == "Bytom – Szombierki."
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    assert clipboard.text() == "Gliwice i Zabrze – dziedzictwo przemysłowe. Zamek w Pszczynie."

    # a change of its title alone is not a conflict: the text is saved without asking
    other.strategy.papers.rename_section(section_id, "Wizja 2030")
    _type_at_end(qtbot, sections, " Koniec.")
    qtbot.waitUntil(lambda: papers.section_body(section_id) == "Bytom – Szombierki. Koniec.", timeout=5000)
    assert len(seen) == 3


def _change_block(qtbot: Any, sections: SectionsTab, kind: str) -> None:
    item = sections.blocks.item(0)
    qtbot.mouseClick(sections.blocks.viewport(), Qt.MouseButton.LeftButton,
                     pos=sections.blocks.visualItemRect(item).center())
    assert sections.blocks.currentRow() == 0

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, BlockDialog)
        choose(qtbot, dialog.kind, kind)
        ok(qtbot, dialog)

    on_next_dialog(change, kind=BlockDialog)
    click(qtbot, sections.edit_block_button)


def _blocks(app: Any, section_id: str) -> list[tuple[str, dict[str, Any]]]:
    view = app.services.strategy.papers.get(strategy_demo.PAPER_SILESIA)
    section = next(s for s in view.sections if s.id == section_id)
    return [(b.kind, b.params) for b in section.blocks]


def test_block_changed_elsewhere_reload_overwrite_keep_both(started: tuple[Any, Services], qtbot: Any) -> None:
    app, other = started
    sections = _sections(app, qtbot, "Monitoring")
    section_id = sections.section_id
    assert section_id is not None and sections.blocks.count() == 0
    block = app.services.strategy.papers.add_block(section_id, "workshop_figures", {"region_id": SILESIA})
    sections.reload()
    assert sections.blocks.count() == 1

    def theirs_edit(kind: str, params: dict[str, Any]) -> None:
        other.strategy.papers.update_block(block.id, kind, params)

    seen: list[str] = []

    # Reload: their block is shown and stored
    theirs_edit("workshop_figures", {"region_id": GORENJSKA})
    _answer_with(qtbot, "reload", seen)
    _change_block(qtbot, sections, "Pilot criteria")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].startswith("Changed by Łukasz Żółw at ")
    assert _blocks(app, section_id) == [("workshop_figures", {"region_id": GORENJSKA})]
    assert sections.blocks.count() == 1 and "Gorenjska" in sections.blocks.item(0).text()

    # Overwrite: mine (the dialog starts from the block shown: Gorenjska) over theirs; Undo brings theirs back
    theirs_edit("workshop_figures", {"region_id": SILESIA})
    _answer_with(qtbot, "overwrite", seen)
    _change_block(qtbot, sections, "Pilot criteria")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert _blocks(app, section_id) == [("pilot_criteria", {"region_id": GORENJSKA})]
    _back_to_window(qtbot, app)
    qtbot.keyClick(sections.sections, Qt.Key.Key_Z, CTRL)
    assert _blocks(app, section_id) == [("workshop_figures", {"region_id": SILESIA})]
    app.window.redo_action.trigger()  # Edit > Redo
    assert _blocks(app, section_id) == [("pilot_criteria", {"region_id": GORENJSKA})]

    # Keep both: theirs stays, mine follows it in the same section
    theirs_edit("workshop_figures", {"region_id": SILESIA})
    _answer_with(qtbot, "keepBoth", seen)
    _change_block(qtbot, sections, "Workshop figures")
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert _blocks(app, section_id) == [("workshop_figures", {"region_id": SILESIA}),
                                        ("workshop_figures", {"region_id": GORENJSKA})]
    assert sections.blocks.count() == 2
    assert "Silesia" in sections.blocks.item(0).text() and "Gorenjska" in sections.blocks.item(1).text()
