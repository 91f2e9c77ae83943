"""Pilot actions: a region's own pilots with criteria, lessons, voices and photos.

Every table travels in bundles, so each gets ``vv``/``rev_by`` and the version triggers of migration 0007
(its ``version_trigger_sql``, as 0009 and 0010 use it: a migration script never changes once released).
The CHECK constraints are written out too (as in 0005).

Revision ID: 0011
Revises: 0010
"""

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables of this migration whose records travel in bundles (a test keeps them equal to the exchange kinds)
VERSIONED: tuple[str, ...] = ("pilots", "pilot_criteria", "pilot_lessons", "pilot_voices", "pilot_photos")
DATES = "BETWEEN '1970-01-01' AND '2199-12-31'"


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("vv", sa.JSON(), nullable=True),
        sa.Column("rev_by", sa.String(36), nullable=True),
    ]


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    # named by the naming convention of the models' metadata: ck_<table>_<name>
    return sa.CheckConstraint(sql, name=name)


def _child(table: str, *items: sa.schema.SchemaItem) -> None:
    op.create_table(
        table,
        *_record_columns(),
        sa.Column("pilot_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *items,
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(["pilot_id"], ["pilots.id"], name=f"fk_{table}_pilot_id_pilots", ondelete="CASCADE"),
    )
    op.create_index(f"ix_{table}_pilot_id", table, ["pilot_id"])


def upgrade() -> None:
    op.create_table(
        "pilots",
        *_record_columns(),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("region_id", sa.String(36), nullable=True),
        sa.Column("format_id", sa.String(100), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("repeat", sa.String(20), nullable=False),
        sa.Column("repeat_note", sa.Text(), nullable=False),
        sa.Column("partners", sa.JSON(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("challenge", sa.Text(), nullable=False),
        sa.Column("target_groups", sa.Text(), nullable=False),
        sa.Column("budget_planned", sa.Integer(), nullable=True),
        sa.Column("budget_spent", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(20), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("outputs", sa.Text(), nullable=False),
        sa.Column("assessment_id", sa.String(36), nullable=True),
        sa.Column("workshop_ids", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pilots"),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name="fk_pilots_region_id_regions",
                                ondelete="SET NULL"),
        _check("pilots", "status", "status IN ('idea', 'planned', 'running', 'done', 'evaluated')"),
        _check("pilots", "repeat", "repeat IN ('undecided', 'yes', 'changed', 'no')"),
        _check("pilots", "title_length", "length(title) <= 300"),
        _check("pilots", "format_id_length", "length(format_id) <= 100"),
        _check("pilots", "currency_length", "length(currency) <= 20"),
        _check("pilots", "start_date_range", f"start_date {DATES}"),
        _check("pilots", "end_date_range", f"end_date {DATES}"),
        _check("pilots", "budget_planned_range", "budget_planned BETWEEN 0 AND 1000000000000"),
        _check("pilots", "budget_spent_range", "budget_spent BETWEEN 0 AND 1000000000000"),
    )
    _child("pilot_criteria",
           sa.Column("text", sa.Text(), nullable=False),
           sa.Column("baseline", sa.String(200), nullable=False),
           sa.Column("target", sa.String(200), nullable=False),
           sa.Column("achieved", sa.String(200), nullable=False),
           _check("pilot_criteria", "baseline_length", "length(baseline) <= 200"),
           _check("pilot_criteria", "target_length", "length(target) <= 200"),
           _check("pilot_criteria", "achieved_length", "length(achieved) <= 200"))
    _child("pilot_lessons",
           sa.Column("audience", sa.String(20), nullable=False),
           sa.Column("text", sa.Text(), nullable=False),
           _check("pilot_lessons", "audience", "audience IN ('industry', 'creatives', 'setting')"))
    _child("pilot_voices",
           sa.Column("text", sa.Text(), nullable=False),
           sa.Column("speaker", sa.String(200), nullable=False),
           sa.Column("consent", sa.Boolean(), nullable=False),
           sa.Column("consent_date", sa.Date(), nullable=True),
           _check("pilot_voices", "speaker_length", "length(speaker) <= 200"),
           _check("pilot_voices", "consent_date_range", f"consent_date {DATES}"))
    _child("pilot_photos",
           sa.Column("file", sa.String(100), nullable=False),
           sa.Column("caption", sa.Text(), nullable=False),
           sa.Column("credit", sa.String(200), nullable=False),
           sa.Column("consent", sa.Boolean(), nullable=False),
           sa.Column("width", sa.Integer(), nullable=False),
           sa.Column("height", sa.Integer(), nullable=False),
           _check("pilot_photos", "file_length", "length(file) <= 100"),
           _check("pilot_photos", "credit_length", "length(credit) <= 200"))
    versions = importlib.import_module("inducci_desktop.store.migrations.versions.0007_exchange_versions")
    bind = op.get_bind()
    for table in VERSIONED:
        versions.create_version_triggers(bind, table)


def downgrade() -> None:
    versions = importlib.import_module("inducci_desktop.store.migrations.versions.0007_exchange_versions")
    bind = op.get_bind()
    for table in reversed(VERSIONED):
        versions.drop_version_triggers(bind, table)
        if table != "pilots":
            op.drop_index(f"ix_{table}_pilot_id", table)
        op.drop_table(table)
