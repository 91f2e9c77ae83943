"""Several people at once: a version number and the name of who changed it, on every record that travels.

``row_version`` starts at 1 and goes up by one with every write (the ORM's ``version_id_col`` and the
store's hooks, store/tracking.py): an editor that loaded version 3 and saves when the row is at 4 learns
that someone else changed it (``ChangedElsewhere``) instead of overwriting their edit. ``changed_by`` is
the name the person configured on their machine (services/identity.py).

Neither column is the record's content: both are in 0007's ``NOT_CONTENT``, so the version triggers
(whose WHEN clause lists the content columns when they are made) ignore them. Adding a column keeps the
existing triggers (SQLite's ADD COLUMN, no table copy), so they need not be made again here.

Revision ID: 0012
Revises: 0011
"""

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VERSIONS = "inducci_desktop.store.migrations.versions."


def versioned_tables() -> tuple[str, ...]:
    """Every table whose records travel in bundles: the VERSIONED tuples of 0007, 0009, 0010 and 0011."""
    found: list[str] = []
    for name in ("0007_exchange_versions", "0009_evidence", "0010_strategy", "0011_pilots"):
        found.extend(importlib.import_module(_VERSIONS + name).VERSIONED)
    return tuple(found)


def upgrade() -> None:
    for table in versioned_tables():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))
            batch.add_column(sa.Column("changed_by", sa.String(120), nullable=False, server_default=""))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of the table would drop its version triggers
    for table in reversed(versioned_tables()):
        op.drop_column(table, "changed_by")
        op.drop_column(table, "row_version")
