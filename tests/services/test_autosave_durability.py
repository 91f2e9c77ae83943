"""Autosave durability: a process killed (SIGKILL) while answering keeps every answer it acknowledged.

The child answers items through the service as fast as it can and prints one line per ``set_answer``
that returned (the moment the UI would show "Saved"). The parent kills it with -9 mid-stream, reopens
the database (recovering the WAL) and checks each acknowledged answer is there. Values only grow, so an
answer committed after the last line the parent read is allowed to be newer, never older.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from inducci_desktop.content.model import ChecklistItem, ChecklistSection, ChecklistTemplate
    from inducci_desktop.paths import AppPaths
    from inducci_desktop.services.container import Services
    from inducci_desktop.store.database import Store

    paths = AppPaths.resolve(Path(sys.argv[1]))
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    services = Services.over(paths, store)
    items = tuple(ChecklistItem(f"n{i}", f"Number {i}", "number") for i in range(40))
    services.checklists.templates.save(ChecklistTemplate("own-durable", 1, "Durable", "",
                                       (ChecklistSection("s", "S", items),)))
    a = services.checklists.create("own-durable", "Killed while answering")
    print("ID", a.id, flush=True)
    i = 0
    while True:
        key = f"n{i % 40}"
        services.checklists.set_answer(a.id, key, i)
        print("ACK", key, i, flush=True)
        i += 1
""")

ACKS_BEFORE_KILL = 400


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_process_keeps_every_acknowledged_answer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data)], stdout=subprocess.PIPE, text=True, env=env)
    acked: dict[str, int] = {}
    assessment_id = ""
    try:
        assert child.stdout is not None
        count = 0
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "ID":
                assessment_id = parts[1]
                continue
            _, key, value = parts
            acked[key] = int(value)
            count += 1
            if count >= ACKS_BEFORE_KILL:
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert assessment_id and len(acked) == 40

    paths = AppPaths.resolve(data)
    store = Store(paths.database, paths.backup_dir)
    store.open()
    try:
        view = Services.over(paths, store).checklists.get(assessment_id)
        for key, value in acked.items():
            stored = view.value(key)
            assert stored is not None and stored >= value, (key, value, stored)
    finally:
        store.close()
