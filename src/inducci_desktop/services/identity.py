"""Who is using this machine: the name every change records (``changed_by``) and a conflict shows.

Kept per machine in a small JSON file in the data folder (``identity.json``), never in the database: a
shared database is used by several people, each on their own machine. Until a name is set in Settings,
the operating system's login name stands in.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import tempfile
from pathlib import Path

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.errors import ValidationError, checked_text

log = logging.getLogger(__name__)
FILE_NAME = "identity.json"
#: as long as ``changed_by`` (migration 0012)
MAX_NAME = 120
_KEY = "name"
#: the names read, by file: every unit of work asks, and the file changes only through ``set_name``
_CACHE: dict[Path, str] = {}


def login_name() -> str:
    """The operating system's login name ("" where there is none, e.g. a service account without one)."""
    try:
        return getpass.getuser()[:MAX_NAME]
    except (OSError, KeyError, ImportError):
        return ""


class Identity:
    """The name of the person at this machine, read from and written to ``folder/identity.json``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def stored(self) -> str:
        """The name set in Settings; "" when none is set (or the file cannot be read)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ""
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", self.path, exc)
            return ""
        value = raw.get(_KEY) if isinstance(raw, dict) else None
        return value[:MAX_NAME] if isinstance(value, str) else ""

    def name(self) -> str:
        """The name each change records: the one set in Settings, else the login name."""
        found = _CACHE.get(self.path)
        if found is None:
            found = _CACHE[self.path] = self.stored() or login_name()
        return found

    def set_name(self, name: str) -> str:
        """Keep ``name`` (one line, at most MAX_NAME characters; "" goes back to the login name) and return
        the name now in use. Bad input raises ValidationError and changes nothing."""
        cleaned = " ".join(checked_text(name, N_("Your name")).split())
        if len(cleaned) > MAX_NAME:
            raise ValidationError(_("Your name can be at most {limit} characters long.").format(limit=MAX_NAME))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".identity-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"version": 1, _KEY: cleaned}, out, ensure_ascii=False)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _CACHE.pop(self.path, None)
        return self.name()


def current_name(folder: Path | None = None) -> str:
    """The name of the person at this machine, for the data folder ``folder`` (default: the one the app
    resolves from --data-dir, INDUCCI_DATA_DIR, portable mode or the platform's folders)."""
    if folder is None:
        from inducci_desktop.paths import AppPaths

        folder = AppPaths.resolve().data_dir
    return Identity(folder).name()
