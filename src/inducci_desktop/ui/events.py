"""Signals that tell pages what changed, so pages refresh themselves instead of poking each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    regionsChanged = Signal()
    backupsChanged = Signal()
    #: the whole database was replaced (restore): every page reloads, undo history is dropped
    dataReplaced = Signal()
    #: the user asked to add a toolbox item (id) to the handout pack; the Print Center adds it
    addToPackRequested = Signal(str)
