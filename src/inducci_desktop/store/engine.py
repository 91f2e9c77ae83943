"""Engines: SQLite with the pragmas the app relies on and transactions that take the write lock at once;
PostgreSQL (psycopg 3) with a connect timeout and the same compact JSON."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 10_000
#: seconds to wait for a PostgreSQL server to answer before saying it cannot be reached
CONNECT_TIMEOUT_S = 5


def _compact_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def make_engine(path: Path, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    """An engine on the SQLite file ``path``.

    pysqlite's own transaction handling is switched off and every transaction starts with
    ``BEGIN IMMEDIATE`` (SQLAlchemy's documented recipe), so DDL is transactional and a writer never
    fails half-way for want of the lock — unless the connection carries the execution option
    ``sqlite_begin="DEFERRED"``, which read-only sessions use. ``foreign_keys=False`` is for migrations only.
    """
    options: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        # compact JSON, as SQLite's own json functions write it (the version triggers): equal values, equal text
        json_serializer=_compact_json,
        **options,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # deleted or overwritten content is zeroed, not left in free pages (erasure on request)
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # readers ask for DEFERRED (Database.reading): in WAL mode they never wait for a writer
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {'DEFERRED' if mode == 'DEFERRED' else 'IMMEDIATE'}")

    return engine


def make_server_engine(url: URL, *, pooled: bool = True) -> Engine:
    """An engine on the PostgreSQL database ``url`` (driver psycopg 3).

    A server that does not answer within CONNECT_TIMEOUT_S seconds fails the connection (a clear message
    comes from ``store.server.connection_problem``); JSON is written compact, as on SQLite, so a version
    vector has the same text on both engines.
    """
    options: dict[str, Any] = {"pool_pre_ping": True} if pooled else {"poolclass": NullPool}
    return create_engine(
        url,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "inducci-desktop"},
        json_serializer=_compact_json,
        **options,
    )
