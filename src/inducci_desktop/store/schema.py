"""The schema revisions this version knows, without importing Alembic (kept off the start-up path).

tests/store/test_migrations.py checks these against the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
                                   "0010", "0011", "0012", "0013")
HEAD = KNOWN_REVISIONS[-1]

#: Tables the migrations make that have no model: the FTS5 search index and its shadow tables
#: (content_fts, content_fts_data, …). Schema comparisons against the models should skip them.
UNMODELLED_TABLE_PREFIXES: tuple[str, ...] = ("content_fts",)


def is_unmodelled_table(name: str) -> bool:
    return name.startswith(UNMODELLED_TABLE_PREFIXES)
