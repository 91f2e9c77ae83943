"""The workshop details form open on two machines: the second save sees "Changed by … at …" and chooses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inducci_desktop.services.container import Services

from .conftest import type_text
from .elsewhere import answer_changed_elsewhere, second_person
from .test_workshops_page import new_workshop, open_page


@pytest.fixture
def started(launch: Any) -> Iterator[tuple[Any, Services]]:
    app = launch()
    app.services.identity.set_name("Anna Kowalczyk")
    with second_person(app, "Łukasz Żółw") as other:
        yield app, other


def test_details_changed_elsewhere_reload_then_overwrite(started: tuple[Any, Services], qtbot: Any,
                                                        monkeypatch: Any) -> None:
    app, other = started
    page = open_page(app)
    workshop_id = new_workshop(page, monkeypatch, "Szkolenie w Żywcu")
    details = page.details
    seen: list[str] = []

    def answer_with(button: str) -> None:
        answer_changed_elsewhere(qtbot, button, seen)

    theirs = other.workshops.get(workshop_id)
    other.workshops.update(workshop_id, replace(theirs.as_input(), venue="Dom Kultury, Żywiec"))
    answer_with("reload")
    details.venue.setFocus()
    type_text(details.venue, "Starostwo")
    qtbot.keyClick(details.venue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[-1].startswith("Changed by Łukasz Żółw at ")
    assert details.venue.text() == "Dom Kultury, Żywiec"
    assert app.services.workshops.get(workshop_id).venue == "Dom Kultury, Żywiec"

    theirs = other.workshops.get(workshop_id)
    other.workshops.update(workshop_id, replace(theirs.as_input(), objectives="Mapa sektora"))
    answer_with("overwrite")
    details.venue.setFocus()
    details.venue.selectAll()
    type_text(details.venue, "Starostwo Powiatowe")
    qtbot.keyClick(details.venue, Qt.Key.Key_Return)  # Enter ends the edit: saved
    assert len(seen) == 2
    stored = app.services.workshops.get(workshop_id)
    assert (stored.venue, stored.changed_by) == ("Starostwo Powiatowe", "Anna Kowalczyk")
    assert details.state.text() == "✓ All changes saved."

    theirs = other.workshops.get(workshop_id)
    other.workshops.update(workshop_id, replace(theirs.as_input(), venue="Hala"))
    answer_with("keepBoth")
    details.venue.setFocus()
    details.venue.selectAll()
    type_text(details.venue, "Zamek")
    qtbot.keyClick(details.venue, Qt.Key.Key_Return)  # Enter ends the edit: saved
    assert len(seen) == 3
    assert app.services.workshops.get(workshop_id).venue == "Hala" and details.venue.text() == "Hala"
    clipboard = QApplication.clipboard()
    assert clipboard is not None and "Zamek" in clipboard.text()
