"""Schema creation, refusal of unknown revisions and safe migrations on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from inducci_desktop.store import migrate
from inducci_desktop.store.database import Store, check_database, open_database
from inducci_desktop.store.errors import (
    CorruptDatabaseError,
    ForeignDatabaseError,
    MigrationError,
    NewerDatabaseError,
    NotSQLiteError,
)
from inducci_desktop.store.models import Base, Region, load_all
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS, is_unmodelled_table

load_all()  # Base.metadata with every table: models and migrations are compared whole


def test_known_revisions_match_the_shipped_scripts() -> None:
    assert tuple(migrate.script_revisions()) == KNOWN_REVISIONS
    assert KNOWN_REVISIONS[-1] == HEAD


def test_fresh_database_is_built_by_the_migration_chain(tmp_path: Path) -> None:
    db, report = open_database(tmp_path / "x.sqlite3", tmp_path / "b")
    try:
        assert report.created and report.backups_made == []
        assert db.revision() == HEAD
        with db.engine.connect() as conn:
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert journal_mode(conn) == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # every table the models declare exists after migrating (models and migrations agree)
        assert set(Base.metadata.tables) <= tables
    finally:
        db.close()


def journal_mode(conn) -> str:  # type: ignore[no-untyped-def]
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


def test_models_and_migrations_have_the_same_columns(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db, _ = open_database(tmp_path / "x.sqlite3", tmp_path / "b")
    try:
        # the FTS5 search tables are made by raw SQL in the migration and have no model
        opts = {"include_name": lambda name, kind, _parent: not (kind == "table" and is_unmodelled_table(name))}
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.db.unit_of_work() as session:
        session.add(Region(name="Orphan", kind="region", country="", notes="", parent_id="no-such-id"))


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db, _ = open_database(path, tmp_path / "b")
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path, tmp_path / "b")
    assert path.read_bytes() == before
    assert not check_database(path).ok


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(NotSQLiteError, match="not an SQLite database"):
        open_database(path, tmp_path / "b")
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_a_damaged_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db, _ = open_database(path, tmp_path / "b", auto_backup=False)
    with db.unit_of_work() as session:
        for i in range(400):
            session.add(Region(name=f"Region {i} " + "x" * 150))
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 3 + 2000):  # scribble over a b-tree page
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_database(path, tmp_path / "b")
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    with pytest.raises(ForeignDatabaseError):
        open_database(path, tmp_path / "b")


def test_an_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """A database at the first revision with data in it is backed up before it is migrated."""
    path = tmp_path / "x.sqlite3"
    migrate.upgrade(path, KNOWN_REVISIONS[0])
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO regions (id, created_at, updated_at, name, kind, country, notes) "
            "VALUES ('r1', '2026-01-01', '2026-01-01', 'Gorenjska', 'region', 'SI', '')"
        )
    conn.close()
    db, report = open_database(path, tmp_path / "b", auto_backup=False)
    try:
        if len(KNOWN_REVISIONS) > 1:
            assert report.migrated_from == KNOWN_REVISIONS[0]
            assert len(report.backups_made) == 1
        assert db.revision() == HEAD
        with db.reading() as session:
            assert session.get(Region, "r1") is not None
    finally:
        db.close()


def test_a_failing_migration_leaves_the_database_at_its_revision(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Transactional DDL: a migration that fails half-way is rolled back completely."""
    path = tmp_path / "x.sqlite3"
    migrate.upgrade(path, KNOWN_REVISIONS[0])
    before_tables = table_names(path)

    from alembic.operations import Operations

    real_create = Operations.create_table

    def create_then_fail(self, name, *columns, **kw):  # type: ignore[no-untyped-def]
        real_create(self, name, *columns, **kw)
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(Operations, "create_table", create_then_fail)
    # run a fresh chain on a new file: the first create_table fails after creating its table
    fresh = tmp_path / "fresh.sqlite3"
    with pytest.raises(MigrationError, match="undone"):
        migrate.upgrade(fresh)
    assert table_names(fresh) == set()
    assert table_names(path) == before_tables


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    return names


def test_readers_do_not_wait_for_a_writer(store) -> None:  # type: ignore[no-untyped-def]
    """A write transaction held open on another thread does not block reading (WAL + deferred reads)."""
    import threading
    import time

    holding = threading.Event()
    release = threading.Event()

    def writer() -> None:
        with store.db.unit_of_work() as session:
            session.add(Region(name="Held"))
            session.flush()
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        with store.db.reading() as session:
            names = [r.name for r in session.query(Region)]
        waited = time.perf_counter() - started
        assert names == []  # the writer's row is not committed yet
        assert waited < 2  # the busy timeout is 10 s: a blocked reader would wait that long
    finally:
        release.set()
        thread.join()
    with store.db.reading() as session:
        assert [r.name for r in session.query(Region)] == ["Held"]


