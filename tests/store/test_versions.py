"""Versions of exchanged records: triggers on every record table, first versions for existing rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import text, update

from inducci_desktop.services.exchange.schema import RECORD_KINDS
from inducci_desktop.store import migrate
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Region

MIGRATIONS = Path(migrate.__file__).resolve().parent / "migrations" / "versions"


def _versioned() -> set[str]:
    """The tables every migration gave version triggers (0007 the first ones, later ones their new tables)."""
    import importlib

    tables: set[str] = set()
    for script in sorted(MIGRATIONS.glob("0*.py")):
        module = importlib.import_module(f"inducci_desktop.store.migrations.versions.{script.stem}")
        tables.update(getattr(module, "VERSIONED", ()))
    return tables


def test_every_exchanged_table_has_version_triggers_covering_every_column(tmp_path: Path) -> None:
    versioned = _versioned()
    tables = {kind.table.__tablename__ for kind in RECORD_KINDS if kind.table is not None}
    assert set(versioned) == tables
    path = tmp_path / "db.sqlite3"
    migrate.upgrade(path)
    conn = sqlite3.connect(path)
    try:
        for kind in RECORD_KINDS:
            assert kind.table is not None
            table = kind.table.__tablename__
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               (f"version_{table}_update",)).fetchone()
            assert sql is not None, table
            for column in kind.table.__table__.columns:  # type: ignore[attr-defined]
                if column.name in ("row_version", "changed_by"):
                    # bookkeeping of migration 0012, not content: never an edit of its own
                    assert f'NEW."{column.name}"' not in sql[0], (table, column.name)
                elif column.name not in ("id", "created_at", "updated_at", "vv", "rev_by"):
                    # a migration that adds a column to a record table must recreate these triggers
                    assert f'NEW."{column.name}" IS NOT OLD."{column.name}"' in sql[0], (table, column.name)
    finally:
        conn.close()


#: the stored text of a region's version (as text on both engines: PostgreSQL's driver would parse JSON)
VV = text("SELECT CAST(vv AS TEXT) FROM regions")


def test_local_writes_get_versions_and_saves_without_change_do_not(store: Store) -> None:
    with store.db.unit_of_work() as session:
        folder = session.execute(text("SELECT id, clock FROM data_folder")).one()
        session.add(Region(name="Śląskie"))
    with store.db.reading() as session:
        vv, by = session.execute(text("SELECT CAST(vv AS TEXT), rev_by FROM regions")).one()
    assert by == folder[0] and json.loads(vv) == {folder[0]: folder[1] + 1}
    with store.db.unit_of_work() as session:
        session.execute(update(Region).values(name="Śląskie"))  # the same content: not an edit
        session.execute(update(Region).values(updated_at=Region.updated_at))
    with store.db.reading() as session:
        assert json.loads(session.execute(VV).scalar_one()) == {folder[0]: folder[1] + 1}
    with store.db.unit_of_work() as session:
        session.execute(update(Region).values(country="Poland"))  # Core, not the ORM: still a new version
    with store.db.reading() as session:
        assert json.loads(session.execute(VV).scalar_one()) == {folder[0]: folder[1] + 2}


def test_existing_rows_get_a_first_version_and_placeholders_the_anonymous_flag(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0004")
    conn = sqlite3.connect(path)
    stamp = "2026-01-01 10:00:00.000000"
    conn.execute("INSERT INTO regions (id, created_at, updated_at, name, kind, country, notes) "
                 "VALUES ('r1', ?, ?, 'Kraków', 'region', 'Poland', '')", (stamp, stamp))
    conn.execute("INSERT INTO workshops (id, created_at, updated_at, title, venue, mode, organisation, trainers, "
                 "target_group, objectives, status) VALUES ('w1', ?, ?, 'Lab', '', 'in_person', '', '', '', '', "
                 "'planned')", (stamp, stamp))
    for pid, name in (("p1", "Anonymous participant 1a2b3c4d"), ("p2", "Anonymous participant of Ústí")):
        email = "" if pid == "p1" else "x@example.org"
        conn.execute("INSERT INTO workshop_participants (id, created_at, updated_at, workshop_id, name, "
                     "organisation, department, email, consent) VALUES (?, ?, ?, 'w1', ?, '', '', ?, 0)",
                     (pid, stamp, stamp, name, email))
    conn.commit()
    conn.close()
    migrate.upgrade(path)
    conn = sqlite3.connect(path)
    try:
        folder = conn.execute("SELECT id FROM data_folder").fetchone()[0]
        assert conn.execute("SELECT vv, rev_by FROM regions").fetchone() == (f'{{"{folder}":1}}', folder)
        assert dict(conn.execute("SELECT id, anonymous FROM workshop_participants")) == {"p1": 1, "p2": 0}
    finally:
        conn.close()
