"""Backups of the database with SQLite's online backup API: create, list, rotate, verify, restore.

Copying a WAL database file is not a backup, so every copy here goes through ``Connection.backup``.
"""

from __future__ import annotations

import builtins
import logging
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from inducci_desktop.domain.i18n import _
from inducci_desktop.store.errors import BackupError, StoreError, UnknownBackupError
from inducci_desktop.store.files import create_private, private_file, private_folder, remove_leftovers
from inducci_desktop.store.inspect import integrity_problems, open_read_only, read_state
from inducci_desktop.store.schema import KNOWN_REVISIONS

log = logging.getLogger(__name__)
REASONS = ("auto", "manual", "pre-migrate", "pre-restore", "pre-import")
KEEP = {"auto": 7, "pre-migrate": 5, "pre-restore": 5, "pre-import": 10}  # manual backups are never rotated away
NAME = re.compile(r"^inducci-(\d{8}-\d{6}-\d{6})-(auto|manual|pre-migrate|pre-restore|pre-import)\.sqlite3$")
AUTO_INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class BackupInfo:
    id: str
    path: Path
    created: datetime
    reason: str
    size: int


class Backups:
    """The backup folder of one database."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.database = database
        self.folder = folder

    def list(self) -> list[BackupInfo]:
        """All backups, newest first."""
        found: list[BackupInfo] = []
        if not self.folder.is_dir():
            return found
        for entry in self.folder.iterdir():
            match = NAME.match(entry.name)
            if not match:
                continue
            created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
            found.append(BackupInfo(entry.stem, entry, created, match.group(2), entry.stat().st_size))
        return sorted(found, key=lambda b: b.created, reverse=True)

    def get(self, backup_id: str) -> BackupInfo:
        for info in self.list():
            if info.id == backup_id:
                return info
        raise UnknownBackupError(_("There is no backup called {backup_id!r} in {folder}; 'backup list' shows the "
                                   "backups there are.").format(backup_id=backup_id, folder=self.folder))

    def create(self, reason: str = "manual") -> BackupInfo:
        """Copy the database into a new backup file; the file appears only when complete."""
        if reason not in REASONS:
            raise ValueError(reason)
        if not self.database.exists():
            raise BackupError(_("There is no database at {path} to back up yet.").format(path=self.database))
        private_folder(self.folder)
        stamp = datetime.now(UTC)
        while True:
            name = f"inducci-{stamp:%Y%m%d-%H%M%S-%f}-{reason}.sqlite3"
            target = self.folder / name
            if not target.exists():
                break
            stamp += timedelta(microseconds=1)
        partial = target.with_name(f".{name}.partial")
        try:
            create_private(partial)
            source = open_read_only(self.database)
            try:
                dest = sqlite3.connect(partial)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dest.close()
            finally:
                source.close()
            # a copy of a damaged database is damaged too: it never becomes a backup
            problems = integrity_problems(partial, full=True)
            if problems:
                raise BackupError(
                    _("The database {path} failed its integrity check ({problems}), so no backup was written: a "
                      "backup must be a good copy. Restore the newest good backup ('backup list', 'backup restore "
                      "ID').").format(path=self.database, problems="; ".join(problems[:2])))
            os.replace(partial, target)
        except (sqlite3.Error, OSError, StoreError) as exc:
            partial.unlink(missing_ok=True)
            Path(f"{partial}-journal").unlink(missing_ok=True)
            if isinstance(exc, BackupError):
                raise
            raise BackupError(_("The backup could not be written to {folder}: {reason}")
                              .format(folder=self.folder, reason=exc)) from exc
        self.rotate()
        return self.get(target.stem)

    def rotate(self) -> builtins.list[BackupInfo]:
        """Delete the oldest automatic backups beyond what KEEP allows; return what was removed."""
        removed: builtins.list[BackupInfo] = []
        by_reason: dict[str, builtins.list[BackupInfo]] = {}
        for info in self.list():
            by_reason.setdefault(info.reason, []).append(info)
        for reason, keep in KEEP.items():
            for info in by_reason.get(reason, [])[keep:]:
                info.path.unlink(missing_ok=True)
                removed.append(info)
        return removed

    def remove_leftovers(self) -> builtins.list[Path]:
        """Delete partial copies and journals that an interrupted backup, restore or erasure left."""
        return remove_leftovers(self.folder, self.database.parent)

    def damaged(self) -> builtins.list[Path]:
        """Copies of a damaged database kept by a restore (``damaged-…``): outside rotation, never restored."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.glob("damaged-*") if p.is_file())

    def auto_backup_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """At most one automatic backup a day, and only of a database that exists."""
        if not self.database.exists() or self.database.stat().st_size == 0:
            return None
        now = now or datetime.now(UTC)
        autos = [b for b in self.list() if b.reason == "auto"]
        if autos and now - autos[0].created < AUTO_INTERVAL:
            return None
        return self.create("auto")

    def verify(self, backup_id: str) -> BackupInfo:
        """Full integrity check of a backup and a schema this version can open; raise if it fails."""
        info = self.get(backup_id)
        try:
            problems = integrity_problems(info.path, full=True)
        except StoreError as exc:
            raise BackupError(_("Backup {backup_id} is damaged: {reason}")
                              .format(backup_id=backup_id, reason=exc)) from exc
        if problems:
            raise BackupError(_("Backup {backup_id} failed its integrity check: {problems}")
                              .format(backup_id=backup_id, problems="; ".join(problems[:3])))
        try:
            state = read_state(info.path)
        except StoreError as exc:
            raise BackupError(_("Backup {backup_id} cannot be used: {reason}")
                              .format(backup_id=backup_id, reason=exc)) from exc
        if state.revision not in KNOWN_REVISIONS:
            raise BackupError(
                _("Backup {backup_id} was made by a newer InduCCI Desktop (schema {revision}); it cannot be restored "
                  "with this version.").format(backup_id=backup_id, revision=state.revision))
        return info

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes a full integrity check and has a schema this version knows."""
        for info in self.list():
            try:
                return self.verify(info.id)
            except BackupError:
                continue
        return None

    def scrub(self, clean: Callable[[sqlite3.Connection], int]
              ) -> tuple[builtins.list[str], builtins.list[tuple[Path, str]]]:
        """Run ``clean`` (changes made through the connection; returns how many rows changed) on every
        backup, so that data erased on request is gone from the backups too. Each file is changed on a copy
        with secure_delete on, vacuumed (no old bytes left in free pages), checked, then put in place; a file
        that cannot be changed is left as it was. Returns the ids of the backups that changed, and the files that could
        not be cleaned with the reason (for the user: they are named and offered for deletion)."""
        changed: list[str] = []
        failed: list[tuple[Path, str]] = []
        for info in self.list():
            work = info.path.with_name(f".{info.path.name}.scrub")
            try:
                shutil.copyfile(info.path, work)  # backups are single files (journal_mode DELETE)
                private_file(work)
                conn = sqlite3.connect(work, isolation_level=None)
                try:
                    conn.execute("PRAGMA secure_delete = ON")
                    conn.execute("BEGIN IMMEDIATE")
                    rows = clean(conn)
                    conn.execute("COMMIT")
                    if rows:
                        conn.execute("VACUUM")
                finally:
                    conn.close()
                if rows:
                    problems = integrity_problems(work, full=True)
                    if problems:
                        raise BackupError(_("it failed its integrity check ({problem})").format(problem=problems[0]))
                    os.replace(work, info.path)
                    changed.append(info.id)
            except (sqlite3.Error, OSError, StoreError) as exc:
                reason = (str(exc) if isinstance(exc, StoreError)
                          else _("it cannot be opened as a database ({reason})").format(reason=exc))
                log.warning("backup %s could not be cleaned: %s", info.id, type(exc).__name__)
                failed.append((info.path, reason))
            finally:
                work.unlink(missing_ok=True)
                Path(f"{work}-journal").unlink(missing_ok=True)
        return changed, failed

    def restore(self, backup_id: str) -> BackupInfo | None:
        """Replace the database's content with a verified backup.

        The current file is kept first as a ``pre-restore`` backup (when it can be read at all).
        The caller must have closed every connection to the database. Returns that safety backup.
        """
        info = self.verify(backup_id)
        safety: BackupInfo | None = None
        if self.database.exists() and self.database.stat().st_size > 0:
            try:
                safety = self.create("pre-restore")
            except BackupError:
                # A damaged current file cannot be backed up through SQLite; keep its bytes instead.
                private_folder(self.folder)
                keep = self.folder / f"damaged-{datetime.now(UTC):%Y%m%d-%H%M%S}-{self.database.name}"
                os.replace(self.database, keep)
                private_file(keep)
                for suffix in ("-wal", "-shm"):
                    Path(f"{self.database}{suffix}").unlink(missing_ok=True)
        try:
            create_private(self.database)
            source = open_read_only(info.path)
            try:
                dest = sqlite3.connect(self.database)
                try:
                    source.backup(dest)
                    _new_folder_id(dest)
                    dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    dest.close()
            finally:
                source.close()
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(_("Restoring {backup_id} failed: {reason}. The previous file is kept as a backup.")
                              .format(backup_id=backup_id, reason=exc)) from exc
        return safety


def _new_folder_id(conn: sqlite3.Connection) -> None:
    """A restored database continues as a new data folder for the exchange.

    Its clock goes back to the backup's; under the old id, its next edits would reuse versions that other
    machines already hold with other content. Under a new id they cannot, and edits made after the backup
    and sent to others before the restore come back on the next exchange.
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_folder'").fetchone():
        conn.execute("UPDATE data_folder SET id = ?", (str(uuid.uuid4()),))
        conn.commit()
