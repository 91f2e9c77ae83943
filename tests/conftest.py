"""Shared fixtures: every test gets its own data folder with a real SQLite file — or, for the tests of
tests/store and tests/services that take the ``store`` fixture, a real PostgreSQL database as well (tests/pg.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the tests read English unless a test chooses another language (the window and the command line follow
# LANGUAGE first); compiled catalogs of a checkout go to a cache of the test run, not the user's
os.environ["LANGUAGE"] = "en"
os.environ.setdefault("INDUCCI_CATALOG_CACHE", str(Path(__file__).resolve().parent.parent / "build" / "catalogs"))
os.environ.setdefault("INDUCCI_FONT_CACHE", str(Path(__file__).resolve().parent.parent / "build" / "fonts"))
os.environ.setdefault("INDUCCI_CONTENT_CACHE", str(Path(__file__).resolve().parent.parent / "build" / "content"))

from inducci_desktop.domain import i18n
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store
from inducci_desktop.ui import garbage

pytest_plugins = ("tests.pg",)


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app: no automatic collection (it could free a widget on a Job's thread); the test's
    garbage is collected here, on the main thread, after each test."""
    garbage.take_over()
    yield
    garbage.collect_due()


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches the interface language leaves English behind for the next one."""
    yield
    if i18n.interface_language() != "en":
        i18n.use("en")


@pytest.fixture
def db_engine() -> str:
    """The engine of the test's ``store``: "sqlite", or each engine chosen with --engine (tests/pg.py)."""
    return "sqlite"


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, db_engine: str) -> AppPaths:
    """A data folder; for a test run on PostgreSQL, with a fresh database of its own as ``paths.location``."""
    monkeypatch.delenv("INDUCCI_DATA_DIR", raising=False)
    monkeypatch.delenv("INDUCCI_DATABASE_URL", raising=False)
    result = AppPaths.resolve(tmp_path / "data")
    result.ensure()
    if db_engine == "postgresql":
        from inducci_desktop.store.location import parse_database_url
        from inducci_desktop.store.server import CONTENT_CACHE_NAME

        url: str = request.getfixturevalue("pg_database")
        shutil.copyfile(request.getfixturevalue("content_cache_template"), result.data_dir / CONTENT_CACHE_NAME)
        result = replace(result, location=parse_database_url(url, "test"))
    return result


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    opened = Store(paths.database, paths.backup_dir, server=paths.server)
    opened.open()
    yield opened
    opened.close()


@pytest.fixture
def services(paths: AppPaths, store: Store) -> Services:
    return Services.over(paths, store)


@pytest.fixture
def folders_on_engine(db_engine: str, request: pytest.FixtureRequest) -> Iterator[None]:
    """The data folders a test makes with ``tests.services.exchange_helpers.folder`` use ``db_engine``: on
    PostgreSQL each gets a fresh database of the session's cluster (dropped afterwards)."""
    from tests.services import exchange_helpers

    if db_engine != "postgresql":
        yield
        return
    cluster = request.getfixturevalue("pg_cluster")
    made: list[str] = []

    def new_server() -> str:
        made.append(cluster.new_database())
        return str(cluster.url(made[-1]))

    exchange_helpers.new_server = new_server
    try:
        yield
    finally:
        exchange_helpers.new_server = None
        exchange_helpers.SERVERS.clear()
        for name in made:
            cluster.drop(name)
