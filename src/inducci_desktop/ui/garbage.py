"""Python's cycle collector runs on whichever thread happens to allocate. When it frees a Qt object on a
worker thread (a Job's open_services, an import), Qt crashes with a segmentation fault. So while the GUI
runs, automatic collection is off and the UI thread collects from a timer, with Python's own thresholds.
The timer starts once start-up is over (``start``), at the latest START_UP_GRACE_MS after ``install`` (a
long migration still gets its garbage collected): a collection in the middle of start-up would walk every
object the imports just made while the store is being opened, on the path to a usable window.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 500
START_UP_GRACE_MS = 3000
_THRESHOLDS = gc.get_threshold()
_timer: QTimer | None = None


def take_over() -> None:
    """Turn automatic collection off; from now on only ``collect_due`` (on the UI thread) collects."""
    gc.disable()


def collect_due() -> int:
    """Collect the oldest generation whose count passed Python's threshold, as the automatic collector
    would have done; returns the objects found unreachable. Call it on the UI thread only."""
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > _THRESHOLDS[generation]:
            return gc.collect(generation)
    return 0


def install(app: QCoreApplication) -> None:
    """Take over collection; ``start`` then runs ``collect_due`` every INTERVAL_MS on the UI thread
    (idempotent)."""
    global _timer
    take_over()
    if _timer is not None:
        return
    _timer = QTimer(app)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect_due)
    QTimer.singleShot(START_UP_GRACE_MS, app, start)


def start() -> None:
    """Start-up is over (the pages are attached, or opening the store failed): from now on the UI thread
    collects every INTERVAL_MS. Deferring is safe: collection stays off meanwhile, so nothing is freed on
    the wrong thread; garbage only waits until start-up is over, START_UP_GRACE_MS at most (idempotent)."""
    if _timer is not None and not _timer.isActive():
        _timer.start()
