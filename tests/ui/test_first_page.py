"""The Library's first page is on screen before the services are built (services/library/first_page.py): in a
fresh process SQLAlchemy is not imported yet when the page is up, and the page lists what it lists once the
services are there; clicks and searches made then go to the services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from inducci_desktop.ui.pages.library.page import LibraryPage
from tests.demo_data import demo_services

from .conftest import type_text

PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QEventLoop
    from inducci_desktop.app import run
    from inducci_desktop.ui import application

    at_first_page = {}
    show_first = application.RunningApp._show_first

    def watched(self, first):
        show_first(self, first)
        at_first_page.update(sqlalchemy="sqlalchemy" in sys.modules, services=self.services is not None)

    application.RunningApp._show_first = watched
    running = run(["--data-dir", sys.argv[1]], exec=False)
    app = running.app

    def titles():
        model = running.window.pages["library"].tree_model
        found = []
        def walk(parent):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                found.append(index.data())
                walk(index)
        walk(model.invisibleRootItem().index())
        return found

    while not running.usable:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    app.processEvents()
    first = {**at_first_page, "first_page": running.first_page, "titles": titles(),
             "shown": running.window.current_page_id()}
    while not running.ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    app.processEvents()
    print(json.dumps({"first": first, "titles": titles(), "services": running.services is not None}))
    running.shutdown()
""")


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    paths, services = demo_services(tmp_path / "demo", ("format-hackathon",))
    services.close()
    return paths.data_dir


def test_the_first_page_is_up_before_sqlalchemy_is_imported(demo_folder: Path, tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(script), str(demo_folder)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    first = report["first"]
    assert first["first_page"] and first["shown"] == "library"
    assert not first["sqlalchemy"] and not first["services"]
    assert report["services"]
    assert first["titles"] == report["titles"]  # the same tree once the services are there
    assert "Bookmarks" in first["titles"] and "This region's own cases" in first["titles"]


def test_clicks_on_the_first_page_reach_the_services(launch: Any, demo_folder: Path, qtbot: Any) -> None:
    running = launch(demo_folder)
    assert running.first_page  # the page was built before the services
    page = running.window.pages["library"]
    assert isinstance(page, LibraryPage)
    guide = page.library.items(kind="guide")[0]
    model = page.tree_model
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, guide.title, 1,
                        Qt.MatchFlag.MatchRecursive)
    assert found
    page.tree.scrollTo(found[0])
    rect = page.tree.visualRect(found[0])
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.reader.current == guide.id
    assert guide.title in page.reader.browser.toPlainText()
    page.focus_search()
    type_text(page.search_edit, "hackathón")
    qtbot.waitUntil(lambda: page.results_model.rowCount() > 0, timeout=5000)
