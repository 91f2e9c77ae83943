"""Erasure on request, proven on the bytes: every file of the data folder (database, WAL, SHM, backups, a
damaged backup, a partial backup, logs, exports left there) is read back and searched for the person's name
and e-mail, for a participant who is also a trainer, an agenda block's responsible person and an action
item's owner, with a reader holding an old snapshot while the erasure runs."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store
from tests.privacy.grep import hits

NAME, SURNAME, EMAIL = "Zofia Wójcik", "Wójcik", "z.wojcik@example.pl"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def zofia(data: Path) -> tuple[str, str]:
    """(participant id, workshop id) of Zofia Wójcik in the demo workshop."""
    paths = AppPaths.resolve(data)
    store = Store(paths.database, paths.backup_dir)
    store.open(auto_backup=False)
    try:
        services = Services.over(paths, store)
        workshop = services.workshops.list()[0]
        person = next(p for p in services.workshops.people.participants(workshop.id) if p.name == NAME)
        return person.id, workshop.id
    finally:
        store.close()


def damage(path: Path) -> None:
    """Overwrite one page of an SQLite file that does not hold the name: integrity check fails, name stays."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        if NAME.encode() not in data[start:start + page] and start + page <= len(data):
            data[start:start + page] = b"\xff" * page
            break
    path.write_bytes(bytes(data))


def hold_snapshot(database: Path, seconds: float) -> threading.Thread:
    """Another connection (like a print job) reading an old snapshot for ``seconds``."""
    conn = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM workshop_participants").fetchone()

    def release() -> None:
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=release)
    thread.start()
    return thread


def test_erasure_leaves_no_byte_of_the_person_in_the_data_folder(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "demo")[0] == 0
    person_id, workshop_id = zofia(data)
    for _ in range(3):
        assert cli(capsys, data, "backup", "create")[0] == 0
    backups = sorted((data / "backups").glob("inducci-*.sqlite3"))
    damage(backups[0])
    # an interrupted backup's partial copy, and exports left in the data folder
    shutil.copyfile(backups[1], data / "backups" / f".{backups[1].name}.partial")
    assert cli(capsys, data, "export", "--all", "--include-personal-data", "-o", str(data / "all.inducci"))[0] == 0
    assert cli(capsys, data, "export-table", "attendance", "--include-personal-data",
               "-o", str(data / "attendance.csv"))[0] == 0
    searched, before = hits(data, NAME, EMAIL)
    assert len(before) >= 6, before  # the name is everywhere before
    total_backups = len(list((data / "backups").glob("inducci-*.sqlite3")))

    reader = hold_snapshot(data / "inducci.sqlite3", 1.5)
    began = time.monotonic()
    code, out, err = cli(capsys, data, "erase", person_id, "--delete-unclean")
    waited = time.monotonic() - began
    reader.join()

    assert code == 0, err
    assert waited >= 1.0  # the erasure waited for the reader before it checked the bytes
    # every backup (the daily automatic one included) but the damaged one was cleaned
    assert f"erased 1 entry and from {total_backups - 1} backups" in out

    assert f"{backups[0]}: the backup could not be cleaned" in err
    assert "all.inducci" in err and "attendance.csv" in err and "Traceback" not in err
    assert f"deleted {backups[0]}" in out
    # names in free text went with the person; other people stay
    paths = AppPaths.resolve(data)
    store = Store(paths.database, paths.backup_dir)
    store.open(auto_backup=False)
    try:
        services = Services.over(paths, store)
        services.regions.list()  # a connection is open: the WAL and SHM files exist and are searched too
        assert Path(f"{paths.database}-wal").exists() and Path(f"{paths.database}-shm").exists()
        searched, left = hits(data, NAME, SURNAME, EMAIL)
        assert left == [] and searched >= 7, left  # database, WAL, SHM, backups, log, lock
        workshop = services.workshops.get(workshop_id)
        assert workshop.trainers == "Jiří Novák"
        blocks = [b.responsible for d in services.workshops.agenda(workshop_id) for b in d.blocks]
        assert "Trainer" in blocks and not any(SURNAME in b for b in blocks)
        assert len(services.workshops.people.participants(workshop_id)) == 9
    finally:
        store.close()
    print(f"erasure grep: {searched} files searched, {len(left)} hits")


def test_erasure_names_a_backup_it_cannot_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(capsys, data, "demo")[0] == 0
    person_id, _ = zofia(data)
    assert cli(capsys, data, "backup", "create")[0] == 0
    damaged = next((data / "backups").glob("inducci-*-manual.sqlite3"))
    damage(damaged)

    code, _out, err = cli(capsys, data, "erase", person_id)

    assert code == 1 and "Traceback" not in err
    assert f"{damaged}: the backup could not be cleaned" in err and "--delete-unclean" in err
    assert damaged.exists()  # not deleted without being asked
    _, left = hits(data, NAME, EMAIL)
    assert left == [str(damaged.relative_to(data))]
    assert cli(capsys, data, "erase", person_id)[0] == 2  # erased already: said, not done twice
