"""The window's start-up declares only the models its first page needs; the other features' models are
declared on a worker thread once the first page is shown (so the first visit to their page does not wait).
Run in a fresh process: in the test process other tests have declared every model already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from PySide6.QtCore import QEventLoop
from inducci_desktop.app import run

running = run(["--data-dir", sys.argv[1]], exec=False)
app = running.app
while not running.ready:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
assert running.services is not None
app.processEvents()
features = ("checklists", "workshops", "evidence", "strategy", "exchange")
declared = lambda: [f for f in features if f"inducci_desktop.store.models_{f}" in sys.modules]
print("at start:", ",".join(declared()) or "-")
from inducci_desktop.store.models import Base
print("mappers at start:", len(Base.registry.mappers))
import time
deadline = time.monotonic() + 30
while len(declared()) < len(features) and time.monotonic() < deadline:
    app.processEvents()  # (not processEvents(flags, maxtime): that overload drops a reference to None)
    time.sleep(0.02)
print("later:", ",".join(declared()))
print("library shown:", running.window.current_page_id())
running.shutdown()
"""


def test_the_start_declares_the_library_s_models_and_the_rest_follow_off_the_ui_thread(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    data = tmp_path / "Dane użytkownika"
    subprocess.run([sys.executable, "-m", "inducci_desktop", "--data-dir", str(data), "db", "upgrade"], check=True,
                   capture_output=True, env=env, timeout=300)
    result = subprocess.run([sys.executable, "-c", PROBE, str(data)], capture_output=True, text=True, env=env,
                            timeout=300, check=True)
    lines = result.stdout.splitlines()
    assert "at start: -" in lines
    mappers = int(next(line for line in lines if line.startswith("mappers at start:")).split(":")[1])
    assert mappers < 20  # 46 models in all
    assert "later: checklists,workshops,evidence,strategy,exchange" in lines
    assert "library shown: library" in lines
