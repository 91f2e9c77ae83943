"""Read-only looks at an SQLite file: is it SQLite, is it intact, which schema revision is it at.

Nothing here writes to the file, so a damaged or foreign file stays exactly as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from inducci_desktop.domain.i18n import _
from inducci_desktop.store.errors import CorruptDatabaseError, ForeignDatabaseError, NotSQLiteError
from inducci_desktop.store.schema import HEAD, KNOWN_REVISIONS

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckResult:
    """What ``db check`` found: ``ok`` and the lines to print."""

    ok: bool
    lines: list[str]


def problem_line(problem: str) -> str:
    """A line of ``db check`` that says what is wrong."""
    return _("problem: {problem}").format(problem=problem)


def schema_line(revision: str | None) -> str:
    """The ``db check`` line of a schema this version knows: current, or older (upgraded at the next start)."""
    if revision == HEAD:
        return _("schema: {revision} (current)").format(revision=revision)
    return _("schema: {revision} (older; will be upgraded to {head} at the next start)").format(
        revision=revision, head=HEAD)


def newer_schema(revision: str) -> str:
    return _("schema {revision} is newer than this version knows ({head})").format(revision=revision, head=HEAD)


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None
    has_tables: bool

    @property
    def known(self) -> bool:
        return self.revision is None or self.revision in KNOWN_REVISIONS


def open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotSQLiteError(_("{path} is not an SQLite database (it may be damaged or another kind of file).")
                             .format(path=path))


def integrity_problems(path: Path, *, full: bool = False) -> list[str]:
    """Problems SQLite finds in the file; an empty list means it is sound."""
    check_header(path)
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = open_read_only(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def read_state(path: Path, *, full_check: bool = False) -> FileState:
    """Check the file at ``path`` and say what it holds; raise a StoreError when it is unusable."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists(), revision=None, has_tables=False)
    problems = integrity_problems(path, full=full_check)
    if problems:
        shown = "; ".join(problems[:3])
        raise CorruptDatabaseError(_("The database {path} failed its integrity check: {problems}")
                                   .format(path=path, problems=shown))
    conn = open_read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(_("The database {path} cannot be read: {reason}")
                                   .format(path=path, reason=exc)) from exc
    finally:
        conn.close()
    user_tables = {t for t in tables if not t.startswith("sqlite_")} - {"alembic_version"}
    if user_tables and revision is None:
        raise ForeignDatabaseError(
            _("{path} is an SQLite database, but not one of InduCCI Desktop (no schema version in it).")
            .format(path=path))
    return FileState(exists=True, revision=revision, has_tables=bool(user_tables))
