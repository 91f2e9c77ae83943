"""A finding edited on two machines: the second save sees "Changed by … at …" and chooses Reload, Overwrite or
Keep both (a copy of mine beside theirs); the database is checked afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.ui.pages.evidence.page import EvidencePage
from inducci_desktop.ui.pages.evidence.register import RegisterTab
from inducci_desktop.ui.widgets.add_finding import FindingDialog

from .conftest import type_text
from .elsewhere import second_person
from .gui_input import click, on_next_dialog

SILESIA = demo_id("region:Śląskie (Silesia)")


@pytest.fixture
def started(launch: Any) -> Iterator[tuple[Any, Services]]:
    app = launch()
    app.services.identity.set_name("Anna Kowalczyk")
    app.services.regions.add_with_id(SILESIA, "Śląskie (Silesia)")
    with second_person(app, "Łukasz Żółw") as other:
        yield app, other


def _register(app: Any) -> RegisterTab:
    app.window.resize(1100, 720)
    app.window.show_page("evidence")
    page = app.window.pages["evidence"]
    assert isinstance(page, EvidencePage)
    page.register.reload()
    return page.register


def _edit(qtbot: Any, register: RegisterTab, finding_id: str, statement: str, meanwhile: Any, choice: str,
          seen: list[str], then: Any = None) -> None:
    """Select the finding, Edit…, type a new statement; ``meanwhile`` someone else saves the finding; Save,
    answer "Changed elsewhere" with ``choice``, ``then`` look at the dialog if it is still open."""
    item = next(i for i in register._items() if i.data(0, Qt.ItemDataRole.UserRole) == finding_id)
    register.tree.scrollToItem(item)
    qtbot.mouseClick(register.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=register.tree.visualItemRect(item).center())
    assert register.selected_id() == finding_id

    def question(box: Any) -> None:
        seen.append(box.text())
        click(qtbot, box.findChild(QPushButton, choice))

    def edit(dialog: Any) -> None:
        assert isinstance(dialog, FindingDialog)
        dialog.statement.setFocus()
        dialog.statement.selectAll()
        type_text(dialog.statement, statement)
        meanwhile()
        on_next_dialog(question, kind=QMessageBox)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        if then is not None:
            then(dialog)

    on_next_dialog(edit, kind=FindingDialog)
    click(qtbot, register.edit_button)


def test_finding_changed_elsewhere_reload_overwrite_keep_both(started: tuple[Any, Services], qtbot: Any) -> None:
    app, other = started
    findings = app.services.evidence.findings
    topic = findings.add_topic("Kreatywne miasta")
    made = findings.add(SILESIA, "Młodzi twórcy wyjeżdżają do Krakowa.", SourceRef("note"),
                        citation="Raport regionalny 2025, s. 12", topic_ids=[topic.id])
    register = _register(app)
    seen: list[str] = []

    # Reload: the dialog shows theirs; cancelled, nothing of mine is saved
    shown: list[tuple[str, str]] = []

    def look_and_cancel(dialog: FindingDialog) -> None:
        shown.append((dialog.statement.toPlainText(), dialog.strength.currentData()))
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    _edit(qtbot, register, made.id, "Młodzi twórcy zostają w Katowicach.",
          lambda: other.evidence.findings.update(made.id, strength="strong"), "reload", seen, look_and_cancel)
    assert len(seen) == 1 and seen[0].startswith("Changed by Łukasz Żółw at ")
    assert shown == [("Młodzi twórcy wyjeżdżają do Krakowa.", "strong")]
    stored = findings.get(made.id)
    assert (stored.statement, stored.strength) == ("Młodzi twórcy wyjeżdżają do Krakowa.", "strong")

    # Overwrite: mine over theirs
    _edit(qtbot, register, made.id, "Twórcy zostają w Gliwicach.",
          lambda: other.evidence.findings.update(made.id, statement="Twórcy wracają do Bytomia."), "overwrite", seen)
    assert len(seen) == 2
    stored = findings.get(made.id)
    assert (stored.statement, stored.strength, stored.row_version) == ("Twórcy zostają w Gliwicach.", "strong", 4)

    # Keep both: theirs stays, mine is a new finding of the same source, region and topics, marked as a copy
    _edit(qtbot, register, made.id, "Twórcy zostają w Opolu.",
          lambda: other.evidence.findings.update(made.id, statement="Twórcy wyjeżdżają do Wrocławia."), "keepBoth",
          seen)
    assert len(seen) == 3
    assert findings.get(made.id).statement == "Twórcy wyjeżdżają do Wrocławia."
    copies = [f for f in findings.list() if f.id != made.id]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.statement == "Twórcy zostają w Opolu. (copy)"
    assert (copy.region_id, copy.topic_names, copy.source.kind, copy.citation, copy.strength) == (
        SILESIA, ("Kreatywne miasta",), "note", "Raport regionalny 2025, s. 12", "strong")
    assert register.selected_id() == copy.id
