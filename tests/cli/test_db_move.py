"""``db move-to URL`` and ``db move-from URL``: all user data copied between the local file and an empty shared
database in one transaction (ids, versions, timestamps kept), the app pointed at the new place, counts printed;
a database that holds data is refused, and a failure midway leaves the target empty."""

# ruff: noqa: F811 (the keyring fixtures imported from tests/memory_keyring.py are parameters here)

from __future__ import annotations

import io
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from inducci_desktop.app import run
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services import shared_database as sd
from inducci_desktop.services.workshops.views import DayInput, WorkshopInput
from inducci_desktop.store import move
from inducci_desktop.store.engine import make_engine, make_server_engine
from inducci_desktop.store.location import parse_database_url
from inducci_desktop.store.move import holds_user_data, user_tables

from ..memory_keyring import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 (fixtures)

REGION = "Śląsk – Górny (Łódź, Plzeň, Győr, Straße)"


def _cli(data: Path, *args: str, capsys: Any) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _local_with_data(data: Path, capsys: Any) -> None:
    assert _cli(data, "demo", capsys=capsys)[0] == 0
    with open_services(AppPaths.resolve(data)) as services:
        parent = services.regions.add(REGION, country="PL")
        child = services.regions.add("Žďár nad Sázavou – Čechy", country="CZ")
        with services.store.db.unit_of_work() as session:
            session.execute(text("UPDATE regions SET parent_id = :p WHERE id = :c"), {"p": parent.id, "c": child.id})
        services.regions.rename(child.id, "Žďár nad Sázavou – Vysočina")  # a second version of one record


def _rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {table.name: sorted((dict(row) for row in conn.execute(select(table)).mappings()),
                                   key=lambda row: tuple(str(row[c.name]) for c in table.primary_key))
                for table in user_tables()}


def _folder(engine: Engine) -> tuple[str, int]:
    with engine.connect() as conn:
        folder_id, clock = conn.execute(text("SELECT id, clock FROM data_folder")).one()
        return str(folder_id), int(clock)


def test_move_to_then_move_from_keeps_every_record_and_version(tmp_path: Path, capsys: Any, pg_empty_database: str,
                                                               memory_keyring: MemoryKeyring) -> None:
    data = tmp_path / "data"
    _local_with_data(data, capsys)
    local = make_engine(data / "inducci.sqlite3")
    before, folder = _rows(local), _folder(local)
    local.dispose()
    assert before["regions"] and before["workshops"] and before["assessment_answers"]

    code, out, err = _cli(data, "db", "move-to", pg_empty_database, capsys=capsys)
    assert (code, err) == (0, "")
    assert f"regions\t{len(before['regions'])}" in out
    total = sum(len(rows) for rows in before.values())
    assert f"moved {total} records to postgresql+psycopg://inducci:***@" in out
    assert "Photos and other files stay in the data folder" in out and "pw-" not in out
    server = make_server_engine(parse_database_url(pg_empty_database).url)
    try:
        assert _rows(server) == before  # ids, versions (vv, rev_by), timestamps and Central European text
        assert _folder(server) == folder
        with server.connect() as conn:
            assert conn.execute(text("SELECT importing FROM data_folder")).scalar() == 0
    finally:
        server.dispose()
    choice = sd.load(data)
    assert choice is not None and choice.enabled
    assert choice.database == parse_database_url(pg_empty_database).url.database
    assert sd.saved_url(data) is not None  # the password went to the keyring, not into the file
    assert "pw-" not in (data / sd.FILE_NAME).read_text(encoding="utf-8")

    # the shared database now holds data: a second move into it is refused, nothing changes
    code, out, err = _cli(data, "db", "move-to", pg_empty_database, capsys=capsys)
    assert code != 0 and "already holds data" in err and "only be moved into an empty database" in err

    # and back, into an empty local data folder on another machine
    back = tmp_path / "back"
    code, out, err = _cli(back, "db", "move-from", pg_empty_database, capsys=capsys)
    assert (code, err) == (0, ""), err
    returned = make_engine(back / "inducci.sqlite3")
    try:
        assert _rows(returned) == before
        assert _folder(returned) == folder
    finally:
        returned.dispose()
    with open_services(AppPaths.resolve(back)) as services:
        assert REGION in [r.name for r in services.regions.list()]
        # a new edit goes on from the moved versions
        child = next(r for r in services.regions.list() if r.name.startswith("Žďár"))
        services.regions.rename(child.id, "Žďár – po přesunu")
    edited = make_engine(back / "inducci.sqlite3")
    try:
        assert _folder(edited) == (folder[0], folder[1] + 1)
    finally:
        edited.dispose()


