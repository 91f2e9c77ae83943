"""Live updates in the window: with the data on a server, an assessment another person saves appears in the
open list of assessments within a second, without any click."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from inducci_desktop.app import run
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.checklists.demo import TEMPLATE
from inducci_desktop.store.location import parse_database_url
from inducci_desktop.ui.pages.checklists.page import ChecklistsPage

from .conftest import Dialogs


def test_an_assessment_saved_on_another_machine_appears_without_a_click(qtbot: Any, tmp_path: Path,
                                                                       dialogs: Dialogs, pg_database: str) -> None:
    app = run(["--data-dir", str(tmp_path / "mine"), "--database-url", pg_database], exec=False)
    other_paths = replace(AppPaths.resolve(tmp_path / "colleague"), location=parse_database_url(pg_database))
    other_paths.ensure()
    try:
        qtbot.waitUntil(lambda: app.ready, timeout=30000)
        assert app.services is not None and not dialogs.shown
        listener = app.services.store.db.listener
        assert listener is not None
        qtbot.waitUntil(listener.connected.is_set, timeout=10000)
        app.window.show_page("checklists")
        page = app.window.pages["checklists"]
        assert isinstance(page, ChecklistsPage) and page.isVisible()
        assert page.model.rowCount() == 0

        with open_services(other_paths) as colleague:
            title = "Stan wyjściowy – Łódź / Plzeň"
            started = time.perf_counter()
            made = colleague.checklists.create(TEMPLATE, title)
            qtbot.waitUntil(lambda: any(a.id == made.id for a in page.model.rows), timeout=1000)
            shown_after = time.perf_counter() - started
        print(f"\nanother machine's new assessment shown in the open list after {shown_after * 1000:.0f} ms")
        assert [a.title for a in page.model.rows] == [title]
        assert "1 assessment" in page.count_label.text()
    finally:
        app.shutdown()
