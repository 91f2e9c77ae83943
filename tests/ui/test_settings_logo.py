"""Choosing the organisation logo in Settings as a person does: click "Organisation logo…", pick a file in the
file dialog (answered by replacing ``logo.choose_logo_file``), see it, print certificates with it, remove it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from inducci_desktop.services.demo import demo_id, load_demo
from inducci_desktop.services.documents import DocumentRequest, build
from inducci_desktop.services.logo import logo_path
from inducci_desktop.ui.pages.settings import logo as logo_panel

from ..printing.conftest import reader

LEFT = Qt.MouseButton.LeftButton


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, chosen: Path | None) -> None:
    monkeypatch.setattr(logo_panel, "choose_logo_file", lambda _parent: chosen)


def certificate_images(services: Any) -> int:
    data = build(services, DocumentRequest("workshop-certificates",
                                           demo_id("workshop:bielsko-biala-training"))).data
    resources = reader(data).pages[0].get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")


def test_choose_and_remove_the_organisation_logo(launch: Any, qtbot: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    app = launch()
    app.services.prepare()
    load_demo(app.services)
    window = app.window
    nav = window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings")
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())  # the page, as a person opens it
    panel = window.settings_page.logo
    assert window.pages["settings"].isVisible()
    assert panel.choose_button.isVisible()
    assert not panel.remove_button.isEnabled()
    stored = logo_path(app.services.paths)

    # a file that is not an image: a message naming it, nothing stored
    bad = tmp_path / "not-a-logo.png"
    bad.write_text("hello")
    answer_file_dialog(monkeypatch, bad)
    qtbot.mouseClick(panel.choose_button, LEFT)
    assert panel.error_label.isVisible()
    assert "not-a-logo.png" in panel.error_label.text() and "not an image" in panel.error_label.text()
    assert not stored.exists() and not panel.remove_button.isEnabled()

    # the file dialog closed without a choice: nothing happens
    answer_file_dialog(monkeypatch, None)
    qtbot.mouseClick(panel.choose_button, LEFT)
    assert not stored.exists()

    # a real logo
    source = tmp_path / "Znak Łódź.png"
    Image.new("RGBA", (2400, 800), (31, 95, 139, 255)).save(source)
    answer_file_dialog(monkeypatch, source)
    qtbot.mouseClick(panel.choose_button, LEFT)
    assert not panel.error_label.isVisible()
    assert stored.is_file() and panel.remove_button.isEnabled()
    assert panel.preview.isVisible() and not panel.preview.pixmap().isNull()
    assert "1000 × 333" in panel.state_label.text()
    assert certificate_images(app.services) == 1  # the documents take it from the data folder

    qtbot.mouseClick(panel.remove_button, LEFT)
    assert not stored.exists() and not panel.remove_button.isEnabled()
    assert "No organisation logo" in panel.state_label.text()
    assert certificate_images(app.services) == 0
