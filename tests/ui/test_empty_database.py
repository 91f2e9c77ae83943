"""A 0-byte database at start: the window says so, keeps the file, offers the newest good backup, and
restores it when the user agrees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inducci_desktop.app import run

from .conftest import Dialogs


def test_zero_byte_database_offers_the_newest_good_backup(launch: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "demo"]) == 0
    assert run(["--data-dir", str(data), "backup", "create"]) == 0
    good = max((data / "backups").glob("inducci-*-manual.sqlite3")).stem
    (data / "inducci.sqlite3").write_bytes(b"")

    app = launch(data)

    questions = [text for kind, title, text in dialogs.shown if kind == "question"]
    assert len(questions) == 1 and "is empty (0 bytes)" in questions[0] and good in questions[0]
    assert app.services is not None and app.exit_code is None
    assert app.services.workshops.list()  # the demo workshop is back
