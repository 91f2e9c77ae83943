"""Opening user data on a PostgreSQL server, with the toolbox content in a per-machine SQLite cache.

The server holds the user tables (the whole Alembic chain runs there, so its schema is the same as a local
file's); the content tables the ORM reads and the FTS5 search index live in ``content-cache.sqlite3`` in the
data folder, migrated with the same chain. The cache is derived from the shipped pack: a cache that cannot
be used (damaged, from a newer version) is thrown away and rebuilt, never shown to the user as a problem.

Connection failures become ``ServerConnectionError`` with a message naming the server (never its password).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.store.engine import CONNECT_TIMEOUT_S, make_engine, make_server_engine
from inducci_desktop.store.errors import ServerBackupError as ServerBackupError
from inducci_desktop.store.errors import ServerConnectionError, StoreError
from inducci_desktop.store.files import private_file
from inducci_desktop.store.inspect import CheckResult, newer_schema, problem_line, schema_line
from inducci_desktop.store.location import Location
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS

log = logging.getLogger(__name__)

CONTENT_CACHE_NAME = "content-cache.sqlite3"


#: (what the driver says, what the user reads, translated where it is said) — the first match wins
_REASONS: tuple[tuple[str, str], ...] = (
    ("password authentication failed", N_("the user name or password is wrong")),
    ("no password supplied", N_("the server asks for a password and none was given")),
    ("does not exist", ""),  # the server's own words: which database or role is missing
    ("timeout expired", N_("the server did not answer within {seconds} seconds")),
    ("connection refused", N_("nothing answers at that address and port (is the server running?)")),
    ("could not translate host name", N_("the server's name is unknown (check the host in the URL)")),
    ("name or service not known", N_("the server's name is unknown (check the host in the URL)")),
    ("no pg_hba.conf entry", N_("the server does not accept connections from this machine or user (pg_hba.conf)")),
    ("ssl", N_("the secure connection failed: {detail}")),
    ("server closed the connection", N_("the server closed the connection")),
    ("terminating connection", N_("the server closed the connection")),
)


def connection_message(exc: BaseException, location: Location) -> str:
    """A clear sentence for a failed connection to ``location`` (the password never appears in it)."""
    orig = getattr(exc, "orig", None) or exc
    detail = " ".join(str(orig).split())
    password = location.url.password
    if password:
        detail = detail.replace(str(password), "***")
    lowered = detail.lower()
    reason = detail
    for needle, said in _REASONS:
        if needle in lowered:
            clause = _last_clause(detail)
            reason = _(said).format(detail=clause, seconds=CONNECT_TIMEOUT_S) if said else clause
            break
    return _("The database server {server} cannot be used: {reason}.").format(server=location.shown, reason=reason)


def _last_clause(detail: str) -> str:
    """psycopg says 'connection failed: connection to server at "h", port p failed: FATAL:  reason'."""
    return detail.rsplit("FATAL:", 1)[-1].strip().rstrip(".")


@contextmanager
def connecting(location: Location) -> Iterator[None]:
    """Turn the driver's connection failures inside the block into ServerConnectionError."""
    try:
        yield
    except DBAPIError as exc:
        if exc.connection_invalidated or _is_connection_problem(exc):
            raise ServerConnectionError(connection_message(exc, location)) from None
        raise


def _is_connection_problem(exc: DBAPIError) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a server location is refused without psycopg
        return False
    return isinstance(exc.orig, psycopg.OperationalError) and not isinstance(exc.orig, psycopg.errors.QueryCanceled)


@dataclass(frozen=True)
class ServerOpen:
    engine: Engine
    content_engine: Engine
    found: str | None  # the revision the server was at (None: a new, empty database)


def open_server(location: Location, cache: Path) -> ServerOpen:
    """Connect to ``location``, check and migrate its schema (under the migration lock), open the content cache.

    Raises ServerConnectionError, NewerDatabaseError, ForeignDatabaseError or MigrationError; nothing is left open.
    """
    from inducci_desktop.store.migrate import upgrade_server

    engine = make_server_engine(location.url)
    try:
        with connecting(location), engine.connect() as conn:
            found = upgrade_server(conn, location.shown)
        content_engine = open_content_cache(cache)
    except BaseException:
        engine.dispose()
        raise
    if found is None:
        log.info("created the schema on %s", location.shown)
    return ServerOpen(engine, content_engine, found)


def open_content_cache(path: Path) -> Engine:
    """The engine of the per-machine content cache at ``path``, created or migrated to HEAD first.

    A cache that fails its checks or comes from a newer version is deleted and made again: it holds only
    what the shipped pack gives (``LibraryService.ensure_content`` fills it).
    """
    from inducci_desktop.store.inspect import read_state
    from inducci_desktop.store.migrate import upgrade

    try:
        state = read_state(path)
        usable = state.revision in KNOWN_REVISIONS or state.revision is None
        revision = state.revision
    except StoreError as exc:
        log.warning("the content cache %s cannot be used (%s); it is made again", path, exc)
        usable, revision = False, None
    if not usable:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        revision = None
    if revision != HEAD:
        upgrade(path)
    for suffix in ("", "-wal", "-shm"):
        private_file(Path(f"{path}{suffix}"))
    return make_engine(path)


def server_backup_message(location: Location) -> str:
    return _("The data is on the database server {server}: its backups are the server administrator's job (the "
             "server's own backups, e.g. pg_dump or a WAL archive), not this app's. To keep a copy of your records, "
             "export a bundle: inducci-desktop exchange export --all -o FILE.inducci").format(server=location.shown)


def check_server(location: Location) -> CheckResult:
    """``db check`` for a server: can it be reached, and at which schema is it? Writes nothing."""
    from sqlalchemy.exc import SQLAlchemyError

    from inducci_desktop.store.migrate import server_revision

    lines = [_("database: {where}").format(where=location.shown)]
    engine = make_server_engine(location.url, pooled=False)
    try:
        with connecting(location), engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar()
            lines.append(_("server: PostgreSQL {version} (reached)").format(version=version))
            revision, has_tables = server_revision(conn)
            conn.rollback()
    except StoreError as exc:
        return CheckResult(False, [*lines, problem_line(str(exc))])
    except SQLAlchemyError as exc:
        return CheckResult(False, [*lines, problem_line(" ".join(str(getattr(exc, "orig", exc)).split()))])
    finally:
        engine.dispose()
    if revision == HEAD or revision in KNOWN_REVISIONS:
        return CheckResult(True, [*lines, schema_line(revision)])
    if revision is None:
        if has_tables:
            return CheckResult(False, [*lines, problem_line(_("the database holds tables that are not InduCCI "
                                                              "Desktop's"))])
        return CheckResult(True, [*lines, _("schema: none yet (an empty database; created at the next start)")])
    return CheckResult(False, [*lines, problem_line(newer_schema(revision))])
