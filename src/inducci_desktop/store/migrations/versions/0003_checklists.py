"""Checklists: the user's own templates (every version), assessments and their answers.

Assessments pin a template by (template_id, version) without a foreign key: the template is either a
toolbox template (content table ``checklist_templates``) or one of the user's (``checklist_user_templates``).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "checklist_user_templates",
        *_record_columns(),
        sa.Column("template_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_user_templates"),
        sa.UniqueConstraint("template_id", "version", name="uq_checklist_user_templates_version"),
    )
    op.create_index("ix_checklist_user_templates_template_id", "checklist_user_templates", ["template_id"])
    op.create_table(
        "assessments",
        *_record_columns(),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("template_id", sa.String(100), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.String(36), nullable=True),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("assessor", sa.String(200), nullable=False),
        sa.Column("assessed_on", sa.String(10), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(36), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name="fk_assessments_region_id_regions",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
    )
    op.create_index("ix_assessments_template_id", "assessments", ["template_id"])
    op.create_table(
        "assessment_answers",
        *_record_columns(),
        sa.Column("assessment_id", sa.String(36), nullable=False),
        sa.Column("item_key", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"],
                                name="fk_assessment_answers_assessment_id_assessments", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_assessment_answers"),
        sa.UniqueConstraint("assessment_id", "item_key", name="uq_assessment_answers_item"),
    )
    op.create_index("ix_assessment_answers_assessment_id", "assessment_answers", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_assessment_answers_assessment_id", table_name="assessment_answers")
    op.drop_table("assessment_answers")
    op.drop_index("ix_assessments_template_id", table_name="assessments")
    op.drop_table("assessments")
    op.drop_index("ix_checklist_user_templates_template_id", table_name="checklist_user_templates")
    op.drop_table("checklist_user_templates")
