"""The plain records of an exchange: what to export and what an import would do with each record.

A leaf of the exchange package: the service, the export and the merge plan all import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

ADDED, UPDATED, UNCHANGED, CONFLICT = "added", "updated", "unchanged", "conflict"


@dataclass(frozen=True)
class ExportSelection:
    """What to export. ``everything``: all records, trash included (the trash state travels)."""

    regions: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()  # template ids: own templates with all versions, toolbox: current version
    assessments: tuple[str, ...] = ()
    workshops: tuple[str, ...] = ()
    include_personal_data: bool = False
    everything: bool = False
    pilots: tuple[str, ...] = ()  # pilot actions, with criteria, lessons, voices and photos

    @property
    def empty(self) -> bool:
        return not (self.everything or self.regions or self.templates or self.assessments or self.workshops
                    or self.pilots)


@dataclass(frozen=True)
class PlanEntry:
    kind: str
    label: str
    id: str
    title: str
    action: str  # added | updated | unchanged | conflict
    reason: str = ""
    local_updated: datetime | None = None
    incoming_updated: datetime | None = None
    by: str | None = None  # the data folder that made the incoming version
    local_by: str | None = None  # the data folder that made this machine's version


@dataclass(frozen=True)
class ConflictView:
    """A record changed on both sides since their common version, and both versions (bundle-style dicts)."""

    id: str
    kind: str
    label: str
    record_id: str
    title: str
    fields: tuple[str, ...]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    source: str
    created_at: datetime
    resolved_at: datetime | None
    resolution: str | None
    text_fields: tuple[str, ...]  # differing fields holding text on both sides ("keep both" joins them)

    @property
    def mine_by(self) -> str:
        return str(self.mine.get("rev_by") or "?")

    @property
    def theirs_by(self) -> str:
        return str(self.theirs.get("rev_by") or "0.1.0")
