"""The one way to run work off the UI thread, with success/failure callbacks and a delayed progress dialog.

The work function gets a ``report(done, total)`` callable and returns plain data; it must not touch
widgets. Database sessions are opened inside the work function, on the worker thread, and closed there.
Nothing else in ``ui/`` starts threads or runnables (tests/ui/test_jobs.py checks).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 400

T = TypeVar("T")
#: ``report(done, total)``: how far the work is (shown only when ``progress`` asked for a dialog)
Report = Callable[[int, int], None]


def on_ui_thread() -> bool:
    """Whether the caller runs on the UI thread (the application's), where a Job may be started."""
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


class _Runnable(QRunnable, Generic[T]):
    def __init__(self, work: Callable[[Report], T], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Job(Generic[T]):
    """``Job(work).success(fn).failure(fn).progress(parent, label).start()``.

    ``work(report)`` runs on a pool thread and returns a ``T``; ``success(T)`` and ``failure(Exception)``
    run on the UI thread. With ``progress`` a dialog appears only if the work lasts longer than
    PROGRESS_DELAY_MS. Without ``failure``, an error is logged and raised on the UI thread.
    """

    _running: ClassVar[set[Job[Any]]] = set()

    def __init__(self, work: Callable[[Report], T]) -> None:
        self.work = work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[Exception], None] | None = None
        self._parent: QWidget | None = None
        self._label = ""
        self._dialog: QProgressDialog | None = None
        self._signals = _Signals()
        self._timer: QTimer | None = None

    def success(self, fn: Callable[[T], None]) -> Job[T]:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[Exception], None]) -> Job[T]:
        self._on_failure = fn
        return self

    def progress(self, parent: QWidget, label: str) -> Job[T]:
        self._parent = parent
        self._label = label
        return self

    def start(self) -> Job[T]:
        Job._running.add(self)
        self._signals.done.connect(self._finish_ok, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._finish_error, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._report, Qt.ConnectionType.QueuedConnection)
        if self._parent is not None:
            self._timer = QTimer(singleShot=True, interval=PROGRESS_DELAY_MS)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start()
        QThreadPool.globalInstance().start(_Runnable(self.work, self._signals))
        return self

    def _show_dialog(self) -> None:
        self._dialog = QProgressDialog(self._label, "", 0, 0, self._parent)
        self._dialog.setCancelButton(None)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.show()

    def _report(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        Job._running.discard(self)

    def _finish_ok(self, result: T) -> None:
        self._close()
        self._on_success(result)

    def _finish_error(self, exc: Exception, trace: str) -> None:
        self._close()
        if self._on_failure is None:
            log.error("background job failed", exc_info=exc)  # the log's formatter leaves the message out
            raise exc
        self._on_failure(exc)
