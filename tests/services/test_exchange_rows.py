"""The import's own row conversion (services/exchange/rows.py) gives what SQLAlchemy gives, value for value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import AwareDatetime, TypeAdapter
from sqlalchemy import Table, select

from inducci_desktop.services.exchange.rows import (
    larger_cache,
    read_ids,
    read_rows,
    stamp_from_text,
    stamp_to_text,
    to_driver,
    writers,
)
from inducci_desktop.services.exchange.schema import RECORD_KINDS
from inducci_desktop.store.models import UTCDateTime
from tests.services.exchange_helpers import folder

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")
#: these compare with pysqlite's raw column types and use its '?' placeholders and PRAGMA cache_size; on a server
#: the same import and export paths are covered by the exchange tests
SQLITE_DRIVER = pytest.mark.sqlite_only("compares with pysqlite's raw rows, placeholders and pragmas")

STAMPS = [
    datetime(2026, 3, 31, 12, 5, 7, 123456, tzinfo=UTC),
    datetime(2026, 3, 31, 12, 5, 7, tzinfo=UTC),  # no microseconds: still six digits, as SQLAlchemy writes
    datetime(1970, 1, 1, tzinfo=UTC),
    datetime(2199, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=2))),  # another zone: converted to UTC
    datetime(2026, 1, 1, 0, 15, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
    TypeAdapter(AwareDatetime).validate_json('"2026-11-26T18:52:20.806828Z"'),  # as a bundle brings it
    TypeAdapter(AwareDatetime).validate_json('"2026-11-26T20:52:20+02:00"'),
]


def _sqlalchemy_bind(value: datetime | None) -> Any:
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    column_type = UTCDateTime()
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    assert process is not None
    return process(value)


def _sqlalchemy_result(text: str | None) -> Any:
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    process = UTCDateTime().dialect_impl(dialect).result_processor(dialect, None)
    assert process is not None
    return process(text)


@pytest.mark.parametrize("value", [*STAMPS, None])
def test_a_stamp_is_stored_as_sqlalchemy_stores_it(value: datetime | None) -> None:
    assert stamp_to_text(value) == _sqlalchemy_bind(value)
    text = stamp_to_text(value)
    assert stamp_from_text(text) == _sqlalchemy_result(text)
    if value is not None:
        read = stamp_from_text(text)
        assert read == value and read is not None and read.tzinfo is UTC


def test_a_naive_stamp_is_refused_as_by_the_column_type() -> None:
    with pytest.raises(ValueError, match="naive"):
        stamp_to_text(datetime(2026, 1, 1, 10, 0))
    with pytest.raises(ValueError, match="naive"):
        _sqlalchemy_bind(datetime(2026, 1, 1, 10, 0))


def _reference(session: Any, table: Table) -> dict[str, dict[str, Any]]:
    """Every row read through SQLAlchemy Core (what the import read before), ``vv`` as its stored text."""
    from sqlalchemy import Text, type_coerce

    columns = [type_coerce(c, Text()).label(c.name) if c.name == "vv" else c for c in table.columns]
    names = [c.name for c in table.columns]
    rows = [dict(zip(names, row, strict=True)) for row in session.execute(select(*columns))]
    return {row["id"]: row for row in rows}


@SQLITE_DRIVER
def test_rows_read_for_an_import_equal_sqlalchemy_rows_for_every_kind(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as services, services.store.db.reading() as session:
        seen = 0
        for kind in RECORD_KINDS:
            assert kind.table is not None
            table: Table = kind.table.__table__  # type: ignore[assignment]
            expected = _reference(session, table)
            assert read_ids(session, table) == set(expected)
            got = {row["id"]: row for row in read_rows(session, table, "id", list(expected))}
            assert got == expected, kind.name
            for row_id, row in got.items():  # the same types too (an aware datetime is not a string)
                assert {k: type(v) for k, v in row.items()} == {k: type(v) for k, v in expected[row_id].items()}
            seen += len(got)
        assert seen > 50  # the demo has records of most kinds


def test_rows_are_read_in_pieces_under_the_parameter_limit(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as services, services.store.db.reading() as session:
        kind = next(k for k in RECORD_KINDS if k.name == "answers")
        assert kind.table is not None
        table: Table = kind.table.__table__  # type: ignore[assignment]
        ids = read_ids(session, table)
        wanted = [*ids, *(f"00000000-0000-4000-8000-{n:012d}" for n in range(2000))]  # > 2 pieces of 900
        assert {r["id"] for r in read_rows(session, table, "id", wanted)} == ids


@SQLITE_DRIVER
def test_a_json_value_read_is_never_shared_when_it_can_change(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as services, services.store.db.unit_of_work() as session:
        kind = next(k for k in RECORD_KINDS if k.name == "answers")
        assert kind.table is not None
        table: Table = kind.table.__table__  # type: ignore[assignment]
        first_id, second_id, third_id = sorted(read_ids(session, table))[:3]
        connection = session.connection()
        connection.exec_driver_sql("UPDATE assessment_answers SET value = ? WHERE id IN (?, ?)",
                                   ('["a", "b"]', first_id, second_id))
        connection.exec_driver_sql("UPDATE assessment_answers SET value = ? WHERE id = ?", ('"yes"', third_id))
        rows = {r["id"]: r for r in read_rows(session, table, "id", [first_id, second_id, third_id])}
        assert rows[first_id]["value"] == rows[second_id]["value"] == ["a", "b"]
        assert rows[first_id]["value"] is not rows[second_id]["value"]  # a list: each row its own
        assert rows[third_id]["value"] == "yes"


@SQLITE_DRIVER
def test_the_larger_cache_is_given_back(tmp_path: Path) -> None:
    with folder(tmp_path / "a") as services, services.store.db.unit_of_work() as session:
        connection = session.connection()
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        with larger_cache(session, 8192):
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -8192
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before
        with pytest.raises(RuntimeError), larger_cache(session, 8192):
            raise RuntimeError("the import failed")
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before


@SQLITE_DRIVER
def test_rows_converted_for_writing_are_what_sqlalchemy_binds(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as services, services.store.db.reading() as session:
        dialect = session.get_bind().dialect
        seen = 0
        for kind in RECORD_KINDS:
            assert kind.table is not None
            table: Table = kind.table.__table__  # type: ignore[assignment]
            columns = [c.name for c in table.columns]
            rows = read_rows(session, table, "id", read_ids(session, table))
            binds = [None if name == "vv" else table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                     for name in columns]
            expected = [tuple(row[name] if bind is None else bind(row[name])
                              for name, bind in zip(columns, binds, strict=True)) for row in rows]
            assert to_driver(rows, columns, writers(session, table, columns, lambda vv: vv)) == expected, kind.name
            seen += len(rows)
        assert seen > 50