def test_move_from_refuses_local_data_unless_replace_which_backs_it_up(tmp_path: Path, capsys: Any,
                                                                       pg_database: str, no_keyring: None) -> None:
    with open_services(_server_paths(tmp_path, pg_database)) as shared:
        shared.regions.add("Kraków – na serwerze")
    data = tmp_path / "data"
    _local_with_data(data, capsys)
    code, _out, err = _cli(data, "db", "move-from", pg_database, capsys=capsys)
    assert code != 0 and "already holds data" in err and "--replace" in err
    with open_services(AppPaths.resolve(data)) as services:
        assert REGION in [r.name for r in services.regions.list()]
    code, out, err = _cli(data, "db", "move-from", pg_database, "--replace", capsys=capsys)
    assert (code, err) == (0, ""), err
    assert "the local data was backed up first as" in out
    with open_services(AppPaths.resolve(data)) as services:
        assert [r.name for r in services.regions.list()] == ["Kraków – na serwerze"]
        assert services.workshops.list() == []
        assert any(b.reason == "pre-restore" for b in services.store.backups.list())


def _server_paths(tmp_path: Path, url: str) -> AppPaths:
    from dataclasses import replace

    paths = replace(AppPaths.resolve(tmp_path / "colleague"), location=parse_database_url(url))
    paths.ensure()
    return paths


@pytest.mark.parametrize("direction", ["move-to", "move-from"])
def test_a_failure_midway_leaves_the_target_empty(tmp_path: Path, capsys: Any, pg_empty_database: str,
                                                  pg_database: str, no_keyring: None, direction: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    if direction == "move-to":
        _local_with_data(data, capsys)
        url = pg_empty_database
    else:
        with open_services(_server_paths(tmp_path, pg_database)) as shared:
            shared.regions.add("Ostrava – Moravskoslezský kraj")
            shared.workshops.create(WorkshopInput("Dílna – Ústí", (DayInput(date(2026, 5, 12), 540, 960),)))
        url = pg_database
    real = move._copy_table
    done: list[str] = []

    def fails_at_workshop_days(src: Any, dst: Any, table: Any) -> int:
        if table.name == "workshop_days":
            from sqlalchemy.exc import OperationalError

            raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
        done.append(table.name)
        return real(src, dst, table)

    monkeypatch.setattr(move, "_copy_table", fails_at_workshop_days)
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        code = run(["--data-dir", str(data), "db", direction, url])
    assert code != 0
    assert "Copying workshop_days into" in stderr.getvalue() and "nothing was changed there" in stderr.getvalue()
    assert "regions" in done and "workshops" in done  # rows were written before the failure ...
    target = (make_server_engine(parse_database_url(url).url) if direction == "move-to"
              else make_engine(data / "inducci.sqlite3"))
    try:
        with target.connect() as conn:
            assert holds_user_data(conn) == []  # ... and none of them is left
            assert conn.execute(text("SELECT importing FROM data_folder")).scalar() == 0
    finally:
        target.dispose()
    assert sd.load(data) is None  # the app still opens where it did


def test_bad_urls_and_an_unreachable_server_are_explained_and_change_nothing(tmp_path: Path, capsys: Any) -> None:
    import socket

    data = tmp_path / "data"
    _local_with_data(data, capsys)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for url, said in ((f"sqlite:///{tmp_path / 'other.sqlite3'}", "Give the URL of a PostgreSQL database"),
                      ("mysql://anna@db/inducci", "does not support"),
                      (f"postgresql://anna:Sekret-ż@127.0.0.1:{port}/inducci", "nothing answers at that address")):
        code, out, err = _cli(data, "db", "move-to", url, capsys=capsys)
        assert code != 0 and said in err and "Traceback" not in err and "Sekret" not in err + out
    assert sd.load(data) is None
    code, _out, err = _cli(data, "db", "move-from", "postgresql://anna@/", capsys=capsys)
    assert code != 0 and "names no" in err
