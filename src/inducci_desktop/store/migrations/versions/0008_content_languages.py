"""Content in every language: the content tables, the search index and the pack row gain a language.

Content tables hold no user data (they are rebuilt from the packs), so they are made anew with
``language`` in their keys and emptied; the next start loads every pack again. Translated checklist texts
go into ``checklist_template_texts`` per (template, version, language); ``checklist_templates`` (English,
pinned by assessments and exchanged) is unchanged. Bookmarks and notes refer to ids and are kept.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Kept in step with content/search.py and 0002 (column order matters for the bm25 weights).
FTS_CREATE = (
    "CREATE VIRTUAL TABLE content_fts USING fts5("
    "title, summary, body, tags, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
FTS_RANK = "INSERT INTO content_fts(content_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 6.0, 3.0)')"
CONTENT_TABLES = ("content_pack", "content_sections", "content_items", "content_glossary", "content_links",
                  "content_search_docs")


def _text_columns() -> list[sa.Column[object]]:
    """Language of the view, language of the text (English for a fallback) and translation metadata."""
    return [
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("text_language", sa.String(20), nullable=False),
        sa.Column("translation", sa.JSON(), nullable=True),
    ]


def _drop_content() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS content_fts")
    op.drop_index("ix_content_items_section", table_name="content_items")
    op.drop_index("ix_content_items_kind", table_name="content_items")
    for table in CONTENT_TABLES:
        op.drop_table(table)


def upgrade() -> None:
    _drop_content()
    op.create_table(
        "content_pack",
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("pack_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(50), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("language", name="pk_content_pack"),
    )
    op.create_table(
        "content_sections",
        sa.Column("id", sa.String(100), nullable=False),
        *_text_columns(),
        sa.Column("parent_id", sa.String(100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", "language", name="pk_content_sections"),
    )
    op.create_table(
        "content_items",
        sa.Column("id", sa.String(100), nullable=False),
        *_text_columns(),
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
        sa.PrimaryKeyConstraint("id", "language", name="pk_content_items"),
    )
    op.create_index("ix_content_items_kind", "content_items", ["kind"])
    op.create_index("ix_content_items_section", "content_items", ["section"])
    op.create_table(
        "content_glossary",
        sa.Column("id", sa.String(100), nullable=False),
        *_text_columns(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(300), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("see", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", "language", name="pk_content_glossary"),
    )
    op.create_table(
        "content_links",
        sa.Column("id", sa.String(100), nullable=False),
        *_text_columns(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("section", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", "language", name="pk_content_links"),
    )
    op.create_table(
        "content_search_docs",
        sa.Column("docid", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("docid", name="pk_content_search_docs"),
        sa.UniqueConstraint("language", "item_id", name="uq_content_search_docs_language"),
    )
    op.create_index("ix_content_search_docs_item_id", "content_search_docs", ["item_id"])
    op.create_table(
        "checklist_template_texts",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", "version", "language", name="pk_checklist_template_texts"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_CREATE)
        op.execute(FTS_RANK)


def downgrade() -> None:
    op.drop_table("checklist_template_texts")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS content_fts")
    op.drop_index("ix_content_search_docs_item_id", table_name="content_search_docs")
    op.drop_index("ix_content_items_section", table_name="content_items")
    op.drop_index("ix_content_items_kind", table_name="content_items")
    for table in CONTENT_TABLES:
        op.drop_table(table)
    # the content of 0002's shape, empty: the next start loads the pack again
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
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_CREATE)
        op.execute(FTS_RANK)
