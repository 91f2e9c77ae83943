"""The one typed job helper: success with the work's result, failure with the exception, progress reports;
and nothing else in ui/ starts threads or runnables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from inducci_desktop.ui.jobs import Job, Report, on_ui_thread

UI = Path(__file__).resolve().parents[2] / "src" / "inducci_desktop" / "ui"


def test_success_gets_the_result_and_progress_is_reported(qtbot: Any) -> None:
    results: list[int] = []

    def work(report: Report) -> int:
        for done in range(3):
            report(done + 1, 3)
        return 42

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    job: Job[int] = Job(work).success(results.append).progress(parent, "Counting…").start()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert job not in Job._running


def test_a_job_knows_it_is_not_on_the_ui_thread(qtbot: Any) -> None:
    seen: list[bool] = []
    Job(lambda _report: on_ui_thread()).success(seen.append).start()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False] and on_ui_thread()


def test_failure_gets_the_exception(qtbot: Any) -> None:
    errors: list[Exception] = []

    def work(_report: Report) -> str:
        raise ValueError("Łódź is not a number")

    Job(work).failure(errors.append).start()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and "Łódź" in str(errors[0])


def test_no_other_threads_in_the_gui() -> None:
    pattern = re.compile(r"\b(QThread|QRunnable|QThreadPool|threading|concurrent\.futures|QtConcurrent)\b")
    offenders = [str(path.relative_to(UI)) for path in UI.rglob("*.py")
                 if path.name != "jobs.py" and pattern.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
