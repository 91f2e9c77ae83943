"""Window state (geometry, theme, folders) in a small versioned JSON file, readable before the database is
open, so the window appears at its remembered size and colours at once. Written atomically.

An older file is upgraded through ``UPGRADES`` (a copy of it is kept first as ``ui-state.v<N>.json``); a file
from a newer version is left untouched and the defaults are used (nothing is written over it).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from inducci_desktop.domain.upgrades import Outcome, Upgrades

log = logging.getLogger(__name__)
FILE_NAME = "ui-state.json"
#: the one folder every document is saved to by default, from version 2 on
DOCUMENTS_FOLDER = "documents.folder"
#: the interface language chosen in Settings ("" or missing: the system's)
LANGUAGE_KEY = "language"


def _one_documents_folder(values: dict[str, Any]) -> dict[str, Any]:
    """One default folder for saved documents, taken from the Print Center's or the Checklists page's."""
    for old in ("print_center.folder", "checklists.print_folder"):
        folder = values.pop(old, None)
        if isinstance(folder, str) and folder and DOCUMENTS_FOLDER not in values:
            values[DOCUMENTS_FOLDER] = folder
    return values


UPGRADES = Upgrades("the window state (ui-state.json)", (_one_documents_folder,))
VERSION = UPGRADES.current


class UiState:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        #: False when the file belongs to a newer version of the app: it is then never written
        self.writable = True
        self.values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", self.path, exc)
            return {}
        result = UPGRADES.apply(raw)
        if result.outcome is Outcome.NEWER:
            self.writable = False
            return {}
        if result.outcome is Outcome.INVALID:
            log.warning("ignoring %s: not a window state file", self.path)
            return {}
        if result.outcome is Outcome.UPGRADED:
            backup = self.path.with_name(f"ui-state.v{result.from_version}.json")
            try:
                shutil.copy2(self.path, backup)
            except OSError as exc:
                log.warning("could not keep a copy of %s before upgrading it: %s", self.path, exc)
            else:
                self.values = result.values
                self.save()
        return result.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value
        self.save()

    def save(self) -> None:
        if not self.writable:
            return  # a newer version's file stays as it is
        data = json.dumps({**self.values, "version": VERSION}, ensure_ascii=False, indent=1)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".ui-state-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(temp, self.path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            log.warning("could not save %s: %s", self.path, exc)
