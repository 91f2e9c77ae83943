"""Bring a database to the schema this version needs, with Alembic run from code.

Follows the known-safe recipe for SQLite: foreign keys off during batch operations, the whole upgrade in
one transaction (DDL included), and ``PRAGMA foreign_key_check`` before commit.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from inducci_desktop.store.engine import make_engine
from inducci_desktop.store.errors import MigrationError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


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
                raise MigrationError(
                    f"The schema upgrade would break {len(problems)} references (first: {problems[0]}); "
                    "nothing was changed."
                )
    except MigrationError:
        raise
    except Exception as exc:
        log.exception("migration failed")
        raise MigrationError(f"The schema upgrade failed and was undone: {exc}") from exc
    finally:
        engine.dispose()
