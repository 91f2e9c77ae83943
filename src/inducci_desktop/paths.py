"""Where InduCCI Desktop keeps its data: platformdirs defaults, overridden by --data-dir or INDUCCI_DATA_DIR."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "INDUCCI_DATA_DIR"
DB_NAME = "inducci.sqlite3"


class DataDirError(Exception):
    """The data folder cannot be created or written."""


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one data folder.

    With ``--data-dir`` (portable use, tests) everything, logs included, lives in that folder.
    """

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_NAME

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
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Choose the data folder: explicit argument, then INDUCCI_DATA_DIR, then the platform default."""
        chosen = data_dir if data_dir is not None else os.environ.get(ENV_VAR) or None
        if chosen is not None:
            base = Path(chosen).expanduser().resolve()
            return cls(data_dir=base, log_dir=base / "logs")
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
                raise DataDirError(
                    f"The data folder {folder} cannot be written ({exc.strerror or exc}). "
                    f"Choose another folder with --data-dir or the {ENV_VAR} variable."
                ) from exc
        try:
            repair_modes((self.backup_dir, self.log_dir), self.database, shared_folder=self.data_dir,
                         shared_names=(self.lock_file.name, "ui-state.json"))
        except OSError as exc:
            raise DataDirError(f"The files in {self.data_dir} cannot be made private ({exc.strerror or exc}).") from exc
