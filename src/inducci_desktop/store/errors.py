"""Errors the store raises; each carries a message fit to show a user as it is."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the local database, explained for a user.

    ``offer_restore`` is true when restoring the newest good backup is a sensible next step.
    """

    offer_restore: bool = False


class NotSQLiteError(StoreError):
    offer_restore = True


class CorruptDatabaseError(StoreError):
    offer_restore = True


class NewerDatabaseError(StoreError):
    """The file was written by a newer InduCCI Desktop; it is left untouched."""


class ForeignDatabaseError(StoreError):
    """An SQLite file that is not an InduCCI Desktop database."""


class MigrationError(StoreError):
    offer_restore = True


class BackupError(StoreError):
    pass


class UnknownBackupError(BackupError):
    """A backup id that names no backup: bad input (exit 2), not unusable data."""


class EmptyDatabaseError(StoreError):
    """A 0-byte database file (a full disk, a crash): kept as it is, never silently replaced."""

    offer_restore = True


class DataInUseError(StoreError):
    """Another InduCCI Desktop holds this data folder."""


class ServerConnectionError(StoreError):
    """The PostgreSQL server cannot be reached, refuses the login, or the connection dropped."""


class ServerBackupError(StoreError):
    """The app's file backups do not apply to data on a server: its backups are the administrator's job."""
