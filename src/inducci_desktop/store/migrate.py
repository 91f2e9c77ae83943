"""Bring a database to the schema this version needs, with Alembic run from code.

Follows the known-safe recipe for SQLite: foreign keys off during batch operations, the whole upgrade in
one transaction (DDL included), and ``PRAGMA foreign_key_check`` before commit. On PostgreSQL
(``upgrade_server``) the upgrade is one transaction too, taken under a transaction-level advisory lock, so
of several clients starting at once one migrates and the others wait, then find the schema current.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.store.engine import make_engine
from inducci_desktop.store.errors import ForeignDatabaseError, MigrationError, NewerDatabaseError, StoreError
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
#: the key of ``pg_advisory_xact_lock`` every InduCCI Desktop takes while it checks and migrates a server's schema
#: (fixed forever: clients of every version must agree on it)
MIGRATION_LOCK_KEY = 0x1DCC1_0001


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_revisions() -> list[str]:
    """Revisions of the shipped migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def upgrade(path: Path, target: str = "head") -> None:
    """Upgrade the database file to ``target`` in one transaction, or leave it exactly as it was."""
    from alembic import command

    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), target)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise MigrationError(ngettext(
                    "The schema upgrade would break {count} reference (first: {first}); nothing was changed.",
                    "The schema upgrade would break {count} references (first: {first}); nothing was changed.",
                    len(problems)).format(count=len(problems), first=problems[0]))
    except MigrationError:
        raise
    except Exception as exc:
        log.exception("migration failed")
        raise MigrationError(_("The schema upgrade failed and was undone: {reason}").format(reason=exc)) from exc
    finally:
        engine.dispose()


def server_revision(conn: Connection) -> tuple[str | None, bool]:
    """The schema revision of the PostgreSQL database on ``conn`` and whether it holds any tables."""
    tables = set(conn.execute(text(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")).scalars())
    revision = None
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision, bool(tables - {"alembic_version"})


def upgrade_server(conn: Connection, where: str, target: str = "head") -> str | None:
    """Check the server's schema and bring it to ``target`` in one transaction on ``conn`` (not yet begun),
    under the migration lock. Returns the revision found (None for an empty database).

    A schema newer than this version knows raises NewerDatabaseError and a database of something else
    ForeignDatabaseError; in both cases nothing is changed. ``where`` names the server in messages.
    """
    from alembic import command

    with conn.begin():
        # a second client blocks here until the first one's upgrade has committed, then finds HEAD
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        revision, has_tables = server_revision(conn)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise NewerDatabaseError(
                _("The database {where} was upgraded by a newer version of InduCCI Desktop (schema {revision}; this "
                  "version knows up to {head}). It was not changed. Install the newer version.")
                .format(where=where, revision=revision, head=HEAD))
        if revision is None and has_tables:
            raise ForeignDatabaseError(
                _("The database {where} holds tables, but not those of InduCCI Desktop (no schema version in it). "
                  "Use an empty database for InduCCI Desktop.").format(where=where))
        if revision == HEAD and target == "head":
            return revision
        log.info("upgrading the schema of %s: %s -> %s", where, revision, target)
        try:
            command.upgrade(alembic_config(conn), target)
        except StoreError:
            raise
        except Exception as exc:
            log.exception("migration failed")
            raise MigrationError(_("The schema upgrade of {where} failed and was undone: {reason}")
                                 .format(where=where, reason=exc)) from exc
    return revision
