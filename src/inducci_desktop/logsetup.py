"""Logging to a rotating file in the data folder's log folder (plus warnings on stderr).

The log never holds personal data: the file is private (0600 on POSIX), and tracebacks are written with
their frames and exception types but without exception messages, which may quote what a person typed
(a participant's name in a ValidationError, a value in a database error).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import traceback
from typing import Any

from inducci_desktop.paths import AppPaths

LEFT_OUT = "(message left out of the log: it may hold personal data)"


class PrivateFormatter(logging.Formatter):
    """Tracebacks without the exceptions' messages (of every exception in the chain)."""

    def format(self, record: logging.LogRecord) -> str:
        # another handler may have cached its own rendering of the traceback (with the messages) on the record
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        kind, value, _trace = ei
        if kind is None or value is None:
            return ""
        lines: list[str] = []
        seen: set[int] = set()
        current: BaseException | None = value
        chain: list[BaseException] = []
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            chain.append(current)
            current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        for index, exc in enumerate(reversed(chain)):
            if index:
                lines.append("\nwhile handling the exception above, another one occurred:\n")
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(exc.__traceback__))
            lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {LEFT_OUT}\n")
        return "".join(lines).rstrip("\n")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 (and kept so after each rollover), whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_inducci", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = PrivateRotatingFileHandler(paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._inducci = True  # type: ignore[attr-defined]
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr_handler.setFormatter(PrivateFormatter("%(levelname)s: %(message)s"))
    stderr_handler._inducci = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(stderr_handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def log_folders() -> list[os.PathLike[str]]:
    """The folders the app's log files are in (for an erasure to read back)."""
    from pathlib import Path

    return [Path(h.baseFilename).parent for h in logging.getLogger().handlers
            if getattr(h, "_inducci", False) and isinstance(h, logging.FileHandler)]
