"""Reading back the raw bytes of every file of a data folder, zip entries unpacked (for erasure tests)."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence
from pathlib import Path


def variants(*values: str) -> list[bytes]:
    """Each value in UTF-8 and UTF-16-LE, lower-cased as the search lower-cases what it reads."""
    return sorted({v.encode(enc).lower() for v in values for enc in ("utf-8", "utf-16-le")})


def hits(folder: Path, *values: str) -> tuple[int, list[str]]:
    """(files searched, files holding any of ``values``) below ``folder``."""
    terms = variants(*values)
    searched = 0
    found: list[str] = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            searched += 1
            if _holds(path.read_bytes(), terms):
                found.append(str(path.relative_to(folder)))
    return searched, found


def _holds(data: bytes, terms: Sequence[bytes]) -> bool:
    low = data.lower()
    if any(t in low for t in terms):
        return True
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
                return any(_holds(archive.read(info), terms) for info in archive.infolist())
        except zipfile.BadZipFile:
            return False
    return False
