"""One InduCCI Desktop per data folder: an OS file lock that dies with the process.

A dozen lines over fcntl/msvcrt rather than a dependency: the lock is taken on the start-up path, and
the filelock package alone cost 30 ms of imports there (bench/startup.py).
"""

from __future__ import annotations

import sys
from typing import IO

from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.store.errors import DataInUseError


class DataLock:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = open(self.paths.lock_file, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise DataInUseError(
                _("The data folder {data_dir} is in use by another InduCCI Desktop. Close it first, or use another "
                    "folder with --data-dir.")
                    .format(data_dir=self.paths.data_dir)
            ) from exc
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.close()  # closing releases an flock

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()
