"""One change signal: a record made on one page is offered at once by another page already built."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.ui.pages.print_center.page import PrintCenterPage
from inducci_desktop.ui.pages.workshops.page import WorkshopsPage

from .conftest import type_text


def choices(page: PrintCenterPage) -> list[str]:
    return [page.choice_combo.itemText(i) for i in range(page.choice_combo.count())]


def test_workshop_made_on_its_page_is_offered_by_the_print_center_at_once(launch: Any, qtbot: Any) -> None:
    app = launch()
    center = app.window.pages["print_center"]  # built here (it is built on first use)
    assert isinstance(center, PrintCenterPage)
    center.source_combo.setCurrentIndex(center.source_combo.findData("workshop-agenda"))
    title = "Warsztaty w Łodzi – Straße"
    assert title not in choices(center)
    heard: list[Changes] = []
    app.window.events.changed.connect(heard.append)

    app.window.show_page("workshops")
    page = app.window.pages["workshops"]
    assert isinstance(page, WorkshopsPage)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        assert field is not None
        type_text(field, title)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(page.list.new_button, Qt.MouseButton.LeftButton)

    made = [w for w in app.services.workshops.list() if w.title == title]
    assert len(made) == 1
    assert any(c.touches(Kind.WORKSHOP, record_id=made[0].id) for c in heard)
    # the Print Center was never shown again, and still offers the new workshop
    assert app.window.stack.currentWidget() is page
    assert title in choices(center)
    center_index = center.choice_combo.findData(made[0].id)
    assert center_index >= 0


def test_a_write_in_a_background_job_arrives_on_the_ui_thread(launch: Any, qtbot: Any) -> None:
    from inducci_desktop.ui.jobs import Job

    app = launch()
    threads: list[bool] = []
    app.window.events.changed.connect(
        lambda changes: threads.append(QApplication.instance().thread().isCurrentThread()))  # type: ignore[union-attr]
    done: list[str] = []
    Job(lambda _report: app.services.regions.add("Górny Śląsk").id).success(done.append).start()
    qtbot.waitUntil(lambda: bool(done) and bool(threads), timeout=5000)
    assert threads == [True]
    settings = app.window.settings_page
    assert "Górny Śląsk" in [settings.regions.model.rows[i].name for i in range(len(settings.regions.model.rows))]
