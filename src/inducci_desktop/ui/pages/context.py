"""What every page is built with: the services and the window's shared parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.ui_state import UiState

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.ui.main_window import MainWindow


@dataclass
class PageContext:
    services: Services
    events: AppEvents
    undo_stack: QUndoStack
    state: UiState
    window: MainWindow
