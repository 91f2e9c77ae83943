"""Window state (geometry, theme) in a small versioned JSON file, readable before the database is open,
so the window appears at its remembered size and colours at once. Written atomically."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
VERSION = 1
FILE_NAME = "ui-state.json"


class UiState:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self.values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", self.path, exc)
            return {}
        if not isinstance(raw, dict) or raw.get("version") != VERSION:
            log.warning("ignoring %s of another version", self.path)
            return {}
        return raw

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value
        self.save()

    def save(self) -> None:
        data = json.dumps({**self.values, "version": VERSION}, ensure_ascii=False, indent=1)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".ui-state-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(temp, self.path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            log.warning("could not save %s: %s", self.path, exc)
