"""An autosave that fails because another program holds the database's write lock (a long command-line
import, say) shows "Not saved", keeps the answer on screen and is saved by itself once the lock is gone."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt

from inducci_desktop.store import engine

from .test_checklists_page import setup


def test_a_save_refused_by_a_locked_database_is_shown_and_retried(launch: Any, qtbot: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)  # fail fast instead of after ten seconds
    app = launch()
    page, service = setup(app)
    assessment = service.create("own-test", "Locked")
    page.reload()
    page.open_assessment(assessment.id)
    runner = page.runner
    other = sqlite3.connect(app.services.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing for a long time

    qtbot.keyClick(runner.cards["q-ynp"].editor.buttons[0], Qt.Key.Key_P)

    assert runner.saved.text().startswith("Not saved")
    assert service.get(assessment.id).value("q-ynp") is None
    other.execute("ROLLBACK")
    other.close()
    qtbot.waitUntil(lambda: runner.saved.text().startswith("✓ Saved"), timeout=5000)
    assert service.get(assessment.id).value("q-ynp") == "partly"
    assert runner.unsaved == {}
