"""What every page is built with: the services and the window's shared parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from ..events import AppEvents
from ..ui_state import UiState

if TYPE_CHECKING:
    from ...services.container import Services
    from ..main_window import MainWindow


@dataclass
class PageContext:
    services: Services
    events: AppEvents
    undo_stack: QUndoStack
    state: UiState
    window: MainWindow
