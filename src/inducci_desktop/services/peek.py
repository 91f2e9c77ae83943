"""A read-only look at a few stored values (a setting, a region's name) through the standard library's sqlite3,
for a command that needs nothing else from the database (``print file``, ``print item``): no SQLAlchemy, no
migration, no backup, and no database created where there is none.

Anything unexpected (a damaged or foreign file, a newer schema, a table missing) raises ``Unreadable``: the
caller then opens the store the whole way, which explains the problem as every other command does.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from inducci_desktop.store.schema import KNOWN_REVISIONS


class Unreadable(Exception):
    """The database file cannot be read this way; open the store instead."""


class StoredValues:
    """Values read from the database file ``database``; every value is its default when there is no file."""

    def __init__(self, database: Path) -> None:
        self._connection: sqlite3.Connection | None = None
        if not database.exists():
            return
        try:
            # read-only, never created: a missing file is not made by this look
            self._connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
            revision = self._connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as exc:
            self.close()
            raise Unreadable(str(exc)) from None
        if revision is None or revision[0] not in KNOWN_REVISIONS:
            self.close()
            raise Unreadable(f"schema revision {revision!r} is not one this version knows")

    def setting(self, key: str) -> Any:
        """The JSON value of the setting ``key`` (None when it is not set)."""
        row = self._one("SELECT value FROM settings WHERE key = ?", key)
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):
            return None

    def region_name(self, region_id: str) -> str:
        """The name of the region ``region_id``; "" when it is unknown or deleted."""
        row = self._one("SELECT name FROM regions WHERE id = ? AND deleted_at IS NULL", region_id)
        return str(row[0]) if row is not None else ""

    def _one(self, query: str, value: str) -> tuple[Any, ...] | None:
        if self._connection is None:
            return None
        try:
            row: tuple[Any, ...] | None = self._connection.execute(query, (value,)).fetchone()
        except sqlite3.Error as exc:
            raise Unreadable(str(exc)) from None
        return row

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> StoredValues:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
