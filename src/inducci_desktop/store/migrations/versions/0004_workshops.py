"""Workshops: days, agenda blocks, participants and attendance, outcomes, action items, feedback.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _child(table: str, parent: str, column: str, *columns: sa.schema.SchemaItem) -> None:
    op.create_table(
        table,
        *_record_columns(),
        sa.Column(column, sa.String(36), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint([column], [f"{parent}.id"], name=f"fk_{table}_{column}_{parent}", ondelete="CASCADE"),
    )
    op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "workshops",
        *_record_columns(),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("venue", sa.String(300), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("region_id", sa.String(36), nullable=True),
        sa.Column("organisation", sa.String(300), nullable=False),
        sa.Column("trainers", sa.Text(), nullable=False),
        sa.Column("target_group", sa.Text(), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("copied_from", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name="fk_workshops_region_id_regions",
                                ondelete="SET NULL"),
    )
    _child("workshop_days", "workshops", "workshop_id",
           sa.Column("day", sa.Date(), nullable=False),
           sa.Column("start_minutes", sa.Integer(), nullable=False),
           sa.Column("end_minutes", sa.Integer(), nullable=False))
    _child("workshop_blocks", "workshop_days", "day_id",
           sa.Column("position", sa.Integer(), nullable=False),
           sa.Column("kind", sa.String(20), nullable=False),
           sa.Column("title", sa.String(300), nullable=False),
           sa.Column("format_id", sa.String(100), nullable=True),
           sa.Column("duration_minutes", sa.Integer(), nullable=False),
           sa.Column("responsible", sa.String(300), nullable=False),
           sa.Column("materials", sa.Text(), nullable=False),
           sa.Column("notes", sa.Text(), nullable=False))
    _child("workshop_participants", "workshops", "workshop_id",
           sa.Column("name", sa.String(200), nullable=False),
           sa.Column("organisation", sa.String(200), nullable=False),
           sa.Column("department", sa.String(200), nullable=False),
           sa.Column("email", sa.String(200), nullable=False),
           sa.Column("consent", sa.Boolean(), nullable=False),
           sa.Column("consent_date", sa.Date(), nullable=True),
           sa.Column("erased_at", sa.DateTime(), nullable=True))
    _child("workshop_attendance", "workshop_participants", "participant_id",
           sa.Column("day_id", sa.String(36), nullable=False),
           sa.Column("present", sa.Boolean(), nullable=False),
           sa.ForeignKeyConstraint(["day_id"], ["workshop_days.id"], name="fk_workshop_attendance_day_id_workshop_days",
                                   ondelete="CASCADE"),
           sa.UniqueConstraint("participant_id", "day_id", name="uq_workshop_attendance_person_day"))
    op.create_index("ix_workshop_attendance_day_id", "workshop_attendance", ["day_id"])
    _child("workshop_outcomes", "workshops", "workshop_id",
           sa.Column("kind", sa.String(20), nullable=False),
           sa.Column("text", sa.Text(), nullable=False),
           sa.Column("position", sa.Integer(), nullable=False))
    _child("workshop_actions", "workshops", "workshop_id",
           sa.Column("text", sa.Text(), nullable=False),
           sa.Column("owner", sa.String(200), nullable=False),
           sa.Column("due", sa.Date(), nullable=True),
           sa.Column("status", sa.String(20), nullable=False))
    _child("workshop_questions", "workshops", "workshop_id",
           sa.Column("position", sa.Integer(), nullable=False),
           sa.Column("kind", sa.String(20), nullable=False),
           sa.Column("text", sa.Text(), nullable=False))
    _child("workshop_responses", "workshops", "workshop_id",
           sa.Column("answers", sa.JSON(), nullable=False),
           sa.Column("source", sa.String(20), nullable=False))


def downgrade() -> None:
    for table in ("workshop_responses", "workshop_questions", "workshop_actions", "workshop_outcomes",
                  "workshop_attendance", "workshop_participants", "workshop_blocks", "workshop_days", "workshops"):
        op.drop_table(table)
