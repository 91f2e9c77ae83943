"""The shared database saved in Settings is what the app opens at the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from inducci_desktop.services.shared_database import SharedDatabaseChoice, save


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "INDUCCI_DATABASE_URL"}
    env["LANGUAGE"] = "en"
    return subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_a_saved_choice_whose_password_is_asked_at_each_start_is_explained_on_the_command_line(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    choice = SharedDatabaseChoice(enabled=True, host="db.example.org", database="inducci", user="anna",
                                  sslmode="disable", ask_password=True)
    save(data, choice, None)
    result = _run(data, "db", "check")
    assert result.returncode != 0
    assert "db.example.org" in result.stderr and "--database-url" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data / "inducci.sqlite3").exists()  # the local database was not opened instead


def test_a_choice_switched_back_to_local_opens_the_local_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save(data, SharedDatabaseChoice(enabled=False), None)
    result = _run(data, "db", "check")
    assert "Traceback" not in result.stderr
    assert "db.example.org" not in result.stdout + result.stderr
