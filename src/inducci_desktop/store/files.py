"""The files of a data folder: private modes on POSIX, leftovers of interrupted work, and the list of every
file that can hold personal data (what an erasure must reach).

Modes are set explicitly, whatever the umask: folders 0700, files 0600. Elsewhere (Windows) the
per-user profile folders are private already and these calls do nothing.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
#: Names (glob patterns) of what interrupted work leaves behind: a backup being written or cleaned, the
#: rollback journal of such a copy, a write test of the data folder.
LEFTOVERS = (".*.partial", ".*.partial-journal", ".*.scrub", ".*.scrub-journal", "*.sqlite3-journal",
             ".write-test-*")
#: In the data folder itself only write tests are leftovers (the database's own journal is SQLite's).
DATA_LEFTOVERS = (".write-test-*",)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed; make it 0700 on POSIX."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if POSIX and stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        os.chmod(folder, FOLDER_MODE)


def private_file(path: Path) -> None:
    """Make an existing regular file 0600 on POSIX (no-op for anything else)."""
    if not POSIX:
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (before SQLite or a logger opens it, so the
    file is never readable by others, not even for a moment)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    private_file(path)


def repair_modes(own_folders: Iterable[Path], database: Path, *, shared_folder: Path | None = None,
                 shared_names: Iterable[str] = ()) -> list[Path]:
    """Folders back to 0700 and files to 0600; returns what was changed. In ``own_folders`` (backups, logs)
    every file is the app's; in ``shared_folder`` (a data folder the user chose, which may hold other
    files, a portable program even) only the database's files and ``shared_names``."""
    changed: list[Path] = []
    if not POSIX:
        return changed
    own = [f for f in own_folders if f.is_dir()]
    for folder in [*own, *([shared_folder] if shared_folder is not None and shared_folder.is_dir() else [])]:
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            os.chmod(folder, FOLDER_MODE)
            changed.append(folder)
    names = {*shared_names, *(f"{database.name}{s}" for s in ("", "-wal", "-shm", "-journal"))}
    entries = [e for folder in own for e in folder.iterdir()]
    entries += [shared_folder / n for n in sorted(names)] if shared_folder is not None else []
    entries += [database.parent / n for n in sorted(names) if n.startswith(database.name)]
    for entry in dict.fromkeys(entries):
        try:
            info = entry.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(entry, FILE_MODE)
            changed.append(entry)
    if changed:
        log.info("file modes made private: %d files or folders", len(changed))
    return changed


def remove_leftovers(backup_folder: Path, data_folder: Path | None = None) -> list[Path]:
    """Delete what interrupted backups, restores and erasures left behind; returns what went."""
    removed: list[Path] = []
    places = [(backup_folder, LEFTOVERS)] + ([(data_folder, DATA_LEFTOVERS)] if data_folder else [])
    for folder, patterns in places:
        if not folder.is_dir():
            continue
        for pattern in patterns:
            for entry in folder.glob(pattern):
                if entry.is_file() and not entry.is_symlink():
                    try:
                        entry.unlink()
                    except OSError as exc:
                        log.warning("a leftover file could not be removed: %s", exc.strerror or exc)
                        continue
                    removed.append(entry)
    if removed:
        log.info("removed %d files left by interrupted work", len(removed))
    return removed


def data_files(folders: Iterable[Path]) -> Iterator[Path]:
    """Every regular file in ``folders`` and below (symbolic links are not followed)."""
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                path = Path(root) / name
                if path in seen:
                    continue
                seen.add(path)
                try:
                    if stat.S_ISREG(path.lstat().st_mode):
                        yield path
                except OSError:
                    continue
