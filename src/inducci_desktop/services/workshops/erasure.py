"""Erasing a person on request so that the bytes are gone: database, WAL, backups, leftovers and logs.

The erased values are overwritten in the database (secure_delete, then a WAL checkpoint retried until no
reader needs the old pages), in every backup (changed on a copy, vacuumed, checked), and then every file
of the data folder and the log folder is read back as raw bytes and searched for the person's name and
e-mail. A file that still holds them is named to the user, with the reason, and can be deleted
(``delete_files``); the result never says "erased" for a file that was not cleaned.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.store.database import Store
from inducci_desktop.store.files import data_files
from inducci_desktop.store.models import ActionItem, AgendaBlock, Participant, Stakeholder, Workshop, utcnow

log = logging.getLogger(__name__)

#: How long an erasure waits for another connection (a print job, another window) to finish reading
#: before it reports the database as not yet clean.
CHECKPOINT_WAIT_SECONDS = 30.0
#: The most bytes read from one file (or one zip entry) when checking that a name is gone.
MAX_SCAN_BYTES = 2_000_000_000
_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\band\b|&|/)\s*")


@dataclass(frozen=True)
class UncleanFile:
    path: Path
    reason: str
    deletable: bool = True  # False for the database itself (never offered for deletion)


@dataclass(frozen=True)
class Erasure:
    entries: int  # entries of the person erased, across workshops
    backups: int  # backups that held the person's data and were cleaned
    files_checked: int = 0  # files of the data and log folders read back and searched
    unclean: tuple[UncleanFile, ...] = field(default=())

    @property
    def complete(self) -> bool:
        return not self.unclean


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern for any of ``names`` as whole words (spaces may vary)."""
    parts = sorted({norm(n) for n in names if n.strip()}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def without_names(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with the names removed; list separators left dangling are tidied away."""
    if not pattern.search(text):
        return text
    pieces = [p.strip() for p in _SEPARATORS.split(pattern.sub("", text))]
    kept = [" ".join(p.split()) for p in pieces if p.strip(" .-")]
    return ", ".join(kept)


def same_person(rows: Sequence[tuple[str, str, str]], name: str, email: str) -> list[str]:
    """Ids of ``rows`` (id, name, email) that are the person: same e-mail, or same name without e-mail."""
    mail, who = email.strip().casefold(), norm(name)
    return [rid for rid, n, e in rows
            if (mail and e.strip().casefold() == mail) or (not e.strip() and who and norm(n) == who)]


def erase_in_session(session: Session, rows: Sequence[Participant], names: Sequence[str]) -> None:
    """Blank the entries, the action items they own, and the names in trainers and agenda blocks."""
    if session.connection().dialect.name == "sqlite":  # a server's storage is the administrator's (README)
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    pattern = name_pattern(names)
    if pattern is not None:
        for action in session.scalars(select(ActionItem)):
            cleaned = without_names(action.owner, pattern)
            if cleaned != action.owner:
                action.owner = cleaned
        for workshop in session.scalars(select(Workshop)):
            cleaned = without_names(workshop.trainers, pattern)
            if cleaned != workshop.trainers:
                workshop.trainers = cleaned
        for block in session.scalars(select(AgendaBlock)):
            cleaned = without_names(block.responsible, pattern)
            if cleaned != block.responsible:
                block.responsible = cleaned
    now = utcnow()
    for row in rows:
        row.name = row.organisation = row.department = row.email = ""
        row.consent, row.consent_date, row.erased_at = False, None, now
    _erase_stakeholders(session, rows, now)


def _erase_stakeholders(session: Session, rows: Sequence[Participant], now: datetime) -> None:
    """People consulted added from these entries (an activity naming the entry) are the same person."""
    ids = {r.id for r in rows}
    for person in session.scalars(select(Stakeholder).where(Stakeholder.erased_at.is_(None))):
        if any(a.get("kind") == "workshop" and a.get("ref") in ids for a in person.activities):
            person.name = person.organisation = person.role = person.email = ""
            person.consent, person.consent_date, person.activities, person.erased_at = False, None, [], now


def scrub_connection(conn: sqlite3.Connection, entry_ids: Sequence[str], names: Sequence[str],
                     emails: Sequence[str], stamp: str) -> int:
    """The same erasure in a backup file (plain sqlite3, any schema revision that has the tables): the
    entries erased here by id, and any other entry of the same person (same e-mail, or same name without
    an e-mail) that only the backup still has."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    changed = 0
    if "workshop_participants" in tables:
        rows = conn.execute("SELECT id, name, email FROM workshop_participants WHERE erased_at IS NULL").fetchall()
        known = set(entry_ids)
        ids: set[str] = {rid for rid, _name, _email in rows if rid in known}
        for name in names:
            ids.update(same_person(rows, name, ""))
        for email in emails:
            ids.update(same_person(rows, "", email))
        for rid in sorted(ids):
            changed += conn.execute(
                "UPDATE workshop_participants SET name = '', organisation = '', department = '', email = '', "
                "consent = 0, consent_date = NULL, erased_at = ? WHERE id = ?", (stamp, rid)).rowcount
    if "stakeholders" in tables:
        changed += _scrub_stakeholders(conn, entry_ids, stamp)
    pattern = name_pattern(names)
    for table, column in (("workshop_actions", "owner"), ("workshops", "trainers"), ("workshop_blocks", "responsible")):
        if table not in tables or pattern is None:
            continue
        for rid, value in conn.execute(f"SELECT id, {column} FROM {table}").fetchall():
            text = value or ""
            cleaned = without_names(text, pattern)
            if cleaned != text:
                changed += conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (cleaned, rid)).rowcount
    return changed


def _scrub_stakeholders(conn: sqlite3.Connection, entry_ids: Sequence[str], stamp: str) -> int:
    """People consulted added from the erased entries, in a backup (activities stored as JSON)."""
    known = set(entry_ids)
    changed = 0
    for rid, raw in conn.execute("SELECT id, activities FROM stakeholders WHERE erased_at IS NULL").fetchall():
        try:
            activities = json.loads(raw or "[]")
        except ValueError:
            continue
        if isinstance(activities, list) and any(isinstance(a, dict) and a.get("kind") == "workshop"
                                                and a.get("ref") in known for a in activities):
            changed += conn.execute(
                "UPDATE stakeholders SET name = '', organisation = '', role = '', email = '', consent = 0, "
                "consent_date = NULL, activities = '[]', erased_at = ? WHERE id = ?", (stamp, rid)).rowcount
    return changed


def wait_for_checkpoint(store: Store, seconds: float) -> bool:
    """Checkpoint the WAL into the database file, retrying while a reader still needs the old pages."""
    deadline = time.monotonic() + seconds
    while True:
        if store.db.checkpoint():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def find_terms(path: Path, terms: Sequence[bytes]) -> bool:
    """Whether the raw bytes of ``path`` hold any of ``terms`` (read in overlapping chunks); in a zip file
    (an exchange bundle, an XLSX table) the unpacked entries are searched too."""
    if not terms:
        return False
    try:
        with path.open("rb") as handle:
            if _stream_holds(handle, terms):
                return True
            handle.seek(0)
            if handle.read(4) != b"PK\x03\x04":
                return False
        return _zip_holds(path, terms)
    except OSError:
        return True  # a file that cannot be read cannot be shown clean


def _stream_holds(handle: IO[bytes], terms: Sequence[bytes], budget: int = MAX_SCAN_BYTES) -> bool:
    longest = max(len(t) for t in terms)
    tail = b""
    read = 0
    while read < budget:
        chunk = handle.read(1 << 20)
        if not chunk:
            return False
        read += len(chunk)
        window = (tail + chunk).lower()
        if any(t in window for t in terms):
            return True
        tail = window[-longest:]
    return False


def _zip_holds(path: Path, terms: Sequence[bytes]) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist()[:10_000]:
                with archive.open(info) as stream:
                    if _stream_holds(stream, terms):
                        return True
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, NotImplementedError):
        return False
    return False


