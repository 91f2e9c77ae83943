"""The official's journey, driven only through real input: start an assessment of a region from the managed
list, answer every item type by keyboard and by mouse, quit half-way, reopen, finish, print the report and a
blank paper form through the preview.

Nothing here calls a slot or a service to perform a step; services are used only to check what was stored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from inducci_desktop.domain.i18n import _
from inducci_desktop.ui.pages.checklists.items import (
    ChoiceEditor,
    DateEditor,
    LongTextEditor,
    MultiEditor,
    NumberEditor,
    ScaleEditor,
    TextEditor,
    YnpEditor,
)
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage

from ..pseudo_locale import CODE
from ..ui.conftest import type_text
from ..ui.gui_input import choose, choose_data
from ..ui.test_document_preview import answer_save_dialog, choose_in_menu, dialogs_under, preview_opened, save_from
from .journey import LEFT, Journey, when_modal

# the journey in English, in the pseudo-locale (tests/pseudo_locale.py), where every page and dialog it meets
# is checked for text that escaped translation or no longer fits, and in Polish, where the report and the blank
# paper form must hold no English word (``english_words``)
pytestmark = pytest.mark.parametrize("interface", ["en", CODE, "pl"], indirect=True)

#: words of the English report and paper form that a Polish one must not contain (matched as whole words, with
#: their case); the Polish words that look the same ("Region", "Status") are left out
ENGLISH = ("Assessment", "assessment", "Assessor", "Date", "Page", "page", "of", "Answer", "answered", "Yes", "No",
           "Partly", "Notes", "Score", "Scores", "Total", "Section", "Required", "required", "Not", "not", "the",
           "and", "Checklist", "Subject", "Completed", "completed", "Comments", "Signature", "Print",
           "Tick", "Write", "Summary", "items", "Items", "Printed", "applicable")
ENGLISH_ONLY = "available in English only"


def english_words(text: str) -> list[str]:
    """The English words of ``text`` outside content marked as available in English only (none is, for the
    checklist printed here: the Polish pack translates every item)."""
    marked = _(ENGLISH_ONLY)
    assert marked not in text and ENGLISH_ONLY not in text, "content in English only in a printout of a checklist"
    words = set(re.findall(r"[A-Za-z]+", text))
    return sorted(words & set(ENGLISH))

TEMPLATE = "checklist-regional-status-quo"  # every item type: ynp, scale, choice, multi, text, longtext, number, date


def checklists_page(journey: Journey) -> ChecklistsPage:
    journey.go_to("checklists")
    page = journey.page("checklists")
    assert isinstance(page, ChecklistsPage)
    return page


def start_assessment(journey: Journey, qtbot: Any, region: str) -> None:
    """Ctrl+N on the Checklists page; the dialog is filled by typing and answered with its Start button."""
    page = checklists_page(journey)
    done: list[bool] = []

    def fill(dialog: QDialog) -> None:
        combo = dialog.template_combo  # type: ignore[attr-defined]
        choose_data(qtbot, combo, TEMPLATE)
        assert combo.currentData() == TEMPLATE
        title = dialog.title_edit  # type: ignore[attr-defined]
        title.setFocus()
        type_text(title, "Śląskie – stan obecny 2026")
        choose_region(qtbot, dialog, region)
        assessor = dialog.assessor_edit  # type: ignore[attr-defined]
        assessor.selectAll()
        type_text(assessor, "Bożena Wójcik")
        start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert start.text() == _("Start")
        journey.look(dialog)
        qtbot.mouseClick(start, LEFT)
        done.append(True)

    errors = when_modal(qtbot, fill)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    if errors:
        raise errors[0]
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.runner, timeout=10000)


def choose_region(qtbot: Any, dialog: QDialog, region: str) -> None:
    """Pick ``region`` from the managed list in the dialog's region chooser, by keyboard."""
    combo = dialog.region_picker  # type: ignore[attr-defined]
    assert combo.findText(region) > 0, f"{region} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    choose(qtbot, combo, region)
    assert combo.currentText() == region and combo.region_id() is not None


