"""Backups through the SQLite backup API: create, rotate, verify, restore."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inducci_desktop.store.backup import KEEP, Backups
from inducci_desktop.store.database import Store
from inducci_desktop.store.errors import BackupError
from inducci_desktop.store.inspect import integrity_problems
from inducci_desktop.store.models import Region

pytestmark = pytest.mark.sqlite_only("file backups of the local database (a server's backups are its administrator's)")


def region_names(store: Store) -> list[str]:
    with store.db.reading() as session:
        return sorted(r.name for r in session.query(Region))


def test_backup_restore_round_trip_keeps_the_current_file(store: Store) -> None:
    with store.db.unit_of_work() as session:
        session.add(Region(name="Śląskie"))
    backup = store.backups.create("manual")
    assert integrity_problems(backup.path, full=True) == []
    with store.db.unit_of_work() as session:
        session.add(Region(name="Vysočina"))
    assert region_names(store) == ["Vysočina", "Śląskie"]

    safety = store.restore(backup.id)

    assert region_names(store) == ["Śląskie"]
    assert safety is not None
    kept = Store(store.backups.get(safety).path, store.backups.folder)
    kept.open(auto_backup=False)
    try:
        assert region_names(kept) == ["Vysočina", "Śląskie"]
    finally:
        kept.close()


def test_a_damaged_backup_is_refused_before_anything_changes(store: Store) -> None:
    with store.db.unit_of_work() as session:
        session.add(Region(name="Limburg"))
    backup = store.backups.create("manual")
    backup.path.write_bytes(b"garbage" * 1000)
    before = {b.id for b in store.backups.list()}
    with pytest.raises(BackupError, match=r"damaged|integrity"):
        store.restore(backup.id)
    # nothing restored, no safety backup made, current data intact after reopening
    assert {b.id for b in store.backups.list()} == before
    store.open(auto_backup=False)
    assert region_names(store) == ["Limburg"]


def test_unknown_backup_id(store: Store) -> None:
    with pytest.raises(BackupError, match="no backup called"):
        store.backups.get("inducci-nope")


def test_automatic_backups_are_daily_and_rotated(tmp_path: Path, store: Store) -> None:
    backups = store.backups
    first = backups.auto_backup_if_due()
    assert first is not None
    assert backups.auto_backup_if_due() is None  # not again the same day
    later = datetime.now(UTC) + timedelta(days=1, minutes=1)
    assert backups.auto_backup_if_due(now=later) is not None
    for _ in range(KEEP["auto"] + 3):
        backups.create("auto")
    backups.create("manual")
    autos = [b for b in backups.list() if b.reason == "auto"]
    assert len(autos) == KEEP["auto"]
    assert [b.reason for b in backups.list()].count("manual") == 1


def test_no_backup_of_a_missing_database(tmp_path: Path) -> None:
    backups = Backups(tmp_path / "none.sqlite3", tmp_path / "b")
    assert backups.auto_backup_if_due() is None
    with pytest.raises(BackupError, match="no database"):
        backups.create()


def test_restore_over_a_file_that_is_not_sqlite(store: Store) -> None:
    with store.db.unit_of_work() as session:
        session.add(Region(name="Veneto"))
    backup = store.backups.create("manual")
    store.close()
    store.path.write_bytes(b"not a database at all" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    store.backups.restore(backup.id)
    store.open(auto_backup=False)
    assert region_names(store) == ["Veneto"]
    assert any(p.name.startswith("damaged-") for p in store.backups.folder.iterdir())
