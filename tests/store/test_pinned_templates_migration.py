"""Migration 0013: the pinned toolbox template versions kept with the user data, up and down on both engines."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, inspect, make_url, text

from inducci_desktop.store import migrate
from inducci_desktop.store.engine import make_engine, make_server_engine

STAMP = "2025-03-01 10:00:00"
TABLE = "checklist_pinned_templates"
ASSESSMENT = ("INSERT INTO assessments (id, created_at, updated_at, deleted_at, title, template_id, template_version, "
              "subject, assessor, assessed_on, round, status) VALUES (:id, :stamp, :stamp, :deleted, :title, :tid, "
              ":version, '', '', '', 1, 'draft')")


def _data(version: int, words: str) -> str:
    return json.dumps({"id": "status-quo", "version": version, "title": f"Stan – {words}", "sections": []},
                      ensure_ascii=False)


def _downgrade(conn: Connection, target: str) -> None:
    from alembic import command

    command.downgrade(migrate.alembic_config(conn), target)


def test_an_existing_sqlite_database_keeps_the_versions_its_assessments_pin(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate.upgrade(path, "0012")
    conn = sqlite3.connect(path)
    for version, in_pack, words in ((1, 0, "stara – Łódź"), (2, 1, "nowa – Plzeň"), (3, 0, "nieużywana")):
        conn.execute("INSERT INTO checklist_templates VALUES ('status-quo', ?, ?, 'ő ű', 'mapping', ?, ?, ?)",
                     (version, f"Stan {words}", _data(version, words), in_pack, STAMP))
    for n, (version, deleted) in enumerate(((1, None), (2, None), (2, STAMP), (1, STAMP))):
        conn.execute(ASSESSMENT, {"id": f"a{n}", "stamp": STAMP, "deleted": deleted,
                                                    "title": "Ocena – Śląsk", "tid": "status-quo", "version": version})
    conn.execute(ASSESSMENT, {"id": "own", "stamp": STAMP, "deleted": None, "title": "Własna",
                                                "tid": "my-own", "version": 1})
    conn.commit()
    conn.close()

    migrate.upgrade(path)

    conn = sqlite3.connect(path)
    try:
        kept = conn.execute(
            f"SELECT id, version, title, summary, section, data FROM {TABLE} ORDER BY version").fetchall()
        assert [(r[0], r[1], r[2], r[3], r[4]) for r in kept] == [
            ("status-quo", 1, "Stan stara – Łódź", "ő ű", "mapping"),
            ("status-quo", 2, "Stan nowa – Plzeň", "ő ű", "mapping")]
        assert [json.loads(r[5])["title"] for r in kept] == ["Stan – stara – Łódź", "Stan – nowa – Plzeň"]
    finally:
        conn.close()


def test_the_sqlite_chain_goes_down_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrate.upgrade(path)
    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.connect() as conn, conn.begin():
            _downgrade(conn, "0012")
        with engine.connect() as conn:
            assert TABLE not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0012"
    finally:
        engine.dispose()
    migrate.upgrade(path)
    file = sqlite3.connect(path)
    try:
        assert file.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (0,)
    finally:
        file.close()


def test_the_postgresql_chain_goes_up_and_down(pg_empty_database: str) -> None:
    engine = make_server_engine(make_url(pg_empty_database), pooled=False)
    try:
        with engine.connect() as conn:
            assert migrate.upgrade_server(conn, "test", "0012") is None
        with engine.begin() as conn:  # the server's checklist_templates is empty: its content is per machine
            conn.execute(text(ASSESSMENT), {"id": "a1", "stamp": STAMP, "deleted": None, "title": "Ocena – Görlitz",
                                            "tid": "status-quo", "version": 1})
        with engine.connect() as conn:
            assert migrate.upgrade_server(conn, "test") == "0012"
        with engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns(TABLE)}
            assert columns == {"id", "version", "title", "summary", "section", "data"}
            assert conn.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar() == 0
        with engine.connect() as conn, conn.begin():
            _downgrade(conn, "0012")
        with engine.connect() as conn:
            assert TABLE not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0012"
            assert conn.execute(text("SELECT count(*) FROM assessments")).scalar() == 1
        with engine.connect() as conn:
            assert migrate.upgrade_server(conn, "test") == "0012"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0013"
    finally:
        engine.dispose()
