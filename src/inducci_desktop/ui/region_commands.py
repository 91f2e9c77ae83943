"""Undoable edits of regions (see ui/undo.py for how an edit enters the history)."""

from __future__ import annotations

from collections.abc import Callable

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.regions import RegionService
from inducci_desktop.ui.undo import AppliedCommand


class _RegionCommand(AppliedCommand):
    def __init__(self, text: str, regions: RegionService, changed: Callable[[], None]) -> None:
        super().__init__(text, changed)
        self.regions = regions


class AddRegion(_RegionCommand):
    def __init__(self, regions: RegionService, changed: Callable[[], None], name: str) -> None:
        super().__init__(_("Add “{name}”").format(name=name), regions, changed)
        self.region_id = regions.add(name).id

    def apply(self) -> None:
        self.regions.restore(self.region_id)

    def revert(self) -> None:
        self.regions.delete(self.region_id)


class RenameRegion(_RegionCommand):
    def __init__(self, regions: RegionService, changed: Callable[[], None], region_id: str, name: str) -> None:
        self.old = regions.get(region_id).name
        self.region_id = region_id
        self.new = regions.rename(region_id, name).name
        super().__init__(_("Rename “{old}” to “{new}”").format(old=self.old, new=self.new), regions, changed)

    def apply(self) -> None:
        self.regions.rename(self.region_id, self.new)

    def revert(self) -> None:
        self.regions.rename(self.region_id, self.old)


class DeleteRegion(_RegionCommand):
    def __init__(self, regions: RegionService, changed: Callable[[], None], region_id: str) -> None:
        self.region_id = region_id
        name = regions.delete(region_id).name
        super().__init__(_("Delete “{name}”").format(name=name), regions, changed)

    def apply(self) -> None:
        self.regions.delete(self.region_id)

    def revert(self) -> None:
        self.regions.restore(self.region_id)


class RestoreRegion(DeleteRegion):
    def __init__(self, regions: RegionService, changed: Callable[[], None], region_id: str) -> None:
        self.region_id = region_id
        name = regions.restore(region_id).name
        _RegionCommand.__init__(self, _("Restore “{name}”").format(name=name), regions, changed)

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()
