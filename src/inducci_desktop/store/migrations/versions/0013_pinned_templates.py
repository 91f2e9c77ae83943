"""Pinned toolbox template versions kept with the user data, so every client of a shared database has them.

``checklist_templates`` is toolbox content: on a PostgreSQL server it lives in each machine's content cache,
which holds the versions of that machine's pack and of the bundles imported there. An assessment pins a
version; ``checklist_pinned_templates`` keeps every pinned version beside the assessments (same columns as
``checklist_templates`` bar the cache's own ``in_pack`` and ``loaded_at``).

Existing pins are copied from ``checklist_templates`` where that table holds them: on a local SQLite file (the
content is in the same file) all of them; on a server none (its ``checklist_templates`` is empty), there each
client copies the pins its cache holds the next time it loads the pack (content/pinned.py).

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
INSERT INTO checklist_pinned_templates (id, version, title, summary, section, data)
SELECT t.id, t.version, t.title, t.summary, t.section, t.data FROM checklist_templates t
WHERE EXISTS (SELECT 1 FROM assessments a WHERE a.template_id = t.id AND a.template_version = t.version)
"""


def upgrade() -> None:
    op.create_table(
        "checklist_pinned_templates",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("section", sa.String(100), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", "version", name="pk_checklist_pinned_templates"),
    )
    op.execute(sa.text(BACKFILL))


def downgrade() -> None:
    op.drop_table("checklist_pinned_templates")
