"""One InduCCI Desktop per data folder: an OS file lock that dies with the process."""

from __future__ import annotations

from filelock import FileLock, Timeout

from .paths import AppPaths
from .store.errors import DataInUseError


class DataLock:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._lock = FileLock(str(paths.lock_file), timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise DataInUseError(
                f"The data folder {self.paths.data_dir} is in use by another InduCCI Desktop. "
                "Close it first, or use another folder with --data-dir."
            ) from exc

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()
