"""Row versions and who changed a record (migration 0012): every write bumps the version and records the name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm.exc import StaleDataError

from inducci_desktop.store import migrate
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Region


def _versioned_tables() -> tuple[str, ...]:
    import importlib

    module = importlib.import_module("inducci_desktop.store.migrations.versions.0012_row_versions")
    tables: tuple[str, ...] = module.versioned_tables()
    return tables


def test_every_versioned_table_gets_a_row_version_and_who_changed_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate.upgrade(path, "0011")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO regions (id, created_at, updated_at, name, kind, country, notes) "
                 "VALUES ('r1', '2025-01-01 10:00:00', '2025-01-01 10:00:00', 'Śląskie', 'region', 'PL', '')")
    conn.commit()
    conn.close()
    migrate.upgrade(path)
    conn = sqlite3.connect(path)
    try:
        assert len(_versioned_tables()) == 32
        for table in _versioned_tables():
            columns = {r[1]: r for r in conn.execute(f'PRAGMA table_info("{table}")')}
            assert columns["row_version"][2] == "INTEGER" and columns["row_version"][3] == 1, table
            assert columns["changed_by"][2] == "VARCHAR(120)" and columns["changed_by"][3] == 1, table
            # the version triggers survive the new columns
            triggers = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))}
            assert triggers == {f"version_{table}_insert", f"version_{table}_update"}, table
        assert conn.execute("SELECT row_version, changed_by FROM regions").fetchall() == [(1, "")]
    finally:
        conn.close()


def test_the_downgrade_drops_the_columns_and_keeps_the_triggers(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "db.sqlite3"
    migrate.upgrade(path)
    engine = migrate.make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.connect() as conn, conn.begin():
            config = migrate.alembic_config(conn)
            command.downgrade(config, "0011")
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    try:
        for table in _versioned_tables():
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            assert not columns & {"row_version", "changed_by"}, table
            count = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                 (table,)).fetchone()[0]
            assert count == 2, table
    finally:
        conn.close()


def test_an_orm_edit_bumps_the_version_and_records_who(store: Store) -> None:
    store.who = lambda: "Anna Kowalczyk"
    with store.db.unit_of_work() as session:
        region = Region(name="Śląskie")
        session.add(region)
    assert (region.row_version, region.changed_by) == (1, "Anna Kowalczyk")
    store.who = lambda: "Jiří Dvořák"
    with store.db.unit_of_work() as session:
        found = session.get(Region, region.id)
        assert found is not None
        found.notes = "Průmyslový region"
    with store.db.reading() as session:
        row = session.execute(select(Region.row_version, Region.changed_by)).one()
    assert tuple(row) == (2, "Jiří Dvořák")


def test_a_save_without_a_change_keeps_the_version(store: Store) -> None:
    with store.db.unit_of_work() as session:
        region = Region(name="Gorenjska")
        session.add(region)
    with store.db.unit_of_work() as session:
        found = session.get(Region, region.id)
        assert found is not None
        found.name = "Gorenjska"
    with store.db.reading() as session:
        assert session.execute(select(Region.row_version)).scalar() == 1


def test_an_edit_over_a_version_changed_meanwhile_is_refused(store: Store) -> None:
    with store.db.unit_of_work() as session:
        region = Region(name="Ústí")
        session.add(region)
    with pytest.raises(StaleDataError), store.db.unit_of_work() as session:
        mine = session.get(Region, region.id)
        assert mine is not None
        # someone else's write lands between my read and my write (a second connection)
        session.connection().exec_driver_sql("UPDATE regions SET notes = 'theirs', row_version = 2")
        mine.notes = "mine"
    with store.db.reading() as session:
        assert session.execute(select(Region.notes, Region.row_version)).one() == ("", 1)


def test_a_bulk_update_bumps_the_version_and_records_who(store: Store) -> None:
    store.who = lambda: "Ben"
    with store.db.unit_of_work() as session:
        session.add_all([Region(name="A"), Region(name="B")])
    with store.db.unit_of_work() as session:
        session.execute(update(Region).where(Region.name == "A").values(notes="changed"))
    with store.db.reading() as session:
        rows = {r.name: (r.row_version, r.changed_by)
                for r in session.execute(select(Region.name, Region.row_version, Region.changed_by))}
        assert rows == {"A": (2, "Ben"), "B": (1, "Ben")}


def test_the_version_columns_are_no_content_for_the_exchange_versions(store: Store) -> None:
    with store.db.unit_of_work() as session:
        region = Region(name="Żywiec")
        session.add(region)
    with store.db.reading() as session:
        before = session.execute(text("SELECT vv FROM regions")).scalar()
    with store.db.unit_of_work() as session:
        session.execute(text("UPDATE regions SET row_version = 7, changed_by = 'Zoë'"))
    with store.db.reading() as session:
        after = session.execute(text("SELECT vv FROM regions")).scalar()
    # SQLite hands back the JSON text, PostgreSQL the value
    assert (json.loads(after) if isinstance(after, str) else after) == (
        json.loads(before) if isinstance(before, str) else before)
