"""Leaving the office in the window: File → Take a Copy Offline shows the offline copy, File → Bring Changes
Back merges it into the shared database and shows the server again, a record edited on both sides listed as a
conflict."""

# ruff: noqa: F811 (the keyring fixture imported from tests/memory_keyring.py is a parameter here)

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from inducci_desktop.app import run
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services import offline
from inducci_desktop.store.location import parse_database_url

from ..memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 (fixture)
from .conftest import Dialogs


def _file_action(window: Any, text: str) -> Any:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def test_take_a_copy_offline_and_bring_the_changes_back_from_the_file_menu(
        qtbot: Any, tmp_path: Path, dialogs: Dialogs, pg_database: str, memory_keyring: MemoryKeyring) -> None:
    office = replace(AppPaths.resolve(tmp_path / "office"), location=parse_database_url(pg_database))
    office.ensure()
    with open_services(office) as shared:
        opole = shared.regions.add("Opole – Śląsk Opolski", country="PL")
        linz = shared.regions.add("Linz – Oberösterreich", country="AT")
    laptop = tmp_path / "laptop"
    app = run(["--data-dir", str(laptop), "--database-url", pg_database], exec=False)
    try:
        qtbot.waitUntil(lambda: app.ready, timeout=30000)
        assert app.services is not None and app.services.store.on_server
        take, back = _file_action(app.window, "Take a Copy Offline…"), _file_action(app.window, "Bring Changes Back…")
        assert take.isEnabled() and not back.isEnabled()

        take.trigger()
        qtbot.waitUntil(lambda: app.services is not None and not app.services.store.on_server, timeout=30000)
        assert [kind for kind, _title, _text in dialogs.shown] == ["question"]
        assert offline.checkout(AppPaths.resolve(laptop)) is not None
        back = _file_action(app.window, "Bring Changes Back…")
        assert back.isEnabled() and not _file_action(app.window, "Take a Copy Offline…").isEnabled()
        assert "records copied from" in app.window.statusBar().currentMessage()
        settings = app.window.settings_page
        assert {"Opole – Śląsk Opolski", "Linz – Oberösterreich"} <= {r.name for r in settings.regions.model.rows}

        app.services.regions.rename(opole.id, "Opole – offline")
        app.services.regions.rename(linz.id, "Linz – offline")
        with open_services(office) as shared:
            shared.regions.rename(linz.id, "Linz – im Büro")

        back.trigger()
        qtbot.waitUntil(lambda: (app.services is not None and app.services.store.on_server)
                        or len(dialogs.shown) > 2, timeout=30000)
        assert [kind for kind, _title, _text in dialogs.shown] == ["question", "question"]
        assert "1 conflicts" in app.window.statusBar().currentMessage()
        names = {r.id: r.name for r in app.services.regions.list()}
        assert names[opole.id] == "Opole – offline"
        assert [c.record_id for c in app.services.exchange.conflicts()] == [linz.id]
        assert offline.checkout(AppPaths.resolve(laptop)) is None
        assert _file_action(app.window, "Take a Copy Offline…").isEnabled()
    finally:
        app.shutdown()