def answer_section(qtbot: Any, page: ChecklistsPage, section: int, *, keyboard: bool) -> dict[str, Any]:  # noqa: C901
    """Answer every item of one section, by keyboard or by mouse; returns what was answered.

    One flat branch per item editor (how a person answers each type), hence past the complexity limit."""
    runner = page.runner
    window = page.window()
    if not window.isActiveWindow():  # a person's keys go to the window in front
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    if runner.sections.currentRow() != section:
        rect = runner.sections.visualItemRect(runner.sections.item(section))
        qtbot.mouseClick(runner.sections.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: runner.sections.currentRow() == section)
    view = runner.view
    assert view is not None
    expected: dict[str, Any] = {}
    for item in view.template.sections[section].items:
        qtbot.waitUntil(lambda key=item.key: key in runner.cards, timeout=5000)
        card = runner.cards[item.key]
        editor = card.editor
        card.setFocus()
        if isinstance(editor, YnpEditor):
            if keyboard:
                editor.buttons[0].setFocus()
                qtbot.keyClick(editor.buttons[0], Qt.Key.Key_Y)
            else:
                qtbot.mouseClick(editor.buttons[1], LEFT)
            expected[item.key] = "yes" if keyboard else "partly"
        elif isinstance(editor, ScaleEditor):
            if keyboard:
                editor.buttons[0].setFocus()
                qtbot.keyClick(editor.buttons[0], Qt.Key.Key_4)
                expected[item.key] = 4
            else:
                qtbot.mouseClick(editor.buttons[1], LEFT)
                expected[item.key] = editor.choices[1][0]
        elif isinstance(editor, ChoiceEditor):
            target = editor.buttons[-1]
            if keyboard:
                editor.buttons[0].setFocus()
                for index in range(len(editor.buttons) - 1):  # arrows move from option to option
                    qtbot.keyClick(editor.buttons[index], Qt.Key.Key_Down)
                    assert editor.buttons[index + 1].hasFocus()
                qtbot.keyClick(target, Qt.Key.Key_Space)
            else:
                qtbot.mouseClick(target, LEFT)
            expected[item.key] = editor.choices[-1][0]
        elif isinstance(editor, MultiEditor):
            first, last = editor.boxes[0], editor.boxes[-1]
            if keyboard:
                first.setFocus()
                qtbot.keyClick(first, Qt.Key.Key_Space)
                last.setFocus()
                qtbot.keyClick(last, Qt.Key.Key_Space)
            else:  # on the box itself (a wide check box is not clickable right of its label)
                for box in (first, last):
                    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
            expected[item.key] = sorted({item.options[0].key, item.options[-1].key})
        elif isinstance(editor, NumberEditor):
            qtbot.mouseClick(editor.edit, LEFT)
            qtbot.keyClicks(editor.edit, "12,5")
            qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
            expected[item.key] = 12.5
        elif isinstance(editor, DateEditor):
            qtbot.mouseClick(editor.edit, LEFT)
            qtbot.keyClicks(editor.edit, "2026-03-31")
            qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
            expected[item.key] = "2026-03-31"
        elif isinstance(editor, TextEditor):
            qtbot.mouseClick(editor.edit, LEFT)
            type_text(editor.edit, "Łódź, Ostrava, Győr")
            qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)
            expected[item.key] = "Łódź, Ostrava, Győr"
        elif isinstance(editor, LongTextEditor):
            qtbot.mouseClick(editor.edit.viewport(), LEFT)
            type_text(editor.edit, "Kreativwirtschaft in Žilina und Kroměříž: ß, ű, ő.")
            qtbot.keyClick(editor.edit, Qt.Key.Key_Tab)  # Tab leaves the field and saves
            expected[item.key] = "Kreativwirtschaft in Žilina und Kroměříž: ß, ű, ő."
        else:  # pragma: no cover - a new item type must be added to this journey
            pytest.fail(f"item type {item.type} is not covered by the journey")
    return expected


