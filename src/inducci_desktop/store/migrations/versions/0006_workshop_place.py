"""Workshops: an explicit place (town) and what certificates print when the trainer sets it.

``certificate_date`` and ``certificate_minutes`` stay empty unless the trainer sets them; certificates then
take the date and hours from the workshop's days.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("place", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("certificate_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("certificate_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("certificate_minutes")
        batch.drop_column("certificate_date")
        batch.drop_column("place")
