"""Saving documents: atomically, so that a failed print never leaves a broken or partial file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.errors import PrintError


def write_pdf(target: Path | str, data: bytes | Callable[[], bytes]) -> Path:
    """Write ``data`` (or what ``data()`` returns) to ``target`` and return the path.

    The bytes go to a temporary file in the target folder, which then replaces ``target``
    (``os.replace``). If rendering or writing fails, ``target`` is left as it was — an existing
    file is kept, no new file appears — and no temporary file remains.

    Raises:
        PrintError: the folder is missing or not writable, the target is a folder, the disk is
            full, or rendering raised a PrintError (passed on as it is).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise PrintError(_("{target} is a folder; choose a file name for the PDF.").format(target=target))
    if not folder.is_dir():
        raise PrintError(_("The folder {folder} does not exist.").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PrintError(_("The folder {folder} cannot be written to. Choose another folder.").format(folder=folder))
    payload = data() if callable(data) else data
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise PrintError(_("The folder {folder} cannot be written to ({value}).")
            .format(folder=folder, value=exc.strerror or exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the old file's mode, or the usual one.
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise PrintError(_("{name} could not be saved in {folder}: {value}.")
                .format(name=target.name, folder=folder, value=exc.strerror or exc)) from exc
        raise
    return target
