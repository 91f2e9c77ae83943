"""Reading a file a person names (a Markdown file, a pack file, a CSV list, a bundle): regular files only,
and never more than a stated number of bytes, so a FIFO, ``/dev/zero`` or a huge file cannot hang the app.

Each kind of file has its own full sentences in the catalog (not one sentence with the kind's name glued in):
the noun's gender and case change the rest of the sentence in most of the app's languages.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal, NamedTuple

from inducci_desktop.domain.i18n import N_, _, format_number, ngettext

#: the kinds of file read here; each has its own sentences
FileKind = Literal["file", "pack file", "bundle", "Markdown file", "participant list", "template file"]


class InputFileError(ValueError):
    """A named file that cannot be used as input; the message says why and names the file."""


class _Sentences(NamedTuple):
    missing: str  # {path}
    unreadable: str  # {path}, {reason}
    not_regular: str  # {path}, {what_it_is}
    too_large: str  # {path}, {size}, {limit}


_SENTENCES: dict[FileKind, _Sentences] = {
    "file": _Sentences(
        N_("The file {path} cannot be read: it does not exist."),
        N_("The file {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a file; only ordinary files can be read."),
        N_("The file {path} is {size}; at most {limit} can be read."),
    ),
    "pack file": _Sentences(
        N_("The pack file {path} cannot be read: it does not exist."),
        N_("The pack file {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a pack file; only ordinary files can be read."),
        N_("The pack file {path} is {size}; at most {limit} can be read."),
    ),
    "bundle": _Sentences(
        N_("The bundle {path} cannot be read: it does not exist."),
        N_("The bundle {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a bundle; only ordinary files can be read."),
        N_("The bundle {path} is {size}; at most {limit} can be read."),
    ),
    "Markdown file": _Sentences(
        N_("The Markdown file {path} cannot be read: it does not exist."),
        N_("The Markdown file {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a Markdown file; only ordinary files can be read."),
        N_("The Markdown file {path} is {size}; at most {limit} can be read."),
    ),
    "participant list": _Sentences(
        N_("The participant list {path} cannot be read: it does not exist."),
        N_("The participant list {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a participant list; only ordinary files can be read."),
        N_("The participant list {path} is {size}; at most {limit} can be read."),
    ),
    "template file": _Sentences(
        N_("The template file {path} cannot be read: it does not exist."),
        N_("The template file {path} cannot be read: {reason}."),
        N_("{path} is {what_it_is}, not a template file; only ordinary files can be read."),
        N_("The template file {path} is {size}; at most {limit} can be read."),
    ),
}


def _missing(path: Path, what: FileKind) -> InputFileError:
    return InputFileError(_(_SENTENCES[what].missing).format(path=path))


def _unreadable(path: Path, what: FileKind, exc: OSError) -> InputFileError:
    reason = exc.strerror or str(exc)
    return InputFileError(_(_SENTENCES[what].unreadable).format(path=path, reason=reason))


def _not_regular(path: Path, what: FileKind, mode: int) -> InputFileError:
    return InputFileError(_(_SENTENCES[what].not_regular).format(path=path, what_it_is=_kind(mode)))


def _too_large(path: Path, what: FileKind, size: int, limit: int) -> InputFileError:
    return InputFileError(_(_SENTENCES[what].too_large).format(path=path, size=_size(size), limit=_size(limit)))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        # TRANSLATORS: what a path is instead of a file, in "{path} is {what_it_is}, not a file" (also the four below)
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def check_regular_file(path: Path, limit: int, what: FileKind = "file") -> int:
    """The size of ``path`` when it is a regular file of at most ``limit`` bytes, else InputFileError."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _missing(path, what) from None
    except OSError as exc:
        raise _unreadable(path, what, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, what, info.st_mode)
    if info.st_size > limit:
        raise _too_large(path, what, info.st_size, limit)
    return info.st_size


def read_regular_file(path: Path, limit: int, what: FileKind = "file") -> bytes:
    """The bytes of ``path``: a regular file of at most ``limit`` bytes (checked again while reading, as
    a file may grow), else InputFileError. Opening never blocks (O_NONBLOCK), even on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _missing(path, what) from None
    except IsADirectoryError:
        raise _not_regular(path, what, stat.S_IFDIR) from None
    except OSError as exc:
        raise _unreadable(path, what, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path, what, info.st_mode)
        if info.st_size > limit:
            raise _too_large(path, what, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while being read: at least this much of it
                raise _too_large(path, what, total, limit)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(path, what, exc) from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1_000_000:
        megabytes = round(n / 1_000_000, 1)
        return _("{number} MB").format(number=format_number(megabytes, 0 if megabytes.is_integer() else 1))
    if n >= 1_000:
        return _("{number} KB").format(number=format_number(round(n / 1_000)))
    return ngettext("{count} byte", "{count} bytes", n).format(count=format_number(n))
