"""Rows between the driver and plain dicts for an import, converted as SQLAlchemy converts them, only faster.

An import reads and writes tens of thousands of rows. Through SQLAlchemy's result rows and Core statements
each value passes several Python layers; here each column gets one converter: SQLAlchemy's own processor
for the column's type, except for the UTC time stamps (``store.models.UTCDateTime``), whose processors are
replaced by one C call each way (the same text and the same values; tests/services/test_exchange_rows.py
compares them with SQLAlchemy's), and ``vv``, which stays its stored JSON text when read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.orm import Session

from inducci_desktop.store.models import UTCDateTime

CHUNK = 900  # bound parameters per IN (...): below SQLite's historic limit of 999
#: SQLite's page cache while an import writes, in KiB (the default is 2 MiB): the answers' three indexes are
#: written in random order, and with the default cache their pages are evicted and read again many times
IMPORT_CACHE_KIB = 32 * 1024

Converter = Callable[[Any], Any]


def stamp_from_text(value: str | datetime | None) -> datetime | None:
    """A stored UTC time stamp as an aware datetime (SQLAlchemy: ``fromisoformat`` then ``UTCDateTime``);
    PostgreSQL's driver hands back a datetime already."""
    if value is None:
        return None
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).replace(tzinfo=UTC)


def vv_as_text(value: Any) -> str | None:
    """``vv`` as its stored text: SQLite gives the text, PostgreSQL's driver a dict parsed from it (in the
    text's order), written back here compactly as the version triggers write it."""
    if value is None or isinstance(value, str):
        return value
    return "{" + ",".join(f"{json.dumps(key)}:{int(n)}" for key, n in value.items()) + "}"


def mark(session: Session, table: Table) -> str:
    """The driver's placeholder for one positional parameter (``?`` for SQLite, ``%s`` for psycopg)."""
    return "?" if session.get_bind(clause=table).dialect.paramstyle == "qmark" else "%s"


def connection_for(session: Session, table: Table) -> Connection:
    """The session's connection to the database holding ``table`` (with the user data on a server, the
    content's tables are in the per-machine cache: ``store.database.Database``)."""
    return session.connection(bind_arguments={"clause": table})


def stamp_to_text(value: datetime | None) -> str | None:
    """An aware datetime as stored: UTC, ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLite's DATETIME storage format)."""
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("naive datetime given to a UTC column")
    if not offset:  # already UTC (nearly always): cut the "+00:00" off (a year has four digits: rules.TIMESTAMPS)
        return value.isoformat(" ", "microseconds")[:26]
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _shared_immutables(process: Converter) -> Converter:
    """``process`` (a JSON column's reader) remembering the values that cannot change once made: an answer's
    value is one of a few texts ("yes", "no", a score …) thousands of times over."""
    known: dict[str, Any] = {}

    def read(value: str | None) -> Any:
        if value is None:
            return process(value)
        found = known.get(value, known)
        if found is not known:
            return found
        result = process(value)
        if (result is None or isinstance(result, str | int | float)) and len(known) < 10_000:
            known[value] = result  # bool is an int; lists and dicts are made anew for every row
        return result

    return read


def _stored_immutables(process: Converter) -> Converter:
    """``process`` (a JSON column's writer) remembering the text of plain values (strings, numbers, booleans),
    which an import writes thousands of times over ("yes", "no", a score …)."""
    known: dict[tuple[type, Any], Any] = {}

    def write(value: Any) -> Any:
        if value is None or not isinstance(value, str | int | float):
            return process(value)
        key = (type(value), value)  # True, 1 and 1.0 are equal keys but different JSON
        found = known.get(key, known)
        if found is known:
            found = process(value)
            if len(known) < 10_000:
                known[key] = found
        return found

    return write


def quote(session: Session, name: str) -> str:
    return str(session.get_bind().dialect.identifier_preparer.quote(name))


def readers(session: Session, table: Table) -> list[tuple[str, Converter]]:
    """(column, converter) for each column of ``table`` whose stored value needs converting when read."""
    dialect = session.get_bind(clause=table).dialect
    found: list[tuple[str, Converter]] = []
    for column in table.columns:
        if column.name == "vv":
            if dialect.name != "sqlite":
                found.append((column.name, vv_as_text))
            continue
        if isinstance(column.type, UTCDateTime):
            found.append((column.name, stamp_from_text))
            continue
        process = column.type.dialect_impl(dialect).result_processor(dialect, None)
        if process is not None:
            found.append((column.name, _shared_immutables(process) if isinstance(column.type, JSON) else process))
    return found


def read_ids(session: Session, table: Table) -> set[str]:
    """Every id of ``table``."""
    cursor = connection_for(session, table).connection.cursor()
    try:
        return {row[0] for row in cursor.execute(f"SELECT id FROM {quote(session, table.name)}").fetchall()}
    finally:
        cursor.close()


def read_rows(session: Session, table: Table, column: str, values: Iterable[Any]) -> list[dict[str, Any]]:
    """The rows of ``table`` whose ``column`` is one of ``values``, as dicts of every column (``vv`` as text)."""
    wanted = sorted(set(values))
    names = [c.name for c in table.columns]
    convert = readers(session, table)
    head = (f"SELECT {', '.join(quote(session, n) for n in names)} FROM {quote(session, table.name)} "
            f"WHERE {quote(session, column)} IN ")
    cursor = connection_for(session, table).connection.cursor()  # the session's own DBAPI connection and transaction
    rows: list[dict[str, Any]] = []
    try:
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start:start + CHUNK]
            cursor.execute(head + f"({', '.join([mark(session, table)] * len(part))})", part)
            found = [dict(zip(names, raw, strict=True)) for raw in cursor.fetchall()]
            for name, process in convert:
                for row in found:
                    row[name] = process(row[name])
            rows.extend(found)
    finally:
        cursor.close()
    return rows


def writers(session: Session, table: Table, columns: Sequence[str],
            vv: Converter) -> list[Converter | None]:
    """The converter of each of ``columns`` for writing (None: the value goes to the driver as it is)."""
    dialect = session.get_bind(clause=table).dialect
    found: list[Converter | None] = []
    for name in columns:
        column_type = table.c[name].type
        if name == "vv":
            found.append(vv)
        elif isinstance(column_type, UTCDateTime):
            found.append(stamp_to_text)
        else:
            process = column_type.dialect_impl(dialect).bind_processor(dialect)
            found.append(_stored_immutables(process) if process is not None and isinstance(column_type, JSON)
                         else process)
    return found


def to_driver(rows: Sequence[dict[str, Any]], columns: Sequence[str],
              converters: Sequence[Converter | None]) -> list[tuple[Any, ...]]:
    """``rows`` as tuples of ``columns``, each value converted for the driver (column by column: one loop
    per column instead of a test per value)."""
    values = [[r[name] for r in rows] if convert is None else [convert(r[name]) for r in rows]
              for name, convert in zip(columns, converters, strict=True)]
    return list(zip(*values, strict=True))


@contextmanager
def larger_cache(session: Session, kib: int = IMPORT_CACHE_KIB) -> Iterator[None]:
    """SQLite's page cache raised to ``kib`` on the session's connection for the block, then set back.

    Only memory: the transaction, its journal and ``synchronous`` are untouched.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":  # a server manages its own memory
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")
