"""Backups and database checks, shared by the Settings page and the command line."""

from __future__ import annotations

from inducci_desktop.store.backup import BackupInfo
from inducci_desktop.store.database import CheckResult, Store, check_database
from inducci_desktop.store.schema import HEAD


class MaintenanceService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def backups(self) -> list[BackupInfo]:
        return self.store.backups.list()

    def create_backup(self) -> BackupInfo:
        return self.store.backups.create("manual")

    def restore_backup(self, backup_id: str) -> str | None:
        """Verify, keep the current file as a backup, restore and reopen; returns the safety backup's id."""
        return self.store.restore(backup_id)

    def check(self) -> CheckResult:
        return check_database(self.store.path)

    def schema_version(self) -> str:
        return self.store.db.revision() or "none"

    @staticmethod
    def expected_schema() -> str:
        return HEAD
