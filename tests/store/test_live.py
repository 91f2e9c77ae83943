"""Live updates on a server: a write committed by one client reaches the other clients' change feeds within a
second through LISTEN/NOTIFY; a client's own notices are not reported twice; a lost listening connection is made
again and reported as "everything changed" once."""

from __future__ import annotations

import queue
import time
from pathlib import Path

import pytest

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store
from inducci_desktop.store.live import PAYLOAD_LIMIT, parse, payload

pytestmark = pytest.mark.usefixtures("db_engine")


def _second_client(paths: AppPaths, tmp_path: Path) -> Store:
    """Another machine on the same server: its own data folder and content cache."""
    import shutil

    from inducci_desktop.store.server import CONTENT_CACHE_NAME

    other = tmp_path / "other"
    other.mkdir()
    shutil.copyfile(paths.data_dir / CONTENT_CACHE_NAME, other / CONTENT_CACHE_NAME)
    store = Store(other / "inducci.sqlite3", other / "backups", server=paths.server)
    store.open()
    return store


def _collect(store: Store) -> queue.Queue[tuple[float, Changes]]:
    got: queue.Queue[tuple[float, Changes]] = queue.Queue()
    store.feed.subscribe(lambda changes: got.put((time.perf_counter(), changes)))
    return got


def _wait_connected(store: Store) -> None:
    listener = store.db.listener
    assert listener is not None
    assert listener.connected.wait(10), "the listener did not connect"


def test_a_write_on_one_client_reaches_the_other_within_a_second(
        db_engine: str, paths: AppPaths, store: Store, services: Services, tmp_path: Path) -> None:
    if db_engine != "postgresql":
        assert store.listen() is False  # the local file: nobody else writes to it
        return
    other = _second_client(paths, tmp_path)
    try:
        assert other.listen() is True
        assert store.listen() is True
        _wait_connected(other)
        _wait_connected(store)
        seen_by_other = _collect(other)
        seen_by_writer = _collect(store)

        latencies = []
        for name in ("Śląsk – Łódź", "Plzeň – Žižkov", "Győr – Sopron"):
            started = time.perf_counter()
            region = services.regions.add(name)
            arrived, changes = seen_by_other.get(timeout=1.0)
            latencies.append(arrived - started)
            assert changes.touches(Kind.REGION, record_id=region.id)
            assert not changes.everything
        print(f"\nNOTIFY latency, write committed on one client -> the other's feed: "
              f"{', '.join(f'{s * 1000:.1f} ms' for s in latencies)}")
        assert max(latencies) < 1.0
        # the writer hears its own write once (from its own commit), not again through the server
        time.sleep(0.3)
        own = [seen_by_writer.get_nowait() for _ in range(seen_by_writer.qsize())]
        assert len(own) == 3
        assert seen_by_other.empty()
    finally:
        other.close()


def test_a_rolled_back_write_notifies_nobody(db_engine: str, paths: AppPaths, store: Store, services: Services,
                                             tmp_path: Path) -> None:
    if db_engine != "postgresql":
        pytest.skip("NOTIFY is a server's")
    other = _second_client(paths, tmp_path)
    try:
        other.listen()
        _wait_connected(other)
        seen = _collect(other)
        from inducci_desktop.store.models import Region

        with pytest.raises(RuntimeError), store.db.unit_of_work() as session:
            session.add(Region(name="Kraków – never stored"))
            session.flush()
            raise RuntimeError("the save fails after the flush")
        services.regions.add("Brno – stored")
        _at, changes = seen.get(timeout=1.0)
        assert changes.touches(Kind.REGION)
        time.sleep(0.2)
        assert seen.empty()
    finally:
        other.close()


def test_a_lost_listening_connection_comes_back_and_reports_everything_once(
        db_engine: str, paths: AppPaths, store: Store, services: Services, tmp_path: Path) -> None:
    if db_engine != "postgresql":
        pytest.skip("LISTEN is a server's")
    other = _second_client(paths, tmp_path)
    try:
        other.listen()
        _wait_connected(other)
        listener = other.db.listener
        assert listener is not None
        listener.backoff = (0.1,)
        seen = _collect(other)
        # the administrator (or a network failure) ends the listening connection
        from sqlalchemy import text

        with store.db.engine.connect() as conn:
            ended = conn.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      "WHERE application_name = 'inducci-desktop listener'")).scalar()
            conn.commit()
        assert ended == 1
        _at, changes = seen.get(timeout=5.0)
        assert changes.everything
        assert listener.reconnects == 1
        _wait_connected(other)
        region = services.regions.add("Ústí nad Labem")
        _at, changes = seen.get(timeout=1.0)
        assert changes.touches(Kind.REGION, record_id=region.id) and not changes.everything
    finally:
        other.close()


def test_a_long_payload_falls_back_to_every_record_of_the_kinds() -> None:
    many = Changes({Kind.ANSWER: frozenset(f"{n:036d}" for n in range(400)), Kind.ASSESSMENT: frozenset({"a"})})
    text = payload("me", many)
    assert len(text.encode()) <= PAYLOAD_LIMIT
    sender, back = parse(text) or ("", Changes())
    assert sender == "me"
    assert back.ids_of(Kind.ANSWER) == frozenset({"*"}) and back.touches(Kind.ASSESSMENT, record_id="x")
    small = Changes({Kind.NOTE: frozenset({"ž-1"})})
    assert parse(payload("you", small)) == ("you", small)
    assert parse(payload("you", Changes.all())) == ("you", Changes.all())
    assert parse("not json") is None
