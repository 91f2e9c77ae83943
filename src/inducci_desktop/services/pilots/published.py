"""The published pilots' ids and titles, for the Library's tree of sections ("This region's own cases").

A Core query on the ``pilots`` table, so that the Library's first page lists them without importing the
pilots' ORM models and service (about a tenth of the start-up until usable, bench/startup.py); the same
pilots in the same order as ``PilotService.list(published=True)`` (a test keeps them equal).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import column, select, table

from inducci_desktop.domain import i18n

if TYPE_CHECKING:
    from inducci_desktop.store.database import Store

_PILOTS = table("pilots", column("id"), column("title"), column("start_date"), column("published_at"),
                column("deleted_at"))


def published_cases(store: Store) -> list[tuple[str, str]]:
    """(id, title) of every published pilot not in the trash, newest start first, then by title."""
    with store.db.reading() as session:
        rows = session.execute(select(_PILOTS.c.id, _PILOTS.c.title, _PILOTS.c.start_date).where(
            _PILOTS.c.published_at.is_not(None), _PILOTS.c.deleted_at.is_(None))).all()
    collate = i18n.sort_key()  # as the language sorts, as PilotService.list
    ordered: list[Any] = sorted(rows, key=lambda row: collate(row.title))
    # a start date is an ISO date (text in SQLite, a date on a server): newest first, pilots without one last
    ordered.sort(key=lambda row: str(row.start_date) if row.start_date is not None else "", reverse=True)
    return [(row.id, row.title) for row in ordered]
