"""Moving all user data between the local SQLite file and a shared PostgreSQL database, all or nothing.

Both ends are migrated to this version's schema first. Every user table (every table of the ORM but the
toolbox content's, which each machine derives from the shipped pack) is copied in foreign-key order in ONE
transaction on the target, with ``data_folder.importing = 1`` so the version triggers keep the records' own
versions (``vv``, ``rev_by``); ids and timestamps are copied as they are, and the target takes the source's
data folder id and clock, so its records' versions go on from where they were. Any failure rolls the target
back: nothing of the copy is left in it. Files referenced by path (pilot photos) are not in the database:
they stay in the data folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from inducci_desktop.domain.i18n import _
from inducci_desktop.store.errors import StoreError

#: rows inserted per statement
BATCH = 500


class MoveError(StoreError):
    """The data cannot be moved there (the target holds data, or the copy failed); the target is unchanged."""


def user_tables() -> list[Table]:
    """The tables holding user data, parents before children (``data_folder`` apart: it is the folder's id)."""
    from inducci_desktop.store.models import CONTENT_MODELS, Base, load_all

    load_all()  # every feature's tables declared (they are declared lazily on first use)
    content = {model.__table__.name for model in CONTENT_MODELS}  # type: ignore[attr-defined]
    return [table for table in Base.metadata.sorted_tables
            if table.name not in content and table.name != "data_folder"]


def counts(conn: Connection) -> dict[str, int]:
    """Rows per user table."""
    return {table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in user_tables()}


def holds_user_data(conn: Connection) -> list[str]:
    """The user tables that hold rows."""
    return [name for name, count in counts(conn).items() if count]


def copy_user_data(source: Engine, target: Engine, target_shown: str, *, replace: bool = False,
                   own_folder: bool = False, copied_table: Callable[[str, int], None] | None = None
                   ) -> dict[str, int]:
    """Copy every user row of ``source`` into ``target`` in one transaction; returns the rows copied per table.

    The target must hold no user data (MoveError naming the tables that do), unless ``replace``: then its
    user rows are deleted first, in the same transaction. ``own_folder``: the target keeps its own data folder
    id and clock (an offline copy: its edits must be told apart from the server's when they are merged back).
    ``copied_table`` is told each table as it is done.
    """
    from inducci_desktop.store.models import DataFolder

    folder_table: Table = DataFolder.__table__  # type: ignore[assignment]
    reading = source.execution_options(sqlite_begin="DEFERRED")
    copied: dict[str, int] = {}
    with reading.connect() as src, target.begin() as dst:
        held = holds_user_data(dst)
        if held and not replace:
            shown = ", ".join(held[:6]) + (", …" if len(held) > 6 else "")
            raise MoveError(_("{target} already holds data (in {tables}); the data can only be moved into an empty "
                              "database. Nothing was changed.").format(target=target_shown, tables=shown))
        folder = src.execute(select(folder_table)).mappings().one()
        dst.execute(update(folder_table).values(importing=1))
        if held:
            for table in reversed(user_tables()):
                dst.execute(delete(table))
        for table in user_tables():
            try:
                copied[table.name] = _copy_table(src, dst, table)
            except SQLAlchemyError as exc:
                reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
                raise MoveError(_("Copying {table} into {target} failed ({reason}); nothing was changed there.")
                                .format(table=table.name, target=target_shown, reason=reason)) from exc
            if copied_table is not None:
                copied_table(table.name, copied[table.name])
        if own_folder:
            dst.execute(update(folder_table).values(importing=0))
        else:
            dst.execute(update(folder_table).values(id=folder["id"], clock=folder["clock"],
                                                    created_at=folder["created_at"], importing=0))
        found = counts(dst)
        if found != copied:  # pragma: no cover - a constraint or trigger that dropped rows: refuse it all
            raise MoveError(_("The copy into {target} did not arrive whole; nothing was changed.")
                            .format(target=target_shown))
    return copied


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    # a row may name another row of its own table (a region's parent): those links are set once all are in
    self_links = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    # setting those links must not stamp the rows anew (a column's onupdate, e.g. updated_at): their own values
    kept = self_links + [column.name for column in table.columns if column.onupdate is not None]
    rows = src.execute(select(table)).mappings()
    total = 0
    linked: list[dict[str, Any]] = []
    for batch in _batches(rows):
        if self_links:
            linked.extend({"id": row["id"], **{name: row[name] for name in kept}}
                          for row in batch if any(row[name] is not None for name in self_links))
            batch = [{**row, **dict.fromkeys(self_links)} for row in batch]
        dst.execute(insert(table), batch)
        total += len(batch)
    for link in linked:
        dst.execute(update(table).where(table.c.id == link["id"])
                    .values({name: link[name] for name in kept}))
    return total


def _batches(rows: Any) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := [dict(row) for row in islice(iterator, BATCH)]:
        yield batch
