"""Evidence: topics and findings, interviews and their answers, the people and organisations consulted.

Every new table travels in bundles: it gets ``vv``/``rev_by`` and the version triggers of migration 0007.
CHECK constraints are written out so that this script never changes when the rules do.

Revision ID: 0009
Revises: 0008
"""

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables of this migration whose records travel in bundles (tests/store/test_versions.py)
VERSIONED: tuple[str, ...] = ("evidence_topics", "evidence_findings", "interviews", "interview_answers",
                              "stakeholders")
_DATES = "BETWEEN '1970-01-01' AND '2199-12-31'"


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("vv", sa.JSON(), nullable=True),
        sa.Column("rev_by", sa.String(36), nullable=True),
    ]


def _check(name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=name)  # the naming convention adds "ck_<table>_"


def _lengths(table: str, **limits: int) -> list[sa.CheckConstraint]:
    return [_check(f"{column}_length", f"length({column}) <= {limit}") for column, limit in limits.items()]


def _region_fk(table: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=f"fk_{table}_region_id_regions",
                                   ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "evidence_topics", *_record_columns(),
        sa.Column("name", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_topics"),
        sa.UniqueConstraint("name", name="uq_evidence_topics_name"),
        *_lengths("evidence_topics", name=80),
    )
    op.create_table(
        "evidence_findings", *_record_columns(),
        sa.Column("region_id", sa.String(36), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("source_kind", sa.String(20), nullable=False),
        sa.Column("source_ref", sa.String(200), nullable=False),
        sa.Column("source_title", sa.String(300), nullable=False),
        sa.Column("citation", sa.String(300), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("strength", sa.String(20), nullable=False),
        sa.Column("topic_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_findings"),
        _region_fk("evidence_findings", "RESTRICT"),
        _check("strength", "strength IN ('weak', 'moderate', 'strong')"),
        _check("source_kind",
               "source_kind IN ('answer', 'section', 'outcome', 'feedback', 'interview', 'pilot_lesson', "
               "'pilot_criterion', 'note')"),
        _check("observed_on_range", f"observed_on {_DATES}"),
        *_lengths("evidence_findings", source_ref=200, source_title=300, citation=300),
    )
    op.create_index("ix_evidence_findings_region_id", "evidence_findings", ["region_id"])
    op.create_table(
        "interviews", *_record_columns(),
        sa.Column("guide_id", sa.String(100), nullable=False),
        sa.Column("region_id", sa.String(36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("interviewer", sa.String(200), nullable=False),
        sa.Column("interviewee_role", sa.String(200), nullable=False),
        sa.Column("interviewee_organisation", sa.String(200), nullable=False),
        sa.Column("interviewee_name", sa.String(200), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("name_consent", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_interviews"),
        _region_fk("interviews", "RESTRICT"),
        _check("guide_id", "guide_id IN ('interview-administration', 'interview-cci-actors', "
                                         "'interview-industrial-companies')"),
        _check("held_on_range", f"held_on {_DATES}"),
        *_lengths("interviews", interviewer=200, interviewee_role=200, interviewee_organisation=200,
                  interviewee_name=200),
    )
    op.create_index("ix_interviews_region_id", "interviews", ["region_id"])
    op.create_table(
        "interview_answers", *_record_columns(),
        sa.Column("interview_id", sa.String(36), nullable=False),
        sa.Column("question_key", sa.String(100), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_interview_answers"),
        sa.ForeignKeyConstraint(["interview_id"], ["interviews.id"],
                                name="fk_interview_answers_interview_id_interviews", ondelete="CASCADE"),
        sa.UniqueConstraint("interview_id", "question_key", name="uq_interview_answers_question"),
        *_lengths("interview_answers", question_key=100),
    )
    op.create_index("ix_interview_answers_interview_id", "interview_answers", ["interview_id"])
    op.create_table(
        "stakeholders", *_record_columns(),
        sa.Column("region_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("activities", sa.JSON(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_stakeholders"),
        _region_fk("stakeholders", "SET NULL"),
        _check("kind", "kind IN ('person', 'organisation')"),
        _check("consent_date_range", f"consent_date {_DATES}"),
        *_lengths("stakeholders", name=200, organisation=200, role=200, email=200),
    )
    op.create_index("ix_stakeholders_region_id", "stakeholders", ["region_id"])
    versions = importlib.import_module("inducci_desktop.store.migrations.versions.0007_exchange_versions")
    bind = op.get_bind()
    for table in VERSIONED:
        versions.create_version_triggers(bind, table)


def downgrade() -> None:
    versions = importlib.import_module("inducci_desktop.store.migrations.versions.0007_exchange_versions")
    bind = op.get_bind()
    for table in reversed(VERSIONED):
        versions.drop_version_triggers(bind, table)
        op.drop_table(table)
