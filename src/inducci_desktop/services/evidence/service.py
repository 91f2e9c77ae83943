"""The evidence services of one data folder: findings and topics, sources, interviews, stakeholders."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inducci_desktop.services.evidence.findings import FindingsService
from inducci_desktop.services.evidence.sources import Sources
from inducci_desktop.store.database import Store

if TYPE_CHECKING:
    from inducci_desktop.services.checklists.service import ChecklistService


class EvidenceService:
    def __init__(self, store: Store, checklists: Callable[[], ChecklistService]) -> None:
        self.store = store
        self.findings = FindingsService(store)
        self.sources = Sources(store, checklists)
