"""Writing an import plan's rows: inserts then updates, kind by kind, parents first.

Rows go to the driver as executemany with values converted by each column's own SQLAlchemy bind
processor (the same conversion an ORM or Core insert makes), without the per-row statement machinery:
50,000 answers are written in a fraction of a second instead of over a second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from inducci_desktop.services.exchange.merge import Writes
from inducci_desktop.services.exchange.schema import KINDS
from inducci_desktop.store import tracking
from inducci_desktop.store.models import ChecklistTemplateRow


def _converters(session: Session, table: Table, columns: Sequence[str]) -> list[Callable[[Any], Any] | None]:
    dialect = session.get_bind().dialect
    return [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]


def _convert(rows: Sequence[dict[str, Any]], columns: Sequence[str],
             converters: Sequence[Callable[[Any], Any] | None]) -> list[tuple[Any, ...]]:
    pairs = list(zip(columns, converters, strict=True))
    return [tuple(r[name] if convert is None else convert(r[name]) for name, convert in pairs) for r in rows]


def _quote(session: Session, name: str) -> str:
    return str(session.get_bind().dialect.identifier_preparer.quote(name))


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = list(rows[0])
    names = ", ".join(_quote(session, c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {_quote(session, table.name)} ({names}) VALUES ({marks})"
    session.connection().exec_driver_sql(sql, _convert(rows, columns, _converters(session, table, columns)))
    tracking.note(session, table.name, (str(r["id"]) for r in rows if "id" in r))


def update_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = [c for c in rows[0] if c != "id"]
    sets = ", ".join(f"{_quote(session, c)} = ?" for c in columns)
    sql = f"UPDATE {_quote(session, table.name)} SET {sets} WHERE id = ?"
    values = _convert(rows, [*columns, "id"], _converters(session, table, [*columns, "id"]))
    session.connection().exec_driver_sql(sql, values)
    tracking.note(session, table.name, (str(r["id"]) for r in rows))


def write_all(session: Session, writes: Writes, on_write: Callable[[str], None] | None = None) -> None:
    for kind in KINDS:
        model = kind.table or ChecklistTemplateRow
        table: Table = model.__table__  # type: ignore[assignment]
        rows = writes.inserts.get(kind.name)
        if rows:
            if on_write is not None:
                on_write(kind.name)
            insert_rows(session, table, rows)
        changed = writes.updates.get(kind.name)
        if changed:
            if on_write is not None:
                on_write(kind.name)
            update_rows(session, table, changed)
