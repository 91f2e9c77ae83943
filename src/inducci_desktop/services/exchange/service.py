"""Carrying work between offline machines as ``.inducci`` bundle files: export, preview, import.

``export`` writes the chosen records (and what they need) atomically. ``plan`` reads and validates a
bundle completely and compares it with this machine's data without writing anything; ``apply`` plans
again inside one write transaction, refuses if the data changed since the preview, and writes
everything or nothing. Importing the same bundle twice changes nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop import __version__
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.views import (
    ADDED,
    CONFLICT,
    UNCHANGED,
    UPDATED,
    ConflictView,
    ExportSelection,
    PlanEntry,
)
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import utcnow

if TYPE_CHECKING:
    from inducci_desktop.services.checklists.templates import TemplateService
    from inducci_desktop.services.exchange.bundle import Bundle
    from inducci_desktop.services.exchange.merge import Planner, Writes
    from inducci_desktop.services.exchange.write import ReceivedErasure

# pydantic and the bundle code load only when something is exported or imported (not at start-up)

__all__ = ["ADDED", "CONFLICT", "UNCHANGED", "UPDATED", "ConflictView", "ExchangeService", "ExportResult",
           "ExportSelection", "ImportPlan", "ImportResult", "PlanEntry"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]
    includes_personal_data: bool


@dataclass(frozen=True)
class ImportPlan:
    """What importing a bundle would do. ``entries`` lists every record with its action."""

    source: Path
    created_at: datetime
    created_by: str | None
    app_version: str
    includes_personal_data: bool
    entries: tuple[PlanEntry, ...]
    bundle: Bundle = field(repr=False, compare=False)
    #: (kind, record id) → (this machine's version, the bundle's, the fields that differ), for conflicts
    versions: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any], tuple[str, ...]]] = field(
        default_factory=dict, repr=False, compare=False)

    def having(self, action: str) -> list[PlanEntry]:
        return [e for e in self.entries if e.action == action]

    @property
    def added(self) -> list[PlanEntry]:
        return self.having(ADDED)

    @property
    def updated(self) -> list[PlanEntry]:
        return self.having(UPDATED)

    @property
    def unchanged(self) -> list[PlanEntry]:
        return self.having(UNCHANGED)

    @property
    def conflicts(self) -> list[PlanEntry]:
        return self.having(CONFLICT)

    @property
    def changes_anything(self) -> bool:
        return any(e.action in (ADDED, UPDATED) for e in self.entries)

    def counts(self) -> dict[str, dict[str, int]]:
        """action → kind label → number of records."""
        result: dict[str, dict[str, int]] = {a: {} for a in (ADDED, UPDATED, UNCHANGED, CONFLICT)}
        for entry in self.entries:
            per_kind = result[entry.action]
            per_kind[entry.label] = per_kind.get(entry.label, 0) + 1
        return result

    def fingerprint(self) -> list[tuple[str, str, str]]:
        return [(e.kind, e.id, e.action) for e in self.entries]


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[PlanEntry, ...]
    #: the backup of this machine's data taken just before the import wrote anything (None: nothing written)
    backup_id: str | None = None


class ExchangeService:
    def __init__(self, store: Store, templates: TemplateService | None = None) -> None:
        self.store = store
        self.templates = templates

    def export(self, target: Path | str, selection: ExportSelection, *, created_by: str | None = None
               ) -> ExportResult:
        """Write a bundle of ``selection`` to ``target`` (atomically: a failure leaves no partial file)."""
        if selection.empty:
            raise ValidationError(_("Choose something to export (assessments, workshops, pilot actions, templates "
                                    "or regions)."))
        from inducci_desktop.services.exchange.bundle import write_bundle
        from inducci_desktop.services.exchange.export import collect
        from inducci_desktop.services.exchange.schema import FORMAT, FORMAT_VERSION
        from inducci_desktop.services.exchange.versions import this_folder

        target = Path(target)
        if not target.parent.is_dir():
            raise ValidationError(_("The folder {parent} does not exist.").format(parent=target.parent))
        with self.store.db.reading() as session:
            records = collect(session, selection, self.store.path)
            folder = this_folder(session)
        files = {kind: json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                 for kind, rows in records.items()}
        counts = {kind: len(rows) for kind, rows in records.items()}
        manifest: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
            "created_at": utcnow().isoformat(), "created_by": created_by or None,
            "includes_personal_data": selection.include_personal_data, "counts": counts,
            "records": {kind: f"records/{kind}.json" for kind in files},
            "folder_id": folder[0], "clock": folder[1],
        }
        try:
            path = write_bundle(target, manifest, files)
        except OSError as exc:
            raise ValidationError(_("{target} cannot be written: {value}.")
                .format(target=target, value=exc.strerror or exc)) from None
        return ExportResult(path, counts, selection.include_personal_data)

    def plan(self, source: Path | str) -> ImportPlan:
        """Read, validate and compare a bundle with this machine's data; writes nothing."""
        from inducci_desktop.services.exchange.bundle import read_bundle
        from inducci_desktop.services.exchange.merge import Planner

        path = Path(source)
        bundle = read_bundle(path)
        with self.store.db.reading() as session:
            planner = Planner(session, bundle)
            entries, _writes = planner.run()
        return self._plan(path, bundle, entries, planner)

    def apply(self, plan: ImportPlan, *, on_write: Callable[[str], None] | None = None) -> ImportResult:
        """Import what ``plan`` previewed, in one transaction (all or nothing).

        The bundle is planned again inside the transaction; if this machine's data changed since the
        preview so that the outcome would differ, nothing is written and ValidationError says so.
        """
        from inducci_desktop.services.exchange.merge import Planner

        with self.store.db.unit_of_work() as session:
            planner = Planner(session, plan.bundle)
            entries, writes = planner.run()
            if [(e.kind, e.id, e.action) for e in entries] != plan.fingerprint():
                raise ValidationError(_("The data on this machine changed since the preview; preview the import "
                                      "again. Nothing was imported."))
            backup_id = self._backup_before(writes)
            self._keep_photos(planner)
            erasure = _write(session, planner, plan.source.name, on_write)
        self._after(writes, erasure)
        return ImportResult(len(plan.added), len(plan.updated), len(plan.unchanged), tuple(plan.conflicts),
                            backup_id)

    def import_file(self, source: Path | str, *, dry_run: bool = False) -> tuple[ImportPlan, ImportResult | None]:
        """Plan and (unless ``dry_run``) import in one go: one planning pass inside the write transaction."""
        if dry_run:
            return self.plan(source), None
        from inducci_desktop.services.exchange.bundle import read_bundle
        from inducci_desktop.services.exchange.merge import Planner

        path = Path(source)
        bundle = read_bundle(path)
        with self.store.db.unit_of_work() as session:
            planner = Planner(session, bundle)
            entries, writes = planner.run()
            backup_id = self._backup_before(writes)
            self._keep_photos(planner)
            erasure = _write(session, planner, path.name, None)
        self._after(writes, erasure)
        plan = self._plan(path, bundle, entries, planner)
        return plan, ImportResult(len(plan.added), len(plan.updated), len(plan.unchanged), tuple(plan.conflicts),
                                  backup_id)

    def _keep_photos(self, planner: Planner) -> None:
        """The photos of the pilots imported, into this data folder (before the records that name them are
        written; files named by their content, so a failed import leaves nothing that matters)."""
        from inducci_desktop.services.pilots.photos import write_received

        try:
            write_received(self.store.path, planner.photos)
        except OSError as exc:
            raise ValidationError(_("The photos of the bundle cannot be stored: {problem}. Nothing was imported.")
                                  .format(problem=exc.strerror or exc)) from None

    def _after(self, writes: Writes, erasure: ReceivedErasure | None) -> None:
        if self.templates is not None and not writes.empty:
            self.templates._cache.clear()  # an own template version may have been replaced
        if erasure is not None:
            from inducci_desktop.services.exchange.write import scrub_received

            scrub_received(self.store, erasure)  # an erasure received reaches this machine's backups too

    # --- conflicts ----------------------------------------------------------------------------------

    def conflicts(self, *, resolved: bool = False) -> list[ConflictView]:
        """Open conflicts (or, with ``resolved``, the resolved ones, whose losing version can be restored)."""
        from inducci_desktop.services.exchange.conflicts import list_conflicts

        with self.store.db.reading() as session:
            return list_conflicts(session, resolved=resolved)

    def resolve(self, conflict_id: str, keep: str) -> ConflictView:
        """Keep ``mine``, take ``theirs`` or (text) keep ``both``; on a resolved conflict, restore that version."""
        from inducci_desktop.services.exchange.conflicts import resolve

        with self.store.db.unit_of_work() as session:
            return resolve(session, conflict_id, keep)

    def folder_id(self) -> str:
        """This data folder's stable id (made once, with the database)."""
        from inducci_desktop.services.exchange.versions import folder_id

        with self.store.db.reading() as session:
            return folder_id(session)

    def _backup_before(self, writes: Writes) -> str | None:
        """Back up this machine's data before an import changes it.

        Called inside the import's write transaction, before anything is written: in WAL mode the backup
        connection reads the last committed state, which is exactly the data before the import. With the data
        on a server there is no file to back up (the server's backups are its administrator's): None.
        """
        if writes.empty or self.store.on_server:
            return None
        return self.store.backups.create("pre-import").id

    @staticmethod
    def _plan(path: Path, bundle: Bundle, entries: list[PlanEntry], planner: Planner) -> ImportPlan:
        manifest = bundle.manifest
        versions = {(c.kind, c.record_id): (c.mine, c.theirs, tuple(c.fields)) for c in planner.conflicts}
        return ImportPlan(path, manifest.created_at, manifest.created_by, manifest.app_version,
                          manifest.includes_personal_data, tuple(entries), bundle, versions)


def _write(session: Any, planner: Planner, source: str, on_write: Callable[[str], None] | None
           ) -> ReceivedErasure | None:
    """Inserts then updates, kind by kind in dependency order (parents first); conflicts; erasures received."""
    from inducci_desktop.services.exchange.write import write_import

    return write_import(session, planner, source, on_write)
