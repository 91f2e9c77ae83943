"""The services of one data folder, built once by the composition root (app.py) and handed to UI and CLI.

The services every start needs are built at once; the others (checklists, workshops, printing, exchange)
on first use, so their modules stay off the start-up path until a page or command asks for them.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING

from inducci_desktop.domain.changes import ChangeFeed
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.identity import Identity
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.maintenance import MaintenanceService
from inducci_desktop.services.regions import RegionService
from inducci_desktop.services.settings import SettingsService
from inducci_desktop.store.database import Store

if TYPE_CHECKING:
    from inducci_desktop.services.checklists.service import ChecklistService
    from inducci_desktop.services.evidence.interviews import InterviewService
    from inducci_desktop.services.evidence.service import EvidenceService
    from inducci_desktop.services.evidence.stakeholders import StakeholderService
    from inducci_desktop.services.exchange.service import ExchangeService
    from inducci_desktop.services.library.documents import PrintService
    from inducci_desktop.services.pilots.service import PilotService
    from inducci_desktop.services.strategy.service import StrategyService
    from inducci_desktop.services.workshops.service import WorkshopService

log = logging.getLogger(__name__)


class Services:
    def __init__(self, paths: AppPaths, store: Store) -> None:
        self.paths = paths
        self.store = store
        #: what every write changed (kinds and ids), reported after each commit, on the writing thread;
        #: the GUI turns it into AppEvents.changed, the command line has no listener
        self.changes: ChangeFeed = store.feed
        self.regions = RegionService(store)
        self.settings = SettingsService(store)
        self.maintenance = MaintenanceService(store)
        self.library = LibraryService(store)
        #: the name of the person at this machine (per machine, not in the database), set in Settings
        self.identity = Identity(paths.data_dir)
        if store.who is None:
            store.who = self.identity.name

    @classmethod
    def over(cls, paths: AppPaths, store: Store) -> Services:
        return cls(paths, store)

    @cached_property
    def checklists(self) -> ChecklistService:
        from inducci_desktop.services.checklists.service import ChecklistService

        return ChecklistService(self.store, self.library)

    @cached_property
    def evidence(self) -> EvidenceService:
        from inducci_desktop.services.evidence.service import EvidenceService

        return EvidenceService(self.store, lambda: self.checklists)

    @cached_property
    def strategy(self) -> StrategyService:
        from inducci_desktop.services.strategy.service import StrategyService

        return StrategyService(self)

    @cached_property
    def workshops(self) -> WorkshopService:
        from inducci_desktop.services.workshops.service import WorkshopService

        return WorkshopService(self.store, self.library)

    @cached_property
    def pilots(self) -> PilotService:
        from inducci_desktop.services.pilots.service import PilotService

        return PilotService(self.store, self.library)

    @cached_property
    def interviews(self) -> InterviewService:
        from inducci_desktop.services.evidence.interviews import InterviewService

        return InterviewService(self.store, self.library)

    @cached_property
    def stakeholders(self) -> StakeholderService:
        from inducci_desktop.services.evidence.stakeholders import StakeholderService

        return StakeholderService(self.store, self.library)

    @cached_property
    def printing(self) -> PrintService:
        from inducci_desktop.services.library.documents import PrintService

        return PrintService(self.library, self.settings, self.regions)

    @cached_property
    def exchange(self) -> ExchangeService:
        from inducci_desktop.services.exchange.service import ExchangeService

        return ExchangeService(self.store, self.checklists.templates)

    def prepare(self) -> None:
        """Work every start does once the store is open: load the toolbox content if the pack changed; on a
        shared database, keep the pinned template versions only this machine's cache holds (content/pinned.py).

        Cheap when the pack is unchanged (only pack.yaml's version is compared). A pack with problems
        is logged and the content loaded before stays in use.
        """
        status = self.library.ensure_content()
        if status.problems:
            log.error("the toolbox content has %d problems; run 'inducci-desktop content check'",
                      len(status.problems))
        if self.store.db.on_server and not status.loaded:  # a load keeps them itself
            self.library.keep_pinned()

    def warm_up(self) -> None:
        """Declare and configure the models of every feature (store/models.py): the window's start-up declares
        only its own, and the window calls this on a worker thread once the first page is shown, so that the
        first visit to another page does not pay for its models either."""
        from sqlalchemy.orm import configure_mappers

        from inducci_desktop.store.models import load_all

        load_all()
        configure_mappers()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
