"""Versions of exchanged records: version vectors, how two compare, this data folder's id and clock.

A version vector maps data folder ids to that folder's clock at its latest edit the version includes.
``a`` is *before* ``b`` when every entry of ``a`` is at most ``b``'s and they differ: ``b`` was made
knowing ``a``. Neither before the other: both sides edited since their common version (a conflict).
Wall clocks never take part.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from inducci_desktop.store.models import DataFolder

EQUAL, BEFORE, AFTER, CONCURRENT = "equal", "before", "after", "concurrent"
VersionVector = Mapping[str, int]


def compare(a: VersionVector, b: VersionVector) -> str:
    """How version ``a`` relates to ``b``: EQUAL, BEFORE (b knows a), AFTER (a knows b) or CONCURRENT."""
    a_le = all(n <= b.get(k, 0) for k, n in a.items())
    b_le = all(n <= a.get(k, 0) for k, n in b.items())
    if a_le and b_le:
        return EQUAL
    if a_le:
        return BEFORE
    if b_le:
        return AFTER
    return CONCURRENT


def merged(a: VersionVector | None, b: VersionVector | None) -> dict[str, int]:
    result = dict(a or {})
    for key, n in (b or {}).items():
        if n > result.get(key, 0):
            result[key] = n
    return result


def this_folder(session: Session) -> tuple[str, int]:
    """This data folder's id and clock."""
    row = session.execute(select(DataFolder.id, DataFolder.clock)).one()
    return str(row[0]), int(row[1])


def folder_id(session: Session) -> str:
    return this_folder(session)[0]


def tick(session: Session) -> tuple[str, int]:
    """Advance this folder's clock for one local edit made by exchange code; its id and the new clock."""
    ident, clock = this_folder(session)
    session.execute(update(DataFolder).values(clock=clock + 1))
    return ident, clock + 1


def set_importing(session: Session, on: bool) -> None:
    """While on, the version triggers leave rows alone: the import writes versions itself."""
    session.execute(update(DataFolder).values(importing=1 if on else 0))
