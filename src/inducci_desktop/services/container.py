"""The services of one data folder, built once by the composition root (app.py) and handed to UI and CLI."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..paths import AppPaths
from ..store.database import Store
from .checklists import ChecklistService
from .exchange import ExchangeService
from .library import LibraryService
from .maintenance import MaintenanceService
from .printing import PrintService
from .regions import RegionService
from .settings import SettingsService
from .workshops import WorkshopService

log = logging.getLogger(__name__)


@dataclass
class Services:
    paths: AppPaths
    store: Store
    regions: RegionService
    settings: SettingsService
    maintenance: MaintenanceService
    library: LibraryService
    checklists: ChecklistService
    workshops: WorkshopService
    printing: PrintService
    exchange: ExchangeService

    @classmethod
    def over(cls, paths: AppPaths, store: Store) -> Services:
        return cls(
            paths=paths,
            store=store,
            regions=RegionService(store),
            settings=SettingsService(store),
            maintenance=MaintenanceService(store),
            library=(library := LibraryService(store)),
            checklists=(checklists := ChecklistService(store, library)),
            workshops=WorkshopService(store, library),
            printing=PrintService(library, SettingsService(store), RegionService(store)),
            exchange=ExchangeService(store, checklists.templates),
        )

    def prepare(self) -> None:
        """Work every start does once the store is open: load the toolbox content if the pack changed.

        Cheap when the pack is unchanged (only pack.yaml's version is compared). A pack with problems
        is logged and the content loaded before stays in use.
        """
        status = self.library.ensure_content()
        if status.problems:
            log.error("the toolbox content has %d problems; run 'inducci-desktop content check'",
                      len(status.problems))

    def close(self) -> None:
        self.store.close()

