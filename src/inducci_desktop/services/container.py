"""The services of one data folder, built once by the composition root (app.py) and handed to UI and CLI."""

from __future__ import annotations

from dataclasses import dataclass

from ..paths import AppPaths
from ..store.database import Store
from .maintenance import MaintenanceService
from .regions import RegionService
from .settings import SettingsService


@dataclass
class Services:
    paths: AppPaths
    store: Store
    regions: RegionService
    settings: SettingsService
    maintenance: MaintenanceService

    @classmethod
    def over(cls, paths: AppPaths, store: Store) -> Services:
        return cls(
            paths=paths,
            store=store,
            regions=RegionService(store),
            settings=SettingsService(store),
            maintenance=MaintenanceService(store),
        )

    def close(self) -> None:
        self.store.close()
