"""Qt objects are freed on the UI thread only: Python's automatic collector, which runs on whichever thread
allocates, once freed a closed window on a Job's thread and Qt crashed (a segmentation fault in CI)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject

from inducci_desktop.ui import garbage
from inducci_desktop.ui.jobs import Job, Report

freed_on: list[str] = []


class Tracked(QObject):
    def __del__(self) -> None:
        freed_on.append(threading.current_thread().name)


def make_cyclic_garbage() -> None:
    holder: dict[str, Any] = {"object": Tracked()}
    holder["self"] = holder  # only the collector can free it


def test_a_busy_job_never_collects_and_the_ui_thread_does(launch: Any, qtbot: Any) -> None:
    launch()
    assert not gc.isenabled()
    freed_on.clear()
    make_cyclic_garbage()
    done: list[int] = []

    def allocate_a_lot(_report: Report) -> int:
        # far past every threshold: with automatic collection on, the garbage above is freed here
        for _ in range(200_000):
            cycle: list[Any] = []
            cycle.append(cycle)
        return 1

    Job(allocate_a_lot).success(done.append).start()
    qtbot.waitUntil(lambda: done == [1], timeout=20000)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)  # the timer collected it
    assert freed_on == [threading.main_thread().name]


def test_collect_due_follows_the_thresholds() -> None:
    gc.collect()
    assert garbage.collect_due() == 0  # nothing counted yet: no collection
    for _ in range(gc.get_threshold()[0] + 10):
        make_cyclic_garbage()
    assert garbage.collect_due() > 0



def test_the_timer_collects_once_the_pages_are_attached(launch: Any) -> None:
    app = launch()
    assert app.services is not None and app.window.pages.is_built("library")
    assert garbage._timer is not None and garbage._timer.isActive()
    assert garbage._timer.interval() == garbage.INTERVAL_MS
