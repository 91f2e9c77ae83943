"""Trying a shared PostgreSQL database with psycopg before it is used, and saying in plain words what works.

libpq reports a failed connection as text (no SQLSTATE reaches the client before the session exists), so the
failures are told apart by the words of libpq and of the server; anything else is shown as the server said it.
The password is passed to psycopg and to nothing else: it is neither logged nor part of any message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain.i18n import _
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS

if TYPE_CHECKING:
    from inducci_desktop.services.shared_database import SharedDatabaseChoice

log = logging.getLogger(__name__)


class Problem(StrEnum):
    DRIVER = "driver"
    UNREACHABLE = "unreachable"
    PASSWORD = "password"
    DATABASE = "database"
    NOT_ALLOWED = "not-allowed"
    TLS = "tls"
    RIGHTS = "rights"
    NEWER_SCHEMA = "newer-schema"
    OTHER = "other"


@dataclass(frozen=True)
class ConnectionReport:
    """What a connection test found: ``ok``, else ``problem``; ``message`` says it in plain words and
    ``details`` add what was found on the way (server version, encryption, the app's tables)."""

    ok: bool
    message: str
    problem: Problem | None = None
    details: tuple[str, ...] = field(default=())
    server_version: str | None = None
    encrypted: bool | None = None
    revision: str | None = None
    can_create: bool | None = None


def run_check(choice: SharedDatabaseChoice, password: str | None, timeout: int) -> ConnectionReport:
    try:
        import psycopg
    except ImportError:
        return ConnectionReport(False, _("The PostgreSQL driver is not installed with this copy of InduCCI "
                                         "Desktop (pip install 'inducci-desktop[postgres]')."), Problem.DRIVER)
    params: dict[str, Any] = {"host": choice.host, "port": choice.port, "dbname": choice.database,
                              "user": choice.user, "sslmode": choice.sslmode, "connect_timeout": max(1, timeout),
                              "application_name": "InduCCI Desktop (connection test)"}
    if choice.ca_file:
        params["sslrootcert"] = choice.ca_file
    if password:
        params["password"] = password
    try:
        connection = psycopg.connect(**params)
    except psycopg.Error as exc:
        detail = _detail(str(exc))
        log.debug("connection refused: %s", detail)
        problem, message = explain_failure(choice, detail, timeout)
        return ConnectionReport(False, message, problem)
    try:
        return _inspect(choice, connection)
    finally:
        connection.close()


def _detail(text: str) -> str:
    """libpq's message without its prefixes ("connection failed: connection to server at … failed: ")."""
    first = text.strip()
    marker = " failed: "
    if marker in first:
        first = first.rsplit(marker, 1)[1]
    return " ".join(first.replace("FATAL:", "").split())


def explain_failure(choice: SharedDatabaseChoice, detail: str, timeout: int) -> tuple[Problem, str]:
    for explain in (_explain_auth, _explain_tls, _explain_network):
        found = explain(choice, detail, timeout)
        if found is not None:
            return found
    return Problem.OTHER, _("The connection failed: {detail}").format(detail=detail)


def _explain_auth(choice: SharedDatabaseChoice, detail: str, _timeout: int) -> tuple[Problem, str] | None:
    lower = detail.lower()
    if "password authentication failed" in lower or "authentication failed" in lower:
        return Problem.PASSWORD, _("The server refused the password for the user {user}. Check the user name and "
                                   "the password.").format(user=choice.user)
    if "no password supplied" in lower or "password is required" in lower:
        return Problem.PASSWORD, _("The server asks for a password: enter the password of {user}.") \
            .format(user=choice.user)
    if "database" in lower and "does not exist" in lower:
        return Problem.DATABASE, _("The server has no database named {database}. Check the name with your "
                                   "administrator.").format(database=choice.database)
    if "no pg_hba.conf entry" in lower:
        message = _("The server does not accept the user {user} for the database {database} from this computer. "
                    "Check both names; your administrator may have to allow this computer (pg_hba.conf).") \
            .format(user=choice.user, database=choice.database)
        if "no encryption" in lower:
            message += " " + _("It accepts only encrypted connections: choose the TLS mode verify-full.")
        return Problem.NOT_ALLOWED, message
    return None


def _explain_tls(choice: SharedDatabaseChoice, detail: str, _timeout: int) -> tuple[Problem, str] | None:
    lower = detail.lower()
    if "root certificate file" in lower and "does not exist" in lower:
        return Problem.TLS, _("The CA file {path} does not exist.").format(path=choice.ca_file or "~/.postgresql")
    if "certificate verify failed" in lower:
        return Problem.TLS, _("The server's certificate is not signed by the CA file {path}, so the connection "
                              "was stopped before the password was sent. Check that it is the CA file from your "
                              "administrator.").format(path=choice.ca_file)
    if "does not match host name" in lower:
        return Problem.TLS, _("The server's certificate is made out for another name than {host}. Enter the "
                              "server's name as its certificate gives it, or ask your administrator.") \
            .format(host=choice.host)
    if "does not support ssl" in lower:
        return Problem.TLS, _("The server does not offer encrypted connections (TLS), which the mode {mode} "
                              "requires. Ask your administrator to turn TLS on.").format(mode=choice.sslmode)
    if "ssl" in lower or "certificate" in lower or "tls" in lower:
        return Problem.TLS, _("The encrypted connection (TLS) failed: {detail}").format(detail=detail)
    return None


def _explain_network(choice: SharedDatabaseChoice, detail: str, timeout: int) -> tuple[Problem, str] | None:
    lower = detail.lower()
    if "resolve host" in lower or "could not translate host name" in lower or "name or service not known" in lower:
        return Problem.UNREACHABLE, _("The server name {host} is not known on this network. Check its spelling.") \
            .format(host=choice.host)
    if "timeout expired" in lower or "timed out" in lower:
        return Problem.UNREACHABLE, _("The server {host} did not answer within {seconds} seconds. Check the name "
                                      "and port, and that this computer can reach it (network, VPN, firewall).") \
            .format(host=choice.host, seconds=timeout)
    if any(words in lower for words in ("connection refused", "could not connect", "no route to host",
                                        "network is unreachable", "closed the connection unexpectedly")):
        return Problem.UNREACHABLE, _("No PostgreSQL server answers at {host}, port {port}. Check the server name "
                                      "and port, and that this computer can reach the server (network, VPN, "
                                      "firewall).").format(host=choice.host, port=choice.port)
    return None


def _inspect(choice: SharedDatabaseChoice, connection: Any) -> ConnectionReport:
    import psycopg

    version = str(connection.info.parameter_status("server_version") or "").split(" ")[0] or None
    encrypted = bool(connection.pgconn.ssl_in_use)
    details = [_("Connected to PostgreSQL {version}.").format(version=version or "?"), _tls_sentence(choice,
                                                                                                    encrypted)]
    base = ConnectionReport(False, "", None, tuple(details), server_version=version, encrypted=encrypted)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_schema(), CASE WHEN current_schema() IS NULL THEN false "
                           "ELSE has_schema_privilege(current_schema(), 'CREATE') END, "
                           "to_regclass('alembic_version') IS NOT NULL")
            schema, can_create, has_tables = cursor.fetchone()
            revision = None
            if has_tables:
                cursor.execute("SELECT version_num FROM alembic_version")
                row = cursor.fetchone()
                revision = str(row[0]) if row else None
    except psycopg.errors.InsufficientPrivilege:
        return replace(base, problem=Problem.RIGHTS, can_create=False,
                       message=_("Connected, but the user {user} may not read InduCCI Desktop's tables in "
                                 "{database}.").format(user=choice.user, database=choice.database))
    finally:
        connection.rollback()
    if revision is not None and revision not in KNOWN_REVISIONS:
        return replace(base, problem=Problem.NEWER_SCHEMA, revision=revision, can_create=bool(can_create),
                       message=_("The database holds InduCCI Desktop data at schema version {revision}, newer "
                                 "than this version knows ({head}): it would be refused. Update InduCCI Desktop "
                                 "on this computer first.").format(revision=revision, head=HEAD))
    if not can_create:
        message = (_("Connected, but the user {user} may not create tables in the schema {schema} of {database}.")
                   if schema else _("Connected, but the user {user} may use no schema of {database}, so it cannot "
                                    "create tables there.")).format(user=choice.user, schema=schema,
                                                                    database=choice.database)
        return replace(base, problem=Problem.RIGHTS, revision=revision, can_create=False,
                       message=message + " " + _("InduCCI Desktop needs a role that owns its database."))
    return replace(base, ok=True, message=details[0], details=(*details[1:], _revision_sentence(revision)),
                   revision=revision, can_create=True)


def _tls_sentence(choice: SharedDatabaseChoice, encrypted: bool) -> str:
    if not encrypted:
        return _("The connection is not encrypted: passwords and data cross the network readable. Choose the TLS "
                 "mode verify-full.")
    if choice.sslmode == "verify-full":
        return _("The connection is encrypted (TLS) and the server's certificate and name were checked.")
    return _("The connection is encrypted (TLS), but the server's identity was not fully checked: choose "
             "verify-full with the CA file for that.")


def _revision_sentence(revision: str | None) -> str:
    if revision is None:
        return _("The database holds no InduCCI Desktop data yet: the tables are created at the next start.")
    if revision == HEAD:
        return _("It holds InduCCI Desktop data at schema version {revision}, the one this version uses.") \
            .format(revision=revision)
    return _("It holds InduCCI Desktop data at schema version {revision}; this version upgrades it to {head} at "
             "the next start.").format(revision=revision, head=HEAD)
