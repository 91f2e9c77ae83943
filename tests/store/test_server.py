"""The store on a PostgreSQL server: opening, the migration lock, a newer or foreign schema, connection
failures and the backup commands, each with the message a person reads."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from inducci_desktop.app import run
from inducci_desktop.paths import AppPaths
from inducci_desktop.store.database import Store
from inducci_desktop.store.errors import ForeignDatabaseError, NewerDatabaseError, ServerConnectionError
from inducci_desktop.store.location import parse_database_url
from inducci_desktop.store.schema import HEAD
from tests.pg import PASSWORD, Cluster


@pytest.fixture
def folder(tmp_path: Path) -> AppPaths:
    """A data folder (these tests choose their server themselves: not parametrized by engine)."""
    made = AppPaths.resolve(tmp_path / "data")
    made.ensure()
    return made


def _store(paths: AppPaths, url: str) -> Store:
    return Store(paths.database, paths.backup_dir, server=parse_database_url(url))


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def test_an_empty_database_gets_the_whole_schema_and_the_content_cache(folder: AppPaths,
                                                                        pg_empty_database: str) -> None:
    store = _store(folder, pg_empty_database)
    report = store.open()
    try:
        assert report.created and store.on_server and store.db.on_server
        assert store.db.revision() == HEAD
        assert (folder.data_dir / "content-cache.sqlite3").exists()
        assert not folder.database.exists()  # the user data is on the server, not in a local file
    finally:
        store.close()


def test_clients_starting_at_once_migrate_once_and_all_open(tmp_path: Path, pg_empty_database: str) -> None:
    """Three clients (processes) on an empty database: one migrates under the advisory lock, the others wait
    and then find the schema current."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en"}
    clients = [subprocess.Popen([sys.executable, "-m", "inducci_desktop.app", "--data-dir", str(tmp_path / f"c{n}"),
                                 "--database-url", pg_empty_database, "db", "upgrade"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for n in range(3)]
    results = [client.communicate(timeout=300) for client in clients]
    assert [client.returncode for client in clients] == [0, 0, 0], results
    states = sorted(out.split(":", 1)[0] for out, _err in results)
    assert states == ["database created", "database current", "database current"], results
    assert _revision(pg_empty_database) == HEAD


def test_a_server_at_a_newer_schema_is_refused_and_left_alone(folder: AppPaths, pg_database: str) -> None:
    engine = create_engine(pg_database)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(NewerDatabaseError, match="newer version of InduCCI Desktop") as caught:
        _store(folder, pg_database).open()
    assert PASSWORD not in str(caught.value) and "***" in str(caught.value)
    assert _revision(pg_database) == "9999"


def test_a_database_of_something_else_is_refused(folder: AppPaths, pg_empty_database: str) -> None:
    engine = create_engine(pg_empty_database)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer)"))
    engine.dispose()
    with pytest.raises(ForeignDatabaseError, match="not those of InduCCI Desktop"):
        _store(folder, pg_empty_database).open()


def test_a_wrong_password_is_said_without_the_password(folder: AppPaths, pg_cluster: Cluster) -> None:
    url = pg_cluster.url("postgres", password="wrong-Łódź")
    with pytest.raises(ServerConnectionError, match="the user name or password is wrong") as caught:
        _store(folder, url).open()
    assert "wrong-Łódź" not in str(caught.value)


def test_a_missing_database_is_named(folder: AppPaths, pg_cluster: Cluster) -> None:
    with pytest.raises(ServerConnectionError, match='database "nowhere" does not exist'):
        _store(folder, pg_cluster.url("nowhere")).open()


def test_nothing_listening_is_said_clearly(folder: AppPaths) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ServerConnectionError, match="nothing answers at that address"):
        _store(folder, f"postgresql://anna:pw@127.0.0.1:{port}/inducci").open()


def test_a_server_that_never_answers_times_out(folder: AppPaths) -> None:
    with socket.socket() as sock:  # accepts connections but says nothing: the connect timeout ends the wait
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        with pytest.raises(ServerConnectionError, match="did not answer within 5 seconds"):
            _store(folder, f"postgresql://anna:pw@127.0.0.1:{port}/inducci").open()


def test_the_command_line_uses_the_server(folder: AppPaths, pg_database: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["--data-dir", str(folder.data_dir), "--database-url", pg_database, "db", "check"]) == 0
    out = capsys.readouterr().out
    assert f"schema: {HEAD} (current)" in out and PASSWORD not in out
    monkeypatch.setenv("INDUCCI_DATABASE_URL", pg_database)
    assert run(["--data-dir", str(folder.data_dir), "demo"]) == 0
    assert run(["--data-dir", str(folder.data_dir), "list", "assessments"]) == 0
    assert "Silesia" in capsys.readouterr().out
    assert not folder.database.exists()


@pytest.mark.parametrize("command", [["backup", "create"], ["backup", "list"], ["backup", "restore", "x"]])
def test_backups_of_a_server_are_the_administrators_job(folder: AppPaths, pg_database: str, command: list[str],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(folder.data_dir), "--database-url", pg_database, *command]) == 2
    err = capsys.readouterr().err
    assert "server administrator's job" in err and "exchange export" in err and PASSWORD not in err
    assert not list(folder.backup_dir.iterdir())


def test_a_bad_url_on_the_command_line_is_bad_usage(folder: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(folder.data_dir), "--database-url", "mysql://a:b@c/d", "db", "check"]) == 2
    assert "does not support" in capsys.readouterr().err


def test_paths_follow_the_engine(paths: AppPaths, db_engine: str) -> None:
    assert (paths.server is not None) == (db_engine == "postgresql")
    assert replace(paths, location=None).server is None


def test_a_connection_that_drops_during_a_save_is_explained_and_the_next_save_works(folder: AppPaths,
                                                                                    pg_database: str) -> None:
    from inducci_desktop.store.models import Region

    store = _store(folder, pg_database)
    store.open()
    admin = create_engine(pg_database)
    try:
        with (pytest.raises(ServerConnectionError, match="closed the connection") as caught,
              store.db.unit_of_work() as session):
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.begin() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            session.add(Region(name="Opole"))
            session.flush()
        assert PASSWORD not in str(caught.value)
        with store.db.unit_of_work() as session:
            session.add(Region(name="Ostrava"))
        with store.db.reading() as session:
            assert sorted(session.scalars(select(Region.name))) == ["Ostrava"]
    finally:
        admin.dispose()
        store.close()
