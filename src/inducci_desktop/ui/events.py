"""Signals that tell pages what changed, so pages refresh themselves instead of poking each other.

Signals:
    changed(Changes): a committed write changed these kinds of records (``domain/changes.py``); always
        delivered on the UI thread, also for writes made by a background job. Pages filter with
        ``changes.touches(Kind.X, ...)``; ``changes.everything`` means the whole database was replaced.
    addToPackRequested(str): the user asked to add a toolbox item (id) to the handout pack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    changed = Signal(object)
    #: the user asked to add a toolbox item (id) to the handout pack; the Print Center adds it
    addToPackRequested = Signal(str)
