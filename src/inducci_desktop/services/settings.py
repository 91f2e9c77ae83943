"""User settings kept in the database as JSON values, so they travel with backups."""

from __future__ import annotations

import json
import logging
from typing import Any

from inducci_desktop.domain.upgrades import Outcome, Upgrades
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Setting

log = logging.getLogger(__name__)


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

    # --- values with a format version ---------------------------------------------------------------

    def get_versioned(self, key: str, upgrades: Upgrades) -> dict[str, Any] | None:
        """The mapping stored under ``key``, upgraded to the current format (without ``version``).

        An older value is upgraded in order and saved, after a copy of it is kept under
        ``<key>.v<N>``; a value from a newer version, or one that is not a versioned mapping, gives None
        (use defaults) and is left untouched.
        """
        raw = self.get(key)
        if raw is None:
            return None
        result = upgrades.apply(raw)
        if result.outcome is Outcome.INVALID:
            log.warning("ignoring the stored %s: not in a known format", upgrades.what)
            return None
        if result.outcome is Outcome.NEWER:
            return None
        if result.outcome is Outcome.UPGRADED:
            self.set(f"{key}.v{result.from_version}", raw)
            self.set(key, {**result.values, "version": upgrades.current})
        return result.values

    def set_versioned(self, key: str, upgrades: Upgrades, values: dict[str, Any]) -> bool:
        """Store ``values`` in the current format; False (nothing written) over a newer version's value."""
        if upgrades.apply(self.get(key)).outcome is Outcome.NEWER:
            return False
        self.set(key, {**values, "version": upgrades.current})
        return True
