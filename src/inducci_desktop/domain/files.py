"""One rule for file names the app suggests (saved PDFs, exported data): safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

MAX_STEM = 80
#: names Windows refuses whatever the extension
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def safe_filename(title: str, suffix: str = "", *, fallback: str = "document", limit: int = MAX_STEM) -> str:
    """``title`` as a file name: letters (any script, ł and ß included) and digits kept, every run of
    anything else one hyphen, at most ``limit`` characters, then ``suffix`` (e.g. ``".pdf"``).

    >>> safe_filename("Agenda: Szkolenie w Żywcu / 2026", ".pdf")
    'Agenda-Szkolenie-w-Żywcu-2026.pdf'
    """
    stem = _NOT_WORD.sub("-", title.replace("_", "-")).strip("-")[:limit].strip("-")
    if not stem or stem.casefold() in _RESERVED:
        stem = fallback
    return stem + suffix


def write_pickle(target: Path, value: object) -> None:
    """Pickle ``value`` into ``target`` atomically (a private temporary file, then ``os.replace``); the
    folder is made if needed. Raises OSError when the folder cannot be written."""
    import os
    import pickle
    import tempfile
    from pathlib import Path

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
