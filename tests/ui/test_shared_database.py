"""The window on a PostgreSQL server: it opens the shared data, and a server it cannot reach is explained in a
dialog (no traceback, no password, nothing offered from the local backups)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from inducci_desktop.app import run
from inducci_desktop.cli.main import EXIT_DATA
from tests.pg import PASSWORD

from .conftest import Dialogs


def test_an_unreachable_server_is_explained_and_the_window_closes(qtbot: Any, tmp_path: Path,
                                                                   dialogs: Dialogs) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = run(["--data-dir", str(tmp_path / "data"), "--database-url",
               f"postgresql://anna:Sekret-ż@127.0.0.1:{port}/inducci"], exec=False)
    qtbot.waitUntil(lambda: app.exit_code is not None, timeout=20000)
    assert app.exit_code == EXIT_DATA and app.services is None
    [(kind, title, text)] = dialogs.shown
    assert kind == "critical" and title == "The database cannot be opened"
    assert "nothing answers at that address and port" in text and "Sekret" not in text and "anna:***@" in text


def test_the_window_opens_the_data_on_the_server(qtbot: Any, tmp_path: Path, dialogs: Dialogs,
                                                 pg_database: str) -> None:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "--database-url", pg_database, "demo"]) == 0
    app = run(["--data-dir", str(data), "--database-url", pg_database], exec=False)
    try:
        qtbot.waitUntil(lambda: app.ready, timeout=30000)
        assert app.services is not None and not dialogs.shown
        assert app.services.store.on_server and PASSWORD not in app.services.store.shown
        assert [w.title for w in app.services.workshops.list()]  # the demo's workshop, read from the server
        assert not (data / "inducci.sqlite3").exists()
    finally:
        app.shutdown()
