"""Leaving the office: ``db take-offline`` copies the shared database's data into the local file, marked as
checked out, and the app opens the local copy; ``db bring-back`` merges what was edited offline into the server
through the exchange: edits to different records both stay, an edit of the same record on both sides is a
conflict in the Exchange page's list."""

# ruff: noqa: F811 (the keyring fixtures imported from tests/memory_keyring.py are parameters here)

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from inducci_desktop.app import run
from inducci_desktop.bootstrap import open_services
from inducci_desktop.paths import AppPaths
from inducci_desktop.services import offline
from inducci_desktop.services import shared_database as sd
from inducci_desktop.store.location import parse_database_url

from ..memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 (fixtures)


def _server(tmp_path: Path, url: str) -> AppPaths:
    paths = replace(AppPaths.resolve(tmp_path / "office"), location=parse_database_url(url))
    paths.ensure()
    return paths


def test_offline_and_office_edits_come_together_and_one_record_edited_on_both_is_a_conflict(
        tmp_path: Path, capsys: Any, pg_database: str, memory_keyring: MemoryKeyring) -> None:
    office = _server(tmp_path, pg_database)
    with open_services(office) as shared:
        gdansk = shared.regions.add("Gdańsk – Pomorze", country="PL")
        brno = shared.regions.add("Brno – Jihomoravský kraj", country="CZ")
        graz = shared.regions.add("Graz – Steiermark", country="AT")
    laptop = tmp_path / "laptop"

    assert run(["--data-dir", str(laptop), "db", "take-offline", pg_database]) == 0
    out = capsys.readouterr().out
    assert "regions\t3" in out and "copied" in out and "to work offline" in out and "pw-" not in out
    taken = offline.checkout(AppPaths.resolve(laptop))
    assert taken is not None and taken.counts["regions"] == 3 and taken.server_folder
    assert "pw-" not in (laptop / offline.MARKER).read_text(encoding="utf-8")
    choice = sd.load(laptop)
    assert choice is None or not choice.enabled  # the app opens the local copy

    # on the train: two edits offline; in the office: one edit of another record and one of the same
    with open_services(AppPaths.resolve(laptop)) as mine:
        mine.regions.rename(gdansk.id, "Gdańsk – Trójmiasto (offline)")
        mine.regions.rename(graz.id, "Graz – Südsteiermark (offline)")
    with open_services(office) as shared:
        shared.regions.rename(brno.id, "Brno – Morava (kancelář)")
        shared.regions.rename(graz.id, "Graz – Obersteiermark (Büro)")

    # the server cannot be reached: explained, and the offline copy stays as it was (no bundle left behind)
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert run(["--data-dir", str(laptop), "db", "bring-back", f"postgresql://inducci@127.0.0.1:{port}/inducci"]) != 0
    assert "nothing answers at that address" in capsys.readouterr().err
    assert offline.checkout(AppPaths.resolve(laptop)) is not None
    assert not list(laptop.glob("*.inducci"))

    assert run(["--data-dir", str(laptop), "db", "bring-back", pg_database]) == 0
    out = capsys.readouterr().out
    assert "1 updated" in out and "conflict (edited offline and on the server" in out and "pw-" not in out
    with open_services(office) as shared:
        names = {r.id: r.name for r in shared.regions.list()}
        assert names[gdansk.id] == "Gdańsk – Trójmiasto (offline)"  # the offline edit arrived
        assert names[brno.id] == "Brno – Morava (kancelář)"  # the office's edit stayed
        conflicts = shared.exchange.conflicts()
        assert [c.record_id for c in conflicts] == [graz.id]  # edited on both: for the person to choose
    assert offline.checkout(AppPaths.resolve(laptop)) is None
    assert not (laptop / "inducci.sqlite3").exists()  # set aside (backed up): the server is opened again
    choice = sd.load(laptop)
    assert choice is not None and choice.enabled

    # bringing back twice is refused with a clear message
    assert run(["--data-dir", str(laptop), "db", "bring-back", pg_database]) != 0
    assert "holds no offline copy" in capsys.readouterr().err
