"""The Exchange page refuses a bundle whose values the app itself would refuse: the preview explains which
record and which field, and nothing is changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from inducci_desktop.services.demo import load_demo
from inducci_desktop.ui.pages.exchange import page as exchange_page
from inducci_desktop.ui.pages.exchange.page import ExchangePage
from tests.hostile.bundles.make import WORKSHOP, write_case
from tests.services.exchange_helpers import dump

from .conftest import Dialogs


def test_a_bundle_with_a_bogus_status_and_mode_is_refused_by_the_preview(
        launch: Any, qtbot: Any, monkeypatch: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    app = launch()
    load_demo(app.services)
    app.window.show_page("exchange")
    page = app.window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    before = dump(app.services.store.path)
    backups = sorted(p.name for p in app.services.store.backups.folder.iterdir())
    bogus = write_case("workshop-status-and-mode", tmp_path)
    monkeypatch.setattr(exchange_page.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bogus), "")))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k == "critical" for k, _t, _x in dialogs.shown), timeout=10000)
    _kind, title, text = dialogs.shown[-1]
    assert title == "workshop-status-and-mode.inducci cannot be imported"
    for named in ("the workshop", WORKSHOP, "status", "'bogus'", "mode", "'teleport'", "Nothing on this machine"):
        assert named in text, text
    assert getattr(page, "preview_dialog", None) is None  # no preview was offered
    assert dump(app.services.store.path) == before
    assert sorted(p.name for p in app.services.store.backups.folder.iterdir()) == backups
