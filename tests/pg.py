"""Tests on both engines: one throwaway PostgreSQL cluster per test session, a fresh database per test.

``--engine=sqlite|postgresql|both`` (or INDUCCI_TEST_ENGINES; default both) chooses the engines that the
tests of tests/store and tests/services taking the ``store`` fixture (directly or through ``services``) run
on; every other test runs on SQLite. The cluster is made with the distribution's ``initdb``/``pg_ctl``
(as the ``postgres`` user when the tests run as root: initdb refuses root), listens on a free loopback port
only, runs with ``fsync=off``, and is stopped and removed when the session ends. Each test's database is
copied from a template migrated once (``CREATE DATABASE … TEMPLATE``), and each test's data folder gets a
copy of a content cache migrated once, so a PostgreSQL test costs about what an SQLite one does.

A test that is about SQLite itself (file backups, pragmas, quick_check, file modes) carries
``@pytest.mark.sqlite_only("why")``: its PostgreSQL run is skipped with that reason. Without PostgreSQL's
programs on the machine the PostgreSQL runs are skipped, saying so.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ENGINES = ("sqlite", "postgresql")
ENV_VAR = "INDUCCI_TEST_ENGINES"
#: the folders whose tests run on every chosen engine (the rest: SQLite only)
BOTH_ENGINES_UNDER = ("tests/store/", "tests/services/")
SUPERUSER = "inducci"
#: over TCP the cluster asks for a password (scram-sha-256), as a real server does; the tests' URLs carry it
PASSWORD = "pw-Żółć-1"
TEMPLATE = "inducci_template"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--engine", choices=("sqlite", "postgresql", "both"), default=None,
                     help=f"database engine(s) for tests/store and tests/services (default: ${ENV_VAR}, else both)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about SQLite itself; not run on PostgreSQL")


def chosen_engines(config: pytest.Config) -> tuple[str, ...]:
    choice = config.getoption("--engine") or os.environ.get(ENV_VAR) or "both"
    return ENGINES if choice == "both" else (choice,)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.path)).as_posix()
    if not any(f"/{part}" in where for part in BOTH_ENGINES_UNDER):
        return
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    params = []
    for engine in chosen_engines(metafunc.config):
        marks = []
        if engine == "postgresql" and marker is not None:
            reason = marker.args[0] if marker.args else "about SQLite itself"
            marks.append(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        params.append(pytest.param(engine, id=engine, marks=marks))
    metafunc.parametrize("db_engine", params)


def postgres_bin() -> Path | None:
    """The folder of PostgreSQL's server programs: from PATH, else the newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    """A running throwaway cluster and the databases made in it."""

    folder: Path
    port: int
    bin: Path
    as_user: list[str]
    _names: Iterator[int]

    def url(self, database: str, *, password: str = PASSWORD) -> str:
        from urllib.parse import quote

        return f"postgresql+psycopg://{SUPERUSER}:{quote(password)}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=PASSWORD, dbname=database,
                             autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]  # test-made names only

    def new_database(self) -> str:
        """A copy of the migrated template with a data folder id of its own (as a database migrated by itself
        has: the exchange tells data folders apart by it)."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
        self.admin("UPDATE data_folder SET id = gen_random_uuid()::text", name)
        return name

    def drop(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "-w", "stop"], check=False, capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb + pg_ctl start in a new temporary folder (as ``postgres`` when running as root)."""
    binaries = postgres_bin()
    if binaries is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed: PostgreSQL runs skipped")
    folder = Path(tempfile.mkdtemp(prefix="inducci-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    password_file = folder / "password"
    password_file.write_text(PASSWORD, encoding="utf-8")
    if as_user:
        shutil.chown(password_file, "postgres")
    try:
        subprocess.run([*as_user, str(binaries / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER,
                        f"--pwfile={password_file}", "--auth-local=trust", "--auth-host=scram-sha-256",
                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True, cwd=folder)
        options = (f"-F -c fsync=off -c full_page_writes=off -c synchronous_commit=off -k {folder} "
                   f"-h 127.0.0.1 -p {port}")
        subprocess.run([*as_user, str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-o", options,
                        "-l", str(folder / "server.log"), "-w", "-t", "60", "start"], check=True, capture_output=True,
                       cwd=folder)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"the test PostgreSQL cluster did not start: {exc.stderr.decode(errors='replace')}") from exc
    cluster = Cluster(folder, port, binaries, as_user, itertools.count(1))
    try:
        cluster.admin(f"CREATE DATABASE {TEMPLATE}")
        _migrate_template(cluster)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _migrate_template(cluster: Cluster) -> None:
    from sqlalchemy import make_url

    from inducci_desktop.store.engine import make_server_engine
    from inducci_desktop.store.migrate import upgrade_server

    engine = make_server_engine(make_url(cluster.url(TEMPLATE)), pooled=False)
    try:
        with engine.connect() as conn:
            upgrade_server(conn, TEMPLATE)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_cluster(pytestconfig: pytest.Config) -> Iterator[Cluster]:
    """The session's PostgreSQL cluster, started on first use (skipped when --engine=sqlite)."""
    if "postgresql" not in chosen_engines(pytestconfig):
        pytest.skip("PostgreSQL not chosen (--engine=sqlite)")
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def content_cache_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content cache migrated once, copied into each PostgreSQL test's data folder."""
    from inducci_desktop.store.server import CONTENT_CACHE_NAME, open_content_cache

    path = tmp_path_factory.mktemp("content-cache") / CONTENT_CACHE_NAME
    open_content_cache(path).dispose()
    return path


@pytest.fixture
def pg_database(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database of this test (dropped afterwards)."""
    name = pg_cluster.new_database()
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop(name)


@pytest.fixture
def pg_empty_database(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a fresh database with no schema at all (for migration tests)."""
    name = f"empty_{os.getpid()}_{next(pg_cluster._names)}"
    pg_cluster.admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop(name)