def _normal(sql: str) -> str:
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").split())


def test_models_and_migrations_have_the_same_check_constraints(tmp_path: Path) -> None:
    """Alembic's comparison skips CHECK constraints; the value rules must be the same in both all the same."""
    from sqlalchemy import CheckConstraint, inspect

    db, _ = open_database(tmp_path / "x.sqlite3", tmp_path / "b")
    try:
        found = inspect(db.engine)
        for table in Base.metadata.sorted_tables:
            declared = {c.name: _normal(str(c.sqltext)) for c in table.constraints if isinstance(c, CheckConstraint)}
            made = {c["name"]: _normal(c["sqltext"]) for c in found.get_check_constraints(table.name)}
            assert made == declared, table.name
        assert any(found.get_check_constraints("workshops"))
    finally:
        db.close()


def test_the_value_rules_are_enforced_by_the_database(store: Store) -> None:
    from inducci_desktop.store.models import Workshop

    with pytest.raises(IntegrityError, match="ck_workshops_status"), store.db.unit_of_work() as session:
        session.add(Workshop(title="Bogus", status="bogus"))
    region = Region(name="Loop")
    with store.db.unit_of_work() as session:
        session.add(region)
    with pytest.raises(IntegrityError, match="parent_not_self"), store.db.unit_of_work() as session:
        row = session.get(Region, region.id)
        assert row is not None
        row.parent_id = row.id


def _insert_0004_rows(path: Path) -> None:
    """Rows a 0.1.0 database could hold (through an import) that break the value rules."""
    stamp = "'2026-01-01 00:00:00'"
    with sqlite3.connect(path) as conn:
        conn.executescript(f"""
            INSERT INTO regions VALUES ('r1', {stamp}, {stamp}, NULL, 'Śląskie', 'province', '', '', 'r1');
            INSERT INTO regions VALUES ('r2', {stamp}, {stamp}, NULL, 'A', 'region', '', '', 'r3');
            INSERT INTO regions VALUES ('r3', {stamp}, {stamp}, NULL, 'B', 'region', '', '', 'r2');
            INSERT INTO workshops VALUES ('w1', {stamp}, {stamp}, NULL, 'Łódź', '', 'teleport', NULL, '', '', '',
                                          '', 'bogus', NULL);
            INSERT INTO workshop_days VALUES ('d1', {stamp}, {stamp}, NULL, 'w1', '0001-01-01', 600, 0);
            INSERT INTO workshop_blocks VALUES ('b1', {stamp}, {stamp}, NULL, 'd1', 0, 'nap', 'x', NULL, 0, '',
                                                '', '');
            INSERT INTO workshop_participants VALUES ('p1', {stamp}, {stamp}, NULL, 'w1', '{"Ż" * 250}', '', '',
                                                      '', 1, '9999-01-01', NULL);
            INSERT INTO workshop_actions VALUES ('a1', {stamp}, {stamp}, NULL, 'w1', 'do', '', '0001-02-03',
                                                 'someday');
        """)
    conn.close()


def test_rows_that_break_a_rule_are_repaired_and_only_counted_in_the_log(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.sqlite3"
    migrate.upgrade(path, "0004")
    _insert_0004_rows(path)
    db, report = open_database(path, tmp_path / "b", auto_backup=False)
    try:
        assert report.backups_made  # the repair runs after the backup before a migration
        with db.engine.connect() as conn:
            def one(sql: str) -> tuple:  # type: ignore[type-arg]
                return tuple(conn.exec_driver_sql(sql).one())

            assert one("SELECT kind, parent_id FROM regions WHERE id = 'r1'") == ("region", None)
            assert sorted(r[0] is None for r in conn.exec_driver_sql(
                "SELECT parent_id FROM regions WHERE id IN ('r2', 'r3')")) == [False, True]
            assert one("SELECT mode, status FROM workshops") == ("in_person", "planned")
            assert one("SELECT day, start_minutes, end_minutes FROM workshop_days") == ("1970-01-01", 600, 660)
            assert one("SELECT kind, duration_minutes FROM workshop_blocks") == ("session", 1)
            assert one("SELECT length(name), consent_date FROM workshop_participants") == (200, None)
            assert one("SELECT status, due FROM workshop_actions") == ("open", None)
    finally:
        db.close()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "workshops repaired" in logged and "Ż" not in logged and "Łódź" not in logged


def test_a_row_that_cannot_be_repaired_stops_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    migrate.upgrade(path, "0004")
    stamp = "'2026-01-01 00:00:00'"
    with sqlite3.connect(path) as conn:
        conn.execute(f"INSERT INTO checklist_user_templates VALUES ('t1', {stamp}, {stamp}, NULL, 'mine', 0, "
                     "'Mine', '{}')")
    conn.close()
    with pytest.raises(MigrationError, match=r"version\(s\) are numbered outside 1–1000000"):
        migrate.upgrade(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    conn.close()
