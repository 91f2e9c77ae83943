"""Choosing the database: the URL's checks and the order option → environment → settings → data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.store import location as location_module
from inducci_desktop.store.errors import StoreError
from inducci_desktop.store.location import DatabaseUrlError, Location, choose_location, parse_database_url

DEFAULT = Path("/data/inducci.sqlite3")


@pytest.mark.parametrize("raw", ["postgresql+psycopg://anna:s3cret@db.example.org:5433/inducci",
                                 "postgresql://anna:s3cret@db.example.org:5433/inducci"])
def test_postgresql_urls_use_psycopg_and_never_show_the_password(raw: str) -> None:
    chosen = parse_database_url(raw)
    assert chosen.is_server
    assert chosen.url.drivername == "postgresql+psycopg"
    assert chosen.url.host == "db.example.org" and chosen.url.port == 5433 and chosen.url.database == "inducci"
    assert chosen.shown == "postgresql+psycopg://anna:***@db.example.org:5433/inducci"
    assert "s3cret" not in chosen.shown and "s3cret" not in repr(chosen.shown)


def test_sqlite_url_names_a_file(tmp_path: Path) -> None:
    chosen = parse_database_url(f"sqlite:///{tmp_path}/other ł.sqlite3")
    assert not chosen.is_server
    assert chosen.sqlite_path == tmp_path / "other ł.sqlite3"


@pytest.mark.parametrize(("raw", "said"), [
    ("", "empty"),
    ("not a url", "not a valid URL"),
    ("mysql://anna:s3cret@db/inducci", "'mysql', which InduCCI Desktop does not support"),
    ("postgresql+asyncpg://anna:s3cret@db/inducci", "through psycopg only"),
    ("postgresql+psycopg://anna:s3cret@db", "names no database"),
    ("sqlite://", "names no file"),
    ("sqlite:///:memory:", "names no file"),
])
def test_bad_urls_are_refused_with_a_clear_message(raw: str, said: str) -> None:
    with pytest.raises(DatabaseUrlError) as caught:
        parse_database_url(raw)
    assert said in str(caught.value)
    assert "s3cret" not in str(caught.value)
    assert isinstance(caught.value, StoreError)


def test_a_missing_psycopg_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = location_module.importlib.util.find_spec
    monkeypatch.setattr(location_module.importlib.util, "find_spec",
                        lambda name, *a: None if name == "psycopg" else real(name, *a))
    with pytest.raises(DatabaseUrlError, match=r"pip install 'inducci-desktop\[postgres\]'"):
        parse_database_url("postgresql://anna@db/inducci")


def test_option_wins_over_environment_over_settings_over_the_data_folder() -> None:
    env = {"INDUCCI_DATABASE_URL": "postgresql://env@db/env"}
    assert choose_location("postgresql://cli@db/cli", env, "postgresql://saved@db/saved", DEFAULT).url.database == "cli"
    assert choose_location(None, env, "postgresql://saved@db/saved", DEFAULT).source == "environment"
    assert choose_location(None, {}, "postgresql://saved@db/saved", DEFAULT).url.database == "saved"
    nothing = choose_location(None, {"INDUCCI_DATABASE_URL": "  "}, None, DEFAULT)
    assert nothing == Location.local(DEFAULT) and not nothing.is_server and nothing.sqlite_path == DEFAULT
