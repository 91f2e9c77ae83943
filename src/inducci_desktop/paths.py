"""Where InduCCI Desktop keeps its data: platformdirs defaults, overridden by --data-dir or INDUCCI_DATA_DIR,
or beside the program in portable mode (``portable.txt`` or a ``data`` folder next to a frozen executable)."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _

if TYPE_CHECKING:
    from inducci_desktop.store.location import Location

ENV_VAR = "INDUCCI_DATA_DIR"
DB_NAME = "inducci.sqlite3"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"
#: below this much free space a data folder is refused: backups and the log need room to be written
MIN_FREE_BYTES = 20 * 1024 * 1024


class DataDirError(Exception):
    """The data folder cannot be created or written."""


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one data folder.

    With ``--data-dir`` (portable use, tests) everything, logs included, lives in that folder.
    """

    data_dir: Path
    log_dir: Path
    portable: bool = False
    #: the database chosen by ``--database-url`` / INDUCCI_DATABASE_URL (store/location.py); None: the data
    #: folder's own SQLite file
    location: Location | None = None

    @property
    def database(self) -> Path:
        """The local SQLite file (with the user data on a server: the file the data folder would use)."""
        if self.location is not None and not self.location.is_server and self.location.sqlite_path is not None:
            return self.location.sqlite_path
        return self.data_dir / DB_NAME

    @property
    def server(self) -> Location | None:
        """The PostgreSQL database holding the user data, or None."""
        return self.location if self.location is not None and self.location.is_server else None

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "inducci-desktop.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / ".instance.lock"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None, *, app_dir: Path | None = None) -> AppPaths:
        """Choose the data folder: explicit argument, then INDUCCI_DATA_DIR, then portable mode (``app_dir``,
        by default the folder of a frozen executable), then the platform default."""
        chosen = data_dir if data_dir is not None else os.environ.get(ENV_VAR) or None
        if chosen is not None:
            base = Path(chosen).expanduser().resolve()
            return cls(data_dir=base, log_dir=base / "logs")
        portable = portable_data_dir(app_dir if app_dir is not None else frozen_app_dir())
        if portable is not None:
            return cls(data_dir=portable, log_dir=portable / "logs", portable=True)
        import platformdirs

        return cls(
            data_dir=Path(platformdirs.user_data_dir("InduCCI Desktop", "InduCCI", roaming=True)),
            log_dir=Path(platformdirs.user_log_dir("InduCCI Desktop", "InduCCI")),
        )

    def ensure(self) -> None:
        """Create the folders and prove they can be written, or raise DataDirError naming the folder.
        On POSIX the folders are 0700 and their files 0600, looser modes repaired (store/files.py)."""
        from inducci_desktop.store.files import private_folder, repair_modes

        for folder in (self.data_dir, self.backup_dir, self.log_dir):
            try:
                private_folder(folder)
                with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
                    pass
            except OSError as exc:
                raise DataDirError(self._refusal(folder, exc)) from exc
        try:
            repair_modes((self.backup_dir, self.log_dir), self.database, shared_folder=self.data_dir,
                         shared_names=(self.lock_file.name, "ui-state.json"))
        except OSError as exc:
            raise DataDirError(_("The files in {data_dir} cannot be made private ({value}).")
                .format(data_dir=self.data_dir, value=exc.strerror or exc)) from exc
        self._check_free_space()

    def _refusal(self, folder: Path, exc: OSError) -> str:
        if self.portable:
            why = (_("the drive is full") if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
                   else _("the drive is read-only or write-protected") if exc.errno in (errno.EROFS, errno.EACCES,
                                                                                      errno.EPERM)
                   else exc.strerror or str(exc))
            return (_("InduCCI Desktop runs in portable mode ({PORTABLE_MARKER} or a {PORTABLE_DATA} folder beside "
                "the program) and keeps its data in {data_dir}, but {why}. Copy the program folder to a drive you "
                    "can write to, or remove {PORTABLE_MARKER} to keep the data in your user folder.")
                .format(PORTABLE_MARKER=PORTABLE_MARKER, PORTABLE_DATA=PORTABLE_DATA, data_dir=self.data_dir, why=why))
        return (_("The data folder {folder} cannot be written ({value}). Choose another folder with --data-dir or "
            "the {ENV_VAR} variable.")
            .format(folder=folder, value=exc.strerror or exc, ENV_VAR=ENV_VAR))

    def _check_free_space(self) -> None:
        try:
            free = shutil.disk_usage(self.data_dir).free
        except OSError:
            return
        if free < MIN_FREE_BYTES:
            raise DataDirError(self._refusal(self.data_dir, OSError(errno.ENOSPC, _("the drive is full"))))


def frozen_app_dir() -> Path | None:
    """The folder of the executable when running as a frozen build; None from a Python install."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir(app_dir: Path | None) -> Path | None:
    """``app_dir/data`` when ``app_dir`` holds ``portable.txt`` or a ``data`` folder, else None."""
    if app_dir is None:
        return None
    if (app_dir / PORTABLE_MARKER).is_file() or (app_dir / PORTABLE_DATA).is_dir():
        return app_dir / PORTABLE_DATA
    return None
