"""The same answer edited in two places: the second person sees "Changed by … at …" and chooses Reload,
Overwrite or Keep both through the dialog's buttons; different answers merge without a question."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inducci_desktop.services.container import Services

from .elsewhere import answer_changed_elsewhere, second_person
from .test_checklists_page import setup

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def started(launch: Any) -> Iterator[tuple[Any, Services]]:
    app = launch()
    app.services.identity.set_name("Anna Kowalczyk")
    # a second person on the same database, with their own services and name
    with second_person(app, "Bořek Šťastný") as other:
        yield app, other


answer_with = answer_changed_elsewhere


def test_reload_overwrite_and_keep_both(started: tuple[Any, Services], qtbot: Any) -> None:
    app, other = started
    page, service = setup(app)
    theirs = other.checklists
    assessment = service.create("own-test", "Śląskie 2025")
    page.reload()
    page.open_assessment(assessment.id)
    runner = page.runner
    seen: list[str] = []

    # a different answer saved by the other person merges: no question
    theirs.set_answer(assessment.id, "q-choice", "b", expected=0)
    qtbot.keyClick(runner.cards["q-scale"].editor.buttons[0], Qt.Key.Key_4)
    assert seen == [] and service.get(assessment.id).value("q-scale") == 4

    # the same answer: Reload drops mine and shows theirs
    theirs.set_answer(assessment.id, "q-ynp", "yes", expected=0)
    answer_with(qtbot, "reload", seen)
    qtbot.keyClick(runner.cards["q-ynp"].editor.buttons[0], Qt.Key.Key_P)
    assert seen and seen[-1].startswith("Changed by Bořek Šťastný at ")
    assert service.get(assessment.id).value("q-ynp") == "yes"
    assert runner.cards["q-ynp"].editor.value() == "yes"
    assert "Reloaded" in runner.saved.text()

    # again, after they changed it once more: Overwrite saves mine on top, in my name
    theirs.set_answer(assessment.id, "q-ynp", "no", expected=None)
    answer_with(qtbot, "overwrite", seen)
    qtbot.keyClick(runner.cards["q-ynp"].editor.buttons[0], Qt.Key.Key_P)
    assert len(seen) == 2
    stored = service.get(assessment.id).answers["q-ynp"]
    assert (stored.value, stored.changed_by) == ("partly", "Anna Kowalczyk")
    assert runner.saved.text().startswith("✓ Saved")

    # a note: Keep both keeps theirs and adds mine after it, in the same note
    theirs.set_note(assessment.id, "q-scale", "Zdroj: Krajský úřad", expected=None)
    answer_with(qtbot, "keepBoth", seen)
    note = runner.cards["q-scale"].note.edit
    note.setFocus()
    qtbot.keyClicks(note, "Source: chamber")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert len(seen) == 3
    assert service.get(assessment.id).note("q-scale") == "Zdroj: Krajský úřad — Source: chamber"
    assert note.text() == "Zdroj: Krajský úřad — Source: chamber"

    # an answer cannot be copied: Keep both keeps theirs and puts mine on the clipboard
    theirs.set_answer(assessment.id, "q-ynp", "no", expected=None)
    answer_with(qtbot, "keepBoth", seen)
    qtbot.keyClick(runner.cards["q-ynp"].editor.buttons[0], Qt.Key.Key_Y)
    assert len(seen) == 4
    assert service.get(assessment.id).value("q-ynp") == "no"
    assert runner.cards["q-ynp"].editor.value() == "no"
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == "yes"
    assert "clipboard" in runner.saved.text()
