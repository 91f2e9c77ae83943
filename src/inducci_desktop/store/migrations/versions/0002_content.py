"""Toolbox content tables, the FTS5 search index, and the user's bookmarks and notes.

Content tables are rebuilt from the content pack whenever its version changes. Bookmarks and notes refer
to content by item id (slug), without foreign keys, so a content reload never touches them.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Kept in step with content/search.py (column order matters for the bm25 weights).
FTS_CREATE = (
    "CREATE VIRTUAL TABLE content_fts USING fts5("
    "title, summary, body, tags, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
FTS_RANK = "INSERT INTO content_fts(content_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 6.0, 3.0)')"


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "content_pack",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(50), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("slot", name="pk_content_pack"),
    )
    op.create_table(
        "content_sections",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("parent_id", sa.String(100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_content_sections"),
    )
    op.create_table(
        "content_items",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("section", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("related", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("path", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_content_items"),
    )
    op.create_index("ix_content_items_kind", "content_items", ["kind"])
    op.create_index("ix_content_items_section", "content_items", ["section"])
    op.create_table(
        "content_glossary",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(300), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("see", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_content_glossary"),
    )
    op.create_table(
        "content_links",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("section", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_content_links"),
    )
    op.create_table(
        "checklist_templates",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("section", sa.String(100), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("in_pack", sa.Boolean(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", "version", name="pk_checklist_templates"),
    )
    op.create_table(
        "content_search_docs",
        sa.Column("docid", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("docid", name="pk_content_search_docs"),
        sa.UniqueConstraint("item_id", name="uq_content_search_docs_item_id"),
    )
    op.create_table(
        "bookmarks",
        *_record_columns(),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bookmarks"),
        sa.UniqueConstraint("item_id", name="uq_bookmarks_item_id"),
    )
    op.create_table(
        "notes",
        *_record_columns(),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        sa.UniqueConstraint("item_id", name="uq_notes_item_id"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_CREATE)
        op.execute(FTS_RANK)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS content_fts")
    op.drop_table("notes")
    op.drop_table("bookmarks")
    op.drop_table("content_search_docs")
    op.drop_table("checklist_templates")
    op.drop_table("content_links")
    op.drop_table("content_glossary")
    op.drop_index("ix_content_items_section", table_name="content_items")
    op.drop_index("ix_content_items_kind", table_name="content_items")
    op.drop_table("content_items")
    op.drop_table("content_sections")
    op.drop_table("content_pack")
