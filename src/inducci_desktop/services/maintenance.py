"""Backups and database checks, shared by the Settings page and the command line."""

from __future__ import annotations

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.store.backup import BackupInfo
from inducci_desktop.store.database import CheckResult, Store, check_database
from inducci_desktop.store.schema import HEAD


class MaintenanceService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def backups(self) -> list[BackupInfo]:
        return self.store.backups.list()

    def create_backup(self) -> BackupInfo:
        """A backup of the database file; with the data on a server, ServerBackupError (the administrator's job)."""
        self._refuse_on_server()
        made = self.store.backups.create("manual")
        self.store.feed.report(Changes.of(Kind.BACKUP, [made.id]))
        return made

    def restore_backup(self, backup_id: str) -> str | None:
        """Verify, keep the current file as a backup, restore and reopen; returns the safety backup's id.

        Reports ``Changes.all()`` (the whole database was replaced) and the new safety backup."""
        safety = self.store.restore(backup_id)
        self.store.feed.report(Changes.of(Kind.BACKUP, None if safety is None else [safety]))
        return safety

    def check(self) -> CheckResult:
        if self.store.server is not None:
            from inducci_desktop.store.server import check_server

            return check_server(self.store.server)
        return check_database(self.store.path)

    def _refuse_on_server(self) -> None:
        if self.store.server is not None:
            from inducci_desktop.store.server import ServerBackupError, server_backup_message

            raise ServerBackupError(server_backup_message(self.store.server))

    def schema_version(self) -> str:
        return self.store.db.revision() or "none"

    @staticmethod
    def expected_schema() -> str:
        return HEAD