def stored(journey: Journey, assessment_id: str) -> dict[str, Any]:
    view = journey.services.checklists.get(assessment_id)
    return {key: (sorted(a.value) if isinstance(a.value, list) else a.value) for key, a in view.answers.items()
            if a.value is not None}


def test_official_assesses_a_region_quits_half_way_finishes_and_prints(
        journey: Journey, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journey.start()
    journey.add_region_in_settings("Śląskie")

    # 1. a new assessment of a region chosen from the managed list
    start_assessment(journey, qtbot, "Śląskie")
    page = checklists_page(journey)
    view = page.runner.view
    assert view is not None
    assessment_id = view.id
    summary = journey.services.checklists.get(assessment_id).summary
    assert summary.region_id is not None and summary.subject in ("", "Śląskie")
    assert journey.services.regions.get(summary.region_id).name == "Śląskie"
    sections = len(view.template.sections)
    assert sections >= 2

    # 2. the first half by keyboard, then quit with Ctrl+Q half-way
    expected: dict[str, Any] = {}
    half = sections // 2
    for section in range(half):
        expected |= answer_section(qtbot, page, section, keyboard=True)
    assert stored(journey, assessment_id) == expected
    journey.quit_with_ctrl_q()

    # 3. reopen: every answer is there; the rest by mouse; complete
    journey.start()
    assert stored(journey, assessment_id) == expected
    page = checklists_page(journey)
    row = page.model.row_of(assessment_id)
    assert row >= 0
    qtbot.waitUntil(lambda: page.table.visualRect(page.model.index(row, 0)).isValid())
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    assert page.selected_ids() == [assessment_id]
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Return opens the selected assessment
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.runner, timeout=10000)
    journey.look(page)
    for section in range(half, sections):
        expected |= answer_section(qtbot, page, section, keyboard=False)
    assert stored(journey, assessment_id) == expected
    types = {item.type for s in view.template.sections for item in s.items}
    assert types == {"ynp", "scale", "choice", "multi", "text", "longtext", "number", "date"}

    qtbot.mouseClick(page.runner.complete_button, LEFT)
    qtbot.waitUntil(lambda: journey.services.checklists.get(assessment_id).summary.status == "completed",
                    timeout=10000)

    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.summary, timeout=10000)
    journey.look(page)

    # 4. the report, through the preview, from the summary's Print report… button
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.pdf"
    answer_save_dialog(monkeypatch, report)
    before = dialogs_under(page)
    qtbot.mouseClick(page.summary.print_button, LEFT)
    preview = preview_opened(qtbot, page, before)
    journey.look(preview)
    text = save_from(qtbot, preview, report)
    assert "Śląskie – stan obecny 2026" in text and "Łódź, Ostrava, Győr" in text and "Bożena Wójcik" in text
    if journey.language == "pl":
        assert _("Assessment") != "Assessment", "the interface is not Polish"
        assert not english_words(text), english_words(text)

    # 5. a blank paper form of the same checklist, from the list's Print menu
    back = next(b for b in page.summary.findChildren(QPushButton) if b.text() == _("← Assessments"))
    qtbot.mouseClick(back, LEFT)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST)
    row = page.model.row_of(assessment_id)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    blank = out / "blank.pdf"
    answer_save_dialog(monkeypatch, blank)
    before = dialogs_under(page)
    choose_in_menu(page.print_button, _("&Blank paper form…").replace("&", ""))
    blank_text = save_from(qtbot, preview_opened(qtbot, page, before), blank)
    assert view.template.title.split()[0] in blank_text
    assert "Łódź, Ostrava, Győr" not in blank_text  # blank: no answers
    if journey.language == "pl":
        assert not english_words(blank_text), english_words(blank_text)

    # nothing typed was lost on the way
    journey.quit_with_ctrl_q()
    journey.start()
    assert stored(journey, assessment_id) == expected
