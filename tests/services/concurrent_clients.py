"""One client of the concurrency test (its own process, its own services over the shared database).

Kept apart from the test module so that ``multiprocessing`` (spawn) imports only this in each client.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inducci_desktop.content.model import ChecklistItem, ChecklistSection, ChecklistTemplate

TEMPLATE_ID = "own-concurrency"
OWN_ITEMS = 5  # items only one client answers
SHARED_ITEMS = 3  # items every client answers


def own_key(client: int, number: int) -> str:
    return f"c{client}-{number}"


def shared_key(number: int) -> str:
    return f"shared-{number}"


def template(clients: int) -> ChecklistTemplate:
    own = tuple(ChecklistSection(f"client-{c}", f"Klient {c} – Łódź", tuple(
        ChecklistItem(own_key(c, n), f"Own item {n} of client {c}", "number") for n in range(OWN_ITEMS)))
        for c in range(clients))
    shared = ChecklistSection("shared", "Shared", tuple(
        ChecklistItem(shared_key(n), f"Shared item {n}", "number") for n in range(SHARED_ITEMS)))
    return ChecklistTemplate(TEMPLATE_ID, 1, "Concurrency checklist", "", (*own, shared))


@dataclass
class ClientResult:
    client: int
    #: every acknowledged save: (item key, value, the version expected, the version it made)
    acks: list[tuple[str, int, int, int]] = field(default_factory=list)
    #: every save refused as changed elsewhere: (item key, the version expected, their version then)
    conflicts: list[tuple[str, int, int]] = field(default_factory=list)
    #: saves the database could not take just then (locked past the busy timeout), tried again as the app does
    retried: list[str] = field(default_factory=list)
    error: str = ""


def open_services(url: str, data_dir: Path, name: str) -> Any:
    """The services of one client over the database at ``url`` (an SQLite file or a PostgreSQL database),
    with ``data_dir`` as its data folder (on a server: the per-machine content cache)."""
    from inducci_desktop.paths import AppPaths
    from inducci_desktop.services.container import Services
    from inducci_desktop.store.database import Store
    from inducci_desktop.store.location import parse_database_url

    location = parse_database_url(url, "test")
    paths = AppPaths(data_dir, data_dir / "logs")
    path = location.sqlite_path or paths.database
    store = Store(path, path.parent / "backups", server=location if location.is_server else None, who=lambda: name)
    store.open(auto_backup=False)
    return Services.over(paths, store)


def run_client(url: str, data_dir: Path, assessment_id: str, client: int, rounds: int, barrier: Any,
               results: Any) -> None:
    """Autosave this client's own items and the shared ones, ``rounds`` times, each with the version it knows;
    a refused shared save takes their version and saves again on top (as "Overwrite" does)."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    from inducci_desktop.services.errors import ChangedElsewhere

    result = ClientResult(client)
    try:
        services = open_services(url, data_dir, f"Klient {client} – Jiří")
        checklists = services.checklists
        known: dict[str, int] = {}
        barrier.wait(timeout=120)
        for round_ in range(rounds):
            keys = [own_key(client, n) for n in range(OWN_ITEMS)] + [shared_key(n) for n in range(SHARED_ITEMS)]
            for key in keys:
                value = client * 10_000 + round_ * 10 + 1
                expected = known.get(key, 0)
                while True:
                    try:
                        ack = checklists.set_answer(assessment_id, key, value, expected=expected)
                    except ChangedElsewhere as exc:
                        result.conflicts.append((key, expected, exc.row_version))
                        expected = exc.row_version
                        continue
                    except (OperationalError, IntegrityError) as exc:  # not saved, not acknowledged: retried
                        # (SQLite: locked past the busy timeout; a server: the same first answer inserted at
                        # the same moment by another client, which a save without a version cannot tell apart)
                        result.retried.append(str(exc.orig))
                        if len(result.retried) > 50:
                            raise
                        continue
                    result.acks.append((key, value, expected, ack.row_version))
                    known[key] = ack.row_version
                    break
        services.close()
    except Exception:
        result.error = traceback.format_exc()
    results.put(result)
