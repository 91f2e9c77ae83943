"""Ten clients autosaving into the same assessment at once, each in its own process with its own services.

Each client answers its own items and three items every client answers, always passing the version it
knows. Checked: every acknowledged save is in the database (lost: 0), and every concurrent edit of one
record was detected: the saves of a shared answer form one unbroken line of versions 1, 2, 3 … (two saves
made over the same version would be a silent overwrite) and every refused save was refused for a version
that had really moved on. The database comes as a URL (``shared_database``): SQLite here; the same test
runs on PostgreSQL through that fixture.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Iterator

import pytest

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services

from . import concurrent_clients as clients

CLIENTS = 10
ROUNDS = 8


@pytest.fixture
def shared_database(paths: AppPaths, services: Services) -> Iterator[str]:
    """The URL of the database every client opens (made and migrated here): the test's SQLite file, or its
    PostgreSQL database when the test runs on that engine."""
    if paths.server is not None:
        yield paths.server.url.render_as_string(hide_password=False)
    else:
        yield f"sqlite:///{paths.database}"


@pytest.mark.slow
def test_ten_clients_lose_nothing_and_every_concurrent_edit_is_detected(
        services: Services, shared_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    services.checklists.templates.save(clients.template(CLIENTS))
    assessment = services.checklists.create(clients.TEMPLATE_ID, "Wspólna ocena – 10 osób")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(CLIENTS)
    results_queue = context.Queue()
    data_dir = services.paths.data_dir
    processes = [context.Process(target=clients.run_client,
                                 args=(shared_database, data_dir, assessment.id, c, ROUNDS, barrier, results_queue))
                 for c in range(CLIENTS)]
    for process in processes:
        process.start()
    results = [results_queue.get(timeout=600) for _process in processes]
    for process in processes:
        process.join(timeout=60)
    assert [r.error for r in results if r.error] == []

    stored = services.checklists.get(assessment.id).answers
    acks = [ack for r in results for ack in r.acks]
    conflicts = [c for r in results for c in r.conflicts]
    retried = [c for r in results for c in r.retried]
    # lost: an acknowledged own answer that is not what the database holds
    lost = 0
    for r in results:
        last: dict[str, tuple[int, int]] = {}
        for key, value, _expected, version in r.acks:
            if not key.startswith("shared-"):
                last[key] = (value, version)
        lost += sum(1 for key, (value, version) in last.items()
                    if stored[key].value != value or stored[key].row_version != version)
    # shared answers: one line of versions, each save made over the one before it
    by_key: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for key, value, expected, version in acks:
        if key.startswith("shared-"):
            by_key[key].append((version, expected, value))
    silent = 0
    for key, saves in by_key.items():
        saves.sort()
        assert [v for v, _e, _value in saves] == list(range(1, len(saves) + 1)), key
        silent += sum(1 for version, expected, _value in saves if expected != version - 1)
        assert stored[key].row_version == len(saves) and stored[key].value == saves[-1][2], key
    assert all(theirs > expected for _key, expected, theirs in conflicts)
    with capsys.disabled():
        print(f"\nconcurrent autosave, {CLIENTS} clients: saves {len(acks)}, conflicts detected {len(conflicts)}, "
              f"lost {lost}, silent overwrites {silent}, retried (database busy) {len(retried)}")
    assert len(acks) == CLIENTS * ROUNDS * (clients.OWN_ITEMS + clients.SHARED_ITEMS)
    assert lost == 0 and silent == 0
    assert conflicts, "ten clients saving the same answers at once never met: the test proved nothing"
