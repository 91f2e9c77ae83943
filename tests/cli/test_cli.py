"""The command line: version, db check, backups, bad data folders; messages on stderr and exit codes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from inducci_desktop import __version__
from inducci_desktop.app import main, run
from inducci_desktop.cli.main import names_a_command
from inducci_desktop.paths import AppPaths
from inducci_desktop.store.database import Store


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_db(data: Path) -> Store:
    paths = AppPaths.resolve(data)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    return store


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_db_check_ok_and_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "db", "check")
    assert code == 1 and "does not exist" in out
    make_db(tmp_path / "d").close()
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "d"), "db", "check")
    assert code == 0 and "integrity: ok" in out and "(current)" in out


def test_db_check_on_a_file_that_is_not_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "inducci.sqlite3").write_text("hello")
    code, out, _ = cli(capsys, "--data-dir", str(data), "db", "check")
    assert code == 1 and "not an SQLite database" in out
    assert (data / "inducci.sqlite3").read_text() == "hello"


def test_env_var_chooses_the_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    make_db(tmp_path / "env").close()
    monkeypatch.setenv("INDUCCI_DATA_DIR", str(tmp_path / "env"))
    code, out, _ = cli(capsys, "db", "check")
    assert code == 0 and str(tmp_path / "env") in out


def test_backup_create_list_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    store = make_db(tmp_path / "d")
    with store.db.unit_of_work() as session:
        session.execute(text("INSERT INTO settings (key, value, updated_at) VALUES ('k', '\"před\"', '2026-01-01')"))
    store.close()
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "list")
    assert code == 0 and "no backups" in out
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "create")
    assert code == 0 and out.startswith("created inducci-")
    backup_id = out.split()[1]
    with sqlite3.connect(tmp_path / "d" / "inducci.sqlite3") as conn:
        conn.execute("DELETE FROM settings")
    conn.close()
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "restore", backup_id)
    assert code == 0 and "restored" in out and "pre-restore" in out
    with sqlite3.connect(tmp_path / "d" / "inducci.sqlite3") as conn:
        assert conn.execute("SELECT value FROM settings").fetchone() == ('"před"',)
    conn.close()
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "list")
    assert "manual" in out and "pre-restore" in out


def test_restore_of_an_unknown_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_db(tmp_path / "d").close()
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "d"), "backup", "restore", "nope")
    assert code == 2 and "no backup called 'nope'" in err
    assert "Traceback" not in err


def test_restore_refused_while_the_data_is_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from inducci_desktop.instance import DataLock

    store = make_db(tmp_path / "d")
    backup = store.backups.create()
    store.close()
    with DataLock(AppPaths.resolve(tmp_path / "d")):
        code, _, err = cli(capsys, "--data-dir", str(tmp_path / "d"), "backup", "restore", backup.id)
    assert code == 3 and "in use" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = cli(capsys, "--data-dir", str(locked / "d"), "db", "check")
    finally:
        locked.chmod(0o700)
    assert code == 3 and "cannot be written" in err


def test_data_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = cli(capsys, "--data-dir", str(blocker), "db", "check")
    assert code == 3 and "cannot be written" in err and "Traceback" not in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(["backup", "explode"])
    assert stop.value.code == 2


def test_db_upgrade_creates_then_reports_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    code, out, _ = cli(capsys, "--data-dir", data, "db", "upgrade")
    assert code == 0 and "database created" in out
    code, out, _ = cli(capsys, "--data-dir", data, "db", "upgrade")
    assert code == 0 and "database current" in out


def test_demo_twice_adds_nothing_the_second_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    code, out, _ = cli(capsys, "--data-dir", data, "demo")
    assert code == 0 and "added region Gorenjska" in out
    code, out, _ = cli(capsys, "--data-dir", data, "demo")
    assert code == 0 and "nothing added" in out


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = str(tmp_path / "d")
    run(["--data-dir", data, "db", "upgrade"])
    proc = subprocess.Popen([sys.executable, "-m", "inducci_desktop", "--data-dir", data, "search", "a", "--json",
                             "--limit", "50"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written, like `| head -c 0`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "unexpected" not in err


@pytest.mark.parametrize(("argv", "expected"), [
    ([], False), (["--data-dir", "list"], False), (["-v", "--smoke-test"], False), (["--data-dir=x", "-v"], False),
    (["list", "workshops"], True), (["--data-dir", "d", "demo"], True), (["-h"], True), (["--help"], True),
    (["--data", "d"], True),  # an abbreviated option: taken for a possible command (the full parser decides)
])
def test_names_a_command(argv: list[str], expected: bool) -> None:
    assert names_a_command(argv) is expected


def test_help_still_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "export-table" in out and "backup" in out
