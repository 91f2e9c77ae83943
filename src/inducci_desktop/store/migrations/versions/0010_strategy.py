"""Strategy: regional papers (versions, sections, evidence blocks, priorities, measures, review comments) and
the transnational recommendation (its topics and its recommendations).

Every new table travels in bundles: it gets ``vv``/``rev_by`` and the version triggers of migration 0007.
CHECK constraints are written out so that this script never changes when the rules do.

Revision ID: 0010
Revises: 0009
"""

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables of this migration whose records travel in bundles (tests/store/test_versions.py)
VERSIONED: tuple[str, ...] = ("strategy_papers", "strategy_sections", "strategy_blocks", "strategy_priorities",
                              "strategy_measures", "strategy_comments", "recommendations",
                              "recommendation_topics", "recommendation_items")
_DATES = "BETWEEN '1970-01-01' AND '2199-12-31'"
_POSITION = "position BETWEEN 0 AND 1000000"
_STATUS = "status IN ('draft', 'in_review', 'adopted')"
_LEVEL = "level IN ('eu', 'national', 'regional', 'network')"


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


def _lengths(**limits: int) -> list[sa.CheckConstraint]:
    return [_check(f"{column}_length", f"length({column}) <= {limit}") for column, limit in limits.items()]


def _parent(table: str, column: str, parent: str, ondelete: str = "CASCADE") -> list[sa.schema.SchemaItem]:
    return [sa.Column(column, sa.String(36), nullable=False),
            sa.ForeignKeyConstraint([column], [f"{parent}.id"], name=f"fk_{table}_{column}_{parent}",
                                    ondelete=ondelete)]


def upgrade() -> None:
    op.create_table(
        "strategy_papers", *_record_columns(),
        *_parent("strategy_papers", "region_id", "regions", "RESTRICT"),
        sa.Column("lineage_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("adopted_by", sa.String(200), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("frozen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_papers"),
        sa.UniqueConstraint("lineage_id", "version", name="uq_strategy_papers_lineage_id"),
        _check("status", _STATUS),
        _check("version_range", "version BETWEEN 1 AND 10000"),
        _check("adopted_on_range", f"adopted_on {_DATES}"),
        *_lengths(title=300, adopted_by=200),
    )
    op.create_index("ix_strategy_papers_region_id", "strategy_papers", ["region_id"])
    op.create_index("ix_strategy_papers_lineage_id", "strategy_papers", ["lineage_id"])
    op.create_table(
        "strategy_sections", *_record_columns(),
        *_parent("strategy_sections", "paper_id", "strategy_papers"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("outline_key", sa.String(100), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_sections"),
        _check("position_range", _POSITION),
        *_lengths(title=200, outline_key=100),
    )
    op.create_index("ix_strategy_sections_paper_id", "strategy_sections", ["paper_id"])
    op.create_table(
        "strategy_blocks", *_record_columns(),
        *_parent("strategy_blocks", "section_id", "strategy_sections"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("frozen", sa.JSON(), nullable=True),
        sa.Column("taken_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_blocks"),
        _check("position_range", _POSITION),
        _check("taken_on_range", f"taken_on {_DATES}"),
        *_lengths(kind=40),
    )
    op.create_index("ix_strategy_blocks_section_id", "strategy_blocks", ["section_id"])
    op.create_table(
        "strategy_priorities", *_record_columns(),
        *_parent("strategy_priorities", "paper_id", "strategy_papers"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_priorities"),
        _check("position_range", _POSITION),
        *_lengths(title=200),
    )
    op.create_index("ix_strategy_priorities_paper_id", "strategy_priorities", ["paper_id"])
    op.create_table(
        "strategy_measures", *_record_columns(),
        *_parent("strategy_measures", "priority_id", "strategy_priorities"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("resources", sa.Text(), nullable=False),
        sa.Column("funding", sa.String(200), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("finding_ids", sa.JSON(), nullable=False),
        sa.Column("topic_ids", sa.JSON(), nullable=False),
        sa.Column("assumption", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_measures"),
        _check("position_range", _POSITION),
        _check("due_range", f"due {_DATES}"),
        *_lengths(responsible=200, funding=200),
    )
    op.create_index("ix_strategy_measures_priority_id", "strategy_measures", ["priority_id"])
    op.create_table(
        "strategy_comments", *_record_columns(),
        *_parent("strategy_comments", "section_id", "strategy_sections"),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_strategy_comments"),
        *_lengths(author=200),
    )
    op.create_index("ix_strategy_comments_section_id", "strategy_comments", ["section_id"])
    op.create_table(
        "recommendations", *_record_columns(),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("paper_ids", sa.JSON(), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recommendations"),
        _check("status", _STATUS),
        *_lengths(title=300),
    )
    op.create_table(
        "recommendation_topics", *_record_columns(),
        *_parent("recommendation_topics", "recommendation_id", "recommendations"),
        sa.Column("topic_id", sa.String(36), nullable=False),
        sa.Column("common", sa.String(10), nullable=True),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("gap", sa.Text(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("examples", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recommendation_topics"),
        sa.UniqueConstraint("recommendation_id", "topic_id", name="uq_recommendation_topics_topic"),
        _check("level", _LEVEL),
        _check("common", "common IN ('all', 'most', 'some', 'one')"),
        *_lengths(actor=200),
    )
    op.create_index("ix_recommendation_topics_recommendation_id", "recommendation_topics", ["recommendation_id"])
    op.create_table(
        "recommendation_items", *_record_columns(),
        *_parent("recommendation_items", "recommendation_id", "recommendations"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("examples", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recommendation_items"),
        _check("level", _LEVEL),
        _check("position_range", _POSITION),
        *_lengths(title=300, actor=200),
    )
    op.create_index("ix_recommendation_items_recommendation_id", "recommendation_items", ["recommendation_id"])
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
