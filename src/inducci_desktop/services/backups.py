"""Backups and checks of a data folder whose database is not open: the command line's ``db check`` and
``backup`` commands, and the window's recovery when the database cannot be opened. With the services
open, use ``MaintenanceService`` (it also reports what changed). Light: SQLAlchemy loads only to restore
or check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.store.backup import BackupInfo, Backups
from inducci_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from inducci_desktop.store.database import CheckResult
    from inducci_desktop.store.location import Location

__all__ = ["BackupInfo", "Backups", "check_file", "newest_good_backup", "refuse_on_server", "restore_closed"]


def newest_good_backup(backups: Backups) -> str | None:
    """The newest backup that passes a full integrity check, if any."""
    for info in backups.list():
        try:
            backups.verify(info.id)
        except StoreError:
            continue
        return info.id
    return None


def restore_closed(database: Path, backup_dir: Path, backup_id: str) -> str | None:
    """Verify ``backup_id``, keep the current file as a backup, restore and migrate; the safety backup's id."""
    from inducci_desktop.store.database import Store

    store = Store(database, backup_dir)
    try:
        return store.restore(backup_id)
    finally:
        store.close()


def check_file(database: Path, server: Location | None = None) -> CheckResult:
    """Quick check plus schema state of ``database`` (or of the ``server``'s database), without writing anything."""
    if server is not None:
        from inducci_desktop.store.server import check_server

        return check_server(server)
    from inducci_desktop.store.database import check_database

    return check_database(database)


def refuse_on_server(server: Location | None) -> None:
    """File backups are for the local database: with the data on a server, say whose job they are."""
    if server is not None:
        from inducci_desktop.store.server import ServerBackupError, server_backup_message

        raise ServerBackupError(server_backup_message(server))
