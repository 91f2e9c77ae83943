"""The schema revisions this version knows, without importing Alembic (kept off the start-up path).

tests/store/test_migrations.py checks these against the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001",)
HEAD = KNOWN_REVISIONS[-1]
