"""Reading a file a person names (a Markdown file, a pack file, a CSV list, a bundle): regular files only,
and never more than a stated number of bytes, so a FIFO, ``/dev/zero`` or a huge file cannot hang the app.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class InputFileError(ValueError):
    """A named file that cannot be used as input; the message says why and names the file."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular_file(path: Path, limit: int, what: str = "file") -> int:
    """The size of ``path`` when it is a regular file of at most ``limit`` bytes, else InputFileError."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(f"The {what} {path} cannot be read: it does not exist.") from None
    except OSError as exc:
        raise InputFileError(f"The {what} {path} cannot be read: {exc.strerror or exc}.") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{path} is {_kind(info.st_mode)}, not a {what}; only ordinary files can be read.")
    if info.st_size > limit:
        raise InputFileError(f"The {what} {path} is {_size(info.st_size)}; at most {_size(limit)} can be read.")
    return info.st_size


def read_regular_file(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of ``path``: a regular file of at most ``limit`` bytes (checked again while reading, as
    a file may grow), else InputFileError. Opening never blocks (O_NONBLOCK), even on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputFileError(f"The {what} {path} cannot be read: it does not exist.") from None
    except IsADirectoryError:
        raise InputFileError(f"{path} is a folder, not a {what}.") from None
    except OSError as exc:
        raise InputFileError(f"The {what} {path} cannot be read: {exc.strerror or exc}.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{path} is {_kind(info.st_mode)}, not a {what}; only ordinary files can be read.")
        if info.st_size > limit:
            raise InputFileError(f"The {what} {path} is {_size(info.st_size)}; at most {_size(limit)} can be read.")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise InputFileError(f"The {what} {path} is larger than {_size(limit)}; it cannot be read.")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputFileError(f"The {what} {path} cannot be read: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    if n >= 1_000:
        return f"{n / 1_000:.0f} KB"
    return f"{n} bytes"
