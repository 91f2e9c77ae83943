"""The data folder's files: private modes whatever the umask, leftovers removed at the next start, no backup
of a damaged database, a 0-byte database refused with the newest good backup named, and writing commands
refused while the data folder is in use."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.instance import DataLock
from inducci_desktop.paths import AppPaths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def cli(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_folders_0700_and_files_0600_whatever_the_umask(tmp_path: Path, loose_umask: None,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    assert cli(capsys, data, "backup", "create")[0] == 0
    for folder in (data, data / "backups", data / "logs"):
        assert mode(folder) == 0o700, folder
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"inducci.sqlite3", "inducci-desktop.log"}
    assert any(p.parent.name == "backups" for p in files)
    for path in files:
        assert mode(path) == 0o600, path


def test_looser_modes_are_repaired_at_start(tmp_path: Path, loose_umask: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "backup", "list")[0] == 0
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    assert cli(capsys, data, "backup", "create")[0] == 0
    backup = next((data / "backups").iterdir())
    for path, loose in ((data, 0o755), (data / "backups", 0o775), (data / "inducci.sqlite3", 0o644),
                        (backup, 0o664), (data / "logs" / "inducci-desktop.log", 0o644)):
        os.chmod(path, loose)
    assert cli(capsys, data, "backup", "list")[0] == 0  # any start
    assert mode(data) == mode(data / "backups") == 0o700
    assert mode(data / "inducci.sqlite3") == mode(backup) == mode(data / "logs" / "inducci-desktop.log") == 0o600


def test_leftovers_of_interrupted_backups_go_at_the_next_start(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    backups = data / "backups"
    left = [backups / ".inducci-20261126-101010-000001-manual.sqlite3.partial",
            backups / ".inducci-20261126-101010-000001-manual.sqlite3.partial-journal",
            backups / ".inducci-20261126-101010-000002-auto.sqlite3.scrub",
            backups / "inducci-20261126-101010-000003-manual.sqlite3-journal", data / ".write-test-abc"]
    for path in left:
        path.write_bytes(b"Zofia W\xc3\xb3jcik")
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    assert [p for p in left if p.exists()] == []


def test_no_backup_of_a_damaged_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "demo")[0] == 0
    database = data / "inducci.sqlite3"
    raw = bytearray(database.read_bytes())
    raw[4096 * 3: 4096 * 4] = b"\xff" * 4096
    database.write_bytes(bytes(raw))
    before = sorted(p.name for p in (data / "backups").iterdir())

    code, out, err = cli(capsys, data, "backup", "create")

    assert code == 3 and "failed its integrity check" in err and "no backup was written" in err
    assert sorted(p.name for p in (data / "backups").iterdir()) == before  # nothing written, nothing partial
    assert "Traceback" not in out + err


def test_a_restore_keeps_a_damaged_database_outside_the_rotation(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "demo")[0] == 0
    assert cli(capsys, data, "backup", "create")[0] == 0
    good = next((data / "backups").glob("inducci-*-manual.sqlite3")).stem
    database = data / "inducci.sqlite3"
    raw = bytearray(database.read_bytes())
    raw[4096 * 3: 4096 * 4] = b"\xff" * 4096
    database.write_bytes(bytes(raw))

    code, _out, err = cli(capsys, data, "backup", "restore", good)

    assert code == 0, err
    kept = list((data / "backups").glob("damaged-*"))
    assert len(kept) == 1 and mode(kept[0]) == 0o600
    assert not list((data / "backups").glob("*pre-restore*"))  # no damaged copy among the backups
    assert cli(capsys, data, "db", "check")[0] == 0


def test_a_zero_byte_database_is_refused_and_the_good_backup_named(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    assert cli(capsys, data, "backup", "create")[0] == 0
    good = next((data / "backups").glob("inducci-*-manual.sqlite3")).stem
    (data / "inducci.sqlite3").write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{data / 'inducci.sqlite3'}{suffix}").unlink(missing_ok=True)

    for argv in (("db", "upgrade"), ("demo",), ("search", "mapping")):
        code, _out, err = cli(capsys, data, *argv)
        assert code == 3 and "is empty (0 bytes)" in err and f"backup restore {good}" in err, (argv, err)
        assert (data / "inducci.sqlite3").stat().st_size == 0  # kept as it is

    assert cli(capsys, data, "backup", "restore", good)[0] == 0
    assert cli(capsys, data, "db", "check")[0] == 0


def test_writing_commands_say_the_data_is_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "demo")[0] == 0
    csv = tmp_path / "people.csv"
    csv.write_text("Name;Consent\nEwa Nowak;tak\n", encoding="utf-8")
    with DataLock(AppPaths.resolve(data)):  # the window is open on this data folder
        for argv in (("demo",), ("db", "upgrade"), ("backup", "create"), ("import", str(csv)),
                     ("template", "import", str(csv)), ("erase", "some-id")):
            code, _out, err = cli(capsys, data, *argv)
            assert code == 3 and "is in use" in err, (argv, err)
        assert cli(capsys, data, "list", "workshops")[0] == 0  # reading still works


def test_other_files_in_a_chosen_data_folder_keep_their_modes(tmp_path: Path, loose_umask: None,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "portable"
    data.mkdir()
    program = data / "inducci-desktop"
    program.write_text("#!/bin/sh\n")
    os.chmod(program, 0o755)
    assert cli(capsys, data, "db", "upgrade")[0] == 0
    assert mode(program) == 0o755 and mode(data / "inducci.sqlite3") == 0o600
