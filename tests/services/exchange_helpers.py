"""Helpers for the exchange tests: data folders with the demo loaded, a logical dump, hand-made bundles."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.store.database import Store

#: while a test runs on PostgreSQL (the ``folders_on_engine`` fixture, tests/conftest.py): makes a fresh database
#: and gives its URL, one per data folder; None: the folders use SQLite files
new_server: Callable[[], str] | None = None
#: the server URL of each data folder's database file path, for ``dump``
SERVERS: dict[Path, str] = {}


@contextmanager
def folder(root: Path, *, demo: bool = False) -> Iterator[Services]:
    """The services of a data folder under ``root`` (content loaded, demo data if asked); on the test's engine."""
    paths = AppPaths.resolve(root)
    paths.ensure()
    if new_server is not None:
        from inducci_desktop.store.location import parse_database_url

        url = new_server()
        paths = replace(paths, location=parse_database_url(url, "test"))
        SERVERS[paths.database] = url
    store = Store(paths.database, paths.backup_dir, server=paths.server)
    store.open()
    services = Services.over(paths, store)
    try:
        services.prepare()
        if demo:
            load_demo(services)
        yield services
    finally:
        services.close()


def dump(database: Path, *, local: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: the database's logical content (on the server, for a folder of a
    test on PostgreSQL). ``local=False`` leaves out what is this database's own (the row version and who
    changed it), to compare two machines' copies."""
    if database in SERVERS:
        return _dump_server(SERVERS[database], local=local)
    conn = sqlite3.connect(database)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')
                       if local or r[1] not in ("row_version", "changed_by")]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[name] = sorted(conn.execute(f'SELECT {listed} FROM "{name}"').fetchall(), key=repr)
        return found
    finally:
        conn.close()


def _dump_server(url: str, *, local: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found: dict[str, list[tuple[Any, ...]]] = {}
            for name in sorted(inspect(conn).get_table_names()):
                columns = [c["name"] for c in inspect(conn).get_columns(name)
                           if local or c["name"] not in ("row_version", "changed_by")]
                listed = ", ".join(f'"{c}"' for c in columns)
                found[name] = sorted((tuple(r) for r in conn.execute(text(f'SELECT {listed} FROM "{name}"'))),
                                     key=repr)
            return found
    finally:
        engine.dispose()


def manifest(records: dict[str, list[dict[str, Any]]], **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "inducci-bundle", "format_version": 1, "app_version": "0.1.0",
        "created_at": "2026-01-01T10:00:00+00:00", "created_by": None, "includes_personal_data": False,
        "counts": {k: len(v) for k, v in records.items()},
        "records": {k: f"records/{k}.json" for k in records},
    }
    data.update(changes)
    return data


def write_zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def bundle(path: Path, records: dict[str, list[dict[str, Any]]], **manifest_changes: Any) -> Path:
    entries: dict[str, bytes | str] = {"manifest.json": json.dumps(manifest(records, **manifest_changes))}
    for kind, rows in records.items():
        entries[f"records/{kind}.json"] = json.dumps(rows)
    return write_zip(path, entries)


def read_records(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    with zipfile.ZipFile(path) as archive:
        head = json.loads(archive.read("manifest.json"))
        return head, {k: json.loads(archive.read(v)) for k, v in head["records"].items()}


REGION = "1d1f7d36-0000-4000-8000-000000000001"
ASSESSMENT = "1d1f7d36-0000-4000-8000-000000000002"
STAMP = "2026-01-01T10:00:00+00:00"


def region(record_id: str = REGION, name: str = "Karlovarský kraj") -> dict[str, Any]:
    return {"id": record_id, "created_at": STAMP, "updated_at": STAMP, "deleted_at": None, "name": name,
            "kind": "region", "country": "Czechia", "notes": "", "parent_id": None}


def assessment(record_id: str = ASSESSMENT, template: str = "checklist-regional-status-quo",
               version: int = 1, region_id: str | None = REGION, **changes: Any) -> dict[str, Any]:
    data = {"id": record_id, "created_at": STAMP, "updated_at": STAMP, "deleted_at": None, "title": "Sokolov",
            "template_id": template, "template_version": version, "region_id": region_id, "subject": "",
            "assessor": "", "assessed_on": "", "round": 1, "previous_id": None, "status": "draft",
            "completed_at": None, "archived_at": None}
    data.update(changes)
    return data
