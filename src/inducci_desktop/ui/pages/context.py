"""What every page is built with: the services and the window's shared parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar, QWidget

from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.ui_state import UiState

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


class WindowHost(Protocol):
    """What pages may ask of the main window (so pages never import it)."""

    @property
    def pages(self) -> Mapping[str, QWidget]: ...

    def show_page(self, page_id: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def set_language(self, code: str) -> None: ...


@dataclass
class PageContext:
    services: Services
    events: AppEvents
    undo_stack: QUndoStack
    state: UiState
    window: WindowHost
