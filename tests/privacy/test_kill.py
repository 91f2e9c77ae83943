"""SIGKILL during autosave, import, backup and restore: the database always passes its integrity check, every
acknowledged save survives, an import is all or nothing, a restore leaves the old or the new data, every
backup that exists is sound, and the next start removes whatever the killed process left behind.

Short form here (a few dozen kills); the long form is the same test with INDUCCI_KILLS=100 (per kind).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from inducci_desktop.app import run
from inducci_desktop.store.backup import NAME
from inducci_desktop.store.files import LEFTOVERS
from inducci_desktop.store.inspect import integrity_problems

KILLS = int(os.environ.get("INDUCCI_KILLS", "6"))  # per kind
PER_IMPORT = 1500

CHILD = r"""
import os, sys
from datetime import date
from pathlib import Path
kind, data = sys.argv[1], Path(sys.argv[2])
db, folder = data / "inducci.sqlite3", data / "backups"
if kind in ("autosave", "import"):
    from inducci_desktop.services.workshops.csv_import import ParticipantInput
    from inducci_desktop.services.workshops.service import WorkshopService
    from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
    from inducci_desktop.store.database import Store
    store = Store(db, folder)
    store.open(auto_backup=False)
    ws = WorkshopService(store)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        if kind == "autosave":
            ws.people.add(sys.argv[3], ParticipantInput(f"Osoba {os.getpid()}-{n}"))
        else:
            w = ws.create(WorkshopInput(f"import {os.getpid()}-{n}", (DayInput(date(2026, 5, 12), 540, 1020),)))
            ws.people.import_participants(w.id, [ParticipantInput(f"Uczestnik {i}") for i in range(int(sys.argv[3]))])
        print(f"ack {n}", flush=True)
else:
    from inducci_desktop.store.backup import Backups
    backups = Backups(db, folder)
    print("ready", flush=True)
    while True:
        if kind == "backup":
            backups.create("manual")
        else:
            backups.restore(sys.argv[3])
            backups.restore(sys.argv[4])
        print("ack", flush=True)
"""


def kill_during(kind: str, data: Path, *args: str) -> list[str]:
    """Start a child doing ``kind`` in a loop, SIGKILL it at a random moment of its work; its output lines."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(data), *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), child.stderr.read() if child.stderr else ""
    time.sleep(random.uniform(0.02, 0.35))
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(5)
    assert child.returncode == -signal.SIGKILL, (child.returncode, child.stderr.read() if child.stderr else "")
    return lines


def sound(data: Path) -> list[str]:
    """Integrity problems of the database and of every backup (an empty list when all are sound)."""
    problems = [f"database: {p}" for p in integrity_problems(data / "inducci.sqlite3", full=True)]
    for path in sorted((data / "backups").glob("*")):
        if NAME.match(path.name):
            problems += [f"{path.name}: {p}" for p in integrity_problems(path, full=True)]
    return problems


def leftovers(data: Path) -> list[str]:
    found = [p.name for pattern in LEFTOVERS for p in (data / "backups").glob(pattern)]
    return found + [p.name for p in data.glob(".*.partial")] + [p.name for p in data.glob(".write-test-*")]


def rows(data: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(data / "inducci.sqlite3")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def start(data: Path) -> None:
    """The next start of the app on the data folder (a writing command, as the window would)."""
    assert run(["--data-dir", str(data), "db", "upgrade"]) == 0


def new_folder(folder: Path) -> Path:
    from inducci_desktop.store.database import Store

    store = Store(folder / "inducci.sqlite3", folder / "backups")
    folder.mkdir(parents=True)
    store.open(auto_backup=False)
    store.close()
    return folder


def workshop(data: Path, title: str) -> str:
    from datetime import date

    from inducci_desktop.services.workshops.service import WorkshopService
    from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
    from inducci_desktop.store.database import Store

    store = Store(data / "inducci.sqlite3", data / "backups")
    store.open(auto_backup=False)
    try:
        return WorkshopService(store).create(WorkshopInput(title, (DayInput(date(2026, 5, 12), 540, 1020),))).id
    finally:
        store.close()


class Tally:
    def __init__(self) -> None:
        self.kills = self.failures = 0
        self.leftovers_seen: set[str] = set()
        self.left_after_start: list[str] = []

    def after_kill(self, data: Path) -> None:
        self.kills += 1
        self.failures += bool(sound(data))
        self.leftovers_seen |= {f"{data.name}/{name}" for name in leftovers(data)}


def autosave(data: Path, tally: Tally) -> None:
    """Every acknowledged save is there after the kill."""
    target = workshop(data, "autosave")
    for _ in range(KILLS):
        lines = kill_during("autosave", data, target)
        tally.after_kill(data)
        names = {r[0] for r in rows(data, "SELECT name FROM workshop_participants WHERE workshop_id = ?", target)}
        acked = [int(line.split()[1]) for line in lines if line.startswith("ack")]
        pids = {n.split()[1].split("-")[0] for n in names}
        assert all(any(f"Osoba {pid}-{n}" in names for pid in pids) for n in acked), (acked, len(names))


def importing(data: Path, tally: Tally) -> None:
    """An import is all or nothing."""
    for _ in range(KILLS):
        kill_during("import", data, str(PER_IMPORT))
        tally.after_kill(data)
        counts = rows(data, "SELECT w.title, count(p.id) FROM workshops w LEFT JOIN workshop_participants p "
                            "ON p.workshop_id = w.id WHERE w.title LIKE 'import %' GROUP BY w.id")
        assert all(n in (0, PER_IMPORT) for _title, n in counts), counts


def backing_up(data: Path, tally: Tally) -> None:
    """No backup that exists is damaged; partial copies go at the next start."""
    for _ in range(KILLS):
        kill_during("backup", data)
        tally.after_kill(data)


def restoring(data: Path, tally: Tally) -> None:
    """The data is wholly one backup or the other."""
    from inducci_desktop.store.backup import Backups

    backups = Backups(data / "inducci.sqlite3", data / "backups")
    first = backups.create("manual").id
    workshop(data, "only in the second")
    second = backups.create("manual").id
    for _ in range(KILLS):
        kill_during("restore", data, first, second)
        tally.after_kill(data)
        marked = rows(data, "SELECT count(*) FROM workshops WHERE title = 'only in the second'")[0][0]
        assert marked in (0, 1)


def test_kills_during_autosave_import_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tally = Tally()
    errors: list[BaseException] = []
    folders = {kind: new_folder(tmp_path / kind) for kind in ("autosave", "import", "backup", "restore")}

    def guarded(work: Callable[[Path, Tally], None], data: Path) -> None:
        try:
            work(data, tally)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    # one folder per kind, the four kinds at the same time (the short form stays short)
    threads = [threading.Thread(target=guarded, args=(work, folders[kind])) for kind, work in
               (("autosave", autosave), ("import", importing), ("backup", backing_up), ("restore", restoring))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    for data in folders.values():
        start(data)
        tally.left_after_start += leftovers(data)
        assert sound(data) == []

    assert tally.kills == 4 * KILLS and tally.failures == 0 and tally.left_after_start == []
    with capsys.disabled():
        print(f"\nkill test: {tally.kills} kills, {tally.failures} integrity failures, "
              f"{len(tally.leftovers_seen)} leftover files left by the kills, "
              f"{len(tally.left_after_start)} left after the next start")
