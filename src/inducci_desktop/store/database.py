"""Opening the store: check, back up, migrate, then hand out sessions and units of work.

The store is the local SQLite file of the data folder, or a PostgreSQL server (``store/server.py``) with the
toolbox content in a per-machine SQLite cache; services see the same ``Database`` either way.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from inducci_desktop.domain.changes import ChangeFeed, Changes
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.text import check_text
from inducci_desktop.store import tracking
from inducci_desktop.store.backup import Backups
from inducci_desktop.store.engine import make_engine
from inducci_desktop.store.errors import EmptyDatabaseError, NewerDatabaseError
from inducci_desktop.store.files import private_file
from inducci_desktop.store.inspect import CheckResult as CheckResult
from inducci_desktop.store.inspect import (
    FileState,
    integrity_problems,
    newer_schema,
    problem_line,
    read_state,
    schema_line,
)
from inducci_desktop.store.location import Location
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS

if TYPE_CHECKING:
    from inducci_desktop.store.live import Listener

log = logging.getLogger(__name__)


class Database:
    """An open, migrated database and the way to use it.

    ``engine`` is the user data's (the SQLite file at ``path`` unless another engine is given: a server);
    ``content_engine`` the toolbox content's, the same engine unless the user data is on a server (then the
    content mappers, ``models.CONTENT_MODELS``, are bound to the per-machine cache).
    Sessions belong to the thread that made them; services pass ids and plain data across threads.
    """

    def __init__(self, path: Path, backup_dir: Path, feed: ChangeFeed | None = None, *,
                 engine: Engine | None = None, content_engine: Engine | None = None,
                 location: Location | None = None, who: Callable[[], str] | None = None) -> None:
        self.path = path
        self.backups = Backups(path, backup_dir)
        #: every committed unit of work reports what it changed here
        self.feed = feed if feed is not None else ChangeFeed()
        #: the name every write records as ``changed_by`` (asked at the start of each unit of work)
        self.who: Callable[[], str] = who if who is not None else _nobody
        self.engine: Engine = engine if engine is not None else make_engine(path)
        self.content_engine: Engine = content_engine if content_engine is not None else self.engine
        #: the server, or None for the local file (connection failures are explained naming it)
        self.location = location
        reading = {"sqlite_begin": "DEFERRED"}
        self._sessions = sessionmaker(self.engine, binds=self._binds(self.content_engine), expire_on_commit=False)
        tracking.track(self._sessions)
        self._read_sessions = sessionmaker(self.engine.execution_options(**reading),
                                           binds=self._binds(self.content_engine.execution_options(**reading)),
                                           expire_on_commit=False)
        self._local = threading.local()  # the reading session open on each thread, if any
        #: this client's id in the change notices it sends on a server (its own are not reported twice)
        self.session_id = uuid.uuid4().hex
        self._listener: Listener | None = None
        event.listen(self._sessions, "before_flush", _refuse_control_characters)

    @property
    def on_server(self) -> bool:
        return self.engine.dialect.name != "sqlite"

    def _binds(self, content_engine: Engine) -> dict[type, Engine] | None:
        if self.content_engine is self.engine:
            return None
        from inducci_desktop.store.models import CONTENT_MODELS

        return dict.fromkeys(CONTENT_MODELS, content_engine)

    @contextmanager
    def _explained(self) -> Iterator[None]:
        """On a server: a lost or refused connection becomes ServerConnectionError (a StoreError)."""
        if self.location is None:
            yield
            return
        from inducci_desktop.store.server import connecting

        with connecting(self.location):
            yield

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any exception.

        After the commit, what it changed (kinds and ids, recorded from the session) goes to ``feed``; on a
        server the same goes to every other client as a NOTIFY sent in the transaction (store/live.py), so it
        reaches them only if the write is committed.
        """
        with self._explained(), self._sessions() as session:
            recorded = tracking.begin(session)
            tracking.set_who(session, self.who())
            with session.begin():
                yield session
                if self.on_server:
                    session.flush()
                    changed = recorded.changes()
                    if changed:
                        from inducci_desktop.store.live import CHANNEL, payload

                        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                                        {"channel": CHANNEL, "payload": payload(self.session_id, changed)})
        self.feed.report(recorded.changes())

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only (a deferred transaction: it never waits for a writer in WAL mode);
        whatever it changes is rolled back.

        Nested on one thread, the inner ``reading()`` reuses the outer session, so a block of reads
        (``WorkshopService.kit``) sees one snapshot in one transaction.
        """
        outer: Session | None = getattr(self._local, "reader", None)
        if outer is not None:
            yield outer
            return
        with self._explained(), self._read_sessions() as session:
            self._local.reader = session
            try:
                yield session
            finally:
                self._local.reader = None
                session.rollback()

    def checkpoint(self) -> bool:
        """Copy the WAL into the database file and empty it (after an erasure: no old page images left in
        the -wal file). Best effort: False when a reader still needs the WAL. On a server: nothing to do."""
        import sqlite3

        if self.on_server:
            return True

        conn = sqlite3.connect(self.path, isolation_level=None, timeout=2)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy
        except sqlite3.Error:
            return False
        finally:
            conn.close()

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
            return row[0] if row else None

    def listen(self) -> bool:
        """On a server: start reporting what other clients commit to ``feed`` (store/live.py). False on the
        local file (nobody else writes to it). Stopped by ``close``."""
        if not self.on_server or self.location is None:
            return False
        if self._listener is None:
            from inducci_desktop.store.live import Listener

            self._listener = Listener(self.location, self.feed, self.session_id)
            self._listener.start()
        return True

    @property
    def listener(self) -> Listener | None:
        return self._listener

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.engine.dispose()
        if self.content_engine is not self.engine:
            self.content_engine.dispose()


def _nobody() -> str:
    return ""


def _refuse_control_characters(session: Session, _context: object, _instances: object) -> None:
    """The control-character rule (domain/text.py) as a last net under every entry point: a write that
    would store a NUL or another control character raises TextError and the transaction rolls back."""
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            value = obj.__dict__.get(attr.key)
            if isinstance(value, str):
                check_text(value, attr.key.replace("_", " ").capitalize(), multiline=True)


@dataclass
class OpenReport:
    """What opening the store did, for the log and the settings page."""

    created: bool = False
    migrated_from: str | None = None
    backups_made: list[str] = field(default_factory=list)


def open_database(path: Path, backup_dir: Path, *, auto_backup: bool = True,
                  feed: ChangeFeed | None = None, who: Callable[[], str] | None = None,
                  checked: FileState | None = None) -> tuple[Database, OpenReport]:
    """Open the database at ``path``, creating or upgrading it as needed.

    Order: read-only checks (SQLite? intact? a revision we know?) → daily backup → backup before a
    migration → migration → engine. A file that fails a check raises a StoreError and is not written.
    """
    report = OpenReport()
    backups = Backups(path, backup_dir)
    if path.exists() and path.stat().st_size == 0 and backups.list():
        raise EmptyDatabaseError(empty_database_message(path, backups))
    # ``checked``: the read-only checks made a moment ago by the same process, which holds the data lock
    state: FileState = checked if checked is not None else read_state(path)
    if not state.known:
        raise NewerDatabaseError(
            _("{path} was written by a newer version of InduCCI Desktop (schema {revision}; this version knows up "
              "to {head}). It was not opened and has not been changed. Install the newer version, or choose another "
              "data folder.").format(path=path, revision=state.revision, head=HEAD))
    if state.has_tables and auto_backup:
        made = backups.auto_backup_if_due()
        if made:
            report.backups_made.append(made.id)
    if state.revision != HEAD:
        if state.has_tables:
            report.backups_made.append(backups.create("pre-migrate").id)
            report.migrated_from = state.revision
            log.info("upgrading schema %s -> %s", state.revision, HEAD)
        else:
            report.created = True
            log.info("creating a new database at %s", path)
        from inducci_desktop.store.migrate import upgrade

        upgrade(path)
    for suffix in ("", "-wal", "-shm"):
        private_file(Path(f"{path}{suffix}"))
    return Database(path, backup_dir, feed, who=who), report


def empty_database_message(path: Path, backups: Backups) -> str:
    """What to say about a 0-byte database file, naming the newest good backup when there is one."""
    good = backups.newest_good()
    if good is None:
        return _("The database {path} is empty (0 bytes): it was damaged, e.g. by a full disk or a crash. It has "
                 "been kept as it is and nothing was changed. No backup passes its integrity check; move the empty "
                 "file away to start afresh.").format(path=path)
    return _("The database {path} is empty (0 bytes): it was damaged, e.g. by a full disk or a crash. It has been "
             "kept as it is and nothing was changed. The newest good backup is {backup_id} ({created} UTC): restore "
             "it with 'inducci-desktop backup restore {backup_id}'.").format(
                 path=path, backup_id=good.id, created=f"{good.created:%Y-%m-%d %H:%M}")


def check_database(path: Path) -> CheckResult:
    """Quick check plus schema state, without writing anything."""
    from inducci_desktop.store.errors import StoreError

    lines: list[str] = [_("database: {where}").format(where=path)]
    if not path.exists():
        missing = _("the database file does not exist yet (start the app once)")
        return CheckResult(False, [*lines, problem_line(missing)])
    try:
        problems = integrity_problems(path)
        if problems:
            return CheckResult(False, [*lines, *(problem_line(p) for p in problems)])
        lines.append(_("integrity: ok (quick_check)"))
        state = read_state(path)
    except StoreError as exc:
        return CheckResult(False, [*lines, problem_line(str(exc))])
    if state.revision == HEAD or state.revision in KNOWN_REVISIONS:
        lines.append(schema_line(state.revision))
        return CheckResult(True, lines)
    if state.revision is None:
        return CheckResult(False, [*lines, problem_line(_("the database has no schema yet"))])
    return CheckResult(False, [*lines, problem_line(newer_schema(state.revision))])


class Store:
    """The database of one data folder, which can be closed and reopened around a restore."""

    def __init__(self, path: Path, backup_dir: Path, feed: ChangeFeed | None = None, *,
                 server: Location | None = None, who: Callable[[], str] | None = None) -> None:
        #: the local SQLite file; with a ``server``, the data folder's file whose folder keeps photos and the cache
        self.path = path
        self.backups = Backups(path, backup_dir)
        #: what every write changed; survives a close and reopen (restore)
        self.feed = feed if feed is not None else ChangeFeed()
        #: the PostgreSQL database holding the user data, or None for the local file
        self.server = server if server is not None and server.is_server else None
        #: who is writing: the name each change records (the composition root passes identity.current_name)
        self.who = who
        self._db: Database | None = None
        self.last_open: OpenReport | None = None

    @property
    def on_server(self) -> bool:
        return self.server is not None

    @property
    def shown(self) -> str:
        """The database for a message: the file's path or the server's URL without its password."""
        return self.server.shown if self.server is not None else str(self.path)

    @property
    def content_cache(self) -> Path:
        from inducci_desktop.store.server import CONTENT_CACHE_NAME

        return self.path.with_name(CONTENT_CACHE_NAME)

    def open(self, *, auto_backup: bool = True, checked: FileState | None = None) -> OpenReport:
        if self.server is not None:
            self._db, self.last_open = self._open_server()
            return self.last_open
        self._db, self.last_open = open_database(self.path, self.backups.folder, auto_backup=auto_backup,
                                                 feed=self.feed, who=self.current_writer, checked=checked)
        return self.last_open

    def _open_server(self) -> tuple[Database, OpenReport]:
        from inducci_desktop.store.server import open_server

        assert self.server is not None
        opened = open_server(self.server, self.content_cache)
        report = OpenReport(created=opened.found is None,
                            migrated_from=opened.found if opened.found not in (None, HEAD) else None)
        return Database(self.path, self.backups.folder, self.feed, engine=opened.engine,
                        content_engine=opened.content_engine, location=self.server,
                        who=self.current_writer), report

    def current_writer(self) -> str:
        return self.who() if self.who is not None else ""

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the store is not open")
        return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def listen(self) -> bool:
        """With the user data on a server: report what other clients commit to ``feed`` (live updates)."""
        return self.db.listen()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def restore(self, backup_id: str) -> str | None:
        """Restore a backup and reopen (migrating an older backup). Returns the id of the safety backup.

        Data on a server is not restored by the app (ServerBackupError): its backups are the administrator's."""
        if self.server is not None:
            from inducci_desktop.store.server import ServerBackupError, server_backup_message

            raise ServerBackupError(server_backup_message(self.server))
        self.close()
        safety = self.backups.restore(backup_id)
        self.open(auto_backup=False)
        self.feed.report(Changes.all())
        return safety.id if safety else None
