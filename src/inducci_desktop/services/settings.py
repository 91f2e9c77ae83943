"""User settings kept in the database as JSON values, so they travel with backups."""

from __future__ import annotations

import json
from typing import Any

from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Setting


class SettingsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        with self.store.db.reading() as session:
            row = session.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False)
        with self.store.db.unit_of_work() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=encoded))
            elif row.value != encoded:
                row.value = encoded