def search_terms(names: Iterable[str], emails: Iterable[str]) -> list[bytes]:
    """What must not be found any more: each name and e-mail, in UTF-8 (and UTF-16, which SQLite may use),
    lower-cased (the search lower-cases the bytes it reads, which is exact for ASCII letters)."""
    terms: set[bytes] = set()
    for value in (*names, *emails):
        value = " ".join(value.split())
        if len(value) >= 3:
            for encoding in ("utf-8", "utf-16-le"):
                terms.add(value.encode(encoding).lower())
    return sorted(terms)


def check_files(folders: Sequence[Path], database: Path, terms: Sequence[bytes]) -> tuple[int, list[UncleanFile]]:
    """Read back every file of ``folders``; those that still hold a term, named with a reason."""
    checked = 0
    unclean: list[UncleanFile] = []
    for path in data_files(folders):
        checked += 1
        if not find_terms(path, terms):
            continue
        if path == database or path.name in (f"{database.name}-wal", f"{database.name}-shm"):
            unclean.append(UncleanFile(path, _("the database still holds the name or e-mail outside the workshop "
                                             "records (for example in a note or an answer); edit it there"),
                                       deletable=False))
        elif path.name.startswith("damaged-"):
            unclean.append(UncleanFile(path, _("a copy of a damaged database: it cannot be opened to be cleaned")))
        else:
            unclean.append(UncleanFile(path, _("it still holds the name or e-mail and cannot be cleaned")))
    return checked, unclean


def delete_files(store: Store, folders: Sequence[Path], files: Iterable[Path]) -> list[Path]:
    """Delete files an erasure could not clean; only files inside ``folders``, never the database."""
    roots = [f.resolve() for f in folders]
    protected = {Path(f"{store.path}{s}").resolve() for s in ("", "-wal", "-shm", "-journal")}
    deleted: list[Path] = []
    for path in files:
        real = path.resolve()
        if real in protected or not any(real.is_relative_to(r) for r in roots):
            raise ValidationError(_("{path} is not a file the erasure may delete.").format(path=path))
        real.unlink(missing_ok=True)
        deleted.append(path)
    return deleted


def person_terms(rows: Sequence[Participant]) -> tuple[list[str], list[str]]:
    names = sorted({" ".join(r.name.split()) for r in rows if r.name.strip()})
    emails = sorted({r.email.strip() for r in rows if r.email.strip()})
    return names, emails


def checkpoint_problem(store: Store) -> UncleanFile:
    return UncleanFile(Path(f"{store.path}-wal"),
                       _("another connection (a print job or another program) kept reading for "
                           "{CHECKPOINT_WAIT_SECONDS:.0f} s, so the old values are still in the write-ahead log; "
                               "close it and erase again")
                           .format(CHECKPOINT_WAIT_SECONDS=CHECKPOINT_WAIT_SECONDS), deletable=False)


def log_outcome(result: Erasure) -> None:
    # counts only: the log never holds personal data
    log.info("erasure: %d entries, %d backups cleaned, %d files checked, %d not clean", result.entries,
             result.backups, result.files_checked, len(result.unclean))
